//! Ids that become parts of storage keys: validated so keys parse back unambiguously.

use crate::{DraftError, ErrorKind};

/// Longest form id, draft id or namespace.
pub const MAX_ID_LEN: usize = 64;

/// Checks that `id` is 1–64 characters of `A-Z a-z 0-9 _ -` (no `:`, the key separator).
///
/// ```
/// use homecare_drafts::check_id;
/// assert!(check_id("draftId", "booking-2026_1").is_ok());
/// assert_eq!(check_id("draftId", "a:b").unwrap_err().code(), "drafts.invalid_id");
/// ```
pub fn check_id(what: &'static str, id: &str) -> Result<(), DraftError> {
    let ok = !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(DraftError::new(ErrorKind::InvalidId)
            .text("field", what)
            .int("length", crate::error::int_of(id.len())))
    }
}
