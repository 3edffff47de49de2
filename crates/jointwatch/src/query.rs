//! Filters over the records of a dataset. The same shape drives indicator
//! metrics and the analytics queries.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::actor::{CountryCode, Participant};
use crate::dataset::Dataset;
use crate::date::FuzzyDate;
use crate::exercise::{Domain, Exercise};
use crate::patrol::{Patrol, PatrolKind};
use crate::source::{Credibility, Reliability, Source};
use crate::statistic::Statistic;

/// A kind of record.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RecordKind {
    /// Exercises.
    Exercise,
    /// Joint patrols.
    Patrol,
    /// Reported statistics.
    Statistic,
}

/// Which records to keep. Every field narrows the selection; an empty list
/// or absent value does not filter.
///
/// # Example
/// ```
/// use jointwatch::Filter;
/// let f: Filter = serde_json::from_str(r#"{
///   "kinds": ["exercise"], "participantsAll": ["CHN", "RUS"],
///   "domains": ["cyber", "space"], "from": "2014", "to": "2023"
/// }"#).unwrap();
/// assert_eq!(f.participants_all.len(), 2);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Filter {
    /// Record kinds to keep.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<RecordKind>,
    /// Keep records in which any of these states take part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants_any: Vec<CountryCode>,
    /// Keep records in which all of these states take part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants_all: Vec<CountryCode>,
    /// Keep records with at least this many participating states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_participants: Option<u32>,
    /// Keep records in any of these domains (patrols count as air or naval).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<Domain>,
    /// Keep records in any of these areas (ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
    /// Keep records that may fall on or after this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<FuzzyDate>,
    /// Keep records that may fall on or before this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<FuzzyDate>,
    /// Keep records carrying any of these tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Keep records with at least one source this reliable or better.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_reliability: Option<Reliability>,
    /// Keep records with at least one source this credible or better.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_credibility: Option<Credibility>,
}

/// A borrowed view of one record of any kind, so filters and groupings
/// treat exercises, patrols and statistics alike.
#[derive(Debug, Clone, Copy)]
pub enum Record<'a> {
    /// An exercise.
    Exercise(&'a Exercise),
    /// A patrol.
    Patrol(&'a Patrol),
    /// A reported statistic.
    Statistic(&'a Statistic),
}

impl<'a> Record<'a> {
    /// Every record of a dataset: exercises, then patrols, then statistics.
    pub fn all(ds: &'a Dataset) -> impl Iterator<Item = Record<'a>> {
        ds.exercises
            .iter()
            .map(Record::Exercise)
            .chain(ds.patrols.iter().map(Record::Patrol))
            .chain(ds.statistics.iter().map(Record::Statistic))
    }

    /// The record's id.
    pub fn id(&self) -> &'a str {
        match self {
            Record::Exercise(e) => &e.id,
            Record::Patrol(p) => &p.id,
            Record::Statistic(s) => &s.id,
        }
    }

    /// The record's kind.
    pub fn kind(&self) -> RecordKind {
        match self {
            Record::Exercise(_) => RecordKind::Exercise,
            Record::Patrol(_) => RecordKind::Patrol,
            Record::Statistic(_) => RecordKind::Statistic,
        }
    }

    /// A display name.
    pub fn name(&self) -> &'a str {
        match self {
            Record::Exercise(e) => &e.name,
            Record::Patrol(p) => p.name.as_deref().unwrap_or(&p.id),
            Record::Statistic(s) => &s.label,
        }
    }

    /// The participating states (subjects, for a statistic).
    pub fn participants(&self) -> &'a [Participant] {
        match self {
            Record::Exercise(e) => &e.participants,
            Record::Patrol(p) => &p.participants,
            Record::Statistic(s) => &s.subjects,
        }
    }

    /// The distinct participating states, sorted.
    pub fn states(&self) -> Vec<CountryCode> {
        let mut v: Vec<CountryCode> = self.participants().iter().map(|p| p.country).collect();
        crate::sort::sort(&mut v);
        v.dedup();
        v
    }

    /// The domains: an exercise's own; air or naval for a patrol; none for a statistic.
    pub fn domains(&self) -> Vec<Domain> {
        match self {
            Record::Exercise(e) => e.domains.clone(),
            Record::Patrol(p) => vec![patrol_domain(p.kind)],
            Record::Statistic(_) => Vec::new(),
        }
    }

    /// The area ids.
    pub fn areas(&self) -> &'a [String] {
        match self {
            Record::Exercise(e) => &e.areas,
            Record::Patrol(p) => &p.areas,
            Record::Statistic(_) => &[],
        }
    }

    /// When the record took place (a statistic: its period, or its `asOf` date).
    pub fn span(&self) -> Option<(Date, Date)> {
        match self {
            Record::Exercise(e) => e.dates.map(|d| (d.first_day(), d.last_day())),
            Record::Patrol(p) => p.dates.map(|d| (d.first_day(), d.last_day())),
            Record::Statistic(s) => match (&s.period, &s.as_of) {
                (Some(p), _) => p.first_day().zip(p.last_day()),
                (None, Some(d)) => Some((d.first_day(), d.last_day())),
                (None, None) => None,
            },
        }
    }

    /// The date an event is counted at: its start, as precisely as known.
    pub fn start(&self) -> Option<FuzzyDate> {
        match self {
            Record::Exercise(e) => e.dates.map(|d| d.start),
            Record::Patrol(p) => p.dates.map(|d| d.start),
            Record::Statistic(s) => s.as_of,
        }
    }

    /// The tags.
    pub fn tags(&self) -> &'a [String] {
        match self {
            Record::Exercise(e) => &e.tags,
            Record::Patrol(p) => &p.tags,
            Record::Statistic(s) => &s.tags,
        }
    }

    /// The cited source ids.
    pub fn sources(&self) -> &'a [String] {
        match self {
            Record::Exercise(e) => &e.sources,
            Record::Patrol(p) => &p.sources,
            Record::Statistic(s) => &s.sources,
        }
    }
}

/// The domain a patrol of this kind flies or sails in.
pub(crate) fn patrol_domain(kind: PatrolKind) -> Domain {
    match kind {
        PatrolKind::JointAirPatrol => Domain::Air,
        PatrolKind::JointNavalPatrol => Domain::Naval,
    }
}

impl Filter {
    /// Whether a record passes every condition of the filter.
    ///
    /// Date bounds keep a record whose span may overlap them; an undated
    /// record fails any date bound.
    ///
    /// # Example
    /// ```
    /// use jointwatch::{query::Record, Filter};
    /// let seed = jointwatch::seed();
    /// let f: Filter = serde_json::from_str(r#"{"kinds": ["exercise"], "areas": ["sea-of-japan"]}"#).unwrap();
    /// let hits: Vec<_> = Record::all(&seed).filter(|r| f.matches(&seed, r)).map(|r| r.id()).collect();
    /// assert_eq!(hits, ["northern-interaction-2024"]);
    /// ```
    pub fn matches(&self, ds: &Dataset, r: &Record<'_>) -> bool {
        self.matches_with(&Sources::scan(ds), r)
    }

    /// [`matches`](Filter::matches), looking cited sources up in `sources`.
    fn matches_with(&self, sources: &Sources<'_>, r: &Record<'_>) -> bool {
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
                Record::Statistic(_) => &[],
            };
            if !self.domains.iter().any(|x| d.contains(x)) {
                return false;
            }
        }
        if !self.areas.is_empty() && !self.areas.iter().any(|a| r.areas().contains(a)) {
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

    /// The records of a dataset that pass the filter.
    pub fn select<'a>(&self, ds: &'a Dataset) -> Vec<Record<'a>> {
        // A grading filter looks up every cited source: index them once.
        let sources = if self.min_reliability.is_some() || self.min_credibility.is_some() {
            Sources::index(ds)
        } else {
            Sources::scan(ds)
        };
        Record::all(ds)
            .filter(|r| self.matches_with(&sources, r))
            .collect()
    }
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

    fn ids(f: &Filter, ds: &Dataset) -> Vec<String> {
        f.select(ds).iter().map(|r| r.id().to_string()).collect()
    }

    #[test]
    fn participants_any_and_all() {
        let ds = crate::seed();
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
        let ds = crate::seed();
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
        let ds = crate::seed();
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
        let ds = crate::seed();
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
