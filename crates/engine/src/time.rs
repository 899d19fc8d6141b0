//! Legal time as evaluation uses it: periods from an anchor, windows before the
//! evaluation date, durations of measures, recurring periods (每年, 每季度 …).
//!
//! Every period follows the same rules (docs/facts-and-results.md): it starts the
//! day after its anchor (民法典 第二百零一条), months and years end on the
//! corresponding day (第二百零二条), and a last day that is a rest day moves to the
//! next working day (第二百零三条). Working days follow the calendar.

use tiaoli_compiler::graph::{PeriodOut, Window};
use tiaoli_syntax::ast::{Direction, Periodic, TimeUnit};

use crate::calendar::Due;
use crate::date::Date;
use crate::eval::Tri;
use crate::plan::Engine;

impl Engine {
    /// The last day of a period of `amount` `unit` from `anchor`. None when it
    /// has no last day within the calendar (past 9999-12-31, or a period past
    /// the bounds the compiler enforces): such a period has not ended on any
    /// date that can be evaluated. Never a wrapped or clamped date.
    pub(crate) fn period_end(
        &self,
        anchor: Date,
        amount: u32,
        unit: TimeUnit,
        direction: Direction,
    ) -> Option<Due> {
        self.calendar.period(anchor, amount, unit, direction)
    }

    /// The last day of a period given by the rules (为期 1 年, 期满 30 日); None
    /// as for [`Engine::period_end`].
    pub(crate) fn period_out_end(&self, anchor: Date, p: &PeriodOut) -> Option<Date> {
        self.period_end(anchor, p.amount, p.unit, Direction::From)
            .map(|d| d.date)
    }

    /// A deadline set by an order or an occurrence: a last day on a rest day moves
    /// to the next working day. None when there is none before 9999-12-31.
    pub(crate) fn order_end(&self, deadline: Date) -> Option<Date> {
        self.calendar.extend_to_working_day(deadline)
    }

    /// Whether something dated `onset` lies within the window before `as_of`:
    /// the window is a period counted from the onset, and `as_of` falls on or
    /// before its last day. 较短时间内 gives no period: unknown.
    pub(crate) fn in_window(&self, onset: Date, w: &Window, as_of: Date) -> Tri {
        match w {
            Window::Shortly => Tri::Unknown,
            Window::Period { amount, unit } => {
                if onset > as_of {
                    return Tri::False;
                }
                match self.period_end(onset, *amount, *unit, Direction::From) {
                    Some(end) => Tri::from_bool(as_of <= end.date),
                    // The window ends past the last date: as_of is inside it.
                    None => Tri::True,
                }
            }
        }
    }
}

/// The period of a recurring duty that contains `d`: (first day, last day).
pub(crate) fn period_containing(period: Periodic, d: Date) -> Option<(Date, Date)> {
    let (y, m, _) = d.ymd();
    let (from_month, to_month) = match period {
        Periodic::Yearly => (1, 12),
        Periodic::HalfYearly => {
            if m <= 6 {
                (1, 6)
            } else {
                (7, 12)
            }
        }
        Periodic::Quarterly => {
            let q = (m - 1) / 3;
            (q * 3 + 1, q * 3 + 3)
        }
        Periodic::Monthly => (m, m),
    };
    let start = Date::from_ymd(y, from_month, 1)?;
    let end = Date::from_ymd(y, to_month, 1)?.end_of_month();
    Some((start, end))
}

/// A recurring period as a reader names it: 2025年, 2025年上半年, 2025年第一季度, 2025年3月.
pub fn period_label(period: Periodic, start: Date) -> String {
    let (y, m, _) = start.ymd();
    match period {
        Periodic::Yearly => format!("{y}年"),
        Periodic::HalfYearly => {
            if m <= 6 {
                format!("{y}年上半年")
            } else {
                format!("{y}年下半年")
            }
        }
        Periodic::Quarterly => {
            let q = ["一", "二", "三", "四"];
            let i = ((m - 1) / 3) as usize;
            format!("{y}年第{}季度", q.get(i).copied().unwrap_or("?"))
        }
        Periodic::Monthly => format!("{y}年{m}月"),
    }
}
