//! The crash-safe record: two slots, chunks, a checksum and a pointer written last.
//!
//! One record lives under a base key `B`:
//!
//! - `B` holds the **pointer**, a small JSON object `{"v":1,"cur":{meta},"prev":{meta}}`.
//!   Writing it is the commit: a record without a pointer does not exist.
//! - `B:a0`, `B:a1`, … and `B:b0`, … hold the two **slots**. Generation `g` lives in slot `a`
//!   when `g` is even and `b` when odd, so a new write never touches the committed slot.
//! - chunk 0 of a slot starts with the slot's own meta as one JSON line, then `\n`, then the
//!   first piece of the stored text; chunks 1.. hold further pieces. The meta in chunk 0
//!   makes a slot self-describing, so a damaged pointer can be rebuilt by scanning.
//! - `meta.sum` is xxh3-128 of the whole stored text (`x3:` + base64; older slots: SHA-256
//!   truncated to 128 bits): it catches torn writes, flipped bytes and chunks from different attempts.
//!
//! A write goes: read pointer, `info()` quota pre-check, write every chunk of the free slot,
//! write the pointer (the commit), then remove chunks the new slot no longer uses. An
//! interruption before the pointer leaves the old pointer and its intact slot; after it, the
//! new one. Reads try `cur`, then `prev`, then (pointer damaged) every slot header.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::int_of;
use crate::storage::{Storage, StorageError};
use crate::{DraftError, ErrorKind};

/// Pointer format version.
const FORMAT: u8 = 1;
/// Room kept in chunk 0 for the slot header line.
pub(crate) const HEADER_RESERVE: usize = 512;

/// One slot's description, stored in the pointer and at the head of the slot's chunk 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SlotMeta {
    /// Generation: +1 per committed write; its parity picks the slot.
    pub gen: u64,
    /// Number of chunks.
    pub n: u32,
    /// Bytes of stored text over all chunks (without the header line).
    pub len: u64,
    /// `x3:` + base64(xxh3-128(stored text)), or base64(SHA-256(stored text)[..16]) in
    /// slots written by earlier versions.
    pub sum: String,
    /// Schema version (drafts) or record format (outbox).
    pub ver: u32,
    /// Updated at, ms since the epoch, as the caller said.
    pub at: i64,
    /// Created at, ms since the epoch.
    pub created: i64,
    /// Plaintext bytes.
    pub size: u64,
    /// Whether the stored text is base64 of a sealed blob (else the plaintext itself).
    pub sealed: bool,
}

impl SlotMeta {
    pub(crate) fn letter(&self) -> char {
        if self.gen.is_multiple_of(2) {
            'a'
        } else {
            'b'
        }
    }
}

/// The commit record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Pointer {
    pub v: u8,
    pub cur: SlotMeta,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<SlotMeta>,
}

/// What the pointer key holds.
#[derive(Debug, Clone)]
pub(crate) enum PointerRead {
    Missing,
    Valid(Pointer),
    Damaged,
}

pub(crate) fn chunk_key(base: &str, letter: char, index: u32) -> String {
    format!("{base}:{letter}{index}")
}

pub(crate) fn storage_error(e: StorageError) -> DraftError {
    match e {
        StorageError::Quota(detail) => {
            DraftError::new(ErrorKind::QuotaExceeded).text("detail", detail)
        }
        StorageError::Failed(detail) => {
            DraftError::new(ErrorKind::StorageFailed).text("detail", detail)
        }
    }
}

/// Prefix of an xxh3-128 checksum. Sums without it (22 characters of base64, no `:`) are
/// the SHA-256 of slots written before, still verified as such.
const XXH3: &str = "x3:";

/// 16 bytes as unpadded base64 (22 characters).
fn b64_16(bytes: &[u8]) -> String {
    let mut sum = crate::b64::encode(bytes);
    // 16 bytes end in "=="; the stored form is unpadded.
    sum.truncate(22);
    sum
}

/// The checksum of a new slot: `x3:` + base64(xxh3-128(stored text)). It only has to catch
/// torn writes, flipped bytes and chunks of another attempt (an unkeyed hash, SHA-256
/// included, cannot stop someone who rewrites the storage on purpose; sealed slots are
/// authenticated by the AEAD tag). xxh3 runs about 10x faster than SHA-256 in MVP wasm.
pub(crate) fn checksum(stored: &str) -> String {
    let h = xxhash_rust::xxh3::xxh3_128(stored.as_bytes());
    let mut sum = String::with_capacity(XXH3.len() + 22);
    sum.push_str(XXH3);
    sum.push_str(&b64_16(&h.to_le_bytes()));
    sum
}

/// Whether `stored` matches `sum`: xxh3-128 for `x3:` sums, else the first 128 bits of
/// SHA-256 (the format of earlier versions, so their drafts stay loadable).
pub(crate) fn sum_matches(stored: &str, sum: &str) -> bool {
    if sum.starts_with(XXH3) {
        return checksum(stored) == sum;
    }
    let digest = Sha256::digest(stored.as_bytes());
    b64_16(digest.get(..16).unwrap_or_default()) == sum
}

pub(crate) fn read_pointer<S: Storage + ?Sized>(
    storage: &mut S,
    base: &str,
) -> Result<PointerRead, DraftError> {
    match storage.get(base).map_err(storage_error)? {
        None => Ok(PointerRead::Missing),
        Some(text) => Ok(match serde_json::from_str::<Pointer>(&text) {
            Ok(p) if p.v == FORMAT => PointerRead::Valid(p),
            _ => PointerRead::Damaged,
        }),
    }
}

/// The headers of slot `a` and `b` that parse (unverified), highest generation first.
pub(crate) fn scan_headers<S: Storage + ?Sized>(
    storage: &mut S,
    base: &str,
) -> Result<Vec<SlotMeta>, DraftError> {
    let mut found = Vec::new();
    for letter in ['a', 'b'] {
        if let Some(chunk) = storage
            .get(&chunk_key(base, letter, 0))
            .map_err(storage_error)?
        {
            if let Some(meta) = chunk
                .split_once('\n')
                .and_then(|(h, _)| serde_json::from_str::<SlotMeta>(h).ok())
                .filter(|m| m.letter() == letter)
            {
                found.push(meta);
            }
        }
    }
    found.sort_by_key(|m| core::cmp::Reverse(m.gen));
    Ok(found)
}

/// Why a slot could not be read.
pub(crate) enum SlotFault {
    /// The storage call failed: report it, do not fall back to older data.
    Storage(DraftError),
    /// Missing, torn, mixed or flipped: try the next candidate.
    Bad,
}

/// The stored text of a slot as read: `buf[start..]`. For a slot of one chunk `buf` is the
/// chunk's own string and `start` skips its header line, so nothing is copied.
pub(crate) struct Stored {
    buf: String,
    start: usize,
}

impl Stored {
    /// The stored text.
    pub(crate) fn as_str(&self) -> &str {
        self.buf.get(self.start..).unwrap_or_default()
    }

    /// The stored text as its own `String` (one move of the text when it follows a header).
    pub(crate) fn into_string(mut self) -> String {
        if self.start == 0 {
            return self.buf;
        }
        if self.buf.is_char_boundary(self.start) {
            self.buf.drain(..self.start);
            return self.buf;
        }
        self.as_str().to_owned()
    }
}

/// The stored text of the slot `meta` describes, and the bytes of chunk 0 before it (the
/// header line with its `\n`). The header, the chunk count and the length are always
/// checked; the checksum when `verify` (a sealed slot's owner checks it only when the blob
/// does not open: see [`load`]).
pub(crate) fn read_slot<S: Storage + ?Sized>(
    storage: &mut S,
    base: &str,
    meta: &SlotMeta,
    verify: bool,
) -> Result<(Stored, usize), SlotFault> {
    let letter = meta.letter();
    let get = |storage: &mut S, i: u32| -> Result<String, SlotFault> {
        storage
            .get(&chunk_key(base, letter, i))
            .map_err(|e| SlotFault::Storage(storage_error(e)))?
            .ok_or(SlotFault::Bad)
    };
    let first = get(storage, 0)?;
    let (header, _) = first.split_once('\n').ok_or(SlotFault::Bad)?;
    let head_len = header.len().saturating_add(1);
    let header: SlotMeta = serde_json::from_str(header).map_err(|_| SlotFault::Bad)?;
    if header != *meta {
        return Err(SlotFault::Bad);
    }
    let len = usize::try_from(meta.len).map_err(|_| SlotFault::Bad)?;
    let stored = if meta.n == 1 {
        Stored {
            buf: first,
            start: head_len,
        }
    } else {
        let mut text = String::with_capacity(len);
        text.push_str(first.get(head_len..).unwrap_or_default());
        for i in 1..meta.n {
            if text.len() > len {
                return Err(SlotFault::Bad);
            }
            text.push_str(&get(storage, i)?);
        }
        Stored {
            buf: text,
            start: 0,
        }
    };
    let text = stored.as_str();
    if text.len() != len || (verify && !sum_matches(text, &meta.sum)) {
        return Err(SlotFault::Bad);
    }
    Ok((stored, head_len))
}

/// Why a verified slot could not be decoded by its owner.
pub(crate) enum DecodeFault {
    /// Intact bytes that do not open with this key/AAD.
    Unreadable,
    /// Intact by checksum but not what the owner expects (treated like damage).
    Bad,
}

/// A record read back: the decoded value, the meta it came from, whether an older or
/// rebuilt slot was used, and the pointer (if it was valid).
pub(crate) struct Loaded<T> {
    pub value: T,
    pub meta: SlotMeta,
    pub recovered: bool,
    /// Bytes of chunk 0 before the stored text (see [`read_slot`]).
    pub head_len: usize,
}

/// Loads the newest readable version: the pointer's `cur`; if that is damaged, the newest
/// slot that verifies among the pointer's `prev` and the slot headers found by scanning.
pub(crate) fn load<S: Storage + ?Sized, T>(
    storage: &mut S,
    base: &str,
    mut decode: impl FnMut(&SlotMeta, Stored) -> Result<T, DecodeFault>,
) -> Result<Loaded<T>, DraftError> {
    let (first, prev) = match read_pointer(storage, base)? {
        PointerRead::Missing => return Err(DraftError::new(ErrorKind::NotFound)),
        PointerRead::Valid(p) => (Some(p.cur), p.prev),
        PointerRead::Damaged => (None, None),
    };
    let mut unreadable = false;
    let mut try_slot =
        |storage: &mut S, meta: &SlotMeta| -> Result<Option<(T, usize)>, DraftError> {
            // A sealed slot is authenticated by its AEAD tag: its checksum is checked by the
            // owner only when the blob does not open, to tell damage from another key.
            let (stored, head_len) = match read_slot(storage, base, meta, !meta.sealed) {
                Ok(s) => s,
                Err(SlotFault::Storage(e)) => return Err(e),
                Err(SlotFault::Bad) => return Ok(None),
            };
            match decode(meta, stored) {
                Ok(value) => Ok(Some((value, head_len))),
                Err(DecodeFault::Unreadable) => {
                    unreadable = true;
                    Ok(None)
                }
                Err(DecodeFault::Bad) => Ok(None),
            }
        };
    if let Some(meta) = first.as_ref() {
        if let Some((value, head_len)) = try_slot(storage, meta)? {
            return Ok(Loaded {
                value,
                meta: meta.clone(),
                recovered: false,
                head_len,
            });
        }
    }
    let mut rest: Vec<SlotMeta> = prev.into_iter().collect();
    for meta in scan_headers(storage, base)? {
        if !rest.contains(&meta) && first.as_ref() != Some(&meta) {
            rest.push(meta);
        }
    }
    rest.sort_by_key(|m| core::cmp::Reverse(m.gen));
    for meta in rest {
        if let Some((value, head_len)) = try_slot(storage, &meta)? {
            return Ok(Loaded {
                value,
                meta,
                recovered: true,
                head_len,
            });
        }
    }
    Err(DraftError::new(if unreadable {
        ErrorKind::Unreadable
    } else {
        ErrorKind::Corrupted
    }))
}

/// What the writer knows about the record before writing.
pub(crate) struct Previous {
    /// The committed slot to keep as `prev` (the pointer's `cur`, or the best scanned slot).
    pub keep: Option<SlotMeta>,
    /// The generation to write: above every generation seen, in the slot `keep` is not in.
    pub gen: u64,
    /// Chunks the slot about to be overwritten is known to hold (for GC).
    pub stale_n: u32,
    /// Stored bytes of the slot about to be overwritten and of the old pointer (quota).
    pub stale_bytes: u64,
}

/// Reads what a write needs to know: the committed version and what it will overwrite.
pub(crate) fn previous<S: Storage + ?Sized>(
    storage: &mut S,
    base: &str,
) -> Result<Previous, DraftError> {
    let (keep, known, pointer_bytes) = match read_pointer(storage, base)? {
        PointerRead::Missing => (None, Vec::new(), 0),
        PointerRead::Valid(p) => {
            let bytes = serde_json::to_string(&p)
                .map_or(0, |s| int_u64(s.len().saturating_add(base.len())));
            let mut known = vec![p.cur.clone()];
            known.extend(p.prev);
            (Some(p.cur), known, bytes)
        }
        PointerRead::Damaged => {
            // Rebuild from the slots: keep the newest slot that verifies.
            let headers = scan_headers(storage, base)?;
            let mut keep = None;
            for meta in &headers {
                match read_slot(storage, base, meta, true) {
                    Ok(_) => {
                        keep = Some(meta.clone());
                        break;
                    }
                    Err(SlotFault::Storage(e)) => return Err(e),
                    Err(SlotFault::Bad) => {}
                }
            }
            (keep, headers, 0)
        }
    };
    let corrupt = || DraftError::new(ErrorKind::Corrupted);
    let mut gen = match known.iter().map(|m| m.gen).max() {
        None => 0,
        Some(g) => g.checked_add(1).ok_or_else(corrupt)?,
    };
    // Never overwrite the slot that holds the only good copy.
    if keep.as_ref().is_some_and(|k| k.gen % 2 == gen % 2) {
        gen = gen.checked_add(1).ok_or_else(corrupt)?;
    }
    let stale = known.iter().find(|m| m.gen % 2 == gen % 2);
    Ok(Previous {
        keep,
        gen,
        stale_n: stale.map_or(0, |m| m.n),
        stale_bytes: stale
            .map_or(0, |m| slot_bytes(base, m))
            .saturating_add(pointer_bytes),
    })
}

fn int_u64(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// Approximate stored bytes of a slot (keys + header + text), for the quota estimate.
fn slot_bytes(base: &str, meta: &SlotMeta) -> u64 {
    let keys = int_u64(base.len().saturating_add(4)).saturating_mul(u64::from(meta.n));
    meta.len.saturating_add(keys).saturating_add(250)
}

/// Splits `stored` into pieces: chunk 0 leaves room for the header line.
fn pieces(stored: &str, chunk_size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = stored;
    let mut cap = chunk_size.saturating_sub(HEADER_RESERVE);
    loop {
        if rest.len() <= cap {
            out.push(rest);
            return out;
        }
        let mut cut = cap;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        match rest.split_at_checked(cut) {
            Some((head, tail)) if !head.is_empty() => {
                out.push(head);
                rest = tail;
            }
            // Unreachable with `chunk_size >= 2 * HEADER_RESERVE`; keep the rest whole.
            _ => {
                out.push(rest);
                return out;
            }
        }
        cap = chunk_size;
    }
}

/// What to write.
pub(crate) struct Write<'a> {
    pub base: &'a str,
    /// The stored text (plaintext JSON, or base64 of the sealed blob).
    pub stored: &'a str,
    pub ver: u32,
    pub at: i64,
    pub created: i64,
    pub size: u64,
    pub sealed: bool,
    pub chunk_size: usize,
}

/// Writes the free slot, then the pointer; returns the new committed meta.
pub(crate) fn write<S: Storage + ?Sized>(
    storage: &mut S,
    w: &Write<'_>,
    prev: &Previous,
) -> Result<SlotMeta, DraftError> {
    let parts = pieces(w.stored, w.chunk_size);
    let meta = SlotMeta {
        gen: prev.gen,
        n: u32::try_from(parts.len()).map_err(|_| DraftError::new(ErrorKind::TooLarge))?,
        len: int_u64(w.stored.len()),
        sum: checksum(w.stored),
        ver: w.ver,
        at: w.at,
        created: w.created,
        size: w.size,
        sealed: w.sealed,
    };
    let header = serde_json::to_string(&meta)
        .map_err(|_| DraftError::new(ErrorKind::StorageFailed).text("detail", "header"))?;
    let pointer = serde_json::to_string(&Pointer {
        v: FORMAT,
        cur: meta.clone(),
        prev: prev.keep.clone(),
    })
    .map_err(|_| DraftError::new(ErrorKind::StorageFailed).text("detail", "pointer"))?;
    let letter = meta.letter();

    // Quota pre-check: what this write adds, minus what it replaces.
    let key_len = w.base.len().saturating_add(4);
    let adds = int_u64(
        w.stored
            .len()
            .saturating_add(header.len() + 1)
            .saturating_add(key_len.saturating_mul(parts.len()))
            .saturating_add(pointer.len())
            .saturating_add(w.base.len()),
    );
    let needed = adds.saturating_sub(prev.stale_bytes);
    let info = storage.info().map_err(storage_error)?;
    let used = info.current_size_kb.saturating_mul(1024);
    // A limit of 0 means the adapter cannot tell (e.g. localStorage): rely on `set` failing.
    if info.limit_size_kb > 0
        && used.saturating_add(needed) > info.limit_size_kb.saturating_mul(1024)
    {
        return Err(quota(info.current_size_kb, info.limit_size_kb, needed));
    }

    let mut head = header;
    head.push('\n');
    let mut index: u32 = 0;
    for part in parts.iter().skip(1) {
        index += 1;
        storage
            .set(&chunk_key(w.base, letter, index), part)
            .map_err(|e| with_usage(storage, e, needed))?;
    }
    // Chunk 0 (with the header) last among chunks: a scan then never sees a header whose
    // later chunks were not even attempted. The checksum is what guarantees it, though.
    storage
        .set_joined(
            &chunk_key(w.base, letter, 0),
            &head,
            parts.first().copied().unwrap_or_default(),
        )
        .map_err(|e| with_usage(storage, e, needed))?;

    // The commit. If the call reports failure, the value may still have landed (a platform
    // that wrote and then threw): read it back before reporting failure.
    if let Err(e) = storage.set(w.base, &pointer) {
        match storage.get(w.base) {
            Ok(Some(v)) if v == pointer => {}
            _ => return Err(with_usage(storage, e, needed)),
        }
    }

    // Garbage: chunks of the overwritten slot beyond the new count. Failure is harmless
    // (the pointer says how many chunks count); `purge_expired` sweeps leftovers.
    for i in meta.n..prev.stale_n {
        let _ = storage.remove(&chunk_key(w.base, letter, i));
    }
    Ok(meta)
}

fn quota(current_kb: u64, limit_kb: u64, needed: u64) -> DraftError {
    DraftError::new(ErrorKind::QuotaExceeded)
        .int("currentKb", int_of(current_kb))
        .int("limitKb", int_of(limit_kb))
        .int("neededKb", int_of(needed.div_ceil(1024)))
}

/// A failed `set`: a quota error gets the usage figures (best effort), others pass through.
fn with_usage<S: Storage + ?Sized>(storage: &mut S, e: StorageError, needed: u64) -> DraftError {
    match e {
        StorageError::Quota(detail) => match storage.info() {
            Ok(info) => quota(info.current_size_kb, info.limit_size_kb, needed),
            Err(_) => DraftError::new(ErrorKind::QuotaExceeded).text("detail", detail),
        },
        other => storage_error(other),
    }
}

/// Removes a record: the pointer first (after that it does not exist), then its chunks.
/// Returns whether a pointer was there.
pub(crate) fn remove<S: Storage + ?Sized>(storage: &mut S, base: &str) -> Result<bool, DraftError> {
    let existed = storage.get(base).map_err(storage_error)?.is_some();
    storage.remove(base).map_err(storage_error)?;
    if let Ok(keys) = storage.keys() {
        let prefix = format!("{base}:");
        for key in keys.iter().filter(|k| is_chunk_of(k, &prefix)) {
            let _ = storage.remove(key);
        }
    }
    Ok(existed)
}

/// True for `prefix` + `a`/`b` + digits.
pub(crate) fn is_chunk_of(key: &str, prefix: &str) -> bool {
    key.strip_prefix(prefix).is_some_and(|rest| {
        let mut chars = rest.chars();
        matches!(chars.next(), Some('a' | 'b'))
            && !chars.as_str().is_empty()
            && chars.all(|c| c.is_ascii_digit())
    })
}

/// Splits a chunk key into its base, or `None` for other keys.
pub(crate) fn chunk_base(key: &str) -> Option<&str> {
    let (base, tail) = key.rsplit_once(':')?;
    is_chunk_of(key, &format!("{base}:"))
        .then_some(base)
        .filter(|_| !tail.is_empty())
}

/// Removes chunk keys among `keys` that no valid pointer references: leftovers of
/// interrupted writes and removals. A base whose pointer is damaged is left alone (its
/// slots are the only copy). Returns how many keys were removed.
pub(crate) fn sweep<S: Storage + ?Sized>(
    storage: &mut S,
    keys: &[String],
    owns: impl Fn(&str) -> bool,
) -> Result<usize, DraftError> {
    let mut removed = 0;
    let mut current: Option<(String, Option<PointerRead>)> = None;
    for key in keys {
        let Some(base) = chunk_base(key).filter(|b| owns(b)) else {
            continue;
        };
        if current.as_ref().is_none_or(|(b, _)| b != base) {
            let read = if keys.iter().any(|k| k == base) {
                Some(read_pointer(storage, base)?)
            } else {
                None
            };
            current = Some((base.to_owned(), read));
        }
        let referenced = match current.as_ref().map(|(_, r)| r) {
            Some(Some(PointerRead::Valid(p))) => {
                let tail = key.get(base.len() + 1..).unwrap_or_default();
                [Some(&p.cur), p.prev.as_ref()]
                    .into_iter()
                    .flatten()
                    .any(|m| {
                        let mut chars = tail.chars();
                        chars.next() == Some(m.letter())
                            && chars.as_str().parse::<u32>().is_ok_and(|i| i < m.n)
                    })
            }
            Some(Some(PointerRead::Damaged)) => true,
            _ => false,
        };
        if !referenced {
            storage.remove(key).map_err(storage_error)?;
            removed += 1;
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_respect_the_size_and_char_boundaries() {
        let s = "护".repeat(1000); // 3000 bytes
        let parts = pieces(&s, 1024);
        assert_eq!(parts.concat(), s);
        assert!(parts[0].len() <= 1024 - HEADER_RESERVE);
        assert!(parts.iter().all(|p| p.len() <= 1024 && !p.is_empty()));
        assert_eq!(pieces("", 1024), vec![""]);
    }

    #[test]
    fn checksums_are_xxh3_and_older_sha256_sums_still_verify() {
        let sum = checksum("abc");
        assert!(sum.starts_with("x3:") && sum.len() == 25, "{sum}");
        assert!(sum_matches("abc", &sum));
        assert!(!sum_matches("abd", &sum));
        // first 128 bits of SHA-256("abc"), unpadded base64: the format of earlier versions
        assert!(sum_matches("abc", "ungWv48Bz+pBQUDeXa4iIw"));
        assert!(!sum_matches("abd", "ungWv48Bz+pBQUDeXa4iIw"));
    }

    #[test]
    fn chunk_keys_parse_back() {
        assert_eq!(chunk_base("hc:d:f:x:a0"), Some("hc:d:f:x"));
        assert_eq!(chunk_base("hc:d:f:x:b12"), Some("hc:d:f:x"));
        assert_eq!(chunk_base("hc:d:f:x"), None);
        assert_eq!(chunk_base("hc:d:f:x:c1"), None);
        assert_eq!(chunk_base("hc:d:f:x:a"), None);
        assert!(is_chunk_of("b:a3", "b:"));
        assert!(!is_chunk_of("b:a3x", "b:"));
    }
}
