//! The Gregorian calendar rule every crate checks dates with (ID birth dates, form dates,
//! appointment times): one copy, so 29 February is judged the same everywhere.

/// Whether `year` is a Gregorian leap year.
///
/// ```
/// use homecare_core::is_leap_year;
/// assert!(is_leap_year(2000) && is_leap_year(2024));
/// assert!(!is_leap_year(1900) && !is_leap_year(2025));
/// ```
pub fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1..=12) of `year`; 0 for any other month.
///
/// ```
/// use homecare_core::days_in_month;
/// assert_eq!(days_in_month(2024, 2), 29);
/// assert_eq!(days_in_month(1900, 2), 28);
/// assert_eq!(days_in_month(2025, 4), 30);
/// assert_eq!(days_in_month(2025, 13), 0);
/// ```
pub fn days_in_month(year: i64, month: i64) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}
