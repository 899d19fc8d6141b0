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

mod arithmetic;
mod diff;
mod error_classes;
mod facts;
mod files;
mod output;
mod rules;
mod test_files;

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
