//! Reporting periods: calendar years, quarters, months, fiscal years with a
//! configurable first month (and their quarters and halves), spans of years
//! and spans of months.
//!
//! Japan's Ministry of Defense reports scrambles by fiscal year, which starts
//! on 1 April and is named for the year it starts in: FY2023 runs from
//! 2023-04-01 to 2024-03-31. The United States names its fiscal year for the
//! year it ends in (FY2024 starts on 2023-10-01). Both are expressed with
//! [`Period::FiscalYear`]; their quarters and halves with
//! [`Period::FiscalQuarter`] and [`Period::FiscalHalf`]. A reporter's
//! release that covers neither a whole year nor a quarter (Japan's
//! April–December figures, released before the fiscal year ends) is a
//! [`Period::Span`] of months.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::date::{add_months_to_first, add_years};
use crate::model::de::{tagged, tagged_deserialize};

/// Which year a fiscal year is named for.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum FiscalNaming {
    /// Named for the calendar year in which it starts (Japan, India, UK).
    #[default]
    StartYear,
    /// Named for the calendar year in which it ends (United States).
    EndYear,
}

fn is_default_naming(n: &FiscalNaming) -> bool {
    *n == FiscalNaming::StartYear
}

/// A reporting period.
///
/// In JSON an object tagged by `type`:
/// `{"type": "fiscalYear", "year": 2023, "firstMonth": 4}`,
/// `{"type": "calendarYear", "year": 2024}`, `{"type": "quarter", "year": 2024, "quarter": 3}`,
/// `{"type": "month", "year": 2024, "month": 9}`, `{"type": "years", "start": 2014, "end": 2023}`,
/// `{"type": "fiscalQuarter", "year": 2024, "quarter": 1, "firstMonth": 4}`,
/// `{"type": "fiscalHalf", "year": 2024, "half": 1, "firstMonth": 4}`,
/// `{"type": "span", "start": "2024-04", "end": "2024-12"}`.
///
/// # Example
/// ```
/// use jointwatch::Period;
/// let fy = Period::FiscalYear { year: 2023, first_month: 4, named_by: Default::default() };
/// assert_eq!(fy.first_day().unwrap().to_string(), "2023-04-01");
/// assert_eq!(fy.last_day().unwrap().to_string(), "2024-03-31");
/// assert_eq!(fy.to_string(), "FY2023");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Period {
    /// January to December of one year.
    CalendarYear {
        /// The year.
        year: i16,
    },
    /// A calendar quarter.
    Quarter {
        /// The year.
        year: i16,
        /// The quarter, 1–4.
        quarter: u8,
    },
    /// A calendar month.
    Month {
        /// The year.
        year: i16,
        /// The month, 1–12.
        month: u8,
    },
    /// A fiscal year of twelve months starting on the first of `first_month`.
    FiscalYear {
        /// The year the fiscal year is named for.
        year: i16,
        /// The month it starts in, 1–12 (4 for Japan, 10 for the United States).
        first_month: u8,
        /// Whether `year` is the year it starts or ends in.
        #[serde(default, skip_serializing_if = "is_default_naming")]
        named_by: FiscalNaming,
    },
    /// Whole calendar years from `start` to `end`, both included.
    Years {
        /// The first year.
        start: i16,
        /// The last year.
        end: i16,
    },
    /// A quarter of a fiscal year: FY2024 Q1 of Japan's fiscal year
    /// (`first_month` 4) is April to June 2024.
    FiscalQuarter {
        /// The year the fiscal year is named for.
        year: i16,
        /// The quarter of the fiscal year, 1–4 (1 starts in `first_month`).
        quarter: u8,
        /// The month the fiscal year starts in, 1–12.
        first_month: u8,
        /// Whether `year` is the year the fiscal year starts or ends in.
        #[serde(default, skip_serializing_if = "is_default_naming")]
        named_by: FiscalNaming,
    },
    /// A half of a fiscal year: FY2024 H2 of Japan's fiscal year is
    /// October 2024 to March 2025.
    FiscalHalf {
        /// The year the fiscal year is named for.
        year: i16,
        /// The half of the fiscal year, 1 or 2 (1 starts in `first_month`).
        half: u8,
        /// The month the fiscal year starts in, 1–12.
        first_month: u8,
        /// Whether `year` is the year the fiscal year starts or ends in.
        #[serde(default, skip_serializing_if = "is_default_naming")]
        named_by: FiscalNaming,
    },
    /// Whole calendar months from `start` to `end`, both included, such as
    /// April to December 2024 (`"2024-04"` to `"2024-12"`).
    Span {
        /// The first month.
        start: YearMonth,
        /// The last month.
        end: YearMonth,
    },
}

/// A calendar month of a year, written `"YYYY-MM"` in JSON (the ends of a
/// [`Period::Span`]).
///
/// Any year and month read back as they were written; whether they make
/// sense (months 1–12, years 1–9999) is checked by validation
/// (`invalid-period`), as for the other periods.
///
/// # Example
/// ```
/// use jointwatch::model::period::YearMonth;
/// let m: YearMonth = "2024-04".parse().unwrap();
/// assert_eq!(m, YearMonth { year: 2024, month: 4 });
/// assert_eq!(m.to_string(), "2024-04");
/// assert_eq!(m.last_day().unwrap().to_string(), "2024-04-30");
/// assert!("2024-4".parse::<YearMonth>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearMonth {
    /// The year.
    pub year: i16,
    /// The month, 1–12.
    pub month: u8,
}

impl YearMonth {
    /// Whether the month is 1–12 (the year is any a date can have).
    pub fn is_well_formed(&self) -> bool {
        self.first_day().is_some()
    }

    /// The first day of the month, or `None` when it is malformed.
    pub fn first_day(&self) -> Option<Date> {
        if !(1..=12).contains(&self.month) {
            return None;
        }
        Date::new(self.year, self.month as i8, 1).ok()
    }

    /// The last day of the month, or `None` when it is malformed.
    pub fn last_day(&self) -> Option<Date> {
        self.first_day().map(|d| d.last_of_month())
    }

    /// The number of months from year 0, for counting months between two.
    fn index(&self) -> i32 {
        i32::from(self.year) * 12 + i32::from(self.month) - 1
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Why a text is not a [`YearMonth`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a month; write YYYY-MM, such as \"2024-04\"")]
pub struct YearMonthError(String);

impl FromStr for YearMonth {
    type Err = YearMonthError;

    /// Reads `YYYY-MM`: a year (digits, or a minus sign and digits, so that
    /// whatever is written reads back) and a month of two or more digits.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || YearMonthError(s.to_string());
        let (y, m) = s.rsplit_once('-').ok_or_else(bad)?;
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        let year_digits = y.strip_prefix('-').unwrap_or(y);
        if !digits(year_digits) || m.len() < 2 || !digits(m) {
            return Err(bad());
        }
        Ok(YearMonth {
            year: y.parse().map_err(|_| bad())?,
            month: m.parse().map_err(|_| bad())?,
        })
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match PeriodBound::deserialize(d)? {
            PeriodBound::Month(m) => Ok(m),
            PeriodBound::Year(y) => Err(serde::de::Error::custom(tagged(
                "wrong-type",
                format_args!("a month is text \"YYYY-MM\", not the number {y}"),
            ))),
        }
    }
}

/// The `start` or `end` of a period as read: a year (a span of `years`)
/// or a month (a `span`). Both types share the field names, so the field
/// is read as either and checked against the type afterwards.
#[derive(Debug, Clone, Copy, PartialEq)]
enum PeriodBound {
    Year(i16),
    Month(YearMonth),
}

impl<'de> Deserialize<'de> for PeriodBound {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = PeriodBound;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a year (2014) or a month (\"2024-04\")")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<PeriodBound, E> {
                i16::try_from(v)
                    .map(PeriodBound::Year)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(v), &"i16"))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<PeriodBound, E> {
                i16::try_from(v)
                    .map(PeriodBound::Year)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &"i16"))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PeriodBound, E> {
                v.parse()
                    .map(PeriodBound::Month)
                    .map_err(|e| E::custom(tagged("invalid-period", e)))
            }
        }
        d.deserialize_any(V)
    }
}

impl PeriodBound {
    /// The year of a span of `years`.
    fn year<E: serde::de::Error>(self, field: &str) -> Result<i16, E> {
        match self {
            PeriodBound::Year(y) => Ok(y),
            PeriodBound::Month(m) => Err(E::custom(tagged(
                "wrong-type",
                format_args!(
                    "`{field}` of a `years` period is a year such as 2014, not the month \"{m}\" \
                     (a span of months is `\"type\": \"span\"`)"
                ),
            ))),
        }
    }

    /// The month of a `span`.
    fn month<E: serde::de::Error>(self, field: &str) -> Result<YearMonth, E> {
        match self {
            PeriodBound::Month(m) => Ok(m),
            PeriodBound::Year(y) => Err(E::custom(tagged(
                "wrong-type",
                format_args!(
                    "`{field}` of a `span` period is a month such as \"{y:04}-01\", not the year {y} \
                     (a span of whole years is `\"type\": \"years\"`)"
                ),
            ))),
        }
    }
}

/// How to cut time into periods when grouping.
///
/// # Example
/// ```
/// use jointwatch::{Granularity, Period};
/// let japan = Granularity::FiscalYear { first_month: 4, named_by: Default::default() };
/// let d = jiff::civil::date(2024, 2, 10);
/// assert_eq!(japan.period_of(d).unwrap().to_string(), "FY2023");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Granularity {
    /// Calendar years.
    Year,
    /// Fiscal years.
    FiscalYear {
        /// The month the fiscal year starts in.
        first_month: u8,
        /// How fiscal years are named.
        #[serde(default)]
        named_by: FiscalNaming,
    },
    /// Calendar quarters.
    Quarter,
    /// Calendar months.
    Month,
}

tagged_deserialize! {
    Period by "type": PeriodType, fields PeriodFields {
        year: i16 = "year",
        quarter: u8 = "quarter",
        half: u8 = "half",
        month: u8 = "month",
        first_month: u8 = "firstMonth",
        named_by: FiscalNaming = "namedBy",
        start: PeriodBound = "start",
        end: PeriodBound = "end",
    }
    CalendarYear = "calendarYear" (year) => Period::CalendarYear { year },
    Quarter = "quarter" (year, quarter) => Period::Quarter { year, quarter },
    Month = "month" (year, month) => Period::Month { year, month },
    FiscalYear = "fiscalYear" (year, first_month, named_by?) => Period::FiscalYear {
        year,
        first_month,
        named_by: named_by.unwrap_or_default(),
    },
    Years = "years" (start, end) => Period::Years {
        start: start.year("start")?,
        end: end.year("end")?,
    },
    FiscalQuarter = "fiscalQuarter" (year, quarter, first_month, named_by?) => Period::FiscalQuarter {
        year,
        quarter,
        first_month,
        named_by: named_by.unwrap_or_default(),
    },
    FiscalHalf = "fiscalHalf" (year, half, first_month, named_by?) => Period::FiscalHalf {
        year,
        half,
        first_month,
        named_by: named_by.unwrap_or_default(),
    },
    Span = "span" (start, end) => Period::Span {
        start: start.month("start")?,
        end: end.month("end")?,
    },
}

tagged_deserialize! {
    Granularity by "type": GranularityType, fields GranularityFields {
        first_month: u8 = "firstMonth",
        named_by: FiscalNaming = "namedBy",
    }
    Year = "year" () => Granularity::Year,
    FiscalYear = "fiscalYear" (first_month, named_by?) => Granularity::FiscalYear {
        first_month,
        named_by: named_by.unwrap_or_default(),
    },
    Quarter = "quarter" () => Granularity::Quarter,
    Month = "month" () => Granularity::Month,
}

impl Granularity {
    /// The period of this granularity that contains `date`; `None` for a
    /// fiscal year whose first month is not 1–12.
    pub fn period_of(&self, date: Date) -> Option<Period> {
        let (y, m) = (date.year(), date.month() as u8);
        Some(match *self {
            Granularity::Year => Period::CalendarYear { year: y },
            Granularity::Quarter => Period::Quarter {
                year: y,
                quarter: (m - 1) / 3 + 1,
            },
            Granularity::Month => Period::Month { year: y, month: m },
            Granularity::FiscalYear {
                first_month,
                named_by,
            } => {
                if !(1..=12).contains(&first_month) {
                    return None;
                }
                let start_year = if m >= first_month { y } else { y - 1 };
                let year = match named_by {
                    FiscalNaming::StartYear => start_year,
                    FiscalNaming::EndYear if first_month == 1 => start_year,
                    FiscalNaming::EndYear => start_year + 1,
                };
                Period::FiscalYear {
                    year,
                    first_month,
                    named_by,
                }
            }
        })
    }

    /// The period that follows `p` at this granularity (used to zero-fill series).
    pub fn next(&self, p: &Period) -> Option<Period> {
        let after = p.last_day()?.tomorrow().ok()?;
        self.period_of(after)
    }
}

impl Period {
    /// Whether the fields make sense (months 1–12, quarters 1–4, halves 1–2,
    /// years in range, spans in order).
    pub fn is_well_formed(&self) -> bool {
        self.first_day().is_some() && self.last_day().is_some()
    }

    fn start_of_fiscal(year: i16, first_month: u8, named_by: FiscalNaming) -> Option<Date> {
        if !(1..=12).contains(&first_month) {
            return None;
        }
        let start_year = match named_by {
            FiscalNaming::StartYear => year,
            FiscalNaming::EndYear if first_month == 1 => year,
            FiscalNaming::EndYear => year.checked_sub(1)?,
        };
        Date::new(start_year, first_month as i8, 1).ok()
    }

    /// The first day of the period, or `None` when it is malformed.
    pub fn first_day(&self) -> Option<Date> {
        match *self {
            Period::CalendarYear { year } => Date::new(year, 1, 1).ok(),
            Period::Quarter { year, quarter } => {
                if !(1..=4).contains(&quarter) {
                    return None;
                }
                Date::new(year, ((quarter - 1) * 3 + 1) as i8, 1).ok()
            }
            Period::Month { year, month } => {
                if !(1..=12).contains(&month) {
                    return None;
                }
                Date::new(year, month as i8, 1).ok()
            }
            Period::FiscalYear {
                year,
                first_month,
                named_by,
            } => Self::start_of_fiscal(year, first_month, named_by),
            Period::Years { start, end } => {
                if end < start {
                    return None;
                }
                Date::new(start, 1, 1).ok()
            }
            Period::FiscalQuarter {
                year,
                quarter,
                first_month,
                named_by,
            } => {
                if !(1..=4).contains(&quarter) {
                    return None;
                }
                let fy = Self::start_of_fiscal(year, first_month, named_by)?;
                add_months_to_first(fy, 3 * (i64::from(quarter) - 1))
            }
            Period::FiscalHalf {
                year,
                half,
                first_month,
                named_by,
            } => {
                if !(1..=2).contains(&half) {
                    return None;
                }
                let fy = Self::start_of_fiscal(year, first_month, named_by)?;
                add_months_to_first(fy, 6 * (i64::from(half) - 1))
            }
            Period::Span { start, end } => {
                if end < start || !end.is_well_formed() {
                    return None;
                }
                start.first_day()
            }
        }
    }

    /// The last day of the period, or `None` when it is malformed.
    pub fn last_day(&self) -> Option<Date> {
        let first = self.first_day()?;
        match *self {
            Period::CalendarYear { year } => Date::new(year, 12, 31).ok(),
            Period::Quarter { .. } => add_months_to_first(first, 3)?.yesterday().ok(),
            Period::Month { .. } => Some(first.last_of_month()),
            Period::FiscalYear { .. } => add_years(first, 1)?.yesterday().ok(),
            Period::Years { end, .. } => Date::new(end, 12, 31).ok(),
            Period::FiscalQuarter { .. } => add_months_to_first(first, 3)?.yesterday().ok(),
            Period::FiscalHalf { .. } => add_months_to_first(first, 6)?.yesterday().ok(),
            Period::Span { end, .. } => end.last_day(),
        }
    }

    /// The period of the same kind that follows this one: the next year,
    /// quarter, month, fiscal year, fiscal quarter or fiscal half (Q4 and H2
    /// are followed by the next fiscal year's Q1 and H1). `None` for a span
    /// of years or months, which has no one successor, and for a malformed
    /// period or one past the last year.
    ///
    /// # Example
    /// ```
    /// use jointwatch::Period;
    /// let q4 = Period::FiscalQuarter { year: 2024, quarter: 4, first_month: 4, named_by: Default::default() };
    /// assert_eq!(q4.next().unwrap().to_string(), "FY2025 Q1");
    /// ```
    pub fn next(&self) -> Option<Period> {
        if !self.is_well_formed() {
            return None;
        }
        let after = |year: i16| year.checked_add(1);
        // The next part of a year cut into `parts`: (year, part).
        let step = |year: i16, part: u8, parts: u8| {
            if part < parts {
                Some((year, part + 1))
            } else {
                Some((after(year)?, 1))
            }
        };
        Some(match *self {
            Period::CalendarYear { year } => Period::CalendarYear { year: after(year)? },
            Period::Quarter { year, quarter } => {
                let (year, quarter) = step(year, quarter, 4)?;
                Period::Quarter { year, quarter }
            }
            Period::Month { year, month } => {
                let (year, month) = step(year, month, 12)?;
                Period::Month { year, month }
            }
            Period::FiscalYear {
                year,
                first_month,
                named_by,
            } => Period::FiscalYear {
                year: after(year)?,
                first_month,
                named_by,
            },
            Period::FiscalQuarter {
                year,
                quarter,
                first_month,
                named_by,
            } => {
                let (year, quarter) = step(year, quarter, 4)?;
                Period::FiscalQuarter {
                    year,
                    quarter,
                    first_month,
                    named_by,
                }
            }
            Period::FiscalHalf {
                year,
                half,
                first_month,
                named_by,
            } => {
                let (year, half) = step(year, half, 2)?;
                Period::FiscalHalf {
                    year,
                    half,
                    first_month,
                    named_by,
                }
            }
            Period::Years { .. } | Period::Span { .. } => return None,
        })
        .filter(|p| p.is_well_formed())
    }

    /// Whether `date` falls within the period.
    ///
    /// # Example
    /// ```
    /// use jointwatch::Period;
    /// let q = Period::Quarter { year: 2024, quarter: 3 };
    /// assert!(q.contains(jiff::civil::date(2024, 9, 30)));
    /// assert!(!q.contains(jiff::civil::date(2024, 10, 1)));
    /// ```
    pub fn contains(&self, date: Date) -> bool {
        match (self.first_day(), self.last_day()) {
            (Some(a), Some(b)) => a <= date && date <= b,
            _ => false,
        }
    }

    /// How many years the period spans, for per-year rates: whole calendar
    /// years for a span of years, 0.25 for a quarter, 0.5 for a half, the
    /// months over 12 for a span of months; 1 when it is malformed.
    pub fn years(&self) -> f64 {
        match *self {
            Period::Years { start, end } if end >= start => {
                f64::from(i32::from(end) - i32::from(start) + 1)
            }
            Period::Quarter { .. } | Period::FiscalQuarter { .. } => 0.25,
            Period::FiscalHalf { .. } => 0.5,
            Period::Month { .. } => 1.0 / 12.0,
            Period::Span { start, end } if end >= start => {
                f64::from(end.index() - start.index() + 1) / 12.0
            }
            _ => 1.0,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::CalendarYear { year } => write!(f, "{year}"),
            Period::Quarter { year, quarter } => write!(f, "{year}-Q{quarter}"),
            Period::Month { year, month } => write!(f, "{year}-{month:02}"),
            Period::FiscalYear { year, .. } => write!(f, "FY{year}"),
            Period::Years { start, end } => write!(f, "{start}–{end}"),
            Period::FiscalQuarter { year, quarter, .. } => write!(f, "FY{year} Q{quarter}"),
            Period::FiscalHalf { year, half, .. } => write!(f, "FY{year} H{half}"),
            Period::Span { start, end } => write!(f, "{start}–{end}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_of_the_widest_span_do_not_overflow() {
        // i16::MIN..=i16::MAX spans 65,536 years: more than an i16 holds.
        let p = Period::Years {
            start: i16::MIN,
            end: i16::MAX,
        };
        assert_eq!(p.years(), 65_536.0);
        assert_eq!(
            Period::Years {
                start: 2014,
                end: 2023
            }
            .years(),
            10.0
        );
        assert_eq!(
            Period::Years {
                start: 2024,
                end: 2023
            }
            .years(),
            1.0
        );
    }

    #[test]
    fn every_period_and_granularity_round_trips() {
        let named = FiscalNaming::EndYear;
        for p in [
            Period::CalendarYear { year: 2024 },
            Period::Quarter {
                year: 2024,
                quarter: 3,
            },
            Period::Month {
                year: 2024,
                month: 9,
            },
            Period::FiscalYear {
                year: 2024,
                first_month: 10,
                named_by: named,
            },
            Period::Years {
                start: 2014,
                end: 2023,
            },
            Period::FiscalQuarter {
                year: 2024,
                quarter: 1,
                first_month: 4,
                named_by: FiscalNaming::StartYear,
            },
            Period::FiscalQuarter {
                year: 2024,
                quarter: 0,
                first_month: 10,
                named_by: named,
            },
            Period::FiscalHalf {
                year: 2024,
                half: 2,
                first_month: 4,
                named_by: FiscalNaming::StartYear,
            },
            Period::FiscalHalf {
                year: 2024,
                half: 3,
                first_month: 10,
                named_by: named,
            },
            Period::Span {
                start: ym(2024, 4),
                end: ym(2024, 12),
            },
            // Malformed, read back as written (validation reports them).
            Period::Span {
                start: ym(2024, 12),
                end: ym(-5, 255),
            },
        ] {
            let text = serde_json::to_string(&p).unwrap();
            assert_eq!(serde_json::from_str::<Period>(&text).unwrap(), p, "{text}");
        }
        for g in [
            Granularity::Year,
            Granularity::Quarter,
            Granularity::Month,
            Granularity::FiscalYear {
                first_month: 4,
                named_by: named,
            },
        ] {
            let text = serde_json::to_string(&g).unwrap();
            assert_eq!(
                serde_json::from_str::<Granularity>(&text).unwrap(),
                g,
                "{text}"
            );
        }
    }

    #[test]
    fn fields_are_checked_for_the_type() {
        let bad = |text: &str| {
            serde_json::from_str::<Period>(text)
                .unwrap_err()
                .to_string()
        };
        assert!(bad(r#"{"type":"calendarYear","year":2024,"month":3}"#)
            .starts_with("[unknown-field] unknown field `month` when `type` is `calendarYear`, expected `type` or `year`"));
        assert!(bad(r#"{"type":"month","year":2024}"#)
            .starts_with("[missing-field] missing field `month` when `type` is `month`"));
        assert!(bad(r#"{"year":2024}"#).starts_with("missing field `type`"));
        assert!(bad(r#"{"type":"week","year":2024}"#).starts_with("unknown variant `week`"));
        assert!(bad(r#"{"type":"month","year":2024,"month":null}"#)
            .starts_with("invalid type: null, expected u8"));
        let g = |text: &str| serde_json::from_str::<Granularity>(text);
        assert!(g(r#"{"type":"year","firstMonth":4}"#).is_err());
        assert!(g(r#"{"type":"fiscalYear"}"#).is_err());
        assert_eq!(
            g(r#"{"type":"fiscalYear","firstMonth":4}"#).unwrap(),
            Granularity::FiscalYear {
                first_month: 4,
                named_by: FiscalNaming::StartYear
            }
        );
    }
    use jiff::civil::date;

    fn ym(year: i16, month: u8) -> YearMonth {
        YearMonth { year, month }
    }

    fn days(p: &Period) -> (Date, Date) {
        (p.first_day().unwrap(), p.last_day().unwrap())
    }

    #[test]
    fn japan_fiscal_2024_q1_is_april_to_june_2024() {
        let q1 = Period::FiscalQuarter {
            year: 2024,
            quarter: 1,
            first_month: 4,
            named_by: FiscalNaming::StartYear,
        };
        assert_eq!(days(&q1), (date(2024, 4, 1), date(2024, 6, 30)));
        assert!(q1.contains(date(2024, 6, 30)));
        assert!(!q1.contains(date(2024, 7, 1)));
        assert!(!q1.contains(date(2024, 3, 31)));
        assert_eq!(q1.years(), 0.25);
        assert_eq!(q1.to_string(), "FY2024 Q1");
        let q4 = Period::FiscalQuarter {
            year: 2024,
            quarter: 4,
            first_month: 4,
            named_by: FiscalNaming::StartYear,
        };
        assert_eq!(days(&q4), (date(2025, 1, 1), date(2025, 3, 31)));
        assert_eq!(q1.next().unwrap().to_string(), "FY2024 Q2");
        assert_eq!(
            q4.next(),
            Some(Period::FiscalQuarter {
                year: 2025,
                quarter: 1,
                first_month: 4,
                named_by: FiscalNaming::StartYear,
            })
        );
    }

    #[test]
    fn us_fiscal_quarters_are_named_by_the_year_they_end_in() {
        // FY2024 of the United States runs October 2023 to September 2024.
        let q = |quarter| Period::FiscalQuarter {
            year: 2024,
            quarter,
            first_month: 10,
            named_by: FiscalNaming::EndYear,
        };
        assert_eq!(days(&q(1)), (date(2023, 10, 1), date(2023, 12, 31)));
        assert_eq!(days(&q(2)), (date(2024, 1, 1), date(2024, 3, 31)));
        assert_eq!(days(&q(4)), (date(2024, 7, 1), date(2024, 9, 30)));
        let h = |half| Period::FiscalHalf {
            year: 2024,
            half,
            first_month: 10,
            named_by: FiscalNaming::EndYear,
        };
        assert_eq!(days(&h(1)), (date(2023, 10, 1), date(2024, 3, 31)));
        assert_eq!(days(&h(2)), (date(2024, 4, 1), date(2024, 9, 30)));
        // A calendar fiscal year is named the same either way.
        let jan = Period::FiscalQuarter {
            year: 2024,
            quarter: 1,
            first_month: 1,
            named_by: FiscalNaming::EndYear,
        };
        assert_eq!(days(&jan), (date(2024, 1, 1), date(2024, 3, 31)));
    }

    #[test]
    fn japan_fiscal_2024_h2_is_october_to_march() {
        let h2 = Period::FiscalHalf {
            year: 2024,
            half: 2,
            first_month: 4,
            named_by: FiscalNaming::StartYear,
        };
        assert_eq!(days(&h2), (date(2024, 10, 1), date(2025, 3, 31)));
        assert!(h2.contains(date(2025, 2, 28)));
        assert!(!h2.contains(date(2024, 9, 30)));
        assert_eq!(h2.years(), 0.5);
        assert_eq!(h2.to_string(), "FY2024 H2");
        assert_eq!(h2.next().unwrap().to_string(), "FY2025 H1");
        let h1 = Period::FiscalHalf {
            year: 2024,
            half: 1,
            first_month: 4,
            named_by: FiscalNaming::StartYear,
        };
        assert_eq!(days(&h1), (date(2024, 4, 1), date(2024, 9, 30)));
        assert_eq!(h1.next(), Some(h2));
    }

    #[test]
    fn a_span_of_months_is_april_to_december() {
        let span = Period::Span {
            start: ym(2024, 4),
            end: ym(2024, 12),
        };
        assert_eq!(days(&span), (date(2024, 4, 1), date(2024, 12, 31)));
        assert!(span.contains(date(2024, 4, 1)));
        assert!(!span.contains(date(2025, 1, 1)));
        assert_eq!(span.years(), 0.75);
        assert_eq!(span.to_string(), "2024-04–2024-12");
        assert_eq!(span.next(), None);
        assert!(span.is_well_formed());
        let one = Period::Span {
            start: ym(2024, 2),
            end: ym(2024, 2),
        };
        assert_eq!(days(&one), (date(2024, 2, 1), date(2024, 2, 29)));
        let across = Period::Span {
            start: ym(2023, 11),
            end: ym(2024, 2),
        };
        assert_eq!(days(&across), (date(2023, 11, 1), date(2024, 2, 29)));
        assert_eq!(across.years(), 4.0 / 12.0);
    }

    #[test]
    fn malformed_fiscal_parts_and_spans_have_no_days() {
        let fq = |quarter, first_month| Period::FiscalQuarter {
            year: 2024,
            quarter,
            first_month,
            named_by: FiscalNaming::StartYear,
        };
        assert!(!fq(0, 4).is_well_formed());
        assert!(!fq(5, 4).is_well_formed());
        assert!(!fq(1, 13).is_well_formed());
        assert!(!fq(1, 0).is_well_formed());
        assert_eq!(fq(0, 4).next(), None);
        let fh = |half| Period::FiscalHalf {
            year: 2024,
            half,
            first_month: 4,
            named_by: FiscalNaming::StartYear,
        };
        assert!(!fh(0).is_well_formed());
        assert!(!fh(3).is_well_formed());
        assert!(fh(2).is_well_formed());
        let span = |start, end| Period::Span { start, end };
        assert!(!span(ym(2024, 12), ym(2024, 4)).is_well_formed());
        assert!(!span(ym(2024, 4), ym(2024, 13)).is_well_formed());
        assert!(!span(ym(2024, 0), ym(2024, 4)).is_well_formed());
        assert_eq!(span(ym(2024, 12), ym(2024, 4)).years(), 1.0);
        assert!(!span(ym(2024, 12), ym(2024, 4)).contains(date(2024, 6, 1)));
    }

    #[test]
    fn next_stops_at_the_last_year() {
        assert_eq!(Period::CalendarYear { year: i16::MAX }.next(), None);
        assert_eq!(
            Period::Month {
                year: 2024,
                month: 12
            }
            .next(),
            Some(Period::Month {
                year: 2025,
                month: 1
            })
        );
        assert_eq!(
            Period::Years {
                start: 2014,
                end: 2023
            }
            .next(),
            None
        );
    }

    #[test]
    fn new_periods_read_their_json_shapes() {
        let read = |text: &str| serde_json::from_str::<Period>(text).unwrap();
        assert_eq!(
            read(r#"{"type":"fiscalQuarter","year":2024,"quarter":1,"firstMonth":4}"#),
            Period::FiscalQuarter {
                year: 2024,
                quarter: 1,
                first_month: 4,
                named_by: FiscalNaming::StartYear,
            }
        );
        assert_eq!(
            read(
                r#"{"type":"fiscalHalf","year":2024,"half":1,"firstMonth":10,"namedBy":"endYear"}"#
            ),
            Period::FiscalHalf {
                year: 2024,
                half: 1,
                first_month: 10,
                named_by: FiscalNaming::EndYear,
            }
        );
        let span = read(r#"{"type":"span","start":"2024-04","end":"2024-12"}"#);
        assert_eq!(
            span,
            Period::Span {
                start: ym(2024, 4),
                end: ym(2024, 12)
            }
        );
        assert_eq!(
            serde_json::to_string(&span).unwrap(),
            r#"{"type":"span","start":"2024-04","end":"2024-12"}"#
        );
        let bad = |text: &str| {
            serde_json::from_str::<Period>(text)
                .unwrap_err()
                .to_string()
        };
        assert!(bad(r#"{"type":"span","start":2024,"end":"2024-12"}"#)
            .starts_with("[wrong-type] `start` of a `span` period is a month"));
        assert!(bad(r#"{"type":"years","start":2014,"end":"2024-12"}"#)
            .starts_with("[wrong-type] `end` of a `years` period is a year"));
        assert!(bad(r#"{"type":"span","start":"2024/04","end":"2024-12"}"#)
            .starts_with("[invalid-period] \"2024/04\" is not a month"));
        assert!(
            bad(r#"{"type":"fiscalHalf","year":2024,"quarter":1,"firstMonth":4}"#)
                .starts_with("[unknown-field] unknown field `quarter` when `type` is `fiscalHalf`")
        );
        assert!(
            bad(r#"{"type":"fiscalQuarter","year":2024,"quarter":1}"#).starts_with(
                "[missing-field] missing field `firstMonth` when `type` is `fiscalQuarter`"
            )
        );
        assert!(bad(r#"{"type":"years","start":99999,"end":2024}"#)
            .starts_with("invalid value: integer `99999`, expected i16"));
    }

    #[test]
    fn year_months_read_back_as_written() {
        for m in [
            ym(2024, 4),
            ym(5, 1),
            ym(-5, 3),
            ym(i16::MIN, 255),
            ym(2024, 0),
        ] {
            assert_eq!(m.to_string().parse::<YearMonth>(), Ok(m), "{m}");
        }
        for bad in [
            "2024",
            "2024-4",
            "2024-",
            "-04",
            "2024-04-01",
            "x-04",
            "2024-+4",
            "",
        ] {
            assert!(bad.parse::<YearMonth>().is_err(), "{bad}");
        }
    }

    #[test]
    fn japan_fiscal_2023_runs_april_to_march() {
        let fy = Period::FiscalYear {
            year: 2023,
            first_month: 4,
            named_by: FiscalNaming::StartYear,
        };
        assert_eq!(fy.first_day(), Some(date(2023, 4, 1)));
        assert_eq!(fy.last_day(), Some(date(2024, 3, 31)));
        assert!(fy.contains(date(2024, 3, 31)));
        assert!(!fy.contains(date(2024, 4, 1)));
        assert!(!fy.contains(date(2023, 3, 31)));
    }

    #[test]
    fn us_fiscal_2024_starts_in_october_2023() {
        let fy = Period::FiscalYear {
            year: 2024,
            first_month: 10,
            named_by: FiscalNaming::EndYear,
        };
        assert_eq!(fy.first_day(), Some(date(2023, 10, 1)));
        assert_eq!(fy.last_day(), Some(date(2024, 9, 30)));
        let g = Granularity::FiscalYear {
            first_month: 10,
            named_by: FiscalNaming::EndYear,
        };
        assert_eq!(g.period_of(date(2023, 10, 1)), Some(fy));
        assert_eq!(g.period_of(date(2024, 9, 30)), Some(fy));
    }

    #[test]
    fn which_period_contains_a_date() {
        let d = date(2024, 3, 31);
        assert_eq!(
            Granularity::Year.period_of(d),
            Some(Period::CalendarYear { year: 2024 })
        );
        assert_eq!(
            Granularity::Quarter.period_of(d),
            Some(Period::Quarter {
                year: 2024,
                quarter: 1
            })
        );
        assert_eq!(
            Granularity::Month.period_of(d),
            Some(Period::Month {
                year: 2024,
                month: 3
            })
        );
        let japan = Granularity::FiscalYear {
            first_month: 4,
            named_by: FiscalNaming::StartYear,
        };
        assert_eq!(japan.period_of(d).unwrap().to_string(), "FY2023");
        assert_eq!(
            japan.period_of(date(2024, 4, 1)).unwrap().to_string(),
            "FY2024"
        );
    }

    #[test]
    fn malformed_periods_have_no_days() {
        assert!(!Period::FiscalYear {
            year: 2023,
            first_month: 13,
            named_by: FiscalNaming::StartYear
        }
        .is_well_formed());
        assert!(!Period::FiscalYear {
            year: 2023,
            first_month: 0,
            named_by: FiscalNaming::StartYear
        }
        .is_well_formed());
        assert!(!Period::Quarter {
            year: 2023,
            quarter: 5
        }
        .is_well_formed());
        assert!(!Period::Month {
            year: 2023,
            month: 0
        }
        .is_well_formed());
        assert!(!Period::Years {
            start: 2023,
            end: 2014
        }
        .is_well_formed());
        assert!(Period::Years {
            start: 2014,
            end: 2023
        }
        .is_well_formed());
    }

    #[test]
    fn next_walks_quarters_and_fiscal_years() {
        let q4 = Period::Quarter {
            year: 2023,
            quarter: 4,
        };
        assert_eq!(
            Granularity::Quarter.next(&q4),
            Some(Period::Quarter {
                year: 2024,
                quarter: 1
            })
        );
        let g = Granularity::FiscalYear {
            first_month: 4,
            named_by: FiscalNaming::StartYear,
        };
        let fy = g.period_of(date(2023, 5, 1)).unwrap();
        assert_eq!(g.next(&fy).unwrap().to_string(), "FY2024");
    }

    #[test]
    fn json_shape_is_tagged_by_type() {
        let p: Period =
            serde_json::from_str(r#"{"type":"fiscalYear","year":2023,"firstMonth":4}"#).unwrap();
        assert_eq!(
            p,
            Period::FiscalYear {
                year: 2023,
                first_month: 4,
                named_by: FiscalNaming::StartYear
            }
        );
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"type":"fiscalYear","year":2023,"firstMonth":4}"#
        );
        assert!(
            serde_json::from_str::<Period>(r#"{"type":"calendarYear","year":2023,"extra":1}"#)
                .is_err()
        );
    }
}
