//! Analysis of a dataset: series grouped by period and more, the trend
//! statistics, patrol cadence, breakdown shares, the joint share, record-setters and
//! great-circle geography.
//!
//! Everything here reads a [`Dataset`](crate::dataset::Dataset) (or plain numbers)
//! and returns results; nothing here changes a dataset or judges scenarios
//! (that is [`crate::assess`]).

pub mod breakdown;
pub mod cadence;
pub mod geography;
pub mod series;
pub mod share;
pub mod superlative;
pub mod trend;
