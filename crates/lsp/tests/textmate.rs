//! The TextMate grammar against the parser, on every shipped rule file: the
//! committed grammar is the generated one, and tokenising each file with its
//! regular expressions (as an editor does, line by line, leftmost match first,
//! ties to the earlier pattern) scopes as `keyword.*` exactly the keywords and
//! comparison operators the parser reads — no more, no less.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use fancy_regex::{Regex, RegexBuilder};
use serde_json::Value;
use tiaoli_syntax::tokens::{tokens, TokenKind};
use tiaoli_syntax::SourceId;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn grammar_path() -> PathBuf {
    root().join("crates/vscode/syntaxes/tiaoli.tmLanguage.json")
}

#[test]
fn the_committed_grammar_is_the_generated_one() {
    let committed = std::fs::read_to_string(grammar_path()).unwrap();
    assert!(
        committed == tiaoli_lsp::textmate::grammar_json(),
        "crates/vscode/syntaxes/tiaoli.tmLanguage.json is stale: regenerate it with \
         `cargo run -p tiaoli-lsp --example textmate-grammar > crates/vscode/syntaxes/tiaoli.tmLanguage.json`"
    );
}

/// One rule of the grammar, compiled.
enum Rule {
    Match {
        re: Regex,
        name: Option<String>,
        captures: Vec<(usize, String)>,
    },
    Block {
        begin: Regex,
        end: Regex,
        name: Option<String>,
        inner: Vec<Rule>,
    },
}

fn compile(p: &str) -> Regex {
    RegexBuilder::new(p)
        .oniguruma_mode(true)
        .build()
        .unwrap_or_else(|e| panic!("{p}: {e}"))
}

/// The patterns of a rule list, includes resolved.
fn rules(list: &Value, repo: &Value) -> Vec<Rule> {
    let mut out = Vec::new();
    for r in list.as_array().unwrap() {
        if let Some(inc) = r["include"].as_str() {
            let target = &repo[inc.trim_start_matches('#')];
            assert!(!target.is_null(), "include {inc} names nothing");
            out.extend(rule_or_group(target, repo));
        } else {
            out.extend(rule_or_group(r, repo));
        }
    }
    out
}

fn rule_or_group(r: &Value, repo: &Value) -> Vec<Rule> {
    let name = r["name"].as_str().map(str::to_string);
    if let Some(m) = r["match"].as_str() {
        let captures = r["captures"]
            .as_object()
            .map(|c| {
                c.iter()
                    .map(|(k, v)| (k.parse().unwrap(), v["name"].as_str().unwrap().to_string()))
                    .collect()
            })
            .unwrap_or_default();
        return vec![Rule::Match {
            re: compile(m),
            name,
            captures,
        }];
    }
    if let Some(b) = r["begin"].as_str() {
        return vec![Rule::Block {
            begin: compile(b),
            end: compile(r["end"].as_str().unwrap()),
            name,
            inner: if r["patterns"].is_null() {
                Vec::new()
            } else {
                rules(&r["patterns"], repo)
            },
        }];
    }
    rules(&r["patterns"], repo)
}

/// A scoped piece of the text: byte range and scope (innermost).
type Scoped = (usize, usize, String);

/// Tokenises a text line by line; returns the scoped pieces (unscoped text is
/// left out).
fn tokenise(text: &str, top: &[Rule]) -> Vec<Scoped> {
    let mut out = Vec::new();
    // The open blocks: (end pattern, inner rules, name, start of the block).
    let mut stack: Vec<(&Regex, &[Rule], Option<&String>, usize)> = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line = line.trim_end_matches('\n');
        let mut pos = 0;
        loop {
            let rules: &[Rule] = stack.last().map_or(top, |s| s.1);
            let mut best: Option<(usize, usize, usize)> = None; // (start, end, rule index or MAX for end)
            if let Some((end, ..)) = stack.last() {
                if let Ok(Some(m)) = end.find_from_pos(line, pos) {
                    best = Some((m.start(), m.end(), usize::MAX));
                }
            }
            for (i, r) in rules.iter().enumerate() {
                let re = match r {
                    Rule::Match { re, .. } => re,
                    Rule::Block { begin, .. } => begin,
                };
                if let Ok(Some(m)) = re.find_from_pos(line, pos) {
                    if best.is_none_or(|(s, _, _)| m.start() < s) {
                        best = Some((m.start(), m.end(), i));
                    }
                }
            }
            let Some((s, e, i)) = best else { break };
            if i == usize::MAX {
                let (_, _, name, start) = stack.pop().unwrap();
                if let Some(n) = name {
                    out.push((start, line_start + e, n.clone()));
                }
            } else {
                match &rules[i] {
                    Rule::Match { re, name, captures } => {
                        if let Some(n) = name {
                            out.push((line_start + s, line_start + e, n.clone()));
                        }
                        if !captures.is_empty() {
                            let c = re.captures_from_pos(line, pos).unwrap().unwrap();
                            for (k, n) in captures {
                                if let Some(g) = c.get(*k) {
                                    out.push((
                                        line_start + g.start(),
                                        line_start + g.end(),
                                        n.clone(),
                                    ));
                                }
                            }
                        }
                    }
                    Rule::Block {
                        end, name, inner, ..
                    } => stack.push((end, inner.as_slice(), name.as_ref(), line_start + s)),
                }
            }
            if e == s {
                // An empty match: move on by a character.
                pos = e + line[e..].chars().next().map_or(1, char::len_utf8);
            } else {
                pos = e;
            }
            if pos > line.len() {
                break;
            }
        }
        line_start += line.len() + 1;
    }
    out
}

/// Every shipped rule file (rules/ and examples/), as the commands load them.
fn shipped_files() -> Vec<(String, String)> {
    let paths = [root().join("rules"), root().join("examples")];
    let sources = tiaoli_compiler::load::load_sources(&paths, &[]).unwrap();
    sources
        .iter()
        .map(|(_, s)| (s.name.clone(), s.text.clone()))
        .collect()
}

fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    (
        before.matches('\n').count() + 1,
        before[before.rfind('\n').map_or(0, |i| i + 1)..]
            .chars()
            .count()
            + 1,
    )
}

#[test]
fn every_keyword_of_every_shipped_file_is_scoped_as_a_keyword_and_nothing_else() {
    let g: Value = serde_json::from_str(&std::fs::read_to_string(grammar_path()).unwrap()).unwrap();
    let top = rules(&g["patterns"], &g["repository"]);
    let files = shipped_files();
    assert!(files.len() >= 10, "{}", files.len());
    let mut keywords = 0;
    let mut problems = Vec::new();
    for (name, text) in &files {
        let text = text.as_str();
        let parsed: Vec<(usize, usize)> = tokens(SourceId(0), text)
            .unwrap_or_else(|d| panic!("{name}: {}", d.message))
            .into_iter()
            .filter(|t| matches!(t.kind, TokenKind::Keyword | TokenKind::Operator))
            .map(|t| (t.span.start, t.span.end))
            .collect();
        let scoped: Vec<(usize, usize)> = tokenise(text, &top)
            .into_iter()
            .filter(|(_, _, s)| s.starts_with("keyword."))
            .map(|(s, e, _)| (s, e))
            .collect();
        keywords += parsed.len();
        let name = name
            .strip_prefix(&root().display().to_string())
            .unwrap_or(name);
        for p in &parsed {
            if !scoped.contains(p) {
                let (l, c) = line_col(text, p.0);
                problems.push(format!(
                    "{name}:{l}:{c}: the parser reads the keyword “{}”, the grammar does not scope it as one",
                    &text[p.0..p.1]
                ));
            }
        }
        for s in &scoped {
            if !parsed.contains(s) {
                let (l, c) = line_col(text, s.0);
                problems.push(format!(
                    "{name}:{l}:{c}: the grammar scopes “{}” as a keyword, the parser does not read one there",
                    &text[s.0..s.1]
                ));
            }
        }
    }
    assert!(keywords > 5_000, "{keywords}");
    assert!(
        problems.is_empty(),
        "{} differences:\n{}",
        problems.len(),
        problems
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_tokeniser_of_this_test_sees_what_an_editor_sees() {
    // A check of the check: on a small text, the scopes by hand.
    let g: Value = serde_json::from_str(&std::fs::read_to_string(grammar_path()).unwrap()).unwrap();
    let top = rules(&g["patterns"], &g["repository"]);
    let text = "  规范 报告 {\n    主体 同级 市 公安部门 // 应当\n    应当 向客户作出风险提示 期限 30 日\n    当 考评等次 = 一般 且 \"当\\\"\"\n  }\n";
    let scopes: Vec<(&str, String)> = tokenise(text, &top)
        .into_iter()
        .map(|(s, e, n)| (&text[s..e], n))
        .collect();
    let kw: Vec<&str> = scopes
        .iter()
        .filter(|(_, n)| n.starts_with("keyword."))
        .map(|(t, _)| *t)
        .collect();
    assert_eq!(
        kw,
        ["规范", "主体", "同级", "市", "应当", "期限", "日", "当", "=", "且"]
    );
    assert!(scopes.contains(&("向客户作出风险提示", "variable.other.term.tiaoli".into())));
    assert!(scopes.contains(&("// 应当", "comment.line.double-slash.tiaoli".into())));
    assert!(scopes.contains(&("\"当\\\"\"", "string.quoted.double.tiaoli".into())));
}
