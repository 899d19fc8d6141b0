//! `tiaoli eval FACTS`: which articles bind each unit, what it must do and by
//! when, what is overdue, which sanctions it faces from whom, and what is still
//! undetermined. Exit 0 nothing violated, 1 a violation, 3 undetermined, 2 errors.

use std::path::PathBuf;

use tiaoli_engine::report::{render_human, render_markdown};

use super::EXIT_ERROR;
use crate::stdout::{emit, emit_json};

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
    Yaml,
    Markdown,
    /// A standalone HTML report (the one `tiaoli serve` shows), styles inlined.
    Html,
    /// JSON Lines in, one compact record per unit out, streamed (docs/cli.md).
    Jsonl,
}

#[derive(clap::Args)]
pub struct Args {
    /// The facts file (YAML, JSON, or JSON Lines by extension; `-`: standard
    /// input — YAML or JSON, or JSON Lines with --format jsonl).
    pub facts: PathBuf,
    #[command(flatten)]
    pub select: Select,
    #[command(flatten)]
    pub common: super::EvalArgs,
    #[arg(long, value_enum, default_value = "human")]
    pub format: ReportFormat,
    #[command(flatten)]
    pub stream: super::eval_stream::StreamArgs,
}

/// Which units and results to show (`--unit`, `--status`).
#[derive(clap::Args)]
pub struct Select {
    /// Only these units (their ids; repeat or separate by commas).
    #[arg(long = "unit")]
    pub units: Vec<String>,
    /// Only results of these statuses (violated,triggered,unknown,pending,fulfilled,…).
    /// The exit code is still the whole evaluation's.
    #[arg(long)]
    pub status: Option<String>,
}

/// Evaluates the selected units, and keeps the results of the statuses asked
/// for; the exit code is taken before the status filter. Prints why not.
fn evaluate(
    engine: &tiaoli_engine::Engine,
    facts: tiaoli_engine::facts::FactsFile,
    opts: tiaoli_engine::Options,
    select: &Select,
) -> Option<(tiaoli_engine::Report, u8)> {
    let fail = |e: String| eprintln!("{}", super::error_line(&e));
    let statuses = match select
        .status
        .as_deref()
        .map(tiaoli_engine::filter::parse_statuses)
    {
        Some(Err(e)) => {
            fail(e);
            return None;
        }
        Some(Ok(s)) => Some(s),
        None => None,
    };
    let units = match tiaoli_engine::filter::select_units(facts.units, &select.units) {
        Ok(u) => u,
        Err(e) => {
            fail(e);
            return None;
        }
    };
    let mut report = engine.report(&units, opts);
    let code = report.exit_code();
    if let Some(s) = statuses {
        report.keep_statuses(&s);
    }
    Some((report, code))
}

pub fn run(args: Args) -> u8 {
    // A flag the chosen output does not read is an error, never ignored.
    let stream = matches!(args.format, ReportFormat::Jsonl);
    let misplaced = if stream {
        (!args.select.units.is_empty()).then(|| tiaoli_l10n::t!("cli-not-stream", flag = "--unit"))
    } else {
        [
            ("--with-text", args.stream.with_text),
            ("--fail-fast", args.stream.fail_fast),
            ("--threads", args.stream.threads.is_some()),
        ]
        .into_iter()
        .find(|(_, given)| *given)
        .map(|(flag, _)| tiaoli_l10n::t!("cli-stream-only", flag = flag))
    };
    if let Some(m) = misplaced {
        eprintln!("{}", super::error_line(&m));
        return EXIT_ERROR;
    }
    if stream {
        let statuses = match args
            .select
            .status
            .as_deref()
            .map(tiaoli_engine::filter::parse_statuses)
        {
            Some(Err(e)) => {
                eprintln!("{}", super::error_line(&e));
                return EXIT_ERROR;
            }
            Some(Ok(s)) => Some(s),
            None => None,
        };
        return super::eval_stream::run(&args.facts, &args.common, &args.stream, statuses);
    }
    let Some((engine, facts, opts)) = super::load_evaluation(&args.facts, &args.common) else {
        return EXIT_ERROR;
    };
    let Some((report, code)) = evaluate(engine, facts, opts, &args.select) else {
        return EXIT_ERROR;
    };
    match args.format {
        ReportFormat::Human => emit(&render_human(&report), code),
        ReportFormat::Markdown => emit(&render_markdown(&report), code),
        ReportFormat::Html => emit(&tiaoli_serve::html::standalone_report(&report), code),
        ReportFormat::Json => emit_json(&report, code),
        ReportFormat::Yaml => crate::stdout::emit_yaml(&report, code),
        ReportFormat::Jsonl => EXIT_ERROR,
    }
}
