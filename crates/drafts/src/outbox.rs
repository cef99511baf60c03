//! The outbox: submissions made offline, each sent once thanks to its idempotency key.
//!
//! Lifecycle: `enqueue` → pending → (`due` hands it out, the app sends it with header
//! `Idempotency-Key: <id>`) → `ack` → done (a receipt, purged after `receipt_ttl_ms`), or
//! `fail` → pending again after a backoff, or dead (non-retryable, or out of attempts) →
//! the UI shows it → `retry` (pending again) or `discard`. Nothing leaves silently.
//!
//! Each item is one crash-safe record (see `record.rs`), so an interrupted `enqueue` leaves
//! the item fully there or not there, and an interrupted `ack` leaves it pending: it is
//! sent again, which the idempotency key makes harmless.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::options::{invalid, OutboxOptions};
use crate::record::{self, DecodeFault, Write};
use crate::seal::{is_uuid, uniform_up_to};
use crate::storage::Storage;
use crate::store::{open_slot, seal_text};
use crate::{uuid_v4, DraftError, Entropy, ErrorKind, Sealer};

/// Version of the item record's JSON.
const ITEM_FORMAT: u32 = 1;
/// Longest kind or stream name, and the longest kept error text (in characters).
const MAX_NAME: usize = 64;
const MAX_ERROR_CHARS: usize = 500;

/// Where an item is in its lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ItemState {
    /// Waiting to be sent (now or after a backoff).
    Pending,
    /// Given up on; shown to the user, who can retry or discard it.
    Dead,
    /// Acknowledged by the backend; kept as a receipt.
    Done,
}

/// Why an item is dead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DeadReason {
    /// `max_attempts` retryable failures.
    MaxAttempts,
    /// A failure reported as not retryable (e.g. HTTP 4xx validation error).
    Rejected,
}

/// One submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutboxItem {
    /// The idempotency key (UUID v4): send it as `Idempotency-Key`.
    pub id: String,
    /// What it is, e.g. `booking.create` (the app maps it to an endpoint).
    pub kind: String,
    /// The request body (JSON text); dropped once the item is done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// Items of one stream are sent strictly in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<String>,
    /// Enqueue order.
    pub seq: u64,
    /// Enqueued at, ms since the epoch.
    pub created_at: i64,
    /// Last change, ms since the epoch.
    pub updated_at: i64,
    /// Failed attempts so far.
    pub attempts: u32,
    /// Not sent before this time.
    pub next_attempt_at: i64,
    /// The last failure as the app described it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    /// Lifecycle state.
    pub state: ItemState,
    /// Why it is dead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dead_reason: Option<DeadReason>,
    /// The backend's response (JSON text), once done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    /// When it was acknowledged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acked_at: Option<i64>,
}

/// Queued submissions over a [`Storage`].
///
/// ```
/// use homecare_drafts::{Entropy, EntropyError, MemoryStorage, Outbox, OutboxOptions};
/// struct Counter(u8);
/// impl Entropy for Counter {
///     fn fill(&mut self, buf: &mut [u8]) -> Result<(), EntropyError> {
///         self.0 = self.0.wrapping_add(1);
///         buf.fill(self.0);
///         Ok(())
///     }
/// }
/// let mut e = Counter(0);
/// let mut outbox = Outbox::open(MemoryStorage::new(), OutboxOptions::default(), None).unwrap();
/// let key = outbox.enqueue("booking.create", r#"{"service":"换药"}"#, Some("booking"), 0, &mut e).unwrap();
/// let due = outbox.due(0);
/// assert_eq!(due[0].id, key);
/// outbox.ack(&key, Some(r#"{"orderId":"A1"}"#), 10).unwrap();
/// assert!(outbox.due(20).is_empty());
/// assert_eq!(outbox.receipts().count(), 1);
/// ```
pub struct Outbox<S: Storage> {
    storage: S,
    options: OutboxOptions,
    sealer: Option<Box<dyn Sealer>>,
    /// Every readable item, in `seq` order.
    items: Vec<OutboxItem>,
    /// In-memory leases: id → handed out until.
    leases: BTreeMap<String, i64>,
    unreadable: Vec<String>,
    next_seq: u64,
}

fn item_aad(ns: &str, id: &str, gen: u64) -> Vec<u8> {
    format!("homecare-outbox/1\0{ns}\0{id}\0{gen}").into_bytes()
}

fn check_name(name: &str) -> Result<(), DraftError> {
    if name.is_empty() || name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        return Err(DraftError::new(ErrorKind::OutboxInvalidKey)
            .int("length", crate::error::int_of(name.len())));
    }
    Ok(())
}

impl<S: Storage> Outbox<S> {
    /// Opens the outbox: reads every item of the namespace. Items whose record is
    /// unreadable are kept in storage and listed by [`Self::unreadable`].
    pub fn open(
        mut storage: S,
        options: OutboxOptions,
        sealer: Option<Box<dyn Sealer>>,
    ) -> Result<Self, DraftError> {
        options.check()?;
        let keys = storage
            .keys()
            .map_err(|e| record::storage_error(e).in_outbox())?;
        let prefix = format!("{}:o:", options.namespace);
        let mut items = Vec::new();
        let mut unreadable = Vec::new();
        for id in keys.iter().filter_map(|k| k.strip_prefix(prefix.as_str())) {
            if !is_uuid(id) {
                continue;
            }
            let base = format!("{prefix}{id}");
            let ns = options.namespace.as_str();
            let loaded = record::load(&mut storage, &base, |meta, stored| {
                let aad = item_aad(ns, id, meta.gen);
                let text = open_slot(sealer.as_deref(), meta, stored, &aad)?;
                serde_json::from_str::<OutboxItem>(&text)
                    .ok()
                    .filter(|item| item.id == id && meta.ver == ITEM_FORMAT)
                    .ok_or(DecodeFault::Bad)
            });
            match loaded {
                Ok(l) => items.push(l.value),
                Err(e) if matches!(e.kind, ErrorKind::Corrupted | ErrorKind::Unreadable) => {
                    unreadable.push(id.to_owned());
                }
                Err(e) if e.kind == ErrorKind::NotFound => {}
                Err(e) => return Err(e.in_outbox()),
            }
        }
        items.sort_by_key(|i| i.seq);
        let next_seq = items.last().map_or(0, |i| i.seq.saturating_add(1));
        Ok(Outbox {
            storage,
            options,
            sealer,
            items,
            leases: BTreeMap::new(),
            unreadable,
            next_seq,
        })
    }

    /// Gives the storage back.
    pub fn into_storage(self) -> S {
        self.storage
    }

    /// The storage.
    pub fn storage_mut(&mut self) -> &mut S {
        &mut self.storage
    }

    fn base(&self, id: &str) -> String {
        format!("{}:o:{id}", self.options.namespace)
    }

    /// Writes `item` crash-safely. On error nothing in memory changes.
    fn persist(&mut self, item: &OutboxItem) -> Result<(), DraftError> {
        let base = self.base(&item.id);
        let body = serde_json::to_string(item).map_err(|_| invalid("item"))?;
        let prev = record::previous(&mut self.storage, &base).map_err(DraftError::in_outbox)?;
        let aad = item_aad(&self.options.namespace, &item.id, prev.gen);
        let sealed = seal_text(self.sealer.as_deref(), &body, &aad)?;
        record::write(
            &mut self.storage,
            &Write {
                base: &base,
                stored: sealed.as_deref().unwrap_or(&body),
                ver: ITEM_FORMAT,
                at: item.updated_at,
                created: item.created_at,
                size: u64::try_from(body.len()).unwrap_or(u64::MAX),
                sealed: sealed.is_some(),
                chunk_size: self.options.chunk_size,
            },
            &prev,
        )
        .map_err(DraftError::in_outbox)?;
        Ok(())
    }

    fn position(&self, id: &str) -> Result<usize, DraftError> {
        self.items
            .iter()
            .position(|i| i.id == id)
            .ok_or_else(|| DraftError::new(ErrorKind::OutboxNotFound))
    }

    fn replace(&mut self, at: usize, item: OutboxItem) -> Result<OutboxItem, DraftError> {
        self.persist(&item)?;
        self.leases.remove(&item.id);
        if let Some(slot) = self.items.get_mut(at) {
            *slot = item.clone();
        }
        Ok(item)
    }

    /// Queues a submission under a fresh idempotency key (UUID v4 from `entropy`) and
    /// returns the key. On error the item is not queued as far as this process knows; after
    /// a crash it may turn up complete (never partial) when the outbox is reopened.
    pub fn enqueue(
        &mut self,
        kind: &str,
        payload: &str,
        stream: Option<&str>,
        now: i64,
        entropy: &mut dyn Entropy,
    ) -> Result<String, DraftError> {
        self.check_input(kind, payload, stream)?;
        let id = uuid_v4(entropy).map_err(|_| DraftError::new(ErrorKind::OutboxEntropyFailed))?;
        if self.items.iter().any(|i| i.id == id) || self.unreadable.contains(&id) {
            return Err(DraftError::new(ErrorKind::OutboxKeyReused));
        }
        self.insert(id, kind, payload, stream, now)
    }

    /// Queues a submission under a key the app made earlier (e.g. stored in the draft when
    /// the user pressed "submit"), so pressing it twice, or retrying an enqueue whose
    /// outcome was unknown, queues it once. The same key with a different kind, stream or
    /// payload is `outbox.key_reused`.
    pub fn enqueue_with_key(
        &mut self,
        key: &str,
        kind: &str,
        payload: &str,
        stream: Option<&str>,
        now: i64,
    ) -> Result<String, DraftError> {
        if !is_uuid(key) {
            return Err(DraftError::new(ErrorKind::OutboxInvalidKey));
        }
        self.check_input(kind, payload, stream)?;
        if let Some(existing) = self.items.iter().find(|i| i.id == key) {
            let same = existing.kind == kind
                && existing.stream.as_deref() == stream
                && existing.payload.as_deref().is_none_or(|p| p == payload);
            return if same {
                Ok(key.to_owned())
            } else {
                Err(DraftError::new(ErrorKind::OutboxKeyReused))
            };
        }
        if self.unreadable.iter().any(|u| u == key) {
            return Err(DraftError::new(ErrorKind::OutboxKeyReused));
        }
        self.insert(key.to_owned(), kind, payload, stream, now)
    }

    fn check_input(
        &self,
        kind: &str,
        payload: &str,
        stream: Option<&str>,
    ) -> Result<(), DraftError> {
        check_name(kind)?;
        if let Some(s) = stream {
            check_name(s)?;
        }
        if payload.len() > self.options.max_payload_bytes {
            return Err(DraftError::new(ErrorKind::OutboxTooLarge)
                .int("size", crate::error::int_of(payload.len()))
                .int("max", crate::error::int_of(self.options.max_payload_bytes)));
        }
        Ok(())
    }

    fn insert(
        &mut self,
        id: String,
        kind: &str,
        payload: &str,
        stream: Option<&str>,
        now: i64,
    ) -> Result<String, DraftError> {
        let item = OutboxItem {
            id: id.clone(),
            kind: kind.to_owned(),
            payload: Some(payload.to_owned()),
            stream: stream.map(str::to_owned),
            seq: self.next_seq,
            created_at: now,
            updated_at: now,
            attempts: 0,
            next_attempt_at: now,
            last_error: None,
            state: ItemState::Pending,
            dead_reason: None,
            response: None,
            acked_at: None,
        };
        // Consumed even on failure: an enqueue that reported an error may still have landed
        // (a write that threw after writing), and two items must never share a seq.
        self.next_seq = self.next_seq.saturating_add(1);
        self.persist(&item)?;
        self.items.push(item);
        Ok(id)
    }

    /// Items to send now, in enqueue order, and leases them for `lease_ms` (they are not
    /// handed out again until acked, failed, or the lease runs out). Within a stream only
    /// the oldest pending item can be due: it blocks later ones until acked or dead.
    ///
    /// A clock that went backwards does not strand items: a wait or lease longer than its
    /// maximum (`max_delay_ms`, `lease_ms`) from `now` counts as over.
    pub fn due(&mut self, now: i64) -> Vec<OutboxItem> {
        let mut blocked: BTreeSet<&str> = BTreeSet::new();
        let mut out = Vec::new();
        for item in self.items.iter().filter(|i| i.state == ItemState::Pending) {
            if let Some(stream) = item.stream.as_deref() {
                if !blocked.insert(stream) {
                    continue;
                }
            }
            let wait = item.next_attempt_at.saturating_sub(now);
            let ready = wait <= 0 || wait > self.options.max_delay_ms;
            let leased = self.leases.get(&item.id).is_some_and(|&until| {
                let left = until.saturating_sub(now);
                left > 0 && left <= self.options.lease_ms
            });
            if ready && !leased {
                out.push(item.clone());
            }
        }
        let until = now.saturating_add(self.options.lease_ms);
        for item in &out {
            self.leases.insert(item.id.clone(), until);
        }
        out
    }

    /// The backend accepted the item: it becomes a receipt (payload dropped, `response`
    /// kept). Acking a done item again is a no-op; acking a dead one (a late success) is
    /// allowed. If this fails (or the app dies during it), the item stays pending and is
    /// sent again: the backend answers the replay from its idempotency record.
    pub fn ack(
        &mut self,
        id: &str,
        response: Option<&str>,
        now: i64,
    ) -> Result<OutboxItem, DraftError> {
        let at = self.position(id)?;
        let Some(current) = self.items.get(at).cloned() else {
            return Err(DraftError::new(ErrorKind::OutboxNotFound));
        };
        if current.state == ItemState::Done {
            return Ok(current);
        }
        let item = OutboxItem {
            payload: None,
            state: ItemState::Done,
            dead_reason: None,
            last_error: None,
            response: response.map(str::to_owned),
            acked_at: Some(now),
            updated_at: now,
            ..current
        };
        self.replace(at, item)
    }

    /// Sending failed. Retryable failures wait `uniform(0, min(max_delay, base·2^(n−1)))`
    /// (exponential backoff with full jitter) before the next attempt; after `max_attempts`,
    /// or when not retryable, the item becomes dead. If `entropy` fails, the full delay is
    /// used (no jitter) rather than failing the call.
    pub fn fail(
        &mut self,
        id: &str,
        error: &str,
        retryable: bool,
        now: i64,
        entropy: &mut dyn Entropy,
    ) -> Result<OutboxItem, DraftError> {
        let at = self.position(id)?;
        let Some(mut item) = self.items.get(at).cloned() else {
            return Err(DraftError::new(ErrorKind::OutboxNotFound));
        };
        if item.state != ItemState::Pending {
            return Err(DraftError::new(ErrorKind::OutboxInvalidState));
        }
        item.attempts = item.attempts.saturating_add(1);
        item.last_error = Some(error.chars().take(MAX_ERROR_CHARS).collect());
        item.updated_at = now;
        if !retryable {
            item.state = ItemState::Dead;
            item.dead_reason = Some(DeadReason::Rejected);
        } else if item.attempts >= self.options.max_attempts {
            item.state = ItemState::Dead;
            item.dead_reason = Some(DeadReason::MaxAttempts);
        } else {
            let cap = self.backoff_cap(item.attempts);
            let delay = u64::try_from(cap)
                .ok()
                .and_then(|c| uniform_up_to(entropy, c).ok())
                .and_then(|d| i64::try_from(d).ok())
                .unwrap_or(cap);
            item.next_attempt_at = now.saturating_add(delay);
        }
        self.replace(at, item)
    }

    /// `min(max_delay, base · 2^(attempts − 1))`.
    fn backoff_cap(&self, attempts: u32) -> i64 {
        let exp = attempts.saturating_sub(1).min(62);
        self.options
            .base_delay_ms
            .saturating_mul(1i64 << exp)
            .min(self.options.max_delay_ms)
    }

    /// Puts a dead item back in the queue with fresh attempts, due now.
    pub fn retry(&mut self, id: &str, now: i64) -> Result<OutboxItem, DraftError> {
        let at = self.position(id)?;
        let Some(mut item) = self.items.get(at).cloned() else {
            return Err(DraftError::new(ErrorKind::OutboxNotFound));
        };
        if item.state != ItemState::Dead {
            return Err(DraftError::new(ErrorKind::OutboxInvalidState));
        }
        item.state = ItemState::Pending;
        item.dead_reason = None;
        item.attempts = 0;
        item.next_attempt_at = now;
        item.updated_at = now;
        self.replace(at, item)
    }

    /// Deletes a dead item, a receipt, or an unreadable record, at the user's request.
    /// Pending items cannot be discarded (one may be in flight); let them die or ack first.
    pub fn discard(&mut self, id: &str) -> Result<(), DraftError> {
        if let Some(pos) = self.unreadable.iter().position(|u| u == id) {
            let base = self.base(id);
            record::remove(&mut self.storage, &base).map_err(DraftError::in_outbox)?;
            self.unreadable.remove(pos);
            return Ok(());
        }
        let at = self.position(id)?;
        if self
            .items
            .get(at)
            .is_some_and(|i| i.state == ItemState::Pending)
        {
            return Err(DraftError::new(ErrorKind::OutboxInvalidState));
        }
        let base = self.base(id);
        record::remove(&mut self.storage, &base).map_err(DraftError::in_outbox)?;
        self.items.remove(at);
        self.leases.remove(id);
        Ok(())
    }

    /// Removes receipts older than `receipt_ttl_ms` and leftovers of interrupted writes.
    /// Returns how many receipts were removed.
    pub fn purge(&mut self, now: i64) -> Result<u32, DraftError> {
        let ttl = self.options.receipt_ttl_ms;
        let old: Vec<String> = self
            .items
            .iter()
            .filter(|i| {
                i.state == ItemState::Done
                    && i.acked_at.is_some_and(|t| now >= t.saturating_add(ttl))
            })
            .map(|i| i.id.clone())
            .collect();
        let mut removed = 0u32;
        for id in old {
            let base = self.base(&id);
            record::remove(&mut self.storage, &base).map_err(DraftError::in_outbox)?;
            self.items.retain(|i| i.id != id);
            removed = removed.saturating_add(1);
        }
        let keys = self
            .storage
            .keys()
            .map_err(|e| record::storage_error(e).in_outbox())?;
        let prefix = format!("{}:o:", self.options.namespace);
        record::sweep(&mut self.storage, &keys, |base| {
            base.starts_with(prefix.as_str())
        })
        .map_err(DraftError::in_outbox)?;
        Ok(removed)
    }

    /// The item with this idempotency key.
    pub fn get(&self, id: &str) -> Option<&OutboxItem> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Every readable item in enqueue order.
    pub fn items(&self) -> &[OutboxItem] {
        &self.items
    }

    /// Items waiting to be sent.
    pub fn pending(&self) -> impl Iterator<Item = &OutboxItem> {
        self.items.iter().filter(|i| i.state == ItemState::Pending)
    }

    /// The dead-letter list for the UI.
    pub fn dead(&self) -> impl Iterator<Item = &OutboxItem> {
        self.items.iter().filter(|i| i.state == ItemState::Dead)
    }

    /// Acknowledged items (receipts).
    pub fn receipts(&self) -> impl Iterator<Item = &OutboxItem> {
        self.items.iter().filter(|i| i.state == ItemState::Done)
    }

    /// Ids of items whose records could not be read (`outbox.corrupted`): kept in storage,
    /// shown to the user, removable with [`Self::discard`].
    pub fn unreadable(&self) -> &[String] {
        &self.unreadable
    }
}
