//! The shared hostile-input corpus (`tests/hostile/manifest.json`): every
//! case is refused with its stable code, or accepted for the stated reason,
//! and nothing panics. The JavaScript tests read the same manifest.

use jointwatch::{Dataset, Limits};
use serde_json::Value;

const MANIFEST: &str = include_str!("../../../tests/hostile/manifest.json");

fn decode_base64(s: &str) -> Vec<u8> {
    let table = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("bad base64 in the manifest"),
        }
    };
    let clean: Vec<u8> = s.bytes().filter(|c| *c != b'=').collect();
    let mut out = Vec::new();
    for chunk in clean.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= table(*c) << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len() - 1]);
    }
    out
}

/// The bytes of a case, built as the manifest describes.
fn input(case: &Value) -> Vec<u8> {
    if let Some(t) = case["text"].as_str() {
        return t.as_bytes().to_vec();
    }
    if let Some(b) = case["base64"].as_str() {
        return decode_base64(b);
    }
    let g = &case["generate"];
    let mut s = g["prefix"].as_str().unwrap().to_string();
    s.push_str(
        &g["repeat"]
            .as_str()
            .unwrap()
            .repeat(g["times"].as_u64().unwrap() as usize),
    );
    s.push_str(g["suffix"].as_str().unwrap());
    s.into_bytes()
}

#[test]
fn every_hostile_input_gets_its_stable_code_or_is_accepted_for_a_reason() {
    let manifest: Value = serde_json::from_str(MANIFEST).unwrap();
    let cases = manifest["cases"].as_array().unwrap();
    assert!(cases.len() >= 25);
    let mut problems = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        assert!(
            case["why"].as_str().is_some_and(|w| !w.is_empty()),
            "{name}: every case says why"
        );
        let result = Dataset::from_json_bytes(&input(case), &Limits::default());
        match (case["accept"].as_bool().unwrap_or(false), &result) {
            (true, Ok(ds)) => {
                // Accepted documents also validate and write back without trouble.
                let _ = ds.validate();
                Dataset::from_json(&ds.to_json())
                    .unwrap_or_else(|e| panic!("{name}: does not read back: {e}"));
            }
            (true, Err(e)) => {
                problems.push(format!("{name}: should be accepted, got {}", e.finding))
            }
            (false, Ok(_)) => {
                problems.push(format!("{name}: should be refused with {}", case["code"]))
            }
            (false, Err(e)) => {
                if e.finding.code.as_str() != case["code"].as_str().unwrap() {
                    problems.push(format!(
                        "{name}: expected {}, got {}",
                        case["code"], e.finding
                    ));
                }
                if let Some(p) = case["path"].as_str() {
                    if e.finding.path != p {
                        problems.push(format!(
                            "{name}: expected path {p:?}, got {:?}",
                            e.finding.path
                        ));
                    }
                }
                if e.finding.message.is_empty() {
                    problems.push(format!("{name}: empty message"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Format 2.0's checks across records stay near linear: a `partOf` chain of
/// many records (walked without recursion), a cycle through all of them,
/// one number claimed by every patrol, and many records that look alike.
/// Each document is checked within a time no quadratic check could meet.
#[test]
fn checks_across_records_stay_near_linear() {
    use jointwatch::Code;
    use std::time::{Duration, Instant};
    const N: usize = 50_000;
    let source = r#""sources": [{"id": "s", "title": "t", "reliability": "B", "credibility": 2}]"#;
    let patrols = |link: &dyn Fn(usize) -> String| -> String {
        let rows: Vec<String> = (0..N)
            .map(|i| {
                format!(
                    r#"{{"id": "p{i}", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2024",
                    "areas": ["sea-of-japan"], "numbering": [{{"number": 1, "by": "CHN"}}], "links": [{}], "sources": ["s"]}}"#,
                    link(i)
                )
            })
            .collect();
        format!(
            r#"{{"formatVersion": "2.0", {source}, "patrols": [{}]}}"#,
            rows.join(",")
        )
    };
    let count = |text: &str, code: Code| -> (usize, Duration) {
        let ds = Dataset::from_json(text).unwrap();
        let start = Instant::now();
        let report = ds.validate();
        let took = start.elapsed();
        (
            report.findings.iter().filter(|f| f.code == code).count(),
            took,
        )
    };
    let budget = Duration::from_secs(30);
    // A chain p0 → p1 → … → p(N−1): no cycle.
    let chain = patrols(&|i| {
        if i + 1 < N {
            format!(r#"{{"rel": "partOf", "to": "p{}"}}"#, i + 1)
        } else {
            String::new()
        }
    });
    let (cycles, took) = count(&chain, Code::PartOfCycle);
    assert_eq!(cycles, 0);
    assert!(took < budget, "chain took {took:?}");
    // The same chain closed into one cycle: one finding.
    let ring = patrols(&|i| format!(r#"{{"rel": "partOf", "to": "p{}"}}"#, (i + 1) % N));
    let (cycles, took) = count(&ring, Code::PartOfCycle);
    assert_eq!(cycles, 1);
    assert!(took < budget, "ring took {took:?}");
    // Every patrol but the first claims number 1 again, and each looks
    // like the first: one finding each, not one per pair.
    let (claimed, took) = count(&ring, Code::SequenceClaimedTwice);
    assert_eq!(claimed, N - 1);
    assert!(took < budget, "numbers took {took:?}");
    let (alike, _) = count(&ring, Code::LikelyDuplicate);
    assert_eq!(alike, N - 1);
    // All linked sameEvent to the first: no duplicate, no number claimed twice.
    let same = patrols(&|i| {
        if i == 0 {
            String::new()
        } else {
            r#"{"rel": "sameEvent", "to": "p0"}"#.to_string()
        }
    });
    // (Records linked through a third are one event too.)
    let (claimed, took) = count(&same, Code::SequenceClaimedTwice);
    assert_eq!(claimed, 0);
    assert!(took < budget, "sameEvent took {took:?}");
    let (alike, took) = count(&same, Code::LikelyDuplicate);
    assert_eq!(alike, 0);
    assert!(took < budget, "sameEvent took {took:?}");
}
