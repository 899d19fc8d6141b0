//! The baseline (`cargo bench --manifest-path crates/bench-rego/Cargo.toml`):
//! the consequence articles of 海东, 广东 and 河南 written in Rego (`rego/`) and run
//! by regorus, against tiaoli evaluating the whole of the three ordinances for
//! the same units, in the same run. The units are those of the engine's
//! benchmarks (`crates/engine/benches/units/`), every fourth moved to 河南 with
//! what its two consequence articles read (a 医疗机构 among the kinds, a
//! 严重危害社会治安案事件 of each grade, a refused treatment). Parsing facts (JSON for regorus) is
//! excluded on both sides: each engine gets its input ready-made.
//!
//! regorus is measured in both its configurations: the tree-walking
//! interpreter (`regorus::Engine::eval_rule`) and the Rego virtual machine (RVM:
//! each policy compiled once to a register-machine program, `RegoVM`), which is
//! its fastest; the RVM must give the interpreter's answers on every unit checked.
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
    /// 海东, 广东 and 河南 with the lexicon.
    three: Engine,
    units: Vec<Unit>,
    rego_inputs: Vec<regorus::Value>,
    rego: regorus::Engine,
    /// The three policies' `triggered`, compiled for the RVM.
    rvm: Vec<std::sync::Arc<regorus::rvm::Program>>,
    /// The data document (the is-a table), as the VM gets it.
    data: regorus::Value,
    opts: Options,
}

const ENTRY_POINTS: [&str; 3] = [
    "data.tiaoli.haidong.triggered",
    "data.tiaoli.guangdong.triggered",
    "data.tiaoli.henan.triggered",
];

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = rules_dir();
        let all = engine(std::slice::from_ref(&dir));
        let three = engine(&[
            dir.join("lexicon"),
            dir.join("haidong.tiaoli"),
            dir.join("guangdong.tiaoli"),
            dir.join("henan.tiaoli"),
        ]);
        let facts: IndexMap<String, ()> = all
            .graph
            .lexicon
            .facts
            .iter()
            .map(|f| (f.name.clone(), ()))
            .collect();
        let units: Vec<Unit> = generate(10_000, &facts)
            .into_iter()
            .enumerate()
            .map(|(i, u)| if i % 4 == 3 { in_henan(u, i) } else { u })
            .collect();
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
        for name in ["haidong.rego", "guangdong.rego", "henan.rego"] {
            let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("rego")
                .join(name);
            rego.add_policy(name.into(), std::fs::read_to_string(path).unwrap())
                .unwrap();
        }
        let data =
            regorus::Value::from_json_str(&serde_json::json!({ "isa": isa }).to_string()).unwrap();
        rego.add_data(data.clone()).unwrap();
        let rvm = ENTRY_POINTS
            .iter()
            .map(|entry| {
                let policy = rego
                    .clone()
                    .compile_with_entrypoint(&(*entry).into())
                    .unwrap();
                regorus::languages::rego::compiler::Compiler::compile_from_policy(&policy, &[entry])
                    .unwrap()
            })
            .collect();
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
            three,
            units,
            rego_inputs,
            rego,
            rvm,
            data,
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
    // Per policy, how many consequences it triggered: each must trigger some, or
    // the agreement would be vacuous for it.
    let mut per_policy = [0usize; ENTRY_POINTS.len()];
    for (u, input) in f.units.iter().zip(&f.rego_inputs).take(2_000) {
        rego.set_input(input.clone());
        let mut from_rego: Vec<String> = Vec::new();
        for (k, rule) in ENTRY_POINTS.iter().enumerate() {
            let out = rego.eval_rule((*rule).into()).unwrap();
            if let Ok(set) = out.as_set() {
                per_policy[k] += set.len();
            }
            let on_vm = vm_eval(f, k, input);
            assert_eq!(
                out, on_vm,
                "the interpreter and the RVM disagree on {} ({rule})",
                u.id
            );
            let json: serde_json::Value =
                serde_json::from_str(&out.to_json_str().unwrap()).unwrap();
            from_rego.extend(
                json.as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|x| x["norm"].as_str().map(str::to_string)),
            );
        }
        let ev = f.three.evaluate(u, f.opts);
        let mut from_tiaoli: Vec<String> = Vec::new();
        let mut any_violation: Vec<String> = Vec::new();
        for o in &ev.ords {
            let g = &f.three.graph.ordinances[o.ordinance];
            for (i, n) in g.nodes.iter().enumerate() {
                if let tiaoli_compiler::graph::Node::Consequence(c) = n {
                    if uses_any_violation(g, c.condition) {
                        any_violation.push(c.name.to_string());
                    } else if o.vals[i] == tiaoli_engine::Tri::True {
                        from_tiaoli.push(c.name.to_string());
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
    for (k, n) in per_policy.iter().enumerate() {
        assert!(
            *n > 0,
            "{} triggers nothing on these units",
            ENTRY_POINTS[k]
        );
    }
    eprintln!("tiaoli and Rego (interpreter and RVM) agree on the triggered consequences of {checked} units ({triggered} triggered; per policy {per_policy:?})");
}

/// One policy's `triggered` for one input, on a fresh RVM loaded with its program.
fn vm_eval(f: &Fixture, policy: usize, input: &regorus::Value) -> regorus::Value {
    let mut vm = regorus::rvm::RegoVM::new();
    vm.load_program(f.rvm[policy].clone());
    vm.set_data(f.data.clone()).unwrap();
    vm.set_input(input.clone());
    vm.execute().unwrap()
}

/// A generated unit moved to 河南, with what 第二十六条 and 第二十八条 read, varied
/// by its index (deterministic): a 医疗机构 in a third of them, the 目标管理责任制
/// fact true, false or absent, a 严重危害社会治安案事件 of each grade (or none, or
/// one before the ordinance was in force), a refused treatment in some.
fn in_henan(mut u: Unit, i: usize) -> Unit {
    use tiaoli_engine::facts::{ActionRecord, EventRecord, FactValue};
    u.region = Some(vec!["河南省".into(), "郑州市".into(), "金水区".into()]);
    if i.is_multiple_of(3) {
        u.kind = "医疗机构".into();
    }
    match i % 5 {
        0 | 1 => {
            u.facts.insert(
                "社会治安综合治理目标管理责任制不落实".into(),
                FactValue::Bool(true),
            );
        }
        2 => {
            u.facts.insert(
                "社会治安综合治理目标管理责任制不落实".into(),
                FactValue::Bool(false),
            );
        }
        _ => {}
    }
    let grades = ["一般", "较大", "重大", "特别重大"];
    if !i.is_multiple_of(7) {
        let mut attrs = tiaoli_engine::facts::FactMap::default();
        attrs.insert(
            "案事件等级".to_string(),
            FactValue::Enum(grades[(i / 4) % grades.len()].into()),
        );
        u.events.push(EventRecord {
            ty: "严重危害社会治安案事件".into(),
            date: date(if i.is_multiple_of(11) {
                "2003-06-01"
            } else {
                "2024-06-01"
            }),
            deadline: None,
            by: None,
            id: None,
            attrs,
        });
    }
    if i.is_multiple_of(2) {
        u.actions.push(ActionRecord {
            ty: "拒绝或者拖延治疗见义勇为受伤公民".into(),
            date: date(if i.is_multiple_of(13) {
                "2003-08-01"
            } else {
                "2024-08-01"
            }),
            answers: None,
        });
    }
    u
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

/// Baseline, tiaoli side: one unit against the whole of 海东, 广东 and 河南 (every
/// norm and consequence), for comparison with the Rego policies below.
#[divan::bench(sample_count = 2000, sample_size = 20)]
fn tiaoli_one_unit_three_ordinances(b: divan::Bencher) {
    let f = fixture();
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % f.rego_inputs.len();
        f.three.evaluate(divan::black_box(&f.units[i]), f.opts)
    });
}

/// Baseline, Rego side: one unit against the consequence articles of 海东, 广东
/// and 河南 in Rego, run by regorus's interpreter (input already parsed).
#[divan::bench(sample_count = 2000, sample_size = 20)]
fn regorus_one_unit_three_ordinances_consequences(b: divan::Bencher) {
    let f = fixture();
    let mut rego = f.rego.clone();
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % f.rego_inputs.len();
        rego.set_input(f.rego_inputs[i].clone());
        ENTRY_POINTS.map(|rule| rego.eval_rule(rule.into()).unwrap())
    });
}

/// Baseline, Rego side at its fastest: the same policies compiled once to RVM
/// programs, one VM per policy loaded once (program and data), each unit only
/// setting the input and executing.
#[divan::bench(sample_count = 2000, sample_size = 20)]
fn regorus_rvm_one_unit_three_ordinances_consequences(b: divan::Bencher) {
    let f = fixture();
    let mut vms: Vec<regorus::rvm::RegoVM> = f
        .rvm
        .iter()
        .map(|p| {
            let mut vm = regorus::rvm::RegoVM::new();
            vm.load_program(p.clone());
            vm.set_data(f.data.clone()).unwrap();
            vm
        })
        .collect();
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % f.rego_inputs.len();
        let mut out = Vec::with_capacity(vms.len());
        for vm in &mut vms {
            vm.set_input(f.rego_inputs[i].clone());
            out.push(vm.execute().unwrap());
        }
        out
    });
}
