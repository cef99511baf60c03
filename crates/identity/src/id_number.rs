//! One parser for every identity-document number: classify by shape, then validate in tiers
//! (format → checksum → birth date → province (hard) → county (soft warning)).
//!
//! ```
//! use homecare_identity::{parse_id_number, Date, IdKind, ParseOptions, Sex};
//! let opts = ParseOptions::new(Date::parse("2024-06-01").unwrap());
//! let id = parse_id_number(" 11010519491231002x ", &opts).unwrap();
//! assert_eq!(id.kind, IdKind::Resident);
//! assert_eq!(id.normalized.as_str(), "11010519491231002X");
//! assert_eq!(id.birth_date.unwrap().to_string(), "1949-12-31");
//! assert_eq!((id.sex, id.age), (Some(Sex::Female), Some(74)));
//! # #[cfg(feature = "region-names")]
//! assert_eq!(id.region.unwrap().county(), Some("朝阳区"));
//!
//! // The JSON the JS layer receives as `value`:
//! # #[cfg(feature = "region-names")]
//! assert_eq!(
//!     serde_json::to_value(&id).unwrap(),
//!     serde_json::json!({
//!         "kind": "resident", "normalized": "11010519491231002X", "birthDate": "1949-12-31",
//!         "sex": "female", "age": 74,
//!         "region": { "code": "110105", "province": "北京市", "city": "北京市",
//!                     "county": "朝阳区", "abolished": false },
//!         "warnings": []
//!     })
//! );
//!
//! let errors = parse_id_number("110105194912310021", &opts).unwrap_err();
//! assert_eq!(errors[0].code, "id.checksum_mismatch");
//! assert_eq!(errors[0].param("expected").unwrap().display(), "X");
//! ```

use homecare_core::Problem;

use crate::checksum::{icao_check, mod11_2_check, mod11_2_of_digits};
use crate::codes;
use crate::date::Date;
use crate::id_kind::{IdKind, KindSet};
use crate::normalize::{all_digits, digit, halfwidth, is_separator, number};
use crate::region::{lookup_region, mainland_province, province_region, Region};

/// Longest number any kind has.
const MAX_LEN: usize = 18;

/// Earliest birth year accepted: the oldest living people were born in the 1900s; 1890 leaves
/// room for data-entry of records of the deceased without accepting century typos like 1099.
pub const MIN_BIRTH_YEAR: u16 = 1890;

/// A normalised document number: at most 18 ASCII characters stored inline, so a parse
/// result needs no heap allocation. Serializes as a string.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct IdText {
    buf: [u8; MAX_LEN],
    len: u8,
}

impl IdText {
    const EMPTY: IdText = IdText {
        buf: [0; MAX_LEN],
        len: 0,
    };

    fn push(&mut self, b: u8) -> bool {
        match self.buf.get_mut(usize::from(self.len)) {
            Some(slot) => {
                *slot = b;
                self.len += 1;
                true
            }
            None => false,
        }
    }

    fn from_bytes(bytes: &[u8]) -> IdText {
        let mut t = IdText::EMPTY;
        for b in bytes {
            t.push(*b);
        }
        t
    }

    /// The ASCII bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.buf.get(..usize::from(self.len)).unwrap_or(&[])
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(self.as_bytes()).unwrap_or("")
    }
}

impl core::fmt::Debug for IdText {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl core::fmt::Display for IdText {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for IdText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Sex as encoded in the number (17th digit odd = male).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Sex {
    /// Odd sequence digit.
    Male,
    /// Even sequence digit.
    Female,
}

impl Sex {
    fn from_digit(d: u32) -> Sex {
        if d % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// `"male"` or `"female"`.
    pub fn name(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }
}

/// Soft findings of a successful parse (a bit set; serializes as a list of codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Warnings(u8);

impl Warnings {
    const CODES: [&'static str; 2] = [codes::ID_REGION_UNKNOWN, codes::ID_CHECKSUM_UNCONFIRMED];

    fn add(&mut self, code: &'static str) {
        if let Some(i) = Self::CODES.iter().position(|c| *c == code) {
            self.0 |= 1 << i;
        }
    }

    /// The warning codes, in a fixed order.
    pub fn codes(self) -> impl Iterator<Item = &'static str> {
        Self::CODES
            .into_iter()
            .enumerate()
            .filter(move |(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, c)| c)
    }

    /// Whether there is no warning.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl serde::Serialize for Warnings {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.codes())
    }
}

/// Options of [`parse_id_number`]. JSON: `{ asOf: "YYYY-MM-DD", kinds?: ["resident", …] }`
/// (`asOf` is required here; the JS layer fills in today).
///
/// ```
/// use homecare_identity::{IdKind, ParseOptions};
/// let o: ParseOptions = serde_json::from_str(r#"{ "asOf": "2025-01-01", "kinds": ["passport"] }"#).unwrap();
/// assert!(o.kinds.contains(IdKind::Passport) && !o.kinds.contains(IdKind::Resident));
/// let all: ParseOptions = serde_json::from_str(r#"{ "asOf": "2025-01-01" }"#).unwrap();
/// assert!(all.kinds.contains(IdKind::Resident));
/// assert!(serde_json::from_str::<ParseOptions>(r#"{ "asOf": "2025-02-30" }"#).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ParseOptions {
    /// The day ages are computed on and birth dates may not be after (the JS layer passes
    /// today).
    pub as_of: Date,
    /// Kinds to accept (default: all); a number of another kind fails with
    /// `id.kind_not_allowed`.
    #[serde(default)]
    pub kinds: KindSet,
}

impl ParseOptions {
    /// Every kind, as of `as_of`.
    pub fn new(as_of: Date) -> Self {
        ParseOptions {
            as_of,
            kinds: KindSet::ALL,
        }
    }
}

/// What a valid number says. Fields a kind does not encode are `None` (`null` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParsedId {
    /// The document kind.
    pub kind: IdKind,
    /// The canonical number (ASCII, upper-case, no separators).
    pub normalized: IdText,
    /// Birth date, for kinds that encode it.
    pub birth_date: Option<Date>,
    /// Sex, for kinds that encode it.
    pub sex: Option<Sex>,
    /// Whole years at `as_of`.
    pub age: Option<u16>,
    /// The address / acceptance / issuing region. For an unknown county under a known
    /// province: province (and city if known) with `county: None`, plus `id.region_unknown`.
    pub region: Option<Region>,
    /// `resident15` only: the 18-character form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upgraded: Option<IdText>,
    /// `foreignPermanent2023`: the ISO 3166-1 numeric nationality code (`"398"`);
    /// `foreignPermanent2017`: the alpha-3 code (`"KAZ"`). Not checked against the ISO list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nationality: Option<IdText>,
    /// Soft findings, e.g. `id.region_unknown`.
    pub warnings: Warnings,
}

/// One problem of [`parse_id_compact`], with its params inline (no allocation).
/// [`IdProblem::to_problem`] gives the [`Problem`] `parse_id_number` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    /// `id.empty`.
    Empty,
    /// `id.charset`.
    Charset,
    /// `id.length`, with the number of characters.
    Length(usize),
    /// `id.format`.
    Format,
    /// `id.kind_not_allowed`, with the kind the shape matched.
    KindNotAllowed(IdKind),
    /// `id.checksum_mismatch`, with the expected check character (ASCII).
    ChecksumMismatch(u8),
    /// `id.birthdate_invalid`.
    BirthdateInvalid,
    /// `id.birthdate_future`.
    BirthdateFuture,
    /// `id.birthdate_too_early` (the minimum is [`MIN_BIRTH_YEAR`]).
    BirthdateTooEarly,
    /// `id.province_unknown`, with the (two) province digits as written; a 0 byte is no
    /// character. Small on purpose: parse results are moved by value.
    ProvinceUnknown([u8; 2]),
}

impl IdProblem {
    /// The problem as reported by [`parse_id_number`] (code and params, path `""`).
    pub fn to_problem(&self) -> Problem {
        match *self {
            IdProblem::Empty => Problem::new("", codes::ID_EMPTY),
            IdProblem::Charset => Problem::new("", codes::ID_CHARSET),
            IdProblem::Length(n) => Problem::new("", codes::ID_LENGTH)
                .int("actual", i64::try_from(n).unwrap_or(i64::MAX)),
            IdProblem::Format => Problem::new("", codes::ID_FORMAT),
            IdProblem::KindNotAllowed(kind) => {
                Problem::new("", codes::ID_KIND_NOT_ALLOWED).text("kind", kind.name())
            }
            IdProblem::ChecksumMismatch(c) => Problem::new("", codes::ID_CHECKSUM_MISMATCH)
                .text("expected", char::from(c).to_string()),
            IdProblem::BirthdateInvalid => Problem::new("", codes::ID_BIRTHDATE_INVALID),
            IdProblem::BirthdateFuture => Problem::new("", codes::ID_BIRTHDATE_FUTURE),
            IdProblem::BirthdateTooEarly => Problem::new("", codes::ID_BIRTHDATE_TOO_EARLY)
                .int("min", i64::from(MIN_BIRTH_YEAR)),
            IdProblem::ProvinceUnknown(code) => {
                let text: String = code
                    .iter()
                    .filter(|b| **b != 0)
                    .map(|b| char::from(*b))
                    .collect();
                Problem::new("", codes::ID_PROVINCE_UNKNOWN).text("code", text)
            }
        }
    }

    /// The problem as one positive `i32` (kind in bits 24–27, param below), for boundaries
    /// that pass numbers; `None` if a param does not fit (a length of 2^24 characters or
    /// more). [`IdProblem::from_packed`] inverts it.
    ///
    /// ```
    /// use homecare_identity::IdProblem;
    /// let p = IdProblem::ChecksumMismatch(b'X');
    /// assert_eq!(IdProblem::from_packed(p.packed().unwrap()), Some(p));
    /// ```
    pub fn packed(&self) -> Option<i32> {
        const PARAM: usize = 1 << 24;
        let (tag, param): (i32, usize) = match *self {
            IdProblem::Empty => (1, 0),
            IdProblem::Charset => (2, 0),
            IdProblem::Length(n) => (3, n),
            IdProblem::Format => (4, 0),
            IdProblem::KindNotAllowed(kind) => (5, kind.index()),
            IdProblem::ChecksumMismatch(c) => (6, usize::from(c)),
            IdProblem::BirthdateInvalid => (7, 0),
            IdProblem::BirthdateFuture => (8, 0),
            IdProblem::BirthdateTooEarly => (9, 0),
            IdProblem::ProvinceUnknown([a, b]) => (10, usize::from(a) << 8 | usize::from(b)),
        };
        if param >= PARAM {
            return None;
        }
        Some(tag << 24 | i32::try_from(param).ok()?)
    }

    /// The problem [`IdProblem::packed`] gave `packed`, `None` for any other number.
    pub fn from_packed(packed: i32) -> Option<IdProblem> {
        let param = packed & 0x00FF_FFFF;
        let byte = |p: i32| u8::try_from(p).ok();
        Some(match packed >> 24 {
            1 if param == 0 => IdProblem::Empty,
            2 if param == 0 => IdProblem::Charset,
            3 => IdProblem::Length(usize::try_from(param).ok()?),
            4 if param == 0 => IdProblem::Format,
            5 => IdProblem::KindNotAllowed(*IdKind::ALL.get(usize::try_from(param).ok()?)?),
            6 => IdProblem::ChecksumMismatch(byte(param)?),
            7 if param == 0 => IdProblem::BirthdateInvalid,
            8 if param == 0 => IdProblem::BirthdateFuture,
            9 if param == 0 => IdProblem::BirthdateTooEarly,
            10 => IdProblem::ProvinceUnknown([byte(param >> 8)?, byte(param & 0xFF)?]),
            _ => return None,
        })
    }
}

/// The problems of one [`parse_id_compact`] call, in order (at most four; a parse reports
/// at most three: checksum, birth date, province).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IdProblems {
    items: [Option<IdProblem>; 4],
    len: u8,
}

impl IdProblems {
    fn one(p: IdProblem) -> IdProblems {
        let mut all = IdProblems::default();
        all.push(p);
        all
    }

    fn push(&mut self, p: IdProblem) {
        if let Some(slot) = self.items.get_mut(usize::from(self.len)) {
            *slot = Some(p);
            self.len += 1;
        }
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The problems, in the order `parse_id_number` reports them.
    pub fn iter(&self) -> impl Iterator<Item = &IdProblem> {
        self.items.iter().flatten()
    }
}

/// Parses and validates a document number of any kind in `options.kinds`.
///
/// Normalisation: trim; drop whitespace (incl. U+3000) and dashes; full-width forms to
/// ASCII; ASCII letters to upper case. Any other non-ASCII character fails with
/// `id.charset` before anything is sliced. Allocation-free on success.
pub fn parse_id_number(input: &str, options: &ParseOptions) -> Result<ParsedId, Vec<Problem>> {
    parse_id_compact(input, options).map_err(|e| e.iter().map(IdProblem::to_problem).collect())
}

/// [`parse_id_number`] with its problems in compact form ([`IdProblems`], no allocation):
/// the one implementation of the rules, for callers (the wasm batch path) that report
/// problems as numbers. `parse_id_number` is this plus [`IdProblem::to_problem`].
pub fn parse_id_compact(input: &str, options: &ParseOptions) -> Result<ParsedId, IdProblems> {
    let (text, digits_then_any) = normalize(input).map_err(IdProblems::one)?;
    let b = text.as_bytes();
    let shapes = shape_kinds(b, digits_then_any);
    let Some(kind) = shapes
        .into_iter()
        .flatten()
        .find(|k| options.kinds.contains(*k))
    else {
        return Err(IdProblems::one(shape_error(b, &shapes, options.kinds)));
    };
    let mut parsed = ParsedId {
        kind,
        normalized: text,
        birth_date: None,
        sex: None,
        age: None,
        region: None,
        upgraded: None,
        nationality: None,
        warnings: Warnings::default(),
    };
    let mut errors = IdProblems::default();
    match kind {
        IdKind::Resident => {
            check_18(b, options.as_of, &mut parsed, &mut errors);
            resident_region(b.get(0..6), &mut parsed, &mut errors);
        }
        IdKind::Resident15 => {
            let date = b
                .get(6..12)
                .and_then(|d| Date::from_digits(&century(b"19", d)?, d.get(2..4)?, d.get(4..6)?));
            set_birth(date, options.as_of, &mut parsed, &mut errors);
            parsed.sex = b.get(14).and_then(|d| digit(*d)).map(Sex::from_digit);
            resident_region(b.get(0..6), &mut parsed, &mut errors);
            parsed.upgraded = upgrade15(b);
        }
        IdKind::HkPermit | IdKind::MoPermit | IdKind::TwPermit => {
            check_18(b, options.as_of, &mut parsed, &mut errors);
            parsed.region = b.get(0..6).and_then(number).and_then(lookup_region);
        }
        IdKind::ForeignPermanent2023 => {
            check_18(b, options.as_of, &mut parsed, &mut errors);
            parsed.nationality = b.get(3..6).map(IdText::from_bytes);
            let province = b.get(1..3).and_then(number).unwrap_or(0);
            if mainland_province(province) {
                parsed.region = lookup_region(province * 10_000);
            } else {
                errors.push(province_unknown(b.get(1..3)));
            }
        }
        IdKind::ForeignPermanent2017 => foreign_2017(b, options.as_of, &mut parsed, &mut errors),
        IdKind::HkMoTravelPermit => {
            let code = if b.first() == Some(&b'M') {
                820_000
            } else {
                810_000
            };
            parsed.region = lookup_region(code);
        }
        IdKind::TwTravelPermit => parsed.region = lookup_region(830_000),
        IdKind::Passport => {}
    }
    if errors.is_empty() {
        Ok(parsed)
    } else {
        Err(errors)
    }
}

/// Normalises `input` into an [`IdText`], or the first problem (`id.empty`, `id.charset`,
/// `id.length`).
#[inline]
/// With the text, whether it is known to be digits up to its last character (the fast
/// path checked that already; `false` means unknown).
fn normalize(input: &str) -> Result<(IdText, bool), IdProblem> {
    // Fast path for what most callers pass: 1–18 plain ASCII letters and digits, where the
    // general loop below would only upper-case.
    let bytes = input.as_bytes();
    let plain = |b: &[u8]| match b.split_last() {
        // Digits with any last letter (the X of a check digit) are the usual case.
        Some((last, body)) => last.is_ascii_alphanumeric() && all_digits(body),
        None => false,
    };
    if let Some(len) = u8::try_from(bytes.len())
        .ok()
        .filter(|n| (1..=18).contains(n))
    {
        let digits_then_any = plain(bytes);
        if digits_then_any || bytes.iter().all(u8::is_ascii_alphanumeric) {
            let mut text = IdText::EMPTY;
            if let Some(dst) = text.buf.get_mut(..bytes.len()) {
                dst.copy_from_slice(bytes);
                // Only the last character can be a lower-case letter after digits.
                match dst.split_last_mut() {
                    Some((last, _)) if digits_then_any => last.make_ascii_uppercase(),
                    _ => dst.make_ascii_uppercase(),
                }
            }
            text.len = len;
            return Ok((text, digits_then_any));
        }
    }
    let mut text = IdText::EMPTY;
    let mut count = 0i64;
    for c in input.chars().map(halfwidth) {
        if is_separator(c) {
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            return Err(IdProblem::Charset);
        }
        count += 1;
        // ASCII alphanumeric: the u8 conversion cannot fail.
        let byte = u8::try_from(u32::from(c.to_ascii_uppercase())).unwrap_or(b'?');
        text.push(byte);
    }
    match count {
        0 => Err(IdProblem::Empty),
        n if n > 18 => Err(IdProblem::Length(usize::try_from(n).unwrap_or(usize::MAX))),
        _ => Ok((text, false)),
    }
}

fn all_letters(b: &[u8]) -> bool {
    b.iter().all(u8::is_ascii_uppercase)
}

/// The kinds whose shape `b` has, most specific first (at most two).
#[inline]
fn shape_kinds(b: &[u8], digits_then_any: bool) -> [Option<IdKind>; 2] {
    let (head, tail) = b.split_at(b.len().min(1));
    match b.len() {
        18 => {
            let body_ok = digits_then_any || b.get(..17).is_some_and(all_digits);
            let check_ok = b.get(17).is_some_and(|c| c.is_ascii_digit() || *c == b'X');
            if !(body_ok && check_ok) {
                return [None, None];
            }
            let kind = match b.get(..6) {
                _ if head == b"9" => IdKind::ForeignPermanent2023,
                Some(b"810000") => IdKind::HkPermit,
                Some(b"820000") => IdKind::MoPermit,
                Some(b"830000") => IdKind::TwPermit,
                _ => IdKind::Resident,
            };
            [Some(kind), None]
        }
        15 if all_digits(b) => [Some(IdKind::Resident15), None],
        15 if b.get(..3).is_some_and(all_letters) && b.get(3..).is_some_and(all_digits) => {
            [Some(IdKind::ForeignPermanent2017), None]
        }
        8 | 10 if all_digits(b) => [Some(IdKind::TwTravelPermit), None],
        9 | 11 if matches!(head, b"H" | b"M") && all_digits(tail) => {
            let passport = (b.len() == 9).then_some(IdKind::Passport);
            [Some(IdKind::HkMoTravelPermit), passport]
        }
        9 if passport_shape(b) => [Some(IdKind::Passport), None],
        _ => [None, None],
    }
}

/// Loose Chinese passport shape, 9 characters: one letter + 8 digits (E, G, D, S, P, K, H…),
/// two letters + 7 digits (EA…, DE, SE, PE, KJ, MA), or 14/15 + 7 digits (old booklets).
/// No check digit exists outside the machine-readable zone, so this cannot catch typos.
fn passport_shape(b: &[u8]) -> bool {
    let letter_digits =
        |n: usize| b.get(..n).is_some_and(all_letters) && b.get(n..).is_some_and(all_digits);
    b.len() == 9
        && (letter_digits(1)
            || letter_digits(2)
            || (matches!(b.get(..2), Some(b"14" | b"15")) && all_digits(b)))
}

/// The error for a number no allowed kind matches.
fn shape_error(b: &[u8], shapes: &[Option<IdKind>; 2], allowed: KindSet) -> IdProblem {
    if let Some(kind) = shapes.iter().flatten().next() {
        return IdProblem::KindNotAllowed(*kind);
    }
    let length_fits = IdKind::ALL
        .into_iter()
        .filter(|k| allowed.contains(*k))
        .any(|k| lengths(k).contains(&b.len()));
    if length_fits {
        IdProblem::Format
    } else {
        IdProblem::Length(b.len())
    }
}

/// The lengths a kind can have.
fn lengths(kind: IdKind) -> &'static [usize] {
    match kind {
        IdKind::Resident
        | IdKind::HkPermit
        | IdKind::MoPermit
        | IdKind::TwPermit
        | IdKind::ForeignPermanent2023 => &[18],
        IdKind::Resident15 | IdKind::ForeignPermanent2017 => &[15],
        IdKind::HkMoTravelPermit => &[9, 11],
        IdKind::TwTravelPermit => &[8, 10],
        IdKind::Passport => &[9],
    }
}

/// Checksum, birth date and sex of an 18-character MOD 11-2 number.
#[inline]
fn check_18(b: &[u8], as_of: Date, parsed: &mut ParsedId, errors: &mut IdProblems) {
    // Every kind checked here has 17 digits before the check character (shape_kinds).
    let expected = b
        .get(..17)
        .and_then(|body| <&[u8; 17]>::try_from(body).ok())
        .map(mod11_2_of_digits);
    if let Some(expected) = expected {
        if b.get(17) != Some(&expected) {
            errors.push(IdProblem::ChecksumMismatch(expected));
        }
    }
    let date = b
        .get(6..14)
        .and_then(|d| <&[u8; 8]>::try_from(d).ok())
        .and_then(Date::from_yyyymmdd);
    set_birth(date, as_of, parsed, errors);
    parsed.sex = b.get(16).and_then(|d| digit(*d)).map(Sex::from_digit);
}

/// A four-digit year from a century prefix and the first two bytes of `yy` (no allocation).
fn century(prefix: &[u8; 2], yy: &[u8]) -> Option<[u8; 4]> {
    let [c0, c1] = *prefix;
    Some([c0, c1, *yy.first()?, *yy.get(1)?])
}

/// Records a birth date (or why it is not one) and the age.
#[inline]
fn set_birth(date: Option<Date>, as_of: Date, parsed: &mut ParsedId, errors: &mut IdProblems) {
    match date {
        None => errors.push(IdProblem::BirthdateInvalid),
        Some(d) if d.year() < MIN_BIRTH_YEAR => errors.push(IdProblem::BirthdateTooEarly),
        Some(d) if d > as_of => errors.push(IdProblem::BirthdateFuture),
        Some(d) => {
            parsed.birth_date = Some(d);
            parsed.age = d.age_on(as_of);
        }
    }
}

fn province_unknown(code: Option<&[u8]>) -> IdProblem {
    let mut digits = [0; 2];
    for (slot, b) in digits.iter_mut().zip(code.unwrap_or(&[])) {
        *slot = *b;
    }
    IdProblem::ProvinceUnknown(digits)
}

/// Province (hard) and county (soft) check of a resident address code.
#[inline]
fn resident_region(code: Option<&[u8]>, parsed: &mut ParsedId, errors: &mut IdProblems) {
    let Some(value) = code.and_then(number) else {
        return;
    };
    if !mainland_province(value / 10_000) {
        errors.push(province_unknown(code.and_then(|c| c.get(..2))));
        return;
    }
    parsed.region = lookup_region(value).or_else(|| {
        parsed.warnings.add(codes::ID_REGION_UNKNOWN);
        province_region(value)
    });
}

/// The 18-character form of a 15-digit number: insert "19", append the check character.
fn upgrade15(b: &[u8]) -> Option<IdText> {
    let mut t = IdText::from_bytes(b.get(..6)?);
    for byte in b"19".iter().chain(b.get(6..15)?) {
        t.push(*byte);
    }
    let check = mod11_2_check(t.as_bytes())?;
    t.push(check);
    Some(t)
}

/// 2017 foreigner card, `AAA` + 4-digit acceptance place + YYMMDD + sex digit + check digit.
///
/// Field split and check rule follow CredentialKit (ICAO 9303 7-3-1 over the first 14
/// characters) and are **unconfirmed** against the official NIA rule: a check mismatch is
/// therefore a warning (`id.checksum_unconfirmed`), not an error. The century of YYMMDD is
/// also a guess: 20YY unless that is after `as_of`, then 19YY.
fn foreign_2017(b: &[u8], as_of: Date, parsed: &mut ParsedId, errors: &mut IdProblems) {
    parsed.nationality = b.get(..3).map(IdText::from_bytes);
    let date = b.get(7..13).and_then(|d| {
        let (yy, mm, dd) = (d.get(0..2)?, d.get(2..4)?, d.get(4..6)?);
        let modern = Date::from_digits(&century(b"20", yy)?, mm, dd);
        match modern {
            Some(m) if m <= as_of => Some(m),
            _ => Date::from_digits(&century(b"19", yy)?, mm, dd),
        }
    });
    set_birth(date, as_of, parsed, errors);
    parsed.sex = b.get(13).and_then(|d| digit(*d)).map(Sex::from_digit);
    if b.get(..14).and_then(icao_check) != b.get(14).copied() {
        parsed.warnings.add(codes::ID_CHECKSUM_UNCONFIRMED);
    }
    let place = b.get(3..7).and_then(number).unwrap_or(0);
    if !mainland_province(place / 100) {
        errors.push(province_unknown(b.get(3..5)));
        return;
    }
    parsed.region = lookup_region(place * 100).or_else(|| {
        parsed.warnings.add(codes::ID_REGION_UNKNOWN);
        province_region(place * 100)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> ParseOptions {
        ParseOptions::new(Date::parse("2025-01-01").unwrap())
    }

    fn codes_of(input: &str) -> Vec<&'static str> {
        match parse_id_number(input, &opts()) {
            Ok(_) => vec![],
            Err(e) => e.iter().map(|p| p.code).collect(),
        }
    }

    #[test]
    fn normalisation() {
        let id = parse_id_number("１１０１０５ １９４９-１２３１ ００２ｘ", &opts()).unwrap();
        assert_eq!(id.normalized.as_str(), "11010519491231002X");
        assert_eq!(codes_of(""), ["id.empty"]);
        assert_eq!(codes_of("  - "), ["id.empty"]);
        assert_eq!(codes_of("中中中中中中"), ["id.charset"]);
        assert_eq!(codes_of("110105.19491231002X"), ["id.charset"]);
        assert_eq!(codes_of("1101051949123100212"), ["id.length"]);
        assert_eq!(codes_of("1101051949123100"), ["id.length"]);
        assert_eq!(codes_of("1101051949123100X2"), ["id.format"]);
    }

    #[test]
    fn all_digits_matches_the_bytewise_rule() {
        for n in 0..=24 {
            for bad in 0u8..=255 {
                for at in 0..n {
                    let mut b = vec![b'5'; n];
                    b[at] = bad;
                    assert_eq!(all_digits(&b), bad.is_ascii_digit(), "{b:?}");
                }
            }
            assert!(all_digits(&b"0123456789012345678901234"[..n]));
        }
        assert!(!all_digits(&[
            b'0', b'/', 0xFF, b'9', b'9', b'9', b'9', b'9'
        ]));
    }

    #[test]
    fn thirty_first_of_february_is_rejected() {
        // npm id-validator accepts this one.
        let body = b"11010519490231002";
        let check = char::from(mod11_2_check(body).unwrap());
        let id = format!("{}{check}", core::str::from_utf8(body).unwrap());
        assert_eq!(codes_of(&id), ["id.birthdate_invalid"]);
    }

    #[test]
    fn tiers_report_together() {
        let errors = codes_of("990105194902310021");
        // 99… is the 2023 foreigner card shape, never a resident: bad date, bad province 90.
        assert!(errors.contains(&"id.birthdate_invalid"));
        assert!(errors.contains(&"id.province_unknown"));
    }

    #[test]
    fn nine_is_never_resident() {
        let id = parse_id_number("932682198501010017", &opts()).unwrap();
        assert_eq!(id.kind, IdKind::ForeignPermanent2023);
        assert_eq!(id.nationality.unwrap().as_str(), "682");
        let only_resident = ParseOptions {
            kinds: KindSet::EMPTY.with(IdKind::Resident),
            ..opts()
        };
        let e = parse_id_number("932682198501010017", &only_resident).unwrap_err();
        assert_eq!(e[0].code, "id.kind_not_allowed");
    }

    #[test]
    fn future_and_too_early() {
        let future = "110105202501020014";
        let body = &future.as_bytes()[..17];
        let fixed = format!(
            "{}{}",
            future.get(..17).unwrap(),
            char::from(mod11_2_check(body).unwrap())
        );
        assert_eq!(codes_of(&fixed), ["id.birthdate_future"]);
        let early = b"11010518891231002";
        let id = format!(
            "{}{}",
            core::str::from_utf8(early).unwrap(),
            char::from(mod11_2_check(early).unwrap())
        );
        assert_eq!(codes_of(&id), ["id.birthdate_too_early"]);
    }

    #[test]
    fn packed_problems_round_trip() {
        let mut all = vec![
            IdProblem::Empty,
            IdProblem::Charset,
            IdProblem::Length(0),
            IdProblem::Length(19),
            IdProblem::Length((1 << 24) - 1),
            IdProblem::Format,
            IdProblem::BirthdateInvalid,
            IdProblem::BirthdateFuture,
            IdProblem::BirthdateTooEarly,
            IdProblem::ProvinceUnknown([0, 0]),
            IdProblem::ProvinceUnknown(*b"90"),
            IdProblem::ProvinceUnknown(*b"09"),
        ];
        all.extend(IdKind::ALL.map(IdProblem::KindNotAllowed));
        all.extend(b"0123456789X".map(IdProblem::ChecksumMismatch));
        let mut seen = std::collections::HashSet::new();
        for p in all {
            let n = p.packed().unwrap();
            assert!(n > 0 && seen.insert(n), "{p:?}");
            assert_eq!(IdProblem::from_packed(n), Some(p));
        }
        assert_eq!(IdProblem::Length(1 << 24).packed(), None);
        let code = IdProblem::ProvinceUnknown(*b"90").to_problem();
        assert_eq!(code.param("code").unwrap().display(), "90");
        for n in [
            0,
            -1,
            1 << 24 | 1,
            11 << 24,
            5 << 24 | 10,
            10 << 24 | 3 << 16,
        ] {
            assert_eq!(IdProblem::from_packed(n), None, "{n}");
        }
        // Every problem a parse reports survives packing.
        for input in [
            "",
            "中",
            "1234",
            "1101051949123100X2",
            "110105194912310021",
            "990105194902310021",
        ] {
            for p in parse_id_compact(input, &opts()).unwrap_err().iter() {
                assert_eq!(IdProblem::from_packed(p.packed().unwrap()), Some(*p));
            }
        }
    }

    #[test]
    fn passport_and_travel_permits() {
        let p = parse_id_number("e12345678", &opts()).unwrap();
        assert_eq!(p.kind, IdKind::Passport); // E is not H/M
        let h = parse_id_number("H12345678", &opts()).unwrap();
        assert_eq!(h.kind, IdKind::HkMoTravelPermit);
        assert_eq!(h.region.unwrap().code.0, 810000);
        let only_passport = ParseOptions {
            kinds: KindSet::EMPTY.with(IdKind::Passport),
            ..opts()
        };
        let hp = parse_id_number("H12345678", &only_passport).unwrap();
        assert_eq!(hp.kind, IdKind::Passport);
        assert_eq!(
            parse_id_number("12345678", &opts()).unwrap().kind,
            IdKind::TwTravelPermit
        );
        assert_eq!(
            parse_id_number("EA1234567", &opts()).unwrap().kind,
            IdKind::Passport
        );
    }
}
