//! Which declared [`Coverage`] entry, if any, vouches that a question's
//! records are held completely over a span of days.
//!
//! The rule ([`scope_contains`]): an entry covers a filter over `[first,
//! last]` when its window contains the span and its scope selects every
//! record the filter can select. A subset of a complete set is complete, so
//! narrowing a covered question (a grouping key, one more area, a stricter
//! grading) never breaks coverage; widening it (another record kind, an area
//! the scope does not name, a laxer grading) does.

use jiff::civil::Date;

use crate::dataset::Dataset;
use crate::model::coverage::Coverage;
use crate::model::record::Filter;

impl Dataset {
    /// The first coverage entry whose window contains `[first, last]` and
    /// whose scope holds every record `filter` can select; `None` when no
    /// entry vouches for it (then a count of zero means only "no record
    /// held"). `filter`'s own dates are not read: the span is given.
    ///
    /// # Example
    /// ```
    /// use jointwatch::{parse_json, Dataset, Filter};
    /// let ds = Dataset::from_json(r#"{"formatVersion": "1.0", "coverage": [{
    ///   "id": "air", "description": "every joint air patrol the MND announced",
    ///   "scope": {"kinds": ["patrol"], "domains": ["air"], "participantsAll": ["CHN", "RUS"]},
    ///   "from": "2019", "to": "2025"}]}"#).unwrap();
    /// let day = |s: &str| s.parse().unwrap();
    /// let f: Filter = parse_json(r#"{"kinds": ["patrol"], "domains": ["air"], "participantsAll": ["CHN", "RUS"], "areas": ["sea-of-japan"]}"#).unwrap();
    /// assert_eq!(ds.coverage_for(&f, day("2020-01-01"), day("2020-12-31")).map(|c| c.id.as_str()), Some("air"));
    /// // Before the window, or any patrol (naval ones too): not covered.
    /// assert!(ds.coverage_for(&f, day("2018-01-01"), day("2018-12-31")).is_none());
    /// let wider: Filter = parse_json(r#"{"kinds": ["patrol"], "participantsAll": ["CHN", "RUS"]}"#).unwrap();
    /// assert!(ds.coverage_for(&wider, day("2020-01-01"), day("2020-12-31")).is_none());
    /// ```
    pub fn coverage_for(&self, filter: &Filter, first: Date, last: Date) -> Option<&Coverage> {
        self.coverage.iter().find(|c| {
            c.from.first_day() <= first
                && last <= c.to.last_day()
                && scope_contains(&c.scope, filter)
                && scope_dates_contain(&c.scope, first, last)
        })
    }
}

/// Whether every record `filter` can select is one `scope` selects
/// (dates aside). Field by field, a scope that names:
///
/// - kinds: the filter names kinds, all of them in the scope's;
/// - `participantsAll`: the filter requires each of them;
/// - `participantsAny`: the filter requires one of them (in its
///   `participantsAll`), or names only states of the scope's list in its
///   own `participantsAny`;
/// - `minParticipants`: the filter asks at least as many (or requires as
///   many distinct states in `participantsAll`);
/// - domains, areas, tags: the filter names some, all of them in the scope's;
/// - a minimum reliability or credibility: the filter asks one at least as
///   strict.
///
/// A scope that does not name a field holds records of any value of it.
pub fn scope_contains(scope: &Filter, filter: &Filter) -> bool {
    fn subset<T: PartialEq>(scope: &[T], filter: &[T]) -> bool {
        scope.is_empty() || (!filter.is_empty() && filter.iter().all(|x| scope.contains(x)))
    }
    let all_required = scope
        .participants_all
        .iter()
        .all(|c| filter.participants_all.contains(c));
    let any_required = scope.participants_any.is_empty()
        || filter
            .participants_all
            .iter()
            .any(|c| scope.participants_any.contains(c))
        || subset(&scope.participants_any, &filter.participants_any);
    let min_required = scope.min_participants.is_none_or(|m| {
        let mut states = filter.participants_all.clone();
        crate::sort::sort(&mut states);
        states.dedup();
        filter.min_participants.is_some_and(|f| f >= m) || states.len() as u64 >= u64::from(m)
    });
    let graded = scope
        .min_reliability
        .is_none_or(|m| filter.min_reliability.is_some_and(|f| f <= m))
        && scope
            .min_credibility
            .is_none_or(|m| filter.min_credibility.is_some_and(|f| f <= m));
    subset(&scope.kinds, &filter.kinds)
        && all_required
        && any_required
        && min_required
        && subset(&scope.domains, &filter.domains)
        && subset(&scope.areas, &filter.areas)
        && subset(&scope.tags, &filter.tags)
        && graded
}

/// A scope that carries dates of its own narrows the entry's window.
fn scope_dates_contain(scope: &Filter, first: Date, last: Date) -> bool {
    scope.from.is_none_or(|d| d.first_day() <= first)
        && scope.to.is_none_or(|d| last <= d.last_day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::read::parse_json;

    fn f(json: &str) -> Filter {
        parse_json(json).unwrap()
    }

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    const SCOPE: &str = r#"{"kinds": ["patrol"], "domains": ["air"], "participantsAll": ["CHN", "RUS"],
        "areas": ["sea-of-japan", "east-china-sea"], "minReliability": "C"}"#;

    #[test]
    fn narrower_questions_are_covered() {
        let scope = f(SCOPE);
        for inside in [
            r#"{"kinds": ["patrol"], "domains": ["air"], "participantsAll": ["CHN", "RUS"], "areas": ["sea-of-japan"], "minReliability": "C"}"#,
            r#"{"kinds": ["patrol"], "domains": ["air"], "participantsAll": ["RUS", "CHN", "IRN"], "areas": ["sea-of-japan", "east-china-sea"], "minReliability": "A", "tags": ["x"]}"#,
            r#"{"kinds": ["patrol"], "domains": ["air"], "participantsAll": ["CHN", "RUS"], "areas": ["east-china-sea"], "minReliability": "B", "minCredibility": 2, "minParticipants": 3}"#,
        ] {
            assert!(scope_contains(&scope, &f(inside)), "{inside}");
        }
    }

    #[test]
    fn wider_questions_are_not() {
        let scope = f(SCOPE);
        let base = r#""domains": ["air"], "participantsAll": ["CHN", "RUS"], "areas": ["sea-of-japan"], "minReliability": "C""#;
        for outside in [
            // Every kind (the default) or a kind the scope does not hold.
            format!("{{{base}}}"),
            format!(r#"{{"kinds": ["patrol", "exercise"], {base}}}"#),
            // Naval patrols too, or any domain.
            r#"{"kinds": ["patrol"], "domains": ["air", "naval"], "participantsAll": ["CHN", "RUS"], "areas": ["sea-of-japan"], "minReliability": "C"}"#.into(),
            r#"{"kinds": ["patrol"], "participantsAll": ["CHN", "RUS"], "areas": ["sea-of-japan"], "minReliability": "C"}"#.into(),
            // Patrols China flies without Russia.
            r#"{"kinds": ["patrol"], "domains": ["air"], "participantsAll": ["CHN"], "areas": ["sea-of-japan"], "minReliability": "C"}"#.into(),
            r#"{"kinds": ["patrol"], "domains": ["air"], "participantsAny": ["CHN", "RUS"], "areas": ["sea-of-japan"], "minReliability": "C"}"#.into(),
            // An area outside the scope, or every area.
            r#"{"kinds": ["patrol"], "domains": ["air"], "participantsAll": ["CHN", "RUS"], "areas": ["sea-of-japan", "baltic-sea"], "minReliability": "C"}"#.into(),
            r#"{"kinds": ["patrol"], "domains": ["air"], "participantsAll": ["CHN", "RUS"], "minReliability": "C"}"#.into(),
            // A laxer grading, or none.
            r#"{"kinds": ["patrol"], "domains": ["air"], "participantsAll": ["CHN", "RUS"], "areas": ["sea-of-japan"], "minReliability": "D"}"#.into(),
            r#"{"kinds": ["patrol"], "domains": ["air"], "participantsAll": ["CHN", "RUS"], "areas": ["sea-of-japan"]}"#.into(),
        ] {
            assert!(!scope_contains(&scope, &f(&outside)), "{outside}");
        }
    }

    #[test]
    fn participant_lists_and_counts() {
        let any = f(r#"{"participantsAny": ["CHN", "RUS"]}"#);
        assert!(scope_contains(
            &any,
            &f(r#"{"participantsAll": ["RUS", "IRN"]}"#)
        ));
        assert!(scope_contains(&any, &f(r#"{"participantsAny": ["CHN"]}"#)));
        assert!(!scope_contains(
            &any,
            &f(r#"{"participantsAny": ["CHN", "IRN"]}"#)
        ));
        assert!(!scope_contains(&any, &f("{}")));
        let two = f(r#"{"minParticipants": 2}"#);
        assert!(scope_contains(&two, &f(r#"{"minParticipants": 3}"#)));
        assert!(scope_contains(
            &two,
            &f(r#"{"participantsAll": ["CHN", "RUS"]}"#)
        ));
        assert!(!scope_contains(
            &two,
            &f(r#"{"participantsAll": ["CHN", "CHN"]}"#)
        ));
        assert!(!scope_contains(&two, &f(r#"{"minParticipants": 1}"#)));
        // An empty scope holds everything.
        assert!(scope_contains(&Filter::default(), &f(SCOPE)));
    }

    #[test]
    fn the_window_must_contain_the_span() {
        let ds = Dataset::from_json(&format!(
            r#"{{"formatVersion": "1.0", "coverage": [
              {{"id": "early", "description": "d", "scope": {SCOPE}, "from": "2019", "to": "2021"}},
              {{"id": "late", "description": "d", "scope": {SCOPE}, "from": "2022-04", "to": "2025"}}]}}"#
        ))
        .unwrap();
        let q = f(SCOPE);
        let id = |a: &str, b: &str| ds.coverage_for(&q, day(a), day(b)).map(|c| c.id.clone());
        assert_eq!(id("2019-01-01", "2019-12-31").as_deref(), Some("early"));
        assert_eq!(id("2024-01-01", "2025-12-31").as_deref(), Some("late"));
        // 2022 starts before the later window; no one entry spans 2021–2022.
        assert_eq!(id("2022-01-01", "2022-12-31"), None);
        assert_eq!(id("2021-06-01", "2022-06-30"), None);
        assert_eq!(id("2018-12-31", "2019-12-31"), None);
        // Scope dates narrow the window further.
        let dated = Dataset::from_json(
            r#"{"formatVersion": "1.0", "coverage": [{"id": "c", "description": "d",
              "scope": {"to": "2020"}, "from": "2019", "to": "2025"}]}"#,
        )
        .unwrap();
        assert!(dated
            .coverage_for(&Filter::default(), day("2020-01-01"), day("2020-12-31"))
            .is_some());
        assert!(dated
            .coverage_for(&Filter::default(), day("2021-01-01"), day("2021-12-31"))
            .is_none());
    }
}
