//! The main job: validate the embedded seed dataset and print what it holds,
//! each figure with its uncertainty and its source.
//!
//! Run with `cargo run --example seed_assessment`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let seed = jointwatch::seed();
    let report = seed.validate();
    print!("{}", jointwatch::summary::render(&seed, &report));
    if report.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
