//! The built `jointwatch` binary, run on the shared fixtures and the CSV
//! templates.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn jointwatch() -> Command {
    let mut cmd = Command::cargo_bin("jointwatch").unwrap();
    cmd.current_dir(repo());
    cmd
}

/// The `.json` fixtures of a folder, without the `.expected.json` sidecars.
fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = repo().join("tests/fixtures").join(kind);
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| {
        let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        n.ends_with(".json") && !n.ends_with(".expected.json")
    });
    v.sort();
    v
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn valid_fixtures_exit_zero() {
    let files = fixtures("valid");
    assert!(!files.is_empty(), "no valid fixtures found");
    for f in files {
        jointwatch()
            .arg("validate")
            .arg(&f)
            .assert()
            .code(0)
            .stdout(predicate::str::contains("0 errors"));
    }
}

#[test]
fn invalid_fixtures_print_their_expected_codes() {
    let files = fixtures("invalid");
    assert!(!files.is_empty(), "no invalid fixtures found");
    let mut checked = 0;
    let mut problems = Vec::new();
    for f in files {
        let sidecar = f.with_extension("expected.json");
        let Ok(text) = std::fs::read_to_string(&sidecar) else {
            continue; // a fixture whose sidecar is still being written
        };
        let expected: Value = serde_json::from_str(&text).unwrap();
        let findings = expected["findings"].as_array().unwrap();
        let has_error = findings.iter().any(|x| x["severity"] == "error");
        // Fixtures for the reading limits set small limits in their sidecar.
        let mut limit_flags = Vec::new();
        if let Some(l) = expected.get("limits").and_then(|l| l.as_object()) {
            for (key, flag) in [
                ("maxBytes", "--max-bytes"),
                ("maxDepth", "--max-depth"),
                ("maxStringBytes", "--max-string-bytes"),
                ("maxRecords", "--max-records"),
            ] {
                if let Some(v) = l.get(key) {
                    limit_flags.push(flag.to_string());
                    limit_flags.push(v.to_string());
                }
            }
        }
        let out = jointwatch()
            .arg("validate")
            .args(&limit_flags)
            .arg(&f)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        for x in findings {
            let tag = format!(
                "{}[{}]",
                x["severity"].as_str().unwrap(),
                x["code"].as_str().unwrap()
            );
            if !stdout.contains(&tag) {
                problems.push(format!("{name}: expected {tag}, got:\n{stdout}"));
            }
        }
        // Warnings alone pass unless --strict; an error always fails.
        let want = if has_error { 1 } else { 0 };
        if out.status.code() != Some(want) {
            problems.push(format!(
                "{name}: exit {:?}, expected {want}:\n{stdout}",
                out.status.code()
            ));
        }
        if !has_error {
            let strict = jointwatch()
                .args(["validate", "--strict"])
                .args(&limit_flags)
                .arg(&f)
                .output()
                .unwrap();
            if strict.status.code() != Some(1) {
                problems.push(format!("{name}: --strict did not exit 1"));
            }
        }
        checked += 1;
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(
        checked > 0,
        "no invalid fixture had an expected.json sidecar"
    );
}

#[test]
fn an_unreadable_file_exits_two_and_the_others_are_still_checked() {
    jointwatch()
        .args(["validate", "data/seed.json", "no/such/file.json"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("1 file checked"))
        .stdout(predicate::str::contains("1 file could not be read"))
        .stderr(predicate::str::contains("no/such/file.json: cannot read"));
}

#[test]
fn standard_input_is_read_for_a_dash() {
    jointwatch()
        .args(["validate", "-"])
        .write_stdin(r#"{"formatVersion": "1.0", "exercises": [{"id": "e", "name": "E", "participants": ["CHN"], "dates": {"start": "2024-05", "end": "2024-04"}, "sources": []}]}"#)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "<stdin>: exercises[0].dates: error[end-before-start]",
        ));
}

#[test]
fn json_output_lists_every_finding_per_file() {
    let out = jointwatch()
        .args([
            "validate",
            "--format",
            "json",
            "data/seed.json",
            "tests/fixtures/valid/minimal.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 2);
    assert_eq!(v["errors"], 0);
    assert_eq!(v["files"][0]["status"], "valid");
    let findings = v["files"][0]["findings"].as_array().unwrap();
    assert_eq!(v["warnings"].as_u64().unwrap() as usize, findings.len());
}

#[test]
fn strict_and_ignore_steer_the_verdict() {
    // The seed's undated patrol is a warning.
    jointwatch()
        .args(["validate", "--strict", "data/seed.json"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[undated-record]"));
    jointwatch()
        .args([
            "validate",
            "--strict",
            "--ignore",
            "undated-record",
            "data/seed.json",
        ])
        .assert()
        .code(0);
    jointwatch()
        .args(["validate", "--ignore", "not-a-code", "data/seed.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a finding code"));
}

#[test]
fn csv_templates_validate_against_the_sources_template() {
    for table in ["exercises", "patrols", "statistics"] {
        jointwatch()
            .arg("validate")
            .arg(format!("examples/data/{table}.csv"))
            .args(["--base", "examples/data/sources.csv"])
            .assert()
            .stdout(predicate::str::contains("0 errors"))
            .code(0);
    }
    // Without the sources, the citations do not resolve, and the findings
    // name the CSV row.
    jointwatch()
        .args(["validate", "examples/data/exercises.csv"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "examples/data/exercises.csv:2: exercises[0].sources[0]: error[missing-source]: row 2:",
        ));
}

#[test]
fn a_bad_csv_row_names_row_and_column_and_imports_nothing() {
    let dir = scratch("cli-bad-csv");
    let path = dir.join("exercises.csv");
    std::fs::write(
        &path,
        "id,name,participants,ships\nok,Fine,CHN;RUS,10\nbad,Broken,CHN;RUS,lots\n",
    )
    .unwrap();
    jointwatch()
        .arg("validate")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "exercises[1].forces.ships: error[invalid-quantity]: row 3, column \"ships\" (D)",
        ));
    let out = dir.join("out.json");
    jointwatch()
        .arg("convert")
        .arg(&path)
        .args(["--to", "json", "-o"])
        .arg(&out)
        .assert()
        .code(1);
    assert!(!out.exists(), "nothing is written from a rejected file");
}

#[test]
fn csv_converts_to_a_json_document_that_validates() {
    let dir = scratch("cli-csv-convert");
    let out = dir.join("statistics.json");
    jointwatch()
        .args([
            "convert",
            "examples/data/statistics.csv",
            "--base",
            "examples/data/sources.csv",
            "--to",
            "json",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(0);
    let ds = jointwatch::Dataset::from_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
    // The template holds the seed's statistics, cell for cell.
    assert_eq!(ds.statistics, jointwatch::seed().statistics);
    jointwatch().arg("validate").arg(&out).assert().code(0);
}

#[test]
fn conversions_produce_geojson_and_stix() {
    let out = jointwatch()
        .args(["convert", "data/seed.json", "--to", "geojson"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["type"], "FeatureCollection");

    let out = jointwatch()
        .args([
            "convert",
            "data/seed.json",
            "--to",
            "stix",
            "--timestamp",
            "2024-12-31T00:00:00Z",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["type"], "bundle");
    let objects = v["objects"].as_array().unwrap();
    assert!(objects.iter().any(|o| o["type"] == "opinion"));
    assert!(objects
        .iter()
        .all(|o| o.get("created").is_none() || o["created"] == "2024-12-31T00:00:00.000Z"));

    // SOURCE_DATE_EPOCH makes the output reproducible without --timestamp.
    let a = jointwatch()
        .args(["convert", "data/seed.json", "--to", "stix"])
        .env("SOURCE_DATE_EPOCH", "1735603200")
        .output()
        .unwrap();
    assert_eq!(a.stdout, out.stdout);
}

#[test]
fn schema_prints_the_committed_schema() {
    let committed = std::fs::read_to_string(repo().join("schema/dataset.schema.json")).unwrap();
    jointwatch()
        .arg("schema")
        .assert()
        .code(0)
        .stdout(predicate::eq(committed));
}

#[test]
fn report_defaults_to_the_seed_and_speaks_json() {
    jointwatch()
        .arg("report")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Ocean-2024"))
        .stdout(predicate::str::contains("Enhanced military integration"));
    let out = jointwatch()
        .args(["report", "data/seed.json", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["assessment"]["scenarios"].as_array().unwrap().len(), 9);
    jointwatch()
        .args(["report", "tests/fixtures/invalid/malformed-json.json"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[malformed-json]"));
}

/// A valid document over the 4 MiB progress threshold.
fn large_document() -> String {
    let mut exercises = Vec::new();
    for i in 0..20_000 {
        exercises.push(format!(
            r#"{{"id": "e{i}", "name": "Exercise number {i} with a long enough name to take up room", "participants": ["CHN", "RUS"], "domains": ["naval", "air"], "areas": ["sea-of-japan"], "dates": "2024", "forces": {{"ships": {{"over": 10}}, "aircraft": 12}}, "notes": "Generated to make the file large; not a real exercise. Padding padding padding padding padding.", "sources": ["s"]}}"#
        ));
    }
    format!(
        r#"{{"formatVersion": "1.0", "sources": [{{"id": "s", "title": "Generated", "reliability": "F", "credibility": 6}}], "exercises": [{}]}}"#,
        exercises.join(",\n")
    )
}

#[test]
fn large_inputs_draw_no_progress_bar_into_a_pipe() {
    // Over the 4 MiB threshold, but standard error is a pipe here.
    let dir = scratch("cli-large");
    let path = dir.join("large.json");
    let text = large_document();
    assert!(text.len() as u64 > 4 * 1024 * 1024);
    std::fs::write(&path, text).unwrap();
    jointwatch()
        .arg("validate")
        .arg(&path)
        .assert()
        .code(0)
        .stderr(predicate::str::is_empty());
}

#[test]
fn large_inputs_draw_a_progress_bar_on_a_terminal() {
    // `script` runs the command on a pseudo-terminal and records what it
    // shows; the bar is redrawn with carriage returns and ends cleared.
    let dir = scratch("cli-large-tty");
    let path = dir.join("large.json");
    std::fs::write(&path, large_document()).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("jointwatch");
    let command = format!("{} validate {}", bin.display(), path.display());
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("`script` (util-linux) runs the command on a terminal");
    let seen = String::from_utf8_lossy(&out.stdout);
    assert!(
        seen.contains("checking"),
        "no progress bar on a terminal:\n{seen}"
    );
    assert!(seen.contains("1 file checked: 0 errors"), "{seen}");
    // --no-progress turns it off there too.
    let command = format!(
        "{} validate --no-progress {}",
        bin.display(),
        path.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("checking"));
}

#[test]
fn every_command_explains_itself_with_an_example() {
    for cmd in ["validate", "report", "convert", "schema"] {
        jointwatch()
            .args([cmd, "--help"])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("Example"))
            .stdout(predicate::str::contains(format!("jointwatch {cmd}")));
    }
}

#[test]
fn report_without_the_catalogue_assesses_only_the_datasets_own_scenarios() {
    // The seed gives no priors, so without the catalogue nothing is assessed.
    let out = jointwatch()
        .args([
            "report",
            "data/seed.json",
            "--format",
            "json",
            "--no-catalogue",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["assessment"]["scenarios"].as_array().unwrap().len(), 0);
    assert!(v["assessment"]["indicators"].as_array().unwrap().is_empty());
    jointwatch()
        .args(["report", "data/seed.json", "--no-catalogue"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "skipped enhanced-military-integration: no prior",
        ))
        .stdout(predicate::str::contains("0 from the built-in catalogue"));
}

#[test]
fn convert_to_json_writes_format_2_0_and_upgrades_sequence_to_numbering() {
    let dir = scratch("cli-convert-upgrade");
    let out = dir.join("rich-2.json");
    jointwatch()
        .args([
            "convert",
            "tests/fixtures/valid/rich.json",
            "--to",
            "json",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(0);
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written["formatVersion"], "2.0");
    let original: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/fixtures/valid/rich.json")).unwrap(),
    )
    .unwrap();
    let sequenced: Vec<(usize, &serde_json::Value)> = original["patrols"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .filter(|(_, p)| p.get("sequence").is_some())
        .collect();
    assert!(!sequenced.is_empty(), "the fixture numbers a patrol");
    for (i, p) in sequenced {
        let patrol = &written["patrols"][i];
        assert!(patrol.get("sequence").is_none());
        assert_eq!(patrol["numbering"][0]["number"], p["sequence"]);
        assert!(patrol["numbering"][0].get("by").is_none(), "unattributed");
    }
    jointwatch().arg("validate").arg(&out).assert().code(0);
}

#[test]
fn convert_to_csv_writes_every_table_into_a_directory() {
    let dir = scratch("cli-convert-csv").join("tables");
    jointwatch()
        .args([
            "convert",
            "crates/jointwatch/tests/data/real-world-2.json",
            "--to",
            "csv",
            "-o",
        ])
        .arg(&dir)
        .assert()
        .code(0);
    let mut files = Vec::new();
    for t in jointwatch::format::csv::Table::ALL {
        let name = format!("{t}.csv");
        let text = std::fs::read_to_string(dir.join(&name)).unwrap();
        files.push((name, text));
    }
    let back = jointwatch::format::csv::read_tables(&files).unwrap();
    let original = jointwatch::Dataset::from_json(
        &std::fs::read_to_string(repo().join("crates/jointwatch/tests/data/real-world-2.json"))
            .unwrap(),
    )
    .unwrap();
    assert_eq!(back.incidents, original.incidents);
    assert_eq!(back.patrols, original.patrols);
    // A directory is needed: one file per table.
    jointwatch()
        .args(["convert", "data/seed.json", "--to", "csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-o DIR"));
}

#[test]
fn convert_to_parquet_writes_every_table_into_a_directory() {
    let dir = scratch("parquet-public-record");
    jointwatch()
        .args([
            "convert",
            "data/public-record.json",
            "--to",
            "parquet",
            "-o",
        ])
        .arg(&dir)
        .assert()
        .code(0);
    for t in jointwatch::format::parquet::TABLES {
        let f = dir.join(format!("{}.parquet", t.name));
        let bytes = std::fs::read(&f).unwrap();
        // A Parquet file starts and ends with its magic number.
        assert_eq!(&bytes[..4], b"PAR1", "{}", f.display());
        assert_eq!(&bytes[bytes.len() - 4..], b"PAR1", "{}", f.display());
    }
    // Without a directory: a usage error, nothing written.
    jointwatch()
        .args(["convert", "data/public-record.json", "--to", "parquet"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-o DIR"));
    // A file with errors is not converted.
    let bad = repo().join("tests/fixtures/invalid/end-before-start.json");
    let out = scratch("parquet-invalid");
    jointwatch()
        .args(["convert"])
        .arg(&bad)
        .args(["--to", "parquet", "-o"])
        .arg(out.join("tables"))
        .assert()
        .code(1);
    assert!(!out.join("tables").exists());
}

#[test]
fn series_prints_the_library_result_and_refuses_a_bad_query() {
    let query = r#"{"filter": {"participantsAny": ["CHN", "RUS"], "from": "2000", "to": "2024"},
      "groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 4}}, {"by": "participant"}]}"#;
    let out = jointwatch()
        .args(["series", "data/public-record.json", "--query", query])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let got: Value = serde_json::from_slice(&out).unwrap();
    let ds = jointwatch::public_record();
    let q: jointwatch::analysis::series::SeriesQuery = serde_json::from_str(query).unwrap();
    let want = jointwatch::analysis::series::series(&ds, &q).unwrap();
    assert_eq!(got, serde_json::to_value(&want).unwrap());
    jointwatch()
        .args([
            "series",
            "data/public-record.json",
            "--query",
            r#"{"groupBy": 3}"#,
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<query>"));
    jointwatch()
        .args([
            "series",
            "data/public-record.json",
            "--query",
            "@no/such/query.json",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read the query"));
}
