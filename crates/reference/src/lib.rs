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
mod verdict;

use std::collections::BTreeMap;

use tiaoli_compiler::graph::{
    AttrFilter, Cond, ConsequenceNode, DeadlineOut, EventPatternOut, Graph, Literal, Node, NodeId,
    NormNode, OrdinanceGraph, PeriodOut, SelectorOut, TriggerOut, Window,
};
use tiaoli_engine::eval::{Options, Status, Tri};
use tiaoli_engine::facts::{ActionRecord, EventRecord, FactValue, Unit};
use tiaoli_engine::{Calendar, Date};
use tiaoli_syntax::ast::{CmpOp, Direction, ModalityClass, Periodic, TimeUnit, Vague};

pub use verdict::{from_engine, InstanceKey, SanctionVerdict, UnitVerdict, Verdict};

// ───────────────────────────── legal time ─────────────────────────────

/// The next working day on or after `d` (民法典 第二百零三条).
fn working_day_from(cal: &Calendar, d: Date) -> Date {
    let mut x = d;
    for _ in 0..366 {
        if cal.is_working_day(x) {
            return x;
        }
        x = x.next();
    }
    x
}

/// The last day of a period of `n` `unit` from `anchor` (counted from the next
/// day; months and years to the corresponding day; a rest day ends it on the next
/// working day), or before it (counted back from the day before; never moved).
/// Returns the last day and the nominal one when it moved.
fn period(
    cal: &Calendar,
    anchor: Date,
    n: u32,
    unit: TimeUnit,
    dir: Direction,
) -> (Date, Option<Date>) {
    let back = dir == Direction::Before;
    if unit == TimeUnit::WorkingDays {
        let mut d = anchor;
        let mut left = n;
        while left > 0 {
            d = if back { d.prev() } else { d.next() };
            if cal.is_working_day(d) {
                left -= 1;
            }
        }
        return (d, None);
    }
    let k = n as i32;
    let sign = if back { -1 } else { 1 };
    let nominal = match unit {
        TimeUnit::Days => anchor.add_days(sign * k),
        TimeUnit::Months => anchor.add_months(sign * k),
        _ => anchor.add_months(sign * k * 12),
    };
    if back {
        return (nominal, None);
    }
    let last = working_day_from(cal, nominal);
    (last, (last != nominal).then_some(nominal))
}

fn period_end(cal: &Calendar, anchor: Date, p: &PeriodOut) -> Date {
    period(cal, anchor, p.amount, p.unit, Direction::From).0
}

/// Whether something dated `onset` lies within the window before `as_of`.
fn in_window(cal: &Calendar, onset: Date, w: &Window, as_of: Date) -> Tri {
    match w {
        Window::Shortly => Tri::Unknown,
        Window::Period { amount, unit } => Tri::from_bool(
            onset <= as_of && as_of <= period(cal, onset, *amount, *unit, Direction::From).0,
        ),
    }
}

/// The period of a recurring duty containing `d`.
fn period_of(p: Periodic, d: Date) -> (Date, Date) {
    let (y, m, _) = d.ymd();
    let (a, b) = match p {
        Periodic::Yearly => (1, 12),
        Periodic::HalfYearly if m <= 6 => (1, 6),
        Periodic::HalfYearly => (7, 12),
        Periodic::Quarterly => ((m - 1) / 3 * 3 + 1, (m - 1) / 3 * 3 + 3),
        Periodic::Monthly => (m, m),
    };
    let start = Date::from_ymd(y, a, 1).unwrap_or(d);
    let end = Date::from_ymd(y, b, 1).unwrap_or(d).end_of_month();
    (start, end)
}

// ───────────────────────────── values ─────────────────────────────

fn cmp_holds<T: PartialOrd>(a: T, op: CmpOp, b: T) -> bool {
    match op {
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
    }
}

/// A fact's (or attribute's) value against a literal. Enumerations compare only
/// for equality (the compiler allows nothing else).
fn test(v: &FactValue, op: CmpOp, lit: &Literal) -> Tri {
    match (v, lit) {
        (FactValue::Bool(a), Literal::Bool(b)) => Tri::from_bool(cmp_holds(a, op, b)),
        (FactValue::Number(a), Literal::Number(b)) => {
            Tri::from_bool(cmp_holds(*a, op, f64::from(*b)))
        }
        (FactValue::Date(a), Literal::Date(b)) => match Date::parse(b) {
            Some(b) => Tri::from_bool(cmp_holds(*a, op, b)),
            None => Tri::Unknown,
        },
        (FactValue::Enum(a), Literal::Enum(b)) => Tri::from_bool(match op {
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b,
            _ => false,
        }),
        _ => Tri::Unknown,
    }
}

fn filter_holds(filter: &[AttrFilter], e: &EventRecord) -> Tri {
    filter.iter().fold(Tri::True, |acc, f| {
        acc.and(match e.attrs.get(&f.attr) {
            Some(v) => test(v, f.cmp, &f.value),
            None => Tri::Unknown,
        })
    })
}

// ───────────────────────────── one ordinance ─────────────────────────────

/// A norm's instance, as the semantics defines it.
#[derive(Clone, Debug)]
struct Inst {
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

struct Ord_<'a> {
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
                Tri::from_bool(self.unit.roles.contains(&s.term) && !excluded)
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
            Some(Node::Fact { name, .. }) => self.unit.facts.get(name),
            _ => None,
        }
    }

    /// 当 C and not 除非 U, for the instance opened by `occ`.
    fn when(&self, n: &NormNode, occ: Option<u32>) -> Tri {
        let c = n
            .condition
            .map(|c| self.cond(c, occ).0)
            .unwrap_or(Tri::True);
        let u = n.unless.map(|u| self.cond(u, occ).0).unwrap_or(Tri::False);
        c.and(u.negate())
    }

    fn reads_occurrence(&self, n: &NormNode) -> bool {
        let mut found = false;
        let roots: Vec<NodeId> = n.condition.iter().chain(n.unless.iter()).copied().collect();
        self.o.leaf_conditions(&roots, false, |c| {
            if matches!(c, Cond::TriggerAttr { .. }) {
                found = true;
            }
        });
        found
    }

    /// What opens a norm's instances: (occurrence, its date for the instance,
    /// the period of a recurring duty, the trigger's attribute tests, whether an
    /// input it needs is missing).
    #[allow(clippy::type_complexity)]
    fn openings(
        &self,
        n: &NormNode,
    ) -> Vec<(Option<u32>, Option<Date>, Option<(Date, Date)>, Tri, bool)> {
        let as_of = self.as_of;
        let mut out = Vec::new();
        let pattern_events = |p: &EventPatternOut| {
            self.events()
                .filter(|(_, e)| p.names(&e.ty) && e.date <= as_of && self.visible(e))
                .map(|(i, e)| (i, e, filter_holds(&p.filter, e)))
                .collect::<Vec<_>>()
        };
        match &n.trigger {
            Some(TriggerOut::Event { pattern }) => {
                for (i, e, f) in pattern_events(pattern) {
                    out.push((Some(i), Some(e.date), None, f, false));
                }
            }
            Some(TriggerOut::PeriodEnd { pattern, period: p }) => {
                for (i, e, f) in pattern_events(pattern) {
                    let end = match p {
                        Some(p) => Some(period_end(self.cal, e.date, p)),
                        None => e.deadline.map(|d| working_day_from(self.cal, d)),
                    };
                    match end {
                        None => out.push((Some(i), None, None, f, true)),
                        Some(end) if as_of > end => out.push((Some(i), Some(end), None, f, false)),
                        Some(_) => {}
                    }
                }
            }
            Some(TriggerOut::Overdue { event, remedy }) => {
                let answered = self.remedies(event, remedy);
                for (i, e) in self.events() {
                    if &e.ty != event || e.date > as_of || !self.visible(e) {
                        continue;
                    }
                    match e.deadline.map(|d| working_day_from(self.cal, d)) {
                        None => out.push((Some(i), None, None, Tri::True, true)),
                        Some(last)
                            if as_of > last && answered.get(&i).is_none_or(|d| *d > last) =>
                        {
                            out.push((Some(i), Some(last), None, Tri::True, false))
                        }
                        Some(_) => {}
                    }
                }
            }
            None => match &n.deadline {
                Some(DeadlineOut::Period {
                    direction,
                    anchor,
                    anchor_attr,
                    ..
                }) => {
                    for (i, e) in self.events() {
                        let ahead = *direction == Direction::Before;
                        if &e.ty != anchor || (!ahead && e.date > as_of) || !self.visible(e) {
                            continue;
                        }
                        match anchor_attr {
                            None => out.push((Some(i), Some(e.date), None, Tri::True, false)),
                            Some(a) => match e.attrs.get(a) {
                                Some(FactValue::Date(d)) => {
                                    out.push((Some(i), Some(*d), None, Tri::True, false))
                                }
                                _ => out.push((Some(i), None, None, Tri::True, true)),
                            },
                        }
                    }
                }
                Some(DeadlineOut::ByOrder { event: Some(order) }) => {
                    for (i, e) in self.events() {
                        if &e.ty == order && e.date <= as_of && self.visible(e) {
                            out.push((Some(i), Some(e.date), None, Tri::True, false));
                        }
                    }
                }
                Some(DeadlineOut::Periodic { period: p }) => {
                    let first = self.scope.filter(|s| *s <= as_of).unwrap_or(as_of);
                    let mut at = period_of(*p, first);
                    for _ in 0..1200 {
                        if at.0 > as_of {
                            break;
                        }
                        out.push((None, None, Some(at), Tri::True, false));
                        at = period_of(*p, at.1.next());
                    }
                }
                _ => out.push((None, None, None, Tri::True, false)),
            },
        }
        out
    }

    /// The first occurrence of `event` on or after `from`, on or before the
    /// evaluation date unless the period runs before it.
    fn first_from(&self, event: &str, from: Date, ahead: bool) -> Option<(u32, &EventRecord)> {
        self.events().find(|(_, e)| {
            e.ty == event && e.date >= from && (ahead || e.date <= self.as_of) && self.visible(e)
        })
    }

    fn trigger_names(&self, n: &NormNode, event: &str) -> bool {
        n.trigger
            .as_ref()
            .is_some_and(|t| t.events().contains(&event))
    }

    /// A norm's instances for the unit (assuming, with `assume`, that its
    /// conditions hold and the attributes it tests are what they must be).
    fn instances(&self, n: &NormNode, applies: Tri, assume: bool) -> Vec<Inst> {
        let per_instance = self.reads_occurrence(n);
        let norm_when = if assume || per_instance {
            Tri::True
        } else {
            self.when(n, None)
        };
        if applies == Tri::False || norm_when == Tri::False {
            return Vec::new();
        }
        let openings = self.openings(n);
        if n.class == ModalityClass::Prohibition {
            return self.prohibition(n, applies, norm_when, per_instance, assume, &openings);
        }
        let mut insts = Vec::new();
        for (occ, date, per, filter, incomplete) in &openings {
            let when = if per_instance && !assume {
                self.when(n, *occ)
            } else {
                norm_when
            };
            let filter = if assume && *filter == Tri::Unknown {
                Tri::True
            } else {
                *filter
            };
            let a = applies.and(filter).and(when);
            if a == Tri::False {
                continue;
            }
            let mut i = Inst {
                occurrence: *occ,
                period: *per,
                applies: a,
                status: Status::Pending,
                triggered_on: *date,
                due: None,
                overdue_since: None,
                done_on: None,
                breach_on: None,
                from: None,
                until: None,
            };
            match n.class {
                ModalityClass::Permission | ModalityClass::Encouragement => {
                    self.permission(n, &mut i)
                }
                _ => self.due(n, &mut i, *incomplete),
            }
            insts.push(i);
        }
        if n.class != ModalityClass::Encouragement {
            self.answer(n, &mut insts);
        }
        insts
    }

    fn permission(&self, n: &NormNode, i: &mut Inst) {
        i.status = match (i.applies, n.class) {
            (Tri::Unknown, _) => Status::Unknown,
            (_, ModalityClass::Permission) => Status::Permitted,
            _ => Status::Encouraged,
        };
        if i.status == Status::Unknown {
            return;
        }
        let Some(DeadlineOut::Period {
            amount,
            unit,
            direction,
            anchor,
            anchor_attr,
        }) = &n.deadline
        else {
            return;
        };
        if *direction == Direction::Before {
            return;
        }
        let from_instance =
            anchor_attr.is_none() && self.trigger_names(n, anchor) || n.trigger.is_none();
        let start = match i.triggered_on {
            Some(d) if from_instance => Some(d),
            Some(d) => self.first_from(anchor, d, false).map(|(_, e)| e.date),
            None => None,
        };
        let Some(a) = start else {
            i.status = Status::NotTriggered;
            return;
        };
        i.triggered_on = Some(a);
        let (last, _) = period(self.cal, a, *amount, *unit, *direction);
        i.due = Some(last);
        i.from = Some(a);
        i.until = Some(last);
    }

    fn due(&self, n: &NormNode, i: &mut Inst, incomplete: bool) {
        if incomplete {
            i.status = Status::Unknown;
            return;
        }
        if i.applies == Tri::Unknown {
            i.status = Status::Unknown;
        }
        match &n.deadline {
            Some(DeadlineOut::Period {
                amount,
                unit,
                direction,
                anchor,
                anchor_attr,
            }) => {
                let from_instance =
                    n.trigger.is_none() || (anchor_attr.is_none() && self.trigger_names(n, anchor));
                let ahead = *direction == Direction::Before;
                let start = match i.triggered_on {
                    Some(d) if from_instance => Some(d),
                    Some(d) => self.first_from(anchor, d, ahead).map(|(_, e)| e.date),
                    None => None,
                };
                match start {
                    None => i.from = i.triggered_on,
                    Some(a) => {
                        i.due = Some(period(self.cal, a, *amount, *unit, *direction).0);
                        if ahead {
                            i.until = Some(a);
                        } else {
                            i.from = Some(a);
                        }
                    }
                }
            }
            Some(DeadlineOut::ByOrder { event }) => {
                let order_type = event.clone().or_else(|| match &n.trigger {
                    Some(TriggerOut::Event { pattern }) => pattern.events.first().cloned(),
                    Some(TriggerOut::Overdue { event, .. }) => Some(event.clone()),
                    _ => None,
                });
                let own = i
                    .occurrence
                    .and_then(|k| self.unit.events.get(k as usize).map(|e| (k, e)));
                let order = match (own, &order_type) {
                    (Some((k, e)), Some(t)) if &e.ty == t => Some((k, e)),
                    (_, Some(t)) => i.triggered_on.and_then(|d| self.first_from(t, d, false)),
                    _ => None,
                };
                match order {
                    Some((k, e)) => match e.deadline {
                        Some(dl) => {
                            i.due = Some(working_day_from(self.cal, dl));
                            i.from = Some(e.date);
                        }
                        None => {
                            i.status = Status::Unknown;
                            i.occurrence = Some(k);
                        }
                    },
                    None => i.from = i.triggered_on,
                }
            }
            Some(DeadlineOut::Periodic { .. }) => {
                if let Some((s, e)) = i.period {
                    i.due = Some(e);
                    i.from = Some(s);
                    i.until = Some(e);
                }
            }
            _ => i.from = i.triggered_on,
        }
    }

    /// Each action answers one instance: the one its `for` names, else the
    /// earliest-opened one still unanswered whose window holds the action.
    fn answer(&self, n: &NormNode, insts: &mut [Inst]) {
        let recurring_vague = matches!(
            n.deadline,
            Some(DeadlineOut::Vague {
                word: Vague::Periodically
            })
        );
        let actions: Vec<&ActionRecord> = if recurring_vague {
            self.unit
                .actions
                .iter()
                .filter(|a| a.ty == n.action && a.date <= self.as_of)
                .collect()
        } else {
            self.answering_first(&n.action)
        };
        for a in actions {
            if recurring_vague {
                for i in insts.iter_mut() {
                    if i.from.is_none_or(|f| a.date >= f) {
                        i.done_on = Some(a.date);
                    }
                }
                continue;
            }
            let target = match &a.answers {
                Some(id) => insts.iter_mut().find(|i| {
                    i.done_on.is_none()
                        && i.occurrence
                            .and_then(|k| self.unit.events.get(k as usize))
                            .and_then(|e| e.id.as_ref())
                            == Some(id)
                }),
                None => insts.iter_mut().find(|i| {
                    i.done_on.is_none()
                        && i.from.is_none_or(|f| a.date >= f)
                        && i.until.is_none_or(|u| a.date <= u)
                }),
            };
            if let Some(i) = target {
                i.done_on = Some(a.date);
            }
        }
        let as_of = self.as_of;
        for i in insts.iter_mut() {
            if n.class == ModalityClass::Permission {
                if i.status == Status::Permitted && i.until.is_some() {
                    if i.done_on.is_some() {
                        i.status = Status::Fulfilled;
                    } else if i.until.is_some_and(|u| as_of > u) {
                        i.status = Status::Lapsed;
                    }
                }
                continue;
            }
            if i.status == Status::Unknown {
                continue;
            }
            i.status = match (i.done_on, i.due) {
                _ if recurring_vague => Status::Pending,
                (Some(d), Some(due)) if d > due => {
                    i.overdue_since = Some(due.next());
                    i.breach_on = Some(due);
                    Status::Violated
                }
                (Some(_), _) => Status::Fulfilled,
                (None, Some(due)) if as_of > due => {
                    i.overdue_since = Some(due.next());
                    i.breach_on = Some(due);
                    Status::Violated
                }
                (None, _) => Status::Pending,
            };
        }
    }

    /// One violated instance per prohibited act done while the norm binds; none
    /// done, one fulfilled instance.
    #[allow(clippy::type_complexity)]
    fn prohibition(
        &self,
        n: &NormNode,
        applies: Tri,
        norm_when: Tri,
        per_instance: bool,
        assume: bool,
        openings: &[(Option<u32>, Option<Date>, Option<(Date, Date)>, Tri, bool)],
    ) -> Vec<Inst> {
        if n.trigger.is_some() && openings.is_empty() {
            return Vec::new();
        }
        let mut insts = Vec::new();
        let blank = |a: Tri| Inst {
            occurrence: None,
            period: None,
            applies: a,
            status: Status::Fulfilled,
            triggered_on: None,
            due: None,
            overdue_since: None,
            done_on: None,
            breach_on: None,
            from: None,
            until: None,
        };
        for act in &self.unit.actions {
            if act.ty != n.action
                || act.date > self.as_of
                || self.scope.is_some_and(|s| act.date < s)
            {
                continue;
            }
            let opening = openings
                .iter()
                .rev()
                .find(|o| o.1.is_none_or(|d| d <= act.date));
            if n.trigger.is_some() && opening.is_none() {
                continue;
            }
            let when = match opening {
                Some(o) if per_instance && !assume => self.when(n, o.0),
                _ => norm_when,
            };
            let a = applies
                .and(when)
                .and(opening.map(|o| o.3).unwrap_or(Tri::True));
            if a == Tri::False {
                continue;
            }
            let mut i = blank(a);
            i.occurrence = opening.and_then(|o| o.0);
            i.triggered_on = opening.and_then(|o| o.1);
            i.status = if a == Tri::Unknown {
                Status::Unknown
            } else {
                Status::Violated
            };
            i.overdue_since = Some(act.date);
            i.breach_on = Some(act.date);
            insts.push(i);
        }
        if insts.is_empty() {
            let a = applies.and(norm_when);
            let mut i = blank(a);
            i.triggered_on = openings.first().and_then(|o| o.1);
            if a == Tri::Unknown {
                i.status = Status::Unknown;
            }
            insts.push(i);
        }
        insts
    }

    fn latest_breach(insts: &[Inst]) -> Option<Date> {
        insts
            .iter()
            .filter(|i| i.status == Status::Violated)
            .filter_map(|i| i.breach_on)
            .max()
    }

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
        let region = match &unit.region {
            None => Tri::Unknown,
            Some(r) => Tri::from_bool(r.contains(&o.jurisdiction)),
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
                    node: n.name.clone(),
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
