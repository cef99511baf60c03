//! `selfTest()`: proves, on the running platform, that the boundary carries what every later
//! export relies on: UTF-16 strings with CJK and astral characters, nested objects, byte arrays
//! and error results. A page calls it once after `init` and can refuse to go on if it fails.

use crate::error::{error_result, set};
use crate::interop::{to_js, Options};
use homecare_core::Problem;
use js_sys::{Array, Object, Reflect, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// Strings a Chinese user really types: a name with a character outside the BMP (𠮷, U+20BB7),
/// an emoji with a skin-tone modifier, the minority-name middle dot, full-width digits, NUL.
pub const SAMPLE_TEXTS: [&str; 6] = [
    "张三",
    "𠮷野家",
    "👵🏻 王奶奶",
    "阿依古丽·买买提",
    "１３８００１３８０００",
    "a\u{0}b",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Nested {
    name: String,
    age: u32,
    contacts: Vec<Contact>,
    note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Contact {
    relation: String,
    mobile: String,
}

fn sample_nested() -> Nested {
    Nested {
        name: "𠮷田 花子".to_owned(),
        age: 82,
        contacts: vec![
            Contact {
                relation: "女儿".to_owned(),
                mobile: "13800138000".to_owned(),
            },
            Contact {
                relation: "儿子".to_owned(),
                mobile: "13900139000".to_owned(),
            },
        ],
        note: None,
    }
}

fn sample_bytes() -> Vec<u8> {
    (0..=255u8).collect()
}

/// Runs the boundary checks and returns a report:
/// `{ ok, version, locale, checks: [{ name, ok }], sample: { texts, nested, bytes }, errorResult }`.
///
/// `options.locale` (`'zh-CN'` default, or `'en'`) picks the language of the sample error.
/// Throws `HomecareError` (`arg.invalid_type` / `arg.invalid_value`) on a malformed `options`.
#[wasm_bindgen(js_name = selfTest)]
pub fn self_test(options: JsValue) -> Result<JsValue, JsValue> {
    let options = Options::read(&options, "options")?;
    let locale = options.locale()?;

    let texts_js = Array::new();
    for t in SAMPLE_TEXTS {
        texts_js.push(&JsValue::from_str(t));
    }
    let nested_js = to_js(&sample_nested())?;
    let bytes_js = Uint8Array::from(sample_bytes().as_slice());
    let sample_problem = Problem::new("sample.mobile", "selftest.sample_error")
        .text("field", "mobile")
        .int("digits", 11);
    let error_js = error_result(std::slice::from_ref(&sample_problem), locale);

    let checks = [
        ("strings", strings_round_trip(&texts_js)),
        ("nested", nested_round_trip(&nested_js)),
        ("bytes", bytes_js.to_vec() == sample_bytes()),
        (
            "errorResult",
            error_result_shape(&error_js, &sample_problem),
        ),
    ];

    let report = Object::new();
    let all_ok = checks.iter().all(|(_, ok)| *ok);
    set(&report, "ok", &JsValue::from_bool(all_ok));
    set(&report, "version", &JsValue::from_str(&crate::version()));
    set(&report, "locale", &JsValue::from_str(locale.tag()));
    let checks_js = Array::new();
    for (name, ok) in checks {
        let c = Object::new();
        set(&c, "name", &JsValue::from_str(name));
        set(&c, "ok", &JsValue::from_bool(ok));
        checks_js.push(&c);
    }
    set(&report, "checks", &checks_js);
    let sample = Object::new();
    set(&sample, "texts", &texts_js);
    set(&sample, "nested", &nested_js);
    set(&sample, "bytes", &bytes_js);
    set(&report, "sample", &sample);
    set(&report, "errorResult", &error_js);
    Ok(report.into())
}

/// Each string crossed into JS and back must be unchanged, and JS must count astral
/// characters as two UTF-16 units (so the glue did not mangle surrogates).
fn strings_round_trip(texts_js: &Array) -> bool {
    SAMPLE_TEXTS.iter().enumerate().all(|(i, expected)| {
        let Ok(i) = u32::try_from(i) else {
            return false;
        };
        let v = texts_js.get(i);
        let utf16_len = js_sys::JsString::from(v.clone()).length();
        let expected_utf16 = expected.encode_utf16().count();
        v.as_string().as_deref() == Some(*expected)
            && usize::try_from(utf16_len).ok() == Some(expected_utf16)
    })
}

fn nested_round_trip(nested_js: &JsValue) -> bool {
    serde_wasm_bindgen::from_value::<Nested>(nested_js.clone())
        .map(|back| back == sample_nested())
        .unwrap_or(false)
}

fn error_result_shape(result: &JsValue, problem: &Problem) -> bool {
    let get = |target: &JsValue, key: &str| {
        Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    };
    let ok_false = get(result, "ok") == JsValue::FALSE;
    let first = Array::from(&get(result, "errors")).get(0);
    let code_ok = get(&first, "code").as_string().as_deref() == Some(problem.code);
    let path_ok = get(&first, "path").as_string().as_deref() == Some(problem.path.as_str());
    let message_ok = get(&first, "message")
        .as_string()
        .is_some_and(|m| !m.is_empty() && !m.contains('{'));
    ok_false && code_ok && path_ok && message_ok
}
