//! Small serde building blocks shared by the model types.
//!
//! Custom error messages raised while parsing carry a stable code in brackets
//! (`[invalid-date] ...`) so that the loader can classify them without
//! guessing from free text.

use std::fmt;

/// Formats a parse error message tagged with a stable code.
pub(crate) fn tagged(code: &str, msg: impl fmt::Display) -> String {
    format!("[{code}] {msg}")
}

/// Splits a message produced by [`tagged`] back into its code and text.
pub(crate) fn untag(msg: &str) -> Option<(&str, &str)> {
    let rest = msg.strip_prefix('[')?;
    let end = rest.find(']')?;
    Some((&rest[..end], rest[end + 1..].trim_start()))
}

/// Serialises a float as an integer when it has no fractional part, so that
/// counts read back as `400` rather than `400.0`.
pub(crate) fn serialize_number<S: serde::Serializer>(v: f64, s: S) -> Result<S::Ok, S::Error> {
    const EXACT_INT: f64 = 9_007_199_254_740_992.0; // 2^53
    if v.fract() == 0.0 && v.abs() < EXACT_INT && !(v == 0.0 && v.is_sign_negative()) {
        s.serialize_i64(v as i64)
    } else {
        s.serialize_f64(v)
    }
}
