//! The checks that set records against each other: `partOf` cycles, a
//! number claimed twice by one authority, and records that look like the
//! same event. Each runs in about n log n: a document may hold a million
//! records.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashMap};

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
        let mut path = String::new();
        self.write_path(&mut path);
        path
    }

    /// Writes `patrols[12]`.
    fn write_path(&self, out: &mut String) {
        out.push_str(self.record.kind().collection());
        out.push('[');
        push_number(out, self.index);
        out.push(']');
    }
}

/// Writes a number in decimal, as `{}` does.
fn push_number(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// Writes a string as `{:?}` does: quoted, with nothing to escape in the
/// usual case of printable ASCII without quotes or backslashes.
fn debug_str(out: &mut String, s: &str) {
    if s.bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\')
    {
        out.push('"');
        out.push_str(s);
        out.push('"');
    } else {
        use std::fmt::Write;
        let _ = write!(out, "{s:?}");
    }
}

/// Sorts a long list whose order is total (no two elements compare equal
/// unless either order will do): natively with the standard library's
/// unstable sort, inlined for the comparison; in the WebAssembly build
/// through `crate::sort`, whose one copy of a sort keeps the module small.
fn sort_large<T>(v: &mut [T], compare: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    #[cfg(target_arch = "wasm32")]
    crate::sort::sort_by(v, compare);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_unstable_by(compare);
}

/// Removes repeats from a sorted list in place; returns how many distinct
/// values lead it.
fn dedup_sorted<T: PartialEq + Copy>(v: &mut [T]) -> usize {
    let mut len = 0;
    for i in 0..v.len() {
        if len == 0 || v[len - 1] != v[i] {
            v[len] = v[i];
            len += 1;
        }
    }
    len
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

/// The records to compare for `likely-duplicate`, noted as each record is
/// checked (while it is at hand), compared once all are.
#[derive(Default)]
pub(super) struct Duplicates<'a> {
    /// The states of every candidate, each one's sorted without repeats;
    /// an incident's targets too when not already so.
    states: Vec<CountryCode>,
    cands: Vec<Candidate<'a>>,
    /// Area ids numbered as met, and the number of each candidate's areas
    /// in turn.
    area_ids: Vec<&'a str>,
    area_index: super::hash::Map<&'a str, u32>,
    area_of: Vec<u32>,
    /// Hashes exercise names as compared ([`Folded`]) while each record is
    /// at hand: comparing them later then need not read the names again.
    names: super::hash::State,
}

impl<'a> Checker<'a> {
    /// Notes the `n`th record of the dataset (in the order of `held`) for
    /// comparison with the others, unless it is not compared at all: a
    /// record whose id is repeated or malformed, or a joint patrol without
    /// two states, is an error already; a statistic (`conflicting-figures`)
    /// or a record without usable dates cannot be set beside another.
    pub(super) fn note_for_duplicates(&mut self, n: usize, r: Record<'a>) {
        if !(self.ids.first_record[n] && self.ids.well_formed[n]) {
            return;
        }
        let (Some(sub), Some((first, last))) = (sub_kind(&r), r.span()) else {
            return;
        };
        if first > last {
            return;
        }
        let d = &mut self.duplicates;
        let states = &mut d.states;
        let from = states.len();
        states.extend(r.participants().iter().map(|p| p.country));
        let mine = &mut states[from..];
        crate::sort::sort(mine);
        let len = dedup_sorted(mine);
        states.truncate(from + len);
        if matches!(r, Record::Patrol(_)) && len < 2 {
            states.truncate(from);
            return;
        }
        let against = r.against();
        let against = if against.windows(2).all(|w| w[0] < w[1]) {
            Against::Held(against)
        } else {
            let at = states.len();
            states.extend_from_slice(against);
            let theirs = &mut states[at..];
            crate::sort::sort(theirs);
            let len = dedup_sorted(theirs);
            states.truncate(at + len);
            Against::Sorted(at, len)
        };
        let areas = r.areas();
        for a in areas {
            let id = *d.area_index.entry(a.as_str()).or_insert_with(|| {
                d.area_ids.push(a.as_str());
                d.area_ids.len() as u32 - 1
            });
            d.area_of.push(id);
        }
        let (name, name_hash) = match r {
            Record::Exercise(e) => {
                let name = e.name.trim();
                (
                    name,
                    std::hash::BuildHasher::hash_one(&d.names, Folded(DupName::of(name))),
                )
            }
            _ => ("", 0),
        };
        d.cands.push(Candidate {
            n,
            kind: r.kind(),
            sub,
            name,
            name_hash,
            areas: areas.len(),
            states: (from, len),
            against,
            first,
            last,
        });
    }
}

/// What two records must share to look like one event: kind and sub-kind,
/// an exercise's name (two exercises announced under different names are
/// two exercises), the states (participants; an incident's actors and
/// targets) and one area (`None`: both without areas). Groups are taken in
/// the order of these fields, in turn (names compared trimmed and in lower
/// case, states and targets as sorted lists without repeats, areas by id
/// after records without areas).
///
/// A candidate is a record to compare, with all of that but its areas
/// (numbered in `Duplicates::area_of`).
struct Candidate<'a> {
    /// Position in `held`.
    n: usize,
    kind: RecordKind,
    sub: &'static str,
    /// An exercise's name, trimmed (else empty).
    name: &'a str,
    /// An exercise's name as compared, hashed (`Duplicates::names`).
    name_hash: u64,
    /// How many areas it names.
    areas: usize,
    /// Where its states lie in the list of all candidates' states.
    states: (usize, usize),
    against: Against<'a>,
    first: Date,
    last: Date,
}

/// An incident's targets: as held when already sorted without repeats,
/// else a sorted copy in the list of states.
enum Against<'a> {
    Held(&'a [CountryCode]),
    Sorted(usize, usize),
}

impl<'a> Candidate<'a> {
    fn states<'s>(&self, all: &'s [CountryCode]) -> &'s [CountryCode] {
        &all[self.states.0..self.states.0 + self.states.1]
    }

    fn against<'s>(&self, all: &'s [CountryCode]) -> &'s [CountryCode]
    where
        'a: 's,
    {
        match self.against {
            Against::Held(v) => v,
            Against::Sorted(from, len) => &all[from..from + len],
        }
    }
}

/// An exercise's name as compared for duplicates: trimmed and in lower
/// case (`str::to_lowercase`). An ASCII name is compared in place, with
/// ASCII capitals folded as they are compared; any other is lowered once.
enum DupName<'a> {
    Plain(&'a str),
    Lowered(String),
}

impl<'a> DupName<'a> {
    fn of(name: &'a str) -> DupName<'a> {
        let name = name.trim();
        if name.is_ascii() {
            DupName::Plain(name)
        } else {
            DupName::Lowered(name.to_lowercase())
        }
    }

    fn bytes(&self) -> &[u8] {
        match self {
            DupName::Plain(s) => s.as_bytes(),
            DupName::Lowered(s) => s.as_bytes(),
        }
    }

    /// The order of the lowered names as strings. (A lowered name holds no
    /// ASCII capital, so folding both sides changes only the ASCII one.)
    fn cmp(&self, other: &DupName<'_>) -> std::cmp::Ordering {
        let fold = |b: &u8| b.to_ascii_lowercase();
        self.bytes()
            .iter()
            .map(fold)
            .cmp(other.bytes().iter().map(fold))
    }
}

/// A name as compared for duplicates, as a map's key: equal when the
/// lowered names are, hashed as their ASCII-folded bytes (a lowered name
/// holds no ASCII capital, so equal names hash alike).
struct Folded<'a>(DupName<'a>);

impl PartialEq for Folded<'_> {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.0.bytes(), other.0.bytes());
        a.len() == b.len() && a.eq_ignore_ascii_case(b)
    }
}

impl Eq for Folded<'_> {}

impl std::hash::Hash for Folded<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let mut buf = [0u8; 32];
        for chunk in self.0.bytes().chunks(buf.len()) {
            for (to, from) in buf.iter_mut().zip(chunk) {
                *to = from.to_ascii_lowercase();
            }
            state.write(&buf[..chunk.len()]);
        }
        state.write_u8(0xff);
    }
}

/// An exercise's trimmed name with its hash as compared (`Folded`, by
/// `Duplicates::names`): equal when the names compare equal.
struct Hashed<'a>(u64, &'a str);

impl PartialEq for Hashed<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0 && Folded(DupName::of(self.1)) == Folded(DupName::of(other.1))
    }
}

impl Eq for Hashed<'_> {}

impl std::hash::Hash for Hashed<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.0);
    }
}

/// Hashes a [`Hashed`] as its hash, already a keyed one.
#[derive(Clone, Copy, Default)]
struct PassHash;

impl std::hash::BuildHasher for PassHash {
    type Hasher = PassHasher;
    fn build_hasher(&self) -> PassHasher {
        PassHasher(0)
    }
}

struct PassHasher(u64);

impl std::hash::Hasher for PassHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is ever called; anything else is mixed in all the same.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
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
fn same_event_groups(held: &[Held<'_>], node: impl Fn(&str) -> Option<usize>) -> Vec<usize> {
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
            if let Some(m) = node(l.to.as_str()) {
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
        let first = std::mem::take(&mut self.ids.first_record);
        let group = same_event_groups(held, |id| self.ids.node(id));
        self.sequences(held, &first, &group);
        self.likely_duplicates(held, &group);
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
                let Some(m) = self.ids.node(l.to.as_str()) else {
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
    /// grouped by what they must share (see [`Candidate`]; groups taken in
    /// that order) and swept in order of start: the finding is on the
    /// record that starts later (in document order among equals), naming
    /// the first record in the document it overlaps.
    ///
    /// Nothing is allocated per record: the candidates were noted as each
    /// record was checked ([`Checker::note_for_duplicates`]); names and
    /// the shared keys are ranked by sorting the distinct ones, and each
    /// (record, area) is then a tuple of integers and dates, sorted once
    /// and swept group by group.
    fn likely_duplicates(&mut self, held: &[Held<'a>], group: &[usize]) {
        let Duplicates {
            states,
            cands,
            area_ids,
            area_of,
            ..
        } = std::mem::take(&mut self.duplicates);
        // Exercise names told apart as compared (trimmed, in lower case),
        // numbered as met from 1 (0: a record of another kind, which no
        // exercise is compared with).
        let exercises = cands
            .iter()
            .filter(|c| c.kind == RecordKind::Exercise)
            .count();
        // Each name was hashed when noted: a name met once is numbered
        // without being read again (only names whose hashes collide are
        // compared).
        let mut names: HashMap<Hashed<'a>, u32, PassHash> =
            HashMap::with_capacity_and_hasher(exercises, PassHash);
        let mut name_of = vec![0u32; cands.len()];
        for (c, slot) in cands.iter().zip(&mut name_of) {
            if c.kind == RecordKind::Exercise {
                let next = names.len() as u32 + 1;
                *slot = *names.entry(Hashed(c.name_hash, c.name)).or_insert(next);
            }
        }
        // Each name as first met, by number; lowered below only when a
        // shared key holds it.
        let mut first_name: Vec<&'a str> = vec![""; names.len() + 1];
        for (Hashed(_, name), id) in names {
            first_name[id as usize] = name;
        }
        // What the records must share, areas aside, told apart by a map.
        // Only what two candidates or more share can make a finding: those
        // keys are ranked by sorting them in the key's order (kind,
        // sub-kind, lowered name, states, targets); the others are dropped.
        type Base<'s> = (
            RecordKind,
            &'static str,
            u32,
            &'s [CountryCode],
            &'s [CountryCode],
        );
        let key = |c: &Candidate<'a>, name: u32| -> Base<'_> {
            (c.kind, c.sub, name, c.states(&states), c.against(&states))
        };
        // An exercise whose name no other holds shares no key: it is left
        // out of the map (most exercises are).
        let mut name_count = vec![0u32; first_name.len()];
        for &name in &name_of {
            name_count[name as usize] += 1;
        }
        const ALONE: u32 = u32::MAX;
        let mut bases: super::hash::Map<Base<'_>, u32> =
            super::hash::map_with_capacity(cands.len());
        let mut keys: Vec<Base<'_>> = Vec::new();
        let mut shared: Vec<u32> = Vec::new();
        let mut base: Vec<u32> = Vec::with_capacity(cands.len());
        for (c, &name) in cands.iter().zip(&name_of) {
            if name != 0 && name_count[name as usize] == 1 {
                base.push(ALONE);
                continue;
            }
            let k = key(c, name);
            let b = *bases.entry(k).or_insert_with(|| {
                keys.push(k);
                shared.push(0);
                keys.len() as u32 - 1
            });
            shared[b as usize] += 1;
            base.push(b);
        }
        drop(bases);
        let mut order: Vec<u32> = (0..keys.len() as u32)
            .filter(|&k| shared[k as usize] > 1)
            .collect();
        let mut lowered: Vec<DupName<'a>> = Vec::with_capacity(first_name.len());
        lowered.resize_with(first_name.len(), || DupName::Plain(""));
        for &k in &order {
            let id = keys[k as usize].2 as usize;
            if id != 0 && matches!(lowered[id], DupName::Plain("")) {
                lowered[id] = DupName::of(first_name[id]);
            }
        }
        sort_large(&mut order, |&a, &b| {
            let (x, y) = (&keys[a as usize], &keys[b as usize]);
            (x.0, x.1)
                .cmp(&(y.0, y.1))
                .then_with(|| lowered[x.2 as usize].cmp(&lowered[y.2 as usize]))
                .then_with(|| (x.3, x.4).cmp(&(y.3, y.4)))
        });
        let mut base_rank = vec![ALONE; keys.len()];
        for (rank, &k) in order.iter().enumerate() {
            base_rank[k as usize] = rank as u32;
        }
        for b in base.iter_mut().filter(|b| **b != ALONE) {
            *b = base_rank[*b as usize];
        }
        // Rank the areas: 0 for none, then each distinct id in order.
        let mut by_id: Vec<u32> = (0..area_ids.len() as u32).collect();
        sort_large(&mut by_id, |&a, &b| {
            area_ids[a as usize].cmp(area_ids[b as usize])
        });
        let mut area_rank = vec![0u32; area_ids.len()];
        for (rank, &a) in by_id.iter().enumerate() {
            area_rank[a as usize] = rank as u32 + 1;
        }
        // One entry per record and distinct area (or none), sorted by
        // group and then by (first day, last day, position).
        let mut entries: Vec<(u32, u32, Date, Date, usize)> = Vec::with_capacity(cands.len());
        let mut mine: Vec<u32> = Vec::new();
        let mut next = 0;
        for (c, &b) in cands.iter().zip(&base) {
            let theirs = &area_of[next..next + c.areas];
            next += c.areas;
            if b == ALONE {
                continue;
            }
            if c.areas == 0 {
                entries.push((b, 0, c.first, c.last, c.n));
                continue;
            }
            mine.clear();
            mine.extend(theirs.iter().map(|&a| area_rank[a as usize]));
            crate::sort::sort(&mut mine);
            mine.dedup();
            entries.extend(mine.iter().map(|&a| (b, a, c.first, c.last, c.n)));
        }
        sort_large(&mut entries, |a, b| a.cmp(b));
        // Each record is reported once, naming the first partner found.
        const NONE: usize = usize::MAX;
        let mut partner: Vec<usize> = vec![NONE; held.len()];
        // Records started so far and not yet over, by (event group,
        // document position); ends, to drop them once over.
        let mut open: BTreeSet<(usize, usize)> = BTreeSet::new();
        let mut ends: BinaryHeap<Reverse<(Date, usize)>> = BinaryHeap::new();
        for members in entries.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
            if members.len() < 2 {
                continue;
            }
            open.clear();
            ends.clear();
            for &(_, _, first, last, n) in members {
                while let Some(Reverse((end, m))) = ends.peek().copied() {
                    if end >= first {
                        break;
                    }
                    ends.pop();
                    open.remove(&(group[m], m));
                }
                if partner[n] == NONE {
                    // The first open record of the first other event.
                    let g = group[n];
                    let other = match open.first() {
                        Some(&(h, m)) if h != g => Some(m),
                        Some(_) => open.range((g + 1, 0)..).next().map(|&(_, m)| m),
                        None => None,
                    };
                    if let Some(m) = other {
                        partner[n] = m;
                    }
                }
                open.insert((group[n], n));
                ends.push(Reverse((last, n)));
            }
        }
        let mut message = String::new();
        for (n, &m) in partner.iter().enumerate() {
            if m == NONE {
                continue;
            }
            let (h, o) = (held[n], held[m]);
            message.clear();
            debug_str(&mut message, h.record.id());
            message.push_str(" looks like the same event as ");
            debug_str(&mut message, o.record.id());
            message.push_str(" (");
            o.write_path(&mut message);
            message.push_str("): same kind, overlapping dates, the same states and areas; link them `sameEvent` if they are one event");
            let mut path = String::new();
            h.write_path(&mut path);
            let finding = Finding {
                code: Code::LikelyDuplicate,
                severity: Code::LikelyDuplicate.default_severity(),
                path,
                message: message.as_str().into(),
                line: None,
                column: None,
            };
            self.findings.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;

    #[test]
    fn names_compare_as_their_lowered_forms_do() {
        let names = [
            "Joint Sea",
            "joint sea",
            "JOINT SEA-2021",
            "Joint Sea-2021",
            "Östersjön",
            "östersjön",
            "ΟΔΥΣΣΕΥΣ",
            "οδυσσευς",
            "a",
            "B",
            "_",
            "Z",
            "z",
            "",
            "İstanbul",
        ];
        for a in names {
            for b in names {
                let lowered = a.trim().to_lowercase().cmp(&b.trim().to_lowercase());
                assert_eq!(DupName::of(a).cmp(&DupName::of(b)), lowered, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn exercises_named_alike_in_other_cases_are_likely_duplicates() {
        let doc = |a: &str, b: &str| {
            format!(
                r#"{{"formatVersion": "2.0", "sources": [{{"id": "s", "title": "t", "reliability": "B", "credibility": 2}}],
                "exercises": [
                  {{"id": "x", "name": "{a}", "participants": ["CHN", "RUS"], "dates": "2024-07", "sources": ["s"]}},
                  {{"id": "y", "name": "{b}", "participants": ["RUS", "CHN", "RUS"], "dates": "2024-07-10", "sources": ["s"]}}]}}"#
            )
        };
        let codes = |a: &str, b: &str| {
            Dataset::from_json(&doc(a, b))
                .unwrap()
                .validate()
                .findings
                .into_iter()
                .filter(|f| f.code == crate::diagnostics::Code::LikelyDuplicate)
                .map(|f| (f.path, f.message))
                .collect::<Vec<_>>()
        };
        let found = codes("Joint Sea-2024", " joint SEA-2024");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "exercises[1]");
        assert!(found[0]
            .1
            .starts_with(r#""y" looks like the same event as "x" (exercises[0])"#));
        assert_eq!(codes("Östersjön", "ÖSTERSJÖN").len(), 1);
        assert!(codes("Joint Sea-2024", "Joint Sea-2025").is_empty());
    }

    #[test]
    fn ids_that_need_escapes_are_written_as_debug_writes_them() {
        for id in [
            "plain-id",
            "with \"quote\"",
            "back\\slash",
            "tab\there",
            "é",
            "\u{7f}",
        ] {
            let mut out = String::new();
            debug_str(&mut out, id);
            assert_eq!(out, format!("{id:?}"));
        }
        for n in [0, 7, 10, 99, 12345, usize::MAX] {
            let mut out = String::new();
            push_number(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }
}
