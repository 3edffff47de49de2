//! Figures with several values: which value is used, by the core's one
//! rule for values that disagree.

use jointwatch::model::figure::Figure;
use wasm_bindgen::prelude::*;

use crate::boundary;
use crate::dataset::Dataset;

#[wasm_bindgen]
impl Dataset {
    /// The value of a figure to use, how it was chosen, and every value when
    /// they disagree. Each value is graded by its own sources, or by
    /// `recordSources` (the sources of the record holding the figure) when it
    /// cites none; agreeing values are no conflict; else the best-graded
    /// value wins, or the span of the best-graded ones when they disagree.
    /// `undefined` for a figure with no value. Throws a `JointwatchError`
    /// with code `invalid-argument` (and the path inside the argument) when
    /// `figure` is not a figure or `recordSources` not a list of ids.
    ///
    /// ```js
    /// const vostok = ds.record("vostok-2018").record;
    /// const r = ds.resolveFigure(vostok.forces.personnel, vostok.sources);
    /// r.value;                                 // the value to use
    /// r.alternatives.map((a) => [a.value, a.stance, a.by, a.reliability]);
    /// ```
    #[wasm_bindgen(js_name = resolveFigure, unchecked_return_type = "ResolvedFigure | undefined")]
    pub fn resolve_figure(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Figure")] figure: JsValue,
        #[wasm_bindgen(js_name = recordSources, unchecked_optional_param_type = "string[]")]
        record_sources: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let figure: Figure = boundary::input(&figure, "figure")?;
        let record_sources: Vec<String> =
            boundary::optional(&record_sources.unwrap_or_default(), "recordSources")?
                .unwrap_or_default();
        boundary::output_option(self.inner.resolve_figure(&figure, &record_sources))
    }
}
