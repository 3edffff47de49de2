//! Trend statistics over evenly spaced series (yearly counts, say).
//!
//! Series are arrays or typed arrays of numbers; `null`, `NaN` and
//! infinities are missing observations and are skipped. A statistic that
//! is not defined for the data given (too few values) is `undefined`.

use jointwatch::analysis::trend;
use wasm_bindgen::prelude::*;

use crate::{boundary, error};

/// Count, extremes, mean, median and sum of the numbers in a series of
/// values; `undefined` when none is present.
///
/// ```js
/// summarize([3, 1, 4, null, 1, 5, 9]); // { n: 6, skipped: 1, min: 1, max: 9, mean: 3.83…, median: 3.5, sum: 23 }
/// ```
#[wasm_bindgen(unchecked_return_type = "Summary | undefined")]
pub fn summarize(
    #[wasm_bindgen(unchecked_param_type = "Values")] values: JsValue,
) -> Result<JsValue, JsValue> {
    let values = boundary::numbers(&values, "values")?;
    boundary::output_option(trend::summary(&values))
}

/// The change to each observation from the one before, as long as the
/// series: the first entry is `null`, and so is any entry where either
/// observation is missing.
///
/// ```js
/// yearOverYear([4, 5, 10]); // [null, { absolute: 1, relative: 0.25 }, { absolute: 5, relative: 1 }]
/// ```
#[wasm_bindgen(js_name = yearOverYear, unchecked_return_type = "(Change | null)[]")]
pub fn year_over_year(
    #[wasm_bindgen(unchecked_param_type = "Values")] values: JsValue,
) -> Result<JsValue, JsValue> {
    let values = boundary::numbers(&values, "values")?;
    boundary::output(&trend::year_over_year(&values))
}

/// The ordinary least-squares line through `(xs[i], ys[i])`.
///
/// ```js
/// leastSquares([2014, 2015, 2016], [4, 6, 8]); // { n: 3, slope: 2, intercept: -4024, rSquared: 1 }
/// ```
#[wasm_bindgen(js_name = leastSquares, unchecked_return_type = "LinearFit | undefined")]
pub fn least_squares(
    #[wasm_bindgen(unchecked_param_type = "Values")] xs: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Values")] ys: JsValue,
) -> Result<JsValue, JsValue> {
    let (xs, ys) = pair(&xs, &ys)?;
    boundary::output_option(trend::least_squares(&xs, &ys))
}

/// The Mann–Kendall test for a monotonic trend, at significance level
/// `alpha` (default 0.05), computed as `pymannkendall.original_test` does.
///
/// ```js
/// mannKendall([4, 5, 7, 6, 8, 10, 9, 12]).trend; // "increasing"
/// ```
#[wasm_bindgen(js_name = mannKendall, unchecked_return_type = "MannKendall | undefined")]
pub fn mann_kendall(
    #[wasm_bindgen(unchecked_param_type = "Values")] values: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] alpha: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let values = boundary::numbers(&values, "values")?;
    let result = match alpha.filter(|a| !a.is_undefined() && !a.is_null()) {
        None => trend::mann_kendall(&values),
        Some(alpha) => {
            let alpha = boundary::number(&alpha, "alpha")?;
            if !(alpha > 0.0 && alpha < 1.0) {
                return Err(error::invalid_argument(
                    "alpha",
                    format!("expected a level between 0 and 1, got {alpha}"),
                ));
            }
            trend::mann_kendall_at(&values, alpha)
        }
    };
    boundary::output_option(result)
}

/// The Theil–Sen slope through `(xs[i], ys[i])`: the median of the pairwise
/// slopes, robust to outliers.
///
/// ```js
/// sensSlope([0, 1, 2, 3, 4], [4, 6, 8, 10, 40]).slope; // 2: the outlier does not move it
/// ```
#[wasm_bindgen(js_name = sensSlope, unchecked_return_type = "SensSlope | undefined")]
pub fn sens_slope(
    #[wasm_bindgen(unchecked_param_type = "Values")] xs: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Values")] ys: JsValue,
) -> Result<JsValue, JsValue> {
    let (xs, ys) = pair(&xs, &ys)?;
    boundary::output_option(trend::sens_slope(&xs, &ys))
}

/// Compares two event rates (`countA` events in `exposureA` units of time
/// against `countB` in `exposureB`) with an exact two-sided test (a normal
/// approximation above 1,000 events). `undefined` when an exposure is not
/// above zero.
///
/// ```js
/// rateComparison(10, 100, 25, 120).pValue; // 0.0604…
/// ```
#[wasm_bindgen(js_name = rateComparison, unchecked_return_type = "RateComparison | undefined")]
pub fn rate_comparison(
    #[wasm_bindgen(js_name = countA, unchecked_param_type = "number")] count_a: JsValue,
    #[wasm_bindgen(js_name = exposureA, unchecked_param_type = "number")] exposure_a: JsValue,
    #[wasm_bindgen(js_name = countB, unchecked_param_type = "number")] count_b: JsValue,
    #[wasm_bindgen(js_name = exposureB, unchecked_param_type = "number")] exposure_b: JsValue,
) -> Result<JsValue, JsValue> {
    let result = trend::rate_comparison(
        boundary::count(&count_a, "countA")?,
        boundary::number(&exposure_a, "exposureA")?,
        boundary::count(&count_b, "countB")?,
        boundary::number(&exposure_b, "exposureB")?,
    );
    boundary::output_option(result)
}

/// Two series of the same length.
fn pair(xs: &JsValue, ys: &JsValue) -> Result<(Vec<f64>, Vec<f64>), JsValue> {
    let xs = boundary::numbers(xs, "xs")?;
    let ys = boundary::numbers(ys, "ys")?;
    if xs.len() != ys.len() {
        return Err(error::invalid_argument(
            "ys",
            format!("expected {} values like xs, got {}", xs.len(), ys.len()),
        ));
    }
    Ok((xs, ys))
}
