//! pest's errors → the one diagnostic a drafter can act on: what was expected,
//! what was found, and a did-you-mean.

use pest::error::{ErrorVariant, InputLocation};

use super::Rule;
use crate::ast::Span;
use crate::diag::{did_you_mean, Diagnostic};
use crate::keywords::{rule_description, KEYWORDS};
use crate::source::SourceId;
use tiaoli_l10n::t;

/// Converts a pest error into a diagnostic a drafter can act on.
pub(crate) fn syntax_error(
    source: SourceId,
    text: &str,
    e: pest::error::Error<Rule>,
) -> Diagnostic {
    let pos = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let found = token_at(text, pos);
    let end = pos
        + found.len().max(
            text.get(pos..)
                .and_then(|r| r.chars().next())
                .map_or(0, char::len_utf8),
        );
    let span = Span::new(pos, end.min(text.len()));
    let (positives, negatives) = match &e.variant {
        ErrorVariant::ParsingError {
            positives,
            negatives,
        } => (positives.clone(), negatives.clone()),
        ErrorVariant::CustomError { .. } => (Vec::new(), Vec::new()),
    };
    let mut expected: Vec<String> = positives
        .iter()
        .filter_map(|r| rule_description(*r))
        .collect();
    // Classes (a term, a modality …) before single keywords (“主体”), in
    // either language: the classes say most, and the list is cut after eight.
    expected.sort_by(|a, b| (a.starts_with('“'), a).cmp(&(b.starts_with('“'), b)));
    expected.dedup();
    let found_desc = if found.is_empty() {
        match text.get(pos..).and_then(|r| r.chars().next()) {
            None => t!("syn-end-of-file"),
            Some(c) => format!("“{c}”"),
        }
    } else {
        format!("“{found}”")
    };
    let line_rest = text.get(pos..).unwrap_or("").lines().next().unwrap_or("");
    if line_rest.starts_with('"') && !line_rest.get(1..).unwrap_or("").contains('"') {
        return Diagnostic::error(
            "syntax",
            source,
            Span::new(pos, pos + 1),
            t!("syn-unclosed-text"),
        )
        .with_label(t!("syn-unclosed-text-label"))
        .with_help(t!("syn-unclosed-text-help"));
    }
    let reserved = positives.contains(&Rule::ident)
        && KEYWORDS
            .iter()
            .any(|k| k.spellings.iter().any(|s| *s == found));
    let message = if reserved {
        t!("syn-keyword-as-name", found = &found)
    } else if !negatives.is_empty() && positives.is_empty() {
        t!("syn-reserved-word", found = &found_desc)
    } else if expected.is_empty() {
        t!("syn-unexpected", found = &found_desc)
    } else {
        t!(
            "syn-expected-found",
            expected = join_or(&expected),
            found = &found_desc
        )
    };
    // Did-you-mean: the keyword closest to what was written, preferring the ones
    // that were expected here.
    let expected_words: Vec<&str> = KEYWORDS
        .iter()
        .filter(|k| positives.contains(&k.rule))
        .flat_map(|k| k.spellings.iter().copied())
        .collect();
    let all_words = KEYWORDS.iter().flat_map(|k| k.spellings.iter().copied());
    let suggestion = if found.is_empty() || !found.chars().any(char::is_alphanumeric) {
        None
    } else {
        did_you_mean(&found, expected_words.iter().copied())
            .or_else(|| did_you_mean(&found, all_words))
    };
    let mut d = Diagnostic::error("syntax", source, span, message).with_label(
        if expected.is_empty() || expected.len() > 3 {
            t!("syn-not-understood")
        } else {
            t!("syn-expected", expected = join_or(&expected))
        },
    );
    let glued = expected_words
        .iter()
        .find(|w| found.starts_with(**w) && found.len() > w.len());
    if reserved {
        d = d.with_help(t!("syn-choose-another-name", found = &found));
    } else if let Some(w) = glued {
        d = d.with_help(t!(
            "syn-glued-keyword",
            keyword = *w,
            rest = found.get(w.len()..).unwrap_or("")
        ));
    } else if let Some(s) = suggestion {
        d = d.with_help(t!("did-you-mean", name = s));
    }
    d
}

/// The word at `pos`: a run of identifier characters, or a run of other
/// non-space characters.
fn token_at(text: &str, pos: usize) -> String {
    let rest = text.get(pos..).unwrap_or("");
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '（' || c == '）';
    let mut chars = rest.chars().peekable();
    match chars.peek() {
        Some(c) if is_word(*c) => rest.chars().take_while(|c| is_word(*c)).collect(),
        Some(c) if !c.is_whitespace() => rest
            .chars()
            .take_while(|c| !c.is_whitespace() && !is_word(*c))
            .take(8)
            .collect(),
        _ => String::new(),
    }
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        _ => {
            let shown: Vec<&String> = items.iter().take(8).collect();
            let (last, init) = match shown.split_last() {
                Some(x) => x,
                None => return String::new(),
            };
            let init = init
                .iter()
                .map(|x| x.as_str())
                .collect::<Vec<_>>()
                .join(t!("list-sep").as_str());
            if items.len() > 8 {
                t!(
                    "syn-or-more",
                    init = init,
                    last = *last,
                    count = items.len() - 8
                )
            } else {
                t!("syn-or-last", init = init, last = *last)
            }
        }
    }
}
