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
    /// Incidents, one per row.
    Incidents,
    /// Single-state (or any non-exercise, non-patrol) activities, one per row.
    Activities,
    /// Links between records, one per row, naming the record they belong to.
    Links,
    /// The values of figures that have several values or any stance, state,
    /// sources or notes, one value per row.
    FigureValues,
    /// Patrol numbering, one number per row.
    Numbering,
    /// Legs of patrols and activities, one per row, in order.
    Legs,
    /// The forces of each participating state, one state per row.
    ForcesByState,
    /// Claims made about records, one per row.
    Claims,
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
const TIME: &str = "time of day in UTC: HH:MM or HH:MM:SS";
const SOURCES: &str = "list of source ids";
const PLATFORMS: &str = "list of model(role,country)=count";
const RECORD: &str = "record id";

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
    col("startTime", false, "startTime", TIME),
    col("endTime", false, "endTime", TIME),
    col("sequence", false, "numbering", "whole number"),
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

static INCIDENT_COLUMNS: &[Column] = &[
    col("id", true, "id", TEXT),
    col("name", false, "name", TEXT),
    col("kind", true, "kind", "incident kind"),
    col("by", false, "by", PARTICIPANTS),
    col("against", false, "against", COUNTRIES),
    col("start", false, "dates", DATE),
    col("end", false, "dates", DATE),
    col("startTime", false, "startTime", TIME),
    col("endTime", false, "endTime", TIME),
    col("areas", false, "areas", AREAS),
    col("location", false, "location", "lon lat"),
    col("platforms", false, "platforms", PLATFORMS),
    col("rounds", false, "rounds", QTY),
    col("sorties", false, "sorties", QTY),
    col("notes", false, "notes", TEXT),
    col("sources", false, "sources", SOURCES),
    col("tags", false, "tags", LIST),
];

static ACTIVITY_COLUMNS: &[Column] = &[
    col("id", true, "id", TEXT),
    col("name", false, "name", TEXT),
    col("kind", true, "kind", "activity kind"),
    col("domain", false, "domain", "domain word"),
    col("participants", true, "participants", PARTICIPANTS),
    col("start", false, "dates", DATE),
    col("end", false, "dates", DATE),
    col("startTime", false, "startTime", TIME),
    col("endTime", false, "endTime", TIME),
    col("platforms", false, "platforms", PLATFORMS),
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
    col("route", false, "route", "list of lon lat"),
    col("areas", false, "areas", AREAS),
    col("adizEntered", false, "adizEntered", COUNTRIES),
    col("notes", false, "notes", TEXT),
    col("sources", false, "sources", SOURCES),
    col("tags", false, "tags", LIST),
];

static LINK_COLUMNS: &[Column] = &[
    col("record", true, "id", RECORD),
    col("rel", true, "links.rel", "link kind"),
    col("to", true, "links.to", RECORD),
    col("sources", false, "links.sources", SOURCES),
    col("notes", false, "links.notes", TEXT),
];

static FIGURE_VALUE_COLUMNS: &[Column] = &[
    col("record", true, "id", RECORD),
    col("field", true, "values", "figure path"),
    col("value", true, "values.value", QTY),
    col("stance", false, "values.stance", "stance word"),
    col("by", false, "values.by", COUNTRY),
    col("sources", false, "values.sources", SOURCES),
    col("notes", false, "values.notes", TEXT),
];

static NUMBERING_COLUMNS: &[Column] = &[
    col("record", true, "id", RECORD),
    col("number", true, "numbering.number", "whole number"),
    col("by", false, "numbering.by", COUNTRY),
    col("body", false, "numbering.body", TEXT),
    col("sources", false, "numbering.sources", SOURCES),
];

static LEG_COLUMNS: &[Column] = &[
    col("record", true, "id", RECORD),
    col("start", false, "legs.dates", DATE),
    col("end", false, "legs.dates", DATE),
    col("startTime", false, "legs.startTime", TIME),
    col("endTime", false, "legs.endTime", TIME),
    col("areas", false, "legs.areas", AREAS),
    col("straits", false, "legs.straits", AREAS),
    col("route", false, "legs.route", "list of lon lat"),
    col("notes", false, "legs.notes", TEXT),
];

static FORCES_BY_STATE_COLUMNS: &[Column] = &[
    col("record", true, "id", RECORD),
    col("country", true, "forces.byState.country", COUNTRY),
    col("ships", false, "forces.byState.forces.ships", QTY),
    col("submarines", false, "forces.byState.forces.submarines", QTY),
    col("aircraft", false, "forces.byState.forces.aircraft", QTY),
    col("personnel", false, "forces.byState.forces.personnel", QTY),
    col(
        "equipment",
        false,
        "forces.byState.forces.equipment",
        "list of name=quantity",
    ),
];

static CLAIM_COLUMNS: &[Column] = &[
    col("record", true, "id", RECORD),
    col(
        "kind",
        true,
        "claims.kind",
        "largest, first, longest or other",
    ),
    col("text", true, "claims.text", TEXT),
    col("scope", false, "claims.scope", TEXT),
    col("windowYears", false, "claims.windowYears", "whole number"),
    col("sources", false, "claims.sources", SOURCES),
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
    pub const ALL: [Table; 12] = [
        Table::Exercises,
        Table::Patrols,
        Table::Statistics,
        Table::Sources,
        Table::Incidents,
        Table::Activities,
        Table::Links,
        Table::FigureValues,
        Table::Numbering,
        Table::Legs,
        Table::ForcesByState,
        Table::Claims,
    ];

    /// Whether the table adds to records of other tables (a `record` column
    /// names the record) rather than holding records of its own.
    ///
    /// # Example
    /// ```
    /// use jointwatch::format::csv::Table;
    /// assert!(Table::Links.is_attachment());
    /// assert!(!Table::Incidents.is_attachment());
    /// ```
    pub fn is_attachment(&self) -> bool {
        matches!(
            self,
            Table::Links
                | Table::FigureValues
                | Table::Numbering
                | Table::Legs
                | Table::ForcesByState
                | Table::Claims
        )
    }

    /// The table's name and its file's name without `.csv`; for a table of
    /// records, also the dataset field its records go to.
    pub fn as_str(&self) -> &'static str {
        match self {
            Table::Exercises => "exercises",
            Table::Patrols => "patrols",
            Table::Statistics => "statistics",
            Table::Sources => "sources",
            Table::Incidents => "incidents",
            Table::Activities => "activities",
            Table::Links => "links",
            Table::FigureValues => "figure-values",
            Table::Numbering => "numbering",
            Table::Legs => "legs",
            Table::ForcesByState => "forces-by-state",
            Table::Claims => "claims",
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
            Table::Incidents => INCIDENT_COLUMNS,
            Table::Activities => ACTIVITY_COLUMNS,
            Table::Links => LINK_COLUMNS,
            Table::FigureValues => FIGURE_VALUE_COLUMNS,
            Table::Numbering => NUMBERING_COLUMNS,
            Table::Legs => LEG_COLUMNS,
            Table::ForcesByState => FORCES_BY_STATE_COLUMNS,
            Table::Claims => CLAIM_COLUMNS,
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
        if has("record") {
            return if has("rel") {
                Some(Table::Links)
            } else if has("field") {
                Some(Table::FigureValues)
            } else if has("number") {
                Some(Table::Numbering)
            } else if has("text") {
                Some(Table::Claims)
            } else if has("country") {
                Some(Table::ForcesByState)
            } else {
                // Every column of a leg is optional.
                Some(Table::Legs)
            };
        }
        if has("measure") {
            Some(Table::Statistics)
        } else if has("kind") && (has("by") || has("against")) {
            Some(Table::Incidents)
        } else if has("kind") && has("domain") {
            Some(Table::Activities)
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
#[error(
    "{0:?} is not a table; use exercises, patrols, statistics, sources, incidents, activities, \
     links, figure-values, numbering, legs, forces-by-state or claims"
)]
pub struct UnknownTable(pub String);

impl FromStr for Table {
    type Err = UnknownTable;
    fn from_str(s: &str) -> Result<Table, UnknownTable> {
        match norm(s).as_str() {
            "exercise" | "exercises" => Ok(Table::Exercises),
            "patrol" | "patrols" => Ok(Table::Patrols),
            "statistic" | "statistics" => Ok(Table::Statistics),
            "source" | "sources" => Ok(Table::Sources),
            "incident" | "incidents" => Ok(Table::Incidents),
            "activity" | "activities" => Ok(Table::Activities),
            "link" | "links" => Ok(Table::Links),
            "figurevalue" | "figurevalues" => Ok(Table::FigureValues),
            "numbering" | "numberings" => Ok(Table::Numbering),
            "leg" | "legs" => Ok(Table::Legs),
            "forcesbystate" => Ok(Table::ForcesByState),
            "claim" | "claims" => Ok(Table::Claims),
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
