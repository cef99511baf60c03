//! The one error type of this crate: a stable code plus the facts a message needs.

use homecare_core::{Param, Problem};

/// What went wrong. Each kind has one stable dotted code (see [`ErrorKind::code`]) and a
/// message in [`crate::messages::MESSAGES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// Storage is full (pre-check or a failed write). Params: `currentKb`, `limitKb`, `neededKb`.
    QuotaExceeded,
    /// No draft under that form and draft id.
    NotFound,
    /// Both slots of a draft failed their checksum; nothing readable is left.
    Corrupted,
    /// The draft was written by a newer app version (`found` > `known`); it is kept untouched.
    NewerVersion,
    /// The storage adapter failed for another reason. Param `detail`.
    StorageFailed,
    /// A form id, draft id or namespace with characters outside `[A-Za-z0-9_-]` or too long.
    InvalidId,
    /// The draft is larger than the configured maximum. Params `size`, `max`.
    TooLarge,
    /// The draft is older than the TTL; `purge_expired` will remove it.
    Expired,
    /// The stored bytes are intact but cannot be opened with this key (another account or
    /// device key, or a record moved to another draft).
    Unreadable,
    /// The sealer failed while encrypting.
    SealFailed,
    /// A migration step could not be applied. Params `from`, `step`.
    MigrationFailed,
    /// No migration is registered from the draft's version. Params `from`, `known`.
    MigrationMissing,
    /// Options out of range (chunk size, TTL, backoff). Param `option`.
    InvalidOptions,
    /// Outbox: storage is full.
    OutboxQuotaExceeded,
    /// Outbox: the storage adapter failed.
    OutboxStorageFailed,
    /// Outbox: the payload is larger than the configured maximum.
    OutboxTooLarge,
    /// Outbox: no item with that id.
    OutboxNotFound,
    /// Outbox: the operation does not apply to the item's state (e.g. retry of a pending item).
    OutboxInvalidState,
    /// Outbox: the entropy source failed, so no idempotency key could be made.
    OutboxEntropyFailed,
    /// Outbox: an idempotency key was reused with a different payload.
    OutboxKeyReused,
    /// Outbox: an idempotency key that is not a UUID, or a kind/stream that is not a valid id.
    OutboxInvalidKey,
    /// Outbox: an item's record is unreadable (both slots bad); it is kept and reported.
    OutboxCorrupted,
}

impl ErrorKind {
    /// Every kind, for catalog coverage tests and the wasm layer's code list.
    pub const ALL: &'static [ErrorKind] = &[
        ErrorKind::QuotaExceeded,
        ErrorKind::NotFound,
        ErrorKind::Corrupted,
        ErrorKind::NewerVersion,
        ErrorKind::StorageFailed,
        ErrorKind::InvalidId,
        ErrorKind::TooLarge,
        ErrorKind::Expired,
        ErrorKind::Unreadable,
        ErrorKind::SealFailed,
        ErrorKind::MigrationFailed,
        ErrorKind::MigrationMissing,
        ErrorKind::InvalidOptions,
        ErrorKind::OutboxQuotaExceeded,
        ErrorKind::OutboxStorageFailed,
        ErrorKind::OutboxTooLarge,
        ErrorKind::OutboxNotFound,
        ErrorKind::OutboxInvalidState,
        ErrorKind::OutboxEntropyFailed,
        ErrorKind::OutboxKeyReused,
        ErrorKind::OutboxInvalidKey,
        ErrorKind::OutboxCorrupted,
    ];

    /// The stable dotted code.
    ///
    /// ```
    /// use homecare_drafts::ErrorKind;
    /// assert_eq!(ErrorKind::QuotaExceeded.code(), "drafts.quota_exceeded");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::QuotaExceeded => "drafts.quota_exceeded",
            ErrorKind::NotFound => "drafts.not_found",
            ErrorKind::Corrupted => "drafts.corrupted",
            ErrorKind::NewerVersion => "drafts.newer_version",
            ErrorKind::StorageFailed => "drafts.storage_failed",
            ErrorKind::InvalidId => "drafts.invalid_id",
            ErrorKind::TooLarge => "drafts.too_large",
            ErrorKind::Expired => "drafts.expired",
            ErrorKind::Unreadable => "drafts.unreadable",
            ErrorKind::SealFailed => "drafts.seal_failed",
            ErrorKind::MigrationFailed => "drafts.migration_failed",
            ErrorKind::MigrationMissing => "drafts.migration_missing",
            ErrorKind::InvalidOptions => "drafts.invalid_options",
            ErrorKind::OutboxQuotaExceeded => "outbox.quota_exceeded",
            ErrorKind::OutboxStorageFailed => "outbox.storage_failed",
            ErrorKind::OutboxTooLarge => "outbox.too_large",
            ErrorKind::OutboxNotFound => "outbox.not_found",
            ErrorKind::OutboxInvalidState => "outbox.invalid_state",
            ErrorKind::OutboxEntropyFailed => "outbox.entropy_failed",
            ErrorKind::OutboxKeyReused => "outbox.key_reused",
            ErrorKind::OutboxInvalidKey => "outbox.invalid_key",
            ErrorKind::OutboxCorrupted => "outbox.corrupted",
        }
    }

    /// The outbox twin of a storage-level kind: the record layer speaks drafts' codes, the
    /// outbox reports its own so the UI says "submission" rather than "draft".
    pub(crate) fn in_outbox(self) -> ErrorKind {
        match self {
            ErrorKind::QuotaExceeded => ErrorKind::OutboxQuotaExceeded,
            ErrorKind::StorageFailed => ErrorKind::OutboxStorageFailed,
            ErrorKind::TooLarge => ErrorKind::OutboxTooLarge,
            ErrorKind::NotFound => ErrorKind::OutboxNotFound,
            ErrorKind::Corrupted | ErrorKind::Unreadable => ErrorKind::OutboxCorrupted,
            ErrorKind::InvalidId => ErrorKind::OutboxInvalidKey,
            other => other,
        }
    }
}

/// An error with its kind and params (names are camelCase, as JS sees them).
///
/// ```
/// use homecare_drafts::{DraftError, ErrorKind};
/// let e = DraftError::new(ErrorKind::TooLarge).int("max", 10);
/// assert_eq!(e.code(), "drafts.too_large");
/// assert_eq!(e.problem().params.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// Facts for the message and for logs.
    pub params: Vec<(&'static str, Param)>,
}

impl DraftError {
    /// An error of `kind` without params.
    pub fn new(kind: ErrorKind) -> Self {
        DraftError {
            kind,
            params: Vec::new(),
        }
    }

    /// What a [`crate::Sealer`] returns when encryption fails.
    pub fn seal_failed() -> Self {
        DraftError::new(ErrorKind::SealFailed)
    }

    /// What a [`crate::Sealer`] returns when the tag does not verify (wrong key, wrong AAD,
    /// tampered bytes). The store decides whether that means "corrupted" or "unreadable".
    pub fn open_failed() -> Self {
        DraftError::new(ErrorKind::Unreadable)
    }

    /// Adds a text param.
    #[must_use]
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.params.push((name, Param::Text(value.into())));
        self
    }

    /// Adds a whole-number param.
    #[must_use]
    pub fn int(mut self, name: &'static str, value: i64) -> Self {
        self.params.push((name, Param::Int(value)));
        self
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// As the shared [`Problem`] shape (path is empty: these are not field errors).
    pub fn problem(&self) -> Problem {
        Problem {
            path: String::new(),
            code: self.kind.code(),
            params: self.params.clone(),
        }
    }

    pub(crate) fn in_outbox(mut self) -> Self {
        self.kind = self.kind.in_outbox();
        self
    }
}

impl core::fmt::Display for DraftError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.kind.code())?;
        for (name, value) in &self.params {
            write!(f, " {name}={}", value.display())?;
        }
        Ok(())
    }
}

impl std::error::Error for DraftError {}

/// Converts a byte count to an `i64` param without a lossy cast.
pub(crate) fn int_of(n: impl TryInto<i64>) -> i64 {
    n.try_into().unwrap_or(i64::MAX)
}
