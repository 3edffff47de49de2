//! The embedded seed dataset.

use crate::dataset::Dataset;

/// The seed dataset as JSON text (`data/seed.json`), embedded in the crate.
pub const SEED_JSON: &str = include_str!("../../data/seed.json");

/// The seed dataset: what the source document says about China–Russia
/// military cooperation, and nothing it does not say.
///
/// # Example
/// ```
/// let seed = jointwatch::seed();
/// assert_eq!(seed.scenarios.len(), 9);
/// ```
pub fn seed() -> Dataset {
    // The embedded text is checked by the crate's tests; an empty dataset
    // stands in rather than a panic should it ever fail to parse.
    Dataset::from_json(SEED_JSON).unwrap_or_default()
}

/// The public record as JSON text (`data/public-record.json`), embedded in
/// the crate with the `public-record` feature: China–Russia military
/// cooperation 2003–2026 from the sourced fact sheet, every record citing
/// graded sources with their URLs (see `docs/public-record.md`).
#[cfg(feature = "public-record")]
pub const PUBLIC_RECORD_JSON: &str = include_str!("../../data/public-record.json");

/// The public record (feature `public-record`): every joint patrol, exercise,
/// incident and published count of the sourced fact sheet, in format 2.0.
///
/// # Example
/// ```
/// let record = jointwatch::public_record();
/// assert!(!record.validate().has_errors());
/// assert!(record.patrols.len() > 10);
/// ```
#[cfg(feature = "public-record")]
pub fn public_record() -> Dataset {
    // Checked by the crate's tests; an empty dataset stands in rather than a
    // panic should it ever fail to parse.
    Dataset::from_json(PUBLIC_RECORD_JSON).unwrap_or_default()
}
