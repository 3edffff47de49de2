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
//! | an exercise, a patrol, an activity | `grouping` (context `unspecified`) of its states and locations |
//! | an incident | `incident`, with `attributed-to` relationships to the states that acted, `targets` to the states acted against and `located-at` to its places |
//! | a link between records | `relationship`: `duplicate-of` for `sameEvent`, `related-to` for the others, the link's meaning in its description |
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

mod assessment;
mod events;
mod identities;
mod objects;
mod relationships;

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::assess::Assessment;
use crate::dataset::Dataset;
use crate::model::actor::CountryCode;
use crate::model::date::DateRange;
use crate::model::figure::Figure;
use crate::model::quantity::Quantity;
use crate::model::source::Credibility;
use crate::model::time::TimeOfDay;

pub use assessment::opinion;

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

/// A quantity in words with its kind of uncertainty.
fn quantity_text(q: &Quantity) -> String {
    format!("{q} ({})", uncertainty(q))
}

/// A figure in words: each value with its uncertainty, its stance, the
/// state that gives it and its own sources; "2 values: … / …" when it has
/// several.
fn figure(f: &Figure) -> String {
    let values: Vec<String> = f
        .values
        .iter()
        .map(|v| {
            let mut s = quantity_text(&v.value);
            match (v.stance, v.by) {
                (Some(st), Some(by)) => s += &format!(", {} by {by}", st.as_str()),
                (Some(st), None) => s += &format!(", {}", st.as_str()),
                (None, Some(by)) => s += &format!(", by {by}"),
                (None, None) => {}
            }
            if !v.sources.is_empty() {
                s += &format!(" [{}]", v.sources.join(", "));
            }
            s
        })
        .collect();
    if values.len() > 1 {
        format!("{} values: {}", values.len(), values.join(" / "))
    } else {
        values.join(" / ")
    }
}

/// When, in words: the dates (or "date unknown") and the UTC times of day
/// when given: "2019-07-23 (started 00:25 UTC, ended 00:40 UTC)".
fn when(dates: Option<&DateRange>, start: Option<TimeOfDay>, end: Option<TimeOfDay>) -> String {
    let mut s = match dates {
        Some(d) => d.to_string(),
        None => "date unknown".to_string(),
    };
    match (start, end) {
        (Some(a), Some(b)) => s += &format!(" (started {a} UTC, ended {b} UTC)"),
        (Some(a), None) => s += &format!(" (started {a} UTC)"),
        (None, Some(b)) => s += &format!(" (ended {b} UTC)"),
        (None, None) => {}
    }
    s
}

/// A camelCase word as a STIX label: `warningShots` → `warning-shots`.
fn label(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn percent(p: f64) -> String {
    let v = p * 100.0;
    if (v - v.round()).abs() < 0.05 {
        format!("{v:.0} %")
    } else {
        format!("{v:.1} %")
    }
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
        for i in 0..self.ds.incidents.len() {
            self.incident(i);
        }
        for i in 0..self.ds.activities.len() {
            self.activity(i);
        }
        for i in 0..self.ds.statistics.len() {
            self.statistic(i);
        }
        // Every record's object exists now, so links can point anywhere.
        self.links();
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
    use std::collections::BTreeSet;

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
}
