//! Record-setters: which exercise is the largest by some figure within a
//! window of years, judged on the figures' bounds so that "over 400" is never
//! treated as exactly 400.

use serde::{Deserialize, Serialize};

use crate::analysis::series::Field;
use crate::dataset::{Dataset, FigureAlternative};
use crate::model::exercise::Domain;
use crate::model::record::{Filter, Record, RecordKind};

/// What a record-setter comparison can say about its leader.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Judgement {
    /// The largest for certain: two or more exercises with the figure were
    /// compared, the window is inside declared coverage of exercises, and
    /// the leader's lower bound is at least every other upper bound.
    Certain,
    /// The largest of the exercises held: it beats every other figure held
    /// (or none other was held), but the dataset does not claim to hold
    /// every exercise of the window, or only one was compared.
    LargestHeld,
    /// Another exercise held could be as large, given the uncertainty.
    Possibly,
    /// No exercise in the window has the figure.
    None,
}

/// The outcome of a "largest in N years" question.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordSetter {
    /// The figure compared.
    pub field: Field,
    /// The exercises compared are those in any of these domains (all
    /// exercises when empty): a "largest naval exercise" is compared with
    /// naval exercises, not with land ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<Domain>,
    /// First year of the window.
    pub from_year: i16,
    /// Last year of the window.
    pub to_year: i16,
    /// The exercise whose figure is surely or possibly the largest, if any has the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// Whether the leader is the largest for certain: two or more figures
    /// compared inside declared coverage of exercises, and its lower bound
    /// at least every other upper bound ([`Judgement::Certain`]).
    pub certain: bool,
    /// What can be said of the leader.
    pub judgement: Judgement,
    /// The declared coverage entry that holds every exercise of the window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub covered_by: Option<String>,
    /// Other exercises that could be as large, given the uncertainty.
    pub contenders: Vec<String>,
    /// How many exercises with the figure were compared.
    pub compared: usize,
    /// Exercises in the window without the figure, which could not be compared.
    pub without_figure: Vec<String>,
    /// When the leader's figure has values that disagree: every value, with
    /// who gives it and its sources (the leader was judged on the value the
    /// conflict rule chose). Empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leader_alternatives: Vec<FigureAlternative>,
}

/// Finds the largest exercise by `field` among those starting in the
/// `years` years up to and including `to_year`.
///
/// The leader is the largest *for certain* only when two or more exercises
/// with the figure were compared, the dataset declares coverage of every
/// exercise over the window's years, and the leader's lower bound is at
/// least every other figure's upper bound. Without coverage (or with one
/// figure compared) it is only the *largest held*. A figure with several
/// values is compared on the value the conflict rule chooses
/// (`Dataset::resolve_figure`); when the leader's is such a figure, its
/// values are listed in `leader_alternatives`.
///
/// # Example
/// ```
/// use jointwatch::analysis::{series::Field, superlative::largest};
/// let r = largest(&jointwatch::seed(), Field::Personnel, 2024, 30);
/// assert_eq!(r.leader.as_deref(), Some("ocean-2024"));
/// assert_eq!(r.without_figure, ["northern-interaction-2024"]);
/// // One exercise compared with itself, and no coverage declared: not "certain".
/// assert_eq!(r.compared, 1);
/// assert_eq!((r.certain, r.judgement), (false, jointwatch::analysis::superlative::Judgement::LargestHeld));
/// ```
pub fn largest(ds: &Dataset, field: Field, to_year: i16, years: u16) -> RecordSetter {
    largest_among(ds, field, to_year, years, &[])
}

/// [`largest`] among the exercises in any of `domains` (all when empty): the
/// class a claim compares with ("the largest *naval* exercise").
///
/// # Example
/// ```
/// use jointwatch::analysis::series::Field;
/// use jointwatch::analysis::superlative::largest_among;
/// use jointwatch::model::exercise::Domain;
/// let seed = jointwatch::seed();
/// let r = largest_among(&seed, Field::Ships, 2024, 30, &[Domain::Naval]);
/// assert_eq!((r.leader.as_deref(), r.domains.len()), (Some("ocean-2024"), 1));
/// ```
pub fn largest_among(
    ds: &Dataset,
    field: Field,
    to_year: i16,
    years: u16,
    domains: &[Domain],
) -> RecordSetter {
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
        if !domains.is_empty() && !e.domains.iter().any(|d| domains.contains(d)) {
            continue;
        }
        let figure = match field {
            Field::Ships => &e.forces.ships,
            Field::Submarines => &e.forces.submarines,
            Field::Aircraft => &e.forces.aircraft,
            Field::Personnel => &e.forces.personnel,
            Field::Platforms => &None,
        };
        let r = figure
            .as_ref()
            .and_then(|f| ds.resolve_figure(f, &e.sources));
        match r {
            Some(r) => with.push((
                Record::Exercise(e).id().to_string(),
                r.value,
                r.alternatives,
            )),
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
    // Every exercise of the window held? Only declared coverage says so.
    let exercises = Filter {
        kinds: vec![RecordKind::Exercise],
        domains: domains.to_vec(),
        ..Filter::default()
    };
    let window = jiff::civil::Date::new(from_year, 1, 1)
        .ok()
        .zip(jiff::civil::Date::new(to_year, 12, 31).ok());
    let covered_by = window
        .and_then(|(first, last)| ds.coverage_for(&exercises, first, last))
        .map(|c| c.id.clone());
    let (leader_id, judgement, contenders) = match leader {
        None => (None, Judgement::None, Vec::new()),
        Some((id, q, _)) => {
            let contenders: Vec<String> = with
                .iter()
                .filter(|(other, oq, _)| other != id && oq.high().is_none_or(|h| h >= q.low()))
                .map(|(other, _, _)| other.clone())
                .collect();
            let judgement = if !contenders.is_empty() {
                Judgement::Possibly
            } else if with.len() >= 2 && covered_by.is_some() {
                Judgement::Certain
            } else {
                Judgement::LargestHeld
            };
            (Some(id.clone()), judgement, contenders)
        }
    };
    RecordSetter {
        field,
        domains: domains.to_vec(),
        from_year,
        to_year,
        leader: leader_id,
        certain: judgement == Judgement::Certain,
        judgement,
        covered_by,
        contenders,
        compared: with.len(),
        without_figure,
        leader_alternatives: leader.map(|l| l.2.clone()).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;

    fn ds() -> Dataset {
        Dataset::from_json(r#"{"formatVersion": "1.0", "exercises": [
          {"id": "big", "name": "Big", "participants": ["RUS"], "dates": "2024", "forces": {"ships": {"over": 400}}},
          {"id": "old", "name": "Old", "participants": ["RUS"], "dates": "1990", "forces": {"ships": 500}},
          {"id": "maybe", "name": "Maybe", "participants": ["RUS"], "dates": "2018", "forces": {"ships": {"min": 300, "max": 450}}},
          {"id": "small", "name": "Small", "participants": ["RUS"], "dates": "2020", "forces": {"ships": 80}}
        ]}"#).unwrap()
    }

    /// "The largest naval exercise" is compared with naval exercises: a
    /// larger land exercise does not outdo it.
    #[test]
    fn a_claim_is_compared_within_its_class() {
        let ds = Dataset::from_json(r#"{"formatVersion": "2.0", "exercises": [
          {"id": "fleet", "name": "Fleet", "participants": ["RUS"], "domains": ["naval"], "dates": "2024", "forces": {"personnel": 90000}},
          {"id": "army", "name": "Army", "participants": ["RUS"], "domains": ["land"], "dates": "2019", "forces": {"personnel": 128000}}
        ]}"#).unwrap();
        let all = largest(&ds, Field::Personnel, 2024, 30);
        assert_eq!(all.leader.as_deref(), Some("army"));
        let naval = largest_among(&ds, Field::Personnel, 2024, 30, &[Domain::Naval]);
        assert_eq!(
            (naval.leader.as_deref(), naval.compared),
            (Some("fleet"), 1)
        );
        assert_eq!(naval.domains, [Domain::Naval]);
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
            !r.certain,
            "500 is above every other figure held before 2022, but nothing says every exercise is held"
        );
        assert_eq!(r.judgement, Judgement::LargestHeld);
        // With coverage declared for exercises over the window, it is certain.
        let mut covered = ds();
        covered.coverage = serde_json::from_str(
            r#"[{"id": "all", "description": "every exercise", "scope": {"kinds": ["exercise"]}, "from": "1900", "to": "2030"}]"#,
        )
        .unwrap();
        let r = largest(&covered, Field::Ships, 2021, 40);
        assert_eq!((r.certain, r.judgement), (true, Judgement::Certain));
        assert_eq!(r.covered_by.as_deref(), Some("all"));
        // A window reaching outside coverage is not covered.
        covered.coverage[0].from = "1990".parse().unwrap();
        let r = largest(&covered, Field::Ships, 2021, 40);
        assert_eq!(r.judgement, Judgement::LargestHeld);
    }

    #[test]
    fn one_exercise_compared_with_itself_is_never_certain() {
        // Issue 13: the seed's Ocean-2024, the only exercise with a personnel
        // figure, was "largest for certain" compared with nothing but itself,
        // and would be even inside coverage.
        let mut seed = crate::dataset::seed::seed();
        let r = largest(&seed, Field::Personnel, 2024, 30);
        assert_eq!(r.compared, 1);
        assert!(!r.certain);
        assert_eq!(r.judgement, Judgement::LargestHeld);
        seed.coverage = serde_json::from_str(
            r#"[{"id": "all", "description": "every exercise", "scope": {}, "from": "1990", "to": "2030"}]"#,
        )
        .unwrap();
        let r = largest(&seed, Field::Personnel, 2024, 30);
        assert_eq!((r.certain, r.judgement), (false, Judgement::LargestHeld));
        assert_eq!(r.covered_by.as_deref(), Some("all"));
    }
}
