//! Email addresses: the practical subset mail systems accept (dot-atom local part, LDH
//! domain labels, a letter-only top-level domain). Quoted local parts and IP-literal domains
//! are rejected on purpose: no Chinese provider issues them and they confuse users.

use homecare_core::Problem;

use crate::codes;
use crate::normalize::halfwidth;

/// Longest address accepted (RFC 5321 path limit minus the angle brackets).
pub const EMAIL_MAX_LEN: usize = 254;

/// A valid email address.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Email {
    /// Trimmed, full-width mapped, domain in lower case (the local part keeps its case).
    pub normalized: String,
}

/// Validates an email address.
///
/// ```
/// use homecare_identity::validate_email;
/// assert_eq!(validate_email(" Zhang.San＠QQ.com ").unwrap().normalized, "Zhang.San@qq.com");
/// assert_eq!(validate_email("zhang@qq").unwrap_err()[0].code, "email.domain_invalid");
/// ```
pub fn validate_email(input: &str) -> Result<Email, Vec<Problem>> {
    let s: String = input.trim().chars().map(halfwidth).collect();
    let s = s.trim();
    if s.is_empty() {
        return Err(vec![Problem::new("", codes::EMAIL_EMPTY)]);
    }
    if s.chars().count() > EMAIL_MAX_LEN {
        let max = i64::try_from(EMAIL_MAX_LEN).unwrap_or(i64::MAX);
        return Err(vec![Problem::new("", codes::EMAIL_TOO_LONG).int("max", max)]);
    }
    let Some((local, domain)) = s.split_once('@') else {
        return Err(vec![Problem::new("", codes::EMAIL_FORMAT)]);
    };
    if local.is_empty() || domain.is_empty() || domain.contains('@') {
        return Err(vec![Problem::new("", codes::EMAIL_FORMAT)]);
    }
    let local_ok = local.len() <= 64
        && local.split('.').all(|atom| {
            !atom.is_empty()
                && atom
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&b))
        });
    if !local_ok {
        return Err(vec![Problem::new("", codes::EMAIL_LOCAL_INVALID)]);
    }
    let domain = domain.to_ascii_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    let labels_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            (1..=63).contains(&l.len())
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        })
        && labels.last().is_some_and(|tld| {
            tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
                || tld.starts_with("xn--")
        });
    if !labels_ok {
        return Err(vec![Problem::new("", codes::EMAIL_DOMAIN_INVALID)]);
    }
    Ok(Email {
        normalized: format!("{local}@{domain}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(input: &str) -> &'static str {
        validate_email(input).unwrap_err()[0].code
    }

    #[test]
    fn cases() {
        assert!(validate_email("duandazhi-jack@gmail.com.cn").is_ok());
        assert!(validate_email("a+tag@sub.example.co").is_ok());
        assert!(validate_email("a@xn--fiqs8s").is_err()); // single label
        assert!(validate_email("a@example.xn--fiqs8s").is_ok());
        assert_eq!(code(""), "email.empty");
        assert_eq!(code("plainaddress"), "email.format");
        assert_eq!(code("@qq.com"), "email.format");
        assert_eq!(code("a@b@qq.com"), "email.format");
        assert_eq!(code("a..b@qq.com"), "email.local_invalid");
        assert_eq!(code(".a@qq.com"), "email.local_invalid");
        assert_eq!(code("张三@qq.com"), "email.local_invalid");
        assert_eq!(code("a@-qq.com"), "email.domain_invalid");
        assert_eq!(code("a@qq.c0m"), "email.domain_invalid");
        assert_eq!(
            code(&format!("{}@qq.com", "a".repeat(260))),
            "email.too_long"
        );
    }
}
