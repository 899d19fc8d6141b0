//! `tiaoli lsp`: the language server, over standard input and output, for
//! editors (docs/editors.md). Exit 0 when the editor shut it down (`shutdown`,
//! then `exit`), 2 when the connection ended before that.

use super::{EXIT_ERROR, EXIT_OK};

#[derive(clap::Args)]
pub struct Args {
    /// Accepted for editors that pass it (the server always speaks over stdio).
    #[arg(long)]
    pub stdio: bool,
}

pub fn run(_args: Args) -> u8 {
    match tiaoli_lsp::serve_stdio(crate::embedded::EMBEDDED) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            let message = tiaoli_l10n::t!("lsp-stopped", error = e.to_string());
            eprintln!("{}", super::error_line(&message));
            EXIT_ERROR
        }
    }
}
