//! # jointwatch-wasm
//!
//! The WebAssembly bindings of [`jointwatch`], published on npm as
//! `jointwatch`: a thin translation layer between JavaScript and the core
//! crate, which knows nothing of JavaScript.
//!
//! - [`Dataset`] holds a parsed document on the Rust side, so that a
//!   dashboard pays for crossing the boundary once and then asks many
//!   questions of it.
//! - Plain functions serve one-off calls: [`validate()`], [`validate_record`],
//!   the ICD 203 term of a probability, geography, the trend statistics,
//!   quantity and period helpers.
//! - Every argument is a `JsValue` checked on arrival (see `boundary`), and
//!   every failure is a real JavaScript `Error` with a stable `code` (see
//!   `error`), so nothing here can panic on bad input and the module stays
//!   usable after any error.
//! - Results are plain JSON-compatible objects (never `Map`; written as JSON
//!   and read with `JSON.parse`), typed by the declarations the core derives
//!   with its `ts` feature (and this crate derives for its few result
//!   shapes), plus the errors, aliases and GeoJSON types in `typescript`.
//! - Nothing here decides anything about a document: look-ups by id,
//!   validation (strict mode included), counts, bounds, date text and every
//!   error code are the core's. This crate reads JavaScript arguments, calls
//!   the core, and writes results and errors.
//!
//! Adding a core call is one small function: read each argument with
//! `boundary::input`/`optional`, call the core, return `boundary::output`
//! (or `error::call` for the core's [`jointwatch::CallError`]).

#![deny(missing_docs)]

mod assessment;
mod boundary;
mod dataset;
mod error;
mod figure;
mod geography;
mod period;
mod quantity;
mod series;
mod trend;
mod typescript;
mod validation;

pub use assessment::estimative_term;
pub use dataset::Dataset;
pub use error::{is_jointwatch_error, is_parse_error, is_validation_error};
pub use geography::{closest_approach, route_length_km};
pub use period::{format_period, period_days, period_of};
pub use quantity::{
    add_quantities, format_quantity, max_quantity, quantity_bounds, sum_quantities,
};
pub use trend::{
    least_squares, mann_kendall, rate_comparison, sens_slope, summarize, year_over_year,
};
pub use validation::{finding_codes, validate, validate_record};

use wasm_bindgen::prelude::*;

/// The document format version this package writes (`"2.0"`); documents of
/// major version 1 or 2 are read, and a 1.x document is upgraded to 2.0 on
/// reading (a patrol's `sequence` becomes an unattributed `numbering` entry).
///
/// ```js
/// formatVersion(); // "2.0"
/// ```
#[wasm_bindgen(js_name = formatVersion)]
pub fn format_version() -> String {
    jointwatch::FORMAT_VERSION.to_string()
}

/// The version of the package (and of the Rust crates it is built from).
///
/// ```js
/// version(); // "0.1.0"
/// ```
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
