//! Articles: their paragraphs and items, the norms and consequences they declare
//! (one namespace per ordinance), what they must contain, those still marked 待审,
//! and each article as it goes into the graph with its texts.

use tiaoli_l10n::t;
use tiaoli_syntax::ast::{self, ArticleItem, Name};
use tiaoli_syntax::Diagnostic;

use super::{ArticleInfo, Decl, Lowerer, State};
use crate::graph::*;

impl<'a> Lowerer<'a> {
    pub(super) fn collect_article(&mut self, a: &'a ast::Article) {
        let n = a.number.value;
        let mut info = ArticleInfo {
            ast: a,
            paras: Vec::new(),
            norms: Vec::new(),
            cons: Vec::new(),
        };
        let mut has_kind = false;
        for item in &a.items {
            match item {
                ArticleItem::Para(t) => info.paras.push((t, Vec::new())),
                ArticleItem::Item(it) => match info.paras.last_mut() {
                    Some((_, items)) => {
                        if let Some(prev) = items.last() {
                            if it.number != prev.number + 1 {
                                let d = Diagnostic::warning(
                                    "item-sequence",
                                    self.src,
                                    it.span,
                                    t!("rule-item-sequence", item = &it.label, prev = &prev.label),
                                )
                                .with_label(t!("rule-numbering-breaks"));
                                self.diags.push(d);
                            }
                        }
                        items.push(it)
                    }
                    None => {
                        let d = self
                            .error(
                                "item-before-paragraph",
                                it.span,
                                t!("rule-item-before-paragraph"),
                            )
                            .with_label(t!("rule-item-before-paragraph-label"))
                            .with_help(t!("rule-item-before-paragraph-help"));
                        self.err(d);
                    }
                },
                ArticleItem::Kind(..) => has_kind = true,
                ArticleItem::Norm(x) => {
                    if self.declare_id(&x.name) {
                        self.norms.insert(
                            x.name.key(),
                            Decl {
                                article: n,
                                ast: x,
                                state: State::Todo,
                            },
                        );
                        info.norms.push(x.name.key());
                    }
                }
                ArticleItem::Consequence(x) => {
                    if self.declare_id(&x.name) {
                        self.cons.insert(
                            x.name.key(),
                            Decl {
                                article: n,
                                ast: x,
                                state: State::Todo,
                            },
                        );
                        info.cons.push(x.name.key());
                    }
                }
                ArticleItem::Deem(_) => has_kind = true,
                ArticleItem::Comment(_) => {}
            }
        }
        if info.paras.is_empty() {
            let d = self
                .error(
                    "missing-text",
                    a.number.span,
                    t!("rule-missing-text", article = self.article_cite(n)),
                )
                .with_label(t!("rule-missing-text-label"))
                .with_help(t!("rule-missing-text-help"));
            self.err(d);
        }
        if let Some(span) = a.items.iter().find_map(|it| match it {
            ArticleItem::Kind(ast::ArticleKind::Unreviewed, sp) => Some(*sp),
            _ => None,
        }) {
            self.unreviewed.push((n, span));
        }
        if info.norms.is_empty() && info.cons.is_empty() && !has_kind {
            let d = self
                .error(
                    "unencoded-article",
                    a.number.span,
                    t!("rule-unencoded-article", article = self.article_cite(n)),
                )
                .with_label(t!("rule-unencoded-article-label"))
                .with_help(t!("rule-unencoded-article-help"));
            self.err(d);
        }
        self.articles.insert(n, info);
    }

    /// One warning for every article still marked 待审 (a `tiaoli lift` skeleton),
    /// at the first of them: not one per article.
    pub(super) fn unreviewed_summary(&mut self) {
        let Some(&(_, span)) = self.unreviewed.first() else {
            return;
        };
        let cites: Vec<String> = self
            .unreviewed
            .iter()
            .map(|(n, _)| self.article_cite(*n))
            .collect();
        let list = if cites.len() <= 5 {
            cites.join("、")
        } else {
            format!(
                "{}……{}",
                cites.iter().take(3).cloned().collect::<Vec<_>>().join("、"),
                cites.last().cloned().unwrap_or_default()
            )
        };
        let d = Diagnostic::warning(
            "unreviewed-article",
            self.src,
            span,
            t!("rule-unreviewed", count = cites.len(), list = list),
        )
        .with_label(t!("rule-unreviewed-label"))
        .with_help(t!("rule-unreviewed-help"));
        self.diags.push(d);
    }

    /// Norm and consequence names share one namespace per ordinance.
    fn declare_id(&mut self, name: &Name) -> bool {
        let key = name.key();
        let prev = self
            .norms
            .get(&key)
            .map(|d| d.ast.name.span)
            .or_else(|| self.cons.get(&key).map(|d| d.ast.name.span));
        if let Some(p) = prev {
            let d = self
                .error(
                    "duplicate-id",
                    name.span,
                    t!("rule-duplicate-id", name = &name.text),
                )
                .with_label(t!("rule-duplicate-id-label"))
                .with_related(self.src, p, t!("rule-first-used-here"))
                .with_help(t!("rule-duplicate-id-help"));
            self.err(d);
            return false;
        }
        true
    }

    pub(super) fn article_out(
        &self,
        n: u32,
        chapter: Option<u32>,
        section: Option<u32>,
    ) -> Option<ArticleOut> {
        let info = self.articles.get(&n)?;
        let kind = info.ast.items.iter().find_map(|i| match i {
            ArticleItem::Kind(k, _) => Some(*k),
            _ => None,
        });
        let mut lines = Vec::new();
        let mut paragraphs = Vec::new();
        for (pi, (text, items)) in info.paras.iter().enumerate() {
            let p = pi as u32 + 1;
            lines.push(text.value.clone());
            let (eid, cite) = self.provision(n, Some(p), None);
            let items = items
                .iter()
                .map(|it| {
                    lines.push(format!("{}{}", it.label, it.text.value));
                    let (eid, cite) = self.provision(n, Some(p), Some((it.number, &it.label)));
                    ItemOut {
                        eid: eid.into(),
                        cite: cite.into(),
                        label: it.label.clone().into(),
                        text: it.text.value.clone().into(),
                    }
                })
                .collect();
            paragraphs.push(ParagraphOut {
                eid: eid.into(),
                cite: cite.into(),
                text: text.value.clone().into(),
                items,
            });
        }
        Some(ArticleOut {
            eid: format!("art_{n}").into(),
            cite: self.article_cite(n).into(),
            number: n,
            chapter,
            section,
            kind,
            text: lines.join("\n").into(),
            paragraphs,
            loc: self.loc(info.ast.number.span),
        })
    }
}
