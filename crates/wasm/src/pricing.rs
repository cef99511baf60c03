//! Pricing exports (raw layer; the public names, argument checks and result decoding live in
//! `js/api/pricing.js`).
//!
//! Pages quote on every tap, so a config is read, validated and compiled once into a
//! [`PricingEngine`] (a wasm-bindgen class the JS `PriceEngine` wraps) and never crosses the
//! boundary again. Orders and requests come in as JSON text (the JS layer's `JSON.stringify`).
//! Results go out as one string: on success the crate's own JSON (a quote, refund or
//! breakdown, written once by serde and not re-serialised here), on failure a JSON *array* of
//! `{path, code, params, message}`, so the glue tells them apart by the first character
//! (`{` or `[`) without a wrapper object to build and parse.

#[path = "pricing_compact.rs"]
mod compact;

use crate::error::{misuse, Param};
use crate::json_check::problem_json;
use homecare_core::{Locale, Problem};
use homecare_pricing::messages::codes;
use homecare_pricing::{self as pricing, Order, PriceEngine, PriceOptions};
use serde_json::Value;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

fn options(locale_tag: &str) -> Result<PriceOptions, JsValue> {
    PriceOptions::from_tag(locale_tag).ok_or_else(|| {
        misuse(
            "arg.invalid_value",
            &[("name", Param::Text("locale".to_owned()))],
        )
    })
}

/// The JSON array of `problems` with messages in `locale`.
fn problems_text(problems: &[Problem], locale: Locale) -> String {
    Value::Array(problems.iter().map(|p| problem_json(p, locale)).collect()).to_string()
}

/// Success text as is, failure as the problem array.
fn answer(result: Result<String, Vec<Problem>>, locale: Locale) -> String {
    result.unwrap_or_else(|problems| problems_text(&problems, locale))
}

/// Config problems of the one-off functions sit under `config.` (their orders and requests
/// have `items[0]…` paths of their own).
fn compile_under_config(config_json: &str) -> Result<PriceEngine, Vec<Problem>> {
    PriceEngine::from_json(config_json)
        .map_err(|problems| problems.into_iter().map(|p| p.at("config")).collect())
}

/// A compiled price config (raw; public as `PriceEngine` in the JS layer). Construction never
/// throws: a config with problems makes an engine whose [`PricingEngine::errors`] lists them,
/// and the JS layer frees it at once.
#[wasm_bindgen]
pub struct PricingEngine {
    engine: Result<PriceEngine, Vec<Problem>>,
    compact: compact::Compact,
    input: Vec<u8>,
    options: PriceOptions,
    order: Option<Order>,
}

#[wasm_bindgen]
impl PricingEngine {
    /// Reads, validates and compiles `config_json`.
    #[wasm_bindgen(constructor)]
    pub fn new(config_json: &str) -> PricingEngine {
        PricingEngine {
            engine: PriceEngine::from_json(config_json),
            compact: compact::Compact::default(),
            input: Vec::new(),
            options: PriceOptions::default(),
            order: None,
        }
    }

    /// `""` for a usable engine, else the JSON array of the config's problems.
    pub fn errors(&self, locale_tag: &str) -> Result<String, JsValue> {
        let options = options(locale_tag)?;
        Ok(match &self.engine {
            Ok(_) => String::new(),
            Err(problems) => problems_text(problems, options.locale),
        })
    }

    fn engine(&self) -> Result<&PriceEngine, JsValue> {
        self.engine.as_ref().map_err(|_| {
            misuse(
                "arg.invalid_value",
                &[("name", Param::Text("engine".to_owned()))],
            )
        })
    }

    /// Quote JSON for an order JSON, or the problem array.
    pub fn quote(&self, order_json: &str, locale_tag: &str) -> Result<String, JsValue> {
        let options = options(locale_tag)?;
        let engine = self.engine()?;
        Ok(answer(
            engine.quote_json(order_json, &options),
            options.locale,
        ))
    }

    /// Address of this engine's input buffer, with room for `n` bytes (valid until the next
    /// call; the glue writes the order's UTF-8 there). Each engine has its own buffer, so no
    /// other module's cached address goes stale when it grows.
    #[wasm_bindgen(js_name = inputBuffer)]
    pub fn input_buffer(&mut self, n: usize) -> usize {
        if self.input.len() < n {
            self.input.resize(n, 0);
        }
        self.input.as_ptr().addr()
    }

    /// Sets the locale of the following `quoteInput` calls (misuse for an unknown tag).
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&mut self, locale_tag: &str) -> Result<(), JsValue> {
        self.options = options(locale_tag)?;
        Ok(())
    }

    /// Quotes the order JSON in the first `len` bytes of the input buffer and returns the
    /// address of the answer's numbers in the compact form of `pricing_compact.rs` (strings in
    /// [`PricingEngine::text_address`]); for problems, status 1 and their JSON array as the text.
    /// With `wire`, the input is an order in the glue's wire form (`read_order_wire`); one
    /// that form cannot carry exactly answers status 2, and the glue sends it again as JSON.
    #[wasm_bindgen(js_name = quoteInput)]
    ///
    /// An engine whose config has problems (the glue never keeps one) answers those problems.
    pub fn quote_input(&mut self, len: usize, wire: bool) -> usize {
        let engine = match &self.engine {
            Ok(engine) => engine,
            Err(problems) => {
                let text = problems_text(problems, self.options.locale);
                self.compact.problems(text);
                return self.compact.numbers();
            }
        };
        let bytes = self.input.get(..len).unwrap_or(&[]);
        let order = if wire {
            match compact::read_order_wire(bytes, self.order.take()) {
                Some(order) => Ok(order),
                None => {
                    self.compact.defer();
                    return self.compact.numbers();
                }
            }
        } else {
            // The glue's encoder writes valid UTF-8; anything else is read lossily, not trusted.
            match core::str::from_utf8(bytes) {
                Ok(text) => Order::from_json(text),
                Err(_) => Order::from_json(&String::from_utf8_lossy(bytes)),
            }
        };
        let quote = order.and_then(|order| {
            let quote = engine.quote(&order, &self.options);
            self.order = Some(order); // its buffers serve the next wire order
            quote
        });
        match quote {
            Ok(q) => self.compact.quote(&q),
            Err(problems) => self
                .compact
                .problems(problems_text(&problems, self.options.locale)),
        }
        self.compact.numbers()
    }

    /// Address of the text of the last `quoteInput` answer: UTF-16 code units, as many as
    /// its numbers say (valid until the next call).
    #[wasm_bindgen(js_name = textAddress)]
    pub fn text_address(&self) -> usize {
        self.compact.text_address()
    }

    /// Refund JSON for `{"quote","payments","event"}`, or the problem array.
    pub fn refund(&self, request_json: &str, locale_tag: &str) -> Result<String, JsValue> {
        let options = options(locale_tag)?;
        let engine = self.engine()?;
        Ok(answer(
            engine.refund_json(request_json, &options),
            options.locale,
        ))
    }
}

/// Raw one-off `quote`: compiles the config for this call only.
#[wasm_bindgen(js_name = pricingQuote)]
pub fn pricing_quote(
    order_json: &str,
    config_json: &str,
    locale_tag: &str,
) -> Result<String, JsValue> {
    let options = options(locale_tag)?;
    let result = compile_under_config(config_json).and_then(|e| e.quote_json(order_json, &options));
    Ok(answer(result, options.locale))
}

/// Raw one-off `refund`: `{"quote","payments","event"}` under a config compiled for this call.
#[wasm_bindgen(js_name = pricingRefund)]
pub fn pricing_refund(
    request_json: &str,
    config_json: &str,
    locale_tag: &str,
) -> Result<String, JsValue> {
    let options = options(locale_tag)?;
    let result =
        compile_under_config(config_json).and_then(|e| e.refund_json(request_json, &options));
    Ok(answer(result, options.locale))
}

/// Raw `applySettlement`: `{"quote","settlement"}` → breakdown JSON or the problem array.
#[wasm_bindgen(js_name = pricingSettle)]
pub fn pricing_settle(request_json: &str, locale_tag: &str) -> Result<String, JsValue> {
    let options = options(locale_tag)?;
    Ok(answer(
        pricing::apply_settlement_json(request_json, &options),
        options.locale,
    ))
}

/// Raw `validatePriceConfig`: `""` or the problem array.
#[wasm_bindgen(js_name = pricingValidate)]
pub fn pricing_validate(config_json: &str, locale_tag: &str) -> Result<String, JsValue> {
    let options = options(locale_tag)?;
    Ok(match pricing::validate_price_config_json(config_json) {
        Ok(()) => String::new(),
        Err(problems) => problems_text(&problems, options.locale),
    })
}

/// Raw `formatFen`: the fen as decimal text (the JS layer has checked it is a safe integer,
/// and text avoids both a lossy float cast and a BigInt).
#[wasm_bindgen(js_name = pricingFormatFen)]
pub fn pricing_format_fen(fen: &str, upper: bool) -> Result<String, JsValue> {
    let fen: i64 = fen
        .parse()
        .ok()
        .filter(|n: &i64| n.unsigned_abs() <= pricing::MAX_SAFE.unsigned_abs())
        .ok_or_else(|| {
            misuse(
                "arg.invalid_value",
                &[("name", Param::Text("fen".to_owned()))],
            )
        })?;
    Ok(pricing::format_fen(fen, upper))
}

/// The problem array for a value JSON cannot express (a cycle or a BigInt, found by the JS
/// layer at `path`): the same `pricing.json.invalid` the crate reports for unreadable data.
#[wasm_bindgen(js_name = pricingUnreadable)]
pub fn pricing_unreadable(path: &str, locale_tag: &str) -> Result<String, JsValue> {
    let options = options(locale_tag)?;
    Ok(problems_text(
        &[Problem::new(path, codes::JSON_INVALID)],
        options.locale,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = r#"{"version":1,
      "items":[{"id":"inj","name":"肌肉注射","unit":"perVisit","unitPrice":5000,"insurance":"eligible"}],
      "transport":{"kind":"perKm","base":1000,"includedMetres":3000,"perKm":200,"cap":5000}}"#;
    const ORDER: &str = r#"{"items":[{"itemId":"inj","quantity":1}],"distanceMetres":4200,
      "appointmentStart":"2026-12-01T09:00","bookedAt":"2026-11-30T09:00"}"#;

    #[test]
    fn answers_are_told_apart_by_the_first_character() {
        let engine = PricingEngine::new(CONFIG);
        assert!(engine.errors("zh-CN").unwrap().is_empty());
        let quote = engine.quote(ORDER, "zh-CN").unwrap();
        assert!(quote.starts_with('{') && quote.contains(r#""payable":6400"#));
        let bad = engine.quote(r#"{"items":[]}"#, "en").unwrap();
        assert!(bad.starts_with('['), "{bad}");
        let v: Value = serde_json::from_str(&bad).unwrap();
        assert!(v[0]["message"].as_str().unwrap().is_ascii());
    }

    #[test]
    fn one_off_config_problems_sit_under_config() {
        let out = pricing_quote(ORDER, r#"{"version":1,"items":"x"}"#, "zh-CN").unwrap();
        let v: Value = serde_json::from_str(&out).unwrap();
        let paths: Vec<&str> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["path"].as_str().unwrap())
            .collect();
        assert!(paths.contains(&"config.items"), "{paths:?}");
        assert!(paths.iter().all(|p| p.starts_with("config")), "{paths:?}");
    }

    #[test]
    fn a_failed_engine_lists_its_problems_with_paths() {
        let engine =
            PricingEngine::new(&CONFIG.replace("5000,\"insurance", "\"5000\",\"insurance"));
        let errors: Value = serde_json::from_str(&engine.errors("zh-CN").unwrap()).unwrap();
        assert_eq!(errors[0]["path"], "items[0].unitPrice");
        assert_eq!(errors[0]["code"], "pricing.json.expected_integer");
        assert!(pricing_validate(CONFIG, "en").unwrap().is_empty());
    }

    #[test]
    fn format_fen_reads_safe_integers_only() {
        assert_eq!(pricing_format_fen("6400", true).unwrap(), "陆拾肆元整");
        assert_eq!(pricing_format_fen("-5", false).unwrap(), "-¥0.05");
        assert_eq!(
            pricing_format_fen("9007199254740991", false).unwrap(),
            "¥90,071,992,547,409.91"
        );
    }
}
