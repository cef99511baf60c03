//! jwe_decrypt on arbitrary text with the jose vector's private key: malformed, tampered or
//! foreign tokens are errors, never panics. Seeds: tests/vectors/crypto/jwe_jose.json.
#![no_main]

use homecare_crypto::{jwe_decrypt, EcPrivateJwk};
use libfuzzer_sys::fuzz_target;

const PRIVATE_JWK: &str = r#"{"kty":"EC","crv":"P-256","x":"DavLJAL7d3GvBoLnGbErDyv_r_d49EEdQmWQP1elUnI","y":"5qV6jRY1SY_DJadXBox-Fjp_mM1P5TebGjG0_rBaK50","d":"MxGzNcwLjlbw_8ppRRVnF4XTL5vDvyERkvuj5p7yykU","kid":"homecare-2026-11"}"#;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(key) = EcPrivateJwk::from_json(PRIVATE_JWK) else {
        return;
    };
    let _ = jwe_decrypt(text, &key);
    let _ = EcPrivateJwk::from_json(text);
});
