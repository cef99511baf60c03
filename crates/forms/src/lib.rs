//! Schema-driven form validation for homecare: the schema engine, the app's built-in forms and
//! their messages. It may use `homecare-identity` for document, phone and name fields.
//!
//! ```
//! assert_eq!(homecare_forms::CRATE, "homecare-forms");
//! ```
#![forbid(unsafe_code)]

/// The crate's name, used by the wasm layer's self-check to prove the crate is linked.
pub const CRATE: &str = "homecare-forms";
