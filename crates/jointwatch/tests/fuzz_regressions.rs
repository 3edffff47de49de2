//! Inputs on which a fuzzer found a crash, kept under
//! `tests/fuzz-regressions/<target>/` and run through the same pipeline as
//! the fuzz target that found them: they must finish without a panic. See
//! docs/testing.md. Each must also finish in bounded time and memory: a
//! `dataset` input once made Sen's slope allocate 2.4 GB.

use std::fs;
use std::path::Path;

use jointwatch::analysis::series::{series, summarize, trends, SeriesQuery};
use jointwatch::assess::catalogue;
use jointwatch::assess::{assess, AssessOptions};
use jointwatch::{Dataset, Limits, ValidateOptions};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fuzz-regressions");

/// The same queries as fuzz/fuzz_targets/dataset.rs.
const QUERIES: &[&str] = &[
    r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}], "reported": "jointExercises"}"#,
    r#"{"groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 4}}, {"by": "participant"}], "filter": {"participantsAny": ["CHN"]}}"#,
    r#"{"groupBy": [{"by": "area"}], "aggregate": {"op": "sum", "field": "ships"}}"#,
    r#"{"groupBy": [{"by": "period", "granularity": {"type": "month"}}, {"by": "platform"}], "aggregate": {"op": "max", "field": "platforms"}}"#,
];

fn dataset_pipeline(bytes: &[u8]) {
    let Ok(ds) = Dataset::from_json_bytes(bytes, &Limits::default()) else {
        return;
    };
    let _ = ds.validate_with(&ValidateOptions {
        strict: true,
        ignore: vec![],
    });
    for q in QUERIES {
        let q: SeriesQuery = serde_json::from_str(q).unwrap();
        if let Ok(s) = series(&ds, &q) {
            let _ = summarize(&s);
            let _ = trends(&s);
        }
    }
    let _ = assess(&catalogue::with_catalogue(&ds), &AssessOptions::default());
    let b = jointwatch::brief::brief(&ds, &Default::default(), &Default::default());
    let _ = jointwatch::brief::render_text(&ds, &b);
}

fn each(target: &str, run: fn(&[u8])) -> usize {
    let dir = Path::new(DIR).join(target);
    let Ok(entries) = fs::read_dir(&dir) else {
        return 0;
    };
    let mut n = 0;
    for e in entries {
        let path = e.unwrap().path();
        run(&fs::read(&path).unwrap());
        n += 1;
    }
    n
}

#[test]
fn fuzz_regression_inputs_run_without_panic() {
    // Always at least the seed, so the pipeline itself is exercised.
    dataset_pipeline(jointwatch::SEED_JSON.as_bytes());
    let n = each("dataset", dataset_pipeline);
    eprintln!("{n} dataset regression input(s)");
}

/// The fuzz targets' format 2.0 seeds (`fuzz/seeds/dataset/`: every new part
/// of the format, valid and not) run through the same pipeline without a
/// panic, so a seed that breaks it is noticed without a fuzzer.
#[test]
fn format_2_seeds_run_without_panic() {
    let dir = Path::new(DIR).join("../../fuzz/seeds/dataset");
    let mut n = 0;
    for e in fs::read_dir(&dir).unwrap() {
        dataset_pipeline(&fs::read(e.unwrap().path()).unwrap());
        n += 1;
    }
    assert!(n >= 5, "{n} seeds in {}", dir.display());
}
