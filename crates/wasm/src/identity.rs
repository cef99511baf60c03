//! Identity exports (raw layer; the public names and decoding live in `js/api/identity.js`).
//!
//! `parseIdNumber` is the hot path — pages check IDs as the user types, back offices check
//! lists — so it goes through the scratch buffers (`scratch.rs`): the glue writes the input
//! into wasm memory, and reads back a lean `|`-separated ASCII result (`write_lean`) that it
//! decodes; region names are fetched once per code (`idRegionJson`) and cached by the glue.
//! Everything else returns check results as JSON text.

use crate::error::{misuse, Param};
use crate::json_check::check_json;
use crate::scratch::{set_numbers, with_records, with_scratch};
use homecare_core::{Locale, Problem};
use homecare_identity as id;
use std::cell::Cell;
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

thread_local! {
    /// Options of the scratch path, set by `idSetOptions` only when the JS side's change.
    static SCRATCH_OPTIONS: Cell<Option<(id::ParseOptions, Locale)>> = const { Cell::new(None) };
}

/// Sets the options the scratch-path parses use (the glue calls it when they change).
#[wasm_bindgen(js_name = idSetOptions)]
pub fn id_set_options(as_of: &str, kinds: &str, locale_tag: &str) -> Result<(), JsValue> {
    let options = parse_options(as_of, kinds)?;
    let locale = locale(locale_tag)?;
    SCRATCH_OPTIONS.with(|o| o.set(Some((options, locale))));
    Ok(())
}

/// Scratch-path `parseIdNumber` for one input, with a numeric fast path: when the number is
/// valid and plain (already in canonical form, no upgraded form, nationality or warnings),
/// nothing is written as text — the numeric output holds
/// `[1, kind index in IdKind::ALL, birth yyyymmdd or 0, sex (0 none, 1 male, 2 female), age or -1, region code or 0]`
/// and the return value is 0. Otherwise the lean text (success or failure) is written and its
/// length returned.
#[wasm_bindgen(js_name = idParseOne)]
pub fn id_parse_one(len: usize) -> usize {
    let Some((options, locale)) = SCRATCH_OPTIONS.with(Cell::get) else {
        return 0;
    };
    with_scratch(len, |input, out| {
        let result = id::parse_id_number(input, &options);
        match fast_record(input, &result) {
            Some(r) => set_numbers([r[0], r[1], r[2], r[3], r[4], r[5], 0, 0]),
            None => {
                set_numbers([0; crate::scratch::NUMBERS_LEN]);
                write_lean(out, result, locale, None);
            }
        }
    })
}

/// Numbers per record of the batch path.
const RECORD: usize = 6;

/// `[1, kind index, birth yyyymmdd or 0, sex (0/1 male/2 female), age or -1, region code or 0]`
/// for a valid number already in canonical form with nothing else to say; `None` otherwise.
fn fast_record(input: &str, result: &Result<id::ParsedId, Vec<Problem>>) -> Option<[i32; RECORD]> {
    let p = result.as_ref().ok()?;
    if p.normalized.as_bytes() != input.as_bytes()
        || p.upgraded.is_some()
        || p.nationality.is_some()
        || !p.warnings.is_empty()
    {
        return None;
    }
    let kind = id::IdKind::ALL.iter().position(|k| *k == p.kind)?;
    let ymd = p.birth_date.map_or(0, |d| {
        u32::from(d.year()) * 10_000 + u32::from(d.month()) * 100 + u32::from(d.day())
    });
    let sex = match p.sex {
        None => 0,
        Some(id::Sex::Male) => 1,
        Some(id::Sex::Female) => 2,
    };
    let code = p.region.map_or(0, |r| r.code.0);
    Some([
        1,
        i32::try_from(kind).ok()?,
        i32::try_from(ymd).ok()?,
        sex,
        p.age.map_or(-1, i32::from),
        i32::try_from(code).ok()?,
    ])
}

/// Scratch-path `parseIdNumbers`: `count` numbers separated by `\n` in the input buffer.
/// Each gets a 6-integer record (`scratchRecords`): `fast_record`'s, or all zeros, in which
/// case its lean text is the next line of the text output. Problem messages are not in the
/// lines: each distinct problem head's message is written once, after the lines, in order of
/// first appearance and separated by U+001E; `scratchNumbers()[0]` holds the byte length of
/// the lines part (ASCII unless a success line carries a warning's message). Returns the
/// whole text length.
#[wasm_bindgen(js_name = idParseMany)]
pub fn id_parse_many(len: usize, count: usize) -> usize {
    let Some((options, locale)) = SCRATCH_OPTIONS.with(Cell::get) else {
        return 0;
    };
    let mut written = 0;
    let mut lines_len = 0;
    with_records(count.saturating_mul(RECORD), |records| {
        written = with_scratch(len, |input, out| {
            let mut slots = records.chunks_exact_mut(RECORD);
            let mut first_text = true;
            let mut heads = BatchHeads::default();
            for line in input.split('\n') {
                let result = id::parse_id_number(line, &options);
                let slot = slots.next();
                match (slot, fast_record(line, &result)) {
                    (Some(slot), Some(r)) => slot.copy_from_slice(&r),
                    _ => {
                        if !first_text {
                            out.push('\n');
                        }
                        first_text = false;
                        write_lean(out, result, locale, Some(&mut heads));
                    }
                }
            }
            lines_len = out.len();
            out.push_str(&heads.messages);
        });
    });
    set_numbers([i32::try_from(lines_len).unwrap_or(0), 0, 0, 0, 0, 0, 0, 0]);
    written
}

/// Problem heads (`code;params`) met so far in a batch and their messages, each written once.
/// A 10,000-number batch has a few dozen distinct heads, so a linear search is enough.
#[derive(Default)]
struct BatchHeads {
    heads: Vec<Box<str>>,
    messages: String,
}

/// The JS names of `IdKind::ALL`, comma-separated (the order `idParseOne` indexes into).
#[wasm_bindgen(js_name = idKindNames)]
pub fn id_kind_names() -> String {
    let names: Vec<&str> = id::IdKind::ALL.iter().map(|k| k.name()).collect();
    names.join(",")
}

/// The region object of a code as `parseIdNumber` reports it, as JSON (the glue caches it per
/// code, so results carry only the code): the table's record, or for an unknown county the
/// province and city with `county: null`.
#[wasm_bindgen(js_name = idRegionJson)]
pub fn id_region_json(code: u32) -> String {
    let region = id::lookup_region(code).or_else(|| id::province_region(code));
    serde_json::to_string(&region).unwrap_or_else(|_| "null".to_owned())
}

/// Lean success form (ASCII, no names): `O|kind|normalized|birthDate|sex|age|regionCode|upgraded|nationality|warnings`
/// plus, only with warnings, `|messages` joined by U+001E. Failures as in `write_problems`.
fn write_lean(
    out: &mut String,
    result: Result<id::ParsedId, Vec<Problem>>,
    locale: Locale,
    heads: Option<&mut BatchHeads>,
) {
    match result {
        Ok(p) => {
            out.push_str("O|");
            out.push_str(p.kind.name());
            out.push('|');
            out.push_str(p.normalized.as_str());
            out.push('|');
            if let Some(d) = p.birth_date {
                push_padded(out, u32::from(d.year()), 4);
                out.push('-');
                push_padded(out, u32::from(d.month()), 2);
                out.push('-');
                push_padded(out, u32::from(d.day()), 2);
            }
            out.push('|');
            if let Some(s) = p.sex {
                out.push_str(s.name());
            }
            out.push('|');
            if let Some(a) = p.age {
                push_padded(out, u32::from(a), 1);
            }
            out.push('|');
            if let Some(r) = &p.region {
                push_padded(out, r.code.0, 6);
            }
            out.push('|');
            if let Some(u) = &p.upgraded {
                out.push_str(u.as_str());
            }
            out.push('|');
            if let Some(n) = &p.nationality {
                out.push_str(n.as_str());
            }
            out.push('|');
            for (i, code) in p.warnings.codes().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(code);
            }
            if !p.warnings.is_empty() {
                out.push('|');
                for (i, code) in p.warnings.codes().enumerate() {
                    if i > 0 {
                        out.push('\u{1e}');
                    }
                    out.push_str(&crate::messages::render(&Problem::new("", code), locale));
                }
            }
        }
        Err(problems) => write_problems(out, &problems, locale, heads),
    }
}

/// Decimal digits of `n`, left-padded with zeros to `width` (no `core::fmt`: it is slow in wasm).
fn push_padded(out: &mut String, mut n: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let mut used = 0;
    while n > 0 || used == 0 {
        if let Some(slot) = digits.get_mut(used) {
            *slot = b'0' + u8::try_from(n % 10).unwrap_or(0);
        }
        n /= 10;
        used += 1;
    }
    for _ in used..width {
        out.push('0');
    }
    for d in digits.iter().take(used).rev() {
        out.push(char::from(*d));
    }
}

/// Failure form: `E`, then per problem `|code;name=text;name#=int…` U+001F `message`.
/// With `heads` (the batch path) the message is left out of the line: a head met for the
/// first time gets its message appended to `heads.messages` instead.
fn write_problems(
    out: &mut String,
    problems: &[Problem],
    locale: Locale,
    mut heads: Option<&mut BatchHeads>,
) {
    out.push('E');
    for p in problems {
        out.push('|');
        let head_start = out.len();
        out.push_str(p.code);
        for (name, value) in &p.params {
            out.push(';');
            out.push_str(name);
            match value {
                Param::Text(t) => {
                    out.push('=');
                    // Params of id codes are ASCII; keep the separators out regardless.
                    out.extend(
                        t.chars()
                            .filter(|c| !matches!(c, '|' | ';' | '\n' | '\u{1f}')),
                    );
                }
                Param::Int(n) => {
                    out.push_str("#=");
                    out.push_str(&n.to_string());
                }
            }
        }
        let batch = heads.as_deref_mut();
        match (batch, out.get(head_start..)) {
            (Some(batch), Some(head)) => {
                if !batch.heads.iter().any(|h| **h == *head) {
                    batch.heads.push(head.into());
                    if !batch.messages.is_empty() {
                        batch.messages.push('\u{1e}');
                    }
                    batch.messages.push_str(&crate::messages::render(p, locale));
                }
                out.push('\u{1f}');
            }
            _ => {
                out.push('\u{1f}');
                out.push_str(&crate::messages::render(p, locale));
            }
        }
    }
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
