//! Masking fields of a JSON document by path, for display and for logs.
//!
//! Path syntax: keys separated by `.`; `[n]` selects an array element, `[*]` every element;
//! a key `*` matches every key of an object. A path may start with `[*]` when the document is
//! an array. Keys containing `.`, `[` or `]` cannot be addressed.
//! Examples: `name`, `contacts[*].phone`, `patients[0].idCard`, `*.mobile`.

use homecare_core::Problem;
use serde_json::Value;

use crate::codes::MASK_RULE_INVALID;
use crate::mask::{mask, MaskKind, MaskOptions};

/// One segment of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    AnyKey,
    Index(usize),
    AnyIndex,
}

/// A parsed field rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaskRule {
    path: Vec<Segment>,
    /// The rule's kind.
    pub kind: MaskKind,
    /// The rule's overrides.
    pub options: MaskOptions,
}

impl MaskRule {
    /// A rule masking the field at `path` by `kind`; `Err` with `mask.rule_invalid`
    /// (param `path`) if the path cannot be parsed.
    ///
    /// ```
    /// use homecare_identity::{MaskKind, MaskOptions, MaskRule};
    /// assert!(MaskRule::new("contacts[*].phone", MaskKind::Mobile, MaskOptions::default()).is_ok());
    /// assert!(MaskRule::new("contacts[x]", MaskKind::Mobile, MaskOptions::default()).is_err());
    /// ```
    pub fn new(path: &str, kind: MaskKind, options: MaskOptions) -> Result<MaskRule, Problem> {
        let invalid = || Problem::new("", MASK_RULE_INVALID).text("path", path);
        Ok(MaskRule {
            path: parse_path(path).ok_or_else(invalid)?,
            kind,
            options,
        })
    }
}

fn parse_path(path: &str) -> Option<Vec<Segment>> {
    if path.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for (n, part) in path.split('.').enumerate() {
        let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        match key {
            "" if n == 0 && !rest.is_empty() => {}
            "" => return None,
            "*" => out.push(Segment::AnyKey),
            k if k.contains(']') => return None,
            k => out.push(Segment::Key(k.to_owned())),
        }
        while !rest.is_empty() {
            let inner = rest.strip_prefix('[')?;
            let (index, after) = inner.split_once(']')?;
            out.push(match index {
                "*" => Segment::AnyIndex,
                digits if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
                    Segment::Index(digits.parse().ok()?)
                }
                _ => return None,
            });
            rest = after;
        }
    }
    Some(out)
}

/// Rules from their JSON form: an object mapping each path to a kind name or to
/// `{ kind, keepStart?, keepEnd?, maskChar? }`.
///
/// ```
/// use serde_json::json;
/// use homecare_identity::mask_rules_from_json;
/// let rules = mask_rules_from_json(&json!({
///     "name": "name",
///     "contacts[*].phone": "mobile",
///     "idCard": { "kind": "custom", "keepStart": 3, "keepEnd": 4 },
/// })).unwrap();
/// assert_eq!(rules.len(), 3);
/// assert!(mask_rules_from_json(&json!({ "a": "nope" })).is_err());
/// ```
pub fn mask_rules_from_json(rules: &Value) -> Result<Vec<MaskRule>, Problem> {
    let invalid = |path: &str| Problem::new("", MASK_RULE_INVALID).text("path", path);
    let Value::Object(map) = rules else {
        return Err(invalid(""));
    };
    map.iter()
        .map(|(path, spec)| {
            let (kind, options) = match spec {
                Value::String(name) => (MaskKind::from_name(name), MaskOptions::default()),
                Value::Object(o) => {
                    let kind = o
                        .get("kind")
                        .and_then(Value::as_str)
                        .and_then(MaskKind::from_name);
                    let mut fields = o.clone();
                    fields.remove("kind");
                    let options = serde_json::from_value::<MaskOptions>(Value::Object(fields))
                        .map_err(|_| invalid(path))?;
                    (kind, options)
                }
                _ => (None, MaskOptions::default()),
            };
            MaskRule::new(path, kind.ok_or_else(|| invalid(path))?, options)
        })
        .collect()
}

/// A copy of `value` with every field matched by a rule masked; `value` is untouched.
///
/// Strings are masked by the rule; numbers are masked as their decimal text (and become
/// strings); objects and arrays at a rule's path are replaced by six mask characters
/// (fail closed); `null` and booleans stay. Paths that do not exist are ignored.
///
/// ```
/// use serde_json::json;
/// use homecare_identity::{mask_object, mask_rules_from_json};
/// let doc = json!({ "name": "张三丰", "contacts": [{ "phone": "13812345678" }, { "phone": 13912345678u64 }] });
/// let rules = mask_rules_from_json(&json!({ "name": "name", "contacts[*].phone": "mobile" })).unwrap();
/// assert_eq!(
///     mask_object(&doc, &rules),
///     json!({ "name": "张**", "contacts": [{ "phone": "138****5678" }, { "phone": "139****5678" }] })
/// );
/// ```
pub fn mask_object(value: &Value, rules: &[MaskRule]) -> Value {
    let mut out = value.clone();
    for rule in rules {
        apply(&mut out, &rule.path, rule);
    }
    out
}

fn apply(value: &mut Value, path: &[Segment], rule: &MaskRule) {
    let Some((first, rest)) = path.split_first() else {
        mask_leaf(value, rule);
        return;
    };
    match (first, value) {
        (Segment::Key(k), Value::Object(map)) => {
            if let Some(v) = map.get_mut(k) {
                apply(v, rest, rule);
            }
        }
        (Segment::AnyKey, Value::Object(map)) => {
            map.values_mut().for_each(|v| apply(v, rest, rule));
        }
        (Segment::Index(i), Value::Array(items)) => {
            if let Some(v) = items.get_mut(*i) {
                apply(v, rest, rule);
            }
        }
        (Segment::AnyIndex, Value::Array(items)) => {
            items.iter_mut().for_each(|v| apply(v, rest, rule));
        }
        _ => {}
    }
}

fn mask_leaf(value: &mut Value, rule: &MaskRule) {
    let m = rule.options.mask_char.unwrap_or('*');
    let masked = match value {
        Value::String(s) => mask(s, rule.kind, &rule.options),
        Value::Number(n) => mask(&n.to_string(), rule.kind, &rule.options),
        Value::Object(_) | Value::Array(_) => core::iter::repeat_n(m, 6).collect(),
        Value::Null | Value::Bool(_) => return,
    };
    *value = Value::String(masked);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths() {
        assert_eq!(
            parse_path("a.b"),
            Some(vec![Segment::Key("a".into()), Segment::Key("b".into())])
        );
        assert_eq!(
            parse_path("[*].a"),
            Some(vec![Segment::AnyIndex, Segment::Key("a".into())])
        );
        assert_eq!(
            parse_path("a[1][*]"),
            Some(vec![
                Segment::Key("a".into()),
                Segment::Index(1),
                Segment::AnyIndex
            ])
        );
        for bad in ["", "a..b", "a[", "a[]", "a[-1]", "a]b", ".a", "a[1]x"] {
            assert_eq!(parse_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn containers_fail_closed_and_input_untouched() {
        let doc = json!({ "id": { "n": "110105194912310021" }, "ok": true, "list": [{ "p": "1" }], "x": null });
        let rules = mask_rules_from_json(
            &json!({ "id": "idNumber", "ok": "name", "*.p": "name", "x": "name", "[*]": "name" }),
        )
        .unwrap();
        let out = mask_object(&doc, &rules);
        assert_eq!(out["id"], json!("******"));
        assert_eq!(out["ok"], json!(true));
        assert_eq!(out["x"], json!(null));
        assert_eq!(doc["id"]["n"], json!("110105194912310021"));
        let any = mask_object(
            &json!([{ "p": "张三" }]),
            &mask_rules_from_json(&json!({ "[*].p": "name" })).unwrap(),
        );
        assert_eq!(any, json!([{ "p": "张*" }]));
    }
}
