//! Evaluates the engine bench's generated units, as the facts loader gives them
//! (names resolved to ids), against all shipped ordinances: the program the
//! instruction counts of docs/performance.md are taken on.
//!
//! ```sh
//! cargo build --release -p tiaoli-engine --example eval_units
//! valgrind --tool=callgrind --toggle-collect=eval_units::run target/release/examples/eval_units 20000
//! ```
//!
//! Only `run` is counted: building the engine and the units is not.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use tiaoli_engine::facts::Unit;
use tiaoli_engine::{Engine, Options};

#[path = "../benches/units/mod.rs"]
mod units;

/// Evaluates every unit once; returns the number of ordinances evaluated (so
/// that nothing is optimised away), as `tiaoli_1m_evaluations_on_threads` does.
#[inline(never)]
fn run(engine: &Engine, units: &[Unit], opts: Options) -> usize {
    let mut held = 0;
    for u in units {
        let ev = engine.evaluate(u, opts);
        held += ev.ords.len();
    }
    held
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let all = units::engine(&[units::rules_dir()]);
    let facts = units::lexicon_facts(&all);
    let loaded: Vec<Unit> = units::generate(n, &facts)
        .into_iter()
        .map(|mut u| {
            u.resolved = all.resolve(&u);
            u
        })
        .collect();
    let opts = Options {
        as_of: units::date("2025-03-01"),
        drafts: true,
    };
    let held = run(&all, &loaded, opts);
    println!("{n} units, {held} ordinances evaluated");
}
