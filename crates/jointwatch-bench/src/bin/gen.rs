//! `gen`: writes a synthetic jointwatch dataset as compact JSON, for the Node
//! benchmark and for anyone who wants a large realistic file, or as Parquet
//! tables (`--parquet`, see docs/parquet.md).
//!
//! ```text
//! gen RECORDS OUT.json [--seed N] [--workload WORKLOAD.json]
//! gen RECORDS OUT_DIR --parquet [--seed N] [--chunk N]
//! gen RECORDS - --query-only [--seed N]
//! ```
//!
//! RECORDS accepts `1k`, `100k`, `1M`, `10M` or a plain number. `--workload`
//! also writes the benchmark's queries and target polygon (see
//! `jointwatch_bench::workload::workload_json`). With `--parquet` the
//! dataset is generated and written `--chunk` records at a time (default
//! 100,000), so ten million records need no more memory than one chunk; the
//! tables are the same as `jointwatch convert --to parquet` writes for the
//! JSON document of the same size and seed. Both forms print the process's
//! peak memory (Linux). `--query-only` writes nothing: it generates the
//! dataset in memory and prints, as JSON, how long generating took and the
//! benchmark's fiscal-year query (three runs), for sizes whose JSON document
//! would be impractical (`bench/scale.py`).

use std::process::ExitCode;

use jointwatch_bench::workload::{self, parse_sizes};

const USAGE: &str = "usage: gen RECORDS OUT.json [--seed N] [--workload WORKLOAD.json]\n       gen RECORDS OUT_DIR --parquet [--seed N] [--chunk N]\n       gen RECORDS - --query-only [--seed N]";

struct Args {
    records: usize,
    out: String,
    seed: u64,
    workload: Option<String>,
    parquet: bool,
    query_only: bool,
    chunk: usize,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut positional = Vec::new();
    let mut seed = workload::SEED;
    let mut workload = None;
    let mut parquet = false;
    let mut query_only = false;
    let mut chunk = 100_000;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seed" => {
                let v = args.next().ok_or("--seed needs a number")?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed {v:?} is not a number"))?;
            }
            "--workload" => workload = Some(args.next().ok_or("--workload needs a path")?),
            "--parquet" => parquet = true,
            "--query-only" => query_only = true,
            "--chunk" => {
                let v = args.next().ok_or("--chunk needs a number")?;
                chunk = match v.parse() {
                    Ok(n) if n > 0 => n,
                    _ => return Err(format!("--chunk {v:?} is not a positive number")),
                };
            }
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
        parquet,
        query_only,
        chunk,
    })
}

/// The process's peak resident memory in MB (`VmHWM`), where Linux says it.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn peak_text() -> String {
    peak_mb().map_or(String::new(), |mb| format!("; peak memory {mb:.0} MB"))
}

fn run_parquet(args: &Args) -> Result<(), String> {
    use jointwatch::format::parquet::{Options, Writer};
    let dir = std::path::Path::new(&args.out);
    let mut writer = Writer::create(dir, Options::default()).map_err(|e| e.to_string())?;
    jointwatch_bench::generate_chunks(args.seed, args.records, args.chunk, |part| {
        writer.write(&part).map_err(|e| e.to_string())
    })?;
    let summary = writer.finish().map_err(|e| e.to_string())?;
    eprintln!(
        "gen: wrote {} records as Parquet tables ({} figures, {} route points) to {}{}",
        summary.rows("records").unwrap_or(0),
        summary.rows("figures").unwrap_or(0),
        summary.rows("route_points").unwrap_or(0),
        args.out,
        peak_text()
    );
    Ok(())
}

/// `--query-only`: the fiscal-year query on the dataset held in memory.
fn run_query(args: &Args) -> Result<(), String> {
    let start = std::time::Instant::now();
    let ds = jointwatch_bench::generate(args.seed, args.records);
    let generate_seconds = start.elapsed().as_secs_f64();
    let mut runs = Vec::new();
    let mut points = 0;
    for _ in 0..3 {
        let start = std::time::Instant::now();
        let s = workload::query(&ds);
        runs.push(start.elapsed().as_secs_f64());
        points = s.points.len();
    }
    let mut sorted = runs.clone();
    sorted.sort_by(f64::total_cmp);
    let out = serde_json::json!({
        "records": ds.record_count(),
        "generate_seconds": generate_seconds,
        "query_seconds": sorted[sorted.len() / 2],
        "runs": runs,
        "points": points,
        "peak_mb": peak_mb(),
    });
    println!("{out}");
    Ok(())
}

fn run(args: Args) -> Result<(), String> {
    if args.query_only {
        return run_query(&args);
    }
    if args.parquet {
        if args.workload.is_some() {
            return Err("--workload goes with a JSON output, not --parquet".into());
        }
        return run_parquet(&args);
    }
    let ds = jointwatch_bench::generate(args.seed, args.records);
    let text = workload::to_json(&ds);
    std::fs::write(&args.out, &text).map_err(|e| format!("{}: {e}", args.out))?;
    eprintln!(
        "gen: wrote {} records ({} exercises, {} patrols, {} statistics; {:.1} MB) to {}{}",
        ds.record_count(),
        ds.exercises.len(),
        ds.patrols.len(),
        ds.statistics.len(),
        text.len() as f64 / 1e6,
        args.out,
        peak_text()
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
