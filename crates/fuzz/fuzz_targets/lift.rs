//! lift on arbitrary text: a skeleton and a report, never a panic; the
//! skeleton is parsed and compiled as `check` would.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tiaoli_fuzz::*;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lex = &engine().graph.lexicon;
    let lifted = tiaoli_lift::lift("fuzz.txt", text, lex);
    let _ = serde_json::to_string(&lifted.report);
    let c = compile(&lifted.text);
    render_all(&c);
});
