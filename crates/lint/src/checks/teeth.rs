//! L301: duties no consequence reaches. A consequence reaches a duty when its
//! grounds (or the conditions of its measures) include the duty's breach
//! (违反 第N条…), or the breach of any duty of the ordinance (违反 本条例).
//! Returns, for the summary, the number of obligations and prohibitions that
//! bind someone and how many of them are reached.

use tiaoli_compiler::graph::OrdinanceGraph;
use tiaoli_syntax::ast::ModalityClass as C;

use crate::ctx::{binds_no_one, norm_provision, norms, who, Ctx};
use crate::{codes, Finding};

pub fn run(_ctx: &Ctx, o: &OrdinanceGraph, out: &mut Vec<Finding>) -> (usize, usize) {
    let (set, any) = o.breaches_with_consequence();
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
