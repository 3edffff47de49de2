//! The main job: validate the embedded seed dataset and print its full
//! assessment — the figures with their uncertainty and sources, the series
//! set beside what was reported, trends where the data allows, and the
//! scenario table — then set each of the seed's statements beside what the
//! public record holds (`jointwatch::public_record()`).
//!
//! Run with `cargo run --example seed_assessment`.

use std::process::ExitCode;

use jointwatch::brief::reconcile::{reconcile, render_reconciliation};
use jointwatch::brief::{brief, render_text};

fn main() -> ExitCode {
    let seed = jointwatch::seed();
    let b = brief(&seed, &Default::default(), &Default::default());
    print!("{}", render_text(&seed, &b));

    let record = jointwatch::public_record();
    let title = "The seed's statements beside the public record";
    println!("\n{title}\n{}", "=".repeat(title.chars().count()));
    println!(
        "({} exercises, {} patrols, {} incidents, {} statistics, {} sources; docs/public-record.md)\n",
        record.exercises.len(),
        record.patrols.len(),
        record.incidents.len(),
        record.statistics.len(),
        record.sources.len()
    );
    print!("{}", render_reconciliation(&reconcile(&seed, &record)));

    if b.validation.has_errors() || record.validate().has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
