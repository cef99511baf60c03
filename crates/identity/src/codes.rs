//! Every error and warning code this crate emits. One constant per code so a typo cannot
//! create an unlisted code; [`ALL`] is checked against `messages::MESSAGES` by a test.

/// Nothing was entered.
pub const ID_EMPTY: &str = "id.empty";
/// Wrong number of characters. Params: `actual`.
pub const ID_LENGTH: &str = "id.length";
/// A character that belongs in no document number (non-ASCII after normalisation, symbols).
pub const ID_CHARSET: &str = "id.charset";
/// Right length, but letters and digits are in the wrong places.
pub const ID_FORMAT: &str = "id.format";
/// The number has the shape of a kind the caller did not allow. Params: `kind`.
pub const ID_KIND_NOT_ALLOWED: &str = "id.kind_not_allowed";
/// The check character is wrong. Params: `expected` (the correct last character).
pub const ID_CHECKSUM_MISMATCH: &str = "id.checksum_mismatch";
/// The birth date is not a real calendar date.
pub const ID_BIRTHDATE_INVALID: &str = "id.birthdate_invalid";
/// The birth date is after the "as of" day.
pub const ID_BIRTHDATE_FUTURE: &str = "id.birthdate_future";
/// The birth year is before 1890. Params: `min`.
pub const ID_BIRTHDATE_TOO_EARLY: &str = "id.birthdate_too_early";
/// The first two digits are no province. Params: `code`.
pub const ID_PROVINCE_UNKNOWN: &str = "id.province_unknown";
/// Warning: the county code is not in the table (the province is); codes created after the
/// table's data are real.
pub const ID_REGION_UNKNOWN: &str = "id.region_unknown";
/// Warning: the 2017 foreigner card's check digit disagrees with the (unconfirmed) ICAO rule.
pub const ID_CHECKSUM_UNCONFIRMED: &str = "id.checksum_unconfirmed";

/// `fake_id_number`: the requested region cannot be used for that kind. Params: `code`.
pub const FAKE_REGION_INVALID: &str = "fake.region_invalid";
/// `fake_id_number`: the requested birth date cannot be written in that kind.
pub const FAKE_BIRTHDATE_INVALID: &str = "fake.birthdate_invalid";

/// Nothing was entered.
pub const MOBILE_EMPTY: &str = "mobile.empty";
/// A character other than digits, spaces, dashes, parentheses and a leading `+`.
pub const MOBILE_CHARSET: &str = "mobile.charset";
/// Not 11 digits after removing the country code. Params: `actual`.
pub const MOBILE_LENGTH: &str = "mobile.length";
/// 11 digits, but not starting with 13–19.
pub const MOBILE_PREFIX: &str = "mobile.prefix";

/// Nothing was entered.
pub const LANDLINE_EMPTY: &str = "landline.empty";
/// A character other than digits and the usual separators.
pub const LANDLINE_CHARSET: &str = "landline.charset";
/// No area code (or a mobile number was entered).
pub const LANDLINE_AREA_CODE: &str = "landline.area_code";
/// The local number has the wrong length for its area code. Params: `expected`.
pub const LANDLINE_LOCAL_LENGTH: &str = "landline.local_length";
/// The local number starts with 0 or 1.
pub const LANDLINE_LOCAL_PREFIX: &str = "landline.local_prefix";
/// The extension is not 1–6 digits.
pub const LANDLINE_EXTENSION: &str = "landline.extension";

/// Nothing was entered.
pub const NAME_EMPTY: &str = "name.empty";
/// Fewer characters than allowed. Params: `min`.
pub const NAME_TOO_SHORT: &str = "name.too_short";
/// More characters than allowed. Params: `max`.
pub const NAME_TOO_LONG: &str = "name.too_long";
/// Contains digits.
pub const NAME_DIGIT: &str = "name.digit";
/// Contains emoji, symbols or control characters.
pub const NAME_CHARSET: &str = "name.charset";
/// A Latin-letter name where only Chinese names are allowed.
pub const NAME_LATIN_NOT_ALLOWED: &str = "name.latin_not_allowed";
/// Chinese and Latin letters mixed in one name.
pub const NAME_MIXED_SCRIPT: &str = "name.mixed_script";
/// A middle dot at the start or end, or two in a row.
pub const NAME_DOT_POSITION: &str = "name.dot_position";

/// Nothing was entered.
pub const EMAIL_EMPTY: &str = "email.empty";
/// Not exactly one `@` with text on both sides.
pub const EMAIL_FORMAT: &str = "email.format";
/// The part before `@` has characters or dots that mail systems reject.
pub const EMAIL_LOCAL_INVALID: &str = "email.local_invalid";
/// The part after `@` is not a domain name like `example.com`.
pub const EMAIL_DOMAIN_INVALID: &str = "email.domain_invalid";
/// Longer than 254 characters. Params: `max`.
pub const EMAIL_TOO_LONG: &str = "email.too_long";

/// Nothing was entered.
pub const USCC_EMPTY: &str = "uscc.empty";
/// Not 18 characters. Params: `actual`.
pub const USCC_LENGTH: &str = "uscc.length";
/// A character outside the 31 allowed (I, O, S, V, Z never occur), or letters in positions
/// 3–8 (the division code).
pub const USCC_CHARSET: &str = "uscc.charset";
/// The check character is wrong. Params: `expected`.
pub const USCC_CHECKSUM_MISMATCH: &str = "uscc.checksum_mismatch";
/// Warning: the organisation code inside (positions 9–17) fails its own GB 11714 check.
pub const USCC_ORG_CODE_MISMATCH: &str = "uscc.org_code_mismatch";

/// Nothing was entered.
pub const CERT_EMPTY: &str = "cert.empty";
/// An eldercare (养老护理员) skill certificate is not `Y`/`S` + 21 digits.
pub const CERT_ELDERCARE_FORMAT: &str = "cert.eldercare_format";
/// A physician practice certificate is not 15 digits.
pub const CERT_PHYSICIAN_FORMAT: &str = "cert.physician_format";
/// A nurse practice certificate is not 8–20 digits.
pub const CERT_NURSE_FORMAT: &str = "cert.nurse_format";
/// The skill level digit of an eldercare certificate is not 1–5.
pub const CERT_LEVEL: &str = "cert.level";

/// `keyed_digest`: the key is shorter than 16 bytes. Params: `min`.
pub const DIGEST_KEY_TOO_SHORT: &str = "digest.key_too_short";

/// A `mask_object` rule is malformed (API misuse). Params: `path`.
pub const MASK_RULE_INVALID: &str = "mask.rule_invalid";

/// Every code above.
pub const ALL: &[&str] = &[
    ID_EMPTY,
    ID_LENGTH,
    ID_CHARSET,
    ID_FORMAT,
    ID_KIND_NOT_ALLOWED,
    ID_CHECKSUM_MISMATCH,
    ID_BIRTHDATE_INVALID,
    ID_BIRTHDATE_FUTURE,
    ID_BIRTHDATE_TOO_EARLY,
    ID_PROVINCE_UNKNOWN,
    ID_REGION_UNKNOWN,
    ID_CHECKSUM_UNCONFIRMED,
    FAKE_REGION_INVALID,
    FAKE_BIRTHDATE_INVALID,
    MOBILE_EMPTY,
    MOBILE_CHARSET,
    MOBILE_LENGTH,
    MOBILE_PREFIX,
    LANDLINE_EMPTY,
    LANDLINE_CHARSET,
    LANDLINE_AREA_CODE,
    LANDLINE_LOCAL_LENGTH,
    LANDLINE_LOCAL_PREFIX,
    LANDLINE_EXTENSION,
    NAME_EMPTY,
    NAME_TOO_SHORT,
    NAME_TOO_LONG,
    NAME_DIGIT,
    NAME_CHARSET,
    NAME_LATIN_NOT_ALLOWED,
    NAME_MIXED_SCRIPT,
    NAME_DOT_POSITION,
    EMAIL_EMPTY,
    EMAIL_FORMAT,
    EMAIL_LOCAL_INVALID,
    EMAIL_DOMAIN_INVALID,
    EMAIL_TOO_LONG,
    USCC_EMPTY,
    USCC_LENGTH,
    USCC_CHARSET,
    USCC_CHECKSUM_MISMATCH,
    USCC_ORG_CODE_MISMATCH,
    CERT_EMPTY,
    CERT_ELDERCARE_FORMAT,
    CERT_PHYSICIAN_FORMAT,
    CERT_NURSE_FORMAT,
    CERT_LEVEL,
    DIGEST_KEY_TOO_SHORT,
    MASK_RULE_INVALID,
];
