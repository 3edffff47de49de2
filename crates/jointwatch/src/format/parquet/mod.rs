//! Parquet tables of a validated dataset, for DuckDB, Polars, Spark, pandas
//! and R: records, participants, figures, sources, record-to-source links,
//! incidents, links between records, statistics, patrol numbering, and the
//! routes and legs as GeoParquet (WKB geometry with GeoParquet 1.1 `geo`
//! metadata), with the route points as plain numbers beside them.
//!
//! Every table and column is documented in `docs/parquet.md`, which also
//! gives the DuckDB and Spark SQL that reproduce [`series`] counts exactly.
//!
//! Rows are gathered in record batches of [`Options::batch_rows`] and handed
//! to the Parquet writer as each batch fills, in row groups of
//! [`Options::row_group_rows`], so memory stays bounded by the batch and row
//! group sizes whatever the number of records. A dataset too large to hold
//! in memory is written in chunks through a [`Writer`]: each chunk is a
//! [`Dataset`] holding some of the records (and sources); the tables are the
//! same as for the whole dataset written at once, provided records linked
//! `sameEvent` are in one chunk.
//!
//! [`series`]: crate::analysis::series::series
//!
//! # Example
//! ```
//! use jointwatch::format::parquet;
//! let dir = std::env::temp_dir().join(format!("jointwatch-doc-parquet-{}", std::process::id()));
//! let summary = parquet::write(&jointwatch::seed(), &dir).unwrap();
//! let records = summary.rows("records").unwrap();
//! assert_eq!(records, jointwatch::seed().record_count() as u64);
//! assert!(dir.join("routes.parquet").exists());
//! # std::fs::remove_dir_all(&dir).ok();
//! ```

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Serialize;

use crate::dataset::Dataset;
use crate::model::actor::Participant;
use crate::model::date::{days_between, DateRange, FuzzyDate};
use crate::model::exercise::Forces;
use crate::model::figure::Figure;
use crate::model::patrol::{Leg, Platform};
use crate::model::place::Point;
use crate::model::quantity::Quantity;
use crate::model::record::Record;

mod table;

use table::{opt, req, Cell, Column, Table, Type};

/// What went wrong writing a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The directory or a file could not be created or written.
    Io,
    /// The Parquet writer refused (an encoding failure).
    Parquet,
    /// A row did not fit its table (a bug in this module: please report it).
    Internal,
}

impl ErrorKind {
    /// A stable name: `io`, `parquet` or `internal`.
    pub fn as_str(&self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Parquet => "parquet",
            ErrorKind::Internal => "internal",
        }
    }
}

/// A failure to write the Parquet tables, with the file concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// The file (or directory) concerned.
    pub path: PathBuf,
    /// The underlying message.
    pub message: String,
}

impl Error {
    fn new(kind: ErrorKind, path: &Path, e: impl fmt::Display) -> Error {
        Error {
            kind,
            path: path.to_path_buf(),
            message: e.to_string(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} ({})",
            self.path.display(),
            self.message,
            self.kind.as_str()
        )
    }
}

impl std::error::Error for Error {}

/// How the tables are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Rows gathered before a record batch is handed to the writer.
    pub batch_rows: usize,
    /// Rows in a Parquet row group (the writer holds one row group per
    /// table, encoded, until it is full).
    pub row_group_rows: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            batch_rows: 8_192,
            row_group_rows: 131_072,
        }
    }
}

/// The rows written to each table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Each table's name (its file is `NAME.parquet`) with its row count,
    /// in the order of [`TABLES`].
    pub tables: Vec<(String, u64)>,
}

impl Summary {
    /// The rows written to one table.
    pub fn rows(&self, table: &str) -> Option<u64> {
        self.tables
            .iter()
            .find(|(t, _)| t == table)
            .map(|(_, n)| *n)
    }
}

/// A table: its name and columns.
#[derive(Debug, Clone, Copy)]
pub struct TableSpec {
    /// The name; the file is `NAME.parquet`.
    pub name: &'static str,
    /// Whether the file is GeoParquet (a WKB `geometry` column and `geo` metadata).
    pub geo: bool,
    columns: &'static [Column],
}

impl TableSpec {
    /// The columns, in order: name, type (as `docs/parquet.md` writes it)
    /// and whether it may be null.
    pub fn columns(&self) -> impl Iterator<Item = (&'static str, &'static str, bool)> + '_ {
        self.columns
            .iter()
            .map(|c| (c.name, c.ty.doc_name(), c.nullable))
    }
}

use Type::{Bool, Bytes, Day, Float, Int, Text, TextList};

const RECORDS: &[Column] = &[
    req("ordinal", Int),
    req("id", Text),
    req("kind", Text),
    opt("subkind", Text),
    opt("name", Text),
    opt("series", Text),
    opt("host", Text),
    opt("start", Text),
    opt("start_precision", Text),
    opt("start_last_day", Day),
    opt("end", Text),
    opt("end_precision", Text),
    opt("first_day", Day),
    opt("last_day", Day),
    opt("same_event", Int),
    req("domains", TextList),
    req("areas", TextList),
    req("tags", TextList),
    opt("notes", Text),
];

const PARTICIPANTS: &[Column] = &[
    req("record", Text),
    req("role", Text),
    req("position", Int),
    req("country", Text),
    opt("branch", Text),
];

const QUANTITY: [Column; 6] = [
    opt("form", Text),
    opt("low", Float),
    opt("low_open", Bool),
    opt("high", Float),
    opt("high_open", Bool),
    opt("best", Float),
];

const FIGURES: &[Column] = &[
    req("record", Text),
    req("field", Text),
    opt("state", Text),
    opt("item", Text),
    req("item_index", Int),
    opt("value_index", Int),
    QUANTITY[0],
    QUANTITY[1],
    QUANTITY[2],
    QUANTITY[3],
    QUANTITY[4],
    QUANTITY[5],
    opt("stance", Text),
    opt("by", Text),
    req("sources", TextList),
];

const SOURCES: &[Column] = &[
    req("id", Text),
    req("title", Text),
    opt("publisher", Text),
    opt("url", Text),
    opt("date", Text),
    opt("date_first_day", Day),
    opt("date_last_day", Day),
    req("reliability", Text),
    req("credibility", Int),
    req("grading", Text),
    opt("notes", Text),
];

const RECORD_SOURCES: &[Column] = &[
    req("record", Text),
    req("position", Int),
    req("source", Text),
];

const INCIDENTS: &[Column] = &[
    req("record", Text),
    req("kind", Text),
    req("against", TextList),
    opt("start_time", Text),
    opt("end_time", Text),
    opt("lon", Float),
    opt("lat", Float),
];

const LINKS: &[Column] = &[
    req("record", Text),
    req("position", Int),
    req("rel", Text),
    req("to", Text),
    req("sources", TextList),
    opt("notes", Text),
];

const STATISTICS: &[Column] = &[
    req("record", Text),
    req("label", Text),
    req("measure", Text),
    opt("reporter", Text),
    opt("reporter_country", Text),
    opt("period_type", Text),
    opt("period", Text),
    opt("period_first_day", Day),
    opt("period_last_day", Day),
    opt("as_of", Text),
    req("rate", Text),
    QUANTITY[0],
    QUANTITY[1],
    QUANTITY[2],
    QUANTITY[3],
    QUANTITY[4],
    QUANTITY[5],
];

const NUMBERING: &[Column] = &[
    req("record", Text),
    req("position", Int),
    req("number", Int),
    opt("by", Text),
    opt("body", Text),
    req("sources", TextList),
];

const ROUTES: &[Column] = &[
    req("record", Text),
    req("kind", Text),
    req("points", Int),
    req("geometry", Bytes),
];

const LEGS: &[Column] = &[
    req("record", Text),
    req("leg", Int),
    opt("start", Text),
    opt("end", Text),
    opt("first_day", Day),
    opt("last_day", Day),
    opt("start_time", Text),
    opt("end_time", Text),
    req("areas", TextList),
    req("straits", TextList),
    opt("notes", Text),
    req("points", Int),
    opt("geometry", Bytes),
];

const ROUTE_POINTS: &[Column] = &[
    req("record", Text),
    opt("leg", Int),
    req("seq", Int),
    req("lon", Float),
    req("lat", Float),
];

/// Every table, in the order they are written.
pub const TABLES: &[TableSpec] = &[
    spec("records", false, RECORDS),
    spec("participants", false, PARTICIPANTS),
    spec("figures", false, FIGURES),
    spec("sources", false, SOURCES),
    spec("record_sources", false, RECORD_SOURCES),
    spec("incidents", false, INCIDENTS),
    spec("links", false, LINKS),
    spec("statistics", false, STATISTICS),
    spec("numbering", false, NUMBERING),
    spec("routes", true, ROUTES),
    spec("legs", true, LEGS),
    spec("route_points", false, ROUTE_POINTS),
];

const fn spec(name: &'static str, geo: bool, columns: &'static [Column]) -> TableSpec {
    TableSpec { name, geo, columns }
}

// Positions in TABLES.
const T_RECORDS: usize = 0;
const T_PARTICIPANTS: usize = 1;
const T_FIGURES: usize = 2;
const T_SOURCES: usize = 3;
const T_RECORD_SOURCES: usize = 4;
const T_INCIDENTS: usize = 5;
const T_LINKS: usize = 6;
const T_STATISTICS: usize = 7;
const T_NUMBERING: usize = 8;
const T_ROUTES: usize = 9;
const T_LEGS: usize = 10;
const T_ROUTE_POINTS: usize = 11;

/// Writes every table of `ds` into `dir` (created when missing), one file
/// `NAME.parquet` per table of [`TABLES`], with the default [`Options`].
///
/// The dataset should be valid (`Dataset::load` or `validate`): the tables
/// hold what the document says, and references are not checked again.
///
/// # Errors
/// An [`Error`] naming the file when the directory or a file cannot be
/// created or written.
pub fn write(ds: &Dataset, dir: &Path) -> Result<Summary, Error> {
    let mut w = Writer::create(dir, Options::default())?;
    w.write(ds)?;
    w.finish()
}

/// Writes the tables chunk by chunk, so that a dataset larger than memory
/// can be written (the benchmark's generator writes ten million records
/// this way).
///
/// Records are numbered (`records.ordinal`) in the order they are written:
/// within a chunk, exercises, then patrols, statistics, incidents and
/// activities (the order of [`Record::all`]). Records linked `sameEvent`
/// must be in the same chunk for `records.same_event` to group them.
///
/// # Example
/// ```
/// use jointwatch::format::parquet::{Options, Writer};
/// use jointwatch::Dataset;
/// let seed = jointwatch::seed();
/// let dir = std::env::temp_dir().join(format!("jointwatch-doc-chunks-{}", std::process::id()));
/// let mut w = Writer::create(&dir, Options::default()).unwrap();
/// // Sources first, then the records in two chunks.
/// w.write(&Dataset { sources: seed.sources.clone(), ..Dataset::default() }).unwrap();
/// w.write(&Dataset { exercises: seed.exercises.clone(), ..Dataset::default() }).unwrap();
/// w.write(&Dataset { patrols: seed.patrols.clone(), ..Dataset::default() }).unwrap();
/// let summary = w.finish().unwrap();
/// assert_eq!(summary.rows("records"), Some((seed.exercises.len() + seed.patrols.len()) as u64));
/// assert_eq!(summary.rows("sources"), Some(seed.sources.len() as u64));
/// # std::fs::remove_dir_all(&dir).ok();
/// ```
pub struct Writer {
    tables: Vec<Table>,
    ordinal: i64,
    geometry_types: [Vec<&'static str>; 2],
}

impl Writer {
    /// Creates `dir` (when missing) and one file per table in it.
    ///
    /// # Errors
    /// An [`Error`] when the directory or a file cannot be created.
    pub fn create(dir: &Path, options: Options) -> Result<Writer, Error> {
        std::fs::create_dir_all(dir).map_err(|e| Error::new(ErrorKind::Io, dir, e))?;
        let tables = TABLES
            .iter()
            .map(|t| {
                Table::create(
                    dir,
                    t.name,
                    t.columns,
                    options.batch_rows,
                    options.row_group_rows,
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Writer {
            tables,
            ordinal: 0,
            geometry_types: [Vec::new(), Vec::new()],
        })
    }

    /// Writes the sources and records of one chunk.
    ///
    /// # Errors
    /// An [`Error`] naming the file that could not be written.
    pub fn write(&mut self, ds: &Dataset) -> Result<(), Error> {
        for s in &ds.sources {
            self.source(s)?;
        }
        let groups = same_event_groups(ds, self.ordinal);
        for r in Record::all(ds) {
            let ordinal = self.ordinal;
            self.ordinal += 1;
            let group = groups.get(r.id()).copied();
            self.record(&r, ordinal, group)?;
        }
        Ok(())
    }

    /// Writes the GeoParquet metadata, closes every file and returns the
    /// rows written to each table.
    ///
    /// # Errors
    /// An [`Error`] naming the file that could not be completed.
    pub fn finish(mut self) -> Result<Summary, Error> {
        for (i, t) in [T_ROUTES, T_LEGS].into_iter().enumerate() {
            let mut types = self.geometry_types[i].clone();
            types.sort_unstable();
            let geo = serde_json::json!({
                "version": "1.1.0",
                "primary_column": "geometry",
                "columns": {"geometry": {
                    "encoding": "WKB",
                    "geometry_types": types,
                    "edges": "spherical",
                }},
            });
            self.tables[t].metadata("geo", geo.to_string());
        }
        let mut out = Vec::new();
        for (spec, t) in TABLES.iter().zip(self.tables) {
            out.push((spec.name.to_string(), t.close()?));
        }
        Ok(Summary { tables: out })
    }

    fn push(&mut self, table: usize, row: &[Cell<'_>]) -> Result<(), Error> {
        self.tables[table].push(row)
    }

    fn source(&mut self, s: &crate::model::source::Source) -> Result<(), Error> {
        let date = s.date.map(|d| d.to_string());
        let grading = s.grading().to_string();
        let reliability = word(&s.reliability);
        self.push(
            T_SOURCES,
            &[
                Cell::Text(Some(&s.id)),
                Cell::Text(Some(&s.title)),
                Cell::Text(s.publisher.as_deref()),
                Cell::Text(s.url.as_deref()),
                Cell::Text(date.as_deref()),
                Cell::Day(s.date.map(|d| day(d.first_day()))),
                Cell::Day(s.date.map(|d| day(d.last_day()))),
                Cell::Text(reliability.as_deref()),
                Cell::Int(Some(i64::from(s.credibility.number()))),
                Cell::Text(Some(&grading)),
                Cell::Text(s.notes.as_deref()),
            ],
        )
    }

    fn record(&mut self, r: &Record<'_>, ordinal: i64, group: Option<i64>) -> Result<(), Error> {
        let id = r.id();
        let (subkind, series, host, notes, dates, domains): KindColumns<'_> = match r {
            Record::Exercise(e) => (
                None,
                e.series.as_deref(),
                e.host.as_ref().map(|h| h.as_str()),
                e.notes.as_deref(),
                e.dates,
                e.domains.iter().map(|d| d.as_str()).collect(),
            ),
            Record::Patrol(p) => (
                word(&p.kind),
                None,
                None,
                p.notes.as_deref(),
                p.dates,
                vec![crate::model::record::patrol_domain(p.kind).as_str()],
            ),
            Record::Statistic(s) => (
                word(&s.measure),
                None,
                None,
                s.notes.as_deref(),
                None,
                vec![],
            ),
            Record::Incident(i) => (
                Some(i.kind.as_str().to_string()),
                None,
                None,
                i.notes.as_deref(),
                i.dates,
                vec![],
            ),
            Record::Activity(a) => (
                Some(a.kind.as_str().to_string()),
                None,
                None,
                a.notes.as_deref(),
                a.dates,
                a.domain.iter().map(|d| d.as_str()).collect(),
            ),
        };
        let start = r.start();
        let start_text = start.map(|d| d.to_string());
        let end = dates.map(|d| d.end);
        let end_text = end.map(|d| d.to_string());
        let span = r.span();
        let name = match r {
            // A patrol or incident may have no name: null, not "".
            Record::Patrol(p) => p.name.as_deref(),
            Record::Incident(i) => i.name.as_deref(),
            Record::Activity(a) => a.name.as_deref(),
            _ => Some(r.name()),
        };
        self.push(
            T_RECORDS,
            &[
                Cell::Int(Some(ordinal)),
                Cell::Text(Some(id)),
                Cell::Text(Some(r.kind().as_str())),
                Cell::Text(subkind.as_deref()),
                Cell::Text(name),
                Cell::Text(series),
                Cell::Text(host),
                Cell::Text(start_text.as_deref()),
                Cell::Text(start.map(|d| precision(&d))),
                Cell::Day(start.map(|d| day(d.last_day()))),
                Cell::Text(end_text.as_deref()),
                Cell::Text(end.map(|d| precision(&d))),
                Cell::Day(span.map(|s| day(s.0))),
                Cell::Day(span.map(|s| day(s.1))),
                Cell::Int(group),
                Cell::TextList(domains),
                Cell::TextList(r.areas().iter().map(String::as_str).collect()),
                Cell::TextList(r.tags().iter().map(String::as_str).collect()),
                Cell::Text(notes),
            ],
        )?;
        for (i, p) in r.participants().iter().enumerate() {
            self.participant(id, "participant", i, p)?;
        }
        if let Record::Exercise(e) = r {
            for (i, p) in e.observers.iter().enumerate() {
                self.participant(id, "observer", i, p)?;
            }
        }
        for (i, s) in r.sources().iter().enumerate() {
            self.push(
                T_RECORD_SOURCES,
                &[
                    Cell::Text(Some(id)),
                    Cell::Int(Some(i as i64)),
                    Cell::Text(Some(s)),
                ],
            )?;
        }
        for (i, l) in r.links().iter().enumerate() {
            self.push(
                T_LINKS,
                &[
                    Cell::Text(Some(id)),
                    Cell::Int(Some(i as i64)),
                    Cell::Text(Some(l.rel.as_str())),
                    Cell::Text(Some(&l.to)),
                    Cell::TextList(l.sources.iter().map(String::as_str).collect()),
                    Cell::Text(l.notes.as_deref()),
                ],
            )?;
        }
        match r {
            Record::Exercise(e) => self.forces(id, None, &e.forces)?,
            Record::Patrol(p) => {
                self.platforms(id, &p.platforms)?;
                for (i, resp) in p.responses.iter().enumerate() {
                    let action = word(&resp.action);
                    self.figure(
                        id,
                        "responses",
                        Some(resp.by.as_str()),
                        action.as_deref(),
                        i,
                        resp.count.as_ref(),
                        true,
                    )?;
                }
                for (i, n) in p.numbering.iter().enumerate() {
                    self.push(
                        T_NUMBERING,
                        &[
                            Cell::Text(Some(id)),
                            Cell::Int(Some(i as i64)),
                            Cell::Int(Some(i64::from(n.number))),
                            Cell::Text(n.by.as_ref().map(|c| c.as_str())),
                            Cell::Text(n.body.as_deref()),
                            Cell::TextList(n.sources.iter().map(String::as_str).collect()),
                        ],
                    )?;
                }
                self.route(id, "patrol", &p.route, &p.legs)?;
            }
            Record::Activity(a) => {
                self.forces(id, None, &a.forces)?;
                self.platforms(id, &a.platforms)?;
                self.route(id, "activity", &a.route, &a.legs)?;
            }
            Record::Incident(i) => {
                self.platforms(id, &i.platforms)?;
                self.figure(id, "rounds", None, None, 0, i.rounds.as_ref(), false)?;
                self.figure(id, "sorties", None, None, 0, i.sorties.as_ref(), false)?;
                let st = i.start_time.map(|t| t.to_string());
                let et = i.end_time.map(|t| t.to_string());
                self.push(
                    T_INCIDENTS,
                    &[
                        Cell::Text(Some(id)),
                        Cell::Text(Some(i.kind.as_str())),
                        Cell::TextList(i.against.iter().map(|c| c.as_str()).collect()),
                        Cell::Text(st.as_deref()),
                        Cell::Text(et.as_deref()),
                        Cell::Float(i.location.map(|p| p.lon)),
                        Cell::Float(i.location.map(|p| p.lat)),
                    ],
                )?;
            }
            Record::Statistic(s) => {
                for (i, b) in s.breakdown.iter().enumerate() {
                    let category = b.category.to_string();
                    let [q0, q1, q2, q3, q4, q5] = quantity_cells(b.quantity.as_ref());
                    self.push(
                        T_FIGURES,
                        &[
                            Cell::Text(Some(id)),
                            Cell::Text(Some("breakdown")),
                            Cell::Text(None),
                            Cell::Text(Some(&category)),
                            Cell::Int(Some(i as i64)),
                            Cell::Int(b.quantity.map(|_| 0)),
                            q0,
                            q1,
                            q2,
                            q3,
                            q4,
                            q5,
                            Cell::Text(None),
                            Cell::Text(None),
                            Cell::TextList(Vec::new()),
                        ],
                    )?;
                }
                let reporter = s.reporter.as_ref();
                let period_type = s.period.and_then(|p| period_type(&p));
                let period = s.period.map(|p| p.to_string());
                let as_of = s.as_of.map(|d| d.to_string());
                let rate = word(&s.rate);
                let [q0, q1, q2, q3, q4, q5] = quantity_cells(Some(&s.quantity));
                self.push(
                    T_STATISTICS,
                    &[
                        Cell::Text(Some(id)),
                        Cell::Text(Some(&s.label)),
                        Cell::Text(word(&s.measure).as_deref()),
                        Cell::Text(reporter.map(|x| x.name.as_str())),
                        Cell::Text(
                            reporter
                                .and_then(|x| x.country.as_ref())
                                .map(|c| c.as_str()),
                        ),
                        Cell::Text(period_type.as_deref()),
                        Cell::Text(period.as_deref()),
                        Cell::Day(s.period.and_then(|p| p.first_day()).map(day)),
                        Cell::Day(s.period.and_then(|p| p.last_day()).map(day)),
                        Cell::Text(as_of.as_deref()),
                        Cell::Text(rate.as_deref()),
                        q0,
                        q1,
                        q2,
                        q3,
                        q4,
                        q5,
                    ],
                )?;
            }
        }
        Ok(())
    }

    fn participant(
        &mut self,
        id: &str,
        role: &str,
        i: usize,
        p: &Participant,
    ) -> Result<(), Error> {
        let branch = p.branch.as_ref().and_then(word);
        self.push(
            T_PARTICIPANTS,
            &[
                Cell::Text(Some(id)),
                Cell::Text(Some(role)),
                Cell::Int(Some(i as i64)),
                Cell::Text(Some(p.country.as_str())),
                Cell::Text(branch.as_deref()),
            ],
        )
    }

    fn forces(&mut self, id: &str, state: Option<&str>, f: &Forces) -> Result<(), Error> {
        for (name, figure) in f.figures() {
            self.figure(id, name, state, None, 0, Some(figure), false)?;
        }
        for (i, e) in f.equipment.iter().enumerate() {
            self.figure(
                id,
                "equipment",
                state,
                Some(&e.name),
                i,
                e.quantity.as_ref(),
                true,
            )?;
        }
        for s in &f.by_state {
            self.forces(id, Some(s.country.as_str()), &s.forces)?;
        }
        Ok(())
    }

    fn platforms(&mut self, id: &str, platforms: &[Platform]) -> Result<(), Error> {
        for (i, p) in platforms.iter().enumerate() {
            self.figure(
                id,
                "platforms",
                p.country.as_ref().map(|c| c.as_str()),
                Some(&p.model),
                i,
                p.count.as_ref(),
                true,
            )?;
        }
        Ok(())
    }

    /// One row per value of a figure. An item listed without a figure
    /// (`keep_missing`: a platform without a count) gets one row whose value
    /// columns are null: a missing figure is null, never 0.
    #[allow(clippy::too_many_arguments)]
    fn figure(
        &mut self,
        id: &str,
        field: &str,
        state: Option<&str>,
        item: Option<&str>,
        item_index: usize,
        figure: Option<&Figure>,
        keep_missing: bool,
    ) -> Result<(), Error> {
        let Some(figure) = figure else {
            if !keep_missing {
                return Ok(());
            }
            let [q0, q1, q2, q3, q4, q5] = quantity_cells(None);
            return self.push(
                T_FIGURES,
                &[
                    Cell::Text(Some(id)),
                    Cell::Text(Some(field)),
                    Cell::Text(state),
                    Cell::Text(item),
                    Cell::Int(Some(item_index as i64)),
                    Cell::Int(None),
                    q0,
                    q1,
                    q2,
                    q3,
                    q4,
                    q5,
                    Cell::Text(None),
                    Cell::Text(None),
                    Cell::TextList(Vec::new()),
                ],
            );
        };
        for (i, v) in figure.values.iter().enumerate() {
            let [q0, q1, q2, q3, q4, q5] = quantity_cells(Some(&v.value));
            self.push(
                T_FIGURES,
                &[
                    Cell::Text(Some(id)),
                    Cell::Text(Some(field)),
                    Cell::Text(state),
                    Cell::Text(item),
                    Cell::Int(Some(item_index as i64)),
                    Cell::Int(Some(i as i64)),
                    q0,
                    q1,
                    q2,
                    q3,
                    q4,
                    q5,
                    Cell::Text(v.stance.map(|s| s.as_str())),
                    Cell::Text(v.by.as_ref().map(|c| c.as_str())),
                    Cell::TextList(v.sources.iter().map(String::as_str).collect()),
                ],
            )?;
        }
        Ok(())
    }

    fn route(&mut self, id: &str, kind: &str, route: &[Point], legs: &[Leg]) -> Result<(), Error> {
        if !route.is_empty() {
            let (wkb, ty) = wkb(route);
            self.note_type(0, ty);
            self.push(
                T_ROUTES,
                &[
                    Cell::Text(Some(id)),
                    Cell::Text(Some(kind)),
                    Cell::Int(Some(route.len() as i64)),
                    Cell::Bytes(Some(&wkb)),
                ],
            )?;
            self.points(id, None, route)?;
        }
        for (i, leg) in legs.iter().enumerate() {
            let geometry = (!leg.route.is_empty()).then(|| wkb(&leg.route));
            if let Some((_, ty)) = &geometry {
                self.note_type(1, ty);
            }
            let start = leg.dates.map(|d| d.start.to_string());
            let end = leg.dates.map(|d| d.end.to_string());
            let st = leg.start_time.map(|t| t.to_string());
            let et = leg.end_time.map(|t| t.to_string());
            self.push(
                T_LEGS,
                &[
                    Cell::Text(Some(id)),
                    Cell::Int(Some(i as i64)),
                    Cell::Text(start.as_deref()),
                    Cell::Text(end.as_deref()),
                    Cell::Day(leg.dates.map(|d| day(d.first_day()))),
                    Cell::Day(leg.dates.map(|d| day(d.last_day()))),
                    Cell::Text(st.as_deref()),
                    Cell::Text(et.as_deref()),
                    Cell::TextList(leg.areas.iter().map(String::as_str).collect()),
                    Cell::TextList(leg.straits.iter().map(String::as_str).collect()),
                    Cell::Text(leg.notes.as_deref()),
                    Cell::Int(Some(leg.route.len() as i64)),
                    Cell::Bytes(geometry.as_ref().map(|(b, _)| b.as_slice())),
                ],
            )?;
            self.points(id, Some(i as i64), &leg.route)?;
        }
        Ok(())
    }

    fn points(&mut self, id: &str, leg: Option<i64>, points: &[Point]) -> Result<(), Error> {
        for (i, p) in points.iter().enumerate() {
            self.push(
                T_ROUTE_POINTS,
                &[
                    Cell::Text(Some(id)),
                    Cell::Int(leg),
                    Cell::Int(Some(i as i64)),
                    Cell::Float(Some(p.lon)),
                    Cell::Float(Some(p.lat)),
                ],
            )?;
        }
        Ok(())
    }

    fn note_type(&mut self, which: usize, ty: &'static str) {
        if !self.geometry_types[which].contains(&ty) {
            self.geometry_types[which].push(ty);
        }
    }
}

/// A record's `subkind`, `series`, `host` and `notes`, its dates and its domains.
type KindColumns<'a> = (
    Option<String>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<DateRange>,
    Vec<&'a str>,
);

/// The days since 1970-01-01 (Arrow's `Date32`).
fn day(d: Date) -> i32 {
    days_between(jiff::civil::date(1970, 1, 1), d) as i32
}

fn precision(d: &FuzzyDate) -> &'static str {
    match d {
        FuzzyDate::Year(_) => "year",
        FuzzyDate::Month { .. } => "month",
        FuzzyDate::Day(_) => "day",
    }
}

/// The name a value is written with in documents (`"jointAirPatrol"`).
fn word<T: Serialize>(v: &T) -> Option<String> {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

/// A period's `type` as written in documents (`"fiscalYear"`).
fn period_type(p: &crate::model::period::Period) -> Option<String> {
    match serde_json::to_value(p) {
        Ok(serde_json::Value::Object(o)) => {
            o.get("type").and_then(|t| t.as_str()).map(String::from)
        }
        _ => None,
    }
}

/// `form, low, low_open, high, high_open, best` of a quantity; all null
/// when there is none.
fn quantity_cells(q: Option<&Quantity>) -> [Cell<'static>; 6] {
    let Some(q) = q else {
        return [
            Cell::Text(None),
            Cell::Float(None),
            Cell::Bool(None),
            Cell::Float(None),
            Cell::Bool(None),
            Cell::Float(None),
        ];
    };
    let form = q.form();
    let b = q.bounds();
    [
        Cell::Text(Some(form)),
        Cell::Float(Some(b.low)),
        Cell::Bool(Some(b.low_exclusive)),
        Cell::Float(b.high),
        Cell::Bool(b.high.map(|_| b.high_exclusive)),
        Cell::Float(b.best),
    ]
}

/// Little-endian WKB of a route: a `LineString`, or a `Point` for a route
/// of one point; with its GeoParquet geometry type.
fn wkb(points: &[Point]) -> (Vec<u8>, &'static str) {
    let mut out = Vec::with_capacity(9 + 16 * points.len());
    out.push(1u8);
    if let [p] = points {
        out.extend_from_slice(&1u32.to_le_bytes());
        out.extend_from_slice(&p.lon.to_le_bytes());
        out.extend_from_slice(&p.lat.to_le_bytes());
        return (out, "Point");
    }
    out.extend_from_slice(&2u32.to_le_bytes());
    out.extend_from_slice(&(points.len() as u32).to_le_bytes());
    for p in points {
        out.extend_from_slice(&p.lon.to_le_bytes());
        out.extend_from_slice(&p.lat.to_le_bytes());
    }
    (out, "LineString")
}

/// The `sameEvent` group of every record in one: the ordinal of the group's
/// first record (`first` is the ordinal of the chunk's first record). The
/// same grouping as the series' (`Filter::select_events`, whose function
/// this is): links in either direction and through one another; the first
/// record of a repeated id is the one linked.
fn same_event_groups(ds: &Dataset, first: i64) -> HashMap<&str, i64> {
    crate::dataset::select::same_event_groups(ds)
        .into_iter()
        .map(|(id, g)| (id, first + g as i64))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wkb_is_little_endian_linestring_or_point() {
        let (b, ty) = wkb(&[Point { lon: 1.0, lat: 2.0 }, Point { lon: 3.0, lat: 4.0 }]);
        assert_eq!(ty, "LineString");
        assert_eq!(&b[..9], &[1, 2, 0, 0, 0, 2, 0, 0, 0]);
        assert_eq!(b.len(), 9 + 32);
        let (b, ty) = wkb(&[Point { lon: 1.0, lat: 2.0 }]);
        assert_eq!((ty, b.len()), ("Point", 21));
    }

    #[test]
    fn dates_are_days_since_the_epoch() {
        assert_eq!(day(jiff::civil::date(1970, 1, 1)), 0);
        assert_eq!(day(jiff::civil::date(2024, 4, 1)), 19_814);
    }

    #[test]
    fn a_missing_bound_is_null_not_zero() {
        let [form, _, _, high, high_open, best] = quantity_cells(Some(&Quantity::AtLeast(9.0)));
        assert!(matches!(form, Cell::Text(Some("atLeast"))));
        assert!(matches!(high, Cell::Float(None)));
        assert!(matches!(high_open, Cell::Bool(None)));
        assert!(matches!(best, Cell::Float(None)));
    }

    #[test]
    fn same_event_groups_take_the_first_ordinal() {
        let ds = Dataset::from_json(
            r#"{"formatVersion": "2.0", "patrols": [
              {"id": "a", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"]},
              {"id": "b", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"]},
              {"id": "c", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"],
               "links": [{"rel": "sameEvent", "to": "b"}]}]}"#,
        )
        .unwrap();
        let g = same_event_groups(&ds, 10);
        assert_eq!(g.get("a"), None);
        assert_eq!((g["b"], g["c"]), (11, 11));
    }
}
