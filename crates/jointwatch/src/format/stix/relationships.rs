//! Relationships: one per `links` entry of a record, and an incident's ties
//! to the states that acted (`attributed-to`), the states acted against
//! (`targets`) and its places (`located-at`).
//!
//! Links use only the relationship types every STIX consumer knows:
//! `duplicate-of` for `sameEvent`, `related-to` for the rest, with the
//! link's meaning in the description and the link itself in the jointwatch
//! property extension. STIX 2.1 defines no relationships for its `incident`
//! stub, so the validator calls any typed relationship from an incident
//! "permitted, but not suggested" (`{202}`); the three used here are the
//! specification's own words for the same meaning on other objects.

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};

use super::events::incident_words;
use super::{to_value, Builder};
use crate::model::link::{Link, LinkKind};
use crate::model::record::Record;

/// The STIX relationship type of a link.
fn relationship_type(rel: LinkKind) -> &'static str {
    match rel {
        LinkKind::SameEvent => "duplicate-of",
        _ => "related-to",
    }
}

/// What a link says, as a verb phrase between its two records.
fn phrase(rel: LinkKind) -> &'static str {
    match rel {
        LinkKind::PartOf => "is part of",
        LinkKind::During => "happened during",
        LinkKind::Follows => "followed",
        LinkKind::RespondsTo => "responded to",
        LinkKind::SameEvent => "is a record of the same event as",
        LinkKind::Related => "is related to",
    }
}

impl Builder<'_> {
    /// The STIX id of the object made from a record.
    pub(super) fn record_object_id(&self, r: &Record<'_>) -> String {
        match r {
            Record::Exercise(e) => self.scoped("grouping", &format!("exercise/{}", e.id)),
            Record::Patrol(p) => self.scoped("grouping", &format!("patrol/{}", p.id)),
            Record::Activity(a) => self.scoped("grouping", &format!("activity/{}", a.id)),
            Record::Statistic(s) => self.scoped("note", &format!("statistic/{}", s.id)),
            Record::Incident(i) => self.incident_id(&i.id),
        }
    }

    fn relationship(
        &self,
        key: &str,
        ty: &str,
        source: &str,
        target: &str,
        description: String,
    ) -> Map<String, Value> {
        let rid = self.scoped("relationship", key);
        let mut m = self.common("relationship", &rid);
        m.insert("relationship_type".into(), json!(ty));
        m.insert("description".into(), json!(description));
        m.insert("source_ref".into(), json!(source));
        m.insert("target_ref".into(), json!(target));
        m
    }

    /// `attributed-to` the states that acted, `targets` the states acted
    /// against, `located-at` its areas and reported position.
    pub(super) fn incident_relationships(&mut self, i: usize, iid: &str) {
        let inc = &self.ds.incidents[i];
        let kind = incident_words(inc.kind);
        let name = inc.name.clone().unwrap_or_else(|| inc.id.clone());
        let mut out = Vec::new();
        let mut seen = BTreeSet::new();
        for c in inc.by.iter().map(|p| p.country) {
            let Some(sid) = self.states.get(&c) else {
                continue;
            };
            if !seen.insert(c) {
                continue;
            }
            let text = format!(
                "{} acted in \"{name}\" ({}).",
                Self::state_name(&c),
                kind.to_lowercase()
            );
            let mut m = self.relationship(
                &format!("incident/{}/by/{c}", inc.id),
                "attributed-to",
                iid,
                sid,
                text,
            );
            self.cite(&mut m, &inc.sources);
            out.push(m);
        }
        let mut seen = BTreeSet::new();
        for c in &inc.against {
            let Some(sid) = self.states.get(c) else {
                continue;
            };
            if !seen.insert(*c) {
                continue;
            }
            let text = format!(
                "\"{name}\" ({}) was against {}.",
                kind.to_lowercase(),
                Self::state_name(c)
            );
            let mut m = self.relationship(
                &format!("incident/{}/against/{c}", inc.id),
                "targets",
                iid,
                sid,
                text,
            );
            self.cite(&mut m, &inc.sources);
            out.push(m);
        }
        let mut places: Vec<(String, String, String)> = Vec::new();
        for a in &inc.areas {
            if let Some(lid) = self.locations.get(a) {
                if !places.iter().any(|p| &p.1 == lid) {
                    places.push((
                        format!("area/{a}"),
                        lid.clone(),
                        self.area_names(std::slice::from_ref(a)),
                    ));
                }
            }
        }
        if let Some(p) = inc.location.filter(|p| p.is_in_range()) {
            let lid = self.scoped("location", &format!("incident/{}", inc.id));
            let mut m = self.common("location", &lid);
            m.insert("name".into(), json!(format!("Position of {name}")));
            m.insert(
                "description".into(),
                json!(format!(
                    "The position the sources give for the incident: longitude {}, latitude {}.",
                    p.lon, p.lat
                )),
            );
            m.insert("latitude".into(), json!(p.lat));
            m.insert("longitude".into(), json!(p.lon));
            self.cite(&mut m, &inc.sources);
            out.push(m);
            places.push(("position".into(), lid, "its reported position".into()));
        }
        for (key, lid, place) in places {
            let text = format!(
                "\"{name}\" ({}) took place in {place}.",
                kind.to_lowercase()
            );
            let mut m = self.relationship(
                &format!("incident/{}/at/{key}", inc.id),
                "located-at",
                iid,
                &lid,
                text,
            );
            self.cite(&mut m, &inc.sources);
            out.push(m);
        }
        for m in out {
            self.push(m);
        }
    }

    /// One relationship per `links` entry, from the holder's object to the
    /// target's. A link to an id the dataset does not hold (which validation
    /// reports) gets none, so that no reference dangles.
    pub(super) fn links(&mut self) {
        let ds = self.ds;
        let holders = ds
            .exercises
            .iter()
            .map(|e| (Record::Exercise(e), &e.links, &e.sources))
            .chain(
                ds.patrols
                    .iter()
                    .map(|p| (Record::Patrol(p), &p.links, &p.sources)),
            )
            .chain(
                ds.incidents
                    .iter()
                    .map(|i| (Record::Incident(i), &i.links, &i.sources)),
            )
            .chain(
                ds.activities
                    .iter()
                    .map(|a| (Record::Activity(a), &a.links, &a.sources)),
            )
            .chain(
                ds.statistics
                    .iter()
                    .map(|s| (Record::Statistic(s), &s.links, &s.sources)),
            );
        let mut keys = BTreeSet::new();
        let mut out = Vec::new();
        for (holder, links, sources) in holders {
            for l in links {
                let Some(target) = ds.record(&l.to) else {
                    continue;
                };
                let mut key = format!("link/{}/{}/{}", holder.id(), l.rel.as_str(), l.to);
                let mut n = 1;
                while keys.contains(&key) {
                    n += 1;
                    key = format!("link/{}/{}/{}/{n}", holder.id(), l.rel.as_str(), l.to);
                }
                keys.insert(key.clone());
                out.push(self.link(&key, &holder, &target, l, sources));
            }
        }
        for m in out {
            self.push(m);
        }
    }

    fn link(
        &self,
        key: &str,
        holder: &Record<'_>,
        target: &Record<'_>,
        l: &Link,
        record_sources: &[String],
    ) -> Map<String, Value> {
        let mut text = format!(
            "The {} \"{}\" {} the {} \"{}\" (jointwatch link `{}`).",
            holder.kind().as_str(),
            holder.name(),
            phrase(l.rel),
            target.kind().as_str(),
            target.name(),
            l.rel.as_str()
        );
        if let Some(n) = &l.notes {
            text += &format!(" Notes: {n}");
        }
        let mut m = self.relationship(
            key,
            relationship_type(l.rel),
            &self.record_object_id(holder),
            &self.record_object_id(target),
            text,
        );
        let sources = if l.sources.is_empty() {
            record_sources
        } else {
            &l.sources
        };
        self.cite(&mut m, sources);
        let mut record = to_value(l);
        if let Value::Object(o) = &mut record {
            o.insert("from".into(), json!(holder.id()));
        }
        m.insert(
            "extensions".into(),
            json!({ self.extension.clone(): {
                "extension_type": "property-extension",
                "record_type": "link",
                "record": record,
            }}),
        );
        m
    }
}
