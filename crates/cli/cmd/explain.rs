//! `tiaoli explain FACTS --unit ID --article 第四十六条`: why, and why not.

use std::path::PathBuf;

use super::{EXIT_ERROR, EXIT_OK};

#[derive(clap::Args)]
pub struct Args {
    /// The facts file (YAML, JSON, or JSON Lines by extension; `-`: standard input).
    pub facts: PathBuf,
    /// The unit to explain (its id in the facts file).
    #[arg(long)]
    pub unit: String,
    /// The article: 46, 第46条 or 第四十六条.
    #[arg(long)]
    pub article: String,
    /// The ordinance, when several have the article: its id, title or a part of the title.
    #[arg(long)]
    pub ordinance: Option<String>,
    /// human (the explanation) or json (it, with the article's results as eval gives them).
    #[arg(long, value_enum, default_value = "human")]
    pub format: super::terms::TermsFormat,
    /// One instance of each norm only: its label as eval prints it (an occurrence id,
    /// a date, a period such as 2025年).
    #[arg(long)]
    pub instance: Option<String>,
    #[command(flatten)]
    pub common: super::EvalArgs,
}

pub fn run(args: Args) -> u8 {
    let Some(article) = super::graph::parse_article(&args.article) else {
        let message = tiaoli_l10n::t!("cli-not-article", given = args.article.as_str());
        eprintln!("{}", super::error_line(&message));
        return EXIT_ERROR;
    };
    let Some((engine, facts, opts)) = super::load_evaluation(&args.facts, &args.common) else {
        return EXIT_ERROR;
    };
    // An article no ordinance has, or an unknown ordinance, is an error (did-you-mean).
    let ordinance =
        match tiaoli_engine::terms::with_article(&engine.graph, args.ordinance.as_deref(), article)
        {
            Ok(ords) => args
                .ordinance
                .as_ref()
                .and_then(|_| ords.first().map(|o| o.id.clone())),
            Err(e) => {
                eprintln!("{}", super::error_line(&e));
                return EXIT_ERROR;
            }
        };
    let units =
        match tiaoli_engine::filter::select_units(facts.units, std::slice::from_ref(&args.unit)) {
            Ok(u) => u,
            Err(e) => {
                eprintln!("{}", super::error_line(&e));
                return EXIT_ERROR;
            }
        };
    let Some(unit) = units.first() else {
        return EXIT_ERROR;
    };
    let ev = engine.evaluate(unit, opts);
    let (ordinance, instance) = (ordinance.as_deref(), args.instance.as_deref());
    let done = match args.format {
        super::terms::TermsFormat::Human => engine
            .explain_instance(&ev, ordinance, article, instance, opts)
            .map(|text| crate::stdout::emit(&text, EXIT_OK)),
        super::terms::TermsFormat::Json => engine
            .explanation(&ev, ordinance, article, instance, opts)
            .map(|x| crate::stdout::emit_json(&x, EXIT_OK)),
    };
    done.unwrap_or_else(|e| {
        eprintln!("{}", super::error_line(&e));
        EXIT_ERROR
    })
}
