//! The analyst's brief: everything the library can say about a dataset in
//! one result — validation, the series set beside what statistics report,
//! trends where the data allows, patrol cadence, record-setters, breakdown
//! shares and the scenario assessment. Every figure is computed from the
//! dataset; nothing here is written in by hand.
//!
//! [`brief()`] builds it; [`render_text`] (in `text`) prints it for a
//! terminal, after the plain-text [`listing`] of the dataset.
//!
//! This is the top layer beside [`crate::format`]: it gathers validation,
//! analysis and the scenario assessment into one result. Nothing below
//! imports it.

pub mod listing;
pub mod reconcile;
mod text;

pub use text::render_text;

use serde::Serialize;

use crate::analysis::breakdown::{shares, Shares};
use crate::analysis::cadence::{patrol_cadence, Cadence};
use crate::analysis::series::{
    series, summarize, trends, Field, GroupBy, Series, SeriesQuery, SeriesSummary, SeriesTrend,
};
use crate::analysis::superlative::{largest, largest_among, RecordSetter};
use crate::assess::{assess, AssessOptions, Assessment};
use crate::dataset::Dataset;
use crate::diagnostics::{Report, ValidateOptions};
use crate::model::exercise::ClaimKind;
use crate::model::patrol::PatrolKind;
use crate::model::period::{Granularity, Period};
use crate::model::statistic::{Measure, Rate};

/// A series with its summaries and trend tests.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeriesView {
    /// What the series shows.
    pub title: String,
    /// The query that produced it, so it can be re-run.
    pub query: SeriesQuery,
    /// The series.
    pub series: Series,
    /// Summary of every point.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<SeriesSummary>,
    /// Summaries over the windows that statistics report for (e.g. 2014–2023).
    pub reported_windows: Vec<WindowSummary>,
    /// Trend tests, when the values allow them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trend: Option<SeriesTrend>,
    /// Why trend tests were not run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trend_skipped: Option<String>,
}

/// A series summarised over a statistic's window.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WindowSummary {
    /// The statistic whose period sets the window.
    pub statistic: String,
    /// The window.
    pub period: Period,
    /// The summary of the points inside it.
    pub summary: SeriesSummary,
}

/// The cadence of the patrols of one kind.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KindCadence {
    /// The patrol kind.
    pub kind: PatrolKind,
    /// Its cadence.
    pub cadence: Cadence,
}

/// A claim checked against the dataset.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimCheck {
    /// The exercise making the claim.
    pub exercise: String,
    /// The claim's words.
    pub text: String,
    /// What the dataset shows, figure by figure.
    pub checks: Vec<RecordSetter>,
}

/// The brief.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Brief {
    /// The dataset's title.
    pub title: String,
    /// Validation findings.
    pub validation: Report,
    /// Series of records and reported statistics.
    pub series: Vec<SeriesView>,
    /// Patrol cadence, every kind together (the numbering is per kind and
    /// authority all the same: [`Cadence::numbering`]).
    pub cadence: Cadence,
    /// Patrol cadence per kind, when patrols of more than one kind are held
    /// (so that air and naval patrols are not read as one series); empty
    /// otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cadence_by_kind: Vec<KindCadence>,
    /// The largest exercise by personnel, ships and aircraft in the 30 years to the assessment date.
    pub largest: Vec<RecordSetter>,
    /// "Largest in N years" claims, checked.
    pub claims: Vec<ClaimCheck>,
    /// Shares of every breakdown.
    pub shares: Vec<Shares>,
    /// The scenario assessment (built-in catalogue applied where the dataset's scenarios match it).
    pub assessment: Assessment,
}

fn granularity_of(p: &Period, rate: Rate) -> Option<Granularity> {
    match (p, rate) {
        (Period::Years { .. }, Rate::PerYear) | (Period::CalendarYear { .. }, _) => {
            Some(Granularity::Year)
        }
        (
            Period::FiscalYear {
                first_month,
                named_by,
                ..
            },
            _,
        ) => Some(Granularity::FiscalYear {
            first_month: *first_month,
            named_by: *named_by,
        }),
        (Period::Quarter { .. }, _) => Some(Granularity::Quarter),
        (Period::Month { .. }, _) => Some(Granularity::Month),
        // No granularity cuts time into these, so no series is set beside them.
        (Period::Years { .. }, Rate::Total)
        | (Period::FiscalQuarter { .. }, _)
        | (Period::FiscalHalf { .. }, _)
        | (Period::Span { .. }, _) => None,
    }
}

fn measure_title(m: Measure, g: &Granularity) -> String {
    let what = match m {
        Measure::JointExercises => "Joint exercises",
        Measure::Exercises => "Exercises",
        Measure::JointAirPatrols => "Joint air patrols",
        Measure::JointNavalPatrols => "Joint naval patrols",
        Measure::Scrambles => "Scrambles",
        Measure::Other => "Other reported figures",
    };
    let per = match g {
        Granularity::Year => "per year".to_string(),
        Granularity::FiscalYear { first_month, .. } => {
            format!("per fiscal year (starting month {first_month})")
        }
        Granularity::Quarter => "per quarter".to_string(),
        Granularity::Month => "per month".to_string(),
    };
    format!("{what} {per}")
}

fn view(ds: &Dataset, title: String, query: SeriesQuery) -> Option<SeriesView> {
    let s = series(ds, &query).ok()?;
    if s.points.is_empty() {
        return None;
    }
    let reported_windows = query
        .reported
        .map(|m| {
            ds.statistics
                .iter()
                .filter(|st| st.measure == m && st.rate == Rate::PerYear)
                .filter_map(|st| {
                    let p = st.period?;
                    let inside = Series {
                        points: s
                            .points
                            .iter()
                            .filter(|pt| {
                                pt.period.is_some_and(|x| {
                                    x.first_day() >= p.first_day() && x.last_day() <= p.last_day()
                                })
                            })
                            .cloned()
                            .collect(),
                        unplaced: Vec::new(),
                        same_event: Vec::new(),
                    };
                    Some(WindowSummary {
                        statistic: st.id.clone(),
                        period: p,
                        summary: summarize(&inside)?,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let (trend, trend_skipped) = match trends(&s) {
        Ok(t) => (Some(t), None),
        Err(e) => (None, Some(e.message)),
    };
    Some(SeriesView {
        title,
        summary: summarize(&s),
        query,
        series: s,
        reported_windows,
        trend,
        trend_skipped,
    })
}

/// Builds the brief of a dataset as of a date (by default the latest date it mentions).
///
/// # Example
/// ```
/// let b = jointwatch::brief::brief(&jointwatch::seed(), &Default::default(), &Default::default());
/// assert_eq!(b.assessment.scenarios.len(), 9);
/// let fy = b.series.iter().find(|s| s.title.starts_with("Scrambles")).unwrap();
/// assert_eq!(fy.series.points[0].key, ["FY2023"]);
/// ```
pub fn brief(ds: &Dataset, validate: &ValidateOptions, options: &AssessOptions) -> Brief {
    let validation = ds.validate_with(validate);
    let full = crate::assess::catalogue::apply(ds, options);
    let assessment = assess(&full, options);
    let as_of_year: i16 = assessment
        .as_of
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(9999);

    // One series per reported measure and period type, beside the records that count towards it.
    let mut kinds: Vec<(Measure, Granularity)> = Vec::new();
    let mut series_views = Vec::new();
    for st in &ds.statistics {
        // `other` statistics count different things (say so in their
        // labels): one series of them would set unlike figures side by side
        // as if they disagreed. They are listed, not charted.
        if st.measure == Measure::Other {
            continue;
        }
        let Some(g) = st.period.as_ref().and_then(|p| granularity_of(p, st.rate)) else {
            continue;
        };
        if kinds.contains(&(st.measure, g)) {
            continue;
        }
        kinds.push((st.measure, g));
        let mut filter = st
            .measure
            .record_filter()
            .unwrap_or(crate::model::record::Filter {
                kinds: vec![crate::model::record::RecordKind::Statistic],
                ..Default::default()
            });
        filter.participants_all = st.subjects.iter().map(|p| p.country).collect();
        // Window: from the earliest reported period to the later of the latest record or report.
        let reported: Vec<&Period> = ds
            .statistics
            .iter()
            .filter(|x| x.measure == st.measure)
            .filter_map(|x| x.period.as_ref())
            .collect();
        let first = reported.iter().filter_map(|p| p.first_day()).min();
        let last_report = reported.iter().filter_map(|p| p.last_day()).max();
        // A measure no record kind holds (scrambles) is shown only where it is reported.
        let last_record = if st.measure.record_filter().is_some() {
            filter
                .select(ds)
                .iter()
                .filter_map(|r| r.start().map(|d| d.last_day()))
                .max()
        } else {
            None
        };
        let last = last_report.max(last_record);
        if let (Some(a), Some(b)) = (first, last) {
            filter.from = Some(a.into());
            filter.to = Some(b.into());
        }
        let query = SeriesQuery {
            filter,
            group_by: vec![GroupBy::Period { granularity: g }],
            aggregate: Default::default(),
            reported: Some(st.measure),
            assume_complete: false,
        };
        if let Some(v) = view(ds, measure_title(st.measure, &g), query) {
            series_views.push(v);
        }
    }
    // Exercises per year even where no statistic reports them.
    if !kinds
        .iter()
        .any(|(m, g)| *m == Measure::JointExercises && *g == Granularity::Year)
        && !ds.exercises.is_empty()
    {
        let filter = Measure::JointExercises.record_filter().unwrap_or_default();
        let query = SeriesQuery {
            filter,
            group_by: vec![GroupBy::Period {
                granularity: Granularity::Year,
            }],
            aggregate: Default::default(),
            reported: None,
            assume_complete: false,
        };
        if let Some(v) = view(ds, "Joint exercises per year".into(), query) {
            series_views.push(v);
        }
    }

    let largest_by = [Field::Personnel, Field::Ships, Field::Aircraft]
        .iter()
        .map(|f| largest(ds, *f, as_of_year, 30))
        .filter(|r| r.compared > 0)
        .collect();
    let mut claims = Vec::new();
    for e in &ds.exercises {
        for c in e.claims.iter().filter(|c| c.kind == ClaimKind::Largest) {
            let (Some(years), Some(d)) = (c.window_years, e.dates) else {
                continue;
            };
            let Ok(years) = u16::try_from(years) else {
                continue;
            };
            // Compared with exercises of the domains the claim names ("the
            // largest naval exercise"), else of the exercise's own.
            let class = match c.scope_domains() {
                named if !named.is_empty() => named,
                _ => e.domains.clone(),
            };
            let checks = [Field::Ships, Field::Aircraft, Field::Personnel]
                .iter()
                .map(|f| largest_among(ds, *f, d.start.year(), years, &class))
                .filter(|r| r.compared > 0)
                .collect();
            claims.push(ClaimCheck {
                exercise: e.id.clone(),
                text: c.text.clone(),
                checks,
            });
        }
    }
    Brief {
        title: ds
            .title
            .clone()
            .unwrap_or_else(|| "Untitled dataset".into()),
        validation,
        series: series_views,
        cadence: patrol_cadence(ds, None),
        cadence_by_kind: {
            let kinds = [PatrolKind::JointAirPatrol, PatrolKind::JointNavalPatrol];
            let held: Vec<PatrolKind> = kinds
                .into_iter()
                .filter(|k| ds.patrols.iter().any(|p| p.kind == *k))
                .collect();
            if held.len() > 1 {
                held.into_iter()
                    .map(|k| KindCadence {
                        kind: k,
                        cadence: patrol_cadence(ds, Some(k)),
                    })
                    .collect()
            } else {
                Vec::new()
            }
        },
        largest: largest_by,
        claims,
        shares: ds
            .statistics
            .iter()
            .filter(|s| !s.breakdown.is_empty())
            .map(shares)
            .collect(),
        assessment,
    }
}
