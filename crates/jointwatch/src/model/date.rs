//! Dates that keep their precision (a day, a month or only a year) and
//! ranges of them.
//!
//! Open sources often give only a year ("in 2024") or a month. A
//! [`FuzzyDate`] stores exactly what was said, so the library never invents
//! a day; analytics use [`FuzzyDate::first_day`] and [`FuzzyDate::last_day`]
//! when they need the span it covers.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::de::tagged;

/// The smallest and largest years accepted anywhere in a document.
pub const YEAR_RANGE: std::ops::RangeInclusive<i16> = 1..=9999;

/// How precisely a [`FuzzyDate`] is known.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Precision {
    /// Only the year is known.
    Year,
    /// The year and month are known.
    Month,
    /// The exact day is known.
    Day,
}

/// The number of days from `a` to `b`, negative when `b` is earlier: what
/// `(b - a).get_days()` gives, computed directly rather than through jiff's
/// span arithmetic (whose error formatting would otherwise be compiled into
/// the WebAssembly module).
pub(crate) fn days_between(a: Date, b: Date) -> i64 {
    epoch_day(b) - epoch_day(a)
}

/// Days since 1970-01-01 (the proleptic Gregorian `days_from_civil`).
fn epoch_day(d: Date) -> i64 {
    let (y, m, day) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((m + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// `date` moved by whole `years` (back when negative), the day clamped to
/// the length of the month (29 February to 28 February), or `None` outside
/// the years a date can have: what jiff's `checked_add` of a span of years
/// gives, without its span arithmetic.
pub(crate) fn add_years(date: Date, years: i64) -> Option<Date> {
    let year = i16::try_from(i64::from(date.year()).checked_add(years)?).ok()?;
    let first = Date::new(year, date.month(), 1).ok()?;
    Date::new(year, date.month(), date.day().min(first.days_in_month())).ok()
}

/// The first day of the month `months` after the month of `date` (a day
/// 1), or `None` outside the years a date can have.
pub(crate) fn add_months_to_first(date: Date, months: i64) -> Option<Date> {
    let index = i64::from(date.year()) * 12 + i64::from(date.month()) - 1 + months;
    let year = i16::try_from(index.div_euclid(12)).ok()?;
    Date::new(year, (index.rem_euclid(12) + 1) as i8, 1).ok()
}

/// A calendar date known to a year, a month or a day.
///
/// In JSON it is an ISO 8601 string whose length carries the precision:
/// `"2024"`, `"2024-09"` or `"2024-09-10"`.
///
/// # Example
/// ```
/// use jointwatch::{FuzzyDate, Precision};
/// let d: FuzzyDate = "2024-02".parse().unwrap();
/// assert_eq!(d.precision(), Precision::Month);
/// assert_eq!(d.first_day().to_string(), "2024-02-01");
/// assert_eq!(d.last_day().to_string(), "2024-02-29");
/// assert_eq!(d.to_string(), "2024-02");
/// assert!("2024-02-30".parse::<FuzzyDate>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum FuzzyDate {
    /// Only a year.
    Year(i16),
    /// A month of a year.
    Month {
        /// The year.
        year: i16,
        /// The month, 1–12.
        month: i8,
    },
    /// An exact day.
    Day(Date),
}

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    input: String,
    reason: &'static str,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a valid date: {}", self.input, self.reason)
    }
}

impl std::error::Error for DateError {}

fn err(input: &str, reason: &'static str) -> DateError {
    DateError {
        input: input.chars().take(40).collect(),
        reason,
    }
}

impl FuzzyDate {
    /// A year, checked against [`YEAR_RANGE`].
    pub fn year_only(year: i16) -> Result<Self, DateError> {
        if YEAR_RANGE.contains(&year) {
            Ok(FuzzyDate::Year(year))
        } else {
            Err(err(&year.to_string(), "years run from 1 to 9999"))
        }
    }

    /// A month of a year.
    pub fn month(year: i16, month: i8) -> Result<Self, DateError> {
        Self::year_only(year)?;
        if (1..=12).contains(&month) {
            Ok(FuzzyDate::Month { year, month })
        } else {
            Err(err(
                &format!("{year:04}-{month:02}"),
                "months run from 01 to 12",
            ))
        }
    }

    /// An exact day.
    pub fn day(year: i16, month: i8, day: i8) -> Result<Self, DateError> {
        Self::month(year, month)?;
        Date::new(year, month, day)
            .map(FuzzyDate::Day)
            .map_err(|_| {
                err(
                    &format!("{year:04}-{month:02}-{day:02}"),
                    "no such day in that month",
                )
            })
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> Precision {
        match self {
            FuzzyDate::Year(_) => Precision::Year,
            FuzzyDate::Month { .. } => Precision::Month,
            FuzzyDate::Day(_) => Precision::Day,
        }
    }

    /// The year.
    pub fn year(&self) -> i16 {
        match *self {
            FuzzyDate::Year(y) => y,
            FuzzyDate::Month { year, .. } => year,
            FuzzyDate::Day(d) => d.year(),
        }
    }

    /// The first day the date may stand for.
    pub fn first_day(&self) -> Date {
        match *self {
            FuzzyDate::Year(y) => Date::new(y, 1, 1).unwrap_or(Date::MIN),
            FuzzyDate::Month { year, month } => Date::new(year, month, 1).unwrap_or(Date::MIN),
            FuzzyDate::Day(d) => d,
        }
    }

    /// The last day the date may stand for.
    pub fn last_day(&self) -> Date {
        match *self {
            FuzzyDate::Year(y) => Date::new(y, 12, 31).unwrap_or(Date::MAX),
            FuzzyDate::Month { year, month } => Date::new(year, month, 1)
                .map(|d| d.last_of_month())
                .unwrap_or(Date::MAX),
            FuzzyDate::Day(d) => d,
        }
    }
}

impl FromStr for FuzzyDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, DateError> {
        // `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: digits in their places and a
        // dash between the parts, read in place (no allocation: every date of
        // a document passes here).
        let b = s.as_bytes();
        let n = b.len();
        let bad = || err(s, "expected YYYY, YYYY-MM or YYYY-MM-DD");
        let shape_ok =
            matches!(n, 4 | 7 | 10) && (n == 4 || b[4] == b'-') && (n != 10 || b[7] == b'-');
        if !shape_ok {
            return Err(bad());
        }
        let field = |from: usize, to: usize| {
            b[from..to].iter().try_fold(0i16, |v, &d| {
                d.is_ascii_digit().then(|| v * 10 + i16::from(d - b'0'))
            })
        };
        let year = field(0, 4).ok_or_else(bad)?;
        let month = if n >= 7 {
            Some(field(5, 7).ok_or_else(bad)?)
        } else {
            None
        };
        let day = if n == 10 {
            Some(field(8, 10).ok_or_else(bad)?)
        } else {
            None
        };
        // Four digits always fit an i16, two an i8.
        if !YEAR_RANGE.contains(&year) {
            return Err(err(s, "years run from 0001 to 9999"));
        }
        match (month, day) {
            (None, _) => Ok(FuzzyDate::Year(year)),
            (Some(m), None) => {
                FuzzyDate::month(year, m as i8).map_err(|_| err(s, "months run from 01 to 12"))
            }
            (Some(m), Some(d)) => {
                FuzzyDate::day(year, m as i8, d as i8).map_err(|e| err(s, e.reason))
            }
        }
    }
}

impl fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            FuzzyDate::Year(y) => write!(f, "{y:04}"),
            FuzzyDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            FuzzyDate::Day(d) => f.write_str(&day_text(d)),
        }
    }
}

/// A day as `YYYY-MM-DD`, written by hand: `jiff`'s own formatter would
/// pull a whole date-time printer into the `.wasm`.
///
/// # Example
/// ```
/// use jointwatch::model::date::day_text;
/// assert_eq!(day_text(jiff::civil::date(2024, 2, 9)), "2024-02-09");
/// ```
pub fn day_text(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The first and last day of a period (or any span of days), both
/// included, as `YYYY-MM-DD`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PeriodDays {
    /// The first day.
    pub first_day: String,
    /// The last day.
    pub last_day: String,
}

impl PeriodDays {
    /// The span from `first` to `last`.
    pub fn new(first: Date, last: Date) -> PeriodDays {
        PeriodDays {
            first_day: day_text(first),
            last_day: day_text(last),
        }
    }
}

impl fmt::Debug for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FuzzyDate({self})")
    }
}

impl From<Date> for FuzzyDate {
    fn from(d: Date) -> Self {
        FuzzyDate::Day(d)
    }
}

impl Serialize for FuzzyDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FuzzyDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = FuzzyDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date string \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FuzzyDate, E> {
                v.parse().map_err(|e| E::custom(tagged("invalid-date", e)))
            }
        }
        d.deserialize_str(V)
    }
}

/// A span from one [`FuzzyDate`] to another, both ends included.
///
/// In JSON either a single date string (the record lies within it, e.g.
/// `"2024"`) or `{"start": "2024-07-15", "end": "2024-07-20"}`.
///
/// # Example
/// ```
/// use jointwatch::DateRange;
/// let r: DateRange = serde_json::from_str(r#"{"start":"2024-07","end":"2024-08-02"}"#).unwrap();
/// assert_eq!(r.first_day().to_string(), "2024-07-01");
/// assert_eq!(r.last_day().to_string(), "2024-08-02");
/// let y: DateRange = serde_json::from_str(r#""2024""#).unwrap();
/// assert_eq!(serde_json::to_string(&y).unwrap(), r#""2024""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateRange {
    /// The first date.
    pub start: FuzzyDate,
    /// The last date (equal to `start` for a single date).
    pub end: FuzzyDate,
}

impl DateRange {
    /// A range covering one fuzzy date.
    pub fn single(date: FuzzyDate) -> Self {
        DateRange {
            start: date,
            end: date,
        }
    }

    /// The first day the range may cover.
    pub fn first_day(&self) -> Date {
        self.start.first_day()
    }

    /// The last day the range may cover.
    pub fn last_day(&self) -> Date {
        self.end.last_day()
    }

    /// Whether the end lies wholly before the start.
    pub fn is_reversed(&self) -> bool {
        self.end.last_day() < self.start.first_day()
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{} to {}", self.start, self.end)
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RangeObject {
    start: FuzzyDate,
    end: FuzzyDate,
}

impl Serialize for DateRange {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.start == self.end {
            self.start.serialize(s)
        } else {
            RangeObject {
                start: self.start,
                end: self.end,
            }
            .serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for DateRange {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = DateRange;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date string or {\"start\": date, \"end\": date}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DateRange, E> {
                let d: FuzzyDate = v
                    .parse()
                    .map_err(|e| E::custom(tagged("invalid-date", e)))?;
                Ok(DateRange::single(d))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<DateRange, A::Error> {
                let o = RangeObject::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(DateRange {
                    start: o.start,
                    end: o.end,
                })
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_arithmetic_matches_jiff() {
        let dates = [
            (1, 1, 1),
            (1, 3, 1),
            (1600, 2, 29),
            (1899, 12, 31),
            (1900, 2, 28),
            (1900, 3, 1),
            (1969, 12, 31),
            (1970, 1, 1),
            (2000, 2, 29),
            (2023, 4, 1),
            (2024, 2, 29),
            (2024, 12, 31),
            (9999, 1, 1),
            (9999, 12, 31),
            (-9999, 1, 1),
            (-4, 2, 29),
            (0, 3, 1),
        ];
        let dates: Vec<Date> = dates
            .iter()
            .map(|&(y, m, d)| Date::new(y, m, d).unwrap())
            .collect();
        for &a in &dates {
            for &b in &dates {
                assert_eq!(
                    days_between(a, b),
                    i64::from((b - a).get_days()),
                    "{a} to {b}"
                );
            }
            for years in [-20_000, -10_000, -100, -4, -1, 0, 1, 4, 100, 10_000, 20_000] {
                let want = if (-19_998..=19_998).contains(&years) {
                    a.checked_add(jiff::Span::new().years(years)).ok()
                } else {
                    None
                };
                assert_eq!(add_years(a, years), want, "{a} + {years} years");
            }
            let first = a.first_of_month();
            for months in [-239_000, -13, -12, -1, 0, 1, 3, 11, 12, 13, 239_000] {
                let want = first.checked_add(jiff::Span::new().months(months)).ok();
                assert_eq!(
                    add_months_to_first(first, months),
                    want,
                    "{first} + {months} months"
                );
            }
        }
    }

    #[test]
    fn precision_follows_the_text() {
        assert_eq!(
            "2024".parse::<FuzzyDate>().unwrap().precision(),
            Precision::Year
        );
        assert_eq!(
            "2024-09".parse::<FuzzyDate>().unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            "2024-09-10".parse::<FuzzyDate>().unwrap().precision(),
            Precision::Day
        );
    }

    #[test]
    fn bad_dates_are_rejected() {
        for s in [
            "2024-02-30",
            "0000",
            "2024-13",
            "2024-00",
            "24",
            "2024-9",
            "2024-09-1",
            "",
            "2024-09-10T00",
            "+2024",
            "２０２４",
            "2023-02-29",
        ] {
            assert!(s.parse::<FuzzyDate>().is_err(), "{s}");
        }
        assert!("2024-02-29".parse::<FuzzyDate>().is_ok());
    }

    #[test]
    fn each_bad_date_names_what_is_wrong() {
        let shape = "expected YYYY, YYYY-MM or YYYY-MM-DD";
        for (s, reason) in [
            ("2024-9", shape),
            ("2024-09-1", shape),
            ("2024/09", shape),
            ("2024-09/10", shape),
            ("20a4", shape),
            ("2024-0a", shape),
            ("2024-09-1a", shape),
            ("-2024", shape),
            ("2024--09", shape),
            ("２０２４", shape),
            ("0000-01", "years run from 0001 to 9999"),
            ("2024-13", "months run from 01 to 12"),
            ("2024-00-10", "months run from 01 to 12"),
            ("2024-02-30", "no such day in that month"),
            ("2024-01-00", "no such day in that month"),
        ] {
            let e = s.parse::<FuzzyDate>().unwrap_err();
            assert_eq!((e.input.as_str(), e.reason), (s, reason));
        }
        assert_eq!(
            "0001-01-01".parse::<FuzzyDate>().unwrap().to_string(),
            "0001-01-01"
        );
        assert_eq!(
            "9999-12".parse::<FuzzyDate>().unwrap().to_string(),
            "9999-12"
        );
    }

    #[test]
    fn a_year_spans_the_whole_year() {
        let y = FuzzyDate::Year(2023);
        assert_eq!(y.first_day(), Date::new(2023, 1, 1).unwrap());
        assert_eq!(y.last_day(), Date::new(2023, 12, 31).unwrap());
    }

    #[test]
    fn reversed_ranges_are_detected_only_when_wholly_reversed() {
        let r = DateRange {
            start: "2024-05".parse().unwrap(),
            end: "2024".parse().unwrap(),
        };
        assert!(!r.is_reversed(), "2024 may end after May 2024");
        let r = DateRange {
            start: "2024-05-02".parse().unwrap(),
            end: "2024-05-01".parse().unwrap(),
        };
        assert!(r.is_reversed());
    }

    #[test]
    fn ranges_round_trip() {
        for text in [r#""2024""#, r#"{"start":"2024-07-15","end":"2024-07-20"}"#] {
            let r: DateRange = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::to_string(&r).unwrap(), text);
        }
    }
}
