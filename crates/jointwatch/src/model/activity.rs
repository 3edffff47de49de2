//! Military activity that is not a joint exercise or a joint patrol: a
//! carrier group's transit, a bomber flight, a deployment. One state is the
//! usual case, so that "what share of activity near Japan is joint?" has an
//! answer.

use serde::{Deserialize, Serialize};

use crate::model::actor::{CountryCode, Participant};
use crate::model::claim::Claim;
use crate::model::date::DateRange;
use crate::model::exercise::{Domain, Forces};
use crate::model::link::Link;
use crate::model::patrol::{Leg, Platform};
use crate::model::place::Point;
use crate::model::time::TimeOfDay;

/// What sort of activity.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ActivityKind {
    /// Ships passing through (a strait, an area).
    Transit,
    /// An aircraft flight (a bomber flight, a reconnaissance flight).
    Flight,
    /// A patrol by one state.
    Patrol,
    /// Forces sent to and kept at a place.
    Deployment,
    /// An exercise by one state.
    Exercise,
    /// Anything else, said in `notes`.
    Other,
}

impl ActivityKind {
    /// The name as written in documents (`"transit"`).
    pub fn as_str(&self) -> &'static str {
        match self {
            ActivityKind::Transit => "transit",
            ActivityKind::Flight => "flight",
            ActivityKind::Patrol => "patrol",
            ActivityKind::Deployment => "deployment",
            ActivityKind::Exercise => "exercise",
            ActivityKind::Other => "other",
        }
    }
}

/// An activity by one state or more.
///
/// # Example
/// ```
/// use jointwatch::model::activity::{Activity, ActivityKind};
/// let a: Activity = serde_json::from_str(r#"{
///   "id": "a-1", "kind": "transit", "domain": "naval", "participants": ["CHN"],
///   "dates": "2024-09-18", "legs": [{"straits": ["miyako-strait"]}], "sources": ["s"]
/// }"#).unwrap();
/// assert_eq!(a.kind, ActivityKind::Transit);
/// assert_eq!(a.participants.len(), 1);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Activity {
    /// Unique id within the dataset.
    pub id: String,
    /// A name, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What sort of activity.
    pub kind: ActivityKind,
    /// The domain it is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Domain>,
    /// The states whose forces it is (one, usually).
    pub participants: Vec<Participant>,
    /// When, as precisely as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<DateRange>,
    /// Time of day it started, in UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<TimeOfDay>,
    /// Time of day it ended, in UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<TimeOfDay>,
    /// Aircraft and vessels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub platforms: Vec<Platform>,
    /// Forces, as figures.
    #[serde(default, skip_serializing_if = "Forces::is_empty")]
    pub forces: Forces,
    /// The route, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub route: Vec<Point>,
    /// The route as legs with their own dates and straits.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legs: Vec<Leg>,
    /// Ids of the areas it passed through.
    #[serde(default)]
    pub areas: Vec<String>,
    /// States whose air-defence identification zone it entered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adiz_entered: Vec<CountryCode>,
    /// Distinctions claimed for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    /// Links to other records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Free-text notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Ids of the sources for this record.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Free tags for filtering.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}
