//! Facts text (YAML, JSON or JSON Lines, chosen by the first byte) → load →
//! evaluate every unit against the shipped 海东 ordinance; or (a fourth choice)
//! each line through the stream of `eval --format jsonl`, whose reader borrows
//! from the line, asserting a bad line writes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tiaoli_engine::facts::Format;
use tiaoli_fuzz::*;

fuzz_target!(|data: &[u8]| {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let engine = engine();
    let format = match first % 4 {
        0 => Format::Yaml,
        1 => Format::Json,
        2 => Format::JsonLines,
        _ => return stream(engine, text),
    };
    match engine.parse_facts(text, format) {
        Ok(f) => {
            let opts = match f.as_of {
                Some(as_of) => tiaoli_engine::Options { as_of, ..options() },
                None => options(),
            };
            let report = engine.report(&f.units, opts);
            let _ = tiaoli_engine::report::render_human(&report);
            let _ = serde_json::to_string(&report);
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "an error without a message");
            for e in &errors {
                let _ = e.to_string();
            }
        }
    }
});

fn stream(engine: &tiaoli_engine::Engine, text: &str) {
    use tiaoli_engine::stream::{Line, Stream};
    let stream = Stream::new(engine, tiaoli_engine::report::Texts::ByReference);
    let mut out = Vec::new();
    for (k, line) in text.lines().enumerate() {
        let before = out.len();
        match stream.line(line, k + 1, Some(options()), &mut out) {
            Line::Unit(_) => {
                assert!(out.ends_with(b"\n"), "a record without its newline");
                let record = out.get(before..out.len() - 1).unwrap_or(&[]);
                assert!(serde_json::from_slice::<serde_json::Value>(record).is_ok());
            }
            Line::Bad(errors) => {
                assert!(!errors.is_empty(), "a bad line without a message");
                assert_eq!(out.len(), before, "a bad line wrote something");
            }
            _ => assert_eq!(out.len(), before),
        }
    }
}
