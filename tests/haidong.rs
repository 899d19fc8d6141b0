//! 海东市平安建设条例: all 51 articles present, in order, with their verbatim text
//! (conversion artifacts cleaned, wording untouched), and encoded.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use tiaoli_compiler::graph::Node;
use tiaoli_syntax::ast::{ModalityClass, Status};

fn haidong() -> tiaoli_compiler::graph::OrdinanceGraph {
    ordinance(&read(&root().join("rules/haidong.tiaoli")))
}

#[test]
fn every_article_is_present_with_its_verbatim_text() {
    let source = read(&shared("seeds/001_421397ef826d430b.txt"));
    let expected = source_articles(&source);
    assert_eq!(expected.len(), 51, "the source has 51 articles");
    let o = haidong();
    let got: Vec<(u32, String)> = o
        .articles
        .iter()
        .map(|a| (a.number, a.text.to_string()))
        .collect();
    assert_eq!(got.len(), 51, "the encoding has 51 articles");
    for ((n, want), (m, have)) in expected.iter().zip(&got) {
        assert_eq!(n, m, "article order");
        assert_eq!(have, want, "第{n}条 differs from the source");
    }
}

#[test]
fn header_is_as_the_text_says() {
    let o = haidong();
    assert_eq!(o.title, "海东市平安建设条例");
    assert_eq!(o.status, Status::InForce);
    assert_eq!(o.in_force.as_deref(), Some("2024-10-01"), "第五十一条");
    assert_eq!(o.adopted, None, "the text gives no adoption date");
    assert_eq!(o.jurisdiction, "海东市");
    assert_eq!(o.chapters.len(), 7);
}

#[test]
fn every_article_is_encoded_and_the_consequence_articles_have_teeth() {
    let o = haidong();
    for a in &o.articles {
        let has_norm = o.nodes.iter().any(|n| match n {
            Node::Norm(x) => x.article == a.number,
            Node::Consequence(x) => x.article == a.number,
            _ => false,
        });
        assert!(
            has_norm || a.kind.is_some(),
            "{} is neither encoded nor marked by kind",
            a.cite
        );
    }
    // 第四十六条: grounds (一)–(七), sanctions by severity, cumulative 限期整改.
    let c = consequence(&o, "督导整改");
    assert_eq!(c.grounds.len(), 7);
    assert_eq!(c.grounds[5].cite, "第四十六条第（六）项");
    // 第五十条 reaches every obligation: a duty without teeth is the exception.
    let obligations = o
        .nodes
        .iter()
        .filter(|n| matches!(n, Node::Norm(x) if x.class == ModalityClass::Obligation))
        .count();
    assert!(obligations > 50, "{obligations} obligations");
}
