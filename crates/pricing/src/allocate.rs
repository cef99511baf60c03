//! Largest-remainder allocation: splits an amount across lines so the parts sum exactly.

use homecare_core::Problem;

use crate::messages::codes;

/// Splits `total` fen across `weights` in proportion, by the largest-remainder (Hamilton)
/// method: each part first gets `floor(total × wᵢ / Σw)`; the fen left over go one each to the
/// parts with the largest remainders `total × wᵢ mod Σw`, ties to the lower index.
///
/// The parts always sum to `total`, and no part exceeds its weight (because `total ≤ Σw`).
/// Requires `0 ≤ total ≤ Σw` and every weight `≥ 0`; otherwise `pricing.allocation.invalid`.
///
/// ```
/// use homecare_pricing::allocate;
/// assert_eq!(allocate(100, &[300, 300, 300]).unwrap(), vec![34, 33, 33]);
/// assert_eq!(allocate(1000, &[30000, 20000, 0]).unwrap(), vec![600, 400, 0]);
/// assert_eq!(allocate(0, &[0, 0]).unwrap(), vec![0, 0]);
/// ```
pub fn allocate(total: i64, weights: &[i64]) -> Result<Vec<i64>, Problem> {
    let invalid = || Problem::new("", codes::ALLOCATION_INVALID);
    let mut sum: i128 = 0;
    for &w in weights {
        if w < 0 {
            return Err(invalid());
        }
        sum += i128::from(w);
    }
    if total < 0 || i128::from(total) > sum {
        return Err(invalid());
    }
    let mut parts = Vec::with_capacity(weights.len());
    if sum == 0 {
        parts.resize(weights.len(), 0);
        return Ok(parts);
    }
    let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(weights.len());
    let mut given: i64 = 0;
    for (i, &w) in weights.iter().enumerate() {
        let p = i128::from(total) * i128::from(w);
        let part = i64::try_from(p / sum).map_err(|_| invalid())?;
        given += part; // ≤ total, cannot overflow
        parts.push(part);
        remainders.push((p % sum, i));
    }
    let left = usize::try_from(total - given).map_err(|_| invalid())?;
    if left > 0 {
        remainders.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, i) in remainders.iter().take(left) {
            if let Some(p) = parts.get_mut(i) {
                *p += 1;
            }
        }
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ties_go_to_lower_index_and_bad_input_is_an_error() {
        assert_eq!(allocate(2, &[1, 1, 1]).unwrap(), vec![1, 1, 0]);
        assert_eq!(allocate(5, &[3, 3, 4]).unwrap(), vec![2, 1, 2]);
        assert!(allocate(4, &[1, 2]).is_err());
        assert!(allocate(-1, &[1]).is_err());
        assert!(allocate(0, &[-1, 1]).is_err());
        assert!(allocate(1, &[]).is_err());
        assert_eq!(allocate(0, &[]).unwrap(), Vec::<i64>::new());
    }

    proptest! {
        #[test]
        fn parts_sum_and_stay_within_weights(
            weights in proptest::collection::vec(0i64..1_000_000_000_000, 0..12),
            frac in 0u32..=1000,
        ) {
            let sum: i64 = weights.iter().sum();
            let total = i64::try_from(i128::from(sum) * i128::from(frac) / 1000).unwrap();
            let parts = allocate(total, &weights).unwrap();
            prop_assert_eq!(parts.iter().sum::<i64>(), total);
            for (p, w) in parts.iter().zip(&weights) {
                prop_assert!(*p >= 0 && p <= w);
            }
        }
    }
}
