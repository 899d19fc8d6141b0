//! Reports for people: the human report of `tiaoli eval` and its Markdown form,
//! in the language of crates/l10n (Chinese by default). Ordinances are named by
//! their titles, drafts by the kind the text is (代拟稿, 草案, 征求意见稿), statuses
//! in words that fit the norm (违反 for a prohibition), and the unit by its name
//! (an individual is no 本单位).

use tiaoli_l10n::t;
use tiaoli_syntax::ast::ModalityClass;

use crate::date::Date;
use crate::eval::{Status, Tri};
use crate::report::{Exposure, Finding, LastingState, OrdinanceInfo, Report, UnitReport};

/// A status as the reports print it (the same for every kind of norm).
pub fn status_zh(s: Status) -> String {
    status_label(s, None)
}

/// A status in words that fit the norm: a prohibition is 违反 when an act was
/// done and 遵守 when none was, not 逾期 or 已履行.
pub fn status_label(s: Status, class: Option<ModalityClass>) -> String {
    let prohibition = class == Some(ModalityClass::Prohibition);
    match s {
        Status::Violated if prohibition => t!("status-violated-prohibition"),
        Status::Violated => t!("status-violated"),
        Status::Triggered => t!("status-triggered"),
        Status::Pending => t!("status-pending"),
        Status::Unknown => t!("status-unknown"),
        Status::Fulfilled if prohibition => t!("status-fulfilled-prohibition"),
        Status::Fulfilled => t!("status-fulfilled"),
        Status::NotTriggered => t!("status-not-triggered"),
        Status::Overridden => t!("status-overridden"),
        Status::Permitted => t!("status-permitted"),
        Status::Encouraged => t!("status-encouraged"),
        Status::Lapsed => t!("status-lapsed"),
        Status::Expired => t!("status-expired"),
    }
}

fn sep() -> String {
    t!("list-sep")
}

/// 《海东市平安建设条例》, or the id when the report does not list it.
fn title<'a>(r: &'a Report, id: &'a str) -> &'a str {
    info(r, id).map(|o| o.title.as_str()).unwrap_or(id)
}

fn info<'a>(r: &'a Report, id: &str) -> Option<&'a OrdinanceInfo> {
    r.ordinances.iter().find(|o| o.id == id)
}

pub(crate) fn quoted(t: &str) -> String {
    if t.starts_with('《') {
        t.to_string()
    } else {
        format!("《{t}》")
    }
}

pub fn when(f: &Finding) -> String {
    let prohibition = f.class == Some(ModalityClass::Prohibition);
    match (f.status, f.due, f.overdue_since, &f.deadline) {
        (Status::Violated, _, Some(s), _) if prohibition => {
            t!("when-breach", date = s.to_string())
        }
        (Status::Violated, _, Some(s), _) => match f.fulfilled_on {
            Some(d) => t!(
                "when-overdue-done",
                since = s.to_string(),
                done = d.to_string()
            ),
            None => t!("when-overdue", since = s.to_string()),
        },
        (Status::Fulfilled, _, _, _) if f.fulfilled_on.is_some() => t!(
            "when-fulfilled",
            date = f.fulfilled_on.map(|d| d.to_string()).unwrap_or_default()
        ),
        (_, Some(d), _, _) => match f.due_extended_from {
            Some(n) => t!(
                "when-due-extended",
                due = d.to_string(),
                nominal = n.to_string()
            ),
            None => t!("when-due", due = d.to_string()),
        },
        (_, None, _, Some(d)) => d.clone(),
        _ => String::new(),
    }
}

/// 平安区平安建设组织协调机构（同级） 对平安区公安分局：通报（择一）.
pub fn exposure_line(e: &Exposure, unit: &str) -> String {
    let mut by: Vec<String> = e.authority.iter().cloned().collect();
    by.extend(e.authority_open.iter().cloned());
    let by = if by.is_empty() {
        t!("authority-none")
    } else {
        by.join(&t!("or-sep"))
    };
    let target = if e.target == "本单位" {
        unit
    } else {
        e.target.as_str()
    };
    let mut s = t!("exposure", by = by, target = target, kind = e.kind.as_str());
    if e.choice.is_some() {
        s.push_str(&t!("exposure-choice"));
    }
    if e.discretionary {
        s.push_str(&t!("exposure-discretionary"));
    }
    if e.applies == Tri::Unknown {
        s.push_str(&t!("exposure-condition-unknown"));
    }
    if let Some(l) = &e.lasting {
        let until = l
            .until
            .map(|d| d.to_string())
            .unwrap_or_else(|| t!("date-unknown"));
        let period = l.period.as_str();
        s.push_str(&match l.state {
            LastingState::Active => t!("lasting-active", period = period, until = until),
            LastingState::Expired => t!("lasting-expired", period = period, until = until),
            LastingState::Unknown => t!("lasting-unknown", period = period),
        });
    }
    s
}

fn what(f: &Finding) -> String {
    match (&f.modality, &f.action) {
        (Some(m), Some(a)) => {
            let mut s = format!("{m} {a}");
            if !f.recipients.is_empty() {
                let sep = if f.recipients_any {
                    t!("or-sep")
                } else {
                    sep()
                };
                s.push_str(&format!(
                    "（{}）",
                    t!("report-recipients", bodies = f.recipients.join(&sep))
                ));
            }
            s
        }
        _ => t!("report-consequence", name = f.norm.as_str()),
    }
}

pub fn norm_line(r: &Report, f: &Finding) -> String {
    let draft = match info(r, &f.ordinance) {
        Some(o) if o.draft => t!("report-draft", status = o.status.as_str()),
        _ => String::new(),
    };
    format!(
        "{draft}{}{}　{}",
        quoted(title(r, &f.ordinance)),
        f.cite,
        what(f)
    )
}

fn finding_line(r: &Report, f: &Finding) -> String {
    let w = when(f);
    if w.is_empty() {
        norm_line(r, f)
    } else {
        format!("{}　{w}", norm_line(r, f))
    }
}

/// The findings of one norm (its instances) or one consequence, together.
fn groups(results: &[Finding]) -> Vec<Vec<&Finding>> {
    let mut out: Vec<Vec<&Finding>> = Vec::new();
    let mut index: Vec<(&str, &str, &str)> = Vec::new();
    for f in results {
        let key = (f.ordinance.as_str(), f.eid.as_str(), f.norm.as_str());
        match index.iter().position(|k| *k == key) {
            Some(i) => {
                if let Some(g) = out.get_mut(i) {
                    g.push(f);
                }
            }
            None => {
                index.push(key);
                out.push(vec![f]);
            }
        }
    }
    for g in &mut out {
        g.sort_by_key(|f| (f.triggered_on, f.instance.clone()));
    }
    out.sort_by_key(|g| {
        let worst = g.iter().map(|f| f.status).min();
        let first = g
            .first()
            .map(|f| (f.ordinance.clone(), f.article, f.eid.clone()));
        (worst, first)
    });
    out
}

/// 共 3 件：已违反 1、已履行 2.
pub fn counts(g: &[&Finding]) -> String {
    let mut c: Vec<(Status, usize)> = Vec::new();
    for f in g {
        match c.iter_mut().find(|(s, _)| *s == f.status) {
            Some((_, n)) => *n += 1,
            None => c.push((f.status, 1)),
        }
    }
    c.sort();
    let class = g.first().and_then(|f| f.class);
    let parts: Vec<String> = c
        .iter()
        .map(|(s, n)| format!("{} {n}", status_label(*s, class)))
        .collect();
    t!("report-counts", count = g.len(), parts = parts.join(&sep()))
}

/// A section of the human report: which groups (by their most pressing status)
/// and whether in detail.
struct Section {
    title: String,
    pick: fn(&Finding) -> bool,
    detail: bool,
}

fn sections() -> [Section; 8] {
    [
        Section {
            title: t!("section-violated"),
            pick: |f| f.status == Status::Violated,
            detail: true,
        },
        Section {
            title: t!("section-triggered"),
            pick: |f| f.status == Status::Triggered,
            detail: true,
        },
        Section {
            title: t!("section-unknown"),
            pick: |f| f.status == Status::Unknown,
            detail: true,
        },
        Section {
            title: t!("section-pending-due"),
            pick: |f| f.status == Status::Pending && f.due.is_some(),
            detail: false,
        },
        Section {
            title: t!("section-pending-vague"),
            pick: |f| f.status == Status::Pending && f.due.is_none() && f.deadline.is_some(),
            detail: false,
        },
        Section {
            title: t!("section-ongoing"),
            pick: |f| f.status == Status::Pending && f.due.is_none() && f.deadline.is_none(),
            detail: false,
        },
        Section {
            title: t!("section-fulfilled"),
            pick: |f| f.status == Status::Fulfilled,
            detail: false,
        },
        Section {
            title: t!("section-other"),
            pick: |f| {
                matches!(
                    f.status,
                    Status::NotTriggered
                        | Status::Overridden
                        | Status::Permitted
                        | Status::Encouraged
                        | Status::Lapsed
                        | Status::Expired
                )
            },
            detail: false,
        },
    ]
}

/// One section of a unit's report, as every renderer groups it (the terminal,
/// Markdown, the HTML report of `tiaoli serve` and `eval --format html`).
#[derive(Clone, Debug)]
pub struct ReportSection<'a> {
    /// 已违反, 触发后果, 未确定, 待履行（有截止日期） … in the report's language.
    pub title: String,
    /// Whether its groups are shown in detail (grounds, text, measures).
    pub detail: bool,
    /// The findings of one norm (its instances) or of one consequence each,
    /// placed by their most pressing status.
    pub groups: Vec<Vec<&'a Finding>>,
}

/// A unit's results in the report's sections, in order; empty sections left out.
pub fn report_sections(results: &[Finding]) -> Vec<ReportSection<'_>> {
    let all = groups(results);
    sections()
        .into_iter()
        .filter_map(|section| {
            let items: Vec<Vec<&Finding>> = all
                .iter()
                .filter(|g| {
                    g.iter()
                        .min_by_key(|f| f.status)
                        .is_some_and(|worst| (section.pick)(worst))
                })
                .cloned()
                .collect();
            (!items.is_empty()).then_some(ReportSection {
                title: section.title,
                detail: section.detail,
                groups: items,
            })
        })
        .collect()
}

/// What the report says of a unit before its results: its region, why no
/// ordinance applies, what does not apply and why.
fn unit_head(r: &Report, u: &UnitReport, out: &mut String) {
    out.push_str(&format!(
        "\n{}\n",
        t!(
            "report-unit",
            unit = u.unit.as_str(),
            kind = u.kind.as_str()
        )
    ));
    if !u.region_readings.is_empty() {
        out.push_str(&format!(
            "  · {}\n",
            t!(
                "report-region-ambiguous",
                places = u.region_readings.join(&t!("or-sep"))
            )
        ));
    }
    if u.ordinances.is_empty() {
        let all_outside =
            !u.skipped.is_empty() && u.skipped.iter().all(|s| s.code == "outside_jurisdiction");
        match (&u.region, all_outside) {
            (Some(region), true) => {
                let js: Vec<&str> = r
                    .ordinances
                    .iter()
                    .map(|o| o.jurisdiction.as_str())
                    .collect();
                out.push_str(&format!(
                    "  {}\n",
                    t!(
                        "report-no-ordinance-outside",
                        region = region.as_str(),
                        jurisdictions = js.join(&sep())
                    )
                ));
                return;
            }
            _ => out.push_str(&format!("  {}\n", t!("report-no-ordinance"))),
        }
    }
    for s in &u.skipped {
        out.push_str(&format!(
            "  · {}\n",
            t!(
                "report-skipped",
                title = quoted(if s.title.is_empty() {
                    &s.ordinance
                } else {
                    &s.title
                }),
                reason = s.reason.as_str()
            )
        ));
    }
    for d in &u.deemed {
        let (id, kind) = d.split_once(": ").unwrap_or(("", d.as_str()));
        out.push_str(&format!(
            "  · {}\n",
            t!("report-deemed", title = quoted(title(r, id)), kind = kind)
        ));
    }
    for b in &u.before_in_force {
        out.push_str(&format!(
            "  · {}\n",
            t!(
                "report-before-in-force",
                title = quoted(title(r, &b.ordinance)),
                date = b.in_force.to_string(),
                events = b.events
            )
        ));
    }
}

/// The details of a violated, triggered or undetermined group.
fn details(u: &UnitReport, first: &Finding, listed: bool, out: &mut String) {
    if !listed && !first.missing_facts.is_empty() {
        out.push_str(&format!(
            "      {}\n",
            t!("report-missing", facts = first.missing_facts.join(&sep()))
        ));
    }
    for gr in &first.grounds {
        let mark = if gr.holds == Tri::True {
            t!("ground-holds")
        } else {
            t!("ground-may-hold")
        };
        out.push_str(&format!(
            "      {}\n",
            t!(
                "report-ground",
                cite = gr.cite.as_str(),
                mark = mark,
                text = gr.text.replace('\n', " ")
            )
        ));
    }
    if first.grounds.is_empty() {
        out.push_str(&format!(
            "      {}\n",
            t!("report-text", text = first.text.replace('\n', " "))
        ));
    }
    if let Some(d) = first.since {
        out.push_str(&format!(
            "      {}\n",
            t!("report-since", date = d.to_string())
        ));
    }
    for e in &first.sanctions {
        out.push_str(&format!(
            "      {}\n",
            t!("report-sanction", line = exposure_line(e, &u.unit))
        ));
    }
    for x in &first.follow_up {
        out.push_str(&format!(
            "      {}\n",
            t!("report-follow-up", what = x.as_str())
        ));
    }
}

/// A readable report, one block per unit: what is violated and what follows
/// first, then what is undetermined, what is due, and the rest. A norm's
/// instances are listed under it, with counts by status.
pub fn render_human(r: &Report) -> String {
    let mut out = format!(
        "{}\n",
        t!(
            "report-header",
            as_of = r.as_of.to_string(),
            calendar = r.calendar.as_str()
        )
    );
    for u in &r.units {
        unit_head(r, u, &mut out);
        for section in report_sections(&u.results) {
            out.push_str(&format!(
                "  {}\n",
                t!(
                    "report-section",
                    title = section.title.as_str(),
                    count = section.groups.len()
                )
            ));
            for g in &section.groups {
                let Some(first) = g.iter().min_by_key(|f| f.status).copied() else {
                    continue;
                };
                let listed = g.len() > 1 || first.instance.is_some();
                if listed {
                    out.push_str(&format!("  · {}　{}\n", norm_line(r, first), counts(g)));
                    for f in g {
                        let w = when(f);
                        out.push_str(&format!(
                            "      - {}：{}{}\n",
                            f.instance.as_deref().unwrap_or("—"),
                            status_label(f.status, f.class),
                            if w.is_empty() {
                                String::new()
                            } else {
                                format!("　{w}")
                            }
                        ));
                        if section.detail && !f.missing_facts.is_empty() {
                            out.push_str(&format!(
                                "        {}\n",
                                t!("report-missing", facts = f.missing_facts.join(&sep()))
                            ));
                        }
                    }
                } else {
                    out.push_str(&format!("  · {}\n", finding_line(r, first)));
                }
                if section.detail {
                    details(u, first, listed, &mut out);
                }
            }
        }
        if !u.calendar_gaps.is_empty() {
            let d: Vec<String> = u.calendar_gaps.iter().map(Date::to_string).collect();
            out.push_str(&format!(
                "  {}\n",
                t!("report-calendar-gap", dates = d.join(&sep()))
            ));
        }
    }
    out.push_str(&format!(
        "\n{}\n",
        t!(
            "report-summary",
            units = r.summary.units,
            violated = r.summary.violated,
            triggered = r.summary.triggered,
            unknown = r.summary.unknown,
            pending = r.summary.pending
        )
    ));
    out
}

/// Markdown, fit for a ticket or a pull-request comment.
pub fn render_markdown(r: &Report) -> String {
    let mut out = format!("{}\n", t!("md-title", as_of = r.as_of.to_string()));
    for u in &r.units {
        out.push_str(&format!(
            "\n## {}\n\n",
            t!(
                "report-unit",
                unit = u.unit.as_str(),
                kind = u.kind.as_str()
            )
            .trim_start_matches("■ ")
        ));
        if u.results.is_empty() {
            out.push_str(&format!("{}\n", t!("md-no-binding")));
            continue;
        }
        out.push_str(&t!("md-header"));
        out.push_str("\n|---|---|---|---|---|---|---|---|\n");
        for f in &u.results {
            let sanctions: Vec<String> = f
                .sanctions
                .iter()
                .map(|e| exposure_line(e, &u.unit))
                .collect();
            let draft = match info(r, &f.ordinance) {
                Some(o) if o.draft => t!("report-draft", status = o.status.as_str()),
                _ => String::new(),
            };
            out.push_str(&format!(
                "| {} | {}{} | {} | {} | {} | {} | {} | {} |\n",
                status_label(f.status, f.class),
                quoted(title(r, &f.ordinance)),
                draft,
                f.cite,
                what(f),
                f.instance.as_deref().unwrap_or(""),
                when(f),
                f.missing_facts.join(&sep()),
                sanctions.join("<br>")
            ));
        }
    }
    out
}
