//! Grouped, zero-filled series: counts, sums and maxima of records by
//! period, participant, domain, area, series or platform, set beside the
//! figures that statistics report for the same periods.
//!
//! An event is placed in the period that contains its start date. When the
//! start is known only to a year or a month and that span straddles two
//! periods (a "2024" exercise grouped by Japanese fiscal year), the record
//! is not guessed into either: it is listed in [`Series::unplaced`].
//!
//! The module is in three parts: the question ([`SeriesQuery`] and its
//! grouping keys and aggregates, in `query`), the computing ([`series`], in
//! `compute`) and what is read off a computed series ([`summarize`] and
//! [`trends`], in `stats`). Errors are [`CallError`]s with a stable
//! [`CallCode`](crate::diagnostics::CallCode).

use serde::{Deserialize, Serialize};

use crate::model::period::Period;
use crate::model::quantity::Quantity;

mod compute;
mod query;
mod stats;

pub use crate::diagnostics::CallError;
pub use compute::{period_of_fuzzy, series};
pub use query::{Aggregate, Field, GroupBy, SeriesQuery};
pub use stats::{summarize, trends, SeriesSummary, SeriesTrend};

/// The most periods a zero-filled series may hold.
pub const MAX_PERIODS: usize = 100_000;

/// The most points (periods × other keys) a zero-filled series may hold, so
/// that a long window grouped by a second key cannot exhaust memory.
pub const MAX_POINTS: usize = 1_000_000;

/// Where a point's value comes from.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Basis {
    /// Counted from the records held (zero when none matched).
    Counted,
    /// Reported by a statistic; no record was counted.
    Reported,
    /// Reported by a statistic, with records counted too.
    Both,
}

/// One group of a series.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SeriesPoint {
    /// One label per grouping key ("2024", "FY2023", "CHN", "naval").
    pub key: Vec<String>,
    /// The period, when grouping by period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The figure computed from the records held.
    pub counted: Quantity,
    /// The figure a statistic reports for the same period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<Quantity>,
    /// The figure to show: the reported one where there is one, else the counted one.
    pub value: Quantity,
    /// Where `value` comes from.
    pub basis: Basis,
    /// Ids of the records counted.
    pub ids: Vec<String>,
    /// Ids of the statistics that report for this point.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported_by: Vec<String>,
    /// Ids of matching records that lack the figure being summed (the sum is then a lower bound).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

/// A record or statistic that could not be placed in a group, and why.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Unplaced {
    /// The record's id.
    pub id: String,
    /// Why it was left out.
    pub reason: String,
}

/// A computed series.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Series {
    /// The groups, ordered by key (periods in time order).
    pub points: Vec<SeriesPoint>,
    /// What could not be placed.
    pub unplaced: Vec<Unplaced>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::CallCode;
    use crate::model::period::Granularity;

    #[test]
    fn group_by_and_aggregate_round_trip_and_check_their_fields() {
        for g in [
            GroupBy::Period {
                granularity: Granularity::Month,
            },
            GroupBy::Participant,
            GroupBy::Domain,
            GroupBy::Area,
            GroupBy::Series,
            GroupBy::Platform,
        ] {
            let text = serde_json::to_string(&g).unwrap();
            assert_eq!(serde_json::from_str::<GroupBy>(&text).unwrap(), g, "{text}");
        }
        for a in [
            Aggregate::Count,
            Aggregate::Sum {
                field: Field::Ships,
            },
            Aggregate::Max {
                field: Field::Platforms,
            },
        ] {
            let text = serde_json::to_string(&a).unwrap();
            assert_eq!(
                serde_json::from_str::<Aggregate>(&text).unwrap(),
                a,
                "{text}"
            );
        }
        let bad = |text: &str| {
            serde_json::from_str::<GroupBy>(text)
                .unwrap_err()
                .to_string()
        };
        assert!(bad(r#"{"by":"period"}"#).starts_with("[missing-field]"));
        assert!(
            bad(r#"{"by":"domain","granularity":{"type":"year"}}"#).starts_with(
                "[unknown-field] unknown field `granularity` when `by` is `domain`, expected `by`"
            )
        );
        assert!(bad(r#"{"by":"period","granularity":{"type":"decade"}}"#)
            .starts_with("unknown variant `decade`"));
        let bad = |text: &str| {
            serde_json::from_str::<Aggregate>(text)
                .unwrap_err()
                .to_string()
        };
        assert!(bad(r#"{"op":"sum"}"#).starts_with("[missing-field]"));
        assert!(bad(r#"{"op":"count","field":"ships"}"#).starts_with("[unknown-field]"));
        assert!(bad(r#"{"op":"max","field":"tanks"}"#).starts_with("unknown variant `tanks`"));
    }

    fn query(json: &str) -> SeriesQuery {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn scrambles_by_japanese_fiscal_year() {
        let q = query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 4}}], "reported": "scrambles", "filter": {"kinds": ["statistic"]}}"#,
        );
        let s = series(&crate::dataset::seed::seed(), &q).unwrap();
        assert_eq!(s.points.len(), 1);
        assert_eq!(s.points[0].key, ["FY2023"]);
        assert_eq!(s.points[0].value, Quantity::Exact(669.0));
        assert_eq!(s.points[0].basis, Basis::Reported);
    }

    #[test]
    fn year_precision_records_are_not_guessed_into_fiscal_years() {
        let q = query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 4}}], "filter": {"kinds": ["exercise"]}}"#,
        );
        let s = series(&crate::dataset::seed::seed(), &q).unwrap();
        assert!(s.points.is_empty());
        assert_eq!(s.unplaced.len(), 2);
    }

    #[test]
    fn per_year_statistic_does_not_map_onto_fiscal_years() {
        let q = query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 4}}], "reported": "jointExercises", "filter": {"kinds": ["exercise"]}}"#,
        );
        let s = series(&crate::dataset::seed::seed(), &q).unwrap();
        assert!(s
            .unplaced
            .iter()
            .any(|u| u.id == "joint-exercises-2014-2023"));
    }

    #[test]
    fn grouping_by_participant_counts_each_state() {
        let q = query(
            r#"{"groupBy": [{"by": "participant"}], "filter": {"kinds": ["exercise", "patrol"]}}"#,
        );
        let s = series(&crate::dataset::seed::seed(), &q).unwrap();
        let got: Vec<(String, String)> = s
            .points
            .iter()
            .map(|p| (p.key[0].clone(), p.value.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                ("CHN".to_string(), "3".to_string()),
                ("RUS".to_string(), "3".to_string())
            ]
        );
    }

    #[test]
    fn sums_carry_bounds_and_note_missing_figures() {
        let q = query(
            r#"{"aggregate": {"op": "sum", "field": "ships"}, "filter": {"kinds": ["exercise"]}}"#,
        );
        let s = series(&crate::dataset::seed::seed(), &q).unwrap();
        assert_eq!(s.points.len(), 1);
        // Ocean-2024 gives "over 400"; Northern/Interaction gives no figure, so the sum is a lower bound.
        assert_eq!(s.points[0].counted, Quantity::AtLeast(400.0));
        assert_eq!(s.points[0].missing, ["northern-interaction-2024"]);
        let q = query(
            r#"{"aggregate": {"op": "max", "field": "personnel"}, "filter": {"kinds": ["exercise"], "areas": []}, "groupBy": [{"by": "series"}]}"#,
        );
        let s = series(&crate::dataset::seed::seed(), &q).unwrap();
        assert_eq!(
            s.points
                .iter()
                .map(|p| p.key[0].as_str())
                .collect::<Vec<_>>(),
            ["(none)", "Northern/Interaction"]
        );
    }

    #[test]
    fn two_keys_zero_fill_every_combination() {
        let q = query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}, {"by": "domain"}], "filter": {"kinds": ["exercise"], "from": "2023", "to": "2024"}}"#,
        );
        let s = series(&crate::dataset::seed::seed(), &q).unwrap();
        // 2 years x 2 domains seen (air, naval)
        assert_eq!(s.points.len(), 4);
        let naval_2024 = s
            .points
            .iter()
            .find(|p| p.key == ["2024", "naval"])
            .unwrap();
        assert_eq!(naval_2024.value, Quantity::Exact(2.0));
        let air_2023 = s.points.iter().find(|p| p.key == ["2023", "air"]).unwrap();
        assert_eq!(air_2023.value, Quantity::Exact(0.0));
    }

    #[test]
    fn a_long_window_times_many_keys_is_refused_before_it_fills_memory() {
        let mut ds = crate::dataset::seed::seed();
        for i in 0..50 {
            let mut e = ds.exercises[0].clone();
            e.id = format!("e{i}");
            e.areas = vec![format!("area-{i}")];
            e.dates = Some(crate::DateRange::single("2024-05".parse().unwrap()));
            ds.exercises.push(e);
        }
        // 1,500 months × 50 area keys = 75,000 points: fine.
        // 24,288 months (0001–2024) × 50 keys = 1,214,400 points: refused, though under MAX_PERIODS.
        let q = |from: &str| -> SeriesQuery {
            serde_json::from_str(&format!(r#"{{"groupBy": [{{"by": "period", "granularity": {{"type": "month"}}}}, {{"by": "area"}}], "filter": {{"from": "{from}", "to": "2024"}}}}"#)).unwrap()
        };
        assert!(series(&ds, &q("1900")).is_ok());
        assert_eq!(
            series(&ds, &q("0001")).map(|_| ()).unwrap_err().code,
            CallCode::WindowTooLarge
        );
    }

    #[test]
    fn bad_queries_are_errors_not_panics() {
        let q = query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 13}}]}"#,
        );
        assert_eq!(
            series(&crate::dataset::seed::seed(), &q).unwrap_err().code,
            CallCode::InvalidGranularity
        );
        let q = query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "month"}}], "filter": {"from": "0001", "to": "9999"}}"#,
        );
        assert_eq!(
            series(&crate::dataset::seed::seed(), &q).unwrap_err().code,
            CallCode::WindowTooLarge
        );
        let q = query(r#"{"groupBy": [{"by": "area"}, {"by": "domain"}, {"by": "series"}]}"#);
        assert_eq!(
            series(&crate::dataset::seed::seed(), &q).unwrap_err().code,
            CallCode::BadGrouping
        );
    }

    #[test]
    fn trends_need_exact_values() {
        let q = query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}], "filter": {"kinds": ["exercise"], "from": "2014", "to": "2024"}, "reported": "jointExercises"}"#,
        );
        assert!(trends(&series(&crate::dataset::seed::seed(), &q).unwrap()).is_err());
        let q = query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}], "filter": {"kinds": ["exercise"], "from": "2020", "to": "2024"}}"#,
        );
        let t = trends(&series(&crate::dataset::seed::seed(), &q).unwrap()).unwrap();
        // 0,0,0,0,2: S = 4 pairs rising.
        assert_eq!(t.mann_kendall.unwrap().s, 4);
    }
}
