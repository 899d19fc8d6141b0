//! L1101–L1105: 上位法审查, what an instrument sets against what its type may
//! set (rules/superior/powers.toml, crates/lint/src/superior.rs).
//!
//! - L1101: a measure that is a kind of 行政处罚 the type may not create
//!   (《行政处罚法》第十二条 for 地方性法规, 第十四条 for 地方政府规章). A measure
//!   against organs only is supervision, not a penalty (行政处罚法 第二条: 行政处罚
//!   is against 公民、法人或者其他组织): 通报 of a department is not 通报批评.
//! - L1102: a 地方政府规章 that binds 公民、法人或者其他组织 to a duty or forbids
//!   them an act, in a provision that cites no superior basis (《立法法》第九十
//!   三条第六款). Found per norm, reported per article.
//! - L1103: a 行政处罚 imposed by a body that is not an administrative organ, or
//!   by no body named (《行政处罚法》第十七条).
//! - L1104: a measure the data does not classify: it cannot be reviewed.
//! - L1105: no 类型 in the header, or a type whose power the data does not
//!   state, with a penalty to review.

use indexmap::IndexSet;
use tiaoli_compiler::graph::{AllowTarget, OrdinanceGraph, SelectorOut};
use tiaoli_l10n::t;
use tiaoli_syntax::ast::ModalityClass as C;

use crate::ctx::{
    cons_provision, consequences, norm_provision, norms, ordinance_provision, text_of, who, Ctx,
};
use crate::superior::{Class, SuperiorLaw};
use crate::{codes, Finding};

/// Words by which a provision rests on superior law.
const BASIS: &[&str] = &["《", "依法", "依照", "法律", "法规", "有关规定", "国家规定"];

fn is_organ(ctx: &Ctx, sup: &SuperiorLaw, s: &SelectorOut) -> bool {
    if s.self_unit || s.unspecified {
        return true;
    }
    if s.is_role {
        return sup.organs.iter().any(|o| *o == s.term);
    }
    sup.organs.iter().any(|g| ctx.is_a(&s.term, g))
}

fn is_administrative(ctx: &Ctx, sup: &SuperiorLaw, s: &SelectorOut) -> bool {
    !s.is_role && !s.self_unit && sup.administrative.iter().any(|g| ctx.is_a(&s.term, g))
}

pub fn run(ctx: &Ctx, sup: &SuperiorLaw, o: &OrdinanceGraph, out: &mut Vec<Finding>) {
    let instrument = o.instrument.map(|i| i.zh());
    let power = instrument.and_then(|i| sup.powers.get(i));
    let mut unreviewed: IndexSet<String> = IndexSet::new();
    let mut no_power_reported = false;
    for (_, c) in consequences(o) {
        // A measure against organs only (对象 all 国家机关 …) is supervision.
        let organs_only =
            !c.applies_to.is_empty() && c.applies_to.iter().all(|s| is_organ(ctx, sup, s));
        for s in &c.sanctions {
            for k in &s.kinds {
                let Some(class) = sup.class(&k.name, organs_only) else {
                    if unreviewed.insert(k.name.clone()) {
                        out.push(
                            Finding::new(
                                codes::UNCLASSIFIED_MEASURE,
                                o,
                                t!(
                                    "lint-unclassified-measure",
                                    cite = &c.cite,
                                    measure = &k.name
                                ),
                            )
                            .at(cons_provision(o, c)),
                        );
                    }
                    continue;
                };
                if class != Class::Penalty {
                    continue;
                }
                let kind = sup
                    .measure(&k.name)
                    .and_then(|m| m.penalty.clone())
                    .unwrap_or_else(|| k.name.clone());
                let against = if c.applies_to.is_empty() {
                    t!("lint-bound-units")
                } else {
                    who(&c.applies_to)
                };
                match power.and_then(|p| p.penalties.as_ref().map(|l| (p, l))) {
                    Some((p, allowed)) if !allowed.contains(&kind) => out.push(
                        Finding::new(
                            codes::PENALTY_BEYOND_POWER,
                            o,
                            t!(
                                "lint-penalty-beyond-power",
                                cite = &c.cite,
                                against = &against,
                                kind = &kind,
                                instrument = &p.instrument,
                                basis = &p.penalties_basis
                            ),
                        )
                        .at(cons_provision(o, c)),
                    ),
                    Some(_) => {}
                    None if !no_power_reported && instrument.is_some() => {
                        no_power_reported = true;
                        let i = instrument.unwrap_or_default();
                        let what = match power {
                            Some(p) => t!(
                                "lint-power-basis",
                                instrument = i,
                                basis = &p.penalties_basis
                            ),
                            None => t!("lint-no-power-data", instrument = i),
                        };
                        out.push(
                            Finding::new(
                                codes::NO_INSTRUMENT_TYPE,
                                o,
                                t!(
                                    "lint-power-unreviewable",
                                    cite = &c.cite,
                                    against = &against,
                                    kind = &kind,
                                    what = what
                                ),
                            )
                            .at(cons_provision(o, c)),
                        );
                    }
                    None => {}
                }
                let by_organ = !s.authorities.is_empty()
                    && s.authorities.iter().all(|a| is_administrative(ctx, sup, a));
                if !by_organ {
                    let by = if s.authorities.is_empty() {
                        t!("lint-penalty-by-nobody")
                    } else {
                        t!("lint-penalty-by", who = who(&s.authorities))
                    };
                    out.push(
                        Finding::new(
                            codes::PENALTY_BY_NON_ADMINISTRATIVE,
                            o,
                            t!(
                                "lint-penalty-by-non-administrative",
                                cite = &c.cite,
                                against = &against,
                                measure = &k.name,
                                kind = &kind,
                                by = by
                            ),
                        )
                        .at(cons_provision(o, c)),
                    );
                }
            }
        }
    }

    // L1102: a 地方政府规章 adding duties without a superior basis.
    let Some(p) = power.filter(|p| !p.burdens) else {
        return;
    };
    for (_, n) in norms(o) {
        if !matches!(n.class, C::Obligation | C::Prohibition) {
            continue;
        }
        let outside: Vec<&SelectorOut> = n
            .subjects
            .iter()
            .filter(|s| !is_organ(ctx, sup, s))
            .collect();
        if outside.is_empty() {
            continue;
        }
        let text = text_of(o, &n.eid);
        if BASIS.iter().any(|b| text.contains(b)) {
            continue;
        }
        let what = if n.class == C::Prohibition {
            "prohibition"
        } else {
            "duty"
        };
        let names: Vec<String> = outside
            .iter()
            .map(|s| tiaoli_compiler::view::selector_text(s))
            .collect();
        out.push(
            Finding::new(
                codes::BURDEN_WITHOUT_BASIS,
                o,
                t!(
                    "lint-burden",
                    cite = &n.cite,
                    names = names.join(t!("list-sep").as_str()),
                    what = what,
                    modality = n.modality.zh(),
                    action = &n.action,
                    basis = p.burdens_basis.split('：').next().unwrap_or_default()
                ),
            )
            .at(norm_provision(o, n)),
        );
    }
}

/// L1105 when the header names no type at all and the text sets something the
/// review would check — a 行政处罚, or a duty of 公民、法人或者其他组织.
pub fn untyped(ctx: &Ctx, sup: &SuperiorLaw, o: &OrdinanceGraph, out: &mut Vec<Finding>) {
    if o.instrument.is_some() {
        return;
    }
    let penalty = consequences(o).any(|(_, c)| {
        let organs_only =
            !c.applies_to.is_empty() && c.applies_to.iter().all(|s| is_organ(ctx, sup, s));
        c.sanctions
            .iter()
            .flat_map(|s| s.kinds.iter())
            .any(|k| sup.class(&k.name, organs_only) == Some(Class::Penalty))
    });
    let burden = norms(o).any(|(_, n)| {
        matches!(n.class, C::Obligation | C::Prohibition)
            && n.subjects.iter().any(|s| !is_organ(ctx, sup, s))
    });
    let what = match (penalty, burden) {
        (true, _) => "penalty",
        (false, true) => "duty",
        (false, false) => return,
    };
    out.push(
        Finding::new(
            codes::NO_INSTRUMENT_TYPE,
            o,
            t!("lint-untyped", title = &o.title, what = what),
        )
        .at((ordinance_provision(o), AllowTarget::Ordinance)),
    );
}
