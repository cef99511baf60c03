//! Client-side encryption for homecare: AEAD, the JWE envelope to the backend, SM2/SM4 and the
//! one entropy interface. Primitives come from RustCrypto; this crate only composes them.
//!
//! - [`AeadKey`], [`aead_encrypt`], [`aead_decrypt`]: AES-256-GCM, `nonce ‖ ciphertext ‖ tag`.
//! - [`seal_fields`], [`open_fields`]: encrypt selected JSON fields in place (`"hc1.…"`).
//! - [`jwe_encrypt`], [`jwe_decrypt`], [`generate_ec_key_pair`]: compact JWE
//!   `ECDH-ES(+A256KW)` / `A256GCM` on P-256 for a Java (Nimbus) or Node (`jose`) backend.
//! - feature `sm` (default): [`sm4_gcm_encrypt`], [`sm2_encrypt`], [`sm3()`], [`hmac_sm3`].
//!
//! Randomness comes only through [`Entropy`]; the crate never calls an OS RNG. Errors are
//! [`CryptoError`] codes, with messages in [`MESSAGES`]; no error or `Debug` output contains
//! key or plaintext bytes.
//!
//! ```
//! use homecare_crypto::{aead_decrypt, aead_encrypt, AeadKey, PrefetchedEntropy};
//! let mut entropy = PrefetchedEntropy::new(vec![0x5a; 44]); // the host's random bytes
//! let key = AeadKey::generate(&mut entropy)?;
//! let sealed = aead_encrypt(&key, "身份证号".as_bytes(), None, &mut entropy)?;
//! assert_eq!(aead_decrypt(&key, &sealed, None)?, "身份证号".as_bytes());
//! # Ok::<(), homecare_crypto::CryptoError>(())
//! ```
#![forbid(unsafe_code)]

mod aead;
mod b64;
mod canonical;
mod entropy;
mod error;
mod fields;
mod gcm;
mod jwe;
mod jwk;
mod kdf;
mod messages;
#[cfg(feature = "sm")]
mod sm;
#[cfg(test)]
mod vectors;
#[cfg(test)]
mod wycheproof_tests;

pub use aead::{
    aead_decrypt, aead_decrypt_in_place, aead_decrypt_string, aead_encrypt, aead_encrypt_in_place,
    aead_encrypt_string, AeadKey, AEAD_KEY_LEN,
};
pub use canonical::canonical_json;
pub use entropy::{Entropy, PrefetchedEntropy};
pub use error::CryptoError;
pub use fields::{open_fields, seal_fields, SEALED_PREFIX};
pub use gcm::{NONCE_LEN, SEAL_OVERHEAD, TAG_LEN};
pub use jwe::{
    jwe_decrypt, jwe_encrypt, jwe_encrypt_json, JweAlg, JweDecrypted, JweOptions, JWE_ENC,
    RESERVED_HEADERS,
};
pub use jwk::{generate_ec_key_pair, EcKeyPair, EcPrivateJwk, EcPublicJwk};
pub use messages::MESSAGES;
#[cfg(feature = "sm")]
pub use sm::{
    hmac_sm3, sm2_decrypt, sm2_encrypt, sm3, sm4_gcm_decrypt, sm4_gcm_decrypt_in_place,
    sm4_gcm_encrypt, sm4_gcm_encrypt_in_place, Sm2PointFormat, Sm2PrivateKey, Sm2PublicKey,
    SM4_KEY_LEN,
};
pub use zeroize::Zeroizing;

/// The crate's name, used by the wasm layer's self-check to prove the crate is linked.
pub const CRATE: &str = "homecare-crypto";
