//! The identities every bundle holds: the exporting tool, and one
//! `identity` per state a record names.

use std::collections::BTreeSet;

use serde_json::json;

use super::{id, Builder};
use crate::model::actor::{CountryCode, Participant};
use crate::model::statistic::Category;

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
        }
        for p in &ds.patrols {
            all.extend(parts(&p.participants));
            all.extend(p.adiz_entered.iter().copied());
            all.extend(p.responses.iter().map(|r| r.by));
            all.extend(p.platforms.iter().filter_map(|x| x.country));
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
