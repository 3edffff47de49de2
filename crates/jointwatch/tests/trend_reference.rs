//! A series trend on the time axis, checked against established
//! implementations: a reported-only fiscal-year series of scrambles with
//! one year not held (issue 13).
//!
//! The numbers are pinned from `pymannkendall` 1.4.3 and SciPy 1.17.1, run
//! on the points the series trend used, in time order, with their real x:
//!
//! ```python
//! import pymannkendall, scipy.stats
//! y = [999, 725, 704, 678, 669]; x = [2018, 2020, 2021, 2022, 2023]
//! pymannkendall.original_test(y)   # s=-10.0, var_s=16.666666666666668, z=-2.2045407685048604, p=0.0274863361115103, Tau=-1.0, 'decreasing'
//! scipy.stats.theilslopes(y, x)    # slope=-24.75, intercept=50723.75
//! ```
//!
//! `tests/trend/reference.py` recomputes them; the test runs it when
//! `python3 -c 'import pymannkendall, scipy'` works (scripts/setup installs
//! both), and otherwise says that it skipped it.

use std::path::Path;
use std::process::Command;

use jointwatch::analysis::series::{
    series, trends, PointStatus, SeriesQuery, SeriesTrend, TimeUnit,
};
use jointwatch::analysis::trend::Trend;
use jointwatch::Dataset;

/// FY2018–FY2023 with FY2019 not held (figures made up for the test; the
/// series' unit tests read the same file).
fn dataset() -> Dataset {
    Dataset::from_json(include_str!("data/scrambles-fy-gap.json")).unwrap()
}

fn trend() -> SeriesTrend {
    let q: SeriesQuery = serde_json::from_str(
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 4}}],
            "reported": "scrambles", "filter": {"kinds": ["statistic"]}}"#,
    )
    .unwrap();
    let s = series(&dataset(), &q).unwrap();
    assert_eq!(s.points[1].status, PointStatus::Missing);
    trends(&s).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn matches_pymannkendall_1_4_3_and_scipy_theilslopes_on_the_held_points() {
    let t = trend();
    assert_eq!(t.unit, TimeUnit::FiscalYear);
    let xs: Vec<f64> = t.used.iter().map(|p| p.x).collect();
    let ys: Vec<f64> = t.used.iter().map(|p| p.y).collect();
    assert_eq!(xs, [2018.0, 2020.0, 2021.0, 2022.0, 2023.0]);
    assert_eq!(ys, [999.0, 725.0, 704.0, 678.0, 669.0]);
    // pymannkendall 1.4.3: original_test([999, 725, 704, 678, 669]).
    let mk = t.mann_kendall.as_ref().unwrap();
    assert_eq!(mk.s, -10);
    assert!(close(mk.var_s, 16.666666666666668), "{}", mk.var_s);
    assert!(close(mk.z, -2.2045407685048604), "{}", mk.z);
    assert!(close(mk.p_value, 0.0274863361115103), "{}", mk.p_value);
    assert!(close(mk.tau, -1.0));
    assert_eq!(mk.trend, Trend::Decreasing);
    // SciPy 1.17.1: theilslopes([999, 725, 704, 678, 669], [2018, 2020, 2021, 2022, 2023]).
    let sen = t.sens_slope.as_ref().unwrap();
    assert!(close(sen.slope, -24.75), "{}", sen.slope);
    assert!(close(sen.intercept, 50723.75), "{}", sen.intercept);
}

#[test]
fn recomputed_by_the_reference_script_when_python_has_it() {
    let available = Command::new("python3")
        .args(["-c", "import pymannkendall, scipy"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        eprintln!("SKIPPED: python3 cannot import pymannkendall and scipy (run scripts/setup)");
        return;
    }
    let t = trend();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("trend_reference");
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("points.json");
    let xs: Vec<f64> = t.used.iter().map(|p| p.x).collect();
    let ys: Vec<f64> = t.used.iter().map(|p| p.y).collect();
    std::fs::write(&input, serde_json::json!({"x": xs, "y": ys}).to_string()).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/trend/reference.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let num = |k: &str| r[k].as_f64().unwrap();
    let mk = t.mann_kendall.as_ref().unwrap();
    let sen = t.sens_slope.as_ref().unwrap();
    assert_eq!(mk.s as f64, num("s"));
    assert!(close(mk.var_s, num("varS")), "{r}");
    assert!(close(mk.z, num("z")), "{r}");
    assert!(close(mk.p_value, num("p")), "{r}");
    assert!(close(mk.tau, num("tau")), "{r}");
    assert_eq!(r["trend"], "decreasing");
    assert!(close(sen.slope, num("senSlope")), "{r}");
    assert!(close(sen.intercept, num("senIntercept")), "{r}");
}
