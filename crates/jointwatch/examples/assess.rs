//! The seed assessment, for your own dataset file.
//!
//! ```text
//! cargo run --example assess -- path/to/dataset.json [--as-of 2024-12-31] [--strict]
//! ```
//!
//! Prints the same brief as `seed_assessment`. Exits 1 when validation finds
//! errors and 2 when the file cannot be read or parsed.

use std::process::ExitCode;

use jointwatch::assess::AssessOptions;
use jointwatch::brief::{brief, render_text};
use jointwatch::{Dataset, ValidateOptions};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut file = None;
    let mut options = AssessOptions::default();
    let mut validate = ValidateOptions::default();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--strict" => validate.strict = true,
            "--as-of" => match args.next().map(|d| d.parse()) {
                Some(Ok(d)) => options.as_of = Some(d),
                _ => {
                    eprintln!("--as-of needs a date: YYYY, YYYY-MM or YYYY-MM-DD");
                    return ExitCode::from(2);
                }
            },
            _ if file.is_none() => file = Some(a),
            _ => {
                eprintln!("unexpected argument {a:?}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(file) = file else {
        eprintln!("usage: cargo run --example assess -- FILE [--as-of DATE] [--strict]");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{file}: cannot read: {e}");
            return ExitCode::from(2);
        }
    };
    let ds = match Dataset::from_json(&text) {
        Ok(ds) => ds,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::from(2);
        }
    };
    let b = brief(&ds, &validate, &options);
    print!("{}", render_text(&ds, &b));
    if b.validation.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
