//! `tiaoli diff OLD NEW`: what a change to the rules does to the law. Each side
//! is a rule file, a directory, or `REV:PATH` read from git. Exit 0 (no
//! `--fail-on` kind present), 1 (one is), 2 (an input or rule error).

use std::path::{Path, PathBuf};
use std::process::Command;

use tiaoli_compiler::load::{load_sources, sources_from_texts};
use tiaoli_compiler::Compilation;
use tiaoli_diff::ordinance_pairing::{pairing, Pairing};
use tiaoli_diff::render::{render_human_styled, render_markdown};
use tiaoli_diff::Kind;
use tiaoli_l10n::t;
use tiaoli_syntax::SourceMap;

use super::{error_line, help_line, EXIT_ERROR, EXIT_FINDING, EXIT_OK};

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum DiffFormat {
    Human,
    Json,
    Markdown,
}

#[derive(clap::Args)]
pub struct Args {
    /// The old version: a rule file, a directory, or REV:PATH read from git (HEAD~1:rules).
    pub old: String,
    /// The new version: a rule file, a directory, or REV:PATH read from git.
    pub new: String,
    /// A facts file: replay its units against both versions and list the verdicts that change.
    #[arg(long)]
    pub units: Option<PathBuf>,
    /// The evaluation date for --units (YYYY-MM-DD); overrides the facts file's `as_of`.
    #[arg(long)]
    pub as_of: Option<String>,
    /// With --units: evaluate drafts (代拟稿, 草案, 征求意见稿) as if in force.
    #[arg(long)]
    pub drafts: bool,
    /// With --units: a holiday schedule replacing the shipped one.
    #[arg(long)]
    pub calendar: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: DiffFormat,
    /// Change kinds that make the exit code 1: codes separated by commas
    /// (modality-weakened,sanction-softened), `weakening`, `strengthening`, or `any`.
    #[arg(long, value_delimiter = ',')]
    pub fail_on: Vec<String>,
    /// Do not fail on encoding-stale (a text and its encoding that did not move
    /// together), which otherwise makes the exit code 1 whatever --fail-on says.
    #[arg(long)]
    pub accept_stale: bool,
    /// Compare even when the two versions are different ordinances (another id
    /// and another jurisdiction).
    #[arg(long)]
    pub different_ordinances: bool,
}

pub fn run(args: Args) -> u8 {
    let fail_on = match fail_kinds(&args.fail_on) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("{e}");
            return EXIT_ERROR;
        }
    };
    let Some(old) = side(&args.old, "old") else {
        return EXIT_ERROR;
    };
    let Some(new) = side(&args.new, "new") else {
        return EXIT_ERROR;
    };
    if !same_ordinances(&old, &new, &args) {
        return EXIT_ERROR;
    }
    let mut diff = tiaoli_diff::diff(&old.graph, &new.graph).with_versions(&args.old, &args.new);
    if let Some(facts) = &args.units {
        let Some(units) = replay(&args, facts, old, new) else {
            return EXIT_ERROR;
        };
        diff = diff.with_units(units);
    }
    let text = match args.format {
        DiffFormat::Human => {
            use std::io::IsTerminal;
            let color = super::use_color(std::io::stdout().is_terminal());
            let style = if color {
                tiaoli_diff::inline::Style::Ansi
            } else {
                tiaoli_diff::inline::Style::Plain
            };
            render_human_styled(&diff, style)
        }
        DiffFormat::Markdown => render_markdown(&diff),
        DiffFormat::Json => match serde_json::to_string_pretty(&diff) {
            Ok(s) => s + "\n",
            Err(e) => {
                let message = t!("diff-json-failed", error = e.to_string());
                eprintln!("{}", error_line(&message));
                return EXIT_ERROR;
            }
        },
    };
    let stale = !args.accept_stale && diff.has(Kind::EncodingStale);
    let failed = stale
        || match &fail_on {
            None => false,
            Some(kinds) if kinds.is_empty() => !diff.is_empty(),
            Some(kinds) => kinds.iter().any(|k| diff.has(*k)),
        };
    crate::stdout::emit(&text, if failed { EXIT_FINDING } else { EXIT_OK })
}

/// Two ordinances of different jurisdictions paired as one are two different
/// laws (`tiaoli_diff::ordinance_pairing`, shared with `/v1/diff`): refused unless asked for.
fn same_ordinances(old: &Compilation, new: &Compilation, args: &Args) -> bool {
    let p = pairing(&old.graph, &new.graph);
    let message = p.message().unwrap_or_default();
    match p {
        Pairing::ById => true,
        Pairing::Renamed { .. } => {
            eprintln!("{message}");
            true
        }
        Pairing::Different { old: o, new: n } => {
            if args.different_ordinances {
                eprintln!(
                    "{}",
                    t!(
                        "diff-different-compared",
                        old = &o.id,
                        old_title = &o.title,
                        new = &n.id,
                        new_title = &n.title
                    )
                );
                return true;
            }
            let message = t!(
                "diff-different-refused",
                old_spec = &args.old,
                new_spec = &args.new,
                old = &o.id,
                old_title = &o.title,
                old_jurisdiction = &o.jurisdiction,
                new = &n.id,
                new_title = &n.title,
                new_jurisdiction = &n.jurisdiction
            );
            eprintln!("{}", error_line(&message));
            eprintln!("{}", help_line(&t!("diff-different-help")));
            false
        }
    }
}

/// A revision as git reads it; anything that git could take for an option
/// (`-…`) or that is not one word is refused before git sees it.
fn valid_revision(rev: &str) -> Result<(), String> {
    if rev.starts_with('-') {
        return Err(t!("diff-rev-dash", rev = rev));
    }
    if rev.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(t!("diff-rev-space", rev = rev));
    }
    Ok(())
}

/// None: no --fail-on; Some([]): `any`.
fn fail_kinds(given: &[String]) -> Result<Option<Vec<Kind>>, String> {
    if given.is_empty() {
        return Ok(None);
    }
    let mut kinds = Vec::new();
    for g in given.iter().map(|g| g.trim()).filter(|g| !g.is_empty()) {
        if g == "any" {
            return Ok(Some(Vec::new()));
        }
        if let Some(group) = Kind::group(g) {
            kinds.extend(group);
            continue;
        }
        match Kind::from_code(g) {
            Some(k) => kinds.push(k),
            None => {
                let codes: Vec<&str> = Kind::ALL.iter().map(|k| k.code()).collect();
                let named = ["any", "weakening", "strengthening"];
                let hint =
                    tiaoli_syntax::diag::did_you_mean(g, named.iter().chain(codes.iter()).copied());
                let codes = codes.join(t!("list-sep").as_str());
                let help = match hint {
                    Some(h) => t!("diff-fail-on-hint", hint = h, codes = codes),
                    None => t!("diff-fail-on-kinds", codes = codes),
                };
                return Err(format!(
                    "{}\n{}",
                    error_line(&t!("diff-fail-on-unknown", kind = g)),
                    help_line(&help)
                ));
            }
        }
    }
    Ok(Some(kinds))
}

/// Loads and compiles one side; prints every problem and returns None on errors.
fn side(spec: &str, which: &str) -> Option<Compilation> {
    let sources = match read_side(spec) {
        Ok(s) => s,
        Err(e) => {
            let message = tiaoli_l10n::t!(
                "diff-side-unreadable",
                which = which,
                spec = spec,
                error = e.to_string()
            );
            eprintln!("{}", super::error_line(&message));
            return None;
        }
    };
    let c = tiaoli_compiler::compile(sources);
    if c.has_errors() {
        super::print_human(&c);
        let message = tiaoli_l10n::t!("diff-side-does-not-compile", which = which, spec = spec);
        eprintln!("{}", super::error_line(&message));
        return None;
    }
    Some(c)
}

fn read_side(spec: &str) -> Result<SourceMap, String> {
    let path = Path::new(spec);
    if path.exists() {
        return load_sources(&[path.to_path_buf()], crate::embedded::EMBEDDED)
            .map_err(|e| super::report_text(&e));
    }
    match spec.split_once(':') {
        Some((rev, p)) if !rev.is_empty() => {
            valid_revision(rev)?;
            let texts = git_texts(rev, p)?;
            Ok(sources_from_texts(texts, crate::embedded::EMBEDDED))
        }
        _ => Err(t!("diff-no-such-side")),
    }
}

fn git(args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| t!("diff-git-cannot-run", error = e.to_string()))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(t!(
            "diff-git-failed",
            args = args.join(" "),
            message = String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

fn utf8(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|_| t!("diff-git-not-utf8", name = name))
}

/// The rule files at PATH in revision REV, as (REV:file, text). PATH is relative to
/// the current directory, as for every other path on the command line.
fn git_texts(rev: &str, path: &str) -> Result<Vec<(String, String)>, String> {
    let path = if path.is_empty() { "." } else { path };
    let object = |p: &str| {
        if p.starts_with("./") || p.starts_with("../") {
            format!("{rev}:{p}")
        } else {
            format!("{rev}:./{p}")
        }
    };
    // --end-of-options: whatever the revision, git reads it as a revision.
    let kind = utf8(
        "git cat-file",
        git(&["cat-file", "-t", "--end-of-options", &object(path)])?,
    )?;
    if kind.trim() == "blob" {
        let text = utf8(
            &object(path),
            git(&["cat-file", "blob", "--end-of-options", &object(path)])?,
        )?;
        return Ok(vec![(format!("{rev}:{path}"), text)]);
    }
    let listing = utf8(
        "git ls-tree",
        git(&[
            "ls-tree",
            "-r",
            "--name-only",
            "--end-of-options",
            rev,
            "--",
            path,
        ])?,
    )?;
    let mut files: Vec<&str> = listing.lines().filter(|l| l.ends_with(".tiaoli")).collect();
    files.sort_unstable();
    if files.is_empty() {
        return Err(t!(
            "diff-git-no-rule-files",
            object = format!("{rev}:{path}")
        ));
    }
    files
        .into_iter()
        .map(|f| {
            let text = utf8(
                &object(f),
                git(&["cat-file", "blob", "--end-of-options", &object(f)])?,
            )?;
            Ok((format!("{rev}:{f}"), text))
        })
        .collect()
}

/// Evaluates the units of a facts file against both versions.
fn replay(
    args: &Args,
    facts: &Path,
    old: Compilation,
    new: Compilation,
) -> Option<Vec<tiaoli_diff::VerdictChange>> {
    let text = super::read_input(facts)?;
    let calendar = super::load_calendar(args.calendar.as_deref())?;
    let old = tiaoli_engine::Engine::new(old.graph, calendar.clone());
    let new = tiaoli_engine::Engine::new(new.graph, calendar);
    let name = facts.display().to_string();
    let format = tiaoli_engine::facts::Format::from_path(&name);
    let mut parsed = Vec::new();
    for (which, engine) in [("old", &old), ("new", &new)] {
        match engine.parse_facts(&text, format) {
            Ok(f) => parsed.push(f),
            Err(errors) => {
                let message = t!(
                    "diff-facts-problems",
                    file = &name,
                    which = which,
                    count = errors.len()
                );
                eprintln!("{}", error_line(&message));
                for e in &errors {
                    eprintln!("  {}", e.at(&name));
                }
                return None;
            }
        }
    }
    let (Some(a), Some(b)) = (parsed.first(), parsed.get(1)) else {
        return None;
    };
    let as_of = super::as_of(args.as_of.as_deref(), b.as_of, &name)?;
    let opts = tiaoli_engine::Options {
        as_of,
        drafts: args.drafts,
    };
    Some(tiaoli_diff::replay(&old, &new, &a.units, &b.units, opts))
}
