//! The vocabulary one unit's binding articles use: which facts decide its
//! results, which events open or ground them, which actions answer them — each
//! with the provisions that read it. A form or a facts-file skeleton for a unit
//! asks for these and nothing else.
//!
//! Decided by the engine itself: the unit, as far as it is described (kind,
//! level, region, roles), is evaluated with no facts, events or actions; every
//! norm that does or may bind it is a result. So is every consequence whose
//! grounds may hold — and, since events are closed-world and none is given,
//! also every consequence of a binding ordinance whose 对象 picks the unit (or
//! that names none). The terms their conditions, triggers, deadlines and
//! actions read are collected.

use indexmap::IndexMap;
use serde::Serialize;
use tiaoli_compiler::graph::{Cond, DeadlineOut, Node, NodeId, OrdinanceGraph, SelectorOut};

use crate::eval::Options;
use crate::facts::Unit;
use crate::plan::Engine;

/// One term of the lexicon, and the provisions (第N条第M款, by ordinance) that read it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TermUse {
    pub name: String,
    /// `haidong 第四十六条第一款第（六）项`, in the order met.
    pub cited_by: Vec<String>,
}

/// The terms a unit's binding articles use, each list in the order the
/// articles are met (ordinance, then node order).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Vocabulary {
    pub facts: Vec<TermUse>,
    pub events: Vec<TermUse>,
    pub actions: Vec<TermUse>,
}

/// The facts, events and actions read, each with its cites (also for `terms`).
#[derive(Default)]
pub(crate) struct Collect {
    pub(crate) facts: IndexMap<String, Vec<String>>,
    pub(crate) events: IndexMap<String, Vec<String>>,
    pub(crate) actions: IndexMap<String, Vec<String>>,
}

fn add(map: &mut IndexMap<String, Vec<String>>, name: &str, cite: &str) {
    let v = map.entry(name.to_string()).or_default();
    if !v.iter().any(|c| c == cite) {
        v.push(cite.to_string());
    }
}

fn uses(map: IndexMap<String, Vec<String>>) -> Vec<TermUse> {
    map.into_iter()
        .map(|(name, cited_by)| TermUse { name, cited_by })
        .collect()
}

impl Collect {
    /// The terms the leaf conditions under `roots` read; the norms whose
    /// breach they read, in full.
    fn conditions(&mut self, o: &OrdinanceGraph, roots: &[NodeId], cite: &str) {
        let mut breached = Vec::new();
        o.leaf_conditions(roots, true, |c| match c {
            Cond::IsTrue { fact } | Cond::Compare { fact, .. } => {
                if let Some(Node::Fact { name, .. }) = o.nodes.get(*fact) {
                    add(&mut self.facts, name, cite);
                }
            }
            Cond::Occurred { pattern, .. } | Cond::Count { pattern, .. } => {
                for e in &pattern.events {
                    add(&mut self.events, e, cite);
                }
            }
            Cond::Overdue { event, remedy, .. } => {
                add(&mut self.events, event, cite);
                add(&mut self.actions, remedy, cite);
            }
            Cond::TriggerAttr { event, .. } => add(&mut self.events, event, cite),
            Cond::Violated { norm, .. } => breached.push(*norm),
            _ => {}
        });
        for n in breached {
            self.norm(o, n);
        }
    }

    pub(crate) fn norm(&mut self, o: &OrdinanceGraph, id: NodeId) {
        let Some(Node::Norm(n)) = o.nodes.get(id) else {
            return;
        };
        let cite = format!("{} {}", o.id, n.cite);
        if let Some(t) = &n.trigger {
            for e in t.events() {
                add(&mut self.events, e, &cite);
            }
        }
        match &n.deadline {
            Some(DeadlineOut::Period { anchor, .. }) => add(&mut self.events, anchor, &cite),
            Some(DeadlineOut::ByOrder { event: Some(e) }) => add(&mut self.events, e, &cite),
            _ => {}
        }
        let roots: Vec<NodeId> = n.condition.into_iter().chain(n.unless).collect();
        self.conditions(o, &roots, &cite);
        add(&mut self.actions, &n.action, &cite);
    }

    pub(crate) fn consequence(&mut self, o: &OrdinanceGraph, id: NodeId) {
        let Some(Node::Consequence(c)) = o.nodes.get(id) else {
            return;
        };
        for g in &c.grounds {
            let cite = format!("{} {}", o.id, g.cite);
            self.conditions(o, &[g.cond], &cite);
        }
        let cite = format!("{} {}", o.id, c.cite);
        let roots: Vec<NodeId> = c.sanctions.iter().filter_map(|s| s.condition).collect();
        self.conditions(o, &roots, &cite);
    }
}

impl Engine {
    /// Whether a consequence's 对象 may pick the unit: its role, or its kind
    /// (through is-a) at a level the selector allows (any, where the unit's
    /// level is not given).
    fn picks(&self, s: &SelectorOut, unit: &Unit) -> bool {
        if s.self_unit || s.unspecified {
            return false;
        }
        if s.is_role {
            return unit.roles.iter().any(|r| r == &s.term);
        }
        let is_a = |kind: &str, ancestor: &str| {
            kind == ancestor
                || self
                    .graph
                    .lexicon
                    .actors
                    .iter()
                    .any(|a| a.name == kind && a.ancestors.iter().any(|x| x == ancestor))
        };
        let level = match unit.level {
            Some(l) => s.levels.is_empty() || s.levels.contains(&l),
            None => true,
        };
        is_a(&unit.kind, &s.term) && level && !s.except.iter().any(|e| is_a(&unit.kind, e))
    }

    /// The facts, events and actions the articles that bind `unit` (or may:
    /// unknown for want of a fact) read. Only the unit's kind, level, region and
    /// roles are used; its facts, events and actions are ignored.
    pub fn vocabulary(&self, unit: &Unit, opts: Options) -> Vocabulary {
        let probe = Unit {
            facts: Default::default(),
            events: Vec::new(),
            actions: Vec::new(),
            ..unit.clone()
        };
        let ev = self.evaluate(&probe, opts);
        let report = self.unit_report(&ev, opts);
        let mut c = Collect::default();
        let mut seen: Vec<(&str, NodeId)> = Vec::new();
        for f in &report.results {
            let Some(o) = self.graph.ordinances.iter().find(|o| o.id == f.ordinance) else {
                continue;
            };
            let node = match f.kind {
                "norm" => o.norms.get(&f.norm),
                _ => o.consequences.get(&f.norm),
            };
            match (f.kind, node) {
                ("norm", Some(id)) => c.norm(o, *id),
                (_, Some(id)) => {
                    seen.push((o.id.as_str(), *id));
                    c.consequence(o, *id)
                }
                _ => {}
            }
        }
        for oe in &ev.ords {
            let Some(o) = self.graph.ordinances.get(oe.ordinance) else {
                continue;
            };
            for (id, n) in o.nodes.iter().enumerate() {
                let Node::Consequence(x) = n else { continue };
                let concerns =
                    x.applies_to.is_empty() || x.applies_to.iter().any(|s| self.picks(s, unit));
                if concerns && !seen.contains(&(o.id.as_str(), id)) {
                    c.consequence(o, id);
                }
            }
        }
        Vocabulary {
            facts: uses(c.facts),
            events: uses(c.events),
            actions: uses(c.actions),
        }
    }
}
