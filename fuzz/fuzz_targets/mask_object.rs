//! mask_object with fuzzed JSON documents and rule paths: must never panic and never
//! change the input.
#![no_main]

use homecare_identity::{mask_object, mask_rules_from_json};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // First line: a rule path; the rest: a JSON document.
    let (path, doc) = text.split_once('\n').unwrap_or((text, "{}"));
    let Ok(doc) = serde_json::from_str::<Value>(doc) else {
        return;
    };
    let before = doc.clone();
    let rules = json!({ path: "mobile", "contacts[*].phone": "mobile", "*": "name" });
    if let Ok(rules) = mask_rules_from_json(&rules) {
        let _ = mask_object(&doc, &rules);
    }
    assert_eq!(doc, before);
});
