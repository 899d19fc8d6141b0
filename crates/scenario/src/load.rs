//! Finding and reading scenario test files, and checking them before they run:
//! unknown fields, names and statuses are errors of the file, with its name.

use std::path::{Path, PathBuf};
use tiaoli_l10n::t;

use super::*;

/// A test file that cannot be used.
#[derive(Debug, Clone)]
pub struct LoadError {
    pub file: String,
    pub message: String,
}

/// The test files under the given paths (`*.yaml`, `*.yml`), sorted.
pub fn find_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_file() {
            out.push(p.clone());
        } else if p.is_dir() {
            collect(p, &mut out);
        } else {
            return Err(LoadError {
                file: p.display().to_string(),
                message: t!("scenario-no-such-path"),
            });
        }
    }
    Ok(out)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            collect(&e, out);
        } else if e.extension().is_some_and(|x| x == "yaml" || x == "yml") && is_test_file(&e) {
            out.push(e);
        }
    }
}

/// In a directory, a YAML file is a test file when it has a top-level `cases:`
/// (rules/ also holds the holiday calendar). A file named explicitly is always one.
/// Only regular files are opened (a FIFO named x.yaml would block).
fn is_test_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
        && tiaoli_compiler::load::read_text(path)
            .is_ok_and(|t| t.lines().any(|l| l.starts_with("cases:")))
}

pub fn load(path: &Path) -> Result<TestFile, LoadError> {
    let file = path.display().to_string();
    let text = tiaoli_compiler::load::read_text(path).map_err(|e| LoadError {
        file: file.clone(),
        message: e.to_string(),
    })?;
    let tf = tiaoli_compiler::yaml::from_str::<TestFile>(&text).map_err(|e| LoadError {
        file: file.clone(),
        message: match e.line {
            Some(l) => t!("scenario-at-line", line = l, message = e.message),
            None => e.message,
        },
    })?;
    let problems = validate(&tf);
    if problems.is_empty() {
        Ok(tf)
    } else {
        Err(LoadError {
            file,
            message: problems.join("\n  "),
        })
    }
}

/// The statuses a result can have (docs/facts-and-results.md), as written in
/// test files.
pub const STATUSES: &[&str] = &[
    "violated",
    "triggered",
    "unknown",
    "pending",
    "fulfilled",
    "not_triggered",
    "overridden",
    "permitted",
    "encouraged",
    "lapsed",
];

/// The values of a sanction's `applies`.
const APPLIES: &[&str] = &["true", "false", "unknown"];

/// `，是否应为“…”？` after a name that is not known, when one is near; else nothing.
pub(crate) fn hint<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    tiaoli_syntax::diag::did_you_mean(word, known)
        .map(|h| t!("scenario-hint", hint = h))
        .unwrap_or_default()
}

/// What a test file says that cannot be right whatever the rules: a status
/// that does not exist (`triggerd`), a date that is not one. Such a case
/// would fail, or pass, for the wrong reason: the file is invalid instead.
fn validate(tf: &TestFile) -> Vec<String> {
    let mut out = Vec::new();
    for case in &tf.cases {
        let at = |what: String| t!("scenario-case", case = &case.name, message = what);
        if Date::parse(&case.as_of).is_none() {
            out.push(at(t!("scenario-as-of-not-date", given = &case.as_of)));
        }
        if case.units.as_ref().is_none_or(Vec::is_empty) && case.facts.is_none() {
            out.push(at(t!("scenario-no-units")));
        }
        for (uid, exp) in &case.expect {
            for r in &exp.results {
                if let Some(st) = &r.status {
                    if !STATUSES.contains(&st.as_str()) {
                        let hint = hint(st, STATUSES.iter().copied());
                        out.push(at(t!(
                            "scenario-unknown-status",
                            unit = uid,
                            status = st,
                            hint = hint,
                            known = STATUSES.join(t!("list-sep").as_str())
                        )));
                    }
                }
                for (field, d) in [
                    ("due", &r.due),
                    ("overdue_since", &r.overdue_since),
                    ("fulfilled_on", &r.fulfilled_on),
                    ("triggered_on", &r.triggered_on),
                ] {
                    if let Some(d) = d {
                        if d != "—" && Date::parse(d).is_none() {
                            out.push(at(t!(
                                "scenario-field-not-date",
                                unit = uid,
                                field = field,
                                given = d
                            )));
                        }
                    }
                }
                for sanction in r.sanctions.iter().flatten() {
                    if let Some(a) = &sanction.applies {
                        if !APPLIES.contains(&a.as_str()) {
                            out.push(at(t!("scenario-applies", unit = uid, given = a)));
                        }
                    }
                }
            }
            if let Exact::Statuses(list) = &exp.exact {
                for st in list.iter().filter(|st| !STATUSES.contains(&st.as_str())) {
                    out.push(at(t!(
                        "scenario-exact-unknown-status",
                        unit = uid,
                        status = st
                    )));
                }
            }
        }
    }
    out
}
