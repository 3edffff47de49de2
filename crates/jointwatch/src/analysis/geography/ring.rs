//! Inside tests: a polygon ring drawn in longitude/latitude, unwrapped
//! across the antimeridian and closed over a pole it goes round.

use geo::Intersects;

use super::sphere::wrap_delta;
use crate::model::place::Point;

/// A polygon ring drawn in longitude/latitude for inside tests, unwrapped
/// across the antimeridian and closed over a pole it goes round.
pub(super) struct Ring {
    polygon: geo::Polygon<f64>,
}

impl Ring {
    pub(super) fn new(points: &[Point]) -> Ring {
        let mut coords: Vec<(f64, f64)> = Vec::with_capacity(points.len() + 3);
        let mut lon = points[0].lon;
        coords.push((lon, points[0].lat));
        for w in points.windows(2) {
            lon += wrap_delta(w[1].lon - w[0].lon);
            coords.push((lon, w[1].lat));
        }
        let closing = lon + wrap_delta(points[0].lon - points[points.len() - 1].lon);
        let winding = closing - points[0].lon;
        if winding.abs() > 180.0 {
            // Goes round a pole: close the ring over it.
            let mean_lat = points.iter().map(|p| p.lat).sum::<f64>() / points.len() as f64;
            let pole = if mean_lat >= 0.0 { 90.0 } else { -90.0 };
            coords.push((closing, points[0].lat));
            coords.push((closing, pole));
            coords.push((points[0].lon, pole));
        }
        Ring {
            polygon: geo::Polygon::new(coords.into(), vec![]),
        }
    }

    /// Whether `p` is inside or on the ring.
    pub(super) fn contains(&self, p: Point) -> bool {
        [0.0, 360.0, -360.0, 720.0, -720.0].iter().any(|shift| {
            self.polygon
                .intersects(&geo::Point::new(p.lon + shift, p.lat))
        })
    }
}
