//! What share of activity is joint: records of two or more states against
//! single-state ones ("what share of activity near Japan is joint?").

use serde::{Deserialize, Serialize};

use crate::analysis::series::SameEvent;
use crate::dataset::Dataset;
use crate::model::record::{Filter, RecordKind};

/// Joint records against single-state ones, among those a filter keeps.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JointShare {
    /// How many joint records (two or more distinct states).
    pub joint: u64,
    /// How many single-state records.
    pub single_state: u64,
    /// `joint / (joint + singleState)`; absent (not 0) when no record
    /// passes the filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
    /// Ids of the joint records counted.
    pub joint_ids: Vec<String>,
    /// Ids of the single-state records counted.
    pub single_state_ids: Vec<String>,
    /// Records left out as records of an event already counted (`sameEvent`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same_event: Vec<SameEvent>,
    /// The declared coverage entry that vouches for every record kind
    /// counted over the span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub covered_by: Option<String>,
    /// Whether no declared coverage vouches for the selection: the share is
    /// then one of the records held, not of the events (a single-state
    /// transit nobody recorded is not in it).
    pub uncovered: bool,
}

/// The share of the records passing `filter` that are joint.
///
/// Counted: exercises, patrols and activities (the filter's `kinds`, when
/// given; statistics never count, and incidents only when the filter's
/// kinds name them). The filter's own `joint` is not applied, since both
/// sides are counted. Records linked `sameEvent` count once
/// ([`Filter::select_events`]). Coverage is asked over the filter's
/// `from`–`to`, or, without both, over the span of the records counted.
///
/// # Example
/// ```
/// use jointwatch::{analysis::share::joint_share, Dataset, Filter};
/// let ds = Dataset::from_json(r#"{"formatVersion": "2.0",
///   "patrols": [{"id": "p", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2022-05-24", "areas": ["sea-of-japan"]}],
///   "activities": [{"id": "a", "kind": "flight", "participants": ["RUS"], "dates": "2022-05-24", "areas": ["sea-of-japan"]}]}"#).unwrap();
/// let s = joint_share(&ds, &Filter { areas: vec!["sea-of-japan".into()], ..Default::default() });
/// assert_eq!((s.joint, s.single_state, s.share), (1, 1, Some(0.5)));
/// assert!(s.uncovered);
/// let none = joint_share(&ds, &Filter { areas: vec!["bering-sea".into()], ..Default::default() });
/// assert_eq!(none.share, None);
/// ```
pub fn joint_share(ds: &Dataset, filter: &Filter) -> JointShare {
    let kinds: Vec<RecordKind> = if filter.kinds.is_empty() {
        vec![
            RecordKind::Exercise,
            RecordKind::Patrol,
            RecordKind::Activity,
        ]
    } else {
        filter
            .kinds
            .iter()
            .copied()
            .filter(|k| *k != RecordKind::Statistic)
            .collect()
    };
    let f = Filter {
        kinds,
        joint: None,
        ..filter.clone()
    };
    let events = if f.kinds.is_empty() {
        Default::default()
    } else {
        f.select_events(ds)
    };
    let (mut joint_ids, mut single_state_ids) = (Vec::new(), Vec::new());
    for r in &events.counted {
        if r.is_joint() {
            joint_ids.push(r.id().to_string());
        } else {
            single_state_ids.push(r.id().to_string());
        }
    }
    let (joint, single_state) = (joint_ids.len() as u64, single_state_ids.len() as u64);
    let total = joint + single_state;
    let span = match (f.from, f.to) {
        (Some(a), Some(b)) => Some((a.first_day(), b.last_day())),
        _ => {
            let spans: Vec<_> = events.counted.iter().filter_map(|r| r.span()).collect();
            let first = spans.iter().map(|s| s.0).min();
            let last = spans.iter().map(|s| s.1).max();
            // An undated record cannot be placed under any coverage window.
            first
                .zip(last)
                .filter(|_| spans.len() == events.counted.len())
        }
    };
    let covered_by = span
        .filter(|_| !f.kinds.is_empty())
        .and_then(|(a, b)| ds.coverage_for(&f, a, b))
        .map(|c| c.id.clone());
    JointShare {
        joint,
        single_state,
        share: (total > 0).then(|| joint as f64 / total as f64),
        joint_ids,
        single_state_ids,
        same_event: events
            .same_event
            .iter()
            .map(|(r, first)| SameEvent {
                id: r.id().to_string(),
                counted_as: first.to_string(),
            })
            .collect(),
        uncovered: covered_by.is_none(),
        covered_by,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_event_records_count_once_and_incidents_only_when_asked() {
        let ds = Dataset::from_json(
            r#"{"formatVersion": "2.0",
          "patrols": [
            {"id": "p", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2022-05-24"},
            {"id": "p2", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2022-05-24",
             "links": [{"rel": "sameEvent", "to": "p"}]}],
          "incidents": [{"id": "i", "kind": "scramble", "by": ["JPN"], "dates": "2022-05-24"}],
          "activities": [{"id": "a", "kind": "flight", "participants": ["RUS"], "dates": "2022-05-24"}]}"#,
        )
        .unwrap();
        let s = joint_share(&ds, &Filter::default());
        assert_eq!((s.joint, s.single_state), (1, 1));
        assert_eq!(s.joint_ids, ["p"]);
        assert_eq!(s.same_event[0].id, "p2");
        let f = Filter {
            kinds: vec![RecordKind::Incident, RecordKind::Activity],
            ..Default::default()
        };
        let s = joint_share(&ds, &f);
        assert_eq!(s.single_state_ids, ["i", "a"]);
        assert_eq!(s.share, Some(0.0));
    }
}
