//! Sources and their Admiralty (NATO) grading.
//!
//! Every record cites sources by id. A source is graded on two independent
//! scales: how reliable the source is (A–F) and how credible this piece of
//! information is (1–6).

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::date::FuzzyDate;
use crate::model::de::tagged;

/// Source reliability on the Admiralty scale.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Reliability {
    /// Completely reliable.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged.
    F,
}

impl Reliability {
    /// The scale's wording.
    pub fn meaning(&self) -> &'static str {
        match self {
            Reliability::A => "completely reliable",
            Reliability::B => "usually reliable",
            Reliability::C => "fairly reliable",
            Reliability::D => "not usually reliable",
            Reliability::E => "unreliable",
            Reliability::F => "reliability cannot be judged",
        }
    }
}

/// Credibility of the information on the Admiralty scale, written 1–6 in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Credibility {
    /// 1: confirmed by other sources.
    Confirmed = 1,
    /// 2: probably true.
    ProbablyTrue = 2,
    /// 3: possibly true.
    PossiblyTrue = 3,
    /// 4: doubtful.
    Doubtful = 4,
    /// 5: improbable.
    Improbable = 5,
    /// 6: truth cannot be judged.
    CannotBeJudged = 6,
}

impl Credibility {
    /// The number on the scale, 1–6.
    pub fn number(&self) -> u8 {
        *self as u8
    }

    /// From the number on the scale.
    pub fn from_number(n: u64) -> Option<Credibility> {
        Some(match n {
            1 => Credibility::Confirmed,
            2 => Credibility::ProbablyTrue,
            3 => Credibility::PossiblyTrue,
            4 => Credibility::Doubtful,
            5 => Credibility::Improbable,
            6 => Credibility::CannotBeJudged,
            _ => return None,
        })
    }

    /// The scale's wording.
    pub fn meaning(&self) -> &'static str {
        match self {
            Credibility::Confirmed => "confirmed by other sources",
            Credibility::ProbablyTrue => "probably true",
            Credibility::PossiblyTrue => "possibly true",
            Credibility::Doubtful => "doubtful",
            Credibility::Improbable => "improbable",
            Credibility::CannotBeJudged => "truth cannot be judged",
        }
    }
}

impl Serialize for Credibility {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.number())
    }
}

impl<'de> Deserialize<'de> for Credibility {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Credibility;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a credibility grade from 1 to 6")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Credibility, E> {
                Credibility::from_number(v).ok_or_else(|| {
                    E::custom(tagged(
                        "invalid-grade",
                        format!("credibility {v} is not on the 1–6 scale"),
                    ))
                })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Credibility, E> {
                Err(E::custom(tagged(
                    "invalid-grade",
                    format!("credibility {v} is not on the 1–6 scale"),
                )))
            }
        }
        d.deserialize_u64(V)
    }
}

/// An Admiralty grade such as `B2`.
///
/// # Example
/// ```
/// use jointwatch::{Credibility, Grading, Reliability};
/// let g = Grading { reliability: Reliability::B, credibility: Credibility::ProbablyTrue };
/// assert_eq!(g.to_string(), "B2");
/// assert!(g.at_least(&Grading { reliability: Reliability::C, credibility: Credibility::PossiblyTrue }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Grading {
    /// Reliability of the source.
    pub reliability: Reliability,
    /// Credibility of the information.
    pub credibility: Credibility,
}

impl Grading {
    /// Whether this grade is as good as `min` or better on both scales.
    pub fn at_least(&self, min: &Grading) -> bool {
        self.reliability <= min.reliability && self.credibility <= min.credibility
    }
}

impl fmt::Display for Grading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}{}", self.reliability, self.credibility.number())
    }
}

/// Where a piece of information comes from.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Source {
    /// Id that records cite.
    pub id: String,
    /// Title of the document, article or statement.
    pub title: String,
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<FuzzyDate>,
    /// Reliability of the source.
    pub reliability: Reliability,
    /// Credibility of what it says.
    pub credibility: Credibility,
    /// Analyst's remarks on the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl Source {
    /// The source's grade.
    pub fn grading(&self) -> Grading {
        Grading {
            reliability: self.reliability,
            credibility: self.credibility,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credibility_is_a_number_from_one_to_six() {
        assert_eq!(
            serde_json::from_str::<Credibility>("2").unwrap(),
            Credibility::ProbablyTrue
        );
        for bad in ["0", "7", "-1", "\"2\"", "2.5"] {
            assert!(serde_json::from_str::<Credibility>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn reliability_is_a_letter() {
        assert_eq!(
            serde_json::from_str::<Reliability>("\"F\"").unwrap(),
            Reliability::F
        );
        assert!(serde_json::from_str::<Reliability>("\"G\"").is_err());
    }

    #[test]
    fn grading_orders_better_first() {
        let a1 = Grading {
            reliability: Reliability::A,
            credibility: Credibility::Confirmed,
        };
        let f6 = Grading {
            reliability: Reliability::F,
            credibility: Credibility::CannotBeJudged,
        };
        assert!(a1.at_least(&f6));
        assert!(!f6.at_least(&a1));
    }
}
