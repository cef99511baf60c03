//! Offline drafts that are never lost, and the outbox for submissions made offline.
//!
//! An elderly user filling in a booking is interrupted, the app is killed, the network
//! drops: when they come back, what they typed is there ([`DraftStore`]), and a booking
//! they submitted offline is sent once ([`Outbox`], with idempotency keys).
//!
//! - Storage is a [`Storage`] trait object (WeChat storage, `localStorage`, memory): string
//!   keys and values, 1 MB per key and 10 MB in total on WeChat.
//! - Every record is written crash-safely: two slots with a generation counter and a
//!   checksum, chunked under the per-key limit, committed by writing a small pointer last.
//!   An interruption at any storage call leaves the previous version loadable.
//! - Encryption at rest goes through the [`Sealer`] trait (AES-256-GCM from
//!   `homecare-crypto` in the app), randomness through [`Entropy`]; time comes in as `now`
//!   (ms since the epoch).
//!
//! The storage format, the guarantees and the backend's idempotency contract are written
//! down in `docs/drafts.md`.
//!
//! ```
//! use homecare_drafts::{DraftOptions, DraftStore, MemoryStorage};
//! let mut store = DraftStore::new(MemoryStorage::new(), DraftOptions::default(), None)?;
//! store.save("booking", "b1", r#"{"service":"换药"}"#, 1, 1_700_000_000_000)?;
//! let draft = store.load("booking", "b1", 1_700_000_060_000)?;
//! assert_eq!(draft.data, r#"{"service":"换药"}"#);
//! # Ok::<(), homecare_drafts::DraftError>(())
//! ```
#![forbid(unsafe_code)]

mod b64;
mod error;
mod ids;
mod memory;
pub mod messages;
mod migrate;
mod options;
mod outbox;
mod record;
mod seal;
mod storage;
mod store;

#[cfg(test)]
mod crash_tests;
#[cfg(test)]
mod outbox_tests;
#[cfg(test)]
mod store_tests;
#[cfg(test)]
mod testkit;

pub use error::{DraftError, ErrorKind};
pub use ids::{check_id, MAX_ID_LEN};
pub use memory::{MemoryStorage, WECHAT_KEY_LIMIT_BYTES, WECHAT_TOTAL_LIMIT_BYTES};
pub use migrate::{apply_steps, MigrationStep, StepFailed};
pub use options::{DraftOptions, OutboxOptions, DAY_MS};
pub use outbox::{DeadReason, ItemState, Outbox, OutboxItem};
pub use seal::{uuid_v4, Entropy, EntropyError, Sealer};
pub use storage::{Storage, StorageError, StorageInfo};
pub use store::{
    Autosave, Draft, DraftInfo, DraftStatus, DraftStore, Opened, PurgeReport, Usage, Verbatim,
};

/// The crate's name, used by the wasm layer's self-check to prove the crate is linked.
pub const CRATE: &str = "homecare-drafts";
