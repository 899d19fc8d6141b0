//! Positions as the protocol counts them: a zero-based line and a character
//! offset in UTF-16 code units (the encoding every client supports), to and
//! from the byte offsets of the syntax crate's spans. Chinese characters are
//! one unit each; characters outside the Basic Multilingual Plane (𠀀, emoji)
//! are two. Lines end at `\n`; a `\r` before it is not part of any position.

use line_index::{LineCol, LineIndex, TextSize, WideEncoding, WideLineCol};
use ls_types::{Position, Range};
use tiaoli_syntax::ast::Span;

/// The line table of one text, with the text it was built from.
#[derive(Clone, Debug)]
pub struct Lines {
    index: LineIndex,
    text: String,
}

/// Texts past 4 GiB cannot be indexed (and are no rule file).
pub const MAX_TEXT: usize = u32::MAX as usize - 1;

fn size(n: usize) -> TextSize {
    TextSize::from(u32::try_from(n).unwrap_or(u32::MAX))
}

/// A line without its line break (`\n` or `\r\n`).
fn without_break(line: &str) -> &str {
    match line.strip_suffix('\n') {
        Some(l) => l.strip_suffix('\r').unwrap_or(l),
        None => line,
    }
}

impl Lines {
    /// The line table of `text`; `None` for a text too large to index.
    pub fn new(text: &str) -> Option<Lines> {
        (text.len() < MAX_TEXT).then(|| Lines {
            index: LineIndex::new(text),
            text: text.to_string(),
        })
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    fn floor(&self, offset: usize) -> usize {
        let mut o = offset.min(self.text.len());
        while o > 0 && !self.text.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    /// The position of a byte offset (clamped to the text and to a character).
    pub fn position(&self, offset: usize) -> Position {
        let o = self.floor(offset);
        let lc = self
            .index
            .try_line_col(size(o))
            .unwrap_or(LineCol { line: 0, col: 0 });
        let wide = self
            .index
            .to_wide(WideEncoding::Utf16, lc)
            .unwrap_or(WideLineCol {
                line: lc.line,
                col: lc.col,
            });
        Position::new(wide.line, wide.col)
    }

    /// The byte offset of a position. A character past the end of its line is
    /// the end of the line (before `\r\n`); a line past the last is the end of
    /// the text; the middle of a surrogate pair is the start of its character.
    pub fn offset(&self, p: Position) -> usize {
        let Some(line) = self.index.line(p.line) else {
            return self.text.len();
        };
        let start = usize::from(line.start());
        let mut end = usize::from(line.end());
        end = start + without_break(self.text.get(start..end).unwrap_or("")).len();
        let lc = self
            .index
            .to_utf8(
                WideEncoding::Utf16,
                WideLineCol {
                    line: p.line,
                    col: p.character,
                },
            )
            .map_or(end, |lc| start + lc.col as usize);
        self.floor(lc.min(end))
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The span of a range.
    pub fn span(&self, r: Range) -> Span {
        let start = self.offset(r.start);
        Span::new(start, self.offset(r.end).max(start))
    }

    /// The byte offset of a 1-based line and 1-based character column (as
    /// `tiaoli_syntax::source::LineCol` and the lint findings count).
    pub fn offset_of_line_column(&self, line: usize, column: usize) -> usize {
        let Some(range) = self
            .index
            .line(u32::try_from(line.saturating_sub(1)).unwrap_or(u32::MAX))
        else {
            return self.text.len();
        };
        let start = usize::from(range.start());
        let body = self.text.get(start..usize::from(range.end())).unwrap_or("");
        start
            + body
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(without_break(body).len(), |(i, _)| i)
    }

    /// The end of the line an offset is on (before its line break).
    pub fn line_end(&self, offset: usize) -> usize {
        let o = self.floor(offset);
        let rest = self.text.get(o..).unwrap_or("");
        o + rest.find(['\n', '\r']).unwrap_or(rest.len())
    }

    /// The position just past the end of the text.
    pub fn end(&self) -> Position {
        self.position(self.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_one_unit_astral_two() {
        let text = "主体 公安部门\n  𠀀款 \"😀为\"\r\n尾";
        let l = Lines::new(text).unwrap();
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(l.position(at("公安")), Position::new(0, 3));
        assert_eq!(l.position(at("款")), Position::new(1, 4));
        assert_eq!(l.position(at("为")), Position::new(1, 9));
        assert_eq!(l.position(at("尾")), Position::new(2, 0));
        for s in ["公安", "款", "为", "尾", "\"😀"] {
            assert_eq!(l.offset(l.position(at(s))), at(s), "{s}");
        }
    }

    #[test]
    fn positions_out_of_range_are_clamped() {
        let text = "甲乙\r\n丙";
        let l = Lines::new(text).unwrap();
        assert_eq!(l.offset(Position::new(0, 99)), "甲乙".len());
        assert_eq!(l.offset(Position::new(9, 0)), text.len());
        let astral = Lines::new("𠀀a").unwrap();
        assert_eq!(
            astral.offset(Position::new(0, 1)),
            0,
            "inside a surrogate pair"
        );
        assert_eq!(astral.offset(Position::new(0, 2)), 4);
        assert_eq!(l.position(999), Position::new(1, 1));
    }

    #[test]
    fn line_and_character_columns() {
        let text = "一\n  款 \"𠀀\"\n";
        let l = Lines::new(text).unwrap();
        assert_eq!(l.offset_of_line_column(2, 3), text.find('款').unwrap());
        assert_eq!(l.offset_of_line_column(2, 99), text.len() - 1);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every character boundary survives the trip to a protocol position
        /// and back, and positions count UTF-16 units.
        #[test]
        fn offsets_round_trip(text in "[a-z 主体款𠀀😀\"{}\r\n]{0,60}") {
            let l = Lines::new(&text).unwrap();
            for (i, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                // The middle of \r\n is no position of its own.
                if text[..i].ends_with('\r') && text[i..].starts_with('\n') {
                    continue;
                }
                let p = l.position(i);
                prop_assert_eq!(l.offset(p), i);
                let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
                prop_assert_eq!(p.character as usize, text[line_start..i].encode_utf16().count());
            }
        }
    }
}
