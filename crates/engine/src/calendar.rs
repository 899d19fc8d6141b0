//! Legal time: working days by the State Council's holiday schedule (make-up
//! working days included), and periods counted by the procedural rules.
//!
//! - A period counts from the day after its anchor (民法典 第二百零一条; 民事诉讼法
//!   第八十五条: 期间开始的时和日，不计算在期间内).
//! - A period in months or years ends on the corresponding day of the last month,
//!   or that month's last day where it has none (民法典 第二百零二条).
//! - A period whose last day is a rest day ends on the next working day
//!   (民法典 第二百零三条; 民事诉讼法 第八十五条).
//! - N 个工作日 counts working days only, from the day after the anchor.
//! - A period *before* an event (提前五个工作日公布) counts back from the day before
//!   the event; it is never extended, since that would shorten the notice.

use std::collections::BTreeSet;

use serde::Deserialize;
use tiaoli_l10n::t;
use tiaoli_syntax::ast::{Direction, TimeUnit};

use crate::date::Date;
use tiaoli_compiler::limits;

/// The longest run of rest days a schedule may declare (weekends included): the
/// longest real one is 春节 2020, extended to 17 days.
const MAX_REST_RUN: i64 = 31;

/// The schedule shipped with tiaoli (rules/calendar/cn-mainland.yaml).
pub const DEFAULT_CALENDAR: &str = include_str!("../../../rules/calendar/cn-mainland.yaml");

#[derive(Clone, Debug, Default)]
pub struct Calendar {
    pub name: String,
    rest: BTreeSet<Date>,
    work: BTreeSet<Date>,
    years: BTreeSet<i32>,
}

/// A calendar file that is not one, in the language of the run.
#[derive(Debug)]
pub struct CalendarError {
    pub file: String,
    pub message: String,
}

impl std::fmt::Display for CalendarError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&t!(
            "calendar-error",
            file = self.file.as_str(),
            message = self.message.as_str()
        ))
    }
}

impl std::error::Error for CalendarError {}

impl miette::Diagnostic for CalendarError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new("tiaoli::calendar"))
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(t!("calendar-help")))
    }
}

#[derive(Deserialize)]
struct RawCalendar {
    name: String,
    years: std::collections::BTreeMap<i32, RawYear>,
}

#[derive(Deserialize)]
struct RawYear {
    #[serde(default)]
    rest: Vec<String>,
    #[serde(default)]
    work: Vec<String>,
}

/// How a due date was reached, for explanations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    pub date: Date,
    /// The nominal last day, when it was a rest day and the period was extended.
    pub extended_from: Option<Date>,
}

impl Calendar {
    pub fn default_schedule() -> Result<Calendar, CalendarError> {
        Calendar::parse("rules/calendar/cn-mainland.yaml", DEFAULT_CALENDAR)
    }

    pub fn parse(file: &str, text: &str) -> Result<Calendar, CalendarError> {
        let err = |message: String| CalendarError {
            file: file.to_string(),
            message,
        };
        let raw: RawCalendar = tiaoli_compiler::yaml::from_str(text).map_err(|e| {
            err(match e.line {
                Some(l) => t!("calendar-line", line = l.to_string(), message = e.message),
                None => e.message,
            })
        })?;
        let mut cal = Calendar {
            name: raw.name,
            ..Calendar::default()
        };
        for (year, y) in raw.years {
            cal.years.insert(year);
            for (list, set) in [(&y.rest, &mut cal.rest), (&y.work, &mut cal.work)] {
                for item in list {
                    let (a, b) = match item.split_once("..") {
                        Some((a, b)) => (a, b),
                        None => (item.as_str(), item.as_str()),
                    };
                    let (Some(a), Some(b)) = (Date::parse(a.trim()), Date::parse(b.trim())) else {
                        return Err(err(t!(
                            "calendar-not-a-date",
                            year = year.to_string(),
                            item = item.as_str()
                        )));
                    };
                    if b < a || a.days_until(b) > 31 {
                        return Err(err(t!(
                            "calendar-implausible",
                            year = year.to_string(),
                            item = item.as_str()
                        )));
                    }
                    let mut d = Some(a);
                    while let Some(day) = d.filter(|day| *day <= b) {
                        set.insert(day);
                        d = day.next();
                    }
                }
            }
        }
        if let Some(both) = cal.rest.intersection(&cal.work).next() {
            return Err(err(t!("calendar-both", date = both.to_string())));
        }
        // Every rest day is followed by a working day within MAX_REST_RUN days, so
        // that moving a last day to the next working day is a short, bounded walk.
        for r in &cal.rest {
            if cal.next_working_day_from(*r).is_none() && r.add_days(MAX_REST_RUN).is_some() {
                return Err(err(t!(
                    "calendar-too-long",
                    date = r.to_string(),
                    max = MAX_REST_RUN.to_string()
                )));
            }
        }
        Ok(cal)
    }

    /// Whether the schedule covers this date's year (otherwise only weekends count).
    pub fn covers(&self, d: Date) -> bool {
        self.years.contains(&d.year())
    }

    pub fn covered_years(&self) -> impl Iterator<Item = &i32> {
        self.years.iter()
    }

    pub fn is_working_day(&self, d: Date) -> bool {
        if self.work.contains(&d) {
            return true;
        }
        if self.rest.contains(&d) {
            return false;
        }
        !d.weekday().is_weekend()
    }
    /// A last day on a rest day moves to the next working day (民法典 第二百零三条).
    /// None only when there is no working day before the end of the calendar
    /// (9999-12-31).
    pub fn extend_to_working_day(&self, d: Date) -> Option<Date> {
        self.next_working_day_from(d)
    }

    fn next_working_day_from(&self, mut d: Date) -> Option<Date> {
        for _ in 0..=MAX_REST_RUN {
            if self.is_working_day(d) {
                return Some(d);
            }
            d = d.next()?;
        }
        None
    }

    /// The `amount`-th working day after (`step` 1) or before (`step` -1) `anchor`,
    /// not counting the anchor. The walk is bounded: amounts beyond
    /// [`tiaoli_compiler::limits::MAX_WORKING_DAYS`] give None, as does a walk
    /// past either end of the calendar.
    fn working_days(&self, anchor: Date, amount: u32, step: i64) -> Option<Date> {
        if amount > limits::MAX_WORKING_DAYS {
            return None;
        }
        let mut d = anchor;
        let mut left = amount;
        while left > 0 {
            d = d.add_days(step)?;
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        Some(d)
    }

    /// The last day of a period of `amount` `unit`s on the given side of `anchor`.
    /// None when that day is not a date (beyond 9999-12-31 or before 0001-01-01)
    /// or the period exceeds the bounds of [`tiaoli_compiler::limits`]: the
    /// compiler rejects such periods, and the engine never wraps or clamps one.
    pub fn period(
        &self,
        anchor: Date,
        amount: u32,
        unit: TimeUnit,
        direction: Direction,
    ) -> Option<Due> {
        if !limits::period_within_bounds(amount, unit) {
            return None;
        }
        let n = i64::from(amount);
        match direction {
            Direction::After | Direction::From => {
                let nominal = match unit {
                    TimeUnit::Days => anchor.add_days(n)?,
                    TimeUnit::Months => anchor.add_months(n)?,
                    TimeUnit::Years => anchor.add_months(n.checked_mul(12)?)?,
                    TimeUnit::WorkingDays => {
                        return Some(Due {
                            date: self.working_days(anchor, amount, 1)?,
                            extended_from: None,
                        });
                    }
                };
                let date = self.next_working_day_from(nominal)?;
                Some(Due {
                    date,
                    extended_from: (date != nominal).then_some(nominal),
                })
            }
            Direction::Before => {
                let date = match unit {
                    TimeUnit::Days => anchor.add_days(-n)?,
                    TimeUnit::Months => anchor.add_months(-n)?,
                    TimeUnit::Years => anchor.add_months(n.checked_mul(-12)?)?,
                    TimeUnit::WorkingDays => self.working_days(anchor, amount, -1)?,
                };
                Some(Due {
                    date,
                    extended_from: None,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn cal() -> Calendar {
        Calendar::default_schedule().unwrap()
    }

    impl Calendar {
        fn period_ok(&self, a: Date, n: u32, u: TimeUnit, dir: Direction) -> Due {
            self.period(a, n, u, dir).unwrap()
        }
    }

    #[test]
    fn periods_past_the_bounds_or_the_calendar_are_none_never_wrapped() {
        let c = cal();
        let a = d("2024-10-01");
        for (n, u) in [
            (4_294_967_295, TimeUnit::Days),
            (2_147_483_647, TimeUnit::Days),
            (4_000_000_000, TimeUnit::WorkingDays),
            (2_000_000_000, TimeUnit::Months),
            (8000, TimeUnit::Years),
        ] {
            for dir in [Direction::After, Direction::Before] {
                assert_eq!(c.period(a, n, u, dir), None, "{n} {u:?} {dir:?}");
            }
        }
        // Within the bounds, but past the last date.
        assert_eq!(
            c.period(d("9990-01-01"), 100, TimeUnit::Years, Direction::After),
            None
        );
        // The largest period allowed is computed, and lies where it should.
        let due = c.period_ok(a, limits::MAX_YEARS, TimeUnit::Years, Direction::After);
        assert!(
            due.date >= d("2124-10-01") && due.date <= d("2124-10-31"),
            "{due:?}"
        );
        let due = c.period_ok(
            a,
            limits::MAX_WORKING_DAYS,
            TimeUnit::WorkingDays,
            Direction::After,
        );
        assert!(due.date > d("2110-01-01"), "{due:?}");
    }

    #[test]
    fn a_schedule_with_an_endless_holiday_is_refused() {
        let mut text = String::from("name: x\nyears:\n  2024:\n    rest:\n");
        for m in ["01", "02"] {
            text.push_str(&format!("      - 2024-{m}-01..2024-{m}-28\n"));
        }
        text.push_str("      - 2024-01-29..2024-01-31\n      - 2024-02-29..2024-03-05\n");
        let e = Calendar::parse("x.yaml", &text).unwrap_err();
        assert!(e.to_string().contains("连续休息超过"), "{e}");
    }

    #[test]
    fn the_schedule_knows_holidays_and_make_up_days() {
        let c = cal();
        assert!(!c.is_working_day(d("2024-10-01")), "国庆节");
        assert!(
            c.is_working_day(d("2024-10-12")),
            "a Saturday declared a working day (调休)"
        );
        assert!(
            c.is_working_day(d("2024-09-29")),
            "a Sunday declared a working day"
        );
        assert!(!c.is_working_day(d("2024-10-13")), "an ordinary Sunday");
        assert!(
            !c.is_working_day(d("2020-02-01")),
            "2020: the make-up Saturday became a rest day when 春节 was extended"
        );
        assert!(
            !c.is_working_day(d("2022-12-31")),
            "2023 元旦 begins on 2022-12-31"
        );
        assert!(!c.is_working_day(d("2026-02-23")), "2026 春节: nine days");
        assert!(c.is_working_day(d("2026-02-28")));
        for y in 2020..=2026 {
            assert!(c.covers(d(&format!("{y}-06-01"))), "{y}");
        }
        assert!(!c.covers(d("2019-06-01")));
    }

    #[test]
    fn periods_start_the_next_day_and_end_on_a_working_day() {
        let c = cal();
        // 30 days from 2024-09-01 end on 2024-10-01 (国庆节) → the next working
        // day is 2024-10-08.
        let due = c.period_ok(d("2024-09-01"), 30, TimeUnit::Days, Direction::From);
        assert_eq!(due.date, d("2024-10-08"));
        assert_eq!(due.extended_from, Some(d("2024-10-01")));
        // An end on an ordinary working day stays.
        let due = c.period_ok(d("2024-03-01"), 10, TimeUnit::Days, Direction::After);
        assert_eq!((due.date, due.extended_from), (d("2024-03-11"), None));
        // An end on a make-up working Saturday stays (it is a working day).
        let due = c.period_ok(d("2024-10-02"), 10, TimeUnit::Days, Direction::After);
        assert_eq!(due.date, d("2024-10-12"));
    }

    #[test]
    fn working_days_skip_holidays_and_count_make_up_days() {
        let c = cal();
        // 5 working days after 2024-09-27 (Fri): 9-29 (Sun, make-up), 9-30, then
        // 国庆节 10-01..07, then 10-08, 10-09, 10-10.
        let due = c.period_ok(d("2024-09-27"), 5, TimeUnit::WorkingDays, Direction::After);
        assert_eq!(due.date, d("2024-10-10"));
        // 5 working days before 2024-10-14 (Mon): 10-12 (Sat, make-up), 10-11,
        // 10-10, 10-09, 10-08.
        let due = c.period_ok(d("2024-10-14"), 5, TimeUnit::WorkingDays, Direction::Before);
        assert_eq!(due.date, d("2024-10-08"));
    }

    #[test]
    fn months_follow_the_corresponding_day() {
        let c = cal();
        let due = c.period_ok(d("2025-01-31"), 1, TimeUnit::Months, Direction::After);
        assert_eq!(due.date, d("2025-02-28"));
    }

    #[test]
    fn a_bad_calendar_is_a_clear_error() {
        let e = Calendar::parse(
            "x.yaml",
            "name: x\nyears:\n  2024:\n    rest: [2024-13-01]\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("2024-13-01"), "{e}");
        let e = Calendar::parse(
            "x.yaml",
            "name: x\nyears:\n  2024:\n    rest: [2024-10-01]\n    work: [2024-10-01]\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("同时被列为休息日和上班日"), "{e}");
    }
}
