//! Formats beyond the native JSON document: CSV import and export of the tables
//! analysts keep in spreadsheets, GeoJSON export for maps, STIX 2.1 export
//! for threat-intelligence platforms, and the published JSON Schema.
//!
//! | Format | Direction | Module | Cargo feature | Reference |
//! | --- | --- | --- | --- | --- |
//! | JSON Schema (2020-12) | out | `schema` | `schema` | `schema/dataset.schema.json` |
//! | CSV | in, out | [`csv`] | `csv` (default) | `docs/csv.md` |
//! | GeoJSON (RFC 7946) | out | [`geojson`] | `geojson` (default) | `docs/cli.md` |
//! | STIX 2.1 bundle | out | [`stix`] | `stix` (default) | `docs/stix.md` |
//! | Parquet tables, GeoParquet routes | out | `parquet` | `parquet` | `docs/parquet.md` |
//!
//! Every format is behind its own feature so that a build that does not need
//! it (the wasm package, say) leaves its dependencies out.
//!
//! # Example
//! ```
//! # #[cfg(feature = "csv")] {
//! use jointwatch::format::csv::{self, Table};
//!
//! let text = "id,name,participants,start,ships\n\
//!             vostok,Vostok-2022,RUS;CHN;IND,2022-09-01,>60\n";
//! let imported = csv::read(text, None).unwrap();
//! assert_eq!(imported.table, Table::Exercises);
//! assert_eq!(imported.dataset.exercises[0].participants.len(), 3);
//! # }
//! ```

#[cfg(feature = "csv")]
pub mod csv;
mod declarations;
#[cfg(feature = "geojson")]
pub mod geojson;
#[cfg(any(feature = "geojson", feature = "stix"))]
mod geometry;
#[cfg(feature = "parquet")]
pub mod parquet;
#[cfg(feature = "schema")]
pub mod schema;
#[cfg(feature = "stix")]
pub mod stix;
