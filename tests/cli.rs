//! The binary, driven as users drive it: exit codes, outputs, determinism.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;

#[test]
fn check_passes_on_the_embedded_rules_without_a_path() {
    let (code, out, err) = run(&["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("haidong 海东市平安建设条例：51 条"), "{out}");
}

#[test]
fn check_passes_on_the_rules_directory() {
    let (code, _, err) = run(&["check", "rules"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn check_reports_errors_with_exit_2() {
    let (code, _, err) = run(&["check", "tests/fixtures/unknown_term.tiaoli"]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("check_unknown_term_stderr", err);
}

#[test]
fn check_json_is_machine_readable() {
    let (code, out, _) = run(&[
        "check",
        "tests/fixtures/unknown_term.tiaoli",
        "--format",
        "json",
    ]);
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["ok"], false);
    assert_eq!(v["errors"], 1);
    let d = &v["diagnostics"][0];
    assert_eq!(
        (d["file"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (
            Some("tests/fixtures/unknown_term.tiaoli"),
            Some(12),
            Some(8)
        )
    );
    assert_eq!(d["code"], "unknown-term");
}

#[test]
fn check_on_a_missing_path_is_a_clear_error() {
    let (code, _, err) = run(&["check", "no/such/file.tiaoli"]);
    assert_eq!(code, 2);
    assert!(err.contains("无法读取 no/such/file.tiaoli"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, _) = run(&["check", "--format", "xml"]);
    assert_eq!(code, 2);
    let (code, _, err) = run(&["fmt"]);
    assert_eq!(code, 2);
    assert!(err.contains("请给出要格式化的文件"), "{err}");
}

#[test]
fn fmt_check_passes_on_the_repository_rules() {
    let (code, out, err) = run(&["fmt", "--check", "rules"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, _, _) = run(&["fmt", "--check"]);
    assert_eq!(code, 0, "the embedded rules are formatted");
}

#[test]
fn fmt_check_finds_and_fmt_fixes_layout() {
    let (code, out, _) = run(&["fmt", "--check", "tests/fixtures/unformatted.tiaoli"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("未格式化：tests/fixtures/unformatted.tiaoli"),
        "{out}"
    );
    let dir = std::env::temp_dir().join(format!("tiaoli-fmt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let file = dir.join("x.tiaoli");
    std::fs::copy(root().join("tests/fixtures/unformatted.tiaoli"), &file).expect("copy");
    let path = file.to_string_lossy().to_string();
    let (code, _, err) = run(&["fmt", &path]);
    assert_eq!(code, 0, "{err}");
    let formatted = read(&file);
    insta::assert_snapshot!("fmt_unformatted", formatted);
    assert_eq!(run(&["fmt", "--check", &path]).0, 0);
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fmt_refuses_to_touch_a_file_that_does_not_parse() {
    let dir = std::env::temp_dir().join(format!("tiaoli-fmt-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let file = dir.join("bad.tiaoli");
    let text = "第一条 { 款 \"未闭合 }\n";
    std::fs::write(&file, text).expect("write");
    let (code, _, err) = run(&["fmt", &file.to_string_lossy()]);
    assert_eq!(code, 2);
    assert!(err.contains("tiaoli::syntax"), "{err}");
    assert_eq!(read(&file), text, "nothing is half-written");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn graph_of_one_article_as_dot_and_mermaid() {
    // Snapshots on the tutorial (stable); on 海东, the picture's content.
    let (code, dot, err) = run(&[
        "graph",
        "examples/tutorial.tiaoli",
        "--article",
        "6",
        "--format",
        "dot",
    ]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("graph_tutorial_6_dot", dot);
    let (code, mermaid, _) = run(&[
        "graph",
        "examples/tutorial.tiaoli",
        "--article",
        "第3条",
        "--format",
        "mermaid",
    ]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("graph_tutorial_3_mermaid", mermaid);
    let (code, dot, err) = run(&[
        "graph",
        "--ordinance",
        "haidong",
        "--article",
        "第四十六条",
        "--format",
        "dot",
    ]);
    assert_eq!(code, 0, "{err}");
    for label in [
        "后果：督导整改",
        "= 一般",
        "通报、约谈、挂牌督办",
        "责令限期整改",
        "重大安全隐患未及时整改",
    ] {
        assert!(dot.contains(label), "{label} missing from\n{dot}");
    }
    assert!(
        !dot.contains("第四十七条"),
        "only 第四十六条 and what it reads"
    );
}

#[test]
fn graph_json_and_yaml_are_deterministic() {
    let (code, a, _) = run(&["graph", "--format", "json"]);
    assert_eq!(code, 0);
    let (_, b, _) = run(&["graph", "--format", "json"]);
    assert_eq!(a, b, "same input, same bytes");
    let v: serde_json::Value = serde_json::from_str(&a).expect("json");
    let ids: Vec<&str> = v["ordinances"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|o| o["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "anyang",
            "guangdong",
            "haidong",
            "henan",
            "mianyang",
            "xiangxi",
            "zhejiang"
        ],
        "sorted load order"
    );
    let (code, y1, _) = run(&["graph", "--format", "yaml"]);
    assert_eq!(code, 0);
    let (_, y2, _) = run(&["graph", "--format", "yaml"]);
    assert_eq!(y1, y2);
    assert!(y1.contains("id: haidong"));
}

#[test]
fn graph_rejects_unknown_articles_and_ordinances() {
    assert_eq!(
        run(&["graph", "--ordinance", "haidong", "--article", "第九十九条"]).0,
        2
    );
    assert_eq!(
        run(&["graph", "--ordinance", "haidong", "--article", "abc"]).0,
        2
    );
    let (code, _, err) = run(&["graph", "--ordinance", "nowhere"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("已载入的条例：anyang（《安阳市市域社会治理促进条例》）、guangdong"),
        "{err}"
    );
    // Several ordinances loaded: a picture needs one of them.
    let (code, _, err) = run(&["graph", "--article", "1", "--format", "dot"]);
    assert_eq!(code, 2);
    assert!(err.contains("--ordinance"), "{err}");
}

#[test]
fn the_tutorial_example_checks_and_is_formatted() {
    let (code, out, err) = run(&["check", "examples/tutorial.tiaoli"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("tutorial tiaoli 教学示例：6 条，6 个规范，2 个后果"),
        "{out}"
    );
    assert_eq!(run(&["fmt", "--check", "examples"]).0, 0);
    let (code, mermaid, _) = run(&[
        "graph",
        "examples/tutorial.tiaoli",
        "--article",
        "6",
        "--format",
        "mermaid",
    ]);
    assert_eq!(code, 0);
    assert!(mermaid.contains("挂牌督办逾期未整改完成"), "{mermaid}");
}

#[test]
fn docs_coverage_md_is_generated_by_tiaoli_coverage() {
    let (code, out, err) = run(&["coverage"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        read(&root().join("docs/coverage.md")),
        out,
        "docs/coverage.md is stale: regenerate it with `tiaoli coverage > docs/coverage.md`"
    );
    let (code, json, _) = run(&["coverage", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let articles: u64 = v
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|o| o["articles"].as_u64())
        .sum();
    assert_eq!(articles, 60 + 51 + 59 + 13 + 56 + 51 + 29);
}
