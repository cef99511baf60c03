//! The result of a validation, its compact JSON encoding for the JS glue, and live checking of
//! one field.

use crate::node::Node;
use crate::schema::{FieldType, ObjectSpec};
use crate::validate::{run, Issue};
use crate::{Mode, Options, Registry};
use homecare_core::{Param, Problem};
use serde_json::Value;
use std::collections::BTreeMap;

/// What a validation returns.
#[derive(Debug, Clone, PartialEq)]
pub struct FormResult {
    /// No problems: `value` may be submitted.
    pub ok: bool,
    /// The normalised data (trimmed, half-width digits, canonical IDs, phones, numbers and
    /// dates; unknown keys dropped). Only meaningful when `ok`. For [`validate_field`], the
    /// normalised value of that field (`null` if it is missing or invalid).
    pub value: Value,
    /// Every problem, in form order, each with a path like `emergencyContacts[1].mobile`.
    pub errors: Vec<Problem>,
    /// Path → index into `errors` of the first problem at that path: what a Vant field's
    /// `error-message` shows.
    pub field_errors: BTreeMap<String, usize>,
}

impl FormResult {
    pub(crate) fn from_issues(value: Value, issues: Vec<Issue>, opts: &Options) -> Self {
        let (errors, field_errors) = split_issues(issues, opts);
        FormResult {
            ok: errors.is_empty(),
            value,
            errors,
            field_errors,
        }
    }

    /// The first problem at `path`.
    ///
    /// ```
    /// use homecare_forms::{validate_form, Date, Options, Registry};
    /// let reg = Registry::new();
    /// let opts = Options::new(Date::new(2026, 11, 30).unwrap());
    /// let r = validate_form(&reg, "order.payment", &serde_json::json!({"plan": "half"}), &opts).unwrap();
    /// assert_eq!(r.field_error("plan").map(|p| p.code), Some("enum.not_allowed"));
    /// ```
    pub fn field_error(&self, path: &str) -> Option<&Problem> {
        self.errors.get(*self.field_errors.get(path)?)
    }

    /// Compact JSON for the JS glue: `{"ok":true,"value":{…},"errors":[]}` or with
    /// `"errors":[{"path":"a[1].b","code":"x.y","params":{"label":"…","max":5}}]`.
    /// Int params are JSON numbers, text params strings. `fieldErrors` is left to JS
    /// (first error per path) to keep the common "ok" case small.
    ///
    /// ```
    /// use homecare_forms::{validate_form, Date, Options, Registry};
    /// let reg = Registry::new();
    /// let opts = Options::new(Date::new(2026, 11, 30).unwrap());
    /// let data = serde_json::json!({"plan": "full", "points": "１２０"});
    /// let r = validate_form(&reg, "order.payment", &data, &opts).unwrap();
    /// assert_eq!(r.to_result_json(), r#"{"ok":true,"value":{"plan":"full","points":120},"errors":[]}"#);
    /// ```
    pub fn to_result_json(&self) -> String {
        let mut out = String::with_capacity(256 + self.errors.len() * 96);
        out.push_str(if self.ok {
            "{\"ok\":true,\"value\":"
        } else {
            "{\"ok\":false,\"value\":"
        });
        push_value_json(&mut out, &self.value);
        out.push_str(",\"errors\":");
        out.push_str(&problems_json(&self.errors));
        out.push('}');
        out
    }
}

/// The problems to report (all, or the first per path) and path → index of the first.
pub(crate) fn split_issues(
    issues: Vec<Issue>,
    opts: &Options,
) -> (Vec<Problem>, BTreeMap<String, usize>) {
    let mut errors: Vec<Problem> = Vec::with_capacity(issues.len());
    let mut field_errors = BTreeMap::new();
    for issue in issues {
        let first = !field_errors.contains_key(&issue.problem.path);
        if first {
            field_errors.insert(issue.problem.path.clone(), errors.len());
        }
        if first || opts.mode == Mode::All {
            errors.push(issue.problem);
        }
    }
    (errors, field_errors)
}

/// Appends one problem as `{"path":…,"code":…,"params":{…}}`.
pub fn problem_json(out: &mut String, p: &Problem) {
    out.push_str("{\"path\":");
    push_str_json(out, &p.path);
    out.push_str(",\"code\":");
    push_str_json(out, p.code);
    out.push_str(",\"params\":{");
    for (i, (name, v)) in p.params.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_str_json(out, name);
        out.push(':');
        match v {
            Param::Int(n) => out.push_str(&n.to_string()),
            Param::Text(t) => push_str_json(out, t),
        }
    }
    out.push_str("}}");
}

/// A list of problems as a JSON array in the same shape as `errors` (for
/// `register_schema` and `MessageOverrides::from_json` failures).
///
/// ```
/// use homecare_forms::{problems_json, Registry};
/// let errs = Registry::new().register_schema("{").unwrap_err();
/// assert_eq!(problems_json(&errs), r#"[{"path":"","code":"schema.invalid_json","params":{}}]"#);
/// ```
pub fn problems_json(problems: &[Problem]) -> String {
    let mut out = String::with_capacity(2 + problems.len() * 96);
    out.push('[');
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        problem_json(&mut out, p);
    }
    out.push(']');
    out
}

fn push_str_json(out: &mut String, s: &str) {
    push_json_string(out, s);
}

/// Appends `s` as a JSON string, exactly as `serde_json` writes it; text without a quote,
/// backslash or control character (nearly all form text) is copied in one piece.
pub fn push_json_string(out: &mut String, s: &str) {
    if !needs_escape(s.as_bytes()) {
        out.reserve(s.len().saturating_add(2));
        out.push('"');
        out.push_str(s);
        out.push('"');
        return;
    }
    match serde_json::to_string(s) {
        Ok(q) => out.push_str(&q),
        Err(_) => out.push_str("\"\""),
    }
}

/// Whether JSON needs an escape in `b`: a quote, a backslash or a control character. Eight
/// bytes at a time (exact SWAR tests: "has a byte equal to" / "has a byte below 0x20").
fn needs_escape(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let mut chunks = b.chunks_exact(8);
    for chunk in &mut chunks {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            return true;
        };
        let x = u64::from_le_bytes(bytes);
        let hit = zero(x ^ (ONES * u64::from(b'"')))
            | zero(x ^ (ONES * u64::from(b'\\')))
            | (x.wrapping_sub(ONES * 0x20) & !x & HIGHS);
        if hit != 0 {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&c| c < 0x20 || c == b'"' || c == b'\\')
}

/// Appends `v` as compact JSON, byte for byte what `serde_json::to_string` gives (keys in
/// map order), without its intermediate string or per-string copies.
pub fn push_value_json(out: &mut String, v: &Value) {
    use core::fmt::Write;
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        // `Number`'s Display is serde_json's own number writer (itoa / ryu).
        Value::Number(n) => {
            let _ = write!(out, "{n}");
        }
        Value::String(s) => push_json_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_value_json(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_json_string(out, k);
                out.push(':');
                push_value_json(out, item);
            }
            out.push('}');
        }
    }
}

/// Live check of one field as the user types: the same problems `validate_form` reports at
/// `path` or below it, plus cross-field problems that involve it (e.g. "same number as
/// contact 1" while typing contact 2's number). `value` is the field's normalised value.
/// `Err` for an unknown form (`form.unknown`) or a path the schema does not have
/// (`form.unknown_field`).
///
/// ```
/// use homecare_forms::{validate_field, Date, Options, Registry};
/// let reg = Registry::new();
/// let opts = Options::new(Date::new(2026, 11, 30).unwrap());
/// let data = serde_json::json!({"reason": "other", "text": ""});
/// let r = validate_field(&reg, "order.refund", "text", &data, &opts).unwrap();
/// assert_eq!(r.errors[0].code, "rule.when_required");
/// let r = validate_field(&reg, "order.refund", "reason", &data, &opts).unwrap();
/// assert!(r.ok);
/// assert_eq!(r.value, "other");
/// ```
pub fn validate_field(
    registry: &Registry,
    form_id: &str,
    path: &str,
    data: &Value,
    options: &Options,
) -> Result<FormResult, Problem> {
    validate_field_owned(registry, form_id, path, Node::from_value(data), options)
}

/// [`validate_field`] on an owned tree (normalised in place).
fn validate_field_owned(
    registry: &Registry,
    form_id: &str,
    path: &str,
    data: Node<'_>,
    options: &Options,
) -> Result<FormResult, Problem> {
    let schema = registry
        .schema(form_id)
        .ok_or_else(|| Problem::new("", "form.unknown").text("form", form_id))?;
    if !path_exists(&schema.root, path) {
        return Err(Problem::new(path, "form.unknown_field").text("form", form_id));
    }
    let (value, issues) = run(registry, schema, data, options);
    let mine: Vec<Issue> = issues
        .into_iter()
        .filter(|i| under(&i.problem.path, path) || i.also.iter().any(|a| under(a, path)))
        .collect();
    let value = value_at(&value, path).map_or(Value::Null, |v| v.clone().into_value());
    Ok(FormResult::from_issues(value, mine, options))
}

/// [`validate_field`] on JSON text, with the same limits as
/// [`validate_form_json`](crate::validate_form_json): oversized or too-deep text is an
/// `input.*` result.
///
/// ```
/// use homecare_forms::{validate_field_json, Date, Options, Registry};
/// let reg = Registry::new();
/// let opts = Options::new(Date::new(2026, 11, 30).unwrap());
/// let r = validate_field_json(&reg, "order.payment", "points", r#"{"points":"-1"}"#, &opts).unwrap();
/// assert_eq!(r.errors[0].code, "number.too_small");
/// let r = validate_field_json(&reg, "order.payment", "points", &"[".repeat(50), &opts).unwrap();
/// assert_eq!(r.errors[0].code, "input.too_deep");
/// ```
pub fn validate_field_json(
    registry: &Registry,
    form_id: &str,
    path: &str,
    json_text: &str,
    options: &Options,
) -> Result<FormResult, Problem> {
    match crate::validate::parse_input(json_text, options) {
        Ok(data) => validate_field_owned(registry, form_id, path, data, options),
        Err(p) => {
            // Misuse is still reported first, as validate_field would.
            let schema = registry
                .schema(form_id)
                .ok_or_else(|| Problem::new("", "form.unknown").text("form", form_id))?;
            if !path_exists(&schema.root, path) {
                return Err(Problem::new(path, "form.unknown_field").text("form", form_id));
            }
            let issue = Issue {
                problem: p,
                also: Vec::new(),
            };
            Ok(FormResult::from_issues(Value::Null, vec![issue], options))
        }
    }
}

/// Whether `p` is `base` or inside it.
fn under(p: &str, base: &str) -> bool {
    p.strip_prefix(base)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// Splits `a.b[1].c` into keys and indexes.
fn segments(path: &str) -> Option<Vec<Seg<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if key.is_empty() {
            return None;
        }
        out.push(Seg::Key(key));
        while !rest.is_empty() {
            let (n, tail) = rest.split_once(']')?;
            out.push(Seg::Index(n.parse().ok()?));
            rest = match tail.strip_prefix('[') {
                Some(t) => t,
                None if tail.is_empty() => "",
                None => return None,
            };
        }
    }
    Some(out)
}

enum Seg<'p> {
    Key(&'p str),
    Index(usize),
}

fn path_exists(root: &ObjectSpec, path: &str) -> bool {
    let Some(segs) = segments(path) else {
        return false;
    };
    let mut obj = Some(root);
    let mut ty: Option<&FieldType> = None;
    for seg in segs {
        match seg {
            Seg::Key(k) => {
                let Some(f) = obj.and_then(|o| o.field(k)) else {
                    return false;
                };
                ty = Some(&f.ty);
            }
            Seg::Index(_) => match ty {
                Some(FieldType::Array(a)) => ty = Some(&a.items.ty),
                _ => return false,
            },
        }
        obj = match ty {
            Some(FieldType::Object(o)) => Some(o.as_ref()),
            _ => None,
        };
    }
    true
}

fn value_at<'v, 'd>(value: &'v Node<'d>, path: &str) -> Option<&'v Node<'d>> {
    segments(path)?
        .into_iter()
        .try_fold(value, |v, seg| match (seg, v) {
            (Seg::Key(k), v) => v.get(k),
            (Seg::Index(i), Node::Array(items)) => items.get(i),
            (Seg::Index(_), _) => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments() {
        assert!(segments("a[1][2].b").is_some());
        assert!(segments("a[x]").is_none());
        assert!(segments("a[1]b").is_none());
        assert!(segments(".a").is_none());
        assert!(segments("[1]").is_none());
        assert!(under("a[1].b", "a[1]") && under("a", "a") && !under("ab", "a"));
    }

    #[test]
    fn escape_test_finds_every_byte_at_every_offset() {
        for len in 0..20 {
            for at in 0..len {
                for bad in [b'"', b'\\', 0u8, 0x1f, b'\n'] {
                    let mut v = vec![b'a'; len];
                    if let Some(x) = v.get_mut(at) {
                        *x = bad;
                    }
                    assert!(needs_escape(&v), "{len} {at} {bad}");
                }
                let mut v = vec![b'a'; len];
                if let Some(x) = v.get_mut(at) {
                    *x = 0x20;
                }
                assert!(!needs_escape(&v));
            }
        }
        assert!(!needs_escape("王秀英 高血压20年 \u{7f}\u{a0}".as_bytes()));
    }

    #[test]
    fn value_json_is_serde_json() {
        let v = serde_json::json!({
            "a": [1, -2, 3.5, 1e300, 0.1, -0.0, u64::MAX, i64::MIN, null, true, false],
            "b\"\\\n\u{1}": "手\t\"x\"\u{7f}\u{2028}é", "": {}, "e": [], "n": {"x": [{"y": "z"}]}
        });
        let mut s = String::new();
        push_value_json(&mut s, &v);
        assert_eq!(s, serde_json::to_string(&v).unwrap());
    }

    #[test]
    fn json_escapes_and_params() {
        let mut s = String::new();
        problem_json(
            &mut s,
            &Problem::new("a\"b", "x.y")
                .text("label", "手\n")
                .int("max", -3),
        );
        assert_eq!(
            s,
            r#"{"path":"a\"b","code":"x.y","params":{"label":"手\n","max":-3}}"#
        );
    }
}
