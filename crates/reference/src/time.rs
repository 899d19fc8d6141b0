//! Legal time, as the semantics defines it: periods from an anchor (the next day;
//! corresponding days for months and years; a last day on a rest day moved to the
//! next working day), windows before the evaluation date, recurring periods.

use tiaoli_compiler::graph::{PeriodOut, Window};
use tiaoli_engine::eval::Tri;
use tiaoli_engine::{Calendar, Date};
use tiaoli_syntax::ast::{Direction, Periodic, TimeUnit};

/// Day arithmetic for the reference: the engine's checked arithmetic, held at
/// the ends of the calendar (generated cases stay far inside 0001..=9999, where
/// it is exact; the engine's own answer past the ends is "no last day").
pub(crate) trait Days: Sized {
    fn plus(self, n: i64) -> Date;
    fn plus_months(self, n: i64) -> Date;
    fn succ(self) -> Date {
        self.plus(1)
    }
    fn pred(self) -> Date {
        self.plus(-1)
    }
}

impl Days for Date {
    fn plus(self, n: i64) -> Date {
        self.add_days(n)
            .unwrap_or(if n < 0 { Date::MIN } else { Date::MAX })
    }
    fn plus_months(self, n: i64) -> Date {
        self.add_months(n)
            .unwrap_or(if n < 0 { Date::MIN } else { Date::MAX })
    }
}

/// The next working day on or after `d` (民法典 第二百零三条).
pub(crate) fn working_day_from(cal: &Calendar, d: Date) -> Date {
    let mut x = d;
    for _ in 0..366 {
        if cal.is_working_day(x) {
            return x;
        }
        x = x.succ();
    }
    x
}

/// The last day of a period of `n` `unit` from `anchor` (counted from the next
/// day; months and years to the corresponding day; a rest day ends it on the next
/// working day), or before it (counted back from the day before; never moved).
/// Returns the last day and the nominal one when it moved.
pub(crate) fn period(
    cal: &Calendar,
    anchor: Date,
    n: u32,
    unit: TimeUnit,
    dir: Direction,
) -> (Date, Option<Date>) {
    let back = dir == Direction::Before;
    if unit == TimeUnit::WorkingDays {
        let mut d = anchor;
        let mut left = n;
        while left > 0 {
            d = if back { d.pred() } else { d.succ() };
            if cal.is_working_day(d) {
                left -= 1;
            }
        }
        return (d, None);
    }
    let k = i64::from(n);
    let sign: i64 = if back { -1 } else { 1 };
    let nominal = match unit {
        TimeUnit::Days => anchor.plus(sign * k),
        TimeUnit::Months => anchor.plus_months(sign * k),
        _ => anchor.plus_months(sign * k * 12),
    };
    if back {
        return (nominal, None);
    }
    let last = working_day_from(cal, nominal);
    (last, (last != nominal).then_some(nominal))
}

pub(crate) fn period_end(cal: &Calendar, anchor: Date, p: &PeriodOut) -> Date {
    period(cal, anchor, p.amount, p.unit, Direction::From).0
}

/// Whether something dated `onset` lies within the window before `as_of`.
pub(crate) fn in_window(cal: &Calendar, onset: Date, w: &Window, as_of: Date) -> Tri {
    match w {
        Window::Shortly => Tri::Unknown,
        Window::Period { amount, unit } => Tri::from_bool(
            onset <= as_of && as_of <= period(cal, onset, *amount, *unit, Direction::From).0,
        ),
    }
}

/// The period of a recurring duty containing `d`.
pub(crate) fn period_of(p: Periodic, d: Date) -> (Date, Date) {
    let (y, m, _) = d.ymd();
    let (a, b) = match p {
        Periodic::Yearly => (1, 12),
        Periodic::HalfYearly if m <= 6 => (1, 6),
        Periodic::HalfYearly => (7, 12),
        Periodic::Quarterly => ((m - 1) / 3 * 3 + 1, (m - 1) / 3 * 3 + 3),
        Periodic::Monthly => (m, m),
    };
    let start = Date::from_ymd(y, a, 1).unwrap_or(d);
    let end = Date::from_ymd(y, b, 1).unwrap_or(d).end_of_month();
    (start, end)
}
