//! Integers as decimal text without `core::fmt`, whose machinery is slow and large in wasm. Quotes,
//! form results and paths write many numbers; they all come through here.

/// Appends `n` in decimal (what `itoa` writes).
///
/// ```
/// let mut s = String::from("n=");
/// homecare_core::push_u64(&mut s, 1_234_567);
/// homecare_core::push_u64(&mut s, 0);
/// assert_eq!(s, "n=12345670");
/// ```
pub fn push_u64(out: &mut String, mut n: u64) {
    // u64::MAX has 20 digits.
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        if let Some(b) = buf.get_mut(at) {
            *b = b'0' + u8::try_from(n % 10).unwrap_or(0);
        }
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    out.push_str(core::str::from_utf8(buf.get(at..).unwrap_or(&[])).unwrap_or(""));
}

/// Appends `n` in decimal, negatives with `-` (what `itoa` writes).
///
/// ```
/// let mut s = String::new();
/// homecare_core::push_i64(&mut s, -120);
/// homecare_core::push_i64(&mut s, i64::MIN);
/// assert_eq!(s, format!("-120{}", i64::MIN));
/// ```
pub fn push_i64(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_u64(out, n.unsigned_abs());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_display() {
        for n in [
            0i64,
            7,
            10,
            99,
            100,
            -1,
            -10,
            i64::MAX,
            i64::MIN,
            1_000_000_007,
        ] {
            let mut s = String::new();
            push_i64(&mut s, n);
            assert_eq!(s, n.to_string());
        }
        let mut s = String::new();
        push_u64(&mut s, u64::MAX);
        assert_eq!(s, u64::MAX.to_string());
    }
}
