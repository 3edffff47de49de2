//! The objects made from the dataset's records: locations of areas and
//! routes, groupings of exercises and patrols, notes of statistics,
//! scenarios and indicators, and the report that refers to them all.
//! Incidents and activities are in `events`, relationships in
//! `relationships`.

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::{external_reference, figure, id, percent, quantity_text, when, word, Builder};
use crate::assess::estimative::Term;
use crate::format::geometry::{
    area_outline, bbox, bbox_circle, resolve_area, unwrap, ResolvedArea,
};
use crate::model::actor::Participant;
use crate::model::claim::Claim;
use crate::model::exercise::Forces;
use crate::model::patrol::{Leg, PatrolKind, Platform};
use crate::model::place::Point;
use crate::model::scenario::{Direction, ScenarioKind};
use crate::model::statistic::{Category, Rate};

/// The areas and straits of legs.
pub(super) fn leg_areas(legs: &[Leg]) -> impl Iterator<Item = &String> + '_ {
    legs.iter().flat_map(|l| l.areas.iter().chain(&l.straits))
}

/// What a grouping (an exercise, a patrol or an activity) says, before the
/// common parts.
pub(super) struct Grouping {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) description: String,
    pub(super) refs: Vec<String>,
    pub(super) labels: Vec<String>,
    pub(super) sources: Vec<String>,
}

impl Builder<'_> {
    pub(super) fn extension_definition(&mut self) {
        let mut m = self.common("extension-definition", &self.extension.clone());
        m.insert("name".into(), json!("jointwatch record"));
        m.insert(
            "description".into(),
            json!("Carries the jointwatch record an object was made from, so that nothing of it is lost: `record_type` (exercise, patrol, incident, activity, statistic, scenario, indicator, area, link or assessment) and `record`, the record's JSON exactly as in a jointwatch dataset document."),
        );
        m.insert(
            "schema".into(),
            json!("`record` is one element of the matching list of a jointwatch dataset document (format version 2.x; a 1.x document is upgraded on reading), as defined by schema/dataset.schema.json in the jointwatch repository; for `link` it is one element of a record's `links` with `from`, the id of the record that holds it, added; for `assessment` it is one scenario result of the jointwatch assessment."),
        );
        m.insert("version".into(), json!("2.0.0"));
        m.insert("extension_types".into(), json!(["property-extension"]));
        self.push(m);
    }

    pub(super) fn area_locations(&mut self) {
        let ds = self.ds;
        let mut ids: Vec<&str> = ds.areas.iter().map(|a| a.id.as_str()).collect();
        for a in ds
            .exercises
            .iter()
            .flat_map(|e| &e.areas)
            .chain(
                ds.patrols
                    .iter()
                    .flat_map(|p| p.areas.iter().chain(leg_areas(&p.legs))),
            )
            .chain(ds.incidents.iter().flat_map(|i| &i.areas))
            .chain(
                ds.activities
                    .iter()
                    .flat_map(|a| a.areas.iter().chain(leg_areas(&a.legs))),
            )
        {
            if !ids.contains(&a.as_str()) {
                ids.push(a);
            }
        }
        for area_id in ids {
            let Some(ResolvedArea { area, builtin }) = resolve_area(ds, area_id) else {
                continue;
            };
            let Some((ring, source)) = area_outline(&area) else {
                continue; // no geometry: the area stays a name in the descriptions
            };
            let Some(b) = bbox(&[ring]) else { continue };
            let (centre, radius) = bbox_circle(b);
            let lid = if builtin {
                id("location", &format!("area/{}", area.id))
            } else {
                self.scoped("location", &format!("area/{}", area.id))
            };
            let mut m = self.common("location", &lid);
            m.insert("name".into(), json!(area.name));
            m.insert(
                "description".into(),
                json!(format!(
                    "{} `{}`{}: the centre of its bounding box [{}, {}, {}, {}] (west, south, east, north; from its {}), with `precision` the radius in metres of a circle that holds the box.{}",
                    word(&area.kind),
                    area.id,
                    if builtin { " from the jointwatch gazetteer" } else { "" },
                    b[0], b[1], b[2], b[3],
                    source.as_str(),
                    match (&area.notes, area.approximate) {
                        (Some(n), _) => format!(" Geometry: {}.", n.trim_end_matches('.')),
                        (None, true) => " The geometry is approximate.".to_string(),
                        (None, false) => String::new(),
                    }
                )),
            );
            m.insert("latitude".into(), json!(centre[1]));
            m.insert("longitude".into(), json!(centre[0]));
            m.insert("precision".into(), json!(radius));
            self.extend(&mut m, "area", &area);
            self.push(m);
            self.locations.insert(area.id.clone(), lid);
        }
    }

    pub(super) fn area_refs<'s>(&self, ids: impl IntoIterator<Item = &'s String>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for lid in ids.into_iter().filter_map(|a| self.locations.get(a)) {
            if !out.contains(lid) {
                out.push(lid.clone());
            }
        }
        out
    }

    pub(super) fn area_names(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|a| {
                resolve_area(self.ds, a)
                    .map(|r| r.area.name)
                    .unwrap_or_else(|| a.clone())
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub(super) fn participants_text(ps: &[Participant]) -> String {
        ps.iter()
            .map(|p| match p.branch {
                Some(b) => format!("{} {}", Self::state_name(&p.country), word(&b)),
                None => Self::state_name(&p.country),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub(super) fn grouping(&mut self, g: Grouping, record_type: &str, record: &impl Serialize) {
        let mut m = self.common("grouping", &g.id);
        m.insert("name".into(), json!(g.name));
        m.insert("description".into(), json!(g.description));
        m.insert("context".into(), json!("unspecified"));
        let mut refs = g.refs;
        if refs.is_empty() {
            refs.push(self.report.clone());
        }
        m.insert("object_refs".into(), json!(refs));
        m.insert("labels".into(), json!(g.labels));
        self.cite(&mut m, &g.sources);
        self.extend(&mut m, record_type, record);
        self.push(m);
    }

    pub(super) fn exercise(&mut self, i: usize) {
        let e = &self.ds.exercises[i];
        let mut text = format!("Exercise {}", e.name);
        if let Some(s) = &e.series {
            text += &format!(" (series {s})");
        }
        match &e.dates {
            Some(d) => text += &format!(", {d}."),
            None => text += ", date unknown.",
        }
        text += &format!(
            " Participants: {}.",
            Self::participants_text(&e.participants)
        );
        if !e.observers.is_empty() {
            text += &format!(" Observers: {}.", Self::participants_text(&e.observers));
        }
        if let Some(h) = &e.host {
            text += &format!(" Host: {}.", Self::state_name(h));
        }
        if !e.domains.is_empty() {
            let d: Vec<String> = e.domains.iter().map(word).collect();
            text += &format!(" Domains: {}.", d.join(", "));
        }
        if !e.areas.is_empty() {
            text += &format!(" Areas: {}.", self.area_names(&e.areas));
        }
        text += &forces_text(&e.forces);
        text += &claims_text(&e.claims);
        if let Some(n) = &e.notes {
            text += &format!(" Notes: {n}");
        }
        let mut refs = self.state_refs(
            e.participants
                .iter()
                .chain(&e.observers)
                .map(|p| &p.country)
                .chain(&e.host)
                .chain(e.forces.by_state.iter().map(|s| &s.country)),
        );
        refs.extend(self.area_refs(&e.areas));
        let mut labels = vec!["exercise".to_string()];
        labels.extend(e.domains.iter().map(word));
        labels.extend(e.tags.iter().cloned());
        let g = Grouping {
            id: self.scoped("grouping", &format!("exercise/{}", e.id)),
            name: e.name.clone(),
            description: text,
            refs,
            labels,
            sources: e.sources.clone(),
        };
        self.grouping(g, "exercise", e);
    }

    pub(super) fn patrol(&mut self, i: usize) {
        let p = &self.ds.patrols[i];
        let kind = match p.kind {
            PatrolKind::JointAirPatrol => "Joint strategic air patrol",
            PatrolKind::JointNavalPatrol => "Joint naval patrol",
        };
        let name = p.name.clone().unwrap_or_else(|| format!("{kind} {}", p.id));
        let mut text = kind.to_string();
        for (i, n) in p.numbering.iter().enumerate() {
            text += if i == 0 { " no. " } else { ", no. " };
            text += &n.number.to_string();
            if let Some(by) = n.by {
                text += &format!(" by {by}'s count");
            }
        }
        text += &format!(", {}.", when(p.dates.as_ref(), p.start_time, p.end_time));
        text += &format!(
            " Participants: {}.",
            Self::participants_text(&p.participants)
        );
        text += &platforms_text(&p.platforms);
        if !p.areas.is_empty() {
            text += &format!(" Areas: {}.", self.area_names(&p.areas));
        }
        text += &self.legs_text(&p.legs);
        if !p.adiz_entered.is_empty() {
            let z: Vec<String> = p.adiz_entered.iter().map(Self::state_name).collect();
            text += &format!(
                " Entered the air-defence identification zone of {}.",
                z.join(", ")
            );
        }
        for r in &p.responses {
            text += &format!(
                " Response: {} — {}",
                Self::state_name(&r.by),
                word(&r.action)
            );
            if let Some(c) = &r.count {
                text += &format!(" ({})", figure(c));
            }
            text += ".";
        }
        text += &claims_text(&p.claims);
        if let Some(n) = &p.notes {
            text += &format!(" Notes: {n}");
        }
        let mut refs = self.state_refs(
            p.participants
                .iter()
                .map(|x| &x.country)
                .chain(&p.adiz_entered)
                .chain(p.responses.iter().map(|r| &r.by)),
        );
        refs.extend(self.area_refs(p.areas.iter().chain(leg_areas(&p.legs))));
        let name_for_routes = p.name.clone().unwrap_or_else(|| p.id.clone());
        refs.extend(self.route_locations(&p.id, &name_for_routes, &p.route, &p.legs));
        let p = &self.ds.patrols[i];
        let label = match p.kind {
            PatrolKind::JointAirPatrol => "joint-air-patrol",
            PatrolKind::JointNavalPatrol => "joint-naval-patrol",
        };
        let mut labels = vec![label.to_string()];
        labels.extend(p.tags.iter().cloned());
        let g = Grouping {
            id: self.scoped("grouping", &format!("patrol/{}", p.id)),
            name,
            description: text,
            refs,
            labels,
            sources: p.sources.clone(),
        };
        self.grouping(g, "patrol", p);
    }

    /// Locations for a record's route and for each leg's own route, those
    /// whose positions are all in range.
    pub(super) fn route_locations(
        &mut self,
        record: &str,
        name: &str,
        route: &[Point],
        legs: &[Leg],
    ) -> Vec<String> {
        let mut out = Vec::new();
        out.extend(self.route_location(
            &format!("route/{record}"),
            &format!("Route of {name}"),
            route,
        ));
        for (n, leg) in legs.iter().enumerate() {
            out.extend(self.route_location(
                &format!("route/{record}/leg/{}", n + 1),
                &format!("Route of {name}, leg {}", n + 1),
                &leg.route,
            ));
        }
        out
    }

    /// A location for a route, when it has one in range.
    fn route_location(&mut self, key: &str, name: &str, route: &[Point]) -> Option<String> {
        if route.is_empty() || !route.iter().all(|x| x.is_in_range()) {
            return None;
        }
        let line = unwrap(&route.iter().map(|x| [x.lon, x.lat]).collect::<Vec<_>>());
        let b = bbox(&[line])?;
        let (centre, radius) = bbox_circle(b);
        let lid = self.scoped("location", key);
        let mut m = self.common("location", &lid);
        m.insert("name".into(), json!(name));
        let pts: Vec<String> = route
            .iter()
            .map(|x| format!("{} {}", x.lon, x.lat))
            .collect();
        m.insert(
            "description".into(),
            json!(format!(
                "The route as longitude latitude pairs: {}. The location is the centre of the route's bounding box, with `precision` the radius in metres of a circle that holds it.",
                pts.join("; ")
            )),
        );
        m.insert("latitude".into(), json!(centre[1]));
        m.insert("longitude".into(), json!(centre[0]));
        m.insert("precision".into(), json!(radius.max(1.0)));
        self.push(m);
        Some(lid)
    }

    /// The legs in words: each leg's dates and times, straits, areas,
    /// route and notes.
    pub(super) fn legs_text(&self, legs: &[Leg]) -> String {
        if legs.is_empty() {
            return String::new();
        }
        let parts: Vec<String> = legs
            .iter()
            .enumerate()
            .map(|(n, l)| {
                let mut s = format!(
                    "({}) {}",
                    n + 1,
                    when(l.dates.as_ref(), l.start_time, l.end_time)
                );
                if !l.straits.is_empty() {
                    s += &format!(", through {}", self.area_names(&l.straits));
                }
                if !l.areas.is_empty() {
                    s += &format!(", areas {}", self.area_names(&l.areas));
                }
                if !l.route.is_empty() {
                    s += &format!(", a route of {} position(s)", l.route.len());
                }
                if let Some(note) = &l.notes {
                    s += &format!(" ({})", note.trim_end_matches('.'));
                }
                s
            })
            .collect();
        format!(" Legs: {}.", parts.join("; "))
    }

    pub(super) fn note(
        &mut self,
        nid: String,
        abstract_: String,
        content: String,
        mut refs: Vec<String>,
        sources: &[String],
    ) -> Map<String, Value> {
        let mut m = self.common("note", &nid);
        m.insert("abstract".into(), json!(abstract_));
        m.insert("content".into(), json!(content));
        if refs.is_empty() {
            refs.push(self.report.clone());
        }
        m.insert("object_refs".into(), json!(refs));
        self.cite(&mut m, sources);
        m
    }

    pub(super) fn statistic(&mut self, i: usize) {
        let s = &self.ds.statistics[i];
        let mut text = format!("{}: {}", s.label, quantity_text(&s.quantity));
        if s.rate == Rate::PerYear {
            text += " per year";
        }
        if let Some(p) = &s.period {
            text += &format!(", {p}");
            if let (Some(a), Some(b)) = (p.first_day(), p.last_day()) {
                text += &format!(" ({a} to {b})");
            }
        }
        if let Some(d) = &s.as_of {
            text += &format!(", as of {d}");
        }
        text += ".";
        if let Some(r) = &s.reporter {
            text += &format!(" Reported by {}.", r.name);
        }
        if !s.subjects.is_empty() {
            text += &format!(" Subjects: {}.", Self::participants_text(&s.subjects));
        }
        if !s.breakdown.is_empty() {
            let parts: Vec<String> = s
                .breakdown
                .iter()
                .map(|b| {
                    let who = match b.category {
                        Category::Country(c) => Self::state_name(&c),
                        other => other.to_string(),
                    };
                    match (&b.quantity, &b.qualifier) {
                        (Some(q), _) => format!("{who}: {}", quantity_text(q)),
                        (None, Some(w)) => format!("{who}: \"{w}\""),
                        (None, None) => who,
                    }
                })
                .collect();
            text += &format!(" Breakdown: {}.", parts.join("; "));
        }
        if let Some(n) = &s.notes {
            text += &format!(" Notes: {n}");
        }
        let refs = self.state_refs(
            s.reporter
                .iter()
                .filter_map(|r| r.country.as_ref())
                .chain(s.subjects.iter().map(|p| &p.country)),
        );
        let nid = self.scoped("note", &format!("statistic/{}", s.id));
        let (label, sources) = (s.label.clone(), s.sources.clone());
        let reporter = s.reporter.as_ref().map(|r| r.name.clone());
        let mut m = self.note(nid, label, text, refs, &sources);
        if let Some(r) = reporter {
            m.insert("authors".into(), json!([r]));
        }
        m.insert("labels".into(), json!(["statistic", word(&s.measure)]));
        self.extend(&mut m, "statistic", s);
        self.push(m);
    }

    pub(super) fn scenario(&mut self, i: usize) {
        let s = &self.ds.scenarios[i];
        let what = match s.kind {
            ScenarioKind::Scenario => "Scenario",
            ScenarioKind::EndState => "End state",
        };
        let mut text = s.description.clone();
        match s.prior {
            Some(p) => {
                let term = Term::of(p)
                    .map(|t| format!(" ({})", t.words()))
                    .unwrap_or_default();
                text += &format!(" Prior probability: {}{term}.", percent(p));
            }
            None => text += " No prior probability given.",
        }
        if let Some(h) = &s.horizon {
            text += &format!(" Horizon: {h}.");
        }
        let nid = self.scenario_notes[&s.id].clone();
        let sources = s.sources.clone();
        let mut m = self.note(
            nid,
            format!("{what}: {}", s.name),
            text,
            vec![self.report.clone()],
            &sources,
        );
        m.insert("labels".into(), json!([word(&s.kind)]));
        self.extend(&mut m, "scenario", s);
        self.push(m);
    }

    pub(super) fn indicator(&mut self, i: usize) {
        let ind = &self.ds.indicators[i];
        let mut text = ind.description.clone().unwrap_or_default();
        if !text.is_empty() {
            text.push(' ');
        }
        let dir = match ind.rule.direction {
            Direction::AtLeast => "at or above",
            Direction::AtMost => "at or below",
        };
        text += &format!("Fires {dir} {}", ind.rule.threshold);
        if let Some(w) = ind.rule.watch {
            text += &format!(" (watch level {w})");
        }
        text += &format!(
            "; measures {}.",
            serde_json::to_string(&ind.metric).unwrap_or_default()
        );
        for b in &ind.bears_on {
            text += &format!(
                " Bears on {}: likelihood ratio {} if it fires, {} if not.",
                b.scenario, b.if_fired, b.if_not_fired
            );
        }
        let refs: Vec<String> = ind
            .bears_on
            .iter()
            .filter_map(|b| self.scenario_notes.get(&b.scenario).cloned())
            .collect();
        let nid = self.indicator_notes[&ind.id].clone();
        let sources = ind.sources.clone();
        let mut m = self.note(
            nid,
            format!("Indicator: {}", ind.name),
            text,
            refs,
            &sources,
        );
        m.insert("labels".into(), json!(["indicator"]));
        self.extend(&mut m, "indicator", ind);
        self.push(m);
    }

    pub(super) fn dataset_report(&mut self) {
        let mut m = self.common("report", &self.report.clone());
        let name = self
            .ds
            .title
            .clone()
            .unwrap_or_else(|| "jointwatch dataset".to_string());
        m.insert("name".into(), json!(name));
        let mut description = self.ds.description.clone().unwrap_or_default();
        if !description.is_empty() {
            description.push(' ');
        }
        description += &format!(
            "Exported by jointwatch (dataset format version {}): {} exercise(s), {} patrol(s), {}{} statistic(s), {} scenario(s), {} indicator(s).",
            self.ds.format_version,
            self.ds.exercises.len(),
            self.ds.patrols.len(),
            // Named only when held, so that format 1.0 exports read as before.
            if self.ds.incidents.is_empty() && self.ds.activities.is_empty() {
                String::new()
            } else {
                format!(
                    "{} incident(s), {} activity record(s), ",
                    self.ds.incidents.len(),
                    self.ds.activities.len()
                )
            },
            self.ds.statistics.len(),
            self.ds.scenarios.len(),
            self.ds.indicators.len()
        );
        m.insert("description".into(), json!(description));
        m.insert("published".into(), json!(self.ts));
        m.insert("report_types".into(), json!(["threat-report"]));
        let refs: Vec<Value> = self
            .objects
            .iter()
            .filter(|o| o["type"] != "extension-definition")
            .map(|o| o["id"].clone())
            .collect();
        m.insert("object_refs".into(), Value::Array(refs));
        if !self.ds.sources.is_empty() {
            m.insert(
                "external_references".into(),
                Value::Array(self.ds.sources.iter().map(external_reference).collect()),
            );
        }
        self.push(m);
    }
}

/// A platform list in words: "2 (exact) × H-6K (bomber) of CHN; …".
pub(super) fn platforms_text(platforms: &[Platform]) -> String {
    if platforms.is_empty() {
        return String::new();
    }
    let pl: Vec<String> = platforms
        .iter()
        .map(|x| {
            let mut s = x.model.clone();
            match &x.count {
                Some(c) if c.is_contested() => {}
                Some(c) => s = format!("{} × {s}", figure(c)),
                None => {}
            }
            if let Some(r) = &x.role {
                s += &format!(" ({})", word(r));
            }
            if let Some(c) = &x.country {
                s += &format!(" of {c}");
            }
            if let Some(c) = x.count.as_ref().filter(|c| c.is_contested()) {
                s += &format!(", count {}", figure(c));
            }
            s
        })
        .collect();
    format!(" Platforms: {}.", pl.join("; "))
}

/// The figures of forces in words: " Forces: ships …; aircraft …." and,
/// for each state's part, " Forces of China (CHN): personnel …."; empty
/// when no figure is given.
pub(super) fn forces_text(f: &Forces) -> String {
    let mut text = String::new();
    let parts = forces_parts(f);
    if !parts.is_empty() {
        text += &format!(" Forces: {}.", parts.join("; "));
    }
    for s in &f.by_state {
        let parts = forces_parts(&s.forces);
        if !parts.is_empty() {
            text += &format!(
                " Forces of {}: {}.",
                Builder::state_name(&s.country),
                parts.join("; ")
            );
        }
    }
    text
}

fn forces_parts(f: &Forces) -> Vec<String> {
    let mut forces: Vec<String> = f
        .figures()
        .map(|(label, q)| format!("{label} {}", figure(q)))
        .collect();
    for eq in &f.equipment {
        match &eq.quantity {
            Some(q) => forces.push(format!("{} {}", eq.name, figure(q))),
            None => forces.push(eq.name.clone()),
        }
    }
    forces
}

/// Claims in words: " Claimed: \"…\"." for each.
pub(super) fn claims_text(claims: &[Claim]) -> String {
    claims
        .iter()
        .map(|c| format!(" Claimed: \"{}\".", c.text))
        .collect()
}
