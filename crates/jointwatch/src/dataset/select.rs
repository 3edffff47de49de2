//! Which records of a dataset pass a [`Filter`], and how cited sources are
//! looked up.

use crate::dataset::Dataset;
use crate::model::activity::Activity;
use crate::model::actor::CountryCode;
use crate::model::exercise::Domain;
use crate::model::exercise::Exercise;
use crate::model::incident::Incident;
use crate::model::patrol::Patrol;
use crate::model::record::{patrol_domain, Filter, Record};
use crate::model::source::{Grading, Source};
use crate::model::statistic::Statistic;
use serde::Serialize;

impl<'a> Record<'a> {
    /// Every record of a dataset: exercises, then patrols, statistics,
    /// incidents and activities.
    pub fn all(ds: &'a Dataset) -> impl Iterator<Item = Record<'a>> {
        ds.exercises
            .iter()
            .map(Record::Exercise)
            .chain(ds.patrols.iter().map(Record::Patrol))
            .chain(ds.statistics.iter().map(Record::Statistic))
            .chain(ds.incidents.iter().map(Record::Incident))
            .chain(ds.activities.iter().map(Record::Activity))
    }
}

/// The records a filter keeps, by kind ([`Filter::select_by_kind`]).
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Default, Serialize)]
pub struct Selection<'a> {
    /// The exercises kept.
    pub exercises: Vec<&'a Exercise>,
    /// The patrols kept.
    pub patrols: Vec<&'a Patrol>,
    /// The statistics kept.
    pub statistics: Vec<&'a Statistic>,
    /// The incidents kept.
    pub incidents: Vec<&'a Incident>,
    /// The activities kept.
    pub activities: Vec<&'a Activity>,
}

impl Filter {
    /// Whether a record passes every condition of the filter.
    ///
    /// Date bounds keep a record whose span may overlap them; an undated
    /// record fails any date bound.
    ///
    /// # Example
    /// ```
    /// use jointwatch::{Filter, Record};
    /// let seed = jointwatch::seed();
    /// let f: Filter = serde_json::from_str(r#"{"kinds": ["exercise"], "areas": ["sea-of-japan"]}"#).unwrap();
    /// let hits: Vec<_> = Record::all(&seed).filter(|r| f.matches(&seed, r)).map(|r| r.id()).collect();
    /// assert_eq!(hits, ["northern-interaction-2024"]);
    /// ```
    pub fn matches(&self, ds: &Dataset, r: &Record<'_>) -> bool {
        self.matches_with(&Sources::scan(ds), r)
    }

    /// [`matches`](Filter::matches), looking cited sources up in `sources`
    /// (from [`sources_for`](Filter::sources_for)).
    pub(crate) fn matches_with(&self, sources: &Sources<'_>, r: &Record<'_>) -> bool {
        if !self.kinds.is_empty() && !self.kinds.contains(&r.kind()) {
            return false;
        }
        // Answered on the record's own lists, without collecting its states
        // or domains (`Record::states`, `Record::domains`).
        let ps = r.participants();
        let has = |c: &CountryCode| ps.iter().any(|p| p.country == *c);
        if !self.participants_any.is_empty() && !self.participants_any.iter().any(has) {
            return false;
        }
        if !self.participants_all.iter().all(has) {
            return false;
        }
        if let Some(n) = self.min_participants {
            // The distinct states: each counted at its first listing.
            let states = ps
                .iter()
                .enumerate()
                .filter(|(i, p)| !ps[..*i].iter().any(|q| q.country == p.country))
                .count();
            if (states as u64) < u64::from(n) {
                return false;
            }
        }
        if !self.domains.is_empty() {
            let patrol;
            let d: &[Domain] = match r {
                Record::Exercise(e) => &e.domains,
                Record::Patrol(p) => {
                    patrol = [patrol_domain(p.kind)];
                    &patrol
                }
                Record::Activity(a) => a.domain.as_slice(),
                Record::Statistic(_) | Record::Incident(_) => &[],
            };
            if !self.domains.iter().any(|x| d.contains(x)) {
                return false;
            }
        }
        if !self.areas.is_empty() && !self.areas.iter().any(|a| r.areas().contains(a)) {
            return false;
        }
        if self.joint.is_some_and(|j| j != r.is_joint()) {
            return false;
        }
        if !self.incident_kinds.is_empty()
            && !matches!(r, Record::Incident(i) if self.incident_kinds.contains(&i.kind))
        {
            return false;
        }
        if !self.by.is_empty()
            && !matches!(r, Record::Incident(i) if i.by.iter().any(|p| self.by.contains(&p.country)))
        {
            return false;
        }
        if !self.against.is_empty()
            && !matches!(r, Record::Incident(i) if i.against.iter().any(|c| self.against.contains(c)))
        {
            return false;
        }
        if !self.numbered_by.is_empty()
            && !matches!(r, Record::Patrol(p) if p.numbering.iter().any(|n| n.by.is_some_and(|b| self.numbered_by.contains(&b))))
        {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            let Some((first, last)) = r.span() else {
                return false;
            };
            if let Some(from) = self.from {
                if last < from.first_day() {
                    return false;
                }
            }
            if let Some(to) = self.to {
                if first > to.last_day() {
                    return false;
                }
            }
        }
        if !self.tags.is_empty() && !self.tags.iter().any(|t| r.tags().contains(t)) {
            return false;
        }
        if self.min_reliability.is_some() || self.min_credibility.is_some() {
            let ok = r
                .sources()
                .iter()
                .filter_map(|id| sources.get(id))
                .any(|s| {
                    self.min_reliability.is_none_or(|m| s.reliability <= m)
                        && self.min_credibility.is_none_or(|m| s.credibility <= m)
                });
            if !ok {
                return false;
            }
        }
        true
    }

    /// The records of a dataset that pass the filter, in the order of
    /// [`Record::all`].
    ///
    /// # Example
    /// ```
    /// use jointwatch::{parse_json, Filter};
    /// let seed = jointwatch::seed();
    /// let f: Filter = parse_json(r#"{"kinds": ["exercise", "patrol"], "participantsAll": ["CHN", "RUS"], "from": "2024"}"#).unwrap();
    /// let ids: Vec<&str> = f.select(&seed).iter().map(|r| r.id()).collect();
    /// // The seed's joint air patrol is undated, so a date bound leaves it out.
    /// assert_eq!(ids, ["northern-interaction-2024", "ocean-2024"]);
    /// ```
    pub fn select<'a>(&self, ds: &'a Dataset) -> Vec<Record<'a>> {
        let sources = self.sources_for(ds);
        Record::all(ds)
            .filter(|r| self.matches_with(&sources, r))
            .collect()
    }

    /// How [`matches_with`](Filter::matches_with) looks up the sources of
    /// `ds` for this filter: a grading filter looks up every cited source,
    /// so they are indexed once; otherwise none is looked up.
    pub(crate) fn sources_for<'a>(&self, ds: &'a Dataset) -> Sources<'a> {
        if self.min_reliability.is_some() || self.min_credibility.is_some() {
            Sources::index(ds)
        } else {
            Sources::scan(ds)
        }
    }

    /// The records of a dataset that pass the filter, by kind.
    ///
    /// # Example
    /// ```
    /// use jointwatch::Filter;
    /// let seed = jointwatch::seed();
    /// let kept = Filter::default().select_by_kind(&seed);
    /// assert_eq!((kept.exercises.len(), kept.patrols.len()), (2, 1));
    /// ```
    pub fn select_by_kind<'a>(&self, ds: &'a Dataset) -> Selection<'a> {
        let mut out = Selection::default();
        for record in self.select(ds) {
            match record {
                Record::Exercise(e) => out.exercises.push(e),
                Record::Patrol(p) => out.patrols.push(p),
                Record::Statistic(s) => out.statistics.push(s),
                Record::Incident(i) => out.incidents.push(i),
                Record::Activity(a) => out.activities.push(a),
            }
        }
        out
    }
}

/// The records a filter keeps, each event once ([`Filter::select_events`]).
#[derive(Debug, Default)]
pub struct Events<'a> {
    /// The records counted: of each group of records linked `sameEvent`
    /// (directly or through others), the first that passes the filter, in
    /// the order of [`Record::all`].
    pub counted: Vec<Record<'a>>,
    /// The records that pass the filter but are left out as records of an
    /// event already counted, each with the id of the record counted.
    pub same_event: Vec<(Record<'a>, &'a str)>,
}

impl Filter {
    /// The records of a dataset that pass the filter, counting each event
    /// once: records linked `sameEvent` (in either direction, and through
    /// one another) are one event, counted at the first of them that passes
    /// the filter in the order of [`Record::all`]. Without `sameEvent`
    /// links this is [`select`](Filter::select).
    ///
    /// # Example
    /// ```
    /// use jointwatch::{Dataset, Filter};
    /// let ds = Dataset::from_json(r#"{"formatVersion": "2.0",
    ///   "patrols": [
    ///     {"id": "a", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2024-11-29"},
    ///     {"id": "b", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "dates": "2024-11-29",
    ///      "links": [{"rel": "sameEvent", "to": "a"}]}]}"#).unwrap();
    /// let e = Filter::default().select_events(&ds);
    /// assert_eq!(e.counted.iter().map(|r| r.id()).collect::<Vec<_>>(), ["a"]);
    /// assert_eq!((e.same_event[0].0.id(), e.same_event[0].1), ("b", "a"));
    /// ```
    pub fn select_events<'a>(&self, ds: &'a Dataset) -> Events<'a> {
        let selected = self.select(ds);
        let linked = Record::all(ds).any(|r| {
            r.links()
                .iter()
                .any(|l| l.rel == crate::model::link::LinkKind::SameEvent)
        });
        if !linked {
            return Events {
                counted: selected,
                same_event: Vec::new(),
            };
        }
        let groups = same_event_groups(ds);
        let mut seen: std::collections::HashMap<usize, &'a str> = Default::default();
        let mut out = Events::default();
        for r in selected {
            let Some(&root) = groups.get(r.id()) else {
                out.counted.push(r);
                continue;
            };
            match seen.get(&root) {
                Some(first) => out.same_event.push((r, first)),
                None => {
                    seen.insert(root, r.id());
                    out.counted.push(r);
                }
            }
        }
        out
    }
}

/// Every record id in a `sameEvent` group, with its group's number (the
/// position in [`Record::all`] of the group's first record). Used by
/// selection (a group counts once) and by the Parquet writer (its
/// `same_event` column).
pub(crate) fn same_event_groups(ds: &Dataset) -> std::collections::HashMap<&str, usize> {
    use std::collections::HashMap;
    let linked = Record::all(ds).any(|r| {
        r.links()
            .iter()
            .any(|l| l.rel == crate::model::link::LinkKind::SameEvent)
    });
    if !linked {
        return HashMap::new();
    }
    let records: Vec<Record<'_>> = Record::all(ds).collect();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        index.entry(r.id()).or_insert(i);
    }
    let mut parent: Vec<usize> = (0..records.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut in_group = vec![false; records.len()];
    for (i, r) in records.iter().enumerate() {
        for l in r.links() {
            if l.rel != crate::model::link::LinkKind::SameEvent {
                continue;
            }
            let Some(&j) = index.get(l.to.as_str()) else {
                continue;
            };
            let (a, b) = (root(&mut parent, i), root(&mut parent, j));
            // The smaller position is the root, so a group's root is its first record.
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            parent[hi] = lo;
            in_group[i] = true;
            in_group[j] = true;
        }
    }
    let mut out = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        if in_group[i] && index.get(r.id()) == Some(&i) {
            let g = root(&mut parent, i);
            out.insert(r.id(), g);
        }
    }
    out
}

/// How cited sources are found: by scanning `Dataset::sources`
/// ([`Dataset::source`]) for a single look-up, or through an index built
/// once for many.
pub(crate) struct Sources<'a> {
    ds: &'a Dataset,
    /// Positions in `ds.sources` in order of id (stably, so the first of a
    /// repeated id comes first), or `None` to scan.
    by_id: Option<Vec<usize>>,
}

impl<'a> Sources<'a> {
    /// Look-ups by scanning, as [`Dataset::source`].
    pub(crate) fn scan(ds: &'a Dataset) -> Sources<'a> {
        Sources { ds, by_id: None }
    }

    /// An index of the sources of `ds` by id; the first of a repeated id
    /// wins, as in [`Dataset::source`].
    pub(crate) fn index(ds: &'a Dataset) -> Sources<'a> {
        let mut by_id: Vec<usize> = (0..ds.sources.len()).collect();
        crate::sort::sort_by(&mut by_id, |a, b| ds.sources[*a].id.cmp(&ds.sources[*b].id));
        Sources {
            ds,
            by_id: Some(by_id),
        }
    }

    /// [`Dataset::best_grading`], looking the ids up here.
    pub(crate) fn best_grading(&self, ids: &[String]) -> Option<Grading> {
        crate::dataset::best_of(ids.iter().filter_map(|id| self.get(id)))
    }

    /// The source with this id.
    pub(crate) fn get(&self, id: &str) -> Option<&'a Source> {
        let sources = &self.ds.sources;
        match &self.by_id {
            None => self.ds.source(id),
            Some(by_id) => {
                let at = by_id.partition_point(|&k| sources[k].id.as_str() < id);
                by_id.get(at).map(|&k| &sources[k]).filter(|s| s.id == id)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::RecordKind;
    use crate::model::source::Reliability;

    fn ids(f: &Filter, ds: &Dataset) -> Vec<String> {
        f.select(ds).iter().map(|r| r.id().to_string()).collect()
    }

    #[test]
    fn participants_any_and_all() {
        let ds = crate::dataset::seed::seed();
        let chn: CountryCode = "CHN".parse().unwrap();
        let jpn: CountryCode = "JPN".parse().unwrap();
        let f = Filter {
            kinds: vec![RecordKind::Exercise],
            participants_all: vec![chn, jpn],
            ..Default::default()
        };
        assert!(ids(&f, &ds).is_empty());
        let f = Filter {
            kinds: vec![RecordKind::Exercise],
            participants_any: vec![chn, jpn],
            ..Default::default()
        };
        assert_eq!(ids(&f, &ds).len(), 2);
    }

    #[test]
    fn date_window_keeps_overlaps_and_drops_undated() {
        let ds = crate::dataset::seed::seed();
        let f = Filter {
            from: Some("2024-06".parse().unwrap()),
            to: Some("2024-06".parse().unwrap()),
            kinds: vec![RecordKind::Exercise, RecordKind::Patrol],
            ..Default::default()
        };
        // Year-precision exercises may overlap June 2024; the undated patrol cannot be placed.
        assert_eq!(ids(&f, &ds), ["northern-interaction-2024", "ocean-2024"]);
        let f = Filter {
            to: Some("2023".parse().unwrap()),
            kinds: vec![RecordKind::Exercise],
            ..Default::default()
        };
        assert!(ids(&f, &ds).is_empty());
    }

    #[test]
    fn grading_filter_uses_the_best_cited_source() {
        let ds = crate::dataset::seed::seed();
        let f = Filter {
            min_reliability: Some(Reliability::C),
            ..Default::default()
        };
        assert!(
            ids(&f, &ds).is_empty(),
            "the seed's only source is graded F6"
        );
        let f = Filter {
            min_reliability: Some(Reliability::F),
            ..Default::default()
        };
        assert_eq!(ids(&f, &ds).len(), ds.record_count());
    }

    #[test]
    fn domains_of_patrols_follow_their_kind() {
        let ds = crate::dataset::seed::seed();
        let f = Filter {
            domains: vec![Domain::Air],
            kinds: vec![RecordKind::Patrol],
            ..Default::default()
        };
        assert_eq!(ids(&f, &ds), ["latest-joint-air-patrol"]);
        let f = Filter {
            domains: vec![Domain::Cyber, Domain::Space],
            ..Default::default()
        };
        assert!(ids(&f, &ds).is_empty());
    }
}
