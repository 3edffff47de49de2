//! Reports for people: the analyst's brief (structured, and as text) and the
//! plain-text listing of a dataset.
//!
//! This is the top layer: it gathers validation, analysis and the scenario
//! assessment into one result and renders it. Nothing below imports it.

pub mod brief;
pub mod summary;
