//! The records of `--format jsonl`, written straight from the evaluation
//! (`tiaoli_engine::record`), are the bytes serde_json gives for the report's
//! unit: on every generated unit, on the example units, with texts and without,
//! at dates before, within and after the ordinances' force and the holiday
//! schedule.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../benches/units/mod.rs"]
mod units;

use tiaoli_engine::facts::Unit;
use tiaoli_engine::record::Records;
use tiaoli_engine::report::Texts;
use tiaoli_engine::{Engine, Options};

/// What the records compared had, of the fields a record may leave out.
const FIELDS: &[&str] = &[
    "\"region_readings\"",
    "\"deemed\"",
    "\"before_in_force\"",
    "\"calendar_gaps\"",
    "\"instance\"",
    "\"recipients\"",
    "\"recipients_any\"",
    "\"overridden_by\"",
    "\"triggered_on\"",
    "\"due_extended_from\"",
    "\"overdue_since\"",
    "\"fulfilled_on\"",
    "\"since\"",
    "\"vague\"",
    "\"authority_open\"",
    "\"choice\"",
    "\"discretionary\"",
    "\"lasting\"",
    "\"follow_up\"",
    "\"grounds\"",
    "\"text\"",
    "\"draft\":true",
    "\"not_yet_in_force\"",
    "\"authority\":null",
];

fn seen(out: &[u8], fields: &mut Vec<&'static str>) {
    let s = String::from_utf8_lossy(out);
    fields.retain(|f| !s.contains(f));
}

fn compare(
    engine: &Engine,
    units: &[Unit],
    as_of: &str,
    drafts: bool,
    unseen: &mut Vec<&'static str>,
) -> usize {
    let opts = Options {
        as_of: units::date(as_of),
        drafts,
    };
    let mut checked = 0;
    for texts in [Texts::ByReference, Texts::Verbatim] {
        let records = Records::new(engine, texts);
        let mut out = Vec::new();
        for u in units {
            let ev = engine.evaluate(u, opts);
            let report = engine.unit_report_with(&ev, opts, texts);
            let expected = serde_json::to_vec(&report).unwrap();
            out.clear();
            let counts = records.write(engine, &ev, &mut out);
            assert_eq!(
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&expected),
                "unit {} on {as_of} ({texts:?})",
                u.id
            );
            let count =
                |s: tiaoli_engine::Status| report.results.iter().filter(|f| f.status == s).count();
            assert_eq!(
                counts,
                [
                    count(tiaoli_engine::Status::Violated),
                    count(tiaoli_engine::Status::Triggered),
                    count(tiaoli_engine::Status::Unknown)
                ]
            );
            seen(&out, unseen);
            checked += 1;
        }
    }
    checked
}

#[test]
fn records_are_the_bytes_of_the_report_on_generated_units() {
    let engine = units::engine(&[units::rules_dir()]);
    let facts = units::lexicon_facts(&engine);
    let all = units::generate(3000, &facts);
    let mut checked = 0;
    let mut unseen = FIELDS.to_vec();
    for (as_of, drafts) in [
        ("2025-03-01", true),
        ("2025-03-01", false),
        ("2019-06-30", true),
        ("2040-01-15", true),
    ] {
        checked += compare(&engine, &all, as_of, drafts, &mut unseen);
    }
    eprintln!("generated units never had: {unseen:?}");
    assert_eq!(checked, 3000 * 2 * 4);
}

#[test]
fn records_are_the_bytes_of_the_report_on_the_example_units() {
    let engine = units::engine(&[units::rules_dir()]);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/units.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    let file = tiaoli_engine::facts::parse_with(
        &text,
        tiaoli_engine::facts::Format::Yaml,
        &engine.graph.lexicon,
        &engine.regions,
    )
    .unwrap();
    assert!(file.units.len() >= 10);
    let mut unseen = FIELDS.to_vec();
    for as_of in ["2025-03-01", "2024-12-31", "2031-06-01"] {
        compare(&engine, &file.units, as_of, true, &mut unseen);
    }
    eprintln!("example units never had: {unseen:?}");
}

#[test]
fn a_region_of_several_places_is_written_with_each_reading() {
    let engine = units::engine(&[units::rules_dir()]);
    let text = "units:\n  - id: \"鼓楼\\\"区\"\n    kind: 公安部门\n    level: 县\n    region: 鼓楼区\n    roles: [平安建设成员单位]\n";
    let file = tiaoli_engine::facts::parse_with(
        text,
        tiaoli_engine::facts::Format::Yaml,
        &engine.graph.lexicon,
        &engine.regions,
    )
    .unwrap();
    assert!(file.units[0].region_readings.len() > 1);
    let mut unseen = vec!["\"region_readings\"", "\\\""];
    compare(&engine, &file.units, "2025-03-01", true, &mut unseen);
    assert!(unseen.is_empty(), "{unseen:?}");
}
