//! Mainland mobile numbers.
//!
//! Only the shape `1[3-9]` + 9 digits is checked: new number segments (190, 192, 197 …) keep
//! appearing and strict segment lists reject real numbers for years (any-rule issues #240,
//! #295, #299, #300, #338). Ownership is proven by an SMS code, not by a regex.

use homecare_core::Problem;

use crate::codes;
use crate::normalize::{halfwidth, is_separator};

/// A valid mobile number.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mobile {
    /// The 11 digits.
    pub normalized: String,
    /// E.164 form, `+86` + the 11 digits.
    pub international: String,
}

/// Validates a mainland mobile number.
///
/// Accepts full-width digits, spaces, dashes, parentheses and a country code written as
/// `+86`, `0086` or `86` (followed by 11 digits).
///
/// ```
/// use homecare_identity::validate_mobile;
/// assert_eq!(validate_mobile("０086 138-0013-8000").unwrap().normalized, "13800138000");
/// assert_eq!(validate_mobile("86-19212345678").unwrap().international, "+8619212345678");
/// assert_eq!(validate_mobile("12800138000").unwrap_err()[0].code, "mobile.prefix");
/// ```
pub fn validate_mobile(input: &str) -> Result<Mobile, Vec<Problem>> {
    let mut digits = String::with_capacity(16);
    let mut plus = false;
    for c in input.chars().map(halfwidth) {
        if is_separator(c) || c == '(' || c == ')' {
            continue;
        }
        if c == '+' && digits.is_empty() && !plus {
            plus = true;
            continue;
        }
        if !c.is_ascii_digit() {
            return Err(vec![Problem::new("", codes::MOBILE_CHARSET)]);
        }
        digits.push(c);
    }
    if digits.is_empty() && !plus {
        return Err(vec![Problem::new("", codes::MOBILE_EMPTY)]);
    }
    let national = if plus {
        digits.strip_prefix("86")
    } else if let Some(rest) = digits.strip_prefix("0086") {
        Some(rest)
    } else if digits.len() == 13 {
        digits.strip_prefix("86").or(Some(digits.as_str()))
    } else {
        Some(digits.as_str())
    };
    // "+" with another country code is not a mainland mobile number.
    let Some(national) = national else {
        return Err(vec![Problem::new("", codes::MOBILE_PREFIX)]);
    };
    if national.len() != 11 {
        let actual = i64::try_from(national.len()).unwrap_or(i64::MAX);
        return Err(vec![
            Problem::new("", codes::MOBILE_LENGTH).int("actual", actual)
        ]);
    }
    let b = national.as_bytes();
    if b.first() != Some(&b'1') || !b.get(1).is_some_and(|d| (b'3'..=b'9').contains(d)) {
        return Err(vec![Problem::new("", codes::MOBILE_PREFIX)]);
    }
    // Built by hand: `format!` measured ~540 of this function's ~1,700 instructions, and every
    // mobile field of every form (typed live) comes through here.
    let mut international = String::with_capacity(3 + national.len());
    international.push_str("+86");
    international.push_str(national);
    // `national` is the end of `digits`: keep that buffer instead of copying it.
    let start = digits.len().saturating_sub(national.len());
    let normalized = if start == 0 {
        digits
    } else {
        digits.split_off(start)
    };
    Ok(Mobile {
        normalized,
        international,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(input: &str) -> &'static str {
        validate_mobile(input).unwrap_err()[0].code
    }

    #[test]
    fn accepted_forms() {
        for input in [
            "13800138000",
            "+8613800138000",
            "+86 138 0013 8000",
            "008613800138000",
            "8613800138000",
            "86-13800138000",
            "１３８００１３８０００",
            "(+86) 138-0013-8000",
        ] {
            assert_eq!(
                validate_mobile(input).unwrap().normalized,
                "13800138000",
                "{input}"
            );
        }
    }

    #[test]
    fn rejected_forms() {
        assert_eq!(code(""), "mobile.empty");
        assert_eq!(code("  "), "mobile.empty");
        assert_eq!(code("138001380001"), "mobile.length");
        assert_eq!(code("1380013800"), "mobile.length");
        assert_eq!(code("+1 4155550100"), "mobile.prefix");
        assert_eq!(code("10800138000"), "mobile.prefix");
        assert_eq!(code("1380013800a"), "mobile.charset");
        assert_eq!(code("138+00138000"), "mobile.charset");
        assert_eq!(code("+"), "mobile.prefix");
    }
}
