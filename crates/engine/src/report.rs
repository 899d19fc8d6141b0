//! Results for people and machines. The JSON shape is documented in
//! docs/facts-and-results.md and is stable.

use serde::Serialize;
use tiaoli_compiler::graph::{DeadlineOut, Node, OrdinanceGraph, SelectorOut, TriggerOut};
use tiaoli_compiler::view::{deadline_text, lasting_text};
use tiaoli_syntax::ast::{Choice, Relation};

use crate::date::Date;
use crate::eval::{consequence_of, norm_of, Options, OrdEval, Skipped, Status, Tri, UnitEval};
use crate::facts::Unit;
use crate::instances::Instance;
use crate::missing::instance_missing;
use crate::plan::Engine;
use crate::time::period_label;

/// The version of the JSON shape (docs/facts-and-results.md). 2: results are
/// instances (`instance`), measures have durations (`lasting`), units say what
/// happened before an ordinance came into force (`before_in_force`).
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Report {
    pub schema_version: u32,
    pub as_of: Date,
    pub drafts: bool,
    pub calendar: String,
    pub units: Vec<UnitReport>,
    pub summary: Summary,
}

#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Summary {
    pub units: usize,
    pub results: usize,
    pub violated: usize,
    pub triggered: usize,
    pub pending: usize,
    pub unknown: usize,
}

/// Occurrences that happened before an ordinance came into force: they open no
/// instance and ground no consequence under it (no retroactivity).
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BeforeInForce {
    pub ordinance: String,
    pub in_force: Date,
    pub events: usize,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitReport {
    pub unit: String,
    pub kind: String,
    pub ordinances: Vec<String>,
    pub skipped: Vec<Skipped>,
    /// Kinds this unit is deemed to be (视同), per ordinance.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deemed: Vec<String>,
    pub results: Vec<Finding>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub before_in_force: Vec<BeforeInForce>,
    /// Dates outside the years the holiday schedule covers were counted by weekends only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub calendar_gaps: Vec<Date>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// Which instance of the norm: the occurrence that opened it (its id, or its
    /// date), the period of a recurring duty, or the date of a prohibited act.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
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
    /// Consequences: the day the grounds came to hold (the latest happening that
    /// made them hold), when they hold by something dated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroundResult {
    pub eid: String,
    pub cite: String,
    pub holds: Tri,
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// 为期: a measure that binds for a period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lasting: Option<LastingReport>,
}

/// A measure's duration for a unit: `active` until its last day, then `expired`;
/// `unknown` when the day it runs from is not known.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LastingReport {
    /// As the text states it (为期1年（自…起）).
    pub period: String,
    pub state: LastingState,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum LastingState {
    Active,
    Expired,
    Unknown,
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
            schema_version: SCHEMA_VERSION,
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
            let first = results.len();
            for (i, node) in o.nodes.iter().enumerate() {
                match node {
                    Node::Norm(_) => self.norm_findings(o, oe, ev, i, opts, &mut results),
                    Node::Consequence(_) => results.extend(self.consequence_finding(o, oe, ev, i)),
                    _ => {}
                }
            }
            for f in results.get(first..).unwrap_or(&[]) {
                for d in [f.due, f.due_extended_from].into_iter().flatten() {
                    if !self.calendar.covers(d) && !gaps.contains(&d) {
                        gaps.push(d);
                    }
                }
            }
        }
        // By status, then ordinance and article; a norm's instances in the order
        // they were opened (a stable sort keeps it).
        results.sort_by(|a, b| {
            (a.status, &a.ordinance, a.article, &a.eid, &a.norm).cmp(&(
                b.status,
                &b.ordinance,
                b.article,
                &b.eid,
                &b.norm,
            ))
        });
        let before_in_force = ev
            .ords
            .iter()
            .filter_map(|oe| {
                let o = self.graph.ordinances.get(oe.ordinance)?;
                let from = self.scope_from(oe.ordinance)?;
                let n = unit.events.iter().filter(|e| e.date < from).count();
                (n > 0).then(|| BeforeInForce {
                    ordinance: o.id.clone(),
                    in_force: from,
                    events: n,
                })
            })
            .collect();
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
            before_in_force,
            calendar_gaps: gaps,
        }
    }

    fn text_of(&self, ordinance: usize, eid: &str) -> String {
        self.plan_texts(ordinance)
            .and_then(|t| t.get(eid))
            .cloned()
            .unwrap_or_default()
    }

    /// One finding per instance of a norm that (may) bind the unit; a norm
    /// displaced by another, or never triggered, is one finding.
    fn norm_findings(
        &self,
        o: &OrdinanceGraph,
        oe: &OrdEval,
        ev: &UnitEval<'_>,
        i: usize,
        _opts: Options,
        out: &mut Vec<Finding>,
    ) {
        let Some(n) = norm_of(o, i) else { return };
        let Some(st) = oe.norm(i) else { return };
        if st.applies == Tri::False {
            return;
        }
        let (deadline, vague) = match &n.deadline {
            None => (None, false),
            Some(d) => (
                Some(deadline_text(d)),
                matches!(d, DeadlineOut::Vague { .. }),
            ),
        };
        let follow = |status: Status| -> Vec<String> {
            if status == Status::Violated || status == Status::Unknown {
                self.reached_by(oe.ordinance, i)
                    .iter()
                    .filter_map(|c| consequence_of(o, *c))
                    .map(|c| format!("{} {}", c.cite, c.name))
                    .collect()
            } else {
                Vec::new()
            }
        };
        let text = self.text_of(oe.ordinance, &n.eid);
        let base = |status: Status| Finding {
            ordinance: o.id.clone(),
            draft: o.draft,
            eid: n.eid.clone(),
            cite: n.cite.clone(),
            article: n.article,
            kind: "norm",
            norm: n.name.clone(),
            instance: None,
            modality: Some(n.modality.zh().to_string()),
            action: Some(n.action.clone()),
            status,
            triggered_on: None,
            due: None,
            due_extended_from: None,
            deadline: deadline.clone(),
            vague,
            overdue_since: None,
            fulfilled_on: None,
            overridden_by: None,
            since: None,
            missing_facts: Vec::new(),
            sanctions: Vec::new(),
            follow_up: follow(status),
            grounds: Vec::new(),
            text: text.clone(),
        };
        let insts = oe.instances_of(st);
        if st.status == Status::Overridden || insts.is_empty() {
            let mut f = base(st.status);
            f.overridden_by = st
                .overridden_by
                .and_then(|b| norm_of(o, b))
                .map(|b| format!("{} {}", b.cite, b.name));
            if st.status == Status::Unknown {
                self.missing(oe.ordinance, oe, &ev.prepared, i, &mut f.missing_facts);
            }
            out.push(f);
            return;
        }
        let instanced = instanced(n);
        for (k, inst) in insts.iter().enumerate() {
            let mut f = base(inst.status);
            f.instance = if instanced || insts.len() > 1 {
                Some(instance_label(ev, n, insts, k))
            } else {
                None
            };
            f.triggered_on = inst.triggered_on;
            f.due = inst.due;
            f.due_extended_from = inst.extended_from;
            f.overdue_since = inst.overdue_since;
            f.fulfilled_on = inst.done_on;
            if inst.status == Status::Unknown {
                if inst.applies == Tri::Unknown {
                    self.missing(oe.ordinance, oe, &ev.prepared, i, &mut f.missing_facts);
                }
                instance_missing(o, n, inst, &ev.prepared, &mut f.missing_facts);
                f.missing_facts.sort();
                f.missing_facts.dedup();
            }
            out.push(f);
        }
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
        let clauses = oe.clauses(i).unwrap_or(&[]);
        let mut sanctions = Vec::new();
        let mut follow_up = Vec::new();
        for (k, cl) in c.sanctions.iter().enumerate() {
            let state = clauses.get(k);
            let applies = state.map(|c| c.applies).unwrap_or(Tri::True);
            let lasting = match (&cl.lasting, state.and_then(|c| c.lasting)) {
                (Some(l), Some(s)) => Some(LastingReport {
                    period: lasting_text(l),
                    state: match s.active {
                        Tri::True => LastingState::Active,
                        Tri::False => LastingState::Expired,
                        Tri::Unknown => LastingState::Unknown,
                    },
                    from: s.from,
                    until: s.until,
                }),
                _ => None,
            };
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
                            lasting: lasting.clone(),
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
            instance: None,
            modality: None,
            action: None,
            status: oe.consequence_status(i),
            triggered_on: None,
            due: None,
            due_extended_from: None,
            deadline: None,
            vague: false,
            overdue_since: None,
            fulfilled_on: None,
            overridden_by: None,
            since: if v == Tri::True { oe.onset(i) } else { None },
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
        Status::Expired => "处理期限已过",
    }
}

/// Whether a norm's results are instances of something (an occurrence, a period,
/// an act), so that each names its instance even when it is the only one.
fn instanced(n: &tiaoli_compiler::graph::NormNode) -> bool {
    n.trigger.is_some()
        || matches!(
            n.deadline,
            Some(
                DeadlineOut::Period { .. }
                    | DeadlineOut::Periodic { .. }
                    | DeadlineOut::ByOrder { event: Some(_) }
            )
        )
        || n.class == tiaoli_syntax::ast::ModalityClass::Prohibition
}

/// How a reader tells one instance from another: the occurrence's id, else its
/// date (numbered when two share a date); a recurring duty's period; a
/// prohibited act's date.
pub(crate) fn instance_label(
    ev: &UnitEval<'_>,
    n: &tiaoli_compiler::graph::NormNode,
    insts: &[Instance],
    k: usize,
) -> String {
    let Some(inst) = insts.get(k) else {
        return String::new();
    };
    if n.class == tiaoli_syntax::ast::ModalityClass::Prohibition {
        if let Some(d) = inst.breach_on {
            return format!("{d}的行为");
        }
    }
    if let (Some(start), Some(tiaoli_compiler::graph::DeadlineOut::Periodic { period })) =
        (inst.period_start, &n.deadline)
    {
        return period_label(*period, start);
    }
    let Some(occ) = inst.occurrence else {
        return inst.triggered_on.map(|d| d.to_string()).unwrap_or_default();
    };
    let events = &ev.prepared.unit.events;
    let Some(e) = events.get(occ as usize) else {
        return String::new();
    };
    if let Some(id) = &e.id {
        return id.clone();
    }
    let same: Vec<usize> = events
        .iter()
        .enumerate()
        .filter(|(_, x)| x.ty == e.ty && x.date == e.date)
        .map(|(j, _)| j)
        .collect();
    let base = match &n.trigger {
        Some(TriggerOut::PeriodEnd { .. } | TriggerOut::Overdue { .. }) => {
            format!("{}（{}）", e.date, e.ty)
        }
        _ => e.date.to_string(),
    };
    if same.len() > 1 {
        let pos = same.iter().position(|j| *j == occ as usize).unwrap_or(0) + 1;
        format!("{base}#{pos}")
    } else {
        base
    }
}

/// When, in words: overdue since, done on, due by (extended over a rest day),
/// or the deadline as the text states it.
pub fn when(f: &Finding) -> String {
    match (f.status, f.due, f.overdue_since, &f.deadline) {
        (Status::Violated, _, Some(s), _) => match f.fulfilled_on {
            Some(d) => format!("自{s}起逾期（{d}方履行）"),
            None => format!("自{s}起逾期"),
        },
        (Status::Fulfilled, _, _, _) if f.fulfilled_on.is_some() => {
            format!(
                "{}履行",
                f.fulfilled_on.map(|d| d.to_string()).unwrap_or_default()
            )
        }
        (_, Some(d), _, _) => match f.due_extended_from {
            Some(n) => format!("{d}前（{n}为休息日，顺延）"),
            None => format!("{d}前"),
        },
        (_, None, _, Some(d)) => d.clone(),
        _ => String::new(),
    }
}

/// A measure in one line: who imposes what on whom, with its choice, its
/// discretion, its own condition and its duration.
pub fn exposure_line(e: &Exposure) -> String {
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
    if let Some(l) = &e.lasting {
        let until = l
            .until
            .map(|d| d.to_string())
            .unwrap_or_else(|| "未知".into());
        s.push_str(&match l.state {
            LastingState::Active => format!("，{}，至{until}止", l.period),
            LastingState::Expired => format!("，{}，已于{until}届满", l.period),
            LastingState::Unknown => format!("，{}，起算日未知", l.period),
        });
    }
    s
}

/// A section of the human report: title, which groups (by their most pressing
/// status), whether in detail.
type Section<'a> = (&'a str, &'a dyn Fn(&Finding) -> bool, bool);

/// One section of a unit's report, as every renderer groups it (the terminal,
/// Markdown, the HTML report of `tiaoli serve` and `eval --format html`).
#[derive(Clone, Debug)]
pub struct ReportSection<'a> {
    /// 已违反, 触发后果, 未确定, 待履行（有截止日期） …
    pub title: &'static str,
    /// Whether its groups are shown in detail (grounds, text, measures).
    pub detail: bool,
    /// The findings of one norm (its instances) or of one consequence each,
    /// placed by their most pressing status.
    pub groups: Vec<Vec<&'a Finding>>,
}

/// A unit's results in the report's sections, in order; empty sections left out.
pub fn sections(results: &[Finding]) -> Vec<ReportSection<'_>> {
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
            "其他（未触发、被排除、授权、鼓励、期间已过、处理期限已过）",
            &|f| {
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
            false,
        ),
    ];
    let all = groups(results);
    sections
        .into_iter()
        .filter_map(|(title, pick, detail)| {
            let items: Vec<Vec<&Finding>> = all
                .iter()
                .filter(|g| {
                    g.iter()
                        .min_by_key(|f| f.status)
                        .is_some_and(|worst| pick(worst))
                })
                .cloned()
                .collect();
            (!items.is_empty()).then_some(ReportSection {
                title,
                detail,
                groups: items,
            })
        })
        .collect()
}

/// 〔草案〕haidong 第四十六条　应当 … (or 后果：…).
pub fn norm_line(f: &Finding) -> String {
    let draft = if f.draft { "〔草案〕" } else { "" };
    let what = match (&f.modality, &f.action) {
        (Some(m), Some(a)) => format!("{m} {a}"),
        _ => format!("后果：{}", f.norm),
    };
    format!("{draft}{} {}　{what}", f.ordinance, f.cite)
}

fn finding_line(f: &Finding) -> String {
    let w = when(f);
    if w.is_empty() {
        norm_line(f)
    } else {
        format!("{}　{w}", norm_line(f))
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
    let parts: Vec<String> = c
        .iter()
        .map(|(s, n)| format!("{} {n}", status_zh(*s)))
        .collect();
    format!("共 {} 件：{}", g.len(), parts.join("、"))
}

/// A readable report in Chinese, one block per unit: what is violated and what
/// follows first, then what is undetermined, what is due, and the rest. A norm's
/// instances are listed under it, with counts by status.
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
        for b in &u.before_in_force {
            out.push_str(&format!(
                "  · {} 自{}起施行：此前发生的 {} 件事件不适用该条例（不溯及既往）\n",
                b.ordinance, b.in_force, b.events
            ));
        }
        for ReportSection {
            title,
            detail,
            groups: items,
        } in sections(&u.results)
        {
            out.push_str(&format!("  【{title}】{} 项\n", items.len()));
            for g in &items {
                let Some(first) = g.iter().min_by_key(|f| f.status).copied() else {
                    continue;
                };
                let listed = g.len() > 1 || first.instance.is_some();
                if listed {
                    out.push_str(&format!("  · {}　{}\n", norm_line(first), counts(g)));
                    for f in g {
                        let w = when(f);
                        out.push_str(&format!(
                            "      - {}：{}{}\n",
                            f.instance.as_deref().unwrap_or("—"),
                            status_zh(f.status),
                            if w.is_empty() {
                                String::new()
                            } else {
                                format!("　{w}")
                            }
                        ));
                        if detail && !f.missing_facts.is_empty() {
                            out.push_str(&format!(
                                "        缺少事实：{}\n",
                                f.missing_facts.join("、")
                            ));
                        }
                    }
                } else {
                    out.push_str(&format!("  · {}\n", finding_line(first)));
                }
                if !detail {
                    continue;
                }
                if !listed && !first.missing_facts.is_empty() {
                    out.push_str(&format!(
                        "      缺少事实：{}\n",
                        first.missing_facts.join("、")
                    ));
                }
                for gr in &first.grounds {
                    let mark = if gr.holds == Tri::True {
                        "成立"
                    } else {
                        "可能成立"
                    };
                    out.push_str(&format!(
                        "      情形 {}（{mark}）：{}\n",
                        gr.cite,
                        gr.text.replace('\n', " ")
                    ));
                }
                if first.grounds.is_empty() {
                    out.push_str(&format!("      原文：{}\n", first.text.replace('\n', " ")));
                }
                if let Some(d) = first.since {
                    out.push_str(&format!("      情形成立于：{d}\n"));
                }
                for e in &first.sanctions {
                    out.push_str(&format!("      处理：{}\n", exposure_line(e)));
                }
                for x in &first.follow_up {
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
        out.push_str("| 状态 | 条例 | 条款 | 内容 | 实例 | 期限 | 缺少事实 | 处理 |\n|---|---|---|---|---|---|---|---|\n");
        for f in &u.results {
            let what = match (&f.modality, &f.action) {
                (Some(m), Some(a)) => format!("{m} {a}"),
                _ => format!("后果：{}", f.norm),
            };
            let sanctions: Vec<String> = f.sanctions.iter().map(exposure_line).collect();
            out.push_str(&format!(
                "| {} | {}{} | {} | {} | {} | {} | {} | {} |\n",
                status_zh(f.status),
                f.ordinance,
                if f.draft { "（草案）" } else { "" },
                f.cite,
                what,
                f.instance.as_deref().unwrap_or(""),
                when(f),
                f.missing_facts.join("、"),
                sanctions.join("<br>")
            ));
        }
    }
    out
}
