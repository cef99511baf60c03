//! Unified Social Credit Code (统一社会信用代码), GB 32100-2015.

use homecare_core::Problem;

use crate::checksum::{org_code_check, uscc_check, uscc_value};
use crate::codes;
use crate::normalize::compact_upper;

/// A valid USCC.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Uscc {
    /// 18 upper-case characters.
    pub normalized: String,
    /// Position 1: registration authority (`9` = market regulation, `5` = civil affairs …).
    pub registration_authority: String,
    /// Positions 1–2: authority + institution category (`91` enterprise, `52` social
    /// service organisation …).
    pub category: String,
    /// Positions 3–8: administrative division of the registering authority.
    pub division_code: String,
    /// Soft findings: `uscc.org_code_mismatch` when the embedded GB 11714 organisation code
    /// fails its own check (not every issued code is known to comply, so it is not an error).
    pub warnings: Vec<&'static str>,
}

/// Validates a USCC (GB 32100-2015 mod-31 check; 31 maps to `0`).
///
/// ```
/// use homecare_identity::validate_uscc;
/// let u = validate_uscc("91110108772551611j").unwrap();
/// assert_eq!((u.category.as_str(), u.division_code.as_str()), ("91", "110108"));
/// let e = validate_uscc("91110108772551611K").unwrap_err();
/// assert_eq!(e[0].param("expected").unwrap().display(), "J");
/// ```
pub fn validate_uscc(input: &str) -> Result<Uscc, Vec<Problem>> {
    let s = compact_upper(input);
    if s.is_empty() {
        return Err(vec![Problem::new("", codes::USCC_EMPTY)]);
    }
    let b = s.as_bytes();
    if !s.is_ascii() || b.iter().any(|c| uscc_value(*c).is_none()) {
        return Err(vec![Problem::new("", codes::USCC_CHARSET)]);
    }
    if b.len() != 18 {
        let actual = i64::try_from(s.chars().count()).unwrap_or(i64::MAX);
        return Err(vec![
            Problem::new("", codes::USCC_LENGTH).int("actual", actual)
        ]);
    }
    if !b
        .get(2..8)
        .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    {
        return Err(vec![Problem::new("", codes::USCC_CHARSET)]);
    }
    let expected = b.get(..17).and_then(uscc_check);
    if let Some(expected) = expected.filter(|e| b.get(17) != Some(e)) {
        return Err(vec![Problem::new("", codes::USCC_CHECKSUM_MISMATCH)
            .text("expected", char::from(expected).to_string())]);
    }
    let mut warnings = Vec::new();
    if b.get(8..16).and_then(org_code_check) != b.get(16).copied() {
        warnings.push(codes::USCC_ORG_CODE_MISMATCH);
    }
    Ok(Uscc {
        registration_authority: s.get(..1).unwrap_or("").to_owned(),
        category: s.get(..2).unwrap_or("").to_owned(),
        division_code: s.get(2..8).unwrap_or("").to_owned(),
        normalized: s,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(input: &str) -> &'static str {
        validate_uscc(input).unwrap_err()[0].code
    }

    #[test]
    fn cases() {
        assert!(validate_uscc("91110108772551611J")
            .unwrap()
            .warnings
            .is_empty());
        assert_eq!(code(""), "uscc.empty");
        assert_eq!(code("91110108772551611"), "uscc.length");
        assert_eq!(code("9111010877255161IJ"), "uscc.charset");
        assert_eq!(code("91A10108772551611J"), "uscc.charset");
        assert_eq!(code("营业执照"), "uscc.charset");
    }
}
