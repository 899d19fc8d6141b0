//! `tiaoli lint [PATH…] [--against PATH…] [--format human|json|sarif]
//! [--deny CODE…] [--allow CODE…]`: consistency checks for drafters
//! (docs/lints.md). Exit 1 when a denied finding remains (errors are denied by
//! default), 2 when the rules do not compile or an option names no check.

use std::path::PathBuf;
use tiaoli_l10n::t;

use tiaoli_lint::{lint, output, Options};

use super::{EXIT_ERROR, EXIT_FINDING, EXIT_OK};

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum LintFormat {
    Human,
    Json,
    Sarif,
}

#[derive(clap::Args)]
pub struct Args {
    /// Rule files or directories (default: the rules embedded in the binary).
    pub paths: Vec<PathBuf>,
    /// Compare with these ordinances too (e.g. a city's against its province's): L1001, L1002.
    #[arg(long, value_name = "PATH")]
    pub against: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: LintFormat,
    /// Make findings of this check fail the run (code, name, `warnings` or `all`); repeatable.
    #[arg(long, value_name = "CODE")]
    pub deny: Vec<String>,
    /// Do not report this check (code or name); repeatable.
    #[arg(long, value_name = "CODE")]
    pub allow: Vec<String>,
    /// One finding per norm (the report gives one per article), every note in full.
    #[arg(long)]
    pub verbose: bool,
    /// SARIF: the absolute URI of docs/lints.md, for each check's help link.
    #[arg(long, value_name = "URL", default_value = output::DOCS_URL)]
    pub docs_url: String,
}

pub fn run(args: Args) -> u8 {
    let opts = match Options::new(&args.deny, &args.allow) {
        Ok(o) => o.verbose(args.verbose),
        Err(e) => {
            super::print_report(&e);
            return EXIT_ERROR;
        }
    };
    let Some(c) = super::compile(&args.paths) else {
        return EXIT_ERROR;
    };
    if c.has_errors() {
        super::print_human(&c);
        eprintln!("{}", super::error_line(&t!("lint-rules-do-not-compile")));
        return EXIT_ERROR;
    }
    let against = if args.against.is_empty() {
        None
    } else {
        let Some(a) = super::compile(&args.against) else {
            return EXIT_ERROR;
        };
        if a.has_errors() {
            super::print_human(&a);
            eprintln!("{}", super::error_line(&t!("lint-against-do-not-compile")));
            return EXIT_ERROR;
        }
        Some(a)
    };
    let report = lint(&c.graph, against.as_ref().map(|a| &a.graph), &opts);
    let code = if report.denied() > 0 {
        EXIT_FINDING
    } else {
        EXIT_OK
    };
    match args.format {
        LintFormat::Human => crate::stdout::emit(&output::human(&report, args.verbose), code),
        LintFormat::Json => crate::stdout::emit_json(&output::json(&report), code),
        LintFormat::Sarif => {
            crate::stdout::emit_json(&output::sarif(&report, &args.docs_url), code)
        }
    }
}
