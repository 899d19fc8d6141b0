//! tiaoli-lsp: the language server (`tiaoli lsp`) and the TextMate grammar.
//!
//! The server translates the Language Server Protocol to the passes the rest
//! of tiaoli already has — the parser and formatter (tiaoli-syntax), the
//! compiler with its lexicon and name walk (tiaoli-compiler), the checks of
//! `tiaoli lint` — and adds no parser of its own. Positions are UTF-16 code
//! units ([`position`]). The TextMate grammar, for editors without the server,
//! is generated from the keyword tables ([`textmate`]).

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod completion;
pub mod config;
pub mod diagnostics;
pub mod hover;
pub mod navigate;
pub mod position;
pub mod semantic;
mod server;
pub mod symbols;
pub mod textmate;
pub mod workspace;

pub use config::{Config, LintLevel};
pub use server::{capabilities, run};
pub use workspace::Workspace;

use tiaoli_compiler::load::Embedded;

/// Why the server stopped before the client shut it down.
#[derive(Debug)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl From<lsp_server::ProtocolError> for Error {
    fn from(e: lsp_server::ProtocolError) -> Self {
        Error(format!("协议错误：{e}"))
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error(format!("消息格式错误：{e}"))
    }
}

impl<T> From<crossbeam_channel::SendError<T>> for Error {
    fn from(_: crossbeam_channel::SendError<T>) -> Self {
        Error("与编辑器的连接已断开".to_string())
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error(format!("输入输出错误：{e}"))
    }
}

/// Serves one editor over standard input and output, until it shuts the
/// server down. `embedded` is the binary's rule table: its lexicon serves a
/// workspace that has none.
pub fn serve_stdio(embedded: &'static [Embedded]) -> Result<(), Error> {
    let (connection, io) = lsp_server::Connection::stdio();
    run(connection, embedded)?;
    // Shut down as asked: the reader has stopped at `exit`; wait for the writer
    // to flush. (On an error, the threads end with the process.)
    io.join()?;
    Ok(())
}
