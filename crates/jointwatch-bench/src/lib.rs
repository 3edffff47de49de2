//! # jointwatch-bench
//!
//! Seeded, deterministic, realistic synthetic datasets for jointwatch's
//! benchmarks and tests, and the benchmarked operations themselves
//! ([`workload`]), shared by the criterion benchmarks (`benches/core.rs`),
//! their smoke test and the `gen` binary that writes datasets for the Node
//! benchmark in `bench/`.
//!
//! [`generate`] makes a [`Dataset`] of exactly the number of records asked
//! for: exercises (about 60 %), joint patrols with routes (35 %) and reported
//! statistics (5 %), over 1995–2024, with the seed's scenarios and the
//! built-in indicator catalogue. The events are invented — the dataset says
//! so in its title — but they have the shape of a real collection: recurring
//! series with their usual participants, domains and areas (from the
//! built-in gazetteer), each exercise named for its series, year and edition,
//! dates at day, month and year precision, quantities in every uncertainty
//! form, routes that cross the antimeridian, sources with Admiralty gradings,
//! and statistics (fiscal-year scrambles, per-year ranges, cumulative counts)
//! that agree with the records they summarise. China–Russia patrols are a
//! few dozen whatever the size (see [`CHN_RUS_PATROLS`]); the other patrols
//! are by pairs of about forty states, mostly dated to the day.
//!
//! Every reference resolves, so [`Dataset::validate`] finds no error. The
//! warnings are for the few undated records (`undated-record`), for
//! statistics drawn for the same period with different figures
//! (`conflicting-figures`), and for records that resemble another
//! (`likely-duplicate`): the [`DOUBLE_ENTRY`] share of exercises and patrols
//! entered twice on purpose, and, more rarely, two patrols by one pair in one
//! area on overlapping dates by chance — about 0.5 % of the records at 100k
//! records, 1.3 % at 1M, as in a real collection with a few double-entered
//! events, so that validating a generated dataset measures checking, not
//! reporting.
//!
//! # Example
//! ```
//! let ds = jointwatch_bench::generate(7, 200);
//! assert_eq!(ds.record_count(), 200);
//! assert!(!ds.validate().has_errors());
//! // Deterministic: the same seed gives the same document.
//! assert_eq!(ds, jointwatch_bench::generate(7, 200));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod chance;
mod vocabulary;
pub mod workload;

use jiff::civil::Date;
use jointwatch::assess::catalogue::with_catalogue;
use jointwatch::{
    gazetteer, Area, AreaKind, BreakdownEntry, Category, Claim, ClaimKind, CountryCode,
    Credibility, Dataset, DateRange, Domain, Equipment, Exercise, FiscalNaming, Forces, FuzzyDate,
    Measure, Observation, Participant, Patrol, PatrolKind, PatrolResponse, Period, Platform, Point,
    Quantity, Rate, Reliability, Reporter, ResponseAction, ServiceBranch, Source, Statistic,
};

use chance::Chance;
use vocabulary::{
    PlatformType, RouteTemplate, SeriesTemplate, AIR_PLATFORMS, EQUIPMENT, NAVAL_PLATFORMS, NOTES,
    OBSERVERS, PATROL_STATES, PUBLISHERS, ROUTES, SERIES, TAGS,
};

/// First and last year the generated records cover.
pub const YEARS: (i16, i16) = (1995, 2024);

/// How many sources a dataset of `records` records cites: one per twenty
/// records, between 16 and 5000 (a large newsroom's library).
///
/// # Example
/// ```
/// assert_eq!(jointwatch_bench::source_count(1_000), 50);
/// assert_eq!(jointwatch_bench::source_count(1_000_000), 5_000);
/// ```
pub fn source_count(records: usize) -> usize {
    (records / 20).clamp(16, 5_000)
}

/// How a number of records splits into exercises, patrols and statistics
/// (about 60 %, 35 % and 5 %; the parts add up to `records`).
///
/// # Example
/// ```
/// assert_eq!(jointwatch_bench::record_mix(1_000), (600, 350, 50));
/// ```
pub fn record_mix(records: usize) -> (usize, usize, usize) {
    let statistics = (records * 5).div_ceil(100);
    let patrols = (records * 35 / 100).min(records - statistics);
    (records - statistics - patrols, patrols, statistics)
}

/// A synthetic dataset of exactly `records` records (exercises, patrols and
/// statistics; see [`record_mix`]), the same for the same `seed` on every
/// platform and run.
///
/// Besides the records it holds [`source_count`] sources, two areas of its
/// own (polygons near Japan, which some records cite), the seed's nine
/// scenarios with the built-in catalogue's priors and indicators, and
/// observations for some observed indicators.
///
/// # Example
/// ```
/// use jointwatch::Code;
/// let ds = jointwatch_bench::generate(1, 1_000);
/// assert_eq!((ds.exercises.len(), ds.patrols.len(), ds.statistics.len()), (600, 350, 50));
/// let report = ds.validate();
/// // Statistics are drawn independently: two may give different figures
/// // for one period; a few records are entered twice (`DOUBLE_ENTRY`).
/// assert!(report.findings.iter().all(|f| matches!(
///     f.code,
///     Code::UndatedRecord | Code::ConflictingFigures | Code::LikelyDuplicate
/// )));
/// ```
pub fn generate(seed: u64, records: usize) -> Dataset {
    let (exercises, patrols, statistics) = record_mix(records);
    let mut g = Generator::new(seed, source_count(records), patrols);
    g.areas();
    let mut tallies = Tallies::default();
    for i in 0..exercises {
        let e = g.exercise(i);
        tallies.exercise(&e);
        g.ds.exercises.push(e);
    }
    for i in 0..patrols {
        let p = g.patrol(i);
        tallies.patrol(i, &p);
        g.ds.patrols.push(p);
    }
    for (i, number) in g.numbers(&mut tallies) {
        g.ds.patrols[i].numbering = vec![number];
    }
    g.statistics(statistics, &tallies);
    g.scenarios();
    g.ds
}

/// [`generate`] in chunks, for datasets too large to hold: `sink` receives
/// the document piece by piece — first the title, sources and areas; then
/// the exercises and the patrols, at most `chunk` records at a time; last
/// the statistics, the scenarios and indicators and the sources they add.
/// Put together, the pieces are exactly `generate(seed, records)`; only one
/// chunk (and a few numbers per series and year, and the last record drawn)
/// is held at a time.
///
/// Patrols are generated twice: once to choose which are numbered (the
/// numbering follows their order of date, which is known only once all
/// are drawn), and again to hand them out with their numbers.
///
/// # Errors
/// The first error `sink` returns, after which nothing more is generated.
///
/// # Example
/// ```
/// let mut whole = jointwatch::Dataset::default();
/// jointwatch_bench::generate_chunks(7, 300, 50, |part| {
///     whole.title = whole.title.take().or(part.title);
///     whole.description = whole.description.take().or(part.description);
///     whole.sources.extend(part.sources);
///     whole.areas.extend(part.areas);
///     whole.exercises.extend(part.exercises);
///     whole.patrols.extend(part.patrols);
///     whole.statistics.extend(part.statistics);
///     whole.scenarios.extend(part.scenarios);
///     whole.indicators.extend(part.indicators);
///     Ok::<(), ()>(())
/// }).unwrap();
/// assert_eq!(whole, jointwatch_bench::generate(7, 300));
/// ```
pub fn generate_chunks<E>(
    seed: u64,
    records: usize,
    chunk: usize,
    mut sink: impl FnMut(Dataset) -> Result<(), E>,
) -> Result<(), E> {
    let chunk = chunk.max(1);
    let (exercises, patrols, statistics) = record_mix(records);
    let mut g = Generator::new(seed, source_count(records), patrols);
    g.areas();
    let generated_sources = g.ds.sources.len();
    sink(Dataset {
        title: g.ds.title.clone(),
        description: g.ds.description.clone(),
        sources: g.ds.sources.clone(),
        areas: std::mem::take(&mut g.ds.areas),
        ..Dataset::default()
    })?;
    let mut tallies = Tallies::default();
    let mut part = Vec::with_capacity(chunk.min(exercises));
    for i in 0..exercises {
        let e = g.exercise(i);
        tallies.exercise(&e);
        part.push(e);
        if part.len() == chunk || i + 1 == exercises {
            sink(Dataset {
                exercises: std::mem::take(&mut part),
                ..Dataset::default()
            })?;
        }
    }
    // First pass: what numbering needs, then the numbering's own draws.
    let before_patrols = (g.chance.clone(), g.last_patrol.clone());
    for i in 0..patrols {
        let p = g.patrol(i);
        tallies.patrol(i, &p);
    }
    let mut numbers = g.numbers(&mut tallies);
    numbers.sort_unstable_by_key(|(i, _)| *i);
    // Second pass: the same patrols again, handed out with their numbers.
    let after_numbering = std::mem::replace(&mut g.chance, before_patrols.0);
    g.last_patrol = before_patrols.1;
    let mut numbers = numbers.into_iter().peekable();
    let mut part = Vec::with_capacity(chunk.min(patrols));
    for i in 0..patrols {
        let mut p = g.patrol(i);
        if let Some((_, number)) = numbers.next_if(|(j, _)| *j == i) {
            p.numbering = vec![number];
        }
        part.push(p);
        if part.len() == chunk || i + 1 == patrols {
            sink(Dataset {
                patrols: std::mem::take(&mut part),
                ..Dataset::default()
            })?;
        }
    }
    g.chance = after_numbering;
    g.statistics(statistics, &tallies);
    g.scenarios();
    sink(Dataset {
        sources: g.ds.sources.split_off(generated_sources),
        statistics: std::mem::take(&mut g.ds.statistics),
        scenarios: std::mem::take(&mut g.ds.scenarios),
        indicators: std::mem::take(&mut g.ds.indicators),
        ..Dataset::default()
    })
}

/// What the statistics and the numbering need to know of the exercises and
/// patrols drawn before them, gathered as they are drawn.
struct Tallies {
    /// Exercises with both China and Russia, per year of [`YEARS`].
    chn_rus: Vec<u32>,
    /// Exercises with both the United States and Japan, per year.
    usa_jpn: Vec<u32>,
    /// Start years of the China–Russia joint air patrols (two participants, both of them).
    air_years: Vec<i16>,
    /// First day and position of the dated China–Russia joint air patrols
    /// that may be numbered.
    numbered: Vec<(Date, usize)>,
}

impl Default for Tallies {
    fn default() -> Self {
        let years = (YEARS.1 - YEARS.0 + 1) as usize;
        Tallies {
            chn_rus: vec![0; years],
            usa_jpn: vec![0; years],
            air_years: Vec::new(),
            numbered: Vec::new(),
        }
    }
}

impl Tallies {
    fn exercise(&mut self, e: &Exercise) {
        let Some(d) = e.dates else { return };
        let y = d.start.year();
        if !(YEARS.0..=YEARS.1).contains(&y) {
            return;
        }
        let has = |c: &&str| e.participants.iter().any(|p| p.country.as_str() == *c);
        let i = (y - YEARS.0) as usize;
        if CHN_RUS.iter().all(has) {
            self.chn_rus[i] += 1;
        }
        if ["USA", "JPN"].iter().all(has) {
            self.usa_jpn[i] += 1;
        }
    }

    fn patrol(&mut self, i: usize, p: &Patrol) {
        if p.kind != PatrolKind::JointAirPatrol || p.participants.len() != 2 {
            return;
        }
        let Some(d) = p.dates else { return };
        if p.participants
            .iter()
            .all(|x| CHN_RUS.contains(&x.country.as_str()))
        {
            self.air_years.push(d.start.year());
        }
        if CHN_RUS
            .iter()
            .all(|c| p.participants.iter().any(|x| x.country.as_str() == *c))
        {
            self.numbered.push((d.first_day(), i));
        }
    }
}

fn code(s: &str) -> CountryCode {
    // Every code in the vocabulary is three capital letters; the tests check
    // they are all assigned.
    s.parse().unwrap_or_else(|_| unreachable_code(s))
}

#[cold]
fn unreachable_code(s: &str) -> CountryCode {
    panic!("vocabulary holds a malformed country code {s:?}")
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn wrap_lon(lon: f64) -> f64 {
    if lon > 180.0 {
        lon - 360.0
    } else if lon < -180.0 {
        lon + 360.0
    } else {
        lon
    }
}

const CHN_RUS: [&str; 2] = ["CHN", "RUS"];

/// About how many China–Russia joint patrols a dataset holds, whatever its
/// size (at most 90 % of its patrols): a handful a year since 2019, as in
/// the real record. The other patrols are by pairs of about forty other
/// states.
pub const CHN_RUS_PATROLS: usize = 40;

/// Share of exercises and of patrols entered twice: a copy of the record
/// drawn just before (same name, states, areas and dates) under another id
/// and other sources, as when two sources' reports of one event are
/// entered separately. These are the records that resemble another
/// (`likely-duplicate`); every other record is told apart by its name
/// (an exercise's series, year and edition) or by its states, area and
/// dates (a patrol's).
pub const DOUBLE_ENTRY: f64 = 0.004;

struct Generator {
    chance: Chance,
    ds: Dataset,
    /// Cumulative recency weights for YEARS, so that later years hold more
    /// records, as real collections do.
    year_weights: Vec<f64>,
    /// Gazetteer ids, to keep every area reference resolvable.
    known_areas: Vec<String>,
    own_areas: Vec<&'static str>,
    /// How likely a patrol is to be a China–Russia one: a real collection
    /// holds a few dozen of those whatever its size (see [`CHN_RUS_PATROLS`]).
    chn_rus_odds: f64,
    /// Exercises drawn so far per series and year of [`YEARS`], to number
    /// a series' editions within a year.
    editions: Vec<u32>,
    /// The last exercise and patrol drawn, which a double entry repeats.
    last_exercise: Option<Exercise>,
    last_patrol: Option<Patrol>,
}

impl Generator {
    fn new(seed: u64, sources: usize, patrols: usize) -> Generator {
        let mut year_weights = Vec::new();
        let mut total = 0.0;
        for y in YEARS.0..=YEARS.1 {
            total += f64::from(y - YEARS.0 + 4).powf(1.5);
            year_weights.push(total);
        }
        let mut known_areas: Vec<String> = gazetteer().map(|a| a.id).collect();
        known_areas.sort();
        let mut g = Generator {
            chance: Chance::new(seed),
            ds: Dataset {
                title: Some(format!(
                    "jointwatch synthetic benchmark dataset (seed {seed})"
                )),
                description: Some(
                    "Generated by jointwatch-bench for benchmarks and tests. The events are invented: \
                     they have the shape of a real collection, not its facts."
                        .to_string(),
                ),
                ..Dataset::default()
            },
            year_weights,
            known_areas,
            own_areas: Vec::new(),
            chn_rus_odds: (CHN_RUS_PATROLS as f64 / patrols.max(1) as f64).min(0.9),
            editions: vec![0; SERIES.len() * (YEARS.1 - YEARS.0 + 1) as usize],
            last_exercise: None,
            last_patrol: None,
        };
        for i in 0..sources {
            let s = g.source(i);
            g.ds.sources.push(s);
        }
        g
    }

    // ---- building blocks -------------------------------------------------

    /// A year in `first..=YEARS.1`, later years more likely.
    fn year_from(&mut self, first: i16) -> i16 {
        let first = first.clamp(YEARS.0, YEARS.1);
        let offset = (first - YEARS.0) as usize;
        let before = if offset == 0 {
            0.0
        } else {
            self.year_weights[offset - 1]
        };
        let total = self.year_weights[self.year_weights.len() - 1];
        let x = before + self.chance.unit() * (total - before);
        let i = self.year_weights.partition_point(|c| *c <= x);
        YEARS.0 + i.min(self.year_weights.len() - 1) as i16
    }

    fn day_in(&mut self, year: i16) -> Date {
        let month = self.chance.int(1, 12) as i8;
        let first = Date::new(year, month, 1).unwrap_or(Date::MIN);
        let last = first.last_of_month().day();
        Date::new(year, month, self.chance.int(1, i64::from(last)) as i8).unwrap_or(first)
    }

    fn plus_days(d: Date, days: i64) -> Date {
        d.checked_add(jiff::Span::new().days(days)).unwrap_or(d)
    }

    /// Dates of an event starting in `year`, at a mix of precisions, lasting
    /// up to `max_days` when known to the day. `None` for the few undated.
    fn dates(&mut self, year: i16, max_days: i64, single_day: f64) -> Option<DateRange> {
        let r = self.chance.unit();
        let d = self.day_in(year);
        let month = FuzzyDate::Month {
            year,
            month: d.month(),
        };
        Some(if r < 0.01 {
            return None;
        } else if r < 0.01 + single_day {
            DateRange::single(FuzzyDate::Day(d))
        } else if r < 0.60 {
            let end = Self::plus_days(d, self.chance.int(1, max_days.max(1)));
            DateRange {
                start: FuzzyDate::Day(d),
                end: FuzzyDate::Day(end),
            }
        } else if r < 0.65 {
            // Known to start on a day, to end only within a month.
            let end = Self::plus_days(d, self.chance.int(3, 30));
            DateRange {
                start: FuzzyDate::Day(d),
                end: FuzzyDate::Month {
                    year: end.year(),
                    month: end.month(),
                },
            }
        } else if r < 0.82 {
            DateRange::single(month)
        } else if r < 0.86 && d.month() < 12 {
            DateRange {
                start: month,
                end: FuzzyDate::Month {
                    year,
                    month: d.month() + 1,
                },
            }
        } else {
            DateRange::single(FuzzyDate::Year(year))
        })
    }

    /// Dates of a patrol starting in `year`: almost always to the day (a
    /// ministry announces a patrol when it happens), a few to the month or
    /// only the year, lasting up to `max_days`. `None` for the few undated.
    fn patrol_dates(&mut self, year: i16, max_days: i64, single_day: f64) -> Option<DateRange> {
        let r = self.chance.unit();
        let d = self.day_in(year);
        Some(if r < 0.01 {
            return None;
        } else if r < 0.01 + single_day * 0.95 {
            DateRange::single(FuzzyDate::Day(d))
        } else if r < 0.96 {
            let end = Self::plus_days(d, self.chance.int(1, max_days.max(1)));
            DateRange {
                start: FuzzyDate::Day(d),
                end: FuzzyDate::Day(end),
            }
        } else if r < 0.995 {
            DateRange::single(FuzzyDate::Month {
                year,
                month: d.month(),
            })
        } else {
            DateRange::single(FuzzyDate::Year(year))
        })
    }

    /// A count as a source might give it: exact, a bound, a range or an estimate.
    fn quantity(&mut self, value: f64) -> Quantity {
        let v = value.max(1.0).round();
        let spread = (v * 0.2).max(1.0).round();
        let forms = [(0u8, 50), (1, 10), (2, 10), (3, 10), (4, 8), (5, 7), (6, 5)];
        match self.chance.weighted(&forms) {
            0 => Quantity::Exact(v),
            1 => Quantity::MoreThan((v - spread).max(0.0)),
            2 => Quantity::AtLeast(v),
            3 => Quantity::Range {
                min: (v - spread).max(0.0),
                max: v + spread,
            },
            4 => Quantity::Estimate {
                low: (v - spread).max(0.0),
                best: v,
                high: v + spread,
            },
            5 => Quantity::AtMost(v + spread),
            _ => Quantity::LessThan(v + spread),
        }
    }

    /// A round figure for personnel, in any uncertainty form.
    fn personnel(&mut self, lo: i64, hi: i64) -> Quantity {
        let raw = self.chance.int(lo, hi) as f64;
        let unit = if raw >= 10_000.0 { 1_000.0 } else { 100.0 };
        self.quantity((raw / unit).round().max(1.0) * unit)
    }

    fn cite(&mut self, max: usize) -> Vec<String> {
        let n = self.chance.int(1, max as i64) as usize;
        let mut out: Vec<String> = Vec::with_capacity(n);
        for _ in 0..n {
            let s = &self.ds.sources[self.chance.below(self.ds.sources.len())].id;
            if !out.contains(s) {
                out.push(s.clone());
            }
        }
        out
    }

    fn participants(&mut self, codes: &[&str], branch: Option<ServiceBranch>) -> Vec<Participant> {
        codes
            .iter()
            .map(|c| Participant {
                country: code(c),
                branch: branch.filter(|_| self.chance.odds(0.15)),
            })
            .collect()
    }

    fn tags(&mut self, p: f64) -> Vec<String> {
        if self.chance.odds(p) {
            vec![self.chance.pick(TAGS).to_string()]
        } else {
            Vec::new()
        }
    }

    fn area_ids(&mut self, from: &[&str], max: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if from.is_empty() {
            return out;
        }
        let n = self.chance.int(1, max.min(from.len()) as i64) as usize;
        for _ in 0..n {
            let a = *self.chance.pick(from);
            if !out.iter().any(|x| x == a)
                && self
                    .known_areas
                    .binary_search_by(|k| k.as_str().cmp(a))
                    .is_ok()
            {
                out.push(a.to_string());
            }
        }
        if !self.own_areas.is_empty() && self.chance.odds(0.03) {
            let own = *self.chance.pick(&self.own_areas);
            out.push(own.to_string());
        }
        out
    }

    // ---- sources and areas -----------------------------------------------

    fn source(&mut self, i: usize) -> Source {
        let (publisher, reliability, credibility) = *self.chance.pick(PUBLISHERS);
        // Analysts do not grade every item of a publisher alike.
        let reliability = if self.chance.odds(0.1) {
            *self.chance.pick(&[
                Reliability::A,
                Reliability::B,
                Reliability::C,
                Reliability::D,
                Reliability::F,
            ])
        } else {
            reliability
        };
        let credibility = if self.chance.odds(0.15) {
            self.chance.int(1, 6) as u8
        } else {
            credibility
        };
        let year = self.year_from(YEARS.0);
        let date = match self.chance.unit() {
            r if r < 0.7 => Some(FuzzyDate::Day(self.day_in(year))),
            r if r < 0.9 => Some(FuzzyDate::Month {
                year,
                month: self.chance.int(1, 12) as i8,
            }),
            _ => None,
        };
        let topic = *self.chance.pick(&[
            "statement on a joint exercise",
            "press release on fighter scrambles",
            "report on a joint patrol",
            "analysis of China–Russia military cooperation",
            "annual defence white paper",
            "news report",
        ]);
        Source {
            id: format!("src-{i:06}"),
            title: format!("{publisher}: {topic} ({year})"),
            publisher: Some(publisher.to_string()),
            url: Some(format!(
                "https://example.org/jointwatch-synthetic/src-{i:06}"
            )),
            date,
            reliability,
            credibility: Credibility::from_number(u64::from(credibility))
                .unwrap_or(Credibility::CannotBeJudged),
            notes: None,
        }
    }

    fn areas(&mut self) {
        let p = |lon, lat| Point { lon, lat };
        self.ds.areas.push(Area {
            id: "senkaku-islands-vicinity".to_string(),
            name: "Senkaku (Diaoyu) Islands vicinity".to_string(),
            kind: AreaKind::Region,
            aliases: vec!["Diaoyu Islands vicinity".to_string()],
            bbox: Some([123.0, 25.3, 124.9, 26.3]),
            polygon: Some(vec![
                p(123.0, 25.6),
                p(123.6, 25.3),
                p(124.6, 25.4),
                p(124.9, 25.9),
                p(124.3, 26.3),
                p(123.3, 26.2),
            ]),
            notes: None,
            approximate: false,
        });
        self.ds.areas.push(Area {
            id: "tsushima-approaches".to_string(),
            name: "Approaches to the Tsushima Strait".to_string(),
            kind: AreaKind::Sea,
            aliases: Vec::new(),
            bbox: Some([128.5, 33.3, 130.8, 35.3]),
            polygon: Some(vec![
                p(128.5, 34.6),
                p(129.4, 33.3),
                p(130.8, 33.8),
                p(130.3, 35.3),
                p(129.0, 35.2),
            ]),
            notes: None,
            approximate: false,
        });
        self.own_areas = vec!["senkaku-islands-vicinity", "tsushima-approaches"];
    }

    // ---- exercises -------------------------------------------------------

    fn exercise(&mut self, i: usize) -> Exercise {
        if self.chance.odds(DOUBLE_ENTRY) {
            if let Some(mut e) = self.last_exercise.clone() {
                e.id = format!("ex-{i:07}");
                e.sources = self.cite(3);
                e.claims.clear();
                return e;
            }
        }
        let weighted: Vec<(usize, u32)> = SERIES
            .iter()
            .enumerate()
            .map(|(k, s)| (k, s.weight))
            .collect();
        let k = *self.chance.weighted(&weighted);
        let t = &SERIES[k];
        let year = self.year_from(t.first_year);
        // A series' first exercise of a year is "Name-2021", the next ones
        // "Name-2021 (2)" and so on: two exercises of one name are one event.
        let edition =
            &mut self.editions[k * (YEARS.1 - YEARS.0 + 1) as usize + (year - YEARS.0) as usize];
        *edition += 1;
        let name = match *edition {
            1 => format!("{}-{year}", t.name),
            n => format!("{}-{year} ({n})", t.name),
        };
        let naval = t.domains.contains(&Domain::Naval);
        let branch = if naval {
            Some(ServiceBranch::Navy)
        } else if t.domains.contains(&Domain::Air) {
            Some(ServiceBranch::AirForce)
        } else {
            None
        };
        let mut states: Vec<&str> = t.core.to_vec();
        for extra in t.extras {
            if self.chance.odds(0.3) {
                states.push(extra);
            }
        }
        let participants = self.participants(&states, branch);
        let mut observers = Vec::new();
        if self.chance.odds(0.05) {
            let o = *self.chance.pick(OBSERVERS);
            if !states.contains(&o) {
                observers.push(Participant::state(code(o)));
            }
        }
        let host = if t.hosts.is_empty() || self.chance.odds(0.2) {
            None
        } else {
            Some(code(t.hosts[self.chance.below(t.hosts.len())]))
        };
        let mut domains = t.domains.to_vec();
        if self.chance.odds(0.1) {
            let extra = *self
                .chance
                .pick(&[Domain::Logistics, Domain::ElectronicWarfare]);
            if !domains.contains(&extra) {
                domains.push(extra);
            }
        }
        let forces = self.forces(t, naval);
        let sources = self.cite(3);
        let claims = if self.chance.odds(0.005) {
            let decades = self.chance.int(1, 3);
            vec![Claim {
                kind: ClaimKind::Largest,
                text: format!("the largest exercise of its kind in {decades} decade(s)"),
                scope: Some(if naval { "naval exercise" } else { "exercise" }.to_string()),
                window_years: Some(decades as u32 * 10),
                sources: sources.iter().take(1).cloned().collect(),
            }]
        } else {
            Vec::new()
        };
        let e = Exercise {
            id: format!("ex-{i:07}"),
            name,
            series: Some(t.name.to_string()),
            host,
            participants,
            observers,
            domains,
            areas: self.area_ids(t.areas, 2),
            dates: self.dates(year, 14, 0.1),
            forces,
            claims,
            links: Vec::new(),
            notes: self
                .chance
                .odds(0.15)
                .then(|| self.chance.pick(NOTES).to_string()),
            sources,
            tags: self.tags(0.3),
        };
        self.last_exercise = Some(e.clone());
        e
    }

    fn forces(&mut self, t: &SeriesTemplate, naval: bool) -> Forces {
        let (ships, aircraft, personnel) = match t.scale {
            0 => ((2, 8), (4, 20), (300, 2_000)),
            1 => ((6, 25), (10, 50), (1_000, 10_000)),
            _ => ((20, 400), (50, 300), (10_000, 300_000)),
        };
        let mut f = Forces::default();
        if naval && self.chance.odds(0.8) {
            let n = self.chance.int(ships.0, ships.1) as f64;
            f.ships = Some(self.quantity(n).into());
            if self.chance.odds(0.2) {
                let n = self.chance.int(1, 4) as f64;
                f.submarines = Some(self.quantity(n).into());
            }
        }
        if t.domains.contains(&Domain::Air) && self.chance.odds(0.7) {
            let n = self.chance.int(aircraft.0, aircraft.1) as f64;
            f.aircraft = Some(self.quantity(n).into());
        }
        if self.chance.odds(0.5) {
            f.personnel = Some(self.personnel(personnel.0, personnel.1).into());
        }
        if self.chance.odds(0.1) {
            let name = self.chance.pick(EQUIPMENT).to_string();
            let quantity = self
                .chance
                .odds(0.8)
                .then(|| self.chance.int(2, 60) as f64)
                .map(|n| self.quantity(n));
            f.equipment.push(Equipment {
                name,
                quantity: quantity.map(Into::into),
            });
        }
        f
    }

    // ---- patrols ---------------------------------------------------------

    fn patrol(&mut self, i: usize) -> Patrol {
        if self.chance.odds(DOUBLE_ENTRY) {
            if let Some(mut p) = self.last_patrol.clone() {
                p.id = format!("pat-{i:07}");
                p.sources = self.cite(3);
                return p;
            }
        }
        let naval = self.chance.odds(0.3);
        let kind = if naval {
            PatrolKind::JointNavalPatrol
        } else {
            PatrolKind::JointAirPatrol
        };
        let china_russia = self.chance.odds(self.chn_rus_odds);
        let pair: [&str; 2];
        let (states, first_year): (&[&str], i16) = match (china_russia, naval) {
            (true, false) => (&CHN_RUS, 2019),
            (true, true) => (&CHN_RUS, 2021),
            (false, _) => {
                let a = self.chance.below(PATROL_STATES.len());
                let b = (a + 1 + self.chance.below(PATROL_STATES.len() - 1)) % PATROL_STATES.len();
                pair = [PATROL_STATES[a], PATROL_STATES[b]];
                (&pair, YEARS.0)
            }
        };
        let branch = if naval {
            ServiceBranch::Navy
        } else if self.chance.odds(0.5) {
            ServiceBranch::AirForce
        } else {
            ServiceBranch::AerospaceForces
        };
        let participants = self.participants(states, Some(branch));
        let year = self.year_from(first_year);
        let dates = if naval {
            self.patrol_dates(year, 20, 0.05)
        } else {
            self.patrol_dates(year, 1, 0.6)
        };
        let routes: Vec<(&RouteTemplate, u32)> = ROUTES
            .iter()
            .filter(|r| r.naval == naval)
            .map(|r| (r, r.weight))
            .collect();
        let template = *self.chance.weighted(&routes);
        let route = if self.chance.odds(0.85) {
            self.route(template)
        } else {
            Vec::new()
        };
        let pool: &[PlatformType] = if naval {
            NAVAL_PLATFORMS
        } else {
            AIR_PLATFORMS
        };
        let mut platforms: Vec<Platform> = Vec::new();
        for _ in 0..self.chance.int(1, 4) {
            let p: &PlatformType = self.chance.pick(pool);
            if !states.contains(&p.country) || platforms.iter().any(|x| x.model == p.model) {
                continue;
            }
            let count = match self.chance.unit() {
                r if r < 0.7 => Some(Quantity::Exact(self.chance.int(p.count.0, p.count.1) as f64)),
                r if r < 0.85 => Some(Quantity::AtLeast(p.count.0 as f64)),
                _ => None,
            };
            platforms.push(Platform {
                model: p.model.to_string(),
                role: Some(p.role),
                country: Some(code(p.country)),
                count: count.map(Into::into),
            });
        }
        let adiz_entered: Vec<CountryCode> = template
            .adiz
            .iter()
            .filter(|_| !naval && self.chance.odds(0.7))
            .map(|c| code(c))
            .collect();
        let mut responses = Vec::new();
        for c in &adiz_entered {
            if self.chance.odds(0.8) {
                let count = self
                    .chance
                    .odds(0.5)
                    .then(|| self.chance.int(2, 20) as f64)
                    .map(|n| self.quantity(n));
                responses.push(PatrolResponse {
                    by: *c,
                    action: ResponseAction::Scramble,
                    count: count.map(Into::into),
                    notes: None,
                });
            }
        }
        if naval && self.chance.odds(0.3) {
            responses.push(PatrolResponse {
                by: code("JPN"),
                action: ResponseAction::Shadow,
                count: Some(Quantity::Exact(self.chance.int(1, 3) as f64).into()),
                notes: Some(
                    "Maritime Self-Defense Force ships and P-3C aircraft monitored the group."
                        .to_string(),
                ),
            });
        }
        let p = Patrol {
            id: format!("pat-{i:07}"),
            name: None,
            kind,
            participants,
            dates,
            sequence: None,
            numbering: Vec::new(),
            start_time: None,
            end_time: None,
            platforms,
            route,
            legs: Vec::new(),
            areas: self.area_ids(template.areas, 1),
            adiz_entered,
            responses,
            claims: Vec::new(),
            links: Vec::new(),
            notes: self
                .chance
                .odds(0.1)
                .then(|| self.chance.pick(NOTES).to_string()),
            sources: self.cite(3),
            tags: self.tags(0.1),
        };
        self.last_patrol = Some(p.clone());
        p
    }

    /// The template's waypoints, jittered, with points between them: 2 to
    /// about 12 points, to three decimals (about 100 m).
    fn route(&mut self, t: &RouteTemplate) -> Vec<Point> {
        let jitter = |c: &mut Chance, (lon, lat): (f64, f64)| {
            (
                lon + c.float(-0.4, 0.4),
                (lat + c.float(-0.4, 0.4)).clamp(-89.0, 89.0),
            )
        };
        let keep = self.chance.int(2, t.waypoints.len() as i64) as usize;
        let start = self.chance.below(t.waypoints.len() - keep + 1);
        let ways: Vec<(f64, f64)> = t.waypoints[start..start + keep]
            .iter()
            .map(|w| jitter(&mut self.chance, *w))
            .collect();
        let mut route = Vec::new();
        for (k, w) in ways.iter().enumerate() {
            route.push(*w);
            if let Some(next) = ways.get(k + 1) {
                // Unwrap across the antimeridian before interpolating.
                let mut dlon = next.0 - w.0;
                if dlon > 180.0 {
                    dlon -= 360.0;
                } else if dlon < -180.0 {
                    dlon += 360.0;
                }
                let between = self.chance.int(0, 2);
                for s in 1..=between {
                    let f = s as f64 / (between + 1) as f64;
                    route.push(jitter(
                        &mut self.chance,
                        (w.0 + dlon * f, w.1 + (next.1 - w.1) * f),
                    ));
                }
            }
        }
        route
            .into_iter()
            .map(|(lon, lat)| Point {
                lon: round3(wrap_lon(lon)),
                lat: round3(lat),
            })
            .collect()
    }

    /// Gives about a third of the dated China–Russia air patrols their
    /// number in the series, counting in order of date: the positions of
    /// the patrols numbered, with their numbers.
    fn numbers(
        &mut self,
        tallies: &mut Tallies,
    ) -> Vec<(usize, jointwatch::model::patrol::Numbering)> {
        let mut order = std::mem::take(&mut tallies.numbered);
        order.sort();
        let mut out = Vec::new();
        for (n, (_, i)) in order.into_iter().enumerate() {
            if self.chance.odds(0.3) {
                out.push((
                    i,
                    jointwatch::model::patrol::Numbering {
                        number: n as u32 + 1,
                        by: None,
                        body: None,
                        sources: Vec::new(),
                    },
                ));
            }
        }
        out
    }

    // ---- statistics ------------------------------------------------------

    fn statistic_base(
        &mut self,
        i: usize,
        label: String,
        measure: Measure,
        quantity: Quantity,
    ) -> Statistic {
        Statistic {
            id: format!("stat-{i:06}"),
            label,
            measure,
            reporter: None,
            subjects: Vec::new(),
            period: None,
            as_of: None,
            rate: Rate::Total,
            quantity,
            breakdown: Vec::new(),
            claims: Vec::new(),
            links: Vec::new(),
            notes: None,
            sources: self.cite(2),
            tags: self.tags(0.05),
        }
    }

    fn statistics(&mut self, n: usize, tallies: &Tallies) {
        let mut out: Vec<Statistic> = Vec::with_capacity(n);
        // Figures with an upper bound on joint activity are checked against
        // the records by validation, so they are computed from them. There
        // are a handful, whatever the size, as in a real collection.
        let (chn_rus, usa_jpn) = (&tallies.chn_rus, &tallies.usa_jpn);
        let idx = |y: i16| (y - YEARS.0) as usize;
        let mut checked: Vec<(String, [&str; 2], Period, Rate, Quantity)> = Vec::new();
        for (counts, pair, who) in [
            (chn_rus, CHN_RUS, "China–Russia"),
            (usa_jpn, ["USA", "JPN"], "US–Japan"),
        ] {
            for (start, end) in [(2005, 2014), (2014, 2023)] {
                let span = &counts[idx(start)..=idx(end)];
                let (min, max) = (span.iter().min(), span.iter().max());
                if let (Some(&min), Some(&max)) = (min, max) {
                    checked.push((
                        format!("{who} joint exercises per year, {start}–{end}"),
                        pair,
                        Period::Years { start, end },
                        Rate::PerYear,
                        Quantity::Range {
                            min: f64::from(min),
                            max: f64::from(max),
                        },
                    ));
                }
            }
        }
        for year in 2020..=2023 {
            checked.push((
                format!("China–Russia joint exercises in {year}"),
                CHN_RUS,
                Period::CalendarYear { year },
                Rate::Total,
                Quantity::Exact(f64::from(chn_rus[idx(year)])),
            ));
        }
        let budget = checked.len().min(n / 2);
        for (label, pair, period, rate, quantity) in checked.into_iter().take(budget) {
            let i = out.len();
            let mut s = self.statistic_base(i, label, Measure::JointExercises, quantity);
            s.subjects = pair.iter().map(|c| Participant::state(code(c))).collect();
            s.period = Some(period);
            s.rate = rate;
            out.push(s);
        }
        // Cumulative counts of joint air patrols: "at least N so far".
        let mut air = tallies.air_years.clone();
        air.sort_unstable();
        let cumulative = 6.min((n - out.len()) / 2);
        for year in (2019..=YEARS.1).take(cumulative) {
            let so_far = air.partition_point(|y| *y <= year);
            let i = out.len();
            let mut s = self.statistic_base(
                i,
                "China–Russia joint strategic air patrols, cumulative".to_string(),
                Measure::JointAirPatrols,
                Quantity::AtLeast(so_far as f64),
            );
            s.subjects = CHN_RUS
                .iter()
                .map(|c| Participant::state(code(c)))
                .collect();
            s.as_of = Some(FuzzyDate::Year(year));
            out.push(s);
        }
        while out.len() < n {
            let i = out.len();
            let s = self.reported_figure(i);
            out.push(s);
        }
        self.ds.statistics = out;
    }

    /// Japan's scrambles in a fiscal year, roughly as they ran (a rise to
    /// about a thousand in FY2016, then a decline).
    fn scramble_level(&mut self, year: i16) -> f64 {
        let x = f64::from(year - 2016) / 9.0;
        (250.0 + 800.0 * (-x * x).exp()) * self.chance.float(0.85, 1.15)
    }

    fn reported_figure(&mut self, i: usize) -> Statistic {
        let japan = Reporter {
            name: "Japan Ministry of Defense, Joint Staff".to_string(),
            country: Some(code("JPN")),
        };
        let kinds = [
            (0u8, 35),
            (1, 10),
            (2, 10),
            (3, 20),
            (4, 10),
            (5, 10),
            (6, 5),
        ];
        match *self.chance.weighted(&kinds) {
            0 => {
                let year = self.year_from(YEARS.0).min(YEARS.1 - 1);
                let total = self.scramble_level(year).round();
                let mut s = self.statistic_base(
                    i,
                    "Air Self-Defense Force scrambles".to_string(),
                    Measure::Scrambles,
                    Quantity::Exact(total),
                );
                s.reporter = Some(japan);
                s.period = Some(Period::FiscalYear {
                    year,
                    first_month: 4,
                    named_by: FiscalNaming::StartYear,
                });
                s.breakdown = self.breakdown(total);
                s
            }
            1 => {
                let year = self.year_from(2005);
                let quarter = self.chance.int(1, 4) as u8;
                let total = (self.scramble_level(year) / 4.0).round();
                let mut s = self.statistic_base(
                    i,
                    "Air Self-Defense Force scrambles in the quarter".to_string(),
                    Measure::Scrambles,
                    Quantity::Exact(total),
                );
                s.reporter = Some(japan);
                s.period = Some(Period::Quarter { year, quarter });
                s
            }
            2 => {
                let year = self.year_from(2010);
                let n = self.chance.int(20, 200) as f64;
                let q = self.quantity(n);
                let mut s = self.statistic_base(
                    i,
                    "KADIZ entries by Chinese and Russian military aircraft".to_string(),
                    Measure::Other,
                    q,
                );
                s.reporter = Some(Reporter {
                    name: "Republic of Korea Joint Chiefs of Staff".to_string(),
                    country: Some(code("KOR")),
                });
                s.subjects = CHN_RUS
                    .iter()
                    .map(|c| Participant::state(code(c)))
                    .collect();
                s.period = Some(Period::CalendarYear { year });
                s
            }
            3 => {
                let year = self.year_from(2019);
                let month = self.chance.int(1, 12) as u8;
                let n = self.chance.int(5, 450) as f64;
                let q = if self.chance.odds(0.8) {
                    Quantity::Exact(n)
                } else {
                    Quantity::AtLeast(n)
                };
                let mut s = self.statistic_base(
                    i,
                    "PLA aircraft entering Taiwan's ADIZ".to_string(),
                    Measure::Other,
                    q,
                );
                s.reporter = Some(Reporter {
                    name: "Taiwan Ministry of National Defense".to_string(),
                    country: Some(code("TWN")),
                });
                s.subjects = vec![Participant::state(code("CHN"))];
                s.period = Some(Period::Month { year, month });
                s
            }
            4 => {
                let start = self.chance.int(1995, 2015) as i16;
                let end = (start + self.chance.int(2, 9) as i16).min(YEARS.1);
                let low = self
                    .scramble_level(start)
                    .min(self.scramble_level(end))
                    .round();
                let high = (low * self.chance.float(1.3, 2.5)).round();
                let mut s = self.statistic_base(
                    i,
                    "Japanese scrambles per year, as summarised by the press".to_string(),
                    Measure::Scrambles,
                    Quantity::Range {
                        min: low,
                        max: high,
                    },
                );
                s.reporter = Some(Reporter {
                    name: self.chance.pick(PUBLISHERS).0.to_string(),
                    country: None,
                });
                s.period = Some(Period::Years { start, end });
                s.rate = Rate::PerYear;
                s
            }
            5 => {
                let year = self.year_from(2000);
                let n = self.chance.int(60, 160) as f64;
                let mut s = self.statistic_base(
                    i,
                    "Exercises with allies and partners in the Indo-Pacific".to_string(),
                    Measure::Exercises,
                    Quantity::AtLeast(n),
                );
                s.reporter = Some(Reporter {
                    name: "US Indo-Pacific Command".to_string(),
                    country: Some(code("USA")),
                });
                s.subjects = vec![Participant::state(code("USA"))];
                s.period = Some(Period::FiscalYear {
                    year,
                    first_month: 10,
                    named_by: FiscalNaming::EndYear,
                });
                s.notes = Some("US fiscal years are named for the year they end in.".to_string());
                s
            }
            _ => {
                let year = self.year_from(YEARS.0);
                let best = self.scramble_level(year).round();
                let mut s = self.statistic_base(
                    i,
                    "Estimated Japanese scrambles in the calendar year".to_string(),
                    Measure::Scrambles,
                    Quantity::Estimate {
                        low: (best * 0.9).round(),
                        best,
                        high: (best * 1.1).round(),
                    },
                );
                s.reporter = Some(Reporter {
                    name: "IISS Military Balance".to_string(),
                    country: None,
                });
                s.period = Some(Period::CalendarYear { year });
                s
            }
        }
    }

    /// Scrambles by the origin of the aircraft: exact shares that add up to
    /// at most the total, or only the source's word for them.
    fn breakdown(&mut self, total: f64) -> Vec<BreakdownEntry> {
        match self.chance.unit() {
            r if r < 0.5 => {
                let chn = (total * self.chance.float(0.5, 0.75)).floor();
                let rus = ((total - chn) * self.chance.float(0.6, 0.95)).floor();
                let other = (total - chn - rus).max(0.0);
                vec![
                    BreakdownEntry {
                        category: Category::Country(code("CHN")),
                        quantity: Some(Quantity::Exact(chn)),
                        qualifier: None,
                    },
                    BreakdownEntry {
                        category: Category::Country(code("RUS")),
                        quantity: Some(Quantity::Exact(rus)),
                        qualifier: None,
                    },
                    BreakdownEntry {
                        category: Category::Other,
                        quantity: Some(Quantity::Exact(other)),
                        qualifier: None,
                    },
                ]
            }
            r if r < 0.7 => ["CHN", "RUS"]
                .iter()
                .map(|c| BreakdownEntry {
                    category: Category::Country(code(c)),
                    quantity: None,
                    qualifier: Some("significant".to_string()),
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    // ---- scenarios and indicators ----------------------------------------

    fn scenarios(&mut self) {
        let seed = jointwatch::seed();
        let base = Dataset {
            sources: seed.sources.clone(),
            scenarios: seed.scenarios.clone(),
            ..Dataset::default()
        };
        let mut completed = with_catalogue(&base);
        let cited: Vec<String> = self.ds.sources.iter().map(|s| s.id.clone()).collect();
        for ind in &mut completed.indicators {
            if !matches!(ind.metric, jointwatch::Metric::Observed { .. }) || !self.chance.odds(0.6)
            {
                continue;
            }
            for _ in 0..self.chance.int(1, 2) {
                let year = self.chance.int(2020, i64::from(YEARS.1)) as i16;
                let date = FuzzyDate::Day(self.day_in(year));
                let value = if self.chance.odds(0.4) { 1.0 } else { 0.0 };
                let source = cited[self.chance.below(cited.len())].clone();
                ind.observations.push(Observation {
                    date,
                    value,
                    note: Some(format!(
                        "synthetic observation ({})",
                        if value > 0.0 { "seen" } else { "not seen" }
                    )),
                    sources: vec![source],
                });
            }
        }
        self.ds.sources.extend(completed.sources);
        self.ds.scenarios = completed.scenarios;
        self.ds.indicators = completed.indicators;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vocabulary_country_is_assigned() {
        let mut all: Vec<&str> = Vec::new();
        for s in SERIES {
            all.extend(s.core);
            all.extend(s.extras);
            all.extend(s.hosts);
        }
        all.extend(OBSERVERS);
        all.extend(PATROL_STATES);
        for p in AIR_PLATFORMS.iter().chain(NAVAL_PLATFORMS) {
            all.push(p.country);
        }
        for r in ROUTES {
            all.extend(r.adiz);
        }
        for c in all {
            assert!(code(c).is_assigned(), "{c}");
        }
    }

    #[test]
    fn every_vocabulary_area_is_in_the_gazetteer() {
        let ids: Vec<String> = gazetteer().map(|a| a.id).collect();
        for a in SERIES
            .iter()
            .flat_map(|s| s.areas)
            .chain(ROUTES.iter().flat_map(|r| r.areas))
        {
            assert!(ids.iter().any(|x| x == a), "{a}");
        }
    }

    #[test]
    fn the_mix_adds_up_for_any_size() {
        for n in [0, 1, 2, 3, 19, 20, 21, 99, 1_000, 123_457] {
            let (e, p, s) = record_mix(n);
            assert_eq!(e + p + s, n, "{n}");
        }
    }

    #[test]
    fn later_years_hold_more_records() {
        let mut g = Generator::new(3, 16, 100);
        let years: Vec<i16> = (0..5_000).map(|_| g.year_from(YEARS.0)).collect();
        assert!(years.iter().all(|y| (YEARS.0..=YEARS.1).contains(y)));
        let early = years.iter().filter(|y| **y < 2000).count();
        let late = years.iter().filter(|y| **y >= 2020).count();
        assert!(late > 2 * early, "{early} early, {late} late");
        assert!((0..1_000).all(|_| g.year_from(2021) >= 2021));
    }

    #[test]
    fn routes_stay_in_range_and_cross_the_antimeridian() {
        let mut g = Generator::new(5, 16, 100);
        let mut crossed = false;
        for _ in 0..500 {
            for t in ROUTES {
                let r = g.route(t);
                assert!(r.len() >= 2);
                assert!(r.iter().all(Point::is_in_range));
                crossed |= r.windows(2).any(|w| (w[0].lon - w[1].lon).abs() > 180.0);
            }
        }
        assert!(crossed);
    }

    #[test]
    fn every_uncertainty_form_appears() {
        let mut g = Generator::new(9, 16, 100);
        let forms: std::collections::BTreeSet<&str> =
            (0..2_000).map(|_| g.quantity(50.0).form()).collect();
        assert_eq!(forms.len(), 7, "{forms:?}");
    }
}
