//! tiaoli-engine: evaluates units' facts against the compiled evaluation graph.
//!
//! - [`date`], [`calendar`] and [`time`]: exact legal time — working days by the
//!   State Council's holiday schedule, periods, windows and durations by the
//!   procedural rules;
//! - [`facts`]: facts files (YAML, JSON, JSON Lines), validated against the lexicon;
//! - [`plan`]: the graph resolved once into integer ids;
//! - [`eval`]: the three-valued forward pass over the graph (never the AST), with
//!   the onset of every condition that holds;
//! - [`instances`]: one instance of a norm per occurrence of its trigger, and the
//!   actions that answer them;
//! - [`missing`], [`report`] and [`explain`]: results for people and machines;
//! - [`stream`]: JSON Lines one unit at a time, in memory that does not grow with the input,
//!   each record written by [`record`] straight from the evaluation;
//! - [`vocabulary`]: the facts, events and actions a unit's binding articles read;
//! - [`terms`]: the whole vocabulary, or a kind's, with the provisions using each
//!   term; ordinances found by id or title; a facts-file skeleton for one unit.

// Errors are returned on cold paths; their size does not matter.
#![allow(clippy::result_large_err)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod authority;
pub mod calendar;
pub mod date;
pub mod eval;
pub mod explain;
pub mod facts;
pub mod filter;
pub mod instances;
pub mod located;
pub mod missing;
pub mod place;
pub mod plan;
pub mod record;
pub mod render;
pub mod report;
pub mod stream;
pub mod terms;
pub mod time;
pub mod vocabulary;

pub use calendar::Calendar;
pub use date::Date;
pub use eval::{Options, Status, Tri};
pub use plan::Engine;
pub use report::Report;
