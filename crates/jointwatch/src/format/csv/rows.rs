//! One data row read into a record: the cells of a row by column name, and
//! the exercise, patrol, statistic or source built from them.

use ::csv::StringRecord;

use super::cells::*;
use super::columns::{column_letter, Column, Table};
use super::{parse_quantity, Parsed, SyntaxError, MALFORMED_CSV};
use crate::dataset::Dataset;
use crate::diagnostics::{Code, Finding, Severity};
use crate::model::activity::{Activity, ActivityKind};
use crate::model::claim::Claim;
use crate::model::date::DateRange;
use crate::model::exercise::{Exercise, Forces, StateForces};
use crate::model::figure::FigureValue;
use crate::model::incident::{Incident, IncidentKind};
use crate::model::link::Link;
use crate::model::patrol::{Leg, Numbering, Patrol, PatrolKind};
use crate::model::period::Period;
use crate::model::quantity::Quantity;
use crate::model::source::{Credibility, Reliability, Source};
use crate::model::statistic::{Measure, Rate, Reporter, Statistic};

/// One data row being read.
pub(super) struct Row<'a> {
    pub(super) table: Table,
    pub(super) index: usize,
    pub(super) line: u64,
    pub(super) layout: &'a [Option<&'static Column>],
    pub(super) record: &'a StringRecord,
    pub(super) findings: &'a mut Vec<Finding>,
    pub(super) failed: bool,
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
        if !self.present(name) {
            return None;
        }
        self.opt(name, f)
    }

    /// A `;`-separated list in a required cell.
    fn req_list<T>(&mut self, name: &str, f: impl FnMut(&str) -> Parsed<T>) -> Vec<T> {
        if !self.present(name) {
            return Vec::new();
        }
        self.list(name, f)
    }

    /// Whether a required cell is filled; reports it when not.
    fn present(&mut self, name: &str) -> bool {
        let filled = self.cell(name).is_some();
        if !filled {
            self.fail(
                name,
                SyntaxError::new(Code::MissingField, "the cell is empty but required"),
            );
        }
        filled
    }

    /// A `;`-separated list; every bad item is reported.
    fn list<T>(&mut self, name: &str, mut f: impl FnMut(&str) -> Parsed<T>) -> Vec<T> {
        let Some(text) = self.cell(name).map(str::to_string) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in split_items(&text) {
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

/// Whether the row has as many cells as the header; reports it when not.
fn well_formed(row: &mut Row<'_>) -> bool {
    if row.record.len() != row.layout.len() {
        row.fail_row(format!(
            "has {} cells but the header has {}; check for an unquoted comma or a missing cell",
            row.record.len(),
            row.layout.len()
        ));
        false
    } else {
        true
    }
}

/// Reads one row of an attachment table ([`Table::is_attachment`]).
pub(super) fn read_attachment(row: &mut Row<'_>) -> Option<Attached> {
    if !well_formed(row) {
        return None;
    }
    let record = row.req("record", |s| Ok(s.to_string()));
    let what = match row.table {
        Table::Links => link(row),
        Table::FigureValues => figure_value(row),
        Table::Numbering => numbering(row),
        Table::Legs => Some(Attachment::Leg(leg(row))),
        Table::ForcesByState => state_forces(row),
        Table::Claims => claim(row),
        _ => None,
    };
    if row.failed {
        return None;
    }
    Some(Attached {
        record: record?,
        index: row.index,
        line: row.line,
        what: what?,
    })
}

/// Reads one row into the list of `dataset` its table names; a row with the
/// wrong number of cells or a bad cell is reported and adds nothing.
pub(super) fn read_into(row: &mut Row<'_>, dataset: &mut Dataset) {
    if well_formed(row) {
        match row.table {
            Table::Exercises => dataset.exercises.extend(exercise(row)),
            Table::Patrols => dataset.patrols.extend(patrol(row)),
            Table::Statistics => dataset.statistics.extend(statistic(row)),
            Table::Sources => dataset.sources.extend(source(row)),
            Table::Incidents => dataset.incidents.extend(incident(row)),
            Table::Activities => dataset.activities.extend(activity(row)),
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------
// Rows to records.
// ---------------------------------------------------------------------------

fn exercise(r: &mut Row<'_>) -> Option<Exercise> {
    let id = r.req("id", |s| Ok(s.to_string()));
    let name = r.req("name", |s| Ok(s.to_string()));
    let participants = r.req_list("participants", participant);
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
            ships: r.opt("ships", parse_figure),
            submarines: r.opt("submarines", parse_figure),
            aircraft: r.opt("aircraft", parse_figure),
            personnel: r.opt("personnel", parse_figure),
            equipment: r.list("equipment", equipment),
            by_state: Vec::new(),
        },
        claims: Vec::new(),
        links: Vec::new(),
        notes: r.text("notes"),
        sources: r.texts("sources"),
        tags: r.texts("tags"),
    };
    (!r.failed).then_some(e)
}

fn patrol(r: &mut Row<'_>) -> Option<Patrol> {
    let id = r.req("id", |s| Ok(s.to_string()));
    let kind = r.req("kind", patrol_kind);
    let participants = r.req_list("participants", participant);
    let p = Patrol {
        id: id.unwrap_or_default(),
        name: r.text("name"),
        kind: kind.unwrap_or(PatrolKind::JointAirPatrol),
        participants,
        dates: r.dates(),
        sequence: None,
        numbering: r
            .opt("sequence", |s| whole::<u32>(s, "a sequence number"))
            .map(|number| Numbering {
                number,
                by: None,
                body: None,
                sources: Vec::new(),
            })
            .into_iter()
            .collect(),
        start_time: r.opt("startTime", time),
        end_time: r.opt("endTime", time),
        platforms: r.list("platforms", platform),
        route: r.list("route", point),
        legs: Vec::new(),
        areas: r.list("areas", area),
        adiz_entered: r.list("adizEntered", country),
        responses: r.list("responses", response),
        claims: Vec::new(),
        links: Vec::new(),
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
        && !matches!(
            period,
            Some(
                Period::FiscalYear { .. }
                    | Period::FiscalQuarter { .. }
                    | Period::FiscalHalf { .. }
            )
        )
        && (first_month.is_some() || named_by.is_some())
    {
        r.fail(
            "fiscalFirstMonth",
            SyntaxError::new(
                Code::InvalidPeriod,
                "fiscal columns apply only to an FY period such as FY2023, FY2023Q1 or FY2023H1",
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
        claims: Vec::new(),
        links: Vec::new(),
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

fn incident(r: &mut Row<'_>) -> Option<Incident> {
    let id = r.req("id", |s| Ok(s.to_string()));
    let kind = r.req("kind", incident_kind);
    let i = Incident {
        id: id.unwrap_or_default(),
        name: r.text("name"),
        kind: kind.unwrap_or(IncidentKind::Other),
        by: r.list("by", participant),
        against: r.list("against", country),
        dates: r.dates(),
        start_time: r.opt("startTime", time),
        end_time: r.opt("endTime", time),
        areas: r.list("areas", area),
        location: r.opt("location", point),
        platforms: r.list("platforms", platform),
        rounds: r.opt("rounds", parse_figure),
        sorties: r.opt("sorties", parse_figure),
        claims: Vec::new(),
        links: Vec::new(),
        notes: r.text("notes"),
        sources: r.texts("sources"),
        tags: r.texts("tags"),
    };
    (!r.failed).then_some(i)
}

fn activity(r: &mut Row<'_>) -> Option<Activity> {
    let id = r.req("id", |s| Ok(s.to_string()));
    let kind = r.req("kind", activity_kind);
    let participants = r.req_list("participants", participant);
    let a = Activity {
        id: id.unwrap_or_default(),
        name: r.text("name"),
        kind: kind.unwrap_or(ActivityKind::Other),
        domain: r.opt("domain", domain),
        participants,
        dates: r.dates(),
        start_time: r.opt("startTime", time),
        end_time: r.opt("endTime", time),
        platforms: r.list("platforms", platform),
        forces: Forces {
            ships: r.opt("ships", parse_figure),
            submarines: r.opt("submarines", parse_figure),
            aircraft: r.opt("aircraft", parse_figure),
            personnel: r.opt("personnel", parse_figure),
            equipment: r.list("equipment", equipment),
            by_state: Vec::new(),
        },
        route: r.list("route", point),
        legs: Vec::new(),
        areas: r.list("areas", area),
        adiz_entered: r.list("adizEntered", country),
        claims: Vec::new(),
        links: Vec::new(),
        notes: r.text("notes"),
        sources: r.texts("sources"),
        tags: r.texts("tags"),
    };
    (!r.failed).then_some(a)
}

// ---------------------------------------------------------------------------
// Rows that add to records of other tables.
// ---------------------------------------------------------------------------

/// What one row of an attachment table adds to its record.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Attachment {
    Link(Link),
    /// One value of the figure at `field` (a path relative to the record).
    FigureValue {
        field: String,
        value: FigureValue,
    },
    Numbering(Numbering),
    Leg(Leg),
    StateForces(StateForces),
    Claim(Claim),
}

/// A row of an attachment table: the record it adds to, where it was, and
/// what it adds.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Attached {
    pub(super) record: String,
    /// The row's index among the data rows (row `index + 2`).
    pub(super) index: usize,
    pub(super) line: u64,
    pub(super) what: Attachment,
}

fn link(r: &mut Row<'_>) -> Option<Attachment> {
    let rel = r.req("rel", link_kind);
    let to = r.req("to", |s| Ok(s.to_string()));
    Some(Attachment::Link(Link {
        rel: rel?,
        to: to?,
        sources: r.texts("sources"),
        notes: r.text("notes"),
    }))
}

fn figure_value(r: &mut Row<'_>) -> Option<Attachment> {
    let field = r.req("field", figure_path);
    let value = r.req("value", parse_quantity);
    let stance = r.opt("stance", stance);
    let by = r.opt("by", country);
    Some(Attachment::FigureValue {
        field: field?,
        value: FigureValue {
            value: value?,
            stance,
            by,
            sources: r.texts("sources"),
            notes: r.text("notes"),
        },
    })
}

fn numbering(r: &mut Row<'_>) -> Option<Attachment> {
    let number = r.req("number", |s| whole::<u32>(s, "a sequence number"));
    Some(Attachment::Numbering(Numbering {
        number: number?,
        by: r.opt("by", country),
        body: r.text("body"),
        sources: r.texts("sources"),
    }))
}

fn leg(r: &mut Row<'_>) -> Leg {
    Leg {
        dates: r.dates(),
        start_time: r.opt("startTime", time),
        end_time: r.opt("endTime", time),
        areas: r.list("areas", area),
        straits: r.list("straits", area),
        route: r.list("route", point),
        notes: r.text("notes"),
    }
}

fn state_forces(r: &mut Row<'_>) -> Option<Attachment> {
    let country = r.req("country", country);
    let forces = Forces {
        ships: r.opt("ships", parse_figure),
        submarines: r.opt("submarines", parse_figure),
        aircraft: r.opt("aircraft", parse_figure),
        personnel: r.opt("personnel", parse_figure),
        equipment: r.list("equipment", equipment),
        by_state: Vec::new(),
    };
    Some(Attachment::StateForces(StateForces {
        country: country?,
        forces,
    }))
}

fn claim(r: &mut Row<'_>) -> Option<Attachment> {
    let kind = r.req("kind", claim_kind);
    let text = r.req("text", |s| Ok(s.to_string()));
    let window_years = r.opt("windowYears", |s| whole::<u32>(s, "a number of years"));
    Some(Attachment::Claim(Claim {
        kind: kind?,
        text: text?,
        scope: r.text("scope"),
        window_years,
        sources: r.texts("sources"),
    }))
}
