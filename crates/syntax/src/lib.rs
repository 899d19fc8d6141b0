//! tiaoli-syntax: the pest grammar binding, the typed AST with spans, parse
//! diagnostics and the formatter. Knows nothing of facts or of the lexicon.

// Diagnostics are large and returned only on the error path, where their size
// costs nothing that matters; boxing them would only add noise.
#![allow(clippy::result_large_err)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

#[macro_use]
mod keyword_enum;
pub mod ast;
pub mod complete;
pub mod diag;
pub mod format;
pub mod keywords;
pub mod limits;
pub mod nesting;
mod parse;
pub mod render;
pub mod source;
pub mod tokens;

pub use diag::{Diagnostic, Severity};
pub use parse::{article_number, chinese_numeral, parse};
pub use source::{SourceId, SourceMap};
