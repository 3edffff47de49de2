//! The checks of each collection of a document, one function per
//! collection, in the order the findings are reported.

use std::collections::HashSet;

use super::check::{At, Checker};
use crate::diagnostics::Code;
use crate::model::activity::Activity;
use crate::model::actor::CountryCode;
use crate::model::exercise::Exercise;
use crate::model::incident::{Incident, IncidentKind};
use crate::model::link::LinkKind;
use crate::model::patrol::Patrol;
use crate::model::place::Area;
use crate::model::quantity::Quantity;
use crate::model::record::Record;
use crate::model::scenario::{Indicator, Metric, Scenario};
use crate::model::statistic::{Category, Statistic};

impl<'a> Checker<'a> {
    /// Every check, collection by collection (`held`: the dataset's
    /// records, as `relations::held` lists them).
    pub(super) fn run(&mut self, held: &[super::relations::Held<'a>]) {
        let ds = self.ds;
        self.format_version();
        self.ids();
        for (i, a) in ds.areas.iter().enumerate() {
            self.area(i, a);
        }
        for (i, e) in ds.exercises.iter().enumerate() {
            self.exercise(i, e);
        }
        for (i, p) in ds.patrols.iter().enumerate() {
            self.patrol(i, p);
        }
        for (i, s) in ds.statistics.iter().enumerate() {
            self.statistic(i, s);
        }
        for (i, x) in ds.incidents.iter().enumerate() {
            self.incident(i, x);
        }
        for (i, a) in ds.activities.iter().enumerate() {
            self.activity(i, a);
        }
        for (i, s) in ds.scenarios.iter().enumerate() {
            self.scenario(i, s);
        }
        for (i, ind) in ds.indicators.iter().enumerate() {
            self.indicator(i, ind);
        }
        self.scenario_sets();
        self.indicator_groups();
        for (i, c) in ds.coverage.iter().enumerate() {
            self.coverage(i, c);
        }
        #[cfg(not(target_arch = "wasm32"))]
        self.select_counted();
        for (i, s) in ds.statistics.iter().enumerate() {
            self.counted_vs_reported(i, s);
        }
        self.conflicting_figures();
        self.relations(held);
    }

    /// The format version: 1.x (read and upgraded) or 2.x.
    fn format_version(&mut self) {
        let ds = self.ds;
        if !matches!(ds.format_version.split('.').next(), Some("1" | "2")) {
            self.push(
                Code::UnsupportedFormatVersion,
                "formatVersion",
                format!(
                    "format version {:?} is not supported; this library reads 1.x and 2.x",
                    ds.format_version
                ),
            );
        }
    }

    /// An area's bounding box and polygon.
    fn area(&mut self, i: usize, a: &Area) {
        // [west, south, east, north]: each finding names its own element.
        if let Some([w, s, e, n]) = a.bbox {
            self.longitude(At::Root("areas").index(i).field("bbox").index(0), w);
            self.latitude(At::Root("areas").index(i).field("bbox").index(1), s);
            self.longitude(At::Root("areas").index(i).field("bbox").index(2), e);
            self.latitude(At::Root("areas").index(i).field("bbox").index(3), n);
        }
        for (j, p) in a.polygon.iter().flatten().enumerate() {
            self.point(At::Root("areas").index(i).field("polygon").index(j), p);
        }
    }

    /// An exercise: its states, areas, dates, forces, claims and sources.
    fn exercise(&mut self, i: usize, e: &'a Exercise) {
        let list = At::Root("exercises");
        let base = list.index(i);
        if let Some(h) = &e.host {
            self.country(base.field("host"), h);
        }
        self.participants(base.field("participants"), &e.participants);
        self.participants(base.field("observers"), &e.observers);
        let part: HashSet<CountryCode> = if e.observers.is_empty() {
            HashSet::new() // nothing to compare: no allocation
        } else {
            e.participants.iter().map(|p| p.country).collect()
        };
        for (j, o) in e.observers.iter().enumerate() {
            if part.contains(&o.country) {
                self.push(
                    Code::ObserverIsParticipant,
                    format!("{base}.observers[{j}]"),
                    format!("{} is also listed as a participant", o.country),
                );
            }
        }
        self.area_refs(base.field("areas"), &e.areas);
        self.note_for_duplicates(i, Record::Exercise(e));
        self.record_dates(base, &e.dates);
        self.forces(base.field("forces"), &e.forces, &e.participants, &e.sources);
        self.claims(base.field("claims"), &e.claims);
        self.links(base.field("links"), Record::Exercise(e), &e.links);
        self.source_refs(base.field("sources"), &e.sources, true);
    }

    /// A patrol: its states, dates, times, numbering, platforms, route,
    /// legs, areas, responses, claims, links and sources.
    fn patrol(&mut self, i: usize, p: &'a Patrol) {
        let list = At::Root("patrols");
        let base = list.index(i);
        self.participants(base.field("participants"), &p.participants);
        self.joint(base.field("participants"), &p.participants);
        self.record_dates(base, &p.dates);
        self.times(base, &p.dates, &p.start_time, &p.end_time);
        self.numbering(base.field("numbering"), &p.numbering);
        self.platforms(base.field("platforms"), &p.platforms);
        self.route(base.field("route"), &p.route);
        self.legs(base.field("legs"), &p.legs, &p.dates);
        self.area_refs(base.field("areas"), &p.areas);
        self.note_for_duplicates(self.ds.exercises.len() + i, Record::Patrol(p));
        for (j, c) in p.adiz_entered.iter().enumerate() {
            self.country(base.field("adizEntered").index(j), c);
        }
        for (j, r) in p.responses.iter().enumerate() {
            self.country(base.field("responses").index(j).field("by"), &r.by);
            self.opt_figure(base.field("responses").index(j).field("count"), &r.count);
        }
        self.claims(base.field("claims"), &p.claims);
        self.links(base.field("links"), Record::Patrol(p), &p.links);
        self.source_refs(base.field("sources"), &p.sources, true);
    }

    /// An incident: who acted and at whom, its dates, times, place,
    /// platforms, rounds and sorties, claims, links and sources.
    fn incident(&mut self, i: usize, x: &'a Incident) {
        let list = At::Root("incidents");
        let base = list.index(i);
        self.participants(base.field("by"), &x.by);
        if x.by.is_empty() {
            self.push(
                Code::IncidentWithoutActor,
                base.field("by"),
                format!("names no state that acted in this {}", x.kind.as_str()),
            );
        }
        for (j, c) in x.against.iter().enumerate() {
            self.country(base.field("against").index(j), c);
        }
        // A protest linked to what it answers or when it was made is
        // placed, though the record may not say to whom it went.
        let placed = x
            .links
            .iter()
            .any(|l| matches!(l.rel, LinkKind::RespondsTo | LinkKind::During));
        if x.kind == IncidentKind::Protest && x.against.is_empty() && !placed {
            self.push(
                Code::ProtestWithoutRecipient,
                base.field("against"),
                "a protest names no state it was made to, and links no record it answers (`respondsTo`) or was made during (`during`)",
            );
        }
        self.record_dates(base, &x.dates);
        self.times(base, &x.dates, &x.start_time, &x.end_time);
        self.area_refs(base.field("areas"), &x.areas);
        let ds = self.ds;
        let before = ds.exercises.len() + ds.patrols.len() + ds.statistics.len();
        self.note_for_duplicates(before + i, Record::Incident(x));
        if let Some(pt) = &x.location {
            self.point(base.field("location"), pt);
        }
        self.platforms(base.field("platforms"), &x.platforms);
        self.opt_figure(base.field("rounds"), &x.rounds);
        if x.rounds.is_some() && x.kind != IncidentKind::WarningShots {
            self.push(
                Code::RoundsWithoutShots,
                base.field("rounds"),
                format!(
                    "gives rounds fired for an incident of kind {}; rounds are for `warningShots`",
                    x.kind.as_str()
                ),
            );
        }
        self.opt_figure(base.field("sorties"), &x.sorties);
        self.claims(base.field("claims"), &x.claims);
        self.links(base.field("links"), Record::Incident(x), &x.links);
        self.source_refs(base.field("sources"), &x.sources, true);
    }

    /// An activity: its states (one is enough), dates, times, platforms,
    /// forces, route, legs, areas, claims, links and sources.
    fn activity(&mut self, i: usize, a: &'a Activity) {
        let list = At::Root("activities");
        let base = list.index(i);
        self.participants(base.field("participants"), &a.participants);
        self.record_dates(base, &a.dates);
        self.times(base, &a.dates, &a.start_time, &a.end_time);
        self.platforms(base.field("platforms"), &a.platforms);
        self.forces(base.field("forces"), &a.forces, &a.participants, &a.sources);
        self.route(base.field("route"), &a.route);
        self.legs(base.field("legs"), &a.legs, &a.dates);
        self.area_refs(base.field("areas"), &a.areas);
        let ds = self.ds;
        let before =
            ds.exercises.len() + ds.patrols.len() + ds.statistics.len() + ds.incidents.len();
        self.note_for_duplicates(before + i, Record::Activity(a));
        for (j, c) in a.adiz_entered.iter().enumerate() {
            self.country(base.field("adizEntered").index(j), c);
        }
        self.claims(base.field("claims"), &a.claims);
        self.links(base.field("links"), Record::Activity(a), &a.links);
        self.source_refs(base.field("sources"), &a.sources, true);
    }

    /// A statistic: its reporter, subjects, period, quantity, breakdown and
    /// sources (set against the records held in [`Checker::counted_vs_reported`]).
    fn statistic(&mut self, i: usize, s: &'a Statistic) {
        let list = At::Root("statistics");
        let base = list.index(i);
        if let Some(c) = s.reporter.as_ref().and_then(|r| r.country.as_ref()) {
            self.country(base.field("reporter.country"), c);
        }
        self.participants(base.field("subjects"), &s.subjects);
        if s.measure.is_joint() && !s.subjects.is_empty() {
            self.joint(base.field("subjects"), &s.subjects);
        }
        match &s.period {
            Some(p) => self.period(base.field("period"), p),
            None if s.as_of.is_none() => self.push(
                Code::UndatedRecord,
                format!("{base}.period"),
                "has neither a period nor an `asOf` date",
            ),
            None => {}
        }
        self.quantity(base.field("quantity"), &s.quantity);
        let mut parts = Vec::new();
        for (j, b) in s.breakdown.iter().enumerate() {
            if let Category::Country(c) = &b.category {
                self.country(base.field("breakdown").index(j).field("category"), c);
            }
            if let Some(q) = &b.quantity {
                self.quantity(base.field("breakdown").index(j).field("quantity"), q);
                parts.push(*q);
            }
        }
        if let (false, Some(high)) = (parts.is_empty(), s.quantity.high()) {
            let low = Quantity::sum(parts.iter()).low();
            if low > high {
                self.push(
                    Code::BreakdownExceedsTotal,
                    format!("{base}.breakdown"),
                    format!(
                        "the parts add up to at least {low}, more than the total {}",
                        s.quantity
                    ),
                );
            }
        }
        self.claims(base.field("claims"), &s.claims);
        self.links(base.field("links"), Record::Statistic(s), &s.links);
        self.source_refs(base.field("sources"), &s.sources, true);
    }

    /// A scenario: its prior and sources.
    fn scenario(&mut self, i: usize, s: &Scenario) {
        let list = At::Root("scenarios");
        let base = list.index(i);
        if let Some(p) = s.prior {
            self.probability(base.field("prior"), p);
        }
        if let (Some(h), Some(n)) = (&s.horizon, s.horizon_years) {
            self.push(
                Code::TwoHorizons,
                format!("{base}.horizonYears"),
                format!("gives both a horizon ({h}) and a horizon in years ({n}); give one"),
            );
        }
        self.source_refs(base.field("sources"), &s.sources, false);
    }

    /// An indicator: its rule, metric, bearings, observations and sources.
    fn indicator(&mut self, i: usize, ind: &'a Indicator) {
        let list = At::Root("indicators");
        let base = list.index(i);
        if !ind.rule.is_ordered() {
            self.push(Code::ThresholdsOutOfOrder, format!("{base}.rule"), "the watch level must lie on the near side of the threshold, and both must be finite");
        }
        if let Metric::Count { filter, .. } = &ind.metric {
            self.filter(base.field("metric.filter"), filter);
        }
        let informative = ind
            .bears_on
            .iter()
            .any(|b| b.if_fired != 1.0 || b.if_not_fired != 1.0);
        if !informative {
            self.push(
                Code::NonDiagnosticIndicator,
                format!("{base}.bearsOn"),
                "bears on no scenario with a ratio other than 1, so it cannot change any judgement",
            );
        }
        for (j, b) in ind.bears_on.iter().enumerate() {
            let bearings = base.field("bearsOn");
            let p = bearings.index(j);
            if !self.scenarios.contains(b.scenario.as_str()) {
                self.push(
                    Code::UnknownScenario,
                    format!("{p}.scenario"),
                    format!("scenario {:?} is not defined", b.scenario),
                );
            }
            self.likelihood_ratio(p.field("ifFired"), b.if_fired);
            self.likelihood_ratio(p.field("ifNotFired"), b.if_not_fired);
        }
        for (j, o) in ind.observations.iter().enumerate() {
            self.source_refs(
                base.field("observations").index(j).field("sources"),
                &o.sources,
                true,
            );
        }
        self.source_refs(base.field("sources"), &ind.sources, false);
    }
}
