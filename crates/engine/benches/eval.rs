//! Evaluation benchmarks (`cargo bench -p tiaoli-engine`).
//!
//! - latency of one unit against all compiled ordinances (statuses only, and
//!   with the full report of findings);
//! - throughput over 100,000 generated units;
//! - the baseline: the consequence articles of 海东 and 广东 written in Rego
//!   (benches/rego/) and run by regorus, against tiaoli evaluating the whole of
//!   both ordinances for the same units, in the same run.
//!
//! Units are generated deterministically (a fixed-seed LCG), spread over the six
//! jurisdictions and one outside them. Parsing facts (JSON for regorus, YAML for
//! tiaoli) is excluded on both sides: each engine gets its input ready-made.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;
use std::sync::OnceLock;

use indexmap::IndexMap;
use tiaoli_engine::facts::{ActionRecord, EventRecord, FactValue, Unit};
use tiaoli_engine::{Calendar, Date, Engine, Options};
use tiaoli_syntax::ast::Level;

fn main() {
    divan::main();
}

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[(self.next() as usize) % xs.len()]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const KINDS: &[(&str, Level)] = &[
    ("公安部门", Level::County),
    ("民政部门", Level::County),
    ("人民政府", Level::City),
    ("乡镇人民政府", Level::Township),
    ("街道办事处", Level::Township),
    ("学校", Level::County),
    ("电信业务经营者", Level::City),
    ("银行业金融机构", Level::City),
    ("物业服务企业", Level::County),
    ("平安建设组织协调机构", Level::County),
    ("村民委员会", Level::Township),
    ("社会组织", Level::City),
];

const REGIONS: &[&str] = &[
    "海东市/平安区",
    "海东市/乐都区",
    "绵阳市/涪城区",
    "浙江省/杭州市/西湖区",
    "湘西土家族苗族自治州/吉首市",
    "安阳市/文峰区",
    "广东省/广州市/天河区",
    "西宁市/城东区",
];

const BOOL_FACTS: &[&str] = &[
    "可能存在非法集资风险",
    "存在平安建设突出问题",
    "未达到平安建设目标要求",
    "履行平安建设职责不力",
    "重大安全隐患未及时整改",
    "未落实风险排查研判处置职责导致群体性或公共安全事件",
    "瞒报漏报拒报考评数据资料",
    "构成犯罪",
    "不履行平安建设职责",
    "玩忽职守滥用职权徇私舞弊",
    "存在社会风险隐患重点区域和突出问题",
    "履行平安建设职责存在突出问题",
];

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn generate(n: usize, lexicon_facts: &IndexMap<String, ()>) -> Vec<Unit> {
    let mut r = Lcg(0x7469_616f_6c69);
    let grades = ["优秀", "良好", "一般", "较差"];
    (0..n)
        .map(|i| {
            let (kind, level) = *r.pick(KINDS);
            let mut facts = IndexMap::new();
            if r.chance(70) {
                facts.insert(
                    "平安建设考评等次".to_string(),
                    FactValue::Enum(r.pick(&grades).to_string()),
                );
            }
            for f in BOOL_FACTS {
                if lexicon_facts.contains_key(*f) && r.chance(40) {
                    facts.insert(f.to_string(), FactValue::Bool(r.chance(20)));
                }
            }
            let mut events = Vec::new();
            if r.chance(30) {
                events.push(EventRecord {
                    ty: "挂牌督办".into(),
                    date: date("2024-11-01"),
                    deadline: Some(date("2025-02-01")),
                    by: None,
                    id: None,
                    attrs: Default::default(),
                });
            }
            if r.chance(20) {
                events.push(EventRecord {
                    ty: "通报".into(),
                    date: date("2024-12-10"),
                    deadline: None,
                    by: None,
                    id: None,
                    attrs: Default::default(),
                });
            }
            if r.chance(30) {
                events.push(EventRecord {
                    ty: "发现涉嫌电信网络诈骗".into(),
                    date: date("2025-02-20"),
                    deadline: None,
                    by: None,
                    id: None,
                    attrs: Default::default(),
                });
            }
            let mut actions = Vec::new();
            if r.chance(40) {
                actions.push(ActionRecord {
                    ty: "整改完成".into(),
                    date: date("2025-01-20"),
                    answers: None,
                });
            }
            if r.chance(30) {
                actions.push(ActionRecord {
                    ty: "向客户作出风险提示".into(),
                    date: date("2025-02-21"),
                    answers: None,
                });
            }
            Unit {
                id: format!("unit-{i}"),
                kind: kind.to_string(),
                level: Some(level),
                region: Some(r.pick(REGIONS).split('/').map(str::to_string).collect()),
                region_readings: Vec::new(),
                roles: if r.chance(70) {
                    vec!["平安建设成员单位".into()]
                } else {
                    vec![]
                },
                facts,
                events,
                actions,
            }
        })
        .collect()
}

struct Fixture {
    all: Engine,
    haidong: Engine,
    units: Vec<Unit>,
    rego_inputs: Vec<regorus::Value>,
    rego: regorus::Engine,
    opts: Options,
}

fn rules_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../rules")
}

fn engine(paths: &[PathBuf]) -> Engine {
    let sources = tiaoli_compiler::load::load_sources(paths, &[]).expect("rules");
    let c = tiaoli_compiler::compile(sources);
    assert!(!c.has_errors(), "the rules do not compile");
    Engine::new(c.graph, Calendar::default_schedule().unwrap())
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
        let units = generate(100_000, &facts);
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
                .join("benches/rego")
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
            all,
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
    let f = fixture();
    b.counter(divan::counter::ItemsCount::new(f.units.len()))
        .bench_local(|| {
            let mut violated = 0usize;
            for u in &f.units {
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

/// One unit against all six ordinances, with 1, 10 or 100 occurrences of each
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
