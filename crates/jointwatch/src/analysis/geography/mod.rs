//! Great-circle geometry on routes and targets: how close did a patrol come
//! to a point, a line or an area?
//!
//! Everything here works on a sphere of mean Earth radius
//! [`EARTH_RADIUS_KM`] (6371.0088 km, the IUGG/GRS 80 mean radius `R₁`, the
//! radius the `geo` crate's [`Haversine`] metric uses).
//! Route segments and target edges are great-circle arcs, so a route from
//! 179°E to 179°W is a 2° hop across the antimeridian, not a 358° detour, and
//! nothing special happens at the poles.
//!
//! Distances and lengths come from `geo`'s [`Haversine`]
//! metric and inside tests from its [`Intersects`](geo::Intersects); the foot
//! of a perpendicular on an arc and the crossing of two arcs are computed
//! here with unit vectors (`geo` has no spherical arc crossing, and its
//! `HaversineClosestPoint` misjudges long or high-latitude arcs).
//!
//! # Example
//! ```
//! use jointwatch::analysis::geography::{closest_approach, Target};
//! use jointwatch::Point;
//!
//! // Along the equator from 179°E to 179°W, passing 1° south of 180° 1°N.
//! let route = [Point { lon: 179.0, lat: 0.0 }, Point { lon: -179.0, lat: 0.0 }];
//! let a = closest_approach(&route, &Target::Point(Point { lon: 180.0, lat: 1.0 })).unwrap();
//! assert!((a.distance_km - 111.195).abs() < 0.001); // 1° of arc
//! assert!((a.route_point.lon.abs() - 180.0).abs() < 1e-9);
//! ```

mod ring;
mod sphere;

use geo::{Haversine, Length};
use serde::Serialize;

use crate::diagnostics::{CallCode, CallError};
use crate::model::de::tagged_deserialize;
use crate::model::patrol::Patrol;
use crate::model::place::{Area, Point};
use ring::Ring;
use sphere::{
    arc_crossing, closest_on_arc, distinct_places, same_place, wrap_lon, Cap, Node, PRUNE_MARGIN_M,
};

/// Radius of the sphere every distance here is measured on, in kilometres:
/// the mean Earth radius `R₁` of GRS 80 (6371.0088 km), as used by
/// [`geo::Haversine`].
///
/// # Example
/// ```
/// use jointwatch::analysis::geography::EARTH_RADIUS_KM;
/// // One degree of arc is about 111.195 km.
/// assert!((EARTH_RADIUS_KM * 1f64.to_radians() - 111.195).abs() < 1e-3);
/// ```
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Longitude step used when [`area_target`] turns the east–west edges of a
/// bounding box (which run along parallels) into great-circle edges.
const BBOX_STEP_DEG: f64 = 1.0;

/// Distances below this many metres count as contact (zero).
const CONTACT_M: f64 = 1e-6;

/// What a route is measured against.
///
/// Serialises with a `"type"` tag: `{"type": "point", "lon": …, "lat": …}`,
/// `{"type": "line", "points": […]}` or `{"type": "polygon", "points": […]}`.
///
/// A polygon is the outer ring of an area (no holes), closed or not: a last
/// point equal to the first is ignored. Its edges are great-circle arcs, so
/// keep them short (a few degrees) where the outline follows a parallel;
/// [`area_target`] does this for bounding boxes. Whether a point is inside is
/// decided on the ring drawn in longitude/latitude, unwrapped across the
/// antimeridian; a ring that goes once round a pole encloses that pole (the
/// north pole if its mean latitude is ≥ 0, else the south pole).
///
/// # Example
/// ```
/// use jointwatch::analysis::geography::Target;
/// use jointwatch::Point;
///
/// let t: Target = serde_json::from_str(r#"{"type": "point", "lon": 130.0, "lat": 35.0}"#).unwrap();
/// assert_eq!(t, Target::Point(Point { lon: 130.0, lat: 35.0 }));
///
/// let t: Target = serde_json::from_str(
///     r#"{"type": "line", "points": [{"lon": 0.0, "lat": 0.0}, {"lon": 1.0, "lat": 0.0}]}"#,
/// ).unwrap();
/// assert!(matches!(t, Target::Line { ref points } if points.len() == 2));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Target {
    /// A single position.
    Point(Point),
    /// A polyline of great-circle arcs; one point is allowed.
    Line {
        /// The vertices, in order.
        points: Vec<Point>,
    },
    /// An area bounded by a ring of great-circle arcs (at least three
    /// distinct points).
    Polygon {
        /// The ring's vertices, in order; closing it is optional.
        points: Vec<Point>,
    },
}

tagged_deserialize! {
    Target by "type": TargetType, fields TargetFields {
        lon: f64 = "lon",
        lat: f64 = "lat",
        points: Vec<Point> = "points",
    }
    Point = "point" (lon, lat) => Target::Point(Point { lon, lat }),
    Line = "line" (points) => Target::Line { points },
    Polygon = "polygon" (points) => Target::Polygon { points },
}

/// The closest approach of a route to a [`Target`].
///
/// Serialises with camelCase field names (`distanceKm`, `routePoint`,
/// `targetPoint`, `segmentIndex`, `inside`).
///
/// # Example
/// ```
/// use jointwatch::analysis::geography::{closest_approach, Target};
/// use jointwatch::Point;
///
/// let route = [Point { lon: 0.0, lat: 0.0 }, Point { lon: 10.0, lat: 0.0 }];
/// let a = closest_approach(&route, &Target::Point(Point { lon: 4.0, lat: 1.0 })).unwrap();
/// let json = serde_json::to_value(&a).unwrap();
/// assert_eq!(json["segmentIndex"], 0);
/// assert_eq!(json["inside"], false);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Approach {
    /// Great-circle distance in kilometres on a sphere of radius
    /// [`EARTH_RADIUS_KM`]; 0 when the route touches or enters the target.
    pub distance_km: f64,
    /// The point of the route closest to the target (the first such point
    /// along the route when several are equally close).
    pub route_point: Point,
    /// The point of the target closest to `route_point`.
    pub target_point: Point,
    /// Index `i` of the route segment `route[i] → route[i + 1]` holding
    /// `route_point`; 0 for a single-point route.
    pub segment_index: usize,
    /// Whether the route enters or touches a polygon target (then
    /// `distance_km` is 0). Always `false` for point and line targets.
    pub inside: bool,
}

/// Why a closest approach could not be computed. [`code`](GeoError::code)
/// gives a stable kebab-case code.
///
/// # Example
/// ```
/// use jointwatch::analysis::geography::{closest_approach, GeoError, Target};
/// use jointwatch::Point;
///
/// let err = closest_approach(&[], &Target::Point(Point { lon: 0.0, lat: 0.0 })).unwrap_err();
/// assert_eq!(err, GeoError::EmptyRoute);
/// assert_eq!(err.code().as_str(), "empty-route");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum GeoError {
    /// The route has no points.
    #[error("{}: the route has no points", self.code())]
    EmptyRoute,
    /// A line or polygon target has no points.
    #[error("{}: the target has no points", self.code())]
    EmptyTarget,
    /// A coordinate is non-finite or outside −180..180 (longitude) or
    /// −90..90 (latitude).
    #[error(
        "{}: {} point {index} is not a finite longitude in -180..180 and latitude in -90..90",
        self.code(),
        side(.in_route)
    )]
    CoordinateOutOfRange {
        /// `true` if the point is in the route, `false` if in the target.
        in_route: bool,
        /// Index of the point in the route or target (0 for a point target).
        index: usize,
    },
    /// A polygon target has fewer than three distinct points.
    #[error(
        "{}: a polygon needs at least 3 distinct points, this one has {distinct}",
        self.code()
    )]
    DegeneratePolygon {
        /// How many distinct points it has.
        distinct: usize,
    },
}

impl GeoError {
    /// The stable code: `"empty-route"`, `"empty-target"`,
    /// `"coordinate-out-of-range"` or `"degenerate-polygon"`.
    ///
    /// # Example
    /// ```
    /// use jointwatch::analysis::geography::GeoError;
    /// assert_eq!(GeoError::DegeneratePolygon { distinct: 2 }.code().as_str(), "degenerate-polygon");
    /// ```
    pub fn code(&self) -> CallCode {
        match self {
            GeoError::EmptyRoute => CallCode::EmptyRoute,
            GeoError::EmptyTarget => CallCode::EmptyTarget,
            GeoError::CoordinateOutOfRange { .. } => CallCode::CoordinateOutOfRange,
            GeoError::DegeneratePolygon { .. } => CallCode::DegeneratePolygon,
        }
    }
}

impl From<GeoError> for CallError {
    fn from(e: GeoError) -> CallError {
        CallError::new(e.code(), e.to_string())
    }
}

/// `route` or `target`, naming where a point is in a [`GeoError`] message.
fn side(in_route: &bool) -> &'static str {
    if *in_route {
        "route"
    } else {
        "target"
    }
}

/// Length of a route along great circles, in kilometres (sphere of radius
/// [`EARTH_RADIUS_KM`]). 0 for an empty or single-point route; NaN if any
/// point is out of range or non-finite.
///
/// # Example
/// ```
/// use jointwatch::analysis::geography::route_length_km;
/// use jointwatch::Point;
///
/// // Across the antimeridian: 2° of the equator, not 358°.
/// let route = [Point { lon: 179.0, lat: 0.0 }, Point { lon: -179.0, lat: 0.0 }];
/// assert!((route_length_km(&route) - 222.390).abs() < 0.001);
/// ```
pub fn route_length_km(route: &[Point]) -> f64 {
    if route.iter().any(|p| !p.is_in_range()) {
        return f64::NAN;
    }
    let line: geo::LineString<f64> = route.iter().map(|p| (p.lon, p.lat)).collect();
    Haversine.length(&line) / 1000.0
}

/// Where a route comes closest to a target, and how close.
///
/// The route is a sequence of great-circle arcs (a single point is allowed);
/// see [`Target`] for the target's geometry. Ties go to the first point along
/// the route. Never panics; bad input gives a [`GeoError`]. An arc between
/// two antipodal points has no unique great circle, so results involving one
/// are finite but arbitrary.
///
/// # Errors
/// [`GeoError::EmptyRoute`], [`GeoError::EmptyTarget`],
/// [`GeoError::CoordinateOutOfRange`] (non-finite or out-of-range
/// coordinates) and [`GeoError::DegeneratePolygon`] (fewer than three
/// distinct points).
///
/// # Example
/// ```
/// use jointwatch::analysis::geography::{closest_approach, Target};
/// use jointwatch::Point;
///
/// let p = |lon, lat| Point { lon, lat };
/// // A route along the equator passes 1° south of a point at 5°E 1°N.
/// let route = [p(0.0, 0.0), p(3.0, 0.0), p(10.0, 0.0)];
/// let a = closest_approach(&route, &Target::Point(p(5.0, 1.0))).unwrap();
/// assert!((a.distance_km - 111.195).abs() < 0.01);
/// assert_eq!(a.segment_index, 1);
/// assert!((a.route_point.lon - 5.0).abs() < 1e-9 && a.route_point.lat.abs() < 1e-9);
///
/// // The same route enters a box around 5°E.
/// let boxed = Target::Polygon { points: vec![p(4.0, -1.0), p(6.0, -1.0), p(6.0, 1.0), p(4.0, 1.0)] };
/// let a = closest_approach(&route, &boxed).unwrap();
/// assert!(a.inside);
/// assert_eq!(a.distance_km, 0.0);
/// assert!((a.route_point.lon - 4.0).abs() < 1e-9); // where it crosses the west edge
/// ```
pub fn closest_approach(route: &[Point], target: &Target) -> Result<Approach, GeoError> {
    if route.is_empty() {
        return Err(GeoError::EmptyRoute);
    }
    if let Some(index) = route.iter().position(|p| !p.is_in_range()) {
        return Err(GeoError::CoordinateOutOfRange {
            in_route: true,
            index,
        });
    }
    let (points, polygon): (&[Point], bool) = match target {
        Target::Point(p) => (std::slice::from_ref(p), false),
        Target::Line { points } => (points, false),
        Target::Polygon { points } => (points, true),
    };
    if points.is_empty() {
        return Err(GeoError::EmptyTarget);
    }
    if let Some(index) = points.iter().position(|p| !p.is_in_range()) {
        return Err(GeoError::CoordinateOutOfRange {
            in_route: false,
            index,
        });
    }

    let target_arcs: Vec<(Node, Node)>;
    let ring: Option<Ring>;
    if polygon {
        let distinct = distinct_places(points);
        if distinct < 3 {
            return Err(GeoError::DegeneratePolygon { distinct });
        }
        let mut ring_points = points;
        if ring_points.len() > 1 && same_place(ring_points[0], ring_points[ring_points.len() - 1]) {
            ring_points = &ring_points[..ring_points.len() - 1];
        }
        let nodes: Vec<Node> = ring_points.iter().map(|&p| Node::new(p)).collect();
        target_arcs = (0..nodes.len())
            .map(|i| (nodes[i], nodes[(i + 1) % nodes.len()]))
            .collect();
        ring = Some(Ring::new(ring_points));
    } else {
        let nodes: Vec<Node> = points.iter().map(|&p| Node::new(p)).collect();
        target_arcs = if nodes.len() == 1 {
            vec![(nodes[0], nodes[0])]
        } else {
            nodes.windows(2).map(|w| (w[0], w[1])).collect()
        };
        ring = None;
    }

    let route_nodes: Vec<Node> = route.iter().map(|&p| Node::new(p)).collect();
    let route_arcs: Vec<(Node, Node)> = if route_nodes.len() == 1 {
        vec![(route_nodes[0], route_nodes[0])]
    } else {
        route_nodes.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let last = route_arcs.len() - 1;
    let target_caps: Vec<Option<Cap>> = target_arcs.iter().map(|&(c, d)| Cap::of(c, d)).collect();

    let mut best: Option<Approach> = None;
    for (index, &(a, b)) in route_arcs.iter().enumerate() {
        // Candidates on this segment: (distance m, distance along from `a` m, route point, target point).
        let mut seg: Option<(f64, f64, Node, Node)> = None;
        let offer = |seg: &mut Option<(f64, f64, Node, Node)>, d: f64, r: Node, t: Node| {
            if !d.is_finite() {
                return;
            }
            let d = if d < CONTACT_M { 0.0 } else { d };
            // The distance along is needed only to break a tie.
            let better = match *seg {
                None => true,
                Some((bd, ba, _, _)) => d < bd || (d == bd && a.distance_m(r) < ba),
            };
            if better {
                *seg = Some((d, a.distance_m(r), r, t));
            }
        };
        // Candidates surely farther than this can change nothing: they lose
        // to this segment's best so far, or cannot beat an earlier segment.
        let limit = |seg: &Option<(f64, f64, Node, Node)>, best: &Option<Approach>| {
            let s = seg.map_or(f64::INFINITY, |x| x.0);
            let b = best
                .as_ref()
                .map_or(f64::INFINITY, |x| x.distance_km * 1000.0);
            s.min(b).max(CONTACT_M) + PRUNE_MARGIN_M
        };
        let route_cap = Cap::of(a, b);
        if let Some(ring) = &ring {
            if ring.contains(a.point) {
                offer(&mut seg, 0.0, a, a);
            }
            if index == last && ring.contains(b.point) {
                offer(&mut seg, 0.0, b, b);
            }
        }
        for (&(c, d), target_cap) in target_arcs.iter().zip(&target_caps) {
            let apart = Cap::apart_m(route_cap, *target_cap);
            if apart > limit(&seg, &best) {
                continue;
            }
            if apart <= PRUNE_MARGIN_M {
                if let Some(x) = arc_crossing(a, b, c, d) {
                    offer(&mut seg, 0.0, x, x);
                }
            }
            for r in [a, b] {
                if Cap::apart_m(Cap::point(r), *target_cap) <= limit(&seg, &best) {
                    let (t, dist) = closest_on_arc(c, d, r);
                    offer(&mut seg, dist, r, t);
                }
            }
            for t in [c, d] {
                if Cap::apart_m(route_cap, Cap::point(t)) <= limit(&seg, &best) {
                    let (r, dist) = closest_on_arc(a, b, t);
                    offer(&mut seg, dist, r, t);
                }
            }
        }
        if let Some((d, _, r, t)) = seg {
            if best.as_ref().is_none_or(|b| d / 1000.0 < b.distance_km) {
                best = Some(Approach {
                    distance_km: d / 1000.0,
                    route_point: r.point,
                    target_point: t.point,
                    segment_index: index,
                    inside: polygon && d == 0.0,
                });
            }
        }
    }
    // Every arc offers at least its finite endpoint distances, so `best` is set;
    // fall back to the first points rather than panic all the same.
    Ok(best.unwrap_or_else(|| {
        let (r, t) = (route_nodes[0], Node::new(points[0]));
        Approach {
            distance_km: r.distance_m(t) / 1000.0,
            route_point: r.point,
            target_point: t.point,
            segment_index: 0,
            inside: false,
        }
    }))
}

/// [`closest_approach`] of a patrol's [`route`](Patrol::route).
///
/// # Errors
/// As [`closest_approach`]; a patrol without a route gives
/// [`GeoError::EmptyRoute`].
///
/// # Example
/// ```
/// use jointwatch::analysis::geography::{patrol_closest_approach, Target};
/// use jointwatch::{Patrol, Point};
///
/// let patrol: Patrol = serde_json::from_str(r#"{
///   "id": "p-1", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"],
///   "route": [{"lon": 130.0, "lat": 30.0}, {"lon": 130.0, "lat": 40.0}],
///   "areas": [], "sources": []
/// }"#).unwrap();
/// // 1° of longitude east of the meridian it flew along, at 35°N.
/// let a = patrol_closest_approach(&patrol, &Target::Point(Point { lon: 131.0, lat: 35.0 })).unwrap();
/// assert!((a.distance_km - 91.084).abs() < 0.001);
/// ```
pub fn patrol_closest_approach(patrol: &Patrol, target: &Target) -> Result<Approach, GeoError> {
    closest_approach(&patrol.route, target)
}

/// The target an area stands for: its polygon if it has one, else its
/// bounding box as a polygon ring, else `None`.
///
/// A bounding box `[west, south, east, north]` (`west > east` across the
/// antimeridian) becomes a ring whose east–west edges follow the parallels
/// in steps of at most 1° of longitude, so the great-circle edges stay
/// within about 120 m of them. A box with a non-finite or out-of-range value
/// becomes its four corners unchanged, for [`closest_approach`] to reject.
///
/// # Example
/// ```
/// use jointwatch::analysis::geography::{area_target, closest_approach, Target};
/// use jointwatch::Point;
///
/// let japan_sea = jointwatch::builtin_area("sea-of-japan").unwrap();
/// let target = area_target(&japan_sea).unwrap();
/// assert!(matches!(target, Target::Polygon { .. }));
/// let a = closest_approach(&[Point { lon: 135.0, lat: 40.0 }], &target).unwrap();
/// assert!(a.inside);
/// ```
pub fn area_target(area: &Area) -> Option<Target> {
    if let Some(points) = area.polygon.as_ref().filter(|p| !p.is_empty()) {
        return Some(Target::Polygon {
            points: points.clone(),
        });
    }
    let [west, south, east, north] = area.bbox?;
    let p = |lon, lat| Point { lon, lat };
    let in_range = [west, east].iter().all(|v| (-180.0..=180.0).contains(v))
        && [south, north].iter().all(|v| (-90.0..=90.0).contains(v));
    if !in_range {
        return Some(Target::Polygon {
            points: vec![
                p(west, south),
                p(east, south),
                p(east, north),
                p(west, north),
            ],
        });
    }
    let width = if west <= east {
        east - west
    } else {
        east - west + 360.0
    };
    // width is within 0..=360, so this is at most 360 steps.
    let steps = ((width / BBOX_STEP_DEG).ceil() as usize).max(1);
    let lon_at = |k: usize| wrap_lon(west + width * k as f64 / steps as f64);
    let mut points = Vec::with_capacity(2 * steps + 2);
    points.extend((0..=steps).map(|k| p(lon_at(k), south)));
    points.extend((0..=steps).rev().map(|k| p(lon_at(k), north)));
    Some(Target::Polygon { points })
}

#[cfg(test)]
mod tests {
    use geo::Distance;

    use super::sphere::{cross, dot, unit, Node};
    use super::*;

    #[test]
    fn errors_read_code_first() {
        let cases = [
            (GeoError::EmptyRoute, "empty-route: the route has no points"),
            (GeoError::EmptyTarget, "empty-target: the target has no points"),
            (
                GeoError::CoordinateOutOfRange {
                    in_route: true,
                    index: 3,
                },
                "coordinate-out-of-range: route point 3 is not a finite longitude in -180..180 and latitude in -90..90",
            ),
            (
                GeoError::CoordinateOutOfRange {
                    in_route: false,
                    index: 0,
                },
                "coordinate-out-of-range: target point 0 is not a finite longitude in -180..180 and latitude in -90..90",
            ),
            (
                GeoError::DegeneratePolygon { distinct: 2 },
                "degenerate-polygon: a polygon needs at least 3 distinct points, this one has 2",
            ),
        ];
        for (err, message) in cases {
            assert_eq!(err.to_string(), message);
        }
    }

    #[test]
    fn targets_round_trip_and_check_their_fields() {
        let p = Point {
            lon: 130.0,
            lat: 35.0,
        };
        for t in [
            Target::Point(p),
            Target::Line { points: vec![p, p] },
            Target::Polygon {
                points: vec![p, p, p],
            },
        ] {
            let text = serde_json::to_string(&t).unwrap();
            assert_eq!(serde_json::from_str::<Target>(&text).unwrap(), t, "{text}");
        }
        let bad = |text: &str| {
            serde_json::from_str::<Target>(text)
                .unwrap_err()
                .to_string()
        };
        assert!(bad(r#"{"type":"point","lon":1.0}"#)
            .starts_with("[missing-field] missing field `lat` when `type` is `point`"));
        assert!(bad(r#"{"type":"line","lon":1.0,"points":[]}"#).starts_with("[unknown-field]"));
        assert!(
            bad(r#"{"type":"polygon","points":[{"lon":1.0}]}"#).starts_with("missing field `lat`")
        );
        assert!(bad(r#"{"type":"circle"}"#).starts_with("unknown variant `circle`"));
    }

    const DEG_KM: f64 = 111.195_080_233_532_9; // 6371.0088 km × π / 180

    fn p(lon: f64, lat: f64) -> Point {
        Point { lon, lat }
    }

    fn poly(points: &[(f64, f64)]) -> Target {
        Target::Polygon {
            points: points.iter().map(|&(lon, lat)| p(lon, lat)).collect(),
        }
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    fn approach(route: &[(f64, f64)], target: &Target) -> Approach {
        let route: Vec<Point> = route.iter().map(|&(lon, lat)| p(lon, lat)).collect();
        closest_approach(&route, target).unwrap()
    }

    #[test]
    fn one_degree_of_equator() {
        let a = approach(&[(0.0, 0.0)], &Target::Point(p(1.0, 0.0)));
        assert!(close(a.distance_km, 111.195, 0.001), "{a:?}");
        assert!(close(a.distance_km, DEG_KM, 1e-9));
        assert_eq!(a.segment_index, 0);
        assert!(!a.inside);
        assert_eq!(a.route_point, p(0.0, 0.0));
        assert_eq!(a.target_point, p(1.0, 0.0));
    }

    #[test]
    fn route_length() {
        assert_eq!(route_length_km(&[]), 0.0);
        assert_eq!(route_length_km(&[p(10.0, 10.0)]), 0.0);
        let l = route_length_km(&[p(0.0, 0.0), p(1.0, 0.0), p(1.0, 1.0)]);
        assert!(close(l, 2.0 * DEG_KM, 1e-9), "{l}");
        assert!(route_length_km(&[p(0.0, 0.0), p(f64::NAN, 0.0)]).is_nan());
        assert!(route_length_km(&[p(0.0, 0.0), p(0.0, 91.0)]).is_nan());
        // Along a meridian over the north pole: 10° + 10°.
        let l = route_length_km(&[p(0.0, 80.0), p(0.0, 90.0), p(180.0, 80.0)]);
        assert!(close(l, 20.0 * DEG_KM, 1e-6), "{l}");
    }

    #[test]
    fn route_passing_one_degree_north_of_a_point() {
        // The equator is the one parallel that is a great circle: a route along
        // it passes 1° north of a point at 1°S, the foot straight north of it.
        let a = approach(&[(-3.0, 0.0), (3.0, 0.0)], &Target::Point(p(0.5, -1.0)));
        assert!(close(a.distance_km, DEG_KM, 1e-6), "{a:?}");
        assert!(close(a.route_point.lon, 0.5, 1e-9) && close(a.route_point.lat, 0.0, 1e-9));
        assert_eq!(a.target_point, p(0.5, -1.0));
        // A meridian 1° of longitude east of a point on the equator.
        let a = approach(&[(1.0, -5.0), (1.0, 5.0)], &Target::Point(p(0.0, 0.0)));
        assert!(close(a.distance_km, DEG_KM, 1e-6), "{a:?}");
        assert!(close(a.route_point.lon, 1.0, 1e-9) && close(a.route_point.lat, 0.0, 1e-9));
    }

    #[test]
    fn perpendicular_foot_inside_and_outside_the_segment() {
        // Foot inside: point above the middle of the segment.
        let a = approach(&[(0.0, 0.0), (4.0, 0.0)], &Target::Point(p(2.0, 3.0)));
        assert!(close(a.distance_km, 3.0 * DEG_KM, 1e-6), "{a:?}");
        assert!(close(a.route_point.lon, 2.0, 1e-9));
        // Foot outside (beyond the end at 4°E): the end is closest.
        let a = approach(&[(0.0, 0.0), (4.0, 0.0)], &Target::Point(p(7.0, 0.0)));
        assert!(close(a.distance_km, 3.0 * DEG_KM, 1e-6), "{a:?}");
        assert_eq!(a.route_point, p(4.0, 0.0));
        // Foot before the start.
        let a = approach(&[(0.0, 0.0), (4.0, 0.0)], &Target::Point(p(-1.0, 1.0)));
        assert_eq!(a.route_point, p(0.0, 0.0));
        let expect = Haversine.distance(geo::Point::new(0.0, 0.0), geo::Point::new(-1.0, 1.0));
        assert!(close(a.distance_km, expect / 1000.0, 1e-9));
        // Spherical cosine rule by hand: cos c = cos 1° cos 1°.
        let c = (1f64.to_radians().cos().powi(2)).acos() * EARTH_RADIUS_KM;
        assert!(close(a.distance_km, c, 1e-6), "{} vs {c}", a.distance_km);
    }

    #[test]
    fn segment_index_and_first_of_ties() {
        let route = [(0.0, 0.0), (1.0, 0.0), (2.0, 0.0), (3.0, 0.0)];
        let a = approach(&route, &Target::Point(p(2.5, 0.5)));
        assert_eq!(a.segment_index, 2);
        // A point exactly at a shared vertex goes to the earlier segment.
        let a = approach(&route, &Target::Point(p(2.0, 1.0)));
        assert_eq!(a.segment_index, 1);
        assert!(close(a.distance_km, DEG_KM, 1e-6));
        // On the route: distance 0, not inside (it is not a polygon).
        let a = approach(&route, &Target::Point(p(1.5, 0.0)));
        assert_eq!(a.distance_km, 0.0);
        assert!(!a.inside);
        assert_eq!(a.segment_index, 1);
    }

    #[test]
    fn polygon_inside_and_outside() {
        let square = poly(&[(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)]);
        let a = approach(&[(1.0, 1.0)], &square);
        assert!(a.inside);
        assert_eq!(a.distance_km, 0.0);
        assert_eq!(a.route_point, p(1.0, 1.0));
        assert_eq!(a.target_point, p(1.0, 1.0));
        // Outside, 1° east of the east edge at the equator.
        let a = approach(&[(3.0, 0.0)], &square);
        assert!(!a.inside);
        assert!(close(a.distance_km, DEG_KM, 1e-6), "{a:?}");
        assert_eq!(a.target_point, p(2.0, 0.0));
        // Crossing without a vertex inside: contact where it enters.
        let a = approach(&[(-1.0, 1.0), (3.0, 1.0)], &square);
        assert!(a.inside);
        assert_eq!(a.distance_km, 0.0);
        assert!(close(a.route_point.lon, 0.0, 1e-9), "{a:?}");
        // Second segment is the one that enters.
        let a = approach(&[(-5.0, 5.0), (-1.0, 1.0), (1.0, 1.0)], &square);
        assert!(a.inside);
        assert_eq!(a.segment_index, 1);
        // Last vertex inside, approached from far away.
        let a = approach(&[(50.0, 50.0), (1.0, 1.0)], &square);
        assert!(a.inside);
        // A line target crossing the route.
        let line = Target::Line {
            points: vec![p(1.0, -1.0), p(1.0, 1.0)],
        };
        let a = approach(&[(0.0, 0.0), (2.0, 0.0)], &line);
        assert_eq!(a.distance_km, 0.0);
        assert!(!a.inside);
        assert!(close(a.route_point.lon, 1.0, 1e-9));
    }

    #[test]
    fn line_to_line_distance_between_segment_ends_and_interiors() {
        // Route along the equator from 0 to 4; line target a meridian segment
        // at 2°E from 1°N to 5°N: closest is its south end to the route interior.
        let line = Target::Line {
            points: vec![p(2.0, 1.0), p(2.0, 5.0)],
        };
        let a = approach(&[(0.0, 0.0), (4.0, 0.0)], &line);
        assert!(close(a.distance_km, DEG_KM, 1e-6), "{a:?}");
        assert!(close(a.route_point.lon, 2.0, 1e-9));
        assert_eq!(a.target_point, p(2.0, 1.0));
        // Single-point line is a point.
        let one = Target::Line {
            points: vec![p(2.0, 1.0)],
        };
        let b = approach(&[(0.0, 0.0), (4.0, 0.0)], &one);
        assert!(close(b.distance_km, a.distance_km, 1e-9));
    }

    #[test]
    fn antimeridian() {
        // 179°E → 179°W at 1°N passes 1° north of 180°, 0°: a 2° hop, not a 358° detour.
        let a = approach(
            &[(179.0, 1.0), (-179.0, 1.0)],
            &Target::Point(p(180.0, 0.0)),
        );
        assert!(close(a.distance_km, DEG_KM, 0.05), "{a:?}");
        assert!(a.route_point.lon.abs() > 179.9, "{a:?}");
        // Same target written as −180.
        let b = approach(
            &[(179.0, 1.0), (-179.0, 1.0)],
            &Target::Point(p(-180.0, 0.0)),
        );
        assert!(close(a.distance_km, b.distance_km, 1e-9));
        // On the equator exactly: a great circle.
        let a = approach(
            &[(179.0, 0.0), (-179.0, 0.0)],
            &Target::Point(p(180.0, 1.0)),
        );
        assert!(close(a.distance_km, DEG_KM, 1e-6), "{a:?}");
        // The detour would pass near 0°E; the hop must not.
        let a = approach(&[(179.0, 0.0), (-179.0, 0.0)], &Target::Point(p(0.0, 0.0)));
        assert!(a.distance_km > 170.0 * DEG_KM, "{a:?}");
        assert!(close(
            route_length_km(&[p(179.0, 0.0), p(-179.0, 0.0)]),
            2.0 * DEG_KM,
            1e-6
        ));
        // A box across the antimeridian contains a point at 180°.
        let bering = poly(&[(175.0, 55.0), (-175.0, 55.0), (-175.0, 60.0), (175.0, 60.0)]);
        for lon in [180.0, -180.0, 178.0, -178.0] {
            let a = approach(&[(lon, 57.0)], &bering);
            assert!(a.inside, "{lon}");
        }
        let a = approach(&[(0.0, 57.0)], &bering);
        assert!(!a.inside);
        // A route crossing the antimeridian through the box.
        let a = approach(&[(170.0, 57.0), (-170.0, 57.5)], &bering);
        assert!(a.inside);
        assert!(close(a.route_point.lon, 175.0, 1e-6), "{a:?}");
    }

    #[test]
    fn poles() {
        let np = p(0.0, 90.0);
        // Every longitude at the pole is the same place.
        let a = approach(&[(123.0, 90.0)], &Target::Point(np));
        assert_eq!(a.distance_km, 0.0);
        // Over the pole along the 0°/180° meridian, target at 89°N 90°E.
        let a = approach(&[(0.0, 80.0), (180.0, 80.0)], &Target::Point(p(90.0, 89.0)));
        assert!(close(a.distance_km, DEG_KM, 1e-6), "{a:?}");
        assert!(close(a.route_point.lat, 90.0, 1e-9), "{a:?}");
        // Segment starting at the pole.
        let a = approach(&[(0.0, 90.0), (0.0, 0.0)], &Target::Point(p(1.0, 45.0)));
        let want = (45f64.to_radians().cos() * 1f64.to_radians().sin()).asin() * EARTH_RADIUS_KM;
        assert!(close(a.distance_km, want, 1e-6), "{a:?} vs {want}");
        // Segment ending at the pole.
        let a = approach(&[(0.0, 0.0), (0.0, 90.0)], &Target::Point(p(1.0, 45.0)));
        assert!(close(a.distance_km, want, 1e-6), "{a:?} vs {want}");
        // An arctic cap ring (round the pole) contains the pole.
        let cap = poly(&[(0.0, 80.0), (90.0, 80.0), (180.0, 80.0), (-90.0, 80.0)]);
        let a = approach(&[(45.0, 89.0)], &cap);
        assert!(a.inside);
        let a = approach(&[(45.0, 90.0)], &cap);
        assert!(a.inside);
        let a = approach(&[(45.0, 60.0)], &cap);
        assert!(!a.inside);
        // An antarctic one contains the south pole.
        let cap = poly(&[(0.0, -80.0), (-90.0, -80.0), (180.0, -80.0), (90.0, -80.0)]);
        assert!(approach(&[(10.0, -85.0)], &cap).inside);
        assert!(!approach(&[(10.0, 85.0)], &cap).inside);
    }

    #[test]
    fn duplicate_points() {
        let a = approach(
            &[(0.0, 0.0), (0.0, 0.0), (2.0, 0.0), (2.0, 0.0)],
            &Target::Point(p(1.0, 1.0)),
        );
        assert!(close(a.distance_km, DEG_KM, 1e-6));
        assert_eq!(a.segment_index, 1);
        let tri = poly(&[
            (0.0, 0.0),
            (0.0, 0.0),
            (4.0, 0.0),
            (4.0, 0.0),
            (0.0, 4.0),
            (0.0, 0.0),
        ]);
        assert!(approach(&[(1.0, 1.0)], &tri).inside);
    }

    #[test]
    fn bad_inputs() {
        let pt = Target::Point(p(0.0, 0.0));
        assert_eq!(closest_approach(&[], &pt), Err(GeoError::EmptyRoute));
        assert_eq!(
            closest_approach(&[p(0.0, 0.0), p(f64::NAN, 0.0)], &pt),
            Err(GeoError::CoordinateOutOfRange {
                in_route: true,
                index: 1
            })
        );
        for bad in [
            p(181.0, 0.0),
            p(0.0, -90.5),
            p(f64::INFINITY, 0.0),
            p(0.0, f64::NEG_INFINITY),
        ] {
            let e = closest_approach(&[bad], &pt).unwrap_err();
            assert_eq!(e.code(), CallCode::CoordinateOutOfRange);
            let e = closest_approach(&[p(0.0, 0.0)], &Target::Point(bad)).unwrap_err();
            assert_eq!(
                e,
                GeoError::CoordinateOutOfRange {
                    in_route: false,
                    index: 0
                }
            );
        }
        let e = closest_approach(&[p(0.0, 0.0)], &Target::Line { points: vec![] }).unwrap_err();
        assert_eq!(e.code(), CallCode::EmptyTarget);
        let e = closest_approach(&[p(0.0, 0.0)], &Target::Polygon { points: vec![] }).unwrap_err();
        assert_eq!(e.code(), CallCode::EmptyTarget);
        let e = closest_approach(&[p(0.0, 0.0)], &poly(&[(0.0, 0.0), (1.0, 1.0), (0.0, 0.0)]))
            .unwrap_err();
        assert_eq!(e, GeoError::DegeneratePolygon { distinct: 2 });
        // Pole points at different longitudes and ±180 are one place each.
        let e = closest_approach(
            &[p(0.0, 0.0)],
            &poly(&[(0.0, 90.0), (90.0, 90.0), (180.0, 0.0), (-180.0, 0.0)]),
        )
        .unwrap_err();
        assert_eq!(e, GeoError::DegeneratePolygon { distinct: 2 });
        assert!(e.to_string().starts_with("degenerate-polygon: "));
    }

    #[test]
    fn area_targets() {
        let mut area = crate::model::place::builtin_area("sea-of-japan").unwrap();
        let Some(Target::Polygon { points }) = area_target(&area) else {
            panic!("polygon expected")
        };
        let [w, s, e, n] = area.bbox.unwrap();
        assert_eq!(points[0], p(w, s));
        assert!(points
            .iter()
            .all(|q| (w..=e).contains(&q.lon) && (s..=n).contains(&q.lat)));
        // Across the antimeridian.
        area.bbox = Some([170.0, 50.0, -170.0, 65.0]);
        let t = area_target(&area).unwrap();
        let Target::Polygon { points } = &t else {
            panic!()
        };
        assert_eq!(points.len(), 2 * 20 + 2);
        assert!(points.iter().all(|q| q.is_in_range()));
        assert!(approach(&[(180.0, 60.0)], &t).inside);
        assert!(approach(&[(-175.0, 64.0)], &t).inside);
        assert!(!approach(&[(0.0, 60.0)], &t).inside);
        // North edge follows the parallel: a point just north of it, mid-box, is 0.1° away.
        let a = approach(&[(180.0, 65.1)], &t);
        assert!(!a.inside);
        assert!(close(a.distance_km, 0.1 * DEG_KM, 0.2), "{a:?}");
        // The whole world in longitude.
        area.bbox = Some([-180.0, 60.0, 180.0, 90.0]);
        let t = area_target(&area).unwrap();
        for lon in [-180.0, -90.0, 0.0, 179.9, 180.0] {
            assert!(approach(&[(lon, 75.0)], &t).inside, "{lon}");
        }
        assert!(!approach(&[(0.0, 50.0)], &t).inside);
        // Bad boxes are passed through for closest_approach to reject.
        area.bbox = Some([f64::NAN, 0.0, 1e300, 10.0]);
        let t = area_target(&area).unwrap();
        assert_eq!(
            closest_approach(&[p(0.0, 0.0)], &t).unwrap_err().code(),
            CallCode::CoordinateOutOfRange
        );
        // Polygon wins over bbox; nothing gives None.
        area.polygon = Some(vec![p(0.0, 0.0), p(1.0, 0.0), p(0.0, 1.0)]);
        assert!(
            matches!(area_target(&area), Some(Target::Polygon { points }) if points.len() == 3)
        );
        area.polygon = None;
        area.bbox = None;
        assert_eq!(area_target(&area), None);
    }

    #[test]
    fn serde_shapes() {
        let t: Target = serde_json::from_str(r#"{"type":"point","lon":1.5,"lat":2.5}"#).unwrap();
        assert_eq!(t, Target::Point(p(1.5, 2.5)));
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"type":"point","lon":1.5,"lat":2.5}"#
        );
        let t: Target = serde_json::from_str(
            r#"{"type":"polygon","points":[{"lon":0,"lat":0},{"lon":1,"lat":0},{"lon":0,"lat":1}]}"#,
        )
        .unwrap();
        assert!(matches!(t, Target::Polygon { ref points } if points.len() == 3));
        let back: Target = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
        assert_eq!(back, t);
        assert!(
            serde_json::from_str::<Target>(r#"{"type":"point","lon":1,"lat":2,"x":3}"#).is_err()
        );
        assert!(serde_json::from_str::<Target>(r#"{"type":"line","points":[],"x":3}"#).is_err());
        assert!(serde_json::from_str::<Target>(r#"{"type":"circle"}"#).is_err());
        let a = approach(&[(0.0, 0.0)], &Target::Point(p(1.0, 0.0)));
        let v = serde_json::to_value(&a).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        for k in [
            "distanceKm",
            "routePoint",
            "targetPoint",
            "segmentIndex",
            "inside",
        ] {
            assert!(keys.contains(&k), "{k}");
        }
    }

    /// Tiny deterministic generator (xorshift), so the tests need no crates.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn unit(&mut self) -> f64 {
            (self.next() >> 11) as f64 / (1u64 << 53) as f64
        }
        fn range(&mut self, lo: f64, hi: f64) -> f64 {
            lo + (hi - lo) * self.unit()
        }
    }

    /// Brute-force reference, independent of geo: sample each geometry
    /// densely along its arcs (by unit-vector interpolation) and measure each
    /// sample's exact distance to the other's arcs with vector algebra.
    fn brute_force(route: &[Point], target: &[Point], closed: bool) -> f64 {
        fn arcs(points: &[Point], closed: bool) -> Vec<([f64; 3], [f64; 3])> {
            let v: Vec<[f64; 3]> = points.iter().map(|&p| Node::new(p).v).collect();
            let n = v.len();
            match (n, closed) {
                (1, _) => vec![(v[0], v[0])],
                (_, true) => (0..n).map(|i| (v[i], v[(i + 1) % n])).collect(),
                (_, false) => v.windows(2).map(|w| (w[0], w[1])).collect(),
            }
        }
        fn angle(p: [f64; 3], q: [f64; 3]) -> f64 {
            dot(cross(p, q), cross(p, q)).sqrt().atan2(dot(p, q))
        }
        fn to_arc(p: [f64; 3], (a, b): ([f64; 3], [f64; 3])) -> f64 {
            let ends = angle(p, a).min(angle(p, b));
            let Some(n) = unit(cross(a, b)) else {
                return ends;
            };
            let h = dot(p, n);
            let Some(f) = unit([p[0] - h * n[0], p[1] - h * n[1], p[2] - h * n[2]]) else {
                return ends;
            };
            if dot(cross(a, f), n) >= 0.0 && dot(cross(f, b), n) >= 0.0 {
                angle(p, f).min(ends)
            } else {
                ends
            }
        }
        fn samples(arcs: &[([f64; 3], [f64; 3])]) -> Vec<[f64; 3]> {
            let mut out = vec![];
            for &(a, b) in arcs {
                for k in 0..=2000 {
                    let t = k as f64 / 2000.0;
                    let m = [
                        a[0] * (1.0 - t) + b[0] * t,
                        a[1] * (1.0 - t) + b[1] * t,
                        a[2] * (1.0 - t) + b[2] * t,
                    ];
                    out.extend(unit(m));
                }
            }
            out
        }
        let (ra, ta) = (arcs(route, false), arcs(target, closed));
        let mut best = f64::INFINITY;
        for (from, to) in [(&ra, &ta), (&ta, &ra)] {
            for p in samples(from) {
                for &arc in to.iter() {
                    best = best.min(to_arc(p, arc));
                }
            }
        }
        best * EARTH_RADIUS_KM
    }

    #[test]
    fn agrees_with_brute_force() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        // (cases, half-spread in degrees): short arcs, then long ones.
        for (cases, spread) in [(150, 8.0), (25, 40.0)] {
            // Sampling overestimates by at most half a step of the longest arc.
            let tol = 2.0 * spread * 1.5 * DEG_KM / 2000.0 / 2.0 + 1e-6;
            for case in 0..cases {
                // Random centre, including near the poles and ±180.
                let c = p(rng.range(-180.0, 180.0), rng.range(-89.0, 89.0));
                let near = |rng: &mut Rng| {
                    let lat = (c.lat + rng.range(-spread, spread)).clamp(-90.0, 90.0);
                    p(wrap_lon(c.lon + rng.range(-spread, spread)), lat)
                };
                let route: Vec<Point> = (0..1 + rng.next() % 4).map(|_| near(&mut rng)).collect();
                let line: Vec<Point> = (0..1 + rng.next() % 3).map(|_| near(&mut rng)).collect();
                let a = closest_approach(
                    &route,
                    &Target::Line {
                        points: line.clone(),
                    },
                )
                .unwrap();
                let want = brute_force(&route, &line, false);
                assert!(
                    a.distance_km <= want + 1e-6 && a.distance_km >= want - tol,
                    "case {case}: {a:?} vs brute force {want} for {route:?} / {line:?}"
                );
                // The reported points are that far apart.
                let d = Node::new(a.route_point).distance_m(Node::new(a.target_point)) / 1000.0;
                assert!(close(d, a.distance_km, 1e-6), "case {case}: {d} vs {a:?}");
                // Against a triangle: outside, the same boundary distance.
                let tri: Vec<Point> = (0..3).map(|_| near(&mut rng)).collect();
                if distinct_places(&tri) < 3 {
                    continue;
                }
                let t = Target::Polygon {
                    points: tri.clone(),
                };
                let a = closest_approach(&route, &t).unwrap();
                let want = brute_force(&route, &tri, true);
                assert!(a.distance_km <= want + 1e-6, "case {case}: {a:?} vs {want}");
                if !a.inside {
                    assert!(
                        a.distance_km >= want - tol,
                        "case {case}: {a:?} vs brute force {want} for {route:?} / {tri:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn odd_values_never_panic() {
        let odd = [
            0.0,
            -0.0,
            90.0,
            -90.0,
            180.0,
            -180.0,
            179.999_999_999,
            -179.999_999_999,
            89.999_999_999,
            1e-300,
            -1e-300,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            45.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e308,
            -1e308,
            360.0,
            -720.5,
        ];
        let mut rng = Rng(42);
        let pick = |rng: &mut Rng| -> Point {
            let v = |rng: &mut Rng| {
                if rng.next().is_multiple_of(3) {
                    odd[(rng.next() % odd.len() as u64) as usize]
                } else {
                    rng.range(-180.0, 180.0)
                }
            };
            p(v(rng), v(rng))
        };
        for _ in 0..3000 {
            let route: Vec<Point> = (0..rng.next() % 5).map(|_| pick(&mut rng)).collect();
            let pts: Vec<Point> = (0..rng.next() % 6).map(|_| pick(&mut rng)).collect();
            let targets = [
                Target::Point(pick(&mut rng)),
                Target::Line {
                    points: pts.clone(),
                },
                Target::Polygon { points: pts },
            ];
            let _ = route_length_km(&route);
            for t in &targets {
                if let Ok(a) = closest_approach(&route, t) {
                    assert!(a.distance_km.is_finite() && a.distance_km >= 0.0, "{a:?}");
                    assert!(
                        a.route_point.is_in_range() && a.target_point.is_in_range(),
                        "{a:?}"
                    );
                    assert!(a.segment_index < route.len().max(1));
                }
            }
            let area = Area {
                id: "x".into(),
                name: "x".into(),
                kind: crate::AreaKind::Sea,
                aliases: vec![],
                bbox: Some([
                    pick(&mut rng).lon,
                    pick(&mut rng).lat,
                    pick(&mut rng).lon,
                    pick(&mut rng).lat,
                ]),
                polygon: None,
                notes: None,
                approximate: false,
            };
            if let Some(t) = area_target(&area) {
                let _ = closest_approach(&route, &t);
            }
        }
        // Antipodal arcs and whole-sphere odd shapes.
        let _ = closest_approach(&[p(0.0, 0.0), p(180.0, 0.0)], &Target::Point(p(90.0, 10.0)));
        let _ = closest_approach(
            &[p(0.0, 90.0), p(0.0, -90.0)],
            &Target::Point(p(90.0, 10.0)),
        );
        let _ = closest_approach(
            &[p(0.0, 0.0), p(180.0, 0.0)],
            &poly(&[(0.0, 90.0), (0.0, -90.0), (90.0, 0.0)]),
        );
    }
}
