//! Reading JS arguments defensively.
//!
//! Every export receives `JsValue`s it does not trust: `undefined`, numbers where objects were
//! expected, getters that throw. These helpers turn each of those into a thrown `HomecareError`
//! with `arg.invalid_type`, never a trap.

use crate::error::{misuse, wrong_type};
use homecare_core::{Locale, Param};
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};

/// An options bag: `undefined`/`null` mean "all defaults", anything but a plain object is misuse.
pub struct Options(Option<js_sys::Object>);

impl Options {
    /// Reads argument `name` as an options bag.
    pub fn read(value: &JsValue, name: &str) -> Result<Self, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(Options(None));
        }
        if !value.is_object() || value.is_function() || js_sys::Array::is_array(value) {
            return Err(wrong_type(name, "object"));
        }
        Ok(Options(Some(value.clone().unchecked_into())))
    }

    /// The property `key`, or `None` when absent or `undefined`.
    pub fn get(&self, key: &str) -> Result<Option<JsValue>, JsValue> {
        let Some(obj) = &self.0 else { return Ok(None) };
        // A getter or proxy trap that throws is the caller's bug: report it as misuse.
        let v = Reflect::get(obj, &JsValue::from_str(key)).map_err(|_| {
            misuse(
                "arg.invalid_value",
                &[("name", Param::Text(key.to_owned()))],
            )
        })?;
        Ok(if v.is_undefined() { None } else { Some(v) })
    }

    /// The string property `key`, if present.
    pub fn string(&self, key: &str) -> Result<Option<String>, JsValue> {
        match self.get(key)? {
            None => Ok(None),
            Some(v) => v
                .as_string()
                .map(Some)
                .ok_or_else(|| wrong_type(key, "string")),
        }
    }

    /// The `locale` option, defaulting to zh-CN.
    pub fn locale(&self) -> Result<Locale, JsValue> {
        match self.string("locale")? {
            None => Ok(Locale::default()),
            Some(tag) => Locale::parse(&tag).ok_or_else(|| {
                misuse(
                    "arg.invalid_value",
                    &[("name", Param::Text("locale".to_owned()))],
                )
            }),
        }
    }
}

/// Serializes `value` the way every export returns data: JSON-compatible (`None` → `null`,
/// maps → plain objects, 64-bit integers → numbers only when safe).
pub fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|_| misuse("internal.conversion", &[]))
}
