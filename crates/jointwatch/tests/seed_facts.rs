//! Pins every fact of the seed document (`shared/seed/000_ca12995982ec6360.txt`,
//! copied verbatim to `tests/data/seed-document.txt`) as `jointwatch::seed()`
//! holds it, and checks that the seed holds nothing the document does not say.

use std::collections::BTreeSet;

use jiff::civil::date;
use jointwatch::{
    seed, BreakdownEntry, Category, ClaimKind, Code, CountryCode, Credibility, Dataset, DateRange,
    Domain, Exercise, FiscalNaming, FuzzyDate, Measure, Participant, Patrol, PatrolKind, Period,
    Platform, PlatformRole, Precision, Quantity, Rate, Reliability, ScenarioKind, Severity,
    Statistic, ValidateOptions, SEED_JSON,
};

/// The seed document, word for word.
const DOCUMENT: &str = include_str!("data/seed-document.txt");

/// Whether the document says `words`, word for word (case aside, since a
/// quotation may start mid-sentence).
fn document_says(words: &str) -> bool {
    DOCUMENT.to_lowercase().contains(&words.to_lowercase())
}

fn cc(code: &str) -> CountryCode {
    code.parse().unwrap()
}

fn countries(ps: &[Participant]) -> BTreeSet<CountryCode> {
    ps.iter().map(|p| p.country).collect()
}

fn china_and_russia() -> BTreeSet<CountryCode> {
    [cc("CHN"), cc("RUS")].into_iter().collect()
}

fn exercise(name: &str) -> Exercise {
    seed()
        .exercises
        .into_iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no exercise named {name:?}"))
}

fn statistic(id: &str) -> Statistic {
    seed()
        .statistics
        .into_iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no statistic {id:?}"))
}

fn only_statistic(measure: Measure) -> Statistic {
    let found: Vec<Statistic> = seed()
        .statistics
        .into_iter()
        .filter(|s| s.measure == measure)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "statistics measuring {measure:?}: {found:#?}"
    );
    found.into_iter().next().unwrap()
}

fn year_2024() -> Option<DateRange> {
    Some(DateRange::single(FuzzyDate::Year(2024)))
}

// ---------------------------------------------------------------------------
// The embedded text
// ---------------------------------------------------------------------------

#[test]
fn seed_json_parses_and_is_what_seed_returns() {
    let parsed = Dataset::from_json(SEED_JSON).expect("SEED_JSON parses");
    assert_eq!(parsed, seed());
    assert_eq!(parsed.format_version, jointwatch::FORMAT_VERSION);
    // `seed()` falls back to an empty dataset on a parse failure; make sure
    // that is not what we are looking at.
    assert_ne!(parsed, Dataset::default());
}

#[test]
fn seed_validates_with_no_errors_and_one_expected_warning() {
    let report = seed().validate();
    let errors: Vec<_> = report.errors().collect();
    assert!(errors.is_empty(), "errors: {errors:#?}");

    // The only warning: the latest joint air patrol has no date, because the
    // document gives none.
    let warnings: Vec<(Code, Severity, &str)> = report
        .warnings()
        .map(|f| (f.code, f.severity, f.path.as_str()))
        .collect();
    assert_eq!(
        warnings,
        vec![(Code::UndatedRecord, Severity::Warning, "patrols[0].dates")]
    );
    assert_eq!(report.findings.len(), 1, "{:#?}", report.findings);

    let (loaded, load_report) =
        Dataset::load(SEED_JSON, &ValidateOptions::default()).expect("seed loads");
    assert_eq!(loaded, seed());
    assert_eq!(load_report, report);
}

#[test]
fn seed_holds_exactly_the_documents_records() {
    let s = seed();
    let names: BTreeSet<&str> = s.exercises.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        ["Northern/Interaction-2024", "Ocean-2024"]
            .into_iter()
            .collect()
    );
    assert_eq!(s.patrols.len(), 1);
    let measures: BTreeSet<Measure> = s.statistics.iter().map(|x| x.measure).collect();
    assert_eq!(
        measures,
        [
            Measure::JointExercises,
            Measure::Scrambles,
            Measure::JointAirPatrols
        ]
        .into_iter()
        .collect()
    );
    assert_eq!(s.statistics.len(), 3);
    assert_eq!(s.scenarios.len(), 9);
    // The document names no indicators, thresholds or likelihoods.
    assert!(s.indicators.is_empty());
    assert!(s.indicator_groups.is_empty());
    // Places come from the built-in gazetteer.
    assert!(s.areas.is_empty());
    // One set of exclusive alternatives: the end states.
    assert_eq!(s.scenario_sets.len(), 1);
    // The document claims to list nothing completely.
    assert!(s.coverage.is_empty());
}

// ---------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------

#[test]
fn the_one_source_is_the_document_and_cannot_be_graded() {
    let s = seed();
    assert_eq!(s.sources.len(), 1);
    let src = &s.sources[0];
    assert_eq!(src.id, "seed");
    // The document names no publisher, author or URL.
    assert_eq!(src.publisher, None);
    assert_eq!(src.url, None);
    assert_eq!(src.date, Some(FuzzyDate::Year(2024)));
    assert_eq!(src.reliability, Reliability::F);
    assert_eq!(src.credibility, Credibility::CannotBeJudged);
}

#[test]
fn every_record_cites_the_seed() {
    let s = seed();
    let seed_only = vec!["seed".to_string()];
    for e in &s.exercises {
        assert_eq!(e.sources, seed_only, "exercise {}", e.id);
        for c in &e.claims {
            assert_eq!(c.sources, seed_only, "claim of {}", e.id);
        }
    }
    for p in &s.patrols {
        assert_eq!(p.sources, seed_only, "patrol {}", p.id);
    }
    for st in &s.statistics {
        assert_eq!(st.sources, seed_only, "statistic {}", st.id);
    }
    for sc in &s.scenarios {
        assert_eq!(sc.sources, seed_only, "scenario {}", sc.id);
    }
    for set in &s.scenario_sets {
        assert_eq!(set.sources, seed_only, "scenario set {}", set.id);
    }
}

// ---------------------------------------------------------------------------
// Exercises
// ---------------------------------------------------------------------------

#[test]
fn northern_interaction_2024() {
    let e = exercise("Northern/Interaction-2024");
    assert_eq!(countries(&e.participants), china_and_russia());
    assert_eq!(e.participants.len(), 2);
    assert!(e.participants.iter().all(|p| p.branch.is_none()));
    assert_eq!(e.areas, vec!["sea-of-japan".to_string()]);
    let domains: BTreeSet<Domain> = e.domains.iter().copied().collect();
    assert_eq!(domains, [Domain::Naval, Domain::Air].into_iter().collect());
    assert_eq!(e.domains.len(), 2);
    assert_eq!(e.dates, year_2024());
    assert_eq!(e.dates.unwrap().start.precision(), Precision::Year);
    // The document gives no figures for it.
    assert!(e.forces.is_empty(), "{:?}", e.forces);
    assert!(e.claims.is_empty());
    assert!(e.observers.is_empty());
}

#[test]
fn ocean_2024() {
    let e = exercise("Ocean-2024");
    // "over 400 warships, 120 aircraft, and 90,000 personnel": only the
    // warships carry "over".
    assert_eq!(e.forces.ships, Some(Quantity::MoreThan(400.0).into()));
    assert_eq!(e.forces.aircraft, Some(Quantity::Exact(120.0).into()));
    assert_eq!(e.forces.personnel, Some(Quantity::Exact(90_000.0).into()));
    assert_eq!(e.forces.submarines, None);
    assert!(e.forces.equipment.is_empty());

    // "the largest naval exercise in three decades"
    assert_eq!(e.claims.len(), 1);
    let claim = &e.claims[0];
    assert_eq!(claim.kind, ClaimKind::Largest);
    assert_eq!(claim.window_years, Some(30));
    assert!(claim.text.contains("three decades"), "{:?}", claim.text);

    // Russia's exercise, with China taking part.
    assert!(countries(&e.participants).contains(&cc("CHN")));
    assert_eq!(countries(&e.participants), china_and_russia());
    assert_eq!(e.host, Some(cc("RUS")));
    assert!(e.domains.contains(&Domain::Naval));
    assert_eq!(e.dates, year_2024());
}

// ---------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------

#[test]
fn joint_exercises_2014_2023_are_four_to_ten_a_year() {
    let s = only_statistic(Measure::JointExercises);
    assert_eq!(s.id, "joint-exercises-2014-2023");
    assert_eq!(s.rate, Rate::PerYear);
    assert_eq!(
        s.quantity,
        Quantity::Range {
            min: 4.0,
            max: 10.0
        }
    );
    assert_eq!(
        s.period,
        Some(Period::Years {
            start: 2014,
            end: 2023
        })
    );
    assert_eq!(countries(&s.subjects), china_and_russia());
    assert!(s.breakdown.is_empty());
}

#[test]
fn no_exercise_records_are_invented_for_2014_to_2023() {
    let s = seed();
    let (from, to) = (date(2014, 1, 1), date(2023, 12, 31));
    for e in &s.exercises {
        let d = e
            .dates
            .unwrap_or_else(|| panic!("{} is undated, so it could stand for any year", e.id));
        assert!(
            d.last_day() < from || d.first_day() > to,
            "{} is dated {d}, inside 2014–2023",
            e.id
        );
    }
    for p in &s.patrols {
        assert!(p.dates.is_none(), "patrol {} has an invented date", p.id);
    }
}

#[test]
fn japan_scrambled_669_times_in_fy2023() {
    let s = only_statistic(Measure::Scrambles);
    assert_eq!(s.quantity, Quantity::Exact(669.0));
    assert_eq!(s.rate, Rate::Total);
    let period = s.period.expect("a fiscal-year period");
    assert_eq!(
        period,
        Period::FiscalYear {
            year: 2023,
            first_month: 4,
            named_by: FiscalNaming::StartYear
        }
    );
    assert_eq!(period.first_day(), Some(date(2023, 4, 1)));
    assert_eq!(period.last_day(), Some(date(2024, 3, 31)));
    let reporter = s
        .reporter
        .as_ref()
        .expect("the Defense Ministry reported it");
    assert_eq!(reporter.country, Some(cc("JPN")));

    // "significant numbers attributed to Chinese and Russian aircraft": no split.
    let significant = |c: &str| BreakdownEntry {
        category: Category::Country(cc(c)),
        quantity: None,
        qualifier: Some("significant".to_string()),
    };
    assert_eq!(s.breakdown, vec![significant("CHN"), significant("RUS")]);
    assert!(s.breakdown.iter().all(|b| b.quantity.is_none()));
}

#[test]
fn at_least_nine_joint_air_patrols() {
    let s = only_statistic(Measure::JointAirPatrols);
    assert_eq!(s.id, "joint-air-patrols-to-2024");
    assert_eq!(s.quantity, Quantity::AtLeast(9.0));
    assert_eq!(s.rate, Rate::Total);
    // A cumulative count, as of the document's year.
    assert_eq!(s.period, None);
    assert_eq!(s.as_of, Some(FuzzyDate::Year(2024)));
    assert_eq!(countries(&s.subjects), china_and_russia());
    assert!(s.breakdown.is_empty());
    // The same figure, looked up by id.
    assert_eq!(statistic("joint-air-patrols-to-2024"), s);
}

// ---------------------------------------------------------------------------
// The latest patrol
// ---------------------------------------------------------------------------

#[test]
fn latest_patrol_involved_h6n_bombers_and_nothing_more_is_recorded() {
    let s = seed();
    assert_eq!(s.patrols.len(), 1);
    let p: &Patrol = &s.patrols[0];
    assert_eq!(p.kind, PatrolKind::JointAirPatrol);
    assert_eq!(countries(&p.participants), china_and_russia());
    assert_eq!(
        p.platforms,
        vec![Platform {
            model: "H-6N".to_string(),
            role: Some(PlatformRole::Bomber),
            country: None,
            count: None,
        }]
    );
    assert_eq!(p.areas, vec!["pacific-ocean".to_string()]);
    // No invented date, count, sequence, route or responses.
    assert_eq!(p.dates, None);
    assert!(p.numbering.is_empty());
    assert!(p.platforms.iter().all(|pl| pl.count.is_none()));
    assert!(p.route.is_empty());
    assert!(p.responses.is_empty());
    assert!(p.adiz_entered.is_empty());
}

// ---------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------

#[test]
fn nine_scenarios_seven_developments_and_two_end_states() {
    let s = seed();
    assert_eq!(s.scenarios.len(), 9);
    let developments = s
        .scenarios
        .iter()
        .filter(|x| x.kind == ScenarioKind::Scenario)
        .count();
    assert_eq!(developments, 7);
    let end_states: BTreeSet<&str> = s
        .scenarios
        .iter()
        .filter(|x| x.kind == ScenarioKind::EndState)
        .map(|x| x.id.as_str())
        .collect();
    assert_eq!(
        end_states,
        ["sustained-balance-of-power", "escalation-through-incident"]
            .into_iter()
            .collect()
    );
    let ids: BTreeSet<&str> = s.scenarios.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids.len(), 9, "scenario ids are unique");
    for sc in &s.scenarios {
        // The document gives no probabilities and no horizons.
        assert_eq!(sc.prior, None, "{} has an invented prior", sc.id);
        assert_eq!(sc.horizon, None, "{} has an invented horizon", sc.id);
        assert_eq!(sc.horizon_years, None, "{} has an invented horizon", sc.id);
        assert!(!sc.description.is_empty());
    }
}

#[test]
fn the_end_states_are_the_documents_either_or_in_its_own_words() {
    let s = seed();
    // "The scenario could lead to either a sustained balance of power or,
    // if missteps occur, escalate into conflicts, especially if incidents
    // like the interception of aircraft or naval confrontations lead to
    // unintended escalations."
    let framing = "The scenario could lead to either a sustained balance of power or, if missteps occur, escalate into conflicts, especially if incidents like the interception of aircraft or naval confrontations lead to unintended escalations.";
    assert!(document_says(framing));
    assert_eq!(s.scenario_sets.len(), 1);
    let set = &s.scenario_sets[0];
    assert_eq!(set.id, "end-states");
    assert_eq!(
        set.scenarios,
        ["sustained-balance-of-power", "escalation-through-incident"]
    );
    let description = set.description.as_deref().expect("the document's framing");
    assert!(description.starts_with(framing), "{description}");
    // The rest of the closing paragraph, word for word too.
    for sentence in description.split_inclusive(". ") {
        assert!(document_says(sentence.trim()), "{sentence:?}");
    }
    // The two alternatives hold the document's words and nothing else, and
    // no priors: the document gives none.
    let end_state = |id: &str| {
        s.scenarios
            .iter()
            .find(|x| x.id == id)
            .unwrap_or_else(|| panic!("no scenario {id}"))
            .clone()
    };
    let balance = end_state("sustained-balance-of-power");
    assert_eq!(balance.kind, ScenarioKind::EndState);
    assert_eq!(balance.description, "a sustained balance of power");
    let escalation = end_state("escalation-through-incident");
    assert_eq!(escalation.kind, ScenarioKind::EndState);
    assert_eq!(
        escalation.description,
        "if missteps occur, escalate into conflicts, especially if incidents like the interception of aircraft or naval confrontations lead to unintended escalations"
    );
    for sc in [&balance, &escalation] {
        assert!(document_says(&sc.description), "{}", sc.id);
        assert!(framing.contains(&sc.description), "{}", sc.id);
        assert_eq!(sc.prior, None, "{}", sc.id);
    }
    // The set validates: no finding on it at all.
    assert!(s
        .validate()
        .findings
        .iter()
        .all(|f| !f.path.starts_with("scenarioSets")));
}

// ---------------------------------------------------------------------------
// What the format has no field for, in the document's words
// ---------------------------------------------------------------------------

#[test]
fn bomber_flights_noted_for_their_proximity_to_japanese_and_south_korean_airspace() {
    let words = "have been noted for their proximity to Japanese and South Korean airspace";
    assert!(document_says(words));
    let s = seed();
    let p = &s.patrols[0];
    let notes = p.notes.as_deref().unwrap();
    assert!(notes.contains(words), "{notes}");
    assert_eq!(
        p.tags,
        ["near-japanese-airspace", "near-south-korean-airspace"]
    );
    // Proximity is not entry: no ADIZ entered, no response, no area for an
    // airspace (the gazetteer has none), no geometry.
    assert!(p.adiz_entered.is_empty());
    assert!(p.responses.is_empty());
    assert_eq!(p.areas, ["pacific-ocean"]);
    assert!(p.route.is_empty());
}

#[test]
fn twenty_twenty_four_continues_the_trend_without_a_figure() {
    let words = "This year, 2024, has seen a continuation of this trend";
    assert!(document_says(words));
    let s = seed();
    // The format cannot say "a continuation" as a quantity: no statistic for
    // 2024, only the 2014–2023 range, with the words in its notes…
    let stat = only_statistic(Measure::JointExercises);
    assert!(stat.notes.as_deref().unwrap().contains(words));
    assert!(stat.tags.contains(&"continuation-of-trend".to_string()));
    // …and on the two exercises the document names as examples.
    for e in &s.exercises {
        assert_eq!(e.dates, year_2024(), "{}", e.id);
        assert_eq!(e.tags, ["continuation-of-trend"], "{}", e.id);
        let notes = e.notes.as_deref().unwrap();
        assert!(
            notes.to_lowercase().contains(&words.to_lowercase()),
            "{notes}"
        );
    }
}

#[test]
fn scrambles_reflect_increased_activities_near_japanese_airspace() {
    let words = "reflecting increased activities near Japanese airspace";
    assert!(document_says(words));
    let stat = only_statistic(Measure::Scrambles);
    assert!(stat.notes.as_deref().unwrap().contains(words));
    assert_eq!(stat.tags, ["near-japanese-airspace", "increased-activity"]);
    // No figure for the increase.
    assert_eq!(stat.quantity, Quantity::Exact(669.0));
}

#[test]
fn both_countries_state_their_willingness_to_conduct_regular_joint_patrols() {
    let words = "statements from both countries about their willingness to conduct regular joint patrols and deepen mutual trust";
    assert!(document_says(words));
    let stat = only_statistic(Measure::JointAirPatrols);
    assert!(stat.notes.as_deref().unwrap().contains(words));
    assert_eq!(stat.tags, ["stated-willingness-regular-joint-patrols"]);
}

/// Every quotation in the seed's notes, claims and descriptions (text
/// between double quotes) is the document's, word for word.
#[test]
fn every_quotation_in_the_seed_is_the_documents() {
    let s = seed();
    let mut texts: Vec<String> = Vec::new();
    texts.extend(s.description.clone());
    texts.extend(s.sources.iter().filter_map(|x| x.notes.clone()));
    texts.extend(s.exercises.iter().filter_map(|x| x.notes.clone()));
    texts.extend(
        s.exercises
            .iter()
            .flat_map(|x| x.claims.iter().map(|c| format!("\"{}\"", c.text))),
    );
    texts.extend(s.patrols.iter().filter_map(|x| x.notes.clone()));
    texts.extend(s.statistics.iter().filter_map(|x| x.notes.clone()));
    texts.extend(s.scenarios.iter().map(|x| x.description.clone()));
    let mut quotations = 0;
    for text in &texts {
        for (i, quoted) in text.split('"').enumerate() {
            // Odd pieces are inside quotes; "either … or" elides.
            if i % 2 == 1 {
                quotations += 1;
                for part in quoted.split(" … ") {
                    assert!(document_says(part), "not in the document: {part:?}");
                }
            }
        }
    }
    assert!(quotations >= 12, "{quotations}");
}

// ---------------------------------------------------------------------------
// Nothing invented
// ---------------------------------------------------------------------------

/// Keys whose numbers are calendar or grading fields rather than figures.
const NOT_FIGURES: &[&str] = &["formatVersion", "firstMonth", "windowYears", "credibility"];

fn collect_figures(key: &str, v: &serde_json::Value, path: &str, out: &mut BTreeSet<u64>) {
    use serde_json::Value;
    if NOT_FIGURES.contains(&key) || key == "period" {
        // A period's numbers are years (and a fiscal first month).
        return;
    }
    match v {
        Value::Number(n) => {
            let figure = n
                .as_u64()
                .unwrap_or_else(|| panic!("{path} = {n}: the seed states only whole numbers"));
            out.insert(figure);
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect_figures(key, item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                collect_figures(k, item, &format!("{path}.{k}"), out);
            }
        }
        Value::Null | Value::Bool(_) | Value::String(_) => {}
    }
}

#[test]
fn the_seed_holds_no_numbers_beyond_those_the_document_states() {
    let value: serde_json::Value = serde_json::from_str(SEED_JSON).unwrap();
    let mut figures = BTreeSet::new();
    collect_figures("", &value, "$", &mut figures);
    let stated: BTreeSet<u64> = [400, 120, 90_000, 4, 10, 669, 9].into_iter().collect();
    assert_eq!(figures, stated);

    // The same holds for what the library writes back.
    let written: serde_json::Value = serde_json::from_str(&seed().to_json()).unwrap();
    let mut figures = BTreeSet::new();
    collect_figures("", &written, "$", &mut figures);
    assert_eq!(figures, stated);
}
