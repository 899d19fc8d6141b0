//! `tiaoli test [PATH…]`: scenario tests (docs/testing.md). Exit 0 all pass,
//! 1 a failure (or coverage below --min-coverage), 2 an error.

use std::path::PathBuf;
use tiaoli_l10n::t;

use tiaoli_scenario::{find_files, load, render};

use super::{EXIT_ERROR, EXIT_FINDING, EXIT_OK};

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum TestFormat {
    Human,
    Json,
    Junit,
}

#[derive(clap::Args)]
pub struct Args {
    /// Test files or directories (default: rules/tests).
    pub paths: Vec<PathBuf>,
    /// Only the cases whose name contains this text.
    #[arg(long)]
    pub filter: Option<String>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: TestFormat,
    /// List, per ordinance, the norms no case exercises.
    #[arg(long)]
    pub coverage: bool,
    /// Fail when the share of norms exercised is below this percentage.
    #[arg(long)]
    pub min_coverage: Option<f64>,
    /// Rule files or directories (default: the rules embedded in the binary).
    #[arg(long = "rules")]
    pub rules: Vec<PathBuf>,
    /// A holiday schedule replacing the shipped one.
    #[arg(long)]
    pub calendar: Option<PathBuf>,
}

pub fn run(args: Args) -> u8 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("rules/tests")]
    } else {
        args.paths.clone()
    };
    let files = match find_files(&paths) {
        Ok(f) if f.is_empty() => {
            let list = paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(t!("list-sep").as_str());
            eprintln!("{}", super::error_line(&t!("test-no-files", paths = list)));
            return EXIT_ERROR;
        }
        Ok(f) => f,
        Err(e) => {
            eprintln!("{}", file_error(&e));
            return EXIT_ERROR;
        }
    };
    let mut loaded = Vec::new();
    for f in files {
        match load(&f) {
            Ok(t) => loaded.push((f, t)),
            Err(e) => {
                eprintln!("{}", file_error(&e));
                return EXIT_ERROR;
            }
        }
    }
    let Some(engine) = super::load_engine(&args.rules, args.calendar.as_deref()) else {
        return EXIT_ERROR;
    };
    let coverage = args.coverage || args.min_coverage.is_some();
    let outcome = match tiaoli_scenario::run(engine, &loaded, args.filter.as_deref(), coverage) {
        Ok(o) => o,
        Err(errors) => {
            for e in &errors {
                eprintln!("{}", file_error(e));
            }
            let message = t!("test-file-problems", count = errors.len());
            eprintln!("{}", super::error_line(&message));
            return EXIT_ERROR;
        }
    };
    let text = match args.format {
        TestFormat::Human => render::human(&outcome, args.coverage),
        TestFormat::Json => match serde_json::to_string_pretty(&outcome) {
            Ok(s) => s + "\n",
            Err(e) => {
                let message = t!("test-json-failed", error = e.to_string());
                eprintln!("{}", super::error_line(&message));
                return EXIT_ERROR;
            }
        },
        TestFormat::Junit => render::junit(&outcome),
    };
    let below = match (args.min_coverage, &outcome.coverage) {
        (Some(min), Some(c)) if c.percent < min => {
            let message = t!(
                "test-coverage-below",
                percent = format!("{:.1}", c.percent),
                min = min.to_string()
            );
            eprintln!("{}", super::error_line(&message));
            true
        }
        _ => false,
    };
    let code = if outcome.failed > 0 || below {
        EXIT_FINDING
    } else {
        EXIT_OK
    };
    crate::stdout::emit(&text, code)
}

/// `错误：FILE：MESSAGE`, for a test file that cannot be read or loaded.
fn file_error(e: &tiaoli_scenario::LoadError) -> String {
    super::error_line(&t!("test-file-error", file = &e.file, message = &e.message))
}
