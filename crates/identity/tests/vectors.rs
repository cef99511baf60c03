//! Drives the JSON test vectors in `tests/vectors/identity/` (shared with other
//! implementations, e.g. a Java back end, so they are data, not Rust).
// Integration tests are test code: a panic is a failing test (clippy.toml's allow-in-tests
// does not reach helpers outside #[test] functions in tests/).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use homecare_core::{Param, Problem};
use homecare_identity::{
    mask, parse_id_number, validate_eldercare_certificate, validate_email, validate_landline,
    validate_mobile, validate_name, validate_nurse_certificate, validate_physician_certificate,
    validate_uscc, Date, IdKind, KindSet, MaskKind, MaskOptions, NameOptions, ParseOptions,
};
use serde_json::{json, Value};

fn load(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/vectors/identity")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

fn options(doc: &Value, case: &Value) -> ParseOptions {
    let mut opts = ParseOptions::new(Date::parse(doc["asOf"].as_str().unwrap()).unwrap());
    if let Some(kinds) = case["kinds"].as_array() {
        opts.kinds = KindSet::from_names(kinds.iter().map(|k| k.as_str().unwrap())).unwrap();
    }
    opts
}

fn param_json(p: &Param) -> Value {
    match p {
        Param::Text(t) => json!(t),
        Param::Int(n) => json!(n),
    }
}

fn check_errors(label: &str, got: &[Problem], case: &Value) {
    let codes: Vec<&str> = got.iter().map(|p| p.code).collect();
    let want: Vec<&str> = case["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(codes, want, "{label}");
    if let Some(params) = case["params"].as_object() {
        for (name, value) in params {
            let found = got.iter().find_map(|p| p.param(name)).map(param_json);
            assert_eq!(found.as_ref(), Some(value), "{label}: param {name}");
        }
    }
}

#[test]
fn id_valid_vectors() {
    let doc = load("id_valid.json");
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 20);
    for case in cases {
        let input = case["input"].as_str().unwrap();
        let parsed = parse_id_number(input, &options(&doc, case))
            .unwrap_or_else(|e| panic!("{input}: {e:?}"));
        let got = serde_json::to_value(parsed).unwrap();
        for field in ["kind", "normalized", "birthDate", "sex", "age", "warnings"] {
            assert_eq!(got[field], case[field], "{input}: {field}");
        }
        if cfg!(feature = "region-names") || case["region"].is_null() {
            assert_eq!(got["region"], case["region"], "{input}: region");
        } else {
            for field in ["code", "province", "abolished"] {
                assert_eq!(
                    got["region"][field], case["region"][field],
                    "{input}: region.{field}"
                );
            }
        }
        for field in ["upgraded", "nationality"] {
            assert_eq!(got.get(field), case.get(field), "{input}: {field}");
        }
    }
}

#[test]
fn id_invalid_vectors() {
    let doc = load("id_invalid.json");
    for case in doc["cases"].as_array().unwrap() {
        let input = case["input"].as_str().unwrap();
        match parse_id_number(input, &options(&doc, case)) {
            Ok(v) => panic!("{input}: accepted as {v:?}"),
            Err(errors) => check_errors(input, &errors, case),
        }
    }
}

#[test]
fn mask_vectors() {
    let doc = load("mask.json");
    for case in doc["cases"].as_array().unwrap() {
        let kind: MaskKind = serde_json::from_value(case["kind"].clone()).unwrap();
        let options: MaskOptions = case
            .get("options")
            .map(|o| serde_json::from_value(o.clone()).unwrap())
            .unwrap_or_default();
        let value = case["value"].as_str().unwrap();
        assert_eq!(
            mask(value, kind, &options),
            case["expected"].as_str().unwrap(),
            "{value}"
        );
    }
}

#[test]
fn contact_vectors() {
    let doc = load("contact.json");
    for case in doc["cases"].as_array().unwrap() {
        let input = case["input"].as_str().unwrap();
        let f = case["fn"].as_str().unwrap();
        let result: Result<String, Vec<Problem>> = match f {
            "mobile" => validate_mobile(input).map(|v| v.normalized),
            "landline" => validate_landline(input).map(|v| v.normalized),
            "name" => {
                let opts: NameOptions = case
                    .get("options")
                    .map(|o| serde_json::from_value(o.clone()).unwrap())
                    .unwrap_or_default();
                validate_name(input, &opts).map(|v| v.normalized)
            }
            "email" => validate_email(input).map(|v| v.normalized),
            "uscc" => validate_uscc(input).map(|v| v.normalized),
            "eldercare" => validate_eldercare_certificate(input).map(|v| v.normalized),
            "physician" => validate_physician_certificate(input).map(|v| v.normalized),
            "nurse" => validate_nurse_certificate(input).map(|v| v.normalized),
            other => panic!("unknown fn {other}"),
        };
        let label = format!("{f}({input})");
        match (result, case.get("normalized")) {
            (Ok(n), Some(want)) => assert_eq!(n, want.as_str().unwrap(), "{label}"),
            (Err(e), None) => check_errors(&label, &e, case),
            (r, _) => panic!("{label}: unexpected {r:?}"),
        }
    }
}

#[test]
fn kind_names_round_trip_through_serde() {
    for kind in IdKind::ALL {
        let json = serde_json::to_value(kind).unwrap();
        assert_eq!(json, json!(kind.name()));
    }
}
