//! Display masking (脱敏) of personal data.
//!
//! Defaults follow hutool `DesensitizedUtil` 5.8 (the rules most Chinese back ends already
//! use), with its leaks fixed: every rule **fails closed** — input the rule does not expect
//! (too short, wrong shape) is masked completely, never returned as is — and positions count
//! Unicode scalar values, never bytes or UTF-16 units. GB/T 35273-2020 §7.2 asks for
//! de-identification on display but prescribes no pattern, so every rule is configurable.
//!
//! | kind | default | example |
//! |---|---|---|
//! | `name` | keep first 1 | `段正淳 → 段**` |
//! | `idNumber` | keep first 1, last 2 | `51343620000320711X → 5***************1X` |
//! | `mobile` | keep first 3, last 4 of the canonical 11 digits | `138****5678` |
//! | `landline` | keep first 4, last 2 digits; separators kept | `0915-*****79` |
//! | `address` | mask the last 8 characters | `北京市海淀区马********` |
//! | `email` | keep first 1 of the local part and the domain | `d*************@gmail.com.cn` |
//! | `bankCard` | first 4, last `len % 4` (or 4), grouped by 4 | `6227 **** **** **** 123` |
//! | `plate` | 7 chars: mask 4th–6th; 8 chars (new energy): 4th–7th | `苏D4***0` |
//! | `password` | always 10 mask characters | `**********` |
//! | `ipv4` | first octet | `192.*.*.*` |
//! | `custom` | `keepStart` / `keepEnd` (default 0 / 0: mask all) | |

use crate::landline::validate_landline;
use crate::mobile::validate_mobile;
use crate::normalize::{compact_upper, halfwidth, is_separator};

/// What a value is, which picks the masking rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MaskKind {
    /// Personal name.
    Name,
    /// Any identity-document number.
    IdNumber,
    /// Mobile number.
    Mobile,
    /// Landline number.
    Landline,
    /// Postal address.
    Address,
    /// Email address.
    Email,
    /// Bank card number.
    BankCard,
    /// Vehicle licence plate.
    Plate,
    /// Password or other secret.
    Password,
    /// IPv4 address.
    Ipv4,
    /// Keep `keepStart` leading and `keepEnd` trailing characters.
    Custom,
}

impl MaskKind {
    /// The JS name of the kind.
    pub fn from_name(name: &str) -> Option<MaskKind> {
        Some(match name {
            "name" => MaskKind::Name,
            "idNumber" => MaskKind::IdNumber,
            "mobile" => MaskKind::Mobile,
            "landline" => MaskKind::Landline,
            "address" => MaskKind::Address,
            "email" => MaskKind::Email,
            "bankCard" => MaskKind::BankCard,
            "plate" => MaskKind::Plate,
            "password" => MaskKind::Password,
            "ipv4" => MaskKind::Ipv4,
            "custom" => MaskKind::Custom,
            _ => return None,
        })
    }
}

/// Per-app overrides of a rule. JSON: `{ keepStart?, keepEnd?, maskChar? }`.
///
/// `keepStart`/`keepEnd` apply to `name`, `idNumber`, `mobile`, `landline` (counted in
/// digits), `custom`, `email` (`keepStart` only, within the local part) and `address`
/// (`keepStart` only: keep that many leading characters instead of masking the last 8).
/// The other kinds have fixed shapes and use only `maskChar`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MaskOptions {
    /// Leading characters to keep.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_start: Option<usize>,
    /// Trailing characters to keep.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_end: Option<usize>,
    /// The mask character (default `*`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mask_char: Option<char>,
}

/// Characters of hutool's address rule that are masked from the end.
const ADDRESS_TAIL: usize = 8;
/// Mask characters of a password, whatever its length (length is a secret too).
const PASSWORD_MASK_LEN: usize = 10;

/// Masks `value` for display by the rule of `kind`.
///
/// ```
/// use homecare_identity::{mask, MaskKind, MaskOptions};
/// let d = MaskOptions::default();
/// assert_eq!(mask("段正淳", MaskKind::Name, &d), "段**");
/// assert_eq!(mask("51343620000320711X", MaskKind::IdNumber, &d), "5***************1X");
/// assert_eq!(mask("+86 138 1234 5678", MaskKind::Mobile, &d), "138****5678");
/// assert_eq!(mask("12345", MaskKind::Mobile, &d), "*****"); // not a mobile: fail closed
/// let six_four = MaskOptions { keep_start: Some(6), keep_end: Some(4), mask_char: Some('#') };
/// assert_eq!(mask("11010519491231002X", MaskKind::IdNumber, &six_four), "110105########002X");
/// ```
pub fn mask(value: &str, kind: MaskKind, options: &MaskOptions) -> String {
    let m = options.mask_char.unwrap_or('*');
    let value = value.trim();
    if value.is_empty() {
        return String::new();
    }
    let start = |default: usize| options.keep_start.unwrap_or(default);
    let end = |default: usize| options.keep_end.unwrap_or(default);
    match kind {
        MaskKind::Name => keep(value, start(1), end(0), m),
        MaskKind::Custom => keep(value, start(0), end(0), m),
        MaskKind::IdNumber => {
            let id = compact_upper(value);
            if id.len() < 6 || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return all(value, m);
            }
            keep(&id, start(1), end(2), m)
        }
        MaskKind::Mobile => match validate_mobile(value) {
            Ok(mobile) => keep(&mobile.normalized, start(3), end(4), m),
            Err(_) => all(value, m),
        },
        MaskKind::Landline => match validate_landline(value) {
            Ok(line) => keep_digits(&line.normalized, start(4), end(2), m),
            Err(_) => all(value, m),
        },
        MaskKind::Address => {
            let n = value.chars().count();
            let kept = options
                .keep_start
                .unwrap_or_else(|| n.saturating_sub(ADDRESS_TAIL));
            keep(value, kept, 0, m)
        }
        MaskKind::Email => email(value, start(1), m),
        MaskKind::BankCard => bank_card(value, m),
        MaskKind::Plate => plate(value, m),
        MaskKind::Password => core::iter::repeat_n(m, PASSWORD_MASK_LEN).collect(),
        MaskKind::Ipv4 => ipv4(value, m),
    }
}

/// Every character replaced.
fn all(value: &str, m: char) -> String {
    value.chars().map(|_| m).collect()
}

/// Keeps `start` leading and `end` trailing characters; masks everything when that would
/// leave nothing masked.
fn keep(value: &str, start: usize, end: usize, m: char) -> String {
    let n = value.chars().count();
    if start.saturating_add(end) >= n {
        return all(value, m);
    }
    value
        .chars()
        .enumerate()
        .map(|(i, c)| if i < start || i >= n - end { c } else { m })
        .collect()
}

/// Like [`keep`] but counting digits only; separators stay visible.
fn keep_digits(value: &str, start: usize, end: usize, m: char) -> String {
    let n = value.chars().filter(char::is_ascii_digit).count();
    if start.saturating_add(end) >= n {
        return value
            .chars()
            .map(|c| if c.is_ascii_digit() { m } else { c })
            .collect();
    }
    let mut seen = 0usize;
    value
        .chars()
        .map(|c| {
            if !c.is_ascii_digit() {
                return c;
            }
            let i = seen;
            seen += 1;
            if i < start || i >= n - end {
                c
            } else {
                m
            }
        })
        .collect()
}

fn email(value: &str, start: usize, m: char) -> String {
    match value.rsplit_once('@') {
        Some((local, domain)) if !local.is_empty() && !domain.is_empty() => {
            format!("{}@{domain}", keep(local, start, 0, m))
        }
        _ => all(value, m),
    }
}

fn bank_card(value: &str, m: char) -> String {
    let digits: String = value
        .chars()
        .map(halfwidth)
        .filter(|c| !is_separator(*c))
        .collect();
    if !(9..=30).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return all(value, m);
    }
    let len = digits.len();
    let end_len = if len.is_multiple_of(4) { 4 } else { len % 4 };
    let middle = len - 4 - end_len;
    let mut out = String::with_capacity(len * 2);
    out.push_str(digits.get(..4).unwrap_or(""));
    for i in 0..middle {
        if i % 4 == 0 {
            out.push(' ');
        }
        out.push(m);
    }
    out.push(' ');
    out.push_str(digits.get(len - end_len..).unwrap_or(""));
    out
}

fn plate(value: &str, m: char) -> String {
    let compact: String = value
        .chars()
        .filter(|c| !is_separator(*c) && *c != '·')
        .collect();
    let (from, to) = match compact.chars().count() {
        7 => (3, 6),
        8 => (3, 7),
        _ => return all(value, m),
    };
    compact
        .chars()
        .enumerate()
        .map(|(i, c)| if (from..to).contains(&i) { m } else { c })
        .collect()
}

fn ipv4(value: &str, m: char) -> String {
    let octets: Vec<&str> = value.split('.').collect();
    let valid = octets.len() == 4
        && octets.iter().all(|o| {
            (1..=3).contains(&o.len())
                && o.bytes().all(|b| b.is_ascii_digit())
                && o.parse::<u16>().is_ok_and(|v| v <= 255)
        });
    match octets.first() {
        Some(first) if valid => format!("{first}.{m}.{m}.{m}"),
        _ => all(value, m),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(value: &str, kind: MaskKind) -> String {
        mask(value, kind, &MaskOptions::default())
    }

    #[test]
    fn hutool_vectors() {
        assert_eq!(d("段正淳", MaskKind::Name), "段**");
        assert_eq!(d("09157518479", MaskKind::Landline), "0915-*****79");
        assert_eq!(d("18049531999", MaskKind::Mobile), "180****1999");
        assert_eq!(
            d("北京市海淀区马连洼街道289号", MaskKind::Address),
            "北京市海淀区马********"
        );
        assert_eq!(
            d("duandazhi-jack@gmail.com.cn", MaskKind::Email),
            "d*************@gmail.com.cn"
        );
        assert_eq!(d("1234567890", MaskKind::Password), "**********");
        assert_eq!(d("苏D40000", MaskKind::Plate), "苏D4***0");
        assert_eq!(d("陕A12345D", MaskKind::Plate), "陕A1****D");
        assert_eq!(
            d("11011111222233333256", MaskKind::BankCard),
            "1101 **** **** **** 3256"
        );
        assert_eq!(
            d("6227880100100105123", MaskKind::BankCard),
            "6227 **** **** **** 123"
        );
        assert_eq!(d("192.168.1.1", MaskKind::Ipv4), "192.*.*.*");
    }

    #[test]
    fn hutool_leaks_are_closed() {
        assert_eq!(d("京A123", MaskKind::Plate), "*****");
        assert_eq!(d("138123", MaskKind::Mobile), "******");
        assert_eq!(d("a@x.com", MaskKind::Email), "*@x.com");
        assert_eq!(d("no-at-sign", MaskKind::Email), "**********");
        assert_eq!(d("12", MaskKind::IdNumber), "**");
        assert_eq!(d("6227880", MaskKind::BankCard), "*******");
        assert_eq!(d("张", MaskKind::Name), "*");
        assert_eq!(d("999.1.1.1", MaskKind::Ipv4), "*********");
        assert_eq!(d("北京市", MaskKind::Address), "***");
        assert_eq!(d("", MaskKind::Name), "");
    }

    #[test]
    fn kind_names_agree_with_serde() {
        for name in [
            "name", "idNumber", "mobile", "landline", "address", "email", "bankCard", "plate",
            "password", "ipv4", "custom",
        ] {
            let kind = MaskKind::from_name(name).unwrap();
            assert_eq!(serde_json::to_value(kind).unwrap(), serde_json::json!(name));
        }
        assert_eq!(MaskKind::from_name("phone"), None);
    }

    #[test]
    fn scalar_values_not_utf16() {
        assert_eq!(d("𠀾𠀾𠀾", MaskKind::Name), "𠀾**");
        let o = MaskOptions {
            keep_start: Some(1),
            keep_end: Some(1),
            mask_char: Some('●'),
        };
        assert_eq!(mask("𠀾𠀾𠀾", MaskKind::Custom, &o), "𠀾●𠀾");
        assert_eq!(d("anything", MaskKind::Custom), "********");
    }
}
