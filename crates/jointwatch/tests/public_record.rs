//! The public record (`data/public-record.json`, `jointwatch::public_record()`)
//! against the research sheet it was compiled from
//! (`docs/research/public-record.md`): it validates in strict mode, every
//! record cites a source with a URL, every URL is the sheet's, and facts read
//! from the sheet hold in the data.

use std::collections::BTreeMap;

use jointwatch::analysis::cadence::patrol_cadence;
use jointwatch::analysis::series::{series, SeriesQuery};
use jointwatch::model::claim::ClaimKind;
use jointwatch::{
    public_record, Category, Dataset, Measure, PatrolKind, Period, Quantity, Record,
    ValidateOptions,
};

const SHEET: &str = include_str!("../../../docs/research/public-record.md");

fn record() -> Dataset {
    public_record()
}

#[test]
fn the_record_validates_with_no_finding_in_strict_mode() {
    let ds = record();
    assert!(ds.record_count() > 50, "{} records", ds.record_count());
    let strict = ValidateOptions {
        strict: true,
        ..ValidateOptions::default()
    };
    let report = ds.validate_with(&strict);
    assert!(!report.has_errors(), "{report}");
}

#[test]
fn every_record_cites_a_source_with_a_url_and_every_url_is_the_sheets() {
    let ds = record();
    for r in Record::all(&ds) {
        let with_url = r
            .sources()
            .iter()
            .filter_map(|id| ds.source(id))
            .any(|s| s.url.is_some());
        assert!(with_url, "{} cites no source with a URL", r.id());
    }
    for s in &ds.sources {
        if let Some(url) = &s.url {
            assert!(
                SHEET.contains(url.as_str()),
                "{}: {url} is not in the sheet",
                s.id
            );
        }
    }
}

/// The rows of the sheet's section 4 (Japan's scrambles by fiscal year):
/// fiscal year → (total, China, Russia), where the cells hold a number.
/// A row of section 4: the total, and the scrambles against Chinese and
/// against Russian aircraft, where the cell holds a number.
type ScrambleRow = (Option<f64>, Option<f64>, Option<f64>);

fn scramble_rows() -> BTreeMap<i16, ScrambleRow> {
    let number = |cell: &str| -> Option<f64> {
        let digits: String = cell
            .trim()
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',')
            .filter(|c| *c != ',')
            .collect();
        digits.parse().ok()
    };
    let section = SHEET
        .split("## 4.")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("section 4 of the sheet");
    section
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').collect();
            let year = cells.get(1)?.trim().strip_prefix("FY")?.parse().ok()?;
            Some((year, (number(cells[2]), number(cells[3]), number(cells[4]))))
        })
        .collect()
}

/// The record's scramble statistics for a fiscal year starting in April.
fn scrambles(ds: &Dataset, year: i16) -> Vec<&jointwatch::Statistic> {
    ds.statistics
        .iter()
        .filter(|s| {
            s.measure == Measure::Scrambles
                && matches!(s.period, Some(Period::FiscalYear { year: y, first_month: 4, .. }) if y == year)
        })
        .collect()
}

fn share(s: &jointwatch::Statistic, code: &str) -> Option<Quantity> {
    s.breakdown
        .iter()
        .find(|b| b.category == Category::Country(code.parse().unwrap()))
        .and_then(|b| b.quantity)
}

#[test]
fn japans_scrambles_are_the_sheets_year_by_year() {
    let ds = record();
    let rows = scramble_rows();
    assert!(rows.len() >= 11, "{rows:?}");
    for (year, (total, chn, rus)) in &rows {
        let held = scrambles(&ds, *year);
        let Some(total) = total else { continue };
        assert!(
            held.iter().any(|s| s.quantity == Quantity::Exact(*total)),
            "FY{year}: the sheet says {total}; the record holds {:?}",
            held.iter().map(|s| s.quantity).collect::<Vec<_>>()
        );
        let main = held
            .iter()
            .find(|s| s.quantity == Quantity::Exact(*total))
            .unwrap();
        if let Some(c) = chn {
            assert_eq!(
                share(main, "CHN"),
                Some(Quantity::Exact(*c)),
                "FY{year} China"
            );
        }
        if let Some(r) = rus {
            assert_eq!(
                share(main, "RUS"),
                Some(Quantity::Exact(*r)),
                "FY{year} Russia"
            );
        }
    }
}

#[test]
fn fy2016_is_the_highest_scramble_total() {
    // Sheet §4: "FY2016 | 1,168 (record)"; the sheet calls another outlet's
    // 1,180 a typo, so the series, weighing the two by their sources, shows
    // 1,168 and lists both.
    let ds = record();
    let q: SeriesQuery = serde_json::from_str(
        r#"{"filter": {"kinds": ["statistic"], "from": "2014-04", "to": "2025-03"},
            "groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 4}}],
            "reported": "scrambles"}"#,
    )
    .unwrap();
    let s = series(&ds, &q).unwrap();
    let top = s
        .points
        .iter()
        .filter_map(|p| p.reported.map(|q| (q.point(), p)))
        .fold(
            None::<(f64, &jointwatch::analysis::series::SeriesPoint)>,
            |a, b| match a {
                Some(a) if a.0 >= b.0 => Some(a),
                _ => Some(b),
            },
        )
        .unwrap();
    assert_eq!((top.1.key[0].as_str(), top.0), ("FY2016", 1168.0));
    assert_eq!(top.1.alternatives.len(), 2);
}

#[test]
fn fy2024_china_and_russia() {
    // Sheet §4: "FY2024 | 704 | 464 | 237", anchors checked.
    let ds = record();
    let fy2024 = scrambles(&ds, 2024);
    let s = fy2024
        .iter()
        .find(|s| s.quantity == Quantity::Exact(704.0))
        .expect("FY2024's total");
    assert_eq!(share(s, "CHN"), Some(Quantity::Exact(464.0)));
    assert_eq!(share(s, "RUS"), Some(Quantity::Exact(237.0)));
}

#[test]
fn air_patrols_by_the_end_of_2024_under_each_numbering() {
    // Sheet §1: China's defence ministry numbered the November 2024 patrol the
    // 9th; corrections, item 8: Jiji (Japan's count) calls it the 8th.
    let ds = record();
    let c = patrol_cadence(&ds, Some(PatrolKind::JointAirPatrol));
    let highest_by = |who: &str| {
        c.numbering
            .iter()
            .filter(|run| run.by.map(|b| b.as_str() == who).unwrap_or(false))
            .flat_map(|run| run.sequence.iter())
            .filter(|(_, id)| {
                ds.patrol(id)
                    .and_then(|p| p.dates)
                    .is_some_and(|d| d.start.year() <= 2024)
            })
            .map(|(n, _)| *n)
            .max()
    };
    assert_eq!(highest_by("CHN"), Some(9));
    assert_eq!(highest_by("JPN"), Some(8));
}

#[test]
fn the_first_landing_at_each_others_airfields_was_in_november_2022() {
    let ds = record();
    let p = ds
        .patrols
        .iter()
        .find(|p| {
            p.claims
                .iter()
                .any(|c| c.kind == ClaimKind::First && c.text.to_lowercase().contains("airfield"))
        })
        .expect("a patrol claimed as the first to land at each other's airfields");
    let d = p.dates.expect("dated");
    assert_eq!((d.start.year(), d.start.first_day().month()), (2022, 11));
}

#[test]
fn the_first_joint_naval_patrol_ran_17_to_23_october_2021() {
    let ds = record();
    let first = ds
        .patrols
        .iter()
        .filter(|p| p.kind == PatrolKind::JointNavalPatrol)
        .filter_map(|p| p.dates.map(|d| (d.first_day(), d.last_day(), &p.id)))
        .min()
        .expect("naval patrols");
    assert_eq!(
        (first.0.to_string(), first.1.to_string()),
        ("2021-10-17".to_string(), "2021-10-23".to_string())
    );
}
