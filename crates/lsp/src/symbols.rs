//! The outline of a file: the ordinance header, vocabulary blocks with their
//! terms, chapters and sections holding their articles, articles holding their
//! norms and consequences.

#![allow(deprecated)] // DocumentSymbol::deprecated must still be written.

use ls_types::{DocumentSymbol, SymbolKind};
use tiaoli_compiler::lexicon::Kind;
use tiaoli_syntax::ast::{self, ArticleItem, NormItem, Span, TopItem, VocabItem};
use tiaoli_syntax::format::numbered;

use crate::hover::kind_name;
use crate::position::Lines;

fn symbol(
    lines: &Lines,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: Span,
    selection: Span,
) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: lines.range(range),
        selection_range: lines.range(selection),
        children: None,
    }
}

fn push_child(parent: &mut DocumentSymbol, child: DocumentSymbol) {
    parent.range.end = parent.range.end.max(child.range.end);
    parent.children.get_or_insert_with(Vec::new).push(child);
}

/// The first words of a text, for an outline.
fn gist(s: &str) -> String {
    let mut out: String = s.chars().take(24).collect();
    if s.chars().count() > 24 {
        out.push('…');
    }
    out
}

fn term_kind(k: Kind) -> SymbolKind {
    match k {
        Kind::Actor => SymbolKind::CLASS,
        Kind::Role => SymbolKind::INTERFACE,
        Kind::Person => SymbolKind::FIELD,
        Kind::Fact => SymbolKind::VARIABLE,
        Kind::Event => SymbolKind::EVENT,
        Kind::Action => SymbolKind::FUNCTION,
        Kind::Sanction => SymbolKind::ENUM_MEMBER,
    }
}

fn vocabulary(lines: &Lines, v: &ast::Vocabulary) -> DocumentSymbol {
    let mut s = symbol(
        lines,
        "词汇".to_string(),
        None,
        SymbolKind::NAMESPACE,
        v.span,
        Span::new(v.span.start, v.span.start),
    );
    let mut children = Vec::new();
    for item in &v.items {
        let (name, kind, span) = match item {
            VocabItem::Actor { name, span, .. } => (name, Kind::Actor, span),
            VocabItem::Role { name, span, .. } => (name, Kind::Role, span),
            VocabItem::Person { name, span, .. } => (name, Kind::Person, span),
            VocabItem::Fact { name, span, .. } => (name, Kind::Fact, span),
            VocabItem::Event { name, span, .. } => (name, Kind::Event, span),
            VocabItem::Action { name, span, .. } => (name, Kind::Action, span),
            VocabItem::Sanction { name, span, .. } => (name, Kind::Sanction, span),
            VocabItem::Comment(_) | VocabItem::Deem(_) => continue,
        };
        children.push(symbol(
            lines,
            name.text.clone(),
            Some(kind_name(kind).to_string()),
            term_kind(kind),
            *span,
            name.span,
        ));
    }
    s.children = Some(children);
    s
}

fn article(lines: &Lines, a: &ast::Article) -> DocumentSymbol {
    let first = a.items.iter().find_map(|i| match i {
        ArticleItem::Para(t) => Some(gist(&t.value)),
        _ => None,
    });
    let mut s = symbol(
        lines,
        numbered(&a.number, "条"),
        first,
        SymbolKind::CLASS,
        a.span,
        a.number.span,
    );
    let mut children = Vec::new();
    for item in &a.items {
        match item {
            ArticleItem::Norm(n) => {
                let modal = n.items.iter().find_map(|i| match i {
                    NormItem::Modal {
                        modality, action, ..
                    } => Some(format!("{modality} {}", action.text)),
                    _ => None,
                });
                children.push(symbol(
                    lines,
                    format!("规范 {}", n.name.text),
                    modal,
                    SymbolKind::METHOD,
                    n.span,
                    n.name.span,
                ));
            }
            ArticleItem::Consequence(c) => children.push(symbol(
                lines,
                format!("后果 {}", c.name.text),
                None,
                SymbolKind::EVENT,
                c.span,
                c.name.span,
            )),
            _ => {}
        }
    }
    if !children.is_empty() {
        s.children = Some(children);
    }
    s
}

/// The outline of a parsed file.
pub fn outline(lines: &Lines, file: &ast::File) -> Vec<DocumentSymbol> {
    let mut out: Vec<DocumentSymbol> = Vec::new();
    // The chapter and section the next article goes in, as indexes into `out`
    // and into the chapter's children.
    let mut chapter: Option<usize> = None;
    let mut section: Option<usize> = None;
    for item in &file.items {
        match item {
            TopItem::Comment(_) => {}
            TopItem::Ordinance(o) => {
                let title = o.items.iter().find_map(|i| match i {
                    ast::HeaderItem::Title(t) => Some(t.value.clone()),
                    _ => None,
                });
                out.push(symbol(
                    lines,
                    format!("条例 {}", o.id.text),
                    title,
                    SymbolKind::MODULE,
                    o.span,
                    o.id.span,
                ));
            }
            TopItem::Vocabulary(v) => out.push(vocabulary(lines, v)),
            TopItem::Chapter(h) => {
                out.push(symbol(
                    lines,
                    format!("{} {}", numbered(&h.number, "章"), h.title.value),
                    None,
                    SymbolKind::NAMESPACE,
                    h.span,
                    h.number.span,
                ));
                chapter = Some(out.len() - 1);
                section = None;
            }
            TopItem::Section(h) => {
                let s = symbol(
                    lines,
                    format!("{} {}", numbered(&h.number, "节"), h.title.value),
                    None,
                    SymbolKind::PACKAGE,
                    h.span,
                    h.number.span,
                );
                match chapter.and_then(|c| out.get_mut(c)) {
                    Some(c) => {
                        push_child(c, s);
                        section = c.children.as_ref().map(|v| v.len() - 1);
                    }
                    None => {
                        out.push(s);
                        section = None;
                    }
                }
            }
            TopItem::Article(a) => {
                let s = article(lines, a);
                let Some(c) = chapter.and_then(|c| out.get_mut(c)) else {
                    out.push(s);
                    continue;
                };
                c.range.end = c.range.end.max(s.range.end);
                let sec = section.and_then(|i| c.children.as_mut().and_then(|v| v.get_mut(i)));
                match sec {
                    Some(sec) => push_child(sec, s),
                    None => push_child(c, s),
                }
            }
        }
    }
    out
}
