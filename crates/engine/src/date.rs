//! Civil dates as a day number: small, copyable, allocation-free arithmetic.
//!
//! Conversions follow Howard Hinnant's `days_from_civil` / `civil_from_days`
//! (proleptic Gregorian calendar). Day 0 is 1970-01-01.

use std::fmt;

use serde::{Serialize, Serializer};

/// Day 0 (the default) is 1970-01-01.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

/// A date or none, in four bytes that are zero for none: a buffer of them is
/// reset by one `memset` (an `Option<Date>` is written element by element).
/// Every [`Date`] lies within [`Date::MIN`] ..= [`Date::MAX`], so the offset
/// from `MIN` plus one fits, and zero is free for none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct OptDate(u32);

impl OptDate {
    pub const NONE: OptDate = OptDate(0);

    #[inline]
    pub fn new(d: Option<Date>) -> OptDate {
        match d {
            Some(d) => OptDate(d.0.abs_diff(Date::MIN.0).saturating_add(1)),
            None => OptDate::NONE,
        }
    }

    #[inline]
    pub fn get(self) -> Option<Date> {
        let offset = self.0.checked_sub(1)?;
        Some(Date(Date::MIN.0.saturating_add_unsigned(offset)))
    }
}

/// Monday = 0 … Sunday = 6.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }

    pub fn zh(self) -> &'static str {
        match self {
            Weekday::Monday => "星期一",
            Weekday::Tuesday => "星期二",
            Weekday::Wednesday => "星期三",
            Weekday::Thursday => "星期四",
            Weekday::Friday => "星期五",
            Weekday::Saturday => "星期六",
            Weekday::Sunday => "星期日",
        }
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

impl Date {
    /// The first day a date can be: 0001-01-01.
    pub const MIN: Date = Date(-719_162);
    /// The last day a date can be: 9999-12-31. Arithmetic that would go past
    /// either end gives `None`, never a wrapped or clamped date.
    pub const MAX: Date = Date(2_932_896);

    /// A calendar date, or None if there is no such day (or it is outside
    /// 0001-01-01 ..= 9999-12-31).
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) || !(1..=9999).contains(&y) {
            return None;
        }
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy as i32;
        Some(Date(era * 146097 + doe - 719468))
    }

    /// A day number (days since 1970-01-01), if it is within the range of dates.
    pub fn from_day_number(n: i64) -> Option<Date> {
        let n = i32::try_from(n).ok()?;
        (Date::MIN.0..=Date::MAX.0).contains(&n).then_some(Date(n))
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        (if m <= 2 { y + 1 } else { y }, m, d)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// Parses `YYYY-MM-DD`: exactly four, two and two ASCII digits (no sign, no
    /// space: `2025-+3-+1` is not a date).
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let number = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let y = i32::try_from(number(0..4)?).ok()?;
        Date::from_ymd(y, number(5..7)?, number(8..10)?)
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        match (self.0 + 3).rem_euclid(7) {
            0 => Weekday::Monday,
            1 => Weekday::Tuesday,
            2 => Weekday::Wednesday,
            3 => Weekday::Thursday,
            4 => Weekday::Friday,
            5 => Weekday::Saturday,
            _ => Weekday::Sunday,
        }
    }

    /// `n` days later (earlier when negative); None past 9999-12-31 or before
    /// 0001-01-01.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_day_number(i64::from(self.0).checked_add(n)?)
    }

    /// The next day; None after 9999-12-31.
    pub fn next(self) -> Option<Date> {
        self.add_days(1)
    }

    /// The day before; None before 0001-01-01.
    pub fn prev(self) -> Option<Date> {
        self.add_days(-1)
    }

    /// Days from `self` to `other` (positive if `other` is later).
    pub fn days_until(self, other: Date) -> i32 {
        // Both are within MIN..=MAX, so the difference fits.
        other.0 - self.0
    }

    /// The same day `n` months later (earlier when negative); the last day of the
    /// month when the target month has no such day (民法典 第二百零二条). None
    /// when the result is outside the range of dates.
    pub fn add_months(self, n: i64) -> Option<Date> {
        let (y, m, d) = self.ymd();
        let total = (i64::from(y) * 12 + i64::from(m) - 1).checked_add(n)?;
        let ny = i32::try_from(total.div_euclid(12)).ok()?;
        let nm = u32::try_from(total.rem_euclid(12)).ok()? + 1;
        Date::from_ymd(ny, nm, d.min(days_in_month(ny, nm)))
    }

    pub fn end_of_month(self) -> Date {
        let (y, m, _) = self.ymd();
        Date::from_ymd(y, m, days_in_month(y, m)).unwrap_or(self)
    }

    pub fn end_of_year(self) -> Date {
        Date::from_ymd(self.year(), 12, 31).unwrap_or(self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// In the OpenAPI document: a string, `YYYY-MM-DD`.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Date {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .examples(["2025-03-01"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Date {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_days() {
        assert_eq!(Date::parse("1970-01-01"), Some(Date(0)));
        let d = Date::parse("2024-10-01").unwrap();
        assert_eq!(d.weekday(), Weekday::Tuesday);
        assert_eq!(d.to_string(), "2024-10-01");
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.weekday()),
            Some(Weekday::Thursday)
        );
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2024-13-01"), None);
        assert_eq!(Date::parse("2024-1-01"), None);
        assert_eq!(Date::parse("2025-+3-+1"), None);
        assert_eq!(Date::parse("+025-03-01"), None);
        assert_eq!(Date::parse("2025- 3-01"), None);
        assert_eq!(Date::parse("0000-01-01"), None);
        assert_eq!(Date::from_ymd(1, 1, 1), Some(Date::MIN));
        assert_eq!(Date::from_ymd(9999, 12, 31), Some(Date::MAX));
    }

    /// Every date, the ends included, comes back from an `OptDate`; none is zero.
    #[test]
    fn an_opt_date_keeps_every_date_and_none() {
        assert_eq!(OptDate::NONE.get(), None);
        assert_eq!(OptDate::new(None), OptDate::default());
        for d in [Date::MIN, Date::MAX, Date(0), Date(-1)] {
            assert_ne!(OptDate::new(Some(d)), OptDate::NONE);
            assert_eq!(OptDate::new(Some(d)).get(), Some(d));
        }
    }

    proptest! {
        #[test]
        fn an_opt_date_round_trips(n in Date::MIN.0..=Date::MAX.0) {
            let d = Date(n);
            prop_assert_eq!(OptDate::new(Some(d)).get(), Some(d));
        }
    }

    #[test]
    fn arithmetic_stops_at_the_ends_of_the_calendar() {
        assert_eq!(Date::MAX.next(), None);
        assert_eq!(Date::MIN.prev(), None);
        let d = Date::parse("2024-10-01").unwrap();
        assert_eq!(d.add_days(4_294_967_295), None);
        assert_eq!(d.add_days(i64::MAX), None);
        assert_eq!(d.add_days(i64::MIN), None);
        assert_eq!(d.add_days(2_147_483_647), None);
        assert_eq!(d.add_months(2_000_000_000), None);
        assert_eq!(d.add_months(8000 * 12), None);
        assert_eq!(d.add_months(i64::MIN), None);
        assert_eq!(
            d.add_days(-1).map(|d| d.to_string()),
            Some("2024-09-30".into())
        );
        assert_eq!(
            d.add_months(-10).map(|d| d.to_string()),
            Some("2023-12-01".into())
        );
        assert_eq!(
            Date::parse("9999-12-01").unwrap().add_months(1),
            None,
            "9999-12 + 1 month is past the last date"
        );
    }

    #[test]
    fn months_clamp_to_the_month_end() {
        let d = Date::parse("2024-01-31").unwrap();
        let months = |d: Date, n| d.add_months(n).map(|d| d.to_string());
        assert_eq!(months(d, 1).as_deref(), Some("2024-02-29"));
        assert_eq!(months(d, 13).as_deref(), Some("2025-02-28"));
        assert_eq!(
            months(Date::parse("2024-11-30").unwrap(), 3).as_deref(),
            Some("2025-02-28")
        );
    }

    proptest! {
        #[test]
        fn ymd_round_trips(n in Date::MIN.0..=Date::MAX.0) {
            let d = Date(n);
            let (y, m, dd) = d.ymd();
            prop_assert_eq!(Date::from_ymd(y, m, dd), Some(d));
            prop_assert_eq!(Date::parse(&d.to_string()), Some(d));
            if d < Date::MAX {
                prop_assert_eq!(d.next().and_then(Date::prev), Some(d));
            }
        }

        #[test]
        fn adding_is_checked_and_invertible(n in Date::MIN.0..=Date::MAX.0, k in any::<i64>()) {
            let d = Date(n);
            match d.add_days(k) {
                Some(e) => {
                    prop_assert!(Date::MIN <= e && e <= Date::MAX);
                    prop_assert_eq!(i64::from(d.days_until(e)), k);
                    prop_assert_eq!(e.add_days(-k), Some(d));
                }
                None => prop_assert!(i64::from(n).checked_add(k).is_none_or(|s| s < i64::from(Date::MIN.0) || s > i64::from(Date::MAX.0))),
            }
            if let Some(e) = d.add_months(k) {
                prop_assert!(Date::MIN <= e && e <= Date::MAX);
            }
        }
    }
}
