//! `quote_json` in a loop, for instruction profiles (`valgrind --tool=callgrind`):
//! `cargo run --release -p homecare-pricing --example quote_profile`.
//! The 5-line order of the Criterion bench; ROUNDS sets the repetitions (default 2,000);
//! MODE=typed reads the order and quotes it without writing JSON (what `engine.quote` in the
//! wasm layer does before its compact encoding); MODE=quote quotes an order read once.

use homecare_pricing::{Order, PriceEngine, PriceOptions};
use std::hint::black_box;

const CONFIG: &str = include_str!("../tests/fixtures/basic-config.json");
const ORDER_JSON: &str = r#"{"items":[{"itemId":"wound","quantity":1},{"itemId":"inj","quantity":1},
 {"itemId":"rehab","minutes":90}],"consumables":[{"id":"dressing","quantity":2}],
 "distanceMetres":5200,"appointmentStart":"2026-12-01T09:00","bookedAt":"2026-11-30T20:00",
 "couponId":"PCT10","points":1000,"paymentPlan":"deposit"}"#;

fn main() {
    let Ok(engine) = PriceEngine::from_json(CONFIG) else {
        return;
    };
    let rounds: u32 = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(2_000);
    let options = PriceOptions::default();
    let mut bytes = 0usize;
    if std::env::var("MODE").as_deref() == Ok("quote") {
        // The typed quote alone (what the Criterion `quote_typed_5_lines` case times).
        let Ok(order) = Order::from_json(ORDER_JSON) else {
            return;
        };
        for _ in 0..rounds {
            if let Ok(q) = engine.quote(black_box(&order), &options) {
                bytes += q.lines.len();
            }
        }
        println!("{rounds} typed quotes (order read once), {bytes} lines");
        return;
    }
    if std::env::var("MODE").as_deref() == Ok("typed") {
        for _ in 0..rounds {
            if let Ok(q) =
                Order::from_json(black_box(ORDER_JSON)).and_then(|o| engine.quote(&o, &options))
            {
                bytes += q.lines.len();
            }
        }
        println!("{rounds} typed quotes, {bytes} lines");
        return;
    }
    for _ in 0..rounds {
        if let Ok(q) = engine.quote_json(black_box(ORDER_JSON), &options) {
            bytes += q.len();
        }
    }
    println!("{rounds} quotes, {bytes} bytes of JSON");
}
