//! Consequences: 对象, 情形 (an expression or a block of grounds), 由, 对, and
//! each 处理 clause.

use pest::iterators::Pair;

use super::leaves::comment;
use super::{span, Cx, Rule, R};
use crate::ast::*;

impl Cx {
    pub(super) fn consequence(&self, p: Pair<'_, Rule>) -> R<Consequence> {
        let sp = span(&p);
        let name = self.name(self.child(&p, Rule::ident)?);
        let anchor = self.anchor(self.opt_child(&p, Rule::anchor))?;
        let mut items = Vec::new();
        for c in p.into_inner() {
            let s = span(&c);
            let item = match c.as_rule() {
                Rule::comment => ConsequenceItem::Comment(comment(&c)),
                Rule::applies_stmt => ConsequenceItem::AppliesTo(self.selectors(&c)?, s),
                Rule::grounds_stmt => ConsequenceItem::Grounds(self.grounds(c)?),
                Rule::by_stmt => ConsequenceItem::By(self.selectors(&c)?, s),
                Rule::against_stmt => ConsequenceItem::Against(self.targets(&c)?, s),
                Rule::impose_stmt => ConsequenceItem::Impose(self.impose(c)?),
                _ => continue,
            };
            items.push(item);
        }
        Ok(Consequence {
            name,
            anchor,
            items,
            span: sp,
        })
    }

    fn grounds(&self, p: Pair<'_, Rule>) -> R<Grounds> {
        let sp = span(&p);
        let Some(mode) = self.opt_child(&p, Rule::ground_mode) else {
            return Ok(Grounds::Expr(self.expr(self.child(&p, Rule::expr)?)?, sp));
        };
        let mode = if self.opt_child(&mode, Rule::kw_all).is_some() {
            GroundMode::All
        } else {
            GroundMode::Any
        };
        let mut entries = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::comment => entries.push(GroundEntry::Comment(comment(&c))),
                Rule::ground => entries.push(GroundEntry::Ground {
                    anchor: self.anchor(self.opt_child(&c, Rule::anchor))?,
                    expr: self.expr(self.child(&c, Rule::expr)?)?,
                    span: span(&c),
                }),
                _ => {}
            }
        }
        Ok(Grounds::Block {
            mode,
            entries,
            span: sp,
        })
    }

    fn targets(&self, p: &Pair<'_, Rule>) -> R<Vec<Target>> {
        self.children(p, Rule::target)
            .into_iter()
            .map(|t| {
                if self.opt_child(&t, Rule::kw_self_unit).is_some() {
                    Ok(Target::SelfUnit(span(&t)))
                } else {
                    Ok(Target::Person(self.name(self.child(&t, Rule::ident)?)))
                }
            })
            .collect()
    }

    fn impose(&self, p: Pair<'_, Rule>) -> R<Impose> {
        let sp = span(&p);
        let mut imp = Impose {
            discretionary: false,
            sanctions: Vec::new(),
            choice: None,
            by: Vec::new(),
            against: Vec::new(),
            when: None,
            deadline: None,
            lasting: None,
            span: sp,
        };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::discretionary => imp.discretionary = true,
                Rule::ident => imp.sanctions.push(self.name(c)),
                Rule::choice => {
                    imp.choice = Some(if self.opt_child(&c, Rule::kw_by_severity).is_some() {
                        Choice::BySeverity
                    } else {
                        Choice::OneOf
                    })
                }
                Rule::impose_by => imp.by = self.selectors(&c)?,
                Rule::impose_against => imp.against = self.targets(&c)?,
                Rule::impose_when => imp.when = Some(self.expr(self.child(&c, Rule::expr)?)?),
                Rule::impose_deadline => {
                    imp.deadline = Some(self.deadline(self.child(&c, Rule::deadline)?)?)
                }
                Rule::impose_lasting => {
                    imp.lasting = Some(Lasting {
                        duration: self.duration(&self.child(&c, Rule::duration)?)?,
                        from: match self.opt_child(&c, Rule::event_pattern) {
                            Some(e) => Some(self.event_pattern(&e)?),
                            None => None,
                        },
                        span: span(&c),
                    })
                }
                _ => {}
            }
        }
        Ok(imp)
    }
}
