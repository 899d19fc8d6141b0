//! The units both evaluation benchmarks run on (`crates/engine/benches/eval.rs`,
//! and the Rego baseline in `crates/bench-rego`): generated deterministically by
//! a fixed-seed LCG, spread over the six jurisdictions and one outside them.

#![allow(dead_code)]

use std::path::PathBuf;

use indexmap::IndexMap;
use tiaoli_engine::facts::{ActionRecord, EventRecord, FactValue, Unit};
use tiaoli_engine::{Calendar, Date, Engine};
use tiaoli_syntax::ast::Level;

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

pub fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

pub fn generate(n: usize, lexicon_facts: &IndexMap<String, ()>) -> Vec<Unit> {
    generated(lexicon_facts).take(n).collect()
}

/// The units of [`generate`], one after the other, without end: for inputs
/// larger than memory (`examples/jsonl_units.rs`).
pub fn generated(lexicon_facts: &IndexMap<String, ()>) -> impl Iterator<Item = Unit> + '_ {
    let mut r = Lcg(0x7469_616f_6c69);
    let grades = ["优秀", "良好", "一般", "较差"];
    (0..).map(move |i| {
        let (kind, level) = *r.pick(KINDS);
        let mut facts = tiaoli_engine::facts::FactMap::default();
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
            resolved: Default::default(),
        }
    })
}

/// A unit as one line of a facts file in JSON Lines (without the newline).
pub fn json_line(u: &Unit) -> String {
    let mut v = serde_json::to_value(u).unwrap();
    v["region"] = serde_json::Value::from(u.region.as_ref().map(|r| r.join("/")));
    // The facts loader knows that a 村民委员会 sits at village level (the bench,
    // building units by hand, does not ask).
    let level = if u.kind == "村民委员会" {
        Some(Level::Village)
    } else {
        u.level
    };
    v["level"] = serde_json::Value::from(level.map(|l| l.zh()));
    serde_json::to_string(&v).unwrap()
}

/// `rules/` of the repository (both crates sit in `crates/`).
pub fn rules_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../rules")
}

/// The lexicon's facts, by name: the generator gives a unit only facts the rules know.
pub fn lexicon_facts(engine: &Engine) -> IndexMap<String, ()> {
    engine
        .graph
        .lexicon
        .facts
        .iter()
        .map(|f| (f.name.clone(), ()))
        .collect()
}

pub fn engine(paths: &[PathBuf]) -> Engine {
    let sources = tiaoli_compiler::load::load_sources(paths, &[]).expect("rules");
    let c = tiaoli_compiler::compile(sources);
    assert!(!c.has_errors(), "the rules do not compile");
    Engine::new(c.graph, Calendar::default_schedule().unwrap())
}
