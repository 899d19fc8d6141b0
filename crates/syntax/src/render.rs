//! Rendering diagnostics: for people (miette: file, line, column, the source line
//! and a caret aligned under Chinese text) and for machines (JSON).

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};
use serde::Serialize;

use crate::diag::{Diagnostic, Severity};
use crate::source::{LineCol, SourceMap};

struct Report<'a> {
    diag: &'a Diagnostic,
    code: String,
    source: NamedSource<String>,
    labels: Vec<LabeledSpan>,
    help: Option<String>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
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

fn source_span(start: usize, end: usize) -> SourceSpan {
    SourceSpan::new(start.into(), end.saturating_sub(start))
}

/// Renders diagnostics for a terminal. `color` adds ANSI colours.
pub fn render_human(diags: &[Diagnostic], sources: &SourceMap, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(110)
        .with_links(false);
    let mut out = String::new();
    for d in diags {
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            (!d.label.is_empty()).then(|| d.label.clone()),
            source_span(d.span.start, d.span.end),
        )];
        let mut notes = Vec::new();
        for r in &d.related {
            if r.source == d.source {
                labels.push(LabeledSpan::new_with_span(
                    Some(r.message.clone()),
                    source_span(r.span.start, r.span.end),
                ));
            } else {
                let lc = sources.line_col(r.source, r.span.start);
                notes.push(format!(
                    "{} ({}:{}:{})",
                    r.message,
                    sources.name(r.source),
                    lc.line,
                    lc.column
                ));
            }
        }
        let help = match (&d.help, notes.is_empty()) {
            (Some(h), true) => Some(h.clone()),
            (Some(h), false) => Some(format!("{h}\n{}", notes.join("\n"))),
            (None, false) => Some(notes.join("\n")),
            (None, true) => None,
        };
        let report = Report {
            diag: d,
            code: format!("tiaoli::{}", d.code),
            source: NamedSource::new(sources.name(d.source), sources.text(d.source).to_string()),
            labels,
            help,
        };
        if handler.render_report(&mut out, &report).is_err() {
            let lc = sources.line_col(d.source, d.span.start);
            out.push_str(&format!(
                "{}:{}:{}: {}\n",
                sources.name(d.source),
                lc.line,
                lc.column,
                d.message
            ));
        }
        out.push('\n');
    }
    out
}

/// One diagnostic as JSON: positions resolved to file, line and column.
#[derive(Serialize)]
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
                message: d.message.clone(),
                label: d.label.clone(),
                help: d.help.clone(),
                related: d
                    .related
                    .iter()
                    .map(|r| {
                        let lc = sources.line_col(r.source, r.span.start);
                        JsonRelated {
                            file: sources.name(r.source).to_string(),
                            line: lc.line,
                            column: lc.column,
                            message: r.message.clone(),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}
