//! The engine against the reference evaluator (crates/reference), on generated
//! units for every shipped ordinance and a fixture using every construct of the
//! time model: any difference in status, dates or measures fails, with the unit
//! that shows it.
//!
//! `TIAOLI_DIFF_UNITS` sets how many units (default 4000; the count run before a
//! release is in docs/testing.md), `TIAOLI_DIFF_SEED` the seed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use tiaoli_engine::{Calendar, Engine};
use tiaoli_reference::generate::UnitGenerator;

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn the_engine_agrees_with_the_reference_on_generated_units() {
    let fixture = read(&root().join("tests/fixtures/differential/constructs.tiaoli"));
    let c = shipped_rules_with(&[("tests/fixtures/differential/constructs.tiaoli", &fixture)]);
    let graph = c.graph.clone();
    let cal = Calendar::default_schedule().unwrap();
    let engine = Engine::new(c.graph, cal.clone());
    let units = env_or("TIAOLI_DIFF_UNITS", 4000);
    let seed = env_or("TIAOLI_DIFF_SEED", 20261201);
    let mut gen = UnitGenerator::new(&graph, &cal, seed);
    let mut compared = 0usize;
    let mut instances = 0usize;
    let mut by_status: std::collections::BTreeMap<String, usize> = Default::default();
    for n in 0..units {
        let unit = gen.unit(n as usize);
        let opts = gen.options_for(&unit);
        let ev = engine.evaluate(&unit, opts);
        let fast = tiaoli_reference::from_engine(&engine, &ev);
        let slow = tiaoli_reference::evaluate(&graph, &cal, &unit, opts);
        if fast != slow {
            let only_fast: Vec<_> = fast
                .results
                .iter()
                .filter(|r| !slow.results.contains(r))
                .collect();
            let only_slow: Vec<_> = slow
                .results
                .iter()
                .filter(|r| !fast.results.contains(r))
                .collect();
            panic!(
                "unit {n} (seed {seed}), as of {} drafts {}:\n{}\nengine only: {only_fast:#?}\nreference only: {only_slow:#?}\nskipped: {:?} vs {:?}",
                opts.as_of,
                opts.drafts,
                serde_json::to_string_pretty(&unit).unwrap(),
                fast.skipped,
                slow.skipped
            );
        }
        compared += 1;
        instances += fast.results.len();
        for r in &fast.results {
            if r.done_on.is_some() && r.done_on == r.due {
                *by_status.entry("done on the due date".into()).or_default() += 1;
            }
            if r.due.is_some() && r.key != tiaoli_reference::InstanceKey::Whole {
                *by_status
                    .entry("instance with a due date".into())
                    .or_default() += 1;
            }
            *by_status
                .entry(format!(
                    "{:?}/{}",
                    r.status,
                    matches!(r.key, tiaoli_reference::InstanceKey::Whole)
                ))
                .or_default() += 1;
        }
    }
    eprintln!("{compared} units, {instances} results: {by_status:?}");
    assert_eq!(compared as u64, units);
    assert!(
        instances > units as usize,
        "the generated units bind something"
    );
}

/// The fields a record may leave out: the generated units must show each
/// (`region_readings`, which they never have, is in crates/engine/tests/record.rs).
const OPTIONAL_FIELDS: &[&str] = &[
    "\"deemed\"",
    "\"before_in_force\"",
    "\"calendar_gaps\"",
    "\"instance\"",
    "\"recipients\"",
    "\"overridden_by\"",
    "\"triggered_on\"",
    "\"due_extended_from\"",
    "\"overdue_since\"",
    "\"fulfilled_on\"",
    "\"since\"",
    "\"vague\"",
    "\"authority_open\"",
    "\"choice\"",
    "\"lasting\"",
    "\"follow_up\"",
    "\"grounds\"",
    "\"text\"",
    "\"draft\":true",
    "\"authority\":null",
];

#[test]
fn stream_records_are_the_bytes_of_the_report_on_generated_units() {
    use tiaoli_engine::record::Records;
    use tiaoli_engine::report::Texts;
    let fixture = read(&root().join("tests/fixtures/differential/constructs.tiaoli"));
    let c = shipped_rules_with(&[("tests/fixtures/differential/constructs.tiaoli", &fixture)]);
    let graph = c.graph.clone();
    let cal = Calendar::default_schedule().unwrap();
    let engine = Engine::new(c.graph, cal.clone());
    let units = env_or("TIAOLI_DIFF_UNITS", 4000);
    let seed = env_or("TIAOLI_DIFF_SEED", 20261201);
    let mut gen = UnitGenerator::new(&graph, &cal, seed);
    let by_reference = Records::new(&engine, Texts::ByReference);
    let verbatim = Records::new(&engine, Texts::Verbatim);
    let mut unseen = OPTIONAL_FIELDS.to_vec();
    let mut out = Vec::new();
    for n in 0..units {
        let unit = gen.unit(n as usize);
        let opts = gen.options_for(&unit);
        let ev = engine.evaluate(&unit, opts);
        for (texts, records) in [
            (Texts::ByReference, &by_reference),
            (Texts::Verbatim, &verbatim),
        ] {
            let report = engine.unit_report_with(&ev, opts, texts);
            let expected = serde_json::to_string(&report).unwrap();
            out.clear();
            let counts = records.write(&engine, &ev, &mut out);
            let got = String::from_utf8_lossy(&out);
            assert!(
                got == expected,
                "unit {n} (seed {seed}), as of {} ({texts:?}):\nrecord: {got}\nreport: {expected}",
                opts.as_of
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
            unseen.retain(|f| !expected.contains(f));
        }
    }
    assert!(unseen.is_empty(), "no generated unit had {unseen:?}");
}
