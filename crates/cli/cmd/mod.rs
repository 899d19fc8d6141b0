//! One file per subcommand, plus what they share: loading rules and printing
//! diagnostics.

pub mod check;
pub mod completions;
pub mod coverage;
pub mod diff;
pub mod eval;
pub mod eval_stream;
pub mod explain;
pub mod fmt;
pub mod graph;
pub mod lift;
pub mod lint;
pub mod lsp;
pub mod serve;
pub mod template;
pub mod terms;
pub mod test;

use std::io::IsTerminal;
use std::path::PathBuf;

use tiaoli_compiler::load::load_sources;
use tiaoli_compiler::Compilation;
use tiaoli_syntax::render;

/// Exit codes (docs/cli.md).
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDING: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// One error line on stderr, in the current language: `错误：…`.
pub fn error_line(message: &str) -> String {
    tiaoli_l10n::t!("cli-error", message = message)
}

/// A help line under an error, as diagnostics have: `  提示：…` (`  help: …`).
pub fn help_line(help: &str) -> String {
    format!("  {}{help}", tiaoli_l10n::t!("syn-help-prefix"))
}

/// Today's date in China (UTC+8), the day a legal date is counted in.
pub fn today() -> tiaoli_engine::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs + 8 * 3600) / 86_400;
    i64::try_from(days)
        .ok()
        .and_then(tiaoli_engine::Date::from_day_number)
        .unwrap_or(tiaoli_engine::Date::MIN)
}

/// Loads and compiles the given paths, or the embedded rules when none is given.
/// On a load error, prints it and returns None.
pub fn compile(paths: &[PathBuf]) -> Option<Compilation> {
    if paths.iter().any(|p| is_stdin(p)) {
        return compile_stdin(paths);
    }
    match load_sources(paths, crate::embedded::EMBEDDED) {
        Ok(sources) => Some(tiaoli_compiler::compile(sources)),
        Err(e) => {
            print_report(&e);
            None
        }
    }
}

/// `--color`: whether diagnostics and diffs are coloured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// When the stream is a terminal and NO_COLOR is unset or empty.
    #[default]
    Auto,
    Always,
    Never,
}

static COLOR: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Sets the process's colour choice (from `--color`), for every renderer.
pub fn set_color(choice: ColorChoice) {
    let n = match choice {
        ColorChoice::Auto => 0,
        ColorChoice::Always => 1,
        ColorChoice::Never => 2,
    };
    COLOR.store(n, std::sync::atomic::Ordering::Relaxed);
}

/// One diagnostic that is not the rules' (a file that cannot be read, a
/// calendar that does not parse), as text for stderr, in the current language.
pub fn report_text(d: &dyn miette::Diagnostic) -> String {
    let color = use_color(std::io::stderr().is_terminal());
    render::render_report(d, color).trim_end().to_string()
}

/// Prints [`report_text`] on stderr.
pub fn print_report(d: &dyn miette::Diagnostic) {
    eprintln!("{}", report_text(d));
}

/// Whether to colour a stream: `--color always|never`, else a terminal with
/// NO_COLOR unset or empty (no-color.org).
pub fn use_color(is_terminal: bool) -> bool {
    match COLOR.load(std::sync::atomic::Ordering::Relaxed) {
        1 => true,
        2 => false,
        _ => is_terminal && std::env::var_os("NO_COLOR").map_or(true, |v| v.is_empty()),
    }
}

/// `-`: standard input, where a command reads one file.
pub fn is_stdin(p: &std::path::Path) -> bool {
    p.as_os_str() == "-"
}

/// The name messages give an input: `标准输入` for `-`.
pub fn input_name(p: &std::path::Path) -> String {
    if is_stdin(p) {
        tiaoli_l10n::t!("cli-stdin")
    } else {
        p.display().to_string()
    }
}

/// Rules from standard input (`--rules -`, `check -`): one file, with the
/// embedded lexicon as for any rule file that declares none.
fn compile_stdin(paths: &[PathBuf]) -> Option<Compilation> {
    if paths.len() != 1 {
        eprintln!("{}", error_line(&tiaoli_l10n::t!("cli-stdin-alone")));
        return None;
    }
    let text = read_input(std::path::Path::new("-"))?;
    let sources = tiaoli_compiler::load::sources_from_texts(
        vec![(tiaoli_l10n::t!("cli-stdin"), text)],
        crate::embedded::EMBEDDED,
    );
    Some(tiaoli_compiler::compile(sources))
}

/// Prints diagnostics for people on stderr.
pub fn print_human(c: &Compilation) {
    if c.diagnostics.is_empty() {
        return;
    }
    let color = use_color(std::io::stderr().is_terminal());
    eprint!(
        "{}",
        render::render_human(&c.diagnostics, &c.sources, color)
    );
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum DiagFormat {
    Human,
    Json,
}

/// What `eval` and `explain` share.
#[derive(clap::Args)]
pub struct EvalArgs {
    /// Rule files or directories (default: the rules embedded in the binary).
    #[arg(long = "rules")]
    pub rules: Vec<PathBuf>,
    /// The evaluation date (YYYY-MM-DD); overrides the facts file's `as_of`.
    #[arg(long)]
    pub as_of: Option<String>,
    /// Evaluate drafts (代拟稿, 草案, 征求意见稿) as if in force; results say so.
    #[arg(long)]
    pub drafts: bool,
    /// A holiday schedule replacing the shipped one (rules/calendar/cn-mainland.yaml).
    #[arg(long)]
    pub calendar: Option<PathBuf>,
}

/// Reads an input file (facts, a calendar, a text to lift), bounded in size and
/// without its byte-order mark; prints why not.
pub fn read_input(path: &std::path::Path) -> Option<String> {
    let path = if is_stdin(path) {
        std::path::Path::new("/dev/stdin")
    } else {
        path
    };
    match tiaoli_compiler::load::read_text(path) {
        Ok(t) => Some(t),
        Err(e) => {
            print_report(&e);
            None
        }
    }
}

/// The graph of the embedded rules as the build compiled it
/// (`crates/cli/build.rs`), or `None` where the build could not (the rules had
/// errors): then they are compiled here, and their errors reported.
fn embedded_graph() -> Option<tiaoli_compiler::Graph> {
    if crate::embedded::GRAPH.is_empty() {
        return None;
    }
    tiaoli_compiler::archive::from_parts(crate::embedded::GRAPH, crate::embedded::STRINGS).ok()
}

/// The evaluation graph of the given rules, or of the embedded ones (loaded as
/// the build compiled them); prints every problem.
fn load_graph(rules: &[PathBuf]) -> Option<tiaoli_compiler::Graph> {
    if rules.is_empty() {
        if let Some(g) = embedded_graph() {
            return Some(g);
        }
    }
    let c = compile(rules)?;
    if c.has_errors() {
        print_human(&c);
        eprintln!(
            "{}",
            error_line(&tiaoli_l10n::t!("cli-rules-do-not-compile"))
        );
        return None;
    }
    Some(c.graph)
}

/// Compiles the rules (or loads the embedded ones) and the calendar; prints
/// every problem. The engine lives until the process ends: it is leaked on
/// purpose, so that the exit does not free the graph piece by piece (a tenth
/// of a cold run's instructions went to that).
pub fn load_engine(
    rules: &[PathBuf],
    calendar: Option<&std::path::Path>,
) -> Option<&'static tiaoli_engine::Engine> {
    let graph = load_graph(rules)?;
    if graph.ordinances.is_empty() {
        // Only vocabulary: every unit would be "bound by nothing".
        eprintln!("{}", error_line(&tiaoli_l10n::t!("cli-no-ordinance")));
        return None;
    }
    let cal = load_calendar(calendar)?;
    Some(Box::leak(Box::new(tiaoli_engine::Engine::new(graph, cal))))
}

/// The shipped holiday schedule, or the one given; prints why not.
pub fn load_calendar(calendar: Option<&std::path::Path>) -> Option<tiaoli_engine::Calendar> {
    let calendar = match calendar {
        None => tiaoli_engine::Calendar::default_schedule(),
        Some(p) => match read_input(p) {
            Some(t) => tiaoli_engine::Calendar::parse(&p.display().to_string(), &t),
            None => return None,
        },
    };
    match calendar {
        Ok(cal) => Some(cal),
        Err(e) => {
            print_report(&e);
            None
        }
    }
}

/// Compiles the rules, loads the calendar and the facts; prints every problem.
pub fn load_evaluation(
    facts: &std::path::Path,
    args: &EvalArgs,
) -> Option<(
    &'static tiaoli_engine::Engine,
    tiaoli_engine::facts::FactsFile,
    tiaoli_engine::Options,
)> {
    let engine = load_engine(&args.rules, args.calendar.as_deref())?;
    let text = read_input(facts)?;
    let name = input_name(facts);
    // Standard input has no extension: YAML, which reads JSON too.
    let format = tiaoli_engine::facts::Format::from_path(&facts.display().to_string());
    let parsed = match engine.parse_facts(&text, format) {
        Ok(f) => f,
        Err(errors) => {
            let message = tiaoli_l10n::t!(
                "cli-facts-problems",
                file = name.as_str(),
                count = errors.len()
            );
            eprintln!("{}", error_line(&message));
            for e in &errors {
                eprintln!("  {}", e.at(&name));
            }
            return None;
        }
    };
    let as_of = as_of(args.as_of.as_deref(), parsed.as_of, &name)?;
    Some((
        engine,
        parsed,
        tiaoli_engine::Options {
            as_of,
            drafts: args.drafts,
        },
    ))
}

/// The evaluation date: `--as-of`, else the facts file's `as_of`; prints why not.
pub fn as_of(
    given: Option<&str>,
    in_file: Option<tiaoli_engine::Date>,
    file: &str,
) -> Option<tiaoli_engine::Date> {
    match given {
        Some(s) => {
            let d = tiaoli_engine::Date::parse(s);
            if d.is_none() {
                eprintln!(
                    "{}",
                    error_line(&tiaoli_l10n::t!("cli-as-of-not-date", given = s))
                );
            }
            d
        }
        None => {
            if in_file.is_none() {
                eprintln!(
                    "{}",
                    error_line(&tiaoli_l10n::t!("cli-no-as-of", file = file))
                );
            }
            in_file
        }
    }
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    /// The graph the build embedded is the one the embedded rules compile to
    /// now: a run on the embedded rules answers as a run on their sources would.
    #[test]
    fn the_embedded_graph_is_the_compiled_rules() {
        let embedded = super::embedded_graph();
        assert!(
            embedded.is_some(),
            "the build embedded no graph (do the rules compile?)"
        );
        let Ok(sources) = tiaoli_compiler::load::load_sources(&[], crate::embedded::EMBEDDED)
        else {
            panic!("the embedded sources do not load");
        };
        let c = tiaoli_compiler::compile(sources);
        assert!(!c.has_errors());
        assert!(
            embedded == Some(c.graph),
            "the embedded graph differs from the compiled rules"
        );
    }
}
