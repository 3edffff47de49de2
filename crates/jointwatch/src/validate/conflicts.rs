//! Statistics that give different figures for the same thing
//! (`conflicting-figures`): two reports of one year's scrambles, 669 from a
//! B2 source and 700 from a D4 one, are not resolved silently.

use std::collections::HashMap;

use jiff::civil::Date;

use super::check::{At, Checker};
use crate::dataset::{best_of, IdIndex};
use crate::diagnostics::Code;
use crate::model::actor::CountryCode;
use crate::model::date::FuzzyDate;
use crate::model::period::Period;
use crate::model::statistic::{Measure, Rate, Statistic};

/// What a statistic reports on: its measure, its subject states (branches
/// aside), its rate, and its period (its type, first and last day) or
/// `asOf` date. For the measure `other`, what is counted is in the label,
/// so the label is part of it.
#[derive(PartialEq, Eq, Hash)]
struct Subject<'a> {
    measure: Measure,
    label: Option<&'a str>,
    subjects: Vec<CountryCode>,
    rate: Rate,
    period: Option<(u8, Date, Date)>,
    as_of: Option<FuzzyDate>,
}

fn period_key(p: &Period) -> Option<(u8, Date, Date)> {
    let kind = match p {
        Period::CalendarYear { .. } => 0,
        Period::FiscalYear { .. } => 1,
        Period::Quarter { .. } => 2,
        Period::Month { .. } => 3,
        Period::Years { .. } => 4,
        Period::FiscalQuarter { .. } => 5,
        Period::FiscalHalf { .. } => 6,
        Period::Span { .. } => 7,
    };
    Some((kind, p.first_day()?, p.last_day()?))
}

/// The measure as the format writes it.
fn measure_word(m: Measure) -> &'static str {
    match m {
        Measure::JointExercises => "jointExercises",
        Measure::JointAirPatrols => "jointAirPatrols",
        Measure::JointNavalPatrols => "jointNavalPatrols",
        Measure::Scrambles => "scrambles",
        Measure::Exercises => "exercises",
        Measure::Other => "other",
    }
}

fn subject_of(s: &Statistic) -> Option<Subject<'_>> {
    let period = match &s.period {
        Some(p) => Some(period_key(p)?), // a malformed period is reported elsewhere
        None => None,
    };
    if period.is_none() && s.as_of.is_none() {
        return None; // undated: reported as `undated-record`
    }
    let mut subjects: Vec<CountryCode> = s.subjects.iter().map(|p| p.country).collect();
    crate::sort::sort(&mut subjects);
    subjects.dedup();
    Some(Subject {
        measure: s.measure,
        label: (s.measure == Measure::Other).then_some(s.label.as_str()),
        subjects,
        rate: s.rate,
        period,
        as_of: s.as_of,
    })
}

impl Checker<'_> {
    /// Whether every statistic of a set is linked `sameEvent` to another of
    /// the set: the compiler holds them as reports of one figure, so their
    /// disagreement is known (format 2.0; analysis still lists every figure).
    fn acknowledged(&self, members: &[usize]) -> bool {
        use crate::model::link::LinkKind;
        let ds = self.ds;
        let ids: std::collections::HashSet<&str> = members
            .iter()
            .map(|&i| ds.statistics[i].id.as_str())
            .collect();
        let mut linked: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for &i in members {
            let s = &ds.statistics[i];
            for l in &s.links {
                if l.rel == LinkKind::SameEvent && l.to != s.id && ids.contains(l.to.as_str()) {
                    linked.insert(s.id.as_str());
                    linked.insert(l.to.as_str());
                }
            }
        }
        linked.len() == ids.len()
    }

    pub(super) fn conflicting_figures(&mut self) {
        let ds = self.ds;
        if ds.statistics.len() < 2 {
            return;
        }
        let mut by_subject: HashMap<Subject<'_>, Vec<usize>> = HashMap::new();
        for (i, s) in ds.statistics.iter().enumerate() {
            if let Some(key) = subject_of(s) {
                by_subject.entry(key).or_default().push(i);
            }
        }
        let mut sets: Vec<Vec<usize>> = Vec::new();
        for (_, members) in by_subject {
            if members.len() < 2 {
                continue;
            }
            let reporter =
                |i: usize| -> Option<CountryCode> { ds.statistics[i].reporter.as_ref()?.country };
            let mut named: Vec<CountryCode> = members.iter().filter_map(|&i| reporter(i)).collect();
            crate::sort::sort(&mut named);
            named.dedup();
            if named.len() <= 1 {
                sets.push(members);
            } else {
                for c in named.into_iter().map(Some).chain([None]) {
                    sets.push(
                        members
                            .iter()
                            .copied()
                            .filter(|&i| reporter(i) == c)
                            .collect(),
                    );
                }
            }
        }
        // In document order of the statistic the finding is on.
        sets.retain(|m| {
            m.len() >= 2
                && m.iter()
                    .any(|&i| ds.statistics[i].quantity != ds.statistics[m[0]].quantity)
                && !self.acknowledged(m)
        });
        crate::sort::sort_by(&mut sets, |a, b| a.last().cmp(&b.last()));
        if sets.is_empty() {
            return;
        }
        // Sources by id, for the grading of each figure: what
        // `Dataset::best_grading` finds, without scanning `sources` per id.
        let index = IdIndex::new(&ds.sources);
        let grading = |ids: &[String]| {
            best_of(
                ids.iter()
                    .filter_map(|id| index.find(&ds.sources, id.as_str())),
            )
        };
        for members in sets {
            let figures: Vec<String> = members
                .iter()
                .map(|&i| {
                    let s = &ds.statistics[i];
                    let grade = match grading(&s.sources) {
                        Some(g) => g.to_string(),
                        None => "ungraded".to_string(),
                    };
                    format!("{} ({}, {grade})", s.quantity, s.id)
                })
                .collect();
            let last = *members.last().expect("two or more");
            let s = &ds.statistics[last];
            let when = match (&s.period, &s.as_of) {
                (Some(p), _) => format!("in {p}"),
                (None, Some(d)) => format!("as of {d}"),
                (None, None) => String::new(),
            };
            let list = At::Root("statistics");
            self.push(
                Code::ConflictingFigures,
                list.index(last).field("quantity"),
                format!(
                    "{} statistics give different figures for {} {when}: {}",
                    members.len(),
                    match s.measure {
                        Measure::Other => s.label.as_str(),
                        m => measure_word(m),
                    },
                    figures.join("; ")
                ),
            );
        }
    }
}
