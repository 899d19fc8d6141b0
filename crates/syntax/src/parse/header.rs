//! The ordinance header: 条例 ID { 标题 … 施行日期 … }.

use pest::iterators::Pair;

use super::leaves::{comment, self_ref};
use super::{span, Cx, Rule, R};
use crate::ast::*;

impl Cx {
    pub(super) fn ordinance(&self, p: Pair<'_, Rule>) -> R<Ordinance> {
        let sp = span(&p);
        let id = self.name(self.child(&p, Rule::ident)?);
        let mut items = Vec::new();
        for c in p.into_inner() {
            let s = span(&c);
            let item = match c.as_rule() {
                Rule::comment => HeaderItem::Comment(comment(&c)),
                Rule::title_stmt => HeaderItem::Title(self.text(self.child(&c, Rule::string)?)?),
                Rule::instrument_stmt => {
                    let w = self.child(&c, Rule::instrument)?;
                    HeaderItem::Instrument(self.word(&w, Instrument::from_word)?, s)
                }
                Rule::jurisdiction_stmt => {
                    HeaderItem::Jurisdiction(self.name(self.child(&c, Rule::ident)?))
                }
                Rule::level_stmt => {
                    HeaderItem::Level(self.level(&self.child(&c, Rule::level)?)?, s)
                }
                Rule::status_stmt => {
                    let w = self.child(&c, Rule::status)?;
                    HeaderItem::Status(self.word(&w, Status::from_word)?, s)
                }
                Rule::adopted_stmt => HeaderItem::Adopted(self.maybe_date(&c)?),
                Rule::approved_stmt => HeaderItem::Approved(self.maybe_date(&c)?),
                Rule::in_force_stmt => HeaderItem::InForce(self.maybe_date(&c)?),
                Rule::repealed_on_stmt => HeaderItem::RepealedOn(self.maybe_date(&c)?),
                Rule::repeals_stmt => HeaderItem::Repeals(
                    self.children(&c, Rule::string)
                        .into_iter()
                        .map(|t| self.text(t))
                        .collect::<R<_>>()?,
                ),
                Rule::retroactive_stmt => {
                    HeaderItem::RetroactiveFrom(self.child(&c, Rule::date)?.as_str().to_string(), s)
                }
                Rule::self_name_stmt => {
                    HeaderItem::SelfName(self_ref(&self.child(&c, Rule::kw_this)?))
                }
                _ => continue,
            };
            items.push(item);
        }
        Ok(Ordinance {
            id,
            items,
            span: sp,
        })
    }

    fn maybe_date(&self, p: &Pair<'_, Rule>) -> R<MaybeDate> {
        let d = self.child(p, Rule::date_or_unknown)?;
        let s = span(&d);
        let date = self
            .opt_child(&d, Rule::date)
            .map(|x| x.as_str().to_string());
        Ok(MaybeDate { date, span: s })
    }
}
