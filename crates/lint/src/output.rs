//! The three forms of a report: for people (human), for tools (JSON), and for
//! code-scanning services (SARIF 2.1.0). All deterministic.

use std::fmt::Write;

use serde_json::{json, Value};

use crate::codes::{self, Severity};
use crate::Report;

/// For people: each finding with its code, message and provisions quoted;
/// then a summary per ordinance.
pub fn human(r: &Report) -> String {
    let mut s = String::new();
    for f in &r.findings {
        let deny = if f.denied { " (denied)" } else { "" };
        let _ = writeln!(
            s,
            "{}[{} {}]{deny}: {}",
            f.severity.as_str(),
            f.code,
            f.name,
            f.message
        );
        for p in &f.provisions {
            let _ = writeln!(s, "  --> {}:{}:{}  {}", p.file, p.line, p.column, p.cite);
            if !p.text.is_empty() {
                let _ = writeln!(s, "      “{}”", p.text.replace('\n', " "));
            }
        }
        s.push('\n');
    }
    for x in &r.silenced {
        let _ = writeln!(
            s,
            "allowed {} at {} ({}:{}): {}",
            x.code, x.cite, x.file, x.line, x.reason
        );
    }
    if !r.silenced.is_empty() {
        s.push('\n');
    }
    for m in &r.summaries {
        let count = |sev: Severity| {
            r.findings
                .iter()
                .filter(|f| f.ordinance == m.ordinance && f.severity == sev)
                .count()
        };
        let teeth = if m.obligations == 0 {
            "no duty binds anyone".to_string()
        } else {
            format!(
                "duties with a consequence {}/{} ({:.1}%)",
                m.with_consequence, m.obligations, m.ratio_percent
            )
        };
        let _ = writeln!(
            s,
            "{} ({}): {} errors, {} warnings, {} notes; {teeth}; vague deadlines {}",
            m.title,
            m.ordinance,
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Note),
            m.vague_deadlines
        );
        if !m.findings.is_empty() {
            let by: Vec<String> = m.findings.iter().map(|(c, n)| format!("{c}×{n}")).collect();
            let _ = writeln!(s, "  {}", by.join(" "));
        }
    }
    let denied = r.denied();
    if denied > 0 {
        let _ = writeln!(s, "\n{denied} denied finding(s)");
    }
    s
}

pub fn json(r: &Report) -> Value {
    json!({
        "findings": r.findings,
        "silenced": r.silenced,
        "summaries": r.summaries,
        "denied": r.denied(),
    })
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn location(file: &str, line: usize, column: usize, cite: &str) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": file.trim_start_matches("<embedded>/") },
            "region": { "startLine": line.max(1), "startColumn": column.max(1) }
        },
        "message": { "text": cite }
    })
}

/// SARIF 2.1.0, one run, every check as a rule.
pub fn sarif(r: &Report) -> Value {
    let rules: Vec<Value> = codes::ALL
        .iter()
        .map(|c| {
            json!({
                "id": c.code,
                "name": c.name,
                "shortDescription": { "text": c.summary },
                "helpUri": format!("docs/lints.md#{}", c.code.to_ascii_lowercase()),
                "defaultConfiguration": { "level": level(c.severity) }
            })
        })
        .collect();
    let results: Vec<Value> = r
        .findings
        .iter()
        .map(|f| {
            let mut locs = f
                .provisions
                .iter()
                .map(|p| location(&p.file, p.line, p.column, &p.cite));
            let first = locs.next();
            let related: Vec<Value> = locs
                .enumerate()
                .map(|(i, mut v)| {
                    if let Some(m) = v.as_object_mut() {
                        m.insert("id".into(), json!(i + 1));
                    }
                    v
                })
                .collect();
            let mut v = json!({
                "ruleId": f.code,
                "level": if f.denied { "error" } else { level(f.severity) },
                "message": { "text": f.message },
                "locations": first.into_iter().collect::<Vec<_>>(),
                "properties": { "ordinance": f.ordinance, "name": f.name }
            });
            if !related.is_empty() {
                if let Some(m) = v.as_object_mut() {
                    m.insert("relatedLocations".into(), Value::Array(related));
                }
            }
            v
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "tiaoli lint",
                "informationUri": "docs/lints.md",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules
            }},
            "results": results
        }]
    })
}
