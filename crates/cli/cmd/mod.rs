//! One file per subcommand, plus what they share: loading rules and printing
//! diagnostics.

pub mod check;
pub mod fmt;
pub mod graph;

use std::io::IsTerminal;
use std::path::PathBuf;

use tiaoli_compiler::load::load_sources;
use tiaoli_compiler::Compilation;
use tiaoli_syntax::render;

/// Exit codes (docs/cli.md).
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDING: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Loads and compiles the given paths, or the embedded rules when none is given.
/// On a load error, prints it and returns None.
pub fn compile(paths: &[PathBuf]) -> Option<Compilation> {
    match load_sources(paths, crate::embedded::EMBEDDED) {
        Ok(sources) => Some(tiaoli_compiler::compile(sources)),
        Err(e) => {
            eprintln!("{:?}", miette::Report::new(e));
            None
        }
    }
}

/// Prints diagnostics for people on stderr.
pub fn print_human(c: &Compilation) {
    if c.diagnostics.is_empty() {
        return;
    }
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    eprint!(
        "{}",
        render::render_human(&c.diagnostics, &c.sources, color)
    );
}

pub fn print_json<T: serde::Serialize>(value: &T) -> u8 {
    match serde_json::to_string_pretty(value) {
        Ok(s) => {
            println!("{s}");
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: cannot serialise the output: {e}");
            EXIT_ERROR
        }
    }
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum DiagFormat {
    Human,
    Json,
}
