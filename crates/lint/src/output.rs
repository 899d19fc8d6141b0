//! The three forms of a report: for people (human, in the current language), for tools
//! (JSON), and for code-scanning services (SARIF 2.1.0). All deterministic.
//!
//! The human report is what a drafter reads first: per ordinance, the figures
//! (how its duties are enforced), then each error and warning with its
//! provisions quoted, then one line per kind of note. A warning found in more
//! than [`FOLD`] articles of one ordinance is the ordinance's style rather than
//! a slip, and is one entry listing the articles. `--verbose` prints every
//! finding in full, one per norm.

use std::fmt::Write;

use serde_json::{json, Value};
use tiaoli_l10n::t;

use crate::codes::{self, Severity};
use crate::{Finding, Report, Summary};

/// More articles than this with one warning are folded into one entry.
pub const FOLD: usize = 10;

/// Where the documentation of the checks is, for SARIF's links, unless told.
pub const DOCS_URL: &str = "https://tiaoli.invalid/docs/lints.md";

fn figures(m: &Summary) -> String {
    if m.obligations == 0 {
        return t!("lint-no-duties");
    }
    t!(
        "lint-figures",
        obligations = m.obligations,
        real = m.with_real_measure,
        referral = m.referral_only,
        none = m.obligations - m.with_consequence,
        authority = m.with_authority,
        period = m.with_period
    )
}

fn finding(s: &mut String, f: &Finding) {
    let deny = if f.denied {
        t!("lint-denied")
    } else {
        String::new()
    };
    let line = t!(
        "lint-finding",
        severity = f.severity.label(),
        code = f.code,
        name = f.name,
        denied = deny,
        message = &f.message
    );
    let _ = writeln!(s, "{line}");
    // Each place once, each text once (the norms of one paragraph share it).
    let mut quoted: Vec<&str> = Vec::new();
    for p in &f.provisions {
        let _ = writeln!(s, "  --> {}:{}:{}  {}", p.file, p.line, p.column, p.cite);
        if !p.text.is_empty() && !quoted.contains(&p.text.as_str()) {
            quoted.push(&p.text);
            let _ = writeln!(s, "      “{}”", p.text.replace('\n', " "));
        }
    }
    for it in &f.items {
        let _ = writeln!(s, "      · {it}");
    }
    s.push('\n');
}

/// The article citations of some findings, in order, once each.
fn articles(fs: &[&Finding]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in fs {
        let cite = f
            .provisions
            .first()
            .map(|p| match p.cite.find('条') {
                Some(i) => p
                    .cite
                    .get(..i + '条'.len_utf8())
                    .unwrap_or(&p.cite)
                    .to_string(),
                None => p.cite.clone(),
            })
            .unwrap_or_else(|| f.ordinance.clone());
        if !out.contains(&cite) {
            out.push(cite);
        }
    }
    out
}

/// What the human report prints for one ordinance's findings: each finding in
/// full, or folded (a code, its findings) — see the module's note.
enum Entry<'r> {
    Full(&'r Finding),
    Folded(&'static str, Vec<&'r Finding>),
}

fn entries<'r>(fs: &[&'r Finding], verbose: bool) -> Vec<Entry<'r>> {
    let mut out = Vec::new();
    if verbose {
        return fs.iter().map(|f| Entry::Full(f)).collect();
    }
    for sev in [Severity::Error, Severity::Warning] {
        let of: Vec<&Finding> = fs.iter().copied().filter(|f| f.severity == sev).collect();
        let mut folded: Vec<&'static str> = Vec::new();
        for f in &of {
            let same: Vec<&Finding> = of.iter().copied().filter(|g| g.code == f.code).collect();
            if sev == Severity::Warning && same.len() > FOLD {
                if !folded.contains(&f.code) {
                    folded.push(f.code);
                    out.push(Entry::Folded(f.code, same));
                }
            } else {
                out.push(Entry::Full(f));
            }
        }
    }
    for c in codes::ALL {
        let same: Vec<&Finding> = fs
            .iter()
            .copied()
            .filter(|f| f.severity == Severity::Note && f.code == c.code)
            .collect();
        if !same.is_empty() {
            out.push(Entry::Folded(c.code, same));
        }
    }
    out
}

/// How many entries the human report (not verbose) prints for an ordinance:
/// what a drafter reads on the first screen.
pub fn screen(r: &Report, ordinance: &str) -> usize {
    let fs: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.ordinance == ordinance)
        .collect();
    entries(&fs, false).len()
}

/// For people, in the current language.
pub fn human(r: &Report, verbose: bool) -> String {
    let mut s = String::new();
    for m in &r.summaries {
        let fs: Vec<&Finding> = r
            .findings
            .iter()
            .filter(|f| f.ordinance == m.ordinance)
            .collect();
        let count = |sev: Severity| fs.iter().filter(|f| f.severity == sev).count();
        let _ = writeln!(
            s,
            "■ {}（{}）{}　{}",
            m.title,
            m.ordinance,
            m.instrument
                .as_deref()
                .map(|i| format!("　{i}"))
                .unwrap_or_default(),
            m.status
        );
        let _ = writeln!(s, "  {}", figures(m));
        let vague = if m.vague_articles.is_empty() {
            String::new()
        } else {
            let list = m.vague_articles.join(t!("list-sep").as_str());
            t!("lint-vague-articles", list = list)
        };
        let counts = t!(
            "lint-counts",
            unspecified = m.unspecified,
            vague = m.vague_deadlines,
            articles = vague,
            errors = count(Severity::Error),
            warnings = count(Severity::Warning),
            notes = count(Severity::Note)
        );
        let _ = writeln!(s, "  {counts}");
        s.push('\n');
        for e in entries(&fs, verbose) {
            match e {
                Entry::Full(f) => finding(&mut s, f),
                Entry::Folded(code, group) => {
                    let Some(c) = codes::lookup(code) else {
                        continue;
                    };
                    let list = articles(&group);
                    let denied = if group.iter().any(|f| f.denied) {
                        t!("lint-denied")
                    } else {
                        String::new()
                    };
                    // A few are quoted, more are counted and their articles named.
                    let what = if c.severity == Severity::Note && group.len() <= 3 {
                        group
                            .iter()
                            .map(|f| f.message.as_str())
                            .collect::<Vec<_>>()
                            .join(t!("lint-sep").as_str())
                    } else {
                        t!(
                            "lint-folded",
                            summary = c.summary(),
                            count = group.len(),
                            list = list.join(t!("list-sep").as_str())
                        )
                    };
                    let line = t!(
                        "lint-finding",
                        severity = c.severity.label(),
                        code = c.code,
                        name = c.name,
                        denied = denied,
                        message = what
                    );
                    let _ = writeln!(s, "{line}");
                    if c.severity == Severity::Warning {
                        let _ = writeln!(s, "      {}", t!("lint-folded-note", fold = FOLD));
                    }
                }
            }
        }
        s.push('\n');
    }
    for x in &r.silenced {
        let line = t!(
            "lint-silenced",
            code = x.code,
            cite = &x.cite,
            at = format!("{}:{}", x.file, x.line),
            reason = &x.reason
        );
        let _ = writeln!(s, "{line}");
    }
    if !r.silenced.is_empty() {
        s.push('\n');
    }
    let denied = r.denied();
    if denied > 0 {
        let _ = writeln!(s, "{}", t!("lint-denied-count", count = denied));
    }
    s
}

pub fn json(r: &Report) -> Value {
    let screens: Vec<Value> = r
        .summaries
        .iter()
        .map(|m| json!({ "ordinance": m.ordinance, "entries": screen(r, &m.ordinance) }))
        .collect();
    json!({
        "findings": r.findings,
        "silenced": r.silenced,
        "summaries": r.summaries,
        "first_screen": screens,
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

fn location(p: &crate::Provision) -> Value {
    let (line, column) = (p.line.max(1), p.column.max(1));
    // The end is after the start, or the region is the start's line.
    let (end_line, end_column) = if (p.end_line, p.end_column) > (line, column) {
        (p.end_line, p.end_column.max(1))
    } else {
        (line, column + 1)
    };
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": p.file.trim_start_matches("<embedded>/") },
            "region": {
                "startLine": line,
                "startColumn": column,
                "endLine": end_line,
                "endColumn": end_column
            }
        },
        "message": { "text": p.cite }
    })
}

/// The anchor of a check's section in docs/lints.md (### L301 `toothless-duty`).
fn anchor(c: &codes::Code) -> String {
    format!("{}-{}", c.code.to_ascii_lowercase(), c.name)
}

/// SARIF 2.1.0, one run, every check as a rule with its full description;
/// `docs` is the absolute URI of docs/lints.md (links to each check's section).
pub fn sarif(r: &Report, docs: &str) -> Value {
    let rules: Vec<Value> = codes::ALL
        .iter()
        .map(|c| {
            json!({
                "id": c.code,
                "name": c.name,
                "shortDescription": { "text": c.summary() },
                "fullDescription": { "text": c.description() },
                "help": { "text": format!("{}\n{}", c.summary(), c.description()) },
                "helpUri": format!("{docs}#{}", anchor(c)),
                "defaultConfiguration": { "level": level(c.severity) }
            })
        })
        .collect();
    let results: Vec<Value> = r
        .findings
        .iter()
        .map(|f| {
            let mut locs = f.provisions.iter().map(location);
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
            let mut text = f.message.clone();
            for it in &f.items {
                text.push_str("\n· ");
                text.push_str(it);
            }
            let rule_index = codes::ALL
                .iter()
                .position(|c| c.code == f.code)
                .unwrap_or(0);
            let mut v = json!({
                "ruleId": f.code,
                "ruleIndex": rule_index,
                "level": if f.denied { "error" } else { level(f.severity) },
                "message": { "text": text },
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
                "informationUri": docs,
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules
            }},
            "results": results
        }]
    })
}
