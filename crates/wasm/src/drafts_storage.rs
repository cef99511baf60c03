//! Storage adapters of the draft store and the outbox: `homecare_drafts::Storage` over
//! WeChat storage, `localStorage`, an app's own JS object, or memory.
//!
//! The JS layer hands over the platform object (`wx`, `globalThis.localStorage`, or the app's
//! adapter) because only code inside the mini program's module scope is sure to see `wx`. The
//! functions are looked up once, at construction. Every call goes through a `catch` import,
//! so an adapter that throws is a `StorageError`, never a trap; a value of the wrong type is
//! `StorageError::Failed` ("junk"), never a guess.

use homecare_drafts::{MemoryStorage, Storage, StorageError, StorageInfo};
use js_sys::{Array, Function, JsString, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// The host's `TextEncoder` (Node, browsers; WeChat's polyfill has no `encodeInto`, so
    /// there the call fails and the usual conversion is used).
    #[wasm_bindgen(js_name = TextEncoder)]
    type HostEncoder;
    #[wasm_bindgen(constructor, js_class = "TextEncoder", catch)]
    fn new() -> Result<HostEncoder, JsValue>;
    #[wasm_bindgen(method, js_class = "TextEncoder", js_name = encodeInto, catch)]
    fn encode_into(this: &HostEncoder, s: &JsString, dest: &Uint8Array)
        -> Result<JsValue, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    /// The host's `TextDecoder`, created with `fatal: true` (invalid UTF-8 throws).
    #[wasm_bindgen(js_name = TextDecoder)]
    type HostDecoder;
    #[wasm_bindgen(constructor, js_class = "TextDecoder", catch)]
    fn new_with_options(label: &str, options: &JsValue) -> Result<HostDecoder, JsValue>;
    #[wasm_bindgen(method, js_class = "TextDecoder", catch)]
    fn decode(this: &HostDecoder, bytes: &Uint8Array) -> Result<JsString, JsValue>;
}

thread_local! {
    static ENCODER: Option<HostEncoder> = HostEncoder::new().ok();
    static DECODER: Option<HostDecoder> = strict_decoder();
}

/// The host's decoder if it honours `fatal` (its `fatal` property says so): WeChat's
/// polyfill (`js/weapp-text.js`) replaces invalid bytes instead, so it is not used here.
fn strict_decoder() -> Option<HostDecoder> {
    let options = Object::new();
    let fatal = JsValue::from_str("fatal");
    Reflect::set(&options, &fatal, &JsValue::TRUE).ok()?;
    let decoder = HostDecoder::new_with_options("utf-8", &options).ok()?;
    let strict = Reflect::get(&decoder, &fatal).ok()?.as_bool() == Some(true);
    strict.then_some(decoder)
}

/// A view of `bytes` where they lie in wasm memory (valid until the memory grows).
fn memory_view(bytes: &[u8]) -> Option<Uint8Array> {
    let at = u32::try_from(bytes.as_ptr().expose_provenance()).ok()?;
    let len = u32::try_from(bytes.len()).ok()?;
    // `buffer` read by name: the WeChat glue must not mention `WebAssembly` (an instanceof).
    let buffer = Reflect::get(&wasm_bindgen::memory(), &JsValue::from_str("buffer")).ok()?;
    Some(Uint8Array::new_with_byte_offset_and_length(
        &buffer, at, len,
    ))
}

/// `bytes` as a host string, decoded by the host's strict UTF-8 decoder straight from wasm
/// memory: the check and the conversion are one pass (`String::from_utf8` first, then
/// wasm-bindgen's conversion, would be two). `None` when the bytes are not UTF-8 or the host
/// has no usable decoder, or the text is short (a caller then checks them itself).
pub fn host_text_of(bytes: &[u8]) -> Option<JsString> {
    // Short texts: the three host calls cost more than checking in wasm.
    if bytes.len() < 4096 {
        return None;
    }
    let view = memory_view(bytes)?;
    DECODER.with(|d| d.as_ref().and_then(|d| d.decode(&view).ok()))
}

/// Strings at least this long that look ASCII take [`ascii_string`].
const LONG: u32 = 4096;

/// A JS string as a Rust `String` (`None`: not a string).
///
/// wasm-bindgen's conversion copies leading ASCII in a JS loop before it hands the rest to
/// `encodeInto`: for a long ASCII text (the base64 of a sealed draft, a draft without CJK)
/// that loop is 30–70x slower than `encodeInto` (86 KB: 170–380 µs against 5 µs). A long
/// string whose sampled characters are ASCII is therefore encoded straight into wasm memory
/// by the host's `encodeInto`; anything else, or any failure, takes the usual conversion.
pub fn string_of(v: &JsValue) -> Option<String> {
    let s = v.dyn_ref::<JsString>()?;
    let units = s.length();
    if units >= LONG && looks_ascii(s, units) {
        if let Some(text) = ascii_string(s, units) {
            return Some(text);
        }
    }
    v.as_string()
}

/// 16 characters spread over the string are ASCII.
fn looks_ascii(s: &JsString, units: u32) -> bool {
    let step = units / 16;
    (0..16u32).all(|i| {
        let c = s.char_code_at(step.saturating_mul(i).saturating_add(step / 2));
        (0.0..128.0).contains(&c)
    })
}

/// The string, if it is all ASCII: `encodeInto` into a buffer of one byte per unit must
/// read every unit and write every byte (a non-ASCII character needs two bytes or more).
fn ascii_string(s: &JsString, units: u32) -> Option<String> {
    let len = usize::try_from(units).ok()?;
    let mut buf = vec![0u8; len];
    // The host writes into `buf` through this address (exposed, so the write is visible).
    let at = u32::try_from(buf.as_mut_ptr().expose_provenance()).ok()?;
    // `buffer` read by name: the WeChat glue must not mention `WebAssembly` (an instanceof).
    let buffer = Reflect::get(&wasm_bindgen::memory(), &JsValue::from_str("buffer")).ok()?;
    let view = Uint8Array::new_with_byte_offset_and_length(&buffer, at, units);
    let result = ENCODER.with(|e| e.as_ref().and_then(|e| e.encode_into(s, &view).ok()))?;
    let count = |name: &str| {
        Reflect::get(&result, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_f64())
    };
    if count("read")? != f64::from(units) || count("written")? != f64::from(units) {
        return None;
    }
    String::from_utf8(buf).ok()
}

/// Which platform API an adapter speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `wx.getStorageSync` / `setStorageSync` / `removeStorageSync` / `getStorageInfoSync`.
    Wx,
    /// `localStorage.getItem` / `setItem` / `removeItem`, keys by `Object.keys`.
    Local,
    /// `{ get, set, remove, keys, info? }` of the app.
    Object,
}

/// The text a save started from, both as the Rust copy the store works on and as the
/// original host string: values that are pieces of it are sent back as slices of the host
/// string instead of being copied out of wasm memory (a UTF-8 → UTF-16 decode).
#[derive(Clone)]
struct Source {
    text: Rc<String>,
    js: JsString,
}

/// A value read during a load: key, host string, UTF-8 bytes.
pub type Read = (String, JsString, usize);

/// The platform functions of one adapter, looked up once.
#[derive(Clone)]
pub struct JsStorage {
    kind: Kind,
    target: JsValue,
    get: Function,
    set: Function,
    remove: Function,
    /// `wx.getStorageInfoSync` or the app's `keys` (absent for localStorage).
    keys: Option<Function>,
    /// `wx.getStorageInfoSync` or the app's `info` (optional for an app object).
    info: Option<Function>,
    /// Set during a save (see [`AnyStorage::set_source`]).
    source: Option<Source>,
    /// Values read while recording (see [`AnyStorage::record_reads`]).
    reads: Option<Vec<Read>>,
}

/// Any storage a store or outbox can use. Cloning shares it (memory is reference-counted).
#[derive(Clone)]
pub enum AnyStorage {
    /// Rust memory with WeChat's quotas (tests, demos).
    Memory(Rc<RefCell<MemoryStorage>>),
    /// A JS object.
    Js(JsStorage),
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
}

impl AnyStorage {
    /// A fresh memory storage.
    pub fn memory() -> Self {
        AnyStorage::Memory(Rc::new(RefCell::new(MemoryStorage::new())))
    }

    /// An adapter of `kind` over `target`; `Err(name)` names the first missing function.
    pub fn js(kind: Kind, target: JsValue) -> Result<Self, &'static str> {
        if !target.is_object() && !target.is_function() {
            return Err("storage");
        }
        let names: [&'static str; 5] = match kind {
            Kind::Wx => [
                "getStorageSync",
                "setStorageSync",
                "removeStorageSync",
                "getStorageInfoSync",
                "getStorageInfoSync",
            ],
            Kind::Local => ["getItem", "setItem", "removeItem", "", ""],
            Kind::Object => ["get", "set", "remove", "keys", "info"],
        };
        let [g, s, r, k, i] = names;
        let need = |name: &'static str| method(&target, name).ok_or(name);
        let get = need(g)?;
        let set = need(s)?;
        let remove = need(r)?;
        let keys = match kind {
            Kind::Local => None,
            _ => Some(need(k)?),
        };
        // `info` is optional for an app object: without it the limit is unknown (0) and a
        // failing `set` reports the quota.
        let info = match kind {
            Kind::Wx => Some(need(i)?),
            Kind::Object => method(&target, i),
            Kind::Local => None,
        };
        Ok(AnyStorage::Js(JsStorage {
            kind,
            target,
            get,
            set,
            remove,
            keys,
            info,
            source: None,
            reads: None,
        }))
    }
}

/// The text of whatever a platform threw, for logs (bounded).
fn thrown_text(e: &JsValue) -> String {
    let pick = |name: &str| {
        Reflect::get(e, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
    };
    let text = e
        .as_string()
        .or_else(|| pick("errMsg"))
        .or_else(|| pick("message"))
        .unwrap_or_else(|| "storage call threw".to_owned());
    text.chars().take(200).collect()
}

/// A thrown value as a `StorageError`: the platforms' quota errors become `Quota`.
///
/// - WeChat: `setStorageSync:fail exceed storage max size 10Mb` (observed); the per-key
///   message is unconfirmed, so any text with "exceed" counts.
/// - Web: `DOMException` named `QuotaExceededError` (legacy code 22; Firefox's
///   `NS_ERROR_DOM_QUOTA_REACHED`, code 1014).
/// - An app adapter may throw anything with `quota: true`, or a text with "quota"/"exceed".
pub fn classify(e: &JsValue) -> StorageError {
    let text = thrown_text(e);
    let field = |name: &str| Reflect::get(e, &JsValue::from_str(name)).ok();
    let name = field("name")
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let code = field("code").and_then(|v| v.as_f64());
    let flagged = field("quota").is_some_and(|v| v.as_bool() == Some(true));
    let lower = text.to_ascii_lowercase();
    if flagged
        || name == "QuotaExceededError"
        || name == "NS_ERROR_DOM_QUOTA_REACHED"
        || code == Some(22.0)
        || code == Some(1014.0)
        || lower.contains("exceed")
        || lower.contains("quota")
    {
        StorageError::Quota(text)
    } else {
        StorageError::Failed(text)
    }
}

fn junk(what: &str) -> StorageError {
    StorageError::Failed(format!("the storage returned {what}"))
}

/// A count of KB from a JS number: finite, not negative, whole (rounded up).
fn kb(v: &JsValue) -> Option<u64> {
    let n = v.as_f64()?;
    if !n.is_finite() || !(0.0..=9.0e15).contains(&n) {
        return None;
    }
    // Fractions round up. A whole number below 2^53 prints as plain digits in JS (no
    // exponent), so its decimal text converts exactly without a float cast.
    let text = js_sys::Number::from(n.ceil())
        .to_string_with_radix(10)
        .ok()?;
    String::from(text).parse().ok()
}

/// The byte offset of `inner` in `outer` if `inner` is a piece of it (same memory).
fn offset_in(outer: &str, inner: &str) -> Option<usize> {
    let off = inner.as_ptr().addr().checked_sub(outer.as_ptr().addr())?;
    (off.checked_add(inner.len())? <= outer.len()).then_some(off)
}

/// UTF-16 code units of valid UTF-8 bytes: one per leading byte, two for 4-byte sequences.
fn utf16_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

impl AnyStorage {
    /// While a save runs: the text it was called with, as a Rust copy and as the host string.
    /// `None` clears it (call it before the text is dropped).
    pub fn set_source(&mut self, source: Option<(Rc<String>, JsString)>) {
        if let AnyStorage::Js(j) = self {
            j.source = source.map(|(text, js)| Source { text, js });
        }
    }

    /// Starts recording the host strings `get` returns (for [`AnyStorage::take_reads`]).
    pub fn record_reads(&mut self) {
        if let AnyStorage::Js(j) = self {
            j.reads = Some(Vec::new());
        }
    }

    /// Stops recording and returns what `get` returned since [`AnyStorage::record_reads`].
    pub fn take_reads(&mut self) -> Vec<Read> {
        match self {
            AnyStorage::Js(j) => j.reads.take().unwrap_or_default(),
            AnyStorage::Memory(_) => Vec::new(),
        }
    }
}

impl JsStorage {
    /// `s` as a host string: a slice of the save's source string when `s` is a piece of it
    /// (no copy out of wasm memory), else a new string.
    fn host_text(&self, s: &str) -> JsValue {
        if let Some(src) = &self.source {
            if let Some(off) = offset_in(&src.text, s) {
                let bytes = src.text.as_bytes();
                if off == 0 && s.len() == bytes.len() {
                    return src.js.clone().into();
                }
                let start = bytes.get(..off).map(utf16_len);
                let len = bytes.get(off..off.saturating_add(s.len())).map(utf16_len);
                if let (Some(start), Some(len)) = (start, len) {
                    let end = start.checked_add(len);
                    if let (Ok(a), Some(Ok(b))) = (u32::try_from(start), end.map(u32::try_from)) {
                        return src.js.slice(a, b).into();
                    }
                }
            }
        }
        JsValue::from_str(s)
    }

    fn call1(&self, f: &Function, a: &JsValue) -> Result<JsValue, StorageError> {
        f.call1(&self.target, a).map_err(|e| classify(&e))
    }

    fn info_object(&self) -> Result<Option<JsValue>, StorageError> {
        match &self.info {
            None => Ok(None),
            Some(f) => f.call0(&self.target).map(Some).map_err(|e| classify(&e)),
        }
    }

    fn key_list(list: &JsValue) -> Result<Vec<String>, StorageError> {
        if !Array::is_array(list) {
            return Err(junk("a key list that is not an array"));
        }
        let array: &Array = list.unchecked_ref();
        let mut out = Vec::with_capacity(usize::try_from(array.length()).unwrap_or(0));
        for v in array.iter() {
            // A key that is not a string cannot be one of ours: skip it.
            if let Some(s) = v.as_string() {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// WeChat's `getStorageSync` answers `''` both for a stored `''` and for a missing key;
    /// only then (rare: the store never writes `''`) the key list tells them apart.
    fn wx_has(&self, key: &str) -> Result<bool, StorageError> {
        let info = self.info_object()?.ok_or_else(|| junk("no info"))?;
        let keys = Reflect::get(&info, &JsValue::from_str("keys")).map_err(|e| classify(&e))?;
        Ok(Self::key_list(&keys)?.iter().any(|k| k == key))
    }
}

impl Storage for JsStorage {
    fn get(&mut self, key: &str) -> Result<Option<String>, StorageError> {
        let v = self.call1(&self.get, &JsValue::from_str(key))?;
        if v.is_null() || v.is_undefined() {
            return Ok(None);
        }
        let Some(s) = string_of(&v) else {
            return Err(junk("a value that is not a string"));
        };
        if s.is_empty() && self.kind == Kind::Wx && !self.wx_has(key)? {
            return Ok(None);
        }
        if let Some(reads) = self.reads.as_mut() {
            reads.push((key.to_owned(), v.unchecked_into(), s.len()));
        }
        Ok(Some(s))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        let value = self.host_text(value);
        self.set
            .call2(&self.target, &JsValue::from_str(key), &value)
            .map(|_| ())
            .map_err(|e| classify(&e))
    }

    /// `head` + `body` joined by the host (a rope in V8: no copy), `body` sent as a slice
    /// of the source string when it is a piece of it.
    fn set_joined(&mut self, key: &str, head: &str, body: &str) -> Result<(), StorageError> {
        let value = JsString::from(head).concat(&self.host_text(body));
        self.set
            .call2(&self.target, &JsValue::from_str(key), &value)
            .map(|_| ())
            .map_err(|e| classify(&e))
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.call1(&self.remove, &JsValue::from_str(key))
            .map(|_| ())
    }

    fn keys(&mut self) -> Result<Vec<String>, StorageError> {
        match (self.kind, &self.keys) {
            (Kind::Wx, _) => {
                let info = self.info_object()?.ok_or_else(|| junk("no info"))?;
                let keys =
                    Reflect::get(&info, &JsValue::from_str("keys")).map_err(|e| classify(&e))?;
                Self::key_list(&keys)
            }
            (Kind::Local, _) => {
                let target: &Object = self
                    .target
                    .dyn_ref()
                    .ok_or_else(|| junk("no localStorage"))?;
                Self::key_list(&Object::keys(target).into())
            }
            (Kind::Object, Some(f)) => {
                let list = f.call0(&self.target).map_err(|e| classify(&e))?;
                Self::key_list(&list)
            }
            (Kind::Object, None) => Err(junk("no keys function")),
        }
    }

    fn info(&mut self) -> Result<StorageInfo, StorageError> {
        match self.kind {
            Kind::Local => {
                // localStorage has no usage API: count UTF-16 code units of keys and values
                // (what browsers count against their ~5 M quota). The limit differs by
                // browser, so it is reported as unknown (0): `setItem` failing is the check.
                let target: &Object = self
                    .target
                    .dyn_ref()
                    .ok_or_else(|| junk("no localStorage"))?;
                let mut units: u64 = 0;
                for k in Object::keys(target).iter() {
                    let v = self.get.call1(&self.target, &k).map_err(|e| classify(&e))?;
                    let len =
                        |x: &JsValue| x.dyn_ref::<JsString>().map_or(0, |s| u64::from(s.length()));
                    units = units.saturating_add(len(&k)).saturating_add(len(&v));
                }
                Ok(StorageInfo {
                    current_size_kb: units.saturating_mul(2).div_ceil(1024),
                    limit_size_kb: 0,
                })
            }
            Kind::Wx | Kind::Object => {
                let Some(info) = self.info_object()? else {
                    return Ok(StorageInfo {
                        current_size_kb: 0,
                        limit_size_kb: 0,
                    });
                };
                let field = |name: &str| {
                    Reflect::get(&info, &JsValue::from_str(name))
                        .ok()
                        .as_ref()
                        .and_then(kb)
                };
                match (field("currentSize"), field("limitSize")) {
                    (Some(current_size_kb), Some(limit_size_kb)) => Ok(StorageInfo {
                        current_size_kb,
                        limit_size_kb,
                    }),
                    _ => Err(junk("info without currentSize/limitSize numbers")),
                }
            }
        }
    }
}

impl Storage for AnyStorage {
    fn get(&mut self, key: &str) -> Result<Option<String>, StorageError> {
        match self {
            AnyStorage::Memory(m) => m.get(key),
            AnyStorage::Js(j) => j.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        match self {
            AnyStorage::Memory(m) => m.set(key, value),
            AnyStorage::Js(j) => j.set(key, value),
        }
    }
    fn set_joined(&mut self, key: &str, head: &str, body: &str) -> Result<(), StorageError> {
        match self {
            AnyStorage::Memory(m) => m.set_joined(key, head, body),
            AnyStorage::Js(j) => j.set_joined(key, head, body),
        }
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        match self {
            AnyStorage::Memory(m) => m.remove(key),
            AnyStorage::Js(j) => j.remove(key),
        }
    }
    fn keys(&mut self) -> Result<Vec<String>, StorageError> {
        match self {
            AnyStorage::Memory(m) => m.keys(),
            AnyStorage::Js(j) => j.keys(),
        }
    }
    fn info(&mut self) -> Result<StorageInfo, StorageError> {
        match self {
            AnyStorage::Memory(m) => m.info(),
            AnyStorage::Js(j) => j.info(),
        }
    }
}
