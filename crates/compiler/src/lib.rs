//! tiaoli-compiler: from parsed rule files to the evaluation graph.
//!
//! The passes, each with its own representation (docs/architecture.md):
//! 1. load — the sources of a run ([`load`]);
//! 2. parse — text → AST with spans (tiaoli-syntax);
//! 3. lexicon — every vocabulary block → one [`lexicon::Lexicon`];
//! 4. check and lower — each ordinance, names resolved and checked, → its
//!    [`graph::OrdinanceGraph`] ([`lower`]);
//! 5. views — the graph as JSON, YAML, DOT or Mermaid ([`view`], [`yaml`]);
//! 6. archive — the graph as bytes, for the graph the binary embeds ([`archive`]).

// Diagnostics are large and returned only on the error path, where their size
// costs nothing that matters; boxing them would only add noise.
#![allow(clippy::result_large_err)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod archive;
pub mod graph;
pub mod lexicon;
pub mod limits;
pub mod load;
mod lower;
pub mod names;
pub mod stats;
pub mod view;
pub mod yaml;

use indexmap::IndexMap;
use tiaoli_l10n::t;
use tiaoli_syntax::ast::{self, TopItem};
use tiaoli_syntax::{Diagnostic, SourceId, SourceMap};

pub use graph::Graph;
pub use lower::valid_date;

/// The result of compiling a set of sources: the graph (what could be built) and
/// every diagnostic, sorted by file and position.
pub struct Compilation {
    pub sources: SourceMap,
    pub files: Vec<(SourceId, ast::File)>,
    /// The one vocabulary, with where each term is declared.
    pub lexicon: lexicon::Lexicon,
    pub graph: Graph,
    pub diagnostics: Vec<Diagnostic>,
}

impl Compilation {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Parses every source, builds the lexicon, checks and lowers every ordinance.
pub fn compile(sources: SourceMap) -> Compilation {
    let parsed = sources
        .iter()
        .map(|(id, src)| tiaoli_syntax::parse(id, &src.text))
        .collect();
    compile_parsed(sources, parsed)
}

/// Compiles sources already parsed — one result per source, in the order of
/// the map — for tools that keep the parse of the files that did not change
/// (the language server). The same passes as [`compile`] from there on.
pub fn compile_parsed(
    sources: SourceMap,
    parsed: Vec<Result<ast::File, Diagnostic>>,
) -> Compilation {
    let mut diags = Vec::new();
    let mut files = Vec::new();
    for ((id, src), p) in sources.iter().zip(parsed) {
        match p {
            Ok(f) => {
                if f.items.iter().all(|i| matches!(i, TopItem::Comment(_))) {
                    diags.push(empty_file(id, &src.text));
                }
                files.push((id, f))
            }
            Err(d) => diags.push(Diagnostic { source: id, ..d }),
        }
    }

    // One vocabulary: every 词汇 block, wherever it stands.
    let mut lex = lexicon::Lexicon::default();
    for (id, f) in &files {
        for item in &f.items {
            if let TopItem::Vocabulary(v) = item {
                lex.add_block(*id, v, &mut diags);
            }
        }
    }
    lex.check(&mut diags);

    let mut ordinances = Vec::new();
    let mut ids: IndexMap<String, (SourceId, ast::Span)> = IndexMap::new();
    for (id, f) in &files {
        let headers: Vec<&ast::Ordinance> = f
            .items
            .iter()
            .filter_map(|i| match i {
                TopItem::Ordinance(o) => Some(o),
                _ => None,
            })
            .collect();
        let has_articles = f.items.iter().any(|i| matches!(i, TopItem::Article(_)));
        let header = match headers.as_slice() {
            [] if has_articles => {
                let span = f
                    .items
                    .iter()
                    .find_map(|i| match i {
                        TopItem::Article(a) => Some(a.number.span),
                        _ => None,
                    })
                    .unwrap_or_default();
                diags.push(
                    Diagnostic::error("missing-header", *id, span, t!("rule-missing-header"))
                        .with_label(t!("rule-missing-header-label"))
                        .with_help(t!("rule-missing-header-help")),
                );
                continue;
            }
            [] => continue,
            [one] => *one,
            [first, rest @ ..] => {
                for o in rest {
                    diags.push(
                        Diagnostic::error(
                            "duplicate-header",
                            *id,
                            o.id.span,
                            t!("rule-two-headers"),
                        )
                        .with_label(t!("rule-two-headers-label"))
                        .with_related(
                            *id,
                            first.id.span,
                            t!("rule-first-header"),
                        ),
                    );
                }
                *first
            }
        };
        if let Some((psrc, pspan)) = ids.get(&header.id.key()) {
            diags.push(
                Diagnostic::error(
                    "duplicate-id",
                    *id,
                    header.id.span,
                    t!("rule-duplicate-ordinance-id", id = &header.id.text),
                )
                .with_label(t!("rule-second"))
                .with_related(*psrc, *pspan, t!("rule-first")),
            );
            continue;
        }
        ids.insert(header.id.key(), (*id, header.id.span));
        if let Some(g) = lower::Lowerer::new(&lex, &sources, *id, &mut diags).ordinance(f, header) {
            ordinances.push(g);
        }
    }

    diags.sort_by(|a, b| (a.source, a.span.start, a.code).cmp(&(b.source, b.span.start, b.code)));
    diags.dedup();
    let graph = Graph {
        lexicon: lex.to_out(),
        ordinances,
    };
    Compilation {
        sources,
        files,
        lexicon: lex,
        graph,
        diagnostics: diags,
    }
}

/// A rule file with nothing but comments (or nothing at all) is an error: it
/// would otherwise make every unit "bound by nothing".
fn empty_file(id: SourceId, text: &str) -> Diagnostic {
    let message = if text.trim().is_empty() {
        t!("rule-empty-file")
    } else {
        t!("rule-only-comments")
    };
    Diagnostic::error("empty-file", id, ast::Span::new(0, 0), message)
        .with_label(t!("rule-empty-file-label"))
        .with_help(t!("rule-empty-file-help"))
}

/// Compiles a single in-memory text together with the given lexicon texts.
/// Convenient for tests and tools.
pub fn compile_texts(texts: &[(&str, &str)]) -> Compilation {
    let mut sources = SourceMap::new();
    for (name, text) in texts {
        sources.add(*name, *text);
    }
    compile(sources)
}
