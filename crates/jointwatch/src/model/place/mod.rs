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
    /// An air-defence identification zone or other airspace.
    Airspace,
}

impl AreaKind {
    fn from_table(kind: &str) -> AreaKind {
        match kind {
            "sea" => AreaKind::Sea,
            "ocean" => AreaKind::Ocean,
            "strait" => AreaKind::Strait,
            "airspace" => AreaKind::Airspace,
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
}

/// Every area of the built-in gazetteer.
///
/// # Example
/// ```
/// let seas: Vec<_> = jointwatch::gazetteer().collect();
/// assert!(seas.iter().any(|a| a.id == "sea-of-japan"));
/// ```
pub fn gazetteer() -> impl Iterator<Item = Area> {
    gazetteer::GAZETTEER.iter().map(|e| Area {
        id: e.id.to_string(),
        name: e.name.to_string(),
        kind: AreaKind::from_table(e.kind),
        aliases: e.aliases.iter().map(|a| a.to_string()).collect(),
        bbox: Some(e.bbox),
        polygon: None,
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
