//! Rule text → parse → compile → evaluate a fixed unit; every diagnostic rendered.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tiaoli_fuzz::*;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let c = compile(text);
    render_all(&c);
    if c.has_errors() || c.graph.ordinances.is_empty() {
        return;
    }
    let engine = tiaoli_engine::Engine::new(c.graph, calendar());
    let Ok(facts) = tiaoli_engine::facts::parse(
        UNIT,
        tiaoli_engine::facts::Format::Yaml,
        &engine.graph.lexicon,
    ) else {
        return;
    };
    let report = engine.report(&facts.units, options());
    let _ = tiaoli_engine::report::render_human(&report);
    let _ = serde_json::to_string(&report);
});
