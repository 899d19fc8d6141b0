//! A property: a later case handled in full changes nothing else.

use super::*;
use proptest::prelude::*;
use tiaoli_compiler::graph::{Cond, Node};
use tiaoli_engine::facts::{ActionRecord, Unit};
use tiaoli_reference::{InstanceKey, Verdict};

/// Norms whose own conditions read no event, breach or consequence: their
/// instances can only depend on other occurrences through the rules of
/// answering, which a case answered by `for:` leaves alone.
fn independent(graph: &tiaoli_compiler::graph::Graph) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for o in &graph.ordinances {
        for n in &o.nodes {
            let Node::Norm(nn) = n else { continue };
            let roots: Vec<usize> = nn
                .condition
                .iter()
                .chain(nn.unless.iter())
                .copied()
                .collect();
            let mut reads_time = false;
            o.leaf_conditions(&roots, true, |c| {
                if !matches!(
                    c,
                    Cond::IsTrue { .. } | Cond::Compare { .. } | Cond::TriggerAttr { .. }
                ) {
                    reads_time = true;
                }
            });
            if !reads_time {
                out.push((o.id.clone(), nn.name.to_string()));
            }
        }
    }
    out
}

type Rules = (
    tiaoli_compiler::graph::Graph,
    Engine,
    Vec<(String, String)>,
    Calendar,
);

/// The shipped rules and the constructs fixture, compiled once for all cases.
fn rules() -> &'static Rules {
    static RULES: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
    RULES.get_or_init(|| {
        let fixture = read(&root().join("tests/fixtures/differential/constructs.tiaoli"));
        let c = shipped_rules_with(&[("tests/fixtures/differential/constructs.tiaoli", &fixture)]);
        let graph = c.graph.clone();
        let free = independent(&graph);
        let cal = Calendar::default_schedule().unwrap();
        let engine = Engine::new(c.graph, cal.clone());
        (graph, engine, free, cal)
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: regressions_beside_source(),
        ..ProptestConfig::default()
    })]
    #[test]
    fn adding_a_fully_handled_occurrence_changes_no_other_result(seed in any::<u64>()) {
        let (graph, engine, free, cal) = rules();
        let mut g = tiaoli_reference::generate::UnitGenerator::new(graph, cal, seed);
        let unit = g.unit(0);
        let opts = g.options_for(&unit);
        let Some(extra) = g.occurrence("新增案件", &unit) else { return Ok(()) };
        // Insert it in date order; the old occurrences keep their identity.
        let mut with = unit.clone();
        let pos = with.events.iter().position(|e| (e.date, &e.ty) > (extra.date, &extra.ty)).unwrap_or(with.events.len());
        with.events.insert(pos, extra);
        let renumber = |k: u32| if (k as usize) >= pos { k + 1 } else { k };
        // Handle it in full: every instance it opens answered by its due date.
        let first = tiaoli_reference::from_engine(engine, &engine.evaluate(&with, opts));
        for v in &first.results {
            // Answered by its own action even where another action would
            // answer it anyway (that one would be taken from an earlier case).
            if v.key == InstanceKey::Occurrence(pos as u32) {
                let Some(o) = graph.ordinances.iter().find(|o| o.id == v.ordinance) else { continue };
                let Some(n) = o.norms.get(&v.node).and_then(|i| match &o.nodes[*i] { Node::Norm(n) => Some(n), _ => None }) else { continue };
                // Duties are done and permissions exercised; prohibitions need no act.
                if !matches!(n.class, tiaoli_syntax::ast::ModalityClass::Obligation | tiaoli_syntax::ast::ModalityClass::Permission) { continue }
                let date = v.due.or(v.triggered_on).unwrap_or(opts.as_of).min(opts.as_of);
                with.actions.push(ActionRecord { ty: n.action.to_string(), date, answers: Some("新增案件".into()) });
            }
        }
        with.actions.sort_by(|a, b| (a.date, &a.ty).cmp(&(b.date, &b.ty)));
        let before = tiaoli_reference::from_engine(engine, &engine.evaluate(&unit, opts));
        let after = tiaoli_reference::from_engine(engine, &engine.evaluate(&with, opts));
        let keep = |v: &&Verdict| free.contains(&(v.ordinance.clone(), v.node.clone())) && v.key != InstanceKey::Whole;
        // A prohibited act is a breach whichever case made the prohibition bind:
        // its trigger date may move to the new case, nothing else.
        let plain = |v: &Verdict| {
            let mut v = v.clone();
            if matches!(v.key, InstanceKey::Act(_)) { v.triggered_on = None; }
            v
        };
        let old: Vec<Verdict> = before.results.iter().filter(keep).map(|v| {
            let mut v = plain(v);
            if let InstanceKey::Occurrence(k) = v.key { v.key = InstanceKey::Occurrence(renumber(k)); }
            v
        }).collect();
        let new: Vec<Verdict> = after.results.iter().filter(keep).filter(|v| v.key != InstanceKey::Occurrence(pos as u32)).map(plain).collect();
        for v in &old {
            prop_assert!(new.contains(v), "unit {}: {v:#?} changed after adding a handled case; now {:#?}", serde_json::to_string(&unit).unwrap(), new);
        }
        let _: Option<&Unit> = None;
    }
}
