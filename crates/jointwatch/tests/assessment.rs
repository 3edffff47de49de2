//! The seed assessment's headline results, and proof that the report's
//! figures come from the data rather than from the code.

use jointwatch::analysis::series::{series, summarize, Basis, Field, SeriesQuery};
use jointwatch::analysis::superlative::largest;
use jointwatch::assess::catalogue::with_catalogue;
use jointwatch::assess::{assess, AssessOptions};
use jointwatch::brief::{brief, render_text};
use jointwatch::{Dataset, Quantity};

fn query(json: &str) -> SeriesQuery {
    serde_json::from_str(json).unwrap()
}

#[test]
fn reported_range_2014_2023_has_bounds_4_and_10() {
    let q = query(
        r#"{"filter": {"kinds": ["exercise"], "participantsAll": ["CHN", "RUS"], "from": "2014", "to": "2023"},
            "groupBy": [{"by": "period", "granularity": {"type": "year"}}], "reported": "jointExercises"}"#,
    );
    let s = series(&jointwatch::seed(), &q).unwrap();
    assert_eq!(s.points.len(), 10);
    assert!(s
        .points
        .iter()
        .all(|p| p.basis == Basis::Reported && p.counted == Some(Quantity::Exact(0.0))));
    let sum = summarize(&s).unwrap();
    assert_eq!((sum.min, sum.max), (4.0, Some(10.0)));
}

#[test]
fn fiscal_year_scramble_series_has_669_for_fy2023() {
    let b = brief(
        &jointwatch::seed(),
        &Default::default(),
        &Default::default(),
    );
    let fy = b
        .series
        .iter()
        .find(|v| v.query.reported == Some(jointwatch::Measure::Scrambles))
        .unwrap();
    let p = fy
        .series
        .points
        .iter()
        .find(|p| p.key == ["FY2023"])
        .unwrap();
    assert_eq!(p.value, Some(Quantity::Exact(669.0)));
    assert_eq!(p.basis, Basis::Reported);
}

#[test]
fn ocean_2024_is_the_largest_exercise_in_its_window() {
    let seed = jointwatch::seed();
    for field in [Field::Ships, Field::Aircraft, Field::Personnel] {
        let r = largest(&seed, field, 2024, 30);
        assert_eq!(r.leader.as_deref(), Some("ocean-2024"), "{field:?}");
    }
    let b = brief(&seed, &Default::default(), &Default::default());
    assert_eq!(b.claims.len(), 1);
    assert!(b.claims[0]
        .checks
        .iter()
        .all(|c| c.leader.as_deref() == Some("ocean-2024")));
}

#[test]
fn all_nine_scenarios_get_a_term_and_contributions_add_up() {
    let a = assess(
        &with_catalogue(&jointwatch::seed()),
        &AssessOptions::default(),
    );
    assert_eq!(a.scenarios.len(), 9);
    for s in &a.scenarios {
        assert_eq!(
            Some(s.term),
            jointwatch::assess::estimative::Term::of(s.probability),
            "{}",
            s.id
        );
        let sum: f64 = s.contributions.iter().map(|c| c.log_odds).sum();
        let posterior = (s.probability / (1.0 - s.probability)).ln();
        assert!((posterior - s.log_odds).abs() < 1e-9);
        assert!(
            (s.log_odds - s.prior_log_odds - sum).abs() < 1e-12,
            "{}",
            s.id
        );
    }
}

/// Change every headline figure of the seed and check the report follows.
#[test]
fn no_figure_in_the_report_is_written_into_the_code() {
    let text = jointwatch::SEED_JSON
        .replace(r#""quantity": 669"#, r#""quantity": 701"#)
        .replace(
            r#""quantity": {"min": 4, "max": 10}"#,
            r#""quantity": {"min": 3, "max": 12}"#,
        )
        .replace(r#""personnel": 90000"#, r#""personnel": 95500"#)
        .replace(r#""ships": {"over": 400}"#, r#""ships": {"over": 410}"#);
    let changed = Dataset::from_json(&text).unwrap();
    let original = jointwatch::seed();
    let render =
        |ds: &Dataset| render_text(ds, &brief(ds, &Default::default(), &Default::default()));
    let (before, after) = (render(&original), render(&changed));
    for old in ["669", "4–10", "90000", "over 400"] {
        assert!(before.contains(old), "{old} missing from the seed report");
        assert!(
            !after.contains(old),
            "{old} still printed after the data changed"
        );
    }
    for new in [
        "701",
        "3–12",
        "95500",
        "over 410",
        "lowest 3 and highest 12",
    ] {
        assert!(after.contains(new), "{new} not printed");
    }
}
