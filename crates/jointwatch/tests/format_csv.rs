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
    let mut ds = Dataset::default();
    for t in Table::ALL {
        let imported = csv::read(&template(t), None).unwrap_or_else(|e| panic!("{t}: {e}"));
        assert_eq!(imported.table, t, "the header tells the table");
        imported.merge_into(&mut ds).unwrap();
    }
    ds
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
