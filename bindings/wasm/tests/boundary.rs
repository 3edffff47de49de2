//! The JavaScript boundary, tested inside the WebAssembly module under Node
//! (`wasm-bindgen-test-runner`): errors are real `Error` objects with a
//! name and a code, outputs are plain objects, and bad input never breaks
//! the module.
#![cfg(target_arch = "wasm32")]

use jointwatch_wasm::*;
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn json(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

fn findings(report: &JsValue) -> Array {
    get(report, "findings").dyn_into().unwrap()
}

#[wasm_bindgen_test]
fn malformed_text_throws_a_parse_error_with_line_and_column() {
    let err = Dataset::from_json(
        JsValue::from_str("{\n  \"formatVersion\": \"1.0\",\n}"),
        None,
    )
    .err()
    .unwrap();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert!(is_parse_error(err.clone()));
    assert!(is_jointwatch_error(err.clone()));
    assert!(!is_validation_error(err.clone()));
    assert_eq!(get(&err, "name"), "ParseError");
    assert_eq!(get(&err, "code"), "malformed-json");
    assert_eq!(get(&err, "line"), 3);
    assert!(get(&err, "column").as_f64().unwrap() >= 1.0);
    assert_eq!(findings(&err).length(), 1);
}

#[wasm_bindgen_test]
fn a_rejected_document_throws_a_validation_error_with_every_finding() {
    let text = r#"{"formatVersion": "1.0", "exercises": [
      {"id": "e", "name": "X", "participants": ["CHN"], "dates": {"start": "2024-05", "end": "2024-04"}, "sources": []}
    ]}"#;
    let err = Dataset::from_json(JsValue::from_str(text), None)
        .err()
        .unwrap();
    assert!(is_validation_error(err.clone()));
    assert_eq!(get(&err, "name"), "ValidationError");
    let codes: Vec<String> = findings(&err)
        .iter()
        .map(|f| get(&f, "code").as_string().unwrap())
        .collect();
    assert_eq!(get(&err, "code"), "end-before-start");
    assert_eq!(get(&err, "path"), "exercises[0].dates");
    assert!(codes.contains(&"end-before-start".to_string()));
    assert!(
        codes.contains(&"no-source".to_string()),
        "warnings are included"
    );
}

#[wasm_bindgen_test]
fn an_argument_of_the_wrong_type_is_an_invalid_argument_error() {
    for bad in [
        JsValue::from_f64(5.0),
        JsValue::NULL,
        JsValue::UNDEFINED,
        Array::new().into(),
    ] {
        let err = Dataset::from_json(bad, None).err().unwrap();
        assert_eq!(get(&err, "name"), "JointwatchError");
        assert_eq!(get(&err, "code"), "invalid-argument");
        assert_eq!(get(&err, "path"), "text");
        assert_eq!(findings(&err).length(), 0);
    }
    let err = validate(JsValue::from_str("{}"), Some(json(r#"{"strict": "yes"}"#)))
        .err()
        .unwrap();
    assert_eq!(get(&err, "code"), "invalid-argument");
    assert_eq!(get(&err, "path"), "options.strict");
}

#[wasm_bindgen_test]
fn outputs_are_plain_objects_not_maps() {
    let doc = Dataset::seed().to_json().unwrap();
    assert!(doc.is_object());
    assert!(!doc.is_instance_of::<js_sys::Map>());
    assert_eq!(
        Object::get_prototype_of(&doc),
        Object::get_prototype_of(&Object::new())
    );
    let exercises: Array = get(&doc, "exercises").dyn_into().unwrap();
    let ocean = exercises
        .iter()
        .find(|e| get(e, "name") == "Ocean-2024")
        .unwrap();
    let ships = get(&get(&get(&ocean, "forces"), "ships"), "over");
    assert_eq!(ships, 400);
}

#[wasm_bindgen_test]
fn a_document_given_as_an_object_reports_paths_without_lines() {
    let doc = json(r#"{"formatVersion": "1.0", "exercises": [{"id": 5}]}"#);
    let err = Dataset::from_object(doc, None).err().unwrap();
    assert_eq!(get(&err, "code"), "wrong-type");
    assert_eq!(get(&err, "path"), "exercises[0].id");
    assert!(get(&err, "line").is_undefined());
}

#[wasm_bindgen_test]
fn validate_reports_parse_problems_as_findings() {
    let report = validate(JsValue::from_str(r#"{"formatVersion": "#), None).unwrap();
    let list = findings(&report);
    assert_eq!(list.length(), 1);
    assert_eq!(get(&list.get(0), "code"), "malformed-json");
}

#[wasm_bindgen_test]
fn one_record_is_validated_with_paths_relative_to_it() {
    let record =
        json(r#"{"id": "x", "name": "X", "participants": ["CHN"], "sources": ["nowhere"]}"#);
    let report = validate_record(JsValue::from_str("exercise"), record.clone()).unwrap();
    let list = findings(&report);
    let codes: Vec<String> = list
        .iter()
        .map(|f| get(&f, "code").as_string().unwrap())
        .collect();
    assert_eq!(
        codes,
        ["undated-record"],
        "no dataset to resolve sources in"
    );
    assert_eq!(get(&list.get(0), "path"), "dates");

    let seeded = Dataset::seed()
        .validate_record(JsValue::from_str("exercise"), record)
        .unwrap();
    let codes: Vec<String> = findings(&seeded)
        .iter()
        .map(|f| get(&f, "code").as_string().unwrap())
        .collect();
    assert_eq!(codes, ["undated-record", "missing-source"]);
    assert_eq!(get(&findings(&seeded).get(1), "path"), "sources[0]");
}

#[wasm_bindgen_test]
fn series_take_arrays_and_typed_arrays_with_missing_values() {
    let values = json("[3, 1, 4, null, 1, 5, 9]");
    let s = summarize(values).unwrap();
    assert_eq!(get(&s, "n"), 6);
    assert_eq!(get(&s, "skipped"), 1);
    let typed = js_sys::Float64Array::from(&[1.0, 2.0, f64::NAN, 4.0][..]);
    let s = summarize(typed.into()).unwrap();
    assert_eq!(get(&s, "n"), 3);
    assert!(summarize(Array::new().into()).unwrap().is_undefined());
    let err = summarize(json(r#"[1, "2"]"#)).err().unwrap();
    assert_eq!(get(&err, "path"), "values[1]");
}

#[wasm_bindgen_test]
fn the_module_keeps_working_after_many_errors() {
    for i in 0..200 {
        let bad = JsValue::from_str(&format!("{{\"formatVersion\": {i}"));
        assert!(Dataset::from_json(bad, None).is_err());
    }
    let seed = Dataset::seed();
    assert_eq!(seed.record_count(), 6);
    let report = seed.validate(None).unwrap();
    assert!(get(&report, "findings").is_object());
}
