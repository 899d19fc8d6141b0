//! tiaoli-engine: evaluates units' facts against the compiled evaluation graph.
//!
//! - [`date`] and [`calendar`]: exact legal time — working days by the State
//!   Council's holiday schedule, periods by the procedural rules;
//! - [`facts`]: facts files (YAML, JSON, JSON Lines), validated against the lexicon;
//! - [`eval`]: the three-valued evaluation over the graph (never the AST);
//! - [`report`] and [`explain`]: results for people and machines.

// Errors are returned on cold paths; their size does not matter.
#![allow(clippy::result_large_err)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod calendar;
pub mod date;
pub mod eval;
pub mod explain;
pub mod facts;
pub mod report;

pub use calendar::Calendar;
pub use date::Date;
pub use eval::{Engine, Options, Status, Tri};
pub use report::Report;
