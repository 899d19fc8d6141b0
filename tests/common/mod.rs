//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use tiaoli_compiler::graph::{ConsequenceNode, Node, NormNode, OrdinanceGraph};
use tiaoli_compiler::Compilation;
use tiaoli_syntax::render;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The lexicon files of the repository, as (name, text).
pub fn lexicon() -> Vec<(String, String)> {
    let dir = root().join("rules/lexicon");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("rules/lexicon")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tiaoli"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = format!(
                "rules/lexicon/{}",
                p.file_name().unwrap_or_default().to_string_lossy()
            );
            (name, std::fs::read_to_string(&p).expect("lexicon file"))
        })
        .collect()
}

/// Compiles one snippet (named `test.tiaoli`) together with the repository lexicon.
pub fn compile(src: &str) -> Compilation {
    let lex = lexicon();
    let mut texts: Vec<(&str, &str)> = lex.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    texts.push(("test.tiaoli", src));
    tiaoli_compiler::compile_texts(&texts)
}

/// Compiles and insists on no errors; returns the snippet's ordinance.
pub fn ordinance(src: &str) -> OrdinanceGraph {
    let c = compile(src);
    assert!(
        !c.has_errors(),
        "unexpected errors:\n{}",
        render::render_human(&c.diagnostics, &c.sources, false)
    );
    c.graph
        .ordinances
        .into_iter()
        .next()
        .expect("one ordinance")
}

pub fn norm<'a>(o: &'a OrdinanceGraph, name: &str) -> &'a NormNode {
    let id = *o
        .norms
        .get(name)
        .unwrap_or_else(|| panic!("no norm {name}"));
    match &o.nodes[id] {
        Node::Norm(n) => n,
        other => panic!("{name} is not a norm: {other:?}"),
    }
}

pub fn consequence<'a>(o: &'a OrdinanceGraph, name: &str) -> &'a ConsequenceNode {
    let id = *o
        .consequences
        .get(name)
        .unwrap_or_else(|| panic!("no consequence {name}"));
    match &o.nodes[id] {
        Node::Consequence(c) => c,
        other => panic!("{name} is not a consequence: {other:?}"),
    }
}

/// The diagnostics of a snippet, rendered for people without colour.
pub fn diagnostics(src: &str) -> String {
    let c = compile(src);
    render::render_human(&c.diagnostics, &c.sources, false)
}

/// A minimal header for snippets.
pub const HEADER: &str = "条例 t {\n  标题 \"测试条例\"\n  辖区 海东市\n  级别 市\n  状态 施行\n  施行日期 2024-10-01\n}\n";
/// The same ordinance in force from 2024-01-01: for cases whose events fall in 2024
/// (what happens before 施行日期 opens no duty).
pub const HEADER_2024: &str = "条例 t {\n  标题 \"测试条例\"\n  辖区 海东市\n  级别 市\n  状态 施行\n  施行日期 2024-01-01\n}\n";

/// The built binary.
pub fn tiaoli() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tiaoli"));
    c.current_dir(root());
    c.env("NO_COLOR", "1");
    // Chinese, whatever the machine's locale (C names no language).
    c.env("LC_ALL", "C");
    // Help and diagnostics wrap at the terminal's width: the same on every machine.
    c.env("COLUMNS", "100");
    c
}

/// Runs the binary; returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = tiaoli().args(args).output().expect("run tiaoli");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Drops the conversion artifacts `[bookmark: …]` from a line of a published text.
pub fn strip_bookmarks(raw: &str) -> String {
    let mut line = raw.to_string();
    while let (Some(a), Some(b)) = (line.find("[bookmark:"), line.find(']')) {
        if b < a {
            break;
        }
        line.replace_range(a..=b, "");
    }
    line
}

pub fn shared(path: &str) -> PathBuf {
    root().join("..").join("shared").join(path)
}

pub fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// Splits a published text into its articles: (number, text), the text being the
/// article's lines (paragraphs and items) joined by newlines, the number and its
/// separator removed, conversion artifacts (`[bookmark: …]`) dropped. Chapter and
/// section headings, the title and blank lines are skipped.
pub fn source_articles(text: &str) -> Vec<(u32, String)> {
    let mut out: Vec<(u32, Vec<String>)> = Vec::new();
    for raw in text.lines() {
        let line = strip_bookmarks(raw);
        let line = line.trim_matches(|c: char| c.is_whitespace());
        if line.is_empty() {
            continue;
        }
        if let Some((n, rest)) = article_start(line) {
            out.push((
                n,
                vec![rest
                    .trim_start_matches(|c: char| c.is_whitespace())
                    .to_string()],
            ));
        } else if is_heading(line) {
            continue;
        } else if let Some((_, lines)) = out.last_mut() {
            lines.push(line.to_string());
        }
    }
    out.into_iter().map(|(n, l)| (n, l.join("\n"))).collect()
}

fn article_start(line: &str) -> Option<(u32, &str)> {
    let rest = line.strip_prefix('第')?;
    let end = rest.find('条')?;
    let num = &rest[..end];
    let n = num
        .parse()
        .ok()
        .or_else(|| tiaoli_syntax::chinese_numeral(num))?;
    let after = &rest[end + '条'.len_utf8()..];
    // 第N条 followed by whitespace starts an article; "第N条规定" inside a sentence does not.
    after
        .starts_with(|c: char| c.is_whitespace())
        .then_some((n, after))
}

fn is_heading(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('第') else {
        return false;
    };
    rest.char_indices()
        .take(6)
        .any(|(_, c)| c == '章' || c == '节')
}

/// Draws choices from a vector of random numbers (given by proptest),
/// deterministically: generated documents for the property tests.
pub struct Gen {
    pub seeds: Vec<u32>,
    pub pos: usize,
}

impl Gen {
    /// A choice in `0..n` (0 when `n` is 0).
    pub fn next(&mut self, n: usize) -> usize {
        let v = self
            .seeds
            .get(self.pos % self.seeds.len().max(1))
            .copied()
            .unwrap_or(0) as usize;
        self.pos += 1;
        if n == 0 {
            0
        } else {
            (v ^ (self.pos.wrapping_mul(2654435761))) % n
        }
    }
}

/// The shipped rules (the lexicon and every ordinance under rules/) with extra
/// files, compiled; panics on an error.
pub fn shipped_rules_with(extra: &[(&str, &str)]) -> Compilation {
    let mut files = lexicon();
    let mut names: Vec<PathBuf> = std::fs::read_dir(root().join("rules"))
        .expect("rules/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tiaoli"))
        .collect();
    names.sort();
    for p in names {
        let name = format!(
            "rules/{}",
            p.file_name().unwrap_or_default().to_string_lossy()
        );
        files.push((name, read(&p)));
    }
    let mut texts: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    texts.extend(extra.iter().copied());
    let c = tiaoli_compiler::compile_texts(&texts);
    assert!(
        !c.has_errors(),
        "{}",
        render::render_human(&c.diagnostics, &c.sources, false)
    );
    c
}

/// Where a proptest in `tests/<name>/<module>.rs` keeps its failing seeds: beside
/// its file, in `<module>.proptest-regressions`. By default, proptest keeps them
/// under `tests/proptest-regressions/` once a `main.rs` stands beside the source.
pub fn regressions_beside_source() -> Option<Box<dyn proptest::test_runner::FailurePersistence>> {
    Some(Box::new(
        proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
    ))
}
