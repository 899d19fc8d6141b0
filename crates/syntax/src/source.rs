//! Source files and positions: byte spans to line/column for messages.

use serde::Serialize;

use crate::ast::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SourceId(pub usize);

#[derive(Clone, Debug)]
pub struct Source {
    /// The path as the user gave it, or `<embedded>/rules/…` for built-in rules.
    pub name: String,
    pub text: String,
    /// The byte offset at which each line begins (the first is 0), so that a
    /// position is found by binary search, not by rescanning the text.
    line_starts: Vec<usize>,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Source {
        let text = text.into();
        let line_starts = line_starts(&text);
        Source {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// The 0-based line holding a byte offset.
    pub fn line_index(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|s| *s <= offset)
            .saturating_sub(1)
    }

    /// The byte range of a 0-based line, without its line ending.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let start = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        let next = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let bytes = self.text.as_bytes();
        let mut end = next;
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Line and column of a byte offset (clamped to the text, and to a char
    /// boundary): the line by binary search, the column by counting the
    /// characters from the line's start.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = floor_char_boundary(&self.text, offset);
        let line = self.line_index(offset);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let column = self.text.get(start..offset).unwrap_or("").chars().count() + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }
}

/// The largest char boundary at or before `offset`, within the text.
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The smallest char boundary at or after `offset`, within the text.
pub fn ceil_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while offset < text.len() && !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

/// Lines end at `\n` (a `\r` before it belongs to the ending).
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .collect()
}

/// All sources of one run, in load order.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    sources: Vec<Source>,
}

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl SourceMap {
    pub fn new() -> Self {
        SourceMap::default()
    }

    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> SourceId {
        self.sources.push(Source::new(name, text));
        SourceId(self.sources.len() - 1)
    }

    pub fn get(&self, id: SourceId) -> Option<&Source> {
        self.sources.get(id.0)
    }

    pub fn name(&self, id: SourceId) -> &str {
        self.get(id).map(|s| s.name.as_str()).unwrap_or("<unknown>")
    }

    pub fn text(&self, id: SourceId) -> &str {
        self.get(id).map(|s| s.text.as_str()).unwrap_or("")
    }

    pub fn iter(&self) -> impl Iterator<Item = (SourceId, &Source)> {
        self.sources
            .iter()
            .enumerate()
            .map(|(i, s)| (SourceId(i), s))
    }

    pub fn len(&self) -> usize {
        self.sources.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// Line and column of a byte offset (clamped to the text, and to a char boundary).
    pub fn line_col(&self, id: SourceId, offset: usize) -> LineCol {
        match self.get(id) {
            Some(s) => s.line_col(offset),
            None => LineCol { line: 1, column: 1 },
        }
    }

    /// The text a span covers, or "" if the span is out of range.
    pub fn slice(&self, id: SourceId, span: Span) -> &str {
        self.text(id).get(span.start..span.end).unwrap_or("")
    }
}

/// Line and column of a byte offset in a text not in a [`SourceMap`] (one scan;
/// for many positions in one text, use [`Source::line_col`]).
pub fn line_col(text: &str, offset: usize) -> LineCol {
    Source::new("", text).line_col(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "第一条 {\n  款 \"为了\"\n";
        assert_eq!(line_col(text, 0), LineCol { line: 1, column: 1 });
        let at = text.find('{').unwrap_or(0);
        assert_eq!(line_col(text, at), LineCol { line: 1, column: 5 });
        let kuan = text.find('款').unwrap_or(0);
        assert_eq!(line_col(text, kuan), LineCol { line: 2, column: 3 });
        // Inside a character, past the end, at the very end.
        assert_eq!(line_col(text, kuan + 1), LineCol { line: 2, column: 3 });
        assert_eq!(line_col(text, 10_000), LineCol { line: 3, column: 1 });
        assert_eq!(line_col("", 5), LineCol { line: 1, column: 1 });
        // CRLF: the \r belongs to the line ending.
        let s = Source::new("x", "ab\r\ncd");
        assert_eq!(s.line_col(4), LineCol { line: 2, column: 1 });
        assert_eq!(s.line_range(0), 0..2);
    }

    proptest::proptest! {
        #[test]
        fn the_line_table_agrees_with_a_scan(text in "[a-c\n\r款]{0,40}", offset in 0usize..60) {
            let s = Source::new("x", text.as_str());
            let o = floor_char_boundary(&text, offset);
            let before = &text[..o];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
            let column = before[start..].chars().count() + 1;
            proptest::prop_assert_eq!(s.line_col(offset), LineCol { line, column });
        }
    }
}
