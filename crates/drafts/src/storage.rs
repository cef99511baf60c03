//! The key-value storage the store writes to: the contract every adapter implements.
//!
//! Modelled on gloo-storage's `Storage` and on `wx.getStorageSync`/`setStorageSync`/
//! `removeStorageSync`/`getStorageInfoSync`: string keys, string values, synchronous calls
//! that may throw. The JS layer implements it over `wx` storage, `localStorage` or a plain
//! object; [`crate::MemoryStorage`] is the Rust implementation.

use std::cell::RefCell;
use std::rc::Rc;

/// Why a storage call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The value or the total would exceed the storage limit (WeChat: 1 MB per key, 10 MB
    /// per user and mini program). Adapters map the platform's quota error to this.
    Quota(String),
    /// Anything else: the adapter's message, kept for logs.
    Failed(String),
}

/// Usage as WeChat's `getStorageInfoSync` reports it, in KB (1024 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageInfo {
    /// KB used by all keys and values.
    pub current_size_kb: u64,
    /// KB the platform allows in total; 0 when unknown (the quota pre-check is skipped and
    /// a failing `set` is what reports the quota).
    pub limit_size_kb: u64,
}

/// A synchronous string key-value store.
///
/// Contract (the store's crash safety rests on it):
/// - `set` of one key is atomic: after it returns `Ok`, `get` returns the new value; if it
///   fails or the process dies during it, the key holds the old value, the new one, or (a
///   torn write, which the store also survives) a prefix of the new one.
/// - `remove` of a missing key is `Ok`.
/// - `keys` lists every key of the storage (the store filters by its namespace).
/// - No call panics or throws through: every failure is an `Err`.
///
/// ```
/// use homecare_drafts::{MemoryStorage, Storage};
/// let mut s = MemoryStorage::new();
/// s.set("k", "v").unwrap();
/// assert_eq!(s.get("k").unwrap().as_deref(), Some("v"));
/// ```
pub trait Storage {
    /// The value under `key`, or `None`.
    fn get(&mut self, key: &str) -> Result<Option<String>, StorageError>;
    /// Stores `value` under `key`, replacing any previous value.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Stores `head` followed by `body` under `key`: exactly `set(key, head + body)`, one
    /// storage call. The store writes chunk 0 of a slot (header line + first piece) this
    /// way, so an adapter that can join the parts without a copy (the JS adapter joins host
    /// strings) may override it; the default concatenates and calls [`Storage::set`].
    fn set_joined(&mut self, key: &str, head: &str, body: &str) -> Result<(), StorageError> {
        let mut value = String::with_capacity(head.len().saturating_add(body.len()));
        value.push_str(head);
        value.push_str(body);
        self.set(key, &value)
    }
    /// Removes `key`; removing a missing key succeeds.
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
    /// All keys.
    fn keys(&mut self) -> Result<Vec<String>, StorageError>;
    /// Current usage and limit.
    fn info(&mut self) -> Result<StorageInfo, StorageError>;
}

impl<S: Storage + ?Sized> Storage for Box<S> {
    fn get(&mut self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }
    fn set_joined(&mut self, key: &str, head: &str, body: &str) -> Result<(), StorageError> {
        (**self).set_joined(key, head, body)
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }
    fn keys(&mut self) -> Result<Vec<String>, StorageError> {
        (**self).keys()
    }
    fn info(&mut self) -> Result<StorageInfo, StorageError> {
        (**self).info()
    }
}

impl<S: Storage + ?Sized> Storage for &mut S {
    fn get(&mut self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }
    fn set_joined(&mut self, key: &str, head: &str, body: &str) -> Result<(), StorageError> {
        (**self).set_joined(key, head, body)
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }
    fn keys(&mut self) -> Result<Vec<String>, StorageError> {
        (**self).keys()
    }
    fn info(&mut self) -> Result<StorageInfo, StorageError> {
        (**self).info()
    }
}

/// Shares one storage between a [`crate::DraftStore`] and an [`crate::Outbox`]. A re-entrant
/// borrow (impossible with this crate's single-threaded calls) is reported as an error, not a
/// panic.
impl<S: Storage + ?Sized> Storage for Rc<RefCell<S>> {
    fn get(&mut self, key: &str) -> Result<Option<String>, StorageError> {
        borrow(self)?.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        borrow(self)?.set(key, value)
    }
    fn set_joined(&mut self, key: &str, head: &str, body: &str) -> Result<(), StorageError> {
        borrow(self)?.set_joined(key, head, body)
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        borrow(self)?.remove(key)
    }
    fn keys(&mut self) -> Result<Vec<String>, StorageError> {
        borrow(self)?.keys()
    }
    fn info(&mut self) -> Result<StorageInfo, StorageError> {
        borrow(self)?.info()
    }
}

fn borrow<S: ?Sized>(cell: &RefCell<S>) -> Result<std::cell::RefMut<'_, S>, StorageError> {
    cell.try_borrow_mut()
        .map_err(|_| StorageError::Failed("storage is already in use".into()))
}
