//! Writing a dataset's records and sources as CSV tables, in the syntax
//! [`read`](super::read) reads: every table of [`Table::ALL`], each with its
//! header in template order.
//!
//! What a cell cannot hold goes to the tables that add to records: a figure
//! with several values, or with a stance, a state, sources or notes of its
//! own, is left out of its cell and written one value a row to
//! `figure-values.csv`; links, claims, numbering, legs and each state's
//! forces have tables of their own. A value that no cell can hold so that it
//! reads back the same (text with surrounding spaces, a list item holding
//! `;`, a patrol response with notes, …) is an error naming its path:
//! nothing is written rather than something else.

use std::collections::HashMap;

use ::csv::{QuoteStyle, WriterBuilder};
use serde::Serialize;

use super::cells::{self, FigurePath};
use super::columns::Table;
use super::{quantity_cell, CsvError, Parsed};
use crate::dataset::Dataset;
use crate::diagnostics::{Code, Finding, Severity};
use crate::model::actor::Participant;
use crate::model::claim::Claim;
use crate::model::date::DateRange;
use crate::model::exercise::{Equipment, Forces};
use crate::model::figure::Figure;
use crate::model::link::Link;
use crate::model::patrol::{Leg, PatrolResponse, Platform};
use crate::model::period::Period;
use crate::model::place::Point;
use crate::model::quantity::Quantity;
use crate::model::statistic::{BreakdownEntry, Category};
use crate::model::time::TimeOfDay;

/// One table written as CSV text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenTable {
    /// Which table.
    pub table: Table,
    /// The file's text: the header row, then one row per record or item.
    pub text: String,
}

impl WrittenTable {
    /// The file name the table is read from by default: `incidents.csv`,
    /// `figure-values.csv`, …
    pub fn file_name(&self) -> String {
        format!("{}.csv", self.table)
    }
}

/// Writes the dataset's records and sources as CSV tables, one per table of
/// [`Table::ALL`] (in that order, each with its header even when it has no
/// row). Reading them back with [`read_tables`](super::read_tables) gives
/// the same records and sources. The rest of a document (title, areas,
/// scenarios, coverage, …) has no table: CSV records take it from
/// `--base`.
///
/// # Errors
/// Every value no cell can hold so that it reads back the same, each named
/// by its path (`patrols[2].responses[0].notes`) with code `invalid-value`.
///
/// # Example
/// ```
/// use jointwatch::format::csv::{self, Table};
/// let ds = jointwatch::seed();
/// let tables = csv::write(&ds).unwrap();
/// assert_eq!(tables.len(), Table::ALL.len());
/// let files: Vec<(String, String)> =
///     tables.into_iter().map(|t| (t.file_name(), t.text)).collect();
/// let back = csv::read_tables(&files).unwrap();
/// assert_eq!(back.exercises, ds.exercises);
/// assert_eq!(back.sources, ds.sources);
/// ```
pub fn write(ds: &Dataset) -> Result<Vec<WrittenTable>, CsvError> {
    let mut w = Writer::default();
    w.check_ids(ds);
    for (i, e) in ds.exercises.iter().enumerate() {
        let p = format!("exercises[{i}]");
        let mut row = Cells::default();
        row.text(&mut w, &p, "id", Some(&e.id));
        row.text(&mut w, &p, "name", Some(&e.name));
        row.text(&mut w, &p, "series", e.series.as_deref());
        row.set("host", e.host.map(|c| c.to_string()).unwrap_or_default());
        row.participants(&mut w, &p, "participants", &e.participants);
        row.participants(&mut w, &p, "observers", &e.observers);
        row.set("domains", join(e.domains.iter().map(word)));
        row.areas(&mut w, &p, "areas", &e.areas);
        row.dates(&w, e.dates.as_ref());
        w.forces(&mut row, &p, &e.id, &e.forces, true);
        row.text(&mut w, &p, "notes", e.notes.as_deref());
        row.items(&mut w, &p, "sources", &e.sources);
        row.items(&mut w, &p, "tags", &e.tags);
        w.push(Table::Exercises, &p, row);
        w.claims(&p, &e.id, &e.claims);
        w.links(&p, &e.id, &e.links);
    }
    for (i, r) in ds.patrols.iter().enumerate() {
        let p = format!("patrols[{i}]");
        let mut row = Cells::default();
        row.text(&mut w, &p, "id", Some(&r.id));
        row.text(&mut w, &p, "name", r.name.as_deref());
        row.set("kind", word(&r.kind));
        row.participants(&mut w, &p, "participants", &r.participants);
        row.dates(&w, r.dates.as_ref());
        row.times(r.start_time, r.end_time);
        row.set(
            "sequence",
            r.sequence.map(|n| n.to_string()).unwrap_or_default(),
        );
        w.platforms(&mut row, &p, &r.id, &r.platforms);
        row.set("route", points(&r.route));
        row.areas(&mut w, &p, "areas", &r.areas);
        row.set(
            "adizEntered",
            join(r.adiz_entered.iter().map(|c| c.to_string())),
        );
        w.responses(&mut row, &p, &r.id, &r.responses);
        row.text(&mut w, &p, "notes", r.notes.as_deref());
        row.items(&mut w, &p, "sources", &r.sources);
        row.items(&mut w, &p, "tags", &r.tags);
        w.push(Table::Patrols, &p, row);
        for (j, n) in r.numbering.iter().enumerate() {
            let q = format!("{p}.numbering[{j}]");
            let mut row = Cells::record(&r.id);
            row.set("number", n.number.to_string());
            row.set("by", n.by.map(|c| c.to_string()).unwrap_or_default());
            row.text(&mut w, &q, "body", n.body.as_deref());
            row.items(&mut w, &q, "sources", &n.sources);
            w.push(Table::Numbering, &q, row);
        }
        w.legs(&p, &r.id, &r.legs);
        w.claims(&p, &r.id, &r.claims);
        w.links(&p, &r.id, &r.links);
    }
    for (i, s) in ds.statistics.iter().enumerate() {
        let p = format!("statistics[{i}]");
        let mut row = Cells::default();
        row.text(&mut w, &p, "id", Some(&s.id));
        row.text(&mut w, &p, "label", Some(&s.label));
        row.set("measure", word(&s.measure));
        if let Some(r) = &s.reporter {
            row.text(&mut w, &p, "reporter", Some(&r.name));
            row.set(
                "reporterCountry",
                r.country.map(|c| c.to_string()).unwrap_or_default(),
            );
        }
        row.participants(&mut w, &p, "subjects", &s.subjects);
        if let Some(period) = &s.period {
            w.period(&mut row, &p, period);
        }
        row.set("asOf", s.as_of.map(|d| d.to_string()).unwrap_or_default());
        row.set("rate", word(&s.rate));
        row.set(
            "quantity",
            w.quantity(&format!("{p}.quantity"), &s.quantity),
        );
        let mut items = Vec::new();
        for (j, b) in s.breakdown.iter().enumerate() {
            items.push(w.breakdown(&format!("{p}.breakdown[{j}]"), b));
        }
        row.set("breakdown", join(items));
        row.text(&mut w, &p, "notes", s.notes.as_deref());
        row.items(&mut w, &p, "sources", &s.sources);
        row.items(&mut w, &p, "tags", &s.tags);
        w.push(Table::Statistics, &p, row);
        w.claims(&p, &s.id, &s.claims);
        w.links(&p, &s.id, &s.links);
    }
    for (i, s) in ds.sources.iter().enumerate() {
        let p = format!("sources[{i}]");
        let mut row = Cells::default();
        row.text(&mut w, &p, "id", Some(&s.id));
        row.text(&mut w, &p, "title", Some(&s.title));
        row.text(&mut w, &p, "publisher", s.publisher.as_deref());
        row.text(&mut w, &p, "url", s.url.as_deref());
        row.set("date", s.date.map(|d| d.to_string()).unwrap_or_default());
        row.set("reliability", word(&s.reliability));
        row.set("credibility", s.credibility.number().to_string());
        row.text(&mut w, &p, "notes", s.notes.as_deref());
        w.push(Table::Sources, &p, row);
    }
    for (i, r) in ds.incidents.iter().enumerate() {
        let p = format!("incidents[{i}]");
        let mut row = Cells::default();
        row.text(&mut w, &p, "id", Some(&r.id));
        row.text(&mut w, &p, "name", r.name.as_deref());
        row.set("kind", word(&r.kind));
        row.participants(&mut w, &p, "by", &r.by);
        row.set("against", join(r.against.iter().map(|c| c.to_string())));
        row.dates(&w, r.dates.as_ref());
        row.times(r.start_time, r.end_time);
        row.areas(&mut w, &p, "areas", &r.areas);
        if let Some(point) = &r.location {
            row.set("location", self::point(point));
        }
        w.platforms(&mut row, &p, &r.id, &r.platforms);
        w.figure(&mut row, &p, &r.id, "rounds", "rounds", r.rounds.as_ref());
        w.figure(
            &mut row,
            &p,
            &r.id,
            "sorties",
            "sorties",
            r.sorties.as_ref(),
        );
        row.text(&mut w, &p, "notes", r.notes.as_deref());
        row.items(&mut w, &p, "sources", &r.sources);
        row.items(&mut w, &p, "tags", &r.tags);
        w.push(Table::Incidents, &p, row);
        w.claims(&p, &r.id, &r.claims);
        w.links(&p, &r.id, &r.links);
    }
    for (i, r) in ds.activities.iter().enumerate() {
        let p = format!("activities[{i}]");
        let mut row = Cells::default();
        row.text(&mut w, &p, "id", Some(&r.id));
        row.text(&mut w, &p, "name", r.name.as_deref());
        row.set("kind", word(&r.kind));
        row.set("domain", r.domain.map(|d| word(&d)).unwrap_or_default());
        row.participants(&mut w, &p, "participants", &r.participants);
        row.dates(&w, r.dates.as_ref());
        row.times(r.start_time, r.end_time);
        w.platforms(&mut row, &p, &r.id, &r.platforms);
        w.forces(&mut row, &p, &r.id, &r.forces, true);
        row.set("route", points(&r.route));
        row.areas(&mut w, &p, "areas", &r.areas);
        row.set(
            "adizEntered",
            join(r.adiz_entered.iter().map(|c| c.to_string())),
        );
        row.text(&mut w, &p, "notes", r.notes.as_deref());
        row.items(&mut w, &p, "sources", &r.sources);
        row.items(&mut w, &p, "tags", &r.tags);
        w.push(Table::Activities, &p, row);
        w.legs(&p, &r.id, &r.legs);
        w.claims(&p, &r.id, &r.claims);
        w.links(&p, &r.id, &r.links);
    }
    if !w.findings.is_empty() {
        return Err(CsvError {
            findings: w.findings,
        });
    }
    let mut out = Vec::new();
    for table in Table::ALL {
        let mut csv = WriterBuilder::new()
            .quote_style(QuoteStyle::Necessary)
            .from_writer(Vec::new());
        let names: Vec<&str> = table.columns().iter().map(|c| c.name).collect();
        let rows = w.rows.remove(&table).unwrap_or_default();
        let written = csv.write_record(&names).and_then(|_| {
            rows.iter().try_for_each(|row| {
                csv.write_record(names.iter().map(|n| row.get(n).map_or("", String::as_str)))
            })
        });
        let bytes = written
            .map_err(|e| e.to_string())
            .and_then(|_| csv.into_inner().map_err(|e| e.to_string()))
            .and_then(|b| String::from_utf8(b).map_err(|e| e.to_string()));
        match bytes {
            Ok(text) => out.push(WrittenTable { table, text }),
            Err(e) => {
                return Err(CsvError {
                    findings: vec![finding(table.as_str(), format!("cannot write: {e}"))],
                })
            }
        }
    }
    Ok(out)
}

fn finding(path: &str, message: String) -> Finding {
    Finding {
        code: Code::InvalidValue,
        severity: Severity::Error,
        path: path.to_string(),
        message,
        line: None,
        column: None,
    }
}

/// The JSON word of a fieldless enum (`jointAirPatrol`, `missileDefence`).
fn word<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn join(items: impl IntoIterator<Item = String>) -> String {
    items.into_iter().collect::<Vec<_>>().join(";")
}

fn point(p: &Point) -> String {
    format!("{} {}", p.lon, p.lat)
}

fn points(ps: &[Point]) -> String {
    join(ps.iter().map(point))
}

fn is_plain(f: &Figure) -> Option<Quantity> {
    match f.values.as_slice() {
        [v] if v.stance.is_none()
            && v.by.is_none()
            && v.sources.is_empty()
            && v.notes.is_none() =>
        {
            Some(v.value)
        }
        _ => None,
    }
}

/// The cells of one row by column name.
#[derive(Default)]
struct Cells(HashMap<&'static str, String>);

impl Cells {
    fn record(id: &str) -> Cells {
        let mut c = Cells::default();
        c.set("record", id.to_string());
        c
    }

    fn get(&self, name: &str) -> Option<&String> {
        self.0.get(name)
    }

    fn set(&mut self, name: &'static str, value: String) {
        self.0.insert(name, value);
    }

    /// A text cell: it must read back as itself (cells are trimmed, and an
    /// empty cell is "not given").
    fn text(&mut self, w: &mut Writer, path: &str, name: &'static str, value: Option<&str>) {
        if let Some(v) = value {
            if v.is_empty() || v.trim() != v {
                w.unwritable(
                    &format!("{path}.{name}"),
                    "text that is empty or starts or ends with white space cannot be a cell (cells are trimmed)",
                );
            }
            self.set(name, v.to_string());
        }
    }

    /// A list of plain items (ids, tags).
    fn items(&mut self, w: &mut Writer, path: &str, name: &'static str, items: &[String]) {
        for (i, it) in items.iter().enumerate() {
            if it.is_empty() || it.trim() != it || it.contains(';') || !cells::balanced(it) {
                w.unwritable(
                    &format!("{path}.{name}[{i}]"),
                    "a list item that is empty, holds `;` or square brackets that do not pair up, or starts or ends with white space cannot be written in a list cell",
                );
            }
        }
        self.set(name, items.join(";"));
    }

    fn areas(&mut self, w: &mut Writer, path: &str, name: &'static str, areas: &[String]) {
        self.items(w, path, name, areas);
        for (i, a) in areas.iter().enumerate() {
            if cells::area(a).ok().as_deref() != Some(a.as_str()) {
                w.unwritable(
                    &format!("{path}.{name}[{i}]"),
                    "a built-in area's name or alias reads back as the area's id; write the id",
                );
            }
        }
    }

    fn participants(&mut self, w: &mut Writer, path: &str, name: &'static str, ps: &[Participant]) {
        let cell = join(ps.iter().map(|p| match p.branch {
            Some(b) => format!("{}({})", p.country, word(&b)),
            None => p.country.to_string(),
        }));
        w.check(&format!("{path}.{name}"), &cell, ps, |s| {
            list(s, cells::participant)
        });
        self.set(name, cell);
    }

    fn dates(&mut self, w: &Writer, dates: Option<&DateRange>) {
        let _ = w;
        if let Some(d) = dates {
            self.set("start", d.start.to_string());
            if d.end != d.start {
                self.set("end", d.end.to_string());
            }
        }
    }

    fn times(&mut self, start: Option<TimeOfDay>, end: Option<TimeOfDay>) {
        if let Some(t) = start {
            self.set("startTime", t.to_string());
        }
        if let Some(t) = end {
            self.set("endTime", t.to_string());
        }
    }
}

fn list<T>(s: &str, f: impl Fn(&str) -> Parsed<T>) -> Parsed<Vec<T>> {
    cells::split_items(s).into_iter().map(f).collect()
}

/// The rows written so far, and what could not be written.
#[derive(Default)]
struct Writer {
    rows: HashMap<Table, Vec<Cells>>,
    findings: Vec<Finding>,
}

impl Writer {
    /// Adds a row; a required column left empty is an error, since the
    /// row would not read back.
    fn push(&mut self, table: Table, path: &str, row: Cells) {
        for c in table.columns().iter().filter(|c| c.required) {
            if row.get(c.name).is_none_or(|v| v.is_empty()) {
                self.unwritable(
                    path,
                    &format!(
                        "the {table} table requires a value in the column {:?}",
                        c.name
                    ),
                );
            }
        }
        self.rows.entry(table).or_default().push(row);
    }

    fn unwritable(&mut self, path: &str, why: &str) {
        self.findings
            .push(finding(path, format!("cannot be written as CSV: {why}")));
    }

    /// A cell must read back as the value it was written from.
    fn check<T: PartialEq + ?Sized, U: std::borrow::Borrow<T>>(
        &mut self,
        path: &str,
        cell: &str,
        want: &T,
        parse: impl FnOnce(&str) -> Parsed<U>,
    ) {
        let ok = match parse(cell) {
            Ok(v) => v.borrow() == want,
            Err(_) => false,
        };
        if !ok {
            self.unwritable(
                path,
                &format!("the cell {cell:?} would not read back as the same value"),
            );
        }
    }

    /// Attachment rows name their record by id, so ids must tell records
    /// apart across tables.
    fn check_ids(&mut self, ds: &Dataset) {
        let mut seen: HashMap<&str, String> = HashMap::new();
        let ids = ds
            .exercises
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("exercises[{i}].id"), r.id.as_str()))
            .chain(
                ds.patrols
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("patrols[{i}].id"), r.id.as_str())),
            )
            .chain(
                ds.statistics
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("statistics[{i}].id"), r.id.as_str())),
            )
            .chain(
                ds.incidents
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("incidents[{i}].id"), r.id.as_str())),
            )
            .chain(
                ds.activities
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("activities[{i}].id"), r.id.as_str())),
            );
        for (path, id) in ids {
            if let Some(first) = seen.get(id) {
                let why = format!(
                    "the id {id:?} is also {first}'s; rows of links, claims and the other \
                     tables that add to records name their record by id"
                );
                self.unwritable(&path, &why);
            } else {
                seen.insert(id, path);
            }
        }
    }

    fn quantity(&mut self, path: &str, q: &Quantity) -> String {
        let cell = quantity_cell(q);
        self.check(path, &cell, q, super::parse_quantity);
        cell
    }

    /// A figure: in its cell when it is a bare quantity, else one row a
    /// value in `figure-values.csv`. Returns the cell.
    fn figure_cell(&mut self, path: &str, record: &str, field: &str, f: &Figure) -> String {
        if let Some(q) = is_plain(f) {
            return self.quantity(path, &q);
        }
        if f.values.is_empty() {
            self.unwritable(path, "a figure with no value has no cell or row");
        }
        if FigurePath::parse(field).is_err() {
            self.unwritable(path, "no figure path names this figure");
        }
        for (i, v) in f.values.iter().enumerate() {
            let p = format!("{path}.values[{i}]");
            let mut row = Cells::record(record);
            row.set("field", field.to_string());
            row.set("value", self.quantity(&format!("{p}.value"), &v.value));
            row.set("stance", v.stance.map(|s| word(&s)).unwrap_or_default());
            row.set("by", v.by.map(|c| c.to_string()).unwrap_or_default());
            row.items(self, &p, "sources", &v.sources);
            row.text(self, &p, "notes", v.notes.as_deref());
            self.push(Table::FigureValues, &p, row);
        }
        String::new()
    }

    #[allow(clippy::too_many_arguments)]
    fn figure(
        &mut self,
        row: &mut Cells,
        path: &str,
        record: &str,
        column: &'static str,
        field: &str,
        f: Option<&Figure>,
    ) {
        if let Some(f) = f {
            let cell = self.figure_cell(&format!("{path}.{column}"), record, field, f);
            row.set(column, cell);
        }
    }

    /// The forces columns of a record (`top`) or of one state's part.
    fn forces(&mut self, row: &mut Cells, path: &str, record: &str, f: &Forces, top: bool) {
        self.forces_cells(row, path, record, "forces", f);
        if !top {
            return;
        }
        let mut counts: HashMap<_, usize> = HashMap::new();
        for s in &f.by_state {
            *counts.entry(s.country).or_default() += 1;
        }
        for (i, s) in f.by_state.iter().enumerate() {
            let p = format!("{path}.forces.byState[{i}]");
            let key = if counts[&s.country] > 1 {
                i.to_string()
            } else {
                s.country.to_string()
            };
            let mut r = Cells::record(record);
            r.set("country", s.country.to_string());
            self.forces_cells(
                &mut r,
                &p,
                record,
                &format!("forces.byState.{key}"),
                &s.forces,
            );
            if !s.forces.by_state.is_empty() {
                self.unwritable(
                    &format!("{p}.forces.byState"),
                    "a state's forces cannot be split by state again",
                );
            }
            self.push(Table::ForcesByState, &p, r);
        }
    }

    fn forces_cells(
        &mut self,
        row: &mut Cells,
        path: &str,
        record: &str,
        prefix: &str,
        f: &Forces,
    ) {
        let p = format!("{path}.forces");
        for (column, figure) in [
            ("ships", &f.ships),
            ("submarines", &f.submarines),
            ("aircraft", &f.aircraft),
            ("personnel", &f.personnel),
        ] {
            if let Some(figure) = figure {
                let cell = self.figure_cell(
                    &format!("{p}.{column}"),
                    record,
                    &format!("{prefix}.{column}"),
                    figure,
                );
                row.set(column, cell);
            }
        }
        let mut items = Vec::new();
        for (i, e) in f.equipment.iter().enumerate() {
            items.push(self.equipment(
                &format!("{p}.equipment[{i}]"),
                record,
                &format!("{prefix}.equipment.{i}.quantity"),
                e,
            ));
        }
        row.set("equipment", join(items));
    }

    /// An item's name, in square brackets when it needs them.
    fn head(&mut self, path: &str, head: &str) -> String {
        cells::head_cell(head).unwrap_or_else(|| {
            self.unwritable(
                path,
                "a name that is empty, starts or ends with white space, or holds square brackets that do not pair up cannot be written in an item cell",
            );
            head.to_string()
        })
    }

    fn equipment(&mut self, path: &str, record: &str, field: &str, e: &Equipment) -> String {
        let name = self.head(&format!("{path}.name"), &e.name);
        match &e.quantity {
            Some(f) => {
                let cell = self.figure_cell(&format!("{path}.quantity"), record, field, f);
                if cell.is_empty() {
                    name
                } else {
                    format!("{name}={cell}")
                }
            }
            None => name,
        }
    }

    fn platforms(&mut self, row: &mut Cells, path: &str, record: &str, ps: &[Platform]) {
        let mut items = Vec::new();
        for (i, p) in ps.iter().enumerate() {
            let q = format!("{path}.platforms[{i}]");
            let model = self.head(&format!("{q}.model"), &p.model);
            let details: Vec<String> = p
                .role
                .map(|r| word(&r))
                .into_iter()
                .chain(p.country.map(|c| c.to_string()))
                .collect();
            let mut item = model;
            if !details.is_empty() {
                item += &format!("({})", details.join(","));
            }
            if let Some(f) = &p.count {
                let cell = self.figure_cell(
                    &format!("{q}.count"),
                    record,
                    &format!("platforms.{i}.count"),
                    f,
                );
                if !cell.is_empty() {
                    item += &format!("={cell}");
                }
            }
            items.push(item);
        }
        row.set("platforms", join(items));
    }

    fn responses(&mut self, row: &mut Cells, path: &str, record: &str, rs: &[PatrolResponse]) {
        let mut items = Vec::new();
        for (i, r) in rs.iter().enumerate() {
            let q = format!("{path}.responses[{i}]");
            if r.notes.is_some() {
                self.unwritable(
                    &format!("{q}.notes"),
                    "a patrol response's notes have no column; record the response as an incident",
                );
            }
            let mut item = format!("{}({})", r.by, word(&r.action));
            if let Some(f) = &r.count {
                let cell = self.figure_cell(
                    &format!("{q}.count"),
                    record,
                    &format!("responses.{i}.count"),
                    f,
                );
                if !cell.is_empty() {
                    item += &format!("={cell}");
                }
            }
            items.push(item);
        }
        row.set("responses", join(items));
    }

    fn breakdown(&mut self, path: &str, b: &BreakdownEntry) -> String {
        let mut item = match b.category {
            Category::Country(c) => c.to_string(),
            Category::Other => "other".to_string(),
            Category::Unknown => "unknown".to_string(),
        };
        if let Some(q) = &b.qualifier {
            item += &format!("({q})");
        }
        if let Some(q) = &b.quantity {
            item += &format!("={}", quantity_cell(q));
        }
        self.check(path, &item, b, cells::breakdown);
        // The item reads back alone; in the list cell it must also stay one
        // item (a `;` or an unpaired `[` in the source's words would split
        // it or swallow the next).
        if !cells::balanced(&item) || cells::split_items(&item) != [item.trim()] {
            self.unwritable(
                &format!("{path}.qualifier"),
                "a breakdown's words holding `;` or square brackets that do not pair up cannot be written in a list cell",
            );
        }
        item
    }

    fn period(&mut self, row: &mut Cells, path: &str, period: &Period) {
        let (cell, first_month, named_by) = cells::period_cell(period);
        if let Some(m) = first_month {
            row.set("fiscalFirstMonth", m.to_string());
        }
        if let Some(n) = named_by {
            row.set("fiscalNamedBy", n.to_string());
        }
        self.check(&format!("{path}.period"), &cell, period, |s| {
            cells::period(
                s,
                first_month,
                named_by.and_then(|n| cells::fiscal_naming(n).ok()),
            )
        });
        row.set("period", cell);
    }

    fn legs(&mut self, path: &str, record: &str, legs: &[Leg]) {
        for (i, leg) in legs.iter().enumerate() {
            let p = format!("{path}.legs[{i}]");
            let mut row = Cells::record(record);
            row.dates(self, leg.dates.as_ref());
            row.times(leg.start_time, leg.end_time);
            row.areas(self, &p, "areas", &leg.areas);
            row.areas(self, &p, "straits", &leg.straits);
            row.set("route", points(&leg.route));
            row.text(self, &p, "notes", leg.notes.as_deref());
            if *leg == Leg::default() {
                self.unwritable(&p, "a leg with nothing in it reads back as no leg");
            }
            self.push(Table::Legs, &p, row);
        }
    }

    fn claims(&mut self, path: &str, record: &str, claims: &[Claim]) {
        for (i, c) in claims.iter().enumerate() {
            let p = format!("{path}.claims[{i}]");
            let mut row = Cells::record(record);
            row.set("kind", word(&c.kind));
            row.text(self, &p, "text", Some(&c.text));
            row.text(self, &p, "scope", c.scope.as_deref());
            row.set(
                "windowYears",
                c.window_years.map(|n| n.to_string()).unwrap_or_default(),
            );
            row.items(self, &p, "sources", &c.sources);
            self.push(Table::Claims, &p, row);
        }
    }

    fn links(&mut self, path: &str, record: &str, links: &[Link]) {
        for (i, l) in links.iter().enumerate() {
            let p = format!("{path}.links[{i}]");
            let mut row = Cells::record(record);
            row.set("rel", word(&l.rel));
            row.text(self, &p, "to", Some(&l.to));
            row.items(self, &p, "sources", &l.sources);
            row.text(self, &p, "notes", l.notes.as_deref());
            self.push(Table::Links, &p, row);
        }
    }
}
