//! L801, L802: deadlines. L801 lists every vague deadline (及时, 立即, 定期, and
//! 限期 whose period an order fixes) — kept vague, as the text has it; the
//! count goes into the summary. L802: the same actors must do the same act, on
//! the same trigger, under conditions that can hold together, within different
//! periods (at least one of them a stated period: N 日, 每年 …).

use tiaoli_compiler::graph::{DeadlineOut, NodeId, NormNode, OrdinanceGraph};
use tiaoli_compiler::view::deadline_text;
use tiaoli_l10n::t;
use tiaoli_syntax::ast::ModalityClass as C;

use crate::checks::conflicts::applies;
use crate::ctx::{binds_no_one, norm_provision, norms, who, Ctx};
use crate::logic::{satisfiable, F};
use crate::{codes, Finding};

pub fn is_vague(d: &DeadlineOut) -> bool {
    matches!(d, DeadlineOut::Vague { .. } | DeadlineOut::ByOrder { .. })
}

pub fn run(ctx: &Ctx, o: &OrdinanceGraph, out: &mut Vec<Finding>) -> usize {
    let mut vague = 0;
    for (_, n) in norms(o) {
        if let Some(d) = n.deadline.as_ref().filter(|d| is_vague(d)) {
            vague += 1;
            out.push(
                Finding::new(
                    codes::VAGUE_DEADLINE,
                    o,
                    t!(
                        "lint-vague-deadline",
                        cite = &n.cite,
                        who = who(&n.subjects),
                        modality = n.modality.zh(),
                        action = &n.action,
                        deadline = deadline_text(d)
                    ),
                )
                .at(norm_provision(o, n)),
            );
        }
    }
    let all: Vec<(NodeId, &NormNode)> = norms(o)
        .filter(|(_, n)| n.class == C::Obligation && n.deadline.is_some() && !binds_no_one(n))
        .collect();
    for (i, (_, a)) in all.iter().enumerate() {
        for (_, b) in all.iter().skip(i + 1) {
            if a.action != b.action || a.trigger != b.trigger || a.deadline == b.deadline {
                continue;
            }
            // Two vague words are not two periods.
            if a.deadline.as_ref().is_some_and(is_vague)
                && b.deadline.as_ref().is_some_and(is_vague)
            {
                continue;
            }
            if !ctx.any_overlap(&a.subjects, &b.subjects) {
                continue;
            }
            if satisfiable(o, &F::and(applies(o, a), applies(o, b))) == Some(false) {
                continue;
            }
            let (Some(da), Some(db)) = (&a.deadline, &b.deadline) else {
                continue;
            };
            out.push(
                Finding::new(
                    codes::DIFFERENT_PERIODS,
                    o,
                    t!(
                        "lint-different-periods",
                        a_cite = &a.cite,
                        a_who = who(&a.subjects),
                        action = &a.action,
                        a_deadline = deadline_text(da),
                        b_cite = &b.cite,
                        b_who = who(&b.subjects),
                        b_deadline = deadline_text(db)
                    ),
                )
                .at(norm_provision(o, a))
                .at(norm_provision(o, b)),
            );
        }
    }
    vague
}
