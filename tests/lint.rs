//! `tiaoli lint`: every check has a minimal rule file that triggers it and one
//! that does not (tests/fixtures/lint/CODE.hit.tiaoli, CODE.clean.tiaoli; a first
//! line `// args: …` gives extra arguments); exit codes; inline allows; the
//! three output formats; and the findings on the shipped ordinances, which
//! docs/findings.md judges.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use serde_json::Value;

fn fixture(code: &str, kind: &str) -> (String, Vec<String>) {
    let rel = format!("tests/fixtures/lint/{code}.{kind}.tiaoli");
    let text = read(&root().join(&rel));
    let mut args = vec![rel];
    if let Some(extra) = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("// args: "))
    {
        args.extend(extra.split_whitespace().map(str::to_string));
    }
    (text, args)
}

fn lint_json(args: &[String]) -> (i32, Value) {
    let mut a: Vec<&str> = vec!["lint", "--format", "json"];
    a.extend(args.iter().map(String::as_str));
    let (code, out, err) = run(&a);
    assert!(code == 0 || code == 1, "lint {args:?} exited {code}: {err}");
    (code, serde_json::from_str(&out).expect("JSON output"))
}

fn codes_of(v: &Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_check_fires_on_its_hit_file_and_not_on_its_clean_file() {
    let mut human = String::new();
    for c in tiaoli_lint::codes::ALL {
        let (_, hit) = fixture(c.code, "hit");
        let (_, clean) = fixture(c.code, "clean");
        let (_, v) = lint_json(&hit);
        assert!(
            codes_of(&v).iter().any(|x| x == c.code),
            "{} {} does not fire on its hit file: {:?}",
            c.code,
            c.name,
            codes_of(&v)
        );
        let (_, v) = lint_json(&clean);
        assert!(
            !codes_of(&v).iter().any(|x| x == c.code),
            "{} {} fires on its clean file: {}",
            c.code,
            c.name,
            serde_json::to_string_pretty(&v["findings"]).unwrap()
        );
        // The hit file's findings of this check, as a drafter reads them.
        let mut a: Vec<&str> = vec!["lint", "--allow", "L301"];
        if c.code == "L301" {
            a = vec!["lint"];
        }
        a.extend(hit.iter().map(String::as_str));
        let (_, out, _) = run(&a);
        human.push_str(&format!("━━ {} {}\n{out}\n", c.code, c.name));
    }
    insta::assert_snapshot!("hits", human);
}

#[test]
fn every_check_is_documented_in_docs_lints_md() {
    let doc = read(&root().join("docs/lints.md"));
    for c in tiaoli_lint::codes::ALL {
        let heading = format!("### {} `{}`", c.code, c.name);
        assert!(doc.contains(&heading), "docs/lints.md lacks “{heading}”");
        assert!(
            doc.contains(&format!(
                "| {} | `{}` | {} |",
                c.code,
                c.name,
                c.severity.as_str()
            )),
            "docs/lints.md's table lacks {} with severity {}",
            c.code,
            c.severity.as_str()
        );
    }
}

#[test]
fn exit_codes_deny_and_allow() {
    let f = "tests/fixtures/lint/L101.hit.tiaoli";
    // An error is denied by default.
    assert_eq!(run(&["lint", f]).0, 1);
    // --allow hides the check: nothing denied.
    let (code, out, _) = run(&["lint", f, "--allow", "obliged-and-forbidden"]);
    assert_eq!(code, 0);
    assert!(!out.contains("[L101"));
    // A note is not denied unless asked.
    let g = "tests/fixtures/lint/L301.hit.tiaoli";
    assert_eq!(run(&["lint", g]).0, 0);
    assert_eq!(run(&["lint", g, "--deny", "L301"]).0, 1);
    assert_eq!(run(&["lint", g, "--deny", "all"]).0, 1);
    assert_eq!(
        run(&["lint", g, "--deny", "warnings"]).0,
        0,
        "a note is below warnings"
    );
    // A check that does not exist: usage error, with a did-you-mean.
    let (code, _, err) = run(&["lint", g, "--deny", "toothles-duty"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `toothless-duty`"), "{err}");
    // Rules that do not compile: 2, and nothing linted.
    let (code, out, err) = run(&["lint", "tests/fixtures/unknown_term.tiaoli"]);
    assert_eq!(code, 2);
    assert!(out.is_empty() && err.contains("nothing linted"), "{err}");
}

#[test]
fn an_inline_allow_with_a_reason_silences_exactly_one_finding() {
    let (_, args) = fixture("L001", "clean");
    let (_, v) = lint_json(&args);
    assert!(!codes_of(&v).contains(&"L301".to_string()));
    let silenced = v["silenced"].as_array().unwrap();
    assert_eq!(silenced.len(), 1);
    assert_eq!(silenced[0]["code"], "L301");
    assert_eq!(silenced[0]["reason"], "本条是倡导性规定，不设罚则");
    // Without a reason, the finding stays and the allow is reported.
    let (_, args) = fixture("L001", "hit");
    let (_, v) = lint_json(&args);
    let codes = codes_of(&v);
    assert!(codes.contains(&"L301".to_string()) && codes.contains(&"L001".to_string()));
    assert!(v["silenced"].as_array().unwrap().is_empty());
}

#[test]
fn json_and_sarif_outputs() {
    let (_, args) = fixture("L802", "hit");
    let (_, v) = lint_json(&args);
    insta::assert_json_snapshot!("l802_json", v);
    let mut a = vec!["lint", "--format", "sarif"];
    a.extend(args.iter().map(String::as_str));
    let (code, out, _) = run(&a);
    assert_eq!(code, 0);
    let s: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(s["version"], "2.1.0");
    let rules = s["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), tiaoli_lint::codes::ALL.len());
    let results = s["runs"][0]["results"].as_array().unwrap();
    let r = results.iter().find(|r| r["ruleId"] == "L802").unwrap();
    assert_eq!(r["level"], "warning");
    assert_eq!(
        r["locations"][0]["physicalLocation"]["region"]["startLine"],
        18
    );
    assert_eq!(r["relatedLocations"].as_array().unwrap().len(), 1);
}

/// The shipped ordinances: no finding is denied, the same bytes every run, and
/// docs/findings.md carries the current counts.
#[test]
fn the_shipped_ordinances_and_docs_findings_md() {
    let (code, out, err) = run(&["lint", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, run(&["lint", "--format", "json"]).1, "deterministic");
    let v: Value = serde_json::from_str(&out).unwrap();
    let doc = read(&root().join("docs/findings.md"));
    for s in v["summaries"].as_array().unwrap() {
        let by: Vec<String> = s["findings"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(c, n)| format!("{c}×{n}"))
            .collect();
        let row = format!(
            "| {} | {}/{} | {} | {} |",
            s["ordinance"].as_str().unwrap(),
            s["with_consequence"],
            s["obligations"],
            s["vague_deadlines"],
            by.join(" ")
        );
        assert!(
            doc.contains(&row),
            "docs/findings.md is not current; its table should have the row\n{row}"
        );
    }
}
