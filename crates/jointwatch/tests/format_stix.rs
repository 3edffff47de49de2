//! The STIX 2.1 export passes the OASIS `stix2-validator` with zero errors:
//! the seed dataset, the seed with the built-in catalogue and its
//! assessment, and every valid fixture.
//!
//! The only warnings accepted are the ones the mapping chooses knowingly
//! (see docs/stix.md): `{103}` ids are UUIDv5, not UUIDv4 (deterministic
//! ids), and `{302}` a source URL has no hash (a web page has none to give).
#![cfg(feature = "stix")]

mod external;

use jointwatch::assess::{assess, AssessOptions};
use jointwatch::format::stix::{self, StixOptions};
use jointwatch::Dataset;

const ACCEPTED_WARNINGS: [&str; 2] = ["{103}", "{302}"];

#[test]
fn bundles_pass_the_oasis_validator_with_zero_errors() {
    let dir = external::scratch("format-stix");
    let options = StixOptions::new("2024-12-31T00:00:00Z".parse().unwrap());
    let seed = jointwatch::seed();
    let completed = jointwatch::assess::catalogue::with_catalogue(&seed);
    let assessment = assess(&completed, &AssessOptions::default());
    assert!(
        !assessment.scenarios.is_empty(),
        "the catalogue gives the seed's scenarios priors, so there is an assessment to export"
    );
    let mut bundles = vec![
        ("seed".to_string(), stix::to_string(&seed, None, &options)),
        (
            "seed-assessed".to_string(),
            stix::to_string(&completed, Some(&assessment), &options),
        ),
    ];
    for f in external::fixtures("valid") {
        let ds = Dataset::from_json(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let a = assess(&ds, &AssessOptions::default());
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        bundles.push((name, stix::to_string(&ds, Some(&a), &options)));
    }
    let mut files = Vec::new();
    for (name, text) in &bundles {
        let path = dir.join(format!("{name}.stix.json"));
        std::fs::write(&path, text).unwrap();
        files.push(path);
    }
    // A negative control: an object without its required `spec_version`,
    // which the validator must report, so a silent validator cannot pass.
    let control = dir.join("control-broken.stix.json");
    let mut broken: serde_json::Value = serde_json::from_str(&bundles[0].1).unwrap();
    broken["objects"][0]
        .as_object_mut()
        .unwrap()
        .remove("spec_version");
    std::fs::write(&control, broken.to_string()).unwrap();
    let mut args = files.clone();
    args.push(control.clone());
    let Some((_, report)) = external::run("python3", "tests/formats/stix_validate.py", &args)
    else {
        return;
    };
    assert_eq!(
        report[control.to_str().unwrap()]["valid"],
        false,
        "the validator accepted an object without spec_version"
    );
    for f in &files {
        let r = &report[f.to_str().unwrap()];
        assert_eq!(
            r["errors"],
            serde_json::json!([]),
            "{}: {}",
            f.display(),
            serde_json::to_string_pretty(r).unwrap()
        );
        assert_eq!(r["valid"], true, "{}", f.display());
        let unexpected: Vec<&str> = r["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|w| w.as_str())
            .filter(|w| !ACCEPTED_WARNINGS.iter().any(|code| w.contains(code)))
            .collect();
        assert!(
            unexpected.is_empty(),
            "{}: unexpected warnings:\n{}",
            f.display(),
            unexpected.join("\n")
        );
    }
}

#[test]
fn the_assessment_becomes_notes_and_opinions_on_the_scenarios() {
    let completed = jointwatch::assess::catalogue::with_catalogue(&jointwatch::seed());
    let a = assess(&completed, &AssessOptions::default());
    let options = StixOptions::new("2024-12-31T00:00:00Z".parse().unwrap());
    let bundle = stix::export(&completed, Some(&a), &options);
    let objects = bundle["objects"].as_array().unwrap();
    for r in &a.scenarios {
        let note = objects
            .iter()
            .find(|o| {
                o["type"] == "note"
                    && o["abstract"]
                        .as_str()
                        .is_some_and(|s| s.starts_with(&format!("Assessment: {}", r.name)))
            })
            .unwrap_or_else(|| panic!("no assessment note for {}", r.id));
        assert!(note["abstract"].as_str().unwrap().contains(r.term.words()));
        let scenario_note = &note["object_refs"][0];
        let opinion = objects
            .iter()
            .find(|o| o["type"] == "opinion" && &o["object_refs"][0] == scenario_note)
            .unwrap();
        assert_eq!(opinion["opinion"], stix::opinion(r.term));
    }
}
