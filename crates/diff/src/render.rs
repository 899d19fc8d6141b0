//! The diff for people: a Chinese report for the terminal, and Markdown fit for a
//! pull-request comment. (JSON is the serde form of [`crate::Diff`].)

use tiaoli_engine::report::status_zh;

use crate::inline::{self, Style};
use crate::replay::{Verdict, VerdictChange};
use crate::{At, Change, Diff, Kind};

/// Longest quotation in the terminal report, in characters.
const QUOTE: usize = 120;

/// A GitHub comment holds 65,536 characters; the Markdown report stays below.
pub const MARKDOWN_LIMIT: usize = 60_000;
/// An ordinance with more changes than this has its list folded (<details>).
const MARKDOWN_FOLD: usize = 20;
/// Characters of quoted text per Markdown line.
const MARKDOWN_WIDTH: usize = 100;

fn quote(s: &str, max: usize) -> String {
    let one = s.replace('\n', " ");
    if one.chars().count() <= max {
        one
    } else {
        let mut t: String = one.chars().take(max).collect();
        t.push_str("……");
        t
    }
}

fn title(d: &Diff, id: &str) -> String {
    d.ordinances
        .iter()
        .find(|o| o.id == id)
        .and_then(|o| o.new_title.clone().or_else(|| o.old_title.clone()))
        .unwrap_or_default()
}

/// Where a change is: the citation, both sides when they differ, and the name.
fn place(c: &Change) -> String {
    let cite = match (&c.old, &c.new) {
        (Some(a), Some(b)) if a.cite != b.cite => format!("{} → {}", a.cite, b.cite),
        (_, Some(b)) => b.cite.clone(),
        (Some(a), None) => a.cite.clone(),
        (None, None) => String::new(),
    };
    let name = c
        .new
        .as_ref()
        .and_then(|a| a.name.clone())
        .or_else(|| c.old.as_ref().and_then(|a| a.name.clone()));
    match name {
        Some(n) if !cite.is_empty() => format!("{cite}（{n}）"),
        Some(n) => n,
        None => cite,
    }
}

fn is_article_move(k: Kind) -> bool {
    matches!(
        k,
        Kind::ArticleRenumbered | Kind::ArticleMoved | Kind::ArticleMerged | Kind::ArticleSplit
    )
}

/// The one-line statement of a change, without its kind (where, what, the
/// values before and after): the line the reports print after the kind.
pub fn statement(c: &Change) -> String {
    if is_article_move(c.kind) {
        return match (c.field.as_deref(), &c.from, &c.to) {
            (Some(field), Some(a), Some(b)) => format!("{}　{field}：{a} → {b}", place(c)),
            _ => place(c),
        };
    }
    let mut s = place(c);
    let values = match (&c.from, &c.to) {
        (Some(a), Some(b)) => format!("{a} → {b}"),
        (Some(a), None) => a.clone(),
        (None, Some(b)) => b.clone(),
        (None, None) => String::new(),
    };
    if !values.is_empty() {
        if !s.is_empty() {
            s.push('　');
        }
        if let Some(f) = &c.field {
            s.push_str(f);
            s.push('：');
        }
        s.push_str(&values);
    }
    s
}

/// The quotations worth showing: one when both sides say the same.
fn quotes(c: &Change) -> Vec<(&'static str, &At)> {
    if is_article_move(c.kind) && c.kind != Kind::ArticleMerged && c.kind != Kind::ArticleSplit {
        return vec![];
    }
    match (&c.old, &c.new) {
        (Some(a), Some(b)) if a.text == b.text => vec![("", b)],
        (Some(a), Some(b)) => vec![("旧", a), ("新", b)],
        (Some(a), None) => vec![("旧", a)],
        (None, Some(b)) => vec![("新", b)],
        (None, None) => vec![],
    }
}

/// Whether these quotations differ from the last ones shown (several changes to
/// one provision quote it once).
fn fresh(shown: &mut Vec<String>, q: &[(&str, &At)]) -> bool {
    let key: Vec<String> = q.iter().map(|(l, a)| format!("{l}{}", a.text)).collect();
    if key == *shown {
        return false;
    }
    *shown = key;
    true
}

/// Runs of renumbered articles shifted by the same amount: (first, last) indices.
fn runs(changes: &[&Change]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for k in 0..changes.len() {
        if let Some(last) = out.last_mut() {
            if continues(changes, last.1, k) {
                last.1 = k;
                continue;
            }
        }
        out.push((k, k));
    }
    out
}

fn continues(changes: &[&Change], prev: usize, k: usize) -> bool {
    let nums = |c: &Change| Some((c.old.as_ref()?.article, c.new.as_ref()?.article));
    let (Some(p), Some(c)) = (changes.get(prev), changes.get(k)) else {
        return false;
    };
    if prev + 1 != k {
        return false;
    }
    let listed = |x: &Change| matches!(x.kind, Kind::TermAdded | Kind::TermRemoved);
    if listed(p) && p.kind == c.kind && p.field == c.field {
        return true;
    }
    p.kind == Kind::ArticleRenumbered
        && c.kind == Kind::ArticleRenumbered
        && nums(p).map(|(o, n)| (o + 1, n + 1)) == nums(c)
}

/// One line for a run: renumbered articles, or terms added or removed (listed).
fn run_line(run: &[&Change]) -> String {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return String::new();
    };
    if matches!(first.kind, Kind::TermAdded | Kind::TermRemoved) {
        let names: Vec<&str> = run
            .iter()
            .filter_map(|c| c.to.as_deref().or(c.from.as_deref()))
            .collect();
        return format!(
            "{}（{}）：{}",
            first.field.as_deref().unwrap_or_default(),
            names.len(),
            names.join("、")
        );
    }
    let cite = |a: &Option<At>| a.as_ref().map(|x| x.cite.clone()).unwrap_or_default();
    format!(
        "{}至{} → {}至{}（依次顺延）",
        cite(&first.old),
        cite(&last.old),
        cite(&first.new),
        cite(&last.new)
    )
}

/// A verdict in words: `已违反，2025-03-04前，通报`; none: （不适用）.
pub fn verdict_text(v: &Option<Verdict>) -> String {
    match v {
        None => "（不适用）".into(),
        Some(v) => {
            let mut s = status_zh(v.status).to_string();
            if let Some(d) = &v.due {
                s.push_str(&format!("，{d}前"));
            }
            if !v.sanctions.is_empty() {
                s.push_str(&format!("，{}", v.sanctions.join("、")));
            }
            s
        }
    }
}

/// The provision of a verdict change, `old → new` where it was renumbered.
pub fn verdict_cite(u: &VerdictChange) -> String {
    match (&u.old, &u.new) {
        (Some(a), Some(b)) if a.cite != b.cite => format!("{} → {}", a.cite, b.cite),
        (_, Some(b)) => b.cite.clone(),
        (Some(a), None) => a.cite.clone(),
        (None, None) => String::new(),
    }
}

fn summary_line(d: &Diff) -> String {
    let parts: Vec<String> = d
        .summary
        .iter()
        .map(|(k, n)| format!("{} {n}", k.zh()))
        .collect();
    parts.join("，")
}

/// The report in Chinese, for the terminal.
fn versions(d: &Diff) -> Option<String> {
    match (&d.old_version, &d.new_version) {
        (Some(a), Some(b)) => Some(format!("{a} → {b}")),
        _ => None,
    }
}

pub fn render_human(d: &Diff) -> String {
    render_human_styled(d, Style::Plain)
}

/// The report in Chinese, wording changes marked in `style` (Plain or Ansi).
pub fn render_human_styled(d: &Diff, style: Style) -> String {
    let heading = versions(d)
        .map(|v| format!("比较 {v}\n\n"))
        .unwrap_or_default();
    if d.is_empty() {
        let mut s = format!("{heading}无差异：两个版本的规范内容相同。\n");
        if d.units.is_some() {
            s.push_str("单位评估结果无变化。\n");
        }
        return s;
    }
    let mut out = heading;
    for o in &d.ordinances {
        let changes: Vec<&Change> = d.changes.iter().filter(|c| c.ordinance == o.id).collect();
        if changes.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "■ {} {}　{} 处变化\n",
            o.id,
            title(d, &o.id),
            changes.len()
        ));
        let mut shown = Vec::new();
        for (first, last) in runs(&changes) {
            let Some(f) = changes.get(first) else {
                continue;
            };
            if first != last {
                let run = changes.get(first..=last).unwrap_or_default();
                out.push_str(&format!("  · 〔{}〕{}\n", f.kind.zh(), run_line(run)));
                continue;
            }
            out.push_str(&format!("  · 〔{}〕{}\n", f.kind.zh(), statement(f)));
            let q = quotes(f);
            if !fresh(&mut shown, &q) {
                continue;
            }
            if let [(_, a), (_, b)] = q.as_slice() {
                // Both sides quoted as one line, the changed spans marked.
                out.push_str(&format!(
                    "      文字：“{}”\n",
                    inline::line(&a.text, &b.text, style)
                ));
                continue;
            }
            for (label, at) in q {
                let label = if label.is_empty() {
                    String::new()
                } else {
                    format!("{label}：")
                };
                out.push_str(&format!("      {label}“{}”\n", quote(&at.text, QUOTE)));
            }
        }
        out.push('\n');
    }
    if let Some(units) = &d.units {
        if units.is_empty() {
            out.push_str("单位评估结果无变化。\n\n");
        } else {
            out.push_str(&format!("■ 单位评估结果变化　{} 项\n", units.len()));
            let mut current = "";
            for u in units {
                if u.unit != current {
                    out.push_str(&format!("  {}\n", u.unit));
                    current = &u.unit;
                }
                out.push_str(&format!(
                    "  · {} {}（{}）：{} → {}\n",
                    u.ordinance,
                    verdict_cite(u),
                    u.name,
                    verdict_text(&u.old),
                    verdict_text(&u.new)
                ));
            }
            out.push('\n');
        }
    }
    out.push_str(&format!("合计：{}\n", summary_line(d)));
    out
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The report in Markdown, for a pull-request comment: within a comment's
/// limit ([`MARKDOWN_LIMIT`]), long lists folded, quoted lines wrapped, wording
/// changes marked in place (~~删去~~ **新增**).
pub fn render_markdown(d: &Diff) -> String {
    let mut out = String::from("## tiaoli diff\n\n");
    if let (Some(a), Some(b)) = (&d.old_version, &d.new_version) {
        out.push_str(&format!("`{a}` → `{b}`\n\n"));
    }
    if d.is_empty() {
        out.push_str("无差异：两个版本的规范内容相同。\n");
        return out;
    }
    out.push_str("| 变化 | code | 数量 |\n|---|---|---:|\n");
    for (k, n) in &d.summary {
        out.push_str(&format!("| {} | `{}` | {n} |\n", k.zh(), k.code()));
    }
    let mut omitted: Vec<String> = Vec::new();
    let mut sections: Vec<String> = Vec::new();
    for o in &d.ordinances {
        let changes: Vec<&Change> = d.changes.iter().filter(|c| c.ordinance == o.id).collect();
        if changes.is_empty() {
            continue;
        }
        sections.push(markdown_section(d, &o.id, &changes));
    }
    if let Some(units) = &d.units {
        sections.push(markdown_units(units));
    }
    let tail = "\n> 报告超出评论长度上限，以下部分未列出：";
    for (i, sec) in sections.iter().enumerate() {
        let used = out.chars().count() + sec.chars().count() + tail.chars().count() + 200;
        if used > MARKDOWN_LIMIT {
            omitted.extend(sections.get(i..).unwrap_or_default().iter().map(|s| {
                s.lines()
                    .find(|l| l.starts_with("### "))
                    .map(|l| l.trim_start_matches("### ").to_string())
                    .unwrap_or_default()
            }));
            break;
        }
        out.push_str(sec);
    }
    if !omitted.is_empty() {
        out.push_str(&format!(
            "{tail}{}。完整结果见 `--format json`。\n",
            omitted.join("、")
        ));
    }
    out
}

fn markdown_section(d: &Diff, id: &str, changes: &[&Change]) -> String {
    let mut out = format!("\n### {} {}\n\n", id, title(d, id));
    let fold = changes.len() > MARKDOWN_FOLD;
    if fold {
        out.push_str(&format!(
            "<details><summary>{} 处变化（展开）</summary>\n\n",
            changes.len()
        ));
    }
    let mut shown = Vec::new();
    for (first, last) in runs(changes) {
        let Some(f) = changes.get(first) else {
            continue;
        };
        if first != last {
            out.push_str(&format!(
                "- **{}** `{}` {}\n",
                f.kind.zh(),
                f.kind.code(),
                md_line(&run_line(changes.get(first..=last).unwrap_or_default()))
            ));
            continue;
        }
        out.push_str(&format!(
            "- **{}** `{}` {}\n",
            f.kind.zh(),
            f.kind.code(),
            md_line(&statement(f))
        ));
        let q = quotes(f);
        if !fresh(&mut shown, &q) {
            continue;
        }
        if let [(_, a), (_, b)] = q.as_slice() {
            for l in inline::wrapped_markdown(&a.text, &b.text, MARKDOWN_WIDTH) {
                out.push_str(&format!("  > {l}\n"));
            }
            continue;
        }
        for (k, (label, at)) in q.into_iter().enumerate() {
            if k > 0 {
                out.push_str("  >\n");
            }
            let mut text: String = at.text.chars().take(2 * MARKDOWN_WIDTH).collect();
            if at.text.chars().count() > 2 * MARKDOWN_WIDTH {
                text.push_str("……");
            }
            for (i, l) in wrap(&text, MARKDOWN_WIDTH).into_iter().enumerate() {
                let label = if i == 0 && !label.is_empty() {
                    format!("{label}：")
                } else {
                    String::new()
                };
                out.push_str(&format!("  > {label}{}\n", md_line(&l)));
            }
        }
    }
    if fold {
        out.push_str("\n</details>\n");
    }
    out
}

fn markdown_units(units: &[VerdictChange]) -> String {
    let mut out = String::from("\n### 单位评估结果变化\n\n");
    if units.is_empty() {
        out.push_str("无变化。\n");
        return out;
    }
    let fold = units.len() > MARKDOWN_FOLD;
    if fold {
        out.push_str(&format!(
            "<details><summary>{} 项（展开）</summary>\n\n",
            units.len()
        ));
    }
    out.push_str("| 单位 | 条例 | 条文 | 规范 | 旧版 | 新版 |\n|---|---|---|---|---|---|\n");
    for u in units {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            md_escape(&u.unit),
            md_escape(&u.ordinance),
            md_escape(&verdict_cite(u)),
            md_escape(&u.name),
            md_escape(&verdict_text(&u.old)),
            md_escape(&verdict_text(&u.new))
        ));
    }
    if fold {
        out.push_str("\n</details>\n");
    }
    out
}

/// A line of text for Markdown: one line, HTML-ish characters escaped.
fn md_line(s: &str) -> String {
    s.replace('\n', " ")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Text cut into lines of at most `width` characters.
fn wrap(s: &str, width: usize) -> Vec<String> {
    let cs: Vec<char> = s.replace('\n', " ").chars().collect();
    cs.chunks(width.max(1))
        .map(|c| c.iter().collect())
        .collect()
}
