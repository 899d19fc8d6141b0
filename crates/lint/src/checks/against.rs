//! L1001, L1002 (`--against`): an ordinance compared with another, e.g. a city's
//! with its province's. For the same act, by actors that can be the same:
//! L1001 different deadlines; L1002 different measures for its breach (the
//! sanctions of every consequence reaching it), including none on one side.

use indexmap::IndexSet;
use tiaoli_compiler::graph::{NodeId, OrdinanceGraph};
use tiaoli_compiler::view::deadline_text;
use tiaoli_l10n::t;
use tiaoli_syntax::ast::ModalityClass as C;

use crate::ctx::{binds_no_one, consequences, norm_provision, norms, who, Ctx};
use crate::{codes, Finding};

/// The measures that follow the breach of each norm.
fn measures(o: &OrdinanceGraph, norm: NodeId) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, c) in consequences(o) {
        let mut roots = vec![c.condition];
        roots.extend(c.sanctions.iter().filter_map(|s| s.condition));
        let (set, any) = o.breaches_read(&roots);
        if any || set.contains(&norm) {
            for k in c.sanctions.iter().flat_map(|s| s.kinds.iter()) {
                if !out.contains(&k.name) {
                    out.push(k.name.clone());
                }
            }
        }
    }
    out.sort();
    out
}

pub fn run(ctx: &Ctx, a: &OrdinanceGraph, b: &OrdinanceGraph, out: &mut Vec<Finding>) {
    let duty = |n: &&tiaoli_compiler::graph::NormNode| {
        matches!(n.class, C::Obligation | C::Prohibition) && !binds_no_one(n)
    };
    let bs: Vec<_> = norms(b).filter(|(_, n)| duty(n)).collect();
    let mut said: IndexSet<(NodeId, NodeId, &str)> = IndexSet::new();
    for (ia, x) in norms(a).filter(|(_, n)| duty(n)) {
        for (ib, y) in &bs {
            if x.action != y.action
                || x.class != y.class
                || !ctx.any_overlap(&x.subjects, &y.subjects)
            {
                continue;
            }
            if x.deadline != y.deadline && said.insert((ia, *ib, "d")) {
                let show = |d: &Option<tiaoli_compiler::graph::DeadlineOut>| {
                    d.as_ref()
                        .map(deadline_text)
                        .unwrap_or_else(|| t!("lint-no-deadline"))
                };
                out.push(
                    Finding::new(
                        codes::CROSS_DEADLINE,
                        a,
                        t!(
                            "lint-cross-deadline",
                            a_title = &a.title,
                            a_cite = &x.cite,
                            a_who = who(&x.subjects),
                            action = &x.action,
                            a_deadline = show(&x.deadline),
                            b_title = &b.title,
                            b_cite = &y.cite,
                            b_who = who(&y.subjects),
                            b_deadline = show(&y.deadline)
                        ),
                    )
                    .at(norm_provision(a, x))
                    .at(norm_provision(b, y)),
                );
            }
            let (ma, mb) = (measures(a, ia), measures(b, *ib));
            if ma != mb && said.insert((ia, *ib, "s")) {
                let show = |m: &[String]| {
                    if m.is_empty() {
                        t!("lint-no-measure")
                    } else {
                        m.join(t!("list-sep").as_str())
                    }
                };
                out.push(
                    Finding::new(
                        codes::CROSS_SANCTION,
                        a,
                        t!(
                            "lint-cross-sanction",
                            a_title = &a.title,
                            a_cite = &x.cite,
                            a_who = who(&x.subjects),
                            action = &x.action,
                            a_measures = show(&ma),
                            b_title = &b.title,
                            b_cite = &y.cite,
                            b_measures = show(&mb)
                        ),
                    )
                    .at(norm_provision(a, x))
                    .at(norm_provision(b, y)),
                );
            }
        }
    }
}
