//! L501, L502, L503: norms and grounds that can never come into play.
//! L501: a norm whose subject is 未明确 binds no unit. L502: a condition no
//! facts can satisfy (A and not A; 数量 > 5 and 数量 < 3; two values of one
//! enumeration). L503: a consequence grounded on the breach of a duty that can
//! never be found breached — it has no due date (none, 及时, 立即, 定期) and is
//! not a prohibition, or it binds no one.

use indexmap::IndexSet;
use tiaoli_compiler::graph::{Cond, DeadlineOut, NodeId, OrdinanceGraph};
use tiaoli_syntax::ast::ModalityClass as C;

use crate::checks::conflicts::applies;
use crate::ctx::{binds_no_one, cons_provision, consequences, norm_at, norm_provision, norms, Ctx};
use crate::logic::{formula, satisfiable};
use crate::{codes, Finding};

pub fn run(_ctx: &Ctx, o: &OrdinanceGraph, out: &mut Vec<Finding>) {
    for (_, n) in norms(o) {
        if binds_no_one(n) {
            out.push(
                Finding::new(
                    codes::BINDS_NO_ONE,
                    o,
                    format!(
                        "{}未规定由谁“{}”（主体 未明确），约束不到任何单位",
                        n.cite, n.action
                    ),
                )
                .at(norm_provision(o, n)),
            );
        }
        if satisfiable(o, &applies(o, n)) == Some(false) {
            out.push(
                Finding::new(
                    codes::UNSATISFIABLE,
                    o,
                    format!("{}（{}）的条件永远不能成立", n.cite, n.name),
                )
                .at(norm_provision(o, n)),
            );
        }
    }
    for (_, c) in consequences(o) {
        let mut conds = vec![c.condition];
        conds.extend(c.sanctions.iter().filter_map(|s| s.condition));
        for id in conds {
            if satisfiable(o, &formula(o, Some(id))) == Some(false) {
                out.push(
                    Finding::new(
                        codes::UNSATISFIABLE,
                        o,
                        format!("{}（{}）的条件永远不能成立", c.cite, c.name),
                    )
                    .at(cons_provision(o, c)),
                );
                break;
            }
        }
        let mut seen = IndexSet::new();
        for norm in violated(o, c.condition) {
            let Some(n) = norm_at(o, norm) else { continue };
            let why = if binds_no_one(n) {
                "没有义务主体"
            } else if n.class == C::Obligation
                && matches!(n.deadline, None | Some(DeadlineOut::Vague { .. }))
            {
                "没有履行期限，永远不能被认定违反"
            } else {
                continue;
            };
            if seen.insert(norm) {
                out.push(
                    Finding::new(
                        codes::UNDECIDABLE_GROUND,
                        o,
                        format!(
                            "{}（{}）以违反{}（{} {}）为情形，而该义务{why}",
                            c.cite,
                            c.name,
                            n.cite,
                            n.modality.zh(),
                            n.action
                        ),
                    )
                    .at(cons_provision(o, c))
                    .at(norm_provision(o, n)),
                );
            }
        }
    }
}

/// The norms whose breach a condition reads directly (not through 符合).
fn violated(o: &OrdinanceGraph, id: NodeId) -> Vec<NodeId> {
    let mut out = Vec::new();
    o.leaf_conditions(&[id], false, |c| {
        if let Cond::Violated { norm, .. } = c {
            out.push(*norm);
        }
    });
    out
}
