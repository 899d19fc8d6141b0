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
    /// The ordinance to draw, by id (e.g. haidong); needed when several are loaded.
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
        eprintln!("error: the rules do not compile; no graph drawn");
        return EXIT_ERROR;
    }
    let article = match &args.article {
        None => None,
        Some(s) => match parse_article(s) {
            Some(n) => Some(n),
            None => {
                eprintln!("error: “{s}” is not an article number (write 46 or 第四十六条)");
                return EXIT_ERROR;
            }
        },
    };
    let ords = &c.graph.ordinances;
    let chosen: Vec<_> = match &args.ordinance {
        Some(id) => ords
            .iter()
            .filter(|o| o.id.eq_ignore_ascii_case(id))
            .collect(),
        None => ords.iter().collect(),
    };
    if chosen.is_empty() {
        let ids: Vec<&str> = ords.iter().map(|o| o.id.as_str()).collect();
        eprintln!(
            "error: no ordinance “{}”; loaded: {}",
            args.ordinance.unwrap_or_default(),
            ids.join(", ")
        );
        return EXIT_ERROR;
    }
    if let Some(n) = article {
        if let Some(o) = chosen
            .iter()
            .find(|o| !o.articles.iter().any(|a| a.number == n))
        {
            eprintln!("error: {} has no article {n}", o.id);
            return EXIT_ERROR;
        }
    }
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
                let ids: Vec<&str> = chosen.iter().map(|o| o.id.as_str()).collect();
                eprintln!(
                    "error: several ordinances are loaded ({}); choose one with --ordinance",
                    ids.join(", ")
                );
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
