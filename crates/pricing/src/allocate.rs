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
    let mut parts = vec![0; weights.len()];
    allocate_into(total, weights, &mut parts)?;
    Ok(parts)
}

/// [`allocate`] into a caller's buffer (`parts.len() == weights.len()`), so a quote can reuse
/// one scratch buffer.
pub(crate) fn allocate_into(total: i64, weights: &[i64], parts: &mut [i64]) -> Result<(), Problem> {
    let invalid = || Problem::new("", codes::ALLOCATION_INVALID);
    if parts.len() != weights.len() || total < 0 {
        return Err(invalid());
    }
    let mut sum: i128 = 0;
    for &w in weights {
        if w < 0 {
            return Err(invalid());
        }
        sum += i128::from(w);
    }
    if i128::from(total) > sum {
        return Err(invalid());
    }
    if sum == 0 {
        parts.fill(0);
        return Ok(());
    }
    // `total × w` for every w fits in i64 in practice (fen amounts are small); 128-bit division
    // is several times slower, so it is only the fallback.
    let small = i64::try_from(sum)
        .ok()
        .filter(|s| total.checked_mul(*s).is_some());
    let split = |w: i64| -> (i64, i128) {
        match small {
            Some(s) => {
                let p = total * w; // w ≤ s, so no overflow (checked above)
                (p / s, i128::from(p % s))
            }
            None => {
                let p = i128::from(total) * i128::from(w);
                (i64::try_from(p / sum).unwrap_or(0), p % sum)
            }
        }
    };
    // Remainders of the first 32 parts are kept on the stack; later ones are recomputed
    // (orders have a handful of lines, so this path stays allocation-free).
    let mut kept = [0i128; 32];
    let mut given: i64 = 0;
    for (i, (part, &w)) in parts.iter_mut().zip(weights).enumerate() {
        let (q, r) = split(w);
        *part = q;
        given += q; // ≤ total, cannot overflow
        if let Some(k) = kept.get_mut(i) {
            *k = r;
        }
    }
    let remainder = |i: usize, w: i64| kept.get(i).copied().unwrap_or_else(|| split(w).1);
    // Fewer fen are left than there are parts with a non-zero remainder, so picking the largest
    // remainders one by one (ties to the lower index) never picks a part twice.
    let mut last: Option<(i128, usize)> = None;
    for _ in 0..(total - given) {
        let mut best: Option<(i128, usize)> = None;
        for (i, &w) in weights.iter().enumerate() {
            let r = remainder(i, w);
            // Strictly after `last` in the order (remainder desc, index asc).
            let after_last = last.is_none_or(|(lr, li)| r < lr || (r == lr && i > li));
            if after_last && best.is_none_or(|(br, _)| r > br) {
                best = Some((r, i));
            }
        }
        let Some((r, i)) = best else {
            return Err(invalid());
        };
        if let Some(p) = parts.get_mut(i) {
            *p += 1;
        }
        last = Some((r, i));
    }
    Ok(())
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
        // More parts than kept remainders: the recomputed ones still decide.
        let mut w = vec![1i64; 40];
        w[39] = 2;
        let parts = allocate(20, &w).unwrap();
        assert_eq!(parts.iter().sum::<i64>(), 20);
        assert_eq!(parts[39], 1);
        // The 128-bit path gives the same split as the 64-bit one.
        let big = 4_000_000_000_000_000;
        assert_eq!(
            allocate(big, &[big, big, big]).unwrap(),
            vec![
                1_333_333_333_333_334,
                1_333_333_333_333_333,
                1_333_333_333_333_333
            ]
        );
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
