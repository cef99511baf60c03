//! Local China time as text: `YYYY-MM-DDTHH:MM`, `YYYY-MM-DD` and `HH:MM`.
//!
//! There are no time zones: every time is the wall-clock time in China (UTC+8, no daylight
//! saving), which is what users and the backend both mean. Internally a time is whole minutes
//! since 1970-01-01T00:00, so lead times and "hours before start" are plain subtraction.

use core::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

const MINUTES_PER_DAY: i64 = 1_440;

/// A local date and time to the minute, `YYYY-MM-DDTHH:MM` (years 1900–9999).
///
/// ```
/// use homecare_pricing::LocalDateTime;
/// let a = LocalDateTime::parse("2026-12-01T09:30").unwrap();
/// let b = LocalDateTime::parse("2026-11-30T23:30").unwrap();
/// assert_eq!(a.minutes() - b.minutes(), 600);
/// assert_eq!(a.to_string(), "2026-12-01T09:30");
/// assert!(LocalDateTime::parse("2026-02-29T09:00").is_none()); // not a leap year
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime(i64);

/// A local date, `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDate(i64);

/// A time of day, `HH:MM` from `00:00` to `23:59`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(i64);

impl LocalDateTime {
    /// Parses `YYYY-MM-DDTHH:MM`; anything else (seconds, zones, spaces) is `None`.
    pub fn parse(s: &str) -> Option<Self> {
        let (date, time) = s.split_once('T')?;
        let d = LocalDate::parse(date)?;
        let t = TimeOfDay::parse(time)?;
        Some(LocalDateTime(d.0 * MINUTES_PER_DAY + t.0))
    }

    /// From minutes since 1970-01-01T00:00 (must fall in years 1900–9999).
    pub fn from_minutes(minutes: i64) -> Option<Self> {
        let min = LocalDate::from_ymd(1900, 1, 1)?.0 * MINUTES_PER_DAY;
        let max = (LocalDate::from_ymd(9999, 12, 31)?.0 + 1) * MINUTES_PER_DAY;
        (min..max)
            .contains(&minutes)
            .then_some(LocalDateTime(minutes))
    }

    /// Appends `YYYY-MM-DDTHH:MM` to `out` (what `to_string` gives, without `core::fmt`).
    pub fn push_to(self, out: &mut String) {
        let (y, m, d) = self.date().ymd();
        let t = self.time().0;
        let mut buf = *b"0000-00-00T00:00";
        for (at, n, width) in [
            (0, y, 4),
            (5, m, 2),
            (8, d, 2),
            (11, t / 60, 2),
            (14, t % 60, 2),
        ] {
            let mut n = n;
            for i in (at..at + width).rev() {
                if let Some(b) = buf.get_mut(i) {
                    *b = b'0' + u8::try_from(n % 10).unwrap_or(0);
                }
                n /= 10;
            }
        }
        out.push_str(core::str::from_utf8(&buf).unwrap_or(""));
    }

    /// Minutes since 1970-01-01T00:00 local time.
    pub fn minutes(self) -> i64 {
        self.0
    }

    /// The calendar date.
    pub fn date(self) -> LocalDate {
        LocalDate(self.0.div_euclid(MINUTES_PER_DAY))
    }

    /// The time of day.
    pub fn time(self) -> TimeOfDay {
        TimeOfDay(self.0.rem_euclid(MINUTES_PER_DAY))
    }
}

impl LocalDate {
    /// Parses `YYYY-MM-DD` with a real calendar day (leap years counted).
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let y = digits(b.get(0..4)?)?;
        let m = digits(b.get(5..7)?)?;
        let d = digits(b.get(8..10)?)?;
        Self::from_ymd(y, m, d)
    }

    /// A date from year, month, day; `None` if it does not exist or is outside 1900–9999.
    pub fn from_ymd(y: i64, m: i64, d: i64) -> Option<Self> {
        if !(1900..=9999).contains(&y) || !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m)
        {
            return None;
        }
        Some(LocalDate(days_from_civil(y, m, d)))
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        self.0
    }

    fn ymd(self) -> (i64, i64, i64) {
        civil_from_days(self.0)
    }
}

impl TimeOfDay {
    /// Parses `HH:MM`, `00:00`–`23:59`.
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 5 || b.get(2) != Some(&b':') {
            return None;
        }
        let h = digits(b.get(0..2)?)?;
        let m = digits(b.get(3..5)?)?;
        (h < 24 && m < 60).then_some(TimeOfDay(h * 60 + m))
    }

    /// Minutes after midnight.
    pub fn minute_of_day(self) -> i64 {
        self.0
    }
}

fn digits(b: &[u8]) -> Option<i64> {
    b.iter().try_fold(0i64, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0'))
    })
}

fn days_in_month(y: i64, m: i64) -> i64 {
    i64::from(homecare_core::days_in_month(y, m))
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

impl fmt::Display for LocalDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl fmt::Display for LocalDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{}", self.date(), self.time())
    }
}

impl Serialize for LocalDateTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for LocalDateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        LocalDateTime::parse(&s)
            .ok_or_else(|| serde::de::Error::custom("expected a time YYYY-MM-DDTHH:MM"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn push_to_writes_what_display_writes(m in -36_816_480i64..4_102_444_800) {
            if let Some(t) = LocalDateTime::from_minutes(m) {
                let mut s = String::from("x");
                t.push_to(&mut s);
                prop_assert_eq!(s, format!("x{t}"));
            }
        }
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "2026-12-01 09:00",
            "2026-12-01T9:00",
            "2026-13-01T09:00",
            "2026-12-32T09:00",
            "2026-12-01T24:00",
            "2026-12-01T09:60",
            "1899-12-31T23:59",
            "２026-12-01T09:00",
            "2026-12-01T09:00:00",
            "",
            "T",
        ] {
            assert!(LocalDateTime::parse(bad).is_none(), "{bad}");
        }
        assert!(LocalDate::parse("2024-02-29").is_some());
        assert!(LocalDate::parse("2100-02-29").is_none());
        assert_eq!(LocalDate::parse("1970-01-01").unwrap().days(), 0);
        assert_eq!(
            LocalDateTime::parse("1970-01-02T00:01").unwrap().minutes(),
            1_441
        );
        assert!(LocalDateTime::from_minutes(i64::MAX).is_none());
    }

    proptest! {
        #[test]
        fn text_round_trips(days in -25_567i64..2_932_896, minute in 0i64..1440) {
            let t = LocalDateTime::from_minutes(days * 1440 + minute).unwrap();
            prop_assert_eq!(LocalDateTime::parse(&t.to_string()), Some(t));
        }
    }
}
