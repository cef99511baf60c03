//! Test-only helpers: a real (toy-strength) sealer, a seeded entropy source and a storage
//! that fails or crashes at a chosen operation.
//!
//! `TestSealer` is NOT cryptography: a keyed 64-bit mixing checksum and an XOR stream from
//! a keyed splitmix64 generator. It does what the store's tests need from a sealer: output
//! differs from input, and any flipped byte, wrong key or wrong AAD fails `open`.
#![allow(clippy::as_conversions, clippy::string_slice, dead_code)]

use crate::storage::{Storage, StorageError, StorageInfo};
use crate::{DraftError, Entropy, EntropyError, MemoryStorage, Sealer};

const MAGIC: &[u8; 4] = b"TS1\0";

pub struct TestSealer {
    key: u64,
}

impl TestSealer {
    pub fn new(key: u64) -> Self {
        TestSealer { key }
    }

    fn mac(&self, nonce: u64, aad: &[u8], ct: &[u8]) -> u64 {
        let mut h = Mixer::new(self.key ^ 0x6d61_6321);
        h.word(nonce);
        h.word(aad.len() as u64);
        h.bytes(aad);
        h.word(ct.len() as u64);
        h.bytes(ct);
        h.finish()
    }

    fn xor(&self, nonce: u64, data: &mut [u8]) {
        let mut state = splitmix(self.key ^ nonce.rotate_left(17));
        let mut chunks = data.chunks_exact_mut(8);
        for chunk in &mut chunks {
            state = splitmix(state);
            let ks = state.to_le_bytes();
            for (b, k) in chunk.iter_mut().zip(ks) {
                *b ^= k;
            }
        }
        state = splitmix(state);
        for (b, k) in chunks.into_remainder().iter_mut().zip(state.to_le_bytes()) {
            *b ^= k;
        }
    }
}

impl Sealer for TestSealer {
    fn seal(&self, plaintext: &[u8], aad: &[u8]) -> Result<Vec<u8>, DraftError> {
        // Synthetic nonce (SIV-like): deterministic, distinct for distinct inputs.
        let mut n = Mixer::new(self.key ^ 0x6e6f_6e63);
        n.bytes(aad);
        n.bytes(plaintext);
        let nonce = n.finish();
        let mut out = Vec::with_capacity(plaintext.len() + 20);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&nonce.to_le_bytes());
        let start = out.len();
        out.extend_from_slice(plaintext);
        self.xor(nonce, &mut out[start..]);
        let tag = self.mac(nonce, aad, &out[start..]);
        out.extend_from_slice(&tag.to_le_bytes());
        Ok(out)
    }

    fn open(&self, sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>, DraftError> {
        if sealed.len() < 20 || &sealed[..4] != MAGIC {
            return Err(DraftError::open_failed());
        }
        let nonce = u64::from_le_bytes(sealed[4..12].try_into().unwrap());
        let (ct, tag) = sealed[12..].split_at(sealed.len() - 20);
        if self.mac(nonce, aad, ct) != u64::from_le_bytes(tag.try_into().unwrap()) {
            return Err(DraftError::open_failed());
        }
        let mut pt = ct.to_vec();
        self.xor(nonce, &mut pt);
        Ok(pt)
    }
}

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

struct Mixer(u64);

impl Mixer {
    fn new(seed: u64) -> Self {
        Mixer(splitmix(seed))
    }
    fn word(&mut self, w: u64) {
        self.0 = (self.0 ^ w)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29)
            ^ (self.0 >> 7);
    }
    fn bytes(&mut self, data: &[u8]) {
        let mut chunks = data.chunks_exact(8);
        for c in &mut chunks {
            self.word(u64::from_le_bytes(c.try_into().unwrap()));
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.word(u64::from_le_bytes(last) ^ ((chunks.remainder().len() as u64) << 59));
    }
    fn finish(&self) -> u64 {
        splitmix(self.0)
    }
}

/// Seeded splitmix64 bytes; `failing()` always errors.
pub struct TestEntropy {
    state: u64,
    fail: bool,
}

impl TestEntropy {
    pub fn new(seed: u64) -> Self {
        TestEntropy {
            state: seed,
            fail: false,
        }
    }
    pub fn failing() -> Self {
        TestEntropy {
            state: 0,
            fail: true,
        }
    }
}

impl Entropy for TestEntropy {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), EntropyError> {
        if self.fail {
            return Err(EntropyError);
        }
        for chunk in buf.chunks_mut(8) {
            self.state = splitmix(self.state);
            let b = self.state.to_le_bytes();
            chunk.copy_from_slice(&b[..chunk.len()]);
        }
        Ok(())
    }
}

/// What happens at the chosen operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The call fails without effect; later calls work.
    FailBefore,
    /// The call takes effect, then reports failure; later calls work.
    FailAfter,
    /// The call fails without effect, and so does every later call (the app died).
    CrashBefore,
    /// The call takes effect, then every call fails.
    CrashAfter,
    /// A `set` writes only the first half of its value, then everything fails.
    Torn,
    /// The call fails with a quota error without effect.
    Quota,
}

pub const ALL_FAULTS: [Fault; 6] = [
    Fault::FailBefore,
    Fault::FailAfter,
    Fault::CrashBefore,
    Fault::CrashAfter,
    Fault::Torn,
    Fault::Quota,
];

/// A `MemoryStorage` that counts operations and injects one fault.
pub struct FaultyStorage {
    pub inner: MemoryStorage,
    pub ops: usize,
    pub fault: Option<(usize, Fault)>,
    pub crashed: bool,
}

impl FaultyStorage {
    pub fn new(inner: MemoryStorage) -> Self {
        FaultyStorage {
            inner,
            ops: 0,
            fault: None,
            crashed: false,
        }
    }

    pub fn at(inner: MemoryStorage, op: usize, fault: Fault) -> Self {
        FaultyStorage {
            fault: Some((op, fault)),
            ..FaultyStorage::new(inner)
        }
    }

    /// Runs `apply` on the inner storage subject to the fault plan. `torn` is what a torn
    /// write does instead.
    fn step<T>(
        &mut self,
        apply: impl FnOnce(&mut MemoryStorage) -> Result<T, StorageError>,
        torn: impl FnOnce(&mut MemoryStorage),
    ) -> Result<T, StorageError> {
        if self.crashed {
            return Err(StorageError::Failed("crashed".into()));
        }
        let op = self.ops;
        self.ops += 1;
        let fault = match self.fault {
            Some((at, f)) if at == op => f,
            _ => return apply(&mut self.inner),
        };
        let err = Err(StorageError::Failed(format!(
            "injected {fault:?} at op {op}"
        )));
        match fault {
            Fault::FailBefore => err,
            Fault::Quota => Err(StorageError::Quota("injected quota".into())),
            Fault::FailAfter => {
                let _ = apply(&mut self.inner);
                err
            }
            Fault::CrashBefore => {
                self.crashed = true;
                err
            }
            Fault::CrashAfter => {
                let _ = apply(&mut self.inner);
                self.crashed = true;
                err
            }
            Fault::Torn => {
                torn(&mut self.inner);
                self.crashed = true;
                err
            }
        }
    }
}

impl Storage for FaultyStorage {
    fn get(&mut self, key: &str) -> Result<Option<String>, StorageError> {
        self.step(|s| s.get(key), |_| {})
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.step(
            |s| s.set(key, value),
            |s| {
                let mut cut = value.len() / 2;
                while !value.is_char_boundary(cut) {
                    cut -= 1;
                }
                let _ = s.set(key, &value[..cut]);
            },
        )
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.step(|s| s.remove(key), |_| {})
    }
    fn keys(&mut self) -> Result<Vec<String>, StorageError> {
        self.step(|s| s.keys(), |_| {})
    }
    fn info(&mut self) -> Result<StorageInfo, StorageError> {
        self.step(|s| s.info(), |_| {})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_sealer_detects_tampering_wrong_key_and_wrong_aad() {
        let s = TestSealer::new(1);
        let pt = b"{\"name\":\"\xe7\x8e\x8b\"} and some more bytes";
        let sealed = s.seal(pt, b"aad").unwrap();
        assert_ne!(&sealed[12..12 + pt.len()], &pt[..]);
        assert_eq!(s.open(&sealed, b"aad").unwrap(), pt);
        assert!(s.open(&sealed, b"aae").is_err());
        assert!(TestSealer::new(2).open(&sealed, b"aad").is_err());
        for i in 0..sealed.len() {
            let mut bad = sealed.clone();
            bad[i] ^= 0x01;
            assert!(s.open(&bad, b"aad").is_err(), "flip at {i}");
        }
        assert!(s.open(&sealed[..sealed.len() - 1], b"aad").is_err());
    }
}
