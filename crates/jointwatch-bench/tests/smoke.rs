//! A smoke run of the benchmark code inside `cargo test`: the generator at
//! 1 k records and one run of every benchmarked operation, with their
//! results checked for sense. No timing is asserted.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use jointwatch::analysis::series::Basis;
use jointwatch::assess::State;
use jointwatch::{Code, Dataset, Quantity, Severity};
use jointwatch_bench::workload;

fn thousand() -> &'static (Dataset, String) {
    static DS: OnceLock<(Dataset, String)> = OnceLock::new();
    DS.get_or_init(|| {
        let ds = jointwatch_bench::generate(workload::SEED, 1_000);
        let text = workload::to_json(&ds);
        (ds, text)
    })
}

#[test]
fn generated_datasets_validate_without_errors_at_any_size() {
    for n in [0, 1, 2, 7, 40, 1_000] {
        let ds = jointwatch_bench::generate(11, n);
        assert_eq!(ds.record_count(), n);
        let report = ds.validate();
        let unexpected: Vec<_> = report
            .findings
            .iter()
            // Statistics are drawn independently, so two may report on the
            // same period with different figures, as real collections do;
            // a few records are entered twice on purpose (`DOUBLE_ENTRY`).
            .filter(|f| {
                f.severity == Severity::Error
                    || !matches!(
                        f.code,
                        Code::UndatedRecord | Code::ConflictingFigures | Code::LikelyDuplicate
                    )
            })
            .collect();
        assert!(unexpected.is_empty(), "{n} records: {unexpected:#?}");
    }
}

/// Whether patrol or exercise `n` (by its path) repeats the one before it:
/// a double entry, as the generator makes them.
fn is_double_entry(ds: &Dataset, path: &str) -> bool {
    let (list, n) = path.trim_end_matches(']').split_once('[').unwrap();
    let n: usize = n.parse().unwrap();
    if n == 0 {
        return false;
    }
    match list {
        "exercises" => {
            let (a, b) = (&ds.exercises[n - 1], &ds.exercises[n]);
            (&a.name, &a.participants, &a.areas, a.dates)
                == (&b.name, &b.participants, &b.areas, b.dates)
        }
        "patrols" => {
            let (a, b) = (&ds.patrols[n - 1], &ds.patrols[n]);
            (&a.participants, &a.areas, a.dates, &a.route)
                == (&b.participants, &b.areas, b.dates, &b.route)
        }
        _ => false,
    }
}

#[test]
fn only_double_entries_and_a_few_chance_patrols_look_like_duplicates() {
    let records = 20_000;
    let ds = jointwatch_bench::generate(workload::SEED, records);
    let report = ds.validate();
    let paths: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.code == Code::LikelyDuplicate)
        .map(|f| f.path.as_str())
        .collect();
    let double = paths.iter().filter(|p| is_double_entry(&ds, p)).count();
    let by_chance = paths.len() - double;
    // The deliberate share, give or take the draw...
    let expected = jointwatch_bench::DOUBLE_ENTRY * (ds.exercises.len() + ds.patrols.len()) as f64;
    assert!(
        (double as f64) > expected / 2.0 && (double as f64) < expected * 2.0,
        "{double} double entries reported, about {expected} expected"
    );
    // ...every finding on an exercise is one (its name tells it apart)...
    assert!(paths
        .iter()
        .filter(|p| p.starts_with("exercises"))
        .all(|p| is_double_entry(&ds, p)));
    // ...and fewer happen by chance, so that at most 1 % of the records
    // resemble another.
    assert!(
        by_chance < double,
        "{by_chance} by chance, {double} double entries"
    );
    assert!(paths.len() * 100 <= records, "{} of {records}", paths.len());
}

#[test]
fn chunks_put_together_are_the_whole_dataset_with_its_double_entries() {
    let mut whole = Dataset::default();
    jointwatch_bench::generate_chunks(3, 3_000, 400, |part| {
        whole.title = whole.title.take().or(part.title);
        whole.description = whole.description.take().or(part.description);
        whole.sources.extend(part.sources);
        whole.areas.extend(part.areas);
        whole.exercises.extend(part.exercises);
        whole.patrols.extend(part.patrols);
        whole.statistics.extend(part.statistics);
        whole.scenarios.extend(part.scenarios);
        whole.indicators.extend(part.indicators);
        Ok::<(), ()>(())
    })
    .unwrap();
    assert_eq!(whole, jointwatch_bench::generate(3, 3_000));
    let paths = (1..whole.patrols.len()).map(|n| format!("patrols[{n}]"));
    assert!(paths.into_iter().any(|p| is_double_entry(&whole, &p)));
}

#[test]
fn the_generator_is_deterministic_per_seed() {
    let a = workload::to_json(&jointwatch_bench::generate(5, 300));
    let b = workload::to_json(&jointwatch_bench::generate(5, 300));
    let c = workload::to_json(&jointwatch_bench::generate(6, 300));
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn generated_data_has_the_variety_the_benchmarks_rely_on() {
    let (ds, _) = thousand();
    // Dates at every precision, some undated.
    let precisions: BTreeSet<_> = ds
        .exercises
        .iter()
        .filter_map(|e| e.dates)
        .map(|d| d.start.precision())
        .collect();
    assert_eq!(precisions.len(), 3);
    assert!(ds.exercises.iter().any(|e| e.dates.is_none()));
    let years: BTreeSet<i16> = ds
        .exercises
        .iter()
        .filter_map(|e| e.dates.map(|d| d.start.year()))
        .collect();
    // Decades of records, thinning out into the past.
    assert!(
        years.first() <= Some(&2000) && years.last() == Some(&2024),
        "{years:?}"
    );
    // Quantities in several uncertainty forms.
    let forms: BTreeSet<String> = ds
        .exercises
        .iter()
        .filter_map(|e| e.forces.personnel.as_ref().and_then(|f| f.first()))
        .map(|q| {
            format!("{q:?}")
                .split(['(', ' '])
                .next()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert!(forms.len() >= 5, "{forms:?}");
    // Routes, sequences, fiscal-year and per-year statistics, dataset areas.
    assert!(ds.patrols.iter().filter(|p| p.route.len() >= 2).count() > 200);
    assert!(ds.patrols.iter().any(|p| !p.numbering.is_empty()));
    assert!(ds.statistics.iter().any(|s| matches!(
        s.period,
        Some(jointwatch::Period::FiscalYear { first_month: 4, .. })
    )));
    assert!(ds.statistics.iter().any(
        |s| s.rate == jointwatch::Rate::PerYear && matches!(s.quantity, Quantity::Range { .. })
    ));
    assert!(ds
        .exercises
        .iter()
        .any(|e| e.areas.iter().any(|a| ds.areas.iter().any(|x| &x.id == a))));
    assert_eq!(ds.scenarios.len(), 9);
    assert!(ds.indicators.iter().any(|i| !i.observations.is_empty()));
}

#[test]
fn loading_matches_the_serde_floor_and_round_trips() {
    let (ds, text) = thousand();
    let (loaded, report) = workload::load_validate(text).expect("the generated text loads");
    assert!(!report.has_errors());
    assert_eq!(&loaded, ds);
    assert_eq!(
        &workload::parse_floor(text).expect("serde_json reads it"),
        ds
    );
    assert_eq!(workload::validate(&loaded), report);
}

#[test]
fn the_fiscal_year_query_counts_each_record_once_per_participant() {
    let (ds, _) = thousand();
    let s = workload::query(ds);
    // FY1999 (April 1999 – March 2000) through FY2024, for every participant key.
    let periods: BTreeSet<&str> = s.points.iter().map(|p| p.key[0].as_str()).collect();
    assert_eq!(periods.len(), 26, "{periods:?}");
    assert!(periods.contains("FY1999") && periods.contains("FY2024"));
    assert!(s.points.iter().all(|p| p.basis == Basis::Counted));
    let chn: f64 = s
        .points
        .iter()
        .filter(|p| p.key[1] == "CHN")
        .filter_map(|p| p.value.map(|v| v.point()))
        .sum();
    let placed_ids: BTreeSet<&str> = s
        .points
        .iter()
        .flat_map(|p| p.ids.iter().map(String::as_str))
        .collect();
    assert!(chn > 100.0, "{chn}");
    // A year-only date straddles two fiscal years, so some records are left unplaced, not guessed.
    assert!(!s.unplaced.is_empty());
    assert!(s
        .unplaced
        .iter()
        .all(|u| !placed_ids.contains(u.id.as_str())));
}

#[test]
fn trends_come_out_of_the_yearly_series() {
    let (ds, _) = thousand();
    let t = workload::trends(ds).expect("20 exact yearly counts");
    assert_eq!(t.year_over_year.len(), 20);
    let fit = t.least_squares.expect("a line through 20 points");
    assert!(
        fit.slope > 0.0,
        "China–Russia exercises grow in the generated data"
    );
    assert!(t.mann_kendall.is_some() && t.sens_slope.is_some());
}

#[test]
fn closest_approaches_measure_every_route() {
    let (ds, _) = thousand();
    let a = workload::closest_approaches(ds, &workload::approach_target());
    let routes = ds.patrols.iter().filter(|p| !p.route.is_empty()).count();
    assert_eq!(a.routes, routes);
    assert!(a.min_km >= 0.0 && a.min_km < 2_000.0, "{a:?}");
    assert!(a.total_km.is_finite() && a.total_km > 0.0);
}

#[test]
fn the_assessment_covers_the_nine_scenarios() {
    let (ds, _) = thousand();
    let a = workload::assessment(ds);
    assert_eq!(a.scenarios.len(), 9);
    assert!(a
        .scenarios
        .iter()
        .all(|s| (0.0..=1.0).contains(&s.probability)));
    let fired = a
        .indicators
        .iter()
        .filter(|i| i.state == State::Fired)
        .count();
    assert!(fired >= 3, "{fired} indicators fired");
}

#[test]
fn the_workload_file_carries_the_same_inputs() {
    let w = workload::workload_json();
    let q: jointwatch::analysis::series::SeriesQuery =
        serde_json::from_value(w["seriesQuery"].clone()).expect("a SeriesQuery");
    assert_eq!(q, workload::fiscal_year_query());
    let t: jointwatch::analysis::geography::Target =
        serde_json::from_value(w["target"].clone()).expect("a Target");
    assert_eq!(t, workload::approach_target());
}
