//! Incidents (STIX `incident` objects, with relationships to the states
//! that acted and were acted against and to their places) and activities
//! (groupings, as patrols).

use serde_json::json;

use super::objects::{claims_text, forces_text, leg_areas, platforms_text, Grouping};
use super::{figure, label, when, word, Builder};
use crate::model::activity::ActivityKind;
use crate::model::actor::CountryCode;
use crate::model::incident::IncidentKind;

/// An incident kind in words, as a sentence starts.
pub(super) fn incident_words(k: IncidentKind) -> &'static str {
    match k {
        IncidentKind::AirspaceViolation => "Airspace violation",
        IncidentKind::AdizEntry => "ADIZ entry",
        IncidentKind::Scramble => "Scramble",
        IncidentKind::Intercept => "Intercept",
        IncidentKind::UnsafeIntercept => "Unsafe intercept",
        IncidentKind::WarningShots => "Warning shots",
        IncidentKind::Protest => "Diplomatic protest",
        IncidentKind::Shadowing => "Shadowing",
        IncidentKind::Other => "Incident",
    }
}

fn activity_words(k: ActivityKind) -> &'static str {
    match k {
        ActivityKind::Transit => "Transit",
        ActivityKind::Flight => "Flight",
        ActivityKind::Patrol => "Patrol",
        ActivityKind::Deployment => "Deployment",
        ActivityKind::Exercise => "Exercise",
        ActivityKind::Other => "Activity",
    }
}

fn states_text(cs: &[CountryCode]) -> String {
    cs.iter()
        .map(Builder::state_name)
        .collect::<Vec<_>>()
        .join(", ")
}

impl Builder<'_> {
    /// The STIX id of an incident's object.
    pub(super) fn incident_id(&self, record: &str) -> String {
        self.scoped("incident", &format!("incident/{record}"))
    }

    pub(super) fn incident(&mut self, i: usize) {
        let inc = &self.ds.incidents[i];
        let kind = incident_words(inc.kind);
        let name = inc
            .name
            .clone()
            .unwrap_or_else(|| format!("{kind} {}", inc.id));
        let mut text = kind.to_string();
        if !inc.by.is_empty() {
            text += &format!(" by {}", Self::participants_text(&inc.by));
        }
        if !inc.against.is_empty() {
            text += &format!(" against {}", states_text(&inc.against));
        }
        text += &format!(
            ", {}.",
            when(inc.dates.as_ref(), inc.start_time, inc.end_time)
        );
        if let Some(r) = &inc.rounds {
            text += &format!(" Rounds fired: {}.", figure(r));
        }
        if let Some(s) = &inc.sorties {
            text += &format!(" Sorties: {}.", figure(s));
        }
        text += &platforms_text(&inc.platforms);
        if !inc.areas.is_empty() {
            text += &format!(" Areas: {}.", self.area_names(&inc.areas));
        }
        if let Some(p) = &inc.location {
            text += &format!(" Position: longitude {}, latitude {}.", p.lon, p.lat);
        }
        text += &claims_text(&inc.claims);
        if let Some(n) = &inc.notes {
            text += &format!(" Notes: {n}");
        }
        let iid = self.incident_id(&inc.id);
        let mut m = self.common("incident", &iid);
        m.insert("name".into(), json!(name));
        m.insert("description".into(), json!(text));
        let mut labels = vec!["incident".to_string(), label(inc.kind.as_str())];
        labels.extend(inc.tags.iter().cloned());
        m.insert("labels".into(), json!(labels));
        self.cite(&mut m, &inc.sources);
        self.extend(&mut m, "incident", inc);
        self.push(m);
        self.incident_relationships(i, &iid);
    }

    pub(super) fn activity(&mut self, i: usize) {
        let a = &self.ds.activities[i];
        let kind = activity_words(a.kind);
        let name = a.name.clone().unwrap_or_else(|| format!("{kind} {}", a.id));
        let mut text = format!(
            "{kind} by {}, {}.",
            Self::participants_text(&a.participants),
            when(a.dates.as_ref(), a.start_time, a.end_time)
        );
        if let Some(d) = &a.domain {
            text += &format!(" Domain: {}.", word(d));
        }
        text += &platforms_text(&a.platforms);
        text += &forces_text(&a.forces);
        if !a.areas.is_empty() {
            text += &format!(" Areas: {}.", self.area_names(&a.areas));
        }
        text += &self.legs_text(&a.legs);
        if !a.adiz_entered.is_empty() {
            text += &format!(
                " Entered the air-defence identification zone of {}.",
                states_text(&a.adiz_entered)
            );
        }
        text += &claims_text(&a.claims);
        if let Some(n) = &a.notes {
            text += &format!(" Notes: {n}");
        }
        let mut refs = self.state_refs(
            a.participants
                .iter()
                .map(|x| &x.country)
                .chain(&a.adiz_entered)
                .chain(a.forces.by_state.iter().map(|s| &s.country)),
        );
        refs.extend(self.area_refs(a.areas.iter().chain(leg_areas(&a.legs))));
        let route_name = a.name.clone().unwrap_or_else(|| a.id.clone());
        refs.extend(self.route_locations(&a.id, &route_name, &a.route, &a.legs));
        let a = &self.ds.activities[i];
        let mut labels = vec!["activity".to_string(), label(a.kind.as_str())];
        labels.extend(a.domain.iter().map(word));
        labels.extend(a.tags.iter().cloned());
        let g = Grouping {
            id: self.scoped("grouping", &format!("activity/{}", a.id)),
            name,
            description: text,
            refs,
            labels,
            sources: a.sources.clone(),
        };
        self.grouping(g, "activity", a);
    }
}
