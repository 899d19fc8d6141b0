//! `tiaoli lift TEXT [-o OUT] [--report FILE]`: a published regulation to a rule
//! skeleton (docs/lift.md). The skeleton goes to standard output (or OUT); a
//! summary always to stderr; the full report as JSON to FILE. A text lift cannot
//! read (empty, not text, no articles) is an error: exit 2.

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
    let lifted = match tiaoli_lift::lift(&name, &text, &c.graph.lexicon) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("错误：{}：{e}", args.text.display());
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
                eprintln!("错误：无法生成报告的 JSON 输出：{e}");
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
        "（标题缺失）"
    } else {
        &h.title
    };
    eprintln!(
        "已提取 {name}：{title}（{}，{}{}）",
        h.status,
        h.jurisdiction,
        h.instrument
            .as_deref()
            .map(|i| format!("，{i}"))
            .unwrap_or_default()
    );
    eprintln!(
        "  {} 章、{} 节、{} 条；拟规范 {} 处，拟后果 {} 处",
        r.chapters, r.sections, r.articles, r.summary.norms, r.summary.consequences
    );
    eprintln!(
        "  主体未明确 {} 处；主体不在词汇表中 {} 处（拟新增词条 {} 个）",
        r.summary.no_subject, r.summary.unmatched_subjects, r.summary.new_terms
    );
    eprintln!(
        "  已删去非条文内容 {} 处；已合并分页断行 {} 处",
        r.dropped.len(),
        r.joined.len()
    );
    if !h.guessed.is_empty() {
        eprintln!("  表头推定：{}（骨架中已注明）", h.guessed.join("、"));
    }
    for n in &h.notes {
        eprintln!("  表头：{n}");
    }
    eprintln!(
        "  需要人工处理的条文 {} 条（详见 --report FILE）",
        r.summary.articles_needing_human
    );
}
