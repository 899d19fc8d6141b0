//! The one way every command writes its standard output (docs/cli.md, "Output").
//!
//! - A closed pipe (`tiaoli eval … | head -c 1`) is the reader's choice, not an
//!   error: the command ends quietly with the exit code it would have had.
//! - A failed write (`> /dev/full`, a disk full, an I/O error) is: a Chinese
//!   message on stderr and exit 2, since the output the caller asked for was
//!   not delivered.
//!
//! Commands build their output whole and hand it over once, with their code.

use std::io::{ErrorKind, Write};

use crate::cmd::EXIT_ERROR;

/// Writes `text` to stdout and returns the exit code: `code` when it was
/// written (or the reader closed the pipe), 2 when it could not be written.
pub fn emit(text: &str, code: u8) -> u8 {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => code,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => code,
        Err(e) => {
            eprintln!("错误：无法写出标准输出（{}）；输出不完整", describe(&e));
            EXIT_ERROR
        }
    }
}

/// Serialises `value` as pretty JSON with a final newline, and emits it.
pub fn emit_json<T: serde::Serialize>(value: &T, code: u8) -> u8 {
    match serde_json::to_string_pretty(value) {
        Ok(s) => emit(&(s + "\n"), code),
        Err(e) => {
            eprintln!("错误：无法生成 JSON 输出：{e}");
            EXIT_ERROR
        }
    }
}

/// Serialises `value` as YAML (through the one YAML module), and emits it.
pub fn emit_yaml<T: serde::Serialize>(value: &T, code: u8) -> u8 {
    match tiaoli_compiler::yaml::to_string(value) {
        Ok(s) => emit(&s, code),
        Err(e) => {
            eprintln!("错误：无法生成 YAML 输出：{e}");
            EXIT_ERROR
        }
    }
}

/// An I/O error in plain Chinese, with the system's words after it.
pub fn describe(e: &std::io::Error) -> String {
    let what = match e.kind() {
        ErrorKind::StorageFull => "磁盘已满",
        ErrorKind::PermissionDenied => "没有权限",
        ErrorKind::NotFound => "不存在",
        ErrorKind::BrokenPipe => "管道已关闭",
        ErrorKind::ReadOnlyFilesystem => "文件系统只读",
        ErrorKind::IsADirectory => "是一个目录",
        ErrorKind::AlreadyExists => "已存在",
        _ => "输入输出错误",
    };
    format!("{what}：{e}")
}
