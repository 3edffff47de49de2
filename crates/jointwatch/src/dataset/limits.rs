//! Limits on what a document may hold, so that hostile or broken input is
//! refused cleanly (with its own code) instead of exhausting memory or the
//! stack.
//!
//! | limit | default | code |
//! |---|---|---|
//! | document size | 256 MiB | `document-too-large` |
//! | nesting depth of arrays and objects | 64 | `nesting-too-deep` |
//! | length of one string, in bytes as written | 1 MiB | `string-too-long` |
//! | records (exercises + patrols + statistics + incidents + activities + scenarios + indicators) | 2,000,000 | `too-many-records` |
//!
//! Size, depth and string length are checked in one pass over the text
//! before anything is built, so a refused document costs no allocation.
//! Reading a document within the limits takes about three to four times its
//! size in memory at peak (the text plus the parsed records; see
//! `docs/testing.md`).

use serde::{Deserialize, Serialize};

use crate::dataset::read::ParseError;
use crate::dataset::Dataset;
use crate::diagnostics::{Code, Finding, Severity};

/// Limits applied when reading a document. Every field is configurable.
///
/// # Example
/// ```
/// use jointwatch::{Code, Dataset, Limits};
/// let tight = Limits { max_depth: 3, ..Limits::default() };
/// let err = Dataset::from_json_with(r#"{"formatVersion": "1.0", "exercises": [[[[]]]]}"#, &tight).unwrap_err();
/// assert_eq!(err.finding.code, Code::NestingTooDeep);
/// assert_eq!((err.finding.line, err.finding.column), (Some(1), Some(41)));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Limits {
    /// Largest document, in bytes.
    pub max_bytes: usize,
    /// Deepest nesting of arrays and objects.
    pub max_depth: usize,
    /// Longest string, in bytes as written (escapes included).
    pub max_string_bytes: usize,
    /// Most records in one document.
    pub max_records: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 256 * 1024 * 1024,
            max_depth: 64,
            max_string_bytes: 1024 * 1024,
            max_records: 2_000_000,
        }
    }
}

fn at_offset(text: &str, offset: usize, code: Code, message: String) -> ParseError {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    ParseError {
        finding: Finding {
            code,
            severity: Severity::Error,
            path: String::new(),
            message,
            line: Some(line),
            column: Some(column),
        },
    }
}

/// Checks size, nesting depth and string length in one pass over the text
/// (a string's text is skipped a word at a time, to its closing quote).
pub(crate) fn scan(text: &str, limits: &Limits) -> Result<(), ParseError> {
    if text.len() > limits.max_bytes {
        return Err(ParseError {
            finding: Finding {
                code: Code::DocumentTooLarge,
                severity: Severity::Error,
                path: String::new(),
                message: format!(
                    "the document is {} bytes; the limit is {}",
                    text.len(),
                    limits.max_bytes
                ),
                line: None,
                column: None,
            },
        });
    }
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // A string runs to the next quote that no backslash escapes
                // (or to the end of a text cut short). It is too long when
                // more than `max_string_bytes` bytes follow its opening
                // quote before its closing one.
                let start = i;
                let mut at = i + 1;
                let end = loop {
                    match find_quote_or_backslash(bytes, at) {
                        Some(j) if bytes[j] == b'\\' => at = j + 2,
                        Some(j) => break j,
                        None => break bytes.len(),
                    }
                };
                if end - start > limits.max_string_bytes.saturating_add(1) {
                    return Err(at_offset(
                        text,
                        start,
                        Code::StringTooLong,
                        format!(
                            "a string here is longer than {} bytes",
                            limits.max_string_bytes
                        ),
                    ));
                }
                i = end + 1;
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > limits.max_depth {
                    return Err(at_offset(
                        text,
                        i,
                        Code::NestingTooDeep,
                        format!(
                            "arrays and objects nest deeper than {} levels",
                            limits.max_depth
                        ),
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// The position of the first quote or backslash at or after `from`, if any: eight
/// bytes at a time (a string's text is most of a document).
fn find_quote_or_backslash(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    /// The bytes of `word` equal to `b`, as their high bits (exact for the
    /// lowest such byte, which is the one used).
    fn equal(word: u64, b: u8) -> u64 {
        let x = word ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & HIGHS
    }
    let mut i = from;
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        // One load of eight bytes (`copy_from_slice` would be a call in the
        // size-optimised `.wasm`).
        let word = u64::from_le_bytes(*chunk);
        let hits = equal(word, b'"') | equal(word, b'\\');
        if hits != 0 {
            return Some(i + (hits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    let tail = bytes.get(i..)?;
    tail.iter()
        .position(|&b| b == b'"' || b == b'\\')
        .map(|p| i + p)
}

/// Checks the number of records once the document is read.
pub(crate) fn count(ds: &Dataset, limits: &Limits) -> Result<(), ParseError> {
    let lists = [
        ("exercises", ds.exercises.len()),
        ("patrols", ds.patrols.len()),
        ("statistics", ds.statistics.len()),
        ("incidents", ds.incidents.len()),
        ("activities", ds.activities.len()),
        ("scenarios", ds.scenarios.len()),
        ("indicators", ds.indicators.len()),
    ];
    let mut total = 0usize;
    for (name, n) in lists {
        total += n;
        if total > limits.max_records {
            return Err(ParseError {
                finding: Finding {
                    code: Code::TooManyRecords,
                    severity: Severity::Error,
                    path: name.to_string(),
                    message: format!(
                        "the document holds more than {} records",
                        limits.max_records
                    ),
                    line: None,
                    column: None,
                },
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_limit_has_its_own_code() {
        let small = Limits {
            max_bytes: 40,
            ..Limits::default()
        };
        let e = Dataset::from_json_with(
            r#"{"formatVersion": "1.0", "title": "a long enough title"}"#,
            &small,
        )
        .unwrap_err();
        assert_eq!(e.finding.code, Code::DocumentTooLarge);
        let short = Limits {
            max_string_bytes: 16,
            ..Limits::default()
        };
        let e = Dataset::from_json_with(
            "{\"formatVersion\": \"1.0\",\n \"title\": \"abcdefghijklmnopqrst\"}",
            &short,
        )
        .unwrap_err();
        assert_eq!(
            (e.finding.code, e.finding.line, e.finding.column),
            (Code::StringTooLong, Some(2), Some(11))
        );
        let few = Limits {
            max_records: 1,
            ..Limits::default()
        };
        let e = Dataset::from_json_with(&jointwatch_seed(), &few).unwrap_err();
        assert_eq!(
            (e.finding.code, e.finding.path.as_str()),
            (Code::TooManyRecords, "exercises")
        );
    }

    #[test]
    fn incidents_and_activities_count_as_records() {
        let few = Limits {
            max_records: 2,
            ..Limits::default()
        };
        let doc = r#"{"formatVersion": "2.0",
          "patrols": [{"id": "p", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"]}],
          "incidents": [{"id": "i", "kind": "scramble", "by": ["JPN"], "against": []}],
          "activities": [{"id": "a", "kind": "transit", "participants": ["CHN"]}]}"#;
        let e = Dataset::from_json_with(doc, &few).unwrap_err();
        assert_eq!(
            (e.finding.code, e.finding.path.as_str()),
            (Code::TooManyRecords, "activities")
        );
        let enough = Limits {
            max_records: 3,
            ..Limits::default()
        };
        assert!(Dataset::from_json_with(doc, &enough).is_ok());
    }

    fn jointwatch_seed() -> String {
        crate::SEED_JSON.to_string()
    }

    #[test]
    fn brackets_and_escapes_inside_strings_do_not_count() {
        let tight = Limits {
            max_depth: 1,
            max_string_bytes: 16,
            ..Limits::default()
        };
        assert!(Dataset::from_json_with(
            r#"{"formatVersion": "1.0", "title": "[[[{{\"\\"}"#,
            &tight
        )
        .is_ok());
    }

    /// The scan as it was written first, a byte at a time: the word-wise
    /// scan must find the same first problem at the same place.
    fn scan_byte_by_byte(text: &str, limits: &Limits) -> Option<(Code, usize)> {
        let bytes = text.as_bytes();
        let (mut depth, mut in_string, mut escaped, mut start) = (0usize, false, false, 0usize);
        for (i, &b) in bytes.iter().enumerate() {
            if in_string {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                }
                if in_string && i - start > limits.max_string_bytes {
                    return Some((Code::StringTooLong, start));
                }
                continue;
            }
            match b {
                b'"' => {
                    in_string = true;
                    start = i;
                }
                b'[' | b'{' => {
                    depth += 1;
                    if depth > limits.max_depth {
                        return Some((Code::NestingTooDeep, i));
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        None
    }

    proptest::proptest! {
        #[test]
        fn the_scan_finds_what_a_byte_by_byte_scan_finds(
            text in "[\"\\\\\\[\\]{}a é\n]{0,80}",
            max_depth in 0usize..6,
            max_string_bytes in 0usize..24,
        ) {
            let limits = Limits { max_depth, max_string_bytes, ..Limits::default() };
            let expected = scan_byte_by_byte(&text, &limits)
                .map(|(code, offset)| at_offset(&text, offset, code, String::new()).finding);
            let got = scan(&text, &limits).err().map(|e| e.finding);
            proptest::prop_assert_eq!(
                got.map(|f| (f.code, f.line, f.column)),
                expected.map(|f| (f.code, f.line, f.column))
            );
        }
    }

    #[test]
    fn long_strings_and_escapes_across_words() {
        let limits = Limits {
            max_string_bytes: 20,
            ..Limits::default()
        };
        for text in [
            format!(r#"{{"a": "{}"}}"#, "x".repeat(20)),
            format!(r#"{{"a": "{}"}}"#, "x".repeat(21)),
            format!(r#"{{"a": "{}\"{}"}}"#, "x".repeat(7), "y".repeat(12)),
            format!(
                r#"{{"a": "{}\\"}}, "b": "{}"#,
                "x".repeat(7),
                "y".repeat(30)
            ),
            format!(r#"["{}"#, "z".repeat(25)),
            format!(r#"["{}\"#, "z".repeat(15)),
        ] {
            let expected = scan_byte_by_byte(&text, &limits);
            let got = scan(&text, &limits).err().map(|e| e.finding.code);
            assert_eq!(got, expected.map(|(c, _)| c), "{text}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let e = Dataset::from_json(&deep).unwrap_err();
        assert_eq!(e.finding.code, Code::NestingTooDeep);
        assert_eq!(e.finding.column, Some(65));
    }
}
