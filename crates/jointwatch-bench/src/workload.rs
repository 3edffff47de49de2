//! The benchmarked operations, with their fixed inputs, so that the criterion
//! benchmarks, their smoke test and the Node benchmark (through the `gen`
//! binary's workload file) all run exactly the same work.
//!
//! | operation | what it does |
//! | --- | --- |
//! | [`load_validate`] | what `Dataset::load` does: parse with error paths, then validate |
//! | [`parse_floor`] | bare `serde_json::from_str::<Dataset>`: the floor for loading |
//! | [`validate`] | validation of a held dataset |
//! | [`query`] | [`FISCAL_YEAR_QUERY`]: count by Japanese fiscal year × participant, filtered |
//! | [`trends`] | [`TREND_QUERY`] series, then year-over-year, least squares, Mann–Kendall, Sen |
//! | [`closest_approaches`] | every patrol route against the [`APPROACH_AREA`] polygon |
//! | [`assessment`] | the scenario assessment with the catalogue's indicators |
//!
//! # Example
//! ```
//! use jointwatch_bench::workload;
//! let ds = jointwatch_bench::generate(3, 300);
//! let text = workload::to_json(&ds);
//! let (loaded, _report) = workload::load_validate(&text).unwrap();
//! assert_eq!(loaded, workload::parse_floor(&text).unwrap());
//! assert!(!workload::query(&loaded).points.is_empty());
//! ```

use jointwatch::analysis::geography::{area_target, closest_approach, Target};
use jointwatch::analysis::series::{
    series, trends as series_trends, Series, SeriesQuery, SeriesTrend,
};
use jointwatch::assess::{assess, AssessOptions, Assessment};
use jointwatch::{builtin_area, Dataset, Limits, LoadError, Report, ValidateOptions};

/// The seed [`generate`](crate::generate) is called with by the benchmarks.
pub const SEED: u64 = 20_240_901;

/// The re-aggregation a dashboard runs on every click: China or Russia taking
/// part, 2000–2024, counted by Japanese fiscal year (April to March) and by
/// participant, zero-filled.
pub const FISCAL_YEAR_QUERY: &str = r#"{
  "filter": {"participantsAny": ["CHN", "RUS"], "from": "2000", "to": "2024"},
  "groupBy": [
    {"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 4}},
    {"by": "participant"}
  ],
  "aggregate": {"op": "count"}
}"#;

/// The series the trend statistics run on: China–Russia joint exercises per
/// calendar year, 2005–2024. The generated dataset declares no coverage,
/// so the query assumes it complete: otherwise every count is uncovered and
/// the trend tests are refused before they run.
pub const TREND_QUERY: &str = r#"{
  "filter": {"kinds": ["exercise"], "participantsAll": ["CHN", "RUS"], "from": "2005", "to": "2024"},
  "groupBy": [{"by": "period", "granularity": {"type": "year"}}],
  "assumeComplete": true
}"#;

/// The built-in area whose polygon every patrol route is measured against.
pub const APPROACH_AREA: &str = "taiwan-strait";

/// [`FISCAL_YEAR_QUERY`], parsed.
///
/// # Example
/// ```
/// let q = jointwatch_bench::workload::fiscal_year_query();
/// assert_eq!(q.group_by.len(), 2);
/// ```
pub fn fiscal_year_query() -> SeriesQuery {
    serde_json::from_str(FISCAL_YEAR_QUERY).expect("FISCAL_YEAR_QUERY is a valid SeriesQuery")
}

/// [`TREND_QUERY`], parsed.
///
/// # Example
/// ```
/// let q = jointwatch_bench::workload::trend_query();
/// assert_eq!(q.group_by.len(), 1);
/// ```
pub fn trend_query() -> SeriesQuery {
    serde_json::from_str(TREND_QUERY).expect("TREND_QUERY is a valid SeriesQuery")
}

/// The polygon of [`APPROACH_AREA`] (its bounding box, with edges that
/// follow the parallels in 1° steps).
///
/// # Example
/// ```
/// use jointwatch::analysis::geography::Target;
/// let t = jointwatch_bench::workload::approach_target();
/// assert!(matches!(t, Target::Polygon { ref points } if points.len() >= 4));
/// ```
pub fn approach_target() -> Target {
    builtin_area(APPROACH_AREA)
        .and_then(|a| area_target(&a))
        .expect("APPROACH_AREA is a built-in area with a bounding box")
}

/// The dataset as compact JSON: what the load benchmarks parse and what
/// the `gen` binary writes.
///
/// # Example
/// ```
/// let text = jointwatch_bench::workload::to_json(&jointwatch::Dataset::default());
/// assert!(text.starts_with("{\"formatVersion\":\"2.0\""));
/// ```
pub fn to_json(ds: &Dataset) -> String {
    serde_json::to_string(ds).expect("a Dataset always serialises")
}

/// The default [`Limits`], with the document size raised to admit `text`:
/// a million generated records make about 420 MB of JSON, more than the
/// default limit of 256 MiB, and a benchmark must time the reading, not a
/// refusal.
///
/// # Example
/// ```
/// use jointwatch::Limits;
/// let l = jointwatch_bench::workload::limits_for("{}");
/// assert_eq!(l, Limits::default());
/// ```
pub fn limits_for(text: &str) -> Limits {
    let default = Limits::default();
    Limits {
        max_bytes: default.max_bytes.max(text.len()),
        ..default
    }
}

/// Reads and validates a document as [`Dataset::load`] does (default
/// validation options), with [`limits_for`] the text.
///
/// # Errors
/// The [`LoadError`] of a document that cannot be read or has errors.
pub fn load_validate(text: &str) -> Result<(Dataset, Report), LoadError> {
    let ds = Dataset::from_json_with(text, &limits_for(text))?;
    let report = ds.validate_with(&ValidateOptions::default());
    if report.has_errors() {
        return Err(LoadError {
            findings: report.findings,
        });
    }
    Ok((ds, report))
}

/// Bare `serde_json` parsing into the same types, without error paths or
/// validation: the floor that [`load_validate`] is compared with.
///
/// # Errors
/// The `serde_json` error of malformed input.
pub fn parse_floor(text: &str) -> serde_json::Result<Dataset> {
    serde_json::from_str(text)
}

/// Validates a held dataset with default options.
pub fn validate(ds: &Dataset) -> Report {
    ds.validate()
}

/// Runs [`FISCAL_YEAR_QUERY`].
///
/// # Panics
/// Never for the fixed query; a query error would be a bug in the core.
pub fn query(ds: &Dataset) -> Series {
    series(ds, &fiscal_year_query()).expect("the fiscal-year query is well formed")
}

/// Runs [`TREND_QUERY`] and the trend statistics on its values.
///
/// # Errors
/// The core's message when the series is too short for trend tests (as in
/// a dataset with fewer than three years of China–Russia exercises).
pub fn trends(ds: &Dataset) -> Result<SeriesTrend, String> {
    let s = series(ds, &trend_query()).map_err(|e| e.to_string())?;
    series_trends(&s).map_err(|e| e.message)
}

/// What [`closest_approaches`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct Approaches {
    /// Patrols with a route, each measured once.
    pub routes: usize,
    /// Routes that enter or touch the polygon.
    pub inside: usize,
    /// The smallest distance, in kilometres (infinite when there is no route).
    pub min_km: f64,
    /// The sum of the distances, in kilometres (a checksum for comparisons).
    pub total_km: f64,
}

/// The closest approach of every patrol route to `target`.
///
/// # Example
/// ```
/// use jointwatch_bench::workload::{approach_target, closest_approaches};
/// let ds = jointwatch_bench::generate(2, 400);
/// let a = closest_approaches(&ds, &approach_target());
/// assert!(a.routes > 0 && a.min_km >= 0.0 && a.total_km.is_finite());
/// ```
pub fn closest_approaches(ds: &Dataset, target: &Target) -> Approaches {
    let mut out = Approaches {
        routes: 0,
        inside: 0,
        min_km: f64::INFINITY,
        total_km: 0.0,
    };
    for p in ds.patrols.iter().filter(|p| !p.route.is_empty()) {
        if let Ok(a) = closest_approach(&p.route, target) {
            out.routes += 1;
            out.inside += usize::from(a.inside);
            out.min_km = out.min_km.min(a.distance_km);
            out.total_km += a.distance_km;
        }
    }
    out
}

/// The scenario assessment as of the latest date in the dataset.
pub fn assessment(ds: &Dataset) -> Assessment {
    assess(ds, &AssessOptions::default())
}

/// The inputs of the Node benchmark, as the `gen` binary writes them next
/// to a dataset: the two queries and the target polygon.
///
/// # Example
/// ```
/// let w = jointwatch_bench::workload::workload_json();
/// assert_eq!(w["target"]["type"], "polygon");
/// assert_eq!(w["seriesQuery"]["groupBy"][1]["by"], "participant");
/// ```
pub fn workload_json() -> serde_json::Value {
    serde_json::json!({
        "seriesQuery": fiscal_year_query(),
        "trendQuery": trend_query(),
        "approachArea": APPROACH_AREA,
        "target": approach_target(),
    })
}

/// The dataset sizes the benchmarks run at by default: 1 k, 100 k and 1 M records.
pub const DEFAULT_SIZES: [usize; 3] = [1_000, 100_000, 1_000_000];

/// Reads sizes such as `"1k,100k,1M"` or `"1000 250000"` (separated by
/// commas or spaces; `k` = 1000, `M` = 1 000 000).
///
/// # Errors
/// A message naming the part that is not a size.
///
/// # Example
/// ```
/// use jointwatch_bench::workload::parse_sizes;
/// assert_eq!(parse_sizes("1k, 100k,1M").unwrap(), [1_000, 100_000, 1_000_000]);
/// assert_eq!(parse_sizes("2500").unwrap(), [2_500]);
/// assert!(parse_sizes("lots").is_err());
/// ```
pub fn parse_sizes(text: &str) -> Result<Vec<usize>, String> {
    text.split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            let (digits, unit) = match s.as_bytes()[s.len() - 1] {
                b'k' | b'K' => (&s[..s.len() - 1], 1_000),
                b'M' | b'm' => (&s[..s.len() - 1], 1_000_000),
                _ => (s, 1),
            };
            digits
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_mul(unit))
                .ok_or_else(|| format!("{s:?} is not a size (try 1k, 100k, 1M or 2500)"))
        })
        .collect()
}

/// The sizes to benchmark: `JW_BENCH_SIZES` when set (see [`parse_sizes`]),
/// else [`DEFAULT_SIZES`].
///
/// # Panics
/// When `JW_BENCH_SIZES` is set but is not a list of sizes, so that a typo
/// does not silently run the full benchmark.
pub fn sizes_from_env() -> Vec<usize> {
    match std::env::var("JW_BENCH_SIZES") {
        Ok(v) if !v.trim().is_empty() => {
            parse_sizes(&v).unwrap_or_else(|e| panic!("JW_BENCH_SIZES: {e}"))
        }
        _ => DEFAULT_SIZES.to_vec(),
    }
}

/// A short label for a size: `1k`, `100k`, `1M`, or the number.
///
/// # Example
/// ```
/// use jointwatch_bench::workload::size_label;
/// assert_eq!([size_label(1_000), size_label(1_000_000), size_label(2_500)], ["1k", "1M", "2500"]);
/// ```
pub fn size_label(n: usize) -> String {
    if n >= 1_000_000 && n.is_multiple_of(1_000_000) {
        format!("{}M", n / 1_000_000)
    } else if n >= 1_000 && n.is_multiple_of(1_000) {
        format!("{}k", n / 1_000)
    } else {
        n.to_string()
    }
}
