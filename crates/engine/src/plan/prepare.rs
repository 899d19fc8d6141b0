//! A unit's names resolved to the plan's ids (kinds as is-a bitsets, roles,
//! facts, events and actions as indexes), once per unit, before evaluation.

use super::*;

impl Engine {
    /// Resolves a validated unit's names to ids: from the unit's hint when every
    /// id in it names what the unit names, else by looking each name up.
    pub fn prepare<'u>(&self, unit: &'u Unit) -> Prepared<'u> {
        let rank = unit.level.map(|l| l.rank());
        let r = &unit.resolved;
        if r.valid && self.hint_holds(unit, r) {
            return Prepared {
                unit,
                kind: r.kind,
                roles: Cow::Borrowed(&r.roles),
                rank,
                facts: Cow::Borrowed(&r.facts),
                events: Cow::Borrowed(&r.events),
                actions: Cow::Borrowed(&r.actions),
            };
        }
        let r = self.resolve(unit);
        Prepared {
            unit,
            kind: r.kind,
            roles: Cow::Owned(r.roles),
            rank,
            facts: Cow::Owned(r.facts),
            events: Cow::Owned(r.events),
            actions: Cow::Owned(r.actions),
        }
    }

    /// A unit's ids, each name looked up in the engine's tables (a name the
    /// rules do not know has no id: it matches nothing).
    pub fn resolve(&self, unit: &Unit) -> Resolved {
        let role_ids: Vec<usize> = unit
            .roles
            .iter()
            .filter_map(|r| self.roles.get_index_of(r))
            .collect();
        let mut facts: Vec<(usize, u32)> = unit
            .facts
            .keys()
            .enumerate()
            .filter_map(|(at, k)| self.facts.get_index_of(k).map(|i| (i, at as u32)))
            .collect();
        facts.sort_unstable_by_key(|(i, _)| *i);
        let index_of_id = |id: &str| {
            unit.events
                .iter()
                .position(|e| e.id.as_deref() == Some(id))
                .map(|i| i as u32)
        };
        Resolved {
            valid: true,
            kind: self.actors.get_index_of(&unit.kind).unwrap_or(usize::MAX),
            roles: self.role_bits(&role_ids),
            role_ids,
            facts,
            events: unit
                .events
                .iter()
                .enumerate()
                .map(|(i, e)| Occurrence {
                    ty: self.event_id(&e.ty),
                    date: e.date,
                    deadline: e.deadline,
                    index: i as u32,
                })
                .collect(),
            actions: unit
                .actions
                .iter()
                .map(|a| Act {
                    ty: self.action_id(&a.ty),
                    date: a.date,
                    answers: a.answers.as_deref().and_then(index_of_id),
                })
                .collect(),
        }
    }

    /// The bitset of a unit's roles (empty when it has none).
    pub(crate) fn role_bits(&self, ids: &[usize]) -> Bits {
        if ids.is_empty() {
            return Bits::default();
        }
        let mut b = Bits::with_len(self.roles.len());
        for i in ids {
            b.set(*i);
        }
        b
    }

    /// Whether every id of a hint names what the unit names (names compared,
    /// not hashed), and the hint covers every name of the unit.
    pub(super) fn hint_holds(&self, unit: &Unit, r: &Resolved) -> bool {
        let name_is = |table: Option<&str>, name: &str| table == Some(name);
        name_is(
            self.actors.get_index(r.kind).map(|(k, _)| k.as_str()),
            &unit.kind,
        ) && r.role_ids.len() == unit.roles.len()
            && r.role_ids
                .iter()
                .zip(&unit.roles)
                .all(|(i, n)| name_is(self.roles.get_index(*i).map(|(k, _)| k.as_str()), n))
            && r.facts.len() == unit.facts.len()
            && r.facts.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0))
            && r.facts.iter().all(|(i, at)| {
                let fact = self.facts.get_index(*i).map(|(k, _)| k.as_str());
                unit.facts
                    .get_index(*at as usize)
                    .is_some_and(|(k, _)| name_is(fact, k))
            })
            && r.events.len() == unit.events.len()
            && r.events
                .iter()
                .zip(&unit.events)
                .enumerate()
                .all(|(i, (o, e))| {
                    o.index as usize == i
                        && o.date == e.date
                        && o.deadline == e.deadline
                        && name_is(self.events.get_index(o.ty).map(|(k, _)| k.as_str()), &e.ty)
                })
            && r.actions.len() == unit.actions.len()
            && r.actions.iter().zip(&unit.actions).all(|(a, x)| {
                a.date == x.date
                    && name_is(self.actions.get_index(a.ty).map(|(k, _)| k.as_str()), &x.ty)
                    && match (a.answers, x.answers.as_deref()) {
                        (None, None) => true,
                        (Some(k), Some(id)) => unit
                            .events
                            .get(k as usize)
                            .is_some_and(|e| e.id.as_deref() == Some(id)),
                        _ => false,
                    }
            })
    }
}
