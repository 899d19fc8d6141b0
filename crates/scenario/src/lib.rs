//! tiaoli-scenario: scenario tests (docs/testing.md). Named cases give units and
//! the outcome expected for each; [`run`] evaluates them against an engine and
//! compares, [`report`] renders the outcome (human, JSON, JUnit) with coverage.

#![allow(clippy::result_large_err)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

use std::path::{Path, PathBuf};
use tiaoli_l10n::t;

use indexmap::{IndexMap, IndexSet};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tiaoli_compiler::graph::Node;
use tiaoli_engine::facts::{self, Format};
use tiaoli_engine::report::{Exposure, Finding, UnitReport};
use tiaoli_engine::{Date, Engine, Options};

mod load;
pub mod render;

use load::hint;
pub use load::{find_files, load, LoadError};

/// A test file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestFile {
    pub cases: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    pub as_of: String,
    #[serde(default)]
    pub drafts: bool,
    #[serde(default)]
    pub units: Option<Vec<Value>>,
    #[serde(default)]
    pub facts: Option<String>,
    #[serde(default)]
    pub only_units: Option<Vec<String>>,
    #[serde(default)]
    pub set_facts: Option<serde_json::Map<String, Value>>,
    pub expect: IndexMap<String, UnitExpect>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitExpect {
    #[serde(default)]
    pub results: Vec<ExpectedResult>,
    #[serde(default)]
    pub absent: Vec<String>,
    #[serde(default)]
    pub skipped: Vec<String>,
    #[serde(default)]
    pub exact: Exact,
}

/// `exact: true`, or the statuses for which `results` is exhaustive.
#[derive(Debug, Default, Deserialize)]
#[serde(untagged)]
pub enum Exact {
    #[default]
    No,
    All(bool),
    Statuses(Vec<String>),
}

impl Exact {
    fn covers(&self, status: &str) -> bool {
        match self {
            Exact::No | Exact::All(false) => false,
            Exact::All(true) => true,
            Exact::Statuses(s) => s.iter().any(|x| x == status),
        }
    }
    fn lists(&self) -> bool {
        matches!(self, Exact::All(true))
    }
}

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedResult {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ordinance: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub norm: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eid: Option<String>,
    /// Which instance of the norm (its label: an occurrence id, a date, a period).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overdue_since: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fulfilled_on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub triggered_on: Option<String>,
    /// Consequences: the day their grounds came to hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vague: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing_facts: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sanctions: Option<Vec<ExpectedSanction>>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedSanction {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discretionary: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applies: Option<String>,
    /// A measure with a duration: active, expired or unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Its last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
}

/// One way a case failed.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    pub unit: String,
    pub message: String,
    /// Field-by-field differences: (field, expected, actual).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub differences: Vec<(String, String, String)>,
    /// Why the engine decided as it did (the explain chain), when a result was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseOutcome {
    pub name: String,
    pub file: String,
    pub passed: bool,
    pub failures: Vec<Failure>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Coverage {
    /// ordinance → (covered, total, uncovered names)
    pub ordinances: IndexMap<String, OrdinanceCoverage>,
    pub percent: f64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct OrdinanceCoverage {
    pub covered: usize,
    pub total: usize,
    pub percent: f64,
    pub uncovered: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub total: usize,
    pub passed: usize,
    pub failed: usize,
    pub cases: Vec<CaseOutcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Coverage>,
}

/// Runs every case of the given files whose name contains `filter`. Every
/// case is prepared first: a case whose units cannot be built (a facts file
/// missing or without units, an invalid unit, an `expect` for a unit the case
/// does not have, an `absent` or `skipped` naming nothing in the rules) is an
/// input error, and then no case is run.
pub fn run(
    engine: &Engine,
    files: &[(PathBuf, TestFile)],
    filter: Option<&str>,
    coverage: bool,
) -> Result<Outcome, Vec<LoadError>> {
    let mut prepared = Vec::new();
    let mut errors = Vec::new();
    for (path, tf) in files {
        for case in &tf.cases {
            if filter.is_some_and(|f| !case.name.contains(f)) {
                continue;
            }
            match prepare(engine, path, case) {
                Ok(p) => prepared.push((path, case, p)),
                Err(messages) => errors.extend(messages.into_iter().map(|m| LoadError {
                    file: path.display().to_string(),
                    message: t!("scenario-case", case = &case.name, message = m),
                })),
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut cases = Vec::new();
    let mut exercised: IndexSet<(String, String)> = IndexSet::new();
    for (path, case, (units, as_of)) in prepared {
        cases.push(run_case(engine, path, case, units, as_of, &mut exercised));
    }
    let passed = cases.iter().filter(|c| c.passed).count();
    let coverage = coverage.then(|| compute_coverage(engine, &exercised));
    Ok(Outcome {
        total: cases.len(),
        passed,
        failed: cases.len() - passed,
        cases,
        coverage,
    })
}

/// A case's units and date, and every name its expectations use checked
/// against the rules.
fn prepare(
    engine: &Engine,
    path: &Path,
    case: &Case,
) -> Result<(Vec<facts::Unit>, Date), Vec<String>> {
    let (units, as_of) = case_units(path, case, engine)?;
    let mut errors = Vec::new();
    if units.is_empty() {
        errors.push(match &case.facts {
            Some(f) => t!("scenario-facts-no-units", file = f),
            None => t!("scenario-case-no-units"),
        });
    }
    let names: Vec<&str> = engine
        .graph
        .ordinances
        .iter()
        .flat_map(|o| o.norms.keys().chain(o.consequences.keys()))
        .map(String::as_str)
        .collect();
    let ordinances: Vec<&str> = engine
        .graph
        .ordinances
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    for (uid, exp) in &case.expect {
        if !units.iter().any(|u| &u.id == uid) {
            let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
            let hint = hint(uid, ids.iter().copied());
            errors.push(t!("scenario-expect-unknown-unit", unit = uid, hint = hint));
        }
        for a in &exp.absent {
            // "cite name" or "name", either with "[instance]" (as check_unit reads them).
            let a = a
                .strip_suffix(']')
                .and_then(|x| x.split_once('['))
                .map_or(a.as_str(), |(n, _)| n);
            let name = a.split_once(' ').map_or(a, |(_, n)| n);
            if !names.contains(&name) {
                let hint = hint(name, names.iter().copied());
                errors.push(t!(
                    "scenario-absent-unknown",
                    unit = uid,
                    name = name,
                    hint = hint
                ));
            }
        }
        for o in &exp.skipped {
            if !ordinances.contains(&o.as_str()) {
                let hint = hint(o, ordinances.iter().copied());
                errors.push(t!(
                    "scenario-skipped-unknown",
                    unit = uid,
                    ordinance = o,
                    hint = hint
                ));
            }
        }
        for r in &exp.results {
            if let Some(o) = &r.ordinance {
                if !ordinances.contains(&o.as_str()) {
                    errors.push(t!("scenario-results-unknown", unit = uid, ordinance = o));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok((units, as_of))
    } else {
        Err(errors)
    }
}

fn failure(unit: &str, message: impl Into<String>) -> Failure {
    Failure {
        unit: unit.to_string(),
        message: message.into(),
        differences: vec![],
        why: None,
    }
}

/// Builds the units of a case as a facts document and validates it like a facts file.
fn case_units(
    path: &Path,
    case: &Case,
    engine: &Engine,
) -> Result<(Vec<facts::Unit>, Date), Vec<String>> {
    let as_of = Date::parse(&case.as_of)
        .ok_or_else(|| vec![t!("scenario-as-of-not-date", given = &case.as_of)])?;
    let mut units: Vec<Value> = case.units.clone().unwrap_or_default();
    if let Some(f) = &case.facts {
        let fp = path.parent().unwrap_or(Path::new(".")).join(f);
        let text = tiaoli_compiler::load::read_text(&fp).map_err(|e| vec![e.to_string()])?;
        let doc: Value = match Format::from_path(&fp.display().to_string()) {
            Format::Json => {
                serde_json::from_str(&text).map_err(|e| vec![format!("{}: {e}", fp.display())])?
            }
            _ => tiaoli_compiler::yaml::from_str(&text)
                .map_err(|e| vec![format!("{}: {}", fp.display(), e.message)])?,
        };
        let from_file = doc
            .get("units")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        units.extend(from_file.into_iter().filter(|u| {
            case.only_units.as_ref().is_none_or(|only| {
                u.get("id")
                    .and_then(Value::as_str)
                    .is_some_and(|id| only.iter().any(|o| o == id))
            })
        }));
    }
    if let Some(set) = &case.set_facts {
        for u in &mut units {
            if let Some(obj) = u.as_object_mut() {
                let facts = obj
                    .entry("facts")
                    .or_insert_with(|| Value::Object(Default::default()));
                if let Some(f) = facts.as_object_mut() {
                    for (k, v) in set {
                        f.insert(k.clone(), v.clone());
                    }
                }
            }
        }
    }
    let doc = serde_json::json!({ "as_of": case.as_of, "units": units });
    let parsed = engine
        .parse_facts(&doc.to_string(), Format::Json)
        .map_err(|errs| errs.iter().map(|e| e.to_string()).collect::<Vec<_>>())?;
    Ok((parsed.units, as_of))
}

fn run_case(
    engine: &Engine,
    path: &Path,
    case: &Case,
    units: Vec<facts::Unit>,
    as_of: Date,
    exercised: &mut IndexSet<(String, String)>,
) -> CaseOutcome {
    let file = path.display().to_string();
    let mut failures = Vec::new();
    let opts = Options {
        as_of,
        drafts: case.drafts,
    };
    for (uid, exp) in &case.expect {
        // prepare() made sure every expected unit is there.
        let Some(unit) = units.iter().find(|u| &u.id == uid) else {
            failures.push(failure(uid, t!("scenario-no-unit")));
            continue;
        };
        let ev = engine.evaluate(unit, opts);
        // The expectations are written as the report reads in Chinese (同级,
        // 本单位 …): the report compared with them is Chinese in every language.
        let rep = tiaoli_l10n::scoped(tiaoli_l10n::Lang::Zh, || engine.unit_report(&ev, opts));
        check_unit(engine, &ev, &rep, exp, opts, &mut failures, exercised);
    }
    CaseOutcome {
        name: case.name.clone(),
        file,
        passed: failures.is_empty(),
        failures,
    }
}

fn status_str(f: &Finding) -> String {
    serde_json::to_value(f.status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn keys_match(e: &ExpectedResult, f: &Finding) -> bool {
    e.ordinance.as_ref().is_none_or(|o| *o == f.ordinance)
        && e.norm.as_ref().is_none_or(|n| *n == f.norm)
        && e.cite.as_ref().is_none_or(|c| *c == f.cite)
        && e.eid.as_ref().is_none_or(|x| *x == f.eid)
        && e.instance
            .as_ref()
            .is_none_or(|x| Some(x) == f.instance.as_ref())
}

fn sanction_matches(e: &ExpectedSanction, a: &Exposure) -> bool {
    e.kind.as_ref().is_none_or(|k| *k == a.kind)
        && e.authority
            .as_ref()
            .is_none_or(|x| Some(x) == a.authority.as_ref())
        && e.target.as_ref().is_none_or(|t| *t == a.target)
        && e.discretionary.is_none_or(|d| d == a.discretionary)
        && e.applies.as_ref().is_none_or(|x| {
            serde_json::to_value(a.applies)
                .ok()
                .and_then(|v| v.as_str().map(|s| s == x))
                .unwrap_or(false)
        })
        && e.state.as_ref().is_none_or(|x| {
            a.lasting.as_ref().is_some_and(|l| {
                serde_json::to_value(l.state)
                    .ok()
                    .and_then(|v| v.as_str().map(|s| s == x))
                    .unwrap_or(false)
            })
        })
        && e.until.as_ref().is_none_or(|x| {
            a.lasting
                .as_ref()
                .and_then(|l| l.until)
                .is_some_and(|u| u.to_string() == *x)
        })
}

fn opt_date(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "—".into())
}

/// Field differences between an expected and an actual result.
fn differences(
    e: &ExpectedResult,
    f: &Finding,
    exact_lists: bool,
) -> Vec<(String, String, String)> {
    let mut d = Vec::new();
    let mut cmp = |field: &str, want: &Option<String>, have: String| {
        if let Some(w) = want {
            if *w != have {
                d.push((field.to_string(), w.clone(), have));
            }
        }
    };
    cmp("status", &e.status, status_str(f));
    cmp("due", &e.due, opt_date(f.due));
    cmp("overdue_since", &e.overdue_since, opt_date(f.overdue_since));
    cmp("fulfilled_on", &e.fulfilled_on, opt_date(f.fulfilled_on));
    cmp("triggered_on", &e.triggered_on, opt_date(f.triggered_on));
    cmp("since", &e.since, opt_date(f.since));
    cmp(
        "vague",
        &e.vague.map(|b| b.to_string()),
        f.vague.to_string(),
    );
    cmp(
        "draft",
        &e.draft.map(|b| b.to_string()),
        f.draft.to_string(),
    );
    if let Some(want) = &e.missing_facts {
        let ok = if exact_lists {
            let mut a = want.clone();
            a.sort();
            a == f.missing_facts
        } else {
            want.iter().all(|w| f.missing_facts.contains(w))
        };
        if !ok {
            d.push((
                "missing_facts".into(),
                want.join("、"),
                f.missing_facts.join("、"),
            ));
        }
    }
    if let Some(want) = &e.sanctions {
        let missing: Vec<&ExpectedSanction> = want
            .iter()
            .filter(|w| !f.sanctions.iter().any(|a| sanction_matches(w, a)))
            .collect();
        let extra = exact_lists
            && f.sanctions
                .iter()
                .any(|a| !want.iter().any(|w| sanction_matches(w, a)));
        if !missing.is_empty() || extra {
            let show = |s: &[&ExpectedSanction]| {
                s.iter()
                    .map(|x| serde_json::to_string(x).unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let actual: Vec<String> = f
                .sanctions
                .iter()
                .map(|a| {
                    format!(
                        "{} {} {}",
                        a.authority.clone().unwrap_or_else(|| "—".into()),
                        a.target,
                        a.kind
                    )
                })
                .collect();
            d.push((
                "sanctions".into(),
                if missing.is_empty() {
                    t!("scenario-exactly-those-listed")
                } else {
                    show(&missing)
                },
                actual.join("; "),
            ));
        }
    }
    d
}

fn check_unit(
    engine: &Engine,
    ev: &tiaoli_engine::eval::UnitEval<'_>,
    rep: &UnitReport,
    exp: &UnitExpect,
    opts: Options,
    failures: &mut Vec<Failure>,
    exercised: &mut IndexSet<(String, String)>,
) {
    let uid = rep.unit.as_str();
    let mut matched = vec![false; rep.results.len()];
    for e in &exp.results {
        let candidates: Vec<(usize, &Finding)> = rep
            .results
            .iter()
            .enumerate()
            .filter(|(_, f)| keys_match(e, f))
            .collect();
        if let Some((_, f)) = candidates.first() {
            exercised.insert((f.ordinance.clone(), f.norm.clone()));
        }
        let exact_lists = exp.exact.lists();
        match candidates
            .iter()
            .find(|(_, f)| differences(e, f, exact_lists).is_empty())
        {
            Some((i, _)) => {
                if let Some(m) = matched.get_mut(*i) {
                    *m = true;
                }
            }
            None => match candidates.first() {
                None => {
                    let what = serde_json::to_string(e).unwrap_or_default();
                    let near: Vec<String> = rep
                        .results
                        .iter()
                        .filter(|f| {
                            e.norm.as_ref().is_some_and(|n| {
                                f.norm.contains(n.as_str()) || n.contains(f.norm.as_str())
                            })
                        })
                        .map(|f| format!("{} {} {}", f.ordinance, f.cite, f.norm))
                        .take(3)
                        .collect();
                    let mut fl = failure(uid, t!("scenario-not-found", what = what));
                    if !near.is_empty() {
                        let near = near.join(t!("list-sep").as_str());
                        fl.message.push_str(&t!("scenario-similar", results = near));
                    }
                    if let Some(n) = &e.norm {
                        let ords: Vec<String> = rep
                            .skipped
                            .iter()
                            .map(|s| format!("{} ({})", s.ordinance, s.reason))
                            .collect();
                        if !ords.is_empty() {
                            let ords = ords.join(t!("list-sep").as_str());
                            fl.message
                                .push_str(&t!("scenario-not-applied", ordinances = ords));
                        }
                        let _ = n;
                    }
                    failures.push(fl);
                }
                Some((_, f)) => {
                    let why = engine
                        .graph
                        .ordinances
                        .iter()
                        .position(|o| o.id == f.ordinance)
                        .and_then(|_| engine.explain(ev, Some(&f.ordinance), f.article, opts).ok());
                    failures.push(Failure {
                        unit: uid.to_string(),
                        message: format!("{} {} {}", f.ordinance, f.cite, f.norm),
                        differences: differences(e, f, exact_lists),
                        why,
                    });
                }
            },
        }
    }
    for (f, m) in rep.results.iter().zip(&matched) {
        if !m && exp.exact.covers(&status_str(f)) {
            failures.push(failure(
                uid,
                t!(
                    "scenario-unexpected",
                    status = status_str(f),
                    result = format!("{} {} {}", f.ordinance, f.cite, f.norm)
                ),
            ));
        }
    }
    for a in &exp.absent {
        // "cite name", "name", or either with "[instance]": 诈骗报告[线索-0].
        let (a, instance) = match a.strip_suffix(']').and_then(|x| x.split_once('[')) {
            Some((n, i)) => (n, Some(i)),
            None => (a.as_str(), None),
        };
        let (cite, name) = match a.split_once(' ') {
            Some((c, n)) => (Some(c), n),
            None => (None, a),
        };
        for o in &rep.ordinances {
            if engine.graph.ordinances.iter().any(|g| {
                &g.id == o && (g.norms.contains_key(name) || g.consequences.contains_key(name))
            }) {
                exercised.insert((o.clone(), name.to_string()));
            }
        }
        if let Some(f) = rep.results.iter().find(|f| {
            f.norm == name
                && cite.is_none_or(|c| c == f.cite)
                && instance.is_none_or(|i| f.instance.as_deref() == Some(i))
        }) {
            failures.push(failure(
                uid,
                t!(
                    "scenario-not-absent",
                    status = status_str(f),
                    result = format!("{} {} {}", f.ordinance, f.cite, f.norm)
                ),
            ));
        }
    }
    for s in &exp.skipped {
        if !rep.skipped.iter().any(|x| &x.ordinance == s) {
            failures.push(failure(uid, t!("scenario-not-skipped", ordinance = s)));
        }
    }
}

fn compute_coverage(engine: &Engine, exercised: &IndexSet<(String, String)>) -> Coverage {
    let mut out = Coverage::default();
    let (mut covered_all, mut total_all) = (0usize, 0usize);
    for o in &engine.graph.ordinances {
        let names: Vec<&str> = o
            .nodes
            .iter()
            .filter_map(|n| match n {
                Node::Norm(x) => Some(x.name.as_ref()),
                Node::Consequence(x) => Some(x.name.as_ref()),
                _ => None,
            })
            .collect();
        let uncovered: Vec<String> = names
            .iter()
            .filter(|n| !exercised.contains(&(o.id.clone(), n.to_string())))
            .map(|n| n.to_string())
            .collect();
        let total = names.len();
        let covered = total - uncovered.len();
        covered_all += covered;
        total_all += total;
        let percent = if total == 0 {
            100.0
        } else {
            covered as f64 * 100.0 / total as f64
        };
        out.ordinances.insert(
            o.id.clone(),
            OrdinanceCoverage {
                covered,
                total,
                percent,
                uncovered,
            },
        );
    }
    out.percent = if total_all == 0 {
        100.0
    } else {
        covered_all as f64 * 100.0 / total_all as f64
    };
    out
}
