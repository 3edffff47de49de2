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
//! # Example
//! ```
//! use jointwatch::{Dataset, Quantity};
//!
//! // The embedded seed dataset holds the facts of the source document.
//! let seed = jointwatch::seed();
//! assert!(!seed.validate().has_errors());
//!
//! let ocean = seed.exercises.iter().find(|e| e.name == "Ocean-2024").unwrap();
//! assert_eq!(ocean.forces.ships, Some(Quantity::MoreThan(400.0)));
//!
//! // Your own documents load the same way.
//! let mine = Dataset::from_json(r#"{"formatVersion": "1.0"}"#).unwrap();
//! assert_eq!(mine.record_count(), 0);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod actor;
pub mod assess;
pub mod breakdown;
pub mod brief;
pub mod cadence;
pub mod catalogue;
mod dataset;
pub mod date;
mod de;
pub mod estimative;
pub mod exercise;
pub mod format;
pub mod geography;
mod json_path;
mod limits;
mod merge;
pub mod patrol;
pub mod period;
pub mod place;
pub mod quantity;
pub mod query;
pub mod scenario;
mod seed;
pub mod series;
mod sort;
pub mod source;
pub mod statistic;
mod strict;
pub mod summary;
pub mod superlative;
pub mod trend;
mod typedecl;
pub mod validate;

pub use actor::{CountryCode, Participant, ServiceBranch};
pub use dataset::{parse_json, Dataset, LoadError, ParseError, FORMAT_VERSION};
pub use date::{DateRange, FuzzyDate, Precision};
pub use exercise::{Claim, ClaimKind, Domain, Equipment, Exercise, Forces};
pub use geography::{
    area_target, closest_approach, patrol_closest_approach, route_length_km, Approach, GeoError,
    Target,
};
pub use limits::Limits;
pub use merge::MergeSummary;
pub use patrol::{Patrol, PatrolKind, PatrolResponse, Platform, PlatformRole, ResponseAction};
pub use period::{FiscalNaming, Granularity, Period};
pub use place::{builtin_area, gazetteer, Area, AreaKind, Point};
pub use quantity::{Bounds, Quantity};
pub use query::{Filter, RecordKind};
pub use scenario::{
    Bearing, Direction, Indicator, Metric, Observation, Rule, Scenario, ScenarioKind,
};
pub use seed::{seed, SEED_JSON};
pub use source::{Credibility, Grading, Reliability, Source};
pub use statistic::{BreakdownEntry, Category, Measure, Rate, Reporter, Statistic};
pub use validate::{Code, Finding, Report, Severity, ValidateOptions};

/// Compiles and runs the README's Rust example as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
