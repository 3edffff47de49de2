//! Analysis of Competing Hypotheses: one matrix per set of exclusive
//! scenarios. Only hypotheses that compete are compared; a scenario outside
//! every set gets no matrix, and the assessment says why.

use crate::assess::evaluate::parse_grading;
use crate::assess::{
    Ach, AchRow, IndicatorResult, Rating, ScenarioResult, SetResult, Skipped, State,
};
use crate::dataset::Dataset;
use crate::model::source::{Credibility, Grading, Reliability};

/// The weight ACH gives evidence of this grading: the product of a
/// reliability factor (A 1.0, B 0.9, C 0.75, D 0.5, E 0.25, F 0.5) and a
/// credibility factor (1 1.0, 2 0.9, 3 0.75, 4 0.5, 5 0.25, 6 0.5). "Cannot be
/// judged" weighs like "not usually reliable": neither trusted nor discarded.
pub fn credibility_weight(g: &Grading) -> f64 {
    let r = match g.reliability {
        Reliability::A => 1.0,
        Reliability::B => 0.9,
        Reliability::C => 0.75,
        Reliability::D => 0.5,
        Reliability::E => 0.25,
        Reliability::F => 0.5,
    };
    let c = match g.credibility {
        Credibility::Confirmed => 1.0,
        Credibility::ProbablyTrue => 0.9,
        Credibility::PossiblyTrue => 0.75,
        Credibility::Doubtful => 0.5,
        Credibility::Improbable => 0.25,
        Credibility::CannotBeJudged => 0.5,
    };
    r * c
}

/// One matrix over the given hypotheses (scenario ids).
fn matrix(ds: &Dataset, results: &[IndicatorResult], set: &str, hypotheses: Vec<String>) -> Ach {
    let mut rows = Vec::new();
    for (ind, res) in ds.indicators.iter().zip(results) {
        if res.state == State::Unknown {
            continue;
        }
        if !ind
            .bears_on
            .iter()
            .any(|b| hypotheses.contains(&b.scenario))
        {
            continue;
        }
        let ratings: Vec<Rating> = hypotheses
            .iter()
            .map(|h| match ind.bears_on.iter().find(|b| &b.scenario == h) {
                None => Rating::NA,
                Some(b) => Rating::of_ratio(if res.state == State::Fired {
                    b.if_fired
                } else {
                    b.if_not_fired
                }),
            })
            .collect();
        let rated: Vec<Rating> = ratings
            .iter()
            .copied()
            .filter(|r| *r != Rating::NA)
            .collect();
        let non_diagnostic = (rated.len() >= 2 && rated.iter().all(|r| *r == rated[0]))
            || (!rated.is_empty() && rated.iter().all(|r| *r == Rating::N));
        let weight = res
            .grading
            .as_deref()
            .and_then(parse_grading)
            .map(|g| credibility_weight(&g))
            .unwrap_or(0.5);
        rows.push(AchRow {
            indicator: ind.id.clone(),
            state: res.state,
            ratings,
            weight,
            non_diagnostic,
        });
    }
    let inconsistency = (0..hypotheses.len())
        .map(|j| rows.iter().map(|r| r.ratings[j].inconsistency()).sum())
        .collect();
    let weighted_inconsistency = (0..hypotheses.len())
        .map(|j| {
            rows.iter()
                .map(|r| r.weight * r.ratings[j].inconsistency())
                .sum()
        })
        .collect();
    Ach {
        set: set.to_string(),
        hypotheses,
        rows,
        inconsistency,
        weighted_inconsistency,
    }
}

/// One matrix per assessed set, and the scenarios left without one.
pub(crate) fn ach(
    ds: &Dataset,
    results: &[IndicatorResult],
    scenarios: &[ScenarioResult],
    sets: &[SetResult],
) -> (Vec<Ach>, Vec<Skipped>) {
    let matrices = sets
        .iter()
        .map(|s| matrix(ds, results, &s.id, s.members.clone()))
        .collect();
    let omitted = scenarios
        .iter()
        .filter(|s| s.set.is_none())
        .map(|s| Skipped {
            id: s.id.clone(),
            reason:
                "not in a set of exclusive scenarios: ACH compares only hypotheses that compete"
                    .into(),
        })
        .collect();
    (matrices, omitted)
}
