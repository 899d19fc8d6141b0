//! The one way every command writes its standard output (docs/cli.md, "Output").
//!
//! - A closed pipe (`tiaoli eval … | head -c 1`) is the reader's choice, not an
//!   error: the command ends quietly with the exit code it would have had.
//! - A failed write (`> /dev/full`, a disk full, an I/O error) is: a message
//!   on stderr, in the current language, and exit 2, since the output the caller asked for was
//!   not delivered.
//!
//! Commands build their output whole and hand it over once, with their code.

use std::io::{ErrorKind, Write};

use crate::cmd::{error_line, EXIT_ERROR};
use tiaoli_l10n::t;

/// Writes `text` to stdout and returns the exit code: `code` when it was
/// written (or the reader closed the pipe), 2 when it could not be written.
pub fn emit(text: &str, code: u8) -> u8 {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => code,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => code,
        Err(e) => {
            eprintln!(
                "{}",
                error_line(&t!("out-write-failed", error = describe(&e)))
            );
            EXIT_ERROR
        }
    }
}

/// Serialises `value` as pretty JSON with a final newline, and emits it.
pub fn emit_json<T: serde::Serialize>(value: &T, code: u8) -> u8 {
    match serde_json::to_string_pretty(value) {
        Ok(s) => emit(&(s + "\n"), code),
        Err(e) => {
            eprintln!(
                "{}",
                error_line(&t!("out-json-failed", error = e.to_string()))
            );
            EXIT_ERROR
        }
    }
}

/// Serialises `value` as YAML (through the one YAML module), and emits it.
pub fn emit_yaml<T: serde::Serialize>(value: &T, code: u8) -> u8 {
    match tiaoli_compiler::yaml::to_string(value) {
        Ok(s) => emit(&s, code),
        Err(e) => {
            eprintln!(
                "{}",
                error_line(&t!("out-yaml-failed", error = e.to_string()))
            );
            EXIT_ERROR
        }
    }
}

/// An I/O error in plain words of the current language, with the system's
/// words after it.
pub fn describe(e: &std::io::Error) -> String {
    tiaoli_l10n::io_error(e)
}
