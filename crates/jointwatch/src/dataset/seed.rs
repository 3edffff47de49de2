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
