//! Validation: every finding in a document, each with a stable code, a
//! severity, a path into the document and a plain message.
//!
//! The codes are listed in `docs/validation-codes.md`. Codes never change
//! meaning; new checks get new codes.

mod merge;

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::dataset::read::LoadError;
use crate::dataset::Dataset;
use crate::diagnostics::{Code, Finding, Report, Severity, ValidateOptions};
use crate::model::actor::{CountryCode, Participant};
use crate::model::date::{DateRange, YEAR_RANGE};
use crate::model::period::Period;
use crate::model::place::{is_builtin_area_id, Point};
use crate::model::quantity::Quantity;
use crate::model::record::Filter;
use crate::model::record::Record;
use crate::model::scenario::Metric;
use crate::model::statistic::{Category, Measure, Rate, Statistic};
use jiff::civil::Date;

/// Where in the document a check looks (`exercises[3].forces.ships`),
/// written out only when it finds something.
#[derive(Clone, Copy)]
enum At<'p> {
    Root(&'p str),
    Field(&'p At<'p>, &'p str),
    Index(&'p At<'p>, usize),
}

impl<'p> At<'p> {
    fn field(&'p self, name: &'p str) -> At<'p> {
        At::Field(self, name)
    }

    fn index(&'p self, i: usize) -> At<'p> {
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

/// The records a reported statistic is checked against (see
/// [`Checker::counted_vs_reported`]), selected once per measure and set of
/// subjects and sorted by start for counting windows.
struct Counted<'a> {
    records: Vec<Record<'a>>,
    /// First and last day of each dated record's start, in order.
    starts: Vec<(Date, Date)>,
    /// The first day of each numbered patrol's start (`Date::MIN` when
    /// undated, as an undated patrol counts at any date) with the highest
    /// (number, id) up to it, in order of first day.
    sequences: Vec<(Date, (u32, &'a str))>,
}

impl<'a> Counted<'a> {
    fn new(records: Vec<Record<'a>>) -> Counted<'a> {
        let mut starts = Vec::new();
        let mut sequences = Vec::new();
        for r in &records {
            if let Some(d) = r.start() {
                starts.push((d.first_day(), d.last_day()));
            }
            if let Record::Patrol(p) = r {
                if let Some(n) = p.sequence {
                    let first = p.dates.map_or(Date::MIN, |d| d.start.first_day());
                    sequences.push((first, (n, p.id.as_str())));
                }
            }
        }
        crate::sort::sort(&mut starts);
        crate::sort::sort(&mut sequences);
        for i in 1..sequences.len() {
            sequences[i].1 = sequences[i].1.max(sequences[i - 1].1);
        }
        Counted {
            records,
            starts,
            sequences,
        }
    }

    /// How many records start (wholly) within `a..=b`.
    fn count_within(&self, a: Date, b: Date) -> usize {
        let from = self.starts.partition_point(|s| s.0 < a);
        self.starts[from..]
            .iter()
            .take_while(|s| s.0 <= b)
            .filter(|s| s.1 <= b)
            .count()
    }

    /// The ids of the records that start (wholly) within `a..=b`, in record
    /// order (for a finding: a scan).
    fn ids_within(&self, a: Date, b: Date) -> Vec<&'a str> {
        self.records
            .iter()
            .filter(|r| {
                r.start()
                    .is_some_and(|d| a <= d.first_day() && d.last_day() <= b)
            })
            .map(|r| r.id())
            .collect()
    }

    /// The highest (number, id) of the numbered patrols undated or starting by `day`.
    fn highest_sequence(&self, day: Date) -> Option<(u32, &'a str)> {
        let n = self.sequences.partition_point(|s| s.0 <= day);
        n.checked_sub(1).map(|i| self.sequences[i].1)
    }
}

struct Checker<'a> {
    ds: &'a Dataset,
    findings: Vec<Finding>,
    /// By (measure, subjects): few distinct, so a list.
    counted: Vec<((Measure, Vec<CountryCode>), Counted<'a>)>,
    sources: HashSet<&'a str>,
    areas: HashSet<&'a str>,
    scenarios: HashSet<&'a str>,
}

impl<'a> Checker<'a> {
    fn push(&mut self, code: Code, path: impl Into<String>, message: impl Into<String>) {
        self.findings.push(Finding {
            code,
            severity: code.default_severity(),
            path: path.into(),
            message: message.into(),
            line: None,
            column: None,
        });
    }

    fn ids(&mut self) {
        let ds = self.ds;
        // Where each id was first seen, as (list, index).
        let mut seen: HashMap<&str, (&str, usize)> = HashMap::new();
        let groups: [(&str, Vec<&str>); 7] = [
            (
                "sources",
                ds.sources.iter().map(|x| x.id.as_str()).collect(),
            ),
            ("areas", ds.areas.iter().map(|x| x.id.as_str()).collect()),
            (
                "exercises",
                ds.exercises.iter().map(|x| x.id.as_str()).collect(),
            ),
            (
                "patrols",
                ds.patrols.iter().map(|x| x.id.as_str()).collect(),
            ),
            (
                "statistics",
                ds.statistics.iter().map(|x| x.id.as_str()).collect(),
            ),
            (
                "scenarios",
                ds.scenarios.iter().map(|x| x.id.as_str()).collect(),
            ),
            (
                "indicators",
                ds.indicators.iter().map(|x| x.id.as_str()).collect(),
            ),
        ];
        for (list, ids) in groups {
            for (i, id) in ids.into_iter().enumerate() {
                let path = || format!("{list}[{i}].id");
                if id.trim().is_empty() || id.trim() != id {
                    self.push(
                        Code::InvalidId,
                        path(),
                        format!("id {id:?} is empty or has surrounding white space"),
                    );
                    continue;
                }
                if let Some((first, j)) = seen.get(id) {
                    let msg = format!("id {id:?} is already used at {first}[{j}].id");
                    self.push(Code::DuplicateId, path(), msg);
                } else {
                    seen.insert(id, (list, i));
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

    fn source_refs(&mut self, path: At<'_>, refs: &[String], required: bool) {
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

    fn area_refs(&mut self, path: At<'_>, refs: &[String]) {
        for (i, r) in refs.iter().enumerate() {
            if !self.areas.contains(r.as_str()) && !is_builtin_area_id(r) {
                self.push(
                    Code::UnknownArea,
                    format!("{path}[{i}]"),
                    format!("area {r:?} is neither built in nor defined in `areas`"),
                );
            }
        }
    }

    fn country(&mut self, path: At<'_>, c: &CountryCode) {
        if !c.is_assigned() {
            self.push(
                Code::UnknownCountry,
                path,
                format!("{c} is not an assigned ISO 3166-1 alpha-3 code"),
            );
        }
    }

    fn participants(&mut self, path: At<'_>, ps: &[Participant]) {
        let mut seen = HashSet::new();
        for (i, p) in ps.iter().enumerate() {
            self.country(path.index(i), &p.country);
            if !seen.insert(*p) {
                self.push(
                    Code::DuplicateParticipant,
                    format!("{path}[{i}]"),
                    format!("{} is listed twice", p.country),
                );
            }
        }
    }

    fn joint(&mut self, path: At<'_>, ps: &[Participant]) {
        let states: HashSet<CountryCode> = ps.iter().map(|p| p.country).collect();
        if states.len() < 2 {
            self.push(
                Code::JointSingleParticipant,
                path,
                format!(
                    "a joint record needs at least two states; found {}",
                    states.len()
                ),
            );
        }
    }

    fn dates(&mut self, path: At<'_>, d: &DateRange) {
        if d.is_reversed() {
            self.push(
                Code::EndBeforeStart,
                path,
                format!("ends ({}) before it starts ({})", d.end, d.start),
            );
        }
    }

    fn quantity(&mut self, path: At<'_>, q: &Quantity) {
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

    fn opt_quantity(&mut self, path: At<'_>, q: &Option<Quantity>) {
        if let Some(q) = q {
            self.quantity(path, q);
        }
    }

    fn point(&mut self, path: At<'_>, p: &Point) {
        self.latitude(path.field("lat"), p.lat);
        self.longitude(path.field("lon"), p.lon);
    }

    fn latitude(&mut self, path: At<'_>, lat: f64) {
        if !(-90.0..=90.0).contains(&lat) {
            self.push(
                Code::LatitudeOutOfRange,
                path,
                format!("latitude {lat} is outside −90..90"),
            );
        }
    }

    fn longitude(&mut self, path: At<'_>, lon: f64) {
        if !(-180.0..=180.0).contains(&lon) {
            self.push(
                Code::LongitudeOutOfRange,
                path,
                format!("longitude {lon} is outside −180..180"),
            );
        }
    }

    fn period(&mut self, path: At<'_>, p: &Period) {
        let years_ok = |y: i16| YEAR_RANGE.contains(&y);
        match *p {
            Period::FiscalYear {
                first_month, year, ..
            } => {
                if !(1..=12).contains(&first_month) {
                    self.push(
                        Code::InvalidFiscalStart,
                        format!("{path}.firstMonth"),
                        format!("a fiscal year cannot start in month {first_month}; use 1–12"),
                    );
                } else if !years_ok(year) || !p.is_well_formed() {
                    self.push(
                        Code::InvalidPeriod,
                        path,
                        format!("{p} is not a valid period"),
                    );
                }
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

    fn filter(&mut self, path: At<'_>, f: &Filter) {
        for (i, c) in f.participants_any.iter().enumerate() {
            self.country(path.field("participantsAny").index(i), c);
        }
        for (i, c) in f.participants_all.iter().enumerate() {
            self.country(path.field("participantsAll").index(i), c);
        }
        self.area_refs(path.field("areas"), &f.areas);
        if let (Some(a), Some(b)) = (f.from, f.to) {
            self.dates(path, &DateRange { start: a, end: b });
        }
    }

    fn probability(&mut self, path: At<'_>, p: f64) {
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

    fn likelihood_ratio(&mut self, path: At<'_>, lr: f64) {
        if !(lr.is_finite() && lr > 0.0) {
            self.push(
                Code::InvalidLikelihoodRatio,
                path,
                format!("likelihood ratio {lr} must be a finite number above 0"),
            );
        }
    }

    fn run(&mut self) {
        let ds = self.ds;
        if ds.format_version.split('.').next() != Some("1") {
            self.push(
                Code::UnsupportedFormatVersion,
                "formatVersion",
                format!(
                    "format version {:?} is not supported; this library reads 1.x",
                    ds.format_version
                ),
            );
        }
        self.ids();

        for (i, a) in ds.areas.iter().enumerate() {
            // [west, south, east, north]: each finding names its own element.
            if let Some([w, s, e, n]) = a.bbox {
                self.longitude(At::Root("areas").index(i).field("bbox").index(0), w);
                self.latitude(At::Root("areas").index(i).field("bbox").index(1), s);
                self.longitude(At::Root("areas").index(i).field("bbox").index(2), e);
                self.latitude(At::Root("areas").index(i).field("bbox").index(3), n);
            }
            for (j, p) in a.polygon.iter().flatten().enumerate() {
                self.point(At::Root("areas").index(i).field("polygon").index(j), p);
            }
        }

        for (i, e) in ds.exercises.iter().enumerate() {
            let list = At::Root("exercises");
            let base = list.index(i);
            if let Some(h) = &e.host {
                self.country(base.field("host"), h);
            }
            self.participants(base.field("participants"), &e.participants);
            self.participants(base.field("observers"), &e.observers);
            let part: HashSet<CountryCode> = if e.observers.is_empty() {
                HashSet::new() // nothing to compare: no allocation
            } else {
                e.participants.iter().map(|p| p.country).collect()
            };
            for (j, o) in e.observers.iter().enumerate() {
                if part.contains(&o.country) {
                    self.push(
                        Code::ObserverIsParticipant,
                        format!("{base}.observers[{j}]"),
                        format!("{} is also listed as a participant", o.country),
                    );
                }
            }
            self.area_refs(base.field("areas"), &e.areas);
            match &e.dates {
                Some(d) => self.dates(base.field("dates"), d),
                None => self.push(
                    Code::UndatedRecord,
                    format!("{base}.dates"),
                    "has no date, so it cannot appear in time series",
                ),
            }
            let f = &e.forces;
            self.opt_quantity(base.field("forces.ships"), &f.ships);
            self.opt_quantity(base.field("forces.submarines"), &f.submarines);
            self.opt_quantity(base.field("forces.aircraft"), &f.aircraft);
            self.opt_quantity(base.field("forces.personnel"), &f.personnel);
            for (j, eq) in f.equipment.iter().enumerate() {
                self.opt_quantity(
                    base.field("forces.equipment").index(j).field("quantity"),
                    &eq.quantity,
                );
            }
            for (j, c) in e.claims.iter().enumerate() {
                self.source_refs(
                    base.field("claims").index(j).field("sources"),
                    &c.sources,
                    false,
                );
            }
            self.source_refs(base.field("sources"), &e.sources, true);
        }

        for (i, p) in ds.patrols.iter().enumerate() {
            let list = At::Root("patrols");
            let base = list.index(i);
            self.participants(base.field("participants"), &p.participants);
            self.joint(base.field("participants"), &p.participants);
            match &p.dates {
                Some(d) => self.dates(base.field("dates"), d),
                None => self.push(
                    Code::UndatedRecord,
                    format!("{base}.dates"),
                    "has no date, so it cannot appear in time series",
                ),
            }
            for (j, pl) in p.platforms.iter().enumerate() {
                if let Some(c) = &pl.country {
                    self.country(base.field("platforms").index(j).field("country"), c);
                }
                self.opt_quantity(base.field("platforms").index(j).field("count"), &pl.count);
            }
            if p.route.len() == 1 {
                self.push(
                    Code::ShortRoute,
                    format!("{base}.route"),
                    "a route needs at least two points",
                );
            }
            for (j, pt) in p.route.iter().enumerate() {
                self.point(base.field("route").index(j), pt);
            }
            self.area_refs(base.field("areas"), &p.areas);
            for (j, c) in p.adiz_entered.iter().enumerate() {
                self.country(base.field("adizEntered").index(j), c);
            }
            for (j, r) in p.responses.iter().enumerate() {
                self.country(base.field("responses").index(j).field("by"), &r.by);
                self.opt_quantity(base.field("responses").index(j).field("count"), &r.count);
            }
            self.source_refs(base.field("sources"), &p.sources, true);
        }

        for (i, s) in ds.statistics.iter().enumerate() {
            let list = At::Root("statistics");
            let base = list.index(i);
            if let Some(c) = s.reporter.as_ref().and_then(|r| r.country.as_ref()) {
                self.country(base.field("reporter.country"), c);
            }
            self.participants(base.field("subjects"), &s.subjects);
            if s.measure.is_joint() && !s.subjects.is_empty() {
                self.joint(base.field("subjects"), &s.subjects);
            }
            match &s.period {
                Some(p) => self.period(base.field("period"), p),
                None if s.as_of.is_none() => self.push(
                    Code::UndatedRecord,
                    format!("{base}.period"),
                    "has neither a period nor an `asOf` date",
                ),
                None => {}
            }
            self.quantity(base.field("quantity"), &s.quantity);
            let mut parts = Vec::new();
            for (j, b) in s.breakdown.iter().enumerate() {
                if let Category::Country(c) = &b.category {
                    self.country(base.field("breakdown").index(j).field("category"), c);
                }
                if let Some(q) = &b.quantity {
                    self.quantity(base.field("breakdown").index(j).field("quantity"), q);
                    parts.push(*q);
                }
            }
            if let (false, Some(high)) = (parts.is_empty(), s.quantity.high()) {
                let low = Quantity::sum(parts.iter()).low();
                if low > high {
                    self.push(
                        Code::BreakdownExceedsTotal,
                        format!("{base}.breakdown"),
                        format!(
                            "the parts add up to at least {low}, more than the total {}",
                            s.quantity
                        ),
                    );
                }
            }
            self.source_refs(base.field("sources"), &s.sources, true);
        }

        for (i, s) in ds.scenarios.iter().enumerate() {
            let list = At::Root("scenarios");
            let base = list.index(i);
            if let Some(p) = s.prior {
                self.probability(base.field("prior"), p);
            }
            self.source_refs(base.field("sources"), &s.sources, false);
        }

        for (i, ind) in ds.indicators.iter().enumerate() {
            let list = At::Root("indicators");
            let base = list.index(i);
            if !ind.rule.is_ordered() {
                self.push(Code::ThresholdsOutOfOrder, format!("{base}.rule"), "the watch level must lie on the near side of the threshold, and both must be finite");
            }
            if let Metric::Count { filter, .. } = &ind.metric {
                self.filter(base.field("metric.filter"), filter);
            }
            let informative = ind
                .bears_on
                .iter()
                .any(|b| b.if_fired != 1.0 || b.if_not_fired != 1.0);
            if !informative {
                self.push(Code::NonDiagnosticIndicator, format!("{base}.bearsOn"), "bears on no scenario with a ratio other than 1, so it cannot change any judgement");
            }
            for (j, b) in ind.bears_on.iter().enumerate() {
                let bearings = base.field("bearsOn");
                let p = bearings.index(j);
                if !self.scenarios.contains(b.scenario.as_str()) {
                    self.push(
                        Code::UnknownScenario,
                        format!("{p}.scenario"),
                        format!("scenario {:?} is not defined", b.scenario),
                    );
                }
                self.likelihood_ratio(p.field("ifFired"), b.if_fired);
                self.likelihood_ratio(p.field("ifNotFired"), b.if_not_fired);
            }
            for (j, o) in ind.observations.iter().enumerate() {
                self.source_refs(
                    base.field("observations").index(j).field("sources"),
                    &o.sources,
                    true,
                );
            }
            self.source_refs(base.field("sources"), &ind.sources, false);
        }

        for (i, s) in ds.statistics.iter().enumerate() {
            self.counted_vs_reported(i, s);
        }
    }

    /// Compares the records held with what a statistic reports for the same
    /// period. Counting fewer is normal (a dataset is rarely complete);
    /// counting more is a contradiction worth a look.
    fn counted_vs_reported(&mut self, i: usize, s: &Statistic) {
        let Some(high) = s.quantity.high() else {
            return;
        };
        let exceeds = |n: f64| n > high || (s.quantity.bounds().high_exclusive && n >= high);
        let Some(mut filter) = s.measure.record_filter() else {
            return;
        };
        filter.participants_all = s.subjects.iter().map(|p| p.country).collect();
        // The records of a measure and set of subjects are selected once for
        // every statistic that shares them.
        let mut subjects = filter.participants_all.clone();
        crate::sort::sort(&mut subjects);
        subjects.dedup();
        let key = (s.measure, subjects);
        let at = match self.counted.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                self.counted
                    .push((key, Counted::new(filter.select(self.ds))));
                self.counted.len() - 1
            }
        };
        let counted = &self.counted[at].1;
        let mut problems = Vec::new();
        match (s.rate, s.period) {
            (Rate::PerYear, Some(Period::Years { start, end }))
                if end >= start && i32::from(end) - i32::from(start) < 10_000 =>
            {
                for y in start..=end {
                    let (Ok(a), Ok(b)) = (Date::new(y, 1, 1), Date::new(y, 12, 31)) else {
                        continue;
                    };
                    if exceeds(counted.count_within(a, b) as f64) {
                        let ids = counted.ids_within(a, b);
                        problems.push(format!(
                            "{} recorded in {y} ({})",
                            ids.len(),
                            ids.join(", ")
                        ));
                    }
                }
            }
            (Rate::Total, Some(p)) => {
                if let (Some(a), Some(b)) = (p.first_day(), p.last_day()) {
                    if exceeds(counted.count_within(a, b) as f64) {
                        let ids = counted.ids_within(a, b);
                        problems.push(format!(
                            "{} recorded in {p} ({})",
                            ids.len(),
                            ids.join(", ")
                        ));
                    }
                }
            }
            (Rate::Total, None) => {
                if let Some(as_of) = s.as_of {
                    let last = as_of.last_day();
                    if exceeds(counted.count_within(Date::MIN, last) as f64) {
                        let ids = counted.ids_within(Date::MIN, last);
                        problems.push(format!(
                            "{} recorded by {as_of} ({})",
                            ids.len(),
                            ids.join(", ")
                        ));
                    }
                    let seq = counted.highest_sequence(as_of.last_day());
                    if let Some((n, id)) = seq.filter(|(n, _)| exceeds(f64::from(*n))) {
                        problems.push(format!("patrol {id} is numbered {n}"));
                    }
                }
            }
            _ => {}
        }
        if !problems.is_empty() {
            self.push(
                Code::CountedExceedsReported,
                format!("statistics[{i}].quantity"),
                format!("reported as {} but {}", s.quantity, problems.join("; ")),
            );
        }
    }
}

/// Validates a dataset. Prefer [`Dataset::validate`].
pub fn validate(ds: &Dataset, options: &ValidateOptions) -> Report {
    let mut c = Checker {
        ds,
        findings: Vec::new(),
        counted: Vec::new(),
        sources: ds.sources.iter().map(|s| s.id.as_str()).collect(),
        areas: ds.areas.iter().map(|a| a.id.as_str()).collect(),
        scenarios: ds.scenarios.iter().map(|s| s.id.as_str()).collect(),
    };
    c.run();
    let mut findings = c.findings;
    findings.retain(|f| !options.ignore.contains(&f.code));
    if options.strict {
        for f in &mut findings {
            f.severity = Severity::Error;
        }
    }
    Report { findings }
}

impl Dataset {
    /// Reads and validates a document; rejects it when validation finds an
    /// error (or, in strict mode, a warning).
    ///
    /// # Example
    /// ```
    /// use jointwatch::{Code, Dataset, ValidateOptions};
    /// let bad = r#"{"formatVersion": "1.0", "exercises": [
    ///   {"id": "e", "name": "X", "participants": ["CHN"], "dates": {"start": "2024-05", "end": "2024-04"}, "sources": []}
    /// ]}"#;
    /// let err = Dataset::load(bad, &ValidateOptions::default()).unwrap_err();
    /// assert_eq!(err.code(), Some(Code::EndBeforeStart));
    /// ```
    pub fn load(text: &str, options: &ValidateOptions) -> Result<(Dataset, Report), LoadError> {
        let ds = Dataset::from_json(text)?;
        let report = ds.validate_with(options);
        if report.has_errors() {
            Err(LoadError {
                findings: report.findings,
            })
        } else {
            Ok((ds, report))
        }
    }

    /// Checks the document with default options and reports every finding.
    pub fn validate(&self) -> Report {
        validate(self, &ValidateOptions::default())
    }

    /// Checks the document with the given options.
    pub fn validate_with(&self, options: &ValidateOptions) -> Report {
        validate(self, options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(json: &str) -> Vec<(Code, String)> {
        Dataset::from_json(json)
            .unwrap()
            .validate()
            .findings
            .into_iter()
            .map(|f| (f.code, f.path))
            .collect()
    }

    #[test]
    fn bbox_findings_name_the_element() {
        // [west lon, south lat, east lon, north lat], every one out of range.
        let doc = r#"{"formatVersion": "1.0", "areas": [
            {"id": "box", "name": "Box", "kind": "region", "bbox": [-181.0, -91.0, 181.0, 91.0]}]}"#;
        let mut got = findings(doc);
        got.sort_by(|a, b| a.1.cmp(&b.1));
        assert_eq!(
            got,
            [
                (Code::LongitudeOutOfRange, "areas[0].bbox[0]".to_string()),
                (Code::LatitudeOutOfRange, "areas[0].bbox[1]".to_string()),
                (Code::LongitudeOutOfRange, "areas[0].bbox[2]".to_string()),
                (Code::LatitudeOutOfRange, "areas[0].bbox[3]".to_string()),
            ]
        );
        // A box across the antimeridian (west > east) is fine.
        let doc = doc.replace(
            "[-181.0, -91.0, 181.0, 91.0]",
            "[170.0, 50.0, -170.0, 60.0]",
        );
        assert!(findings(&doc).is_empty());
        // Polygon vertices keep their `.lat` / `.lon` paths.
        let doc = r#"{"formatVersion": "1.0", "areas": [
            {"id": "poly", "name": "Poly", "kind": "region",
             "polygon": [{"lon": 0.0, "lat": 0.0}, {"lon": 1.0, "lat": 95.0}, {"lon": 1.0, "lat": 1.0}]}]}"#;
        assert_eq!(
            findings(doc),
            [(
                Code::LatitudeOutOfRange,
                "areas[0].polygon[1].lat".to_string()
            )]
        );
    }

    #[test]
    fn more_exercises_counted_than_reported_is_a_warning() {
        let mut exercises = Vec::new();
        for i in 0..3 {
            exercises.push(format!(r#"{{"id": "e{i}", "name": "E{i}", "participants": ["CHN", "RUS"], "dates": "2015-0{}", "sources": ["s"]}}"#, i + 1));
        }
        let doc = format!(
            r#"{{"formatVersion": "1.0", "sources": [{{"id": "s", "title": "t", "reliability": "B", "credibility": 2}}],
            "exercises": [{}],
            "statistics": [{{"id": "st", "label": "l", "measure": "jointExercises", "subjects": ["CHN", "RUS"],
               "period": {{"type": "years", "start": 2014, "end": 2016}}, "rate": "perYear", "quantity": {{"min": 1, "max": 2}}, "sources": ["s"]}}]}}"#,
            exercises.join(",")
        );
        assert_eq!(
            findings(&doc),
            [(
                Code::CountedExceedsReported,
                "statistics[0].quantity".to_string()
            )]
        );
        // Two a year is within the reported range.
        let doc = doc.replace(r#""max": 2"#, r#""max": 3"#);
        assert!(findings(&doc).is_empty());
    }

    #[test]
    fn a_sequence_number_beyond_a_cumulative_count_is_a_warning() {
        let doc = r#"{"formatVersion": "1.0", "sources": [{"id": "s", "title": "t", "reliability": "B", "credibility": 2}],
          "patrols": [{"id": "p", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2024-11-29", "sequence": 12, "sources": ["s"]}],
          "statistics": [{"id": "st", "label": "l", "measure": "jointAirPatrols", "subjects": ["CHN", "RUS"], "asOf": "2024", "quantity": {"atMost": 10}, "sources": ["s"]}]}"#;
        assert_eq!(
            findings(doc),
            [(
                Code::CountedExceedsReported,
                "statistics[0].quantity".to_string()
            )]
        );
        // "at least nine" has no upper bound to contradict.
        assert!(findings(&doc.replace(r#"{"atMost": 10}"#, r#"{"atLeast": 9}"#)).is_empty());
    }

    #[test]
    fn the_seed_does_not_contradict_itself() {
        assert!(!crate::dataset::seed::seed()
            .validate()
            .codes()
            .contains(&Code::CountedExceedsReported));
    }
}
