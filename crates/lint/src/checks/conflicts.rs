//! L101, L102: the same actor obliged (or permitted) and forbidden the same act,
//! under conditions that can hold together, with no priority (优先于,
//! 不能履行时替代) between the two norms. When the conditions are too large to
//! decide, the pair is reported: a drafter would rather read one pair too many.

use tiaoli_compiler::graph::{NodeId, NormNode, OrdinanceGraph};
use tiaoli_l10n::t;
use tiaoli_syntax::ast::ModalityClass as C;

use crate::ctx::{norm_provision, norms, who, Ctx};
use crate::logic::{formula, satisfiable, F};
use crate::{codes, Finding};

/// A norm's applicability: its condition, and not its exception.
pub fn applies(o: &OrdinanceGraph, n: &NormNode) -> F {
    let mut f = vec![formula(o, n.condition)];
    if n.unless.is_some() {
        f.push(F::negate(formula(o, n.unless)));
    }
    F::And(f)
}

fn ranked(a: (NodeId, &NormNode), b: (NodeId, &NormNode)) -> bool {
    a.1.overrides.contains(&b.0)
        || b.1.overrides.contains(&a.0)
        || a.1.fallback_for == Some(b.0)
        || b.1.fallback_for == Some(a.0)
}

pub fn run(ctx: &Ctx, o: &OrdinanceGraph, out: &mut Vec<Finding>) {
    let all: Vec<(NodeId, &NormNode)> = norms(o).collect();
    for (i, a) in all.iter().enumerate() {
        for b in all.iter().skip(i + 1) {
            let (x, y) = (a.1, b.1);
            if x.action != y.action {
                continue;
            }
            let code = match (x.class, y.class) {
                (C::Obligation, C::Prohibition) | (C::Prohibition, C::Obligation) => {
                    codes::OBLIGED_AND_FORBIDDEN
                }
                (C::Permission, C::Prohibition) | (C::Prohibition, C::Permission) => {
                    codes::PERMITTED_AND_FORBIDDEN
                }
                _ => continue,
            };
            if !ctx.any_overlap(&x.subjects, &y.subjects) || ranked(*a, *b) {
                continue;
            }
            let both = F::and(applies(o, x), applies(o, y));
            if satisfiable(o, &both) == Some(false) {
                continue;
            }
            let (ob, pr) = if x.class == C::Prohibition {
                (y, x)
            } else {
                (x, y)
            };
            let verb = if code == codes::OBLIGED_AND_FORBIDDEN {
                "obliged"
            } else {
                "permitted"
            };
            out.push(
                Finding::new(
                    code,
                    o,
                    t!(
                        "lint-conflict",
                        a_who = who(&ob.subjects),
                        a_cite = &ob.cite,
                        modality = ob.modality.zh(),
                        verb = verb,
                        action = &ob.action,
                        b_who = who(&pr.subjects),
                        b_cite = &pr.cite
                    ),
                )
                .at(norm_provision(o, x))
                .at(norm_provision(o, y)),
            );
        }
    }
}
