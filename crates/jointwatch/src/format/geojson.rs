//! GeoJSON export (RFC 7946) of areas, exercises and patrols, for maps.
//!
//! The export is one `FeatureCollection`:
//!
//! - one **area** feature for each area the dataset defines or a record
//!   names: its polygon when it has one, else the rectangle of its bounding
//!   box;
//! - one **exercise** feature per exercise, with the outlines of its areas
//!   as geometry;
//! - one **patrol** feature per patrol: its route as a `LineString` (a
//!   `Point` for a single position), or the outlines of its areas when it
//!   has no route.
//!
//! A record with no place that has a geometry keeps a `null` geometry, as
//! RFC 7946 §3.2 allows, so that no record goes missing from the map's
//! table. Feature ids are `area:…`, `exercise:…` and `patrol:…`; the
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

use ::geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject, Position};
use serde::Serialize;
use serde_json::Value;

use crate::dataset::Dataset;
use crate::date::DateRange;
use crate::format::geometry::{
    area_outline, bbox, resolve_area, round, split_line, split_ring, unwrap, Pos,
};
use crate::place::Point;

/// Exports the dataset's areas, exercises and patrols as a GeoJSON
/// `FeatureCollection`.
pub fn export(ds: &Dataset) -> FeatureCollection {
    let mut features = Vec::new();

    // Areas: those the dataset defines, then those records name, each once.
    let mut referenced: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for e in &ds.exercises {
        for a in &e.areas {
            referenced.entry(a.clone()).or_default().push(e.id.clone());
        }
    }
    for p in &ds.patrols {
        for a in &p.areas {
            referenced.entry(a.clone()).or_default().push(p.id.clone());
        }
    }
    let mut area_ids: Vec<&str> = ds.areas.iter().map(|a| a.id.as_str()).collect();
    for id in referenced.keys() {
        if !area_ids.contains(&id.as_str()) {
            area_ids.push(id);
        }
    }
    let mut all_parts: Vec<Vec<Pos>> = Vec::new();
    for id in area_ids {
        let Some(resolved) = resolve_area(ds, id) else {
            continue; // an unknown area id; validation reports it
        };
        let area = &resolved.area;
        let outline = area_outline(area);
        let mut props = JsonObject::new();
        put(&mut props, "recordType", text("area"));
        put(&mut props, "id", text(&area.id));
        put(&mut props, "name", text(&area.name));
        put(&mut props, "kind", to_value(&area.kind));
        put(&mut props, "builtIn", Value::Bool(resolved.builtin));
        put(
            &mut props,
            "geometrySource",
            outline
                .as_ref()
                .map(|(_, s)| text(s.as_str()))
                .unwrap_or(Value::Null),
        );
        put(
            &mut props,
            "records",
            Value::Array(
                referenced
                    .get(&area.id)
                    .into_iter()
                    .flatten()
                    .map(|id| text(id))
                    .collect(),
            ),
        );
        let (geometry, parts) = match outline {
            Some((ring, _)) => polygons(vec![ring]),
            None => (None, Vec::new()),
        };
        all_parts.extend(parts.iter().cloned());
        features.push(feature(
            format!("area:{}", area.id),
            geometry,
            &parts,
            props,
        ));
    }

    for e in &ds.exercises {
        let mut props = JsonObject::new();
        put(&mut props, "recordType", text("exercise"));
        put(&mut props, "id", text(&e.id));
        put(&mut props, "name", text(&e.name));
        insert_opt(&mut props, "series", &e.series);
        insert_opt(&mut props, "host", &e.host);
        put(&mut props, "participants", to_value(&e.participants));
        if !e.observers.is_empty() {
            put(&mut props, "observers", to_value(&e.observers));
        }
        put(&mut props, "domains", to_value(&e.domains));
        put(&mut props, "areas", to_value(&e.areas));
        insert_dates(&mut props, &e.dates);
        if !e.forces.is_empty() {
            put(&mut props, "forces", to_value(&e.forces));
        }
        insert_opt(&mut props, "notes", &e.notes);
        put(&mut props, "sources", to_value(&e.sources));
        let (geometry, parts) = area_geometry(ds, &e.areas);
        put(
            &mut props,
            "geometrySource",
            if geometry.is_some() {
                text("areas")
            } else {
                Value::Null
            },
        );
        all_parts.extend(parts.iter().cloned());
        features.push(feature(
            format!("exercise:{}", e.id),
            geometry,
            &parts,
            props,
        ));
    }

    for p in &ds.patrols {
        let mut props = JsonObject::new();
        put(&mut props, "recordType", text("patrol"));
        put(&mut props, "id", text(&p.id));
        insert_opt(&mut props, "name", &p.name);
        put(&mut props, "kind", to_value(&p.kind));
        put(&mut props, "participants", to_value(&p.participants));
        insert_dates(&mut props, &p.dates);
        insert_opt(&mut props, "sequence", &p.sequence);
        if !p.platforms.is_empty() {
            put(&mut props, "platforms", to_value(&p.platforms));
        }
        put(&mut props, "areas", to_value(&p.areas));
        if !p.adiz_entered.is_empty() {
            put(&mut props, "adizEntered", to_value(&p.adiz_entered));
        }
        if !p.responses.is_empty() {
            put(&mut props, "responses", to_value(&p.responses));
        }
        insert_opt(&mut props, "notes", &p.notes);
        put(&mut props, "sources", to_value(&p.sources));
        let (mut geometry, mut parts) = route_geometry(&p.route);
        let mut source = "route";
        if geometry.is_none() {
            (geometry, parts) = area_geometry(ds, &p.areas);
            source = "areas";
        }
        put(
            &mut props,
            "geometrySource",
            if geometry.is_some() {
                text(source)
            } else {
                Value::Null
            },
        );
        all_parts.extend(parts.iter().cloned());
        features.push(feature(format!("patrol:{}", p.id), geometry, &parts, props));
    }

    FeatureCollection {
        bbox: bbox(&all_parts).map(|b| b.to_vec()),
        features,
        foreign_members: None,
    }
}

/// The export as pretty-printed GeoJSON text.
///
/// # Example
/// ```
/// let text = jointwatch::format::geojson::to_string(&jointwatch::seed());
/// assert!(text.starts_with("{\n  \"type\": \"FeatureCollection\""));
/// ```
pub fn to_string(ds: &Dataset) -> String {
    serde_json::to_string_pretty(&export(ds)).unwrap_or_default()
}

/// Sets a property. Not generic and not inlined: each property is a call,
/// not a copy of the map's insertion.
#[inline(never)]
fn put(props: &mut JsonObject, key: &str, value: Value) {
    props.insert(key.to_string(), value);
}

fn text(s: &str) -> Value {
    Value::String(s.to_string())
}

fn to_value<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

fn insert_opt<T: Serialize>(props: &mut JsonObject, key: &str, v: &Option<T>) {
    if let Some(v) = v {
        put(props, key, to_value(v));
    }
}

fn insert_dates(props: &mut JsonObject, dates: &Option<DateRange>) {
    if let Some(d) = dates {
        put(props, "start", Value::String(d.start.to_string()));
        put(props, "end", Value::String(d.end.to_string()));
    }
}

fn feature(
    id: String,
    geometry: Option<GeometryValue>,
    parts: &[Vec<Pos>],
    props: JsonObject,
) -> Feature {
    Feature {
        bbox: geometry
            .as_ref()
            .and_then(|_| bbox(parts))
            .map(|b| b.to_vec()),
        geometry: geometry.map(Geometry::new),
        id: Some(::geojson::feature::Id::String(id)),
        properties: Some(props),
        foreign_members: None,
    }
}

fn positions(v: &[Pos]) -> Vec<Position> {
    v.iter().map(|p| Position::from(*p)).collect()
}

/// Polygons from unwrapped outlines, cut at the antimeridian; also returns
/// the unwrapped outlines for the bounding box.
fn polygons(outlines: Vec<Vec<Pos>>) -> (Option<GeometryValue>, Vec<Vec<Pos>>) {
    let mut polys: Vec<Vec<Vec<Position>>> = Vec::new();
    for ring in &outlines {
        for part in split_ring(ring) {
            polys.push(vec![positions(&part)]);
        }
    }
    let geometry = match polys.len() {
        0 => None,
        1 => polys
            .pop()
            .map(|coordinates| GeometryValue::Polygon { coordinates }),
        _ => Some(GeometryValue::MultiPolygon { coordinates: polys }),
    };
    (geometry, outlines)
}

fn area_geometry(ds: &Dataset, ids: &[String]) -> (Option<GeometryValue>, Vec<Vec<Pos>>) {
    let outlines = ids
        .iter()
        .filter_map(|id| resolve_area(ds, id))
        .filter_map(|r| area_outline(&r.area).map(|(ring, _)| ring))
        .collect();
    polygons(outlines)
}

fn route_geometry(route: &[Point]) -> (Option<GeometryValue>, Vec<Vec<Pos>>) {
    if route.is_empty() || !route.iter().all(|p| p.is_in_range()) {
        return (None, Vec::new());
    }
    let pts: Vec<Pos> = route.iter().map(|p| [p.lon, p.lat]).collect();
    let line = unwrap(&pts);
    let mut lines = split_line(&line);
    let geometry = match lines.len() {
        0 => Some(GeometryValue::new_point([
            round(pts[0][0]),
            round(pts[0][1]),
        ])),
        1 => lines.pop().map(|l| GeometryValue::LineString {
            coordinates: positions(&l),
        }),
        _ => Some(GeometryValue::MultiLineString {
            coordinates: lines.iter().map(|l| positions(l)).collect(),
        }),
    };
    (geometry, vec![line])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
        let fc = export(&crate::seed());
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
