//! Outbox behaviour: lifecycle, per-stream order, backoff, crashes, sealing.
#![allow(clippy::as_conversions, clippy::cast_possible_wrap)]

use std::collections::BTreeMap;

use proptest::prelude::*;

use crate::testkit::{FaultyStorage, TestEntropy, TestSealer, ALL_FAULTS};
use crate::{DeadReason, ItemState, MemoryStorage, Outbox, OutboxOptions, Storage};

fn open<S: Storage>(storage: S) -> Outbox<S> {
    Outbox::open(storage, OutboxOptions::default(), None).unwrap()
}

fn ids(items: &[crate::OutboxItem]) -> Vec<String> {
    items.iter().map(|i| i.id.clone()).collect()
}

#[test]
fn lifecycle_pending_leased_failed_dead_retried_acked_purged() {
    let mut e = TestEntropy::new(1);
    let mut o = open(MemoryStorage::new());
    let id = o
        .enqueue("booking.create", "{\"a\":1}", None, 0, &mut e)
        .unwrap();
    assert_eq!(ids(&o.due(0)), vec![id.clone()]);
    assert!(o.due(1).is_empty(), "leased");
    assert_eq!(ids(&o.due(60_000)), vec![id.clone()], "lease ran out");
    let mut now = 60_000;
    for attempt in 1..8 {
        let item = o.fail(&id, "HTTP 503", true, now, &mut e).unwrap();
        assert_eq!(item.attempts, attempt);
        let cap = (2_000i64 << (attempt - 1)).min(600_000);
        assert!(
            (0..=cap).contains(&(item.next_attempt_at - now)),
            "attempt {attempt}"
        );
        now = item.next_attempt_at;
        assert_eq!(ids(&o.due(now)), vec![id.clone()]);
    }
    let dead = o.fail(&id, "HTTP 503", true, now, &mut e).unwrap();
    assert_eq!(
        (dead.state, dead.dead_reason),
        (ItemState::Dead, Some(DeadReason::MaxAttempts))
    );
    assert!(o.due(now + 10_000_000).is_empty());
    assert_eq!(o.dead().count(), 1);
    assert_eq!(
        o.fail(&id, "x", true, now, &mut e).unwrap_err().code(),
        "outbox.invalid_state"
    );
    o.retry(&id, now).unwrap();
    assert_eq!(ids(&o.due(now)), vec![id.clone()]);
    let done = o.ack(&id, Some("{\"orderId\":\"A1\"}"), now + 1).unwrap();
    assert_eq!(
        (done.state, done.payload.as_deref()),
        (ItemState::Done, None)
    );
    assert_eq!(
        o.ack(&id, None, now + 2).unwrap().response.as_deref(),
        Some("{\"orderId\":\"A1\"}")
    );
    // receipts survive a reopen, then age out
    let mut o = open(o.into_storage());
    assert_eq!(o.receipts().count(), 1);
    assert_eq!(o.purge(now + 1).unwrap(), 0);
    assert_eq!(o.purge(now + 1 + 7 * crate::DAY_MS).unwrap(), 1);
    assert!(o.items().is_empty());
    assert!(o.into_storage().is_empty());
}

#[test]
fn a_stream_sends_in_order_and_dead_items_stop_blocking() {
    let mut e = TestEntropy::new(2);
    let mut o = open(MemoryStorage::new());
    let a1 = o.enqueue("k", "1", Some("A"), 0, &mut e).unwrap();
    let a2 = o.enqueue("k", "2", Some("A"), 0, &mut e).unwrap();
    let b1 = o.enqueue("k", "3", Some("B"), 0, &mut e).unwrap();
    let n1 = o.enqueue("k", "4", None, 0, &mut e).unwrap();
    let a3 = o.enqueue("k", "5", Some("A"), 0, &mut e).unwrap();
    assert_eq!(ids(&o.due(0)), vec![a1.clone(), b1.clone(), n1]);
    // a1 waiting for its backoff still blocks a2
    o.fail(&a1, "timeout", true, 0, &mut e).unwrap();
    assert!(o.due(0).iter().all(|i| i.id != a2));
    o.fail(&a1, "HTTP 400", false, 1, &mut e).unwrap();
    let due = o.due(100_000);
    assert_eq!(ids(&due).first(), Some(&a2), "a dead a1 no longer blocks");
    assert!(!ids(&due).contains(&a3));
    o.ack(&a2, None, 100_001).unwrap();
    assert!(ids(&o.due(200_000)).contains(&a3));
    // order survives a reopen
    let o = open(o.into_storage());
    let seqs: Vec<u64> = o.items().iter().map(|i| i.seq).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn backoff_without_entropy_uses_the_full_delay_and_a_backwards_clock_does_not_strand() {
    let mut e = TestEntropy::new(3);
    let mut o = open(MemoryStorage::new());
    let id = o.enqueue("k", "{}", None, 1_000_000, &mut e).unwrap();
    let item = o
        .fail(&id, "x", true, 1_000_000, &mut TestEntropy::failing())
        .unwrap();
    assert_eq!(item.next_attempt_at, 1_002_000);
    assert!(o.due(1_001_000).is_empty());
    // the clock jumps back an hour: waiting longer than the cap means the clock moved
    assert_eq!(ids(&o.due(1_000_000 - 3_600_000)), vec![id.clone()]);
    // and a lease taken "in the future" does not hold either
    assert_eq!(ids(&o.due(1_000_000 - 7_200_000)), vec![id]);
    assert_eq!(
        o.enqueue("k", "{}", None, 0, &mut TestEntropy::failing())
            .unwrap_err()
            .code(),
        "outbox.entropy_failed"
    );
}

#[test]
fn keys_dedupe_and_inputs_are_checked() {
    let mut o = open(MemoryStorage::new());
    let key = "0f8fad5b-d9cb-469f-a165-70867728950e";
    assert_eq!(o.enqueue_with_key(key, "k", "{}", None, 0).unwrap(), key);
    assert_eq!(o.enqueue_with_key(key, "k", "{}", None, 5).unwrap(), key);
    assert_eq!(o.items().len(), 1);
    assert_eq!(
        o.enqueue_with_key(key, "k", "{\"x\":1}", None, 5)
            .unwrap_err()
            .code(),
        "outbox.key_reused"
    );
    assert_eq!(
        o.enqueue_with_key("nope", "k", "{}", None, 0)
            .unwrap_err()
            .code(),
        "outbox.invalid_key"
    );
    let mut e = TestEntropy::new(4);
    assert_eq!(
        o.enqueue("", "{}", None, 0, &mut e).unwrap_err().code(),
        "outbox.invalid_key"
    );
    let big = "x".repeat(OutboxOptions::default().max_payload_bytes + 1);
    assert_eq!(
        o.enqueue("k", &big, None, 0, &mut e).unwrap_err().code(),
        "outbox.too_large"
    );
    assert_eq!(
        o.ack("0f8fad5b-d9cb-469f-a165-000000000000", None, 0)
            .unwrap_err()
            .code(),
        "outbox.not_found"
    );
    assert_eq!(o.discard(key).unwrap_err().code(), "outbox.invalid_state");
    let bad = OutboxOptions {
        max_attempts: 0,
        ..OutboxOptions::default()
    };
    assert_eq!(
        Outbox::open(MemoryStorage::new(), bad, None)
            .err()
            .unwrap()
            .code(),
        "drafts.invalid_options"
    );
}

#[test]
fn sealed_payloads_are_hidden_and_a_wrong_key_is_reported_not_dropped() {
    let mut e = TestEntropy::new(5);
    let mut o = Outbox::open(
        MemoryStorage::new(),
        OutboxOptions::default(),
        Some(Box::new(TestSealer::new(9))),
    )
    .unwrap();
    let id = o
        .enqueue(
            "booking.create",
            "{\"address\":\"幸福路1号\"}",
            None,
            0,
            &mut e,
        )
        .unwrap();
    let mem = o.into_storage();
    assert!(mem.iter().all(|(_, v)| !v.contains("幸福路")));
    let o = Outbox::open(
        mem.clone(),
        OutboxOptions::default(),
        Some(Box::new(TestSealer::new(9))),
    )
    .unwrap();
    assert_eq!(
        o.get(&id).unwrap().payload.as_deref(),
        Some("{\"address\":\"幸福路1号\"}")
    );
    let mut wrong = Outbox::open(
        mem,
        OutboxOptions::default(),
        Some(Box::new(TestSealer::new(1))),
    )
    .unwrap();
    assert!(wrong.items().is_empty());
    assert_eq!(wrong.unreadable(), std::slice::from_ref(&id));
    wrong.discard(&id).unwrap();
    assert!(wrong.unreadable().is_empty());
    assert!(wrong.into_storage().is_empty());
}

/// Runs `op` on an outbox over `base` with a fault at every operation; after the fault
/// (and a reopen) `check` sees the outbox. Returns crash points run.
/// Small chunks so a payload of a few dozen KB spans many keys.
fn chunked() -> OutboxOptions {
    OutboxOptions {
        chunk_size: 4096,
        ..OutboxOptions::default()
    }
}

fn crash_every_op(
    base: &MemoryStorage,
    op: &dyn Fn(&mut Outbox<FaultyStorage>) -> bool,
    check: &dyn Fn(&Outbox<FaultyStorage>, bool, &str),
) -> usize {
    let mut counting = Outbox::open(FaultyStorage::new(base.clone()), chunked(), None).unwrap();
    let start = counting.storage_mut().ops;
    assert!(op(&mut counting));
    let ops = counting.storage_mut().ops - start;
    let mut points = 0;
    for k in 0..ops {
        for fault in ALL_FAULTS {
            points += 1;
            let ctx = format!("op {k}/{ops} {fault:?}");
            let mut o = Outbox::open(FaultyStorage::new(base.clone()), chunked(), None).unwrap();
            let at = o.storage_mut().ops + k;
            o.storage_mut().fault = Some((at, fault));
            let ok = op(&mut o);
            let mem = o.into_storage().inner;
            let reopened = Outbox::open(FaultyStorage::new(mem), chunked(), None).unwrap();
            assert!(reopened.unreadable().is_empty(), "{ctx}");
            check(&reopened, ok, &ctx);
        }
    }
    println!("crash points: {points} (outbox)");
    points
}

const KEY: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";

#[test]
fn an_interrupted_enqueue_leaves_the_item_whole_or_absent() {
    let mut base = MemoryStorage::new();
    let mut o = Outbox::open(&mut base, chunked(), None).unwrap();
    let mut e = TestEntropy::new(6);
    o.enqueue("k", "{\"first\":1}", Some("s"), 0, &mut e)
        .unwrap();
    drop(o);
    let payload = "{\"second\":\"护理\"}".repeat(2_000); // ~44 KB: 11+ chunks of 4 KiB
    let points = crash_every_op(
        &base,
        &|o| {
            o.enqueue_with_key(KEY, "k", &payload, Some("s"), 10)
                .is_ok()
        },
        &|o, ok, ctx| {
            assert_eq!(
                o.items().len() - 1,
                usize::from(o.get(KEY).is_some()),
                "{ctx}"
            );
            match o.get(KEY) {
                Some(item) => assert_eq!(item.payload.as_deref(), Some(payload.as_str()), "{ctx}"),
                None => assert!(!ok, "{ctx}: enqueue said Ok but the item is gone"),
            }
        },
    );
    assert!(points >= 6 * 14, "{points}");
}

#[test]
fn an_interrupted_ack_leaves_the_item_pending_or_done() {
    let mut base = MemoryStorage::new();
    let mut o = Outbox::open(&mut base, chunked(), None).unwrap();
    o.enqueue_with_key(KEY, "k", "{\"p\":1}", None, 0).unwrap();
    drop(o);
    crash_every_op(
        &base,
        &|o| o.ack(KEY, Some("{\"r\":1}"), 10).is_ok(),
        &|o, ok, ctx| {
            let item = o.get(KEY).unwrap_or_else(|| panic!("{ctx}: item lost"));
            match item.state {
                ItemState::Done => assert_eq!(item.response.as_deref(), Some("{\"r\":1}")),
                ItemState::Pending => {
                    assert!(!ok, "{ctx}: ack said Ok");
                    assert_eq!(
                        item.payload.as_deref(),
                        Some("{\"p\":1}"),
                        "{ctx}: re-sendable"
                    );
                }
                ItemState::Dead => panic!("{ctx}"),
            }
        },
    );
}

#[derive(Debug, Clone)]
enum Op {
    Enqueue(Option<u8>),
    AckFirst(usize),
    FailFirst(usize, bool),
    Advance(i64),
    Crash(usize, usize),
}

fn arb_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => prop::option::of(0u8..3).prop_map(Op::Enqueue),
        2 => (0usize..4).prop_map(Op::AckFirst),
        2 => ((0usize..4), any::<bool>()).prop_map(|(i, r)| Op::FailFirst(i, r)),
        1 => (-5_000i64..200_000).prop_map(Op::Advance),
        1 => ((0usize..12), (0usize..6)).prop_map(|(k, f)| Op::Crash(k, f)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Random enqueue/ack/fail/crash sequences: nothing committed is lost, acked items stay
    /// acked, and `due` never returns an item while an older pending item of its stream
    /// exists.
    #[test]
    fn order_per_stream_and_no_loss(ops in prop::collection::vec(arb_op(), 1..40), seed in any::<u64>()) {
        let mut e = TestEntropy::new(seed);
        let mut o = Outbox::open(FaultyStorage::new(MemoryStorage::new()), OutboxOptions::default(), None).unwrap();
        let mut now = 0i64;
        // id → (stream, acked) for every enqueue that reported Ok
        let mut committed: BTreeMap<String, (Option<u8>, bool)> = BTreeMap::new();
        let mut counter = 0u32;
        for op in ops {
            match op {
                Op::Enqueue(stream) => {
                    counter += 1;
                    let s = stream.map(|s| format!("s{s}"));
                    if let Ok(id) = o.enqueue("k", &format!("{{\"n\":{counter}}}"), s.as_deref(), now, &mut e) {
                        committed.insert(id, (stream, false));
                    }
                }
                Op::AckFirst(i) | Op::FailFirst(i, _) if o.due(now).is_empty() => { let _ = i; }
                Op::AckFirst(i) => {
                    let due = o.due(now);
                    let id = due[i % due.len()].id.clone();
                    if o.ack(&id, None, now).is_ok() {
                        committed.entry(id).and_modify(|c| c.1 = true);
                    }
                }
                Op::FailFirst(i, retryable) => {
                    let due = o.due(now);
                    let id = due[i % due.len()].id.clone();
                    let _ = o.fail(&id, "err", retryable, now, &mut e);
                }
                Op::Advance(d) => now += d,
                Op::Crash(k, f) => {
                    let mut mem = o.into_storage().inner;
                    // crash k ops into a fresh enqueue, then reopen
                    let mut crashing = Outbox::open(FaultyStorage::new(core::mem::take(&mut mem)), OutboxOptions::default(), None).unwrap();
                    let at = crashing.storage_mut().ops + k;
                    crashing.storage_mut().fault = Some((at, ALL_FAULTS[f]));
                    counter += 1;
                    if let Ok(id) = crashing.enqueue("k", &format!("{{\"n\":{counter}}}"), Some("s0"), now, &mut e) {
                        committed.insert(id, (Some(0), false));
                    }
                    let mem = crashing.into_storage().inner;
                    o = Outbox::open(FaultyStorage::new(mem), OutboxOptions::default(), None).unwrap();
                }
            }
            // no loss: every committed item is present; acked ones are done
            for (id, (_, acked)) in &committed {
                let item = o.get(id);
                prop_assert!(item.is_some(), "lost {}", id);
                if *acked {
                    prop_assert_eq!(item.map(|i| i.state), Some(ItemState::Done));
                }
            }
            prop_assert!(o.unreadable().is_empty());
            // order: nothing due has an older pending item in its stream
            let items = o.items().to_vec();
            for d in o.due(now) {
                if let Some(s) = &d.stream {
                    prop_assert!(!items.iter().any(|i| i.stream.as_ref() == Some(s)
                        && i.seq < d.seq && i.state == ItemState::Pending));
                }
            }
        }
    }
}
