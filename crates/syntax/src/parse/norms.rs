//! Norms: their statements, the selectors of 主体 and 向, and references to
//! other norms (优先于, 不能履行时替代, 违反).

use pest::iterators::Pair;

use super::leaves::comment;
use super::{span, Cx, Rule, R};
use crate::ast::*;

impl Cx {
    pub(super) fn norm(&self, p: Pair<'_, Rule>) -> R<Norm> {
        let sp = span(&p);
        let name = self.name(self.child(&p, Rule::ident)?);
        let anchor = self.anchor(self.opt_child(&p, Rule::anchor))?;
        let mut items = Vec::new();
        for c in p.into_inner() {
            let s = span(&c);
            let item = match c.as_rule() {
                Rule::comment => NormItem::Comment(comment(&c)),
                Rule::subject_stmt => NormItem::Subject(self.selectors(&c)?, s),
                Rule::to_stmt => NormItem::To {
                    recipients: self.selectors(&c)?,
                    any: self.opt_child(&c, Rule::kw_or).is_some(),
                    span: s,
                },
                Rule::on_stmt => NormItem::On(self.trigger(self.child(&c, Rule::trigger)?)?, s),
                Rule::when_stmt => NormItem::When(self.expr(self.child(&c, Rule::expr)?)?, s),
                Rule::unless_stmt => NormItem::Unless(self.expr(self.child(&c, Rule::expr)?)?, s),
                Rule::modal_stmt => {
                    let m = self.child(&c, Rule::modality)?;
                    NormItem::Modal {
                        modality: self.word(&m, Modality::from_word)?,
                        action: self.name(self.child(&c, Rule::ident)?),
                        span: s,
                    }
                }
                Rule::deadline_stmt => {
                    NormItem::Deadline(self.deadline(self.child(&c, Rule::deadline)?)?)
                }
                Rule::overrides_stmt => NormItem::Overrides(
                    self.children(&c, Rule::norm_ref)
                        .into_iter()
                        .map(|r| self.norm_ref(r))
                        .collect::<R<_>>()?,
                    s,
                ),
                Rule::fallback_stmt => {
                    NormItem::Fallback(self.norm_ref(self.child(&c, Rule::norm_ref)?)?, s)
                }
                _ => continue,
            };
            items.push(item);
        }
        Ok(Norm {
            name,
            anchor,
            items,
            span: sp,
        })
    }

    pub(super) fn selectors(&self, p: &Pair<'_, Rule>) -> R<Vec<Selector>> {
        self.children(p, Rule::selector)
            .into_iter()
            .map(|s| self.selector(s))
            .collect()
    }

    pub(super) fn selector(&self, p: Pair<'_, Rule>) -> R<Selector> {
        let sp = span(&p);
        if self.opt_child(&p, Rule::kw_self_unit).is_some() {
            return Ok(Selector::SelfUnit(sp));
        }
        if self.opt_child(&p, Rule::kw_unspecified).is_some() {
            return Ok(Selector::Unspecified(sp));
        }
        let relation = match self.opt_child(&p, Rule::relation) {
            Some(r) => Some(self.word(&r, Relation::from_word)?),
            None => None,
        };
        let levels = self.opt_levels(&p)?;
        let except = match self.opt_child(&p, Rule::except) {
            Some(e) => self
                .children(&e, Rule::ident)
                .into_iter()
                .map(|n| self.name(n))
                .collect(),
            None => Vec::new(),
        };
        Ok(Selector::Term {
            relation,
            levels,
            term: self.name(self.child(&p, Rule::ident)?),
            except,
            span: sp,
        })
    }

    pub(super) fn norm_ref(&self, p: Pair<'_, Rule>) -> R<NormRef> {
        let article = match self.opt_child(&p, Rule::article_no) {
            Some(a) => Some(self.numbered(&a)?),
            None => None,
        };
        let name = self.opt_child(&p, Rule::ident).map(|n| self.name(n));
        Ok(NormRef {
            article,
            name,
            span: span(&p),
        })
    }
}
