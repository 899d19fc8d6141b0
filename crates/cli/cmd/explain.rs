//! `tiaoli explain FACTS --unit ID --article 第四十六条`: why, and why not.

use std::path::PathBuf;

use super::{EXIT_ERROR, EXIT_OK};

#[derive(clap::Args)]
pub struct Args {
    /// The facts file (YAML, JSON, or JSON Lines by extension).
    pub facts: PathBuf,
    /// The unit to explain (its id in the facts file).
    #[arg(long)]
    pub unit: String,
    /// The article: 46, 第46条 or 第四十六条.
    #[arg(long)]
    pub article: String,
    /// The ordinance, by id, when several have the article.
    #[arg(long)]
    pub ordinance: Option<String>,
    /// One instance of each norm only: its label as eval prints it (an occurrence id,
    /// a date, a period such as 2025年).
    #[arg(long)]
    pub instance: Option<String>,
    #[command(flatten)]
    pub common: super::EvalArgs,
}

pub fn run(args: Args) -> u8 {
    let Some(article) = super::graph::parse_article(&args.article) else {
        eprintln!(
            "error: “{}” is not an article number (write 46 or 第四十六条)",
            args.article
        );
        return EXIT_ERROR;
    };
    let Some((engine, facts, opts)) = super::load_evaluation(&args.facts, &args.common) else {
        return EXIT_ERROR;
    };
    let Some(unit) = facts.units.iter().find(|u| u.id == args.unit) else {
        let ids: Vec<&str> = facts.units.iter().map(|u| u.id.as_str()).collect();
        let hint = tiaoli_syntax::diag::did_you_mean(&args.unit, ids.iter().copied())
            .map(|s| format!(" — did you mean “{s}”?"))
            .unwrap_or_default();
        eprintln!(
            "error: no unit “{}” in {}{hint} (units: {})",
            args.unit,
            args.facts.display(),
            ids.join(", ")
        );
        return EXIT_ERROR;
    };
    let ev = engine.evaluate(unit, opts);
    match engine.explain_instance(
        &ev,
        args.ordinance.as_deref(),
        article,
        args.instance.as_deref(),
        opts,
    ) {
        Ok(text) => crate::stdout::emit(&text, EXIT_OK),
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_ERROR
        }
    }
}
