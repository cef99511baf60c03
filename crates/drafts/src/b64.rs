//! Standard base64 (RFC 4648 §4, padded) for sealed blobs in string storage.
//!
//! Why not `base64ct` (already linked through homecare-crypto): it is constant-time, which a
//! ciphertext at rest does not need, and it was the largest cost of a sealed 64 KiB
//! save+load (see the timing numbers in docs/drafts.md). This table-driven version is a few
//! hundred bytes of wasm and is tested against `base64ct`.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/// Marks a byte that is not in the alphabet.
const INVALID: u8 = 0xff;

/// byte → 6-bit value, or INVALID. Built at compile time.
const DECODE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0u8;
    while i < 64 {
        // Const evaluation: an out-of-range index would fail the build, not the app.
        #[allow(clippy::indexing_slicing, clippy::as_conversions)]
        {
            table[ALPHABET[i as usize] as usize] = i;
        }
        i += 1;
    }
    table
};

fn symbol(v: u32) -> u8 {
    let i = usize::try_from(v & 63).unwrap_or(0);
    ALPHABET.get(i).copied().unwrap_or(b'A')
}

/// Encodes `bytes` as padded standard base64.
pub(crate) fn encode(bytes: &[u8]) -> String {
    let mut out = vec![0u8; bytes.len().div_ceil(3) * 4];
    // Writing into a pre-sized buffer through zipped exact chunks lets the compiler drop
    // every bounds and capacity check in the hot loop.
    let mut src = bytes.chunks_exact(3);
    let mut dst = out.chunks_exact_mut(4);
    for (s, d) in (&mut src).zip(&mut dst) {
        if let ([a, b, c], [w, x, y, z]) = (s, d) {
            let n = (u32::from(*a) << 16) | (u32::from(*b) << 8) | u32::from(*c);
            *w = symbol(n >> 18);
            *x = symbol(n >> 12);
            *y = symbol(n >> 6);
            *z = symbol(n);
        }
    }
    if let Some([w, x, y, z]) = dst.next() {
        let (n, two) = match src.remainder() {
            [a] => (u32::from(*a) << 16, false),
            [a, b] => ((u32::from(*a) << 16) | (u32::from(*b) << 8), true),
            _ => (0, false),
        };
        *w = symbol(n >> 18);
        *x = symbol(n >> 12);
        *y = if two { symbol(n >> 6) } else { b'=' };
        *z = b'=';
    }
    // Only ALPHABET bytes and '=' were written: always valid UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

fn value(c: u8) -> Option<u32> {
    match DECODE.get(usize::from(c)).copied() {
        Some(INVALID) | None => None,
        Some(v) => Some(u32::from(v)),
    }
}

/// Decodes padded standard base64; `None` for any other input (wrong length, characters,
/// padding, or non-zero trailing bits).
pub(crate) fn decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    // The last quad may carry padding; all others are full.
    let (body, last) = bytes.split_at(bytes.len().saturating_sub(4));
    let mut out = vec![0u8; body.len() / 4 * 3];
    for (s, d) in body.chunks_exact(4).zip(out.chunks_exact_mut(3)) {
        if let ([a, b, c, e], [x, y, z]) = (s, d) {
            let n = (value(*a)? << 18) | (value(*b)? << 12) | (value(*c)? << 6) | value(*e)?;
            *x = byte(n >> 16);
            *y = byte(n >> 8);
            *z = byte(n);
        }
    }
    match last {
        [] => {}
        [a, b, b'=', b'='] => {
            let (a, b) = (value(*a)?, value(*b)?);
            if b & 0x0f != 0 {
                return None;
            }
            out.push(byte(((a << 18) | (b << 12)) >> 16));
        }
        [a, b, c, b'='] => {
            let (a, b, c) = (value(*a)?, value(*b)?, value(*c)?);
            if c & 0x03 != 0 {
                return None;
            }
            let n = (a << 18) | (b << 12) | (c << 6);
            out.extend_from_slice(&[byte(n >> 16), byte(n >> 8)]);
        }
        [a, b, c, e] => {
            let n = (value(*a)? << 18) | (value(*b)? << 12) | (value(*c)? << 6) | value(*e)?;
            out.extend_from_slice(&[byte(n >> 16), byte(n >> 8), byte(n)]);
        }
        _ => return None,
    }
    Some(out)
}

fn byte(n: u32) -> u8 {
    u8::try_from(n & 0xff).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64ct::{Base64, Encoding};
    use proptest::prelude::*;

    #[test]
    fn rfc4648_vectors() {
        for (plain, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), enc);
            assert_eq!(decode(enc).unwrap(), plain.as_bytes());
        }
    }

    #[test]
    fn rejects_malformed_input() {
        for bad in [
            "Zg=", "Zg===", "Z===", "Zh==", "Zm9=", "Zm 9", "=Zm9", "Zg==Zg==", "Zm9v\n",
        ] {
            assert_eq!(decode(bad), None, "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn agrees_with_base64ct(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let ours = encode(&bytes);
            prop_assert_eq!(&ours, &Base64::encode_string(&bytes));
            prop_assert_eq!(decode(&ours).unwrap(), bytes);
        }

        #[test]
        fn decode_never_panics_and_agrees_on_acceptance(text in "[A-Za-z0-9+/=]{0,24}") {
            let ours = decode(&text);
            let theirs = Base64::decode_vec(&text).ok();
            prop_assert_eq!(ours, theirs);
        }
    }
}
