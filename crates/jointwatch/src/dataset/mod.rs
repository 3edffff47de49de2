//! The dataset document and what is done to it as a whole: reading it
//! (`read`, with `limits`, `strict` and `json_path`), selecting its records
//! (`select`), and the embedded seed (`seed`).
//!
//! A document is everything in one JSON file, with a format version, unique
//! ids and references that resolve. Validation is one layer up
//! ([`crate::validate`]).

use serde::{Deserialize, Serialize};

use crate::model::coverage::Coverage;
use crate::model::exercise::Exercise;
use crate::model::patrol::Patrol;
use crate::model::place::Area;
use crate::model::scenario::{Indicator, IndicatorGroup, Scenario, ScenarioSet};
use crate::model::source::Source;
use crate::model::statistic::Statistic;

pub(crate) mod json_path;
pub(crate) mod limits;
pub(crate) mod read;
pub(crate) mod seed;
pub(crate) mod select;
pub(crate) mod strict;

/// The format version this library writes. Documents with the same major
/// version (`1.x`) are read.
pub const FORMAT_VERSION: &str = "1.0";

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
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Dataset {
    /// Format version of the document (`"1.0"`).
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
            scenarios: Vec::new(),
            indicators: Vec::new(),
            scenario_sets: Vec::new(),
            indicator_groups: Vec::new(),
            coverage: Vec::new(),
        }
    }
}

impl Dataset {
    /// Writes the document as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The number of records (exercises, patrols, statistics).
    pub fn record_count(&self) -> usize {
        self.exercises.len() + self.patrols.len() + self.statistics.len()
    }
}
