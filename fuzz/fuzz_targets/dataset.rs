//! Dataset JSON → load → validate → query → assess → brief → GeoJSON and STIX, on arbitrary bytes.
#![no_main]

use jointwatch::assess::{assess, AssessOptions};
use jointwatch::analysis::series::{series, summarize, trends, SeriesQuery};
use jointwatch::assess::catalogue;
use jointwatch::{Dataset, ValidateOptions};
use libfuzzer_sys::fuzz_target;

const QUERIES: &[&str] = &[
    r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}], "reported": "jointExercises"}"#,
    r#"{"groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 4}}, {"by": "participant"}], "filter": {"participantsAny": ["CHN"]}}"#,
    r#"{"groupBy": [{"by": "area"}], "aggregate": {"op": "sum", "field": "ships"}}"#,
    r#"{"groupBy": [{"by": "period", "granularity": {"type": "month"}}, {"by": "platform"}], "aggregate": {"op": "max", "field": "platforms"}}"#,
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(ds) = Dataset::from_json(text) else { return };
    let _ = ds.validate_with(&ValidateOptions { strict: true, ignore: vec![] });
    for q in QUERIES {
        let q: SeriesQuery = serde_json::from_str(q).expect("fixed query parses");
        if let Ok(s) = series(&ds, &q) {
            let _ = summarize(&s);
            let _ = trends(&s);
        }
    }
    let full = catalogue::with_catalogue(&ds);
    let _ = assess(&full, &AssessOptions::default());
    let b = jointwatch::brief::brief(&ds, &Default::default(), &Default::default());
    let _ = jointwatch::brief::render_text(&ds, &b);
    let _ = Dataset::from_json(&ds.to_json());
    // The export formats take held datasets as they are (`jointwatch/formats`).
    let _ = jointwatch::format::geojson::to_string(&ds);
    let options = jointwatch::format::stix::StixOptions::new(jiff::Timestamp::UNIX_EPOCH);
    let _ = jointwatch::format::stix::to_string(&full, None, &options);
});
