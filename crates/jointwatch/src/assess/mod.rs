//! Scenario assessment: indicators evaluated against a dataset as of a date,
//! each scenario's odds moved from its prior by likelihood ratios, and
//! Analysis of Competing Hypotheses as a second view.
//!
//! The method, its formulas and its limits are set out in `docs/method.md`.
//! In short, for each scenario *H* with prior *p*:
//!
//! ```text
//! log-odds(H | evidence) = ln(p / (1 − p)) + Σ ln LR_i
//! ```
//!
//! where `LR_i` is the indicator's `ifFired` ratio when it fired, its
//! `ifNotFired` ratio when it did not (absent signposts count), and 1 when
//! its state is unknown. Each term of the sum is reported as that
//! indicator's contribution, so the contributions add up to the change from
//! prior to posterior log-odds.

pub mod catalogue;
pub mod estimative;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::assess::estimative::Term;
use crate::dataset::select::Sources;
use crate::dataset::Dataset;
use crate::model::date::FuzzyDate;
use crate::model::quantity::Quantity;
use crate::model::record::{Record, RecordKind};
use crate::model::scenario::{Direction, Indicator, Metric, Rule, ScenarioKind};
use crate::model::source::{Credibility, Grading, Reliability};

/// Priors are kept inside this distance from 0 and 1 so that evidence can move them.
pub const PRIOR_CLAMP: f64 = 1e-3;

/// Tag on a scenario whose prior came from the built-in catalogue.
pub const ILLUSTRATIVE_PRIOR_TAG: &str = "illustrative-prior";

/// How to assess.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssessOptions {
    /// The date to assess as of; by default the latest date the dataset mentions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<FuzzyDate>,
}

/// Whether an indicator fired.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum State {
    /// The value meets the rule.
    Fired,
    /// The value does not meet the rule.
    NotFired,
    /// No value, or its bounds straddle the threshold.
    Unknown,
}

/// One indicator evaluated as of the assessment date.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorResult {
    /// The indicator's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The measured value, with its uncertainty; absent when nothing was measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Quantity>,
    /// Fired, not fired or unknown.
    pub state: State,
    /// Not fired, but past the watch level.
    pub watch: bool,
    /// Ids of the records, statistics or observations behind the value.
    pub evidence: Vec<String>,
    /// The best grading among the evidence's sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grading: Option<String>,
    /// Whether the indicator is an illustrative default from the catalogue.
    pub illustrative: bool,
    /// How the value was obtained.
    pub note: String,
}

/// One indicator's effect on one scenario.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Contribution {
    /// The indicator's id.
    pub indicator: String,
    /// Its state.
    pub state: State,
    /// The likelihood ratio applied (1 when unknown).
    pub likelihood_ratio: f64,
    /// Its natural log: the change in log-odds.
    pub log_odds: f64,
}

/// What one missing observation would do to a scenario.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WhatWouldChange {
    /// The indicator whose state is unknown.
    pub indicator: String,
    /// The probability if it fired.
    pub if_fired: f64,
    /// The term if it fired.
    pub if_fired_term: Term,
    /// The probability if it did not fire.
    pub if_not_fired: f64,
    /// The term if it did not fire.
    pub if_not_fired_term: Term,
    /// Whether either outcome changes the term.
    pub changes_term: bool,
}

/// How much the judgement rests on, kept apart from how likely it is.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Confidence {
    /// Little evidence, or poorly graded.
    Low,
    /// Some evidence of fair grading.
    Moderate,
    /// Several well-graded observations.
    High,
}

/// The assessment of one scenario.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioResult {
    /// The scenario's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Development or end state.
    pub kind: ScenarioKind,
    /// The prior as given.
    pub prior: f64,
    /// Whether the prior is an illustrative default from the catalogue.
    pub illustrative_prior: bool,
    /// The term for the prior.
    pub prior_term: Term,
    /// Prior log-odds (after keeping the prior inside [`PRIOR_CLAMP`]).
    pub prior_log_odds: f64,
    /// Posterior log-odds: prior log-odds plus every contribution.
    pub log_odds: f64,
    /// Posterior probability.
    pub probability: f64,
    /// The ICD 203 term for it.
    pub term: Term,
    /// Confidence in the judgement.
    pub confidence: Confidence,
    /// Why that confidence.
    pub confidence_reason: String,
    /// Each bearing indicator's contribution, largest effect first.
    pub contributions: Vec<Contribution>,
    /// The unknown indicator whose observation would move the judgement most.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what_would_change: Option<WhatWouldChange>,
}

/// A cell of the ACH matrix: how consistent the evidence is with a hypothesis.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Rating {
    /// Very consistent (likelihood ratio 3 or more).
    CC,
    /// Consistent (above 1, below 3).
    C,
    /// Neutral (exactly 1).
    N,
    /// Inconsistent (below 1, above 1/3).
    I,
    /// Very inconsistent (1/3 or less).
    II,
    /// Not applicable: the indicator does not bear on the hypothesis.
    NA,
}

impl Rating {
    /// The rating for the likelihood ratio of what was observed.
    pub fn of_ratio(lr: f64) -> Rating {
        if lr >= 3.0 {
            Rating::CC
        } else if lr > 1.0 {
            Rating::C
        } else if lr == 1.0 {
            Rating::N
        } else if lr > 1.0 / 3.0 {
            Rating::I
        } else {
            Rating::II
        }
    }

    /// Heuer's inconsistency score: 1 for I, 2 for II, else 0.
    pub fn inconsistency(&self) -> f64 {
        match self {
            Rating::I => 1.0,
            Rating::II => 2.0,
            _ => 0.0,
        }
    }
}

/// One row of the ACH matrix: an observed indicator.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AchRow {
    /// The indicator's id.
    pub indicator: String,
    /// Its state (fired or not fired; unknown indicators are not evidence).
    pub state: State,
    /// One rating per hypothesis, in the order of [`Ach::hypotheses`].
    pub ratings: Vec<Rating>,
    /// Credibility weight from the evidence's grading (see `docs/method.md`).
    pub weight: f64,
    /// The evidence rates the same against every hypothesis it bears on, so it cannot tell them apart.
    pub non_diagnostic: bool,
}

/// Analysis of Competing Hypotheses.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ach {
    /// The hypotheses (scenario ids), one per column.
    pub hypotheses: Vec<String>,
    /// The evidence, one row per observed indicator.
    pub rows: Vec<AchRow>,
    /// Inconsistency score per hypothesis (lower is better supported).
    pub inconsistency: Vec<f64>,
    /// Inconsistency weighted by the evidence's credibility.
    pub weighted_inconsistency: Vec<f64>,
}

/// Something left out of the assessment, and why.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    /// The scenario or indicator id.
    pub id: String,
    /// Why.
    pub reason: String,
}

/// The whole assessment.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    /// The date assessed as of (`YYYY-MM-DD`).
    pub as_of: String,
    /// Every indicator, evaluated.
    pub indicators: Vec<IndicatorResult>,
    /// Every scenario with a prior, assessed.
    pub scenarios: Vec<ScenarioResult>,
    /// The ACH view.
    pub ach: Ach,
    /// Scenarios and bearings left out, with the reason.
    pub skipped: Vec<Skipped>,
}

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

fn best_grading(
    sources: &Sources<'_>,
    source_ids: &mut dyn Iterator<Item = &String>,
) -> Option<Grading> {
    source_ids
        .filter_map(|id| sources.get(id))
        .map(|s| s.grading())
        .min_by_key(|g| (g.reliability, g.credibility))
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
/// # Example
/// ```
/// use jointwatch::assess::{evaluate, State};
/// let ds = jointwatch::assess::catalogue::with_catalogue(&jointwatch::seed());
/// let ind = ds.indicators.iter().find(|i| i.id == "japan-scrambles-elevated").unwrap();
/// let r = evaluate(&ds, ind, jiff::civil::date(2024, 12, 31));
/// assert_eq!(r.state, State::Fired);
/// assert_eq!(r.evidence, ["japan-scrambles-fy2023"]);
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
        grading: None,
        illustrative,
        note: String::new(),
    };
    let grading: Option<Grading>;
    // The first day of the look-back window: evidence that ends before it
    // has aged out.
    let window_years = ind.metric.window_years();
    let since = window_years
        .and_then(|y| crate::model::date::add_years(as_of, -i64::from(y)))
        .and_then(|d| d.tomorrow().ok());
    let aged = |last: Date| since.is_some_and(|s| last < s);
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
            // Every cited source of every counted record: index them once.
            grading = best_grading(
                &Sources::index(ds),
                &mut definite
                    .iter()
                    .chain(possible.iter())
                    .flat_map(|r| r.sources().iter()),
            );
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
                    grading = best_grading(&Sources::scan(ds), &mut s.sources.iter());
                }
                None => {
                    result.note = match window_years {
                        Some(y) => format!(
                            "no statistic of this measure for a period ending in the {y} year(s) to {as_of}"
                        ),
                        None => format!("no statistic of this measure reported by {as_of}"),
                    };
                    grading = None;
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
                    grading = best_grading(&Sources::scan(ds), &mut o.sources.iter());
                }
                None => {
                    result.note = match window_years {
                        Some(y) => format!("no observation recorded in the {y} year(s) to {as_of}"),
                        None => format!("no observation recorded by {as_of}"),
                    };
                    grading = None;
                }
            }
        }
    }
    if let Some(v) = &result.value {
        let (state, watch) = state_of(&ind.rule, v);
        result.state = state;
        result.watch = watch;
    }
    result.grading = grading.map(|g| g.to_string());
    result
}

fn parse_grading(g: &str) -> Option<Grading> {
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

/// The weight ACH gives evidence of this grading: the product of a
/// reliability factor (A 1.0, B 0.9, C 0.75, D 0.5, E 0.25, F 0.5) and a
/// credibility factor (1 1.0, 2 0.9, 3 0.75, 4 0.5, 5 0.25, 6 0.5). "Cannot be
/// judged" weighs like "not usually reliable": neither trusted nor discarded.
pub fn credibility_weight(g: &Grading) -> f64 {
    let r = match g.reliability {
        Reliability::A => 1.0,
        Reliability::B => 0.9,
        Reliability::C => 0.75,
        Reliability::D => 0.5,
        Reliability::E => 0.25,
        Reliability::F => 0.5,
    };
    let c = match g.credibility {
        Credibility::Confirmed => 1.0,
        Credibility::ProbablyTrue => 0.9,
        Credibility::PossiblyTrue => 0.75,
        Credibility::Doubtful => 0.5,
        Credibility::Improbable => 0.25,
        Credibility::CannotBeJudged => 0.5,
    };
    r * c
}

fn quality(g: Option<&String>) -> u8 {
    match g.and_then(|g| parse_grading(g)) {
        Some(g)
            if g.reliability <= Reliability::B && g.credibility <= Credibility::ProbablyTrue =>
        {
            2
        }
        Some(g)
            if g.reliability <= Reliability::C && g.credibility <= Credibility::PossiblyTrue =>
        {
            1
        }
        _ => 0,
    }
}

fn confidence(evaluated: &[&IndicatorResult], bearings: usize) -> (Confidence, String) {
    let good = evaluated
        .iter()
        .filter(|r| quality(r.grading.as_ref()) == 2)
        .count();
    let fair = evaluated
        .iter()
        .filter(|r| quality(r.grading.as_ref()) >= 1)
        .count();
    let unknown = bearings - evaluated.len();
    let reason = format!("{} of {bearings} bearing indicator(s) observed; {good} with evidence graded B2 or better, {fair} graded C3 or better", evaluated.len());
    let c = if evaluated.len() >= 3
        && good >= 2
        && fair == evaluated.len()
        && unknown * 3 <= bearings
    {
        Confidence::High
    } else if evaluated.len() >= 2 && fair >= 2 {
        Confidence::Moderate
    } else {
        Confidence::Low
    };
    (c, reason)
}

fn logistic(l: f64) -> f64 {
    1.0 / (1.0 + (-l).exp())
}

/// Assesses every scenario that has a prior.
///
/// # Example
/// ```
/// use jointwatch::assess::{assess, AssessOptions};
/// let ds = jointwatch::assess::catalogue::with_catalogue(&jointwatch::seed());
/// let a = assess(&ds, &AssessOptions::default());
/// assert_eq!(a.as_of, "2024-12-31");
/// assert_eq!(a.scenarios.len(), 9);
/// for s in &a.scenarios {
///     let sum: f64 = s.contributions.iter().map(|c| c.log_odds).sum();
///     assert!((s.prior_log_odds + sum - s.log_odds).abs() < 1e-12);
/// }
/// ```
pub fn assess(ds: &Dataset, options: &AssessOptions) -> Assessment {
    let as_of = options
        .as_of
        .map(|d| d.last_day())
        .or_else(|| latest_date(ds))
        .unwrap_or(Date::MAX);
    let indicators: Vec<IndicatorResult> = ds
        .indicators
        .iter()
        .map(|i| evaluate(ds, i, as_of))
        .collect();
    let mut skipped = Vec::new();
    let mut scenarios = Vec::new();

    for sc in &ds.scenarios {
        let Some(prior) = sc.prior.filter(|p| (0.0..=1.0).contains(p)) else {
            skipped.push(Skipped {
                id: sc.id.clone(),
                reason: "no prior (or one outside 0–1): nothing to update".into(),
            });
            continue;
        };
        let p0 = prior.clamp(PRIOR_CLAMP, 1.0 - PRIOR_CLAMP);
        let prior_log_odds = (p0 / (1.0 - p0)).ln();
        let mut contributions = Vec::new();
        let mut evaluated = Vec::new();
        let mut bearings = 0usize;
        let mut unknown = Vec::new();
        for (ind, res) in ds.indicators.iter().zip(&indicators) {
            for b in ind.bears_on.iter().filter(|b| b.scenario == sc.id) {
                let valid = |x: f64| x.is_finite() && x > 0.0;
                if !valid(b.if_fired) || !valid(b.if_not_fired) {
                    skipped.push(Skipped {
                        id: ind.id.clone(),
                        reason: format!("invalid likelihood ratio for {}", sc.id),
                    });
                    continue;
                }
                bearings += 1;
                let lr = match res.state {
                    State::Fired => b.if_fired,
                    State::NotFired => b.if_not_fired,
                    State::Unknown => 1.0,
                };
                if res.state == State::Unknown {
                    unknown.push((ind.id.clone(), b.if_fired.ln(), b.if_not_fired.ln()));
                } else {
                    evaluated.push(res);
                }
                contributions.push(Contribution {
                    indicator: ind.id.clone(),
                    state: res.state,
                    likelihood_ratio: lr,
                    log_odds: lr.ln(),
                });
            }
        }
        let log_odds = prior_log_odds + contributions.iter().map(|c| c.log_odds).sum::<f64>();
        let probability = logistic(log_odds);
        let term = Term::of(probability).unwrap_or(Term::RoughlyEvenChance);
        let what_would_change = unknown
            .iter()
            .map(|(id, lf, lnf)| {
                let (pf, pnf) = (logistic(log_odds + lf), logistic(log_odds + lnf));
                let (tf, tnf) = (Term::of(pf).unwrap_or(term), Term::of(pnf).unwrap_or(term));
                let w = WhatWouldChange {
                    indicator: id.clone(),
                    if_fired: pf,
                    if_fired_term: tf,
                    if_not_fired: pnf,
                    if_not_fired_term: tnf,
                    changes_term: tf != term || tnf != term,
                };
                (lf.abs().max(lnf.abs()), w)
            })
            .max_by(|(a, wa), (b, wb)| {
                (wa.changes_term, *a)
                    .partial_cmp(&(wb.changes_term, *b))
                    .unwrap_or(std::cmp::Ordering::Equal)
            })
            .map(|(_, w)| w);
        let (confidence, confidence_reason) = confidence(&evaluated, bearings);
        crate::sort::sort_by(&mut contributions, |a, b| {
            b.log_odds
                .abs()
                .partial_cmp(&a.log_odds.abs())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        scenarios.push(ScenarioResult {
            id: sc.id.clone(),
            name: sc.name.clone(),
            kind: sc.kind,
            prior,
            illustrative_prior: sc.tags.iter().any(|t| t == ILLUSTRATIVE_PRIOR_TAG),
            prior_term: Term::of(prior).unwrap_or(Term::RoughlyEvenChance),
            prior_log_odds,
            log_odds,
            probability,
            term,
            confidence,
            confidence_reason,
            contributions,
            what_would_change,
        });
    }

    let ach = ach(ds, &indicators, &scenarios);
    Assessment {
        as_of: as_of.to_string(),
        indicators,
        scenarios,
        ach,
        skipped,
    }
}

fn ach(ds: &Dataset, results: &[IndicatorResult], scenarios: &[ScenarioResult]) -> Ach {
    let hypotheses: Vec<String> = scenarios.iter().map(|s| s.id.clone()).collect();
    let mut rows = Vec::new();
    for (ind, res) in ds.indicators.iter().zip(results) {
        if res.state == State::Unknown {
            continue;
        }
        let ratings: Vec<Rating> = hypotheses
            .iter()
            .map(|h| match ind.bears_on.iter().find(|b| &b.scenario == h) {
                None => Rating::NA,
                Some(b) => Rating::of_ratio(if res.state == State::Fired {
                    b.if_fired
                } else {
                    b.if_not_fired
                }),
            })
            .collect();
        let rated: Vec<Rating> = ratings
            .iter()
            .copied()
            .filter(|r| *r != Rating::NA)
            .collect();
        let non_diagnostic = (rated.len() >= 2 && rated.iter().all(|r| *r == rated[0]))
            || (!rated.is_empty() && rated.iter().all(|r| *r == Rating::N));
        let weight = res
            .grading
            .as_deref()
            .and_then(parse_grading)
            .map(|g| credibility_weight(&g))
            .unwrap_or(0.5);
        rows.push(AchRow {
            indicator: ind.id.clone(),
            state: res.state,
            ratings,
            weight,
            non_diagnostic,
        });
    }
    let inconsistency = (0..hypotheses.len())
        .map(|j| rows.iter().map(|r| r.ratings[j].inconsistency()).sum())
        .collect();
    let weighted_inconsistency = (0..hypotheses.len())
        .map(|j| {
            rows.iter()
                .map(|r| r.weight * r.ratings[j].inconsistency())
                .sum()
        })
        .collect();
    Ach {
        hypotheses,
        rows,
        inconsistency,
        weighted_inconsistency,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::Bearing;

    fn doc(json: &str) -> Dataset {
        Dataset::from_json(json).unwrap()
    }

    const BASE: &str = r#"{"formatVersion": "1.0",
      "sources": [{"id": "s", "title": "t", "reliability": "B", "credibility": 2}],
      "exercises": [
        {"id": "e1", "name": "A", "participants": ["CHN", "RUS"], "domains": ["cyber"], "dates": "2023-05-01", "sources": ["s"]},
        {"id": "e2", "name": "B", "participants": ["CHN", "RUS"], "domains": ["naval"], "dates": "2024", "sources": ["s"]}
      ],
      "scenarios": [{"id": "h", "name": "H", "description": "d", "prior": 0.5}],
      "indicators": [
        {"id": "cyber", "name": "cyber", "metric": {"type": "count", "filter": {"domains": ["cyber"]}, "windowYears": 2},
         "rule": {"direction": "atLeast", "threshold": 1}, "bearsOn": [{"scenario": "h", "ifFired": 4, "ifNotFired": 0.5}], "sources": ["s"]},
        {"id": "tempo", "name": "tempo", "metric": {"type": "count", "filter": {}, "windowYears": 1},
         "rule": {"direction": "atLeast", "threshold": 2, "watch": 1}, "bearsOn": [{"scenario": "h", "ifFired": 2, "ifNotFired": 0.8}], "sources": ["s"]},
        {"id": "obs", "name": "obs", "metric": {"type": "observed"},
         "rule": {"direction": "atLeast", "threshold": 1}, "bearsOn": [{"scenario": "h", "ifFired": 3, "ifNotFired": 0.25}], "sources": ["s"]}
      ]}"#;

    #[test]
    fn bayes_update_worked_by_hand() {
        let ds = doc(BASE);
        let a = assess(
            &ds,
            &AssessOptions {
                as_of: Some("2024-12-31".parse().unwrap()),
            },
        );
        // cyber fired (LR 4); tempo: e2 dated "2024" is surely within 1 year of 2024-12-31, e1 (2023-05-01) is not -> 1 < 2, not fired (LR 0.8), watch reached; obs unknown (LR 1).
        let s = &a.scenarios[0];
        let expected = (4.0f64 * 0.8).ln(); // prior odds 1
        assert!((s.log_odds - expected).abs() < 1e-12);
        assert!((s.probability - 3.2 / 4.2).abs() < 1e-12);
        assert_eq!(s.term, Term::Likely);
        assert!(a.indicators[1].watch);
        assert_eq!(a.indicators[2].state, State::Unknown);
        let w = s.what_would_change.as_ref().unwrap();
        assert_eq!(w.indicator, "obs");
        // if the observation fires: odds 3.2*3 = 9.6 -> 0.9057 (very likely); if not: 0.8 -> 0.444 (unlikely)
        assert!((w.if_fired - 9.6 / 10.6).abs() < 1e-12);
        assert_eq!(w.if_fired_term, Term::VeryLikely);
        assert_eq!(w.if_not_fired_term, Term::Unlikely);
        assert!(w.changes_term);
    }

    #[test]
    fn imprecise_dates_give_a_range_and_an_unknown_state() {
        let ds = doc(BASE);
        // As of mid-2024, the exercise dated only "2024" may or may not have started yet.
        let a = assess(
            &ds,
            &AssessOptions {
                as_of: Some("2024-06-30".parse().unwrap()),
            },
        );
        let tempo = &a.indicators[1];
        assert_eq!(tempo.value, Some(Quantity::Range { min: 0.0, max: 1.0 }));
        assert_eq!(
            tempo.state,
            State::NotFired,
            "even the upper bound 1 is below the threshold 2"
        );
    }

    #[test]
    fn contributions_add_up_for_every_scenario() {
        let ds = crate::assess::catalogue::with_catalogue(&crate::dataset::seed::seed());
        let a = assess(&ds, &AssessOptions::default());
        assert_eq!(a.scenarios.len(), 9);
        for s in &a.scenarios {
            let sum: f64 = s.contributions.iter().map(|c| c.log_odds).sum();
            assert!(
                (s.log_odds - s.prior_log_odds - sum).abs() < 1e-12,
                "{}",
                s.id
            );
            assert!((logistic(s.log_odds) - s.probability).abs() < 1e-15);
        }
    }

    #[test]
    fn confidence_follows_amount_and_grading() {
        let ds = doc(BASE);
        let a = assess(
            &ds,
            &AssessOptions {
                as_of: Some("2024-12-31".parse().unwrap()),
            },
        );
        // two observed indicators graded B2, one unknown of three: moderate, not high.
        assert_eq!(a.scenarios[0].confidence, Confidence::Moderate);
        let seed = crate::assess::catalogue::with_catalogue(&crate::dataset::seed::seed());
        let a = assess(&seed, &AssessOptions::default());
        assert!(
            a.scenarios.iter().all(|s| s.confidence == Confidence::Low),
            "the seed's only source is graded F6"
        );
    }

    #[test]
    fn ach_ratings_and_scores() {
        assert_eq!(Rating::of_ratio(3.0), Rating::CC);
        assert_eq!(Rating::of_ratio(2.9), Rating::C);
        assert_eq!(Rating::of_ratio(1.0), Rating::N);
        assert_eq!(Rating::of_ratio(0.5), Rating::I);
        assert_eq!(Rating::of_ratio(1.0 / 3.0), Rating::II);
        let mut ds = doc(BASE);
        ds.scenarios.push(crate::model::scenario::Scenario {
            id: "k".into(),
            name: "K".into(),
            kind: ScenarioKind::Scenario,
            description: "d".into(),
            prior: Some(0.5),
            horizon: None,
            horizon_years: None,
            sources: vec![],
            tags: vec![],
        });
        ds.indicators[0].bears_on.push(Bearing {
            scenario: "k".into(),
            if_fired: 0.2,
            if_not_fired: 1.5,
        });
        ds.indicators[1].bears_on.push(Bearing {
            scenario: "k".into(),
            if_fired: 2.0,
            if_not_fired: 0.8,
        });
        let a = assess(
            &ds,
            &AssessOptions {
                as_of: Some("2024-12-31".parse().unwrap()),
            },
        );
        assert_eq!(a.ach.hypotheses, ["h", "k"]);
        assert_eq!(
            a.ach.rows.len(),
            2,
            "the unknown observation is not evidence"
        );
        assert_eq!(a.ach.rows[0].ratings, [Rating::CC, Rating::II]);
        assert_eq!(a.ach.rows[1].ratings, [Rating::I, Rating::I]);
        assert!(a.ach.rows[1].non_diagnostic);
        assert!(!a.ach.rows[0].non_diagnostic);
        assert_eq!(a.ach.inconsistency, [1.0, 3.0]);
        let w = credibility_weight(&Grading {
            reliability: Reliability::B,
            credibility: Credibility::ProbablyTrue,
        });
        assert!((a.ach.weighted_inconsistency[1] - 3.0 * w).abs() < 1e-12);
    }

    #[test]
    fn scenarios_without_priors_are_skipped_with_a_reason() {
        let a = assess(&crate::dataset::seed::seed(), &AssessOptions::default());
        assert!(a.scenarios.is_empty());
        assert_eq!(a.skipped.len(), 9);
    }
}
