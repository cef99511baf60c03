//! A draft store opened on arbitrary stored values (what a damaged or hostile storage could
//! hold): list and load answer with drafts or errors, never panic.
#![no_main]

use homecare_drafts::{DraftOptions, DraftStore, MemoryStorage, Storage};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut storage = MemoryStorage::new();
    // Lines of `key=value` become stored entries, so the fuzzer can forge pointers and slots.
    for line in text.lines() {
        if let Some((k, v)) = line.split_once('=') {
            if !k.is_empty() {
                let _ = storage.set(k, &v.replace("\\n", "\n"));
            }
        }
    }
    let Ok(mut store) = DraftStore::new(storage, DraftOptions::default(), None) else {
        return;
    };
    let _ = store.list(None, 1_800_000_000_000);
    let _ = store.load("register", "d1", 1_800_000_000_000);
    let _ = store.purge_expired(1_800_000_000_000);
});
