//! Go to definition and find references: terms to their declaration in the
//! lexicon, article references to the article, norm and consequence names to
//! their declaration — across the files of the workspace.

use ls_types::Location;
use tiaoli_compiler::lexicon::Term;
use tiaoli_compiler::names::{Occ, Occurrence};
use tiaoli_syntax::ast::{self, fold_case, ArticleItem, Span, TopItem};
use tiaoli_syntax::SourceId;

use crate::workspace::Analysis;

/// The article numbered `n` in a file.
pub fn article(file: &ast::File, n: u32) -> Option<&ast::Article> {
    file.items.iter().find_map(|i| match i {
        TopItem::Article(a) if a.number.value == n => Some(a),
        _ => None,
    })
}

/// A norm's or consequence's name and the span of its whole block.
pub fn norm_block(file: &ast::File, name: &str, in_article: Option<u32>) -> Option<(Span, Span)> {
    let key = fold_case(name);
    file.items.iter().find_map(|i| {
        let TopItem::Article(a) = i else { return None };
        if in_article.is_some_and(|n| n != a.number.value) {
            return None;
        }
        a.items.iter().find_map(|it| match it {
            ArticleItem::Norm(n) if n.name.key() == key => Some((n.name.span, n.span)),
            ArticleItem::Consequence(c) if c.name.key() == key => Some((c.name.span, c.span)),
            _ => None,
        })
    })
}

/// Where a term is declared: its name in the declaration.
pub fn term_declaration(a: &Analysis, t: &Term) -> (SourceId, Span) {
    let key = fold_case(&t.name);
    let span = a
        .names(t.source)
        .iter()
        .find(|o| {
            matches!(&o.what, Occurrence::TermDecl { name, alias_of: None, .. } if fold_case(name) == key)
                && o.span.start >= t.span.start
                && o.span.end <= t.span.end
        })
        .map_or(t.span, |o| o.span);
    (t.source, span)
}

/// The term a name occurrence denotes.
pub fn term_of<'a>(a: &'a Analysis, o: &Occ) -> Option<&'a Term> {
    match &o.what {
        Occurrence::Term { name, .. } | Occurrence::TermDecl { name, .. } => {
            a.compilation.lexicon.lookup(name)
        }
        Occurrence::EnumValue { fact, .. } => a.compilation.lexicon.lookup(fact),
        Occurrence::Article { .. } | Occurrence::Norm { .. } => None,
    }
}

/// Where the thing named at `offset` of source `id` is defined.
pub fn definition(a: &Analysis, id: SourceId, offset: usize) -> Option<Location> {
    let o = tiaoli_compiler::names::at(a.names(id), offset)?;
    match &o.what {
        Occurrence::Term { .. } | Occurrence::TermDecl { .. } | Occurrence::EnumValue { .. } => {
            let t = term_of(a, o)?;
            let (src, span) = term_declaration(a, t);
            a.location(src, span)
        }
        Occurrence::Article { number, .. } => {
            let art = article(a.file(id)?, *number)?;
            a.location(id, art.number.span)
        }
        Occurrence::Norm { name, article, .. } => {
            let (name_span, _) = norm_block(a.file(id)?, name, *article)?;
            a.location(id, name_span)
        }
    }
}

/// Every place that names the same thing as the name at `offset`.
pub fn references(a: &Analysis, id: SourceId, offset: usize, with_decl: bool) -> Vec<Location> {
    let Some(o) = tiaoli_compiler::names::at(a.names(id), offset) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match &o.what {
        Occurrence::Term { .. } | Occurrence::TermDecl { .. } | Occurrence::EnumValue { .. } => {
            let Some(t) = term_of(a, o) else {
                return out;
            };
            let key = fold_case(&t.name);
            let same = |n: &str| {
                a.compilation
                    .lexicon
                    .lookup(n)
                    .is_some_and(|x| fold_case(&x.name) == key)
            };
            for src in a.ids() {
                for x in a.names(src) {
                    let hit = match &x.what {
                        Occurrence::Term { name, .. } => same(name),
                        Occurrence::TermDecl { name, .. } => with_decl && same(name),
                        _ => false,
                    };
                    if hit {
                        out.extend(a.location(src, x.span));
                    }
                }
            }
        }
        Occurrence::Article { number, .. } => {
            for x in a.names(id) {
                if let Occurrence::Article { number: n, decl } = &x.what {
                    if n == number && (with_decl || !decl) {
                        out.extend(a.location(id, x.span));
                    }
                }
            }
        }
        Occurrence::Norm { name, article, .. } => {
            // The declaration a reference means, then every reference to it.
            let Some(file) = a.file(id) else { return out };
            let Some((decl_span, _)) = norm_block(file, name, *article) else {
                return out;
            };
            let key = fold_case(name);
            for x in a.names(id) {
                if let Occurrence::Norm {
                    name: n,
                    article: art,
                    decl,
                    ..
                } = &x.what
                {
                    if fold_case(n) != key || (*decl && !with_decl) {
                        continue;
                    }
                    let same_decl = norm_block(file, n, *art).map(|(s, _)| s) == Some(decl_span);
                    if same_decl {
                        out.extend(a.location(id, x.span));
                    }
                }
            }
        }
    }
    out
}
