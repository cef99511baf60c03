//! validate_name on arbitrary UTF-8 (both options): must never panic; a success must
//! validate again unchanged.
#![no_main]

use homecare_identity::{validate_name, NameOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    for allow_latin in [false, true] {
        let options = NameOptions { allow_latin };
        if let Ok(value) = validate_name(input, &options) {
            let again = validate_name(&value.normalized, &options).map(|v| v.normalized);
            assert_eq!(again.ok(), Some(value.normalized));
        }
    }
});
