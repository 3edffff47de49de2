//! Every id of a document in one table, built in one pass before the
//! checks run: what `duplicate-id` and `invalid-id` report, what a link may
//! name, and which records come first with their id.

use std::collections::hash_map::Entry;

use super::hash::{map_with_capacity, Map};
use super::relations::Held;
use crate::dataset::Dataset;
use crate::model::record::Record;

/// What is known of one id.
#[derive(Clone, Copy)]
pub(super) struct Slot<'a> {
    /// Where the id is first used, as (list, index); `None` for an id that
    /// is not well formed (reported as `invalid-id` wherever it is used).
    pub(super) first: Option<(&'static str, usize)>,
    /// The first record with the id, the dataset's own before a context's,
    /// with its position among the dataset's records (`usize::MAX` for a
    /// context's record).
    pub(super) record: Option<(Record<'a>, usize)>,
}

/// What is wrong with the id of one item, in document order.
pub(super) struct IdProblem<'a> {
    pub(super) list: &'static str,
    pub(super) index: usize,
    pub(super) id: &'a str,
    /// `None`: not well formed; else where the id was first used.
    pub(super) first: Option<(&'static str, usize)>,
}

/// The ids of a document (and of the records of a context).
pub(super) struct IdTable<'a> {
    pub(super) slots: Map<&'a str, Slot<'a>>,
    /// Malformed and repeated ids, in the order `ids` reports them.
    pub(super) problems: Vec<IdProblem<'a>>,
    /// For each of the dataset's records (`held`): whether it is the first
    /// record of the dataset with its id.
    pub(super) first_record: Vec<bool>,
    /// For each of the dataset's records: whether its id is well formed.
    pub(super) well_formed: Vec<bool>,
}

/// Whether an id is well formed: not empty, no white space around it (what
/// `id.trim().is_empty() || id.trim() != id` refuses, without trimming).
pub(super) fn is_trimmed_id(id: &str) -> bool {
    match (id.chars().next(), id.chars().next_back()) {
        (Some(first), Some(last)) => !first.is_whitespace() && !last.is_whitespace(),
        _ => false,
    }
}

impl<'a> IdTable<'a> {
    /// Reads every id of `ds` (lists in document order) and the records of
    /// `context`.
    pub(super) fn new(ds: &'a Dataset, held: &[Held<'a>], context: Option<&'a Dataset>) -> Self {
        let total = ds.sources.len()
            + ds.areas.len()
            + ds.record_count()
            + ds.scenarios.len()
            + ds.indicators.len()
            + ds.scenario_sets.len()
            + ds.indicator_groups.len()
            + ds.coverage.len()
            + context.map_or(0, Dataset::record_count);
        let mut t = IdTable {
            slots: map_with_capacity(total),
            problems: Vec::new(),
            first_record: vec![false; held.len()],
            well_formed: vec![false; held.len()],
        };
        t.list("sources", ds.sources.iter().map(|x| x.id.as_str()));
        t.list("areas", ds.areas.iter().map(|x| x.id.as_str()));
        // The records, in the order of `held`.
        let mut n = 0;
        for (list, len) in [
            ("exercises", ds.exercises.len()),
            ("patrols", ds.patrols.len()),
            ("statistics", ds.statistics.len()),
            ("incidents", ds.incidents.len()),
            ("activities", ds.activities.len()),
        ] {
            for i in 0..len {
                let record = held[n].record;
                let slot = t.item(list, i, record.id());
                let well_formed = slot.first.is_some();
                if slot.record.is_none() {
                    slot.record = Some((record, n));
                    t.first_record[n] = true;
                }
                t.well_formed[n] = well_formed;
                n += 1;
            }
        }
        t.list("scenarios", ds.scenarios.iter().map(|x| x.id.as_str()));
        t.list("indicators", ds.indicators.iter().map(|x| x.id.as_str()));
        t.list(
            "scenarioSets",
            ds.scenario_sets.iter().map(|x| x.id.as_str()),
        );
        t.list(
            "indicatorGroups",
            ds.indicator_groups.iter().map(|x| x.id.as_str()),
        );
        t.list("coverage", ds.coverage.iter().map(|x| x.id.as_str()));
        for h in context.map(super::relations::held).unwrap_or_default() {
            let slot = t.slots.entry(h.record.id()).or_insert(Slot {
                first: None,
                record: None,
            });
            if slot.record.is_none() {
                slot.record = Some((h.record, usize::MAX));
            }
        }
        t
    }

    fn list(&mut self, list: &'static str, ids: impl Iterator<Item = &'a str>) {
        for (i, id) in ids.enumerate() {
            self.item(list, i, id);
        }
    }

    /// Notes the id of item `i` of `list`; returns its slot.
    fn item(&mut self, list: &'static str, index: usize, id: &'a str) -> &mut Slot<'a> {
        match self.slots.entry(id) {
            Entry::Occupied(e) => {
                let slot = e.into_mut();
                self.problems.push(IdProblem {
                    list,
                    index,
                    id,
                    first: slot.first,
                });
                slot
            }
            Entry::Vacant(e) => {
                let ok = is_trimmed_id(id);
                if !ok {
                    self.problems.push(IdProblem {
                        list,
                        index,
                        id,
                        first: None,
                    });
                }
                e.insert(Slot {
                    first: ok.then_some((list, index)),
                    record: None,
                })
            }
        }
    }

    /// The first record with this id (the dataset's own before a
    /// context's).
    pub(super) fn record(&self, id: &str) -> Option<Record<'a>> {
        self.slots.get(id).and_then(|s| s.record).map(|(r, _)| r)
    }

    /// The position among the dataset's records of the first with this id.
    pub(super) fn node(&self, id: &str) -> Option<usize> {
        self.slots
            .get(id)
            .and_then(|s| s.record)
            .map(|(_, n)| n)
            .filter(|&n| n != usize::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trimmed_id_is_what_trimming_leaves_alone() {
        for id in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "a b",
            "\u{3000}a",
            "a\u{a0}",
            "\u{85}",
            "é",
            "x\ty",
            "\ta",
            "a\n",
            "\u{200b}a",
        ] {
            let by_trimming = !(id.trim().is_empty() || id.trim() != id);
            assert_eq!(is_trimmed_id(id), by_trimming, "{id:?}");
        }
    }
}
