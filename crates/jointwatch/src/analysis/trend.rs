//! Trend statistics over evenly spaced series, such as yearly counts of joint
//! exercises or scrambles.
//!
//! Everything here is plain numeric code on `&[f64]` slices: descriptive
//! [`summary`], [`year_over_year`] changes, an ordinary [`least_squares`] line,
//! the Mann–Kendall monotonic trend test ([`mann_kendall`],
//! [`mann_kendall_at`]), the Theil–Sen slope ([`sens_slope`]) and an exact
//! comparison of two Poisson rates ([`rate_comparison`]).
//!
//! # Missing and non-finite values
//!
//! No function here panics, whatever it is given. `NaN`, `+∞` and `−∞` are
//! treated as *missing observations* and skipped, the way `pymannkendall`
//! skips `NaN`: functions taking one series drop such values; functions taking
//! `(xs, ys)` pairs drop every pair in which either coordinate is non-finite.
//! A function returns `None` when too little finite data is left for its
//! statistic to be defined (each function documents its own minimum), or
//! when a result would overflow to a non-finite number.
//!
//! # Positions
//!
//! Functions that take only `values` assume the observations are evenly
//! spaced and in time order. [`least_squares`] and [`sens_slope`] take
//! explicit x positions (years, say); for a series indexed `0, 1, 2, …` pass
//! `(0..n).map(|i| i as f64)`.
//!
//! # Cost
//!
//! [`mann_kendall`] and [`sens_slope`] look at every pair of points, so they
//! take O(n²) time ([`sens_slope`] also O(n²) memory); that is nothing for
//! yearly or monthly series but not meant for millions of points.

use serde::Serialize;

/// Descriptive statistics of the finite values of a series.
///
/// Serialises with camelCase field names.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Number of finite values used.
    pub n: usize,
    /// Number of non-finite values (`NaN`, `±∞`) that were skipped.
    pub skipped: usize,
    /// Smallest finite value.
    pub min: f64,
    /// Largest finite value.
    pub max: f64,
    /// Arithmetic mean. Always finite (computed without overflow even when
    /// [`sum`](Self::sum) overflows).
    pub mean: f64,
    /// Median; for an even count the mean of the two middle values.
    pub median: f64,
    /// Sum of the finite values. Can be `±∞` if the sum of huge values
    /// overflows `f64` (the other fields stay finite).
    pub sum: f64,
}

/// The change from one observation to the next.
///
/// Serialises with camelCase field names.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// `current − previous`.
    pub absolute: f64,
    /// `(current − previous) / |previous|`: a fraction, so `0.25` means
    /// +25 %. Dividing by the magnitude keeps its sign equal to the sign of
    /// [`absolute`](Self::absolute) when the previous value is negative.
    /// `None` when the previous value is `0` (or the ratio overflows).
    pub relative: Option<f64>,
}

/// An ordinary least-squares line `y = intercept + slope · x`.
///
/// Serialises with camelCase field names.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinearFit {
    /// Number of finite `(x, y)` pairs used.
    pub n: usize,
    /// Slope: change in `y` per unit of `x`.
    pub slope: f64,
    /// Value of the line at `x = 0`.
    pub intercept: f64,
    /// Coefficient of determination in `[0, 1]`. When every `y` is equal the
    /// horizontal line fits exactly and this is `1`.
    pub r_squared: f64,
}

/// Direction of a monotonic trend, as decided by a significance test.
///
/// Serialises as `"increasing"`, `"decreasing"` or `"noTrend"`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Trend {
    /// Significant upward trend.
    Increasing,
    /// Significant downward trend.
    Decreasing,
    /// No significant trend at the chosen level.
    NoTrend,
}

/// Result of the Mann–Kendall trend test (Mann 1945, Kendall 1975), computed
/// exactly as `pymannkendall.original_test` does.
///
/// Serialises with camelCase field names (`varS`, `pValue`, …).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MannKendall {
    /// Number of finite values used.
    pub n: usize,
    /// Mann–Kendall score `S = Σ_{i<j} sign(x_j − x_i)`.
    pub s: i64,
    /// Variance of `S` under the null hypothesis with the tie correction
    /// `[n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18`, summed over groups of `t`
    /// equal values.
    pub var_s: f64,
    /// Continuity-corrected standard normal score: `(S−1)/√var` if `S > 0`,
    /// `(S+1)/√var` if `S < 0`, `0` if `S = 0` or the variance is `0`.
    pub z: f64,
    /// Two-sided p-value `2·(1 − Φ(|z|))`.
    pub p_value: f64,
    /// Kendall's tau-a: `S / (n(n−1)/2)`.
    pub tau: f64,
    /// Significance level the [`trend`](Self::trend) was decided at.
    pub alpha: f64,
    /// [`Trend::Increasing`] or [`Trend::Decreasing`] (by the sign of `z`)
    /// when `p_value < alpha`, else [`Trend::NoTrend`]. This is the same
    /// decision as `pymannkendall`'s `|z| > Φ⁻¹(1 − α/2)`.
    pub trend: Trend,
}

/// The Theil–Sen estimator of a line's slope, with the Conover intercept.
///
/// Serialises with camelCase field names.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SensSlope {
    /// Number of finite `(x, y)` pairs used.
    pub n: usize,
    /// Median of the pairwise slopes `(y_j − y_i) / (x_j − x_i)`, `i < j`,
    /// over the pairs with `x_j ≠ x_i`.
    pub slope: f64,
    /// `median(y) − median(x) · slope` (Conover 1980), the convention of
    /// `pymannkendall.sens_slope`, which uses positions `x = 0, 1, …, n−1`
    /// so that `median(x) = (n−1)/2`.
    pub intercept: f64,
}

/// How a p-value was computed.
///
/// Serialises as `"exact"` or `"normalApproximation"`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PValueMethod {
    /// Exact summation of binomial probabilities.
    Exact,
    /// Continuity-corrected normal approximation to the binomial.
    NormalApproximation,
}

/// Comparison of two event rates (events per unit of exposure, e.g. per year
/// or per 1000 flight hours).
///
/// Serialises with camelCase field names.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RateComparison {
    /// `count_a / exposure_a`.
    pub rate_a: f64,
    /// `count_b / exposure_b`.
    pub rate_b: f64,
    /// `rate_b / rate_a`; `None` when `rate_a` is `0` (or the ratio
    /// overflows).
    pub ratio: Option<f64>,
    /// Two-sided p-value for the hypothesis that both rates are equal.
    pub p_value: f64,
    /// Whether [`p_value`](Self::p_value) is exact or approximate.
    pub method: PValueMethod,
}

/// Largest total count for which [`rate_comparison`] sums binomial
/// probabilities exactly; above it, it uses the normal approximation.
pub const EXACT_RATE_TEST_MAX_TOTAL: u64 = 1000;

/// Most finite values [`mann_kendall_at`] and [`sens_slope`] take: both
/// compare every pair of values, so their cost grows with the square of the
/// count (Sen's slope holds every pairwise slope, 16 MB at this limit).
/// Above it they return `None`. A series of this length is 166 years of
/// months; longer inputs come from mistaken dates more often than from data.
pub const PAIRWISE_MAX_POINTS: usize = 2_000;

/// Descriptive statistics of the finite values in `values`.
///
/// Non-finite values are skipped and counted in [`Summary::skipped`].
/// Returns `None` when no finite value is left (empty input, or only
/// `NaN`/`±∞`).
///
/// # Example
/// ```
/// use jointwatch::analysis::trend::summary;
/// let s = summary(&[3.0, 1.0, 4.0, f64::NAN, 1.0, 5.0, 9.0]).unwrap();
/// assert_eq!((s.n, s.skipped), (6, 1));
/// assert_eq!((s.min, s.max, s.sum), (1.0, 9.0, 23.0));
/// assert_eq!(s.median, 3.5);
/// assert!(summary(&[]).is_none());
/// ```
pub fn summary(values: &[f64]) -> Option<Summary> {
    let mut v = finite(values);
    if v.is_empty() {
        return None;
    }
    let n = v.len();
    let sum: f64 = v.iter().sum();
    let mean = mean_of_finite(&v, sum);
    let min = v.iter().copied().fold(f64::INFINITY, f64::min);
    let max = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let median = median_in_place(&mut v)?;
    Some(Summary {
        n,
        skipped: values.len() - n,
        min,
        max,
        mean,
        median,
        sum,
    })
}

/// The change from each observation to the next.
///
/// The result has the same length as `values`. Element `0` is `None` (there
/// is no previous value); element `i` is `None` when `values[i − 1]` or
/// `values[i]` is not finite, or the difference overflows. Empty input gives
/// an empty vector.
///
/// # Example
/// ```
/// use jointwatch::analysis::trend::year_over_year;
/// let yoy = year_over_year(&[100.0, 110.0, 0.0, 5.0]);
/// assert!(yoy[0].is_none());
/// let up = yoy[1].as_ref().unwrap();
/// assert_eq!(up.absolute, 10.0);
/// assert!((up.relative.unwrap() - 0.10).abs() < 1e-12);
/// assert_eq!(yoy[3].as_ref().unwrap().relative, None); // previous was 0
/// ```
pub fn year_over_year(values: &[f64]) -> Vec<Option<Change>> {
    let mut out = Vec::with_capacity(values.len());
    if values.is_empty() {
        return out;
    }
    out.push(None);
    out.extend(values.windows(2).map(|w| {
        let (prev, cur) = (w[0], w[1]);
        if !prev.is_finite() || !cur.is_finite() {
            return None;
        }
        let absolute = cur - prev;
        if !absolute.is_finite() {
            return None;
        }
        let relative = if prev == 0.0 {
            None
        } else {
            Some(absolute / prev.abs()).filter(|r| r.is_finite())
        };
        Some(Change { absolute, relative })
    }));
    out
}

/// Ordinary least-squares line through the points `(xs[i], ys[i])`.
///
/// Pairs with a non-finite coordinate are skipped. Returns `None` when the
/// slices differ in length, fewer than two pairs are left, every `x` is
/// equal (the slope is undefined), or a result overflows.
///
/// # Example
/// ```
/// use jointwatch::analysis::trend::least_squares;
/// let fit = least_squares(&[2020.0, 2021.0, 2022.0], &[10.0, 12.0, 14.0]).unwrap();
/// assert!((fit.slope - 2.0).abs() < 1e-9);
/// assert!((fit.r_squared - 1.0).abs() < 1e-12);
/// assert!(least_squares(&[1.0, 1.0], &[2.0, 3.0]).is_none());
/// ```
pub fn least_squares(xs: &[f64], ys: &[f64]) -> Option<LinearFit> {
    let (px, py) = finite_pairs(xs, ys)?;
    let n = px.len();
    if n < 2 {
        return None;
    }
    let mx = mean_of_finite(&px, px.iter().sum());
    let my = mean_of_finite(&py, py.iter().sum());
    let (mut sxx, mut sxy, mut syy) = (0.0_f64, 0.0_f64, 0.0_f64);
    for (x, y) in px.iter().zip(&py) {
        let (dx, dy) = (x - mx, y - my);
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    if !(sxx.is_finite() && sxy.is_finite() && syy.is_finite()) || sxx <= 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    let intercept = my - slope * mx;
    let r_squared = if syy == 0.0 {
        1.0
    } else {
        (slope * (sxy / syy)).clamp(0.0, 1.0)
    };
    if !(slope.is_finite() && intercept.is_finite() && r_squared.is_finite()) {
        return None;
    }
    Some(LinearFit {
        n,
        slope,
        intercept,
        r_squared,
    })
}

/// Mann–Kendall trend test at the 5 % level; see [`mann_kendall_at`].
///
/// # Example
/// ```
/// use jointwatch::analysis::trend::{mann_kendall, Trend};
/// let mk = mann_kendall(&[1.2, 2.5, 1.9, 3.1, 4.0, 3.6, 5.2, 4.8, 6.1, 5.9]).unwrap();
/// assert_eq!(mk.s, 37);
/// assert_eq!(mk.var_s, 125.0);
/// assert_eq!(mk.trend, Trend::Increasing);
/// assert!((mk.p_value - 0.0012821837418053317).abs() < 1e-12);
/// ```
pub fn mann_kendall(values: &[f64]) -> Option<MannKendall> {
    mann_kendall_at(values, 0.05)
}

/// Mann–Kendall trend test, deciding the [`Trend`] at significance level
/// `alpha`.
///
/// Non-finite values are skipped (the remaining values keep their order).
/// Returns `None` when fewer than 3 finite values are left, more than
/// [`PAIRWISE_MAX_POINTS`], or when `alpha` is not strictly between 0 and 1. When every value is tied the variance is
/// 0 and the result has `z = 0`, `p_value = 1` and no trend.
///
/// The statistics match `pymannkendall.original_test`.
///
/// # Example
/// ```
/// use jointwatch::analysis::trend::{mann_kendall_at, Trend};
/// let v = [48.0, 49.0, 50.0, 47.0, 48.0, 44.0, 45.0, 46.0, 43.0, 44.0];
/// let mk = mann_kendall_at(&v, 0.05).unwrap();
/// assert_eq!(mk.s, -27);
/// assert!((mk.p_value - 0.019060733).abs() < 1e-8);
/// assert_eq!(mk.trend, Trend::Decreasing);
/// // Not significant at the 1 % level.
/// assert_eq!(mann_kendall_at(&v, 0.01).unwrap().trend, Trend::NoTrend);
/// assert!(mann_kendall_at(&v, 0.0).is_none());
/// ```
pub fn mann_kendall_at(values: &[f64], alpha: f64) -> Option<MannKendall> {
    if !(alpha > 0.0 && alpha < 1.0) {
        return None;
    }
    let v = finite(values);
    let n = v.len();
    if !(3..=PAIRWISE_MAX_POINTS).contains(&n) {
        return None;
    }

    let mut s: i64 = 0;
    for (i, &a) in v.iter().enumerate() {
        for &b in &v[i + 1..] {
            // Both finite, so exactly one of these holds or they are equal.
            if b > a {
                s += 1;
            } else if b < a {
                s -= 1;
            }
        }
    }

    let mut sorted = v;
    // Values equal under `total_cmp` are identical, so a stable sort gives
    // what an unstable one would.
    crate::sort::sort_by(&mut sorted, f64::total_cmp);
    let mut ties = 0.0_f64;
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        while end < n && sorted[end] == sorted[start] {
            end += 1;
        }
        let t = (end - start) as f64;
        ties += t * (t - 1.0) * (2.0 * t + 5.0);
        start = end;
    }
    let nf = n as f64;
    let var_s = ((nf * (nf - 1.0) * (2.0 * nf + 5.0) - ties) / 18.0).max(0.0);

    let z = if var_s <= 0.0 || s == 0 {
        0.0
    } else if s > 0 {
        (s as f64 - 1.0) / var_s.sqrt()
    } else {
        (s as f64 + 1.0) / var_s.sqrt()
    };
    let p_value = normal_two_sided_p(z);
    let tau = s as f64 / (0.5 * nf * (nf - 1.0));
    let trend = if p_value < alpha && z > 0.0 {
        Trend::Increasing
    } else if p_value < alpha && z < 0.0 {
        Trend::Decreasing
    } else {
        Trend::NoTrend
    };
    Some(MannKendall {
        n,
        s,
        var_s,
        z,
        p_value,
        tau,
        alpha,
        trend,
    })
}

/// Theil–Sen slope of the points `(xs[i], ys[i])` and its Conover intercept.
///
/// `slope` is the median of `(y_j − y_i) / (x_j − x_i)` over all pairs
/// `i < j` with `x_j ≠ x_i`; `intercept = median(y) − median(x) · slope`.
/// With `xs = [0, 1, …, n−1]` this is exactly `pymannkendall.sens_slope(ys)`
/// (whose intercept is `median(y) − (n−1)/2 · slope`); with `xs` as calendar
/// years the intercept is the line's value at year 0, so evaluate
/// `intercept + slope · year`.
///
/// Pairs with a non-finite coordinate are skipped (like `pymannkendall`'s
/// `nanmedian` over `NaN`s). Returns `None` when the slices differ in
/// length, no two finite points have different `x`, more than
/// [`PAIRWISE_MAX_POINTS`] points are finite, or the result overflows.
///
/// # Example
/// ```
/// use jointwatch::analysis::trend::sens_slope;
/// let ys = [1.0, 2.0, 2.0, 3.0];
/// let xs: Vec<f64> = (0..ys.len()).map(|i| i as f64).collect();
/// let s = sens_slope(&xs, &ys).unwrap();
/// assert!((s.slope - 0.5833333333333333).abs() < 1e-12);
/// assert!((s.intercept - 1.125).abs() < 1e-12);
/// ```
pub fn sens_slope(xs: &[f64], ys: &[f64]) -> Option<SensSlope> {
    let (mut px, mut py) = finite_pairs(xs, ys)?;
    let n = px.len();
    if n > PAIRWISE_MAX_POINTS {
        return None;
    }
    let mut slopes = Vec::with_capacity(n.saturating_sub(1) * n / 2);
    for i in 0..n {
        for j in i + 1..n {
            let dx = px[j] - px[i];
            if dx != 0.0 {
                let m = (py[j] - py[i]) / dx;
                // inf − inf or 0/0 cannot occur with finite, distinct inputs,
                // but overflow can give ±∞ or NaN; keep only comparable values.
                if !m.is_nan() {
                    slopes.push(m);
                }
            }
        }
    }
    let slope = median_in_place(&mut slopes)?;
    let intercept = median_in_place(&mut py)? - median_in_place(&mut px)? * slope;
    if !(slope.is_finite() && intercept.is_finite()) {
        return None;
    }
    Some(SensSlope {
        n,
        slope,
        intercept,
    })
}

/// Compares the event rates `count_a / exposure_a` and `count_b / exposure_b`.
///
/// The p-value is for the two-sided test of equal rates, conditioning on the
/// total `n = count_a + count_b`: under equal rates
/// `count_a ~ Binomial(n, exposure_a / (exposure_a + exposure_b))`. For
/// `n ≤` [`EXACT_RATE_TEST_MAX_TOTAL`] it is the exact test of R's
/// `binom.test` / `poisson.test` and `scipy.stats.binomtest`: the sum of the
/// probabilities of all outcomes no more likely than the observed one (with
/// their relative tolerance of 1e-7). Above that it uses the normal
/// approximation with continuity correction. With `n = 0` the p-value is 1.
///
/// Returns `None` when an exposure is not finite and positive, a rate
/// overflows, or the total count overflows `u64`.
///
/// # Example
/// ```
/// use jointwatch::analysis::trend::{rate_comparison, PValueMethod};
/// // 10 events in 100 hours against 25 events in 120 hours.
/// let r = rate_comparison(10, 100.0, 25, 120.0).unwrap();
/// assert!((r.rate_a - 0.1).abs() < 1e-12);
/// assert!((r.ratio.unwrap() - 25.0 / 120.0 / 0.1).abs() < 1e-12);
/// assert!((r.p_value - 0.06039892674739894).abs() < 1e-9);
/// assert_eq!(r.method, PValueMethod::Exact);
/// ```
pub fn rate_comparison(
    count_a: u64,
    exposure_a: f64,
    count_b: u64,
    exposure_b: f64,
) -> Option<RateComparison> {
    let valid = |e: f64| e.is_finite() && e > 0.0;
    if !valid(exposure_a) || !valid(exposure_b) {
        return None;
    }
    let total = count_a.checked_add(count_b)?;
    let rate_a = count_a as f64 / exposure_a;
    let rate_b = count_b as f64 / exposure_b;
    if !(rate_a.is_finite() && rate_b.is_finite()) {
        return None;
    }
    let ratio = if rate_a > 0.0 {
        Some(rate_b / rate_a).filter(|r| r.is_finite())
    } else {
        None
    };

    // Probability that an event falls in group a, computed without
    // overflowing exposure_a + exposure_b.
    let scale = exposure_a.max(exposure_b);
    let (wa, wb) = (exposure_a / scale, exposure_b / scale);
    let p = wa / (wa + wb);
    let q = wb / (wa + wb);

    let (p_value, method) = if total == 0 {
        (1.0, PValueMethod::Exact)
    } else if p <= 0.0 || q <= 0.0 {
        // The exposure ratio underflowed: the binomial is a point mass.
        let only = if p <= 0.0 { 0 } else { total };
        (if count_a == only { 1.0 } else { 0.0 }, PValueMethod::Exact)
    } else if total <= EXACT_RATE_TEST_MAX_TOTAL {
        (
            binomial_exact_two_sided(count_a, total, p, q),
            PValueMethod::Exact,
        )
    } else {
        let nf = total as f64;
        let sd = (nf * p * q).sqrt();
        let dev = ((count_a as f64 - nf * p).abs() - 0.5).max(0.0);
        let z = if sd > 0.0 { dev / sd } else { 0.0 };
        (normal_two_sided_p(z), PValueMethod::NormalApproximation)
    };
    Some(RateComparison {
        rate_a,
        rate_b,
        ratio,
        p_value,
        method,
    })
}

// ---------------------------------------------------------------------------
// Helpers.

/// The finite values of `values`, in order.
fn finite(values: &[f64]) -> Vec<f64> {
    values.iter().copied().filter(|v| v.is_finite()).collect()
}

/// The pairs of `(xs, ys)` with both coordinates finite, as two vectors;
/// `None` when the lengths differ.
fn finite_pairs(xs: &[f64], ys: &[f64]) -> Option<(Vec<f64>, Vec<f64>)> {
    if xs.len() != ys.len() {
        return None;
    }
    Some(
        xs.iter()
            .zip(ys)
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .map(|(x, y)| (*x, *y))
            .unzip(),
    )
}

/// Mean of non-empty finite values whose plain sum is `sum`; falls back to
/// summing `v / n` (which cannot overflow) when `sum` overflowed.
fn mean_of_finite(v: &[f64], sum: f64) -> f64 {
    let n = v.len() as f64;
    if sum.is_finite() {
        sum / n
    } else {
        v.iter().map(|x| x / n).sum()
    }
}

/// Mean of two finite numbers without overflow.
fn midpoint(a: f64, b: f64) -> f64 {
    let s = a + b;
    if s.is_finite() {
        s / 2.0
    } else {
        a / 2.0 + b / 2.0
    }
}

/// Median of non-NaN values (reorders the slice); `None` when empty.
fn median_in_place(v: &mut [f64]) -> Option<f64> {
    let n = v.len();
    if n == 0 {
        return None;
    }
    let mid = n / 2;
    let (lower, &mut upper, _) = v.select_nth_unstable_by(mid, f64::total_cmp);
    if n % 2 == 1 {
        Some(upper)
    } else {
        let below = lower.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Some(midpoint(below, upper))
    }
}

/// Two-sided standard normal tail probability `2·(1 − Φ(|z|)) = erfc(|z|/√2)`.
/// `NaN` gives 1 (no evidence), though no caller passes one.
fn normal_two_sided_p(z: f64) -> f64 {
    if z.is_nan() {
        return 1.0;
    }
    erfc(z.abs() / std::f64::consts::SQRT_2).clamp(0.0, 1.0)
}

/// Complementary error function, accurate to about 1e-14 relative error.
///
/// For `|x| < 2` it uses the everywhere-positive series
/// `erf x = (2/√π) e^{−x²} Σ 2ⁿ x^{2n+1} / (1·3·…·(2n+1))`
/// (Abramowitz & Stegun 7.1.6), and beyond that the continued fraction
/// `erfc x = (e^{−x²}/√π) · 1/(x + ½/(x + 1/(x + 3⁄2/(x + 2/(x + …)))))`
/// (A&S 7.1.14) evaluated with the modified Lentz method.
fn erfc(x: f64) -> f64 {
    const FRAC_1_SQRT_PI: f64 = 0.564_189_583_547_756_3;
    if x.is_nan() {
        return f64::NAN;
    }
    if x < 0.0 {
        return 2.0 - erfc(-x);
    }
    if x < 2.0 {
        let x2 = x * x;
        let (mut term, mut sum, mut k) = (x, x, 0.0_f64);
        while term > sum * 1e-17 {
            k += 1.0;
            term *= 2.0 * x2 / (2.0 * k + 1.0);
            sum += term;
        }
        return 1.0 - 2.0 * FRAC_1_SQRT_PI * (-x2).exp() * sum;
    }
    if x >= 27.5 {
        // erfc(27.5) < 1e-330: below the smallest subnormal f64.
        return 0.0;
    }
    const TINY: f64 = 1e-300;
    let mut f = x;
    let mut c = f;
    let mut d = 0.0_f64;
    for k in 1..=500 {
        let a = f64::from(k) * 0.5;
        d = x + a * d;
        if d.abs() < TINY {
            d = TINY;
        }
        d = 1.0 / d;
        c = x + a / c;
        if c.abs() < TINY {
            c = TINY;
        }
        let delta = c * d;
        f *= delta;
        if (delta - 1.0).abs() < 1e-16 {
            break;
        }
    }
    FRAC_1_SQRT_PI * (-x * x).exp() / f
}

/// Exact two-sided binomial p-value for `k` successes in `n` trials with
/// success probability `p` (`q = 1 − p`, passed separately for accuracy),
/// `0 < p < 1`, `n ≥ 1`: the total probability of outcomes whose
/// probability is at most `(1 + 1e-7)` times that of `k`, as in R's
/// `binom.test` and `scipy.stats.binomtest`.
fn binomial_exact_two_sided(k: u64, n: u64, p: f64, q: f64) -> f64 {
    let Ok(n) = usize::try_from(n) else {
        return 1.0;
    };
    let Ok(k) = usize::try_from(k) else {
        return 1.0;
    };
    // ln(i!) for i = 0..=n.
    let mut log_fact = Vec::with_capacity(n + 1);
    log_fact.push(0.0_f64);
    let mut acc = 0.0_f64;
    for i in 1..=n {
        acc += (i as f64).ln();
        log_fact.push(acc);
    }
    let (lp, lq) = (p.ln(), q.ln());
    let log_pmf = |i: usize| {
        log_fact[n] - log_fact[i] - log_fact[n - i] + i as f64 * lp + (n - i) as f64 * lq
    };
    let threshold = log_pmf(k) + 1e-7_f64.ln_1p();
    let total: f64 = (0..=n)
        .map(log_pmf)
        .filter(|&l| l <= threshold)
        .map(f64::exp)
        .sum();
    total.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `|a − b| ≤ tol`, with a readable failure message.
    #[track_caller]
    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() <= tol, "{a} vs {b} (tolerance {tol})");
    }

    /// `|a − b| ≤ rel·|b|`, for tail probabilities.
    #[track_caller]
    fn close_rel(a: f64, b: f64, rel: f64) {
        assert!(
            (a - b).abs() <= rel * b.abs(),
            "{a} vs {b} (relative {rel})"
        );
    }

    fn index(n: usize) -> Vec<f64> {
        (0..n).map(|i| i as f64).collect()
    }

    // ----- summary --------------------------------------------------------

    #[test]
    fn summary_even_count() {
        // Sorted: 1 1 3 4 5 9 → median (3 + 4)/2 = 3.5; sum 23; mean 23/6.
        let s = summary(&[3.0, 1.0, 4.0, 1.0, 5.0, 9.0]).unwrap();
        assert_eq!(s.n, 6);
        assert_eq!(s.skipped, 0);
        assert_eq!(s.min, 1.0);
        assert_eq!(s.max, 9.0);
        assert_eq!(s.sum, 23.0);
        close(s.mean, 23.0 / 6.0, 1e-15);
        assert_eq!(s.median, 3.5);
    }

    #[test]
    fn summary_odd_count_and_skips() {
        let s = summary(&[2.0, f64::NAN, 7.0, f64::INFINITY, 1.0, f64::NEG_INFINITY]).unwrap();
        assert_eq!((s.n, s.skipped), (3, 3));
        assert_eq!((s.min, s.max, s.median, s.sum), (1.0, 7.0, 2.0, 10.0));
        close(s.mean, 10.0 / 3.0, 1e-15);
        let one = summary(&[-4.5]).unwrap();
        assert_eq!(
            (one.n, one.min, one.max, one.mean, one.median),
            (1, -4.5, -4.5, -4.5, -4.5)
        );
    }

    #[test]
    fn summary_overflow_keeps_mean_and_median_finite() {
        let s = summary(&[f64::MAX, f64::MAX]).unwrap();
        assert_eq!(s.sum, f64::INFINITY);
        assert_eq!(s.mean, f64::MAX);
        assert_eq!(s.median, f64::MAX);
    }

    // ----- year over year -------------------------------------------------

    #[test]
    fn yoy_hand_worked() {
        let y = year_over_year(&[100.0, 110.0, 99.0, 0.0, 5.0, f64::NAN, 7.0]);
        assert_eq!(y.len(), 7);
        assert!(y[0].is_none());
        let c1 = y[1].clone().unwrap();
        assert_eq!(c1.absolute, 10.0);
        close(c1.relative.unwrap(), 0.1, 1e-15);
        let c2 = y[2].clone().unwrap();
        assert_eq!(c2.absolute, -11.0);
        close(c2.relative.unwrap(), -0.1, 1e-15);
        assert_eq!(
            y[3],
            Some(Change {
                absolute: -99.0,
                relative: Some(-1.0)
            })
        );
        assert_eq!(
            y[4],
            Some(Change {
                absolute: 5.0,
                relative: None
            })
        );
        assert!(y[5].is_none());
        assert!(y[6].is_none());
        // Negative previous value: the relative change keeps the sign of the
        // absolute change. −10 → −5 is +5, i.e. +50 %.
        assert_eq!(
            year_over_year(&[-10.0, -5.0])[1],
            Some(Change {
                absolute: 5.0,
                relative: Some(0.5)
            })
        );
        assert!(year_over_year(&[]).is_empty());
        assert_eq!(year_over_year(&[1.0]), vec![None]);
        assert!(year_over_year(&[-f64::MAX, f64::MAX])[1].is_none());
    }

    // ----- least squares --------------------------------------------------

    #[test]
    fn least_squares_hand_worked() {
        // x = 0 1 2 3, y = 1 3 2 5: x̄ = 1.5, ȳ = 2.75,
        // Sxx = 5, Sxy = 5.5, Syy = 8.75 → slope 1.1, intercept 2.75 − 1.65 = 1.1,
        // r² = 5.5² / (5 · 8.75) = 30.25 / 43.75.
        let f = least_squares(&[0.0, 1.0, 2.0, 3.0], &[1.0, 3.0, 2.0, 5.0]).unwrap();
        assert_eq!(f.n, 4);
        close(f.slope, 1.1, 1e-12);
        close(f.intercept, 1.1, 1e-12);
        close(f.r_squared, 30.25 / 43.75, 1e-12);
    }

    #[test]
    fn least_squares_degenerate() {
        assert!(least_squares(&[], &[]).is_none());
        assert!(least_squares(&[1.0], &[1.0]).is_none());
        assert!(least_squares(&[2.0, 2.0, 2.0], &[1.0, 2.0, 3.0]).is_none());
        assert!(least_squares(&[1.0, 2.0], &[1.0]).is_none());
        // NaN pairs are skipped: two points left.
        let f = least_squares(&[0.0, 1.0, f64::NAN, 3.0], &[0.0, f64::NAN, 5.0, 6.0]).unwrap();
        assert_eq!(f.n, 2);
        close(f.slope, 2.0, 1e-15);
        // Flat y: slope 0, exact fit.
        let flat = least_squares(&[1.0, 2.0, 3.0], &[4.0, 4.0, 4.0]).unwrap();
        assert_eq!(
            (flat.slope, flat.intercept, flat.r_squared),
            (0.0, 4.0, 1.0)
        );
        // Overflowing sums give None rather than infinities.
        assert!(least_squares(&[-f64::MAX, f64::MAX], &[0.0, 1.0]).is_none());
    }

    // ----- Mann–Kendall: hand-worked --------------------------------------

    #[test]
    fn mann_kendall_hand_worked_no_ties() {
        // [1, 3, 2]: pairs (1,3) +, (1,2) +, (3,2) − → S = 1.
        // var = 3·2·11/18 = 11/3. S > 0 → z = (1 − 1)/√var = 0, p = 1.
        // tau = 1 / 3.
        let mk = mann_kendall(&[1.0, 3.0, 2.0]).unwrap();
        assert_eq!((mk.n, mk.s), (3, 1));
        close(mk.var_s, 11.0 / 3.0, 1e-12);
        assert_eq!(mk.z, 0.0);
        assert_eq!(mk.p_value, 1.0);
        close(mk.tau, 1.0 / 3.0, 1e-15);
        assert_eq!(mk.trend, Trend::NoTrend);

        // [2, 1, 4, 3]: (2,1) −, (2,4) +, (2,3) +, (1,4) +, (1,3) +, (4,3) −
        // → S = 2; var = 4·3·13/18 = 26/3; z = 1/√(26/3) = 0.339683110…
        let mk = mann_kendall(&[2.0, 1.0, 4.0, 3.0]).unwrap();
        assert_eq!(mk.s, 2);
        close(mk.var_s, 26.0 / 3.0, 1e-12);
        close(mk.z, 1.0 / (26.0_f64 / 3.0).sqrt(), 1e-12);
        // Same series in pymannkendall 1.4.3: p = 0.7340951823194757.
        close(mk.p_value, 0.7340951823194757, 1e-12);
    }

    #[test]
    fn mann_kendall_hand_worked_ties() {
        // [1, 2, 2, 3]: the six pairs give + + + 0 + + → S = 5.
        // One tie group of t = 2: var = [4·3·13 − 2·1·9]/18 = 138/18 = 23/3.
        // z = (5 − 1)/√(23/3) = 1.444630237…; tau = 5/6.
        let mk = mann_kendall(&[1.0, 2.0, 2.0, 3.0]).unwrap();
        assert_eq!(mk.s, 5);
        close(mk.var_s, 23.0 / 3.0, 1e-12);
        close(mk.z, 4.0 / (23.0_f64 / 3.0).sqrt(), 1e-12);
        close(mk.tau, 5.0 / 6.0, 1e-15);
        // pymannkendall 1.4.3 on the same series: p = 0.14856177489186861.
        close(mk.p_value, 0.14856177489186861, 1e-12);

        // All tied: var = [4·3·13 − 4·3·13]/18 = 0 → z = 0, p = 1.
        let mk = mann_kendall(&[5.0, 5.0, 5.0, 5.0]).unwrap();
        assert_eq!(
            (mk.s, mk.var_s, mk.z, mk.p_value, mk.tau),
            (0, 0.0, 0.0, 1.0, 0.0)
        );
        assert_eq!(mk.trend, Trend::NoTrend);
    }

    #[test]
    fn mann_kendall_requires_three_and_valid_alpha() {
        assert!(mann_kendall(&[]).is_none());
        assert!(mann_kendall(&[1.0, 2.0]).is_none());
        assert!(mann_kendall(&[1.0, 2.0, f64::NAN]).is_none());
        let v = [1.0, 2.0, 3.0, 4.0];
        for alpha in [0.0, 1.0, -0.1, 2.0, f64::NAN, f64::INFINITY] {
            assert!(mann_kendall_at(&v, alpha).is_none(), "alpha {alpha}");
        }
        assert_eq!(mann_kendall_at(&v, 0.5).unwrap().alpha, 0.5);
    }

    // ----- Mann–Kendall and Sen's slope against pymannkendall -------------
    //
    // Reference values from pymannkendall 1.4.3 (numpy 2.4.6, scipy 1.17.1):
    // `pymannkendall.original_test(x)` (alpha 0.05) and
    // `pymannkendall.sens_slope(x)`, x indexed 0..n−1.

    struct Reference {
        values: Vec<f64>,
        n: usize,
        s: i64,
        var_s: f64,
        z: f64,
        p: f64,
        tau: f64,
        trend: Trend,
        slope: f64,
        intercept: f64,
    }

    fn references() -> Vec<Reference> {
        let dec25: Vec<f64> = vec![
            48.0, 49.0, 50.0, 47.0, 48.0, 44.0, 45.0, 46.0, 43.0, 44.0, 40.0, 41.0, 42.0, 39.0,
            40.0, 36.0, 37.0, 38.0, 35.0, 36.0, 32.0, 33.0, 34.0, 31.0, 32.0,
        ];
        vec![
            Reference {
                values: vec![1.2, 2.5, 1.9, 3.1, 4.0, 3.6, 5.2, 4.8, 6.1, 5.9],
                n: 10,
                s: 37,
                var_s: 125.0,
                z: 3.219937887599697,
                p: 0.0012821837418053317,
                tau: 0.8222222222222222,
                trend: Trend::Increasing,
                slope: 0.54,
                intercept: 1.3699999999999997,
            },
            Reference {
                values: vec![3.0, 5.0, 5.0, 4.0, 6.0, 6.0, 6.0, 7.0, 5.0, 8.0, 8.0, 9.0],
                n: 12,
                s: 47,
                var_s: 204.33333333333334,
                z: 3.2180161681892727,
                p: 0.0012908054145985837,
                tau: 0.7121212121212122,
                trend: Trend::Increasing,
                slope: 0.42857142857142855,
                intercept: 3.642857142857143,
            },
            Reference {
                values: vec![5.0, 3.0, 6.0, 2.0, 7.0, 4.0, 5.0, 3.0, 6.0, 4.0],
                n: 10,
                s: 1,
                var_s: 121.0,
                z: 0.0,
                p: 1.0,
                tau: 0.022222222222222223,
                trend: Trend::NoTrend,
                slope: 0.0,
                intercept: 4.5,
            },
            Reference {
                values: dec25,
                n: 25,
                s: -255,
                var_s: 1828.3333333333333,
                z: -5.94026785028169,
                p: 2.845567559361939e-09,
                tau: -0.85,
                trend: Trend::Decreasing,
                slope: -0.8,
                intercept: 49.6,
            },
            Reference {
                // NaNs are skipped: pymannkendall drops them for the test and
                // uses nanmedian (keeping original positions) for the slope.
                values: vec![1.0, f64::NAN, 3.0, 2.0, 5.0, f64::NAN, 6.0],
                n: 5,
                s: 8,
                var_s: 16.666666666666668,
                z: 1.7146428199482247,
                p: 0.08641073297370006,
                tau: 0.8,
                trend: Trend::NoTrend,
                slope: 0.9166666666666667,
                intercept: 0.25,
            },
        ]
    }

    #[test]
    fn matches_pymannkendall() {
        for r in references() {
            let mk = mann_kendall(&r.values).unwrap();
            assert_eq!(mk.n, r.n);
            assert_eq!(mk.s, r.s);
            close(mk.var_s, r.var_s, 1e-6);
            close(mk.z, r.z, 1e-6);
            close(mk.p_value, r.p, 1e-6);
            // pymannkendall computes 2·(1 − Φ(|z|)), which loses about
            // 1e-16/p of relative accuracy to cancellation for small p, so
            // the relative check is loose here (see `tiny_p_value_is_accurate`).
            close_rel(mk.p_value, r.p, 1e-7);
            close(mk.tau, r.tau, 1e-6);
            assert_eq!(mk.trend, r.trend);
            let ss = sens_slope(&index(r.values.len()), &r.values).unwrap();
            assert_eq!(ss.n, r.n);
            close(ss.slope, r.slope, 1e-6);
            close(ss.intercept, r.intercept, 1e-6);
        }
    }

    #[test]
    fn tiny_p_value_is_accurate() {
        // For the 25-value series above z = −5.94026785028169; computed
        // without cancellation, scipy 1.17.1's
        // `scipy.special.erfc(5.94026785028169 / sqrt(2))` = 2.845567582071526e-09
        // (pymannkendall's 2·(1 − Φ(|z|)) gives 2.845567559361939e-09).
        let r = &references()[3];
        let mk = mann_kendall(&r.values).unwrap();
        close_rel(mk.p_value, 2.845567582071526e-09, 1e-12);
    }

    #[test]
    fn pairwise_tests_stop_at_their_point_limit() {
        // A rising line: both tests answer at the limit and refuse one past it.
        for n in [PAIRWISE_MAX_POINTS, PAIRWISE_MAX_POINTS + 1] {
            let xs = index(n);
            let ys: Vec<f64> = xs.iter().map(|x| 2.0 * x + 1.0).collect();
            let within = n <= PAIRWISE_MAX_POINTS;
            let sen = sens_slope(&xs, &ys);
            assert_eq!(sen.is_some(), within, "n = {n}");
            if let Some(s) = sen {
                close(s.slope, 2.0, 1e-12);
            }
            let mk = mann_kendall(&ys);
            assert_eq!(mk.is_some(), within, "n = {n}");
            if let Some(mk) = mk {
                assert_eq!(mk.s, (n * (n - 1) / 2) as i64);
            }
        }
        // Non-finite values do not count towards the limit.
        let mut ys: Vec<f64> = (0..PAIRWISE_MAX_POINTS).map(|i| i as f64).collect();
        ys.push(f64::NAN);
        assert!(mann_kendall(&ys).is_some());
        assert!(sens_slope(&index(ys.len()), &ys).is_some());
    }

    #[test]
    fn sens_slope_hand_worked_and_degenerate() {
        // Slopes of [1, 2, 2, 3] at x = 0..3: 1, 1/2, 2/3, 0, 1/2, 1 →
        // sorted 0, ½, ½, ⅔, 1, 1 → median (½ + ⅔)/2 = 7/12.
        // Intercept = median(y) − median(x)·slope = 2 − 1.5·7/12 = 1.125.
        let s = sens_slope(&index(4), &[1.0, 2.0, 2.0, 3.0]).unwrap();
        close(s.slope, 7.0 / 12.0, 1e-15);
        close(s.intercept, 1.125, 1e-15);
        // Pairs with equal x are skipped.
        let s = sens_slope(&[0.0, 0.0, 1.0], &[0.0, 10.0, 1.0]).unwrap();
        close(s.slope, (1.0 + -9.0) / 2.0, 1e-15);
        assert!(sens_slope(&[], &[]).is_none());
        assert!(sens_slope(&[1.0], &[1.0]).is_none());
        assert!(sens_slope(&[3.0, 3.0], &[1.0, 2.0]).is_none());
        assert!(sens_slope(&[1.0, 2.0], &[1.0]).is_none());
        // Calendar-year positions: same slope, intercept at year 0.
        let y = [10.0, 12.0, 14.0];
        let s = sens_slope(&[2020.0, 2021.0, 2022.0], &y).unwrap();
        close(s.slope, 2.0, 1e-12);
        close(s.intercept + s.slope * 2021.0, 12.0, 1e-9);
    }

    // ----- normal distribution --------------------------------------------

    #[test]
    fn erfc_matches_scipy() {
        // scipy.special.erfc, scipy 1.17.1.
        let table = [
            (0.0, 1.0),
            (1e-10, 0.999999999887162),
            (0.1, 0.8875370839817152),
            (0.5, 0.4795001221869535),
            (1.0, 0.15729920705028516),
            (1.5, 0.03389485352468927),
            (2.0, 0.004677734981047266),
            (2.5, 0.00040695201744495886),
            (3.0, 2.2090496998585445e-05),
            (4.0, 1.541725790028002e-08),
            (5.0, 1.5374597944280347e-12),
            (6.0, 2.1519736712498913e-17),
            (8.0, 1.1224297172982928e-29),
            (10.0, 2.0884875837625446e-45),
            (15.0, 7.212994172451209e-100),
            (20.0, 5.395865611607901e-176),
            (26.0, 5.663192408856145e-296),
        ];
        for (x, want) in table {
            close_rel(erfc(x), want, 1e-13);
            close(erfc(-x), 2.0 - want, 1e-15);
        }
        assert_eq!(erfc(27.5), 0.0);
        assert_eq!(erfc(f64::INFINITY), 0.0);
        assert_eq!(erfc(f64::NEG_INFINITY), 2.0);
        assert!(erfc(f64::NAN).is_nan());
        assert_eq!(normal_two_sided_p(f64::NAN), 1.0);
        assert_eq!(normal_two_sided_p(0.0), 1.0);
        // 2·(1 − Φ(1.959963984540054)) = 0.05.
        close(normal_two_sided_p(1.959963984540054), 0.05, 1e-14);
    }

    // ----- rate comparison ------------------------------------------------
    //
    // Reference p-values from scipy 1.17.1:
    // `scipy.stats.binomtest(a, a + b, ea / (ea + eb)).pvalue` (two-sided).

    #[test]
    fn rate_comparison_matches_scipy_binomtest() {
        let cases = [
            (10, 100.0, 25, 120.0, 0.06039892674739894),
            (3, 50.0, 0, 40.0, 0.2592592592592593),
            (50, 1000.0, 50, 1000.0, 1.0),
            (7, 2.5, 19, 3.0, 0.07498947143870245),
            (400, 2.0, 450, 3.0, 3.039981761014901e-05),
            (1, 1.0, 0, 1.0, 1.0),
            (0, 3.0, 5, 1.0, 0.0009765625),
        ];
        for (a, ea, b, eb, want) in cases {
            let r = rate_comparison(a, ea, b, eb).unwrap();
            assert_eq!(r.method, PValueMethod::Exact);
            close(r.p_value, want, 1e-6);
            close_rel(r.p_value, want, 1e-9);
            close(r.rate_a, a as f64 / ea, 1e-15);
            close(r.rate_b, b as f64 / eb, 1e-15);
        }
        let r = rate_comparison(10, 100.0, 25, 120.0).unwrap();
        close(r.ratio.unwrap(), (25.0 / 120.0) / 0.1, 1e-12);
        assert_eq!(rate_comparison(0, 3.0, 5, 1.0).unwrap().ratio, None);
    }

    #[test]
    fn rate_comparison_normal_approximation() {
        // Above the exact limit: continuity-corrected normal approximation
        // erfc(max(|a − np| − ½, 0) / √(npq) / √2), evaluated with
        // scipy.special.erfc; scipy's exact binomtest given for scale.
        let cases = [
            // (a, ea, b, eb, approximation, exact)
            (
                600,
                1.0,
                500,
                1.0,
                0.0028361326556546867,
                0.0028195449914364284,
            ),
            (
                900,
                2.0,
                300,
                1.0,
                1.107408634301778e-09,
                3.8048560680717164e-10,
            ),
            (
                520,
                1.0,
                530,
                1.2,
                0.008866450779755251,
                0.008419612298911233,
            ),
        ];
        for (a, ea, b, eb, approx, exact) in cases {
            let r = rate_comparison(a, ea, b, eb).unwrap();
            assert_eq!(r.method, PValueMethod::NormalApproximation);
            close_rel(r.p_value, approx, 1e-9);
            // Same order of magnitude as the exact value.
            assert!(r.p_value / exact < 3.0 && exact / r.p_value < 3.0);
        }
        // Exactly at the limit the exact sum is still used.
        let r = rate_comparison(500, 1.0, 500, 1.0).unwrap();
        assert_eq!(r.method, PValueMethod::Exact);
        close(r.p_value, 1.0, 1e-12);
    }

    #[test]
    fn rate_comparison_degenerate() {
        assert!(rate_comparison(1, 0.0, 1, 1.0).is_none());
        assert!(rate_comparison(1, 1.0, 1, -1.0).is_none());
        assert!(rate_comparison(1, f64::NAN, 1, 1.0).is_none());
        assert!(rate_comparison(1, 1.0, 1, f64::INFINITY).is_none());
        assert!(rate_comparison(u64::MAX, 1.0, 1, 1.0).is_none());
        // A rate overflowing f64.
        assert!(rate_comparison(10, 1e-320, 1, 1.0).is_none());
        let r = rate_comparison(0, 1.0, 0, 2.0).unwrap();
        assert_eq!(
            (r.rate_a, r.rate_b, r.ratio, r.p_value),
            (0.0, 0.0, None, 1.0)
        );
        // Extreme exposure ratio: the share of group a underflows to 0.
        let r = rate_comparison(1, 1e-300, 0, 1e300).unwrap();
        assert_eq!(r.p_value, 0.0);
        let r = rate_comparison(0, 1e-300, 3, 1e300).unwrap();
        assert_eq!(r.p_value, 1.0);
        // Huge exposures do not overflow their sum.
        let r = rate_comparison(3, f64::MAX, 3, f64::MAX).unwrap();
        close(r.p_value, 1.0, 1e-12);
        // Huge counts use the approximation without trouble.
        let r = rate_comparison(u64::MAX / 2, 1.0, u64::MAX / 2, 1.0).unwrap();
        assert!((0.0..=1.0).contains(&r.p_value));
    }

    // ----- robustness -----------------------------------------------------

    #[test]
    fn no_panic_on_awkward_input() {
        let special = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            -f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
        ];
        let mut inputs: Vec<Vec<f64>> =
            vec![vec![], vec![1.0], vec![f64::NAN], vec![f64::INFINITY]];
        for &a in &special {
            inputs.push(vec![a]);
            for &b in &special {
                inputs.push(vec![a, b]);
                for &c in &special {
                    inputs.push(vec![a, b, c, 1.0]);
                }
            }
        }
        // A deterministic pseudo-random mix.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for len in 0..40 {
            let v = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    special[(state % special.len() as u64) as usize] * ((state >> 40) as f64)
                })
                .collect();
            inputs.push(v);
        }
        for v in &inputs {
            let xs = index(v.len());
            let checks = |x: Option<f64>| {
                if let Some(x) = x {
                    assert!(x.is_finite(), "{v:?}");
                }
            };
            if let Some(s) = summary(v) {
                checks(Some(s.mean));
                checks(Some(s.median));
            }
            for c in year_over_year(v).into_iter().flatten() {
                checks(Some(c.absolute));
                checks(c.relative);
            }
            for (x, y) in [(&xs, v), (v, &xs), (v, v)] {
                if let Some(f) = least_squares(x, y) {
                    checks(Some(f.slope));
                    checks(Some(f.intercept));
                    assert!((0.0..=1.0).contains(&f.r_squared));
                }
                if let Some(s) = sens_slope(x, y) {
                    checks(Some(s.slope));
                    checks(Some(s.intercept));
                }
            }
            if let Some(mk) = mann_kendall(v) {
                assert!((0.0..=1.0).contains(&mk.p_value), "{v:?}");
                checks(Some(mk.z));
                checks(Some(mk.tau));
            }
            for &e in &special {
                if let Some(r) = rate_comparison(v.len() as u64, e, 2, 1.0) {
                    assert!((0.0..=1.0).contains(&r.p_value));
                }
            }
        }
    }

    #[test]
    fn results_are_serialisable() {
        fn is_serialize<T: Serialize>(_: &T) {}
        let v = [1.0, 2.0, 4.0, 3.0];
        let xs = index(v.len());
        is_serialize(&summary(&v));
        is_serialize(&year_over_year(&v));
        is_serialize(&least_squares(&xs, &v));
        is_serialize(&mann_kendall(&v));
        is_serialize(&sens_slope(&xs, &v));
        is_serialize(&rate_comparison(1, 1.0, 2, 1.0));
    }
}
