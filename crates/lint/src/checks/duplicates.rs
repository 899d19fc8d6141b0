//! L201, L202: a norm that repeats another of the same ordinance, or is
//! contained in a more general one (its subjects are kinds of the other's, its
//! condition implies the other's, the rest — modality, act, deadline,
//! recipients — is the same; 牵头 and 配合 on one matter are not repetition).

use tiaoli_compiler::graph::{NodeId, NormNode, OrdinanceGraph};
use tiaoli_l10n::t;

use crate::checks::conflicts::applies;
use crate::ctx::{norm_provision, norms, same_set, who, Ctx};
use crate::logic::implies;
use crate::{codes, Finding};

fn same_rest(a: &NormNode, b: &NormNode) -> bool {
    a.modality == b.modality
        && a.action == b.action
        && a.deadline == b.deadline
        && same_set(&a.recipients, &b.recipients)
}

pub fn run(ctx: &Ctx, o: &OrdinanceGraph, out: &mut Vec<Finding>) {
    let all: Vec<(NodeId, &NormNode)> = norms(o)
        .filter(|(_, n)| !n.subjects.iter().all(|s| s.unspecified))
        .collect();
    for (i, (_, a)) in all.iter().enumerate() {
        for (_, b) in all.iter().skip(i + 1) {
            if !same_rest(a, b) {
                continue;
            }
            if same_set(&a.subjects, &b.subjects)
                && a.trigger == b.trigger
                && a.condition == b.condition
                && a.unless == b.unless
            {
                out.push(
                    Finding::new(
                        codes::DUPLICATE_NORM,
                        o,
                        t!(
                            "lint-duplicate-norm",
                            a_cite = &a.cite,
                            b_cite = &b.cite,
                            who = who(&a.subjects),
                            modality = a.modality.zh(),
                            action = &a.action
                        ),
                    )
                    .at(norm_provision(o, a))
                    .at(norm_provision(o, b)),
                );
                continue;
            }
            // Which one is the narrower?
            for (narrow, wide) in [(a, b), (b, a)] {
                let trig = wide.trigger.is_none() || wide.trigger == narrow.trigger;
                if trig
                    && ctx.all_within(&narrow.subjects, &wide.subjects)
                    && implies(o, &applies(o, narrow), &applies(o, wide)) == Some(true)
                {
                    out.push(
                        Finding::new(
                            codes::SUBSUMED_NORM,
                            o,
                            t!(
                                "lint-subsumed-norm",
                                n_cite = &narrow.cite,
                                n_who = who(&narrow.subjects),
                                n_modality = narrow.modality.zh(),
                                n_action = &narrow.action,
                                w_cite = &wide.cite,
                                w_who = who(&wide.subjects),
                                w_modality = wide.modality.zh(),
                                w_action = &wide.action
                            ),
                        )
                        .at(norm_provision(o, narrow))
                        .at(norm_provision(o, wide)),
                    );
                    break;
                }
            }
        }
    }
}
