//! A small but real `IdentityRules` for the tests: MOD 11-2 for 18-digit resident IDs with
//! birth date and sex, `1[3-9]` + 9 digits for mobiles after stripping `+86`/spaces/dashes,
//! area-code landlines, 2–20 character names, GB 32100 USCC check characters and certificate
//! shapes. The real rules live in `homecare-identity`; these exist so the engine's handling
//! of identity results (paths, labels, normalised values, ID facts) is tested for real.
#![allow(
    dead_code,
    clippy::as_conversions,
    clippy::cast_possible_wrap,
    clippy::cast_possible_truncation
)]
#![allow(clippy::string_slice, clippy::indexing_slicing, clippy::unwrap_used)]

use homecare_core::Problem;
use homecare_forms::{Date, IdValue, IdentityRules, Sex};

pub struct TestIdentity;

fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap(),
            _ => c,
        })
        .filter(|c| !matches!(c, ' ' | '-' | '\u{3000}'))
        .collect()
}

fn bad(code: &'static str) -> Vec<Problem> {
    vec![Problem::new("", code)]
}

const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: &[u8; 11] = b"10X98765432";

impl IdentityRules for TestIdentity {
    fn id_number(
        &self,
        input: &str,
        kinds: &[String],
        as_of: Date,
    ) -> Result<IdValue, Vec<Problem>> {
        let s = fold(input).to_uppercase();
        let wants = |k: &str| kinds.is_empty() || kinds.iter().any(|x| x == k);
        // Kinds with the resident ID's 18-character MOD 11-2 layout, and kinds that are just
        // letters and digits (identity's names).
        let eighteen = [
            "resident",
            "hkPermit",
            "moPermit",
            "twPermit",
            "foreignPermanent2023",
        ];
        let free = [
            "passport",
            "hkMoTravelPermit",
            "twTravelPermit",
            "foreignPermanent2017",
        ];
        let kind18 = eighteen.into_iter().find(|k| wants(k));
        if let (None, Some(kind)) = (kind18, free.into_iter().find(|k| wants(k))) {
            let ok = (5..=17).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric());
            return if ok {
                Ok(IdValue {
                    normalized: s,
                    kind,
                    birth_date: None,
                    sex: None,
                })
            } else {
                Err(bad("test_id.passport"))
            };
        }
        let Some(kind) = kind18 else {
            return Err(bad("test_id.unsupported_kind"));
        };
        if s.len() != 18 {
            return Err(vec![Problem::new("", "test_id.length")
                .int("expected", 18)
                .int("actual", s.chars().count() as i64)]);
        }
        let b = s.as_bytes();
        if !b[..17].iter().all(u8::is_ascii_digit) {
            return Err(bad("test_id.chars"));
        }
        let sum: u32 = b[..17]
            .iter()
            .zip(W)
            .map(|(d, w)| u32::from(d - b'0') * w)
            .sum();
        let expected = CHECK[(sum % 11) as usize];
        if b[17] != expected {
            return Err(vec![Problem::new("", "test_id.checksum")
                .text("expected", (expected as char).to_string())]);
        }
        let birth = Date::parse(&format!("{}-{}-{}", &s[6..10], &s[10..12], &s[12..14]))
            .filter(|d| *d <= as_of)
            .ok_or_else(|| bad("test_id.birth_date"))?;
        let sex = if (b[16] - b'0') % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        };
        Ok(IdValue {
            normalized: s,
            kind,
            birth_date: Some(birth),
            sex: Some(sex),
        })
    }

    fn mobile(&self, input: &str) -> Result<String, Vec<Problem>> {
        let s = fold(input);
        let s = s
            .strip_prefix("+86")
            .or_else(|| s.strip_prefix("86").filter(|r| r.len() == 11))
            .unwrap_or(&s);
        let b = s.as_bytes();
        let ok = b.len() == 11
            && b[0] == b'1'
            && (b'3'..=b'9').contains(&b[1])
            && b.iter().all(u8::is_ascii_digit);
        if ok {
            Ok(s.to_owned())
        } else {
            Err(bad("test_mobile.invalid"))
        }
    }

    fn landline(&self, input: &str) -> Result<String, Vec<Problem>> {
        let s = fold(input);
        if !s.starts_with('0') || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("test_landline.invalid"));
        }
        let area = if s.starts_with("010") || s.starts_with("02") {
            3
        } else {
            4
        };
        let rest = s.len().saturating_sub(area);
        if !(7..=8).contains(&rest) {
            return Err(bad("test_landline.invalid"));
        }
        Ok(format!("{}-{}", &s[..area], &s[area..]))
    }

    fn name(&self, input: &str) -> Result<String, Vec<Problem>> {
        let n = input.chars().count();
        if !(2..=20).contains(&n) {
            return Err(vec![
                Problem::new("", "test_name.length").int("actual", n as i64)
            ]);
        }
        let ok = input.chars().all(|c| {
            ('\u{4E00}'..='\u{9FFF}').contains(&c)
                || c.is_ascii_alphabetic()
                || c == '·'
                || c == ' '
        });
        if ok {
            Ok(input.to_owned())
        } else {
            Err(bad("test_name.chars"))
        }
    }

    fn email(&self, input: &str) -> Result<String, Vec<Problem>> {
        let s = input.to_lowercase();
        match s.split_once('@') {
            Some((l, d)) if !l.is_empty() && d.contains('.') && !d.contains('@') => Ok(s),
            _ => Err(bad("test_email.invalid")),
        }
    }

    fn uscc(&self, input: &str) -> Result<String, Vec<Problem>> {
        const SET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        let s = fold(input).to_uppercase();
        let vals: Option<Vec<u32>> = s.chars().map(|c| SET.find(c).map(|i| i as u32)).collect();
        let Some(v) = vals.filter(|v| v.len() == 18) else {
            return Err(bad("test_uscc.shape"));
        };
        let mut w = 1u32;
        let mut sum = 0u32;
        for d in &v[..17] {
            sum += d * w;
            w = w * 3 % 31;
        }
        let c = (31 - sum % 31) % 31;
        if c == v[17] {
            Ok(s)
        } else {
            Err(bad("test_uscc.checksum"))
        }
    }

    fn certificate(&self, input: &str, kind: &str) -> Result<String, Vec<Problem>> {
        let s = fold(input).to_uppercase();
        let digits = |r: std::ops::RangeInclusive<usize>| {
            r.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        let ok = match kind {
            "nurse" => digits(8..=20),
            "physician" => digits(15..=15),
            "eldercareWorker" => {
                s.len() == 22
                    && (s.starts_with('Y') || s.starts_with('S'))
                    && s[1..].bytes().all(|b| b.is_ascii_digit())
            }
            _ => (4..=30).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()),
        };
        if ok {
            Ok(s)
        } else {
            Err(bad("test_certificate.invalid"))
        }
    }
}
