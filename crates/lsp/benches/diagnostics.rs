//! What an encoder waits for after a keystroke (`cargo bench -p tiaoli-lsp`):
//! the diagnostics of the largest shipped file, 绵阳 (78 KB), after a change,
//! in a workspace of all of `rules/` (six ordinances and the lexicon) — the
//! workspace recompiled, only the changed file parsed again, diagnostics
//! converted to the protocol's UTF-16 ranges; with and without the lint
//! findings. Beside it, the same rules compiled from scratch (`tiaoli check`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use ls_types::Uri;
use tiaoli_lsp::{diagnostics, Config, LintLevel, Workspace};

fn main() {
    divan::main();
}

fn rules() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../rules")
        .canonicalize()
        .unwrap()
}

/// The workspace with 绵阳 open, and the two texts a keystroke alternates
/// between (one character of an article's text changed).
fn workspace() -> (Workspace, Uri, [String; 2]) {
    let mut ws = Workspace::new(&[]);
    ws.set_roots(vec![rules()]);
    let path = rules().join("mianyang.tiaoli");
    let text = std::fs::read_to_string(&path).unwrap();
    let at = text.find("款 \"").unwrap() + "款 \"".len();
    let mut edited = text.clone();
    edited.insert(at, '新');
    let uri = Uri::from_file_path(&path).unwrap();
    ws.open(uri.clone(), text.clone(), 1);
    ws.analysis();
    (ws, uri, [text, edited])
}

fn after_a_change(bencher: divan::Bencher, lint: LintLevel) {
    let (mut ws, uri, texts) = workspace();
    let config = Config {
        lint,
        ..Config::default()
    };
    let mut n = 0usize;
    bencher.bench_local(|| {
        n += 1;
        ws.set_text(&uri, texts[n % 2].clone(), 1);
        let a = ws.analysis();
        let (lists, _) = diagnostics::collect(a, &config);
        assert!(lists.iter().all(|(_, l)| l
            .iter()
            .all(|d| d.severity != Some(ls_types::DiagnosticSeverity::ERROR))));
        lists.len()
    });
}

#[divan::bench]
fn diagnostics_after_a_change_with_lint(bencher: divan::Bencher) {
    after_a_change(bencher, LintLevel::Hint);
}

#[divan::bench]
fn diagnostics_after_a_change_without_lint(bencher: divan::Bencher) {
    after_a_change(bencher, LintLevel::Off);
}

#[divan::bench]
fn baseline_compile_from_scratch(bencher: divan::Bencher) {
    bencher.bench_local(|| {
        let s = tiaoli_compiler::load::load_sources(&[rules()], &[]).unwrap();
        tiaoli_compiler::compile(s).diagnostics.len()
    });
}
