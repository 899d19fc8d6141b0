//! lift on arbitrary text: a skeleton and a report or an error, never a panic;
//! a skeleton always parses (lift's own promise) and is compiled as `check` would.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tiaoli_fuzz::*;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lex = &engine().graph.lexicon;
    // A text lift cannot read (empty, not text, no articles) is an error, not a skeleton.
    let Ok(lifted) = tiaoli_lift::lift("fuzz.txt", text, lex) else {
        return;
    };
    let _ = serde_json::to_string(&lifted.report);
    if let Err(d) = tiaoli_syntax::parse(tiaoli_syntax::SourceId(0), &lifted.text) {
        panic!("lift wrote a skeleton that does not parse: {}", d.message);
    }
    let c = compile(&lifted.text);
    render_all(&c);
});
