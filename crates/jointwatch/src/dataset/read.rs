//! Reading a document: the one JSON reader every model type goes through,
//! parse and load errors, and the recovery of a failure's path.

use crate::dataset::json_path;
use crate::dataset::limits::{self, Limits};
use crate::dataset::strict::Strict;
use crate::dataset::Dataset;
use crate::diagnostics::{Code, Finding, Severity};
use crate::model::de::untag;

/// The document could not be read. Holds one finding with a parse code,
/// the path where reading stopped, and the line and column.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{finding}")]
pub struct ParseError {
    /// What went wrong and where.
    pub finding: Finding,
}

/// A document was rejected: it could not be read, or validation found
/// errors. Holds every finding (warnings too).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("dataset rejected with {} error(s){}", errors(.findings).count(), first_error(.findings))]
pub struct LoadError {
    /// All findings; at least one has severity error.
    pub findings: Vec<Finding>,
}

impl LoadError {
    /// The code of the first error.
    pub fn code(&self) -> Option<Code> {
        errors(&self.findings).next().map(|f| f.code)
    }
}

/// The findings that are errors.
fn errors(findings: &[Finding]) -> impl Iterator<Item = &Finding> {
    findings.iter().filter(|f| f.severity == Severity::Error)
}

/// `; first: ` and the first error, or nothing when there is none.
fn first_error(findings: &[Finding]) -> String {
    errors(findings)
        .next()
        .map_or_else(String::new, |f| format!("; first: {f}"))
}

impl From<ParseError> for LoadError {
    fn from(e: ParseError) -> Self {
        LoadError {
            findings: vec![e.finding],
        }
    }
}

/// The code of a serde message and the message without its tag; `true`
/// when the code came from a tag (see [`crate::model::de::tagged`]).
fn classify(msg: &str) -> (Code, String, bool) {
    if let Some((code, rest)) = untag(msg) {
        if let Ok(c) = code.parse() {
            return (c, rest.to_string(), true);
        }
    }
    let code = if msg.starts_with("unknown field") {
        Code::UnknownField
    } else if msg.starts_with("missing field") {
        Code::MissingField
    } else if msg.starts_with("duplicate field") {
        Code::DuplicateKey
    } else if msg.starts_with("invalid type") {
        Code::WrongType
    } else if msg.starts_with("unknown variant") {
        Code::UnknownVariant
    } else {
        Code::InvalidValue
    };
    (code, msg.to_string(), false)
}

/// Appends a key to a document path.
fn join_key(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The first name quoted in backticks in a serde message
/// (``duplicate field `name` `` → `name`).
fn quoted_name(msg: &str) -> Option<&str> {
    let (_, rest) = msg.split_once('`')?;
    let (name, _) = rest.split_once('`')?;
    Some(name)
}

/// The finding for `inner`, which happened at `path`, or at `key` of the
/// object at `path` when reading stopped just after a key.
fn finding_from(path: String, key: Option<String>, inner: &serde_json::Error) -> ParseError {
    let mut msg = inner.to_string();
    let suffix = format!(" at line {} column {}", inner.line(), inner.column());
    if let Some(stripped) = msg.strip_suffix(&suffix) {
        msg = stripped.to_string();
    }
    let (code, message, _tagged) = match inner.classify() {
        serde_json::error::Category::Data => classify(&msg),
        // Well-formed JSON whose number no double can hold (`1e400`).
        _ if msg.starts_with("number out of range") => (Code::InvalidValue, msg, false),
        _ => (Code::MalformedJson, msg, false),
    };
    let path = match (code, quoted_name(&message), key) {
        // An unknown field is found as its key is read, a repeated one just
        // after: the finding belongs to the key.
        (Code::UnknownField | Code::DuplicateKey, _, Some(key)) => join_key(&path, &key),
        // A repeated key found once its object is read names it in the message.
        (Code::DuplicateKey, Some(name), None) => join_key(&path, name),
        // A field not allowed for the type a tagged object names is found
        // once the whole object is read (`de::Tagged::allow`), so at the
        // object's path; like any unknown field, the finding names it. (So
        // does a key with no value before the object's end: reading its
        // object's end moved the place past it.)
        (Code::UnknownField, Some(name), None) => join_key(&path, name),
        // Anything else found at a key (an unknown variant written as an
        // object) belongs to the object.
        _ => path,
    };
    ParseError {
        finding: Finding {
            code,
            severity: Severity::Error,
            path,
            message,
            line: (inner.line() > 0).then_some(inner.line()),
            column: (inner.line() > 0).then_some(inner.column()),
        },
    }
}

/// Reads any model type (a [`Filter`](crate::model::record::Filter), a
/// [`Period`](crate::model::period::Period), a list of
/// [`Point`](crate::model::place::Point)s, …) from
/// JSON text exactly as documents are read, turning failures into a finding
/// with a code, a path inside the value, and a line and column.
///
/// Structs are read from objects only (see `dataset::strict`): serde would otherwise
/// take a positional array for any struct. Readers of JSON text for any model
/// type should come here rather than to `serde_json::from_str`, so that
/// values read the same wherever they come from (and, in the WebAssembly
/// build, so that each type's reader is compiled once).
///
/// # Example
/// ```
/// use jointwatch::{parse_json, Code, Period};
/// let p: Period = parse_json(r#"{"type": "quarter", "year": 2024, "quarter": 3}"#).unwrap();
/// assert_eq!(p.to_string(), "2024-Q3");
/// let err = parse_json::<Period>(r#"{"type": "quarter", "year": 2024, "quarter": "3"}"#).unwrap_err();
/// assert_eq!((err.finding.code, err.finding.path.as_str()), (Code::WrongType, "quarter"));
/// assert!(parse_json::<jointwatch::Point>("[135, 40]").is_err());
/// ```
pub fn parse_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    // Only these lines are generic: each type's reader is the plain
    // serde_json one, with nothing tracked while reading. On failure the path
    // is recovered from the error's line and column (`json_path`).
    let mut de = serde_json::Deserializer::from_str(text);
    match T::deserialize(Strict(&mut de)) {
        Ok(value) => match de.end() {
            Ok(()) => Ok(value),
            Err(err) => Err(failure(text, &err)),
        },
        Err(err) => Err(failure(text, &err)),
    }
}

/// The finding for a failure to read `text`, at the path of the place where
/// reading stopped.
#[inline(never)]
fn failure(text: &str, err: &serde_json::Error) -> ParseError {
    let (path, key) = json_path::path_at(text, err.line(), err.column());
    finding_from(path, key, err)
}

impl Dataset {
    /// Reads a document from JSON text without validating it.
    ///
    /// # Example
    /// ```
    /// use jointwatch::{Code, Dataset};
    /// let err = Dataset::from_json(r#"{"formatVersion": "1.0", "exercises": [{"id": 5}]}"#).unwrap_err();
    /// assert_eq!(err.finding.code, Code::WrongType);
    /// assert_eq!(err.finding.path, "exercises[0].id");
    /// assert_eq!(err.finding.line, Some(1));
    /// ```
    pub fn from_json(text: &str) -> Result<Dataset, ParseError> {
        Dataset::from_json_with(text, &Limits::default())
    }

    /// Reads a document within the given [`Limits`] (size, nesting depth,
    /// string length, record count), without validating it.
    pub fn from_json_with(text: &str, limits: &Limits) -> Result<Dataset, ParseError> {
        // A leading byte-order mark is harmless in files saved by spreadsheets and editors.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        limits::scan(text, limits)?;
        let mut ds: Dataset = parse_json(text)?;
        limits::count(&ds, limits)?;
        ds.upgrade();
        Ok(ds)
    }

    /// Reads a document from raw bytes, as read from a file or a network:
    /// text that is not UTF-8 is refused with `invalid-utf8` at the line and
    /// column of the first bad byte.
    ///
    /// # Example
    /// ```
    /// use jointwatch::{Code, Dataset, Limits};
    /// let err = Dataset::from_json_bytes(b"{\"title\": \"caf\xe9\"}", &Limits::default()).unwrap_err();
    /// assert_eq!(err.finding.code, Code::InvalidUtf8);
    /// assert_eq!((err.finding.line, err.finding.column), (Some(1), Some(15)));
    /// ```
    pub fn from_json_bytes(bytes: &[u8], limits: &Limits) -> Result<Dataset, ParseError> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Dataset::from_json_with(text, limits),
            Err(e) => {
                let good = &bytes[..e.valid_up_to()];
                let line = good.iter().filter(|b| **b == b'\n').count() + 1;
                let start = good.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
                let column = String::from_utf8_lossy(&good[start..]).chars().count() + 1;
                Err(ParseError {
                    finding: Finding {
                        code: Code::InvalidUtf8,
                        severity: Severity::Error,
                        path: String::new(),
                        message: format!(
                            "the text is not UTF-8: byte {} of the document cannot be decoded",
                            e.valid_up_to() + 1
                        ),
                        line: Some(line),
                        column: Some(column),
                    },
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The code, path, line and column of the parse error for `text`.
    fn error(text: &str) -> (Code, String, Option<usize>, Option<usize>) {
        let f = Dataset::from_json(text)
            .expect_err("should not parse")
            .finding;
        (f.code, f.path, f.line, f.column)
    }

    fn code_and_path(text: &str) -> (Code, String) {
        let (code, path, ..) = error(text);
        (code, path)
    }

    /// A document with one exercise whose body ends with `extra`.
    fn exercise(extra: &str) -> String {
        format!(
            r#"{{"formatVersion": "1.0", "exercises": [{{"id": "e", "name": "E", "participants": ["CHN", "RUS"], "dates": "2024"{extra}}}]}}"#
        )
    }

    #[test]
    fn error_messages_are_the_findings() {
        let parse = Dataset::from_json(r#"{"formatVersion": 1}"#).unwrap_err();
        assert_eq!(parse.to_string(), parse.finding.to_string());
        let mut load = LoadError::from(parse.clone());
        assert_eq!(
            load.to_string(),
            format!("dataset rejected with 1 error(s); first: {}", parse.finding)
        );
        load.findings[0].severity = Severity::Warning;
        assert_eq!(load.to_string(), "dataset rejected with 0 error(s)");
        assert_eq!(load.code(), None);
    }

    #[test]
    fn nested_structs_given_as_arrays_are_wrong_types() {
        let cases = [
            (exercise(r#", "forces": [null, 400]"#), "exercises[0].forces"),
            (
                exercise(r#", "forces": {"equipment": [["H-6K", 2]]}"#),
                "exercises[0].forces.equipment[0]",
            ),
            (
                exercise(r#", "claims": [["firstEver", "text"]]"#),
                "exercises[0].claims[0]",
            ),
            (
                r#"{"formatVersion": "1.0", "patrols": [{"id": "p", "kind": "jointAirPatrol",
                    "participants": ["CHN", "RUS"], "route": [[120.0, 30.0]]}]}"#
                    .to_string(),
                "patrols[0].route[0]",
            ),
            (
                r#"{"formatVersion": "1.0", "patrols": [{"id": "p", "kind": "jointAirPatrol",
                    "participants": ["CHN", "RUS"], "platforms": [{"model": "H-6K"}, ["Tu-95MS"]]}]}"#
                    .to_string(),
                "patrols[0].platforms[1]",
            ),
            (
                r#"{"formatVersion": "1.0", "scenarios": [{"id": "s", "name": "S", "description": "D"}],
                    "indicators": [{"id": "i", "name": "I", "metric": {"type": "observed"},
                    "rule": ["atLeast", 1], "bearsOn": []}]}"#
                    .to_string(),
                "indicators[0].rule",
            ),
            (
                r#"{"formatVersion": "1.0", "scenarios": [{"id": "s", "name": "S", "description": "D"}],
                    "indicators": [{"id": "i", "name": "I", "metric": {"type": "count", "filter": [["exercise"]]},
                    "rule": {"direction": "atLeast", "threshold": 1}, "bearsOn": []}]}"#
                    .to_string(),
                "indicators[0].metric.filter",
            ),
        ];
        for (text, path) in cases {
            assert_eq!(
                code_and_path(&text),
                (Code::WrongType, path.to_string()),
                "{text}"
            );
        }
    }

    #[test]
    fn arrays_are_refused_for_hand_written_object_forms() {
        // Quantity, Participant and DateRange read their object forms through
        // `MapAccessDeserializer`; their array forms are refused, as before.
        for (extra, path) in [
            (
                r#", "forces": {"ships": [4, 10]}"#,
                "exercises[0].forces.ships",
            ),
            (
                r#", "forces": {"ships": {"min": [4], "max": 10}}"#,
                "exercises[0].forces.ships.min",
            ),
            (
                r#", "observers": [["IND", "navy"]]"#,
                "exercises[0].observers[0]",
            ),
        ] {
            assert_eq!(
                code_and_path(&exercise(extra)),
                (Code::WrongType, path.to_string()),
                "{extra}"
            );
        }
        let text = exercise("").replace(r#""dates": "2024""#, r#""dates": ["2024", "2025"]"#);
        assert_eq!(
            code_and_path(&text),
            (Code::WrongType, "exercises[0].dates".to_string())
        );
        // The object forms still read, and errors inside them keep their paths.
        let ds = Dataset::from_json(&exercise(
            r#", "forces": {"ships": {"min": 4, "max": 10}}, "observers": [{"country": "IND", "branch": "navy"}]"#,
        ))
        .unwrap();
        assert_eq!(
            ds.exercises[0]
                .forces
                .ships
                .as_ref()
                .and_then(|f| f.first()),
            Some(crate::model::quantity::Quantity::Range {
                min: 4.0,
                max: 10.0
            })
        );
        let text = exercise("").replace(
            r#""dates": "2024""#,
            r#""dates": {"start": "2024", "end": "2024-13"}"#,
        );
        assert_eq!(
            code_and_path(&text),
            (Code::InvalidDate, "exercises[0].dates.end".to_string())
        );
    }

    #[test]
    fn the_quantity_type_error_reads_naturally() {
        let f = Dataset::from_json(&exercise(r#", "forces": {"ships": "many"}"#))
            .unwrap_err()
            .finding;
        assert_eq!(f.code, Code::WrongType);
        assert!(
            f.message
                .starts_with(r#"invalid type: string "many", expected a quantity (a number or one of {"exact": n}"#),
            "{}",
            f.message
        );
        let f = Dataset::from_json(&exercise(r#", "forces": {"ships": {"min": 4}}"#))
            .unwrap_err()
            .finding;
        assert_eq!(f.code, Code::InvalidQuantity);
        assert!(
            f.message.starts_with("a quantity is a number or one of"),
            "{}",
            f.message
        );
    }

    #[test]
    fn a_duplicate_key_is_reported_at_the_key() {
        // In a hand-written object form, and in an internally tagged type.
        assert_eq!(
            error(&exercise(
                r#", "forces": {"ships": {"min": 4, "min": 5, "max": 10}}"#
            )),
            (
                Code::DuplicateKey,
                "exercises[0].forces.ships.min".to_string(),
                Some(1),
                Some(149) // the closing quote of the second `"min"`
            )
        );
        let text = r#"{"formatVersion": "1.0", "statistics": [{"id": "s", "label": "L", "measure": "scrambles",
            "period": {"type": "calendarYear", "year": 2023, "year": 2024}, "quantity": 1}]}"#;
        assert_eq!(
            code_and_path(text),
            (Code::DuplicateKey, "statistics[0].period.year".to_string())
        );
    }

    #[test]
    fn a_key_that_cannot_be_read_belongs_to_its_object() {
        let (code, path, ..) = error(r#"{"formatVersion": "1.0", "titl"#);
        assert_eq!((code, path.as_str()), (Code::MalformedJson, ""));
        let (code, path, ..) = error(&exercise(r#", "forces": {"ships"#));
        assert_eq!(
            (code, path.as_str()),
            (Code::MalformedJson, "exercises[0].forces")
        );
    }

    #[test]
    fn numbers_beyond_a_double_are_invalid_values() {
        for n in ["1e400", "-1e400"] {
            assert_eq!(
                code_and_path(&exercise(&format!(r#", "forces": {{"ships": {n}}}"#))),
                (Code::InvalidValue, "exercises[0].forces.ships".to_string()),
                "{n}"
            );
        }
        // A number that is not JSON stays malformed.
        assert_eq!(
            code_and_path(&exercise(r#", "forces": {"ships": 1e}"#)).0,
            Code::MalformedJson
        );
    }

    /// A statistic whose period object is `period`.
    fn statistic(period: &str) -> String {
        format!(
            r#"{{"formatVersion": "1.0", "statistics": [{{"id": "s", "label": "L", "measure": "scrambles",
            "period": {period}, "quantity": 1}}]}}"#
        )
    }

    #[test]
    fn errors_inside_tagged_types_keep_their_paths() {
        for (period, code, path) in [
            (
                r#"{"type": "month", "year": 2024, "month": "9"}"#,
                Code::WrongType,
                "statistics[0].period.month",
            ),
            (
                r#"{"type": "month", "year": null, "month": 9}"#,
                Code::WrongType,
                "statistics[0].period.year",
            ),
            (
                r#"{"type": "decade", "year": 2020}"#,
                Code::UnknownVariant,
                "statistics[0].period.type",
            ),
            (
                r#"{"type": "month", "year": 2024, "month": 9, "day": 1}"#,
                Code::UnknownField,
                "statistics[0].period.day",
            ),
            (
                r#"{"type": "fiscalYear", "year": 2024, "firstMonth": 4, "namedBy": "midYear"}"#,
                Code::UnknownVariant,
                "statistics[0].period.namedBy",
            ),
            (
                r#"{"year": 2024}"#,
                Code::MissingField,
                "statistics[0].period",
            ),
            // Fields that exist but not for this type, and fields the type needs.
            (
                r#"{"type": "quarter", "year": 2024, "month": 9}"#,
                Code::UnknownField,
                "statistics[0].period.month",
            ),
            (
                r#"{"type": "quarter", "year": 2024}"#,
                Code::MissingField,
                "statistics[0].period",
            ),
            (r#"[2024]"#, Code::WrongType, "statistics[0].period"),
        ] {
            assert_eq!(
                code_and_path(&statistic(period)),
                (code, path.to_string()),
                "{period}"
            );
        }
        let f = Dataset::from_json(&statistic(
            r#"{"type": "quarter", "year": 2024, "month": 9}"#,
        ))
        .unwrap_err()
        .finding;
        assert_eq!(
            f.message,
            "unknown field `month` when `type` is `quarter`, expected one of `type`, `year`, `quarter`"
        );
        let f = Dataset::from_json(&statistic(r#"{"type": "years", "start": 2014}"#))
            .unwrap_err()
            .finding;
        assert_eq!(f.message, "missing field `end` when `type` is `years`");
    }

    #[test]
    fn metric_fields_are_checked_for_the_metric_type() {
        let doc = |metric: &str| {
            format!(
                r#"{{"formatVersion": "1.0", "scenarios": [{{"id": "s", "name": "S", "description": "D"}}],
                "indicators": [{{"id": "i", "name": "I", "metric": {metric},
                "rule": {{"direction": "atLeast", "threshold": 1}}, "bearsOn": []}}]}}"#
            )
        };
        let ok = Dataset::from_json(&doc(
            r#"{"type": "count", "filter": {"kinds": ["exercise"]}, "windowYears": null}"#,
        ))
        .unwrap();
        assert!(matches!(
            ok.indicators[0].metric,
            crate::model::scenario::Metric::Count {
                window_years: None,
                ..
            }
        ));
        for (metric, code, path) in [
            (
                r#"{"type": "count", "filter": {}, "windowYears": -1}"#,
                Code::InvalidValue,
                "indicators[0].metric.windowYears",
            ),
            (
                r#"{"type": "reported", "measure": "scrambles", "filter": {}}"#,
                Code::UnknownField,
                "indicators[0].metric.filter",
            ),
            (
                r#"{"type": "observed", "windowYears": "3"}"#,
                Code::WrongType,
                "indicators[0].metric.windowYears",
            ),
            (
                r#"{"type": "count"}"#,
                Code::MissingField,
                "indicators[0].metric",
            ),
            (
                r#"{"type": "observed", "measure": "scrambles"}"#,
                Code::UnknownField,
                "indicators[0].metric.measure",
            ),
            (
                r#"{"type": "reported", "measure": "sorties"}"#,
                Code::UnknownVariant,
                "indicators[0].metric.measure",
            ),
        ] {
            assert_eq!(
                code_and_path(&doc(metric)),
                (code, path.to_string()),
                "{metric}"
            );
        }
    }
}
