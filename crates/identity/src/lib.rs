//! Chinese identity documents, contact data and desensitization for homecare.
//!
//! Plain Rust with no clock, no randomness and no global state: the day a check is made
//! "as of" and the seed of the fake-number generator are arguments. Every validator
//! normalises first (full-width to half-width, separators, case) and returns the canonical
//! value, or a list of [`homecare_core::Problem`]s with stable codes (see [`codes`] and
//! [`MESSAGES`]).
//!
//! # Exports for the JS layer
//!
//! | JS | Rust | input → output |
//! |---|---|---|
//! | `parseIdNumber(input, { asOf, kinds })` | [`parse_id_number`] | `&str`, [`ParseOptions`] (`Date::parse`, `KindSet::from_names`) → [`ParsedId`] (Serialize) or `Vec<Problem>` |
//! | `fakeIdNumber(opts)` | [`fake_id_number`] | [`FakeOptions`] (Deserialize) → `String` |
//! | `validateMobile` / `validateLandline` / `validateEmail` / `validateUscc` | [`validate_mobile`] … | `&str` → value struct (Serialize, has `normalized`) |
//! | `validateName(input, { allowLatin })` | [`validate_name`] | `&str`, [`NameOptions`] (Deserialize) |
//! | `validateEldercareCertificate` / `validatePhysicianCertificate` / `validateNurseCertificate` | [`validate_eldercare_certificate`] … | `&str` → [`Certificate`] |
//! | `mask(value, kind, options)` | [`mask`] | `&str`, [`MaskKind`] (Deserialize or [`MaskKind::from_name`]), [`MaskOptions`] → `String` (never fails) |
//! | `maskObject(object, rules)` | [`mask_rules_from_json`] + [`mask_object`] | `serde_json::Value` ×2 → `Value` |
//! | `keyedDigest(value, key)` | [`keyed_digest`] | `&str`, `&[u8]` → lower-case hex `String` |
//!
//! Every code any of these can emit is in [`codes::ALL`], with zh-CN and en text in
//! [`MESSAGES`].
//!
//! ```
//! use homecare_identity::{mask, parse_id_number, validate_mobile, Date, MaskKind, MaskOptions, ParseOptions};
//! let opts = ParseOptions::new(Date::parse("2025-01-01").unwrap());
//! let id = parse_id_number("440308199901101512", &opts).unwrap();
//! assert_eq!(id.age, Some(25));
//! assert_eq!(validate_mobile("+86 138-0013-8000").unwrap().normalized, "13800138000");
//! assert_eq!(mask("13800138000", MaskKind::Mobile, &MaskOptions::default()), "138****8000");
//! ```
#![forbid(unsafe_code)]

mod certificate;
mod checksum;
pub mod codes;
mod date;
mod digest;
mod email;
mod fake;
mod id_kind;
mod id_number;
mod landline;
mod mask;
mod mask_object;
mod messages;
mod mobile;
mod normalize;
mod person_name;
mod region;
mod uscc;

pub use certificate::{
    validate_eldercare_certificate, validate_nurse_certificate, validate_physician_certificate,
    Certificate,
};
pub use checksum::{icao_check, mod11_2_check, uscc_check};
pub use date::Date;
pub use digest::{keyed_digest, DIGEST_MIN_KEY_LEN};
pub use email::{validate_email, Email, EMAIL_MAX_LEN};
pub use fake::{fake_id_number, FakeOptions};
pub use id_kind::{IdKind, KindSet};
pub use id_number::{
    parse_id_compact, parse_id_number, IdProblem, IdProblems, IdText, ParseOptions, ParsedId, Sex,
    Warnings, MIN_BIRTH_YEAR,
};
pub use landline::{validate_landline, Landline, LandlineKind};
pub use mask::{mask, MaskKind, MaskOptions};
pub use mask_object::{mask_object, mask_rules_from_json, MaskRule};
pub use messages::MESSAGES;
pub use mobile::{validate_mobile, Mobile};
pub use normalize::halfwidth;
pub use person_name::{
    validate_name, NameOptions, NameScript, PersonName, CHINESE_NAME_CHARS, LATIN_NAME_CHARS,
};
pub use region::{
    lookup_region, province_region, region_codes, region_count, region_record, region_table_bytes,
    Region, RegionCode, RegionRecord, REGION_FIRST_YEAR, REGION_LAST_YEAR, REGION_SOURCE,
};
pub use uscc::{validate_uscc, Uscc};

/// The crate's name, used by the wasm layer's self-check to prove the crate is linked.
pub const CRATE: &str = "homecare-identity";
