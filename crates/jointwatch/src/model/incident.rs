//! Incidents: what happened at one place and time between states, recorded
//! as records of their own — an airspace violation, an ADIZ entry, a
//! scramble, warning shots, an unsafe intercept, a diplomatic protest.
//!
//! Like ACLED's events, an incident codes who acted (`by`) and at whom
//! (`against`), so that "incidents per year by responder" and "by target
//! state" are plain groupings.

use serde::{Deserialize, Serialize};

use crate::model::actor::{CountryCode, Participant};
use crate::model::claim::Claim;
use crate::model::date::DateRange;
use crate::model::figure::Figure;
use crate::model::link::Link;
use crate::model::patrol::Platform;
use crate::model::place::Point;
use crate::model::time::TimeOfDay;

/// What sort of incident.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum IncidentKind {
    /// Entry into a state's territorial airspace (over its land and 12-mile
    /// sea), a violation of sovereignty — not an ADIZ entry.
    AirspaceViolation,
    /// Entry into a state's air-defence identification zone, which is not
    /// its airspace.
    AdizEntry,
    /// Fighters scrambled in response.
    Scramble,
    /// Aircraft intercepted, or ships shadowed at close range.
    Intercept,
    /// An intercept the responder or the target called unsafe.
    UnsafeIntercept,
    /// Warning shots fired (`rounds` says how many).
    WarningShots,
    /// A diplomatic protest by `by` to `against`.
    Protest,
    /// Ships or aircraft followed at a distance.
    Shadowing,
    /// Anything else, said in `notes`.
    Other,
}

impl IncidentKind {
    /// The name as written in documents (`"warningShots"`).
    pub fn as_str(&self) -> &'static str {
        match self {
            IncidentKind::AirspaceViolation => "airspaceViolation",
            IncidentKind::AdizEntry => "adizEntry",
            IncidentKind::Scramble => "scramble",
            IncidentKind::Intercept => "intercept",
            IncidentKind::UnsafeIntercept => "unsafeIntercept",
            IncidentKind::WarningShots => "warningShots",
            IncidentKind::Protest => "protest",
            IncidentKind::Shadowing => "shadowing",
            IncidentKind::Other => "other",
        }
    }

    /// Whether it is a response to another state's activity, so that its
    /// `by` is a responder (scrambles, intercepts, warning shots, protests,
    /// shadowing).
    pub fn is_response(&self) -> bool {
        !matches!(
            self,
            IncidentKind::AirspaceViolation | IncidentKind::AdizEntry | IncidentKind::Other
        )
    }

    /// Every kind, in documentation order.
    pub const ALL: [IncidentKind; 9] = [
        IncidentKind::AirspaceViolation,
        IncidentKind::AdizEntry,
        IncidentKind::Scramble,
        IncidentKind::Intercept,
        IncidentKind::UnsafeIntercept,
        IncidentKind::WarningShots,
        IncidentKind::Protest,
        IncidentKind::Shadowing,
        IncidentKind::Other,
    ];
}

/// An incident.
///
/// # Example
/// ```
/// use jointwatch::model::incident::{Incident, IncidentKind};
/// let i: Incident = serde_json::from_str(r#"{
///   "id": "i-1", "kind": "warningShots", "by": ["KOR"], "against": ["RUS"],
///   "dates": "2019-07-23", "startTime": "00:25", "rounds": 360,
///   "links": [{"rel": "during", "to": "p-1"}], "sources": ["s"]
/// }"#).unwrap();
/// assert_eq!(i.kind, IncidentKind::WarningShots);
/// assert_eq!(i.rounds.unwrap().to_string(), "360");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Incident {
    /// Unique id within the dataset.
    pub id: String,
    /// A name, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What sort of incident.
    pub kind: IncidentKind,
    /// Who acted: the violator, or the responder that scrambled, fired or protested.
    #[serde(default)]
    pub by: Vec<Participant>,
    /// At whom: the target state, or the state a protest was made to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub against: Vec<CountryCode>,
    /// When, as precisely as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<DateRange>,
    /// Time of day it started, in UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<TimeOfDay>,
    /// Time of day it ended, in UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<TimeOfDay>,
    /// Ids of the areas where it happened.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
    /// Where, when a position is reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Point>,
    /// Aircraft and vessels involved, with their states.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub platforms: Vec<Platform>,
    /// Rounds fired (warning shots only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounds: Option<Figure>,
    /// Sorties flown (a scramble).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sorties: Option<Figure>,
    /// Distinctions claimed for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    /// Links to other records (the patrol it happened during).
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

#[cfg(test)]
mod tests {
    use super::IncidentKind;

    #[test]
    fn names_are_the_serialised_ones() {
        for k in IncidentKind::ALL {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
    }
}
