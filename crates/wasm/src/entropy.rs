//! The entropy bridge: the one [`Entropy`] implementation of the JS side, used by every export
//! that needs randomness (keys, nonces, JWE ephemeral keys, SM2, `randomUuid`).
//!
//! Order of sources: bytes handed in with `seedEntropy(bytes)` first (hosts that bring their
//! own CSPRNG), then the host (`getrandom`: `crypto.getRandomValues` on web and Node, the
//! `wx.getRandomValues` pool of the weapp entry). When both are exhausted the answer is
//! `entropy.unavailable`, never a weaker source.
//!
//! Small requests (nonces, keys, UUIDs: up to [`POOL_TAKE_MAX`] bytes) are served from a pool of
//! host bytes drawn [`POOL_SIZE`] at a time, served once each from the end and wiped as they
//! go (as the seeded bytes are, and as the weapp entry pools `wx.getRandomValues`): one host
//! call per ~20 nonces instead of one per message. A host call is a boundary crossing plus
//! `crypto.getRandomValues` (about 1 µs in Node), which was a quarter of a 64-byte
//! `aeadEncrypt` (docs/crypto.md, "Performance"). When the host cannot refill the pool, the
//! request goes to the host directly, so it fails exactly when the host has no bytes for it.

use crate::error::misuse;
use homecare_crypto::{CryptoError, Entropy};
use std::cell::RefCell;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use zeroize::{Zeroize, Zeroizing};

/// Host bytes drawn per pool refill.
const POOL_SIZE: usize = 256;
/// The largest request served from the pool; larger ones go to the host directly.
const POOL_TAKE_MAX: usize = 32;

thread_local! {
    /// Seeded bytes not yet handed out; served from the end, wiped as they go.
    static SEED: RefCell<Zeroizing<Vec<u8>>> = RefCell::new(Zeroizing::new(Vec::new()));
    /// Host bytes not yet handed out; served from the end, wiped as they go.
    static POOL: RefCell<Zeroizing<Vec<u8>>> = RefCell::new(Zeroizing::new(Vec::new()));
}

/// Randomness of the host, after any seeded bytes. A unit value: create one where needed.
pub struct HostEntropy;

impl Entropy for HostEntropy {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), CryptoError> {
        let taken = take_seed(buf);
        match buf.get_mut(taken..) {
            Some(rest) if !rest.is_empty() => {
                if rest.len() <= POOL_TAKE_MAX && take_pooled(rest) {
                    return Ok(());
                }
                getrandom::fill(rest).map_err(|_| CryptoError::EntropyUnavailable)
            }
            _ => Ok(()),
        }
    }
}

/// Moves up to `buf.len()` seeded bytes into the front of `buf`; returns how many.
fn take_seed(buf: &mut [u8]) -> usize {
    SEED.with(|seed| {
        let Ok(mut seed) = seed.try_borrow_mut() else {
            return 0;
        };
        take_from_end(&mut seed, buf)
    })
}

/// Moves up to `buf.len()` bytes from the end of `from` into the front of `buf`, wiping them
/// in `from`; returns how many.
fn take_from_end(from: &mut Vec<u8>, buf: &mut [u8]) -> usize {
    let n = buf.len().min(from.len());
    let start = from.len().saturating_sub(n);
    if let (Some(dst), Some(src)) = (buf.get_mut(..n), from.get_mut(start..)) {
        dst.copy_from_slice(src);
        // Never hand the same byte out twice.
        src.zeroize();
        from.truncate(start);
        n
    } else {
        0
    }
}

/// Fills all of `buf` from the pool of host bytes, refilling it from the host when it holds
/// fewer than `buf.len()` (what is left is wiped, not served); `false` (and `buf` untouched)
/// when the host cannot refill it.
fn take_pooled(buf: &mut [u8]) -> bool {
    POOL.with(|pool| {
        let Ok(mut pool) = pool.try_borrow_mut() else {
            return false;
        };
        if pool.len() < buf.len() {
            pool.zeroize();
            pool.resize(POOL_SIZE, 0);
            if getrandom::fill(&mut pool).is_err() {
                pool.zeroize();
                pool.clear();
                return false;
            }
        }
        take_from_end(&mut pool, buf) == buf.len()
    })
}

/// The same source for homecare-drafts (idempotency keys, backoff jitter).
impl homecare_drafts::Entropy for HostEntropy {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), homecare_drafts::EntropyError> {
        Entropy::fill(self, buf).map_err(|_| homecare_drafts::EntropyError)
    }
}

/// Adds `bytes` (which must come from a cryptographically secure source) to the seeded
/// entropy, used before the host's own source. Returns how many seeded bytes are now held.
///
/// Throws `HomecareError` `arg.invalid_type` unless `bytes` is a `Uint8Array`.
#[wasm_bindgen(js_name = seedEntropy)]
pub fn seed_entropy(bytes: JsValue) -> Result<u32, JsValue> {
    let fresh = Zeroizing::new(crate::crypto::bytes_only(&bytes, "bytes")?);
    SEED.with(|seed| {
        let mut seed = seed
            .try_borrow_mut()
            .map_err(|_| misuse("internal.conversion", &[]))?;
        // Prepend, so the bytes seeded last are served last (served from the end).
        let mut merged = Zeroizing::new(Vec::with_capacity(seed.len().saturating_add(fresh.len())));
        merged.extend_from_slice(&fresh);
        merged.extend_from_slice(&seed);
        *seed = merged;
        Ok(u32::try_from(seed.len()).unwrap_or(u32::MAX))
    })
}

/// A random (version 4) UUID in canonical lower-case form, e.g. for idempotency keys.
///
/// Throws `HomecareError` with code `entropy.unavailable` when the host has no secure
/// randomness available.
#[wasm_bindgen(js_name = randomUuid)]
pub fn random_uuid() -> Result<String, JsValue> {
    // One UUID formatter for the whole module: the outbox's idempotency keys use it too.
    homecare_drafts::uuid_v4(&mut HostEntropy)
        .map_err(|_| misuse(CryptoError::EntropyUnavailable.code(), &[]))
}

#[cfg(test)]
mod tests {
    use super::{take_pooled, take_seed, POOL, POOL_SIZE, SEED};
    use zeroize::Zeroizing;

    #[test]
    fn seed_is_served_once_from_the_end() {
        SEED.with(|s| *s.borrow_mut() = Zeroizing::new(vec![1, 2, 3, 4, 5]));
        let mut a = [0u8; 2];
        assert_eq!(take_seed(&mut a), 2);
        assert_eq!(a, [4, 5]);
        let mut b = [9u8; 4];
        assert_eq!(take_seed(&mut b), 3);
        assert_eq!(b, [1, 2, 3, 9]);
        assert_eq!(take_seed(&mut b), 0);
    }

    #[test]
    fn pool_serves_each_byte_once_and_refills() {
        POOL.with(|p| *p.borrow_mut() = Zeroizing::new(vec![1, 2, 3, 4, 5]));
        let mut a = [0u8; 4];
        assert!(take_pooled(&mut a));
        assert_eq!(a, [2, 3, 4, 5]);
        assert_eq!(POOL.with(|p| p.borrow().clone().to_vec()), vec![1]);
        // Fewer left than asked: the rest is dropped and the pool refilled from the host.
        assert!(take_pooled(&mut a));
        assert_eq!(POOL.with(|p| p.borrow().len()), POOL_SIZE - 4);
        let mut b = [0u8; 32];
        assert!(take_pooled(&mut b));
        assert_ne!(b, [0u8; 32]);
        assert_eq!(POOL.with(|p| p.borrow().len()), POOL_SIZE - 36);
    }
}
