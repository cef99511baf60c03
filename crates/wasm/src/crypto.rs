//! Client-side encryption (issue 5) over `homecare-crypto`: AES-256-GCM under keys that stay
//! in wasm memory, sealed JSON fields, the JWE envelope to the backend, and `features()`.
//!
//! Shapes (the JS layer, `js/api/crypto.js`, adds the `AeadKey` class over the key ids):
//! * bytes cross as `Uint8Array` (one copy in, one copy out); where text is allowed, a string
//!   means its UTF-8 bytes;
//! * encryption returns the value, or throws `HomecareError` (misuse, bad configuration such
//!   as a recipient JWK off the curve, `entropy.unavailable`);
//! * decryption and `sealFields`/`openFields` return `{ ok: true, value, warnings: [] }` or
//!   `{ ok: false, errors }` (`crypto.auth_failed` on any tamper; never partial plaintext).
//!
//! No message carries key or plaintext bytes: errors are codes from the catalog.

use crate::entropy::HostEntropy;
use crate::error::{error_result, misuse, set, wrong_type};
use crate::interop::Options;
use homecare_core::{Locale, Param};
use homecare_crypto::{self as hc, CryptoError, Zeroizing};
use js_sys::{Array, Object, Reflect, Uint8Array, JSON};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

// ---- argument conversion -------------------------------------------------------------------

/// A crypto error thrown as `HomecareError` (for misuse and configuration problems).
pub(crate) fn thrown(e: CryptoError) -> JsValue {
    misuse(e.code(), &[])
}

/// `value` itself when it is a byte view (`Uint8Array`, `Uint8ClampedArray`, `Int8Array`, any
/// realm), else `None`.
fn byte_view(value: &JsValue) -> Option<&Uint8Array> {
    // The common case first: one `instanceof` (also true for a Node `Buffer`), no property
    // lookup by a name that would cross the boundary as a string on every call.
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        return Some(bytes);
    }
    if !js_sys::ArrayBuffer::is_view(value) {
        return None;
    }
    let per = Reflect::get(value, &JsValue::from_str("BYTES_PER_ELEMENT")).ok()?;
    if per.as_f64() != Some(1.0) {
        return None;
    }
    Some(value.unchecked_ref::<Uint8Array>())
}

/// `Some(bytes)` when `value` is a byte view, else `None`.
fn view_bytes(value: &JsValue) -> Option<Vec<u8>> {
    byte_view(value).map(Uint8Array::to_vec)
}

/// GCM sealing of a `Uint8Array` or string `plaintext` by `seal`, which gets the buffer
/// `nonce slot(12) ‖ plaintext ‖ tag slot(16)` and seals it in place (`*_encrypt_in_place`).
///
/// Every bulk copy is a native JS one (`TypedArray.set`, the copies `to_vec` / `copy_from`
/// do): the strict-MVP build lowers wasm's `memory.copy` to a byte loop, which at 1 MiB cost
/// more than a third of the whole encryption. The wasm buffer holds ciphertext once sealed (no
/// wipe needed); on an error it is wiped, and so is the JS copy of the plaintext.
pub(crate) fn seal_js(
    plaintext: &JsValue,
    seal: impl FnOnce(&mut [u8]) -> Result<(), CryptoError>,
) -> Result<Uint8Array, JsValue> {
    let overhead = u32::try_from(hc::SEAL_OVERHEAD).map_err(|_| thrown(CryptoError::TooLong))?;
    let nonce_len = u32::try_from(hc::NONCE_LEN).map_err(|_| thrown(CryptoError::TooLong))?;
    let sized = |n: u32| {
        n.checked_add(overhead)
            .map(Uint8Array::new_with_length)
            .ok_or_else(|| thrown(CryptoError::TooLong))
    };
    let out = if let Some(view) = byte_view(plaintext) {
        let out = sized(view.length())?;
        out.set(view, nonce_len);
        out
    } else if let Some(text) = plaintext.as_string() {
        let text = Zeroizing::new(text);
        let n = u32::try_from(text.len()).map_err(|_| thrown(CryptoError::TooLong))?;
        let out = sized(n)?;
        out.subarray(nonce_len, nonce_len.saturating_add(n))
            .copy_from(text.as_bytes());
        out
    } else {
        return Err(wrong_type("plaintext", "Uint8Array or string"));
    };
    let mut buf = Zeroizing::new(out.to_vec());
    match seal(&mut buf) {
        Ok(()) => {
            out.copy_from(&buf);
            // Ciphertext only: released without the wipe.
            drop(std::mem::take(&mut *buf));
            Ok(out)
        }
        Err(e) => {
            out.fill(0, 0, out.length());
            Err(thrown(e))
        }
    }
}

/// The fast path of `sm4GcmEncrypt` (js/api/crypto.js, for `Uint8Array` key and plaintext
/// and no or `Uint8Array` AAD): the glue lays `nonce slot(12) ‖ plaintext ‖ tag
/// slot(16)` out in a new `Uint8Array`, wasm-bindgen copies it in as `sealed` and back after
/// the call (`&mut [u8]`: two native copies), and `seal` seals it in place. Against
/// [`seal_js`] a call crosses the boundary a dozen times fewer (no `JsValue` per argument, no
/// `instanceof`/`length`/`new Uint8Array`/`set`/`copy` call from wasm): 13 % fewer
/// instructions per 64-byte SM4-GCM call (docs/crypto.md, "Performance"; for `aeadEncrypt`,
/// whose key is an id already, it saved 2 % and is not worth its size). Argument checks stay
/// in the core: the glue only picks the route.
/// On an error `sealed` is wiped, so the JS copy of the plaintext is wiped too.
#[cfg(feature = "sm")]
pub(crate) fn seal_into(
    sealed: &mut [u8],
    seal: impl FnOnce(&mut [u8]) -> Result<(), CryptoError>,
) -> Result<(), JsValue> {
    seal(sealed).map_err(|e| {
        zeroize::Zeroize::zeroize(sealed);
        thrown(e)
    })
}

/// GCM opening by `open` (`*_decrypt_in_place`) of a sealed `Uint8Array` as a result: the
/// plaintext leaves wasm by one native copy, and the wasm buffer that held it is wiped.
pub(crate) fn open_js(
    sealed: &JsValue,
    locale: Locale,
    open: impl FnOnce(&mut [u8]) -> Result<&mut [u8], CryptoError>,
) -> Result<JsValue, JsValue> {
    let mut buf = Zeroizing::new(bytes_only(sealed, "sealed")?);
    Ok(match open(&mut buf) {
        Ok(plain) => ok_result(&Uint8Array::from(&*plain).into()),
        Err(e) => error_result(&[e.problem("")], locale),
    })
}

/// A `Uint8Array` argument (keys, sealed blobs), or `arg.invalid_type`.
pub(crate) fn bytes_only(value: &JsValue, name: &str) -> Result<Vec<u8>, JsValue> {
    view_bytes(value).ok_or_else(|| wrong_type(name, "Uint8Array"))
}

/// A `Uint8Array` or a string (its UTF-8 bytes), or `arg.invalid_type`.
pub(crate) fn bytes_or_text(value: &JsValue, name: &str) -> Result<Vec<u8>, JsValue> {
    if let Some(b) = view_bytes(value) {
        return Ok(b);
    }
    value
        .as_string()
        .map(String::into_bytes)
        .ok_or_else(|| wrong_type(name, "Uint8Array or string"))
}

/// An optional `bytes_or_text` (`undefined`/`null` → `None`).
pub(crate) fn opt_bytes(value: &JsValue, name: &str) -> Result<Option<Vec<u8>>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    bytes_or_text(value, name).map(Some)
}

/// A string argument, or `arg.invalid_type`.
fn string_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| wrong_type(name, "string"))
}

/// Any JSON value as `serde_json::Value`, via `JSON.stringify` (which rejects cycles, BigInt,
/// and nesting too deep for the JS engine) and `serde_json` (which refuses nesting beyond 128,
/// so no recursion can exhaust the wasm stack).
fn json_arg(value: &JsValue, name: &str) -> Result<serde_json::Value, JsValue> {
    let text = JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| wrong_type(name, "JSON value"))?;
    serde_json::from_str(&text).map_err(|_| {
        misuse(
            "arg.invalid_value",
            &[("name", Param::Text(name.to_owned()))],
        )
    })
}

/// A JWK given as JSON text or as an object.
fn jwk_text(value: &JsValue, name: &str) -> Result<String, JsValue> {
    if let Some(s) = value.as_string() {
        return Ok(s);
    }
    if value.is_object() && !value.is_function() && !Array::is_array(value) {
        if let Some(s) = JSON::stringify(value).ok().and_then(|s| s.as_string()) {
            return Ok(s);
        }
    }
    Err(wrong_type(name, "JWK object or JSON string"))
}

fn locale_of(options: &JsValue) -> Result<Locale, JsValue> {
    Options::read(options, "options")?.locale()
}

/// `{ ok: true, value, warnings: [] }`.
pub(crate) fn ok_result(value: &JsValue) -> JsValue {
    let obj = Object::new();
    set(&obj, "ok", &JsValue::TRUE);
    set(&obj, "value", value);
    set(&obj, "warnings", &Array::new());
    obj.into()
}

/// A decryption outcome as a result: the bytes, or the error at the whole input (`""`).
#[cfg(feature = "sm")]
pub(crate) fn bytes_result(r: Result<Zeroizing<Vec<u8>>, CryptoError>, locale: Locale) -> JsValue {
    match r {
        Ok(plain) => ok_result(&Uint8Array::from(plain.as_slice()).into()),
        Err(e) => error_result(&[e.problem("")], locale),
    }
}

fn json_to_js(value: &serde_json::Value) -> Result<JsValue, JsValue> {
    JSON::parse(&hc::canonical_json(value)).map_err(|_| misuse("internal.conversion", &[]))
}

// ---- AEAD keys: held in wasm memory, known to JS by id -------------------------------------

thread_local! {
    static KEYS: RefCell<Vec<(u32, hc::AeadKey)>> = const { RefCell::new(Vec::new()) };
    static NEXT_KEY: Cell<u32> = const { Cell::new(1) };
}

fn register(key: hc::AeadKey) -> Result<u32, JsValue> {
    let id = NEXT_KEY.with(|n| {
        let id = n.get();
        n.set(id.checked_add(1).unwrap_or(1));
        id
    });
    KEYS.with(|k| {
        k.try_borrow_mut()
            .map(|mut keys| keys.push((id, key)))
            .map_err(|_| misuse("internal.conversion", &[]))
    })?;
    Ok(id)
}

/// A copy of the key with this id (wiped when dropped). `0` is "not an AeadKey"; an id that
/// is no longer registered is a freed key.
pub(crate) fn key(id: u32) -> Result<hc::AeadKey, JsValue> {
    if id == 0 {
        return Err(wrong_type("key", "AeadKey"));
    }
    KEYS.with(|k| {
        let keys = k
            .try_borrow()
            .map_err(|_| misuse("internal.conversion", &[]))?;
        keys.iter()
            .find(|(i, _)| *i == id)
            .map(|(_, key)| key.clone())
            .ok_or_else(|| misuse("crypto.key_freed", &[]))
    })
}

/// A new random AES-256 key; returns its id. Throws `entropy.unavailable`.
#[wasm_bindgen(js_name = aeadKeyGenerate)]
pub fn aead_key_generate() -> Result<u32, JsValue> {
    let key = hc::AeadKey::generate(&mut HostEntropy).map_err(thrown)?;
    register(key)
}

/// Imports 32 raw key bytes; returns the id. Throws `crypto.key_length` / `arg.invalid_type`.
#[wasm_bindgen(js_name = aeadKeyImport)]
pub fn aead_key_import(bytes: JsValue) -> Result<u32, JsValue> {
    let raw = Zeroizing::new(bytes_only(&bytes, "bytes")?);
    let key = hc::AeadKey::from_bytes(&raw).map_err(thrown)?;
    register(key)
}

/// The raw bytes of a key (a copy in JS that nobody wipes; hence the name).
#[wasm_bindgen(js_name = aeadKeyExportRawInsecure)]
pub fn aead_key_export_raw_insecure(id: u32) -> Result<Vec<u8>, JsValue> {
    Ok(key(id)?.export_raw_insecure().to_vec())
}

/// Forgets the key and wipes its bytes. Unknown ids are ignored (free is idempotent).
#[wasm_bindgen(js_name = aeadKeyFree)]
pub fn aead_key_free(id: u32) {
    KEYS.with(|k| {
        if let Ok(mut keys) = k.try_borrow_mut() {
            // Dropping the key wipes it (`Zeroizing`).
            keys.retain(|(i, _)| *i != id);
        }
    });
}

// ---- AEAD ------------------------------------------------------------------------------

/// AES-256-GCM: `nonce(12) ‖ ciphertext ‖ tag(16)` under a fresh random nonce.
#[wasm_bindgen(js_name = aeadEncrypt)]
pub fn aead_encrypt(key_id: u32, plaintext: JsValue, aad: JsValue) -> Result<Uint8Array, JsValue> {
    let key = key(key_id)?;
    let aad = opt_bytes(&aad, "aad")?;
    seal_js(&plaintext, |buf| {
        hc::aead_encrypt_in_place(&key, buf, aad.as_deref(), &mut HostEntropy)
    })
}

/// Opens what `aeadEncrypt` sealed: a result with the plaintext bytes.
#[wasm_bindgen(js_name = aeadDecrypt)]
pub fn aead_decrypt(
    key_id: u32,
    sealed: JsValue,
    aad: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let key = key(key_id)?;
    let aad = opt_bytes(&aad, "aad")?;
    let locale = locale_of(&options)?;
    open_js(&sealed, locale, |buf| {
        hc::aead_decrypt_in_place(&key, buf, aad.as_deref())
    })
}

/// Text in, unpadded base64url of the sealed bytes out.
#[wasm_bindgen(js_name = aeadEncryptString)]
pub fn aead_encrypt_string(key_id: u32, text: JsValue, aad: JsValue) -> Result<String, JsValue> {
    let key = key(key_id)?;
    let text = Zeroizing::new(string_arg(&text, "plaintext")?);
    let aad = opt_bytes(&aad, "aad")?;
    hc::aead_encrypt_string(&key, &text, aad.as_deref(), &mut HostEntropy).map_err(thrown)
}

/// Opens what `aeadEncryptString` produced: a result with the text.
#[wasm_bindgen(js_name = aeadDecryptString)]
pub fn aead_decrypt_string(
    key_id: u32,
    sealed: JsValue,
    aad: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let key = key(key_id)?;
    let sealed = string_arg(&sealed, "sealed")?;
    let aad = opt_bytes(&aad, "aad")?;
    let locale = locale_of(&options)?;
    Ok(
        match hc::aead_decrypt_string(&key, &sealed, aad.as_deref()).map(Zeroizing::new) {
            Ok(text) => ok_result(&JsValue::from_str(&text)),
            Err(e) => error_result(&[e.problem("")], locale),
        },
    )
}

// ---- sealed fields -----------------------------------------------------------------------

fn paths_arg(paths: &JsValue) -> Result<Vec<String>, JsValue> {
    if !Array::is_array(paths) {
        return Err(wrong_type("paths", "string[]"));
    }
    Array::from(paths)
        .iter()
        .map(|p| p.as_string().ok_or_else(|| wrong_type("paths", "string[]")))
        .collect()
}

/// A copy of `value` with the fields at `paths` sealed (`"hc1.…"`); a result.
#[wasm_bindgen(js_name = sealFields)]
pub fn seal_fields(
    value: JsValue,
    paths: JsValue,
    key_id: u32,
    aad: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let key = key(key_id)?;
    let value = json_arg(&value, "value")?;
    let paths = paths_arg(&paths)?;
    let aad = opt_bytes(&aad, "aad")?;
    let locale = locale_of(&options)?;
    match hc::seal_fields(&value, &paths, &key, aad.as_deref(), &mut HostEntropy) {
        Ok(sealed) => Ok(ok_result(&json_to_js(&sealed)?)),
        // Randomness running out is the host's problem, not the input's: thrown like elsewhere.
        Err(p) if p.code == CryptoError::EntropyUnavailable.code() => {
            Err(thrown(CryptoError::EntropyUnavailable))
        }
        Err(p) => Ok(error_result(&[p], locale)),
    }
}

/// A copy of `value` with the sealed fields at `paths` opened; a result.
#[wasm_bindgen(js_name = openFields)]
pub fn open_fields(
    value: JsValue,
    paths: JsValue,
    key_id: u32,
    aad: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let key = key(key_id)?;
    let value = json_arg(&value, "value")?;
    let paths = paths_arg(&paths)?;
    let aad = opt_bytes(&aad, "aad")?;
    let locale = locale_of(&options)?;
    match hc::open_fields(&value, &paths, &key, aad.as_deref()) {
        Ok(opened) => Ok(ok_result(&json_to_js(&opened)?)),
        Err(p) => Ok(error_result(&[p], locale)),
    }
}

// ---- JWE -------------------------------------------------------------------------------

/// Compact JWE (`ECDH-ES+A256KW` default, or `ECDH-ES`; `A256GCM`; P-256) of `payload`
/// (bytes, a string as UTF-8, or any other JSON value as canonical JSON) to the holder of the
/// private half of `recipient` (JWK object or JSON text).
#[wasm_bindgen(js_name = jweEncrypt)]
pub fn jwe_encrypt(
    payload: JsValue,
    recipient: JsValue,
    options: JsValue,
) -> Result<String, JsValue> {
    let recipient =
        hc::EcPublicJwk::from_json(&jwk_text(&recipient, "recipientPublicJwk")?).map_err(thrown)?;
    let options = if options.is_undefined() || options.is_null() {
        hc::JweOptions::default()
    } else {
        let text = JSON::stringify(&options)
            .ok()
            .and_then(|s| s.as_string())
            .filter(|_| options.is_object() && !Array::is_array(&options))
            .ok_or_else(|| wrong_type("options", "object"))?;
        serde_json::from_str(&text).map_err(|_| {
            misuse(
                "arg.invalid_value",
                &[("name", Param::Text("options".to_owned()))],
            )
        })?
    };
    let mut entropy = HostEntropy;
    let token = if let Some(bytes) = view_bytes(&payload) {
        let bytes = Zeroizing::new(bytes);
        hc::jwe_encrypt(&bytes, &recipient, &options, &mut entropy)
    } else if let Some(text) = payload.as_string() {
        let text = Zeroizing::new(text);
        hc::jwe_encrypt(text.as_bytes(), &recipient, &options, &mut entropy)
    } else {
        let value = json_arg(&payload, "payload")?;
        hc::jwe_encrypt_json(&value, &recipient, &options, &mut entropy)
    };
    token.map_err(thrown)
}

/// Opens a compact JWE with a private JWK: a result with `{ payload: Uint8Array, header }`.
#[wasm_bindgen(js_name = jweDecrypt)]
pub fn jwe_decrypt(
    compact: JsValue,
    private_jwk: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let compact = string_arg(&compact, "compact")?;
    let jwk_json = Zeroizing::new(jwk_text(&private_jwk, "privateJwk")?);
    let key = hc::EcPrivateJwk::from_json(&jwk_json).map_err(thrown)?;
    let locale = locale_of(&options)?;
    Ok(match hc::jwe_decrypt(&compact, &key) {
        Ok(opened) => {
            let value = Object::new();
            set(
                &value,
                "payload",
                &Uint8Array::from(opened.payload.as_slice()),
            );
            let header = serde_json::Value::Object(opened.header.clone());
            set(&value, "header", &json_to_js(&header)?);
            ok_result(&value)
        }
        Err(e) => error_result(&[e.problem("")], locale),
    })
}

/// A new P-256 key pair `{ publicJwk, privateJwk }` (objects; `kid` = RFC 7638 thumbprint).
/// For backends, tests and demos: a private key has no business inside the app.
#[wasm_bindgen(js_name = generateEcKeyPair)]
pub fn generate_ec_key_pair() -> Result<JsValue, JsValue> {
    let pair = hc::generate_ec_key_pair(&mut HostEntropy).map_err(thrown)?;
    let out = Object::new();
    let parse = |s: &str| JSON::parse(s).map_err(|_| misuse("internal.conversion", &[]));
    set(&out, "publicJwk", &parse(&pair.public_jwk)?);
    set(&out, "privateJwk", &parse(&pair.private_jwk)?);
    Ok(out.into())
}

/// Optional parts built into this module, e.g. `["sm"]`.
#[wasm_bindgen]
pub fn features() -> Array {
    let out = Array::new();
    if cfg!(feature = "pricing") {
        out.push(&JsValue::from_str("pricing"));
    }
    if cfg!(feature = "sm") {
        out.push(&JsValue::from_str("sm"));
    }
    if cfg!(feature = "drafts") {
        out.push(&JsValue::from_str("drafts"));
    }
    out
}
