//! The identities every bundle holds: the exporting tool, and one
//! `identity` per state a record names.

use std::collections::BTreeSet;

use serde_json::json;

use super::{id, Builder};
use crate::model::actor::{CountryCode, Participant};
use crate::model::exercise::Forces;
use crate::model::figure::Figure;
use crate::model::patrol::Platform;
use crate::model::statistic::Category;

/// The states that give a figure's values.
fn figure_states(f: &Figure) -> impl Iterator<Item = CountryCode> + '_ {
    f.values.iter().filter_map(|v| v.by)
}

/// The states named in forces: each state's part and the givers of every
/// figure.
fn forces_states(f: &Forces) -> Vec<CountryCode> {
    let mut out: Vec<CountryCode> = f.figures().flat_map(|(_, x)| figure_states(x)).collect();
    out.extend(
        f.equipment
            .iter()
            .filter_map(|e| e.quantity.as_ref())
            .flat_map(figure_states),
    );
    for s in &f.by_state {
        out.push(s.country);
        out.extend(forces_states(&s.forces));
    }
    out
}

/// The operators of platforms and the givers of their counts.
fn platform_states(ps: &[Platform]) -> Vec<CountryCode> {
    let mut out: Vec<CountryCode> = ps.iter().filter_map(|x| x.country).collect();
    out.extend(
        ps.iter()
            .filter_map(|x| x.count.as_ref())
            .flat_map(figure_states),
    );
    out
}

impl Builder<'_> {
    pub(super) fn producer_identity(&mut self) {
        let mut m = self.common("identity", &self.producer.clone());
        m.insert("name".into(), json!("jointwatch"));
        m.insert(
            "description".into(),
            json!("The jointwatch library, which wrote these objects from a jointwatch dataset of open-source records on military cooperation between states."),
        );
        m.insert("identity_class".into(), json!("system"));
        self.push(m);
    }

    pub(super) fn state_name(c: &CountryCode) -> String {
        match c.name() {
            Some(n) => format!("{n} ({c})"),
            None => c.to_string(),
        }
    }

    pub(super) fn state_refs<'p>(
        &self,
        ps: impl IntoIterator<Item = &'p CountryCode>,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in ps {
            if let Some(id) = self.states.get(c) {
                if !out.contains(id) {
                    out.push(id.clone());
                }
            }
        }
        out
    }

    pub(super) fn state_identities(&mut self) {
        let ds = self.ds;
        let mut all: BTreeSet<CountryCode> = BTreeSet::new();
        let parts = |ps: &[Participant]| ps.iter().map(|p| p.country).collect::<Vec<_>>();
        for e in &ds.exercises {
            all.extend(parts(&e.participants));
            all.extend(parts(&e.observers));
            all.extend(e.host);
            all.extend(forces_states(&e.forces));
        }
        for p in &ds.patrols {
            all.extend(parts(&p.participants));
            all.extend(p.adiz_entered.iter().copied());
            all.extend(p.responses.iter().map(|r| r.by));
            all.extend(
                p.responses
                    .iter()
                    .filter_map(|r| r.count.as_ref())
                    .flat_map(figure_states),
            );
            all.extend(platform_states(&p.platforms));
            all.extend(p.numbering.iter().filter_map(|n| n.by));
        }
        for i in &ds.incidents {
            all.extend(parts(&i.by));
            all.extend(i.against.iter().copied());
            all.extend(platform_states(&i.platforms));
            for f in i.rounds.iter().chain(&i.sorties) {
                all.extend(figure_states(f));
            }
        }
        for a in &ds.activities {
            all.extend(parts(&a.participants));
            all.extend(a.adiz_entered.iter().copied());
            all.extend(platform_states(&a.platforms));
            all.extend(forces_states(&a.forces));
        }
        for s in &ds.statistics {
            all.extend(parts(&s.subjects));
            all.extend(s.reporter.as_ref().and_then(|r| r.country));
            all.extend(s.breakdown.iter().filter_map(|b| match b.category {
                Category::Country(c) => Some(c),
                _ => None,
            }));
        }
        for c in all {
            let sid = id("identity", &format!("state/{c}"));
            let mut m = self.common("identity", &sid);
            m.insert("name".into(), json!(c.name().unwrap_or(c.as_str())));
            m.insert(
                "description".into(),
                json!(format!(
                    "The state with ISO 3166-1 alpha-3 code {c}: its government and armed forces as an actor in the records."
                )),
            );
            m.insert("identity_class".into(), json!("organization"));
            m.insert("sectors".into(), json!(["government-national", "defense"]));
            m.insert(
                "external_references".into(),
                json!([{"source_name": "ISO 3166-1 alpha-3", "external_id": c.as_str()}]),
            );
            self.push(m);
            self.states.insert(c, sid);
        }
    }
}
