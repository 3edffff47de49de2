//! Parquet tables (`format::parquet`): docs/parquet.md documents every table
//! and column as written, the tables read back with the `parquet` crate's own
//! reader, and a write that cannot happen is an error naming the file.
#![cfg(feature = "parquet")]

use std::path::{Path, PathBuf};

use ::parquet::file::reader::{FileReader, SerializedFileReader};
use jointwatch::format::parquet::{self, ErrorKind, Options, Writer, TABLES};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jointwatch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn docs_document_every_table_and_column_with_its_type() {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/parquet.md"),
    )
    .unwrap();
    for t in TABLES {
        let heading = format!("### `{}`", t.name);
        let start = doc
            .find(&heading)
            .unwrap_or_else(|| panic!("docs/parquet.md has no section {heading}"));
        let section = &doc[start..];
        let end = section[heading.len()..]
            .find("\n### ")
            .or_else(|| section[heading.len()..].find("\n## "))
            .map_or(section.len(), |e| e + heading.len());
        let section = &section[..end];
        for (name, ty, nullable) in t.columns() {
            let row = format!(
                "| `{name}` | {ty} | {} |",
                if nullable { "yes" } else { "no" }
            );
            // The statistics table names its quantity columns together, as in `figures`.
            let grouped = t.name == "statistics"
                && ["form", "low", "low_open", "high", "high_open", "best"].contains(&name);
            assert!(
                section.contains(&row) || grouped,
                "docs/parquet.md, table {}: no row {row}",
                t.name
            );
        }
    }
}

#[test]
fn every_table_reads_back_with_its_rows() {
    let seed = jointwatch::public_record();
    let dir = scratch("parquet-read-back");
    let summary = parquet::write(&seed, &dir).unwrap();
    assert_eq!(summary.tables.len(), TABLES.len());
    assert_eq!(summary.rows("records"), Some(seed.record_count() as u64));
    assert_eq!(summary.rows("sources"), Some(seed.sources.len() as u64));
    for (name, rows) in &summary.tables {
        let file = std::fs::File::open(dir.join(format!("{name}.parquet"))).unwrap();
        let reader = SerializedFileReader::new(file).unwrap();
        let meta = reader.metadata().file_metadata();
        assert_eq!(meta.num_rows() as u64, *rows, "{name}");
        let geo = meta
            .key_value_metadata()
            .into_iter()
            .flatten()
            .find(|kv| kv.key == "geo");
        let is_geo = TABLES.iter().any(|t| t.name == name && t.geo);
        assert_eq!(geo.is_some(), is_geo, "{name}: geo metadata");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn small_batches_give_the_same_rows() {
    let seed = jointwatch::public_record();
    let dir = scratch("parquet-small-batches");
    let mut w = Writer::create(
        &dir,
        Options {
            batch_rows: 7,
            row_group_rows: 50,
        },
    )
    .unwrap();
    w.write(&seed).unwrap();
    let small = w.finish().unwrap();
    let big = parquet::write(&seed, &scratch("parquet-big-batches")).unwrap();
    assert_eq!(small, big);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_directory_that_cannot_be_made_is_an_io_error_naming_it() {
    let file = scratch("parquet-not-a-dir");
    std::fs::write(&file, "a file, not a directory").unwrap();
    let e = match parquet::write(&jointwatch::seed(), &file.join("tables")) {
        Err(e) => e,
        Ok(_) => panic!("wrote into a file"),
    };
    assert_eq!(e.kind, ErrorKind::Io);
    assert!(e.path.ends_with("tables"), "{}", e.path.display());
    assert!(e.to_string().contains("(io)"));
    std::fs::remove_file(&file).ok();
}
