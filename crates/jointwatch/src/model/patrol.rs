//! Joint strategic air patrols and joint naval patrols.

use serde::{Deserialize, Serialize};

use crate::model::actor::{CountryCode, Participant};
use crate::model::date::DateRange;
use crate::model::place::Point;
use crate::model::quantity::Quantity;

/// What sort of joint patrol.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PatrolKind {
    /// A joint strategic air patrol (bombers with escorts).
    JointAirPatrol,
    /// A joint naval patrol.
    JointNavalPatrol,
}

/// The role a platform played.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PlatformRole {
    /// Bomber.
    Bomber,
    /// Fighter or escort aircraft.
    Fighter,
    /// Airborne early warning and control.
    EarlyWarning,
    /// Reconnaissance or intelligence collection.
    Reconnaissance,
    /// Aerial refuelling.
    Tanker,
    /// Surface warship.
    Warship,
    /// Submarine.
    Submarine,
    /// Support or auxiliary vessel.
    Auxiliary,
    /// Any other role.
    Other,
}

/// A type of aircraft or vessel and how many took part.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Platform {
    /// Model or class as reported ("H-6N", "Tu-95MS", "A-50").
    pub model: String,
    /// Its role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<PlatformRole>,
    /// The operating state, when the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// How many, when the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<Quantity>,
}

/// How a state responded.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ResponseAction {
    /// Fighters scrambled.
    Scramble,
    /// Aircraft intercepted or ships shadowed at close range.
    Intercept,
    /// Ships or aircraft followed at a distance.
    Shadow,
    /// A diplomatic protest.
    Protest,
    /// Any other response.
    Other,
}

/// A response by a state concerned, such as Japan scrambling fighters.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PatrolResponse {
    /// Who responded.
    pub by: CountryCode,
    /// What they did.
    pub action: ResponseAction,
    /// How many sorties or ships, when reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<Quantity>,
    /// Free-text notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A joint patrol.
///
/// # Example
/// ```
/// use jointwatch::{Patrol, PatrolKind};
/// let p: Patrol = serde_json::from_str(r#"{
///   "id": "p-1", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"],
///   "platforms": [{"model": "H-6N", "role": "bomber"}], "areas": ["pacific-ocean"],
///   "sources": ["seed"]
/// }"#).unwrap();
/// assert_eq!(p.kind, PatrolKind::JointAirPatrol);
/// assert!(p.dates.is_none());
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Patrol {
    /// Unique id within the dataset.
    pub id: String,
    /// Name, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Air or naval.
    pub kind: PatrolKind,
    /// States taking part.
    pub participants: Vec<Participant>,
    /// When, as precisely as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<DateRange>,
    /// Its number in the series ("the ninth"), when the source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence: Option<u32>,
    /// Aircraft and vessels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub platforms: Vec<Platform>,
    /// The route flown or sailed, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub route: Vec<Point>,
    /// Ids of the areas it passed through.
    #[serde(default)]
    pub areas: Vec<String>,
    /// States whose air-defence identification zone it entered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adiz_entered: Vec<CountryCode>,
    /// Responses by the states concerned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<PatrolResponse>,
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
