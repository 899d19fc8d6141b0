//! `tiaoli diff`: each change kind on a pair of small rule files
//! (tests/fixtures/diff/), renumbering and moves, replaying units, REV:PATH from
//! git, the exit-code contract, a modified copy of 海东, and the properties
//! diff(x, x) = ∅ and diff(b, a) = mirror(diff(a, b)).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../common/mod.rs"]
mod common;

mod git;
mod kinds;
mod outputs;
mod properties;
mod real;
mod replay;
mod stale;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use proptest::prelude::*;
use serde_json::Value;
use tiaoli_diff::{Change, Kind};

fn fixture(name: &str) -> String {
    format!("tests/fixtures/diff/{name}.tiaoli")
}

/// Runs `tiaoli diff OLD NEW --format json` plus `extra`; returns the exit code
/// and the parsed output.
fn diff_json(old: &str, new: &str, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["diff", old, new, "--format", "json"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args);
    let v = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("not JSON ({e}); exit {code}\nstdout:\n{out}\nstderr:\n{err}"));
    (code, v)
}

/// The summary of a diff: kind code → count.
fn summary(v: &Value) -> BTreeMap<String, u64> {
    v["summary"]
        .as_object()
        .expect("summary")
        .iter()
        .map(|(k, n)| (k.clone(), n.as_u64().expect("count")))
        .collect()
}

fn expect(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
    pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect()
}

/// The changes of one kind.
fn of_kind<'a>(v: &'a Value, kind: &str) -> Vec<&'a Value> {
    v["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .filter(|c| c["kind"] == kind)
        .collect()
}

/// One change of a kind, insisting there is exactly one.
fn one<'a>(v: &'a Value, kind: &str) -> &'a Value {
    let all = of_kind(v, kind);
    assert_eq!(all.len(), 1, "expected one {kind}, got {all:#?}");
    all[0]
}

/// Compiles a rule file with the repository lexicon (the library, not the binary).
fn graph(path: &str) -> tiaoli_compiler::Graph {
    compile_text(&read(&root().join(path)))
}

fn compile_text(text: &str) -> tiaoli_compiler::Graph {
    let c = compile(text);
    assert!(
        !c.has_errors(),
        "does not compile:\n{}\n{text}",
        tiaoli_syntax::render::render_human(&c.diagnostics, &c.sources, false)
    );
    c.graph
}

fn sorted(mut v: Vec<Change>) -> Vec<Change> {
    v.sort();
    v
}

/// diff(b, a) is diff(a, b) with every change mirrored.
fn assert_mirror(a: &tiaoli_compiler::Graph, b: &tiaoli_compiler::Graph) {
    let ab = tiaoli_diff::diff(a, b);
    let ba = tiaoli_diff::diff(b, a);
    let mirrored = sorted(ab.changes.iter().map(Change::mirror).collect());
    assert_eq!(
        mirrored,
        sorted(ba.changes.clone()),
        "diff(b, a) is not the mirror of diff(a, b)"
    );
}

/// Each fixture against the base: exactly these kinds, and the mirror the other way.
fn check_pair(name: &str, expected: &[(&str, u64)]) -> Value {
    check_files("base", name, expected)
}

/// As [`check_pair`], between any two fixtures. A text and an encoding that
/// did not move together (encoding-stale) fail the run without --fail-on.
fn check_files(old: &str, name: &str, expected: &[(&str, u64)]) -> Value {
    let (code, v) = diff_json(&fixture(old), &fixture(name), &[]);
    let stale = expected.iter().any(|(k, _)| *k == "encoding-stale");
    assert_eq!(code, i32::from(stale), "{name}");
    assert_eq!(summary(&v), expect(expected), "{name}: {v:#}");
    let mirrored: BTreeMap<String, u64> = expected
        .iter()
        .map(|(k, n)| {
            let m = Kind::from_code(k).expect("a kind").mirror();
            (m.code().to_string(), *n)
        })
        .collect();
    let (_, back) = diff_json(&fixture(name), &fixture(old), &[]);
    assert_eq!(summary(&back), mirrored, "{name} → {old}");
    assert_mirror(&graph(&fixture(old)), &graph(&fixture(name)));
    v
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tiaoli-diff-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// Every kind is asserted by some test of this binary (its modules, and this
/// file above), itself or through its mirror (check_pair asserts the mirror of
/// every expected kind on the way back).
#[test]
fn every_kind_is_exercised_by_a_test() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/diff"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    assert!(files.iter().any(|p| p.ends_with("kinds.rs")), "{files:?}");
    let body: String = files
        .iter()
        .map(|p| {
            let src = read(p);
            match src.split_once("fn every_kind_is_exercised_by_a_test") {
                Some((above, _)) => above.to_string(),
                None => src,
            }
        })
        .collect();
    let missing: Vec<&str> = Kind::ALL
        .iter()
        .filter(|k| {
            !body.contains(&format!("\"{}\"", k.code()))
                && !body.contains(&format!("\"{}\"", k.mirror().code()))
        })
        .map(|k| k.code())
        .collect();
    assert!(missing.is_empty(), "no test produces: {missing:?}");
}
