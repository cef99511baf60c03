//! Property tests on random configs and orders: the invariants the backend relies on.
// A test binary: a panic here is a failing test, not a trap in a user's page.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use homecare_pricing::{
    CancelRule, CancellationPolicy, CatalogItem, Charge, Consumable, Coupon, CouponKind, Distance,
    DistanceTier, HolidaySurcharge, InsuranceCategory, InsuranceParams, LineRefundRequest,
    LocalDate, LocalDateTime, Measure, NightSurcharge, Order, OrderConsumable, OrderItem,
    OrderStatus, Package, Party, Payment, PaymentKind, PlanKind, PointsRule, PriceConfig,
    PriceEngine, PriceOptions, Quote, RefundEvent, RefundTier, Surcharges, TimeOfDay,
    TransportRule, Unit, UrgentSurcharge, MAX_SAFE,
};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

fn charge() -> impl Strategy<Value = Charge> {
    prop_oneof![
        (0i64..=30_000).prop_map(Charge::RateBp),
        (0i64..=100_000).prop_map(Charge::Fixed)
    ]
}

fn coupon_kind() -> impl Strategy<Value = (CouponKind, bool, bool)> {
    let kind = prop_oneof![
        (0i64..=200_000).prop_map(|amount| CouponKind::Fixed { amount }),
        (0i64..=10_000, option::of(0i64..=50_000))
            .prop_map(|(rate_bp, cap)| CouponKind::Percent { rate_bp, cap }),
        (0i64..=300_000, 0i64..=100_000)
            .prop_map(|(threshold, amount)| CouponKind::Threshold { threshold, amount }),
    ];
    (kind, any::<bool>(), any::<bool>())
}

prop_compose! {
    fn config_strategy()(
        items in vec((0i64..=2_000_000, 0u8..3, any::<bool>()), 1..5),
        tier_steps in vec((1i64..=10_000, 0i64..=50_000), 1..5),
        unbounded in any::<bool>(),
        per_km in option::of((0i64..=5_000, 0i64..=5_000, 0i64..=1_000, option::of(0i64..=20_000))),
        free_within in 0i64..=2_000,
        night in option::of((0i64..1440, 1i64..1439, charge())),
        holiday in option::of(charge()),
        urgent in option::of((1i64..=48, charge())),
        consumables in vec((0i64..=100_000, any::<bool>()), 0..3),
        coupons in vec(coupon_kind(), 0..4),
        points in option::of((1i64..=100, 0i64..=10_000, 1i64..=500)),
        deposit in 0i64..=10_000,
        insurance in option::of((0i64..=10_000, 0i64..=100_000, option::of(0i64..=1_000_000))),
        package in option::of((1i64..=20, 0i64..=10_000)),
        refund_tiers in vec((0i64..=600, 0i64..=10_000), 1..4),
        fee in 0i64..=100_000,
        pending_bp in 0i64..=10_000,
    ) -> PriceConfig {
        let mut items: Vec<CatalogItem> = items.iter().enumerate().map(|(i, (price, unit, elig))| CatalogItem {
            id: format!("i{i}"),
            name: format!("项目{i}"),
            unit: match unit { 0 => Unit::PerVisit, 1 => Unit::Per30Minutes, _ => Unit::PerPiece },
            unit_price: *price,
            insurance: if *elig { InsuranceCategory::Eligible } else { InsuranceCategory::SelfPay },
            qualification: None,
        }).collect();
        let transport = match per_km {
            Some((base, included, per_km, cap)) => TransportRule::PerKm {
                base, included_metres: included, per_km, cap, free_within_metres: free_within,
            },
            None => {
                let mut bound = 0;
                let mut fee_acc = 0;
                let mut tiers: Vec<DistanceTier> = tier_steps.iter().map(|(step, fee)| {
                    bound += step;
                    fee_acc += fee;
                    DistanceTier { up_to_metres: Some(bound), fee: fee_acc }
                }).collect();
                if unbounded {
                    tiers.push(DistanceTier { up_to_metres: None, fee: fee_acc + 1_000 });
                }
                TransportRule::Tiers { tiers, free_within_metres: free_within }
            }
        };
        let packages = match package {
            Some((visits, off_bp)) => {
                items[0].unit = Unit::PerVisit;
                let full = items[0].unit_price * visits;
                vec![Package {
                    id: "pkg".into(), name: "套餐".into(), item_id: "i0".into(), visits,
                    price: full - full * off_bp / 10_000,
                }]
            }
            None => vec![],
        };
        let mut refund_tiers = refund_tiers;
        refund_tiers.sort_by_key(|t| std::cmp::Reverse(t.0));
        refund_tiers.dedup_by(|a, b| a.0 == b.0);
        PriceConfig {
            version: 1,
            revision: "prop".into(),
            items,
            transport,
            surcharges: Surcharges {
                night: night.map(|(from, len, charge)| NightSurcharge {
                    from: TimeOfDay::parse(&format!("{:02}:{:02}", from / 60, from % 60)).unwrap(),
                    to: {
                        let to = (from + len) % 1440;
                        TimeOfDay::parse(&format!("{:02}:{:02}", to / 60, to % 60)).unwrap()
                    },
                    charge,
                }),
                holiday: holiday.map(|charge| HolidaySurcharge {
                    dates: vec![LocalDate::parse("2026-12-01").unwrap(), LocalDate::parse("2026-12-25").unwrap()],
                    charge,
                }),
                urgent: urgent.map(|(h, charge)| UrgentSurcharge { lead_time_under_hours: h, charge }),
            },
            consumables: consumables.iter().enumerate().map(|(i, (price, elig))| Consumable {
                id: format!("c{i}"), name: format!("耗材{i}"), price: *price,
                insurance: if *elig { InsuranceCategory::Eligible } else { InsuranceCategory::SelfPay },
            }).collect(),
            coupons: coupons.iter().enumerate().map(|(i, (kind, new_only, restricted))| Coupon {
                id: format!("k{i}"), name: format!("券{i}"), kind: *kind, new_user_only: *new_only,
                item_ids: if *restricted { vec!["i0".into()] } else { vec![] },
                valid_from: None, valid_until: None,
            }).collect(),
            points: points.map(|(value_fen, max_share_bp, step)| PointsRule { value_fen, max_share_bp, step }),
            packages,
            deposit_ratio_bp: deposit,
            insurance: insurance.map(|(ratio_bp, remaining_deductible, remaining_cap)| InsuranceParams {
                ratio_bp, remaining_deductible, remaining_cap,
            }),
            cancellation: CancellationPolicy {
                pending_acceptance: CancelRule::Percent { refund_bp: pending_bp },
                accepted: CancelRule::Tiers(refund_tiers.iter().map(|(m, bp)| RefundTier {
                    min_minutes_before: *m, refund_bp: *bp,
                }).collect()),
                departed: CancelRule::Fee { fee },
                in_service: CancelRule::NotCancellable,
                completed: CancelRule::NotCancellable,
            },
        }
    }
}

#[derive(Debug, Clone)]
struct OrderSeed {
    items: Vec<(usize, i64)>,
    consumables: Vec<(usize, i64)>,
    distance: i64,
    start_offset: i64,
    lead: i64,
    new_user: bool,
    coupon: Option<usize>,
    points_pct: i64,
    use_package: bool,
    deposit: bool,
}

fn order_seed() -> impl Strategy<Value = OrderSeed> {
    (
        vec((0usize..8, 1i64..=40), 1..4),
        vec((0usize..4, 1i64..=20), 0..3),
        0i64..=60_000,
        0i64..=(60 * 24 * 40),
        0i64..=3_000,
        any::<bool>(),
        option::of(0usize..5),
        0i64..=100,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(
                items,
                consumables,
                distance,
                start_offset,
                lead,
                new_user,
                coupon,
                points_pct,
                use_package,
                deposit,
            )| {
                OrderSeed {
                    items,
                    consumables,
                    distance,
                    start_offset,
                    lead,
                    new_user,
                    coupon,
                    points_pct,
                    use_package,
                    deposit,
                }
            },
        )
}

fn build_order(cfg: &PriceConfig, s: &OrderSeed) -> Order {
    let mut items: Vec<OrderItem> = s
        .items
        .iter()
        .map(|(i, n)| {
            let item = &cfg.items[i % cfg.items.len()];
            OrderItem {
                item_id: item.id.clone(),
                measure: if item.unit == Unit::Per30Minutes {
                    Measure::Minutes(n * 7)
                } else {
                    Measure::Quantity(*n)
                },
            }
        })
        .collect();
    let package_id = match (s.use_package, cfg.packages.first()) {
        (true, Some(p)) => {
            items.push(OrderItem {
                item_id: p.item_id.clone(),
                measure: Measure::Quantity(p.visits),
            });
            Some(p.id.clone())
        }
        _ => None,
    };
    let consumables = if cfg.consumables.is_empty() {
        vec![]
    } else {
        s.consumables
            .iter()
            .map(|(i, q)| OrderConsumable {
                id: cfg.consumables[i % cfg.consumables.len()].id.clone(),
                quantity: *q,
            })
            .collect()
    };
    let base = LocalDateTime::parse("2026-11-20T00:00").unwrap().minutes();
    let start = LocalDateTime::from_minutes(base + s.start_offset).unwrap();
    let booked = LocalDateTime::from_minutes(start.minutes() - s.lead).unwrap();
    Order {
        items,
        consumables,
        distance: Distance::Metres(s.distance),
        appointment_start: start,
        booked_at: booked,
        new_user: s.new_user,
        coupon_id: s
            .coupon
            .and_then(|i| cfg.coupons.get(i % cfg.coupons.len().max(1)))
            .map(|c| c.id.clone()),
        points: 0,
        package_id,
        payment_plan: if s.deposit {
            PlanKind::Deposit
        } else {
            PlanKind::Full
        },
    }
}

/// Codes a valid random order may legitimately get (coupon conditions, tier range, overflow).
const ACCEPTABLE: &[&str] = &[
    "pricing.coupon.new_user_only",
    "pricing.coupon.threshold_not_met",
    "pricing.coupon.no_eligible_line",
    "pricing.order.beyond_service_area",
    "pricing.overflow",
];

fn check_quote(q: &Quote) -> Result<(), TestCaseError> {
    // The hand-written JSON is byte for byte what serde writes.
    prop_assert_eq!(q.to_json(), serde_json::to_string(q).unwrap());
    let mut net_sum = 0i64;
    let mut gross = 0i64;
    for l in &q.lines {
        prop_assert!(
            l.amount >= 0 && l.discount >= 0 && l.net >= 0,
            "negative line {l:?}"
        );
        prop_assert_eq!(l.amount - l.discount, l.net);
        net_sum += l.net;
        gross += l.amount;
    }
    prop_assert_eq!(net_sum, q.totals.payable);
    prop_assert_eq!(gross, q.totals.gross);
    prop_assert_eq!(q.totals.gross - q.totals.discount, q.totals.payable);
    let st = q.subtotals;
    prop_assert_eq!(
        st.service + st.transport + st.surcharge + st.consumable,
        q.totals.gross
    );
    prop_assert!(q.totals.payable >= 0 && q.totals.discount >= 0);
    prop_assert!(q.totals.gross <= MAX_SAFE);
    let mut per_line = vec![0i64; q.lines.len()];
    for d in &q.discounts {
        prop_assert!(d.amount >= 0);
        prop_assert_eq!(
            d.allocations.iter().map(|a| a.amount).sum::<i64>(),
            d.amount
        );
        for a in &d.allocations {
            prop_assert!(a.amount >= 0);
            per_line[a.line] += a.amount;
        }
    }
    for (l, d) in q.lines.iter().zip(&per_line) {
        prop_assert_eq!(l.discount, *d);
    }
    prop_assert!(q.payment.pay_now >= 0 && q.payment.balance >= 0);
    prop_assert_eq!(q.payment.pay_now + q.payment.balance, q.totals.payable);
    if let Some(ins) = &q.insurance {
        prop_assert!(ins.is_estimate);
        prop_assert!(ins.fund >= 0 && ins.fund <= ins.eligible - ins.deductible_applied);
        prop_assert!(ins.self_pay >= 0);
        prop_assert_eq!(ins.fund + ins.self_pay, q.totals.payable);
    }
    if let Some(p) = &q.package {
        prop_assert_eq!(p.visits.iter().sum::<i64>(), q.lines[p.line].net);
        prop_assert!(p.visits.iter().all(|v| *v >= 0));
    }
    Ok(())
}

fn quote_or_acceptable(
    engine: &PriceEngine,
    order: &Order,
) -> Result<Option<Quote>, TestCaseError> {
    match engine.quote(order, &PriceOptions::default()) {
        Ok(q) => {
            check_quote(&q)?;
            Ok(Some(q))
        }
        Err(problems) => {
            for p in &problems {
                prop_assert!(ACCEPTABLE.contains(&p.code), "unexpected {p:?}");
            }
            Ok(None)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn quotes_keep_every_identity(cfg in config_strategy(), seed in order_seed()) {
        let engine = PriceEngine::new(cfg.clone()).expect("generated configs are valid");
        let mut order = build_order(&cfg, &seed);
        let Some(q) = quote_or_acceptable(&engine, &order)? else { return Ok(()) };
        // Redeem a share of the allowed points and check again.
        if let Some(p) = q.points {
            let step = cfg.points.unwrap().step;
            order.points = p.max_redeemable * seed.points_pct / 100 / step * step;
            let q2 = quote_or_acceptable(&engine, &order)?;
            prop_assert!(q2.is_some(), "points within the maximum must be accepted");
        }
    }

    #[test]
    fn more_distance_never_costs_less(cfg in config_strategy(), seed in order_seed(), extra in 0i64..=20_000) {
        let engine = PriceEngine::new(cfg.clone()).unwrap();
        let mut order = build_order(&cfg, &seed);
        order.coupon_id = None; // a 满减 threshold can legitimately flip with a larger base
        let near = quote_or_acceptable(&engine, &order)?;
        order.distance = Distance::Metres(seed.distance + extra);
        let far = quote_or_acceptable(&engine, &order)?;
        if let (Some(a), Some(b)) = (&near, &far) {
            let fee = |q: &Quote| q.lines.iter().find(|l| l.ref_id == "transport").unwrap().amount;
            prop_assert!(fee(b) >= fee(a));
            prop_assert!(b.totals.gross >= a.totals.gross);
            prop_assert!(b.totals.payable >= a.totals.payable);
        }
        // Farther can only fail by leaving the service area, never succeed where near failed
        // for another reason.
        if near.is_some() && far.is_none() {
            let e = engine.quote(&order, &PriceOptions::default()).unwrap_err();
            prop_assert!(e.iter().all(|p| p.code == "pricing.order.beyond_service_area"));
        }
    }

    #[test]
    fn refunds_never_exceed_what_was_paid(
        cfg in config_strategy(),
        seed in order_seed(),
        paid_pct in 0i64..=100,
        balance_paid in any::<bool>(),
        refunded_pct in 0i64..=100,
        event_kind in 0u8..4,
        status in 0u8..5,
        minutes in -120i64..=900,
        picks in vec((0usize..10, option::of(0i64..=200_000)), 0..4),
    ) {
        let engine = PriceEngine::new(cfg.clone()).unwrap();
        let order = build_order(&cfg, &seed);
        let Some(q) = quote_or_acceptable(&engine, &order)? else { return Ok(()) };
        let first = q.payment.pay_now * paid_pct / 100;
        let mut payments = vec![Payment {
            kind: if q.payment.kind == PlanKind::Full { PaymentKind::Full } else { PaymentKind::Deposit },
            amount: first,
            refunded: first * refunded_pct / 200,
        }];
        if q.payment.kind == PlanKind::Deposit && balance_paid {
            payments.push(Payment { kind: PaymentKind::Balance, amount: q.payment.balance, refunded: 0 });
        }
        let status = [OrderStatus::PendingAcceptance, OrderStatus::Accepted, OrderStatus::Departed,
                      OrderStatus::InService, OrderStatus::Completed][usize::from(status)];
        let event = match event_kind {
            0 => RefundEvent::Cancellation { by: Party::Staff, status, minutes_before_start: minutes },
            1 | 2 => RefundEvent::Cancellation { by: Party::User, status, minutes_before_start: minutes },
            _ => RefundEvent::Lines(picks.iter().map(|(l, a)| LineRefundRequest {
                line: l % q.lines.len(), amount: *a,
            }).collect()),
        };
        match engine.refund(&q, &payments, &event, &PriceOptions::default()) {
            Ok(r) => {
                let held: i64 = payments.iter().map(|p| p.amount - p.refunded).sum();
                prop_assert_eq!(r.held, held);
                prop_assert!(r.refund >= 0 && r.refund <= r.held && r.kept >= 0);
                prop_assert_eq!(r.payments.iter().map(|p| p.refund).sum::<i64>(), r.refund);
                prop_assert_eq!(r.lines.iter().map(|l| l.refund).sum::<i64>(), r.refund);
                for p in &r.payments {
                    prop_assert!(p.refund >= 0 && p.refund <= p.held);
                }
                for (l, line) in r.lines.iter().zip(&q.lines) {
                    prop_assert!(l.refund >= 0 && l.refund <= l.held && l.held <= line.net);
                }
                if matches!(event, RefundEvent::Cancellation { .. }) {
                    prop_assert_eq!(r.refund + r.kept, r.held);
                }
                if matches!(event, RefundEvent::Cancellation { by: Party::Staff, .. }) {
                    prop_assert_eq!(r.refund, r.held);
                }
                prop_assert!(r.restore_points <= q.points_used());
            }
            Err(problems) => {
                for p in &problems {
                    prop_assert!(
                        ["pricing.refund.not_cancellable", "pricing.refund.too_late",
                         "pricing.refund.exceeds_line", "pricing.refund.duplicate_line"].contains(&p.code),
                        "unexpected {p:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn huge_amounts_are_overflow_errors_not_wraps(
        price in 0i64..=MAX_SAFE,
        qty in 1i64..=10_000,
        fee in 0i64..=MAX_SAFE,
        rate in 0i64..=100_000,
    ) {
        let json = format!(r#"{{"version":1,
            "items":[{{"id":"a","name":"甲","unit":"perVisit","unitPrice":{price},"insurance":"eligible"}}],
            "transport":{{"kind":"tiers","tiers":[{{"fee":{fee}}}]}},
            "surcharges":{{"night":{{"from":"00:00","to":"23:59","rateBp":{rate}}}}},
            "insurance":{{"ratioBp":10000}}, "points":{{"valueFen":1,"maxShareBp":10000}}}}"#);
        let engine = PriceEngine::from_json(&json).unwrap();
        let order = format!(r#"{{"items":[{{"itemId":"a","quantity":{qty}}}],"distanceMetres":1,
            "appointmentStart":"2026-12-01T09:00","bookedAt":"2026-12-01T08:00","paymentPlan":"deposit"}}"#);
        match engine.quote_json(&order, &PriceOptions::default()) {
            Ok(out) => {
                let q: Quote = serde_json::from_str(&out).unwrap();
                check_quote(&q)?;
                prop_assert_eq!(q.lines[0].amount, price * qty);
            }
            Err(p) => {
                prop_assert_eq!(p.len(), 1);
                prop_assert_eq!(p[0].code, "pricing.overflow");
                prop_assert!(i128::from(price) * i128::from(qty) + i128::from(fee)
                    + i128::from(price) * i128::from(qty) * i128::from(rate) / 10_000 > i128::from(MAX_SAFE) - 1);
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
        let _ = PriceEngine::from_json(&s);
        let engine = PriceEngine::from_json(include_str!("fixtures/basic-config.json")).unwrap();
        let _ = engine.quote_json(&s, &PriceOptions::default());
        let _ = engine.refund_json(&s, &PriceOptions::default());
        let _ = homecare_pricing::apply_settlement_json(&s, &PriceOptions::default());
    }

    #[test]
    fn mutated_orders_give_errors_with_paths_not_panics(
        key in prop::sample::select(vec!["items", "distanceMetres", "appointmentStart", "bookedAt",
                                         "couponId", "points", "packageId", "paymentPlan", "newUser", "consumables"]),
        value in prop_oneof![
            Just(serde_json::json!("12")), Just(serde_json::json!(12.5)), Just(serde_json::json!(-1)),
            Just(serde_json::json!(9_007_199_254_740_993_u64)), Just(serde_json::json!(null)),
            Just(serde_json::json!([])), Just(serde_json::json!({})), Just(serde_json::json!(true)),
            Just(serde_json::json!([{"itemId": 1}])), Just(serde_json::json!("2026-02-30T09:00")),
        ],
    ) {
        let engine = PriceEngine::from_json(include_str!("fixtures/basic-config.json")).unwrap();
        let mut order: serde_json::Value = serde_json::from_str(
            r#"{"items":[{"itemId":"wound","quantity":1}],"distanceMetres":2500,
                "appointmentStart":"2026-12-01T09:00","bookedAt":"2026-11-30T20:00"}"#).unwrap();
        order[key] = value;
        if let Err(problems) = engine.quote_json(&order.to_string(), &PriceOptions::default()) {
            prop_assert!(!problems.is_empty());
            for p in &problems {
                prop_assert!(p.code.starts_with("pricing."));
                prop_assert!(homecare_pricing::MESSAGES.iter().any(|(c, _, _)| *c == p.code));
            }
        }
    }
}

/// Guards against vacuous properties: most generated orders must price successfully.
#[test]
fn generators_mostly_produce_priced_orders() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = (config_strategy(), order_seed());
    let (mut ok, mut with_discount, total) = (0, 0, 300);
    for _ in 0..total {
        let (cfg, seed) = strategy.new_tree(&mut runner).unwrap().current();
        let engine = PriceEngine::new(cfg.clone()).unwrap();
        if let Ok(q) = engine.quote(&build_order(&cfg, &seed), &PriceOptions::default()) {
            ok += 1;
            if !q.discounts.is_empty() {
                with_discount += 1;
            }
        }
    }
    assert!(ok * 2 > total, "only {ok}/{total} priced");
    assert!(
        with_discount * 5 > total,
        "only {with_discount}/{total} with a discount"
    );
}
