//! What an ordinance's applying to a unit depends on, known from the start,
//! and its plan, built the first time a unit it applies to is evaluated: a run
//! of one unit plans the one or two ordinances of its place, not all of them
//! (docs/performance.md, Cold start).

use indexmap::IndexMap;
use tiaoli_compiler::graph::{NodeId, OrdinanceGraph};

use super::{visit, Engine, OrdinancePlan};
use crate::date::Date;

/// What deciding whether an ordinance applies to a unit reads: its
/// jurisdiction and its dates.
#[derive(Debug)]
pub(crate) struct OrdinanceScope {
    /// Its jurisdiction's official name.
    pub jurisdiction: String,
    /// Its index in `Engine::jurisdictions`.
    pub jurisdiction_id: u32,
    pub in_force: Option<Date>,
    pub repealed_on: Option<Date>,
    /// The first day whose happenings count: 溯及, else 施行日期 (no retroactivity).
    pub scope_from: Option<Date>,
}

impl Engine {
    /// An ordinance's scope: its jurisdiction (registered in the engine's
    /// jurisdictions) and its dates.
    pub(super) fn scope(&mut self, o: &OrdinanceGraph) -> OrdinanceScope {
        let jurisdiction = crate::place::official_jurisdiction(&self.regions, &o.jurisdiction);
        let jurisdiction_id = self.jurisdictions.insert_full(jurisdiction.clone(), ()).0 as u32;
        let in_force = o.in_force.as_deref().and_then(Date::parse);
        let retroactive = o.retroactive_from.as_deref().and_then(Date::parse);
        OrdinanceScope {
            jurisdiction,
            jurisdiction_id,
            in_force,
            repealed_on: o.repealed_on.as_deref().and_then(Date::parse),
            scope_from: retroactive.or(in_force),
        }
    }

    /// An ordinance's plan, built on first use (by whichever thread asks
    /// first; planning is a pure function of the rules, so the plan is the
    /// same whoever builds it).
    pub(crate) fn plan_of(&self, ordinance: usize) -> Option<&OrdinancePlan> {
        let (cell, o) = (
            self.plans.get(ordinance)?,
            self.graph.ordinances.get(ordinance)?,
        );
        Some(cell.get_or_init(|| {
            let mut plan = self.plan(o, self.scopes.get(ordinance));
            visit::build(&mut plan, o, self.actors.len());
            plan
        }))
    }

    pub fn plan_texts(
        &self,
        ordinance: usize,
    ) -> Option<&IndexMap<tiaoli_compiler::graph::Str, tiaoli_compiler::graph::Text>> {
        self.plan_of(ordinance).map(|p| &p.texts)
    }

    pub(crate) fn escalations(&self, ordinance: usize, sanction: &str) -> &[NodeId] {
        self.plan_of(ordinance)
            .and_then(|p| p.escalations.get(sanction))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub(crate) fn reached_by(&self, ordinance: usize, norm: NodeId) -> &[NodeId] {
        self.plan_of(ordinance)
            .and_then(|p| p.reached_by.get(&norm))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The first day whose happenings count under an ordinance (施行日期, or 溯及).
    pub fn scope_from(&self, ordinance: usize) -> Option<Date> {
        self.scopes.get(ordinance).and_then(|s| s.scope_from)
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::{parse, Format};
    use crate::{Calendar, Engine, Options};

    /// The example units; the first is a county public-security bureau in
    /// 海东市平安区, which one or two of the ordinances concern.
    const UNITS: &str = include_str!("../../../../examples/units.yaml");

    #[test]
    fn a_unit_plans_the_ordinances_that_apply_to_it_and_no_other() {
        let rules = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../rules"));
        let c =
            tiaoli_compiler::compile(tiaoli_compiler::load::load_sources(&[rules], &[]).unwrap());
        assert!(!c.has_errors());
        let f = parse(UNITS, Format::Yaml, &c.graph.lexicon).unwrap();
        let engine = Engine::new(c.graph, Calendar::default_schedule().unwrap());
        assert!(engine.plans.iter().all(|p| p.get().is_none()));
        let opts = Options {
            as_of: f.as_of.unwrap(),
            drafts: true,
        };
        let planned = |e: &Engine| -> Vec<usize> {
            (e.plans.iter().enumerate())
                .filter(|(_, p)| p.get().is_some())
                .map(|(i, _)| i)
                .collect()
        };
        let unit = f.units.first().unwrap();
        let ev = engine.evaluate(unit, opts);
        let evaluated: Vec<usize> = ev.ords.iter().map(|o| o.ordinance).collect();
        assert!(!evaluated.is_empty());
        assert!(
            evaluated.len() < engine.graph.ordinances.len(),
            "{evaluated:?}"
        );
        assert_eq!(planned(&engine), evaluated);
        // Skipped ordinances (outside the jurisdiction) stay unplanned, and a
        // second evaluation gives the same result from the plans built.
        assert_eq!(
            ev.skipped.len() + evaluated.len(),
            engine.graph.ordinances.len()
        );
        let again = engine.evaluate(unit, opts);
        assert_eq!(
            again.ords.iter().map(|o| &o.vals).collect::<Vec<_>>(),
            ev.ords.iter().map(|o| &o.vals).collect::<Vec<_>>()
        );
    }
}
