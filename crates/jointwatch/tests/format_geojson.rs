//! The GeoJSON export passes an independent RFC 7946 check
//! (`@mapbox/geojsonhint`: structure, right-hand winding, precision) for
//! the seed dataset, every valid fixture, and routes and areas that cross
//! the antimeridian.
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

#[test]
fn exports_pass_geojsonhint_with_no_message() {
    let dir = external::scratch("format-geojson");
    let mut inputs: Vec<(String, Dataset)> = vec![
        ("seed".into(), jointwatch::seed()),
        (
            "geometry-cases".into(),
            Dataset::from_json(GEOMETRY_CASES).unwrap(),
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
