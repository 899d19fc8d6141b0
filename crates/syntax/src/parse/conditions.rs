//! Conditions: and/or/not, occurrences and counts, violations, overdue orders,
//! 符合, attribute tests and comparisons, with the values they compare against.

use pest::iterators::Pair;

use super::leaves::self_ref;
use super::{span, Cx, Rule, R};
use crate::ast::*;

impl Cx {
    pub(super) fn expr(&self, p: Pair<'_, Rule>) -> R<Expr> {
        let sp = span(&p);
        match p.as_rule() {
            Rule::expr | Rule::and_expr => {
                let is_or = p.as_rule() == Rule::expr;
                let parts: Vec<Expr> = p
                    .into_inner()
                    .filter(|c| !matches!(c.as_rule(), Rule::kw_or | Rule::kw_and))
                    .map(|c| self.expr(c))
                    .collect::<R<_>>()?;
                if parts.len() == 1 {
                    return parts
                        .into_iter()
                        .next()
                        .ok_or_else(|| self.bug(sp, "empty expression"));
                }
                Ok(if is_or {
                    Expr::Or(parts, sp)
                } else {
                    Expr::And(parts, sp)
                })
            }
            Rule::not_expr => {
                let negated = self.opt_child(&p, Rule::kw_not).is_some();
                let first = p
                    .into_inner()
                    .find(|c| c.as_rule() != Rule::kw_not)
                    .ok_or_else(|| self.bug(sp, "empty condition"))?;
                let parenthesised = first.as_rule() == Rule::expr;
                let e = self.expr(first)?;
                Ok(if negated {
                    Expr::Not(Box::new(e), sp)
                } else if parenthesised {
                    Expr::Paren(Box::new(e), sp)
                } else {
                    e
                })
            }
            Rule::occurred => Ok(Expr::Occurred {
                pattern: self.event_pattern(&self.child(&p, Rule::event_pattern)?)?,
                window: self.window(&p)?,
                span: sp,
            }),
            Rule::count => Ok(Expr::Count {
                pattern: self.event_pattern(&self.child(&p, Rule::event_pattern)?)?,
                window: self.window(&p)?,
                op: cmp_op(self.child(&p, Rule::cmp_op)?.as_str())
                    .ok_or_else(|| self.bug(sp, "operator"))?,
                n: self.digits(&self.child(&p, Rule::digits)?)?,
                span: sp,
            }),
            Rule::violated => {
                let v = match self.opt_child(&p, Rule::kw_this) {
                    Some(t) => Violation::This(self_ref(&t)),
                    None => Violation::Norm(self.norm_ref(self.child(&p, Rule::norm_ref)?)?),
                };
                Ok(Expr::Violated(v, self.window(&p)?, sp))
            }
            Rule::overdue => {
                let (event, remedy) = self.two_names(&p)?;
                Ok(Expr::Overdue {
                    event,
                    remedy,
                    window: self.window(&p)?,
                    span: sp,
                })
            }
            Rule::meets => Ok(Expr::Meets(
                self.numbered(&self.child(&p, Rule::article_no)?)?,
                self.window(&p)?,
                sp,
            )),
            Rule::attr_cond => Ok(Expr::Attr {
                target: self.attr_ref(&self.child(&p, Rule::attr_ref)?)?,
                test: match self.opt_child(&p, Rule::cmp_op) {
                    Some(op) => Some((
                        cmp_op(op.as_str()).ok_or_else(|| self.bug(sp, "operator"))?,
                        self.value(&self.child(&p, Rule::value)?)?,
                    )),
                    None => None,
                },
                span: sp,
            }),
            Rule::comparison => {
                let fact = self.name(self.child(&p, Rule::ident)?);
                let op = cmp_op(self.child(&p, Rule::cmp_op)?.as_str())
                    .ok_or_else(|| self.bug(sp, "operator"))?;
                let value = self.value(&self.child(&p, Rule::value)?)?;
                Ok(Expr::Cmp {
                    fact,
                    op,
                    value,
                    span: sp,
                })
            }
            Rule::fact_ref => Ok(Expr::Fact(self.name(self.child(&p, Rule::ident)?))),
            _ => {
                // A parenthesised expression arrives as a nested `expr` inside an atom
                // position; anything else is a defect.
                Err(self.bug(sp, &format!("unexpected {:?} in a condition", p.as_rule())))
            }
        }
    }

    pub(super) fn value(&self, v: &Pair<'_, Rule>) -> R<Value> {
        let sp = span(v);
        let vi = v
            .clone()
            .into_inner()
            .next()
            .ok_or_else(|| self.bug(sp, "empty value"))?;
        Ok(match vi.as_rule() {
            Rule::date => Value::Date(vi.as_str().to_string(), span(&vi)),
            Rule::kw_true => Value::Bool(true, span(&vi)),
            Rule::kw_false => Value::Bool(false, span(&vi)),
            Rule::digits => Value::Number(self.digits(&vi)?, span(&vi)),
            Rule::ident => Value::Term(self.name(vi)),
            _ => return Err(self.bug(span(&vi), "unknown value")),
        })
    }
}

pub(super) fn cmp_op(s: &str) -> Option<CmpOp> {
    Some(match s {
        "=" => CmpOp::Eq,
        "!=" | "≠" => CmpOp::Ne,
        "<" => CmpOp::Lt,
        "<=" | "≤" => CmpOp::Le,
        ">" => CmpOp::Gt,
        ">=" | "≥" => CmpOp::Ge,
        _ => return None,
    })
}
