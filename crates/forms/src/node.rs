//! The engine's view of the input: a JSON tree that borrows from the input text. Strings
//! without escapes and every key are slices of the text (no allocation), objects are small
//! vectors of entries (no B-tree), and the normalised value the walk leaves behind is written
//! as JSON straight from it. `serde_json::Value` stays the public type ([`Node::from_value`],
//! [`Node::into_value`]).
//!
//! A `Cow::Borrowed` string or key is always a slice of JSON text between quotes with no
//! escape (the parser's, or `from_value`'s copies otherwise), so it is written without an
//! escape check; `Cow::Owned` text (normalised values) is escaped as needed.
//!
//! The parser accepts exactly what `serde_json::from_str` accepts (RFC 8259, lone surrogate
//! escapes rejected, nesting below 128); numbers are handed to `serde_json` itself, so their
//! values and their output are its own. Duplicate keys are kept here and resolved by the walk
//! (the last one wins, as in `serde_json`).

use crate::result::push_json_string;
use homecare_core::push_i64;
use serde_json::{Map, Number, Value};
use std::borrow::Cow;

/// A JSON value borrowing from the input text.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) enum Node<'d> {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'d, str>),
    Array(Vec<Node<'d>>),
    Object(Obj<'d>),
}

/// An object's entries, in input order until the walk sorts them (duplicates possible in
/// raw input; lookups find the last one).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Obj<'d> {
    pub entries: Vec<(Cow<'d, str>, Node<'d>)>,
}

impl<'d> Obj<'d> {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The value of the last entry named `key`.
    pub fn get(&self, key: &str) -> Option<&Node<'d>> {
        self.entries
            .iter()
            .rev()
            .find(|(k, _)| same_key(k, key))
            .map(|(_, v)| v)
    }

    /// Index of the last entry named `key` (the one [`Obj::get`] finds).
    pub fn position(&self, key: &str) -> Option<usize> {
        self.entries.iter().rposition(|(k, _)| same_key(k, key))
    }

    /// The value of the entry at `at` (from [`Obj::position`]).
    pub fn at_mut(&mut self, at: usize) -> Option<&mut Node<'d>> {
        self.entries.get_mut(at).map(|(_, v)| v)
    }

    /// The value of the entry at `at` (from [`Obj::position`]).
    pub fn at(&self, at: usize) -> Option<&Node<'d>> {
        self.entries.get(at).map(|(_, v)| v)
    }

    /// Removes every entry named `key`.
    pub fn remove(&mut self, key: &str) {
        if self.entries.iter().any(|(k, _)| same_key(k, key)) {
            self.entries.retain(|(k, _)| !same_key(k, key));
        }
    }

    /// Sorts the entries by key (the order `serde_json`'s map writes) and keeps only the
    /// last of equal keys. Cheap when already sorted (the usual case after the walk).
    pub fn sort_dedup(&mut self) {
        let sorted = self
            .entries
            .windows(2)
            .all(|w| matches!(w, [a, b] if a.0 < b.0));
        if sorted {
            return;
        }
        // Stable: equal keys stay in input order, so the last one is the one kept.
        self.entries.sort_by(|a, b| a.0.cmp(&b.0));
        if !self
            .entries
            .windows(2)
            .any(|w| matches!(w, [a, b] if a.0 == b.0))
        {
            return;
        }
        let mut out: Vec<(Cow<'d, str>, Node<'d>)> = Vec::with_capacity(self.entries.len());
        for e in self.entries.drain(..) {
            match out.last_mut() {
                Some(last) if last.0 == e.0 => *last = e,
                _ => out.push(e),
            }
        }
        self.entries = out;
    }
}

/// `k == key`, settling most mismatches (other length, other last byte) without a
/// `memcmp` call (a byte loop in wasm).
#[inline]
fn same_key(k: &str, key: &str) -> bool {
    let (a, b) = (k.as_bytes(), key.as_bytes());
    a.len() == b.len() && a.last() == b.last() && a == b
}

impl<'d> Node<'d> {
    pub fn is_null(&self) -> bool {
        matches!(self, Node::Null)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Node::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    /// The value at `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Node<'d>> {
        match self {
            Node::Object(o) => o.get(key),
            _ => None,
        }
    }

    /// An owned copy of `v` (its text may need escapes, so none of it is `Borrowed`).
    pub fn from_value(v: &Value) -> Node<'d> {
        match v {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Number(n) => Node::Number(n.clone()),
            Value::String(s) => Node::String(Cow::Owned(s.clone())),
            Value::Array(a) => Node::Array(a.iter().map(Node::from_value).collect()),
            Value::Object(m) => Node::Object(Obj {
                entries: m
                    .iter()
                    .map(|(k, v)| (Cow::Owned(k.clone()), Node::from_value(v)))
                    .collect(),
            }),
        }
    }

    /// A `$context` scalar for a rule to read: borrows its text, so it is never written.
    pub fn scalar_view(v: &'d Value) -> Option<Node<'d>> {
        Some(match v {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Number(n) => Node::Number(n.clone()),
            Value::String(s) => Node::String(Cow::Borrowed(s)),
            Value::Array(_) | Value::Object(_) => return None,
        })
    }

    /// The public `serde_json::Value` (the last of duplicate keys wins).
    pub fn into_value(self) -> Value {
        match self {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(b),
            Node::Number(n) => Value::Number(n),
            Node::String(s) => Value::String(s.into_owned()),
            Node::Array(a) => Value::Array(a.into_iter().map(Node::into_value).collect()),
            Node::Object(o) => {
                let mut m = Map::new();
                for (k, v) in o.entries {
                    m.insert(k.into_owned(), v.into_value());
                }
                Value::Object(m)
            }
        }
    }

    /// Appends compact JSON, byte for byte what `serde_json` writes for
    /// [`Node::into_value`] (object keys sorted, the last of duplicates).
    pub fn write_json(&self, out: &mut String) {
        use core::fmt::Write;
        match self {
            Node::Null => out.push_str("null"),
            Node::Bool(true) => out.push_str("true"),
            Node::Bool(false) => out.push_str("false"),
            Node::Number(n) => {
                if let Some(i) = n.as_i64() {
                    push_i64(out, i);
                } else {
                    let _ = write!(out, "{n}");
                }
            }
            Node::String(s) => push_text(out, s),
            Node::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_json(out);
                }
                out.push(']');
            }
            Node::Object(o) => {
                let sorted = o
                    .entries
                    .windows(2)
                    .all(|w| matches!(w, [a, b] if a.0 < b.0));
                if sorted {
                    write_entries(out, o.entries.iter());
                } else {
                    let mut copy = o.clone();
                    copy.sort_dedup();
                    write_entries(out, copy.entries.iter());
                }
            }
        }
    }

    /// Equality with a schema value (`when` conditions).
    pub fn eq_value(&self, v: &Value) -> bool {
        match (self, v) {
            (Node::Null, Value::Null) => true,
            (Node::Bool(a), Value::Bool(b)) => a == b,
            (Node::Number(a), Value::Number(b)) => a == b,
            (Node::String(a), Value::String(b)) => a.as_ref() == b.as_str(),
            (Node::Array(a), Value::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.eq_value(y))
            }
            (Node::Object(a), Value::Object(b)) => {
                let mut a = a.clone();
                a.sort_dedup();
                a.len() == b.len()
                    && a.entries
                        .iter()
                        .all(|(k, x)| b.get(k.as_ref()).is_some_and(|y| x.eq_value(y)))
            }
            _ => false,
        }
    }

    /// Compact JSON text (what `Value`'s `Display` gives).
    pub fn to_json_text(&self) -> String {
        let mut s = String::new();
        self.write_json(&mut s);
        s
    }
}

fn write_entries<'x, 'd: 'x>(
    out: &mut String,
    entries: impl Iterator<Item = &'x (Cow<'d, str>, Node<'d>)>,
) {
    out.push('{');
    for (i, (k, v)) in entries.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_text(out, k);
        out.push(':');
        v.write_json(out);
    }
    out.push('}');
}

/// Appends text as a JSON string; borrowed text is a slice of JSON between quotes without
/// an escape, so it goes in as it is.
#[allow(clippy::ptr_arg)] // whether it is borrowed is the point
fn push_text(out: &mut String, s: &Cow<'_, str>) {
    match s {
        Cow::Borrowed(b) => {
            out.push('"');
            out.push_str(b);
            out.push('"');
        }
        Cow::Owned(o) => push_json_string(out, o),
    }
}

/// `serde_json`'s nesting limit: arrays and objects nest at most 127 deep.
const MAX_NESTING: u32 = 127;

/// Parses JSON text; `Err(())` for anything `serde_json::from_str` rejects, and for arrays
/// and objects nested deeper than `max_depth` (the caller tells the two apart).
pub(crate) fn parse(text: &str, max_depth: u32) -> Result<Node<'_>, ()> {
    let mut p = Parser {
        text,
        b: text.as_bytes(),
        pos: 0,
        depth: 0,
        max_depth: max_depth.min(MAX_NESTING),
        items: Vec::new(),
        // A form's top level has up to ~16 keys: one allocation instead of three growths.
        entries: Vec::with_capacity(16),
    };
    p.ws();
    let v = p.value()?;
    p.ws();
    if p.pos == p.b.len() {
        Ok(v)
    } else {
        Err(())
    }
}

struct Parser<'d> {
    text: &'d str,
    b: &'d [u8],
    pos: usize,
    depth: u32,
    max_depth: u32,
    /// Items and entries of the open containers (each container's own are moved out into
    /// one exactly sized vector when it closes).
    items: Vec<Node<'d>>,
    entries: Vec<(Cow<'d, str>, Node<'d>)>,
}

impl<'d> Parser<'d> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn lit(&mut self, word: &[u8], v: Node<'d>) -> Result<Node<'d>, ()> {
        let end = self.pos.checked_add(word.len()).ok_or(())?;
        if self.b.get(self.pos..end) == Some(word) {
            self.pos = end;
            Ok(v)
        } else {
            Err(())
        }
    }

    fn value(&mut self) -> Result<Node<'d>, ()> {
        match self.peek().ok_or(())? {
            b'n' => self.lit(b"null", Node::Null),
            b't' => self.lit(b"true", Node::Bool(true)),
            b'f' => self.lit(b"false", Node::Bool(false)),
            b'"' => Ok(Node::String(self.string()?)),
            b'[' => {
                self.enter()?;
                self.pos += 1;
                let mark = self.items.len();
                self.ws();
                if self.peek() == Some(b']') {
                    self.pos += 1;
                } else {
                    loop {
                        self.ws();
                        let v = self.value()?;
                        self.items.push(v);
                        self.ws();
                        match self.peek() {
                            Some(b',') => self.pos += 1,
                            Some(b']') => {
                                self.pos += 1;
                                break;
                            }
                            _ => return Err(()),
                        }
                    }
                }
                self.depth -= 1;
                Ok(Node::Array(self.items.drain(mark..).collect()))
            }
            b'{' => {
                self.enter()?;
                self.pos += 1;
                let mark = self.entries.len();
                self.ws();
                if self.peek() == Some(b'}') {
                    self.pos += 1;
                } else {
                    loop {
                        self.ws();
                        if self.peek() != Some(b'"') {
                            return Err(());
                        }
                        let key = self.string()?;
                        self.ws();
                        if self.peek() != Some(b':') {
                            return Err(());
                        }
                        self.pos += 1;
                        self.ws();
                        let v = self.value()?;
                        self.entries.push((key, v));
                        self.ws();
                        match self.peek() {
                            Some(b',') => self.pos += 1,
                            Some(b'}') => {
                                self.pos += 1;
                                break;
                            }
                            _ => return Err(()),
                        }
                    }
                }
                self.depth -= 1;
                Ok(Node::Object(Obj {
                    entries: self.entries.drain(mark..).collect(),
                }))
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(()),
        }
    }

    fn enter(&mut self) -> Result<(), ()> {
        self.depth += 1;
        if self.depth > self.max_depth {
            Err(())
        } else {
            Ok(())
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, valued by `serde_json`.
    fn number(&mut self) -> Result<Node<'d>, ()> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(()),
        }
        let mut int = true;
        if self.peek() == Some(b'.') {
            int = false;
            self.pos += 1;
            if self.digits() == 0 {
                return Err(());
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            int = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(());
            }
        }
        let text = self.text.get(start..self.pos).ok_or(())?;
        // Non-negative integers (the common case: ages, years, points) without a
        // deserializer; `serde_json` reads them as `u64` too.
        if int && !text.starts_with('-') {
            if let Ok(u) = text.parse::<u64>() {
                return Ok(Node::Number(Number::from(u)));
            }
        }
        serde_json::from_str::<Number>(text)
            .map(Node::Number)
            .map_err(|_| ())
    }

    fn hex4(&mut self) -> Result<u32, ()> {
        let mut n = 0u32;
        for _ in 0..4 {
            let d = match self.peek().ok_or(())? {
                c @ b'0'..=b'9' => c - b'0',
                c @ b'a'..=b'f' => c - b'a' + 10,
                c @ b'A'..=b'F' => c - b'A' + 10,
                _ => return Err(()),
            };
            n = n * 16 + u32::from(d);
            self.pos += 1;
        }
        Ok(n)
    }

    /// A string at `"`: borrowed when it has no escape.
    fn string(&mut self) -> Result<Cow<'d, str>, ()> {
        self.pos += 1;
        let start = self.pos;
        self.pos = plain_run(self.b, self.pos);
        match self.peek().ok_or(())? {
            b'"' => {
                let s = self.text.get(start..self.pos).ok_or(())?;
                self.pos += 1;
                return Ok(Cow::Borrowed(s));
            }
            b'\\' => {}
            _ => return Err(()),
        }
        let mut out = String::from(self.text.get(start..self.pos).ok_or(())?);
        loop {
            let run = self.pos;
            self.pos = plain_run(self.b, self.pos);
            out.push_str(self.text.get(run..self.pos).ok_or(())?);
            match self.peek().ok_or(())? {
                b'"' => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                b'\\' => {
                    self.pos += 1;
                    let e = self.peek().ok_or(())?;
                    self.pos += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let n = self.hex4()?;
                            let c = match n {
                                0xDC00..=0xDFFF => return Err(()),
                                0xD800..=0xDBFF => {
                                    if self.b.get(self.pos..self.pos + 2) != Some(b"\\u") {
                                        return Err(());
                                    }
                                    self.pos += 2;
                                    let n2 = self.hex4()?;
                                    if !(0xDC00..=0xDFFF).contains(&n2) {
                                        return Err(());
                                    }
                                    (((n - 0xD800) << 10) | (n2 - 0xDC00)) + 0x1_0000
                                }
                                n => n,
                            };
                            out.push(char::from_u32(c).ok_or(())?);
                        }
                        _ => return Err(()),
                    }
                }
                _ => return Err(()),
            }
        }
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The index of the first byte at or after `i` that ends a plain run of string content: a
/// quote, a backslash or a control character (`b.len()` if none). Eight bytes at a time
/// (exact SWAR tests; the lowest flagged byte is a real match).
fn plain_run(b: &[u8], mut i: usize) -> usize {
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    while let Some(chunk) = b.get(i..i.saturating_add(8)) {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(bytes);
        let hits = zero(x ^ (ONES * u64::from(b'"')))
            | zero(x ^ (ONES * u64::from(b'\\')))
            | (x.wrapping_sub(ONES * 0x20) & !x & HIGHS);
        if hits != 0 {
            let k = usize::try_from(hits.trailing_zeros() / 8).unwrap_or(0);
            return i.saturating_add(k);
        }
        i = i.saturating_add(8);
    }
    while let Some(&c) = b.get(i) {
        if c == b'"' || c == b'\\' || c < 0x20 {
            return i;
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_serde(text: &str) {
        let ours = parse(text, 1000).map(Node::into_value);
        let theirs = serde_json::from_str::<Value>(text).map_err(|_| ());
        assert_eq!(ours, theirs, "{text:?}");
        if let Ok(v) = theirs {
            let mut s = String::new();
            parse(text, 1000).unwrap().write_json(&mut s);
            assert_eq!(s, serde_json::to_string(&v).unwrap(), "{text:?}");
        }
    }

    #[test]
    fn accepts_and_rejects_like_serde_json() {
        for t in [
            "",
            " ",
            "null",
            "true",
            "false",
            "nul",
            "tru",
            "0",
            "-0",
            "-",
            "01",
            "1.",
            "1.5",
            "-1.5e3",
            "1e",
            "1E+2",
            "1e-2",
            ".5",
            "+1",
            "1e400",
            "-1e400",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "123456789012345678",
            "1234567890123456789",
            "0.1",
            "2.5e-308",
            "\"a\"",
            "\"a",
            "\"\\u00e9\\n\\t\\\"\\\\\\/\\b\\f\\r\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud83d\"",
            "\"\\ude00\"",
            "\"\\ud83d\\u0041\"",
            "\"\\ud83dx\"",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\u{1}\"",
            "\"\u{7f}é手\"",
            "[]",
            "[1,]",
            "[,1]",
            "[1 2]",
            " [ 1 , [ ] ] ",
            "{}",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "{\"b\":1,\"a\":[{\"c\":null}]}",
            "{\"a\":1,\"a\":2}",
            "{\"a\":1,\"b\":2,\"a\":3}",
            "[1] x",
            "[1]\n",
            "\t{ }\r\n",
            "{\"\\u0061\":true}",
            "[\"x\\u0000y\"]",
        ] {
            same_as_serde(t);
        }
        same_as_serde(&"[".repeat(127));
        same_as_serde(&format!("{}{}", "[".repeat(127), "]".repeat(127)));
        same_as_serde(&format!("{}{}", "[".repeat(128), "]".repeat(128)));
        same_as_serde(&format!("{}{}", "[".repeat(126), "]".repeat(126)));
    }

    #[test]
    fn plain_run_stops_at_every_special_byte_at_every_offset() {
        for len in 0..20 {
            assert_eq!(plain_run(&vec![b'a'; len], 0), len);
            for at in 0..len {
                for bad in [b'"', b'\\', 0u8, 0x1f, b'\n'] {
                    let mut v = vec![0xe6u8; len];
                    v[at] = bad;
                    assert_eq!(plain_run(&v, 0), at, "{len} {at} {bad}");
                    assert_eq!(plain_run(&v, at), at);
                }
            }
        }
    }

    #[test]
    fn from_value_writes_like_serde_json() {
        let v = serde_json::json!({"a\"b": ["x\ny", "\\", {"\u{1}": "ok"}], "k": "v", "": 1.5});
        let mut s = String::new();
        Node::from_value(&v).write_json(&mut s);
        assert_eq!(s, serde_json::to_string(&v).unwrap());
        assert_eq!(Node::from_value(&v).into_value(), v);
    }

    #[test]
    fn plain_strings_and_keys_are_borrowed() {
        assert!(parse("[[1]]", 2).is_ok() && parse("[[1]]", 1).is_err());
        let Ok(Node::Object(o)) = parse(r#"{"name":"王秀英","x":"a\nb"}"#, 16) else {
            panic!("object");
        };
        assert!(matches!(
            o.get("name"),
            Some(Node::String(Cow::Borrowed("王秀英")))
        ));
        assert!(matches!(o.get("x"), Some(Node::String(Cow::Owned(_)))));
    }
}
