//! Norm instances: every occurrence of a norm's trigger (or of the event its period
//! is counted from, or every period of a recurring duty) opens its own instance,
//! with its own trigger date, due date, status and answering action.
//!
//! The rules, in the order they apply (docs/facts-and-results.md, "Instances"):
//! - **Opening.** `触发 E`: each occurrence of E on or before the evaluation date;
//!   `触发 期满 E`: each occurrence whose period (its deadline, or the stated
//!   period) has run out, dated on the period's last day; `触发 逾期 E 未 A`: each
//!   occurrence whose deadline passed without A, dated on its last day. Without a
//!   trigger, a period counted from an event opens one instance per occurrence of
//!   that event; `限期 E`, one per order; `每年`, `每季度` …, one per period from the
//!   period in which the ordinance came into force; anything else, one instance.
//!   Occurrences before the ordinance's 施行日期 open nothing (no retroactivity).
//! - **Answering.** An action answers at most one instance of a norm: the one its
//!   `for` names, or else the earliest-opened instance still unanswered whose window
//!   contains the action's date (from the instance's opening; for a period before
//!   an event, up to that event; for a recurring duty, its own period).
//! - **Status.** Answered by the due date: fulfilled; answered late or not at all
//!   after the due date: violated, overdue from the day after; otherwise pending.
//!   A prohibition has one violated instance per prohibited act.

use serde::Serialize;
use tiaoli_compiler::graph::{DeadlineOut, NodeId, NormNode};
use tiaoli_syntax::ast::{Direction, ModalityClass, Vague};

use crate::date::Date;
use crate::eval::{Status, Tri};
use crate::facts::FactValue;
use crate::plan::{
    Act, Engine, NormPlan, Occurrence, OrdinancePlan, PatternPlan, Prepared, TriggerPlan,
};
use crate::time::period_containing;
use crate::Options;

mod deadlines;
use deadlines::answering_first;

/// One instance of a norm for a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Instance {
    /// The occurrence that opened it (an index into the unit's `events`).
    pub occurrence: Option<u32>,
    /// For a recurring duty: the first day of its period.
    pub period_start: Option<Date>,
    pub applies: Tri,
    pub status: Status,
    pub triggered_on: Option<Date>,
    pub due: Option<Date>,
    pub extended_from: Option<Date>,
    pub overdue_since: Option<Date>,
    pub done_on: Option<Date>,
    /// The day the breach happened: the last day of the period missed, or the
    /// prohibited act (what `违反 … 近 N` counts from).
    pub breach_on: Option<Date>,
    /// Which actions may answer it: on or after `from`, on or before `until`.
    #[serde(skip)]
    window: (Option<Date>, Option<Date>),
    /// The instance cannot be decided without an input of its occurrence (a
    /// deadline, an attribute).
    #[serde(skip)]
    pub(crate) incomplete: bool,
}

impl Instance {
    fn new(applies: Tri) -> Instance {
        Instance {
            occurrence: None,
            period_start: None,
            applies,
            status: Status::Pending,
            triggered_on: None,
            due: None,
            extended_from: None,
            overdue_since: None,
            done_on: None,
            breach_on: None,
            window: (None, None),
            incomplete: false,
        }
    }
}

/// Buffers a norm's evaluation works in, kept with the ordinance's evaluation
/// and recycled with it: evaluating a unit allocates none of them.
#[derive(Default)]
pub(crate) struct Scratch {
    openings: Vec<Opening>,
    /// Remedies matched to orders (`逾期 E 未 A`).
    pub remedies: Vec<(u32, Option<Date>)>,
    /// The instances a norm that may bind would have (for `违反`).
    pub assumed: Vec<Instance>,
}

impl Scratch {
    pub(crate) fn clear(&mut self) {
        self.openings.clear();
        self.remedies.clear();
        self.assumed.clear();
    }
}

/// What an instance was opened by, before its due date is worked out.
#[derive(Clone, Copy)]
struct Opening {
    occ: Option<Occurrence>,
    period: Option<(Date, Date)>,
    /// The instance's date: the occurrence, the period's end (期满, 逾期), or the
    /// date attribute the period counts from.
    date: Option<Date>,
    /// The attribute tests of the trigger pattern.
    filter: Tri,
    /// An input the opening needs is missing (the occurrence's deadline, the
    /// attribute its period counts from).
    incomplete: bool,
}

/// What evaluating a norm's instances reads.
pub(crate) struct NormInputs<'a, 'u> {
    pub p: &'a Prepared<'u>,
    pub plan: &'a OrdinancePlan,
    pub opts: Options,
    pub vals: &'a [Tri],
    /// The norm's conditions are taken to hold (what a norm that may bind
    /// would give: for `违反`).
    pub assume: bool,
}

impl NormInputs<'_, '_> {
    fn in_scope(&self, d: Date) -> bool {
        self.plan.scope_from.is_none_or(|s| d >= s)
    }
}

impl Engine {
    /// The attribute tests of a pattern on one occurrence.
    pub(crate) fn pattern_filter(
        &self,
        pattern: &PatternPlan,
        occ: &Occurrence,
        p: &Prepared<'_>,
    ) -> Tri {
        let mut out = Tri::True;
        for f in &pattern.filter {
            let t = match p.attr(occ, &f.attr) {
                None => Tri::Unknown,
                Some(v) => crate::eval::compare(v, f.cmp, &f.value),
            };
            out = out.and(t);
            if out == Tri::False {
                break;
            }
        }
        out
    }

    /// For each occurrence of `event` (by its index in the unit's events), the day
    /// the action `remedy` answering it was done: the one its `for` names, else
    /// the earliest occurrence still unanswered on or before the action — the same
    /// rule as for a norm's instances.
    /// Written into `out` (cleared first).
    pub(crate) fn remedies(
        &self,
        p: &Prepared<'_>,
        event: usize,
        remedy: usize,
        as_of: Date,
        out: &mut Vec<(u32, Option<Date>)>,
    ) {
        out.clear();
        out.extend(
            p.events
                .iter()
                .filter(|e| e.ty == event && e.date <= as_of)
                .map(|e| (e.index, None)),
        );
        if out.is_empty() {
            return;
        }
        for a in answering_first(p, remedy, as_of) {
            let target = match a.answers {
                Some(ev) => out.iter_mut().find(|(i, d)| *i == ev && d.is_none()),
                None => out.iter_mut().find(|(i, d)| {
                    d.is_none()
                        && p.unit
                            .events
                            .get(*i as usize)
                            .is_some_and(|e| e.date <= a.date)
                }),
            };
            if let Some(t) = target {
                t.1 = Some(a.date);
            }
        }
    }

    /// Whether an occurrence was answered by `remedy` on or before `until`.
    pub(crate) fn remedied_by(answers: &[(u32, Option<Date>)], occ: u32, until: Date) -> bool {
        answers
            .iter()
            .any(|(i, d)| *i == occ && d.is_some_and(|d| d <= until))
    }

    /// What opens the norm's instances, written into `out` (cleared first);
    /// `answers` is a buffer for remedies.
    fn openings(
        &self,
        np: &NormPlan,
        gn: &NormNode,
        cx: &NormInputs<'_, '_>,
        out: &mut Vec<Opening>,
        answers: &mut Vec<(u32, Option<Date>)>,
    ) {
        let as_of = cx.opts.as_of;
        let p = cx.p;
        out.clear();
        let occurrence =
            |occ: &Occurrence, date: Option<Date>, filter: Tri, incomplete: bool| Opening {
                occ: Some(*occ),
                period: None,
                date,
                filter,
                incomplete,
            };
        match &np.trigger {
            Some(TriggerPlan::Event(pattern)) => {
                for occ in p.events.iter() {
                    if pattern.has(occ.ty) && occ.date <= as_of && cx.in_scope(occ.date) {
                        let f = self.pattern_filter(pattern, occ, p);
                        out.push(occurrence(occ, Some(occ.date), f, false));
                    }
                }
            }
            Some(TriggerPlan::PeriodEnd { pattern, period }) => {
                for occ in p.events.iter() {
                    if !(pattern.has(occ.ty) && occ.date <= as_of && cx.in_scope(occ.date)) {
                        continue;
                    }
                    let f = self.pattern_filter(pattern, occ, p);
                    // A period with no last day within the calendar has not run out.
                    let end = match (period, occ.deadline) {
                        (Some(per), _) => match self.period_out_end(occ.date, per) {
                            Some(e) => Some(e),
                            None => continue,
                        },
                        (None, Some(d)) => match self.order_end(d) {
                            Some(e) => Some(e),
                            None => continue,
                        },
                        (None, None) => None,
                    };
                    match end {
                        None => out.push(occurrence(occ, None, f, true)),
                        Some(e) if as_of > e => out.push(occurrence(occ, Some(e), f, false)),
                        Some(_) => {}
                    }
                }
            }
            Some(TriggerPlan::Overdue { event, remedy }) => {
                self.remedies(p, *event, *remedy, as_of, answers);
                for occ in p.events.iter() {
                    if occ.ty != *event || occ.date > as_of || !cx.in_scope(occ.date) {
                        continue;
                    }
                    match occ.deadline.map(|d| self.order_end(d)) {
                        None => out.push(occurrence(occ, None, Tri::True, true)),
                        Some(Some(dl))
                            if as_of > dl && !Engine::remedied_by(answers, occ.index, dl) =>
                        {
                            out.push(occurrence(occ, Some(dl), Tri::True, false))
                        }
                        // Not overdue, or due past the last date (never overdue).
                        Some(_) => {}
                    }
                }
            }
            None => match (&gn.deadline, &np.anchor, np.order_event) {
                (Some(DeadlineOut::Period { direction, .. }), Some(anchor), _) => {
                    let ahead = *direction == Direction::Before;
                    for occ in p.events.iter() {
                        if occ.ty != anchor.event
                            || (!ahead && occ.date > as_of)
                            || !cx.in_scope(occ.date)
                        {
                            continue;
                        }
                        match &anchor.attr {
                            None => out.push(occurrence(occ, Some(occ.date), Tri::True, false)),
                            Some(a) => match p.attr(occ, a) {
                                Some(FactValue::Date(d)) => {
                                    out.push(occurrence(occ, Some(*d), Tri::True, false))
                                }
                                _ => out.push(occurrence(occ, None, Tri::True, true)),
                            },
                        }
                    }
                }
                (Some(DeadlineOut::ByOrder { .. }), _, Some(order)) => {
                    for occ in p.events.iter() {
                        if occ.ty == order && occ.date <= as_of && cx.in_scope(occ.date) {
                            out.push(occurrence(occ, Some(occ.date), Tri::True, false));
                        }
                    }
                }
                (Some(DeadlineOut::Periodic { period }), _, _) => {
                    let first = cx.plan.scope_from.filter(|s| *s <= as_of).unwrap_or(as_of);
                    let mut at = period_containing(*period, first);
                    // A bound on the loop whatever the dates: 100 years of months.
                    for _ in 0..1200 {
                        let Some((start, end)) = at else { break };
                        if start > as_of {
                            break;
                        }
                        out.push(Opening {
                            occ: None,
                            period: Some((start, end)),
                            date: None,
                            filter: Tri::True,
                            incomplete: false,
                        });
                        at = end.next().and_then(|d| period_containing(*period, d));
                    }
                }
                _ => out.push(Opening {
                    occ: None,
                    period: None,
                    date: None,
                    filter: Tri::True,
                    incomplete: false,
                }),
            },
        }
    }

    /// The instances of a norm for a unit, appended to `out`; returns the
    /// aggregate status. `applies` is whether the norm binds the unit; with
    /// `cx.assume`, its conditions are taken to hold (what a norm that may bind
    /// would be: violated or not). `scratch` holds the buffers it works in.
    #[inline]
    pub(crate) fn norm_instances(
        &self,
        np: &NormPlan,
        gn: &NormNode,
        applies: Tri,
        cx: &NormInputs<'_, '_>,
        out: &mut Vec<Instance>,
        scratch: &mut Scratch,
    ) -> Status {
        let assume = cx.assume;
        if applies == Tri::False {
            return Status::NotTriggered;
        }
        let norm_when = if assume || np.per_instance {
            Tri::True
        } else {
            self.norm_when(gn, None, cx)
        };
        if norm_when == Tri::False {
            return Status::NotTriggered;
        }
        if np.single {
            return self.single_instance(np, gn, applies.and(norm_when), cx, out);
        }
        self.opened_instances(np, gn, applies, norm_when, cx, out, scratch)
    }

    /// The instances of a norm that has openings (not [`NormPlan::single`]),
    /// its own conditions `norm_when` not false: [`Engine::norm_instances`]'
    /// general case, out of line so that the common one stays short.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    fn opened_instances(
        &self,
        np: &NormPlan,
        gn: &NormNode,
        applies: Tri,
        norm_when: Tri,
        cx: &NormInputs<'_, '_>,
        out: &mut Vec<Instance>,
        scratch: &mut Scratch,
    ) -> Status {
        let assume = cx.assume;
        let start = out.len();
        let mut openings = std::mem::take(&mut scratch.openings);
        self.openings(np, gn, cx, &mut openings, &mut scratch.remedies);
        if gn.class == ModalityClass::Prohibition {
            self.prohibition(np, gn, applies, norm_when, &openings, cx, assume, out);
        } else {
            for o in &openings {
                let when = if np.per_instance && !assume {
                    self.norm_when(gn, o.occ.as_ref(), cx)
                } else {
                    norm_when
                };
                // Assuming the norm binds, an attribute not given is taken to hold.
                let filter = if assume && o.filter == Tri::Unknown {
                    Tri::True
                } else {
                    o.filter
                };
                let a = applies.and(filter).and(when);
                if a == Tri::False {
                    continue;
                }
                let mut inst = Instance::new(a);
                inst.occurrence = o.occ.map(|x| x.index);
                inst.triggered_on = o.date;
                inst.period_start = o.period.map(|(s, _)| s);
                inst.incomplete = o.incomplete;
                match gn.class {
                    ModalityClass::Permission | ModalityClass::Encouragement => {
                        self.permission(np, gn, o, cx, &mut inst);
                    }
                    _ => self.due(np, gn, o, cx, &mut inst),
                }
                out.push(inst);
            }
            if gn.class != ModalityClass::Encouragement {
                if let Some(slice) = out.get_mut(start..) {
                    self.answer(np, gn, cx, slice);
                }
            }
        }
        scratch.openings = openings;
        aggregate(out.get(start..).unwrap_or(&[]))
    }

    /// The one instance of a norm opened by nothing and due on no date
    /// ([`NormPlan::single`]): what the general path gives for one opening with
    /// no date, without building it. It binds as `applies`; the first action of
    /// its type that names no occurrence answers it (one that names an
    /// occurrence answers an instance that occurrence opened: not this one).
    fn single_instance(
        &self,
        np: &NormPlan,
        gn: &NormNode,
        applies: Tri,
        cx: &NormInputs<'_, '_>,
        out: &mut Vec<Instance>,
    ) -> Status {
        if applies == Tri::False {
            return Status::NotTriggered;
        }
        let mut inst = Instance::new(applies);
        let unknown = applies == Tri::Unknown;
        inst.status = match gn.class {
            _ if unknown => Status::Unknown,
            ModalityClass::Permission => Status::Permitted,
            ModalityClass::Encouragement => Status::Encouraged,
            _ => Status::Pending,
        };
        if gn.class != ModalityClass::Encouragement {
            let as_of = cx.opts.as_of;
            inst.done_on =
                cx.p.actions
                    .iter()
                    .find(|a| a.ty == np.action && a.date <= as_of && a.answers.is_none())
                    .map(|a| a.date);
            if gn.class == ModalityClass::Obligation && !unknown && inst.done_on.is_some() {
                inst.status = Status::Fulfilled;
            }
        }
        let status = inst.status;
        out.push(inst);
        status
    }

    /// The norm's own conditions: 当 C and not 除非 U, for the instance opened by `occ`.
    fn norm_when(&self, gn: &NormNode, occ: Option<&Occurrence>, cx: &NormInputs<'_, '_>) -> Tri {
        let v = |c: NodeId| self.cond_for_instance(c, occ, cx);
        let when = gn.condition.map(v).unwrap_or(Tri::True);
        let unless = gn.unless.map(v).unwrap_or(Tri::False);
        when.and(unless.negate())
    }

    /// A condition's value for one instance: nodes that read the instance's
    /// occurrence (E.属性) are evaluated with it; the rest are the unit's values.
    pub(crate) fn cond_for_instance(
        &self,
        node: NodeId,
        occ: Option<&Occurrence>,
        cx: &NormInputs<'_, '_>,
    ) -> Tri {
        if !cx
            .plan
            .instance_dependent
            .get(node)
            .copied()
            .unwrap_or(false)
        {
            return cx.vals.get(node).copied().unwrap_or(Tri::Unknown);
        }
        use crate::plan::{CondPlan, NodePlan};
        let Some(NodePlan::Cond(c)) = cx.plan.nodes.get(node) else {
            return Tri::Unknown;
        };
        match c {
            CondPlan::And(a) => a.iter().fold(Tri::True, |acc, x| {
                acc.and(self.cond_for_instance(*x, occ, cx))
            }),
            CondPlan::Or(a) => a.iter().fold(Tri::False, |acc, x| {
                acc.or(self.cond_for_instance(*x, occ, cx))
            }),
            CondPlan::Not(x) => self.cond_for_instance(*x, occ, cx).negate(),
            CondPlan::TriggerAttr {
                event,
                attr,
                cmp,
                value,
            } => match occ {
                Some(o) if o.ty == *event => match cx.p.attr(o, attr) {
                    Some(v) => crate::eval::compare(v, *cmp, value),
                    None => Tri::Unknown,
                },
                _ => Tri::Unknown,
            },
            _ => cx.vals.get(node).copied().unwrap_or(Tri::Unknown),
        }
    }

    /// A permission exists from its opening and, where the text gives it a period
    /// (可以自调解协议生效之日起三十日内…), only within that period: after it, lapsed.
    fn permission(
        &self,
        np: &NormPlan,
        gn: &NormNode,
        o: &Opening,
        cx: &NormInputs<'_, '_>,
        inst: &mut Instance,
    ) {
        inst.status = match (inst.applies, gn.class) {
            (Tri::Unknown, _) => Status::Unknown,
            (_, ModalityClass::Permission) => Status::Permitted,
            _ => Status::Encouraged,
        };
        if inst.status == Status::Unknown {
            return;
        }
        let Some(DeadlineOut::Period {
            amount,
            unit,
            direction,
            ..
        }) = &gn.deadline
        else {
            return;
        };
        if *direction == Direction::Before {
            return;
        }
        let anchor = match (&np.anchor, o.date) {
            (Some(a), Some(d)) if a.is_trigger || np.trigger.is_none() => Some(d),
            (Some(a), Some(d)) => self.first_after(cx.p, a.event, d, cx),
            _ => None,
        };
        let Some(a) = anchor else {
            inst.status = Status::NotTriggered;
            return;
        };
        inst.triggered_on = Some(a);
        // No last day within the calendar: the permission has not lapsed.
        let Some(due) = self.period_end(a, *amount, *unit, *direction) else {
            inst.window = (Some(a), None);
            return;
        };
        inst.due = Some(due.date);
        inst.extended_from = due.extended_from;
        // Exercised within the period: done (settled when actions are matched);
        // otherwise lapsed once it has passed.
        inst.window = (Some(a), Some(due.date));
    }

    /// A prohibition is breached by each prohibited act done while it binds (after
    /// its trigger, from the ordinance's entry into force): one violated instance
    /// per act; none done, one fulfilled instance.
    #[allow(clippy::too_many_arguments)]
    fn prohibition(
        &self,
        np: &NormPlan,
        gn: &NormNode,
        applies: Tri,
        norm_when: Tri,
        openings: &[Opening],
        cx: &NormInputs<'_, '_>,
        assume: bool,
        out: &mut Vec<Instance>,
    ) {
        let triggered = np.trigger.is_some();
        if triggered && openings.is_empty() {
            return;
        }
        let as_of = cx.opts.as_of;
        let mut any = false;
        for act in cx.p.actions.iter() {
            if act.ty != np.action || act.date > as_of || !cx.in_scope(act.date) {
                continue;
            }
            // The latest opening on or before the act.
            let opening = openings
                .iter()
                .rev()
                .find(|o| o.date.is_none_or(|d| d <= act.date));
            if triggered && opening.is_none() {
                continue;
            }
            let when = match opening {
                Some(o) if np.per_instance && !assume => self.norm_when(gn, o.occ.as_ref(), cx),
                _ => norm_when,
            };
            let a = applies
                .and(when)
                .and(opening.map(|o| o.filter).unwrap_or(Tri::True));
            if a == Tri::False {
                continue;
            }
            any = true;
            let mut inst = Instance::new(a);
            inst.occurrence = opening.and_then(|o| o.occ.map(|x| x.index));
            inst.triggered_on = opening.and_then(|o| o.date);
            inst.status = if a == Tri::Unknown {
                Status::Unknown
            } else {
                Status::Violated
            };
            inst.overdue_since = Some(act.date);
            inst.breach_on = Some(act.date);
            out.push(inst);
        }
        if !any {
            let a = applies.and(norm_when);
            let mut inst = Instance::new(a);
            // Not breached: the prohibition as a whole, binding since its trigger
            // first happened.
            inst.triggered_on = openings.first().and_then(|o| o.date);
            inst.status = if a == Tri::Unknown {
                Status::Unknown
            } else {
                Status::Fulfilled
            };
            out.push(inst);
        }
    }
}

/// A norm's status over its instances: the most pressing one (violated, then
/// unknown, pending, fulfilled …); no instance, not triggered.
pub(crate) fn aggregate(insts: &[Instance]) -> Status {
    insts
        .iter()
        .map(|i| i.status)
        .min()
        .unwrap_or(Status::NotTriggered)
}
