//! Records of any kind and the filter that selects them.
//!
//! [`Record`] is a borrowed view of an exercise, a patrol or a statistic, so
//! that filters and groupings treat them alike; [`Filter`] is the one shape
//! that drives indicator metrics, reported measures and the analytics
//! queries. Which records of a dataset pass a filter is answered one layer
//! up, by [`Filter::select`].

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::actor::{CountryCode, Participant};
use crate::model::date::FuzzyDate;
use crate::model::exercise::{Domain, Exercise};
use crate::model::patrol::{Patrol, PatrolKind};
use crate::model::source::{Credibility, Reliability};
use crate::model::statistic::Statistic;

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

/// A borrowed view of one record of any kind, so filters and groupings
/// treat exercises, patrols and statistics alike.
#[derive(Debug, Clone, Copy)]
pub enum Record<'a> {
    /// An exercise.
    Exercise(&'a Exercise),
    /// A patrol.
    Patrol(&'a Patrol),
    /// A reported statistic.
    Statistic(&'a Statistic),
}

impl<'a> Record<'a> {
    /// The record's id.
    pub fn id(&self) -> &'a str {
        match self {
            Record::Exercise(e) => &e.id,
            Record::Patrol(p) => &p.id,
            Record::Statistic(s) => &s.id,
        }
    }

    /// The record's kind.
    pub fn kind(&self) -> RecordKind {
        match self {
            Record::Exercise(_) => RecordKind::Exercise,
            Record::Patrol(_) => RecordKind::Patrol,
            Record::Statistic(_) => RecordKind::Statistic,
        }
    }

    /// A display name.
    pub fn name(&self) -> &'a str {
        match self {
            Record::Exercise(e) => &e.name,
            Record::Patrol(p) => p.name.as_deref().unwrap_or(&p.id),
            Record::Statistic(s) => &s.label,
        }
    }

    /// The participating states (subjects, for a statistic).
    pub fn participants(&self) -> &'a [Participant] {
        match self {
            Record::Exercise(e) => &e.participants,
            Record::Patrol(p) => &p.participants,
            Record::Statistic(s) => &s.subjects,
        }
    }

    /// The distinct participating states, sorted.
    pub fn states(&self) -> Vec<CountryCode> {
        let mut v: Vec<CountryCode> = self.participants().iter().map(|p| p.country).collect();
        crate::sort::sort(&mut v);
        v.dedup();
        v
    }

    /// The domains: an exercise's own; air or naval for a patrol; none for a statistic.
    pub fn domains(&self) -> Vec<Domain> {
        match self {
            Record::Exercise(e) => e.domains.clone(),
            Record::Patrol(p) => vec![patrol_domain(p.kind)],
            Record::Statistic(_) => Vec::new(),
        }
    }

    /// The area ids.
    pub fn areas(&self) -> &'a [String] {
        match self {
            Record::Exercise(e) => &e.areas,
            Record::Patrol(p) => &p.areas,
            Record::Statistic(_) => &[],
        }
    }

    /// When the record took place (a statistic: its period, or its `asOf` date).
    pub fn span(&self) -> Option<(Date, Date)> {
        match self {
            Record::Exercise(e) => e.dates.map(|d| (d.first_day(), d.last_day())),
            Record::Patrol(p) => p.dates.map(|d| (d.first_day(), d.last_day())),
            Record::Statistic(s) => match (&s.period, &s.as_of) {
                (Some(p), _) => p.first_day().zip(p.last_day()),
                (None, Some(d)) => Some((d.first_day(), d.last_day())),
                (None, None) => None,
            },
        }
    }

    /// The date an event is counted at: its start, as precisely as known.
    pub fn start(&self) -> Option<FuzzyDate> {
        match self {
            Record::Exercise(e) => e.dates.map(|d| d.start),
            Record::Patrol(p) => p.dates.map(|d| d.start),
            Record::Statistic(s) => s.as_of,
        }
    }

    /// The tags.
    pub fn tags(&self) -> &'a [String] {
        match self {
            Record::Exercise(e) => &e.tags,
            Record::Patrol(p) => &p.tags,
            Record::Statistic(s) => &s.tags,
        }
    }

    /// The cited source ids.
    pub fn sources(&self) -> &'a [String] {
        match self {
            Record::Exercise(e) => &e.sources,
            Record::Patrol(p) => &p.sources,
            Record::Statistic(s) => &s.sources,
        }
    }
}

/// The domain a patrol of this kind flies or sails in.
pub(crate) fn patrol_domain(kind: PatrolKind) -> Domain {
    match kind {
        PatrolKind::JointAirPatrol => Domain::Air,
        PatrolKind::JointNavalPatrol => Domain::Naval,
    }
}
