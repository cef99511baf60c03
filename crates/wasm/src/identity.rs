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

/// Scratch-path `parseIdNumber` for one input, with numeric fast paths that write no text
/// and return 0: a valid number already in canonical form with nothing else to say puts
/// `fast_record`'s six integers in the numeric output, a failure whose problems all pack
/// (`IdProblem::packed`) puts `[2, packed…, 0]` there (messages: `idProblemText`, cached by
/// the glue). Slot 7 holds the message generation (`messages::generation`) either way.
/// Otherwise the lean text (success or failure) is written and its length returned.
#[wasm_bindgen(js_name = idParseOne)]
pub fn id_parse_one(len: usize) -> usize {
    let Some((options, locale)) = SCRATCH_OPTIONS.with(Cell::get) else {
        return 0;
    };
    let generation = crate::messages::generation();
    with_scratch(len, |input, out| {
        let result = id::parse_id_compact(input, &options);
        match fast_record(input, &result) {
            Some((r, None)) => set_numbers([r[0], r[1], r[2], r[3], r[4], r[5], 0, generation]),
            _ => {
                set_numbers([0, 0, 0, 0, 0, 0, 0, generation]);
                write_lean(out, result, locale, None);
            }
        }
    })
}

/// Numbers per record of the batch path.
const RECORD: usize = 6;

/// The numeric record of a result, when it has one:
/// - `[1, kind index in IdKind::ALL, birth yyyymmdd or 0, sex (0 none, 1 male, 2 female), age or -1, region code or 0]`
///   for a valid number already in canonical form with nothing else to say;
/// - the same with 3 first for such a number that also has an 18-character upgraded form
///   (`resident15`), returned beside the record;
/// - `[2, packed problem…, 0…]` for a failure whose problems all pack (`IdProblem::packed`).
fn fast_record(
    input: &str,
    result: &Result<id::ParsedId, id::IdProblems>,
) -> Option<([i32; RECORD], Option<id::IdText>)> {
    let p = match result {
        Ok(p) => p,
        Err(problems) => {
            let mut r = [2, 0, 0, 0, 0, 0];
            let mut slots = r.iter_mut().skip(1);
            for problem in problems.iter() {
                *slots.next()? = problem.packed()?;
            }
            return Some((r, None));
        }
    };
    let upgraded = p.upgraded.filter(|u| u.as_bytes().len() == 18);
    if !same_bytes(p.normalized.as_bytes(), input.as_bytes())
        || upgraded.is_some() != p.upgraded.is_some()
        || p.nationality.is_some()
        || !p.warnings.is_empty()
    {
        return None;
    }
    let kind = p.kind.index();
    let ymd = p.birth_date.map_or(0, |d| {
        u32::from(d.year()) * 10_000 + u32::from(d.month()) * 100 + u32::from(d.day())
    });
    let sex = match p.sex {
        None => 0,
        Some(id::Sex::Male) => 1,
        Some(id::Sex::Female) => 2,
    };
    let code = p.region.map_or(0, |r| r.code.0);
    Some((
        [
            if upgraded.is_some() { 3 } else { 1 },
            i32::try_from(kind).ok()?,
            i32::try_from(ymd).ok()?,
            sex,
            p.age.map_or(-1, i32::from),
            i32::try_from(code).ok()?,
        ],
        upgraded,
    ))
}

/// `a == b`, eight bytes a step: slice equality calls `memcmp`, which the strict-MVP build
/// runs a byte at a time, and this runs on every number of a batch.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    for (p, q) in (&mut x).zip(&mut y) {
        let (Ok(p), Ok(q)) = (<[u8; 8]>::try_from(p), <[u8; 8]>::try_from(q)) else {
            return false;
        };
        if u64::from_le_bytes(p) != u64::from_le_bytes(q) {
            return false;
        }
    }
    x.remainder().iter().zip(y.remainder()).all(|(p, q)| p == q)
}

/// The head (`code;name=text;name#=int…`) and message of a packed problem, joined by U+001F,
/// in the scratch path's locale; empty for a number `IdProblem::packed` never gives.
#[wasm_bindgen(js_name = idProblemText)]
pub fn id_problem_text(packed: i32) -> String {
    let Some(problem) = id::IdProblem::from_packed(packed) else {
        return String::new();
    };
    let locale = SCRATCH_OPTIONS
        .with(Cell::get)
        .map_or(Locale::ZhCn, |(_, l)| l);
    let p = problem.to_problem();
    let mut out = String::new();
    push_head(&mut out, &p);
    out.push('\u{1f}');
    out.push_str(&crate::messages::render(&p, locale));
    out
}

/// Scratch-path `parseIdNumbers`: `count` numbers separated by `\n` in the input buffer.
/// Each gets a 6-integer record (`scratchRecords`): `fast_record`'s, or all zeros, in which
/// case its lean text is the next line of the text output. Problem messages are not in the
/// lines: each distinct problem head's message is written once, after the lines, in order of
/// first appearance and separated by U+001E. After them come the upgraded forms of the
/// records starting with 3, 18 characters each, in order. `scratchNumbers()` holds
/// `[lines length, lines + messages length, …, message generation]` (byte lengths; the
/// lines are ASCII unless a success line carries a warning's message). Returns the whole
/// text length.
#[wasm_bindgen(js_name = idParseMany)]
pub fn id_parse_many(len: usize, count: usize) -> usize {
    let Some((options, locale)) = SCRATCH_OPTIONS.with(Cell::get) else {
        return 0;
    };
    let mut written = 0;
    let mut lines_len = 0;
    let mut texts_len = 0;
    with_records(count.saturating_mul(RECORD), |records| {
        written = with_scratch(len, |input, out| {
            let mut slots = records.chunks_exact_mut(RECORD);
            let mut first_text = true;
            let mut heads = BatchHeads::default();
            let mut upgraded = String::new();
            for line in input.split('\n') {
                let result = id::parse_id_compact(line, &options);
                let slot = slots.next();
                match (slot, fast_record(line, &result)) {
                    (Some(slot), Some((r, up))) => {
                        slot.copy_from_slice(&r);
                        if let Some(up) = up {
                            upgraded.push_str(up.as_str());
                        }
                    }
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
            texts_len = out.len();
            out.push_str(&upgraded);
        });
    });
    let number = |n: usize| i32::try_from(n).unwrap_or(0);
    let generation = crate::messages::generation();
    set_numbers([
        number(lines_len),
        number(texts_len),
        0,
        0,
        0,
        0,
        0,
        generation,
    ]);
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
    result: Result<id::ParsedId, id::IdProblems>,
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
        Err(problems) => {
            let problems: Vec<Problem> = problems.iter().map(id::IdProblem::to_problem).collect();
            write_problems(out, &problems, locale, heads);
        }
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

/// A problem's head, `code;name=text;name#=int…`.
fn push_head(out: &mut String, p: &Problem) {
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
        push_head(out, p);
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

#[cfg(test)]
mod tests {
    use super::same_bytes;

    #[test]
    fn same_bytes_is_slice_equality() {
        let text = b"11010519491231002X11";
        for i in 0..=text.len() {
            for j in 0..=text.len() {
                let (a, b) = (&text[..i], &text[..j]);
                assert_eq!(same_bytes(a, b), a == b);
                let mut c = b.to_vec();
                if let Some(last) = c.last_mut() {
                    *last ^= 1;
                    assert_eq!(same_bytes(a, &c), a == c.as_slice());
                }
            }
        }
    }
}
