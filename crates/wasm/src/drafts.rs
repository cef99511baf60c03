//! Offline drafts and the outbox (issue 7): raw exports over `homecare-drafts`. The public
//! classes `DraftStore` and `Outbox` live in `js/api/drafts.js` and hold a handle.
//!
//! Shapes:
//! * stores live here, in a registry, known to JS by a `u32` handle (`0` is never one);
//! * data crosses as JSON text (the JS layer calls `JSON.stringify`/`JSON.parse`, both fast);
//! * every operation returns a check result as JSON text: `{"ok":true,"value":…,"warnings":[]}`
//!   or `{"ok":false,"errors":[…]}` — storage full, not found, corrupted, bad ids, newer
//!   versions are *results*;
//! * misuse (a freed handle, a re-entrant call from inside a storage adapter, bad options)
//!   throws `HomecareError`.
//!
//! `draftsLoad` answers `[metaJson, dataText]` on success; `dataText` is, for an unsealed
//! and unmigrated draft, the very string the storage returned (verified, never copied out of
//! wasm). Failures are the usual error JSON (a string). The data is parsed once, by
//! `JSON.parse` in the JS layer.

use crate::drafts_storage::{AnyStorage, Kind, Read};
use crate::error::{misuse, Param};
use crate::identity::locale;
use crate::json_check::check_json;
use homecare_core::{Locale, MessageTable, Problem};
use homecare_drafts::{
    self as hd, DraftError, DraftOptions, DraftStore, ErrorKind, MigrationStep, Outbox,
    OutboxOptions, Sealer,
};
use js_sys::JsString;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// Codes of the JS layer of drafts (the crate's own codes are in `homecare_drafts::MESSAGES`).
pub const MESSAGES: MessageTable = &[
    (
        "drafts.closed",
        "程序调用出错：这个草稿箱已经关闭（free），不能再用。",
        "This DraftStore or Outbox was freed with free() and cannot be used again.",
    ),
    (
        "drafts.invalid_data",
        "草稿内容无法保存，里面有不能保存的数据（{detail}）。请联系客服。",
        "The draft cannot be written as JSON ({detail}).",
    ),
    (
        "drafts.reentrant",
        "程序调用出错：存储适配器在保存过程中又调用了草稿箱。",
        "A storage adapter called back into the same DraftStore or Outbox during an operation.",
    ),
];

// ---- entropy and the sealer ------------------------------------------------------------

/// Encryption at rest: AES-256-GCM from `homecare-crypto`, `nonce(12) ‖ ciphertext ‖ tag(16)`,
/// binding the store's AAD (namespace, form, draft, version, generation). The store holds
/// its own copy of the key (wiped when the store is freed), so `key.free()` does not pull the
/// key out from under an open store.
struct KeySealer(homecare_crypto::AeadKey);

impl Sealer for KeySealer {
    fn seal(&self, plaintext: &[u8], aad: &[u8]) -> Result<Vec<u8>, DraftError> {
        homecare_crypto::aead_encrypt(
            &self.0,
            plaintext,
            Some(aad),
            &mut crate::entropy::HostEntropy,
        )
        .map_err(|_| DraftError::seal_failed())
    }
    fn open(&self, sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>, DraftError> {
        homecare_crypto::aead_decrypt(&self.0, sealed, Some(aad))
            .map_err(|_| DraftError::open_failed())
    }
    /// Decrypts where the blob lies: the plaintext is the middle of `nonce ‖ ct ‖ tag`.
    fn open_owned(
        &self,
        mut sealed: Vec<u8>,
        aad: &[u8],
    ) -> Result<(Vec<u8>, core::ops::Range<usize>), DraftError> {
        let len = homecare_crypto::aead_decrypt_in_place(&self.0, &mut sealed, Some(aad))
            .map_err(|_| DraftError::open_failed())?
            .len();
        let start = homecare_crypto::NONCE_LEN;
        let end = start.checked_add(len).ok_or_else(DraftError::open_failed)?;
        Ok((sealed, start..end))
    }
}

/// The sealer for an AeadKey handle (`0`: none). A freed key throws `crypto.key_freed`.
fn sealer_for(key_id: u32) -> Result<Option<Rc<KeySealer>>, JsValue> {
    if key_id == 0 {
        return Ok(None);
    }
    Ok(Some(Rc::new(KeySealer(crate::crypto::key(key_id)?))))
}

fn boxed(sealer: Option<&Rc<KeySealer>>) -> Option<Box<dyn Sealer>> {
    sealer.map(|s| -> Box<dyn Sealer> { Box::new(Rc::clone(s)) })
}

// ---- the registry ----------------------------------------------------------------------

enum Entry {
    Store(Box<DraftStore<AnyStorage>>),
    Outbox(Box<OutboxSlot>),
}

/// An outbox opens lazily: opening reads every item, and a storage failure there is a result
/// of the first operation (which retries the open), not an exception in a constructor.
enum OutboxSlot {
    Closed {
        storage: AnyStorage,
        options: OutboxOptions,
        sealer: Option<Rc<KeySealer>>,
    },
    Open(Outbox<AnyStorage>),
}

thread_local! {
    /// handle → entry; `None` while an operation runs (so a re-entrant call is refused
    /// instead of borrowing twice).
    static ENTRIES: RefCell<BTreeMap<u32, Option<Entry>>> = const { RefCell::new(BTreeMap::new()) };
    static NEXT: Cell<u32> = const { Cell::new(1) };
}

fn register(entry: Entry) -> Result<u32, JsValue> {
    let handle = NEXT.with(|n| {
        let h = n.get();
        n.set(h.checked_add(1).unwrap_or(1));
        h
    });
    ENTRIES.with(|e| {
        e.try_borrow_mut()
            .map(|mut m| {
                m.insert(handle, Some(entry));
            })
            .map_err(|_| misuse("drafts.reentrant", &[]))
    })?;
    Ok(handle)
}

/// Takes the entry out, runs `f`, puts it back (also when `f` fails).
fn with_entry<T>(
    handle: u32,
    f: impl FnOnce(&mut Entry) -> Result<T, JsValue>,
) -> Result<T, JsValue> {
    let taken = ENTRIES.with(|e| {
        let mut m = e
            .try_borrow_mut()
            .map_err(|_| misuse("drafts.reentrant", &[]))?;
        match m.get_mut(&handle) {
            None => Err(misuse("drafts.closed", &[])),
            Some(slot) => slot.take().ok_or_else(|| misuse("drafts.reentrant", &[])),
        }
    })?;
    let mut entry = taken;
    let out = f(&mut entry);
    ENTRIES.with(|e| {
        if let Ok(mut m) = e.try_borrow_mut() {
            // Freed during the operation (from inside an adapter): drop it.
            if let Some(slot) = m.get_mut(&handle) {
                *slot = Some(entry);
            }
        }
    });
    out
}

fn with_store<T>(
    handle: u32,
    f: impl FnOnce(&mut DraftStore<AnyStorage>) -> Result<T, JsValue>,
) -> Result<T, JsValue> {
    with_entry(handle, |e| match e {
        Entry::Store(s) => f(s),
        Entry::Outbox(_) => Err(misuse("drafts.closed", &[])),
    })
}

/// Runs `f` on the outbox, opening it first if needed. A failed open is a result.
fn with_outbox(
    handle: u32,
    locale: Locale,
    f: impl FnOnce(&mut Outbox<AnyStorage>) -> String,
) -> Result<String, JsValue> {
    with_entry(handle, |e| {
        let Entry::Outbox(slot) = e else {
            return Err(misuse("drafts.closed", &[]));
        };
        if let OutboxSlot::Closed {
            storage,
            options,
            sealer,
        } = slot.as_ref()
        {
            match Outbox::open(storage.clone(), options.clone(), boxed(sealer.as_ref())) {
                Ok(o) => **slot = OutboxSlot::Open(o),
                Err(err) => return Ok(fail(&err, locale)),
            }
        }
        match slot.as_mut() {
            OutboxSlot::Open(o) => Ok(f(o)),
            OutboxSlot::Closed { .. } => Err(misuse("drafts.closed", &[])),
        }
    })
}

/// Releases a store or outbox (idempotent). Pending autosaves are dropped: flush first.
#[wasm_bindgen(js_name = draftsFree)]
pub fn drafts_free(handle: u32) {
    ENTRIES.with(|e| {
        if let Ok(mut m) = e.try_borrow_mut() {
            m.remove(&handle);
        }
    });
}

// ---- results ----------------------------------------------------------------------------

fn ok<T: Serialize>(value: &T, locale: Locale) -> String {
    check_json(Ok((value, Vec::new())), locale)
}

fn fail(err: &DraftError, locale: Locale) -> String {
    check_json::<()>(Err(vec![err.problem()]), locale)
}

fn result<T: Serialize>(r: Result<T, DraftError>, locale: Locale) -> String {
    match r {
        Ok(v) => ok(&v, locale),
        Err(e) => fail(&e, locale),
    }
}

/// The error result of `code` with `params_json` (an object of text and whole numbers), for
/// the problems the JS layer finds before crossing (too large, not serialisable, a JS
/// migration that threw). Unknown codes are misuse.
#[wasm_bindgen(js_name = draftsErrorResult)]
pub fn drafts_error_result(
    code: &str,
    params_json: &str,
    locale_tag: &str,
) -> Result<String, JsValue> {
    let locale = locale(locale_tag)?;
    let code: &'static str = ErrorKind::ALL
        .iter()
        .map(|k| k.code())
        .chain(MESSAGES.iter().map(|(c, _, _)| *c))
        .find(|c| *c == code)
        .ok_or_else(|| invalid("code"))?;
    let params: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(params_json).map_err(|_| invalid("params"))?;
    let mut problem = Problem::new("", code);
    for (name, v) in &params {
        // Param names must be 'static: only the names the messages use are accepted.
        let Some(&name) = PARAM_NAMES.iter().find(|n| **n == name.as_str()) else {
            continue;
        };
        problem = match v {
            serde_json::Value::Number(n) => match n.as_i64() {
                Some(i) => problem.int(name, i),
                None => problem.text(name, n.to_string()),
            },
            serde_json::Value::String(s) => problem.text(name, s.clone()),
            other => problem.text(name, other.to_string()),
        };
    }
    Ok(check_json::<()>(Err(vec![problem]), locale))
}

const PARAM_NAMES: &[&str] = &[
    "size", "max", "from", "step", "found", "known", "detail", "field", "length",
];

fn invalid(name: &str) -> JsValue {
    misuse(
        "arg.invalid_value",
        &[("name", Param::Text(name.to_owned()))],
    )
}

fn options_error(e: &DraftError) -> JsValue {
    misuse(e.code(), &e.params)
}

/// `now` from JS: a finite whole number of ms (the JS layer checks it is a safe integer).
fn ms(now: f64) -> Result<i64, JsValue> {
    if !now.is_finite() || now.fract() != 0.0 || now.abs() > 9.007_199_254_740_991e15 {
        return Err(invalid("now"));
    }
    let text = String::from(
        js_sys::Number::from(now)
            .to_string_with_radix(10)
            .map_err(|_| invalid("now"))?,
    );
    text.parse().map_err(|_| invalid("now"))
}

fn storage_of(kind: &str, target: JsValue) -> Result<AnyStorage, JsValue> {
    let kind = match kind {
        "memory" => return Ok(AnyStorage::memory()),
        "wx" => Kind::Wx,
        "localStorage" => Kind::Local,
        "object" => Kind::Object,
        _ => return Err(invalid("storage")),
    };
    AnyStorage::js(kind, target).map_err(|missing| {
        misuse(
            "arg.invalid_type",
            &[
                ("name", Param::Text(format!("storage.{missing}"))),
                ("expected", Param::Text("function".to_owned())),
            ],
        )
    })
}

// ---- DraftStore --------------------------------------------------------------------------

/// Opens a draft store. `storage_kind`: `memory` | `wx` | `localStorage` | `object`;
/// `options_json`: `DraftOptions` (camelCase; missing fields default); `key_id`: `0` or an
/// AeadKey handle. Throws on bad options or a storage object without the needed functions.
#[wasm_bindgen(js_name = draftsOpen)]
pub fn drafts_open(
    storage_kind: &str,
    storage: JsValue,
    options_json: &str,
    key_id: u32,
) -> Result<u32, JsValue> {
    let options: DraftOptions =
        serde_json::from_str(options_json).map_err(|_| invalid("options"))?;
    let storage = storage_of(storage_kind, storage)?;
    let sealer = sealer_for(key_id)?;
    let store =
        DraftStore::new(storage, options, boxed(sealer.as_ref())).map_err(|e| options_error(&e))?;
    register(Entry::Store(Box::new(store)))
}

/// Runs `f` with the store's adapter knowing `data` (the JSON text from JS) as the source of
/// the write, so the stored values are built from the host string: the text crosses into
/// wasm once (to be hashed) and never back out.
fn with_source<T>(
    s: &mut DraftStore<AnyStorage>,
    data: &JsString,
    f: impl FnOnce(&mut DraftStore<AnyStorage>, &str) -> T,
) -> T {
    // Rc<String>, not Rc<str>: moving the String in keeps its buffer (no copy).
    let text: Rc<String> = Rc::new(crate::drafts_storage::string_of(data).unwrap_or_default());
    s.storage_mut()
        .set_source(Some((Rc::clone(&text), data.clone())));
    let out = f(s, &text);
    s.storage_mut().set_source(None);
    out
}

/// Saves `data_json` (verbatim) as the new version of a draft: `DraftInfo` or an error.
#[wasm_bindgen(js_name = draftsSave)]
pub fn drafts_save(
    handle: u32,
    form_id: &str,
    draft_id: &str,
    data_json: &JsString,
    schema_version: u32,
    now: f64,
    locale_tag: &str,
) -> Result<String, JsValue> {
    let (now, locale) = (ms(now)?, locale(locale_tag)?);
    with_store(handle, |s| {
        Ok(with_source(s, data_json, |s, data| {
            result(s.save(form_id, draft_id, data, schema_version, now), locale)
        }))
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DraftMeta<'a> {
    form_id: &'a str,
    draft_id: &'a str,
    schema_version: u32,
    stored_version: u32,
    updated_at: i64,
    created_at: i64,
    recovered: bool,
}

/// The meta JSON of a loaded draft (everything but the data). The data goes beside it, as
/// its own string: handed over verbatim, not re-serialised or spliced into other JSON, so the
/// JS layer parses it once and a stored text that is not JSON cannot change the meaning of
/// the result.
fn draft_meta(draft: &hd::Draft) -> String {
    let meta = DraftMeta {
        form_id: &draft.form_id,
        draft_id: &draft.draft_id,
        schema_version: draft.schema_version,
        stored_version: draft.stored_version,
        updated_at: draft.updated_at,
        created_at: draft.created_at,
        recovered: draft.recovered,
    };
    // Serialising our own plain struct cannot fail; `{}` keeps the output parseable anyway.
    serde_json::to_string(&meta).unwrap_or_else(|_| "{}".to_owned())
}

/// The loaded data as the host strings the storage returned (see `Verbatim`): chunk 0
/// after its header line, then the other chunks, joined by the host. `None` when a value
/// is missing or the byte count differs from `data_len` (then the text is copied out).
fn verbatim_text(reads: &[Read], v: &hd::Verbatim, data_len: usize) -> Option<JsString> {
    let mut total: usize = 0;
    let mut out: Option<JsString> = None;
    for (i, key) in v.keys.iter().enumerate() {
        let (_, js, len) = reads.iter().rev().find(|(k, _, _)| k == key)?;
        let part = if i == 0 {
            total = total.checked_add(len.checked_sub(v.skip)?)?;
            // The header line is what precedes the first '\n' in both encodings.
            let nl = u32::try_from(js.index_of("\n", 0)).ok()?;
            js.slice(nl.checked_add(1)?, js.length())
        } else {
            total = total.checked_add(*len)?;
            js.clone()
        };
        out = Some(match out {
            None => part,
            Some(o) => o.concat(&part),
        });
    }
    if total != data_len {
        return None;
    }
    out
}

/// Loads a draft. `raw`: skip migrations and the version check (for JS function migrations).
#[wasm_bindgen(js_name = draftsLoad)]
pub fn drafts_load(
    handle: u32,
    form_id: &str,
    draft_id: &str,
    raw: bool,
    now: f64,
    locale_tag: &str,
) -> Result<JsValue, JsValue> {
    let (now, locale) = (ms(now)?, locale(locale_tag)?);
    with_store(handle, |s| {
        s.storage_mut().record_reads();
        let r = s.load_unchecked(form_id, draft_id, now, raw);
        let reads = s.storage_mut().take_reads();
        let (d, opened) = match r {
            Ok(loaded) => loaded,
            Err(e) => return Ok(JsValue::from(fail(&e, locale))),
        };
        let data = match opened {
            // Sealed: the plaintext goes to JS through the host's UTF-8 decoder, which checks
            // it while converting (no separate check in wasm).
            Some(o) => match crate::drafts_storage::host_text_of(o.bytes()) {
                Some(text) => JsValue::from(text),
                None => match o.into_string() {
                    Some(text) => JsValue::from(text.as_str()),
                    None => return Ok(JsValue::from(fail(&corrupted(), locale))),
                },
            },
            // Unsealed and not migrated: hand back the strings the storage returned
            // (verified by the checksum) instead of copying the text out of wasm.
            None => s
                .last_verbatim()
                .and_then(|v| verbatim_text(&reads, v, d.data.len()))
                .map_or_else(|| JsValue::from(d.data.as_str()), JsValue::from),
        };
        Ok(js_sys::Array::of2(&JsValue::from(draft_meta(&d)), &data).into())
    })
}

fn corrupted() -> DraftError {
    DraftError::new(ErrorKind::Corrupted)
}

/// Metadata of every draft (of `form_id` if not empty), newest first.
#[wasm_bindgen(js_name = draftsList)]
pub fn drafts_list(
    handle: u32,
    form_id: &str,
    now: f64,
    locale_tag: &str,
) -> Result<String, JsValue> {
    let (now, locale) = (ms(now)?, locale(locale_tag)?);
    let form = (!form_id.is_empty()).then_some(form_id);
    with_store(handle, |s| Ok(result(s.list(form, now), locale)))
}

/// Removes a draft: `true` if it existed.
#[wasm_bindgen(js_name = draftsRemove)]
pub fn drafts_remove(
    handle: u32,
    form_id: &str,
    draft_id: &str,
    locale_tag: &str,
) -> Result<String, JsValue> {
    let locale = locale(locale_tag)?;
    with_store(handle, |s| Ok(result(s.remove(form_id, draft_id), locale)))
}

/// Removes expired drafts and leftovers of interrupted writes: `PurgeReport`.
#[wasm_bindgen(js_name = draftsPurgeExpired)]
pub fn drafts_purge_expired(handle: u32, now: f64, locale_tag: &str) -> Result<String, JsValue> {
    let (now, locale) = (ms(now)?, locale(locale_tag)?);
    with_store(handle, |s| Ok(result(s.purge_expired(now), locale)))
}

/// Storage usage: `Usage`.
#[wasm_bindgen(js_name = draftsUsage)]
pub fn drafts_usage(handle: u32, locale_tag: &str) -> Result<String, JsValue> {
    let locale = locale(locale_tag)?;
    with_store(handle, |s| Ok(result(s.usage(), locale)))
}

/// Declarative migration steps (JSON array) from `from_version` to `from_version + 1`.
/// Throws `drafts.invalid_options` / `drafts.invalid_id` on a bad step or form id.
#[wasm_bindgen(js_name = draftsRegisterMigration)]
pub fn drafts_register_migration(
    handle: u32,
    form_id: &str,
    from_version: u32,
    steps_json: &str,
) -> Result<(), JsValue> {
    let steps: Vec<MigrationStep> = serde_json::from_str(steps_json).map_err(|_| {
        misuse(
            "drafts.invalid_options",
            &[("option", Param::Text("migration".to_owned()))],
        )
    })?;
    with_store(handle, |s| {
        s.register_migration(form_id, from_version, steps)
            .map_err(|e| options_error(&e))
    })
}

/// Declares the schema version the app writes for `form_id`.
#[wasm_bindgen(js_name = draftsSetSchemaVersion)]
pub fn drafts_set_schema_version(handle: u32, form_id: &str, version: u32) -> Result<(), JsValue> {
    with_store(handle, |s| {
        s.set_schema_version(form_id, version)
            .map_err(|e| options_error(&e))
    })
}

/// Applies declarative steps to `data_json` (for a chain that mixes JS functions and steps):
/// the upgraded JSON text, or `drafts.migration_failed` with `from` and `step`.
#[wasm_bindgen(js_name = draftsApplySteps)]
pub fn drafts_apply_steps(
    steps_json: &str,
    data_json: &str,
    from_version: u32,
    locale_tag: &str,
) -> Result<String, JsValue> {
    let locale = locale(locale_tag)?;
    let steps: Vec<MigrationStep> =
        serde_json::from_str(steps_json).map_err(|_| invalid("steps"))?;
    let failed = |step: i64| {
        DraftError::new(ErrorKind::MigrationFailed)
            .int("from", i64::from(from_version))
            .int("step", step)
    };
    let r = serde_json::from_str::<serde_json::Value>(data_json)
        .map_err(|_| failed(-1))
        .and_then(|mut v| {
            hd::apply_steps(&mut v, &steps)
                .map_err(|hd::StepFailed(i)| failed(i64::try_from(i).unwrap_or(i64::MAX)))?;
            Ok(v)
        });
    Ok(result(r, locale))
}

/// Autosave: `{outcome:"saved",…DraftInfo}` or `{outcome:"deferred"}`.
#[wasm_bindgen(js_name = draftsAutosave)]
pub fn drafts_autosave(
    handle: u32,
    form_id: &str,
    draft_id: &str,
    data_json: &JsString,
    schema_version: u32,
    now: f64,
    locale_tag: &str,
) -> Result<String, JsValue> {
    let (now, locale) = (ms(now)?, locale(locale_tag)?);
    with_store(handle, |s| {
        Ok(with_source(s, data_json, |s, data| {
            result(
                s.autosave(form_id, draft_id, data, schema_version, now),
                locale,
            )
        }))
    })
}

/// Writes every pending autosave: the `DraftInfo`s written, or the first error (the failed
/// ones stay pending).
#[wasm_bindgen(js_name = draftsFlush)]
pub fn drafts_flush(handle: u32, now: f64, locale_tag: &str) -> Result<String, JsValue> {
    let (now, locale) = (ms(now)?, locale(locale_tag)?);
    with_store(handle, |s| Ok(result(s.flush(now), locale)))
}

/// Whether autosaved data waits for a write (the JS layer's timer asks before flushing).
#[wasm_bindgen(js_name = draftsHasPending)]
pub fn drafts_has_pending(handle: u32) -> Result<bool, JsValue> {
    with_store(handle, |s| Ok(s.has_pending()))
}

// ---- Outbox ----------------------------------------------------------------------------

/// Creates an outbox (opened on first use). Throws on bad options or storage.
#[wasm_bindgen(js_name = outboxOpen)]
pub fn outbox_open(
    storage_kind: &str,
    storage: JsValue,
    options_json: &str,
    key_id: u32,
) -> Result<u32, JsValue> {
    let options: OutboxOptions =
        serde_json::from_str(options_json).map_err(|_| invalid("options"))?;
    options.check().map_err(|e| options_error(&e))?;
    let storage = storage_of(storage_kind, storage)?;
    let sealer = sealer_for(key_id)?;
    register(Entry::Outbox(Box::new(OutboxSlot::Closed {
        storage,
        options,
        sealer,
    })))
}

/// Queues a submission: its idempotency key. `key` empty: a new UUID v4 from the host's
/// randomness; otherwise that key (`enqueue_with_key`). `stream` empty: none.
#[wasm_bindgen(js_name = outboxEnqueue)]
#[allow(clippy::too_many_arguments)]
pub fn outbox_enqueue(
    handle: u32,
    kind: &str,
    payload_json: &str,
    stream: &str,
    key: &str,
    now: f64,
    locale_tag: &str,
) -> Result<String, JsValue> {
    let (now, locale) = (ms(now)?, locale(locale_tag)?);
    let stream = (!stream.is_empty()).then_some(stream);
    with_outbox(handle, locale, |o| {
        let r = if key.is_empty() {
            o.enqueue(
                kind,
                payload_json,
                stream,
                now,
                &mut crate::entropy::HostEntropy,
            )
        } else {
            o.enqueue_with_key(key, kind, payload_json, stream, now)
        };
        result(r, locale)
    })
}

/// Items due at `now` (leased for `leaseMs`).
#[wasm_bindgen(js_name = outboxDue)]
pub fn outbox_due(handle: u32, now: f64, locale_tag: &str) -> Result<String, JsValue> {
    let (now, locale) = (ms(now)?, locale(locale_tag)?);
    with_outbox(handle, locale, |o| ok(&o.due(now), locale))
}

/// Acknowledges an item; `response_json` empty: no response kept.
#[wasm_bindgen(js_name = outboxAck)]
pub fn outbox_ack(
    handle: u32,
    id: &str,
    response_json: &str,
    now: f64,
    locale_tag: &str,
) -> Result<String, JsValue> {
    let (now, locale) = (ms(now)?, locale(locale_tag)?);
    let response = (!response_json.is_empty()).then_some(response_json);
    with_outbox(handle, locale, |o| result(o.ack(id, response, now), locale))
}

/// Reports a failed send: pending again after backoff, or dead.
#[wasm_bindgen(js_name = outboxFail)]
pub fn outbox_fail(
    handle: u32,
    id: &str,
    error: &str,
    retryable: bool,
    now: f64,
    locale_tag: &str,
) -> Result<String, JsValue> {
    let (now, locale) = (ms(now)?, locale(locale_tag)?);
    with_outbox(handle, locale, |o| {
        result(
            o.fail(id, error, retryable, now, &mut crate::entropy::HostEntropy),
            locale,
        )
    })
}

/// Puts a dead item back in the queue.
#[wasm_bindgen(js_name = outboxRetry)]
pub fn outbox_retry(handle: u32, id: &str, now: f64, locale_tag: &str) -> Result<String, JsValue> {
    let (now, locale) = (ms(now)?, locale(locale_tag)?);
    with_outbox(handle, locale, |o| result(o.retry(id, now), locale))
}

/// Removes a dead, done or unreadable item (never a pending one).
#[wasm_bindgen(js_name = outboxDiscard)]
pub fn outbox_discard(handle: u32, id: &str, locale_tag: &str) -> Result<String, JsValue> {
    let locale = locale(locale_tag)?;
    with_outbox(handle, locale, |o| {
        result(o.discard(id).map(|()| true), locale)
    })
}

/// Removes receipts older than `receiptTtlMs`: how many.
#[wasm_bindgen(js_name = outboxPurge)]
pub fn outbox_purge(handle: u32, now: f64, locale_tag: &str) -> Result<String, JsValue> {
    let (now, locale) = (ms(now)?, locale(locale_tag)?);
    with_outbox(handle, locale, |o| result(o.purge(now), locale))
}

/// Items by state: `all` | `pending` | `dead` | `done`; `unreadable` gives ids.
#[wasm_bindgen(js_name = outboxItems)]
pub fn outbox_items(handle: u32, which: &str, locale_tag: &str) -> Result<String, JsValue> {
    let locale = locale(locale_tag)?;
    let state = match which {
        "all" | "unreadable" => None,
        "pending" => Some(hd::ItemState::Pending),
        "dead" => Some(hd::ItemState::Dead),
        "done" => Some(hd::ItemState::Done),
        _ => return Err(invalid("which")),
    };
    let unreadable = which == "unreadable";
    with_outbox(handle, locale, |o| {
        if unreadable {
            return ok(&o.unreadable(), locale);
        }
        let items: Vec<&hd::OutboxItem> = o
            .items()
            .iter()
            .filter(|i| state.is_none_or(|s| i.state == s))
            .collect();
        ok(&items, locale)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn table_is_well_formed() {
        assert_eq!(homecare_core::catalog_check(super::MESSAGES), Ok(()));
    }
}
