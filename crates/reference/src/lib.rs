//! tiaoli-reference: what evaluation means, written to be read.
//!
//! A second, deliberately simple reading of the semantics of
//! docs/facts-and-results.md over the compiled graph: names as strings, no
//! planning, no interned ids, no buffers, no memo — each value computed from its
//! definition when it is asked for. It is slow on purpose. `tests/differential.rs`
//! runs it and the engine on generated units for every ordinance and fails on any
//! difference in status, dates or measures; every optimisation of the engine is
//! checked against it.
//!
//! Nodes are taken in the graph's order: a norm that displaces another (优先于,
//! 不能履行时替代) affects what the nodes after it read.

pub mod generate;
mod norms;
mod time;
mod values;
mod verdict;

use std::collections::BTreeMap;

use tiaoli_compiler::graph::{
    Cond, ConsequenceNode, Graph, Node, NodeId, NormNode, OrdinanceGraph, SelectorOut, Window,
};
use tiaoli_engine::eval::{Options, Status, Tri};
use tiaoli_engine::facts::{ActionRecord, EventRecord, FactValue, Unit};
use tiaoli_engine::{Calendar, Date};
use tiaoli_syntax::ast::{CmpOp, ModalityClass};

use crate::time::{in_window, period_end, working_day_from};
use crate::values::{cmp_holds, filter_holds, test};

pub use verdict::{from_engine, InstanceKey, SanctionVerdict, UnitVerdict, Verdict};

// ───────────────────────────── one ordinance ─────────────────────────────

/// A norm's instance, as the semantics defines it.
#[derive(Clone, Debug)]
pub(crate) struct Inst {
    occurrence: Option<u32>,
    period: Option<(Date, Date)>,
    applies: Tri,
    status: Status,
    triggered_on: Option<Date>,
    due: Option<Date>,
    overdue_since: Option<Date>,
    done_on: Option<Date>,
    breach_on: Option<Date>,
    /// The actions that may answer it: on or after / on or before.
    from: Option<Date>,
    until: Option<Date>,
}

#[derive(Clone, Debug)]
struct NormResult {
    applies: Tri,
    status: Status,
    insts: Vec<Inst>,
    overridden_by: Option<NodeId>,
    displaced: Option<Status>,
}

pub(crate) struct Ord_<'a> {
    graph: &'a Graph,
    o: &'a OrdinanceGraph,
    cal: &'a Calendar,
    unit: &'a Unit,
    as_of: Date,
    /// Happenings before this day do not count (no retroactivity).
    scope: Option<Date>,
    region: Tri,
    kinds: Vec<String>,
    rank: Option<u8>,
    norms: BTreeMap<NodeId, NormResult>,
    /// Norms' and consequences' values so far: (truth, onset).
    values: BTreeMap<NodeId, (Tri, Option<Date>)>,
}

impl Ord_<'_> {
    fn visible(&self, e: &EventRecord) -> bool {
        self.scope.is_none_or(|s| e.date >= s)
    }

    /// The unit's occurrences, with their indexes, in the unit's order.
    fn events(&self) -> impl Iterator<Item = (u32, &EventRecord)> {
        self.unit
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (i as u32, e))
    }

    fn is_a(&self, kind: &str) -> bool {
        self.kinds.iter().any(|k| k == kind)
    }

    /// Whether a list of selectors picks the unit (any of them).
    fn picks(&self, sels: &[SelectorOut]) -> Tri {
        sels.iter().fold(Tri::False, |acc, s| {
            let excluded = s.except.iter().any(|e| self.is_a(e));
            let t = if s.unspecified || s.self_unit {
                Tri::from_bool(s.self_unit)
            } else if s.is_role {
                Tri::from_bool(self.unit.roles.iter().any(|r| *r == s.term) && !excluded)
            } else if !self.is_a(&s.term) || excluded {
                Tri::False
            } else if s.levels.is_empty() {
                Tri::True
            } else {
                match self.rank {
                    None => Tri::Unknown,
                    Some(r) => Tri::from_bool(s.levels.iter().any(|l| l.rank() == r)),
                }
            };
            acc.or(t)
        })
    }

    fn value(&self, id: NodeId) -> (Tri, Option<Date>) {
        self.values.get(&id).copied().unwrap_or((Tri::False, None))
    }

    fn windowed(&self, v: Tri, onset: Option<Date>, w: &Option<Window>) -> Tri {
        match (w, v) {
            (Some(w), Tri::True) => match onset {
                None => Tri::True,
                Some(d) => in_window(self.cal, d, w, self.as_of),
            },
            _ => v,
        }
    }

    /// The actions of a type done by the evaluation date: those naming the
    /// occurrence they answer first, then the others, each in date order.
    fn answering_first(&self, ty: &str) -> Vec<&ActionRecord> {
        let mut v: Vec<&ActionRecord> = self
            .unit
            .actions
            .iter()
            .filter(|a| a.ty == ty && a.date <= self.as_of)
            .collect();
        v.sort_by_key(|a| a.answers.is_none());
        v
    }

    /// For each occurrence of `event`, the day the remedy answering it was done.
    fn remedies(&self, event: &str, remedy: &str) -> BTreeMap<u32, Date> {
        let mut open: Vec<u32> = self
            .events()
            .filter(|(_, e)| e.ty == event && e.date <= self.as_of)
            .map(|(i, _)| i)
            .collect();
        let mut out = BTreeMap::new();
        for a in self.answering_first(remedy) {
            let pick = match &a.answers {
                Some(id) => open.iter().position(|i| {
                    self.unit
                        .events
                        .get(*i as usize)
                        .and_then(|e| e.id.as_ref())
                        == Some(id)
                }),
                None => open.iter().position(|i| {
                    self.unit
                        .events
                        .get(*i as usize)
                        .is_some_and(|e| e.date <= a.date)
                }),
            };
            if let Some(p) = pick {
                out.insert(open.remove(p), a.date);
            }
        }
        out
    }

    /// A condition's truth at the evaluation date, and its onset: the date of the
    /// latest happening that made it hold (none when facts alone make it hold).
    /// `occ` is the occurrence of the instance being decided, for `E.属性`.
    fn cond(&self, id: NodeId, occ: Option<u32>) -> (Tri, Option<Date>) {
        let Some(Node::Cond { op }) = self.o.nodes.get(id) else {
            return (Tri::Unknown, None);
        };
        let as_of = self.as_of;
        match op {
            Cond::And { args } => {
                let parts: Vec<(Tri, Option<Date>)> =
                    args.iter().map(|a| self.cond(*a, occ)).collect();
                let v = parts.iter().fold(Tri::True, |acc, (t, _)| acc.and(*t));
                (v, parts.iter().filter_map(|(_, d)| *d).max())
            }
            Cond::Or { args } => {
                let parts: Vec<(Tri, Option<Date>)> =
                    args.iter().map(|a| self.cond(*a, occ)).collect();
                let v = parts.iter().fold(Tri::False, |acc, (t, _)| acc.or(*t));
                let held: Vec<&(Tri, Option<Date>)> =
                    parts.iter().filter(|(t, _)| *t == Tri::True).collect();
                let onset = if held.iter().any(|(_, d)| d.is_none()) {
                    None
                } else {
                    held.iter().filter_map(|(_, d)| *d).max()
                };
                (v, onset)
            }
            Cond::Not { arg } => (self.cond(*arg, occ).0.negate(), None),
            Cond::IsTrue { fact } => match self.fact(*fact) {
                Some(FactValue::Bool(b)) => (Tri::from_bool(*b), None),
                _ => (Tri::Unknown, None),
            },
            Cond::Compare { fact, cmp, value } => match self.fact(*fact) {
                Some(v) => (test(v, *cmp, value), None),
                None => (Tri::Unknown, None),
            },
            Cond::Occurred { pattern, within } => {
                let mut v = Tri::False;
                let mut onset = None;
                for (_, e) in self.events() {
                    if !pattern.names(&e.ty) || e.date > as_of || !self.visible(e) {
                        continue;
                    }
                    let w = within
                        .as_ref()
                        .map(|w| in_window(self.cal, e.date, w, as_of))
                        .unwrap_or(Tri::True);
                    let t = filter_holds(&pattern.filter, e).and(w);
                    if t == Tri::True {
                        onset = onset.max(Some(e.date));
                    }
                    v = v.or(t);
                }
                (v, onset)
            }
            Cond::Count {
                pattern,
                within,
                cmp,
                n,
            } => {
                let (mut sure, mut maybe, mut onset) = (0u32, 0u32, None);
                for (_, e) in self.events() {
                    if !pattern.names(&e.ty) || e.date > as_of || !self.visible(e) {
                        continue;
                    }
                    let w = match within {
                        Some(w) => in_window(self.cal, e.date, w, as_of),
                        None => Tri::True,
                    };
                    match filter_holds(&pattern.filter, e).and(w) {
                        Tri::True => {
                            sure += 1;
                            onset = onset.max(Some(e.date));
                        }
                        Tri::Unknown => {
                            maybe += 1;
                            onset = onset.max(Some(e.date));
                        }
                        Tri::False => {}
                    }
                }
                // Every count the unknowns allow decides alike, or it is unknown.
                let outcomes: Vec<bool> = (sure..=sure + maybe)
                    .map(|k| cmp_holds(k, *cmp, *n))
                    .collect();
                let v = if outcomes.iter().all(|x| *x) {
                    Tri::True
                } else if outcomes.iter().all(|x| !*x) {
                    Tri::False
                } else {
                    Tri::Unknown
                };
                let monotone = matches!(cmp, CmpOp::Ge | CmpOp::Gt);
                (v, if monotone { onset } else { None })
            }
            Cond::Violated { norm, within } => {
                let (v, onset) = self.value(*norm);
                (self.windowed(v, onset, within), onset)
            }
            Cond::ViolatedAny { within } => {
                let violable = self.o.nodes.iter().enumerate().filter(|(_, n)| {
                    matches!(n, Node::Norm(x) if matches!(x.class, ModalityClass::Obligation | ModalityClass::Prohibition))
                });
                let (mut v, mut onset) = (Tri::False, None);
                for (i, _) in violable {
                    let (t, d) = self.value(i);
                    v = v.or(t);
                    if t == Tri::True {
                        onset = onset.max(d);
                    }
                }
                (self.windowed(v, onset, within), onset)
            }
            Cond::Overdue {
                event,
                remedy,
                within,
            } => {
                let answered = self.remedies(event, remedy);
                let (mut v, mut onset) = (Tri::False, None);
                for (i, e) in self.events() {
                    if &e.ty != event || e.date > as_of || !self.visible(e) {
                        continue;
                    }
                    let t = match e.deadline.map(|d| working_day_from(self.cal, d)) {
                        None => Tri::Unknown,
                        Some(last) if as_of > last => {
                            let heeded = answered.get(&i).is_some_and(|d| *d <= last);
                            if !heeded {
                                onset = onset.max(Some(last));
                            }
                            Tri::from_bool(!heeded)
                        }
                        Some(_) => Tri::False,
                    };
                    v = v.or(t);
                }
                (self.windowed(v, onset, within), onset)
            }
            Cond::Meets {
                consequences,
                within,
            } => {
                let parts: Vec<(Tri, Option<Date>)> =
                    consequences.iter().map(|c| self.value(*c)).collect();
                let v = parts.iter().fold(Tri::False, |acc, (t, _)| acc.or(*t));
                let held: Vec<&(Tri, Option<Date>)> =
                    parts.iter().filter(|(t, _)| *t == Tri::True).collect();
                let onset = if held.iter().any(|(_, d)| d.is_none()) {
                    None
                } else {
                    held.iter().filter_map(|(_, d)| *d).max()
                };
                (self.windowed(v, onset, within), onset)
            }
            Cond::TriggerAttr {
                event,
                attr,
                cmp,
                value,
            } => {
                let e = occ.and_then(|i| self.unit.events.get(i as usize));
                match e {
                    Some(e) if &e.ty == event => match e.attrs.get(attr) {
                        Some(v) => (test(v, *cmp, value), None),
                        None => (Tri::Unknown, None),
                    },
                    _ => (Tri::Unknown, None),
                }
            }
        }
    }

    fn fact(&self, node: NodeId) -> Option<&FactValue> {
        match self.o.nodes.get(node) {
            Some(Node::Fact { name, .. }) => self.unit.facts.get(name.as_ref()),
            _ => None,
        }
    }

    /// 当 C and not 除非 U, for the instance opened by `occ`.
    fn norm(&mut self, id: NodeId, n: &NormNode) {
        let applies = self.picks(&n.subjects).and(self.region);
        if applies == Tri::False {
            return;
        }
        let insts = self.instances(n, applies, false);
        let status = insts
            .iter()
            .map(|i| i.status)
            .min()
            .unwrap_or(Status::NotTriggered);
        // Priority and fallback: a norm in effect displaces the norms it names; a
        // displaced norm displaces no one, and what it had displaced comes back.
        let in_effect = applies == Tri::True
            && !matches!(
                status,
                Status::NotTriggered | Status::Unknown | Status::Overridden
            );
        if in_effect {
            for other in n.overrides.iter().chain(n.fallback_for.iter()) {
                let Some(s) = self.norms.get_mut(other) else {
                    continue;
                };
                if s.applies == Tri::False || s.status == Status::Overridden {
                    continue;
                }
                s.displaced = Some(s.status);
                s.status = Status::Overridden;
                s.overridden_by = Some(id);
                let onset = self.values.get(other).and_then(|v| v.1);
                self.values.insert(*other, (Tri::False, onset));
                let back: Vec<NodeId> = self
                    .norms
                    .iter()
                    .filter(|(_, r)| r.overridden_by == Some(*other))
                    .map(|(k, _)| *k)
                    .collect();
                for r in back {
                    if let Some(x) = self.norms.get_mut(&r) {
                        x.status = x.displaced.take().unwrap_or(Status::Pending);
                        x.overridden_by = None;
                        let v = Tri::from_bool(x.status == Status::Violated);
                        let onset = self.values.get(&r).and_then(|v| v.1);
                        self.values.insert(r, (v, onset));
                    }
                }
            }
        }
        // The value 违反 reads: violated, or — if it may bind — violated if it did.
        let value = match status {
            Status::Violated if applies == Tri::True => (Tri::True, Self::latest_breach(&insts)),
            Status::Violated | Status::Unknown => {
                if insts
                    .iter()
                    .any(|i| i.status == Status::Violated && i.applies == Tri::True)
                {
                    (Tri::True, Self::latest_breach(&insts))
                } else {
                    let assumed = self.instances(n, Tri::True, true);
                    if assumed.iter().map(|i| i.status).min() == Some(Status::Violated) {
                        (Tri::Unknown, Self::latest_breach(&assumed))
                    } else {
                        (Tri::False, None)
                    }
                }
            }
            _ => (Tri::False, None),
        };
        self.norms.insert(
            id,
            NormResult {
                applies,
                status,
                insts,
                overridden_by: None,
                displaced: None,
            },
        );
        self.values.insert(id, value);
    }

    fn consequence(&mut self, id: NodeId, c: &ConsequenceNode) -> Verdict {
        let target = if c.applies_to.is_empty() {
            Tri::True
        } else {
            self.picks(&c.applies_to)
        };
        let (grounds, onset) = self.cond(c.condition, None);
        let mut sanctions = Vec::new();
        for s in &c.sanctions {
            let applies = s
                .condition
                .map(|x| self.cond(x, None).0)
                .unwrap_or(Tri::True);
            let lasting = s.lasting.as_ref().map(|l| {
                let from = match &l.from {
                    Some(p) => self
                        .events()
                        .filter(|(_, e)| {
                            p.names(&e.ty)
                                && e.date <= self.as_of
                                && self.visible(e)
                                && filter_holds(&p.filter, e) == Tri::True
                        })
                        .map(|(_, e)| e.date)
                        .max(),
                    None => onset,
                };
                let until = from.map(|f| period_end(self.cal, f, &l.period));
                let active = match (from, until) {
                    (Some(f), Some(u)) => Tri::from_bool(f <= self.as_of && self.as_of <= u),
                    _ => Tri::Unknown,
                };
                (from, until, active)
            });
            sanctions.push(SanctionVerdict { applies, lasting });
        }
        let v = target.and(self.region).and(grounds);
        self.values.insert(id, (v, onset));
        let status = match v {
            Tri::False => Status::NotTriggered,
            Tri::Unknown => Status::Unknown,
            Tri::True => {
                let over = sanctions.iter().any(|s| s.lasting.is_some())
                    && sanctions.iter().all(|s| {
                        s.applies == Tri::False
                            || s.lasting.is_some_and(|(_, _, a)| a == Tri::False)
                    });
                if over {
                    Status::Expired
                } else {
                    Status::Triggered
                }
            }
        };
        let mut out = verdict::whole(&self.o.id, &c.name, status);
        out.sanctions = sanctions;
        out
    }
}

// ───────────────────────────── a unit ─────────────────────────────

/// Evaluates one unit against every ordinance of the graph.
pub fn evaluate(graph: &Graph, cal: &Calendar, unit: &Unit, opts: Options) -> UnitVerdict {
    let mut out = UnitVerdict::default();
    for o in &graph.ordinances {
        // A region that may be several places: what all of them say, else unknown.
        let region = match &unit.region {
            Some(r) => Tri::from_bool(r.contains(&o.jurisdiction)),
            None => {
                let each: Vec<bool> = unit
                    .region_readings
                    .iter()
                    .map(|r| r.contains(&o.jurisdiction))
                    .collect();
                match each.first() {
                    Some(f) if each.iter().all(|b| b == f) => Tri::from_bool(*f),
                    _ => Tri::Unknown,
                }
            }
        };
        let in_force = o.in_force.as_deref().and_then(Date::parse);
        let skip = if region == Tri::False {
            Some("jurisdiction")
        } else if o.draft && !opts.drafts {
            Some("draft")
        } else if !o.draft
            && (o.status == tiaoli_syntax::ast::Status::Repealed
                || o.repealed_on
                    .as_deref()
                    .and_then(Date::parse)
                    .is_some_and(|d| d <= opts.as_of))
        {
            Some("repealed")
        } else if !o.draft && in_force.is_some_and(|d| d > opts.as_of) {
            Some("not_in_force")
        } else {
            None
        };
        if let Some(code) = skip {
            out.skipped.push((o.id.clone(), code));
            continue;
        }
        // The unit's kinds (its kind and every kind it is a kind of), and what the
        // ordinance deems it to be.
        let closure = |k: &str| -> Vec<String> {
            let mut v = vec![k.to_string()];
            if let Some(a) = graph.lexicon.actors.iter().find(|a| a.name == k) {
                v.extend(a.ancestors.iter().cloned());
            }
            v
        };
        let mut kinds = closure(&unit.kind);
        let mut rank = unit.level.map(|l| l.rank());
        let base = kinds.clone();
        for d in &o.deemings {
            if base.contains(&d.kind) && !d.as_.is_role {
                kinds.extend(closure(&d.as_.term));
                if let [only] = d.as_.levels.as_slice() {
                    rank = Some(only.rank());
                }
            }
        }
        let mut cx = Ord_ {
            graph,
            o,
            cal,
            unit,
            as_of: opts.as_of,
            scope: o
                .retroactive_from
                .as_deref()
                .and_then(Date::parse)
                .or(in_force),
            region,
            kinds,
            rank,
            norms: BTreeMap::new(),
            values: BTreeMap::new(),
        };
        let _ = cx.graph;
        let mut consequences = Vec::new();
        for (id, node) in o.nodes.iter().enumerate() {
            match node {
                Node::Norm(n) => cx.norm(id, n),
                Node::Consequence(c) => {
                    let v = cx.consequence(id, c);
                    if v.status != Status::NotTriggered {
                        consequences.push(v);
                    }
                }
                _ => {}
            }
        }
        for (id, r) in &cx.norms {
            let Some(Node::Norm(n)) = o.nodes.get(*id) else {
                continue;
            };
            if r.status == Status::Overridden || r.insts.is_empty() {
                out.results.push(verdict::whole(&o.id, &n.name, r.status));
                continue;
            }
            for i in &r.insts {
                let key = match (n.class, i.status, i.breach_on) {
                    (ModalityClass::Prohibition, Status::Violated | Status::Unknown, Some(d))
                        if i.done_on.is_none() =>
                    {
                        InstanceKey::Act(d)
                    }
                    _ => match (i.period, i.occurrence) {
                        (Some((p, _)), _) => InstanceKey::Period(p),
                        (None, Some(k)) => InstanceKey::Occurrence(k),
                        (None, None) => InstanceKey::Whole,
                    },
                };
                out.results.push(Verdict {
                    ordinance: o.id.clone(),
                    node: n.name.to_string(),
                    key,
                    status: i.status,
                    triggered_on: i.triggered_on,
                    due: i.due,
                    overdue_since: i.overdue_since,
                    done_on: i.done_on,
                    sanctions: Vec::new(),
                });
            }
        }
        out.results.extend(consequences);
    }
    out.sort();
    out
}
