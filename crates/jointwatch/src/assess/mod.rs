//! Scenario assessment: indicators evaluated against a dataset as of a date,
//! each scenario's odds moved from its prior by likelihood ratios, and
//! Analysis of Competing Hypotheses as a second view.
//!
//! The method, its formulas and its limits are set out in `docs/method.md`.
//! In short, for a scenario *H* outside any set, with prior *p*:
//!
//! ```text
//! log-odds(H | evidence) = ln(p / (1 − p)) + Σ ln LR_i
//! ```
//!
//! where `LR_i` is the indicator's `ifFired` ratio when it fired, its
//! `ifNotFired` ratio when it did not, and 1 when its state is unknown (a
//! count below its threshold outside declared coverage is unknown: absence
//! of records is not evidence). Dependent indicators (a `correlated` group,
//! or evidence sharing a record) count once. The scenarios of a set of
//! exclusive alternatives are updated together against a remainder. Each
//! term is reported as a contribution, so the contributions add up to the
//! change from prior to posterior log-odds.
//!
//! The work is split along its seams: `evaluate` (indicators), `update`
//! (the odds), `confidence` and `ach`.

mod ach;
pub mod catalogue;
mod confidence;
pub mod estimative;
mod evaluate;
mod update;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use crate::assess::ach::credibility_weight;
use crate::assess::estimative::Term;
pub use crate::assess::evaluate::{evaluate, latest_date};
use crate::dataset::Dataset;
use crate::model::date::{FuzzyDate, Precision};
use crate::model::quantity::Quantity;
use crate::model::scenario::{Scenario, ScenarioKind};

/// Priors are kept inside this distance from 0 and 1 so that evidence can move them.
pub const PRIOR_CLAMP: f64 = 1e-3;

/// Tag on a scenario whose prior came from the built-in catalogue.
pub const ILLUSTRATIVE_PRIOR_TAG: &str = "illustrative-prior";

/// Tag on a scenario whose horizon came from the built-in catalogue.
pub const ILLUSTRATIVE_HORIZON_TAG: &str = "illustrative-horizon";

fn is_false(b: &bool) -> bool {
    !*b
}

/// How to assess.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssessOptions {
    /// The date to assess as of; by default the latest date the dataset mentions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<FuzzyDate>,
    /// Assess the dataset as it is, without completing it from the built-in
    /// catalogue. Honoured where the catalogue is applied
    /// ([`catalogue::apply`], and so the brief); [`assess`] itself never
    /// adds the catalogue.
    #[serde(default, skip_serializing_if = "is_false")]
    pub no_catalogue: bool,
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
    /// Ids of the sources behind the evidence, each once (and, for a count
    /// that coverage decides, the coverage entry's sources).
    pub sources: Vec<String>,
    /// The best grading among the evidence's sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grading: Option<String>,
    /// For a count: the id of the declared coverage that holds its filter
    /// and window, so that a count below the threshold is an observed "not
    /// fired". Absent: the count is a lower bound and cannot clear.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<String>,
    /// Whether the indicator is an illustrative default from the catalogue.
    pub illustrative: bool,
    /// A count of the records held where no declared coverage says they are
    /// all there is: `value` is what the dataset holds, a lower bound on the
    /// events, not their number.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub uncovered: bool,
    /// How the value was obtained.
    pub note: String,
}

/// What a contribution stands for.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ContributionKind {
    /// One indicator bearing on the scenario.
    #[default]
    Indicator,
    /// For a member of a set: the evidence on the other members and the
    /// remainder, which is what "not this scenario" means in the set.
    Alternatives,
}

/// One indicator's effect on one scenario (or, for a member of a set, the
/// effect of its alternatives).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Contribution {
    /// The indicator's id; for `alternatives`, the set's id.
    pub indicator: String,
    /// An indicator, or a set member's alternatives.
    #[serde(default)]
    pub kind: ContributionKind,
    /// The indicator's state (absent for `alternatives`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<State>,
    /// The indicator's likelihood ratio for its state (1 when unknown),
    /// whether or not it counted; for `alternatives`, e^logOdds.
    pub likelihood_ratio: f64,
    /// The change in log-odds applied: ln of the ratio when it counted, 0
    /// when it was unknown or absorbed by its group.
    pub log_odds: f64,
    /// Whether it counted: false when unknown, or when absorbed by a group
    /// of dependent indicators (another member counted for the group).
    pub counted: bool,
    /// The group of dependent indicators it was pooled in: a declared
    /// `correlated` group's id, or `record:<id>` when the indicators'
    /// evidence shares that record. Absent when it stands alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Whether the ratio is an illustrative default from the catalogue.
    pub illustrative: bool,
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
    /// Whether the posterior rests on a judgement made to illustrate the
    /// method: an illustrative prior or horizon, or an illustrative
    /// likelihood ratio that counted (for a set member, anywhere in its
    /// set). Show it marked, rounded to 5 points.
    pub illustrative: bool,
    /// The set of exclusive scenarios it belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set: Option<String>,
    /// The last day of the horizon (`YYYY-MM-DD`): the scenario's
    /// `horizon`, or `horizonYears` after the assessment date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon: Option<String>,
    /// The horizon in words, to print with the judgement ("by the end of
    /// 2029"; "no horizon stated" when there is none).
    pub horizon_phrase: String,
    /// Whether the horizon is an illustrative default from the catalogue.
    pub illustrative_horizon: bool,
    /// The term for the prior.
    pub prior_term: Term,
    /// Prior log-odds (after keeping the prior inside [`PRIOR_CLAMP`] and,
    /// in a set whose priors exceed 1, normalising them).
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
    /// Every bearing indicator's contribution (and, in a set, the
    /// alternatives'), largest effect first; they add up to
    /// `logOdds − priorLogOdds`.
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

/// Analysis of Competing Hypotheses over the members of one set.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ach {
    /// The set whose members compete.
    pub set: String,
    /// The hypotheses (scenario ids), one per column.
    pub hypotheses: Vec<String>,
    /// The evidence, one row per observed indicator bearing on a member.
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

/// A set of exclusive scenarios, updated together.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetResult {
    /// The set's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The members assessed (scenario ids with a prior), in the set's order.
    pub members: Vec<String>,
    /// Their priors as used (kept inside [`PRIOR_CLAMP`]; normalised when
    /// they exceed 1).
    pub priors: Vec<f64>,
    /// Their posterior probabilities.
    pub probabilities: Vec<f64>,
    /// The prior of "none of these": 1 − Σ priors.
    pub prior_remainder: f64,
    /// The posterior of "none of these". Probabilities and remainder sum to 1.
    pub remainder: f64,
    /// Whether the priors summed to more than 1 and were normalised.
    pub normalised: bool,
    /// Whether any member's posterior rests on an illustrative judgement.
    pub illustrative: bool,
    /// What was done and why (normalised priors, members without a prior).
    pub notes: Vec<String>,
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
    /// The sets of exclusive scenarios, each updated together.
    pub sets: Vec<SetResult>,
    /// The ACH view: one matrix per set.
    pub ach: Vec<Ach>,
    /// Scenarios with no ACH matrix, and why.
    pub ach_omitted: Vec<Skipped>,
    /// Scenarios and bearings left out, with the reason.
    pub skipped: Vec<Skipped>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(m: i8) -> &'static str {
    MONTHS[usize::try_from(m - 1).unwrap_or(0).min(11)]
}

/// "by the end of 2029", "by the end of March 2029" or "by 15 March 2029".
fn by_phrase(d: FuzzyDate) -> String {
    match d.precision() {
        Precision::Year => format!("by the end of {}", d.year()),
        Precision::Month => {
            let last = d.last_day();
            format!("by the end of {} {}", month_name(last.month()), last.year())
        }
        Precision::Day => {
            let day = d.last_day();
            format!(
                "by {} {} {}",
                day.day(),
                month_name(day.month()),
                day.year()
            )
        }
    }
}

/// A day as precisely as it falls: a year's or a month's last day reads as
/// that year or month.
fn as_fuzzy(d: Date) -> FuzzyDate {
    if d.month() == 12 && d.day() == 31 {
        FuzzyDate::Year(d.year())
    } else if d == d.last_of_month() {
        FuzzyDate::Month {
            year: d.year(),
            month: d.month(),
        }
    } else {
        FuzzyDate::Day(d)
    }
}

/// The scenario's horizon: its last day and the words for it.
fn horizon(sc: &Scenario, as_of: Date) -> (Option<String>, String) {
    if let Some(h) = sc.horizon {
        return (
            Some(crate::model::date::day_text(h.last_day())),
            by_phrase(h),
        );
    }
    if let Some(y) = sc.horizon_years {
        if let Some(end) = crate::model::date::add_years(as_of, i64::from(y)) {
            return (
                Some(crate::model::date::day_text(end)),
                format!("within {y} year(s), {}", by_phrase(as_fuzzy(end))),
            );
        }
    }
    (None, "no horizon stated".to_string())
}

fn logistic(l: f64) -> f64 {
    1.0 / (1.0 + (-l).exp())
}

fn by_effect(contributions: &mut [Contribution]) {
    crate::sort::sort_by(contributions, |a, b| {
        b.log_odds
            .abs()
            .partial_cmp(&a.log_odds.abs())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
}

/// The unknown indicator whose observation would move a judgement most:
/// each candidate with the posterior log-odds if it fired and if not.
fn most_telling(
    candidates: Vec<(String, f64, f64)>,
    log_odds: f64,
    term: Term,
) -> Option<WhatWouldChange> {
    candidates
        .into_iter()
        .map(|(id, lf, lnf)| {
            let (pf, pnf) = (logistic(lf), logistic(lnf));
            let (tf, tnf) = (Term::of(pf).unwrap_or(term), Term::of(pnf).unwrap_or(term));
            let w = WhatWouldChange {
                indicator: id,
                if_fired: pf,
                if_fired_term: tf,
                if_not_fired: pnf,
                if_not_fired_term: tnf,
                changes_term: tf != term || tnf != term,
            };
            ((lf - log_odds).abs().max((lnf - log_odds).abs()), w)
        })
        .max_by(|(a, wa), (b, wb)| {
            (wa.changes_term, *a)
                .partial_cmp(&(wb.changes_term, *b))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .map(|(_, w)| w)
}

/// One scenario with a usable prior, before its update.
struct Pending<'a> {
    sc: &'a Scenario,
    prior: f64,
    ev: update::Evidence,
}

impl Pending<'_> {
    fn illustrative_prior(&self) -> bool {
        self.sc.tags.iter().any(|t| t == ILLUSTRATIVE_PRIOR_TAG)
    }
    fn illustrative_horizon(&self) -> bool {
        self.sc.tags.iter().any(|t| t == ILLUSTRATIVE_HORIZON_TAG)
    }
    fn own_illustrative(&self) -> bool {
        self.illustrative_prior() || self.illustrative_horizon() || self.ev.illustrative
    }
}

/// Distinct indicator indices from several lists.
fn union(lists: &[&[usize]]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for l in lists {
        for k in *l {
            if !out.contains(k) {
                out.push(*k);
            }
        }
    }
    out
}

/// Assesses every scenario that has a prior.
///
/// Scenarios outside any set are each updated against their own negation;
/// the members of a set of exclusive scenarios are updated together with a
/// remainder ("none of these"), so their probabilities and the remainder
/// sum to 1.
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
/// let set = &a.sets[0];
/// let total: f64 = set.probabilities.iter().sum::<f64>() + set.remainder;
/// assert!((total - 1.0).abs() < 1e-12);
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
    let mut pending: Vec<Pending<'_>> = Vec::new();
    for sc in &ds.scenarios {
        let Some(prior) = sc.prior.filter(|p| (0.0..=1.0).contains(p)) else {
            skipped.push(Skipped {
                id: sc.id.clone(),
                reason: "no prior (or one outside 0–1): nothing to update".into(),
            });
            continue;
        };
        let ev = update::evidence(ds, &indicators, &sc.id, &mut skipped);
        pending.push(Pending { sc, prior, ev });
    }

    // Which set each pending scenario belongs to (the first set naming it).
    let mut member_of: Vec<Option<usize>> = vec![None; pending.len()];
    let mut sets: Vec<(usize, Vec<usize>, Vec<String>)> = Vec::new();
    for (si, set) in ds.scenario_sets.iter().enumerate() {
        let mut members = Vec::new();
        let mut notes = Vec::new();
        for id in &set.scenarios {
            match pending.iter().position(|p| p.sc.id == *id) {
                Some(i) if member_of[i].is_none() && !members.contains(&i) => {
                    member_of[i] = Some(sets.len());
                    members.push(i);
                }
                Some(_) => notes.push(format!(
                    "{id} is already in another set: assessed there only"
                )),
                None => notes.push(format!(
                    "{id} has no prior: left out, its share is in the remainder"
                )),
            }
        }
        if members.is_empty() {
            skipped.push(Skipped {
                id: set.id.clone(),
                reason: "no member of the set has a prior: nothing to update".into(),
            });
            continue;
        }
        sets.push((si, members, notes));
    }

    let mut results: Vec<Option<ScenarioResult>> = vec![None; pending.len()];
    let mut set_results = Vec::new();

    // Scenarios outside any set: the binary update against their negation.
    for (i, p) in pending.iter().enumerate() {
        if member_of[i].is_some() {
            continue;
        }
        let p0 = p.prior.clamp(PRIOR_CLAMP, 1.0 - PRIOR_CLAMP);
        let prior_log_odds = (p0 / (1.0 - p0)).ln();
        let log_odds = prior_log_odds + p.ev.log_lr;
        let probability = logistic(log_odds);
        let term = Term::of(probability).unwrap_or(Term::RoughlyEvenChance);
        let candidates =
            p.ev.unknown
                .iter()
                .map(|(k, lf, lnf)| (ds.indicators[*k].id.clone(), log_odds + lf, log_odds + lnf))
                .collect();
        let observed: Vec<&IndicatorResult> =
            p.ev.observed.iter().map(|k| &indicators[*k]).collect();
        let (confidence, confidence_reason) =
            confidence::confidence(ds, &observed, p.ev.bearing.len(), p.ev.counted.len());
        let mut contributions = p.ev.contributions.clone();
        by_effect(&mut contributions);
        results[i] = Some(scenario_result(
            p,
            as_of,
            None,
            p.own_illustrative(),
            prior_log_odds,
            log_odds,
            probability,
            (confidence, confidence_reason),
            contributions,
            most_telling(candidates, log_odds, term),
        ));
    }

    // Sets: the joint update over the members and the remainder.
    for (si, members, mut notes) in sets {
        let set = &ds.scenario_sets[si];
        let mut priors: Vec<f64> = members
            .iter()
            .map(|i| pending[*i].prior.clamp(PRIOR_CLAMP, 1.0 - PRIOR_CLAMP))
            .collect();
        let sum: f64 = priors.iter().sum();
        let normalised = sum > 1.0;
        if normalised {
            notes.push(format!(
                "the priors summed to {sum:.3}, more than 1: normalised to sum to 1, with no remainder"
            ));
            for p in &mut priors {
                *p /= sum;
            }
        }
        let prior_remainder = if normalised {
            0.0
        } else {
            (1.0 - sum).max(0.0)
        };
        let log_priors: Vec<f64> = priors.iter().map(|p| p.ln()).collect();
        let log_r0 = prior_remainder.ln();
        let log_lr: Vec<f64> = members.iter().map(|i| pending[*i].ev.log_lr).collect();
        let (probabilities, alternatives, remainder) =
            update::set_posteriors(&log_priors, log_r0, &log_lr);
        let prior_log_odds: Vec<f64> = priors.iter().map(|p| (p / (1.0 - p)).ln()).collect();
        let illustrative = members.iter().any(|i| pending[*i].own_illustrative());
        let observed_all = union(
            &members
                .iter()
                .map(|i| pending[*i].ev.observed.as_slice())
                .collect::<Vec<_>>(),
        );
        let bearing_all = union(
            &members
                .iter()
                .map(|i| pending[*i].ev.bearing.as_slice())
                .collect::<Vec<_>>(),
        );
        let counted_all = union(
            &members
                .iter()
                .map(|i| pending[*i].ev.counted.as_slice())
                .collect::<Vec<_>>(),
        );
        let observed: Vec<&IndicatorResult> =
            observed_all.iter().map(|k| &indicators[*k]).collect();
        let conf = confidence::confidence(ds, &observed, bearing_all.len(), counted_all.len());
        // Unknown indicators bearing on any member, with their ratios per member.
        let mut unknown: Vec<usize> = Vec::new();
        for i in &members {
            for (k, _, _) in &pending[*i].ev.unknown {
                if !unknown.contains(k) {
                    unknown.push(*k);
                }
            }
        }
        let shifted = |k: usize, fired: bool| {
            let l: Vec<f64> = members
                .iter()
                .map(|i| {
                    let ev = &pending[*i].ev;
                    ev.log_lr
                        + ev.unknown
                            .iter()
                            .find(|(u, _, _)| *u == k)
                            .map_or(0.0, |(_, lf, lnf)| if fired { *lf } else { *lnf })
                })
                .collect();
            let alt = update::set_posteriors(&log_priors, log_r0, &l).1;
            (0..l.len())
                .map(|m| prior_log_odds[m] + l[m] + alt[m])
                .collect::<Vec<f64>>()
        };
        let outcomes: Vec<(usize, Vec<f64>, Vec<f64>)> = unknown
            .iter()
            .map(|k| (*k, shifted(*k, true), shifted(*k, false)))
            .collect();
        for (m, i) in members.iter().enumerate() {
            let p = &pending[*i];
            let alt = alternatives[m];
            let lo = prior_log_odds[m] + p.ev.log_lr + alt;
            let probability = probabilities[m];
            let term = Term::of(probability).unwrap_or(Term::RoughlyEvenChance);
            let mut contributions = p.ev.contributions.clone();
            contributions.push(Contribution {
                indicator: set.id.clone(),
                kind: ContributionKind::Alternatives,
                state: None,
                likelihood_ratio: alt.exp(),
                log_odds: alt,
                counted: true,
                group: None,
                illustrative,
            });
            by_effect(&mut contributions);
            let candidates = outcomes
                .iter()
                .map(|(k, f, nf)| (ds.indicators[*k].id.clone(), f[m], nf[m]))
                .collect();
            results[*i] = Some(scenario_result(
                p,
                as_of,
                Some(set.id.clone()),
                illustrative,
                prior_log_odds[m],
                lo,
                probability,
                conf.clone(),
                contributions,
                most_telling(candidates, lo, term),
            ));
        }
        let horizons: Vec<Option<String>> = members
            .iter()
            .map(|i| horizon(pending[*i].sc, as_of).0)
            .collect();
        if horizons.iter().any(|h| *h != horizons[0]) {
            notes.push(
                "the members' horizons differ: alternatives exclude each other only over one period"
                    .into(),
            );
        }
        set_results.push(SetResult {
            id: set.id.clone(),
            name: set.name.clone(),
            members: members.iter().map(|i| pending[*i].sc.id.clone()).collect(),
            priors,
            probabilities,
            prior_remainder,
            remainder,
            normalised,
            illustrative,
            notes,
        });
    }

    let scenarios: Vec<ScenarioResult> = results.into_iter().flatten().collect();
    let (ach, ach_omitted) = ach::ach(ds, &indicators, &scenarios, &set_results);
    Assessment {
        as_of: as_of.to_string(),
        indicators,
        scenarios,
        sets: set_results,
        ach,
        ach_omitted,
        skipped,
    }
}

#[allow(clippy::too_many_arguments)]
fn scenario_result(
    p: &Pending<'_>,
    as_of: Date,
    set: Option<String>,
    illustrative: bool,
    prior_log_odds: f64,
    log_odds: f64,
    probability: f64,
    (confidence, confidence_reason): (Confidence, String),
    contributions: Vec<Contribution>,
    what_would_change: Option<WhatWouldChange>,
) -> ScenarioResult {
    let (horizon, horizon_phrase) = horizon(p.sc, as_of);
    ScenarioResult {
        id: p.sc.id.clone(),
        name: p.sc.name.clone(),
        kind: p.sc.kind,
        prior: p.prior,
        illustrative_prior: p.illustrative_prior(),
        illustrative,
        set,
        horizon,
        horizon_phrase,
        illustrative_horizon: p.illustrative_horizon(),
        prior_term: Term::of(p.prior).unwrap_or(Term::RoughlyEvenChance),
        prior_log_odds,
        log_odds,
        probability,
        term: Term::of(probability).unwrap_or(Term::RoughlyEvenChance),
        confidence,
        confidence_reason,
        contributions,
        what_would_change,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::{Bearing, ScenarioSet};
    use crate::model::source::{Credibility, Grading, Reliability};

    fn on(d: &str) -> AssessOptions {
        AssessOptions {
            as_of: Some(d.parse().unwrap()),
            ..Default::default()
        }
    }

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
      "coverage": [{"id": "all", "description": "every record", "scope": {}, "from": "2020", "to": "2024", "sources": ["s"]}],
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
        let a = assess(&ds, &on("2024-12-31"));
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
        let a = assess(&ds, &on("2024-06-30"));
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
            assert!((logistic(s.log_odds) - s.probability).abs() < 1e-12);
        }
    }

    #[test]
    fn confidence_follows_amount_and_grading() {
        let ds = doc(BASE);
        let a = assess(&ds, &on("2024-12-31"));
        // Two observed indicators graded B2, one unknown of three, but every
        // piece of evidence rests on the one source `s`: low.
        assert_eq!(a.scenarios[0].confidence, Confidence::Low);
        assert!(a.scenarios[0]
            .confidence_reason
            .contains("1 independent source(s)"));
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
        ds.scenario_sets.push(ScenarioSet {
            id: "hk".into(),
            name: "H or K".into(),
            description: None,
            scenarios: vec!["h".into(), "k".into()],
            sources: vec![],
        });
        let a = assess(&ds, &on("2024-12-31"));
        assert_eq!(a.ach.len(), 1);
        let ach = &a.ach[0];
        assert_eq!(ach.set, "hk");
        assert_eq!(ach.hypotheses, ["h", "k"]);
        assert_eq!(ach.rows.len(), 2, "the unknown observation is not evidence");
        assert_eq!(ach.rows[0].ratings, [Rating::CC, Rating::II]);
        assert_eq!(ach.rows[1].ratings, [Rating::I, Rating::I]);
        assert!(ach.rows[1].non_diagnostic);
        assert!(!ach.rows[0].non_diagnostic);
        assert_eq!(ach.inconsistency, [1.0, 3.0]);
        let w = credibility_weight(&Grading {
            reliability: Reliability::B,
            credibility: Credibility::ProbablyTrue,
        });
        assert!((ach.weighted_inconsistency[1] - 3.0 * w).abs() < 1e-12);
        assert!(a.ach_omitted.is_empty());
    }

    #[test]
    fn scenarios_without_priors_are_skipped_with_a_reason() {
        let a = assess(&crate::dataset::seed::seed(), &AssessOptions::default());
        assert!(a.scenarios.is_empty());
        let ids: Vec<&str> = a.skipped.iter().map(|s| s.id.as_str()).collect();
        // The nine scenarios, and the seed's set of end states, none with a prior.
        assert_eq!(ids.len(), 10, "{ids:?}");
        assert!(ids.contains(&"end-states"), "{ids:?}");
    }
}
