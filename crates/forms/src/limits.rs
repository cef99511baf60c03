//! Limits on untrusted input, and the pre-scan that enforces them on JSON text before
//! `serde_json` (whose parser recurses) sees it.

use homecare_core::Problem;
use serde::{Deserialize, Serialize};

/// Hard limits for one validation call. Exceeding one is an error result
/// (`input.*` codes), never a crash or a hang.
///
/// ```
/// use homecare_forms::Limits;
/// assert_eq!(Limits::default().max_depth, 16);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Limits {
    /// Deepest bracket nesting accepted in JSON text.
    pub max_depth: u32,
    /// Largest JSON text, in bytes.
    pub max_bytes: usize,
    /// Longest string value, in characters (schemas set tighter field limits).
    pub max_string_chars: usize,
    /// Longest array (schemas set tighter `maxItems`).
    pub max_array_len: usize,
    /// Most problems reported; later ones are dropped (the form is already not ok).
    pub max_errors: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 16,
            max_bytes: 256 * 1024,
            max_string_chars: 10_000,
            max_array_len: 200,
            max_errors: 100,
        }
    }
}

/// Checks size and bracket depth of JSON `text` in one pass without recursion. Strings are
/// skipped with their escapes so brackets inside them do not count. It does not check the
/// JSON grammar; `serde_json` does that afterwards, on text now known to be shallow.
///
/// ```
/// use homecare_forms::{prescan_json, Limits};
/// let deep = "[".repeat(100_000);
/// assert_eq!(prescan_json(&deep, &Limits::default()).unwrap_err().code, "input.too_deep");
/// let big = format!("\"{}\"", "x".repeat(300_000));
/// assert_eq!(prescan_json(&big, &Limits::default()).unwrap_err().code, "input.too_large");
/// assert!(prescan_json(r#"{"a":"[[[["}"#, &Limits::default()).is_ok());
/// ```
pub fn prescan_json(text: &str, limits: &Limits) -> Result<(), Problem> {
    if text.len() > limits.max_bytes {
        return Err(Problem::new("", "input.too_large").int("max", to_i64(limits.max_bytes)));
    }
    let bytes = text.as_bytes();
    let mut depth: u32 = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        match b {
            b'"' => match skip_string(bytes, i) {
                Some(next) => i = next,
                // Unterminated: no bracket after it counts (serde_json reports it).
                None => return Ok(()),
            },
            b'[' | b'{' => {
                depth = depth.saturating_add(1);
                if depth > limits.max_depth {
                    return Err(
                        Problem::new("", "input.too_deep").int("max", i64::from(limits.max_depth))
                    );
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether any byte of `x` is zero (the classic SWAR test; exact for the lowest match).
fn zero_byte(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// The index just past the closing quote of the string whose content starts at `i`, or
/// `None` if it never closes. Eight bytes at a time until a quote or backslash shows up.
fn skip_string(bytes: &[u8], mut i: usize) -> Option<usize> {
    loop {
        if let Some(chunk) = bytes.get(i..i.saturating_add(8)) {
            let x = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).ok()?);
            let hits =
                zero_byte(x ^ (ONES * u64::from(b'"'))) | zero_byte(x ^ (ONES * u64::from(b'\\')));
            if hits == 0 {
                i = i.saturating_add(8);
                continue;
            }
            // The lowest flagged byte is a real match (borrows only run upwards).
            let k = usize::try_from(hits.trailing_zeros() / 8).ok()?;
            i = i.saturating_add(k);
        } else {
            let rest = bytes.get(i..)?;
            let k = rest.iter().position(|&c| c == b'"' || c == b'\\')?;
            i = i.saturating_add(k);
        }
        match bytes.get(i) {
            Some(b'\\') => i = i.saturating_add(2),
            Some(_) => return Some(i.saturating_add(1)),
            None => return None,
        }
    }
}

pub(crate) fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_quotes_do_not_end_strings() {
        let l = Limits {
            max_depth: 2,
            ..Limits::default()
        };
        assert!(prescan_json(r#"[{"a":"\"[[[[[["}]"#, &l).is_ok());
        assert_eq!(
            prescan_json("[[[1]]]", &l).unwrap_err().code,
            "input.too_deep"
        );
        assert!(prescan_json("]]]]", &l).is_ok());
        assert!(prescan_json(r#"["\\\\"]"#, &l).is_ok());
        assert_eq!(
            prescan_json(r#"["\\\\",[[["#, &l).unwrap_err().code,
            "input.too_deep"
        );
        assert!(prescan_json(r#"["abc\\"#, &l).is_ok());
        assert!(prescan_json(r#"["abc[[[["#, &l).is_ok());
        // Quotes and backslashes at every offset of the eight-byte steps.
        for pad in 0..17 {
            let x = "x".repeat(pad);
            let ok = format!(r#"["{x}\"[[[[", "{x}\\", "é{x}"]"#);
            assert!(prescan_json(&ok, &l).is_ok(), "{ok}");
            let deep = format!(r#"["{x}\\",[[["#);
            assert_eq!(
                prescan_json(&deep, &l).unwrap_err().code,
                "input.too_deep",
                "{deep}"
            );
            let open = format!(r#"["{x}\"[[[["#);
            assert!(prescan_json(&open, &l).is_ok(), "{open}");
        }
    }
}
