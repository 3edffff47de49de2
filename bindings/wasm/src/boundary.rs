//! Crossing the boundary: reading JavaScript arguments into Rust values and
//! writing Rust values back as plain JavaScript objects.
//!
//! Every argument arrives as a `JsValue` and is checked here, so that a
//! wrong type from JavaScript becomes a `JointwatchError` with code
//! `invalid-argument` rather than a panic or an error without a code.
//! Objects are read through `JSON.stringify` and the core's `parse_json`, the same
//! reader as documents, so that messages name the path of the problem.

use jointwatch::{Code, Dataset, Limits, ParseError, ValidateOptions};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::error;

/// Writes a value as plain JSON-compatible JavaScript: objects and arrays,
/// never `Map`. It goes through JSON text and `JSON.parse`, which reuses the
/// serializer the core already carries for `toJSON` and keeps the module
/// small (serde-wasm-bindgen's serializer cost 18 KB gzipped). Non-finite
/// numbers, which JSON cannot hold, become `null`.
pub(crate) fn output<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    // The same writer as `to_string_pretty`, so that each type's writer is the
    // one `toJSONText` already needs; only this call is generic.
    let mut text = Vec::with_capacity(128);
    let written = value.serialize(&mut serde_json::Serializer::pretty(&mut text));
    read_back(written, text)
}

/// Reads written JSON text back as JavaScript with `JSON.parse`.
pub(crate) fn read_back(
    written: Result<(), serde_json::Error>,
    text: Vec<u8>,
) -> Result<JsValue, JsValue> {
    read_back_with(written, text, js_sys::JSON::parse)
}

/// Reads written text back as JavaScript with `parse` (`JSON.parse`, or the
/// reader of a form written by hand). Not generic, so compiled once.
#[inline(never)]
pub(crate) fn read_back_with(
    written: Result<(), serde_json::Error>,
    text: Vec<u8>,
    parse: fn(&str) -> Result<JsValue, JsValue>,
) -> Result<JsValue, JsValue> {
    // No step fails for the core's types (JSON text from serde_json is
    // always valid UTF-8 and valid JSON); should one ever, it is an
    // `internal` error, not a panic.
    written.map_err(|e| error::internal(&format!("result could not be written: {e}")))?;
    let text =
        String::from_utf8(text).map_err(|_| error::internal("result could not be read back"))?;
    parse(&text).map_err(|_| error::internal("result could not be read back"))
}

/// Writes an optional value; `None` becomes `undefined`.
pub(crate) fn output_option<T: Serialize>(value: Option<T>) -> Result<JsValue, JsValue> {
    match value {
        Some(v) => output(&v),
        None => Ok(JsValue::UNDEFINED),
    }
}

/// Whether an optional argument was left out.
fn is_absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// A string argument.
pub(crate) fn text(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        error::invalid_argument(name, format!("expected a string, got {}", kind(value)))
    })
}

/// A finite number argument.
pub(crate) fn number(value: &JsValue, name: &str) -> Result<f64, JsValue> {
    match value.as_f64() {
        Some(n) if n.is_finite() => Ok(n),
        _ => Err(error::invalid_argument(
            name,
            format!("expected a finite number, got {}", kind(value)),
        )),
    }
}

/// A whole number argument that is zero or more.
pub(crate) fn count(value: &JsValue, name: &str) -> Result<u64, JsValue> {
    let n = number(value, name)?;
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
    if n < 0.0 || n.fract() != 0.0 || n > MAX_SAFE {
        return Err(error::invalid_argument(
            name,
            format!("expected a whole number of zero or more, got {n}"),
        ));
    }
    Ok(n as u64)
}

/// A series of numbers: an array or a typed array. `null`, `undefined`,
/// `NaN` and infinities stand for missing observations and become `NaN`,
/// which the trend statistics skip.
pub(crate) fn numbers(value: &JsValue, name: &str) -> Result<Vec<f64>, JsValue> {
    // A typed array (DataView has no length) is copied into a Float64Array
    // through Reflect, so that what throws (a BigInt64Array, a detached
    // buffer) is caught rather than crossing the module.
    let has_length = || {
        js_sys::Reflect::get(value, &JsValue::from_str("length"))
            .is_ok_and(|l| l.as_f64().is_some())
    };
    if js_sys::ArrayBuffer::is_view(value) && has_length() {
        let constructor = js_sys::Float64Array::new_with_length(0).constructor();
        let args = js_sys::Array::of1(value);
        return match js_sys::Reflect::construct(&constructor, &args) {
            Ok(copy) => Ok(js_sys::Float64Array::from(copy).to_vec()),
            Err(_) => Err(error::invalid_argument(
                name,
                "expected numbers; this typed array cannot be read as numbers",
            )),
        };
    }
    // Plain arrays go through JSON.stringify, which turns NaN and the
    // infinities into null (missing, as wanted) and, unlike reading elements
    // one by one, cannot throw into the module (a Proxy's traps run inside a
    // caught call).
    let text = json_text(value, name)?;
    if !text.starts_with('[') {
        return Err(error::invalid_argument(
            name,
            format!("expected an array of numbers, got {}", kind(value)),
        ));
    }
    let list: Vec<Option<f64>> = parse_text(&text, name)?;
    Ok(list.into_iter().map(|v| v.unwrap_or(f64::NAN)).collect())
}

/// The JSON text of an object or array argument.
fn json_text(value: &JsValue, name: &str) -> Result<String, JsValue> {
    let text = js_sys::JSON::stringify(value).map_err(|e| {
        // Whatever was thrown (by a toJSON method, a getter, a Proxy's trap)
        // is only read through Reflect.get, which cannot throw past here.
        let why = js_sys::Reflect::get(&e, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_default();
        error::invalid_argument(name, format!("cannot be written as JSON: {why}"))
    })?;
    text.as_string().ok_or_else(|| {
        error::invalid_argument(name, format!("cannot be written as JSON: {}", kind(value)))
    })
}

/// Reads a structured argument (options, filters, quantities, periods).
pub(crate) fn input<T: DeserializeOwned>(value: &JsValue, name: &str) -> Result<T, JsValue> {
    if value.is_undefined() {
        return Err(error::invalid_argument(name, "is required"));
    }
    let text = json_text(value, name)?;
    parse_text(&text, name)
}

/// Reads JSON text made by `JSON.stringify` from argument `name`.
///
/// Arguments are read by the core's own reader of documents
/// (`jointwatch::parse_json`), so that a filter, a period or a quantity reads
/// exactly as it does inside a document (structs from objects only), and so
/// that each type's reader is compiled into the module once rather than
/// twice (once for documents, once for arguments).
fn parse_text<T: DeserializeOwned>(text: &str, name: &str) -> Result<T, JsValue> {
    jointwatch::parse_json(text).map_err(|e| argument_error(e, name))
}

/// An argument that could not be read, at its path inside the argument.
/// Not generic, so that it is compiled once.
#[inline(never)]
fn argument_error(e: ParseError, name: &str) -> JsValue {
    let inner = e.finding.path;
    let path = if inner.is_empty() {
        name.to_string()
    } else if inner.starts_with('[') {
        format!("{name}{inner}")
    } else {
        format!("{name}.{inner}")
    };
    error::invalid_argument(&path, e.finding.message)
}

/// Reads an optional structured argument; `undefined` and `null` mean absent.
pub(crate) fn optional<T: DeserializeOwned>(
    value: &JsValue,
    name: &str,
) -> Result<Option<T>, JsValue> {
    if is_absent(value) {
        Ok(None)
    } else {
        input(value, name).map(Some)
    }
}

/// A document given as JSON text or as a plain object.
pub(crate) enum Document {
    /// JSON text, as read from a file.
    Text(String),
    /// The JSON text of a plain object.
    Object(String),
}

impl Document {
    /// Reads a document argument: a string or a plain object.
    pub(crate) fn from_js(value: &JsValue, name: &str) -> Result<Document, JsValue> {
        if let Some(text) = value.as_string() {
            return Ok(Document::Text(text));
        }
        if value.is_object() && !value.is_function() {
            // Whether it is a plain object is told by its JSON form, which
            // (unlike Array.isArray on a revoked Proxy) cannot throw.
            let text = json_text(value, name)?;
            if text.starts_with('{') {
                return Ok(Document::Object(text));
            }
        }
        Err(error::invalid_argument(
            name,
            format!("expected JSON text or a plain object, got {}", kind(value)),
        ))
    }

    /// Reads the document without validating it, within the default limits.
    pub(crate) fn parse(&self) -> Result<Dataset, ParseError> {
        self.parse_within(&Limits::default())
    }

    /// Reads the document without validating it, within `limits`. Line and
    /// column are kept for text only: for an object they would point into
    /// text the caller never saw.
    pub(crate) fn parse_within(&self, limits: &Limits) -> Result<Dataset, ParseError> {
        match self {
            Document::Text(text) => Dataset::from_json_with(text, limits),
            Document::Object(text) => Dataset::from_json_with(text, limits).map_err(|mut e| {
                e.finding.line = None;
                e.finding.column = None;
                e
            }),
        }
    }
}

/// The options of `Dataset.fromJSON` and `Dataset.fromObject`: the
/// validation options (`ValidateOptions`) and the limits to read within
/// (`LoadOptions` in the TypeScript declarations).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct LoadOptions {
    #[serde(default)]
    strict: bool,
    #[serde(default)]
    ignore: Vec<Code>,
    #[serde(default)]
    limits: Option<Limits>,
}

/// Reads the options of loading a document (absent: the defaults). Limits
/// not given keep their defaults; `maxDepth` can only be lowered, since
/// deeper nesting could exhaust the WebAssembly stack.
pub(crate) fn load_options(value: &JsValue) -> Result<(ValidateOptions, Limits), JsValue> {
    let Some(o) = optional::<LoadOptions>(value, "options")? else {
        return Ok(Default::default());
    };
    let limits = o.limits.unwrap_or_default();
    let most = Limits::default().max_depth;
    if limits.max_depth > most {
        return Err(error::invalid_argument(
            "options.limits.maxDepth",
            format!("at most {most}: deeper nesting could exhaust the WebAssembly stack"),
        ));
    }
    let validate = ValidateOptions {
        strict: o.strict,
        ignore: o.ignore,
    };
    Ok((validate, limits))
}

/// A record argument: the JSON text of a plain object (not a string).
pub(crate) fn record(value: &JsValue, name: &str) -> Result<String, JsValue> {
    match Document::from_js(value, name)? {
        Document::Object(text) => Ok(text),
        Document::Text(_) => Err(error::invalid_argument(
            name,
            "expected a plain object, got a string",
        )),
    }
}

/// A short description of a JavaScript value's type, for messages.
pub(crate) fn kind(value: &JsValue) -> String {
    // Only `typeof`: anything more (Array.isArray, instanceof) can run a
    // Proxy's traps, and an exception thrown there would cross the module.
    if value.is_null() {
        return "null".to_string();
    }
    match value.js_typeof().as_string().as_deref() {
        Some("object") => "an object".to_string(),
        Some("undefined") => "undefined".to_string(),
        Some(t) => format!("a {t}"),
        None => "a value".to_string(),
    }
}
