//! Forms exports (raw layer; the public names live in `js/api/forms.js`).
//!
//! The wasm layer owns one [`Registry`] (built-in schemas plus those registered at run time,
//! with the production identity rules). Data crosses as one JSON string in (the JS glue's
//! `JSON.stringify`, size- and depth-checked by the forms crate before parsing) and one JSON
//! string out: `{"ok","value","errors":[{path,code,params,message}],"fieldErrors":{path:
//! message}}`, which the glue hands to `JSON.parse` — the cheapest shape measured
//! (`npm run bench -- forms`).

use crate::error::{misuse, Param};
use crate::identity::locale;
use crate::messages::render;
use homecare_core::{Locale, Problem};
use homecare_forms::{
    validate_field_json, validate_form_text, Date, FormJson, FormResult, Mode, Options, Registry,
};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::new());
    /// The last options JSON and what it parsed to: a form page passes the same options
    /// (`now`, `context`) on every keystroke, and parsing them (the context is a JSON tree)
    /// cost more than validating a small form. Keyed by the exact text, so it is never stale.
    static LAST_OPTIONS: RefCell<Option<(String, Rc<Options>)>> = const { RefCell::new(None) };
    /// `validateForm`'s own input and output buffers (see [`forms_validate_in`]): the glue
    /// writes the three arguments into the first and reads the result text from the second,
    /// so a call allocates, copies and frees no string on either side of the boundary.
    static FORMS_IN: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static FORMS_OUT: RefCell<String> = const { RefCell::new(String::new()) };
    /// The `HomecareError` of the last failed [`forms_validate_in`], for `formsError`.
    static FORMS_ERROR: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

fn busy() -> JsValue {
    misuse("internal.busy", &[])
}

fn invalid(name: &str) -> JsValue {
    misuse(
        "arg.invalid_value",
        &[("name", Param::Text(name.to_owned()))],
    )
}

/// Runs `f` on the registry (shared borrow); a re-entrant call is `internal.busy`, not a panic.
fn with_registry<R>(f: impl FnOnce(&Registry) -> R) -> Result<R, JsValue> {
    REGISTRY.with(|r| r.try_borrow().map(|r| f(&r)).map_err(|_| busy()))
}

/// Separates `asOf`, locale and mode in the short form of the options argument.
const SEP: char = '\u{1f}';

/// Options of one call, from one string (each string argument costs a copy and an allocation
/// in both directions): either `asOf␟locale␟mode` (U+001F between; the glue's common case) or
/// JSON carrying every option (`asOf` included, the glue fills it), parsed once per distinct
/// text.
fn options(call: &str) -> Result<Rc<Options>, JsValue> {
    if call.starts_with('{') {
        let options_json = call;
        let cached = LAST_OPTIONS.with(|c| {
            c.try_borrow().ok().and_then(|c| match c.as_ref() {
                Some((text, o)) if text == options_json => Some(Rc::clone(o)),
                _ => None,
            })
        });
        if let Some(o) = cached {
            return Ok(o);
        }
        let o = Rc::new(Options::from_json(options_json).map_err(|p| misuse(p.code, &p.params))?);
        LAST_OPTIONS.with(|c| {
            if let Ok(mut c) = c.try_borrow_mut() {
                *c = Some((options_json.to_owned(), Rc::clone(&o)));
            }
        });
        return Ok(o);
    }
    let mut parts = call.split(SEP);
    let (Some(as_of), Some(locale_tag), Some(mode), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(invalid("options"));
    };
    let as_of = Date::parse(as_of).ok_or_else(|| invalid("asOf"))?;
    let mut o = Options::new(as_of);
    o.locale = locale(locale_tag)?;
    o.mode = match mode {
        "" | "all" => Mode::All,
        "firstPerField" => Mode::FirstPerField,
        _ => return Err(invalid("mode")),
    };
    Ok(Rc::new(o))
}

fn push_json_str(out: &mut String, s: &str) {
    homecare_forms::push_json_string(out, s);
}

/// Appends `{"path","code","params","message"}`.
fn push_problem(out: &mut String, p: &Problem, message: &str) {
    let mut one = String::new();
    homecare_forms::problem_json(&mut one, p);
    // `problem_json` ends with the params object's `}` and its own `}`: reopen the latter.
    out.push_str(one.strip_suffix('}').unwrap_or(&one));
    out.push_str(",\"message\":");
    push_json_str(out, message);
    out.push('}');
}

/// The result JSON of `validateField`: `{"ok":…,"value":…,"errors":[…],"fieldErrors":{…}}`.
fn result_json(r: &FormResult, locale: Locale) -> String {
    let mut value = String::new();
    homecare_forms::push_value_json(&mut value, &r.value);
    result_text(r.ok, &value, &r.errors, &r.field_errors, locale)
}

/// The result JSON of `validateForm`, its value already written by the forms crate.
fn form_json(r: &FormJson, locale: Locale) -> String {
    result_text(r.ok, &r.value_json, &r.errors, &r.field_errors, locale)
}

/// `{"ok":…,"value":…,"errors":[…],"fieldErrors":{…}}` with `value` as given (JSON).
fn result_text(
    ok: bool,
    value: &str,
    errors: &[Problem],
    field_errors: &BTreeMap<String, usize>,
    locale: Locale,
) -> String {
    let mut out = String::with_capacity(64 + value.len() + errors.len() * 200);
    write_result(&mut out, ok, value, errors, field_errors, locale);
    out
}

/// Appends the result JSON (see [`result_text`]) to `out`.
fn write_result(
    out: &mut String,
    ok: bool,
    value: &str,
    errors: &[Problem],
    field_errors: &BTreeMap<String, usize>,
    locale: Locale,
) {
    out.reserve(64 + value.len() + errors.len() * 200);
    out.push_str(if ok {
        "{\"ok\":true,\"value\":"
    } else {
        "{\"ok\":false,\"value\":"
    });
    out.push_str(value);
    out.push_str(",\"errors\":[");
    let messages: Vec<String> = errors.iter().map(|p| render(p, locale)).collect();
    for (i, (p, m)) in errors.iter().zip(&messages).enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_problem(out, p, m);
    }
    out.push_str("],\"fieldErrors\":{");
    for (i, (path, index)) in field_errors.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json_str(out, path);
        out.push(':');
        push_json_str(out, messages.get(*index).map_or("", String::as_str));
    }
    out.push_str("}}");
}

/// `{"ok":false,"errors":[…]}` for load problems.
fn errors_json(problems: &[Problem], locale: Locale) -> String {
    let mut out = String::from("{\"ok\":false,\"errors\":[");
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_problem(&mut out, p, &render(p, locale));
    }
    out.push_str("]}");
    out
}

/// Misuse from the engine (unknown form or field) becomes a thrown `HomecareError`.
fn thrown(p: &Problem) -> JsValue {
    let mut params = p.params.clone();
    if !p.path.is_empty() {
        params.push(("path", Param::Text(p.path.clone())));
    }
    misuse(p.code, &params)
}

/// Raw `validateForm`: result JSON for one form; `call` is the options (see [`options`]).
#[wasm_bindgen(js_name = formsValidate)]
pub fn forms_validate(form_id: &str, data_json: &str, call: &str) -> Result<String, JsValue> {
    let opts = options(call)?;
    let r = with_registry(|reg| validate_form_text(reg, form_id, data_json, &opts))?;
    r.map(|r| form_json(&r, opts.locale))
        .map_err(|p| thrown(&p))
}

/// Address of `validateForm`'s input buffer, with room for at least `n` bytes (valid until
/// the next `formsIn`; the glue keeps it).
#[wasm_bindgen(js_name = formsIn)]
pub fn forms_in(n: usize) -> Result<usize, JsValue> {
    FORMS_IN.with(|b| {
        let mut buf = b.try_borrow_mut().map_err(|_| busy())?;
        if buf.len() < n {
            buf.resize(n, 0);
        }
        Ok(buf.as_ptr().addr())
    })
}

/// Address of the result text of the last [`forms_validate_in`] (valid until the next call).
#[wasm_bindgen(js_name = formsOut)]
pub fn forms_out() -> usize {
    FORMS_OUT.with(|b| b.try_borrow().map_or(0, |s| s.as_ptr().addr()))
}

/// Raw `validateForm` over the input buffer: the form id, the options (see [`options`]) and
/// the data JSON as UTF-8, `id_len`, `call_len` and `data_len` bytes one after the other.
/// Leaves the same result JSON as [`forms_validate`] in the output buffer and returns its
/// length in bytes, or `u32::MAX` for misuse, whose `HomecareError` (the one
/// `formsValidate` throws) `formsError` then returns. A plain number back costs less than a
/// `Result` (a return area on the shadow stack, read through a `DataView`).
#[wasm_bindgen(js_name = formsValidateIn)]
pub fn forms_validate_in(id_len: usize, call_len: usize, data_len: usize) -> u32 {
    match validate_in(id_len, call_len, data_len) {
        Ok(len) => u32::try_from(len).unwrap_or(u32::MAX - 1),
        Err(e) => {
            FORMS_ERROR.with(|c| {
                if let Ok(mut c) = c.try_borrow_mut() {
                    *c = Some(e);
                }
            });
            u32::MAX
        }
    }
}

/// The error of the last `formsValidateIn` that returned `u32::MAX` (taken).
#[wasm_bindgen(js_name = formsError)]
pub fn forms_error() -> JsValue {
    FORMS_ERROR
        .with(|c| c.try_borrow_mut().ok().and_then(|mut c| c.take()))
        .unwrap_or_else(busy)
}

fn validate_in(id_len: usize, call_len: usize, data_len: usize) -> Result<usize, JsValue> {
    FORMS_IN.with(|input| {
        FORMS_OUT.with(|output| {
            let (Ok(input), Ok(mut out)) = (input.try_borrow(), output.try_borrow_mut()) else {
                return Err(busy());
            };
            out.clear();
            let total = id_len
                .checked_add(call_len)
                .and_then(|n| n.checked_add(data_len))
                .ok_or_else(|| invalid("data"))?;
            let bytes = input.get(..total).ok_or_else(|| invalid("data"))?;
            // The glue's encoder writes valid UTF-8; anything else is read lossily (as
            // U+FFFD), never trusted.
            let text = String::from_utf8_lossy(bytes);
            let (Some(form_id), Some(call), Some(data_json)) = (
                text.get(..id_len),
                text.get(id_len..id_len + call_len),
                text.get(id_len + call_len..),
            ) else {
                return Err(invalid("data"));
            };
            let opts = options(call)?;
            let r = with_registry(|reg| validate_form_text(reg, form_id, data_json, &opts))?
                .map_err(|p| thrown(&p))?;
            write_result(
                &mut out,
                r.ok,
                &r.value_json,
                &r.errors,
                &r.field_errors,
                opts.locale,
            );
            Ok(out.len())
        })
    })
}

/// Raw `validateField`: result JSON for the field at `path` (its value as `value`).
#[wasm_bindgen(js_name = formsValidateField)]
pub fn forms_validate_field(
    form_id: &str,
    path: &str,
    data_json: &str,
    call: &str,
) -> Result<String, JsValue> {
    let opts = options(call)?;
    let r = with_registry(|reg| validate_field_json(reg, form_id, path, data_json, &opts))?;
    r.map(|r| result_json(&r, opts.locale))
        .map_err(|p| thrown(&p))
}

/// Raw `registerSchema`: `{"ok":true,"id","version"}` or `{"ok":false,"errors":[…]}`.
#[wasm_bindgen(js_name = formsRegisterSchema)]
pub fn forms_register_schema(schema_json: &str, locale_tag: &str) -> Result<String, JsValue> {
    let locale = locale(locale_tag)?;
    let result = REGISTRY.with(|r| {
        r.try_borrow_mut()
            .map(|mut reg| reg.register_schema(schema_json))
            .map_err(|_| busy())
    })?;
    Ok(match result {
        Ok((id, version)) => {
            let mut out = String::from("{\"ok\":true,\"id\":");
            push_json_str(&mut out, &id);
            out.push_str(",\"version\":");
            out.push_str(&version.to_string());
            out.push('}');
            out
        }
        Err(problems) => errors_json(&problems, locale),
    })
}

/// Raw `listForms`: `[{"id","version"}]`, sorted by id.
#[wasm_bindgen(js_name = formsList)]
pub fn forms_list() -> Result<String, JsValue> {
    with_registry(|reg| {
        let mut out = String::from("[");
        for (i, (id, version)) in reg.forms().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"id\":");
            push_json_str(&mut out, id);
            out.push_str(",\"version\":");
            out.push_str(&version.to_string());
            out.push('}');
        }
        out.push(']');
        out
    })
}

/// Raw `setMessages`: `overrides_json` is `{code: template}` for `locale`, replacing that
/// locale's overrides. `{"ok":true}` or `{"ok":false,"errors":[…]}` (path = the code); the
/// glue throws the latter.
#[wasm_bindgen(js_name = setMessagesRaw)]
pub fn set_messages_raw(locale_tag: &str, overrides_json: &str) -> Result<String, JsValue> {
    let locale = locale(locale_tag)?;
    let limits = homecare_forms::Limits::default();
    homecare_forms::prescan_json(overrides_json, &limits).map_err(|p| misuse(p.code, &p.params))?;
    let value: serde_json::Value =
        serde_json::from_str(overrides_json).map_err(|_| invalid("overrides"))?;
    let serde_json::Value::Object(map) = value else {
        return Err(invalid("overrides"));
    };
    let mut entries = Vec::with_capacity(map.len());
    for (code, t) in map {
        let Some(t) = t.as_str() else {
            return Err(misuse(
                "arg.invalid_type",
                &[
                    ("name", Param::Text(code)),
                    ("expected", Param::Text("string".to_owned())),
                ],
            ));
        };
        entries.push((code.clone(), t.to_owned()));
    }
    Ok(match crate::messages::set_overrides(locale, &entries) {
        Ok(()) => "{\"ok\":true}".to_owned(),
        // Messages about the override itself are English: the developer reads them.
        Err(problems) => errors_json(&problems, Locale::En),
    })
}
