//! The bounds tiaoli keeps on what it reads, in one place (docs/cli.md, "Limits").
//!
//! Periods: no ordinance gives a period longer than a few years; a period past
//! 100 years is a typo or a hostile input, and would reach past the last date
//! the engine can represent (9999-12-31). The compiler rejects it with its
//! location; the engine, given one anyway, computes no due date rather than a
//! wrapped or clamped one.

use tiaoli_syntax::ast::TimeUnit;

/// 100 年.
pub const MAX_YEARS: u32 = 100;
/// 1,200 个月 (100 years).
pub const MAX_MONTHS: u32 = 1_200;
/// 36,525 日 (100 years).
pub const MAX_DAYS: u32 = 36_525;
/// 25,000 个工作日 (about 100 years of about 250 working days).
pub const MAX_WORKING_DAYS: u32 = 25_000;

/// The largest amount allowed for a unit.
pub fn max_period(unit: TimeUnit) -> u32 {
    match unit {
        TimeUnit::Days => MAX_DAYS,
        TimeUnit::WorkingDays => MAX_WORKING_DAYS,
        TimeUnit::Months => MAX_MONTHS,
        TimeUnit::Years => MAX_YEARS,
    }
}

pub fn period_within_bounds(amount: u32, unit: TimeUnit) -> bool {
    amount <= max_period(unit)
}

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

/// The error for a period past its bound, located at the period.
pub fn period_error(
    source: tiaoli_syntax::SourceId,
    d: &tiaoli_syntax::ast::Duration,
) -> Option<tiaoli_syntax::Diagnostic> {
    if period_within_bounds(d.amount, d.unit) {
        return None;
    }
    Some(
        tiaoli_syntax::Diagnostic::error(
            "period-too-long",
            source,
            d.span,
            format!(
                "期间过长：{} {} 超过 100 年的上限",
                d.amount,
                d.unit.zh()
            ),
        )
        .with_label(format!("最多 {} {}", max_period(d.unit), d.unit.zh()))
        .with_help(format!(
            "期间最长 100 年：{MAX_DAYS} 日、{MAX_WORKING_DAYS} 个工作日、{MAX_MONTHS} 个月或 {MAX_YEARS} 年；请核对条文中的数字"
        )),
    )
}
