//! The checks of what a dataset declares about its records as a whole:
//! coverage (what it holds completely), scenario sets (alternatives that
//! exclude each other) and indicator groups (correlated or independent).

use std::collections::{HashMap, HashSet};

use super::check::{At, Checker};
use crate::diagnostics::Code;
use crate::model::coverage::Coverage;
use crate::model::date::DateRange;

impl<'a> Checker<'a> {
    /// A coverage entry: its description, its scope (without dates), its
    /// window and its sources.
    pub(super) fn coverage(&mut self, i: usize, c: &'a Coverage) {
        let list = At::Root("coverage");
        let base = list.index(i);
        if c.description.trim().is_empty() {
            self.push(
                Code::EmptyCoverageDescription,
                format!("{base}.description"),
                "says in no words what is held completely, so the claim cannot be checked",
            );
        }
        let scope = base.field("scope");
        for (field, date) in [("from", c.scope.from), ("to", c.scope.to)] {
            if let Some(d) = date {
                self.push(
                    Code::CoverageScopeDated,
                    format!("{scope}.{field}"),
                    format!("the scope carries its own date ({d}); the window is the entry's `from` and `to`"),
                );
            }
        }
        self.filter_refs(scope, &c.scope);
        self.dates(
            base.field("to"),
            &DateRange {
                start: c.from,
                end: c.to,
            },
        );
        self.source_refs(base.field("sources"), &c.sources, true);
    }

    /// Scenario sets: members that exist, at least two of them, each in one
    /// set only, and priors that leave room for "none of these".
    pub(super) fn scenario_sets(&mut self) {
        let ds = self.ds;
        if ds.scenario_sets.is_empty() {
            return;
        }
        // The first scenario with each id, as validation resolves references.
        let mut priors: HashMap<&str, Option<f64>> = HashMap::new();
        for s in &ds.scenarios {
            priors.entry(s.id.as_str()).or_insert(s.prior);
        }
        // Where each scenario was first listed, as (set, position).
        let mut member_of: HashMap<&str, (usize, usize)> = HashMap::new();
        for (i, set) in ds.scenario_sets.iter().enumerate() {
            let list = At::Root("scenarioSets");
            let base = list.index(i);
            let members = base.field("scenarios");
            let mut distinct = HashSet::new();
            let mut given: Vec<(&str, f64)> = Vec::new();
            for (j, id) in set.scenarios.iter().enumerate() {
                let id = id.as_str();
                let fresh = distinct.insert(id);
                if let Some(&(k, l)) = member_of.get(id) {
                    let msg = if k == i {
                        format!("scenario {id:?} is already listed at {members}[{l}]")
                    } else {
                        format!(
                            "scenario {id:?} already belongs to set {:?} (scenarioSets[{k}].scenarios[{l}]); a scenario belongs to at most one set",
                            ds.scenario_sets[k].id
                        )
                    };
                    self.push(Code::ScenarioInTwoSets, format!("{members}[{j}]"), msg);
                } else {
                    member_of.insert(id, (i, j));
                }
                match priors.get(id) {
                    None => self.push(
                        Code::UnknownScenario,
                        format!("{members}[{j}]"),
                        format!("scenario {id:?} is not defined"),
                    ),
                    // Priors outside 0–1 are reported on the scenario itself.
                    Some(Some(p)) if fresh && (0.0..=1.0).contains(p) => given.push((id, *p)),
                    Some(_) => {}
                }
            }
            if distinct.len() < 2 {
                self.push(
                    Code::ScenarioSetTooSmall,
                    members,
                    format!(
                        "a set of exclusive alternatives needs at least two scenarios; found {}",
                        distinct.len()
                    ),
                );
            }
            let sum: f64 = given.iter().map(|(_, p)| p).sum();
            // A little slack for decimal fractions (0.1 + 0.2 + 0.7).
            if sum > 1.0 + 1e-9 {
                let each: Vec<String> = given.iter().map(|(id, p)| format!("{id} {p}")).collect();
                self.push(
                    Code::SetPriorsExceedOne,
                    members,
                    format!(
                        "the priors of exclusive alternatives add up to {}, more than 1 ({})",
                        (sum * 1e6).round() / 1e6,
                        each.join(", ")
                    ),
                );
            }
        }
    }

    /// Indicator groups: members that exist, at least two of them.
    pub(super) fn indicator_groups(&mut self) {
        let ds = self.ds;
        if ds.indicator_groups.is_empty() {
            return;
        }
        let known: HashSet<&str> = ds.indicators.iter().map(|x| x.id.as_str()).collect();
        for (i, g) in ds.indicator_groups.iter().enumerate() {
            let list = At::Root("indicatorGroups");
            let base = list.index(i);
            let members = base.field("indicators");
            let mut distinct = HashSet::new();
            for (j, id) in g.indicators.iter().enumerate() {
                distinct.insert(id.as_str());
                if !known.contains(id.as_str()) {
                    self.push(
                        Code::UnknownIndicator,
                        format!("{members}[{j}]"),
                        format!("indicator {id:?} is not defined"),
                    );
                }
            }
            if distinct.len() < 2 {
                self.push(
                    Code::IndicatorGroupTooSmall,
                    members,
                    format!(
                        "a group relates at least two indicators; found {}",
                        distinct.len()
                    ),
                );
            }
        }
        self.contradictory_groups();
    }

    /// No pair of indicators is declared both correlated (one group) and
    /// independent (another): the assessment could not tell whether the pair
    /// counts once or twice. Reported once per later group, at its path.
    fn contradictory_groups(&mut self) {
        use crate::model::scenario::Relation;
        let ds = self.ds;
        for (i, g) in ds.indicator_groups.iter().enumerate() {
            let clash = ds.indicator_groups[..i]
                .iter()
                .filter(|h| h.relation != g.relation)
                .find_map(|h| {
                    let mut pair: Vec<&str> = g
                        .indicators
                        .iter()
                        .filter(|x| h.indicators.contains(x))
                        .map(String::as_str)
                        .collect();
                    pair.dedup();
                    (pair.len() >= 2).then_some((h, pair))
                });
            if let Some((h, pair)) = clash {
                let (correlated, independent) = if g.relation == Relation::Correlated {
                    (&g.id, &h.id)
                } else {
                    (&h.id, &g.id)
                };
                self.push(
                    Code::ContradictoryGroups,
                    At::Root("indicatorGroups").index(i).field("relation"),
                    format!(
                        "{} are declared correlated by group {correlated:?} and independent by group {independent:?}",
                        pair.join(" and ")
                    ),
                );
            }
        }
    }
}
