//! validate_landline on arbitrary UTF-8: must never panic; a success must validate again unchanged.
#![no_main]

use homecare_identity::validate_landline;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(value) = validate_landline(input) {
        let again = validate_landline(&value.normalized).map(|v| v.normalized);
        assert_eq!(again.ok(), Some(value.normalized));
    }
});
