//! Geometry shared by the GeoJSON and STIX exports: resolving area ids,
//! outlines from polygons or bounding boxes, and the antimeridian.
//!
//! Coordinates are `[lon, lat]` pairs. Outlines and routes are first
//! "unwrapped" (consecutive longitudes never jump by more than 180°, so a
//! route from 170° E to 170° W runs on to 190°) and only then cut at ±180°,
//! as RFC 7946 §3.1.9 asks.

// Each export uses part of this module.
#![cfg_attr(not(all(feature = "geojson", feature = "stix")), allow(dead_code))]

use crate::dataset::Dataset;
use crate::model::place::{Area, Point};

/// A `[lon, lat]` position.
pub(crate) type Pos = [f64; 2];

/// An area a record names, resolved: the dataset's own areas win over the
/// built-in gazetteer.
pub(crate) struct ResolvedArea {
    pub area: Area,
    pub builtin: bool,
}

/// Resolves an area id against the dataset, then the gazetteer.
pub(crate) fn resolve_area(ds: &Dataset, id: &str) -> Option<ResolvedArea> {
    // The dataset's one look-up rule (`Dataset::area`): its own areas first,
    // then the built-in ones, by id only.
    ds.area(id).map(|area| ResolvedArea {
        builtin: matches!(area, std::borrow::Cow::Owned(_)),
        area: area.into_owned(),
    })
}

/// Where an outline came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OutlineSource {
    /// The area's own polygon.
    Polygon,
    /// The rectangle of its bounding box.
    Bbox,
}

impl OutlineSource {
    pub(crate) fn as_str(&self) -> &'static str {
        match self {
            OutlineSource::Polygon => "polygon",
            OutlineSource::Bbox => "bbox",
        }
    }
}

fn finite(p: &Point) -> bool {
    p.lon.is_finite() && p.lat.is_finite() && p.is_in_range()
}

/// An area's outline as one unwrapped, open (first point not repeated),
/// counter-clockwise ring: its polygon when that has three distinct points
/// in range, else the rectangle of its bounding box.
pub(crate) fn area_outline(area: &Area) -> Option<(Vec<Pos>, OutlineSource)> {
    if let Some(poly) = &area.polygon {
        let mut pts: Vec<Pos> = Vec::new();
        let ok = poly.iter().all(finite);
        for p in poly.iter().filter(|p| finite(p)) {
            if pts.last() != Some(&[p.lon, p.lat]) {
                pts.push([p.lon, p.lat]);
            }
        }
        if pts.len() > 1 && pts.first() == pts.last() {
            pts.pop();
        }
        let mut ring = unwrap(&pts);
        if ok && ring.len() >= 3 {
            if signed_area(&ring) < 0.0 {
                ring.reverse();
            }
            if signed_area(&ring) != 0.0 {
                return Some((ring, OutlineSource::Polygon));
            }
        }
    }
    let [w, s, e, n] = area.bbox?;
    let corners_ok = [w, s, e, n].iter().all(|v| v.is_finite())
        && (-180.0..=180.0).contains(&w)
        && (-180.0..=180.0).contains(&e)
        && (-90.0..=90.0).contains(&s)
        && (-90.0..=90.0).contains(&n)
        && s < n
        && w != e;
    if !corners_ok {
        return None;
    }
    // West above east means the box crosses the antimeridian.
    let e = if w > e { e + 360.0 } else { e };
    Some((vec![[w, s], [e, s], [e, n], [w, n]], OutlineSource::Bbox))
}

/// Makes longitudes continuous: each point moves by whole turns so that it
/// lies within 180° of the previous one.
pub(crate) fn unwrap(points: &[Pos]) -> Vec<Pos> {
    let mut out: Vec<Pos> = Vec::with_capacity(points.len());
    for &[lon, lat] in points {
        let lon = match out.last() {
            None => lon,
            Some(&[prev, _]) => {
                let mut x = lon;
                while x - prev > 180.0 {
                    x -= 360.0;
                }
                while prev - x > 180.0 {
                    x += 360.0;
                }
                x
            }
        };
        out.push([lon, lat]);
    }
    out
}

/// Twice the signed area of an open ring; positive when counter-clockwise.
pub(crate) fn signed_area(ring: &[Pos]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let [x1, y1] = ring[i];
            let [x2, y2] = ring[(i + 1) % n];
            x1 * y2 - x2 * y1
        })
        .sum()
}

/// Clips an open ring to the half-plane `lon <= m` (`keep_west`) or
/// `lon >= m` (Sutherland–Hodgman against one edge).
fn clip(ring: &[Pos], m: f64, keep_west: bool) -> Vec<Pos> {
    let inside = |p: &Pos| if keep_west { p[0] <= m } else { p[0] >= m };
    let cross = |a: &Pos, b: &Pos| {
        let t = (m - a[0]) / (b[0] - a[0]);
        [m, a[1] + t * (b[1] - a[1])]
    };
    let mut out = Vec::new();
    for i in 0..ring.len() {
        let cur = &ring[i];
        let prev = &ring[(i + ring.len() - 1) % ring.len()];
        match (inside(prev), inside(cur)) {
            (true, true) => out.push(*cur),
            (true, false) => out.push(cross(prev, cur)),
            (false, true) => {
                out.push(cross(prev, cur));
                out.push(*cur);
            }
            (false, false) => {}
        }
    }
    out.dedup();
    out
}

/// Cuts an unwrapped open ring at the antimeridian into closed rings whose
/// longitudes all lie within −180..180.
pub(crate) fn split_ring(ring: &[Pos]) -> Vec<Vec<Pos>> {
    let min = ring.iter().map(|p| p[0]).fold(f64::INFINITY, f64::min);
    let shift = if min < -180.0 { 360.0 } else { 0.0 };
    let ring: Vec<Pos> = ring.iter().map(|&[x, y]| [x + shift, y]).collect();
    let max = ring.iter().map(|p| p[0]).fold(f64::NEG_INFINITY, f64::max);
    let parts = if max > 180.0 {
        let west = clip(&ring, 180.0, true);
        let east: Vec<Pos> = clip(&ring, 180.0, false)
            .into_iter()
            .map(|[x, y]| [x - 360.0, y])
            .collect();
        vec![west, east]
    } else {
        vec![ring]
    };
    parts
        .into_iter()
        .filter(|r| r.len() >= 3 && signed_area(r) != 0.0)
        .map(|r| close(round_all(r)))
        .collect()
}

fn close(mut ring: Vec<Pos>) -> Vec<Pos> {
    if let Some(first) = ring.first().copied() {
        ring.push(first);
    }
    ring
}

/// Cuts an unwrapped line at the antimeridian into lines whose longitudes
/// all lie within −180..180, interpolating the latitude of each crossing.
pub(crate) fn split_line(line: &[Pos]) -> Vec<Vec<Pos>> {
    // Band k holds longitudes in [-180 + 360k, 180 + 360k).
    let band = |x: f64| ((x + 180.0) / 360.0).floor();
    let mut lines: Vec<Vec<Pos>> = Vec::new();
    let mut cur: Vec<Pos> = Vec::new();
    for (i, &p) in line.iter().enumerate() {
        if i == 0 {
            let k = band(p[0]);
            cur.push([p[0] - 360.0 * k, p[1]]);
            continue;
        }
        let a = line[i - 1];
        let (ka, kb) = (band(a[0]), band(p[0]));
        if ka != kb {
            // Unwrapped neighbours differ by at most 180°, so one crossing.
            let m = -180.0 + 360.0 * ka.max(kb);
            let t = (m - a[0]) / (p[0] - a[0]);
            let lat = a[1] + t * (p[1] - a[1]);
            cur.push([m - 360.0 * ka, lat]);
            lines.push(std::mem::take(&mut cur));
            cur.push([m - 360.0 * kb, lat]);
        }
        cur.push([p[0] - 360.0 * kb, p[1]]);
    }
    lines.push(cur);
    lines
        .into_iter()
        .map(|l| {
            let mut l = round_all(l);
            l.dedup();
            l
        })
        .filter(|l| l.len() >= 2)
        .collect()
}

/// Rounds to six decimals (about 0.1 m), the precision RFC 7946 suggests.
pub(crate) fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn round_all(v: Vec<Pos>) -> Vec<Pos> {
    v.into_iter().map(|[x, y]| [round(x), round(y)]).collect()
}

/// Wraps a longitude into −180..180, keeping exactly 180 as 180.
fn wrap(x: f64) -> f64 {
    let w = (x + 180.0).rem_euclid(360.0) - 180.0;
    if w == -180.0 && x > 0.0 {
        180.0
    } else {
        w
    }
}

/// The bounding box `[west, south, east, north]` of unwrapped parts, with
/// `west > east` when the smallest box crosses the antimeridian (RFC 7946
/// §5.2).
pub(crate) fn bbox(parts: &[Vec<Pos>]) -> Option<[f64; 4]> {
    let mut segs: Vec<(f64, f64)> = Vec::new();
    let (mut south, mut north) = (f64::INFINITY, f64::NEG_INFINITY);
    for part in parts.iter().filter(|p| !p.is_empty()) {
        let lo = part.iter().map(|p| p[0]).fold(f64::INFINITY, f64::min);
        let hi = part.iter().map(|p| p[0]).fold(f64::NEG_INFINITY, f64::max);
        for p in part {
            south = south.min(p[1]);
            north = north.max(p[1]);
        }
        if hi - lo >= 360.0 {
            segs.push((-180.0, 180.0));
            continue;
        }
        let (w, e) = (wrap(lo), wrap(hi));
        let w = if w == 180.0 { -180.0 } else { w };
        if w <= e {
            segs.push((w, e));
        } else {
            segs.push((w, 180.0));
            segs.push((-180.0, e));
        }
    }
    if segs.is_empty() {
        return None;
    }
    crate::sort::sort_by(&mut segs, |a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f64, f64)> = Vec::new();
    for (s, e) in segs {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    // The box is the complement of the largest gap between covered spans.
    let first = merged[0];
    let last = merged[merged.len() - 1];
    let mut best_gap = (first.0 + 360.0) - last.1;
    let (mut west, mut east) = (first.0, last.1);
    for w in merged.windows(2) {
        let gap = w[1].0 - w[0].1;
        if gap > best_gap {
            best_gap = gap;
            west = w[1].0;
            east = w[0].1;
        }
    }
    if best_gap <= 0.0 {
        west = -180.0;
        east = 180.0;
    }
    Some([round(west), round(south), round(east), round(north)])
}

/// Great-circle distance in metres (haversine, mean Earth radius).
pub(crate) fn haversine_m(a: Pos, b: Pos) -> f64 {
    const R: f64 = 6_371_008.8;
    let (la1, la2) = (a[1].to_radians(), b[1].to_radians());
    let dlat = la2 - la1;
    let dlon = (b[0] - a[0]).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * R * h.sqrt().min(1.0).asin()
}

/// The centre of a bounding box and the radius in metres of a circle about
/// it that holds the whole box.
pub(crate) fn bbox_circle(b: [f64; 4]) -> (Pos, f64) {
    let [w, s, e, n] = b;
    let e_unwrapped = if w > e { e + 360.0 } else { e };
    let centre = [wrap((w + e_unwrapped) / 2.0), (s + n) / 2.0];
    let mid_lon = (w + e_unwrapped) / 2.0;
    let probes = [
        [w, s],
        [w, n],
        [e_unwrapped, s],
        [e_unwrapped, n],
        [mid_lon, s],
        [mid_lon, n],
        [w, centre[1]],
        [e_unwrapped, centre[1]],
    ];
    let radius = probes
        .iter()
        .map(|p| haversine_m([mid_lon, centre[1]], *p))
        .fold(0.0, f64::max);
    ([round(centre[0]), round(centre[1])], radius.ceil())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_across_the_antimeridian_is_cut_there() {
        let line = unwrap(&[[170.0, 40.0], [-170.0, 50.0]]);
        assert_eq!(line[1], [190.0, 50.0]);
        let parts = split_line(&line);
        assert_eq!(
            parts,
            vec![
                vec![[170.0, 40.0], [180.0, 45.0]],
                vec![[-180.0, 45.0], [-170.0, 50.0]]
            ]
        );
    }

    #[test]
    fn a_westward_line_across_the_antimeridian_is_cut_there() {
        let line = unwrap(&[[-175.0, 10.0], [175.0, 20.0], [160.0, 20.0]]);
        let parts = split_line(&line);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0], vec![[-175.0, 10.0], [-180.0, 15.0]]);
        assert_eq!(parts[1][0], [180.0, 15.0]);
        assert_eq!(parts[1].last(), Some(&[160.0, 20.0]));
    }

    #[test]
    fn a_line_that_stays_on_one_side_is_kept_whole() {
        let line = unwrap(&[[130.0, 35.0], [135.0, 38.0], [140.0, 36.0]]);
        assert_eq!(split_line(&line).len(), 1);
    }

    #[test]
    fn a_box_across_the_antimeridian_becomes_two_rings() {
        let area = Area {
            id: "bering".into(),
            name: "Bering".into(),
            kind: crate::model::place::AreaKind::Sea,
            aliases: vec![],
            bbox: Some([162.0, 51.0, -157.0, 66.5]),
            polygon: None,
            notes: None,
            approximate: false,
        };
        let (ring, src) = area_outline(&area).unwrap();
        assert_eq!(src, OutlineSource::Bbox);
        let rings = split_ring(&ring);
        assert_eq!(rings.len(), 2);
        for r in &rings {
            assert!(r.iter().all(|p| (-180.0..=180.0).contains(&p[0])));
            assert_eq!(r.first(), r.last());
            assert!(signed_area(&r[..r.len() - 1]) > 0.0, "counter-clockwise");
        }
        assert_eq!(bbox(&[ring]), Some([162.0, 51.0, -157.0, 66.5]));
    }

    #[test]
    fn clockwise_polygons_are_turned_round() {
        let area = Area {
            id: "a".into(),
            name: "A".into(),
            kind: crate::model::place::AreaKind::Region,
            aliases: vec![],
            bbox: None,
            polygon: Some(vec![
                Point { lon: 0.0, lat: 0.0 },
                Point { lon: 0.0, lat: 1.0 },
                Point { lon: 1.0, lat: 1.0 },
                Point { lon: 1.0, lat: 0.0 },
                Point { lon: 0.0, lat: 0.0 },
            ]),
            notes: None,
            approximate: false,
        };
        let (ring, src) = area_outline(&area).unwrap();
        assert_eq!(src, OutlineSource::Polygon);
        assert_eq!(ring.len(), 4);
        assert!(signed_area(&ring) > 0.0);
    }

    #[test]
    fn bbox_of_parts_on_both_sides_takes_the_short_way_round() {
        let parts = vec![vec![[170.0, 0.0], [175.0, 1.0]], vec![[-178.0, 2.0]]];
        assert_eq!(bbox(&parts), Some([170.0, 0.0, -178.0, 2.0]));
        let parts = vec![vec![[-10.0, 0.0], [10.0, 1.0]]];
        assert_eq!(bbox(&parts), Some([-10.0, 0.0, 10.0, 1.0]));
    }

    #[test]
    fn a_circle_holds_its_box() {
        let (c, r) = bbox_circle([170.0, 0.0, -170.0, 10.0]);
        assert_eq!(c, [180.0, 5.0]);
        assert!(r > haversine_m([180.0, 5.0], [170.0, 0.0]) - 1.0);
        assert!(r < 2_000_000.0);
    }
}
