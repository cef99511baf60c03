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

/// The two symbols of every 12-bit value (`[ALPHABET[v >> 6], ALPHABET[v & 63]]`): one
/// lookup per two output characters, which halves the lookups of the hot loop. 8 KiB, built
/// on first use rather than at compile time: as data it cost 4.4 KB of brotli wasm.
type Pairs = [[u8; 2]; 4096];

fn pairs() -> Box<Pairs> {
    let mut table = Box::new([[0u8; 2]; 4096]);
    for (i, p) in table.iter_mut().enumerate() {
        *p = [
            ALPHABET.get(i >> 6).copied().unwrap_or(b'A'),
            ALPHABET.get(i & 63).copied().unwrap_or(b'A'),
        ];
    }
    table
}

thread_local! {
    static PAIRS: Box<Pairs> = pairs();
}

fn pair(table: &Pairs, v: u32) -> [u8; 2] {
    let i = usize::try_from(v & 0xfff).unwrap_or(0);
    table.get(i).copied().unwrap_or([b'A'; 2])
}

/// Encodes `bytes` as padded standard base64.
pub(crate) fn encode(bytes: &[u8]) -> String {
    PAIRS.with(|table| encode_with(table, bytes))
}

fn encode_with(table: &Pairs, bytes: &[u8]) -> String {
    let mut out = vec![0u8; bytes.len().div_ceil(3) * 4];
    // Writing into a pre-sized buffer through zipped exact chunks lets the compiler drop
    // every bounds and capacity check in the hot loop; six bytes (eight symbols) a round.
    let rounds = bytes.len() / 6;
    let (body, tail) = out.split_at_mut(rounds * 8);
    let mut src = bytes.chunks_exact(6);
    for (s, d) in (&mut src).zip(body.chunks_exact_mut(8)) {
        if let ([a, b, c, e, f, g], [o0, o1, o2, o3, o4, o5, o6, o7]) = (s, d) {
            let n = (u32::from(*a) << 16) | (u32::from(*b) << 8) | u32::from(*c);
            let m = (u32::from(*e) << 16) | (u32::from(*f) << 8) | u32::from(*g);
            [*o0, *o1] = pair(table, n >> 12);
            [*o2, *o3] = pair(table, n);
            [*o4, *o5] = pair(table, m >> 12);
            [*o6, *o7] = pair(table, m);
        }
    }
    let mut src = src.remainder().chunks_exact(3);
    let mut dst = tail.chunks_exact_mut(4);
    for (s, d) in (&mut src).zip(&mut dst) {
        if let ([a, b, c], [w, x, y, z]) = (s, d) {
            let n = (u32::from(*a) << 16) | (u32::from(*b) << 8) | u32::from(*c);
            [*w, *x] = pair(table, n >> 12);
            [*y, *z] = pair(table, n);
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

/// The table entry of `c`: its 6-bit value, or `INVALID` (which has bits above the low six).
fn raw(c: u8) -> u32 {
    u32::from(DECODE.get(usize::from(c)).copied().unwrap_or(INVALID))
}

/// Each symbol's value already shifted to its place in a quad (`[v << 18, v << 12, v << 6,
/// v]`, one table per place), `BAD` for a byte outside the alphabet: a quad is four lookups
/// OR-ed together, and one OR of all quads tells whether any symbol was bad. 4 KiB, built on
/// first use (a third fewer instructions per symbol than shifting one table's values).
type Shifted = [[u32; 256]; 4];
const BAD: u32 = 1 << 31;

fn shifted() -> Box<Shifted> {
    let mut t = Box::new([[BAD; 256]; 4]);
    for (place, table) in t.iter_mut().enumerate() {
        let shift = 18 - 6 * u32::try_from(place).unwrap_or(0);
        for (c, v) in table.iter_mut().enumerate() {
            let r = raw(u8::try_from(c).unwrap_or(b'='));
            if r < 64 {
                *v = r << shift;
            }
        }
    }
    t
}

thread_local! {
    static SHIFTED: Box<Shifted> = shifted();
}

/// Decodes whole quads of `body` into `out` (three bytes per four symbols); returns the OR
/// of the quads, which has [`BAD`] set when a symbol was outside the alphabet.
fn decode_body(t: &Shifted, body: &[u8], out: &mut [u8]) -> u32 {
    let [t0, t1, t2, t3] = t;
    let look = |table: &[u32; 256], c: u8| table.get(usize::from(c)).copied().unwrap_or(BAD);
    let quad = |a: u8, b: u8, c: u8, e: u8| look(t0, a) | look(t1, b) | look(t2, c) | look(t3, e);
    let mut bad = 0u32;
    let mut src = body.chunks_exact(8);
    let mut dst = out.chunks_exact_mut(6);
    for (s, d) in (&mut src).zip(&mut dst) {
        if let ([a, b, c, e, f, g, h, k], [o0, o1, o2, o3, o4, o5]) = (s, d) {
            let n = quad(*a, *b, *c, *e);
            let m = quad(*f, *g, *h, *k);
            bad |= n | m;
            *o0 = byte(n >> 16);
            *o1 = byte(n >> 8);
            *o2 = byte(n);
            *o3 = byte(m >> 16);
            *o4 = byte(m >> 8);
            *o5 = byte(m);
        }
    }
    for (s, d) in src
        .remainder()
        .chunks_exact(4)
        .zip(dst.into_remainder().chunks_exact_mut(3))
    {
        if let ([a, b, c, e], [x, y, z]) = (s, d) {
            let n = quad(*a, *b, *c, *e);
            bad |= n;
            *x = byte(n >> 16);
            *y = byte(n >> 8);
            *z = byte(n);
        }
    }
    bad
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
    let bad = SHIFTED.with(|t| decode_body(t, body, &mut out));
    if bad & BAD != 0 {
        return None;
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
            "Zg=",
            "Zg===",
            "Z===",
            "Zh==",
            "Zm9=",
            "Zm 9",
            "=Zm9",
            "Zg==Zg==",
            "Zm9v\n",
            // a bad symbol in each lane of the eight-symbol loop and of the four-symbol tail
            "*m9vYmFyZm9v",
            "Zm9vYmF*Zm9v",
            "Zm9=YmFyZm9v",
            "Zm9vYmFyZ\u{e9}9",
            "Zm9vYmFyZm9vYmFy*m9v",
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
        fn a_flipped_symbol_never_decodes_to_the_same_bytes(
            bytes in proptest::collection::vec(any::<u8>(), 1..100),
            at in any::<prop::sample::Index>(),
            to in any::<u8>(),
        ) {
            let mut text = encode(&bytes).into_bytes();
            let i = at.index(text.len());
            text[i] = to;
            if let Ok(text) = String::from_utf8(text) {
                let theirs = Base64::decode_vec(&text).ok();
                prop_assert_eq!(decode(&text), theirs);
            }
        }

        #[test]
        fn decode_never_panics_and_agrees_on_acceptance(text in "[A-Za-z0-9+/=]{0,24}") {
            let ours = decode(&text);
            let theirs = Base64::decode_vec(&text).ok();
            prop_assert_eq!(ours, theirs);
        }
    }
}
