//! Scenario assessment: indicators, odds moved by evidence, ICD 203 terms,
//! the ACH matrix, the catalogue of illustrative defaults, and the brief.

use jointwatch::assess::catalogue;
use jointwatch::assess::estimative::Term;
use jointwatch::assess::{self, AssessOptions};
use jointwatch::brief;
use jointwatch::model::date::day_text;
use jointwatch::ValidateOptions;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::boundary;
use crate::dataset::Dataset;

#[wasm_bindgen]
impl Dataset {
    /// Assesses every scenario that has a prior: evaluates the indicators as
    /// of a date (by default the latest the dataset mentions), moves each
    /// scenario's odds by the evidence, and states the result in ICD 203
    /// terms with a confidence, beside an ACH matrix.
    ///
    /// ```js
    /// const a = Dataset.seed().withCatalogue().assess();
    /// a.scenarios.map((s) => [s.name, s.term, s.confidence]);
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Assessment")]
    pub fn assess(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "AssessOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let options: AssessOptions =
            boundary::optional(&options.unwrap_or_default(), "options")?.unwrap_or_default();
        boundary::output(&assess::assess(&self.inner, &options))
    }

    /// A copy of this dataset completed from the built-in catalogue:
    /// scenarios without a prior take the catalogue's illustrative prior, and
    /// the catalogue's indicators are added where their scenarios exist.
    ///
    /// ```js
    /// const full = Dataset.seed().withCatalogue();
    /// ```
    #[wasm_bindgen(js_name = withCatalogue)]
    pub fn with_catalogue(&self) -> Dataset {
        Dataset::wrap(catalogue::with_catalogue(&self.inner))
    }

    /// The built-in catalogue: the scenarios with illustrative priors and
    /// the indicators that bear on them.
    ///
    /// ```js
    /// Dataset.catalogue().counts.scenarios; // 9
    /// ```
    pub fn catalogue() -> Dataset {
        Dataset::wrap(catalogue::builtin())
    }

    /// The latest day the dataset mentions (`YYYY-MM-DD`): the default date
    /// of an assessment; `undefined` for a dataset with no dates.
    #[wasm_bindgen(getter, js_name = latestDate)]
    pub fn latest_date(&self) -> Option<String> {
        assess::latest_date(&self.inner).map(day_text)
    }

    /// Everything at once, as a dashboard or a printed brief shows it:
    /// validation, the standard series with summaries and trends, patrol
    /// cadence, record-setters, claim checks, shares and the assessment.
    ///
    /// ```js
    /// const b = Dataset.seed().withCatalogue().brief();
    /// b.series.map((v) => v.title);
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Brief")]
    pub fn brief(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] validate: Option<
            JsValue,
        >,
        #[wasm_bindgen(unchecked_optional_param_type = "AssessOptions")] assess: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let (v, a) = brief_options(validate, assess)?;
        boundary::output(&brief::brief(&self.inner, &v, &a))
    }
}

fn brief_options(
    validate: Option<JsValue>,
    assess: Option<JsValue>,
) -> Result<(ValidateOptions, AssessOptions), JsValue> {
    let v = boundary::optional(&validate.unwrap_or_default(), "validate")?.unwrap_or_default();
    let a = boundary::optional(&assess.unwrap_or_default(), "assess")?.unwrap_or_default();
    Ok((v, a))
}

/// An ICD 203 expression of likelihood with the band of probabilities (percent) it covers.
#[derive(Serialize, tsify::Tsify)]
struct TermInfo {
    term: Term,
    /// The words as an analyst writes them: "roughly even chance".
    words: &'static str,
    low: u8,
    high: u8,
}

/// The ICD 203 expression of likelihood for a probability (0–1), with the
/// band it covers in percent; `undefined` outside 0–1.
///
/// ```js
/// estimativeTerm(0.62); // { term: "likely", words: "likely", low: 55, high: 80 }
/// ```
#[wasm_bindgen(js_name = estimativeTerm, unchecked_return_type = "TermInfo | undefined")]
pub fn estimative_term(
    #[wasm_bindgen(unchecked_param_type = "number")] probability: JsValue,
) -> Result<JsValue, JsValue> {
    let p = boundary::number(&probability, "probability")?;
    boundary::output_option(Term::of(p).map(|term| {
        let (low, high) = term.band();
        TermInfo {
            term,
            words: term.words(),
            low,
            high,
        }
    }))
}
