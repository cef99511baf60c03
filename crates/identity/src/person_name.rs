//! Personal names: Chinese names (incl. rare characters outside the BMP and the middle dot of
//! minority and transliterated names) and, when allowed, Latin-letter names.

use homecare_core::Problem;

use crate::codes;
use crate::normalize::halfwidth;

/// Limits of a Chinese name, counted in Unicode scalar values (not UTF-16 units: 𠀾 is one).
pub const CHINESE_NAME_CHARS: core::ops::RangeInclusive<usize> = 2..=20;
/// Limits of a Latin-letter name, in Unicode scalar values.
pub const LATIN_NAME_CHARS: core::ops::RangeInclusive<usize> = 2..=64;

/// Options of [`validate_name`]. JSON: `{ allowLatin? }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NameOptions {
    /// Accept names in Latin letters (foreign residents). Default false.
    #[serde(default)]
    pub allow_latin: bool,
}

/// The writing system of a valid name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum NameScript {
    /// Chinese characters (with optional middle dots).
    Chinese,
    /// Latin letters.
    Latin,
}

/// A valid name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonName {
    /// Trimmed; Chinese names without spaces and with every dot form as `·` (U+00B7);
    /// Latin names with single spaces.
    pub normalized: String,
    /// Chinese or Latin.
    pub script: NameScript,
}

/// The middle dot forms people type (U+00B7 itself, bullet, katakana middle dot, full-width
/// full stop, half-width katakana middle dot, hyphenation point, bullet operator, dot operator).
fn is_dot_form(c: char) -> bool {
    matches!(
        c,
        '\u{00B7}'
            | '\u{2022}'
            | '\u{30FB}'
            | '\u{FF0E}'
            | '\u{FF65}'
            | '\u{2027}'
            | '\u{2219}'
            | '\u{22C5}'
    )
}

/// Han ideographs: URO, Ext A, compatibility, Ext B–H (planes 2 and 3), and 〇.
pub(crate) fn is_han(c: char) -> bool {
    matches!(u32::from(c),
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0x20000..=0x2FA1F | 0x30000..=0x323AF)
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(u32::from(c), 0x00C0..=0x024F | 0x1E00..=0x1EFF) && c != '×' && c != '÷'
}

/// Validates a personal name.
///
/// ```
/// use homecare_identity::{validate_name, NameOptions};
/// let opts = NameOptions::default();
/// assert_eq!(validate_name(" 买买提•艾力 ", &opts).unwrap().normalized, "买买提·艾力");
/// assert_eq!(validate_name("𠀾𠀾", &opts).unwrap().normalized.chars().count(), 2);
/// assert_eq!(validate_name("John Smith", &opts).unwrap_err()[0].code, "name.latin_not_allowed");
/// assert!(validate_name("John  Smith", &NameOptions { allow_latin: true }).is_ok());
/// assert_eq!(validate_name("张三1", &opts).unwrap_err()[0].code, "name.digit");
/// ```
pub fn validate_name(input: &str, options: &NameOptions) -> Result<PersonName, Vec<Problem>> {
    let trimmed = input.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if trimmed.is_empty() {
        return Err(vec![Problem::new("", codes::NAME_EMPTY)]);
    }
    // The usual Chinese name, Han characters only: nothing to fold, drop or check in order
    // (what the general path below concludes for such a name, without its two passes).
    if trimmed.chars().all(is_han) {
        check_count(trimmed, CHINESE_NAME_CHARS)?;
        return Ok(PersonName {
            normalized: trimmed.to_owned(),
            script: NameScript::Chinese,
        });
    }
    let (mut han, mut latin) = (false, false);
    for c in trimmed.chars() {
        let c = halfwidth(c);
        if is_han(c) {
            han = true;
        } else if is_latin_letter(c) {
            latin = true;
        } else if c.is_numeric() {
            return Err(vec![Problem::new("", codes::NAME_DIGIT)]);
        } else if !(c == ' '
            || c.is_whitespace()
            || is_dot_form(c)
            || matches!(c, '.' | '-' | '\'' | '’'))
        {
            return Err(vec![Problem::new("", codes::NAME_CHARSET)]);
        }
    }
    if han && latin {
        return Err(vec![Problem::new("", codes::NAME_MIXED_SCRIPT)]);
    }
    if latin && !options.allow_latin {
        return Err(vec![Problem::new("", codes::NAME_LATIN_NOT_ALLOWED)]);
    }
    if han {
        chinese(trimmed)
    } else if latin {
        latin_name(trimmed)
    } else {
        // Only dots, dashes and spaces.
        Err(vec![Problem::new("", codes::NAME_CHARSET)])
    }
}

fn chinese(trimmed: &str) -> Result<PersonName, Vec<Problem>> {
    let mut normalized = String::with_capacity(trimmed.len());
    let mut previous_dot = true; // a dot may not come first
    for c in trimmed.chars().map(halfwidth) {
        if c.is_whitespace() {
            continue;
        }
        if is_dot_form(c) || c == '.' {
            if previous_dot {
                return Err(vec![Problem::new("", codes::NAME_DOT_POSITION)]);
            }
            previous_dot = true;
            normalized.push('·');
        } else if is_han(c) {
            previous_dot = false;
            normalized.push(c);
        } else {
            // '-' or an apostrophe in a Chinese name.
            return Err(vec![Problem::new("", codes::NAME_CHARSET)]);
        }
    }
    if previous_dot {
        return Err(vec![Problem::new("", codes::NAME_DOT_POSITION)]);
    }
    check_count(&normalized, CHINESE_NAME_CHARS)?;
    Ok(PersonName {
        normalized,
        script: NameScript::Chinese,
    })
}

fn latin_name(trimmed: &str) -> Result<PersonName, Vec<Problem>> {
    let mut normalized = String::with_capacity(trimmed.len());
    for word in trimmed.split_whitespace() {
        if !normalized.is_empty() {
            normalized.push(' ');
        }
        normalized.extend(
            word.chars()
                .map(|c| if is_dot_form(c) { '·' } else { halfwidth(c) }),
        );
    }
    check_count(&normalized, LATIN_NAME_CHARS)?;
    Ok(PersonName {
        normalized,
        script: NameScript::Latin,
    })
}

fn check_count(s: &str, range: core::ops::RangeInclusive<usize>) -> Result<(), Vec<Problem>> {
    let n = s.chars().count();
    let as_int = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
    if n < *range.start() {
        Err(vec![
            Problem::new("", codes::NAME_TOO_SHORT).int("min", as_int(*range.start()))
        ])
    } else if n > *range.end() {
        Err(vec![
            Problem::new("", codes::NAME_TOO_LONG).int("max", as_int(*range.end()))
        ])
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(input: &str) -> &'static str {
        validate_name(input, &NameOptions::default()).unwrap_err()[0].code
    }

    #[test]
    fn dots_and_spaces() {
        let o = NameOptions::default();
        for dot in ['·', '•', '・', '．', '.', '･'] {
            let n = validate_name(&format!("阿依古丽{dot}买买提"), &o).unwrap();
            assert_eq!(n.normalized, "阿依古丽·买买提");
        }
        assert_eq!(validate_name("张　三", &o).unwrap().normalized, "张三");
        assert_eq!(code("·张三"), "name.dot_position");
        assert_eq!(code("张三·"), "name.dot_position");
        assert_eq!(code("张··三"), "name.dot_position");
    }

    #[test]
    fn lengths_count_scalar_values() {
        // 20 supplementary-plane characters: 40 UTF-16 units, 20 scalar values.
        let rare: String = "𠀾".repeat(20);
        assert!(validate_name(&rare, &NameOptions::default()).is_ok());
        assert_eq!(code(&format!("{rare}𠀾")), "name.too_long");
        assert_eq!(code("张"), "name.too_short");
        assert!(validate_name("李〇", &NameOptions::default()).is_ok());
    }

    #[test]
    fn rejects_digits_emoji_controls_and_mixing() {
        assert_eq!(code(""), "name.empty");
        assert_eq!(code("张三３"), "name.digit");
        assert_eq!(code("张三😀"), "name.charset");
        assert_eq!(code("张\u{0007}三"), "name.charset");
        assert_eq!(code("张\u{200B}三"), "name.charset");
        assert_eq!(code("张三Li"), "name.mixed_script");
        assert_eq!(code("--"), "name.charset");
        assert_eq!(code("张-三"), "name.charset");
        let latin = NameOptions { allow_latin: true };
        assert_eq!(
            validate_name("  José  O'Neil-Ruiz ", &latin)
                .unwrap()
                .normalized,
            "José O'Neil-Ruiz"
        );
        assert!(validate_name("J", &latin).is_err());
    }
}
