//! Vocabulary blocks: actors, roles, persons, facts and their types, events,
//! actions, sanctions, deemings.

use pest::iterators::Pair;

use super::leaves::comment;
use super::{span, Cx, Rule, R};
use crate::ast::*;

impl Cx {
    pub(super) fn vocabulary(&self, p: Pair<'_, Rule>) -> R<Vocabulary> {
        let sp = span(&p);
        let mut items = Vec::new();
        for c in p.into_inner() {
            let s = span(&c);
            let item = match c.as_rule() {
                Rule::comment => VocabItem::Comment(comment(&c)),
                Rule::actor_decl => VocabItem::Actor {
                    name: self.name(self.child(&c, Rule::ident)?),
                    parents: self.opt_names(&c, Rule::parents),
                    levels: match self.opt_child(&c, Rule::actor_levels) {
                        Some(a) => self.opt_levels(&a)?,
                        None => Vec::new(),
                    },
                    aliases: self.opt_names(&c, Rule::aliases),
                    span: s,
                },
                Rule::role_decl => VocabItem::Role {
                    name: self.name(self.child(&c, Rule::ident)?),
                    aliases: self.opt_names(&c, Rule::aliases),
                    span: s,
                },
                Rule::person_decl => VocabItem::Person {
                    name: self.name(self.child(&c, Rule::ident)?),
                    aliases: self.opt_names(&c, Rule::aliases),
                    span: s,
                },
                Rule::fact_decl => VocabItem::Fact {
                    name: self.name(self.child(&c, Rule::ident)?),
                    ty: self.fact_type(&self.child(&c, Rule::fact_type)?)?,
                    aliases: self.opt_names(&c, Rule::aliases),
                    span: s,
                },
                Rule::event_decl => {
                    let mut attrs = Vec::new();
                    if let Some(a) = self.opt_child(&c, Rule::event_attrs) {
                        for attr in self.children(&a, Rule::attr) {
                            let n = self.name(self.child(&attr, Rule::ident)?);
                            let t = self.fact_type(&self.child(&attr, Rule::fact_type)?)?;
                            attrs.push((n, t));
                        }
                    }
                    VocabItem::Event {
                        name: self.name(self.child(&c, Rule::ident)?),
                        sets_period: self.opt_child(&c, Rule::sets_period).is_some(),
                        attrs,
                        aliases: self.opt_names(&c, Rule::aliases),
                        span: s,
                    }
                }
                Rule::action_decl => VocabItem::Action {
                    name: self.name(self.child(&c, Rule::ident)?),
                    aliases: self.opt_names(&c, Rule::aliases),
                    span: s,
                },
                Rule::sanction_decl => {
                    let d = self.child(&c, Rule::digits)?;
                    VocabItem::Sanction {
                        name: self.name(self.child(&c, Rule::ident)?),
                        rank: self.digits(&d)?,
                        sets_period: self.opt_child(&c, Rule::sets_period).is_some(),
                        aliases: self.opt_names(&c, Rule::aliases),
                        span: s,
                    }
                }
                Rule::deem_stmt => VocabItem::Deem(self.deem(c)?),
                _ => continue,
            };
            items.push(item);
        }
        Ok(Vocabulary { items, span: sp })
    }

    fn fact_type(&self, p: &Pair<'_, Rule>) -> R<FactType> {
        let inner = p
            .clone()
            .into_inner()
            .next()
            .ok_or_else(|| self.bug(span(p), "empty type"))?;
        Ok(match inner.as_rule() {
            Rule::ty_bool => FactType::Bool,
            Rule::ty_number => FactType::Number,
            Rule::ty_date => FactType::Date,
            Rule::ty_enum => FactType::Enum(self.names(&inner)),
            _ => return Err(self.bug(span(&inner), "unknown type")),
        })
    }

    pub(super) fn deem(&self, p: Pair<'_, Rule>) -> R<Deem> {
        Ok(Deem {
            kind: self.name(self.child(&p, Rule::ident)?),
            as_: self.selector(self.child(&p, Rule::selector)?)?,
            span: span(&p),
        })
    }
}
