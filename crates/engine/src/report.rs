//! Results for people and machines. The JSON shape is documented in
//! docs/facts-and-results.md and is stable.

use serde::Serialize;
use tiaoli_compiler::graph::{DeadlineOut, Node, OrdinanceGraph, SelectorOut};
use tiaoli_compiler::view::deadline_text;
use tiaoli_syntax::ast::{Choice, Relation};

use crate::date::Date;
use crate::eval::{
    consequence_of, norm_of, Engine, Options, OrdEval, Skipped, Status, Tri, UnitEval,
};
use crate::facts::Unit;

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub as_of: Date,
    pub drafts: bool,
    pub calendar: String,
    pub units: Vec<UnitReport>,
    pub summary: Summary,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    pub units: usize,
    pub results: usize,
    pub violated: usize,
    pub triggered: usize,
    pub pending: usize,
    pub unknown: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct UnitReport {
    pub unit: String,
    pub kind: String,
    pub ordinances: Vec<String>,
    pub skipped: Vec<Skipped>,
    /// Kinds this unit is deemed to be (视同), per ordinance.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deemed: Vec<String>,
    pub results: Vec<Finding>,
    /// Dates outside the years the holiday schedule covers were counted by weekends only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub calendar_gaps: Vec<Date>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub ordinance: String,
    /// Set when the ordinance is a draft (代拟稿, 草案, 征求意见稿): it binds no one yet.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    pub eid: String,
    pub cite: String,
    /// The article's number, for ordering.
    pub article: u32,
    /// `norm` or `consequence`.
    pub kind: &'static str,
    pub norm: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modality: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub triggered_on: Option<Date>,
    pub due: Option<Date>,
    /// The nominal last day, when it fell on a rest day and the period was extended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_extended_from: Option<Date>,
    /// The deadline as the text states it (及时, 30日 …); `vague` when it has no period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub vague: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overdue_since: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fulfilled_on: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overridden_by: Option<String>,
    pub missing_facts: Vec<String>,
    pub sanctions: Vec<Exposure>,
    /// Consequences that follow if this one's measures are not complied with (escalation),
    /// or, for a norm, the consequences its violation leads to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub follow_up: Vec<String>,
    /// Consequences: each ground that holds or may hold, with its text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub grounds: Vec<GroundResult>,
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct GroundResult {
    pub eid: String,
    pub cite: String,
    pub holds: Tri,
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Exposure {
    pub kind: String,
    pub rank: u32,
    /// Who imposes it; None where the text names no one.
    pub authority: Option<String>,
    pub target: String,
    /// Alternatives (根据情节轻重 / 择一) share a group; None for a cumulative measure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choice: Option<String>,
    /// 可以: the authority may impose it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub discretionary: bool,
    /// Whether the measure's own condition (构成犯罪的 …) holds.
    pub applies: Tri,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// When `applies` is unknown: the facts that would decide it (构成犯罪 …).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing_facts: Vec<String>,
}

/// Renders an authority for a unit: 同级 becomes the unit's own region.
pub fn authority_text(s: &SelectorOut, unit: &Unit) -> String {
    if s.self_unit {
        return format!("{}（本单位）", unit.id);
    }
    let levels = s
        .levels
        .iter()
        .map(|l| l.zh())
        .collect::<Vec<_>>()
        .join("、");
    let region = unit.region.as_deref().unwrap_or(&[]);
    match s.relation {
        Some(Relation::SameLevel) => match region.last() {
            Some(r) => format!("{r}{}（同级）", s.term),
            None => format!("同级{}", s.term),
        },
        Some(Relation::UpperLevel) => match region.len().checked_sub(2).and_then(|i| region.get(i))
        {
            Some(r) => format!("{r}{}（上级）", s.term),
            None => format!("上级{}", s.term),
        },
        Some(Relation::LowerLevel) => format!("下级{}", s.term),
        None => format!("{levels}{}", s.term),
    }
}

impl Engine {
    /// Evaluates every unit of a facts file and builds the report.
    pub fn report(&self, units: &[Unit], opts: Options) -> Report {
        let mut out = Vec::with_capacity(units.len());
        let mut summary = Summary {
            units: units.len(),
            ..Summary::default()
        };
        for u in units {
            let ev = self.evaluate(u, opts);
            let r = self.unit_report(&ev, opts);
            for f in &r.results {
                summary.results += 1;
                match f.status {
                    Status::Violated => summary.violated += 1,
                    Status::Triggered => summary.triggered += 1,
                    Status::Pending => summary.pending += 1,
                    Status::Unknown => summary.unknown += 1,
                    _ => {}
                }
            }
            out.push(r);
        }
        Report {
            as_of: opts.as_of,
            drafts: opts.drafts,
            calendar: self.calendar.name.clone(),
            units: out,
            summary,
        }
    }

    pub fn unit_report(&self, ev: &UnitEval<'_>, opts: Options) -> UnitReport {
        let unit = ev.prepared.unit;
        let mut results = Vec::new();
        let mut ordinances = Vec::new();
        let mut deemed = Vec::new();
        let mut gaps = Vec::new();
        for oe in &ev.ords {
            let Some(o) = self.graph.ordinances.get(oe.ordinance) else {
                continue;
            };
            ordinances.push(o.id.clone());
            deemed.extend(oe.deemed.iter().map(|k| format!("{}: {k}", o.id)));
            for (i, node) in o.nodes.iter().enumerate() {
                let f = match node {
                    Node::Norm(_) => self.norm_finding(o, oe, ev, i, opts),
                    Node::Consequence(_) => self.consequence_finding(o, oe, ev, i),
                    _ => None,
                };
                if let Some(f) = f {
                    for d in [f.due, f.due_extended_from].into_iter().flatten() {
                        if !self.calendar.covers(d) && !gaps.contains(&d) {
                            gaps.push(d);
                        }
                    }
                    results.push(f);
                }
            }
        }
        results.sort_by(|a, b| {
            (a.status, &a.ordinance, a.article, &a.eid).cmp(&(
                b.status,
                &b.ordinance,
                b.article,
                &b.eid,
            ))
        });
        UnitReport {
            unit: unit.id.clone(),
            kind: unit.kind.clone(),
            ordinances,
            skipped: ev
                .skipped
                .iter()
                .map(|(i, r)| self.skipped(*i, r))
                .collect(),
            deemed,
            results,
            calendar_gaps: gaps,
        }
    }

    fn text_of(&self, ordinance: usize, eid: &str) -> String {
        self.plan_texts(ordinance)
            .and_then(|t| t.get(eid))
            .cloned()
            .unwrap_or_default()
    }

    fn norm_finding(
        &self,
        o: &OrdinanceGraph,
        oe: &OrdEval,
        ev: &UnitEval<'_>,
        i: usize,
        _opts: Options,
    ) -> Option<Finding> {
        let n = norm_of(o, i)?;
        let st = oe.norm(i)?;
        if st.applies == Tri::False {
            return None;
        }
        let mut missing = Vec::new();
        if st.status == Status::Unknown {
            self.missing(oe.ordinance, oe, &ev.prepared, i, &mut missing);
        }
        let (deadline, vague) = match &n.deadline {
            None => (None, false),
            Some(d) => (
                Some(deadline_text(d)),
                matches!(d, DeadlineOut::Vague { .. }),
            ),
        };
        let follow_up = if st.status == Status::Violated || st.status == Status::Unknown {
            self.reached_by(oe.ordinance, i)
                .iter()
                .filter_map(|c| consequence_of(o, *c))
                .map(|c| format!("{} {}", c.cite, c.name))
                .collect()
        } else {
            Vec::new()
        };
        Some(Finding {
            ordinance: o.id.clone(),
            draft: o.draft,
            eid: n.eid.clone(),
            cite: n.cite.clone(),
            article: n.article,
            kind: "norm",
            norm: n.name.clone(),
            modality: Some(n.modality.zh().to_string()),
            action: Some(n.action.clone()),
            status: st.status,
            triggered_on: st.triggered_on,
            due: st.due,
            due_extended_from: st.extended_from,
            deadline,
            vague,
            overdue_since: st.overdue_since,
            fulfilled_on: st.done_on,
            overridden_by: st
                .overridden_by
                .and_then(|b| norm_of(o, b))
                .map(|b| format!("{} {}", b.cite, b.name)),
            missing_facts: missing,
            sanctions: Vec::new(),
            follow_up,
            grounds: Vec::new(),
            text: self.text_of(oe.ordinance, &n.eid),
        })
    }

    fn consequence_finding(
        &self,
        o: &OrdinanceGraph,
        oe: &OrdEval,
        ev: &UnitEval<'_>,
        i: usize,
    ) -> Option<Finding> {
        let c = consequence_of(o, i)?;
        let v = oe.vals.get(i).copied()?;
        if v == Tri::False {
            return None;
        }
        let unit = ev.prepared.unit;
        let conds = oe.sanction_conds(i);
        let mut sanctions = Vec::new();
        let mut follow_up = Vec::new();
        for (k, cl) in c.sanctions.iter().enumerate() {
            let applies = conds.and_then(|x| x.get(k)).copied().unwrap_or(Tri::True);
            let mut clause_missing = Vec::new();
            if applies == Tri::Unknown {
                if let Some(c) = cl.condition {
                    self.missing(oe.ordinance, oe, &ev.prepared, c, &mut clause_missing);
                }
            }
            if applies == Tri::False {
                continue;
            }
            let choice = cl.choice.map(|ch| match ch {
                Choice::BySeverity => format!("{}#{k} 根据情节轻重", c.cite),
                Choice::OneOf => format!("{}#{k} 择一", c.cite),
            });
            let authorities: Vec<Option<String>> = if cl.authorities.is_empty() {
                vec![None]
            } else {
                vec![Some(
                    cl.authorities
                        .iter()
                        .map(|a| authority_text(a, unit))
                        .collect::<Vec<_>>()
                        .join("或"),
                )]
            };
            for kind in &cl.kinds {
                for target in &cl.targets {
                    for a in &authorities {
                        sanctions.push(Exposure {
                            kind: kind.name.clone(),
                            rank: kind.rank,
                            authority: a.clone(),
                            target: target.clone(),
                            choice: choice.clone(),
                            discretionary: cl.discretionary,
                            applies,
                            deadline: cl.deadline.as_ref().map(deadline_text),
                            missing_facts: clause_missing.clone(),
                        });
                    }
                }
                for e in self.escalations(oe.ordinance, &kind.name) {
                    if let Some(x) = consequence_of(o, *e) {
                        let s = format!("若{}逾期未整改：{} {}", kind.name, x.cite, x.name);
                        if !follow_up.contains(&s) {
                            follow_up.push(s);
                        }
                    }
                }
            }
        }
        let mut missing = Vec::new();
        if v == Tri::Unknown {
            self.missing(oe.ordinance, oe, &ev.prepared, i, &mut missing);
        }
        Some(Finding {
            ordinance: o.id.clone(),
            draft: o.draft,
            eid: c.eid.clone(),
            cite: c.cite.clone(),
            article: c.article,
            kind: "consequence",
            norm: c.name.clone(),
            modality: None,
            action: None,
            status: if v == Tri::True {
                Status::Triggered
            } else {
                Status::Unknown
            },
            triggered_on: None,
            due: None,
            due_extended_from: None,
            deadline: None,
            vague: false,
            overdue_since: None,
            fulfilled_on: None,
            overridden_by: None,
            missing_facts: missing,
            sanctions,
            follow_up,
            grounds: c
                .grounds
                .iter()
                .filter_map(|g| {
                    let holds = oe.vals.get(g.cond).copied()?;
                    // A triggered consequence lists the grounds that hold; an
                    // undetermined one also those that may.
                    let shown = holds == Tri::True || (holds == Tri::Unknown && v == Tri::Unknown);
                    shown.then(|| GroundResult {
                        eid: g.eid.clone(),
                        cite: g.cite.clone(),
                        holds,
                        text: self.text_of(oe.ordinance, &g.eid),
                    })
                })
                .collect(),
            text: self.text_of(oe.ordinance, &c.eid),
        })
    }
}

impl Report {
    /// 0 nothing violated; 1 a violation or a triggered consequence; 3 undetermined.
    pub fn exit_code(&self) -> u8 {
        if self.summary.violated + self.summary.triggered > 0 {
            1
        } else if self.summary.unknown > 0 {
            3
        } else {
            0
        }
    }
}

/// A status in Chinese, as the reports print it.
pub fn status_zh(s: Status) -> &'static str {
    match s {
        Status::Violated => "已违反",
        Status::Triggered => "触发后果",
        Status::Pending => "待履行",
        Status::Unknown => "未确定",
        Status::Fulfilled => "已履行",
        Status::NotTriggered => "未触发",
        Status::Overridden => "被优先规范排除",
        Status::Permitted => "可以（授权）",
        Status::Encouraged => "鼓励（非强制）",
        Status::Lapsed => "期间已过",
    }
}

fn when(f: &Finding) -> String {
    match (f.status, f.due, f.overdue_since, &f.deadline) {
        (Status::Violated, _, Some(s), _) => format!("自{s}起逾期"),
        (_, Some(d), _, _) => match f.due_extended_from {
            Some(n) => format!("{d}前（{n}为休息日，顺延）"),
            None => format!("{d}前"),
        },
        (_, None, _, Some(d)) => d.clone(),
        _ => String::new(),
    }
}

fn exposure_line(e: &Exposure) -> String {
    let by = e
        .authority
        .clone()
        .unwrap_or_else(|| "（条文未明确决定机关）".into());
    let mut s = format!("{by} 对{}：{}", e.target, e.kind);
    if e.choice.is_some() {
        s.push_str("（择一）");
    }
    if e.discretionary {
        s.push_str("（可以）");
    }
    if e.applies == Tri::Unknown {
        s.push_str("（条件未确定）");
    }
    s
}

/// A section of the human report: title, which findings, whether in detail.
type Section<'a> = (&'a str, &'a dyn Fn(&Finding) -> bool, bool);

fn finding_line(f: &Finding) -> String {
    let draft = if f.draft { "〔草案〕" } else { "" };
    let what = match (&f.modality, &f.action) {
        (Some(m), Some(a)) => format!("{m} {a}"),
        _ => format!("后果：{}", f.norm),
    };
    let w = when(f);
    format!(
        "{draft}{} {}　{what}{}",
        f.ordinance,
        f.cite,
        if w.is_empty() {
            String::new()
        } else {
            format!("　{w}")
        }
    )
}

/// A readable report in Chinese, one block per unit: what is violated and what
/// follows first, then what is undetermined, what is due, and the rest.
pub fn render_human(r: &Report) -> String {
    let mut out = format!("评估日期 {}　日历：{}\n", r.as_of, r.calendar);
    for u in &r.units {
        out.push_str(&format!("\n■ {}（{}）\n", u.unit, u.kind));
        if u.ordinances.is_empty() {
            out.push_str("  无适用的条例\n");
        }
        for s in &u.skipped {
            out.push_str(&format!("  · 不适用 {}：{}\n", s.ordinance, s.reason));
        }
        for d in &u.deemed {
            out.push_str(&format!("  · 视同 {d}\n"));
        }
        let sections: [Section; 8] = [
            ("已违反", &|f| f.status == Status::Violated, true),
            ("触发后果", &|f| f.status == Status::Triggered, true),
            ("未确定", &|f| f.status == Status::Unknown, true),
            (
                "待履行（有截止日期）",
                &|f| f.status == Status::Pending && f.due.is_some(),
                false,
            ),
            (
                "待履行（期限用语模糊：及时、定期等，不计算逾期）",
                &|f| f.status == Status::Pending && f.due.is_none() && f.deadline.is_some(),
                false,
            ),
            (
                "持续性职责（条文未规定期限）",
                &|f| f.status == Status::Pending && f.due.is_none() && f.deadline.is_none(),
                false,
            ),
            ("已履行", &|f| f.status == Status::Fulfilled, false),
            (
                "其他（未触发、被排除、授权、鼓励、期间已过）",
                &|f| {
                    matches!(
                        f.status,
                        Status::NotTriggered
                            | Status::Overridden
                            | Status::Permitted
                            | Status::Encouraged
                            | Status::Lapsed
                    )
                },
                false,
            ),
        ];
        for (title, pick, detail) in sections {
            let items: Vec<&Finding> = u.results.iter().filter(|f| pick(f)).collect();
            if items.is_empty() {
                continue;
            }
            out.push_str(&format!("  【{title}】{} 项\n", items.len()));
            for f in items {
                out.push_str(&format!("  · {}\n", finding_line(f)));
                if !detail {
                    continue;
                }
                if !f.missing_facts.is_empty() {
                    out.push_str(&format!("      缺少事实：{}\n", f.missing_facts.join("、")));
                }
                for g in &f.grounds {
                    let mark = if g.holds == Tri::True {
                        "成立"
                    } else {
                        "可能成立"
                    };
                    out.push_str(&format!(
                        "      情形 {}（{mark}）：{}\n",
                        g.cite,
                        g.text.replace('\n', " ")
                    ));
                }
                if f.grounds.is_empty() {
                    out.push_str(&format!("      原文：{}\n", f.text.replace('\n', " ")));
                }
                for e in &f.sanctions {
                    out.push_str(&format!("      处理：{}\n", exposure_line(e)));
                }
                for x in &f.follow_up {
                    out.push_str(&format!("      后续：{x}\n"));
                }
            }
        }
        if !u.calendar_gaps.is_empty() {
            let d: Vec<String> = u.calendar_gaps.iter().map(Date::to_string).collect();
            out.push_str(&format!(
                "  注意：{} 不在节假日安排覆盖的年份内，只按周末计算\n",
                d.join("、")
            ));
        }
    }
    out.push_str(&format!(
        "\n合计 {} 个单位：已违反 {}，触发后果 {}，未确定 {}，待履行 {}\n",
        r.summary.units,
        r.summary.violated,
        r.summary.triggered,
        r.summary.unknown,
        r.summary.pending
    ));
    out
}

/// Markdown, fit for a ticket or a pull-request comment.
pub fn render_markdown(r: &Report) -> String {
    let mut out = format!("# tiaoli eval — {}\n", r.as_of);
    for u in &r.units {
        out.push_str(&format!("\n## {}（{}）\n\n", u.unit, u.kind));
        if u.results.is_empty() {
            out.push_str("No binding provision.\n");
            continue;
        }
        out.push_str("| 状态 | 条例 | 条款 | 内容 | 期限 | 缺少事实 | 处理 |\n|---|---|---|---|---|---|---|\n");
        for f in &u.results {
            let what = match (&f.modality, &f.action) {
                (Some(m), Some(a)) => format!("{m} {a}"),
                _ => format!("后果：{}", f.norm),
            };
            let sanctions: Vec<String> = f.sanctions.iter().map(exposure_line).collect();
            out.push_str(&format!(
                "| {} | {}{} | {} | {} | {} | {} | {} |\n",
                status_zh(f.status),
                f.ordinance,
                if f.draft { "（草案）" } else { "" },
                f.cite,
                what,
                when(f),
                f.missing_facts.join("、"),
                sanctions.join("<br>")
            ));
        }
    }
    out
}
