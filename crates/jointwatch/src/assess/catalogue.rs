//! The built-in scenario catalogue: the seed's seven scenarios and two end
//! states, with illustrative priors and indicators drawn from the seed's own
//! words (`data/catalogue.json`).
//!
//! Every prior and likelihood ratio in it is a judgement made to show the
//! method working, not a finding. Catalogue indicators carry the tag
//! `illustrative`, and scenarios whose prior comes from the catalogue carry
//! [`ILLUSTRATIVE_PRIOR_TAG`]. Replace them with your own in your dataset:
//! a dataset's own priors and indicators always win.

use crate::assess::ILLUSTRATIVE_PRIOR_TAG;
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
/// and no prior take the catalogue's prior (tagged illustrative); catalogue
/// indicators whose scenarios all exist in `ds` are added unless `ds`
/// already has an indicator with that id; the catalogue's sources are
/// added when cited.
///
/// # Example
/// ```
/// let ds = jointwatch::assess::catalogue::with_catalogue(&jointwatch::seed());
/// assert!(ds.scenarios.iter().all(|s| s.prior.is_some()));
/// assert!(!ds.validate().has_errors());
/// ```
pub fn with_catalogue(ds: &Dataset) -> Dataset {
    let cat = builtin();
    let mut out = ds.clone();
    for s in &mut out.scenarios {
        if s.prior.is_none() {
            if let Some(c) = cat.scenarios.iter().find(|c| c.id == s.id) {
                s.prior = c.prior;
                s.tags.push(ILLUSTRATIVE_PRIOR_TAG.to_string());
            }
        }
    }
    let ids: Vec<String> = out.scenarios.iter().map(|s| s.id.clone()).collect();
    for ind in cat.indicators {
        let fits = ind.bears_on.iter().all(|b| ids.contains(&b.scenario));
        if fits && !out.indicators.iter().any(|i| i.id == ind.id) {
            out.indicators.push(ind);
        }
    }
    for src in cat.sources {
        let cited = out.indicators.iter().any(|i| i.sources.contains(&src.id));
        if cited && out.source(&src.id).is_none() {
            out.sources.push(src);
        }
    }
    out
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
        assert!(merged.scenarios[0].tags.is_empty());
        assert!(merged.scenarios[1]
            .tags
            .iter()
            .any(|t| t == ILLUSTRATIVE_PRIOR_TAG));
    }
}
