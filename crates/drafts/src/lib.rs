//! Offline drafts that are never lost, and the outbox for submissions made offline.
//!
//! ```
//! assert_eq!(homecare_drafts::CRATE, "homecare-drafts");
//! ```
#![forbid(unsafe_code)]

/// The crate's name, used by the wasm layer's self-check to prove the crate is linked.
pub const CRATE: &str = "homecare-drafts";
