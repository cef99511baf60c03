//! Panic reporting.
//!
//! Domain crates deny every panicking construct, so a panic is a bug. In debug builds the hook
//! logs the panic message to `console.error` before the trap, so the bug report says where it
//! happened; release builds skip it, because the formatting machinery costs kilobytes of wasm.

#[cfg(all(debug_assertions, target_arch = "wasm32"))]
mod imp {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = console, js_name = error)]
        fn console_error(message: &str);
    }

    pub fn install() {
        std::panic::set_hook(Box::new(|info| {
            console_error(&format!("homecare: internal error (panic): {info}"));
        }));
    }
}

#[cfg(not(all(debug_assertions, target_arch = "wasm32")))]
mod imp {
    pub fn install() {}
}

pub use imp::install;
