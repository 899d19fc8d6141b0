//! `tiaoli fmt [--check] [PATH…]`: canonical layout. Rewrites files in place
//! (whole or not at all, keeping permissions, owner and symlinks: see
//! crate::files); `--check` only reports.

use std::path::{Path, PathBuf};
use tiaoli_l10n::t;

use tiaoli_compiler::load::load_sources;
use tiaoli_syntax::format::format_file;
use tiaoli_syntax::{render, SourceId};

use super::{EXIT_ERROR, EXIT_FINDING, EXIT_OK};

#[derive(clap::Args)]
pub struct Args {
    /// Rule files or directories. Without one, --check looks at the embedded rules.
    pub paths: Vec<PathBuf>,
    /// Report files that are not formatted (exit 1) instead of rewriting them.
    #[arg(long)]
    pub check: bool,
}

pub fn run(args: Args) -> u8 {
    if args.paths.is_empty() && !args.check {
        eprintln!("{}", super::error_line(&t!("fmt-no-files")));
        return EXIT_ERROR;
    }
    let sources = match load_sources(&args.paths, crate::embedded::EMBEDDED) {
        Ok(s) => s,
        Err(e) => {
            super::print_report(&e);
            return EXIT_ERROR;
        }
    };
    let mut code = EXIT_OK;
    let mut errors = Vec::new();
    let mut changed = Vec::new();
    for (id, src) in sources.iter() {
        // With paths given, only the given files are formatted (not the embedded lexicon).
        if !args.paths.is_empty() && src.name.starts_with(tiaoli_compiler::load::EMBEDDED_PREFIX) {
            continue;
        }
        let file = match tiaoli_syntax::parse(id, &src.text) {
            Ok(f) => f,
            Err(d) => {
                errors.push(d);
                continue;
            }
        };
        let out = format_file(&file, &src.text);
        // Guard: what we write must parse again.
        if let Err(d) = tiaoli_syntax::parse(SourceId(0), &out) {
            let message = t!("fmt-internal", file = &src.name, message = &d.message);
            eprintln!("{}", super::error_line(&message));
            code = EXIT_ERROR;
            continue;
        }
        if out != src.text {
            if args.check {
                changed.push(src.name.clone());
            } else {
                match crate::files::write_atomic(Path::new(&src.name), &out) {
                    Ok(()) => changed.push(src.name.clone()),
                    Err(e) => {
                        eprintln!("{}", super::error_line(&e.to_string()));
                        code = EXIT_ERROR;
                    }
                }
            }
        }
    }
    if !errors.is_empty() {
        eprint!("{}", render::render_human(&errors, &sources, false));
        code = EXIT_ERROR;
    }
    let mut out = String::new();
    for name in &changed {
        if args.check {
            out.push_str(&t!("fmt-not-formatted", file = name));
        } else {
            out.push_str(&t!("fmt-formatted", file = name));
        }
        out.push('\n');
    }
    if code == EXIT_OK && args.check && !changed.is_empty() {
        code = EXIT_FINDING;
    }
    crate::stdout::emit(&out, code)
}
