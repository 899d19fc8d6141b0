//! Rendering diagnostics: for people (miette: file, line, column, the source line
//! and a caret aligned under Chinese text) and for machines (JSON).

use std::fmt;

use std::borrow::Cow;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceSpan, SpanContents,
};
use serde::Serialize;

use crate::ast::Span;
use crate::diag::{Diagnostic, Severity};
use crate::source::{ceil_char_boundary, floor_char_boundary, LineCol, Source, SourceMap};

/// A line longer than this (in bytes) is shown as a window around the place
/// it points at, not whole: a 10 MB line is not printed, and columns past
/// 65,535 never reach the renderer.
const LONG_LINE_BYTES: usize = 512;
/// Characters shown on either side of a place on a long line.
const WINDOW_CHARS: usize = 40;
/// Labels at most this many lines apart share one snippet.
const SNIPPET_JOIN_GAP: usize = 6;
/// A label underlines at most this many characters.
const MAX_LABEL_CHARS: usize = 80;
/// A quoted name (“…”) in a message is cut after this many characters.
const MAX_QUOTED_CHARS: usize = 40;
/// A message, label or help is cut after this many characters.
const MAX_MESSAGE_CHARS: usize = 600;

struct Report<'a> {
    message: String,
    severity: Severity,
    code: String,
    source: Excerpt<'a>,
    labels: Vec<LabeledSpan>,
    help: Option<String>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The source as miette reads it: positions from the source's line table (no
/// rescan per message), columns in characters (the documented convention, in
/// the header too), and long lines cut to a window.
struct Excerpt<'a> {
    source: &'a Source,
}

impl Excerpt<'_> {
    fn long(&self, line: usize) -> bool {
        self.source.line_range(line).len() > LONG_LINE_BYTES
    }

    fn column0(&self, line: usize, offset: usize) -> usize {
        let start = self.source.line_range(line).start;
        self.source
            .text
            .get(start..offset)
            .map_or(0, |t| t.chars().count())
    }
}

/// `n` characters back from `offset`, not before `floor`.
fn back_chars(text: &str, offset: usize, floor: usize, n: usize) -> usize {
    text.get(floor..offset)
        .and_then(|t| t.char_indices().rev().take(n).last())
        .map_or(offset, |(i, _)| floor + i)
}

/// `n` characters on from `offset`, not past `ceil`.
fn on_chars(text: &str, offset: usize, ceil: usize, n: usize) -> usize {
    text.get(offset..ceil).map_or(offset, |t| {
        t.char_indices().nth(n).map_or(ceil, |(i, _)| offset + i)
    })
}

impl miette::SourceCode for Excerpt<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let src = self.source;
        let text = src.text.as_str();
        let start = floor_char_boundary(text, span.offset());
        let end = ceil_char_boundary(text, span.offset() + span.len()).max(start);
        if span.offset() > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let first = src.line_index(start);
        let last = src.line_index(if end > start { end - 1 } else { start });
        let named = |from: usize, to: usize, line: usize, column: usize, lines: usize| {
            let data = text.get(from..to).unwrap_or("").as_bytes();
            Box::new(MietteSpanContents::new_named(
                src.name.clone(),
                data,
                SourceSpan::new(from.into(), to - from),
                line,
                column,
                lines,
            )) as Box<dyn SpanContents<'a> + 'a>
        };
        if (first..=last).any(|l| self.long(l)) {
            if last > first {
                // Only the renderer's merged contexts get here (labels are cut to
                // one line first): refusing makes it draw them one by one.
                return Err(MietteError::OutOfBounds);
            }
            let line = src.line_range(first);
            let from = if before == 0 {
                start
            } else {
                back_chars(text, start, line.start, WINDOW_CHARS)
            };
            let to = on_chars(text, end.min(line.end), line.end, WINDOW_CHARS);
            return Ok(named(from, to, first, self.column0(first, from), 1));
        }
        let mut top = first;
        for _ in 0..before {
            if top == 0 || self.long(top - 1) {
                break;
            }
            top -= 1;
        }
        let mut bottom = last;
        for _ in 0..after {
            if bottom + 1 >= src.line_count() || self.long(bottom + 1) {
                break;
            }
            bottom += 1;
        }
        let (from, column) = if before == 0 {
            (start, self.column0(first, start))
        } else {
            (src.line_range(top).start, 0)
        };
        let to = src
            .line_range(bottom + 1)
            .start
            .max(src.line_range(bottom).end)
            .min(text.len());
        // miette draws two labels in one snippet when the first snippet's
        // `line + line_count` reaches the second's line: the count given here
        // lets snippets a few lines apart join, as miette's own sources do,
        // without joining labels hundreds of lines apart into one long snippet.
        let line_count = bottom - top + 1 + SNIPPET_JOIN_GAP;
        Ok(named(
            from,
            to,
            if before == 0 { first } else { top },
            column,
            line_count,
        ))
    }
}

/// A label's span, cut to its first line and [`MAX_LABEL_CHARS`] when it would
/// cover a long line or a long stretch of text.
fn label_span(src: &Source, span: Span) -> SourceSpan {
    let text = src.text.as_str();
    let start = floor_char_boundary(text, span.start);
    let end = floor_char_boundary(text, span.end).max(start);
    let line = src.line_range(src.line_index(start));
    let end = if end > line.end || end - start > LONG_LINE_BYTES {
        on_chars(text, start, end.min(line.end).max(start), MAX_LABEL_CHARS)
    } else {
        end
    };
    SourceSpan::new(start.into(), end - start)
}

/// A message fit to print: quoted names (“…”) past [`MAX_QUOTED_CHARS`] and the
/// whole past [`MAX_MESSAGE_CHARS`] are cut, saying how long they were.
pub fn shorten(message: &str) -> Cow<'_, str> {
    let long_quote = message.split('“').skip(1).any(|q| {
        q.split('”')
            .next()
            .is_some_and(|q| q.chars().count() > MAX_QUOTED_CHARS)
    });
    if !long_quote && message.chars().count() <= MAX_MESSAGE_CHARS {
        return Cow::Borrowed(message);
    }
    let mut out = String::new();
    let mut rest = message;
    while let Some(open) = rest.find('“') {
        let (before, quoted) = rest.split_at(open + '“'.len_utf8());
        out.push_str(before);
        let (inner, tail) = match quoted.find('”') {
            Some(close) => quoted.split_at(close),
            None => (quoted, ""),
        };
        let n = inner.chars().count();
        if n > MAX_QUOTED_CHARS {
            out.extend(inner.chars().take(MAX_QUOTED_CHARS));
            out.push_str(&format!("…（共 {n} 字）"));
        } else {
            out.push_str(inner);
        }
        rest = tail;
    }
    out.push_str(rest);
    let n = out.chars().count();
    if n > MAX_MESSAGE_CHARS {
        let cut: String = out.chars().take(MAX_MESSAGE_CHARS).collect();
        return Cow::Owned(format!("{cut}…（共 {n} 字）"));
    }
    Cow::Owned(out)
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

/// A diagnostic without its help: miette writes the help after an English
/// `help:` whatever the language, so [`Renderer`] writes it instead.
struct WithoutHelp<'a>(&'a dyn miette::Diagnostic);

impl fmt::Debug for WithoutHelp<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.0, f)
    }
}

impl fmt::Display for WithoutHelp<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.0, f)
    }
}

impl std::error::Error for WithoutHelp<'_> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

impl miette::Diagnostic for WithoutHelp<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.0.code()
    }
    fn severity(&self) -> Option<miette::Severity> {
        self.0.severity()
    }
    fn url<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.0.url()
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.0.source_code()
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.0.labels()
    }
    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn miette::Diagnostic> + 'b>> {
        self.0.related()
    }
    fn diagnostic_source(&self) -> Option<&dyn miette::Diagnostic> {
        self.0.diagnostic_source()
    }
}

/// Width of a rendered report, in columns.
const REPORT_WIDTH: usize = 110;

/// miette's graphical report, in the current language: miette draws the
/// message, the code and the source with its labels; the help follows under
/// our own prefix (`提示：`, `help: `), wrapped and coloured as miette would.
struct Renderer {
    handler: GraphicalReportHandler,
    styles: miette::ThemeStyles,
}

impl Renderer {
    fn new(color: bool) -> Renderer {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let styles = theme.styles.clone();
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(REPORT_WIDTH)
            .with_links(false);
        Renderer { handler, styles }
    }

    fn render(&self, out: &mut String, d: &dyn miette::Diagnostic) -> fmt::Result {
        let mut one = String::new();
        self.handler.render_report(&mut one, &WithoutHelp(d))?;
        if let Some(help) = d.help() {
            let prefix = format!("  {}", tiaoli_l10n::t!("syn-help-prefix"));
            let indent = " ".repeat(textwrap::core::display_width(&prefix));
            let first = self.styles.help.style(&prefix).to_string();
            let opts = textwrap::Options::new(REPORT_WIDTH.saturating_sub(2))
                .initial_indent(&first)
                .subsequent_indent(&indent);
            one.push_str(&textwrap::fill(&help.to_string(), opts));
            one.push('\n');
        }
        out.push_str(&one);
        Ok(())
    }
}

/// Renders one diagnostic of any kind (a file that cannot be read, a
/// calendar that does not parse …) for a terminal, as [`render_human`] does
/// the rules': its help after `提示：`, or `help: ` in English.
pub fn render_report(d: &dyn miette::Diagnostic, color: bool) -> String {
    let mut out = String::new();
    if Renderer::new(color).render(&mut out, d).is_err() {
        out = format!("{d}\n");
        if let Some(help) = d.help() {
            out.push_str(&format!("  {}{help}\n", tiaoli_l10n::t!("syn-help-prefix")));
        }
    }
    out
}

/// Renders diagnostics for a terminal. `color` adds ANSI colours.
pub fn render_human(diags: &[Diagnostic], sources: &SourceMap, color: bool) -> String {
    let renderer = Renderer::new(color);
    let mut out = String::new();
    let empty = Source::new("<unknown>", "");
    for d in diags {
        let src = sources.get(d.source).unwrap_or(&empty);
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            (!d.label.is_empty()).then(|| shorten(&d.label).into_owned()),
            label_span(src, d.span),
        )];
        let mut notes = Vec::new();
        for r in &d.related {
            if r.source == d.source {
                labels.push(LabeledSpan::new_with_span(
                    Some(shorten(&r.message).into_owned()),
                    label_span(src, r.span),
                ));
            } else {
                let lc = sources.line_col(r.source, r.span.start);
                notes.push(tiaoli_l10n::t!(
                    "syn-related-at",
                    message = shorten(&r.message).into_owned(),
                    at = format!("{}:{}:{}", sources.name(r.source), lc.line, lc.column)
                ));
            }
        }
        let help = d.help.as_deref().map(|h| shorten(h).into_owned());
        let help = match (help, notes.is_empty()) {
            (Some(h), true) => Some(h),
            (Some(h), false) => Some(format!("{h}\n{}", notes.join("\n"))),
            (None, false) => Some(notes.join("\n")),
            (None, true) => None,
        };
        let message = shorten(&d.message).into_owned();
        let report = Report {
            message: message.clone(),
            severity: d.severity,
            code: format!("tiaoli::{}", d.code),
            source: Excerpt { source: src },
            labels,
            help,
        };
        let mut one = String::new();
        if renderer.render(&mut one, &report).is_ok() {
            out.push_str(&one);
        } else {
            let lc = sources.line_col(d.source, d.span.start);
            out.push_str(&format!(
                "{}:{}:{}: {message}\n",
                sources.name(d.source),
                lc.line,
                lc.column
            ));
        }
        out.push('\n');
    }
    out
}

/// One diagnostic as JSON: positions resolved to file, line and column.
#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JsonDiagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<JsonRelated>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JsonRelated {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

pub fn to_json(diags: &[Diagnostic], sources: &SourceMap) -> Vec<JsonDiagnostic> {
    diags
        .iter()
        .map(|d| {
            let LineCol { line, column } = sources.line_col(d.source, d.span.start);
            let end = sources.line_col(d.source, d.span.end);
            JsonDiagnostic {
                file: sources.name(d.source).to_string(),
                line,
                column,
                end_line: end.line,
                end_column: end.column,
                code: d.code,
                severity: d.severity,
                message: shorten(&d.message).into_owned(),
                label: shorten(&d.label).into_owned(),
                help: d.help.as_deref().map(|h| shorten(h).into_owned()),
                related: d
                    .related
                    .iter()
                    .map(|r| {
                        let lc = sources.line_col(r.source, r.span.start);
                        JsonRelated {
                            file: sources.name(r.source).to_string(),
                            line: lc.line,
                            column: lc.column,
                            message: shorten(&r.message).into_owned(),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quotes_and_messages_are_cut() {
        assert_eq!(
            shorten("unknown term “公按部门”"),
            "unknown term “公按部门”"
        );
        let long = format!("unknown term “{}”", "公".repeat(10_000));
        let s = shorten(&long);
        assert!(s.chars().count() < 100, "{s}");
        assert!(s.contains("…（共 10000 字）”"), "{s}");
        let plain = "长".repeat(5_000);
        let s = shorten(&plain);
        assert!(s.chars().count() < MAX_MESSAGE_CHARS + 20, "{s}");
    }

    #[test]
    fn a_place_past_column_65535_renders_in_a_window() {
        let mut sources = SourceMap::new();
        let text = format!("{}错\n", "长".repeat(70_000));
        let at = text.find('错').unwrap();
        let id = sources.add("x.tiaoli", text);
        let d =
            Diagnostic::error("syntax", id, Span::new(at, at + 3), "这里错了").with_label("这里");
        let out = render_human(&[d], &sources, false);
        assert!(out.contains("[x.tiaoli:1:70001]"), "{out}");
        assert!(out.len() < 2_000, "{} bytes", out.len());
    }
}
