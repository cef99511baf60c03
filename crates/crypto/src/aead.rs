//! AES-256-GCM under a 32-byte [`AeadKey`]: `nonce(12) ‖ ciphertext ‖ tag(16)` with a fresh
//! random nonce per message.
//!
//! Random 96-bit nonces are safe for up to 2³² messages per key (NIST SP 800-38D §8.3); a key
//! here protects one user's drafts or fields, far below that.

use crate::entropy::random_array;
use crate::{b64, gcm, CryptoError, Entropy};
use zeroize::Zeroizing;

/// Key length of [`AeadKey`] in bytes.
pub const AEAD_KEY_LEN: usize = 32;

/// An AES-256-GCM key. Wiped on drop; `Debug` never shows the bytes.
///
/// ```
/// use homecare_crypto::{aead_decrypt, aead_encrypt, AeadKey, PrefetchedEntropy};
/// let mut entropy = PrefetchedEntropy::new(vec![42; 12]); // from wx.getRandomValues in the app
/// let key = AeadKey::from_bytes(&[1u8; 32])?;
/// let sealed = aead_encrypt(&key, b"110101199003074518", Some(b"draft-7"), &mut entropy)?;
/// assert_eq!(sealed.len(), 12 + 18 + 16);
/// assert_eq!(aead_decrypt(&key, &sealed, Some(b"draft-7"))?, b"110101199003074518");
/// assert!(format!("{key:?}").contains("redacted"));
/// # Ok::<(), homecare_crypto::CryptoError>(())
/// ```
#[derive(Clone)]
pub struct AeadKey(Zeroizing<[u8; AEAD_KEY_LEN]>);

impl AeadKey {
    /// A new random key from `entropy` (32 bytes).
    pub fn generate(entropy: &mut dyn Entropy) -> Result<Self, CryptoError> {
        Ok(AeadKey(random_array::<AEAD_KEY_LEN>(entropy)?))
    }

    /// Imports exactly 32 raw key bytes; any other length is `crypto.key_length`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, CryptoError> {
        let mut key = Zeroizing::new([0u8; AEAD_KEY_LEN]);
        if bytes.len() != AEAD_KEY_LEN {
            return Err(CryptoError::KeyLength);
        }
        key.copy_from_slice(bytes);
        Ok(AeadKey(key))
    }

    /// The raw key bytes. The name is a warning: every copy outside this type is a copy that is
    /// not wiped for you (and a JS copy is never wiped). Wrap it, store it encrypted, or don't.
    pub fn export_raw_insecure(&self) -> Zeroizing<[u8; AEAD_KEY_LEN]> {
        self.0.clone()
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        self.0.as_slice()
    }
}

impl core::fmt::Debug for AeadKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("AeadKey(<redacted>)")
    }
}

/// Encrypts `plaintext` (AES-256-GCM) under a fresh 12-byte nonce from `entropy`, binding the
/// optional `aad`. Returns `nonce(12) ‖ ciphertext ‖ tag(16)`.
///
/// `None` and `Some(b"")` are the same AAD (GCM cannot tell them apart).
pub fn aead_encrypt(
    key: &AeadKey,
    plaintext: &[u8],
    aad: Option<&[u8]>,
    entropy: &mut dyn Entropy,
) -> Result<Vec<u8>, CryptoError> {
    gcm::seal(
        gcm::Cipher::Aes256,
        key.bytes(),
        plaintext,
        aad.unwrap_or_default(),
        entropy,
    )
}

/// Opens what [`aead_encrypt`] sealed. Shorter than 28 bytes → `crypto.truncated`; any other
/// problem (changed byte, wrong key or AAD) → `crypto.auth_failed`, never partial plaintext.
pub fn aead_decrypt(
    key: &AeadKey,
    sealed: &[u8],
    aad: Option<&[u8]>,
) -> Result<Vec<u8>, CryptoError> {
    gcm::open(
        gcm::Cipher::Aes256,
        key.bytes(),
        sealed,
        aad.unwrap_or_default(),
    )
}

/// [`aead_encrypt`] without a copy, for large messages and callers that own a buffer:
/// `sealed` is laid out as `nonce slot(12) ‖ plaintext ‖ tag slot(16)` (slots of any content,
/// [`SEAL_OVERHEAD`](crate::SEAL_OVERHEAD) bytes in all); on success it holds
/// `nonce ‖ ciphertext ‖ tag`. Shorter than 28 bytes → `crypto.truncated`. On an error the
/// plaintext is still there: wipe the buffer if it matters.
///
/// ```
/// use homecare_crypto::{aead_decrypt, aead_encrypt_in_place, AeadKey, PrefetchedEntropy};
/// let key = AeadKey::from_bytes(&[1u8; 32])?;
/// let mut sealed = [&[0u8; 12][..], b"13800138000", &[0u8; 16]].concat();
/// aead_encrypt_in_place(&key, &mut sealed, None, &mut PrefetchedEntropy::new(vec![7; 12]))?;
/// assert_eq!(aead_decrypt(&key, &sealed, None)?, b"13800138000");
/// # Ok::<(), homecare_crypto::CryptoError>(())
/// ```
pub fn aead_encrypt_in_place(
    key: &AeadKey,
    sealed: &mut [u8],
    aad: Option<&[u8]>,
    entropy: &mut dyn Entropy,
) -> Result<(), CryptoError> {
    gcm::seal_in_place(
        gcm::Cipher::Aes256,
        key.bytes(),
        sealed,
        aad.unwrap_or_default(),
        entropy,
    )
}

/// [`aead_decrypt`] without a copy: opens `nonce ‖ ciphertext ‖ tag` where it lies and returns
/// the plaintext (the middle of `sealed`). On any error `sealed` is unchanged.
pub fn aead_decrypt_in_place<'a>(
    key: &AeadKey,
    sealed: &'a mut [u8],
    aad: Option<&[u8]>,
) -> Result<&'a mut [u8], CryptoError> {
    gcm::open_in_place(
        gcm::Cipher::Aes256,
        key.bytes(),
        sealed,
        aad.unwrap_or_default(),
    )
}

/// [`aead_encrypt`] for text: UTF-8 in, unpadded base64url of the sealed bytes out.
///
/// ```
/// use homecare_crypto::{aead_decrypt_string, aead_encrypt_string, AeadKey, PrefetchedEntropy};
/// let key = AeadKey::from_bytes(&[9u8; 32])?;
/// let mut entropy = PrefetchedEntropy::new(vec![1; 12]);
/// let text = aead_encrypt_string(&key, "13800138000", None, &mut entropy)?;
/// assert_eq!(aead_decrypt_string(&key, &text, None)?, "13800138000");
/// # Ok::<(), homecare_crypto::CryptoError>(())
/// ```
pub fn aead_encrypt_string(
    key: &AeadKey,
    plaintext: &str,
    aad: Option<&[u8]>,
    entropy: &mut dyn Entropy,
) -> Result<String, CryptoError> {
    aead_encrypt(key, plaintext.as_bytes(), aad, entropy).map(|s| b64::encode(&s))
}

/// Opens what [`aead_encrypt_string`] produced: `crypto.base64` for malformed text,
/// `crypto.utf8` if the opened bytes are not text, otherwise as [`aead_decrypt`].
pub fn aead_decrypt_string(
    key: &AeadKey,
    sealed_b64url: &str,
    aad: Option<&[u8]>,
) -> Result<String, CryptoError> {
    let sealed = b64::decode(sealed_b64url).ok_or(CryptoError::Base64)?;
    let plain = aead_decrypt(key, &sealed, aad)?;
    String::from_utf8(plain).map_err(|e| {
        // Wipe the bytes before dropping them.
        drop(Zeroizing::new(e.into_bytes()));
        CryptoError::Utf8
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entropy::testing::{NoEntropy, TestEntropy};
    use proptest::prelude::*;

    fn key(b: u8) -> AeadKey {
        AeadKey::from_bytes(&[b; 32]).unwrap()
    }

    #[test]
    fn key_import_checks_length_and_export_round_trips() {
        assert_eq!(
            AeadKey::from_bytes(&[0; 31]).err(),
            Some(CryptoError::KeyLength)
        );
        assert_eq!(
            AeadKey::from_bytes(&[0; 33]).err(),
            Some(CryptoError::KeyLength)
        );
        let k = AeadKey::generate(&mut TestEntropy::new(3)).unwrap();
        let raw = k.export_raw_insecure();
        assert_eq!(
            AeadKey::from_bytes(raw.as_slice()).unwrap().bytes(),
            k.bytes()
        );
        assert_eq!(
            AeadKey::generate(&mut NoEntropy).err(),
            Some(CryptoError::EntropyUnavailable)
        );
    }

    #[test]
    fn debug_and_errors_never_show_key_or_plaintext() {
        let k = AeadKey::from_bytes(&[0xAB; 32]).unwrap();
        let dbg = format!("{k:?}");
        assert!(
            !dbg.contains("171") && !dbg.to_lowercase().contains("ab"),
            "{dbg}"
        );
        let sealed = aead_encrypt(&k, b"SECRET-110101", None, &mut TestEntropy::new(1)).unwrap();
        let err = aead_decrypt(&key(1), &sealed, None).unwrap_err();
        for shown in [format!("{err:?}"), format!("{err}")] {
            assert!(
                !shown.contains("SECRET") && !shown.contains("171"),
                "{shown}"
            );
        }
    }

    #[test]
    fn truncated_and_wrong_aad() {
        let k = key(5);
        let sealed = aead_encrypt(&k, b"", Some(b"a"), &mut TestEntropy::new(1)).unwrap();
        assert_eq!(sealed.len(), 28);
        assert_eq!(aead_decrypt(&k, &sealed, Some(b"a")).unwrap(), b"");
        assert_eq!(
            aead_decrypt(&k, &sealed[..27], Some(b"a")),
            Err(CryptoError::Truncated)
        );
        assert_eq!(
            aead_decrypt(&k, &sealed, Some(b"b")),
            Err(CryptoError::AuthFailed)
        );
        assert_eq!(
            aead_decrypt(&k, &sealed, None),
            Err(CryptoError::AuthFailed)
        );
        assert_eq!(
            aead_encrypt(&k, b"x", None, &mut NoEntropy),
            Err(CryptoError::EntropyUnavailable)
        );
    }

    #[test]
    fn string_helpers_report_base64_and_utf8() {
        let k = key(2);
        assert_eq!(
            aead_decrypt_string(&k, "***", None),
            Err(CryptoError::Base64)
        );
        let bin = aead_encrypt(&k, &[0xff, 0xfe], None, &mut TestEntropy::new(1)).unwrap();
        assert_eq!(
            aead_decrypt_string(&k, &b64::encode(&bin), None),
            Err(CryptoError::Utf8)
        );
        let s =
            aead_encrypt_string(&k, "张三 13800138000", None, &mut TestEntropy::new(2)).unwrap();
        assert!(s
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
        assert_eq!(
            aead_decrypt_string(&k, &s, None).unwrap(),
            "张三 13800138000"
        );
    }

    #[test]
    fn in_place_matches_the_vec_functions() {
        let k = key(4);
        let pt = b"110101199003074518".to_vec();
        let mut sealed = [vec![0xEE; 12], pt.clone(), vec![0xEE; 16]].concat();
        aead_encrypt_in_place(&k, &mut sealed, Some(b"a"), &mut TestEntropy::new(5)).unwrap();
        assert_eq!(
            sealed,
            aead_encrypt(&k, &pt, Some(b"a"), &mut TestEntropy::new(5)).unwrap()
        );
        let mut tampered = sealed.clone();
        tampered[13] ^= 1;
        let before = tampered.clone();
        assert_eq!(
            aead_decrypt_in_place(&k, &mut tampered, Some(b"a")),
            Err(CryptoError::AuthFailed)
        );
        assert_eq!(tampered, before, "a failed open leaves the buffer alone");
        assert_eq!(
            aead_decrypt_in_place(&k, &mut sealed, Some(b"a")).unwrap(),
            &pt[..]
        );
        assert_eq!(
            aead_encrypt_in_place(&k, &mut [0; 27], None, &mut TestEntropy::new(1)),
            Err(CryptoError::Truncated)
        );
        assert_eq!(
            aead_decrypt_in_place(&k, &mut [0; 27], None),
            Err(CryptoError::Truncated)
        );
        let mut empty = [0u8; 28];
        aead_encrypt_in_place(&k, &mut empty, None, &mut TestEntropy::new(1)).unwrap();
        assert!(aead_decrypt_in_place(&k, &mut empty, None)
            .unwrap()
            .is_empty());
    }

    proptest! {
        #[test]
        fn round_trip(pt in proptest::collection::vec(any::<u8>(), 0..300),
                      aad in proptest::collection::vec(any::<u8>(), 0..40),
                      seed in any::<u64>()) {
            let k = AeadKey::generate(&mut TestEntropy::new(seed)).unwrap();
            let sealed = aead_encrypt(&k, &pt, Some(&aad), &mut TestEntropy::new(seed ^ 1)).unwrap();
            prop_assert_eq!(sealed.len(), pt.len() + 28);
            prop_assert_eq!(aead_decrypt(&k, &sealed, Some(&aad)).unwrap(), pt);
        }

        #[test]
        fn any_flipped_bit_or_truncation_is_rejected(
            pt in proptest::collection::vec(any::<u8>(), 0..100),
            bit in any::<usize>(),
            cut in any::<usize>()) {
            let k = key(7);
            let sealed = aead_encrypt(&k, &pt, Some(b"ctx"), &mut TestEntropy::new(9)).unwrap();
            let mut flipped = sealed.clone();
            let i = bit % (flipped.len() * 8);
            flipped[i / 8] ^= 1 << (i % 8);
            prop_assert_eq!(aead_decrypt(&k, &flipped, Some(b"ctx")), Err(CryptoError::AuthFailed));
            let short = &sealed[..cut % sealed.len()];
            let r = aead_decrypt(&k, short, Some(b"ctx"));
            prop_assert!(r == Err(CryptoError::AuthFailed) || r == Err(CryptoError::Truncated));
            prop_assert_eq!(r.is_err(), true);
        }

        #[test]
        fn nonces_differ(pt in proptest::collection::vec(any::<u8>(), 0..32), seed in any::<u64>()) {
            let k = key(3);
            let mut e = TestEntropy::new(seed);
            let a = aead_encrypt(&k, &pt, None, &mut e).unwrap();
            let b = aead_encrypt(&k, &pt, None, &mut e).unwrap();
            prop_assert_ne!(&a[..12], &b[..12]);
            prop_assert_ne!(a, b);
        }
    }
}
