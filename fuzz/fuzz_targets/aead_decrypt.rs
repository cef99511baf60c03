//! aead_decrypt on arbitrary bytes: only the right key, nonce and tag open; nothing panics.
#![no_main]

use homecare_crypto::{aead_decrypt, AeadKey};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(key) = AeadKey::from_bytes(&[7u8; 32]) else {
        return;
    };
    let _ = aead_decrypt(&key, data, None);
    let _ = aead_decrypt(&key, data, Some(b"aad"));
});
