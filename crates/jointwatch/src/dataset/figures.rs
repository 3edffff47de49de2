//! Which value of a figure is used, by the one rule for values that
//! disagree ([`crate::model::figure`]), with every value listed.

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::model::actor::CountryCode;
use crate::model::figure::{choose, Figure, Resolution, Stance};
use crate::model::quantity::Quantity;
use crate::model::source::{Credibility, Reliability};

/// One value of a figure as weighed: the value, who gives it, its sources
/// and their best grading.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FigureAlternative {
    /// The value.
    pub value: Quantity,
    /// How its giver stands to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// Whose figure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<CountryCode>,
    /// The sources it rests on (its own, else the record's).
    pub sources: Vec<String>,
    /// Reliability of its best source (absent when it cites none held).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    /// Credibility of its best source (absent when it cites none held).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credibility: Option<Credibility>,
}

/// The value of a figure to use, how it was chosen, and every value when
/// they disagree.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResolvedFigure {
    /// The value to use.
    pub value: Quantity,
    /// How it was chosen; absent when the values agree (or there is one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Resolution>,
    /// Every value, in document order, when they disagree; empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<FigureAlternative>,
}

impl Dataset {
    /// The value of a record's figure to use ([`Dataset::resolve_figure`]
    /// without the alternatives).
    pub fn figure_value(&self, figure: &Figure, record_sources: &[String]) -> Option<Quantity> {
        self.resolve_figure(figure, record_sources).map(|r| r.value)
    }

    /// The value of a record's figure to use: the values' own sources (or
    /// the record's, `record_sources`, for a value citing none) are graded
    /// with [`Dataset::best_grading`]; agreeing values are no conflict;
    /// else the best-graded value, or the span of the best-graded ones when
    /// they disagree. `None` for a figure with no value.
    ///
    /// # Example
    /// ```
    /// use jointwatch::{Dataset, Quantity};
    /// let ds = Dataset::from_json(r#"{"formatVersion": "2.0",
    ///   "sources": [{"id": "mod", "title": "MoD", "reliability": "C", "credibility": 3},
    ///               {"id": "press", "title": "Press", "reliability": "B", "credibility": 2}],
    ///   "exercises": [{"id": "v", "name": "Vostok-2018", "participants": ["RUS", "CHN"],
    ///     "forces": {"personnel": {"values": [
    ///       {"value": 300000, "stance": "claimed", "by": "RUS", "sources": ["mod"]},
    ///       {"value": 297000, "stance": "reported", "sources": ["press"]}]}},
    ///     "sources": ["mod"]}]}"#).unwrap();
    /// let e = &ds.exercises[0];
    /// let r = ds.resolve_figure(e.forces.personnel.as_ref().unwrap(), &e.sources).unwrap();
    /// assert_eq!(r.value, Quantity::Exact(297000.0)); // the better-graded source
    /// assert_eq!(r.alternatives.len(), 2);
    /// ```
    pub fn resolve_figure(
        &self,
        figure: &Figure,
        record_sources: &[String],
    ) -> Option<ResolvedFigure> {
        let weighed: Vec<FigureAlternative> = figure
            .values
            .iter()
            .map(|v| {
                let sources = v.sources_or(record_sources).to_vec();
                let g = self.best_grading(&sources);
                FigureAlternative {
                    value: v.value,
                    stance: v.stance,
                    by: v.by,
                    sources,
                    reliability: g.map(|g| g.reliability),
                    credibility: g.map(|g| g.credibility),
                }
            })
            .collect();
        let graded: Vec<_> = weighed
            .iter()
            .map(|a| (a.value, a.reliability.zip(a.credibility)))
            .collect();
        let (value, resolution) = choose(&graded)?;
        Some(ResolvedFigure {
            value,
            resolution,
            alternatives: if resolution.is_some() {
                weighed
            } else {
                Vec::new()
            },
        })
    }
}
