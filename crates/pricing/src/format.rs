//! Money as text: `¥1,234.50` for screens and Chinese upper-case amounts (大写) for receipts.

/// Formats fen as yuan.
///
/// * `upper = false`: `¥` + yuan with a comma every three digits (the grouping WeChat Pay and
///   bank apps show) + `.` + exactly two decimals; negatives as `-¥12.00`.
/// * `upper = true`: the Chinese upper-case amount written on receipts, following the
///   People's Bank rules for 票据 (see [`docs/pricing.md`]): `元整` after a whole yuan,
///   `零` for a zero 角 before a non-zero 分 (`壹元零伍分`), one `零` for any run of zeros
///   between non-zero digits (`壹仟零伍元`), no `零` where the rules make it optional
///   (`壹拾万柒仟元`, `壹仟陆佰捌拾元叁角贰分`), `拾` always with its digit (`壹拾元整`),
///   `负` before negatives, and `亿亿` above 10¹⁶ yuan.
///
/// ```
/// use homecare_pricing::format_fen;
/// assert_eq!(format_fen(123_450, false), "¥1,234.50");
/// assert_eq!(format_fen(-5, false), "-¥0.05");
/// assert_eq!(format_fen(10_000, true), "壹佰元整");
/// assert_eq!(format_fen(100_550, true), "壹仟零伍元伍角");
/// assert_eq!(format_fen(-1_000_005, true), "负壹万元零伍分");
/// ```
pub fn format_fen(fen: i64, upper: bool) -> String {
    if upper {
        format_upper(fen)
    } else {
        let mut out = String::with_capacity(24);
        push_yuan(&mut out, fen);
        out
    }
}

/// Appends `¥1,234.50` to `out` (no allocation beyond `out` growing).
pub(crate) fn push_yuan(out: &mut String, fen: i64) {
    if fen < 0 {
        out.push('-');
    }
    out.push('¥');
    let abs = fen.unsigned_abs();
    // Written right to left into one stack buffer: `1,234.50`.
    let mut buf = [0u8; 32];
    let mut at = buf.len();
    let mut put = |b: u8| {
        at -= 1;
        if let Some(slot) = buf.get_mut(at) {
            *slot = b;
        }
    };
    let digit = |n: u64| b'0' + u8::try_from(n % 10).unwrap_or(0);
    put(digit(abs));
    put(digit(abs / 10));
    put(b'.');
    let mut yuan = abs / 100;
    let mut count = 0;
    loop {
        if count > 0 && count % 3 == 0 {
            put(b',');
        }
        put(digit(yuan));
        count += 1;
        yuan /= 10;
        if yuan == 0 {
            break;
        }
    }
    push_ascii(out, buf.get(at..).unwrap_or(&[]));
}

/// Appends ASCII bytes (digits, `,` and `.`).
fn push_ascii(out: &mut String, bytes: &[u8]) {
    out.push_str(core::str::from_utf8(bytes).unwrap_or(""));
}

fn ascii_digit(d: u64) -> char {
    char::from_digit(u32::try_from(d % 10).unwrap_or(0), 10).unwrap_or('0')
}

// Decimal integers: homecare-core's writer, shared with the forms crate.
pub(crate) use homecare_core::{push_i64, push_u64};

/// `5150` metres → `5.2` (kilometres, one decimal, rounded half up). Display only: money is
/// computed from whole metres.
pub(crate) fn push_km(out: &mut String, metres: i64) {
    let tenths = (metres.unsigned_abs() + 50) / 100;
    if metres < 0 {
        out.push('-');
    }
    push_u64(out, tenths / 10);
    out.push('.');
    out.push(ascii_digit(tenths % 10));
}

/// `2000` bp → `20%`, `1250` → `12.5%`, `5` → `0.05%`.
pub(crate) fn push_percent(out: &mut String, bp: i64) {
    let abs = bp.unsigned_abs();
    if bp < 0 {
        out.push('-');
    }
    push_u64(out, abs / 100);
    let frac = abs % 100;
    if frac != 0 {
        out.push('.');
        out.push(ascii_digit(frac / 10));
        if !frac.is_multiple_of(10) {
            out.push(ascii_digit(frac % 10));
        }
    }
    out.push('%');
}

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SECTION_UNITS: [&str; 4] = ["仟", "佰", "拾", ""];

fn digit(n: u64) -> char {
    usize::try_from(n % 10)
        .ok()
        .and_then(|i| DIGITS.get(i).copied())
        .unwrap_or('零')
}

fn format_upper(fen: i64) -> String {
    let mut out = String::with_capacity(48);
    if fen < 0 {
        out.push('负');
    }
    let abs = fen.unsigned_abs();
    let yuan = abs / 100;
    let jiao = (abs / 10) % 10;
    let fen_digit = abs % 10;
    if yuan > 0 {
        push_upper_integer(&mut out, yuan);
        out.push('元');
    }
    match (jiao, fen_digit) {
        (0, 0) => {
            if yuan == 0 {
                out.push_str("零元");
            }
            out.push('整');
        }
        (0, f) => {
            // A zero 角 between 元 and a non-zero 分 must be written (壹元零伍分).
            if yuan > 0 {
                out.push('零');
            }
            out.push(digit(f));
            out.push('分');
        }
        (j, f) => {
            out.push(digit(j));
            out.push('角');
            if f > 0 {
                out.push(digit(f));
                out.push('分');
            }
        }
    }
    out
}

/// Writes `n > 0` with 万/亿 sections. A lower section with leading zeros gets one `零`.
fn push_upper_integer(out: &mut String, n: u64) {
    const YI: u64 = 100_000_000;
    const WAN: u64 = 10_000;
    let (high, low, unit, low_full) = if n >= YI {
        (n / YI, n % YI, '亿', YI / 10)
    } else if n >= WAN {
        (n / WAN, n % WAN, '万', WAN / 10)
    } else {
        push_upper_section(out, n);
        return;
    };
    push_upper_integer(out, high);
    out.push(unit);
    if low > 0 {
        if low < low_full {
            out.push('零');
        }
        push_upper_integer(out, low);
    }
}

/// Writes `0 < n < 10 000`: one `零` for a run of inner zeros, none for trailing zeros.
fn push_upper_section(out: &mut String, n: u64) {
    let mut pending_zero = false;
    let mut started = false;
    for (i, unit) in SECTION_UNITS.iter().enumerate() {
        let power = 10u64.pow(3u32.saturating_sub(u32::try_from(i).unwrap_or(3)));
        let d = (n / power) % 10;
        if d == 0 {
            pending_zero = started;
        } else {
            if pending_zero {
                out.push('零');
            }
            out.push(digit(d));
            out.push_str(unit);
            pending_zero = false;
            started = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_grouping_and_decimals() {
        for (fen, text) in [
            (0, "¥0.00"),
            (1, "¥0.01"),
            (10, "¥0.10"),
            (99_999, "¥999.99"),
            (100_000, "¥1,000.00"),
            (123_456_789, "¥1,234,567.89"),
            (-123_450, "-¥1,234.50"),
            (i64::MAX, "¥92,233,720,368,547,758.07"),
            (i64::MIN, "-¥92,233,720,368,547,758.08"),
        ] {
            assert_eq!(format_fen(fen, false), text, "{fen}");
        }
    }

    #[test]
    // Grouped as yuan_fen (`100_000_000_00`) so the yuan reads at a glance.
    #[allow(clippy::inconsistent_digit_grouping)]
    fn upper_case_rules() {
        for (fen, text) in [
            (0, "零元整"),
            (1, "壹分"),
            (10, "壹角"),
            (11, "壹角壹分"),
            (100, "壹元整"),
            (105, "壹元零伍分"),
            (150, "壹元伍角"),
            (1_000, "壹拾元整"),
            (1_005, "壹拾元零伍分"),
            (1_050, "壹拾元伍角"),
            (1_500, "壹拾伍元整"),
            (10_000, "壹佰元整"),
            (10_100, "壹佰零壹元整"),
            (11_000, "壹佰壹拾元整"),
            (100_000, "壹仟元整"),
            (100_500, "壹仟零伍元整"),
            (100_550, "壹仟零伍元伍角"),
            (105_000, "壹仟零伍拾元整"),
            (168_032, "壹仟陆佰捌拾元叁角贰分"),
            (1_000_000, "壹万元整"),
            (1_000_500, "壹万零伍元整"),
            (1_050_000, "壹万零伍佰元整"),
            (1_100_000, "壹万壹仟元整"),
            (1_640_902, "壹万陆仟肆佰零玖元零贰分"),
            (10_000_000, "壹拾万元整"),
            (10_700_053, "壹拾万柒仟元伍角叁分"),
            (10_000_500, "壹拾万零伍元整"),
            (100_000_000_00, "壹亿元整"),
            (100_000_001_00, "壹亿零壹元整"),
            (100_010_000_00, "壹亿零壹万元整"),
            (123_450_000_00, "壹亿贰仟叁佰肆拾伍万元整"),
            (1_000_000_000_000_00, "壹万亿元整"),
            (1_000_000_000_000_000_00, "壹仟万亿元整"),
            (1_000_000_000_000_000_000, "壹亿亿元整"),
            (-100, "负壹元整"),
            (-5, "负伍分"),
            (
                i64::MAX,
                "玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分",
            ),
            (
                i64::MIN,
                "负玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零捌分",
            ),
            (2_000_000_100, "贰仟万零壹元整"),
            (3_000_100_000, "叁仟万壹仟元整"),
            (101_010_100, "壹佰零壹万零壹佰零壹元整"),
        ] {
            assert_eq!(format_fen(fen, true), text, "{fen}");
        }
    }

    #[test]
    fn km_and_percent() {
        let mut s = String::new();
        push_km(&mut s, 5_150);
        s.push(' ');
        push_km(&mut s, 0);
        s.push(' ');
        push_km(&mut s, 12_049);
        assert_eq!(s, "5.2 0.0 12.0");
        let mut p = String::new();
        for bp in [2_000, 1_250, 5, 10_000, 1_205] {
            push_percent(&mut p, bp);
            p.push(' ');
        }
        assert_eq!(p, "20% 12.5% 0.05% 100% 12.05% ");
        let mut n = String::new();
        push_i64(&mut n, -120);
        n.push(' ');
        push_u64(&mut n, 0);
        n.push(' ');
        push_i64(&mut n, i64::MIN);
        assert_eq!(n, "-120 0 -9223372036854775808");
    }
}
