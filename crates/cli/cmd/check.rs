//! `tiaoli check [PATH…]`: parse and compile; exit 0 when clean, 2 on errors.
//! It also compares each article's text with its encoding (tiaoli-textcheck):
//! a mismatch no inline allow explains is a warning (`--deny-warnings` fails).

use std::path::PathBuf;
use tiaoli_l10n::t;

use serde::Serialize;
use tiaoli_compiler::graph::Node;
use tiaoli_syntax::render;

use super::{DiagFormat, EXIT_ERROR, EXIT_OK};

#[derive(clap::Args)]
pub struct Args {
    /// Rule files or directories (default: the rules embedded in the binary).
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: DiagFormat,
    /// Treat warnings as errors.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Serialize)]
struct Summary<'a> {
    ok: bool,
    files: usize,
    ordinances: Vec<OrdinanceSummary<'a>>,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<render::JsonDiagnostic>,
    /// Where an article's text and its encoding disagree, with no reading recorded.
    agreement: Vec<&'a tiaoli_textcheck::Mismatch>,
}

#[derive(Serialize)]
struct OrdinanceSummary<'a> {
    id: &'a str,
    title: &'a str,
    articles: usize,
    norms: usize,
    consequences: usize,
}

pub fn run(args: Args) -> u8 {
    let Some(c) = super::compile(&args.paths) else {
        return EXIT_ERROR;
    };
    // Text ⇄ rule agreement: the mismatches no inline allow explains.
    let checker = tiaoli_textcheck::Checker::new(&c.graph.lexicon);
    let per: Vec<Vec<tiaoli_textcheck::Mismatch>> = if c.has_errors() {
        Vec::new()
    } else {
        c.graph
            .ordinances
            .iter()
            .map(|o| checker.agreement(o))
            .collect()
    };
    let mut open: Vec<(&str, &tiaoli_textcheck::Mismatch)> = Vec::new();
    for (o, ms) in c.graph.ordinances.iter().zip(&per) {
        for g in tiaoli_textcheck::grouped(ms) {
            if tiaoli_textcheck::explained(o, &g).is_none() {
                open.extend(g.into_iter().map(|m| (o.id.as_str(), m)));
            }
        }
    }
    let warnings = c.warnings() + open.len();
    let failed = c.has_errors() || (args.deny_warnings && warnings > 0);
    let code = if failed { EXIT_ERROR } else { EXIT_OK };
    let ordinances: Vec<OrdinanceSummary> = c
        .graph
        .ordinances
        .iter()
        .map(|o| OrdinanceSummary {
            id: &o.id,
            title: &o.title,
            articles: o.articles.len(),
            norms: o
                .nodes
                .iter()
                .filter(|n| matches!(n, Node::Norm(_)))
                .count(),
            consequences: o
                .nodes
                .iter()
                .filter(|n| matches!(n, Node::Consequence(_)))
                .count(),
        })
        .collect();
    match args.format {
        DiagFormat::Json => {
            let s = Summary {
                ok: !failed,
                files: c.sources.len(),
                ordinances,
                errors: c.errors(),
                warnings,
                diagnostics: render::to_json(&c.diagnostics, &c.sources),
                agreement: open.iter().map(|(_, m)| *m).collect(),
            };
            crate::stdout::emit_json(&s, code)
        }
        DiagFormat::Human => {
            super::print_human(&c);
            let mut out = String::new();
            for (id, m) in &open {
                out.push_str(&t!(
                    "check-agreement",
                    code = m.check.code(),
                    name = m.check.name(),
                    at = format!("{}:{}:{}", m.loc.file, m.loc.line, m.loc.column),
                    article = &m.article_cite,
                    ordinance = *id
                ));
                out.push_str(&format!("\n  {}\n\n", m.message()));
            }
            for o in &ordinances {
                out.push_str(&t!(
                    "check-ordinance",
                    id = o.id,
                    title = o.title,
                    articles = o.articles,
                    norms = o.norms,
                    consequences = o.consequences
                ));
                out.push('\n');
            }
            out.push_str(&t!(
                "check-summary",
                files = c.sources.len(),
                errors = c.errors(),
                warnings = warnings
            ));
            out.push('\n');
            crate::stdout::emit(&out, code)
        }
    }
}
