//! Properties: validation never panics and always terminates, on arbitrary JSON values, on
//! JSON shaped like the forms (known keys, so the deep paths run), and on arbitrary text.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use homecare_forms::{
    validate_field, validate_form, validate_form_json, Options, Registry, BUILTIN_SCHEMAS, MESSAGES,
};
use proptest::prelude::*;
use serde_json::{Map, Value};

const KEYS: &[&str] = &[
    "mobile",
    "code",
    "name",
    "sex",
    "birthDate",
    "age",
    "medicalHistory",
    "allergies",
    "chronicConditions",
    "docKind",
    "idNumber",
    "emergencyContacts",
    "relationship",
    "provinceCode",
    "latitude",
    "longitude",
    "contactPhone",
    "serviceDate",
    "startTime",
    "plan",
    "points",
    "professional",
    "images",
    "text",
    "reason",
    "category",
    "contact",
    "qualificationKind",
    "qualificationNumber",
    "experienceYears",
    "certificates",
    "servicePeriods",
    "weekday",
    "start",
    "end",
    "serviceAreas",
    "specialties",
    "startAt",
    "endAt",
    "vitals",
    "systolic",
    "diastolic",
    "temperature",
    "glucose",
    "institutionCode",
];

const STRINGS: &[&str] = &[
    "",
    " ",
    "13800138000",
    "+86 139 1234 5678",
    "110105195003080022",
    "11010519491231002x",
    "1950-03-08",
    "2026-12-01",
    "2026-02-30",
    "09:30",
    "09:15",
    "2026-11-30T07:00",
    "nurse",
    "other",
    "full",
    "resident",
    "mon",
    "１２３",
    "36.5",
    "-1",
    "张三",
    "\u{3000}",
    "{label}",
    "91110108772551611J",
    "Y1234567890123456789012",
    "a\"b",
    "0755-88886666",
];

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        proptest::sample::select(STRINGS).prop_map(Value::from),
        ".{0,30}".prop_map(Value::String),
    ]
}

/// JSON whose object keys are the forms' field names, so validation goes deep.
fn shaped() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((proptest::sample::select(KEYS), inner), 0..10).prop_map(|kv| {
                Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

fn opts() -> Options {
    let mut o = Options::from_json(r#"{"asOf":"2026-11-30","now":"2026-11-30T09:00"}"#).unwrap();
    o.context = Some(
        serde_json::json!({"mobile": "13800138000", "birthDate": "1950-03-08", "sex": "female"}),
    );
    o
}

fn check(reg: &Registry, form: &str, data: &Value) -> Result<(), TestCaseError> {
    let o = opts();
    let r = validate_form(reg, form, data, &o).unwrap();
    prop_assert_eq!(r.ok, r.errors.is_empty());
    prop_assert!(r.errors.len() <= o.limits.max_errors);
    let encoded: Value = serde_json::from_str(&r.to_result_json()).unwrap();
    prop_assert_eq!(encoded["ok"].as_bool(), Some(r.ok));
    // Every message this crate renders gets all the params its template names.
    for p in &r.errors {
        if let Some((_, zh, en)) = MESSAGES.iter().find(|(c, _, _)| *c == p.code) {
            for t in [zh, en] {
                for name in t
                    .split('{')
                    .skip(1)
                    .filter_map(|s| s.split_once('}').map(|(n, _)| n))
                {
                    prop_assert!(p.param(name).is_some(), "{} lacks {}", p.code, name);
                }
            }
        }
    }
    for (path, i) in &r.field_errors {
        prop_assert_eq!(&r.errors[*i].path, path);
    }
    if r.ok {
        // Normalised output validates again to itself.
        let again = validate_form(reg, form, &r.value, &o).unwrap();
        prop_assert!(again.ok, "{:?}", again.errors);
        prop_assert_eq!(again.value, r.value);
    }
    for p in r.errors.iter().take(3) {
        if !p.path.is_empty() {
            let f = validate_field(reg, form, &p.path, data, &o);
            if let Ok(f) = f {
                prop_assert!(f.errors.iter().any(|q| q == p));
            }
        }
    }
    Ok(())
}

proptest! {

    #[test]
    fn never_panics_on_form_shaped_json(data in shaped(), form in proptest::sample::select(BUILTIN_SCHEMAS)) {
        let reg = Registry::new().with_identity(Box::new(support::TestIdentity));
        check(&reg, form.0, &data)?;
    }

    #[test]
    fn never_panics_without_identity(data in shaped(), form in proptest::sample::select(BUILTIN_SCHEMAS)) {
        check(&Registry::builtins_only(), form.0, &data)?;
    }

    #[test]
    fn never_panics_with_real_identity_rules(data in shaped(), form in proptest::sample::select(BUILTIN_SCHEMAS)) {
        check(&Registry::new(), form.0, &data)?;
    }

    #[test]
    fn never_panics_on_arbitrary_text(text in "[\\[\\]{}\",:0-9a-z\\\\ ]{0,200}", form in proptest::sample::select(BUILTIN_SCHEMAS)) {
        let reg = Registry::new().with_identity(Box::new(support::TestIdentity));
        let r = validate_form_json(&reg, form.0, &text, &opts()).unwrap();
        prop_assert_eq!(r.ok, r.errors.is_empty());
    }

    #[test]
    fn never_panics_on_any_unicode_text(text in ".{0,100}") {
        let reg = Registry::new();
        prop_assert!(validate_form_json(&reg, "login.sms", &text, &opts()).is_ok());
    }

    #[test]
    fn deep_text_is_rejected_before_parsing(depth in 17usize..200_000, open in prop_oneof![Just('['), Just('{')]) {
        let text: String = std::iter::repeat_n(open, depth).collect();
        let r = validate_form_json(&Registry::new(), "feedback", &text, &opts()).unwrap();
        prop_assert!(matches!(r.errors[0].code, "input.too_deep" | "input.too_large"));
    }
}
