//! The CSV templates and their documentation: the templates import, hold
//! the seed's records cell for cell, and validate; docs/csv.md documents
//! every column the code knows.
#![cfg(feature = "csv")]

mod external;

use jointwatch::format::csv::{self, Table};
use jointwatch::Dataset;

fn template(table: Table) -> String {
    std::fs::read_to_string(
        external::repo()
            .join("examples/data")
            .join(format!("{table}.csv")),
    )
    .unwrap()
}

fn templates() -> Dataset {
    let mut files = Vec::new();
    for t in Table::ALL {
        let text = template(t);
        let imported = csv::read(&text, None).unwrap_or_else(|e| panic!("{t}: {e}"));
        assert_eq!(imported.table, t, "the header tells the table");
        files.push((format!("{t}.csv"), text));
    }
    csv::read_tables(&files).unwrap_or_else(|e| panic!("{e}: {:#?}", e.findings))
}

#[test]
fn templates_hold_the_seed_records_and_validate() {
    let ds = templates();
    let report = ds.validate();
    assert!(!report.has_errors(), "{:?}", report.findings);
    let seed = jointwatch::seed();
    assert_eq!(ds.statistics, seed.statistics);
    assert_eq!(ds.patrols[0], seed.patrols[0]);
    for (got, want) in ds.exercises.iter().zip(&seed.exercises) {
        // Claims have no CSV column.
        let mut want = want.clone();
        want.claims.clear();
        assert_eq!(got, &want);
    }
    assert_eq!(ds.sources[0], seed.sources[0]);
    // The 2.0 rows: Vostok-2018 by state, with Russia's claim beside the
    // reported figure; the warning shots with their two counts of rounds.
    let vostok = ds.exercise("vostok-2018").unwrap();
    let rus = &vostok.forces.by_state[0];
    assert_eq!(rus.country.to_string(), "RUS");
    assert_eq!(rus.forces.personnel.as_ref().unwrap().values.len(), 2);
    let shots = ds.incident("inc-2019-07-23-kor-warning-shots").unwrap();
    assert_eq!(shots.rounds.as_ref().unwrap().values.len(), 2);
    assert!(!shots.links.is_empty());
    assert!(!ds.activities[0].legs.is_empty());
    assert_eq!(ds.patrol("jnp-2021-10-17").unwrap().numbering.len(), 2);
    // The illustrative row uses every patrol column it can.
    let example = &ds.patrols[1];
    assert!(example.tags.contains(&"illustrative".to_string()));
    assert_eq!(example.route.len(), 3);
    assert_eq!(example.areas, ["sea-of-japan", "sea-of-okhotsk"]);
}

#[test]
fn the_documentation_lists_every_column() {
    let doc = std::fs::read_to_string(external::repo().join("docs/csv.md")).unwrap();
    for t in Table::ALL {
        let section = doc
            .split(&format!("### {t}\n"))
            .nth(1)
            .unwrap_or_else(|| panic!("docs/csv.md has no section for {t}"));
        let section = section.split("\n### ").next().unwrap();
        for c in t.columns() {
            let required = if c.required { "yes " } else { "" };
            let row = format!("| `{}` | {required}|", c.name);
            assert!(
                section.contains(&row),
                "docs/csv.md, {t}: no row `{row}` for column {}",
                c.name
            );
        }
        let header = template(t).lines().next().unwrap().to_string();
        let names: Vec<&str> = t.columns().iter().map(|c| c.name).collect();
        assert_eq!(
            header,
            names.join(","),
            "the {t} template lists every column in order"
        );
    }
}

/// The records and sources of a dataset, without what CSV has no table for.
fn records_of(d: &Dataset) -> Dataset {
    Dataset {
        exercises: d.exercises.clone(),
        patrols: d.patrols.clone(),
        statistics: d.statistics.clone(),
        incidents: d.incidents.clone(),
        activities: d.activities.clone(),
        sources: d.sources.clone(),
        ..Dataset::default()
    }
}

fn through_csv(ds: &Dataset) -> Dataset {
    let tables = csv::write(ds).unwrap_or_else(|e| panic!("{e}: {:#?}", e.findings));
    let files: Vec<(String, String)> = tables
        .into_iter()
        .map(|t| (t.file_name(), t.text))
        .collect();
    csv::read_tables(&files).unwrap_or_else(|e| panic!("{e}: {:#?}", e.findings))
}

#[test]
fn the_real_world_2_0_fixture_round_trips_through_csv() {
    let text = std::fs::read_to_string(
        external::repo().join("crates/jointwatch/tests/data/real-world-2.json"),
    )
    .unwrap();
    let ds = Dataset::from_json(&text).unwrap();
    let back = through_csv(&ds);
    assert_eq!(records_of(&back), records_of(&ds));
    // What the fixture needs the new tables for is really in them.
    let tables = csv::write(&ds).unwrap();
    let rows = |t: Table| {
        tables
            .iter()
            .find(|w| w.table == t)
            .map_or(0, |w| w.text.lines().count() - 1)
    };
    let links: usize = [
        ds.exercises.iter().map(|r| r.links.len()).sum::<usize>(),
        ds.patrols.iter().map(|r| r.links.len()).sum(),
        ds.incidents.iter().map(|r| r.links.len()).sum(),
        ds.activities.iter().map(|r| r.links.len()).sum(),
        ds.statistics.iter().map(|r| r.links.len()).sum(),
    ]
    .iter()
    .sum();
    assert_eq!(rows(Table::Links), links);
    assert_eq!(
        rows(Table::Numbering),
        ds.patrols.iter().map(|p| p.numbering.len()).sum::<usize>()
    );
    assert!(rows(Table::FigureValues) > 0);
    assert!(rows(Table::ForcesByState) > 0);
    // And the dataset read back validates as the original does.
    let mut full = back;
    full.coverage = ds.coverage.clone();
    full.title = ds.title.clone();
    assert!(!full.validate().has_errors());
}

#[test]
fn the_seed_round_trips_through_csv() {
    let seed = jointwatch::seed();
    assert_eq!(records_of(&through_csv(&seed)), records_of(&seed));
}

#[test]
fn what_no_cell_can_hold_is_refused_with_its_path() {
    let mut ds = jointwatch::seed();
    ds.patrols[0].responses.push(jointwatch::PatrolResponse {
        by: "JPN".parse().unwrap(),
        action: jointwatch::ResponseAction::Scramble,
        count: None,
        notes: Some("no column holds this".into()),
    });
    ds.exercises[0].tags.push(" padded".into());
    let err = csv::write(&ds).unwrap_err();
    let paths: Vec<&str> = err.findings.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            format!("exercises[0].tags[{}]", ds.exercises[0].tags.len() - 1),
            format!(
                "patrols[0].responses[{}].notes",
                ds.patrols[0].responses.len() - 1
            )
        ]
    );
    assert!(err
        .findings
        .iter()
        .all(|f| f.code == jointwatch::Code::InvalidValue));
}

#[test]
fn attachment_rows_name_row_column_and_record() {
    let mut ds = jointwatch::seed();
    let text = "record,field,value,stance\n\
                no-such,forces.ships,3,claimed\n";
    let err = csv::read(text, None)
        .unwrap()
        .merge_into(&mut ds)
        .unwrap_err();
    let f = &err.findings[0];
    assert_eq!(f.path, "figure-values[0].record");
    assert_eq!(f.line, Some(2));
    assert!(
        f.message
            .starts_with("row 2, column \"record\" (A): no exercise"),
        "{}",
        f.message
    );
    // A figure its cell already gives is not given again.
    csv::read("id,name,participants,ships\ne1,E1,CHN;RUS,3\n", None)
        .unwrap()
        .merge_into(&mut ds)
        .unwrap();
    let text = "record,field,value\ne1,forces.ships,4\n";
    let err = csv::read(text, None)
        .unwrap()
        .merge_into(&mut ds)
        .unwrap_err();
    assert_eq!(err.findings[0].code, jointwatch::Code::DuplicateKey);
    assert!(err.findings[0].message.contains("column \"field\" (B)"));
}
