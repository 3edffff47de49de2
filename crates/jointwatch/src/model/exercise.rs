//! Military exercises.

use serde::{Deserialize, Serialize};

use crate::model::actor::{CountryCode, Participant};
pub use crate::model::claim::{Claim, ClaimKind};
use crate::model::date::DateRange;
use crate::model::figure::Figure;
use crate::model::link::Link;

/// A domain of warfare an exercise trains in.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Domain {
    /// Surface and sub-surface naval operations.
    Naval,
    /// Air operations.
    Air,
    /// Land operations.
    Land,
    /// Amphibious operations.
    Amphibious,
    /// Anti-submarine warfare.
    AntiSubmarine,
    /// Air and missile defence.
    MissileDefence,
    /// Cyber operations.
    Cyber,
    /// Space operations.
    Space,
    /// Electronic warfare.
    ElectronicWarfare,
    /// Counter-terrorism.
    CounterTerrorism,
    /// Logistics and sustainment.
    Logistics,
    /// Command and staff (command-post) exercises.
    Command,
}

impl Domain {
    /// Every domain, in documentation order.
    pub const ALL: [Domain; 12] = [
        Domain::Naval,
        Domain::Air,
        Domain::Land,
        Domain::Amphibious,
        Domain::AntiSubmarine,
        Domain::MissileDefence,
        Domain::Cyber,
        Domain::Space,
        Domain::ElectronicWarfare,
        Domain::CounterTerrorism,
        Domain::Logistics,
        Domain::Command,
    ];

    /// The name as written in documents (`"antiSubmarine"`).
    ///
    /// ```
    /// use jointwatch::model::exercise::Domain;
    /// assert_eq!(Domain::AntiSubmarine.as_str(), "antiSubmarine");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Domain::Naval => "naval",
            Domain::Air => "air",
            Domain::Land => "land",
            Domain::Amphibious => "amphibious",
            Domain::AntiSubmarine => "antiSubmarine",
            Domain::MissileDefence => "missileDefence",
            Domain::Cyber => "cyber",
            Domain::Space => "space",
            Domain::ElectronicWarfare => "electronicWarfare",
            Domain::CounterTerrorism => "counterTerrorism",
            Domain::Logistics => "logistics",
            Domain::Command => "command",
        }
    }
}

/// Forces committed to an exercise or an activity. Every figure keeps the
/// source's uncertainty, and may hold several values from different sources
/// ([`Figure`]); `byState` splits the forces among the states taking part.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Forces {
    /// Warships (surface combatants and auxiliaries, as the source counts them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ships: Option<Figure>,
    /// Submarines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submarines: Option<Figure>,
    /// Aircraft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aircraft: Option<Figure>,
    /// Personnel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personnel: Option<Figure>,
    /// Other equipment by type (tanks, launchers, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equipment: Vec<Equipment>,
    /// The part each state committed (China's contingent of Vostok-2018).
    /// The parts need not cover the whole: states not listed are unknown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_state: Vec<StateForces>,
}

/// One state's part of a force.
///
/// # Example
/// ```
/// use jointwatch::model::exercise::Forces;
/// let f: Forces = serde_json::from_str(r#"{"personnel": 300000,
///   "byState": [{"country": "CHN", "forces": {"personnel": 3200, "aircraft": 30}}]}"#).unwrap();
/// assert_eq!(f.by_state[0].forces.personnel.as_ref().unwrap().to_string(), "3200");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct StateForces {
    /// The state.
    pub country: CountryCode,
    /// Its forces (with no `byState` of their own).
    pub forces: Forces,
}

impl Forces {
    /// Whether no figure is given.
    pub fn is_empty(&self) -> bool {
        self.ships.is_none()
            && self.submarines.is_none()
            && self.aircraft.is_none()
            && self.personnel.is_none()
            && self.equipment.is_empty()
            && self.by_state.is_empty()
    }

    /// The figures by name (`ships`, `submarines`, `aircraft`, `personnel`),
    /// those given.
    pub fn figures(&self) -> impl Iterator<Item = (&'static str, &Figure)> + '_ {
        [
            ("ships", &self.ships),
            ("submarines", &self.submarines),
            ("aircraft", &self.aircraft),
            ("personnel", &self.personnel),
        ]
        .into_iter()
        .filter_map(|(k, f)| f.as_ref().map(|f| (k, f)))
    }
}

/// A named piece or class of equipment and how many took part.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Equipment {
    /// What it is ("T-72B3", "S-400 launcher").
    pub name: String,
    /// How many.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Figure>,
}

/// A military exercise.
///
/// # Example
/// ```
/// use jointwatch::Exercise;
/// let e: Exercise = serde_json::from_str(r#"{
///   "id": "ex-1", "name": "Northern/Interaction-2024",
///   "participants": ["CHN", "RUS"], "domains": ["naval", "air"],
///   "areas": ["sea-of-japan"], "dates": "2024", "sources": ["seed"]
/// }"#).unwrap();
/// assert_eq!(e.participants.len(), 2);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Exercise {
    /// Unique id within the dataset.
    pub id: String,
    /// Name as announced ("Northern/Interaction-2024").
    pub name: String,
    /// The recurring series it belongs to ("Northern/Interaction").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// The hosting state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<CountryCode>,
    /// States taking part.
    pub participants: Vec<Participant>,
    /// States observing without taking part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observers: Vec<Participant>,
    /// Domains trained in.
    #[serde(default)]
    pub domains: Vec<Domain>,
    /// Ids of the areas where it took place.
    #[serde(default)]
    pub areas: Vec<String>,
    /// When it took place, as precisely as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<DateRange>,
    /// Forces committed.
    #[serde(default, skip_serializing_if = "Forces::is_empty")]
    pub forces: Forces,
    /// Distinctions claimed for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    /// Links to other records (the patrol that followed it, its phases).
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
    use super::Domain;

    #[test]
    fn domain_names_are_the_serialised_ones() {
        for d in Domain::ALL {
            assert_eq!(
                serde_json::to_string(&d).unwrap(),
                format!("\"{}\"", d.as_str())
            );
        }
    }
}
