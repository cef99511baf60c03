//! Options of the draft store and the outbox, with their defaults and limits.

use serde::{Deserialize, Serialize};

use crate::ids::check_id;
use crate::record::HEADER_RESERVE;
use crate::{DraftError, ErrorKind};

/// One day in milliseconds.
pub const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Options of a [`crate::DraftStore`]. JSON field names are camelCase; missing fields take
/// the defaults.
///
/// ```
/// use homecare_drafts::DraftOptions;
/// let o: DraftOptions = serde_json::from_str(r#"{"namespace":"hc","ttlMs":86400000}"#).unwrap();
/// assert_eq!(o.chunk_size, DraftOptions::default().chunk_size);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DraftOptions {
    /// Prefix of every key (`{namespace}:d:…`), so several stores share one storage.
    pub namespace: String,
    /// Drafts not updated for this long are expired (default 30 days).
    pub ttl_ms: i64,
    /// Most bytes of one stored value (default 512 KiB, half of WeChat's 1 MB per key, which
    /// leaves room for `encrypt: true` storage at 0.7 MB and for how WeChat counts).
    pub chunk_size: usize,
    /// `autosave` writes at most once per this window (default 2 s).
    pub autosave_throttle_ms: i64,
    /// Largest draft accepted, in bytes of its JSON text (default 3 MiB: two slots of it
    /// still fit WeChat's 10 MB with base64 and the outbox beside them).
    pub max_draft_bytes: usize,
}

impl Default for DraftOptions {
    fn default() -> Self {
        DraftOptions {
            namespace: "hc".into(),
            ttl_ms: 30 * DAY_MS,
            chunk_size: 512 * 1024,
            autosave_throttle_ms: 2_000,
            max_draft_bytes: 3 * 1024 * 1024,
        }
    }
}

pub(crate) fn invalid(option: &'static str) -> DraftError {
    DraftError::new(ErrorKind::InvalidOptions).text("option", option)
}

pub(crate) fn check_chunk_size(chunk_size: usize) -> Result<(), DraftError> {
    if chunk_size < 2 * HEADER_RESERVE {
        return Err(invalid("chunkSize"));
    }
    Ok(())
}

impl DraftOptions {
    /// Checks ranges: namespace is an id, TTL and throttle are not negative, chunks hold
    /// at least 1 KiB.
    pub fn check(&self) -> Result<(), DraftError> {
        check_id("namespace", &self.namespace).map_err(|_| invalid("namespace"))?;
        if self.ttl_ms <= 0 {
            return Err(invalid("ttlMs"));
        }
        if self.autosave_throttle_ms < 0 {
            return Err(invalid("autosaveThrottleMs"));
        }
        check_chunk_size(self.chunk_size)
    }
}

/// Options of an [`crate::Outbox`].
///
/// ```
/// use homecare_drafts::OutboxOptions;
/// let o = OutboxOptions::default();
/// assert_eq!((o.base_delay_ms, o.max_delay_ms, o.max_attempts), (2_000, 600_000, 8));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OutboxOptions {
    /// Prefix of every key (`{namespace}:o:…`).
    pub namespace: String,
    /// First retry waits up to this long (full jitter: uniform in `0..=delay`).
    pub base_delay_ms: i64,
    /// Cap of the exponential delay.
    pub max_delay_ms: i64,
    /// After this many failed attempts an item becomes dead (shown to the user).
    pub max_attempts: u32,
    /// `due` hands an item out once per lease; it comes back if neither acked nor failed
    /// within it (the page was closed mid-request). In memory only.
    pub lease_ms: i64,
    /// Receipts of acknowledged items are kept this long (default 7 days), then purged.
    pub receipt_ttl_ms: i64,
    /// Most bytes of one stored value (as for drafts).
    pub chunk_size: usize,
    /// Largest payload accepted, in bytes (default 1 MiB).
    pub max_payload_bytes: usize,
}

impl Default for OutboxOptions {
    fn default() -> Self {
        OutboxOptions {
            namespace: "hc".into(),
            base_delay_ms: 2_000,
            max_delay_ms: 10 * 60 * 1000,
            max_attempts: 8,
            lease_ms: 60_000,
            receipt_ttl_ms: 7 * DAY_MS,
            chunk_size: 512 * 1024,
            max_payload_bytes: 1024 * 1024,
        }
    }
}

impl OutboxOptions {
    /// Checks ranges.
    pub fn check(&self) -> Result<(), DraftError> {
        check_id("namespace", &self.namespace).map_err(|_| invalid("namespace"))?;
        if self.base_delay_ms < 0 {
            return Err(invalid("baseDelayMs"));
        }
        if self.max_delay_ms < self.base_delay_ms {
            return Err(invalid("maxDelayMs"));
        }
        if self.max_attempts == 0 {
            return Err(invalid("maxAttempts"));
        }
        if self.lease_ms < 0 {
            return Err(invalid("leaseMs"));
        }
        if self.receipt_ttl_ms < 0 {
            return Err(invalid("receiptTtlMs"));
        }
        check_chunk_size(self.chunk_size)
    }
}
