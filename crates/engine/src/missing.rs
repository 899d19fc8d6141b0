//! Which inputs would decide an undetermined result: the facts not given, the
//! unit's level or region, an occurrence's deadline or attribute. Only what is
//! still needed is named: a ground already known to hold makes the others moot.

use tiaoli_compiler::graph::{Cond, DeadlineOut, Node, NodeId, TriggerOut, Window};

use crate::eval::{OrdEval, Status, Tri};
use crate::instances::Instance;
use crate::plan::{Engine, NodePlan, Prepared};

/// The stack and marks of [`Engine::missing`]'s walk over the graph.
#[derive(Default)]
struct Walk {
    stack: Vec<NodeId>,
    seen: Vec<bool>,
}

thread_local! {
    static WALK: std::cell::RefCell<Walk> = std::cell::RefCell::new(Walk::default());
}

fn push_unique(out: &mut Vec<String>, s: String) {
    if !out.contains(&s) {
        out.push(s);
    }
}

/// The parts of a missing input's name, joined: `facts.` and a fact's name,
/// `events.`, an occurrence and an attribute. An undetermined unit has several,
/// each written into its record; `format!` cost four times as much.
fn joined<const N: usize>(parts: [&str; N]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// How an occurrence is named in a missing input: its id, or its type and date.
pub fn occurrence_name(p: &Prepared<'_>, index: u32) -> String {
    match p.unit.events.get(index as usize) {
        Some(e) => match &e.id {
            Some(id) => joined([&e.ty, "[", id, "]"]),
            None => joined([&e.ty, "[", &e.date.to_string(), "]"]),
        },
        None => String::new(),
    }
}

impl Engine {
    /// The facts (and unit fields) whose absence leaves a node unknown.
    pub fn missing(
        &self,
        ordinance: usize,
        ev: &OrdEval,
        p: &Prepared<'_>,
        node: NodeId,
        out: &mut Vec<String>,
    ) {
        let Some(o) = self.graph.ordinances.get(ordinance) else {
            return;
        };
        if ev.applies == Tri::Unknown {
            push_unique(out, "region".into());
        }
        let plan = self.plan_of(ordinance);
        // The walk's stack and marks, this thread's, kept from one call to the
        // next (several calls a streamed unit); fresh if a call is under way.
        let mut walk = WALK
            .try_with(|w| w.try_borrow_mut().map(|mut w| std::mem::take(&mut *w)).ok())
            .ok()
            .flatten()
            .unwrap_or_default();
        let (stack, seen) = (&mut walk.stack, &mut walk.seen);
        stack.clear();
        stack.push(node);
        seen.clear();
        seen.resize(o.nodes.len(), false);
        while let Some(i) = stack.pop() {
            if seen.get(i).copied().unwrap_or(true) {
                continue;
            }
            if let Some(s) = seen.get_mut(i) {
                *s = true;
            }
            if ev.vals.get(i) != Some(&Tri::Unknown)
                && matches!(o.nodes.get(i), Some(Node::Cond { .. }))
            {
                continue;
            }
            match o.nodes.get(i) {
                Some(Node::Fact { name, .. }) => {
                    // By the id the unit's facts were prepared under: no hashing.
                    let given = match plan.and_then(|pl| pl.nodes.get(i)) {
                        Some(NodePlan::Fact(id)) => p.fact(*id).is_some(),
                        _ => p.unit.facts.contains_key(name.as_ref()),
                    };
                    if !given {
                        push_unique(out, joined(["facts.", name]));
                    }
                }
                Some(Node::Cond { op }) => match op {
                    Cond::IsTrue { fact } | Cond::Compare { fact, .. } => stack.push(*fact),
                    Cond::Occurred { pattern, within }
                    | Cond::Count {
                        pattern, within, ..
                    } => {
                        if matches!(within, Some(Window::Shortly)) {
                            push_unique(
                                out,
                                tiaoli_l10n::t!(
                                    "missing-judgement",
                                    events = pattern.events.join("、")
                                ),
                            );
                        }
                        for f in &pattern.filter {
                            for (k, e) in p.unit.events.iter().enumerate() {
                                if pattern.names(&e.ty) && !e.attrs.contains_key(&f.attr) {
                                    push_unique(
                                        out,
                                        joined([
                                            "events.",
                                            &occurrence_name(p, k as u32),
                                            ".",
                                            &f.attr,
                                        ]),
                                    );
                                }
                            }
                        }
                    }
                    Cond::Overdue { event, .. } => {
                        push_unique(out, joined(["events.", event, ".deadline"]))
                    }
                    Cond::ViolatedAny { .. } => {
                        if let Some(plan) = plan {
                            stack.extend(
                                plan.violable
                                    .iter()
                                    .filter(|n| ev.vals.get(**n) == Some(&Tri::Unknown)),
                            );
                        }
                    }
                    Cond::TriggerAttr { .. } => {}
                    // What `tiaoli_compiler::view::deps` gives, without building a node.
                    Cond::And { args } | Cond::Or { args } => stack.extend(args),
                    Cond::Not { arg } => stack.push(*arg),
                    Cond::Violated { norm, .. } => stack.push(*norm),
                    Cond::Meets { consequences, .. } => stack.extend(consequences),
                },
                Some(Node::Norm(n)) => {
                    let st = ev.norm(i);
                    if st.is_some_and(|s| s.applies == Tri::Unknown)
                        && p.unit.level.is_none()
                        && n.subjects.iter().any(|s| !s.levels.is_empty())
                    {
                        push_unique(out, "level".into());
                    }
                    if let Some(st) = st {
                        for inst in ev.instances_of(st) {
                            if inst.status == Status::Unknown {
                                instance_missing(o, n, inst, p, out);
                            }
                        }
                    }
                    stack.extend(n.condition);
                    stack.extend(n.unless);
                }
                Some(Node::Consequence(c)) => {
                    if p.unit.level.is_none() && c.applies_to.iter().any(|s| !s.levels.is_empty()) {
                        push_unique(out, "level".into());
                    }
                    stack.push(c.condition);
                }
                None => {}
            }
        }
        let _ = WALK.try_with(|w| {
            if let Ok(mut w) = w.try_borrow_mut() {
                *w = walk;
            }
        });
        out.sort();
    }
}

/// What an undetermined instance lacks from its occurrence: the deadline of an
/// order or period, the attribute its trigger tests or its period counts from.
pub fn instance_missing(
    o: &tiaoli_compiler::graph::OrdinanceGraph,
    n: &tiaoli_compiler::graph::NormNode,
    inst: &Instance,
    p: &Prepared<'_>,
    out: &mut Vec<String>,
) {
    let Some(k) = inst.occurrence else {
        return;
    };
    let Some(e) = p.unit.events.get(k as usize) else {
        return;
    };
    // Named only when something is missing.
    let name = || occurrence_name(p, k);
    if inst.incomplete {
        if let Some(DeadlineOut::Period {
            anchor_attr: Some(a),
            ..
        }) = &n.deadline
        {
            if !e.attrs.contains_key(a) {
                push_unique(out, joined(["events.", &name(), ".", a]));
            }
        }
        if e.deadline.is_none()
            && (matches!(n.deadline, Some(DeadlineOut::ByOrder { .. }))
                || matches!(
                    n.trigger,
                    Some(TriggerOut::PeriodEnd { period: None, .. } | TriggerOut::Overdue { .. })
                ))
        {
            push_unique(out, joined(["events.", &name(), ".deadline"]));
        }
    }
    if let Some(TriggerOut::Event { pattern } | TriggerOut::PeriodEnd { pattern, .. }) = &n.trigger
    {
        for f in &pattern.filter {
            if !e.attrs.contains_key(&f.attr) {
                push_unique(out, joined(["events.", &name(), ".", &f.attr]));
            }
        }
    }
    // E.属性 in the norm's own conditions.
    o.leaf_conditions(
        &n.condition
            .iter()
            .chain(n.unless.iter())
            .copied()
            .collect::<Vec<_>>(),
        false,
        |c| {
            if let Cond::TriggerAttr { event, attr, .. } = c {
                if *event == e.ty && !e.attrs.contains_key(attr) {
                    push_unique(out, joined(["events.", &name(), ".", attr]));
                }
            }
        },
    );
}
