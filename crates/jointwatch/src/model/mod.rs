//! The data model: the plain serde types a document is made of, with no
//! knowledge of datasets, validation or analysis.
//!
//! Read this layer first. The building blocks come before the records that
//! use them:
//!
//! - [`actor`]: states (ISO 3166-1 alpha-3) and their services;
//! - [`place`]: named areas (the built-in gazetteer) and points;
//! - [`date`] and [`period`]: dates that keep their precision, and reporting
//!   periods (calendar and fiscal years, quarters, months);
//! - [`quantity`]: figures with their uncertainty;
//! - [`source`]: sources and their Admiralty grading;
//! - [`time`]: times of day (UTC);
//! - [`figure`]: counts a record states, with one value or several, each
//!   with its sources, and the rule that chooses among them;
//! - [`claim`] and [`link`]: distinctions claimed for a record, and typed
//!   links between records;
//! - the records: [`exercise`], [`patrol`], [`incident`], [`activity`]
//!   (single-state activity), [`statistic`], and [`scenario`] (scenarios and
//!   indicators);
//! - [`record`]: a view of a record of any kind, and the [`Filter`](record::Filter)
//!   that selects records;
//! - [`coverage`]: what a dataset claims to hold completely.

pub mod activity;
pub mod actor;
pub mod claim;
pub mod coverage;
pub mod date;
pub(crate) mod de;
pub mod exercise;
pub mod figure;
pub mod incident;
pub mod link;
pub mod patrol;
pub mod period;
pub mod place;
pub mod quantity;
pub mod record;
pub mod scenario;
pub mod source;
pub mod statistic;
pub mod time;
