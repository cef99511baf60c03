//! Mainland landline numbers and 400/800 service numbers.
//!
//! Area codes: the 3-character codes are 010 and 020–025, 027–029; every other area code is
//! 4 characters (`0` + 3 digits). Local numbers are 8 digits after a 3-character code and 7
//! or 8 digits after a 4-character one, and do not start with 0 or 1.

use homecare_core::Problem;

use crate::codes;
use crate::normalize::{halfwidth, is_separator};

/// Fixed line or national service number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum LandlineKind {
    /// Area code + local number.
    Fixed,
    /// 400 / 800 number (10 digits, no area code).
    Service,
}

/// A valid landline number.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Landline {
    /// `010-12345678`, `0755-1234567-123` (with extension), or `4001234567`.
    pub normalized: String,
    /// Fixed line or service number.
    pub kind: LandlineKind,
    /// Area code with its leading 0 (`"010"`), `None` for service numbers.
    pub area_code: Option<String>,
    /// Local number (for service numbers: all 10 digits).
    pub local: String,
    /// Extension digits.
    pub extension: Option<String>,
}

/// Splits off an extension written as `转123`, `#123`, `ext123` or `x123`.
fn split_extension(s: &str) -> (&str, Option<&str>) {
    for marker in ["转", "#", "ext.", "ext", "EXT", "Ext", "x", "X", "分机"] {
        if let Some((main, ext)) = s.split_once(marker) {
            return (main, Some(ext));
        }
    }
    (s, None)
}

/// Validates a landline or 400/800 number.
///
/// ```
/// use homecare_identity::validate_landline;
/// assert_eq!(validate_landline("(010) 6234 5678").unwrap().normalized, "010-62345678");
/// assert_eq!(validate_landline("0755-2234567 转 88").unwrap().normalized, "0755-2234567-88");
/// assert_eq!(validate_landline("400-810-1234").unwrap().normalized, "4008101234");
/// assert_eq!(validate_landline("12345678").unwrap_err()[0].code, "landline.area_code");
/// ```
pub fn validate_landline(input: &str) -> Result<Landline, Vec<Problem>> {
    let cleaned: String = input
        .chars()
        .map(halfwidth)
        .filter(|c| !c.is_whitespace() && *c != '(' && *c != ')')
        .collect();
    if cleaned.is_empty() {
        return Err(vec![Problem::new("", codes::LANDLINE_EMPTY)]);
    }
    let (main, marked_ext) = split_extension(&cleaned);
    let main = main.trim_end_matches(|c: char| is_separator(c));
    let (main, had_country) = match main
        .strip_prefix("+86")
        .or_else(|| main.strip_prefix("0086"))
    {
        Some(rest) => (rest.trim_start_matches(is_separator), true),
        None => (main, false),
    };
    let mut groups: Vec<String> = main
        .split(is_separator)
        .filter(|g| !g.is_empty())
        .map(str::to_owned)
        .collect();
    if groups
        .iter()
        .any(|g| !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(vec![Problem::new("", codes::LANDLINE_CHARSET)]);
    }
    let service = groups
        .first()
        .is_some_and(|g| g.starts_with("400") || g.starts_with("800"));
    if had_country && !service {
        // Written internationally without the trunk 0: "+86 10 12345678".
        if let Some(first) = groups.first_mut().filter(|g| !g.starts_with('0')) {
            first.insert(0, '0');
        }
    }
    let all: String = groups.concat();
    if service {
        if all.len() != 10 || marked_ext.is_some() {
            return Err(vec![
                Problem::new("", codes::LANDLINE_LOCAL_LENGTH).text("expected", "10")
            ]);
        }
        return Ok(Landline {
            normalized: all.clone(),
            kind: LandlineKind::Service,
            area_code: None,
            local: all,
            extension: None,
        });
    }
    if !all.starts_with('0') {
        return Err(vec![Problem::new("", codes::LANDLINE_AREA_CODE)]);
    }
    let b = all.as_bytes();
    let three = b.get(1) == Some(&b'1') && b.get(2) == Some(&b'0')
        || b.get(1) == Some(&b'2') && b.get(2).is_some_and(|d| *d != b'6');
    let area_len = if three { 3 } else { 4 };
    let area = all.get(..area_len).unwrap_or("");
    let (local, dash_ext) = if groups.len() >= 2 {
        if groups.first().map_or(0, String::len) != area_len {
            return Err(vec![Problem::new("", codes::LANDLINE_AREA_CODE)]);
        }
        if groups.len() > 3 {
            return Err(vec![Problem::new("", codes::LANDLINE_EXTENSION)]);
        }
        (
            groups.get(1).cloned().unwrap_or_default(),
            groups.get(2).map(String::as_str),
        )
    } else {
        (all.get(area_len..).unwrap_or("").to_owned(), None)
    };
    let extension = match (marked_ext, dash_ext) {
        (Some(_), Some(_)) => return Err(vec![Problem::new("", codes::LANDLINE_EXTENSION)]),
        (Some(e), None) => Some(e.trim_matches(|c: char| is_separator(c) || c == '.')),
        (None, e) => e,
    };
    if let Some(e) = extension {
        if e.is_empty() || e.len() > 6 || !e.bytes().all(|b| b.is_ascii_digit()) {
            return Err(vec![Problem::new("", codes::LANDLINE_EXTENSION)]);
        }
    }
    let lengths_ok = if three {
        local.len() == 8
    } else {
        (7..=8).contains(&local.len())
    };
    if !lengths_ok {
        let expected = if three { "8" } else { "7-8" };
        return Err(vec![
            Problem::new("", codes::LANDLINE_LOCAL_LENGTH).text("expected", expected)
        ]);
    }
    if matches!(local.as_bytes().first(), Some(b'0' | b'1')) {
        return Err(vec![Problem::new("", codes::LANDLINE_LOCAL_PREFIX)]);
    }
    let mut normalized = format!("{area}-{local}");
    if let Some(e) = extension {
        normalized.push('-');
        normalized.push_str(e);
    }
    Ok(Landline {
        normalized,
        kind: LandlineKind::Fixed,
        area_code: Some(area.to_owned()),
        local,
        extension: extension.map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(input: &str) -> String {
        validate_landline(input).unwrap().normalized
    }

    fn code(input: &str) -> &'static str {
        validate_landline(input).unwrap_err()[0].code
    }

    #[test]
    fn accepted_forms() {
        assert_eq!(norm("01062345678"), "010-62345678");
        assert_eq!(norm("010-62345678"), "010-62345678");
        assert_eq!(norm("０２１－６２３４５６７８"), "021-62345678");
        assert_eq!(norm("07552234567"), "0755-2234567");
        assert_eq!(norm("0755-62345678-123"), "0755-62345678-123");
        assert_eq!(norm("0755-62345678#123"), "0755-62345678-123");
        assert_eq!(norm("+86 10 62345678"), "010-62345678");
        assert_eq!(norm("+86-755-62345678"), "0755-62345678");
        assert_eq!(norm("800 820 8820"), "8008208820");
        assert_eq!(norm("09157518479"), "0915-7518479");
    }

    #[test]
    fn rejected_forms() {
        assert_eq!(code(""), "landline.empty");
        assert_eq!(code("0101234567"), "landline.local_length");
        assert_eq!(code("010-02345678"), "landline.local_prefix");
        assert_eq!(code("13800138000"), "landline.area_code");
        assert_eq!(code("01-012345678"), "landline.area_code");
        assert_eq!(code("010-6234a678"), "landline.charset");
        assert_eq!(code("010-62345678 转 1234567"), "landline.extension");
        assert_eq!(code("400123456"), "landline.local_length");
    }
}
