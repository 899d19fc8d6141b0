//! Conditions: expressions lowered to shared condition nodes, with the literals
//! they compare against checked by type, and windows.

use tiaoli_l10n::t;
use tiaoli_syntax::ast::{self, fold_case, Expr, Span};

use super::{ty_name, valid_date, Lowerer};
use crate::graph::*;
use crate::lexicon::{Kind, TermKind};

impl<'a> Lowerer<'a> {
    pub(super) fn expr(&mut self, e: &Expr) -> Option<NodeId> {
        match e {
            Expr::Or(parts, _) | Expr::And(parts, _) => {
                let args: Vec<Option<NodeId>> = parts.iter().map(|p| self.expr(p)).collect();
                let args: Vec<NodeId> = args.into_iter().collect::<Option<_>>()?;
                Some(self.cond(if matches!(e, Expr::Or(..)) {
                    Cond::Or { args }
                } else {
                    Cond::And { args }
                }))
            }
            Expr::Not(inner, _) => {
                let arg = self.expr(inner)?;
                Some(self.cond(Cond::Not { arg }))
            }
            Expr::Paren(inner, _) => self.expr(inner),
            Expr::Fact(name) => {
                let t = self
                    .lex
                    .resolve(self.src, name, &[Kind::Fact])
                    .map_err(|e| self.err(e))
                    .ok()?;
                let TermKind::Fact(ty) = &t.kind else {
                    return None;
                };
                let (tname, ty) = (t.name.clone(), ty.clone());
                if ty != FactTy::Bool {
                    let hint = match &ty {
                        FactTy::Enum { values } => t!(
                            "rule-compare-fact-enum",
                            fact = &tname,
                            value = values.first().cloned().unwrap_or_default()
                        ),
                        FactTy::Number => t!("rule-compare-fact-number", fact = &tname),
                        _ => t!("rule-compare-fact-date", fact = &tname),
                    };
                    let d = self
                        .error(
                            "type-mismatch",
                            name.span,
                            t!("rule-fact-not-yes-no", fact = &tname),
                        )
                        .with_label(t!("rule-fact-of-type", ty = ty_name(&ty)))
                        .with_help(hint);
                    self.err(d);
                    return None;
                }
                let fact = self.fact_node(&tname, &ty);
                Some(self.cond(Cond::IsTrue { fact }))
            }
            Expr::Cmp {
                fact,
                op,
                value,
                span,
            } => {
                let t = self
                    .lex
                    .resolve(self.src, fact, &[Kind::Fact])
                    .map_err(|e| self.err(e))
                    .ok()?;
                let TermKind::Fact(ty) = &t.kind else {
                    return None;
                };
                let (tname, ty) = (t.name.clone(), ty.clone());
                let lit = self.literal(&tname, &ty, *op, value, *span)?;
                let f = self.fact_node(&tname, &ty);
                Some(self.cond(Cond::Compare {
                    fact: f,
                    cmp: *op,
                    value: lit,
                }))
            }
            Expr::Occurred {
                pattern, window, ..
            } => {
                let pattern = self.event_pattern(pattern)?;
                Some(self.cond(Cond::Occurred {
                    pattern,
                    within: window.map(lower_window),
                }))
            }
            Expr::Count {
                pattern,
                window,
                op,
                n,
                ..
            } => {
                let pattern = self.event_pattern(pattern)?;
                Some(self.cond(Cond::Count {
                    pattern,
                    within: window.map(lower_window),
                    cmp: *op,
                    n: *n,
                }))
            }
            Expr::Violated(ast::Violation::This(s), window, span) => {
                if self.in_norm {
                    let d = self
                        .error(
                            "misplaced-violation",
                            *span,
                            t!("rule-misplaced-violation", name = &s.spelling),
                        )
                        .with_label(t!("rule-misplaced-violation-label"))
                        .with_help(t!("rule-misplaced-violation-help"));
                    self.err(d);
                    return None;
                }
                Some(self.cond(Cond::ViolatedAny {
                    within: window.map(lower_window),
                }))
            }
            Expr::Violated(ast::Violation::Norm(r), window, span) => {
                let ids = self.norm_ref(r);
                let mut args = Vec::new();
                for id in ids {
                    if let Some(Node::Norm(n)) = self.nodes.get(id) {
                        if matches!(
                            n.class,
                            ast::ModalityClass::Permission | ast::ModalityClass::Encouragement
                        ) {
                            let d = self
                                .error(
                                    "not-violable",
                                    *span,
                                    t!(
                                        "rule-not-violable",
                                        name = &n.name,
                                        modality = n.modality.zh(),
                                        class = class_name(n.class)
                                    ),
                                )
                                .with_label(t!("rule-not-violable-label"));
                            self.err(d);
                            continue;
                        }
                    }
                    args.push(self.cond(Cond::Violated {
                        norm: id,
                        within: window.map(lower_window),
                    }));
                }
                match args.len() {
                    0 => None,
                    1 => args.into_iter().next(),
                    _ => Some(self.cond(Cond::Or { args })),
                }
            }
            Expr::Overdue {
                event,
                remedy,
                window,
                ..
            } => {
                let ev = self.deadline_event(event)?;
                let remedy = self.term(remedy, Kind::Action)?;
                Some(self.cond(Cond::Overdue {
                    event: ev,
                    remedy,
                    within: window.map(lower_window),
                }))
            }
            Expr::Attr { target, test, span } => {
                let ev = self.term(&target.event, Kind::Event)?;
                if !self.instance_events.contains(&ev) {
                    let d = self
                        .error(
                            "attribute-outside-instance",
                            target.span,
                            t!(
                                "rule-attribute-outside-instance",
                                event = &target.event.text,
                                attr = &target.attr.text,
                                canonical = &ev
                            ),
                        )
                        .with_label(t!("rule-attribute-outside-instance-label"))
                        .with_help(t!(
                            "rule-attribute-outside-instance-help",
                            event = &ev,
                            attr = &target.attr.text
                        ));
                    self.err(d);
                    return None;
                }
                let attrs = self.event_attrs(&ev);
                let Some((attr, ty)) = attrs
                    .iter()
                    .find(|(k, _)| fold_case(k) == target.attr.key())
                    .map(|(k, t)| (k.clone(), t.clone()))
                else {
                    let d = self
                        .error(
                            "unknown-attribute",
                            target.attr.span,
                            t!(
                                "rule-unknown-attribute",
                                event = &ev,
                                attr = &target.attr.text
                            ),
                        )
                        .with_label(t!("rule-unknown-attribute-label"));
                    self.err(d);
                    return None;
                };
                let (cmp, value) = match test {
                    Some((op, v)) => (*op, self.literal(&attr, &ty, *op, v, *span)?),
                    None if ty == FactTy::Bool => (ast::CmpOp::Eq, Literal::Bool(true)),
                    None => {
                        let d = self
                            .error(
                                "type-mismatch",
                                *span,
                                t!("rule-attribute-not-yes-no", attr = &attr),
                            )
                            .with_label(t!("rule-attribute-of-type", ty = ty_name(&ty)));
                        self.err(d);
                        return None;
                    }
                };
                Some(self.cond(Cond::TriggerAttr {
                    event: ev,
                    attr,
                    cmp,
                    value,
                }))
            }
            Expr::Meets(art, window, _) => {
                let Some(info) = self.articles.get(&art.value) else {
                    self.unknown_article(art);
                    return None;
                };
                let keys = info.cons.clone();
                if keys.is_empty() {
                    let d = self
                        .error(
                            "unknown-reference",
                            art.span,
                            t!(
                                "rule-article-no-consequence",
                                article = self.article_cite(art.value)
                            ),
                        )
                        .with_label(t!("rule-article-no-consequence-label"));
                    self.err(d);
                    return None;
                }
                let consequences: Vec<NodeId> = keys
                    .iter()
                    .filter_map(|k| self.lower_consequence(k))
                    .collect();
                if consequences.is_empty() {
                    return None;
                }
                Some(self.cond(Cond::Meets {
                    consequences,
                    within: window.map(lower_window),
                }))
            }
        }
    }

    pub(super) fn literal(
        &mut self,
        fact: &str,
        ty: &FactTy,
        op: ast::CmpOp,
        v: &ast::Value,
        span: Span,
    ) -> Option<Literal> {
        use ast::Value as V;
        let ordered = !matches!(op, ast::CmpOp::Eq | ast::CmpOp::Ne);
        let lit = match (ty, v) {
            (FactTy::Bool, V::Bool(b, _)) if !ordered => Literal::Bool(*b),
            (FactTy::Number, V::Number(n, _)) => Literal::Number(*n),
            (FactTy::Date, V::Date(d, vs)) => {
                if !valid_date(d) {
                    let e = self
                        .error("invalid-date", *vs, t!("rule-invalid-date", date = d))
                        .with_label(t!("rule-invalid-date-label"));
                    self.err(e);
                    return None;
                }
                Literal::Date(d.clone())
            }
            (FactTy::Enum { values }, V::Term(n)) if !ordered => {
                match values.iter().find(|x| fold_case(x) == n.key()) {
                    Some(x) => Literal::Enum(x.clone()),
                    None => {
                        let help = match tiaoli_syntax::diag::did_you_mean(
                            &n.text,
                            values.iter().map(String::as_str),
                        ) {
                            Some(s) => t!(
                                "rule-values-are-did-you-mean",
                                name = s,
                                values = values.join("、")
                            ),
                            None => t!("rule-values-are", values = values.join("、")),
                        };
                        let d = self
                            .error(
                                "type-mismatch",
                                n.span,
                                t!("rule-not-a-value", value = &n.text, fact = fact),
                            )
                            .with_label(t!("rule-not-a-value-label"))
                            .with_help(help);
                        self.err(d);
                        return None;
                    }
                }
            }
            _ => {
                let what = match v {
                    V::Bool(..) => t!("rule-value-bool"),
                    V::Number(..) => t!("rule-value-number"),
                    V::Date(..) => t!("rule-value-date"),
                    V::Term(_) => t!("rule-value-term"),
                };
                let msg = if ordered && matches!(ty, FactTy::Bool | FactTy::Enum { .. }) {
                    t!("rule-fact-not-ordered", fact = fact, ty = ty_name(ty))
                } else {
                    t!(
                        "rule-fact-compared-with",
                        fact = fact,
                        ty = ty_name(ty),
                        what = what
                    )
                };
                let d = self
                    .error("type-mismatch", span, msg)
                    .with_label(t!("rule-types-do-not-match"));
                self.err(d);
                return None;
            }
        };
        Some(lit)
    }
}

fn class_name(c: ast::ModalityClass) -> String {
    match c {
        ast::ModalityClass::Obligation => t!("rule-class-obligation"),
        ast::ModalityClass::Prohibition => t!("rule-class-prohibition"),
        ast::ModalityClass::Permission => t!("rule-class-permission"),
        ast::ModalityClass::Encouragement => t!("rule-class-encouragement"),
    }
}

fn lower_window(w: ast::Window) -> Window {
    match w {
        ast::Window::Period(d) => Window::Period {
            amount: d.amount,
            unit: d.unit,
        },
        ast::Window::Shortly(_) => Window::Shortly,
    }
}
