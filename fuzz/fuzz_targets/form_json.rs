//! validate_form_json on arbitrary text for every built-in form: must never panic or hang
//! (the input limits bound the work), and an ok result must validate again unchanged.
#![no_main]

use homecare_forms::{validate_form_json, Date, Options, Registry, BUILTIN_SCHEMAS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let registry = Registry::new();
    let Some((form_id, _)) = BUILTIN_SCHEMAS.get(usize::from(pick) % BUILTIN_SCHEMAS.len()) else {
        return;
    };
    let Some(as_of) = Date::parse("2026-01-01") else {
        return;
    };
    let options = Options::new(as_of);
    if let Ok(result) = validate_form_json(&registry, form_id, text, &options) {
        if result.ok {
            let again = validate_form_json(&registry, form_id, &result.value.to_string(), &options);
            assert!(again.is_ok_and(|r| r.ok && r.value == result.value));
        }
    }
});
