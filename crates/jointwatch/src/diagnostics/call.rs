//! The call-error vocabulary: why a call (a series query, trend tests, a
//! closest approach, a look-up by id, …) could not be carried out for its
//! arguments, each with a stable code.
//!
//! Finding codes ([`Code`](super::Code)) say what is wrong in a document;
//! call codes say why a question asked of a document has no answer. Both
//! never change meaning; new failures get new codes. [`CallCode`] lists
//! them; they are the `code` of the npm package's `JointwatchError`.

use std::fmt;

use serde::{Serialize, Serializer};

macro_rules! call_codes {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal; )*) => {
        /// A stable call-error code. Its text form (`bad-grouping`) is what
        /// users see and match on.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum CallCode {
            $( $(#[$doc])* $variant, )*
        }

        /// The TypeScript union of every call code's text form.
        #[cfg(feature = "ts")]
        #[allow(dead_code)] // read only by wasm-bindgen's TypeScript section
        pub(crate) const TS_CALL_CODE_UNION: &str = concat!(
            "/** A stable call-error code: why a call could not be carried out for its arguments. */\nexport type CallCode =",
            $( "\n  | \"", $text, "\"", )*
            ";\n"
        );

        impl CallCode {
            /// Every code, in documentation order.
            pub const ALL: &'static [CallCode] = &[ $( CallCode::$variant, )* ];

            /// The stable text form.
            pub fn as_str(&self) -> &'static str {
                match self { $( CallCode::$variant => $text, )* }
            }
        }

        impl std::str::FromStr for CallCode {
            type Err = UnknownCallCode;
            fn from_str(s: &str) -> Result<CallCode, UnknownCallCode> {
                match s { $( $text => Ok(CallCode::$variant), )* _ => Err(UnknownCallCode(s.to_string())) }
            }
        }
    };
}

call_codes! {
    /// An argument has the wrong type or shape.
    InvalidArgument = "invalid-argument";
    /// No item has the id asked for.
    NotFound = "not-found";
    /// The computation is not defined for this data (trend tests on fewer
    /// than three points, or on ranges and bounds).
    NotApplicable = "not-applicable";
    /// A series query has more than two grouping keys, or two period keys.
    BadGrouping = "bad-grouping";
    /// A series query's fiscal year starts in a month outside 1–12.
    InvalidGranularity = "invalid-granularity";
    /// A zero-filled series would hold too many periods or points.
    WindowTooLarge = "window-too-large";
    /// A route has no points.
    EmptyRoute = "empty-route";
    /// A line or polygon target has no points.
    EmptyTarget = "empty-target";
    /// A coordinate is not finite or out of range.
    CoordinateOutOfRange = "coordinate-out-of-range";
    /// A polygon target has fewer than three distinct points.
    DegeneratePolygon = "degenerate-polygon";
    /// A bug: a result could not be written. Please report it.
    Internal = "internal";
    /// The npm package's `Dataset` was freed (`free()`, or the end of a
    /// `using` block) before this call; nothing in Rust raises it.
    Freed = "freed";
    /// The npm package's call is in the second part of its module, which the
    /// browser build has not loaded yet (after `init({ lazy: true })` or
    /// `initSync({ module })`, until `loadAll()`); nothing in Rust raises it.
    NotLoaded = "not-loaded";
}

/// Text that is not a call-error code (the error of `str::parse::<CallCode>`);
/// its message is stable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown call-error code {0:?}")]
pub struct UnknownCallCode(pub String);

impl fmt::Display for CallCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CallCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Why a call could not be carried out: a stable code and a message in
/// plain words. Its `Display` is the message alone.
///
/// # Example
/// ```
/// use jointwatch::analysis::series::{series, SeriesQuery};
/// use jointwatch::CallCode;
/// let q: SeriesQuery = serde_json::from_str(
///     r#"{"groupBy": [{"by": "area"}, {"by": "domain"}, {"by": "series"}]}"#,
/// ).unwrap();
/// let err = series(&jointwatch::seed(), &q).unwrap_err();
/// assert_eq!(err.code, CallCode::BadGrouping);
/// assert_eq!(err.to_string(), "at most two grouping keys");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct CallError {
    /// The stable code.
    pub code: CallCode,
    /// What went wrong, in plain words.
    pub message: String,
}

impl CallError {
    /// An error with this code and message.
    pub fn new(code: CallCode, message: impl Into<String>) -> CallError {
        CallError {
            code,
            message: message.into(),
        }
    }
}

#[cfg(feature = "ts")]
mod ts {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen(typescript_custom_section)]
    const CALL_CODES: &'static str = super::TS_CALL_CODE_UNION;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_their_text() {
        for c in CallCode::ALL {
            assert_eq!(c.as_str().parse::<CallCode>(), Ok(*c));
            assert_eq!(serde_json::to_string(c).unwrap(), format!("\"{c}\""));
        }
        assert_eq!(
            "no-such-code".parse::<CallCode>().unwrap_err().to_string(),
            "unknown call-error code \"no-such-code\""
        );
    }
}
