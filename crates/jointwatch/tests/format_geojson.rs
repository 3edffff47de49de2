//! The GeoJSON export passes an independent RFC 7946 check
//! (`@mapbox/geojsonhint`: structure, right-hand winding, precision) for
//! the seed dataset, every valid fixture, the real-world format 2.0
//! fixture, and routes, legs and areas that cross the antimeridian.
#![cfg(feature = "geojson")]

mod external;

use jointwatch::format::geojson;
use jointwatch::Dataset;

/// A dataset with every geometry case: a route across the antimeridian
/// both ways, a single-point route, a clockwise polygon, a box across the
/// antimeridian, and records with no place at all.
const GEOMETRY_CASES: &str = r#"{
  "formatVersion": "1.0",
  "areas": [
    {"id": "cw", "name": "Clockwise square", "kind": "region",
     "polygon": [{"lon": 140, "lat": 30}, {"lon": 140, "lat": 31}, {"lon": 141, "lat": 31}, {"lon": 141, "lat": 30}]},
    {"id": "dateline-box", "name": "Box across the dateline", "kind": "ocean", "bbox": [175, -10, -175, 10]},
    {"id": "dateline-poly", "name": "Polygon across the dateline", "kind": "sea",
     "polygon": [{"lon": 170, "lat": 50}, {"lon": -170, "lat": 50}, {"lon": -170, "lat": 55}, {"lon": 170, "lat": 55}, {"lon": 170, "lat": 50}]},
    {"id": "no-geometry", "name": "Nowhere in particular", "kind": "region"}
  ],
  "exercises": [
    {"id": "e1", "name": "Across", "participants": ["CHN", "RUS"], "areas": ["dateline-box", "cw", "bering-sea"], "dates": "2024", "sources": []},
    {"id": "e2", "name": "Placeless", "participants": ["CHN", "RUS"], "areas": ["no-geometry"], "dates": "2024", "sources": []}
  ],
  "patrols": [
    {"id": "east", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"],
     "route": [{"lon": 160.123456789, "lat": 45}, {"lon": 179.5, "lat": 50}, {"lon": -179.5, "lat": 51}, {"lon": -165, "lat": 55}], "sources": []},
    {"id": "west", "kind": "jointNavalPatrol", "participants": ["CHN", "RUS"],
     "route": [{"lon": -170, "lat": 10}, {"lon": 170, "lat": 12}, {"lon": 150, "lat": 15}], "sources": []},
    {"id": "dot", "kind": "jointNavalPatrol", "participants": ["CHN", "RUS"], "route": [{"lon": 135, "lat": 40}], "sources": []},
    {"id": "by-area", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "areas": ["pacific-ocean"], "sources": []}
  ]
}"#;

/// Format 2.0: an incident with a reported position, one placed only by its
/// area, one with no place; an activity; a patrol whose legs have routes
/// (one across the antimeridian, one a single position) and numbers by two
/// authorities.
const RECORDS_2_0: &str = r#"{
  "formatVersion": "2.0",
  "patrols": [
    {"id": "p", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2024-07-24",
     "startTime": "03:00", "endTime": "11:45",
     "numbering": [{"number": 8, "by": "CHN"}, {"number": 7, "by": "JPN"}],
     "legs": [
       {"dates": "2024-07-24", "startTime": "03:00", "straits": ["miyako-strait"], "areas": ["east-china-sea"],
        "route": [{"lon": 124.5, "lat": 25.0}, {"lon": 126.0, "lat": 25.5}, {"lon": 127.5, "lat": 24.75}]},
       {"dates": "2024-07-24", "route": [{"lon": 175.0, "lat": 55.0}, {"lon": -170.0, "lat": 60.0}]},
       {"dates": "2024-07-24", "route": [{"lon": 140.0, "lat": 40.0}]},
       {"dates": "2024-07-24", "straits": ["tsushima-strait"]}
     ],
     "sources": []},
    {"id": "p1", "kind": "jointNavalPatrol", "participants": ["CHN", "RUS"], "numbering": [{"number": 2}], "sources": []}
  ],
  "incidents": [
    {"id": "i-pos", "kind": "intercept", "by": ["USA"], "against": ["CHN", "RUS"], "dates": "2024-07-24",
     "startTime": "10:05", "location": {"lon": -168.5, "lat": 58.25}, "areas": ["alaska-adiz"],
     "links": [{"rel": "during", "to": "p"}], "sources": []},
    {"id": "i-area", "kind": "warningShots", "by": ["KOR"], "against": ["RUS"], "dates": "2019-07-23",
     "areas": ["sea-of-japan"], "rounds": {"values": [{"value": 360, "by": "KOR"}, {"value": {"over": 400}}]},
     "sources": []},
    {"id": "i-none", "kind": "protest", "by": ["JPN"], "against": ["CHN"], "sources": []}
  ],
  "activities": [
    {"id": "a", "kind": "transit", "domain": "naval", "participants": ["CHN"], "dates": "2024-09-18",
     "legs": [{"straits": ["miyako-strait"]}], "sources": []}
  ]
}"#;

fn feature<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("no feature {id}"))
}

#[test]
fn exports_pass_geojsonhint_with_no_message() {
    let dir = external::scratch("format-geojson");
    let mut inputs: Vec<(String, Dataset)> = vec![
        ("seed".into(), jointwatch::seed()),
        (
            "geometry-cases".into(),
            Dataset::from_json(GEOMETRY_CASES).unwrap(),
        ),
        (
            "records-2-0".into(),
            Dataset::from_json(RECORDS_2_0).unwrap(),
        ),
        (
            "real-world-2".into(),
            Dataset::from_json(
                &std::fs::read_to_string(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/data/real-world-2.json"
                ))
                .unwrap(),
            )
            .unwrap(),
        ),
    ];
    for f in external::fixtures("valid") {
        let text = std::fs::read_to_string(&f).unwrap();
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        inputs.push((name, Dataset::from_json(&text).unwrap()));
    }
    // A negative control: a clockwise polygon the checker must flag, so a
    // silent or broken checker cannot pass this test.
    let control = dir.join("control-clockwise.geojson");
    std::fs::write(
        &control,
        r#"{"type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]]}"#,
    )
    .unwrap();
    let mut files = Vec::new();
    for (name, ds) in &inputs {
        let path = dir.join(format!("{name}.geojson"));
        let text = geojson::to_string(ds);
        // Our own reader agrees it is GeoJSON.
        text.parse::<::geojson::GeoJson>()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        std::fs::write(&path, text).unwrap();
        files.push(path);
    }
    let mut args = files.clone();
    args.push(control.clone());
    let Some((_, report)) = external::run("node", "tests/formats/geojson_hint.js", &args) else {
        return;
    };
    assert_ne!(
        report[control.to_str().unwrap()],
        serde_json::json!([]),
        "the checker did not flag a clockwise polygon"
    );
    for f in &files {
        assert_eq!(
            report[f.to_str().unwrap()],
            serde_json::json!([]),
            "geojsonhint found problems in {}",
            f.display()
        );
    }
}

#[test]
fn crossing_geometries_are_cut_at_the_antimeridian() {
    let fc = geojson::export(&Dataset::from_json(GEOMETRY_CASES).unwrap());
    let v = serde_json::to_value(&fc).unwrap();
    let feature = |id: &str| {
        v["features"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == id)
            .unwrap()
            .clone()
    };
    let east = feature("patrol:east");
    assert_eq!(east["geometry"]["type"], "MultiLineString");
    assert_eq!(
        east["bbox"],
        serde_json::json!([160.123457, 45.0, -165.0, 55.0])
    );
    let west = feature("patrol:west");
    assert_eq!(west["geometry"]["type"], "MultiLineString");
    let poly = feature("area:dateline-poly");
    assert_eq!(poly["geometry"]["type"], "MultiPolygon");
    assert_eq!(poly["bbox"], serde_json::json!([170.0, 50.0, -170.0, 55.0]));
    let by_area = feature("patrol:by-area");
    assert_eq!(by_area["properties"]["geometrySource"], "areas");
    assert_eq!(feature("exercise:e2")["geometry"], serde_json::Value::Null);
    // Every position lies within the ranges RFC 7946 allows.
    fn walk(v: &serde_json::Value, out: &mut Vec<(f64, f64)>) {
        match v.as_array() {
            Some(a) if a.len() == 2 && a[0].is_number() => {
                out.push((a[0].as_f64().unwrap(), a[1].as_f64().unwrap()))
            }
            Some(a) => a.iter().for_each(|x| walk(x, out)),
            None => {}
        }
    }
    let mut all = Vec::new();
    for f in v["features"].as_array().unwrap() {
        walk(&f["geometry"]["coordinates"], &mut all);
    }
    assert!(all.len() > 40);
    assert!(all
        .iter()
        .all(|(x, y)| (-180.0..=180.0).contains(x) && (-90.0..=90.0).contains(y)));
}

#[test]
fn incidents_activities_and_legs_are_features() {
    let ds = Dataset::from_json(RECORDS_2_0).unwrap();
    let v = serde_json::to_value(geojson::export(&ds)).unwrap();
    // A reported position is a Point.
    let pos = feature(&v, "incident:i-pos");
    assert_eq!(
        pos["geometry"],
        serde_json::json!({"type": "Point", "coordinates": [-168.5, 58.25]})
    );
    let props = &pos["properties"];
    assert_eq!(props["recordType"], "incident");
    assert_eq!(props["kind"], "intercept");
    assert_eq!(props["by"], serde_json::json!(["USA"]));
    assert_eq!(props["against"], serde_json::json!(["CHN", "RUS"]));
    assert_eq!(props["start"], "2024-07-24");
    assert_eq!(props["startTime"], "10:05");
    assert_eq!(props["geometrySource"], "location");
    assert_eq!(props["positionDerived"], false);
    // No position: the area's outline, marked as derived; every value of
    // the rounds kept.
    let area = feature(&v, "incident:i-area");
    assert_eq!(area["geometry"]["type"], "Polygon");
    assert_eq!(area["properties"]["geometrySource"], "areas");
    assert_eq!(area["properties"]["positionDerived"], true);
    assert_eq!(
        area["properties"]["rounds"]["values"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // No place at all: a null geometry, nothing claimed about a position.
    let none = feature(&v, "incident:i-none");
    assert_eq!(none["geometry"], serde_json::Value::Null);
    assert!(none["properties"].get("positionDerived").is_none());
    // An activity is placed like a patrol: here by its leg's strait.
    let a = feature(&v, "activity:a");
    assert_eq!(a["properties"]["recordType"], "activity");
    assert_eq!(a["properties"]["geometrySource"], "areas");
    assert_eq!(a["geometry"]["type"], "Polygon");
    // Legs with a route of two positions or more are lines; the others are
    // not features.
    let leg = feature(&v, "leg:p:1");
    assert_eq!(leg["geometry"]["type"], "LineString");
    let lp = &leg["properties"];
    assert_eq!(lp["recordType"], "leg");
    assert_eq!(
        (lp["record"].as_str(), lp["leg"].as_u64()),
        (Some("p"), Some(1))
    );
    assert_eq!(lp["recordKind"], "patrol");
    assert_eq!(lp["straits"], serde_json::json!(["miyako-strait"]));
    assert_eq!(lp["areas"], serde_json::json!(["east-china-sea"]));
    assert_eq!(lp["startTime"], "03:00");
    assert_eq!(lp["start"], "2024-07-24");
    assert_eq!(
        feature(&v, "leg:p:2")["geometry"]["type"],
        "MultiLineString"
    );
    let ids: Vec<&str> = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["id"].as_str())
        .collect();
    assert!(!ids.contains(&"leg:p:3") && !ids.contains(&"leg:p:4"));
    // Numbering by authority; `sequence` only for an unattributed number.
    let p = &feature(&v, "patrol:p")["properties"];
    assert_eq!(
        p["numbering"][1],
        serde_json::json!({"number": 7, "by": "JPN"})
    );
    assert!(p.get("sequence").is_none());
    assert_eq!(
        (p["startTime"].as_str(), p["endTime"].as_str()),
        (Some("03:00"), Some("11:45"))
    );
    let p1 = &feature(&v, "patrol:p1")["properties"];
    assert_eq!(p1["sequence"], 2);
    assert!(p1.get("numbering").is_none());
    // Areas list the incidents, activities and legs that name them.
    let strait = feature(&v, "area:miyako-strait");
    assert_eq!(
        strait["properties"]["records"],
        serde_json::json!(["p", "a"])
    );
}

#[test]
fn the_real_world_fixture_has_every_incident_and_activity() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/real-world-2.json"
    ))
    .unwrap();
    let ds = Dataset::from_json(&text).unwrap();
    let v = serde_json::to_value(geojson::export(&ds)).unwrap();
    for i in &ds.incidents {
        let f = feature(&v, &format!("incident:{}", i.id));
        assert_eq!(f["properties"]["kind"], i.kind.as_str());
        // The fixture gives no positions: any geometry comes from areas.
        if !f["geometry"].is_null() {
            assert_eq!(f["properties"]["positionDerived"], true, "{}", i.id);
        }
    }
    for a in &ds.activities {
        feature(&v, &format!("activity:{}", a.id));
    }
    let p = &feature(&v, "patrol:jap-2025-12-09")["properties"];
    assert_eq!(p["numbering"][0]["number"], 10);
    assert_eq!(p["numbering"][1]["by"], "JPN");
}
