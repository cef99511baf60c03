//! Schema JSON → [`Schema`], checking everything on load: unknown keys (typos), wrong types,
//! unknown field types and rules, references to fields that do not exist, malformed character
//! sets and bounds. Every mistake is reported at once as a `schema.*` [`Problem`] whose path
//! points into the schema JSON (`fields[2].maxLength`).

use crate::schema::*;
use crate::{CharSet, Date, Dec, Time};
use homecare_core::Problem;
use serde_json::{Map, Value};

/// Deepest object/array nesting a schema may declare (also bounds the engine's recursion).
pub const MAX_SCHEMA_DEPTH: usize = 8;

/// Parses and checks schema JSON text.
///
/// ```
/// use homecare_forms::parse_schema;
/// let s = parse_schema(r#"{"id":"t","version":1,"fields":[{"name":"n","type":"string"}]}"#).unwrap();
/// assert_eq!(s.id, "t");
/// let errs = parse_schema(r#"{"id":"t","version":1,"fields":[{"name":"n","type":"strin"}]}"#).unwrap_err();
/// assert_eq!((errs[0].path.as_str(), errs[0].code), ("fields[0].type", "schema.unknown_type"));
/// ```
pub fn parse_schema(json: &str) -> Result<Schema, Vec<Problem>> {
    let limits = crate::Limits {
        max_depth: 64,
        max_bytes: 1024 * 1024,
        ..crate::Limits::default()
    };
    crate::prescan_json(json, &limits).map_err(|p| vec![p])?;
    let value: Value =
        serde_json::from_str(json).map_err(|_| vec![Problem::new("", "schema.invalid_json")])?;
    schema_from_value(&value)
}

/// Checks and compiles an already-parsed schema value.
pub fn schema_from_value(value: &Value) -> Result<Schema, Vec<Problem>> {
    let mut p = Parser { errors: Vec::new() };
    let schema = p.schema(value);
    match schema {
        Some(s) if p.errors.is_empty() => Ok(s),
        _ => {
            if p.errors.is_empty() {
                p.errors
                    .push(Problem::new("", "schema.wrong_type").text("expected", "object"));
            }
            Err(p.errors)
        }
    }
}

struct Parser {
    errors: Vec<Problem>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

const FIELD_COMMON: &[&str] = &["name", "type", "label", "required", "nullable"];
/// Array items have no name and are always required.
const ITEM_COMMON: &[&str] = &["type", "label"];

fn type_keys(ty: &str) -> Option<&'static [&'static str]> {
    Some(match ty {
        "string" => &["minLength", "maxLength", "chars", "halfWidth"],
        "integer" | "decimal" => &["min", "max", "scale"],
        "boolean" | "mobile" | "landline" | "phone" | "name" | "email" | "uscc" => &[],
        "date" => &["min", "max", "notFuture", "notPast", "maxYearsAgo"],
        "time" => &["min", "max", "step"],
        "datetime" => &["notFuture"],
        "enum" => &["values"],
        "object" => &["fields", "rules", "unknownFields"],
        "array" => &["items", "minItems", "maxItems", "unique", "uniqueBy"],
        "idNumber" => &["kinds", "kindField"],
        "certificate" => &["certificateKind", "kindField"],
        _ => return None,
    })
}

impl Parser {
    fn err(&mut self, path: impl Into<String>, code: &'static str) {
        self.errors.push(Problem::new(path, code));
    }

    fn err_text(
        &mut self,
        path: impl Into<String>,
        code: &'static str,
        name: &'static str,
        v: &str,
    ) {
        self.errors.push(Problem::new(path, code).text(name, v));
    }

    fn wrong(&mut self, path: &str, expected: &str) {
        self.err_text(path, "schema.wrong_type", "expected", expected);
    }

    fn object<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        let o = v.as_object();
        if o.is_none() {
            self.wrong(path, "object");
        }
        o
    }

    fn check_keys(&mut self, o: &Map<String, Value>, path: &str, allowed: &[&[&str]]) {
        for k in o.keys() {
            if !allowed.iter().any(|set| set.contains(&k.as_str())) {
                let at = join(path, k);
                self.err_text(at, "schema.unknown_key", "name", k.as_str());
            }
        }
    }

    fn string(&mut self, o: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        match o.get(key)? {
            Value::String(s) if !s.is_empty() => Some(s.clone()),
            _ => {
                self.wrong(&join(path, key), "string");
                None
            }
        }
    }

    fn required_string(&mut self, o: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        if !o.contains_key(key) {
            self.missing(path, key);
            return None;
        }
        self.string(o, key, path)
    }

    fn missing(&mut self, path: &str, key: &str) {
        self.err_text(path, "schema.missing_key", "name", key);
    }

    fn bool(&mut self, o: &Map<String, Value>, key: &str, path: &str) -> bool {
        match o.get(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.wrong(&join(path, key), "boolean");
                false
            }
        }
    }

    fn uint(&mut self, o: &Map<String, Value>, key: &str, path: &str, max: u64) -> Option<u64> {
        let v = o.get(key)?;
        match v.as_u64() {
            Some(n) if n <= max => Some(n),
            _ => {
                self.bad(&join(path, key), "non-negative integer");
                None
            }
        }
    }

    fn usize(&mut self, o: &Map<String, Value>, key: &str, path: &str) -> Option<usize> {
        self.uint(o, key, path, 1_000_000)
            .and_then(|n| usize::try_from(n).ok())
    }

    fn bad(&mut self, path: &str, expected: &str) {
        self.err_text(path, "schema.bad_value", "expected", expected);
    }

    fn label(&mut self, o: &Map<String, Value>, key: &str, path: &str) -> Option<Label> {
        match o.get(key)? {
            Value::String(s) => Some(Label {
                zh_cn: s.clone(),
                en: s.clone(),
            }),
            Value::Object(m) => {
                let at = join(path, key);
                self.check_keys(m, &at, &[&["zh-CN", "en"]]);
                let zh = self.required_string(m, "zh-CN", &at);
                let en = self.required_string(m, "en", &at);
                Some(Label {
                    zh_cn: zh?,
                    en: en?,
                })
            }
            _ => {
                self.wrong(&join(path, key), "label");
                None
            }
        }
    }

    fn schema(&mut self, v: &Value) -> Option<Schema> {
        let o = self.object(v, "")?;
        self.check_keys(
            o,
            "",
            &[&["id", "version", "label", "fields", "rules", "unknownFields"]],
        );
        let id = self.required_string(o, "id", "");
        if !o.contains_key("version") {
            self.missing("", "version");
        }
        let version = self
            .uint(o, "version", "", u64::from(u32::MAX))
            .and_then(|n| u32::try_from(n).ok());
        let label = self.label(o, "label", "");
        let root = self.object_spec(o, "", 0);
        Some(Schema {
            id: id?,
            version: version?,
            label,
            root,
        })
    }

    fn object_spec(&mut self, o: &Map<String, Value>, path: &str, depth: usize) -> ObjectSpec {
        let mut spec = ObjectSpec::default();
        if depth > MAX_SCHEMA_DEPTH {
            self.err(path, "schema.too_deep");
            return spec;
        }
        spec.unknown = match o.get("unknownFields") {
            None => Unknown::Drop,
            Some(Value::String(s)) if s == "drop" => Unknown::Drop,
            Some(Value::String(s)) if s == "report" => Unknown::Report,
            Some(_) => {
                self.bad(&join(path, "unknownFields"), "\"drop\" or \"report\"");
                Unknown::Drop
            }
        };
        let fields_path = join(path, "fields");
        match o.get("fields") {
            Some(Value::Array(items)) => {
                for (i, f) in items.iter().enumerate() {
                    let at = index(&fields_path, i);
                    if let Some(field) = self.field(f, &at, depth, true) {
                        if spec.field(&field.name).is_some() {
                            self.err_text(
                                join(&at, "name"),
                                "schema.duplicate_field",
                                "name",
                                field.name.as_str(),
                            );
                        }
                        spec.fields.push(field);
                    }
                }
            }
            Some(_) => self.wrong(&fields_path, "array"),
            None => self.missing(path, "fields"),
        }
        let rules_path = join(path, "rules");
        match o.get("rules") {
            None => {}
            Some(Value::Array(items)) => {
                for (i, r) in items.iter().enumerate() {
                    if let Some(rule) = self.rule(r, &index(&rules_path, i), &spec) {
                        spec.rules.push(rule);
                    }
                }
            }
            Some(_) => self.wrong(&rules_path, "array"),
        }
        spec
    }

    fn field(&mut self, v: &Value, path: &str, depth: usize, named: bool) -> Option<FieldSpec> {
        let o = self.object(v, path)?;
        let name = if named {
            let n = self.required_string(o, "name", path);
            if let Some(n) = &n {
                if n.contains(['.', '[', ']', '$']) {
                    self.bad(&join(path, "name"), "a key without . [ ] $");
                }
            }
            n
        } else {
            Some(String::new())
        };
        let ty_name = self.required_string(o, "type", path)?;
        let Some(keys) = type_keys(&ty_name) else {
            self.err_text(
                join(path, "type"),
                "schema.unknown_type",
                "name",
                ty_name.as_str(),
            );
            return None;
        };
        let common: &[&str] = if named { FIELD_COMMON } else { ITEM_COMMON };
        self.check_keys(o, path, &[common, keys]);
        let ty = self.field_type(&ty_name, o, path, depth)?;
        Some(FieldSpec {
            name: name?,
            label: self.label(o, "label", path),
            required: self.bool(o, "required", path),
            nullable: self.bool(o, "nullable", path),
            ty,
        })
    }

    fn field_type(
        &mut self,
        ty: &str,
        o: &Map<String, Value>,
        path: &str,
        depth: usize,
    ) -> Option<FieldType> {
        Some(match ty {
            "string" => {
                let chars = match self.string(o, "chars", path) {
                    Some(s) => {
                        let set = CharSet::parse(&s);
                        if set.is_none() {
                            self.bad(&join(path, "chars"), "a character set like 0-9A-Z");
                        }
                        set
                    }
                    None => None,
                };
                let spec = StringSpec {
                    min_length: self.usize(o, "minLength", path),
                    max_length: self.usize(o, "maxLength", path),
                    chars,
                    half_width: self.bool(o, "halfWidth", path),
                };
                self.order(path, spec.min_length, spec.max_length, "maxLength");
                FieldType::String(spec)
            }
            "integer" => {
                let min = self.int(o, "min", path);
                let max = self.int(o, "max", path);
                self.order(path, min, max, "max");
                FieldType::Integer { min, max }
            }
            "decimal" => {
                let scale = self
                    .uint(o, "scale", path, 6)
                    .and_then(|n| u8::try_from(n).ok())
                    .unwrap_or(2);
                let min = self.dec(o, "min", path);
                let max = self.dec(o, "max", path);
                self.order(path, min, max, "max");
                FieldType::Decimal { scale, min, max }
            }
            "boolean" => FieldType::Boolean,
            "date" => {
                let d = DateSpec {
                    min: self.parsed(o, "min", path, Date::parse, "YYYY-MM-DD"),
                    max: self.parsed(o, "max", path, Date::parse, "YYYY-MM-DD"),
                    not_future: self.bool(o, "notFuture", path),
                    not_past: self.bool(o, "notPast", path),
                    max_years_ago: self
                        .uint(o, "maxYearsAgo", path, 200)
                        .and_then(|n| u16::try_from(n).ok()),
                };
                self.order(path, d.min, d.max, "max");
                FieldType::Date(d)
            }
            "time" => {
                let step = self
                    .uint(o, "step", path, 720)
                    .and_then(|n| u16::try_from(n).ok());
                if step == Some(0) {
                    self.bad(&join(path, "step"), "minutes ≥ 1");
                }
                let min = self.parsed(o, "min", path, Time::parse, "HH:MM");
                let max = self.parsed(o, "max", path, Time::parse, "HH:MM");
                self.order(path, min, max, "max");
                FieldType::Time {
                    step: step.filter(|s| *s > 0),
                    min,
                    max,
                }
            }
            "datetime" => FieldType::DateTime {
                not_future: self.bool(o, "notFuture", path),
            },
            "enum" => FieldType::Enum(self.enum_values(o, path)),
            "object" => FieldType::Object(Box::new(self.object_spec(o, path, depth + 1))),
            "array" => FieldType::Array(Box::new(self.array(o, path, depth)?)),
            "idNumber" => FieldType::IdNumber {
                kinds: self.string_list(o, "kinds", path).unwrap_or_default(),
                kind_field: self.string(o, "kindField", path),
            },
            "mobile" => FieldType::Mobile,
            "landline" => FieldType::Landline,
            "phone" => FieldType::Phone,
            "name" => FieldType::Name,
            "email" => FieldType::Email,
            "uscc" => FieldType::Uscc,
            "certificate" => {
                let kind = self.string(o, "certificateKind", path);
                let kind_field = self.string(o, "kindField", path);
                if kind.is_none() && kind_field.is_none() {
                    self.missing(path, "certificateKind");
                }
                FieldType::Certificate { kind, kind_field }
            }
            _ => return None,
        })
    }

    fn order<T: PartialOrd>(&mut self, path: &str, lo: Option<T>, hi: Option<T>, key: &str) {
        if let (Some(lo), Some(hi)) = (lo, hi) {
            if lo > hi {
                self.bad(&join(path, key), "not below the minimum");
            }
        }
    }

    fn int(&mut self, o: &Map<String, Value>, key: &str, path: &str) -> Option<i64> {
        let v = o.get(key)?;
        let n = v.as_i64();
        if n.is_none() {
            self.bad(&join(path, key), "integer");
        }
        n
    }

    fn dec(&mut self, o: &Map<String, Value>, key: &str, path: &str) -> Option<Dec> {
        let v = o.get(key)?;
        let d = match v {
            Value::String(s) => Dec::parse(s),
            Value::Number(n) => n.as_i64().map(Dec::from_int),
            _ => None,
        };
        if d.is_none() {
            self.bad(&join(path, key), "a decimal as text, e.g. \"36.5\"");
        }
        d
    }

    fn parsed<T>(
        &mut self,
        o: &Map<String, Value>,
        key: &str,
        path: &str,
        parse: fn(&str) -> Option<T>,
        expected: &str,
    ) -> Option<T> {
        let s = self.string(o, key, path)?;
        let v = parse(&s);
        if v.is_none() {
            self.bad(&join(path, key), expected);
        }
        v
    }

    fn string_list(
        &mut self,
        o: &Map<String, Value>,
        key: &str,
        path: &str,
    ) -> Option<Vec<String>> {
        let at = join(path, key);
        match o.get(key)? {
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, it) in items.iter().enumerate() {
                    match it.as_str() {
                        Some(s) if !s.is_empty() => out.push(s.to_owned()),
                        _ => self.wrong(&index(&at, i), "string"),
                    }
                }
                Some(out)
            }
            _ => {
                self.wrong(&at, "array");
                None
            }
        }
    }

    fn enum_values(&mut self, o: &Map<String, Value>, path: &str) -> Vec<EnumValue> {
        let at = join(path, "values");
        let mut out: Vec<EnumValue> = Vec::new();
        match o.get("values") {
            Some(Value::Array(items)) if !items.is_empty() => {
                for (i, it) in items.iter().enumerate() {
                    let ip = index(&at, i);
                    let ev = match it {
                        Value::String(s) if !s.is_empty() => Some(EnumValue {
                            value: s.clone(),
                            label: None,
                        }),
                        Value::Object(m) => {
                            self.check_keys(m, &ip, &[&["value", "label"]]);
                            let value = self.required_string(m, "value", &ip);
                            let label = self.label(m, "label", &ip);
                            value.map(|value| EnumValue { value, label })
                        }
                        _ => {
                            self.wrong(&ip, "string or {value, label}");
                            None
                        }
                    };
                    if let Some(ev) = ev {
                        if out.iter().any(|e| e.value == ev.value) {
                            self.err_text(ip, "schema.duplicate_field", "name", ev.value.as_str());
                        } else {
                            out.push(ev);
                        }
                    }
                }
            }
            None => self.missing(path, "values"),
            Some(_) => self.wrong(&at, "non-empty array"),
        }
        out
    }

    fn array(&mut self, o: &Map<String, Value>, path: &str, depth: usize) -> Option<ArraySpec> {
        let Some(items) = o.get("items") else {
            self.missing(path, "items");
            return None;
        };
        let items = self.field(items, &join(path, "items"), depth + 1, false)?;
        let min_items = self.usize(o, "minItems", path);
        let max_items = self.usize(o, "maxItems", path);
        self.order(path, min_items, max_items, "maxItems");
        let unique_by = self.string(o, "uniqueBy", path);
        let unique = match (self.bool(o, "unique", path), unique_by) {
            (_, Some(key)) => {
                let known = match &items.ty {
                    FieldType::Object(spec) => spec.field(&key).is_some(),
                    _ => false,
                };
                if !known {
                    self.unknown_ref(&join(path, "uniqueBy"), &key);
                }
                Unique::By(key)
            }
            (true, None) => Unique::Whole,
            (false, None) => Unique::No,
        };
        Some(ArraySpec {
            items,
            min_items,
            max_items,
            unique,
        })
    }

    fn unknown_ref(&mut self, path: &str, name: &str) {
        self.err_text(path, "schema.unknown_field_ref", "name", name);
    }

    /// A reference: `key`, `key.sub`, or `$context.key`. Local refs must name a field.
    fn reference(
        &mut self,
        o: &Map<String, Value>,
        key: &str,
        path: &str,
        spec: &ObjectSpec,
    ) -> Option<Ref> {
        let s = self.required_string(o, key, path)?;
        let r = parse_ref(&s);
        if let Ref::Local(parts) = &r {
            if resolve_spec(spec, parts).is_none() {
                self.unknown_ref(&join(path, key), &s);
                return None;
            }
        }
        Some(r)
    }

    fn local_field(
        &mut self,
        o: &Map<String, Value>,
        key: &str,
        path: &str,
        spec: &ObjectSpec,
    ) -> Option<String> {
        let s = self.required_string(o, key, path)?;
        if spec.field(&s).is_none() {
            self.unknown_ref(&join(path, key), &s);
            return None;
        }
        Some(s)
    }

    fn rule(&mut self, v: &Value, path: &str, spec: &ObjectSpec) -> Option<Rule> {
        let o = self.object(v, path)?;
        let name = self.required_string(o, "rule", path)?;
        let keys: &[&str] = match name.as_str() {
            "when" => &["if", "then"],
            "atLeastOne" => &["fields"],
            "compare" => &["field", "op", "other", "otherLabel"],
            "ageMatches" => &["birthDate", "age"],
            "idMatches" => &["id", "birthDate", "sex"],
            "bookingWindow" => &["date", "time", "leadMinutes", "horizonDays"],
            "noOverlap" => &["array", "day", "start", "end"],
            _ => {
                self.err_text(
                    join(path, "rule"),
                    "schema.unknown_rule",
                    "name",
                    name.as_str(),
                );
                return None;
            }
        };
        self.check_keys(o, path, &[&["rule"], keys]);
        match name.as_str() {
            "when" => self.when_rule(o, path, spec),
            "atLeastOne" => {
                let fields = self.string_list(o, "fields", path);
                let Some(fields) = fields else {
                    self.missing(path, "fields");
                    return None;
                };
                for (i, f) in fields.iter().enumerate() {
                    if spec.field(f).is_none() {
                        self.unknown_ref(&index(&join(path, "fields"), i), f);
                    }
                }
                Some(Rule::AtLeastOne { fields })
            }
            "compare" => {
                let field = self.reference(o, "field", path, spec);
                let other = self.reference(o, "other", path, spec);
                let op = match self.required_string(o, "op", path).as_deref() {
                    Some("gt") => Some(Op::Gt),
                    Some("ge") => Some(Op::Ge),
                    Some("ne") => Some(Op::Ne),
                    Some(_) => {
                        self.bad(&join(path, "op"), "\"gt\", \"ge\" or \"ne\"");
                        None
                    }
                    None => None,
                };
                if matches!(field, Some(Ref::Context(_))) {
                    self.bad(&join(path, "field"), "a field of this form");
                    return None;
                }
                let other_label = self.label(o, "otherLabel", path);
                Some(Rule::Compare {
                    field: field?,
                    op: op?,
                    other: other?,
                    other_label,
                })
            }
            "ageMatches" => {
                let birth_date = self.reference(o, "birthDate", path, spec);
                let age = self.reference(o, "age", path, spec);
                Some(Rule::AgeMatches {
                    birth_date: birth_date?,
                    age: age?,
                })
            }
            "idMatches" => {
                let id = self.reference(o, "id", path, spec);
                let birth_date = o
                    .contains_key("birthDate")
                    .then(|| self.reference(o, "birthDate", path, spec))
                    .flatten();
                let sex = o
                    .contains_key("sex")
                    .then(|| self.reference(o, "sex", path, spec))
                    .flatten();
                Some(Rule::IdMatches {
                    id: id?,
                    birth_date,
                    sex,
                })
            }
            "bookingWindow" => {
                let date = self.reference(o, "date", path, spec);
                let time = self.reference(o, "time", path, spec);
                let lead = self.uint(o, "leadMinutes", path, 525_600);
                let horizon = self.uint(o, "horizonDays", path, 3650);
                Some(Rule::BookingWindow {
                    date: date?,
                    time: time?,
                    lead_minutes: lead.and_then(|n| u32::try_from(n).ok()).unwrap_or(0),
                    horizon_days: horizon.and_then(|n| u32::try_from(n).ok()).unwrap_or(365),
                })
            }
            "noOverlap" => {
                let array = self.local_field(o, "array", path, spec)?;
                let item = match spec.field(&array).map(|f| &f.ty) {
                    Some(FieldType::Array(a)) => match &a.items.ty {
                        FieldType::Object(item) => Some(item.as_ref()),
                        _ => None,
                    },
                    _ => None,
                };
                let Some(item) = item else {
                    self.bad(&join(path, "array"), "an array of objects");
                    return None;
                };
                let day = o
                    .contains_key("day")
                    .then(|| self.local_field(o, "day", path, item))
                    .flatten();
                let start = self.local_field(o, "start", path, item);
                let end = self.local_field(o, "end", path, item);
                Some(Rule::NoOverlap {
                    array,
                    day,
                    start: start?,
                    end: end?,
                })
            }
            _ => None,
        }
    }

    fn when_rule(&mut self, o: &Map<String, Value>, path: &str, spec: &ObjectSpec) -> Option<Rule> {
        let if_path = join(path, "if");
        let cond = match o.get("if") {
            Some(Value::Object(c)) => {
                self.check_keys(c, &if_path, &[&["field", "equals", "in", "present"]]);
                let field = self.reference(c, "field", &if_path, spec);
                let test = if let Some(v) = c.get("equals") {
                    Some(CondTest::Equals(v.clone()))
                } else if let Some(v) = c.get("in") {
                    match v {
                        Value::Array(items) => Some(CondTest::In(items.clone())),
                        _ => {
                            self.wrong(&join(&if_path, "in"), "array");
                            None
                        }
                    }
                } else if c.contains_key("present") {
                    Some(CondTest::Present(self.bool(c, "present", &if_path)))
                } else {
                    self.missing(&if_path, "equals");
                    None
                };
                field.zip(test).map(|(field, test)| Cond { field, test })
            }
            Some(_) => {
                self.wrong(&if_path, "object");
                None
            }
            None => {
                self.missing(path, "if");
                None
            }
        };
        let then_path = join(path, "then");
        let mut then = Vec::new();
        match o.get("then") {
            Some(Value::Array(items)) if !items.is_empty() => {
                for (i, t) in items.iter().enumerate() {
                    let at = index(&then_path, i);
                    if let Some(t) = self.then(t, &at, spec) {
                        then.push(t);
                    }
                }
            }
            Some(_) => self.wrong(&then_path, "non-empty array"),
            None => self.missing(path, "then"),
        }
        Some(Rule::When { cond: cond?, then })
    }

    fn then(&mut self, v: &Value, path: &str, spec: &ObjectSpec) -> Option<Then> {
        let o = self.object(v, path)?;
        self.check_keys(
            o,
            path,
            &[&[
                "field",
                "required",
                "forbidden",
                "min",
                "max",
                "minLength",
                "maxLength",
                "values",
            ]],
        );
        let field = self.local_field(o, "field", path, spec)?;
        let numeric = matches!(
            spec.field(&field).map(|f| &f.ty),
            Some(FieldType::Integer { .. } | FieldType::Decimal { .. })
        );
        if !numeric && (o.contains_key("min") || o.contains_key("max")) {
            self.bad(&join(path, "min"), "a numeric field");
        }
        let t = Then {
            required: self.bool(o, "required", path),
            forbidden: self.bool(o, "forbidden", path),
            min: self.dec(o, "min", path),
            max: self.dec(o, "max", path),
            min_length: self.usize(o, "minLength", path),
            max_length: self.usize(o, "maxLength", path),
            values: self.string_list(o, "values", path),
            field,
        };
        Some(t)
    }
}

/// Parses a rule reference: `$context.a.b` or `a.b`.
pub(crate) fn parse_ref(s: &str) -> Ref {
    match s.strip_prefix("$context.") {
        Some(rest) => Ref::Context(rest.split('.').map(str::to_owned).collect()),
        None => Ref::Local(s.split('.').map(str::to_owned).collect()),
    }
}

/// The field spec a local dotted reference points at.
pub(crate) fn resolve_spec<'s>(spec: &'s ObjectSpec, parts: &[String]) -> Option<&'s FieldSpec> {
    let (first, rest) = parts.split_first()?;
    let field = spec.field(first)?;
    if rest.is_empty() {
        return Some(field);
    }
    match &field.ty {
        FieldType::Object(inner) => resolve_spec(inner, rest),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(json: &str) -> Vec<(String, &'static str)> {
        parse_schema(json)
            .unwrap_err()
            .into_iter()
            .map(|p| (p.path, p.code))
            .collect()
    }

    #[test]
    fn reports_every_mistake_with_path() {
        let errs = codes(
            r#"{"id":"x","version":1,"fields":[
                {"name":"a","type":"string","maxLen":3},
                {"name":"a","type":"integer","min":5,"max":1},
                {"name":"c","type":"enum"},
                {"name":"d","type":"string","chars":"z-a"},
                {"name":"e","type":"array"}
            ],"rules":[{"rule":"atLeastOne","fields":["a","zz"]},{"rule":"bogus"}]}"#,
        );
        assert_eq!(
            errs,
            vec![
                ("fields[0].maxLen".to_owned(), "schema.unknown_key"),
                ("fields[1].max".to_owned(), "schema.bad_value"),
                ("fields[1].name".to_owned(), "schema.duplicate_field"),
                ("fields[2]".to_owned(), "schema.missing_key"),
                ("fields[3].chars".to_owned(), "schema.bad_value"),
                ("fields[4]".to_owned(), "schema.missing_key"),
                ("rules[0].fields[1]".to_owned(), "schema.unknown_field_ref"),
                ("rules[1].rule".to_owned(), "schema.unknown_rule"),
            ]
        );
    }

    #[test]
    fn top_level_problems() {
        assert_eq!(codes("[1]"), vec![(String::new(), "schema.wrong_type")]);
        assert_eq!(codes("{"), vec![(String::new(), "schema.invalid_json")]);
        assert_eq!(
            codes(r#"{"fields":[]}"#),
            vec![
                (String::new(), "schema.missing_key"),
                (String::new(), "schema.missing_key")
            ]
        );
        let deep = format!(
            r#"{{"id":"x","version":1,"fields":[{}]}}"#,
            (0..10)
                .map(|_| r#"{"name":"o","type":"object","fields":["#)
                .collect::<String>()
                + &"]}".repeat(10)
        );
        assert!(codes(&deep).iter().any(|(_, c)| *c == "schema.too_deep"));
    }

    #[test]
    fn rule_references_are_checked() {
        let errs = codes(
            r#"{"id":"x","version":1,"fields":[{"name":"a","type":"integer"}],
            "rules":[{"rule":"compare","field":"a","op":"lt","other":"b"},
                     {"rule":"when","if":{"field":"a","equals":1},"then":[{"field":"q","required":true}]},
                     {"rule":"noOverlap","array":"a","start":"s","end":"e"}]}"#,
        );
        assert_eq!(
            errs,
            vec![
                ("rules[0].other".to_owned(), "schema.unknown_field_ref"),
                ("rules[0].op".to_owned(), "schema.bad_value"),
                (
                    "rules[1].then[0].field".to_owned(),
                    "schema.unknown_field_ref"
                ),
                ("rules[2].array".to_owned(), "schema.bad_value"),
            ]
        );
    }
}
