//! # jointwatch-formats-wasm
//!
//! The second WebAssembly module of the npm package `jointwatch`, published
//! as `jointwatch/formats`: the formats a dataset is written to or read from
//! besides its own JSON, so that the core module (`jointwatch`) stays small
//! and a page pays for them only when it first needs one.
//!
//! - [`to_geojson`] (`toGeoJSON`): areas, exercises, patrol routes and legs,
//!   incidents and activities as a GeoJSON (RFC 7946) `FeatureCollection`;
//! - [`to_stix`] (`toSTIX`): a STIX 2.1 bundle, with the scenario assessment
//!   unless asked not to;
//! - [`to_csv`] (`toCSV`): one CSV text per table, keyed by its file name;
//! - [`from_csv`] (`fromCSV`): CSV files (one table each) read into a
//!   document, which the core's `Dataset.fromObject` then validates.
//!
//! Every call takes the document as JSON text or a plain object (validated
//! first, as `Dataset.fromJSON` does), or as a core `Dataset` (converted as
//! it is held, read through its `toJSONText()`): the two modules hold
//! separate memories, so a dataset crosses between them as JSON text. The
//! errors are the core's (`JointwatchError`, `ParseError`,
//! `ValidationError`, with `code`, `path` and `findings`): this crate
//! compiles the core bindings' `error` and `boundary` modules as its own.
//!
//! ```js
//! import { Dataset } from "jointwatch";
//! const { fromCSV, toGeoJSON } = await import("jointwatch/formats");
//! const ds = Dataset.fromObject(fromCSV({ "exercises.csv": text }));
//! map.addSource("jointwatch", { type: "geojson", data: toGeoJSON(ds) });
//! ```

#![deny(missing_docs)]

// The core bindings' argument readers and errors, compiled into this module
// too, so that both modules read arguments and throw errors the same way.
// Not every helper there is used here.
#[allow(dead_code)]
#[path = "../../wasm/src/boundary.rs"]
mod boundary;
#[allow(dead_code)]
#[path = "../../wasm/src/error.rs"]
mod error;
// The declarations of those errors (and the core's aliases), for this
// module's `.d.ts`.
#[path = "../../wasm/src/typescript.rs"]
mod typescript;

use jointwatch::assess::{self, AssessOptions};
use jointwatch::format::{csv, geojson, stix};
use jointwatch::{Dataset, FuzzyDate, ValidateOptions};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

pub use error::{is_jointwatch_error, is_parse_error, is_validation_error};

use boundary::Document;

/// Reads the `document` argument of every call. JSON text or a plain object
/// is validated with the default options, as `Dataset.fromJSON` and the
/// command line do before converting: one that cannot be read throws a
/// `ParseError`, one with validation errors a `ValidationError`. A core
/// `Dataset` is converted as it is held: its holder chose `Dataset.fromJSON`
/// (validated) or `Dataset.parse` (read only, to show a flawed document
/// with its findings).
fn dataset(value: &JsValue) -> Result<Dataset, JsValue> {
    if let Some(text) = held_text(value)? {
        return Document::Text(text).parse().map_err(|e| error::parse(&e));
    }
    let inner = Document::from_js(value, "document")?
        .parse()
        .map_err(|e| error::parse(&e))?;
    match inner.accept(&ValidateOptions::default()) {
        Ok((ds, _)) => Ok(ds),
        Err(e) => Err(error::validation(&e.findings)),
    }
}

/// The JSON text of a core `Dataset` (anything with a `toJSONText` method),
/// or `None` for any other value. Whatever the method throws (a freed
/// dataset's `JointwatchError`) is passed on unchanged.
fn held_text(value: &JsValue) -> Result<Option<String>, JsValue> {
    if !value.is_object() {
        return Ok(None);
    }
    let method = js_sys::Reflect::get(value, &JsValue::from_str("toJSONText"))
        .ok()
        .and_then(|m| m.dyn_into::<js_sys::Function>().ok());
    let Some(method) = method else {
        return Ok(None);
    };
    let text = method.call0(value)?;
    text.as_string().map(Some).ok_or_else(|| {
        error::invalid_argument("document", "its toJSONText() did not return a string")
    })
}

/// The dataset's areas, exercises, patrol routes and legs, incidents and
/// single-state activities as a GeoJSON (RFC 7946) `FeatureCollection`,
/// ready for a map library. Positions are `[longitude, latitude]`; a route
/// that crosses the antimeridian is written with longitudes beyond ±180 so
/// that it is drawn the short way (see `docs/geojson.md`).
///
/// ```js
/// map.addSource("jointwatch", { type: "geojson", data: toGeoJSON(ds) });
/// ```
#[wasm_bindgen(js_name = toGeoJSON, unchecked_return_type = "GeoJSONFeatureCollection")]
pub fn to_geojson(
    #[wasm_bindgen(unchecked_param_type = "DocumentInput")] document: JsValue,
) -> Result<JsValue, JsValue> {
    let ds = dataset(&document)?;
    boundary::read_back(Ok(()), geojson::to_string(&ds).into_bytes())
}

/// Options of [`to_stix`].
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StixArgs {
    /// RFC 3339 time of `created`/`modified`/`published`; by default now.
    timestamp: Option<String>,
    /// Scopes the ids of the dataset's own objects; by default its title.
    namespace: Option<String>,
    /// Include the scenario assessment (default `true`).
    assessment: Option<bool>,
    /// The date to assess as of; by default the latest date the dataset mentions.
    as_of: Option<FuzzyDate>,
    /// Assess without completing the dataset from the built-in catalogue.
    no_catalogue: Option<bool>,
}

/// The dataset as a STIX 2.1 bundle (see `docs/stix.md`): sources as
/// `identity`/`external-references`, exercises and patrols as `campaign`s,
/// incidents as `incident`s with `attributed-to` and `targets`, links as
/// relationships, statistics as `observed-data` notes and, unless
/// `assessment: false`, the scenario assessment as `opinion`s and `note`s
/// (the built-in catalogue completes the scenarios, as in `assess`, unless
/// `noCatalogue: true`). Ids are deterministic UUIDv5s. `timestamp` (RFC
/// 3339) is the time written on every object; the default is now.
///
/// ```js
/// const bundle = toSTIX(ds, { timestamp: "2024-12-31T00:00:00Z" });
/// ```
#[wasm_bindgen(js_name = toSTIX, unchecked_return_type = "StixBundle")]
pub fn to_stix(
    #[wasm_bindgen(unchecked_param_type = "DocumentInput")] document: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "StixOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let args: StixArgs =
        boundary::optional(&options.unwrap_or_default(), "options")?.unwrap_or_default();
    let timestamp = match &args.timestamp {
        Some(t) => t.parse::<jiff::Timestamp>().map_err(|e| {
            error::invalid_argument(
                "options.timestamp",
                format!("{t:?} is not an RFC 3339 time (2024-12-31T00:00:00Z): {e}"),
            )
        })?,
        // The library never reads the clock; JavaScript's is the caller's.
        None => jiff::Timestamp::from_millisecond(js_sys::Date::now() as i64)
            .map_err(|e| error::internal(&format!("the clock: {e}")))?,
    };
    let ds = dataset(&document)?;
    let options = stix::StixOptions {
        timestamp,
        namespace: args.namespace,
    };
    let text = if args.assessment == Some(false) {
        stix::to_string(&ds, None, &options)
    } else {
        let assess_options = AssessOptions {
            as_of: args.as_of,
            no_catalogue: args.no_catalogue.unwrap_or(false),
        };
        let full = assess::catalogue::apply(&ds, &assess_options);
        let assessment = assess::assess(&full, &assess_options);
        stix::to_string(&full, Some(&assessment), &options)
    };
    boundary::read_back(Ok(()), text.into_bytes())
}

/// The dataset as CSV, one text per table (a header only when the table has
/// no rows), keyed by its file name (`exercises.csv`, `patrols.csv`,
/// `legs.csv`, …; see `docs/csv.md`): the set that [`from_csv`] reads back. Throws a `JointwatchError` whose
/// `findings` name every value no cell can hold so that it reads back the
/// same.
///
/// ```js
/// for (const [name, text] of Object.entries(toCSV(ds))) zip.file(name, text);
/// ```
#[wasm_bindgen(js_name = toCSV, unchecked_return_type = "Record<string, string>")]
pub fn to_csv(
    #[wasm_bindgen(unchecked_param_type = "DocumentInput")] document: JsValue,
) -> Result<JsValue, JsValue> {
    let ds = dataset(&document)?;
    let tables = csv::write(&ds).map_err(|e| error::validation(&e.findings))?;
    let files = js_sys::Object::new();
    for t in tables {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(
            &files,
            &JsValue::from_str(&t.file_name()),
            &JsValue::from_str(&t.text),
        );
    }
    Ok(files.into())
}

/// Reads CSV files, one table each, into a document (not validated: pass it
/// to `Dataset.fromObject`, which does). `files` maps a file name to its
/// text; the name says the table (`patrols.csv`, `legs.csv`, …) and a name
/// that does not is told by its header row (see `docs/csv.md`). Import is
/// all or nothing: any bad cell throws a `ParseError` whose `findings` name
/// every bad cell with its file, row (`line`) and column.
///
/// ```js
/// const doc = fromCSV({ [file.name]: await file.text() });
/// const ds = Dataset.fromObject(doc);
/// ```
#[wasm_bindgen(js_name = fromCSV, unchecked_return_type = "DatasetDocument")]
pub fn from_csv(
    #[wasm_bindgen(unchecked_param_type = "Record<string, string>")] files: JsValue,
) -> Result<JsValue, JsValue> {
    let files: std::collections::BTreeMap<String, String> = boundary::input(&files, "files")?;
    if files.is_empty() {
        return Err(error::invalid_argument(
            "files",
            "holds no file: give at least one { name: text }",
        ));
    }
    let files: Vec<(String, String)> = files.into_iter().collect();
    match csv::read_tables(&files) {
        Ok(ds) => boundary::output(&ds),
        Err(e) => Err(csv_error(&e.findings)),
    }
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A document as these calls take it: JSON text, a plain object, or a core `Dataset` (read through `toJSONText()`). */
export type DocumentInput = string | DatasetDocument | { toJSONText(): string };

/** Options of `toSTIX`. */
export interface StixOptions {
  /** RFC 3339 time written as every object's `created`/`modified` and the report's `published`; by default now. */
  timestamp?: string;
  /** Scopes the ids of the dataset's own objects; by default the dataset's title. */
  namespace?: string;
  /** Include the scenario assessment (`opinion`s and `note`s); default `true`. */
  assessment?: boolean;
  /** The date to assess as of; by default the latest date the dataset mentions. */
  asOf?: string;
  /** Assess the dataset as it is, without completing it from the built-in catalogue. */
  noCatalogue?: boolean;
}

/** A STIX 2.1 bundle. */
export interface StixBundle {
  type: "bundle";
  id: string;
  objects: { type: string; id: string; [key: string]: unknown }[];
}

/** A GeoJSON (RFC 7946) geometry. */
export type GeoJSONGeometry =
  | { type: "Point"; coordinates: number[]; bbox?: number[] }
  | { type: "MultiPoint"; coordinates: number[][]; bbox?: number[] }
  | { type: "LineString"; coordinates: number[][]; bbox?: number[] }
  | { type: "MultiLineString"; coordinates: number[][][]; bbox?: number[] }
  | { type: "Polygon"; coordinates: number[][][]; bbox?: number[] }
  | { type: "MultiPolygon"; coordinates: number[][][][]; bbox?: number[] }
  | { type: "GeometryCollection"; geometries: GeoJSONGeometry[]; bbox?: number[] };

/** A GeoJSON feature: an area, an exercise, a patrol, a leg, an incident or an activity, with the record's fields as properties. */
export interface GeoJSONFeature {
  type: "Feature";
  id?: string | number;
  bbox?: number[];
  geometry: GeoJSONGeometry | null;
  properties: { [key: string]: unknown } | null;
}

/** A GeoJSON feature collection. */
export interface GeoJSONFeatureCollection {
  type: "FeatureCollection";
  bbox?: number[];
  features: GeoJSONFeature[];
}
"#;

/// CSV files that could not be read: a `ParseError` with every finding
/// (each names its file, row and column); `code`, `path`, `line` and
/// `column` are the first finding's.
fn csv_error(findings: &[jointwatch::Finding]) -> JsValue {
    let rejection = csv::CsvError {
        findings: findings.to_vec(),
    };
    let first = findings.first();
    let code = first.map_or("invalid-value", |f| f.code.as_str());
    let js = error::build(
        error::PARSE,
        code,
        &rejection.to_string(),
        first.map_or("", |f| f.path.as_str()),
        findings,
    );
    if let Some(line) = first.and_then(|f| f.line) {
        error::set(&js, "line", &JsValue::from_f64(line as f64));
    }
    if let Some(column) = first.and_then(|f| f.column) {
        error::set(&js, "column", &JsValue::from_f64(column as f64));
    }
    js.into()
}
