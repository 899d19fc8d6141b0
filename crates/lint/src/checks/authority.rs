//! L701, L702: who imposes measures.
//! L701: a body imposes a measure although no norm of the ordinance gives it any
//! duty or power (it is the subject of none, directly or through is-a).
//! L702: two provisions give the same measure, for the same breach, on units
//! that can be the same, to different bodies. Alternatives within one clause
//! (由 A 或者 B) are the drafter's explicit choice and are not reported.

use indexmap::IndexSet;
use tiaoli_compiler::graph::{NodeId, OrdinanceGraph, SelectorOut};
use tiaoli_compiler::view::selector_text;
use tiaoli_l10n::t;

use crate::ctx::{cons_provision, consequences, norms, who, Ctx};
use crate::{codes, Finding};

pub fn run(ctx: &Ctx, o: &OrdinanceGraph, out: &mut Vec<Finding>) {
    let subjects: Vec<&SelectorOut> = norms(o).flat_map(|(_, n)| n.subjects.iter()).collect();
    let cons: Vec<_> = consequences(o).collect();
    for (_, c) in &cons {
        let mut named = IndexSet::new();
        for s in &c.sanctions {
            for a in &s.authorities {
                if a.self_unit || a.unspecified || a.term.is_empty() {
                    continue;
                }
                let has_role = subjects.iter().any(|x| ctx.overlap(x, a));
                if !has_role && named.insert(selector_text(a)) {
                    out.push(
                        Finding::new(
                            codes::AUTHORITY_WITHOUT_ROLE,
                            o,
                            t!(
                                "lint-authority-without-role",
                                cite = &c.cite,
                                authority = selector_text(a),
                                measures = s
                                    .kinds
                                    .iter()
                                    .map(|k| k.name.as_str())
                                    .collect::<Vec<_>>()
                                    .join(t!("list-sep").as_str())
                            ),
                        )
                        .at(cons_provision(o, c)),
                    );
                }
            }
        }
    }

    // The breaches each consequence reads (ids of norms; `true` for 违反 本条例).
    let per: Vec<(IndexSet<NodeId>, bool)> =
        cons.iter().map(|(_, c)| grounds(o, c.condition)).collect();
    for (i, (_, a)) in cons.iter().enumerate() {
        for (j, (_, b)) in cons.iter().enumerate().skip(i + 1) {
            let (ga, anya) = per.get(i).cloned().unwrap_or_default();
            let (gb, anyb) = per.get(j).cloned().unwrap_or_default();
            let same_breach = ga.iter().any(|x| gb.contains(x))
                || (anya && (anyb || !gb.is_empty()))
                || (anyb && !ga.is_empty());
            if !same_breach {
                continue;
            }
            let units_meet = a.applies_to.is_empty()
                || b.applies_to.is_empty()
                || ctx.any_overlap(&a.applies_to, &b.applies_to);
            if !units_meet {
                continue;
            }
            for sa in &a.sanctions {
                for sb in &b.sanctions {
                    if sa.authorities.is_empty() || sb.authorities.is_empty() {
                        continue;
                    }
                    if ctx.any_overlap(&sa.authorities, &sb.authorities) {
                        continue;
                    }
                    for k in sa
                        .kinds
                        .iter()
                        .filter(|k| sb.kinds.iter().any(|x| x.name == k.name))
                    {
                        out.push(
                            Finding::new(
                                codes::COMPETING_AUTHORITIES,
                                o,
                                t!(
                                    "lint-competing-authorities",
                                    a_cite = &a.cite,
                                    b_cite = &b.cite,
                                    measure = &k.name,
                                    a_who = who(&sa.authorities),
                                    b_who = who(&sb.authorities)
                                ),
                            )
                            .at(cons_provision(o, a))
                            .at(cons_provision(o, b)),
                        );
                    }
                }
            }
        }
    }
}

fn grounds(o: &OrdinanceGraph, id: NodeId) -> (IndexSet<NodeId>, bool) {
    o.breaches_read(&[id])
}
