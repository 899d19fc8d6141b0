//! The bounds tiaoli keeps on what it reads, in one place (docs/cli.md, "Limits"):
//! periods and nesting (checked where the parser builds them, re-exported here),
//! and the size of an input file.

pub use tiaoli_syntax::limits::{
    max_period, period_error, period_within_bounds, MAX_DAYS, MAX_MONTHS, MAX_WORKING_DAYS,
    MAX_YEARS,
};
pub use tiaoli_syntax::nesting::MAX_NESTING;

/// The default bound on one input file (rules, facts, tests, texts to lift, a
/// calendar): 64 MiB. `TIAOLI_MAX_INPUT_BYTES` overrides it.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// The bound on one input file in force: `TIAOLI_MAX_INPUT_BYTES` if set to a
/// number, else [`DEFAULT_MAX_INPUT_BYTES`].
pub fn max_input_bytes() -> u64 {
    std::env::var("TIAOLI_MAX_INPUT_BYTES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_MAX_INPUT_BYTES)
}
