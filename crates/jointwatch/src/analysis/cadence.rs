//! How often things happen: patrol cadence (intervals, per year, sequence
//! numbers) and the comparison of event rates between two windows.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::analysis::trend::{self, RateComparison};
use crate::dataset::Dataset;
use crate::model::actor::CountryCode;
use crate::model::date::{FuzzyDate, Precision};
use crate::model::patrol::{Patrol, PatrolKind};
use crate::model::record::{Filter, RecordKind};

/// One interval between consecutive patrols.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Interval {
    /// The earlier patrol.
    pub from: String,
    /// The later patrol.
    pub to: String,
    /// Fewest days between their starts, given the dates' precision.
    pub min_days: i64,
    /// Most days between their starts.
    pub max_days: i64,
}

/// Patrol cadence.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cadence {
    /// Dated patrols in start order (ids).
    pub order: Vec<String>,
    /// Intervals between consecutive dated patrols.
    pub intervals: Vec<Interval>,
    /// Median interval in days, when every date is known to the day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub median_interval_days: Option<f64>,
    /// Patrols per calendar year of their start (years known from the date).
    #[cfg_attr(feature = "ts", tsify(type = "Record<string, number>"))]
    pub per_year: BTreeMap<i16, u32>,
    /// Unattributed sequence numbers (format 1.0's `sequence`), in date
    /// order, with the patrol id. Empty when patrols of more than one kind
    /// carry unattributed numbers: see [`numbering`](Self::numbering).
    pub sequence: Vec<(u32, String)>,
    /// Gaps in the unattributed numbers (numbers missing between the
    /// smallest and largest given), as [`sequence`](Self::sequence).
    pub missing_numbers: Vec<u32>,
    /// Unattributed numbers that run against date order or repeat, within
    /// one patrol kind, as [`sequence`](Self::sequence).
    pub sequence_conflicts: Vec<String>,
    /// Patrols without a date.
    pub undated: Vec<String>,
    /// The numbering of each patrol kind by each numbering authority (air
    /// and naval never mixed, nor two authorities' counts): kinds in the
    /// order air, naval; within a kind the unattributed numbers first, then
    /// authorities by code.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub numbering: Vec<NumberingRun>,
}

/// One numbering authority's count of the patrols of one kind.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NumberingRun {
    /// The patrol kind numbered.
    pub kind: PatrolKind,
    /// The numbering authority; absent for numbers whose authority is not
    /// given (format 1.0's `sequence`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<CountryCode>,
    /// Numbers of dated patrols, in date order, with the patrol id.
    pub sequence: Vec<(u32, String)>,
    /// Numbers of undated patrols, with the patrol id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undated: Vec<(u32, String)>,
    /// Numbers missing between the smallest and largest this authority
    /// gives: patrols it numbered that the dataset does not hold, or holds
    /// without this authority's number.
    pub missing_numbers: Vec<u32>,
    /// Numbers that run against date order or repeat.
    pub conflicts: Vec<String>,
}

impl NumberingRun {
    /// The missing numbers as runs: `[4, 5, 6, 7, 10]` → `"4–7, 10"`.
    ///
    /// # Example
    /// ```
    /// use jointwatch::analysis::cadence::NumberingRun;
    /// let r = NumberingRun { kind: jointwatch::PatrolKind::JointAirPatrol, by: None,
    ///     sequence: vec![], undated: vec![], missing_numbers: vec![4, 5, 6, 7, 10], conflicts: vec![] };
    /// assert_eq!(r.missing_runs(), "4–7, 10");
    /// ```
    pub fn missing_runs(&self) -> String {
        let m = &self.missing_numbers;
        let mut out: Vec<String> = Vec::new();
        let mut i = 0;
        while i < m.len() {
            let mut j = i;
            while j + 1 < m.len() && m[j + 1] == m[j] + 1 {
                j += 1;
            }
            out.push(if i == j {
                m[i].to_string()
            } else {
                format!("{}–{}", m[i], m[j])
            });
            i = j + 1;
        }
        out.join(", ")
    }
}

/// The numbering runs of `patrols` (the dated ones in date order in
/// `dated`), one per kind and authority.
fn numbering_runs(dated: &[(FuzzyDate, &Patrol)], patrols: &[&Patrol]) -> Vec<NumberingRun> {
    let mut keys: Vec<(PatrolKind, Option<CountryCode>)> = patrols
        .iter()
        .flat_map(|p| p.numbering.iter().map(|n| (p.kind, n.by)))
        .collect();
    crate::sort::sort(&mut keys);
    keys.dedup();
    keys.into_iter()
        .map(|(kind, by)| {
            let sequence: Vec<(u32, String)> = dated
                .iter()
                .filter(|(_, p)| p.kind == kind)
                .filter_map(|(_, p)| p.numbers_by(by).next().map(|n| (n, p.id.clone())))
                .collect();
            let undated = patrols
                .iter()
                .filter(|p| p.kind == kind && p.dates.is_none())
                .filter_map(|p| p.numbers_by(by).next().map(|n| (n, p.id.clone())))
                .collect();
            let numbers: Vec<u32> = patrols
                .iter()
                .filter(|p| p.kind == kind)
                .filter_map(|p| p.numbers_by(by).next())
                .collect();
            NumberingRun {
                kind,
                by,
                conflicts: conflicts(&sequence),
                missing_numbers: missing(numbers),
                sequence,
                undated,
            }
        })
        .collect()
}

/// Numbers that run against date order or repeat, in a sequence in date order.
fn conflicts(sequence: &[(u32, String)]) -> Vec<String> {
    sequence
        .windows(2)
        .filter(|w| w[1].0 <= w[0].0)
        .map(|w| {
            format!(
                "{} is numbered {} after {} numbered {}",
                w[1].1, w[1].0, w[0].1, w[0].0
            )
        })
        .collect()
}

/// The numbers missing between the smallest and largest given.
fn missing(mut numbers: Vec<u32>) -> Vec<u32> {
    crate::sort::sort(&mut numbers);
    numbers.dedup();
    match (numbers.first(), numbers.last()) {
        (Some(&lo), Some(&hi)) if hi - lo < 10_000 => (lo..=hi)
            .filter(|n| numbers.binary_search(n).is_err())
            .collect(),
        _ => Vec::new(),
    }
}

/// The cadence of the patrols of one kind (all kinds when `None`).
///
/// Dates (order, intervals, patrols per year) are of the patrols asked for:
/// with `None`, air and naval patrols together (how often China and Russia
/// patrol jointly at all). Numbers are never mixed: [`Cadence::numbering`]
/// holds one run per patrol kind and numbering authority, each with its
/// gaps and conflicts, so that China's "10th" air patrol is never set
/// against a naval patrol or against Japan's "9th". The older fields
/// (`sequence`, `missingNumbers`, `sequenceConflicts`) hold the
/// unattributed numbers when only one kind carries any.
///
/// # Example
/// ```
/// let c = jointwatch::analysis::cadence::patrol_cadence(&jointwatch::seed(), None);
/// assert_eq!(c.undated, ["latest-joint-air-patrol"]);
/// assert!(c.intervals.is_empty());
/// ```
pub fn patrol_cadence(ds: &Dataset, kind: Option<PatrolKind>) -> Cadence {
    let patrols: Vec<_> = ds
        .patrols
        .iter()
        .filter(|p| kind.is_none_or(|k| p.kind == k))
        .collect();
    let mut dated: Vec<(FuzzyDate, &Patrol)> = patrols
        .iter()
        .filter_map(|p| p.dates.map(|d| (d.start, *p)))
        .collect();
    crate::sort::sort_by_key(&mut dated, |(d, p)| {
        (d.first_day(), d.last_day(), p.id.clone())
    });
    let undated = patrols
        .iter()
        .filter(|p| p.dates.is_none())
        .map(|p| p.id.clone())
        .collect();
    let intervals: Vec<Interval> = dated
        .windows(2)
        .map(|w| {
            let (a, b) = (w[0].0, w[1].0);
            let days = crate::model::date::days_between;
            let min = days(a.last_day(), b.first_day()).max(0);
            Interval {
                from: w[0].1.id.clone(),
                to: w[1].1.id.clone(),
                min_days: min,
                max_days: days(a.first_day(), b.last_day()),
            }
        })
        .collect();
    let exact = dated.iter().all(|(d, _)| d.precision() == Precision::Day);
    let median_interval_days = if exact && !intervals.is_empty() {
        trend::summary(
            &intervals
                .iter()
                .map(|i| i.min_days as f64)
                .collect::<Vec<_>>(),
        )
        .map(|s| s.median)
    } else {
        None
    };
    let mut per_year = BTreeMap::new();
    for (d, _) in &dated {
        *per_year.entry(d.year()).or_insert(0) += 1;
    }
    let numbering = numbering_runs(&dated, &patrols);
    // Format 1.0's unattributed numbers, judged within one kind only.
    let mut unattributed = numbering.iter().filter(|r| r.by.is_none());
    let (sequence, missing_numbers, sequence_conflicts) =
        match (unattributed.next(), unattributed.next()) {
            (Some(r), None) => (
                r.sequence.clone(),
                r.missing_numbers.clone(),
                r.conflicts.clone(),
            ),
            _ => (Vec::new(), Vec::new(), Vec::new()),
        };
    Cadence {
        order: dated.iter().map(|(_, p)| p.id.clone()).collect(),
        intervals,
        median_interval_days,
        per_year,
        sequence,
        missing_numbers,
        sequence_conflicts,
        undated,
        numbering,
    }
}

/// Event rates in two windows, compared.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WindowComparison {
    /// Records wholly inside the first window.
    pub count_a: u64,
    /// Its length in years.
    pub years_a: f64,
    /// Records wholly inside the second window.
    pub count_b: u64,
    /// Its length in years.
    pub years_b: f64,
    /// The comparison (rates per year, ratio b/a, two-sided p-value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test: Option<RateComparison>,
    /// Records that may fall in a window but whose dates are too imprecise to be sure (not counted).
    pub uncertain: Vec<String>,
}

/// Compares the yearly rate of records matching `filter` between two windows
/// given as date ranges (`a` and `b`, both ends included).
///
/// # Example
/// ```
/// use jointwatch::{analysis::cadence::compare_windows, DateRange, Filter};
/// let w = |s: &str, e: &str| DateRange { start: s.parse().unwrap(), end: e.parse().unwrap() };
/// let f = Filter { kinds: vec![jointwatch::RecordKind::Exercise], ..Default::default() };
/// let c = compare_windows(&jointwatch::seed(), &f, &w("2020", "2023"), &w("2024", "2024"));
/// assert_eq!((c.count_a, c.count_b), (0, 2));
/// ```
pub fn compare_windows(
    ds: &Dataset,
    filter: &Filter,
    a: &crate::model::date::DateRange,
    b: &crate::model::date::DateRange,
) -> WindowComparison {
    let f = Filter {
        kinds: if filter.kinds.is_empty() {
            vec![RecordKind::Exercise, RecordKind::Patrol]
        } else {
            filter.kinds.clone()
        },
        ..filter.clone()
    };
    let records: Vec<_> = f
        .select(ds)
        .into_iter()
        .filter(|r| r.kind() != RecordKind::Statistic)
        .collect();
    let mut uncertain = Vec::new();
    let mut count = |w: &crate::model::date::DateRange| {
        let (lo, hi) = (w.first_day(), w.last_day());
        let mut n = 0u64;
        for r in &records {
            let Some(d) = r.start() else { continue };
            if lo <= d.first_day() && d.last_day() <= hi {
                n += 1;
            } else if d.last_day() >= lo
                && d.first_day() <= hi
                && !uncertain.contains(&r.id().to_string())
            {
                uncertain.push(r.id().to_string());
            }
        }
        n
    };
    let (count_a, count_b) = (count(a), count(b));
    let years = |w: &crate::model::date::DateRange| {
        (crate::model::date::days_between(w.first_day(), w.last_day()) as f64 + 1.0) / 365.2425
    };
    let (years_a, years_b) = (years(a), years(b));
    WindowComparison {
        count_a,
        years_a,
        count_b,
        years_b,
        test: trend::rate_comparison(count_a, years_a, count_b, years_b),
        uncertain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_respect_date_precision() {
        let ds = Dataset::from_json(r#"{"formatVersion": "1.0",
          "patrols": [
            {"id": "a", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2019-07-23", "sequence": 1},
            {"id": "b", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2020-12-22", "sequence": 2},
            {"id": "c", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2022-05", "sequence": 4},
            {"id": "d", "kind": "jointNavalPatrol", "participants": ["CHN", "RUS"], "dates": "2021-10"}
          ]}"#).unwrap();
        let c = patrol_cadence(&ds, Some(PatrolKind::JointAirPatrol));
        assert_eq!(c.order, ["a", "b", "c"]);
        assert_eq!(
            (c.intervals[0].min_days, c.intervals[0].max_days),
            (518, 518)
        );
        // 2020-12-22 to some day in May 2022: 495 (May 1) to 525 (May 31) days.
        assert_eq!(
            (c.intervals[1].min_days, c.intervals[1].max_days),
            (495, 525)
        );
        assert_eq!(
            c.median_interval_days, None,
            "one date is known only to the month"
        );
        assert_eq!(c.missing_numbers, [3]);
        assert!(c.sequence_conflicts.is_empty());
        assert_eq!(c.per_year.get(&2020), Some(&1));
    }

    #[test]
    fn sequence_numbers_against_date_order_are_flagged() {
        let ds = Dataset::from_json(r#"{"formatVersion": "1.0",
          "patrols": [
            {"id": "a", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2019-07-23", "sequence": 2},
            {"id": "b", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2020-12-22", "sequence": 1}
          ]}"#).unwrap();
        let c = patrol_cadence(&ds, None);
        assert_eq!(c.sequence_conflicts.len(), 1);
        assert_eq!(c.median_interval_days, Some(518.0));
    }

    #[test]
    fn numbers_of_other_kinds_and_authorities_never_conflict() {
        // Issue 14: an air patrol and a naval patrol both numbered 1 were
        // reported as "numbered 1 after numbered 1" when the cadence of all
        // kinds was asked (format 1.0's unattributed `sequence`).
        let v1 = Dataset::from_json(r#"{"formatVersion": "1.0",
          "patrols": [
            {"id": "air", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2019-07-23", "sequence": 1},
            {"id": "naval", "kind": "jointNavalPatrol", "participants": ["CHN", "RUS"], "dates": "2021-10-17", "sequence": 1}
          ]}"#).unwrap();
        let c = patrol_cadence(&v1, None);
        assert!(
            c.sequence_conflicts.is_empty(),
            "{:?}",
            c.sequence_conflicts
        );
        assert!(c.numbering.iter().all(|r| r.conflicts.is_empty()));
        assert_eq!(c.numbering.len(), 2);
        // The same with China's numbers, and a Japanese count of the air patrol.
        let v2 = Dataset::from_json(r#"{"formatVersion": "2.0",
          "patrols": [
            {"id": "air", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2019-07-23",
             "numbering": [{"number": 1, "by": "CHN"}]},
            {"id": "air2", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2020-12-22",
             "numbering": [{"number": 2, "by": "CHN"}, {"number": 1, "by": "JPN"}]},
            {"id": "naval", "kind": "jointNavalPatrol", "participants": ["CHN", "RUS"], "dates": "2021-10-17",
             "numbering": [{"number": 1, "by": "CHN"}]}
          ]}"#).unwrap();
        let c = patrol_cadence(&v2, None);
        assert!(c.numbering.iter().all(|r| r.conflicts.is_empty()));
        let runs: Vec<(PatrolKind, Option<&str>, Vec<u32>)> = c
            .numbering
            .iter()
            .map(|r| {
                (
                    r.kind,
                    r.by.as_ref().map(|b| b.as_str()),
                    r.sequence.iter().map(|s| s.0).collect(),
                )
            })
            .collect();
        assert_eq!(
            runs,
            [
                (PatrolKind::JointAirPatrol, Some("CHN"), vec![1, 2]),
                (PatrolKind::JointAirPatrol, Some("JPN"), vec![1]),
                (PatrolKind::JointNavalPatrol, Some("CHN"), vec![1]),
            ]
        );
        // One authority numbering two patrols of a kind alike is a conflict.
        let twice = Dataset::from_json(r#"{"formatVersion": "2.0",
          "patrols": [
            {"id": "a", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2019-07-23",
             "numbering": [{"number": 3, "by": "JPN"}]},
            {"id": "b", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2020-12-22",
             "numbering": [{"number": 3, "by": "JPN"}]}
          ]}"#).unwrap();
        let c = patrol_cadence(&twice, Some(PatrolKind::JointAirPatrol));
        assert_eq!(
            c.numbering[0].conflicts,
            ["b is numbered 3 after a numbered 3"]
        );
    }

    #[test]
    fn window_rates_worked_by_hand() {
        let ds = Dataset::from_json(
            r#"{"formatVersion": "1.0",
          "exercises": [
            {"id": "a", "name": "a", "participants": ["CHN", "RUS"], "dates": "2019-03-01"},
            {"id": "b", "name": "b", "participants": ["CHN", "RUS"], "dates": "2021-03-01"},
            {"id": "c", "name": "c", "participants": ["CHN", "RUS"], "dates": "2021-06-01"},
            {"id": "d", "name": "d", "participants": ["CHN", "RUS"], "dates": "2021"}
          ]}"#,
        )
        .unwrap();
        let w = |s: &str, e: &str| crate::model::date::DateRange {
            start: s.parse().unwrap(),
            end: e.parse().unwrap(),
        };
        let c = compare_windows(
            &ds,
            &Filter::default(),
            &w("2019", "2020"),
            &w("2021-01", "2021-06"),
        );
        assert_eq!((c.count_a, c.count_b), (1, 2));
        assert_eq!(c.uncertain, ["d"]);
        let t = c.test.unwrap();
        assert!((c.years_a - 731.0 / 365.2425).abs() < 1e-12);
        assert!((t.rate_b / t.rate_a - (2.0 / c.years_b) / (1.0 / c.years_a)).abs() < 1e-9);
    }
}
