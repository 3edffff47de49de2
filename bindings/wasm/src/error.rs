//! The errors this package throws, and the type guards that recognise them.
//!
//! Every error is a real JavaScript `Error` (so it has a stack and works with
//! `instanceof Error`) with three more properties that callers may match on:
//!
//! | `name`              | `code`                          | when                                              |
//! |---------------------|---------------------------------|---------------------------------------------------|
//! | `"ParseError"`      | a parse code (`malformed-json`, `wrong-type`, …) | a document could not be read; `line`/`column` for text |
//! | `"ValidationError"` | the code of the first error     | a document was read but validation found errors   |
//! | `"JointwatchError"` | `"invalid-argument"`            | an argument has the wrong type or shape           |
//! | `"JointwatchError"` | the core's call code (`bad-grouping`, `empty-route`, `not-found`, …) | the call cannot be carried out for these arguments |
//! | `"JointwatchError"` | `"internal"`                    | a bug in this package: a result could not be written |
//! | `"JointwatchError"` | `"freed"`                       | a `Dataset` was used after `free()` (thrown by the JavaScript glue that `npm/assemble.mjs` writes: wasm-bindgen checks the pointer before any Rust runs) |
//! | `"JointwatchError"` | `"not-loaded"`                  | in the browser, a call of the module's second part before it was loaded (after `init({ lazy: true })` or `initSync({ module })`, until `loadAll()`; thrown by the same glue before any Rust runs) |
//!
//! Every `JointwatchError` code is a [`CallCode`] of the core; this module
//! only maps the core's errors onto JavaScript ones.
//!
//! Every error also carries `findings` (empty for argument errors) and
//! `path` (where in the document or argument the problem is). No error leaves
//! the module in a broken state: the Rust side never panics on bad input.

use jointwatch::analysis::geography::GeoError;
use jointwatch::{CallCode, CallError, Finding, LoadError, ParseError, Severity};
use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use crate::boundary;

/// `name` of the errors for bad arguments (and the family name of all).
const GENERAL: &str = "JointwatchError";
/// `name` of the errors for unreadable documents.
pub(crate) const PARSE: &str = "ParseError";
/// `name` of the errors for documents that validation rejected.
const VALIDATION: &str = "ValidationError";

pub(crate) fn set(target: &JsValue, key: &str, value: &JsValue) {
    // Setting a property on a fresh Error object cannot fail; if it ever did,
    // the error would still be thrown, only with one property fewer.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

pub(crate) fn build(
    name: &str,
    code: &str,
    message: &str,
    path: &str,
    findings: &[Finding],
) -> js_sys::Error {
    let error = js_sys::Error::new(message);
    error.set_name(name);
    set(&error, "code", &JsValue::from_str(code));
    set(&error, "path", &JsValue::from_str(path));
    let findings = boundary::output(findings).unwrap_or_else(|_| js_sys::Array::new().into());
    set(&error, "findings", &findings);
    error
}

/// An argument has the wrong type or shape. `path` names the argument and,
/// inside it, where the problem is (`filter.kinds[0]`).
pub(crate) fn invalid_argument(path: &str, message: impl std::fmt::Display) -> JsValue {
    let message = if path.is_empty() {
        message.to_string()
    } else {
        format!("{path}: {message}")
    };
    build(
        GENERAL,
        CallCode::InvalidArgument.as_str(),
        &message,
        path,
        &[],
    )
    .into()
}

/// A call the core could not carry out for these arguments (a grouping it
/// cannot make, trend tests on too few points, …), with the core's code.
pub(crate) fn call(error: &CallError, path: &str) -> JsValue {
    build(GENERAL, error.code.as_str(), &error.message, path, &[]).into()
}

/// No item has the id an argument names (`path`).
pub(crate) fn not_found(path: &str, message: String) -> JsValue {
    call(&CallError::new(CallCode::NotFound, message), path)
}

/// A bug in this package: a result could not be written or read back.
pub(crate) fn internal(message: &str) -> JsValue {
    call(&CallError::new(CallCode::Internal, message), "")
}

/// A closest approach that could not be computed: the core's geography
/// error with its call code (the message keeps the core's wording).
pub(crate) fn geography(error: GeoError, path: &str) -> JsValue {
    call(&CallError::from(error), path)
}

/// A document could not be read.
pub(crate) fn parse(error: &ParseError) -> JsValue {
    let finding = &error.finding;
    let js = build(
        PARSE,
        finding.code.as_str(),
        &finding.to_string(),
        &finding.path,
        std::slice::from_ref(finding),
    );
    if let (Some(line), Some(column)) = (finding.line, finding.column) {
        set(&js, "line", &JsValue::from_f64(line as f64));
        set(&js, "column", &JsValue::from_f64(column as f64));
    }
    js.into()
}

/// A document was read but validation found errors (in strict mode the
/// core has made every warning one). `findings` holds every finding,
/// warnings included.
pub(crate) fn validation(findings: &[Finding]) -> JsValue {
    // The core's own words for a rejection (`LoadError`), so that Rust, the
    // command line and JavaScript say the same.
    let rejection = LoadError {
        findings: findings.to_vec(),
    };
    let first = findings.iter().find(|f| f.severity == Severity::Error);
    let code = rejection.code().map_or("invalid-value", |c| c.as_str());
    let path = first.map_or("", |f| f.path.as_str());
    build(VALIDATION, code, &rejection.to_string(), path, findings).into()
}

/// Whether `value` has `Error.prototype` in its prototype chain. Walked with
/// `Reflect.getPrototypeOf`, whose exceptions (a Proxy's trap) are caught,
/// rather than `instanceof`, whose exceptions would cross the module.
fn is_error(value: &JsValue) -> bool {
    if !value.is_object() {
        return false;
    }
    let error_prototype = match Reflect::get_prototype_of(&js_sys::Error::new("")) {
        Ok(p) => JsValue::from(p),
        Err(_) => return false,
    };
    let mut current = value.clone();
    for _ in 0..64 {
        match Reflect::get_prototype_of(&current) {
            Ok(p) if p.is_null() => return false,
            Ok(p) if JsValue::from(p.clone()) == error_prototype => return true,
            Ok(p) => current = p.into(),
            Err(_) => return false,
        }
    }
    false
}

fn has_name(value: &JsValue, names: &[&str]) -> bool {
    if !is_error(value) {
        return false;
    }
    let get = |key: &str| Reflect::get(value, &JsValue::from_str(key)).ok();
    let name = get("name").and_then(|n| n.as_string());
    let code_is_text = get("code").is_some_and(|c| c.is_string());
    code_is_text && name.is_some_and(|n| names.contains(&n.as_str()))
}

/// Whether `value` is an error thrown by this package (any of
/// `JointwatchError`, `ParseError` and `ValidationError`).
///
/// ```js
/// try { Dataset.fromJSON("{"); } catch (e) { if (isJointwatchError(e)) console.log(e.code); }
/// ```
#[wasm_bindgen(js_name = isJointwatchError, unchecked_return_type = "value is JointwatchError")]
pub fn is_jointwatch_error(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
) -> bool {
    has_name(&value, &[GENERAL, PARSE, VALIDATION])
}

/// Whether `value` is a `ParseError`: a document that could not be read.
///
/// ```js
/// try { Dataset.fromJSON('{"formatVersion": 1}'); }
/// catch (e) { if (isParseError(e)) console.log(e.code, e.line, e.column); }
/// ```
#[wasm_bindgen(js_name = isParseError, unchecked_return_type = "value is ParseError")]
pub fn is_parse_error(#[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue) -> bool {
    has_name(&value, &[PARSE])
}

/// Whether `value` is a `ValidationError`: a document that validation
/// rejected, with every finding in `findings`.
///
/// ```js
/// try { Dataset.fromJSON(text); }
/// catch (e) { if (isValidationError(e)) e.findings.forEach((f) => console.log(f.code, f.path)); }
/// ```
#[wasm_bindgen(js_name = isValidationError, unchecked_return_type = "value is ValidationError")]
pub fn is_validation_error(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
) -> bool {
    has_name(&value, &[VALIDATION])
}
