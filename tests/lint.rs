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
    // (The fixture's one duty has no teeth at all: L303, a warning, is allowed.)
    assert_eq!(
        run(&["lint", g, "--deny", "warnings", "--allow", "L303"]).0,
        0,
        "a note is below warnings"
    );
    // A check that does not exist: usage error, with a did-you-mean.
    let (code, _, err) = run(&["lint", g, "--deny", "toothles-duty"]);
    assert_eq!(code, 2);
    assert!(err.contains("是否指 `toothless-duty`"), "{err}");
    // Rules that do not compile: 2, and nothing linted.
    let (code, out, err) = run(&["lint", "tests/fixtures/unknown_term.tiaoli"]);
    assert_eq!(code, 2);
    assert!(
        out.is_empty() && err.contains("规则未能编译，未作检查"),
        "{err}"
    );
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
/// docs/findings.md carries the current counts and the first screen of each.
#[test]
fn the_shipped_ordinances_and_docs_findings_md() {
    let (code, out, err) = run(&["lint", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, run(&["lint", "--format", "json"]).1, "deterministic");
    let v: Value = serde_json::from_str(&out).unwrap();
    let doc = read(&root().join("docs/findings.md"));
    let screens = v["first_screen"].as_array().unwrap();
    for s in v["summaries"].as_array().unwrap() {
        let id = s["ordinance"].as_str().unwrap();
        let by: Vec<String> = s["findings"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(c, n)| format!("{c}×{n}"))
            .collect();
        let screen = screens
            .iter()
            .find(|x| x["ordinance"] == id)
            .map(|x| x["entries"].as_u64().unwrap())
            .unwrap();
        assert!(screen < 30, "{id}: {screen} entries on the first screen");
        let row = format!(
            "| {id} | {} | {}/{}/{} | {} | {} | {} | {screen} | {} |",
            s["obligations"],
            s["with_real_measure"],
            s["referral_only"],
            s["obligations"].as_u64().unwrap() - s["with_consequence"].as_u64().unwrap(),
            s["with_authority"],
            s["with_period"],
            s["vague_deadlines"],
            by.join(" ")
        );
        assert!(
            doc.contains(&row),
            "docs/findings.md is not current; its table should have the row\n{row}"
        );
    }
    // No text ⇄ rule mismatch is left unexplained on the shipped ordinances.
    let open: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"].as_str().unwrap().starts_with("L12"))
        .collect();
    assert!(open.is_empty(), "{open:#?}");
    let (code, out, _) = run(&["check"]);
    assert_eq!(code, 0);
    assert!(out.contains("0 个警告"), "{out}");
}

/// --verbose keeps one finding per norm; the default gives one per article,
/// each norm listed under it.
#[test]
fn verbose_keeps_the_findings_per_norm() {
    let f = "rules/anyang.tiaoli";
    let count = |extra: &[&str]| {
        let mut a = vec!["lint", f, "--format", "json"];
        a.extend_from_slice(extra);
        let v: Value = serde_json::from_str(&run(&a).1).unwrap();
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["code"] == "L501")
            .count()
    };
    let (per_article, per_norm) = (count(&[]), count(&["--verbose"]));
    assert_eq!(per_norm, 115);
    assert!(per_article < per_norm, "{per_article}");
    let (_, human, _) = run(&["lint", f]);
    assert!(human.contains("合并为一项"), "{human}");
    let (_, verbose, _) = run(&["lint", f, "--verbose"]);
    assert!(verbose.matches("[L501 binds-no-one]").count() == 115);
}

/// Every measure of the shipped catalogue is classified for the superior-law
/// review, and the data quotes every article its bases cite.
#[test]
fn the_superior_law_data_covers_the_catalogue() {
    let sup = tiaoli_lint::SuperiorLaw::shipped();
    let src = tiaoli_compiler::load::load_sources(&[root().join("rules/lexicon")], &[]).unwrap();
    let c = tiaoli_compiler::compile(src);
    assert!(!c.has_errors());
    for s in &c.graph.lexicon.sanctions {
        assert!(
            sup.measure(&s.name).is_some(),
            "{} is not classified",
            s.name
        );
    }
    for p in sup.powers.values() {
        for basis in [&p.penalties_basis, &p.burdens_basis] {
            let Some((law, rest)) = basis.split_once('》') else {
                continue;
            };
            let law = law.trim_start_matches('《');
            let art = rest.split('条').next().unwrap_or_default();
            assert!(
                sup.articles
                    .iter()
                    .any(|a| law.contains(a.source.as_str())
                        && a.cite.starts_with(&format!("{art}条"))),
                "{basis}: {art}条 of {law} is not quoted in rules/superior/powers.toml"
            );
        }
    }
}

/// SARIF is valid against the 2.1.0 schema (tests/fixtures/sarif-schema-2.1.0.json,
/// from oasis-tcs/sarif-spec), with formats checked: its URIs are absolute,
/// its regions have an end, every check is a rule with its full description.
#[test]
fn sarif_is_valid_against_the_2_1_0_schema() {
    let schema: Value = serde_json::from_str(&read(
        &root().join("tests/fixtures/sarif-schema-2.1.0.json"),
    ))
    .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let (code, out, err) = run(&["lint", "--format", "sarif"]);
    assert_eq!(code, 0, "{err}");
    let sarif: Value = serde_json::from_str(&out).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let driver = &sarif["runs"][0]["tool"]["driver"];
    assert!(driver["informationUri"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    for r in driver["rules"].as_array().unwrap() {
        assert!(
            r["helpUri"].as_str().unwrap().starts_with("https://"),
            "{r}"
        );
        assert!(
            !r["fullDescription"]["text"].as_str().unwrap().is_empty(),
            "{r}"
        );
    }
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert!(region["endLine"].as_u64().unwrap() >= region["startLine"].as_u64().unwrap());
    // A relative help link is not a URI the schema accepts: the test can fail.
    let mut bad = sarif.clone();
    bad["runs"][0]["tool"]["driver"]["informationUri"] = Value::from("docs/lints.md");
    assert!(
        !validator.is_valid(&bad),
        "a relative informationUri passed the schema"
    );
    // The docs link can be given.
    let (_, out, _) = run(&[
        "lint",
        "--format",
        "sarif",
        "--docs-url",
        "https://example.org/tiaoli/docs/lints.md",
    ]);
    assert!(out.contains("https://example.org/tiaoli/docs/lints.md#l301-toothless-duty"));
}

/// `tiaoli check` reports a text ⇄ rule mismatch as a warning with both sides
/// quoted (failing only with --deny-warnings); an inline allow explains it.
#[test]
fn check_reports_text_rule_mismatches() {
    let hit = "tests/fixtures/lint/L1201.hit.tiaoli";
    let (code, out, _) = run(&["check", hit]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("L1201 text-rule-period"), "{out}");
    assert!(out.contains("30日") && out.contains("15日"), "{out}");
    assert_eq!(run(&["check", hit, "--deny-warnings"]).0, 2);
    let (_, json, _) = run(&["check", hit, "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["agreement"].as_array().unwrap().len(), 2, "{v:#}");
    let (code, out, _) = run(&[
        "check",
        "tests/fixtures/lint/L1201.clean.tiaoli",
        "--deny-warnings",
    ]);
    assert_eq!(code, 0, "{out}");
    // The reading recorded on the article explains the mismatch.
    let text = read(&root().join(hit)).replacen(
        "第1条 {\n",
        "第1条 {\n  // lint: allow L1201 测试：期间另有读法\n",
        1,
    );
    let dir = std::env::temp_dir().join(format!("tiaoli-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("explained.tiaoli");
    std::fs::write(&path, text).unwrap();
    let (code, out, _) = run(&["check", path.to_str().unwrap(), "--deny-warnings"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 0, "{out}");
}

/// The periods of issue 12's constructs are signals too: how long a measure
/// binds (为期 1 年) must be what the text says (一年内).
#[test]
fn a_measures_duration_is_read_against_the_text() {
    let text = |years: u32| {
        format!(
            "条例 t {{\n  标题 \"测试条例\"\n  类型 地方性法规\n  辖区 海东市\n  级别 市\n  状态 施行\n  施行日期 2024-10-01\n}}\n词汇 {{\n  事实 考评较差 布尔\n}}\n第1条 {{\n  款 \"考评较差的单位，一年内不得评为优秀等次。\"\n  后果 不得评优 {{\n    情形 考评较差\n    由 平安建设组织协调机构\n    对 本单位\n    处理 不得评为优秀等次 为期 {years} 年\n  }}\n}}\n"
        )
    };
    let dir = std::env::temp_dir().join(format!("tiaoli-lasting-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut codes = Vec::new();
    for years in [1, 2] {
        let path = dir.join(format!("t{years}.tiaoli"));
        std::fs::write(&path, text(years)).unwrap();
        let (_, v) = lint_json(&[path.to_str().unwrap().to_string()]);
        codes.push(codes_of(&v).contains(&"L1201".to_string()));
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        codes,
        [false, true],
        "为期 1 年 agrees with 一年内, 为期 2 年 does not"
    );
}

/// A repeal by a draft (or with a blank date) is not in effect: citing the
/// instrument it will repeal is no L602; the draft's blank date is L605.
#[test]
fn a_repeal_by_a_draft_is_not_in_effect() {
    let cites = "tests/fixtures/lint/L602.hit.tiaoli";
    let (_, v) = lint_json(&[cites.into(), "tests/fixtures/lint/repealer.tiaoli".into()]);
    assert!(codes_of(&v).contains(&"L602".to_string()));
    let (_, v) = lint_json(&[
        cites.into(),
        "tests/fixtures/lint/repealer_draft.tiaoli".into(),
    ]);
    let codes = codes_of(&v);
    assert!(!codes.contains(&"L602".to_string()), "{codes:?}");
    assert!(codes.contains(&"L605".to_string()), "{codes:?}");
}

/// A duty opened by the period's end (触发 期满 …, issue 12) is what follows a
/// measure's period: no L403.
#[test]
fn a_duty_opened_by_the_periods_end_follows_up() {
    let hit = read(&root().join("tests/fixtures/lint/L403.hit.tiaoli"));
    let text = format!(
        "{hit}第2条 {{\n  款 \"责令限期整改的期限届满，平安建设组织协调机构应当报告情况。\"\n  规范 期满报告 {{\n    主体 平安建设组织协调机构\n    触发 期满 责令限期整改\n    应当 报告情况\n  }}\n}}\n"
    );
    let dir = std::env::temp_dir().join(format!("tiaoli-l403-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("followed.tiaoli");
    std::fs::write(&path, text).unwrap();
    let (_, v) = lint_json(&[path.to_str().unwrap().to_string()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        !codes_of(&v).contains(&"L403".to_string()),
        "{:#}",
        v["findings"]
    );
}
