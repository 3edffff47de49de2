//! Reported statistics: figures someone published rather than events the
//! dataset holds one by one.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::actor::{CountryCode, Participant};
use crate::model::claim::Claim;
use crate::model::date::FuzzyDate;
use crate::model::de::tagged;
use crate::model::exercise::Domain;
use crate::model::link::Link;
use crate::model::period::Period;
use crate::model::quantity::Quantity;
use crate::model::record::{Filter, RecordKind};

/// What a statistic counts.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Measure {
    /// Joint exercises among the subject states.
    JointExercises,
    /// Joint strategic air patrols.
    JointAirPatrols,
    /// Joint naval patrols.
    JointNavalPatrols,
    /// Fighter scrambles by the reporting state.
    Scrambles,
    /// Exercises of any kind.
    Exercises,
    /// Anything else; say what in `label`.
    Other,
}

impl Measure {
    /// Whether the measure counts joint activity, which needs at least two
    /// subject states.
    pub fn is_joint(&self) -> bool {
        matches!(
            self,
            Measure::JointExercises | Measure::JointAirPatrols | Measure::JointNavalPatrols
        )
    }

    /// The records that count towards this measure, as a filter; `None`
    /// for measures no record kind holds (scrambles, other).
    ///
    /// # Example
    /// ```
    /// use jointwatch::{Measure, RecordKind};
    /// let f = Measure::JointExercises.record_filter().unwrap();
    /// assert_eq!(f.kinds, [RecordKind::Exercise]);
    /// assert_eq!(f.min_participants, Some(2));
    /// assert!(Measure::Scrambles.record_filter().is_none());
    /// ```
    pub fn record_filter(&self) -> Option<Filter> {
        let (kinds, domains, min_participants) = match self {
            Measure::JointExercises => (vec![RecordKind::Exercise], vec![], Some(2)),
            Measure::Exercises => (vec![RecordKind::Exercise], vec![], None),
            Measure::JointAirPatrols => (vec![RecordKind::Patrol], vec![Domain::Air], Some(2)),
            Measure::JointNavalPatrols => (vec![RecordKind::Patrol], vec![Domain::Naval], Some(2)),
            Measure::Scrambles | Measure::Other => return None,
        };
        Some(Filter {
            kinds,
            domains,
            min_participants,
            ..Filter::default()
        })
    }
}

/// The unit a statistic's quantity is expressed in over its period.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Rate {
    /// The quantity is a total over the period (the default).
    Total,
    /// The quantity holds for each calendar year of the period ("four to ten a year").
    PerYear,
}

/// Who published a statistic.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Reporter {
    /// The body ("Japan Ministry of Defense, Joint Staff").
    pub name: String,
    /// Its state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
}

/// One category of a breakdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// Attributed to a state.
    Country(CountryCode),
    /// Attributed to states not listed separately.
    Other,
    /// Not attributed.
    Unknown,
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Category::Country(c) => f.write_str(c.as_str()),
            Category::Other => f.write_str("other"),
            Category::Unknown => f.write_str("unknown"),
        }
    }
}

impl Serialize for Category {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Category {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Category;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a country code, \"other\" or \"unknown\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Category, E> {
                match v {
                    "other" => Ok(Category::Other),
                    "unknown" => Ok(Category::Unknown),
                    code => code
                        .parse()
                        .map(Category::Country)
                        .map_err(|e| E::custom(tagged("invalid-country-code", e))),
                }
            }
        }
        d.deserialize_str(V)
    }
}

/// A share of a statistic, such as scrambles against Chinese aircraft.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct BreakdownEntry {
    /// Whose share it is.
    pub category: Category,
    /// How many, when the source gives a figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
    /// The source's words when it gives no figure ("significant").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
}

/// A figure someone reported: "Japan scrambled 669 times in fiscal 2023",
/// "four to ten joint exercises a year, 2014–2023".
///
/// # Example
/// ```
/// use jointwatch::{Measure, Statistic};
/// let s: Statistic = serde_json::from_str(r#"{
///   "id": "s-1", "label": "ASDF scrambles", "measure": "scrambles",
///   "period": {"type": "fiscalYear", "year": 2023, "firstMonth": 4},
///   "quantity": 669, "sources": ["seed"]
/// }"#).unwrap();
/// assert_eq!(s.measure, Measure::Scrambles);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Statistic {
    /// Unique id within the dataset.
    pub id: String,
    /// What is counted, in words.
    pub label: String,
    /// What is counted, for analytics.
    pub measure: Measure,
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporter: Option<Reporter>,
    /// Whose activity is counted (the exercising states, say).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<Participant>,
    /// The period it covers; absent for a cumulative count ("at least nine
    /// so far"), which then uses `asOf`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The date the figure holds as of, for cumulative counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<FuzzyDate>,
    /// Whether the quantity is a total or a per-year rate.
    #[serde(default = "default_rate", skip_serializing_if = "is_total")]
    pub rate: Rate,
    /// The figure.
    pub quantity: Quantity,
    /// Its breakdown by category.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breakdown: Vec<BreakdownEntry>,
    /// Distinctions claimed for it ("a record high").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    /// Links to other records (the statistic it revises, say).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Free-text notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Ids of the sources.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Free tags for filtering.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

fn default_rate() -> Rate {
    Rate::Total
}

fn is_total(r: &Rate) -> bool {
    *r == Rate::Total
}
