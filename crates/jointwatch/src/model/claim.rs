//! Distinctions a source claims for a record ("the largest naval exercise
//! in three decades", "the first joint bomber flight off Shikoku"), on any
//! record kind.

use serde::{Deserialize, Serialize};

use crate::model::exercise::Domain;

/// What kind of distinction a claim makes.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ClaimKind {
    /// The largest of its kind.
    Largest,
    /// The first of its kind.
    First,
    /// The longest of its kind.
    Longest,
    /// Another distinction.
    Other,
}

/// A distinction a source claims for a record, kept as the source's words
/// ("the largest naval exercise in three decades").
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Claim {
    /// What kind of distinction.
    pub kind: ClaimKind,
    /// The source's wording.
    pub text: String,
    /// The class of thing compared ("naval exercise").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The window the claim covers, in years ("in three decades" = 30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_years: Option<u32>,
    /// Sources that make the claim.
    #[serde(default)]
    pub sources: Vec<String>,
}

impl Claim {
    /// The domains the claim's `scope` names ("naval exercise" → naval), in
    /// the order of [`Domain::ALL`]; empty when it names none. A claimed
    /// record-setter is compared with exercises of these domains.
    ///
    /// # Example
    /// ```
    /// use jointwatch::model::claim::{Claim, ClaimKind};
    /// use jointwatch::model::exercise::Domain;
    /// let c = Claim { kind: ClaimKind::Largest, text: "the largest naval exercise in three decades".into(),
    ///     scope: Some("naval exercise".into()), window_years: Some(30), sources: vec![] };
    /// assert_eq!(c.scope_domains(), [Domain::Naval]);
    /// ```
    pub fn scope_domains(&self) -> Vec<Domain> {
        let Some(scope) = &self.scope else {
            return Vec::new();
        };
        // ASCII comparison: the domain names are ASCII, and Unicode case
        // tables would cost the `.wasm` kilobytes.
        let words = scope.split(|c: char| !c.is_ascii_alphanumeric());
        Domain::ALL
            .into_iter()
            .filter(|d| words.clone().any(|w| w.eq_ignore_ascii_case(d.as_str())))
            .collect()
    }
}
