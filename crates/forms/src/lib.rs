//! Schema-driven form validation for homecare: the schema engine, the app's built-in forms and
//! their messages.
//!
//! - A schema is data (JSON, the same format the backend can ship); the built-in forms are
//!   compiled in and more (or newer versions) load at run time with
//!   [`Registry::register_schema`], checked on load with path + code errors.
//! - [`validate_form`] reports every problem at once, each with a path
//!   (`emergencyContacts[1].mobile`) and a stable code; cross-field rules always run; `value`
//!   is the normalised data to submit.
//! - [`validate_field`] is the live check for one field; [`validate_form_json`] takes JSON
//!   text and enforces depth and size limits before parsing.
//! - Identity fields (ID numbers, phones, names …) are checked through [`IdentityRules`],
//!   implemented over `homecare-identity` by [`HomecareIdentity`], which [`Registry::new`]
//!   uses.
//! - [`MESSAGES`] holds zh-CN and en text for every code; [`MessageOverrides`] lets an app
//!   reword them.
//!
//! ```
//! use homecare_forms::{validate_form, Date, Options, Registry};
//! let reg = Registry::new();
//! let opts = Options::new(Date::new(2026, 11, 30).unwrap());
//! let data = serde_json::json!({
//!     "professional": 5, "attitude": "５", "environment": 4,
//!     "text": " 很专业 ", "images": ["img1", "img1"]
//! });
//! let r = validate_form(&reg, "order.evaluation", &data, &opts).unwrap();
//! assert!(!r.ok);
//! assert_eq!(r.errors[0].path, "images[1]");
//! assert_eq!(r.errors[0].code, "array.duplicate");
//! ```
#![forbid(unsafe_code)]

mod date;
mod identity;
mod identity_rules;
mod limits;
mod messages;
mod node;
mod number;
mod options;
mod overrides;
mod registry;
mod result;
mod rules;
pub mod schema;
mod schema_parse;
mod text;
mod validate;

pub use date::{Date, DateError, DateTime, Time};
pub use identity::{IdValue, IdentityRules, Sex};
pub use identity_rules::HomecareIdentity;
pub use limits::{prescan_json, Limits};
pub use messages::MESSAGES;
pub use number::Dec;
pub use options::{Mode, Options};
pub use overrides::MessageOverrides;
pub use registry::{builtin_errors, Registry, BUILTIN_SCHEMAS};
pub use result::{
    problem_json, problems_json, push_json_string, push_value_json, validate_field,
    validate_field_json, FormResult,
};
pub use schema::Schema;
pub use schema_parse::{parse_schema, schema_from_value, MAX_SCHEMA_DEPTH};
pub use text::{normalize_text, CharSet};
pub use validate::{validate_form, validate_form_json, validate_form_text, FormJson};

/// The crate's name, used by the wasm layer's self-check to prove the crate is linked.
pub const CRATE: &str = "homecare-forms";
