//! An in-memory [`Storage`] with WeChat's quotas, for tests, Node and web builds without a
//! persistent store.

use std::collections::BTreeMap;

use crate::storage::{Storage, StorageError, StorageInfo};

/// WeChat's limit per key: 1 MB.
pub const WECHAT_KEY_LIMIT_BYTES: u64 = 1024 * 1024;
/// WeChat's limit per user and mini program: 10 MB.
pub const WECHAT_TOTAL_LIMIT_BYTES: u64 = 10 * 1024 * 1024;

/// Keys and values in a map; sizes are UTF-8 bytes of key + value, as the quotas count them.
///
/// ```
/// use homecare_drafts::{MemoryStorage, Storage, StorageError};
/// let mut s = MemoryStorage::with_limits(8, 100);
/// assert!(matches!(s.set("key", "too long"), Err(StorageError::Quota(_))));
/// s.set("k", "1234567").unwrap();
/// assert_eq!(s.info().unwrap().current_size_kb, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoryStorage {
    entries: BTreeMap<String, String>,
    used: u64,
    key_limit: u64,
    total_limit: u64,
}

impl Default for MemoryStorage {
    fn default() -> Self {
        MemoryStorage::new()
    }
}

impl MemoryStorage {
    /// Empty, with WeChat's limits (1 MB per key, 10 MB in total).
    pub fn new() -> Self {
        MemoryStorage::with_limits(WECHAT_KEY_LIMIT_BYTES, WECHAT_TOTAL_LIMIT_BYTES)
    }

    /// Empty, with the given limits in bytes.
    pub fn with_limits(key_limit: u64, total_limit: u64) -> Self {
        MemoryStorage {
            entries: BTreeMap::new(),
            used: 0,
            key_limit,
            total_limit,
        }
    }

    /// Bytes used (keys + values).
    pub fn used_bytes(&self) -> u64 {
        self.used
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no key is stored.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Direct read, without going through the trait (for tests and debugging).
    pub fn peek(&self, key: &str) -> Option<&str> {
        self.entries.get(key).map(String::as_str)
    }

    /// Iterates over all entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

fn entry_size(key: &str, value: &str) -> u64 {
    u64::try_from(key.len().saturating_add(value.len())).unwrap_or(u64::MAX)
}

impl Storage for MemoryStorage {
    fn get(&mut self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        let size = entry_size(key, value);
        if size > self.key_limit {
            return Err(StorageError::Quota(format!(
                "exceed data max length: {size} > {}",
                self.key_limit
            )));
        }
        let old = self.entries.get(key).map_or(0, |v| entry_size(key, v));
        let used = self.used.saturating_sub(old).saturating_add(size);
        if used > self.total_limit {
            return Err(StorageError::Quota(format!(
                "exceed storage max size: {used} > {}",
                self.total_limit
            )));
        }
        self.entries.insert(key.to_owned(), value.to_owned());
        self.used = used;
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        if let Some(v) = self.entries.remove(key) {
            self.used = self.used.saturating_sub(entry_size(key, &v));
        }
        Ok(())
    }

    fn keys(&mut self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries.keys().cloned().collect())
    }

    fn info(&mut self) -> Result<StorageInfo, StorageError> {
        Ok(StorageInfo {
            current_size_kb: self.used.div_ceil(1024),
            limit_size_kb: self.total_limit / 1024,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotas_count_utf8_bytes_of_key_and_value() {
        let mut s = MemoryStorage::with_limits(10, 14);
        s.set("k", "护理").unwrap(); // 1 + 6 bytes
        assert_eq!(s.used_bytes(), 7);
        assert!(matches!(s.set("k2", "护理护"), Err(StorageError::Quota(_)))); // 2 + 9 > 10
        s.set("k2", "护").unwrap(); // total 7 + 5 = 12
        assert!(matches!(s.set("k3", "x"), Err(StorageError::Quota(_)))); // 15 > 14
        s.set("k", "a").unwrap(); // replacing frees the old value first
        assert_eq!(s.used_bytes(), 7);
        s.remove("k").unwrap();
        s.remove("missing").unwrap();
        assert_eq!(s.used_bytes(), 5);
        assert_eq!(s.keys().unwrap(), vec!["k2".to_string()]);
    }
}
