//! Joint strategic air patrols and joint naval patrols.

use serde::{Deserialize, Serialize};

use crate::model::actor::{CountryCode, Participant};
use crate::model::claim::Claim;
use crate::model::date::DateRange;
use crate::model::figure::Figure;
use crate::model::link::Link;
use crate::model::place::Point;
use crate::model::time::TimeOfDay;

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
    pub count: Option<Figure>,
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

/// A response by a state concerned, such as Japan scrambling fighters, kept
/// on the patrol as format 1.0 held it. Format 2.0 can also record a
/// response as an [`Incident`](crate::model::incident::Incident) of its own,
/// with its time, place, rounds fired and links.
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
    pub count: Option<Figure>,
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
    /// Format 1.0's number in the series. Read from 1.0 documents only and
    /// moved into [`numbering`](Self::numbering) (unattributed) on reading;
    /// never written.
    #[serde(default, skip_serializing)]
    pub sequence: Option<u32>,
    /// Its number in the series ("the ninth"), per numbering authority:
    /// China's defence ministry and Japan's may count differently.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub numbering: Vec<Numbering>,
    /// Time of day it started, in UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<TimeOfDay>,
    /// Time of day it ended, in UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<TimeOfDay>,
    /// Aircraft and vessels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub platforms: Vec<Platform>,
    /// The route flown or sailed, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub route: Vec<Point>,
    /// The route as legs with their own dates and the straits passed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legs: Vec<Leg>,
    /// Ids of the areas it passed through.
    #[serde(default)]
    pub areas: Vec<String>,
    /// States whose air-defence identification zone it entered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adiz_entered: Vec<CountryCode>,
    /// Responses by the states concerned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<PatrolResponse>,
    /// Distinctions claimed for it ("the first joint bomber flight off Shikoku").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    /// Links to other records (the exercise it followed).
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

/// A patrol's number in its series as one authority counts it.
///
/// # Example
/// ```
/// use jointwatch::model::patrol::Numbering;
/// let n: Numbering = serde_json::from_str(r#"{"number": 10, "by": "CHN", "sources": ["mnd"]}"#).unwrap();
/// assert_eq!((n.number, n.by.unwrap().as_str()), (10, "CHN"));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Numbering {
    /// The number ("the tenth" = 10).
    pub number: u32,
    /// The numbering authority's state; absent when the source does not say
    /// whose count it is (all of format 1.0's numbers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<CountryCode>,
    /// The body within the state, when it matters ("Ministry of National Defense").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Ids of the sources that give the number; empty means the record's sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// One leg of a route: its own dates, times, areas and the straits passed.
///
/// # Example
/// ```
/// use jointwatch::model::patrol::Leg;
/// let l: Leg = serde_json::from_str(r#"{"dates": "2021-10-18", "straits": ["tsugaru-strait"]}"#).unwrap();
/// assert_eq!(l.straits, ["tsugaru-strait"]);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Leg {
    /// When, as precisely as known (within the record's dates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<DateRange>,
    /// Time of day it started, in UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<TimeOfDay>,
    /// Time of day it ended, in UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<TimeOfDay>,
    /// Ids of the areas it passed through.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
    /// Ids of the straits passed (areas of kind `strait`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub straits: Vec<String>,
    /// The leg's route, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub route: Vec<Point>,
    /// Free-text notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl Patrol {
    /// The numbers given by one authority (`None`: unattributed numbers).
    pub fn numbers_by(&self, by: Option<CountryCode>) -> impl Iterator<Item = u32> + '_ {
        self.numbering
            .iter()
            .filter(move |n| n.by == by)
            .map(|n| n.number)
    }
}
