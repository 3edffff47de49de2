//! CSV import of the tables analysts keep in spreadsheets: exercises,
//! patrols, statistics, and the sources they cite.
//!
//! One file holds one table, with a header row. Which table is told by the
//! caller or, failing that, by the header: a `measure` column means
//! statistics, `kind` patrols, `reliability` sources, `name` with
//! `participants` exercises. The columns and cell syntax are documented in
//! `docs/csv.md`; [`Table::columns`] lists them in code.
//!
//! Cells hold the same values as the JSON document, written the way people
//! type them:
//!
//! - lists: `CHN;RUS` (semicolons; empty items are ignored);
//! - quantities: `669`, `90,000`, `400+` (400 or more), `>400` (over 400),
//!   `<=10`, `<10`, `4-10`, `3/5/8` (low/best/high); see [`parse_quantity`];
//! - items with details: `RUS(navy)`, `H-6K(bomber,CHN)=2`,
//!   `JPN(scramble)=4`, `CHN(significant)`.
//!
//! Import is all or nothing: a file with any bad cell imports no record,
//! and every bad cell is reported, each finding naming the row and column.
//! Header problems (an unknown or duplicated column, a missing required
//! one) are reported before any row is read. Reading does not validate: the
//! records still go through [`Dataset::validate`] like a JSON document; to
//! add them to a dataset only when they validate, pass `imported.dataset` to
//! [`Dataset::merge`].
//!
//! # Example
//! ```
//! use jointwatch::format::csv::{self, Table};
//! use jointwatch::{Code, Quantity};
//!
//! let text = "id,name,participants,domains,areas,start,end,ships\n\
//!             ocean-2024,Ocean-2024,RUS;CHN,naval,Sea of Japan,2024-09-10,2024-09-16,>400\n";
//! let imported = csv::read(text, None).unwrap();
//! assert_eq!(imported.table, Table::Exercises);
//! let e = &imported.dataset.exercises[0];
//! assert_eq!(e.areas, ["sea-of-japan"]);
//! assert_eq!(e.forces.ships, Some(Quantity::MoreThan(400.0)));
//!
//! let bad = "id,name,participants\nx,X,CHN;Russia\n";
//! let err = csv::read(bad, Some(Table::Exercises)).unwrap_err();
//! assert_eq!(err.findings[0].code, Code::InvalidCountryCode);
//! assert!(err.findings[0].message.starts_with("row 2, column \"participants\""));
//! ```

use std::fmt;
use std::str::FromStr;

use ::csv::{ReaderBuilder, StringRecord, Trim};
use serde::Serialize;

use crate::dataset::read::LoadError;
use crate::dataset::Dataset;
use crate::diagnostics::{Code, Finding, Severity};
use crate::model::actor::{CountryCode, Participant, ServiceBranch};
use crate::model::date::{DateRange, FuzzyDate};
use crate::model::exercise::{Domain, Equipment, Exercise, Forces};
use crate::model::patrol::{
    Patrol, PatrolKind, PatrolResponse, Platform, PlatformRole, ResponseAction,
};
use crate::model::period::{FiscalNaming, Period};
use crate::model::place::{builtin_area, Point};
use crate::model::quantity::{plain_number, Quantity};
use crate::model::source::{Credibility, Reliability, Source};
use crate::model::statistic::{BreakdownEntry, Category, Measure, Rate, Reporter, Statistic};

/// The code for text that is not well-formed CSV (a row with more or fewer
/// cells than the header). The core has no CSV-specific code yet, so this
/// is `invalid-value`.
const MALFORMED_CSV: Code = Code::InvalidValue;

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
        "2024, 2024-Q3, 2024-09, 2014-2023 or FY2023",
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTable(pub String);

impl fmt::Display for UnknownTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a table; use exercises, patrols, statistics or sources",
            self.0
        )
    }
}

impl std::error::Error for UnknownTable {}

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

/// A CSV file read into records.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// Which table the file held.
    pub table: Table,
    /// A dataset holding only the file's records (in the list named by
    /// `table`), in file order.
    pub dataset: Dataset,
    /// The line of the file on which each record starts, in record order.
    pub lines: Vec<u64>,
}

impl Imported {
    /// Appends the records to `target`, and returns the index the first of
    /// them got in its list, so that findings on the merged dataset can be
    /// traced back to rows.
    ///
    /// # Example
    /// ```
    /// use jointwatch::format::csv;
    /// let mut ds = jointwatch::seed();
    /// let text = "id,title,reliability,credibility\nmod,Japan MoD press release,B,2\n";
    /// let offset = csv::read(text, None).unwrap().merge_into(&mut ds);
    /// assert_eq!(offset, 1);
    /// assert_eq!(ds.sources[1].id, "mod");
    /// ```
    pub fn merge_into(self, target: &mut Dataset) -> usize {
        let ds = self.dataset;
        match self.table {
            Table::Exercises => {
                let n = target.exercises.len();
                target.exercises.extend(ds.exercises);
                n
            }
            Table::Patrols => {
                let n = target.patrols.len();
                target.patrols.extend(ds.patrols);
                n
            }
            Table::Statistics => {
                let n = target.statistics.len();
                target.statistics.extend(ds.statistics);
                n
            }
            Table::Sources => {
                let n = target.sources.len();
                target.sources.extend(ds.sources);
                n
            }
        }
    }

    /// The spreadsheet row (the header is row 1) and file line of the record
    /// a dataset path such as `exercises[3].dates` points to, when the path
    /// is into this table; `offset` is what [`Imported::merge_into`]
    /// returned, or 0.
    pub fn row_of(&self, path: &str, offset: usize) -> Option<(usize, u64)> {
        let rest = path.strip_prefix(self.table.as_str())?.strip_prefix('[')?;
        let index: usize = rest[..rest.find(']')?].parse().ok()?;
        let i = index.checked_sub(offset)?;
        self.lines.get(i).map(|line| (i + 2, *line))
    }
}

/// A CSV file was rejected; holds every finding (all errors).
#[derive(Debug, Clone, PartialEq)]
pub struct CsvError {
    /// What was wrong, each naming the row and column.
    pub findings: Vec<Finding>,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "CSV rejected with {} error(s); nothing was imported",
            self.findings.len()
        )?;
        if let Some(first) = self.findings.first() {
            write!(f, "; first: {first}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CsvError {}

impl From<CsvError> for LoadError {
    fn from(e: CsvError) -> Self {
        LoadError {
            findings: e.findings,
        }
    }
}

/// A cell's text does not follow the documented syntax.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The code a finding about it carries.
    pub code: Code,
    /// What is wrong.
    pub message: String,
}

impl SyntaxError {
    fn new(code: Code, message: impl Into<String>) -> Self {
        SyntaxError {
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SyntaxError {}

type Parsed<T> = Result<T, SyntaxError>;

/// Reads a CSV file. `table` says which table it holds; `None` tells it from
/// the header ([`Table::detect`]).
pub fn read(text: &str, table: Option<Table>) -> Result<Imported, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rdr = ReaderBuilder::new()
        .trim(Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut findings = Vec::new();
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(CsvError {
                findings: vec![whole_file(MALFORMED_CSV, e.to_string())],
            })
        }
    };
    let names: Vec<&str> = headers.iter().collect();
    let table = match table.or_else(|| Table::detect(&names)) {
        Some(t) => t,
        None => {
            return Err(CsvError {
                findings: vec![whole_file(
                    Code::MissingField,
                    "row 1: cannot tell which table the header is for; name the table \
                     (exercises, patrols, statistics or sources) or add its required columns",
                )],
            })
        }
    };

    // Header: map each column to its definition, or to nothing for `#` comments.
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
    if !findings.is_empty() {
        return Err(CsvError { findings });
    }

    let mut dataset = Dataset::default();
    let mut lines = Vec::new();
    let mut record = StringRecord::new();
    let mut index = 0usize;
    let (mut counted_to, mut counted_line) = (0usize, 1u64);
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                findings.push(whole_file(MALFORMED_CSV, e.to_string()));
                break;
            }
        }
        // The reader's own line count lags after blank lines, so count the
        // newlines up to the record's first byte.
        let mut start = record.position().map(|p| p.byte() as usize).unwrap_or(0);
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start > counted_to {
            counted_line += text.as_bytes()[counted_to..start]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            counted_to = start;
        }
        let line = counted_line;
        let mut row = Row {
            table,
            index,
            line,
            layout: &layout,
            record: &record,
            findings: &mut findings,
            failed: false,
        };
        if record.len() != layout.len() {
            row.fail_row(format!(
                "has {} cells but the header has {}; check for an unquoted comma or a missing cell",
                record.len(),
                layout.len()
            ));
        } else {
            match table {
                Table::Exercises => {
                    if let Some(r) = exercise(&mut row) {
                        dataset.exercises.push(r);
                    }
                }
                Table::Patrols => {
                    if let Some(r) = patrol(&mut row) {
                        dataset.patrols.push(r);
                    }
                }
                Table::Statistics => {
                    if let Some(r) = statistic(&mut row) {
                        dataset.statistics.push(r);
                    }
                }
                Table::Sources => {
                    if let Some(r) = source(&mut row) {
                        dataset.sources.push(r);
                    }
                }
            }
        }
        lines.push(line);
        index += 1;
    }
    if findings.is_empty() {
        Ok(Imported {
            table,
            dataset,
            lines,
        })
    } else {
        Err(CsvError { findings })
    }
}

fn whole_file(code: Code, message: impl Into<String>) -> Finding {
    Finding {
        code,
        severity: Severity::Error,
        path: String::new(),
        message: message.into(),
        line: None,
        column: None,
    }
}

fn header_finding(table: Table, code: Code, message: String) -> Finding {
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
fn column_letter(mut i: usize) -> String {
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
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// One data row being read.
struct Row<'a> {
    table: Table,
    index: usize,
    line: u64,
    layout: &'a [Option<&'static Column>],
    record: &'a StringRecord,
    findings: &'a mut Vec<Finding>,
    failed: bool,
}

impl Row<'_> {
    fn row(&self) -> usize {
        self.index + 2
    }

    fn fail_row(&mut self, msg: String) {
        self.failed = true;
        let row = self.row();
        self.findings.push(Finding {
            code: MALFORMED_CSV,
            severity: Severity::Error,
            path: format!("{}[{}]", self.table, self.index),
            message: format!("row {row}: {msg}"),
            line: Some(self.line as usize),
            column: None,
        });
    }

    fn fail(&mut self, name: &str, e: SyntaxError) {
        self.failed = true;
        let (letter, field) = match self
            .layout
            .iter()
            .position(|c| c.is_some_and(|c| c.name == name))
        {
            Some(i) => (
                column_letter(i),
                self.layout[i].map(|c| c.field).unwrap_or(name),
            ),
            None => (String::from("?"), name),
        };
        let row = self.row();
        self.findings.push(Finding {
            code: e.code,
            severity: Severity::Error,
            path: format!("{}[{}].{field}", self.table, self.index),
            message: format!("row {row}, column {name:?} ({letter}): {}", e.message),
            line: Some(self.line as usize),
            column: None,
        });
    }

    /// The trimmed cell of a column, `None` when the column is absent or the
    /// cell empty.
    fn cell(&self, name: &str) -> Option<&str> {
        let i = self
            .layout
            .iter()
            .position(|c| c.is_some_and(|c| c.name == name))?;
        self.record.get(i).filter(|s| !s.is_empty())
    }

    /// A parsed optional cell; a bad value is reported and gives `None`.
    fn opt<T>(&mut self, name: &str, f: impl FnOnce(&str) -> Parsed<T>) -> Option<T> {
        let text = self.cell(name)?.to_string();
        match f(&text) {
            Ok(v) => Some(v),
            Err(e) => {
                self.fail(name, e);
                None
            }
        }
    }

    /// A parsed cell that must be filled.
    fn req<T>(&mut self, name: &str, f: impl FnOnce(&str) -> Parsed<T>) -> Option<T> {
        if self.cell(name).is_none() {
            self.fail(
                name,
                SyntaxError::new(Code::MissingField, "the cell is empty but required"),
            );
            return None;
        }
        self.opt(name, f)
    }

    /// A `;`-separated list; every bad item is reported.
    fn list<T>(&mut self, name: &str, mut f: impl FnMut(&str) -> Parsed<T>) -> Vec<T> {
        let Some(text) = self.cell(name).map(str::to_string) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in text.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            match f(item) {
                Ok(v) => out.push(v),
                Err(e) => self.fail(name, e),
            }
        }
        out
    }

    fn text(&mut self, name: &str) -> Option<String> {
        self.cell(name).map(str::to_string)
    }

    fn texts(&mut self, name: &str) -> Vec<String> {
        self.list(name, |s| Ok(s.to_string()))
    }

    fn dates(&mut self) -> Option<DateRange> {
        let start = self.opt("start", date);
        let end = self.opt("end", date);
        match (start, end) {
            (Some(s), Some(e)) => Some(DateRange { start: s, end: e }),
            (Some(s), None) => Some(DateRange::single(s)),
            (None, Some(_)) => {
                if self.cell("start").is_none() {
                    self.fail(
                        "start",
                        SyntaxError::new(
                            Code::MissingField,
                            "an end date needs a start date; for a single date fill only `start`",
                        ),
                    );
                }
                None
            }
            (None, None) => None,
        }
    }
}

// ---------------------------------------------------------------------------
// Rows to records.
// ---------------------------------------------------------------------------

fn exercise(r: &mut Row<'_>) -> Option<Exercise> {
    let id = r.req("id", |s| Ok(s.to_string()));
    let name = r.req("name", |s| Ok(s.to_string()));
    if r.cell("participants").is_none() {
        r.fail(
            "participants",
            SyntaxError::new(Code::MissingField, "the cell is empty but required"),
        );
    }
    let participants = r.list("participants", participant);
    let e = Exercise {
        id: id.unwrap_or_default(),
        name: name.unwrap_or_default(),
        series: r.text("series"),
        host: r.opt("host", country),
        participants,
        observers: r.list("observers", participant),
        domains: r.list("domains", domain),
        areas: r.list("areas", area),
        dates: r.dates(),
        forces: Forces {
            ships: r.opt("ships", parse_quantity),
            submarines: r.opt("submarines", parse_quantity),
            aircraft: r.opt("aircraft", parse_quantity),
            personnel: r.opt("personnel", parse_quantity),
            equipment: r.list("equipment", equipment),
        },
        claims: Vec::new(),
        notes: r.text("notes"),
        sources: r.texts("sources"),
        tags: r.texts("tags"),
    };
    (!r.failed).then_some(e)
}

fn patrol(r: &mut Row<'_>) -> Option<Patrol> {
    let id = r.req("id", |s| Ok(s.to_string()));
    let kind = r.req("kind", patrol_kind);
    if r.cell("participants").is_none() {
        r.fail(
            "participants",
            SyntaxError::new(Code::MissingField, "the cell is empty but required"),
        );
    }
    let participants = r.list("participants", participant);
    let p = Patrol {
        id: id.unwrap_or_default(),
        name: r.text("name"),
        kind: kind.unwrap_or(PatrolKind::JointAirPatrol),
        participants,
        dates: r.dates(),
        sequence: r.opt("sequence", |s| whole::<u32>(s, "a sequence number")),
        platforms: r.list("platforms", platform),
        route: r.list("route", point),
        areas: r.list("areas", area),
        adiz_entered: r.list("adizEntered", country),
        responses: r.list("responses", response),
        notes: r.text("notes"),
        sources: r.texts("sources"),
        tags: r.texts("tags"),
    };
    (!r.failed).then_some(p)
}

fn statistic(r: &mut Row<'_>) -> Option<Statistic> {
    let id = r.req("id", |s| Ok(s.to_string()));
    let label = r.req("label", |s| Ok(s.to_string()));
    let measure = r.req("measure", measure);
    let reporter_name = r.text("reporter");
    let reporter_country = r.opt("reporterCountry", country);
    let reporter = match (reporter_name, reporter_country) {
        (Some(name), country) => Some(Reporter { name, country }),
        (None, Some(_)) => {
            r.fail(
                "reporter",
                SyntaxError::new(
                    Code::MissingField,
                    "a reporter country needs the reporter's name",
                ),
            );
            None
        }
        (None, None) => None,
    };
    let first_month = r.opt("fiscalFirstMonth", |s| whole::<u8>(s, "a month number"));
    let named_by = r.opt("fiscalNamedBy", fiscal_naming);
    let period = r.opt("period", |s| period(s, first_month, named_by));
    if period.is_some()
        && !matches!(period, Some(Period::FiscalYear { .. }))
        && (first_month.is_some() || named_by.is_some())
    {
        r.fail(
            "fiscalFirstMonth",
            SyntaxError::new(
                Code::InvalidPeriod,
                "fiscal columns apply only to an FY period such as FY2023",
            ),
        );
    }
    let s = Statistic {
        id: id.unwrap_or_default(),
        label: label.unwrap_or_default(),
        measure: measure.unwrap_or(Measure::Other),
        reporter,
        subjects: r.list("subjects", participant),
        period,
        as_of: r.opt("asOf", date),
        rate: r.opt("rate", rate).unwrap_or(Rate::Total),
        quantity: r
            .req("quantity", parse_quantity)
            .unwrap_or(Quantity::Exact(0.0)),
        breakdown: r.list("breakdown", breakdown),
        notes: r.text("notes"),
        sources: r.texts("sources"),
        tags: r.texts("tags"),
    };
    (!r.failed).then_some(s)
}

fn source(r: &mut Row<'_>) -> Option<Source> {
    let s = Source {
        id: r.req("id", |s| Ok(s.to_string())).unwrap_or_default(),
        title: r.req("title", |s| Ok(s.to_string())).unwrap_or_default(),
        publisher: r.text("publisher"),
        url: r.text("url"),
        date: r.opt("date", date),
        reliability: r.req("reliability", reliability).unwrap_or(Reliability::F),
        credibility: r
            .req("credibility", credibility)
            .unwrap_or(Credibility::CannotBeJudged),
        notes: r.text("notes"),
    };
    (!r.failed).then_some(s)
}

// ---------------------------------------------------------------------------
// Cell syntax.
// ---------------------------------------------------------------------------

/// An item of a list cell: `head(details)=value`, where the details and the
/// value are optional.
struct Item<'a> {
    head: &'a str,
    details: Vec<&'a str>,
    value: Option<&'a str>,
}

fn item(s: &str) -> Parsed<Item<'_>> {
    let bad = |m: &str| SyntaxError::new(Code::InvalidValue, format!("{s:?}: {m}"));
    let (head, rest) = match s.find(['(', '=']) {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let (details, rest) = match rest.strip_prefix('(') {
        Some(r) => {
            let close = r.find(')').ok_or_else(|| bad("a `(` is never closed"))?;
            let details: Vec<&str> = r[..close]
                .split(',')
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .collect();
            (details, r[close + 1..].trim_start())
        }
        None => (Vec::new(), rest),
    };
    let value = match rest.strip_prefix('=') {
        Some(v) if !v.trim().is_empty() => Some(v.trim()),
        Some(_) => return Err(bad("nothing follows `=`")),
        None if rest.is_empty() => None,
        None => return Err(bad("expected `(details)` or `=value` after the name")),
    };
    let head = head.trim();
    if head.is_empty() {
        return Err(bad("the item has no name"));
    }
    Ok(Item {
        head,
        details,
        value,
    })
}

fn no_details(it: &Item<'_>, what: &str) -> Parsed<()> {
    if it.details.is_empty() {
        Ok(())
    } else {
        Err(SyntaxError::new(
            Code::InvalidValue,
            format!("{}: {what} takes no details in parentheses", it.head),
        ))
    }
}

fn no_value(it: &Item<'_>, what: &str) -> Parsed<()> {
    match it.value {
        None => Ok(()),
        Some(_) => Err(SyntaxError::new(
            Code::InvalidValue,
            format!("{}: {what} takes no `=value`", it.head),
        )),
    }
}

fn country(s: &str) -> Parsed<CountryCode> {
    s.trim()
        .to_ascii_uppercase()
        .parse()
        .map_err(|e| SyntaxError::new(Code::InvalidCountryCode, format!("{e}")))
}

fn participant(s: &str) -> Parsed<Participant> {
    let it = item(s)?;
    no_value(&it, "a participant")?;
    let c = country(it.head)?;
    let branch = match it.details.as_slice() {
        [] => None,
        [b] => Some(branch(b)?),
        _ => {
            return Err(SyntaxError::new(
                Code::InvalidValue,
                format!("{s:?}: a participant has at most one service branch, as in RUS(navy)"),
            ))
        }
    };
    Ok(Participant { country: c, branch })
}

fn area(s: &str) -> Parsed<String> {
    // Built-in names and aliases ("Sea of Japan", "East Sea") become ids;
    // anything else is taken as an id the dataset defines.
    Ok(builtin_area(s)
        .map(|a| a.id)
        .unwrap_or_else(|| s.to_string()))
}

fn date(s: &str) -> Parsed<FuzzyDate> {
    s.parse()
        .map_err(|e| SyntaxError::new(Code::InvalidDate, format!("{e}")))
}

fn whole<T: FromStr>(s: &str, what: &str) -> Parsed<T> {
    s.parse().map_err(|_| {
        SyntaxError::new(
            Code::InvalidValue,
            format!("{s:?} is not {what} (a whole number)"),
        )
    })
}

fn equipment(s: &str) -> Parsed<Equipment> {
    let it = item(s)?;
    no_details(&it, "equipment")?;
    Ok(Equipment {
        name: it.head.to_string(),
        quantity: it.value.map(parse_quantity).transpose()?,
    })
}

fn platform(s: &str) -> Parsed<Platform> {
    let it = item(s)?;
    let mut p = Platform {
        model: it.head.to_string(),
        role: None,
        country: None,
        count: it.value.map(parse_quantity).transpose()?,
    };
    for d in &it.details {
        if let Ok(role) = platform_role(d) {
            p.role = Some(role);
        } else if d.len() == 3 && d.chars().all(|c| c.is_ascii_alphabetic()) {
            p.country = Some(country(d)?);
        } else {
            return Err(SyntaxError::new(
                Code::UnknownVariant,
                format!(
                    "{d:?} in {s:?} is neither a platform role ({}) nor a country code",
                    names(PLATFORM_ROLES).join(", ")
                ),
            ));
        }
    }
    Ok(p)
}

fn point(s: &str) -> Parsed<Point> {
    let nums: Vec<&str> = s
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|x| !x.is_empty())
        .collect();
    let bad = || {
        SyntaxError::new(
            Code::InvalidValue,
            format!("{s:?} is not a position; write longitude then latitude, as in \"135.5 40.2\""),
        )
    };
    match nums.as_slice() {
        [lon, lat] => Ok(Point {
            lon: plain_number(lon).ok_or_else(bad)?,
            lat: plain_number(lat).ok_or_else(bad)?,
        }),
        _ => Err(bad()),
    }
}

fn response(s: &str) -> Parsed<PatrolResponse> {
    let it = item(s)?;
    let by = country(it.head)?;
    let action = match it.details.as_slice() {
        [a] => response_action(a)?,
        _ => {
            return Err(SyntaxError::new(
                Code::MissingField,
                format!(
                    "{s:?}: say what the state did, as in JPN(scramble); one of {}",
                    names(RESPONSE_ACTIONS).join(", ")
                ),
            ))
        }
    };
    Ok(PatrolResponse {
        by,
        action,
        count: it.value.map(parse_quantity).transpose()?,
        notes: None,
    })
}

fn breakdown(s: &str) -> Parsed<BreakdownEntry> {
    let it = item(s)?;
    let category = match norm(it.head).as_str() {
        "other" => Category::Other,
        "unknown" => Category::Unknown,
        _ => Category::Country(country(it.head)?),
    };
    let qualifier = (!it.details.is_empty()).then(|| it.details.join(", "));
    let quantity = it.value.map(parse_quantity).transpose()?;
    if quantity.is_none() && qualifier.is_none() {
        return Err(SyntaxError::new(
            Code::InvalidValue,
            format!("{s:?}: give a figure (CHN=400) or the source's words (CHN(significant))"),
        ));
    }
    Ok(BreakdownEntry {
        category,
        quantity,
        qualifier,
    })
}

fn reliability(s: &str) -> Parsed<Reliability> {
    reliability_word(&s.to_ascii_uppercase()).map_err(|mut e| {
        e.code = Code::InvalidGrade;
        e
    })
}

fn credibility(s: &str) -> Parsed<Credibility> {
    s.parse::<u64>()
        .ok()
        .and_then(Credibility::from_number)
        .ok_or_else(|| {
            SyntaxError::new(
                Code::InvalidGrade,
                format!("{s:?} is not a credibility grade 1-6"),
            )
        })
}

fn year(s: &str) -> Option<i16> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A period cell: `2024`, `2024-Q3`, `2024-09`, `2014-2023` or `FY2023`.
fn period(s: &str, first_month: Option<u8>, named_by: Option<FiscalNaming>) -> Parsed<Period> {
    let bad = || {
        SyntaxError::new(
            Code::InvalidPeriod,
            format!("{s:?} is not a period; write 2024, 2024-Q3, 2024-09, 2014-2023 or FY2023"),
        )
    };
    let t = s.trim();
    let upper = t.to_ascii_uppercase();
    if let Some(rest) = upper.strip_prefix("FY") {
        let y = year(rest.trim()).ok_or_else(bad)?;
        let first_month = first_month.ok_or_else(|| {
            SyntaxError::new(
                Code::MissingField,
                format!(
                    "{s:?} needs the month the fiscal year starts in: fill `fiscalFirstMonth` \
                     (4 for Japan, 10 for the United States)"
                ),
            )
        })?;
        return Ok(Period::FiscalYear {
            year: y,
            first_month,
            named_by: named_by.unwrap_or_default(),
        });
    }
    if let Some(y) = year(t) {
        return Ok(Period::CalendarYear { year: y });
    }
    for sep in [" to ", "–", "-"] {
        if let Some((a, b)) = upper.split_once(sep) {
            let (a, b) = (a.trim(), b.trim());
            let y = year(a).ok_or_else(bad)?;
            if let Some(q) = b.strip_prefix('Q') {
                let quarter = q.parse().map_err(|_| bad())?;
                return Ok(Period::Quarter { year: y, quarter });
            }
            if b.len() == 2 && b.bytes().all(|c| c.is_ascii_digit()) {
                let month = b.parse().map_err(|_| bad())?;
                return Ok(Period::Month { year: y, month });
            }
            let end = year(b).ok_or_else(bad)?;
            return Ok(Period::Years { start: y, end });
        }
    }
    if let Some((a, q)) = upper.split_once('Q') {
        let y = year(a.trim()).ok_or_else(bad)?;
        let quarter = q.trim().parse().map_err(|_| bad())?;
        return Ok(Period::Quarter { year: y, quarter });
    }
    Err(bad())
}

// ---------------------------------------------------------------------------
// Words. Each list is matched exhaustively, so a new variant in the model
// fails to compile here until the CSV syntax knows it.
// ---------------------------------------------------------------------------

fn names<T: Serialize>(all: &[T]) -> Vec<String> {
    all.iter()
        .map(|v| {
            serde_json::to_value(v)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default()
        })
        .collect()
}

fn word<T: Copy + Serialize>(s: &str, all: &[T]) -> Parsed<T> {
    let key = norm(s);
    let names = names(all);
    all.iter()
        .zip(&names)
        .find(|(_, n)| norm(n) == key)
        .map(|(v, _)| *v)
        .ok_or_else(|| {
            SyntaxError::new(
                Code::UnknownVariant,
                format!("{s:?} is not one of {}", names.join(", ")),
            )
        })
}

macro_rules! words {
    ($list:ident, $parse:ident, $ty:ident: $($v:ident),+ $(,)?) => {
        const $list: &[$ty] = &[$($ty::$v),+];
        fn $parse(s: &str) -> Parsed<$ty> {
            fn exhaustive(x: $ty) {
                match x {
                    $($ty::$v => {})+
                }
            }
            let _ = exhaustive;
            word(s, $list)
        }
    };
}

words!(DOMAINS, domain, Domain: Naval, Air, Land, Amphibious, AntiSubmarine, MissileDefence,
    Cyber, Space, ElectronicWarfare, CounterTerrorism, Logistics, Command);
words!(BRANCHES, branch, ServiceBranch: Navy, AirForce, Army, Marines, CoastGuard,
    AerospaceForces, RocketForces, SpaceForce, CyberForces, SpecialForces, Other);
words!(PLATFORM_ROLES, platform_role, PlatformRole: Bomber, Fighter, EarlyWarning,
    Reconnaissance, Tanker, Warship, Submarine, Auxiliary, Other);
words!(RESPONSE_ACTIONS, response_action, ResponseAction: Scramble, Intercept, Shadow,
    Protest, Other);
words!(MEASURES, measure, Measure: JointExercises, JointAirPatrols, JointNavalPatrols,
    Scrambles, Exercises, Other);
words!(RELIABILITIES, reliability_word, Reliability: A, B, C, D, E, F);
words!(RATES, rate_word, Rate: Total, PerYear);
words!(NAMINGS, naming_word, FiscalNaming: StartYear, EndYear);
words!(PATROL_KINDS, patrol_kind_word, PatrolKind: JointAirPatrol, JointNavalPatrol);

fn patrol_kind(s: &str) -> Parsed<PatrolKind> {
    match norm(s).as_str() {
        "air" => Ok(PatrolKind::JointAirPatrol),
        "naval" => Ok(PatrolKind::JointNavalPatrol),
        _ => patrol_kind_word(s).map_err(|_| {
            SyntaxError::new(
                Code::UnknownVariant,
                format!("{s:?} is not a patrol kind; write air or naval"),
            )
        }),
    }
}

fn rate(s: &str) -> Parsed<Rate> {
    rate_word(s)
}

fn fiscal_naming(s: &str) -> Parsed<FiscalNaming> {
    match norm(s).as_str() {
        "start" => Ok(FiscalNaming::StartYear),
        "end" => Ok(FiscalNaming::EndYear),
        _ => naming_word(s),
    }
}

// ---------------------------------------------------------------------------
// Quantities: the cell syntax lives with the quantity
// (`Quantity::from_cell`, `Quantity::to_cell`).
// ---------------------------------------------------------------------------

/// Reads a quantity cell: [`Quantity::from_cell`], with the error a finding
/// about the cell carries ([`Code::InvalidQuantity`]).
///
/// | Cell | Meaning | JSON |
/// | --- | --- | --- |
/// | `669`, `90,000`, `2.5` | exactly | `669` |
/// | `9+`, `>=9`, `at least 9` | 9 or more | `{"atLeast": 9}` |
/// | `>400`, `over 400`, `more than 400` | more than 400 | `{"over": 400}` |
/// | `<=10`, `at most 10`, `up to 10` | 10 or fewer | `{"atMost": 10}` |
/// | `<10`, `under 10`, `fewer than 10`, `less than 10` | fewer than 10 | `{"under": 10}` |
/// | `4-10`, `4–10`, `4 to 10` | from 4 to 10 | `{"min": 4, "max": 10}` |
/// | `3/5/8` | low/best/high | `{"low": 3, "best": 5, "high": 8}` |
///
/// `≥` and `≤` work like `>=` and `<=`. Note that `400+` includes 400 (as
/// in "18+"); for "over 400" write `>400`.
///
/// # Example
/// ```
/// use jointwatch::format::csv::parse_quantity;
/// use jointwatch::Quantity;
/// assert_eq!(parse_quantity(">400").unwrap(), Quantity::MoreThan(400.0));
/// assert_eq!(parse_quantity("9+").unwrap(), Quantity::AtLeast(9.0));
/// assert_eq!(parse_quantity("4-10").unwrap(), Quantity::Range { min: 4.0, max: 10.0 });
/// assert_eq!(parse_quantity("90,000").unwrap(), Quantity::Exact(90000.0));
/// assert!(parse_quantity("lots").is_err());
/// ```
pub fn parse_quantity(cell: &str) -> Result<Quantity, SyntaxError> {
    Quantity::from_cell(cell).map_err(|e| SyntaxError::new(Code::InvalidQuantity, e.to_string()))
}

/// Writes a quantity in the cell syntax [`parse_quantity`] reads:
/// [`Quantity::to_cell`].
///
/// # Example
/// ```
/// use jointwatch::format::csv::{parse_quantity, quantity_cell};
/// use jointwatch::Quantity;
/// let q = Quantity::Estimate { low: 3.0, best: 5.0, high: 8.5 };
/// assert_eq!(quantity_cell(&q), "3/5/8.5");
/// assert_eq!(parse_quantity(&quantity_cell(&q)).unwrap(), q);
/// ```
pub fn quantity_cell(q: &Quantity) -> String {
    q.to_cell()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(err: &CsvError) -> Vec<Code> {
        err.findings.iter().map(|f| f.code).collect()
    }

    #[test]
    fn a_bad_row_imports_nothing_and_every_bad_cell_is_named() {
        let text = "id,name,participants,start,ships\n\
                    a,A,CHN;RUS,2024,10\n\
                    b,B,CHN;Russia,2024-13,lots\n\
                    c,C,CHN;RUS,2024,5\n";
        let err = read(text, None).unwrap_err();
        assert_eq!(
            codes(&err),
            [
                Code::InvalidCountryCode,
                Code::InvalidDate,
                Code::InvalidQuantity
            ]
        );
        let f = &err.findings[0];
        assert_eq!(f.path, "exercises[1].participants");
        assert_eq!(f.line, Some(3));
        assert!(
            f.message.starts_with("row 3, column \"participants\" (C):"),
            "{}",
            f.message
        );
        assert_eq!(err.findings[1].path, "exercises[1].dates");
        assert_eq!(err.findings[2].path, "exercises[1].forces.ships");
    }

    #[test]
    fn header_problems_are_reported_before_rows() {
        let text = "id,name,colour,name,# my notes\nx,X,red,X,anything\n";
        let err = read(text, Some(Table::Exercises)).unwrap_err();
        assert_eq!(
            codes(&err),
            [Code::UnknownField, Code::DuplicateKey, Code::MissingField]
        );
        assert!(err.findings[0].message.contains("column C"));
        assert!(err.findings[2].message.contains("\"participants\""));
    }

    #[test]
    fn rows_with_the_wrong_number_of_cells_are_rejected() {
        let text = "id,name,participants\nx,X,CHN,RUS\n";
        let err = read(text, None).unwrap_err();
        assert_eq!(codes(&err), [MALFORMED_CSV]);
        assert!(err.findings[0].message.contains("row 2"));
    }

    #[test]
    fn items_carry_details_and_values() {
        let text = "id,kind,participants,platforms,route,responses,adiz entered\n\
                    p9,air,CHN(airForce);RUS(aerospaceForces),\"H-6K(bomber,CHN)=2;Tu-95MS(bomber,RUS)=2;A-50(early warning)\",\"130 35; 131.5,36.25\",JPN(scramble);KOR(scramble)=4-6,jpn;KOR\n";
        let imp = read(text, None).unwrap();
        assert_eq!(imp.table, Table::Patrols);
        let p = &imp.dataset.patrols[0];
        assert_eq!(p.kind, PatrolKind::JointAirPatrol);
        assert_eq!(
            p.participants[1].branch,
            Some(ServiceBranch::AerospaceForces)
        );
        assert_eq!(p.platforms.len(), 3);
        assert_eq!(p.platforms[0].role, Some(PlatformRole::Bomber));
        assert_eq!(p.platforms[0].country, Some("CHN".parse().unwrap()));
        assert_eq!(p.platforms[0].count, Some(Quantity::Exact(2.0)));
        assert_eq!(p.platforms[2].role, Some(PlatformRole::EarlyWarning));
        assert_eq!(
            p.route[1],
            Point {
                lon: 131.5,
                lat: 36.25
            }
        );
        assert_eq!(
            p.responses[1].count,
            Some(Quantity::Range { min: 4.0, max: 6.0 })
        );
        assert_eq!(p.adiz_entered.len(), 2);
    }

    #[test]
    fn statistics_read_periods_and_breakdowns() {
        let text = "id,label,measure,reporter,reporterCountry,period,fiscalFirstMonth,quantity,breakdown\n\
                    s,Scrambles,scrambles,Japan MoD,JPN,FY2023,4,669,CHN(significant);RUS(significant)\n\
                    t,Joint exercises,joint exercises,,,2014-2023,,4-10,\n\
                    u,Q,other,,,2024-Q3,,1,other=1\n\
                    v,M,other,,,2024-09,,1,\n";
        let imp = read(text, None).unwrap();
        let s = &imp.dataset.statistics;
        assert_eq!(
            s[0].period,
            Some(Period::FiscalYear {
                year: 2023,
                first_month: 4,
                named_by: FiscalNaming::StartYear
            })
        );
        assert_eq!(s[0].breakdown[0].qualifier.as_deref(), Some("significant"));
        assert_eq!(s[1].measure, Measure::JointExercises);
        assert_eq!(
            s[1].period,
            Some(Period::Years {
                start: 2014,
                end: 2023
            })
        );
        assert_eq!(
            s[2].period,
            Some(Period::Quarter {
                year: 2024,
                quarter: 3
            })
        );
        assert_eq!(s[2].breakdown[0].category, Category::Other);
        assert_eq!(
            s[3].period,
            Some(Period::Month {
                year: 2024,
                month: 9
            })
        );
    }

    #[test]
    fn a_fiscal_year_needs_its_first_month() {
        let text = "id,label,measure,period,quantity\ns,S,scrambles,FY2023,669\n";
        let err = read(text, None).unwrap_err();
        assert_eq!(codes(&err), [Code::MissingField]);
        assert!(err.findings[0].message.contains("fiscalFirstMonth"));
    }

    #[test]
    fn sources_read_their_grading() {
        let text = "id,title,reliability,credibility\nmod,MoD,b,2\nbad,Bad,G,7\n";
        let err = read(text, None).unwrap_err();
        assert_eq!(codes(&err), [Code::InvalidGrade, Code::InvalidGrade]);
        let ok = read("id,title,reliability,credibility\nmod,MoD,b,2\n", None).unwrap();
        assert_eq!(ok.dataset.sources[0].reliability, Reliability::B);
    }

    #[test]
    fn unknown_words_list_the_choices() {
        let text = "id,name,participants,domains\nx,X,CHN;RUS,naval;underwater\n";
        let err = read(text, None).unwrap_err();
        assert_eq!(codes(&err), [Code::UnknownVariant]);
        assert!(err.findings[0].message.contains("antiSubmarine"));
    }

    #[test]
    fn the_header_tells_the_table() {
        let err = read("id,colour\nx,red\n", None).unwrap_err();
        assert_eq!(codes(&err), [Code::MissingField]);
        assert_eq!("Patrol".parse::<Table>().unwrap(), Table::Patrols);
        assert!("maps".parse::<Table>().is_err());
    }

    #[test]
    fn rows_map_back_from_paths() {
        let text = "id,name,participants\na,A,CHN;RUS\n\nb,B,\"CHN;\nRUS\"\nc,C,CHN;RUS\n";
        let imp = read(text, None).unwrap();
        assert_eq!(imp.lines, [2, 4, 6]);
        assert_eq!(imp.row_of("exercises[2].dates", 0), Some((4, 6)));
        assert_eq!(imp.row_of("exercises[3].dates", 1), Some((4, 6)));
        assert_eq!(imp.row_of("patrols[0]", 0), None);
    }

    #[test]
    fn column_letters_go_past_z() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}
