//! PriceEngine::from_json on arbitrary text: a config is either rejected with problems or
//! compiled, never a panic.
#![no_main]

use homecare_pricing::PriceEngine;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = PriceEngine::from_json(text);
    }
});
