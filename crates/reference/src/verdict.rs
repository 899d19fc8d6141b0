//! What two evaluators are compared on: per ordinance, every norm instance and
//! every consequence that (may) concern the unit, with its status, its dates and
//! its measures. [`from_engine`] reads the engine's evaluation into this shape.

use tiaoli_compiler::graph::{Node, NodeId};
use tiaoli_engine::eval::{Status, Tri, UnitEval};
use tiaoli_engine::{Date, Engine};
use tiaoli_syntax::ast::ModalityClass;

/// Which instance of a norm a verdict is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InstanceKey {
    /// The norm as a whole: not instanced, displaced, or never triggered.
    Whole,
    /// Opened by this occurrence (its index in the unit's events).
    Occurrence(u32),
    /// A period of a recurring duty, by its first day.
    Period(Date),
    /// A prohibited act done on this day.
    Act(Date),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SanctionVerdict {
    pub applies: Tri,
    /// For a measure with a duration: (from, until, active).
    pub lasting: Option<(Option<Date>, Option<Date>, Tri)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub ordinance: String,
    /// The norm's or consequence's name.
    pub node: String,
    pub key: InstanceKey,
    pub status: Status,
    pub triggered_on: Option<Date>,
    pub due: Option<Date>,
    pub overdue_since: Option<Date>,
    pub done_on: Option<Date>,
    /// Consequences: per sanction clause.
    pub sanctions: Vec<SanctionVerdict>,
}

/// Everything about one unit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitVerdict {
    /// Ordinances not evaluated, with why (a short code).
    pub skipped: Vec<(String, &'static str)>,
    /// Sorted by ordinance, node name and instance.
    pub results: Vec<Verdict>,
}

impl UnitVerdict {
    pub fn sort(&mut self) {
        self.skipped.sort();
        self.results
            .sort_by(|a, b| (&a.ordinance, &a.node, a.key).cmp(&(&b.ordinance, &b.node, b.key)));
    }
}

pub(crate) fn skip_code(r: &tiaoli_engine::eval::SkipReason) -> &'static str {
    use tiaoli_engine::eval::SkipReason as S;
    match r {
        S::OutsideJurisdiction => "jurisdiction",
        S::Draft => "draft",
        S::Repealed | S::RepealedOn(_) => "repealed",
        S::NotYetInForce(_) => "not_in_force",
    }
}

/// The engine's evaluation of a unit, as verdicts.
pub fn from_engine(engine: &Engine, ev: &UnitEval<'_>) -> UnitVerdict {
    let mut out = UnitVerdict::default();
    for (i, r) in &ev.skipped {
        if let Some(o) = engine.graph.ordinances.get(*i) {
            out.skipped.push((o.id.clone(), skip_code(r)));
        }
    }
    for oe in &ev.ords {
        let Some(o) = engine.graph.ordinances.get(oe.ordinance) else {
            continue;
        };
        for (i, node) in o.nodes.iter().enumerate() {
            match node {
                Node::Norm(n) => {
                    let Some(st) = oe.norm(i) else { continue };
                    if st.applies == Tri::False {
                        continue;
                    }
                    let insts = oe.instances_of(st);
                    if st.status == Status::Overridden || insts.is_empty() {
                        out.results.push(whole(&o.id, &n.name, st.status));
                        continue;
                    }
                    for inst in insts {
                        let key = match (n.class, inst.status, inst.breach_on) {
                            (
                                ModalityClass::Prohibition,
                                Status::Violated | Status::Unknown,
                                Some(d),
                            ) if inst.done_on.is_none() => InstanceKey::Act(d),
                            _ => match (inst.period_start, inst.occurrence) {
                                (Some(p), _) => InstanceKey::Period(p),
                                (None, Some(k)) => InstanceKey::Occurrence(k),
                                (None, None) => InstanceKey::Whole,
                            },
                        };
                        out.results.push(Verdict {
                            ordinance: o.id.clone(),
                            node: n.name.to_string(),
                            key,
                            status: inst.status,
                            triggered_on: inst.triggered_on,
                            due: inst.due,
                            overdue_since: inst.overdue_since,
                            done_on: inst.done_on,
                            sanctions: Vec::new(),
                        });
                    }
                }
                Node::Consequence(c) => {
                    if oe.val(i) == Tri::False {
                        continue;
                    }
                    let mut v = whole(&o.id, &c.name, oe.consequence_status(i));
                    v.sanctions = oe
                        .clauses(i)
                        .unwrap_or(&[])
                        .iter()
                        .map(|s| SanctionVerdict {
                            applies: s.applies,
                            lasting: s.lasting.map(|l| (l.from, l.until, l.active)),
                        })
                        .collect();
                    out.results.push(v);
                }
                _ => {}
            }
        }
        let _: Option<NodeId> = None;
    }
    out.sort();
    out
}

pub(crate) fn whole(ordinance: &str, node: &str, status: Status) -> Verdict {
    Verdict {
        ordinance: ordinance.to_string(),
        node: node.to_string(),
        key: InstanceKey::Whole,
        status,
        triggered_on: None,
        due: None,
        overdue_since: None,
        done_on: None,
        sanctions: Vec::new(),
    }
}
