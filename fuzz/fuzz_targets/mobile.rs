//! validate_mobile on arbitrary UTF-8: must never panic; a success must validate again unchanged.
#![no_main]

use homecare_identity::validate_mobile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(value) = validate_mobile(input) {
        let again = validate_mobile(&value.normalized).map(|v| v.normalized);
        assert_eq!(again.ok(), Some(value.normalized));
    }
});
