//! Places: named areas (a built-in gazetteer plus areas a dataset defines),
//! points and routes in longitude/latitude.

mod gazetteer;

use serde::{Deserialize, Serialize};

/// A position in WGS 84 degrees. Longitude runs −180..180, latitude −90..90;
/// out-of-range values parse but fail validation (`longitude-out-of-range`,
/// `latitude-out-of-range`).
///
/// # Example
/// ```
/// use jointwatch::Point;
/// let p: Point = serde_json::from_str(r#"{"lon": 135.0, "lat": 40.0}"#).unwrap();
/// assert!(p.is_in_range());
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// Longitude in degrees, east positive.
    pub lon: f64,
    /// Latitude in degrees, north positive.
    pub lat: f64,
}

impl Point {
    /// Whether both coordinates are finite and in range.
    pub fn is_in_range(&self) -> bool {
        (-180.0..=180.0).contains(&self.lon) && (-90.0..=90.0).contains(&self.lat)
    }
}

/// What sort of place an area is.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AreaKind {
    /// A sea or gulf.
    Sea,
    /// An ocean or a large part of one.
    Ocean,
    /// A strait or channel.
    Strait,
    /// A land or mixed region.
    Region,
    /// Airspace that is neither a territorial airspace nor an ADIZ (a
    /// military operating area, a flight information region, …). Documents
    /// written before `territorialAirspace` and `adiz` may use it for either.
    Airspace,
    /// A state's territorial airspace: the airspace over its land and its
    /// territorial sea (12 nautical miles). Entering it without leave is an
    /// airspace violation.
    TerritorialAirspace,
    /// An air defence identification zone: airspace, mostly over the high
    /// seas, in which a state asks aircraft to identify themselves. Entering
    /// it is not a violation.
    Adiz,
}

impl AreaKind {
    fn from_table(kind: &str) -> AreaKind {
        match kind {
            "sea" => AreaKind::Sea,
            "ocean" => AreaKind::Ocean,
            "strait" => AreaKind::Strait,
            "airspace" => AreaKind::Airspace,
            "territorialAirspace" => AreaKind::TerritorialAirspace,
            "adiz" => AreaKind::Adiz,
            _ => AreaKind::Region,
        }
    }
}

/// A named area. The built-in gazetteer provides the seas and regions the
/// seed names and their neighbours; a dataset may add its own in `areas`.
///
/// Records refer to areas by `id`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Area {
    /// Stable id, such as `"sea-of-japan"`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What sort of place it is.
    pub kind: AreaKind,
    /// Other names for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Approximate bounding box `[west, south, east, north]`; `west > east`
    /// when it crosses the antimeridian.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[f64; 4]>,
    /// Outline as a closed ring of points, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub polygon: Option<Vec<Point>>,
    /// Where the geometry comes from ("box round the strait's narrows,
    /// drawn by hand from the coastline"), and anything else a reader of it
    /// should know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Whether the geometry only approximates the area (a hand-drawn box, say).
    /// Absent means `false`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub approximate: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Every area of the built-in gazetteer: seas, oceans, straits, regions and
/// airspace (Japan's, South Korea's and Alaska's ADIZ; the territorial
/// airspace of the Liancourt Rocks). Each has a coarse bounding box, marked
/// `approximate`, and `notes` saying where the box comes from.
///
/// # Example
/// ```
/// use jointwatch::AreaKind;
/// let areas: Vec<_> = jointwatch::gazetteer().collect();
/// assert!(areas.iter().any(|a| a.id == "sea-of-japan"));
/// let kadiz = areas.iter().find(|a| a.id == "korea-adiz").unwrap();
/// assert_eq!(kadiz.kind, AreaKind::Adiz);
/// assert!(kadiz.approximate && kadiz.notes.is_some());
/// ```
pub fn gazetteer() -> impl Iterator<Item = Area> {
    gazetteer::GAZETTEER.iter().map(|e| Area {
        id: e.id.to_string(),
        name: e.name.to_string(),
        kind: AreaKind::from_table(e.kind),
        aliases: e.aliases.iter().map(|a| a.to_string()).collect(),
        bbox: Some(e.bbox),
        polygon: None,
        notes: Some(e.note.to_string()),
        approximate: e.approximate,
    })
}

/// Finds a built-in area by id, name or alias (case-insensitive for names).
///
/// # Example
/// ```
/// assert_eq!(jointwatch::builtin_area("East Sea").unwrap().id, "sea-of-japan");
/// assert_eq!(jointwatch::builtin_area("sea-of-okhotsk").unwrap().name, "Sea of Okhotsk");
/// assert!(jointwatch::builtin_area("Atlantis").is_none());
/// ```
pub fn builtin_area(key: &str) -> Option<Area> {
    let hit = gazetteer::GAZETTEER.iter().position(|e| {
        e.id == key
            || e.name.eq_ignore_ascii_case(key)
            || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(key))
    })?;
    gazetteer().nth(hit)
}

/// Whether `id` names a built-in area.
pub fn is_builtin_area_id(id: &str) -> bool {
    builtin_position(id).is_some()
}

fn builtin_position(id: &str) -> Option<usize> {
    gazetteer::GAZETTEER.binary_search_by(|e| e.id.cmp(id)).ok()
}

/// The built-in area with exactly this id; names and aliases are not looked
/// up (that is [`builtin_area`], for reading what people write). This is
/// the rule records follow when they name an area, and the one
/// [`Dataset::area`](crate::Dataset::area) applies after the dataset's own
/// areas.
///
/// # Example
/// ```
/// use jointwatch::model::place::builtin_area_by_id;
/// assert_eq!(builtin_area_by_id("sea-of-japan").unwrap().name, "Sea of Japan");
/// assert!(builtin_area_by_id("East Sea").is_none()); // an alias, not an id
/// ```
pub fn builtin_area_by_id(id: &str) -> Option<Area> {
    gazetteer().nth(builtin_position(id)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_areas_are_in_the_gazetteer() {
        for id in [
            "sea-of-japan",
            "east-china-sea",
            "sea-of-okhotsk",
            "pacific-ocean",
            "arctic-ocean",
            "central-asia",
            "south-china-sea",
            "taiwan-strait",
        ] {
            assert!(is_builtin_area_id(id), "{id}");
        }
    }

    #[test]
    fn notes_and_approximate_are_written_only_when_said() {
        let area: Area =
            serde_json::from_str(r#"{"id":"x","name":"X","kind":"adiz","bbox":[1,2,3,4]}"#)
                .unwrap();
        assert!(!area.approximate);
        assert_eq!(area.notes, None);
        assert_eq!(
            serde_json::to_string(&area).unwrap(),
            r#"{"id":"x","name":"X","kind":"adiz","bbox":[1.0,2.0,3.0,4.0]}"#
        );
        let text = r#"{"id":"x","name":"X","kind":"territorialAirspace","notes":"hand-drawn","approximate":true}"#;
        let area: Area = serde_json::from_str(text).unwrap();
        assert_eq!(area.kind, AreaKind::TerritorialAirspace);
        assert!(area.approximate);
        assert_eq!(serde_json::to_string(&area).unwrap(), text);
    }

    #[test]
    fn the_issue_straits_and_zones_are_built_in_with_their_kinds() {
        for (id, kind) in [
            ("tsugaru-strait", AreaKind::Strait),
            ("osumi-strait", AreaKind::Strait),
            ("tsushima-strait", AreaKind::Strait),
            ("korea-strait", AreaKind::Strait),
            ("soya-strait", AreaKind::Strait),
            ("miyako-strait", AreaKind::Strait),
            ("bering-strait", AreaKind::Strait),
            ("japan-adiz", AreaKind::Adiz),
            ("korea-adiz", AreaKind::Adiz),
            ("alaska-adiz", AreaKind::Adiz),
            ("dokdo-takeshima-airspace", AreaKind::TerritorialAirspace),
        ] {
            let a = builtin_area_by_id(id).unwrap();
            assert_eq!(a.kind, kind, "{id}");
            assert!(a.approximate, "{id}");
            assert!(a.notes.as_deref().unwrap().contains("approximate"), "{id}");
        }
        assert_eq!(builtin_area("KADIZ").unwrap().id, "korea-adiz");
        assert_eq!(builtin_area("Korea Strait").unwrap().id, "korea-strait");
        assert_eq!(builtin_area("La Pérouse Strait").unwrap().id, "soya-strait");
        for name in ["Dokdo", "Takeshima", "dokdo airspace"] {
            assert_eq!(
                builtin_area(name).unwrap().id,
                "dokdo-takeshima-airspace",
                "{name}"
            );
        }
    }

    #[test]
    fn points_out_of_range_are_noticed() {
        assert!(!Point {
            lon: 181.0,
            lat: 0.0
        }
        .is_in_range());
        assert!(!Point {
            lon: 0.0,
            lat: -90.5
        }
        .is_in_range());
        assert!(!Point {
            lon: f64::NAN,
            lat: 0.0
        }
        .is_in_range());
        assert!(Point {
            lon: -180.0,
            lat: 90.0
        }
        .is_in_range());
    }
}
