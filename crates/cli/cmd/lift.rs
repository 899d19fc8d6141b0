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
            eprintln!(
                "错误：输出 {} 就是输入文本 {}；lift 不会覆盖它读取的文本",
                o.display(),
                args.text.display()
            );
            return false;
        }
        if !args.force && std::fs::symlink_metadata(o).is_ok() {
            eprintln!(
                "错误：{} 已存在；lift 不会覆盖已有文件（确需覆盖时加 --force）",
                o.display()
            );
            return false;
        }
    }
    if let [a, b] = outs.as_slice() {
        if a == b || crate::files::same_file(a, b) {
            eprintln!("错误：骨架与报告不能写入同一个文件 {}", a.display());
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
    let lifted = tiaoli_lift::lift(&name, &text, &c.graph.lexicon);
    let r = &lifted.report;
    // Everything to be written is staged first, then put in place together:
    // -o X --report R writes both or neither.
    let mut staged = Vec::new();
    if let Some(p) = &args.report {
        let json = match serde_json::to_string_pretty(r) {
            Ok(s) => s + "\n",
            Err(e) => {
                eprintln!("error: cannot serialise the report: {e}");
                return EXIT_ERROR;
            }
        };
        match crate::files::stage(p, &json) {
            Ok(s) => staged.push(s),
            Err(e) => {
                eprintln!("错误：{e}");
                return EXIT_ERROR;
            }
        }
    }
    if let Some(p) = &args.out {
        match crate::files::stage(p, &lifted.text) {
            Ok(s) => staged.push(s),
            Err(e) => {
                eprintln!("错误：{e}");
                return EXIT_ERROR;
            }
        }
    }
    if let Err(e) = crate::files::commit(staged) {
        eprintln!("错误：{e}");
        return EXIT_ERROR;
    }
    match &args.report {
        Some(_) => {}
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
    match &args.out {
        Some(_) => EXIT_OK,
        None => crate::stdout::emit(&lifted.text, EXIT_OK),
    }
}
