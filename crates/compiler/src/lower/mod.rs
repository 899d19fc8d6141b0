//! Checks an ordinance against the lexicon and lowers it to its evaluation graph.
//!
//! Names are resolved as they are lowered; every failure is a diagnostic pointing
//! at the source, and lowering goes on so that one run reports every problem.
//! Norms and consequences are lowered on demand (a consequence that cites 第五十七条
//! lowers that article's consequences first), which both orders the node vector
//! topologically and detects reference cycles.

use indexmap::IndexMap;
use tiaoli_l10n::t;
use tiaoli_syntax::ast::{
    self, fold_case, Anchor, ArticleItem, Expr, Name, NumStyle, Span, TopItem,
};
use tiaoli_syntax::format::to_chinese;
use tiaoli_syntax::{Diagnostic, SourceId, SourceMap};

use crate::graph::*;
use crate::lexicon::{Kind, Lexicon, TermKind};

pub(crate) struct Lowerer<'a> {
    lex: &'a Lexicon,
    sources: &'a SourceMap,
    src: SourceId,
    diags: &'a mut Vec<Diagnostic>,
    style: NumStyle,
    articles: IndexMap<u32, ArticleInfo<'a>>,
    norms: IndexMap<String, Decl<'a, ast::Norm>>,
    cons: IndexMap<String, Decl<'a, ast::Consequence>>,
    nodes: Vec<Node>,
    memo: IndexMap<Cond, NodeId>,
    facts: IndexMap<String, NodeId>,
    /// Set while lowering a norm: `违反 本条例` is only meaningful in a consequence.
    in_norm: bool,
    /// Articles still marked 待审, reported in one warning.
    unreviewed: Vec<(u32, Span)>,
    /// While lowering a norm's conditions: the event types whose occurrences open
    /// its instances (its trigger and deadline anchor), for `E.属性`.
    instance_events: Vec<String>,
}

struct ArticleInfo<'a> {
    ast: &'a ast::Article,
    /// Paragraphs: (text, items).
    paras: Vec<(&'a ast::Text, Vec<&'a ast::ItemText>)>,
    norms: Vec<String>,
    cons: Vec<String>,
}

struct Decl<'a, T> {
    article: u32,
    ast: &'a T,
    state: State,
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    Todo,
    InProgress,
    Done(Option<NodeId>),
}

impl<'a> Lowerer<'a> {
    pub(crate) fn new(
        lex: &'a Lexicon,
        sources: &'a SourceMap,
        src: SourceId,
        diags: &'a mut Vec<Diagnostic>,
    ) -> Self {
        Lowerer {
            lex,
            sources,
            src,
            diags,
            style: NumStyle::Chinese,
            articles: IndexMap::new(),
            norms: IndexMap::new(),
            cons: IndexMap::new(),
            nodes: Vec::new(),
            memo: IndexMap::new(),
            facts: IndexMap::new(),
            in_norm: false,
            unreviewed: Vec::new(),
            instance_events: Vec::new(),
        }
    }

    fn err(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn error(&self, code: &'static str, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(code, self.src, span, message)
    }

    fn loc(&self, span: Span) -> Loc {
        let lc = self.sources.line_col(self.src, span.start);
        let end = self.sources.line_col(self.src, span.end);
        Loc {
            file: self.sources.name(self.src).to_string(),
            line: lc.line,
            column: lc.column,
            end_line: end.line,
            end_column: end.column,
        }
    }

    // ───────────────────────────── citations ─────────────────────────────

    fn article_cite(&self, n: u32) -> String {
        match self.style {
            NumStyle::Chinese => format!("第{}条", to_chinese(n)),
            NumStyle::Arabic => format!("第{n}条"),
        }
    }

    /// eid and citation of a provision. The 款 is omitted from the citation of a
    /// one-paragraph article, as Chinese legal citation does.
    fn provision(
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
    fn anchor(&mut self, article: u32, anchor: Option<&Anchor>) -> (String, String) {
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

    // ───────────────────────────── ordinance ─────────────────────────────

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

    /// Collects `// lint: allow CODE reason` comments and what each is attached
    /// to: the norm or consequence it is written in or directly above, else its
    /// article, else the ordinance.
    fn lint_allows(&self, file: &ast::File) -> Vec<LintAllow> {
        let mut out = Vec::new();
        let push = |c: &ast::Comment, target: AllowTarget, out: &mut Vec<LintAllow>| {
            if let Some((code, reason)) = parse_allow(&c.text) {
                out.push(LintAllow {
                    code,
                    reason,
                    target,
                    loc: self.loc(c.span),
                });
            }
        };
        for item in &file.items {
            match item {
                TopItem::Comment(c) => push(c, AllowTarget::Ordinance, &mut out),
                TopItem::Ordinance(h) => {
                    for i in &h.items {
                        if let ast::HeaderItem::Comment(c) = i {
                            push(c, AllowTarget::Ordinance, &mut out);
                        }
                    }
                }
                TopItem::Article(a) => {
                    let n = a.number.value;
                    let mut pending: Vec<&ast::Comment> = Vec::new();
                    for it in &a.items {
                        let target = match it {
                            ArticleItem::Comment(c) => {
                                pending.push(c);
                                continue;
                            }
                            ArticleItem::Norm(x) => {
                                let t = AllowTarget::Norm(x.name.text.clone());
                                for i in &x.items {
                                    if let ast::NormItem::Comment(c) = i {
                                        push(c, t.clone(), &mut out);
                                    }
                                }
                                t
                            }
                            ArticleItem::Consequence(x) => {
                                let t = AllowTarget::Consequence(x.name.text.clone());
                                for i in &x.items {
                                    match i {
                                        ast::ConsequenceItem::Comment(c) => {
                                            push(c, t.clone(), &mut out)
                                        }
                                        ast::ConsequenceItem::Grounds(ast::Grounds::Block {
                                            entries,
                                            ..
                                        }) => {
                                            for e in entries {
                                                if let ast::GroundEntry::Comment(c) = e {
                                                    push(c, t.clone(), &mut out);
                                                }
                                            }
                                        }
                                        _ => {}
                                    }
                                }
                                t
                            }
                            _ => AllowTarget::Article(n),
                        };
                        for c in pending.drain(..) {
                            push(c, target.clone(), &mut out);
                        }
                    }
                    for c in pending.drain(..) {
                        push(c, AllowTarget::Article(n), &mut out);
                    }
                }
                _ => {}
            }
        }
        out
    }

    fn header(&mut self, h: &ast::Ordinance) -> Option<Meta> {
        use ast::HeaderItem as H;
        let mut seen: IndexMap<&'static str, Span> = IndexMap::new();
        let mut m = PartialMeta::default();
        for item in &h.items {
            let (key, span) = match item {
                H::Comment(_) => continue,
                H::Title(t) => {
                    m.title = Some(t.value.clone());
                    ("标题", t.span)
                }
                H::Instrument(i, s) => {
                    m.instrument = Some(*i);
                    ("类型", *s)
                }
                H::Jurisdiction(n) => {
                    m.jurisdiction = Some(n.text.clone());
                    ("辖区", n.span)
                }
                H::Level(l, s) => {
                    m.level = Some(*l);
                    ("级别", *s)
                }
                H::Status(st, s) => {
                    m.status = Some(*st);
                    ("状态", *s)
                }
                H::Adopted(d) => {
                    m.adopted = self.date(d);
                    ("通过日期", d.span)
                }
                H::Approved(d) => {
                    m.approved = self.date(d);
                    ("批准日期", d.span)
                }
                H::InForce(d) => {
                    m.in_force = self.date(d);
                    ("施行日期", d.span)
                }
                H::RepealedOn(d) => {
                    m.repealed_on = self.date(d);
                    ("废止日期", d.span)
                }
                H::Repeals(t) => {
                    m.repeals.extend(t.iter().map(|x| x.value.clone()));
                    ("废止", t.first().map(|x| x.span).unwrap_or(h.span))
                }
                H::SelfName(s) => {
                    m.self_name = Some(s.spelling.clone());
                    ("自称", s.span)
                }
                H::RetroactiveFrom(d, s) => {
                    m.retroactive_from = self.date(&ast::MaybeDate {
                        date: Some(d.clone()),
                        span: *s,
                    });
                    ("溯及", *s)
                }
            };
            if let Some(prev) = seen.get(key) {
                let d = self
                    .error(
                        "duplicate-header",
                        span,
                        t!("rule-duplicate-header", key = key),
                    )
                    .with_label(t!("rule-second"))
                    .with_related(self.src, *prev, t!("rule-first"));
                self.err(d);
            } else {
                seen.insert(key, span);
            }
        }
        let mut missing = Vec::new();
        if m.title.is_none() {
            missing.push(t!("rule-header-title"));
        }
        if m.jurisdiction.is_none() {
            missing.push(t!("rule-header-jurisdiction"));
        }
        if m.level.is_none() {
            missing.push(t!("rule-header-level"));
        }
        if m.status.is_none() {
            missing.push(t!("rule-header-status"));
        }
        if !missing.is_empty() {
            let d = self
                .error(
                    "incomplete-header",
                    h.id.span,
                    t!(
                        "rule-incomplete-header",
                        missing = missing.join(t!("list-sep").as_str())
                    ),
                )
                .with_label(t!("rule-incomplete-header-label"))
                .with_help(t!("rule-incomplete-header-help"));
            self.err(d);
            return None;
        }
        if m.status == Some(ast::Status::InForce) && m.in_force.is_none() {
            let d = Diagnostic::warning(
                "unknown-entry-into-force",
                self.src,
                h.id.span,
                t!("rule-unknown-entry-into-force"),
            )
            .with_label(t!("rule-unknown-entry-into-force-label"))
            .with_help(t!("rule-unknown-entry-into-force-help"));
            self.err(d);
        }
        Some(Meta {
            loc: self.loc(h.span),
            id: h.id.text.clone(),
            title: m.title.unwrap_or_default(),
            instrument: m.instrument,
            jurisdiction: m.jurisdiction.unwrap_or_default(),
            level: m.level.unwrap_or(ast::Level::City),
            status: m.status.unwrap_or(ast::Status::Draft),
            adopted: m.adopted,
            approved: m.approved,
            in_force: m.in_force,
            repealed_on: m.repealed_on,
            retroactive_from: m.retroactive_from,
            repeals: m.repeals,
            self_name: m.self_name.unwrap_or_else(|| "本条例".into()),
        })
    }

    fn date(&mut self, d: &ast::MaybeDate) -> Option<String> {
        let s = d.date.as_ref()?;
        if !valid_date(s) {
            let e = self
                .error("invalid-date", d.span, t!("rule-invalid-date", date = s))
                .with_label(t!("rule-invalid-date-label"));
            self.err(e);
            return None;
        }
        Some(s.clone())
    }

    fn collect_article(&mut self, a: &'a ast::Article) {
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
    fn unreviewed_summary(&mut self) {
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

    fn article_out(
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
                        eid,
                        cite,
                        label: it.label.clone(),
                        text: it.text.value.clone(),
                    }
                })
                .collect();
            paragraphs.push(ParagraphOut {
                eid,
                cite,
                text: text.value.clone(),
                items,
            });
        }
        Some(ArticleOut {
            eid: format!("art_{n}"),
            cite: self.article_cite(n),
            number: n,
            chapter,
            section,
            kind,
            text: lines.join("\n"),
            paragraphs,
            loc: self.loc(info.ast.number.span),
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

    // ───────────────────────────── selectors ─────────────────────────────

    fn selector(&mut self, s: &ast::Selector, want: &[Kind]) -> Option<SelectorOut> {
        match s {
            ast::Selector::SelfUnit(_) => Some(SelectorOut {
                self_unit: true,
                ..SelectorOut::default()
            }),
            ast::Selector::Unspecified(_) => Some(SelectorOut {
                unspecified: true,
                ..SelectorOut::default()
            }),
            ast::Selector::Term {
                relation,
                levels,
                term,
                except,
                ..
            } => match self.lex.resolve(self.src, term, want) {
                Ok(t) => Some(SelectorOut {
                    relation: *relation,
                    levels: levels.clone(),
                    term: t.name.clone(),
                    is_role: t.is(Kind::Role),
                    except: except
                        .iter()
                        .filter_map(|e| {
                            let x = self.term(e, Kind::Actor)?;
                            if !t.is(Kind::Role) && !self.lex.ancestors(&x).contains(&t.name) {
                                let d = Diagnostic::warning(
                                    "except-not-a-kind",
                                    self.src,
                                    e.span,
                                    t!("rule-except-not-a-kind", kind = &x, term = &t.name),
                                )
                                .with_label(t!("rule-except-not-a-kind-label"))
                                .with_help(t!("rule-except-not-a-kind-help"));
                                self.diags.push(d);
                            }
                            Some(x)
                        })
                        .collect(),
                    ..SelectorOut::default()
                }),
                Err(e) => {
                    self.err(e);
                    None
                }
            },
        }
    }

    fn selectors(&mut self, list: &[ast::Selector]) -> Vec<SelectorOut> {
        list.iter()
            .filter_map(|s| self.selector(s, &[Kind::Actor, Kind::Role]))
            .collect()
    }

    fn term(&mut self, name: &Name, want: Kind) -> Option<String> {
        match self.lex.resolve(self.src, name, &[want]) {
            Ok(t) => Some(t.name.clone()),
            Err(e) => {
                self.err(e);
                None
            }
        }
    }

    // ───────────────────────────── nodes ─────────────────────────────

    fn push(&mut self, node: Node) -> NodeId {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    fn cond(&mut self, c: Cond) -> NodeId {
        if let Some(id) = self.memo.get(&c) {
            return *id;
        }
        let id = self.push(Node::Cond { op: c.clone() });
        self.memo.insert(c, id);
        id
    }

    fn fact_node(&mut self, name: &str, ty: &FactTy) -> NodeId {
        if let Some(id) = self.facts.get(name) {
            return *id;
        }
        let id = self.push(Node::Fact {
            name: name.to_string(),
            ty: ty.clone(),
        });
        self.facts.insert(name.to_string(), id);
        id
    }

    // ───────────────────────────── norms ─────────────────────────────

    fn lower_norm(&mut self, key: &str) -> Option<NodeId> {
        let decl = self.norms.get(key)?;
        let (article, n) = (decl.article, decl.ast);
        match decl.state {
            State::Done(id) => return id,
            State::InProgress => {
                let d = self
                    .error(
                        "reference-cycle",
                        n.name.span,
                        t!("rule-norm-cycle", name = &n.name.text),
                    )
                    .with_label(t!("rule-norm-cycle-label"))
                    .with_help(t!("rule-norm-cycle-help"));
                self.err(d);
                return None;
            }
            State::Todo => {}
        }
        self.set_norm_state(key, State::InProgress);
        let id = self.build_norm(article, n);
        self.set_norm_state(key, State::Done(id));
        id
    }

    fn set_norm_state(&mut self, key: &str, s: State) {
        if let Some(d) = self.norms.get_mut(key) {
            d.state = s;
        }
    }

    fn set_cons_state(&mut self, key: &str, s: State) {
        if let Some(d) = self.cons.get_mut(key) {
            d.state = s;
        }
    }

    fn build_norm(&mut self, article: u32, n: &'a ast::Norm) -> Option<NodeId> {
        use ast::NormItem as I;
        let errors_before = self.diags.len();
        let (eid, cite) = self.anchor(article, n.anchor.as_ref());
        let mut subjects: Option<Vec<SelectorOut>> = None;
        let mut recipients = Vec::new();
        let mut recipients_any = false;
        let mut trigger: Option<TriggerOut> = None;
        let mut condition = None;
        let mut unless = None;
        let mut modal: Option<(ast::Modality, String)> = None;
        let mut deadline: Option<&ast::Deadline> = None;
        let mut overrides = Vec::new();
        let mut fallback = None;
        let mut seen: IndexMap<&'static str, Span> = IndexMap::new();
        let was_in_norm = std::mem::replace(&mut self.in_norm, true);
        // `E.属性` in the norm's conditions reads the occurrence that opened the
        // instance: its trigger, or the event its period is counted from.
        let mut instance_events = Vec::new();
        for item in &n.items {
            match item {
                I::On(t, _) => instance_events.extend(self.trigger_event_names(t)),
                I::Deadline(ast::Deadline {
                    kind:
                        ast::DeadlineKind::Period {
                            anchor: Some(a), ..
                        },
                    ..
                }) => {
                    if let Some(t) = self.lex.lookup(&a.event.text) {
                        instance_events.push(t.name.clone());
                    }
                }
                _ => {}
            }
        }
        let outer_events = std::mem::replace(&mut self.instance_events, instance_events);
        for item in &n.items {
            let (key, span) = match item {
                I::Comment(_) => continue,
                I::Subject(s, sp) => {
                    subjects = Some(self.selectors(s));
                    ("主体", *sp)
                }
                I::To {
                    recipients: r,
                    any,
                    span: sp,
                } => {
                    recipients = self.selectors(r);
                    recipients_any = *any;
                    ("向", *sp)
                }
                I::On(t, sp) => {
                    trigger = self.trigger(t);
                    ("触发", *sp)
                }
                I::When(e, sp) => {
                    condition = self.expr(e);
                    ("当", *sp)
                }
                I::Unless(e, sp) => {
                    unless = self.expr(e);
                    ("除非", *sp)
                }
                I::Modal {
                    modality,
                    action,
                    span,
                } => {
                    if let Some(a) = self.term(action, Kind::Action) {
                        modal = Some((*modality, a));
                    }
                    ("modality", *span)
                }
                I::Deadline(d) => {
                    deadline = Some(d);
                    ("期限", d.span)
                }
                I::Overrides(refs, sp) => {
                    for r in refs {
                        overrides.extend(self.norm_ref(r));
                    }
                    ("优先于", *sp)
                }
                I::Fallback(r, sp) => {
                    fallback = self.norm_ref(r).into_iter().next();
                    ("不能履行时替代", *sp)
                }
            };
            if let Some(prev) = seen.get(key) {
                let message = if key == "modality" {
                    t!("rule-norm-duplicate-modality")
                } else {
                    t!("rule-norm-duplicate-statement", key = key)
                };
                let d = self
                    .error("duplicate-statement", span, message)
                    .with_label(t!("rule-second"))
                    .with_related(self.src, *prev, t!("rule-first"))
                    .with_help(t!("rule-norm-duplicate-statement-help"));
                self.err(d);
            } else {
                seen.insert(key, span);
            }
        }
        self.in_norm = was_in_norm;
        self.instance_events = outer_events;
        if !seen.contains_key("主体") {
            let d = self
                .error(
                    "missing-subject",
                    n.name.span,
                    t!("rule-missing-subject", name = &n.name.text),
                )
                .with_label(t!("rule-missing-subject-label"))
                .with_help(t!("rule-missing-subject-help"));
            self.err(d);
        }
        if !seen.contains_key("modality") {
            let d = self
                .error(
                    "missing-modality",
                    n.name.span,
                    t!("rule-missing-modality", name = &n.name.text),
                )
                .with_label(t!("rule-missing-modality-label"))
                .with_help(t!("rule-missing-modality-help"));
            self.err(d);
        }
        let deadline = deadline.and_then(|d| self.deadline(d, trigger.as_ref()));
        if self.errors_since(errors_before) {
            return None;
        }
        let (modality, action) = modal?;
        let node = NormNode {
            name: n.name.text.clone(),
            eid,
            cite,
            article,
            modality,
            class: modality.class(),
            subjects: subjects.unwrap_or_default(),
            recipients,
            recipients_any,
            action,
            trigger,
            condition,
            unless,
            deadline,
            overrides,
            fallback_for: fallback,
            loc: self.loc(n.name.span),
        };
        Some(self.push(Node::Norm(Box::new(node))))
    }

    /// Whether an error was reported after the first `mark` diagnostics (only
    /// the new ones are looked at: counting them all per norm was quadratic).
    fn errors_since(&self, mark: usize) -> bool {
        self.diags
            .get(mark..)
            .is_some_and(|new| new.iter().any(Diagnostic::is_error))
    }

    /// The canonical event types a trigger names (for `E.属性`; unknown names are
    /// reported when the trigger itself is lowered).
    fn trigger_event_names(&self, t: &ast::Trigger) -> Vec<String> {
        let names: Vec<&Name> = match t {
            ast::Trigger::Event(p) | ast::Trigger::PeriodEnd { pattern: p, .. } => {
                p.events.iter().collect()
            }
            ast::Trigger::Overdue { event, .. } => vec![event],
        };
        names
            .into_iter()
            .filter_map(|n| self.lex.lookup(&n.text).map(|t| t.name.clone()))
            .collect()
    }

    fn trigger(&mut self, t: &ast::Trigger) -> Option<TriggerOut> {
        Some(match t {
            ast::Trigger::Event(p) => TriggerOut::Event {
                pattern: self.event_pattern(p)?,
            },
            ast::Trigger::PeriodEnd {
                pattern, period, ..
            } => TriggerOut::PeriodEnd {
                pattern: {
                    // Without a stated period, each occurrence's own deadline ends it.
                    if period.is_none() {
                        for e in &pattern.events {
                            self.deadline_event(e)?;
                        }
                    }
                    self.event_pattern(pattern)?
                },
                period: period.map(|d| PeriodOut {
                    amount: d.amount,
                    unit: d.unit,
                }),
            },
            ast::Trigger::Overdue { event, remedy, .. } => {
                let event = self.deadline_event(event)?;
                TriggerOut::Overdue {
                    event,
                    remedy: self.term(remedy, Kind::Action)?,
                }
            }
        })
    }

    /// The attributes an event type declares (a sanction's `deadline` included).
    fn event_attrs(&self, canonical: &str) -> IndexMap<String, FactTy> {
        match self.lex.lookup(canonical).map(|t| &t.kind) {
            Some(TermKind::Event { attrs }) => attrs.clone(),
            Some(TermKind::Sanction { sets_period, .. }) if *sets_period => {
                IndexMap::from([("deadline".to_string(), FactTy::Date)])
            }
            _ => IndexMap::new(),
        }
    }

    /// `E、F【属性 = 值】`: every event type known, every attribute declared by each
    /// of them, every value of the attribute's type.
    fn event_pattern(&mut self, p: &ast::EventPattern) -> Option<EventPatternOut> {
        let mut events = Vec::new();
        let mut ok = true;
        for e in &p.events {
            match self.term(e, Kind::Event) {
                Some(t) => {
                    if !events.contains(&t) {
                        events.push(t)
                    }
                }
                None => ok = false,
            }
        }
        if !ok {
            return None;
        }
        let mut filter = Vec::new();
        for t in &p.filter {
            let mut ty: Option<FactTy> = None;
            let mut attr_name = t.attr.text.clone();
            for e in &events {
                let attrs = self.event_attrs(e);
                match attrs.iter().find(|(k, _)| fold_case(k) == t.attr.key()) {
                    Some((k, aty)) => {
                        attr_name = k.clone();
                        ty = Some(aty.clone());
                    }
                    None => {
                        let declared: Vec<&str> = attrs.keys().map(String::as_str).collect();
                        let help = match tiaoli_syntax::diag::did_you_mean(
                            &t.attr.text,
                            declared.iter().copied(),
                        ) {
                            Some(x) => t!("did-you-mean", name = x),
                            None if declared.is_empty() => t!(
                                "rule-declare-attribute-enum",
                                event = e,
                                attr = &t.attr.text
                            ),
                            None => t!(
                                "rule-attributes-are",
                                event = e,
                                attrs = declared.join("、")
                            ),
                        };
                        let d = self
                            .error(
                                "unknown-attribute",
                                t.attr.span,
                                t!("rule-unknown-attribute", event = e, attr = &t.attr.text),
                            )
                            .with_label(t!("rule-unknown-attribute-label"))
                            .with_help(help);
                        self.err(d);
                        ok = false;
                    }
                }
            }
            let Some(ty) = ty else {
                continue;
            };
            match &t.test {
                Some((op, v)) => {
                    if let Some(value) = self.literal(&attr_name, &ty, *op, v, t.span) {
                        filter.push(AttrFilter {
                            attr: attr_name,
                            cmp: *op,
                            value,
                        });
                    } else {
                        ok = false;
                    }
                }
                None if ty == FactTy::Bool => filter.push(AttrFilter {
                    attr: attr_name,
                    cmp: ast::CmpOp::Eq,
                    value: Literal::Bool(true),
                }),
                None => {
                    let d = self
                        .error(
                            "type-mismatch",
                            t.span,
                            t!("rule-attribute-not-yes-no", attr = &attr_name),
                        )
                        .with_label(t!("rule-attribute-of-type", ty = ty_name(&ty)))
                        .with_help(t!("rule-compare-attribute", attr = &attr_name));
                    self.err(d);
                    ok = false;
                }
            }
        }
        ok.then_some(EventPatternOut { events, filter })
    }

    /// An event that carries a deadline (a sanction declared 附期限, or an event with
    /// a 期限/deadline attribute): what 逾期 reads.
    fn deadline_event(&mut self, event: &Name) -> Option<String> {
        let t = self
            .lex
            .resolve(self.src, event, &[Kind::Event])
            .map_err(|e| self.err(e))
            .ok()?;
        let has_deadline = match &t.kind {
            TermKind::Sanction { sets_period, .. } => *sets_period,
            TermKind::Event { attrs } => attrs.keys().any(|k| k == "期限" || k == "deadline"),
            _ => false,
        };
        let ev = t.name.clone();
        if !has_deadline {
            let d = self
                .error(
                    "no-deadline-event",
                    event.span,
                    t!("rule-no-deadline-event", event = &ev),
                )
                .with_label(t!("rule-no-deadline-event-label"))
                .with_help(t!("rule-no-deadline-event-help"));
            self.err(d);
            return None;
        }
        Some(ev)
    }

    fn deadline(&mut self, d: &ast::Deadline, trigger: Option<&TriggerOut>) -> Option<DeadlineOut> {
        use ast::DeadlineKind as K;
        Some(match &d.kind {
            K::Vague(v) => DeadlineOut::Vague { word: *v },
            K::Periodic(p) => DeadlineOut::Periodic { period: *p },
            K::ByOrder(e) => DeadlineOut::ByOrder {
                event: match e {
                    Some(e) => Some(self.term(e, Kind::Event)?),
                    None => None,
                },
            },
            K::Period { duration, anchor } => {
                let (direction, anchor, anchor_attr) = match (anchor, trigger) {
                    (Some(a), _) => {
                        let ev = self.term(&a.event, Kind::Event)?;
                        let attr = match &a.attr {
                            None => None,
                            Some(attr) => {
                                let attrs = self.event_attrs(&ev);
                                match attrs.iter().find(|(k, _)| fold_case(k) == attr.key()) {
                                    Some((k, FactTy::Date)) => Some(k.clone()),
                                    Some((k, ty)) => {
                                        let e = self
                                            .error(
                                                "type-mismatch",
                                                attr.span,
                                                t!(
                                                    "rule-period-from-non-date",
                                                    attr = k,
                                                    ty = ty_name(ty)
                                                ),
                                            )
                                            .with_label(t!("rule-not-a-date"));
                                        self.err(e);
                                        return None;
                                    }
                                    None => {
                                        let e = self
                                            .error(
                                                "unknown-attribute",
                                                attr.span,
                                                t!(
                                                    "rule-unknown-attribute",
                                                    event = &ev,
                                                    attr = &attr.text
                                                ),
                                            )
                                            .with_label(t!("rule-unknown-attribute-label"))
                                            .with_help(t!(
                                                "rule-declare-attribute-date",
                                                event = &ev,
                                                attr = &attr.text
                                            ));
                                        self.err(e);
                                        return None;
                                    }
                                }
                            }
                        };
                        (a.direction, ev, attr)
                    }
                    (None, Some(t)) => (
                        ast::Direction::After,
                        t.events()
                            .first()
                            .map(|e| e.to_string())
                            .unwrap_or_default(),
                        None,
                    ),
                    (None, None) => {
                        let e = self
                            .error(
                                "deadline-without-anchor",
                                d.span,
                                t!(
                                    "rule-deadline-without-anchor",
                                    amount = duration.amount,
                                    unit = duration.unit.zh()
                                ),
                            )
                            .with_label(t!("rule-deadline-without-anchor-label"))
                            .with_help(t!("rule-deadline-without-anchor-help"));
                        self.err(e);
                        return None;
                    }
                };
                DeadlineOut::Period {
                    amount: duration.amount,
                    unit: duration.unit,
                    direction,
                    anchor,
                    anchor_attr,
                }
            }
        })
    }

    /// A reference to norms: by name, by article (all its norms), or both.
    fn norm_ref(&mut self, r: &ast::NormRef) -> Vec<NodeId> {
        let keys: Vec<String> = match (&r.article, &r.name) {
            (_, Some(name)) => {
                let key = name.key();
                let found = self.norms.get(&key).map(|d| d.article);
                match (found, r.article) {
                    (Some(a), Some(art)) if a != art.value => {
                        let d = self
                            .error(
                                "unknown-reference",
                                r.span,
                                t!(
                                    "rule-norm-in-other-article",
                                    name = &name.text,
                                    article = self.article_cite(a),
                                    given = self.article_cite(art.value)
                                ),
                            )
                            .with_label(t!("rule-wrong-article"));
                        self.err(d);
                        return vec![];
                    }
                    (Some(_), _) => vec![key],
                    (None, _) => {
                        let cands: Vec<&str> = self
                            .norms
                            .values()
                            .map(|d| d.ast.name.text.as_str())
                            .collect();
                        let help = tiaoli_syntax::diag::did_you_mean(&name.text, cands)
                            .map(|s| t!("did-you-mean", name = s))
                            .unwrap_or_else(|| t!("rule-unknown-norm-help"));
                        let d = self
                            .error(
                                "unknown-reference",
                                name.span,
                                t!("rule-unknown-norm", name = &name.text),
                            )
                            .with_label(t!("rule-unknown-norm-label"))
                            .with_help(help);
                        self.err(d);
                        return vec![];
                    }
                }
            }
            (Some(art), None) => match self.articles.get(&art.value) {
                Some(info) if !info.norms.is_empty() => info.norms.clone(),
                Some(_) => {
                    let d = self
                        .error(
                            "unknown-reference",
                            art.span,
                            t!(
                                "rule-article-no-norm",
                                article = self.article_cite(art.value)
                            ),
                        )
                        .with_label(t!("rule-nothing-to-refer-to"));
                    self.err(d);
                    return vec![];
                }
                None => {
                    self.unknown_article(art);
                    return vec![];
                }
            },
            (None, None) => return vec![],
        };
        keys.iter().filter_map(|k| self.lower_norm(k)).collect()
    }

    fn unknown_article(&mut self, art: &ast::Numeral) {
        let max = self.articles.keys().max().copied().unwrap_or(0);
        let d = self
            .error(
                "unknown-article",
                art.span,
                t!(
                    "rule-unknown-article",
                    article = self.article_cite(art.value)
                ),
            )
            .with_label(t!("rule-unknown-article-label"))
            .with_help(if max <= 1 {
                t!("rule-only-article", article = self.article_cite(1))
            } else {
                t!(
                    "rule-articles-range",
                    first = self.article_cite(1),
                    last = self.article_cite(max)
                )
            });
        self.err(d);
    }

    // ───────────────────────────── conditions ─────────────────────────────

    fn expr(&mut self, e: &Expr) -> Option<NodeId> {
        match e {
            Expr::Or(parts, _) | Expr::And(parts, _) => {
                let args: Vec<Option<NodeId>> = parts.iter().map(|p| self.expr(p)).collect();
                let args: Vec<NodeId> = args.into_iter().collect::<Option<_>>()?;
                Some(self.cond(if matches!(e, Expr::Or(..)) {
                    Cond::Or { args }
                } else {
                    Cond::And { args }
                }))
            }
            Expr::Not(inner, _) => {
                let arg = self.expr(inner)?;
                Some(self.cond(Cond::Not { arg }))
            }
            Expr::Paren(inner, _) => self.expr(inner),
            Expr::Fact(name) => {
                let t = self
                    .lex
                    .resolve(self.src, name, &[Kind::Fact])
                    .map_err(|e| self.err(e))
                    .ok()?;
                let TermKind::Fact(ty) = &t.kind else {
                    return None;
                };
                let (tname, ty) = (t.name.clone(), ty.clone());
                if ty != FactTy::Bool {
                    let hint = match &ty {
                        FactTy::Enum { values } => t!(
                            "rule-compare-fact-enum",
                            fact = &tname,
                            value = values.first().cloned().unwrap_or_default()
                        ),
                        FactTy::Number => t!("rule-compare-fact-number", fact = &tname),
                        _ => t!("rule-compare-fact-date", fact = &tname),
                    };
                    let d = self
                        .error(
                            "type-mismatch",
                            name.span,
                            t!("rule-fact-not-yes-no", fact = &tname),
                        )
                        .with_label(t!("rule-fact-of-type", ty = ty_name(&ty)))
                        .with_help(hint);
                    self.err(d);
                    return None;
                }
                let fact = self.fact_node(&tname, &ty);
                Some(self.cond(Cond::IsTrue { fact }))
            }
            Expr::Cmp {
                fact,
                op,
                value,
                span,
            } => {
                let t = self
                    .lex
                    .resolve(self.src, fact, &[Kind::Fact])
                    .map_err(|e| self.err(e))
                    .ok()?;
                let TermKind::Fact(ty) = &t.kind else {
                    return None;
                };
                let (tname, ty) = (t.name.clone(), ty.clone());
                let lit = self.literal(&tname, &ty, *op, value, *span)?;
                let f = self.fact_node(&tname, &ty);
                Some(self.cond(Cond::Compare {
                    fact: f,
                    cmp: *op,
                    value: lit,
                }))
            }
            Expr::Occurred {
                pattern, window, ..
            } => {
                let pattern = self.event_pattern(pattern)?;
                Some(self.cond(Cond::Occurred {
                    pattern,
                    within: window.map(lower_window),
                }))
            }
            Expr::Count {
                pattern,
                window,
                op,
                n,
                ..
            } => {
                let pattern = self.event_pattern(pattern)?;
                Some(self.cond(Cond::Count {
                    pattern,
                    within: window.map(lower_window),
                    cmp: *op,
                    n: *n,
                }))
            }
            Expr::Violated(ast::Violation::This(s), window, span) => {
                if self.in_norm {
                    let d = self
                        .error(
                            "misplaced-violation",
                            *span,
                            t!("rule-misplaced-violation", name = &s.spelling),
                        )
                        .with_label(t!("rule-misplaced-violation-label"))
                        .with_help(t!("rule-misplaced-violation-help"));
                    self.err(d);
                    return None;
                }
                Some(self.cond(Cond::ViolatedAny {
                    within: window.map(lower_window),
                }))
            }
            Expr::Violated(ast::Violation::Norm(r), window, span) => {
                let ids = self.norm_ref(r);
                let mut args = Vec::new();
                for id in ids {
                    if let Some(Node::Norm(n)) = self.nodes.get(id) {
                        if matches!(
                            n.class,
                            ast::ModalityClass::Permission | ast::ModalityClass::Encouragement
                        ) {
                            let d = self
                                .error(
                                    "not-violable",
                                    *span,
                                    t!(
                                        "rule-not-violable",
                                        name = &n.name,
                                        modality = n.modality.zh(),
                                        class = class_name(n.class)
                                    ),
                                )
                                .with_label(t!("rule-not-violable-label"));
                            self.err(d);
                            continue;
                        }
                    }
                    args.push(self.cond(Cond::Violated {
                        norm: id,
                        within: window.map(lower_window),
                    }));
                }
                match args.len() {
                    0 => None,
                    1 => args.into_iter().next(),
                    _ => Some(self.cond(Cond::Or { args })),
                }
            }
            Expr::Overdue {
                event,
                remedy,
                window,
                ..
            } => {
                let ev = self.deadline_event(event)?;
                let remedy = self.term(remedy, Kind::Action)?;
                Some(self.cond(Cond::Overdue {
                    event: ev,
                    remedy,
                    within: window.map(lower_window),
                }))
            }
            Expr::Attr { target, test, span } => {
                let ev = self.term(&target.event, Kind::Event)?;
                if !self.instance_events.contains(&ev) {
                    let d = self
                        .error(
                            "attribute-outside-instance",
                            target.span,
                            t!(
                                "rule-attribute-outside-instance",
                                event = &target.event.text,
                                attr = &target.attr.text,
                                canonical = &ev
                            ),
                        )
                        .with_label(t!("rule-attribute-outside-instance-label"))
                        .with_help(t!(
                            "rule-attribute-outside-instance-help",
                            event = &ev,
                            attr = &target.attr.text
                        ));
                    self.err(d);
                    return None;
                }
                let attrs = self.event_attrs(&ev);
                let Some((attr, ty)) = attrs
                    .iter()
                    .find(|(k, _)| fold_case(k) == target.attr.key())
                    .map(|(k, t)| (k.clone(), t.clone()))
                else {
                    let d = self
                        .error(
                            "unknown-attribute",
                            target.attr.span,
                            t!(
                                "rule-unknown-attribute",
                                event = &ev,
                                attr = &target.attr.text
                            ),
                        )
                        .with_label(t!("rule-unknown-attribute-label"));
                    self.err(d);
                    return None;
                };
                let (cmp, value) = match test {
                    Some((op, v)) => (*op, self.literal(&attr, &ty, *op, v, *span)?),
                    None if ty == FactTy::Bool => (ast::CmpOp::Eq, Literal::Bool(true)),
                    None => {
                        let d = self
                            .error(
                                "type-mismatch",
                                *span,
                                t!("rule-attribute-not-yes-no", attr = &attr),
                            )
                            .with_label(t!("rule-attribute-of-type", ty = ty_name(&ty)));
                        self.err(d);
                        return None;
                    }
                };
                Some(self.cond(Cond::TriggerAttr {
                    event: ev,
                    attr,
                    cmp,
                    value,
                }))
            }
            Expr::Meets(art, window, _) => {
                let Some(info) = self.articles.get(&art.value) else {
                    self.unknown_article(art);
                    return None;
                };
                let keys = info.cons.clone();
                if keys.is_empty() {
                    let d = self
                        .error(
                            "unknown-reference",
                            art.span,
                            t!(
                                "rule-article-no-consequence",
                                article = self.article_cite(art.value)
                            ),
                        )
                        .with_label(t!("rule-article-no-consequence-label"));
                    self.err(d);
                    return None;
                }
                let consequences: Vec<NodeId> = keys
                    .iter()
                    .filter_map(|k| self.lower_consequence(k))
                    .collect();
                if consequences.is_empty() {
                    return None;
                }
                Some(self.cond(Cond::Meets {
                    consequences,
                    within: window.map(lower_window),
                }))
            }
        }
    }

    fn literal(
        &mut self,
        fact: &str,
        ty: &FactTy,
        op: ast::CmpOp,
        v: &ast::Value,
        span: Span,
    ) -> Option<Literal> {
        use ast::Value as V;
        let ordered = !matches!(op, ast::CmpOp::Eq | ast::CmpOp::Ne);
        let lit = match (ty, v) {
            (FactTy::Bool, V::Bool(b, _)) if !ordered => Literal::Bool(*b),
            (FactTy::Number, V::Number(n, _)) => Literal::Number(*n),
            (FactTy::Date, V::Date(d, vs)) => {
                if !valid_date(d) {
                    let e = self
                        .error("invalid-date", *vs, t!("rule-invalid-date", date = d))
                        .with_label(t!("rule-invalid-date-label"));
                    self.err(e);
                    return None;
                }
                Literal::Date(d.clone())
            }
            (FactTy::Enum { values }, V::Term(n)) if !ordered => {
                match values.iter().find(|x| fold_case(x) == n.key()) {
                    Some(x) => Literal::Enum(x.clone()),
                    None => {
                        let help = match tiaoli_syntax::diag::did_you_mean(
                            &n.text,
                            values.iter().map(String::as_str),
                        ) {
                            Some(s) => t!(
                                "rule-values-are-did-you-mean",
                                name = s,
                                values = values.join("、")
                            ),
                            None => t!("rule-values-are", values = values.join("、")),
                        };
                        let d = self
                            .error(
                                "type-mismatch",
                                n.span,
                                t!("rule-not-a-value", value = &n.text, fact = fact),
                            )
                            .with_label(t!("rule-not-a-value-label"))
                            .with_help(help);
                        self.err(d);
                        return None;
                    }
                }
            }
            _ => {
                let what = match v {
                    V::Bool(..) => t!("rule-value-bool"),
                    V::Number(..) => t!("rule-value-number"),
                    V::Date(..) => t!("rule-value-date"),
                    V::Term(_) => t!("rule-value-term"),
                };
                let msg = if ordered && matches!(ty, FactTy::Bool | FactTy::Enum { .. }) {
                    t!("rule-fact-not-ordered", fact = fact, ty = ty_name(ty))
                } else {
                    t!(
                        "rule-fact-compared-with",
                        fact = fact,
                        ty = ty_name(ty),
                        what = what
                    )
                };
                let d = self
                    .error("type-mismatch", span, msg)
                    .with_label(t!("rule-types-do-not-match"));
                self.err(d);
                return None;
            }
        };
        Some(lit)
    }

    // ───────────────────────────── consequences ─────────────────────────────

    fn lower_consequence(&mut self, key: &str) -> Option<NodeId> {
        let decl = self.cons.get(key)?;
        let (article, c) = (decl.article, decl.ast);
        match decl.state {
            State::Done(id) => return id,
            State::InProgress => {
                let d = self
                    .error(
                        "reference-cycle",
                        c.name.span,
                        t!("rule-consequence-cycle", name = &c.name.text),
                    )
                    .with_label(t!("rule-consequence-cycle-label"))
                    .with_help(t!("rule-consequence-cycle-help"));
                self.err(d);
                return None;
            }
            State::Todo => {}
        }
        self.set_cons_state(key, State::InProgress);
        let id = self.build_consequence(article, c);
        self.set_cons_state(key, State::Done(id));
        id
    }

    fn build_consequence(&mut self, article: u32, c: &'a ast::Consequence) -> Option<NodeId> {
        use ast::ConsequenceItem as I;
        let errors_before = self.diags.len();
        let (eid, cite) = self.anchor(article, c.anchor.as_ref());
        let mut applies_to = Vec::new();
        let mut grounds: Option<(GroundMode, Vec<GroundOut>)> = None;
        let mut authority: Vec<SelectorOut> = Vec::new();
        let mut targets: Vec<String> = Vec::new();
        let mut imposes: Vec<&ast::Impose> = Vec::new();
        let mut seen: IndexMap<&'static str, Span> = IndexMap::new();
        for item in &c.items {
            let (key, span) = match item {
                I::Comment(_) => continue,
                I::AppliesTo(s, sp) => {
                    applies_to = self.selectors(s);
                    ("对象", *sp)
                }
                I::Grounds(g) => {
                    grounds = self.grounds(article, g, &eid, &cite);
                    let sp = match g {
                        ast::Grounds::Block { span, .. } | ast::Grounds::Expr(_, span) => *span,
                    };
                    ("情形", sp)
                }
                I::By(s, sp) => {
                    authority = self.selectors(s);
                    ("由", *sp)
                }
                I::Against(t, sp) => {
                    targets = self.targets(t);
                    ("对", *sp)
                }
                I::Impose(i) => {
                    imposes.push(i);
                    continue;
                }
            };
            if let Some(prev) = seen.get(key) {
                let d = self
                    .error(
                        "duplicate-statement",
                        span,
                        t!("rule-consequence-duplicate-statement", key = key),
                    )
                    .with_label(t!("rule-second"))
                    .with_related(self.src, *prev, t!("rule-first"));
                self.err(d);
            } else {
                seen.insert(key, span);
            }
        }
        if !seen.contains_key("情形") {
            let d = self
                .error(
                    "missing-grounds",
                    c.name.span,
                    t!("rule-missing-grounds", name = &c.name.text),
                )
                .with_label(t!("rule-missing-grounds-label"))
                .with_help(t!("rule-missing-grounds-help"));
            self.err(d);
        }
        if imposes.is_empty() {
            let d = self
                .error(
                    "missing-sanction",
                    c.name.span,
                    t!("rule-missing-sanction", name = &c.name.text),
                )
                .with_label(t!("rule-missing-sanction-label"))
                .with_help(t!("rule-missing-sanction-help"));
            self.err(d);
        }
        let mut sanctions = Vec::new();
        for imp in imposes {
            if let Some(s) = self.sanction_clause(imp, &authority, &targets) {
                sanctions.push(s);
            }
        }
        if self.errors_since(errors_before) {
            return None;
        }
        let (mode, grounds) = grounds?;
        let ids: Vec<NodeId> = grounds.iter().map(|g| g.cond).collect();
        let condition = match (ids.len(), mode) {
            (1, _) => *ids.first()?,
            (_, GroundMode::Any) => self.cond(Cond::Or { args: ids }),
            (_, GroundMode::All) => self.cond(Cond::And { args: ids }),
        };
        let node = ConsequenceNode {
            name: c.name.text.clone(),
            eid,
            cite,
            article,
            applies_to,
            mode,
            grounds,
            condition,
            sanctions,
            loc: self.loc(c.name.span),
        };
        Some(self.push(Node::Consequence(Box::new(node))))
    }

    fn grounds(
        &mut self,
        article: u32,
        g: &ast::Grounds,
        eid: &str,
        cite: &str,
    ) -> Option<(GroundMode, Vec<GroundOut>)> {
        match g {
            ast::Grounds::Expr(e, _) => {
                let cond = self.expr(e)?;
                Some((
                    GroundMode::Any,
                    vec![GroundOut {
                        eid: eid.to_string(),
                        cite: cite.to_string(),
                        cond,
                    }],
                ))
            }
            ast::Grounds::Block {
                mode,
                entries,
                span,
            } => {
                let mut out = Vec::new();
                let mut ok = true;
                for entry in entries {
                    let ast::GroundEntry::Ground { anchor, expr, .. } = entry else {
                        continue;
                    };
                    let (geid, gcite) = match anchor {
                        Some(a) => self.anchor(article, Some(a)),
                        None => (eid.to_string(), cite.to_string()),
                    };
                    match self.expr(expr) {
                        Some(cond) => out.push(GroundOut {
                            eid: geid,
                            cite: gcite,
                            cond,
                        }),
                        None => ok = false,
                    }
                }
                if out.is_empty() && ok {
                    let d = self
                        .error("missing-grounds", *span, t!("rule-empty-grounds"))
                        .with_label(t!("rule-empty-grounds-label"));
                    self.err(d);
                    return None;
                }
                let mode = match mode {
                    ast::GroundMode::Any => GroundMode::Any,
                    ast::GroundMode::All => GroundMode::All,
                };
                ok.then_some((mode, out))
            }
        }
    }

    fn targets(&mut self, list: &[ast::Target]) -> Vec<String> {
        list.iter()
            .filter_map(|t| match t {
                ast::Target::SelfUnit(_) => Some("本单位".to_string()),
                ast::Target::Person(n) => self.term(n, Kind::Person),
            })
            .collect()
    }

    fn sanction_clause(
        &mut self,
        imp: &ast::Impose,
        authority: &[SelectorOut],
        targets: &[String],
    ) -> Option<SanctionClause> {
        let mut kinds = Vec::new();
        for s in &imp.sanctions {
            match self.lex.lookup(&s.text) {
                Some(t) => match &t.kind {
                    TermKind::Sanction { rank, .. } => kinds.push(SanctionRef {
                        name: t.name.clone(),
                        rank: *rank,
                    }),
                    other => {
                        let d = self
                            .error(
                                "unknown-sanction",
                                s.span,
                                t!(
                                    "rule-not-a-sanction",
                                    name = &s.text,
                                    kind = other.kind().describe()
                                ),
                            )
                            .with_label(t!("rule-not-a-sanction-label"))
                            .with_related(t.source, t.span, t!("rule-declared-here"));
                        self.err(d);
                    }
                },
                None => {
                    let cands: Vec<&str> = self
                        .lex
                        .terms()
                        .filter(|t| t.is(Kind::Sanction))
                        .flat_map(|t| {
                            std::iter::once(t.name.as_str())
                                .chain(t.aliases.iter().map(String::as_str))
                        })
                        .collect();
                    let help =
                        match tiaoli_syntax::diag::did_you_mean(&s.text, cands.iter().copied()) {
                            Some(x) => t!("did-you-mean", name = x),
                            None => t!("rule-unknown-sanction-help"),
                        };
                    let d = self
                        .error(
                            "unknown-sanction",
                            s.span,
                            t!("rule-unknown-sanction", name = &s.text),
                        )
                        .with_label(t!("rule-unknown-sanction-label"))
                        .with_help(help);
                    self.err(d);
                }
            }
        }
        let by = if imp.by.is_empty() {
            authority.to_vec()
        } else {
            self.selectors(&imp.by)
        };
        let tg = if imp.against.is_empty() {
            targets.to_vec()
        } else {
            self.targets(&imp.against)
        };
        let tg = if tg.is_empty() {
            vec!["本单位".to_string()]
        } else {
            tg
        };
        let condition = match &imp.when {
            Some(w) => Some(self.expr(w)?),
            None => None,
        };
        let deadline = match &imp.deadline {
            Some(d) => Some(self.deadline(d, None)?),
            None => None,
        };
        let lasting = match &imp.lasting {
            Some(l) => Some(LastingOut {
                period: PeriodOut {
                    amount: l.duration.amount,
                    unit: l.duration.unit,
                },
                from: match &l.from {
                    Some(p) => Some(self.event_pattern(p)?),
                    None => None,
                },
            }),
            None => None,
        };
        if kinds.len() != imp.sanctions.len() {
            return None;
        }
        Some(SanctionClause {
            kinds,
            choice: imp.choice,
            discretionary: imp.discretionary,
            authorities: by,
            targets: tg,
            condition,
            deadline,
            lasting,
        })
    }
}

/// Reads an inline allow: `lint: allow CODE reason` or `检查：允许 CODE 理由`.
/// Returns `None` for an ordinary comment.
pub(crate) fn parse_allow(comment: &str) -> Option<(String, String)> {
    let t = comment.trim();
    let rest = t.strip_prefix("lint").or_else(|| t.strip_prefix("检查"))?;
    let rest = rest.trim_start_matches([':', '：', ' ']);
    let rest = rest
        .strip_prefix("allow")
        .or_else(|| rest.strip_prefix("允许"))?;
    let rest = rest.trim_start_matches(['(', '（', ' ', ':', '：']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    let (code, reason) = rest.split_at(end);
    let reason = reason.trim_start_matches([')', '）', ' ', ':', '：', '—', '-', '–', ',', '，']);
    Some((code.to_string(), reason.trim().to_string()))
}

#[derive(Default)]
struct PartialMeta {
    title: Option<String>,
    instrument: Option<ast::Instrument>,
    jurisdiction: Option<String>,
    level: Option<ast::Level>,
    status: Option<ast::Status>,
    adopted: Option<String>,
    approved: Option<String>,
    in_force: Option<String>,
    repealed_on: Option<String>,
    retroactive_from: Option<String>,
    repeals: Vec<String>,
    self_name: Option<String>,
}

struct Meta {
    loc: Loc,
    id: String,
    title: String,
    instrument: Option<ast::Instrument>,
    jurisdiction: String,
    level: ast::Level,
    status: ast::Status,
    adopted: Option<String>,
    approved: Option<String>,
    in_force: Option<String>,
    repealed_on: Option<String>,
    retroactive_from: Option<String>,
    repeals: Vec<String>,
    self_name: String,
}

fn ty_name(t: &FactTy) -> String {
    match t {
        FactTy::Bool => t!("rule-type-bool"),
        FactTy::Number => t!("rule-type-number"),
        FactTy::Date => t!("rule-type-date"),
        FactTy::Enum { .. } => t!("rule-type-enum"),
    }
}

fn class_name(c: ast::ModalityClass) -> String {
    match c {
        ast::ModalityClass::Obligation => t!("rule-class-obligation"),
        ast::ModalityClass::Prohibition => t!("rule-class-prohibition"),
        ast::ModalityClass::Permission => t!("rule-class-permission"),
        ast::ModalityClass::Encouragement => t!("rule-class-encouragement"),
    }
}

fn lower_window(w: ast::Window) -> Window {
    match w {
        ast::Window::Period(d) => Window::Period {
            amount: d.amount,
            unit: d.unit,
        },
        ast::Window::Shortly(_) => Window::Shortly,
    }
}

/// `YYYY-MM-DD` naming a real day of the Gregorian calendar.
pub fn valid_date(s: &str) -> bool {
    let mut it = s.split('-');
    let (Some(y), Some(m), Some(d), None) = (it.next(), it.next(), it.next(), it.next()) else {
        return false;
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}
