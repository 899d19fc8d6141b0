//! The drafters' tools, measured against compiling the same rules in the same
//! run (`cargo bench -p tiaoli-lint`): what `tiaoli lint` and `tiaoli diff` add
//! to the `check` a drafter runs anyway.
//!
//! - baseline: parse + compile the six ordinances and the lexicon;
//! - lint: every check on the six compiled ordinances;
//! - lint --against: 海东 against 广东 (L1001, L1002);
//! - diff: the six ordinances against themselves with one article of 海东
//!   inserted (matching by content, every norm compared).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::sync::OnceLock;

use tiaoli_compiler::graph::Graph;
use tiaoli_syntax::format::to_chinese;
use tiaoli_syntax::SourceMap;

fn main() {
    divan::main();
}

fn rules() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../rules")
}

fn sources(paths: &[PathBuf]) -> SourceMap {
    tiaoli_compiler::load::load_sources(paths, &[]).expect("rules")
}

fn graph(paths: &[PathBuf]) -> Graph {
    let c = tiaoli_compiler::compile(sources(paths));
    assert!(!c.has_errors(), "the rules do not compile");
    c.graph
}

struct Fixture {
    all: Graph,
    haidong: Graph,
    guangdong: Graph,
    inserted: Graph,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = rules();
        let haidong = dir.join("haidong.tiaoli");
        // 海东 with an article inserted after 第十条: every later article renumbered.
        let text = std::fs::read_to_string(&haidong).unwrap();
        let at = text.find("\n第十一条 {").unwrap();
        let mut edited = String::new();
        edited.push_str(&text[..at]);
        edited.push_str("\n第十一条 {\n  款 \"市、县（区）人民政府应当定期组织平安建设工作检查。\"\n  规范 新增检查 {\n    主体 市、县 人民政府\n    应当 统筹推进平安建设工作\n    期限 定期\n  }\n}\n");
        let mut rest = text[at..].to_string();
        // Renumber 第十一条…第五十一条 by one, from the last down, so no number is hit twice.
        for k in (11..=51).rev() {
            let from = format!("\n第{}条 {{", to_chinese(k));
            let to = format!("\n第{}条 {{", to_chinese(k + 1));
            rest = rest.replacen(&from, &to, 1);
        }
        edited.push_str(&rest);
        let tmp = std::env::temp_dir().join(format!("tiaoli-bench-{}", std::process::id()));
        std::fs::create_dir_all(&tmp).unwrap();
        for f in std::fs::read_dir(&dir).unwrap() {
            let p = f.unwrap().path();
            if p.extension().is_some_and(|x| x == "tiaoli") {
                std::fs::copy(&p, tmp.join(p.file_name().unwrap())).unwrap();
            }
        }
        std::fs::create_dir_all(tmp.join("lexicon")).unwrap();
        for f in std::fs::read_dir(dir.join("lexicon")).unwrap() {
            let p = f.unwrap().path();
            std::fs::copy(&p, tmp.join("lexicon").join(p.file_name().unwrap())).unwrap();
        }
        std::fs::write(tmp.join("haidong.tiaoli"), edited).unwrap();
        let inserted = graph(std::slice::from_ref(&tmp));
        let _ = std::fs::remove_dir_all(&tmp);
        Fixture {
            all: graph(std::slice::from_ref(&dir)),
            haidong: graph(&[haidong, dir.join("lexicon")]),
            guangdong: graph(&[dir.join("guangdong.tiaoli"), dir.join("lexicon")]),
            inserted,
        }
    })
}

#[divan::bench]
fn baseline_compile_six(bencher: divan::Bencher) {
    let dir = rules();
    bencher
        .with_inputs(|| sources(std::slice::from_ref(&dir)))
        .bench_values(|s| divan::black_box(tiaoli_compiler::compile(s)));
}

#[divan::bench]
fn lint_six(bencher: divan::Bencher) {
    let f = fixture();
    let opts = tiaoli_lint::Options::default();
    bencher.bench(|| divan::black_box(tiaoli_lint::lint(&f.all, None, &opts)));
}

#[divan::bench]
fn lint_haidong_against_guangdong(bencher: divan::Bencher) {
    let f = fixture();
    let opts = tiaoli_lint::Options::default();
    bencher.bench(|| divan::black_box(tiaoli_lint::lint(&f.haidong, Some(&f.guangdong), &opts)));
}

#[divan::bench]
fn diff_six_with_an_article_inserted(bencher: divan::Bencher) {
    let f = fixture();
    let d = tiaoli_diff::diff(&f.all, &f.inserted);
    assert!(!d.changes.is_empty(), "the inserted article is seen");
    bencher.bench(|| divan::black_box(tiaoli_diff::diff(&f.all, &f.inserted)));
}
