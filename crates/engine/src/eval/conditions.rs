//! Conditions: each condition node of the plan evaluated once per unit and
//! ordinance, three-valued, with the onset of what made it hold; windows
//! (`近 N`) applied to onsets; comparisons of facts with literals.

use super::*;

impl Engine {
    /// Evaluates the condition nodes a norm or consequence reads (`needs`: the
    /// plan's list for it, children first), each once.
    #[inline]
    pub(super) fn ensure(
        &self,
        needs: &[u32],
        cx: &CondInputs<'_, '_>,
        ev: &mut OrdEval,
        computed: &mut [bool],
    ) {
        for &i in needs {
            let i = i as usize;
            match computed.get_mut(i) {
                Some(c) if !*c => *c = true,
                _ => continue,
            }
            self.ensure_one(i, cx, ev);
        }
    }

    /// Evaluates one condition node, whose inputs are evaluated.
    #[inline(never)]
    fn ensure_one(&self, i: NodeId, cx: &CondInputs<'_, '_>, ev: &mut OrdEval) {
        let Some(NodePlan::Cond(c)) = cx.plan.nodes.get(i) else {
            return;
        };
        // A fact that is true or false: half the conditions evaluated.
        if let CondPlan::IsTrue(f) = c {
            let v = match cx.p.fact(*f) {
                Some(FactValue::Bool(b)) => Tri::from_bool(*b),
                _ => Tri::Unknown,
            };
            if let Some(slot) = ev.vals.get_mut(i) {
                *slot = v;
            }
            if let Some(slot) = ev.onsets.get_mut(i) {
                *slot = OptDate::NONE;
            }
            return;
        }
        // Only `逾期 E 未 A` matches remedies: the buffer is moved out for it alone.
        let (v, onset) = if matches!(c, CondPlan::Overdue { .. }) {
            let mut remedies = std::mem::take(&mut ev.scratch.remedies);
            let out = self.cond(c, cx, ev, Some(&mut remedies));
            ev.scratch.remedies = remedies;
            out
        } else {
            self.cond(c, cx, ev, None)
        };
        if let Some(slot) = ev.vals.get_mut(i) {
            *slot = v;
        }
        if let Some(slot) = ev.onsets.get_mut(i) {
            *slot = OptDate::new(onset);
        }
    }

    /// The latest occurrence of a pattern (its tests holding) on or before the
    /// evaluation date, in the ordinance's scope.
    pub(super) fn latest(&self, pattern: &PatternPlan, cx: &CondInputs<'_, '_>) -> Option<Date> {
        cx.p.events
            .iter()
            .rev()
            .filter(|e| pattern.has(e.ty) && e.date <= cx.opts.as_of && cx.in_scope(e.date))
            .find(|e| self.pattern_filter(pattern, e, cx.p) == Tri::True)
            .map(|e| e.date)
    }

    /// Applies a window to a condition that holds with an onset.
    pub(super) fn windowed(
        &self,
        v: Tri,
        onset: Option<Date>,
        w: &Option<Window>,
        as_of: Date,
    ) -> Tri {
        match (w, v) {
            (None, _) | (_, Tri::False) => v,
            (Some(w), Tri::True) => match onset {
                // Holding by facts alone: it holds now, so within any window.
                None => Tri::True,
                Some(d) => self.in_window(d, w, as_of),
            },
            (Some(_), Tri::Unknown) => Tri::Unknown,
        }
    }

    /// `remedies` is a buffer for matching remedies to orders (`逾期 E 未 A`; none: one is made).
    pub(super) fn cond(
        &self,
        c: &CondPlan,
        cx: &CondInputs<'_, '_>,
        ev: &OrdEval,
        remedies: Option<&mut Vec<(u32, Option<Date>)>>,
    ) -> (Tri, Option<Date>) {
        let p = cx.p;
        let as_of = cx.opts.as_of;
        let val = |i: &NodeId| ev.val(*i);
        match c {
            CondPlan::And(a) => {
                let v = a.iter().fold(Tri::True, |acc, x| acc.and(val(x)));
                (v, a.iter().filter_map(|x| ev.onset(*x)).max())
            }
            CondPlan::Or(a) => {
                let v = a.iter().fold(Tri::False, |acc, x| acc.or(val(x)));
                (v, held_onset(a, ev))
            }
            CondPlan::Not(x) => (val(x).negate(), None),
            CondPlan::IsTrue(f) => (
                match p.fact(*f) {
                    Some(FactValue::Bool(b)) => Tri::from_bool(*b),
                    _ => Tri::Unknown,
                },
                None,
            ),
            CondPlan::Compare { fact, cmp, value } => (
                match p.fact(*fact) {
                    None => Tri::Unknown,
                    Some(v) => compare(v, *cmp, value),
                },
                None,
            ),
            CondPlan::Occurred { pattern, within } => {
                let mut out = Tri::False;
                let mut onset = None;
                for e in p.events.iter().rev() {
                    if !pattern.has(e.ty) || e.date > as_of || !cx.in_scope(e.date) {
                        continue;
                    }
                    let f = self.pattern_filter(pattern, e, p);
                    let w = match within {
                        Some(w) => self.in_window(e.date, w, as_of),
                        None => Tri::True,
                    };
                    let t = f.and(w);
                    if t == Tri::True && onset.is_none() {
                        onset = Some(e.date);
                    }
                    out = out.or(t);
                    if out == Tri::True && !matches!(within, Some(Window::Shortly)) {
                        break;
                    }
                }
                (out, onset)
            }
            CondPlan::Count {
                pattern,
                within,
                cmp,
                n,
            } => {
                // Occurrences certainly counted, and those that may be (an
                // attribute not given, a vague window).
                let (mut sure, mut maybe) = (0u32, 0u32);
                let mut onset = None;
                for e in p.events.iter() {
                    if !pattern.has(e.ty) || e.date > as_of || !cx.in_scope(e.date) {
                        continue;
                    }
                    let f = self.pattern_filter(pattern, e, p);
                    let w = match within {
                        Some(Window::Shortly) => Tri::Unknown,
                        Some(w) => self.in_window(e.date, w, as_of),
                        None => Tri::True,
                    };
                    match f.and(w) {
                        Tri::True => {
                            sure = sure.saturating_add(1);
                            onset = Some(e.date);
                        }
                        Tri::Unknown => {
                            maybe = maybe.saturating_add(1);
                            onset = Some(e.date);
                        }
                        Tri::False => {}
                    }
                }
                // Every count between the sure and the possible decides alike, or
                // the result is unknown (enough events, but whether they fell
                // 在较短时间内 is a judgement).
                let lo = compare_num(f64::from(sure), *cmp, f64::from(*n));
                let all = (sure..=sure.saturating_add(maybe))
                    .all(|k| compare_num(f64::from(k), *cmp, f64::from(*n)) == lo);
                let v = if all {
                    Tri::from_bool(lo)
                } else {
                    Tri::Unknown
                };
                let monotone = matches!(cmp, CmpOp::Ge | CmpOp::Gt);
                (v, if monotone { onset } else { None })
            }
            CondPlan::Violated { norm, within } => {
                let v = val(norm);
                let onset = ev.onset(*norm);
                (self.windowed(v, onset, within, as_of), onset)
            }
            // A norm that does not bind the unit has the value false.
            CondPlan::ViolatedAny { within } => {
                let mut v = Tri::False;
                let mut onset = None;
                for n in cx.violable {
                    let n = *n as usize;
                    match ev.val(n) {
                        Tri::True => {
                            v = Tri::True;
                            onset = onset.max(ev.onset(n));
                        }
                        Tri::Unknown if v == Tri::False => v = Tri::Unknown,
                        _ => {}
                    }
                }
                (self.windowed(v, onset, within, as_of), onset)
            }
            CondPlan::Overdue {
                event,
                remedy,
                within,
            } => {
                let mut out = Tri::False;
                let mut onset = None;
                let mut local = Vec::new();
                let remedies = remedies.unwrap_or(&mut local);
                self.remedies(p, *event, *remedy, as_of, remedies);
                let answers: &[(u32, Option<Date>)] = remedies;
                for e in p.events.iter() {
                    if e.ty != *event || e.date > as_of || !cx.in_scope(e.date) {
                        continue;
                    }
                    let t = match e.deadline.and_then(|dl| self.order_end(dl)) {
                        None => Tri::Unknown,
                        Some(dl) if as_of > dl => {
                            let overdue = !Engine::remedied_by(answers, e.index, dl);
                            if overdue {
                                onset = onset.max(Some(dl));
                            }
                            Tri::from_bool(overdue)
                        }
                        Some(_) => Tri::False,
                    };
                    out = out.or(t);
                }
                (self.windowed(out, onset, within, as_of), onset)
            }
            CondPlan::Meets {
                consequences,
                within,
            } => {
                let v = consequences
                    .iter()
                    .fold(Tri::False, |acc, x| acc.or(val(x)));
                let onset = held_onset(consequences, ev);
                (self.windowed(v, onset, within, as_of), onset)
            }
            // Read per instance (instances.rs); outside one it decides nothing.
            CondPlan::TriggerAttr { .. } => (Tri::Unknown, None),
        }
    }
}

/// The onset of a disjunction that holds: none when one of the nodes that hold
/// holds by facts alone, else the latest of their onsets.
fn held_onset(nodes: &[NodeId], ev: &OrdEval) -> Option<Date> {
    let mut latest = None;
    for x in nodes {
        if ev.val(*x) == Tri::True {
            match ev.onset(*x) {
                None => return None,
                Some(d) => latest = latest.max(Some(d)),
            }
        }
    }
    latest
}

pub(crate) fn compare_num(a: f64, cmp: CmpOp, b: f64) -> bool {
    match cmp {
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
    }
}

pub(crate) fn compare(v: &FactValue, cmp: CmpOp, lit: &Literal) -> Tri {
    let ord = |o: std::cmp::Ordering| {
        Tri::from_bool(match cmp {
            CmpOp::Eq => o.is_eq(),
            CmpOp::Ne => o.is_ne(),
            CmpOp::Lt => o.is_lt(),
            CmpOp::Le => o.is_le(),
            CmpOp::Gt => o.is_gt(),
            CmpOp::Ge => o.is_ge(),
        })
    };
    match (v, lit) {
        (FactValue::Bool(a), Literal::Bool(b)) => ord(a.cmp(b)),
        (FactValue::Number(a), Literal::Number(b)) => {
            Tri::from_bool(compare_num(*a, cmp, f64::from(*b)))
        }
        (FactValue::Date(a), Literal::Date(b)) => match Date::parse(b) {
            Some(b) => ord(a.cmp(&b)),
            None => Tri::Unknown,
        },
        (FactValue::Enum(a), Literal::Enum(b)) => ord(if a == b {
            std::cmp::Ordering::Equal
        } else {
            std::cmp::Ordering::Less
        }),
        _ => Tri::Unknown,
    }
}
