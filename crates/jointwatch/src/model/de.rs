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

/// Reads a field that may be absent but is not `null` when present, for the
/// flat field structs of internally tagged types:
/// `#[serde(default, deserialize_with = "crate::model::de::present")]`.
pub(crate) fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

/// Declares the tag of an internally tagged type as a plain enum that reads
/// from its JSON name and knows that name:
///
/// ```text
/// tag_enum! {
///     /// The `type` of a period.
///     enum PeriodType { CalendarYear = "calendarYear", Quarter = "quarter" }
/// }
/// ```
macro_rules! tag_enum {
    ($(#[$meta:meta])* enum $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
        enum $name {
            $(#[serde(rename = $text)] $variant,)+
        }

        impl $name {
            /// The name in JSON.
            fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }
    };
}
pub(crate) use tag_enum;

/// Reads an internally tagged enum through a flat field struct, checking
/// which fields the named type requires and allows (see [`Tagged`]).
///
/// One invocation declares the tag enum (with [`tag_enum!`]), the flat field
/// struct and the `Deserialize` impl:
///
/// ```text
/// tagged_deserialize! {
///     Period by "type": PeriodType, fields PeriodFields {
///         year: i16 = "year",
///         first_month: u8 = "firstMonth",
///         named_by: FiscalNaming = "namedBy",
///     }
///     CalendarYear = "calendarYear" (year) => Period::CalendarYear { year },
///     FiscalYear = "fiscalYear" (year, first_month, named_by?) => Period::FiscalYear {
///         year,
///         first_month,
///         named_by: named_by.unwrap_or_default(),
///     },
/// }
/// ```
///
/// Every field is read as an `Option` of its type, absent or given but not
/// `null` ([`present`]); `year: i16 = "year"` names it in JSON. Each variant
/// lists the fields its type allows: a plain name is required and bound to
/// its value, a name followed by `?` is optional and bound to its `Option`.
/// The expression after `=>` builds the value from those bindings.
///
/// Order is part of the messages, so keep it when changing a type: variants
/// in the order serde's unknown-variant message lists them; fields in the
/// order serde's unknown-field message lists them (after the tag), which is
/// also the order the first given-but-not-allowed field is looked for; a
/// variant's fields in the order the `expected …` of that message lists them
/// and the order their `missing field` errors are raised.
///
/// The expansion is the code that was written by hand before: one field
/// struct and one `Deserialize` impl per type, nothing new that is generic
/// over the type, so the `.wasm` does not grow.
macro_rules! tagged_deserialize {
    (
        $ty:ident by $tag:literal: $tag_ty:ident, fields $fields:ident {
            $($field:ident: $field_ty:ty = $json:literal),* $(,)?
        }
        $($variant:ident = $name:literal ($($allowed:tt)*) => $build:expr),+ $(,)?
    ) => {
        $crate::model::de::tag_enum! {
            #[doc = concat!("The `", $tag, "` of a [`", stringify!($ty), "`].")]
            enum $tag_ty { $($variant = $name),+ }
        }

        #[doc = concat!(
            "Every field a [`", stringify!($ty), "`] object may have, read flat so that an ",
            "error in any of them keeps its path and position."
        )]
        #[derive(::serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct $fields {
            #[serde(rename = $tag)]
            kind: $tag_ty,
            $(
                #[serde(rename = $json, default, deserialize_with = "crate::model::de::present")]
                $field: Option<$field_ty>,
            )*
        }

        impl $fields {
            $(
                #[allow(non_upper_case_globals)]
                const $field: &'static str = $json;
            )*
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let f = <$fields as ::serde::Deserialize>::deserialize(d)?;
                let t = $crate::model::de::Tagged {
                    tag: $tag,
                    name: f.kind.name(),
                };
                let present = [$(($json, f.$field.is_some())),*];
                Ok(match f.kind {
                    $($tag_ty::$variant => {
                        t.allow(
                            &present,
                            &$crate::model::de::tagged_deserialize!(@names $fields [] $($allowed)*),
                        )?;
                        $crate::model::de::tagged_deserialize!(@bind t f $fields $($allowed)*);
                        $build
                    })+
                })
            }
        }
    };

    // The JSON names of a variant's fields, as an array.
    (@names $fields:ident [$($names:expr),*]) => { [$($names),*] };
    (@names $fields:ident [$($names:expr),*] $field:ident ? $(, $($rest:tt)*)?) => {
        $crate::model::de::tagged_deserialize!(@names $fields [$($names,)* $fields::$field] $($($rest)*)?)
    };
    (@names $fields:ident [$($names:expr),*] $field:ident $(, $($rest:tt)*)?) => {
        $crate::model::de::tagged_deserialize!(@names $fields [$($names,)* $fields::$field] $($($rest)*)?)
    };

    // Binds each of a variant's fields: a required one to its value, an
    // optional one (`name?`) to its `Option`.
    (@bind $t:ident $f:ident $fields:ident) => {};
    (@bind $t:ident $f:ident $fields:ident $field:ident ? $(, $($rest:tt)*)?) => {
        let $field = $f.$field;
        $crate::model::de::tagged_deserialize!(@bind $t $f $fields $($($rest)*)?);
    };
    (@bind $t:ident $f:ident $fields:ident $field:ident $(, $($rest:tt)*)?) => {
        let $field = $t.require($fields::$field, $f.$field)?;
        $crate::model::de::tagged_deserialize!(@bind $t $f $fields $($($rest)*)?);
    };
}
pub(crate) use tagged_deserialize;

/// The type an internally tagged object names, for checking which of the
/// fields read into its flat field struct that type requires and allows.
///
/// Types are read this way, rather than with serde's `#[serde(tag = ...)]`
/// derive, because the derive buffers the object before reading it, which
/// loses the path, line and column of an error inside it. The flat struct is
/// a derived struct, so each field is tracked as it is read.
pub(crate) struct Tagged {
    /// The tag field (`type`, `by`, `op`).
    pub(crate) tag: &'static str,
    /// The type named by the tag (`quarter`).
    pub(crate) name: &'static str,
}

impl Tagged {
    /// Fails on the first field that is `present` but not `allowed` for the
    /// type; `present` pairs every field name with whether it was given.
    ///
    /// The error is raised after the object is read, so at the object's path;
    /// the loader appends the field named in the message, as the path of an
    /// unknown field ends with the field.
    pub(crate) fn allow<E: serde::de::Error>(
        &self,
        present: &[(&'static str, bool)],
        allowed: &[&'static str],
    ) -> Result<(), E> {
        match present
            .iter()
            .find(|(field, given)| *given && !allowed.contains(field))
        {
            None => Ok(()),
            Some((field, _)) => {
                let mut expected = vec![self.tag];
                expected.extend_from_slice(allowed);
                Err(E::custom(tagged(
                    "unknown-field",
                    format_args!(
                        "unknown field `{field}` when `{}` is `{}`, expected {}",
                        self.tag,
                        self.name,
                        one_of(&expected)
                    ),
                )))
            }
        }
    }

    /// The value of a field the type requires.
    pub(crate) fn require<T, E: serde::de::Error>(
        &self,
        field: &'static str,
        value: Option<T>,
    ) -> Result<T, E> {
        value.ok_or_else(|| {
            E::custom(tagged(
                "missing-field",
                format_args!(
                    "missing field `{field}` when `{}` is `{}`",
                    self.tag, self.name
                ),
            ))
        })
    }
}

/// Field names as serde lists them: `` `a` ``, `` `a` or `b` ``,
/// `` one of `a`, `b`, `c` ``.
fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [] => "nothing".to_string(),
        [one] => one.clone(),
        [a, b] => format!("{a} or {b}"),
        all => format!("one of {}", all.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_split_back() {
        let t = tagged("invalid-date", "bad");
        assert_eq!(untag(&t), Some(("invalid-date", "bad")));
        assert_eq!(untag("plain"), None);
    }

    #[test]
    fn field_lists_read_like_serde() {
        assert_eq!(one_of(&["by"]), "`by`");
        assert_eq!(one_of(&["op", "field"]), "`op` or `field`");
        assert_eq!(
            one_of(&["type", "year", "quarter"]),
            "one of `type`, `year`, `quarter`"
        );
    }

    #[test]
    fn tagged_checks_name_the_type() {
        let t = Tagged {
            tag: "type",
            name: "quarter",
        };
        let err: serde_json::Error = t
            .allow(&[("year", true), ("month", true)], &["year", "quarter"])
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "[unknown-field] unknown field `month` when `type` is `quarter`, expected one of `type`, `year`, `quarter`"
        );
        assert!(t
            .allow::<serde_json::Error>(&[("year", true), ("month", false)], &["year"])
            .is_ok());
        let err: serde_json::Error = t.require::<u8, _>("quarter", None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "[missing-field] missing field `quarter` when `type` is `quarter`"
        );
        assert_eq!(
            t.require::<u8, serde_json::Error>("quarter", Some(3))
                .unwrap(),
            3
        );
    }
}
