//! The `Dataset` class: a parsed document held on the Rust side, so that a
//! dashboard pays for reading it once and then asks many questions.

use std::cell::OnceCell;

use jointwatch::analysis::series::Columns;
use jointwatch::dataset::IdIndex;
use jointwatch::model::activity::Activity;
use jointwatch::model::incident::Incident;
use jointwatch::{Exercise, Patrol, Record, RecordKind, Statistic, ValidateOptions};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::boundary::{self, Document};
use crate::error;

/// A jointwatch document, parsed and held by the WebAssembly module.
///
/// Create one with `Dataset.fromJSON(text)`, `Dataset.fromObject(doc)`,
/// `Dataset.parse(input)` or `Dataset.seed()`. Call `free()` (or use
/// `using`) when done with it in long-running pages; it is otherwise
/// reclaimed when garbage collected.
///
/// ```js
/// const ds = Dataset.fromJSON(text);          // throws ParseError or ValidationError
/// console.log(ds.counts.exercises, ds.validate().findings.length);
/// ```
#[wasm_bindgen]
pub struct Dataset {
    pub(crate) inner: jointwatch::Dataset,
    /// The core's index of the patrols by id, built at the first look-up
    /// and dropped by `merge`: a page asking for every patrol in turn must
    /// not scan them all each time.
    patrols_by_id: OnceCell<IdIndex>,
    /// The core's columnar copy of the events, for series, built at the
    /// first series and dropped by `merge`: re-aggregating a held dataset
    /// then reads integers rather than the records.
    columns: OnceCell<Columns>,
}

impl Dataset {
    /// The core document.
    pub fn inner(&self) -> &jointwatch::Dataset {
        &self.inner
    }

    /// Wraps a core document.
    pub(crate) fn wrap(inner: jointwatch::Dataset) -> Dataset {
        Dataset {
            inner,
            patrols_by_id: OnceCell::new(),
            columns: OnceCell::new(),
        }
    }

    /// The patrol with this id, found by the core's rule (the first with
    /// exactly this id) through its index.
    pub(crate) fn patrol(&self, id: &str) -> Option<&jointwatch::Patrol> {
        let patrols = &self.inner.patrols;
        self.patrols_by_id
            .get_or_init(|| IdIndex::new(patrols))
            .find(patrols, id)
    }

    /// The columnar copy of the events, made at the first call.
    pub(crate) fn columns(&self) -> &Columns {
        self.columns.get_or_init(|| Columns::new(&self.inner))
    }

    /// Reads, validates and keeps a document; rejects it when it cannot be
    /// read (within the options' limits) or the core rejects it (an error;
    /// in strict mode, a warning).
    fn load(document: Document, options: &JsValue) -> Result<Dataset, JsValue> {
        let (options, limits) = boundary::load_options(options)?;
        let inner = document
            .parse_within(&limits)
            .map_err(|e| error::parse(&e))?;
        match inner.accept(&options) {
            Ok((inner, _)) => Ok(Dataset::wrap(inner)),
            Err(e) => Err(error::validation(&e.findings)),
        }
    }
}

#[wasm_bindgen]
impl Dataset {
    /// Reads and validates a document from JSON text.
    ///
    /// Throws a `ParseError` (with `line` and `column`) when the text cannot
    /// be read, and a `ValidationError` (with every finding) when validation
    /// finds an error, or in strict mode a warning.
    ///
    /// `options.limits` raises (or lowers) the limits a document is read
    /// within — by default at most 256 MiB, 2,000,000 records, strings of
    /// 1 MiB and nesting 64 deep (which can only be lowered). Raise them on
    /// purpose only, for documents you trust: reading takes about three to
    /// four times the document's size in WebAssembly memory, which never
    /// shrinks. A limit that is not a whole number, or an unknown one, throws
    /// a `JointwatchError` with code `invalid-argument` and its `path`
    /// (`options.limits.maxBytes`).
    ///
    /// ```js
    /// const ds = Dataset.fromJSON(await file.text(), { ignore: ["no-source"] });
    /// const big = Dataset.fromJSON(text, { limits: { maxBytes: 1024 * 1024 * 1024 } });
    /// ```
    #[wasm_bindgen(js_name = fromJSON)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LoadOptions")] options: Option<JsValue>,
    ) -> Result<Dataset, JsValue> {
        let text = boundary::text(&text, "text")?;
        Dataset::load(Document::Text(text), &options.unwrap_or_default())
    }

    /// Reads and validates a document given as a plain object (for example
    /// the result of `JSON.parse`, or of `toJSON()` on another dataset).
    ///
    /// Throws like `fromJSON`, and takes the same options (`limits`
    /// included); parse errors carry a `path` but no line.
    ///
    /// ```js
    /// const ds = Dataset.fromObject({ formatVersion: "1.0", exercises: [] });
    /// ```
    #[wasm_bindgen(js_name = fromObject)]
    pub fn from_object(
        #[wasm_bindgen(unchecked_param_type = "DatasetDocument")] document: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LoadOptions")] options: Option<JsValue>,
    ) -> Result<Dataset, JsValue> {
        let document = match Document::from_js(&document, "document")? {
            Document::Text(_) => {
                return Err(error::invalid_argument(
                    "document",
                    "expected a plain object; use Dataset.fromJSON for text",
                ))
            }
            object => object,
        };
        Dataset::load(document, &options.unwrap_or_default())
    }

    /// Reads a document (JSON text or a plain object) without rejecting it
    /// for validation errors, for tools that show a flawed document with its
    /// findings. Throws a `ParseError` only when it cannot be read.
    ///
    /// ```js
    /// const ds = Dataset.parse(text);
    /// const problems = ds.validate().findings;
    /// ```
    pub fn parse(
        #[wasm_bindgen(unchecked_param_type = "string | DatasetDocument")] input: JsValue,
    ) -> Result<Dataset, JsValue> {
        let document = Document::from_js(&input, "input")?;
        let inner = document.parse().map_err(|e| error::parse(&e))?;
        Ok(Dataset::wrap(inner))
    }

    /// The seed dataset embedded in the package: the facts of the document
    /// that started jointwatch.
    ///
    /// ```js
    /// const seed = Dataset.seed();
    /// ```
    pub fn seed() -> Dataset {
        Dataset::wrap(jointwatch::seed())
    }

    /// Checks the document and returns every finding; never throws for
    /// problems in the document (only for bad options).
    ///
    /// ```js
    /// const { findings } = ds.validate({ strict: true });
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn validate(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let options: ValidateOptions =
            boundary::optional(&options.unwrap_or_default(), "options")?.unwrap_or_default();
        boundary::output(&self.inner.validate_with(&options))
    }

    /// Checks one record (an exercise, a patrol, a statistic, an incident or
    /// an activity) against this dataset: its sources, areas and scenarios
    /// resolve here (its links' targets are not checked: the record is
    /// checked on its own). Paths in the findings are relative to the record.
    ///
    /// ```js
    /// const { findings } = ds.validateRecord("exercise", { id: "x", name: "X", participants: ["CHN", "RUS"], dates: "2025", sources: ["seed"] });
    /// ds.validateRecord("incident", { id: "i", kind: "scramble", by: ["JPN"], against: ["RUS"], dates: "2024-09-23", startTime: "24:00", sources: ["seed"] });
    /// // findings: invalid-time at "startTime"
    /// ```
    #[wasm_bindgen(js_name = validateRecord, unchecked_return_type = "Report")]
    pub fn validate_record(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RecordKind")] kind: JsValue,
        #[wasm_bindgen(
            unchecked_param_type = "Exercise | Patrol | Statistic | Incident | Activity"
        )]
        record: JsValue,
    ) -> Result<JsValue, JsValue> {
        let kind: RecordKind = boundary::input(&kind, "kind")?;
        let record = boundary::record(&record, "record")?;
        boundary::output(&self.inner.validate_record(kind, &record))
    }

    /// Adds the sources, areas, records, scenarios and indicators of another
    /// document (JSON text or a plain object, e.g. `other.toJSON()`) to this
    /// dataset, all or nothing. Sources and areas identical to ones already
    /// held are not added twice.
    ///
    /// The merged document is validated with `options`. Throws a
    /// `ParseError` when the document cannot be read, and a
    /// `ValidationError` listing the new findings when the merge would add
    /// an error (or, in strict mode, a warning) the dataset did not already
    /// have — a duplicate id, a source that does not resolve, … After a
    /// throw the dataset is exactly as it was. Returns how many of each kind
    /// were added.
    ///
    /// ```js
    /// const added = ds.merge(await file.text());
    /// console.log(`${added.exercises} exercises added`);
    /// ```
    #[wasm_bindgen(unchecked_return_type = "MergeSummary")]
    pub fn merge(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | DatasetDocument")] other: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let options: ValidateOptions =
            boundary::optional(&options.unwrap_or_default(), "options")?.unwrap_or_default();
        let other = Document::from_js(&other, "other")?
            .parse()
            .map_err(|e| error::parse(&e))?;
        match self.inner.merge(other, &options) {
            Ok(summary) => {
                self.patrols_by_id.take();
                self.columns.take();
                boundary::output(&summary)
            }
            Err(e) => Err(error::validation(&e.findings)),
        }
    }

    /// The document as a plain object, exactly as it would be written to a
    /// file. `JSON.stringify(dataset)` uses it.
    ///
    /// ```js
    /// const doc = ds.toJSON();
    /// doc.exercises.map((e) => e.name);
    /// ```
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "DatasetDocument")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        boundary::output(&self.inner)
    }

    /// The document as pretty-printed JSON text.
    ///
    /// ```js
    /// const blob = new Blob([ds.toJSONText()], { type: "application/json" });
    /// ```
    #[wasm_bindgen(js_name = toJSONText)]
    pub fn to_json_text(&self) -> String {
        self.inner.to_json()
    }

    /// The title of the collection, if it has one.
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> Option<String> {
        self.inner.title.clone()
    }

    /// The format version of the document (`"2.0"`; a 1.x document is
    /// upgraded to 2.0 when it is read).
    #[wasm_bindgen(getter, js_name = formatVersion)]
    pub fn format_version(&self) -> String {
        self.inner.format_version.clone()
    }

    /// The number of records: exercises, patrols, statistics, incidents and
    /// activities.
    #[wasm_bindgen(getter, js_name = recordCount)]
    pub fn record_count(&self) -> usize {
        self.inner.record_count()
    }

    /// How many sources, areas, exercises, patrols, statistics, incidents,
    /// activities, scenarios and indicators the document holds.
    #[wasm_bindgen(getter, unchecked_return_type = "DatasetCounts")]
    pub fn counts(&self) -> Result<JsValue, JsValue> {
        boundary::output(&self.inner.counts())
    }

    /// The record of any kind with this id, with its kind (the first with
    /// exactly this id, exercises first, as links name records); `undefined`
    /// when the dataset holds none.
    ///
    /// ```js
    /// const found = ds.record("ocean-2024");
    /// if (found?.kind === "exercise") console.log(found.record.name); // "Ocean-2024"
    /// ```
    #[wasm_bindgen(unchecked_return_type = "FoundRecord | undefined")]
    pub fn record(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = boundary::text(&id, "id")?;
        boundary::output_option(self.inner.record(&id).map(FoundRecord::from))
    }
}

/// A record found by id ([`Dataset::record`]): its kind, and the record as
/// written in the document.
#[derive(Serialize, tsify::Tsify)]
#[serde(tag = "kind", content = "record", rename_all = "camelCase")]
enum FoundRecord<'a> {
    /// An exercise.
    Exercise(&'a Exercise),
    /// A patrol.
    Patrol(&'a Patrol),
    /// A reported statistic.
    Statistic(&'a Statistic),
    /// An incident.
    Incident(&'a Incident),
    /// A single-state (or otherwise non-joint-exercise) activity.
    Activity(&'a Activity),
}

impl<'a> From<Record<'a>> for FoundRecord<'a> {
    fn from(record: Record<'a>) -> Self {
        match record {
            Record::Exercise(e) => FoundRecord::Exercise(e),
            Record::Patrol(p) => FoundRecord::Patrol(p),
            Record::Statistic(s) => FoundRecord::Statistic(s),
            Record::Incident(i) => FoundRecord::Incident(i),
            Record::Activity(a) => FoundRecord::Activity(a),
        }
    }
}
