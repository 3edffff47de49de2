//! The checks of each collection of a document, one function per
//! collection, in the order the findings are reported.

use std::collections::HashSet;

use super::check::{At, Checker};
use crate::diagnostics::Code;
use crate::model::actor::CountryCode;
use crate::model::exercise::Exercise;
use crate::model::patrol::Patrol;
use crate::model::place::Area;
use crate::model::quantity::Quantity;
use crate::model::scenario::{Indicator, Metric, Scenario};
use crate::model::statistic::{Category, Statistic};

impl Checker<'_> {
    /// Every check, collection by collection.
    pub(super) fn run(&mut self) {
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
        for (i, s) in ds.statistics.iter().enumerate() {
            self.counted_vs_reported(i, s);
        }
        self.conflicting_figures();
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
    fn exercise(&mut self, i: usize, e: &Exercise) {
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
        match &e.dates {
            Some(d) => self.dates(base.field("dates"), d),
            None => self.push(
                Code::UndatedRecord,
                format!("{base}.dates"),
                "has no date, so it cannot appear in time series",
            ),
        }
        let f = &e.forces;
        self.opt_figure(base.field("forces.ships"), &f.ships);
        self.opt_figure(base.field("forces.submarines"), &f.submarines);
        self.opt_figure(base.field("forces.aircraft"), &f.aircraft);
        self.opt_figure(base.field("forces.personnel"), &f.personnel);
        for (j, eq) in f.equipment.iter().enumerate() {
            self.opt_figure(
                base.field("forces.equipment").index(j).field("quantity"),
                &eq.quantity,
            );
        }
        for (j, c) in e.claims.iter().enumerate() {
            self.source_refs(
                base.field("claims").index(j).field("sources"),
                &c.sources,
                false,
            );
        }
        self.source_refs(base.field("sources"), &e.sources, true);
    }

    /// A patrol: its states, dates, platforms, route, areas, responses and sources.
    fn patrol(&mut self, i: usize, p: &Patrol) {
        let list = At::Root("patrols");
        let base = list.index(i);
        self.participants(base.field("participants"), &p.participants);
        self.joint(base.field("participants"), &p.participants);
        match &p.dates {
            Some(d) => self.dates(base.field("dates"), d),
            None => self.push(
                Code::UndatedRecord,
                format!("{base}.dates"),
                "has no date, so it cannot appear in time series",
            ),
        }
        for (j, pl) in p.platforms.iter().enumerate() {
            if let Some(c) = &pl.country {
                self.country(base.field("platforms").index(j).field("country"), c);
            }
            self.opt_figure(base.field("platforms").index(j).field("count"), &pl.count);
        }
        if p.route.len() == 1 {
            self.push(
                Code::ShortRoute,
                format!("{base}.route"),
                "a route needs at least two points",
            );
        }
        for (j, pt) in p.route.iter().enumerate() {
            self.point(base.field("route").index(j), pt);
        }
        self.area_refs(base.field("areas"), &p.areas);
        for (j, c) in p.adiz_entered.iter().enumerate() {
            self.country(base.field("adizEntered").index(j), c);
        }
        for (j, r) in p.responses.iter().enumerate() {
            self.country(base.field("responses").index(j).field("by"), &r.by);
            self.opt_figure(base.field("responses").index(j).field("count"), &r.count);
        }
        self.source_refs(base.field("sources"), &p.sources, true);
    }

    /// A statistic: its reporter, subjects, period, quantity, breakdown and
    /// sources (set against the records held in [`Checker::counted_vs_reported`]).
    fn statistic(&mut self, i: usize, s: &Statistic) {
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
    fn indicator(&mut self, i: usize, ind: &Indicator) {
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
