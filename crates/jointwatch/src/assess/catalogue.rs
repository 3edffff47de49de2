//! The built-in scenario catalogue: the seed's seven scenarios and two end
//! states, with illustrative priors and indicators drawn from the seed's own
//! words (`data/catalogue.json`).
//!
//! Every prior and likelihood ratio in it is a judgement made to show the
//! method working, not a finding. Catalogue indicators carry the tag
//! `illustrative`, scenarios whose prior comes from the catalogue carry
//! [`ILLUSTRATIVE_PRIOR_TAG`], and those whose horizon does
//! [`ILLUSTRATIVE_HORIZON_TAG`]. The catalogue also declares the seed's two
//! end states an exclusive set (`end-states`) and pools the two tempo
//! indicators as correlated. Replace them with your own in your dataset:
//! a dataset's own priors and indicators always win.

use std::borrow::Cow;

use crate::assess::{AssessOptions, ILLUSTRATIVE_HORIZON_TAG, ILLUSTRATIVE_PRIOR_TAG};
use crate::dataset::Dataset;

/// The catalogue as JSON text, embedded in the crate.
pub const CATALOGUE_JSON: &str = include_str!("../../data/catalogue.json");

/// The catalogue as a dataset of scenarios, indicators and their two sources.
///
/// # Example
/// ```
/// let c = jointwatch::assess::catalogue::builtin();
/// assert_eq!(c.scenarios.len(), 9);
/// assert!(c.indicators.iter().all(|i| i.tags.iter().any(|t| t == "illustrative")));
/// ```
pub fn builtin() -> Dataset {
    Dataset::from_json(CATALOGUE_JSON).unwrap_or_default()
}

/// A copy of `ds` completed from the catalogue: scenarios with the same id
/// and no prior take the catalogue's prior (tagged
/// [`ILLUSTRATIVE_PRIOR_TAG`]), and those with no horizon its horizon
/// (tagged [`ILLUSTRATIVE_HORIZON_TAG`]); catalogue indicators whose
/// scenarios all exist in `ds` are added unless `ds` already has an
/// indicator with that id; catalogue scenario sets and indicator groups are
/// added when every member exists, no set or group of `ds` has that id, and
/// no member already belongs to one of `ds`'s (the dataset's own always
/// wins); the catalogue's sources are added when cited.
///
/// # Example
/// ```
/// let ds = jointwatch::assess::catalogue::with_catalogue(&jointwatch::seed());
/// assert!(ds.scenarios.iter().all(|s| s.prior.is_some()));
/// assert!(ds.scenarios.iter().all(|s| s.horizon.is_some() || s.horizon_years.is_some()));
/// assert_eq!(ds.scenario_sets.len(), 1);
/// assert!(!ds.validate().has_errors());
/// ```
pub fn with_catalogue(ds: &Dataset) -> Dataset {
    let cat = builtin();
    let mut out = ds.clone();
    for s in &mut out.scenarios {
        let Some(c) = cat.scenarios.iter().find(|c| c.id == s.id) else {
            continue;
        };
        if s.prior.is_none() && c.prior.is_some() {
            s.prior = c.prior;
            s.tags.push(ILLUSTRATIVE_PRIOR_TAG.to_string());
        }
        if s.horizon.is_none()
            && s.horizon_years.is_none()
            && (c.horizon.is_some() || c.horizon_years.is_some())
        {
            s.horizon = c.horizon;
            s.horizon_years = c.horizon_years;
            s.tags.push(ILLUSTRATIVE_HORIZON_TAG.to_string());
        }
    }
    let ids: Vec<String> = out.scenarios.iter().map(|s| s.id.clone()).collect();
    for ind in cat.indicators {
        let fits = ind.bears_on.iter().all(|b| ids.contains(&b.scenario));
        if fits && !out.indicators.iter().any(|i| i.id == ind.id) {
            out.indicators.push(ind);
        }
    }
    for set in cat.scenario_sets {
        let taken = out
            .scenario_sets
            .iter()
            .any(|s| s.id == set.id || s.scenarios.iter().any(|m| set.scenarios.contains(m)));
        if !taken && set.scenarios.iter().all(|m| ids.contains(m)) {
            out.scenario_sets.push(set);
        }
    }
    for group in cat.indicator_groups {
        let taken = out
            .indicator_groups
            .iter()
            .any(|g| g.id == group.id || g.indicators.iter().any(|i| group.indicators.contains(i)));
        let present = group
            .indicators
            .iter()
            .all(|i| out.indicators.iter().any(|x| x.id == *i));
        if !taken && present {
            out.indicator_groups.push(group);
        }
    }
    for src in cat.sources {
        let cited = out.indicators.iter().any(|i| i.sources.contains(&src.id))
            || out
                .scenario_sets
                .iter()
                .any(|s| s.sources.contains(&src.id));
        if cited && out.source(&src.id).is_none() {
            out.sources.push(src);
        }
    }
    out
}

/// The dataset to assess under `options`: completed from the catalogue
/// ([`with_catalogue`]) unless `options.no_catalogue`, when it is `ds` as
/// it is.
///
/// # Example
/// ```
/// use jointwatch::assess::{catalogue, AssessOptions};
/// let seed = jointwatch::seed();
/// let bare = AssessOptions { no_catalogue: true, ..Default::default() };
/// assert!(catalogue::apply(&seed, &bare).indicators.is_empty());
/// assert!(!catalogue::apply(&seed, &AssessOptions::default()).indicators.is_empty());
/// ```
pub fn apply<'a>(ds: &'a Dataset, options: &AssessOptions) -> Cow<'a, Dataset> {
    if options.no_catalogue {
        Cow::Borrowed(ds)
    } else {
        Cow::Owned(with_catalogue(ds))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn the_catalogue_validates_cleanly() {
        let r = builtin().validate();
        assert!(r.is_clean(), "{:?}", r.findings);
    }

    #[test]
    fn every_scenario_has_at_least_two_indicators() {
        let c = builtin();
        let mut n: HashMap<&str, usize> = HashMap::new();
        for i in &c.indicators {
            for b in &i.bears_on {
                *n.entry(b.scenario.as_str()).or_default() += 1;
            }
        }
        for s in &c.scenarios {
            assert!(n.get(s.id.as_str()).copied().unwrap_or(0) >= 2, "{}", s.id);
        }
    }

    #[test]
    fn catalogue_scenarios_are_the_seed_scenarios() {
        let mut a: Vec<String> = builtin().scenarios.into_iter().map(|s| s.id).collect();
        let mut b: Vec<String> = crate::dataset::seed::seed()
            .scenarios
            .into_iter()
            .map(|s| s.id)
            .collect();
        a.sort();
        b.sort();
        assert_eq!(a, b);
    }

    #[test]
    fn a_datasets_own_prior_wins() {
        let mut ds = crate::dataset::seed::seed();
        ds.scenarios[0].prior = Some(0.9);
        let merged = with_catalogue(&ds);
        assert_eq!(merged.scenarios[0].prior, Some(0.9));
        assert!(!merged.scenarios[0]
            .tags
            .iter()
            .any(|t| t == ILLUSTRATIVE_PRIOR_TAG));
        // The horizon still came from the catalogue, and says so.
        assert_eq!(merged.scenarios[0].horizon_years, Some(5));
        assert_eq!(merged.scenarios[0].tags, [ILLUSTRATIVE_HORIZON_TAG]);
        assert!(merged.scenarios[1]
            .tags
            .iter()
            .any(|t| t == ILLUSTRATIVE_PRIOR_TAG));
    }

    #[test]
    fn a_datasets_own_set_wins_and_merges_cleanly() {
        use crate::model::scenario::ScenarioSet;
        let end_states = |name: &str| ScenarioSet {
            id: "end-states".into(),
            name: name.into(),
            description: None,
            scenarios: vec![
                "sustained-balance-of-power".into(),
                "escalation-through-incident".into(),
            ],
            sources: vec!["seed".into()],
        };
        // The same id: the dataset's own set wins, and only one is held.
        // (The seed now holds this set itself; start from a seed without it.)
        let mut ds = crate::dataset::seed::seed();
        ds.scenario_sets.clear();
        ds.scenario_sets.push(end_states("the seed's words"));
        let merged = with_catalogue(&ds);
        assert_eq!(merged.scenario_sets.len(), 1);
        assert_eq!(merged.scenario_sets[0].name, "the seed's words");
        assert!(!merged.validate().has_errors());
        // Another id over the same scenarios: still the dataset's only.
        let mut other = end_states("mine");
        other.id = "futures".into();
        let mut ds = crate::dataset::seed::seed();
        ds.scenario_sets.clear();
        ds.scenario_sets.push(other);
        assert_eq!(with_catalogue(&ds).scenario_sets.len(), 1);
        // Without one, the catalogue's set and its source come in.
        let merged = with_catalogue(&crate::dataset::seed::seed());
        assert_eq!(merged.scenario_sets[0].id, "end-states");
        assert!(merged.source("jw-seed-document").is_some());
        assert_eq!(merged.indicator_groups.len(), 1);
    }

    #[test]
    fn the_catalogue_sets_priors_sum_to_at_most_one_and_every_scenario_has_a_horizon() {
        let c = builtin();
        for set in &c.scenario_sets {
            let sum: f64 = set
                .scenarios
                .iter()
                .filter_map(|id| c.scenarios.iter().find(|s| s.id == *id))
                .filter_map(|s| s.prior)
                .sum();
            assert!(sum <= 1.0, "{}: {sum}", set.id);
        }
        assert!(c
            .scenarios
            .iter()
            .all(|s| s.horizon.is_some() || s.horizon_years.is_some()));
    }
}
