//! L901, L902: who leads. L901: two bodies that are not one another's kind each
//! lead (牵头) the same matter under conditions that can hold together.
//! L902: bodies cooperate (配合, 协助) on a matter that no norm of the ordinance
//! gives anyone to lead (牵头) or to be responsible for (负责), and whose text
//! does not name whom they assist (向 …: that body leads).

use indexmap::IndexSet;
use tiaoli_compiler::graph::{NodeId, NormNode, OrdinanceGraph};
use tiaoli_l10n::t;
use tiaoli_syntax::ast::Modality as M;

use crate::checks::conflicts::applies;
use crate::ctx::{norm_provision, norms, who, Ctx};
use crate::logic::{satisfiable, F};
use crate::{codes, Finding};

pub fn run(ctx: &Ctx, o: &OrdinanceGraph, out: &mut Vec<Finding>) {
    let leads: Vec<(NodeId, &NormNode)> = norms(o).filter(|(_, n)| n.modality == M::Lead).collect();
    for (i, (_, a)) in leads.iter().enumerate() {
        for (_, b) in leads.iter().skip(i + 1) {
            if a.action != b.action || ctx.any_overlap(&a.subjects, &b.subjects) {
                continue;
            }
            if a.subjects.iter().chain(&b.subjects).any(|s| s.unspecified) {
                continue;
            }
            if satisfiable(o, &F::and(applies(o, a), applies(o, b))) == Some(false) {
                continue;
            }
            out.push(
                Finding::new(
                    codes::TWO_LEADS,
                    o,
                    t!(
                        "lint-two-leads",
                        a_cite = &a.cite,
                        a_who = who(&a.subjects),
                        action = &a.action,
                        b_cite = &b.cite,
                        b_who = who(&b.subjects)
                    ),
                )
                .at(norm_provision(o, a))
                .at(norm_provision(o, b)),
            );
        }
    }
    let led: IndexSet<&str> = norms(o)
        .filter(|(_, n)| matches!(n.modality, M::Lead | M::Responsible))
        .map(|(_, n)| n.action.as_ref())
        .collect();
    for (_, n) in norms(o) {
        if matches!(n.modality, M::Cooperate | M::Assist)
            && n.recipients.is_empty()
            && !led.contains(n.action.as_ref())
        {
            out.push(
                Finding::new(
                    codes::COOPERATE_WITHOUT_LEAD,
                    o,
                    t!(
                        "lint-cooperate-without-lead",
                        cite = &n.cite,
                        who = who(&n.subjects),
                        modality = n.modality.zh(),
                        action = &n.action
                    ),
                )
                .at(norm_provision(o, n)),
            );
        }
    }
}
