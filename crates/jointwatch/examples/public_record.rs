//! The public record's own brief: validation, the figures and series set
//! beside what was reported (scrambles by fiscal year with the trend test,
//! joint exercises per year), patrol cadence per kind and numbering
//! authority, the largest exercises, the scenario assessment on this
//! evidence with its coverage — and incidents per year by responder and the
//! joint share of activity near Japan.
//!
//! Run with `cargo run --example public_record`.

use std::process::ExitCode;

use jointwatch::analysis::series::{series, SeriesQuery};
use jointwatch::analysis::share::joint_share;
use jointwatch::brief::{brief, render_text};
use jointwatch::{parse_json, Dataset, Filter};

fn main() -> ExitCode {
    let record = jointwatch::public_record();
    // The scenarios are the seed's (those of the source document); the
    // evidence is the record's. The seed's own records are left out.
    let seed = jointwatch::seed();
    let scenarios = Dataset {
        sources: seed.sources,
        scenarios: seed.scenarios,
        scenario_sets: seed.scenario_sets,
        indicators: seed.indicators,
        indicator_groups: seed.indicator_groups,
        ..Dataset::default()
    };
    let mut evidence = record.clone();
    if let Err(e) = evidence.merge(scenarios, &Default::default()) {
        eprintln!("the seed's scenarios do not merge into the record: {e}");
        return ExitCode::FAILURE;
    }
    let b = brief(&evidence, &Default::default(), &Default::default());
    print!("{}", render_text(&evidence, &b));

    section("Incidents per year by responder");
    let by_responder: SeriesQuery = parse_json(
        r#"{"filter": {"kinds": ["incident"], "incidentKinds": ["scramble", "intercept",
              "unsafeIntercept", "warningShots", "protest", "shadowing"]},
            "groupBy": [{"by": "period", "granularity": {"type": "year"}}, {"by": "responder"}]}"#,
    )
    .expect("a well-formed query");
    match series(&record, &by_responder) {
        Ok(s) => {
            for p in s
                .points
                .iter()
                .filter(|p| p.counted.is_some_and(|c| c.low() > 0.0))
            {
                if let Some(c) = p.counted {
                    println!("  {:<6} {:<14} {c}", p.key[0], p.key[1]);
                }
            }
            println!(
                "  (a response is counted by the state that made it; counts are of incidents held)"
            );
        }
        Err(e) => println!("  not computed: {e}"),
    }

    section("Joint share of the activity near Japan");
    // "Near Japan": the seas round it, the straits its neighbours' forces
    // pass, its ADIZ and the airspace over Dokdo/Takeshima.
    let near_japan: Filter = parse_json(
        r#"{"kinds": ["exercise", "patrol", "activity"], "areas": ["sea-of-japan", "east-china-sea",
            "sea-of-okhotsk", "tsugaru-strait", "osumi-strait", "tsushima-strait", "korea-strait",
            "soya-strait", "miyako-strait", "japan-adiz", "dokdo-takeshima-airspace"]}"#,
    )
    .expect("a well-formed filter");
    let share = joint_share(&record, &near_japan);
    match share.share {
        Some(x) => println!(
            "  {} joint and {} single-state records: {:.0} % joint{}",
            share.joint,
            share.single_state,
            x * 100.0,
            if share.uncovered {
                " (of the records held; the record does not declare single-state activity complete)"
            } else {
                ""
            }
        ),
        None => println!("  no record near Japan"),
    }

    if b.validation.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn section(title: &str) {
    println!("\n{title}\n{}", "-".repeat(title.chars().count()));
}
