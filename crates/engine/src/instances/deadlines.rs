//! When an obligation's instance is due (its period counted from its trigger,
//! extensions, the working-day calendar) and which actions answer it.

use super::*;

impl Engine {
    /// The first occurrence of `event` on or after `from` (and in scope, and not
    /// after the evaluation date).
    pub(super) fn first_after(
        &self,
        p: &Prepared<'_>,
        event: usize,
        from: Date,
        cx: &NormInputs<'_, '_>,
    ) -> Option<Date> {
        p.events
            .iter()
            .find(|e| {
                e.ty == event && e.date >= from && e.date <= cx.opts.as_of && cx.in_scope(e.date)
            })
            .map(|e| e.date)
    }

    /// When an obligation's instance is due, and which actions may answer it.
    pub(super) fn due(
        &self,
        np: &NormPlan,
        gn: &NormNode,
        o: &Opening,
        cx: &NormInputs<'_, '_>,
        inst: &mut Instance,
    ) {
        if o.incomplete {
            inst.status = Status::Unknown;
            return;
        }
        if inst.applies == Tri::Unknown {
            inst.status = Status::Unknown;
        }
        match &gn.deadline {
            Some(DeadlineOut::Period {
                amount,
                unit,
                direction,
                ..
            }) => {
                let anchor = match (&np.anchor, o.date) {
                    (Some(a), Some(d)) if a.is_trigger || np.trigger.is_none() => Some(d),
                    (Some(a), Some(d)) if *direction == Direction::Before => {
                        cx.p.events
                            .iter()
                            .find(|e| e.ty == a.event && e.date >= d && cx.in_scope(e.date))
                            .map(|e| e.date)
                    }
                    (Some(a), Some(d)) => self.first_after(cx.p, a.event, d, cx),
                    _ => None,
                };
                let Some(a) = anchor else {
                    // Triggered, but the event its period runs from has not happened:
                    // in force, with no due date yet.
                    inst.window = (o.date, None);
                    return;
                };
                // No due date within the calendar (past 9999-12-31): not yet due.
                if let Some(due) = self.period_end(a, *amount, *unit, *direction) {
                    inst.due = Some(due.date);
                    inst.extended_from = due.extended_from;
                }
                inst.window = if *direction == Direction::Before {
                    (None, Some(a))
                } else {
                    (Some(a), None)
                };
            }
            Some(DeadlineOut::ByOrder { .. }) => {
                let order = match (o.occ, np.order_event) {
                    (Some(occ), Some(ev)) if occ.ty == ev => Some(occ),
                    (_, Some(ev)) => o.date.and_then(|d| {
                        cx.p.events
                            .iter()
                            .find(|e| {
                                e.ty == ev
                                    && e.date >= d
                                    && e.date <= cx.opts.as_of
                                    && cx.in_scope(e.date)
                            })
                            .copied()
                    }),
                    _ => None,
                };
                match order {
                    Some(occ) => match occ.deadline {
                        Some(dl) => {
                            // The order sets the last day; a last day on a rest day
                            // moves to the next working day (民法典 第二百零三条).
                            if let Some(due) = self.order_end(dl) {
                                inst.due = Some(due);
                                inst.extended_from = (due != dl).then_some(dl);
                            }
                            inst.window = (Some(occ.date), None);
                        }
                        None => {
                            inst.status = Status::Unknown;
                            inst.incomplete = true;
                            inst.occurrence = Some(occ.index);
                        }
                    },
                    None => inst.window = (o.date, None),
                }
            }
            Some(DeadlineOut::Periodic { .. }) => {
                if let Some((s, e)) = o.period {
                    inst.due = Some(e);
                    inst.window = (Some(s), Some(e));
                }
            }
            Some(DeadlineOut::Vague { .. }) | None => inst.window = (o.date, None),
        }
    }

    /// Matches the unit's actions to the instances of one norm, then settles each
    /// instance's status.
    pub(super) fn answer(
        &self,
        np: &NormPlan,
        gn: &NormNode,
        cx: &NormInputs<'_, '_>,
        insts: &mut [Instance],
    ) {
        let as_of = cx.opts.as_of;
        let recurring_vague = matches!(
            gn.deadline,
            Some(DeadlineOut::Vague {
                word: Vague::Periodically
            })
        );
        if recurring_vague {
            // 定期: the duty recurs with no period stated; an act done is
            // reported (the latest), but the duty stays in force.
            for act in
                cx.p.actions
                    .iter()
                    .filter(|a| a.ty == np.action && a.date <= as_of)
            {
                for i in insts.iter_mut() {
                    if i.window.0.is_none_or(|f| act.date >= f) {
                        i.done_on = Some(act.date);
                    }
                }
            }
        }
        for act in answering_first(cx.p, np.action, as_of).filter(|_| !recurring_vague) {
            let target = match act.answers {
                Some(ev) => insts
                    .iter_mut()
                    .find(|i| i.occurrence == Some(ev) && i.done_on.is_none()),
                None => insts.iter_mut().find(|i| {
                    i.done_on.is_none()
                        && i.window.0.is_none_or(|f| act.date >= f)
                        && i.window.1.is_none_or(|u| act.date <= u)
                }),
            };
            if let Some(i) = target {
                i.done_on = Some(act.date);
            }
        }
        if gn.class == ModalityClass::Permission {
            for i in insts.iter_mut() {
                // Only a permission with a period is exercised or lapses.
                if i.status != Status::Permitted || i.window.1.is_none() {
                    continue;
                }
                if i.done_on.is_some() {
                    i.status = Status::Fulfilled;
                } else if i.window.1.is_some_and(|d| as_of > d) {
                    i.status = Status::Lapsed;
                }
            }
            return;
        }
        for i in insts.iter_mut() {
            if i.status == Status::Unknown {
                continue;
            }
            match (i.done_on, i.due) {
                _ if recurring_vague => i.status = Status::Pending,
                (Some(d), Some(due)) if d > due => {
                    i.status = Status::Violated;
                    i.overdue_since = due.next();
                    i.breach_on = Some(due);
                }
                (Some(_), _) => i.status = Status::Fulfilled,
                (None, Some(due)) if as_of > due => {
                    i.status = Status::Violated;
                    i.overdue_since = due.next();
                    i.breach_on = Some(due);
                }
                (None, _) => i.status = Status::Pending,
            }
        }
    }
}

/// The actions of a type done by the evaluation date, those that name the
/// occurrence they answer (`for`) first, each group in date order: an explicit
/// answer is never taken by an earlier action that names none.
pub(super) fn answering_first<'a>(
    p: &'a Prepared<'_>,
    ty: usize,
    as_of: Date,
) -> impl Iterator<Item = &'a Act> {
    let of = move |named: bool| {
        p.actions
            .iter()
            .filter(move |a| a.ty == ty && a.date <= as_of && a.answers.is_some() == named)
    };
    of(true).chain(of(false))
}
