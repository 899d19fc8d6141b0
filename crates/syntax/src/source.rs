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
        self.sources.push(Source {
            name: name.into(),
            text: text.into(),
        });
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
        line_col(self.text(id), offset)
    }

    /// The text a span covers, or "" if the span is out of range.
    pub fn slice(&self, id: SourceId, span: Span) -> &str {
        self.text(id).get(span.start..span.end).unwrap_or("")
    }
}

pub fn line_col(text: &str, offset: usize) -> LineCol {
    let mut offset = offset.min(text.len());
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before.get(line_start..).unwrap_or("").chars().count() + 1;
    LineCol { line, column }
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
    }
}
