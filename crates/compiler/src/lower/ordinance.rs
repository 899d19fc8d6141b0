//! One ordinance as a whole: its chapters and sections, the order and uniqueness
//! of its article numbers, its deemings, and every norm and consequence lowered
//! into its [`OrdinanceGraph`].

use tiaoli_l10n::t;
use tiaoli_syntax::ast::{self, ArticleItem, NumStyle, TopItem};
use tiaoli_syntax::{Diagnostic, SourceId};

use super::{Lowerer, State};
use crate::graph::*;
use crate::lexicon::Kind;

impl<'a> Lowerer<'a> {
    pub(crate) fn ordinance(
        mut self,
        file: &'a ast::File,
        header: &'a ast::Ordinance,
    ) -> Option<OrdinanceGraph> {
        let meta = self.header(header);
        let mut chapters: Vec<HeadingOut> = Vec::new();
        let mut chapter: Option<u32> = None;
        let mut section: Option<u32> = None;
        let mut article_meta: Vec<(u32, Option<u32>, Option<u32>)> = Vec::new();
        let mut last: Option<u32> = None;
        self.style = file
            .items
            .iter()
            .find_map(|i| match i {
                TopItem::Article(a) => Some(a.number.style),
                _ => None,
            })
            .unwrap_or(NumStyle::Chinese);
        for item in &file.items {
            match item {
                TopItem::Chapter(h) => {
                    chapter = Some(h.number.value);
                    section = None;
                    chapters.push(HeadingOut {
                        number: h.number.value,
                        title: h.title.value.clone(),
                        sections: vec![],
                    });
                }
                TopItem::Section(h) => {
                    section = Some(h.number.value);
                    let s = HeadingOut {
                        number: h.number.value,
                        title: h.title.value.clone(),
                        sections: vec![],
                    };
                    match chapters.last_mut() {
                        Some(c) => c.sections.push(s),
                        None => chapters.push(s),
                    }
                }
                TopItem::Article(a) => {
                    let n = a.number.value;
                    if let Some(prev) = self.articles.get(&n) {
                        let d = self
                            .error(
                                "duplicate-article",
                                a.number.span,
                                t!("rule-duplicate-article", article = self.article_cite(n)),
                            )
                            .with_label(t!("rule-second-occurrence"))
                            .with_related(
                                self.src,
                                prev.ast.number.span,
                                t!("rule-first-occurrence"),
                            );
                        self.err(d);
                        continue;
                    }
                    let expected = last.map(|l| l + 1).unwrap_or(1);
                    if n != expected {
                        let article = self.article_cite(n);
                        let msg = match last.map(|l| self.article_cite(l)) {
                            _ if n < expected => t!(
                                "rule-article-out-of-order",
                                article = article,
                                after = last.map(|l| self.article_cite(l)).unwrap_or_default()
                            ),
                            None if n - expected == 1 => t!(
                                "rule-article-gap-one-at-start",
                                article = article,
                                missing = self.article_cite(expected)
                            ),
                            None => t!(
                                "rule-article-gap-at-start",
                                article = article,
                                first = self.article_cite(expected),
                                last = self.article_cite(n - 1)
                            ),
                            Some(prev) if n - expected == 1 => t!(
                                "rule-article-gap-one",
                                article = article,
                                prev = prev,
                                missing = self.article_cite(expected)
                            ),
                            Some(prev) => t!(
                                "rule-article-gap",
                                article = article,
                                prev = prev,
                                first = self.article_cite(expected),
                                last = self.article_cite(n - 1)
                            ),
                        };
                        let d =
                            Diagnostic::warning("article-sequence", self.src, a.number.span, msg)
                                .with_label(t!("rule-numbering-breaks"))
                                .with_help(t!("rule-article-sequence-help"));
                        self.err(d);
                    }
                    last = Some(n);
                    self.collect_article(a);
                    article_meta.push((n, chapter, section));
                }
                TopItem::Comment(_) | TopItem::Ordinance(_) | TopItem::Vocabulary(_) => {}
            }
        }

        self.unreviewed_summary();

        // Deemings: from vocabulary blocks, then from articles.
        let mut deemings = Vec::new();
        for (src, d) in &self.lex.deemings {
            if let Some(x) = self.deeming(*src, d, String::new(), String::new()) {
                deemings.push(x);
            }
        }
        let arts: Vec<u32> = self.articles.keys().copied().collect();
        for n in &arts {
            let Some(info) = self.articles.get(n) else {
                continue;
            };
            let ds: Vec<&ast::Deem> = info
                .ast
                .items
                .iter()
                .filter_map(|i| match i {
                    ArticleItem::Deem(d) => Some(d),
                    _ => None,
                })
                .collect();
            for d in ds {
                let (eid, cite) = self.provision(*n, None, None);
                if let Some(x) = self.deeming(self.src, d, eid, cite) {
                    deemings.push(x);
                }
            }
        }

        let norm_names: Vec<String> = self.norms.keys().cloned().collect();
        for n in norm_names {
            self.lower_norm(&n);
        }
        let cons_names: Vec<String> = self.cons.keys().cloned().collect();
        for c in cons_names {
            self.lower_consequence(&c);
        }
        let lint_allows = self.lint_allows(file);

        let articles = article_meta
            .iter()
            .filter_map(|(n, ch, se)| self.article_out(*n, *ch, *se))
            .collect();
        let norms = self
            .norms
            .iter()
            .filter_map(|(_, d)| match d.state {
                State::Done(Some(id)) => Some((d.ast.name.text.clone(), id)),
                _ => None,
            })
            .collect();
        let consequences = self
            .cons
            .iter()
            .filter_map(|(_, d)| match d.state {
                State::Done(Some(id)) => Some((d.ast.name.text.clone(), id)),
                _ => None,
            })
            .collect();
        let meta = meta?;
        Some(OrdinanceGraph {
            id: meta.id,
            title: meta.title,
            instrument: meta.instrument,
            jurisdiction: meta.jurisdiction,
            level: meta.level,
            status: meta.status,
            draft: meta.status.is_draft(),
            adopted: meta.adopted,
            approved: meta.approved,
            in_force: meta.in_force,
            repealed_on: meta.repealed_on,
            retroactive_from: meta.retroactive_from,
            repeals: meta.repeals,
            self_name: meta.self_name,
            source: self.sources.name(self.src).to_string(),
            loc: meta.loc,
            deemings,
            chapters,
            articles,
            nodes: self.nodes,
            norms,
            consequences,
            lint_allows,
        })
    }

    fn deeming(
        &mut self,
        src: SourceId,
        d: &ast::Deem,
        eid: String,
        cite: String,
    ) -> Option<Deeming> {
        let kind = match self.lex.resolve(src, &d.kind, &[Kind::Actor]) {
            Ok(t) => t.name.clone(),
            Err(e) => {
                self.err(e);
                return None;
            }
        };
        let as_ = self.selector(&d.as_, &[Kind::Actor])?;
        Some(Deeming {
            kind,
            as_,
            eid,
            cite,
        })
    }
}
