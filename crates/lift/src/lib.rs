//! `tiaoli lift`: from a regulation as published (or a draft) to a rule skeleton.
//!
//! The mechanical part of encoding, in four passes, each in its module:
//! - [`segment`]: the text → preamble, chapters, sections, articles with their
//!   paragraphs and items, in every form real texts take (bracketed headings, 目录,
//!   Markdown, numbered headings, annexes), with everything dropped listed and
//!   nothing else lost (checked on every input);
//! - [`header`]: title, type, jurisdiction and level, the dates of the latest
//!   version, status and 自称, every guess marked;
//! - [`analyse`]: sentence by sentence, the modality, subjects, trigger, deadlines
//!   and consequences a reviewer needs;
//! - [`emit`]: the skeleton — every article 性质 待审 with its text and the
//!   analysis as comments — formatted, parsed and compiled again before it is
//!   returned. Nothing here is specific to one text.

#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod analyse;
mod emit;
pub mod header;
mod segment;
mod text;

use serde::Serialize;
use tiaoli_compiler::graph::LexiconOut;
use tiaoli_l10n::t;

pub use analyse::{Analyser, Consequence, Sentence, Subject};
pub use emit::id_from_name;
pub use header::Header;

/// The skeleton and what was found.
#[derive(Debug, Clone, Serialize)]
pub struct Lifted {
    /// The `.tiaoli` skeleton, in canonical layout; it parses and compiles.
    #[serde(skip)]
    pub text: String,
    pub report: Report,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub header: Header,
    pub chapters: usize,
    pub sections: usize,
    pub articles: usize,
    /// Text that is not part of any article, with its line: conversion artifacts,
    /// draft marks, the 目录, an annex, Markdown marks, web-page footers.
    pub dropped: Vec<Artifact>,
    /// Page-break splits joined: (line, line).
    pub joined: Vec<(usize, usize)>,
    /// Subjects the lexicon does not know: proposed new terms.
    pub new_terms: Vec<String>,
    pub summary: Summary,
    pub per_article: Vec<ArticleReport>,
}

/// The counts a summary prints.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Units with a modality: proposed norms.
    pub norms: usize,
    /// Units proposed as consequences.
    pub consequences: usize,
    /// Normative units that name no subject (未明确).
    pub no_subject: usize,
    /// Subjects not in the lexicon.
    pub unmatched_subjects: usize,
    pub new_terms: usize,
    /// Articles with something listed under `needs_human`.
    pub articles_needing_human: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Artifact {
    /// The source line (0 for a table of contents found by its numbering).
    pub line: usize,
    pub text: String,
    pub kind: &'static str,
}

impl Artifact {
    pub(crate) fn new(line: usize, text: impl Into<String>, kind: &'static str) -> Artifact {
        Artifact {
            line,
            text: text.into(),
            kind,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleReport {
    pub number: u32,
    pub cite: String,
    /// A draft's bracketed article heading, verbatim: 【立法目的和依据】.
    pub heading: Option<String>,
    /// The source line the article starts on.
    pub line: usize,
    pub paragraphs: usize,
    pub items: usize,
    pub sentences: Vec<Sentence>,
    /// Why a human is needed here.
    pub needs_human: Vec<String>,
}

/// Why a text cannot be lifted, in the current language; the CLI exits 2.
#[derive(Debug, Clone, PartialEq)]
pub enum LiftError {
    /// Nothing but whitespace.
    Empty,
    /// Control characters (NUL …): not a text.
    NotText { line: usize },
    /// No line starts an article (第一条 …).
    NoArticles { lines: usize },
    /// An article with no text at all.
    EmptyArticle { cite: String, line: usize },
    /// The same article number twice.
    DuplicateArticle {
        cite: String,
        first: usize,
        again: usize,
    },
    /// A defect of lift itself: what it produced failed its own checks.
    Internal(String),
}

impl std::fmt::Display for LiftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            LiftError::Empty => t!("lift-empty"),
            LiftError::NotText { line } => t!("lift-not-text", line = *line),
            LiftError::NoArticles { lines } => t!("lift-no-articles", lines = *lines),
            LiftError::EmptyArticle { cite, line } => {
                t!("lift-empty-article", line = *line, cite = cite)
            }
            LiftError::DuplicateArticle { cite, first, again } => t!(
                "lift-duplicate-article",
                cite = cite,
                first = *first,
                again = *again
            ),
            LiftError::Internal(m) => m.clone(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for LiftError {}

/// Lifts a text. `name` names the source (for the id and the header comment).
pub fn lift(name: &str, text: &str, lex: &LexiconOut) -> Result<Lifted, LiftError> {
    let text = text::normalise_newlines(text.trim_start_matches('\u{feff}'));
    if text.chars().all(text::is_space) {
        return Err(LiftError::Empty);
    }
    if let Some(line) = text.split('\n').position(|l| {
        l.chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\u{b}' | '\u{c}'))
    }) {
        return Err(LiftError::NotText { line: line + 1 });
    }
    let doc = segment::segment(&text);
    segment::check_lossless(&text, &doc)?;
    let articles: Vec<&segment::Art> = doc
        .pieces
        .iter()
        .filter_map(|p| match p {
            segment::Piece::Article(a) => Some(a),
            _ => None,
        })
        .collect();
    if articles.is_empty() {
        return Err(LiftError::NoArticles {
            lines: text.split('\n').count(),
        });
    }
    let mut seen: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for a in &articles {
        let cite = format!("第{}条", text::cn_or_arabic(a.number, a.arabic));
        if a.paras.is_empty() {
            return Err(LiftError::EmptyArticle { cite, line: a.line });
        }
        if let Some(first) = seen.insert(a.number, a.line) {
            return Err(LiftError::DuplicateArticle {
                cite,
                first,
                again: a.line,
            });
        }
    }
    let header = header::read(&doc);
    let analyser = Analyser::new(lex);
    let mut report = Report {
        header: header.clone(),
        dropped: doc.dropped.clone(),
        joined: doc.joined.clone(),
        ..Report::default()
    };
    let text = emit::skeleton(name, &doc, &header, &analyser, &mut report)?;
    Ok(Lifted { text, report })
}

/// All the text of the lifted articles, as `第N条` + paragraphs and items, for
/// checking that nothing was lost.
pub fn article_texts(lifted: &Lifted) -> Vec<(u32, String)> {
    let Ok(f) = tiaoli_syntax::parse(tiaoli_syntax::SourceId(0), &lifted.text) else {
        return vec![];
    };
    f.items
        .iter()
        .filter_map(|i| match i {
            tiaoli_syntax::ast::TopItem::Article(a) => {
                let mut t = String::new();
                for it in &a.items {
                    match it {
                        tiaoli_syntax::ast::ArticleItem::Para(p) => t.push_str(&p.value),
                        tiaoli_syntax::ast::ArticleItem::Item(x) => {
                            t.push_str(&x.label);
                            t.push_str(&x.text.value);
                        }
                        _ => {}
                    }
                }
                Some((a.number.value, t))
            }
            _ => None,
        })
        .collect()
}
