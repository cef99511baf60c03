//! The GCM hot path of `homecare-crypto`: AES-256-GCM and SM4-GCM (RFC 8998) over RustCrypto's
//! `aes-gcm`, `aes` and `sm4`, in place, with a detached tag. No primitive is written here.
//!
//! Why a crate of its own: the generic RustCrypto code (GCM, CTR, the fixsliced AES rounds,
//! GHASH/POLYVAL) is compiled where it is instantiated, i.e. here, so the workspace gives this
//! crate alone `opt-level = 3` (`Cargo.toml`, `[profile.release.package.homecare-gcm]`) while
//! everything else stays at `"s"`. Measured in the strict-MVP wasm (docs/crypto.md,
//! "Performance"): a third fewer instructions for AES-256-GCM than at `"s"`, for about 3 KB of
//! brotli; `opt-level = 3` for all of `homecare-crypto` bought the same speed for +16 KB.
//!
//! ```
//! use homecare_gcm::{open, seal, Cipher};
//! let (key, nonce) = ([7u8; 32], [1u8; 12]);
//! let mut body = *b"13800138000";
//! let tag = seal(Cipher::Aes256, &key, &nonce, &mut body, b"aad")?;
//! assert_ne!(&body, b"13800138000");
//! open(Cipher::Aes256, &key, &nonce, &mut body, &tag, b"aad")?;
//! assert_eq!(&body, b"13800138000");
//! # Ok::<(), homecare_gcm::GcmError>(())
//! ```
#![no_std]
#![forbid(unsafe_code)]

use aes_gcm::aead::{AeadInOut, KeyInit, Nonce, Tag};
use aes_gcm::Aes256Gcm;

/// Nonce length in bytes (96 bits, the only GCM nonce size used).
pub const NONCE_LEN: usize = 12;
/// Tag length in bytes (128 bits).
pub const TAG_LEN: usize = 16;

/// SM4 in GCM mode with a 96-bit nonce (RFC 8998).
#[cfg(feature = "sm")]
type Sm4Gcm = aes_gcm::AesGcm<sm4::Sm4, aes_gcm::aead::consts::U12>;

/// The block cipher under GCM.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cipher {
    /// AES-256: 32-byte keys.
    Aes256,
    /// SM4 (GB/T 32907): 16-byte keys.
    #[cfg(feature = "sm")]
    Sm4,
}

impl Cipher {
    /// Key length in bytes.
    pub const fn key_len(self) -> usize {
        match self {
            Cipher::Aes256 => 32,
            #[cfg(feature = "sm")]
            Cipher::Sm4 => 16,
        }
    }
}

/// Why sealing or opening failed. Carries no key or message bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GcmError {
    /// The key is not [`Cipher::key_len`] bytes.
    KeyLength,
    /// The nonce is not 12 bytes or the tag not 16.
    Length,
    /// The message or AAD is longer than GCM allows.
    TooLong,
    /// Wrong key, nonce, AAD or tag, or a changed byte: no plaintext.
    AuthFailed,
}

/// Encrypts `body` in place under `key` and `nonce`, binding `aad`; returns the tag.
pub fn seal(
    cipher: Cipher,
    key: &[u8],
    nonce: &[u8; NONCE_LEN],
    body: &mut [u8],
    aad: &[u8],
) -> Result<[u8; TAG_LEN], GcmError> {
    match cipher {
        Cipher::Aes256 => seal_with::<Aes256Gcm>(key, nonce, body, aad),
        #[cfg(feature = "sm")]
        Cipher::Sm4 => seal_with::<Sm4Gcm>(key, nonce, body, aad),
    }
}

/// Checks `tag` over `body` (ciphertext) and `aad`, then decrypts `body` in place. On any
/// failure `body` is left as it was.
pub fn open(
    cipher: Cipher,
    key: &[u8],
    nonce: &[u8],
    body: &mut [u8],
    tag: &[u8],
    aad: &[u8],
) -> Result<(), GcmError> {
    match cipher {
        Cipher::Aes256 => open_with::<Aes256Gcm>(key, nonce, body, tag, aad),
        #[cfg(feature = "sm")]
        Cipher::Sm4 => open_with::<Sm4Gcm>(key, nonce, body, tag, aad),
    }
}

fn seal_with<C: KeyInit + AeadInOut>(
    key: &[u8],
    nonce: &[u8; NONCE_LEN],
    body: &mut [u8],
    aad: &[u8],
) -> Result<[u8; TAG_LEN], GcmError> {
    let cipher = C::new_from_slice(key).map_err(|_| GcmError::KeyLength)?;
    let n = Nonce::<C>::try_from(nonce.as_slice()).map_err(|_| GcmError::Length)?;
    let tag = cipher
        .encrypt_inout_detached(&n, aad, body.into())
        .map_err(|_| GcmError::TooLong)?;
    <[u8; TAG_LEN]>::try_from(tag.as_slice()).map_err(|_| GcmError::Length)
}

fn open_with<C: KeyInit + AeadInOut>(
    key: &[u8],
    nonce: &[u8],
    body: &mut [u8],
    tag: &[u8],
    aad: &[u8],
) -> Result<(), GcmError> {
    let cipher = C::new_from_slice(key).map_err(|_| GcmError::KeyLength)?;
    let n = Nonce::<C>::try_from(nonce).map_err(|_| GcmError::Length)?;
    let t = Tag::<C>::try_from(tag).map_err(|_| GcmError::Length)?;
    cipher
        .decrypt_inout_detached(&n, aad, body.into(), &t)
        .map_err(|_| GcmError::AuthFailed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_tamper_and_lengths() {
        let ciphers = [
            Cipher::Aes256,
            #[cfg(feature = "sm")]
            Cipher::Sm4,
        ];
        for c in ciphers {
            let key = [9u8; 32];
            let key = &key[..c.key_len()];
            let nonce = [3u8; 12];
            let mut body = [0x5au8; 100];
            let tag = seal(c, key, &nonce, &mut body, b"ctx").unwrap();
            let sealed = body;
            let mut bad_tag = tag;
            bad_tag[0] ^= 1;
            assert_eq!(
                open(c, key, &nonce, &mut body, &bad_tag, b"ctx"),
                Err(GcmError::AuthFailed)
            );
            assert_eq!(body, sealed, "no plaintext on failure");
            assert_eq!(
                open(c, key, &nonce, &mut body, &tag, b"other"),
                Err(GcmError::AuthFailed)
            );
            open(c, key, &nonce, &mut body, &tag, b"ctx").unwrap();
            assert_eq!(body, [0x5au8; 100]);
            assert_eq!(
                seal(c, &key[1..], &nonce, &mut body, b""),
                Err(GcmError::KeyLength)
            );
            assert_eq!(
                open(c, key, &nonce[1..], &mut body, &tag, b""),
                Err(GcmError::Length)
            );
            assert_eq!(
                open(c, key, &nonce, &mut body, &tag[1..], b""),
                Err(GcmError::Length)
            );
        }
    }
}
