//! Rough native throughput of `parse_id_number`:
//! `cargo run --release -p homecare-identity --example parse_bench`.
//! (The wasm boundary, not this, is what the JS layer will feel; this is the floor.)
//!
//! `ONLY=resident` parses only canonical resident numbers (the common case), the instruction-
//! count probe: run it under `valgrind --tool=callgrind` with two `ROUNDS` values and divide
//! the difference by the extra parses to subtract the set-up.

use std::hint::black_box;
use std::time::Instant;

use homecare_identity::{fake_id_number, parse_id_number, Date, FakeOptions, IdKind, ParseOptions};

fn main() {
    let Some(as_of) = Date::new(2026, 1, 1) else {
        return;
    };
    let options = ParseOptions::new(as_of);
    let mut inputs: Vec<String> = (0..1000u64)
        .filter_map(|seed| fake_id_number(&FakeOptions::seeded(seed)).ok())
        .collect();
    let only_resident = std::env::var("ONLY").is_ok_and(|v| v == "resident");
    inputs.extend(
        (0..if only_resident { 0 } else { 200u64 }).filter_map(|seed| {
            let kind = IdKind::ALL.get(usize::try_from(seed % 10).ok()?).copied()?;
            fake_id_number(&FakeOptions {
                kind,
                ..FakeOptions::seeded(seed)
            })
            .ok()
        }),
    );
    let rounds: u32 = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1000);
    let start = Instant::now();
    let mut ok = 0usize;
    for _ in 0..rounds {
        for input in &inputs {
            ok += usize::from(parse_id_number(black_box(input), &options).is_ok());
        }
    }
    let parse = start.elapsed();
    let calls = u32::try_from(inputs.len())
        .unwrap_or(u32::MAX)
        .saturating_mul(rounds);
    println!("{calls} parses ({ok} ok)");
    println!("parse:            {:?} per call", parse / calls);
}
