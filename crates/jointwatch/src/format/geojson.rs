//! GeoJSON export (RFC 7946) of areas, exercises, patrols, incidents,
//! activities and route legs, for maps.
//!
//! The export is one `FeatureCollection`:
//!
//! - one **area** feature for each area the dataset defines or a record
//!   names (a leg's areas and straits included): its polygon when it has
//!   one, else the rectangle of its bounding box;
//! - one **exercise** feature per exercise, with the outlines of its areas
//!   as geometry;
//! - one **patrol** feature per patrol: its route as a `LineString` (a
//!   `Point` for a single position), or the outlines of its areas (and its
//!   legs' areas and straits) when it has no route;
//! - one **incident** feature per incident: a `Point` at its reported
//!   `location`, else the outlines of its areas, marked
//!   `"positionDerived": true` (the place is derived from the areas named,
//!   not reported);
//! - one **activity** feature per activity, as a patrol;
//! - one **leg** feature per leg of a patrol or an activity whose own route
//!   has two positions or more: that route as a `LineString`.
//!
//! A record with no place that has a geometry keeps a `null` geometry, as
//! RFC 7946 §3.2 allows, so that no record goes missing from the map's
//! table. Feature ids are `area:…`, `exercise:…`, `patrol:…`, `incident:…`,
//! `activity:…` and `leg:<record>:<n>` (legs numbered from 1); the
//! `properties` carry the record's own fields in their JSON form plus
//! `recordType` and `geometrySource`.
//!
//! Longitude/latitude handling follows the RFC: positions are `[lon, lat]`
//! rounded to six decimals; polygons wind counter-clockwise; lines and
//! polygons that cross the antimeridian are cut there into
//! `MultiLineString`/`MultiPolygon` parts (§3.1.9), and their `bbox` has
//! west greater than east (§5.2). Crossings are interpolated linearly in
//! longitude/latitude.
//!
//! # Example
//! ```
//! use jointwatch::format::geojson;
//!
//! let fc = geojson::export(&jointwatch::seed());
//! let exercise = fc.features.iter()
//!     .find(|f| f.property("id").and_then(|v| v.as_str()) == Some("northern-interaction-2024"))
//!     .unwrap();
//! // The Sea of Japan's outline stands in for the exercise's place.
//! assert!(exercise.geometry.is_some());
//! assert_eq!(exercise.property("geometrySource").unwrap(), "areas");
//! ```

use std::collections::BTreeMap;

use ::geojson::FeatureCollection;
use serde::Serialize;

use crate::dataset::Dataset;
use crate::format::geometry::{
    area_outline, bbox, resolve_area, round, split_line, split_ring, unwrap, Pos,
};
use crate::model::activity::ActivityKind;
use crate::model::actor::{CountryCode, Participant};
use crate::model::claim::Claim;
use crate::model::date::DateRange;
use crate::model::exercise::{Domain, Forces};
use crate::model::figure::Figure;
use crate::model::incident::IncidentKind;
use crate::model::link::Link;
use crate::model::patrol::{Leg, Numbering, PatrolKind, PatrolResponse, Platform};
use crate::model::place::{AreaKind, Point};
use crate::model::time::TimeOfDay;

/// Exports the dataset's areas, exercises and patrols as a GeoJSON
/// `FeatureCollection` of the [`geojson`] crate, for Rust
/// programs that go on to work with it. It holds exactly what
/// [`to_string`] writes.
pub fn export(ds: &Dataset) -> FeatureCollection {
    // Written by the one writer, then read back: the export cannot differ
    // from the text, and the writer stays free of the `geojson` types (which
    // the WebAssembly build leaves out).
    serde_json::from_str(&to_string(ds)).unwrap_or(FeatureCollection {
        bbox: None,
        features: Vec::new(),
        foreign_members: None,
    })
}

/// The export as pretty-printed GeoJSON text.
///
/// # Example
/// ```
/// let text = jointwatch::format::geojson::to_string(&jointwatch::seed());
/// assert!(text.starts_with("{\n  \"type\": \"FeatureCollection\""));
/// ```
pub fn to_string(ds: &Dataset) -> String {
    serde_json::to_string_pretty(&collection(ds)).unwrap_or_default()
}

/// A `FeatureCollection` as written.
#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    bbox: Option<[f64; 4]>,
    features: Vec<Feature<'a>>,
}

/// A `Feature` as written: its members in the order of RFC 7946's examples.
#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    bbox: Option<[f64; 4]>,
    geometry: Option<Geometry>,
    id: String,
    properties: Properties<'a>,
}

/// A geometry: `{"type": …, "coordinates": …}`.
#[derive(Serialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Point(Pos),
    LineString(Vec<Pos>),
    MultiLineString(Vec<Vec<Pos>>),
    Polygon(Vec<Vec<Pos>>),
    MultiPolygon(Vec<Vec<Vec<Pos>>>),
}

/// The properties of a feature: the record's own fields in their JSON form
/// plus `recordType` and `geometrySource`, in alphabetical order.
#[derive(Serialize)]
#[serde(untagged)]
enum Properties<'a> {
    Area(AreaProperties),
    Exercise(ExerciseProperties<'a>),
    Patrol(PatrolProperties<'a>),
    Incident(IncidentProperties<'a>),
    Activity(ActivityProperties<'a>),
    Leg(LegProperties<'a>),
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AreaProperties {
    #[serde(skip_serializing_if = "is_false")]
    approximate: bool,
    built_in: bool,
    geometry_source: Option<&'static str>,
    id: String,
    kind: AreaKind,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<String>,
    record_type: &'static str,
    records: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExerciseProperties<'a> {
    areas: &'a [String],
    domains: &'a [Domain],
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    forces: Option<&'a Forces>,
    geometry_source: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    host: Option<&'a CountryCode>,
    id: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    links: &'a [Link],
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    observers: &'a [Participant],
    participants: &'a [Participant],
    record_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    series: Option<&'a str>,
    sources: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PatrolProperties<'a> {
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    adiz_entered: &'a [CountryCode],
    areas: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    claims: &'a [Claim],
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_time: Option<TimeOfDay>,
    geometry_source: Option<&'static str>,
    id: &'a str,
    kind: &'a PatrolKind,
    #[serde(skip_serializing_if = "is_zero")]
    legs: usize,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    links: &'a [Link],
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<&'a str>,
    /// Every number with its authority; left out when the only number is
    /// an unattributed one, which `sequence` gives (format 1.0's output).
    #[serde(skip_serializing_if = "Option::is_none")]
    numbering: Option<&'a [Numbering]>,
    participants: &'a [Participant],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    platforms: &'a [Platform],
    record_type: &'static str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    responses: &'a [PatrolResponse],
    #[serde(skip_serializing_if = "Option::is_none")]
    sequence: Option<u32>,
    sources: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_time: Option<TimeOfDay>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct IncidentProperties<'a> {
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    against: &'a [CountryCode],
    areas: &'a [String],
    by: &'a [Participant],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    claims: &'a [Claim],
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_time: Option<TimeOfDay>,
    geometry_source: Option<&'static str>,
    id: &'a str,
    kind: &'a IncidentKind,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    links: &'a [Link],
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    platforms: &'a [Platform],
    /// Whether the geometry is derived from the areas named rather than a
    /// reported position; absent with no geometry.
    #[serde(skip_serializing_if = "Option::is_none")]
    position_derived: Option<bool>,
    record_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rounds: Option<&'a Figure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sorties: Option<&'a Figure>,
    sources: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_time: Option<TimeOfDay>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ActivityProperties<'a> {
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    adiz_entered: &'a [CountryCode],
    areas: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    claims: &'a [Claim],
    #[serde(skip_serializing_if = "Option::is_none")]
    domain: Option<&'a Domain>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_time: Option<TimeOfDay>,
    #[serde(skip_serializing_if = "Option::is_none")]
    forces: Option<&'a Forces>,
    geometry_source: Option<&'static str>,
    id: &'a str,
    kind: &'a ActivityKind,
    #[serde(skip_serializing_if = "is_zero")]
    legs: usize,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    links: &'a [Link],
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<&'a str>,
    participants: &'a [Participant],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    platforms: &'a [Platform],
    record_type: &'static str,
    sources: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_time: Option<TimeOfDay>,
}

/// A leg of a patrol's or an activity's route.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LegProperties<'a> {
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    areas: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_time: Option<TimeOfDay>,
    geometry_source: Option<&'static str>,
    /// The leg's number in its record, from 1.
    leg: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<&'a str>,
    /// The id of the record the leg belongs to.
    record: &'a str,
    /// `patrol` or `activity`.
    record_kind: &'static str,
    record_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_time: Option<TimeOfDay>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    straits: &'a [String],
}

/// The areas and straits of legs.
fn leg_areas(legs: &[Leg]) -> impl Iterator<Item = &String> + '_ {
    legs.iter().flat_map(|l| l.areas.iter().chain(&l.straits))
}

/// A record's areas, then its legs' areas and straits, each once.
fn with_legs(areas: &[String], legs: &[Leg]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in areas.iter().chain(leg_areas(legs)) {
        if !out.contains(a) {
            out.push(a.clone());
        }
    }
    out
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn start(d: &Option<DateRange>) -> Option<String> {
    d.map(|d| d.start.to_string())
}

fn end(d: &Option<DateRange>) -> Option<String> {
    d.map(|d| d.end.to_string())
}

/// A patrol's numbering when it says more than format 1.0's `sequence`.
fn numbering(n: &[Numbering]) -> Option<&[Numbering]> {
    match n {
        [] => None,
        [only] if only.by.is_none() && only.body.is_none() && only.sources.is_empty() => None,
        all => Some(all),
    }
}

/// One feature per leg whose own route has two positions or more.
fn leg_features<'a>(
    record: &'a str,
    record_kind: &'static str,
    legs: &'a [Leg],
    all_parts: &mut Vec<Vec<Pos>>,
    features: &mut Vec<Feature<'a>>,
) {
    for (i, leg) in legs.iter().enumerate() {
        if leg.route.len() < 2 {
            continue;
        }
        let (geometry, parts) = route_geometry(&leg.route);
        if geometry.is_none() {
            continue; // a position out of range; validation reports it
        }
        let props = Properties::Leg(LegProperties {
            areas: &leg.areas,
            end: end(&leg.dates),
            end_time: leg.end_time,
            geometry_source: Some("route"),
            leg: i + 1,
            notes: leg.notes.as_deref(),
            record,
            record_kind,
            record_type: "leg",
            start: start(&leg.dates),
            start_time: leg.start_time,
            straits: &leg.straits,
        });
        all_parts.extend(parts.iter().cloned());
        features.push(feature(
            format!("leg:{record}:{}", i + 1),
            geometry,
            &parts,
            props,
        ));
    }
}

/// The collection for `ds`.
fn collection(ds: &Dataset) -> Collection<'_> {
    let mut features = Vec::new();

    // Areas: those the dataset defines, then those records name, each once.
    // (Each area's list of records is moved into its feature below.)
    let mut referenced: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for e in &ds.exercises {
        for a in &e.areas {
            referenced.entry(a).or_default().push(e.id.clone());
        }
    }
    for p in &ds.patrols {
        for a in p.areas.iter().chain(leg_areas(&p.legs)) {
            let records = referenced.entry(a).or_default();
            if !records.contains(&p.id) {
                records.push(p.id.clone());
            }
        }
    }
    for i in &ds.incidents {
        for a in &i.areas {
            referenced.entry(a).or_default().push(i.id.clone());
        }
    }
    for x in &ds.activities {
        for a in x.areas.iter().chain(leg_areas(&x.legs)) {
            let records = referenced.entry(a).or_default();
            if !records.contains(&x.id) {
                records.push(x.id.clone());
            }
        }
    }
    let mut area_ids: Vec<&str> = ds.areas.iter().map(|a| a.id.as_str()).collect();
    for &id in referenced.keys() {
        if !area_ids.contains(&id) {
            area_ids.push(id);
        }
    }
    let mut all_parts: Vec<Vec<Pos>> = Vec::new();
    for id in area_ids {
        let Some(resolved) = resolve_area(ds, id) else {
            continue; // an unknown area id; validation reports it
        };
        // A built-in area is not borrowed from the dataset: its feature owns it.
        let area = resolved.area;
        let outline = area_outline(&area);
        let (geometry, parts, source) = match outline {
            Some((ring, source)) => {
                let (g, p) = polygons(vec![ring]);
                (g, p, Some(source.as_str()))
            }
            None => (None, Vec::new(), None),
        };
        all_parts.extend(parts.iter().cloned());
        let props = Properties::Area(AreaProperties {
            approximate: area.approximate,
            built_in: resolved.builtin,
            geometry_source: source,
            records: referenced.remove(id).unwrap_or_default(),
            id: area.id,
            kind: area.kind,
            name: area.name,
            notes: area.notes,
            record_type: "area",
        });
        features.push(feature(format!("area:{id}"), geometry, &parts, props));
    }

    for e in &ds.exercises {
        let (geometry, parts) = area_geometry(ds, &e.areas);
        let props = Properties::Exercise(ExerciseProperties {
            areas: &e.areas,
            domains: &e.domains,
            end: e.dates.map(|d| d.end.to_string()),
            forces: (!e.forces.is_empty()).then_some(&e.forces),
            geometry_source: geometry.is_some().then_some("areas"),
            host: e.host.as_ref(),
            id: &e.id,
            links: &e.links,
            name: &e.name,
            notes: e.notes.as_deref(),
            observers: &e.observers,
            participants: &e.participants,
            record_type: "exercise",
            series: e.series.as_deref(),
            sources: &e.sources,
            start: e.dates.map(|d| d.start.to_string()),
        });
        all_parts.extend(parts.iter().cloned());
        features.push(feature(
            format!("exercise:{}", e.id),
            geometry,
            &parts,
            props,
        ));
    }

    for p in &ds.patrols {
        let (geometry, parts, source) = placed(
            ds,
            route_geometry(&p.route),
            "route",
            &with_legs(&p.areas, &p.legs),
        );
        let props = Properties::Patrol(PatrolProperties {
            adiz_entered: &p.adiz_entered,
            areas: &p.areas,
            claims: &p.claims,
            end: end(&p.dates),
            end_time: p.end_time,
            geometry_source: geometry.is_some().then_some(source),
            id: &p.id,
            kind: &p.kind,
            legs: p.legs.len(),
            links: &p.links,
            name: p.name.as_deref(),
            notes: p.notes.as_deref(),
            numbering: numbering(&p.numbering),
            participants: &p.participants,
            platforms: &p.platforms,
            record_type: "patrol",
            responses: &p.responses,
            sequence: p.numbers_by(None).next(),
            sources: &p.sources,
            start: start(&p.dates),
            start_time: p.start_time,
        });
        all_parts.extend(parts.iter().cloned());
        features.push(feature(format!("patrol:{}", p.id), geometry, &parts, props));
        leg_features(&p.id, "patrol", &p.legs, &mut all_parts, &mut features);
    }

    for i in &ds.incidents {
        let own = match i.location.filter(|p| p.is_in_range()) {
            Some(p) => route_geometry(&[p]),
            None => (None, Vec::new()),
        };
        let (geometry, parts, source) = placed(ds, own, "location", &i.areas);
        let props = Properties::Incident(IncidentProperties {
            against: &i.against,
            areas: &i.areas,
            by: &i.by,
            claims: &i.claims,
            end: end(&i.dates),
            end_time: i.end_time,
            geometry_source: geometry.is_some().then_some(source),
            id: &i.id,
            kind: &i.kind,
            links: &i.links,
            name: i.name.as_deref(),
            notes: i.notes.as_deref(),
            platforms: &i.platforms,
            position_derived: geometry.is_some().then_some(source == "areas"),
            record_type: "incident",
            rounds: i.rounds.as_ref(),
            sorties: i.sorties.as_ref(),
            sources: &i.sources,
            start: start(&i.dates),
            start_time: i.start_time,
        });
        all_parts.extend(parts.iter().cloned());
        features.push(feature(
            format!("incident:{}", i.id),
            geometry,
            &parts,
            props,
        ));
    }

    for a in &ds.activities {
        let (geometry, parts, source) = placed(
            ds,
            route_geometry(&a.route),
            "route",
            &with_legs(&a.areas, &a.legs),
        );
        let props = Properties::Activity(ActivityProperties {
            adiz_entered: &a.adiz_entered,
            areas: &a.areas,
            claims: &a.claims,
            domain: a.domain.as_ref(),
            end: end(&a.dates),
            end_time: a.end_time,
            forces: (!a.forces.is_empty()).then_some(&a.forces),
            geometry_source: geometry.is_some().then_some(source),
            id: &a.id,
            kind: &a.kind,
            legs: a.legs.len(),
            links: &a.links,
            name: a.name.as_deref(),
            notes: a.notes.as_deref(),
            participants: &a.participants,
            platforms: &a.platforms,
            record_type: "activity",
            sources: &a.sources,
            start: start(&a.dates),
            start_time: a.start_time,
        });
        all_parts.extend(parts.iter().cloned());
        features.push(feature(
            format!("activity:{}", a.id),
            geometry,
            &parts,
            props,
        ));
        leg_features(&a.id, "activity", &a.legs, &mut all_parts, &mut features);
    }

    Collection {
        kind: "FeatureCollection",
        bbox: bbox(&all_parts),
        features,
    }
}

fn feature<'a>(
    id: String,
    geometry: Option<Geometry>,
    parts: &[Vec<Pos>],
    properties: Properties<'a>,
) -> Feature<'a> {
    Feature {
        kind: "Feature",
        bbox: geometry.as_ref().and_then(|_| bbox(parts)),
        geometry,
        id,
        properties,
    }
}

/// Polygons from unwrapped outlines, cut at the antimeridian; also returns
/// the unwrapped outlines for the bounding box.
fn polygons(outlines: Vec<Vec<Pos>>) -> (Option<Geometry>, Vec<Vec<Pos>>) {
    let mut polys: Vec<Vec<Vec<Pos>>> = Vec::new();
    for ring in &outlines {
        for part in split_ring(ring) {
            polys.push(vec![part]);
        }
    }
    let geometry = match polys.len() {
        0 => None,
        1 => polys.pop().map(Geometry::Polygon),
        _ => Some(Geometry::MultiPolygon(polys)),
    };
    (geometry, outlines)
}

/// A record's geometry, its parts, and where it comes from: its own (`own`,
/// a route or a reported position, named `own_name`) when it has one, else
/// the outlines of the areas it names (`"areas"`).
fn placed(
    ds: &Dataset,
    own: (Option<Geometry>, Vec<Vec<Pos>>),
    own_name: &'static str,
    areas: &[String],
) -> (Option<Geometry>, Vec<Vec<Pos>>, &'static str) {
    match own {
        (Some(g), parts) => (Some(g), parts, own_name),
        (None, _) => {
            let (g, parts) = area_geometry(ds, areas);
            (g, parts, "areas")
        }
    }
}

fn area_geometry(ds: &Dataset, ids: &[String]) -> (Option<Geometry>, Vec<Vec<Pos>>) {
    let outlines = ids
        .iter()
        .filter_map(|id| resolve_area(ds, id))
        .filter_map(|r| area_outline(&r.area).map(|(ring, _)| ring))
        .collect();
    polygons(outlines)
}

fn route_geometry(route: &[Point]) -> (Option<Geometry>, Vec<Vec<Pos>>) {
    if route.is_empty() || !route.iter().all(|p| p.is_in_range()) {
        return (None, Vec::new());
    }
    let pts: Vec<Pos> = route.iter().map(|p| [p.lon, p.lat]).collect();
    let line = unwrap(&pts);
    let mut lines = split_line(&line);
    let geometry = match lines.len() {
        0 => Some(Geometry::Point([round(pts[0][0]), round(pts[0][1])])),
        1 => lines.pop().map(Geometry::LineString),
        _ => Some(Geometry::MultiLineString(lines)),
    };
    (geometry, vec![line])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn doc(json: &str) -> Dataset {
        Dataset::from_json(json).unwrap()
    }

    #[test]
    fn a_route_across_the_antimeridian_is_a_multilinestring() {
        let ds = doc(r#"{"formatVersion": "1.0", "patrols": [{
            "id": "p", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"],
            "route": [{"lon": 170, "lat": 50}, {"lon": -170, "lat": 52}], "sources": []
        }]}"#);
        let fc = export(&ds);
        let f = &fc.features[0];
        let v = serde_json::to_value(f).unwrap();
        assert_eq!(v["geometry"]["type"], "MultiLineString");
        assert_eq!(v["geometry"]["coordinates"][0][1], json!([180.0, 51.0]));
        assert_eq!(v["geometry"]["coordinates"][1][0], json!([-180.0, 51.0]));
        assert_eq!(v["bbox"], json!([170.0, 50.0, -170.0, 52.0]));
        assert_eq!(v["properties"]["geometrySource"], "route");
    }

    #[test]
    fn a_single_point_route_is_a_point() {
        let ds = doc(r#"{"formatVersion": "1.0", "patrols": [{
            "id": "p", "kind": "jointNavalPatrol", "participants": ["CHN", "RUS"],
            "route": [{"lon": 135.5, "lat": 40.25}], "areas": ["sea-of-japan"], "sources": []
        }]}"#);
        let v = serde_json::to_value(export(&ds)).unwrap();
        let patrol = v["features"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["properties"]["recordType"] == "patrol")
            .unwrap();
        assert_eq!(
            patrol["geometry"],
            json!({"type": "Point", "coordinates": [135.5, 40.25]})
        );
    }

    #[test]
    fn a_record_without_a_place_keeps_a_null_geometry() {
        let ds = doc(r#"{"formatVersion": "1.0", "exercises": [{
            "id": "e", "name": "E", "participants": ["CHN", "RUS"], "sources": []
        }]}"#);
        let v = serde_json::to_value(export(&ds)).unwrap();
        assert_eq!(v["features"][0]["geometry"], Value::Null);
        assert_eq!(
            v["features"][0]["properties"]["geometrySource"],
            Value::Null
        );
        assert!(v["features"][0].get("bbox").is_none());
    }

    #[test]
    fn every_referenced_area_appears_once_with_its_records() {
        let fc = export(&crate::dataset::seed::seed());
        let areas: Vec<_> = fc
            .features
            .iter()
            .filter(|f| f.property("recordType") == Some(&json!("area")))
            .collect();
        let ids: Vec<_> = areas.iter().map(|f| f.property("id").unwrap()).collect();
        assert_eq!(ids, [&json!("pacific-ocean"), &json!("sea-of-japan")]);
        assert_eq!(
            areas[1].property("records").unwrap(),
            &json!(["northern-interaction-2024"])
        );
    }
}
