//! The two error channels of the JS surface (DESIGN.md, "Errors are data").
//!
//! * `Problem`: a problem with user input, returned inside `{ ok: false, errors }`.
//! * [`misuse`]: API misuse, thrown as a JS `Error` named `HomecareError` with a `code`.
//!
//! Both carry a stable dotted `code`, `params`, and a `message` rendered from the catalog over
//! every crate's `MESSAGES` table (`messages.rs`), so wording lives in one place.

pub use homecare_core::Param;
use homecare_core::{Locale, Problem};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

/// `{ path, code, params, message }` for one problem.
pub fn problem_to_js(problem: &Problem, locale: Locale) -> JsValue {
    let obj = Object::new();
    set(&obj, "path", &JsValue::from_str(&problem.path));
    set(&obj, "code", &JsValue::from_str(problem.code));
    set(&obj, "params", &params_to_js(&problem.params));
    set(
        &obj,
        "message",
        &JsValue::from_str(&crate::messages::render(problem, locale)),
    );
    obj.into()
}

fn param_to_js(param: &Param) -> JsValue {
    match param {
        Param::Text(s) => JsValue::from_str(s),
        // Params are counts and lengths; outside i32 they travel as text to stay exact.
        Param::Int(n) => match i32::try_from(*n) {
            Ok(small) => JsValue::from(small),
            Err(_) => JsValue::from_str(&n.to_string()),
        },
    }
}

/// `{ ok: false, errors: [...] }` for a list of problems.
pub fn error_result(problems: &[Problem], locale: Locale) -> JsValue {
    let obj = Object::new();
    set(&obj, "ok", &JsValue::FALSE);
    let errors = Array::new();
    for p in problems {
        errors.push(&problem_to_js(p, locale));
    }
    set(&obj, "errors", &errors);
    obj.into()
}

/// Builds the `HomecareError` to throw for API misuse. Messages of misuse are English: they are
/// read by the developer in the console, not by the user.
pub fn misuse(code: &'static str, params: &[(&'static str, Param)]) -> JsValue {
    let problem = Problem {
        path: String::new(),
        code,
        params: params.to_vec(),
    };
    let message = crate::messages::render(&problem, Locale::En);
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

fn params_to_js(params: &[(&'static str, Param)]) -> JsValue {
    let obj = Object::new();
    for (k, v) in params {
        set(&obj, k, &param_to_js(v));
    }
    obj.into()
}

/// Sets a property on an object we just created. `Reflect::set` can only fail on a frozen
/// object or a throwing proxy, neither of which we create, so the result is ignored.
pub fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}
