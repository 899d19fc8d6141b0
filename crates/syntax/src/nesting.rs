//! A bound on how deeply conditions nest, checked before pest sees the text.
//!
//! pest, the AST, lowering, formatting and the lint's formulas all recurse on a
//! condition's nesting; 1,400 parentheses or 100,000 `非` in a row would
//! overflow the stack. This scan reads the text once, skipping texts ("…") and
//! comments, and counts the nesting as the grammar builds it: each `(` opens a
//! level, and each `非` / `not` in a row (`非 非 非 x`) adds one. Past
//! [`MAX_NESTING`] it gives one located error, and the text is not parsed.

use crate::ast::Span;
use crate::diag::Diagnostic;
use crate::source::SourceId;

/// Conditions nest at most this deep (parentheses and `非` together). Real
/// articles nest three or four levels.
pub const MAX_NESTING: usize = 32;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '（' || c == '）' || c == '·'
}

/// The first place the nesting passes [`MAX_NESTING`], as a diagnostic.
pub fn check(source: SourceId, text: &str) -> Option<Diagnostic> {
    // `outer` holds, per open parenthesis, the `非` run that stood before it.
    let mut outer: Vec<usize> = Vec::new();
    let mut nots = 0usize;
    let mut depth = 0usize; // parentheses open + every pending `非`
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                // A text: up to the closing quote; `\"` and `\\` are escapes.
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
                nots = 0;
            }
            '/' if chars.peek().is_some_and(|(_, n)| *n == '/') => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '(' => {
                outer.push(nots);
                nots = 0;
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(too_deep(source, Span::new(i, i + 1)));
                }
            }
            ')' => {
                depth = depth.saturating_sub(1 + nots);
                nots = outer.pop().unwrap_or(0);
                // The `非` before the parenthesis applied to it: that run is over.
                depth = depth.saturating_sub(nots);
                nots = 0;
            }
            c if is_word_char(c) => {
                let mut end = i + c.len_utf8();
                while let Some((j, n)) = chars.peek().copied() {
                    if !is_word_char(n) {
                        break;
                    }
                    end = j + n.len_utf8();
                    chars.next();
                }
                let word = text.get(i..end).unwrap_or("");
                if word == "非" || word.eq_ignore_ascii_case("not") {
                    nots += 1;
                    depth += 1;
                    if depth > MAX_NESTING {
                        return Some(too_deep(source, Span::new(i, end)));
                    }
                } else {
                    depth = depth.saturating_sub(nots);
                    nots = 0;
                }
            }
            c if c.is_whitespace() => {}
            _ => {
                depth = depth.saturating_sub(nots);
                nots = 0;
            }
        }
    }
    None
}

fn too_deep(source: SourceId, span: Span) -> Diagnostic {
    Diagnostic::error(
        "nesting",
        source,
        span,
        tiaoli_l10n::t!("syn-nesting", max = MAX_NESTING),
    )
    .with_label(tiaoli_l10n::t!("syn-nesting-label"))
    .with_help(tiaoli_l10n::t!("syn-nesting-help"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deep(n: usize) -> String {
        format!("{}x{}", "(".repeat(n), ")".repeat(n))
    }

    #[test]
    fn counts_parentheses_and_runs_of_not() {
        assert!(check(SourceId(0), &deep(MAX_NESTING)).is_none());
        let d = check(SourceId(0), &deep(MAX_NESTING + 1)).unwrap();
        assert_eq!(d.span, Span::new(MAX_NESTING, MAX_NESTING + 1));
        let nots = "非 ".repeat(MAX_NESTING) + "x";
        assert!(check(SourceId(0), &nots).is_none());
        let nots = "非 ".repeat(MAX_NESTING + 1) + "x";
        assert!(check(SourceId(0), &nots).is_some());
        let mixed = "非 (".repeat(MAX_NESTING / 2) + "x" + &")".repeat(MAX_NESTING / 2);
        assert!(check(SourceId(0), &mixed).is_none());
        let mixed = "非 (".repeat(MAX_NESTING / 2 + 1) + "x" + &")".repeat(MAX_NESTING / 2 + 1);
        assert!(check(SourceId(0), &mixed).is_some());
    }

    #[test]
    fn siblings_do_not_add_up() {
        let one = format!("{} 且 ", deep(MAX_NESTING));
        assert!(check(SourceId(0), &one.repeat(50)).is_none());
        let nots = "非 x 且 ".repeat(1000);
        assert!(check(SourceId(0), &nots).is_none());
        let words = "非法 非法 非法 ".repeat(1000);
        assert!(check(SourceId(0), &words).is_none());
    }

    #[test]
    fn texts_and_comments_are_not_conditions() {
        let t = format!("款 \"{}\"\n// {}\n", "(".repeat(500), "(".repeat(500));
        assert!(check(SourceId(0), &t).is_none());
        let t = format!("款 \"\\\"{}\"", "(".repeat(500));
        assert!(check(SourceId(0), &t).is_none());
    }
}

#[cfg(test)]
mod parse_tests {
    use super::*;

    /// The deepest condition allowed parses and formats on a test thread's
    /// 2 MiB stack (debug build); one level more is the located error.
    #[test]
    fn the_deepest_condition_allowed_parses_and_formats() {
        let file = |cond: &str| {
            format!(
                "第1条 {{\n  款 \"…\"\n  规范 x {{\n    主体 甲\n    当 {cond}\n    应当 乙\n  }}\n}}\n"
            )
        };
        let half = MAX_NESTING / 2;
        let ok = file(&format!(
            "{}条件甲{}",
            "非 (".repeat(half),
            ")".repeat(half)
        ));
        let parsed = crate::parse(SourceId(0), &ok)
            .map_err(|d| d.message)
            .unwrap();
        let formatted = crate::format::format_file(&parsed, &ok);
        assert!(crate::parse(SourceId(0), &formatted).is_ok());
        let bad = file(&format!(
            "{}条件甲{}",
            "(".repeat(MAX_NESTING + 1),
            ")".repeat(MAX_NESTING + 1)
        ));
        let d = crate::parse(SourceId(0), &bad).unwrap_err();
        assert_eq!(d.code, "nesting");
        let bad = file(&format!("{}条件甲", "非 ".repeat(100_000)));
        assert_eq!(crate::parse(SourceId(0), &bad).unwrap_err().code, "nesting");
    }
}
