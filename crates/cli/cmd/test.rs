//! `tiaoli test [PATH…]`: scenario tests (docs/testing.md). Exit 0 all pass,
//! 1 a failure (or coverage below --min-coverage), 2 an error.

use std::path::PathBuf;

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
            eprintln!(
                "error: no test files (*.yaml) in {}",
                paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            return EXIT_ERROR;
        }
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {}: {}", e.file, e.message);
            return EXIT_ERROR;
        }
    };
    let mut loaded = Vec::new();
    for f in files {
        match load(&f) {
            Ok(t) => loaded.push((f, t)),
            Err(e) => {
                eprintln!("error: {}: {}", e.file, e.message);
                return EXIT_ERROR;
            }
        }
    }
    let Some(engine) = super::load_engine(&args.rules, args.calendar.as_deref()) else {
        return EXIT_ERROR;
    };
    let coverage = args.coverage || args.min_coverage.is_some();
    let outcome = match tiaoli_scenario::run(&engine, &loaded, args.filter.as_deref(), coverage) {
        Ok(o) => o,
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {}: {}", e.file, e.message);
            }
            eprintln!("错误：测试文件有 {} 处问题；没有运行任何用例", errors.len());
            return EXIT_ERROR;
        }
    };
    let text = match args.format {
        TestFormat::Human => render::human(&outcome, args.coverage),
        TestFormat::Json => match serde_json::to_string_pretty(&outcome) {
            Ok(s) => s + "\n",
            Err(e) => {
                eprintln!("错误：无法生成测试结果的 JSON 输出：{e}");
                return EXIT_ERROR;
            }
        },
        TestFormat::Junit => render::junit(&outcome),
    };
    let below = match (args.min_coverage, &outcome.coverage) {
        (Some(min), Some(c)) if c.percent < min => {
            eprintln!("coverage {:.1}% is below the required {min}%", c.percent);
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
