//! Professional certificate numbers of care staff. None of them has a public check digit,
//! so these checks catch shape errors only; verify the holder online (NHC 护士/医师执业注册
//! 查询, MOHRSS 技能人才评价证书查询).

use homecare_core::Problem;

use crate::codes;
use crate::normalize::compact_upper;

/// A certificate number of the right shape.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Certificate {
    /// Upper-case, no separators.
    pub normalized: String,
    /// Eldercare only: the skill level 1 (一级/高级技师) … 5 (五级/初级工).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
}

fn prepare(input: &str) -> Result<String, Vec<Problem>> {
    let s = compact_upper(input);
    if s.is_empty() {
        Err(vec![Problem::new("", codes::CERT_EMPTY)])
    } else {
        Ok(s)
    }
}

fn digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// 养老护理员 职业技能等级证书: `Y` (employer evaluation) or `S` (social evaluation body) +
/// 4-digit evaluation body + 2-digit province + 6-digit site + 2-digit year + 1-digit level
/// (1–5) + 6-digit serial = 22 characters. Layout (secondary source): from the published coding rule
/// as reproduced by third parties; older 国家职业资格证书 numbers are not accepted.
///
/// ```
/// use homecare_identity::validate_eldercare_certificate;
/// let c = validate_eldercare_certificate("S000011000001234567").unwrap_err();
/// assert_eq!(c[0].code, "cert.eldercare_format");
/// let ok = validate_eldercare_certificate("Y1234440000012343000001").unwrap_err();
/// assert_eq!(ok[0].code, "cert.eldercare_format"); // 23 characters
/// let ok = validate_eldercare_certificate("y12344400000123 4 000001").unwrap();
/// assert_eq!(ok.level, Some(4));
/// ```
pub fn validate_eldercare_certificate(input: &str) -> Result<Certificate, Vec<Problem>> {
    let s = prepare(input)?;
    let shape = s.len() == 22
        && matches!(s.as_bytes().first(), Some(b'Y' | b'S'))
        && s.get(1..).is_some_and(digits);
    if !shape {
        return Err(vec![Problem::new("", codes::CERT_ELDERCARE_FORMAT)]);
    }
    let level = s.as_bytes().get(15).map(|d| d - b'0');
    if !level.is_some_and(|l| (1..=5).contains(&l)) {
        return Err(vec![Problem::new("", codes::CERT_LEVEL)]);
    }
    Ok(Certificate {
        normalized: s,
        level,
    })
}

/// 医师执业证书编码: 15 digits. Sources disagree on the internal layout, so only the
/// shape is checked.
///
/// ```
/// use homecare_identity::validate_physician_certificate;
/// assert!(validate_physician_certificate("110440100012345").is_ok());
/// assert!(validate_physician_certificate("11044010001234").is_err());
/// ```
pub fn validate_physician_certificate(input: &str) -> Result<Certificate, Vec<Problem>> {
    let s = prepare(input)?;
    if s.len() != 15 || !digits(&s) {
        return Err(vec![Problem::new("", codes::CERT_PHYSICIAN_FORMAT)]);
    }
    Ok(Certificate {
        normalized: s,
        level: None,
    })
}

/// 护士执业证书编号: **loose** — 8 to 20 digits. No authoritative coding rule was found
/// (third-party pages disagree between 12 and 15 digits), so this only rejects obvious
/// mistakes; verify through the NHC 护士执业注册信息查询.
///
/// ```
/// use homecare_identity::validate_nurse_certificate;
/// assert!(validate_nurse_certificate("2015 4400 1234").is_ok());
/// assert!(validate_nurse_certificate("N2015440012").is_err());
/// ```
pub fn validate_nurse_certificate(input: &str) -> Result<Certificate, Vec<Problem>> {
    let s = prepare(input)?;
    if !(8..=20).contains(&s.len()) || !digits(&s) {
        return Err(vec![Problem::new("", codes::CERT_NURSE_FORMAT)]);
    }
    Ok(Certificate {
        normalized: s,
        level: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eldercare_levels() {
        assert!(validate_eldercare_certificate("S123444000001231000001").is_ok());
        let e = validate_eldercare_certificate("S123444000001236000001").unwrap_err();
        assert_eq!(e[0].code, "cert.level");
        let e = validate_eldercare_certificate("S123444000001230000001").unwrap_err();
        assert_eq!(e[0].code, "cert.level");
        assert_eq!(
            validate_eldercare_certificate(" ").unwrap_err()[0].code,
            "cert.empty"
        );
        assert_eq!(
            validate_nurse_certificate("").unwrap_err()[0].code,
            "cert.empty"
        );
    }
}
