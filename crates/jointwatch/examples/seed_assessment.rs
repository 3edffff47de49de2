//! The main job: validate the embedded seed dataset and print its full
//! assessment — the figures with their uncertainty and sources, the series
//! set beside what was reported, trends where the data allows, and the
//! scenario table.
//!
//! Run with `cargo run --example seed_assessment`.

use std::process::ExitCode;

use jointwatch::brief::{brief, render_text};

fn main() -> ExitCode {
    let seed = jointwatch::seed();
    let b = brief(&seed, &Default::default(), &Default::default());
    print!("{}", render_text(&seed, &b));
    if b.validation.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
