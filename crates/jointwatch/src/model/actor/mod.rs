//! States (ISO 3166-1 alpha-3 codes) and their armed services.

mod countries;

use std::fmt;
use std::str::FromStr;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::de::tagged;

/// A state, written as its ISO 3166-1 alpha-3 code (`"CHN"`, `"RUS"`, `"JPN"`).
///
/// Parsing only checks the shape (three ASCII capital letters); whether the
/// code is assigned is a validation finding (`unknown-country`), so that one
/// typo does not hide every other problem in a document.
///
/// # Example
/// ```
/// use jointwatch::CountryCode;
/// let chn: CountryCode = "CHN".parse().unwrap();
/// assert_eq!(chn.as_str(), "CHN");
/// assert_eq!(chn.name(), Some("China"));
/// assert!("XXA".parse::<CountryCode>().unwrap().name().is_none());
/// assert!("chn".parse::<CountryCode>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 3]);

impl CountryCode {
    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Only ASCII capitals are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }

    /// Whether the code is an officially assigned ISO 3166-1 alpha-3 code.
    pub fn is_assigned(&self) -> bool {
        self.index().is_some()
    }

    /// The short English name from the table the crate ships, if assigned.
    pub fn name(&self) -> Option<&'static str> {
        self.index().and_then(|i| countries::NAMES.get(i).copied())
    }

    /// The code's place in the table, if assigned.
    fn index(&self) -> Option<usize> {
        // Compared as one number each: the arrays' own order calls `memcmp`
        // in the size-optimised `.wasm`.
        let key = |c: &[u8; 3]| u32::from_be_bytes([0, c[0], c[1], c[2]]);
        countries::CODES
            .binary_search_by_key(&key(&self.0), key)
            .ok()
    }

    /// Every assigned code with its short English name, sorted by code.
    pub fn all() -> impl Iterator<Item = (CountryCode, &'static str)> {
        countries::CODES
            .iter()
            .zip(countries::NAMES)
            .map(|(code, name)| (CountryCode(*code), *name))
    }
}

/// The text was not three ASCII capital letters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryCodeError(String);

impl fmt::Display for CountryCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not an ISO 3166-1 alpha-3 code (three capital letters, like \"CHN\")",
            self.0
        )
    }
}

impl std::error::Error for CountryCodeError {}

impl FromStr for CountryCode {
    type Err = CountryCodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        if b.len() == 3 && b.iter().all(u8::is_ascii_uppercase) {
            Ok(CountryCode([b[0], b[1], b[2]]))
        } else {
            let shown: String = s.chars().take(40).collect();
            Err(CountryCodeError(shown))
        }
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CountryCode({})", self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = CountryCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an ISO 3166-1 alpha-3 country code such as \"CHN\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<CountryCode, E> {
                v.parse()
                    .map_err(|e| E::custom(tagged("invalid-country-code", e)))
            }
        }
        d.deserialize_str(V)
    }
}

/// A branch of a state's armed forces.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ServiceBranch {
    /// Navy (including naval aviation).
    Navy,
    /// Air force.
    AirForce,
    /// Army or ground forces.
    Army,
    /// Marines or naval infantry.
    Marines,
    /// Coast guard and maritime law enforcement.
    CoastGuard,
    /// Aerospace forces (such as Russia's VKS).
    AerospaceForces,
    /// Strategic rocket or missile forces.
    RocketForces,
    /// Space force or space command.
    SpaceForce,
    /// Cyber or information-support forces.
    CyberForces,
    /// Special operations forces.
    SpecialForces,
    /// Any other service.
    Other,
}

/// A state taking part in a record, optionally narrowed to one service.
///
/// In JSON a participant is either the bare code (`"CHN"`) or an object
/// (`{"country": "CHN", "branch": "navy"}`).
///
/// # Example
/// ```
/// use jointwatch::{Participant, ServiceBranch};
/// let p: Participant = serde_json::from_str(r#"{"country":"RUS","branch":"navy"}"#).unwrap();
/// assert_eq!(p.branch, Some(ServiceBranch::Navy));
/// let q: Participant = serde_json::from_str(r#""CHN""#).unwrap();
/// assert_eq!(serde_json::to_string(&q).unwrap(), r#""CHN""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Participant {
    /// The state.
    pub country: CountryCode,
    /// The service, when the source names one.
    pub branch: Option<ServiceBranch>,
}

impl Participant {
    /// A whole state, no branch named.
    pub fn state(country: CountryCode) -> Self {
        Participant {
            country,
            branch: None,
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ParticipantObject {
    country: CountryCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    branch: Option<ServiceBranch>,
}

impl Serialize for Participant {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.branch {
            None => self.country.serialize(s),
            Some(branch) => ParticipantObject {
                country: self.country,
                branch: Some(branch),
            }
            .serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Participant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Participant;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a country code such as \"CHN\" or {\"country\": \"CHN\", \"branch\": \"navy\"}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Participant, E> {
                let country = v
                    .parse()
                    .map_err(|e| E::custom(tagged("invalid-country-code", e)))?;
                Ok(Participant::state(country))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Participant, A::Error> {
                let o = ParticipantObject::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Participant {
                    country: o.country,
                    branch: o.branch,
                })
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_the_seed_are_assigned() {
        for c in ["CHN", "RUS", "JPN", "KOR", "USA", "PRK"] {
            assert!(c.parse::<CountryCode>().unwrap().is_assigned(), "{c}");
        }
    }

    #[test]
    fn shape_is_checked_at_parse_and_membership_later() {
        assert!("CH".parse::<CountryCode>().is_err());
        assert!("CHNA".parse::<CountryCode>().is_err());
        assert!("Chn".parse::<CountryCode>().is_err());
        let unassigned: CountryCode = "QQQ".parse().unwrap();
        assert!(!unassigned.is_assigned());
    }

    #[test]
    fn participant_round_trips_in_both_forms() {
        for text in [r#""KOR""#, r#"{"country":"JPN","branch":"airForce"}"#] {
            let p: Participant = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::to_string(&p).unwrap(), text);
        }
        assert!(serde_json::from_str::<Participant>(r#"{"country":"JPN","x":1}"#).is_err());
    }

    #[test]
    fn all_lists_the_whole_table() {
        assert!(CountryCode::all().count() >= 249);
    }
}
