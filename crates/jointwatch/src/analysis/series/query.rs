//! The question a series answers: which records count ([`Filter`]), how they
//! are grouped ([`GroupBy`]), and what is computed per group ([`Aggregate`]).

use serde::{Deserialize, Deserializer, Serialize};

use crate::model::de::{tag_enum, Tagged};
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
    /// By platform model (patrols).
    Platform,
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

tag_enum! {
    /// The `by` of a [`GroupBy`].
    enum GroupByType {
        Period = "period",
        Participant = "participant",
        Domain = "domain",
        Area = "area",
        Series = "series",
        Platform = "platform",
    }
}

/// Every field a [`GroupBy`] object may have, read flat so that an error in
/// any of them keeps its path and position.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct GroupByFields {
    by: GroupByType,
    #[serde(default, deserialize_with = "crate::model::de::present")]
    granularity: Option<Granularity>,
}

impl<'de> Deserialize<'de> for GroupBy {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = GroupByFields::deserialize(d)?;
        let t = Tagged {
            tag: "by",
            name: f.by.name(),
        };
        let present = [("granularity", f.granularity.is_some())];
        let plain = |g: GroupBy| t.allow(&present, &[]).map(|()| g);
        match f.by {
            GroupByType::Period => {
                t.allow(&present, &["granularity"])?;
                Ok(GroupBy::Period {
                    granularity: t.require("granularity", f.granularity)?,
                })
            }
            GroupByType::Participant => plain(GroupBy::Participant),
            GroupByType::Domain => plain(GroupBy::Domain),
            GroupByType::Area => plain(GroupBy::Area),
            GroupByType::Series => plain(GroupBy::Series),
            GroupByType::Platform => plain(GroupBy::Platform),
        }
    }
}

tag_enum! {
    /// The `op` of an [`Aggregate`].
    enum AggregateOp {
        Count = "count",
        Sum = "sum",
        Max = "max",
    }
}

/// Every field an [`Aggregate`] object may have.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AggregateFields {
    op: AggregateOp,
    #[serde(default, deserialize_with = "crate::model::de::present")]
    field: Option<Field>,
}

impl<'de> Deserialize<'de> for Aggregate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = AggregateFields::deserialize(d)?;
        let t = Tagged {
            tag: "op",
            name: f.op.name(),
        };
        let present = [("field", f.field.is_some())];
        Ok(match f.op {
            AggregateOp::Count => {
                t.allow(&present, &[])?;
                Aggregate::Count
            }
            AggregateOp::Sum => {
                t.allow(&present, &["field"])?;
                Aggregate::Sum {
                    field: t.require("field", f.field)?,
                }
            }
            AggregateOp::Max => {
                t.allow(&present, &["field"])?;
                Aggregate::Max {
                    field: t.require("field", f.field)?,
                }
            }
        })
    }
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
/// assert_eq!(s.points[0].value.to_string(), "4–10"); // reported, not counted
/// assert_eq!(s.points[10].counted.to_string(), "2");  // 2024: two exercises held
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
}
