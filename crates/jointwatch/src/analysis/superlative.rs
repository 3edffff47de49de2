//! Record-setters: which exercise is the largest by some figure within a
//! window of years, judged on the figures' bounds so that "over 400" is never
//! treated as exactly 400.

use serde::{Deserialize, Serialize};

use crate::analysis::series::Field;
use crate::dataset::Dataset;
use crate::model::record::Record;

/// The outcome of a "largest in N years" question.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordSetter {
    /// The figure compared.
    pub field: Field,
    /// First year of the window.
    pub from_year: i16,
    /// Last year of the window.
    pub to_year: i16,
    /// The exercise whose figure is surely or possibly the largest, if any has the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// Whether the leader is the largest for certain: its lower bound is at least every other upper bound.
    pub certain: bool,
    /// Other exercises that could be as large, given the uncertainty.
    pub contenders: Vec<String>,
    /// How many exercises with the figure were compared.
    pub compared: usize,
    /// Exercises in the window without the figure, which could not be compared.
    pub without_figure: Vec<String>,
}

/// Finds the largest exercise by `field` among those starting in the
/// `years` years up to and including `to_year`.
///
/// # Example
/// ```
/// use jointwatch::analysis::{series::Field, superlative::largest};
/// let r = largest(&jointwatch::seed(), Field::Personnel, 2024, 30);
/// assert_eq!(r.leader.as_deref(), Some("ocean-2024"));
/// assert_eq!(r.without_figure, ["northern-interaction-2024"]);
/// ```
pub fn largest(ds: &Dataset, field: Field, to_year: i16, years: u16) -> RecordSetter {
    let from_year = to_year
        .saturating_sub(i16::try_from(years).unwrap_or(i16::MAX))
        .saturating_add(1);
    let mut with = Vec::new();
    let mut without_figure = Vec::new();
    for e in &ds.exercises {
        let Some(y) = e.dates.map(|d| d.start.year()) else {
            continue;
        };
        if y < from_year || y > to_year {
            continue;
        }
        let q = match field {
            Field::Ships => e.forces.ships,
            Field::Submarines => e.forces.submarines,
            Field::Aircraft => e.forces.aircraft,
            Field::Personnel => e.forces.personnel,
            Field::Platforms => None,
        };
        match q {
            Some(q) => with.push((Record::Exercise(e).id().to_string(), q)),
            None => without_figure.push(e.id.clone()),
        }
    }
    // The leader has the highest lower bound; ties broken by id for stability.
    let leader = with.iter().max_by(|a, b| {
        a.1.low()
            .partial_cmp(&b.1.low())
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| b.0.cmp(&a.0))
    });
    let (leader_id, certain, contenders) = match leader {
        None => (None, false, Vec::new()),
        Some((id, q)) => {
            let contenders: Vec<String> = with
                .iter()
                .filter(|(other, oq)| other != id && oq.high().is_none_or(|h| h >= q.low()))
                .map(|(other, _)| other.clone())
                .collect();
            (Some(id.clone()), contenders.is_empty(), contenders)
        }
    };
    RecordSetter {
        field,
        from_year,
        to_year,
        leader: leader_id,
        certain,
        contenders,
        compared: with.len(),
        without_figure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Dataset;

    fn ds() -> Dataset {
        Dataset::from_json(r#"{"formatVersion": "1.0", "exercises": [
          {"id": "big", "name": "Big", "participants": ["RUS"], "dates": "2024", "forces": {"ships": {"over": 400}}},
          {"id": "old", "name": "Old", "participants": ["RUS"], "dates": "1990", "forces": {"ships": 500}},
          {"id": "maybe", "name": "Maybe", "participants": ["RUS"], "dates": "2018", "forces": {"ships": {"min": 300, "max": 450}}},
          {"id": "small", "name": "Small", "participants": ["RUS"], "dates": "2020", "forces": {"ships": 80}}
        ]}"#).unwrap()
    }

    #[test]
    fn bounds_decide_certainty() {
        let r = largest(&ds(), Field::Ships, 2024, 30);
        assert_eq!(r.leader.as_deref(), Some("big"));
        assert_eq!((r.from_year, r.to_year), (1995, 2024));
        assert!(!r.certain, "'maybe' could have up to 450 ships");
        assert_eq!(r.contenders, ["maybe"]);
        assert_eq!(r.compared, 3);
    }

    #[test]
    fn a_longer_window_finds_the_older_record() {
        let r = largest(&ds(), Field::Ships, 2024, 40);
        assert_eq!(r.leader.as_deref(), Some("old"));
        assert!(
            !r.certain,
            "'over 400' has no upper bound, so it may exceed 500"
        );
        assert_eq!(r.contenders, ["big"]);
        let r = largest(&ds(), Field::Ships, 2021, 40);
        assert_eq!(r.leader.as_deref(), Some("old"));
        assert!(
            r.certain,
            "500 is above every other upper bound before 2022"
        );
    }
}
