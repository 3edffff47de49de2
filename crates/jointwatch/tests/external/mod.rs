//! Runs the independent validators in `tests/formats/` (Python `jsonschema`,
//! OASIS `stix2-validator`, npm `@mapbox/geojsonhint`), which
//! `scripts/setup` installs.
//!
//! A missing validator fails the test with a hint to run `scripts/setup`,
//! unless `JOINTWATCH_SKIP_EXTERNAL=1` is set, in which case the test says
//! loudly that it skipped the check.

#![allow(dead_code)] // each test binary uses part of this module

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every `.json` file in a fixtures folder (not the `.expected.json`
/// sidecars), sorted.
pub fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = repo().join("tests/fixtures").join(kind);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        name.ends_with(".json") && !name.ends_with(".expected.json")
    });
    v.sort();
    v
}

/// Runs a validator script; `None` when it is missing and skipping is
/// allowed. Exit code 2 means "not installed".
pub fn run(program: &str, script: &str, args: &[PathBuf]) -> Option<(i32, serde_json::Value)> {
    let out = Command::new(program)
        .arg(repo().join(script))
        .args(args)
        .output();
    let missing = |why: String| {
        if std::env::var("JOINTWATCH_SKIP_EXTERNAL").as_deref() == Ok("1") {
            eprintln!("SKIPPED (JOINTWATCH_SKIP_EXTERNAL=1): {why}");
            None
        } else {
            panic!("{why}; run scripts/setup (or set JOINTWATCH_SKIP_EXTERNAL=1 to skip)")
        }
    };
    let out = match out {
        Ok(o) => o,
        Err(e) => return missing(format!("cannot run {program}: {e}")),
    };
    let code = out.status.code().unwrap_or(-1);
    if code == 2 {
        return missing(format!(
            "{script} reports a missing validator: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "{script} printed no JSON ({e}); stdout: {stdout}; stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    Some((code, value))
}
