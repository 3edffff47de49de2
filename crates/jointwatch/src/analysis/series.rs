//! Grouped, zero-filled series: counts, sums and maxima of records by
//! period, participant, domain, area, series or platform, set beside the
//! figures that statistics report for the same periods.
//!
//! An event is placed in the period that contains its start date. When the
//! start is known only to a year or a month and that span straddles two
//! periods (a "2024" exercise grouped by Japanese fiscal year), the record
//! is not guessed into either: it is listed in [`Series::unplaced`].

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize};

use crate::analysis::trend;
use crate::dataset::Dataset;
use crate::model::date::FuzzyDate;
use crate::model::de::{tag_enum, Tagged};
use crate::model::period::{Granularity, Period};
use crate::model::quantity::Quantity;
use crate::model::record::{patrol_domain, Filter, Record, RecordKind};
use crate::model::statistic::{Measure, Rate, Statistic};

/// The most periods a zero-filled series may hold.
pub const MAX_PERIODS: usize = 100_000;

/// The most points (periods × other keys) a zero-filled series may hold, so
/// that a long window grouped by a second key cannot exhaust memory.
pub const MAX_POINTS: usize = 1_000_000;

/// One grouping key.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(
    tag = "by",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum GroupBy {
    /// By period (calendar year, fiscal year, quarter, month).
    Period {
        /// How to cut time.
        granularity: Granularity,
    },
    /// By participating state (a record counts once for each).
    Participant,
    /// By domain.
    Domain,
    /// By area id.
    Area,
    /// By exercise series.
    Series,
    /// By platform model (patrols).
    Platform,
}

/// A figure of a record that can be summed or maximised.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    /// Exercise warships.
    Ships,
    /// Exercise submarines.
    Submarines,
    /// Exercise aircraft.
    Aircraft,
    /// Exercise personnel.
    Personnel,
    /// Patrol platforms (the sum of platform counts).
    Platforms,
}

/// What to compute for each group.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(tag = "op", rename_all = "camelCase", deny_unknown_fields)]
pub enum Aggregate {
    /// How many records.
    #[default]
    Count,
    /// The sum of a figure, bounds carried through.
    Sum {
        /// Which figure.
        field: Field,
    },
    /// The largest value of a figure, bounds carried through.
    Max {
        /// Which figure.
        field: Field,
    },
}

tag_enum! {
    /// The `by` of a [`GroupBy`].
    enum GroupByType {
        Period = "period",
        Participant = "participant",
        Domain = "domain",
        Area = "area",
        Series = "series",
        Platform = "platform",
    }
}

/// Every field a [`GroupBy`] object may have, read flat so that an error in
/// any of them keeps its path and position.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct GroupByFields {
    by: GroupByType,
    #[serde(default, deserialize_with = "crate::model::de::present")]
    granularity: Option<Granularity>,
}

impl<'de> Deserialize<'de> for GroupBy {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = GroupByFields::deserialize(d)?;
        let t = Tagged {
            tag: "by",
            name: f.by.name(),
        };
        let present = [("granularity", f.granularity.is_some())];
        let plain = |g: GroupBy| t.allow(&present, &[]).map(|()| g);
        match f.by {
            GroupByType::Period => {
                t.allow(&present, &["granularity"])?;
                Ok(GroupBy::Period {
                    granularity: t.require("granularity", f.granularity)?,
                })
            }
            GroupByType::Participant => plain(GroupBy::Participant),
            GroupByType::Domain => plain(GroupBy::Domain),
            GroupByType::Area => plain(GroupBy::Area),
            GroupByType::Series => plain(GroupBy::Series),
            GroupByType::Platform => plain(GroupBy::Platform),
        }
    }
}

tag_enum! {
    /// The `op` of an [`Aggregate`].
    enum AggregateOp {
        Count = "count",
        Sum = "sum",
        Max = "max",
    }
}

/// Every field an [`Aggregate`] object may have.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AggregateFields {
    op: AggregateOp,
    #[serde(default, deserialize_with = "crate::model::de::present")]
    field: Option<Field>,
}

impl<'de> Deserialize<'de> for Aggregate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = AggregateFields::deserialize(d)?;
        let t = Tagged {
            tag: "op",
            name: f.op.name(),
        };
        let present = [("field", f.field.is_some())];
        Ok(match f.op {
            AggregateOp::Count => {
                t.allow(&present, &[])?;
                Aggregate::Count
            }
            AggregateOp::Sum => {
                t.allow(&present, &["field"])?;
                Aggregate::Sum {
                    field: t.require("field", f.field)?,
                }
            }
            AggregateOp::Max => {
                t.allow(&present, &["field"])?;
                Aggregate::Max {
                    field: t.require("field", f.field)?,
                }
            }
        })
    }
}

/// A series to compute.
///
/// # Example
/// ```
/// use jointwatch::analysis::series::{series, SeriesQuery};
/// let q: SeriesQuery = serde_json::from_str(r#"{
///   "filter": {"kinds": ["exercise"], "participantsAll": ["CHN", "RUS"], "from": "2014", "to": "2024"},
///   "groupBy": [{"by": "period", "granularity": {"type": "year"}}],
///   "reported": "jointExercises"
/// }"#).unwrap();
/// let s = series(&jointwatch::seed(), &q).unwrap();
/// assert_eq!(s.points.len(), 11); // 2014..=2024, zero-filled
/// assert_eq!(s.points[0].value.to_string(), "4–10"); // reported, not counted
/// assert_eq!(s.points[10].counted.to_string(), "2");  // 2024: two exercises held
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SeriesQuery {
    /// Which records count. Its `from`/`to` also set the zero-fill window.
    #[serde(default)]
    pub filter: Filter,
    /// Grouping keys, outermost first (at most two).
    #[serde(default)]
    pub group_by: Vec<GroupBy>,
    /// What to compute per group.
    #[serde(default)]
    pub aggregate: Aggregate,
    /// Set reported statistics of this measure beside the counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<Measure>,
}

/// Where a point's value comes from.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Basis {
    /// Counted from the records held (zero when none matched).
    Counted,
    /// Reported by a statistic; no record was counted.
    Reported,
    /// Reported by a statistic, with records counted too.
    Both,
}

/// One group of a series.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SeriesPoint {
    /// One label per grouping key ("2024", "FY2023", "CHN", "naval").
    pub key: Vec<String>,
    /// The period, when grouping by period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The figure computed from the records held.
    pub counted: Quantity,
    /// The figure a statistic reports for the same period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<Quantity>,
    /// The figure to show: the reported one where there is one, else the counted one.
    pub value: Quantity,
    /// Where `value` comes from.
    pub basis: Basis,
    /// Ids of the records counted.
    pub ids: Vec<String>,
    /// Ids of the statistics that report for this point.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported_by: Vec<String>,
    /// Ids of matching records that lack the figure being summed (the sum is then a lower bound).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

/// A record or statistic that could not be placed in a group, and why.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Unplaced {
    /// The record's id.
    pub id: String,
    /// Why it was left out.
    pub reason: String,
}

/// A computed series.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Series {
    /// The groups, ordered by key (periods in time order).
    pub points: Vec<SeriesPoint>,
    /// What could not be placed.
    pub unplaced: Vec<Unplaced>,
}

/// Why a series could not be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// More than two grouping keys, or two period keys.
    BadGrouping(String),
    /// A fiscal year with a first month outside 1–12.
    InvalidGranularity,
    /// The zero-filled window would exceed [`MAX_PERIODS`] periods or [`MAX_POINTS`] points.
    WindowTooLarge(usize),
}

impl QueryError {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            QueryError::BadGrouping(_) => "bad-grouping",
            QueryError::InvalidGranularity => "invalid-granularity",
            QueryError::WindowTooLarge(_) => "window-too-large",
        }
    }
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryError::BadGrouping(m) => write!(f, "{m}"),
            QueryError::InvalidGranularity => {
                f.write_str("a fiscal year must start in a month from 1 to 12")
            }
            QueryError::WindowTooLarge(n) => write!(
                f,
                "the window holds more than {MAX_PERIODS} periods, or more than {MAX_POINTS} points across the other keys ({n} periods or more)"
            ),
        }
    }
}

impl std::error::Error for QueryError {}

/// The single period of `g` that wholly contains the fuzzy date, if any.
pub fn period_of_fuzzy(g: &Granularity, d: &FuzzyDate) -> Option<Period> {
    let a = g.period_of(d.first_day())?;
    let b = g.period_of(d.last_day())?;
    (a == b).then_some(a)
}

fn field_value(r: &Record<'_>, field: Field) -> Option<Quantity> {
    match (r, field) {
        (Record::Exercise(e), Field::Ships) => e.forces.ships,
        (Record::Exercise(e), Field::Submarines) => e.forces.submarines,
        (Record::Exercise(e), Field::Aircraft) => e.forces.aircraft,
        (Record::Exercise(e), Field::Personnel) => e.forces.personnel,
        (Record::Patrol(p), Field::Platforms) => {
            if p.platforms.is_empty() || p.platforms.iter().any(|x| x.count.is_none()) {
                None
            } else {
                Some(Quantity::sum(
                    p.platforms.iter().filter_map(|x| x.count.as_ref()),
                ))
            }
        }
        _ => None,
    }
}

/// Writes the labels of record `r` under grouping key `g` into `out` (which
/// is cleared first), sorted and without repeats, borrowed from the record;
/// `(none)` when it has none. The period key has no labels.
fn labels<'a>(r: &Record<'a>, g: &GroupBy, out: &mut Vec<&'a str>) {
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
        (GroupBy::Area, _) => out.extend(r.areas().iter().map(String::as_str)),
        (GroupBy::Series, Record::Exercise(e)) => out.extend(e.series.as_deref()),
        (GroupBy::Platform, Record::Patrol(p)) => {
            out.extend(p.platforms.iter().map(|x| x.model.as_str()));
        }
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
    counted: Option<Quantity>,
    n: u64,
    ids: Vec<&'a str>,
    missing: Vec<&'a str>,
    reported: Option<Quantity>,
    reported_by: Vec<&'a str>,
}

/// The labels of a group under the keys other than the period, borrowed from
/// the dataset: one slot per key, `None` where the query has no such key.
/// Every record group of one query fills the same slots, so groups sort by
/// their labels; the row of a period's reported figure has none filled.
type Labels<'a> = [Option<&'a str>; 2];

/// Ids borrowed while counting, owned in the result.
fn owned(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| id.to_string()).collect()
}

/// Computes a series over a dataset.
pub fn series(ds: &Dataset, q: &SeriesQuery) -> Result<Series, QueryError> {
    if q.group_by.len() > 2 {
        return Err(QueryError::BadGrouping("at most two grouping keys".into()));
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
        return Err(QueryError::BadGrouping("at most one period key".into()));
    }
    let gran = periods.first().copied().copied();
    if let Some(Granularity::FiscalYear { first_month, .. }) = gran {
        if !(1..=12).contains(&first_month) {
            return Err(QueryError::InvalidGranularity);
        }
    }

    let mut unplaced = Vec::new();
    let mut groups: BTreeMap<(Option<PeriodKey>, Labels<'_>), Acc<'_>> = BTreeMap::new();
    let mut other_keys: BTreeSet<Labels<'_>> = BTreeSet::new();
    let other_group_by: Vec<&GroupBy> = q
        .group_by
        .iter()
        .filter(|g| !matches!(g, GroupBy::Period { .. }))
        .collect();
    // One label buffer per key, reused from record to record.
    let mut label_lists: [Vec<Option<&str>>; 2] = [vec![None], vec![None]];
    let mut buffer = Vec::new();

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
    let records = if kinds.is_empty() {
        Vec::new()
    } else {
        record_filter.select(ds)
    };
    for r in records {
        let period = match gran {
            None => None,
            Some(g) => match r.start().and_then(|d| period_of_fuzzy(&g, &d)) {
                Some(p) => Some(p),
                None => {
                    let reason = match r.start() {
                        None => "has no date".to_string(),
                        Some(d) => format!(
                            "starts {d}, which spans more than one {} period",
                            describe(&g)
                        ),
                    };
                    unplaced.push(Unplaced {
                        id: r.id().to_string(),
                        reason,
                    });
                    continue;
                }
            },
        };
        for (g, list) in other_group_by.iter().zip(label_lists.iter_mut()) {
            labels(&r, g, &mut buffer);
            list.clear();
            list.extend(buffer.iter().map(|l| Some(*l)));
        }
        let period = period.map(PeriodKey::new);
        let [first, second] = &label_lists;
        for key in first
            .iter()
            .flat_map(|a| second.iter().map(move |b| [*a, *b]))
        {
            other_keys.insert(key);
            let acc = groups.entry((period, key)).or_default();
            acc.n += 1;
            acc.ids.push(r.id());
            match q.aggregate {
                Aggregate::Count => {}
                Aggregate::Sum { field } | Aggregate::Max { field } => match field_value(&r, field)
                {
                    None => acc.missing.push(r.id()),
                    Some(v) => {
                        acc.counted = Some(match (acc.counted, q.aggregate) {
                            (None, _) => v,
                            (Some(c), Aggregate::Sum { .. }) => c.add(&v),
                            (Some(c), _) => c.max(&v),
                        })
                    }
                },
            }
        }
    }

    // Reported statistics, only beside counts.
    if let (Some(measure), Aggregate::Count) = (q.reported, q.aggregate) {
        for s in ds.statistics.iter().filter(|s| s.measure == measure) {
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
                            .entry((Some(PeriodKey::new(p)), [None, None]))
                            .or_default();
                        acc.reported = Some(match acc.reported {
                            None => qty,
                            Some(prev) => prev.max(&qty),
                        });
                        acc.reported_by.push(&s.id);
                    }
                }
            }
        }
    }

    // Zero-fill along the period dimension.
    if let Some(g) = gran {
        if other_keys.is_empty() {
            other_keys.insert([None, None]);
        }
        let known: Vec<Period> = groups
            .keys()
            .filter_map(|(p, _)| p.map(|x| x.period))
            .collect();
        let start = q
            .filter
            .from
            .and_then(|d| g.period_of(d.first_day()))
            .or_else(|| known.iter().min_by_key(|p| p.first_day()).copied());
        let end = q
            .filter
            .to
            .and_then(|d| g.period_of(d.last_day()))
            .or_else(|| known.iter().max_by_key(|p| p.first_day()).copied());
        if let (Some(start), Some(end)) = (start, end) {
            // Count the periods first, so an oversized window is refused before anything is built.
            let mut periods = Vec::new();
            let mut p = start;
            while p.first_day() <= end.first_day() {
                periods.push(p);
                if periods.len() > MAX_PERIODS {
                    return Err(QueryError::WindowTooLarge(periods.len()));
                }
                match g.next(&p) {
                    Some(next) => p = next,
                    None => break,
                }
            }
            if periods.len().saturating_mul(other_keys.len()) > MAX_POINTS {
                return Err(QueryError::WindowTooLarge(periods.len()));
            }
            for p in periods {
                let p = PeriodKey::new(p);
                for k in &other_keys {
                    groups.entry((Some(p), *k)).or_default();
                }
            }
        }
    }

    // Reported figures sit on the period; share them with every key of that period.
    // Inserted one by one rather than collected: collecting into a map sorts
    // first, which would compile one more copy of the standard sort.
    let mut reported: BTreeMap<PeriodKey, (Quantity, &[&str])> = BTreeMap::new();
    for ((p, k), a) in &groups {
        if let (Some(p), [None, None], Some(r)) = (p, k, a.reported) {
            reported.insert(*p, (r, &a.reported_by));
        }
    }
    let has_other_keys = !other_group_by.is_empty();

    let mut points = Vec::new();
    for ((p, key), acc) in &groups {
        if has_other_keys && key == &[None, None] {
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
        let (rep, rep_by) = match p.and_then(|p| reported.get(&p)) {
            Some((r, by)) if !has_other_keys => (Some(*r), owned(by)),
            _ => (None, Vec::new()),
        };
        let (value, basis) = match rep {
            Some(r) if acc.n > 0 => (r, Basis::Both),
            Some(r) => (r, Basis::Reported),
            None => (counted, Basis::Counted),
        };
        let mut label = Vec::new();
        if let Some(p) = p {
            label.push(p.period.to_string());
        }
        label.extend(key.iter().flatten().map(|l| l.to_string()));
        points.push(SeriesPoint {
            key: label,
            period: p.map(|x| x.period),
            counted,
            reported: rep,
            value,
            basis,
            ids: owned(&acc.ids),
            reported_by: rep_by,
            missing: owned(&acc.missing),
        });
    }
    Ok(Series { points, unplaced })
}

fn in_window(f: &Filter, p: &Period) -> bool {
    let (Some(a), Some(b)) = (p.first_day(), p.last_day()) else {
        return false;
    };
    f.from.is_none_or(|d| b >= d.first_day()) && f.to.is_none_or(|d| a <= d.last_day())
}

/// Orders periods by their first day, worked out once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct PeriodKey {
    first_day: Option<Date>,
    period: Period,
}

impl PeriodKey {
    fn new(period: Period) -> PeriodKey {
        PeriodKey {
            first_day: period.first_day(),
            period,
        }
    }
}

/// Minimum, maximum, mean and median of a series' values, carrying bounds.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SeriesSummary {
    /// Number of points.
    pub n: usize,
    /// The smallest lower bound of any point.
    pub min: f64,
    /// The largest upper bound of any point; `None` when some point is unbounded.
    pub max: Option<f64>,
    /// Mean of the lower bounds.
    pub mean_low: f64,
    /// Mean of the upper bounds; `None` when some point is unbounded.
    pub mean_high: Option<f64>,
    /// Median of the points' single values (exact figure, best estimate or midpoint).
    pub median: f64,
    /// Whether every value is exact (only then are trend tests run).
    pub all_exact: bool,
}

/// Summarises the values of a series.
///
/// # Example
/// ```
/// use jointwatch::analysis::series::{series, summarize, SeriesQuery};
/// let q: SeriesQuery = serde_json::from_str(r#"{
///   "filter": {"kinds": ["exercise"], "participantsAll": ["CHN", "RUS"], "from": "2014", "to": "2023"},
///   "groupBy": [{"by": "period", "granularity": {"type": "year"}}], "reported": "jointExercises"
/// }"#).unwrap();
/// let s = summarize(&series(&jointwatch::seed(), &q).unwrap()).unwrap();
/// assert_eq!((s.min, s.max), (4.0, Some(10.0)));
/// ```
pub fn summarize(s: &Series) -> Option<SeriesSummary> {
    let values: Vec<Quantity> = s.points.iter().map(|p| p.value).collect();
    if values.is_empty() {
        return None;
    }
    let lows: Vec<f64> = values.iter().map(|q| q.low()).collect();
    let highs: Option<Vec<f64>> = values.iter().map(|q| q.high()).collect();
    let points: Vec<f64> = values.iter().map(|q| q.point()).collect();
    let lo = trend::summary(&lows)?;
    let hi = highs.as_deref().and_then(trend::summary);
    Some(SeriesSummary {
        n: values.len(),
        min: lo.min,
        max: hi.as_ref().map(|h| h.max),
        mean_low: lo.mean,
        mean_high: hi.as_ref().map(|h| h.mean),
        median: trend::summary(&points)?.median,
        all_exact: values.iter().all(|q| q.is_exact()),
    })
}

/// Trend tests over a series of exact values, in point order.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeriesTrend {
    /// Change from each point to the next (first is `None`).
    pub year_over_year: Vec<Option<trend::Change>>,
    /// Least-squares line over the point index.
    pub least_squares: Option<trend::LinearFit>,
    /// Mann–Kendall test.
    pub mann_kendall: Option<trend::MannKendall>,
    /// Sen's slope per point.
    pub sens_slope: Option<trend::SensSlope>,
}

/// Runs the trend tests on a series, or says why not: they need at least
/// three points and exact values (ranges and bounds would make any trend
/// an artefact of how the uncertainty is resolved).
///
/// Over more than [`trend::PAIRWISE_MAX_POINTS`] points the Mann–Kendall test
/// and Sen's slope, which compare every pair of points, are `None`; the
/// year-over-year changes and the least-squares fit are still given.
pub fn trends(s: &Series) -> Result<SeriesTrend, String> {
    if s.points.iter().any(|p| !p.value.is_exact()) {
        return Err("some values are ranges or bounds; trend tests need exact values".into());
    }
    let ys: Vec<f64> = s.points.iter().map(|p| p.value.point()).collect();
    if ys.len() < 3 {
        return Err(format!(
            "{} point(s); trend tests need at least three",
            ys.len()
        ));
    }
    let xs: Vec<f64> = (0..ys.len()).map(|i| i as f64).collect();
    Ok(SeriesTrend {
        year_over_year: trend::year_over_year(&ys),
        least_squares: trend::least_squares(&xs, &ys),
        mann_kendall: trend::mann_kendall(&ys),
        sens_slope: trend::sens_slope(&xs, &ys),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_by_and_aggregate_round_trip_and_check_their_fields() {
        for g in [
            GroupBy::Period {
                granularity: Granularity::Month,
            },
            GroupBy::Participant,
            GroupBy::Domain,
            GroupBy::Area,
            GroupBy::Series,
            GroupBy::Platform,
        ] {
            let text = serde_json::to_string(&g).unwrap();
            assert_eq!(serde_json::from_str::<GroupBy>(&text).unwrap(), g, "{text}");
        }
        for a in [
            Aggregate::Count,
            Aggregate::Sum {
                field: Field::Ships,
            },
            Aggregate::Max {
                field: Field::Platforms,
            },
        ] {
            let text = serde_json::to_string(&a).unwrap();
            assert_eq!(
                serde_json::from_str::<Aggregate>(&text).unwrap(),
                a,
                "{text}"
            );
        }
        let bad = |text: &str| {
            serde_json::from_str::<GroupBy>(text)
                .unwrap_err()
                .to_string()
        };
        assert!(bad(r#"{"by":"period"}"#).starts_with("[missing-field]"));
        assert!(
            bad(r#"{"by":"domain","granularity":{"type":"year"}}"#).starts_with(
                "[unknown-field] unknown field `granularity` when `by` is `domain`, expected `by`"
            )
        );
        assert!(bad(r#"{"by":"period","granularity":{"type":"decade"}}"#)
            .starts_with("unknown variant `decade`"));
        let bad = |text: &str| {
            serde_json::from_str::<Aggregate>(text)
                .unwrap_err()
                .to_string()
        };
        assert!(bad(r#"{"op":"sum"}"#).starts_with("[missing-field]"));
        assert!(bad(r#"{"op":"count","field":"ships"}"#).starts_with("[unknown-field]"));
        assert!(bad(r#"{"op":"max","field":"tanks"}"#).starts_with("unknown variant `tanks`"));
    }

    fn query(json: &str) -> SeriesQuery {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn scrambles_by_japanese_fiscal_year() {
        let q = query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 4}}], "reported": "scrambles", "filter": {"kinds": ["statistic"]}}"#,
        );
        let s = series(&crate::dataset::seed::seed(), &q).unwrap();
        assert_eq!(s.points.len(), 1);
        assert_eq!(s.points[0].key, ["FY2023"]);
        assert_eq!(s.points[0].value, Quantity::Exact(669.0));
        assert_eq!(s.points[0].basis, Basis::Reported);
    }

    #[test]
    fn year_precision_records_are_not_guessed_into_fiscal_years() {
        let q = query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 4}}], "filter": {"kinds": ["exercise"]}}"#,
        );
        let s = series(&crate::dataset::seed::seed(), &q).unwrap();
        assert!(s.points.is_empty());
        assert_eq!(s.unplaced.len(), 2);
    }

    #[test]
    fn per_year_statistic_does_not_map_onto_fiscal_years() {
        let q = query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 4}}], "reported": "jointExercises", "filter": {"kinds": ["exercise"]}}"#,
        );
        let s = series(&crate::dataset::seed::seed(), &q).unwrap();
        assert!(s
            .unplaced
            .iter()
            .any(|u| u.id == "joint-exercises-2014-2023"));
    }

    #[test]
    fn grouping_by_participant_counts_each_state() {
        let q = query(
            r#"{"groupBy": [{"by": "participant"}], "filter": {"kinds": ["exercise", "patrol"]}}"#,
        );
        let s = series(&crate::dataset::seed::seed(), &q).unwrap();
        let got: Vec<(String, String)> = s
            .points
            .iter()
            .map(|p| (p.key[0].clone(), p.value.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                ("CHN".to_string(), "3".to_string()),
                ("RUS".to_string(), "3".to_string())
            ]
        );
    }

    #[test]
    fn sums_carry_bounds_and_note_missing_figures() {
        let q = query(
            r#"{"aggregate": {"op": "sum", "field": "ships"}, "filter": {"kinds": ["exercise"]}}"#,
        );
        let s = series(&crate::dataset::seed::seed(), &q).unwrap();
        assert_eq!(s.points.len(), 1);
        // Ocean-2024 gives "over 400"; Northern/Interaction gives no figure, so the sum is a lower bound.
        assert_eq!(s.points[0].counted, Quantity::AtLeast(400.0));
        assert_eq!(s.points[0].missing, ["northern-interaction-2024"]);
        let q = query(
            r#"{"aggregate": {"op": "max", "field": "personnel"}, "filter": {"kinds": ["exercise"], "areas": []}, "groupBy": [{"by": "series"}]}"#,
        );
        let s = series(&crate::dataset::seed::seed(), &q).unwrap();
        assert_eq!(
            s.points
                .iter()
                .map(|p| p.key[0].as_str())
                .collect::<Vec<_>>(),
            ["(none)", "Northern/Interaction"]
        );
    }

    #[test]
    fn two_keys_zero_fill_every_combination() {
        let q = query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}, {"by": "domain"}], "filter": {"kinds": ["exercise"], "from": "2023", "to": "2024"}}"#,
        );
        let s = series(&crate::dataset::seed::seed(), &q).unwrap();
        // 2 years x 2 domains seen (air, naval)
        assert_eq!(s.points.len(), 4);
        let naval_2024 = s
            .points
            .iter()
            .find(|p| p.key == ["2024", "naval"])
            .unwrap();
        assert_eq!(naval_2024.value, Quantity::Exact(2.0));
        let air_2023 = s.points.iter().find(|p| p.key == ["2023", "air"]).unwrap();
        assert_eq!(air_2023.value, Quantity::Exact(0.0));
    }

    #[test]
    fn a_long_window_times_many_keys_is_refused_before_it_fills_memory() {
        let mut ds = crate::dataset::seed::seed();
        for i in 0..50 {
            let mut e = ds.exercises[0].clone();
            e.id = format!("e{i}");
            e.areas = vec![format!("area-{i}")];
            e.dates = Some(crate::DateRange::single("2024-05".parse().unwrap()));
            ds.exercises.push(e);
        }
        // 1,500 months × 50 area keys = 75,000 points: fine.
        // 24,288 months (0001–2024) × 50 keys = 1,214,400 points: refused, though under MAX_PERIODS.
        let q = |from: &str| -> SeriesQuery {
            serde_json::from_str(&format!(r#"{{"groupBy": [{{"by": "period", "granularity": {{"type": "month"}}}}, {{"by": "area"}}], "filter": {{"from": "{from}", "to": "2024"}}}}"#)).unwrap()
        };
        assert!(series(&ds, &q("1900")).is_ok());
        assert_eq!(
            series(&ds, &q("0001")).map(|_| ()).unwrap_err().code(),
            "window-too-large"
        );
    }

    #[test]
    fn bad_queries_are_errors_not_panics() {
        let q = query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 13}}]}"#,
        );
        assert_eq!(
            series(&crate::dataset::seed::seed(), &q)
                .unwrap_err()
                .code(),
            "invalid-granularity"
        );
        let q = query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "month"}}], "filter": {"from": "0001", "to": "9999"}}"#,
        );
        assert_eq!(
            series(&crate::dataset::seed::seed(), &q)
                .unwrap_err()
                .code(),
            "window-too-large"
        );
        let q = query(r#"{"groupBy": [{"by": "area"}, {"by": "domain"}, {"by": "series"}]}"#);
        assert_eq!(
            series(&crate::dataset::seed::seed(), &q)
                .unwrap_err()
                .code(),
            "bad-grouping"
        );
    }

    #[test]
    fn trends_need_exact_values() {
        let q = query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}], "filter": {"kinds": ["exercise"], "from": "2014", "to": "2024"}, "reported": "jointExercises"}"#,
        );
        assert!(trends(&series(&crate::dataset::seed::seed(), &q).unwrap()).is_err());
        let q = query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}], "filter": {"kinds": ["exercise"], "from": "2020", "to": "2024"}}"#,
        );
        let t = trends(&series(&crate::dataset::seed::seed(), &q).unwrap()).unwrap();
        // 0,0,0,0,2: S = 4 pairs rising.
        assert_eq!(t.mann_kendall.unwrap().s, 4);
    }
}
