//! The entropy bridge: randomness comes from the host (`crypto.getRandomValues` on web and
//! Node, the `wx.getRandomValues` pool of the weapp entry). If the host has none, or the pool
//! is drained, the answer is the error `entropy.unavailable`, never a weaker source.

use crate::error::misuse;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// Fills `buf` from the host, or throws `HomecareError { code: 'entropy.unavailable' }`.
pub fn fill(buf: &mut [u8]) -> Result<(), JsValue> {
    getrandom::fill(buf).map_err(|_| misuse("entropy.unavailable", &[]))
}

/// A random (version 4) UUID in canonical lower-case form, e.g. for idempotency keys.
///
/// Throws `HomecareError` with code `entropy.unavailable` when the host has no secure
/// randomness available.
#[wasm_bindgen(js_name = randomUuid)]
pub fn random_uuid() -> Result<String, JsValue> {
    let mut b = [0u8; 16];
    fill(&mut b)?;
    Ok(format_uuid_v4(b))
}

/// Sets the version and variant bits of RFC 9562 §5.4 and formats 8-4-4-4-12.
fn format_uuid_v4(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let mut s = String::with_capacity(36);
    for (i, byte) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            s.push('-');
        }
        for nibble in [byte >> 4, byte & 0x0f] {
            // A nibble is always < 16, so from_digit always answers.
            s.extend(char::from_digit(u32::from(nibble), 16));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::format_uuid_v4;

    #[test]
    fn uuid_layout_and_bits() {
        let s = format_uuid_v4([0xff; 16]);
        assert_eq!(s, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let s = format_uuid_v4([0; 16]);
        assert_eq!(s, "00000000-0000-4000-8000-000000000000");
    }
}
