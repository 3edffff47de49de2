//! The question a series answers: which records count ([`Filter`]), how they
//! are grouped ([`GroupBy`]), and what is computed per group ([`Aggregate`]).

use serde::{Deserialize, Serialize};

use crate::model::de::tagged_deserialize;
use crate::model::period::Granularity;
use crate::model::record::Filter;
use crate::model::statistic::Measure;

/// One grouping key.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(
    tag = "by",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum GroupBy {
    /// By period (calendar year, fiscal year, quarter, month).
    Period {
        /// How to cut time.
        granularity: Granularity,
    },
    /// By participating state (a record counts once for each).
    Participant,
    /// By domain.
    Domain,
    /// By area id.
    Area,
    /// By exercise series.
    Series,
    /// By platform model (patrols and activities).
    Platform,
    /// By incident kind (`warningShots`, …); other records are `(none)`.
    IncidentKind,
    /// By responder: the states that acted in an incident of a response
    /// kind ([`IncidentKind::is_response`](crate::model::incident::IncidentKind::is_response));
    /// other records are `(none)`.
    Responder,
    /// By target: the states an incident was directed at (`against`);
    /// other records are `(none)`.
    Target,
    /// By numbering authority of a patrol (`(unattributed)` for a number
    /// whose authority is not given); other records are `(none)`.
    NumberedBy,
    /// Joint (two or more states) or single-state: `joint` / `single-state`.
    Joint,
    /// By record kind (`exercise`, `patrol`, `incident`, `activity`).
    RecordKind,
}

/// A figure of a record that can be summed or maximised.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    /// Exercise warships.
    Ships,
    /// Exercise submarines.
    Submarines,
    /// Exercise aircraft.
    Aircraft,
    /// Exercise personnel.
    Personnel,
    /// Patrol platforms (the sum of platform counts).
    Platforms,
}

/// What to compute for each group.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(tag = "op", rename_all = "camelCase", deny_unknown_fields)]
pub enum Aggregate {
    /// How many records.
    #[default]
    Count,
    /// The sum of a figure, bounds carried through.
    Sum {
        /// Which figure.
        field: Field,
    },
    /// The largest value of a figure, bounds carried through.
    Max {
        /// Which figure.
        field: Field,
    },
}

tagged_deserialize! {
    GroupBy by "by": GroupByType, fields GroupByFields {
        granularity: Granularity = "granularity",
    }
    Period = "period" (granularity) => GroupBy::Period { granularity },
    Participant = "participant" () => GroupBy::Participant,
    Domain = "domain" () => GroupBy::Domain,
    Area = "area" () => GroupBy::Area,
    Series = "series" () => GroupBy::Series,
    Platform = "platform" () => GroupBy::Platform,
    IncidentKind = "incidentKind" () => GroupBy::IncidentKind,
    Responder = "responder" () => GroupBy::Responder,
    Target = "target" () => GroupBy::Target,
    NumberedBy = "numberedBy" () => GroupBy::NumberedBy,
    Joint = "joint" () => GroupBy::Joint,
    RecordKind = "recordKind" () => GroupBy::RecordKind,
}

tagged_deserialize! {
    Aggregate by "op": AggregateOp, fields AggregateFields {
        field: Field = "field",
    }
    Count = "count" () => Aggregate::Count,
    Sum = "sum" (field) => Aggregate::Sum { field },
    Max = "max" (field) => Aggregate::Max { field },
}

/// A series to compute.
///
/// # Example
/// ```
/// use jointwatch::analysis::series::{series, SeriesQuery};
/// let q: SeriesQuery = serde_json::from_str(r#"{
///   "filter": {"kinds": ["exercise"], "participantsAll": ["CHN", "RUS"], "from": "2014", "to": "2024"},
///   "groupBy": [{"by": "period", "granularity": {"type": "year"}}],
///   "reported": "jointExercises"
/// }"#).unwrap();
/// let s = series(&jointwatch::seed(), &q).unwrap();
/// assert_eq!(s.points.len(), 11); // 2014..=2024, zero-filled
/// assert_eq!(s.points[0].value.unwrap().to_string(), "4–10"); // reported, not counted
/// assert_eq!(s.points[10].counted.unwrap().to_string(), "2");  // 2024: two exercises held
/// // No coverage declared and not assumed complete: 2024's count is uncovered.
/// assert_eq!(s.points[10].status, jointwatch::analysis::series::PointStatus::Uncovered);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SeriesQuery {
    /// Which records count. Its `from`/`to` also set the zero-fill window.
    #[serde(default)]
    pub filter: Filter,
    /// Grouping keys, outermost first (at most two).
    #[serde(default)]
    pub group_by: Vec<GroupBy>,
    /// What to compute per group.
    #[serde(default)]
    pub aggregate: Aggregate,
    /// Set reported statistics of this measure beside the counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<Measure>,
    /// Treat the dataset as complete: every count is observed, declared
    /// coverage or not (default `false`: a count outside declared coverage
    /// is uncovered, and left out of summaries and trend tests).
    #[serde(default, skip_serializing_if = "is_false")]
    pub assume_complete: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}
