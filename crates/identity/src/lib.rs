//! Chinese identity documents, contact data and desensitization.
//!
//! Plain Rust with no clock and no global state: the date a check is made "as of" is an
//! argument. The parsers, validators and masking rules land with the identity issue.
//!
//! ```
//! assert_eq!(homecare_identity::CRATE, "homecare-identity");
//! ```
#![forbid(unsafe_code)]

/// The crate's name, used by the wasm layer's self-check to prove the crate is linked.
pub const CRATE: &str = "homecare-identity";
