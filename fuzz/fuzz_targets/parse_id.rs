//! parse_id_number on arbitrary UTF-8: must never panic, and every success must be
//! ASCII and re-parse to the same value.
#![no_main]

use homecare_identity::{parse_id_number, Date, ParseOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let Some(as_of) = Date::new(2026, 1, 1) else {
        return;
    };
    let options = ParseOptions::new(as_of);
    if let Ok(parsed) = parse_id_number(input, &options) {
        let normalized = parsed.normalized.as_str();
        assert!(normalized.is_ascii());
        let again = parse_id_number(normalized, &options).ok();
        assert_eq!(again, Some(parsed));
    }
});
