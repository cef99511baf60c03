//! Instruction-count probe of the common case, a valid canonical resident number:
//! `valgrind --tool=callgrind target/release/examples/parse_resident` (ROUNDS=n, default 1000),
//! and compare two ROUNDS values to subtract the set-up.

use std::hint::black_box;

use homecare_identity::{fake_id_number, parse_id_number, Date, FakeOptions, ParseOptions};

fn main() {
    let Some(as_of) = Date::new(2026, 1, 1) else {
        return;
    };
    let options = ParseOptions::new(as_of);
    let inputs: Vec<String> = (0..256u64)
        .filter_map(|seed| fake_id_number(&FakeOptions::seeded(seed)).ok())
        .collect();
    let rounds: u32 = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1000);
    let mut ok = 0usize;
    for _ in 0..rounds {
        for input in &inputs {
            ok += usize::from(parse_id_number(black_box(input), &options).is_ok());
        }
    }
    println!(
        "{} parses ({ok} ok)",
        inputs.len() * usize::try_from(rounds).unwrap_or(0)
    );
}
