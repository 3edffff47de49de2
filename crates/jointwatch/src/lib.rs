//! # jointwatch
//!
//! Model, validate and analyse open-source records of military cooperation
//! between states: joint exercises, joint bomber and naval patrols, fighter
//! scrambles, and the scenario indicators that tell an analyst whether a
//! feared future is getting closer.
//!
//! Every figure keeps the uncertainty its source gave ("over 400 warships",
//! "four to ten a year"), every record cites graded sources, and every
//! problem in a document is reported with a stable code and a path.
//!
//! # Layout
//!
//! The modules are layers; each uses only those listed before it (see
//! `ARCHITECTURE.md`):
//!
//! | layer | what it holds |
//! | --- | --- |
//! | [`diagnostics`] | severities, finding codes, findings, reports |
//! | [`model`] | the document's types: states, places, dates, periods, quantities, sources, records, scenarios, filters |
//! | [`dataset`] | the document as a whole: reading, limits, selecting records, the embedded seed |
//! | [`validate`] | every check on a document, and atomic merging |
//! | [`analysis`] | series, trends, cadence, breakdowns, record-setters, geography |
//! | [`assess`] | indicators, odds, ACH, estimative terms, the built-in catalogue |
//! | [`brief`], [`format`](mod@format) | the brief and text renderings; CSV, GeoJSON, STIX, JSON Schema |
//!
//! The types a user meets first are re-exported here.
//!
//! # Example
//! ```
//! use jointwatch::{Dataset, Quantity};
//!
//! // The embedded seed dataset holds the facts of the source document.
//! let seed = jointwatch::seed();
//! assert!(!seed.validate().has_errors());
//!
//! let ocean = seed.exercises.iter().find(|e| e.name == "Ocean-2024").unwrap();
//! let ships = ocean.forces.ships.as_ref().and_then(|f| seed.figure_value(f, &ocean.sources));
//! assert_eq!(ships, Some(Quantity::MoreThan(400.0)));
//!
//! // Your own documents load the same way.
//! let mine = Dataset::from_json(r#"{"formatVersion": "2.0"}"#).unwrap();
//! assert_eq!(mine.record_count(), 0);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod analysis;
pub mod assess;
pub mod brief;
pub mod dataset;
pub mod diagnostics;
pub mod format;
pub mod model;
mod sort;
pub mod validate;

pub use analysis::geography::{
    area_target, closest_approach, patrol_closest_approach, route_length_km, Approach, GeoError,
    Target,
};
pub use dataset::limits::Limits;
pub use dataset::read::{parse_json, LoadError, ParseError};
#[cfg(feature = "public-record")]
pub use dataset::seed::{public_record, PUBLIC_RECORD_JSON};
pub use dataset::seed::{seed, SEED_JSON};
pub use dataset::{Dataset, DatasetCounts, FORMAT_VERSION};
pub use diagnostics::{CallCode, CallError, Code, Finding, Report, Severity, ValidateOptions};
pub use model::actor::{CountryCode, Participant, ServiceBranch};
pub use model::date::{DateRange, FuzzyDate, Precision};
pub use model::exercise::{Claim, ClaimKind, Domain, Equipment, Exercise, Forces};
pub use model::patrol::{
    Patrol, PatrolKind, PatrolResponse, Platform, PlatformRole, ResponseAction,
};
pub use model::period::{FiscalNaming, Granularity, Period, YearMonth};
pub use model::place::{builtin_area, gazetteer, Area, AreaKind, Point};
pub use model::quantity::{Bounds, Quantity};
pub use model::record::{Filter, Record, RecordKind};
pub use model::scenario::{
    Bearing, Direction, Indicator, Metric, Observation, Rule, Scenario, ScenarioKind,
};
pub use model::source::{Credibility, Grading, Reliability, Source};
pub use model::statistic::{BreakdownEntry, Category, Measure, Rate, Reporter, Statistic};

/// Compiles and runs the README's Rust example as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
