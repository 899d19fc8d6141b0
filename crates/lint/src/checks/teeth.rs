//! L301: duties no consequence reaches. A consequence reaches a duty when its
//! grounds (or the conditions of its measures) include the duty's breach
//! (违反 第N条…), or the breach of any duty of the ordinance (违反 本条例).
//! Returns, for the summary, the number of obligations and prohibitions that
//! bind someone and how many of them are reached.

use indexmap::IndexSet;
use tiaoli_compiler::graph::{Cond, Node, NodeId, OrdinanceGraph};
use tiaoli_syntax::ast::ModalityClass as C;

use crate::ctx::{binds_no_one, consequences, norm_provision, norms, who, Ctx};
use crate::{codes, Finding};

/// The norms whose breach some consequence's condition reads; `true` when one
/// reads the breach of any duty (违反 本条例).
pub fn reached(o: &OrdinanceGraph) -> (IndexSet<NodeId>, bool) {
    let mut roots: Vec<NodeId> = Vec::new();
    for (_, c) in consequences(o) {
        roots.push(c.condition);
        roots.extend(c.sanctions.iter().filter_map(|s| s.condition));
    }
    breaches_of(o, &roots)
}

/// The norms whose breach these conditions read (through 符合 as well).
pub fn breaches_of(o: &OrdinanceGraph, roots: &[NodeId]) -> (IndexSet<NodeId>, bool) {
    let mut set = IndexSet::new();
    let mut any = false;
    let mut seen = IndexSet::new();
    let mut stack: Vec<NodeId> = roots.to_vec();
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        let Some(Node::Cond { op }) = o.nodes.get(id) else {
            continue;
        };
        match op {
            Cond::And { args } | Cond::Or { args } => stack.extend(args),
            Cond::Not { arg } => stack.push(*arg),
            Cond::Violated { norm } => {
                set.insert(*norm);
            }
            Cond::ViolatedAny => any = true,
            Cond::Meets { consequences } => {
                for c in consequences {
                    if let Some(Node::Consequence(x)) = o.nodes.get(*c) {
                        stack.push(x.condition);
                    }
                }
            }
            _ => {}
        }
    }
    (set, any)
}

pub fn run(_ctx: &Ctx, o: &OrdinanceGraph, out: &mut Vec<Finding>) -> (usize, usize) {
    let (set, any) = reached(o);
    let (mut total, mut with) = (0, 0);
    for (id, n) in norms(o) {
        if !matches!(n.class, C::Obligation | C::Prohibition) || binds_no_one(n) {
            continue;
        }
        total += 1;
        if any || set.contains(&id) {
            with += 1;
            continue;
        }
        out.push(
            Finding::new(
                codes::TOOTHLESS_DUTY,
                o,
                format!(
                    "no consequence reaches the breach of {}: {} {} {}",
                    n.cite,
                    who(&n.subjects),
                    n.modality.zh(),
                    n.action
                ),
            )
            .at(norm_provision(o, n)),
        );
    }
    (total, with)
}
