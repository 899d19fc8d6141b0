//! One language for its users (issue 13): what `tiaoli check`, `lint`, `test`,
//! `fmt`, `lift` and `diff` print — rule diagnostics and their help (`提示：`,
//! not miette's English `help:`), summaries, lint findings, text ⇄ rule
//! mismatches, test-file validation and JUnit failures, lift's report and
//! refusals, diff's git and `--fail-on` errors, `--version` — in Chinese by
//! default and in English with `--lang en`, driven through the binary and
//! snapshot-tested in both languages. The codes (`tiaoli::unknown-term`,
//! `L101` …) are the same in both: they are the stable contract.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::path::PathBuf;

use common::*;

/// A rule file under a fresh directory of its own.
fn rule_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tiaoli-messages-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(format!("{name}.tiaoli"));
    std::fs::write(&p, text).unwrap();
    p
}

/// Exit code, stdout and stderr of a run, in one text, with `dir` shown as `DIR`.
fn shown(args: &[&str], dir: Option<&str>) -> String {
    let (code, out, err) = run(args);
    let text = format!("exit {code}\n── stdout\n{out}── stderr\n{err}");
    match dir {
        Some(d) => text.replace(d, "DIR"),
        None => text,
    }
}

/// `tiaoli check FILE` in Chinese (the default) and with `--lang en`.
fn both(name: &str, text: &str) -> (String, String) {
    let p = rule_file(name, text);
    let dir = p.parent().unwrap().display().to_string();
    let path = p.display().to_string();
    let zh = shown(&["check", &path], Some(&dir));
    let en = shown(&["--lang", "en", "check", &path], Some(&dir));
    std::fs::remove_dir_all(&dir).ok();
    (zh, en)
}

fn article(body: &str) -> String {
    format!("{HEADER}\n第一条 {{\n  款 \"……\"\n{body}\n}}\n")
}

const NORM: &str = "  规范 甲 {\n    主体 公安部门\n    应当 报告涉嫌电信网络诈骗\n  }";

fn rule_errors() -> Vec<(&'static str, String)> {
    vec![
        (
            "parse_error",
            article("  规范 甲 {\n    主体 公安部门\n    应该 报告涉嫌电信网络诈骗\n  }"),
        ),
        (
            "unknown_name",
            article("  规范 甲 {\n    主体 公按部门\n    应当 报告涉嫌电信网络诈骗\n  }"),
        ),
        (
            "incomplete_header",
            format!("条例 t {{\n  标题 \"测试条例\"\n  辖区 海东市\n}}\n第一条 {{\n  款 \"……\"\n{NORM}\n}}\n"),
        ),
        (
            "duplicate_name",
            article(&format!("{NORM}\n{NORM}")),
        ),
        (
            "numbering_break",
            format!("{HEADER}\n第一条 {{\n  款 \"……\"\n{NORM}\n}}\n第四条 {{\n  款 \"……\"\n  性质 宣示\n}}\n"),
        ),
        (
            "period_too_long",
            article("  规范 甲 {\n    主体 公安部门\n    应当 报告涉嫌电信网络诈骗\n    期限 200 年\n  }"),
        ),
        (
            "unknown_article",
            article("  后果 乙 {\n    情形 符合 第九十九条\n    处理 通报\n  }"),
        ),
    ]
}

#[test]
fn rule_errors_in_chinese_and_in_english() {
    for (name, text) in rule_errors() {
        let (zh, en) = both(name, &text);
        // A break in the numbering is a warning; the rest are errors.
        let exit = if name == "numbering_break" {
            "exit 0\n"
        } else {
            "exit 2\n"
        };
        assert!(zh.starts_with(exit), "{name}: {zh}");
        assert!(en.starts_with(exit), "{name}: {en}");
        insta::assert_snapshot!(format!("{name}_zh"), zh);
        insta::assert_snapshot!(format!("{name}_en"), en);
    }
}

#[test]
fn the_codes_are_the_same_in_both_languages() {
    for (name, text) in rule_errors() {
        let (zh, en) = both(&format!("{name}_codes"), &text);
        let codes = |s: &str| -> Vec<String> {
            s.lines()
                .filter(|l| l.starts_with("tiaoli::"))
                .map(str::to_string)
                .collect()
        };
        assert!(!codes(&zh).is_empty(), "{name}: {zh}");
        assert_eq!(codes(&zh), codes(&en), "{name}");
    }
}

#[test]
fn a_clean_check_summary_in_both_languages() {
    let p = rule_file("clean", &article(NORM));
    let dir = p.parent().unwrap().display().to_string();
    let path = p.display().to_string();
    let zh = shown(&["check", &path], Some(&dir));
    let en = shown(&["--lang", "en", "check", &path], Some(&dir));
    std::fs::remove_dir_all(&dir).ok();
    insta::assert_snapshot!("check_clean_zh", zh);
    insta::assert_snapshot!("check_clean_en", en);
}

#[test]
fn lint_of_rules_that_do_not_compile() {
    let p = rule_file(
        "lint",
        &article("  规范 甲 {\n    主体 公按部门\n    应当 报告涉嫌电信网络诈骗\n  }"),
    );
    let dir = p.parent().unwrap().display().to_string();
    let path = p.display().to_string();
    let zh = shown(&["lint", &path], Some(&dir));
    let en = shown(&["--lang", "en", "lint", &path], Some(&dir));
    std::fs::remove_dir_all(&dir).ok();
    assert!(zh.contains("错误：规则未能编译，未作检查"), "{zh}");
    assert!(
        en.contains("error: the rules do not compile; nothing linted"),
        "{en}"
    );
    insta::assert_snapshot!("lint_does_not_compile_zh", zh);
    insta::assert_snapshot!("lint_does_not_compile_en", en);
}

#[test]
fn test_runner_summary_and_failures() {
    let pass = "tests/fixtures/scenarios/pass.yaml";
    let zh = shown(&["test", pass], None);
    let en = shown(&["--lang", "en", "test", pass], None);
    assert!(zh.contains("通过 2 个，失败 0 个"), "{zh}");
    assert!(en.contains("2 passed, 0 failed"), "{en}");
    insta::assert_snapshot!("test_pass_zh", zh);
    insta::assert_snapshot!("test_pass_en", en);
    let zh = shown(&["test", pass, "--coverage"], None);
    let en = shown(&["--lang", "en", "test", pass, "--coverage"], None);
    assert!(
        zh.contains("覆盖率（有用例涉及的规范与后果）：") && zh.contains("    未涉及："),
        "{zh}"
    );
    assert!(
        en.contains("coverage (norms and consequences named by some case):"),
        "{en}"
    );
    assert!(en.contains("    not exercised: "), "{en}");
    let fail = "tests/fixtures/scenarios/fail.yaml";
    insta::assert_snapshot!("test_fail_zh", shown(&["test", fail], None));
    insta::assert_snapshot!("test_fail_en", shown(&["--lang", "en", "test", fail], None));
    let below = shown(&["test", pass, "--min-coverage", "100"], None);
    assert!(below.contains("错误：覆盖率"), "{below}");
    let none = shown(&["--lang", "en", "test", "tests/fixtures/lint"], None);
    assert!(
        none.contains("error: no test files (*.yaml) in tests/fixtures/lint"),
        "{none}"
    );
}

#[test]
fn fmt_without_files_in_both_languages() {
    let zh = shown(&["fmt"], None);
    let en = shown(&["--lang", "en", "fmt"], None);
    assert!(zh.contains("错误：请给出要格式化的文件"), "{zh}");
    assert!(en.contains("error: give the files to format"), "{en}");
}

#[test]
fn the_locale_chooses_english_too() {
    let p = rule_file(
        "locale",
        &article("  规范 甲 {\n    主体 公按部门\n    应当 报告涉嫌电信网络诈骗\n  }"),
    );
    let out = tiaoli()
        .env("LC_ALL", "en_US.UTF-8")
        .args(["check", &p.display().to_string()])
        .output()
        .unwrap();
    std::fs::remove_dir_all(p.parent().unwrap()).ok();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown term “公按部门”"), "{err}");
    assert!(err.contains("did you mean “公安部门”?"), "{err}");
}

#[test]
fn lift_summary_in_both_languages() {
    let text = "tests/fixtures/lift/formats/government_order.txt";
    let (code, _, zh) = run(&["lift", text]);
    assert_eq!(code, 0, "{zh}");
    let (code, _, en) = run(&["--lang", "en", "lift", text]);
    assert_eq!(code, 0, "{en}");
    insta::assert_snapshot!("lift_summary_zh", zh);
    insta::assert_snapshot!("lift_summary_en", en);
    let (code, _, err) = run(&["--lang", "en", "lift", text, "-o", text]);
    assert_eq!(code, 2);
    assert!(err.contains("error: the output"), "{err}");
    assert!(
        err.contains("lift does not overwrite the text it reads"),
        "{err}"
    );
}

/// miette writes its help after an English `help:`; tiaoli writes it after
/// `提示：` in Chinese, for the rules' diagnostics and for every other report
/// (a file that cannot be read).
#[test]
fn the_help_prefix_follows_the_language() {
    let p = rule_file(
        "help",
        &article("  规范 甲 {\n    主体 公按部门\n    应当 报告涉嫌电信网络诈骗\n  }"),
    );
    let path = p.display().to_string();
    let (_, _, zh) = run(&["check", &path]);
    let (_, _, en) = run(&["--lang", "en", "check", &path]);
    std::fs::remove_dir_all(p.parent().unwrap()).ok();
    assert!(zh.contains("\n  提示：是否想写“公安部门”？\n"), "{zh}");
    assert!(!zh.contains("help:"), "{zh}");
    assert!(en.contains("\n  help: did you mean “公安部门”?\n"), "{en}");
    let missing = "tests/fixtures/no-such-file.tiaoli";
    let zh = shown(&["check", missing], None);
    let en = shown(&["--lang", "en", "check", missing], None);
    assert!(
        zh.starts_with("exit 2\n") && en.starts_with("exit 2\n"),
        "{zh}{en}"
    );
    assert!(!zh.contains("help:"), "{zh}");
    insta::assert_snapshot!("unreadable_file_zh", zh);
    insta::assert_snapshot!("unreadable_file_en", en);
}

/// A test file that cannot be right whatever the rules (a status that does
/// not exist, a date that is not one, an `expect` for a unit the case does
/// not have): its problems in both languages.
#[test]
fn scenario_validation_in_both_languages() {
    let invalid = "cases:\n  - name: 拼错\n    as_of: 2025-13-01\n    units:\n      - { id: 甲, kind: 公安部门, level: 县, region: 海东市/平安区 }\n    expect:\n      甲:\n        results:\n          - { norm: 督导整改, status: triggerd, due: 明天 }\n";
    let p = rule_file("scenario_invalid", "");
    let dir = p.parent().unwrap().display().to_string();
    let file = p.with_file_name("invalid.yaml");
    std::fs::write(&file, invalid).unwrap();
    let f = file.display().to_string();
    let zh = shown(&["test", &f], Some(&dir));
    let en = shown(&["--lang", "en", "test", &f], Some(&dir));
    assert!(
        zh.contains("用例“拼错”：单位 甲：没有状态“triggerd”，是否应为“triggered”？"),
        "{zh}"
    );
    assert!(
        en.contains("case “拼错”: unit 甲: no status “triggerd”; did you mean “triggered”?"),
        "{en}"
    );
    insta::assert_snapshot!("scenario_invalid_zh", zh);
    insta::assert_snapshot!("scenario_invalid_en", en);
    // A name the rules do not have is found once the rules are loaded.
    let unknown = "cases:\n  - name: 没有的单位\n    as_of: 2025-03-01\n    units:\n      - { id: 平安区公安分局, kind: 公安部门, level: 县, region: 海东市/平安区 }\n    expect:\n      平安区公安分:\n        skipped: [haidon]\n";
    std::fs::write(&file, unknown).unwrap();
    let zh = shown(&["test", &f], Some(&dir));
    let en = shown(&["--lang", "en", "test", &f], Some(&dir));
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        zh.contains("expect 中的单位“平安区公安分”不在本用例的单位中，是否应为“平安区公安分局”？"),
        "{zh}"
    );
    assert!(
        en.contains("no ordinance “haidon” in skipped; did you mean “haidong”?"),
        "{en}"
    );
    insta::assert_snapshot!("scenario_unknown_names_zh", zh);
    insta::assert_snapshot!("scenario_unknown_names_en", en);
}

/// JUnit's element names are the format; the failure's words follow --lang.
#[test]
fn junit_failures_follow_the_language() {
    let fail = "tests/fixtures/scenarios/fail.yaml";
    let (code, zh, _) = run(&["test", fail, "--format", "junit"]);
    assert_eq!(code, 1);
    let (_, en, _) = run(&["--lang", "en", "test", fail, "--format", "junit"]);
    assert!(
        zh.contains("<testsuites name=\"tiaoli\"") && en.contains("<testsuites name=\"tiaoli\"")
    );
    assert!(zh.contains("：预期 ") && zh.contains("，实际 "), "{zh}");
    assert!(!zh.contains("expected"), "{zh}");
    assert!(
        en.contains(": expected ") && en.contains(", actual "),
        "{en}"
    );
    insta::assert_snapshot!("junit_fail_zh", zh);
    insta::assert_snapshot!("junit_fail_en", en);
}

/// `tiaoli diff`'s own errors: an unknown `--fail-on` kind (with the nearest),
/// a side that is neither a path nor REV:PATH, a revision git would take for
/// an option, a path git does not have.
#[test]
fn diff_errors_in_both_languages() {
    let cases: &[(&str, &[&str])] = &[
        (
            "diff_fail_on",
            &["diff", "rules", "rules", "--fail-on", "weaknin"],
        ),
        (
            "diff_no_side",
            &["diff", "tests/fixtures/no-such-dir", "rules"],
        ),
        ("diff_revision", &["diff", "--", "-x:rules", "rules"]),
        (
            "diff_git_no_files",
            &["diff", "HEAD:tests/fixtures/scenarios", "rules"],
        ),
    ];
    for (name, args) in cases {
        let en_args: Vec<&str> = ["--lang", "en"]
            .iter()
            .chain(args.iter())
            .copied()
            .collect();
        let zh = shown(args, None);
        let en = shown(&en_args, None);
        assert!(zh.starts_with("exit 2\n"), "{name}: {zh}");
        assert!(en.starts_with("exit 2\n"), "{name}: {en}");
        assert!(
            zh.contains("错误：") && !zh.contains("error:"),
            "{name}: {zh}"
        );
        assert!(en.contains("error: "), "{name}: {en}");
        insta::assert_snapshot!(format!("{name}_zh"), zh);
        insta::assert_snapshot!(format!("{name}_en"), en);
    }
}

/// A lint finding (an error, its provisions quoted), the report's figures and
/// a note, in both languages; the codes and names are the same in both.
#[test]
fn lint_findings_in_both_languages() {
    let hit = "tests/fixtures/lint/L101.hit.tiaoli";
    let zh = shown(&["lint", hit], None);
    let en = shown(&["--lang", "en", "lint", hit], None);
    assert!(
        zh.starts_with("exit 1\n") && en.starts_with("exit 1\n"),
        "{zh}{en}"
    );
    assert!(
        zh.contains(
            "错误[L101 obliged-and-forbidden]（不通过）：公安部门依第1条（应当）负有义务“开展巡查”"
        ),
        "{zh}"
    );
    assert!(
        en.contains("error[L101 obliged-and-forbidden] (fails the run): 公安部门 is obliged to “开展巡查” under 第1条 (应当)"),
        "{en}"
    );
    insta::assert_snapshot!("lint_finding_zh", zh);
    insta::assert_snapshot!("lint_finding_en", en);
    // An option naming no check: a report with its help.
    let zh = shown(&["lint", "--deny", "toothles-duty"], None);
    let en = shown(&["--lang", "en", "lint", "--deny", "toothles-duty"], None);
    assert!(zh.contains("提示：是否指 `toothless-duty`？"), "{zh}");
    assert!(en.contains("help: did you mean `toothless-duty`?"), "{en}");
    // SARIF describes every check in the language of the run.
    let (_, zh, _) = run(&["lint", hit, "--format", "sarif"]);
    let (_, en, _) = run(&["--lang", "en", "lint", hit, "--format", "sarif"]);
    assert!(zh.contains("义务没有任何后果条款"), "SARIF in Chinese");
    assert!(
        en.contains("a duty with no consequence clause"),
        "SARIF in English"
    );
}

/// Where an article's text and its encoding disagree (tiaoli-textcheck, as
/// `check` prints it), both sides quoted, in both languages.
#[test]
fn text_rule_agreement_in_both_languages() {
    let hit = "tests/fixtures/lint/L1201.hit.tiaoli";
    let zh = shown(&["check", hit], None);
    let en = shown(&["--lang", "en", "check", hit], None);
    assert!(
        zh.contains(
            "期限「15日」——条文：条文未规定；编码：规范 申请确认：期限 自调解协议生效起15日"
        ),
        "{zh}"
    );
    assert!(
        en.contains(
            "period “15日” — text: not stated; encoding: 规范 申请确认: 期限 自调解协议生效起15日"
        ),
        "{en}"
    );
    insta::assert_snapshot!("text_rule_agreement_zh", zh);
    insta::assert_snapshot!("text_rule_agreement_en", en);
}

/// What lift's report (`--report FILE`) lists for a human, and a text lift
/// refuses, in both languages.
#[test]
fn lift_report_and_refusal_in_both_languages() {
    let text = "tests/fixtures/lift/formats/government_order.txt";
    let dir = std::env::temp_dir().join(format!("tiaoli-messages-{}-lift", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let needs = |lang: &str| -> String {
        let report = dir.join(format!("report-{lang}.json"));
        let r = report.display().to_string();
        let (code, _, err) = run(&["--lang", lang, "lift", text, "--report", &r]);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
        let mut out = String::new();
        for a in v["per_article"].as_array().unwrap() {
            for n in a["needs_human"].as_array().unwrap() {
                out.push_str(&format!(
                    "{} {}\n",
                    a["cite"].as_str().unwrap(),
                    n.as_str().unwrap()
                ));
            }
        }
        out
    };
    let (zh, en) = (needs("zh"), needs("en"));
    assert!(
        zh.contains("第三条 第一款：后果，编码为“后果”（情形、由、对、处理）"),
        "{zh}"
    );
    assert!(
        en.contains("第三条 第一款: a consequence; encode it as “后果”"),
        "{en}"
    );
    insta::assert_snapshot!("lift_needs_human_zh", zh);
    insta::assert_snapshot!("lift_needs_human_en", en);
    let prose = dir.join("prose.txt");
    std::fs::write(&prose, "这是一段说明，没有条文。\n").unwrap();
    let p = prose.display().to_string();
    let d = dir.display().to_string();
    let zh = shown(&["lift", &p], Some(&d));
    let en = shown(&["--lang", "en", "lift", &p], Some(&d));
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        zh.starts_with("exit 2\n") && en.starts_with("exit 2\n"),
        "{zh}{en}"
    );
    insta::assert_snapshot!("lift_no_articles_zh", zh);
    insta::assert_snapshot!("lift_no_articles_en", en);
}

/// `--version` names the embedded rules in the language of the run (read
/// from the command line before clap parses it).
#[test]
fn the_version_in_both_languages() {
    let (_, zh, _) = run(&["--version"]);
    let (_, en, _) = run(&["--lang", "en", "--version"]);
    let (_, en2, _) = run(&["--lang=en", "--version"]);
    assert!(
        zh.contains("\n内置规则：《") && zh.contains("、《海东市平安建设条例》"),
        "{zh}"
    );
    assert!(zh.contains("\n规则内容 sha256："), "{zh}");
    assert!(
        en.contains("\nembedded rules: ") && en.contains(", 《海东市平安建设条例》"),
        "{en}"
    );
    assert!(en.contains("\nrules content sha256: "), "{en}");
    assert_eq!(en, en2);
}
