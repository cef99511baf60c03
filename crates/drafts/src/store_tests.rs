//! Draft store behaviour: corruption, keys, versions, quota, time, listing, autosave.
#![allow(clippy::as_conversions, clippy::string_slice)]

use proptest::prelude::*;

use crate::crash_tests::draft_json;
use crate::testkit::TestSealer;
use crate::{
    Autosave, DraftOptions, DraftStatus, DraftStore, ErrorKind, MemoryStorage, MigrationStep,
    Storage, DAY_MS,
};

fn small_chunks() -> DraftOptions {
    DraftOptions {
        chunk_size: 2048,
        ..DraftOptions::default()
    }
}

fn sealed_store(mem: MemoryStorage, key: u64) -> DraftStore<MemoryStorage> {
    DraftStore::new(mem, small_chunks(), Some(Box::new(TestSealer::new(key)))).unwrap()
}

fn plain_store(mem: MemoryStorage) -> DraftStore<MemoryStorage> {
    DraftStore::new(mem, small_chunks(), None).unwrap()
}

/// Two versions saved: v1 then v2 (multi-chunk), returns the storage.
fn two_versions(sealed: bool) -> (MemoryStorage, String, String) {
    let v1 = draft_json(5_000, 1);
    let v2 = draft_json(6_000, 2);
    let mut s = if sealed {
        sealed_store(MemoryStorage::new(), 7)
    } else {
        plain_store(MemoryStorage::new())
    };
    s.save("booking", "d1", &v1, 1, 1_000).unwrap();
    s.save("booking", "d1", &v2, 1, 2_000).unwrap();
    (s.into_storage(), v1, v2)
}

fn reopen(mem: MemoryStorage, sealed: bool) -> DraftStore<MemoryStorage> {
    if sealed {
        sealed_store(mem, 7)
    } else {
        plain_store(mem)
    }
}

fn mutate(mem: &mut MemoryStorage, key: &str, f: impl FnOnce(&str) -> String) {
    let v = mem.peek(key).unwrap().to_owned();
    mem.set(key, &f(&v)).unwrap();
}

/// Changes one ASCII letter or digit at or after `at` (wrapping), keeping valid UTF-8.
fn flip(v: &str, at: usize) -> String {
    let mut b = v.as_bytes().to_vec();
    let n = b.len();
    let i = (0..n)
        .map(|d| (at + d) % n)
        .find(|&i| b[i].is_ascii_alphanumeric())
        .unwrap();
    b[i] = if b[i] == b'A' { b'B' } else { b'A' };
    String::from_utf8(b).unwrap()
}

#[test]
fn a_damaged_current_slot_falls_back_to_the_previous_version() {
    for sealed in [false, true] {
        // every chunk of the current slot (gen 1 = slot b), flipped and truncated
        let (mem, v1, _) = two_versions(sealed);
        let chunks: Vec<String> = mem
            .iter()
            .map(|(k, _)| k.to_owned())
            .filter(|k| k.starts_with("hc:d:booking:d1:b"))
            .collect();
        assert!(chunks.len() > 2, "multi-chunk");
        for key in &chunks {
            for how in 0..3 {
                let mut m = mem.clone();
                mutate(&mut m, key, |v| match how {
                    0 => flip(v, v.len() / 2),
                    1 => v.chars().take(v.chars().count() / 3).collect(),
                    _ => flip(v, v.len() - 1),
                });
                let mut store = reopen(m, sealed);
                let d = store.load("booking", "d1", 3_000).unwrap();
                assert_eq!(d.data, v1, "{key} {how}");
                assert!(d.recovered);
                assert_eq!(
                    crate::crash_tests::check_verbatim(&mut store, &d.data),
                    !sealed
                );
            }
            let mut m = mem.clone();
            m.remove(key).unwrap();
            assert_eq!(
                reopen(m, sealed).load("booking", "d1", 3_000).unwrap().data,
                v1
            );
        }
    }
}

#[test]
fn both_slots_damaged_is_corrupted_and_a_damaged_pointer_is_rebuilt_from_slots() {
    let (mem, _, v2) = two_versions(true);
    let mut both = mem.clone();
    mutate(&mut both, "hc:d:booking:d1:a1", |v| flip(v, 3));
    mutate(&mut both, "hc:d:booking:d1:b1", |v| flip(v, 3));
    let err = reopen(both, true).load("booking", "d1", 3_000).unwrap_err();
    assert_eq!(err.code(), "drafts.corrupted");

    for damage in ["{not json", "", "{\"v\":9}"] {
        let mut m = mem.clone();
        m.set("hc:d:booking:d1", damage).unwrap();
        let mut s = reopen(m, true);
        let d = s.load("booking", "d1", 3_000).unwrap();
        assert_eq!(d.data, v2);
        assert!(d.recovered);
        // and saving over a damaged pointer keeps the rebuilt version as the fallback
        s.save("booking", "d1", "{\"v\":3}", 1, 4_000).unwrap();
        assert_eq!(s.load("booking", "d1", 4_000).unwrap().data, "{\"v\":3}");
    }
    // a flipped digit inside the pointer's current meta: the newest slot that verifies
    let mut m = mem.clone();
    mutate(&mut m, "hc:d:booking:d1", |v| {
        v.replacen("\"gen\":1", "\"gen\":3", 1)
    });
    assert_eq!(
        reopen(m, true).load("booking", "d1", 3_000).unwrap().data,
        v2
    );
}

#[test]
fn wrong_key_and_moved_records_are_unreadable_not_corrupted() {
    let (mem, _, _) = two_versions(true);
    let err = sealed_store(mem.clone(), 8)
        .load("booking", "d1", 3_000)
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Unreadable);
    // no sealer at all for a sealed draft
    let err = plain_store(mem.clone())
        .load("booking", "d1", 3_000)
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Unreadable);
    // copy every key of booking/d1 to booking/d2: the AAD names d1
    let mut m = mem.clone();
    let copies: Vec<(String, String)> = m
        .iter()
        .map(|(k, v)| (k.replace(":d1", ":d2"), v.to_owned()))
        .collect();
    for (k, v) in copies {
        m.set(&k, &v).unwrap();
    }
    let mut s = sealed_store(m, 7);
    assert!(s.load("booking", "d1", 3_000).is_ok());
    assert_eq!(
        s.load("booking", "d2", 3_000).unwrap_err().kind,
        ErrorKind::Unreadable
    );
    // and the stored bytes do not contain the plaintext
    assert!(mem.iter().all(|(_, v)| !v.contains("护理")));
}

#[test]
fn quota_is_checked_before_writing_and_the_old_version_survives() {
    let mut s = DraftStore::new(
        MemoryStorage::with_limits(64 * 1024, 40 * 1024),
        small_chunks(),
        None,
    )
    .unwrap();
    let v1 = draft_json(10_000, 1);
    s.save("booking", "d1", &v1, 1, 0).unwrap();
    let err = s
        .save("booking", "d1", &draft_json(30_000, 2), 1, 10)
        .unwrap_err();
    assert_eq!(err.code(), "drafts.quota_exceeded");
    for p in ["currentKb", "limitKb", "neededKb"] {
        assert!(err.params.iter().any(|(n, _)| *n == p), "{p}");
    }
    assert_eq!(s.load("booking", "d1", 20).unwrap().data, v1);
    // an expired draft elsewhere, purged, makes room
    s.save("other", "old", &draft_json(12_000, 3), 1, 0)
        .unwrap();
    let report = s.purge_expired(31 * DAY_MS).unwrap();
    assert_eq!(report.removed, 2);
    s.save("booking", "d1", &draft_json(30_000, 2), 1, 31 * DAY_MS)
        .unwrap();
}

#[test]
fn drafts_over_the_maximum_are_refused() {
    let mut s = plain_store(MemoryStorage::new());
    let big = "x".repeat(small_chunks().max_draft_bytes + 1);
    assert_eq!(
        s.save("f", "d", &big, 1, 0).unwrap_err().code(),
        "drafts.too_large"
    );
    assert_eq!(
        s.save("f", "d:1", "1", 1, 0).unwrap_err().code(),
        "drafts.invalid_id"
    );
    assert_eq!(
        s.load("f", "nope", 0).unwrap_err().code(),
        "drafts.not_found"
    );
}

#[test]
fn a_clock_that_goes_backwards_still_orders_versions_by_generation() {
    let mut s = sealed_store(MemoryStorage::new(), 1);
    s.save("f", "d", "{\"n\":1}", 1, 10 * DAY_MS).unwrap();
    s.save("f", "d", "{\"n\":2}", 1, 5 * DAY_MS).unwrap(); // clock jumped back 5 days
    let d = s.load("f", "d", 5 * DAY_MS).unwrap();
    assert_eq!((d.data.as_str(), d.updated_at), ("{\"n\":2}", 5 * DAY_MS));
    assert_eq!(d.created_at, 10 * DAY_MS);
    // "now" before updated_at is not expiry
    assert!(s.load("f", "d", 0).is_ok());
    assert_eq!(
        s.load("f", "d", 35 * DAY_MS).unwrap_err().code(),
        "drafts.expired"
    );
    // autosave with a clock that went back writes instead of deferring forever
    assert!(matches!(
        s.autosave("f", "d", "{\"n\":3}", 1, DAY_MS).unwrap(),
        Autosave::Saved(_)
    ));
}

#[test]
fn migrations_upgrade_on_load_and_newer_versions_stay_untouched() {
    let mut s = plain_store(MemoryStorage::new());
    s.save(
        "reg",
        "d",
        r#"{"tel":"138","care":"basic","addr":"1号"}"#,
        1,
        0,
    )
    .unwrap();
    s.register_migration(
        "reg",
        1,
        serde_json::from_str(r#"[{"op":"rename","path":"/tel","to":"mobile"}]"#).unwrap(),
    )
    .unwrap();
    s.register_migration(
        "reg",
        2,
        vec![
            MigrationStep::Move {
                from: "/addr".into(),
                to: "/address/line".into(),
            },
            MigrationStep::MapValues {
                path: "/care".into(),
                map: [("basic".to_string(), serde_json::json!("level1"))].into(),
            },
        ],
    )
    .unwrap();
    let d = s.load("reg", "d", 0).unwrap();
    assert_eq!(d.schema_version, 3);
    assert_eq!(d.stored_version, 1);
    // migrated: the data is not the stored text any more
    assert!(s.last_verbatim().is_none());
    assert!(s.load_raw("reg", "d", 0).is_ok() && s.last_verbatim().is_some());
    let v: serde_json::Value = serde_json::from_str(&d.data).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"mobile":"138","care":"level1","address":{"line":"1号"}})
    );
    // load does not rewrite: the stored copy is still version 1
    assert_eq!(s.load_raw("reg", "d", 0).unwrap().schema_version, 1);

    // a gap in the chain
    s.set_schema_version("reg", 5).unwrap();
    assert_eq!(
        s.load("reg", "d", 0).unwrap_err().code(),
        "drafts.migration_missing"
    );

    // a draft from a newer app: reported, never rewritten or purged
    s.set_schema_version("reg", 3).unwrap();
    s.save("reg", "new", "{\"x\":1}", 9, 0).unwrap();
    let before: Vec<(String, String)> = s
        .storage_mut()
        .iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let err = s.load("reg", "new", 0).unwrap_err();
    assert_eq!(err.code(), "drafts.newer_version");
    assert_eq!(
        s.save("reg", "new", "{}", 3, 0).unwrap_err().code(),
        "drafts.newer_version"
    );
    let report = s.purge_expired(100 * DAY_MS).unwrap();
    assert_eq!(report.kept_newer, 1);
    let listed = s.list(Some("reg"), 0).unwrap();
    assert!(listed
        .iter()
        .any(|i| i.draft_id == "new" && i.status == DraftStatus::NewerVersion));
    let after = s
        .storage_mut()
        .iter()
        .filter(|(k, _)| k.contains(":new"))
        .count();
    assert_eq!(
        after,
        before.iter().filter(|(k, _)| k.contains(":new")).count()
    );

    // a migration step that cannot apply fails the load and keeps the draft
    s.save("bad", "d", "{\"name\":\"王\"}", 1, 0).unwrap();
    s.register_migration(
        "bad",
        1,
        vec![MigrationStep::SetDefault {
            path: "/name/first".into(),
            value: serde_json::json!("x"),
        }],
    )
    .unwrap();
    let err = s.load("bad", "d", 0).unwrap_err();
    assert_eq!(err.code(), "drafts.migration_failed");
    assert!(s.load_raw("bad", "d", 0).is_ok());
}

#[test]
fn list_needs_no_key_and_usage_and_remove_work() {
    let (mem, _, v2) = two_versions(true);
    let mut s = plain_store(mem); // no sealer: metadata still lists
    s.save("other", "x", "{}", 2, 2_500).unwrap();
    let all = s.list(None, 3_000).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].draft_id, "x"); // newest first
    let b = &all[1];
    assert_eq!(
        (b.form_id.as_str(), b.size, b.sealed),
        ("booking", v2.len() as u64, true)
    );
    assert_eq!(b.expires_at, 2_000 + 30 * DAY_MS);
    assert_eq!(s.list(Some("other"), 3_000).unwrap().len(), 1);
    let u = s.usage().unwrap();
    assert_eq!(u.drafts, 2);
    assert!(u.current_size_kb > 0 && u.limit_size_kb == 10 * 1024);
    assert!(s.remove("booking", "d1").unwrap());
    assert!(!s.remove("booking", "d1").unwrap());
    assert_eq!(s.storage_mut().len(), 2, "pointer and one chunk of other/x");
}

#[test]
fn autosave_coalesces_and_flush_writes_the_latest() {
    let mut s = plain_store(MemoryStorage::new());
    assert!(matches!(
        s.autosave("f", "d", "{\"n\":1}", 1, 0).unwrap(),
        Autosave::Saved(_)
    ));
    for n in 2..10 {
        assert_eq!(
            s.autosave("f", "d", &format!("{{\"n\":{n}}}"), 1, 100 * n)
                .unwrap(),
            Autosave::Deferred
        );
    }
    assert!(s.has_pending());
    assert_eq!(s.load("f", "d", 0).unwrap().data, "{\"n\":1}");
    // the first call after the window writes the latest data
    assert!(matches!(
        s.autosave("f", "d", "{\"n\":10}", 1, 2_000).unwrap(),
        Autosave::Saved(_)
    ));
    assert!(!s.has_pending());
    s.autosave("f", "d", "{\"n\":11}", 1, 2_100).unwrap();
    let saved = s.flush(2_200).unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(s.load("f", "d", 0).unwrap().data, "{\"n\":11}");
    assert!(s.flush(2_300).unwrap().is_empty());
}

#[test]
fn a_failed_flush_keeps_the_data_pending() {
    let mut s = DraftStore::new(
        MemoryStorage::with_limits(1024 * 1024, 8 * 1024),
        small_chunks(),
        None,
    )
    .unwrap();
    s.autosave("f", "d", "{}", 1, 0).unwrap();
    s.autosave("f", "d", &draft_json(9_000, 1), 1, 10).unwrap();
    assert_eq!(s.flush(20).unwrap_err().code(), "drafts.quota_exceeded");
    assert!(s.has_pending());
}

#[test]
fn options_are_checked() {
    for o in [
        DraftOptions {
            chunk_size: 100,
            ..DraftOptions::default()
        },
        DraftOptions {
            ttl_ms: 0,
            ..DraftOptions::default()
        },
        DraftOptions {
            namespace: "a:b".into(),
            ..DraftOptions::default()
        },
        DraftOptions {
            autosave_throttle_ms: -1,
            ..DraftOptions::default()
        },
    ] {
        let err = DraftStore::new(MemoryStorage::new(), o, None)
            .err()
            .unwrap();
        assert_eq!(err.code(), "drafts.invalid_options");
    }
    let mut s = plain_store(MemoryStorage::new());
    let bad = vec![MigrationStep::Remove {
        path: "nope".into(),
    }];
    assert_eq!(
        s.register_migration("f", 1, bad).unwrap_err().code(),
        "drafts.invalid_options"
    );
}

#[test]
fn namespaces_do_not_see_each_other() {
    let mut mem = MemoryStorage::new();
    {
        let mut a = DraftStore::new(&mut mem, DraftOptions::default(), None).unwrap();
        a.save("f", "d", "{\"a\":1}", 1, 0).unwrap();
    }
    let mut b = DraftStore::new(
        &mut mem,
        DraftOptions {
            namespace: "other".into(),
            ..DraftOptions::default()
        },
        None,
    )
    .unwrap();
    assert!(b.list(None, 0).unwrap().is_empty());
    assert_eq!(b.purge_expired(100 * DAY_MS).unwrap().garbage_keys, 0);
    assert_eq!(b.load("f", "d", 0).unwrap_err().code(), "drafts.not_found");
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        "\\PC{0,40}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::from),
            prop::collection::btree_map("\\PC{0,12}", inner, 0..8)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Any JSON saves and loads back identical, sealed or not, in any chunk size.
    #[test]
    fn save_load_round_trip(value in arb_json(), sealed in any::<bool>(), chunk in 1024usize..3000) {
        let opts = DraftOptions { chunk_size: chunk, ..DraftOptions::default() };
        let sealer: Option<Box<dyn crate::Sealer>> =
            if sealed { Some(Box::new(TestSealer::new(3))) } else { None };
        let mut s = DraftStore::new(MemoryStorage::new(), opts, sealer).unwrap();
        s.save_value("f", "d", &value, 1, 0).unwrap();
        let d = s.load("f", "d", 0).unwrap();
        prop_assert_eq!(crate::crash_tests::check_verbatim(&mut s, &d.data), !sealed);
        let back: serde_json::Value = serde_json::from_str(&d.data).unwrap();
        prop_assert_eq!(back, value);
        prop_assert!(!d.recovered);
    }
}

/// Native timing of save + load of a 64 KiB draft (run with
/// `cargo test --release -p homecare-drafts -- --ignored --nocapture timing`). The number
/// that matters is the wasm one in JS; this shows the Rust side's own share.
#[test]
#[ignore]
fn timing_save_load_64k() {
    let data = draft_json(64 * 1024, 1);
    for sealed in [false, true] {
        let mut s = if sealed {
            DraftStore::new(
                MemoryStorage::new(),
                DraftOptions::default(),
                Some(Box::new(TestSealer::new(1))),
            )
            .unwrap()
        } else {
            DraftStore::new(MemoryStorage::new(), DraftOptions::default(), None).unwrap()
        };
        let rounds = 200;
        let t = std::time::Instant::now();
        for i in 0..rounds {
            s.save("f", "d", &data, 1, i).unwrap();
            assert_eq!(s.load("f", "d", i).unwrap().data.len(), data.len());
        }
        let per = t.elapsed() / u32::try_from(rounds).unwrap();
        let t = std::time::Instant::now();
        for _ in 0..rounds {
            std::hint::black_box(crate::record::checksum(&data));
        }
        let sha = t.elapsed() / u32::try_from(rounds).unwrap();
        println!(
            "64 KiB save+load sealed={sealed}: {per:?} per round (checksum of 64 KiB: {sha:?})"
        );
    }
}

/// An adapter that cannot report a limit (0) skips the pre-check; `set` failing with a
/// quota error still reports `drafts.quota_exceeded` and keeps the old version.
#[test]
fn unknown_limit_skips_the_pre_check_but_set_still_guards() {
    struct NoLimit(MemoryStorage);
    impl Storage for NoLimit {
        fn get(&mut self, k: &str) -> Result<Option<String>, crate::StorageError> {
            self.0.get(k)
        }
        fn set(&mut self, k: &str, v: &str) -> Result<(), crate::StorageError> {
            self.0.set(k, v)
        }
        fn remove(&mut self, k: &str) -> Result<(), crate::StorageError> {
            self.0.remove(k)
        }
        fn keys(&mut self) -> Result<Vec<String>, crate::StorageError> {
            self.0.keys()
        }
        fn info(&mut self) -> Result<crate::StorageInfo, crate::StorageError> {
            Ok(crate::StorageInfo {
                current_size_kb: 0,
                limit_size_kb: 0,
            })
        }
    }
    let mut s = DraftStore::new(
        NoLimit(MemoryStorage::with_limits(1024 * 1024, 20 * 1024)),
        small_chunks(),
        None,
    )
    .unwrap();
    s.save("f", "d", "{\"v\":1}", 1, 0).unwrap();
    let err = s.save("f", "d", &draft_json(30_000, 2), 1, 1).unwrap_err();
    assert_eq!(err.code(), "drafts.quota_exceeded");
    assert_eq!(s.load("f", "d", 2).unwrap().data, "{\"v\":1}");
}

/// One storage shared by a draft store and an outbox: neither sees nor sweeps the other's
/// keys.
#[test]
fn drafts_and_outbox_share_one_storage() {
    use std::cell::RefCell;
    use std::rc::Rc;
    let shared = Rc::new(RefCell::new(MemoryStorage::new()));
    let mut drafts = DraftStore::new(shared.clone(), small_chunks(), None).unwrap();
    let mut outbox =
        crate::Outbox::open(shared.clone(), crate::OutboxOptions::default(), None).unwrap();
    let mut e = crate::testkit::TestEntropy::new(1);
    drafts.save("booking", "d1", "{\"a\":1}", 1, 0).unwrap();
    let id = outbox
        .enqueue("booking.create", "{\"a\":1}", None, 0, &mut e)
        .unwrap();
    drafts.remove("booking", "d1").unwrap();
    assert_eq!(drafts.purge_expired(100 * DAY_MS).unwrap().garbage_keys, 0);
    assert_eq!(outbox.purge(100 * DAY_MS).unwrap(), 0);
    let outbox =
        crate::Outbox::open(shared.clone(), crate::OutboxOptions::default(), None).unwrap();
    assert_eq!(outbox.pending().next().map(|i| i.id.clone()), Some(id));
    assert_eq!(shared.borrow().len(), 2, "the item's pointer and chunk");
}

/// `load_unchecked` hands a sealed draft back as the opened bytes (nothing checked twice),
/// and text whenever a migration has to run or the draft is not sealed.
#[test]
fn load_unchecked_gives_opened_bytes_only_when_no_migration_runs() {
    let data = draft_json(5_000, 3);
    for sealed in [false, true] {
        let mut s = reopen(MemoryStorage::new(), sealed);
        s.save("reg", "d", &data, 1, 0).unwrap();
        let (d, opened) = s.load_unchecked("reg", "d", 10, false).unwrap();
        match opened {
            Some(o) => {
                assert!(sealed);
                assert_eq!(o.bytes(), data.as_bytes());
                assert!(d.data.is_empty());
                assert_eq!(o.into_string().unwrap(), data);
            }
            None => {
                assert!(!sealed);
                assert_eq!(d.data, data);
            }
        }
        assert_eq!(s.load("reg", "d", 10).unwrap().data, data);
        // A migration needs the text: it is checked, upgraded and returned as text.
        s.register_migration(
            "reg",
            1,
            vec![MigrationStep::SetDefault {
                path: "/added".into(),
                value: serde_json::json!(true),
            }],
        )
        .unwrap();
        let (d, opened) = s.load_unchecked("reg", "d", 10, false).unwrap();
        assert!(opened.is_none());
        assert_eq!(d.schema_version, 2);
        assert!(d.data.contains("\"added\":true"));
        assert_eq!(d, s.load("reg", "d", 10).unwrap());
        // raw: as stored, no migration
        let (d, opened) = s.load_unchecked("reg", "d", 10, true).unwrap();
        assert_eq!(opened.is_some(), sealed);
        assert_eq!(d.stored_version, 1);
        // A newer version is refused as by `load`.
        s.set_schema_version("reg", 0).unwrap();
        let e = s.load_unchecked("reg", "d", 10, false).unwrap_err();
        assert_eq!(e.kind, ErrorKind::NewerVersion);
    }
}

/// A sealed slot is checked by its checksum only when it does not open; the outcomes are
/// those of checking first: damage falls back to the older version, another key is
/// `unreadable`, both slots damaged is `corrupted`.
#[test]
fn sealed_slots_check_the_sum_only_when_they_do_not_open() {
    let (mem, v1, _) = two_versions(true);
    let mut damaged = mem.clone();
    let cur = damaged
        .keys()
        .unwrap()
        .into_iter()
        .find(|k| k.ends_with(":b1"))
        .unwrap();
    mutate(&mut damaged, &cur, |v| flip(v, v.len() / 2));
    let d = reopen(damaged.clone(), true)
        .load("booking", "d1", 3_000)
        .unwrap();
    assert_eq!((d.data.as_str(), d.recovered), (v1.as_str(), true));
    let (d, o) = reopen(damaged, true)
        .load_unchecked("booking", "d1", 3_000, false)
        .unwrap();
    assert!(d.recovered);
    assert_eq!(o.unwrap().bytes(), v1.as_bytes());
    let e = sealed_store(mem, 8)
        .load("booking", "d1", 3_000)
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unreadable);
}
