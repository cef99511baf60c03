//! Client-side encryption for homecare: AEAD, the JWE envelope to the backend, SM2/SM4 and the
//! one entropy interface. Primitives come from RustCrypto; this crate only composes them.
//!
//! ```
//! assert_eq!(homecare_crypto::CRATE, "homecare-crypto");
//! ```
#![forbid(unsafe_code)]

/// The crate's name, used by the wasm layer's self-check to prove the crate is linked.
pub const CRATE: &str = "homecare-crypto";
