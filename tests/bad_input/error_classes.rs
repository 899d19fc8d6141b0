//! The error classes of docs/cli.md: each is exit 2.

use super::*;

#[test]
fn every_error_class_of_the_exit_code_contract_is_exit_2() {
    let t = temp();
    let not_utf8 = t.path().join("latin1.tiaoli");
    std::fs::write(&not_utf8, b"\xff\xfe\x00").unwrap();
    let cases: Vec<(Vec<String>, &str)> = vec![
        // rules that do not parse
        (
            vec![
                "check".into(),
                "tests/fixtures/unformatted.tiaoli".into(),
                fixture("syntax.tiaoli"),
            ],
            "syntax.tiaoli:",
        ),
        // rules that do not compile
        (
            vec!["check".into(), "tests/fixtures/unknown_term.tiaoli".into()],
            "unknown_term.tiaoli:12:8",
        ),
        // a rule file that cannot be read, or is not UTF-8
        (
            vec!["check".into(), "no/such/file.tiaoli".into()],
            "no/such/file.tiaoli",
        ),
        (
            vec!["check".into(), path_str(&not_utf8).into()],
            "latin1.tiaoli",
        ),
        // a facts file that cannot be read
        (
            vec!["eval".into(), "no/such/units.yaml".into()],
            "no/such/units.yaml",
        ),
        // a test file that is invalid
        (
            vec!["test".into(), fixture("tests/unknown_status.yaml")],
            "unknown_status.yaml",
        ),
        // a test file that cannot be read
        (
            vec!["test".into(), "no/such/tests.yaml".into()],
            "no/such/tests.yaml",
        ),
        // a facts file that is invalid
        (
            vec!["eval".into(), fixture("duplicate_key.yaml")],
            "duplicate_key.yaml:7:5",
        ),
        // a calendar that cannot be read
        (
            vec![
                "eval".into(),
                "examples/units.yaml".into(),
                "--calendar".into(),
                "no/such/calendar.yaml".into(),
            ],
            "no/such/calendar.yaml",
        ),
        // a bad argument, and a usage error of the argument parser
        (
            vec!["graph".into(), "--article".into(), "第X条".into()],
            "第X条",
        ),
        (
            vec!["eval".into(), "--no-such-flag".into()],
            "--no-such-flag",
        ),
        (
            vec![
                "eval".into(),
                "examples/units.yaml".into(),
                "--as-of".into(),
                "2025-+3-+1".into(),
            ],
            "2025-+3-+1",
        ),
    ];
    for (args, shown) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = bad(&args, 20_000);
        assert_eq!(o.code, 2, "{args:?}: {}", o.err);
        assert!(o.err.contains(shown), "{args:?}: {shown} not in\n{}", o.err);
    }
}
