//! Queries over a dataset: selections, grouped series beside reported
//! figures, cadence, record-setters and shares.

use jointwatch::analysis::series::{self, Field, SeriesOptions, SeriesQuery};
use jointwatch::analysis::{cadence, share, superlative};
use jointwatch::{DateRange, Filter, PatrolKind};
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
        boundary::output(&self.compute_series(&query, &options)?)
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
        series::series_with(&self.inner, &query, options).map_err(|e| error::call(&e, "query"))
    }
}
