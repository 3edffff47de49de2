//! Shares of a statistic's breakdown (scrambles by country of origin),
//! with categories that have no figure and the unattributed remainder kept
//! in view.

use serde::{Deserialize, Serialize};

use crate::model::quantity::Quantity;
use crate::model::statistic::{Category, Statistic};

/// One category's share.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Share {
    /// The category.
    pub category: Category,
    /// Its figure, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
    /// The smallest share of the total it can be (0–1), when it has a figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_share: Option<f64>,
    /// The largest share it can be (0–1), when it has a figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_share: Option<f64>,
    /// The source's words when there is no figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
}

/// The shares of a breakdown.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Shares {
    /// The statistic.
    pub statistic: String,
    /// The total.
    pub total: Quantity,
    /// Every category as given, in order.
    pub shares: Vec<Share>,
    /// What the categories with figures leave unattributed, when it can be
    /// bounded: from `total.low − Σparts.high` to `total.high − Σparts.low`,
    /// and from 0 when some category has no figure (it may hold the rest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unattributed: Option<Quantity>,
}

/// The shares of a statistic's breakdown.
///
/// # Example
/// ```
/// let seed = jointwatch::seed();
/// let s = seed.statistics.iter().find(|s| s.id == "japan-scrambles-fy2023").unwrap();
/// let shares = jointwatch::analysis::breakdown::shares(s);
/// assert_eq!(shares.shares.len(), 2);
/// assert!(shares.shares.iter().all(|x| x.quantity.is_none() && x.qualifier.as_deref() == Some("significant")));
/// // Both categories are "significant", with no figure: 0 to 669 is unattributed, not 669.
/// assert_eq!(shares.unattributed, Some(jointwatch::Quantity::Range { min: 0.0, max: 669.0 }));
/// ```
pub fn shares(s: &Statistic) -> Shares {
    let total = s.quantity.bounds();
    let ratio =
        |num: f64, den: Option<f64>| den.filter(|d| *d > 0.0).map(|d| (num / d).clamp(0.0, 1.0));
    let shares = s
        .breakdown
        .iter()
        .map(|b| {
            let (min_share, max_share) = match b.quantity {
                Some(q) => {
                    let qb = q.bounds();
                    // Smallest share: smallest part over largest total; largest: largest part over smallest total.
                    (
                        ratio(qb.low, total.high),
                        qb.high.and_then(|h| ratio(h, Some(total.low))),
                    )
                }
                None => (None, None),
            };
            Share {
                category: b.category,
                quantity: b.quantity,
                min_share,
                max_share,
                qualifier: b.qualifier.clone(),
            }
        })
        .collect();
    let parts: Vec<Quantity> = s.breakdown.iter().filter_map(|b| b.quantity).collect();
    let sum = Quantity::sum(parts.iter()).bounds();
    // total − parts: lowest is total.low − parts.high, highest is total.high − parts.low.
    // A category without a figure may hold anything up to the total.
    let unfigured = s.breakdown.iter().any(|b| b.quantity.is_none());
    let unattributed = match (sum.high, total.high) {
        (Some(ph), Some(th)) => {
            let low = if unfigured {
                0.0
            } else {
                (total.low - ph).max(0.0)
            };
            let high = (th - sum.low).max(0.0);
            // A range from 0 stays a range ("0–669"), not "at most 669".
            Some(if low < high {
                Quantity::Range {
                    min: low,
                    max: high,
                }
            } else {
                Quantity::Exact(high)
            })
        }
        _ => None,
    };
    Shares {
        statistic: s.id.clone(),
        total: s.quantity,
        shares,
        unattributed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_worked_by_hand() {
        let s: Statistic = serde_json::from_str(r#"{"id": "s", "label": "l", "measure": "scrambles", "quantity": 600,
          "breakdown": [{"category": "CHN", "quantity": 400}, {"category": "RUS", "quantity": {"min": 100, "max": 150}}, {"category": "unknown", "qualifier": "some"}]}"#).unwrap();
        let r = shares(&s);
        assert_eq!(r.shares[0].min_share, Some(400.0 / 600.0));
        assert_eq!(r.shares[1].min_share, Some(100.0 / 600.0));
        assert_eq!(r.shares[1].max_share, Some(150.0 / 600.0));
        assert_eq!(r.shares[2].min_share, None);
        // "unknown" has no figure, so it may hold everything the figures leave.
        assert_eq!(
            r.unattributed,
            Some(Quantity::Range {
                min: 0.0,
                max: 100.0
            })
        );
        let figured: Statistic = serde_json::from_str(r#"{"id": "s", "label": "l", "measure": "scrambles", "quantity": 600,
          "breakdown": [{"category": "CHN", "quantity": 400}, {"category": "RUS", "quantity": {"min": 100, "max": 150}}]}"#).unwrap();
        assert_eq!(
            shares(&figured).unattributed,
            Some(Quantity::Range {
                min: 50.0,
                max: 100.0
            })
        );
    }

    #[test]
    fn parts_without_figures_leave_a_range_unattributed() {
        // Issue 13: the seed's FY2023 scrambles (669, China and Russia both
        // "significant") showed "unattributed 669", as if neither had any.
        let seed = crate::dataset::seed::seed();
        let s = seed
            .statistics
            .iter()
            .find(|s| s.id == "japan-scrambles-fy2023")
            .unwrap();
        let r = shares(s);
        assert_eq!(
            r.unattributed,
            Some(Quantity::Range {
                min: 0.0,
                max: 669.0
            })
        );
        assert_eq!(r.unattributed.unwrap().to_string(), "0–669");
    }
}
