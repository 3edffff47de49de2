//! The checker and the checks shared by every collection: ids, references,
//! states, dates, quantities, coordinates, periods, filters and odds.

use std::collections::HashSet;
use std::fmt;

use super::counted::Counted;
use super::hash::{Map, Set};
use super::ids::{IdProblem, IdTable};
use crate::dataset::Dataset;
use crate::diagnostics::{Code, Finding};
use crate::model::actor::{CountryCode, Participant};
use crate::model::date::{DateRange, YEAR_RANGE};
use crate::model::figure::Figure;
use crate::model::period::Period;
use crate::model::place::{is_builtin_area_id, Point};
use crate::model::quantity::Quantity;
use crate::model::record::Filter;
use crate::model::statistic::Measure;

/// What a set of counted records is selected by: the measure, the subject
/// states, and the numbering authority whose count a statistic is.
pub(super) type CountedKey = (Measure, Vec<CountryCode>, Option<CountryCode>);

/// Where in the document a check looks (`exercises[3].forces.ships`),
/// written out only when it finds something.
#[derive(Clone, Copy)]
pub(super) enum At<'p> {
    Root(&'p str),
    Field(&'p At<'p>, &'p str),
    Index(&'p At<'p>, usize),
}

impl<'p> At<'p> {
    pub(super) fn field(&'p self, name: &'p str) -> At<'p> {
        At::Field(self, name)
    }

    pub(super) fn index(&'p self, i: usize) -> At<'p> {
        At::Index(self, i)
    }
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Root(name) => f.write_str(name),
            At::Field(parent, name) => write!(f, "{parent}.{name}"),
            At::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

impl From<At<'_>> for String {
    fn from(at: At<'_>) -> String {
        at.to_string()
    }
}

pub(super) struct Checker<'a> {
    pub(super) ds: &'a Dataset,
    pub(super) findings: Vec<Finding>,
    /// By (measure, subjects, numbering authority): few distinct, so a list.
    pub(super) counted: Vec<(CountedKey, Counted<'a>)>,
    pub(super) sources: Set<&'a str>,
    /// Whether an area id names an area (the dataset's or a built-in one),
    /// as 1 or 0: the dataset's ids to begin with, every other id once
    /// looked up. (A map of the type `Duplicates` numbers areas with, so
    /// that the `.wasm` holds one.)
    pub(super) areas: Map<&'a str, u32>,
    pub(super) scenarios: Set<&'a str>,
    /// Every id, and every record by id (the first with each id, the
    /// dataset's own before a context's): what a link may name.
    pub(super) ids: IdTable<'a>,
    /// The records to compare for `likely-duplicate`, noted as checked.
    pub(super) duplicates: super::relations::Duplicates<'a>,
    /// The kinds of the areas looked up so far (`None`: no such area).
    pub(super) area_kinds: Map<&'a str, Option<crate::model::place::AreaKind>>,
}

impl<'a> Checker<'a> {
    pub(super) fn push(&mut self, code: Code, path: impl Into<String>, message: impl Into<String>) {
        self.findings.push(Finding {
            code,
            severity: code.default_severity(),
            path: path.into(),
            message: message.into(),
            line: None,
            column: None,
        });
    }

    pub(super) fn ids(&mut self) {
        let ds = self.ds;
        for k in 0..self.ids.problems.len() {
            let IdProblem {
                list,
                index: i,
                id,
                first,
            } = self.ids.problems[k];
            let path = format!("{list}[{i}].id");
            match first {
                None => self.push(
                    Code::InvalidId,
                    path,
                    format!("id {id:?} is empty or has surrounding white space"),
                ),
                Some((first, j)) => {
                    let msg = format!("id {id:?} is already used at {first}[{j}].id");
                    self.push(Code::DuplicateId, path, msg);
                }
            }
        }
        if ds.areas.iter().any(|a| is_builtin_area_id(&a.id)) {
            for (i, a) in ds.areas.iter().enumerate() {
                if is_builtin_area_id(&a.id) {
                    self.push(
                        Code::DuplicateId,
                        format!("areas[{i}].id"),
                        format!("area id {:?} is already a built-in gazetteer area", a.id),
                    );
                }
            }
        }
    }

    pub(super) fn source_refs(&mut self, path: At<'_>, refs: &[String], required: bool) {
        if refs.is_empty() && required {
            self.push(
                Code::NoSource,
                path,
                "cites no source; every figure should be traceable",
            );
        }
        for (i, r) in refs.iter().enumerate() {
            if !self.sources.contains(r.as_str()) {
                self.push(
                    Code::MissingSource,
                    format!("{path}[{i}]"),
                    format!("source {r:?} is not defined in `sources`"),
                );
            }
        }
    }

    pub(super) fn area_refs(&mut self, path: At<'_>, refs: &'a [String]) {
        for (i, r) in refs.iter().enumerate() {
            let known = *self
                .areas
                .entry(r.as_str())
                .or_insert_with(|| u32::from(is_builtin_area_id(r)));
            if known == 0 {
                self.push(
                    Code::UnknownArea,
                    format!("{path}[{i}]"),
                    format!("area {r:?} is neither built in nor defined in `areas`"),
                );
            }
        }
    }

    pub(super) fn country(&mut self, path: At<'_>, c: &CountryCode) {
        if !is_assigned(c) {
            self.push(
                Code::UnknownCountry,
                path,
                format!("{c} is not an assigned ISO 3166-1 alpha-3 code"),
            );
        }
    }

    pub(super) fn participants(&mut self, path: At<'_>, ps: &[Participant]) {
        // A short list (every record's) is searched in place; a long one
        // through a set, so that no list costs more than n log n.
        let mut seen = HashSet::new();
        for (i, p) in ps.iter().enumerate() {
            self.country(path.index(i), &p.country);
            let repeated = if ps.len() <= SHORT_LIST {
                ps[..i].contains(p)
            } else {
                !seen.insert(*p)
            };
            if repeated {
                self.push(
                    Code::DuplicateParticipant,
                    format!("{path}[{i}]"),
                    format!("{} is listed twice", p.country),
                );
            }
        }
    }

    pub(super) fn joint(&mut self, path: At<'_>, ps: &[Participant]) {
        let states = match ps.split_first() {
            None => 0,
            Some((first, rest)) if rest.iter().all(|p| p.country == first.country) => 1,
            Some(_) => 2,
        };
        if states < 2 {
            self.push(
                Code::JointSingleParticipant,
                path,
                format!("a joint record needs at least two states; found {states}"),
            );
        }
    }

    pub(super) fn dates(&mut self, path: At<'_>, d: &DateRange) {
        if d.is_reversed() {
            self.push(
                Code::EndBeforeStart,
                path,
                format!("ends ({}) before it starts ({})", d.end, d.start),
            );
        }
    }

    pub(super) fn quantity(&mut self, path: At<'_>, q: &Quantity) {
        if q.values().iter().any(|v| *v < 0.0) {
            self.push(
                Code::NegativeQuantity,
                path,
                format!("{q} is negative; counts cannot be"),
            );
        }
        if !q.is_ordered() {
            self.push(
                Code::QuantityOutOfOrder,
                path,
                format!("bounds of {q} are out of order or not finite"),
            );
        }
    }

    /// A record's figure: a plain value is checked where it stands (as in
    /// format 1.0); each of several values at `values[j].value`, with its
    /// state and sources.
    pub(super) fn opt_figure(&mut self, path: At<'_>, f: &Option<Figure>) {
        let Some(f) = f else { return };
        match f.values.as_slice() {
            [] => self.push(
                Code::EmptyFigure,
                path,
                "a figure written as {\"values\": []} holds no value; leave it out when nothing is known",
            ),
            [one] if one.sources.is_empty() && one.by.is_none() && one.stance.is_none() && one.notes.is_none() => {
                self.quantity(path, &one.value)
            }
            values => {
                let list = path.field("values");
                for (j, v) in values.iter().enumerate() {
                    let at = list.index(j);
                    self.quantity(at.field("value"), &v.value);
                    if let Some(c) = &v.by {
                        self.country(at.field("by"), c);
                    }
                    self.source_refs(at.field("sources"), &v.sources, false);
                }
            }
        }
    }

    pub(super) fn point(&mut self, path: At<'_>, p: &Point) {
        self.latitude(path.field("lat"), p.lat);
        self.longitude(path.field("lon"), p.lon);
    }

    pub(super) fn latitude(&mut self, path: At<'_>, lat: f64) {
        if !(-90.0..=90.0).contains(&lat) {
            self.push(
                Code::LatitudeOutOfRange,
                path,
                format!("latitude {lat} is outside −90..90"),
            );
        }
    }

    pub(super) fn longitude(&mut self, path: At<'_>, lon: f64) {
        if !(-180.0..=180.0).contains(&lon) {
            self.push(
                Code::LongitudeOutOfRange,
                path,
                format!("longitude {lon} is outside −180..180"),
            );
        }
    }

    pub(super) fn period(&mut self, path: At<'_>, p: &Period) {
        let years_ok = |y: i16| YEAR_RANGE.contains(&y);
        match *p {
            Period::FiscalYear {
                first_month, year, ..
            }
            | Period::FiscalQuarter {
                first_month, year, ..
            }
            | Period::FiscalHalf {
                first_month, year, ..
            } => {
                if !(1..=12).contains(&first_month) {
                    self.push(
                        Code::InvalidFiscalStart,
                        format!("{path}.firstMonth"),
                        format!("a fiscal year cannot start in month {first_month}; use 1–12"),
                    );
                } else if let Some(problem) = fiscal_part_problem(p) {
                    self.push(Code::InvalidPeriod, path, problem);
                } else if !years_ok(year) || !p.is_well_formed() {
                    self.push(
                        Code::InvalidPeriod,
                        path,
                        format!("{p} is not a valid period"),
                    );
                }
            }
            Period::Span { start, end }
                if !start.is_well_formed()
                    || !end.is_well_formed()
                    || !years_ok(start.year)
                    || !years_ok(end.year) =>
            {
                self.push(
                    Code::InvalidPeriod,
                    path,
                    format!(
                        "the span of months {start} to {end} is malformed (months run 1–12, years 1–9999)"
                    ),
                );
            }
            Period::Span { start, end } if end < start => {
                self.push(
                    Code::InvalidPeriod,
                    path,
                    format!("the span of months ends ({end}) before it starts ({start})"),
                );
            }
            Period::Years { start, end } if end < start => {
                self.push(
                    Code::InvalidPeriod,
                    path,
                    format!("the span of years ends ({end}) before it starts ({start})"),
                );
            }
            Period::Years { start, end } if !years_ok(start) || !years_ok(end) => {
                self.push(Code::InvalidPeriod, path, "years run from 1 to 9999");
            }
            Period::CalendarYear { year }
            | Period::Quarter { year, .. }
            | Period::Month { year, .. }
                if !years_ok(year) || !p.is_well_formed() =>
            {
                self.push(
                    Code::InvalidPeriod,
                    path,
                    "the period is malformed (quarters run 1–4, months 1–12, years 1–9999)",
                );
            }
            _ => {}
        }
    }

    pub(super) fn filter(&mut self, path: At<'_>, f: &'a Filter) {
        self.filter_refs(path, f);
        if let (Some(a), Some(b)) = (f.from, f.to) {
            self.dates(path, &DateRange { start: a, end: b });
        }
    }

    /// A filter's states and areas (not its dates).
    pub(super) fn filter_refs(&mut self, path: At<'_>, f: &'a Filter) {
        for (i, c) in f.participants_any.iter().enumerate() {
            self.country(path.field("participantsAny").index(i), c);
        }
        for (i, c) in f.participants_all.iter().enumerate() {
            self.country(path.field("participantsAll").index(i), c);
        }
        self.area_refs(path.field("areas"), &f.areas);
        for (name, list) in [
            ("by", &f.by),
            ("against", &f.against),
            ("numberedBy", &f.numbered_by),
        ] {
            for (i, c) in list.iter().enumerate() {
                self.country(path.field(name).index(i), c);
            }
        }
    }

    pub(super) fn probability(&mut self, path: At<'_>, p: f64) {
        if !(0.0..=1.0).contains(&p) {
            self.push(
                Code::ProbabilityOutOfRange,
                path,
                format!("probability {p} is outside 0–1"),
            );
        } else if p == 0.0 || p == 1.0 {
            self.push(
                Code::ExtremeProbability,
                path,
                format!("a prior of {p} cannot be moved by any evidence"),
            );
        }
    }

    pub(super) fn likelihood_ratio(&mut self, path: At<'_>, lr: f64) {
        if !(lr.is_finite() && lr > 0.0) {
            self.push(
                Code::InvalidLikelihoodRatio,
                path,
                format!("likelihood ratio {lr} must be a finite number above 0"),
            );
        }
    }
}

/// Whether a code is assigned ([`CountryCode::is_assigned`]): in the
/// `.wasm`, whose size is budgeted, by the search of the code list.
#[cfg(target_arch = "wasm32")]
fn is_assigned(c: &CountryCode) -> bool {
    c.is_assigned()
}

/// Whether a code is assigned ([`CountryCode::is_assigned`]), answered from
/// a table of every three-capital code built on first use instead of a
/// search of the code list each time.
#[cfg(not(target_arch = "wasm32"))]
fn is_assigned(c: &CountryCode) -> bool {
    use std::sync::OnceLock;
    /// One bit per code `AAA`..`ZZZ`, in the order of their letters.
    static ASSIGNED: OnceLock<Vec<u64>> = OnceLock::new();
    fn slot(c: &CountryCode) -> Option<usize> {
        let mut n = 0usize;
        for b in c.as_str().bytes() {
            if !b.is_ascii_uppercase() {
                return None;
            }
            n = n * 26 + usize::from(b - b'A');
        }
        Some(n)
    }
    let table = ASSIGNED.get_or_init(|| {
        let mut bits = vec![0u64; (26 * 26 * 26usize).div_ceil(64)];
        for (code, _) in CountryCode::all() {
            if let Some(n) = slot(&code) {
                bits[n / 64] |= 1 << (n % 64);
            }
        }
        bits
    });
    match slot(c) {
        Some(n) => table[n / 64] & (1 << (n % 64)) != 0,
        // Never held (a code is three capitals), but answered all the same.
        None => c.is_assigned(),
    }
}

/// Lists up to this long are searched for repeats in place, longer ones
/// through a set.
pub(super) const SHORT_LIST: usize = 16;

/// What is wrong with the quarter or the half of a fiscal period, if anything.
fn fiscal_part_problem(p: &Period) -> Option<String> {
    match *p {
        Period::FiscalQuarter { quarter, .. } if !(1..=4).contains(&quarter) => {
            Some(format!("a fiscal year has quarters 1–4, not {quarter}"))
        }
        Period::FiscalHalf { half, .. } if !(1..=2).contains(&half) => {
            Some(format!("a fiscal year has halves 1 and 2, not {half}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_of_assigned_codes_agrees_with_the_code_list() {
        let mut assigned = 0;
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                for c in b'A'..=b'Z' {
                    let text = String::from_utf8(vec![a, b, c]).unwrap();
                    let code: CountryCode = text.parse().unwrap();
                    assert_eq!(is_assigned(&code), code.is_assigned(), "{text}");
                    assigned += usize::from(code.is_assigned());
                }
            }
        }
        assert_eq!(assigned, CountryCode::all().count());
    }
}
