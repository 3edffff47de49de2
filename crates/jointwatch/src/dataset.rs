//! The dataset document: everything in one JSON file, with a format
//! version, unique ids and references that resolve.

use serde::{Deserialize, Serialize};

use crate::de::untag;
use crate::exercise::Exercise;
use crate::patrol::Patrol;
use crate::place::Area;
use crate::scenario::{Indicator, Scenario};
use crate::source::Source;
use crate::statistic::Statistic;
use crate::validate::{self, Code, Finding, Report, Severity, ValidateOptions};

/// The format version this library writes. Documents with the same major
/// version (`1.x`) are read.
pub const FORMAT_VERSION: &str = "1.0";

/// One jointwatch document.
///
/// # Example
/// ```
/// use jointwatch::Dataset;
/// let ds = Dataset::from_json(r#"{"formatVersion": "1.0"}"#).unwrap();
/// assert!(ds.exercises.is_empty());
/// assert!(ds.validate().is_clean());
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Dataset {
    /// Format version of the document (`"1.0"`).
    pub format_version: String,
    /// Title of the collection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What the collection covers and how it was compiled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Sources cited by the records.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Areas defined by this dataset, in addition to the built-in gazetteer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<Area>,
    /// Exercises.
    #[serde(default)]
    pub exercises: Vec<Exercise>,
    /// Joint patrols.
    #[serde(default)]
    pub patrols: Vec<Patrol>,
    /// Reported statistics.
    #[serde(default)]
    pub statistics: Vec<Statistic>,
    /// Scenarios and end states.
    #[serde(default)]
    pub scenarios: Vec<Scenario>,
    /// Indicators bearing on the scenarios.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

impl Default for Dataset {
    fn default() -> Self {
        Dataset {
            format_version: FORMAT_VERSION.to_string(),
            title: None,
            description: None,
            sources: Vec::new(),
            areas: Vec::new(),
            exercises: Vec::new(),
            patrols: Vec::new(),
            statistics: Vec::new(),
            scenarios: Vec::new(),
            indicators: Vec::new(),
        }
    }
}

/// The document could not be read. Holds one finding with a parse code,
/// the path where reading stopped, and the line and column.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    /// What went wrong and where.
    pub finding: Finding,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.finding.fmt(f)
    }
}

impl std::error::Error for ParseError {}

/// A document was rejected: it could not be read, or validation found
/// errors. Holds every finding (warnings too).
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// All findings; at least one has severity error.
    pub findings: Vec<Finding>,
}

impl LoadError {
    /// The code of the first error.
    pub fn code(&self) -> Option<Code> {
        self.findings
            .iter()
            .find(|f| f.severity == Severity::Error)
            .map(|f| f.code)
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let errors = self
            .findings
            .iter()
            .filter(|x| x.severity == Severity::Error);
        let n = errors.clone().count();
        write!(f, "dataset rejected with {n} error(s)")?;
        if let Some(first) = errors.into_iter().next() {
            write!(f, "; first: {first}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

impl From<ParseError> for LoadError {
    fn from(e: ParseError) -> Self {
        LoadError {
            findings: vec![e.finding],
        }
    }
}

fn classify(msg: &str) -> (Code, String) {
    if let Some((code, rest)) = untag(msg) {
        if let Some(c) = Code::from_str(code) {
            return (c, rest.to_string());
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
    (code, msg.to_string())
}

fn finding_from(path: String, inner: &serde_json::Error) -> ParseError {
    let path = if path == "." { String::new() } else { path };
    let mut msg = inner.to_string();
    let suffix = format!(" at line {} column {}", inner.line(), inner.column());
    if let Some(stripped) = msg.strip_suffix(&suffix) {
        msg = stripped.to_string();
    }
    let (code, message) = match inner.classify() {
        serde_json::error::Category::Data => classify(&msg),
        _ => (Code::MalformedJson, msg),
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

/// Reads any model type from JSON text, turning failures into a finding
/// with a code, a path, and a line and column.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de)
        .map_err(|err| finding_from(err.path().to_string(), err.inner()))?;
    de.end().map_err(|e| finding_from(String::new(), &e))?;
    Ok(value)
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
        // A leading byte-order mark is harmless in files saved by spreadsheets and editors.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        parse_json(text)
    }

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
        let ds = Dataset::from_json(text)?;
        let report = ds.validate_with(options);
        if report.has_errors() {
            Err(LoadError {
                findings: report.findings,
            })
        } else {
            Ok((ds, report))
        }
    }

    /// Writes the document as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks the document with default options and reports every finding.
    pub fn validate(&self) -> Report {
        validate::validate(self, &ValidateOptions::default())
    }

    /// Checks the document with the given options.
    pub fn validate_with(&self, options: &ValidateOptions) -> Report {
        validate::validate(self, options)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The number of records (exercises, patrols, statistics).
    pub fn record_count(&self) -> usize {
        self.exercises.len() + self.patrols.len() + self.statistics.len()
    }
}
