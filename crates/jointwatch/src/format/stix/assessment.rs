//! A scenario's assessment: a `note` with the numbers, and an `opinion` on
//! the scenario note in the ICD 203 term.

use serde_json::json;

use super::{percent, word, Builder};
use crate::assess::estimative::Term;
use crate::assess::{Assessment, ContributionKind, State};

/// The STIX opinion that expresses an ICD 203 term about a scenario coming
/// about: `strongly-disagree` for "almost no chance" and "very unlikely",
/// `disagree` for "unlikely", `neutral` for "roughly even chance", `agree`
/// for "likely", `strongly-agree` for "very likely" and "almost certain".
pub fn opinion(term: Term) -> &'static str {
    match term {
        Term::AlmostNoChance | Term::VeryUnlikely => "strongly-disagree",
        Term::Unlikely => "disagree",
        Term::RoughlyEvenChance => "neutral",
        Term::Likely => "agree",
        Term::VeryLikely | Term::AlmostCertain => "strongly-agree",
    }
}

/// A posterior as text: to the nearest 5 points and marked when it rests on
/// an illustrative prior, ratio or horizon, since more digits would claim a
/// precision the judgement behind it does not have.
fn posterior(p: f64, illustrative: bool) -> String {
    if illustrative {
        format!("{:.0} %, illustrative", (p * 20.0).round() * 5.0)
    } else {
        percent(p)
    }
}

impl Builder<'_> {
    pub(super) fn assessment(&mut self, a: &Assessment) {
        for r in &a.scenarios {
            let Some(scenario_note) = self.scenario_notes.get(&r.id).cloned() else {
                continue;
            };
            let prior = format!(
                "{} ({}{})",
                percent(r.prior),
                r.prior_term.words(),
                if r.illustrative_prior {
                    ", an illustrative default"
                } else {
                    ""
                }
            );
            let mut text = format!(
                "As of {}, that \"{}\" comes about is judged {} ({}) {}; prior {prior}. Confidence: {} — {}.",
                a.as_of,
                r.name,
                r.term.words(),
                posterior(r.probability, r.illustrative),
                r.horizon_phrase,
                word(&r.confidence),
                r.confidence_reason.trim_end_matches('.')
            );
            let mut refs = vec![scenario_note.clone()];
            for c in &r.contributions {
                let state = match c.state {
                    Some(State::Fired) => "fired",
                    Some(State::NotFired) => "did not fire",
                    Some(State::Unknown) => "is unknown",
                    None => "",
                };
                if c.kind == ContributionKind::Alternatives {
                    text += &format!(
                        " The alternatives in set {}: log-odds {:+.3}.",
                        c.indicator, c.log_odds
                    );
                } else {
                    text += &format!(
                        " Indicator {} {state}: likelihood ratio {:.3}, log-odds {:+.3}{}.",
                        c.indicator,
                        c.likelihood_ratio,
                        c.log_odds,
                        if c.counted || c.state == Some(State::Unknown) {
                            ""
                        } else {
                            " (absorbed by its group)"
                        }
                    );
                }
                if let Some(n) = self.indicator_notes.get(&c.indicator) {
                    if !refs.contains(n) {
                        refs.push(n.clone());
                    }
                }
            }
            if let Some(w) = &r.what_would_change {
                text += &format!(
                    " Observing indicator {} would move it to {} ({}) if it fired, {} ({}) if not.",
                    w.indicator,
                    posterior(w.if_fired, r.illustrative),
                    w.if_fired_term.words(),
                    posterior(w.if_not_fired, r.illustrative),
                    w.if_not_fired_term.words()
                );
            }
            let nid = self.scoped("note", &format!("assessment/{}", r.id));
            let mut m = self.note(
                nid,
                format!(
                    "Assessment: {} — {} ({})",
                    r.name,
                    r.term.words(),
                    posterior(r.probability, r.illustrative)
                ),
                text,
                refs,
                &[],
            );
            m.insert("labels".into(), json!(["assessment"]));
            self.extend(&mut m, "assessment", r);
            self.push(m);

            let oid = self.scoped("opinion", &format!("assessment/{}", r.id));
            let mut o = self.common("opinion", &oid);
            o.insert(
                "explanation".into(),
                json!(format!(
                    "That \"{}\" comes about is {} ({}) as of {} by jointwatch's likelihood-ratio assessment; confidence {}. See the assessment note for the contributions.",
                    r.name,
                    r.term.words(),
                    posterior(r.probability, r.illustrative),
                    a.as_of,
                    word(&r.confidence)
                )),
            );
            o.insert("opinion".into(), json!(opinion(r.term)));
            o.insert("object_refs".into(), json!([scenario_note]));
            self.push(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_map_to_opinions_symmetrically() {
        assert_eq!(opinion(Term::AlmostNoChance), "strongly-disagree");
        assert_eq!(opinion(Term::RoughlyEvenChance), "neutral");
        assert_eq!(opinion(Term::AlmostCertain), "strongly-agree");
    }
}
