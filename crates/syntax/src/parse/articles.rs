//! The structure of the text: chapters and sections, articles with their
//! paragraphs and items, and anchors (第N款第（M）项) within an article.

use pest::iterators::Pair;

use super::leaves::comment;
use super::{span, Cx, Rule, R};
use crate::ast::*;

impl Cx {
    pub(super) fn heading(&self, p: Pair<'_, Rule>, no: Rule) -> R<Heading> {
        Ok(Heading {
            number: self.numbered(&self.child(&p, no)?)?,
            title: self.text(self.child(&p, Rule::string)?)?,
            span: span(&p),
        })
    }

    pub(super) fn article(&self, p: Pair<'_, Rule>) -> R<Article> {
        let sp = span(&p);
        let number = self.numbered(&self.child(&p, Rule::article_no)?)?;
        let mut items = Vec::new();
        for c in p.into_inner() {
            let s = span(&c);
            let item = match c.as_rule() {
                Rule::comment => ArticleItem::Comment(comment(&c)),
                Rule::kind_stmt => {
                    let w = self.child(&c, Rule::article_kind)?;
                    ArticleItem::Kind(self.word(&w, ArticleKind::from_word)?, s)
                }
                Rule::para_stmt => ArticleItem::Para(self.text(self.child(&c, Rule::string)?)?),
                Rule::item_stmt => {
                    let label = self.child(&c, Rule::item_label)?;
                    ArticleItem::Item(ItemText {
                        label: label.as_str().to_string(),
                        number: self.label_number(&label)?,
                        text: self.text(self.child(&c, Rule::string)?)?,
                        span: s,
                    })
                }
                Rule::norm => ArticleItem::Norm(self.norm(c)?),
                Rule::consequence => ArticleItem::Consequence(self.consequence(c)?),
                Rule::deem_stmt => ArticleItem::Deem(self.deem(c)?),
                _ => continue,
            };
            items.push(item);
        }
        Ok(Article {
            number,
            items,
            span: sp,
        })
    }

    pub(super) fn anchor(&self, p: Option<Pair<'_, Rule>>) -> R<Option<Anchor>> {
        let Some(p) = p else { return Ok(None) };
        let para = match self.opt_child(&p, Rule::para_no) {
            Some(x) => Some(self.numbered(&x)?),
            None => None,
        };
        let item = match self.opt_child(&p, Rule::item_no) {
            Some(x) => Some(self.numbered(&x)?),
            None => None,
        };
        Ok(Some(Anchor {
            para,
            item,
            span: span(&p),
        }))
    }
}
