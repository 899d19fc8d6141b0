//! `tiaoli template --kind K --region R [--level L] [--role R]`: a facts file
//! for one unit that loads as it is, with every fact, event and action the
//! articles that do or may bind it read, commented out under the provisions
//! that need them. Exit 0, or 2 for an unknown kind, region, level or role.

use super::{EXIT_ERROR, EXIT_OK};
use crate::stdout::emit;

#[derive(clap::Args)]
pub struct Args {
    /// The unit's actor kind (e.g. 公安部门).
    #[arg(long)]
    pub kind: String,
    /// The unit's region (e.g. 海东市/平安区).
    #[arg(long)]
    pub region: String,
    /// The unit's level (省, 市, 州, 县, 乡, 村), where its kind does not fix it.
    #[arg(long)]
    pub level: Option<String>,
    /// The unit's roles (e.g. 平安建设成员单位).
    #[arg(long = "role")]
    pub roles: Vec<String>,
    /// The evaluation date written in the file (default: today in China, UTC+8).
    #[arg(long)]
    pub as_of: Option<String>,
    /// Include the articles of drafts (代拟稿, 草案, 征求意见稿).
    #[arg(long)]
    pub drafts: bool,
    /// Rule files or directories (default: the rules embedded in the binary).
    #[arg(long = "rules")]
    pub rules: Vec<std::path::PathBuf>,
}

pub fn run(args: Args) -> u8 {
    let as_of = match args.as_of.as_deref() {
        Some(s) => super::as_of(Some(s), None, ""),
        None => Some(super::today()),
    };
    let Some(as_of) = as_of else {
        return EXIT_ERROR;
    };
    let Some(engine) = super::load_engine(&args.rules, None) else {
        return EXIT_ERROR;
    };
    let req = tiaoli_engine::terms::TemplateRequest {
        kind: args.kind,
        region: args.region,
        level: args.level,
        roles: args.roles,
    };
    let opts = tiaoli_engine::Options {
        as_of,
        drafts: args.drafts,
    };
    match engine.template(&req, opts) {
        Ok(text) => emit(&text, EXIT_OK),
        Err(errors) => {
            for e in &errors {
                eprintln!("{}", super::error_line(&e.to_string()));
            }
            EXIT_ERROR
        }
    }
}
