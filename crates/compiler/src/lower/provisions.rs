//! Citations and eids of provisions (第四十六条第一款第（六）项, `art_46__para_1__point_6`),
//! and anchors checked against the paragraphs and items an article has.

use tiaoli_l10n::t;
use tiaoli_syntax::ast::{Anchor, NumStyle};
use tiaoli_syntax::format::to_chinese;

use super::Lowerer;

impl<'a> Lowerer<'a> {
    pub(super) fn article_cite(&self, n: u32) -> String {
        match self.style {
            NumStyle::Chinese => format!("第{}条", to_chinese(n)),
            NumStyle::Arabic => format!("第{n}条"),
        }
    }

    /// eid and citation of a provision. The 款 is omitted from the citation of a
    /// one-paragraph article, as Chinese legal citation does.
    pub(super) fn provision(
        &self,
        article: u32,
        para: Option<u32>,
        item: Option<(u32, &str)>,
    ) -> (String, String) {
        let mut eid = format!("art_{article}");
        let mut cite = self.article_cite(article);
        let single = self
            .articles
            .get(&article)
            .is_some_and(|a| a.paras.len() <= 1);
        if let Some(p) = para {
            eid.push_str(&format!("__para_{p}"));
            if !single {
                cite.push_str(&format!("第{}款", to_chinese(p)));
            }
        }
        if let Some((i, label)) = item {
            eid.push_str(&format!("__point_{i}"));
            cite.push_str(&format!("第{label}项"));
        }
        (eid, cite)
    }

    /// Resolves an anchor within an article to its provision, checking it exists.
    pub(super) fn anchor(&mut self, article: u32, anchor: Option<&Anchor>) -> (String, String) {
        let Some(a) = anchor else {
            return self.provision(article, None, None);
        };
        let para = a.para.map(|p| p.value).unwrap_or(1);
        let Some(info) = self.articles.get(&article) else {
            return self.provision(article, None, None);
        };
        let Some((_, items)) = info.paras.get(para as usize - 1).filter(|_| para >= 1) else {
            let n = info.paras.len();
            let d = self
                .error(
                    "unknown-provision",
                    a.span,
                    t!(
                        "rule-no-paragraph",
                        article = self.article_cite(article),
                        count = n,
                        para = para
                    ),
                )
                .with_label(t!("rule-no-paragraph-label"))
                .with_help(t!("rule-no-paragraph-help"));
            self.err(d);
            return self.provision(article, None, None);
        };
        let item = match a.item {
            None => None,
            Some(i) => match items.iter().find(|it| it.number == i.value) {
                Some(it) => Some((i.value, it.label.clone())),
                None => {
                    let labels: Vec<String> = items.iter().map(|it| it.label.clone()).collect();
                    let help = if labels.is_empty() {
                        t!("rule-no-items")
                    } else {
                        t!("rule-items-are", items = labels.join(" "))
                    };
                    let d = self
                        .error(
                            "unknown-provision",
                            a.span,
                            t!(
                                "rule-no-item",
                                article = self.article_cite(article),
                                para = para,
                                item = i.value
                            ),
                        )
                        .with_label(t!("rule-no-item-label"))
                        .with_help(help);
                    self.err(d);
                    None
                }
            },
        };
        let para = if a.para.is_some() || item.is_some() {
            Some(para)
        } else {
            None
        };
        self.provision(article, para, item.as_ref().map(|(n, l)| (*n, l.as_str())))
    }
}
