//! L301, L302, L303: what follows the breach of each duty. A consequence
//! *reaches* a duty when its grounds (or the condition of one of its measures)
//! read the duty's breach (违反 第N条…), or the breach of any duty of the
//! instrument (违反 本条例) and its 对象 can be the duty's subject. A duty has
//! **a real measure and authority** when some clause reaching it names a measure
//! that is not a referral (the superior-law data classes each measure) and who
//! imposes it; it is reached **only by a referral** (L302) when every clause
//! reaching it is a referral (依法处理, 追究责任) or names no authority; it is
//! reached **by nothing** (L301) otherwise. L303: an ordinance in which no duty
//! has a real measure and authority. Returns the figures for the summary.

use indexmap::IndexSet;
use tiaoli_compiler::graph::{
    ConsequenceNode, DeadlineOut, NodeId, NormNode, OrdinanceGraph, SanctionClause,
};
use tiaoli_l10n::t;
use tiaoli_syntax::ast::ModalityClass as C;

use crate::ctx::{
    binds_no_one, consequences, norm_provision, norms, ordinance_provision, who, Ctx,
};
use crate::superior::SuperiorLaw;
use crate::{codes, Finding};

/// How the duties of an ordinance are enforced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Teeth {
    /// Obligations and prohibitions that bind someone.
    pub duties: usize,
    /// Reached by some consequence.
    pub reached: usize,
    /// Reached by a clause with a real measure and an authority.
    pub real: usize,
    /// Reached only by referrals or by clauses naming no authority.
    pub referral_only: usize,
    /// Reached by a clause that names who imposes it.
    pub with_authority: usize,
    /// Obligations with a stated period (N 日, 每年 …).
    pub with_period: usize,
}

struct Reach<'o> {
    c: &'o ConsequenceNode,
    grounds: (IndexSet<NodeId>, bool),
    clauses: Vec<(&'o SanctionClause, IndexSet<NodeId>, bool)>,
}

fn clause_text(sup: &SuperiorLaw, c: &ConsequenceNode, s: &SanctionClause) -> String {
    let kinds: Vec<&str> = s.kinds.iter().map(|k| k.name.as_str()).collect();
    let mut text = t!(
        "lint-measures",
        cite = &c.cite,
        measures = kinds.join(t!("list-sep").as_str())
    );
    if s.kinds.iter().all(|k| sup.is_referral(&k.name)) {
        text.push_str(&t!("lint-measures-referral"));
    }
    if s.authorities.is_empty() {
        text.push_str(&t!("lint-measures-no-authority"));
    }
    text
}

pub fn run(ctx: &Ctx, sup: &SuperiorLaw, o: &OrdinanceGraph, out: &mut Vec<Finding>) -> Teeth {
    let reach: Vec<Reach> = consequences(o)
        .map(|(_, c)| Reach {
            c,
            grounds: o.breaches_read(&[c.condition]),
            clauses: c
                .sanctions
                .iter()
                .map(|s| {
                    let (set, any) = s
                        .condition
                        .map(|x| o.breaches_read(&[x]))
                        .unwrap_or_default();
                    (s, set, any)
                })
                .collect(),
        })
        .collect();
    let mut t = Teeth::default();
    for (id, n) in norms(o) {
        if !matches!(n.class, C::Obligation | C::Prohibition) || binds_no_one(n) {
            continue;
        }
        t.duties += 1;
        if n.class == C::Obligation
            && matches!(
                n.deadline,
                Some(DeadlineOut::Period { .. } | DeadlineOut::Periodic { .. })
            )
        {
            t.with_period += 1;
        }
        // 本单位 as a subject is whichever unit the provision concerns.
        let concerns = |c: &ConsequenceNode| {
            c.applies_to.is_empty()
                || n.subjects.iter().any(|s| s.self_unit)
                || ctx.any_overlap(&c.applies_to, &n.subjects)
        };
        let mut clauses: Vec<(&ConsequenceNode, &SanctionClause)> = Vec::new();
        for r in &reach {
            let by_grounds = r.grounds.0.contains(&id) || (r.grounds.1 && concerns(r.c));
            for (s, set, any) in &r.clauses {
                if by_grounds || set.contains(&id) || (*any && concerns(r.c)) {
                    clauses.push((r.c, s));
                }
            }
        }
        if clauses.is_empty() {
            out.push(
                Finding::new(
                    codes::TOOTHLESS_DUTY,
                    o,
                    t!(
                        "lint-toothless",
                        cite = &n.cite,
                        who = who(&n.subjects),
                        modality = n.modality.zh(),
                        action = &n.action
                    ),
                )
                .at(norm_provision(o, n)),
            );
            continue;
        }
        t.reached += 1;
        let real = |s: &SanctionClause| {
            !s.authorities.is_empty() && s.kinds.iter().any(|k| !sup.is_referral(&k.name))
        };
        if clauses.iter().any(|(_, s)| !s.authorities.is_empty()) {
            t.with_authority += 1;
        }
        if clauses.iter().any(|(_, s)| real(s)) {
            t.real += 1;
            continue;
        }
        t.referral_only += 1;
        let mut by: Vec<String> = Vec::new();
        for (c, s) in &clauses {
            let line = clause_text(sup, c, s);
            if !by.contains(&line) {
                by.push(line);
            }
        }
        out.push(referral(o, n, &by));
    }
    if t.duties > 0 && t.real == 0 {
        out.push(
            Finding::new(
                codes::NO_ENFORCEABLE_DUTY,
                o,
                t!(
                    "lint-no-enforceable",
                    title = &o.title,
                    duties = t.duties,
                    referral = t.referral_only,
                    none = t.duties - t.reached
                ),
            )
            .at((
                ordinance_provision(o),
                tiaoli_compiler::graph::AllowTarget::Ordinance,
            )),
        );
    }
    t
}

fn referral(o: &OrdinanceGraph, n: &NormNode, by: &[String]) -> Finding {
    Finding::new(
        codes::REFERRAL_ONLY,
        o,
        t!(
            "lint-referral-only",
            cite = &n.cite,
            who = who(&n.subjects),
            modality = n.modality.zh(),
            action = &n.action,
            by = by.join(t!("lint-sep").as_str())
        ),
    )
    .at(norm_provision(o, n))
}
