//! Diagnostics shared by every pass: a code, a plain message, the span it points
//! at, and help. Rendering (human, JSON) lives in [`crate::render`].

use serde::Serialize;

use crate::ast::Span;
use crate::source::SourceId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Severity {
    Error,
    Warning,
}

/// A secondary location: "first defined here".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Related {
    pub source: SourceId,
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code, e.g. `syntax`, `unknown-term` (documented in docs/language.md).
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub source: SourceId,
    pub span: Span,
    /// Short text printed under the caret.
    pub label: String,
    pub help: Option<String>,
    pub related: Vec<Related>,
}

impl Diagnostic {
    pub fn error(
        code: &'static str,
        source: SourceId,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            source,
            span,
            label: String::new(),
            help: None,
            related: Vec::new(),
        }
    }

    pub fn warning(
        code: &'static str,
        source: SourceId,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, source, span, message)
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    pub fn with_related(
        mut self,
        source: SourceId,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        self.related.push(Related {
            source,
            span,
            message: message.into(),
        });
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Levenshtein distance over characters (not bytes), for did-you-mean.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = Vec::with_capacity(b.len() + 1);
        cur.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let diag = prev.get(j).copied().unwrap_or(usize::MAX - 1) + cost;
            let up = prev.get(j + 1).copied().unwrap_or(usize::MAX - 1) + 1;
            let left = cur.last().copied().unwrap_or(usize::MAX - 1) + 1;
            cur.push(diag.min(up).min(left));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// Words longer than this get no did-you-mean.
const MAX_SUGGESTED_CHARS: usize = 64;

/// The closest candidate to `word`, if it is close enough to be a likely typo:
/// within a third of the longer length (at least one edit), or sharing a long
/// common part (a term written with or without a qualifier, 公安 vs 公安部门).
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let wlen = word.chars().count();
    // No name is this long: a suggestion would cost an edit distance per
    // candidate over the whole word, for nothing.
    if wlen > MAX_SUGGESTED_CHARS {
        return None;
    }
    let mut best: Option<(usize, &'a str)> = None;
    for cand in candidates {
        if cand == word {
            continue;
        }
        let clen = cand.chars().count();
        let limit = wlen.max(clen).div_ceil(3).max(1);
        let contains = wlen >= 2 && (cand.contains(word) || word.contains(cand)) && clen >= 2;
        // The distance is at least the difference in length.
        if !contains && wlen.abs_diff(clen) > limit {
            continue;
        }
        let d = edit_distance(word, cand);
        if d <= limit || contains {
            let better = match best {
                None => true,
                Some((bd, bc)) => d < bd || (d == bd && cand < bc),
            };
            if better {
                best = Some((d, cand));
            }
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_characters_not_bytes() {
        assert_eq!(edit_distance("应当", "应该"), 1);
        assert_eq!(edit_distance("公安部门", "公安部门"), 0);
        assert_eq!(edit_distance("", "通报"), 2);
    }

    #[test]
    fn suggests_close_terms_only() {
        let cands = ["公安部门", "民政部门", "约谈"];
        assert_eq!(did_you_mean("公按部门", cands), Some("公安部门"));
        assert_eq!(did_you_mean("公安", cands), Some("公安部门"));
        assert_eq!(did_you_mean("挂牌督办", cands), None);
    }
}
