//! The checks of the parts format 2.0 added to records, shared by the
//! record kinds that have them: links, forces (with their parts by state),
//! platforms, routes and legs, times of day, numbering and claims.

use std::collections::HashSet;

use jiff::civil::Date;

use super::check::{At, Checker, SHORT_LIST};
use crate::diagnostics::Code;
use crate::model::actor::{CountryCode, Participant};
use crate::model::claim::Claim;
use crate::model::date::{DateRange, Precision};
use crate::model::exercise::Forces;
use crate::model::link::{Link, LinkKind};
use crate::model::patrol::{Leg, Numbering, Platform};
use crate::model::place::{AreaKind, Point};
use crate::model::quantity::Quantity;
use crate::model::record::Record;
use crate::model::time::TimeOfDay;

/// The days a record may have started on: the first and last day its start
/// date allows (a statistic: the first day of its period).
pub(super) fn start_window(r: &Record<'_>) -> Option<(Date, Date)> {
    match r.start() {
        Some(d) => Some((d.first_day(), d.last_day())),
        None => r.span().map(|(a, _)| (a, a)),
    }
}

/// Whether a record's dates are usable for comparing with another's (given,
/// and not reversed: a reversed range is reported as `end-before-start`).
fn usable_span(r: &Record<'_>) -> Option<(Date, Date)> {
    r.span().filter(|(a, b)| a <= b)
}

impl<'a> Checker<'a> {
    /// The kind of the area with this id, as [`crate::dataset::Dataset::area`]
    /// finds it (remembered: a built-in area is built on each look-up).
    fn area_kind(&mut self, id: &'a str) -> Option<AreaKind> {
        let ds = self.ds;
        *self
            .area_kinds
            .entry(id)
            .or_insert_with(|| ds.area(id).map(|a| a.kind))
    }

    /// A record's claims: the sources each cites.
    pub(super) fn claims(&mut self, path: At<'_>, claims: &[Claim]) {
        for (j, c) in claims.iter().enumerate() {
            self.source_refs(path.index(j).field("sources"), &c.sources, false);
        }
    }

    /// A record's links: each names another record that exists, and its
    /// dates agree with a `during` or `follows` link. `holder` is the
    /// record holding them.
    pub(super) fn links(&mut self, path: At<'_>, holder: Record<'a>, links: &'a [Link]) {
        for (j, l) in links.iter().enumerate() {
            let at = path.index(j);
            self.source_refs(at.field("sources"), &l.sources, false);
            if l.to == holder.id() {
                self.push(
                    Code::SelfLink,
                    at.field("to"),
                    format!("links to itself ({} {:?})", l.rel.as_str(), l.to),
                );
                continue;
            }
            let Some(target) = self.ids.record(l.to.as_str()) else {
                self.push(
                    Code::UnknownLinkTarget,
                    at.field("to"),
                    format!("links to {:?}, which is the id of no record", l.to),
                );
                continue;
            };
            self.linked_dates(at, holder, l, target);
        }
    }

    /// `during`: the two spans overlap; `follows`: the holder does not start
    /// before the target starts. Fuzzy dates are read generously: only a
    /// contradiction whatever the exact days is reported.
    fn linked_dates(&mut self, at: At<'_>, holder: Record<'_>, l: &Link, target: Record<'_>) {
        let (Some(h), Some(t)) = (usable_span(&holder), usable_span(&target)) else {
            return;
        };
        match l.rel {
            LinkKind::During if h.1 < t.0 || t.1 < h.0 => self.push(
                Code::LinkedDatesDisagree,
                at,
                format!(
                    "happened during {:?}, but their dates do not overlap ({}–{} and {}–{})",
                    l.to, h.0, h.1, t.0, t.1
                ),
            ),
            LinkKind::Follows => {
                let (Some(hs), Some(ts)) = (start_window(&holder), start_window(&target)) else {
                    return;
                };
                if hs.1 < ts.0 {
                    self.push(
                        Code::LinkedDatesDisagree,
                        at,
                        format!(
                            "follows {:?}, but starts ({} at the latest) before it starts ({} at the earliest)",
                            l.to, hs.1, ts.0
                        ),
                    );
                }
            }
            _ => {}
        }
    }

    /// A record's dates, or `undated-record` when it has none.
    pub(super) fn record_dates(&mut self, base: At<'_>, dates: &Option<DateRange>) {
        match dates {
            Some(d) => self.dates(base.field("dates"), d),
            None => self.push(
                Code::UndatedRecord,
                base.field("dates"),
                "has no date, so it cannot appear in time series",
            ),
        }
    }

    /// Times of day on a record or leg whose start date is not known to the day.
    pub(super) fn times(
        &mut self,
        base: At<'_>,
        dates: &Option<DateRange>,
        start: &Option<TimeOfDay>,
        end: &Option<TimeOfDay>,
    ) {
        let to_the_day = dates.is_some_and(|d| d.start.precision() == Precision::Day);
        if to_the_day {
            return;
        }
        for (field, t) in [("startTime", start), ("endTime", end)] {
            if let Some(t) = t {
                let when = match dates {
                    Some(d) => format!("its start date ({}) is not known to the day", d.start),
                    None => "it has no date".to_string(),
                };
                self.push(
                    Code::TimeWithoutDay,
                    base.field(field),
                    format!("gives a time of day ({t}), but {when}"),
                );
            }
        }
    }

    /// Platforms: the operating state and the count.
    pub(super) fn platforms(&mut self, path: At<'_>, platforms: &[Platform]) {
        for (j, pl) in platforms.iter().enumerate() {
            if let Some(c) = &pl.country {
                self.country(path.index(j).field("country"), c);
            }
            self.opt_figure(path.index(j).field("count"), &pl.count);
        }
    }

    /// A route: its points, and at least two of them.
    pub(super) fn route(&mut self, path: At<'_>, route: &[Point]) {
        if route.len() == 1 {
            self.push(Code::ShortRoute, path, "a route needs at least two points");
        }
        for (j, pt) in route.iter().enumerate() {
            self.point(path.index(j), pt);
        }
    }

    /// Forces: each figure, the equipment, and the parts by state (states
    /// that take part, each once, no deeper split, not adding up to more
    /// than the total).
    pub(super) fn forces(
        &mut self,
        path: At<'_>,
        f: &Forces,
        participants: &[Participant],
        sources: &[String],
    ) {
        self.forces_figures(path, f);
        if f.by_state.is_empty() {
            return;
        }
        let list = path.field("byState");
        let mut seen: HashSet<CountryCode> = HashSet::new();
        for (k, part) in f.by_state.iter().enumerate() {
            let at = list.index(k);
            let c = part.country;
            self.country(at.field("country"), &c);
            let repeated = if f.by_state.len() <= SHORT_LIST {
                f.by_state[..k].iter().any(|s| s.country == c)
            } else {
                !seen.insert(c)
            };
            if repeated {
                self.push(
                    Code::DuplicateStateForces,
                    at.field("country"),
                    format!("{c}'s forces are already given in this `byState`"),
                );
            } else if !participants.iter().any(|p| p.country == c) {
                self.push(
                    Code::StateForcesNotParticipant,
                    at.field("country"),
                    format!("forces are given for {c}, which is not a participant"),
                );
            }
            let inner = at.field("forces");
            self.forces_figures(inner, &part.forces);
            if !part.forces.by_state.is_empty() {
                self.push(
                    Code::NestedStateForces,
                    inner.field("byState"),
                    format!("{c}'s forces carry a `byState` of their own; a state's part is not split again"),
                );
            }
        }
        let ds = self.ds;
        let fields: [(&str, FieldOf); 4] = [
            ("ships", |f| &f.ships),
            ("submarines", |f| &f.submarines),
            ("aircraft", |f| &f.aircraft),
            ("personnel", |f| &f.personnel),
        ];
        for (name, get) in fields {
            let Some(total) = get(f).as_ref().and_then(|t| ds.figure_value(t, sources)) else {
                continue;
            };
            let Some(high) = total.high() else { continue };
            let parts: Vec<Quantity> = f
                .by_state
                .iter()
                .filter_map(|s| get(&s.forces).as_ref())
                .filter_map(|p| ds.figure_value(p, sources))
                .collect();
            if parts.is_empty() {
                continue;
            }
            let low = Quantity::sum(parts.iter()).low();
            if low > high {
                self.push(
                    Code::ForcesPartsExceedTotal,
                    path.field(name),
                    format!(
                        "the states' parts add up to at least {low} {name}, more than the total {total}"
                    ),
                );
            }
        }
    }

    fn forces_figures(&mut self, path: At<'_>, f: &Forces) {
        self.opt_figure(path.field("ships"), &f.ships);
        self.opt_figure(path.field("submarines"), &f.submarines);
        self.opt_figure(path.field("aircraft"), &f.aircraft);
        self.opt_figure(path.field("personnel"), &f.personnel);
        for (j, eq) in f.equipment.iter().enumerate() {
            self.opt_figure(
                path.field("equipment").index(j).field("quantity"),
                &eq.quantity,
            );
        }
    }

    /// Legs: dates within the record's, times, areas, straits that are
    /// straits, route points.
    pub(super) fn legs(&mut self, path: At<'_>, legs: &'a [Leg], record: &Option<DateRange>) {
        for (j, leg) in legs.iter().enumerate() {
            let at = path.index(j);
            if let Some(d) = &leg.dates {
                self.dates(at.field("dates"), d);
                if let Some(r) = record.filter(|r| !r.is_reversed() && !d.is_reversed()) {
                    // Outside whatever the exact days: it starts before the
                    // record can have started, or ends after it can have ended.
                    if d.start.last_day() < r.start.first_day()
                        || d.end.first_day() > r.end.last_day()
                    {
                        self.push(
                            Code::LegOutsideDates,
                            at.field("dates"),
                            format!("the leg ({d}) is dated outside its record ({r})"),
                        );
                    }
                }
            }
            self.times(at, &leg.dates.or(*record), &leg.start_time, &leg.end_time);
            self.area_refs(at.field("areas"), &leg.areas);
            let straits = at.field("straits");
            for (k, s) in leg.straits.iter().enumerate() {
                let p = straits.index(k);
                match self.area_kind(s) {
                    Some(AreaKind::Strait) => {}
                    Some(kind) => self.push(
                        Code::NotAStrait,
                        p,
                        format!(
                            "area {s:?} is not a strait (its kind is {})",
                            kind_name(kind)
                        ),
                    ),
                    None => self.push(
                        Code::UnknownArea,
                        p,
                        format!("area {s:?} is neither built in nor defined in `areas`"),
                    ),
                }
            }
            for (k, pt) in leg.route.iter().enumerate() {
                self.point(at.field("route").index(k), pt);
            }
        }
    }

    /// A patrol's numbering: each authority a state, its sources, and one
    /// number per authority.
    pub(super) fn numbering(&mut self, path: At<'_>, numbering: &[Numbering]) {
        for (j, n) in numbering.iter().enumerate() {
            let at = path.index(j);
            if let Some(c) = &n.by {
                self.country(at.field("by"), c);
            }
            self.source_refs(at.field("sources"), &n.sources, false);
            if let Some(first) = numbering[..j]
                .iter()
                .find(|m| m.by == n.by && m.number != n.number)
            {
                self.push(
                    Code::ConflictingNumbers,
                    at.field("number"),
                    format!(
                        "{} numbers this patrol {}, and also {}",
                        authority(n.by),
                        n.number,
                        first.number
                    ),
                );
            }
        }
    }
}

/// One figure of a force, by name.
type FieldOf = fn(&Forces) -> &Option<crate::model::figure::Figure>;

/// An area kind as documents write it.
fn kind_name(kind: AreaKind) -> &'static str {
    match kind {
        AreaKind::Sea => "sea",
        AreaKind::Ocean => "ocean",
        AreaKind::Strait => "strait",
        AreaKind::Region => "region",
        AreaKind::Airspace => "airspace",
        AreaKind::TerritorialAirspace => "territorialAirspace",
        AreaKind::Adiz => "adiz",
    }
}

/// A numbering authority as a message names it.
pub(super) fn authority(by: Option<CountryCode>) -> String {
    match by {
        Some(c) => c.to_string(),
        None => "the unattributed numbering".to_string(),
    }
}
