//! The draft store: save, load (with migrations), list, remove, purge, autosave.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::int_of;
use crate::ids::check_id;
use crate::migrate::{apply_steps, MigrationStep, StepFailed};
use crate::options::{invalid, DraftOptions};
use crate::record::{self, DecodeFault, PointerRead, SlotMeta, Stored, Write};
use crate::storage::Storage;
use crate::{DraftError, ErrorKind, Sealer};

/// A loaded draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    /// The form it belongs to.
    pub form_id: String,
    /// Its id within the form.
    pub draft_id: String,
    /// The JSON text, upgraded to `schema_version`.
    pub data: String,
    /// The schema version of `data` (after migrations).
    pub schema_version: u32,
    /// The schema version it was stored with.
    pub stored_version: u32,
    /// Last save, ms since the epoch.
    pub updated_at: i64,
    /// First save, ms since the epoch.
    pub created_at: i64,
    /// True when the newest slot was damaged and an older complete version (or a slot
    /// found without its pointer) was returned: the UI may say "restored an earlier copy".
    pub recovered: bool,
}

/// How a listed draft stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DraftStatus {
    /// Loadable (as far as the metadata tells; `load` verifies the bytes).
    Ready,
    /// Past its TTL; `load` reports `drafts.expired`, `purge_expired` removes it.
    Expired,
    /// Saved by a newer app version; kept untouched.
    NewerVersion,
    /// Its pointer and slot headers are unreadable; `load` reports `drafts.corrupted`.
    Damaged,
}

/// Metadata of a draft, readable without decrypting it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DraftInfo {
    /// The form it belongs to.
    pub form_id: String,
    /// Its id within the form.
    pub draft_id: String,
    /// Last save, ms since the epoch.
    pub updated_at: i64,
    /// First save, ms since the epoch.
    pub created_at: i64,
    /// When it expires (`updated_at + ttl`).
    pub expires_at: i64,
    /// Bytes of its JSON text.
    pub size: u64,
    /// Schema version it was stored with.
    pub schema_version: u32,
    /// Whether it is encrypted at rest.
    pub sealed: bool,
    /// Ready, expired, newer version or damaged.
    pub status: DraftStatus,
}

/// What `autosave` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "outcome")]
pub enum Autosave {
    /// Written now.
    Saved(DraftInfo),
    /// Within the throttle window: kept in memory until the next autosave after the window
    /// or `flush`.
    Deferred,
}

/// What `purge_expired` did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PurgeReport {
    /// Expired drafts removed.
    pub removed: u32,
    /// Expired drafts kept because a newer app version wrote them.
    pub kept_newer: u32,
    /// Leftover chunk keys of interrupted writes removed.
    pub garbage_keys: u32,
}

/// Storage usage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Usage {
    /// Drafts in this namespace.
    pub drafts: u32,
    /// Bytes their committed slots take (both slots, without keys).
    pub draft_bytes: u64,
    /// As `info()` reports for the whole storage.
    pub current_size_kb: u64,
    /// As `info()` reports for the whole storage.
    pub limit_size_kb: u64,
}

#[derive(Debug, Default)]
struct FormSchema {
    current: Option<u32>,
    steps: BTreeMap<u32, Vec<MigrationStep>>,
}

#[derive(Debug)]
struct Pending {
    data: String,
    schema_version: u32,
}

type DraftKey = (String, String);

/// Where the data of the last successful [`DraftStore::load`] came from, when it is the
/// stored text itself (unsealed and not migrated): the concatenation of the values of `keys`
/// as the storage returned them during that load (their last `get`), minus the first
/// `skip` bytes of the first (the slot header line). A host adapter can hand those values
/// back instead of copying the text out of Rust (see `crates/wasm`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verbatim {
    /// Chunk keys of the slot, in order.
    pub keys: Vec<String>,
    /// Bytes of the first value before the data.
    pub skip: usize,
}

/// Drafts over a [`Storage`], crash-safe per draft (see the crate docs for the format).
///
/// ```
/// use homecare_drafts::{DraftOptions, DraftStore, MemoryStorage};
/// let mut store = DraftStore::new(MemoryStorage::new(), DraftOptions::default(), None).unwrap();
/// store.save("booking", "d1", r#"{"address":"幸福路1号"}"#, 1, 1_000).unwrap();
/// let draft = store.load("booking", "d1", 2_000).unwrap();
/// assert_eq!(draft.data, r#"{"address":"幸福路1号"}"#);
/// assert_eq!(store.list(None, 2_000).unwrap().len(), 1);
/// ```
pub struct DraftStore<S: Storage> {
    storage: S,
    options: DraftOptions,
    sealer: Option<Box<dyn Sealer>>,
    forms: BTreeMap<String, FormSchema>,
    pending: BTreeMap<DraftKey, Pending>,
    last_write: BTreeMap<DraftKey, i64>,
    verbatim: Option<Verbatim>,
}

/// The AAD of a draft slot: a sealed blob opens only under the namespace, form, draft,
/// schema version and generation it was written for.
fn draft_aad(ns: &str, form: &str, draft: &str, ver: u32, gen: u64) -> Vec<u8> {
    format!("homecare-drafts/1\0{ns}\0{form}\0{draft}\0{ver}\0{gen}").into_bytes()
}

/// The opened blob of a sealed draft (see [`DraftStore::load_unchecked`]): the draft's JSON
/// text is [`Opened::bytes`], authenticated by the sealer but **not yet checked as UTF-8**.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    buf: Vec<u8>,
    range: core::ops::Range<usize>,
}

impl Opened {
    /// The plaintext bytes.
    pub fn bytes(&self) -> &[u8] {
        self.buf.get(self.range.clone()).unwrap_or_default()
    }

    /// The plaintext as text (`None`: not UTF-8). Moves the bytes to the front of the
    /// buffer when they do not start it (one move, no new buffer).
    pub fn into_string(self) -> Option<String> {
        let Opened { mut buf, range } = self;
        if range.end > buf.len() || range.start > range.end {
            return None;
        }
        buf.truncate(range.end);
        buf.drain(..range.start);
        String::from_utf8(buf).ok()
    }
}

/// A slot's plaintext: checked text, or (when the caller checks UTF-8 itself) an opened blob.
pub(crate) enum Plain {
    Text(String),
    Opened(Opened),
}

/// Turns a slot into plaintext: base64-decode and open when sealed. `check_utf8: false`
/// leaves a sealed slot's plaintext as bytes ([`Plain::Opened`]).
///
/// A sealed slot arrives unchecked by its checksum (`record::load`): when the blob opens,
/// the AEAD tag has authenticated every byte (and the strict base64 decoder accepts one
/// text per blob), so the checksum would only repeat that. When it does not open, the
/// checksum tells damage (`Bad`: try an older slot) from intact bytes under another key or
/// AAD (`Unreadable`).
pub(crate) fn open_plain(
    sealer: Option<&dyn Sealer>,
    meta: &SlotMeta,
    stored: Stored,
    aad: &[u8],
    check_utf8: bool,
) -> Result<Plain, DecodeFault> {
    let plain = if meta.sealed {
        let text = stored.as_str();
        let opened = match sealer {
            None => Err(DecodeFault::Unreadable),
            Some(sealer) => match crate::b64::decode(text) {
                None => Err(DecodeFault::Bad),
                Some(blob) => sealer
                    .open_owned(blob, aad)
                    .map(|(buf, range)| Opened { buf, range })
                    .map_err(|_| DecodeFault::Unreadable),
            },
        };
        let opened = match opened {
            Ok(o) => o,
            Err(_) if !record::sum_matches(text, &meta.sum) => return Err(DecodeFault::Bad),
            Err(fault) => return Err(fault),
        };
        if u64::try_from(opened.range.len()).ok() != Some(meta.size) {
            return Err(DecodeFault::Bad);
        }
        if !check_utf8 {
            return Ok(Plain::Opened(opened));
        }
        opened.into_string().ok_or(DecodeFault::Bad)?
    } else {
        stored.into_string()
    };
    if u64::try_from(plain.len()).ok() != Some(meta.size) {
        return Err(DecodeFault::Bad);
    }
    Ok(Plain::Text(plain))
}

/// [`open_plain`] to checked text.
pub(crate) fn open_slot(
    sealer: Option<&dyn Sealer>,
    meta: &SlotMeta,
    stored: Stored,
    aad: &[u8],
) -> Result<String, DecodeFault> {
    match open_plain(sealer, meta, stored, aad, true)? {
        Plain::Text(text) => Ok(text),
        Plain::Opened(_) => Err(DecodeFault::Bad),
    }
}

/// Seals `data` (then base64) when a sealer is configured; the stored text otherwise is
/// the JSON itself, which storage keeps as a string anyway.
pub(crate) fn seal_text(
    sealer: Option<&dyn Sealer>,
    data: &str,
    aad: &[u8],
) -> Result<Option<String>, DraftError> {
    match sealer {
        None => Ok(None),
        Some(s) => Ok(Some(crate::b64::encode(&s.seal(data.as_bytes(), aad)?))),
    }
}

impl<S: Storage> DraftStore<S> {
    /// A store over `storage`. With a `sealer`, drafts are encrypted at rest.
    pub fn new(
        storage: S,
        options: DraftOptions,
        sealer: Option<Box<dyn Sealer>>,
    ) -> Result<Self, DraftError> {
        options.check()?;
        Ok(DraftStore {
            storage,
            options,
            sealer,
            forms: BTreeMap::new(),
            pending: BTreeMap::new(),
            last_write: BTreeMap::new(),
            verbatim: None,
        })
    }

    /// The options in use.
    pub fn options(&self) -> &DraftOptions {
        &self.options
    }

    /// The storage (to share it or inspect it).
    pub fn storage_mut(&mut self) -> &mut S {
        &mut self.storage
    }

    /// Gives the storage back (pending autosaves are dropped: `flush` first).
    pub fn into_storage(self) -> S {
        self.storage
    }

    fn base(&self, form_id: &str, draft_id: &str) -> String {
        format!("{}:d:{form_id}:{draft_id}", self.options.namespace)
    }

    /// Declares the schema version this app writes for `form_id`. Without it the version is
    /// the highest one migrations lead to; with neither, drafts load as stored.
    pub fn set_schema_version(&mut self, form_id: &str, version: u32) -> Result<(), DraftError> {
        check_id("formId", form_id)?;
        self.forms.entry(form_id.to_owned()).or_default().current = Some(version);
        Ok(())
    }

    /// Registers the steps that upgrade `form_id` drafts from `from_version` to
    /// `from_version + 1`. Replaces steps registered before for the same version.
    ///
    /// ```
    /// use homecare_drafts::{DraftOptions, DraftStore, MemoryStorage, MigrationStep};
    /// let mut store = DraftStore::new(MemoryStorage::new(), DraftOptions::default(), None).unwrap();
    /// store.save("reg", "d", r#"{"tel":"138"}"#, 1, 0).unwrap();
    /// store.register_migration("reg", 1, vec![MigrationStep::Rename {
    ///     path: "/tel".into(), to: "mobile".into() }]).unwrap();
    /// let d = store.load("reg", "d", 0).unwrap();
    /// assert_eq!((d.data.as_str(), d.schema_version), (r#"{"mobile":"138"}"#, 2));
    /// ```
    pub fn register_migration(
        &mut self,
        form_id: &str,
        from_version: u32,
        steps: Vec<MigrationStep>,
    ) -> Result<(), DraftError> {
        check_id("formId", form_id)?;
        if !steps.iter().all(MigrationStep::is_valid) || from_version == u32::MAX {
            return Err(invalid("migration"));
        }
        self.forms
            .entry(form_id.to_owned())
            .or_default()
            .steps
            .insert(from_version, steps);
        Ok(())
    }

    /// The schema version this app knows for `form_id`, if any.
    pub fn schema_version(&self, form_id: &str) -> Option<u32> {
        let form = self.forms.get(form_id)?;
        form.current
            .or_else(|| form.steps.keys().next_back().and_then(|v| v.checked_add(1)))
    }

    fn check_size(&self, data: &str) -> Result<(), DraftError> {
        if data.len() > self.options.max_draft_bytes {
            return Err(DraftError::new(ErrorKind::TooLarge)
                .int("size", int_of(data.len()))
                .int("max", int_of(self.options.max_draft_bytes)));
        }
        Ok(())
    }

    /// Saves `data` (JSON text, stored verbatim) as the new version of the draft.
    ///
    /// Atomic: on any error the previous version stays loadable. Refuses to overwrite a
    /// draft stored with a newer schema version (`drafts.newer_version`).
    pub fn save(
        &mut self,
        form_id: &str,
        draft_id: &str,
        data: &str,
        schema_version: u32,
        now: i64,
    ) -> Result<DraftInfo, DraftError> {
        check_id("formId", form_id)?;
        check_id("draftId", draft_id)?;
        self.check_size(data)?;
        let base = self.base(form_id, draft_id);
        let prev = record::previous(&mut self.storage, &base)?;
        if let Some(keep) = prev.keep.as_ref().filter(|k| k.ver > schema_version) {
            return Err(DraftError::new(ErrorKind::NewerVersion)
                .int("found", i64::from(keep.ver))
                .int("known", i64::from(schema_version)));
        }
        let aad = draft_aad(
            &self.options.namespace,
            form_id,
            draft_id,
            schema_version,
            prev.gen,
        );
        let sealed = seal_text(self.sealer.as_deref(), data, &aad)?;
        let meta = record::write(
            &mut self.storage,
            &Write {
                base: &base,
                stored: sealed.as_deref().unwrap_or(data),
                ver: schema_version,
                at: now,
                created: prev.keep.as_ref().map_or(now, |k| k.created),
                size: u64::try_from(data.len()).unwrap_or(u64::MAX),
                sealed: sealed.is_some(),
                chunk_size: self.options.chunk_size,
            },
            &prev,
        )?;
        let key = (form_id.to_owned(), draft_id.to_owned());
        self.pending.remove(&key);
        self.last_write.insert(key, now);
        Ok(self.info_of(form_id, draft_id, &meta, now))
    }

    /// [`Self::save`] of a JSON value.
    pub fn save_value(
        &mut self,
        form_id: &str,
        draft_id: &str,
        data: &serde_json::Value,
        schema_version: u32,
        now: i64,
    ) -> Result<DraftInfo, DraftError> {
        let text = serde_json::to_string(data).map_err(|_| invalid("data"))?;
        self.save(form_id, draft_id, &text, schema_version, now)
    }

    fn info_of(&self, form_id: &str, draft_id: &str, meta: &SlotMeta, now: i64) -> DraftInfo {
        let expires_at = meta.at.saturating_add(self.options.ttl_ms);
        let status = if self
            .schema_version(form_id)
            .is_some_and(|known| meta.ver > known)
        {
            DraftStatus::NewerVersion
        } else if now >= expires_at {
            DraftStatus::Expired
        } else {
            DraftStatus::Ready
        };
        DraftInfo {
            form_id: form_id.to_owned(),
            draft_id: draft_id.to_owned(),
            updated_at: meta.at,
            created_at: meta.created,
            expires_at,
            size: meta.size,
            schema_version: meta.ver,
            sealed: meta.sealed,
            status,
        }
    }

    /// Loads the draft as stored: no migration, no version check (for JS-side migrations).
    /// Expired drafts report `drafts.expired`.
    pub fn load_raw(
        &mut self,
        form_id: &str,
        draft_id: &str,
        now: i64,
    ) -> Result<Draft, DraftError> {
        let (draft, _) = self.load_plain(form_id, draft_id, now, true)?;
        Ok(draft)
    }

    /// [`Self::load_raw`] with the data as [`Plain`]; the draft's `data` is empty when it is
    /// an opened blob.
    fn load_plain(
        &mut self,
        form_id: &str,
        draft_id: &str,
        now: i64,
        check_utf8: bool,
    ) -> Result<(Draft, Option<Opened>), DraftError> {
        self.verbatim = None;
        check_id("formId", form_id)?;
        check_id("draftId", draft_id)?;
        let base = self.base(form_id, draft_id);
        let ns = self.options.namespace.as_str();
        let sealer = self.sealer.as_deref();
        let loaded = record::load(&mut self.storage, &base, |meta, stored| {
            let aad = draft_aad(ns, form_id, draft_id, meta.ver, meta.gen);
            open_plain(sealer, meta, stored, &aad, check_utf8)
        })?;
        let meta = loaded.meta;
        let expires_at = meta.at.saturating_add(self.options.ttl_ms);
        if now >= expires_at {
            return Err(DraftError::new(ErrorKind::Expired)
                .int("updatedAt", meta.at)
                .int("expiresAt", expires_at));
        }
        if !meta.sealed {
            let letter = meta.letter();
            self.verbatim = Some(Verbatim {
                keys: (0..meta.n)
                    .map(|i| record::chunk_key(&base, letter, i))
                    .collect(),
                skip: loaded.head_len,
            });
        }
        let (data, opened) = match loaded.value {
            Plain::Text(text) => (text, None),
            Plain::Opened(o) => (String::new(), Some(o)),
        };
        Ok((
            Draft {
                form_id: form_id.to_owned(),
                draft_id: draft_id.to_owned(),
                data,
                schema_version: meta.ver,
                stored_version: meta.ver,
                updated_at: meta.at,
                created_at: meta.created,
                recovered: loaded.recovered,
            },
            opened,
        ))
    }

    /// Loads the newest complete version and upgrades it to the form's schema version.
    ///
    /// The upgraded draft is not written back (the next save does that), so a failed or
    /// wrong migration never costs the stored copy.
    pub fn load(&mut self, form_id: &str, draft_id: &str, now: i64) -> Result<Draft, DraftError> {
        let draft = self.load_raw(form_id, draft_id, now)?;
        self.upgrade(form_id, draft)
    }

    /// [`Self::load`] (or, with `raw`, [`Self::load_raw`]) for a host whose own UTF-8
    /// decoder checks the text while converting it (a JS `TextDecoder` with `fatal`), so it
    /// is not checked twice: a sealed draft that needs no migration comes back as the
    /// [`Opened`] blob, and then the draft's `data` is empty. The caller must treat bytes
    /// that are not UTF-8 as `drafts.corrupted` (the AEAD tag authenticated them, so only
    /// a writer holding the key could have stored them).
    pub fn load_unchecked(
        &mut self,
        form_id: &str,
        draft_id: &str,
        now: i64,
        raw: bool,
    ) -> Result<(Draft, Option<Opened>), DraftError> {
        let (mut draft, opened) = self.load_plain(form_id, draft_id, now, false)?;
        let known = if raw {
            None
        } else {
            self.schema_version(form_id)
        };
        match (opened, known) {
            (Some(o), Some(known)) if known != draft.stored_version => {
                draft.data = o
                    .into_string()
                    .ok_or_else(|| DraftError::new(ErrorKind::Corrupted))?;
                Ok((self.upgrade(form_id, draft)?, None))
            }
            (Some(o), _) => Ok((draft, Some(o))),
            (None, _) if raw => Ok((draft, None)),
            (None, _) => Ok((self.upgrade(form_id, draft)?, None)),
        }
    }

    /// Upgrades a loaded draft to the form's schema version (see [`Self::load`]).
    fn upgrade(&mut self, form_id: &str, mut draft: Draft) -> Result<Draft, DraftError> {
        let Some(known) = self.schema_version(form_id) else {
            return Ok(draft);
        };
        let from = draft.stored_version;
        if from != known {
            // Refused or migrated: the data is no longer the stored text.
            self.verbatim = None;
        }
        if from > known {
            return Err(DraftError::new(ErrorKind::NewerVersion)
                .int("found", i64::from(from))
                .int("known", i64::from(known)));
        }
        if from == known {
            return Ok(draft);
        }
        let failed = |v: u32, step: i64| {
            DraftError::new(ErrorKind::MigrationFailed)
                .int("from", i64::from(v))
                .int("step", step)
        };
        let mut value: serde_json::Value =
            serde_json::from_str(&draft.data).map_err(|_| failed(from, -1))?;
        let steps = self.forms.get(form_id).map(|f| &f.steps);
        for v in from..known {
            let Some(list) = steps.and_then(|s| s.get(&v)) else {
                return Err(DraftError::new(ErrorKind::MigrationMissing)
                    .int("from", i64::from(v))
                    .int("known", i64::from(known)));
            };
            apply_steps(&mut value, list).map_err(|StepFailed(i)| failed(v, int_of(i)))?;
        }
        draft.data = serde_json::to_string(&value).map_err(|_| failed(from, -1))?;
        draft.schema_version = known;
        Ok(draft)
    }

    /// Where the data of the last successful `load`/`load_raw` was read from, if it is the
    /// stored text verbatim (see [`Verbatim`]); `None` after a failed load, a sealed draft or
    /// a migration.
    pub fn last_verbatim(&self) -> Option<&Verbatim> {
        self.verbatim.as_ref()
    }

    /// The `(form, draft)` of every draft pointer key in this namespace, from `keys`.
    fn draft_keys<'k>(&self, keys: &'k [String]) -> Vec<(&'k str, &'k str)> {
        let prefix = format!("{}:d:", self.options.namespace);
        keys.iter()
            .filter_map(|k| k.strip_prefix(prefix.as_str())?.split_once(':'))
            .filter(|(f, d)| check_id("", f).is_ok() && check_id("", d).is_ok())
            .collect()
    }

    /// Metadata of every draft (of one form, if given), newest first. Reads only the small
    /// pointer records: nothing is decrypted.
    pub fn list(&mut self, form_id: Option<&str>, now: i64) -> Result<Vec<DraftInfo>, DraftError> {
        let keys = self.storage.keys().map_err(record::storage_error)?;
        let mut out = Vec::new();
        for (form, draft) in self.draft_keys(&keys) {
            if form_id.is_some_and(|f| f != form) {
                continue;
            }
            let base = self.base(form, draft);
            let meta = match record::read_pointer(&mut self.storage, &base)? {
                PointerRead::Missing => continue,
                PointerRead::Valid(p) => Some(p.cur),
                PointerRead::Damaged => record::scan_headers(&mut self.storage, &base)?
                    .into_iter()
                    .next(),
            };
            out.push(match meta {
                Some(meta) => self.info_of(form, draft, &meta, now),
                None => DraftInfo {
                    form_id: form.to_owned(),
                    draft_id: draft.to_owned(),
                    updated_at: 0,
                    created_at: 0,
                    expires_at: 0,
                    size: 0,
                    schema_version: 0,
                    sealed: false,
                    status: DraftStatus::Damaged,
                },
            });
        }
        out.sort_by_key(|i| core::cmp::Reverse(i.updated_at));
        Ok(out)
    }

    /// Removes a draft (and any pending autosave of it). `Ok(false)` if there was none.
    pub fn remove(&mut self, form_id: &str, draft_id: &str) -> Result<bool, DraftError> {
        check_id("formId", form_id)?;
        check_id("draftId", draft_id)?;
        let key = (form_id.to_owned(), draft_id.to_owned());
        self.pending.remove(&key);
        self.last_write.remove(&key);
        let base = self.base(form_id, draft_id);
        record::remove(&mut self.storage, &base)
    }

    /// Removes expired drafts (except those a newer app version wrote) and the leftovers of
    /// interrupted writes.
    pub fn purge_expired(&mut self, now: i64) -> Result<PurgeReport, DraftError> {
        let mut report = PurgeReport::default();
        for info in self.list(None, now)? {
            match info.status {
                DraftStatus::Expired => {
                    let base = self.base(&info.form_id, &info.draft_id);
                    record::remove(&mut self.storage, &base)?;
                    report.removed += 1;
                }
                DraftStatus::NewerVersion if now >= info.expires_at => report.kept_newer += 1,
                _ => {}
            }
        }
        let keys = self.storage.keys().map_err(record::storage_error)?;
        let prefix = format!("{}:d:", self.options.namespace);
        let swept = record::sweep(&mut self.storage, &keys, |base| {
            base.starts_with(prefix.as_str())
        })?;
        report.garbage_keys = u32::try_from(swept).unwrap_or(u32::MAX);
        Ok(report)
    }

    /// How much the drafts take, and the storage's own figures.
    pub fn usage(&mut self) -> Result<Usage, DraftError> {
        let keys = self.storage.keys().map_err(record::storage_error)?;
        let mut usage = Usage {
            drafts: 0,
            draft_bytes: 0,
            current_size_kb: 0,
            limit_size_kb: 0,
        };
        let bases: Vec<String> = self
            .draft_keys(&keys)
            .into_iter()
            .map(|(f, d)| self.base(f, d))
            .collect();
        for base in bases {
            usage.drafts = usage.drafts.saturating_add(1);
            if let PointerRead::Valid(p) = record::read_pointer(&mut self.storage, &base)? {
                let bytes = p.cur.len.saturating_add(p.prev.map_or(0, |m| m.len));
                usage.draft_bytes = usage.draft_bytes.saturating_add(bytes);
            }
        }
        let info = self.storage.info().map_err(record::storage_error)?;
        usage.current_size_kb = info.current_size_kb;
        usage.limit_size_kb = info.limit_size_kb;
        Ok(usage)
    }

    /// Saves now, or, within `autosave_throttle_ms` of the last write of this draft, only
    /// remembers `data` (the latest wins) for the next autosave or [`Self::flush`].
    ///
    /// If the write fails, the data stays pending (so `flush` retries it) and the error is
    /// returned.
    ///
    /// ```
    /// use homecare_drafts::{Autosave, DraftOptions, DraftStore, MemoryStorage};
    /// let mut s = DraftStore::new(MemoryStorage::new(), DraftOptions::default(), None).unwrap();
    /// assert!(matches!(s.autosave("f", "d", "1", 1, 0).unwrap(), Autosave::Saved(_)));
    /// assert_eq!(s.autosave("f", "d", "2", 1, 500).unwrap(), Autosave::Deferred);
    /// assert_eq!(s.load("f", "d", 600).unwrap().data, "1");
    /// s.flush(700).unwrap();
    /// assert_eq!(s.load("f", "d", 800).unwrap().data, "2");
    /// ```
    pub fn autosave(
        &mut self,
        form_id: &str,
        draft_id: &str,
        data: &str,
        schema_version: u32,
        now: i64,
    ) -> Result<Autosave, DraftError> {
        check_id("formId", form_id)?;
        check_id("draftId", draft_id)?;
        self.check_size(data)?;
        let key = (form_id.to_owned(), draft_id.to_owned());
        // A clock that went backwards (now < last) counts as "window over": better one write
        // too many than a draft held back.
        let within = self.last_write.get(&key).is_some_and(|&last| {
            now >= last && now.saturating_sub(last) < self.options.autosave_throttle_ms
        });
        if within {
            self.pending.insert(
                key,
                Pending {
                    data: data.to_owned(),
                    schema_version,
                },
            );
            return Ok(Autosave::Deferred);
        }
        match self.save(form_id, draft_id, data, schema_version, now) {
            Ok(info) => Ok(Autosave::Saved(info)),
            Err(e) => {
                self.pending.insert(
                    key,
                    Pending {
                        data: data.to_owned(),
                        schema_version,
                    },
                );
                Err(e)
            }
        }
    }

    /// Whether autosaved data waits for a write.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Writes every pending autosave (pages call it from `onHide`/`onUnload`). Each draft is
    /// tried; the ones that fail stay pending and the first error is returned.
    pub fn flush(&mut self, now: i64) -> Result<Vec<DraftInfo>, DraftError> {
        let pending = core::mem::take(&mut self.pending);
        let mut saved = Vec::new();
        let mut first_error = None;
        for ((form, draft), p) in pending {
            match self.save(&form, &draft, &p.data, p.schema_version, now) {
                Ok(info) => saved.push(info),
                Err(e) => {
                    first_error.get_or_insert(e);
                    self.pending.insert((form, draft), p);
                }
            }
        }
        match first_error {
            Some(e) => Err(e),
            None => Ok(saved),
        }
    }
}
