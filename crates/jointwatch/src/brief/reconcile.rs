//! The statements of one dataset (the seed) set beside what a fuller record
//! holds (the public record): each reported figure and each claimed
//! distinction, with what the record counts, what it reports, how each
//! numbering authority counts, and what it cannot say.
//!
//! Every figure shown is computed from the two datasets; nothing is written
//! here by hand.

use std::fmt::Write;

use serde::Serialize;

use crate::analysis::series::{series, GroupBy, PointStatus, SeriesQuery};
use crate::analysis::superlative::{largest_among, Judgement};
use crate::dataset::Dataset;
use crate::model::actor::CountryCode;
use crate::model::claim::ClaimKind;
use crate::model::exercise::Exercise;
use crate::model::period::{Granularity, Period};
use crate::model::record::{patrol_domain, Filter, Record};
use crate::model::statistic::{Measure, Statistic};

/// One statement of the first dataset and what the record says about it.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reconciled {
    /// The id of the statistic or exercise the statement belongs to.
    pub id: String,
    /// The statement as the first dataset makes it.
    pub statement: String,
    /// What the record holds that bears on it, one line each.
    pub held: Vec<String>,
    /// What the record cannot say about it, and why.
    pub cannot_say: Vec<String>,
}

/// Sets every statistic and every claimed distinction of `stated` beside
/// what `record` holds.
///
/// # Example
/// ```
/// use jointwatch::brief::reconcile::reconcile;
/// let seed = jointwatch::seed();
/// // Against itself, the seed holds what it states.
/// let items = reconcile(&seed, &seed);
/// assert_eq!(items.len(), seed.statistics.len() + 1); // one claim: Ocean-2024
/// ```
pub fn reconcile(stated: &Dataset, record: &Dataset) -> Vec<Reconciled> {
    let mut out: Vec<Reconciled> = stated
        .statistics
        .iter()
        .map(|s| statistic(s, record))
        .collect();
    for e in &stated.exercises {
        for c in &e.claims {
            out.push(claim(e, c, record));
        }
    }
    out
}

/// The reconciliation as text, one block per statement.
pub fn render_reconciliation(items: &[Reconciled]) -> String {
    let mut o = String::new();
    for r in items {
        let _ = writeln!(o, "- {} [{}]", r.statement, r.id);
        for h in &r.held {
            let _ = writeln!(o, "    record: {h}");
        }
        for c in &r.cannot_say {
            let _ = writeln!(o, "    cannot say: {c}");
        }
    }
    o
}

fn states_of(s: &Statistic) -> Vec<CountryCode> {
    let mut v: Vec<CountryCode> = s.subjects.iter().map(|p| p.country).collect();
    crate::sort::sort(&mut v);
    v.dedup();
    v
}

fn statement_of(s: &Statistic) -> String {
    let when = match (&s.period, &s.as_of) {
        (Some(p), _) => format!(" in {p}"),
        (None, Some(d)) => format!(" by {d}"),
        (None, None) => String::new(),
    };
    let rate = match s.rate {
        crate::model::statistic::Rate::PerYear => " a year",
        crate::model::statistic::Rate::Total => "",
    };
    format!("{}: {}{rate}{when}", s.label, s.quantity)
}

fn statistic(s: &Statistic, record: &Dataset) -> Reconciled {
    let mut r = Reconciled {
        id: s.id.clone(),
        statement: statement_of(s),
        held: Vec::new(),
        cannot_say: Vec::new(),
    };
    let mut filter = s.measure.record_filter();
    if let Some(f) = filter.as_mut() {
        f.participants_all = states_of(s);
    }
    match (&s.period, &s.as_of, filter) {
        (None, Some(as_of), Some(mut f)) => {
            // A cumulative count: the records held up to its date, and how
            // each numbering authority counts them.
            f.to = Some(*as_of);
            let events = f.select_events(record);
            let last = as_of.last_day();
            let first = events
                .counted
                .iter()
                .filter_map(|x| x.span().map(|s| s.0))
                .min();
            let covered = first.and_then(|first| record.coverage_for(&f, first, last));
            let n = events.counted.len();
            match covered {
                Some(c) => r.held.push(format!(
                    "{n} held by the end of {as_of}; the record declares them complete ({})",
                    c.id
                )),
                None => r.held.push(format!(
                    "{n} held by the end of {as_of} (at least: no declared coverage spans them)"
                )),
            }
            numbering(&mut r, record, &f, as_of.last_day());
            reported_beside(&mut r, s, record);
        }
        (Some(period), _, filter) => {
            per_period(&mut r, s, period, filter, record);
            reported_beside(&mut r, s, record);
        }
        (None, _, None) | (None, None, Some(_)) => {
            reported_beside(&mut r, s, record);
        }
    }
    if r.held.is_empty() {
        r.cannot_say
            .push("the record holds nothing on this measure for this period".into());
    }
    r
}

/// How each numbering authority numbers the patrols the filter keeps, up to
/// `last`: the highest number it gave.
fn numbering(r: &mut Reconciled, record: &Dataset, f: &Filter, last: jiff::civil::Date) {
    // Per authority: the highest number, its patrol, and how many patrols
    // the record holds a number of this authority for.
    let mut best: Vec<(Option<CountryCode>, u32, &str, usize)> = Vec::new();
    for rec in f.select(record) {
        let Record::Patrol(p) = rec else { continue };
        if rec.span().is_none_or(|s| s.0 > last) {
            continue;
        }
        if !f.domains.is_empty() && !f.domains.contains(&patrol_domain(p.kind)) {
            continue;
        }
        for n in &p.numbering {
            match best.iter_mut().find(|b| b.0 == n.by) {
                Some(b) => {
                    b.3 += 1;
                    if n.number > b.1 {
                        b.1 = n.number;
                        b.2 = &p.id;
                    }
                }
                None => best.push((n.by, n.number, &p.id, 1)),
            }
        }
    }
    crate::sort::sort_by_key(&mut best, |b| (b.0.is_none(), b.0));
    for (by, n, id, held) in best {
        let who = by.map_or("an unattributed count".to_string(), |c| {
            format!("{c}'s numbering")
        });
        r.held.push(format!(
            "by {who}: no. {n} is the highest held ({id}; the record holds this count's number for {held} patrol(s))"
        ));
    }
}

/// The records counted per period of the statement's period, with the
/// coverage status of each count.
fn per_period(
    r: &mut Reconciled,
    s: &Statistic,
    period: &Period,
    filter: Option<Filter>,
    record: &Dataset,
) {
    let Some(mut f) = filter else { return };
    let granularity = match period {
        Period::FiscalYear {
            first_month,
            named_by,
            ..
        } => Granularity::FiscalYear {
            first_month: *first_month,
            named_by: *named_by,
        },
        _ => Granularity::Year,
    };
    let (Some(first), Some(last)) = (period.first_day(), period.last_day()) else {
        return;
    };
    f.from = Some(crate::model::date::FuzzyDate::Day(first));
    f.to = Some(crate::model::date::FuzzyDate::Day(last));
    let q = SeriesQuery {
        filter: f,
        group_by: vec![GroupBy::Period { granularity }],
        reported: Some(s.measure),
        ..SeriesQuery::default()
    };
    let Ok(result) = series(record, &q) else {
        return;
    };
    let mut counts = Vec::new();
    let mut uncovered = false;
    for p in &result.points {
        let Some(c) = &p.counted else { continue };
        // A count is a lower bound unless declared coverage vouches for it
        // (the point's status may be that of a reported figure).
        let mark = if p.covered_by.is_none() && p.status != PointStatus::Missing {
            uncovered = true;
            "≥"
        } else {
            ""
        };
        let reported = p
            .reported
            .map(|q| format!(" (reported {q} by {})", p.reported_by.join(", ")))
            .unwrap_or_default();
        counts.push(format!("{} {mark}{c}{reported}", p.key.join(" ")));
    }
    if !counts.is_empty() {
        r.held
            .push(format!("records counted: {}", counts.join(", ")));
    }
    if uncovered {
        r.cannot_say.push(
            "whether a year held fewer than the statement says: the record does not declare these records complete (≥: no record is not no event)"
                .into(),
        );
    }
}

/// The record's own statistics for the same measure and period, with their
/// breakdowns and sources.
fn reported_beside(r: &mut Reconciled, s: &Statistic, record: &Dataset) {
    for other in record.statistics.iter().filter(|o| {
        o.measure == s.measure
            && o.measure != Measure::Other
            && o.period == s.period
            && (s.period.is_some() || o.as_of == s.as_of)
            && states_of(o) == states_of(s)
    }) {
        let mut line = format!("{} reports {}", other.id, other.quantity);
        let parts: Vec<String> = other
            .breakdown
            .iter()
            .map(|b| match (&b.quantity, &b.qualifier) {
                (Some(q), _) => format!("{} {q}", b.category),
                (None, Some(w)) => format!("{} {w}", b.category),
                (None, None) => b.category.to_string(),
            })
            .collect();
        if !parts.is_empty() {
            line += &format!(" ({})", parts.join(", "));
        }
        if !other.sources.is_empty() {
            line += &format!(" [{}]", other.sources.join(", "));
        }
        r.held.push(line);
    }
}

/// A claimed distinction of an exercise, checked against the record.
fn claim(e: &Exercise, c: &crate::model::claim::Claim, record: &Dataset) -> Reconciled {
    let mut r = Reconciled {
        id: e.id.clone(),
        statement: format!("{}: \"{}\"", e.name, c.text),
        held: Vec::new(),
        cannot_say: Vec::new(),
    };
    let held = record
        .exercises
        .iter()
        .find(|x| x.name.eq_ignore_ascii_case(&e.name));
    let Some(x) = held else {
        r.cannot_say
            .push(format!("the record holds no exercise named {}", e.name));
        return r;
    };
    let figures: Vec<String> = x
        .forces
        .figures()
        .filter_map(|(label, f)| {
            record
                .figure_value(f, &x.sources)
                .map(|q| format!("{label} {q}"))
        })
        .collect();
    r.held.push(format!(
        "{} ({}){}",
        x.name,
        x.id,
        if figures.is_empty() {
            ", no forces figure".to_string()
        } else {
            format!(": {}", figures.join(", "))
        }
    ));
    for own in &x.claims {
        r.held.push(format!(
            "claimed: \"{}\" [{}]",
            own.text,
            own.sources.join(", ")
        ));
    }
    let (Some(year), Some(window), ClaimKind::Largest) =
        (x.dates.map(|d| d.start.year()), c.window_years, c.kind)
    else {
        return r;
    };
    let window = u16::try_from(window).unwrap_or(u16::MAX);
    // The claim's class: the domains it names, else the exercise's own.
    let class = match c.scope_domains() {
        named if !named.is_empty() => named,
        _ => x.domains.clone(),
    };
    let earliest = record
        .exercises
        .iter()
        .filter_map(|e| e.dates.map(|d| d.start.year()))
        .min();
    for field in [
        crate::analysis::series::Field::Ships,
        crate::analysis::series::Field::Personnel,
    ] {
        // A "largest naval exercise" is not outdone by a land exercise.
        let setter = largest_among(record, field, year, window, &class);
        if setter.compared == 0 {
            continue;
        }
        let field_name = serde_json::to_value(field)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let leader = setter.leader.clone().unwrap_or_default();
        let judgement = match setter.judgement {
            Judgement::Certain => "certainly the largest",
            Judgement::LargestHeld => "the largest the record holds",
            Judgement::Possibly => "possibly the largest (figures overlap)",
            Judgement::None => "no leader",
        };
        let class: Vec<&str> = setter.domains.iter().map(|d| d.as_str()).collect();
        let class = if class.is_empty() {
            "exercises".to_string()
        } else {
            format!("{} exercises", class.join(" or "))
        };
        r.held.push(format!(
            "by {field_name} among {class}, {}–{}: {leader} is {judgement}, of {} with a figure ({} without)",
            setter.from_year,
            setter.to_year,
            setter.compared,
            setter.without_figure.len()
        ));
        // Where the claimed exercise stands beside the leader.
        if leader != x.id {
            let standing = if setter.without_figure.contains(&x.id) {
                "has no figure to compare"
            } else if setter.contenders.contains(&x.id) {
                "overlaps it, so may still be the largest"
            } else {
                "is smaller"
            };
            r.held.push(format!("by {field_name}: {} {standing}", x.id));
        }
        if setter.covered_by.is_none() {
            r.cannot_say.push(format!(
                "that it is the largest by {field_name}: the record does not declare its exercises complete"
            ));
        }
    }
    if let Some(first) = earliest {
        let from = year.saturating_sub(i16::try_from(window).unwrap_or(i16::MAX)) + 1;
        if from < first {
            r.cannot_say.push(format!(
                "anything about {from}–{}: the record's first exercise is of {first}",
                first - 1
            ));
        }
    }
    r
}
