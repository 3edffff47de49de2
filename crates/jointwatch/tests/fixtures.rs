//! Fixture-driven tests of reading and validating documents.
//!
//! `tests/fixtures/valid/*.json` must load with no finding at all (not even a
//! warning) and survive a write/read round trip. Each
//! `tests/fixtures/invalid/<code>[-N].json` has a sidecar
//! `<name>.expected.json` listing exactly the findings the library yields:
//! `{"findings": [{"code", "path", "severity"[, "line", "column"]}]}`, with
//! line and column for parse errors only.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use jointwatch::{Code, Dataset, Finding, Limits, Severity, ValidateOptions};
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
const CODES_DOC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../docs/validation-codes.md"
);

/// Fixtures whose sidecar records the intended behaviour, which the library
/// does not have yet. The test checks that each still differs from its
/// sidecar, so that a fix is noticed and the entry removed. Line and column
/// in these sidecars are where the fixed library is expected to report.
/// Entries are `(fixture, what is wrong)`; none are open at present.
const KNOWN_BUGS: &[(&str, &str)] = &[];

fn is_known_bug(name: &str) -> bool {
    KNOWN_BUGS.iter().any(|(n, _)| *n == name)
}

/// One finding as the sidecars state it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Expect {
    code: String,
    path: String,
    severity: String,
    line: Option<u64>,
    column: Option<u64>,
}

impl std::fmt::Display for Expect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} at {:?}", self.severity, self.code, self.path)?;
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, " (line {l}, column {c})")?;
        }
        Ok(())
    }
}

fn severity_text(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn expect_of(f: &Finding) -> Expect {
    Expect {
        code: f.code.as_str().to_string(),
        path: f.path.clone(),
        severity: severity_text(f.severity).to_string(),
        line: f.line.map(|v| v as u64),
        column: f.column.map(|v| v as u64),
    }
}

fn sorted(mut v: Vec<Expect>) -> Vec<Expect> {
    v.sort();
    v
}

/// The fixtures in `tests/fixtures/<dir>`, sorted by name, sidecars left out.
fn fixtures(dir: &str) -> Vec<(String, PathBuf)> {
    let root = Path::new(FIXTURES).join(dir);
    let mut out: Vec<(String, PathBuf)> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", root.display()))
        .map(|entry| entry.unwrap().path())
        .filter_map(|p| {
            let file = p.file_name()?.to_str()?.to_string();
            if file.ends_with(".expected.json") {
                return None;
            }
            let name = file.strip_suffix(".json")?.to_string();
            Some((name, p))
        })
        .collect();
    out.sort();
    out
}

/// The fixture as text; bytes that are not UTF-8 (the `invalid-utf8`
/// fixture) become U+FFFD, as a text editor would show them.
fn read(path: &Path) -> String {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    String::from_utf8_lossy(&bytes).into_owned()
}

/// What reading (within `limits`) and then validating the text yields: the
/// parse error alone, or every validation finding.
fn findings_with(bytes: &[u8], options: &ValidateOptions, limits: &Limits) -> Vec<Finding> {
    match Dataset::from_json_bytes(bytes, limits) {
        Err(e) => vec![e.finding],
        Ok(ds) => ds.validate_with(options).findings,
    }
}

/// The limits a fixture is read with: the defaults, unless its sidecar
/// sets `limits` (so that a size or record limit can be shown with a small file).
fn limits_for(fixture: &Path) -> Limits {
    let path = sidecar_path(fixture);
    let Ok(text) = fs::read_to_string(&path) else {
        return Limits::default();
    };
    let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    match v.get("limits") {
        Some(l) => serde_json::from_value(l.clone())
            .unwrap_or_else(|e| panic!("{}: bad limits: {e}", path.display())),
        None => Limits::default(),
    }
}

/// What a fixture file yields when read with its limits and validated.
fn findings_at(fixture: &Path, options: &ValidateOptions) -> Vec<Finding> {
    let bytes =
        fs::read(fixture).unwrap_or_else(|e| panic!("cannot read {}: {e}", fixture.display()));
    findings_with(&bytes, options, &limits_for(fixture))
}

fn sidecar_path(fixture: &Path) -> PathBuf {
    let name = fixture.file_name().unwrap().to_str().unwrap();
    fixture.with_file_name(name.replace(".json", ".expected.json"))
}

fn read_sidecar(fixture: &Path) -> Vec<Expect> {
    let path = sidecar_path(fixture);
    let v: Value = serde_json::from_str(&read(&path))
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    let obj = v.as_object().expect("sidecar is an object");
    assert!(
        obj.keys().all(|k| k == "findings" || k == "limits"),
        "{}: a sidecar holds only `findings` and optional `limits`",
        path.display()
    );
    v["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("{}: `findings` is not an array", path.display()))
        .iter()
        .map(|f| {
            let o = f.as_object().expect("finding is an object");
            for k in o.keys() {
                assert!(
                    ["code", "path", "severity", "line", "column"].contains(&k.as_str()),
                    "{}: unexpected key {k:?}",
                    path.display()
                );
            }
            let text = |k: &str| {
                f[k].as_str()
                    .unwrap_or_else(|| panic!("{}: `{k}` is not text in {f}", path.display()))
                    .to_string()
            };
            let e = Expect {
                code: text("code"),
                path: text("path"),
                severity: text("severity"),
                line: f.get("line").map(|v| v.as_u64().expect("line is a number")),
                column: f
                    .get("column")
                    .map(|v| v.as_u64().expect("column is a number")),
            };
            assert!(
                e.code.parse::<Code>().is_ok(),
                "{}: {:?} is not a finding code",
                path.display(),
                e.code
            );
            assert!(
                e.severity == "error" || e.severity == "warning",
                "{}: bad severity {:?}",
                path.display(),
                e.severity
            );
            e
        })
        .collect()
}

/// The code a fixture is named for: `end-before-start-2` → `end-before-start`.
fn code_of_name(name: &str) -> Option<Code> {
    name.parse().ok().or_else(|| {
        let (base, n) = name.rsplit_once('-')?;
        n.parse::<u32>().ok()?;
        base.parse().ok()
    })
}

/// Whether a code is raised while reading rather than by validation.
fn is_parse_code(code: Code) -> bool {
    matches!(
        code,
        Code::MalformedJson
            | Code::WrongType
            | Code::UnknownField
            | Code::MissingField
            | Code::DuplicateKey
            | Code::UnknownVariant
            | Code::InvalidDate
            | Code::InvalidCountryCode
            | Code::InvalidQuantity
            | Code::InvalidGrade
            | Code::InvalidValue
            | Code::InvalidUtf8
            | Code::DocumentTooLarge
            | Code::NestingTooDeep
            | Code::StringTooLong
            | Code::TooManyRecords
            | Code::InvalidTime
    )
}

/// Whether a finding with this code carries a line and column: parse
/// findings do, except the two limits judged on the whole document.
fn has_position(code: Code) -> bool {
    is_parse_code(code) && !matches!(code, Code::DocumentTooLarge | Code::TooManyRecords)
}

#[test]
fn valid_fixtures_have_no_findings() {
    let valid = fixtures("valid");
    assert!(valid.len() >= 4, "expected at least 4 valid fixtures");
    let strict = ValidateOptions {
        strict: true,
        ..Default::default()
    };
    for (name, path) in &valid {
        let text = read(path);
        let ds = Dataset::from_json(&text)
            .unwrap_or_else(|e| panic!("valid/{name}.json does not parse: {e}"));
        let report = ds.validate();
        assert!(
            report.is_clean(),
            "valid/{name}.json has findings:\n{}",
            report
                .findings
                .iter()
                .map(|f| format!("  {f}"))
                .collect::<Vec<_>>()
                .join("\n")
        );
        assert!(
            ds.validate_with(&strict).is_clean(),
            "valid/{name}.json (strict)"
        );
        let (_, loaded) = Dataset::load(&text, &strict)
            .unwrap_or_else(|e| panic!("valid/{name}.json rejected in strict mode: {e}"));
        assert!(loaded.is_clean());
    }
}

#[test]
fn valid_fixtures_round_trip() {
    for (name, path) in fixtures("valid") {
        let ds = Dataset::from_json(&read(&path)).unwrap();
        let written = ds.to_json();
        let again = Dataset::from_json(&written)
            .unwrap_or_else(|e| panic!("valid/{name}.json: written form does not parse: {e}"));
        assert_eq!(again, ds, "valid/{name}.json does not round-trip");
        assert_eq!(
            again.to_json(),
            written,
            "valid/{name}.json: writing is not stable"
        );
        assert!(
            again.validate().is_clean(),
            "valid/{name}.json: written form has findings"
        );
    }
}

#[test]
fn invalid_fixtures_yield_exactly_their_expected_findings() {
    let invalid = fixtures("invalid");
    assert!(!invalid.is_empty());
    let mut failures = Vec::new();
    let mut still_buggy = BTreeSet::new();
    for (name, path) in &invalid {
        assert!(
            sidecar_path(path).exists(),
            "invalid/{name}.json has no sidecar {name}.expected.json"
        );
        let expected = sorted(read_sidecar(path));
        assert!(
            !expected.is_empty(),
            "invalid/{name}.expected.json lists no finding"
        );
        let actual = sorted(
            findings_at(path, &ValidateOptions::default())
                .iter()
                .map(expect_of)
                .collect(),
        );
        let show = |v: &[Expect]| {
            v.iter()
                .map(|e| format!("    {e}"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let report = format!(
            "invalid/{name}.json\n  expected:\n{}\n  actual:\n{}",
            show(&expected),
            show(&actual)
        );
        match (is_known_bug(name), actual == expected) {
            (false, true) => {}
            (false, false) => failures.push(report),
            (true, false) => {
                eprintln!("known bug, still present: {report}");
                still_buggy.insert(name.clone());
            }
            (true, true) => failures.push(format!(
                "invalid/{name}.json now yields its expected findings: remove it from KNOWN_BUGS"
            )),
        }
    }
    for (name, _) in KNOWN_BUGS {
        assert!(
            invalid.iter().any(|(n, _)| n == name),
            "KNOWN_BUGS names {name}, which is not a fixture"
        );
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn fixtures_are_named_for_the_code_they_trigger() {
    let invalid = fixtures("invalid");
    let names: BTreeSet<&str> = invalid.iter().map(|(n, _)| n.as_str()).collect();
    for (name, path) in &invalid {
        let code = code_of_name(name)
            .unwrap_or_else(|| panic!("invalid/{name}.json is not named `<code>[-N].json`"));
        assert!(
            read_sidecar(path).iter().any(|e| e.code == code.as_str()),
            "invalid/{name}.expected.json does not list {code}"
        );
    }
    // No sidecar without a fixture.
    let dir = Path::new(FIXTURES).join("invalid");
    for entry in fs::read_dir(&dir).unwrap() {
        let file = entry.unwrap().file_name().into_string().unwrap();
        if let Some(name) = file.strip_suffix(".expected.json") {
            assert!(names.contains(name), "{file} has no fixture {name}.json");
        }
    }
    // Valid fixtures have no sidecars.
    for entry in fs::read_dir(Path::new(FIXTURES).join("valid")).unwrap() {
        let file = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            !file.ends_with(".expected.json"),
            "valid/{file}: valid fixtures expect nothing"
        );
    }
}

#[test]
fn every_code_is_triggered_by_an_invalid_fixture() {
    let invalid = fixtures("invalid");
    let mut triggered = BTreeSet::new();
    for (_, path) in &invalid {
        for f in findings_at(path, &ValidateOptions::default()) {
            triggered.insert(f.code);
        }
    }
    let missing: Vec<&str> = Code::ALL
        .iter()
        .filter(|c| !triggered.contains(c))
        .map(|c| c.as_str())
        .collect();
    assert!(missing.is_empty(), "no fixture triggers {missing:?}");
    for code in Code::ALL {
        let path = Path::new(FIXTURES)
            .join("invalid")
            .join(format!("{}.json", code.as_str()));
        assert!(path.exists(), "no fixture invalid/{code}.json");
    }
}

#[test]
fn sidecar_severities_are_the_default_severities() {
    for (name, path) in fixtures("invalid") {
        for e in read_sidecar(&path) {
            let code: Code = e.code.parse().unwrap();
            assert_eq!(
                e.severity,
                severity_text(code.default_severity()),
                "invalid/{name}.expected.json: {}",
                e.code
            );
            let parse = has_position(code);
            assert_eq!(
                e.line.is_some() && e.column.is_some(),
                parse,
                "invalid/{name}.expected.json: {} should {}have line and column",
                e.code,
                if parse { "" } else { "not " }
            );
        }
    }
}

#[test]
fn parse_findings_carry_line_and_column_and_validation_findings_do_not() {
    for (name, path) in fixtures("invalid") {
        for f in findings_at(&path, &ValidateOptions::default()) {
            if has_position(f.code) {
                assert!(
                    f.line.is_some() && f.column.is_some(),
                    "invalid/{name}.json: {f} has no position"
                );
                assert_eq!(f.severity, Severity::Error);
            } else {
                assert!(
                    f.line.is_none() && f.column.is_none(),
                    "invalid/{name}.json: validation finding {f} has a position"
                );
            }
            assert!(
                !f.message.is_empty(),
                "invalid/{name}.json: {f} has no message"
            );
        }
    }
}

#[test]
fn strict_mode_turns_warnings_into_errors() {
    let strict = ValidateOptions {
        strict: true,
        ..Default::default()
    };
    let mut warning_fixtures = 0;
    for (name, path) in fixtures("invalid") {
        let text = read(&path);
        let Ok(ds) = Dataset::from_json(&text) else {
            continue;
        };
        let normal = ds.validate().findings;
        if !normal.iter().any(|f| f.severity == Severity::Warning) {
            continue;
        }
        warning_fixtures += 1;
        let hardened = ds.validate_with(&strict).findings;
        assert_eq!(hardened.len(), normal.len(), "invalid/{name}.json");
        for (n, s) in normal.iter().zip(&hardened) {
            assert_eq!(
                (n.code, &n.path, &n.message),
                (s.code, &s.path, &s.message),
                "invalid/{name}.json"
            );
            assert_eq!(s.severity, Severity::Error, "invalid/{name}.json: {s}");
        }
        // A document with warnings only loads normally and is rejected in strict mode.
        if !normal.iter().any(|f| f.severity == Severity::Error) {
            let (_, report) = Dataset::load(&text, &ValidateOptions::default())
                .unwrap_or_else(|e| panic!("invalid/{name}.json rejected without strict: {e}"));
            assert!(!report.has_errors() && report.warnings().count() > 0);
            let err = Dataset::load(&text, &strict)
                .expect_err(&format!("invalid/{name}.json accepted in strict mode"));
            assert_eq!(err.findings.len(), normal.len());
            assert_eq!(err.code(), Some(normal[0].code));
        }
    }
    let warning_codes = Code::ALL
        .iter()
        .filter(|c| c.default_severity() == Severity::Warning)
        .count();
    assert!(
        warning_fixtures >= warning_codes,
        "only {warning_fixtures} fixtures have warnings"
    );
}

#[test]
fn ignore_drops_a_code() {
    let mut checked = BTreeSet::new();
    for (name, path) in fixtures("invalid") {
        let Ok(ds) = Dataset::from_json(&read(&path)) else {
            continue;
        };
        let all = ds.validate().findings;
        for code in all.iter().map(|f| f.code).collect::<BTreeSet<_>>() {
            let options = ValidateOptions {
                ignore: vec![code],
                ..Default::default()
            };
            let kept = ds.validate_with(&options).findings;
            let want: Vec<&Finding> = all.iter().filter(|f| f.code != code).collect();
            assert_eq!(
                kept.iter().collect::<Vec<_>>(),
                want,
                "invalid/{name}.json ignoring {code}"
            );
            // Ignoring applies in strict mode too.
            let strict = ValidateOptions {
                strict: true,
                ignore: vec![code],
            };
            assert!(
                ds.validate_with(&strict)
                    .findings
                    .iter()
                    .all(|f| f.code != code && f.severity == Severity::Error),
                "invalid/{name}.json strict, ignoring {code}"
            );
            checked.insert(code);
        }
        // Ignoring every code found leaves a clean report, and the document loads.
        let options = ValidateOptions {
            strict: true,
            ignore: all.iter().map(|f| f.code).collect(),
        };
        assert!(ds.validate_with(&options).is_clean(), "invalid/{name}.json");
        assert!(
            Dataset::load(&read(&path), &options).is_ok(),
            "invalid/{name}.json"
        );
    }
    let validation_codes = Code::ALL.iter().filter(|c| !is_parse_code(**c)).count();
    assert_eq!(checked.len(), validation_codes, "checked {checked:?}");
}

/// The rows of the one table in `docs/validation-codes.md` that name a code.
fn doc_rows() -> Vec<Vec<String>> {
    read(Path::new(CODES_DOC))
        .lines()
        .filter(|l| l.trim_start().starts_with("| `"))
        .map(|l| {
            l.trim()
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn every_code_is_documented() {
    let doc = read(Path::new(CODES_DOC));
    let rows = doc_rows();
    for code in Code::ALL {
        assert!(
            doc.contains(&format!("`{}`", code.as_str())),
            "docs/validation-codes.md does not mention {code}"
        );
        let row = rows
            .iter()
            .find(|r| r[0] == format!("`{}`", code.as_str()))
            .unwrap_or_else(|| panic!("docs/validation-codes.md has no table row for {code}"));
        assert_eq!(
            row.len(),
            5,
            "row for {code}: code | severity | meaning | example | fixture"
        );
        assert_eq!(
            row[1],
            severity_text(code.default_severity()),
            "documented severity of {code}"
        );
        assert!(
            row[4].contains(&format!("invalid/{}.json", code.as_str())),
            "row for {code} does not name invalid/{code}.json"
        );
        for cell in &row[4..] {
            for part in cell.split('`').skip(1).step_by(2) {
                if part.ends_with(".json") {
                    assert!(
                        Path::new(FIXTURES).join(part).exists(),
                        "docs name {part}, which does not exist"
                    );
                }
            }
        }
    }
    assert_eq!(
        rows.len(),
        Code::ALL.len(),
        "the table has a row per code and no other"
    );
    for row in &rows {
        let code = row[0].trim_matches('`');
        assert!(
            code.parse::<Code>().is_ok(),
            "docs list unknown code {code}"
        );
    }
}

#[test]
fn malformed_json_gives_code_path_and_position() {
    let text = "{\n  \"formatVersion\": \"1.0\",\n  \"sources\": [\n    {\"id\": \"s\", \"title\": \"A\", \"reliability\": \"B\", \"credibility\": 2},\n  ]\n}\n";
    let f = Dataset::from_json(text).unwrap_err().finding;
    assert_eq!(f.code, Code::MalformedJson);
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.path, "sources");
    assert_eq!((f.line, f.column), (Some(5), Some(3)));
    assert!(f.message.contains("trailing comma"), "{}", f.message);
    // Text after the document: the whole document is the place, so no path.
    let f = Dataset::from_json("{\"formatVersion\": \"1.0\"} x")
        .unwrap_err()
        .finding;
    assert_eq!(f.code, Code::MalformedJson);
    assert_eq!(f.path, "");
    assert_eq!((f.line, f.column), (Some(1), Some(26)));
    // Empty input.
    let f = Dataset::from_json("").unwrap_err().finding;
    assert_eq!(f.code, Code::MalformedJson);
    assert_eq!(f.line, Some(1));
}

#[test]
fn wrong_type_gives_code_path_and_position() {
    let text = "{\"formatVersion\": \"1.0\",\n \"patrols\": [{\"id\": \"p\", \"kind\": \"jointAirPatrol\",\n  \"participants\": \"CHN\"}]}";
    let f = Dataset::from_json(text).unwrap_err().finding;
    assert_eq!(f.code, Code::WrongType);
    assert_eq!(f.path, "patrols[0].participants");
    assert_eq!((f.line, f.column), (Some(3), Some(23)));
    assert!(f.message.contains("invalid type"), "{}", f.message);
}

#[test]
fn unknown_field_gives_code_path_and_position() {
    let text = "{\"formatVersion\": \"1.0\",\n \"scenarios\": [{\"id\": \"s\", \"name\": \"S\", \"description\": \"D\",\n   \"probability\": 0.3}]}";
    let f = Dataset::from_json(text).unwrap_err().finding;
    assert_eq!(f.code, Code::UnknownField);
    assert_eq!(f.path, "scenarios[0].probability");
    assert_eq!((f.line, f.column), (Some(3), Some(16)));
    assert!(f.message.contains("`probability`"), "{}", f.message);
}

#[test]
fn invalid_date_gives_code_path_and_position() {
    let text = "{\"formatVersion\": \"1.0\",\n \"exercises\": [{\"id\": \"e\", \"name\": \"E\", \"participants\": [\"CHN\", \"RUS\"],\n   \"dates\": {\"start\": \"2024-09-31\", \"end\": \"2024-10-02\"}}]}";
    let f = Dataset::from_json(text).unwrap_err().finding;
    assert_eq!(f.code, Code::InvalidDate);
    assert_eq!(f.path, "exercises[0].dates.start");
    assert_eq!((f.line, f.column), (Some(3), Some(34)));
    assert!(f.message.contains("2024-09-31"), "{}", f.message);
    // The message carries no code tag and no duplicated position.
    assert!(!f.message.starts_with('['), "{}", f.message);
    assert!(!f.message.contains(" at line "), "{}", f.message);
}
