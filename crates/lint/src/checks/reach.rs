//! L501, L502, L503: norms and grounds that can never come into play.
//! L501: a norm whose subject is 未明确 binds no unit. L502: a condition no
//! facts can satisfy (A and not A; 数量 > 5 and 数量 < 3; two values of one
//! enumeration). L503: a consequence grounded on the breach of a duty that can
//! never be found breached — it has no due date (none, 及时, 立即, 定期) and is
//! not a prohibition, or it binds no one.

use indexmap::IndexSet;
use tiaoli_compiler::graph::{Cond, DeadlineOut, NodeId, OrdinanceGraph};
use tiaoli_l10n::t;
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
                    t!("lint-binds-no-one", cite = &n.cite, action = &n.action),
                )
                .at(norm_provision(o, n)),
            );
        }
        if satisfiable(o, &applies(o, n)) == Some(false) {
            out.push(
                Finding::new(
                    codes::UNSATISFIABLE,
                    o,
                    t!("lint-unsatisfiable", cite = &n.cite, name = &n.name),
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
                        t!("lint-unsatisfiable", cite = &c.cite, name = &c.name),
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
                "no-subject"
            } else if n.class == C::Obligation
                && matches!(n.deadline, None | Some(DeadlineOut::Vague { .. }))
            {
                "no-deadline"
            } else {
                continue;
            };
            if seen.insert(norm) {
                out.push(
                    Finding::new(
                        codes::UNDECIDABLE_GROUND,
                        o,
                        t!(
                            "lint-undecidable",
                            cite = &c.cite,
                            name = &c.name,
                            n_cite = &n.cite,
                            modality = n.modality.zh(),
                            action = &n.action,
                            why = why
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
