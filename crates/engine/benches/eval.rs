//! Evaluation benchmarks (`cargo bench -p tiaoli-engine`).
//!
//! - latency of one unit against all compiled ordinances (statuses only, and
//!   with the full report of findings); a start (the engine built, one unit);
//! - throughput over 100,000 generated units, built by hand and as the facts
//!   loader gives them (names resolved to ids);
//! - the cost of cases over time (1, 10, 100 occurrences of each event).
//!
//! The baseline against regorus lives in `crates/bench-rego` (its own
//! workspace, so that `cargo test --workspace` does not build regorus).
//! Units come from `units/` (shared with that crate). Parsing facts is excluded.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::sync::OnceLock;

use tiaoli_engine::facts::Unit;
use tiaoli_engine::{Date, Engine, Options};

mod units;
use units::{date, engine, generate, rules_dir};

fn main() {
    divan::main();
}

struct Fixture {
    all: Engine,
    /// Built by hand: the engine resolves their names on every evaluation.
    units: Vec<Unit>,
    /// The same units with the ids the facts loader gives them (`Unit::resolved`).
    loaded: Vec<Unit>,
    opts: Options,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let all = engine(&[rules_dir()]);
        let facts = units::lexicon_facts(&all);
        let units = generate(100_000, &facts);
        let loaded = units
            .iter()
            .map(|u| {
                let mut u = u.clone();
                u.resolved = all.resolve(&u);
                u
            })
            .collect();
        Fixture {
            all,
            units,
            loaded,
            opts: Options {
                as_of: date("2025-03-01"),
                drafts: true,
            },
        }
    })
}

/// One unit against all six compiled ordinances: statuses and consequences.
#[divan::bench]
fn tiaoli_one_unit_all_ordinances(b: divan::Bencher) {
    let f = fixture();
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % f.units.len();
        f.all.evaluate(divan::black_box(&f.units[i]), f.opts)
    });
}

/// A start: the engine built from the compiled graph (its plans; the gazetteer
/// is read once per process) and one unit evaluated — what a cold `tiaoli eval`
/// does once the embedded graph is loaded. Work done at start for every actor
/// kind or every node shows here (docs/performance.md, the cold start).
#[divan::bench(sample_count = 30, sample_size = 1)]
fn tiaoli_engine_start_and_one_unit(b: divan::Bencher) {
    let f = fixture();
    let unit = &f.loaded[0];
    b.with_inputs(|| (f.all.graph.clone(), f.all.calendar.clone()))
        .bench_local_values(|(graph, calendar)| {
            let engine = Engine::new(graph, calendar);
            let ev = engine.evaluate(divan::black_box(unit), f.opts);
            drop(ev);
            engine
        });
}

/// The same unit as the facts loader gives it, names resolved to ids.
#[divan::bench]
fn tiaoli_one_unit_all_ordinances_as_loaded(b: divan::Bencher) {
    let f = fixture();
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % f.loaded.len();
        f.all.evaluate(divan::black_box(&f.loaded[i]), f.opts)
    });
}

/// The same, with the full report (findings, citations, quotes, missing facts).
#[divan::bench]
fn tiaoli_one_unit_all_ordinances_with_report(b: divan::Bencher) {
    let f = fixture();
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % f.units.len();
        let ev = f.all.evaluate(divan::black_box(&f.units[i]), f.opts);
        f.all.unit_report(&ev, f.opts)
    });
}

/// Throughput: 100,000 generated units against all ordinances.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn tiaoli_100k_units(b: divan::Bencher) {
    hundred_k(b, &fixture().units);
}

/// The same units as the facts loader gives them, names resolved to ids.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn tiaoli_100k_units_as_loaded(b: divan::Bencher) {
    hundred_k(b, &fixture().loaded);
}

fn hundred_k(b: divan::Bencher, units: &[Unit]) {
    let f = fixture();
    b.counter(divan::counter::ItemsCount::new(units.len()))
        .bench_local(|| {
            let mut violated = 0usize;
            for u in units {
                let ev = f.all.evaluate(u, f.opts);
                violated += ev
                    .ords
                    .iter()
                    .map(|o| {
                        o.vals
                            .iter()
                            .filter(|v| **v == tiaoli_engine::Tri::True)
                            .count()
                    })
                    .sum::<usize>();
            }
            violated
        });
}

/// Units with `k` occurrences of each of their events (and `k` of each action),
/// spaced three days apart: how the cost of a unit grows with its cases.
fn with_occurrences(units: &[Unit], k: usize) -> Vec<Unit> {
    units
        .iter()
        .take(1000)
        .map(|u| {
            let mut u = u.clone();
            let spread = |d: Date, j: usize| d.add_days(3 * j as i64 - 3 * k as i64).unwrap_or(d);
            u.events = u
                .events
                .iter()
                .flat_map(|e| {
                    (0..k).map(move |j| {
                        let mut e = e.clone();
                        e.date = spread(e.date, j);
                        e.deadline = e.deadline.map(|d| spread(d, j));
                        e
                    })
                })
                .collect();
            u.events
                .sort_by(|a, b| (a.date, &a.ty).cmp(&(b.date, &b.ty)));
            u.actions = u
                .actions
                .iter()
                .flat_map(|a| {
                    (0..k).map(move |j| {
                        let mut a = a.clone();
                        a.date = spread(a.date, j);
                        a
                    })
                })
                .collect();
            u.actions
                .sort_by(|a, b| (a.date, &a.ty).cmp(&(b.date, &b.ty)));
            u
        })
        .collect()
}

/// One unit against all shipped ordinances, with 1, 10 or 100 occurrences of each
/// of its events: the cost of cases over time.
#[divan::bench(args = [1, 10, 100])]
fn tiaoli_one_unit_occurrences_per_trigger(b: divan::Bencher, k: usize) {
    let f = fixture();
    let units = with_occurrences(&f.units, k);
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % units.len();
        f.all.evaluate(divan::black_box(&units[i]), f.opts)
    });
}

/// A batch of 1,000,000 evaluations (the 100,000 loaded units ten times over) on
/// 1 or 2 threads, each thread a contiguous share of the batch (`Engine` is
/// shared, every thread recycles its own buffers): how evaluation scales with cores.
#[divan::bench(args = [1, 2], sample_count = 3, sample_size = 1)]
fn tiaoli_1m_evaluations_on_threads(b: divan::Bencher, threads: usize) {
    let f = fixture();
    let units = &f.loaded;
    let total = 10 * units.len();
    b.counter(divan::counter::ItemsCount::new(total))
        .bench_local(|| {
            let share = total.div_ceil(threads);
            std::thread::scope(|s| {
                let handles: Vec<_> = (0..threads)
                    .map(|t| {
                        s.spawn(move || {
                            let mut held = 0usize;
                            for k in (t * share)..((t + 1) * share).min(total) {
                                let ev = f.all.evaluate(&units[k % units.len()], f.opts);
                                held += ev.ords.len();
                            }
                            held
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or(0))
                    .sum::<usize>()
            })
        });
}
