//! The engine: walks the input along the schema (never deeper than the schema, so hostile
//! nesting costs nothing), normalises each field, collects every problem with its path, then
//! runs each object's cross-field rules (in `rules.rs`) over the normalised values.

use crate::limits::to_i64;
use crate::node::{Node, Obj};
use crate::schema::*;
use crate::{normalize_text, Date, DateTime, Dec, FormResult, IdValue, Options, Registry, Time};
use homecare_core::{Locale, Problem};
use serde_json::{Number, Value};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A problem plus the other paths it involves (cross-field rules), so live checking of one
/// field also shows rule problems reported at a partner field.
pub(crate) struct Issue {
    pub problem: Problem,
    pub also: Vec<String>,
}

/// One step of the label chain: a field's label, or an array item's label and index.
#[derive(Clone, Copy)]
pub(crate) struct Frame<'a> {
    pub label: Option<&'a Label>,
    pub index: Option<usize>,
}

pub(crate) struct Walk<'a> {
    pub identity: Option<&'a dyn crate::IdentityRules>,
    pub opts: &'a Options,
    pub issues: Vec<Issue>,
    /// Path → the birth date and sex read from a valid ID number (for `idMatches`).
    pub ids: Vec<(String, Option<Date>, Option<crate::Sex>)>,
    pub frames: Vec<Frame<'a>>,
    pub path: String,
}

/// The result of one field.
pub(crate) enum Out<'d> {
    /// Absent or blank.
    Missing,
    /// Reported already.
    Invalid,
    /// The normalised value.
    Valid(Node<'d>),
}

/// A valid scalar: unchanged (the input value is moved into the result, no copy) or a new
/// normalised value.
pub(crate) enum Norm<'d> {
    Same,
    New(Node<'d>),
}

/// What happens to a field's entry in the object being normalised.
enum Verdict<'d> {
    Keep,
    Replace(Node<'d>),
    Remove,
    /// An object or array to walk owned (resolved before the entry is updated).
    Walk,
}

/// Whether a field's value is moved out of the input and walked in place (objects, arrays).
fn composite(ty: &FieldType) -> bool {
    matches!(ty, FieldType::Object(_) | FieldType::Array(_))
}

/// `Same` when normalising only borrowed the whole input text, else the new text.
fn norm_text<'d>(orig: &str, s: Cow<'_, str>) -> Norm<'d> {
    match s {
        Cow::Borrowed(b) if b.len() == orig.len() => Norm::Same,
        s => Norm::New(owned_text(s.into_owned())),
    }
}

/// A new string node.
fn owned_text<'d>(s: String) -> Node<'d> {
    Node::String(Cow::Owned(s))
}

/// Validates `data` against form `form_id`. Every problem is reported at once, with a path like
/// `emergencyContacts[1].mobile`; cross-field rules run even when other fields fail. `Err` only
/// for API misuse: an unknown form id (`form.unknown`).
///
/// ```
/// use homecare_forms::{validate_form, Date, Options, Registry};
/// let reg = Registry::new();
/// let opts = Options::new(Date::new(2026, 11, 30).unwrap());
/// let data = serde_json::json!({"category": "service", "text": "  护士很耐心  "});
/// let r = validate_form(&reg, "feedback", &data, &opts).unwrap();
/// assert!(r.ok);
/// assert_eq!(r.value["text"], "护士很耐心");
/// let r = validate_form(&reg, "feedback", &serde_json::json!({}), &opts).unwrap();
/// assert_eq!(r.errors[0].code, "field.required_choice");
/// assert_eq!(r.errors[0].path, "category");
/// ```
pub fn validate_form(
    registry: &Registry,
    form_id: &str,
    data: &Value,
    options: &Options,
) -> Result<FormResult, Problem> {
    let schema = registry
        .schema(form_id)
        .ok_or_else(|| Problem::new("", "form.unknown").text("form", form_id))?;
    let (value, issues) = run(registry, schema, Node::from_value(data), options);
    Ok(FormResult::from_issues(value.into_value(), issues, options))
}

/// What [`validate_form_text`] returns: a [`FormResult`] whose normalised value is already
/// compact JSON (written from the input text without building a `serde_json::Value`).
#[derive(Debug, Clone, PartialEq)]
pub struct FormJson {
    /// No problems.
    pub ok: bool,
    /// The normalised value as compact JSON (`null` when the input was not an object), byte
    /// for byte what `serde_json` writes for [`FormResult::value`].
    pub value_json: String,
    /// Every problem, in form order.
    pub errors: Vec<Problem>,
    /// Path → index into `errors` of the first problem at that path.
    pub field_errors: BTreeMap<String, usize>,
}

/// [`validate_form_json`] for the wasm layer: the same problems, with the normalised value
/// written straight to JSON. Input strings without escapes are never copied before that.
///
/// ```
/// use homecare_forms::{validate_form_text, Date, Options, Registry};
/// let reg = Registry::new();
/// let opts = Options::new(Date::new(2026, 11, 30).unwrap());
/// let r = validate_form_text(&reg, "order.payment", r#"{"points":"１２０","plan":"full"}"#, &opts).unwrap();
/// assert!(r.ok);
/// assert_eq!(r.value_json, r#"{"plan":"full","points":120}"#);
/// ```
pub fn validate_form_text(
    registry: &Registry,
    form_id: &str,
    json_text: &str,
    options: &Options,
) -> Result<FormJson, Problem> {
    let schema = registry
        .schema(form_id)
        .ok_or_else(|| Problem::new("", "form.unknown").text("form", form_id))?;
    let (value, issues) = match parse_input(json_text, options) {
        Ok(data) => run(registry, schema, data, options),
        Err(p) => (
            Node::Null,
            vec![Issue {
                problem: p,
                also: Vec::new(),
            }],
        ),
    };
    let (errors, field_errors) = crate::result::split_issues(issues, options);
    let mut value_json = String::with_capacity(json_text.len().saturating_add(16));
    value.write_json(&mut value_json);
    Ok(FormJson {
        ok: errors.is_empty(),
        value_json,
        errors,
        field_errors,
    })
}

/// [`validate_form`] on JSON text, enforcing the size and depth limits before `serde_json`
/// parses (its parser recurses), so 100 000 nested `[` is an `input.too_deep` /
/// `input.too_large` result, not a stack overflow. Malformed JSON is `input.invalid_json`.
///
/// ```
/// use homecare_forms::{validate_form_json, Date, Options, Registry};
/// let reg = Registry::new();
/// let opts = Options::new(Date::new(2026, 11, 30).unwrap());
/// let r = validate_form_json(&reg, "feedback", &"[".repeat(100_000), &opts).unwrap();
/// assert_eq!(r.errors[0].code, "input.too_deep");
/// let r = validate_form_json(&reg, "feedback", "{\"text\":", &opts).unwrap();
/// assert_eq!(r.errors[0].code, "input.invalid_json");
/// ```
pub fn validate_form_json(
    registry: &Registry,
    form_id: &str,
    json_text: &str,
    options: &Options,
) -> Result<FormResult, Problem> {
    let schema = registry
        .schema(form_id)
        .ok_or_else(|| Problem::new("", "form.unknown").text("form", form_id))?;
    match parse_input(json_text, options) {
        Ok(data) => {
            let (value, issues) = run(registry, schema, data, options);
            Ok(FormResult::from_issues(value.into_value(), issues, options))
        }
        Err(p) => Ok(FormResult::from_issues(
            Value::Null,
            vec![Issue {
                problem: p,
                also: Vec::new(),
            }],
            options,
        )),
    }
}

/// The input limits and the parse into the borrowed tree: `input.too_large` /
/// `input.too_deep` exactly as [`prescan_json`](crate::prescan_json) decides them, else
/// `input.invalid_json` for anything `serde_json` would reject. The parser stops at the
/// depth limit itself, so the prescan only runs when it failed: on valid JSON within the
/// limits its bracket depth is the parser's nesting depth.
pub(crate) fn parse_input<'d>(json_text: &'d str, options: &Options) -> Result<Node<'d>, Problem> {
    let limits = &options.limits;
    if json_text.len() > limits.max_bytes {
        crate::prescan_json(json_text, limits)?;
    }
    crate::node::parse(json_text, limits.max_depth).map_err(|()| {
        crate::prescan_json(json_text, limits)
            .err()
            .unwrap_or_else(|| Problem::new("", "input.invalid_json"))
    })
}

/// Validates and returns the normalised value plus all issues.
pub(crate) fn run<'d>(
    registry: &Registry,
    schema: &Schema,
    data: Node<'d>,
    opts: &Options,
) -> (Node<'d>, Vec<Issue>) {
    let mut w = Walk {
        identity: registry.identity(),
        opts,
        issues: Vec::new(),
        ids: Vec::new(),
        // Schemas nest at most 8 levels; paths are short.
        frames: Vec::with_capacity(16),
        path: String::with_capacity(64),
    };
    let value = match data {
        Node::Object(map) => Node::Object(w.object(&schema.root, map)),
        _ => {
            w.report(Problem::new("", "input.not_object"));
            Node::Null
        }
    };
    (value, w.issues)
}

impl<'a> Walk<'a> {
    pub(crate) fn report(&mut self, problem: Problem) {
        self.report_also(problem, Vec::new());
    }

    pub(crate) fn report_also(&mut self, problem: Problem, also: Vec<String>) {
        if self.issues.len() < self.opts.limits.max_errors {
            self.issues.push(Issue { problem, also });
        }
    }

    /// A problem at the current path with the current label.
    pub(crate) fn here(&self, code: &'static str) -> Problem {
        Problem::new(self.path.as_str(), code).text("label", self.label_text())
    }

    /// The label of the current position: `紧急联系人2的手机号`, `手机号`, or `此项`.
    pub(crate) fn label_text(&self) -> String {
        label_of(&self.frames, self.opts.locale)
    }

    fn enter_key(&mut self, key: &str) -> usize {
        let len = self.path.len();
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(key);
        len
    }

    fn enter_index(&mut self, i: usize) -> usize {
        let len = self.path.len();
        self.path.push('[');
        push_usize(&mut self.path, i);
        self.path.push(']');
        len
    }

    /// Walks `input` and normalises it in place: a valid value stays (or is replaced by its
    /// normalised form), a missing or invalid one is removed, unknown keys are dropped, so
    /// the common valid case allocates no new map or key.
    pub(crate) fn object<'d>(&mut self, spec: &'a ObjectSpec, mut map: Obj<'d>) -> Obj<'d> {
        // Values of fields checked so far are normalised (invalid and missing ones removed),
        // later ones still raw: what rules and kind fields (`kindField`) read.
        let mut kept = 0usize;
        for field in &spec.fields {
            let mark = self.enter_key(&field.name);
            self.frames.push(Frame {
                label: field.label.as_ref(),
                index: None,
            });
            // One lookup decides a present scalar; composites are taken out and walked owned.
            let at = map.position(&field.name);
            let raw = at.and_then(|i| map.at(i));
            let verdict = match self.presence(field, raw) {
                Some(Out::Valid(_)) => Verdict::Keep,
                Some(_) => Verdict::Remove,
                None if composite(&field.ty) => Verdict::Walk,
                None => match raw {
                    Some(raw) => match self.scalar(field, raw, &map, &map) {
                        Some(Norm::Same) => Verdict::Keep,
                        Some(Norm::New(v)) => Verdict::Replace(v),
                        None => Verdict::Remove,
                    },
                    None => Verdict::Remove,
                },
            };
            let verdict = match verdict {
                Verdict::Walk => match at.and_then(|i| map.at_mut(i)) {
                    Some(slot) => {
                        let raw = core::mem::take(slot);
                        match self.typed_owned(field, raw) {
                            Some(v) => {
                                *slot = v;
                                Verdict::Keep
                            }
                            None => Verdict::Remove,
                        }
                    }
                    None => Verdict::Remove,
                },
                v => v,
            };
            self.frames.pop();
            self.path.truncate(mark);
            match verdict {
                Verdict::Keep => kept += 1,
                Verdict::Replace(v) => {
                    if let Some(slot) = at.and_then(|i| map.at_mut(i)) {
                        *slot = v;
                        kept += 1;
                    }
                }
                Verdict::Remove | Verdict::Walk => {
                    map.remove(&field.name);
                }
            }
        }
        // Every remaining key is a kept field unless there are more keys than that.
        // Every remaining key is a kept field unless there are more keys than that (unknown
        // or duplicate keys).
        if map.len() > kept {
            if spec.unknown == Unknown::Report {
                // Once per name, in key order (as a JSON map lists them).
                let mut unknown: Vec<&str> = map
                    .entries
                    .iter()
                    .map(|(k, _)| k.as_ref())
                    .filter(|k| spec.field(k).is_none())
                    .collect();
                unknown.sort_unstable();
                unknown.dedup();
                for key in unknown {
                    let mark = self.enter_key(key);
                    self.frames.push(Frame {
                        label: None,
                        index: None,
                    });
                    let p = self.here("object.unknown_field").text("name", key);
                    self.report(p);
                    self.frames.pop();
                    self.path.truncate(mark);
                }
            }
            map.entries.retain(|(k, _)| spec.field(k).is_some());
        }
        // Key order (what the result JSON lists), the last of duplicate keys kept: the one
        // the lookups above found.
        // Key order (what the result JSON lists), the last of duplicate keys kept: the one
        // the lookups above found.
        map.sort_dedup();
        self.rules(spec, &map);
        map
    }

    /// Presence of one field: `None` when it is present (its type decides next), else its
    /// result (missing, a required error, or a kept `null`).
    fn presence<'d>(&mut self, spec: &'a FieldSpec, raw: Option<&Node<'_>>) -> Option<Out<'d>> {
        let present = match raw {
            None => false,
            Some(Node::Null) if spec.nullable => return Some(Out::Valid(Node::Null)),
            Some(Node::Null) => false,
            Some(Node::String(s)) => !s.chars().all(char::is_whitespace),
            Some(Node::Array(a)) => !(spec.required && a.is_empty()),
            Some(_) => true,
        };
        if present {
            return None;
        }
        if spec.required {
            let code = if spec.ty.is_choice() {
                "field.required_choice"
            } else {
                "field.required"
            };
            let p = self.here(code);
            self.report(p);
            return Some(Out::Invalid);
        }
        Some(Out::Missing)
    }

    fn wrong_type<'d>(&mut self, expected: &'static str) -> Option<Node<'d>> {
        let p = self.here("field.wrong_type").text("expected", expected);
        self.report(p);
        None
    }

    /// The text of a string-typed input, within the string limit.
    fn text<'v>(&mut self, raw: &'v Node<'_>, expected: &'static str) -> Option<&'v str> {
        let Node::String(s) = raw else {
            self.wrong_type(expected);
            return None;
        };
        let max = self.opts.limits.max_string_chars;
        // Bytes ≥ chars, so the cheap byte check settles the common case.
        if s.len() > max && s.chars().count() > max {
            let p = self.here("input.string_too_long").int("max", to_i64(max));
            self.report(p);
            return None;
        }
        Some(s)
    }

    /// A present value of any type, owned: objects and arrays are walked in place, an
    /// unchanged scalar is returned as is.
    fn typed_owned<'d>(&mut self, spec: &'a FieldSpec, raw: Node<'d>) -> Option<Node<'d>> {
        match (&spec.ty, raw) {
            (FieldType::Object(obj), Node::Object(map)) => {
                Some(Node::Object(self.object(obj, map)))
            }
            (FieldType::Object(_), _) => self.wrong_type("object"),
            (FieldType::Array(arr), Node::Array(items)) => self.array(arr, items),
            (FieldType::Array(_), _) => self.wrong_type("array"),
            (_, raw) => {
                let empty = Obj::default();
                match self.scalar(spec, &raw, &empty, &empty)? {
                    Norm::Same => Some(raw),
                    Norm::New(v) => Some(v),
                }
            }
        }
    }

    /// A present scalar (objects and arrays go through [`Self::typed_owned`]).
    fn scalar<'d>(
        &mut self,
        spec: &'a FieldSpec,
        raw: &Node<'d>,
        siblings: &Obj<'d>,
        done: &Obj<'d>,
    ) -> Option<Norm<'d>> {
        let new = |v: Option<Node<'d>>| v.map(Norm::New);
        match &spec.ty {
            FieldType::String(s) => self.string(s, raw),
            FieldType::Integer { min, max } => new(self.integer(raw, *min, *max)),
            FieldType::Decimal { scale, min, max } => new(self.decimal(raw, *scale, *min, *max)),
            FieldType::Boolean => match raw {
                Node::Bool(_) => Some(Norm::Same),
                _ => new(self.wrong_type("boolean")),
            },
            FieldType::Date(d) => self.date(d, raw),
            FieldType::Time { step, min, max } => self.time(raw, *step, *min, *max),
            FieldType::DateTime { not_future } => self.datetime(raw, *not_future),
            FieldType::Enum(values) => {
                let orig = self.text(raw, "enum")?;
                let s = normalize_text(orig, false);
                if values.iter().any(|v| v.value == s) {
                    Some(norm_text(orig, s))
                } else {
                    let p = self.here("enum.not_allowed");
                    self.report(p);
                    None
                }
            }
            // Composites are walked owned; a copy here only serves unusual callers.
            FieldType::Object(_) | FieldType::Array(_) => new(self.typed_owned(spec, raw.clone())),
            _ => new(self.identity_field(&spec.ty, raw, siblings, done)),
        }
    }

    fn string<'d>(&mut self, spec: &StringSpec, raw: &Node<'_>) -> Option<Norm<'d>> {
        let orig = self.text(raw, "string")?;
        let s = normalize_text(orig, spec.half_width);
        let mut ok = true;
        if spec.min_length.is_some() || spec.max_length.is_some() {
            let n = s.chars().count();
            let p = match (spec.min_length, spec.max_length) {
                // A fixed length (codes, region codes) reads better as "应为6位".
                (Some(min), Some(max)) if min == max && n != min => Some(
                    self.here("string.wrong_length")
                        .int("length", to_i64(min))
                        .int("actual", to_i64(n)),
                ),
                (Some(min), _) if n < min => Some(
                    self.here("string.too_short")
                        .int("min", to_i64(min))
                        .int("actual", to_i64(n)),
                ),
                (_, Some(max)) if n > max => Some(
                    self.here("string.too_long")
                        .int("max", to_i64(max))
                        .int("actual", to_i64(n)),
                ),
                _ => None,
            };
            if let Some(p) = p {
                self.report(p);
                ok = false;
            }
        }
        if let Some(c) = spec.chars.as_ref().and_then(|set| set.first_outside(&s)) {
            let p = self.here("string.invalid_char").text("char", c.to_string());
            self.report(p);
            ok = false;
        }
        ok.then(|| norm_text(orig, s))
    }

    /// A number from a JSON number or typed text (full-width digits folded).
    fn number(&mut self, raw: &Node<'_>, scale: u8, code: &'static str) -> Option<Dec> {
        let mut too_precise = false;
        let d = match raw {
            Node::Number(n) => match n.as_i64() {
                Some(i) => Some(Dec::from_int(i)),
                None => {
                    let d = n
                        .as_f64()
                        .and_then(|f| Dec::from_f64(f, scale.saturating_add(3)));
                    // A finite float with more digits than we keep (0.1 + 0.2) is "too
                    // precise", not "not a number".
                    too_precise = d.is_none() && n.as_f64().is_some_and(f64::is_finite);
                    d
                }
            },
            Node::String(_) => {
                let s = self.text(raw, "number")?;
                Dec::parse(&normalize_text(s, true))
            }
            _ => None,
        };
        if d.is_none() {
            let p = if too_precise && code == "decimal.invalid" {
                self.here("decimal.too_precise")
                    .int("places", i64::from(scale))
            } else {
                self.here(code)
            };
            self.report(p);
        }
        d
    }

    fn integer<'d>(
        &mut self,
        raw: &Node<'_>,
        min: Option<i64>,
        max: Option<i64>,
    ) -> Option<Node<'d>> {
        let d = self.number(raw, 0, "integer.invalid")?;
        let Some(n) = d.as_int() else {
            let p = self.here("integer.invalid");
            self.report(p);
            return None;
        };
        let mut ok = true;
        if let Some(min) = min.filter(|m| n < *m) {
            let p = self.here("number.too_small").int("min", min);
            self.report(p);
            ok = false;
        }
        if let Some(max) = max.filter(|m| n > *m) {
            let p = self.here("number.too_large").int("max", max);
            self.report(p);
            ok = false;
        }
        ok.then(|| Node::Number(Number::from(n)))
    }

    fn decimal<'d>(
        &mut self,
        raw: &Node<'_>,
        scale: u8,
        min: Option<Dec>,
        max: Option<Dec>,
    ) -> Option<Node<'d>> {
        let d = self.number(raw, scale, "decimal.invalid")?;
        let mut ok = true;
        if d.scale() > scale {
            let p = self
                .here("decimal.too_precise")
                .int("places", i64::from(scale));
            self.report(p);
            ok = false;
        }
        if let Some(min) = min.filter(|m| d < *m) {
            let p = self.here("number.too_small").text("min", min.to_string());
            self.report(p);
            ok = false;
        }
        if let Some(max) = max.filter(|m| d > *m) {
            let p = self.here("number.too_large").text("max", max.to_string());
            self.report(p);
            ok = false;
        }
        ok.then(|| owned_text(d.to_string()))
    }

    fn date<'d>(&mut self, spec: &DateSpec, raw: &Node<'_>) -> Option<Norm<'d>> {
        let orig = self.text(raw, "date")?;
        let s = normalize_text(orig, true);
        let d = match Date::parse_detailed(&s) {
            Ok(d) => d,
            Err(crate::DateError::Shape) => {
                let p = self.here("date.invalid");
                self.report(p);
                return None;
            }
            Err(crate::DateError::NoSuchDay) => {
                let p = self.here("date.no_such_day").text("value", s.as_ref());
                self.report(p);
                return None;
            }
        };
        let as_of = self.opts.as_of;
        let mut ok = true;
        let mut fail = |w: &mut Self, p: Problem| {
            w.report(p);
            ok = false;
        };
        if spec.not_future && d > as_of {
            let p = self.here("date.in_future");
            fail(self, p);
        }
        if spec.not_past && d < as_of {
            let p = self.here("date.in_past");
            fail(self, p);
        }
        let oldest = spec.max_years_ago.and_then(|n| years_before(as_of, n));
        let min = match (spec.min, oldest) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        if let Some(min) = min.filter(|m| d < *m) {
            let p = self.here("date.too_early").text("min", min.to_string());
            fail(self, p);
        }
        if let Some(max) = spec.max.filter(|m| d > *m) {
            let p = self.here("date.too_late").text("max", max.to_string());
            fail(self, p);
        }
        // Already `YYYY-MM-DD` (the usual picker value): keep the text, no new string.
        let canonical = s.len() == 10 && !s.contains('/');
        ok.then(|| {
            if canonical {
                norm_text(orig, s)
            } else {
                Norm::New(owned_text(d.to_text()))
            }
        })
    }

    fn time<'d>(
        &mut self,
        raw: &Node<'_>,
        step: Option<u16>,
        min: Option<Time>,
        max: Option<Time>,
    ) -> Option<Norm<'d>> {
        let orig = self.text(raw, "time")?;
        let s = normalize_text(orig, true);
        let Some(t) = Time::parse(&s) else {
            let p = self.here("time.invalid");
            self.report(p);
            return None;
        };
        let mut ok = true;
        if let Some(step) = step.filter(|st| t.minutes % st != 0) {
            let p = self.here("time.off_step").int("step", i64::from(step));
            self.report(p);
            ok = false;
        }
        if let Some(min) = min.filter(|m| t < *m) {
            let p = self.here("time.too_early").text("min", min.to_string());
            self.report(p);
            ok = false;
        }
        if let Some(max) = max.filter(|m| t > *m) {
            let p = self.here("time.too_late").text("max", max.to_string());
            self.report(p);
            ok = false;
        }
        // A parsed time of five characters is `HH:MM` already.
        let canonical = s.len() == 5;
        ok.then(|| {
            if canonical {
                norm_text(orig, s)
            } else {
                Norm::New(owned_text(t.to_text()))
            }
        })
    }

    fn datetime<'d>(&mut self, raw: &Node<'_>, not_future: bool) -> Option<Norm<'d>> {
        let orig = self.text(raw, "datetime")?;
        let s = normalize_text(orig, true);
        let Some(t) = DateTime::parse(&s) else {
            let p = self.here("datetime.invalid");
            self.report(p);
            return None;
        };
        let now = self.opts.now.unwrap_or(DateTime {
            date: self.opts.as_of,
            time: Time { minutes: 1439 },
        });
        if not_future && t > now {
            let p = self.here("datetime.in_future");
            self.report(p);
            return None;
        }
        let canonical = s.len() == 16 && s.as_bytes().get(10) == Some(&b'T') && !s.contains('/');
        Some(if canonical {
            norm_text(orig, s)
        } else {
            Norm::New(owned_text(t.to_text()))
        })
    }

    fn array<'d>(&mut self, spec: &'a ArraySpec, mut items: Vec<Node<'d>>) -> Option<Node<'d>> {
        let max_len = self.opts.limits.max_array_len;
        if items.len() > max_len {
            let p = self
                .here("input.array_too_long")
                .int("max", to_i64(max_len));
            self.report(p);
            return None;
        }
        let mut ok = true;
        if let Some(min) = spec.min_items.filter(|m| items.len() < *m) {
            let p = self.here("array.too_few").int("min", to_i64(min));
            self.report(p);
            ok = false;
        }
        if let Some(max) = spec.max_items.filter(|m| items.len() > *m) {
            let p = self.here("array.too_many").int("max", to_i64(max));
            self.report(p);
            // Do not walk a list the form does not allow; its items add nothing useful.
            return None;
        }
        // Normalised in place: each item is taken out, walked and put back.
        for (i, slot) in items.iter_mut().enumerate() {
            let item = core::mem::take(slot);
            let mark = self.enter_index(i);
            self.frames.push(Frame {
                label: spec.items.label.as_ref(),
                index: Some(i),
            });
            // Items are always required: a hole in a list is a mistake, not an omission.
            let item_spec = &spec.items;
            let result = match item {
                Node::Null => {
                    let p = self.here(if item_spec.ty.is_choice() {
                        "field.required_choice"
                    } else {
                        "field.required"
                    });
                    self.report(p);
                    Out::Invalid
                }
                item => match self.typed_owned(item_spec, item) {
                    Some(v) => Out::Valid(v),
                    None => Out::Invalid,
                },
            };
            self.frames.pop();
            self.path.truncate(mark);
            match result {
                Out::Valid(v) => *slot = v,
                // A placeholder (the slot's Null) keeps indexes aligned for unique/overlap
                // checks.
                Out::Invalid | Out::Missing => ok = false,
            }
        }
        self.unique(spec, &items);
        ok.then_some(Node::Array(items))
    }

    fn unique<'v>(&mut self, spec: &'a ArraySpec, out: &'v [Node<'v>]) {
        let key = match &spec.unique {
            Unique::No => return,
            Unique::Whole => None,
            Unique::By(k) => Some(k.as_str()),
        };
        let pick = |v: &'v Node<'v>| -> Option<&'v Node<'v>> {
            let v = match key {
                Some(k) => v.get(k)?,
                None => v,
            };
            (!v.is_null()).then_some(v)
        };
        for (j, item) in out.iter().enumerate() {
            let Some(kj) = pick(item) else { continue };
            let first = out.iter().take(j).position(|i| pick(i) == Some(kj));
            let Some(first) = first else { continue };
            let base = self.path.clone();
            let mark = self.enter_index(j);
            self.frames.push(Frame {
                label: spec.items.label.as_ref(),
                index: Some(j),
            });
            let key_label = match (key, &spec.items.ty) {
                (Some(k), FieldType::Object(obj)) => obj.field(k).and_then(|f| f.label.as_ref()),
                _ => None,
            };
            let inner = key.map(|k| self.enter_key(k));
            if key.is_some() {
                self.frames.push(Frame {
                    label: key_label,
                    index: None,
                });
            }
            // The partner item's path, so a live check of either item shows the problem.
            let first_path = match key {
                Some(k) => format!("{base}[{first}].{k}"),
                None => format!("{base}[{first}]"),
            };
            let p = self.here("array.duplicate").int("first", to_i64(first + 1));
            self.report_also(p, vec![first_path]);
            if key.is_some() {
                self.frames.pop();
            }
            if let Some(m) = inner {
                self.path.truncate(m);
            }
            self.frames.pop();
            self.path.truncate(mark);
        }
    }

    fn identity_field<'d>(
        &mut self,
        ty: &FieldType,
        raw: &Node<'_>,
        siblings: &Obj<'_>,
        done: &Obj<'_>,
    ) -> Option<Node<'d>> {
        let input = normalize_text(self.text(raw, ty.name())?, false);
        let Some(rules) = self.identity else {
            let p = self.here("field.identity_unchecked");
            self.report(p);
            return None;
        };
        let sibling = |key: &Option<String>| -> Option<&str> {
            let k = key.as_deref()?;
            let v = done.get(k).or_else(|| siblings.get(k))?;
            Some(v.as_str()?.trim()).filter(|s| !s.is_empty())
        };
        // A kind field that failed its own check cannot pick the rules for this number; its
        // error already stops the form, so this field waits rather than adding noise.
        let kind_failed = |w: &Self, key: &Option<String>| -> bool {
            let Some(k) = key.as_deref() else {
                return false;
            };
            // Nothing failed yet (the usual case): no path to build.
            if w.issues.is_empty() {
                return false;
            }
            let parent = w
                .path
                .rfind('.')
                .map_or("", |at| w.path.get(..at).unwrap_or(""));
            let sib = if parent.is_empty() {
                k.to_owned()
            } else {
                format!("{parent}.{k}")
            };
            w.has_issue_under(&sib)
        };
        match ty {
            FieldType::IdNumber { kind_field, .. } | FieldType::Certificate { kind_field, .. }
                if kind_failed(self, kind_field) =>
            {
                return None;
            }
            _ => {}
        }
        let result = match ty {
            FieldType::IdNumber { kinds, kind_field } => {
                let checked = match sibling(kind_field) {
                    Some(k) => rules.id_number_of_kind(&input, k, self.opts.as_of),
                    None => rules.id_number(&input, kinds, self.opts.as_of),
                };
                match checked {
                    Ok(IdValue {
                        normalized,
                        birth_date,
                        sex,
                        ..
                    }) => {
                        self.ids.push((self.path.clone(), birth_date, sex));
                        Ok(normalized)
                    }
                    Err(e) => Err(e),
                }
            }
            FieldType::Mobile => rules.mobile(&input),
            FieldType::Landline => rules.landline(&input),
            FieldType::Phone => {
                if input.starts_with(['1', '+', '１', '＋']) {
                    rules.mobile(&input)
                } else {
                    rules.landline(&input)
                }
            }
            FieldType::Name => rules.name(&input),
            FieldType::Email => rules.email(&input),
            FieldType::Uscc => rules.uscc(&input),
            FieldType::Certificate { kind, kind_field } => {
                match sibling(kind_field).or(kind.as_deref()) {
                    Some(k) => rules.certificate(&input, k),
                    // Without a kind there is nothing to check the number against; the
                    // kind field reports its own absence if it is required.
                    None => Ok(input.clone().into_owned()),
                }
            }
            _ => Ok(input.clone().into_owned()),
        };
        match result {
            Ok(v) => Some(owned_text(v)),
            Err(problems) => {
                let label = self.label_text();
                for p in problems {
                    let mut p = p.at(&self.path);
                    if p.param("label").is_none() {
                        p = p.text("label", label.as_str());
                    }
                    self.report(p);
                }
                None
            }
        }
    }
}

/// Appends `n` in decimal (array indexes in paths), without `format!`.
fn push_usize(out: &mut String, n: usize) {
    homecare_core::push_u64(out, u64::try_from(n).unwrap_or(u64::MAX));
}

/// The same month and day `n` years before `d` (Feb 29 → Feb 28).
fn years_before(d: Date, n: u16) -> Option<Date> {
    let year = d.year.checked_sub(n)?;
    Date::new(year, d.month, d.day).or_else(|| Date::new(year, d.month, d.day.saturating_sub(1)))
}

/// Composes a label from the frame stack: the innermost field label, prefixed with the
/// nearest enclosing array item (`紧急联系人2的手机号` / `emergency contact 2 mobile`).
pub(crate) fn label_of(frames: &[Frame<'_>], locale: Locale) -> String {
    let fallback = match locale {
        Locale::ZhCn => "此项",
        Locale::En => "this field",
    };
    let Some((last, before)) = frames.split_last() else {
        return fallback.to_owned();
    };
    let item = |f: &Frame<'_>| -> Option<String> {
        let n = f.index?.checked_add(1)?;
        Some(match (locale, f.label) {
            (Locale::ZhCn, None) => format!("第{n}项"),
            (Locale::En, None) => format!("item {n}"),
            (Locale::ZhCn, Some(l)) => format!("{}{n}", l.zh_cn),
            (Locale::En, Some(l)) => format!("{} {n}", l.en),
        })
    };
    if last.index.is_some() {
        return item(last).unwrap_or_else(|| fallback.to_owned());
    }
    let own = last.label.map(|l| l.get(locale));
    let parent = before
        .iter()
        .rev()
        .find(|f| f.index.is_some())
        .and_then(item);
    match (parent, own) {
        (Some(p), Some(o)) => match locale {
            Locale::ZhCn => format!("{p}的{o}"),
            Locale::En => format!("{p} {o}"),
        },
        (None, Some(o)) => o.to_owned(),
        (Some(p), None) => p,
        (None, None) => fallback.to_owned(),
    }
}
