//! The evaluation report as HTML, grouped as the CLI groups it
//! (`tiaoli_engine::report::report_sections`), each result citing its provision. One
//! renderer for the self-check page of `tiaoli serve` and for
//! `tiaoli eval --format html`; every string from the request or the rules is
//! escaped by maud (a unit id `<script>` shows as text).

use maud::{html, Markup, PreEscaped, DOCTYPE};
use tiaoli_engine::report::{
    counts, exposure_line, norm_line, report_sections, status_label, when, Report, UnitReport,
};
use tiaoli_engine::Tri;

use crate::results::{explain_button, Carried};

/// The stylesheet of every page (served at `/static/tiaoli.css`, inlined in a
/// standalone report).
pub const STYLESHEET: &str = include_str!("tiaoli.css");

/// How a page gets its styles.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Styles {
    /// `<link>` to `/static/tiaoli.css` (the server: its CSP allows no inline style).
    Linked,
    /// Inlined, for a file that stands alone.
    Inline,
}

/// A whole page: head, navigation (when served), and the body.
pub fn page(title: &str, styles: Styles, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="zh-CN" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — tiaoli" }
                @if styles == Styles::Linked {
                    link rel="stylesheet" href="/static/tiaoli.css";
                } @else {
                    style { (PreEscaped(STYLESHEET)) }
                }
            }
            body {
                @if styles == Styles::Linked {
                    nav {
                        a href="/" { "tiaoli" }
                        a href="/self-check" { "单位合规自查" }
                        a href="/articles" { "条文浏览" }
                        a href="/draft" { "草案审查" }
                    }
                }
                main {
                    h1 { (title) }
                    (body)
                }
            }
        }
    }
    .into_string()
}

/// The standalone report `tiaoli eval --format html` writes.
pub fn standalone_report(r: &Report) -> String {
    page("合规评估报告", Styles::Inline, report(r))
}

/// The report's body: the date and calendar, each unit, the totals.
pub fn report(r: &Report) -> Markup {
    report_with(r, None)
}

/// As [`report`]; served, with the facts carried (`Some`), each result has a
/// button to its explain chain.
pub fn report_with(r: &Report, carried: Option<&Carried>) -> Markup {
    html! {
        p.meta { "评估日期 " (r.as_of) "　日历：" (r.calendar) @if r.drafts { "　（草案按已施行评估）" } }
        @for u in &r.units { (unit(r, u, carried)) }
        p.summary {
            "合计 " (r.summary.units) " 个单位：已违反 " (r.summary.violated)
            "，触发后果 " (r.summary.triggered) "，未确定 " (r.summary.unknown)
            "，待履行 " (r.summary.pending)
        }
    }
}

fn unit(r: &Report, u: &UnitReport, carried: Option<&Carried>) -> Markup {
    html! {
        section.unit {
            h2 { (u.unit) "（" (u.kind) "）" }
            ul.notes {
                @if u.ordinances.is_empty() { li { "无适用的条例" } }
                @for s in &u.skipped { li { "不适用 《" (s.title) "》：" (s.reason) } }
                @for d in &u.deemed { li { "视同 " (d) } }
                @for b in &u.before_in_force {
                    li { (b.ordinance) " 自" (b.in_force) "起施行：此前发生的 " (b.events) " 件事件不适用该条例（不溯及既往）" }
                }
                @if !u.calendar_gaps.is_empty() {
                    li {
                        "注意："
                        (u.calendar_gaps.iter().map(ToString::to_string).collect::<Vec<_>>().join("、"))
                        " 不在节假日安排覆盖的年份内，只按周末计算"
                    }
                }
            }
            @for s in report_sections(&u.results) {
                h3 { "【" (s.title) "】" (s.groups.len()) " 项" }
                @for g in &s.groups {
                    @if let Some(first) = g.iter().min_by_key(|f| f.status).copied() {
                        div.finding {
                            p.norm {
                                span class={ "status s-" (first.status as u8) } { (status_label(first.status, first.class)) }
                                " " (norm_line(r, first))
                                @let w = when(first);
                                @if g.len() > 1 || first.instance.is_some() { "　" (counts(g)) }
                                @else if !w.is_empty() { "　" (w) }
                            }
                            @if let Some(c) = carried {
                                @let one = if g.len() == 1 { first.instance.as_deref() } else { None };
                                (explain_button(c, &u.unit, first, one))
                            }
                            @if g.len() > 1 || first.instance.is_some() {
                                ul.instances {
                                    @for f in g {
                                        li {
                                            (f.instance.as_deref().unwrap_or("—")) "：" (status_label(f.status, f.class))
                                            @let w = when(f);
                                            @if !w.is_empty() { "　" (w) }
                                            @if s.detail && !f.missing_facts.is_empty() {
                                                br; "缺少事实：" (f.missing_facts.join("、"))
                                            }
                                        }
                                    }
                                }
                            }
                            @if s.detail {
                                @if g.len() == 1 && first.instance.is_none() && !first.missing_facts.is_empty() {
                                    p { "缺少事实：" (first.missing_facts.join("、")) }
                                }
                                @for gr in &first.grounds {
                                    blockquote {
                                        "情形 " (gr.cite) (if gr.holds == Tri::True { "（成立）" } else { "（可能成立）" }) "："
                                        (gr.text)
                                    }
                                }
                                @if first.grounds.is_empty() {
                                    blockquote { "原文：" (first.text) }
                                }
                                @if let Some(d) = first.since { p { "情形成立于：" (d) } }
                                @for e in &first.sanctions { p { "处理：" (exposure_line(e, &u.unit)) } }
                                @for x in &first.follow_up { p { "后续：" (x) } }
                            }
                        }
                    }
                }
            }
        }
    }
}
