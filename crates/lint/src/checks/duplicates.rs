//! L201, L202: a norm that repeats another of the same ordinance, or is
//! contained in a more general one (its subjects are kinds of the other's, its
//! condition implies the other's, the rest — modality, act, deadline,
//! recipients — is the same; 牵头 and 配合 on one matter are not repetition).

use tiaoli_compiler::graph::{NodeId, NormNode, OrdinanceGraph};

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
                        format!(
                            "{}与{}内容相同：{} {} {}",
                            a.cite,
                            b.cite,
                            who(&a.subjects),
                            a.modality.zh(),
                            a.action
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
                            format!(
                                "{}（{} {} {}）包含在{}（{} {} {}）之中",
                                narrow.cite,
                                who(&narrow.subjects),
                                narrow.modality.zh(),
                                narrow.action,
                                wide.cite,
                                who(&wide.subjects),
                                wide.modality.zh(),
                                wide.action
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
