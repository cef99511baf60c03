//! Straight-line (great-circle) distance between two coordinates.

use serde::{Deserialize, Serialize};

/// Mean Earth radius in metres used by the haversine formula (IUGG mean radius, rounded).
pub const EARTH_RADIUS_METRES: f64 = 6_371_000.0;

/// A WGS-84/GCJ-02 coordinate in decimal degrees (both ends must use the same datum; the
/// difference between the two is far below a fee tier).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeoPoint {
    /// Latitude, −90 … 90.
    pub lat: f64,
    /// Longitude, −180 … 180.
    pub lng: f64,
}

impl GeoPoint {
    /// Whether both degrees are finite and in range.
    pub fn is_valid(&self) -> bool {
        self.lat.is_finite()
            && self.lng.is_finite()
            && (-90.0..=90.0).contains(&self.lat)
            && (-180.0..=180.0).contains(&self.lng)
    }
}

/// Haversine straight-line distance, rounded to whole metres (half up) before any money is
/// computed. `None` for invalid coordinates.
///
/// ```
/// use homecare_pricing::{straight_line_metres, GeoPoint};
/// let a = GeoPoint { lat: 22.5200, lng: 113.3900 };
/// let b = GeoPoint { lat: 22.5200, lng: 113.4400 };
/// assert_eq!(straight_line_metres(a, b), Some(5_136));
/// ```
pub fn straight_line_metres(a: GeoPoint, b: GeoPoint) -> Option<i64> {
    if !a.is_valid() || !b.is_valid() {
        return None;
    }
    let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = la2 - la1;
    let dlng = (b.lng - a.lng).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlng / 2.0).sin().powi(2);
    let metres = 2.0 * EARTH_RADIUS_METRES * h.sqrt().min(1.0).asin();
    let rounded = metres.round();
    // Half the circumference is ~20 015 km; anything else is not a distance.
    if !(0.0..=20_100_000.0).contains(&rounded) {
        return None;
    }
    // The value is a whole number within ±2^25 here, so the cast is exact.
    #[allow(clippy::as_conversions, clippy::cast_possible_truncation)]
    let whole = rounded as i64;
    Some(whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_distances() {
        let p = GeoPoint {
            lat: 39.9042,
            lng: 116.4074,
        };
        assert_eq!(straight_line_metres(p, p), Some(0));
        // One degree of latitude ≈ 111.195 km with R = 6 371 km.
        let q = GeoPoint {
            lat: 40.9042,
            lng: 116.4074,
        };
        assert_eq!(straight_line_metres(p, q), Some(111_195));
        let antipode = GeoPoint {
            lat: -39.9042,
            lng: -63.5926,
        };
        assert_eq!(straight_line_metres(p, antipode), Some(20_015_087));
        assert_eq!(
            straight_line_metres(
                p,
                GeoPoint {
                    lat: 91.0,
                    lng: 0.0
                }
            ),
            None
        );
        assert_eq!(
            straight_line_metres(
                p,
                GeoPoint {
                    lat: f64::NAN,
                    lng: 0.0
                }
            ),
            None
        );
    }
}
