//! STIX 2.1 export: a bundle that threat-intelligence platforms can import,
//! and that passes the OASIS `stix2-validator` without errors.
//!
//! The mapping, with the reasons for each choice, is documented in
//! `docs/stix.md`. In short:
//!
//! | jointwatch | STIX 2.1 |
//! | --- | --- |
//! | the exporting tool | `identity` (class `system`), the `created_by_ref` of everything |
//! | a state (CHN, RUS, …) | `identity` (class `organization`, sectors `government-national`, `defense`) with an ISO 3166-1 external reference |
//! | an area, a patrol route | `location` at the centre of its bounding box, `precision` the radius that holds it |
//! | an exercise, a patrol | `grouping` (context `unspecified`) of its states and locations |
//! | a statistic, a scenario, an indicator | `note` |
//! | a scenario's assessment | `note` with the numbers, plus an `opinion` on the scenario note |
//! | a source | an external reference on every object that cites it; Admiralty credibility as `confidence` |
//! | the dataset | `report` (type `threat-report`) referring to every object |
//! | the record itself | a property extension (`extension-definition` in the bundle) holding the record's jointwatch JSON |
//!
//! Ids are deterministic: UUIDv5 under [`NAMESPACE`] from the object's kind
//! and record id (scoped by the dataset's title, or
//! [`StixOptions::namespace`]), so exporting the same dataset twice gives the
//! same ids and a platform sees new versions of the same objects. States and
//! built-in areas get the same ids in every export. The validator warns
//! (`{103}`) that these are not UUIDv4, which STIX recommends but does not
//! require.
//!
//! # Example
//! ```
//! use jointwatch::format::stix::{export, StixOptions};
//!
//! let when: jiff::Timestamp = "2024-12-31T00:00:00Z".parse().unwrap();
//! let bundle = export(&jointwatch::seed(), None, &StixOptions::new(when));
//! assert_eq!(bundle["type"], "bundle");
//! let objects = bundle["objects"].as_array().unwrap();
//! let ocean = objects.iter().find(|o| o["name"] == "Ocean-2024").unwrap();
//! assert_eq!(ocean["type"], "grouping");
//! assert_eq!(ocean["created"], "2024-12-31T00:00:00.000Z");
//! // Same dataset, same ids.
//! let again = export(&jointwatch::seed(), None, &StixOptions::new(when));
//! assert_eq!(bundle, again);
//! ```

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::assess::estimative::Term;
use crate::assess::{Assessment, State};
use crate::dataset::Dataset;
use crate::format::geometry::{
    area_outline, bbox, bbox_circle, resolve_area, unwrap, ResolvedArea,
};
use crate::model::actor::{CountryCode, Participant};
use crate::model::patrol::PatrolKind;
use crate::model::quantity::Quantity;
use crate::model::scenario::{Direction, ScenarioKind};
use crate::model::source::Credibility;
use crate::model::statistic::{Category, Rate};

/// The UUIDv5 namespace of every id jointwatch writes into STIX.
pub const NAMESPACE: Uuid = Uuid::from_u128(0xe492a6bd_726e_4471_ae1a_48846ed26f7f);

/// How to export.
#[derive(Debug, Clone, PartialEq)]
pub struct StixOptions {
    /// The `created` and `modified` time of every object and the report's
    /// `published` time. Pass the export time; the library never reads the
    /// clock.
    pub timestamp: jiff::Timestamp,
    /// Scopes the ids of the dataset's own objects (records, scenarios,
    /// indicators, dataset-defined areas). By default the dataset's title,
    /// so two datasets that both have a record `ex-1` do not collide.
    pub namespace: Option<String>,
}

impl StixOptions {
    /// Options with this timestamp and the default namespace.
    pub fn new(timestamp: jiff::Timestamp) -> Self {
        StixOptions {
            timestamp,
            namespace: None,
        }
    }
}

/// The STIX `confidence` (0–100) for an Admiralty credibility grade, as in
/// the STIX 2.1 specification's appendix on confidence scales; `None` for
/// grade 6 (truth cannot be judged).
///
/// # Example
/// ```
/// use jointwatch::Credibility;
/// use jointwatch::format::stix::confidence;
/// assert_eq!(confidence(Credibility::ProbablyTrue), Some(70));
/// assert_eq!(confidence(Credibility::CannotBeJudged), None);
/// ```
pub fn confidence(c: Credibility) -> Option<u8> {
    match c {
        Credibility::Confirmed => Some(90),
        Credibility::ProbablyTrue => Some(70),
        Credibility::PossiblyTrue => Some(50),
        Credibility::Doubtful => Some(30),
        Credibility::Improbable => Some(10),
        Credibility::CannotBeJudged => None,
    }
}

/// The STIX opinion that expresses an ICD 203 term about a scenario coming
/// about: `strongly-disagree` for "almost no chance" and "very unlikely",
/// `disagree` for "unlikely", `neutral` for "roughly even chance", `agree`
/// for "likely", `strongly-agree` for "very likely" and "almost certain".
pub fn opinion(term: Term) -> &'static str {
    match term {
        Term::AlmostNoChance | Term::VeryUnlikely => "strongly-disagree",
        Term::Unlikely => "disagree",
        Term::RoughlyEvenChance => "neutral",
        Term::Likely => "agree",
        Term::VeryLikely | Term::AlmostCertain => "strongly-agree",
    }
}

/// Exports the dataset, and its assessment when given, as a STIX 2.1
/// bundle.
pub fn export(ds: &Dataset, assessment: Option<&Assessment>, options: &StixOptions) -> Value {
    let scope = options
        .namespace
        .clone()
        .or_else(|| ds.title.clone())
        .unwrap_or_default();
    let mut b = Builder {
        ds,
        ts: timestamp(options.timestamp),
        scope,
        objects: Vec::new(),
        producer: id("identity", "producer/jointwatch"),
        extension: id("extension-definition", "extension/jointwatch-record/1"),
        report: String::new(),
        states: BTreeMap::new(),
        locations: BTreeMap::new(),
        scenario_notes: BTreeMap::new(),
        indicator_notes: BTreeMap::new(),
    };
    b.report = b.scoped("report", "dataset");
    b.run(assessment);
    let bundle_id = id(
        "bundle",
        &format!("bundle/{}/{}", b.scope, options.timestamp.as_millisecond()),
    );
    json!({"type": "bundle", "id": bundle_id, "objects": b.objects})
}

/// The bundle as pretty-printed JSON text.
pub fn to_string(ds: &Dataset, assessment: Option<&Assessment>, options: &StixOptions) -> String {
    serde_json::to_string_pretty(&export(ds, assessment, options)).unwrap_or_default()
}

fn id(ty: &str, key: &str) -> String {
    format!("{ty}--{}", Uuid::new_v5(&NAMESPACE, key.as_bytes()))
}

/// `YYYY-MM-DDTHH:MM:SS.sssZ`, the millisecond precision STIX asks of
/// `created` and `modified`.
fn timestamp(ts: jiff::Timestamp) -> String {
    let dt = jiff::tz::Offset::UTC.to_datetime(ts);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second(),
        dt.subsec_nanosecond() / 1_000_000
    )
}

fn to_value<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

fn word<T: Serialize>(v: &T) -> String {
    to_value(v).as_str().unwrap_or_default().to_string()
}

fn uncertainty(q: &Quantity) -> &'static str {
    match q {
        Quantity::Exact(_) => "exact",
        Quantity::AtLeast(_) | Quantity::MoreThan(_) => "lower bound",
        Quantity::AtMost(_) | Quantity::LessThan(_) => "upper bound",
        Quantity::Range { .. } => "range",
        Quantity::Estimate { .. } => "estimate",
    }
}

fn figure(q: &Quantity) -> String {
    format!("{q} ({})", uncertainty(q))
}

fn percent(p: f64) -> String {
    let v = p * 100.0;
    if (v - v.round()).abs() < 0.05 {
        format!("{v:.0} %")
    } else {
        format!("{v:.1} %")
    }
}

/// What a grouping (an exercise or a patrol) says, before the common parts.
struct Grouping {
    id: String,
    name: String,
    description: String,
    refs: Vec<String>,
    labels: Vec<String>,
    sources: Vec<String>,
}

struct Builder<'a> {
    ds: &'a Dataset,
    ts: String,
    scope: String,
    objects: Vec<Value>,
    producer: String,
    extension: String,
    report: String,
    states: BTreeMap<CountryCode, String>,
    locations: BTreeMap<String, String>,
    scenario_notes: BTreeMap<String, String>,
    indicator_notes: BTreeMap<String, String>,
}

impl Builder<'_> {
    fn scoped(&self, ty: &str, key: &str) -> String {
        id(ty, &format!("dataset/{}/{ty}/{key}", self.scope))
    }

    fn common(&self, ty: &str, id: &str) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("type".into(), json!(ty));
        m.insert("spec_version".into(), json!("2.1"));
        m.insert("id".into(), json!(id));
        m.insert("created".into(), json!(self.ts));
        m.insert("modified".into(), json!(self.ts));
        if id != self.producer {
            m.insert("created_by_ref".into(), json!(self.producer));
        }
        m
    }

    /// External references and confidence from the cited sources.
    fn cite(&self, m: &mut Map<String, Value>, sources: &[String]) {
        let cited: Vec<_> = sources.iter().filter_map(|s| self.ds.source(s)).collect();
        if !cited.is_empty() {
            m.insert(
                "external_references".into(),
                Value::Array(cited.iter().map(|s| external_reference(s)).collect()),
            );
        }
        if let Some(c) = cited
            .iter()
            .map(|s| s.credibility)
            .min()
            .and_then(confidence)
        {
            m.insert("confidence".into(), json!(c));
        }
    }

    fn extend<T: Serialize>(&self, m: &mut Map<String, Value>, record_type: &str, record: &T) {
        m.insert(
            "extensions".into(),
            json!({ self.extension.clone(): {
                "extension_type": "property-extension",
                "record_type": record_type,
                "record": to_value(record),
            }}),
        );
    }

    fn push(&mut self, m: Map<String, Value>) {
        self.objects.push(Value::Object(m));
    }

    fn state_name(c: &CountryCode) -> String {
        match c.name() {
            Some(n) => format!("{n} ({c})"),
            None => c.to_string(),
        }
    }

    fn state_refs<'p>(&self, ps: impl IntoIterator<Item = &'p CountryCode>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in ps {
            if let Some(id) = self.states.get(c) {
                if !out.contains(id) {
                    out.push(id.clone());
                }
            }
        }
        out
    }

    fn run(&mut self, assessment: Option<&Assessment>) {
        self.producer_identity();
        self.extension_definition();
        self.state_identities();
        self.area_locations();
        for i in 0..self.ds.exercises.len() {
            self.exercise(i);
        }
        for i in 0..self.ds.patrols.len() {
            self.patrol(i);
        }
        for i in 0..self.ds.statistics.len() {
            self.statistic(i);
        }
        // Ids first, so notes can refer to each other in any order.
        for s in &self.ds.scenarios {
            let id = self.scoped("note", &format!("scenario/{}", s.id));
            self.scenario_notes.insert(s.id.clone(), id);
        }
        for ind in &self.ds.indicators {
            let id = self.scoped("note", &format!("indicator/{}", ind.id));
            self.indicator_notes.insert(ind.id.clone(), id);
        }
        for i in 0..self.ds.scenarios.len() {
            self.scenario(i);
        }
        for i in 0..self.ds.indicators.len() {
            self.indicator(i);
        }
        if let Some(a) = assessment {
            self.assessment(a);
        }
        self.dataset_report();
    }

    fn producer_identity(&mut self) {
        let mut m = self.common("identity", &self.producer.clone());
        m.insert("name".into(), json!("jointwatch"));
        m.insert(
            "description".into(),
            json!("The jointwatch library, which wrote these objects from a jointwatch dataset of open-source records on military cooperation between states."),
        );
        m.insert("identity_class".into(), json!("system"));
        self.push(m);
    }

    fn extension_definition(&mut self) {
        let mut m = self.common("extension-definition", &self.extension.clone());
        m.insert("name".into(), json!("jointwatch record"));
        m.insert(
            "description".into(),
            json!("Carries the jointwatch record an object was made from, so that nothing of it is lost: `record_type` (exercise, patrol, statistic, scenario, indicator, area or assessment) and `record`, the record's JSON exactly as in a jointwatch dataset document."),
        );
        m.insert(
            "schema".into(),
            json!("`record` is one element of the matching list of a jointwatch dataset document (format version 1.x), as defined by schema/dataset.schema.json in the jointwatch repository; for `assessment` it is one scenario result of the jointwatch assessment."),
        );
        m.insert("version".into(), json!("1.0.0"));
        m.insert("extension_types".into(), json!(["property-extension"]));
        self.push(m);
    }

    fn state_identities(&mut self) {
        let ds = self.ds;
        let mut all: BTreeSet<CountryCode> = BTreeSet::new();
        let parts = |ps: &[Participant]| ps.iter().map(|p| p.country).collect::<Vec<_>>();
        for e in &ds.exercises {
            all.extend(parts(&e.participants));
            all.extend(parts(&e.observers));
            all.extend(e.host);
        }
        for p in &ds.patrols {
            all.extend(parts(&p.participants));
            all.extend(p.adiz_entered.iter().copied());
            all.extend(p.responses.iter().map(|r| r.by));
            all.extend(p.platforms.iter().filter_map(|x| x.country));
        }
        for s in &ds.statistics {
            all.extend(parts(&s.subjects));
            all.extend(s.reporter.as_ref().and_then(|r| r.country));
            all.extend(s.breakdown.iter().filter_map(|b| match b.category {
                Category::Country(c) => Some(c),
                _ => None,
            }));
        }
        for c in all {
            let sid = id("identity", &format!("state/{c}"));
            let mut m = self.common("identity", &sid);
            m.insert("name".into(), json!(c.name().unwrap_or(c.as_str())));
            m.insert(
                "description".into(),
                json!(format!(
                    "The state with ISO 3166-1 alpha-3 code {c}: its government and armed forces as an actor in the records."
                )),
            );
            m.insert("identity_class".into(), json!("organization"));
            m.insert("sectors".into(), json!(["government-national", "defense"]));
            m.insert(
                "external_references".into(),
                json!([{"source_name": "ISO 3166-1 alpha-3", "external_id": c.as_str()}]),
            );
            self.push(m);
            self.states.insert(c, sid);
        }
    }

    fn area_locations(&mut self) {
        let ds = self.ds;
        let mut ids: Vec<&str> = ds.areas.iter().map(|a| a.id.as_str()).collect();
        for a in ds
            .exercises
            .iter()
            .flat_map(|e| &e.areas)
            .chain(ds.patrols.iter().flat_map(|p| &p.areas))
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
                    "{} `{}`{}: the centre of its bounding box [{}, {}, {}, {}] (west, south, east, north; from its {}), with `precision` the radius in metres of a circle that holds the box.",
                    word(&area.kind),
                    area.id,
                    if builtin { " from the jointwatch gazetteer" } else { "" },
                    b[0], b[1], b[2], b[3],
                    source.as_str()
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

    fn area_refs(&self, ids: &[String]) -> Vec<String> {
        ids.iter()
            .filter_map(|a| self.locations.get(a).cloned())
            .collect()
    }

    fn area_names(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|a| {
                resolve_area(self.ds, a)
                    .map(|r| r.area.name)
                    .unwrap_or_else(|| a.clone())
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn participants_text(ps: &[Participant]) -> String {
        ps.iter()
            .map(|p| match p.branch {
                Some(b) => format!("{} {}", Self::state_name(&p.country), word(&b)),
                None => Self::state_name(&p.country),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn grouping(&mut self, g: Grouping, record_type: &str, record: &impl Serialize) {
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

    fn exercise(&mut self, i: usize) {
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
        let f = &e.forces;
        let mut forces = Vec::new();
        for (label, q) in [
            ("ships", &f.ships),
            ("submarines", &f.submarines),
            ("aircraft", &f.aircraft),
            ("personnel", &f.personnel),
        ] {
            if let Some(q) = q {
                forces.push(format!("{label} {}", figure(q)));
            }
        }
        for eq in &f.equipment {
            match &eq.quantity {
                Some(q) => forces.push(format!("{} {}", eq.name, figure(q))),
                None => forces.push(eq.name.clone()),
            }
        }
        if !forces.is_empty() {
            text += &format!(" Forces: {}.", forces.join("; "));
        }
        for c in &e.claims {
            text += &format!(" Claimed: \"{}\".", c.text);
        }
        if let Some(n) = &e.notes {
            text += &format!(" Notes: {n}");
        }
        let mut refs = self.state_refs(
            e.participants
                .iter()
                .chain(&e.observers)
                .map(|p| &p.country)
                .chain(&e.host),
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

    fn patrol(&mut self, i: usize) {
        let p = &self.ds.patrols[i];
        let kind = match p.kind {
            PatrolKind::JointAirPatrol => "Joint strategic air patrol",
            PatrolKind::JointNavalPatrol => "Joint naval patrol",
        };
        let name = p.name.clone().unwrap_or_else(|| format!("{kind} {}", p.id));
        let mut text = kind.to_string();
        if let Some(n) = p.sequence {
            text += &format!(" no. {n}");
        }
        match &p.dates {
            Some(d) => text += &format!(", {d}."),
            None => text += ", date unknown.",
        }
        text += &format!(
            " Participants: {}.",
            Self::participants_text(&p.participants)
        );
        if !p.platforms.is_empty() {
            let pl: Vec<String> = p
                .platforms
                .iter()
                .map(|x| {
                    let mut s = x.model.clone();
                    if let Some(c) = &x.count {
                        s = format!("{} × {s}", figure(c));
                    }
                    if let Some(r) = &x.role {
                        s += &format!(" ({})", word(r));
                    }
                    if let Some(c) = &x.country {
                        s += &format!(" of {c}");
                    }
                    s
                })
                .collect();
            text += &format!(" Platforms: {}.", pl.join("; "));
        }
        if !p.areas.is_empty() {
            text += &format!(" Areas: {}.", self.area_names(&p.areas));
        }
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
        refs.extend(self.area_refs(&p.areas));
        if let Some(lid) = self.route_location(i) {
            refs.push(lid);
        }
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

    /// A location for a patrol's route, when it has one in range.
    fn route_location(&mut self, i: usize) -> Option<String> {
        let p = &self.ds.patrols[i];
        if p.route.is_empty() || !p.route.iter().all(|x| x.is_in_range()) {
            return None;
        }
        let line = unwrap(&p.route.iter().map(|x| [x.lon, x.lat]).collect::<Vec<_>>());
        let b = bbox(&[line])?;
        let (centre, radius) = bbox_circle(b);
        let lid = self.scoped("location", &format!("route/{}", p.id));
        let mut m = self.common("location", &lid);
        let name = p.name.clone().unwrap_or_else(|| p.id.clone());
        m.insert("name".into(), json!(format!("Route of {name}")));
        let pts: Vec<String> = p
            .route
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

    fn note(
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

    fn statistic(&mut self, i: usize) {
        let s = &self.ds.statistics[i];
        let mut text = format!("{}: {}", s.label, figure(&s.quantity));
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
                        (Some(q), _) => format!("{who}: {}", figure(q)),
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

    fn scenario(&mut self, i: usize) {
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

    fn indicator(&mut self, i: usize) {
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

    fn assessment(&mut self, a: &Assessment) {
        for r in &a.scenarios {
            let Some(scenario_note) = self.scenario_notes.get(&r.id).cloned() else {
                continue;
            };
            let prior = format!(
                "{} ({}{})",
                percent(r.prior),
                r.prior_term.words(),
                if r.illustrative_prior {
                    ", an illustrative default"
                } else {
                    ""
                }
            );
            let mut text = format!(
                "As of {}, that \"{}\" comes about is judged {} ({}); prior {prior}. Confidence: {} — {}.",
                a.as_of,
                r.name,
                r.term.words(),
                percent(r.probability),
                word(&r.confidence),
                r.confidence_reason.trim_end_matches('.')
            );
            let mut refs = vec![scenario_note.clone()];
            for c in &r.contributions {
                let state = match c.state {
                    State::Fired => "fired",
                    State::NotFired => "did not fire",
                    State::Unknown => "is unknown",
                };
                text += &format!(
                    " Indicator {} {state}: likelihood ratio {:.3}, log-odds {:+.3}.",
                    c.indicator, c.likelihood_ratio, c.log_odds
                );
                if let Some(n) = self.indicator_notes.get(&c.indicator) {
                    if !refs.contains(n) {
                        refs.push(n.clone());
                    }
                }
            }
            if let Some(w) = &r.what_would_change {
                text += &format!(
                    " Observing indicator {} would move it to {} ({}) if it fired, {} ({}) if not.",
                    w.indicator,
                    percent(w.if_fired),
                    w.if_fired_term.words(),
                    percent(w.if_not_fired),
                    w.if_not_fired_term.words()
                );
            }
            let nid = self.scoped("note", &format!("assessment/{}", r.id));
            let mut m = self.note(
                nid,
                format!(
                    "Assessment: {} — {} ({})",
                    r.name,
                    r.term.words(),
                    percent(r.probability)
                ),
                text,
                refs,
                &[],
            );
            m.insert("labels".into(), json!(["assessment"]));
            self.extend(&mut m, "assessment", r);
            self.push(m);

            let oid = self.scoped("opinion", &format!("assessment/{}", r.id));
            let mut o = self.common("opinion", &oid);
            o.insert(
                "explanation".into(),
                json!(format!(
                    "That \"{}\" comes about is {} ({}) as of {} by jointwatch's likelihood-ratio assessment; confidence {}. See the assessment note for the contributions.",
                    r.name,
                    r.term.words(),
                    percent(r.probability),
                    a.as_of,
                    word(&r.confidence)
                )),
            );
            o.insert("opinion".into(), json!(opinion(r.term)));
            o.insert("object_refs".into(), json!([scenario_note]));
            self.push(o);
        }
    }

    fn dataset_report(&mut self) {
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
            "Exported by jointwatch (dataset format version {}): {} exercise(s), {} patrol(s), {} statistic(s), {} scenario(s), {} indicator(s).",
            self.ds.format_version,
            self.ds.exercises.len(),
            self.ds.patrols.len(),
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

fn external_reference(s: &crate::model::source::Source) -> Value {
    let mut r = Map::new();
    r.insert(
        "source_name".into(),
        json!(s.publisher.clone().unwrap_or_else(|| s.title.clone())),
    );
    let mut d = s.title.clone();
    if let Some(date) = &s.date {
        d += &format!(" ({date})");
    }
    d += &format!(
        ". Admiralty grading {}: {}; {}.",
        s.grading(),
        s.reliability.meaning(),
        s.credibility.meaning()
    );
    r.insert("description".into(), json!(d));
    if let Some(u) = &s.url {
        r.insert("url".into(), json!(u));
    }
    r.insert("external_id".into(), json!(s.id));
    Value::Object(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts() -> jiff::Timestamp {
        "2025-01-02T03:04:05.678Z".parse().unwrap()
    }

    fn objects(v: &Value) -> &Vec<Value> {
        v["objects"].as_array().unwrap()
    }

    #[test]
    fn timestamps_have_milliseconds_and_z() {
        assert_eq!(timestamp(ts()), "2025-01-02T03:04:05.678Z");
    }

    #[test]
    fn every_reference_resolves_within_the_bundle() {
        let ds = crate::assess::catalogue::with_catalogue(&crate::dataset::seed::seed());
        let a = crate::assess::assess(&ds, &Default::default());
        let v = export(&ds, Some(&a), &StixOptions::new(ts()));
        let ids: BTreeSet<&str> = objects(&v)
            .iter()
            .map(|o| o["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids.len(), objects(&v).len(), "ids are unique");
        for o in objects(&v) {
            for key in ["object_refs"] {
                for r in o[key].as_array().into_iter().flatten() {
                    assert!(ids.contains(r.as_str().unwrap()), "{r} in {}", o["id"]);
                }
            }
            if let Some(c) = o.get("created_by_ref") {
                assert!(ids.contains(c.as_str().unwrap()));
            }
        }
        let opinions = objects(&v)
            .iter()
            .filter(|o| o["type"] == "opinion")
            .count();
        assert_eq!(opinions, a.scenarios.len());
    }

    #[test]
    fn states_and_builtin_areas_keep_their_ids_across_datasets() {
        let mut other = crate::dataset::seed::seed();
        other.title = Some("Another collection".into());
        let a = export(&crate::dataset::seed::seed(), None, &StixOptions::new(ts()));
        let b = export(&other, None, &StixOptions::new(ts()));
        let find = |v: &Value, name: &str| {
            objects(v)
                .iter()
                .find(|o| o["name"] == name)
                .map(|o| o["id"].clone())
                .unwrap()
        };
        assert_eq!(find(&a, "China"), find(&b, "China"));
        assert_eq!(find(&a, "Sea of Japan"), find(&b, "Sea of Japan"));
        assert_ne!(find(&a, "Ocean-2024"), find(&b, "Ocean-2024"));
    }

    #[test]
    fn credibility_becomes_confidence() {
        let mut ds = crate::dataset::seed::seed();
        ds.sources[0].credibility = Credibility::ProbablyTrue;
        let v = export(&ds, None, &StixOptions::new(ts()));
        let ocean = objects(&v)
            .iter()
            .find(|o| o["name"] == "Ocean-2024")
            .unwrap();
        assert_eq!(ocean["confidence"], 70);
        assert_eq!(ocean["external_references"][0]["external_id"], "seed");
        // The seed's own grading (6) gives no confidence at all.
        let v = export(&crate::dataset::seed::seed(), None, &StixOptions::new(ts()));
        let ocean = objects(&v)
            .iter()
            .find(|o| o["name"] == "Ocean-2024")
            .unwrap();
        assert!(ocean.get("confidence").is_none());
    }

    #[test]
    fn terms_map_to_opinions_symmetrically() {
        assert_eq!(opinion(Term::AlmostNoChance), "strongly-disagree");
        assert_eq!(opinion(Term::RoughlyEvenChance), "neutral");
        assert_eq!(opinion(Term::AlmostCertain), "strongly-agree");
    }
}
