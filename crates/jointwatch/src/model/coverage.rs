//! Coverage: what a dataset claims to hold completely.
//!
//! Open sources are rarely complete, so a dataset's silence means nothing by
//! default: no record of an exercise is not evidence that none was held. A
//! [`Coverage`] entry says where that changes: within its window, every record
//! its scope describes is held ("every joint strategic air patrol China's
//! defence ministry announced, 2019–2025"), on the word of its sources. Only
//! there is a count of zero an observed zero, and only there can a signpost
//! that did not appear count against a scenario.

use serde::{Deserialize, Serialize};

use crate::model::date::FuzzyDate;
use crate::model::record::Filter;

/// A claim that the dataset holds every record of some scope within a window.
///
/// # Example
/// ```
/// use jointwatch::model::coverage::Coverage;
/// let c: Coverage = serde_json::from_str(r#"{
///   "id": "air-patrols",
///   "description": "every joint strategic air patrol China's defence ministry announced",
///   "scope": {"kinds": ["patrol"], "domains": ["air"], "participantsAll": ["CHN", "RUS"]},
///   "from": "2019", "to": "2025", "sources": ["mnd"]
/// }"#).unwrap();
/// assert_eq!(c.to.to_string(), "2025");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Coverage {
    /// Unique id within the dataset (shared with every other list).
    pub id: String,
    /// What is held completely, in words ("every joint strategic air patrol
    /// China's defence ministry announced, 2019–2025").
    pub description: String,
    /// Which records are held completely: the same shape as a query's filter,
    /// without dates (the window is `from`–`to`).
    pub scope: Filter,
    /// First day of the window (a year means from its first day).
    pub from: FuzzyDate,
    /// Last day of the window (a year means to its last day).
    pub to: FuzzyDate,
    /// Ids of the sources on whose word the claim rests.
    #[serde(default)]
    pub sources: Vec<String>,
}
