//! Bounds on periods (docs/cli.md, "Limits").
//!
//! No ordinance gives a period longer than a few years; a period past 100 years
//! is a typo or a hostile input, and would reach past the last date the engine
//! can represent (9999-12-31). The parser rejects it where it builds the
//! period, with its location, so that every period in any construct is bounded;
//! the engine, given one anyway, computes no due date rather than a wrapped or
//! clamped one.

use crate::ast::{Duration, TimeUnit};
use crate::diag::Diagnostic;
use crate::source::SourceId;
use tiaoli_l10n::t;

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

/// The error for a period past its bound, located at the period.
pub fn period_error(source: SourceId, d: &Duration) -> Option<Diagnostic> {
    if period_within_bounds(d.amount, d.unit) {
        return None;
    }
    Some(
        Diagnostic::error(
            "period-too-long",
            source,
            d.span,
            t!("syn-period-too-long", amount = d.amount, unit = d.unit.zh()),
        )
        .with_label(t!(
            "syn-period-too-long-label",
            max = max_period(d.unit),
            unit = d.unit.zh()
        ))
        .with_help(t!(
            "syn-period-too-long-help",
            days = MAX_DAYS,
            working = MAX_WORKING_DAYS,
            months = MAX_MONTHS,
            years = MAX_YEARS
        )),
    )
}
