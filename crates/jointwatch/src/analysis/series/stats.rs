//! What is read off a computed series: a summary that carries bounds, and
//! trend tests over exact values.

use serde::{Deserialize, Serialize};

use super::Series;
use crate::analysis::trend;
use crate::diagnostics::{CallCode, CallError};
use crate::model::quantity::Quantity;

/// Minimum, maximum, mean and median of a series' values, carrying bounds.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SeriesSummary {
    /// Number of points.
    pub n: usize,
    /// The smallest lower bound of any point.
    pub min: f64,
    /// The largest upper bound of any point; `None` when some point is unbounded.
    pub max: Option<f64>,
    /// Mean of the lower bounds.
    pub mean_low: f64,
    /// Mean of the upper bounds; `None` when some point is unbounded.
    pub mean_high: Option<f64>,
    /// Median of the points' single values (exact figure, best estimate or midpoint).
    pub median: f64,
    /// Whether every value is exact (only then are trend tests run).
    pub all_exact: bool,
}

/// Summarises the values of a series.
///
/// # Example
/// ```
/// use jointwatch::analysis::series::{series, summarize, SeriesQuery};
/// let q: SeriesQuery = serde_json::from_str(r#"{
///   "filter": {"kinds": ["exercise"], "participantsAll": ["CHN", "RUS"], "from": "2014", "to": "2023"},
///   "groupBy": [{"by": "period", "granularity": {"type": "year"}}], "reported": "jointExercises"
/// }"#).unwrap();
/// let s = summarize(&series(&jointwatch::seed(), &q).unwrap()).unwrap();
/// assert_eq!((s.min, s.max), (4.0, Some(10.0)));
/// ```
pub fn summarize(s: &Series) -> Option<SeriesSummary> {
    let values: Vec<Quantity> = s.points.iter().map(|p| p.value).collect();
    if values.is_empty() {
        return None;
    }
    let lows: Vec<f64> = values.iter().map(|q| q.low()).collect();
    let highs: Option<Vec<f64>> = values.iter().map(|q| q.high()).collect();
    let points: Vec<f64> = values.iter().map(|q| q.point()).collect();
    let lo = trend::summary(&lows)?;
    let hi = highs.as_deref().and_then(trend::summary);
    Some(SeriesSummary {
        n: values.len(),
        min: lo.min,
        max: hi.as_ref().map(|h| h.max),
        mean_low: lo.mean,
        mean_high: hi.as_ref().map(|h| h.mean),
        median: trend::summary(&points)?.median,
        all_exact: values.iter().all(|q| q.is_exact()),
    })
}

/// Trend tests over a series of exact values, in point order.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeriesTrend {
    /// Change from each point to the next (first is `None`).
    pub year_over_year: Vec<Option<trend::Change>>,
    /// Least-squares line over the point index.
    pub least_squares: Option<trend::LinearFit>,
    /// Mann–Kendall test.
    pub mann_kendall: Option<trend::MannKendall>,
    /// Sen's slope per point.
    pub sens_slope: Option<trend::SensSlope>,
}

/// Runs the trend tests on a series, or says why not: they need at least
/// three points and exact values (ranges and bounds would make any trend
/// an artefact of how the uncertainty is resolved).
///
/// Over more than [`trend::PAIRWISE_MAX_POINTS`] points the Mann–Kendall test
/// and Sen's slope, which compare every pair of points, are `None`; the
/// year-over-year changes and the least-squares fit are still given.
///
/// # Errors
/// A [`CallError`] with code `not-applicable` whose message says why.
///
/// # Example
/// ```
/// use jointwatch::analysis::series::{series, trends, SeriesQuery};
/// use jointwatch::CallCode;
/// let seed = jointwatch::seed();
/// let yearly = |from: &str, reported: &str| -> SeriesQuery {
///     serde_json::from_str(&format!(r#"{{
///       "filter": {{"kinds": ["exercise"], "participantsAll": ["CHN", "RUS"], "from": "{from}", "to": "2024"}},
///       "groupBy": [{{"by": "period", "granularity": {{"type": "year"}}}}]{reported}
///     }}"#)).unwrap()
/// };
/// // Counted exercises, 2020–2024: five exact values.
/// let t = trends(&series(&seed, &yearly("2020", "")).unwrap()).unwrap();
/// assert_eq!(t.year_over_year.len(), 5);
/// // With the reported "four to ten a year" beside them, the values are ranges.
/// let ranges = series(&seed, &yearly("2014", r#", "reported": "jointExercises""#)).unwrap();
/// let err = trends(&ranges).unwrap_err();
/// assert_eq!(err.code, CallCode::NotApplicable);
/// assert_eq!(err.message, "some values are ranges or bounds; trend tests need exact values");
/// ```
pub fn trends(s: &Series) -> Result<SeriesTrend, CallError> {
    if s.points.iter().any(|p| !p.value.is_exact()) {
        return Err(not_applicable(
            "some values are ranges or bounds; trend tests need exact values".into(),
        ));
    }
    let ys: Vec<f64> = s.points.iter().map(|p| p.value.point()).collect();
    if ys.len() < 3 {
        return Err(not_applicable(format!(
            "{} point(s); trend tests need at least three",
            ys.len()
        )));
    }
    let xs: Vec<f64> = (0..ys.len()).map(|i| i as f64).collect();
    Ok(SeriesTrend {
        year_over_year: trend::year_over_year(&ys),
        least_squares: trend::least_squares(&xs, &ys),
        mann_kendall: trend::mann_kendall(&ys),
        sens_slope: trend::sens_slope(&xs, &ys),
    })
}

fn not_applicable(why: String) -> CallError {
    CallError::new(CallCode::NotApplicable, why)
}
