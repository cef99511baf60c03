//! Keyed digests (HMAC-SHA256) for storing and matching an ID or phone number without
//! keeping it: the app stores `keyed_digest(value, key)` and later compares digests.

use hmac::{Hmac, KeyInit, Mac};
use homecare_core::Problem;
use sha2::Sha256;

use crate::codes;
use crate::normalize::compact_upper;

/// Shortest key accepted: 128 bits.
pub const DIGEST_MIN_KEY_LEN: usize = 16;

/// Lower-case hex HMAC-SHA256 of the normalised `value` under `key` (≥ 16 bytes, supplied
/// by the app; without the key the digest cannot be brute-forced over the small space of ID
/// or phone numbers, unlike a plain hash).
///
/// Normalisation: full-width to half-width, whitespace and dashes removed, ASCII letters
/// upper-cased — so `11010519491231002x` and `110105 1949 1231 002X` match. Pass the
/// `normalized` output of the matching validator for cross-format matching (`+86…` vs
/// 11 digits).
///
/// ```
/// use homecare_identity::keyed_digest;
/// let key = b"0123456789abcdef";
/// let a = keyed_digest("11010519491231002x", key).unwrap();
/// assert_eq!(a, keyed_digest("110105 19491231 002X", key).unwrap());
/// assert_eq!(a.len(), 64);
/// assert!(keyed_digest("x", b"short").is_err());
/// ```
pub fn keyed_digest(value: &str, key: &[u8]) -> Result<String, Vec<Problem>> {
    if key.len() < DIGEST_MIN_KEY_LEN {
        let min = i64::try_from(DIGEST_MIN_KEY_LEN).unwrap_or(i64::MAX);
        return Err(vec![
            Problem::new("key", codes::DIGEST_KEY_TOO_SHORT).int("min", min)
        ]);
    }
    let normalized = compact_upper(value);
    let Ok(mut mac) = <Hmac<Sha256> as KeyInit>::new_from_slice(key) else {
        // HMAC accepts keys of any length; kept for the type's signature.
        return Err(vec![Problem::new("key", codes::DIGEST_KEY_TOO_SHORT)
            .int("min", i64::try_from(DIGEST_MIN_KEY_LEN).unwrap_or(i64::MAX))]);
    };
    mac.update(normalized.as_bytes());
    let tag = mac.finalize().into_bytes();
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in tag.iter() {
        out.push(char::from(*HEX.get(usize::from(b >> 4)).unwrap_or(&b'0')));
        out.push(char::from(*HEX.get(usize::from(b & 0x0F)).unwrap_or(&b'0')));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_python_hmac() {
        // Independently computed:
        // python3 -c "import hmac,hashlib;print(hmac.new(b'0123456789abcdef',b'13800138000',hashlib.sha256).hexdigest())"
        let d = keyed_digest("138-0013-8000", b"0123456789abcdef").unwrap();
        assert_eq!(d, EXPECTED_13800138000);
    }

    const EXPECTED_13800138000: &str =
        "523ecb40568489642145ec3bc655d72eca7f70aa3ea69ebd4e09e6e1605214db";
}
