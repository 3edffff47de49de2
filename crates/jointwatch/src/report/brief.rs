//! The analyst's brief: everything the library can say about a dataset in
//! one result — validation, the series set beside what statistics report,
//! trends where the data allows, patrol cadence, record-setters, breakdown
//! shares and the scenario assessment. Every figure is computed from the
//! dataset; nothing here is written in by hand.
//!
//! [`brief`] builds it; [`render_text`] prints it for a terminal.

use std::fmt::Write;

use serde::Serialize;

use crate::analysis::breakdown::{shares, Shares};
use crate::analysis::cadence::{patrol_cadence, Cadence};
use crate::analysis::series::{
    series, summarize, trends, Field, GroupBy, Series, SeriesQuery, SeriesSummary, SeriesTrend,
};
use crate::analysis::superlative::{largest, RecordSetter};
use crate::assess::catalogue::with_catalogue;
use crate::assess::{assess, AssessOptions, Assessment, State};
use crate::dataset::Dataset;
use crate::diagnostics::{Report, ValidateOptions};
use crate::model::exercise::ClaimKind;
use crate::model::period::{Granularity, Period};
use crate::model::statistic::{Measure, Rate};

/// A series with its summaries and trend tests.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeriesView {
    /// What the series shows.
    pub title: String,
    /// The query that produced it, so it can be re-run.
    pub query: SeriesQuery,
    /// The series.
    pub series: Series,
    /// Summary of every point.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<SeriesSummary>,
    /// Summaries over the windows that statistics report for (e.g. 2014–2023).
    pub reported_windows: Vec<WindowSummary>,
    /// Trend tests, when the values allow them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trend: Option<SeriesTrend>,
    /// Why trend tests were not run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trend_skipped: Option<String>,
}

/// A series summarised over a statistic's window.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WindowSummary {
    /// The statistic whose period sets the window.
    pub statistic: String,
    /// The window.
    pub period: Period,
    /// The summary of the points inside it.
    pub summary: SeriesSummary,
}

/// A claim checked against the dataset.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimCheck {
    /// The exercise making the claim.
    pub exercise: String,
    /// The claim's words.
    pub text: String,
    /// What the dataset shows, figure by figure.
    pub checks: Vec<RecordSetter>,
}

/// The brief.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Brief {
    /// The dataset's title.
    pub title: String,
    /// Validation findings.
    pub validation: Report,
    /// Series of records and reported statistics.
    pub series: Vec<SeriesView>,
    /// Patrol cadence.
    pub cadence: Cadence,
    /// The largest exercise by personnel, ships and aircraft in the 30 years to the assessment date.
    pub largest: Vec<RecordSetter>,
    /// "Largest in N years" claims, checked.
    pub claims: Vec<ClaimCheck>,
    /// Shares of every breakdown.
    pub shares: Vec<Shares>,
    /// The scenario assessment (built-in catalogue applied where the dataset's scenarios match it).
    pub assessment: Assessment,
}

fn granularity_of(p: &Period, rate: Rate) -> Option<Granularity> {
    match (p, rate) {
        (Period::Years { .. }, Rate::PerYear) | (Period::CalendarYear { .. }, _) => {
            Some(Granularity::Year)
        }
        (
            Period::FiscalYear {
                first_month,
                named_by,
                ..
            },
            _,
        ) => Some(Granularity::FiscalYear {
            first_month: *first_month,
            named_by: *named_by,
        }),
        (Period::Quarter { .. }, _) => Some(Granularity::Quarter),
        (Period::Month { .. }, _) => Some(Granularity::Month),
        (Period::Years { .. }, Rate::Total) => None,
    }
}

fn measure_title(m: Measure, g: &Granularity) -> String {
    let what = match m {
        Measure::JointExercises => "Joint exercises",
        Measure::Exercises => "Exercises",
        Measure::JointAirPatrols => "Joint air patrols",
        Measure::JointNavalPatrols => "Joint naval patrols",
        Measure::Scrambles => "Scrambles",
        Measure::Other => "Other reported figures",
    };
    let per = match g {
        Granularity::Year => "per year".to_string(),
        Granularity::FiscalYear { first_month, .. } => {
            format!("per fiscal year (starting month {first_month})")
        }
        Granularity::Quarter => "per quarter".to_string(),
        Granularity::Month => "per month".to_string(),
    };
    format!("{what} {per}")
}

fn view(ds: &Dataset, title: String, query: SeriesQuery) -> Option<SeriesView> {
    let s = series(ds, &query).ok()?;
    if s.points.is_empty() {
        return None;
    }
    let reported_windows = query
        .reported
        .map(|m| {
            ds.statistics
                .iter()
                .filter(|st| st.measure == m && st.rate == Rate::PerYear)
                .filter_map(|st| {
                    let p = st.period?;
                    let inside = Series {
                        points: s
                            .points
                            .iter()
                            .filter(|pt| {
                                pt.period.is_some_and(|x| {
                                    x.first_day() >= p.first_day() && x.last_day() <= p.last_day()
                                })
                            })
                            .cloned()
                            .collect(),
                        unplaced: Vec::new(),
                    };
                    Some(WindowSummary {
                        statistic: st.id.clone(),
                        period: p,
                        summary: summarize(&inside)?,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let (trend, trend_skipped) = match trends(&s) {
        Ok(t) => (Some(t), None),
        Err(e) => (None, Some(e)),
    };
    Some(SeriesView {
        title,
        summary: summarize(&s),
        query,
        series: s,
        reported_windows,
        trend,
        trend_skipped,
    })
}

/// Builds the brief of a dataset as of a date (by default the latest date it mentions).
///
/// # Example
/// ```
/// let b = jointwatch::report::brief::brief(&jointwatch::seed(), &Default::default(), &Default::default());
/// assert_eq!(b.assessment.scenarios.len(), 9);
/// let fy = b.series.iter().find(|s| s.title.starts_with("Scrambles")).unwrap();
/// assert_eq!(fy.series.points[0].key, ["FY2023"]);
/// ```
pub fn brief(ds: &Dataset, validate: &ValidateOptions, options: &AssessOptions) -> Brief {
    let validation = ds.validate_with(validate);
    let full = with_catalogue(ds);
    let assessment = assess(&full, options);
    let as_of_year: i16 = assessment
        .as_of
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(9999);

    // One series per reported measure and period type, beside the records that count towards it.
    let mut kinds: Vec<(Measure, Granularity)> = Vec::new();
    let mut series_views = Vec::new();
    for st in &ds.statistics {
        let Some(g) = st.period.as_ref().and_then(|p| granularity_of(p, st.rate)) else {
            continue;
        };
        if kinds.contains(&(st.measure, g)) {
            continue;
        }
        kinds.push((st.measure, g));
        let mut filter = st
            .measure
            .record_filter()
            .unwrap_or(crate::model::record::Filter {
                kinds: vec![crate::model::record::RecordKind::Statistic],
                ..Default::default()
            });
        filter.participants_all = st.subjects.iter().map(|p| p.country).collect();
        // Window: from the earliest reported period to the later of the latest record or report.
        let reported: Vec<&Period> = ds
            .statistics
            .iter()
            .filter(|x| x.measure == st.measure)
            .filter_map(|x| x.period.as_ref())
            .collect();
        let first = reported.iter().filter_map(|p| p.first_day()).min();
        let last_report = reported.iter().filter_map(|p| p.last_day()).max();
        // A measure no record kind holds (scrambles) is shown only where it is reported.
        let last_record = if st.measure.record_filter().is_some() {
            filter
                .select(ds)
                .iter()
                .filter_map(|r| r.start().map(|d| d.last_day()))
                .max()
        } else {
            None
        };
        let last = last_report.max(last_record);
        if let (Some(a), Some(b)) = (first, last) {
            filter.from = Some(a.into());
            filter.to = Some(b.into());
        }
        let query = SeriesQuery {
            filter,
            group_by: vec![GroupBy::Period { granularity: g }],
            aggregate: Default::default(),
            reported: Some(st.measure),
        };
        if let Some(v) = view(ds, measure_title(st.measure, &g), query) {
            series_views.push(v);
        }
    }
    // Exercises per year even where no statistic reports them.
    if !kinds
        .iter()
        .any(|(m, g)| *m == Measure::JointExercises && *g == Granularity::Year)
        && !ds.exercises.is_empty()
    {
        let filter = Measure::JointExercises.record_filter().unwrap_or_default();
        let query = SeriesQuery {
            filter,
            group_by: vec![GroupBy::Period {
                granularity: Granularity::Year,
            }],
            aggregate: Default::default(),
            reported: None,
        };
        if let Some(v) = view(ds, "Joint exercises per year".into(), query) {
            series_views.push(v);
        }
    }

    let largest_by = [Field::Personnel, Field::Ships, Field::Aircraft]
        .iter()
        .map(|f| largest(ds, *f, as_of_year, 30))
        .filter(|r| r.compared > 0)
        .collect();
    let mut claims = Vec::new();
    for e in &ds.exercises {
        for c in e.claims.iter().filter(|c| c.kind == ClaimKind::Largest) {
            let (Some(years), Some(d)) = (c.window_years, e.dates) else {
                continue;
            };
            let Ok(years) = u16::try_from(years) else {
                continue;
            };
            let checks = [Field::Ships, Field::Aircraft, Field::Personnel]
                .iter()
                .map(|f| largest(ds, *f, d.start.year(), years))
                .filter(|r| r.compared > 0)
                .collect();
            claims.push(ClaimCheck {
                exercise: e.id.clone(),
                text: c.text.clone(),
                checks,
            });
        }
    }
    Brief {
        title: ds
            .title
            .clone()
            .unwrap_or_else(|| "Untitled dataset".into()),
        validation,
        series: series_views,
        cadence: patrol_cadence(ds, None),
        largest: largest_by,
        claims,
        shares: ds
            .statistics
            .iter()
            .filter(|s| !s.breakdown.is_empty())
            .map(shares)
            .collect(),
        assessment,
    }
}

fn pct(p: f64) -> String {
    format!("{:.0}%", p * 100.0)
}

/// Renders a brief as text for a terminal.
///
/// # Example
/// ```
/// let ds = jointwatch::seed();
/// let text = jointwatch::report::brief::render_text(&ds, &jointwatch::report::brief::brief(&ds, &Default::default(), &Default::default()));
/// assert!(text.contains("FY2023"));
/// ```
pub fn render_text(ds: &Dataset, b: &Brief) -> String {
    let mut out = crate::report::summary::render(ds, &b.validation);
    let o = &mut out;

    for v in &b.series {
        let _ = writeln!(o, "\n{}", v.title);
        let _ = writeln!(
            o,
            "  {:<10} {:>10}  {:<10} {:>8} {:>9}  records",
            "period", "value", "basis", "counted", "reported"
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
            let _ = writeln!(
                o,
                "  {:<10} {:>10}  {:<10} {:>8} {:>9}  {}",
                p.key.join(" "),
                p.value.to_string(),
                basis,
                p.counted.to_string(),
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
            let _ = writeln!(
                o,
                "  over {} ({}): lowest {} and highest {} a year, median {}",
                w.period, w.statistic, w.summary.min, max, w.summary.median
            );
        }
        for u in &v.series.unplaced {
            let _ = writeln!(o, "  not placed: {} {}", u.id, u.reason);
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
    if !c.order.is_empty() || !c.undated.is_empty() {
        let _ = writeln!(o, "\nPatrol cadence");
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

    if !b.largest.is_empty() || !b.claims.is_empty() {
        let _ = writeln!(o, "\nRecord-setters");
    }
    for r in &b.largest {
        let leader = r.leader.as_deref().unwrap_or("none");
        let sure = if r.certain { "for certain" } else { "possibly" };
        let _ = writeln!(
            o,
            "  largest by {:?} in {}–{}: {leader} ({sure}; {} compared, {} without the figure)",
            r.field,
            r.from_year,
            r.to_year,
            r.compared,
            r.without_figure.len()
        );
    }
    for cl in &b.claims {
        let _ = writeln!(o, "  claim by {}: \"{}\"", cl.exercise, cl.text);
        for r in &cl.checks {
            let verdict = match (&r.leader, r.certain) {
                (Some(l), true) if *l == cl.exercise => "largest for certain".to_string(),
                (Some(l), false) if *l == cl.exercise => {
                    format!("largest, but {} could match it", r.contenders.join(", "))
                }
                (Some(l), _) => format!("not the largest: {l} is"),
                (None, _) => "no figure".to_string(),
            };
            let _ = writeln!(
                o,
                "    by {:?} in {}–{}: {verdict} ({} exercise(s) with the figure in the dataset)",
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
    let _ = writeln!(o, "\nIndicators as of {}", a.as_of);
    for i in &a.indicators {
        let state = match i.state {
            State::Fired => "FIRED",
            State::NotFired if i.watch => "watch",
            State::NotFired => "not fired",
            State::Unknown => "unknown",
        };
        let value = i.value.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
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
            pct(s.probability),
            s.term.words(),
            conf
        );
        let top: Vec<String> = s
            .contributions
            .iter()
            .filter(|c| c.log_odds != 0.0)
            .take(2)
            .map(|c| format!("{} {:+.2}", c.indicator, c.log_odds))
            .collect();
        if !top.is_empty() {
            let _ = writeln!(o, "      moved by (log-odds): {}", top.join(", "));
        }
        if let Some(w) = &s.what_would_change {
            let _ = writeln!(
                o,
                "      would change most: {} (if fired {} {}, if not {} {}){}",
                w.indicator,
                pct(w.if_fired),
                w.if_fired_term.words(),
                pct(w.if_not_fired),
                w.if_not_fired_term.words(),
                if w.changes_term {
                    ""
                } else {
                    "; no single observation changes the term"
                }
            );
        }
    }
    if a.scenarios.iter().any(|s| s.illustrative_prior) {
        let _ = writeln!(o, "  * illustrative prior from the built-in catalogue (a judgement, not a finding; see docs/method.md)");
    }
    for s in &a.skipped {
        let _ = writeln!(o, "  skipped {}: {}", s.id, s.reason);
    }

    if !a.ach.rows.is_empty() {
        let _ = writeln!(o, "\nAnalysis of Competing Hypotheses (rows: observed indicators; columns: scenarios in the order above)");
        for r in &a.ach.rows {
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
        let inc: Vec<String> = a.ach.inconsistency.iter().map(|x| format!("{x}")).collect();
        let winc: Vec<String> = a
            .ach
            .weighted_inconsistency
            .iter()
            .map(|x| format!("{x:.2}"))
            .collect();
        let _ = writeln!(o, "  inconsistency:          {}", inc.join(" "));
        let _ = writeln!(o, "  weighted inconsistency: {}", winc.join(" "));
    }
    out
}
