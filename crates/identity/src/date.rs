//! A calendar date without a clock: the "as of" day always comes in as an argument.

use core::fmt;

/// A Gregorian calendar date (proleptic), year 1..=9999.
///
/// ```
/// use homecare_identity::Date;
/// let d = Date::parse("2024-02-29").unwrap();
/// assert_eq!(d.to_string(), "2024-02-29");
/// assert!(Date::parse("2023-02-29").is_none());
/// assert!(Date::new(1900, 2, 29).is_none()); // 1900 is not a leap year
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Days in `month` of `year` (the one calendar rule, in homecare-core).
pub(crate) fn days_in_month(year: u16, month: u8) -> u8 {
    homecare_core::days_in_month(i64::from(year), i64::from(month))
}

impl Date {
    /// The date, if it exists on the calendar (leap years included).
    #[inline]
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        ((1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (exactly that shape).
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        Self::from_digits(b.get(0..4)?, b.get(5..7)?, b.get(8..10)?)
    }

    /// The date spelled by ASCII digit groups (`"1990"`, `"01"`, `"31"`).
    pub(crate) fn from_digits(y: &[u8], m: &[u8], d: &[u8]) -> Option<Date> {
        let year = u16::try_from(crate::normalize::number(y)?).ok()?;
        let month = u8::try_from(crate::normalize::number(m)?).ok()?;
        let day = u8::try_from(crate::normalize::number(d)?).ok()?;
        Date::new(year, month, day)
    }

    /// The date spelled by eight ASCII digits `YYYYMMDD`: checked and read eight bytes at a
    /// time (this runs on every ID parse; three digit-group reads measured ~130 instructions).
    #[inline]
    pub(crate) fn from_yyyymmdd(digits: &[u8; 8]) -> Option<Date> {
        if !crate::normalize::all_digits(digits) {
            return None;
        }
        // Byte i (little-endian) holds digit i: fold pairs, then quads, then the halves.
        let x = u64::from_le_bytes(*digits).wrapping_sub(0x3030_3030_3030_3030);
        let x = (x.wrapping_mul(10) + (x >> 8)) & 0x00FF_00FF_00FF_00FF;
        let x = (x.wrapping_mul(100) + (x >> 16)) & 0x0000_FFFF_0000_FFFF;
        let n = (x.wrapping_mul(10_000) + (x >> 32)) & 0xFFFF_FFFF;
        let year = u16::try_from(n / 10_000).ok()?;
        let month = u8::try_from(n / 100 % 100).ok()?;
        let day = u8::try_from(n % 100).ok()?;
        Date::new(year, month, day)
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1..=12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1..=31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Whole years (周岁) from `self` to `as_of`; `None` if `as_of` is earlier. Someone born on
    /// 29 February becomes a year older on 1 March in common years.
    ///
    /// ```
    /// use homecare_identity::Date;
    /// let born = Date::new(1949, 12, 31).unwrap();
    /// assert_eq!(born.age_on(Date::new(2024, 12, 30).unwrap()), Some(74));
    /// assert_eq!(born.age_on(Date::new(2024, 12, 31).unwrap()), Some(75));
    /// ```
    #[inline]
    pub fn age_on(self, as_of: Date) -> Option<u16> {
        if as_of < self {
            return None;
        }
        let years = as_of.year - self.year;
        Some(if (as_of.month, as_of.day) < (self.month, self.day) {
            years - 1
        } else {
            years
        })
    }

    /// Writes `YYYYMMDD` digits into `out` (8 bytes).
    pub(crate) fn write_compact_digits(self, out: &mut [u8; 8]) {
        let mut y = self.year;
        for slot in out.iter_mut().take(4).rev() {
            *slot = digit_byte(y % 10);
            y /= 10;
        }
        let [_, _, _, _, m1, m2, d1, d2] = out;
        *m1 = digit_byte(u16::from(self.month / 10));
        *m2 = digit_byte(u16::from(self.month % 10));
        *d1 = digit_byte(u16::from(self.day / 10));
        *d2 = digit_byte(u16::from(self.day % 10));
    }

    /// A day count (days since 0000-03-01) used to pick dates in a range.
    pub(crate) fn ordinal_days(self) -> i64 {
        // Days since 0000-03-01 (civil-from-days inverse); only differences are used.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let m = i64::from(self.month);
        let d = i64::from(self.day);
        let mp = (m + 9) % 12;
        365 * y + y / 4 - y / 100 + y / 400 + (153 * mp + 2) / 5 + d - 1
    }

    /// The inverse of [`Date::ordinal_days`].
    pub(crate) fn from_ordinal_days(days: i64) -> Option<Date> {
        let era_days = days;
        let y0 = (10000 * era_days + 14780) / 3652425;
        let mut doy = era_days - (365 * y0 + y0 / 4 - y0 / 100 + y0 / 400);
        let mut y = y0;
        if doy < 0 {
            y -= 1;
            doy = era_days - (365 * y + y / 4 - y / 100 + y / 400);
        }
        let mi = (100 * doy + 52) / 3060;
        let month = (mi + 2) % 12 + 1;
        let year = y + (mi + 2) / 12;
        let day = doy - (mi * 306 + 5) / 10 + 1;
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }
}

fn digit_byte(n: u16) -> u8 {
    b'0' + u8::try_from(n % 10).unwrap_or(0)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Owned, not borrowed: `serde_json::from_value` and escaped strings cannot lend a &str.
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| serde::de::Error::custom("expected a YYYY-MM-DD date"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yyyymmdd_reads_like_the_digit_groups() {
        for (text, want) in [
            (b"19491231", Date::new(1949, 12, 31)),
            (b"20000229", Date::new(2000, 2, 29)),
            (b"19000229", None),
            (b"00010101", Date::new(1, 1, 1)),
            (b"99991231", Date::new(9999, 12, 31)),
            (b"20241301", None),
            (b"2024010a", None),
            (b"2024/101", None),
        ] {
            assert_eq!(Date::from_yyyymmdd(text), want, "{text:?}");
        }
        for n in (0..100_000_000u32).step_by(9_973) {
            let text = format!("{n:08}");
            let bytes: &[u8; 8] = text.as_bytes().try_into().unwrap();
            let (y, m, d) = (&bytes[0..4], &bytes[4..6], &bytes[6..8]);
            assert_eq!(
                Date::from_yyyymmdd(bytes),
                Date::from_digits(y, m, d),
                "{text}"
            );
        }
    }
    use proptest::prelude::*;

    #[test]
    fn leap_rules() {
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2024, 4, 31).is_none());
        assert!(Date::new(2024, 13, 1).is_none());
        assert!(Date::parse("2024-1-01").is_none());
        assert!(Date::parse("2024-01-0a").is_none());
    }

    #[test]
    fn deserializes_from_owned_values() {
        let d: Date = serde_json::from_value(serde_json::json!("2024-02-29")).unwrap();
        assert_eq!(d, Date::new(2024, 2, 29).unwrap());
        assert!(serde_json::from_value::<Date>(serde_json::json!("2023-02-29")).is_err());
    }

    #[test]
    fn leapling_ages_on_first_of_march() {
        let born = Date::new(2000, 2, 29).unwrap();
        assert_eq!(born.age_on(Date::new(2001, 2, 28).unwrap()), Some(0));
        assert_eq!(born.age_on(Date::new(2001, 3, 1).unwrap()), Some(1));
        assert_eq!(born.age_on(Date::new(1999, 3, 1).unwrap()), None);
    }

    proptest! {
        #[test]
        fn ordinal_round_trip(y in 1u16..9999, m in 1u8..=12, d in 1u8..=28) {
            let date = Date::new(y, m, d).unwrap();
            prop_assert_eq!(Date::from_ordinal_days(date.ordinal_days()), Some(date));
            let next = Date::from_ordinal_days(date.ordinal_days() + 1).unwrap();
            prop_assert!(next > date);
        }
    }
}
