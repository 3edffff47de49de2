//! Tests written against the mutants `cargo mutants` found in `src/assess.rs`
//! (see docs/testing.md). Every document is built here; every probability,
//! weight and count is worked out by hand in the comments.

use jiff::civil::date;
use jointwatch::assess::estimative::Term;
use jointwatch::assess::{
    assess, credibility_weight, evaluate, latest_date, AssessOptions, Assessment, Confidence,
    IndicatorResult, Rating, ScenarioResult, State, PRIOR_CLAMP,
};
use jointwatch::{Credibility, Dataset, Grading, Reliability};

const EPS: f64 = 1e-12;

/// Sources named by their grading: `g-b2` is reliability B, credibility 2.
const SOURCES: &str = r#"[
    {"id": "g-a1", "title": "t", "reliability": "A", "credibility": 1},
    {"id": "g-a2", "title": "t", "reliability": "A", "credibility": 2},
    {"id": "g-b2", "title": "t", "reliability": "B", "credibility": 2},
    {"id": "g-b3", "title": "t", "reliability": "B", "credibility": 3},
    {"id": "g-c1", "title": "t", "reliability": "C", "credibility": 1},
    {"id": "g-c3", "title": "t", "reliability": "C", "credibility": 3},
    {"id": "g-c4", "title": "t", "reliability": "C", "credibility": 4},
    {"id": "g-d2", "title": "t", "reliability": "D", "credibility": 2},
    {"id": "g-d3", "title": "t", "reliability": "D", "credibility": 3},
    {"id": "g-e2", "title": "t", "reliability": "E", "credibility": 2},
    {"id": "g-f6", "title": "t", "reliability": "F", "credibility": 6}]"#;

fn doc(body: &str) -> Dataset {
    let json = format!(r#"{{"formatVersion": "1.0", "sources": {SOURCES}, {body}}}"#);
    Dataset::from_json(&json).unwrap_or_else(|e| panic!("{e}\n{json}"))
}

fn as_of(d: &str) -> AssessOptions {
    AssessOptions {
        as_of: Some(d.parse().unwrap()),
        ..Default::default()
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < EPS
}

/// An observed indicator: fired (value 1 against a threshold of 1) or not
/// (value 0), its one observation citing `source`; `None` leaves it unobserved.
fn observed(id: &str, value: Option<f64>, source: &str, bears_on: &str) -> String {
    let obs = match value {
        Some(v) => format!(r#"[{{"date": "2024-01-01", "value": {v}, "sources": ["{source}"]}}]"#),
        None => "[]".to_string(),
    };
    format!(
        r#"{{"id": "{id}", "name": "{id}", "metric": {{"type": "observed"}},
            "rule": {{"direction": "atLeast", "threshold": 1}},
            "bearsOn": [{bears_on}], "observations": {obs}}}"#
    )
}

fn bearing(scenario: &str, if_fired: f64, if_not_fired: f64) -> String {
    format!(r#"{{"scenario": "{scenario}", "ifFired": {if_fired}, "ifNotFired": {if_not_fired}}}"#)
}

fn scenario(id: &str, prior: f64) -> String {
    format!(r#"{{"id": "{id}", "name": "{id}", "description": "d", "prior": {prior}}}"#)
}

fn only(a: &Assessment, id: &str) -> ScenarioResult {
    a.scenarios
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no scenario {id}"))
        .clone()
}

// ---------------------------------------------------------------------------
// Ratings and weights

#[test]
fn ratings_follow_the_ratio_on_both_sides_of_each_boundary() {
    let cases = [
        (10.0, Rating::CC),
        (3.0, Rating::CC),
        (2.999, Rating::C),
        (1.5, Rating::C),
        (1.000001, Rating::C),
        (1.0, Rating::N),
        (0.999999, Rating::I),
        (0.5, Rating::I),
        (0.34, Rating::I),
        (1.0 / 3.0, Rating::II),
        (0.3, Rating::II),
        (0.01, Rating::II),
    ];
    for (lr, rating) in cases {
        assert_eq!(Rating::of_ratio(lr), rating, "{lr}");
    }
    let scores: Vec<f64> = [
        Rating::CC,
        Rating::C,
        Rating::N,
        Rating::I,
        Rating::II,
        Rating::NA,
    ]
    .iter()
    .map(|r| r.inconsistency())
    .collect();
    assert_eq!(scores, [0.0, 0.0, 0.0, 1.0, 2.0, 0.0]);
}

#[test]
fn credibility_weight_is_the_product_of_the_two_factors() {
    let rel = [
        (Reliability::A, 1.0),
        (Reliability::B, 0.9),
        (Reliability::C, 0.75),
        (Reliability::D, 0.5),
        (Reliability::E, 0.25),
        (Reliability::F, 0.5),
    ];
    let cred = [
        (Credibility::Confirmed, 1.0),
        (Credibility::ProbablyTrue, 0.9),
        (Credibility::PossiblyTrue, 0.75),
        (Credibility::Doubtful, 0.5),
        (Credibility::Improbable, 0.25),
        (Credibility::CannotBeJudged, 0.5),
    ];
    for (r, rf) in rel {
        for (c, cf) in cred {
            let w = credibility_weight(&Grading {
                reliability: r,
                credibility: c,
            });
            assert!(close(w, rf * cf), "{r:?}{c:?}: {w}");
        }
    }
}

// ---------------------------------------------------------------------------
// The assessment date

#[test]
fn the_latest_date_comes_from_records_statistics_sources_and_observations() {
    // Undated sources and no records: no date at all.
    assert_eq!(latest_date(&doc(r#""exercises": []"#)), None);
    let empty = Dataset::from_json(r#"{"formatVersion": "1.0"}"#).unwrap();
    assert_eq!(latest_date(&empty), None);
    assert_eq!(
        assess(&empty, &AssessOptions::default()).as_of,
        "9999-12-31"
    );

    let ex = r#"{"id": "e", "name": "e", "participants": ["CHN", "RUS"], "dates": "2024-03", "sources": ["g-b2"]}"#;
    let ds = doc(&format!(r#""exercises": [{ex}]"#));
    assert_eq!(latest_date(&ds), Some(date(2024, 3, 31)));
    let a = assess(&ds, &AssessOptions::default());
    assert_eq!(a.as_of, "2024-03-31");

    let ds = doc(&format!(
        r#""exercises": [{ex}], "statistics": [{{"id": "st", "label": "l", "measure": "other",
            "period": {{"type": "quarter", "year": 2024, "quarter": 2}}, "quantity": 1}}]"#
    ));
    assert_eq!(latest_date(&ds), Some(date(2024, 6, 30)));

    let json = format!(
        r#"{{"formatVersion": "1.0", "sources": [{{"id": "late", "title": "t", "date": "2024-05-02", "reliability": "B", "credibility": 2}}],
            "exercises": [{ex}]}}"#
    );
    assert_eq!(
        latest_date(&Dataset::from_json(&json).unwrap()),
        Some(date(2024, 5, 2))
    );

    let ds = doc(&format!(
        r#""exercises": [{ex}], "scenarios": [{}], "indicators": [{{"id": "i", "name": "i", "metric": {{"type": "observed"}},
            "rule": {{"direction": "atLeast", "threshold": 1}}, "bearsOn": [{}],
            "observations": [{{"date": "2024-08", "value": 0}}, {{"date": "2023", "value": 0}}]}}]"#,
        scenario("h", 0.5),
        bearing("h", 2.0, 0.5)
    ));
    assert_eq!(latest_date(&ds), Some(date(2024, 8, 31)));
}

// ---------------------------------------------------------------------------
// Evaluating indicators

fn indicator_of(ds: &Dataset, id: &str) -> jointwatch::Indicator {
    ds.indicators.iter().find(|i| i.id == id).unwrap().clone()
}

/// Records around a one-year window ending 2024-06-30, which starts 2023-07-01.
fn window_doc(window: &str) -> Dataset {
    let ex = |id: &str, dates: &str, source: &str| {
        let dates = if dates.is_empty() {
            String::new()
        } else {
            format!(r#""dates": {dates},"#)
        };
        format!(
            r#"{{"id": "{id}", "name": "{id}", "participants": ["CHN", "RUS"], "domains": ["naval"], {dates} "sources": ["{source}"]}}"#
        )
    };
    doc(&format!(
        r#""exercises": [{}, {}, {}, {}, {}, {}, {}, {}, {}],
           "statistics": [{{"id": "st", "label": "l", "measure": "jointExercises",
             "period": {{"type": "calendarYear", "year": 2024}}, "quantity": 50, "sources": ["g-a1"]}}],
           "scenarios": [{}],
           "indicators": [{{"id": "count", "name": "count", "metric": {{"type": "count", "filter": {{}} {window}}},
             "rule": {{"direction": "atLeast", "threshold": 3}}, "bearsOn": [{}], "tags": ["other", "illustrative"]}}]"#,
        ex("w1", r#""2023-06-30""#, "g-a1"),
        ex("w2", r#""2023-07-01""#, "g-c3"),
        ex("w3", r#""2024-06-30""#, "g-b2"),
        ex("w4", r#""2024-07-01""#, "g-a1"),
        ex("w5", r#""2023""#, "g-b2"),
        ex("w6", r#""2024""#, "g-b3"),
        ex("w7", "", "g-c3"),
        ex("w8", r#""2025""#, "g-a1"),
        ex(
            "w9",
            r#"{"start": "2023-06-29", "end": "2023-07-02"}"#,
            "g-a1"
        ),
        scenario("h", 0.5),
        bearing("h", 2.0, 0.5)
    ))
}

#[test]
fn a_count_in_a_window_separates_sure_records_from_possible_ones() {
    let ds = window_doc(r#", "windowYears": 1"#);
    let ind = indicator_of(&ds, "count");
    let r = evaluate(&ds, &ind, date(2024, 6, 30));
    // w1 and w9 start before 2023-07-01, w4 and w8 after 2024-06-30: left out.
    // w2 (on the first day) and w3 (on the last) are sure; w5 ("2023") and
    // w6 ("2024") straddle an edge and w7 has no date: they may count.
    assert_eq!(r.evidence, ["w2", "w3", "w5", "w6", "w7"]);
    assert_eq!(
        r.value,
        Some(jointwatch::Quantity::Range { min: 2.0, max: 5.0 })
    );
    assert_eq!(r.state, State::Unknown);
    assert!(!r.watch);
    assert_eq!(r.grading.as_deref(), Some("B2"));
    assert!(r.illustrative);
    assert_eq!(r.id, "count");
    assert_eq!(
        r.note,
        "records matching the filter that started in the 1 year(s) to 2024-06-30; 3 more may fall in the window (imprecise or missing dates)"
    );
    // As of the end of 2025 the window starts on 2025-01-01: w8 ("2025") is
    // sure, w7 (undated) may count, w6 ("2024") has ended before it.
    let r = evaluate(&ds, &ind, date(2025, 12, 31));
    assert_eq!(r.evidence, ["w8", "w7"]);
    assert_eq!(
        r.value,
        Some(jointwatch::Quantity::Range { min: 1.0, max: 2.0 })
    );
    assert_eq!(r.grading.as_deref(), Some("A1"));
}

#[test]
fn a_count_without_a_window_takes_everything_started_by_the_date() {
    let ds = window_doc("");
    let ind = indicator_of(&ds, "count");
    let r = evaluate(&ds, &ind, date(2024, 6, 30));
    // Everything started by 2024-06-30 except w6 ("2024", may be later) and w7 (undated).
    assert_eq!(r.evidence, ["w1", "w2", "w3", "w5", "w9", "w6", "w7"]);
    assert_eq!(
        r.value,
        Some(jointwatch::Quantity::Range { min: 5.0, max: 7.0 })
    );
    assert_eq!(r.state, State::Fired, "even the lower bound 5 reaches 3");
    assert_eq!(
        r.note,
        "records matching the filter that started by 2024-06-30; 2 more may fall in the window (imprecise or missing dates)"
    );
    // Only the sure ones, as of the end of 2025: an exact count and a short note.
    let mut ds = ds;
    ds.exercises.retain(|e| e.id != "w7");
    let r = evaluate(&ds, &ind, date(2025, 12, 31));
    assert_eq!(r.value, Some(jointwatch::Quantity::Exact(8.0)));
    assert_eq!(
        r.note,
        "records matching the filter that started by 2025-12-31"
    );
    assert_eq!(r.grading.as_deref(), Some("A1"));
}

fn bounds_doc(quantity: &str, rule: &str, extra_statistics: &str) -> Dataset {
    doc(&format!(
        r#""statistics": [{{"id": "st", "label": "the figure", "measure": "other",
             "period": {{"type": "month", "year": 2024, "month": 6}}, "quantity": {quantity}, "sources": ["g-c3", "g-b3"]}}
             {extra_statistics}],
           "scenarios": [{}],
           "indicators": [{{"id": "rep", "name": "rep", "metric": {{"type": "reported", "measure": "other"}},
             "rule": {rule}, "bearsOn": [{}]}}]"#,
        scenario("h", 0.5),
        bearing("h", 2.0, 0.5)
    ))
}

fn state_of(quantity: &str, rule: &str) -> (State, bool) {
    let ds = bounds_doc(quantity, rule, "");
    let r = evaluate(&ds, &ds.indicators[0], date(2024, 12, 31));
    (r.state, r.watch)
}

#[test]
fn at_least_rules_fire_on_the_lower_bound_and_clear_on_the_upper() {
    let rule = r#"{"direction": "atLeast", "threshold": 3, "watch": 2}"#;
    let cases = [
        ("3", (State::Fired, false)),
        ("4", (State::Fired, false)),
        (r#"{"min": 3, "max": 9}"#, (State::Fired, false)),
        ("2", (State::NotFired, true)),
        ("1", (State::NotFired, false)),
        (r#"{"min": 2, "max": 2.5}"#, (State::NotFired, true)),
        // Up to 3 might reach the threshold; under 3 cannot.
        (r#"{"min": 1, "max": 3}"#, (State::Unknown, false)),
        (r#"{"atMost": 3}"#, (State::Unknown, false)),
        (r#"{"under": 3}"#, (State::NotFired, false)),
        (r#"{"under": 5}"#, (State::Unknown, false)),
        (r#"{"atLeast": 1}"#, (State::Unknown, false)),
        (r#"{"over": 2}"#, (State::Unknown, false)),
    ];
    for (q, expected) in cases {
        assert_eq!(state_of(q, rule), expected, "{q}");
    }
    // Without a watch level there is no watch.
    let rule = r#"{"direction": "atLeast", "threshold": 3}"#;
    assert_eq!(state_of("2", rule), (State::NotFired, false));
}

#[test]
fn at_most_rules_fire_on_the_upper_bound_and_clear_on_the_lower() {
    let rule = r#"{"direction": "atMost", "threshold": 3, "watch": 4}"#;
    let cases = [
        ("3", (State::Fired, false)),
        ("2", (State::Fired, false)),
        (r#"{"atMost": 3}"#, (State::Fired, false)),
        (r#"{"under": 3}"#, (State::Fired, false)),
        ("4", (State::NotFired, true)),
        ("5", (State::NotFired, false)),
        (r#"{"min": 3.5, "max": 4}"#, (State::NotFired, true)),
        (r#"{"min": 3.5, "max": 4.5}"#, (State::NotFired, false)),
        // "Over 3" is above 3; "at least 3" may be exactly 3.
        (r#"{"over": 3}"#, (State::NotFired, false)),
        (r#"{"atLeast": 3}"#, (State::Unknown, false)),
        (r#"{"over": 2}"#, (State::Unknown, false)),
        (r#"{"min": 2, "max": 5}"#, (State::Unknown, false)),
    ];
    for (q, expected) in cases {
        assert_eq!(state_of(q, rule), expected, "{q}");
    }
}

#[test]
fn a_reported_metric_takes_the_latest_statistic_of_its_measure_by_the_date() {
    let extra = r#", {"id": "old", "label": "older figure", "measure": "other", "period": {"type": "calendarYear", "year": 2020}, "quantity": 1, "sources": ["g-a1"]},
        {"id": "future", "label": "later figure", "measure": "other", "period": {"type": "month", "year": 2024, "month": 7}, "quantity": 7, "sources": ["g-a1"]},
        {"id": "scr", "label": "another measure", "measure": "scrambles", "period": {"type": "month", "year": 2024, "month": 6}, "quantity": 99, "sources": ["g-a1"]}"#;
    let ds = bounds_doc("5", r#"{"direction": "atLeast", "threshold": 3}"#, extra);
    let ind = &ds.indicators[0];
    // On the last day of June 2024, the June figure is the latest.
    let r = evaluate(&ds, ind, date(2024, 6, 30));
    assert_eq!(r.value, Some(jointwatch::Quantity::Exact(5.0)));
    assert_eq!(r.evidence, ["st"]);
    assert_eq!(r.note, "latest reported figure: the figure");
    assert_eq!(r.grading.as_deref(), Some("B3"));
    assert_eq!(r.state, State::Fired);
    assert!(!r.illustrative);
    // A day earlier the June figure is not complete yet.
    let r = evaluate(&ds, ind, date(2024, 6, 29));
    assert_eq!(r.evidence, ["old"]);
    assert_eq!(r.state, State::NotFired);
    let r = evaluate(&ds, ind, date(2019, 12, 31));
    assert_eq!(r.value, None);
    assert_eq!(r.state, State::Unknown);
    assert_eq!(r.grading, None);
    assert!(r.evidence.is_empty());
    assert_eq!(
        r.note,
        "no statistic of this measure reported by 2019-12-31"
    );
}

#[test]
fn an_observed_metric_takes_the_latest_observation_begun_by_the_date() {
    let ds = doc(&format!(
        r#""scenarios": [{}], "indicators": [{{"id": "o", "name": "o", "metric": {{"type": "observed"}},
            "rule": {{"direction": "atLeast", "threshold": 2}}, "bearsOn": [{}],
            "observations": [
              {{"date": "2024-06-30", "value": 3, "sources": ["g-d3", "g-c4"]}},
              {{"date": "2024-07", "value": 1, "note": "quiet month", "sources": ["g-a1"]}},
              {{"date": "2023", "value": 0, "sources": ["g-e2"]}}]}}]"#,
        scenario("h", 0.5),
        bearing("h", 2.0, 0.5)
    ));
    let ind = &ds.indicators[0];
    let r = evaluate(&ds, ind, date(2024, 6, 30));
    assert_eq!(r.value, Some(jointwatch::Quantity::Exact(3.0)));
    assert_eq!(r.evidence, ["o/observations[0]"]);
    assert_eq!(r.note, "observed 2024-06-30");
    assert_eq!(r.grading.as_deref(), Some("C4"));
    assert_eq!(r.state, State::Fired);
    let r = evaluate(&ds, ind, date(2024, 7, 1));
    assert_eq!(r.evidence, ["o/observations[1]"]);
    assert_eq!(r.note, "quiet month");
    assert_eq!(r.state, State::NotFired);
    let r = evaluate(&ds, ind, date(2024, 6, 29));
    assert_eq!(r.evidence, ["o/observations[2]"]);
    let r = evaluate(&ds, ind, date(2022, 12, 31));
    assert_eq!(r.value, None);
    assert_eq!(r.note, "no observation recorded by 2022-12-31");
}

// ---------------------------------------------------------------------------
// The Bayesian update

#[test]
fn odds_move_by_each_ratio_and_the_unknown_is_what_would_change() {
    // Prior 0.2 (odds 1/4). `up` fired (×3), `down` did not (×0.5), `open` unknown.
    // Posterior odds 0.375, probability 3/11 (unlikely).
    // If `open` fired (×4): odds 1.5, p 0.6 (likely); if not (×0.25): 0.09375, p 0.0857 (very unlikely).
    let ds = doc(&format!(
        r#""scenarios": [{}], "indicators": [{}, {}, {}]"#,
        scenario("h", 0.2),
        observed("down", Some(0.0), "g-b2", &bearing("h", 2.0, 0.5)),
        observed("up", Some(1.0), "g-b2", &bearing("h", 3.0, 0.9)),
        observed("open", None, "g-b2", &bearing("h", 4.0, 0.25)),
    ));
    let a = assess(&ds, &as_of("2024-12-31"));
    let s = only(&a, "h");
    assert_eq!(s.prior, 0.2);
    assert!(close(s.prior_log_odds, 0.25f64.ln()));
    assert!(close(s.log_odds, 0.375f64.ln()), "{}", s.log_odds);
    assert!(close(s.probability, 3.0 / 11.0), "{}", s.probability);
    assert_eq!(s.term, Term::Unlikely);
    assert_eq!(s.prior_term, Term::Unlikely, "0.20 itself is unlikely");
    let contributions: Vec<(&str, Option<State>, f64)> = s
        .contributions
        .iter()
        .map(|c| (c.indicator.as_str(), c.state, c.likelihood_ratio))
        .collect();
    assert_eq!(
        contributions,
        [
            ("up", Some(State::Fired), 3.0),
            ("down", Some(State::NotFired), 0.5),
            ("open", Some(State::Unknown), 1.0)
        ]
    );
    assert!(close(s.contributions[0].log_odds, 3f64.ln()));
    assert!(close(s.contributions[1].log_odds, 0.5f64.ln()));
    assert_eq!(s.contributions[2].log_odds, 0.0);
    let w = s.what_would_change.unwrap();
    assert_eq!(w.indicator, "open");
    assert!(close(w.if_fired, 0.6), "{}", w.if_fired);
    assert!(
        close(w.if_not_fired, 0.09375 / 1.09375),
        "{}",
        w.if_not_fired
    );
    assert_eq!(w.if_fired_term, Term::Likely);
    assert_eq!(w.if_not_fired_term, Term::VeryUnlikely);
    assert!(w.changes_term);
    // Both observations cite the one source g-b2: one independent source, low.
    assert_eq!(s.confidence, Confidence::Low);
    assert_eq!(
        s.confidence_reason,
        "2 of 3 bearing indicator(s) observed, 2 counted after pooling dependent evidence; 1 independent source(s), 1 graded B2 or better, 1 graded C3 or better"
    );
}

#[test]
fn what_would_change_says_whether_either_outcome_moves_the_term() {
    // Prior 0.5 (odds 1, roughly even) and one unknown indicator each.
    let ds = doc(&format!(
        r#""scenarios": [{}, {}, {}, {}], "indicators": [{}]"#,
        scenario("fires-only", 0.5),
        scenario("clears-only", 0.5),
        scenario("neither", 0.5),
        scenario("none-unknown", 0.5),
        observed(
            "open",
            None,
            "g-b2",
            &[
                bearing("fires-only", 4.0, 1.0),
                bearing("clears-only", 1.0, 0.25),
                bearing("neither", 1.1, 0.95),
            ]
            .join(",")
        ),
    ));
    let a = assess(&ds, &as_of("2024-12-31"));
    let w = only(&a, "fires-only").what_would_change.unwrap();
    assert!(close(w.if_fired, 0.8) && close(w.if_not_fired, 0.5));
    assert_eq!(
        (w.if_fired_term, w.if_not_fired_term, w.changes_term),
        (Term::Likely, Term::RoughlyEvenChance, true)
    );
    let w = only(&a, "clears-only").what_would_change.unwrap();
    assert!(close(w.if_fired, 0.5) && close(w.if_not_fired, 0.2));
    assert_eq!(
        (w.if_fired_term, w.if_not_fired_term, w.changes_term),
        (Term::RoughlyEvenChance, Term::Unlikely, true)
    );
    let w = only(&a, "neither").what_would_change.unwrap();
    assert!(close(w.if_fired, 1.1 / 2.1) && close(w.if_not_fired, 0.95 / 1.95));
    assert!(!w.changes_term);
    assert_eq!(only(&a, "none-unknown").what_would_change, None);
    assert_eq!(only(&a, "none-unknown").contributions, []);
    assert!(close(only(&a, "none-unknown").probability, 0.5));
}

#[test]
fn priors_of_zero_and_one_are_kept_just_inside_so_evidence_can_move_them() {
    let ds = doc(&format!(
        r#""scenarios": [{}, {}, {}, {}, {{"id": "none", "name": "n", "description": "d"}}],
           "indicators": [{}]"#,
        scenario("certain", 1.0),
        scenario("impossible", 0.0),
        scenario("beyond", 1.5),
        scenario("below", -0.5),
        observed(
            "up",
            Some(1.0),
            "g-b2",
            &[
                bearing("certain", 0.5, 1.0),
                bearing("impossible", 2.0, 1.0)
            ]
            .join(",")
        ),
    ));
    let a = assess(&ds, &as_of("2024-12-31"));
    let upper = (1.0 - PRIOR_CLAMP) / PRIOR_CLAMP;
    let c = only(&a, "certain");
    assert_eq!(c.prior, 1.0);
    assert!(close(c.prior_log_odds, upper.ln()), "{}", c.prior_log_odds);
    assert!(close(c.log_odds, (upper * 0.5).ln()));
    assert!(close(c.probability, 499.5 / 500.5));
    let i = only(&a, "impossible");
    assert!(close(i.prior_log_odds, -upper.ln()));
    assert!(close(i.probability, 2.0 / 1001.0), "{}", i.probability);
    let skipped: Vec<(&str, &str)> = a
        .skipped
        .iter()
        .map(|s| (s.id.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            ("beyond", "no prior (or one outside 0–1): nothing to update"),
            ("below", "no prior (or one outside 0–1): nothing to update"),
            ("none", "no prior (or one outside 0–1): nothing to update"),
        ]
    );
    assert_eq!(a.scenarios.len(), 2);
}

#[test]
fn bearings_with_invalid_ratios_are_skipped_and_not_counted() {
    let ds = doc(&format!(
        r#""scenarios": [{}], "indicators": [{}, {}, {}, {}]"#,
        scenario("h", 0.5),
        observed("good", Some(1.0), "g-b2", &bearing("h", 2.0, 0.5)),
        observed("zero-fired", Some(1.0), "g-b2", &bearing("h", 0.0, 0.5)),
        observed(
            "negative-not-fired",
            Some(1.0),
            "g-b2",
            &bearing("h", 2.0, -1.0)
        ),
        observed("infinite", Some(1.0), "g-b2", &bearing("h", 2.0, 0.5)),
    ));
    let mut ds = ds;
    ds.indicators[3].bears_on[0].if_fired = f64::INFINITY;
    let a = assess(&ds, &as_of("2024-12-31"));
    let skipped: Vec<(&str, &str)> = a
        .skipped
        .iter()
        .map(|s| (s.id.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            ("zero-fired", "invalid likelihood ratio for h"),
            ("negative-not-fired", "invalid likelihood ratio for h"),
            ("infinite", "invalid likelihood ratio for h"),
        ]
    );
    let s = only(&a, "h");
    assert_eq!(s.contributions.len(), 1);
    assert!(close(s.probability, 2.0 / 3.0));
    assert!(
        s.confidence_reason.starts_with("1 of 1 bearing"),
        "{}",
        s.confidence_reason
    );
    // Tiny and huge finite ratios are used.
    let ds = doc(&format!(
        r#""scenarios": [{}], "indicators": [{}]"#,
        scenario("h", 0.5),
        observed("tiny", Some(1.0), "g-b2", &bearing("h", 1e-6, 1e6)),
    ));
    let a = assess(&ds, &as_of("2024-12-31"));
    assert!(a.skipped.is_empty());
    assert!(close(only(&a, "h").log_odds, 1e-6f64.ln()));
}

#[test]
fn illustrative_tags_are_reported_exactly() {
    let ds = doc(&format!(
        r#""scenarios": [
            {{"id": "tagged", "name": "t", "description": "d", "prior": 0.5, "tags": ["other", "illustrative-prior"]}},
            {{"id": "other", "name": "o", "description": "d", "prior": 0.5, "tags": ["other"]}},
            {{"id": "plain", "name": "p", "description": "d", "prior": 0.5}}],
           "indicators": [{}]"#,
        observed("i", Some(1.0), "g-b2", &bearing("tagged", 2.0, 0.5)),
    ));
    let a = assess(&ds, &as_of("2024-12-31"));
    assert!(only(&a, "tagged").illustrative_prior);
    assert!(!only(&a, "other").illustrative_prior);
    assert!(!only(&a, "plain").illustrative_prior);
    assert_eq!(only(&a, "tagged").name, "t");
    let mut ds = ds;
    ds.indicators[0].tags = vec!["other".into()];
    let r = evaluate(&ds, &ds.indicators[0], date(2024, 12, 31));
    assert!(!r.illustrative);
    assert_eq!(r.name, "i");
}

// ---------------------------------------------------------------------------
// Confidence

/// Confidence in `h` with one fired indicator per grade and `unknown`
/// unobserved ones. Each indicator cites a source of its own (`g-b2#0`,
/// `g-b2#1`, …, graded as named) unless `shared`, when they all cite the
/// one source named; `nowhere` is not defined.
fn confidence_of_sources(grades: &[&str], unknown: usize, shared: bool) -> (Confidence, String) {
    let id = |i: usize, g: &str| {
        if shared || g == "nowhere" {
            g.to_string()
        } else {
            format!("{g}#{i}")
        }
    };
    let mut sources: Vec<String> = Vec::new();
    for (i, g) in grades.iter().enumerate() {
        let Some(grade) = g.strip_prefix("g-") else {
            continue;
        };
        let sid = id(i, g);
        if sources.iter().any(|s| s.contains(&format!("\"{sid}\""))) {
            continue;
        }
        let (r, c) = grade.split_at(1);
        sources.push(format!(
            r#"{{"id": "{sid}", "title": "t", "reliability": "{}", "credibility": {c}}}"#,
            r.to_ascii_uppercase()
        ));
    }
    let mut inds: Vec<String> = grades
        .iter()
        .enumerate()
        .map(|(i, g)| {
            observed(
                &format!("i{i}"),
                Some(1.0),
                &id(i, g),
                &bearing("h", 2.0, 0.5),
            )
        })
        .collect();
    for j in 0..unknown {
        inds.push(observed(
            &format!("u{j}"),
            None,
            "g-b2",
            &bearing("h", 2.0, 0.5),
        ));
    }
    let json = format!(
        r#"{{"formatVersion": "1.0", "sources": [{}], "scenarios": [{}], "indicators": [{}]}}"#,
        sources.join(","),
        scenario("h", 0.5),
        inds.join(",")
    );
    let ds = Dataset::from_json(&json).unwrap_or_else(|e| panic!("{e}\n{json}"));
    let s = only(&assess(&ds, &as_of("2024-12-31")), "h");
    (s.confidence, s.confidence_reason)
}

fn confidence_of(grades: &[&str], unknown: usize) -> (Confidence, String) {
    confidence_of_sources(grades, unknown, false)
}

#[test]
fn confidence_needs_three_independent_sources_two_good_all_fair_and_few_unknown() {
    use Confidence::*;
    // n observed of b bearing, all counted; s independent sources, good, fair.
    let reason = |n: usize, b: usize, s: usize, good: usize, fair: usize| {
        format!("{n} of {b} bearing indicator(s) observed, {n} counted after pooling dependent evidence; {s} independent source(s), {good} graded B2 or better, {fair} graded C3 or better")
    };
    let cases: [(&[&str], usize, Confidence, String); 13] = [
        (&["g-b2", "g-b2", "g-b2"], 0, High, reason(3, 3, 3, 3, 3)),
        (&["g-a1", "g-b2", "g-c3"], 0, High, reason(3, 3, 3, 2, 3)),
        (
            &["g-b2", "g-c3", "g-c3"],
            0,
            Moderate,
            reason(3, 3, 3, 1, 3),
        ),
        (
            &["g-b2", "g-b2", "g-f6"],
            0,
            Moderate,
            reason(3, 3, 3, 2, 2),
        ),
        // B3 is fair but not good; C1 likewise; D3 and C4 are not even fair.
        (
            &["g-b2", "g-b3", "g-b3"],
            0,
            Moderate,
            reason(3, 3, 3, 1, 3),
        ),
        (
            &["g-b2", "g-c1", "g-c1"],
            0,
            Moderate,
            reason(3, 3, 3, 1, 3),
        ),
        (
            &["g-b2", "g-b2", "g-d3"],
            0,
            Moderate,
            reason(3, 3, 3, 2, 2),
        ),
        (
            &["g-b2", "g-b2", "g-c4"],
            0,
            Moderate,
            reason(3, 3, 3, 2, 2),
        ),
        // A third of the bearings may be unknown, no more.
        (&["g-b2", "g-b2", "g-b2"], 1, High, reason(3, 4, 3, 3, 3)),
        (
            &["g-b2", "g-b2", "g-b2"],
            2,
            Moderate,
            reason(3, 5, 3, 3, 3),
        ),
        (&["g-b2", "g-b2"], 0, Moderate, reason(2, 2, 2, 2, 2)),
        (&["g-f6", "g-f6"], 0, Low, reason(2, 2, 2, 0, 0)),
        (&["g-b2"], 1, Low, reason(1, 2, 1, 1, 1)),
    ];
    for (grades, unknown, level, why) in cases {
        assert_eq!(
            confidence_of(grades, unknown),
            (level, why),
            "{grades:?} + {unknown} unknown"
        );
    }
    // Four observed and two unknown of six: exactly a third unknown is still high.
    assert_eq!(confidence_of(&["g-b2", "g-b2", "g-b2", "g-b2"], 2).0, High);
    // Evidence citing an undefined source has no grading at all.
    assert_eq!(
        confidence_of(&["nowhere", "nowhere"], 0),
        (Low, reason(2, 2, 1, 0, 0))
    );
    // One source behind three indicators is one report: never high.
    assert_eq!(
        confidence_of_sources(&["g-b2", "g-b2", "g-b2"], 0, true),
        (Low, reason(3, 3, 1, 1, 1))
    );
}

// ---------------------------------------------------------------------------
// Analysis of Competing Hypotheses

#[test]
fn the_ach_matrix_rates_weights_and_scores_each_observed_indicator() {
    let ds = doc(&format!(
        r#""scenarios": [{}, {}, {}], "scenarioSets": [{{"id": "hs", "name": "hs", "scenarios": ["h1", "h2", "h3"]}}],
           "indicators": [{}, {}, {}, {}, {}, {}, {}, {}]"#,
        scenario("h1", 0.5),
        scenario("h2", 0.5),
        scenario("h3", 0.5),
        // fired, A2: CC on h1, N on h2.
        observed(
            "i1",
            Some(1.0),
            "g-a2",
            &[bearing("h1", 3.0, 0.5), bearing("h2", 1.0, 0.5)].join(",")
        ),
        // not fired, F6: I, I, II.
        observed(
            "i2",
            Some(0.0),
            "g-f6",
            &[
                bearing("h1", 2.0, 0.5),
                bearing("h2", 2.0, 0.5),
                bearing("h3", 2.0, 0.2)
            ]
            .join(",")
        ),
        // fired, no known source: N on h3 only.
        observed("i3", Some(1.0), "nowhere", &bearing("h3", 1.0, 0.5)),
        // not fired, D2: I on h1 and h3.
        observed(
            "i4",
            Some(0.0),
            "g-d2",
            &[bearing("h1", 2.0, 0.5), bearing("h3", 2.0, 0.5)].join(",")
        ),
        // unknown: no row.
        observed("i5", None, "g-a1", &bearing("h1", 2.0, 0.5)),
        // fired, E2: C on h2 only.
        observed("i6", Some(1.0), "g-e2", &bearing("h2", 2.0, 0.5)),
        // fired, B3: C on h1 only.
        observed("i7", Some(1.0), "g-b3", &bearing("h1", 1.5, 0.5)),
        // not fired, C1: CC on h2 only.
        observed("i8", Some(0.0), "g-c1", &bearing("h2", 2.0, 3.0)),
    ));
    let a = assess(&ds, &as_of("2024-12-31"));
    assert_eq!(a.ach.len(), 1);
    let ach = &a.ach[0];
    assert_eq!(ach.set, "hs");
    assert_eq!(ach.hypotheses, ["h1", "h2", "h3"]);
    use Rating::*;
    let rows: Vec<(&str, State, Vec<Rating>, bool)> = ach
        .rows
        .iter()
        .map(|r| {
            (
                r.indicator.as_str(),
                r.state,
                r.ratings.clone(),
                r.non_diagnostic,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("i1", State::Fired, vec![CC, N, NA], false),
            ("i2", State::NotFired, vec![I, I, II], false),
            ("i3", State::Fired, vec![NA, NA, N], true),
            ("i4", State::NotFired, vec![I, NA, I], true),
            ("i6", State::Fired, vec![NA, C, NA], false),
            ("i7", State::Fired, vec![C, NA, NA], false),
            ("i8", State::NotFired, vec![NA, CC, NA], false),
        ]
    );
    let weights: Vec<f64> = ach.rows.iter().map(|r| r.weight).collect();
    let expected = [0.9, 0.25, 0.5, 0.45, 0.225, 0.675, 0.75];
    for (w, e) in weights.iter().zip(expected) {
        assert!(close(*w, e), "{weights:?}");
    }
    // h1: I (i2) + I (i4) = 2; h2: I (i2) = 1; h3: II (i2) + I (i4) = 3.
    assert_eq!(ach.inconsistency, [2.0, 1.0, 3.0]);
    let wi = &ach.weighted_inconsistency;
    assert!(close(wi[0], 0.25 + 0.45), "{wi:?}");
    assert!(close(wi[1], 0.25), "{wi:?}");
    assert!(close(wi[2], 0.5 + 0.45), "{wi:?}");
}

#[test]
fn indicator_results_are_in_document_order() {
    let ds = doc(&format!(
        r#""scenarios": [{}], "indicators": [{}, {}]"#,
        scenario("h", 0.5),
        observed("b", Some(1.0), "g-b2", &bearing("h", 2.0, 0.5)),
        observed("a", None, "g-b2", &bearing("h", 2.0, 0.5)),
    ));
    let a = assess(&ds, &AssessOptions::default());
    // The latest date mentioned is the observation's, 2024-01-01.
    assert_eq!(a.as_of, "2024-01-01");
    let ids: Vec<&IndicatorResult> = a.indicators.iter().collect();
    assert_eq!(ids[0].id, "b");
    assert_eq!(ids[0].state, State::Fired);
    assert_eq!(ids[1].state, State::Unknown);
}
