//! A strict JSON reader that reports every problem with its path (`items[2].unitPrice`).
//!
//! serde's derive stops at the first error and names no path, so input types are read from a
//! `serde_json::Value` by hand: wrong types, floats or strings where fen are expected,
//! integers beyond 2^53 − 1 (unsafe in JavaScript), unknown and missing fields all become
//! problems, and reading continues so the caller sees them all at once.

use homecare_core::Problem;
use serde_json::{Map, Value};

use crate::messages::codes;
use crate::money::MAX_SAFE;

/// Parses JSON text; a syntax error is one problem at `path` with the parser's detail.
pub(crate) fn parse(text: &str, path: &str) -> Result<Value, Vec<Problem>> {
    serde_json::from_str(text).map_err(|e| {
        vec![Problem::new(path, codes::JSON_SYNTAX)
            .int("line", i64::try_from(e.line()).unwrap_or(0))
            .int("column", i64::try_from(e.column()).unwrap_or(0))]
    })
}

/// `parent.key`, or `key` at the root.
pub(crate) fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        let mut s = String::with_capacity(parent.len() + key.len() + 1);
        s.push_str(parent);
        s.push('.');
        s.push_str(key);
        s
    }
}

/// `parent[i]`.
pub(crate) fn index(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

/// Collects problems while reading.
#[derive(Default)]
pub(crate) struct Reader {
    pub problems: Vec<Problem>,
}

impl Reader {
    pub fn push(&mut self, p: Problem) {
        self.problems.push(p);
    }

    pub fn finish<T>(self, value: Option<T>) -> Result<T, Vec<Problem>> {
        match value {
            Some(v) if self.problems.is_empty() => Ok(v),
            _ if self.problems.is_empty() => Err(vec![Problem::new("", codes::JSON_INVALID)]),
            _ => Err(self.problems),
        }
    }

    /// An object whose keys are all in `allowed`.
    pub fn object<'v>(&mut self, v: &'v Value, path: &str, allowed: &[&str]) -> Option<Obj<'v>> {
        match v {
            Value::Object(map) => {
                for key in map.keys() {
                    if !allowed.contains(&key.as_str()) {
                        self.push(Problem::new(join(path, key), codes::JSON_UNKNOWN_FIELD));
                    }
                }
                Some(Obj {
                    map,
                    path: path.to_owned(),
                })
            }
            _ => {
                self.push(Problem::new(path, codes::JSON_EXPECTED_OBJECT));
                None
            }
        }
    }

    /// An array.
    pub fn array<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v [Value]> {
        match v {
            Value::Array(a) => Some(a),
            _ => {
                self.push(Problem::new(path, codes::JSON_EXPECTED_ARRAY));
                None
            }
        }
    }

    /// A whole number within ±(2^53 − 1).
    pub fn int(&mut self, v: &Value, path: &str) -> Option<i64> {
        match v {
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    if (-MAX_SAFE..=MAX_SAFE).contains(&i) {
                        return Some(i);
                    }
                    self.push(Problem::new(path, codes::JSON_UNSAFE_INTEGER).int("max", MAX_SAFE));
                } else if n.is_u64() {
                    self.push(Problem::new(path, codes::JSON_UNSAFE_INTEGER).int("max", MAX_SAFE));
                } else {
                    // A float: `12.5` fen, `1e3`, or an integer too large for 64 bits.
                    self.push(Problem::new(path, codes::JSON_EXPECTED_INTEGER));
                }
                None
            }
            _ => {
                self.push(Problem::new(path, codes::JSON_EXPECTED_INTEGER));
                None
            }
        }
    }

    /// A non-negative whole number (fen, metres, counts).
    pub fn amount(&mut self, v: &Value, path: &str) -> Option<i64> {
        let n = self.int(v, path)?;
        if n < 0 {
            self.push(Problem::new(path, codes::VALUE_NEGATIVE));
            return None;
        }
        Some(n)
    }

    /// A whole number in `min..=max`.
    pub fn int_in(&mut self, v: &Value, path: &str, min: i64, max: i64) -> Option<i64> {
        let n = self.int(v, path)?;
        if !(min..=max).contains(&n) {
            self.push(
                Problem::new(path, codes::VALUE_OUT_OF_RANGE)
                    .int("min", min)
                    .int("max", max),
            );
            return None;
        }
        Some(n)
    }

    /// Any finite number (coordinates).
    pub fn number(&mut self, v: &Value, path: &str) -> Option<f64> {
        match v.as_f64() {
            Some(f) if v.is_number() => Some(f),
            _ => {
                self.push(Problem::new(path, codes::JSON_EXPECTED_NUMBER));
                None
            }
        }
    }

    /// A string.
    pub fn string<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v str> {
        match v {
            Value::String(s) => Some(s),
            _ => {
                self.push(Problem::new(path, codes::JSON_EXPECTED_STRING));
                None
            }
        }
    }

    /// A non-empty id string (trimmed of nothing: ids are compared exactly).
    pub fn id(&mut self, v: &Value, path: &str) -> Option<String> {
        let s = self.string(v, path)?;
        if s.is_empty() {
            self.push(Problem::new(path, codes::VALUE_EMPTY));
            return None;
        }
        Some(s.to_owned())
    }

    /// A boolean.
    pub fn boolean(&mut self, v: &Value, path: &str) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            _ => {
                self.push(Problem::new(path, codes::JSON_EXPECTED_BOOL));
                None
            }
        }
    }

    /// One of the `allowed` strings, returned as its index.
    pub fn choice(&mut self, v: &Value, path: &str, allowed: &[&str]) -> Option<usize> {
        let s = self.string(v, path)?;
        let found = allowed.iter().position(|a| *a == s);
        if found.is_none() {
            self.push(
                Problem::new(path, codes::JSON_UNKNOWN_VALUE).text("allowed", allowed.join(", ")),
            );
        }
        found
    }
}

/// An object being read, with its path.
pub(crate) struct Obj<'v> {
    map: &'v Map<String, Value>,
    pub path: String,
}

impl<'v> Obj<'v> {
    /// The path of `key` inside this object.
    pub fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// A field that may be absent or `null`.
    pub fn get(&self, key: &str) -> Option<&'v Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// Whether the field is present and not `null`.
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// A required field; its absence is a problem.
    pub fn req(&self, r: &mut Reader, key: &str) -> Option<&'v Value> {
        let v = self.get(key);
        if v.is_none() {
            r.push(Problem::new(self.at(key), codes::JSON_MISSING_FIELD));
        }
        v
    }

    /// Required amount (non-negative integer).
    pub fn amount(&self, r: &mut Reader, key: &str) -> Option<i64> {
        let v = self.req(r, key)?;
        r.amount(v, &self.at(key))
    }

    /// Optional amount: `Ok(None)` when absent, `Err(())` when present but bad.
    pub fn opt_amount(&self, r: &mut Reader, key: &str) -> Result<Option<i64>, ()> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => r.amount(v, &self.at(key)).map(Some).ok_or(()),
        }
    }

    /// Required integer in a range.
    pub fn int_in(&self, r: &mut Reader, key: &str, min: i64, max: i64) -> Option<i64> {
        let v = self.req(r, key)?;
        r.int_in(v, &self.at(key), min, max)
    }

    /// Required id.
    pub fn id(&self, r: &mut Reader, key: &str) -> Option<String> {
        let v = self.req(r, key)?;
        r.id(v, &self.at(key))
    }

    /// Required string.
    pub fn string(&self, r: &mut Reader, key: &str) -> Option<&'v str> {
        let v = self.req(r, key)?;
        r.string(v, &self.at(key))
    }

    /// Optional boolean, `default` when absent.
    pub fn bool_or(&self, r: &mut Reader, key: &str, default: bool) -> Option<bool> {
        match self.get(key) {
            None => Some(default),
            Some(v) => r.boolean(v, &self.at(key)),
        }
    }

    /// Optional array, empty when absent.
    pub fn array_or_empty(&self, r: &mut Reader, key: &str) -> Option<&'v [Value]> {
        match self.get(key) {
            None => Some(&[]),
            Some(v) => r.array(v, &self.at(key)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_strict() {
        let mut r = Reader::default();
        let v: Value = serde_json::from_str(
            r#"[1, 12.5, "3", 9007199254740991, 9007199254740992, -9007199254740992, 1e3, 18446744073709551616, true]"#,
        )
        .unwrap();
        let a = v.as_array().unwrap();
        let got: Vec<Option<i64>> = a.iter().map(|v| r.int(v, "x")).collect();
        assert_eq!(
            got,
            vec![
                Some(1),
                None,
                None,
                Some(MAX_SAFE),
                None,
                None,
                None,
                None,
                None
            ]
        );
        let found: Vec<&str> = r.problems.iter().map(|p| p.code).collect();
        assert_eq!(
            found,
            vec![
                codes::JSON_EXPECTED_INTEGER,
                codes::JSON_EXPECTED_INTEGER,
                codes::JSON_UNSAFE_INTEGER,
                codes::JSON_UNSAFE_INTEGER,
                codes::JSON_EXPECTED_INTEGER,
                codes::JSON_EXPECTED_INTEGER,
                codes::JSON_EXPECTED_INTEGER,
            ]
        );
    }

    #[test]
    fn unknown_and_missing_fields_have_paths() {
        let mut r = Reader::default();
        let v: Value = serde_json::from_str(r#"{"a": 1, "b": 2}"#).unwrap();
        let o = r.object(&v, "cfg", &["a"]).unwrap();
        assert!(o.amount(&mut r, "c").is_none());
        assert_eq!(r.problems[0].path, "cfg.b");
        assert_eq!(r.problems[1].path, "cfg.c");
        assert_eq!(index("items", 2), "items[2]");
        assert!(parse("{", "").is_err());
    }
}
