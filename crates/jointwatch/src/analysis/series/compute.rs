//! Computing a series: selecting the records, placing each in its group,
//! setting reported figures beside the counts, and zero-filling the window.

use std::collections::{BTreeMap, BTreeSet};

use super::columns::{self, Columns};
use super::Unplaced;
use super::{Aggregate, Basis, Field, GroupBy, Series, SeriesOptions, SeriesPoint, SeriesQuery};
use super::{PointStatus, ReportedFigure, Resolution, SameEvent};
use super::{MAX_PERIODS, MAX_POINTS};
use crate::dataset::Dataset;
use crate::diagnostics::{CallCode, CallError};
use crate::model::date::FuzzyDate;
use crate::model::figure::{choose, Figure as RecordFigure};
use crate::model::period::{Granularity, Period};
use crate::model::quantity::Quantity;
use crate::model::record::{patrol_domain, Filter, Record, RecordKind};
use crate::model::source::{Credibility, Reliability};
use crate::model::statistic::{Rate, Statistic};

/// The single period of `g` that wholly contains the fuzzy date, if any.
pub fn period_of_fuzzy(g: &Granularity, d: &FuzzyDate) -> Option<Period> {
    let a = g.period_of(d.first_day())?;
    let b = g.period_of(d.last_day())?;
    (a == b).then_some(a)
}

/// A record's figure for `field`, each figure's value chosen by
/// [`Dataset::resolve_figure`], and whether any figure it rests on has
/// values that disagree (so that the value was chosen among them).
fn field_value(ds: &Dataset, r: &Record<'_>, field: Field) -> (Option<Quantity>, bool) {
    let forces = match r {
        Record::Exercise(e) => Some(&e.forces),
        Record::Activity(a) => Some(&a.forces),
        _ => None,
    };
    let platforms = match r {
        Record::Patrol(p) => Some(&p.platforms),
        Record::Activity(a) => Some(&a.platforms),
        _ => None,
    };
    let mut contested = false;
    let mut value = |f: &Option<RecordFigure>| {
        let resolved = f.as_ref().and_then(|f| ds.resolve_figure(f, r.sources()))?;
        contested |= resolved.resolution.is_some();
        Some(resolved.value)
    };
    let v = match (forces, platforms, field) {
        (Some(f), _, Field::Ships) => value(&f.ships),
        (Some(f), _, Field::Submarines) => value(&f.submarines),
        (Some(f), _, Field::Aircraft) => value(&f.aircraft),
        (Some(f), _, Field::Personnel) => value(&f.personnel),
        (_, Some(ps), Field::Platforms) => {
            let counts: Option<Vec<Quantity>> = ps.iter().map(|x| value(&x.count)).collect();
            counts
                .filter(|c| !c.is_empty())
                .map(|c| Quantity::sum(c.iter()))
        }
        _ => None,
    };
    (v, contested)
}

/// The label of a patrol number whose authority is not given.
const UNATTRIBUTED: &str = "(unattributed)";

/// Writes the labels of record `r` under grouping key `g` into `out` (which
/// is cleared first), sorted and without repeats, borrowed from the record;
/// `(none)` when it has none. The period key has no labels.
pub(super) fn labels<'a>(r: &Record<'a>, g: &GroupBy, out: &mut Vec<&'a str>) {
    out.clear();
    match (g, *r) {
        (GroupBy::Period { .. }, _) => return,
        (GroupBy::Participant, _) => {
            out.extend(r.participants().iter().map(|p| p.country.as_str()));
        }
        (GroupBy::Domain, Record::Exercise(e)) => {
            for d in &e.domains {
                out.push(d.as_str());
            }
        }
        (GroupBy::Domain, Record::Patrol(p)) => out.push(patrol_domain(p.kind).as_str()),
        (GroupBy::Domain, Record::Activity(a)) => out.extend(a.domain.map(|d| d.as_str())),
        (GroupBy::Area, _) => out.extend(r.areas().iter().map(String::as_str)),
        (GroupBy::Series, Record::Exercise(e)) => out.extend(e.series.as_deref()),
        (GroupBy::Platform, Record::Patrol(p)) => {
            out.extend(p.platforms.iter().map(|x| x.model.as_str()));
        }
        (GroupBy::Platform, Record::Activity(a)) => {
            out.extend(a.platforms.iter().map(|x| x.model.as_str()));
        }
        (GroupBy::IncidentKind, Record::Incident(i)) => out.push(i.kind.as_str()),
        (GroupBy::Responder, Record::Incident(i)) if i.kind.is_response() => {
            out.extend(i.by.iter().map(|p| p.country.as_str()));
        }
        (GroupBy::Target, Record::Incident(i)) => {
            out.extend(i.against.iter().map(|c| c.as_str()));
        }
        (GroupBy::NumberedBy, Record::Patrol(p)) => {
            out.extend(p.numbering.iter().map(|n| match &n.by {
                Some(c) => c.as_str(),
                None => UNATTRIBUTED,
            }));
        }
        (GroupBy::Joint, _) => out.push(if r.is_joint() {
            "joint"
        } else {
            "single-state"
        }),
        (GroupBy::RecordKind, _) => out.push(r.kind().as_str()),
        _ => {}
    }
    if out.is_empty() {
        out.push("(none)");
    }
    crate::sort::sort(out);
    out.dedup();
}

/// The periods a statistic reports for at granularity `g`, each with the
/// quantity that applies to it.
fn statistic_periods(s: &Statistic, g: &Granularity) -> Result<Vec<(Period, Quantity)>, String> {
    let Some(p) = s.period else {
        return Err("reports a cumulative figure with no period".into());
    };
    match (s.rate, p, g) {
        (Rate::PerYear, Period::Years { start, end }, Granularity::Year) if end >= start => {
            Ok((start..=end)
                .map(|y| (Period::CalendarYear { year: y }, s.quantity))
                .collect())
        }
        (Rate::PerYear, _, _) => Err(format!(
            "reports a per-year rate over {p}, which does not map onto {}",
            describe(g)
        )),
        (Rate::Total, p, g) => {
            let (Some(a), Some(b)) = (p.first_day(), p.last_day()) else {
                return Err("has a malformed period".into());
            };
            match (g.period_of(a), g.period_of(b)) {
                (Some(x), Some(y))
                    if x == y && x.first_day() == Some(a) && x.last_day() == Some(b) =>
                {
                    Ok(vec![(x, s.quantity)])
                }
                _ => Err(format!(
                    "covers {p}, which is not one {} period",
                    describe(g)
                )),
            }
        }
    }
}

fn describe(g: &Granularity) -> &'static str {
    match g {
        Granularity::Year => "calendar-year",
        Granularity::FiscalYear { .. } => "fiscal-year",
        Granularity::Quarter => "quarter",
        Granularity::Month => "month",
    }
}

/// A group while counting, its ids borrowed from the dataset.
#[derive(Default)]
struct Acc<'a> {
    /// The group's period, when grouping by period.
    period: Option<Period>,
    counted: Option<Quantity>,
    n: u64,
    ids: Vec<&'a str>,
    missing: Vec<&'a str>,
    contested: Vec<&'a str>,
    reported: Vec<Figure<'a>>,
}

/// One statistic's figure for a period while counting.
#[derive(Clone, Copy)]
struct Figure<'a> {
    statistic: &'a str,
    quantity: Quantity,
    grading: Option<(Reliability, Credibility)>,
}

/// The reported figure of a point, how it was chosen, and the alternatives
/// when statistics disagree. One rule: the best-graded statistic's figure
/// (an ungraded one ranks last); when the best-graded disagree among
/// themselves, the range spanning their figures. Never the larger silently.
fn resolve(figures: &[Figure<'_>]) -> Option<(Quantity, Option<Resolution>, Vec<ReportedFigure>)> {
    let graded: Vec<_> = figures.iter().map(|f| (f.quantity, f.grading)).collect();
    let (value, how) = choose(&graded)?;
    if how.is_none() {
        return Some((value, None, Vec::new()));
    }
    let alternatives = figures
        .iter()
        .map(|f| ReportedFigure {
            statistic: f.statistic.to_string(),
            quantity: f.quantity,
            reliability: f.grading.map(|g| g.0),
            credibility: f.grading.map(|g| g.1),
        })
        .collect();
    Some((value, how, alternatives))
}

/// The label of a group under a key the query does not have (and of the
/// row that carries a period's reported figures): it sorts first.
const NO_LABEL: u32 = 0;

/// The labels of one grouping key, each numbered once as met (from 1;
/// [`NO_LABEL`] is 0), so that groups are keyed by integers while counting
/// and labels are compared only to number them.
#[derive(Default)]
struct Labels<'a> {
    numbers: BTreeMap<&'a str, u32>,
}

impl<'a> Labels<'a> {
    fn number(&mut self, label: &'a str) -> u32 {
        let next = self.numbers.len() as u32 + 1;
        *self.numbers.entry(label).or_insert(next)
    }

    /// The labels in order, and for each number as met its rank in that
    /// order (from 1; 0 stays 0).
    fn ranked(&self) -> (Vec<&'a str>, Vec<u32>) {
        let mut rank = vec![NO_LABEL; self.numbers.len() + 1];
        let mut sorted = Vec::with_capacity(self.numbers.len());
        for (label, n) in &self.numbers {
            sorted.push(*label);
            rank[*n as usize] = sorted.len() as u32;
        }
        (sorted, rank)
    }
}

/// A group's key while counting: the period's position in time (the month
/// of its first day; `i32::MIN` without a period key) and one label number
/// per other key.
type GroupKey = (i32, u32, u32);

/// Where a period sits in time: the month of its first day, counted from
/// year 0. Every period of a granularity starts on the first of a month, so
/// this orders them as their first days do.
fn position(p: &Period) -> i32 {
    p.first_day().map_or(i32::MIN + 1, |d| {
        i32::from(d.year()) * 12 + i32::from(d.month())
    })
}

/// Ids borrowed while counting, owned in the result.
fn owned(ids: &[&str]) -> Vec<String> {
    if ids.is_empty() {
        return Vec::new(); // most points of a zero-filled series
    }
    ids.iter().map(|id| id.to_string()).collect()
}

/// Computes a series over a dataset.
///
/// # Errors
/// A [`CallError`] with code `bad-grouping` (more than two grouping keys, or
/// two period keys), `invalid-granularity` (a fiscal year starting outside
/// months 1–12) or `window-too-large` (the zero-filled window would hold more
/// than [`MAX_PERIODS`] periods or [`MAX_POINTS`] points).
///
/// # Example
/// ```
/// use jointwatch::analysis::series::{series, SeriesQuery};
/// use jointwatch::CallCode;
/// let q: SeriesQuery = serde_json::from_str(r#"{
///   "filter": {"kinds": ["patrol"]},
///   "groupBy": [{"by": "period", "granularity": {"type": "year"}}]
/// }"#).unwrap();
/// let s = series(&jointwatch::seed(), &q).unwrap();
/// assert!(s.points.iter().all(|p| p.value.is_some_and(|v| v.is_exact())));
///
/// let bad: SeriesQuery = serde_json::from_str(r#"{
///   "groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 13}}]
/// }"#).unwrap();
/// assert_eq!(series(&jointwatch::seed(), &bad).unwrap_err().code, CallCode::InvalidGranularity);
/// ```
pub fn series(ds: &Dataset, q: &SeriesQuery) -> Result<Series, CallError> {
    series_with(ds, q, &SeriesOptions::default())
}

/// Computes a series over a dataset, leaving out what `options` asks to
/// leave out (each point's `ids`).
///
/// # Errors
/// As [`series`].
///
/// # Example
/// ```
/// use jointwatch::analysis::series::{series, series_with, SeriesOptions, SeriesQuery};
/// let q: SeriesQuery = serde_json::from_str(r#"{"filter": {"kinds": ["exercise"]}}"#).unwrap();
/// let seed = jointwatch::seed();
/// let counts = series_with(&seed, &q, &SeriesOptions { ids: false }).unwrap();
/// let full = series(&seed, &q).unwrap();
/// assert!(counts.points[0].ids.is_empty() && full.points[0].ids.len() == 2);
/// assert_eq!(counts.points[0].value, full.points[0].value);
/// ```
pub fn series_with(
    ds: &Dataset,
    q: &SeriesQuery,
    options: &SeriesOptions,
) -> Result<Series, CallError> {
    compute(ds, None, q, options)
}

/// [`series_with`], reading the records' dates, participants and labels
/// from a columnar copy of `ds` made by [`Columns::new`]: the same result,
/// byte for byte, faster when many series are computed over one dataset.
/// When `columns` was made from a dataset with other numbers of records,
/// the series is computed from the records.
///
/// # Errors
/// As [`series`].
///
/// # Example
/// ```
/// use jointwatch::analysis::series::{series_on, series_with, Columns, SeriesOptions, SeriesQuery};
/// let seed = jointwatch::seed();
/// let columns = Columns::new(&seed);
/// let q: SeriesQuery = serde_json::from_str(r#"{"groupBy": [{"by": "domain"}]}"#).unwrap();
/// let o = SeriesOptions { ids: false };
/// assert_eq!(series_on(&seed, &columns, &q, &o), series_with(&seed, &q, &o));
/// ```
pub fn series_on(
    ds: &Dataset,
    columns: &Columns,
    q: &SeriesQuery,
    options: &SeriesOptions,
) -> Result<Series, CallError> {
    compute(ds, Some(columns).filter(|c| c.fits(ds)), q, options)
}

fn compute<'a>(
    ds: &'a Dataset,
    columns: Option<&'a Columns>,
    q: &SeriesQuery,
    options: &SeriesOptions,
) -> Result<Series, CallError> {
    if q.group_by.len() > 2 {
        return Err(bad_grouping("at most two grouping keys"));
    }
    let periods: Vec<&Granularity> = q
        .group_by
        .iter()
        .filter_map(|g| match g {
            GroupBy::Period { granularity } => Some(granularity),
            _ => None,
        })
        .collect();
    if periods.len() > 1 {
        return Err(bad_grouping("at most one period key"));
    }
    let gran = periods.first().copied().copied();
    if let Some(Granularity::FiscalYear { first_month, .. }) = gran {
        if !(1..=12).contains(&first_month) {
            return Err(CallError::new(
                CallCode::InvalidGranularity,
                "a fiscal year must start in a month from 1 to 12",
            ));
        }
    }

    let other_group_by: Vec<&GroupBy> = q
        .group_by
        .iter()
        .filter(|g| !matches!(g, GroupBy::Period { .. }))
        .collect();
    // Statistics are reported figures, not events: they never count as records.
    let kinds: Vec<RecordKind> = if q.filter.kinds.is_empty() {
        vec![RecordKind::Exercise, RecordKind::Patrol]
    } else {
        q.filter
            .kinds
            .iter()
            .copied()
            .filter(|k| *k != RecordKind::Statistic)
            .collect()
    };
    let record_filter = Filter {
        kinds: kinds.clone(),
        ..q.filter.clone()
    };
    let how = Counting {
        ds,
        query: q,
        options,
        filter: &record_filter,
        granularity: gran,
        keys: &other_group_by,
    };
    let Counted {
        mut groups,
        mut unplaced,
        same_event,
        labels: [(first, rank_first), (second, rank_second)],
    } = match columns {
        _ if kinds.is_empty() => Counted::empty(),
        Some(c) => how.count_columns(c),
        None => how.count_records(),
    };
    let mut other_keys: BTreeSet<(u32, u32)> = BTreeSet::new();
    // The label combinations met, read off the groups once rather than
    // inserted for every record (every group so far is a record group).
    for (_, a, b) in groups.keys() {
        other_keys.insert((*a, *b));
    }

    // Reported statistics, only beside counts.
    if let (Some(measure), Aggregate::Count) = (q.reported, q.aggregate) {
        for s in ds.statistics.iter().filter(|s| s.measure == measure) {
            let grading = ds
                .best_grading(&s.sources)
                .map(|g| (g.reliability, g.credibility));
            let subjects: Vec<_> = s.subjects.iter().map(|p| p.country).collect();
            if !s.subjects.is_empty()
                && !q
                    .filter
                    .participants_all
                    .iter()
                    .all(|c| subjects.contains(c))
            {
                continue;
            }
            let Some(g) = gran else {
                unplaced.push(Unplaced {
                    id: s.id.clone(),
                    reason: "statistics are placed only in series grouped by period".into(),
                });
                continue;
            };
            match statistic_periods(s, &g) {
                Err(reason) => unplaced.push(Unplaced {
                    id: s.id.clone(),
                    reason,
                }),
                Ok(list) => {
                    for (p, qty) in list {
                        if !in_window(&q.filter, &p) {
                            continue;
                        }
                        let acc = groups
                            .entry((position(&p), NO_LABEL, NO_LABEL))
                            .or_default();
                        acc.period = Some(p);
                        acc.reported.push(Figure {
                            statistic: &s.id,
                            quantity: qty,
                            grading,
                        });
                    }
                }
            }
        }
    }

    // Zero-fill along the period dimension: the periods of the window here,
    // merged with the groups in order below (each label combination met,
    // in every period of the window).
    let mut window: Vec<Period> = Vec::new();
    if let Some(g) = gran {
        if other_keys.is_empty() {
            other_keys.insert((NO_LABEL, NO_LABEL));
        }
        // The groups are ordered by their period's position, which orders
        // periods as their first days do: the first and last with a period
        // are the earliest and latest.
        let start = q
            .filter
            .from
            .and_then(|d| g.period_of(d.first_day()))
            .or_else(|| groups.values().find_map(|a| a.period));
        let end = q
            .filter
            .to
            .and_then(|d| g.period_of(d.last_day()))
            .or_else(|| groups.values().rev().find_map(|a| a.period));
        if let (Some(start), Some(end)) = (start, end) {
            // Count the periods first, so an oversized window is refused before anything is built.
            let mut periods = Vec::new();
            let mut p = start;
            while p.first_day() <= end.first_day() {
                periods.push(p);
                if periods.len() > MAX_PERIODS {
                    return Err(window_too_large(periods.len()));
                }
                match g.next(&p) {
                    Some(next) => p = next,
                    None => break,
                }
            }
            if periods.len().saturating_mul(other_keys.len()) > MAX_POINTS {
                return Err(window_too_large(periods.len()));
            }
            window = periods;
        }
    }

    // The groups in the order of their labels: numbers as met become ranks.
    // Inserted one by one rather than collected: collecting into a map sorts
    // first, which would compile one more copy of the standard sort.
    let identity = |rank: &[u32]| rank.iter().enumerate().all(|(i, r)| *r as usize == i);
    let ranked = if identity(&rank_first) && identity(&rank_second) {
        groups // numbered by rank already (counted from columns)
    } else {
        let mut ranked: BTreeMap<GroupKey, Acc<'_>> = BTreeMap::new();
        for ((at, a, b), acc) in groups {
            ranked.insert((at, rank_first[a as usize], rank_second[b as usize]), acc);
        }
        ranked
    };
    let mut keys = BTreeSet::new();
    for (a, b) in &other_keys {
        keys.insert((rank_first[*a as usize], rank_second[*b as usize]));
    }
    // Every group in order, with its period, and an empty group for each
    // cell of the window (period × label combination) that has none.
    let none = Acc::default();
    let mut order: Vec<(GroupKey, &Acc<'_>, Option<Period>)> =
        Vec::with_capacity(ranked.len() + window.len() * keys.len());
    let mut met = ranked.iter().peekable();
    for p in window {
        let at = position(&p);
        for (a, b) in &keys {
            let cell = (at, *a, *b);
            while let Some((k, acc)) = met.next_if(|(k, _)| **k < cell) {
                order.push((*k, acc, acc.period));
            }
            let acc = met
                .next_if(|(k, _)| **k == cell)
                .map_or(&none, |(_, acc)| acc);
            order.push((cell, acc, Some(p)));
        }
    }
    order.extend(met.map(|(k, acc)| (*k, acc, acc.period)));
    // Reported figures sit on the period; share them with every key of that period.
    let mut reported: BTreeMap<i32, &[Figure<'_>]> = BTreeMap::new();
    for ((at, a, b), acc) in &ranked {
        if (*a, *b) == (NO_LABEL, NO_LABEL) && !acc.reported.is_empty() {
            reported.insert(*at, &acc.reported);
        }
    }
    let has_other_keys = !other_group_by.is_empty();
    // Records count only when the query names a record kind; otherwise the
    // measure is one only statistics report, and a period without a report
    // is missing, not zero.
    let counts_records = !kinds.is_empty();

    let mut points = Vec::with_capacity(order.len());
    // A period's name and the coverage of its span, worked out once for
    // the points of that period (consecutive in `order`).
    let mut last: Option<(Option<Period>, Option<String>, Option<String>)> = None;
    for &((at, a, b), acc, p) in &order {
        if has_other_keys && (a, b) == (NO_LABEL, NO_LABEL) {
            continue; // the bare period row only carried the reported figure
        }
        let counted = match q.aggregate {
            Aggregate::Count => Quantity::Exact(acc.n as f64),
            _ => match (acc.counted, acc.missing.is_empty()) {
                (Some(c), true) => c,
                (Some(c), false) => Quantity::AtLeast(c.low()),
                (None, true) => Quantity::Exact(0.0),
                (None, false) => Quantity::AtLeast(0.0),
            },
        };
        let counted = counts_records.then_some(counted);
        let figures = match p.and_then(|_| reported.get(&at)) {
            Some(figures) if !has_other_keys => *figures,
            _ => &[],
        };
        let (rep, resolution, alternatives) = match resolve(figures) {
            Some((r, how, alt)) => (Some(r), how, alt),
            None => (None, None, Vec::new()),
        };
        let rep_by: Vec<String> = figures.iter().map(|f| f.statistic.to_string()).collect();
        if last.as_ref().is_some_and(|(q, ..)| *q != p) {
            last = None;
        }
        let (_, name, covered_by) = last.get_or_insert_with(|| {
            // The span the count covers: the period, else the filter's window.
            let span = match p {
                Some(p) => p.first_day().zip(p.last_day()),
                None => q
                    .filter
                    .from
                    .zip(q.filter.to)
                    .map(|(a, b)| (a.first_day(), b.last_day())),
            };
            let covered_by = match (counts_records, span) {
                (true, Some((first, last))) => ds
                    .coverage_for(&record_filter, first, last)
                    .map(|c| c.id.clone()),
                _ => None,
            };
            (p, p.map(|p| p.to_string()), covered_by)
        });
        let covered_by = covered_by.clone();
        let (value, basis, status) = match (rep, counted) {
            (Some(r), _) if acc.n > 0 => (Some(r), Basis::Both, PointStatus::Observed),
            (Some(r), _) => (Some(r), Basis::Reported, PointStatus::Observed),
            (None, Some(c)) if q.assume_complete || covered_by.is_some() => {
                (Some(c), Basis::Counted, PointStatus::Observed)
            }
            (None, Some(c)) => (Some(c), Basis::Counted, PointStatus::Uncovered),
            (None, None) => (None, Basis::None, PointStatus::Missing),
        };
        let mut key = Vec::with_capacity(2);
        key.extend(name.clone());
        for (list, rank) in [(&first, a), (&second, b)] {
            if rank != NO_LABEL {
                key.push(list[rank as usize - 1].to_string());
            }
        }
        points.push(SeriesPoint {
            key,
            period: p,
            counted,
            reported: rep,
            value,
            basis,
            status,
            covered_by,
            ids: owned(&acc.ids),
            reported_by: rep_by,
            missing: owned(&acc.missing),
            contested: owned(&acc.contested),
            alternatives,
            resolution,
        });
    }
    Ok(Series {
        points,
        unplaced,
        same_event,
    })
}

/// What counting the records of a series leaves for the rest of it.
struct Counted<'a> {
    /// The groups met, keyed by period position and label numbers.
    groups: BTreeMap<GroupKey, Acc<'a>>,
    unplaced: Vec<Unplaced>,
    same_event: Vec<SameEvent>,
    /// For each key other than the period: its labels in order, and for
    /// each label number in `groups` its rank in that order (from 1; 0
    /// stays 0).
    labels: [(Vec<&'a str>, Vec<u32>); 2],
}

impl Counted<'_> {
    /// No group, and no label (the rank of [`NO_LABEL`] is itself).
    fn empty() -> Self {
        Counted {
            groups: BTreeMap::new(),
            unplaced: Vec::new(),
            same_event: Vec::new(),
            labels: [(Vec::new(), vec![NO_LABEL]), (Vec::new(), vec![NO_LABEL])],
        }
    }
}

/// How a series counts its records: the query, with what it implies.
struct Counting<'q, 'a> {
    ds: &'a Dataset,
    query: &'q SeriesQuery,
    options: &'q SeriesOptions,
    /// The query's filter, with the kinds of record it counts.
    filter: &'q Filter,
    granularity: Option<Granularity>,
    /// The grouping keys other than the period.
    keys: &'q [&'q GroupBy],
}

impl<'a> Counting<'_, 'a> {
    /// Counts record `r` in the group `acc`.
    fn add(&self, acc: &mut Acc<'a>, r: &Record<'a>) {
        acc.n += 1;
        if self.options.ids {
            acc.ids.push(r.id());
        }
        let aggregate = self.query.aggregate;
        if let Aggregate::Sum { field } | Aggregate::Max { field } = aggregate {
            let (value, contested) = field_value(self.ds, r, field);
            if contested {
                acc.contested.push(r.id());
            }
            match value {
                None => acc.missing.push(r.id()),
                Some(v) => {
                    acc.counted = Some(match (acc.counted, aggregate) {
                        (None, _) => v,
                        (Some(c), Aggregate::Sum { .. }) => c.add(&v),
                        (Some(c), _) => c.max(&v),
                    })
                }
            }
        }
    }

    /// Why no period of granularity `g` holds record `r`.
    fn reason(&self, r: &Record<'_>, g: &Granularity) -> String {
        match r.start() {
            None => "has no date".to_string(),
            Some(d) => format!(
                "starts {d}, which spans more than one {} period",
                describe(g)
            ),
        }
    }

    /// Counts from the records themselves.
    fn count_records(&self) -> Counted<'a> {
        let ds = self.ds;
        let mut out = Counted::empty();
        let mut numbers: [Labels<'a>; 2] = Default::default();
        // One buffer of label numbers per key, reused from record to record.
        let mut label_lists: [Vec<u32>; 2] = [vec![NO_LABEL], vec![NO_LABEL]];
        let mut buffer = Vec::new();
        let events = self.filter.select_events(ds);
        out.same_event = events
            .same_event
            .iter()
            .map(|(r, first)| SameEvent {
                id: r.id().to_string(),
                counted_as: first.to_string(),
            })
            .collect();
        for r in events.counted {
            let period = match self.granularity {
                None => None,
                Some(g) => match r.start().and_then(|d| period_of_fuzzy(&g, &d)) {
                    Some(p) => Some(p),
                    None => {
                        out.unplaced.push(Unplaced {
                            id: r.id().to_string(),
                            reason: self.reason(&r, &g),
                        });
                        continue;
                    }
                },
            };
            for ((g, list), numbers) in self
                .keys
                .iter()
                .zip(label_lists.iter_mut())
                .zip(numbers.iter_mut())
            {
                labels(&r, g, &mut buffer);
                list.clear();
                list.extend(buffer.iter().map(|l| numbers.number(l)));
            }
            let at = period.as_ref().map_or(i32::MIN, position);
            let [first, second] = &label_lists;
            for a in first {
                for b in second {
                    let acc = out.groups.entry((at, *a, *b)).or_default();
                    acc.period = period;
                    self.add(acc, &r);
                }
            }
        }
        out.labels = [numbers[0].ranked(), numbers[1].ranked()];
        out
    }

    /// Counts from a columnar copy of the records: the same groups, with
    /// labels numbered by their rank among all the labels of the dataset.
    fn count_columns(&self, c: &'a Columns) -> Counted<'a> {
        let ds = self.ds;
        let f = self.filter;
        let mut out = Counted::empty();
        let kinds = f.kinds.iter().fold(0u8, |m, k| m | columns::kind_bit(*k));
        // Participants, domains and areas aside, the other conditions are
        // tested on the record itself.
        let simple = f.domains.is_empty()
            && f.areas.is_empty()
            && f.tags.is_empty()
            && f.min_reliability.is_none()
            && f.min_credibility.is_none()
            && f.incident_kinds.is_empty()
            && f.by.is_empty()
            && f.against.is_empty()
            && f.numbered_by.is_empty();
        let sources = f.sources_for(ds);
        // A state no record has matches nothing.
        let any: Vec<u16> = f
            .participants_any
            .iter()
            .filter_map(|x| c.country(x))
            .collect();
        let all: Option<Vec<u16>> = f.participants_all.iter().map(|x| c.country(x)).collect();
        let Some(all) = all else {
            return self.labelled(c, out);
        };
        if !f.participants_any.is_empty() && any.is_empty() {
            return self.labelled(c, out);
        }
        let from = f.from.map_or(i32::MIN, |d| columns::day(d.first_day()));
        let to = f.to.map_or(i32::MAX, |d| columns::day(d.last_day()));
        let dated = f.from.is_some() || f.to.is_some();
        let min_states = f.min_participants.map_or(0, |n| n as usize);
        let label_columns: Vec<&columns::LabelColumn> =
            self.keys.iter().map(|g| c.labels(ds, g)).collect();
        // The id counted for each `sameEvent` group, by its first record's position.
        let mut seen: Vec<Option<&'a str>> = Vec::new();
        if !c.event_group.is_empty() {
            seen.resize(c.counts.iter().sum(), None);
        }
        let mut groups = Groups::new(c, self.granularity.as_ref(), &label_columns);
        // The participants asked for, by position among the countries.
        let mut wanted = vec![false; c.countries.len()];
        for s in &any {
            wanted[usize::from(*s)] = true;
        }
        // Why a record is unplaced depends only on its start's first and
        // last months (only a year-only start can straddle two periods, all
        // of which start on the first of a month; an undated one has
        // neither): each reason is written once.
        let mut reasons: Vec<((i32, i32), String)> = Vec::new();
        // Each row's label numbers: positions among the key's labels, from 1.
        let mut lists: [Vec<u32>; 2] = [vec![NO_LABEL], vec![NO_LABEL]];
        for (i, row) in c.rows.iter().enumerate() {
            if row.kind & kinds == 0 {
                continue;
            }
            if dated && (row.last < from || row.first > to) {
                continue;
            }
            let states = c.states_of(row);
            if !any.is_empty()
                && !states
                    .iter()
                    .any(|s| wanted.get(usize::from(*s)) == Some(&true))
            {
                continue;
            }
            if !all.iter().all(|s| states.contains(s)) || states.len() < min_states {
                continue;
            }
            if f.joint.is_some_and(|j| j != (states.len() >= 2)) {
                continue;
            }
            let r = c.record(ds, row);
            if !simple && !f.matches_with(&sources, &r) {
                continue;
            }
            if let Some(first) = c.event_group.get(i).and_then(|g| seen.get_mut(*g as usize)) {
                match first {
                    Some(first) => {
                        out.same_event.push(SameEvent {
                            id: r.id().to_string(),
                            counted_as: first.to_string(),
                        });
                        continue;
                    }
                    None => *first = Some(r.id()),
                }
            }
            let at = match &self.granularity {
                None => i32::MIN,
                Some(g) => {
                    let a = start_month(g, row.start_first);
                    if row.start_first == i32::MIN || a != start_month(g, row.start_last) {
                        let months = (row.start_first, row.start_last);
                        let reason = match reasons.iter().find(|(m, _)| *m == months) {
                            Some((_, reason)) => reason.clone(),
                            None => {
                                let reason = self.reason(&r, g);
                                reasons.push((months, reason.clone()));
                                reason
                            }
                        };
                        out.unplaced.push(Unplaced {
                            id: r.id().to_string(),
                            reason,
                        });
                        continue;
                    }
                    a + 1
                }
            };
            for (list, column) in lists.iter_mut().zip(&label_columns) {
                list.clear();
                list.extend(column.row(i).iter().map(|l| l + 1));
            }
            let [first, second] = &lists;
            for a in first {
                for b in second {
                    let acc = groups.get(at, *a, *b, || {
                        self.granularity
                            .and_then(|g| r.start().and_then(|d| period_of_fuzzy(&g, &d)))
                    });
                    self.add(acc, &r);
                }
            }
        }
        out.groups = groups.into_map();
        self.labelled(c, out)
    }

    /// Sets the labels of groups counted from columns: every label of each
    /// key, numbered by rank.
    fn labelled(&self, c: &'a Columns, mut out: Counted<'a>) -> Counted<'a> {
        for (slot, g) in out.labels.iter_mut().zip(self.keys) {
            let names = &c.labels(self.ds, g).names;
            *slot = (
                names.iter().map(String::as_str).collect(),
                (0..=names.len() as u32).collect(),
            );
        }
        out
    }
}

/// The first month ([`columns::month_of`]) of the period of granularity
/// `g` holding month `m`; `i32::MIN` for `i32::MIN` (no start).
fn start_month(g: &Granularity, m: i32) -> i32 {
    if m == i32::MIN {
        return m;
    }
    let (year, month) = (m.div_euclid(12), m.rem_euclid(12));
    match *g {
        Granularity::Year => year * 12,
        Granularity::Quarter => year * 12 + month / 3 * 3,
        Granularity::Month => m,
        Granularity::FiscalYear { first_month, .. } => {
            let first = i32::from(first_month) - 1;
            if month >= first {
                year * 12 + first
            } else {
                (year - 1) * 12 + first
            }
        }
    }
}

/// The groups of a series counted from columns: in a table indexed by
/// period and labels when it is small enough, else in a map.
struct Groups<'a> {
    /// For each cell, the group's position in `list` plus one (0: none).
    table: Vec<u32>,
    /// The least period position, and the number of labels of each key
    /// plus one.
    origin: i32,
    sizes: (usize, usize),
    list: Vec<(GroupKey, Acc<'a>)>,
    map: BTreeMap<GroupKey, Acc<'a>>,
}

/// The most cells a table of groups may have (4 bytes each).
const MAX_TABLE: usize = 1 << 18;

impl<'a> Groups<'a> {
    fn new(c: &Columns, g: Option<&Granularity>, keys: &[&columns::LabelColumn]) -> Groups<'a> {
        let sizes = (
            keys.first().map_or(1, |k| k.names.len() + 1),
            keys.get(1).map_or(1, |k| k.names.len() + 1),
        );
        // Period positions lie within a year before the earliest start month.
        let (origin, periods) = match g {
            None => (i32::MIN, 1),
            Some(_) if c.months.0 > c.months.1 => (0, 0),
            Some(_) => (c.months.0 - 12 + 1, (c.months.1 - c.months.0 + 13) as usize),
        };
        let cells = periods.saturating_mul(sizes.0).saturating_mul(sizes.1);
        Groups {
            table: if cells <= MAX_TABLE {
                vec![0; cells]
            } else {
                Vec::new()
            },
            origin,
            sizes,
            list: Vec::new(),
            map: BTreeMap::new(),
        }
    }

    /// The group of period position `at` and labels `a`, `b`, made with
    /// the period `period()` when new.
    fn get(
        &mut self,
        at: i32,
        a: u32,
        b: u32,
        period: impl FnOnce() -> Option<Period>,
    ) -> &mut Acc<'a> {
        let p = if at == i32::MIN {
            Some(0)
        } else {
            at.checked_sub(self.origin)
                .and_then(|p| usize::try_from(p).ok())
        };
        let cell = p
            .and_then(|p| p.checked_mul(self.sizes.0 * self.sizes.1))
            .map(|p| p + a as usize * self.sizes.1 + b as usize);
        // Outside the table (or without one), in the map.
        let Some(&slot) = cell.and_then(|cell| self.table.get(cell)) else {
            let acc = self.map.entry((at, a, b)).or_default();
            if acc.n == 0 {
                acc.period = period();
            }
            return acc;
        };
        let k = if slot == 0 {
            self.list.push((
                (at, a, b),
                Acc {
                    period: period(),
                    ..Acc::default()
                },
            ));
            if let Some(cell) = cell.and_then(|cell| self.table.get_mut(cell)) {
                *cell = self.list.len() as u32;
            }
            self.list.len() - 1
        } else {
            slot as usize - 1
        };
        &mut self.list[k].1
    }

    fn into_map(self) -> BTreeMap<GroupKey, Acc<'a>> {
        let mut map = self.map;
        for (k, acc) in self.list {
            map.insert(k, acc);
        }
        map
    }
}

fn bad_grouping(why: &str) -> CallError {
    CallError::new(CallCode::BadGrouping, why)
}

fn window_too_large(periods: usize) -> CallError {
    CallError::new(
        CallCode::WindowTooLarge,
        format!(
            "the window holds more than {MAX_PERIODS} periods, or more than {MAX_POINTS} points across the other keys ({periods} periods or more)"
        ),
    )
}

fn in_window(f: &Filter, p: &Period) -> bool {
    let (Some(a), Some(b)) = (p.first_day(), p.last_day()) else {
        return false;
    };
    f.from.is_none_or(|d| b >= d.first_day()) && f.to.is_none_or(|d| a <= d.last_day())
}
