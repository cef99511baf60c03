//! `version()`.

use wasm_bindgen::prelude::wasm_bindgen;

/// The package version, equal to the `version` of `@homecare/core` and of every crate.
///
/// ```
/// assert_eq!(homecare_wasm::version(), env!("CARGO_PKG_VERSION"));
/// ```
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
