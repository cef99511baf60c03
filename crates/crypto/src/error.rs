//! The one error type of this crate: a stable code, nothing secret.
//!
//! Variants carry no data on purpose: an error must never be able to echo a key, a nonce or a
//! plaintext back to a log. Where a location matters (sealed JSON fields) the caller gets a
//! [`homecare_core::Problem`] whose `path` says where.

use core::fmt;
use homecare_core::Problem;

macro_rules! crypto_errors {
    ($($(#[doc = $doc:literal])* $variant:ident => $code:literal,)*) => {
        /// What went wrong, as a stable dotted code (see [`CryptoError::code`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum CryptoError {
            $($(#[doc = $doc])* $variant,)*
        }

        impl CryptoError {
            /// Every error this crate can return, in code order; the message table is checked
            /// against this list.
            pub const ALL: &'static [CryptoError] = &[$(CryptoError::$variant,)*];

            /// The stable code, e.g. `crypto.auth_failed`.
            ///
            /// ```
            /// assert_eq!(homecare_crypto::CryptoError::AuthFailed.code(), "crypto.auth_failed");
            /// ```
            pub const fn code(self) -> &'static str {
                match self {
                    $(CryptoError::$variant => $code,)*
                }
            }
        }
    };
}

crypto_errors! {
    /// Decryption failed: wrong key, wrong associated data, or the data was changed.
    AuthFailed => "crypto.auth_failed",
    /// Text that should be base64url (RFC 4648 §5, no padding) is not.
    Base64 => "crypto.base64",
    /// A key has the wrong length (AES-256 and the sealing key need 32 bytes, SM4 16).
    KeyLength => "crypto.key_length",
    /// The input is too long for the cipher (beyond the AES-GCM / SM4-GCM limits).
    TooLong => "crypto.too_long",
    /// A sealed blob is shorter than nonce + tag.
    Truncated => "crypto.truncated",
    /// Decrypted text that should be UTF-8 is not.
    Utf8 => "crypto.utf8",
    /// The entropy source could not deliver random bytes; nothing was encrypted.
    EntropyUnavailable => "entropy.unavailable",
    /// A sealed field path is not of the form `name`, `a.b`, `list[*].name`, `list[0].name`.
    FieldPathSyntax => "fields.path_syntax",
    /// A field path goes through a value of the wrong kind (e.g. `[*]` on an object).
    FieldShape => "fields.shape_mismatch",
    /// A value that should be a sealed field (`hc1.` + base64url) is not.
    FieldNotSealed => "fields.not_sealed",
    /// An opened sealed field does not contain JSON (it was not made by `seal_fields`).
    FieldJson => "fields.json",
    /// The GCM tag of a JWE does not verify: wrong key, or the token was changed.
    JweAuthFailed => "jwe.auth_failed",
    /// A JWE part is not valid base64url.
    JweBase64 => "jwe.base64",
    /// The JWE lists `crit` header parameters this implementation does not understand.
    JweCritUnsupported => "jwe.crit_unsupported",
    /// The `encrypted_key` part has the wrong length for the `alg` (empty for `ECDH-ES`,
    /// 40 bytes for `ECDH-ES+A256KW`).
    JweEncryptedKey => "jwe.encrypted_key",
    /// The ephemeral public key `epk` is missing, malformed, not P-256, or not on the curve.
    JweEpkInvalid => "jwe.epk_invalid",
    /// The protected header is not a JSON object, or a member has the wrong type.
    JweHeaderInvalid => "jwe.header_invalid",
    /// Extra protected headers try to set a member this crate owns (`alg`, `enc`, `epk`, ...).
    JweHeaderReserved => "jwe.header_reserved",
    /// The IV is not 12 bytes.
    JweIvLength => "jwe.iv_length",
    /// A JWK is not valid JSON, not an EC P-256 key, or its coordinates are not on the curve.
    JweJwkInvalid => "jwe.jwk_invalid",
    /// The token's `kid` differs from the private key's `kid` (key rotation: wrong key).
    JweKidMismatch => "jwe.kid_mismatch",
    /// Not a compact JWE: it needs exactly five dot-separated parts.
    JweMalformed => "jwe.malformed",
    /// The tag is not 16 bytes.
    JweTagLength => "jwe.tag_length",
    /// `alg` is not `ECDH-ES` or `ECDH-ES+A256KW`.
    JweUnsupportedAlg => "jwe.unsupported_alg",
    /// `enc` is not `A256GCM`.
    JweUnsupportedEnc => "jwe.unsupported_enc",
    /// AES key unwrap failed its integrity check: wrong key, or the token was changed.
    JweUnwrapFailed => "jwe.unwrap_failed",
    /// The token asks for compression (`zip`), which this envelope never uses (RFC 8725 §3.6).
    JweZipUnsupported => "jwe.zip_unsupported",
    /// An SM2 ciphertext is too short or its point C1 is not on the curve.
    Sm2CiphertextMalformed => "sm2.ciphertext_malformed",
    /// SM2 decryption failed its C3 check: wrong key, or the data was changed.
    Sm2DecryptFailed => "sm2.decrypt_failed",
    /// SM2 cannot encrypt an empty message.
    Sm2EmptyPlaintext => "sm2.empty_plaintext",
    /// An SM2 key is malformed or not on the curve.
    Sm2KeyInvalid => "sm2.key_invalid",
}

impl CryptoError {
    /// This error as the shared problem shape, located at `path` (`""` for the whole input).
    ///
    /// ```
    /// use homecare_crypto::CryptoError;
    /// let p = CryptoError::Truncated.problem("idNumber");
    /// assert_eq!((p.path.as_str(), p.code), ("idNumber", "crypto.truncated"));
    /// ```
    pub fn problem(self, path: impl Into<String>) -> Problem {
        Problem::new(path, self.code())
    }
}

impl fmt::Display for CryptoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl core::error::Error for CryptoError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_dotted() {
        let mut codes: Vec<&str> = CryptoError::ALL.iter().map(|e| e.code()).collect();
        assert!(codes.iter().all(|c| c.contains('.') && c.is_ascii()));
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), n);
    }

    #[test]
    fn display_and_debug_carry_nothing_but_the_name() {
        for e in CryptoError::ALL {
            assert_eq!(e.to_string(), e.code());
            let dbg = format!("{e:?}");
            assert!(dbg.chars().all(|c| c.is_ascii_alphanumeric()), "{dbg}");
        }
    }
}
