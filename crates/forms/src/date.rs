//! Calendar dates, wall-clock times and local date-times as the forms exchange them
//! (`YYYY-MM-DD`, `HH:MM`, `YYYY-MM-DDTHH:MM`), with the little arithmetic the rules need.
//!
//! Hand-written instead of `chrono`: the forms need parsing, comparison, "days between" and
//! "add days", nothing with time zones (everything is China local time), and every byte of
//! wasm counts.

use core::fmt;

/// A proleptic Gregorian calendar date.
///
/// ```
/// use homecare_forms::Date;
/// let d = Date::parse("2024-02-29").unwrap();
/// assert_eq!(d.to_string(), "2024-02-29");
/// assert!(Date::parse("2023-02-29").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 1..=9999.
    pub year: u16,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of month, 1..=31 (valid for the month).
    pub day: u8,
}

/// Why a date text was rejected: wrong shape, or a day that does not exist (Feb 30).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not `YYYY-MM-DD` (after normalisation).
    Shape,
    /// The shape is right but the calendar has no such day.
    NoSuchDay,
}

/// Days in `month` of `year` (the one calendar rule, in homecare-core).
fn days_in_month(year: u16, month: u8) -> u8 {
    homecare_core::days_in_month(i64::from(year), i64::from(month))
}

/// Parses exactly `n` ASCII digits.
fn digits(s: &str, n: usize) -> Option<u32> {
    if s.len() != n || n > 9 {
        return None;
    }
    // At most 9 digits, so no overflow: a plain fold instead of `str::parse`.
    s.bytes().try_fold(0u32, |acc, b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// The value of ASCII digits (`None` if any is not one).
fn digit_bytes(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// Appends `n` as exactly `width` decimal digits (zero-padded; `n` fits).
fn push_padded(out: &mut String, n: u32, width: u32) {
    let mut div = 10u32.pow(width.saturating_sub(1));
    while div > 0 {
        let d = (n / div) % 10;
        out.push(char::from_digit(d, 10).unwrap_or('0'));
        div /= 10;
    }
}

impl Date {
    /// A date if it exists.
    ///
    /// ```
    /// use homecare_forms::Date;
    /// assert!(Date::new(2026, 11, 30).is_some());
    /// assert!(Date::new(2026, 11, 31).is_none());
    /// ```
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let ok = (1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month);
        ok.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (ASCII; normalise full-width digits first).
    pub fn parse(s: &str) -> Option<Self> {
        Self::parse_detailed(s).ok()
    }

    /// `(year, month, day)`.
    ///
    /// ```
    /// use homecare_forms::Date;
    /// assert_eq!(Date::new(2026, 11, 30).unwrap().ymd(), (2026, 11, 30));
    /// ```
    pub fn ymd(self) -> (u16, u8, u8) {
        (self.year, self.month, self.day)
    }

    /// Parses `YYYY-MM-DD` and says why it failed. Also accepts `YYYY/MM/DD` and single-digit
    /// month or day (`2024-3-5`), which people type.
    pub fn parse_detailed(s: &str) -> Result<Self, DateError> {
        // The canonical `YYYY-MM-DD` (every picker value) without splitting: the same checks.
        if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *s.as_bytes() {
            if let (Some(year), Some(month), Some(day)) = (
                digit_bytes(&[y0, y1, y2, y3]),
                digit_bytes(&[m0, m1]),
                digit_bytes(&[d0, d1]),
            ) {
                return Self::from_fields(year, month, day);
            }
        }
        let sep = if s.contains('/') { '/' } else { '-' };
        let mut parts = s.split(sep);
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(DateError::Shape);
        };
        let year = digits(y, 4).ok_or(DateError::Shape)?;
        let month = digits(m, m.len().clamp(1, 2)).ok_or(DateError::Shape)?;
        let day = digits(d, d.len().clamp(1, 2)).ok_or(DateError::Shape)?;
        Self::from_fields(year, month, day)
    }

    /// The date of parsed fields: a month or day out of range (or year 0) is a shape error,
    /// a day the month does not have (31 April, 29 February of a common year) is `NoSuchDay`.
    fn from_fields(year: u32, month: u32, day: u32) -> Result<Self, DateError> {
        let (Ok(year), Ok(month), Ok(day)) =
            (u16::try_from(year), u8::try_from(month), u8::try_from(day))
        else {
            return Err(DateError::Shape);
        };
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) || year == 0 {
            return Err(DateError::Shape);
        }
        Date::new(year, month, day).ok_or(DateError::NoSuchDay)
    }

    /// Days since 1970-01-01 (negative before); Howard Hinnant's `days_from_civil`.
    ///
    /// ```
    /// use homecare_forms::Date;
    /// assert_eq!(Date::parse("1970-01-02").unwrap().days(), 1);
    /// ```
    pub fn days(self) -> i64 {
        let m = i64::from(self.month);
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if it is inside years 1..=9999.
    pub fn from_days(days: i64) -> Option<Self> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// `self` plus `n` days, if still representable.
    pub fn add_days(self, n: i64) -> Option<Self> {
        Self::from_days(self.days().checked_add(n)?)
    }

    /// Whole years from `self` (a birth date) to `on`: the age on that day.
    ///
    /// ```
    /// use homecare_forms::Date;
    /// let born = Date::parse("1950-12-01").unwrap();
    /// assert_eq!(born.years_until(Date::parse("2026-11-30").unwrap()), 75);
    /// assert_eq!(born.years_until(Date::parse("2026-12-01").unwrap()), 76);
    /// ```
    pub fn years_until(self, on: Date) -> i64 {
        let mut years = i64::from(on.year) - i64::from(self.year);
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }
}

impl Date {
    /// Appends `YYYY-MM-DD` (what `to_string` gives, without the formatting machinery).
    pub fn push_to(self, out: &mut String) {
        push_padded(out, u32::from(self.year), 4);
        out.push('-');
        push_padded(out, u32::from(self.month), 2);
        out.push('-');
        push_padded(out, u32::from(self.day), 2);
    }

    /// `YYYY-MM-DD` as a new string.
    pub fn to_text(self) -> String {
        let mut s = String::with_capacity(10);
        self.push_to(&mut s);
        s
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A wall-clock time of day, to the minute.
///
/// ```
/// use homecare_forms::Time;
/// assert_eq!(Time::parse("9:30").unwrap().to_string(), "09:30");
/// assert!(Time::parse("24:00").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    /// Minutes since midnight, 0..1440.
    pub minutes: u16,
}

impl Time {
    /// Parses `HH:MM` (one-digit hour allowed; `：` must be normalised first).
    pub fn parse(s: &str) -> Option<Self> {
        // The canonical `HH:MM` without splitting: the same checks.
        if let [h0, h1, b':', m0, m1] = *s.as_bytes() {
            if let (Some(h), Some(m)) = (digit_bytes(&[h0, h1]), digit_bytes(&[m0, m1])) {
                return (h < 24 && m < 60)
                    .then(|| u16::try_from(h * 60 + m).ok())
                    .flatten()
                    .map(|minutes| Time { minutes });
            }
        }
        let (h, m) = s.split_once(':')?;
        let h = digits(h, h.len().clamp(1, 2))?;
        let m = digits(m, 2)?;
        (h < 24 && m < 60)
            .then(|| u16::try_from(h * 60 + m).ok())
            .flatten()
            .map(|minutes| Time { minutes })
    }
}

impl Time {
    /// Appends `HH:MM`.
    pub fn push_to(self, out: &mut String) {
        push_padded(out, u32::from(self.minutes / 60), 2);
        out.push(':');
        push_padded(out, u32::from(self.minutes % 60), 2);
    }

    /// `HH:MM` as a new string.
    pub fn to_text(self) -> String {
        let mut s = String::with_capacity(5);
        self.push_to(&mut s);
        s
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.minutes / 60, self.minutes % 60)
    }
}

/// A local date-time to the minute (China time; no zone is carried).
///
/// ```
/// use homecare_forms::DateTime;
/// let t = DateTime::parse("2026-11-30 09:05").unwrap();
/// assert_eq!(t.to_string(), "2026-11-30T09:05");
/// assert!(DateTime::parse("2026-11-30T09:05:07").is_some());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    /// The day.
    pub date: Date,
    /// The time of day.
    pub time: Time,
}

impl DateTime {
    /// Parses `YYYY-MM-DDTHH:MM` (a space instead of `T` and trailing `:SS` are accepted;
    /// seconds are dropped because every form works in minutes).
    pub fn parse(s: &str) -> Option<Self> {
        let (d, t) = s.split_once('T').or_else(|| s.split_once(' '))?;
        let date = Date::parse(d)?;
        let t = match t.len() {
            8 => {
                let (hm, sec) = t.rsplit_once(':')?;
                (digits(sec, 2)? < 60).then_some(hm)?
            }
            _ => t,
        };
        Some(DateTime {
            date,
            time: Time::parse(t)?,
        })
    }

    /// Minutes since 1970-01-01T00:00.
    pub fn minutes(self) -> i64 {
        self.date.days() * 1440 + i64::from(self.time.minutes)
    }

    /// The date-time `minutes` after 1970-01-01T00:00.
    pub fn from_minutes(minutes: i64) -> Option<Self> {
        let date = Date::from_days(minutes.div_euclid(1440))?;
        let time = Time {
            minutes: u16::try_from(minutes.rem_euclid(1440)).ok()?,
        };
        Some(DateTime { date, time })
    }
}

impl DateTime {
    /// `YYYY-MM-DDTHH:MM` as a new string.
    pub fn to_text(self) -> String {
        let mut s = String::with_capacity(16);
        self.date.push_to(&mut s);
        s.push('T');
        self.time.push_to(&mut s);
        s
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{}", self.date, self.time)
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;

    /// The canonical-shape fast paths answer exactly what the general parsers do.
    #[test]
    fn fast_paths_agree_with_the_general_parsers() {
        let general_date = |s: &str| -> Result<Date, DateError> {
            // The general path on the same text, reached through a `/` spelling.
            Date::parse_detailed(&s.replace('-', "/"))
        };
        for s in [
            "2024-02-29",
            "2023-02-29",
            "0000-01-01",
            "0001-01-01",
            "9999-12-31",
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
            "2024-01-32",
            "2024-04-31",
            "20a4-01-01",
            "2024-1a-01",
        ] {
            assert_eq!(Date::parse_detailed(s), general_date(s), "{s}");
        }
        for h in 0..30 {
            for m in [0, 5, 59, 60, 99] {
                let s = format!("{h:02}:{m:02}");
                let general = Time::parse(&format!("{h}:{m:02}"));
                assert_eq!(Time::parse(&s), general, "{s}");
            }
        }
        assert_eq!(Time::parse("0a:00"), None);
        assert_eq!(Time::parse("00:0a"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_matches_display() {
        for d in ["0001-01-01", "1950-03-08", "9999-12-31", "2024-02-29"] {
            let d = Date::parse(d).unwrap();
            assert_eq!(d.to_text(), d.to_string());
        }
        for m in [0u16, 9, 61, 599, 1439] {
            let t = Time { minutes: m };
            assert_eq!(t.to_text(), t.to_string());
            let dt = DateTime {
                date: Date::new(2026, 1, 2).unwrap(),
                time: t,
            };
            assert_eq!(dt.to_text(), dt.to_string());
        }
        assert_eq!(digits("0123", 4), Some(123));
        assert_eq!(digits("01a3", 4), None);
        assert_eq!(digits("+123", 4), None);
    }
    use proptest::prelude::*;

    #[test]
    fn shapes_and_days() {
        assert_eq!(Date::parse_detailed("2024-2-30"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse_detailed("2024-13-01"), Err(DateError::Shape));
        assert_eq!(Date::parse_detailed("24-01-01"), Err(DateError::Shape));
        assert_eq!(Date::parse_detailed("2024-01-01-"), Err(DateError::Shape));
        assert_eq!(Date::parse("2024/3/5").unwrap().to_string(), "2024-03-05");
        assert_eq!(Date::parse("2000-02-29").unwrap().days(), 11_016);
        assert!(Date::parse("1900-02-29").is_none());
        assert!(Time::parse("12:5").is_none());
        assert!(Time::parse("-1:00").is_none());
        assert!(DateTime::parse("2026-01-01T10:00:61").is_none());
    }

    proptest! {
        #[test]
        fn days_round_trip(n in -700_000i64..2_900_000) {
            if let Some(d) = Date::from_days(n) {
                prop_assert_eq!(d.days(), n);
                prop_assert_eq!(Date::parse(&d.to_string()), Some(d));
            }
        }
    }
}
