//! `jointwatch`: validate, report on and convert jointwatch datasets from a
//! shell or a CI job.
//!
//! Exit codes: 0 when everything is clean (warnings allowed unless
//! `--strict`), 1 when a file has errors, 2 when a file cannot be read or
//! the command line is wrong.

#![forbid(unsafe_code)]

mod input;
mod progress;

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jointwatch::analysis::series::{series, SeriesQuery};
use jointwatch::assess::AssessOptions;
use jointwatch::format::csv::Table;
use jointwatch::format::{geojson, schema, stix};
use jointwatch::{Code, Dataset, Finding, FuzzyDate, Limits, Severity, ValidateOptions};
use serde_json::json;

use input::{Kind, Loaded, Unreadable};
use progress::Progress;

const EXAMPLES: &str = "\
Examples:
  jointwatch validate data.json exercises.csv --strict
  jointwatch report                       # the embedded seed dataset
  jointwatch convert data.json --to geojson -o map.geojson
  jointwatch convert data.json --to csv -o tables/
  jointwatch convert data.json --to parquet -o tables/
  jointwatch series data.json --query query.json
  jointwatch schema > dataset.schema.json

Exit codes: 0 clean, 1 errors found, 2 a file could not be read or bad usage.
Documentation: docs/cli.md, docs/csv.md, docs/parquet.md, docs/stix.md, docs/validation-codes.md";

/// Check, assess and convert open-source records of military cooperation
/// between states (joint exercises, joint patrols, scrambles, scenarios).
#[derive(Parser)]
#[command(name = "jointwatch", version, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check dataset files (JSON or CSV) and print every finding, like a compiler.
    ///
    /// Each finding is printed as `FILE[:LINE[:COLUMN]]: PATH: SEVERITY[CODE]: MESSAGE`,
    /// followed by a summary line. Codes are listed in docs/validation-codes.md.
    #[command(after_help = "\
Examples:
  jointwatch validate data/seed.json
  jointwatch validate *.json --strict --ignore no-source
  jointwatch validate exercises.csv --base sources.json
  cat data.json | jointwatch validate - --format json

Exit codes: 0 no errors (warnings allowed unless --strict), 1 errors found,
2 a file could not be read.")]
    Validate(ValidateArgs),

    /// Print the analyst's brief of a dataset: figures, series and trends, and
    /// the scenario assessment.
    ///
    /// Without FILE, reports on the embedded seed dataset. Scenarios that match
    /// the built-in catalogue take its illustrative priors and indicators.
    #[command(after_help = "\
Examples:
  jointwatch report
  jointwatch report data.json --as-of 2024-06
  jointwatch report data.json --format json > brief.json")]
    Report(ReportArgs),

    /// Convert a dataset (JSON or CSV) to JSON, GeoJSON, a STIX 2.1 bundle,
    /// CSV tables or Parquet tables.
    ///
    /// The input is validated first; a file with errors is not converted.
    #[command(after_help = "\
Examples:
  jointwatch convert exercises.csv --base sources.json --to json -o data.json
  jointwatch convert data.json --to geojson -o map.geojson
  jointwatch convert data.json --to csv -o tables/
  jointwatch convert data.json --to parquet -o tables/
  jointwatch convert data.json --to stix --timestamp 2024-12-31T00:00:00Z > bundle.json")]
    Convert(ConvertArgs),

    /// Compute a series (counts, sums or maxima by period and another key)
    /// and print it as JSON.
    ///
    /// The query is the library's `SeriesQuery` (docs/method.md): a filter,
    /// one or two grouping keys and an aggregate. The dataset is validated
    /// first; a file with errors is refused.
    #[command(after_help = "\
Examples:
  jointwatch series data.json --query '{\"groupBy\": [{\"by\": \"period\", \"granularity\": {\"type\": \"year\"}}]}'
  jointwatch series data.json --query @query.json")]
    Series(SeriesArgs),

    /// Print the JSON Schema (draft 2020-12) of the dataset document.
    #[command(after_help = "\
Example:
  jointwatch schema -o schema/dataset.schema.json")]
    Schema(SchemaArgs),
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// For people.
    Text,
    /// For programs.
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Target {
    /// The jointwatch JSON document.
    Json,
    /// GeoJSON (RFC 7946) of areas, records (exercises, patrols, incidents, activities) and route legs.
    Geojson,
    /// A STIX 2.1 bundle (see docs/stix.md).
    Stix,
    /// CSV tables of the records and sources (see docs/csv.md), one file per
    /// table in the directory given with -o.
    Csv,
    /// Parquet tables of the records, figures and sources, routes and legs as
    /// GeoParquet (see docs/parquet.md), one file per table in the directory
    /// given with -o.
    Parquet,
}

#[derive(Args)]
struct CsvArgs {
    /// Read inputs as CSV tables of this kind: exercises, patrols, statistics or
    /// sources (by default: `.csv` files, told apart by their header).
    #[arg(long, value_name = "TABLE", value_parser = parse_table)]
    table: Option<Table>,
    /// A dataset (JSON, or a CSV table such as sources.csv) that CSV records
    /// are merged into, so that they can cite its sources, areas and scenarios.
    #[arg(long, value_name = "FILE")]
    base: Option<String>,
    /// Refuse JSON documents larger than this many bytes (default 256 MiB).
    #[arg(long, value_name = "BYTES")]
    max_bytes: Option<usize>,
    /// Refuse JSON nested deeper than this (default 64).
    #[arg(long, value_name = "LEVELS")]
    max_depth: Option<usize>,
    /// Refuse JSON strings longer than this many bytes (default 1 MiB).
    #[arg(long, value_name = "BYTES")]
    max_string_bytes: Option<usize>,
    /// Refuse documents with more records than this (default 2,000,000).
    #[arg(long, value_name = "N")]
    max_records: Option<usize>,
}

impl CsvArgs {
    /// The reading limits, defaults replaced by the flags given.
    fn limits(&self) -> Limits {
        let d = Limits::default();
        Limits {
            max_bytes: self.max_bytes.unwrap_or(d.max_bytes),
            max_depth: self.max_depth.unwrap_or(d.max_depth),
            max_string_bytes: self.max_string_bytes.unwrap_or(d.max_string_bytes),
            max_records: self.max_records.unwrap_or(d.max_records),
        }
    }
}

#[derive(Args)]
struct ValidateArgs {
    /// Files to check; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<String>,
    /// Treat warnings as errors.
    #[arg(long)]
    strict: bool,
    /// Leave out findings with this code (repeatable).
    #[arg(long, value_name = "CODE", value_parser = parse_code)]
    ignore: Vec<Code>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    #[command(flatten)]
    csv: CsvArgs,
    /// Never draw a progress bar.
    #[arg(long)]
    no_progress: bool,
}

#[derive(Args)]
struct ReportArgs {
    /// The dataset (JSON or CSV); the embedded seed dataset when absent; `-`
    /// reads standard input.
    #[arg(value_name = "FILE")]
    file: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Assess as of this date (YYYY, YYYY-MM or YYYY-MM-DD); by default the
    /// latest date the dataset mentions.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<FuzzyDate>,
    /// Assess on the dataset's own scenarios and indicators only, without
    /// the built-in catalogue's illustrative priors and indicators.
    #[arg(long)]
    no_catalogue: bool,
    /// Treat warnings as errors.
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    csv: CsvArgs,
    /// Never draw a progress bar.
    #[arg(long)]
    no_progress: bool,
}

#[derive(Args)]
struct ConvertArgs {
    /// The dataset to convert (JSON or CSV); `-` reads standard input.
    #[arg(value_name = "IN")]
    input: String,
    /// What to convert to.
    #[arg(long, value_enum)]
    to: Target,
    /// Write here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<String>,
    /// STIX: the created/modified time of the objects (RFC 3339); by default
    /// $SOURCE_DATE_EPOCH when set, else now.
    #[arg(long, value_name = "TIME")]
    timestamp: Option<jiff::Timestamp>,
    /// STIX: scope of the deterministic ids (default: the dataset's title).
    #[arg(long, value_name = "TEXT")]
    namespace: Option<String>,
    /// STIX: leave the scenario assessment out.
    #[arg(long)]
    no_assessment: bool,
    /// STIX: assess as of this date (default: the latest date the dataset mentions).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<FuzzyDate>,
    /// STIX: assess without the built-in catalogue.
    #[arg(long)]
    no_catalogue: bool,
    #[command(flatten)]
    csv: CsvArgs,
    /// Never draw a progress bar.
    #[arg(long)]
    no_progress: bool,
}

#[derive(Args)]
struct SeriesArgs {
    /// The dataset (JSON or CSV); `-` reads standard input.
    #[arg(value_name = "FILE")]
    file: String,
    /// The query as JSON, or `@FILE` to read it from a file.
    #[arg(long, value_name = "JSON")]
    query: String,
    #[command(flatten)]
    csv: CsvArgs,
}

#[derive(Args)]
struct SchemaArgs {
    /// Write here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<String>,
}

fn parse_table(s: &str) -> Result<Table, String> {
    s.parse().map_err(|e| format!("{e}"))
}

fn parse_code(s: &str) -> Result<Code, String> {
    s.parse()
        .map_err(|_| format!("{s:?} is not a finding code; see docs/validation-codes.md"))
}

fn parse_date(s: &str) -> Result<FuzzyDate, String> {
    s.parse().map_err(|e| format!("{e}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Validate(a) => validate(a),
        Command::Report(a) => report(a),
        Command::Convert(a) => convert(a),
        Command::Series(a) => series_cmd(a),
        Command::Schema(a) => schema_cmd(a),
    }
}

// ---------------------------------------------------------------------------
// Printing.
// ---------------------------------------------------------------------------

/// `FILE[:LINE[:COLUMN]]: [PATH: ]SEVERITY[CODE]: MESSAGE`
fn finding_line(file: &str, f: &Finding) -> String {
    let mut s = file.to_string();
    if let Some(l) = f.line {
        s += &format!(":{l}");
        if let Some(c) = f.column {
            s += &format!(":{c}");
        }
    }
    s += ": ";
    if !f.path.is_empty() {
        s += &format!("{}: ", f.path);
    }
    s += &format!("{}[{}]: {}", f.severity, f.code, f.message);
    s
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Writes to a file or standard output; a failed write is a "cannot write" error.
fn emit(output: Option<&str>, text: &str) -> Result<(), String> {
    match output {
        Some(path) if path != "-" => {
            std::fs::write(path, text).map_err(|e| format!("cannot write {path}: {e}"))
        }
        _ => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|_| out.flush())
                .map_err(|e| format!("cannot write to standard output: {e}"))
        }
    }
}

// ---------------------------------------------------------------------------
// Loading with --base and --table.
// ---------------------------------------------------------------------------

fn load_base(csv: &CsvArgs) -> Result<Option<Dataset>, ExitCode> {
    let Some(path) = &csv.base else {
        return Ok(None);
    };
    let (name, text) = input::read_text(path).map_err(|u| {
        eprintln!("jointwatch: cannot read base {}: {}", u.name, u.reason);
        ExitCode::from(2)
    })?;
    match input::load(
        &text,
        input::kind_of(path, &text, None),
        None,
        &csv.limits(),
    ) {
        Ok(loaded) => Ok(Some(loaded.dataset)),
        Err(findings) => {
            for f in &findings {
                eprintln!("{}", finding_line(&name, f));
            }
            eprintln!("jointwatch: the base dataset {name} cannot be read");
            Err(ExitCode::from(2))
        }
    }
}

enum Outcome {
    Unreadable(Unreadable),
    Rejected(String, Vec<Finding>),
    Loaded(String, Box<Loaded>),
}

fn load_file(path: &str, csv: &CsvArgs, base: Option<&Dataset>) -> Outcome {
    let (name, text) = match input::read_text(path) {
        Ok(x) => x,
        Err(Unreadable {
            name,
            finding: Some(f),
            ..
        }) => return Outcome::Rejected(name, vec![*f]),
        Err(u) => return Outcome::Unreadable(u),
    };
    let kind = input::kind_of(path, &text, csv.table);
    let base = match kind {
        Kind::Csv(_) => base,
        Kind::Json => None,
    };
    match input::load(&text, kind, base, &csv.limits()) {
        Ok(l) => Outcome::Loaded(name, Box::new(l)),
        Err(findings) => Outcome::Rejected(name, findings),
    }
}

// ---------------------------------------------------------------------------
// validate
// ---------------------------------------------------------------------------

fn validate(a: ValidateArgs) -> ExitCode {
    let base = match load_base(&a.csv) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let options = ValidateOptions {
        strict: a.strict,
        ignore: a.ignore.clone(),
    };
    let total: u64 = a.files.iter().map(|f| input::size_of(f)).sum();
    let progress = Progress::new(total, a.no_progress || a.format == OutputFormat::Json);

    let mut results = Vec::new();
    let (mut errors, mut warnings, mut unreadable) = (0usize, 0usize, 0usize);
    for path in &a.files {
        progress.stage(format!("checking {path}"));
        let entry = match load_file(path, &a.csv, base.as_ref()) {
            Outcome::Unreadable(u) => {
                unreadable += 1;
                json!({"file": u.name, "status": "unreadable", "reason": u.reason,
                       "errors": 0, "warnings": 0, "findings": []})
            }
            Outcome::Rejected(name, mut findings) => {
                findings.retain(|f| !options.ignore.contains(&f.code));
                file_entry(name, findings)
            }
            Outcome::Loaded(name, loaded) => {
                let report = loaded.dataset.validate_with(&options);
                file_entry(name, loaded.locate(report.findings))
            }
        };
        errors += entry["errors"].as_u64().unwrap_or(0) as usize;
        warnings += entry["warnings"].as_u64().unwrap_or(0) as usize;
        results.push(entry);
        progress.advance(input::size_of(path));
    }
    progress.finish();

    let text = match a.format {
        OutputFormat::Json => {
            let doc = json!({
                "files": results,
                "errors": errors,
                "warnings": warnings,
                "unreadable": unreadable,
            });
            serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
        }
        OutputFormat::Text => {
            let mut out = String::new();
            for r in &results {
                let file = r["file"].as_str().unwrap_or_default();
                if r["status"] == "unreadable" {
                    eprintln!(
                        "{file}: cannot read: {}",
                        r["reason"].as_str().unwrap_or_default()
                    );
                    continue;
                }
                let findings: Vec<Finding> =
                    serde_json::from_value(r["findings"].clone()).unwrap_or_default();
                for f in &findings {
                    out += &finding_line(file, f);
                    out.push('\n');
                }
            }
            let checked = results.len() - unreadable;
            let mut summary = format!(
                "{} checked: {}, {}",
                plural(checked, "file"),
                plural(errors, "error"),
                plural(warnings, "warning")
            );
            if unreadable > 0 {
                summary += &format!("; {} could not be read", plural(unreadable, "file"));
            }
            out + &summary + "\n"
        }
    };
    if let Err(e) = emit(None, &text) {
        eprintln!("jointwatch: {e}");
        return ExitCode::from(2);
    }
    if unreadable > 0 {
        ExitCode::from(2)
    } else if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn file_entry(name: String, findings: Vec<Finding>) -> serde_json::Value {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    let status = if errors > 0 { "invalid" } else { "valid" };
    json!({"file": name, "status": status, "errors": errors, "warnings": warnings,
           "findings": findings})
}

// ---------------------------------------------------------------------------
// report, convert, schema
// ---------------------------------------------------------------------------

/// Loads one dataset for report/convert; on failure prints why and returns
/// the exit code.
fn load_one(
    path: &str,
    csv: &CsvArgs,
    options: &ValidateOptions,
) -> Result<(String, Dataset, Vec<Finding>), ExitCode> {
    let base = load_base(csv)?;
    match load_file(path, csv, base.as_ref()) {
        Outcome::Unreadable(u) => {
            eprintln!("{}: cannot read: {}", u.name, u.reason);
            Err(ExitCode::from(2))
        }
        Outcome::Rejected(name, findings) => {
            for f in &findings {
                eprintln!("{}", finding_line(&name, f));
            }
            Err(ExitCode::from(1))
        }
        Outcome::Loaded(name, loaded) => {
            let findings = loaded.locate(loaded.dataset.validate_with(options).findings);
            Ok((name, loaded.dataset, findings))
        }
    }
}

fn report(a: ReportArgs) -> ExitCode {
    let validate = ValidateOptions {
        strict: a.strict,
        ignore: Vec::new(),
    };
    let size = a.file.as_deref().map(input::size_of).unwrap_or(0);
    let progress = Progress::new(size, a.no_progress);
    progress.stage("reading and validating");
    let (name, ds) = match &a.file {
        None => ("<seed>".to_string(), jointwatch::seed()),
        Some(path) => match load_one(path, &a.csv, &validate) {
            Ok((name, ds, _)) => (name, ds),
            Err(code) => {
                progress.finish();
                return code;
            }
        },
    };
    progress.stage("assessing");
    let options = AssessOptions {
        as_of: a.as_of,
        no_catalogue: a.no_catalogue,
    };
    let b = jointwatch::brief::brief(&ds, &validate, &options);
    progress.advance(size);
    progress.finish();
    let text = match a.format {
        OutputFormat::Text => jointwatch::brief::render_text(&ds, &b),
        OutputFormat::Json => serde_json::to_string_pretty(&b).unwrap_or_default() + "\n",
    };
    if let Err(e) = emit(None, &text) {
        eprintln!("jointwatch: {e}");
        return ExitCode::from(2);
    }
    if b.validation.has_errors() {
        for f in b.validation.errors() {
            eprintln!("{}", finding_line(&name, f));
        }
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn stix_timestamp(given: Option<jiff::Timestamp>) -> Result<jiff::Timestamp, String> {
    if let Some(t) = given {
        return Ok(t);
    }
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => v
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
            .ok_or_else(|| format!("SOURCE_DATE_EPOCH={v:?} is not a number of seconds")),
        Err(_) => Ok(jiff::Timestamp::now()),
    }
}

fn convert(a: ConvertArgs) -> ExitCode {
    let progress = Progress::new(input::size_of(&a.input), a.no_progress);
    progress.stage("reading and validating");
    let (name, ds, findings) = match load_one(&a.input, &a.csv, &ValidateOptions::default()) {
        Ok(x) => x,
        Err(code) => {
            progress.finish();
            return code;
        }
    };
    progress.stage("converting");
    for f in &findings {
        eprintln!("{}", finding_line(&name, f));
    }
    if findings.iter().any(|f| f.severity == Severity::Error) {
        progress.finish();
        eprintln!("jointwatch: {name} has errors; nothing converted");
        return ExitCode::from(1);
    }
    let text = match a.to {
        Target::Csv => {
            progress.finish();
            return write_csv(&name, &ds, a.output.as_deref());
        }
        Target::Parquet => {
            progress.finish();
            return write_parquet(&ds, a.output.as_deref());
        }
        Target::Json => ds.to_json() + "\n",
        Target::Geojson => geojson::to_string(&ds) + "\n",
        Target::Stix => {
            let ts = match stix_timestamp(a.timestamp) {
                Ok(t) => t,
                Err(e) => {
                    progress.finish();
                    eprintln!("jointwatch: {e}");
                    return ExitCode::from(2);
                }
            };
            let options = stix::StixOptions {
                timestamp: ts,
                namespace: a.namespace.clone(),
            };
            if a.no_assessment {
                stix::to_string(&ds, None, &options) + "\n"
            } else {
                // The same assessment `report` shows: the built-in catalogue
                // completes scenarios that match it.
                let assess_options = AssessOptions {
                    as_of: a.as_of,
                    no_catalogue: a.no_catalogue,
                };
                let full = jointwatch::assess::catalogue::apply(&ds, &assess_options);
                let assessment = jointwatch::assess::assess(&full, &assess_options);
                stix::to_string(&full, Some(&assessment), &options) + "\n"
            }
        }
    };
    progress.advance(input::size_of(&a.input));
    progress.finish();
    match emit(a.output.as_deref(), &text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jointwatch: {e}");
            ExitCode::from(2)
        }
    }
}

/// `convert --to csv -o DIR`: every table written into DIR (created when
/// missing), each as `TABLE.csv`.
fn write_csv(name: &str, ds: &Dataset, dir: Option<&str>) -> ExitCode {
    let Some(dir) = dir.filter(|d| *d != "-") else {
        eprintln!("jointwatch: --to csv writes one file per table; name a directory with -o DIR");
        return ExitCode::from(2);
    };
    let tables = match jointwatch::format::csv::write(ds) {
        Ok(t) => t,
        Err(e) => {
            for f in &e.findings {
                eprintln!("{}", finding_line(name, f));
            }
            eprintln!("jointwatch: {name} cannot be written as CSV; nothing written");
            return ExitCode::from(1);
        }
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("jointwatch: cannot create {dir}: {e}");
        return ExitCode::from(2);
    }
    for t in tables {
        let path = std::path::Path::new(dir).join(t.file_name());
        if let Err(e) = emit(path.to_str(), &t.text) {
            eprintln!("jointwatch: {e}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

/// `convert --to parquet -o DIR`: every table written into DIR (created
/// when missing), each as `TABLE.parquet`.
fn write_parquet(ds: &Dataset, dir: Option<&str>) -> ExitCode {
    let Some(dir) = dir.filter(|d| *d != "-") else {
        eprintln!(
            "jointwatch: --to parquet writes one file per table; name a directory with -o DIR"
        );
        return ExitCode::from(2);
    };
    match jointwatch::format::parquet::write(ds, std::path::Path::new(dir)) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jointwatch: cannot write Parquet: {e}");
            ExitCode::from(2)
        }
    }
}

fn series_cmd(a: SeriesArgs) -> ExitCode {
    let query_text = match a.query.strip_prefix('@') {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("jointwatch: cannot read the query {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => a.query.clone(),
    };
    let query: SeriesQuery = match jointwatch::parse_json(&query_text) {
        Ok(q) => q,
        Err(e) => {
            eprintln!("{}", finding_line("<query>", &e.finding));
            eprintln!("jointwatch: the query is not a series query");
            return ExitCode::from(2);
        }
    };
    let (name, ds, findings) = match load_one(&a.file, &a.csv, &ValidateOptions::default()) {
        Ok(x) => x,
        Err(code) => return code,
    };
    if findings.iter().any(|f| f.severity == Severity::Error) {
        for f in findings.iter().filter(|f| f.severity == Severity::Error) {
            eprintln!("{}", finding_line(&name, f));
        }
        eprintln!("jointwatch: {name} has errors; no series computed");
        return ExitCode::from(1);
    }
    let text = match series(&ds, &query) {
        Ok(s) => serde_json::to_string_pretty(&s).unwrap_or_default() + "\n",
        Err(e) => {
            eprintln!("jointwatch: {}: {}", e.code, e.message);
            return ExitCode::from(2);
        }
    };
    match emit(None, &text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jointwatch: {e}");
            ExitCode::from(2)
        }
    }
}

fn schema_cmd(a: SchemaArgs) -> ExitCode {
    match emit(a.output.as_deref(), &schema::dataset_schema_json()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jointwatch: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_print_like_a_compiler() {
        let f = Finding {
            code: Code::MalformedJson,
            severity: Severity::Error,
            path: "exercises[0]".into(),
            message: "EOF while parsing".into(),
            line: Some(4),
            column: Some(60),
        };
        assert_eq!(
            finding_line("a.json", &f),
            "a.json:4:60: exercises[0]: error[malformed-json]: EOF while parsing"
        );
        let g = Finding {
            path: String::new(),
            line: None,
            column: None,
            severity: Severity::Warning,
            ..f
        };
        assert_eq!(
            finding_line("b.json", &g),
            "b.json: warning[malformed-json]: EOF while parsing"
        );
    }

    #[test]
    fn the_command_line_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
