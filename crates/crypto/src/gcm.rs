//! GCM sealing shared by AES-256-GCM and SM4-GCM: one layout, `nonce(12) ‖ ciphertext ‖ tag(16)`.
//!
//! The work happens in place in one buffer of that layout ([`seal_in_place`],
//! [`open_in_place`]): no copy of the message is made here, which matters in wasm, where every
//! bulk copy is a byte loop (the strict-MVP build lowers `memory.copy`). The `Vec` functions
//! build the layout once and call them. The cipher itself is `homecare-gcm` (its own crate so
//! that it alone is compiled at `opt-level = 3`).
//!
//! Tag verification is the `aes-gcm` crate's (constant time); on failure it returns no
//! plaintext at all (the buffer is left as it was).

use crate::entropy::random_array;
use crate::{CryptoError, Entropy};
pub(crate) use homecare_gcm::Cipher;
use homecare_gcm::GcmError;

/// Nonce length in bytes (96 bits, the only GCM nonce size this crate emits or accepts).
pub const NONCE_LEN: usize = homecare_gcm::NONCE_LEN;
/// Tag length in bytes (128 bits).
pub const TAG_LEN: usize = homecare_gcm::TAG_LEN;
/// Bytes a sealed message adds to its plaintext: the nonce in front, the tag behind.
pub const SEAL_OVERHEAD: usize = NONCE_LEN + TAG_LEN;

/// Splits `nonce(12) ‖ body ‖ tag(16)`; `None` when shorter than the overhead.
fn split(sealed: &mut [u8]) -> Option<(&mut [u8], &mut [u8], &mut [u8])> {
    let body_len = sealed.len().checked_sub(SEAL_OVERHEAD)?;
    let (nonce, rest) = sealed.split_at_mut(NONCE_LEN);
    let (body, tag) = rest.split_at_mut(body_len);
    Some((nonce, body, tag))
}

/// `crypto.key_length` unless `key` fits `cipher`.
fn check_key(cipher: Cipher, key: &[u8]) -> Result<(), CryptoError> {
    if key.len() == cipher.key_len() {
        Ok(())
    } else {
        Err(CryptoError::KeyLength)
    }
}

/// The crate's error for a `homecare-gcm` one.
pub(crate) fn from_gcm(e: GcmError) -> CryptoError {
    match e {
        GcmError::KeyLength => CryptoError::KeyLength,
        GcmError::Length => CryptoError::Truncated,
        GcmError::TooLong => CryptoError::TooLong,
        GcmError::AuthFailed => CryptoError::AuthFailed,
    }
}

/// Seals in place under the given nonce: `sealed` is `nonce slot(12) ‖ plaintext ‖ tag
/// slot(16)`; the nonce is written in front, the plaintext becomes ciphertext, the tag goes
/// behind. Callers draw the nonce from entropy; tests use it for known-answer vectors.
fn seal_in_place_with_nonce(
    cipher: Cipher,
    key: &[u8],
    nonce: &[u8; NONCE_LEN],
    sealed: &mut [u8],
    aad: &[u8],
) -> Result<(), CryptoError> {
    let (nonce_slot, body, tag_slot) = split(sealed).ok_or(CryptoError::Truncated)?;
    let tag = homecare_gcm::seal(cipher, key, nonce, body, aad).map_err(from_gcm)?;
    nonce_slot.copy_from_slice(nonce);
    tag_slot.copy_from_slice(&tag);
    Ok(())
}

/// [`seal_in_place_with_nonce`] under a fresh random nonce drawn from `entropy`. A buffer
/// shorter than the 28 bytes of nonce and tag is `crypto.truncated`.
pub(crate) fn seal_in_place(
    cipher: Cipher,
    key: &[u8],
    sealed: &mut [u8],
    aad: &[u8],
    entropy: &mut dyn Entropy,
) -> Result<(), CryptoError> {
    // Check the key and the buffer before spending entropy on them.
    check_key(cipher, key)?;
    if sealed.len() < SEAL_OVERHEAD {
        return Err(CryptoError::Truncated);
    }
    let nonce = random_array::<NONCE_LEN>(entropy)?;
    seal_in_place_with_nonce(cipher, key, &nonce, sealed, aad)
}

/// Opens `nonce ‖ ciphertext ‖ tag` in place and returns the plaintext, the middle of
/// `sealed`. Any change to any byte, or a different key or AAD, gives `crypto.auth_failed`
/// and leaves `sealed` unchanged (no plaintext).
pub(crate) fn open_in_place<'a>(
    cipher: Cipher,
    key: &[u8],
    sealed: &'a mut [u8],
    aad: &[u8],
) -> Result<&'a mut [u8], CryptoError> {
    check_key(cipher, key)?;
    let (nonce, body, tag) = split(sealed).ok_or(CryptoError::Truncated)?;
    homecare_gcm::open(cipher, key, nonce, body, tag, aad).map_err(from_gcm)?;
    Ok(body)
}

/// `nonce slot ‖ plaintext ‖ tag slot`, ready for [`seal_in_place`].
fn layout(plaintext: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let len = plaintext
        .len()
        .checked_add(SEAL_OVERHEAD)
        .ok_or(CryptoError::TooLong)?;
    let mut out = Vec::with_capacity(len);
    out.extend_from_slice(&[0; NONCE_LEN]);
    out.extend_from_slice(plaintext);
    out.extend_from_slice(&[0; TAG_LEN]);
    Ok(out)
}

/// Encrypts with an explicit nonce; returns `nonce ‖ ciphertext ‖ tag` (known-answer tests).
#[cfg(test)]
pub(crate) fn seal_with_nonce(
    cipher: Cipher,
    key: &[u8],
    nonce: &[u8; NONCE_LEN],
    plaintext: &[u8],
    aad: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    check_key(cipher, key)?;
    let mut out = layout(plaintext)?;
    seal_in_place_with_nonce(cipher, key, nonce, &mut out, aad)?;
    Ok(out)
}

/// Encrypts under a fresh random nonce drawn from `entropy`.
pub(crate) fn seal(
    cipher: Cipher,
    key: &[u8],
    plaintext: &[u8],
    aad: &[u8],
    entropy: &mut dyn Entropy,
) -> Result<Vec<u8>, CryptoError> {
    // Check the key before copying the plaintext or spending entropy.
    check_key(cipher, key)?;
    let nonce = random_array::<NONCE_LEN>(entropy)?;
    let mut out = zeroize::Zeroizing::new(layout(plaintext)?);
    seal_in_place_with_nonce(cipher, key, &nonce, &mut out, aad)?;
    // Sealed: the buffer holds only ciphertext now, nothing left to wipe.
    Ok(core::mem::take(&mut *out))
}

/// Opens `nonce ‖ ciphertext ‖ tag`. Any change to any byte, or a different key or AAD, gives
/// `crypto.auth_failed` and no plaintext.
pub(crate) fn open(
    cipher: Cipher,
    key: &[u8],
    sealed: &[u8],
    aad: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    check_key(cipher, key)?;
    let body_len = sealed
        .len()
        .checked_sub(SEAL_OVERHEAD)
        .ok_or(CryptoError::Truncated)?;
    let (nonce, rest) = sealed.split_at(NONCE_LEN);
    // One copy: body and tag; the body is decrypted where it lies and the tag cut off.
    let mut buf = rest.to_vec();
    let (body, tag) = buf.split_at_mut(body_len);
    homecare_gcm::open(cipher, key, nonce, body, tag, aad).map_err(from_gcm)?;
    buf.truncate(body_len);
    Ok(buf)
}
