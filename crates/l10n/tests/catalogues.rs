//! The catalogues are complete: every file parses in both languages, both
//! languages have the same messages with the same variables, and every id a
//! `t!` in the workspace's code formats is in them (a missing one would print
//! its id to the user).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_bundle::FluentResource;
use tiaoli_l10n::{has, Lang, FILES};

/// Message id → the variables its text uses, from a catalogue file (one
/// message a line; an indented line continues the one before).
fn messages(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let value = if line.starts_with(' ') {
            line
        } else {
            let (id, value) = line.split_once(" = ").unwrap_or((line, ""));
            current = Some(id.trim().to_string());
            value
        };
        let Some(id) = &current else { continue };
        let vars = out.entry(id.clone()).or_default();
        for part in value.split('$').skip(1) {
            let name: String = part
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            vars.insert(name);
        }
    }
    out
}

#[test]
fn every_file_parses_and_both_languages_agree() {
    for (name, zh, en) in FILES {
        for (lang, text) in [("zh", zh), ("en", en)] {
            if let Err((_, errors)) = FluentResource::try_new(text.to_string()) {
                panic!("{lang}/{name}.ftl does not parse: {errors:?}");
            }
        }
        let (z, e) = (messages(zh), messages(en));
        if *name == "help" {
            // Chinese only: the English is the CLI's doc comments
            // (crates/cli/help.rs keeps every argument translated).
            assert!(e.is_empty(), "en/help.ftl holds messages: {e:?}");
            assert!(z.len() > 50, "zh/help.ftl: {} messages", z.len());
            continue;
        }
        let zk: BTreeSet<&String> = z.keys().collect();
        let ek: BTreeSet<&String> = e.keys().collect();
        assert_eq!(
            zk.symmetric_difference(&ek).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "{name}.ftl: messages in one language only"
        );
        for (id, vars) in &z {
            assert_eq!(
                Some(vars),
                e.get(id),
                "{name}.ftl: {id} uses other variables in English"
            );
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            if !matches!(name, "target" | "fuzz" | "node_modules" | "l10n") {
                rust_files(&p, out);
            }
        } else if name.ends_with(".rs") {
            out.push(p);
        }
    }
}

/// The ids of `t!("…"` in a source text (the l10n crate itself, whose docs
/// show made-up ids, is not scanned).
fn ids(text: &str) -> Vec<String> {
    text.split("t!(")
        .skip(1)
        .filter_map(|rest| {
            let rest = rest.trim_start().strip_prefix('"')?;
            let (id, _) = rest.split_once('"')?;
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                .then(|| id.to_string())
        })
        .collect()
}

#[test]
fn every_id_the_code_formats_is_in_the_catalogues() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    rust_files(&crates, &mut files);
    assert!(files.len() > 50, "the workspace's sources: {}", files.len());
    let mut used = 0;
    let mut missing = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for id in ids(&text) {
            used += 1;
            for lang in Lang::ALL {
                if !has(lang, &id) {
                    missing.push(format!("{} {}: {id}", f.display(), lang.code()));
                }
            }
        }
    }
    assert!(used > 300, "t! calls found: {used}");
    assert!(
        missing.is_empty(),
        "ids without a message:\n{}",
        missing.join("\n")
    );
}

#[test]
fn a_missing_id_is_found() {
    assert_eq!(
        ids(r#"t!("rule-unknown-term", name = x) t!( "x-y")"#),
        ["rule-unknown-term", "x-y"]
    );
    assert!(!has(Lang::Zh, "no-such-message"));
}

/// No message refers to another message or to a term (`{ other-id }`,
/// `{ -term }`): each file's bundle is parsed on its own, the first time one of
/// its messages is formatted, and a reference across files would not resolve.
#[test]
fn no_message_refers_to_another() {
    for (name, zh, en) in FILES {
        for (lang, text) in [("zh", zh), ("en", en)] {
            for (n, line) in text.lines().enumerate() {
                if line.trim_start().starts_with('#') {
                    continue;
                }
                for part in line.split('{').skip(1) {
                    let p = part.trim_start();
                    assert!(
                        !p.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-'),
                        "{lang}/{name}.ftl:{}: a reference: {{{part}",
                        n + 1
                    );
                }
            }
        }
    }
}

/// Every message is found by its id in both languages' bundles (the build's
/// index of which file holds which id agrees with the files).
#[test]
fn every_message_is_found_by_its_id() {
    for (name, zh, en) in FILES {
        for (lang, text) in [(Lang::Zh, zh), (Lang::En, en)] {
            for id in messages(text).keys() {
                assert!(has(lang, id), "{name}.ftl: {id} not found in {lang:?}");
            }
        }
    }
}
