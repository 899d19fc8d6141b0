//! `tiaoli eval --format jsonl`: JSON Lines in, one record per unit out, driven
//! through the binary — the records are the units of `--format json`, the same
//! bytes on any number of threads and when the file is split into shards, and a
//! bad line is reported by its line number with nothing of it written.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

/// The sixteen units of examples/units.yaml, as JSON values.
fn example_units() -> Vec<Value> {
    let text = std::fs::read_to_string(common::root().join("examples/units.yaml")).unwrap();
    let v: Value = tiaoli_compiler::yaml::from_str(&text).unwrap();
    v["units"].as_array().unwrap().clone()
}

/// `n` units varied from the examples by a fixed-seed generator: each with its
/// own id, some facts dropped or flipped, events moved by a few days.
fn generated(n: usize) -> Vec<String> {
    let base = example_units();
    let mut seed: u64 = 0x006a_736f_6e6c;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        seed >> 33
    };
    (0..n)
        .map(|i| {
            let mut u = base[i % base.len()].clone();
            let id = format!("{}-{i}", u["id"].as_str().unwrap());
            u["id"] = Value::String(id);
            if let Some(facts) = u.get_mut("facts").and_then(Value::as_object_mut) {
                let keys: Vec<String> = facts.keys().cloned().collect();
                for k in keys {
                    match next() % 4 {
                        0 => {
                            facts.remove(&k);
                        }
                        1 => {
                            if let Some(b) = facts[&k].as_bool() {
                                facts[&k] = Value::Bool(!b);
                            }
                        }
                        _ => {}
                    }
                }
            }
            for list in ["events", "actions"] {
                if let Some(items) = u.get_mut(list).and_then(Value::as_array_mut) {
                    for e in items.iter_mut() {
                        let d = e["date"].as_str().unwrap_or("").to_string();
                        if let (Some(day), Some(prefix)) = (d.get(8..10), d.get(..8)) {
                            let day: u64 = day.parse().unwrap_or(1);
                            let moved = (day + next() % 5).min(28);
                            e["date"] = Value::String(format!("{prefix}{moved:02}"));
                        }
                    }
                }
            }
            serde_json::to_string(&u).unwrap()
        })
        .collect()
}

fn write(dir: &Path, name: &str, header: bool, lines: &[String]) -> String {
    let path = dir.join(name);
    let mut text = String::new();
    if header {
        text.push_str("{\"as_of\": \"2025-03-01\"}\n");
    }
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

struct Out {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

fn eval(args: &[&str], stdin: Option<&[u8]>) -> Out {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tiaoli"));
    cmd.arg("eval").args(args).env("NO_COLOR", "1");
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || pipe.write_all(&input));
    }
    let o = child.wait_with_output().unwrap();
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: o.stdout,
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

fn records(bytes: &[u8]) -> Vec<Value> {
    std::str::from_utf8(bytes)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn without_texts(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| k.as_str() != "text")
                .map(|(k, v)| (k.clone(), without_texts(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(without_texts).collect()),
        other => other.clone(),
    }
}

#[test]
fn each_record_is_the_unit_of_the_json_report_with_texts_by_reference() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "units.jsonl", true, &generated(48));
    let json = eval(&["--format", "json", "--drafts", &file], None);
    let report: Value = serde_json::from_slice(&json.stdout).unwrap();
    let units = report["units"].as_array().unwrap();

    let by_ref = eval(&["--format", "jsonl", "--drafts", &file], None);
    assert_eq!(by_ref.code, json.code, "{}", by_ref.stderr);
    assert!(by_ref.stderr.is_empty(), "{}", by_ref.stderr);
    let recs = records(&by_ref.stdout);
    assert_eq!(recs.len(), units.len());
    for (r, u) in recs.iter().zip(units) {
        assert_eq!(r, &without_texts(u));
    }
    let text = String::from_utf8(by_ref.stdout.clone()).unwrap();
    assert!(!text.contains("\"text\""), "texts are given by reference");
    assert!(text.contains("\"eid\"") && text.contains("\"cite\""));

    let with_text = eval(
        &["--format", "jsonl", "--drafts", "--with-text", &file],
        None,
    );
    assert_eq!(&records(&with_text.stdout), units);
    // One line per record, no pretty-printing.
    assert_eq!(
        with_text.stdout.iter().filter(|b| **b == b'\n').count(),
        units.len()
    );
}

#[test]
fn the_output_is_the_same_bytes_on_1_2_and_4_threads() {
    let dir = tempfile::tempdir().unwrap();
    // More lines than one batch, and a bad line among them.
    let mut lines = generated(1500);
    lines.insert(700, "{\"id\": \"坏\", \"kind\": \"公安部\"}".into());
    let file = write(dir.path(), "units.jsonl", true, &lines);
    let runs: Vec<Out> = ["1", "2", "4"]
        .iter()
        .map(|t| {
            eval(
                &["--format", "jsonl", "--drafts", "--threads", t, &file],
                None,
            )
        })
        .collect();
    assert_eq!(records(&runs[0].stdout).len(), 1500);
    for r in &runs[1..] {
        assert!(r.stdout == runs[0].stdout, "threads change the output");
        assert_eq!(r.stderr, runs[0].stderr);
        assert_eq!(r.code, runs[0].code);
    }
    assert_eq!(runs[0].code, 2, "{}", runs[0].stderr);
}

#[test]
fn shards_run_as_separate_processes_concatenate_to_the_bytes_of_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let lines = generated(900);
    let whole = write(dir.path(), "all.jsonl", false, &lines);
    let one = eval(
        &[
            "--format",
            "jsonl",
            "--drafts",
            "--as-of",
            "2025-03-01",
            &whole,
        ],
        None,
    );
    assert_eq!(one.code, 1, "{}", one.stderr);
    // Three shards of unequal size (as `split -n l/3` would cut), each its own process.
    let mut merged = Vec::new();
    let mut codes = Vec::new();
    for (k, part) in [&lines[..250], &lines[250..611], &lines[611..]]
        .iter()
        .enumerate()
    {
        let shard = write(dir.path(), &format!("shard-{k}.jsonl"), false, part);
        let o = eval(
            &[
                "--format",
                "jsonl",
                "--drafts",
                "--as-of",
                "2025-03-01",
                &shard,
            ],
            None,
        );
        merged.extend_from_slice(&o.stdout);
        codes.push(o.code);
    }
    assert!(merged == one.stdout, "merged shards differ from one run");
    // The run's exit code is the worst of the shards' (1 over 3 over 0).
    assert!(codes.contains(&1));
}

#[test]
fn standard_input_with_the_date_on_the_first_line_or_given() {
    let lines = generated(20);
    let mut text = String::from("{\"as_of\": \"2025-03-01\"}\n");
    for l in &lines {
        text.push_str(l);
        text.push('\n');
    }
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "u.jsonl", true, &lines);
    let from_file = eval(&["--format", "jsonl", "--drafts", &file], None);
    let piped = eval(
        &["--format", "jsonl", "--drafts", "-"],
        Some(text.as_bytes()),
    );
    assert_eq!(piped.code, from_file.code);
    assert!(piped.stdout == from_file.stdout);
    // --as-of overrides the header, as it overrides a file's as_of.
    let later = eval(
        &[
            "--format",
            "jsonl",
            "--drafts",
            "--as-of",
            "2026-01-01",
            "-",
        ],
        Some(text.as_bytes()),
    );
    assert!(later.stdout != from_file.stdout);
    // No date at all: nothing evaluated, exit 2.
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let none = eval(&["--format", "jsonl", "-"], Some(body.as_bytes()));
    assert_eq!(none.code, 2);
    assert!(none.stdout.is_empty());
    assert!(none.stderr.contains("as_of"), "{}", none.stderr);
}

#[test]
fn a_bad_line_is_named_by_its_line_and_nothing_of_it_is_written() {
    let good = generated(6);
    let mut lines = good.clone();
    lines.insert(2, "{\"id\": \"乙\", \"kind\": }".into());
    lines.insert(
        4,
        "{\"id\": \"丙\", \"kind\": \"公安部门\", \"kind\": \"学校\"}".into(),
    );
    lines.insert(
        6,
        "{\"id\": \"丁\", \"kind\": \"公安部\", \"level\": \"县\"}".into(),
    );
    lines.insert(7, String::new());
    lines.push("{\"as_of\": \"2025-01-01\"}".into());
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "bad.jsonl", true, &lines);
    let o = eval(&["--format", "jsonl", "--drafts", &file], None);
    assert_eq!(o.code, 2, "{}", o.stderr);
    let recs = records(&o.stdout);
    let ids: Vec<&str> = recs.iter().map(|r| r["unit"].as_str().unwrap()).collect();
    let expected: Vec<String> = good
        .iter()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, expected, "every good line, in order; no bad one");
    // Line 1 is the header: the bad units are on lines 4, 6 and 8 (a blank line 9), the late as_of on 12.
    let err: Vec<&str> = o.stderr.lines().collect();
    assert!(
        err[0].starts_with(&format!("{file}:4: 不是有效的 JSON")),
        "{}",
        o.stderr
    );
    assert!(
        err[1].starts_with(&format!("{file}:6: 键重复")),
        "{}",
        o.stderr
    );
    assert!(
        err[2].starts_with(&format!("{file}:8: 单位“丁”，kind：")),
        "{}",
        o.stderr
    );
    assert!(err[2].contains("公安部门"), "did you mean: {}", o.stderr);
    assert!(
        err[3].starts_with(&format!("{file}:12: as_of")),
        "{}",
        o.stderr
    );
    assert!(err[4].contains("4 行"), "{}", o.stderr);
    // One number: the line of the file, never serde_json's "line 1 column …".
    assert!(
        !o.stderr.contains("line 1") && !o.stderr.contains("column"),
        "{}",
        o.stderr
    );

    let ff = eval(
        &["--format", "jsonl", "--drafts", "--fail-fast", &file],
        None,
    );
    assert_eq!(ff.code, 2);
    assert_eq!(records(&ff.stdout).len(), 2, "only the units before line 4");
    assert!(
        ff.stderr.starts_with(&format!("{file}:4: ")),
        "{}",
        ff.stderr
    );
    assert!(
        !ff.stderr.contains(":6:"),
        "nothing after the first bad line is read"
    );
}

#[test]
fn a_line_past_the_bound_is_an_error_of_its_own() {
    let lines = vec![
        generated(1).remove(0),
        format!("{{\"id\": \"x\", \"kind\": \"{}\"}}", "甲".repeat(400_000)),
        generated(2).remove(1),
    ];
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "long.jsonl", true, &lines);
    let o = eval(&["--format", "jsonl", "--drafts", &file], None);
    assert_eq!(o.code, 2);
    assert_eq!(records(&o.stdout).len(), 2);
    assert!(
        o.stderr.starts_with(&format!("{file}:3: 行过长")),
        "{}",
        o.stderr
    );
}

#[test]
fn a_producer_writing_line_by_line_gets_each_record_before_the_next_line() {
    let lines = generated(3);
    for threads in ["1", "2"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tiaoli"))
            .args([
                "eval",
                "-",
                "--format",
                "jsonl",
                "--drafts",
                "--threads",
                threads,
            ])
            .args(["--as-of", "2025-03-01"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            use std::io::BufRead;
            for l in std::io::BufReader::new(stdout).lines() {
                if tx.send(l.unwrap()).is_err() {
                    break;
                }
            }
        });
        for l in &lines {
            writeln!(stdin, "{l}").unwrap();
            stdin.flush().unwrap();
            // The input stays open: the record must come without more lines or EOF.
            let got = rx.recv_timeout(std::time::Duration::from_secs(60));
            let Ok(record) = got else {
                let _ = child.kill();
                panic!("no record for a line while the input stays open ({threads} threads)");
            };
            let want: Value = serde_json::from_str(l).unwrap();
            let rec: Value = serde_json::from_str(&record).unwrap();
            assert_eq!(rec["unit"], want["id"]);
        }
        drop(stdin);
        assert!(child.wait().unwrap().code().is_some());
    }
}

#[test]
fn status_keeps_the_results_of_those_statuses_and_the_exit_code_of_all() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "units.jsonl", true, &generated(48));
    let keep = "violated,triggered,unknown";
    let json = eval(
        &["--format", "json", "--drafts", "--status", keep, &file],
        None,
    );
    let report: Value = serde_json::from_slice(&json.stdout).unwrap();
    let units = report["units"].as_array().unwrap();
    let all = eval(&["--format", "jsonl", "--drafts", &file], None);
    for threads in ["1", "2"] {
        let kept = eval(
            &[
                "--format",
                "jsonl",
                "--drafts",
                "--status",
                keep,
                "--threads",
                threads,
                &file,
            ],
            None,
        );
        assert!(kept.stderr.is_empty(), "{}", kept.stderr);
        // The exit code is the whole evaluation's, as with --format json.
        assert_eq!(kept.code, all.code);
        assert_eq!(kept.code, json.code);
        let recs = records(&kept.stdout);
        assert_eq!(recs.len(), units.len());
        for (r, u) in recs.iter().zip(units) {
            assert_eq!(r, &without_texts(u));
        }
        assert!(
            kept.stdout.len() * 2 < all.stdout.len(),
            "most results are pending"
        );
    }
    let shown: usize = records(
        &eval(
            &["--format", "jsonl", "--drafts", "--status", keep, &file],
            None,
        )
        .stdout,
    )
    .iter()
    .map(|r| r["results"].as_array().unwrap().len())
    .sum();
    assert!(shown > 0);
    // A status that is not one is an error before anything is read.
    let bad = eval(
        &["--format", "jsonl", "--status", "pendin", "-"],
        Some(b"{}\n"),
    );
    assert_eq!(bad.code, 2);
    assert!(bad.stdout.is_empty());
    assert!(bad.stderr.contains("pending"), "{}", bad.stderr);
}
