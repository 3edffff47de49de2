//! Figures a record states, each with one or more values from its sources
//! ("Russia claimed about 300,000 personnel; another outlet 297,000"), and
//! the one rule by which a value is chosen when they disagree.
//!
//! A statistic is one reporter's figure and stays a [`Quantity`]: two
//! reporters of the same count are two statistics. A [`Figure`] is a count
//! inside a record (forces, platforms, rounds fired), where the record is
//! one event and its sources may give it different sizes.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::actor::CountryCode;
use crate::model::quantity::{Quantity, QuantityObject};
use crate::model::source::{Credibility, Reliability};

/// How the giver of a value stands to it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Stance {
    /// Claimed by a party with a stake in it (a defence ministry about its own exercise).
    Claimed,
    /// Assessed by an analyst or a government not taking part.
    Assessed,
    /// Reported by an outlet without saying whose figure it is.
    Reported,
    /// Estimated by the compiler of the dataset (say how in `notes`).
    Estimated,
}

impl Stance {
    /// The name as written in documents (`"claimed"`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Stance::Claimed => "claimed",
            Stance::Assessed => "assessed",
            Stance::Reported => "reported",
            Stance::Estimated => "estimated",
        }
    }
}

/// One value of a figure, with who gives it and on what source.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct FigureValue {
    /// The value, with its uncertainty.
    pub value: Quantity,
    /// How the giver stands to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// The state whose figure it is (Russia's defence ministry: `RUS`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<CountryCode>,
    /// Ids of the sources that give it; empty means the record's sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Free-text notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl FigureValue {
    /// A value with nothing said about it but the quantity.
    pub fn plain(value: Quantity) -> FigureValue {
        FigureValue {
            value,
            stance: None,
            by: None,
            sources: Vec::new(),
            notes: None,
        }
    }

    fn is_plain(&self) -> bool {
        self.stance.is_none()
            && self.by.is_none()
            && self.sources.is_empty()
            && self.notes.is_none()
    }

    /// The sources this value rests on: its own, else the record's.
    pub fn sources_or<'a>(&'a self, record_sources: &'a [String]) -> &'a [String] {
        if self.sources.is_empty() {
            record_sources
        } else {
            &self.sources
        }
    }
}

/// A count a record states: one value, or several from different sources.
///
/// In JSON a bare quantity (`3200`, `{"atLeast": 30}`) is one value citing
/// the record's sources; `{"values": [{"value": 300000, "stance": "claimed",
/// "by": "RUS", "sources": ["…"]}, …]}` holds several. A figure with one
/// plain value is written as the bare quantity, so format 1.0 documents
/// round-trip unchanged.
///
/// # Example
/// ```
/// use jointwatch::model::figure::{Figure, Stance};
/// let f: Figure = serde_json::from_str(r#"{"values": [
///   {"value": 300000, "stance": "claimed", "by": "RUS", "sources": ["tass"]},
///   {"value": 297000, "stance": "reported", "sources": ["other"]}
/// ]}"#).unwrap();
/// assert_eq!(f.values.len(), 2);
/// assert_eq!(f.values[0].stance, Some(Stance::Claimed));
/// let plain: Figure = serde_json::from_str("3200").unwrap();
/// assert_eq!(serde_json::to_string(&plain).unwrap(), "3200");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The values, in the order the document gives them. Never empty in a
    /// valid document (`empty-figure`).
    pub values: Vec<FigureValue>,
}

impl From<Quantity> for Figure {
    fn from(q: Quantity) -> Figure {
        Figure {
            values: vec![FigureValue::plain(q)],
        }
    }
}

impl Figure {
    /// The first value's quantity: the figure itself when it has one value.
    /// Code that can weigh sources uses `Dataset::resolve_figure` instead.
    pub fn first(&self) -> Option<Quantity> {
        self.values.first().map(|v| v.value)
    }

    /// Whether the figure has more than one value.
    pub fn is_contested(&self) -> bool {
        self.values.len() > 1
    }

    /// Every quantity the figure holds.
    pub fn quantities(&self) -> impl Iterator<Item = &Quantity> + '_ {
        self.values.iter().map(|v| &v.value)
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.values.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{}", v.value)?;
            match (v.stance, v.by) {
                (Some(s), Some(by)) => write!(f, " ({} by {by})", s.as_str())?,
                (Some(s), None) => write!(f, " ({})", s.as_str())?,
                (None, Some(by)) => write!(f, " (by {by})")?,
                (None, None) => {}
            }
        }
        Ok(())
    }
}

impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.values.as_slice() {
            [one] if one.is_plain() => one.value.serialize(s),
            values => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("values", values)?;
                m.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Figure;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(
                    f,
                    "a quantity ({}) or {{\"values\": [{{\"value\": …, \"sources\": […]}}]}}",
                    crate::model::quantity::FORMS
                )
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Figure, E> {
                Ok(Quantity::Exact(v).into())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Figure, E> {
                Ok(Quantity::Exact(v as f64).into())
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Figure, E> {
                Ok(Quantity::Exact(v as f64).into())
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Figure, A::Error> {
                let o = QuantityObject::<Vec<FigureValue>>::deserialize(
                    de::value::MapAccessDeserializer::new(map),
                )?;
                let mut o = o;
                match o.take_values() {
                    (Some(values), true) => Ok(Figure { values }),
                    (Some(_), false) => Err(de::Error::custom(crate::model::de::tagged(
                        "invalid-quantity",
                        "a figure is a quantity or {\"values\": […]}, not both",
                    ))),
                    (None, _) => o
                        .into_quantity()
                        .map(Figure::from)
                        .map_err(de::Error::custom),
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// How a value was chosen among values that disagree (the figures of
/// statistics for one period, or the values of one record's figure).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Resolution {
    /// The value of the best-graded source (reliability first, then
    /// credibility; a statistic or value is graded by its best source).
    BetterGraded,
    /// The best-graded values are graded alike and disagree: the range
    /// spanning them.
    Span,
}

/// A grading as the choosing rule weighs it.
pub(crate) type Grade = Option<(Reliability, Credibility)>;

/// The one rule for choosing among values that disagree (docs/method.md,
/// "Conflicting figures"): identical values are no conflict (`None`
/// resolution); else the best-graded value (an ungraded one ranks last);
/// when the best-graded values disagree among themselves, the range spanning
/// them. Never the larger silently. `None` for no values.
pub(crate) fn choose(values: &[(Quantity, Grade)]) -> Option<(Quantity, Option<Resolution>)> {
    let first = values.first()?;
    if values.iter().all(|v| v.0 == first.0) {
        return Some((first.0, None));
    }
    // `None` (no graded source) sorts after every grading.
    let rank = |v: &(Quantity, Grade)| (v.1.is_none(), v.1);
    let best = values.iter().map(rank).min()?;
    let top: Vec<Quantity> = values
        .iter()
        .filter(|v| rank(v) == best)
        .map(|v| v.0)
        .collect();
    if top.iter().all(|q| *q == top[0]) {
        Some((top[0], Some(Resolution::BetterGraded)))
    } else {
        Some((Quantity::span(top)?, Some(Resolution::Span)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_value_is_written_as_its_quantity() {
        for text in ["3200", r#"{"atLeast":30}"#, r#"{"min":4,"max":10}"#] {
            let f: Figure = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::to_string(&f).unwrap(), text);
        }
        let f: Figure = serde_json::from_str(r#"{"values":[{"value":5}]}"#).unwrap();
        assert_eq!(serde_json::to_string(&f).unwrap(), "5");
    }

    #[test]
    fn several_values_round_trip() {
        let text = r#"{"values":[{"value":300000,"stance":"claimed","by":"RUS","sources":["a"]},{"value":{"atLeast":3000},"sources":["b"],"notes":"n"}]}"#;
        let f: Figure = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::to_string(&f).unwrap(), text);
        assert!(f.is_contested());
        assert_eq!(f.to_string(), "300000 (claimed by RUS); at least 3000");
    }

    #[test]
    fn values_and_a_quantity_together_are_refused() {
        let e =
            serde_json::from_str::<Figure>(r#"{"values":[{"value":1}],"exact":2}"#).unwrap_err();
        assert!(e.to_string().starts_with("[invalid-quantity]"), "{e}");
        assert!(serde_json::from_str::<Figure>(r#"{"value":1}"#).is_err());
    }

    #[test]
    fn the_better_graded_value_is_chosen_and_equals_span() {
        use Credibility::*;
        use Reliability::*;
        let a = (Quantity::Exact(10.0), Some((A, Confirmed)));
        let b = (Quantity::Exact(20.0), Some((C, PossiblyTrue)));
        assert_eq!(
            choose(&[b, a]),
            Some((Quantity::Exact(10.0), Some(Resolution::BetterGraded)))
        );
        let c = (Quantity::Exact(30.0), Some((A, Confirmed)));
        assert_eq!(
            choose(&[a, c, b]),
            Some((
                Quantity::Range {
                    min: 10.0,
                    max: 30.0
                },
                Some(Resolution::Span)
            ))
        );
        assert_eq!(choose(&[a, a]), Some((Quantity::Exact(10.0), None)));
        let ungraded = (Quantity::Exact(99.0), None);
        assert_eq!(choose(&[ungraded, b]).unwrap().0, Quantity::Exact(20.0));
        assert_eq!(choose(&[]), None);
    }
}
