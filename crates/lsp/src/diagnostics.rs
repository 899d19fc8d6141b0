//! The compiler's diagnostics — the same as `tiaoli check` — and, when the
//! workspace compiles, `tiaoli lint`'s findings, as protocol diagnostics for
//! every file of the workspace.

use ls_types::{
    Diagnostic as LspDiagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, NumberOrString,
    Uri,
};
use tiaoli_syntax::{Diagnostic, Severity, SourceId};

use crate::config::{Config, LintLevel};
use crate::workspace::Analysis;

/// Diagnostics per file of the workspace (embedded files excluded), every
/// file listed, so that a file whose problems are fixed gets an empty list.
pub fn collect(a: &Analysis, config: &Config) -> (Vec<(Uri, Vec<LspDiagnostic>)>, Option<String>) {
    let mut per: Vec<Vec<LspDiagnostic>> = a.ids().map(|_| Vec::new()).collect();
    for d in &a.compilation.diagnostics {
        if let (Some(list), Some(x)) = (per.get_mut(d.source.0), convert(a, d)) {
            list.push(x);
        }
    }
    let mut problem = None;
    if config.lint != LintLevel::Off && !a.compilation.has_errors() {
        let opts = match tiaoli_lint::Options::new(&[], &config.lint_allow) {
            Ok(o) => o,
            Err(e) => {
                problem = Some(format!("设置 lintAllow 有误：{e}"));
                tiaoli_lint::Options::default()
            }
        };
        let report = tiaoli_lint::lint(&a.compilation.graph, None, &opts);
        for f in &report.findings {
            if let Some((id, x)) = lint_finding(a, f, config.lint) {
                if let Some(list) = per.get_mut(id.0) {
                    list.push(x);
                }
            }
        }
    }
    let out = a
        .ids()
        .zip(per)
        .filter(|(id, _)| !a.is_embedded(*id))
        .filter_map(|(id, list)| Some((a.uri(id)?.clone(), list)))
        .collect();
    (out, problem)
}

/// One compiler diagnostic: its range in UTF-16, its code, its help, and the
/// places it relates to.
pub fn convert(a: &Analysis, d: &Diagnostic) -> Option<LspDiagnostic> {
    let lines = a.lines(d.source)?;
    let mut message = d.message.clone();
    if let Some(h) = &d.help {
        message.push('\n');
        message.push_str(h);
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|r| {
            Some(DiagnosticRelatedInformation {
                location: a.location(r.source, r.span)?,
                message: r.message.clone(),
            })
        })
        .collect();
    Some(LspDiagnostic {
        range: lines.range(d.span),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        code_description: None,
        source: Some("tiaoli".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    })
}

/// A lint finding at its first provision (to the end of that line), the
/// other provisions related.
fn lint_finding(
    a: &Analysis,
    f: &tiaoli_lint::Finding,
    level: LintLevel,
) -> Option<(SourceId, LspDiagnostic)> {
    let place = |p: &tiaoli_lint::Provision| {
        let id = a.source_named(&p.file)?;
        let lines = a.lines(id)?;
        let start = lines.offset_of_line_column(p.line, p.column);
        let span = tiaoli_syntax::ast::Span::new(start, lines.line_end(start));
        Some((id, span))
    };
    let first = f.provisions.first()?;
    let (id, span) = place(first)?;
    let related: Vec<DiagnosticRelatedInformation> = f
        .provisions
        .iter()
        .skip(1)
        .filter_map(|p| {
            let (pid, pspan) = place(p)?;
            Some(DiagnosticRelatedInformation {
                location: a.location(pid, pspan)?,
                message: format!("{} {}", p.ordinance, p.cite),
            })
        })
        .collect();
    Some((
        id,
        LspDiagnostic {
            range: a.lines(id)?.range(span),
            severity: Some(match level {
                LintLevel::Warning => DiagnosticSeverity::WARNING,
                LintLevel::Information => DiagnosticSeverity::INFORMATION,
                LintLevel::Hint | LintLevel::Off => DiagnosticSeverity::HINT,
            }),
            code: Some(NumberOrString::String(f.code.to_string())),
            code_description: None,
            source: Some("tiaoli lint".to_string()),
            message: format!("{}（{}）", f.message, f.name),
            related_information: (!related.is_empty()).then_some(related),
            tags: None,
            data: None,
        },
    ))
}
