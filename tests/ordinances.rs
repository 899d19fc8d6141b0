//! Every ordinance of rules/: every article of its source present, in order, with
//! its text (conversion artifacts cleaned, wording untouched), header as the text
//! says, and every article encoded.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use tiaoli_compiler::graph::{Node, OrdinanceGraph};
use tiaoli_syntax::ast::Status;

/// (rule file, source, articles, status, 施行日期)
const ORDINANCES: &[(&str, &str, usize, Status, Option<&str>)] = &[
    (
        "mianyang",
        "seeds/000_2a419da6e60f0237.txt",
        60,
        Status::Proposal,
        None,
    ),
    (
        "haidong",
        "seeds/001_421397ef826d430b.txt",
        51,
        Status::InForce,
        Some("2024-10-01"),
    ),
    (
        "zhejiang",
        "seeds/002_96ddb7b9ec09f9f5.txt",
        59,
        Status::Draft,
        None,
    ),
    (
        "xiangxi",
        "seeds/003_007d6490db0c7fd2.txt",
        13,
        Status::InForce,
        Some("2024-03-01"),
    ),
    (
        "anyang",
        "seeds/004_1db31aca84cab719.txt",
        56,
        Status::Consultation,
        None,
    ),
    (
        "guangdong",
        "corpus/guangdong_pingan_2021.txt",
        51,
        Status::InForce,
        Some("2022-01-01"),
    ),
    (
        "henan",
        "corpus/henan_zongzhi_2004.txt",
        29,
        Status::InForce,
        Some("2004-04-01"),
    ),
];

fn all() -> Vec<OrdinanceGraph> {
    let lex = lexicon();
    let files: Vec<(String, String)> = ORDINANCES
        .iter()
        .map(|(f, ..)| {
            (
                format!("rules/{f}.tiaoli"),
                read(&root().join(format!("rules/{f}.tiaoli"))),
            )
        })
        .collect();
    let texts: Vec<(&str, &str)> = lex
        .iter()
        .chain(files.iter())
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let c = tiaoli_compiler::compile_texts(&texts);
    assert!(
        !c.has_errors(),
        "{}",
        tiaoli_syntax::render::render_human(&c.diagnostics, &c.sources, false)
    );
    c.graph.ordinances
}

/// The article's characters without any whitespace: page-break splits and
/// typographic spaces are layout, not wording.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Web-page footers ("- 相关评论") after the last article are not law.
fn clean_footer(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("- ") && l.trim() != "-")
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_article_of_every_source_is_present_with_its_text() {
    let graphs = all();
    for (file, source, count, ..) in ORDINANCES {
        let o = graphs
            .iter()
            .find(|o| o.source == format!("rules/{file}.tiaoli"))
            .unwrap();
        let src = clean_footer(&read(&shared(source)));
        let expected = source_articles(&src);
        assert_eq!(
            expected.len(),
            *count,
            "{source}: the source has {count} articles"
        );
        assert_eq!(
            o.articles.len(),
            *count,
            "{file}: all {count} articles encoded"
        );
        for ((n, want), a) in expected.iter().zip(&o.articles) {
            assert_eq!(*n, a.number, "{file}: article order");
            assert_eq!(
                squeeze(&a.text),
                squeeze(want),
                "{file} {} differs from the source",
                a.cite
            );
        }
    }
}

#[test]
fn headers_say_what_the_texts_say() {
    let graphs = all();
    for (file, _, _, status, in_force) in ORDINANCES {
        let o = graphs
            .iter()
            .find(|o| o.source == format!("rules/{file}.tiaoli"))
            .unwrap();
        assert_eq!(o.status, *status, "{file}");
        assert_eq!(
            o.in_force.as_deref(),
            *in_force,
            "{file}: a blank date stays unknown"
        );
        assert_eq!(o.draft, status.is_draft(), "{file}");
    }
    let zj = graphs.iter().find(|o| o.id == "zhejiang").unwrap();
    assert_eq!(zj.repeals, ["《浙江省社会治安综合治理条例》"]);
    let xx = graphs.iter().find(|o| o.id == "xiangxi").unwrap();
    assert_eq!(
        (xx.adopted.as_deref(), xx.approved.as_deref()),
        (Some("2023-12-28"), Some("2024-01-17"))
    );
}

#[test]
fn every_article_is_encoded_as_norms_or_marked_by_kind() {
    for o in all() {
        for a in &o.articles {
            let encoded = o.nodes.iter().any(|n| match n {
                Node::Norm(x) => x.article == a.number,
                Node::Consequence(x) => x.article == a.number,
                _ => false,
            }) || o.deemings.iter().any(|d| d.eid == a.eid);
            assert!(
                encoded || a.kind.is_some(),
                "{} {} is neither encoded nor marked by kind",
                o.id,
                a.cite
            );
        }
    }
}

#[test]
fn the_deeming_provisions_and_escalations_of_the_sources_are_encoded() {
    let graphs = all();
    let my = graphs.iter().find(|o| o.id == "mianyang").unwrap();
    assert!(
        my.deemings
            .iter()
            .any(|d| d.kind == "街道办事处" && d.as_.term == "乡镇人民政府"),
        "绵阳 第五十九条"
    );
    let zj = graphs.iter().find(|o| o.id == "zhejiang").unwrap();
    let c58 = zj.nodes.iter().find_map(|n| match n {
        Node::Consequence(c) if c.article == 58 => Some(c),
        _ => None,
    });
    assert!(
        c58.is_some(),
        "浙江 第五十八条: escalation of an overdue 挂牌督办"
    );
}

/// The project's rule for scenario tests: every consequence an ordinance has, and
/// every norm with a deadline that binds someone, is exercised by a case under
/// rules/tests. A norm whose text names no duty-bearer (主体 未明确) binds no unit
/// and cannot be exercised; the test files say which.
#[test]
fn every_consequence_and_every_deadline_has_a_scenario() {
    let (code, out, err) = run(&["test", "rules/tests", "--coverage", "--format", "json"]);
    assert_eq!(code, 0, "{out}{err}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    let mut missing = Vec::new();
    for o in all() {
        let uncovered: Vec<&str> = report["coverage"]["ordinances"][o.id.as_str()]["uncovered"]
            .as_array()
            .unwrap_or_else(|| panic!("no coverage for {}", o.id))
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        for name in o.consequences.keys() {
            if uncovered.contains(&name.as_str()) {
                missing.push(format!("{}: 后果 {name}", o.id));
            }
        }
        for (name, &id) in &o.norms {
            let Node::Norm(n) = &o.nodes[id] else {
                continue;
            };
            let binds = !n.subjects.iter().all(|s| s.unspecified);
            if n.deadline.is_some() && binds && uncovered.contains(&name.as_str()) {
                missing.push(format!("{}: 规范 {name} ({})", o.id, n.cite));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "no scenario exercises:\n{}",
        missing.join("\n")
    );
}
