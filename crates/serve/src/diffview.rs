//! The diff of two versions as a page: each change's kind and statement, and
//! the provision's two texts side by side with the changed characters marked
//! (`<del>` on the old side, `<ins>` on the new), from the diff crate's
//! character diff (`similar`). The same changes as `tiaoli diff`.

use maud::{html, Markup};
use tiaoli_diff::inline::{pieces, Piece};
use tiaoli_diff::render::{statement, verdict_cite, verdict_text};
use tiaoli_diff::{Change, Diff, VerdictChange};

/// The whole comparison: per ordinance a table of its changes, then the
/// units' verdicts that change; `not_in_force` are the titles of drafts the
/// units were evaluated without (草案按已施行评估 not asked), said there.
/// In Chinese whatever the process's language (`--lang`, the locale): the
/// pages are Chinese, and the diff crate's statements and verdicts follow the
/// language of the thread.
pub fn diff_view(d: &Diff, not_in_force: &[String]) -> Markup {
    tiaoli_l10n::scoped(tiaoli_l10n::Lang::Zh, || page(d, not_in_force))
}

fn page(d: &Diff, not_in_force: &[String]) -> Markup {
    html! {
        @if d.is_empty() {
            p { "无差异：两个版本的规范内容相同。" }
        }
        @for o in &d.ordinances {
            @let changes: Vec<&Change> = d.changes.iter().filter(|c| c.ordinance == o.id).collect();
            @if !changes.is_empty() {
                h2 {
                    (o.id) " "
                    (o.new_title.as_deref().or(o.old_title.as_deref()).unwrap_or(""))
                    "　" (changes.len()) " 处变化"
                }
                table.diff {
                    thead { tr { th { "变化" } th { "旧版本" } th { "新版本" } } }
                    tbody { @for c in changes { (row(c)) } }
                }
            }
        }
        @if let Some(units) = &d.units { (verdicts(units, not_in_force)) }
        p.summary {
            "合计："
            @if d.summary.is_empty() { "无变化" }
            @for (i, (k, n)) in d.summary.iter().enumerate() {
                @if i > 0 { "，" }
                (k.zh()) " " (n)
            }
        }
    }
}

fn row(c: &Change) -> Markup {
    let old = c.old.as_ref().map(|a| a.text.as_str());
    let new = c.new.as_ref().map(|a| a.text.as_str());
    let (left, right) = match (old, new) {
        (Some(a), Some(b)) if a != b => sides(a, b),
        (Some(a), Some(_)) => (html! { (a) }, html! { (a) }),
        (Some(a), None) => (html! { del { (a) } }, html! {}),
        (None, Some(b)) => (html! {}, html! { ins { (b) } }),
        (None, None) => (html! {}, html! {}),
    };
    html! {
        tr {
            td.kind {
                span.change-kind data-kind=(c.kind.code()) { (c.kind.zh()) }
                br;
                (statement(c))
                @if let (Some(a), Some(b)) = (&c.from, &c.to) {
                    @let (was, is) = sides(a, b);
                    br;
                    span.value { (was) } " → " span.value { (is) }
                }
            }
            td.old { (left) }
            td.new { (right) }
        }
    }
}

/// The old text with what went marked, and the new with what came.
fn sides(old: &str, new: &str) -> (Markup, Markup) {
    let ps = pieces(old, new);
    let left = html! {
        @for p in &ps {
            @match p {
                Piece::Same(s) => (s),
                Piece::Gone(s) => del { (s) },
                Piece::Added(_) => {},
            }
        }
    };
    let right = html! {
        @for p in &ps {
            @match p {
                Piece::Same(s) => (s),
                Piece::Gone(_) => {},
                Piece::Added(s) => ins { (s) },
            }
        }
    };
    (left, right)
}

/// The units' verdicts that change between the versions, unit by unit.
fn verdicts(units: &[VerdictChange], not_in_force: &[String]) -> Markup {
    html! {
        h2 { "单位评估结果的变化" }
        @if !not_in_force.is_empty() {
            p.hint.drafts-off {
                @for (i, t) in not_in_force.iter().enumerate() {
                    @if i > 0 { "、" }
                    "《" (t) "》"
                }
                "是草案，未勾选“草案按已施行评估”，其条文未对所给单位评估。"
            }
        }
        @if units.is_empty() {
            p.verdicts-same { "所给单位的评估结果在两版之间没有变化。" }
        } @else {
            table.verdicts {
                thead { tr { th { "单位" } th { "条文" } th { "旧版本" } th { "新版本" } } }
                tbody {
                    @for u in units {
                        tr {
                            td.unit { (u.unit) }
                            td.cite { (u.ordinance) " " (verdict_cite(u)) "（" (u.name) "）" }
                            td.old { (verdict_text(&u.old)) }
                            td.new { (verdict_text(&u.new)) }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use tiaoli_diff::{Kind, OrdinancePair, Verdict};
    use tiaoli_engine::Status;
    use tiaoli_l10n::{scoped, Lang};

    use super::*;

    /// A server started with `--lang en` (or an English locale) still serves
    /// the diff page in Chinese: kinds, field labels and verdicts.
    #[test]
    fn the_page_is_chinese_whatever_the_language_of_the_process() {
        let change = Change {
            kind: Kind::DateChanged,
            ordinance: "t".into(),
            field: Some("施行日期".into()),
            old: None,
            new: None,
            from: Some("2024-01-01".into()),
            to: Some("2025-01-01".into()),
        };
        let verdict = VerdictChange {
            unit: "甲".into(),
            ordinance: "t".into(),
            kind: "norm".into(),
            name: "报告".into(),
            old: None,
            new: Some(Verdict {
                cite: "第1条".into(),
                status: Status::Pending,
                due: Some("2025-01-17".into()),
                sanctions: vec![],
            }),
        };
        let d = Diff {
            old_version: None,
            new_version: None,
            ordinances: vec![OrdinancePair {
                id: "t".into(),
                old_title: Some("测试条例".into()),
                new_title: Some("测试条例".into()),
            }],
            changes: vec![change],
            units: Some(vec![verdict]),
            summary: BTreeMap::from([(Kind::DateChanged, 1), (Kind::VerdictChanged, 1)]),
        };
        let zh = diff_view(&d, &[]).into_string();
        for part in [
            "日期变更",
            "施行日期：2024-01-01 → 2025-01-01",
            "（不适用）",
            "待履行，2025-01-17前",
        ] {
            assert!(zh.contains(part), "{part}: {zh}");
        }
        let en = scoped(Lang::En, || diff_view(&d, &[]).into_string());
        assert_eq!(en, zh);
        // The crate's statements do follow an English thread elsewhere.
        let statements: Vec<String> =
            scoped(Lang::En, || d.changes.iter().map(statement).collect());
        assert_eq!(statements, ["in force: 2024-01-01 → 2025-01-01"]);
    }
}
