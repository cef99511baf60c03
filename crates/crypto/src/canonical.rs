//! Canonical JSON text: the bytes that get encrypted for a JSON value, so the same value always
//! gives the same plaintext on every platform.
//!
//! Follows RFC 8785 (JCS) for structure, key order and strings: no whitespace; object members
//! sorted by the UTF-16 code units of their names; strings escape only `"`, `\` and control
//! characters (`\b \f \n \r \t`, otherwise `\u00xx`). Integers print as digits. Non-integer
//! numbers print as `serde_json` prints them, which can differ from JCS's ECMAScript format
//! (e.g. `1e21`): keep floats out of sealed payloads (money is integer fen anyway).

use serde_json::Value;

/// The canonical JSON text of `value`.
///
/// ```
/// let v = serde_json::json!({"b": [1, "x\n"], "a": null, "é": true});
/// assert_eq!(homecare_crypto::canonical_json(&v), r#"{"a":null,"b":[1,"x\n"],"é":true}"#);
/// ```
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_value(value, &mut out);
    out
}

fn write_value(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
            out.push('{');
            for (i, (k, v)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(k, out);
                out.push(':');
                write_value(v, out);
            }
            out.push('}');
        }
    }
}

/// Appends `s` as a JSON string literal (JCS escaping).
pub(crate) fn write_string(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let n = u32::from(c);
                out.push_str("\\u00");
                for nibble in [n >> 4, n & 0xf] {
                    let digit = usize::try_from(nibble).ok().and_then(|i| HEX.get(i));
                    out.push(char::from(digit.copied().unwrap_or(b'0')));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn escapes_and_order_follow_jcs() {
        let v = json!({"\u{1f600}": 1, "\u{ffff}": 2, "b\"": "\u{1}\t/é"});
        // UTF-16 order: U+D83D (surrogate of the emoji) sorts before U+FFFF.
        assert_eq!(
            canonical_json(&v),
            "{\"b\\\"\":\"\\u0001\\t/é\",\"\u{1f600}\":1,\"\u{ffff}\":2}"
        );
        assert_eq!(
            canonical_json(&json!([true, false, -3, {}])),
            "[true,false,-3,{}]"
        );
    }

    #[test]
    fn parses_back_to_the_same_value() {
        let v = json!({"z": {"y": [1, 2, {"x": "\u{7f}\u{0}"}]}, "a": -0, "n": 12345678901234i64});
        let back: Value = serde_json::from_str(&canonical_json(&v)).unwrap();
        assert_eq!(back, v);
    }
}
