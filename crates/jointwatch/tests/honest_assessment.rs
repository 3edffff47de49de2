//! Issue 13, the assessment: each failure the issue lists, reproduced on the
//! old behaviour's input, with what the library says now. The worked
//! examples in `docs/method.md` are these tests.

use jointwatch::assess::catalogue::with_catalogue;
use jointwatch::assess::estimative::Term;
use jointwatch::assess::{
    assess, AssessOptions, Assessment, Confidence, ContributionKind, ScenarioResult, State,
};
use jointwatch::{Dataset, Metric};

const EPS: f64 = 1e-12;

fn seed_with_catalogue() -> Dataset {
    with_catalogue(&jointwatch::seed())
}

fn scenario<'a>(a: &'a Assessment, id: &str) -> &'a ScenarioResult {
    a.scenarios.iter().find(|s| s.id == id).unwrap()
}

fn contributions_add_up(a: &Assessment) {
    for s in &a.scenarios {
        let sum: f64 = s.contributions.iter().map(|c| c.log_odds).sum();
        assert!(
            (s.prior_log_odds + sum - s.log_odds).abs() < EPS,
            "{}: {} + {sum} != {}",
            s.id,
            s.prior_log_odds,
            s.log_odds
        );
    }
}

fn add(ds: &mut Dataset, json: &str) {
    let extra = Dataset::from_json(json).unwrap();
    ds.sources.extend(extra.sources);
    ds.exercises.extend(extra.exercises);
    ds.coverage.extend(extra.coverage);
    ds.indicator_groups.extend(extra.indicator_groups);
}

fn observe(ds: &mut Dataset, indicator: &str, date: &str) {
    let ind = ds
        .indicators
        .iter_mut()
        .find(|i| i.id == indicator)
        .unwrap();
    ind.observations.push(
        serde_json::from_str(&format!(
            r#"{{"date": "{date}", "value": 1, "sources": ["seed"]}}"#
        ))
        .unwrap(),
    );
}

/// Old: seven count indicators "not fired" on two exercises, and "Enhanced
/// military integration" fell from 50 % to 41 % "unlikely" on no evidence.
#[test]
fn absence_of_records_is_not_evidence() {
    let full = seed_with_catalogue();
    let a = assess(&full, &AssessOptions::default());
    let counts: Vec<&str> = full
        .indicators
        .iter()
        .filter(|i| matches!(i.metric, Metric::Count { .. }))
        .map(|i| i.id.as_str())
        .collect();
    // Seven were "not fired"; the eighth (joint air patrols, 0–1) was unknown already.
    assert_eq!(counts.len(), 8);
    for r in a
        .indicators
        .iter()
        .filter(|r| counts.contains(&r.id.as_str()))
    {
        assert_eq!(r.state, State::Unknown, "{}: {}", r.id, r.note);
        assert_eq!(r.coverage, None);
    }
    // No scenario moves on the absence of records.
    for s in &a.scenarios {
        assert!(
            s.contributions
                .iter()
                .all(|c| c.state != Some(State::NotFired)),
            "{}",
            s.id
        );
    }
    let e = scenario(&a, "enhanced-military-integration");
    assert_eq!(e.probability, 0.5);
    assert_eq!(e.term, Term::RoughlyEvenChance);
    let tempo = a
        .indicators
        .iter()
        .find(|r| r.id == "joint-exercise-tempo")
        .unwrap();
    assert!(tempo
        .note
        .ends_with("so the absence of records is not evidence"));
    contributions_add_up(&a);

    // Declare that every China–Russia exercise of 2024 is held: now the
    // one-year tempo count of 2 is an observed "below ten", and it counts.
    let mut ds = seed_with_catalogue();
    add(
        &mut ds,
        r#"{"formatVersion": "1.0",
            "sources": [{"id": "mnd", "title": "Ministry list", "reliability": "B", "credibility": 2}],
            "coverage": [{"id": "exercises-2024", "description": "every China–Russia exercise of 2024",
              "scope": {"kinds": ["exercise"], "participantsAll": ["CHN", "RUS"]},
              "from": "2024", "to": "2024", "sources": ["mnd"]}]}"#,
    );
    let a = assess(&ds, &AssessOptions::default());
    let tempo = a
        .indicators
        .iter()
        .find(|r| r.id == "joint-exercise-tempo")
        .unwrap();
    assert_eq!(tempo.state, State::NotFired);
    assert_eq!(tempo.coverage.as_deref(), Some("exercises-2024"));
    assert!(tempo.sources.contains(&"mnd".to_string()));
    // The three-year windows reach back before 2024: still unknown.
    let cyber = a
        .indicators
        .iter()
        .find(|r| r.id == "cyber-space-joint-exercise")
        .unwrap();
    assert_eq!(cyber.state, State::Unknown);
    let e = scenario(&a, "enhanced-military-integration");
    assert!((e.probability - 0.9 / 1.9).abs() < EPS, "{}", e.probability);
    contributions_add_up(&a);
}

/// Old: with both escalation indicators fired the two end states came to
/// 22 % + 84 % = 106 %.
#[test]
fn exclusive_end_states_and_their_remainder_sum_to_one() {
    let mut ds = seed_with_catalogue();
    observe(&mut ds, "dangerous-intercept-or-confrontation", "2024-06");
    observe(&mut ds, "direct-engagement-with-west", "2024-09");
    let a = assess(&ds, &AssessOptions::default());
    assert_eq!(a.sets.len(), 1);
    let set = &a.sets[0];
    assert_eq!(set.id, "end-states");
    assert_eq!(
        set.members,
        ["sustained-balance-of-power", "escalation-through-incident"]
    );
    assert!((set.prior_remainder - 0.15).abs() < EPS);
    let total: f64 = set.probabilities.iter().sum::<f64>() + set.remainder;
    assert!((total - 1.0).abs() < EPS, "{total}");
    // Sustained 0.7 × 0.6 × 0.2 = 0.084; escalation 0.15 × 1.2 × 3 × 8 = 4.32;
    // remainder 0.15 × 1; together 4.554.
    let d = 0.084 + 4.32 + 0.15;
    let s = scenario(&a, "sustained-balance-of-power");
    let e = scenario(&a, "escalation-through-incident");
    assert!((s.probability - 0.084 / d).abs() < EPS, "{}", s.probability);
    assert!((e.probability - 4.32 / d).abs() < EPS, "{}", e.probability);
    assert!((set.remainder - 0.15 / d).abs() < EPS);
    assert_eq!(s.set.as_deref(), Some("end-states"));
    assert_eq!(e.set.as_deref(), Some("end-states"));
    assert_eq!(scenario(&a, "potential-conflict").set, None);
    // Each member shows what its alternatives did to it.
    assert!(s
        .contributions
        .iter()
        .any(|c| c.kind == ContributionKind::Alternatives && c.indicator == "end-states"));
    contributions_add_up(&a);
    // ACH compares only the competing end states.
    assert_eq!(a.ach.len(), 1);
    assert_eq!(a.ach[0].hypotheses, set.members);
    assert_eq!(a.ach_omitted.len(), 7);

    // Priors that exceed 1 are normalised, and the result says so.
    for sc in &mut ds.scenarios {
        if sc.id == "escalation-through-incident" {
            sc.prior = Some(0.6);
        }
    }
    let a = assess(&ds, &AssessOptions::default());
    let set = &a.sets[0];
    assert!(set.normalised);
    assert_eq!(set.prior_remainder, 0.0);
    assert!(set.notes.iter().any(|n| n.contains("normalised")));
    assert!((set.priors[0] - 0.7 / 1.3).abs() < EPS);
    let total: f64 = set.probabilities.iter().sum::<f64>() + set.remainder;
    assert!((total - 1.0).abs() < EPS);
    contributions_add_up(&a);
}

const B2_EXERCISE: &str = r#"{"formatVersion": "1.0",
    "sources": [{"id": "wire", "title": "A wire report", "reliability": "B", "credibility": 2}],
    "exercises": [{"id": "joint-cyber-md-2024", "name": "Joint cyber and missile-defence drill",
      "participants": ["CHN", "RUS"], "domains": ["cyber", "missileDefence"],
      "dates": "2024-10-05", "sources": ["wire"]}]}"#;

/// Old: one B2-sourced exercise with the domains cyber and missileDefence
/// fired two indicators and moved "Enhanced military integration" from 41 %
/// to 80 % "very likely", with high confidence.
#[test]
fn one_report_moves_a_scenario_once_and_never_gives_high_confidence() {
    let mut ds = seed_with_catalogue();
    add(&mut ds, B2_EXERCISE);
    let a = assess(&ds, &AssessOptions::default());
    let fired: Vec<&str> = a
        .indicators
        .iter()
        .filter(|r| r.state == State::Fired && r.evidence == ["joint-cyber-md-2024"])
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        fired,
        [
            "cyber-space-joint-exercise",
            "joint-missile-defence-exercise"
        ]
    );
    let e = scenario(&a, "enhanced-military-integration");
    // Counted once, through the stronger ratio (3 against 1.5): odds 1 → 3.
    assert!((e.probability - 0.75).abs() < EPS, "{}", e.probability);
    assert_eq!(e.term, Term::Likely);
    assert_eq!(e.confidence, Confidence::Low);
    assert!(e.confidence_reason.contains("1 independent source(s)"));
    let c: Vec<(&str, bool, Option<&str>)> = e
        .contributions
        .iter()
        .filter(|c| c.state == Some(State::Fired))
        .map(|c| (c.indicator.as_str(), c.counted, c.group.as_deref()))
        .collect();
    assert_eq!(
        c,
        [
            (
                "cyber-space-joint-exercise",
                true,
                Some("record:joint-cyber-md-2024")
            ),
            (
                "joint-missile-defence-exercise",
                false,
                Some("record:joint-cyber-md-2024")
            ),
        ]
    );
    // For defence-industry collaboration the missile-defence ratio (2) is
    // the stronger one: odds 0.4/0.6 × 2.
    let d = scenario(&a, "defence-industry-collaboration");
    assert!((d.probability - (4.0 / 3.0) / (7.0 / 3.0)).abs() < EPS);
    assert!(a.scenarios.iter().all(|s| s.confidence != Confidence::High));
    contributions_add_up(&a);

    // Declared independent, the two count separately: odds 3 × 1.5.
    add(
        &mut ds,
        r#"{"formatVersion": "1.0", "indicatorGroups": [{"id": "separate", "relation": "independent",
            "indicators": ["cyber-space-joint-exercise", "joint-missile-defence-exercise"]}]}"#,
    );
    let a = assess(&ds, &AssessOptions::default());
    let e = scenario(&a, "enhanced-military-integration");
    assert!((e.probability - 4.5 / 5.5).abs() < EPS);
    assert!(e.contributions.iter().all(|c| c.group.is_none()));
    assert_eq!(e.confidence, Confidence::Low, "still one report");
    contributions_add_up(&a);
}

/// A declared correlated group counts once, through the member with the
/// largest log likelihood ratio, even on evidence from different sources.
#[test]
fn a_correlated_group_counts_once_through_its_strongest_member() {
    let ds = Dataset::from_json(
        r#"{"formatVersion": "1.0",
        "sources": [{"id": "a", "title": "A", "reliability": "B", "credibility": 2},
                    {"id": "b", "title": "B", "reliability": "B", "credibility": 2},
                    {"id": "c", "title": "C", "publisher": "Outlet", "reliability": "A", "credibility": 1},
                    {"id": "d", "title": "D", "publisher": " outlet", "reliability": "A", "credibility": 1}],
        "scenarios": [{"id": "h", "name": "H", "description": "d", "prior": 0.5}],
        "indicatorGroups": [{"id": "g", "relation": "correlated", "indicators": ["up", "down"]}],
        "indicators": [
          {"id": "up", "name": "up", "metric": {"type": "observed"}, "rule": {"direction": "atLeast", "threshold": 1},
           "bearsOn": [{"scenario": "h", "ifFired": 2, "ifNotFired": 0.5}],
           "observations": [{"date": "2024-01-01", "value": 1, "sources": ["a"]}]},
          {"id": "down", "name": "down", "metric": {"type": "observed"}, "rule": {"direction": "atLeast", "threshold": 1},
           "bearsOn": [{"scenario": "h", "ifFired": 3, "ifNotFired": 0.25}],
           "observations": [{"date": "2024-01-01", "value": 0, "sources": ["b"]}]},
          {"id": "third", "name": "third", "metric": {"type": "observed"}, "rule": {"direction": "atLeast", "threshold": 1},
           "bearsOn": [{"scenario": "h", "ifFired": 2, "ifNotFired": 0.5}],
           "observations": [{"date": "2024-01-01", "value": 1, "sources": ["c", "d"]}]}
        ]}"#,
    )
    .unwrap();
    let a = assess(&ds, &AssessOptions::default());
    let h = scenario(&a, "h");
    // |ln 0.25| > |ln 2|: the group is worth 0.25; with `third` (2), odds 0.5.
    assert!((h.log_odds - 0.5f64.ln()).abs() < EPS);
    let up = h
        .contributions
        .iter()
        .find(|c| c.indicator == "up")
        .unwrap();
    assert!(!up.counted && up.log_odds == 0.0 && up.likelihood_ratio == 2.0);
    assert_eq!(up.group.as_deref(), Some("g"));
    // Sources a, b and the one outlet behind c and d: three independent.
    assert!(
        h.confidence_reason.contains("3 independent source(s)"),
        "{}",
        h.confidence_reason
    );
    assert_eq!(h.confidence, Confidence::High);
    contributions_add_up(&a);
}

/// Old: a 2019 observation still fired in 2024.
#[test]
fn an_old_observation_ages_out_of_its_window() {
    let mut ds = seed_with_catalogue();
    observe(&mut ds, "mutual-support-for-claims", "2019-05");
    let ind = ds
        .indicators
        .iter()
        .find(|i| i.id == "mutual-support-for-claims")
        .unwrap()
        .clone();
    assert_eq!(ind.metric.window_years(), Some(3));
    let as_of = jiff::civil::date(2024, 12, 31);
    let r = jointwatch::assess::evaluate(&ds, &ind, as_of);
    assert_eq!(r.state, State::Unknown);
    assert_eq!(
        r.note,
        "no observation recorded in the 3 year(s) to 2024-12-31"
    );
    // The old catalogue had no window: the 2019 observation fired.
    let mut old = ind.clone();
    old.metric = Metric::Observed { window_years: None };
    assert_eq!(
        jointwatch::assess::evaluate(&ds, &old, as_of).state,
        State::Fired
    );
    // Within the window it still fires.
    assert_eq!(
        jointwatch::assess::evaluate(&ds, &ind, jiff::civil::date(2021, 12, 31)).state,
        State::Fired
    );
}

#[test]
fn every_scenario_carries_its_horizon_and_its_illustrative_mark() {
    let a = assess(&seed_with_catalogue(), &AssessOptions::default());
    for s in &a.scenarios {
        assert_eq!(s.horizon.as_deref(), Some("2029-12-31"), "{}", s.id);
        assert_eq!(s.horizon_phrase, "within 5 year(s), by the end of 2029");
        assert!(s.illustrative_horizon && s.illustrative_prior && s.illustrative);
    }
    assert!(a.sets[0].illustrative);
    // A dataset's own prior, horizon and indicator: nothing illustrative.
    let ds = Dataset::from_json(
        r#"{"formatVersion": "1.0",
        "scenarios": [{"id": "h", "name": "H", "description": "d", "prior": 0.5, "horizon": "2027-03"},
                      {"id": "k", "name": "K", "description": "d", "prior": 0.5, "horizon": "2026-06-15"},
                      {"id": "n", "name": "N", "description": "d", "prior": 0.5}],
        "indicators": [{"id": "i", "name": "i", "metric": {"type": "observed"}, "rule": {"direction": "atLeast", "threshold": 1},
           "bearsOn": [{"scenario": "h", "ifFired": 2, "ifNotFired": 0.5}],
           "observations": [{"date": "2024-01-01", "value": 1}]}]}"#,
    )
    .unwrap();
    let a = assess(&ds, &AssessOptions::default());
    let h = scenario(&a, "h");
    assert_eq!(h.horizon_phrase, "by the end of March 2027");
    assert_eq!(h.horizon.as_deref(), Some("2027-03-31"));
    assert!(!h.illustrative);
    assert_eq!(scenario(&a, "k").horizon_phrase, "by 15 June 2026");
    assert_eq!(scenario(&a, "n").horizon_phrase, "no horizon stated");
    assert_eq!(scenario(&a, "n").horizon, None);
    // An illustrative ratio that counted marks the posterior.
    let mut ds = ds;
    ds.indicators[0].tags.push("illustrative".into());
    let a = assess(&ds, &AssessOptions::default());
    assert!(scenario(&a, "h").illustrative);
    assert!(!scenario(&a, "k").illustrative);
}

#[test]
fn no_catalogue_assesses_the_dataset_as_it_is() {
    let options: AssessOptions = serde_json::from_str(r#"{"noCatalogue": true}"#).unwrap();
    assert!(options.no_catalogue);
    let b = jointwatch::brief::brief(&jointwatch::seed(), &Default::default(), &options);
    assert!(b.assessment.scenarios.is_empty());
    assert!(b.assessment.indicators.is_empty());
    let b = jointwatch::brief::brief(
        &jointwatch::seed(),
        &Default::default(),
        &Default::default(),
    );
    assert_eq!(b.assessment.scenarios.len(), 9);
    assert_eq!(
        serde_json::to_string(&AssessOptions::default()).unwrap(),
        "{}"
    );
}
