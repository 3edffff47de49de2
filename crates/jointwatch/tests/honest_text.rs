//! Issue 13, "false precision and certainty in the report": each failure the
//! issue found in the text brief of the seed (with the built-in catalogue), on
//! the same input, and what the brief says now. The STIX export is checked
//! for the same marks.

use jointwatch::brief::{brief, render_text};

fn seed_brief_text() -> String {
    let seed = jointwatch::seed();
    render_text(
        &seed,
        &brief(&seed, &Default::default(), &Default::default()),
    )
}

/// The lines of `text` from the one starting with `heading` to the next
/// blank line.
fn section<'a>(text: &'a str, heading: &str) -> Vec<&'a str> {
    text.lines()
        .skip_while(|l| !l.starts_with(heading))
        .take_while(|l| !l.is_empty())
        .collect()
}

#[test]
fn posteriors_resting_on_illustrative_numbers_are_starred_and_rounded_to_five_points() {
    let text = seed_brief_text();
    let rows = section(&text, "Scenarios as of");
    let row = rows
        .iter()
        .find(|l| l.trim_start().starts_with("Enhanced military integration"))
        .expect("the scenario's row");
    // Before: "50%*    41%" — an unmarked posterior to 1 %, moved by absent records.
    assert!(!row.contains("41%"), "{row}");
    let now = row.split_whitespace().nth(4).expect("the posterior column");
    assert!(now.ends_with("%*"), "{row}");
    let points: u32 = now.trim_end_matches("%*").parse().unwrap();
    assert_eq!(points % 5, 0, "{row}");
    assert!(text.contains("shown to the nearest 5 points"));
}

#[test]
fn every_contribution_is_accounted_for_and_each_judgement_has_its_horizon() {
    let text = seed_brief_text();
    let rows = section(&text, "Scenarios as of");
    // Before: at most two contributions, so they did not add up; no horizon.
    let impact = rows
        .iter()
        .position(|l| l.trim_start().starts_with("Impact on regional security"))
        .unwrap();
    let block: Vec<&str> = rows[impact + 1..]
        .iter()
        .take_while(|l| l.starts_with("      "))
        .copied()
        .collect();
    assert!(
        block.iter().any(|l| l.contains("by the end of")),
        "{block:?}"
    );
    assert!(
        block.iter().any(|l| l.contains("moved by (log-odds)")),
        "{block:?}"
    );
    assert!(
        block.iter().any(|l| l.contains("unknown, moving nothing")),
        "{block:?}"
    );
}

#[test]
fn the_exclusive_end_states_and_their_remainder_add_up_to_one_hundred() {
    let text = seed_brief_text();
    // Before: 22 % + 84 % = 106 %.
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("exclusive set end-states"))
        .expect("the set's line");
    assert!(line.contains("none of these"), "{line}");
    assert!(line.ends_with("(together 100%)"), "{line}");
}

#[test]
fn catalogue_indicators_are_counted_apart_from_the_datasets() {
    let text = seed_brief_text();
    let seed = jointwatch::seed();
    let catalogue = jointwatch::assess::catalogue::builtin().indicators.len();
    let header = format!(
        "Indicators as of 2024-12-31: {catalogue} evaluated, {} from this dataset, {catalogue} from the built-in catalogue",
        seed.indicators.len()
    );
    assert!(text.contains(&header), "{text}");
}

#[test]
fn a_comparison_of_one_is_not_certain_and_a_median_over_ranges_is_named_for_what_it_is() {
    let text = seed_brief_text();
    // Before: "largest for certain" for Ocean-2024 compared with itself.
    assert!(!text.contains("for certain"), "{text}");
    assert!(text.contains("ocean-2024, largest held, but the only one with the figure"));
    // Before: "median 7" for "four to ten a year", a number the source never gives.
    assert!(text.contains("median of the ranges' midpoints 7"), "{text}");
}

#[test]
fn a_remainder_beside_parts_without_figures_is_a_range() {
    let text = seed_brief_text();
    // Before: "unattributed 669".
    let rows = section(&text, "Breakdown of japan-scrambles-fy2023");
    assert!(
        rows.iter().any(|l| l.trim() == "unattributed 0–669"),
        "{rows:?}"
    );
}

#[test]
fn an_uncovered_count_is_marked_and_a_bare_figure_is_as_reported() {
    let text = seed_brief_text();
    // Before: a counted 2 for 2024 after ten rows of a reported 4–10, unmarked.
    let rows = section(&text, "Joint exercises per year");
    let row = rows
        .iter()
        .find(|l| l.trim_start().starts_with("2024"))
        .unwrap();
    assert!(row.contains("uncovered"), "{row}");
    // …and a lower bound on the events, not their number.
    assert!(row.contains("≥2"), "{row}");
    // Counts behind indicators outside coverage are lower bounds too, never a bare 0.
    let rows = section(&text, "Indicators as of");
    let cyber = rows
        .iter()
        .find(|l| l.contains("cyber or space domain"))
        .unwrap();
    assert!(cyber.contains("unknown") && cyber.contains("≥0"), "{cyber}");
    // Before: "90000 (exact)".
    assert!(text.contains("personnel  90000 (as reported)"), "{text}");
    assert!(!text.contains("(exact)"));
}

#[cfg(feature = "stix")]
#[test]
fn the_stix_export_marks_illustrative_posteriors_too() {
    use jointwatch::assess::{assess, catalogue, AssessOptions};
    use jointwatch::format::stix;
    let seed = jointwatch::seed();
    let options = AssessOptions::default();
    let full = catalogue::apply(&seed, &options);
    let a = assess(&full, &options);
    let stix_options = stix::StixOptions {
        timestamp: "2024-12-31T00:00:00Z".parse().unwrap(),
        namespace: None,
    };
    let text = stix::to_string(&full, Some(&a), &stix_options);
    assert!(text.contains("50 %, illustrative"), "no marked posterior");
    assert!(text.contains("by the end of 2029"), "no horizon");
}
