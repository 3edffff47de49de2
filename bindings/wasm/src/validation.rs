//! One-off validation: a whole document, or one record.

use jointwatch::{Code, RecordKind, Report, Severity, ValidateOptions};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::boundary::{self, Document};

/// Checks a document given as JSON text or a plain object and returns
/// every finding. A document that cannot be read yields a report with its
/// one parse finding (with `line` and `column` for text); only bad
/// arguments throw.
///
/// ```js
/// const { findings } = validate(text, { ignore: ["undated-record"] });
/// for (const f of findings) console.log(f.severity, f.code, f.path, f.message);
/// ```
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "string | DatasetDocument")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options: ValidateOptions =
        boundary::optional(&options.unwrap_or_default(), "options")?.unwrap_or_default();
    let document = Document::from_js(&input, "input")?;
    let report = match document.parse() {
        Ok(ds) => ds.validate_with(&options),
        Err(e) => Report {
            findings: vec![e.finding],
        },
    };
    boundary::output(&report)
}

/// Checks one record on its own: an exercise, a patrol, a statistic, an
/// incident or an activity. References to sources, areas, scenarios and
/// other records are not checked (there is no dataset to resolve them in;
/// `Dataset.prototype.validateRecord` does that). Paths in the findings are
/// relative to the record.
///
/// ```js
/// const { findings } = validateRecord("patrol", { id: "p", kind: "jointAirPatrol", participants: ["CHN"], sources: [] });
/// // findings: joint-single-participant (error), no-source and undated-record (warnings)
/// validateRecord("activity", { id: "a", kind: "flight", participants: ["RUS"], dates: "2024-09-23", sources: [] });
/// ```
#[wasm_bindgen(js_name = validateRecord, unchecked_return_type = "Report")]
pub fn validate_record(
    #[wasm_bindgen(unchecked_param_type = "RecordKind")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Exercise | Patrol | Statistic | Incident | Activity")]
    record: JsValue,
) -> Result<JsValue, JsValue> {
    let kind: RecordKind = boundary::input(&kind, "kind")?;
    let record = boundary::record(&record, "record")?;
    boundary::output(&jointwatch::validate::validate_record(kind, &record, None))
}

/// A finding code with the severity it has outside strict mode.
#[derive(Serialize, tsify::Tsify)]
struct CodeInfo {
    code: Code,
    severity: Severity,
}

/// Every finding code, in documentation order, with its default severity:
/// for building filters and "ignore" lists in a user interface.
///
/// ```js
/// const warnings = findingCodes().filter((c) => c.severity === "warning").map((c) => c.code);
/// ```
#[wasm_bindgen(js_name = findingCodes, unchecked_return_type = "CodeInfo[]")]
pub fn finding_codes() -> Result<JsValue, JsValue> {
    let all: Vec<CodeInfo> = Code::ALL
        .iter()
        .map(|&code| CodeInfo {
            code,
            severity: code.default_severity(),
        })
        .collect();
    boundary::output(&all)
}
