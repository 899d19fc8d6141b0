//! diff of a real ordinance (海东) against a mutated copy: the fuzzer's
//! mutations of the seed corpus (the shipped rule files) are the new version.
//! The diff must not panic, must render, and a version compared with itself
//! must be empty.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tiaoli_fuzz::*;

/// The old version, compiled once: it is the harness's fixed side, not the input.
static OLD: OnceLock<tiaoli_compiler::Compilation> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let new = compile(text);
    if new.has_errors() {
        return;
    }
    let old = OLD.get_or_init(|| compile(HAIDONG));
    let d = tiaoli_diff::diff(&old.graph, &new.graph).with_versions("old", "new");
    let _ = tiaoli_diff::render::render_human(&d);
    let _ = tiaoli_diff::render::render_markdown(&d);
    let _ = serde_json::to_string(&d);
    assert!(
        tiaoli_diff::diff(&new.graph, &new.graph).is_empty(),
        "a version differs from itself"
    );
    let lint = tiaoli_lint::lint(
        &new.graph,
        Some(&old.graph),
        &tiaoli_lint::Options::default(),
    );
    let _ = tiaoli_lint::output::human(&lint, false);
    let _ = tiaoli_lint::output::sarif(&lint, tiaoli_lint::output::DOCS_URL);
});
