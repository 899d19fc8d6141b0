//! A norm's effect on the others once its instances are known: priority and
//! fallback (优先于, 不能履行时替代) displace the norms it prevails over, and its
//! value for `违反` (a breach, or one it would be if it bound the unit).

use super::*;

impl Engine {
    /// Priority and fallback: a norm in effect displaces the norms it prevails over
    /// (优先于) or replaces (不能履行时替代). A displaced norm displaces no one: what
    /// it had displaced is restored.
    /// Returns whether it displaced any.
    pub(super) fn displace(
        &self,
        gn: &tiaoli_compiler::graph::NormNode,
        st: &NormState,
        i: NodeId,
        ev: &mut OrdEval,
    ) -> bool {
        if gn.overrides.is_empty() && gn.fallback_for.is_none() {
            return false;
        }
        let in_effect = st.applies == Tri::True
            && !matches!(
                st.status,
                Status::NotTriggered | Status::Unknown | Status::Overridden
            );
        if !in_effect {
            return false;
        }
        let mut any = false;
        for other in gn.overrides.iter().chain(gn.fallback_for.iter()) {
            let Some(s) = ev.norm_mut(*other) else {
                continue;
            };
            if s.applies == Tri::False || s.status == Status::Overridden {
                continue;
            }
            any = true;
            s.displaced = Some(s.status);
            s.status = Status::Overridden;
            s.overridden_by = Some(i);
            if let Some(x) = ev.vals.get_mut(*other) {
                *x = Tri::False;
            }
            let restored: Vec<NodeId> = ev
                .norms
                .iter()
                .filter(|(_, t)| t.overridden_by == Some(*other))
                .map(|(n, _)| *n)
                .collect();
            for r in restored {
                let (status, breach) = match ev.norm_mut(r) {
                    Some(t) => {
                        t.status = t.displaced.take().unwrap_or(Status::Pending);
                        t.overridden_by = None;
                        (t.status, t.status == Status::Violated)
                    }
                    None => continue,
                };
                let _ = status;
                if let Some(x) = ev.vals.get_mut(r) {
                    *x = Tri::from_bool(breach);
                }
            }
        }
        any
    }

    /// A norm's value for `违反`: true when an instance is violated, unknown when
    /// it may bind the unit and, binding, would be violated; its onset the latest
    /// breach.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn breach(
        &self,
        pn: &crate::plan::NormPlan,
        gn: &tiaoli_compiler::graph::NormNode,
        subj: Tri,
        st: &NormState,
        p: &Prepared<'_>,
        plan: &OrdinancePlan,
        opts: Options,
        ev: &mut OrdEval,
    ) -> (Tri, Option<Date>) {
        // One instance with no due date: never violated, bound or not.
        if pn.single {
            return (Tri::False, None);
        }
        let insts = ev.instances_of(st);
        let latest = |insts: &[Instance]| {
            insts
                .iter()
                .filter(|i| i.status == Status::Violated)
                .filter_map(|i| i.breach_on)
                .max()
        };
        match st.status {
            Status::Violated if subj == Tri::True => (Tri::True, latest(insts)),
            Status::Violated | Status::Unknown => {
                if insts
                    .iter()
                    .any(|i| i.status == Status::Violated && i.applies == Tri::True)
                {
                    return (Tri::True, latest(insts));
                }
                // Unknown whether it binds: violated only if, binding, it would be.
                let mut scratch = std::mem::take(&mut ev.scratch);
                let mut assumed_insts = std::mem::take(&mut scratch.assumed);
                assumed_insts.clear();
                let ni = NormInputs {
                    p,
                    plan,
                    opts,
                    vals: &ev.vals,
                    assume: true,
                };
                let assumed =
                    self.norm_instances(pn, gn, Tri::True, &ni, &mut assumed_insts, &mut scratch);
                let out = if assumed == Status::Violated {
                    (Tri::Unknown, latest(&assumed_insts))
                } else {
                    (Tri::False, None)
                };
                scratch.assumed = assumed_insts;
                ev.scratch = scratch;
                out
            }
            _ => (Tri::False, None),
        }
    }
}
