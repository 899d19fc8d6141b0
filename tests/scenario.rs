//! `tiaoli test`: the runner on fixtures that pass and fail, its outputs and
//! exit codes, and the project's own scenario tests under rules/tests.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;

#[test]
fn passing_cases_exit_0() {
    let (code, out, err) = run(&["test", "tests/fixtures/scenarios/pass.yaml"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("✓ 第四十六条 考评等次为一般的成员单位受督导"),
        "{out}"
    );
    assert!(out.ends_with("通过 2 个，失败 0 个\n"), "{out}");
}

#[test]
fn a_failure_shows_expected_and_actual_side_by_side_and_why() {
    let (code, out, _) = run(&["test", "tests/fixtures/scenarios/fail.yaml"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("scenario_failure", out);
}

#[test]
fn json_counts_and_junit() {
    let (code, out, _) = run(&["test", "tests/fixtures/scenarios", "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (
            v["total"].as_u64(),
            v["passed"].as_u64(),
            v["failed"].as_u64()
        ),
        (Some(3), Some(2), Some(1))
    );
    let (_, xml, _) = run(&["test", "tests/fixtures/scenarios", "--format", "junit"]);
    assert!(xml.starts_with("<?xml"), "{xml}");
    assert!(xml.contains("tests=\"3\" failures=\"1\""), "{xml}");
    assert!(xml.contains("<failure message="), "{xml}");
}

#[test]
fn filter_and_coverage() {
    let (code, out, _) = run(&["test", "tests/fixtures/scenarios", "--filter", "良好"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.ends_with("通过 1 个，失败 0 个\n"), "{out}");
    let (code, out, _) = run(&["test", "tests/fixtures/scenarios/pass.yaml", "--coverage"]);
    assert_eq!(code, 0);
    assert!(out.contains("haidong"), "{out}");
    assert!(out.contains("未涉及："), "{out}");
    let (code, _, err) = run(&[
        "test",
        "tests/fixtures/scenarios/pass.yaml",
        "--min-coverage",
        "90",
    ]);
    assert_eq!(code, 1, "coverage of two cases is far below 90%");
    assert!(err.contains("低于要求的 90%"), "{err}");
}

#[test]
fn errors_exit_2() {
    assert_eq!(run(&["test", "no/such/dir"]).0, 2);
    let dir = std::env::temp_dir().join(format!("tiaoli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("bad.yaml");
    std::fs::write(
        &f,
        "cases:\n  - name: x\n    as_of: 2025-03-01\n    expcet: {}\n",
    )
    .unwrap();
    let (code, _, err) = run(&["test", &f.to_string_lossy()]);
    assert_eq!(code, 2);
    assert!(err.contains("expcet"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_project_scenarios_pass() {
    let (code, out, err) = run(&["test", "rules/tests", "--coverage"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("，失败 0 个"), "{out}");
    // The whole rules/ folder: test files are found, the calendar is not one.
    let (code, all, err) = run(&["test", "rules"]);
    assert_eq!(code, 0, "{all}{err}");
    assert_eq!(all.lines().last(), out.lines().last(), "the same cases");
}
