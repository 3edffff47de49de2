//! `gen`: writes a synthetic jointwatch dataset as compact JSON, for the Node
//! benchmark and for anyone who wants a large realistic file.
//!
//! ```text
//! gen RECORDS OUT.json [--seed N] [--workload WORKLOAD.json]
//! ```
//!
//! RECORDS accepts `1k`, `100k`, `1M` or a plain number. `--workload` also
//! writes the benchmark's queries and target polygon (see
//! `jointwatch_bench::workload::workload_json`).

use std::process::ExitCode;

use jointwatch_bench::workload::{self, parse_sizes};

const USAGE: &str = "usage: gen RECORDS OUT.json [--seed N] [--workload WORKLOAD.json]";

struct Args {
    records: usize,
    out: String,
    seed: u64,
    workload: Option<String>,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut positional = Vec::new();
    let mut seed = workload::SEED;
    let mut workload = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seed" => {
                let v = args.next().ok_or("--seed needs a number")?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed {v:?} is not a number"))?;
            }
            "--workload" => workload = Some(args.next().ok_or("--workload needs a path")?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ => positional.push(a),
        }
    }
    let [records, out] = <[String; 2]>::try_from(positional).map_err(|_| USAGE.to_string())?;
    let records = match parse_sizes(&records)?.as_slice() {
        [n] => *n,
        _ => return Err(format!("RECORDS must be one size, not {records:?}")),
    };
    Ok(Args {
        records,
        out,
        seed,
        workload,
    })
}

fn run(args: Args) -> Result<(), String> {
    let ds = jointwatch_bench::generate(args.seed, args.records);
    let text = workload::to_json(&ds);
    std::fs::write(&args.out, &text).map_err(|e| format!("{}: {e}", args.out))?;
    eprintln!(
        "gen: wrote {} records ({} exercises, {} patrols, {} statistics; {:.1} MB) to {}",
        ds.record_count(),
        ds.exercises.len(),
        ds.patrols.len(),
        ds.statistics.len(),
        text.len() as f64 / 1e6,
        args.out
    );
    if let Some(path) = args.workload {
        let mut w = workload::workload_json();
        w["records"] = args.records.into();
        w["seed"] = args.seed.into();
        let text = serde_json::to_string_pretty(&w).map_err(|e| e.to_string())?;
        std::fs::write(&path, text).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(())
}

fn main() -> ExitCode {
    match parse(std::env::args().skip(1)).and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen: {e}");
            ExitCode::from(2)
        }
    }
}
