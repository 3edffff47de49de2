//! CSV import of every table (one at a time, and as a set split on form
//! feeds: the first line of each part names its table), CSV export of what
//! was read, and the quantity cell syntax, on arbitrary text.
#![no_main]

use jointwatch::format::csv::{parse_quantity, quantity_cell, read, read_tables, write, Table};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let tables = std::iter::once(None).chain(Table::ALL.into_iter().map(Some));
    for table in tables {
        if let Ok(imported) = read(text, table) {
            let _ = imported.dataset.validate();
            let _ = imported.dataset.to_json();
        }
    }
    // A set of tables: "incidents.csv\n<rows>\x0clinks.csv\n<rows>…".
    let files: Vec<(String, String)> = text
        .split('\x0c')
        .filter_map(|part| {
            let (name, rows) = part.split_once('\n')?;
            Some((name.trim().to_string(), rows.to_string()))
        })
        .collect();
    if let Ok(ds) = read_tables(&files) {
        let _ = ds.validate();
        // What is written is read back as the same records.
        if let Ok(written) = write(&ds) {
            let again: Vec<(String, String)> =
                written.iter().map(|t| (t.file_name(), t.text.clone())).collect();
            let back = read_tables(&again).expect("written tables read back");
            assert_eq!(back.exercises, ds.exercises);
            assert_eq!(back.patrols, ds.patrols);
            assert_eq!(back.incidents, ds.incidents);
            assert_eq!(back.activities, ds.activities);
        }
    }
    if let Ok(q) = parse_quantity(text) {
        // What we write back, we must read back as the same quantity.
        let again = parse_quantity(&quantity_cell(&q));
        assert_eq!(again.ok(), Some(q), "cell {:?}", quantity_cell(&q));
    }
});
