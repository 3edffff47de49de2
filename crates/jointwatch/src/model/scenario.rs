//! Scenarios (possible futures) and the indicators that bear on them.
//!
//! This module holds the data shapes; evaluating indicators and moving each
//! scenario's odds happens in the assessment.

use serde::{Deserialize, Serialize};

use crate::model::date::FuzzyDate;
use crate::model::de::tagged_deserialize;
use crate::model::record::Filter;
use crate::model::statistic::Measure;

/// Whether a scenario is a development or an end state.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ScenarioKind {
    /// A development that may come about.
    #[default]
    Scenario,
    /// Where developments may end up (a sustained balance of power, say).
    EndState,
}

/// A possible future.
///
/// # Example
/// ```
/// use jointwatch::Scenario;
/// let s: Scenario = serde_json::from_str(r#"{
///   "id": "enhanced-integration", "name": "Enhanced military integration",
///   "description": "More sophisticated joint exercises, including cyber and space."
/// }"#).unwrap();
/// assert!(s.prior.is_none());
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Scenario {
    /// Unique id within the dataset.
    pub id: String,
    /// Short name.
    pub name: String,
    /// Development or end state.
    #[serde(default)]
    pub kind: ScenarioKind,
    /// What it means, in the source's words where possible.
    pub description: String,
    /// Prior probability (0–1) that it comes about within the horizon; a
    /// judgement, absent when no one has made it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior: Option<f64>,
    /// The date by which it would come about ("2027": by the end of 2027).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon: Option<FuzzyDate>,
    /// Or: within this many years of the assessment date. At most one of
    /// `horizon` and `horizonYears` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon_years: Option<u32>,
    /// Ids of the sources that describe it.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Free tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// What an indicator measures.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
// A metric is read once per indicator; boxing the filter would only move
// the size to the heap and change every match on it.
#[allow(clippy::large_enum_variant)]
pub enum Metric {
    /// The number of records matching a filter within a look-back window
    /// ending at the assessment date.
    Count {
        /// Which records count.
        filter: Filter,
        /// How many years back to look; the whole record when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        window_years: Option<u32>,
    },
    /// The latest reported statistic for a measure whose period ends within
    /// the look-back window.
    Reported {
        /// The measure.
        measure: Measure,
        /// How many years back a figure still counts; any age when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        window_years: Option<u32>,
    },
    /// The latest of the analyst's observations recorded on the indicator
    /// within the look-back window.
    Observed {
        /// How many years back an observation still counts; any age when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        window_years: Option<u32>,
    },
}

impl Metric {
    /// The look-back window in years, if the metric has one.
    pub fn window_years(&self) -> Option<u32> {
        match self {
            Metric::Count { window_years, .. }
            | Metric::Reported { window_years, .. }
            | Metric::Observed { window_years } => *window_years,
        }
    }
}

// `windowYears` may be given as `null` (read as `Some(None)`), as the
// variant's own optional field allows.
tagged_deserialize! {
    Metric by "type": MetricType, fields MetricFields {
        filter: Filter = "filter",
        window_years: Option<u32> = "windowYears",
        measure: Measure = "measure",
    }
    Count = "count" (filter, window_years?) => Metric::Count {
        filter,
        window_years: window_years.flatten(),
    },
    Reported = "reported" (measure, window_years?) => Metric::Reported {
        measure,
        window_years: window_years.flatten(),
    },
    Observed = "observed" (window_years?) => Metric::Observed {
        window_years: window_years.flatten(),
    },
}

/// Which way an indicator's rule points.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Direction {
    /// Fires when the value is at or above the threshold.
    AtLeast,
    /// Fires when the value is at or below the threshold.
    AtMost,
}

/// When an indicator fires, with an optional earlier "watch" level.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Rule {
    /// Which way the threshold points.
    pub direction: Direction,
    /// The value at which the indicator fires.
    pub threshold: f64,
    /// A level short of firing worth watching; must lie before the threshold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub watch: Option<f64>,
}

impl Rule {
    /// Whether the watch level lies on the near side of the threshold.
    pub fn is_ordered(&self) -> bool {
        self.threshold.is_finite()
            && match (self.direction, self.watch) {
                (_, None) => true,
                (Direction::AtLeast, Some(w)) => w.is_finite() && w <= self.threshold,
                (Direction::AtMost, Some(w)) => w.is_finite() && w >= self.threshold,
            }
    }

    /// Whether `value` fires the rule.
    pub fn fires(&self, value: f64) -> bool {
        match self.direction {
            Direction::AtLeast => value >= self.threshold,
            Direction::AtMost => value <= self.threshold,
        }
    }
}

/// How strongly an indicator's state bears on one scenario, as likelihood
/// ratios: P(observation | scenario) / P(observation | not scenario).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Bearing {
    /// The scenario's id.
    pub scenario: String,
    /// Likelihood ratio when the indicator fires (above 1 supports the scenario).
    pub if_fired: f64,
    /// Likelihood ratio when it does not fire (below 1 counts against it).
    pub if_not_fired: f64,
}

/// One observation an analyst records for an `observed` indicator.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Observation {
    /// When it was observed.
    pub date: FuzzyDate,
    /// The observed value (1 for yes, 0 for no, or a measurement).
    pub value: f64,
    /// What was seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Ids of the sources.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// An observable signpost that bears on one or more scenarios.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Indicator {
    /// Unique id within the dataset.
    pub id: String,
    /// Short name.
    pub name: String,
    /// What it looks for and why it matters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// What it measures.
    pub metric: Metric,
    /// When it fires.
    pub rule: Rule,
    /// The scenarios it bears on.
    pub bears_on: Vec<Bearing>,
    /// The analyst's observations, for `observed` metrics.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Observation>,
    /// Ids of the sources the indicator is drawn from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Free tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// Scenarios that exclude each other (the seed's two end states: "either a
/// sustained balance of power or … escalate into conflicts"). The set is
/// updated together, so its probabilities and the remainder ("none of
/// these") always sum to one.
///
/// # Example
/// ```
/// use jointwatch::model::scenario::ScenarioSet;
/// let s: ScenarioSet = serde_json::from_str(r#"{
///   "id": "end-states", "name": "Where the partnership ends up",
///   "scenarios": ["sustained-balance-of-power", "escalation-through-incident"]
/// }"#).unwrap();
/// assert_eq!(s.scenarios.len(), 2);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ScenarioSet {
    /// Unique id within the dataset (shared with every other list).
    pub id: String,
    /// Short name.
    pub name: String,
    /// What the alternatives are, in the source's words where possible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The ids of the scenarios that exclude each other (two or more; a
    /// scenario belongs to at most one set).
    pub scenarios: Vec<String>,
    /// Ids of the sources that frame the alternatives as exclusive.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// How the indicators of a group relate.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Relation {
    /// They measure the same underlying activity: together they count as
    /// one piece of evidence per scenario.
    Correlated,
    /// They are independent even where the same record fires them: each
    /// counts on its own.
    Independent,
}

/// Indicators declared correlated (their evidence counts once per scenario)
/// or independent (each counts, even when one record fires several).
///
/// # Example
/// ```
/// use jointwatch::model::scenario::{IndicatorGroup, Relation};
/// let g: IndicatorGroup = serde_json::from_str(r#"{
///   "id": "joint-tempo", "relation": "correlated",
///   "indicators": ["joint-exercise-tempo", "joint-air-patrol-tempo"]
/// }"#).unwrap();
/// assert_eq!(g.relation, Relation::Correlated);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct IndicatorGroup {
    /// Unique id within the dataset (shared with every other list).
    pub id: String,
    /// Correlated or independent.
    pub relation: Relation,
    /// The ids of the indicators (two or more).
    pub indicators: Vec<String>,
    /// Why they are grouped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_round_trip_and_check_their_fields() {
        for m in [
            Metric::Count {
                filter: Filter::default(),
                window_years: Some(5),
            },
            Metric::Count {
                filter: Filter::default(),
                window_years: None,
            },
            Metric::Reported {
                measure: Measure::Scrambles,
                window_years: None,
            },
            Metric::Reported {
                measure: Measure::Scrambles,
                window_years: Some(2),
            },
            Metric::Observed { window_years: None },
            Metric::Observed {
                window_years: Some(3),
            },
        ] {
            let text = serde_json::to_string(&m).unwrap();
            assert_eq!(serde_json::from_str::<Metric>(&text).unwrap(), m, "{text}");
        }
        let bad = |text: &str| {
            serde_json::from_str::<Metric>(text)
                .unwrap_err()
                .to_string()
        };
        assert!(bad(r#"{"type":"count"}"#).starts_with("[missing-field] missing field `filter`"));
        assert!(bad(r#"{"type":"observed","filter":{}}"#).starts_with(
            "[unknown-field] unknown field `filter` when `type` is `observed`, expected `type`"
        ));
        assert!(
            bad(r#"{"type":"reported","measure":"scrambles","filter":{}}"#)
                .starts_with("[unknown-field] unknown field `filter`")
        );
        assert!(
            bad(r#"{"type":"count","filter":{},"extra":1}"#).starts_with("unknown field `extra`")
        );
    }
}
