//! Filters over the records of a dataset. The same shape drives indicator
//! metrics and the analytics queries.

use serde::{Deserialize, Serialize};

use crate::actor::CountryCode;
use crate::date::FuzzyDate;
use crate::exercise::Domain;
use crate::source::{Credibility, Reliability};

/// A kind of record.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RecordKind {
    /// Exercises.
    Exercise,
    /// Joint patrols.
    Patrol,
    /// Reported statistics.
    Statistic,
}

/// Which records to keep. Every field narrows the selection; an empty list
/// or absent value does not filter.
///
/// # Example
/// ```
/// use jointwatch::Filter;
/// let f: Filter = serde_json::from_str(r#"{
///   "kinds": ["exercise"], "participantsAll": ["CHN", "RUS"],
///   "domains": ["cyber", "space"], "from": "2014", "to": "2023"
/// }"#).unwrap();
/// assert_eq!(f.participants_all.len(), 2);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Filter {
    /// Record kinds to keep.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<RecordKind>,
    /// Keep records in which any of these states take part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants_any: Vec<CountryCode>,
    /// Keep records in which all of these states take part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants_all: Vec<CountryCode>,
    /// Keep records with at least this many participating states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_participants: Option<u32>,
    /// Keep records in any of these domains (patrols count as air or naval).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<Domain>,
    /// Keep records in any of these areas (ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
    /// Keep records that may fall on or after this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<FuzzyDate>,
    /// Keep records that may fall on or before this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<FuzzyDate>,
    /// Keep records carrying any of these tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Keep records with at least one source this reliable or better.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_reliability: Option<Reliability>,
    /// Keep records with at least one source this credible or better.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_credibility: Option<Credibility>,
}
