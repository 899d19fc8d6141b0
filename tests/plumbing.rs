//! What users expect of every command: filters on eval, explain as JSON and
//! its errors, `-` for standard input, --lang and --color, completions, the
//! man page, and a --version that names the embedded rules.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::io::Write;
use std::process::Stdio;

use common::run;

const UNITS: &str = "examples/units.yaml";

fn eval_json(args: &[&str]) -> (i32, serde_json::Value) {
    let mut full = vec!["eval", UNITS, "--drafts", "--format", "json"];
    full.extend_from_slice(args);
    let (code, out, err) = run(&full);
    assert_ne!(code, 2, "{err}");
    (code, serde_json::from_str(&out).unwrap())
}

#[test]
fn eval_unit_keeps_only_the_units_named() {
    let (_, all) = eval_json(&[]);
    let (code, some) = eval_json(&["--unit", "平安区公安分局,乐都区第一中学"]);
    let ids: Vec<&str> = some["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["unit"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["平安区公安分局", "乐都区第一中学"]);
    assert!(all["units"].as_array().unwrap().len() > 2);
    // The police bureau's 第四十六条 is triggered: exit 1.
    assert_eq!(code, 1);
}

#[test]
fn eval_status_is_a_view_and_keeps_the_exit_code() {
    let (code, v) = eval_json(&["--unit", "平安区公安分局", "--status", "unknown"]);
    let results = v["units"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    assert!(
        results.iter().all(|r| r["status"] == "unknown"),
        "{results:?}"
    );
    assert_eq!(v["summary"]["triggered"], 0);
    // Hiding the triggered consequence does not turn the answer into an all-clear.
    assert_eq!(code, 1);
}

#[test]
fn unknown_units_and_statuses_are_errors_in_both_languages() {
    let (code, out, err) = run(&["eval", UNITS, "--unit", "平安区公安分"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("是否想写“平安区公安分局”"), "{err}");
    let (code, _, err) = run(&["eval", UNITS, "--status", "violated,pendin"]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("eval_unknown_status_zh", err);
    let (code, _, err) = run(&["--lang", "en", "eval", UNITS, "--status", "violated,pendin"]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("eval_unknown_status_en", err);
    let (code, _, err) = run(&[
        "explain",
        UNITS,
        "--unit",
        "平安区公安分",
        "--article",
        "46",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("平安区公安分局"), "{err}");
}

#[test]
fn explain_of_a_missing_article_or_ordinance_is_an_error() {
    let (code, out, err) = run(&[
        "explain",
        UNITS,
        "--unit",
        "平安区公安分局",
        "--article",
        "第九十九条",
    ]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.starts_with("错误：已载入的条例都没有第 99 条"), "{err}");
    let (code, _, err) = run(&[
        "explain",
        UNITS,
        "--unit",
        "平安区公安分局",
        "--article",
        "46",
        "--ordinance",
        "haidon",
    ]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("explain_unknown_ordinance_zh", err);
    // A title, or a part of it, names the ordinance.
    for name in ["海东", "《海东市平安建设条例》"] {
        let (code, out, err) = run(&[
            "explain",
            UNITS,
            "--unit",
            "平安区公安分局",
            "--article",
            "46",
            "--ordinance",
            name,
        ]);
        assert_eq!(code, 0, "{err}");
        assert!(out.starts_with("《海东市平安建设条例》第四十六条"), "{out}");
    }
}

#[test]
fn explain_as_json_carries_the_results_of_the_article() {
    let (code, out, err) = run(&[
        "explain",
        UNITS,
        "--unit",
        "平安区公安分局",
        "--article",
        "46",
        "--ordinance",
        "haidong",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["ordinances"], serde_json::json!(["haidong"]));
    let results = v["results"].as_array().unwrap();
    assert!(!results.is_empty());
    assert!(results
        .iter()
        .all(|r| r["article"] == 46 && r["ordinance"] == "haidong"));
    assert!(v["text"].as_str().unwrap().contains("第四十六条"));
}

#[test]
fn a_dash_reads_facts_and_rules_from_standard_input() {
    let facts = std::fs::read_to_string(common::root().join(UNITS)).unwrap();
    let piped = |args: &[&str], input: &str| {
        let mut child = common::tiaoli()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let o = child.wait_with_output().unwrap();
        (
            o.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let (code, from_stdin, _) = piped(&["eval", "-", "--drafts", "--format", "json"], &facts);
    let (code2, from_file, _) = run(&["eval", UNITS, "--drafts", "--format", "json"]);
    assert_eq!((code, &from_stdin), (code2, &from_file));
    let tutorial =
        std::fs::read_to_string(common::root().join("examples/tutorial.tiaoli")).unwrap();
    let (code, _, err) = piped(&["check", "-"], &tutorial);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = piped(&["check", "-"], "第1条 {");
    assert_eq!(code, 2);
    assert!(err.contains("标准输入"), "{err}");
}

#[test]
fn english_from_the_flag_or_the_locale_chinese_otherwise() {
    let args = ["eval", UNITS, "--status", "nope"];
    let (_, _, zh) = run(&args);
    assert!(zh.starts_with("错误："), "{zh}");
    for (k, v) in [
        ("LC_ALL", "en_US.UTF-8"),
        ("LANG", "en_GB.UTF-8"),
        ("LC_MESSAGES", "en"),
    ] {
        let o = common::tiaoli()
            .env_remove("LC_ALL")
            .env(k, v)
            .args(args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.starts_with("error: "), "{k}={v}: {err}");
    }
    let o = common::tiaoli()
        .env("LC_ALL", "C")
        .args(args)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("错误："));
}

#[test]
fn version_names_the_embedded_rules_and_their_hash() {
    let (code, out, _) = run(&["--version"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with(&format!("tiaoli {}\n", env!("CARGO_PKG_VERSION"))),
        "{out}"
    );
    for title in [
        "《海东市平安建设条例》",
        "《浙江省平安建设条例》（草案）",
        "《绵阳市平安建设规定》（代拟稿）",
    ] {
        assert!(out.contains(title), "{out}");
    }
    let hash = out.lines().last().unwrap().rsplit('：').next().unwrap();
    assert_eq!(hash.len(), 16, "{out}");
    assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()), "{out}");
}

#[test]
fn completions_and_the_man_page_come_from_the_real_options() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, out, err) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(out.contains("template") && out.contains("terms"), "{shell}");
    }
    let (code, _, _) = run(&["completions", "tcsh"]);
    assert_eq!(code, 2);
    let (code, man, _) = run(&["man"]);
    assert_eq!(code, 0);
    assert!(
        man.starts_with(".ie") && man.contains(".TH tiaoli 1"),
        "{man}"
    );
    assert!(
        man.contains("completions") && man.contains("\\-\\-lang"),
        "{man}"
    );
}

#[test]
fn color_never_and_no_color_keep_diagnostics_plain_and_always_colours_them() {
    let bad = ["check", "tests/fixtures/unknown_term.tiaoli"];
    let (_, _, plain) = run(&["--color", "never", bad[0], bad[1]]);
    assert!(!plain.contains('\u{1b}'), "{plain}");
    let (_, _, coloured) = run(&["--color", "always", bad[0], bad[1]]);
    assert!(coloured.contains('\u{1b}'), "{coloured}");
    let o = common::tiaoli()
        .env("NO_COLOR", "1")
        .args(bad)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&o.stderr).contains('\u{1b}'));
}

#[test]
fn facts_errors_in_chinese_by_default_and_in_english_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("u.yaml");
    std::fs::write(
        &path,
        "as_of: 2025-03-01\nunits:\n  - { id: 甲, kind: 公安部门, region: 海东市/平安区, roles: [成员] }\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let (code, _, zh) = run(&["eval", p]);
    assert_eq!(code, 2);
    // The role error lists the known roles.
    let zh = zh.replace(p, "u.yaml");
    insta::assert_snapshot!("facts_unknown_role_zh", zh);
    let (code, _, en) = run(&["--lang", "en", "eval", p]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("facts_unknown_role_en", en.replace(p, "u.yaml"));
}

#[test]
fn a_flag_the_output_does_not_read_is_an_error() {
    // The stream gives every unit of the input: a unit filter would be ignored
    // (`--status` it reads: tests/stream.rs).
    let (code, out, err) = run(&["eval", "-", "--format", "jsonl", "--unit", "平安区公安分局"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(
        err.contains("--unit") && err.contains("--format jsonl"),
        "{err}"
    );
    // And the stream's own flags mean nothing to a whole-file report.
    for flag in [
        &["--threads", "2"][..],
        &["--with-text"][..],
        &["--fail-fast"][..],
    ] {
        let mut args = vec!["eval", UNITS, "--drafts"];
        args.extend_from_slice(flag);
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{err}");
        assert!(out.is_empty());
        assert!(err.contains(flag[0]) && err.contains("只用于"), "{err}");
    }
}

/// `tiaoli explain` in Chinese (the default) and in English: the header names
/// the ordinance by its title in 《》, the draft by the kind its text is, and
/// every line of the chain is in the language of the run (the law's own words
/// — kinds, actions, deadlines — stay as the text has them).
#[test]
fn explain_in_both_languages() {
    for (unit, article, name) in [
        (
            "绵阳某投资咨询公司",
            "29",
            "explain_deadline_and_consequence",
        ),
        ("城厢街道办事处", "18", "explain_counted_back_from_an_event"),
    ] {
        let args = [
            "explain",
            UNITS,
            "--unit",
            unit,
            "--article",
            article,
            "--ordinance",
            "mianyang",
            "--drafts",
        ];
        let (code, zh, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        assert!(zh.starts_with("《绵阳市平安建设规定》"), "{zh}");
        insta::assert_snapshot!(format!("{name}_zh"), zh);
        let mut en_args = vec!["--lang", "en"];
        en_args.extend_from_slice(&args);
        let (code, en, err) = run(&en_args);
        assert_eq!(code, 0, "{err}");
        assert!(!en.contains("规范 ") && !en.contains("评估日期"), "{en}");
        insta::assert_snapshot!(format!("{name}_en"), en);
    }
}

/// An article only ordinances that do not apply to the unit have: each is
/// named by its title with the reason, in the language of the run — and only
/// those that have the article.
#[test]
fn explain_names_the_ordinances_that_do_not_apply() {
    let args = [
        "explain",
        UNITS,
        "--unit",
        "平安区公安分局",
        "--article",
        "58",
    ];
    let (code, zh, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("explain_not_applying_zh", zh);
    assert!(!zh.contains("海东") && !zh.contains("河南"), "{zh}");
    let mut en_args = vec!["--lang", "en"];
    en_args.extend_from_slice(&args);
    let (_, en, _) = run(&en_args);
    insta::assert_snapshot!("explain_not_applying_en", en);
}

/// `tiaoli serve` refuses to start, in the language of the run and with exit
/// 2, before it listens: a non-loopback address without a token, an empty
/// token, rules with only the vocabulary.
#[test]
fn serve_refusals_in_both_languages() {
    let dir = std::env::temp_dir().join(format!("tiaoli-serve-refusals-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("token");
    std::fs::write(&empty, "  \n").unwrap();
    let empty = empty.display().to_string();
    let cases: [(&str, Vec<&str>); 3] = [
        ("not_loopback", vec!["serve", "--addr", "0.0.0.0:0"]),
        (
            "empty_token",
            vec!["serve", "--addr", "127.0.0.1:0", "--token-file", &empty],
        ),
        (
            "vocabulary_only",
            vec!["serve", "--addr", "127.0.0.1:0", "--rules", "rules/lexicon"],
        ),
    ];
    let mut shown = String::new();
    for (name, args) in &cases {
        for lang in ["zh", "en"] {
            let mut full = vec!["--lang", lang];
            full.extend_from_slice(args);
            let (code, out, err) = run(&full);
            assert_eq!(code, 2, "{name} {lang}: {err}");
            assert!(out.is_empty(), "{out}");
            shown.push_str(&format!("{name} {lang}: {}", err.replace(&empty, "TOKEN")));
        }
    }
    insta::assert_snapshot!("serve_refusals", shown);
}

/// A holiday schedule (`--calendar`) that is not one: each error names the
/// file and says what is wrong in the language of the run, exit 2.
#[test]
fn calendar_errors_in_both_languages() {
    // A path of the same length on every run: diagnostics wrap at a width.
    let dir = std::env::temp_dir().join("tiaoli-calendars");
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        (
            "not_a_date",
            "name: x\nyears:\n  2024:\n    rest: [2024-13-01]\n",
        ),
        (
            "backwards",
            "name: x\nyears:\n  2024:\n    rest: [2024-10-07..2024-10-01]\n",
        ),
        (
            "both",
            "name: x\nyears:\n  2024:\n    rest: [2024-10-01]\n    work: [2024-10-01]\n",
        ),
    ];
    let mut shown = String::new();
    for (name, text) in cases {
        let p = dir.join(format!("{name}.yaml"));
        std::fs::write(&p, text).unwrap();
        let p = p.display().to_string();
        for lang in ["zh", "en"] {
            let (code, out, err) = run(&["--lang", lang, "eval", UNITS, "--calendar", &p]);
            assert_eq!(code, 2, "{name} {lang}: {err}");
            assert!(out.is_empty(), "{out}");
            shown.push_str(&format!("{name} {lang}:{}", err.replace(&p, "FILE")));
        }
    }
    insta::assert_snapshot!("calendar_errors", shown);
}

/// `--help` in Chinese (the default): every description, heading and note is
/// Chinese; English keeps clap's own words and the doc comments.
#[test]
fn help_in_both_languages() {
    for args in [vec!["-h"], vec!["eval", "--help"]] {
        let (code, zh, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Print help",
            "[possible values",
            "[default",
        ] {
            assert!(!zh.contains(english), "{english} in {zh}");
        }
        let mut en_args = vec!["--lang", "en"];
        en_args.extend_from_slice(&args);
        let (code, en, _) = run(&en_args);
        assert_eq!(code, 0);
        assert!(en.contains("Usage:") && en.contains("Options:"), "{en}");
        let words: Vec<&str> = args.iter().map(|a| a.trim_start_matches('-')).collect();
        let name = format!("help_{}", words.join("_"));
        insta::assert_snapshot!(format!("{name}_zh"), zh);
    }
}

/// Usage errors in the language of the run, exit 2: an unknown argument, a
/// value that is not one of the choices, a misspelt subcommand (with a
/// did-you-mean), a missing required argument.
#[test]
fn usage_errors_in_both_languages() {
    let cases: [&[&str]; 4] = [
        &["eval", UNITS, "--no-such-flag"],
        &["eval", UNITS, "--format", "jsn"],
        &["evl"],
        &["explain", UNITS],
    ];
    let mut shown = String::new();
    for args in cases {
        for lang in ["zh", "en"] {
            let mut full = vec!["--lang", lang];
            full.extend_from_slice(args);
            let (code, out, err) = run(&full);
            assert_eq!(code, 2, "{args:?} {lang}: {err}");
            assert!(out.is_empty(), "{out}");
            shown.push_str(&format!("── {} ({lang})\n{err}", args.join(" ")));
        }
    }
    insta::assert_snapshot!("usage_errors", shown);
}

/// `tiaoli --lang en serve`: its terminal lines are English, and what it
/// serves stays Chinese (the reasons in a report's JSON here).
#[test]
fn serve_answers_in_chinese_whatever_the_terminal_language() {
    use std::io::{BufRead, BufReader, Read};
    let mut child = common::tiaoli()
        .args(["--lang", "en", "serve", "--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let answer = (|| {
        assert!(
            line.starts_with("tiaoli serve: listening on http://"),
            "{line}"
        );
        let addr = line.split("http://").nth(1)?.split('/').next()?.to_string();
        let body = "as_of: 2025-03-01\nunits:\n  - id: 甲\n    kind: 公安部门\n    level: 县\n    region: 青海省/海东市/平安区\n";
        let mut s = std::net::TcpStream::connect(&addr).ok()?;
        let request = format!(
            "POST /v1/eval HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/yaml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        s.write_all(request.as_bytes()).ok()?;
        let mut answer = String::new();
        s.read_to_string(&mut answer).ok()?;
        Some(answer)
    })();
    let _ = child.kill();
    let _ = child.wait();
    let answer = answer.expect("an answer from tiaoli serve");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("不在其辖区"), "{answer}");
    assert!(!answer.contains("outside its jurisdiction"), "{answer}");
}
