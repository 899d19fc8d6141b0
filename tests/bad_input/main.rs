//! The bad-input catalogue (issue 19): every input that once panicked, hung,
//! wrote a wrong verdict or was silently accepted, and every error class of
//! docs/cli.md, driven through the real binary. Each case asserts the exit
//! code, a located message where a location makes sense, no panic, and a
//! bound on the output (its size, never a timer).
//!
//! Fixtures are in tests/fixtures/bad_input/; inputs too large to keep (a
//! 10 MB token, 5,000 errors, 100,000 `非`) are generated into a temporary
//! directory.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// What a run of the binary gave.
struct Outcome {
    code: i32,
    out: String,
    err: String,
}

/// A run that must not take longer than this is a hang, not slowness: the
/// guard only kills a process that would otherwise block the suite forever.
const HANG: Duration = Duration::from_secs(120);

fn wait(mut child: Child) -> Outcome {
    // Read both pipes while waiting: a child blocked on a full pipe is not a hang.
    let read = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = read(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn std::io::Read + Send>),
    );
    let err = read(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn std::io::Read + Send>),
    );
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            panic!("the command hung (killed after {HANG:?})");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Outcome {
        code: status.code().unwrap_or(-1),
        out: out.join().unwrap_or_default(),
        err: err.join().unwrap_or_default(),
    }
}

fn spawn(cmd: &mut Command) -> Child {
    cmd.stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(Stdio::null())
        .spawn()
        .expect("spawn tiaoli")
}

/// Runs `tiaoli ARGS` (from the repository root) and checks what every bad
/// input must give: no panic, no signal, and at most `max_bytes` of output.
fn bad_in(dir: &Path, args: &[&str], max_bytes: usize) -> Outcome {
    let mut cmd = tiaoli();
    cmd.current_dir(dir).args(args);
    let o = wait(spawn(&mut cmd));
    assert_no_panic(&o, args);
    assert!(
        o.out.len() + o.err.len() <= max_bytes,
        "{args:?}: {} bytes of output (at most {max_bytes})\n{}",
        o.out.len() + o.err.len(),
        o.err.chars().take(2000).collect::<String>()
    );
    o
}

fn bad(args: &[&str], max_bytes: usize) -> Outcome {
    bad_in(&root(), args, max_bytes)
}

fn assert_no_panic(o: &Outcome, args: &[&str]) {
    assert!(o.code >= 0, "{args:?}: killed by a signal\n{}", o.err);
    assert_ne!(o.code, 101, "{args:?}: panicked\n{}", o.err);
    assert!(
        !o.err.contains("panicked") && !o.err.contains("RUST_BACKTRACE"),
        "{args:?}: panicked\n{}",
        o.err
    );
}

/// Asserts a `[file:line:col]` header (or `file:line:col`) for this file and line.
fn assert_located(err: &str, file: &str, line: usize) {
    let header = format!("{file}:{line}:");
    assert!(err.contains(&header), "no location {header} in\n{err}");
}

fn fixture(name: &str) -> String {
    format!("tests/fixtures/bad_input/{name}")
}

fn temp() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("tiaoli-bad-input.")
        .tempdir()
        .expect("temp dir")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// A one-article ordinance whose norm has this condition (当 …).
fn with_condition(cond: &str) -> String {
    format!(
        "{HEADER}\n第1条 {{\n  款 \"……\"\n  规范 报告 {{\n    主体 公安部门\n    当 {cond}\n    应当 报告违法信息\n  }}\n}}\n"
    )
}

// ───────────────────────── rules: panics and hangs ─────────────────────────

#[test]
fn deeply_nested_parentheses_are_a_located_error_not_a_stack_overflow() {
    let t = temp();
    let n = 1_400;
    let f = write(
        t.path(),
        "deep.tiaoli",
        &with_condition(&format!("{}发生 挂牌督办{}", "(".repeat(n), ")".repeat(n))),
    );
    for cmd in ["check", "fmt", "lint", "graph"] {
        let args: Vec<&str> = match cmd {
            "fmt" => vec!["fmt", "--check", path_str(&f)],
            _ => vec![cmd, path_str(&f)],
        };
        let o = bad(&args, 20_000);
        assert_eq!(o.code, 2, "{cmd}: {}", o.err);
        assert!(o.err.contains("条件嵌套过深"), "{cmd}: {}", o.err);
        assert_located(&o.err, "deep.tiaoli", 13);
    }
}

#[test]
fn a_hundred_thousand_nots_are_a_located_error() {
    let t = temp();
    let f = write(
        t.path(),
        "nots.tiaoli",
        &with_condition(&format!("{}发生 挂牌督办", "非 ".repeat(100_000))),
    );
    let o = bad(&["check", path_str(&f)], 20_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("条件嵌套过深"), "{}", o.err);
    assert_located(&o.err, "nots.tiaoli", 13);
}

#[test]
fn the_deepest_nesting_allowed_compiles_formats_lints_and_diffs() {
    let depth = tiaoli_syntax::nesting::MAX_NESTING / 2;
    let cond = format!("{}发生 挂牌督办{}", "非 (".repeat(depth), ")".repeat(depth));
    let src = with_condition(&cond);
    // On this test thread's stack, through the libraries…
    let c = compile(&src);
    assert!(!c.has_errors(), "{}", render(&c));
    let lint = tiaoli_lint::lint(&c.graph, None, &tiaoli_lint::Options::default());
    let _ = lint.denied();
    let d = tiaoli_diff::diff(&c.graph, &c.graph);
    assert!(d.is_empty());
    // …and through the binary.
    let t = temp();
    let f = write(t.path(), "ok.tiaoli", &src);
    let o = bad(&["check", path_str(&f)], 20_000);
    assert_eq!(o.code, 0, "{}", o.err);
}

fn render(c: &tiaoli_compiler::Compilation) -> String {
    tiaoli_syntax::render::render_human(&c.diagnostics, &c.sources, false)
}

#[test]
fn an_error_past_column_65535_renders_without_panicking() {
    let t = temp();
    let long = "长".repeat(70_000);
    let f = write(
        t.path(),
        "long.tiaoli",
        &format!(
            "{HEADER}\n第1条 {{ 款 \"{long}\" 规范 x {{ 主体 公按部门 应当 报告违法信息 }} }}\n"
        ),
    );
    let o = bad(&["check", path_str(&f)], 10_000);
    assert_eq!(o.code, 2, "{}", o.err);
    // The column counts characters: 第1条 { 款 " is 10 of them.
    assert!(o.err.contains("long.tiaoli:9:70022]"), "{}", o.err);
    assert!(o.err.contains("公按部门"), "{}", o.err);
}

#[test]
fn a_ten_megabyte_token_is_quoted_cut_and_rendered_in_a_window() {
    let t = temp();
    let token = "公".repeat(3_500_000);
    let f = write(
        t.path(),
        "token.tiaoli",
        &format!("{HEADER}\n第1条 {{ 款 \"x\" 规范 x {{ 主体 {token} 应当 报告违法信息 }} }}\n"),
    );
    let o = bad(&["check", path_str(&f)], 20_000);
    assert_eq!(o.code, 2, "{}", o.err);
    // The cut is said (miette may wrap the line between the number and 字).
    assert!(o.err.contains("…（共 3500000"), "{}", o.err);
    let o = bad(&["check", "--format", "json", path_str(&f)], 20_000);
    assert_eq!(o.code, 2);
}

#[test]
fn five_thousand_errors_are_all_rendered_each_in_bounded_size() {
    let t = temp();
    let mut src = HEADER.to_string();
    for i in 1..=5_000 {
        src.push_str(&format!(
            "第{i}条 {{\n  款 \"x\"\n  规范 x{i} {{\n    主体 公按部门\n    应当 报告违法信息\n  }}\n}}\n"
        ));
    }
    let f = write(t.path(), "many.tiaoli", &src);
    let o = bad(&["check", path_str(&f)], 5_000 * 1_000);
    assert_eq!(o.code, 2);
    assert_eq!(o.err.matches("tiaoli::unknown-term").count(), 5_000);
    assert!(o.out.contains("5000 个错误"), "{}", o.out);
}

#[test]
fn a_fifo_among_the_rules_is_an_error_and_never_blocks() {
    let t = temp();
    let made = Command::new("mkfifo")
        .arg(t.path().join("x.tiaoli"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available here; skipped");
        return;
    }
    let o = bad(&["check", path_str(t.path())], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("不是普通文件（命名管道）"), "{}", o.err);
    let o = bad(&["check", path_str(&t.path().join("x.tiaoli"))], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
}

#[test]
fn a_symlink_loop_is_walked_once() {
    let t = temp();
    std::fs::copy(
        root().join("rules/haidong.tiaoli"),
        t.path().join("haidong.tiaoli"),
    )
    .unwrap();
    std::os::unix::fs::symlink(t.path(), t.path().join("loop")).unwrap();
    let o = bad(&["check", path_str(t.path())], 5_000);
    assert_eq!(o.code, 0, "{}", o.err);
    assert!(o.out.contains("0 个错误"), "{}", o.out);
}

#[test]
fn empty_and_comment_only_rule_files_are_errors() {
    for (name, what) in [
        ("empty.tiaoli", "规则文件是空的"),
        ("comments_only.tiaoli", "规则文件只有注释"),
    ] {
        let o = bad(&["check", &fixture(name)], 5_000);
        assert_eq!(o.code, 2, "{name}: {}", o.err);
        assert!(o.err.contains(what), "{name}: {}", o.err);
        assert_located(&o.err, name, 1);
        let o = bad(
            &["eval", "--rules", &fixture(name), "examples/units.yaml"],
            5_000,
        );
        assert_eq!(o.code, 2, "{name}: {}", o.err);
    }
    // Rules with a vocabulary and no ordinance bind no one: an error, not "nothing applies".
    let o = bad(
        &["eval", "--rules", "rules/lexicon", "examples/units.yaml"],
        5_000,
    );
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("没有条例"), "{}", o.err);
}

#[test]
fn a_byte_order_mark_is_accepted_in_a_rule_file() {
    let t = temp();
    let text = std::fs::read_to_string(root().join("rules/haidong.tiaoli")).unwrap();
    let f = write(t.path(), "bom.tiaoli", &format!("\u{feff}{text}"));
    let o = bad(&["check", path_str(&f)], 5_000);
    assert_eq!(o.code, 0, "{}", o.err);
}

#[test]
fn a_numeral_like_ten_ten_ten_is_not_article_thirty() {
    let t = temp();
    let f = write(
        t.path(),
        "numeral.tiaoli",
        &format!("{HEADER}\n第十十十条 {{\n  款 \"……\"\n}}\n"),
    );
    let o = bad(&["check", path_str(&f)], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("十十十"), "{}", o.err);
    assert_located(&o.err, "numeral.tiaoli", 9);
}

// ───────────────────────── wrong verdicts from arithmetic ─────────────────────────

#[test]
fn periods_past_a_hundred_years_are_compile_errors_at_the_period() {
    // The fixture has four such periods; the parser stops at the first, so each
    // is tried alone, the others made small.
    let text = std::fs::read_to_string(root().join(fixture("huge_period.tiaoli"))).unwrap();
    let huge = [
        (18, "4294967295 日", "30 日"),
        (22, "2000000000 个月", "3 个月"),
        (24, "8000 年", "1 年"),
        (29, "4000000000 个工作日", "5 个工作日"),
    ];
    let t = temp();
    for (line, period, _) in huge {
        let mut one = text.clone();
        for (_, other, small) in huge {
            if other != period {
                one = one.replace(other, small);
            }
        }
        let f = write(t.path(), "huge_period.tiaoli", &one);
        let o = bad(&["check", path_str(&f)], 20_000);
        assert_eq!(o.code, 2, "{period}: {}", o.err);
        assert!(
            o.err.contains("tiaoli::period-too-long"),
            "{period}: {}",
            o.err
        );
        assert!(
            o.err.contains(&format!("期间过长：{period}")),
            "{period}: {}",
            o.err
        );
        assert_located(&o.err, "huge_period.tiaoli", line);
    }
    // The JSON diagnostics say the same, with the column in characters.
    let o = bad(
        &["check", "--format", "json", &fixture("huge_period.tiaoli")],
        20_000,
    );
    let v: serde_json::Value = serde_json::from_str(&o.out).unwrap();
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "period-too-long")
        .unwrap();
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(18), Some(8))
    );
}

// ───────────────────────── output ─────────────────────────

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

// ───────────────────────── files tiaoli writes ─────────────────────────

fn unformatted() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/unformatted.tiaoli")).unwrap()
}

fn formatted() -> String {
    let text = unformatted();
    let f = tiaoli_syntax::parse(tiaoli_syntax::SourceId(0), &text).unwrap();
    tiaoli_syntax::format::format_file(&f, &text)
}

/// The names in a directory other than those given.
fn others(dir: &Path, known: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !known.contains(&n.as_str()))
        .collect();
    v.sort();
    v
}

#[test]
fn fmt_keeps_permissions_and_writes_through_a_symlink() {
    use std::os::unix::fs::PermissionsExt;
    let t = temp();
    let f = write(t.path(), "a.tiaoli", &unformatted());
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("a.tiaoli", t.path().join("link.tiaoli")).unwrap();
    let o = bad(&["fmt", path_str(&t.path().join("link.tiaoli"))], 5_000);
    assert_eq!(o.code, 0, "{}", o.err);
    assert_eq!(std::fs::read_to_string(&f).unwrap(), formatted());
    let link = std::fs::symlink_metadata(t.path().join("link.tiaoli")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    let mode = std::fs::metadata(&f).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert_eq!(
        others(t.path(), &["a.tiaoli", "link.tiaoli"]),
        Vec::<String>::new()
    );
}

#[test]
fn fmt_refuses_read_only_and_hard_linked_files_and_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let t = temp();
    let ro = write(t.path(), "ro.tiaoli", &unformatted());
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o440)).unwrap();
    let o = bad(&["fmt", path_str(&ro)], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("只读"), "{}", o.err);
    assert!(!o.out.contains("formatted:"), "{}", o.out);
    assert_eq!(std::fs::read_to_string(&ro).unwrap(), unformatted());
    assert_eq!(
        std::fs::metadata(&ro).unwrap().permissions().mode() & 0o777,
        0o440
    );

    let h = write(t.path(), "h.tiaoli", &unformatted());
    std::fs::hard_link(&h, t.path().join("h2.tiaoli")).unwrap();
    let o = bad(&["fmt", path_str(&h)], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("硬链接"), "{}", o.err);
    assert_eq!(std::fs::read_to_string(&h).unwrap(), unformatted());
    assert_eq!(
        others(t.path(), &["ro.tiaoli", "h.tiaoli", "h2.tiaoli"]),
        Vec::<String>::new(),
        "no temporary file is left behind"
    );
}

#[test]
fn fmt_in_an_unwritable_directory_is_exit_2_with_nothing_changed() {
    use std::os::unix::fs::PermissionsExt;
    let t = temp();
    let d = t.path().join("ro");
    std::fs::create_dir(&d).unwrap();
    let f = write(&d, "a.tiaoli", &unformatted());
    std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o555)).unwrap();
    // As root the directory is writable all the same: then there is nothing to test.
    let probe = d.join(".probe");
    if std::fs::write(&probe, "").is_ok() {
        let _ = std::fs::remove_file(&probe);
        std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("running as root: an unwritable directory cannot be made; skipped");
        return;
    }
    let o = bad(&["fmt", path_str(&f)], 5_000);
    std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(o.code, 2, "{}", o.err);
    assert_eq!(std::fs::read_to_string(&f).unwrap(), unformatted());
}

/// Kills `fmt` at many points of its run: the target is always the old text
/// or the new one, never anything else.
#[test]
fn fmt_killed_at_any_moment_leaves_the_old_file_or_the_new_one() {
    let t = temp();
    // Large enough that formatting takes a while: the kills land all over the run.
    let mut old = unformatted();
    let body = old
        .split_once("\n第")
        .map(|(_, b)| format!("第{b}"))
        .unwrap();
    for i in 2..400 {
        old.push_str(&body.replacen("第1条", &format!("第{i}条"), 1));
    }
    let new = {
        let f = tiaoli_syntax::parse(tiaoli_syntax::SourceId(0), &old).unwrap();
        tiaoli_syntax::format::format_file(&f, &old)
    };
    assert_ne!(old, new);
    let target = t.path().join("big.tiaoli");
    // Deterministic "random" delays: a linear congruential sequence.
    let mut seed: u64 = 19;
    let mut saw_new = false;
    let mut saw_old = false;
    for _ in 0..40 {
        std::fs::write(&target, &old).unwrap();
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let delay = Duration::from_micros(seed % 60_000);
        let mut child = tiaoli()
            .args(["fmt", path_str(&target)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read_to_string(&target).unwrap();
        assert!(
            now == old || now == new,
            "after a kill at {delay:?}: neither old nor new"
        );
        saw_new |= now == new;
        saw_old |= now == old;
    }
    assert!(saw_old || saw_new);
}

#[test]
fn lift_never_overwrites_its_input_or_an_existing_file_without_force() {
    let t = temp();
    let text = write(t.path(), "x.txt", "第一条 为了测试，制定本条例。\n");
    let o = bad(&["lift", path_str(&text), "-o", path_str(&text)], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("就是输入文本"), "{}", o.err);
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "第一条 为了测试，制定本条例。\n"
    );
    // Through a symlink too.
    std::os::unix::fs::symlink(&text, t.path().join("alias.txt")).unwrap();
    let o = bad(
        &[
            "lift",
            path_str(&text),
            "-o",
            path_str(&t.path().join("alias.txt")),
        ],
        5_000,
    );
    assert_eq!(o.code, 2, "{}", o.err);

    let existing = write(t.path(), "out.tiaoli", "// mine\n");
    let o = bad(&["lift", path_str(&text), "-o", path_str(&existing)], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("--force"), "{}", o.err);
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "// mine\n");
    let o = bad(
        &[
            "lift",
            path_str(&text),
            "-o",
            path_str(&existing),
            "--force",
        ],
        50_000,
    );
    assert_ne!(
        std::fs::read_to_string(&existing).unwrap(),
        "// mine\n",
        "{}",
        o.err
    );
}

#[test]
fn lift_with_a_report_writes_both_files_or_neither() {
    let t = temp();
    let text = write(t.path(), "x.txt", "第一条 为了测试，制定本条例。\n");
    let out = t.path().join("x.tiaoli");
    let report = t.path().join("no-such-dir").join("r.json");
    let o = bad(
        &[
            "lift",
            path_str(&text),
            "-o",
            path_str(&out),
            "--report",
            path_str(&report),
        ],
        5_000,
    );
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(
        !out.exists(),
        "the skeleton was written although the report was not"
    );
    assert_eq!(others(t.path(), &["x.txt"]), Vec::<String>::new());
}

// ───────────────────────── diff ─────────────────────────

#[test]
fn diff_of_two_different_ordinances_is_refused_unless_asked_for() {
    let o = bad(
        &["diff", "rules/haidong.tiaoli", "rules/guangdong.tiaoli"],
        5_000,
    );
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("不是同一部条例"), "{}", o.err);
    assert!(o.out.is_empty(), "{}", o.out);
    let o = bad(
        &[
            "diff",
            "rules/haidong.tiaoli",
            "rules/guangdong.tiaoli",
            "--different-ordinances",
        ],
        usize::MAX,
    );
    assert_eq!(o.code, 0, "{}", o.err);
}

#[test]
fn a_revision_beginning_with_a_dash_never_reaches_git() {
    let t = temp();
    let marker = t.path().join("written-by-git");
    let spec = format!("--output={}:rules", marker.display());
    let o = bad(&["diff", "--", &spec, "rules"], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("不能以 - 开头"), "{}", o.err);
    assert!(!marker.exists());
}

// ───────────────────────── tiaoli test ─────────────────────────

#[test]
fn a_test_file_that_cannot_be_right_is_exit_2_not_a_failing_case() {
    for (file, said) in [
        (
            "unknown_status.yaml",
            "没有状态“triggerd”，是否应为“triggered”",
        ),
        ("invalid_as_of.yaml", "2025-02-30"),
        ("missing_facts.yaml", "no-such-units.yaml"),
        ("invalid_unit.yaml", "公按部门"),
        ("misspelt_absent.yaml", "是否应为“督导整改”"),
        ("facts_without_units.yaml", "没有单位"),
    ] {
        let o = bad(&["test", &fixture(&format!("tests/{file}"))], 5_000);
        assert_eq!(o.code, 2, "{file}: {}\n{}", o.out, o.err);
        assert!(o.err.contains(said), "{file}: {said} not in\n{}", o.err);
        assert!(
            !o.out.contains("passed"),
            "{file}: no case is run\n{}",
            o.out
        );
    }
}

// ───────────────────────── facts and other inputs ─────────────────────────

#[test]
fn dev_zero_as_a_facts_file_is_refused_at_the_size_bound() {
    let o = bad(&["eval", "/dev/zero"], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("超过输入大小上限"), "{}", o.err);
    let o = Command::new(env!("CARGO_BIN_EXE_tiaoli"))
        .current_dir(root())
        .env("TIAOLI_MAX_INPUT_BYTES", "10")
        .args(["eval", "examples/units.yaml"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("10 字节"));
}

#[test]
fn a_key_given_twice_is_an_error_at_the_second_in_yaml_and_json() {
    for (file, line) in [("duplicate_key.yaml", 7), ("duplicate_key.json", 3)] {
        let o = bad(&["eval", &fixture(file)], 5_000);
        assert_eq!(o.code, 2, "{file}: {}", o.err);
        assert!(o.err.contains("键“kind”重复"), "{file}: {}", o.err);
        assert_located(&o.err, file, line);
    }
}

#[test]
fn every_problem_of_a_facts_file_is_listed_at_once_with_its_place() {
    let o = bad(&["eval", &fixture("many_problems.yaml")], 10_000);
    assert_eq!(o.code, 2, "{}", o.err);
    for (line, what) in [
        (8, "events[0].date"),        // 2025-+3-+1 is not a date
        (9, "早于事件本身的日期"),    // a deadline before its own date
        (9, "events[1].by"),          // by: is checked
        (11, "未知字段“to”"),         // actions accept no unknown field
        (12, "两个单位使用同一编号"), // duplicate ids, with the rest
        (13, "公按部门"),             // an unknown kind, with a did-you-mean
        (14, "未知字段“colour”"),
        (16, "考评等级"),
    ] {
        let shown = o
            .err
            .lines()
            .find(|l| l.contains(what))
            .unwrap_or_else(|| panic!("{what} not in\n{}", o.err));
        assert!(
            shown.contains(&format!("many_problems.yaml:{line}:")),
            "{what}: not at line {line}: {shown}"
        );
    }
    assert!(o.err.contains("有 8 处问题"), "{}", o.err);
}

#[test]
fn yaml_tags_get_a_plain_message_not_serde_jargon() {
    let o = bad(&["eval", &fixture("tag.yaml")], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("不支持 YAML 标签“!!str”"), "{}", o.err);
    assert!(!o.err.contains("invalid type"), "{}", o.err);
    assert_located(&o.err, "tag.yaml", 4);
}

#[test]
fn a_json_lines_error_names_one_line() {
    let o = bad(&["eval", &fixture("broken.jsonl")], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert_located(&o.err, "broken.jsonl", 3);
    assert!(!o.err.contains("at line"), "{}", o.err);
}

#[test]
fn a_byte_order_mark_is_accepted_in_every_facts_format() {
    for f in ["bom.yaml", "bom.json", "bom.jsonl"] {
        let o = bad(&["eval", &fixture(f), "--as-of", "2025-03-01"], usize::MAX);
        assert_ne!(o.code, 2, "{f}: {}", o.err);
        assert!(o.out.contains("■ 甲（公安部门）"), "{f}: {}", o.out);
    }
}

#[test]
fn deeply_nested_facts_are_one_error_quickly() {
    let t = temp();
    let n = 100_000;
    let deep = format!(
        "as_of: 2025-03-01\nunits: {}{}\n",
        "[".repeat(n),
        "]".repeat(n)
    );
    let f = write(t.path(), "deep.yaml", &deep);
    let o = bad(&["eval", path_str(&f)], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("嵌套过深"), "{}", o.err);
    let f = write(
        t.path(),
        "deep.json",
        &format!("{{\"units\": {}{}}}", "[".repeat(n), "]".repeat(n)),
    );
    let o = bad(&["eval", path_str(&f)], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("嵌套过深"), "{}", o.err);
}

// ───────────────────────── the error classes of docs/cli.md ─────────────────────────

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
