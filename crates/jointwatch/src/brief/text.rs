//! The brief as text for a terminal.

use std::fmt::Write;

use crate::analysis::series::{MedianOf, PointStatus};
use crate::analysis::superlative::{Judgement, RecordSetter};
use crate::assess::State;
use crate::brief::Brief;
use crate::dataset::Dataset;

fn pct(p: f64) -> String {
    format!("{:.0}%", p * 100.0)
}

/// A posterior as a percentage: to the nearest 5 points and starred when it
/// rests on an illustrative number, since more digits would claim a
/// precision the judgement behind it does not have.
fn posterior(p: f64, illustrative: bool) -> String {
    if illustrative {
        format!("{:.0}%*", (p * 20.0).round() * 5.0)
    } else {
        pct(p)
    }
}

/// Every contribution to a scenario: the three largest counted ones by
/// name, the rest as a count and a total, then those that moved nothing
/// (unknown, or absorbed by a group of dependent evidence).
fn contributions(o: &mut String, s: &crate::assess::ScenarioResult) {
    use crate::assess::ContributionKind;
    let name = |c: &crate::assess::Contribution| match c.kind {
        ContributionKind::Indicator => c.indicator.clone(),
        ContributionKind::Alternatives => format!("the other alternatives of set {}", c.indicator),
    };
    let mut moved: Vec<&crate::assess::Contribution> = s
        .contributions
        .iter()
        .filter(|c| c.counted && c.log_odds != 0.0)
        .collect();
    crate::sort::sort_by(&mut moved, |a, b| {
        b.log_odds
            .abs()
            .partial_cmp(&a.log_odds.abs())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    if !moved.is_empty() {
        let shown: Vec<String> = moved
            .iter()
            .take(3)
            .map(|c| format!("{} {:+.2}", name(c), c.log_odds))
            .collect();
        let rest = &moved[moved.len().min(3)..];
        let more = if rest.is_empty() {
            String::new()
        } else {
            format!(
                "; {} more, total {:+.2}",
                rest.len(),
                rest.iter().map(|c| c.log_odds).sum::<f64>()
            )
        };
        let _ = writeln!(o, "      moved by (log-odds): {}{more}", shown.join(", "));
    }
    let absorbed: Vec<String> = s
        .contributions
        .iter()
        .filter(|c| !c.counted && c.state.is_some_and(|st| st != State::Unknown))
        .map(|c| match &c.group {
            Some(g) => format!("{} (counted once with its group {g})", c.indicator),
            None => c.indicator.clone(),
        })
        .collect();
    if !absorbed.is_empty() {
        let _ = writeln!(o, "      absorbed: {}", absorbed.join(", "));
    }
    let unknown = s
        .contributions
        .iter()
        .filter(|c| c.state == Some(State::Unknown))
        .count();
    if unknown > 0 {
        let _ = writeln!(
            o,
            "      {unknown} bearing indicator(s) unknown, moving nothing"
        );
    }
}

/// What a record-setter's judgement allows one to say: "for certain" only
/// when two or more figures were compared inside declared coverage.
fn judgement_words(r: &RecordSetter) -> String {
    match r.judgement {
        Judgement::Certain => "largest for certain".into(),
        Judgement::LargestHeld if r.compared < 2 => {
            "largest held, but the only one with the figure: no comparison".into()
        }
        Judgement::LargestHeld => {
            "largest held, but the dataset does not claim to hold every exercise of the window"
                .into()
        }
        Judgement::Possibly => "possibly the largest: another could match it".into(),
        Judgement::None => "no figure".into(),
    }
}

/// A count of the records held where the dataset claims no completeness: a
/// lower bound on the events ("≥2"), so that no one quotes it as their number.
fn held(q: &crate::model::quantity::Quantity) -> String {
    format!("≥{}", q.bounds().low)
}

/// One cadence's dates: how many, the intervals, the median interval.
fn cadence(o: &mut String, title: &str, c: &crate::analysis::cadence::Cadence) {
    if c.order.is_empty() && c.undated.is_empty() {
        return;
    }
    let _ = writeln!(o, "\n{title}");
    let _ = writeln!(o, "  {} dated, {} undated", c.order.len(), c.undated.len());
    for i in &c.intervals {
        let _ = writeln!(
            o,
            "  {} -> {}: {}–{} days",
            i.from, i.to, i.min_days, i.max_days
        );
    }
    if let Some(m) = c.median_interval_days {
        let _ = writeln!(o, "  median interval {m} days");
    }
    if !c.undated.is_empty() {
        let _ = writeln!(
            o,
            "  undated (no interval can be computed): {}",
            c.undated.join(", ")
        );
    }
}

/// Each numbering authority's count of each patrol kind, with its gaps and
/// conflicts. Unattributed numbers (format 1.0's `sequence`) are shown only
/// when they have a gap or a conflict.
fn numbering(o: &mut String, c: &crate::analysis::cadence::Cadence) {
    let runs: Vec<_> = c
        .numbering
        .iter()
        .filter(|r| r.by.is_some() || !r.missing_numbers.is_empty() || !r.conflicts.is_empty())
        .collect();
    if runs.is_empty() {
        return;
    }
    let _ = writeln!(o, "\nPatrol numbering (per kind and numbering authority)");
    for r in runs {
        let kind = match r.kind {
            crate::model::patrol::PatrolKind::JointAirPatrol => "Joint air patrols",
            crate::model::patrol::PatrolKind::JointNavalPatrol => "Joint naval patrols",
        };
        let by = match r.by {
            Some(b) => format!("numbered by {b}"),
            None => "numbered (authority not given)".into(),
        };
        let mut numbers: Vec<String> = r
            .sequence
            .iter()
            .map(|(n, id)| format!("{n} ({id})"))
            .collect();
        numbers.extend(
            r.undated
                .iter()
                .map(|(n, id)| format!("{n} ({id}, undated)")),
        );
        let gaps = if r.missing_numbers.is_empty() {
            String::new()
        } else {
            let word = if r.missing_numbers.len() == 1 {
                "number"
            } else {
                "numbers"
            };
            format!(" — {word} {} not held", r.missing_runs())
        };
        let _ = writeln!(o, "  {kind} {by}: {}{gaps}", numbers.join(", "));
        for conflict in &r.conflicts {
            let _ = writeln!(o, "    conflict: {conflict}");
        }
    }
}

/// Renders a brief as text for a terminal.
///
/// # Example
/// ```
/// let ds = jointwatch::seed();
/// let text = jointwatch::brief::render_text(&ds, &jointwatch::brief::brief(&ds, &Default::default(), &Default::default()));
/// assert!(text.contains("FY2023"));
/// ```
pub fn render_text(ds: &Dataset, b: &Brief) -> String {
    let mut out = crate::brief::listing::render(ds, &b.validation);
    let o = &mut out;

    for v in &b.series {
        let _ = writeln!(o, "\n{}", v.title);
        let _ = writeln!(
            o,
            "  {:<10} {:>10}  {:<10} {:<10} {:>8} {:>9}  records",
            "period", "value", "status", "basis", "counted", "reported"
        );
        for p in &v.series.points {
            let rep = p
                .reported
                .map(|r| r.to_string())
                .unwrap_or_else(|| "-".into());
            let basis = serde_json::to_value(p.basis)
                .ok()
                .and_then(|x| x.as_str().map(String::from))
                .unwrap_or_default();
            let status = match p.status {
                PointStatus::Observed => "observed",
                PointStatus::Uncovered => "uncovered",
                PointStatus::Missing => "missing",
            };
            let _ = writeln!(
                o,
                "  {:<10} {:>10}  {:<10} {:<10} {:>8} {:>9}  {}",
                p.key.join(" "),
                match (p.value, p.status) {
                    (Some(v), PointStatus::Uncovered) => held(&v),
                    (Some(v), _) => v.to_string(),
                    (None, _) => "-".into(),
                },
                status,
                basis,
                // The brief's queries never assume the dataset complete: a
                // count outside declared coverage is at least what is held.
                match (p.counted, &p.covered_by) {
                    (Some(c), None) => held(&c),
                    (Some(c), Some(_)) => c.to_string(),
                    (None, _) => "-".into(),
                },
                rep,
                p.ids.join(", ")
            );
        }
        for w in &v.reported_windows {
            let max = w
                .summary
                .max
                .map(|m| m.to_string())
                .unwrap_or_else(|| "unbounded".into());
            let median = match w.summary.median_of {
                MedianOf::ExactValues => "median",
                MedianOf::Midpoints => "median of the ranges' midpoints",
            };
            let _ = writeln!(
                o,
                "  over {} ({}): lowest {} and highest {} a year, {median} {}",
                w.period, w.statistic, w.summary.min, max, w.summary.median
            );
        }
        if v.series
            .points
            .iter()
            .any(|p| p.status == PointStatus::Uncovered)
        {
            let _ = writeln!(
                o,
                "  ≥, uncovered: counted from the records held, where the dataset declares no complete coverage (at least that many; left out of summaries and trends)"
            );
        }
        if v.series
            .points
            .iter()
            .any(|p| p.status == PointStatus::Missing)
        {
            let _ = writeln!(
                o,
                "  missing: no figure reported for the period (not zero; left out of summaries and trends)"
            );
        }
        for p in v
            .series
            .points
            .iter()
            .filter(|p| !p.alternatives.is_empty())
        {
            let alts: Vec<String> = p
                .alternatives
                .iter()
                .map(|a| format!("{} ({})", a.quantity, a.statistic))
                .collect();
            let _ = writeln!(
                o,
                "  {}: figures disagree: {}; shown: {}",
                p.key.join(" "),
                alts.join(", "),
                p.value.map(|v| v.to_string()).unwrap_or_default()
            );
        }
        for u in &v.series.unplaced {
            let _ = writeln!(o, "  not placed: {} {}", u.id, u.reason);
        }
        for d in &v.series.same_event {
            let _ = writeln!(
                o,
                "  counted once: {} is the same event as {}",
                d.id, d.counted_as
            );
        }
        for p in v.series.points.iter().filter(|p| !p.contested.is_empty()) {
            let _ = writeln!(
                o,
                "  {}: figures with values that disagree (value chosen by the conflict rule): {}",
                p.key.join(" "),
                p.contested.join(", ")
            );
        }
        match (&v.trend, &v.trend_skipped) {
            (Some(t), _) => {
                if let Some(mk) = &t.mann_kendall {
                    let _ = writeln!(
                        o,
                        "  trend: Mann–Kendall S = {}, Z = {:.3}, p = {:.4} ({:?})",
                        mk.s, mk.z, mk.p_value, mk.trend
                    );
                }
                if let Some(ss) = &t.sens_slope {
                    let _ = writeln!(o, "  Sen's slope {:.3} per period", ss.slope);
                }
            }
            (None, Some(why)) => {
                let _ = writeln!(o, "  trend: not computed ({why})");
            }
            _ => {}
        }
    }

    let c = &b.cadence;
    if b.cadence_by_kind.is_empty() {
        cadence(o, "Patrol cadence", c);
    } else {
        for k in &b.cadence_by_kind {
            let title = match k.kind {
                crate::model::patrol::PatrolKind::JointNavalPatrol => {
                    "Patrol cadence: joint naval patrols"
                }
                crate::model::patrol::PatrolKind::JointAirPatrol => {
                    "Patrol cadence: joint air patrols"
                }
            };
            cadence(o, title, &k.cadence);
        }
    }
    numbering(o, c);

    if !b.largest.is_empty() || !b.claims.is_empty() {
        let _ = writeln!(o, "\nRecord-setters");
    }
    for r in &b.largest {
        let leader = r.leader.as_deref().unwrap_or("none");
        let sure = judgement_words(r);
        let _ = writeln!(
            o,
            "  largest by {:?} in {}–{}: {leader}, {sure} ({} compared, {} without the figure)",
            r.field,
            r.from_year,
            r.to_year,
            r.compared,
            r.without_figure.len()
        );
        if !r.leader_alternatives.is_empty() {
            let values: Vec<String> = r
                .leader_alternatives
                .iter()
                .map(|a| {
                    let who = match (a.stance, a.by) {
                        (Some(s), Some(b)) => format!("{} by {b}", s.as_str()),
                        (Some(s), None) => s.as_str().to_string(),
                        (None, Some(b)) => format!("by {b}"),
                        (None, None) => "given".into(),
                    };
                    format!("{} ({who}; {})", a.value, a.sources.join(", "))
                })
                .collect();
            let _ = writeln!(
                o,
                "    the leader's figure is contested: {}",
                values.join("; ")
            );
        }
    }
    for cl in &b.claims {
        let _ = writeln!(o, "  claim by {}: \"{}\"", cl.exercise, cl.text);
        for r in &cl.checks {
            let verdict = match (&r.leader, r.judgement) {
                _ if r.without_figure.contains(&cl.exercise) => {
                    "not compared: it has no figure".to_string()
                }
                (Some(l), Judgement::Possibly) if *l == cl.exercise => {
                    format!("largest, but {} could match it", r.contenders.join(", "))
                }
                (Some(l), _) if *l == cl.exercise => judgement_words(r),
                // Its figure overlaps the leader's: it may still be the largest.
                (Some(l), _) if r.contenders.contains(&cl.exercise) => {
                    format!("not shown to be the largest: {l} may be larger")
                }
                (Some(l), _) => format!("not the largest: {l} is larger"),
                (None, _) => "no figure".to_string(),
            };
            let class = if r.domains.is_empty() {
                String::new()
            } else {
                let d: Vec<&str> = r.domains.iter().map(|d| d.as_str()).collect();
                format!(" among {} exercises", d.join(" or "))
            };
            let _ = writeln!(
                o,
                "    by {:?}{class} in {}–{}: {verdict} ({} exercise(s) with the figure in the dataset)",
                r.field, r.from_year, r.to_year, r.compared
            );
        }
    }

    for s in &b.shares {
        let _ = writeln!(o, "\nBreakdown of {} (total {})", s.statistic, s.total);
        for sh in &s.shares {
            let v = match (&sh.quantity, &sh.qualifier, sh.min_share, sh.max_share) {
                (Some(q), _, Some(lo), Some(hi)) => format!("{q} ({}–{})", pct(lo), pct(hi)),
                (Some(q), _, _, _) => q.to_string(),
                (None, Some(w), _, _) => format!("\"{w}\" (no figure)"),
                (None, None, _, _) => "no figure".into(),
            };
            let _ = writeln!(o, "  {:<8} {v}", sh.category.to_string());
        }
        if let Some(u) = s.unattributed {
            let _ = writeln!(o, "  {:<8} {u}", "unattributed");
        }
    }

    let a = &b.assessment;
    // The dataset's own indicators apart from those the built-in catalogue
    // added (`catalogue::apply` adds only ids the dataset lacks).
    let own = a
        .indicators
        .iter()
        .filter(|i| ds.indicators.iter().any(|d| d.id == i.id))
        .count();
    let _ = writeln!(
        o,
        "\nIndicators as of {}: {} evaluated, {own} from this dataset, {} from the built-in catalogue (illustrative)",
        a.as_of,
        a.indicators.len(),
        a.indicators.len() - own
    );
    for i in &a.indicators {
        let state = match i.state {
            State::Fired => "FIRED",
            State::NotFired if i.watch => "watch",
            State::NotFired => "not fired",
            State::Unknown => "unknown",
        };
        // A count outside declared coverage is what the dataset holds, a
        // lower bound on the events: "≥0", never a bare 0.
        let value = match i.value {
            Some(v) if i.uncovered => held(&v),
            Some(v) => v.to_string(),
            None => "-".into(),
        };
        let _ = writeln!(
            o,
            "  {:<10} {:>8}  {}{}",
            state,
            value,
            i.name,
            if i.illustrative {
                " [illustrative]"
            } else {
                ""
            }
        );
    }

    let _ = writeln!(o, "\nScenarios as of {}", a.as_of);
    let _ = writeln!(
        o,
        "  {:<48} {:>6} {:>6}  {:<20} {:<10}",
        "scenario", "prior", "now", "term", "confidence"
    );
    for s in &a.scenarios {
        let conf = serde_json::to_value(s.confidence)
            .ok()
            .and_then(|x| x.as_str().map(String::from))
            .unwrap_or_default();
        let mark = if s.illustrative_prior { "*" } else { "" };
        let _ = writeln!(
            o,
            "  {:<48} {:>6} {:>6}  {:<20} {:<10}",
            s.name,
            format!("{}{mark}", pct(s.prior)),
            posterior(s.probability, s.illustrative),
            s.term.words(),
            conf
        );
        let _ = writeln!(
            o,
            "      {} {}{}{}",
            s.term.words(),
            s.horizon_phrase,
            if s.illustrative_horizon {
                " (illustrative horizon)"
            } else {
                ""
            },
            match &s.set {
                Some(set) => format!("; one of the exclusive set {set}"),
                None => String::new(),
            }
        );
        contributions(o, s);
        if let Some(w) = &s.what_would_change {
            let _ = writeln!(
                o,
                "      would change most: {} (if fired {} {}, if not {} {}){}",
                w.indicator,
                posterior(w.if_fired, s.illustrative),
                w.if_fired_term.words(),
                posterior(w.if_not_fired, s.illustrative),
                w.if_not_fired_term.words(),
                if w.changes_term {
                    ""
                } else {
                    "; no single observation changes the term"
                }
            );
        }
    }
    if a.scenarios
        .iter()
        .any(|s| s.illustrative_prior || s.illustrative)
    {
        let _ = writeln!(o, "  * rests on an illustrative prior, likelihood ratio or horizon from the built-in catalogue (a judgement, not a finding; see docs/method.md); shown to the nearest 5 points");
    }
    for set in &a.sets {
        let parts: Vec<String> = set
            .members
            .iter()
            .zip(&set.probabilities)
            .map(|(m, p)| format!("{m} {}", posterior(*p, set.illustrative)))
            .chain(std::iter::once(format!(
                "none of these {}",
                posterior(set.remainder, set.illustrative)
            )))
            .collect();
        let total: f64 = set.probabilities.iter().sum::<f64>() + set.remainder;
        let _ = writeln!(
            o,
            "  exclusive set {}: {} (together {})",
            set.id,
            parts.join(" + "),
            pct(total)
        );
        for n in &set.notes {
            let _ = writeln!(o, "    {n}");
        }
    }
    for s in &a.skipped {
        let _ = writeln!(o, "  skipped {}: {}", s.id, s.reason);
    }

    for m in a.ach.iter().filter(|m| !m.rows.is_empty()) {
        let _ = writeln!(
            o,
            "\nAnalysis of Competing Hypotheses, set {} (rows: observed indicators; columns: {})",
            m.set,
            m.hypotheses.join(", ")
        );
        for r in &m.rows {
            let cells: Vec<String> = r.ratings.iter().map(|x| format!("{x:?}")).collect();
            let _ = writeln!(
                o,
                "  {:<40} {}{}",
                r.indicator,
                cells.join(" "),
                if r.non_diagnostic {
                    "  (non-diagnostic)"
                } else {
                    ""
                }
            );
        }
        let inc: Vec<String> = m.inconsistency.iter().map(|x| format!("{x}")).collect();
        let winc: Vec<String> = m
            .weighted_inconsistency
            .iter()
            .map(|x| format!("{x:.2}"))
            .collect();
        let _ = writeln!(o, "  inconsistency:          {}", inc.join(" "));
        let _ = writeln!(o, "  weighted inconsistency: {}", winc.join(" "));
    }
    out
}
