//! Checked fen arithmetic and the two rounding rules used for ratios.
//!
//! Ratios are integers in basis points (1 bp = 0.01 %, 10 000 bp = 100 %), so no float ever
//! touches money. Products are taken in `i128` and narrowed back with `try_from`, so an
//! overflow is an error (`pricing.overflow`), never a wrap.

use homecare_core::Problem;

use crate::messages::codes;

/// 100 % in basis points.
pub const BP_ONE: i64 = 10_000;

/// The largest integer JavaScript represents exactly (2^53 − 1). Every amount the crate reads
/// or returns stays within it, so the JS layer never loses a fen.
pub const MAX_SAFE: i64 = 9_007_199_254_740_991;

pub(crate) fn overflow() -> Problem {
    Problem::new("", codes::OVERFLOW)
}

pub(crate) fn add(a: i64, b: i64) -> Result<i64, Problem> {
    a.checked_add(b).ok_or_else(overflow)
}

pub(crate) fn sub(a: i64, b: i64) -> Result<i64, Problem> {
    a.checked_sub(b).ok_or_else(overflow)
}

pub(crate) fn mul(a: i64, b: i64) -> Result<i64, Problem> {
    a.checked_mul(b).ok_or_else(overflow)
}

/// Sums with overflow checking.
pub(crate) fn sum(values: impl IntoIterator<Item = i64>) -> Result<i64, Problem> {
    values.into_iter().try_fold(0i64, add)
}

/// `amount × bp / 10 000`, rounded half up to the fen (for non-negative inputs: ×.5 goes up).
///
/// Used for: deposits, percentage coupons, surcharge rates, cancellation refund percentages.
pub(crate) fn ratio_half_up(amount: i64, bp: i64) -> Result<i64, Problem> {
    // The same result in 64 bits when the product fits (every real quote): 128-bit division is
    // a software routine on wasm32.
    if let Some(p) = amount.checked_mul(bp).and_then(|p| p.checked_add(5_000)) {
        return Ok(p / 10_000);
    }
    let p = i128::from(amount)
        .checked_mul(i128::from(bp))
        .ok_or_else(overflow)?;
    let q = p.checked_add(5_000).ok_or_else(overflow)? / 10_000;
    i64::try_from(q).map_err(|_| overflow())
}

/// `amount × bp / 10 000`, rounded down to the fen.
///
/// Used where rounding up would promise more than the rule allows: the points cap and the
/// insurance fund estimate.
pub(crate) fn ratio_floor(amount: i64, bp: i64) -> Result<i64, Problem> {
    if let Some(p) = amount.checked_mul(bp) {
        return Ok(p / 10_000);
    }
    let p = i128::from(amount)
        .checked_mul(i128::from(bp))
        .ok_or_else(overflow)?;
    i64::try_from(p / 10_000).map_err(|_| overflow())
}

/// `ceil(a / b)` for `a ≥ 0`, `b > 0`.
pub(crate) fn div_ceil(a: i64, b: i64) -> Result<i64, Problem> {
    if b <= 0 || a < 0 {
        return Err(overflow());
    }
    let q = a / b;
    if a % b == 0 {
        Ok(q)
    } else {
        add(q, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_up_and_floor() {
        assert_eq!(ratio_half_up(12_345, 2_000).unwrap(), 2_469);
        assert_eq!(ratio_half_up(25, 2_000).unwrap(), 5);
        assert_eq!(ratio_half_up(1, 5_000).unwrap(), 1); // 0.5 fen → 1
        assert_eq!(ratio_floor(1, 5_000).unwrap(), 0);
        assert_eq!(ratio_half_up(i64::MAX, 10_000).unwrap(), i64::MAX);
        assert!(ratio_half_up(i64::MAX, 20_000).is_err());
        // The 64-bit fast path and the 128-bit path agree at their border and for negatives.
        for a in [
            i64::MAX / 10_000 - 1,
            i64::MAX / 10_000,
            i64::MAX / 10_000 + 1,
            -12_345,
            -25,
        ] {
            for bp in [1, 2_000, 9_999, 10_000] {
                let p = i128::from(a) * i128::from(bp);
                assert_eq!(ratio_floor(a, bp).ok(), i64::try_from(p / 10_000).ok());
                assert_eq!(
                    ratio_half_up(a, bp).ok(),
                    i64::try_from((p + 5_000) / 10_000).ok()
                );
            }
        }
        assert_eq!(div_ceil(61, 30).unwrap(), 3);
        assert_eq!(div_ceil(60, 30).unwrap(), 2);
        assert!(add(i64::MAX, 1).is_err());
        assert!(mul(i64::MAX, 2).is_err());
        assert!(sub(i64::MIN, 1).is_err());
    }
}
