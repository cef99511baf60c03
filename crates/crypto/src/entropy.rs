//! The one way randomness enters this crate.
//!
//! The crate never calls an OS or browser RNG: inside WeChat `crypto.getRandomValues` is missing
//! and `wx.getRandomValues` is asynchronous, so the host (the wasm layer) fetches bytes first and
//! hands them in through [`Entropy`]. [`PrefetchedEntropy`] is the ready-made source over such
//! bytes; it fails closed when they run out.

use crate::CryptoError;
use zeroize::{Zeroize, Zeroizing};

/// A source of cryptographically secure random bytes.
///
/// Implementations must either fill all of `buf` with fresh secure randomness or return
/// [`CryptoError::EntropyUnavailable`]; never fall back to a weak generator.
///
/// ```
/// use homecare_crypto::{CryptoError, Entropy};
/// struct Empty;
/// impl Entropy for Empty {
///     fn fill(&mut self, _buf: &mut [u8]) -> Result<(), CryptoError> {
///         Err(CryptoError::EntropyUnavailable)
///     }
/// }
/// assert_eq!(homecare_crypto::AeadKey::generate(&mut Empty).err(), Some(CryptoError::EntropyUnavailable));
/// ```
pub trait Entropy {
    /// Fills `buf` completely, or fails with `entropy.unavailable`.
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), CryptoError>;
}

impl<E: Entropy + ?Sized> Entropy for &mut E {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), CryptoError> {
        (**self).fill(buf)
    }
}

/// Random bytes fetched ahead of time (e.g. `await wx.getRandomValues({length})`), handed out
/// front to back, each byte once. Used bytes and the rest are wiped; an empty pool fails closed.
///
/// How much to fetch: `aead_encrypt` 12 bytes, `AeadKey::generate` 32, `jwe_encrypt` 76
/// (`ECDH-ES+A256KW`) or 44 (`ECDH-ES`), `sm2_encrypt` 32, `sm4_gcm_encrypt` 12; key-pair
/// generation 32. Scalar generation retries on the rare out-of-range draw (probability < 2⁻³²),
/// so keep a little slack.
///
/// ```
/// use homecare_crypto::{CryptoError, Entropy, PrefetchedEntropy};
/// let mut pool = PrefetchedEntropy::new(vec![7u8; 4]);
/// let mut a = [0u8; 3];
/// pool.fill(&mut a)?;
/// assert_eq!(a, [7, 7, 7]);
/// assert_eq!(pool.remaining(), 1);
/// assert_eq!(pool.fill(&mut [0u8; 2]), Err(CryptoError::EntropyUnavailable));
/// # Ok::<(), CryptoError>(())
/// ```
pub struct PrefetchedEntropy {
    bytes: Zeroizing<Vec<u8>>,
    used: usize,
}

impl PrefetchedEntropy {
    /// A pool over `bytes`, which must come from a cryptographically secure source.
    pub fn new(bytes: Vec<u8>) -> Self {
        PrefetchedEntropy {
            bytes: Zeroizing::new(bytes),
            used: 0,
        }
    }

    /// Bytes not yet handed out.
    pub fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.used)
    }
}

impl Entropy for PrefetchedEntropy {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), CryptoError> {
        let end = self
            .used
            .checked_add(buf.len())
            .ok_or(CryptoError::EntropyUnavailable)?;
        let src = self
            .bytes
            .get_mut(self.used..end)
            .ok_or(CryptoError::EntropyUnavailable)?;
        buf.copy_from_slice(src);
        // Never hand the same byte out twice, even if `used` were reset by a bug.
        src.zeroize();
        self.used = end;
        Ok(())
    }
}

impl core::fmt::Debug for PrefetchedEntropy {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("PrefetchedEntropy")
            .field("remaining", &self.remaining())
            .finish_non_exhaustive()
    }
}

/// `N` random bytes in a buffer that is wiped on drop.
pub(crate) fn random_array<const N: usize>(
    entropy: &mut dyn Entropy,
) -> Result<Zeroizing<[u8; N]>, CryptoError> {
    let mut out = Zeroizing::new([0u8; N]);
    entropy.fill(out.as_mut_slice())?;
    Ok(out)
}

/// Adapts an [`Entropy`] to the `rand_core` interface the `sm2` crate asks for.
#[cfg(feature = "sm")]
pub(crate) struct EntropyRng<'a>(pub(crate) &'a mut dyn Entropy);

#[cfg(feature = "sm")]
impl rand_core::TryRng for EntropyRng<'_> {
    type Error = CryptoError;

    fn try_next_u32(&mut self) -> Result<u32, CryptoError> {
        let mut b = [0u8; 4];
        self.0.fill(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn try_next_u64(&mut self) -> Result<u64, CryptoError> {
        let mut b = [0u8; 8];
        self.0.fill(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), CryptoError> {
        self.0.fill(dst)
    }
}

#[cfg(feature = "sm")]
impl rand_core::TryCryptoRng for EntropyRng<'_> {}

/// Deterministic entropy for tests only: SHA-256(seed ‖ counter) blocks. Never secure.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use sha2::{Digest, Sha256};

    pub(crate) struct TestEntropy {
        seed: u64,
        counter: u64,
        block: [u8; 32],
        at: usize,
    }

    impl TestEntropy {
        pub(crate) fn new(seed: u64) -> Self {
            TestEntropy {
                seed,
                counter: 0,
                block: [0; 32],
                at: 32,
            }
        }
    }

    impl Entropy for TestEntropy {
        fn fill(&mut self, buf: &mut [u8]) -> Result<(), CryptoError> {
            for b in buf {
                if self.at == 32 {
                    let mut h = Sha256::new();
                    h.update(self.seed.to_be_bytes());
                    h.update(self.counter.to_be_bytes());
                    self.block = h.finalize().into();
                    self.counter += 1;
                    self.at = 0;
                }
                *b = self.block[self.at];
                self.at += 1;
            }
            Ok(())
        }
    }

    /// Always fails: exercises the `entropy.unavailable` path.
    pub(crate) struct NoEntropy;

    impl Entropy for NoEntropy {
        fn fill(&mut self, _buf: &mut [u8]) -> Result<(), CryptoError> {
            Err(CryptoError::EntropyUnavailable)
        }
    }

    #[test]
    fn pool_hands_out_each_byte_once_and_fails_closed() {
        let mut p = PrefetchedEntropy::new((0u8..10).collect());
        let mut a = [0u8; 4];
        p.fill(&mut a).unwrap();
        assert_eq!(a, [0, 1, 2, 3]);
        let mut b = [0u8; 6];
        p.fill(&mut b).unwrap();
        assert_eq!(b, [4, 5, 6, 7, 8, 9]);
        assert_eq!(p.fill(&mut [0u8; 1]), Err(CryptoError::EntropyUnavailable));
        assert!(p.fill(&mut []).is_ok());
        assert!(!format!("{p:?}").contains('9'));
    }

    #[test]
    fn test_entropy_is_deterministic_and_seed_dependent() {
        let (mut a, mut b, mut c) = (
            TestEntropy::new(1),
            TestEntropy::new(1),
            TestEntropy::new(2),
        );
        let (mut x, mut y, mut z) = ([0u8; 40], [0u8; 40], [0u8; 40]);
        a.fill(&mut x).unwrap();
        b.fill(&mut y).unwrap();
        c.fill(&mut z).unwrap();
        assert_eq!(x, y);
        assert_ne!(x, z);
    }
}
