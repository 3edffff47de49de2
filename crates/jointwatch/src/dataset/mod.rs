//! The dataset document and what is done to it as a whole: reading it
//! (`read`, with `limits`, `strict` and `json_path`), selecting its records
//! (`select`), and the embedded seed (`seed`).
//!
//! A document is everything in one JSON file, with a format version, unique
//! ids and references that resolve. Validation is one layer up
//! ([`crate::validate`]).
//!
//! # Look-ups by id
//!
//! Every look-up by id ([`Dataset::exercise`], [`Dataset::patrol`],
//! [`Dataset::statistic`], [`Dataset::source`], [`Dataset::area`] and an
//! [`IdIndex`]) follows one rule, the one validation applies to references:
//! the id is compared exactly (case and white space included), and the first
//! item with that id is the one found (a valid document has no repeats).
//! Areas are looked up in the dataset's own `areas` first, then among the
//! built-in areas by id. Names and aliases are never looked up by id;
//! [`builtin_area`](crate::model::place::builtin_area) resolves what people
//! write ("East Sea") for importers.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::model::activity::Activity;
use crate::model::coverage::Coverage;
use crate::model::exercise::Exercise;
use crate::model::incident::Incident;
use crate::model::patrol::{Numbering, Patrol};
use crate::model::place::{builtin_area_by_id, Area};
use crate::model::record::Record;
use crate::model::scenario::{Indicator, IndicatorGroup, Scenario, ScenarioSet};
use crate::model::source::{Grading, Source};
use crate::model::statistic::Statistic;

pub(crate) mod coverage;
pub(crate) mod figures;
pub(crate) mod json_path;
pub(crate) mod limits;
pub(crate) mod read;
pub(crate) mod seed;
pub(crate) mod select;
pub(crate) mod strict;

pub use coverage::scope_contains;
pub use figures::{FigureAlternative, ResolvedFigure};
pub use select::{Events, Selection};

/// The format version this library writes. Documents of versions 1.x and
/// 2.x are read; a 1.x document is upgraded on reading
/// ([`Dataset::upgrade`]).
pub const FORMAT_VERSION: &str = "2.0";

/// One jointwatch document.
///
/// # Example
/// ```
/// use jointwatch::Dataset;
/// let ds = Dataset::from_json(r#"{"formatVersion": "1.0"}"#).unwrap();
/// assert!(ds.exercises.is_empty());
/// assert!(ds.validate().is_clean());
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// In TypeScript the document's type is `DatasetDocument`: the npm package's
// `Dataset` is the class that holds one.
#[cfg_attr(
    feature = "ts",
    derive(tsify::Tsify),
    tsify(rename = "DatasetDocument")
)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Dataset {
    /// Format version of the document (`"2.0"`; a `"1.x"` document reads as
    /// `"2.0"` once upgraded).
    pub format_version: String,
    /// Title of the collection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What the collection covers and how it was compiled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Sources cited by the records.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Areas defined by this dataset, in addition to the built-in gazetteer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<Area>,
    /// Exercises.
    #[serde(default)]
    pub exercises: Vec<Exercise>,
    /// Joint patrols.
    #[serde(default)]
    pub patrols: Vec<Patrol>,
    /// Reported statistics.
    #[serde(default)]
    pub statistics: Vec<Statistic>,
    /// Incidents: airspace violations, ADIZ entries, scrambles, warning
    /// shots, protests.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<Incident>,
    /// Activity that is not a joint exercise or patrol (single-state
    /// transits and flights, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Scenarios and end states.
    #[serde(default)]
    pub scenarios: Vec<Scenario>,
    /// Indicators bearing on the scenarios.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// Scenarios that exclude each other, updated together.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenario_sets: Vec<ScenarioSet>,
    /// Indicators declared correlated or independent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicator_groups: Vec<IndicatorGroup>,
    /// What the dataset claims to hold completely; outside it, the absence
    /// of a record is not the absence of an event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coverage: Vec<Coverage>,
}

impl Default for Dataset {
    fn default() -> Self {
        Dataset {
            format_version: FORMAT_VERSION.to_string(),
            title: None,
            description: None,
            sources: Vec::new(),
            areas: Vec::new(),
            exercises: Vec::new(),
            patrols: Vec::new(),
            statistics: Vec::new(),
            incidents: Vec::new(),
            activities: Vec::new(),
            scenarios: Vec::new(),
            indicators: Vec::new(),
            scenario_sets: Vec::new(),
            indicator_groups: Vec::new(),
            coverage: Vec::new(),
        }
    }
}

/// How many items of each kind a dataset holds ([`Dataset::counts`]), or
/// how many of each kind a merge added ([`Dataset::merge`]: sources and areas
/// identical to ones already held are not added again, so they do not count).
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DatasetCounts {
    /// Sources.
    pub sources: usize,
    /// Areas the dataset defines (the built-in ones are not counted).
    pub areas: usize,
    /// Exercises.
    pub exercises: usize,
    /// Patrols.
    pub patrols: usize,
    /// Statistics.
    pub statistics: usize,
    /// Incidents.
    pub incidents: usize,
    /// Activities.
    pub activities: usize,
    /// Scenarios.
    pub scenarios: usize,
    /// Indicators.
    pub indicators: usize,
}

impl Dataset {
    /// Writes the document as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The source with this id (see [Look-ups by id](self#look-ups-by-id)).
    pub fn source(&self, id: &str) -> Option<&Source> {
        by_id(&self.sources, id)
    }

    /// The best grading (reliability first, then credibility) among the
    /// sources these ids cite; `None` when none of them is held. The one
    /// rule by which figures, indicators and conflicting statistics are
    /// ranked by their sources.
    ///
    /// # Example
    /// ```
    /// let seed = jointwatch::seed();
    /// let g = seed.best_grading(&["seed".to_string()]).unwrap();
    /// assert_eq!(g.to_string(), "F6");
    /// ```
    pub fn best_grading(&self, ids: &[String]) -> Option<Grading> {
        best_of(ids.iter().filter_map(|id| self.source(id)))
    }

    /// The exercise with this id (see [Look-ups by id](self#look-ups-by-id)).
    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        by_id(&self.exercises, id)
    }

    /// The patrol with this id (see [Look-ups by id](self#look-ups-by-id)).
    pub fn patrol(&self, id: &str) -> Option<&Patrol> {
        by_id(&self.patrols, id)
    }

    /// The statistic with this id (see [Look-ups by id](self#look-ups-by-id)).
    pub fn statistic(&self, id: &str) -> Option<&Statistic> {
        by_id(&self.statistics, id)
    }

    /// The area with this id: one the dataset defines, else a built-in one
    /// (see [Look-ups by id](self#look-ups-by-id)).
    ///
    /// # Example
    /// ```
    /// let seed = jointwatch::seed();
    /// assert_eq!(seed.area("sea-of-japan").unwrap().name, "Sea of Japan");
    /// assert!(seed.area("East Sea").is_none()); // a name, not an id
    /// ```
    pub fn area(&self, id: &str) -> Option<Cow<'_, Area>> {
        match by_id(&self.areas, id) {
            Some(a) => Some(Cow::Borrowed(a)),
            None => builtin_area_by_id(id).map(Cow::Owned),
        }
    }

    /// The incident with this id (see [Look-ups by id](self#look-ups-by-id)).
    pub fn incident(&self, id: &str) -> Option<&Incident> {
        by_id(&self.incidents, id)
    }

    /// The activity with this id (see [Look-ups by id](self#look-ups-by-id)).
    pub fn activity(&self, id: &str) -> Option<&Activity> {
        by_id(&self.activities, id)
    }

    /// The record of any kind with this id, as links name records (see
    /// [Look-ups by id](self#look-ups-by-id); kinds are searched in document
    /// order).
    ///
    /// # Example
    /// ```
    /// let seed = jointwatch::seed();
    /// assert_eq!(seed.record("ocean-2024").unwrap().kind(), jointwatch::RecordKind::Exercise);
    /// ```
    pub fn record(&self, id: &str) -> Option<Record<'_>> {
        self.exercise(id)
            .map(Record::Exercise)
            .or_else(|| self.patrol(id).map(Record::Patrol))
            .or_else(|| self.statistic(id).map(Record::Statistic))
            .or_else(|| self.incident(id).map(Record::Incident))
            .or_else(|| self.activity(id).map(Record::Activity))
    }

    /// The number of records (exercises, patrols, statistics, incidents,
    /// activities).
    pub fn record_count(&self) -> usize {
        self.exercises.len()
            + self.patrols.len()
            + self.statistics.len()
            + self.incidents.len()
            + self.activities.len()
    }

    /// Brings a format 1.x document to the format this library writes, with
    /// no change to what it says: `formatVersion` becomes
    /// [`FORMAT_VERSION`], and a patrol's 1.0 `sequence` becomes its first
    /// (unattributed) `numbering` entry. Every reader calls it; a document
    /// of another major version is left as it is (validation reports it).
    /// Returns whether anything changed.
    ///
    /// # Example
    /// ```
    /// use jointwatch::Dataset;
    /// let ds = Dataset::from_json(r#"{"formatVersion": "1.0", "patrols": [{"id": "p",
    ///   "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "sequence": 9}]}"#).unwrap();
    /// assert_eq!(ds.format_version, "2.0");
    /// assert_eq!(ds.patrols[0].numbering[0].number, 9);
    /// assert!(ds.patrols[0].numbering[0].by.is_none());
    /// assert!(!ds.to_json().contains("sequence"));
    /// ```
    pub fn upgrade(&mut self) -> bool {
        let major = self.format_version.split('.').next();
        if !matches!(major, Some("1" | "2")) {
            return false;
        }
        let mut changed = false;
        if major == Some("1") {
            self.format_version = FORMAT_VERSION.to_string();
            changed = true;
        }
        for p in &mut self.patrols {
            if let Some(number) = p.sequence.take() {
                p.numbering.insert(
                    0,
                    Numbering {
                        number,
                        by: None,
                        body: None,
                        sources: Vec::new(),
                    },
                );
                changed = true;
            }
        }
        changed
    }

    /// How many items of each kind the document holds.
    ///
    /// # Example
    /// ```
    /// let counts = jointwatch::seed().counts();
    /// assert_eq!(counts.patrols, 1);
    /// ```
    pub fn counts(&self) -> DatasetCounts {
        DatasetCounts {
            sources: self.sources.len(),
            areas: self.areas.len(),
            exercises: self.exercises.len(),
            patrols: self.patrols.len(),
            statistics: self.statistics.len(),
            incidents: self.incidents.len(),
            activities: self.activities.len(),
            scenarios: self.scenarios.len(),
            indicators: self.indicators.len(),
        }
    }
}

/// An item with an id that can be looked up by it.
pub trait Identified {
    /// The item's id.
    fn id(&self) -> &str;
}

macro_rules! identified {
    ($($t:ty),*) => {$(
        impl Identified for $t {
            fn id(&self) -> &str {
                &self.id
            }
        }
    )*};
}

identified!(Source, Area, Exercise, Patrol, Statistic, Incident, Activity, Scenario, Indicator);

/// The first item with this id.
fn by_id<'a, T: Identified>(items: &'a [T], id: &str) -> Option<&'a T> {
    items.iter().find(|x| x.id() == id)
}

/// The positions of a list's items in order of id, for many look-ups by id
/// in a list that does not change (a dashboard asking for every patrol in
/// turn): each finds what [`Dataset::patrol`] and its kin find (the first
/// item with the id), without scanning the list.
///
/// # Example
/// ```
/// use jointwatch::dataset::IdIndex;
/// let seed = jointwatch::seed();
/// let index = IdIndex::new(&seed.patrols);
/// let id = &seed.patrols[0].id;
/// assert_eq!(index.find(&seed.patrols, id), seed.patrol(id));
/// assert_eq!(index.find(&seed.patrols, "no-such-patrol"), None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdIndex(Vec<usize>);

impl IdIndex {
    /// Indexes `items`. Look-ups must be made in the same, unchanged list.
    pub fn new<T: Identified>(items: &[T]) -> IdIndex {
        let mut positions: Vec<usize> = (0..items.len()).collect();
        // Stable, so a repeated id keeps its first occurrence first.
        positions.sort_by(|a, b| items[*a].id().cmp(items[*b].id()));
        IdIndex(positions)
    }

    /// The first item of `items` with this id; `None` when there is none
    /// (or when `items` is not the list indexed).
    pub fn find<'a, T: Identified>(&self, items: &'a [T], id: &str) -> Option<&'a T> {
        let item = |i: &usize| items.get(*i);
        let at = self
            .0
            .partition_point(|i| item(i).is_some_and(|x| x.id() < id));
        self.0.get(at).and_then(item).filter(|x| x.id() == id)
    }
}

/// The best grading of these sources: reliability first, then credibility.
pub(crate) fn best_of<'a>(sources: impl Iterator<Item = &'a Source>) -> Option<Grading> {
    sources
        .map(|s| s.grading())
        .min_by_key(|g| (g.reliability, g.credibility))
}
