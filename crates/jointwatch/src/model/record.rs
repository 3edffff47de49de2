//! Records of any kind and the filter that selects them.
//!
//! [`Record`] is a borrowed view of an exercise, a patrol, an incident, an
//! activity or a statistic, so
//! that filters and groupings treat them alike; [`Filter`] is the one shape
//! that drives indicator metrics, reported measures and the analytics
//! queries. Which records of a dataset pass a filter is answered one layer
//! up, by [`Filter::select`].

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::activity::Activity;
use crate::model::actor::{CountryCode, Participant};
use crate::model::claim::Claim;
use crate::model::date::FuzzyDate;
use crate::model::exercise::{Domain, Exercise};
use crate::model::incident::{Incident, IncidentKind};
use crate::model::link::Link;
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
    /// Incidents (airspace violations, scrambles, warning shots, protests, …).
    Incident,
    /// Activity that is not a joint exercise or patrol (single-state transits, flights, …).
    Activity,
}

impl RecordKind {
    /// The name as written in documents (`"incident"`).
    pub fn as_str(&self) -> &'static str {
        match self {
            RecordKind::Exercise => "exercise",
            RecordKind::Patrol => "patrol",
            RecordKind::Statistic => "statistic",
            RecordKind::Incident => "incident",
            RecordKind::Activity => "activity",
        }
    }

    /// The document collection holding records of this kind (`"incidents"`).
    pub fn collection(&self) -> &'static str {
        match self {
            RecordKind::Exercise => "exercises",
            RecordKind::Patrol => "patrols",
            RecordKind::Statistic => "statistics",
            RecordKind::Incident => "incidents",
            RecordKind::Activity => "activities",
        }
    }

    /// Every kind, in document order.
    pub const ALL: [RecordKind; 5] = [
        RecordKind::Exercise,
        RecordKind::Patrol,
        RecordKind::Statistic,
        RecordKind::Incident,
        RecordKind::Activity,
    ];
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
    /// Keep joint records (`true`: two or more states take part) or
    /// single-state ones (`false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint: Option<bool>,
    /// Keep incidents of any of these kinds (other records do not pass).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incident_kinds: Vec<IncidentKind>,
    /// Keep incidents in which any of these states acted: the violator, or
    /// the responder (other records do not pass).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by: Vec<CountryCode>,
    /// Keep incidents directed at any of these states: the target, or the
    /// state protested to (other records do not pass).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub against: Vec<CountryCode>,
    /// Keep patrols numbered by any of these authorities (other records do
    /// not pass).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub numbered_by: Vec<CountryCode>,
}

/// A borrowed view of one record of any kind, so filters and groupings
/// treat exercises, patrols, incidents, activities and statistics alike.
#[derive(Debug, Clone, Copy)]
pub enum Record<'a> {
    /// An exercise.
    Exercise(&'a Exercise),
    /// A patrol.
    Patrol(&'a Patrol),
    /// A reported statistic.
    Statistic(&'a Statistic),
    /// An incident.
    Incident(&'a Incident),
    /// An activity.
    Activity(&'a Activity),
}

impl<'a> Record<'a> {
    /// The record's id.
    pub fn id(&self) -> &'a str {
        match self {
            Record::Exercise(e) => &e.id,
            Record::Patrol(p) => &p.id,
            Record::Statistic(s) => &s.id,
            Record::Incident(i) => &i.id,
            Record::Activity(a) => &a.id,
        }
    }

    /// The record's kind.
    pub fn kind(&self) -> RecordKind {
        match self {
            Record::Exercise(_) => RecordKind::Exercise,
            Record::Patrol(_) => RecordKind::Patrol,
            Record::Statistic(_) => RecordKind::Statistic,
            Record::Incident(_) => RecordKind::Incident,
            Record::Activity(_) => RecordKind::Activity,
        }
    }

    /// A display name.
    pub fn name(&self) -> &'a str {
        match self {
            Record::Exercise(e) => &e.name,
            Record::Patrol(p) => p.name.as_deref().unwrap_or(&p.id),
            Record::Statistic(s) => &s.label,
            Record::Incident(i) => i.name.as_deref().unwrap_or(&i.id),
            Record::Activity(a) => a.name.as_deref().unwrap_or(&a.id),
        }
    }

    /// The participating states (subjects, for a statistic; the states
    /// that acted, for an incident).
    pub fn participants(&self) -> &'a [Participant] {
        match self {
            Record::Exercise(e) => &e.participants,
            Record::Patrol(p) => &p.participants,
            Record::Statistic(s) => &s.subjects,
            Record::Incident(i) => &i.by,
            Record::Activity(a) => &a.participants,
        }
    }

    /// Whether two or more distinct states take part (an incident: act).
    pub fn is_joint(&self) -> bool {
        let p = self.participants();
        p.first()
            .is_some_and(|first| p.iter().any(|x| x.country != first.country))
    }

    /// The distinct participating states, sorted.
    pub fn states(&self) -> Vec<CountryCode> {
        let mut v: Vec<CountryCode> = self.participants().iter().map(|p| p.country).collect();
        crate::sort::sort(&mut v);
        v.dedup();
        v
    }

    /// The domains: an exercise's own; air or naval for a patrol; an
    /// activity's, when given; none for a statistic or an incident.
    pub fn domains(&self) -> Vec<Domain> {
        match self {
            Record::Exercise(e) => e.domains.clone(),
            Record::Patrol(p) => vec![patrol_domain(p.kind)],
            Record::Activity(a) => a.domain.into_iter().collect(),
            Record::Statistic(_) | Record::Incident(_) => Vec::new(),
        }
    }

    /// The area ids.
    pub fn areas(&self) -> &'a [String] {
        match self {
            Record::Exercise(e) => &e.areas,
            Record::Patrol(p) => &p.areas,
            Record::Incident(i) => &i.areas,
            Record::Activity(a) => &a.areas,
            Record::Statistic(_) => &[],
        }
    }

    /// When the record took place (a statistic: its period, or its `asOf` date).
    pub fn span(&self) -> Option<(Date, Date)> {
        match self {
            Record::Exercise(e) => e.dates.map(|d| (d.first_day(), d.last_day())),
            Record::Patrol(p) => p.dates.map(|d| (d.first_day(), d.last_day())),
            Record::Incident(i) => i.dates.map(|d| (d.first_day(), d.last_day())),
            Record::Activity(a) => a.dates.map(|d| (d.first_day(), d.last_day())),
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
            Record::Incident(i) => i.dates.map(|d| d.start),
            Record::Activity(a) => a.dates.map(|d| d.start),
            Record::Statistic(s) => s.as_of,
        }
    }

    /// The tags.
    pub fn tags(&self) -> &'a [String] {
        match self {
            Record::Exercise(e) => &e.tags,
            Record::Patrol(p) => &p.tags,
            Record::Statistic(s) => &s.tags,
            Record::Incident(i) => &i.tags,
            Record::Activity(a) => &a.tags,
        }
    }

    /// The cited source ids.
    pub fn sources(&self) -> &'a [String] {
        match self {
            Record::Exercise(e) => &e.sources,
            Record::Patrol(p) => &p.sources,
            Record::Statistic(s) => &s.sources,
            Record::Incident(i) => &i.sources,
            Record::Activity(a) => &a.sources,
        }
    }

    /// The links to other records.
    pub fn links(&self) -> &'a [Link] {
        match self {
            Record::Exercise(e) => &e.links,
            Record::Patrol(p) => &p.links,
            Record::Statistic(s) => &s.links,
            Record::Incident(i) => &i.links,
            Record::Activity(a) => &a.links,
        }
    }

    /// The distinctions claimed for it.
    pub fn claims(&self) -> &'a [Claim] {
        match self {
            Record::Exercise(e) => &e.claims,
            Record::Patrol(p) => &p.claims,
            Record::Statistic(s) => &s.claims,
            Record::Incident(i) => &i.claims,
            Record::Activity(a) => &a.claims,
        }
    }

    /// The states an incident was directed at; empty for other records.
    pub fn against(&self) -> &'a [CountryCode] {
        match self {
            Record::Incident(i) => &i.against,
            _ => &[],
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
