//! Exact decimal numbers for `integer` and `decimal` fields: an integer mantissa and a count of
//! fraction digits. No float formatting (expensive in wasm) and no float rounding surprises:
//! `36.6` stays `36.6`.

use core::cmp::Ordering;
use core::fmt;

/// An exact decimal `units / 10^scale`.
///
/// ```
/// use homecare_forms::Dec;
/// let t = Dec::parse("36.60").unwrap();
/// assert_eq!(t.to_string(), "36.6");
/// assert!(t > Dec::parse("36.59").unwrap());
/// assert_eq!(Dec::parse("-0.5").unwrap().to_string(), "-0.5");
/// assert!(Dec::parse("1e5").is_none());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Dec {
    units: i64,
    scale: u8,
}

/// Most fraction digits kept; more than any form needs, few enough that `i64` never overflows
/// for the sizes the limits allow.
const MAX_SCALE: u8 = 9;
/// Most digits before the point (keeps `units` far from `i64::MAX`).
const MAX_INT_DIGITS: usize = 9;

impl Dec {
    /// A whole number.
    pub fn from_int(n: i64) -> Self {
        Dec { units: n, scale: 0 }
    }

    /// Parses `-?digits(.digits)?` (ASCII; normalise first). Also accepts a leading `+` and a
    /// trailing or leading point (`5.`, `.5`) the way a number keyboard produces them.
    pub fn parse(s: &str) -> Option<Self> {
        let (neg, body) = match s.as_bytes().first() {
            Some(b'-') => (true, s.get(1..)?),
            Some(b'+') => (false, s.get(1..)?),
            _ => (false, s),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(int) || !all_digits(frac) {
            return None;
        }
        let int = int.trim_start_matches('0');
        let frac = frac.trim_end_matches('0');
        if int.len() > MAX_INT_DIGITS || frac.len() > usize::from(MAX_SCALE) {
            return None;
        }
        let mut units: i64 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            units = units.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
        }
        Some(Dec {
            units: if neg { -units } else { units },
            scale: u8::try_from(frac.len()).ok()?,
        })
    }

    /// The exact value of a JSON float if it has at most `max_scale` fraction digits
    /// (`36.5` yes; `0.1 + 0.2` no). Avoids float formatting: scales and checks integrality.
    pub fn from_f64(x: f64, max_scale: u8) -> Option<Self> {
        let mut scaled = x;
        for scale in 0..=max_scale.min(MAX_SCALE) {
            if scaled.abs() >= 1e15 || !scaled.is_finite() {
                return None;
            }
            let rounded = scaled.round();
            if (scaled - rounded).abs() <= 1e-9 * scaled.abs().max(1.0) {
                // The value is within i64 range (checked above), so the cast is exact.
                let units = f64_to_i64(rounded)?;
                return Some(Dec { units, scale }.reduced());
            }
            scaled *= 10.0;
        }
        None
    }

    /// Fraction digits after removing trailing zeros.
    pub fn scale(self) -> u8 {
        self.reduced().scale
    }

    /// The value as a whole number, if it is one.
    pub fn as_int(self) -> Option<i64> {
        let r = self.reduced();
        (r.scale == 0).then_some(r.units)
    }

    fn reduced(mut self) -> Self {
        while self.scale > 0 && self.units % 10 == 0 {
            self.units /= 10;
            self.scale -= 1;
        }
        self
    }

    fn widened(self) -> i128 {
        let mut v = i128::from(self.units);
        for _ in self.scale..MAX_SCALE {
            v *= 10;
        }
        v
    }
}

/// `f64` → `i64` for a value already known to be whole and below 1e15 in magnitude.
fn f64_to_i64(x: f64) -> Option<i64> {
    // A decimal rendering would be float formatting; instead peel digits off exactly.
    let neg = x < 0.0;
    let mut rest = x.abs();
    let mut digits = [0u8; 16];
    let mut n = 0usize;
    while rest >= 1.0 {
        let q = (rest / 10.0).floor();
        let d = rest - q * 10.0;
        let slot = digits.get_mut(n)?;
        *slot = (0..10u8).find(|k| (f64::from(*k) - d).abs() < 0.5)?;
        n += 1;
        rest = q;
    }
    let mut v: i64 = 0;
    for d in digits.get(..n)?.iter().rev() {
        v = v.checked_mul(10)?.checked_add(i64::from(*d))?;
    }
    Some(if neg { -v } else { v })
}

impl PartialEq for Dec {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Dec {}
impl PartialOrd for Dec {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Dec {
    fn cmp(&self, other: &Self) -> Ordering {
        self.widened().cmp(&other.widened())
    }
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.reduced();
        let sign = if r.units < 0 { "-" } else { "" };
        let abs = r.units.unsigned_abs();
        if r.scale == 0 {
            return write!(f, "{sign}{abs}");
        }
        let mut pow: u64 = 1;
        for _ in 0..r.scale {
            pow = pow.saturating_mul(10);
        }
        let width = usize::from(r.scale);
        write!(f, "{sign}{}.{:0width$}", abs / pow, abs % pow)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parsing_and_floats() {
        assert_eq!(Dec::parse("007").unwrap().as_int(), Some(7));
        assert_eq!(Dec::parse(".5").unwrap().to_string(), "0.5");
        assert_eq!(Dec::parse("5.").unwrap().to_string(), "5");
        assert!(Dec::parse(".").is_none() && Dec::parse("-").is_none() && Dec::parse("").is_none());
        assert!(Dec::parse("1234567890").is_none());
        assert!(Dec::parse("0.0000000001").is_none());
        assert_eq!(Dec::from_f64(36.5, 1).unwrap().to_string(), "36.5");
        assert_eq!(Dec::from_f64(-7.25, 2).unwrap().to_string(), "-7.25");
        assert_eq!(Dec::from_f64(120.0, 0).unwrap().as_int(), Some(120));
        assert!(Dec::from_f64(36.55, 1).is_none());
        assert!(Dec::from_f64(f64::NAN, 3).is_none());
        assert!(Dec::from_f64(1e300, 3).is_none());
        assert_eq!(Dec::parse("0.10").unwrap().scale(), 1);
    }

    proptest! {
        #[test]
        fn display_round_trips(units in -999_999_999i64..999_999_999, scale in 0u8..6) {
            let d = Dec { units, scale };
            prop_assert_eq!(Dec::parse(&d.to_string()), Some(d));
        }

        #[test]
        fn int_floats_are_exact(n in -999_999_999i64..999_999_999) {
            #[allow(clippy::as_conversions, clippy::cast_precision_loss)]
            let f = n as f64;
            prop_assert_eq!(Dec::from_f64(f, 0).and_then(Dec::as_int), Some(n));
        }
    }
}
