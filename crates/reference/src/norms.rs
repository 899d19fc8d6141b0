//! A norm's instances, as the semantics defines them: what opens them, when each
//! is due, which action answers which, and their statuses.

use crate::time::Days;
use tiaoli_compiler::graph::{Cond, DeadlineOut, EventPatternOut, NodeId, NormNode, TriggerOut};
use tiaoli_engine::eval::{Status, Tri};
use tiaoli_engine::facts::{ActionRecord, EventRecord, FactValue};
use tiaoli_engine::Date;
use tiaoli_syntax::ast::{Direction, ModalityClass, Vague};

use crate::time::{period, period_end, period_of, working_day_from};
use crate::values::filter_holds;
use crate::{Inst, Ord_};

impl Ord_<'_> {
    pub(crate) fn when(&self, n: &NormNode, occ: Option<u32>) -> Tri {
        let c = n
            .condition
            .map(|c| self.cond(c, occ).0)
            .unwrap_or(Tri::True);
        let u = n.unless.map(|u| self.cond(u, occ).0).unwrap_or(Tri::False);
        c.and(u.negate())
    }

    pub(crate) fn reads_occurrence(&self, n: &NormNode) -> bool {
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
    pub(crate) fn openings(
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
                        at = period_of(*p, at.1.succ());
                    }
                }
                _ => out.push((None, None, None, Tri::True, false)),
            },
        }
        out
    }

    /// The first occurrence of `event` on or after `from`, on or before the
    /// evaluation date unless the period runs before it.
    pub(crate) fn first_from(
        &self,
        event: &str,
        from: Date,
        ahead: bool,
    ) -> Option<(u32, &EventRecord)> {
        self.events().find(|(_, e)| {
            e.ty == event && e.date >= from && (ahead || e.date <= self.as_of) && self.visible(e)
        })
    }

    pub(crate) fn trigger_names(&self, n: &NormNode, event: &str) -> bool {
        n.trigger
            .as_ref()
            .is_some_and(|t| t.events().contains(&event))
    }

    /// A norm's instances for the unit (assuming, with `assume`, that its
    /// conditions hold and the attributes it tests are what they must be).
    pub(crate) fn instances(&self, n: &NormNode, applies: Tri, assume: bool) -> Vec<Inst> {
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

    pub(crate) fn permission(&self, n: &NormNode, i: &mut Inst) {
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

    pub(crate) fn due(&self, n: &NormNode, i: &mut Inst, incomplete: bool) {
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
    pub(crate) fn answer(&self, n: &NormNode, insts: &mut [Inst]) {
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
                    i.overdue_since = Some(due.succ());
                    i.breach_on = Some(due);
                    Status::Violated
                }
                (Some(_), _) => Status::Fulfilled,
                (None, Some(due)) if as_of > due => {
                    i.overdue_since = Some(due.succ());
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
    pub(crate) fn prohibition(
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

    pub(crate) fn latest_breach(insts: &[Inst]) -> Option<Date> {
        insts
            .iter()
            .filter(|i| i.status == Status::Violated)
            .filter_map(|i| i.breach_on)
            .max()
    }
}
