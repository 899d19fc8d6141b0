//! L401, L402, L403: escalation chains. Consequence A escalates to B when A
//! imposes a measure and B's grounds read that measure (发生 通报, 逾期 挂牌督办 未
//! 整改完成, 次数 约谈 …). A step may build on a measure nothing in the
//! ordinance imposes (L401); steps may go round in a circle (L402); a measure
//! that sets a period (附期限, or 期限 in the clause) may be followed by
//! nothing when the period runs out (L403): no consequence reads its overdue,
//! and no duty has that order's period as its deadline (whether that duty has
//! teeth is L301's question).

use indexmap::{IndexMap, IndexSet};
use tiaoli_compiler::graph::{Cond, DeadlineOut, NodeId, OrdinanceGraph, TriggerOut};
use tiaoli_l10n::t;

use crate::ctx::{cons_provision, consequences, norms, Ctx};
use crate::{codes, Finding};

/// The events a condition reads, with whether it reads their overdue.
pub fn events(o: &OrdinanceGraph, id: NodeId, out: &mut Vec<(String, bool)>) {
    o.leaf_conditions(&[id], false, |c| match c {
        Cond::Occurred { pattern, .. } | Cond::Count { pattern, .. } => {
            out.extend(pattern.events.iter().map(|e| (e.clone(), false)))
        }
        Cond::Overdue { event, .. } => out.push((event.clone(), true)),
        _ => {}
    });
}

pub fn run(ctx: &Ctx, o: &OrdinanceGraph, out: &mut Vec<Finding>) {
    let cons: Vec<_> = consequences(o).collect();
    let mut imposed: IndexSet<&str> = IndexSet::new();
    let mut reads: IndexMap<NodeId, Vec<(String, bool)>> = IndexMap::new();
    for (id, c) in &cons {
        imposed.extend(
            c.sanctions
                .iter()
                .flat_map(|s| s.kinds.iter().map(|k| k.name.as_str())),
        );
        let mut ev = Vec::new();
        events(o, c.condition, &mut ev);
        for s in &c.sanctions {
            if let Some(x) = s.condition {
                events(o, x, &mut ev);
            }
        }
        reads.insert(*id, ev);
    }

    // L401
    for (id, c) in &cons {
        let mut named = IndexSet::new();
        for (e, _) in reads.get(id).into_iter().flatten() {
            if ctx.is_sanction(e) && !imposed.contains(e.as_str()) && named.insert(e.clone()) {
                out.push(
                    Finding::new(
                        codes::ESCALATION_FROM_NOWHERE,
                        o,
                        t!(
                            "lint-escalation-from-nowhere",
                            cite = &c.cite,
                            name = &c.name,
                            measure = e
                        ),
                    )
                    .at(cons_provision(o, c)),
                );
            }
        }
    }

    // L402: a cycle in "A imposes S, B reads S".
    let mut edges: IndexMap<NodeId, Vec<(NodeId, String)>> = IndexMap::new();
    for (a, ca) in &cons {
        for s in ca.sanctions.iter().flat_map(|s| s.kinds.iter()) {
            for (b, _) in &cons {
                if reads
                    .get(b)
                    .is_some_and(|r| r.iter().any(|(e, _)| e == &s.name))
                {
                    edges.entry(*a).or_default().push((*b, s.name.clone()));
                }
            }
        }
    }
    let mut reported: IndexSet<Vec<NodeId>> = IndexSet::new();
    for (start, _) in &cons {
        if let Some(cycle) = cycle_from(*start, &edges) {
            let mut key: Vec<NodeId> = cycle.iter().map(|(n, _)| *n).collect();
            key.sort_unstable();
            if !reported.insert(key) {
                continue;
            }
            let mut f = Finding::new(
                codes::ESCALATION_LOOP,
                o,
                t!(
                    "lint-escalation-loop",
                    cycle = cycle
                        .iter()
                        .filter_map(|(id, via)| cons
                            .iter()
                            .find(|(i, _)| i == id)
                            .map(|(_, c)| format!("{}（{}）→ {via}", c.name, c.cite)))
                        .collect::<Vec<_>>()
                        .join(" → ")
                ),
            );
            for (id, _) in &cycle {
                if let Some((_, c)) = cons.iter().find(|(i, _)| i == id) {
                    f = f.at(cons_provision(o, c));
                }
            }
            out.push(f);
        }
    }

    // L403
    let overdue_read: IndexSet<&str> = reads
        .values()
        .flatten()
        .filter(|(_, overdue)| *overdue)
        .map(|(e, _)| e.as_str())
        .collect();
    let mut duty_on_order: IndexSet<String> = norms(o)
        .filter_map(|(_, n)| match &n.deadline {
            Some(DeadlineOut::ByOrder { event: Some(e) }) => Some(e.clone()),
            Some(DeadlineOut::ByOrder { event: None }) => n
                .trigger
                .as_ref()
                .and_then(|t| t.events().first().map(|e| e.to_string())),
            _ => None,
        })
        .collect();
    // A duty that the period's end itself opens (触发 期满 挂牌督办, 触发 逾期 …)
    // is what follows.
    for (_, n) in norms(o) {
        if let Some(t @ (TriggerOut::PeriodEnd { .. } | TriggerOut::Overdue { .. })) = &n.trigger {
            duty_on_order.extend(t.events().into_iter().map(str::to_string));
        }
    }
    for (_, c) in &cons {
        for s in &c.sanctions {
            for k in &s.kinds {
                let sets = ctx.sets_period(&k.name) || s.deadline.is_some();
                if sets
                    && !overdue_read.contains(k.name.as_str())
                    && !duty_on_order.contains(&k.name)
                {
                    out.push(
                        Finding::new(
                            codes::PERIOD_WITHOUT_FOLLOW_UP,
                            o,
                            t!(
                                "lint-period-without-follow-up",
                                cite = &c.cite,
                                measure = &k.name
                            ),
                        )
                        .at(cons_provision(o, c)),
                    );
                }
            }
        }
    }
}

fn cycle_from(
    start: NodeId,
    edges: &IndexMap<NodeId, Vec<(NodeId, String)>>,
) -> Option<Vec<(NodeId, String)>> {
    // Depth-first search for a path back to `start`.
    let mut stack: Vec<(NodeId, Vec<(NodeId, String)>)> = vec![(start, Vec::new())];
    let mut seen = IndexSet::new();
    while let Some((n, path)) = stack.pop() {
        for (m, via) in edges.get(&n).into_iter().flatten() {
            let mut p = path.clone();
            p.push((n, via.clone()));
            if *m == start {
                return Some(p);
            }
            if seen.insert(*m) {
                stack.push((*m, p));
            }
        }
    }
    None
}
