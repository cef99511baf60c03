//! The exports, run inside a real JS engine (Node and headless Chromium) by
//! wasm-bindgen-test. Host `cargo test` skips this file: it only means something in wasm.
#![cfg(target_arch = "wasm32")]

use homecare_wasm::{random_uuid, self_test, version};
use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn self_test_passes_every_check() {
    let report = self_test(JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&report, "ok"), JsValue::TRUE);
    let checks = Array::from(&get(&report, "checks"));
    assert_eq!(checks.length(), 4);
    for c in checks.iter() {
        assert_eq!(get(&c, "ok"), JsValue::TRUE, "{:?}", get(&c, "name"));
    }
}

#[wasm_bindgen_test]
fn self_test_error_message_follows_locale() {
    let en = self_test(js_sys::JSON::parse(r#"{"locale":"en"}"#).unwrap()).unwrap();
    let first = Array::from(&get(&get(&en, "errorResult"), "errors")).get(0);
    let msg = get(&first, "message").as_string().unwrap();
    assert!(msg.starts_with("Sample error"), "{msg}");
    assert_eq!(get(&get(&first, "params"), "digits").as_f64(), Some(11.0));
}

#[wasm_bindgen_test]
fn misuse_throws_homecare_error_and_module_keeps_working() {
    for bad in [
        JsValue::from(5),
        JsValue::from_str("zh-CN"),
        JsValue::TRUE,
        Array::new().into(),
        js_sys::JSON::parse(r#"{"locale":"fr"}"#).unwrap(),
        js_sys::JSON::parse(r#"{"locale":7}"#).unwrap(),
    ] {
        let err = self_test(bad).unwrap_err();
        assert_eq!(
            get(&err, "name").as_string().as_deref(),
            Some("HomecareError")
        );
        let code = get(&err, "code").as_string().unwrap();
        assert!(code.starts_with("arg."), "{code}");
        assert_eq!(version(), env!("CARGO_PKG_VERSION"));
    }
}

#[wasm_bindgen_test]
fn uuids_are_v4_and_distinct() {
    let a = random_uuid().unwrap();
    let b = random_uuid().unwrap();
    assert_ne!(a, b);
    assert_eq!(a.len(), 36);
    assert_eq!(a.as_bytes()[14], b'4');
    assert!(matches!(a.as_bytes()[19], b'8' | b'9' | b'a' | b'b'));
}
