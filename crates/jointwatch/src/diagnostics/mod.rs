//! The diagnostics vocabulary: severities, finding codes, findings, reports
//! and validation options.
//!
//! It sits below every other module so that reading, validation, merging
//! and the bindings can all speak it. The codes are listed in
//! `docs/validation-codes.md`. Codes never change meaning; new checks get
//! new codes.

mod call;
pub use call::{CallCode, CallError, UnknownCallCode};

use std::fmt;

use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// The data is wrong.
    Error,
    /// The data is suspicious or incomplete.
    Warning,
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal, $sev:ident; )*) => {
        /// A stable finding code. Its text form (`end-before-start`) is what
        /// users see and match on.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        /// The TypeScript union of every code's text form.
        #[cfg(feature = "ts")]
        #[allow(dead_code)] // read only by wasm-bindgen's TypeScript section
        pub(crate) const TS_CODE_UNION: &str = concat!(
            "/** A stable finding code; see docs/validation-codes.md. */\nexport type Code =",
            $( "\n  | \"", $text, "\"", )*
            ";\n"
        );

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The stable text form.
            pub fn as_str(&self) -> &'static str {
                match self { $( Code::$variant => $text, )* }
            }

            /// The severity a finding with this code has outside strict mode.
            pub fn default_severity(&self) -> Severity {
                match self { $( Code::$variant => Severity::$sev, )* }
            }
        }

        /// The code with this text form.
        ///
        /// ```
        /// use jointwatch::diagnostics::Code;
        /// assert_eq!("end-before-start".parse(), Ok(Code::EndBeforeStart));
        /// let err = "end-before-begin".parse::<Code>().unwrap_err();
        /// assert_eq!(err.to_string(), r#"unknown finding code "end-before-begin""#);
        /// ```
        impl std::str::FromStr for Code {
            type Err = UnknownCode;
            fn from_str(s: &str) -> Result<Code, UnknownCode> {
                match s { $( $text => Ok(Code::$variant), )* _ => Err(UnknownCode(s.to_string())) }
            }
        }
    };
}

codes! {
    /// The text is not well-formed JSON (or has trailing characters).
    MalformedJson = "malformed-json", Error;
    /// The bytes are not UTF-8 text (read with `Dataset::from_json_bytes`).
    InvalidUtf8 = "invalid-utf8", Error;
    /// A value has the wrong JSON type (a number where text is expected, …).
    WrongType = "wrong-type", Error;
    /// An object has a field the format does not define.
    UnknownField = "unknown-field", Error;
    /// A required field is missing.
    MissingField = "missing-field", Error;
    /// An object has the same key twice.
    DuplicateKey = "duplicate-key", Error;
    /// A value is not one of the allowed words (a domain, a role, …).
    UnknownVariant = "unknown-variant", Error;
    /// A date is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or no such day exists.
    InvalidDate = "invalid-date", Error;
    /// A country code is not three capital letters.
    InvalidCountryCode = "invalid-country-code", Error;
    /// A quantity object mixes or lacks forms.
    InvalidQuantity = "invalid-quantity", Error;
    /// A credibility grade is not 1–6.
    InvalidGrade = "invalid-grade", Error;
    /// The document is larger than the size limit (see `Limits`).
    DocumentTooLarge = "document-too-large", Error;
    /// Arrays and objects nest deeper than the limit.
    NestingTooDeep = "nesting-too-deep", Error;
    /// A string is longer than the limit.
    StringTooLong = "string-too-long", Error;
    /// The document holds more records than the limit.
    TooManyRecords = "too-many-records", Error;
    /// Any other value the format cannot hold (a number too large for its field, …).
    InvalidValue = "invalid-value", Error;
    /// The format version is not one this library reads.
    UnsupportedFormatVersion = "unsupported-format-version", Error;
    /// An id is empty or has surrounding white space.
    InvalidId = "invalid-id", Error;
    /// Two items share an id.
    DuplicateId = "duplicate-id", Error;
    /// A record cites a source id that is not defined.
    MissingSource = "missing-source", Error;
    /// An area id is neither built in nor defined in the dataset.
    UnknownArea = "unknown-area", Error;
    /// An indicator or a scenario set names a scenario id that is not defined.
    UnknownScenario = "unknown-scenario", Error;
    /// An indicator group names an indicator id that is not defined.
    UnknownIndicator = "unknown-indicator", Error;
    /// A country code is not an assigned ISO 3166-1 alpha-3 code.
    UnknownCountry = "unknown-country", Error;
    /// A date range ends before it starts.
    EndBeforeStart = "end-before-start", Error;
    /// A joint record names fewer than two states.
    JointSingleParticipant = "joint-single-participant", Error;
    /// A count or size is negative.
    NegativeQuantity = "negative-quantity", Error;
    /// A quantity's bounds are out of order (`min` above `max`) or not finite.
    QuantityOutOfOrder = "quantity-out-of-order", Error;
    /// A latitude is outside −90..90.
    LatitudeOutOfRange = "latitude-out-of-range", Error;
    /// A longitude is outside −180..180.
    LongitudeOutOfRange = "longitude-out-of-range", Error;
    /// The parts of a breakdown add up to more than its total.
    BreakdownExceedsTotal = "breakdown-exceeds-total", Error;
    /// A fiscal year's first month is not 1–12.
    InvalidFiscalStart = "invalid-fiscal-start", Error;
    /// A period is malformed (quarter 5, month 13, a span that ends before it starts, a year out of range).
    InvalidPeriod = "invalid-period", Error;
    /// An indicator's watch level lies beyond its threshold, or a level is not finite.
    ThresholdsOutOfOrder = "thresholds-out-of-order", Error;
    /// A probability is outside 0–1.
    ProbabilityOutOfRange = "probability-out-of-range", Error;
    /// A likelihood ratio is not a finite number above zero.
    InvalidLikelihoodRatio = "invalid-likelihood-ratio", Error;
    /// A coverage entry's scope carries its own dates (the window is `from`–`to`).
    CoverageScopeDated = "coverage-scope-dated", Error;
    /// A scenario set has fewer than two distinct scenarios.
    ScenarioSetTooSmall = "scenario-set-too-small", Error;
    /// A scenario is listed in two scenario sets (or twice in one).
    ScenarioInTwoSets = "scenario-in-two-sets", Error;
    /// The priors of a scenario set's scenarios add up to more than 1.
    SetPriorsExceedOne = "set-priors-exceed-one", Error;
    /// A scenario gives both `horizon` and `horizonYears`.
    TwoHorizons = "two-horizons", Error;
    /// An indicator group has fewer than two distinct indicators.
    IndicatorGroupTooSmall = "indicator-group-too-small", Error;
    /// Two indicators are declared correlated by one group and independent by another.
    ContradictoryGroups = "contradictory-groups", Error;
    /// A time of day is not `HH:MM` or `HH:MM:SS` (UTC, 00:00–23:59:59).
    InvalidTime = "invalid-time", Error;
    /// A figure written as `{"values": []}` holds no value.
    EmptyFigure = "empty-figure", Error;
    /// A link names a record id that is not defined.
    UnknownLinkTarget = "unknown-link-target", Error;
    /// A record links to itself.
    SelfLink = "self-link", Error;
    /// `partOf` links form a cycle (a record is, through its parents, part of itself).
    PartOfCycle = "part-of-cycle", Error;
    /// A `during` or `follows` link contradicts the dates of the two records.
    LinkedDatesDisagree = "linked-dates-disagree", Error;
    /// One numbering authority gives the same number to two patrols of the same kind.
    SequenceClaimedTwice = "sequence-claimed-twice", Error;
    /// One numbering authority gives one patrol two different numbers.
    ConflictingNumbers = "conflicting-numbers", Error;
    /// The states' parts of a force add up to more than its total.
    ForcesPartsExceedTotal = "forces-parts-exceed-total", Error;
    /// Forces are given for a state that does not take part.
    StateForcesNotParticipant = "state-forces-not-participant", Error;
    /// A state's forces carry a `byState` of their own.
    NestedStateForces = "nested-state-forces", Error;
    /// A state's forces are given twice in one `byState`.
    DuplicateStateForces = "duplicate-state-forces", Error;
    /// A leg is dated outside the dates of its patrol or activity.
    LegOutsideDates = "leg-outside-dates", Error;
    /// A leg's `straits` names an area that is not a strait.
    NotAStrait = "not-a-strait", Error;
    /// Rounds fired are given for an incident that is not `warningShots`.
    RoundsWithoutShots = "rounds-without-shots", Error;
    /// A protest names no state it was made to (`against`) and is not linked
    /// (`respondsTo`, `during`) to what it protested.
    ProtestWithoutRecipient = "protest-without-recipient", Error;
    /// A record cites no source.
    NoSource = "no-source", Warning;
    /// A record has no date, so it cannot appear in time series.
    UndatedRecord = "undated-record", Warning;
    /// The same participant is listed twice.
    DuplicateParticipant = "duplicate-participant", Warning;
    /// A state is listed both as participant and as observer.
    ObserverIsParticipant = "observer-is-participant", Warning;
    /// A route has a single point.
    ShortRoute = "short-route", Warning;
    /// A prior of exactly 0 or 1, which no evidence can move.
    ExtremeProbability = "extreme-probability", Warning;
    /// An indicator bears on no scenario, or every ratio is 1: it cannot change any judgement.
    NonDiagnosticIndicator = "non-diagnostic-indicator", Warning;
    /// More events are recorded for a period than a statistic reports for it (or a patrol's sequence number exceeds a reported count).
    CountedExceedsReported = "counted-exceeds-reported", Warning;
    /// A coverage entry's description is empty, so the claim cannot be read or checked.
    EmptyCoverageDescription = "empty-coverage-description", Warning;
    /// Statistics for the same measure, subjects and period give figures that disagree.
    ConflictingFigures = "conflicting-figures", Warning;
    /// An incident names no state that acted (`by`).
    IncidentWithoutActor = "incident-without-actor", Warning;
    /// A time of day is given for a record not dated to the day.
    TimeWithoutDay = "time-without-day", Warning;
    /// Two records look like the same event (same kind, overlapping dates, same states and
    /// areas) and are not linked `sameEvent`.
    LikelyDuplicate = "likely-duplicate", Warning;
}

/// Text that is not a finding code (the error of `str::parse::<Code>`); its
/// message is stable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown finding code {0:?}")]
pub struct UnknownCode(pub String);

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// One problem found in a document.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// Where in the document (`exercises[3].forces.ships`); empty for the whole document.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
    /// Line in the JSON text (parse errors only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Column in the JSON text (parse errors only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.severity, self.code)?;
        if !self.path.is_empty() {
            write!(f, " at {}", self.path)?;
        }
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, " (line {l}, column {c})")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for Finding {}

/// How to validate.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ValidateOptions {
    /// Treat every warning as an error.
    #[serde(default)]
    pub strict: bool,
    /// Codes to leave out of the report.
    #[serde(default)]
    pub ignore: Vec<Code>,
}

/// Everything validation found, in document order.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The findings.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// Whether there are no findings at all.
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty()
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
    }

    /// The distinct codes found, sorted.
    pub fn codes(&self) -> Vec<Code> {
        let mut v: Vec<Code> = self.findings.iter().map(|f| f.code).collect();
        v.sort();
        v.dedup();
        v
    }
}

/// A count line, then one finding per line:
///
/// ```
/// use jointwatch::Dataset;
/// let ds = Dataset::from_json(r#"{"formatVersion": "1.0", "exercises": [{"id": "e", "name": "E",
///     "participants": ["CHN", "RUS"], "dates": {"start": "2024-07", "end": "2024-06"}}]}"#).unwrap();
/// assert_eq!(
///     ds.validate().to_string(),
///     "1 error(s), 1 warning(s)
/// error[end-before-start] at exercises[0].dates: ends (2024-06) before it starts (2024-07)
/// warning[no-source] at exercises[0].sources: cites no source; every figure should be traceable"
/// );
/// ```
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.errors().count();
        let warnings = self.findings.len() - errors;
        write!(f, "{errors} error(s), {warnings} warning(s)")?;
        self.findings.iter().try_for_each(|x| write!(f, "\n{x}"))
    }
}
