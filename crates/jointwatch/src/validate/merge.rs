//! Adding records to a dataset atomically: the change applies whole, or the
//! dataset is left exactly as it was.

use std::collections::HashSet;

use crate::dataset::read::LoadError;
use crate::dataset::{Dataset, DatasetCounts};
use crate::diagnostics::{Finding, Report, Severity, ValidateOptions};

fn key(f: &Finding) -> (crate::diagnostics::Code, String, String) {
    (f.code, f.path.clone(), f.message.clone())
}

impl Dataset {
    /// Adds the sources, areas, records, scenarios and indicators of `other`
    /// to this dataset, all or nothing, with its scenario sets, indicator
    /// groups and coverage entries (which the returned counts leave out).
    ///
    /// A source or area in `other` identical to one already held (same id,
    /// same content) is not added twice. The merged document is validated
    /// with `options`; if it has any error (or, in strict mode, warning) that
    /// this dataset did not already have, nothing changes and every new
    /// finding is returned. On success it returns how many of each kind were
    /// added.
    ///
    /// # Example
    /// ```
    /// use jointwatch::{Code, Dataset};
    /// let mut ds = jointwatch::seed();
    /// let before = ds.clone();
    /// // A patrol citing a source that does not exist: rejected whole.
    /// let bad = Dataset::from_json(r#"{"formatVersion": "1.0", "patrols": [
    ///   {"id": "p-10", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2024-11-29", "sources": ["nowhere"]}
    /// ]}"#).unwrap();
    /// let err = ds.merge(bad, &Default::default()).unwrap_err();
    /// assert_eq!(err.code(), Some(Code::MissingSource));
    /// assert_eq!(ds, before);
    /// // The same patrol citing the seed's source is added.
    /// let good = Dataset::from_json(r#"{"formatVersion": "1.0", "patrols": [
    ///   {"id": "p-10", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2024-11-29", "sources": ["seed"]}
    /// ]}"#).unwrap();
    /// assert_eq!(ds.merge(good, &Default::default()).unwrap().patrols, 1);
    /// assert_eq!(ds.patrols.len(), 2);
    /// ```
    pub fn merge(
        &mut self,
        other: Dataset,
        options: &ValidateOptions,
    ) -> Result<DatasetCounts, LoadError> {
        self.merge_report(other, options).map(|(counts, _)| counts)
    }

    /// [`Dataset::merge`], also returning the warnings the merge brings that
    /// this dataset did not already have: a merged record that looks like
    /// one already held (`likely-duplicate`, naming both ids; records linked
    /// `sameEvent` are not reported), an undated record, ….
    ///
    /// # Example
    /// ```
    /// use jointwatch::{Code, Dataset};
    /// let patrol = |id: &str| format!(r#"{{"formatVersion": "2.0", "patrols": [{{"id": "{id}",
    ///   "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2024-11-29",
    ///   "areas": ["sea-of-japan"], "sources": ["seed"]}}]}}"#);
    /// let mut ds = jointwatch::seed();
    /// ds.merge_json(&patrol("held"), &Default::default()).unwrap();
    /// let again = Dataset::from_json(&patrol("again")).unwrap();
    /// let (counts, warnings) = ds.merge_report(again, &Default::default()).unwrap();
    /// assert_eq!(counts.patrols, 1);
    /// assert_eq!(warnings.codes(), [Code::LikelyDuplicate]);
    /// let message = &warnings.findings[0].message;
    /// assert!(message.contains("\"again\"") && message.contains("\"held\""));
    /// ```
    pub fn merge_report(
        &mut self,
        other: Dataset,
        options: &ValidateOptions,
    ) -> Result<(DatasetCounts, Report), LoadError> {
        let mut merged = self.clone();
        let mut summary = DatasetCounts::default();
        for s in other.sources {
            if !merged.sources.contains(&s) {
                merged.sources.push(s);
                summary.sources += 1;
            }
        }
        for a in other.areas {
            if !merged.areas.contains(&a) {
                merged.areas.push(a);
                summary.areas += 1;
            }
        }
        summary.exercises = other.exercises.len();
        summary.patrols = other.patrols.len();
        summary.statistics = other.statistics.len();
        summary.incidents = other.incidents.len();
        summary.activities = other.activities.len();
        summary.scenarios = other.scenarios.len();
        summary.indicators = other.indicators.len();
        merged.exercises.extend(other.exercises);
        merged.patrols.extend(other.patrols);
        merged.statistics.extend(other.statistics);
        merged.incidents.extend(other.incidents);
        merged.activities.extend(other.activities);
        merged.scenarios.extend(other.scenarios);
        merged.indicators.extend(other.indicators);
        // Declarations about records as a whole travel with them (the
        // summary counts records, not declarations).
        merged.scenario_sets.extend(other.scenario_sets);
        merged.indicator_groups.extend(other.indicator_groups);
        merged.coverage.extend(other.coverage);

        let had: HashSet<_> = self
            .validate_with(options)
            .findings
            .iter()
            .map(key)
            .collect();
        let (new, warnings): (Vec<Finding>, Vec<Finding>) = merged
            .validate_with(options)
            .findings
            .into_iter()
            .filter(|f| !had.contains(&key(f)))
            .partition(|f| f.severity == Severity::Error);
        if new.is_empty() {
            *self = merged;
            Ok((summary, Report { findings: warnings }))
        } else {
            Err(LoadError { findings: new })
        }
    }

    /// Parses `text` and merges it, all or nothing (see [`Dataset::merge`]).
    /// A parse error leaves the dataset unchanged too.
    pub fn merge_json(
        &mut self,
        text: &str,
        options: &ValidateOptions,
    ) -> Result<DatasetCounts, LoadError> {
        let other = Dataset::from_json(text)?;
        self.merge(other, options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;

    fn doc(s: &str) -> Dataset {
        Dataset::from_json(s).unwrap()
    }

    #[test]
    fn scenario_sets_groups_and_coverage_are_merged_and_checked() {
        let mut ds = crate::dataset::seed::seed();
        let before = ds.clone();
        // A second set claiming an end state is refused whole.
        let bad = doc(r#"{"formatVersion": "1.0", "scenarioSets": [
          {"id": "other", "name": "Other", "scenarios": ["sustained-balance-of-power", "potential-conflict"]}]}"#);
        let err = ds.merge(bad, &ValidateOptions::default()).unwrap_err();
        assert_eq!(err.code(), Some(Code::ScenarioInTwoSets));
        assert_eq!(ds, before);
        let good = doc(r#"{"formatVersion": "1.0", "coverage": [
          {"id": "cov", "description": "every exercise the document names", "scope": {"kinds": ["exercise"]},
           "from": "2024", "to": "2024", "sources": ["seed"]}]}"#);
        ds.merge(good, &ValidateOptions::default()).unwrap();
        assert_eq!(ds.coverage.len(), 1);
        assert_eq!(ds.scenario_sets, before.scenario_sets);
    }

    #[test]
    fn a_duplicate_id_rejects_the_whole_batch() {
        let mut ds = crate::dataset::seed::seed();
        let before = ds.clone();
        let batch = doc(r#"{"formatVersion": "1.0", "exercises": [
          {"id": "fine", "name": "Fine", "participants": ["CHN", "RUS"], "dates": "2024", "sources": ["seed"]},
          {"id": "ocean-2024", "name": "Again", "participants": ["CHN", "RUS"], "dates": "2024", "sources": ["seed"]}
        ]}"#);
        let err = ds.merge(batch, &ValidateOptions::default()).unwrap_err();
        assert_eq!(err.findings.len(), 1);
        assert_eq!(err.findings[0].code, Code::DuplicateId);
        assert_eq!(err.findings[0].path, "exercises[3].id");
        assert_eq!(ds, before, "the good record must not be half-applied");
    }

    #[test]
    fn identical_sources_are_not_added_twice_but_conflicting_ones_are_refused() {
        let mut ds = crate::dataset::seed::seed();
        let same = crate::dataset::seed::seed().sources;
        let batch = Dataset {
            sources: same,
            ..Dataset::default()
        };
        assert_eq!(
            ds.merge(batch, &ValidateOptions::default())
                .unwrap()
                .sources,
            0
        );
        let mut other = crate::dataset::seed::seed().sources;
        other[0].title = "A different document".into();
        let before = ds.clone();
        let err = ds
            .merge(
                Dataset {
                    sources: other,
                    ..Dataset::default()
                },
                &ValidateOptions::default(),
            )
            .unwrap_err();
        assert_eq!(err.code(), Some(Code::DuplicateId));
        assert_eq!(ds, before);
    }

    #[test]
    fn strict_mode_refuses_new_warnings_but_not_old_ones() {
        let mut ds = crate::dataset::seed::seed(); // already has one undated-record warning
        let strict = ValidateOptions {
            strict: true,
            ..Default::default()
        };
        let dated = doc(
            r#"{"formatVersion": "1.0", "patrols": [{"id": "p2", "kind": "jointNavalPatrol", "participants": ["CHN", "RUS"], "dates": "2024-08", "sources": ["seed"]}]}"#,
        );
        assert!(ds.merge(dated, &strict).is_ok());
        let undated = doc(
            r#"{"formatVersion": "1.0", "patrols": [{"id": "p3", "kind": "jointNavalPatrol", "participants": ["CHN", "RUS"], "sources": ["seed"]}]}"#,
        );
        let before = ds.clone();
        assert_eq!(
            ds.merge(undated, &strict).unwrap_err().code(),
            Some(Code::UndatedRecord)
        );
        assert_eq!(ds, before);
    }

    #[test]
    fn a_merged_record_like_a_held_one_is_reported_unless_linked_same_event() {
        let base = r#"{"formatVersion": "2.0", "sources": [{"id": "s", "title": "T", "reliability": "B", "credibility": 2}],
          "incidents": [{"id": "held", "kind": "adizEntry", "by": ["CHN", "RUS"], "against": ["KOR"], "dates": "2019-07-23",
            "areas": ["korea-adiz"], "sources": ["s"]}]}"#;
        let mut ds = doc(base);
        let batch = r#"{"formatVersion": "2.0", "incidents": [{"id": "new", "kind": "adizEntry", "by": ["RUS", "CHN"],
            "against": ["KOR"], "dates": "2019-07", "areas": ["korea-adiz"], "sources": ["s"]LINKS}]}"#;
        let (counts, warnings) = ds
            .merge_report(
                doc(&batch.replace("LINKS", "")),
                &ValidateOptions::default(),
            )
            .unwrap();
        assert_eq!(counts.incidents, 1);
        assert_eq!(ds.incidents.len(), 2);
        assert_eq!(warnings.codes(), [Code::LikelyDuplicate]);
        let m = &warnings.findings[0].message;
        assert!(m.contains("\"held\"") && m.contains("\"new\""), "{m}");
        // Strict mode refuses it, and changes nothing.
        let mut strict_ds = doc(base);
        let strict = ValidateOptions {
            strict: true,
            ..Default::default()
        };
        let err = strict_ds
            .merge(doc(&batch.replace("LINKS", "")), &strict)
            .unwrap_err();
        assert_eq!(err.code(), Some(Code::LikelyDuplicate));
        assert_eq!(strict_ds, doc(base));
        // Linked sameEvent: kept, and no warning.
        let linked = batch.replace(
            "LINKS",
            r#", "links": [{"rel": "sameEvent", "to": "held"}]"#,
        );
        let mut ds = doc(base);
        let (_, warnings) = ds.merge_report(doc(&linked), &strict).unwrap();
        assert!(warnings.is_clean(), "{warnings}");
    }

    #[test]
    fn malformed_text_changes_nothing() {
        let mut ds = crate::dataset::seed::seed();
        let before = ds.clone();
        assert_eq!(
            ds.merge_json("{\"formatVersion\": ", &ValidateOptions::default())
                .unwrap_err()
                .code(),
            Some(Code::MalformedJson)
        );
        assert_eq!(ds, before);
    }
}
