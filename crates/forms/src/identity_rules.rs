//! [`HomecareIdentity`]: the production [`IdentityRules`], over `homecare-identity`, so the
//! forms engine holds no second copy of any identity rule. [`Registry::new`](crate::Registry::new)
//! uses it.
//!
//! Document kinds are `homecare-identity`'s names ([`homecare_identity::IdKind::from_name`]:
//! `resident`, `resident15`, `hkPermit`, `moPermit`, `twPermit`, `foreignPermanent2023`,
//! `foreignPermanent2017`, `hkMoTravelPermit`, `twTravelPermit`, `passport`); schemas spell
//! them the same way, so there is no alias table. A kind name identity does not know is an
//! `id.kind_not_allowed` problem (a schema with such a name is a schema bug the vectors catch).
//!
//! Certificate kinds (the schema's enum values) with a real validator:
//!
//! | kind | validator |
//! |---|---|
//! | `nurse` | [`homecare_identity::validate_nurse_certificate`] |
//! | `physician` | [`homecare_identity::validate_physician_certificate`] |
//! | `eldercareWorker` | [`homecare_identity::validate_eldercare_certificate`] |
//!
//! Any other kind (`rehabTherapist`, `pharmacist`: their numbers have no published layout) is
//! only normalised (full-width to ASCII, separators dropped, upper case) and must not be empty;
//! the reviewer checks the photo of the certificate.

use crate::{Date, IdValue, IdentityRules, Sex};
use homecare_core::Problem;
use homecare_identity as id;

/// The identity rules of `homecare-identity`.
///
/// ```
/// use homecare_forms::{Date, HomecareIdentity, IdentityRules, Sex};
/// let as_of = Date::new(2026, 11, 30).unwrap();
/// let v = HomecareIdentity.id_number("11010519491231002x", &["resident".into()], as_of).unwrap();
/// assert_eq!(v.normalized, "11010519491231002X");
/// assert_eq!((v.kind, v.sex), ("resident", Some(Sex::Female)));
/// let e = HomecareIdentity.id_number("110105194912310021", &[], as_of).unwrap_err();
/// assert_eq!(e[0].code, "id.checksum_mismatch");
/// assert_eq!(HomecareIdentity.mobile("+86 138-0013-8000").unwrap(), "13800138000");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HomecareIdentity;

fn to_id_date(d: Date) -> Option<id::Date> {
    let (y, m, day) = d.ymd();
    id::Date::new(y, m, day)
}

fn from_id_date(d: id::Date) -> Option<Date> {
    Date::new(d.year(), d.month(), d.day())
}

fn from_id_sex(s: id::Sex) -> Sex {
    match s {
        id::Sex::Male => Sex::Male,
        id::Sex::Female => Sex::Female,
    }
}

impl IdentityRules for HomecareIdentity {
    fn id_number(
        &self,
        input: &str,
        kinds: &[String],
        as_of: Date,
    ) -> Result<IdValue, Vec<Problem>> {
        id_value(input, kinds.iter().map(String::as_str), as_of)
    }

    fn id_number_of_kind(
        &self,
        input: &str,
        kind: &str,
        as_of: Date,
    ) -> Result<IdValue, Vec<Problem>> {
        id_value(input, core::iter::once(kind), as_of)
    }

    fn mobile(&self, input: &str) -> Result<String, Vec<Problem>> {
        id::validate_mobile(input).map(|m| m.normalized)
    }

    fn landline(&self, input: &str) -> Result<String, Vec<Problem>> {
        id::validate_landline(input).map(|l| l.normalized)
    }

    /// Chinese names, and Latin-letter names (foreign residents register with a passport).
    fn name(&self, input: &str) -> Result<String, Vec<Problem>> {
        id::validate_name(input, &id::NameOptions { allow_latin: true }).map(|n| n.normalized)
    }

    fn email(&self, input: &str) -> Result<String, Vec<Problem>> {
        id::validate_email(input).map(|e| e.normalized)
    }

    fn uscc(&self, input: &str) -> Result<String, Vec<Problem>> {
        id::validate_uscc(input).map(|u| u.normalized)
    }

    fn certificate(&self, input: &str, kind: &str) -> Result<String, Vec<Problem>> {
        let checked = match kind {
            "nurse" => id::validate_nurse_certificate(input),
            "physician" => id::validate_physician_certificate(input),
            "eldercareWorker" => id::validate_eldercare_certificate(input),
            _ => return shape_only(input),
        };
        checked.map(|c| c.normalized)
    }
}

/// Kinds without a published number layout: normalised, not empty.
/// The ID check with the allowed kinds given by name (none = every kind; unknown names allow
/// nothing of their own).
fn id_value<'k>(
    input: &str,
    kinds: impl ExactSizeIterator<Item = &'k str>,
    as_of: Date,
) -> Result<IdValue, Vec<Problem>> {
    let as_of =
        to_id_date(as_of).ok_or_else(|| vec![Problem::new("", id::codes::ID_BIRTHDATE_INVALID)])?;
    let mut options = id::ParseOptions::new(as_of);
    if kinds.len() > 0 {
        options.kinds = kinds.filter_map(id::IdKind::from_name).collect();
    }
    let parsed = id::parse_id_number(input, &options)?;
    Ok(IdValue {
        normalized: parsed.normalized.as_str().to_owned(),
        kind: parsed.kind.name(),
        birth_date: parsed.birth_date.and_then(from_id_date),
        sex: parsed.sex.map(from_id_sex),
    })
}

fn shape_only(input: &str) -> Result<String, Vec<Problem>> {
    let s: String = input
        .chars()
        .map(id::halfwidth)
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '—' | '－'))
        .flat_map(char::to_uppercase)
        .collect();
    if s.is_empty() {
        Err(vec![Problem::new("", id::codes::CERT_EMPTY)])
    } else {
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_of() -> Date {
        Date::new(2026, 11, 30).unwrap()
    }

    #[test]
    fn kinds_use_identity_names_and_restrict() {
        let r = HomecareIdentity.id_number("11010519491231002X", &["passport".into()], as_of());
        assert_eq!(r.unwrap_err()[0].code, "id.kind_not_allowed");
        let r = HomecareIdentity.id_number("11010519491231002X", &["nope".into()], as_of());
        assert_eq!(r.unwrap_err()[0].code, "id.kind_not_allowed");
        let v = HomecareIdentity
            .id_number("11010519491231002X", &[], as_of())
            .unwrap();
        assert_eq!(v.birth_date, Date::new(1949, 12, 31));
    }

    #[test]
    fn certificates_with_and_without_validators() {
        let e = HomecareIdentity.certificate("12", "nurse").unwrap_err();
        assert!(e[0].code.starts_with("cert."));
        assert_eq!(
            HomecareIdentity
                .certificate(" ab-12 3４ ", "pharmacist")
                .unwrap(),
            "AB1234"
        );
        assert_eq!(
            HomecareIdentity
                .certificate(" - ", "pharmacist")
                .unwrap_err()[0]
                .code,
            "cert.empty"
        );
    }

    #[test]
    fn dates_convert_both_ways() {
        let d = Date::new(2024, 2, 29).unwrap();
        assert_eq!(to_id_date(d).and_then(from_id_date), Some(d));
    }
}
