//! engine.quote_json on arbitrary order text against the test fixture config: never a panic,
//! and every quote's JSON parses back.
#![no_main]

use homecare_pricing::{PriceEngine, PriceOptions};
use libfuzzer_sys::fuzz_target;

const CONFIG: &str = include_str!("../../crates/pricing/tests/fixtures/basic-config.json");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(engine) = PriceEngine::from_json(CONFIG) else {
        return;
    };
    if let Ok(quote) = engine.quote_json(text, &PriceOptions::default()) {
        assert!(serde_json::from_str::<serde_json::Value>(&quote).is_ok());
    }
});
