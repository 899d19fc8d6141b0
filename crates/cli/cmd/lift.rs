//! `tiaoli lift TEXT [-o OUT] [--report FILE]`: a published regulation to a rule
//! skeleton (docs/lift.md). The skeleton goes to standard output (or OUT); the
//! report of what needs a human to stderr, or as JSON to FILE.

use std::path::PathBuf;

use super::{EXIT_ERROR, EXIT_OK};

#[derive(clap::Args)]
pub struct Args {
    /// The regulation as published (plain text, one paragraph per line).
    pub text: PathBuf,
    /// Write the skeleton here instead of standard output.
    #[arg(short = 'o', long)]
    pub out: Option<PathBuf>,
    /// Write the report as JSON here instead of a summary on stderr.
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// Rule files whose lexicon subjects are matched against (default: embedded).
    #[arg(long = "rules")]
    pub rules: Vec<PathBuf>,
}

pub fn run(args: Args) -> u8 {
    let text = match std::fs::read(&args.text) {
        Ok(b) => match String::from_utf8(b) {
            Ok(t) => t,
            Err(_) => {
                eprintln!("error: {} is not UTF-8 text", args.text.display());
                return EXIT_ERROR;
            }
        },
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", args.text.display());
            return EXIT_ERROR;
        }
    };
    let Some(c) = super::compile(&args.rules) else {
        return EXIT_ERROR;
    };
    let name = args.text.display().to_string();
    let lifted = tiaoli_lift::lift(&name, &text, &c.graph.lexicon);
    let r = &lifted.report;
    match &args.out {
        Some(p) => {
            let tmp = p.with_extension("tiaoli.tmp");
            if let Err(e) =
                std::fs::write(&tmp, &lifted.text).and_then(|_| std::fs::rename(&tmp, p))
            {
                eprintln!("error: cannot write {}: {e}", p.display());
                return EXIT_ERROR;
            }
        }
        None => print!("{}", lifted.text),
    }
    match &args.report {
        Some(p) => match serde_json::to_string_pretty(r) {
            Ok(s) => {
                if let Err(e) = std::fs::write(p, s) {
                    eprintln!("error: cannot write {}: {e}", p.display());
                    return EXIT_ERROR;
                }
            }
            Err(e) => {
                eprintln!("error: cannot serialise the report: {e}");
                return EXIT_ERROR;
            }
        },
        None => {
            eprintln!(
                "lifted {name}: {} ({}), {} chapters, {} sections, {} articles",
                if r.title.is_empty() {
                    "（标题缺失）"
                } else {
                    &r.title
                },
                r.status,
                r.chapters,
                r.sections,
                r.articles
            );
            eprintln!(
                "  artifacts dropped: {}; page-break splits joined: {}; subjects not in the lexicon: {}",
                r.artifacts.len(),
                r.joined.len(),
                r.new_terms.len()
            );
            for n in &r.header_notes {
                eprintln!("  header: {n}");
            }
            let needs = r
                .per_article
                .iter()
                .filter(|a| !a.needs_human.is_empty())
                .count();
            eprintln!("  articles needing a human beyond review: {needs} (details: --report FILE)");
        }
    }
    EXIT_OK
}
