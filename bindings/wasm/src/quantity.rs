//! Quantities with their uncertainty: bounds, sums and text.

use jointwatch::Quantity;
use wasm_bindgen::prelude::*;

use crate::boundary;

/// The interval a quantity stands for, and the single value a chart should
/// plot for it (`point`: the exact figure, the best estimate, the middle of
/// a range, or the bound when only one is known).
///
/// ```js
/// quantityBounds({ over: 400 }); // { low: 400, lowExclusive: true, high: null, highExclusive: false, best: null, point: 400 }
/// quantityBounds({ min: 4, max: 10 }).point; // 7
/// ```
#[wasm_bindgen(js_name = quantityBounds, unchecked_return_type = "QuantityBounds")]
pub fn quantity_bounds(
    #[wasm_bindgen(unchecked_param_type = "Quantity")] quantity: JsValue,
) -> Result<JsValue, JsValue> {
    let q: Quantity = boundary::input(&quantity, "quantity")?;
    boundary::output(&q.bounds_with_point())
}

/// A quantity as readers see it: `"over 400"`, `"4–10"`, `"669"`.
///
/// ```js
/// formatQuantity({ atLeast: 9 }); // "at least 9"
/// ```
#[wasm_bindgen(js_name = formatQuantity)]
pub fn format_quantity(
    #[wasm_bindgen(unchecked_param_type = "Quantity")] quantity: JsValue,
) -> Result<String, JsValue> {
    let q: Quantity = boundary::input(&quantity, "quantity")?;
    Ok(q.to_string())
}

/// The sum of two quantities, carrying their bounds through.
///
/// ```js
/// addQuantities({ over: 400 }, 120); // { over: 520 }
/// ```
#[wasm_bindgen(js_name = addQuantities, unchecked_return_type = "Quantity")]
pub fn add_quantities(
    #[wasm_bindgen(unchecked_param_type = "Quantity")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Quantity")] b: JsValue,
) -> Result<JsValue, JsValue> {
    let a: Quantity = boundary::input(&a, "a")?;
    let b: Quantity = boundary::input(&b, "b")?;
    boundary::output(&a.add(&b))
}

/// The sum of a list of quantities (`0` for an empty list).
///
/// ```js
/// sumQuantities([1, { min: 2, max: 3 }]); // { min: 3, max: 4 }
/// ```
#[wasm_bindgen(js_name = sumQuantities, unchecked_return_type = "Quantity")]
pub fn sum_quantities(
    #[wasm_bindgen(unchecked_param_type = "Quantity[]")] quantities: JsValue,
) -> Result<JsValue, JsValue> {
    let list: Vec<Quantity> = boundary::input(&quantities, "quantities")?;
    boundary::output(&Quantity::sum(&list))
}

/// The larger of two quantities, carrying their bounds through.
///
/// ```js
/// maxQuantity(4, { min: 2, max: 10 }); // { min: 4, max: 10 }
/// ```
#[wasm_bindgen(js_name = maxQuantity, unchecked_return_type = "Quantity")]
pub fn max_quantity(
    #[wasm_bindgen(unchecked_param_type = "Quantity")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Quantity")] b: JsValue,
) -> Result<JsValue, JsValue> {
    let a: Quantity = boundary::input(&a, "a")?;
    let b: Quantity = boundary::input(&b, "b")?;
    boundary::output(&a.max(&b))
}
