//! What this crate needs from cryptography, as traits: the lead implements them over
//! `homecare-crypto` (AES-256-GCM `AeadKey`, its entropy source) in the wasm layer.

use crate::DraftError;

/// Authenticated encryption at rest (AES-256-GCM in production).
///
/// `seal` output must carry everything `open` needs (nonce, tag). `open` must fail with
/// [`DraftError::open_failed`] when the key, the AAD or any byte differs; it must never
/// return plaintext it did not authenticate.
pub trait Sealer {
    /// Encrypts `plaintext`, binding `aad`.
    fn seal(&self, plaintext: &[u8], aad: &[u8]) -> Result<Vec<u8>, DraftError>;
    /// Decrypts and verifies `sealed` against `aad`.
    fn open(&self, sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>, DraftError>;
    /// [`Sealer::open`] of an owned blob, for sealers that decrypt in place: the buffer that
    /// holds the plaintext and where in it. The default calls `open` (a new buffer).
    fn open_owned(
        &self,
        sealed: Vec<u8>,
        aad: &[u8],
    ) -> Result<(Vec<u8>, core::ops::Range<usize>), DraftError> {
        let plain = self.open(&sealed, aad)?;
        let len = plain.len();
        Ok((plain, 0..len))
    }
}

impl<T: Sealer + ?Sized> Sealer for Box<T> {
    fn seal(&self, plaintext: &[u8], aad: &[u8]) -> Result<Vec<u8>, DraftError> {
        (**self).seal(plaintext, aad)
    }
    fn open(&self, sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>, DraftError> {
        (**self).open(sealed, aad)
    }
    fn open_owned(
        &self,
        sealed: Vec<u8>,
        aad: &[u8],
    ) -> Result<(Vec<u8>, core::ops::Range<usize>), DraftError> {
        (**self).open_owned(sealed, aad)
    }
}

/// One key shared by the draft store and the outbox.
impl<T: Sealer + ?Sized> Sealer for std::rc::Rc<T> {
    fn seal(&self, plaintext: &[u8], aad: &[u8]) -> Result<Vec<u8>, DraftError> {
        (**self).seal(plaintext, aad)
    }
    fn open(&self, sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>, DraftError> {
        (**self).open(sealed, aad)
    }
    fn open_owned(
        &self,
        sealed: Vec<u8>,
        aad: &[u8],
    ) -> Result<(Vec<u8>, core::ops::Range<usize>), DraftError> {
        (**self).open_owned(sealed, aad)
    }
}

/// The entropy source could not deliver bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntropyError;

/// Cryptographically secure random bytes, for idempotency keys and backoff jitter. In the
/// mini program it is fed from `wx.getRandomValues` ahead of time (it is asynchronous there).
pub trait Entropy {
    /// Fills `buf` completely or fails.
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), EntropyError>;
}

impl<E: Entropy + ?Sized> Entropy for &mut E {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), EntropyError> {
        (**self).fill(buf)
    }
}

/// A UUID version 4 (RFC 9562 §5.4) from 16 bytes of `entropy`, lower-case and hyphenated.
///
/// ```
/// use homecare_drafts::{uuid_v4, Entropy, EntropyError};
/// struct Fixed;
/// impl Entropy for Fixed {
///     fn fill(&mut self, buf: &mut [u8]) -> Result<(), EntropyError> {
///         buf.fill(0xff);
///         Ok(())
///     }
/// }
/// assert_eq!(uuid_v4(&mut Fixed).unwrap(), "ffffffff-ffff-4fff-bfff-ffffffffffff");
/// ```
pub fn uuid_v4(entropy: &mut dyn Entropy) -> Result<String, EntropyError> {
    let mut b = [0u8; 16];
    entropy.fill(&mut b)?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let mut out = String::with_capacity(36);
    for (i, byte) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(hex_digit(byte >> 4));
        out.push(hex_digit(byte & 0x0f));
    }
    Ok(out)
}

fn hex_digit(n: u8) -> char {
    char::from_digit(u32::from(n), 16).unwrap_or('0')
}

/// True for a lower-case hyphenated UUID (any version), the shape of an idempotency key.
pub(crate) fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_digit() || ('a'..='f').contains(&c),
        })
}

/// A uniform value in `0..=max` from the entropy source (rejection sampling, no modulo bias).
pub(crate) fn uniform_up_to(entropy: &mut dyn Entropy, max: u64) -> Result<u64, EntropyError> {
    if max == u64::MAX {
        return next_u64(entropy);
    }
    let span = max + 1;
    // Largest multiple of `span` that fits; values at or above it are redrawn.
    let zone = u64::MAX - (u64::MAX % span + 1) % span;
    for _ in 0..64 {
        let v = next_u64(entropy)?;
        if v <= zone {
            return Ok(v % span);
        }
    }
    // 64 rejections in a row cannot happen with a working source (p < 2^-64).
    Err(EntropyError)
}

fn next_u64(entropy: &mut dyn Entropy) -> Result<u64, EntropyError> {
    let mut b = [0u8; 8];
    entropy.fill(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::TestEntropy;

    #[test]
    fn uuids_are_v4_and_distinct() {
        let mut e = TestEntropy::new(7);
        let a = uuid_v4(&mut e).unwrap();
        let b = uuid_v4(&mut e).unwrap();
        assert_ne!(a, b);
        for u in [&a, &b] {
            assert!(is_uuid(u), "{u}");
            assert_eq!(u.as_bytes()[14], b'4');
            assert!(matches!(u.as_bytes()[19], b'8' | b'9' | b'a' | b'b'));
        }
        assert!(!is_uuid("not-a-uuid"));
        assert!(!is_uuid(&a.to_uppercase()));
    }

    #[test]
    fn uniform_stays_in_range_and_covers_it() {
        let mut e = TestEntropy::new(1);
        let mut seen = [false; 5];
        for _ in 0..200 {
            let v = uniform_up_to(&mut e, 4).unwrap();
            seen[usize::try_from(v).unwrap()] = true;
        }
        assert!(seen.iter().all(|s| *s));
        assert_eq!(uniform_up_to(&mut e, 0).unwrap(), 0);
        let _ = uniform_up_to(&mut e, u64::MAX).unwrap();
    }
}
