//! The published JSON Schema (draft 2020-12) of the dataset document,
//! generated from the Rust types with `schemars`.
//!
//! The committed copy lives at `schema/dataset.schema.json`; a test fails
//! when it differs from what this module generates. To regenerate it after
//! changing the model, run
//!
//! ```text
//! JOINTWATCH_UPDATE_SCHEMA=1 cargo test -p jointwatch --all-features --test format_schema
//! ```
//!
//! or `jointwatch schema > schema/dataset.schema.json`.
//!
//! The schema checks shapes: types, required fields, allowed words, the
//! syntax of dates and codes. What needs the whole document (references
//! that resolve, unique ids, dates in order, assigned country codes) is
//! left to [`Dataset::validate`](crate::Dataset::validate), so a document
//! the schema accepts may still have validation errors; a document it
//! rejects is always rejected by the library too.
//!
//! # Example
//! ```
//! let schema = jointwatch::format::schema::dataset_schema();
//! assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(schema["required"][0], "formatVersion");
//! ```

use serde_json::Value;

use crate::dataset::Dataset;

/// Where the schema is published in the repository.
pub const SCHEMA_PATH: &str = "schema/dataset.schema.json";

/// The JSON Schema of the dataset document.
pub fn dataset_schema() -> Value {
    let schema = schemars::schema_for!(Dataset);
    let mut value = schema.to_value();
    if let Value::Object(map) = &mut value {
        map.insert("title".into(), Value::String("jointwatch dataset".into()));
        map.insert(
            "description".into(),
            Value::String(format!(
                "A jointwatch document (format version {}): sources, areas, exercises, patrols, \
                 incidents, activities, statistics, scenarios and indicators. Generated from the Rust types; checks \
                 shapes only, see `jointwatch validate` for references, order and codes.",
                crate::dataset::FORMAT_VERSION
            )),
        );
    }
    value
}

/// The schema as the pretty-printed text committed at [`SCHEMA_PATH`],
/// ending in a newline.
pub fn dataset_schema_json() -> String {
    let mut text = serde_json::to_string_pretty(&dataset_schema()).unwrap_or_default();
    text.push('\n');
    text
}
