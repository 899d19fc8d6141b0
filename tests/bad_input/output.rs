//! Standard output: a closed pipe ends quietly with the command's own code, a
//! failed write is exit 2 with a message.

use super::*;

/// Runs with standard output a pipe whose reader is gone before the command
/// writes (it reads and compiles its inputs first, for milliseconds).
fn with_closed_stdout(args: &[&str]) -> Outcome {
    let mut child = tiaoli()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(Stdio::null())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let o = wait(child);
    assert_no_panic(&o, args);
    o
}

fn with_full_stdout(args: &[&str]) -> Outcome {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let child = tiaoli()
        .args(args)
        .stdout(full)
        .stderr(Stdio::piped())
        .stdin(Stdio::null())
        .spawn()
        .expect("spawn");
    let o = wait(child);
    assert_no_panic(&o, args);
    o
}

const EVERY_COMMAND: &[&[&str]] = &[
    &["eval", "examples/units.yaml", "--drafts"],
    &[
        "eval",
        "examples/units.yaml",
        "--drafts",
        "--format",
        "json",
    ],
    &[
        "explain",
        "examples/units.yaml",
        "--drafts",
        "--unit",
        "平安区公安分局",
        "--article",
        "46",
    ],
    &["graph", "--format", "json"],
    &["graph", "--ordinance", "haidong", "--format", "dot"],
    &["lint"],
    &["lint", "--format", "sarif"],
    &["check"],
    &["check", "--format", "json"],
    &["coverage"],
    &["test", "rules/tests"],
    &[
        "diff",
        "rules/haidong.tiaoli",
        "rules/guangdong.tiaoli",
        "--different-ordinances",
    ],
    &["fmt", "--check", "tests/fixtures/unformatted.tiaoli"],
    &["lift", "tests/fixtures/bad_input/ordinance.txt"],
];

#[test]
fn a_closed_pipe_ends_quietly_with_the_commands_own_code() {
    for args in EVERY_COMMAND {
        let expected = bad(args, usize::MAX).code;
        let o = with_closed_stdout(args);
        assert_eq!(o.code, expected, "{args:?}: {}", o.err);
        assert!(!o.err.contains("无法写出标准输出"), "{args:?}: {}", o.err);
    }
}

#[test]
fn a_failed_write_to_standard_output_is_exit_2_with_a_message() {
    for args in EVERY_COMMAND {
        let o = with_full_stdout(args);
        assert_eq!(o.code, 2, "{args:?}: {}", o.err);
        assert!(o.err.contains("无法写出标准输出"), "{args:?}: {}", o.err);
    }
}
