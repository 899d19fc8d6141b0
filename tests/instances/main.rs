//! Cases over time: every occurrence its own instance, windows and durations from
//! any dated ground, no retroactivity. Each case asserts dates, not only statuses.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../common/mod.rs"]
mod common;

mod attributes;
mod durations;
mod handled_case;
mod occurrences;
mod windows;

use common::*;
use tiaoli_engine::facts::{self, Format};
use tiaoli_engine::report::{Finding, LastingState, Report};
use tiaoli_engine::{Calendar, Date, Engine, Options, Status};

fn run(src: &str, facts_yaml: &str) -> Report {
    let c = compile(src);
    assert!(
        !c.has_errors(),
        "{}",
        tiaoli_syntax::render::render_human(&c.diagnostics, &c.sources, false)
    );
    let f = facts::parse(facts_yaml, Format::Yaml, &c.graph.lexicon)
        .unwrap_or_else(|e| panic!("{e:?}"));
    let engine = Engine::new(c.graph, Calendar::default_schedule().unwrap());
    engine.report(
        &f.units,
        Options {
            as_of: f.as_of.unwrap(),
            drafts: false,
        },
    )
}

/// The results of one norm or consequence, in the order its instances opened.
fn of<'a>(r: &'a Report, name: &str) -> Vec<&'a Finding> {
    let mut v: Vec<&Finding> = r.units[0]
        .results
        .iter()
        .filter(|f| f.norm == name)
        .collect();
    v.sort_by_key(|f| (f.triggered_on, f.due));
    v
}

fn d(s: &str) -> Option<Date> {
    Date::parse(s)
}

fn unit(as_of: &str, kind: &str, body: &str) -> String {
    // A township government exists at the 乡 level only (the lexicon's 级别).
    let level = if kind == "乡镇人民政府" {
        "乡"
    } else {
        "县"
    };
    format!(
        "as_of: {as_of}\nunits:\n  - id: 甲\n    kind: {kind}\n    level: {level}\n    region: 海东市/乐都区\n{body}"
    )
}
