//! Tests written against the mutants `cargo mutants` found in `src/validate.rs`
//! (see docs/testing.md): each check is tried on both sides of its boundary,
//! with the exact code and path it must report, through the public API only.

use jointwatch::{Code, Dataset, Finding, Period, Report, Severity, ValidateOptions};

/// A document with one well-graded source `s`, and `body` (JSON members) added.
fn doc(body: &str) -> String {
    let sep = if body.trim().is_empty() { "" } else { "," };
    format!(
        r#"{{"formatVersion": "1.0",
            "sources": [{{"id": "s", "title": "t", "reliability": "B", "credibility": 2}}]{sep}
            {body}}}"#
    )
}

fn load(json: &str) -> Dataset {
    Dataset::from_json(json).unwrap_or_else(|e| panic!("{e}\n{json}"))
}

/// Every finding as `(code, path)`, in the order reported.
fn found_in(ds: &Dataset) -> Vec<(String, String)> {
    ds.validate()
        .findings
        .into_iter()
        .map(|f| (f.code.as_str().to_string(), f.path))
        .collect()
}

fn found(json: &str) -> Vec<(String, String)> {
    found_in(&load(json))
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(c, p)| (c.to_string(), p.to_string()))
        .collect()
}

#[track_caller]
fn assert_found(json: &str, expected: &[(&str, &str)]) {
    assert_eq!(found(json), pairs(expected), "{json}");
}

/// An exercise between CHN and RUS with the given extra members.
fn exercise(id: &str, extra: &str) -> String {
    let sep = if extra.trim().is_empty() { "" } else { "," };
    format!(
        r#"{{"id": "{id}", "name": "{id}", "participants": ["CHN", "RUS"], "dates": "2015-05", "sources": ["s"]{sep} {extra}}}"#
    )
}

fn exercises(list: &[String]) -> String {
    doc(&format!(r#""exercises": [{}]"#, list.join(",")))
}

// ---------------------------------------------------------------------------
// Codes, findings and reports

#[test]
fn codes_print_serialize_and_read_back_as_their_text_form() {
    for code in Code::ALL {
        let text = code.as_str();
        assert_eq!(code.to_string(), text);
        assert_eq!(format!("{code}"), text);
        let json = serde_json::to_string(code).unwrap();
        assert_eq!(json, format!("\"{text}\""));
        assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), *code);
    }
    assert_eq!(Code::EndBeforeStart.to_string(), "end-before-start");
    assert_eq!(
        serde_json::to_string(&Code::NoSource).unwrap(),
        r#""no-source""#
    );
    let err = serde_json::from_str::<Code>(r#""no-such-code""#).unwrap_err();
    assert!(
        err.to_string()
            .contains("unknown finding code \"no-such-code\""),
        "{err}"
    );
}

fn finding(code: Code, path: &str, line: Option<usize>, column: Option<usize>) -> Finding {
    Finding {
        code,
        severity: code.default_severity(),
        path: path.to_string(),
        message: "what is wrong".to_string(),
        line,
        column,
    }
}

#[test]
fn findings_display_severity_code_path_position_and_message() {
    assert_eq!(
        finding(Code::EndBeforeStart, "exercises[0].dates", None, None).to_string(),
        "error[end-before-start] at exercises[0].dates: what is wrong"
    );
    assert_eq!(
        finding(Code::NoSource, "patrols[2].sources", None, None).to_string(),
        "warning[no-source] at patrols[2].sources: what is wrong"
    );
    // An empty path is left out, and line and column are shown only together.
    assert_eq!(
        finding(Code::MalformedJson, "", Some(3), Some(7)).to_string(),
        "error[malformed-json] (line 3, column 7): what is wrong"
    );
    assert_eq!(
        finding(Code::MalformedJson, "", Some(3), None).to_string(),
        "error[malformed-json]: what is wrong"
    );
    assert_eq!(
        finding(Code::WrongType, "exercises", None, Some(7)).to_string(),
        "error[wrong-type] at exercises: what is wrong"
    );
}

#[test]
fn report_sorts_errors_from_warnings_and_lists_distinct_codes() {
    let warning_a = finding(Code::NoSource, "a", None, None);
    let error_b = finding(Code::UnknownArea, "b", None, None);
    let warning_c = finding(Code::UndatedRecord, "c", None, None);
    let error_d = finding(Code::UnknownArea, "d", None, None);

    let empty = Report::default();
    assert!(empty.is_clean());
    assert!(!empty.has_errors());
    assert_eq!(empty.errors().count(), 0);
    assert_eq!(empty.warnings().count(), 0);
    assert!(empty.codes().is_empty());

    let warnings_only = Report {
        findings: vec![warning_a.clone(), warning_c.clone()],
    };
    assert!(!warnings_only.is_clean());
    assert!(!warnings_only.has_errors());
    assert_eq!(warnings_only.errors().count(), 0);
    assert_eq!(
        warnings_only.warnings().cloned().collect::<Vec<_>>(),
        [warning_a.clone(), warning_c.clone()]
    );

    let mixed = Report {
        findings: vec![
            warning_a.clone(),
            error_b.clone(),
            warning_c.clone(),
            error_d.clone(),
        ],
    };
    assert!(mixed.has_errors());
    assert!(!mixed.is_clean());
    assert_eq!(
        mixed.errors().cloned().collect::<Vec<_>>(),
        [error_b.clone(), error_d.clone()]
    );
    assert_eq!(
        mixed.warnings().cloned().collect::<Vec<_>>(),
        [warning_a, warning_c]
    );
    // Sorted by code (documentation order) and deduplicated.
    assert_eq!(
        mixed.codes(),
        [Code::UnknownArea, Code::NoSource, Code::UndatedRecord]
    );

    let errors_only = Report {
        findings: vec![error_d, error_b],
    };
    assert!(errors_only.has_errors());
    assert_eq!(errors_only.warnings().count(), 0);
    assert_eq!(errors_only.codes(), [Code::UnknownArea]);
}

#[test]
fn options_ignore_codes_and_strict_makes_every_warning_an_error() {
    // One error (unknown area) and one warning (no source).
    let json = exercises(&[
        exercise("e1", r#""areas": ["nowhere"]"#),
        r#"{"id": "e2", "name": "e2", "participants": ["CHN", "RUS"], "dates": "2015"}"#.into(),
    ]);
    let ds = load(&json);
    let all = ds.validate_with(&ValidateOptions::default());
    assert_eq!(
        all.findings
            .iter()
            .map(|f| (f.code, f.severity))
            .collect::<Vec<_>>(),
        [
            (Code::UnknownArea, Severity::Error),
            (Code::NoSource, Severity::Warning)
        ]
    );
    assert_eq!(ds.validate(), all);

    let ignored = ds.validate_with(&ValidateOptions {
        strict: false,
        ignore: vec![Code::UnknownArea],
    });
    assert_eq!(
        ignored.findings.iter().map(|f| f.code).collect::<Vec<_>>(),
        [Code::NoSource]
    );
    assert!(!ignored.has_errors());

    let strict = ds.validate_with(&ValidateOptions {
        strict: true,
        ignore: vec![Code::UnknownArea],
    });
    assert_eq!(
        strict
            .findings
            .iter()
            .map(|f| (f.code, f.severity))
            .collect::<Vec<_>>(),
        [(Code::NoSource, Severity::Error)]
    );
    assert!(strict.has_errors());
}

// ---------------------------------------------------------------------------
// Document-level checks

#[test]
fn format_version_must_be_one_or_two_point_something() {
    assert_found(&doc(""), &[]);
    let v2 = doc("").replace(r#""formatVersion": "1.0""#, r#""formatVersion": "2.0""#);
    assert_found(&v2, &[]);
    let v3 = doc("").replace(r#""formatVersion": "1.0""#, r#""formatVersion": "3.0""#);
    assert_found(&v3, &[("unsupported-format-version", "formatVersion")]);
    let v11 = doc("").replace(r#""formatVersion": "1.0""#, r#""formatVersion": "1.7""#);
    assert_found(&v11, &[]);
}

#[test]
fn ids_must_be_trimmed_non_empty_and_unique() {
    let json = exercises(&[
        exercise("ok", ""),
        exercise("", ""),
        exercise(" padded", ""),
        exercise("padded ", ""),
        exercise("ok", ""),
    ]);
    assert_found(
        &json,
        &[
            ("invalid-id", "exercises[1].id"),
            ("invalid-id", "exercises[2].id"),
            ("invalid-id", "exercises[3].id"),
            ("duplicate-id", "exercises[4].id"),
        ],
    );
    // Ids are unique across every list, and the message names the first use.
    let json = doc(&format!(
        r#""exercises": [{}], "scenarios": [{{"id": "s", "name": "n", "description": "d"}}]"#,
        exercise("e", "")
    ));
    let report = load(&json).validate();
    assert_eq!(report.findings.len(), 1);
    assert_eq!(report.findings[0].code, Code::DuplicateId);
    assert_eq!(report.findings[0].path, "scenarios[0].id");
    assert!(
        report.findings[0].message.contains("sources[0].id"),
        "{}",
        report.findings[0].message
    );
}

#[test]
fn an_area_may_not_reuse_a_built_in_id() {
    let builtin = jointwatch::gazetteer().next().unwrap().id;
    let json = doc(&format!(
        r#""areas": [
            {{"id": "mine", "name": "Mine", "kind": "region"}},
            {{"id": "{builtin}", "name": "Clash", "kind": "region"}}]"#
    ));
    assert_found(&json, &[("duplicate-id", "areas[1].id")]);
    let json = doc(r#""areas": [{"id": "mine", "name": "Mine", "kind": "region"}]"#);
    assert_found(&json, &[]);
}

// ---------------------------------------------------------------------------
// References

#[test]
fn sources_are_required_on_records_but_optional_on_claims_and_scenarios() {
    let json = doc(&format!(
        r#""exercises": [{}, {}],
            "scenarios": [{{"id": "h", "name": "H", "description": "d"}},
                          {{"id": "k", "name": "K", "description": "d", "sources": ["gone"]}}]"#,
        exercise(
            "e1",
            r#""claims": [{"kind": "other", "text": "no source given"}]"#
        ),
        r#"{"id": "e2", "name": "e2", "participants": ["CHN", "RUS"], "dates": "2015", "sources": ["s", "missing"]}"#
    ));
    assert_found(
        &json,
        &[
            ("missing-source", "exercises[1].sources[1]"),
            ("missing-source", "scenarios[1].sources[0]"),
        ],
    );
    let json = exercises(&[r#"{"id": "e", "name": "e", "participants": ["CHN", "RUS"], "dates": "2015", "sources": []}"#.into()]);
    assert_found(&json, &[("no-source", "exercises[0].sources")]);
}

#[test]
fn areas_may_be_built_in_or_defined_but_not_unknown() {
    let builtin = jointwatch::gazetteer().next().unwrap().id;
    let json = doc(&format!(
        r#""areas": [{{"id": "mine", "name": "Mine", "kind": "region"}}],
            "exercises": [{}]"#,
        exercise(
            "e",
            &format!(r#""areas": ["{builtin}", "mine", "neither"]"#)
        )
    ));
    assert_found(&json, &[("unknown-area", "exercises[0].areas[2]")]);
}

#[test]
fn countries_must_be_assigned_and_listed_once() {
    let json = exercises(&[
        r#"{"id": "e", "name": "e", "host": "XXX", "participants": ["CHN", "RUS", "CHN", "ZZZ"], "observers": ["IND"], "dates": "2015", "sources": ["s"]}"#.into(),
    ]);
    assert_found(
        &json,
        &[
            ("unknown-country", "exercises[0].host"),
            ("duplicate-participant", "exercises[0].participants[2]"),
            ("unknown-country", "exercises[0].participants[3]"),
        ],
    );
}

#[test]
fn an_observer_may_not_also_take_part() {
    let json = exercises(&[
        r#"{"id": "e", "name": "e", "participants": ["CHN", "RUS"], "observers": ["IND", "RUS"], "dates": "2015", "sources": ["s"]}"#.into(),
    ]);
    assert_found(
        &json,
        &[("observer-is-participant", "exercises[0].observers[1]")],
    );
}

#[test]
fn joint_records_need_two_distinct_states_and_more_are_fine() {
    let patrol = |id: &str, participants: &str| {
        format!(
            r#"{{"id": "{id}", "kind": "jointNavalPatrol", "participants": {participants}, "dates": "2024", "sources": ["s"]}}"#
        )
    };
    let json = doc(&format!(
        r#""patrols": [{}, {}, {}, {}, {}]"#,
        patrol("one", r#"["CHN"]"#),
        patrol("two", r#"["CHN", "RUS"]"#),
        patrol("three", r#"["CHN", "RUS", "IRN"]"#),
        patrol("none", "[]"),
        patrol(
            "branches",
            r#"[{"country": "CHN", "branch": "navy"}, {"country": "CHN", "branch": "airForce"}]"#
        ),
    ));
    assert_found(
        &json,
        &[
            ("joint-single-participant", "patrols[0].participants"),
            ("joint-single-participant", "patrols[3].participants"),
            ("joint-single-participant", "patrols[4].participants"),
        ],
    );
    let msgs: Vec<String> = load(&json)
        .validate()
        .findings
        .into_iter()
        .map(|f| f.message)
        .collect();
    assert!(msgs[0].ends_with("found 1"), "{}", msgs[0]);
    assert!(msgs[1].ends_with("found 0"), "{}", msgs[1]);
    assert!(msgs[2].ends_with("found 1"), "{}", msgs[2]);
    // An exercise may be held by one state alone.
    let json = exercises(&[
        r#"{"id": "solo", "name": "solo", "participants": ["CHN"], "dates": "2015", "sources": ["s"]}"#.into(),
    ]);
    assert_found(&json, &[]);
}

// ---------------------------------------------------------------------------
// Values

#[test]
fn quantities_may_be_zero_but_not_negative_nor_out_of_order() {
    let json = exercises(&[exercise(
        "e",
        r#""forces": {"ships": 0, "submarines": -1, "aircraft": 3, "personnel": {"min": 5, "max": 2},
                      "equipment": [{"name": "x", "quantity": -2}, {"name": "y", "quantity": 0}]}"#,
    )]);
    assert_found(
        &json,
        &[
            ("negative-quantity", "exercises[0].forces.submarines"),
            ("quantity-out-of-order", "exercises[0].forces.personnel"),
            (
                "negative-quantity",
                "exercises[0].forces.equipment[0].quantity",
            ),
        ],
    );
}

#[test]
fn latitudes_and_longitudes_are_checked_at_and_beyond_their_limits() {
    let route = |pts: &[(f64, f64)]| {
        pts.iter()
            .map(|(lon, lat)| format!(r#"{{"lon": {lon}, "lat": {lat}}}"#))
            .collect::<Vec<_>>()
            .join(",")
    };
    let patrol = |pts: &str| {
        doc(&format!(
            r#""patrols": [{{"id": "p", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2024-11-29",
                "route": [{pts}], "sources": ["s"]}}]"#
        ))
    };
    // Every limit itself, and values well inside, are accepted.
    let ok = route(&[(-180.0, -90.0), (180.0, 90.0), (-45.5, -45.5), (45.5, 45.5)]);
    assert_found(&patrol(&ok), &[]);
    let bad = route(&[(-180.5, -90.5), (180.5, 90.5), (0.0, 0.0)]);
    assert_found(
        &patrol(&bad),
        &[
            ("latitude-out-of-range", "patrols[0].route[0].lat"),
            ("longitude-out-of-range", "patrols[0].route[0].lon"),
            ("latitude-out-of-range", "patrols[0].route[1].lat"),
            ("longitude-out-of-range", "patrols[0].route[1].lon"),
        ],
    );
}

#[test]
fn a_route_of_one_point_is_short_but_two_or_none_are_fine() {
    let patrol = |route: &str| {
        doc(&format!(
            r#""patrols": [{{"id": "p", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2024-11-29",
                "route": [{route}], "sources": ["s"]}}]"#
        ))
    };
    let a = r#"{"lon": 130.0, "lat": 35.0}"#;
    let b = r#"{"lon": 131.0, "lat": 36.0}"#;
    assert_found(&patrol(""), &[]);
    assert_found(&patrol(a), &[("short-route", "patrols[0].route")]);
    assert_found(&patrol(&format!("{a}, {b}")), &[]);
}

#[test]
fn patrol_fields_are_each_checked_with_their_path() {
    let json = doc(
        r#""patrols": [{"id": "p", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"],
            "dates": {"start": "2024-11-30", "end": "2024-11-29"},
            "platforms": [{"model": "m", "role": "bomber", "country": "XXX", "count": -1}],
            "areas": ["nowhere"], "adizEntered": ["ZZZ"],
            "responses": [{"by": "XXX", "action": "scramble", "count": {"min": 3, "max": 1}}],
            "sources": []}]"#,
    );
    assert_found(
        &json,
        &[
            ("end-before-start", "patrols[0].dates"),
            ("unknown-country", "patrols[0].platforms[0].country"),
            ("negative-quantity", "patrols[0].platforms[0].count"),
            ("unknown-area", "patrols[0].areas[0]"),
            ("unknown-country", "patrols[0].adizEntered[0]"),
            ("unknown-country", "patrols[0].responses[0].by"),
            ("quantity-out-of-order", "patrols[0].responses[0].count"),
            ("no-source", "patrols[0].sources"),
        ],
    );
    let undated = doc(
        r#""patrols": [{"id": "p", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "sources": ["s"]}]"#,
    );
    assert_found(&undated, &[("undated-record", "patrols[0].dates")]);
}

#[test]
fn area_boxes_and_polygons_are_checked_element_by_element() {
    let json = doc(
        r#""areas": [{"id": "a", "name": "A", "kind": "region", "bbox": [10.0, -91.0, 200.0, 10.0],
                      "polygon": [{"lon": 0, "lat": 0}, {"lon": -181, "lat": 0}]}]"#,
    );
    assert_found(
        &json,
        &[
            ("latitude-out-of-range", "areas[0].bbox[1]"),
            ("longitude-out-of-range", "areas[0].bbox[2]"),
            ("longitude-out-of-range", "areas[0].polygon[1].lon"),
        ],
    );
}

// ---------------------------------------------------------------------------
// Periods

fn statistic_with_period(period: &str) -> String {
    doc(&format!(
        r#""statistics": [{{"id": "st", "label": "l", "measure": "scrambles", "period": {period}, "quantity": 5, "sources": ["s"]}}]"#
    ))
}

#[test]
fn fiscal_years_check_the_first_month_then_the_year() {
    let fy = |year: i32, first: i32| {
        statistic_with_period(&format!(
            r#"{{"type": "fiscalYear", "year": {year}, "firstMonth": {first}}}"#
        ))
    };
    assert_found(&fy(2023, 4), &[]);
    assert_found(&fy(2023, 1), &[]);
    assert_found(&fy(2023, 12), &[]);
    assert_found(
        &fy(2023, 13),
        &[("invalid-fiscal-start", "statistics[0].period.firstMonth")],
    );
    assert_found(
        &fy(2023, 0),
        &[("invalid-fiscal-start", "statistics[0].period.firstMonth")],
    );
    // Year 0 is a real day for the date library but outside the format's 1–9999.
    assert_found(&fy(0, 4), &[("invalid-period", "statistics[0].period")]);
    assert_found(&fy(10000, 4), &[("invalid-period", "statistics[0].period")]);
    assert_found(&fy(9998, 1), &[]);
    assert_found(&fy(1, 4), &[]);
}

#[test]
fn spans_of_years_must_be_in_order_and_in_range() {
    let years = |start: i32, end: i32| {
        statistic_with_period(&format!(
            r#"{{"type": "years", "start": {start}, "end": {end}}}"#
        ))
    };
    assert_found(&years(2014, 2016), &[]);
    assert_found(&years(2014, 2014), &[]);
    assert_found(&years(1, 9999), &[]);
    let reversed = load(&years(2016, 2014)).validate();
    assert_eq!(reversed.findings.len(), 1);
    assert_eq!(reversed.findings[0].code, Code::InvalidPeriod);
    assert_eq!(reversed.findings[0].path, "statistics[0].period");
    assert!(reversed.findings[0]
        .message
        .contains("ends (2014) before it starts (2016)"));
    for (start, end) in [(0, 5), (5, 10000), (0, 10000)] {
        let r = load(&years(start, end)).validate();
        assert_eq!(
            r.findings
                .iter()
                .map(|f| (f.code, f.path.as_str(), f.message.as_str()))
                .collect::<Vec<_>>(),
            [(
                Code::InvalidPeriod,
                "statistics[0].period",
                "years run from 1 to 9999"
            )],
            "{start}..{end}"
        );
    }
}

#[test]
fn calendar_quarter_and_month_periods_check_year_and_fields() {
    let ok = [
        r#"{"type": "calendarYear", "year": 2024}"#,
        r#"{"type": "quarter", "year": 2024, "quarter": 4}"#,
        r#"{"type": "month", "year": 2024, "month": 12}"#,
        r#"{"type": "calendarYear", "year": 1}"#,
    ];
    for p in ok {
        assert_found(&statistic_with_period(p), &[]);
    }
    let bad = [
        // Year 0 exists for the date library (well-formed), but not for the format.
        r#"{"type": "calendarYear", "year": 0}"#,
        r#"{"type": "quarter", "year": 0, "quarter": 1}"#,
        r#"{"type": "month", "year": 0, "month": 1}"#,
        r#"{"type": "calendarYear", "year": 10000}"#,
        // A year in range with a malformed field.
        r#"{"type": "quarter", "year": 2024, "quarter": 5}"#,
        r#"{"type": "month", "year": 2024, "month": 13}"#,
    ];
    for p in bad {
        assert_found(
            &statistic_with_period(p),
            &[("invalid-period", "statistics[0].period")],
        );
    }
}

// ---------------------------------------------------------------------------
// Statistics

#[test]
fn joint_measures_need_two_subjects_when_subjects_are_given() {
    let stat = |measure: &str, subjects: &str| {
        doc(&format!(
            r#""statistics": [{{"id": "st", "label": "l", "measure": "{measure}", "subjects": {subjects},
                "period": {{"type": "calendarYear", "year": 2024}}, "quantity": {{"atLeast": 1}}, "sources": ["s"]}}]"#
        ))
    };
    assert_found(&stat("jointExercises", "[]"), &[]);
    assert_found(&stat("jointExercises", r#"["CHN", "RUS"]"#), &[]);
    assert_found(
        &stat("jointExercises", r#"["CHN"]"#),
        &[("joint-single-participant", "statistics[0].subjects")],
    );
    assert_found(&stat("scrambles", r#"["CHN"]"#), &[]);
    assert_found(
        &stat("scrambles", r#"["CHN", "CHN", "XXX"]"#),
        &[
            ("duplicate-participant", "statistics[0].subjects[1]"),
            ("unknown-country", "statistics[0].subjects[2]"),
        ],
    );
}

#[test]
fn a_statistic_needs_a_period_or_an_as_of_date() {
    let stat = |when: &str| {
        doc(&format!(
            r#""statistics": [{{"id": "st", "label": "l", "measure": "scrambles",
                "reporter": {{"name": "r", "country": "XXX"}} {when}, "quantity": 5, "sources": ["s"]}}]"#
        ))
    };
    assert_found(
        &stat(""),
        &[
            ("unknown-country", "statistics[0].reporter.country"),
            ("undated-record", "statistics[0].period"),
        ],
    );
    assert_found(
        &stat(r#", "asOf": "2024""#),
        &[("unknown-country", "statistics[0].reporter.country")],
    );
    assert_found(
        &stat(r#", "period": {"type": "calendarYear", "year": 2024}"#),
        &[("unknown-country", "statistics[0].reporter.country")],
    );
}

fn breakdown(total: &str, parts: &[&str]) -> String {
    let entries: Vec<String> = parts
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let cat = ["CHN", "RUS", "other"][i];
            format!(r#"{{"category": "{cat}", "quantity": {q}}}"#)
        })
        .collect();
    doc(&format!(
        r#""statistics": [{{"id": "st", "label": "l", "measure": "scrambles",
            "period": {{"type": "calendarYear", "year": 2024}}, "quantity": {total},
            "breakdown": [{}, {{"category": "unknown"}}], "sources": ["s"]}}]"#,
        entries.join(",")
    ))
}

#[test]
fn a_breakdown_may_reach_its_total_but_not_exceed_it() {
    assert_found(&breakdown("10", &["4", "6"]), &[]);
    assert_found(&breakdown("10", &["4", "5"]), &[]);
    assert_found(
        &breakdown("10", &["4", "7"]),
        &[("breakdown-exceeds-total", "statistics[0].breakdown")],
    );
    // Only the parts' lower bounds count: "at least 4" and "4–9" add up to at least 8.
    assert_found(
        &breakdown("8", &[r#"{"atLeast": 4}"#, r#"{"min": 4, "max": 9}"#]),
        &[],
    );
    assert_found(
        &breakdown("7", &[r#"{"atLeast": 4}"#, r#"{"min": 4, "max": 9}"#]),
        &[("breakdown-exceeds-total", "statistics[0].breakdown")],
    );
    // A total with no upper bound cannot be exceeded.
    assert_found(&breakdown(r#"{"atLeast": 1}"#, &["40", "60"]), &[]);
    // Each part is checked as a quantity, and country categories as countries.
    let json =
        breakdown("10", &["-1", "2"]).replace(r#""category": "CHN""#, r#""category": "XXX""#);
    assert_found(
        &json,
        &[
            ("unknown-country", "statistics[0].breakdown[0].category"),
            ("negative-quantity", "statistics[0].breakdown[0].quantity"),
        ],
    );
}

// ---------------------------------------------------------------------------
// Scenarios and indicators

#[test]
fn priors_must_be_probabilities_and_not_certainties() {
    let prior = |p: &str| {
        doc(&format!(
            r#""scenarios": [{{"id": "h", "name": "H", "description": "d", "prior": {p}}}]"#
        ))
    };
    for p in ["0.5", "0.001", "0.999"] {
        assert_found(&prior(p), &[]);
    }
    for p in ["0", "1", "0.0", "1.0"] {
        assert_found(&prior(p), &[("extreme-probability", "scenarios[0].prior")]);
    }
    for p in ["-0.1", "1.5"] {
        assert_found(
            &prior(p),
            &[("probability-out-of-range", "scenarios[0].prior")],
        );
    }
}

fn indicator(bears_on: &str, extra: &str) -> String {
    doc(&format!(
        r#""scenarios": [{{"id": "h", "name": "H", "description": "d"}}],
           "indicators": [{{"id": "i", "name": "I", "metric": {{"type": "observed"}},
             "rule": {{"direction": "atLeast", "threshold": 2, "watch": 1}},
             "bearsOn": [{bears_on}] {extra}}}]"#
    ))
}

fn bearing(scenario: &str, if_fired: f64, if_not_fired: f64) -> String {
    format!(r#"{{"scenario": "{scenario}", "ifFired": {if_fired}, "ifNotFired": {if_not_fired}}}"#)
}

#[test]
fn an_indicator_is_diagnostic_when_either_ratio_differs_from_one() {
    assert_found(&indicator(&bearing("h", 2.0, 0.5), ""), &[]);
    assert_found(&indicator(&bearing("h", 1.0, 0.5), ""), &[]);
    assert_found(&indicator(&bearing("h", 2.0, 1.0), ""), &[]);
    assert_found(
        &indicator(&bearing("h", 1.0, 1.0), ""),
        &[("non-diagnostic-indicator", "indicators[0].bearsOn")],
    );
    assert_found(
        &indicator("", ""),
        &[("non-diagnostic-indicator", "indicators[0].bearsOn")],
    );
}

#[test]
fn indicators_name_unknown_scenarios_and_bad_ratios() {
    assert_found(
        &indicator(&bearing("gone", 2.0, 0.5), ""),
        &[("unknown-scenario", "indicators[0].bearsOn[0].scenario")],
    );
    for lr in ["0", "-1"] {
        let json = indicator(
            &format!(r#"{{"scenario": "h", "ifFired": {lr}, "ifNotFired": 0.5}}"#),
            "",
        );
        assert_found(
            &json,
            &[(
                "invalid-likelihood-ratio",
                "indicators[0].bearsOn[0].ifFired",
            )],
        );
        let json = indicator(
            &format!(r#"{{"scenario": "h", "ifFired": 2, "ifNotFired": {lr}}}"#),
            "",
        );
        assert_found(
            &json,
            &[(
                "invalid-likelihood-ratio",
                "indicators[0].bearsOn[0].ifNotFired",
            )],
        );
    }
    // Very small and very large finite ratios are valid.
    assert_found(&indicator(&bearing("h", 1e-9, 1e9), ""), &[]);
    // JSON cannot write infinity, but a dataset built in code can hold it.
    let mut ds = load(&indicator(&bearing("h", 2.0, 0.5), ""));
    ds.indicators[0].bears_on[0].if_fired = f64::INFINITY;
    ds.indicators[0].bears_on[0].if_not_fired = f64::NAN;
    assert_eq!(
        found_in(&ds),
        pairs(&[
            (
                "invalid-likelihood-ratio",
                "indicators[0].bearsOn[0].ifFired"
            ),
            (
                "invalid-likelihood-ratio",
                "indicators[0].bearsOn[0].ifNotFired"
            ),
        ])
    );
}

#[test]
fn indicator_rules_filters_and_observations_are_checked() {
    let json = indicator(&bearing("h", 2.0, 0.5), "").replace(
        r#""threshold": 2, "watch": 1"#,
        r#""threshold": 2, "watch": 3"#,
    );
    assert_found(&json, &[("thresholds-out-of-order", "indicators[0].rule")]);
    let json = indicator(
        &bearing("h", 2.0, 0.5),
        r#", "observations": [{"date": "2024", "value": 1}, {"date": "2024-05", "value": 2, "sources": ["s"]}],
            "sources": ["gone"]"#,
    );
    assert_found(
        &json,
        &[
            ("no-source", "indicators[0].observations[0].sources"),
            ("missing-source", "indicators[0].sources[0]"),
        ],
    );
    let json = indicator(&bearing("h", 2.0, 0.5), "").replace(
        r#""metric": {"type": "observed"}"#,
        r#""metric": {"type": "count", "filter": {"participantsAny": ["XXX"], "participantsAll": ["CHN", "ZZZ"],
            "areas": ["nowhere"], "from": "2024", "to": "2023"}}"#,
    );
    assert_found(
        &json,
        &[
            (
                "unknown-country",
                "indicators[0].metric.filter.participantsAny[0]",
            ),
            (
                "unknown-country",
                "indicators[0].metric.filter.participantsAll[1]",
            ),
            ("unknown-area", "indicators[0].metric.filter.areas[0]"),
            ("end-before-start", "indicators[0].metric.filter"),
        ],
    );
}

// ---------------------------------------------------------------------------
// Counted against reported

fn joint_exercises_doc(dates: &[&str], statistic: &str) -> String {
    let list: Vec<String> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| {
            format!(
                r#"{{"id": "e{i}", "name": "E{i}", "participants": ["CHN", "RUS"], "dates": {d}, "sources": ["s"]}}"#
            )
        })
        .collect();
    doc(&format!(
        r#""exercises": [{}],
           "statistics": [{{"id": "st", "label": "l", "measure": "jointExercises", "subjects": ["CHN", "RUS"], {statistic}, "sources": ["s"]}}]"#,
        list.join(",")
    ))
}

const EXCEEDS: (&str, &str) = ("counted-exceeds-reported", "statistics[0].quantity");

#[test]
fn a_total_for_a_period_is_compared_with_the_records_inside_it() {
    let three_in_2024 = [r#""2024-03""#, r#""2024-07-15""#, r#""2024-12-31""#];
    let total =
        |q: &str| format!(r#""period": {{"type": "calendarYear", "year": 2024}}, "quantity": {q}"#);
    // Counted 3: a reported 3 or more is fine, 2 is contradicted.
    assert_found(&joint_exercises_doc(&three_in_2024, &total("3")), &[]);
    assert_found(&joint_exercises_doc(&three_in_2024, &total("4")), &[]);
    assert_found(
        &joint_exercises_doc(&three_in_2024, &total("2")),
        &[EXCEEDS],
    );
    // An exclusive bound: "under 4" allows 3, "under 3" does not.
    assert_found(
        &joint_exercises_doc(&three_in_2024, &total(r#"{"under": 4}"#)),
        &[],
    );
    assert_found(
        &joint_exercises_doc(&three_in_2024, &total(r#"{"under": 3}"#)),
        &[EXCEEDS],
    );
    // Records just outside the period, or only partly inside, are not counted.
    let edges = [
        r#""2023-12-31""#,
        r#""2024-01-01""#,
        r#""2025-01-01""#,
        r#"{"start": "2023-12-30", "end": "2024-01-02"}"#,
        r#""2024""#,
    ];
    assert_found(&joint_exercises_doc(&edges, &total("2")), &[]);
    assert_found(&joint_exercises_doc(&edges, &total("1")), &[EXCEEDS]);
    // A figure with no upper bound cannot be contradicted.
    assert_found(
        &joint_exercises_doc(&three_in_2024, &total(r#"{"atLeast": 1}"#)),
        &[],
    );
    // The message gives the count, the period and the ids.
    let r = load(&joint_exercises_doc(&three_in_2024, &total("2"))).validate();
    assert_eq!(
        r.findings[0].message,
        "reported as 2 but 3 recorded in 2024 (e0, e1, e2)"
    );
}

#[test]
fn a_per_year_rate_is_compared_year_by_year() {
    let per_year = |start: i32, end: i32, q: &str| {
        format!(
            r#""period": {{"type": "years", "start": {start}, "end": {end}}}, "rate": "perYear", "quantity": {q}"#
        )
    };
    let two_in_2015 = [r#""2015-02""#, r#""2015-11-30""#, r#""2016-05""#];
    assert_found(
        &joint_exercises_doc(&two_in_2015, &per_year(2014, 2016, "2")),
        &[],
    );
    assert_found(
        &joint_exercises_doc(&two_in_2015, &per_year(2014, 2016, "1")),
        &[EXCEEDS],
    );
    // Years outside the span are not looked at.
    assert_found(
        &joint_exercises_doc(&two_in_2015, &per_year(2016, 2017, "1")),
        &[],
    );
    assert_found(
        &joint_exercises_doc(&two_in_2015, &per_year(2014, 2014, "0")),
        &[],
    );
    assert_found(
        &joint_exercises_doc(&two_in_2015, &per_year(2015, 2015, "1")),
        &[EXCEEDS],
    );
    let r = load(&joint_exercises_doc(
        &two_in_2015,
        &per_year(2014, 2016, "1"),
    ))
    .validate();
    assert_eq!(
        r.findings[0].message,
        "reported as 1 but 2 recorded in 2015 (e0, e1)"
    );
    // Late years, whose sum would pass 10,000, are still compared.
    let late = [r#""5001-02""#, r#""5001-03""#];
    assert_found(
        &joint_exercises_doc(&late, &per_year(5000, 5002, "1")),
        &[EXCEEDS],
    );
}

#[test]
fn a_per_year_rate_over_an_invalid_span_is_not_compared() {
    let per_year = |start: i32, end: i32| {
        format!(
            r#""period": {{"type": "years", "start": {start}, "end": {end}}}, "rate": "perYear", "quantity": 0"#
        )
    };
    let one_in_2015 = [r#""2015-02""#];
    // A reversed span is reported as invalid, and nothing is counted.
    assert_found(
        &joint_exercises_doc(&one_in_2015, &per_year(2016, 2014)),
        &[("invalid-period", "statistics[0].period")],
    );
    // Spans of 10,000 years or more are not walked year by year.
    for (start, end) in [(3, 10003), (3, 20000), (1, 20000)] {
        assert_found(
            &joint_exercises_doc(&one_in_2015, &per_year(start, end)),
            &[("invalid-period", "statistics[0].period")],
        );
    }
    // A span just under 10,000 years is.
    assert_found(
        &joint_exercises_doc(&one_in_2015, &per_year(1, 9999)),
        &[EXCEEDS],
    );
}

#[test]
fn a_cumulative_figure_counts_records_up_to_its_date() {
    let as_of = |date: &str, q: &str| format!(r#""asOf": "{date}", "quantity": {q}"#);
    let dates = [r#""2015""#, r#""2020-06""#, r#""2024-11-29""#];
    assert_found(&joint_exercises_doc(&dates, &as_of("2024", "3")), &[]);
    assert_found(
        &joint_exercises_doc(&dates, &as_of("2024", "2")),
        &[EXCEEDS],
    );
    // Records after the date are not counted.
    assert_found(&joint_exercises_doc(&dates, &as_of("2020", "2")), &[]);
    assert_found(
        &joint_exercises_doc(&dates, &as_of("2020", "1")),
        &[EXCEEDS],
    );
    let r = load(&joint_exercises_doc(&dates, &as_of("2020", "1"))).validate();
    assert_eq!(
        r.findings[0].message,
        "reported as 1 but 2 recorded by 2020 (e0, e1)"
    );
}

fn patrols_doc(patrols: &[(&str, Option<&str>, u32)], statistic: &str) -> String {
    let list: Vec<String> = patrols
        .iter()
        .map(|(id, date, seq)| {
            let dates = date.map(|d| format!(r#""dates": "{d}","#)).unwrap_or_default();
            format!(
                r#"{{"id": "{id}", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], {dates} "sequence": {seq}, "sources": ["s"]}}"#
            )
        })
        .collect();
    doc(&format!(
        r#""patrols": [{}],
           "statistics": [{{"id": "st", "label": "l", "measure": "jointAirPatrols", "subjects": ["CHN", "RUS"], {statistic}, "sources": ["s"]}}]"#,
        list.join(",")
    ))
}

#[test]
fn a_patrol_numbered_beyond_a_cumulative_count_contradicts_it() {
    let st = |q: &str| format!(r#""asOf": "2024", "quantity": {q}"#);
    let one = [("p9", Some("2024-11-29"), 9)];
    assert_found(&patrols_doc(&one, &st("9")), &[]);
    assert_found(&patrols_doc(&one, &st(r#"{"atMost": 8}"#)), &[EXCEEDS]);
    assert_found(&patrols_doc(&one, &st(r#"{"under": 10}"#)), &[]);
    assert_found(&patrols_doc(&one, &st(r#"{"under": 9}"#)), &[EXCEEDS]);
    // A patrol flown after the date does not count, an undated one does.
    let later = [("p12", Some("2025-02"), 12)];
    assert_found(&patrols_doc(&later, &st("10")), &[]);
    let undated = [("p12", None, 12)];
    assert_found(
        &patrols_doc(&undated, &st("10")),
        &[("undated-record", "patrols[0].dates"), EXCEEDS],
    );
    // The highest number is the one compared, and named.
    let several = [
        ("p3", Some("2020"), 3),
        ("p11", Some("2024-01"), 11),
        ("p7", Some("2022"), 7),
    ];
    let r = load(&patrols_doc(&several, &st("10"))).validate();
    assert_eq!(r.findings.len(), 1);
    assert_eq!(
        r.findings[0].message,
        "reported as 10 but patrol p11 is numbered 11"
    );
}

#[test]
fn the_subjects_decide_which_records_are_counted() {
    // Only exercises in which every subject took part count.
    let json = doc(r#""exercises": [
            {"id": "a", "name": "a", "participants": ["CHN", "RUS"], "dates": "2024-03", "sources": ["s"]},
            {"id": "b", "name": "b", "participants": ["CHN", "IRN"], "dates": "2024-04", "sources": ["s"]}],
           "statistics": [{"id": "st", "label": "l", "measure": "jointExercises", "subjects": ["CHN", "RUS"],
             "period": {"type": "calendarYear", "year": 2024}, "quantity": 1, "sources": ["s"]}]"#);
    assert_found(&json, &[]);
    let json = json.replace(r#""subjects": ["CHN", "RUS"]"#, r#""subjects": ["CHN"]"#);
    assert_found(
        &json,
        &[
            ("joint-single-participant", "statistics[0].subjects"),
            EXCEEDS,
        ],
    );
}

#[test]
fn a_span_of_years_wider_than_a_16_bit_difference_is_refused_not_a_panic() {
    // Found by this mutation work: `end - start` overflowed for years far
    // outside the format's 1–9999 (the fields are 16-bit), a panic in debug builds.
    let json = joint_exercises_doc(
        &[r#""2015-02""#],
        r#""period": {"type": "years", "start": -30000, "end": 30000}, "rate": "perYear", "quantity": 0"#,
    );
    assert_found(&json, &[("invalid-period", "statistics[0].period")]);
    let mut ds = load(&joint_exercises_doc(
        &[r#""2015-02""#],
        r#""period": {"type": "years", "start": 2014, "end": 2016}, "rate": "perYear", "quantity": 0"#,
    ));
    assert_eq!(ds.validate().codes(), [Code::CountedExceedsReported]);
    ds.statistics[0].period = Some(Period::Years {
        start: i16::MIN,
        end: i16::MAX,
    });
    assert_eq!(ds.validate().codes(), [Code::InvalidPeriod]);
}
