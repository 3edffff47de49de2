//! Confidence, kept apart from likelihood: how much independent, well-graded
//! evidence a judgement rests on. It counts independent sources, not
//! indicators, so one report that fires several indicators is still one
//! report.

use crate::assess::evaluate::parse_grading;
use crate::assess::{Confidence, IndicatorResult};
use crate::dataset::select::Sources;
use crate::dataset::Dataset;
use crate::model::source::{Credibility, Grading, Reliability};

/// 2 for good (A–B and 1–2), 1 for fair (at least C3), else 0.
fn quality(g: Option<Grading>) -> u8 {
    match g {
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

/// What one independent source is known by: its publisher when given
/// (trimmed, ASCII letters compared without case), else its id.
fn independence_key(ds: &Sources<'_>, id: &str) -> String {
    match ds
        .get(id)
        .and_then(|s| s.publisher.as_deref())
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(p) => format!("publisher:{}", p.to_ascii_lowercase()),
        None => format!("id:{id}"),
    }
}

/// The independent sources behind the evidence: (key, best quality among
/// the sources that share it).
fn independent_sources(ds: &Dataset, observed: &[&IndicatorResult]) -> Vec<(String, u8)> {
    let index = Sources::index(ds);
    let mut out: Vec<(String, u8)> = Vec::new();
    for r in observed {
        for id in &r.sources {
            let key = independence_key(&index, id);
            let q = quality(index.get(id).map(|s| s.grading()));
            match out.iter_mut().find(|(k, _)| *k == key) {
                Some((_, best)) => *best = (*best).max(q),
                None => out.push((key, q)),
            }
        }
    }
    out
}

/// Confidence from the observed bearing indicators (`observed`), how many
/// bear in all (`bearings`) and how many pieces of evidence counted after
/// pooling dependent ones (`counted`). See `docs/method.md`.
pub(crate) fn confidence(
    ds: &Dataset,
    observed: &[&IndicatorResult],
    bearings: usize,
    counted: usize,
) -> (Confidence, String) {
    let sources = independent_sources(ds, observed);
    let good = sources.iter().filter(|(_, q)| *q == 2).count();
    let fair = sources.iter().filter(|(_, q)| *q >= 1).count();
    let all_fair = observed
        .iter()
        .all(|r| quality(r.grading.as_deref().and_then(parse_grading)) >= 1);
    let unknown = bearings.saturating_sub(observed.len());
    let reason = format!(
        "{} of {bearings} bearing indicator(s) observed, {counted} counted after pooling dependent evidence; {} independent source(s), {good} graded B2 or better, {fair} graded C3 or better",
        observed.len(),
        sources.len()
    );
    let c =
        if sources.len() >= 3 && good >= 2 && all_fair && counted >= 2 && unknown * 3 <= bearings {
            Confidence::High
        } else if fair >= 2 && counted >= 1 {
            Confidence::Moderate
        } else {
            Confidence::Low
        };
    (c, reason)
}
