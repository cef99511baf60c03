//! Deterministic fake document numbers for front-end tests (valid by every rule here, but
//! not assigned to anyone by construction: they are random, not looked up).
//!
//! The PRNG is SplitMix64 seeded by the caller: same options, same number. It is not
//! cryptographic and must never be used for secrets.

use homecare_core::Problem;

use crate::checksum::{icao_check, mod11_2_check};
use crate::codes;
use crate::date::Date;
use crate::id_kind::IdKind;
use crate::id_number::{Sex, MIN_BIRTH_YEAR};
use crate::region::{mainland_province, region_codes, region_count, region_record, RegionCode};

/// Options of [`fake_id_number`]. JSON: `{ kind?, region?, birthDate?, sex?, seed }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FakeOptions {
    /// Kind to generate (default `resident`).
    #[serde(default = "default_kind")]
    pub kind: IdKind,
    /// Six-digit address code (resident kinds), acceptance province/city (foreigner kinds)
    /// or 810000/820000 (回乡证). Default: a random current county / city.
    #[serde(default)]
    pub region: Option<RegionCode>,
    /// Birth date. Default: random between 1930-01-01 and 2019-12-31 (1999-12-31 for
    /// `resident15`).
    #[serde(default)]
    pub birth_date: Option<Date>,
    /// Sex. Default: random.
    #[serde(default)]
    pub sex: Option<Sex>,
    /// PRNG seed.
    pub seed: u64,
}

fn default_kind() -> IdKind {
    IdKind::Resident
}

impl FakeOptions {
    /// A resident number from `seed` with everything else random.
    pub fn seeded(seed: u64) -> Self {
        FakeOptions {
            kind: IdKind::Resident,
            region: None,
            birth_date: None,
            sex: None,
            seed,
        }
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, good enough for test data.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform-enough integer in `0..n` (modulo bias is irrelevant for test data).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn digit(&mut self) -> u8 {
        b'0' + u8::try_from(self.below(10)).unwrap_or(0)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        let len = u64::try_from(items.len()).ok()?;
        let at = usize::try_from(self.below(len)).ok()?;
        items.get(at).copied()
    }
}

/// Sample nationality codes (ISO 3166-1 numeric / alpha-3) for the foreigner cards.
const NATIONALITY_NUMERIC: [&[u8; 3]; 8] = [
    b"398", b"682", b"840", b"410", b"392", b"124", b"276", b"250",
];
const NATIONALITY_ALPHA: [&[u8; 3]; 8] = [
    b"KAZ", b"SAU", b"USA", b"KOR", b"JPN", b"CAN", b"DEU", b"FRA",
];

/// Generates a valid number of `options.kind`.
///
/// ```
/// use homecare_identity::{fake_id_number, parse_id_number, Date, FakeOptions, IdKind, ParseOptions};
/// let n = fake_id_number(&FakeOptions::seeded(42)).unwrap();
/// assert_eq!(n, fake_id_number(&FakeOptions::seeded(42)).unwrap()); // deterministic
/// let opts = ParseOptions::new(Date::parse("2025-01-01").unwrap());
/// assert_eq!(parse_id_number(&n, &opts).unwrap().kind, IdKind::Resident);
/// ```
pub fn fake_id_number(options: &FakeOptions) -> Result<String, Vec<Problem>> {
    let mut rng = SplitMix64(options.seed);
    let sex = options.sex.unwrap_or(if rng.below(2) == 0 {
        Sex::Male
    } else {
        Sex::Female
    });
    let birth = match options.birth_date {
        Some(d) => d,
        // 15-digit numbers were issued only to people born in the 1900s.
        None if options.kind == IdKind::Resident15 => {
            random_birth(&mut rng, 1999).ok_or_else(|| vec![birth_invalid()])?
        }
        None => random_birth(&mut rng, 2019).ok_or_else(|| vec![birth_invalid()])?,
    };
    let mut out: Vec<u8> = Vec::with_capacity(18);
    match options.kind {
        IdKind::Resident | IdKind::Resident15 => {
            let code = match options.region {
                Some(c) if mainland_province(c.0 / 10_000) && c.0 % 10_000 != 0 => c.0,
                Some(c) => return Err(vec![region_invalid(c)]),
                None => random_code(&mut rng, |c| c % 100 != 0).ok_or_else(|| vec![no_region()])?,
            };
            out.extend_from_slice(&RegionCode(code).digits());
            if options.kind == IdKind::Resident15 {
                if !(1900..=1999).contains(&birth.year()) {
                    return Err(vec![birth_invalid()]);
                }
                out.extend_from_slice(date_digits(birth).get(2..).unwrap_or_default());
                push_sequence(&mut out, &mut rng, sex);
            } else {
                push_18_tail(&mut out, &mut rng, birth, sex)?;
            }
        }
        IdKind::HkPermit | IdKind::MoPermit | IdKind::TwPermit => {
            let code: &[u8] = match options.kind {
                IdKind::HkPermit => b"810000",
                IdKind::MoPermit => b"820000",
                _ => b"830000",
            };
            if let Some(c) = options.region.filter(|c| c.digits() != code) {
                return Err(vec![region_invalid(c)]);
            }
            out.extend_from_slice(code);
            push_18_tail(&mut out, &mut rng, birth, sex)?;
        }
        IdKind::ForeignPermanent2023 => {
            let province = match options.region {
                Some(c) if mainland_province(c.0 / 10_000) => c.0 / 10_000,
                Some(c) => return Err(vec![region_invalid(c)]),
                None => random_code(&mut rng, |c| c % 10_000 == 0).map_or(11, |c| c / 10_000),
            };
            out.push(b'9');
            out.extend_from_slice(RegionCode(province).digits().get(4..).unwrap_or_default());
            out.extend_from_slice(rng.pick(&NATIONALITY_NUMERIC).unwrap_or(b"398"));
            push_18_tail(&mut out, &mut rng, birth, sex)?;
        }
        IdKind::ForeignPermanent2017 => {
            let place = match options.region {
                Some(c) if mainland_province(c.0 / 10_000) && c.0 % 100 == 0 => c.0,
                Some(c) => return Err(vec![region_invalid(c)]),
                None => {
                    random_code(&mut rng, |c| c % 100 == 0 && c % 10_000 != 0).unwrap_or(110_100)
                }
            };
            out.extend_from_slice(rng.pick(&NATIONALITY_ALPHA).unwrap_or(b"KAZ"));
            out.extend_from_slice(RegionCode(place).digits().get(..4).unwrap_or_default());
            out.extend_from_slice(date_digits(birth).get(2..).unwrap_or_default());
            let d = u8::try_from(rng.below(5)).unwrap_or(0) * 2;
            out.push(b'0' + d + u8::from(sex == Sex::Male));
            out.push(icao_check(&out).unwrap_or(b'0'));
        }
        IdKind::HkMoTravelPermit => {
            let letter = match options.region.map(|c| c.0) {
                Some(820_000) => b'M',
                Some(810_000) => b'H',
                Some(c) => return Err(vec![region_invalid(RegionCode(c))]),
                None if rng.below(2) == 0 => b'H',
                None => b'M',
            };
            out.push(letter);
            (0..8).for_each(|_| out.push(rng.digit()));
        }
        IdKind::TwTravelPermit => (0..8).for_each(|_| out.push(rng.digit())),
        IdKind::Passport => {
            out.push(b'E');
            (0..8).for_each(|_| out.push(rng.digit()));
        }
    }
    Ok(String::from_utf8(out).unwrap_or_default())
}

fn region_invalid(c: RegionCode) -> Problem {
    Problem::new("region", codes::FAKE_REGION_INVALID).text("code", c.to_string())
}

fn no_region() -> Problem {
    Problem::new("region", codes::FAKE_REGION_INVALID).text("code", "")
}

fn birth_invalid() -> Problem {
    Problem::new("birthDate", codes::FAKE_BIRTHDATE_INVALID)
}

/// YYYYMMDD digits.
fn date_digits(d: Date) -> [u8; 8] {
    let mut out = [0u8; 8];
    d.write_compact_digits(&mut out);
    out
}

/// Appends birth date, sequence and MOD 11-2 check to a 6-character prefix.
fn push_18_tail(
    out: &mut Vec<u8>,
    rng: &mut SplitMix64,
    birth: Date,
    sex: Sex,
) -> Result<(), Vec<Problem>> {
    if birth.year() < MIN_BIRTH_YEAR {
        return Err(vec![birth_invalid()]);
    }
    out.extend_from_slice(&date_digits(birth));
    push_sequence(out, rng, sex);
    let check = mod11_2_check(out).ok_or_else(|| vec![birth_invalid()])?;
    out.push(check);
    Ok(())
}

/// Three sequence digits whose last has the parity of `sex`.
fn push_sequence(out: &mut Vec<u8>, rng: &mut SplitMix64, sex: Sex) {
    out.push(rng.digit());
    out.push(rng.digit());
    let d = u8::try_from(rng.below(5)).unwrap_or(0) * 2;
    out.push(b'0' + d + u8::from(sex == Sex::Male));
}

fn random_birth(rng: &mut SplitMix64, last_year: u16) -> Option<Date> {
    let from = Date::new(1930, 1, 1)?.ordinal_days();
    let to = Date::new(last_year, 12, 31)?.ordinal_days();
    let span = u64::try_from(to - from + 1).ok()?;
    let offset = i64::try_from(rng.below(span)).ok()?;
    Date::from_ordinal_days(from + offset)
}

/// A random current (not abolished) mainland code satisfying `want`.
fn random_code(rng: &mut SplitMix64, want: impl Fn(u32) -> bool) -> Option<u32> {
    let count = u64::try_from(region_count()).ok()?;
    let start = usize::try_from(rng.below(count)).ok()?;
    region_codes().skip(start).chain(region_codes()).find(|c| {
        want(*c) && mainland_province(c / 10_000) && region_record(*c).is_some_and(|r| !r.abolished)
    })
}
