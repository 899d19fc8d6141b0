//! pest `Pairs` → typed AST. The only module that sees pest: nothing of pest
//! leaves it but [`Diagnostic`]s.
//!
//! One file a part of the language, each adding its methods to [`Cx`], the
//! context every conversion reads (the source, and how to report a defect):
//! the ordinance header (`header`), vocabulary blocks (`vocabulary`), chapters,
//! sections and articles (`articles`), norms (`norms`), triggers, event patterns,
//! deadlines and windows (`events`), consequences (`consequences`), conditions
//! (`conditions`), and names, texts and numbers (`leaves`); Chinese numerals as
//! numbers (`numerals`) and pest's errors as diagnostics (`errors`).

mod articles;
mod conditions;
mod consequences;
mod errors;
mod events;
mod header;
mod leaves;
mod norms;
mod numerals;
mod vocabulary;

use pest::iterators::Pair;
use pest::Parser as _;

use crate::ast::*;
use crate::diag::Diagnostic;
use crate::source::SourceId;
use leaves::comment;
use tiaoli_l10n::t;

#[derive(pest_derive::Parser)]
#[grammar = "../../../grammar/tiaoli.pest"]
pub(crate) struct TiaoliParser;

type R<T> = Result<T, Diagnostic>;

/// Parses one source text. On a syntax error, returns the one diagnostic for the
/// first place the text stops making sense (pest stops there too).
pub fn parse(source: SourceId, text: &str) -> Result<File, Diagnostic> {
    if let Some(d) = crate::nesting::check(source, text) {
        return Err(d);
    }
    let mut pairs =
        TiaoliParser::parse(Rule::file, text).map_err(|e| syntax_error(source, text, e))?;
    let cx = Cx { source };
    let file = pairs
        .next()
        .ok_or_else(|| cx.bug(Span::default(), "empty parse"))?;
    cx.file(file)
}

struct Cx {
    source: SourceId,
}

/// The pair's span without the trailing whitespace pest includes when a rule ends
/// in an optional element that was not there (`ident ~ aliases?` swallows the
/// newline after the ident). Spans then cover exactly the text they name, which
/// keeps carets tight and lets the formatter see the author's blank lines.
fn span(p: &Pair<'_, Rule>) -> Span {
    let s = p.as_span();
    let trimmed = s.as_str().trim_end_matches(|c: char| c.is_whitespace());
    Span::new(s.start(), s.start() + trimmed.len())
}

impl Cx {
    /// A grammar/AST mismatch: a defect in tiaoli, reported, never a panic.
    fn bug(&self, span: Span, what: &str) -> Diagnostic {
        Diagnostic::error(
            "internal",
            self.source,
            span,
            t!("syn-internal", what = what),
        )
        .with_help(t!("syn-internal-help"))
    }

    fn child<'i>(&self, p: &Pair<'i, Rule>, rule: Rule) -> R<Pair<'i, Rule>> {
        p.clone()
            .into_inner()
            .find(|c| c.as_rule() == rule)
            .ok_or_else(|| self.bug(span(p), &format!("{:?} without {:?}", p.as_rule(), rule)))
    }

    fn opt_child<'i>(&self, p: &Pair<'i, Rule>, rule: Rule) -> Option<Pair<'i, Rule>> {
        p.clone().into_inner().find(|c| c.as_rule() == rule)
    }

    fn children<'i>(&self, p: &Pair<'i, Rule>, rule: Rule) -> Vec<Pair<'i, Rule>> {
        p.clone()
            .into_inner()
            .filter(|c| c.as_rule() == rule)
            .collect()
    }

    fn file(&self, p: Pair<'_, Rule>) -> R<File> {
        let mut items = Vec::new();
        for c in p.into_inner() {
            items.push(match c.as_rule() {
                Rule::comment => TopItem::Comment(comment(&c)),
                Rule::ordinance => TopItem::Ordinance(self.ordinance(c)?),
                Rule::vocabulary => TopItem::Vocabulary(self.vocabulary(c)?),
                Rule::chapter => TopItem::Chapter(self.heading(c, Rule::chapter_no)?),
                Rule::section => TopItem::Section(self.heading(c, Rule::section_no)?),
                Rule::article => TopItem::Article(self.article(c)?),
                Rule::EOI => continue,
                _ => return Err(self.bug(span(&c), "unexpected top-level item")),
            });
        }
        Ok(File { items })
    }
}

pub(crate) use errors::syntax_error;
pub use numerals::{article_number, chinese_numeral};
