//! Replays `tests/vectors/forms/*.json`: for each built-in form, valid cases (with the
//! normalised value expected) and invalid ones (with every expected `path` + `code`, in
//! order). Identity failures are written as `{"path", "identity": true}` so the vectors hold
//! for any correct identity implementation (this test's, homecare-identity, a Java port).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![allow(
    clippy::as_conversions,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap
)]
#![allow(clippy::cast_lossless, clippy::string_slice, clippy::cast_sign_loss)]

mod support;

use homecare_forms::{
    validate_form, validate_form_json, Options, Registry, BUILTIN_SCHEMAS, MESSAGES,
};
use serde_json::Value;
use std::path::PathBuf;

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/forms")
}

fn options(v: &Value) -> Options {
    Options::from_json(&v.to_string()).unwrap()
}

#[test]
fn every_builtin_form_has_valid_and_invalid_vectors() {
    for (id, _) in BUILTIN_SCHEMAS {
        let text = std::fs::read_to_string(vectors_dir().join(format!("{id}.json")))
            .unwrap_or_else(|_| panic!("no vectors for {id}"));
        let file: Value = serde_json::from_str(&text).unwrap();
        let cases = file["cases"].as_array().unwrap();
        assert!(
            cases.iter().filter(|c| c["ok"] == true).count() >= 1,
            "{id}: no valid case"
        );
        assert!(
            cases.iter().filter(|c| c["ok"] == false).count() >= 3,
            "{id}: too few invalid cases"
        );
    }
}

#[test]
fn vectors_replay() {
    replay(&Registry::builtins_only().with_identity(Box::new(support::TestIdentity)));
}

/// The same vectors through the production identity rules (homecare-identity): the schemas'
/// document kinds, certificate kinds and the vectors' numbers must all be real.
#[test]
fn vectors_replay_with_homecare_identity() {
    replay(&Registry::new());
}

fn replay(reg: &Registry) {
    let codes: Vec<&str> = MESSAGES.iter().map(|(c, _, _)| *c).collect();
    let mut n = 0;
    for entry in std::fs::read_dir(vectors_dir()).unwrap() {
        let path = entry.unwrap().path();
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let form = file["form"].as_str().unwrap();
        for case in file["cases"].as_array().unwrap() {
            n += 1;
            let name = format!("{form} / {}", case["name"].as_str().unwrap());
            let opts = options(case.get("options").unwrap_or(&file["options"]));
            let r = validate_form(reg, form, &case["data"], &opts).unwrap();
            let got: Vec<(String, &str)> =
                r.errors.iter().map(|p| (p.path.clone(), p.code)).collect();
            assert_eq!(r.ok, case["ok"].as_bool().unwrap(), "{name}: {got:?}");
            if let Some(value) = case.get("value") {
                assert_eq!(&r.value, value, "{name}");
            }
            if let Some(expected) = case.get("errors").and_then(Value::as_array) {
                assert_eq!(got.len(), expected.len(), "{name}: {got:?}");
                for ((path, code), want) in got.iter().zip(expected) {
                    assert_eq!(path, want["path"].as_str().unwrap(), "{name}: {got:?}");
                    if want.get("identity").is_some() {
                        assert!(
                            !codes.contains(code),
                            "{name}: {code} should come from identity"
                        );
                    } else {
                        assert_eq!(*code, want["code"].as_str().unwrap(), "{name}");
                    }
                }
            }
            // Every message template gets all its params.
            for p in &r.errors {
                let known = MESSAGES.iter().chain(homecare_identity::MESSAGES.iter());
                if let Some((_, zh, en)) = known.clone().find(|(c, _, _)| *c == p.code) {
                    for t in [zh, en] {
                        for n in t
                            .split('{')
                            .skip(1)
                            .filter_map(|s| s.split_once('}').map(|(n, _)| n))
                        {
                            assert!(p.param(n).is_some(), "{name}: {} lacks {n}", p.code);
                        }
                    }
                }
            }
            // Every problem carries a label param except whole-input ones.
            for p in &r.errors {
                assert!(
                    p.path.is_empty() || p.param("label").is_some(),
                    "{name}: {p:?}"
                );
            }
            // The JSON-text entry gives the same answer.
            let again = validate_form_json(reg, form, &case["data"].to_string(), &opts).unwrap();
            assert_eq!(again, r, "{name}");
            // Normalised output is a fixed point: validating it again is ok and unchanged.
            if r.ok {
                let twice = validate_form(reg, form, &r.value, &opts).unwrap();
                assert!(twice.ok, "{name}: {:?}", twice.errors);
                assert_eq!(twice.value, r.value, "{name}");
            }
        }
    }
    assert!(n >= 90, "only {n} cases");
}
