//! One form validated `N` times the way the wasm export does it (options JSON, prescan + parse,
//! validate, value JSON: `validate_form_text`), for `valgrind --tool=callgrind` instruction counts:
//! `cargo build --release -p homecare-forms --example profile` then
//! `valgrind --tool=callgrind target/release/examples/profile staff.onboarding 1000`.
//! The data and options are the bench's (first valid case of tests/vectors/forms/<form>.json).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::print_stdout,
    missing_docs
)]

use homecare_forms::{validate_form_text, Options, Registry};

fn main() {
    let mut args = std::env::args().skip(1);
    let form = args.next().unwrap_or_else(|| "staff.onboarding".to_owned());
    let n: u32 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let case = args.next();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/forms/");
    let text = std::fs::read_to_string(format!("{dir}{form}.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let case = match case.as_deref() {
        Some(i) => &v["cases"][i.parse::<usize>().unwrap()],
        None => v["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["ok"] == true && c.get("options").is_none())
            .unwrap(),
    };
    let mut options = v["options"].clone();
    options["locale"] = "zh-CN".into();
    options["mode"] = "all".into();
    let options = options.to_string();
    // serde_json writes keys sorted; `DATA=<file>` feeds text in the app's key order instead
    // (e.g. `node -p 'JSON.stringify(require(vectors).cases[0].data)' > file`).
    let data = match std::env::var("DATA") {
        Ok(file) => std::fs::read_to_string(file).unwrap(),
        Err(_) => case["data"].to_string(),
    };
    let reg = Registry::new();
    let mut bytes = 0usize;
    let mut ok = 0u32;
    // PHASE=options|parse|all: stop after that phase (subtract counts to split).
    let phase = std::env::var("PHASE").unwrap_or_default();
    let o0 = Options::from_json(&options).unwrap();
    // The wasm layer parses the options once per distinct text (`CACHED=0`: every call).
    let cached = std::env::var("CACHED").map_or(true, |v| v != "0");
    for _ in 0..n {
        let owned;
        let o: &Options = if cached {
            &o0
        } else {
            owned = Options::from_json(&options).unwrap();
            &owned
        };
        if phase == "options" {
            std::hint::black_box(o);
            continue;
        }
        if phase == "parse" {
            // The input limits only (the tree is built inside validate_form_text).
            homecare_forms::prescan_json(&data, &o.limits).unwrap();
            continue;
        }
        let r = validate_form_text(&reg, &form, &data, o).unwrap();
        ok += u32::from(r.ok);
        bytes += std::hint::black_box(r).value_json.len();
    }
    std::hint::black_box(o0);
    println!("{form}: {ok}/{n} ok, {bytes} result bytes");
}
