//! fmt round trip: whatever parses formats to text that parses again, formats
//! to itself, and compiles to the same graph (locations aside).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tiaoli_fuzz::*;
use tiaoli_syntax::format::format_file;
use tiaoli_syntax::SourceId;

/// The graph and the error messages, without source positions.
fn meaning(text: &str) -> serde_json::Value {
    let c = compile(text);
    let mut errors: Vec<String> = c
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    errors.sort();
    let mut v = serde_json::to_value(&c.graph).unwrap_or_default();
    strip(&mut v);
    serde_json::json!({ "graph": v, "errors": errors })
}

fn strip(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.remove("loc");
            m.remove("source");
            m.values_mut().for_each(strip);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(file) = tiaoli_syntax::parse(SourceId(0), text) else {
        return;
    };
    let once = format_file(&file, text);
    let again = match tiaoli_syntax::parse(SourceId(0), &once) {
        Ok(f) => f,
        Err(d) => panic!("the formatted text does not parse: {}\n{once}", d.message),
    };
    let twice = format_file(&again, &once);
    assert_eq!(once, twice, "formatting is not idempotent");
    assert_eq!(
        meaning(text),
        meaning(&once),
        "formatting changed the meaning"
    );
});
