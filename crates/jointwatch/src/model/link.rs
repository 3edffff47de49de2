//! Links between records: an exercise and the joint patrol that followed
//! it, an incident and the patrol it happened during, two records of the
//! same event. Modelled on STIX 2.1 relationship objects: a link is a typed,
//! directed edge from the record that holds it to the record it names.

use serde::{Deserialize, Serialize};

/// What a link says about its two records: `A <rel> B`, where A holds the
/// link and B is its `to`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LinkKind {
    /// A is a phase or part of B. `partOf` links must not form a cycle.
    PartOf,
    /// A happened during B (an incident during a patrol): their dates overlap.
    During,
    /// A came after B and is tied to it (the joint patrol that followed an
    /// exercise): A does not start before B starts.
    Follows,
    /// A is a response to B (a scramble responding to an ADIZ entry).
    RespondsTo,
    /// A and B are records of the same event (kept apart, as held, after a
    /// merge): analysis counts them once and merge does not warn of a
    /// likely duplicate.
    SameEvent,
    /// Any other tie, said in `notes`.
    Related,
}

impl LinkKind {
    /// The name as written in documents (`"partOf"`).
    pub fn as_str(&self) -> &'static str {
        match self {
            LinkKind::PartOf => "partOf",
            LinkKind::During => "during",
            LinkKind::Follows => "follows",
            LinkKind::RespondsTo => "respondsTo",
            LinkKind::SameEvent => "sameEvent",
            LinkKind::Related => "related",
        }
    }

    /// Every kind, in documentation order.
    pub const ALL: [LinkKind; 6] = [
        LinkKind::PartOf,
        LinkKind::During,
        LinkKind::Follows,
        LinkKind::RespondsTo,
        LinkKind::SameEvent,
        LinkKind::Related,
    ];
}

/// A link from the record holding it to another record of any kind.
///
/// # Example
/// ```
/// use jointwatch::model::link::{Link, LinkKind};
/// let l: Link = serde_json::from_str(r#"{"rel": "during", "to": "jap-2019-07-23"}"#).unwrap();
/// assert_eq!(l.rel, LinkKind::During);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Link {
    /// What the link says.
    pub rel: LinkKind,
    /// The id of the record linked to.
    pub to: String,
    /// Ids of the sources that tie the two; empty means the record's sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Free-text notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::LinkKind;

    #[test]
    fn names_are_the_serialised_ones() {
        for k in LinkKind::ALL {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
    }
}
