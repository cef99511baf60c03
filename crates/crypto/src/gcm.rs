//! GCM sealing shared by AES-256-GCM and SM4-GCM: one layout, `nonce(12) ‖ ciphertext ‖ tag(16)`.
//!
//! Tag verification is the `aes-gcm` crate's (constant time); on failure it returns no
//! plaintext at all.

use crate::entropy::random_array;
use crate::{CryptoError, Entropy};
use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{AeadCore, KeyInit, Nonce};

/// Nonce length in bytes (96 bits, the only GCM nonce size this crate emits or accepts).
pub const NONCE_LEN: usize = 12;
/// Tag length in bytes (128 bits).
pub const TAG_LEN: usize = 16;

/// Encrypts with an explicit nonce; returns `nonce ‖ ciphertext ‖ tag`. Callers draw the nonce
/// from entropy; tests use it for known-answer vectors.
pub(crate) fn seal_with_nonce<C>(
    key: &[u8],
    nonce: &[u8; NONCE_LEN],
    plaintext: &[u8],
    aad: &[u8],
) -> Result<Vec<u8>, CryptoError>
where
    C: KeyInit + Aead + AeadCore,
{
    let cipher = C::new_from_slice(key).map_err(|_| CryptoError::KeyLength)?;
    let n = Nonce::<C::NonceSize>::try_from(nonce.as_slice()).map_err(|_| CryptoError::TooLong)?;
    let body = cipher
        .encrypt(
            &n,
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .map_err(|_| CryptoError::TooLong)?;
    let mut out = Vec::with_capacity(NONCE_LEN.saturating_add(body.len()));
    out.extend_from_slice(nonce);
    out.extend_from_slice(&body);
    Ok(out)
}

/// Encrypts under a fresh random nonce drawn from `entropy`.
pub(crate) fn seal<C>(
    key: &[u8],
    plaintext: &[u8],
    aad: &[u8],
    entropy: &mut dyn Entropy,
) -> Result<Vec<u8>, CryptoError>
where
    C: KeyInit + Aead + AeadCore,
{
    // Check the key before spending entropy on it.
    C::new_from_slice(key).map_err(|_| CryptoError::KeyLength)?;
    let nonce = random_array::<NONCE_LEN>(entropy)?;
    seal_with_nonce::<C>(key, &nonce, plaintext, aad)
}

/// Opens `nonce ‖ ciphertext ‖ tag`. Any change to any byte, or a different key or AAD, gives
/// `crypto.auth_failed` and no plaintext.
pub(crate) fn open<C>(key: &[u8], sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>, CryptoError>
where
    C: KeyInit + Aead + AeadCore,
{
    let cipher = C::new_from_slice(key).map_err(|_| CryptoError::KeyLength)?;
    if sealed.len() < NONCE_LEN + TAG_LEN {
        return Err(CryptoError::Truncated);
    }
    let (nonce, body) = sealed.split_at(NONCE_LEN);
    let n = Nonce::<C::NonceSize>::try_from(nonce).map_err(|_| CryptoError::Truncated)?;
    cipher
        .decrypt(&n, Payload { msg: body, aad })
        .map_err(|_| CryptoError::AuthFailed)
}
