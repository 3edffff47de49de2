//! The sphere arithmetic under the API: points as unit vectors, great-circle
//! distances (`geo`'s [`Haversine`]), the foot of a
//! perpendicular on an arc, the crossing of two arcs, bounding caps that
//! prune candidates, and longitudes wrapped across the antimeridian.
//!
//! Everything works on a sphere of radius [`EARTH_RADIUS_KM`](super::EARTH_RADIUS_KM)
//! (as `geo`'s `Haversine` metric does), not on an ellipsoid.

use geo::{Distance, Haversine};

use crate::model::place::Point;

/// Wraps a finite longitude into −180..=180, leaving values already there alone.
pub(super) fn wrap_lon(lon: f64) -> f64 {
    if (-180.0..=180.0).contains(&lon) {
        lon
    } else {
        (lon + 180.0).rem_euclid(360.0) - 180.0
    }
}

/// Wraps a longitude difference into −180..=180 (exactly 180 stays positive).
pub(super) fn wrap_delta(d: f64) -> f64 {
    let w = (d + 180.0).rem_euclid(360.0) - 180.0;
    if w == -180.0 {
        180.0
    } else {
        w
    }
}

/// Whether two in-range points are the same place (±180° meridians and all
/// longitudes at a pole coincide).
pub(super) fn same_place(a: Point, b: Point) -> bool {
    canonical(a) == canonical(b)
}

fn canonical(p: Point) -> (u64, u64) {
    // `+ 0.0` turns −0.0 into +0.0 so the bit patterns compare as numbers do.
    let lon = if p.lat.abs() == 90.0 {
        0.0
    } else if p.lon == -180.0 {
        180.0
    } else {
        p.lon + 0.0
    };
    ((lon).to_bits(), (p.lat + 0.0).to_bits())
}

pub(super) fn distinct_places(points: &[Point]) -> usize {
    let mut keys: Vec<(u64, u64)> = points.iter().map(|&p| canonical(p)).collect();
    crate::sort::sort(&mut keys); // equal keys are identical: as sort_unstable
    keys.dedup();
    keys.len()
}

/// A point with its geo form and unit vector, computed once.
#[derive(Debug, Clone, Copy)]
pub(super) struct Node {
    pub(super) point: Point,
    geo: geo::Point<f64>,
    pub(super) v: [f64; 3],
}

impl Node {
    pub(super) fn new(point: Point) -> Node {
        let (lon, lat) = (point.lon.to_radians(), point.lat.to_radians());
        Node {
            point,
            geo: geo::Point::new(point.lon, point.lat),
            v: [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()],
        }
    }

    fn from_vec(v: [f64; 3]) -> Node {
        let lat = v[2].atan2(v[0].hypot(v[1])).to_degrees();
        let lon = if lat.abs() == 90.0 {
            0.0
        } else {
            v[1].atan2(v[0]).to_degrees()
        };
        Node::new(Point { lon, lat })
    }

    pub(super) fn distance_m(self, other: Node) -> f64 {
        Haversine.distance(self.geo, other.geo)
    }
}

/// Slack, in metres, for the rounding of distances compared with a
/// [`Cap`] bound: far more than their error, far less than any distance
/// that matters.
pub(super) const PRUNE_MARGIN_M: f64 = 1.0;

/// A spherical cap holding an arc: its centre (a unit vector) and an upper
/// bound on its angular radius. Lower bounds on distances between caps
/// cost no trigonometry, so candidates that cannot win are skipped.
#[derive(Clone, Copy)]
pub(super) struct Cap {
    centre: [f64; 3],
    radius: f64,
}

impl Cap {
    /// The cap around the arc `a → b`, centred on its midpoint; `None` for
    /// an arc between antipodal points.
    pub(super) fn of(a: Node, b: Node) -> Option<Cap> {
        let centre = unit([a.v[0] + b.v[0], a.v[1] + b.v[1], a.v[2] + b.v[2]])?;
        let chord = chord(centre, a.v).max(chord(centre, b.v));
        // The angle of a chord, rounded up.
        let radius = 2.0 * (chord / 2.0).min(1.0).asin() * (1.0 + 1e-9) + 1e-12;
        Some(Cap { centre, radius })
    }

    pub(super) fn point(p: Node) -> Option<Cap> {
        Some(Cap {
            centre: p.v,
            radius: 0.0,
        })
    }

    /// A lower bound, in metres, on the distance between any point of `x`
    /// and any of `y`: a chord is never longer than its arc. 0 when either
    /// is unknown.
    pub(super) fn apart_m(x: Option<Cap>, y: Option<Cap>) -> f64 {
        match (x, y) {
            (Some(x), Some(y)) => {
                let angle = chord(x.centre, y.centre) - x.radius - y.radius;
                // A radius a little below the distances' own.
                angle.max(0.0) * 6_371_000.0
            }
            _ => 0.0,
        }
    }
}

/// The length of the chord between two unit vectors.
fn chord(a: [f64; 3], b: [f64; 3]) -> f64 {
    let d = [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
    dot(d, d).sqrt()
}

/// The point of the arc `a → b` closest to `p`, and its distance in metres:
/// the foot of the perpendicular from `p` to the arc's great circle if it
/// falls on the arc, else the nearer end.
///
/// (`geo`'s `HaversineClosestPoint` for a `Line` takes the bearing back
/// from `b` to be the forward bearing ± 180°, which only holds on a plane:
/// over the pole, from 0°E 80°N to 180°E 80°N, it misses the foot at the
/// pole for a point at 90°E 89°N and answers an end 1117 km away instead
/// of the pole 111 km away. So the foot is found with unit vectors.)
pub(super) fn closest_on_arc(a: Node, b: Node, p: Node) -> (Node, f64) {
    let mut best = (a, a.distance_m(p));
    let db = b.distance_m(p);
    if db < best.1 {
        best = (b, db);
    }
    if let Some(n) = unit(cross(a.v, b.v)) {
        let h = dot(p.v, n);
        // `None` when `p` is a pole of the arc's great circle: all of it is equally far.
        if let Some(f) = unit([p.v[0] - h * n[0], p.v[1] - h * n[1], p.v[2] - h * n[2]]) {
            if on_arc(f, a.v, b.v) {
                let f = Node::from_vec(f);
                let df = f.distance_m(p);
                if df < best.1 {
                    best = (f, df);
                }
            }
        }
    }
    best
}

pub(super) fn cross(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

pub(super) fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

pub(super) fn unit(a: [f64; 3]) -> Option<[f64; 3]> {
    let n = dot(a, a).sqrt();
    (n > 1e-12).then(|| [a[0] / n, a[1] / n, a[2] / n])
}

/// Whether unit vector `p` lies on the (shorter) arc `a → b`, to within
/// about a millimetre.
fn on_arc(p: [f64; 3], a: [f64; 3], b: [f64; 3]) -> bool {
    const TOL: f64 = 1e-10; // radians, ≈ 0.6 mm
    let Some(n) = unit(cross(a, b)) else {
        // Zero-length (or antipodal) arc: only its ends are surely on it.
        return dot(p, a) > 1.0 - TOL * TOL || dot(p, b) > 1.0 - TOL * TOL;
    };
    dot(p, n).abs() <= TOL && dot(cross(a, p), n) >= -TOL && dot(cross(p, b), n) >= -TOL
}

/// Where the arcs `a → b` and `c → d` cross, if they do at a single point.
/// Arcs on the same great circle return `None`; their contact is found from
/// their ends.
pub(super) fn arc_crossing(a: Node, b: Node, c: Node, d: Node) -> Option<Node> {
    let n1 = unit(cross(a.v, b.v))?;
    let n2 = unit(cross(c.v, d.v))?;
    let x = unit(cross(n1, n2))?;
    let minus = [-x[0], -x[1], -x[2]];
    [x, minus]
        .into_iter()
        .find(|&x| on_arc(x, a.v, b.v) && on_arc(x, c.v, d.v))
        .map(Node::from_vec)
}
