//! What is read off a computed series: a summary that carries bounds, and
//! trend tests over exact values on the time axis, both leaving out
//! missing points and uncovered counts.

use serde::{Deserialize, Serialize};

use super::{PointStatus, Series, SeriesPoint};
use crate::analysis::trend;
use crate::diagnostics::{CallCode, CallError};
use crate::model::period::Period;
use crate::model::quantity::Quantity;

/// A point left out of a summary or of trend tests, and why (its status).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LeftOut {
    /// The point's key.
    pub key: Vec<String>,
    /// Why it was left out: `missing` (no figure) or `uncovered` (a count
    /// outside declared coverage).
    pub status: PointStatus,
}

/// What a summary's median is the median of.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MedianOf {
    /// Every value is exact: the median of the figures.
    ExactValues,
    /// Some values are ranges or bounds: the median of their midpoints (or
    /// best estimates, or lower bounds when unbounded), a number the sources
    /// may never give.
    Midpoints,
}

/// Minimum, maximum, mean and median of a series' values, carrying bounds.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SeriesSummary {
    /// Number of points summarised (those left out are not counted).
    pub n: usize,
    /// The smallest lower bound of any point.
    pub min: f64,
    /// The largest upper bound of any point; `None` when some point is unbounded.
    pub max: Option<f64>,
    /// Mean of the lower bounds.
    pub mean_low: f64,
    /// Mean of the upper bounds; `None` when some point is unbounded.
    pub mean_high: Option<f64>,
    /// Median of the points' single values (exact figure, best estimate or
    /// midpoint); [`median_of`](Self::median_of) says which.
    pub median: f64,
    /// Whether the median is of exact figures or of midpoints.
    pub median_of: MedianOf,
    /// Whether every value summarised is exact (only then are trend tests run).
    pub all_exact: bool,
    /// Points left out: missing ones always, uncovered counts unless the
    /// query assumed the dataset complete.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<LeftOut>,
}

/// The points a summary or trend test uses (observed ones with a value),
/// and the ones it leaves out.
fn partition(s: &Series) -> (Vec<(&SeriesPoint, Quantity)>, Vec<LeftOut>) {
    let mut used = Vec::new();
    let mut left_out = Vec::new();
    for p in &s.points {
        match (p.status, p.value) {
            (PointStatus::Observed, Some(v)) => used.push((p, v)),
            (status, _) => left_out.push(LeftOut {
                key: p.key.clone(),
                status: if status == PointStatus::Observed {
                    PointStatus::Missing
                } else {
                    status
                },
            }),
        }
    }
    (used, left_out)
}

/// Summarises the observed values of a series, leaving out missing points
/// and uncovered counts (listed in [`SeriesSummary::left_out`]); `None` when
/// no point is left.
///
/// # Example
/// ```
/// use jointwatch::analysis::series::{series, summarize, MedianOf, SeriesQuery};
/// let q: SeriesQuery = serde_json::from_str(r#"{
///   "filter": {"kinds": ["exercise"], "participantsAll": ["CHN", "RUS"], "from": "2014", "to": "2023"},
///   "groupBy": [{"by": "period", "granularity": {"type": "year"}}], "reported": "jointExercises"
/// }"#).unwrap();
/// let s = summarize(&series(&jointwatch::seed(), &q).unwrap()).unwrap();
/// assert_eq!((s.min, s.max), (4.0, Some(10.0)));
/// // "Four to ten a year": 7 is the median of midpoints, not a reported figure.
/// assert_eq!((s.median, s.median_of), (7.0, MedianOf::Midpoints));
/// ```
pub fn summarize(s: &Series) -> Option<SeriesSummary> {
    let (used, left_out) = partition(s);
    let values: Vec<Quantity> = used.iter().map(|(_, v)| *v).collect();
    if values.is_empty() {
        return None;
    }
    let lows: Vec<f64> = values.iter().map(|q| q.low()).collect();
    let highs: Option<Vec<f64>> = values.iter().map(|q| q.high()).collect();
    let points: Vec<f64> = values.iter().map(|q| q.point()).collect();
    let lo = trend::summary(&lows)?;
    let hi = highs.as_deref().and_then(trend::summary);
    let all_exact = values.iter().all(|q| q.is_exact());
    Some(SeriesSummary {
        n: values.len(),
        min: lo.min,
        max: hi.as_ref().map(|h| h.max),
        mean_low: lo.mean,
        mean_high: hi.as_ref().map(|h| h.mean),
        median: trend::summary(&points)?.median,
        median_of: if all_exact {
            MedianOf::ExactValues
        } else {
            MedianOf::Midpoints
        },
        all_exact,
        left_out,
    })
}

/// The unit of a trend's time axis, set by the series' period key.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TimeUnit {
    /// Calendar years: x is the year (2024).
    Year,
    /// Fiscal years: x is the year the fiscal year is named for (FY2023 → 2023).
    FiscalYear,
    /// Quarters: x = year × 4 + quarter − 1 (2024-Q1 → 8096).
    Quarter,
    /// Months: x = year × 12 + month − 1 (2024-01 → 24288).
    Month,
}

/// A point a trend test used, at its place on the time axis.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrendPoint {
    /// The point's key.
    pub key: Vec<String>,
    /// Its position in time, in [`SeriesTrend::unit`]s.
    pub x: f64,
    /// Its value.
    pub y: f64,
}

/// Trend tests over the observed, exact values of a series grouped by
/// period, on the time axis.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeriesTrend {
    /// The unit of x (slopes are per one of these).
    pub unit: TimeUnit,
    /// The points used, in time order, with their x and y.
    pub used: Vec<TrendPoint>,
    /// The points left out (missing, or uncovered unless the query assumed
    /// the dataset complete).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<LeftOut>,
    /// Change from each used point to the next, one per used point: `None`
    /// for the first, and where the previous used point is not the period
    /// just before (a gap is not a one-period change).
    pub year_over_year: Vec<Option<trend::Change>>,
    /// Least-squares line over x (slope per unit of time).
    pub least_squares: Option<trend::LinearFit>,
    /// Mann–Kendall test on the used values in time order.
    pub mann_kendall: Option<trend::MannKendall>,
    /// Sen's slope per unit of time, over the real x values.
    pub sens_slope: Option<trend::SensSlope>,
}

/// A period's position on the time axis, and its unit.
fn time_of(p: &Period) -> Option<(TimeUnit, f64)> {
    match *p {
        Period::CalendarYear { year } => Some((TimeUnit::Year, f64::from(year))),
        Period::FiscalYear { year, .. } => Some((TimeUnit::FiscalYear, f64::from(year))),
        Period::Quarter { year, quarter } => Some((
            TimeUnit::Quarter,
            f64::from(year) * 4.0 + f64::from(quarter) - 1.0,
        )),
        Period::Month { year, month } => Some((
            TimeUnit::Month,
            f64::from(year) * 12.0 + f64::from(month) - 1.0,
        )),
        // Not the period of any granularity, so never a series' point.
        Period::Years { .. }
        | Period::FiscalQuarter { .. }
        | Period::FiscalHalf { .. }
        | Period::Span { .. } => None,
    }
}

/// Runs the trend tests on a series grouped by period, or says why not.
///
/// Each point sits at its position in time (see [`TimeUnit`]); missing
/// points, and uncovered counts unless the query set `assumeComplete`, are
/// skipped and listed. The tests need at least three used points, all
/// exact (ranges and bounds would make any trend an artefact of how the
/// uncertainty is resolved). Mann–Kendall depends only on the order of the
/// used values; least squares and Sen's slope use the real x, so their
/// slopes are per unit of time and a gap is a gap.
///
/// Over more than [`trend::PAIRWISE_MAX_POINTS`] points the Mann–Kendall test
/// and Sen's slope, which compare every pair of points, are `None`; the
/// changes and the least-squares fit are still given.
///
/// # Errors
/// A [`CallError`] with code `not-applicable` whose message says why: the
/// series is not grouped by period alone, fewer than three points are used,
/// or some used value is a range or bound.
///
/// # Example
/// ```
/// use jointwatch::analysis::series::{series, trends, SeriesQuery, TimeUnit};
/// use jointwatch::CallCode;
/// let seed = jointwatch::seed();
/// let yearly = |from: &str, extra: &str| -> SeriesQuery {
///     serde_json::from_str(&format!(r#"{{
///       "filter": {{"kinds": ["exercise"], "participantsAll": ["CHN", "RUS"], "from": "{from}", "to": "2024"}},
///       "groupBy": [{{"by": "period", "granularity": {{"type": "year"}}}}]{extra}
///     }}"#)).unwrap()
/// };
/// // The seed declares no coverage: its counts are uncovered, so no trend.
/// let err = trends(&series(&seed, &yearly("2020", "")).unwrap()).unwrap_err();
/// assert_eq!(err.message, "0 point(s) used (5 uncovered left out); trend tests need at least three");
/// // Assuming the dataset complete, five exact counts, x = 2020…2024.
/// let t = trends(&series(&seed, &yearly("2020", r#", "assumeComplete": true"#)).unwrap()).unwrap();
/// assert_eq!((t.unit, t.used.len(), t.used[0].x), (TimeUnit::Year, 5, 2020.0));
/// // With the reported "four to ten a year" beside them, the values are ranges.
/// let ranges = series(&seed, &yearly("2014", r#", "reported": "jointExercises""#)).unwrap();
/// let err = trends(&ranges).unwrap_err();
/// assert_eq!(err.code, CallCode::NotApplicable);
/// assert_eq!(err.message, "some values are ranges or bounds; trend tests need exact values");
/// ```
pub fn trends(s: &Series) -> Result<SeriesTrend, CallError> {
    let (used, skipped) = partition(s);
    let mut unit = None;
    let mut points = Vec::with_capacity(used.len());
    for (p, v) in &used {
        let Some((u, x)) = p.period.as_ref().and_then(time_of) else {
            return Err(not_applicable(
                "trend tests need a series grouped by period".into(),
            ));
        };
        if unit.is_some_and(|prev| prev != u) {
            return Err(not_applicable("trend tests need one kind of period".into()));
        }
        if points.last().is_some_and(|last: &TrendPoint| last.x >= x) {
            return Err(not_applicable(
                "trend tests need one point per period: group by period alone".into(),
            ));
        }
        unit = Some(u);
        points.push(TrendPoint {
            key: p.key.clone(),
            x,
            y: v.point(),
        });
    }
    if used.iter().any(|(_, v)| !v.is_exact()) {
        return Err(not_applicable(
            "some values are ranges or bounds; trend tests need exact values".into(),
        ));
    }
    let unit = match unit {
        Some(u) if points.len() >= 3 => u,
        _ => {
            let count = |st: PointStatus| skipped.iter().filter(|l| l.status == st).count();
            let mut why = Vec::new();
            for (st, word) in [
                (PointStatus::Missing, "missing"),
                (PointStatus::Uncovered, "uncovered"),
            ] {
                let k = count(st);
                if k > 0 {
                    why.push(format!("{k} {word}"));
                }
            }
            let left = if why.is_empty() {
                String::new()
            } else {
                format!(" ({} left out)", why.join(", "))
            };
            return Err(not_applicable(format!(
                "{} point(s) used{left}; trend tests need at least three",
                points.len()
            )));
        }
    };
    let xs: Vec<f64> = points.iter().map(|p| p.x).collect();
    let ys: Vec<f64> = points.iter().map(|p| p.y).collect();
    let mut year_over_year = trend::year_over_year(&ys);
    for (i, change) in year_over_year.iter_mut().enumerate().skip(1) {
        if xs[i] - xs[i - 1] != 1.0 {
            *change = None;
        }
    }
    Ok(SeriesTrend {
        unit,
        least_squares: trend::least_squares(&xs, &ys),
        mann_kendall: trend::mann_kendall(&ys),
        sens_slope: trend::sens_slope(&xs, &ys),
        used: points,
        skipped,
        year_over_year,
    })
}

fn not_applicable(why: String) -> CallError {
    CallError::new(CallCode::NotApplicable, why)
}
