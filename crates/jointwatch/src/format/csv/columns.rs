//! The columns of each table: their headers, the fields they fill and their
//! cell syntax, how a header row tells the table, and how it maps to columns.

use std::fmt;
use std::str::FromStr;

use ::csv::StringRecord;

use crate::diagnostics::{Code, Finding, Severity};

/// Which table a CSV file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    /// Exercises, one per row.
    Exercises,
    /// Joint patrols, one per row.
    Patrols,
    /// Reported statistics, one per row.
    Statistics,
    /// Sources, one per row.
    Sources,
}

/// One column of a table: its header, whether it must be there and filled,
/// where its value goes in the JSON record, and the syntax of its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The header as written in the templates (matching ignores case,
    /// spaces, `-` and `_`).
    pub name: &'static str,
    /// Whether the column must be present and every cell in it filled.
    pub required: bool,
    /// The JSON field the cell fills, relative to the record.
    pub field: &'static str,
    /// The cell syntax, in a few words.
    pub syntax: &'static str,
}

const fn col(
    name: &'static str,
    required: bool,
    field: &'static str,
    syntax: &'static str,
) -> Column {
    Column {
        name,
        required,
        field,
        syntax,
    }
}

const TEXT: &str = "text";
const LIST: &str = "list of text";
const DATE: &str = "date: YYYY, YYYY-MM or YYYY-MM-DD";
const QTY: &str = "quantity";
const COUNTRY: &str = "country code";
const COUNTRIES: &str = "list of country codes";
const PARTICIPANTS: &str = "list of participants: CHN or RUS(navy)";
const AREAS: &str = "list of area ids or built-in area names";

static EXERCISE_COLUMNS: &[Column] = &[
    col("id", true, "id", TEXT),
    col("name", true, "name", TEXT),
    col("series", false, "series", TEXT),
    col("host", false, "host", COUNTRY),
    col("participants", true, "participants", PARTICIPANTS),
    col("observers", false, "observers", PARTICIPANTS),
    col("domains", false, "domains", "list of domains"),
    col("areas", false, "areas", AREAS),
    col("start", false, "dates", DATE),
    col("end", false, "dates", DATE),
    col("ships", false, "forces.ships", QTY),
    col("submarines", false, "forces.submarines", QTY),
    col("aircraft", false, "forces.aircraft", QTY),
    col("personnel", false, "forces.personnel", QTY),
    col(
        "equipment",
        false,
        "forces.equipment",
        "list of name=quantity",
    ),
    col("notes", false, "notes", TEXT),
    col("sources", false, "sources", "list of source ids"),
    col("tags", false, "tags", LIST),
];

static PATROL_COLUMNS: &[Column] = &[
    col("id", true, "id", TEXT),
    col("name", false, "name", TEXT),
    col("kind", true, "kind", "air or naval"),
    col("participants", true, "participants", PARTICIPANTS),
    col("start", false, "dates", DATE),
    col("end", false, "dates", DATE),
    col("sequence", false, "sequence", "whole number"),
    col(
        "platforms",
        false,
        "platforms",
        "list of model(role,country)=count",
    ),
    col("route", false, "route", "list of lon lat"),
    col("areas", false, "areas", AREAS),
    col("adizEntered", false, "adizEntered", COUNTRIES),
    col(
        "responses",
        false,
        "responses",
        "list of country(action)=count",
    ),
    col("notes", false, "notes", TEXT),
    col("sources", false, "sources", "list of source ids"),
    col("tags", false, "tags", LIST),
];

static STATISTIC_COLUMNS: &[Column] = &[
    col("id", true, "id", TEXT),
    col("label", true, "label", TEXT),
    col("measure", true, "measure", "measure word"),
    col("reporter", false, "reporter.name", TEXT),
    col("reporterCountry", false, "reporter.country", COUNTRY),
    col("subjects", false, "subjects", PARTICIPANTS),
    col(
        "period",
        false,
        "period",
        "2024, 2024-Q3, 2024-09, 2014-2023, FY2023, FY2023Q1, FY2023H1 or 2024-04..2024-12",
    ),
    col(
        "fiscalFirstMonth",
        false,
        "period.firstMonth",
        "month number 1-12",
    ),
    col("fiscalNamedBy", false, "period.namedBy", "start or end"),
    col("asOf", false, "asOf", DATE),
    col("rate", false, "rate", "total or perYear"),
    col("quantity", true, "quantity", QTY),
    col(
        "breakdown",
        false,
        "breakdown",
        "list of category(qualifier)=quantity",
    ),
    col("notes", false, "notes", TEXT),
    col("sources", false, "sources", "list of source ids"),
    col("tags", false, "tags", LIST),
];

static SOURCE_COLUMNS: &[Column] = &[
    col("id", true, "id", TEXT),
    col("title", true, "title", TEXT),
    col("publisher", false, "publisher", TEXT),
    col("url", false, "url", TEXT),
    col("date", false, "date", DATE),
    col("reliability", true, "reliability", "A-F"),
    col("credibility", true, "credibility", "1-6"),
    col("notes", false, "notes", TEXT),
];

impl Table {
    /// Every table.
    pub const ALL: [Table; 4] = [
        Table::Exercises,
        Table::Patrols,
        Table::Statistics,
        Table::Sources,
    ];

    /// The table's name, which is also the dataset field its records go to.
    pub fn as_str(&self) -> &'static str {
        match self {
            Table::Exercises => "exercises",
            Table::Patrols => "patrols",
            Table::Statistics => "statistics",
            Table::Sources => "sources",
        }
    }

    /// The columns, in template order.
    ///
    /// # Example
    /// ```
    /// use jointwatch::format::csv::Table;
    /// let required: Vec<_> = Table::Sources.columns().iter()
    ///     .filter(|c| c.required).map(|c| c.name).collect();
    /// assert_eq!(required, ["id", "title", "reliability", "credibility"]);
    /// ```
    pub fn columns(&self) -> &'static [Column] {
        match self {
            Table::Exercises => EXERCISE_COLUMNS,
            Table::Patrols => PATROL_COLUMNS,
            Table::Statistics => STATISTIC_COLUMNS,
            Table::Sources => SOURCE_COLUMNS,
        }
    }

    /// Tells the table from a header row, or `None` when it cannot.
    ///
    /// # Example
    /// ```
    /// use jointwatch::format::csv::Table;
    /// assert_eq!(Table::detect(&["id", "kind", "participants"]), Some(Table::Patrols));
    /// assert_eq!(Table::detect(&["id", "colour"]), None);
    /// ```
    pub fn detect<S: AsRef<str>>(headers: &[S]) -> Option<Table> {
        let has = |name: &str| headers.iter().any(|h| norm(h.as_ref()) == norm(name));
        if has("measure") {
            Some(Table::Statistics)
        } else if has("kind") {
            Some(Table::Patrols)
        } else if has("reliability") || has("credibility") {
            Some(Table::Sources)
        } else if has("name") && has("participants") {
            Some(Table::Exercises)
        } else {
            None
        }
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The text named no table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a table; use exercises, patrols, statistics or sources")]
pub struct UnknownTable(pub String);

impl FromStr for Table {
    type Err = UnknownTable;
    fn from_str(s: &str) -> Result<Table, UnknownTable> {
        match norm(s).as_str() {
            "exercise" | "exercises" => Ok(Table::Exercises),
            "patrol" | "patrols" => Ok(Table::Patrols),
            "statistic" | "statistics" => Ok(Table::Statistics),
            "source" | "sources" => Ok(Table::Sources),
            _ => Err(UnknownTable(s.to_string())),
        }
    }
}

pub(super) fn header_finding(table: Table, code: Code, message: String) -> Finding {
    Finding {
        code,
        severity: Severity::Error,
        path: table.as_str().to_string(),
        message,
        line: Some(1),
        column: None,
    }
}

/// `A`, `B`, … `Z`, `AA`, … as spreadsheets name columns.
pub(super) fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Lower case without spaces, `-`, `_` or `.`: how headers and words match.
pub(super) fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Maps each header to its column, or to nothing for `#` comments; every
/// unknown, duplicated or missing required column is reported.
pub(super) fn layout(
    table: Table,
    headers: &StringRecord,
) -> Result<Vec<Option<&'static Column>>, Vec<Finding>> {
    let mut findings = Vec::new();
    let mut layout: Vec<Option<&'static Column>> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let letter = column_letter(i);
        if h.starts_with('#') {
            layout.push(None);
            continue;
        }
        match table.columns().iter().find(|c| norm(c.name) == norm(h)) {
            Some(c) => {
                if layout.iter().flatten().any(|d| d.name == c.name) {
                    findings.push(header_finding(
                        table,
                        Code::DuplicateKey,
                        format!("row 1, column {letter}: column {:?} appears twice", c.name),
                    ));
                }
                layout.push(Some(c));
            }
            None => {
                let known: Vec<&str> = table.columns().iter().map(|c| c.name).collect();
                findings.push(header_finding(
                    table,
                    Code::UnknownField,
                    format!(
                        "row 1, column {letter}: {h:?} is not a column of {table}; \
                         expected one of {} (start a header with # to keep a column of your own)",
                        known.join(", ")
                    ),
                ));
                layout.push(None);
            }
        }
    }
    for c in table.columns().iter().filter(|c| c.required) {
        if !layout.iter().flatten().any(|d| d.name == c.name) {
            findings.push(header_finding(
                table,
                Code::MissingField,
                format!("row 1: the required column {:?} is missing", c.name),
            ));
        }
    }
    if findings.is_empty() {
        Ok(layout)
    } else {
        Err(findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_go_past_z() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}
