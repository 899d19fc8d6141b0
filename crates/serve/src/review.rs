//! 草案审查 of an encoding: the articles' verbatim text, each check diagnostic
//! (`tiaoli check`) and lint finding (`tiaoli lint`) shown on the provision it
//! points at. A lint finding cites its provisions by eid (`art_4__para_1`);
//! a diagnostic has a span in the rule text, placed on the provision of the
//! parsed article that holds it ([`provision_at`]): the 款 or 项 whose text
//! holds it, or the provision the norm, consequence or ground it falls in is
//! anchored to (`规范 X 第二款 {`), else the article. What points at no article
//! (the header, the vocabulary, an ordinance as a whole) is listed before the
//! articles; the whole output as the CLI prints it follows them.

use maud::{html, Markup};
use tiaoli_compiler::graph::{ArticleOut, OrdinanceGraph};
use tiaoli_compiler::Compilation;
use tiaoli_lint::Report;
use tiaoli_syntax::ast::{
    Anchor, Article, ArticleItem, ConsequenceItem, GroundEntry, Grounds, Span, TopItem,
};
use tiaoli_syntax::diag::Diagnostic;

/// One finding as the page shows it.
#[derive(Clone, Debug)]
pub struct Mark {
    /// `error`, `warning` or `note` (a CSS class).
    pub severity: &'static str,
    /// 错误, 警告, 提示.
    pub label: &'static str,
    pub code: String,
    pub message: String,
    /// A finding standing for several, or a diagnostic's help.
    pub details: Vec<String>,
    /// `第3行` in the rule text, for a diagnostic.
    pub at: Option<String>,
}

/// Where a mark is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Place {
    /// An ordinance as a whole, or no article (by ordinance id, `None`: the rule text).
    Outside(Option<String>),
    /// A provision: the ordinance, the article's eid and the provision's eid.
    Provision {
        ordinance: String,
        article: String,
        eid: String,
    },
}

fn severity_of_lint(s: tiaoli_lint::Severity) -> (&'static str, &'static str) {
    match s {
        tiaoli_lint::Severity::Error => ("error", "错误"),
        tiaoli_lint::Severity::Warning => ("warning", "警告"),
        tiaoli_lint::Severity::Note => ("note", "提示"),
    }
}

/// The article of `o` that a provision's eid falls in.
fn article_of<'o>(o: &'o OrdinanceGraph, eid: &str) -> Option<&'o ArticleOut> {
    o.articles.iter().find(|a| {
        eid == a.eid
            || eid
                .strip_prefix(a.eid.as_ref())
                .is_some_and(|rest| rest.starts_with("__"))
    })
}

/// A provision of a parsed article: its paragraph (from 0) and, within the
/// paragraph, its item (from 0) — the order the compiler gives them eids in.
type At = (usize, Option<usize>);

fn holds(span: Span, pos: usize) -> bool {
    span.start <= pos && pos < span.end
}

/// The provision of `a` that position `pos` falls in: the 款 or 项 whose text
/// holds it; or, in a norm, consequence or ground anchored to a provision
/// (`第二款`, `第（六）项`), that provision, resolved as the compiler resolves an
/// anchor (an item without its paragraph is of the first). `None`: the article
/// itself (a norm with no anchor, an anchor to no provision, the article's
/// number, a comment …).
fn provision_at(a: &Article, pos: usize) -> Option<At> {
    // The paragraphs in order, each with its items' numbers; an item before
    // any paragraph has no provision (the compiler refuses it).
    let mut paras: Vec<Vec<u32>> = Vec::new();
    let mut found: Option<At> = None;
    for item in &a.items {
        match item {
            ArticleItem::Para(t) => {
                paras.push(Vec::new());
                if holds(t.span, pos) {
                    found = Some((paras.len() - 1, None));
                }
            }
            ArticleItem::Item(it) => {
                let p = paras.len().checked_sub(1);
                if let (Some(p), Some(items)) = (p, paras.last_mut()) {
                    items.push(it.number);
                    if holds(it.span, pos) {
                        found = Some((p, Some(items.len() - 1)));
                    }
                }
            }
            _ => {}
        }
    }
    if found.is_some() {
        return found;
    }
    // Anchors may name a paragraph written after the block: resolved against all of them.
    let resolve = |anchor: &Anchor| -> Option<At> {
        let para = anchor.para.map_or(1, |p| p.value).checked_sub(1)? as usize;
        let items = paras.get(para)?;
        match anchor.item {
            None => Some((para, None)),
            Some(i) => items
                .iter()
                .position(|n| *n == i.value)
                .map(|k| (para, Some(k))),
        }
    };
    for item in &a.items {
        match item {
            ArticleItem::Norm(n) if holds(n.span, pos) => {
                return n.anchor.as_ref().and_then(resolve);
            }
            ArticleItem::Consequence(c) if holds(c.span, pos) => {
                // A ground anchored on its own (第（六）项 …) is that provision.
                for ci in &c.items {
                    let ConsequenceItem::Grounds(Grounds::Block { entries, .. }) = ci else {
                        continue;
                    };
                    for e in entries {
                        if let GroundEntry::Ground {
                            anchor: Some(g),
                            span,
                            ..
                        } = e
                        {
                            if holds(*span, pos) {
                                return resolve(g);
                            }
                        }
                    }
                }
                return c.anchor.as_ref().and_then(resolve);
            }
            _ => {}
        }
    }
    None
}

/// Where a diagnostic's position falls: the parsed article whose span holds
/// it, found in the graph by its file and number, and the eid of the provision
/// within it ([`provision_at`]; the article's own eid when in none).
fn place_of(c: &Compilation, d: &Diagnostic) -> Option<Place> {
    let (_, file) = c.files.iter().find(|(id, _)| *id == d.source)?;
    let parsed = file.items.iter().find_map(|i| match i {
        TopItem::Article(a) if holds(a.span, d.span.start) => Some(a),
        _ => None,
    })?;
    let name = c.sources.name(d.source);
    let (o, a) = c.graph.ordinances.iter().find_map(|o| {
        o.articles
            .iter()
            .find(|a| a.number == parsed.number.value && a.loc.file == name)
            .map(|a| (o, a))
    })?;
    let eid = provision_at(parsed, d.span.start)
        .and_then(|(p, i)| {
            let para = a.paragraphs.get(p)?;
            match i {
                None => Some(para.eid.clone()),
                Some(i) => para.items.get(i).map(|it| it.eid.clone()),
            }
        })
        .unwrap_or_else(|| a.eid.clone());
    Some(Place::Provision {
        ordinance: o.id.clone(),
        article: a.eid.to_string(),
        eid: eid.to_string(),
    })
}

/// Every mark of a compilation and its lint, with where it goes.
fn marks(c: &Compilation, report: Option<&Report>) -> Vec<(Place, Mark)> {
    let mut out = Vec::new();
    for d in &c.diagnostics {
        let file = c.sources.name(d.source);
        let lc = c.sources.line_col(d.source, d.span.start);
        let (severity, label) = if d.is_error() {
            ("error", "错误")
        } else {
            ("warning", "警告")
        };
        let place = place_of(c, d).unwrap_or(Place::Outside(None));
        out.push((
            place,
            Mark {
                severity,
                label,
                code: d.code.to_string(),
                message: d.message.clone(),
                details: d.help.iter().cloned().collect(),
                at: Some(format!("{file} 第{}行第{}列", lc.line, lc.column)),
            },
        ));
    }
    for f in report.map(|r| r.findings.as_slice()).unwrap_or(&[]) {
        let (severity, label) = severity_of_lint(f.severity);
        let mark = Mark {
            severity,
            label,
            code: f.code.to_string(),
            message: f.message.clone(),
            details: f.items.clone(),
            at: None,
        };
        let mut placed = false;
        for p in &f.provisions {
            let Some(o) = c.graph.ordinances.iter().find(|o| o.id == p.ordinance) else {
                continue;
            };
            let Some(a) = article_of(o, &p.eid) else {
                continue;
            };
            let place = Place::Provision {
                ordinance: o.id.clone(),
                article: a.eid.to_string(),
                eid: p.eid.clone(),
            };
            // A finding citing two items of one provision is shown there once.
            if !out.iter().any(|(q, m): &(Place, Mark)| {
                q == &place && m.code == mark.code && m.message == mark.message
            }) {
                out.push((place, mark.clone()));
            }
            placed = true;
        }
        if !placed {
            out.push((Place::Outside(Some(f.ordinance.clone())), mark));
        }
    }
    out
}

fn mark_list(marks: &[&Mark]) -> Markup {
    html! {
        @if !marks.is_empty() {
            ul.marks {
                @for m in marks {
                    li class={ "mark " (m.severity) } {
                        span.severity { (m.label) } " "
                        code { (m.code) } " "
                        (m.message)
                        @if let Some(at) = &m.at { " " span.at { "（" (at) "）" } }
                        @if !m.details.is_empty() {
                            ul { @for d in &m.details { li { (d) } } }
                        }
                    }
                }
            }
        }
    }
}

/// The review of one encoding: counts, the articles with their marks, the CLI's output.
pub fn review_view(c: &Compilation, report: Option<&Report>, cli_output: &str) -> Markup {
    let all = marks(c, report);
    let count = |s: &str| all.iter().filter(|(_, m)| m.severity == s).count();
    let at = |ord: &str, eid: &str| -> Vec<&Mark> {
        all.iter()
            .filter_map(|(p, m)| match p {
                Place::Provision {
                    ordinance, eid: e, ..
                } if ordinance == ord && e == eid => Some(m),
                _ => None,
            })
            .collect()
    };
    let flagged = |ord: &str, article: &str| {
        all.iter().any(|(p, _)| {
            matches!(p, Place::Provision { ordinance, article: a, .. } if ordinance == ord && a == article)
        })
    };
    let outside = |ord: Option<&str>| -> Vec<&Mark> {
        all.iter()
            .filter_map(|(p, m)| match p {
                Place::Outside(o) if o.as_deref() == ord => Some(m),
                _ => None,
            })
            .collect()
    };
    html! {
        p.summary {
            "错误 " (count("error")) "，警告 " (count("warning")) "，提示 " (count("note"))
            @if report.is_none() { "（规则有错误，未运行 lint）" }
            @if all.is_empty() { "：未发现问题。" }
        }
        (mark_list(&outside(None)))
        @for o in &c.graph.ordinances {
            section.review {
                h2 { (o.title) "（" (o.id) "）" }
                (mark_list(&outside(Some(&o.id))))
                @for a in &o.articles {
                    article class=(if flagged(&o.id, &a.eid) { "article flagged" } else { "article" }) id=(a.eid) {
                        h3 { (a.cite) }
                        (mark_list(&at(&o.id, &a.eid)))
                        @for p in &a.paragraphs {
                            @let here = at(&o.id, &p.eid);
                            p class=(if here.is_empty() { "paragraph" } else { "paragraph flagged" }) id=(p.eid) { (p.text) }
                            (mark_list(&here))
                            @for i in &p.items {
                                @let here = at(&o.id, &i.eid);
                                p class=(if here.is_empty() { "item" } else { "item flagged" }) id=(i.eid) { (i.label) (i.text) }
                                (mark_list(&here))
                            }
                        }
                    }
                }
            }
        }
        details.cli {
            summary { "命令行输出（与 tiaoli check、tiaoli lint 相同）" }
            pre { (cli_output) }
        }
    }
}
