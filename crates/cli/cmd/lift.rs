//! `tiaoli lift TEXT [-o OUT] [--report FILE]`: a published regulation to a rule
//! skeleton (docs/lift.md). The skeleton goes to standard output (or OUT); a
//! summary always to stderr; the full report as JSON to FILE. A text lift cannot
//! read (empty, not text, no articles) is an error: exit 2.

use std::path::PathBuf;
use tiaoli_l10n::t;

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
    /// Replace OUT (and the report file) if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Refuses outputs that would destroy the input, each other, or (without
/// --force) an existing file; prints why.
fn check_outputs(args: &Args) -> bool {
    let outs: Vec<&PathBuf> = args.out.iter().chain(args.report.iter()).collect();
    for o in &outs {
        if crate::files::same_file(o, &args.text) {
            let message = t!(
                "lift-out-is-input",
                out = o.display().to_string(),
                text = args.text.display().to_string()
            );
            eprintln!("{}", super::error_line(&message));
            return false;
        }
        if !args.force && std::fs::symlink_metadata(o).is_ok() {
            let message = t!("lift-exists", out = o.display().to_string());
            eprintln!("{}", super::error_line(&message));
            return false;
        }
    }
    if let [a, b] = outs.as_slice() {
        if a == b || crate::files::same_file(a, b) {
            let message = t!("lift-same-output", out = a.display().to_string());
            eprintln!("{}", super::error_line(&message));
            return false;
        }
    }
    true
}

pub fn run(args: Args) -> u8 {
    if !check_outputs(&args) {
        return EXIT_ERROR;
    }
    let Some(text) = super::read_input(&args.text) else {
        return EXIT_ERROR;
    };
    let Some(c) = super::compile(&args.rules) else {
        return EXIT_ERROR;
    };
    let name = args.text.display().to_string();
    let lifted = match tiaoli_lift::lift(&name, &text, &c.graph.lexicon) {
        Ok(l) => l,
        Err(e) => {
            let message = t!(
                "lift-failed",
                text = args.text.display().to_string(),
                error = e.to_string()
            );
            eprintln!("{}", super::error_line(&message));
            return EXIT_ERROR;
        }
    };
    let r = &lifted.report;
    // Everything to be written is staged first, then put in place together:
    // -o X --report R writes both or neither.
    let mut staged = Vec::new();
    if let Some(p) = &args.report {
        let json = match serde_json::to_string_pretty(r) {
            Ok(s) => s + "\n",
            Err(e) => {
                let message = t!("lift-json-failed", error = e.to_string());
                eprintln!("{}", super::error_line(&message));
                return EXIT_ERROR;
            }
        };
        match crate::files::stage(p, &json) {
            Ok(s) => staged.push(s),
            Err(e) => {
                eprintln!("{}", super::error_line(&e));
                return EXIT_ERROR;
            }
        }
    }
    if let Some(p) = &args.out {
        match crate::files::stage(p, &lifted.text) {
            Ok(s) => staged.push(s),
            Err(e) => {
                eprintln!("{}", super::error_line(&e));
                return EXIT_ERROR;
            }
        }
    }
    if let Err(e) = crate::files::commit(staged) {
        eprintln!("{}", super::error_line(&e));
        return EXIT_ERROR;
    }
    summary(&name, r);
    match &args.out {
        Some(_) => EXIT_OK,
        None => crate::stdout::emit(&lifted.text, EXIT_OK),
    }
}

/// The summary, always printed (to stderr): what was found and what needs a human.
fn summary(name: &str, r: &tiaoli_lift::Report) {
    let h = &r.header;
    let title = if h.title.is_empty() {
        t!("lift-no-title")
    } else {
        h.title.clone()
    };
    let head = match h.instrument.as_deref() {
        Some(i) => t!(
            "lift-head-instrument",
            file = name,
            title = title,
            status = &h.status,
            jurisdiction = &h.jurisdiction,
            instrument = i
        ),
        None => t!(
            "lift-head",
            file = name,
            title = title,
            status = &h.status,
            jurisdiction = &h.jurisdiction
        ),
    };
    eprintln!("{head}");
    let counts = t!(
        "lift-counts",
        chapters = r.chapters,
        sections = r.sections,
        articles = r.articles,
        norms = r.summary.norms,
        consequences = r.summary.consequences
    );
    eprintln!("  {counts}");
    let subjects = t!(
        "lift-subjects",
        none = r.summary.no_subject,
        unmatched = r.summary.unmatched_subjects,
        new = r.summary.new_terms
    );
    eprintln!("  {subjects}");
    let cleaned = t!(
        "lift-cleaned",
        dropped = r.dropped.len(),
        joined = r.joined.len()
    );
    eprintln!("  {cleaned}");
    if !h.guessed.is_empty() {
        let guessed = t!("lift-guessed", fields = h.guessed.join("、"));
        eprintln!("  {guessed}");
    }
    for n in &h.notes {
        eprintln!("  {}", t!("lift-header-note", note = n));
    }
    let human = t!("lift-needs-human", count = r.summary.articles_needing_human);
    eprintln!("  {human}");
}
