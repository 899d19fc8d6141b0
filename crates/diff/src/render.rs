//! The diff for people: a report for the terminal, and Markdown fit for a
//! pull-request comment, in the language of the run (crates/l10n, `diff.ftl`;
//! Chinese by default). JSON is the serde form of [`crate::Diff`].
//!
//! The report's own words are translated: headings, the kinds of change
//! ([`Kind::name`]) and the field labels it knows ([`labels::field`]). What it
//! quotes is not: the provisions' texts, citations (第四条), names, and the
//! values before and after (`当 …`, `7个工作日`, `通报（等级3）`), which are the
//! law's words or its encoding's, as the JSON gives them.

use tiaoli_engine::report::status_zh;
use tiaoli_l10n::t;

use crate::inline::{self, Style};
use crate::labels;
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
    if id == crate::lexicon::LEXICON {
        return t!("diff-lexicon-title");
    }
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
        Some(n) if !cite.is_empty() => t!("diff-place-named", cite = cite, name = n),
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

/// `field：values`, the field worded in the language of the run.
fn field_values(field: &str, values: String) -> String {
    t!(
        "diff-statement-field",
        field = labels::field(field),
        values = values
    )
}

/// The one-line statement of a change, without its kind (where, what, the
/// values before and after): the line the reports print after the kind.
pub fn statement(c: &Change) -> String {
    if is_article_move(c.kind) {
        return match (c.field.as_deref(), &c.from, &c.to) {
            (Some(field), Some(a), Some(b)) => format!(
                "{}{}{}",
                place(c),
                t!("diff-statement-gap"),
                field_values(field, format!("{a} → {b}"))
            ),
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
            s.push_str(&t!("diff-statement-gap"));
        }
        match &c.field {
            Some(f) => s.push_str(&field_values(f, values)),
            None => s.push_str(&values),
        }
    }
    s
}

/// The quotations worth showing, each with the label before it (旧：, 新：):
/// one, unlabelled, when both sides say the same.
fn quotes(c: &Change) -> Vec<(String, &At)> {
    if is_article_move(c.kind) && c.kind != Kind::ArticleMerged && c.kind != Kind::ArticleSplit {
        return vec![];
    }
    let old = || t!("diff-side-label", side = t!("diff-side-old"));
    let new = || t!("diff-side-label", side = t!("diff-side-new"));
    match (&c.old, &c.new) {
        (Some(a), Some(b)) if a.text == b.text => vec![(String::new(), b)],
        (Some(a), Some(b)) => vec![(old(), a), (new(), b)],
        (Some(a), None) => vec![(old(), a)],
        (None, Some(b)) => vec![(new(), b)],
        (None, None) => vec![],
    }
}

/// Whether these quotations differ from the last ones shown (several changes to
/// one provision quote it once).
fn fresh(shown: &mut Vec<String>, q: &[(String, &At)]) -> bool {
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
        return t!(
            "diff-run-terms",
            field = labels::field(first.field.as_deref().unwrap_or_default()),
            count = names.len(),
            names = names.join(t!("list-sep").as_str())
        );
    }
    let cite = |a: &Option<At>| a.as_ref().map(|x| x.cite.clone()).unwrap_or_default();
    t!(
        "diff-run-renumbered",
        old_first = cite(&first.old),
        old_last = cite(&last.old),
        new_first = cite(&first.new),
        new_last = cite(&last.new)
    )
}

/// A verdict in words: `已违反，2025-03-04前，通报`; none: （不适用）.
pub fn verdict_text(v: &Option<Verdict>) -> String {
    match v {
        None => t!("diff-verdict-none"),
        Some(v) => {
            let mut s = status_zh(v.status);
            if let Some(d) = &v.due {
                s.push_str(&t!("diff-verdict-due", due = d));
            }
            if !v.sanctions.is_empty() {
                let list = v.sanctions.join(t!("list-sep").as_str());
                s.push_str(&t!("diff-verdict-sanctions", sanctions = list));
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
        .map(|(k, n)| t!("diff-report-count", kind = k.name(), count = *n))
        .collect();
    parts.join(t!("diff-report-count-sep").as_str())
}

/// `OLD → NEW`, when the versions are named.
fn versions(d: &Diff) -> Option<String> {
    match (&d.old_version, &d.new_version) {
        (Some(a), Some(b)) => Some(format!("{a} → {b}")),
        _ => None,
    }
}

/// The report for the terminal, in the language of the run.
pub fn render_human(d: &Diff) -> String {
    render_human_styled(d, Style::Plain)
}

/// The report for the terminal, wording changes marked in `style` (Plain or Ansi).
pub fn render_human_styled(d: &Diff, style: Style) -> String {
    let heading = versions(d)
        .map(|v| format!("{}\n\n", t!("diff-report-heading", versions = v)))
        .unwrap_or_default();
    if d.is_empty() {
        let mut s = format!("{heading}{}\n", t!("diff-report-none"));
        if d.units.is_some() {
            s.push_str(&format!("{}\n", t!("diff-report-units-none")));
        }
        return s;
    }
    let mut out = heading;
    for o in &d.ordinances {
        let changes: Vec<&Change> = d.changes.iter().filter(|c| c.ordinance == o.id).collect();
        if changes.is_empty() {
            continue;
        }
        let heading = t!(
            "diff-report-ordinance",
            id = o.id.as_str(),
            title = title(d, &o.id),
            count = changes.len()
        );
        out.push_str(&format!("{heading}\n"));
        let mut shown = Vec::new();
        for (first, last) in runs(&changes) {
            let Some(f) = changes.get(first) else {
                continue;
            };
            if first != last {
                let run = changes.get(first..=last).unwrap_or_default();
                out.push_str(&change_line(f.kind, &run_line(run)));
                continue;
            }
            out.push_str(&change_line(f.kind, &statement(f)));
            let q = quotes(f);
            if !fresh(&mut shown, &q) {
                continue;
            }
            if let [(_, a), (_, b)] = q.as_slice() {
                // Both sides quoted as one line, the changed spans marked.
                let text = inline::line(&a.text, &b.text, style);
                out.push_str(&format!(
                    "      {}\n",
                    t!("diff-report-wording", text = text)
                ));
                continue;
            }
            for (label, at) in q {
                out.push_str(&format!("      {label}“{}”\n", quote(&at.text, QUOTE)));
            }
        }
        out.push('\n');
    }
    if let Some(units) = &d.units {
        if units.is_empty() {
            out.push_str(&format!("{}\n\n", t!("diff-report-units-none")));
        } else {
            let heading = t!("diff-report-units", count = units.len());
            out.push_str(&format!("{heading}\n"));
            let mut current = "";
            for u in units {
                if u.unit != current {
                    out.push_str(&format!("  {}\n", u.unit));
                    current = &u.unit;
                }
                let line = t!(
                    "diff-report-verdict",
                    ordinance = u.ordinance.as_str(),
                    cite = verdict_cite(u),
                    name = u.name.as_str(),
                    old = verdict_text(&u.old),
                    new = verdict_text(&u.new)
                );
                out.push_str(&format!("  · {line}\n"));
            }
            out.push('\n');
        }
    }
    out.push_str(&format!(
        "{}\n",
        t!("diff-report-total", summary = summary_line(d))
    ));
    out
}

/// `  · 〔kind〕what`: one change (or one run of them) in the terminal report.
fn change_line(kind: Kind, what: &str) -> String {
    let line = t!("diff-report-change", kind = kind.name(), what = what);
    format!("  · {line}\n")
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
        out.push_str(&format!("{}\n", t!("diff-report-none")));
        return out;
    }
    out.push_str(&format!(
        "{}\n|---|---|---:|\n",
        t!("diff-md-summary-header")
    ));
    for (k, n) in &d.summary {
        out.push_str(&format!("| {} | `{}` | {n} |\n", k.name(), k.code()));
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
    let tail = format!("\n{}", t!("diff-md-omitted"));
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
            "{tail}{}{}\n",
            omitted.join(t!("list-sep").as_str()),
            t!("diff-md-omitted-end")
        ));
    }
    out
}

fn markdown_section(d: &Diff, id: &str, changes: &[&Change]) -> String {
    let mut out = format!("\n### {} {}\n\n", id, title(d, id));
    let fold = changes.len() > MARKDOWN_FOLD;
    if fold {
        out.push_str(&format!(
            "<details><summary>{}</summary>\n\n",
            t!("diff-md-fold-changes", count = changes.len())
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
                f.kind.name(),
                f.kind.code(),
                md_line(&run_line(changes.get(first..=last).unwrap_or_default()))
            ));
            continue;
        }
        out.push_str(&format!(
            "- **{}** `{}` {}\n",
            f.kind.name(),
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
                let label = if i == 0 { label.as_str() } else { "" };
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
    let mut out = format!("\n### {}\n\n", t!("diff-md-units-title"));
    if units.is_empty() {
        out.push_str(&format!("{}\n", t!("diff-md-units-none")));
        return out;
    }
    let fold = units.len() > MARKDOWN_FOLD;
    if fold {
        out.push_str(&format!(
            "<details><summary>{}</summary>\n\n",
            t!("diff-md-fold-units", count = units.len())
        ));
    }
    out.push_str(&format!(
        "{}\n|---|---|---|---|---|---|\n",
        t!("diff-md-units-header")
    ));
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use tiaoli_l10n::{scoped, Lang};

    use super::*;
    use crate::OrdinancePair;

    /// Two ordinances of added articles, the second too long for a comment.
    fn long_diff() -> Diff {
        let added = |ordinance: &str, n: u32| Change {
            kind: Kind::ArticleAdded,
            ordinance: ordinance.into(),
            field: None,
            old: None,
            new: Some(At {
                cite: format!("第{n}条"),
                eid: format!("art_{n}"),
                article: n,
                name: None,
                text: format!("{ordinance}{n}{}", "平安建设".repeat(50)),
            }),
            from: None,
            to: None,
        };
        let mut changes: Vec<Change> = (1..=100).map(|n| added("a", n)).collect();
        changes.extend((1..=200).map(|n| added("b", n)));
        let pair = |id: &str, title: &str| OrdinancePair {
            id: id.into(),
            old_title: Some(title.into()),
            new_title: Some(title.into()),
        };
        Diff {
            old_version: None,
            new_version: None,
            ordinances: vec![pair("a", "甲条例"), pair("b", "乙条例")],
            changes,
            units: None,
            summary: BTreeMap::from([(Kind::ArticleAdded, 300)]),
        }
    }

    /// The fold and the comment-limit tail in both languages; the Chinese as
    /// it always was.
    #[test]
    fn a_long_report_folds_and_names_what_it_left_out() {
        let d = long_diff();
        let zh = scoped(Lang::Zh, || render_markdown(&d));
        assert!(zh.chars().count() <= MARKDOWN_LIMIT);
        assert!(
            zh.contains("<details><summary>100 处变化（展开）</summary>"),
            "{zh}"
        );
        assert!(zh.ends_with(
            "\n> 报告超出评论长度上限，以下部分未列出：b 乙条例。完整结果见 `--format json`。\n"
        ));
        assert!(zh.contains("| 新增条文 | `article-added` | 300 |"));
        let en = scoped(Lang::En, || render_markdown(&d));
        assert!(en.chars().count() <= MARKDOWN_LIMIT);
        assert!(
            en.contains("<details><summary>100 changes (expand)</summary>"),
            "{en}"
        );
        assert!(en.ends_with(
            "\n> The report would exceed a comment's length limit; not listed: b 乙条例. The full result: `--format json`.\n"
        ), "{}", en.lines().last().unwrap_or_default());
        assert!(en.contains("| article added | `article-added` | 300 |"));
        assert!(!en.contains("处变化"));
    }

    #[test]
    fn verdicts_in_words_in_both_languages() {
        let v = Some(Verdict {
            cite: "第2条".into(),
            status: tiaoli_engine::Status::Violated,
            due: Some("2025-01-17".into()),
            sanctions: vec!["通报".into(), "约谈".into()],
        });
        assert_eq!(
            scoped(Lang::Zh, || verdict_text(&v)),
            "已违反，2025-01-17前，通报、约谈"
        );
        assert_eq!(
            scoped(Lang::En, || verdict_text(&v)),
            "violated, due 2025-01-17, 通报, 约谈"
        );
        assert_eq!(scoped(Lang::Zh, || verdict_text(&None)), "（不适用）");
        assert_eq!(scoped(Lang::En, || verdict_text(&None)), "(not applicable)");
    }
}
