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
use crate::model::source::{Credibility, Reliability};

mod columns;
mod compute;
mod query;
mod stats;

pub use crate::diagnostics::CallError;
pub use columns::Columns;
pub use compute::{period_of_fuzzy, series, series_on, series_with};
pub use query::{Aggregate, Field, GroupBy, SeriesQuery};
pub use stats::{
    summarize, trends, LeftOut, MedianOf, SeriesSummary, SeriesTrend, TimeUnit, TrendPoint,
};

/// The most periods a zero-filled series may hold.
pub const MAX_PERIODS: usize = 100_000;

/// The most points (periods × other keys) a zero-filled series may hold, so
/// that a long window grouped by a second key cannot exhaust memory.
pub const MAX_POINTS: usize = 1_000_000;

/// What a computed series carries besides its figures.
///
/// # Example
/// ```
/// use jointwatch::analysis::series::SeriesOptions;
/// let o: SeriesOptions = serde_json::from_str(r#"{"ids": false}"#).unwrap();
/// assert!(!o.ids);
/// assert!(SeriesOptions::default().ids, "ids are listed unless left out");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct SeriesOptions {
    /// List the ids of the records counted in each point's `ids` (default
    /// `true`). `false` leaves every `ids` empty: a chart that only draws
    /// the figures then does not pay for an id per counted record.
    pub ids: bool,
}

impl Default for SeriesOptions {
    fn default() -> Self {
        SeriesOptions { ids: true }
    }
}

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
    /// No figure: the query counts no record kind and no statistic reports
    /// for the point (the point is [`PointStatus::Missing`]).
    None,
}

/// What a point's value can be taken to say.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PointStatus {
    /// A figure a statistic reports, or a count inside declared coverage
    /// (or in a query that assumes the dataset complete): a zero here is an
    /// observed zero.
    Observed,
    /// A count outside declared coverage: shown, but a zero means "no record
    /// held", not "no event". Left out of summaries and trend tests unless
    /// the query sets `assumeComplete`.
    Uncovered,
    /// No figure at all: the measure is one only statistics report (the
    /// query counts no record kind), and none reports for this point. The
    /// value is absent, never 0; left out of summaries and trend tests.
    Missing,
}

pub use crate::model::figure::Resolution;

/// One statistic's figure for a point, with the grading it is weighed by.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportedFigure {
    /// The statistic's id.
    pub statistic: String,
    /// The figure it gives for the point.
    pub quantity: Quantity,
    /// Reliability of its best source (absent when it cites none held).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    /// Credibility of its best source (absent when it cites none held).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credibility: Option<Credibility>,
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
    /// The figure computed from the records held; absent when the query
    /// counts no record kind (a measure only statistics report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted: Option<Quantity>,
    /// The figure statistics report for the same period (when several
    /// disagree, the one chosen by [`resolution`](Self::resolution)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<Quantity>,
    /// The figure to show: the reported one where there is one, else the
    /// counted one; absent (never 0) when the point is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Quantity>,
    /// Where `value` comes from.
    pub basis: Basis,
    /// Whether the value is observed, an uncovered count, or missing.
    pub status: PointStatus,
    /// The declared coverage entry under which the count is complete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub covered_by: Option<String>,
    /// Ids of the records counted (empty when the call asked for no ids,
    /// [`SeriesOptions::ids`]).
    pub ids: Vec<String>,
    /// Ids of the statistics that report for this point.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported_by: Vec<String>,
    /// Ids of matching records that lack the figure being summed (the sum is then a lower bound).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// Ids of the records whose summed (or maximised) figure has values
    /// that disagree: the value used was chosen by the conflict rule
    /// (`Dataset::resolve_figure` lists every value with its sources).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contested: Vec<String>,
    /// When statistics report different figures for the point: every
    /// figure, with its statistic and grading, in the dataset's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<ReportedFigure>,
    /// How `reported` was chosen among the alternatives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Resolution>,
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

/// A record left out of a series because a record of the same event
/// (linked `sameEvent`) is counted instead.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SameEvent {
    /// The record left out.
    pub id: String,
    /// The record of the same event that is counted.
    pub counted_as: String,
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
    /// Records that pass the filter but are records of an event already
    /// counted (linked `sameEvent`): each event counts once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same_event: Vec<SameEvent>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::CallCode;
    use crate::model::period::Granularity;
    use crate::model::source::Reliability;

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
            GroupBy::IncidentKind,
            GroupBy::Responder,
            GroupBy::Target,
            GroupBy::NumberedBy,
            GroupBy::Joint,
            GroupBy::RecordKind,
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

    fn two_point_zero() -> crate::dataset::Dataset {
        crate::dataset::Dataset::from_json(r#"{"formatVersion": "2.0",
          "sources": [{"id": "mod", "title": "MoD", "reliability": "C", "credibility": 3},
                      {"id": "press", "title": "Press", "reliability": "B", "credibility": 2}],
          "exercises": [
            {"id": "v", "name": "V", "participants": ["RUS", "CHN"], "dates": "2018-09-11",
             "forces": {"personnel": {"values": [
               {"value": 300000, "stance": "claimed", "by": "RUS", "sources": ["mod"]},
               {"value": 297000, "stance": "reported", "sources": ["press"]}]}}, "sources": ["mod"]},
            {"id": "w", "name": "W", "participants": ["RUS", "CHN"], "dates": "2018-10-01",
             "forces": {"personnel": 100}, "sources": ["mod"],
             "links": [{"rel": "sameEvent", "to": "x"}]},
            {"id": "x", "name": "X", "participants": ["RUS", "CHN"], "dates": "2018-10-01",
             "forces": {"personnel": 100}, "sources": ["mod"]}],
          "patrols": [
            {"id": "p", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2019-07-23",
             "numbering": [{"number": 1, "by": "CHN"}, {"number": 1}]}],
          "incidents": [
            {"id": "entry", "kind": "adizEntry", "by": ["CHN", "RUS"], "against": ["KOR"], "dates": "2019-07-23"},
            {"id": "shots", "kind": "warningShots", "by": ["KOR"], "against": ["RUS"], "dates": "2019-07-23"}],
          "activities": [{"id": "a", "kind": "flight", "domain": "air", "participants": ["RUS"], "dates": "2019-07-23"}]
        }"#).unwrap()
    }

    fn keyed(ds: &crate::dataset::Dataset, json: &str) -> Vec<(String, Vec<String>)> {
        series(ds, &query(json))
            .unwrap()
            .points
            .into_iter()
            .map(|p| (p.key.join(" "), p.ids))
            .collect()
    }

    #[test]
    fn grouping_by_the_keys_of_format_two() {
        let ds = two_point_zero();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let got = keyed(
            &ds,
            r#"{"filter": {"kinds": ["incident"]}, "groupBy": [{"by": "responder"}]}"#,
        );
        // The ADIZ entry is no response: it has no responder.
        assert_eq!(
            got,
            [
                ("(none)".to_string(), s(&["entry"])),
                ("KOR".to_string(), s(&["shots"]))
            ]
        );
        let got = keyed(
            &ds,
            r#"{"filter": {"kinds": ["incident"]}, "groupBy": [{"by": "target"}, {"by": "incidentKind"}]}"#,
        );
        assert_eq!(
            got,
            [
                ("KOR adizEntry".to_string(), s(&["entry"])),
                ("KOR warningShots".to_string(), Vec::new()),
                ("RUS adizEntry".to_string(), Vec::new()),
                ("RUS warningShots".to_string(), s(&["shots"]))
            ]
            .into_iter()
            .filter(|(_, ids)| !ids.is_empty())
            .collect::<Vec<_>>()
        );
        let got = keyed(
            &ds,
            r#"{"filter": {"kinds": ["patrol"]}, "groupBy": [{"by": "numberedBy"}]}"#,
        );
        assert_eq!(
            got,
            [
                ("(unattributed)".to_string(), s(&["p"])),
                ("CHN".to_string(), s(&["p"]))
            ]
        );
        let got = keyed(
            &ds,
            r#"{"filter": {"kinds": ["patrol", "activity", "incident"]}, "groupBy": [{"by": "joint"}, {"by": "recordKind"}]}"#,
        );
        assert_eq!(
            got,
            [
                ("joint incident".to_string(), s(&["entry"])),
                ("joint patrol".to_string(), s(&["p"])),
                ("single-state activity".to_string(), s(&["a"])),
                ("single-state incident".to_string(), s(&["shots"])),
            ]
        );
    }

    #[test]
    fn same_event_records_count_once_and_contested_sums_say_so() {
        let ds = two_point_zero();
        let q = query(
            r#"{"filter": {"kinds": ["exercise"]}, "aggregate": {"op": "sum", "field": "personnel"}}"#,
        );
        let s = series(&ds, &q).unwrap();
        assert_eq!(s.points[0].ids, ["v", "w"], "x is the same event as w");
        assert_eq!(
            s.same_event,
            [SameEvent {
                id: "x".into(),
                counted_as: "w".into()
            }]
        );
        assert_eq!(s.points[0].contested, ["v"]);
        // The better-graded value (the press's 297,000), not the larger.
        assert_eq!(s.points[0].counted, Some(Quantity::Exact(297100.0)));
        // Without links or contested figures nothing new is written.
        let seed = crate::dataset::seed::seed();
        let text = serde_json::to_string(&series(&seed, &q).unwrap()).unwrap();
        assert!(!text.contains("sameEvent") && !text.contains("contested"));
    }

    #[test]
    fn scrambles_by_japanese_fiscal_year() {
        let q = query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 4}}], "reported": "scrambles", "filter": {"kinds": ["statistic"]}}"#,
        );
        let s = series(&crate::dataset::seed::seed(), &q).unwrap();
        assert_eq!(s.points.len(), 1);
        assert_eq!(s.points[0].key, ["FY2023"]);
        assert_eq!(s.points[0].value, Some(Quantity::Exact(669.0)));
        assert_eq!(s.points[0].counted, None, "no record kind counts scrambles");
        assert_eq!(s.points[0].status, PointStatus::Observed);
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
            .map(|p| (p.key[0].clone(), p.value.unwrap().to_string()))
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
        assert_eq!(s.points[0].counted, Some(Quantity::AtLeast(400.0)));
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
        assert_eq!(naval_2024.value, Some(Quantity::Exact(2.0)));
        let air_2023 = s.points.iter().find(|p| p.key == ["2023", "air"]).unwrap();
        assert_eq!(air_2023.value, Some(Quantity::Exact(0.0)));
        assert_eq!(air_2023.status, PointStatus::Uncovered);
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
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}], "filter": {"kinds": ["exercise"], "from": "2020", "to": "2024"}, "assumeComplete": true}"#,
        );
        let t = trends(&series(&crate::dataset::seed::seed(), &q).unwrap()).unwrap();
        // 0,0,0,0,2: S = 4 pairs rising.
        assert_eq!(t.mann_kendall.unwrap().s, 4);
    }

    /// Japan's scrambles by fiscal year, FY2018–FY2023, with FY2019 not
    /// held: the issue-13 case (shared with `tests/trend_reference.rs`).
    fn scrambles_with_a_gap() -> crate::dataset::Dataset {
        crate::dataset::Dataset::from_json(include_str!(
            "../../../tests/data/scrambles-fy-gap.json"
        ))
        .unwrap()
    }

    const FY_SCRAMBLES: &str = r#"{"groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 4}}],
        "reported": "scrambles", "filter": {"kinds": ["statistic"]}}"#;

    #[test]
    fn a_year_no_statistic_reports_is_missing_not_zero() {
        // Before: FY2019 was a point of value 0, basis `counted`, and the
        // summary's minimum was 0.
        let s = series(&scrambles_with_a_gap(), &query(FY_SCRAMBLES)).unwrap();
        let fy2019 = &s.points[1];
        assert_eq!(fy2019.key, ["FY2019"]);
        assert_eq!(fy2019.value, None);
        assert_eq!(fy2019.counted, None);
        assert_eq!(fy2019.basis, Basis::None);
        assert_eq!(fy2019.status, PointStatus::Missing);
        let json = serde_json::to_value(fy2019).unwrap();
        assert!(
            json.get("value").is_none() && json.get("counted").is_none(),
            "{json}"
        );
        assert_eq!(json["status"], "missing");
        let sum = summarize(&s).unwrap();
        assert_eq!((sum.n, sum.min), (5, 669.0));
        assert_eq!(
            sum.left_out,
            [LeftOut {
                key: vec!["FY2019".into()],
                status: PointStatus::Missing
            }]
        );
        assert_eq!(sum.median_of, MedianOf::ExactValues);
    }

    #[test]
    fn trends_run_on_the_time_axis_and_skip_missing_years() {
        // Before: the missing FY2019 entered as 0 and x was the point index,
        // so S = −7 over six points (p ≈ 0.26, "no trend") and Sen's slope
        // was per point. On the figures held, the decrease is significant.
        let s = series(&scrambles_with_a_gap(), &query(FY_SCRAMBLES)).unwrap();
        let t = trends(&s).unwrap();
        assert_eq!(t.unit, TimeUnit::FiscalYear);
        let xs: Vec<f64> = t.used.iter().map(|p| p.x).collect();
        assert_eq!(xs, [2018.0, 2020.0, 2021.0, 2022.0, 2023.0]);
        assert_eq!(t.skipped.len(), 1);
        assert_eq!(t.skipped[0].key, ["FY2019"]);
        let mk = t.mann_kendall.unwrap();
        assert_eq!(mk.s, -10);
        assert_eq!(mk.trend, crate::analysis::trend::Trend::Decreasing);
        // FY2018 → FY2020 is not a one-year change.
        assert!(t.year_over_year[1].is_none());
        assert_eq!(t.year_over_year[2].as_ref().unwrap().absolute, -21.0);
        // The old input, the point index and a 0 for FY2019: no trend.
        let old = crate::analysis::trend::mann_kendall(&[999.0, 0.0, 725.0, 704.0, 678.0, 669.0])
            .unwrap();
        assert_eq!(
            (old.s, old.trend),
            (-7, crate::analysis::trend::Trend::NoTrend)
        );
    }

    #[test]
    fn a_count_after_reported_ranges_is_not_read_as_a_collapse() {
        // Issue 13: the seed's "2" for 2024 after ten rows of "4–10" entered
        // the summary. The seed declares no coverage: 2024 is uncovered.
        let q = query(
            r#"{"filter": {"kinds": ["exercise"], "participantsAll": ["CHN", "RUS"], "from": "2014", "to": "2024"},
                "groupBy": [{"by": "period", "granularity": {"type": "year"}}], "reported": "jointExercises"}"#,
        );
        let s = series(&crate::dataset::seed::seed(), &q).unwrap();
        assert_eq!(s.points[10].value, Some(Quantity::Exact(2.0)));
        assert_eq!(s.points[10].status, PointStatus::Uncovered);
        let sum = summarize(&s).unwrap();
        assert_eq!(
            (sum.n, sum.min, sum.median, sum.median_of),
            (10, 4.0, 7.0, MedianOf::Midpoints)
        );
        assert_eq!(sum.left_out.len(), 1);
        assert_eq!(sum.left_out[0].key, ["2024"]);
    }

    #[test]
    fn counts_outside_declared_coverage_are_uncovered_unless_assumed_complete() {
        let mut ds = crate::dataset::seed::seed();
        let q = r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}],
            "filter": {"kinds": ["exercise"], "participantsAll": ["CHN", "RUS"], "from": "2022", "to": "2024"}"#;
        let s = series(&ds, &query(&format!("{q}}}"))).unwrap();
        assert!(s.points.iter().all(|p| p.status == PointStatus::Uncovered));
        assert!(summarize(&s).is_none(), "nothing observed to summarise");
        let s = series(&ds, &query(&format!(r#"{q}, "assumeComplete": true}}"#))).unwrap();
        assert!(s.points.iter().all(|p| p.status == PointStatus::Observed));
        assert_eq!(summarize(&s).unwrap().n, 3);
        // Coverage of exercises from 2023: 2022 stays uncovered.
        ds.coverage = serde_json::from_str(
            r#"[{"id": "ex", "description": "every exercise", "scope": {"kinds": ["exercise"]}, "from": "2023", "to": "2025"}]"#,
        )
        .unwrap();
        let s = series(&ds, &query(&format!("{q}}}"))).unwrap();
        let got: Vec<(PointStatus, Option<&str>)> = s
            .points
            .iter()
            .map(|p| (p.status, p.covered_by.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (PointStatus::Uncovered, None),
                (PointStatus::Observed, Some("ex")),
                (PointStatus::Observed, Some("ex"))
            ]
        );
        let sum = summarize(&s).unwrap();
        assert_eq!((sum.n, sum.min, sum.max), (2, 0.0, Some(2.0)));
        assert_eq!(sum.left_out[0].status, PointStatus::Uncovered);
    }

    #[test]
    fn conflicting_figures_follow_the_better_graded_source_and_list_the_alternatives() {
        // Issue 13: 669 from a B2 source and 700 from a D4 one for the same
        // fiscal year; the series showed the larger, 700, with no word.
        let doc = |second_grade: (&str, u8)| {
            crate::dataset::Dataset::from_json(&format!(
                r#"{{"formatVersion": "1.0", "sources": [
                  {{"id": "b2", "title": "Joint Staff", "reliability": "B", "credibility": 2}},
                  {{"id": "other", "title": "A blog", "reliability": "{}", "credibility": {}}}],
                  "statistics": [
                  {{"id": "js", "label": "l", "measure": "scrambles", "period": {{"type": "fiscalYear", "year": 2023, "firstMonth": 4}}, "quantity": 669, "sources": ["b2"]}},
                  {{"id": "blog", "label": "l", "measure": "scrambles", "period": {{"type": "fiscalYear", "year": 2023, "firstMonth": 4}}, "quantity": 700, "sources": ["other"]}}]}}"#,
                second_grade.0, second_grade.1
            ))
            .unwrap()
        };
        let s = series(&doc(("D", 4)), &query(FY_SCRAMBLES)).unwrap();
        let p = &s.points[0];
        assert_eq!(p.value, Some(Quantity::Exact(669.0)));
        assert_eq!(p.resolution, Some(Resolution::BetterGraded));
        let alt: Vec<(&str, String, Option<Reliability>, Option<u8>)> = p
            .alternatives
            .iter()
            .map(|a| {
                (
                    a.statistic.as_str(),
                    a.quantity.to_string(),
                    a.reliability,
                    a.credibility.map(|c| c.number()),
                )
            })
            .collect();
        assert_eq!(
            alt,
            [
                ("js", "669".to_string(), Some(Reliability::B), Some(2)),
                ("blog", "700".to_string(), Some(Reliability::D), Some(4))
            ]
        );
        assert_eq!(p.reported_by, ["js", "blog"]);
        // Credibility breaks a tie in reliability.
        let s = series(&doc(("B", 1)), &query(FY_SCRAMBLES)).unwrap();
        assert_eq!(s.points[0].value, Some(Quantity::Exact(700.0)));
        // Graded alike: the range spanning both.
        let s = series(&doc(("B", 2)), &query(FY_SCRAMBLES)).unwrap();
        assert_eq!(
            s.points[0].value,
            Some(Quantity::Range {
                min: 669.0,
                max: 700.0
            })
        );
        assert_eq!(s.points[0].resolution, Some(Resolution::Span));
        assert_eq!(s.points[0].alternatives.len(), 2);
        // Agreeing figures are no conflict.
        let seed = crate::dataset::seed::seed();
        let s = series(&seed, &query(FY_SCRAMBLES)).unwrap();
        assert!(s.points[0].alternatives.is_empty() && s.points[0].resolution.is_none());
    }
}
