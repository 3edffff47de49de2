//! A columnar copy of the events of a dataset, for computing many series
//! over one held dataset: dates as integers, participants as small
//! integers, and each grouping key's labels numbered once.
//!
//! [`series_on`](super::series_on) reads it instead of the records for the
//! filter's kinds, participants and window and for placing and labelling
//! each record; everything else (figures, reported statistics, coverage,
//! zero-filling, the points) is the same code as [`series`](super::series),
//! and so are the results, byte for byte.

use std::cell::OnceCell;

use crate::dataset::Dataset;
use crate::model::actor::CountryCode;
use crate::model::record::{Record, RecordKind};

use super::GroupBy;

/// A record's kind as a bit, for a filter's set of kinds.
pub(super) fn kind_bit(k: RecordKind) -> u8 {
    match k {
        RecordKind::Exercise => 1,
        RecordKind::Patrol => 2,
        RecordKind::Statistic => 4,
        RecordKind::Incident => 8,
        RecordKind::Activity => 16,
    }
}

/// A day as an integer that orders as the days do (not a count of days).
pub(super) fn day(d: jiff::civil::Date) -> i32 {
    (i32::from(d.year()) << 9) | (i32::from(d.month()) << 5) | i32::from(d.day())
}

/// A day's month counted from year 0 (January of year 0 is 0).
pub(super) fn month_of(d: jiff::civil::Date) -> i32 {
    i32::from(d.year()) * 12 + i32::from(d.month()) - 1
}

/// The labels of one grouping key: every label met in the dataset, sorted,
/// and each record's labels as positions in that list.
pub(super) struct LabelColumn {
    /// The labels, sorted and without repeats.
    pub(super) names: Vec<String>,
    /// Where each row's labels start in `ids` (one more entry than rows).
    pub(super) offsets: Vec<u32>,
    /// Each row's labels, ascending (so in the order of their text).
    pub(super) ids: Vec<u32>,
}

impl LabelColumn {
    /// The labels of row `i`.
    pub(super) fn row(&self, i: usize) -> &[u32] {
        let (Some(a), Some(b)) = (self.offsets.get(i), self.offsets.get(i + 1)) else {
            return &[];
        };
        self.ids.get(*a as usize..*b as usize).unwrap_or_default()
    }
}

/// One event, as integers.
#[derive(Clone, Copy)]
pub(super) struct Row {
    /// Its kind, as [`kind_bit`].
    pub(super) kind: u8,
    /// Its position in its kind's list.
    pub(super) index: u32,
    /// The first and last day of its span ([`day`]); an undated row has
    /// `i32::MAX` and `i32::MIN`, so that any date bound leaves it out.
    pub(super) first: i32,
    pub(super) last: i32,
    /// The months ([`month_of`]) of the first and last day of its start;
    /// `i32::MIN` for both when it has none.
    pub(super) start_first: i32,
    pub(super) start_last: i32,
    /// Where its distinct states start in [`Columns::states`], and how many.
    states_at: u32,
    states_len: u32,
}

/// A columnar copy of the events (exercises, patrols, incidents and
/// activities, in the order of [`Record::all`]) of one dataset, for
/// computing many series over it with [`series_on`](super::series_on).
///
/// It is a copy: build it from the dataset it is used with, and build it
/// again after changing that dataset (a merge, …). [`series_on`](super::series_on)
/// checks the number of records of each kind and computes from the records
/// when they differ; changes that keep those numbers are not noticed.
///
/// # Example
/// ```
/// use jointwatch::analysis::series::{series, series_on, Columns, SeriesQuery};
/// let seed = jointwatch::seed();
/// let columns = Columns::new(&seed);
/// let q: SeriesQuery = serde_json::from_str(r#"{
///   "filter": {"participantsAny": ["CHN"], "from": "2019", "to": "2024"},
///   "groupBy": [{"by": "period", "granularity": {"type": "year"}}, {"by": "participant"}]
/// }"#).unwrap();
/// assert_eq!(series_on(&seed, &columns, &q, &Default::default()), series(&seed, &q));
/// ```
pub struct Columns {
    /// How many exercises, patrols, statistics, incidents and activities
    /// the dataset held when the copy was made.
    pub(super) counts: [usize; 5],
    /// The events, in the order of [`Record::all`].
    pub(super) rows: Vec<Row>,
    /// The least and greatest of `start_first` and `start_last` over the
    /// dated rows (`(0, -1)` when none is).
    pub(super) months: (i32, i32),
    /// The countries met, sorted.
    pub(super) countries: Vec<CountryCode>,
    /// Each row's distinct states, as positions in `countries`, ascending.
    states: Vec<u16>,
    /// For each row, the position in [`Record::all`] of the first record
    /// of its `sameEvent` group, `u32::MAX` when it is in none; empty when
    /// the dataset has no `sameEvent` link.
    pub(super) event_group: Vec<u32>,
    /// The labels of each grouping key other than the period (in the order
    /// of [`GroupBy`]'s variants, from `Participant`), built at first use.
    labels: [OnceCell<LabelColumn>; 11],
}

impl Columns {
    /// Copies the events of `ds` into columns. The labels of each grouping
    /// key are copied when a series first groups by it.
    pub fn new(ds: &Dataset) -> Columns {
        let counts = [
            ds.exercises.len(),
            ds.patrols.len(),
            ds.statistics.len(),
            ds.incidents.len(),
            ds.activities.len(),
        ];
        let rows = counts[0] + counts[1] + counts[3] + counts[4];
        // Statistics are not events: they are skipped below.
        let records: Vec<Record<'_>> = Record::all(ds).collect();
        let mut countries: Vec<CountryCode> = Vec::new();
        for r in &records {
            if r.kind() != RecordKind::Statistic {
                countries.extend(r.participants().iter().map(|p| p.country));
            }
        }
        crate::sort::sort(&mut countries);
        countries.dedup();
        let mut c = Columns {
            counts,
            rows: Vec::with_capacity(rows),
            months: (0, -1),
            countries,
            states: Vec::new(),
            event_group: Vec::new(),
            labels: Default::default(),
        };
        let (mut least, mut most) = (i32::MAX, i32::MIN);
        let mut at = [0u32; 5];
        for r in &records {
            if r.kind() == RecordKind::Statistic {
                continue;
            }
            let bit = kind_bit(r.kind());
            let slot = bit.trailing_zeros() as usize;
            let index = at[slot];
            at[slot] += 1;
            let (first, last) = r
                .span()
                .map_or((i32::MAX, i32::MIN), |(a, b)| (day(a), day(b)));
            let (a, b) = r.start().map_or((i32::MIN, i32::MIN), |d| {
                (month_of(d.first_day()), month_of(d.last_day()))
            });
            if a != i32::MIN {
                least = least.min(a).min(b);
                most = most.max(a).max(b);
            }
            let from = c.states.len();
            for p in r.participants() {
                // Every country of a row was collected above. Kept sorted
                // and distinct by insertion (a record lists few states).
                let i = c.countries.partition_point(|x| *x < p.country) as u16;
                let have = &c.states[from..];
                let at = from + have.partition_point(|x| *x < i);
                if c.states.get(at) != Some(&i) {
                    c.states.insert(at, i);
                }
            }
            let kept = c.states.len();
            c.rows.push(Row {
                kind: bit,
                index,
                first,
                last,
                start_first: a,
                start_last: b,
                states_at: from as u32,
                states_len: (kept - from) as u32,
            });
        }
        if least <= most {
            c.months = (least, most);
        }
        let groups = crate::dataset::select::same_event_groups(ds);
        if !groups.is_empty() {
            for r in &records {
                if r.kind() != RecordKind::Statistic {
                    let g = groups.get(r.id()).map_or(u32::MAX, |g| *g as u32);
                    c.event_group.push(g);
                }
            }
        }
        c
    }

    /// Whether the copy was made from a dataset holding as many records of
    /// each kind as `ds`.
    pub(super) fn fits(&self, ds: &Dataset) -> bool {
        self.counts
            == [
                ds.exercises.len(),
                ds.patrols.len(),
                ds.statistics.len(),
                ds.incidents.len(),
                ds.activities.len(),
            ]
    }

    /// The record of a row.
    pub(super) fn record<'a>(&self, ds: &'a Dataset, row: &Row) -> Record<'a> {
        let at = row.index as usize;
        match row.kind {
            1 => Record::Exercise(&ds.exercises[at]),
            2 => Record::Patrol(&ds.patrols[at]),
            8 => Record::Incident(&ds.incidents[at]),
            _ => Record::Activity(&ds.activities[at]),
        }
    }

    /// The distinct states of a row, as positions in `countries`.
    pub(super) fn states_of(&self, row: &Row) -> &[u16] {
        let at = row.states_at as usize;
        self.states
            .get(at..at + row.states_len as usize)
            .unwrap_or_default()
    }

    /// The position of a country in `countries`, if any row has it.
    pub(super) fn country(&self, c: &CountryCode) -> Option<u16> {
        self.countries.binary_search(c).ok().map(|i| i as u16)
    }

    /// The labels of grouping key `g` (not the period), copied at first use.
    pub(super) fn labels(&self, ds: &Dataset, g: &GroupBy) -> &LabelColumn {
        let slot = match g {
            GroupBy::Period { .. } | GroupBy::Participant => 0,
            GroupBy::Domain => 1,
            GroupBy::Area => 2,
            GroupBy::Series => 3,
            GroupBy::Platform => 4,
            GroupBy::IncidentKind => 5,
            GroupBy::Responder => 6,
            GroupBy::Target => 7,
            GroupBy::NumberedBy => 8,
            GroupBy::Joint => 9,
            GroupBy::RecordKind => 10,
        };
        self.labels[slot].get_or_init(|| self.label_column(ds, g))
    }

    fn label_column(&self, ds: &Dataset, g: &GroupBy) -> LabelColumn {
        let mut buffer = Vec::new();
        let mut all: Vec<&str> = Vec::new();
        let mut offsets = Vec::with_capacity(self.rows.len() + 1);
        offsets.push(0u32);
        for row in &self.rows {
            super::compute::labels(&self.record(ds, row), g, &mut buffer);
            all.extend(buffer.iter().copied());
            offsets.push(all.len() as u32);
        }
        let mut names = all.clone();
        crate::sort::sort(&mut names);
        names.dedup();
        // Each row's labels are sorted and distinct, so their positions ascend.
        let ids = all
            .iter()
            .map(|l| names.binary_search(l).map_or(0, |i| i as u32))
            .collect();
        LabelColumn {
            names: names.into_iter().map(str::to_string).collect(),
            offsets,
            ids,
        }
    }
}
