//! Internal exports for `npm run bench` (`__bench*`, not in the public API or its types):
//! the same small job — trim a name, keep the digits of a mobile number, decide adulthood —
//! behind each way a value can cross the JS↔wasm boundary, so every later export can pick the
//! cheapest shape on measured numbers rather than guesses.

use crate::error::set;
use crate::interop::to_js;
use js_sys::{Object, Reflect};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[derive(Deserialize)]
struct Person {
    name: String,
    mobile: String,
    age: f64,
}

#[derive(Serialize)]
struct Normalized {
    name: String,
    mobile: String,
    adult: bool,
}

fn normalize(name: &str, mobile: &str, age: f64) -> Normalized {
    Normalized {
        name: name.trim().to_owned(),
        mobile: mobile.chars().filter(char::is_ascii_digit).collect(),
        adult: age >= 18.0,
    }
}

/// Object in, object out, through serde-wasm-bindgen (the convenient default).
#[wasm_bindgen(js_name = __benchObjectSerde)]
pub fn bench_object_serde(person: JsValue) -> Result<JsValue, JsValue> {
    let p: Person = serde_wasm_bindgen::from_value(person)
        .map_err(|_| crate::error::wrong_type("person", "object"))?;
    to_js(&normalize(&p.name, &p.mobile, p.age))
}

/// Object in, object out, reading and writing the three properties by hand.
#[wasm_bindgen(js_name = __benchObjectReflect)]
pub fn bench_object_reflect(person: JsValue) -> Result<JsValue, JsValue> {
    let get = |k: &str| Reflect::get(&person, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    let name = get("name").as_string().unwrap_or_default();
    let mobile = get("mobile").as_string().unwrap_or_default();
    let age = get("age").as_f64().unwrap_or(0.0);
    let n = normalize(&name, &mobile, age);
    let out = Object::new();
    set(&out, "name", &JsValue::from_str(&n.name));
    set(&out, "mobile", &JsValue::from_str(&n.mobile));
    set(&out, "adult", &JsValue::from_bool(n.adult));
    Ok(out.into())
}

/// Three primitives in, one compact string out (`name\u{1f}mobile\u{1f}0|1`), split in JS.
#[wasm_bindgen(js_name = __benchCompact)]
pub fn bench_compact(name: &str, mobile: &str, age: f64) -> String {
    let n = normalize(name, mobile, age);
    let mut out = String::with_capacity(n.name.len() + n.mobile.len() + 4);
    out.push_str(&n.name);
    out.push('\u{1f}');
    out.push_str(&n.mobile);
    out.push('\u{1f}');
    out.push(if n.adult { '1' } else { '0' });
    out
}

/// The floor: one number in, one number out, no strings or objects at all.
#[wasm_bindgen(js_name = __benchNumber)]
pub fn bench_number(age: f64) -> bool {
    age >= 18.0
}
