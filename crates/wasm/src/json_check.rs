//! Check results as JSON text: `{"ok":true,"value":…,"warnings":[…]}` or
//! `{"ok":false,"errors":[{"path","code","params","message"}]}`.
//!
//! Objects cross the boundary as JSON text in both directions (the JS layer calls
//! `JSON.stringify` / `JSON.parse`, both native and fast): building or reading a JS object
//! field by field from wasm costs microseconds (`npm run bench -- boundary`), and serde_json's
//! recursion limit turns absurdly nested input into an error instead of a stack overflow.

use homecare_core::{Locale, Param, Problem};
use serde::Serialize;
use serde_json::{Map, Value};

/// A problem with its message, as JSON.
pub fn problem_json(p: &Problem, locale: Locale) -> Value {
    let mut params = Map::new();
    for (k, v) in &p.params {
        let v = match v {
            Param::Text(s) => Value::String(s.clone()),
            Param::Int(n) => Value::from(*n),
        };
        params.insert((*k).to_owned(), v);
    }
    let mut obj = Map::new();
    obj.insert("path".into(), Value::String(p.path.clone()));
    obj.insert("code".into(), Value::String(p.code.to_owned()));
    obj.insert("params".into(), Value::Object(params));
    obj.insert(
        "message".into(),
        Value::String(crate::messages::render(p, locale)),
    );
    Value::Object(obj)
}

/// The JSON text of a check result.
pub fn check_json<T: Serialize>(
    result: Result<(T, Vec<Problem>), Vec<Problem>>,
    locale: Locale,
) -> String {
    let mut obj = Map::new();
    match result {
        Ok((value, warnings)) => {
            obj.insert("ok".into(), Value::Bool(true));
            // Serializing our own value types cannot fail (no maps with non-string keys, no
            // foreign Serialize impls); a failure would still answer with a valid result.
            let value = serde_json::to_value(&value).unwrap_or(Value::Null);
            obj.insert("value".into(), value);
            let list = warnings.iter().map(|w| problem_json(w, locale)).collect();
            obj.insert("warnings".into(), Value::Array(list));
        }
        Err(problems) => {
            obj.insert("ok".into(), Value::Bool(false));
            let list = problems.iter().map(|p| problem_json(p, locale)).collect();
            obj.insert("errors".into(), Value::Array(list));
        }
    }
    Value::Object(obj).to_string()
}
