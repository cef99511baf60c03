//! Property tests: generated numbers round-trip, single-character changes are caught,
//! nothing panics on arbitrary input, masking never returns input in clear.
// Integration tests are test code: a panic is a failing test (clippy.toml's allow-in-tests
// does not reach helpers outside #[test] functions in tests/).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use homecare_identity::{
    fake_id_number, mask, mask_object, mask_rules_from_json, parse_id_number, validate_email,
    validate_landline, validate_mobile, validate_name, validate_uscc, Date, FakeOptions, IdKind,
    MaskKind, MaskOptions, NameOptions, ParseOptions, RegionCode, Sex,
};
use proptest::prelude::*;
use serde_json::json;

fn as_of() -> ParseOptions {
    ParseOptions::new(Date::parse("2026-01-01").unwrap())
}

fn kinds() -> impl Strategy<Value = IdKind> {
    proptest::sample::select(IdKind::ALL.to_vec())
}

fn sexes() -> impl Strategy<Value = Option<Sex>> {
    proptest::option::of(prop_oneof![Just(Sex::Male), Just(Sex::Female)])
}

/// Birth dates every kind can write unambiguously (the 2017 card's YY needs 1930..=2019).
fn births() -> impl Strategy<Value = Option<Date>> {
    proptest::option::of(
        (1930u16..=2019, 1u8..=12, 1u8..=31)
            .prop_filter_map("real date", |(y, m, d)| Date::new(y, m, d)),
    )
}

const MASK_KINDS: [MaskKind; 11] = [
    MaskKind::Name,
    MaskKind::IdNumber,
    MaskKind::Mobile,
    MaskKind::Landline,
    MaskKind::Address,
    MaskKind::Email,
    MaskKind::BankCard,
    MaskKind::Plate,
    MaskKind::Password,
    MaskKind::Ipv4,
    MaskKind::Custom,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn generated_numbers_parse_back(seed in any::<u64>(), kind in kinds(), sex in sexes(), birth in births()) {
        let options = FakeOptions { kind, region: None, birth_date: birth, sex, seed };
        if kind == IdKind::Resident15 && birth.is_some_and(|b| b.year() >= 2000) {
            // 15-digit numbers were only issued to people born in the 1900s.
            prop_assert!(fake_id_number(&options).is_err());
            return Ok(());
        }
        let number = fake_id_number(&options).unwrap();
        let parsed = parse_id_number(&number, &as_of())
            .unwrap_or_else(|e| panic!("{kind:?} {number}: {e:?}"));
        prop_assert_eq!(parsed.kind, kind, "{}", number);
        prop_assert_eq!(parsed.normalized.as_str(), number.as_str());
        let dated = !matches!(kind, IdKind::HkMoTravelPermit | IdKind::TwTravelPermit | IdKind::Passport);
        if dated {
            if let Some(b) = birth {
                prop_assert_eq!(parsed.birth_date, Some(b));
            }
            if let Some(s) = sex {
                prop_assert_eq!(parsed.sex, Some(s));
            }
            prop_assert!(parsed.warnings.is_empty(), "{number}: {:?}", parsed.warnings);
        }
        if matches!(kind, IdKind::Resident | IdKind::Resident15) {
            let region = parsed.region.unwrap();
            prop_assert!(!region.abolished);
            prop_assert!(region.county().is_some() || !cfg!(feature = "region-names"));
        }
        if kind == IdKind::Resident15 {
            let up = parsed.upgraded.unwrap();
            let again = parse_id_number(up.as_str(), &as_of()).unwrap();
            prop_assert_eq!(again.kind, IdKind::Resident);
            prop_assert_eq!(again.birth_date, parsed.birth_date);
            prop_assert_eq!(again.sex, parsed.sex);
        }
        prop_assert_eq!(parsed.kind, kind);
        prop_assert_eq!(parsed.normalized.as_str(), number.as_str());
        // same seed, same number
        prop_assert_eq!(fake_id_number(&options).unwrap(), number);
    }

    #[test]
    fn requested_region_is_used(seed in any::<u64>(), code in proptest::sample::select(vec![110105u32, 321083, 440308, 632123])) {
        let options = FakeOptions { kind: IdKind::Resident, region: Some(RegionCode(code)), birth_date: None, sex: None, seed };
        let parsed = parse_id_number(&fake_id_number(&options).unwrap(), &as_of()).unwrap();
        prop_assert_eq!(parsed.region.unwrap().code, RegionCode(code));
    }

    #[test]
    fn single_character_change_of_resident_is_caught(
        seed in any::<u64>(),
        position in 0usize..18,
        replacement in proptest::sample::select(b"0123456789XAZ".to_vec()),
    ) {
        let number = fake_id_number(&FakeOptions::seeded(seed)).unwrap();
        let mut bytes = number.clone().into_bytes();
        prop_assume!(bytes[position] != replacement);
        bytes[position] = replacement;
        let changed = String::from_utf8(bytes).unwrap();
        match parse_id_number(&changed, &as_of()) {
            Err(_) => {}
            Ok(p) => prop_assert_ne!(p.kind, IdKind::Resident, "{} -> {} accepted", number, changed),
        }
    }

    #[test]
    fn parsers_never_panic(input in ".{0,40}") {
        let _ = parse_id_number(&input, &as_of());
        let _ = validate_mobile(&input);
        let _ = validate_landline(&input);
        let _ = validate_name(&input, &NameOptions { allow_latin: true });
        let _ = validate_email(&input);
        let _ = validate_uscc(&input);
    }

    #[test]
    fn id_like_input_never_panics(input in "[0-9Xx９Ｘ \\-中]{0,24}") {
        if let Ok(p) = parse_id_number(&input, &as_of()) {
            prop_assert!(p.normalized.as_str().is_ascii());
            prop_assert_eq!(parse_id_number(p.normalized.as_str(), &as_of()).ok(), Some(p));
        }
    }

    #[test]
    fn mask_never_returns_clear_text(
        value in "[^*]{1,30}",
        kind in proptest::sample::select(MASK_KINDS.to_vec()),
        keep_start in proptest::option::of(0usize..40),
        keep_end in proptest::option::of(0usize..40),
    ) {
        prop_assume!(!value.trim().is_empty());
        let options = MaskOptions { keep_start, keep_end, mask_char: None };
        let masked = mask(&value, kind, &options);
        prop_assert!(masked.contains('*'), "{kind:?} {value:?} -> {masked:?}");
    }

    #[test]
    fn masked_mobile_hides_the_middle(seed in 0u64..100_000_000) {
        let number = format!("139{seed:08}");
        let masked = mask(&number, MaskKind::Mobile, &MaskOptions::default());
        prop_assert_eq!(masked.get(3..7), Some("****"));
        prop_assert_eq!(masked.get(7..), number.get(7..));
    }

    #[test]
    fn mask_object_never_panics(name in ".{0,12}", phone in "[^*]{0,16}", path in "[a-z\\[\\]*.0-9]{0,12}") {
        let doc = json!({ "name": name, "contacts": [{ "phone": phone }, 5, null] });
        if let Ok(rules) = mask_rules_from_json(&json!({ path: "mobile", "contacts[*].phone": "mobile" })) {
            let out = mask_object(&doc, &rules);
            // `contacts`, or its first element, may have been masked whole by the random path
            // (an object at a rule's path is replaced by mask characters: fail closed).
            if let Some(masked_phone) = out["contacts"][0]["phone"].as_str() {
                let trimmed = phone.trim();
                prop_assert!(trimmed.is_empty() || masked_phone != trimmed);
            } else {
                prop_assert!(
                    out["contacts"][0].is_string() || out["contacts"].is_string() || out.is_string()
                );
            }
        }
    }
}
