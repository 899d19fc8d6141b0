//! The leaves: keywords read as values, names, texts with their escapes,
//! numbers and numerals, item labels, comments and self-references.

use pest::iterators::Pair;

use super::chinese_numeral;
use super::{span, Cx, Rule, R};
use crate::ast::*;
use crate::diag::Diagnostic;
use tiaoli_l10n::t;

impl Cx {
    pub(super) fn word<T>(&self, p: &Pair<'_, Rule>, f: impl Fn(&str) -> Option<T>) -> R<T> {
        f(p.as_str()).ok_or_else(|| self.bug(span(p), &format!("unknown keyword {}", p.as_str())))
    }

    pub(super) fn level(&self, p: &Pair<'_, Rule>) -> R<Level> {
        self.word(p, Level::from_word)
    }

    /// The levels of `p`'s optional `levels` child (市、县), none without it.
    pub(super) fn opt_levels(&self, p: &Pair<'_, Rule>) -> R<Vec<Level>> {
        match self.opt_child(p, Rule::levels) {
            Some(l) => self
                .children(&l, Rule::level)
                .iter()
                .map(|x| self.level(x))
                .collect(),
            None => Ok(Vec::new()),
        }
    }

    pub(super) fn opt_names(&self, p: &Pair<'_, Rule>, rule: Rule) -> Vec<Name> {
        self.opt_child(p, rule)
            .map(|l| self.names(&l))
            .unwrap_or_default()
    }

    pub(super) fn names(&self, p: &Pair<'_, Rule>) -> Vec<Name> {
        self.children(p, Rule::ident)
            .into_iter()
            .map(|i| self.name(i))
            .collect()
    }

    pub(super) fn name(&self, p: Pair<'_, Rule>) -> Name {
        Name {
            text: p.as_str().to_string(),
            span: span(&p),
        }
    }

    pub(super) fn text(&self, p: Pair<'_, Rule>) -> R<Text> {
        let body = self.child(&p, Rule::string_body)?;
        let mut value = String::with_capacity(body.as_str().len());
        let mut chars = body.as_str().chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => value.push('\n'),
                    Some(other) => value.push(other),
                    None => {}
                }
            } else {
                value.push(c);
            }
        }
        Ok(Text {
            value,
            span: span(&p),
        })
    }

    pub(super) fn digits(&self, p: &Pair<'_, Rule>) -> R<u32> {
        p.as_str().parse::<u32>().map_err(|_| {
            Diagnostic::error("syntax", self.source, span(p), t!("syn-number-too-large"))
                .with_label(t!("syn-number-too-large-label"))
        })
    }

    pub(super) fn num(&self, p: &Pair<'_, Rule>) -> R<Numeral> {
        let inner = p
            .clone()
            .into_inner()
            .next()
            .ok_or_else(|| self.bug(span(p), "empty number"))?;
        let sp = span(p);
        match inner.as_rule() {
            Rule::digits => Ok(Numeral {
                value: self.digits(&inner)?,
                style: NumStyle::Arabic,
                span: sp,
            }),
            Rule::cn_numeral => {
                let value = chinese_numeral(inner.as_str()).ok_or_else(|| {
                    Diagnostic::error(
                        "syntax",
                        self.source,
                        sp,
                        t!("syn-not-numeral", text = inner.as_str()),
                    )
                    .with_label(t!("syn-not-numeral-label"))
                    .with_help(t!("syn-not-numeral-help"))
                })?;
                Ok(Numeral {
                    value,
                    style: NumStyle::Chinese,
                    span: sp,
                })
            }
            _ => Err(self.bug(sp, "unknown number")),
        }
    }

    /// 第四十六条 / art 46 / 第（六）项 …: the number inside, with its span.
    pub(super) fn numbered(&self, p: &Pair<'_, Rule>) -> R<Numeral> {
        let n = self.num(&self.child(p, Rule::num)?)?;
        Ok(Numeral { span: span(p), ..n })
    }

    pub(super) fn label_number(&self, p: &Pair<'_, Rule>) -> R<u32> {
        let inner: String = p
            .as_str()
            .chars()
            .filter(|c| !matches!(c, '（' | '）' | '(' | ')'))
            .collect();
        inner
            .parse::<u32>()
            .ok()
            .or_else(|| chinese_numeral(&inner))
            .ok_or_else(|| {
                Diagnostic::error(
                    "syntax",
                    self.source,
                    span(p),
                    t!("syn-item-label-no-number"),
                )
            })
    }
}

pub(super) fn comment(p: &Pair<'_, Rule>) -> Comment {
    Comment {
        text: p.as_str().trim_start_matches("//").to_string(),
        span: span(p),
    }
}

pub(super) fn self_ref(p: &Pair<'_, Rule>) -> SelfRef {
    let s = p.as_str();
    let spelling = if s.is_ascii() {
        "本条例".to_string()
    } else {
        s.to_string()
    };
    SelfRef {
        spelling,
        span: span(p),
    }
}
