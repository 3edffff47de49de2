//! Validation: every finding in a document, each with a stable code, a
//! severity, a path into the document and a plain message.
//!
//! The codes are listed in `docs/validation-codes.md`. Codes never change
//! meaning; new checks get new codes.
//!
//! [`validate`] runs a checker over the document: the checks shared by every
//! collection live in `check`, the checks of each collection (one function
//! per collection) in `collections`, the comparison of counted records with
//! reported statistics in `counted`, statistics that disagree in
//! `conflicts`, and coverage, scenario sets and indicator groups in `sets`.
//! [`validate_record`] checks one record against a dataset's context;
//! `merge` adds documents atomically.

mod check;
mod collections;
mod conflicts;
mod counted;
mod hash;
mod ids;
mod merge;
mod parts;
mod record;
mod relations;
mod sets;

pub use record::validate_record;

use crate::dataset::read::LoadError;
use crate::dataset::Dataset;
use crate::diagnostics::{Report, Severity, ValidateOptions};
use check::Checker;

/// Validates a dataset: every finding, in document order, each with a
/// stable code, a severity (every one an error in strict mode) and a path.
/// [`Dataset::validate`] and [`Dataset::validate_with`] call it.
///
/// # Example
/// ```
/// use jointwatch::validate::validate;
/// use jointwatch::{Code, Severity, ValidateOptions};
/// let seed = jointwatch::seed();
/// let report = validate(&seed, &ValidateOptions::default());
/// assert!(!report.has_errors());
/// let strict = validate(&seed, &ValidateOptions { strict: true, ignore: vec![] });
/// assert!(strict.findings.iter().all(|f| f.severity == Severity::Error));
/// let quiet = ValidateOptions { strict: true, ignore: report.codes() };
/// assert!(validate(&seed, &quiet).is_clean());
/// # let _ = Code::NoSource;
/// ```
pub fn validate(ds: &Dataset, options: &ValidateOptions) -> Report {
    validate_in(ds, None, options)
}

/// Validates a dataset whose links may also name the records of `context`
/// (a record checked on its own against a dataset: [`validate_record`]).
pub(crate) fn validate_in(
    ds: &Dataset,
    context: Option<&Dataset>,
    options: &ValidateOptions,
) -> Report {
    let held = relations::held(ds);
    let ids = ids::IdTable::new(ds, &held, context);
    let mut c = Checker {
        ds,
        findings: Vec::new(),
        counted: Vec::new(),
        sources: ds.sources.iter().map(|s| s.id.as_str()).collect(),
        areas: ds.areas.iter().map(|a| (a.id.as_str(), 1)).collect(),
        scenarios: ds.scenarios.iter().map(|s| s.id.as_str()).collect(),
        ids,
        area_kinds: hash::Map::default(),
        duplicates: Default::default(),
    };
    c.run(&held);
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
        Dataset::from_json(text)?.accept(options)
    }

    /// Validates a document already read, and keeps it unless validation
    /// finds an error (in strict mode every warning is one): the decision
    /// [`Dataset::load`] makes, for a document read some other way.
    ///
    /// # Example
    /// ```
    /// use jointwatch::{Code, Dataset, ValidateOptions};
    /// let undated = r#"{"formatVersion": "1.0", "sources": [{"id": "s", "title": "T", "reliability": "B", "credibility": 2}],
    ///   "patrols": [{"id": "p", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "sources": ["s"]}]}"#;
    /// let ds = Dataset::from_json(undated).unwrap();
    /// let (_, report) = ds.clone().accept(&ValidateOptions::default()).unwrap();
    /// assert_eq!(report.codes(), [Code::UndatedRecord]); // a warning
    /// let strict = ValidateOptions { strict: true, ..Default::default() };
    /// assert_eq!(ds.accept(&strict).unwrap_err().code(), Some(Code::UndatedRecord));
    /// ```
    pub fn accept(self, options: &ValidateOptions) -> Result<(Dataset, Report), LoadError> {
        let report = self.validate_with(options);
        if report.has_errors() {
            Err(LoadError {
                findings: report.findings,
            })
        } else {
            Ok((self, report))
        }
    }

    /// Checks the document with default options and reports every finding.
    ///
    /// # Example
    /// ```
    /// use jointwatch::{Code, Dataset};
    /// let ds = Dataset::from_json(r#"{"formatVersion": "1.0", "patrols": [
    ///   {"id": "p", "kind": "jointAirPatrol", "participants": ["CHN"], "dates": "2024", "sources": []}
    /// ]}"#).unwrap();
    /// let report = ds.validate();
    /// assert!(report.has_errors());
    /// assert_eq!(report.codes(), [Code::JointSingleParticipant, Code::NoSource]);
    /// ```
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
    use crate::diagnostics::Code;

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

    /// Japan counts the joint air patrols near Japan and leaves out the one
    /// near Alaska: its "8th" in November 2024 is China's 9th. A count
    /// reported by a state that numbers the patrols itself is set beside its
    /// own numbering, not beside every patrol held.
    #[test]
    fn a_count_by_a_numbering_authority_is_set_beside_its_own_numbers() {
        let patrol = |id: &str, date: &str, chn: u32, jpn: Option<u32>| {
            let jpn = jpn.map_or(String::new(), |n| {
                format!(r#", {{"number": {n}, "by": "JPN"}}"#)
            });
            format!(
                r#"{{"id": "{id}", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "{date}",
                  "numbering": [{{"number": {chn}, "by": "CHN"}}{jpn}], "sources": ["s"]}}"#
            )
        };
        let doc = |japan_says: u32, last_jpn: u32| {
            format!(
                r#"{{"formatVersion": "2.0", "sources": [{{"id": "s", "title": "t", "reliability": "B", "credibility": 2}}],
                  "patrols": [{}, {}, {}],
                  "statistics": [{{"id": "jp", "label": "joint bomber flights near Japan", "measure": "jointAirPatrols",
                    "reporter": {{"name": "Japan Joint Staff", "country": "JPN"}}, "subjects": ["CHN", "RUS"],
                    "asOf": "2024-11-29", "quantity": {japan_says}, "sources": ["s"]}}]}}"#,
                patrol("a", "2023-12-14", 7, Some(7)),
                patrol("alaska", "2024-07-24", 8, None),
                patrol("b", "2024-11-29", 9, Some(last_jpn)),
            )
        };
        // Japan says 8 and numbers its patrols to 8: no contradiction,
        // though three patrols are held and China's highest number is 9.
        assert!(
            findings(&doc(8, 8)).is_empty(),
            "{:?}",
            findings(&doc(8, 8))
        );
        // Japan's own numbering reaching beyond its count is one.
        assert_eq!(
            findings(&doc(8, 9)),
            [(
                Code::CountedExceedsReported,
                "statistics[0].quantity".to_string()
            )]
        );
    }

    /// Two reports of Japan's FY2023 scrambles: 669 from a B2 source, 700
    /// from a D4 one (issue 13). Before `conflicting-figures`, this document
    /// validated with no finding at all, and the series showed the larger.
    const TWO_SCRAMBLE_FIGURES: &str = r#"{"formatVersion": "1.0",
      "sources": [{"id": "mod-jp", "title": "Joint Staff", "reliability": "B", "credibility": 2},
                  {"id": "blog", "title": "A blog", "reliability": "D", "credibility": 4},
                  {"id": "wire", "title": "A wire", "reliability": "C", "credibility": 1}],
      "statistics": [
        {"id": "a", "label": "l", "measure": "scrambles", "reporter": {"name": "MoD", "country": "JPN"},
         "period": {"type": "fiscalYear", "year": 2023, "firstMonth": 4}, "quantity": 669, "sources": ["mod-jp"]},
        {"id": "b", "label": "l", "measure": "scrambles",
         "period": {"type": "fiscalYear", "year": 2023, "firstMonth": 4}, "quantity": 700, "sources": ["blog", "wire"]}]}"#;

    #[test]
    fn figures_that_disagree_are_no_longer_resolved_silently() {
        let ds = Dataset::from_json(TWO_SCRAMBLE_FIGURES).unwrap();
        // The old validation: nothing but the new code reports anything.
        let old = ValidateOptions {
            ignore: vec![Code::ConflictingFigures],
            ..Default::default()
        };
        assert!(validate(&ds, &old).is_clean());
        // Now: one warning on the later statistic, naming each figure, its
        // statistic and its best grading (C1 beats D4: reliability first).
        let report = ds.validate();
        assert_eq!(report.findings.len(), 1, "{report}");
        let f = &report.findings[0];
        assert_eq!(f.code, Code::ConflictingFigures);
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.path, "statistics[1].quantity");
        assert_eq!(
            f.message,
            "2 statistics give different figures for scrambles in FY2023: 669 (a, B2); 700 (b, C1)"
        );
    }

    #[test]
    fn only_the_same_subject_is_compared() {
        let same = |from: &str, to: &str| {
            findings(&TWO_SCRAMBLE_FIGURES.replacen(from, to, 1))
                .iter()
                .any(|(c, _)| *c == Code::ConflictingFigures)
        };
        assert!(same("", ""));
        // Equal figures agree.
        assert!(!same("700", "669"));
        assert!(!same("\"quantity\": 669", "\"quantity\": {\"exact\": 700}"));
        // Another year, another fiscal start, another rate, other subjects.
        assert!(!same("\"year\": 2023", "\"year\": 2022"));
        assert!(!same("\"firstMonth\": 4", "\"firstMonth\": 1"));
        assert!(!same(
            "\"quantity\": 669",
            "\"rate\": \"perYear\", \"quantity\": 669"
        ));
        assert!(!same(
            "\"label\": \"l\",",
            "\"label\": \"l\", \"subjects\": [\"CHN\"],"
        ));
        // The same fiscal year named by its end year is the same period.
        assert!(same(
            "\"year\": 2023, \"firstMonth\": 4}",
            "\"year\": 2024, \"firstMonth\": 4, \"namedBy\": \"endYear\"}"
        ));
        // Reporters naming different states count different things.
        assert!(!same(
            "\"measure\": \"scrambles\",\n         \"period\"",
            "\"measure\": \"scrambles\", \"reporter\": {\"name\": \"MND\", \"country\": \"KOR\"},\n         \"period\""
        ));
        // For the measure `other`, the label says what is counted.
        let other = TWO_SCRAMBLE_FIGURES.replace("scrambles", "other");
        assert!(findings(&other)
            .iter()
            .any(|(c, _)| *c == Code::ConflictingFigures));
        let other = other.replacen("\"label\": \"l\"", "\"label\": \"port calls\"", 1);
        assert!(!findings(&other)
            .iter()
            .any(|(c, _)| *c == Code::ConflictingFigures));
    }

    #[test]
    fn set_priors_allow_for_decimal_fractions_and_skip_what_is_reported_elsewhere() {
        let doc = |priors: [&str; 3]| {
            format!(
                r#"{{"formatVersion": "1.0", "scenarios": [
                  {{"id": "a", "name": "A", "description": "a", "prior": {}}},
                  {{"id": "b", "name": "B", "description": "b", "prior": {}}},
                  {{"id": "c", "name": "C", "description": "c", "prior": {}}}],
                  "scenarioSets": [{{"id": "s", "name": "S", "scenarios": ["a", "b", "c"]}}]}}"#,
                priors[0], priors[1], priors[2]
            )
        };
        // 0.1 + 0.2 + 0.7 is 1.0000000000000002 in binary floating point.
        assert!(findings(&doc(["0.1", "0.2", "0.7"])).is_empty());
        assert_eq!(
            findings(&doc(["0.1", "0.2", "0.71"])),
            [(
                Code::SetPriorsExceedOne,
                "scenarioSets[0].scenarios".to_string()
            )]
        );
        // A prior of 35 is out of range on its own; it is not summed.
        assert_eq!(
            findings(&doc(["35", "0.2", "0.7"])),
            [(
                Code::ProbabilityOutOfRange,
                "scenarios[0].prior".to_string()
            )]
        );
    }

    #[test]
    fn the_seed_does_not_contradict_itself() {
        assert!(!crate::dataset::seed::seed()
            .validate()
            .codes()
            .contains(&Code::CountedExceedsReported));
    }
}
