//! Every contact and certificate validator on the same input (a quick smoke target).
#![no_main]

use homecare_identity::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let _ = validate_mobile(input);
    let _ = validate_landline(input);
    let _ = validate_name(input, &NameOptions { allow_latin: true });
    let _ = validate_email(input);
    let _ = validate_uscc(input);
    let _ = validate_eldercare_certificate(input);
    let _ = validate_physician_certificate(input);
    let _ = validate_nurse_certificate(input);
    let _ = keyed_digest(input, b"0123456789abcdef");
});
