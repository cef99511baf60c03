//! Price calculation in integer fen: quotes, payment plans, discounts, insurance estimates and
//! refunds. Every rounding rule is written down where it is applied.
//!
//! ```
//! assert_eq!(homecare_pricing::CRATE, "homecare-pricing");
//! ```
#![forbid(unsafe_code)]

/// The crate's name, used by the wasm layer's self-check to prove the crate is linked.
pub const CRATE: &str = "homecare-pricing";
