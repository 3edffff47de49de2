//! `series_on` (counting from a columnar copy of the dataset) against
//! `series_with` (counting from the records): the same result, as JSON text
//! byte for byte, or the same error, for many queries — every grouping key
//! and pairs of them, count/sum/max, filters of every field — on the seed,
//! the test fixtures, the public record and a generated dataset.

use jointwatch::analysis::series::{series_on, series_with, Columns, SeriesOptions, SeriesQuery};
use jointwatch::Dataset;
use serde_json::{json, Value};

/// The fixtures with events, as JSON text.
fn fixtures() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    [
        "tests/fixtures/valid/format-2.json",
        "tests/fixtures/valid/rich.json",
        "tests/fixtures/valid/dates-mixed-precision.json",
        "tests/fixtures/valid/quantity-forms.json",
        "tests/fixtures/valid/periods.json",
        "crates/jointwatch/tests/data/real-world-2.json",
    ]
    .iter()
    .map(|p| {
        let text =
            std::fs::read_to_string(format!("{root}/{p}")).unwrap_or_else(|e| panic!("{p}: {e}"));
        (p.to_string(), text)
    })
    .collect()
}

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A dataset of `n` events made from the events of the fixtures and the
/// public record: new ids (a few repeated), dates of every precision (some
/// straddling periods, a few missing), other participants, `sameEvent`
/// links between them, with every source, area, statistic and coverage
/// entry of those documents.
fn generated(n: usize) -> Dataset {
    let mut docs: Vec<Value> = fixtures()
        .iter()
        .map(|(_, t)| serde_json::from_str(t).unwrap())
        .collect();
    docs.push(serde_json::from_str(&jointwatch::public_record().to_json()).unwrap());
    docs.push(serde_json::from_str(&jointwatch::seed().to_json()).unwrap());
    let lists = ["exercises", "patrols", "incidents", "activities"];
    let mut out = json!({"formatVersion": "2.0", "sources": [], "areas": [], "statistics": [], "coverage": [
        {"id": "cov-exercises", "description": "d", "scope": {"kinds": ["exercise"]}, "from": "2005", "to": "2015-06", "sources": []},
        {"id": "cov-chn", "description": "d", "scope": {"participantsAny": ["CHN"]}, "from": "2010-04", "to": "2020", "sources": []}
    ]});
    let mut pools: Vec<Vec<Value>> = vec![Vec::new(); lists.len()];
    let mut seen_sources = std::collections::BTreeSet::new();
    for d in &docs {
        for s in d["sources"].as_array().into_iter().flatten() {
            if seen_sources.insert(s["id"].as_str().unwrap().to_string()) {
                out["sources"].as_array_mut().unwrap().push(s.clone());
            }
        }
        for key in ["areas", "statistics", "coverage"] {
            for x in d[key].as_array().into_iter().flatten() {
                out[key].as_array_mut().unwrap().push(x.clone());
            }
        }
        for (pool, list) in pools.iter_mut().zip(lists) {
            pool.extend(d[list].as_array().into_iter().flatten().cloned());
        }
    }
    let states = ["CHN", "RUS", "IRN", "BLR", "KOR", "JPN", "IND", "ZAF"];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut made: Vec<Vec<Value>> = vec![Vec::new(); lists.len()];
    for i in 0..n {
        let k = rng.below(lists.len());
        let pool = &pools[k];
        let mut r = pool[rng.below(pool.len())].clone();
        let id = if i > 0 && rng.chance(2) {
            format!("g{}", i - 1)
        } else {
            format!("g{i}")
        };
        r["id"] = json!(id);
        let year = 1998 + rng.below(30);
        let (month, dayn) = (1 + rng.below(12), 1 + rng.below(28));
        let start = match rng.below(4) {
            0 => format!("{year}"),
            1 => format!("{year}-{month:02}"),
            _ => format!("{year}-{month:02}-{dayn:02}"),
        };
        let dates = match rng.below(5) {
            0 => json!({"start": start, "end": format!("{}", year + rng.below(2))}),
            1 => json!({"start": start, "end": format!("{year}-12-31")}),
            _ => json!(start),
        };
        if rng.chance(3) {
            r.as_object_mut().unwrap().remove("dates");
        } else {
            r["dates"] = dates;
        }
        let mut who: Vec<&str> = (0..1 + rng.below(3))
            .map(|_| states[rng.below(states.len())])
            .collect();
        if rng.chance(20) {
            who.push(who[0]); // a state listed twice
        }
        let field = if lists[k] == "incidents" {
            "by"
        } else {
            "participants"
        };
        r[field] = json!(who);
        if lists[k] == "incidents" {
            r["against"] = json!([states[rng.below(states.len())]]);
        }
        let mut links = Vec::new();
        if i > 0 && rng.chance(8) {
            links.push(json!({"rel": "sameEvent", "to": format!("g{}", rng.below(i))}));
        }
        if rng.chance(3) {
            links.push(json!({"rel": "sameEvent", "to": format!("g{}", i + 1 + rng.below(5))}));
        }
        r["links"] = json!(links);
        made[k].push(r);
    }
    for (list, records) in lists.iter().zip(made) {
        out[*list] = json!(records);
    }
    Dataset::from_json(&out.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

/// Every grouping: none, each key alone (the period at every granularity),
/// and pairs of keys both ways.
fn groupings() -> Vec<Value> {
    let periods = [
        json!({"by": "period", "granularity": {"type": "year"}}),
        json!({"by": "period", "granularity": {"type": "quarter"}}),
        json!({"by": "period", "granularity": {"type": "month"}}),
        json!({"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 4}}),
        json!({"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 10, "namedBy": "endYear"}}),
        json!({"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 1}}),
    ];
    let others: Vec<Value> = [
        "participant",
        "domain",
        "area",
        "series",
        "platform",
        "incidentKind",
        "responder",
        "target",
        "numberedBy",
        "joint",
        "recordKind",
    ]
    .iter()
    .map(|k| json!({"by": k}))
    .collect();
    let mut out = vec![json!([])];
    out.extend(periods.iter().map(|p| json!([p])));
    out.extend(others.iter().map(|o| json!([o])));
    for (i, o) in others.iter().enumerate() {
        let p = &periods[i % periods.len()];
        out.push(json!([p, o]));
        out.push(json!([o, p]));
        let other = &others[(i + 3) % others.len()];
        out.push(json!([o, other]));
    }
    out.push(json!([periods[0], periods[1]])); // refused: two period keys
    out.push(json!([others[0], others[1], others[2]])); // refused: three keys
    out
}

fn filters() -> Vec<Value> {
    vec![
        json!({}),
        json!({"kinds": ["exercise"]}),
        json!({"kinds": ["patrol", "incident", "activity"]}),
        json!({"kinds": ["statistic"]}),
        json!({"participantsAny": ["CHN", "IRN"], "from": "2005", "to": "2019-06"}),
        json!({"participantsAll": ["CHN", "RUS"], "from": "2019-07-23"}),
        json!({"participantsAll": ["XXA"]}),
        json!({"participantsAny": ["XXA"]}),
        json!({"participantsAny": ["XXA", "RUS"], "to": "2012"}),
        json!({"minParticipants": 2, "kinds": ["exercise", "patrol", "activity", "incident"]}),
        json!({"joint": false}),
        json!({"joint": true, "from": "2010", "to": "2024"}),
        json!({"domains": ["naval", "air"]}),
        json!({"areas": ["sea-of-japan", "east-china-sea"], "from": "2019"}),
        json!({"minReliability": "B", "minCredibility": 2}),
        json!({"kinds": ["incident"], "incidentKinds": ["adizEntry", "scramble"]}),
        json!({"kinds": ["incident"], "by": ["RUS"], "against": ["KOR", "JPN"]}),
        json!({"numberedBy": ["CHN"]}),
        json!({"tags": ["naval"]}),
    ]
}

fn aggregates() -> Vec<Value> {
    vec![
        json!({"op": "count"}),
        json!({"op": "sum", "field": "ships"}),
        json!({"op": "max", "field": "platforms"}),
        json!({"op": "sum", "field": "personnel"}),
    ]
}

/// Runs every query on `ds` both ways and says how many were compared.
fn compare(name: &str, ds: &Dataset) -> usize {
    let columns = Columns::new(ds);
    let mut n = 0;
    let aggregates = aggregates();
    for (f, filter) in filters().into_iter().enumerate() {
        for (g, group_by) in groupings().into_iter().enumerate() {
            // A count, and one of the other aggregates in turn.
            let other = &aggregates[1 + (f + g) % (aggregates.len() - 1)];
            for (a, aggregate) in [&aggregates[0], other].into_iter().enumerate() {
                let mut q = json!({"filter": filter, "groupBy": group_by, "aggregate": aggregate});
                if a == 0 && (f + g) % 2 == 0 {
                    q["reported"] = json!("scrambles");
                }
                if (f + g) % 3 == 0 {
                    q["assumeComplete"] = json!(true);
                }
                let query: SeriesQuery = serde_json::from_value(q.clone()).unwrap();
                let o = SeriesOptions {
                    ids: (f + g + a) % 2 == 0,
                };
                let text = |r: Result<_, jointwatch::CallError>| match r {
                    Ok(s) => serde_json::to_string_pretty(&s).unwrap(),
                    Err(e) => format!("error {:?}: {}", e.code, e.message),
                };
                let from_records = text(series_with(ds, &query, &o));
                let from_columns = text(series_on(ds, &columns, &query, &o));
                if from_records != from_columns {
                    let at = from_records
                        .bytes()
                        .zip(from_columns.bytes())
                        .position(|(a, b)| a != b)
                        .unwrap_or(0);
                    panic!(
                        "{name}: {q} (ids: {}) differs at byte {at}:\nrecords: …{}\ncolumns: …{}",
                        o.ids,
                        &from_records[at.saturating_sub(200)..(at + 200).min(from_records.len())],
                        &from_columns[at.saturating_sub(200)..(at + 200).min(from_columns.len())],
                    );
                }
                n += 1;
            }
        }
    }
    n
}

#[test]
fn the_seed_and_the_public_record_give_the_same_series_from_columns() {
    assert!(compare("seed", &jointwatch::seed()) > 1500);
    assert!(compare("public record", &jointwatch::public_record()) > 1500);
}

#[test]
fn the_fixtures_give_the_same_series_from_columns() {
    for (name, text) in fixtures() {
        let ds = Dataset::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        compare(&name, &ds);
    }
}

#[test]
fn a_generated_dataset_gives_the_same_series_from_columns() {
    let ds = generated(1200);
    assert!(ds.record_count() > 1200);
    compare("generated", &ds);
}

#[test]
fn columns_of_another_dataset_are_not_used() {
    let seed = jointwatch::seed();
    let columns = Columns::new(&Dataset::from_json(r#"{"formatVersion": "2.0"}"#).unwrap());
    let q: SeriesQuery = serde_json::from_str(r#"{"groupBy": [{"by": "participant"}]}"#).unwrap();
    let o = SeriesOptions::default();
    let s = series_on(&seed, &columns, &q, &o).unwrap();
    assert!(!s.points.is_empty());
    assert_eq!(Ok(s), series_with(&seed, &q, &o));
}
