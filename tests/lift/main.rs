//! `tiaoli lift` on the nine real texts and on generated ones: segmentation
//! matches the article counts, nothing of any article is lost, and every
//! skeleton is accepted by `tiaoli check`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../common/mod.rs"]
mod common;

mod annotated;
mod forms;
mod generated;
mod mutated;
mod refusals;
mod texts;

use common::*;
use proptest::prelude::*;

const TEXTS: &[(&str, usize)] = &[
    ("seeds/000_2a419da6e60f0237.txt", 60),
    ("seeds/001_421397ef826d430b.txt", 51),
    ("seeds/002_96ddb7b9ec09f9f5.txt", 59),
    ("seeds/003_007d6490db0c7fd2.txt", 13),
    ("seeds/004_1db31aca84cab719.txt", 56),
    ("corpus/guangdong_pingan_2021.txt", 51),
    ("corpus/shanghai_zongzhi_2018.txt", 40),
    ("corpus/beijing_zongzhi_2010.txt", 45),
    ("corpus/henan_zongzhi_2004.txt", 29),
];

fn lexicon_graph() -> tiaoli_compiler::graph::LexiconOut {
    let lex = lexicon();
    let texts: Vec<(&str, &str)> = lex.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    tiaoli_compiler::compile_texts(&texts).graph.lexicon
}

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}' && *c != '\u{a0}')
        .collect()
}

/// An independent reading of a source's article text: every line from the first
/// article on, less headings (第N章/第N节), `[bookmark: …]` markers and web
/// footers, with each article's "第N条" dropped.
fn source_body(text: &str) -> String {
    let mut out = String::new();
    let mut started = false;
    for raw in text.lines() {
        let line = strip_bookmarks(raw);
        let line =
            line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}');
        let head = |unit: char| {
            line.strip_prefix('第')
                .and_then(|r| r.find(unit).map(|i| (i, r)))
                .filter(|(i, r)| {
                    *i <= 18
                        && r[i + unit.len_utf8()..]
                            .starts_with(|c: char| c.is_whitespace() || c == '\u{3000}')
                })
        };
        if let Some((i, r)) = head('条') {
            started = true;
            out.push_str(&r[i + '条'.len_utf8()..]);
            continue;
        }
        if !started
            || head('章').is_some()
            || head('节').is_some()
            || line == "-"
            || line.starts_with("- ")
        {
            continue;
        }
        out.push_str(line);
    }
    squeeze(&out)
}
