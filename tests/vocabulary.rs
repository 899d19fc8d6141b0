//! The vocabulary a unit's binding articles read (the self-check form of
//! `tiaoli serve` asks for exactly these).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use tiaoli_compiler::load::load_sources;
use tiaoli_engine::facts::{self, Format};
use tiaoli_engine::vocabulary::Vocabulary;
use tiaoli_engine::{Calendar, Date, Engine, Options};

fn vocabulary(unit_yaml: &str) -> Vocabulary {
    let sources = load_sources(&[common::root().join("rules")], &[]).unwrap();
    let c = tiaoli_compiler::compile(sources);
    assert!(!c.has_errors());
    let f = facts::parse(unit_yaml, Format::Yaml, &c.graph.lexicon).unwrap();
    let engine = Engine::new(c.graph, Calendar::default_schedule().unwrap());
    let opts = Options {
        as_of: Date::parse("2025-03-01").unwrap(),
        drafts: false,
    };
    engine.vocabulary(&f.units[0], opts)
}

fn names(v: &[tiaoli_engine::vocabulary::TermUse]) -> Vec<&str> {
    v.iter().map(|t| t.name.as_str()).collect()
}

#[test]
fn a_county_police_bureau_is_asked_what_its_articles_read() {
    let v = vocabulary(
        "units:\n  - { id: 甲, kind: 公安部门, level: 县, region: 海东市/平安区, roles: [平安建设成员单位] }\n",
    );
    let rating = v
        .facts
        .iter()
        .find(|t| t.name == "平安建设考评等次")
        .expect("第四十六条 reads the rating");
    assert!(
        rating
            .cited_by
            .iter()
            .any(|c| c.starts_with("haidong 第四十六条")),
        "{rating:?}"
    );
    // 第二十二条第三款 binds operators, not the police.
    assert!(!names(&v.events).contains(&"发现涉嫌电信网络诈骗"), "{v:?}");
    assert!(!names(&v.actions).contains(&"向客户作出风险提示"), "{v:?}");
    // Its 挂牌督办 is an event the rules read, and 整改完成 the action answering it.
    assert!(names(&v.events).contains(&"挂牌督办"), "{v:?}");
}

#[test]
fn a_telecom_operator_is_asked_about_fraud_it_found() {
    let v = vocabulary("units:\n  - { id: 乙, kind: 电信业务经营者, region: 海东市/乐都区 }\n");
    assert!(names(&v.events).contains(&"发现涉嫌电信网络诈骗"), "{v:?}");
    assert!(names(&v.actions).contains(&"向客户作出风险提示"), "{v:?}");
    // 第四十六条 concerns member units; an operator is not one.
    assert!(
        v.facts
            .iter()
            .flat_map(|t| &t.cited_by)
            .all(|c| !c.starts_with("haidong 第四十六条")),
        "{v:?}"
    );
}

#[test]
fn a_unit_outside_every_jurisdiction_is_asked_nothing() {
    let v =
        vocabulary("units:\n  - { id: 丙, kind: 公安部门, level: 县, region: 北京市/东城区 }\n");
    assert_eq!(v, Vocabulary::default());
}
