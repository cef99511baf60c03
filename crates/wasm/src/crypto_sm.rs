//! 国密 exports (cargo feature `sm` of homecare-wasm): SM4-GCM, SM2 (C1C3C2), SM3, HMAC-SM3.
//! Same shapes as `crypto.rs`: keys and ciphertexts are `Uint8Array`; plaintexts and data may
//! be strings (UTF-8); encryption throws on misuse, decryption returns a result.

use crate::crypto::{
    bytes_only, bytes_or_text, bytes_result, open_js, opt_bytes, seal_into, seal_js, thrown,
};
use crate::entropy::HostEntropy;
use crate::error::{misuse, set};
use crate::interop::Options;
use homecare_core::Param;
use homecare_crypto::{self as hc, Sm2PointFormat, Zeroizing};
use js_sys::{Object, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// SM4-GCM (RFC 8998) under a 16-byte key: `nonce(12) ‖ ciphertext ‖ tag(16)`.
#[wasm_bindgen(js_name = sm4GcmEncrypt)]
pub fn sm4_gcm_encrypt(
    key: JsValue,
    plaintext: JsValue,
    aad: JsValue,
) -> Result<Uint8Array, JsValue> {
    let key = Zeroizing::new(bytes_only(&key, "key")?);
    let aad = opt_bytes(&aad, "aad")?;
    seal_js(&plaintext, |buf| {
        hc::sm4_gcm_encrypt_in_place(&key, buf, aad.as_deref(), &mut HostEntropy)
    })
}

/// `sm4GcmEncrypt` for `Uint8Array` key and plaintext, sealed in place in `sealed` = `nonce
/// slot(12) ‖ plaintext ‖ tag slot(16)` (the glue's fast path, `crypto::seal_into`). The key
/// arrives as an owned copy and is wiped when dropped.
#[wasm_bindgen(js_name = sm4GcmSealInto)]
pub fn sm4_gcm_seal_into(
    key: Vec<u8>,
    sealed: &mut [u8],
    aad: Option<Vec<u8>>,
) -> Result<(), JsValue> {
    let key = Zeroizing::new(key);
    seal_into(sealed, |buf| {
        hc::sm4_gcm_encrypt_in_place(&key, buf, aad.as_deref(), &mut HostEntropy)
    })
}

/// Opens `sm4GcmEncrypt` output: a result with the plaintext bytes. A key that is not 16
/// bytes throws `crypto.key_length`.
#[wasm_bindgen(js_name = sm4GcmDecrypt)]
pub fn sm4_gcm_decrypt(
    key: JsValue,
    sealed: JsValue,
    aad: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let key = Zeroizing::new(bytes_only(&key, "key")?);
    if key.len() != hc::SM4_KEY_LEN {
        return Err(thrown(hc::CryptoError::KeyLength));
    }
    let aad = opt_bytes(&aad, "aad")?;
    let locale = Options::read(&options, "options")?.locale()?;
    open_js(&sealed, locale, |buf| {
        hc::sm4_gcm_decrypt_in_place(&key, buf, aad.as_deref())
    })
}

/// SM2 encryption (C1C3C2) to a public key (`04‖x‖y`, bare `x‖y` or compressed).
/// `options.format`: `'prefixed'` (default, C1 = `04‖x‖y`) or `'bare'` (no `04`, as npm
/// `sm-crypto`/`sm-crypto-v2` write).
#[wasm_bindgen(js_name = sm2Encrypt)]
pub fn sm2_encrypt(
    public_key: JsValue,
    plaintext: JsValue,
    options: JsValue,
) -> Result<Vec<u8>, JsValue> {
    let key =
        hc::Sm2PublicKey::from_sec1(&bytes_only(&public_key, "publicKey")?).map_err(thrown)?;
    let plain = Zeroizing::new(bytes_or_text(&plaintext, "plaintext")?);
    let format = match Options::read(&options, "options")?
        .string("format")?
        .as_deref()
    {
        None | Some("prefixed") => Sm2PointFormat::Prefixed,
        Some("bare") => Sm2PointFormat::Bare,
        Some(_) => {
            return Err(misuse(
                "arg.invalid_value",
                &[("name", Param::Text("format".to_owned()))],
            ))
        }
    };
    hc::sm2_encrypt(&key, &plain, format, &mut HostEntropy).map_err(thrown)
}

/// Opens an SM2 C1C3C2 ciphertext (C1 with or without `04`): a result with the bytes. A
/// private key that is not a valid 32-byte scalar throws `sm2.key_invalid`.
#[wasm_bindgen(js_name = sm2Decrypt)]
pub fn sm2_decrypt(
    private_key: JsValue,
    ciphertext: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let raw = Zeroizing::new(bytes_only(&private_key, "privateKey")?);
    let key = hc::Sm2PrivateKey::from_bytes(&raw).map_err(thrown)?;
    let ciphertext = bytes_only(&ciphertext, "ciphertext")?;
    let locale = Options::read(&options, "options")?.locale()?;
    Ok(bytes_result(hc::sm2_decrypt(&key, &ciphertext), locale))
}

/// A new SM2 key pair `{ publicKey: Uint8Array(65) (04‖x‖y), privateKey: Uint8Array(32) }`.
/// For backends, tests and demos.
#[wasm_bindgen(js_name = sm2GenerateKeyPair)]
pub fn sm2_generate_key_pair() -> Result<JsValue, JsValue> {
    let key = hc::Sm2PrivateKey::generate(&mut HostEntropy).map_err(thrown)?;
    let out = Object::new();
    set(
        &out,
        "publicKey",
        &Uint8Array::from(key.public_key().to_sec1().as_slice()),
    );
    set(
        &out,
        "privateKey",
        &Uint8Array::from(key.export_raw_insecure().as_slice()),
    );
    Ok(out.into())
}

/// SM3 digest (32 bytes) of bytes or a string (UTF-8).
#[wasm_bindgen]
pub fn sm3(data: JsValue) -> Result<Vec<u8>, JsValue> {
    Ok(hc::sm3(&bytes_or_text(&data, "data")?).to_vec())
}

/// HMAC-SM3 (32 bytes); key and data are bytes or strings (UTF-8).
#[wasm_bindgen(js_name = hmacSm3)]
pub fn hmac_sm3(key: JsValue, data: JsValue) -> Result<Vec<u8>, JsValue> {
    let key = Zeroizing::new(bytes_or_text(&key, "key")?);
    Ok(hc::hmac_sm3(&key, &bytes_or_text(&data, "data")?).to_vec())
}
