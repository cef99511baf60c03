//! The two error channels of the JS surface (DESIGN.md, "Errors are data").
//!
//! * [`Problem`]: a problem with user input, returned inside `{ ok: false, errors }`.
//! * [`misuse`]: API misuse, thrown as a JS `Error` named `HomecareError` with a `code`.
//!
//! Both carry a stable dotted `code`, `params`, and a `message` rendered from the catalog in
//! `homecare-forms`, so wording lives in one place.

use homecare_forms::{render_message, Locale};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

/// A parameter value carried with an error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
    /// Text, shown as is.
    Text(String),
    /// A whole number.
    Int(i64),
}

impl Param {
    fn display(&self) -> String {
        match self {
            Param::Text(s) => s.clone(),
            Param::Int(n) => n.to_string(),
        }
    }

    fn to_js(&self) -> JsValue {
        match self {
            Param::Text(s) => JsValue::from_str(s),
            // Params are small counts and lengths; beyond 2^53 they are sent as text.
            Param::Int(n) => match i32::try_from(*n) {
                Ok(small) => JsValue::from(small),
                Err(_) => JsValue::from_str(&n.to_string()),
            },
        }
    }
}

/// One problem with user input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the input: `""` for the whole value, `"emergencyContacts[1].mobile"` inside one.
    pub path: String,
    /// Stable dotted code, e.g. `id.checksum_mismatch`.
    pub code: &'static str,
    /// What the message needs.
    pub params: Vec<(&'static str, Param)>,
}

impl Problem {
    /// A problem at `path` with `code` and no params yet.
    pub fn new(path: impl Into<String>, code: &'static str) -> Self {
        Problem {
            path: path.into(),
            code,
            params: Vec::new(),
        }
    }

    /// Adds a text param.
    #[must_use]
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.params.push((name, Param::Text(value.into())));
        self
    }

    /// Adds a whole-number param.
    #[must_use]
    pub fn int(mut self, name: &'static str, value: i64) -> Self {
        self.params.push((name, Param::Int(value)));
        self
    }

    /// The message in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        message_for(self.code, &self.params, locale)
    }

    /// `{ path, code, params, message }`.
    pub fn to_js(&self, locale: Locale) -> JsValue {
        let obj = Object::new();
        set(&obj, "path", &JsValue::from_str(&self.path));
        set(&obj, "code", &JsValue::from_str(self.code));
        set(&obj, "params", &params_to_js(&self.params));
        set(&obj, "message", &JsValue::from_str(&self.message(locale)));
        obj.into()
    }
}

/// `{ ok: false, errors: [...] }` for a list of problems.
pub fn error_result(problems: &[Problem], locale: Locale) -> JsValue {
    let obj = Object::new();
    set(&obj, "ok", &JsValue::FALSE);
    let errors = Array::new();
    for p in problems {
        errors.push(&p.to_js(locale));
    }
    set(&obj, "errors", &errors);
    obj.into()
}

/// Builds the `HomecareError` to throw for API misuse. Messages of misuse are English: they are
/// read by the developer in the console, not by the user.
pub fn misuse(code: &'static str, params: &[(&'static str, Param)]) -> JsValue {
    let message = message_for(code, params, Locale::En);
    let err = js_sys::Error::new(&message);
    err.set_name("HomecareError");
    set(&err, "code", &JsValue::from_str(code));
    set(&err, "params", &params_to_js(params));
    err.into()
}

/// Misuse: `name` should have been of type `expected`.
pub fn wrong_type(name: &str, expected: &str) -> JsValue {
    misuse(
        "arg.invalid_type",
        &[
            ("name", Param::Text(name.to_owned())),
            ("expected", Param::Text(expected.to_owned())),
        ],
    )
}

fn message_for(code: &str, params: &[(&'static str, Param)], locale: Locale) -> String {
    let shown: Vec<(&str, String)> = params.iter().map(|(k, v)| (*k, v.display())).collect();
    let refs: Vec<(&str, &str)> = shown.iter().map(|(k, v)| (*k, v.as_str())).collect();
    render_message(code, &refs, locale)
}

fn params_to_js(params: &[(&'static str, Param)]) -> JsValue {
    let obj = Object::new();
    for (k, v) in params {
        set(&obj, k, &v.to_js());
    }
    obj.into()
}

/// Sets a property on an object we just created. `Reflect::set` can only fail on a frozen
/// object or a throwing proxy, neither of which we create, so the result is ignored.
pub fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}
