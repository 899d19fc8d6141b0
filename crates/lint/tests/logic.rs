//! The decision procedure against brute force: whether two comparisons of one
//! number can hold together is checked by trying every value, a computation
//! that shares nothing with `logic::satisfiable`'s candidate values.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use tiaoli_compiler::graph::Node;
use tiaoli_lint::logic::{formula, implies, satisfiable, F};

const OPS: [&str; 6] = ["=", "!=", "<", "<=", ">", ">="];

fn holds(op: &str, x: u32, c: u32) -> bool {
    match op {
        "=" => x == c,
        "!=" => x != c,
        "<" => x < c,
        "<=" => x <= c,
        ">" => x > c,
        _ => x >= c,
    }
}

fn graph(cond: &str) -> tiaoli_compiler::graph::OrdinanceGraph {
    let text = format!(
        "条例 t {{\n  标题 \"测试\"\n  辖区 海东市\n  级别 市\n  状态 施行\n  施行日期 2024-10-01\n}}\n词汇 {{\n  主体类别 甲单位\n  事实 得分 数值\n  事实 甲情形 布尔\n  事实 检查日期 日期\n  事实 等次 枚举 优秀、良好、一般\n  行为 开展巡查\n}}\n第一条 {{\n  款 \"……\"\n  规范 巡查 {{\n    主体 甲单位\n    当 {cond}\n    应当 开展巡查\n  }}\n}}\n"
    );
    let c = tiaoli_compiler::compile_texts(&[("t.tiaoli", text.as_str())]);
    assert!(!c.has_errors(), "{cond}: {:?}", c.diagnostics);
    c.graph
        .ordinances
        .into_iter()
        .next()
        .expect("one ordinance")
}

fn condition(o: &tiaoli_compiler::graph::OrdinanceGraph) -> F {
    let n = o
        .nodes
        .iter()
        .find_map(|n| match n {
            Node::Norm(x) => Some(x.condition),
            _ => None,
        })
        .flatten();
    formula(o, n)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn two_comparisons_of_one_number(a in 0u32..12, b in 0u32..12, i in 0usize..6, j in 0usize..6) {
        let cond = format!("得分 {} {a} 且 得分 {} {b}", OPS[i], OPS[j]);
        let o = graph(&cond);
        let truth = (0..40).any(|x| holds(OPS[i], x, a) && holds(OPS[j], x, b));
        prop_assert_eq!(satisfiable(&o, &condition(&o)), Some(truth), "{}", cond);
    }
}

#[test]
fn a_fact_and_its_negation_never_hold_and_everything_implies_itself() {
    let o = graph("甲情形 且 非 甲情形");
    assert_eq!(satisfiable(&o, &condition(&o)), Some(false));
    let o = graph("甲情形 或 非 甲情形");
    let f = condition(&o);
    assert_eq!(satisfiable(&o, &f), Some(true));
    assert_eq!(implies(&o, &F::True, &f), Some(true), "a tautology");
    assert_eq!(implies(&o, &f, &f), Some(true));
}

#[test]
fn an_enumeration_takes_one_value() {
    let o = graph("等次 = 优秀 且 等次 = 一般");
    assert_eq!(satisfiable(&o, &condition(&o)), Some(false));
    let o = graph("等次 != 优秀 且 等次 != 良好");
    assert_eq!(satisfiable(&o, &condition(&o)), Some(true), "一般 is left");
    let o = graph("等次 != 优秀 且 等次 != 良好 且 等次 != 一般");
    assert_eq!(
        satisfiable(&o, &condition(&o)),
        Some(false),
        "no value is left"
    );
}

#[test]
fn dates_are_days() {
    let o = graph("检查日期 > 2024-01-31 且 检查日期 < 2024-02-01");
    assert_eq!(
        satisfiable(&o, &condition(&o)),
        Some(false),
        "no day between two consecutive days"
    );
    let o = graph("检查日期 > 2024-02-28 且 检查日期 < 2024-03-01");
    assert_eq!(satisfiable(&o, &condition(&o)), Some(true), "2024-02-29");
}
