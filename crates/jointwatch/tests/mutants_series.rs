//! Tests written against the mutants `cargo mutants` found in `src/series.rs`
//! (see docs/testing.md). Every document is built here, small enough that
//! each expected count, sum and label can be worked out by hand.

use jointwatch::analysis::series::{
    period_of_fuzzy, series, summarize, trends, Aggregate, Basis, Field, GroupBy, MedianOf,
    PointStatus, Resolution, Series, SeriesQuery,
};
use jointwatch::{CallCode, Dataset, FuzzyDate, Granularity, Period, Quantity};

fn doc(body: &str) -> Dataset {
    let json = format!(
        r#"{{"formatVersion": "1.0",
            "sources": [{{"id": "s", "title": "t", "reliability": "B", "credibility": 2}}],
            {body}}}"#
    );
    Dataset::from_json(&json).unwrap_or_else(|e| panic!("{e}\n{json}"))
}

fn query(json: &str) -> SeriesQuery {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}\n{json}"))
}

fn run(ds: &Dataset, q: &str) -> Series {
    series(ds, &query(q)).unwrap_or_else(|e| panic!("{e}\n{q}"))
}

/// `(key joined by "/", value)` of every point.
fn keyed(s: &Series) -> Vec<(String, Quantity)> {
    s.points
        .iter()
        .map(|p| (p.key.join("/"), p.value.unwrap()))
        .collect()
}

fn kv(list: &[(&str, Quantity)]) -> Vec<(String, Quantity)> {
    list.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

fn exact(n: f64) -> Quantity {
    Quantity::Exact(n)
}

/// Four exercises and three patrols, with figures chosen to add up by hand.
///
/// | id | kind | year | states | domains | areas | series | figures |
/// | a | exercise | 2022-03-10 | CHN RUS | naval air | sea-a | Ocean | ships 10, subs 2, aircraft 5–8, personnel 1000 |
/// | b | exercise | 2022-11 | CHN RUS | naval | sea-a sea-b | Ocean | ships ≥4, aircraft 3 |
/// | c | exercise | 2024 | CHN RUS IRN | cyber | — | — | personnel 500 |
/// | d | exercise | 2023-06-01 | RUS BLR | air | sea-b | Union | ships 1 |
/// | p1 | air patrol | 2023-07-20 | CHN RUS | (air) | sea-b | — | H-6K 2, Tu-95MS 2 |
/// | p2 | naval patrol | 2024-08 | CHN RUS | (naval) | — | — | Type 052D 2, Kilo (no count) |
/// | p3 | air patrol | undated | CHN RUS | (air) | — | — | none |
fn sample() -> Dataset {
    doc(r#""exercises": [
        {"id": "a", "name": "A", "participants": ["CHN", "RUS"], "domains": ["naval", "air"], "areas": ["sea-a"],
         "series": "Ocean", "dates": "2022-03-10",
         "forces": {"ships": 10, "submarines": 2, "aircraft": {"min": 5, "max": 8}, "personnel": 1000}, "sources": ["s"]},
        {"id": "b", "name": "B", "participants": ["CHN", "RUS"], "domains": ["naval"], "areas": ["sea-a", "sea-b"],
         "series": "Ocean", "dates": "2022-11", "forces": {"ships": {"atLeast": 4}, "aircraft": 3}, "sources": ["s"]},
        {"id": "c", "name": "C", "participants": ["CHN", "RUS", "IRN"], "domains": ["cyber"], "dates": "2024",
         "forces": {"personnel": 500}, "sources": ["s"]},
        {"id": "d", "name": "D", "participants": ["RUS", "BLR"], "domains": ["air"], "areas": ["sea-b"],
         "series": "Union", "dates": "2023-06-01", "forces": {"ships": 1}, "sources": ["s"]}],
      "patrols": [
        {"id": "p1", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2023-07-20", "areas": ["sea-b"],
         "platforms": [{"model": "H-6K", "role": "bomber", "count": 2}, {"model": "Tu-95MS", "role": "bomber", "count": 2}],
         "sources": ["s"]},
        {"id": "p2", "kind": "jointNavalPatrol", "participants": ["CHN", "RUS"], "dates": "2024-08",
         "platforms": [{"model": "Type 052D", "role": "warship", "count": 2}, {"model": "Kilo", "role": "submarine"}],
         "sources": ["s"]},
        {"id": "p3", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "sources": ["s"]}],
      "statistics": [
        {"id": "st", "label": "l", "measure": "jointExercises", "subjects": ["CHN", "RUS"],
         "period": {"type": "calendarYear", "year": 2022}, "quantity": 5, "sources": ["s"]}]"#)
}

#[test]
fn an_ungrouped_count_counts_exercises_and_patrols_but_never_statistics() {
    let ds = sample();
    let s = run(&ds, "{}");
    assert_eq!(s.points.len(), 1);
    assert_eq!(s.points[0].key, Vec::<String>::new());
    assert_eq!(s.points[0].period, None);
    assert_eq!(s.points[0].value.unwrap(), exact(7.0));
    assert_eq!(s.points[0].counted.unwrap(), exact(7.0));
    assert_eq!(s.points[0].basis, Basis::Counted);
    assert_eq!(s.points[0].ids, ["a", "b", "c", "d", "p1", "p2", "p3"]);
    // Asking for statistics among the kinds does not make them events.
    let s = run(&ds, r#"{"filter": {"kinds": ["statistic", "exercise"]}}"#);
    assert_eq!(s.points[0].ids, ["a", "b", "c", "d"]);
    let s = run(&ds, r#"{"filter": {"kinds": ["statistic"]}}"#);
    assert!(s.points.is_empty(), "{s:?}");
    let s = run(&ds, r#"{"filter": {"kinds": ["patrol"]}}"#);
    assert_eq!(s.points[0].value.unwrap(), exact(3.0));
}

#[test]
fn yearly_counts_are_zero_filled_between_the_first_and_last_record() {
    let ds = sample();
    let s = run(
        &ds,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}]}"#,
    );
    assert_eq!(
        keyed(&s),
        kv(&[
            ("2022", exact(2.0)),
            ("2023", exact(2.0)),
            ("2024", exact(2.0))
        ])
    );
    assert_eq!(
        s.points[0].period,
        Some(Period::CalendarYear { year: 2022 })
    );
    assert_eq!(s.points[1].ids, ["d", "p1"]);
    assert_eq!(s.unplaced.len(), 1);
    assert_eq!(s.unplaced[0].id, "p3");
    assert_eq!(s.unplaced[0].reason, "has no date");
    // A window wider than the records is zero-filled to its ends.
    let s = run(
        &ds,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}], "filter": {"from": "2020", "to": "2025"}}"#,
    );
    assert_eq!(
        keyed(&s),
        kv(&[
            ("2020", exact(0.0)),
            ("2021", exact(0.0)),
            ("2022", exact(2.0)),
            ("2023", exact(2.0)),
            ("2024", exact(2.0)),
            ("2025", exact(0.0)),
        ])
    );
    assert!(s.points[0].ids.is_empty());
    assert_eq!(s.points[0].basis, Basis::Counted);
}

#[test]
fn months_quarters_and_fiscal_years_place_only_what_fits_wholly() {
    let ds = sample();
    let s = run(
        &ds,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "quarter"}}], "filter": {"from": "2022", "to": "2022"}}"#,
    );
    assert_eq!(
        keyed(&s),
        kv(&[
            ("2022-Q1", exact(1.0)),
            ("2022-Q2", exact(0.0)),
            ("2022-Q3", exact(0.0)),
            ("2022-Q4", exact(1.0)),
        ])
    );
    let s = run(
        &ds,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 4}}], "filter": {"kinds": ["exercise"]}}"#,
    );
    // a (2022-03-10) is in FY2021, b (2022-11) and d (2023-06-01) in FY2022 and FY2023;
    // c, dated only "2024", straddles FY2023 and FY2024.
    assert_eq!(
        keyed(&s),
        kv(&[
            ("FY2021", exact(1.0)),
            ("FY2022", exact(1.0)),
            ("FY2023", exact(1.0)),
        ])
    );
    assert_eq!(s.unplaced.len(), 1);
    assert_eq!(s.unplaced[0].id, "c");
    assert_eq!(
        s.unplaced[0].reason,
        "starts 2024, which spans more than one fiscal-year period"
    );
    let s = run(
        &ds,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "month"}}], "filter": {"kinds": ["exercise"], "from": "2022-10", "to": "2022-12"}}"#,
    );
    assert_eq!(
        keyed(&s),
        kv(&[
            ("2022-10", exact(0.0)),
            ("2022-11", exact(1.0)),
            ("2022-12", exact(0.0))
        ])
    );
    let s = run(
        &ds,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "month"}}], "filter": {"kinds": ["exercise"], "from": "2024", "to": "2024"}}"#,
    );
    assert_eq!(
        s.unplaced[0].reason,
        "starts 2024, which spans more than one month period"
    );
    let s = run(
        &ds,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "quarter"}}], "filter": {"kinds": ["exercise"], "from": "2024", "to": "2024"}}"#,
    );
    assert_eq!(
        s.unplaced[0].reason,
        "starts 2024, which spans more than one quarter period"
    );
}

#[test]
fn period_of_fuzzy_needs_the_whole_date_in_one_period() {
    let d = |s: &str| s.parse::<FuzzyDate>().unwrap();
    let fy = Granularity::FiscalYear {
        first_month: 4,
        named_by: Default::default(),
    };
    assert_eq!(
        period_of_fuzzy(&Granularity::Year, &d("2024-05")),
        Some(Period::CalendarYear { year: 2024 })
    );
    assert_eq!(
        period_of_fuzzy(&Granularity::Quarter, &d("2024-05")),
        Some(Period::Quarter {
            year: 2024,
            quarter: 2
        })
    );
    assert_eq!(period_of_fuzzy(&Granularity::Quarter, &d("2024")), None);
    assert_eq!(period_of_fuzzy(&fy, &d("2024")), None);
    assert_eq!(
        period_of_fuzzy(&fy, &d("2024-03")),
        Some(Period::FiscalYear {
            year: 2023,
            first_month: 4,
            named_by: Default::default()
        })
    );
}

#[test]
fn every_grouping_key_labels_records_its_own_way() {
    let ds = sample();
    let by = |key: &str, kinds: &str| {
        keyed(&run(
            &ds,
            &format!(r#"{{"groupBy": [{{"by": "{key}"}}], "filter": {{"kinds": [{kinds}]}}}}"#),
        ))
    };
    assert_eq!(
        by("participant", r#""exercise""#),
        kv(&[
            ("BLR", exact(1.0)),
            ("CHN", exact(3.0)),
            ("IRN", exact(1.0)),
            ("RUS", exact(4.0)),
        ])
    );
    assert_eq!(
        by("domain", r#""exercise", "patrol""#),
        kv(&[
            ("air", exact(4.0)),
            ("cyber", exact(1.0)),
            ("naval", exact(3.0)),
        ])
    );
    assert_eq!(
        by("area", r#""exercise", "patrol""#),
        kv(&[
            ("(none)", exact(3.0)),
            ("sea-a", exact(2.0)),
            ("sea-b", exact(3.0)),
        ])
    );
    // Patrols belong to no exercise series; exercises carry no platforms.
    assert_eq!(
        by("series", r#""exercise", "patrol""#),
        kv(&[
            ("(none)", exact(4.0)),
            ("Ocean", exact(2.0)),
            ("Union", exact(1.0)),
        ])
    );
    assert_eq!(
        by("platform", r#""exercise", "patrol""#),
        kv(&[
            ("(none)", exact(5.0)),
            ("H-6K", exact(1.0)),
            ("Kilo", exact(1.0)),
            ("Tu-95MS", exact(1.0)),
            ("Type 052D", exact(1.0)),
        ])
    );
}

#[test]
fn two_keys_make_every_combination_and_keep_reported_figures_off_them() {
    let ds = sample();
    let s = run(
        &ds,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}, {"by": "series"}],
            "filter": {"kinds": ["exercise"], "from": "2022", "to": "2023"}, "reported": "jointExercises"}"#,
    );
    assert_eq!(
        keyed(&s),
        kv(&[
            ("2022/Ocean", exact(2.0)),
            ("2022/Union", exact(0.0)),
            ("2023/Ocean", exact(0.0)),
            ("2023/Union", exact(1.0)),
        ])
    );
    assert!(s
        .points
        .iter()
        .all(|p| p.reported.is_none() && p.basis == Basis::Counted && p.reported_by.is_empty()));
    // Two non-period keys: the product of each record's labels.
    let s = run(
        &ds,
        r#"{"groupBy": [{"by": "series"}, {"by": "domain"}], "filter": {"kinds": ["exercise"]}}"#,
    );
    assert_eq!(
        keyed(&s),
        kv(&[
            ("(none)/cyber", exact(1.0)),
            ("Ocean/air", exact(1.0)),
            ("Ocean/naval", exact(2.0)),
            ("Union/air", exact(1.0)),
        ])
    );
    assert!(s.points.iter().all(|p| p.period.is_none()));
}

#[test]
fn sums_and_maxima_carry_bounds_and_name_records_without_the_figure() {
    let ds = sample();
    let agg = |op: &str, field: &str, kinds: &str| {
        run(
            &ds,
            &format!(
                r#"{{"aggregate": {{"op": "{op}", "field": "{field}"}}, "filter": {{"kinds": [{kinds}]}}}}"#
            ),
        )
    };
    let one = |s: Series| {
        assert_eq!(s.points.len(), 1);
        let p = s.points.into_iter().next().unwrap();
        (p.counted.unwrap(), p.missing)
    };
    // ships: a 10 + b at least 4 + d 1 = at least 15; c has none.
    assert_eq!(
        one(agg("sum", "ships", r#""exercise""#)),
        (Quantity::AtLeast(15.0), vec!["c".to_string()])
    );
    assert_eq!(
        one(agg("max", "ships", r#""exercise""#)),
        (Quantity::AtLeast(10.0), vec!["c".to_string()])
    );
    // submarines: only a has a figure (2).
    assert_eq!(
        one(agg("sum", "submarines", r#""exercise""#)),
        (
            Quantity::AtLeast(2.0),
            vec!["b".into(), "c".into(), "d".into()]
        )
    );
    // aircraft: a 5–8 + b 3 = 8–11, c and d lack it.
    assert_eq!(
        one(agg("sum", "aircraft", r#""exercise""#)),
        (Quantity::AtLeast(8.0), vec!["c".into(), "d".into()])
    );
    let s = run(
        &ds,
        r#"{"aggregate": {"op": "sum", "field": "aircraft"}, "filter": {"kinds": ["exercise"], "participantsAll": ["CHN"]}, "groupBy": [{"by": "series"}]}"#,
    );
    assert_eq!(
        s.points
            .iter()
            .map(|p| (p.key[0].as_str(), p.counted.unwrap()))
            .collect::<Vec<_>>(),
        [
            ("(none)", Quantity::AtLeast(0.0)),
            (
                "Ocean",
                Quantity::Range {
                    min: 8.0,
                    max: 11.0
                }
            ),
        ]
    );
    assert_eq!(
        one(agg("max", "aircraft", r#""exercise""#)),
        (Quantity::AtLeast(5.0), vec!["c".into(), "d".into()])
    );
    // personnel: a 1000 + c 500.
    assert_eq!(
        one(agg("sum", "personnel", r#""exercise""#)),
        (Quantity::AtLeast(1500.0), vec!["b".into(), "d".into()])
    );
    assert_eq!(
        one(agg("max", "personnel", r#""exercise""#)),
        (Quantity::AtLeast(1000.0), vec!["b".into(), "d".into()])
    );
    // platforms: p1 2 + 2 = 4; p2 has an uncounted platform, p3 none at all.
    assert_eq!(
        one(agg("sum", "platforms", r#""patrol""#)),
        (Quantity::AtLeast(4.0), vec!["p2".into(), "p3".into()])
    );
    // A figure no record of these kinds has: nothing counted, everything missing.
    assert_eq!(
        one(agg("sum", "ships", r#""patrol""#)),
        (
            Quantity::AtLeast(0.0),
            vec!["p1".into(), "p2".into(), "p3".into()]
        )
    );
    // Exact when every record has the figure.
    let s = run(
        &ds,
        r#"{"aggregate": {"op": "sum", "field": "ships"}, "filter": {"kinds": ["exercise"], "participantsAll": ["BLR"]}}"#,
    );
    assert_eq!(s.points[0].counted.unwrap(), exact(1.0));
    assert_eq!(s.points[0].value.unwrap(), exact(1.0));
    assert!(s.points[0].missing.is_empty());
    let s = run(
        &ds,
        r#"{"aggregate": {"op": "max", "field": "platforms"}, "filter": {"kinds": ["patrol"], "to": "2023"}}"#,
    );
    assert_eq!(s.points[0].counted.unwrap(), exact(4.0));
    // Zero-filled periods of a sum are an exact zero.
    let s = run(
        &ds,
        r#"{"aggregate": {"op": "sum", "field": "ships"}, "filter": {"kinds": ["exercise"], "from": "2021", "to": "2022"},
            "groupBy": [{"by": "period", "granularity": {"type": "year"}}]}"#,
    );
    assert_eq!(
        keyed(&s),
        kv(&[("2021", exact(0.0)), ("2022", Quantity::AtLeast(14.0))])
    );
}

#[test]
fn a_patrol_with_every_platform_counted_sums_exactly() {
    let ds = doc(r#""patrols": [
        {"id": "p", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2024-05",
         "platforms": [{"model": "x", "role": "bomber", "count": 3}, {"model": "y", "role": "fighter", "count": {"min": 1, "max": 2}}],
         "sources": ["s"]}]"#);
    let s = run(&ds, r#"{"aggregate": {"op": "sum", "field": "platforms"}}"#);
    assert_eq!(
        s.points[0].counted.unwrap(),
        Quantity::Range { min: 4.0, max: 5.0 }
    );
    assert!(s.points[0].missing.is_empty());
}

fn reported_doc(statistics: &str) -> Dataset {
    doc(&format!(
        r#""exercises": [
            {{"id": "x1", "name": "X1", "participants": ["CHN", "RUS"], "dates": "2015-05", "sources": ["s"]}},
            {{"id": "x2", "name": "X2", "participants": ["CHN", "RUS"], "dates": "2017-02-03", "sources": ["s"]}}],
           "statistics": [{statistics}]"#
    ))
}

const YEARLY: &str = r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}], "filter": {"kinds": ["exercise"], "from": "2014", "to": "2018"}, "reported": "jointExercises", "assumeComplete": true}"#;

#[test]
fn a_per_year_rate_is_reported_in_each_year_of_its_span_inside_the_window() {
    let ds = reported_doc(
        r#"{"id": "r", "label": "l", "measure": "jointExercises", "subjects": ["CHN", "RUS"],
            "period": {"type": "years", "start": 2010, "end": 2015}, "rate": "perYear", "quantity": {"min": 1, "max": 3}, "sources": ["s"]}"#,
    );
    let s = run(&ds, YEARLY);
    let range = Quantity::Range { min: 1.0, max: 3.0 };
    assert_eq!(
        keyed(&s),
        kv(&[
            ("2014", range),
            ("2015", range),
            ("2016", exact(0.0)),
            ("2017", exact(1.0)),
            ("2018", exact(0.0)),
        ])
    );
    let basis: Vec<Basis> = s.points.iter().map(|p| p.basis).collect();
    assert_eq!(
        basis,
        [
            Basis::Reported,
            Basis::Both,
            Basis::Counted,
            Basis::Counted,
            Basis::Counted
        ]
    );
    assert_eq!(s.points[0].reported, Some(range));
    assert_eq!(s.points[0].counted.unwrap(), exact(0.0));
    assert_eq!(s.points[0].reported_by, ["r"]);
    assert_eq!(s.points[1].counted.unwrap(), exact(1.0));
    assert_eq!(s.points[2].reported, None);
    assert!(s.points[2].reported_by.is_empty());
    assert!(s.unplaced.is_empty());
    // Without a window the span of the statistic itself is filled in.
    let s = run(
        &ds,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}], "filter": {"kinds": ["exercise"]}, "reported": "jointExercises"}"#,
    );
    assert_eq!(
        s.points.first().map(|p| p.key.clone()),
        Some(vec!["2010".to_string()])
    );
    assert_eq!(
        s.points.last().map(|p| p.key.clone()),
        Some(vec!["2017".to_string()])
    );
    assert_eq!(s.points.len(), 8);
}

#[test]
fn a_window_edge_keeps_reported_years_on_both_sides() {
    let ds = reported_doc(
        r#"{"id": "r", "label": "l", "measure": "jointExercises", "subjects": ["CHN", "RUS"],
            "period": {"type": "years", "start": 2000, "end": 2030}, "rate": "perYear", "quantity": 2, "sources": ["s"]}"#,
    );
    let s = run(
        &ds,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}], "filter": {"kinds": ["exercise"], "from": "2015", "to": "2016"}, "reported": "jointExercises"}"#,
    );
    assert_eq!(keyed(&s), kv(&[("2015", exact(2.0)), ("2016", exact(2.0))]));
    assert_eq!(s.points[0].basis, Basis::Both);
    assert_eq!(s.points[1].basis, Basis::Reported);
}

#[test]
fn reported_figures_that_disagree_and_are_graded_alike_give_the_span() {
    // Before issue 13 the larger of the two was kept (3–4); both cite the
    // same B2 source, so the point now spans both figures and lists them.
    let ds = reported_doc(
        r#"{"id": "r1", "label": "l", "measure": "jointExercises", "subjects": ["CHN", "RUS"],
            "period": {"type": "calendarYear", "year": 2016}, "quantity": {"min": 2, "max": 4}, "sources": ["s"]},
           {"id": "r2", "label": "l", "measure": "jointExercises",
            "period": {"type": "calendarYear", "year": 2016}, "quantity": 3, "sources": ["s"]}"#,
    );
    let s = run(&ds, YEARLY);
    let p2016 = &s.points[2];
    assert_eq!(p2016.key, ["2016"]);
    assert_eq!(p2016.value.unwrap(), Quantity::Range { min: 2.0, max: 4.0 });
    assert_eq!(p2016.resolution, Some(Resolution::Span));
    let alternatives: Vec<(&str, Quantity)> = p2016
        .alternatives
        .iter()
        .map(|a| (a.statistic.as_str(), a.quantity))
        .collect();
    assert_eq!(
        alternatives,
        [
            ("r1", Quantity::Range { min: 2.0, max: 4.0 }),
            ("r2", exact(3.0))
        ]
    );
    assert_eq!(p2016.reported_by, ["r1", "r2"]);
    assert_eq!(p2016.basis, Basis::Reported);
}

#[test]
fn statistics_of_other_subjects_or_measures_are_left_out() {
    let ds = reported_doc(
        r#"{"id": "other-subjects", "label": "l", "measure": "jointExercises", "subjects": ["CHN", "IRN"],
            "period": {"type": "calendarYear", "year": 2016}, "quantity": 9, "sources": ["s"]},
           {"id": "other-measure", "label": "l", "measure": "exercises", "subjects": ["CHN", "RUS"],
            "period": {"type": "calendarYear", "year": 2016}, "quantity": 9, "sources": ["s"]}"#,
    );
    let q = r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}], "filter": {"kinds": ["exercise"], "participantsAll": ["CHN", "RUS"], "from": "2014", "to": "2018"}, "reported": "jointExercises"}"#;
    let s = run(&ds, q);
    assert!(s.points.iter().all(|p| p.reported.is_none()), "{s:?}");
    assert!(s.unplaced.is_empty());
    // With no participant filter, any subjects will do.
    let s = run(&ds, YEARLY);
    assert_eq!(s.points[2].reported, Some(exact(9.0)));
    assert_eq!(s.points[2].reported_by, ["other-subjects"]);
    // Reported figures are only set beside counts.
    let s = run(
        &ds,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}], "filter": {"kinds": ["exercise"], "from": "2014", "to": "2018"},
            "reported": "jointExercises", "aggregate": {"op": "sum", "field": "ships"}}"#,
    );
    assert!(s.points.iter().all(|p| p.reported.is_none()));
}

#[test]
fn statistics_that_fit_no_single_period_are_listed_with_the_reason() {
    let ds = reported_doc(
        r#"{"id": "quarter", "label": "l", "measure": "jointExercises",
            "period": {"type": "quarter", "year": 2016, "quarter": 1}, "quantity": 1, "sources": ["s"]},
           {"id": "late-quarter", "label": "l", "measure": "jointExercises",
            "period": {"type": "quarter", "year": 2016, "quarter": 4}, "quantity": 1, "sources": ["s"]},
           {"id": "fiscal", "label": "l", "measure": "jointExercises",
            "period": {"type": "fiscalYear", "year": 2016, "firstMonth": 4}, "quantity": 1, "sources": ["s"]},
           {"id": "span", "label": "l", "measure": "jointExercises",
            "period": {"type": "years", "start": 2015, "end": 2016}, "quantity": 1, "sources": ["s"]},
           {"id": "reversed", "label": "l", "measure": "jointExercises",
            "period": {"type": "years", "start": 2016, "end": 2015}, "rate": "perYear", "quantity": 1, "sources": ["s"]},
           {"id": "cumulative", "label": "l", "measure": "jointExercises", "asOf": "2016", "quantity": 1, "sources": ["s"]},
           {"id": "broken", "label": "l", "measure": "jointExercises",
            "period": {"type": "month", "year": 2016, "month": 13}, "quantity": 1, "sources": ["s"]},
           {"id": "year", "label": "l", "measure": "jointExercises",
            "period": {"type": "calendarYear", "year": 2016}, "quantity": 1, "sources": ["s"]}"#,
    );
    let s = run(&ds, YEARLY);
    let reasons: Vec<(&str, &str)> = s
        .unplaced
        .iter()
        .map(|u| (u.id.as_str(), u.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            (
                "quarter",
                "covers 2016-Q1, which is not one calendar-year period"
            ),
            (
                "late-quarter",
                "covers 2016-Q4, which is not one calendar-year period"
            ),
            (
                "fiscal",
                "covers FY2016, which is not one calendar-year period"
            ),
            (
                "span",
                "covers 2015–2016, which is not one calendar-year period"
            ),
            (
                "reversed",
                "reports a per-year rate over 2016–2015, which does not map onto calendar-year"
            ),
            ("cumulative", "reports a cumulative figure with no period"),
            ("broken", "has a malformed period"),
        ]
    );
    assert_eq!(s.points[2].reported_by, ["year"]);
    // A per-year rate maps onto calendar years only.
    let ds = reported_doc(
        r#"{"id": "r", "label": "l", "measure": "jointExercises",
            "period": {"type": "years", "start": 2015, "end": 2016}, "rate": "perYear", "quantity": 1, "sources": ["s"]}"#,
    );
    let s = run(
        &ds,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "month"}}], "filter": {"kinds": ["exercise"], "from": "2015-01", "to": "2015-02"}, "reported": "jointExercises"}"#,
    );
    assert_eq!(
        s.unplaced[0].reason,
        "reports a per-year rate over 2015–2016, which does not map onto month"
    );
    // A quarterly figure fits a quarterly series.
    let ds = reported_doc(
        r#"{"id": "q", "label": "l", "measure": "jointExercises",
            "period": {"type": "quarter", "year": 2015, "quarter": 2}, "quantity": 4, "sources": ["s"]}"#,
    );
    let s = run(
        &ds,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "quarter"}}], "filter": {"kinds": ["exercise"], "from": "2015", "to": "2015"}, "reported": "jointExercises"}"#,
    );
    assert_eq!(
        keyed(&s),
        kv(&[
            ("2015-Q1", exact(0.0)),
            ("2015-Q2", exact(4.0)),
            ("2015-Q3", exact(0.0)),
            ("2015-Q4", exact(0.0)),
        ])
    );
    assert_eq!(s.points[1].basis, Basis::Both);
    // Without a period key a statistic has nowhere to go.
    let s = run(
        &ds,
        r#"{"filter": {"kinds": ["exercise"]}, "reported": "jointExercises"}"#,
    );
    assert_eq!(s.unplaced.len(), 1);
    assert_eq!(
        s.unplaced[0].reason,
        "statistics are placed only in series grouped by period"
    );
    assert_eq!(s.points[0].value.unwrap(), exact(2.0));
}

#[test]
fn groupings_are_checked_before_anything_is_counted() {
    let ds = sample();
    let err = |q: &str| series(&ds, &query(q)).map(|_| ()).unwrap_err();
    let two_periods = err(
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}, {"by": "period", "granularity": {"type": "month"}}]}"#,
    );
    assert_eq!(two_periods.code, CallCode::BadGrouping);
    assert_eq!(two_periods.to_string(), "at most one period key");
    let three = err(r#"{"groupBy": [{"by": "area"}, {"by": "domain"}, {"by": "series"}]}"#);
    assert_eq!(three.code, CallCode::BadGrouping);
    assert_eq!(three.to_string(), "at most two grouping keys");
    let fiscal = err(
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 0}}]}"#,
    );
    assert_eq!(fiscal.code, CallCode::InvalidGranularity);
    assert_eq!(
        fiscal.to_string(),
        "a fiscal year must start in a month from 1 to 12"
    );
    // One period key and one other key are fine, in either order.
    for q in [
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}, {"by": "domain"}]}"#,
        r#"{"groupBy": [{"by": "domain"}, {"by": "period", "granularity": {"type": "year"}}]}"#,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 12}}]}"#,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "fiscalYear", "firstMonth": 1}}]}"#,
    ] {
        assert!(series(&ds, &query(q)).is_ok(), "{q}");
    }
}

#[test]
fn the_period_cap_is_exact() {
    // 0001-01 to 9999-12 is 119,988 months: refused as soon as the
    // 100,001st period is counted.
    let ds = sample();
    let e = series(
        &ds,
        &query(
            r#"{"groupBy": [{"by": "period", "granularity": {"type": "month"}}], "filter": {"from": "0001", "to": "9999"}}"#,
        ),
    )
    .map(|_| ())
    .unwrap_err();
    assert_eq!(e.code, CallCode::WindowTooLarge);
    assert!(
        e.to_string().starts_with(
            "the window holds more than 100000 periods, or more than 1000000 points across the other keys (100001 periods"
        ),
        "{e}"
    );
    // (Exactly 100,000 months, 0001-01 to 8334-04, would be allowed: the
    // "(100001 periods" in the message above already pins the comparison, without
    // building 100,000 points.)
}

#[test]
fn summaries_carry_bounds() {
    let ds = reported_doc(
        r#"{"id": "r", "label": "l", "measure": "jointExercises",
            "period": {"type": "calendarYear", "year": 2016}, "quantity": {"min": 2, "max": 6}, "sources": ["s"]}"#,
    );
    // 2014 0, 2015 1, 2016 2–6, 2017 1, 2018 0.
    let s = run(&ds, YEARLY);
    let sum = summarize(&s).unwrap();
    assert_eq!(sum.n, 5);
    assert_eq!(sum.min, 0.0);
    assert_eq!(sum.max, Some(6.0));
    assert_eq!(sum.mean_low, 4.0 / 5.0);
    assert_eq!(sum.mean_high, Some(8.0 / 5.0));
    assert_eq!(sum.median, 1.0);
    assert_eq!(sum.median_of, MedianOf::Midpoints);
    assert!(!sum.all_exact);
    assert!(sum.left_out.is_empty());
    // Not assumed complete (and no coverage declared): the counts are
    // uncovered and left out; only the reported 2016 is summarised.
    let sum = summarize(&run(
        &ds,
        &YEARLY.replace(r#", "assumeComplete": true"#, ""),
    ))
    .unwrap();
    assert_eq!(
        (sum.n, sum.min, sum.max, sum.median),
        (1, 2.0, Some(6.0), 4.0)
    );
    let left: Vec<(String, PointStatus)> = sum
        .left_out
        .iter()
        .map(|l| (l.key.join("/"), l.status))
        .collect();
    assert_eq!(
        left,
        ["2014", "2015", "2017", "2018"].map(|y| (y.to_string(), PointStatus::Uncovered))
    );
    // An unbounded value leaves no maximum.
    let ds = reported_doc(
        r#"{"id": "r", "label": "l", "measure": "jointExercises",
            "period": {"type": "calendarYear", "year": 2016}, "quantity": {"atLeast": 5}, "sources": ["s"]}"#,
    );
    let sum = summarize(&run(&ds, YEARLY)).unwrap();
    assert_eq!((sum.min, sum.max, sum.mean_high), (0.0, None, None));
    assert_eq!(sum.mean_low, 7.0 / 5.0);
    // Exact counts.
    let sum = summarize(&run(
        &ds,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}], "filter": {"kinds": ["exercise"], "from": "2015", "to": "2017"}, "assumeComplete": true}"#,
    ))
    .unwrap();
    assert_eq!(
        (sum.n, sum.min, sum.max, sum.median, sum.all_exact),
        (3, 0.0, Some(1.0), 1.0, true)
    );
    assert_eq!(sum.median_of, MedianOf::ExactValues);
    assert_eq!(
        summarize(&Series {
            points: vec![],
            unplaced: vec![],
            same_event: vec![]
        }),
        None
    );
}

#[test]
fn trends_need_three_exact_points() {
    let ds = sample();
    let years = |from: &str, to: &str| {
        run(
            &ds,
            &format!(
                r#"{{"groupBy": [{{"by": "period", "granularity": {{"type": "year"}}}}], "filter": {{"kinds": ["exercise"], "from": "{from}", "to": "{to}"}}, "assumeComplete": true}}"#
            ),
        )
    };
    // 2021 0, 2022 2, 2023 1: three points.
    let t = trends(&years("2021", "2023")).unwrap();
    assert_eq!(t.year_over_year.len(), 3);
    assert!(t.year_over_year[0].is_none());
    assert_eq!(t.mann_kendall.as_ref().unwrap().s, 1);
    let fit = t.least_squares.unwrap();
    assert!((fit.slope - 0.5).abs() < 1e-12, "{fit:?}");
    // On the time axis: x is the calendar year.
    assert_eq!(
        t.used.iter().map(|p| p.x).collect::<Vec<_>>(),
        [2021.0, 2022.0, 2023.0]
    );
    assert!(
        (fit.intercept - (1.0 - 0.5 * 2022.0)).abs() < 1e-9,
        "{fit:?}"
    );
    assert_eq!(
        trends(&years("2022", "2023")).unwrap_err().message,
        "2 point(s) used; trend tests need at least three"
    );
    assert_eq!(
        trends(&years("2023", "2023")).unwrap_err().message,
        "1 point(s) used; trend tests need at least three"
    );
    // Series not grouped by period alone have no time axis.
    let by_area = run(
        &ds,
        r#"{"groupBy": [{"by": "area"}], "assumeComplete": true}"#,
    );
    assert_eq!(
        trends(&by_area).unwrap_err().message,
        "trend tests need a series grouped by period"
    );
    let two_keys = run(
        &ds,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}, {"by": "domain"}], "assumeComplete": true}"#,
    );
    assert_eq!(
        trends(&two_keys).unwrap_err().message,
        "trend tests need one point per period: group by period alone"
    );
    // A bounded value stops them.
    let s = run(
        &ds,
        r#"{"groupBy": [{"by": "period", "granularity": {"type": "year"}}], "aggregate": {"op": "sum", "field": "ships"}, "filter": {"kinds": ["exercise"], "from": "2021", "to": "2023"}, "assumeComplete": true}"#,
    );
    assert_eq!(
        trends(&s).unwrap_err().message,
        "some values are ranges or bounds; trend tests need exact values"
    );
}

#[test]
fn group_by_and_aggregate_read_every_form() {
    let g: Vec<GroupBy> = serde_json::from_str(
        r#"[{"by": "period", "granularity": {"type": "quarter"}}, {"by": "participant"}, {"by": "platform"}]"#,
    )
    .unwrap();
    assert_eq!(
        g,
        [
            GroupBy::Period {
                granularity: Granularity::Quarter
            },
            GroupBy::Participant,
            GroupBy::Platform
        ]
    );
    let a: Vec<Aggregate> = serde_json::from_str(
        r#"[{"op": "count"}, {"op": "sum", "field": "submarines"}, {"op": "max", "field": "aircraft"}]"#,
    )
    .unwrap();
    assert_eq!(
        a,
        [
            Aggregate::Count,
            Aggregate::Sum {
                field: Field::Submarines
            },
            Aggregate::Max {
                field: Field::Aircraft
            }
        ]
    );
}
