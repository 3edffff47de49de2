//! Reporting periods: their names and their first and last days.

use jointwatch::model::date::PeriodDays;
use jointwatch::{FuzzyDate, Granularity, Period, Precision};
use wasm_bindgen::prelude::*;

use crate::{boundary, error};

/// A period as readers see it: `"2024"`, `"2024-Q3"`, `"FY2023"`,
/// `"2014–2023"`, `"FY2024 Q1"`, `"FY2024 H2"`, `"2024-04–2024-12"`.
///
/// ```js
/// formatPeriod({ type: "fiscalYear", year: 2023, firstMonth: 4 }); // "FY2023"
/// ```
#[wasm_bindgen(js_name = formatPeriod)]
pub fn format_period(
    #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
) -> Result<String, JsValue> {
    let p: Period = boundary::input(&period, "period")?;
    Ok(p.to_string())
}

/// The first and last day of a period (both included). Throws an
/// `invalid-argument` error for a malformed period (quarter 5, month 13, a
/// fiscal half 3, a span that ends before it starts).
///
/// ```js
/// periodDays({ type: "fiscalYear", year: 2023, firstMonth: 4 }); // { firstDay: "2023-04-01", lastDay: "2024-03-31" }
/// ```
#[wasm_bindgen(js_name = periodDays, unchecked_return_type = "PeriodDays")]
pub fn period_days(
    #[wasm_bindgen(unchecked_param_type = "Period")] period: JsValue,
) -> Result<JsValue, JsValue> {
    let p: Period = boundary::input(&period, "period")?;
    match (p.is_well_formed(), p.first_day(), p.last_day()) {
        (true, Some(first), Some(last)) => boundary::output(&PeriodDays::new(first, last)),
        _ => Err(error::invalid_argument("period", "the period is malformed")),
    }
}

/// The period of a granularity that contains a day (`YYYY-MM-DD`); for
/// example the Japanese fiscal year of a date.
///
/// ```js
/// periodOf({ type: "fiscalYear", firstMonth: 4 }, "2024-02-10"); // { type: "fiscalYear", year: 2023, firstMonth: 4 }
/// ```
#[wasm_bindgen(js_name = periodOf, unchecked_return_type = "Period")]
pub fn period_of(
    #[wasm_bindgen(unchecked_param_type = "Granularity")] granularity: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
) -> Result<JsValue, JsValue> {
    let g: Granularity = boundary::input(&granularity, "granularity")?;
    let text = boundary::text(&date, "date")?;
    let day: FuzzyDate = text
        .parse()
        .map_err(|e| error::invalid_argument("date", e))?;
    if day.precision() != Precision::Day {
        return Err(error::invalid_argument(
            "date",
            format!("expected a full date YYYY-MM-DD, got {text:?}"),
        ));
    }
    match g.period_of(day.first_day()) {
        Some(p) => boundary::output(&p),
        None => Err(error::invalid_argument(
            "granularity",
            "a fiscal year's first month must be 1-12",
        )),
    }
}
