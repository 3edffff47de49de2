//! Reporting periods: calendar years, quarters, months, fiscal years with a
//! configurable first month, and spans of years.
//!
//! Japan's Ministry of Defense reports scrambles by fiscal year, which starts
//! on 1 April and is named for the year it starts in: FY2023 runs from
//! 2023-04-01 to 2024-03-31. The United States names its fiscal year for the
//! year it ends in (FY2024 starts on 2023-10-01). Both are expressed with
//! [`Period::FiscalYear`].

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::date::{add_months_to_first, add_years};
use crate::model::de::tagged_deserialize;

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
/// `{"type": "month", "year": 2024, "month": 9}`, `{"type": "years", "start": 2014, "end": 2023}`.
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
        month: u8 = "month",
        first_month: u8 = "firstMonth",
        named_by: FiscalNaming = "namedBy",
        start: i16 = "start",
        end: i16 = "end",
    }
    CalendarYear = "calendarYear" (year) => Period::CalendarYear { year },
    Quarter = "quarter" (year, quarter) => Period::Quarter { year, quarter },
    Month = "month" (year, month) => Period::Month { year, month },
    FiscalYear = "fiscalYear" (year, first_month, named_by?) => Period::FiscalYear {
        year,
        first_month,
        named_by: named_by.unwrap_or_default(),
    },
    Years = "years" (start, end) => Period::Years { start, end },
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
    /// Whether the fields make sense (months 1–12, quarters 1–4, years in range, spans in order).
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
        }
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

    /// How many whole calendar years the period spans, for per-year rates.
    pub fn years(&self) -> f64 {
        match *self {
            Period::Years { start, end } if end >= start => {
                f64::from(i32::from(end) - i32::from(start) + 1)
            }
            Period::Quarter { .. } => 0.25,
            Period::Month { .. } => 1.0 / 12.0,
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
