//! `homecare-wasm`: the only crate that knows about JavaScript.
//!
//! Every export returns a value, an error *result* (`{ ok: false, errors }`) for problems with
//! user input, or throws a `HomecareError` (a JS `Error` with `name = "HomecareError"` and a
//! stable `code`) for API misuse. Nothing here may panic: on wasm32 a panic is a trap that
//! poisons the instance for the rest of the page's life.
#![forbid(unsafe_code)]

mod bench_boundary;
mod crypto;
#[cfg(feature = "sm")]
mod crypto_sm;
#[cfg(feature = "drafts")]
mod drafts;
#[cfg(feature = "drafts")]
mod drafts_storage;
mod entropy;
mod error;
mod forms;
mod identity;
mod interop;
mod json_check;
mod messages;
mod panic_hook;
#[cfg(feature = "pricing")]
mod pricing;
mod scratch;
mod self_test;
mod version;

pub use entropy::random_uuid;
pub use self_test::self_test;
pub use version::version;

use wasm_bindgen::prelude::wasm_bindgen;

/// Runs once when the module is instantiated (not exported to JS).
#[wasm_bindgen(start)]
fn start() {
    panic_hook::install();
}
