//! Facts text (YAML, JSON or JSON Lines, chosen by the first byte) → load →
//! evaluate every unit against the shipped 海东 ordinance.
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
    let format = match first % 3 {
        0 => Format::Yaml,
        1 => Format::Json,
        _ => Format::JsonLines,
    };
    let engine = engine();
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
