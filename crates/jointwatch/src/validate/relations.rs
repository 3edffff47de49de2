//! The checks that set records against each other: `partOf` cycles, a
//! number claimed twice by one authority, and records that look like the
//! same event. Each runs in about n log n: a document may hold a million
//! records.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap};

use jiff::civil::Date;

use super::check::Checker;
use super::parts::authority;
use crate::diagnostics::{Code, Finding};
use crate::model::actor::CountryCode;
use crate::model::link::LinkKind;
use crate::model::patrol::PatrolKind;
use crate::model::record::{Record, RecordKind};

/// A record of the document with where it is.
#[derive(Clone, Copy)]
pub(super) struct Held<'a> {
    pub(super) record: Record<'a>,
    pub(super) index: usize,
}

impl Held<'_> {
    fn path(&self) -> String {
        format!("{}[{}]", self.record.kind().collection(), self.index)
    }
}

/// The records of the document that can be linked or duplicated, in
/// document order (statistics included: links may name them).
pub(super) fn held(ds: &crate::dataset::Dataset) -> Vec<Held<'_>> {
    let mut v = Vec::with_capacity(ds.record_count());
    v.extend((ds.exercises.iter().enumerate()).map(|(index, e)| Held {
        record: Record::Exercise(e),
        index,
    }));
    v.extend((ds.patrols.iter().enumerate()).map(|(index, p)| Held {
        record: Record::Patrol(p),
        index,
    }));
    v.extend((ds.statistics.iter().enumerate()).map(|(index, s)| Held {
        record: Record::Statistic(s),
        index,
    }));
    v.extend((ds.incidents.iter().enumerate()).map(|(index, i)| Held {
        record: Record::Incident(i),
        index,
    }));
    v.extend((ds.activities.iter().enumerate()).map(|(index, a)| Held {
        record: Record::Activity(a),
        index,
    }));
    v
}

/// What two records must share to look like one event: kind and sub-kind,
/// an exercise's name (two exercises announced under different names are
/// two exercises), the states (participants; an incident's actors and
/// targets) and one area (`None`: both without areas).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct DuplicateKey<'a> {
    kind: RecordKind,
    sub: &'static str,
    name: String,
    states: Vec<CountryCode>,
    against: Vec<CountryCode>,
    area: Option<&'a str>,
}

fn sub_kind(r: &Record<'_>) -> Option<&'static str> {
    match r {
        Record::Exercise(_) => Some(""),
        Record::Patrol(p) => Some(match p.kind {
            PatrolKind::JointAirPatrol => "air",
            PatrolKind::JointNavalPatrol => "naval",
        }),
        Record::Incident(i) => Some(i.kind.as_str()),
        Record::Activity(a) => Some(a.kind.as_str()),
        // Statistics that disagree are `conflicting-figures`.
        Record::Statistic(_) => None,
    }
}

/// The group of each record: records linked `sameEvent`, directly or
/// through others, are one event. A group is named by its first record in
/// the document.
fn same_event_groups(held: &[Held<'_>], node: &HashMap<&str, usize>) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..held.len()).collect();
    fn root(parent: &mut [usize], mut n: usize) -> usize {
        while parent[n] != n {
            parent[n] = parent[parent[n]];
            n = parent[n];
        }
        n
    }
    for (n, h) in held.iter().enumerate() {
        for l in h.record.links() {
            if l.rel != LinkKind::SameEvent {
                continue;
            }
            if let Some(&m) = node.get(l.to.as_str()) {
                let (a, b) = (root(&mut parent, n), root(&mut parent, m));
                // The smaller position names the group.
                let (keep, join) = if a < b { (a, b) } else { (b, a) };
                parent[join] = keep;
            }
        }
    }
    (0..held.len()).map(|n| root(&mut parent, n)).collect()
}

impl<'a> Checker<'a> {
    /// Every check across records, reported after the records' own.
    pub(super) fn relations(&mut self, held: &[Held<'a>]) {
        self.part_of_cycles(held);
        // A record whose id is already used (`duplicate-id`) is compared
        // with no other.
        let mut node: HashMap<&str, usize> = HashMap::with_capacity(held.len());
        let first: Vec<bool> = held
            .iter()
            .enumerate()
            .map(|(n, h)| *node.entry(h.record.id()).or_insert(n) == n)
            .collect();
        let group = same_event_groups(held, &node);
        self.sequences(held, &first, &group);
        self.likely_duplicates(held, &first, &group);
    }

    /// `partOf` links that lead back to where they started: one finding per
    /// cycle, at the link that closes it, found by a depth-first walk from
    /// each record in document order (links in their order).
    fn part_of_cycles(&mut self, held: &[Held<'a>]) {
        if !held
            .iter()
            .any(|h| h.record.links().iter().any(|l| l.rel == LinkKind::PartOf))
        {
            return;
        }
        // Node of each id: its first record in the document.
        let mut node: HashMap<&str, usize> = HashMap::with_capacity(held.len());
        for (n, h) in held.iter().enumerate() {
            node.entry(h.record.id()).or_insert(n);
        }
        // 0: not seen, 1: on the walk's path, 2: done.
        let mut state = vec![0u8; held.len()];
        let mut found: Vec<(usize, usize)> = Vec::new();
        for root in 0..held.len() {
            if state[root] != 0 {
                continue;
            }
            // (node, index of the next link to look at)
            let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
            state[root] = 1;
            while let Some(top) = stack.last_mut() {
                let (n, next) = *top;
                let link = held[n]
                    .record
                    .links()
                    .iter()
                    .enumerate()
                    .skip(next)
                    .find(|(_, l)| l.rel == LinkKind::PartOf);
                let Some((j, l)) = link else {
                    state[n] = 2;
                    stack.pop();
                    continue;
                };
                top.1 = j + 1;
                // A link to no record, or to itself, is reported elsewhere.
                let Some(&m) = node.get(l.to.as_str()) else {
                    continue;
                };
                match state[m] {
                    _ if m == n => {}
                    0 => {
                        state[m] = 1;
                        stack.push((m, 0));
                    }
                    1 => found.push((n, j)),
                    _ => {}
                }
            }
        }
        for (n, j) in found {
            let h = held[n];
            let l = &h.record.links()[j];
            self.push(
                Code::PartOfCycle,
                format!("{}.links[{j}]", h.path()),
                format!(
                    "{:?} is part of {:?}, which is, through its parents, part of {:?}: `partOf` links form a cycle",
                    h.record.id(),
                    l.to,
                    h.record.id()
                ),
            );
        }
    }

    /// One authority giving the same number to two patrols of the same
    /// kind (unless the two are linked `sameEvent`). The finding is on the
    /// later patrol's number.
    fn sequences(&mut self, held: &[Held<'a>], first: &[bool], group: &[usize]) {
        type Key = (PatrolKind, Option<CountryCode>, u32);
        // The first holders of each number from two different events at
        // most: enough to name one that is not the same event.
        let mut holders: HashMap<Key, Vec<(usize, &'a str)>> = HashMap::new();
        for (k, h) in held.iter().enumerate().filter(|(k, _)| first[*k]) {
            let Record::Patrol(p) = h.record else {
                continue;
            };
            for (j, n) in p.numbering.iter().enumerate() {
                // The same number given twice to one patrol is no claim on another's.
                if p.numbering[..j]
                    .iter()
                    .any(|m| m.by == n.by && m.number == n.number)
                {
                    continue;
                }
                let list = holders.entry((p.kind, n.by, n.number)).or_default();
                let g = group[k];
                let clash = list.iter().find(|(h, _)| *h != g).map(|(_, id)| *id);
                if let Some(other) = clash {
                    self.push(
                        Code::SequenceClaimedTwice,
                        format!("{}.numbering[{j}].number", h.path()),
                        format!(
                            "{} already gives number {} to patrol {other:?}",
                            authority(n.by),
                            n.number
                        ),
                    );
                }
                if list.len() < 2 && list.iter().all(|(h, _)| *h != g) {
                    list.push((g, &p.id));
                }
            }
        }
    }

    /// Records of the same kind whose dates overlap, with the same states
    /// and an area in common (or none), not linked `sameEvent`. Records are
    /// grouped by what they must share and swept in order of start: the
    /// finding is on the record that starts later (in document order among
    /// equals), naming the first record in the document it overlaps.
    fn likely_duplicates(&mut self, held: &[Held<'a>], first_id: &[bool], group: &[usize]) {
        let mut groups: HashMap<DuplicateKey<'a>, Vec<(Date, Date, usize)>> = HashMap::new();
        for (n, h) in held.iter().enumerate() {
            let r = &h.record;
            // A record with a repeated or malformed id, or a joint patrol
            // without two states, is an error already; it is compared with
            // nothing.
            let id = r.id();
            if !first_id[n] || id.trim().is_empty() || id.trim() != id {
                continue;
            }
            if matches!(r, Record::Patrol(_)) && r.states().len() < 2 {
                continue;
            }
            let (Some(sub), Some((first, last))) = (sub_kind(r), r.span()) else {
                continue;
            };
            if first > last {
                continue;
            }
            let mut against: Vec<CountryCode> = r.against().to_vec();
            crate::sort::sort(&mut against);
            against.dedup();
            let key = DuplicateKey {
                kind: r.kind(),
                sub,
                name: match r {
                    Record::Exercise(e) => e.name.trim().to_lowercase(),
                    _ => String::new(),
                },
                states: r.states(),
                against,
                area: None,
            };
            let areas = r.areas();
            if areas.is_empty() {
                groups.entry(key).or_default().push((first, last, n));
            } else {
                let mut distinct: Vec<&str> = areas.iter().map(String::as_str).collect();
                crate::sort::sort(&mut distinct);
                distinct.dedup();
                for a in distinct {
                    let k = DuplicateKey {
                        area: Some(a),
                        ..key.clone()
                    };
                    groups.entry(k).or_default().push((first, last, n));
                }
            }
        }
        let mut groups: Vec<_> = groups.into_iter().collect();
        crate::sort::sort_by(&mut groups, |a, b| a.0.cmp(&b.0));
        // Each record is reported once, naming the first partner found.
        let mut partner: HashMap<usize, usize> = HashMap::new();
        for (_, mut members) in groups {
            if members.len() < 2 {
                continue;
            }
            crate::sort::sort(&mut members);
            // Records started so far and not yet over, by event group and
            // document position; ends, to drop them once over.
            let mut open: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
            let mut ends: BinaryHeap<Reverse<(Date, usize)>> = BinaryHeap::new();
            for (first, last, n) in members {
                while let Some(Reverse((end, m))) = ends.peek().copied() {
                    if end >= first {
                        break;
                    }
                    ends.pop();
                    if let Some(set) = open.get_mut(&group[m]) {
                        set.remove(&m);
                        if set.is_empty() {
                            open.remove(&group[m]);
                        }
                    }
                }
                if let std::collections::hash_map::Entry::Vacant(e) = partner.entry(n) {
                    // The first open record of the first other event.
                    let other = open
                        .iter()
                        .find(|(g, _)| **g != group[n])
                        .and_then(|(_, set)| set.first().copied());
                    if let Some(m) = other {
                        e.insert(m);
                    }
                }
                open.entry(group[n]).or_default().insert(n);
                ends.push(Reverse((last, n)));
            }
        }
        let mut pairs: Vec<(usize, usize)> = partner.into_iter().collect();
        crate::sort::sort(&mut pairs);
        for (n, m) in pairs {
            let (h, o) = (held[n], held[m]);
            let finding = Finding {
                code: Code::LikelyDuplicate,
                severity: Code::LikelyDuplicate.default_severity(),
                path: h.path(),
                message: format!(
                    "{:?} looks like the same event as {:?} ({}): same kind, overlapping dates, the same states and areas; link them `sameEvent` if they are one event",
                    h.record.id(),
                    o.record.id(),
                    o.path()
                ),
                line: None,
                column: None,
            };
            self.findings.push(finding);
        }
    }
}
