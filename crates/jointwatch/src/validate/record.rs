//! Checking one record (an exercise, a patrol or a statistic) on its own,
//! or against the sources, areas and scenarios of a dataset: what a form
//! that edits one record shows while it is filled in.

use crate::dataset::{Dataset, DatasetCounts};
use crate::diagnostics::{Code, Finding, Report};
use crate::model::record::RecordKind;

/// Checks one record, given as the JSON text of an object, as the only
/// record of its kind in a document that borrows the sources, areas and
/// scenarios of `context`. Paths in the findings are relative to the record
/// (`dates`, `forces.ships`), and carry no line or column.
///
/// Without a context, references cannot resolve, so `missing-source`,
/// `unknown-area`, `unknown-scenario`, `unknown-link-target` and
/// `linked-dates-disagree` are not reported. With one, links resolve
/// against the context's records (a record with the id of one of them
/// stands in for it: the record being edited). A record that
/// cannot be read yields a report with its one parse finding; text that is
/// more than one JSON object, one with a `wrong-type` finding.
///
/// # Example
/// ```
/// use jointwatch::validate::validate_record;
/// use jointwatch::{Code, RecordKind};
/// let patrol = r#"{"id": "p", "kind": "jointAirPatrol", "participants": ["CHN"], "sources": []}"#;
/// let alone = validate_record(RecordKind::Patrol, patrol, None);
/// assert_eq!(alone.codes(), [Code::JointSingleParticipant, Code::NoSource, Code::UndatedRecord]);
/// let cited = r#"{"id": "x", "name": "X", "participants": ["CHN", "RUS"], "dates": "2025", "sources": ["nowhere"]}"#;
/// let seed = jointwatch::seed();
/// let report = seed.validate_record(RecordKind::Exercise, cited);
/// assert_eq!(report.findings[0].code, Code::MissingSource);
/// assert_eq!(report.findings[0].path, "sources[0]");
/// ```
pub fn validate_record(kind: RecordKind, record: &str, context: Option<&Dataset>) -> Report {
    let list = kind.collection();
    let prefix = format!("{list}[0]");
    let text = format!(r#"{{"formatVersion":"2.0","{list}":[{record}]}}"#);

    let relative = |mut f: Finding| -> Option<Finding> {
        let rest = f.path.strip_prefix(&prefix)?;
        f.path = rest.strip_prefix('.').unwrap_or(rest).to_string();
        f.line = None;
        f.column = None;
        Some(f)
    };
    // The context's sources, areas and scenarios are lent by cloning them
    // into the parsed document, rather than written into its text: writing
    // them would compile a second JSON writer into the `.wasm`.
    let mut ds = match Dataset::from_json(&text) {
        Ok(ds) => ds,
        Err(e) => {
            let finding = relative(e.finding.clone()).unwrap_or(e.finding);
            return Report {
                findings: vec![finding],
            };
        }
    };
    // One record and nothing else: text that reached beyond the record's
    // place in the document (`{…}], "sources": [{…}`) is refused. (Checked
    // on the result rather than by a second reading of the text, which
    // would add a reader to the `.wasm`.)
    let mut alone = DatasetCounts::default();
    match kind {
        RecordKind::Exercise => alone.exercises = 1,
        RecordKind::Patrol => alone.patrols = 1,
        RecordKind::Statistic => alone.statistics = 1,
        RecordKind::Incident => alone.incidents = 1,
        RecordKind::Activity => alone.activities = 1,
    }
    if ds.counts() != alone || ds.title.is_some() || ds.description.is_some() {
        let code = Code::WrongType;
        return Report {
            findings: vec![Finding {
                code,
                severity: code.default_severity(),
                path: String::new(),
                message: "expected one JSON object".into(),
                line: None,
                column: None,
            }],
        };
    }
    if let Some(ctx) = context {
        ds.sources = ctx.sources.clone();
        ds.areas = ctx.areas.clone();
        ds.scenarios = ctx.scenarios.clone();
    }
    // Without a context, links cannot resolve; with one, they resolve
    // against the context's records (borrowed, not copied).
    let unresolvable: &[Code] = if context.is_some() {
        &[]
    } else {
        &[
            Code::MissingSource,
            Code::UnknownArea,
            Code::UnknownScenario,
            Code::UnknownLinkTarget,
            Code::LinkedDatesDisagree,
        ]
    };
    let findings = super::validate_in(&ds, context, &Default::default())
        .findings
        .into_iter()
        .filter(|f| !unresolvable.contains(&f.code))
        .filter_map(relative)
        .collect();
    Report { findings }
}

impl Dataset {
    /// Checks one record against this dataset: its sources, areas and
    /// scenarios resolve here. See [`validate_record`].
    pub fn validate_record(&self, kind: RecordKind, record: &str) -> Report {
        validate_record(kind, record, Some(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Severity;

    #[test]
    fn links_resolve_against_the_context() {
        let ctx = Dataset::from_json(
            r#"{"formatVersion": "2.0", "sources": [{"id": "s", "title": "T", "reliability": "B", "credibility": 2}],
              "patrols": [{"id": "jap-2019-07-23", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"],
                "dates": "2019-07-23", "sources": ["s"]}]}"#,
        )
        .unwrap();
        let incident = |to: &str, date: &str| {
            format!(
                r#"{{"id": "i", "kind": "scramble", "by": ["JPN"], "dates": "{date}",
                  "links": [{{"rel": "during", "to": "{to}"}}], "sources": ["s"]}}"#
            )
        };
        let ok = ctx.validate_record(
            RecordKind::Incident,
            &incident("jap-2019-07-23", "2019-07-23"),
        );
        assert!(ok.is_clean(), "{ok}");
        let missing = ctx.validate_record(RecordKind::Incident, &incident("nowhere", "2019-07-23"));
        assert_eq!(missing.codes(), [Code::UnknownLinkTarget]);
        assert_eq!(missing.findings[0].path, "links[0].to");
        let elsewhere = ctx.validate_record(
            RecordKind::Incident,
            &incident("jap-2019-07-23", "2019-08-23"),
        );
        assert_eq!(elsewhere.codes(), [Code::LinkedDatesDisagree]);
        // Alone, a link cannot resolve and is not reported.
        let alone = validate_record(
            RecordKind::Incident,
            &incident("nowhere", "2019-07-23"),
            None,
        );
        assert!(alone.is_clean(), "{alone}");
    }

    #[test]
    fn text_that_is_not_one_object_cannot_reach_into_the_document() {
        for bad in ["", "1", "[]", "null"] {
            let r = validate_record(RecordKind::Exercise, bad, None);
            assert!(r.has_errors(), "{bad}");
            assert_eq!(r.findings.len(), 1, "{bad}");
        }
        for bad in [
            r#"{"id": "x", "name": "X", "participants": ["CHN", "RUS"]}], "sources": [{"id": "s", "title": "T", "reliability": "B", "credibility": 2}"#,
            r#"{"id": "x", "name": "X", "participants": ["CHN", "RUS"]}, {"id": "y", "name": "Y", "participants": ["CHN", "RUS"]}"#,
            r#"{"id": "x", "name": "X", "participants": ["CHN", "RUS"]}], "title": "T", "patrols": ["#,
        ] {
            let r = validate_record(RecordKind::Exercise, bad, None);
            assert_eq!(r.codes(), [Code::WrongType], "{bad}");
            assert_eq!(r.findings[0].severity, Severity::Error);
        }
    }
}
