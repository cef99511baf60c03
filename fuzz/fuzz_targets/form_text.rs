//! Differential target for the forms engine's own JSON reader (crates/forms/src/node.rs):
//! `validate_form_text` parses with it, `validate_form` takes the `serde_json::Value` that
//! `serde_json` parsed. On any text the two must agree: when serde_json accepts the text (and it
//! is within the input limits), the same problems and byte-for-byte the value serde_json writes;
//! when serde_json rejects it, one reading problem (`input.invalid_json`, or a limit) and
//! nothing else. Never a panic or a hang.
#![no_main]

use homecare_forms::{validate_form, validate_form_text, Date, Options, Registry, BUILTIN_SCHEMAS};
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
    let Ok(fast) = validate_form_text(&registry, form_id, text, &options) else {
        return;
    };
    // Problems of reading the text (validation's own `input.*` codes, e.g. `input.not_object`,
    // come from both paths alike).
    let read_problem = fast.errors.first().is_some_and(|p| {
        matches!(p.code, "input.invalid_json" | "input.too_deep" | "input.too_large")
    });
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(value) => {
            if read_problem {
                // Only the limits may reject what serde_json reads.
                let code = fast.errors.first().map(|p| p.code);
                assert!(matches!(code, Some("input.too_deep" | "input.too_large")), "{code:?}");
                return;
            }
            let Ok(slow) = validate_form(&registry, form_id, &value, &options) else {
                panic!("validate_form failed where validate_form_text did not");
            };
            assert_eq!(fast.ok, slow.ok);
            assert_eq!(fast.errors, slow.errors);
            assert_eq!(fast.field_errors, slow.field_errors);
            assert_eq!(Ok(fast.value_json), serde_json::to_string(&slow.value).map_err(|_| ()));
        }
        Err(_) => assert!(read_problem && fast.errors.len() == 1, "accepted what serde_json rejects"),
    }
});
