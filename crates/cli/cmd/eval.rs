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
    /// input, with --format jsonl).
    pub facts: PathBuf,
    #[command(flatten)]
    pub common: super::EvalArgs,
    #[arg(long, value_enum, default_value = "human")]
    pub format: ReportFormat,
    #[command(flatten)]
    pub stream: super::eval_stream::StreamArgs,
}

pub fn run(args: Args) -> u8 {
    if let ReportFormat::Jsonl = args.format {
        return super::eval_stream::run(&args.facts, &args.common, &args.stream);
    }
    let Some((engine, facts, opts)) = super::load_evaluation(&args.facts, &args.common) else {
        return EXIT_ERROR;
    };
    let report = engine.report(&facts.units, opts);
    let code = report.exit_code();
    match args.format {
        ReportFormat::Human => emit(&render_human(&report), code),
        ReportFormat::Markdown => emit(&render_markdown(&report), code),
        ReportFormat::Html => emit(&tiaoli_serve::html::standalone_report(&report), code),
        ReportFormat::Json => emit_json(&report, code),
        ReportFormat::Yaml => crate::stdout::emit_yaml(&report, code),
        ReportFormat::Jsonl => EXIT_ERROR,
    }
}
