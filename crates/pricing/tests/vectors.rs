//! Replays every JSON vector in `tests/vectors/pricing/` (format in `docs/pricing.md`): the same
//! files a Java backend replays to prove it charges what the app showed.
// A test binary: a panic here is a failing test, not a trap in a user's page.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use homecare_core::{Locale, Param, Problem};
use homecare_pricing::{apply_settlement_json, format_fen, PriceEngine, PriceOptions};
use serde_json::{json, Value};

fn vector_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/pricing");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// `expected` must be contained in `actual`: every key of an expected object must match,
/// arrays must have the same length and match element by element, scalars must be equal.
fn contains(expected: &Value, actual: &Value, at: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let av = a
                    .get(k)
                    .ok_or_else(|| format!("{at}.{k}: missing in actual"))?;
                contains(ev, av, &format!("{at}.{k}"))?;
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Err(format!("{at}: length {} != actual {}", e.len(), a.len()));
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                contains(ev, av, &format!("{at}[{i}]"))?;
            }
            Ok(())
        }
        _ if expected == actual => Ok(()),
        _ => Err(format!("{at}: expected {expected}, actual {actual}")),
    }
}

fn problems_json(problems: &[Problem]) -> Value {
    Value::Array(
        problems
            .iter()
            .map(|p| {
                let params: serde_json::Map<String, Value> = p
                    .params
                    .iter()
                    .map(|(k, v)| {
                        let v = match v {
                            Param::Int(n) => json!(n),
                            Param::Text(s) => json!(s),
                        };
                        ((*k).to_owned(), v)
                    })
                    .collect();
                json!({"path": p.path, "code": p.code, "params": params})
            })
            .collect(),
    )
}

fn check(case: &Value, result: Result<String, Vec<Problem>>) -> Result<(), String> {
    match (case.get("expectErrors"), result) {
        (Some(expected), Err(problems)) => contains(expected, &problems_json(&problems), "errors"),
        (Some(_), Ok(out)) => Err(format!("expected errors, got {out}")),
        (None, Ok(out)) => {
            let actual: Value = serde_json::from_str(&out).map_err(|e| e.to_string())?;
            contains(&case["expect"], &actual, "result")
        }
        (None, Err(problems)) => Err(format!("unexpected errors {}", problems_json(&problems))),
    }
}

fn run(file_config: &Value, case: &Value) -> Result<(), String> {
    let locale = match case.get("locale").and_then(Value::as_str) {
        None => Locale::ZhCn,
        Some(tag) => Locale::parse(tag).ok_or("bad locale")?,
    };
    let options = PriceOptions { locale };
    let config = case.get("config").unwrap_or(file_config).to_string();
    let kind = case["kind"].as_str().ok_or("kind")?;
    if kind == "format" {
        let fen = case["fen"].as_i64().ok_or("fen")?;
        let upper = case["upper"].as_bool().ok_or("upper")?;
        let got = format_fen(fen, upper);
        return (case["expect"] == json!(got))
            .then_some(())
            .ok_or(format!("format: expected {}, got {got}", case["expect"]));
    }
    if kind == "config" {
        return check(
            case,
            PriceEngine::from_json(&config).map(|_| "{}".to_owned()),
        );
    }
    let engine = PriceEngine::from_json(&config)
        .map_err(|p| format!("config rejected: {}", problems_json(&p)))?;
    let quoted = engine.quote_json(&case["order"].to_string(), &options);
    match kind {
        "quote" => check(case, quoted),
        "refund" | "settlement" => {
            let quote: Value = serde_json::from_str(
                &quoted.map_err(|p| format!("quote failed: {}", problems_json(&p)))?,
            )
            .map_err(|e| e.to_string())?;
            if kind == "refund" {
                let request =
                    json!({"quote": quote, "payments": case["payments"], "event": case["event"]});
                check(case, engine.refund_json(&request.to_string(), &options))
            } else {
                let request = json!({"quote": quote, "settlement": case["settlement"]});
                check(case, apply_settlement_json(&request.to_string(), &options))
            }
        }
        other => Err(format!("unknown kind {other}")),
    }
}

#[test]
fn all_vectors_replay() {
    let mut count = 0;
    let mut failures = Vec::new();
    for file in vector_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let v: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let cases = v["cases"].as_array().expect("cases");
        for case in cases {
            count += 1;
            let name = case["name"].as_str().unwrap_or("?");
            if let Err(e) = run(&v["config"], case) {
                failures.push(format!(
                    "{} / {name}: {e}",
                    file.file_name().unwrap().to_string_lossy()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(count >= 40, "only {count} vector cases");
}

#[test]
fn the_matcher_can_fail() {
    assert!(contains(&json!({"a": 1}), &json!({"a": 2}), "").is_err());
    assert!(contains(&json!([1]), &json!([1, 2]), "").is_err());
    assert!(contains(&json!({"a": {}}), &json!({"b": 1}), "").is_err());
    assert!(contains(&json!({"a": [{}]}), &json!({"a": [{"x": 1}], "b": 2}), "").is_ok());
}
