//! Queries over a dataset: selections, grouped series beside reported
//! figures, cadence, record-setters and shares.

use jointwatch::analysis::series::{
    self, Basis, Field, PointStatus, Series, SeriesOptions, SeriesPoint, SeriesQuery,
};
use jointwatch::analysis::{cadence, share, superlative};
use jointwatch::{DateRange, Filter, FiscalNaming, PatrolKind, Period, Quantity};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::dataset::Dataset;
use crate::{boundary, error};

#[wasm_bindgen]
impl Dataset {
    /// The records a filter keeps (every record without one), by kind.
    ///
    /// ```js
    /// const { exercises } = ds.select({ kinds: ["exercise"], participantsAll: ["CHN", "RUS"], from: "2024" });
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Selection")]
    pub fn select(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Filter")] filter: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let filter: Filter =
            boundary::optional(&filter.unwrap_or_default(), "filter")?.unwrap_or_default();
        boundary::output(&filter.select_by_kind(&self.inner))
    }

    /// A grouped, zero-filled series (counts, sums or maxima by period,
    /// participant, domain, area, series or platform), with the figures that
    /// statistics report set beside the counts. Throws a `JointwatchError`
    /// with code `bad-grouping`, `invalid-granularity` or `window-too-large`
    /// when the query cannot be computed.
    ///
    /// Each point lists the ids of the records it counts (`ids`) unless
    /// `options` says `{ ids: false }`: then every `ids` is empty, which is
    /// much faster on a large dataset when only the figures are drawn.
    ///
    /// ```js
    /// const s = ds.series({
    ///   filter: { kinds: ["exercise"], participantsAll: ["CHN", "RUS"], from: "2014", to: "2024" },
    ///   groupBy: [{ by: "period", granularity: { type: "year" } }],
    ///   reported: "jointExercises",
    /// });
    /// s.points.map((p) => [p.key[0], formatQuantity(p.value)]); // [["2014", "4–10"], …, ["2024", "2"]]
    /// ds.series({ groupBy: [{ by: "participant" }] }, { ids: false }).points[0].ids; // []
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Series")]
    pub fn series(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SeriesQuery")] query: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SeriesOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let options: SeriesOptions =
            boundary::optional(&options.unwrap_or_default(), "options")?.unwrap_or_default();
        write(&self.compute_series(&query, &options)?)
    }

    /// Order, intervals and yearly counts of the joint patrols (of one kind,
    /// or all), and their numbering per patrol kind and numbering authority
    /// (`numbering`: air and naval never mixed, nor China's count with
    /// Japan's), each run with its gaps and conflicts.
    ///
    /// ```js
    /// const c = ds.patrolCadence("jointAirPatrol");
    /// c.perYear; // { "2019": 1, "2020": 1, … }
    /// c.numbering.map((r) => [r.by ?? "unattributed", r.missingNumbers]); // [["CHN", []], ["JPN", [1, 2, 4, …]]]
    /// ```
    #[wasm_bindgen(js_name = patrolCadence, unchecked_return_type = "Cadence")]
    pub fn patrol_cadence(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "PatrolKind")] kind: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let kind: Option<PatrolKind> = boundary::optional(&kind.unwrap_or_default(), "kind")?;
        boundary::output(&cadence::patrol_cadence(&self.inner, kind))
    }

    /// The share of the records a filter keeps that are joint (two or more
    /// states) against single-state ones: exercises, patrols and activities
    /// (incidents only when the filter's `kinds` name them); records of one
    /// event linked `sameEvent` count once. `share` is absent (not 0) when
    /// no record passes; `uncovered` says that no declared coverage vouches
    /// for the records, so the share is of the records held.
    ///
    /// ```js
    /// const s = ds.jointShare({ areas: ["sea-of-japan"], from: "2019" });
    /// console.log(`${s.joint} joint, ${s.singleState} single-state`, s.share, s.uncovered);
    /// ```
    #[wasm_bindgen(js_name = jointShare, unchecked_return_type = "JointShare")]
    pub fn joint_share(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Filter")] filter: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let filter: Filter =
            boundary::optional(&filter.unwrap_or_default(), "filter")?.unwrap_or_default();
        boundary::output(&share::joint_share(&self.inner, &filter))
    }

    /// Compares the yearly rate of records matching `filter` in two windows
    /// (date ranges, both ends included), with an exact test.
    ///
    /// ```js
    /// const c = ds.compareWindows({ kinds: ["exercise"] }, { start: "2020", end: "2023" }, { start: "2024", end: "2024" });
    /// [c.countA, c.countB]; // [0, 2] for the seed
    /// ```
    #[wasm_bindgen(js_name = compareWindows, unchecked_return_type = "WindowComparison")]
    pub fn compare_windows(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Filter")] filter: JsValue,
        #[wasm_bindgen(unchecked_param_type = "DateRange")] a: JsValue,
        #[wasm_bindgen(unchecked_param_type = "DateRange")] b: JsValue,
    ) -> Result<JsValue, JsValue> {
        let filter: Filter = boundary::optional(&filter, "filter")?.unwrap_or_default();
        let a: DateRange = boundary::input(&a, "a")?;
        let b: DateRange = boundary::input(&b, "b")?;
        boundary::output(&cadence::compare_windows(&self.inner, &filter, &a, &b))
    }

    /// Which exercise has the largest figure (`"ships"`, `"aircraft"`,
    /// `"personnel"`, …) in the `years` years up to `toYear`, and whether
    /// that is certain given the uncertainty of the figures: the check behind
    /// a claim such as "the largest naval exercise in three decades".
    ///
    /// ```js
    /// ds.largest("personnel", 2024, 30).leader; // "ocean-2024"
    /// ```
    #[wasm_bindgen(unchecked_return_type = "RecordSetter")]
    pub fn largest(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Field")] field: JsValue,
        #[wasm_bindgen(js_name = toYear, unchecked_param_type = "number")] to_year: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] years: JsValue,
    ) -> Result<JsValue, JsValue> {
        let field: Field = boundary::input(&field, "field")?;
        let to_year: i16 = boundary::input(&to_year, "toYear")?;
        let years: u16 = boundary::input(&years, "years")?;
        boundary::output(&superlative::largest(&self.inner, field, to_year, years))
    }

    /// Minimum, maximum, mean and median of the values of a series (as
    /// `series(query)` computes it), carrying their bounds; `undefined` for a
    /// series with no points.
    ///
    /// ```js
    /// ds.seriesSummary(query); // { n: 11, min: 2, max: 10, meanLow: …, allExact: false, … }
    /// ```
    #[wasm_bindgen(js_name = seriesSummary, unchecked_return_type = "SeriesSummary | undefined")]
    pub fn series_summary(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SeriesQuery")] query: JsValue,
    ) -> Result<JsValue, JsValue> {
        let s = self.compute_series(&query, &WITHOUT_IDS)?;
        boundary::output_option(series::summarize(&s))
    }

    /// Trend tests (year-over-year changes, least squares, Mann–Kendall,
    /// Sen's slope) over the values of a series. They need at least three
    /// points and exact values; otherwise this throws a `JointwatchError` with
    /// code `not-applicable` whose message says why.
    ///
    /// ```js
    /// try { ds.seriesTrends(query).mannKendall?.trend; }
    /// catch (e) { if (isJointwatchError(e) && e.code === "not-applicable") console.log(e.message); }
    /// ```
    #[wasm_bindgen(js_name = seriesTrends, unchecked_return_type = "SeriesTrend")]
    pub fn series_trends(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SeriesQuery")] query: JsValue,
    ) -> Result<JsValue, JsValue> {
        let s = self.compute_series(&query, &WITHOUT_IDS)?;
        match series::trends(&s) {
            Ok(t) => boundary::output(&t),
            Err(e) => Err(error::call(&e, "query")),
        }
    }

    /// The shares of a statistic's total by category (a breakdown of
    /// scrambles by the country of the aircraft, say), with bounds. Throws a
    /// `JointwatchError` with code `not-found` for an unknown id.
    ///
    /// ```js
    /// ds.shares("japan-scrambles-fy2023").shares.map((s) => s.category); // ["CHN", "RUS"]
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Shares")]
    pub fn shares(
        &self,
        #[wasm_bindgen(js_name = statisticId, unchecked_param_type = "string")]
        statistic_id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = boundary::text(&statistic_id, "statisticId")?;
        match self.inner.statistic(&id) {
            Some(s) => boundary::output(&jointwatch::analysis::breakdown::shares(s)),
            None => Err(error::not_found(
                "statisticId",
                format!("no statistic with id {id:?}"),
            )),
        }
    }
}

/// Summaries and trend tests read the figures only.
const WITHOUT_IDS: SeriesOptions = SeriesOptions { ids: false };

impl Dataset {
    fn compute_series(
        &self,
        query: &JsValue,
        options: &SeriesOptions,
    ) -> Result<series::Series, JsValue> {
        let query: SeriesQuery = boundary::input(query, "query")?;
        series::series_on(&self.inner, self.columns(), &query, options)
            .map_err(|e| error::call(&e, "query"))
    }
}

/// Writes a series for the package and has `js/series.js` turn it into
/// JavaScript: the same objects as [`boundary::output`] would give, faster.
///
/// A point of the common shape (whole counts, a period of a granularity,
/// no reported figures) is written as a short array, which the JavaScript side
/// expands into the object `SeriesPoint`'s serializer would have written;
/// any other point is written as that object, through the serializer
/// `boundary::output` uses. Parsing the short form and building the objects
/// in JavaScript takes about a third of the time of parsing the objects'
/// JSON (390 points at 1k records: 21 KB of text against 66 KB).
///
/// A short point is `[k₀, …, kₙ₋₁, T, Y, M, C, V, B, S, W, id…]`: the key's
/// `n` strings; the period's type `T` (−1 none, 0 calendar year, 1 quarter,
/// 2 month, 3 fiscal year named by its first year), year `Y` and quarter,
/// month or first month `M`; `counted` and `value` (`null` when absent); the
/// basis and status as their positions in `js/series.js`'s lists; `coveredBy`
/// (`null` when absent); then the ids.
fn write(s: &Series) -> Result<JsValue, JsValue> {
    let n = s.points.first().map_or(0, |p| p.key.len());
    let mut text = Vec::with_capacity(128 + 40 * s.points.len() + 96 * s.unplaced.len());
    let mut written = Ok(());
    text.extend_from_slice(b"{\"n\":");
    integer(&mut text, n as i64);
    text.extend_from_slice(b",\"points\":[");
    for (i, p) in s.points.iter().enumerate() {
        if i > 0 {
            text.push(b',');
        }
        if p.key.len() != n || !short_point(&mut text, p) {
            written = written.and(p.serialize(&mut serde_json::Serializer::pretty(&mut text)));
        }
    }
    text.extend_from_slice(b"],\"unplaced\":");
    pairs(
        &mut text,
        s.unplaced.iter().map(|u| (&u.id, &u.reason)),
        "reason",
    );
    if !s.same_event.is_empty() {
        text.extend_from_slice(b",\"sameEvent\":");
        let same = s.same_event.iter().map(|e| (&e.id, &e.counted_as));
        pairs(&mut text, same, "countedAs");
    }
    text.push(b'}');
    boundary::read_back_with(written, text, expand_series)
}

#[wasm_bindgen(module = "/js/series.js")]
extern "C" {
    /// Builds the series' objects from [`write`]'s text (`js/series.js`).
    #[wasm_bindgen(js_name = expandSeries, catch)]
    fn expand_series(text: &str) -> Result<JsValue, JsValue>;
}

/// Writes a list of `{"id": …, "<second>": …}` objects (`unplaced`,
/// `sameEvent`).
fn pairs<'a>(
    text: &mut Vec<u8>,
    list: impl Iterator<Item = (&'a String, &'a String)>,
    second: &str,
) {
    text.push(b'[');
    for (i, (id, other)) in list.enumerate() {
        if i > 0 {
            text.push(b',');
        }
        text.extend_from_slice(b"{\"id\":");
        string(text, id);
        text.extend_from_slice(b",\"");
        text.extend_from_slice(second.as_bytes());
        text.extend_from_slice(b"\":");
        string(text, other);
        text.push(b'}');
    }
    text.push(b']');
}

/// Writes a point of the common shape in the short form [`write`]
/// describes, and says whether it did; writes nothing for any other point.
fn short_point(text: &mut Vec<u8>, p: &SeriesPoint) -> bool {
    let whole = |q: &Option<Quantity>| match q {
        None => true,
        // As the core writes a whole number (`-0` aside, written as such).
        Some(Quantity::Exact(v)) => {
            v.fract() == 0.0 && v.abs() < 9e15 && !(*v == 0.0 && v.is_sign_negative())
        }
        Some(_) => false,
    };
    let period = match p.period {
        None => Some((-1, 0, 0)),
        Some(Period::CalendarYear { year }) => Some((0, year, 0)),
        Some(Period::Quarter { year, quarter }) => Some((1, year, quarter)),
        Some(Period::Month { year, month }) => Some((2, year, month)),
        Some(Period::FiscalYear {
            year,
            first_month,
            named_by: FiscalNaming::StartYear,
        }) => Some((3, year, first_month)),
        Some(_) => None,
    };
    let Some((kind, year, part)) = period else {
        return false;
    };
    if !(whole(&p.counted)
        && whole(&p.value)
        && p.reported.is_none()
        && p.reported_by.is_empty()
        && p.missing.is_empty()
        && p.contested.is_empty()
        && p.alternatives.is_empty()
        && p.resolution.is_none())
    {
        return false;
    }
    text.push(b'[');
    for k in &p.key {
        string(text, k);
        text.push(b',');
    }
    for n in [kind, i64::from(year), i64::from(part)] {
        integer(text, n);
        text.push(b',');
    }
    for q in [&p.counted, &p.value] {
        match q {
            Some(Quantity::Exact(v)) => integer(text, *v as i64),
            _ => text.extend_from_slice(b"null"),
        }
        text.push(b',');
    }
    // Positions in `js/series.js`'s BASIS and STATUS.
    let basis = match p.basis {
        Basis::Counted => 0,
        Basis::Reported => 1,
        Basis::Both => 2,
        Basis::None => 3,
    };
    let status = match p.status {
        PointStatus::Observed => 0,
        PointStatus::Uncovered => 1,
        PointStatus::Missing => 2,
    };
    for n in [basis, status] {
        integer(text, n);
        text.push(b',');
    }
    match &p.covered_by {
        Some(c) => string(text, c),
        None => text.extend_from_slice(b"null"),
    }
    for id in &p.ids {
        text.push(b',');
        string(text, id);
    }
    text.push(b']');
    true
}

/// Writes a whole number.
fn integer(text: &mut Vec<u8>, n: i64) {
    // Most numbers of a short point are one digit.
    if (0..10).contains(&n) {
        text.push(b'0' + n as u8);
        return;
    }
    if n < 0 {
        text.push(b'-');
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut m = n.unsigned_abs();
    loop {
        at -= 1;
        digits[at] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    text.extend_from_slice(&digits[at..]);
}

/// Writes a JSON string: quotes, backslashes and control characters
/// escaped, everything else copied as it is, a run at a time.
fn string(text: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    text.push(b'"');
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'"' || b == b'\\' || b < 0x20 {
            text.extend_from_slice(&bytes[from..i]);
            match b {
                b'"' | b'\\' => text.extend_from_slice(&[b'\\', b]),
                _ => text.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 15)],
                ]),
            }
            from = i + 1;
        }
    }
    text.extend_from_slice(&bytes[from..]);
    text.push(b'"');
}
