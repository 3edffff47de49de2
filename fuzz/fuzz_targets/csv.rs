//! CSV import of every table, and the quantity cell syntax, on arbitrary text.
#![no_main]

use jointwatch::format::csv::{parse_quantity, quantity_cell, read, Table};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for table in [None, Some(Table::Exercises), Some(Table::Patrols), Some(Table::Statistics), Some(Table::Sources)] {
        if let Ok(imported) = read(text, table) {
            let _ = imported.dataset.validate();
            let _ = imported.dataset.to_json();
        }
    }
    if let Ok(q) = parse_quantity(text) {
        // What we write back, we must read back as the same quantity.
        let again = parse_quantity(&quantity_cell(&q));
        assert_eq!(again.ok(), Some(q), "cell {:?}", quantity_cell(&q));
    }
});
