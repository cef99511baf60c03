//! Schema-driven form validation and the message catalog.
//!
//! The catalog turns a stable error `code` plus its `params` into text for a locale, so apps
//! can change wording without touching the rules that emit codes.
//!
//! ```
//! use homecare_forms::{render_message, Locale};
//! let text = render_message("arg.invalid_type", &[("expected", "string")], Locale::En);
//! assert_eq!(text, "Expected a string here.");
//! ```
#![forbid(unsafe_code)]

mod locale;
mod messages;

pub use locale::Locale;
pub use messages::{catalog_codes, render_message};
