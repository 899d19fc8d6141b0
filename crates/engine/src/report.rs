//! Results for people and machines. The JSON shape is documented in
//! docs/facts-and-results.md and is stable.

use serde::Serialize;
use tiaoli_compiler::graph::{DeadlineOut, Node, OrdinanceGraph, TriggerOut};
use tiaoli_compiler::view::{deadline_text, lasting_text};
use tiaoli_l10n::t;
use tiaoli_syntax::ast::Choice;

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
    /// The ordinances loaded: id, title, status (代拟稿, 草案, 征求意见稿 for drafts).
    pub ordinances: Vec<OrdinanceInfo>,
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

/// An ordinance as reports name it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrdinanceInfo {
    pub id: String,
    pub title: String,
    pub status: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    pub jurisdiction: String,
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
    /// The unit's region as the gazetteer names it (青海省海东市平安区).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// A region that may be several places: each of them. Results that depend
    /// on which are unknown and name `region`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub region_readings: Vec<String>,
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
    /// Norms: to whom the duty is owed (向 公安机关), resolved for the unit; each of
    /// them, or any one when `recipients_any`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub recipients_any: bool,
    pub status: Status,
    /// Norms: obligation, prohibition … (statuses are worded by it: 违反 for 不得).
    #[serde(skip)]
    pub class: Option<tiaoli_syntax::ast::ModalityClass>,
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
    /// The provision's text, verbatim; omitted when the report gives texts by
    /// reference (`eid` and `cite`: `tiaoli eval --format jsonl`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroundResult {
    pub eid: String,
    pub cite: String,
    pub holds: Tri,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Exposure {
    pub kind: String,
    pub rank: u32,
    /// Who imposes it (several: any one of them, 或); None where the text names
    /// no one, or leaves open who it is for this unit (`authority_open`).
    pub authority: Option<String>,
    /// Authorities the text leaves open for this unit: the body it would be and
    /// why it is open (海东 第四十六条 names 市、县（区） bodies only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authority_open: Vec<String>,
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

/// Whether a report quotes the provisions it cites.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Texts {
    /// Every finding and ground with its provision's text.
    Verbatim,
    /// By `eid` and `cite` only: no text copied (the texts are in the rules,
    /// `tiaoli explain` quotes them).
    ByReference,
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
            ordinances: self
                .graph
                .ordinances
                .iter()
                .map(|o| OrdinanceInfo {
                    id: o.id.clone(),
                    title: o.title.clone(),
                    status: o.status.zh().to_string(),
                    draft: o.draft,
                    jurisdiction: o.jurisdiction.clone(),
                })
                .collect(),
            units: out,
            summary,
        }
    }

    pub fn unit_report(&self, ev: &UnitEval<'_>, opts: Options) -> UnitReport {
        self.unit_report_with(ev, opts, Texts::Verbatim)
    }

    /// [`Engine::unit_report`], with the provisions' texts quoted or given by
    /// reference only (their `eid` and `cite`), which copies no text.
    pub fn unit_report_with(&self, ev: &UnitEval<'_>, _opts: Options, texts: Texts) -> UnitReport {
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
                    Node::Norm(_) => self.norm_findings(o, oe, ev, i, texts, &mut results),
                    Node::Consequence(_) => {
                        results.extend(self.consequence_finding(o, oe, ev, i, texts))
                    }
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
            region: unit.region.as_ref().map(|r| r.concat()),
            region_readings: unit.region_readings.iter().map(|r| r.concat()).collect(),
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

    fn text_of(&self, texts: Texts, ordinance: usize, eid: &str) -> String {
        if texts == Texts::ByReference {
            return String::new();
        }
        self.plan_texts(ordinance)
            .and_then(|t| t.get(eid))
            .map(|t| t.to_string())
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
        texts: Texts,
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
        let text = self.text_of(texts, oe.ordinance, &n.eid);
        let recipients: Vec<String> = self
            .bodies(&n.recipients, ev.prepared.unit)
            .iter()
            .map(|b| b.text())
            .collect();
        let base = |status: Status| Finding {
            ordinance: o.id.clone(),
            draft: o.draft,
            eid: n.eid.to_string(),
            cite: n.cite.to_string(),
            article: n.article,
            kind: "norm",
            norm: n.name.to_string(),
            instance: None,
            modality: Some(n.modality.zh().to_string()),
            action: Some(n.action.to_string()),
            recipients: recipients.clone(),
            recipients_any: n.recipients_any,
            status,
            class: Some(n.class),
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
        texts: Texts,
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
            let bodies = self.bodies(&cl.authorities, unit);
            let named: Vec<&str> = bodies.iter().filter_map(|b| b.named()).collect();
            let authority = (!named.is_empty()).then(|| named.join(&t!("or-sep")));
            let authority_open: Vec<String> = bodies
                .iter()
                .filter(|b| b.named().is_none())
                .map(|b| b.text())
                .collect();
            for kind in &cl.kinds {
                for target in &cl.targets {
                    {
                        sanctions.push(Exposure {
                            kind: kind.name.clone(),
                            rank: kind.rank,
                            authority: authority.clone(),
                            authority_open: authority_open.clone(),
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
                        let s = t!(
                            "report-follow-escalation",
                            sanction = kind.name.as_str(),
                            cite = x.cite.as_ref(),
                            name = x.name.as_ref()
                        );
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
            eid: c.eid.to_string(),
            cite: c.cite.to_string(),
            article: c.article,
            kind: "consequence",
            norm: c.name.to_string(),
            instance: None,
            modality: None,
            action: None,
            recipients: Vec::new(),
            recipients_any: false,
            status: oe.consequence_status(i),
            class: None,
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
                        text: self.text_of(texts, oe.ordinance, &g.eid),
                    })
                })
                .collect(),
            text: self.text_of(texts, oe.ordinance, &c.eid),
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

/// Whether a norm's results are instances of something (an occurrence, a period,
/// an act), so that each names its instance even when it is the only one.
pub(crate) fn instanced(n: &tiaoli_compiler::graph::NormNode) -> bool {
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

pub use crate::render::{
    counts, exposure_line, norm_line, render_human, render_markdown, report_sections, status_label,
    status_zh, when, ReportSection,
};
