//! A plain-text listing of a dataset: each record with its figures, their
//! uncertainty and their sources, and the validation findings.

use std::fmt::Write;

use crate::dataset::Dataset;
use crate::diagnostics::Report;
use crate::model::claim::Claim;
use crate::model::date::DateRange;
use crate::model::exercise::Domain;
use crate::model::figure::Figure;
use crate::model::link::Link;
use crate::model::patrol::{Leg, Platform};
use crate::model::place::builtin_area;
use crate::model::quantity::Quantity;
use crate::model::time::TimeOfDay;

fn sources(ds: &Dataset, ids: &[String]) -> String {
    if ids.is_empty() {
        return "no source".to_string();
    }
    ids.iter()
        .map(|id| match ds.source(id) {
            Some(s) => format!("[{id}, {}]", s.grading()),
            None => format!("[{id}, undefined]"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn area_names(ds: &Dataset, ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            ds.areas
                .iter()
                .find(|a| &a.id == id)
                .map(|a| a.name.clone())
                .or_else(|| builtin_area(id).map(|a| a.name))
                .unwrap_or_else(|| id.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn list<T: std::fmt::Display>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A domain as the summary writes it: its name run together in lower case
/// (`antisubmarine`). Spelled out rather than made from the `Debug` form, whose
/// Unicode lower-casing would compile case tables into the WebAssembly module.
fn domain_word(d: Domain) -> &'static str {
    match d {
        Domain::Naval => "naval",
        Domain::Air => "air",
        Domain::Land => "land",
        Domain::Amphibious => "amphibious",
        Domain::AntiSubmarine => "antisubmarine",
        Domain::MissileDefence => "missiledefence",
        Domain::Cyber => "cyber",
        Domain::Space => "space",
        Domain::ElectronicWarfare => "electronicwarfare",
        Domain::CounterTerrorism => "counterterrorism",
        Domain::Logistics => "logistics",
        Domain::Command => "command",
    }
}

/// How a figure's uncertainty was stated. A bare figure is printed "as
/// reported": the source gave no qualifier, which is not the same as saying
/// the figure is exact ("90,000 personnel" is a round number).
fn uncertainty(q: &Quantity) -> &'static str {
    match q {
        Quantity::Exact(_) => "as reported",
        Quantity::AtLeast(_) | Quantity::MoreThan(_) => "lower bound",
        Quantity::AtMost(_) | Quantity::LessThan(_) => "upper bound",
        Quantity::Range { .. } => "range",
        Quantity::Estimate { .. } => "estimate",
    }
}

/// A figure's line: the value used, and every value with its stance and
/// sources when they disagree.
fn figure(
    out: &mut String,
    ds: &Dataset,
    record_sources: &[String],
    label: &str,
    f: &Option<Figure>,
) {
    let Some(r) = f
        .as_ref()
        .and_then(|f| ds.resolve_figure(f, record_sources))
    else {
        return;
    };
    let q = r.value;
    let _ = writeln!(out, "    {label:<11}{q} ({})", uncertainty(&q));
    for a in &r.alternatives {
        alternative(out, ds, a);
    }
}

/// A platform's line: its model and count, with every value of the count
/// and its sources when they disagree.
fn platform(out: &mut String, ds: &Dataset, record_sources: &[String], pl: &Platform) {
    let resolved = pl
        .count
        .as_ref()
        .and_then(|c| ds.resolve_figure(c, record_sources));
    let count = match (&pl.count, &resolved) {
        (Some(_), Some(r)) if !r.alternatives.is_empty() => r.value.to_string(),
        (Some(c), _) => c.to_string(),
        (None, _) => "number not given".into(),
    };
    let _ = writeln!(out, "    platform   {} ({count})", pl.model);
    for a in resolved.iter().flat_map(|r| &r.alternatives) {
        alternative(out, ds, a);
    }
}

/// One value of a figure whose values disagree, with its stance and sources.
fn alternative(out: &mut String, ds: &Dataset, a: &crate::dataset::FigureAlternative) {
    let stance = a.stance.map(|s| s.as_str()).unwrap_or("given");
    let by = a.by.map(|b| format!(" by {b}")).unwrap_or_default();
    let _ = writeln!(
        out,
        "      {stance}{by}: {} {}",
        a.value,
        sources(ds, &a.sources)
    );
}

/// When: the dates, with the times of day in UTC where given.
fn when(dates: Option<DateRange>, start: Option<TimeOfDay>, end: Option<TimeOfDay>) -> String {
    let mut s = dates
        .map(|d| d.to_string())
        .unwrap_or_else(|| "date unknown".into());
    match (start, end) {
        (Some(a), Some(b)) => s.push_str(&format!(" {a}–{b} UTC")),
        (Some(a), None) => s.push_str(&format!(" from {a} UTC")),
        (None, Some(b)) => s.push_str(&format!(" until {b} UTC")),
        (None, None) => {}
    }
    s
}

/// The legs of a route, one line each, with their dates and straits.
fn legs(out: &mut String, ds: &Dataset, legs: &[Leg]) {
    for l in legs {
        let mut parts = Vec::new();
        if l.dates.is_some() || l.start_time.is_some() || l.end_time.is_some() {
            parts.push(when(l.dates, l.start_time, l.end_time));
        }
        if !l.straits.is_empty() {
            parts.push(format!("through {}", area_names(ds, &l.straits)));
        }
        if !l.areas.is_empty() {
            parts.push(area_names(ds, &l.areas));
        }
        let _ = writeln!(out, "    leg        {}", parts.join("; "));
    }
}

/// Claims and links, shared by every kind of record.
fn claims_and_links(out: &mut String, ds: &Dataset, claims: &[Claim], links: &[Link]) {
    for c in claims {
        let _ = writeln!(
            out,
            "    claim      \"{}\" {}",
            c.text,
            sources(ds, &c.sources)
        );
    }
    for l in links {
        let _ = writeln!(out, "    {:<10} {}", l.rel.as_str(), l.to);
    }
}

/// Renders the dataset and its validation report as readable text.
///
/// # Example
/// ```
/// let seed = jointwatch::seed();
/// let text = jointwatch::brief::listing::render(&seed, &seed.validate());
/// assert!(text.contains("Ocean-2024"));
/// assert!(text.contains("over 400"));
/// ```
pub fn render(ds: &Dataset, report: &Report) -> String {
    let mut out = String::new();
    let o = &mut out;
    let title = ds.title.as_deref().unwrap_or("Untitled dataset");
    let _ = writeln!(o, "{title}");
    let _ = writeln!(o, "{}", "=".repeat(title.chars().count()));
    let _ = writeln!(
        o,
        "{} exercise(s), {} patrol(s), {} statistic(s), {} scenario(s), {} indicator(s), {} source(s)",
        ds.exercises.len(),
        ds.patrols.len(),
        ds.statistics.len(),
        ds.scenarios.len(),
        ds.indicators.len(),
        ds.sources.len()
    );
    if !ds.incidents.is_empty() || !ds.activities.is_empty() {
        let _ = writeln!(
            o,
            "{} incident(s), {} activity(ies)",
            ds.incidents.len(),
            ds.activities.len()
        );
    }

    let _ = writeln!(
        o,
        "\nValidation: {} error(s), {} warning(s)",
        report.errors().count(),
        report.warnings().count()
    );
    for f in &report.findings {
        let _ = writeln!(o, "  {f}");
    }

    let _ = writeln!(o, "\nSources");
    for s in &ds.sources {
        let _ = writeln!(
            o,
            "  [{}] {} — graded {} ({}; {})",
            s.id,
            s.title,
            s.grading(),
            s.reliability.meaning(),
            s.credibility.meaning()
        );
    }

    if !ds.exercises.is_empty() {
        let _ = writeln!(o, "\nExercises");
    }
    for e in &ds.exercises {
        let dates = e
            .dates
            .map(|d| d.to_string())
            .unwrap_or_else(|| "date unknown".into());
        let _ = writeln!(o, "  {} ({dates})", e.name);
        let _ = writeln!(
            o,
            "    participants {}",
            list(e.participants.iter().map(|p| p.country))
        );
        if let Some(h) = e.host {
            let _ = writeln!(o, "    host       {h}");
        }
        if !e.domains.is_empty() {
            let _ = writeln!(
                o,
                "    domains    {}",
                list(e.domains.iter().map(|&d| domain_word(d)))
            );
        }
        if !e.areas.is_empty() {
            let _ = writeln!(o, "    areas      {}", area_names(ds, &e.areas));
        }
        for (label, f) in e.forces.figures() {
            figure(o, ds, &e.sources, label, &Some(f.clone()));
        }
        for part in &e.forces.by_state {
            for (label, f) in part.forces.figures() {
                let label = format!("{} {label}", part.country);
                figure(o, ds, &e.sources, &label, &Some(f.clone()));
            }
        }
        claims_and_links(o, ds, &e.claims, &e.links);
        let _ = writeln!(o, "    sources    {}", sources(ds, &e.sources));
    }

    if !ds.patrols.is_empty() {
        let _ = writeln!(o, "\nJoint patrols");
    }
    for p in &ds.patrols {
        let name = p.name.clone().unwrap_or_else(|| p.id.clone());
        let dates = when(p.dates, p.start_time, p.end_time);
        let _ = writeln!(o, "  {name} ({dates})");
        let _ = writeln!(
            o,
            "    participants {}",
            list(p.participants.iter().map(|x| x.country))
        );
        for n in &p.numbering {
            match n.by {
                None => {
                    let _ = writeln!(o, "    sequence   no. {}", n.number);
                }
                Some(by) => {
                    let _ = writeln!(o, "    sequence   no. {} by {by}'s count", n.number);
                }
            }
        }
        for pl in &p.platforms {
            platform(o, ds, &p.sources, pl);
        }
        if !p.areas.is_empty() {
            let _ = writeln!(o, "    areas      {}", area_names(ds, &p.areas));
        }
        legs(o, ds, &p.legs);
        claims_and_links(o, ds, &p.claims, &p.links);
        let _ = writeln!(o, "    sources    {}", sources(ds, &p.sources));
    }

    if !ds.statistics.is_empty() {
        let _ = writeln!(o, "\nReported statistics");
    }
    for s in &ds.statistics {
        let when = match (&s.period, &s.as_of) {
            (Some(p), _) => p.to_string(),
            (None, Some(d)) => format!("as of {d}"),
            (None, None) => "period unknown".into(),
        };
        let rate = match s.rate {
            crate::model::statistic::Rate::PerYear => " a year",
            crate::model::statistic::Rate::Total => "",
        };
        let _ = writeln!(o, "  {} ({when})", s.label);
        let _ = writeln!(
            o,
            "    value      {}{rate} ({})",
            s.quantity,
            uncertainty(&s.quantity)
        );
        if let Some(r) = &s.reporter {
            let _ = writeln!(o, "    reported by {}", r.name);
        }
        for b in &s.breakdown {
            let v = match (&b.quantity, &b.qualifier) {
                (Some(q), _) => q.to_string(),
                (None, Some(w)) => format!("\"{w}\", no figure given"),
                (None, None) => "no figure given".into(),
            };
            let _ = writeln!(o, "    of which   {}: {v}", b.category);
        }
        claims_and_links(o, ds, &s.claims, &s.links);
        let _ = writeln!(o, "    sources    {}", sources(ds, &s.sources));
    }

    if !ds.incidents.is_empty() {
        let _ = writeln!(o, "\nIncidents");
    }
    for i in &ds.incidents {
        let by = list(i.by.iter().map(|p| p.country));
        let against = if i.against.is_empty() {
            String::new()
        } else {
            format!(" → {}", list(&i.against))
        };
        let by = if by.is_empty() {
            "(actor not given)".into()
        } else {
            by
        };
        let _ = writeln!(
            o,
            "  {} {by}{against} ({})",
            i.kind.as_str(),
            when(i.dates, i.start_time, i.end_time)
        );
        if let Some(n) = &i.name {
            let _ = writeln!(o, "    name       {n}");
        }
        let _ = writeln!(o, "    id         {}", i.id);
        if !i.areas.is_empty() {
            let _ = writeln!(o, "    areas      {}", area_names(ds, &i.areas));
        }
        if let Some(p) = &i.location {
            let _ = writeln!(o, "    location   {}, {}", p.lat, p.lon);
        }
        figure(o, ds, &i.sources, "rounds", &i.rounds);
        figure(o, ds, &i.sources, "sorties", &i.sorties);
        for pl in &i.platforms {
            platform(o, ds, &i.sources, pl);
        }
        claims_and_links(o, ds, &i.claims, &i.links);
        let _ = writeln!(o, "    sources    {}", sources(ds, &i.sources));
    }

    if !ds.activities.is_empty() {
        let _ = writeln!(o, "\nActivities");
    }
    for a in &ds.activities {
        let name = a.name.clone().unwrap_or_else(|| a.id.clone());
        let _ = writeln!(
            o,
            "  {name} ({}; {})",
            a.kind.as_str(),
            when(a.dates, a.start_time, a.end_time)
        );
        let _ = writeln!(
            o,
            "    participants {}",
            list(a.participants.iter().map(|x| x.country))
        );
        if let Some(d) = a.domain {
            let _ = writeln!(o, "    domain     {}", domain_word(d));
        }
        for (label, f) in a.forces.figures() {
            figure(o, ds, &a.sources, label, &Some(f.clone()));
        }
        for pl in &a.platforms {
            platform(o, ds, &a.sources, pl);
        }
        if !a.areas.is_empty() {
            let _ = writeln!(o, "    areas      {}", area_names(ds, &a.areas));
        }
        legs(o, ds, &a.legs);
        claims_and_links(o, ds, &a.claims, &a.links);
        let _ = writeln!(o, "    sources    {}", sources(ds, &a.sources));
    }

    if !ds.scenarios.is_empty() {
        let _ = writeln!(o, "\nScenarios");
    }
    for s in &ds.scenarios {
        let kind = match s.kind {
            crate::model::scenario::ScenarioKind::Scenario => "scenario",
            crate::model::scenario::ScenarioKind::EndState => "end state",
        };
        let prior = s
            .prior
            .map(|p| format!("prior {p}"))
            .unwrap_or_else(|| "no prior given".into());
        let _ = writeln!(o, "  {} ({kind}; {prior})", s.name);
    }
    out
}
