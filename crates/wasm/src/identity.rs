//! Identity exports (raw layer; the public names and decoding live in `js/api/identity.js`).
//!
//! `parseIdNumber` is the hot path — pages check IDs as the user types, back offices check
//! lists — so it crosses the boundary as one string each way: the input, and a compact
//! `|`-separated result decoded in the JS glue (format: `homecare_identity::ParsedId::to_compact`,
//! plus the encodings below). Everything else returns check results as JSON text.

use crate::error::{misuse, Param};
use crate::json_check::check_json;
use homecare_core::{Locale, Problem};
use homecare_identity as id;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

fn invalid(name: &str) -> JsValue {
    misuse(
        "arg.invalid_value",
        &[("name", Param::Text(name.to_owned()))],
    )
}

/// A problem reported as misuse (bad options rather than bad user input).
fn misuse_problem(p: &Problem) -> JsValue {
    misuse(p.code, &p.params)
}

pub(crate) fn locale(tag: &str) -> Result<Locale, JsValue> {
    Locale::parse(tag).ok_or_else(|| invalid("locale"))
}

fn parse_options(as_of: &str, kinds: &str) -> Result<id::ParseOptions, JsValue> {
    let as_of = id::Date::parse(as_of).ok_or_else(|| invalid("asOf"))?;
    let mut options = id::ParseOptions::new(as_of);
    if !kinds.is_empty() {
        options.kinds = id::KindSet::from_names(kinds.split(',')).map_err(|_| invalid("kinds"))?;
    }
    Ok(options)
}

/// Appends one parse result in the wasm layer's compact form:
/// success = the identity crate's 14 fields, then (only when there are warnings) a 15th field
/// with their messages joined by U+001E; failure = `E`, then per problem
/// `|code;name=text;name#=int…` U+001F `message`.
fn write_result(out: &mut String, input: &str, options: &id::ParseOptions, locale: Locale) {
    match id::parse_id_number(input, options) {
        Ok(parsed) => {
            parsed.write_compact(out);
            if !parsed.warnings.is_empty() {
                out.push('|');
                for (i, code) in parsed.warnings.codes().enumerate() {
                    if i > 0 {
                        out.push('\u{1e}');
                    }
                    out.push_str(&crate::messages::render(&Problem::new("", code), locale));
                }
            }
        }
        Err(problems) => write_problems(out, &problems, locale),
    }
}

fn write_problems(out: &mut String, problems: &[Problem], locale: Locale) {
    out.push('E');
    for p in problems {
        out.push('|');
        out.push_str(p.code);
        for (name, value) in &p.params {
            out.push(';');
            out.push_str(name);
            match value {
                Param::Text(t) => {
                    out.push('=');
                    // Params of id codes are ASCII; keep the separators out regardless.
                    out.extend(t.chars().filter(|c| !matches!(c, '|' | ';' | '\n')));
                }
                Param::Int(n) => {
                    out.push_str("#=");
                    out.push_str(&n.to_string());
                }
            }
        }
        out.push('\u{1f}');
        out.push_str(&crate::messages::render(p, locale));
    }
}

/// Raw `parseIdNumber`: compact result for one input. `kinds` is a comma list or empty.
#[wasm_bindgen(js_name = idParseCompact)]
pub fn id_parse_compact(
    input: &str,
    as_of: &str,
    kinds: &str,
    locale_tag: &str,
) -> Result<String, JsValue> {
    let options = parse_options(as_of, kinds)?;
    let locale = locale(locale_tag)?;
    let mut out = String::with_capacity(96);
    write_result(&mut out, input, &options, locale);
    Ok(out)
}

/// Raw `parseIdNumbers`: inputs joined by `\n`, results joined by `\n`, one call for all.
#[wasm_bindgen(js_name = idParseBatchCompact)]
pub fn id_parse_batch_compact(
    joined: &str,
    as_of: &str,
    kinds: &str,
    locale_tag: &str,
) -> Result<String, JsValue> {
    let options = parse_options(as_of, kinds)?;
    let locale = locale(locale_tag)?;
    let mut out = String::with_capacity(joined.len().saturating_mul(4));
    for (i, input) in joined.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        write_result(&mut out, input, &options, locale);
    }
    Ok(out)
}

fn no_warnings<T>(value: T) -> (T, Vec<Problem>) {
    (value, Vec::new())
}

/// Raw contact/certificate validators: `kind` picks the rule; JSON check result out.
#[wasm_bindgen(js_name = idValidate)]
pub fn id_validate(
    kind: &str,
    input: &str,
    allow_latin: bool,
    locale_tag: &str,
) -> Result<String, JsValue> {
    let locale = locale(locale_tag)?;
    Ok(match kind {
        "mobile" => check_json(id::validate_mobile(input).map(no_warnings), locale),
        "landline" => check_json(id::validate_landline(input).map(no_warnings), locale),
        "name" => {
            let options = id::NameOptions { allow_latin };
            check_json(id::validate_name(input, &options).map(no_warnings), locale)
        }
        "email" => check_json(id::validate_email(input).map(no_warnings), locale),
        "uscc" => check_json(id::validate_uscc(input).map(no_warnings), locale),
        "eldercareCertificate" => check_json(
            id::validate_eldercare_certificate(input).map(no_warnings),
            locale,
        ),
        "physicianCertificate" => check_json(
            id::validate_physician_certificate(input).map(no_warnings),
            locale,
        ),
        "nurseCertificate" => check_json(
            id::validate_nurse_certificate(input).map(no_warnings),
            locale,
        ),
        _ => return Err(invalid("kind")),
    })
}

/// Raw `fakeIdNumber`: options as JSON text (`{ kind?, region?, birthDate?, sex?, seed }`).
#[wasm_bindgen(js_name = idFake)]
pub fn id_fake(options_json: &str) -> Result<String, JsValue> {
    let options: id::FakeOptions =
        serde_json::from_str(options_json).map_err(|_| invalid("options"))?;
    id::fake_id_number(&options).map_err(|problems| match problems.first() {
        Some(p) => misuse_problem(p),
        None => invalid("options"),
    })
}

/// Raw `mask`: options as JSON text (`{ keepStart?, keepEnd?, maskChar? }`) or empty.
#[wasm_bindgen(js_name = idMask)]
pub fn id_mask(value: &str, kind: &str, options_json: &str) -> Result<String, JsValue> {
    let kind = id::MaskKind::from_name(kind).ok_or_else(|| invalid("kind"))?;
    let options: id::MaskOptions = if options_json.is_empty() {
        id::MaskOptions::default()
    } else {
        serde_json::from_str(options_json).map_err(|_| invalid("options"))?
    };
    Ok(id::mask(value, kind, &options))
}

/// Raw `maskObject`: the value and the rules as JSON text; the masked copy as JSON text.
#[wasm_bindgen(js_name = idMaskObject)]
pub fn id_mask_object(value_json: &str, rules_json: &str) -> Result<String, JsValue> {
    let value: serde_json::Value =
        serde_json::from_str(value_json).map_err(|_| invalid("object"))?;
    let rules: serde_json::Value =
        serde_json::from_str(rules_json).map_err(|_| invalid("rules"))?;
    let rules = id::mask_rules_from_json(&rules).map_err(|p| misuse_problem(&p))?;
    Ok(id::mask_object(&value, &rules).to_string())
}

/// Raw `keyedDigest`: hex HMAC-SHA256 of the normalised value.
#[wasm_bindgen(js_name = idKeyedDigest)]
pub fn id_keyed_digest(value: &str, key: &[u8]) -> Result<String, JsValue> {
    id::keyed_digest(value, key).map_err(|problems| match problems.first() {
        Some(p) => misuse_problem(p),
        None => invalid("key"),
    })
}
