//! `tiaoli terms [--kind K] [--role R] [--ordinance O]`: the actor kinds,
//! roles, facts (with their values), events (with their attributes), actions
//! and sanctions the rules know, each with the provisions that use it; with
//! `--kind`, only those of the articles binding that kind. Exit 0, or 2 for an
//! unknown kind, role or ordinance.

use std::path::PathBuf;

use super::{EXIT_ERROR, EXIT_OK};
use crate::stdout::{emit, emit_json};

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum TermsFormat {
    Human,
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// Only the terms of the articles binding this actor kind (e.g. 公安部门).
    #[arg(long)]
    pub kind: Option<String>,
    /// With --kind: also the articles binding these roles (e.g. 平安建设成员单位).
    #[arg(long = "role")]
    pub roles: Vec<String>,
    /// Only this ordinance: its id, title or a part of the title naming it alone (海东).
    #[arg(long)]
    pub ordinance: Option<String>,
    /// Rule files or directories (default: the rules embedded in the binary).
    #[arg(long = "rules")]
    pub rules: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: TermsFormat,
}

pub fn run(args: Args) -> u8 {
    let Some(engine) = super::load_engine(&args.rules, None) else {
        return EXIT_ERROR;
    };
    match engine.terms(args.kind.as_deref(), &args.roles, args.ordinance.as_deref()) {
        Ok(terms) => match args.format {
            TermsFormat::Human => emit(&engine.render_terms(&terms), EXIT_OK),
            TermsFormat::Json => emit_json(&terms, EXIT_OK),
        },
        Err(e) => {
            eprintln!("{}", super::error_line(&e));
            EXIT_ERROR
        }
    }
}
