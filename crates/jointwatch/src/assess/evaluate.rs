//! Indicators evaluated as of a date: the value, whether it fired, and the
//! evidence (records, statistics or observations, and their sources) behind
//! it. A count fires or clears only on evidence: below its threshold it is
//! "not fired" only where the dataset declares coverage for its filter and
//! window; elsewhere the absence of records is not evidence, and the state
//! is unknown.

use jiff::civil::Date;

use crate::assess::{IndicatorResult, State};
use crate::dataset::select::Sources;
use crate::dataset::Dataset;
use crate::model::quantity::Quantity;
use crate::model::record::{Filter, Record, RecordKind};
use crate::model::scenario::{Direction, Indicator, Metric, Rule};
use crate::model::source::{Credibility, Grading, Reliability};

/// The latest day the dataset mentions: record dates, statistic periods,
/// `asOf` dates, source dates and observations.
pub fn latest_date(ds: &Dataset) -> Option<Date> {
    let records = Record::all(ds).filter_map(|r| r.span().map(|s| s.1));
    let sources = ds
        .sources
        .iter()
        .filter_map(|s| s.date.map(|d| d.last_day()));
    let obs = ds
        .indicators
        .iter()
        .flat_map(|i| i.observations.iter().map(|o| o.date.last_day()));
    records.chain(sources).chain(obs).max()
}

/// Adds each id not already held, keeping the order of first citation.
fn add_sources(into: &mut Vec<String>, ids: &[String]) {
    for id in ids {
        if !into.contains(id) {
            into.push(id.clone());
        }
    }
}

fn state_of(rule: &Rule, q: &Quantity) -> (State, bool) {
    let b = q.bounds();
    match rule.direction {
        Direction::AtLeast => {
            if b.low >= rule.threshold {
                (State::Fired, false)
            } else if b
                .high
                .is_some_and(|h| h < rule.threshold || (b.high_exclusive && h <= rule.threshold))
            {
                (State::NotFired, rule.watch.is_some_and(|w| b.low >= w))
            } else {
                (State::Unknown, false)
            }
        }
        Direction::AtMost => match b.high {
            Some(h) if h <= rule.threshold => (State::Fired, false),
            _ if b.low > rule.threshold || (b.low_exclusive && b.low >= rule.threshold) => (
                State::NotFired,
                rule.watch.is_some_and(|w| b.high.is_some_and(|h| h <= w)),
            ),
            _ => (State::Unknown, false),
        },
    }
}

/// Evaluates one indicator against a dataset as of a day.
///
/// A `count` below its threshold is `notFired` only inside declared
/// coverage ([`Dataset::coverage`]) for its filter and whole window;
/// elsewhere it is `unknown` (the records may simply not be held). A count
/// that meets the threshold fires wherever the records are held.
///
/// # Example
/// ```
/// use jointwatch::assess::{evaluate, State};
/// let ds = jointwatch::assess::catalogue::with_catalogue(&jointwatch::seed());
/// let ind = ds.indicators.iter().find(|i| i.id == "japan-scrambles-elevated").unwrap();
/// let r = evaluate(&ds, ind, jiff::civil::date(2024, 12, 31));
/// assert_eq!(r.state, State::Fired);
/// assert_eq!(r.evidence, ["japan-scrambles-fy2023"]);
/// // Two exercises held, ten needed: but the seed declares no coverage, so
/// // the indicator is unknown, not "not fired".
/// let tempo = ds.indicators.iter().find(|i| i.id == "joint-exercise-tempo").unwrap();
/// assert_eq!(evaluate(&ds, tempo, jiff::civil::date(2024, 12, 31)).state, State::Unknown);
/// ```
pub fn evaluate(ds: &Dataset, ind: &Indicator, as_of: Date) -> IndicatorResult {
    let illustrative = ind.tags.iter().any(|t| t == "illustrative");
    let mut result = IndicatorResult {
        id: ind.id.clone(),
        name: ind.name.clone(),
        value: None,
        state: State::Unknown,
        watch: false,
        evidence: Vec::new(),
        sources: Vec::new(),
        grading: None,
        coverage: None,
        illustrative,
        uncovered: false,
        note: String::new(),
    };
    // The first day of the look-back window: evidence that ends before it
    // has aged out.
    let window_years = ind.metric.window_years();
    let since = window_years
        .and_then(|y| crate::model::date::add_years(as_of, -i64::from(y)))
        .and_then(|d| d.tomorrow().ok());
    let aged = |last: Date| since.is_some_and(|s| last < s);
    let index = Sources::index(ds);
    match &ind.metric {
        Metric::Count { filter, .. } => {
            let mut definite = Vec::new();
            let mut possible = Vec::new();
            for r in filter.select(ds) {
                if r.kind() == RecordKind::Statistic {
                    continue;
                }
                // An undated record may or may not fall in the window.
                let Some(start) = r.start() else {
                    possible.push(r);
                    continue;
                };
                let (first, last) = (start.first_day(), start.last_day());
                if first > as_of || since.is_some_and(|s| last < s) {
                    continue;
                }
                let sure = last <= as_of && since.is_none_or(|s| first >= s);
                if sure {
                    definite.push(r);
                } else {
                    possible.push(r);
                }
            }
            let n = definite.len() as f64;
            let value = if possible.is_empty() {
                Quantity::Exact(n)
            } else {
                Quantity::Range {
                    min: n,
                    max: n + possible.len() as f64,
                }
            };
            // Each source once, in the order first cited. A set, not a scan
            // of the list for every id: a count over many records citing many
            // sources stays linear (scanning made the assessment grow with
            // records × sources).
            let mut seen: std::collections::HashSet<&str> =
                result.sources.iter().map(String::as_str).collect();
            let mut cited = Vec::new();
            for r in definite.iter().chain(possible.iter()) {
                for id in r.sources() {
                    if seen.insert(id.as_str()) {
                        cited.push(id.clone());
                    }
                }
            }
            result.sources.extend(cited);
            result.evidence = definite
                .iter()
                .chain(possible.iter())
                .map(|r| r.id().to_string())
                .collect();
            result.note = match window_years {
                Some(y) => format!(
                    "records matching the filter that started in the {y} year(s) to {as_of}"
                ),
                None => format!("records matching the filter that started by {as_of}"),
            };
            if !possible.is_empty() {
                result.note.push_str(&format!(
                    "; {} more may fall in the window (imprecise or missing dates)",
                    possible.len()
                ));
            }
            // The window the count covers: the look-back window within the
            // filter's own dates. Without a first day it reaches back
            // forever, and no coverage can hold it.
            let first = match (since, filter.from.map(|f| f.first_day())) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            let last = filter.to.map_or(as_of, |t| as_of.min(t.last_day()));
            // A count never counts statistics: a filter without kinds counts
            // exercises and patrols, and coverage is asked for those.
            let counted_kinds;
            let asked = if filter.kinds.is_empty() {
                counted_kinds = Filter {
                    kinds: vec![RecordKind::Exercise, RecordKind::Patrol],
                    ..filter.clone()
                };
                &counted_kinds
            } else {
                filter
            };
            let cover = first.and_then(|first| ds.coverage_for(asked, first, last));
            // Outside coverage the records held are a lower bound: more may
            // exist. Inside it, what is held is all there is.
            // Outside coverage the records held are a lower bound: more may
            // exist, so the state is judged on "at least" that many.
            let held = value;
            let (state, watch) = match cover {
                Some(_) => state_of(&ind.rule, &held),
                None => state_of(&ind.rule, &Quantity::AtLeast(held.bounds().low)),
            };
            result.uncovered = cover.is_none();
            if let Some(c) = cover {
                result.coverage = Some(c.id.clone());
                // The claim of completeness is evidence when it decides the state.
                let (open, _) = state_of(&ind.rule, &Quantity::AtLeast(value.bounds().low));
                if open != state {
                    add_sources(&mut result.sources, &c.sources);
                }
                result
                    .note
                    .push_str(&format!("; inside declared coverage {}", c.id));
            } else if state == State::Unknown && state_of(&ind.rule, &held).0 != State::Unknown {
                result.note.push_str(
                    "; no declared coverage holds every such record in the window, so the absence of records is not evidence",
                );
            }
            result.state = state;
            result.watch = watch;
            result.value = Some(value);
        }
        Metric::Reported { measure, .. } => {
            let latest = ds
                .statistics
                .iter()
                .filter(|s| s.measure == *measure)
                .filter_map(|s| Record::Statistic(s).span().map(|span| (span.1, s)))
                .filter(|(end, _)| *end <= as_of && !aged(*end))
                .max_by_key(|(end, _)| *end);
            match latest {
                Some((_, s)) => {
                    result.value = Some(s.quantity);
                    result.evidence = vec![s.id.clone()];
                    result.note = format!("latest reported figure: {}", s.label);
                    add_sources(&mut result.sources, &s.sources);
                }
                None => {
                    result.note = match window_years {
                        Some(y) => format!(
                            "no statistic of this measure for a period ending in the {y} year(s) to {as_of}"
                        ),
                        None => format!("no statistic of this measure reported by {as_of}"),
                    };
                }
            }
        }
        Metric::Observed { .. } => {
            let latest = ind
                .observations
                .iter()
                .enumerate()
                .filter(|(_, o)| o.date.first_day() <= as_of && !aged(o.date.last_day()))
                .max_by_key(|(_, o)| o.date.last_day());
            match latest {
                Some((i, o)) => {
                    result.value = Some(Quantity::Exact(o.value));
                    result.evidence = vec![format!("{}/observations[{i}]", ind.id)];
                    result.note = o
                        .note
                        .clone()
                        .unwrap_or_else(|| format!("observed {}", o.date));
                    add_sources(&mut result.sources, &o.sources);
                }
                None => {
                    result.note = match window_years {
                        Some(y) => format!("no observation recorded in the {y} year(s) to {as_of}"),
                        None => format!("no observation recorded by {as_of}"),
                    };
                }
            }
        }
    }
    if !matches!(ind.metric, Metric::Count { .. }) {
        if let Some(v) = &result.value {
            let (state, watch) = state_of(&ind.rule, v);
            result.state = state;
            result.watch = watch;
        }
    }
    result.grading = index.best_grading(&result.sources).map(|g| g.to_string());
    result
}

pub(crate) fn parse_grading(g: &str) -> Option<Grading> {
    let mut chars = g.chars();
    let r = match chars.next()? {
        'A' => Reliability::A,
        'B' => Reliability::B,
        'C' => Reliability::C,
        'D' => Reliability::D,
        'E' => Reliability::E,
        'F' => Reliability::F,
        _ => return None,
    };
    let c = Credibility::from_number(u64::from(chars.next()?.to_digit(10)?))?;
    Some(Grading {
        reliability: r,
        credibility: c,
    })
}
