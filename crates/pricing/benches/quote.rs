//! Quote throughput: a 5-line order (3 services, transport, 1 consumable) with a coupon,
//! points, the deposit plan and the insurance estimate. Goal ≥ 1 000 000 quotes/s per core.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use homecare_pricing::{
    format_fen, Distance, LocalDateTime, Measure, Order, OrderConsumable, OrderItem, PlanKind,
    PriceEngine, PriceOptions,
};

const CONFIG: &str = include_str!("../tests/fixtures/basic-config.json");

const ORDER_JSON: &str = r#"{"items":[{"itemId":"wound","quantity":1},{"itemId":"inj","quantity":1},
 {"itemId":"rehab","minutes":90}],"consumables":[{"id":"dressing","quantity":2}],
 "distanceMetres":5200,"appointmentStart":"2026-12-01T09:00","bookedAt":"2026-11-30T20:00",
 "couponId":"PCT10","points":1000,"paymentPlan":"deposit"}"#;

fn order() -> Order {
    Order {
        items: vec![
            OrderItem {
                item_id: "wound".into(),
                measure: Measure::Quantity(1),
            },
            OrderItem {
                item_id: "inj".into(),
                measure: Measure::Quantity(1),
            },
            OrderItem {
                item_id: "rehab".into(),
                measure: Measure::Minutes(90),
            },
        ],
        consumables: vec![OrderConsumable {
            id: "dressing".into(),
            quantity: 2,
        }],
        distance: Distance::Metres(5_200),
        appointment_start: LocalDateTime::parse("2026-12-01T09:00").unwrap(),
        booked_at: LocalDateTime::parse("2026-11-30T20:00").unwrap(),
        new_user: false,
        coupon_id: Some("PCT10".into()),
        points: 1_000,
        package_id: None,
        payment_plan: PlanKind::Deposit,
    }
}

fn bench(c: &mut Criterion) {
    let engine = PriceEngine::from_json(CONFIG).unwrap();
    let order = order();
    let options = PriceOptions::default();
    let q = engine.quote(&order, &options).unwrap();
    assert_eq!(q.lines.len(), 5);
    assert_eq!(q.discounts.len(), 2);
    assert!(q.insurance.is_some());

    let mut g = c.benchmark_group("pricing");
    g.throughput(Throughput::Elements(1));
    g.bench_function("quote_typed_5_lines", |b| {
        b.iter(|| engine.quote(black_box(&order), &options).unwrap())
    });
    g.bench_function("quote_json_5_lines", |b| {
        b.iter(|| engine.quote_json(black_box(ORDER_JSON), &options).unwrap())
    });
    g.bench_function("engine_from_json", |b| {
        b.iter(|| PriceEngine::from_json(black_box(CONFIG)).unwrap())
    });
    g.bench_function("format_fen_upper", |b| {
        b.iter(|| format_fen(black_box(1_640_902), true))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    targets = bench
}
criterion_main!(benches);
