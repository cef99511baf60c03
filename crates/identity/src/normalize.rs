//! Character clean-up every parser here shares: full-width to half-width, separators.
//!
//! Users paste numbers from chat apps and Chinese input methods, which produce full-width
//! digits (`１２３`), the ideographic space (U+3000) and a zoo of dashes. Each parser maps
//! these to ASCII first and validates the result, so the canonical value is what is checked.

/// Maps a full-width ASCII variant (U+FF01..=U+FF5E) to its ASCII form and the ideographic
/// space to a space; every other character is returned unchanged.
///
/// ```
/// use homecare_identity::halfwidth;
/// assert_eq!(halfwidth('９'), '9');
/// assert_eq!(halfwidth('Ｘ'), 'X');
/// assert_eq!(halfwidth('\u{3000}'), ' ');
/// assert_eq!(halfwidth('张'), '张');
/// ```
pub fn halfwidth(c: char) -> char {
    let code = u32::from(c);
    match code {
        0xFF01..=0xFF5E => char::from_u32(code - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// Dashes people type between digit groups: ASCII hyphen, the Unicode hyphens and dashes,
/// the minus sign and the full-width hyphen (already mapped by [`halfwidth`]).
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2212}'
            | '\u{FE63}'
    )
}

/// A separator to drop inside a number: whitespace (incl. NBSP, U+3000) or a dash.
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == '\u{00A0}' || is_dash(c)
}

/// `s` with full-width forms mapped, separators dropped and ASCII letters upper-cased.
pub(crate) fn compact_upper(s: &str) -> String {
    s.chars()
        .map(halfwidth)
        .filter(|c| !is_separator(*c))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The value of an ASCII digit.
#[inline]
pub(crate) fn digit(b: u8) -> Option<u32> {
    // One compare instead of two: bytes below '0' wrap around to large values.
    let d = b.wrapping_sub(b'0');
    (d < 10).then_some(u32::from(d))
}

/// The number spelled by ASCII digits (at most 9 of them, so it fits a u32).
#[inline]
pub(crate) fn number(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 9 {
        return None;
    }
    // A plain loop: parsing runs on every keystroke and in 10,000-number batches, and the
    // Option-threading fold measured ~45 instructions per call.
    let mut acc = 0u32;
    for b in bytes {
        acc = acc * 10 + digit(*b)?;
    }
    Some(acc)
}

/// Whether every byte is an ASCII digit, eight bytes per step (this check runs on every
/// number twice: the plain-input fast path and the shape).
#[inline]
pub(crate) fn all_digits(b: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = b.chunks_exact(8);
    for chunk in &mut chunks {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            return false;
        };
        let x = u64::from_le_bytes(bytes);
        // With every byte below 0x80, a byte below '0' sets its high bit in x - 0x30… (the
        // lowest such byte is never disturbed by a borrow) and a byte above '9' sets it in
        // x + 0x46… (no carries: 0x7F + 0x46 < 0x100).
        let outside =
            x | x.wrapping_sub(0x3030_3030_3030_3030) | x.wrapping_add(0x4646_4646_4646_4646);
        if outside & HIGH != 0 {
            return false;
        }
    }
    chunks.remainder().iter().all(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_compaction() {
        assert_eq!(number(b"0042"), Some(42));
        assert_eq!(number(b""), None);
        assert_eq!(number(b"4x"), None);
        assert_eq!(compact_upper(" ａb-c "), "ABC");
    }
}
