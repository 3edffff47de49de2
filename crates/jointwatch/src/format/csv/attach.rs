//! Adding the rows of the tables that add to records (links, claims,
//! numbering, legs, forces by state, figure values) to the records they
//! name.

use std::collections::HashSet;

use super::cells::{FigurePath, ForcesField, StateKey};
use super::columns::Table;
use super::rows::{Attached, Attachment};
use crate::dataset::Dataset;
use crate::diagnostics::{Code, Finding, Severity};
use crate::model::claim::Claim;
use crate::model::exercise::Forces;
use crate::model::figure::Figure;
use crate::model::link::Link;
use crate::model::patrol::{Leg, Numbering, PatrolResponse, Platform};

/// A record of any kind, to add to.
enum RecordMut<'a> {
    Exercise(&'a mut crate::model::exercise::Exercise),
    Patrol(&'a mut crate::model::patrol::Patrol),
    Statistic(&'a mut crate::model::statistic::Statistic),
    Incident(&'a mut crate::model::incident::Incident),
    Activity(&'a mut crate::model::activity::Activity),
}

impl RecordMut<'_> {
    fn kind(&self) -> &'static str {
        match self {
            RecordMut::Exercise(_) => "an exercise",
            RecordMut::Patrol(_) => "a patrol",
            RecordMut::Statistic(_) => "a statistic",
            RecordMut::Incident(_) => "an incident",
            RecordMut::Activity(_) => "an activity",
        }
    }

    fn links(&mut self) -> &mut Vec<Link> {
        match self {
            RecordMut::Exercise(r) => &mut r.links,
            RecordMut::Patrol(r) => &mut r.links,
            RecordMut::Statistic(r) => &mut r.links,
            RecordMut::Incident(r) => &mut r.links,
            RecordMut::Activity(r) => &mut r.links,
        }
    }

    fn claims(&mut self) -> &mut Vec<Claim> {
        match self {
            RecordMut::Exercise(r) => &mut r.claims,
            RecordMut::Patrol(r) => &mut r.claims,
            RecordMut::Statistic(r) => &mut r.claims,
            RecordMut::Incident(r) => &mut r.claims,
            RecordMut::Activity(r) => &mut r.claims,
        }
    }

    fn numbering(&mut self) -> Option<&mut Vec<Numbering>> {
        match self {
            RecordMut::Patrol(r) => Some(&mut r.numbering),
            _ => None,
        }
    }

    fn legs(&mut self) -> Option<&mut Vec<Leg>> {
        match self {
            RecordMut::Patrol(r) => Some(&mut r.legs),
            RecordMut::Activity(r) => Some(&mut r.legs),
            _ => None,
        }
    }

    fn forces(&mut self) -> Option<&mut Forces> {
        match self {
            RecordMut::Exercise(r) => Some(&mut r.forces),
            RecordMut::Activity(r) => Some(&mut r.forces),
            _ => None,
        }
    }

    fn platforms(&mut self) -> Option<&mut Vec<Platform>> {
        match self {
            RecordMut::Patrol(r) => Some(&mut r.platforms),
            RecordMut::Incident(r) => Some(&mut r.platforms),
            RecordMut::Activity(r) => Some(&mut r.platforms),
            _ => None,
        }
    }

    fn responses(&mut self) -> Option<&mut Vec<PatrolResponse>> {
        match self {
            RecordMut::Patrol(r) => Some(&mut r.responses),
            _ => None,
        }
    }

    /// The figure a path names, or why there is none.
    fn figure(&mut self, path: &FigurePath) -> Result<&mut Option<Figure>, String> {
        let kind = self.kind();
        let missing = |what: &str| format!("{kind} has no {what}");
        match path {
            FigurePath::Rounds | FigurePath::Sorties => match self {
                RecordMut::Incident(i) => Ok(if *path == FigurePath::Rounds {
                    &mut i.rounds
                } else {
                    &mut i.sorties
                }),
                _ => Err(missing("rounds or sorties (only incidents have)")),
            },
            FigurePath::Platform(n) => {
                let ps = self.platforms().ok_or_else(|| missing("platforms"))?;
                let len = ps.len();
                ps.get_mut(*n)
                    .map(|p| &mut p.count)
                    .ok_or_else(|| format!("the record lists {len} platform(s); there is no platform {n} (counting from 0)"))
            }
            FigurePath::Response(n) => {
                let rs = self.responses().ok_or_else(|| missing("responses"))?;
                let len = rs.len();
                rs.get_mut(*n)
                    .map(|r| &mut r.count)
                    .ok_or_else(|| format!("the record lists {len} response(s); there is no response {n} (counting from 0)"))
            }
            FigurePath::Forces { state, what } => {
                let mut forces = self.forces().ok_or_else(|| missing("forces"))?;
                if let Some(key) = state {
                    let parts = &mut forces.by_state;
                    let at = match key {
                        StateKey::Country(c) => parts.iter().position(|s| s.country == *c),
                        StateKey::Index(i) => (*i < parts.len()).then_some(*i),
                    };
                    forces = match at {
                        Some(i) => &mut parts[i].forces,
                        None => {
                            return Err(
                                "forces-by-state.csv gives the record no such state's forces"
                                    .to_string(),
                            )
                        }
                    };
                }
                match what {
                    ForcesField::Ships => Ok(&mut forces.ships),
                    ForcesField::Submarines => Ok(&mut forces.submarines),
                    ForcesField::Aircraft => Ok(&mut forces.aircraft),
                    ForcesField::Personnel => Ok(&mut forces.personnel),
                    ForcesField::Equipment(n) => {
                        let len = forces.equipment.len();
                        forces
                            .equipment
                            .get_mut(*n)
                            .map(|e| &mut e.quantity)
                            .ok_or_else(|| format!("the forces list {len} equipment item(s); there is no item {n} (counting from 0)"))
                    }
                }
            }
        }
    }
}

fn record_mut<'a>(ds: &'a mut Dataset, id: &str) -> Option<RecordMut<'a>> {
    if let Some(r) = ds.exercises.iter_mut().find(|r| r.id == id) {
        return Some(RecordMut::Exercise(r));
    }
    if let Some(r) = ds.patrols.iter_mut().find(|r| r.id == id) {
        return Some(RecordMut::Patrol(r));
    }
    if let Some(r) = ds.statistics.iter_mut().find(|r| r.id == id) {
        return Some(RecordMut::Statistic(r));
    }
    if let Some(r) = ds.incidents.iter_mut().find(|r| r.id == id) {
        return Some(RecordMut::Incident(r));
    }
    ds.activities
        .iter_mut()
        .find(|r| r.id == id)
        .map(RecordMut::Activity)
}

/// Adds each row to its record; returns what could not be added.
pub(super) fn apply(
    table: Table,
    rows: &[Attached],
    letters: &[(&'static str, String)],
    ds: &mut Dataset,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut started: HashSet<(String, String)> = HashSet::new();
    for a in rows {
        let fail = |column: &str, code: Code, message: String| {
            let letter = letters
                .iter()
                .find(|(n, _)| *n == column)
                .map_or("?", |(_, l)| l.as_str());
            Finding {
                code,
                severity: Severity::Error,
                path: format!("{table}[{}].{column}", a.index),
                message: format!(
                    "row {}, column {column:?} ({letter}): {message}",
                    a.index + 2
                ),
                line: Some(a.line as usize),
                column: None,
            }
        };
        let Some(mut record) = record_mut(ds, &a.record) else {
            findings.push(fail(
                "record",
                Code::InvalidValue,
                format!(
                    "no exercise, patrol, statistic, incident or activity has the id {:?}",
                    a.record
                ),
            ));
            continue;
        };
        let kind = record.kind();
        match &a.what {
            Attachment::Link(l) => record.links().push(l.clone()),
            Attachment::Claim(c) => record.claims().push(c.clone()),
            Attachment::Numbering(n) => match record.numbering() {
                Some(list) => list.push(n.clone()),
                None => findings.push(fail(
                    "record",
                    Code::InvalidValue,
                    format!("{:?} is {kind}; only patrols are numbered", a.record),
                )),
            },
            Attachment::Leg(l) => match record.legs() {
                Some(list) => list.push(l.clone()),
                None => findings.push(fail(
                    "record",
                    Code::InvalidValue,
                    format!(
                        "{:?} is {kind}; only patrols and activities have legs",
                        a.record
                    ),
                )),
            },
            Attachment::StateForces(s) => match record.forces() {
                Some(f) => f.by_state.push(s.clone()),
                None => findings.push(fail(
                    "record",
                    Code::InvalidValue,
                    format!(
                        "{:?} is {kind}; only exercises and activities have forces",
                        a.record
                    ),
                )),
            },
            Attachment::FigureValue { field, value } => {
                let path = match FigurePath::parse(field) {
                    Ok(p) => p,
                    Err(e) => {
                        findings.push(fail("field", e.code, e.message));
                        continue;
                    }
                };
                match record.figure(&path) {
                    Ok(slot) => {
                        let key = (a.record.clone(), format!("{path:?}"));
                        if started.contains(&key) {
                            if let Some(f) = slot {
                                f.values.push(value.clone());
                            }
                        } else if slot.is_some() {
                            findings.push(fail(
                                "field",
                                Code::DuplicateKey,
                                format!(
                                    "{field} of {:?} is already given (by its cell); leave the \
                                     cell empty when figure-values.csv gives the figure's values",
                                    a.record
                                ),
                            ));
                        } else {
                            *slot = Some(Figure {
                                values: vec![value.clone()],
                            });
                            started.insert(key);
                        }
                    }
                    Err(why) => findings.push(fail(
                        "field",
                        Code::InvalidValue,
                        format!("{field} of {:?}: {why}", a.record),
                    )),
                }
            }
        }
    }
    findings
}
