//! The published JSON Schema: up to date with the types, and never stricter
//! than the library (checked by an independent validator, Python
//! `jsonschema`, Draft 2020-12).
#![cfg(feature = "schema")]

mod external;

use std::path::PathBuf;

use jointwatch::format::schema::{dataset_schema_json, SCHEMA_PATH};
use jointwatch::{Dataset, ValidateOptions};

#[test]
fn committed_schema_matches_the_types() {
    let path = external::repo().join(SCHEMA_PATH);
    let generated = dataset_schema_json();
    if std::env::var("JOINTWATCH_UPDATE_SCHEMA").as_deref() == Ok("1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
        eprintln!("wrote {}", path.display());
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{SCHEMA_PATH} is out of date with the Rust types; regenerate it with\n  \
         JOINTWATCH_UPDATE_SCHEMA=1 cargo test -p jointwatch --all-features --test format_schema\n\
         and commit the result"
    );
}

/// Whether the library rejects a file: it cannot be read, or validation
/// (default options) finds an error.
fn library_rejects(path: &PathBuf) -> bool {
    let bytes = std::fs::read(path).unwrap();
    match String::from_utf8(bytes) {
        Ok(text) => Dataset::load(&text, &ValidateOptions::default()).is_err(),
        Err(_) => true,
    }
}

#[test]
fn every_document_the_schema_rejects_the_library_rejects() {
    let scratch = external::scratch("format-schema");
    let valid = external::fixtures("valid");
    let invalid = external::fixtures("invalid");
    // The shipped datasets must pass too.
    let seed = scratch.join("seed.json");
    std::fs::write(&seed, jointwatch::SEED_JSON).unwrap();
    let mut files = valid.clone();
    files.extend(invalid.iter().cloned());
    files.push(seed.clone());
    // The format 2.0 fixture written from the public record.
    let real_world = external::repo().join("crates/jointwatch/tests/data/real-world-2.json");
    files.push(real_world.clone());

    let Some((_, verdicts)) = external::run(
        "python3",
        "tests/formats/schema_check.py",
        &[&[external::repo().join(SCHEMA_PATH)], files.as_slice()].concat(),
    ) else {
        return;
    };

    let accepted = |p: &PathBuf| verdicts[p.to_str().unwrap()]["accepted"].as_bool().unwrap();
    let mut schema_rejected = 0;
    let mut escaped = Vec::new();
    for f in &files {
        if !accepted(f) {
            schema_rejected += 1;
            if !library_rejects(f) {
                escaped.push(format!(
                    "{}: {}",
                    f.display(),
                    verdicts[f.to_str().unwrap()]["reason"]
                ));
            }
        }
    }
    assert!(
        escaped.is_empty(),
        "the schema rejects documents the library accepts:\n{}",
        escaped.join("\n")
    );
    for f in valid.iter().chain([&seed, &real_world]) {
        assert!(
            accepted(f),
            "the schema rejects a valid document {}: {}",
            f.display(),
            verdicts[f.to_str().unwrap()]["reason"]
        );
    }
    if !invalid.is_empty() {
        assert!(
            schema_rejected > 0,
            "the schema accepted every invalid fixture; it checks nothing"
        );
    }
    eprintln!(
        "{} documents: schema rejected {schema_rejected}, all of them rejected by the library too",
        files.len()
    );
}
