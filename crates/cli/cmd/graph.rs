//! `tiaoli graph [PATH…] [--ordinance ID] [--article N] [--format dot|mermaid|json|yaml]`.

use std::path::PathBuf;

use tiaoli_compiler::view;

use super::{EXIT_ERROR, EXIT_OK};

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum GraphFormat {
    Dot,
    Mermaid,
    Json,
    Yaml,
}

#[derive(clap::Args)]
pub struct Args {
    /// Rule files or directories (default: the rules embedded in the binary).
    pub paths: Vec<PathBuf>,
    /// The ordinance to draw: its id, title or a part of the title (haidong, 海东); needed
    /// when several are loaded, unless --article names an article only one has.
    #[arg(long)]
    pub ordinance: Option<String>,
    /// Only this article and what it depends on: 46 or 第四十六条.
    #[arg(long)]
    pub article: Option<String>,
    #[arg(long, value_enum, default_value = "dot")]
    pub format: GraphFormat,
}

/// 46, 第46条, 第四十六条, 四十六 → 46.
pub fn parse_article(s: &str) -> Option<u32> {
    tiaoli_syntax::article_number(s)
}

pub fn run(args: Args) -> u8 {
    let Some(c) = super::compile(&args.paths) else {
        return EXIT_ERROR;
    };
    if c.has_errors() {
        super::print_human(&c);
        eprintln!(
            "{}",
            super::error_line(&tiaoli_l10n::t!("graph-rules-do-not-compile"))
        );
        return EXIT_ERROR;
    }
    let article = match &args.article {
        None => None,
        Some(s) => match parse_article(s) {
            Some(n) => Some(n),
            None => {
                eprintln!(
                    "{}",
                    super::error_line(&tiaoli_l10n::t!("cli-not-article", given = s.as_str()))
                );
                return EXIT_ERROR;
            }
        },
    };
    let ords = &c.graph.ordinances;
    let chosen: Vec<_> = match (article, &args.ordinance) {
        // With an article: the ordinance named, or those that have it.
        (Some(n), o) => match tiaoli_engine::terms::with_article(&c.graph, o.as_deref(), n) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("{}", super::error_line(&e));
                return EXIT_ERROR;
            }
        },
        (None, Some(name)) => match tiaoli_engine::terms::find_ordinance(&c.graph, name) {
            Ok(o) => vec![o],
            Err(e) => {
                eprintln!("{}", super::error_line(&e));
                return EXIT_ERROR;
            }
        },
        (None, None) => ords.iter().collect(),
    };
    match args.format {
        GraphFormat::Json | GraphFormat::Yaml => {
            let mut g = c.graph.clone();
            g.ordinances.retain(|o| chosen.iter().any(|c| c.id == o.id));
            if matches!(args.format, GraphFormat::Json) {
                return crate::stdout::emit_json(&g, EXIT_OK);
            }
            crate::stdout::emit_yaml(&g, EXIT_OK)
        }
        GraphFormat::Dot | GraphFormat::Mermaid => {
            if chosen.len() > 1 {
                let ids: Vec<String> = chosen
                    .iter()
                    .map(|o| format!("{}（《{}》）", o.id, o.title))
                    .collect();
                let message = match article {
                    Some(n) => {
                        tiaoli_l10n::t!("article-several", article = n, list = ids.join("、"))
                    }
                    None => tiaoli_l10n::t!("graph-several", list = ids.join("、")),
                };
                eprintln!("{}", super::error_line(&message));
                return EXIT_ERROR;
            }
            let mut out = String::new();
            for o in chosen {
                out.push_str(&if matches!(args.format, GraphFormat::Dot) {
                    view::to_dot(o, article)
                } else {
                    view::to_mermaid(o, article)
                });
            }
            crate::stdout::emit(&out, EXIT_OK)
        }
    }
}
