//! Docs are tests: every example command in README.md, docs/cli.md and
//! examples/README.md (the lines of their `sh` blocks that start with
//! `tiaoli` or `cargo run … --`) is run against the built binary. It must not
//! fail as an error (exit 2) or crash: 0, 1 (a finding) and 3 (undetermined)
//! are the documented outcomes of a working command (docs/cli.md). A line
//! ending in `# exit N` must exit exactly N. Pipes and redirections are cut
//! off: the command before them is what is checked.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

/// Paths that stand for the reader's own files: a command naming one is not run.
const PLACEHOLDERS: [&str; 4] = [
    "draft.tiaoli",
    "city.tiaoli",
    "province.tiaoli",
    "origin/main:",
];

const DOCS: [&str; 3] = ["README.md", "docs/cli.md", "examples/README.md"];

/// (file, line, arguments after `tiaoli`, expected exit code if stated).
fn commands() -> Vec<(String, usize, Vec<String>, Option<i32>)> {
    let mut out = Vec::new();
    for doc in DOCS {
        let text = common::read(&common::root().join(doc));
        let mut in_sh = false;
        for (i, line) in text.lines().enumerate() {
            let t = line.trim();
            if t.starts_with("```") {
                in_sh = !in_sh && matches!(t, "```sh" | "```bash" | "```shell");
                continue;
            }
            if !in_sh {
                continue;
            }
            let (cmd, comment) = match t.split_once(" #") {
                Some((c, k)) => (c.trim(), Some(k.trim())),
                None => (t, None),
            };
            let rest = if let Some(r) = cmd.strip_prefix("tiaoli ") {
                r
            } else if cmd.starts_with("cargo run") {
                match cmd.split_once(" -- ") {
                    Some((_, r)) => r,
                    None => continue,
                }
            } else {
                continue;
            };
            let rest = rest.split(['|', '>']).next().unwrap_or("").trim();
            let expect = comment
                .and_then(|c| c.strip_prefix("exit "))
                .and_then(|n| n.split_whitespace().next())
                .and_then(|n| n.parse().ok());
            out.push((
                doc.to_string(),
                i + 1,
                rest.split_whitespace().map(str::to_string).collect(),
                expect,
            ));
        }
    }
    out
}

#[test]
fn every_documented_command_works() {
    let cmds = commands();
    assert!(cmds.len() >= 15, "the docs lost their examples: {cmds:?}");
    let mut placeholders_seen = [false; PLACEHOLDERS.len()];
    let mut failures = Vec::new();
    for (doc, line, args, expect) in &cmds {
        let mut placeholder = false;
        for (i, p) in PLACEHOLDERS.iter().enumerate() {
            if args.iter().any(|a| a.contains(p)) {
                placeholders_seen[i] = true;
                placeholder = true;
            }
        }
        if placeholder {
            continue;
        }
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, _, err) = common::run(&refs);
        let ok = match expect {
            Some(n) => code == *n,
            None => matches!(code, 0 | 1 | 3),
        };
        if !ok {
            failures.push(format!(
                "{doc}:{line}: tiaoli {} → exit {code}\n{err}",
                args.join(" ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // A placeholder no doc uses any more is dropped from the list, so it hides nothing.
    assert!(
        placeholders_seen.iter().all(|s| *s),
        "{PLACEHOLDERS:?} {placeholders_seen:?}"
    );
}
