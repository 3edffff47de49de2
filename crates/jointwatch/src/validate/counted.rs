//! Counting records against what statistics report: a statistic that
//! reports fewer events than the dataset records for the same period is a
//! contradiction worth a look (`counted-exceeds-reported`).

use jiff::civil::Date;

use super::check::Checker;
use crate::diagnostics::Code;
use crate::model::actor::CountryCode;
use crate::model::period::Period;
use crate::model::record::{Filter, Record};
use crate::model::statistic::{Rate, Statistic};

/// The records a reported statistic is checked against (see
/// [`Checker::counted_vs_reported`]), selected once per measure and set of
/// subjects and sorted by start for counting windows.
pub(super) struct Counted<'a> {
    records: Vec<Record<'a>>,
    /// First and last day of each dated record's start, in order.
    starts: Vec<(Date, Date)>,
    /// The first day of each numbered patrol's start (`Date::MIN` when
    /// undated, as an undated patrol counts at any date) with the highest
    /// (number, id) up to it, in order of first day.
    sequences: Vec<(Date, (u32, &'a str))>,
    /// The states that number any of the patrols, sorted.
    authorities: Vec<CountryCode>,
}

impl<'a> Counted<'a> {
    /// The records, and the numbers `authority` gives them (every
    /// authority's highest number when `None`).
    pub(super) fn new(records: Vec<Record<'a>>, authority: Option<CountryCode>) -> Counted<'a> {
        let mut starts = Vec::new();
        let mut sequences = Vec::new();
        let mut authorities = Vec::new();
        for r in &records {
            if let Some(d) = r.start() {
                starts.push((d.first_day(), d.last_day()));
            }
            if let Record::Patrol(p) = r {
                authorities.extend(p.numbering.iter().filter_map(|n| n.by));
                // The highest number the authority (or any) gives it.
                let numbers = p
                    .numbering
                    .iter()
                    .filter(|n| authority.is_none() || n.by == authority);
                if let Some(n) = numbers.map(|n| n.number).max() {
                    let first = p.dates.map_or(Date::MIN, |d| d.start.first_day());
                    sequences.push((first, (n, p.id.as_str())));
                }
            }
        }
        crate::sort::sort(&mut starts);
        crate::sort::sort(&mut sequences);
        crate::sort::sort(&mut authorities);
        authorities.dedup();
        for i in 1..sequences.len() {
            sequences[i].1 = sequences[i].1.max(sequences[i - 1].1);
        }
        Counted {
            records,
            starts,
            sequences,
            authorities,
        }
    }

    /// How many records start (wholly) within `a..=b`.
    fn count_within(&self, a: Date, b: Date) -> usize {
        let from = self.starts.partition_point(|s| s.0 < a);
        self.starts[from..]
            .iter()
            .take_while(|s| s.0 <= b)
            .filter(|s| s.1 <= b)
            .count()
    }

    /// The ids of the records that start (wholly) within `a..=b`, in record
    /// order (for a finding: a scan).
    fn ids_within(&self, a: Date, b: Date) -> Vec<&'a str> {
        self.records
            .iter()
            .filter(|r| {
                r.start()
                    .is_some_and(|d| a <= d.first_day() && d.last_day() <= b)
            })
            .map(|r| r.id())
            .collect()
    }

    /// The highest (number, id) of the numbered patrols undated or starting by `day`.
    fn highest_sequence(&self, day: Date) -> Option<(u32, &'a str)> {
        let n = self.sequences.partition_point(|s| s.0 <= day);
        n.checked_sub(1).map(|i| self.sequences[i].1)
    }
}

/// The filter of the records a statistic is set beside, and its subject
/// states sorted without repeats; `None` when it is not checked (no upper
/// bound, or a measure no record counts towards).
fn counted_filter(s: &Statistic) -> Option<(Filter, Vec<CountryCode>)> {
    s.quantity.high()?;
    let mut filter = s.measure.record_filter()?;
    filter.participants_all = s.subjects.iter().map(|p| p.country).collect();
    let mut subjects = filter.participants_all.clone();
    crate::sort::sort(&mut subjects);
    subjects.dedup();
    Some((filter, subjects))
}

impl<'a> Checker<'a> {
    /// Selects the records of every measure and set of subjects that a
    /// statistic is set beside (without a numbering authority: those few
    /// are selected when asked for) in one pass over the records, so that
    /// each record is read once rather than once per set. What
    /// [`counted_for`](Checker::counted_for) would select, in the same
    /// order: it then finds them in the cache. Natively only: the `.wasm`,
    /// whose size is budgeted, selects each set when first asked for.
    #[cfg(not(target_arch = "wasm32"))]
    pub(super) fn select_counted(&mut self) {
        let ds = self.ds;
        let mut wanted: Vec<(super::check::CountedKey, Filter)> = Vec::new();
        for s in &ds.statistics {
            let Some((filter, subjects)) = counted_filter(s) else {
                continue;
            };
            let key = (s.measure, subjects, None);
            if !wanted.iter().any(|(k, _)| *k == key) {
                wanted.push((key, filter));
            }
        }
        if wanted.is_empty() {
            return;
        }
        let sources: Vec<_> = wanted.iter().map(|(_, f)| f.sources_for(ds)).collect();
        let mut selected: Vec<Vec<Record<'a>>> = vec![Vec::new(); wanted.len()];
        for r in Record::all(ds) {
            for (k, (_, f)) in wanted.iter().enumerate() {
                if f.matches_with(&sources[k], &r) {
                    selected[k].push(r);
                }
            }
        }
        for ((key, _), records) in wanted.into_iter().zip(selected) {
            self.counted.push((key, Counted::new(records, None)));
        }
    }

    /// The position in the cache of the records `filter` keeps, selected
    /// the first time `key` is asked for.
    fn counted_for(&mut self, key: super::check::CountedKey, filter: &Filter) -> usize {
        if let Some(at) = self.counted.iter().position(|(k, _)| *k == key) {
            return at;
        }
        let authority = key.2;
        self.counted
            .push((key, Counted::new(filter.select(self.ds), authority)));
        self.counted.len() - 1
    }

    /// Compares the records held with what a statistic reports for the same
    /// period. Counting fewer is normal (a dataset is rarely complete);
    /// counting more is a contradiction worth a look.
    pub(super) fn counted_vs_reported(&mut self, i: usize, s: &Statistic) {
        let Some(high) = s.quantity.high() else {
            return;
        };
        let exceeds = |n: f64| n > high || (s.quantity.bounds().high_exclusive && n >= high);
        let Some((mut filter, subjects)) = counted_filter(s) else {
            return;
        };
        // The records of a measure and set of subjects are selected once for
        // every statistic that shares them.
        let all = self.counted_for((s.measure, subjects.clone(), None), &filter);
        // A count by a state that numbers these patrols itself (Japan counts
        // the joint air patrols near Japan, leaving out the one near Alaska)
        // is its own count: set beside the patrols it numbers and its
        // numbers, not beside every patrol held.
        let authority = s
            .reporter
            .as_ref()
            .and_then(|r| r.country)
            .filter(|c| self.counted[all].1.authorities.binary_search(c).is_ok());
        let at = match authority {
            None => all,
            Some(c) => {
                filter.numbered_by = vec![c];
                self.counted_for((s.measure, subjects, Some(c)), &filter)
            }
        };
        let counted = &self.counted[at].1;
        let mut problems = Vec::new();
        match (s.rate, s.period) {
            (Rate::PerYear, Some(Period::Years { start, end }))
                if end >= start && i32::from(end) - i32::from(start) < 10_000 =>
            {
                for y in start..=end {
                    let (Ok(a), Ok(b)) = (Date::new(y, 1, 1), Date::new(y, 12, 31)) else {
                        continue;
                    };
                    if exceeds(counted.count_within(a, b) as f64) {
                        let ids = counted.ids_within(a, b);
                        problems.push(format!(
                            "{} recorded in {y} ({})",
                            ids.len(),
                            ids.join(", ")
                        ));
                    }
                }
            }
            (Rate::Total, Some(p)) => {
                if let (Some(a), Some(b)) = (p.first_day(), p.last_day()) {
                    if exceeds(counted.count_within(a, b) as f64) {
                        let ids = counted.ids_within(a, b);
                        problems.push(format!(
                            "{} recorded in {p} ({})",
                            ids.len(),
                            ids.join(", ")
                        ));
                    }
                }
            }
            (Rate::Total, None) => {
                if let Some(as_of) = s.as_of {
                    let last = as_of.last_day();
                    if exceeds(counted.count_within(Date::MIN, last) as f64) {
                        let ids = counted.ids_within(Date::MIN, last);
                        problems.push(format!(
                            "{} recorded by {as_of} ({})",
                            ids.len(),
                            ids.join(", ")
                        ));
                    }
                    let seq = counted.highest_sequence(as_of.last_day());
                    if let Some((n, id)) = seq.filter(|(n, _)| exceeds(f64::from(*n))) {
                        match authority {
                            Some(c) => {
                                problems.push(format!("patrol {id} is numbered {n} by {c}'s count"))
                            }
                            None => problems.push(format!("patrol {id} is numbered {n}")),
                        }
                    }
                }
            }
            _ => {}
        }
        if !problems.is_empty() {
            self.push(
                Code::CountedExceedsReported,
                format!("statistics[{i}].quantity"),
                format!("reported as {} but {}", s.quantity, problems.join("; ")),
            );
        }
    }
}
