//! What every homecare crate shares, and nothing else: the [`Problem`] shape of an error
//! (stable dotted `code`, `path`, `params`), [`Locale`], and message [`Catalog`] rendering.
//!
//! Each domain crate owns a `MESSAGES` table for the codes it emits; the wasm layer renders
//! them through one [`Catalog`].
//!
//! ```
//! use homecare_core::{Catalog, Locale, Problem};
//! const MESSAGES: &[(&str, &str, &str)] = &[
//!     ("id.length", "证件号码应为{expected}位，请核对。", "The number should have {expected} characters."),
//! ];
//! let p = Problem::new("idNumber", "id.length").int("expected", 18);
//! let catalog = Catalog::new(&[MESSAGES]);
//! assert_eq!(catalog.render(&p, Locale::ZhCn), "证件号码应为18位，请核对。");
//! ```
#![forbid(unsafe_code)]

mod calendar;
mod catalog;
mod decimal;
mod locale;
mod problem;

pub use calendar::{days_in_month, is_leap_year};
pub use catalog::{catalog_check, param_names, substitute, Catalog, MessageTable};
pub use decimal::{push_i64, push_u64};
pub use locale::Locale;
pub use problem::{Param, Problem};
