//! The baseline (`cargo bench --manifest-path crates/bench-rego/Cargo.toml`):
//! the consequence articles of 海东 and 广东 written in Rego (`rego/`) and run by
//! regorus, against tiaoli evaluating the whole of both ordinances for the same
//! units, in the same run. The units are those of the engine's benchmarks
//! (`crates/engine/benches/units/`). Parsing facts (JSON for regorus) is
//! excluded on both sides: each engine gets its input ready-made.
//!
//! Its own workspace (like `crates/fuzz`): `cargo test --workspace` does not
//! build regorus; `.ci/run` builds this bench.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;
use std::sync::OnceLock;

use indexmap::IndexMap;
use tiaoli_engine::facts::Unit;
use tiaoli_engine::{Engine, Options};

#[path = "../../engine/benches/units/mod.rs"]
mod units;
use units::{date, engine, generate, rules_dir};

fn main() {
    divan::main();
}

struct Fixture {
    /// 海东 and 广东 with the lexicon.
    haidong: Engine,
    units: Vec<Unit>,
    rego_inputs: Vec<regorus::Value>,
    rego: regorus::Engine,
    opts: Options,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = rules_dir();
        let all = engine(std::slice::from_ref(&dir));
        let haidong = engine(&[
            dir.join("lexicon"),
            dir.join("haidong.tiaoli"),
            dir.join("guangdong.tiaoli"),
        ]);
        let facts: IndexMap<String, ()> = all
            .graph
            .lexicon
            .facts
            .iter()
            .map(|f| (f.name.clone(), ()))
            .collect();
        let units = generate(10_000, &facts);
        let isa: serde_json::Map<String, serde_json::Value> = all
            .graph
            .lexicon
            .actors
            .iter()
            .map(|a| {
                let mut v = vec![serde_json::Value::String(a.name.clone())];
                v.extend(a.ancestors.iter().cloned().map(serde_json::Value::String));
                (a.name.clone(), serde_json::Value::Array(v))
            })
            .collect();
        let mut rego = regorus::Engine::new();
        for name in ["haidong.rego", "guangdong.rego"] {
            let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("rego")
                .join(name);
            rego.add_policy(name.into(), std::fs::read_to_string(path).unwrap())
                .unwrap();
        }
        rego.add_data(
            regorus::Value::from_json_str(&serde_json::json!({ "isa": isa }).to_string()).unwrap(),
        )
        .unwrap();
        let opts = Options {
            as_of: date("2025-03-01"),
            drafts: true,
        };
        let rego_inputs = units
            .iter()
            .take(10_000)
            .map(|u| {
                let mut v = serde_json::to_value(u).unwrap();
                v["as_of"] = serde_json::Value::String("2025-03-01".into());
                regorus::Value::from_json_str(&v.to_string()).unwrap()
            })
            .collect();
        let f = Fixture {
            haidong,
            units,
            rego_inputs,
            rego,
            opts,
        };
        agree(&f);
        f
    })
}

/// Both sides must compute the same thing: the triggered consequences of 海东 and
/// 广东 agree on 2,000 units — except those grounded on 违反本条例 (any norm of the
/// ordinance violated), which the Rego policies leave out.
fn agree(f: &Fixture) {
    let mut rego = f.rego.clone();
    let mut checked = 0;
    let mut triggered = 0;
    for (u, input) in f.units.iter().zip(&f.rego_inputs).take(2_000) {
        rego.set_input(input.clone());
        let mut from_rego: Vec<String> = Vec::new();
        for rule in [
            "data.tiaoli.haidong.triggered",
            "data.tiaoli.guangdong.triggered",
        ] {
            let out = rego.eval_rule(rule.into()).unwrap();
            let json: serde_json::Value =
                serde_json::from_str(&out.to_json_str().unwrap()).unwrap();
            from_rego.extend(
                json.as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|x| x["norm"].as_str().map(str::to_string)),
            );
        }
        let ev = f.haidong.evaluate(u, f.opts);
        let mut from_tiaoli: Vec<String> = Vec::new();
        let mut any_violation: Vec<String> = Vec::new();
        for o in &ev.ords {
            let g = &f.haidong.graph.ordinances[o.ordinance];
            for (i, n) in g.nodes.iter().enumerate() {
                if let tiaoli_compiler::graph::Node::Consequence(c) = n {
                    if uses_any_violation(g, c.condition) {
                        any_violation.push(c.name.clone());
                    } else if o.vals[i] == tiaoli_engine::Tri::True {
                        from_tiaoli.push(c.name.clone());
                    }
                }
            }
        }
        from_rego.retain(|n| !any_violation.contains(n));
        from_rego.sort();
        from_tiaoli.sort();
        assert_eq!(
            from_tiaoli, from_rego,
            "tiaoli and the Rego policies disagree on {}",
            u.id
        );
        triggered += from_tiaoli.len();
        checked += 1;
    }
    eprintln!("tiaoli and Rego agree on the triggered consequences of {checked} units ({triggered} triggered)");
}

fn uses_any_violation(g: &tiaoli_compiler::graph::OrdinanceGraph, id: usize) -> bool {
    use tiaoli_compiler::graph::{Cond, Node};
    match &g.nodes[id] {
        Node::Cond {
            op: Cond::ViolatedAny { within: None },
        } => true,
        n @ Node::Cond { .. } => tiaoli_compiler::view::deps(n)
            .into_iter()
            .any(|d| uses_any_violation(g, d)),
        _ => false,
    }
}

/// Baseline, tiaoli side: one unit against the whole of 海东 and 广东 (352 norms
/// and 16 consequences), for comparison with the Rego policies below.
#[divan::bench]
fn tiaoli_one_unit_haidong_guangdong(b: divan::Bencher) {
    let f = fixture();
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % f.rego_inputs.len();
        f.haidong.evaluate(divan::black_box(&f.units[i]), f.opts)
    });
}

/// Baseline, Rego side: one unit against the consequence articles of 海东 and 广东
/// in Rego, run by regorus (input already parsed).
#[divan::bench]
fn regorus_one_unit_haidong_guangdong_consequences(b: divan::Bencher) {
    let f = fixture();
    let mut rego = f.rego.clone();
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % f.rego_inputs.len();
        rego.set_input(f.rego_inputs[i].clone());
        let a = rego
            .eval_rule("data.tiaoli.haidong.triggered".into())
            .unwrap();
        let b = rego
            .eval_rule("data.tiaoli.guangdong.triggered".into())
            .unwrap();
        (a, b)
    });
}
