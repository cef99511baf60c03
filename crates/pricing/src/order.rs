//! What the user is about to book: items, consumables, distance, times, discounts asked for.

use homecare_core::{Locale, Problem};
use serde_json::Value;

use crate::config_json::read_datetime;
use crate::geo::GeoPoint;
use crate::json::{index, Reader};
use crate::messages::codes;
use crate::money::MAX_SAFE;
use crate::time::LocalDateTime;

/// Largest quantity of one line and longest duration (minutes) an order may ask for.
pub const MAX_QUANTITY: i64 = 10_000;

/// How much of an item is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Visits or pieces (for `perVisit` and `perPiece` items).
    Quantity(i64),
    /// Minutes of service (for `per30Minutes` items).
    Minutes(i64),
}

/// One ordered item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderItem {
    /// Catalogue id.
    pub item_id: String,
    /// Quantity or duration.
    pub measure: Measure,
}

/// One ordered consumable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderConsumable {
    /// Consumable id.
    pub id: String,
    /// Pieces (≥ 1).
    pub quantity: i64,
}

/// The distance for the transport fee.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Distance {
    /// Whole metres as the backend or a map API measured them.
    Metres(i64),
    /// Straight-line (haversine) distance between the nurse's base and the home.
    Between(GeoPoint, GeoPoint),
}

/// Full prepayment or deposit + balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PlanKind {
    /// Pay everything now.
    #[default]
    Full,
    /// Pay the deposit now and the balance later.
    Deposit,
}

/// An order to quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    /// Items (at least one).
    pub items: Vec<OrderItem>,
    /// Consumables.
    pub consumables: Vec<OrderConsumable>,
    /// Distance.
    pub distance: Distance,
    /// Appointment start (local China time).
    pub appointment_start: LocalDateTime,
    /// When the order is placed (local China time); decides urgency and coupon validity.
    pub booked_at: LocalDateTime,
    /// The user has never ordered before.
    pub new_user: bool,
    /// Coupon to apply.
    pub coupon_id: Option<String>,
    /// Points to redeem (0 = none).
    pub points: i64,
    /// Package to use.
    pub package_id: Option<String>,
    /// Payment plan.
    pub payment_plan: PlanKind,
}

/// Options for quotes and refunds: the language of explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PriceOptions {
    /// Locale of the human explanations (zh-CN by default).
    pub locale: Locale,
}

impl PriceOptions {
    /// Options for a BCP 47 tag as the JS layer passes it (`zh-CN`, `en`, …); `None` for an
    /// unknown tag so the caller can report misuse.
    ///
    /// ```
    /// use homecare_pricing::PriceOptions;
    /// assert_eq!(PriceOptions::from_tag("en").unwrap().locale.tag(), "en");
    /// assert!(PriceOptions::from_tag("fr").is_none());
    /// ```
    pub fn from_tag(tag: &str) -> Option<Self> {
        Locale::parse(tag).map(|locale| PriceOptions { locale })
    }
}

/// Reads an order from JSON (shape in `docs/pricing.md`).
pub(crate) fn read_order(v: &Value, path: &str) -> Result<Order, Vec<Problem>> {
    let mut r = Reader::default();
    let order = read(&mut r, v, path);
    r.finish(order)
}

fn read(r: &mut Reader, v: &Value, path: &str) -> Option<Order> {
    let o = r.object(
        v,
        path,
        &[
            "items",
            "consumables",
            "distanceMetres",
            "from",
            "to",
            "appointmentStart",
            "bookedAt",
            "newUser",
            "couponId",
            "points",
            "packageId",
            "paymentPlan",
        ],
    )?;
    let items = o
        .req(r, "items")
        .and_then(|v| r.array(v, &o.at("items")))
        .and_then(|arr| {
            let mut out = Vec::with_capacity(arr.len());
            let mut ok = true;
            for (i, v) in arr.iter().enumerate() {
                let p = index(&o.at("items"), i);
                let item = r
                    .object(v, &p, &["itemId", "quantity", "minutes"])
                    .and_then(|io| {
                        let id = io.id(r, "itemId");
                        let measure = match (io.get("quantity"), io.get("minutes")) {
                            (Some(q), None) => r
                                .int_in(q, &io.at("quantity"), 1, MAX_QUANTITY)
                                .map(Measure::Quantity),
                            (None, Some(m)) => r
                                .int_in(m, &io.at("minutes"), 1, MAX_QUANTITY)
                                .map(Measure::Minutes),
                            _ => {
                                r.push(
                                    Problem::new(p.clone(), codes::CONFIG_ONE_OF)
                                        .text("fields", "quantity, minutes"),
                                );
                                None
                            }
                        };
                        Some(OrderItem {
                            item_id: id?,
                            measure: measure?,
                        })
                    });
                match item {
                    Some(it) => out.push(it),
                    None => ok = false,
                }
            }
            ok.then_some(out)
        });
    let consumables = o.array_or_empty(r, "consumables").and_then(|arr| {
        let mut out = Vec::with_capacity(arr.len());
        let mut ok = true;
        for (i, v) in arr.iter().enumerate() {
            let p = index(&o.at("consumables"), i);
            let c = r.object(v, &p, &["id", "quantity"]).and_then(|co| {
                let id = co.id(r, "id");
                let q = co.int_in(r, "quantity", 1, MAX_QUANTITY);
                Some(OrderConsumable {
                    id: id?,
                    quantity: q?,
                })
            });
            match c {
                Some(c) => out.push(c),
                None => ok = false,
            }
        }
        ok.then_some(out)
    });
    let distance = match (o.get("distanceMetres"), o.get("from"), o.get("to")) {
        (Some(m), None, None) => r.amount(m, &o.at("distanceMetres")).map(Distance::Metres),
        (None, Some(f), Some(t)) => {
            let a = read_point(r, f, &o.at("from"));
            let b = read_point(r, t, &o.at("to"));
            Some(Distance::Between(a?, b?))
        }
        _ => {
            r.push(
                Problem::new(path, codes::CONFIG_ONE_OF)
                    .text("fields", "distanceMetres, from + to"),
            );
            None
        }
    };
    let start = o
        .req(r, "appointmentStart")
        .and_then(|v| read_datetime(r, v, &o.at("appointmentStart")));
    let booked = o
        .req(r, "bookedAt")
        .and_then(|v| read_datetime(r, v, &o.at("bookedAt")));
    let new_user = o.bool_or(r, "newUser", false);
    let coupon_id = match o.get("couponId") {
        None => Some(None),
        Some(v) => r.id(v, &o.at("couponId")).map(Some),
    };
    let points = match o.get("points") {
        None => Some(0),
        Some(v) => r.int_in(v, &o.at("points"), 0, MAX_SAFE),
    };
    let package_id = match o.get("packageId") {
        None => Some(None),
        Some(v) => r.id(v, &o.at("packageId")).map(Some),
    };
    let payment_plan = match o.get("paymentPlan") {
        None => Some(PlanKind::Full),
        Some(v) => r
            .choice(v, &o.at("paymentPlan"), &["full", "deposit"])
            .map(|i| {
                if i == 0 {
                    PlanKind::Full
                } else {
                    PlanKind::Deposit
                }
            }),
    };
    Some(Order {
        items: items?,
        consumables: consumables?,
        distance: distance?,
        appointment_start: start?,
        booked_at: booked?,
        new_user: new_user?,
        coupon_id: coupon_id?,
        points: points?,
        package_id: package_id?,
        payment_plan: payment_plan?,
    })
}

fn read_point(r: &mut Reader, v: &Value, path: &str) -> Option<GeoPoint> {
    let o = r.object(v, path, &["lat", "lng"])?;
    let lat = o.req(r, "lat").and_then(|v| r.number(v, &o.at("lat")));
    let lng = o.req(r, "lng").and_then(|v| r.number(v, &o.at("lng")));
    let (lat, lng) = (lat?, lng?);
    let p = GeoPoint { lat, lng };
    if !p.is_valid() {
        r.push(Problem::new(path, codes::GEO_INVALID));
        return None;
    }
    Some(p)
}

/// Fast path for [`read_order`]: a borrowed serde derive that accepts only well-formed,
/// in-range orders and returns `None` for anything else, which the caller then reads with the
/// path-reporting reader. Valid input gives the same [`Order`] either way (tested); invalid
/// input always takes the slow path, so problems are identical too.
pub(crate) fn read_order_fast(text: &str) -> Option<Order> {
    use std::borrow::Cow;

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    struct ItemWire<'a> {
        #[serde(borrow)]
        item_id: Cow<'a, str>,
        quantity: Option<i64>,
        minutes: Option<i64>,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct ConsumableWire<'a> {
        #[serde(borrow)]
        id: Cow<'a, str>,
        quantity: i64,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    struct OrderWire<'a> {
        #[serde(borrow)]
        items: Vec<ItemWire<'a>>,
        #[serde(borrow, default)]
        consumables: Option<Vec<ConsumableWire<'a>>>,
        distance_metres: Option<i64>,
        from: Option<GeoPoint>,
        to: Option<GeoPoint>,
        #[serde(borrow)]
        appointment_start: Cow<'a, str>,
        #[serde(borrow)]
        booked_at: Cow<'a, str>,
        new_user: Option<bool>,
        #[serde(borrow)]
        coupon_id: Option<Cow<'a, str>>,
        points: Option<i64>,
        #[serde(borrow)]
        package_id: Option<Cow<'a, str>>,
        #[serde(borrow)]
        payment_plan: Option<Cow<'a, str>>,
    }

    let w: OrderWire<'_> = serde_json::from_str(text).ok()?;
    let qty = |n: i64| (1..=MAX_QUANTITY).contains(&n).then_some(n);
    let id = |s: &Cow<'_, str>| (!s.is_empty()).then(|| s.to_string());
    let mut items = Vec::with_capacity(w.items.len());
    for it in &w.items {
        let measure = match (it.quantity, it.minutes) {
            (Some(q), None) => Measure::Quantity(qty(q)?),
            (None, Some(m)) => Measure::Minutes(qty(m)?),
            _ => return None,
        };
        items.push(OrderItem {
            item_id: id(&it.item_id)?,
            measure,
        });
    }
    let mut consumables = Vec::new();
    for c in w.consumables.iter().flatten() {
        consumables.push(OrderConsumable {
            id: id(&c.id)?,
            quantity: qty(c.quantity)?,
        });
    }
    let distance = match (w.distance_metres, w.from, w.to) {
        (Some(m), None, None) if (0..=MAX_SAFE).contains(&m) => Distance::Metres(m),
        (None, Some(a), Some(b)) if a.is_valid() && b.is_valid() => Distance::Between(a, b),
        _ => return None,
    };
    let points = w.points.unwrap_or(0);
    if !(0..=MAX_SAFE).contains(&points) {
        return None;
    }
    let coupon_id = match &w.coupon_id {
        None => None,
        Some(c) => Some(id(c)?),
    };
    let package_id = match &w.package_id {
        None => None,
        Some(p) => Some(id(p)?),
    };
    let payment_plan = match w.payment_plan.as_deref() {
        None | Some("full") => PlanKind::Full,
        Some("deposit") => PlanKind::Deposit,
        Some(_) => return None,
    };
    Some(Order {
        items,
        consumables,
        distance,
        appointment_start: LocalDateTime::parse(&w.appointment_start)?,
        booked_at: LocalDateTime::parse(&w.booked_at)?,
        new_user: w.new_user.unwrap_or(false),
        coupon_id,
        points,
        package_id,
        payment_plan,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn slow(text: &str) -> Result<Order, Vec<Problem>> {
        read_order(&crate::json::parse(text, "")?, "")
    }

    fn values() -> impl Strategy<Value = Value> {
        prop::sample::select(vec![
            json!(null),
            json!(0),
            json!(1),
            json!(-1),
            json!(12.5),
            json!(1.0),
            json!("1"),
            json!(""),
            json!("wound"),
            json!("deposit"),
            json!("full"),
            json!("2026-12-01T09:00"),
            json!("2026-02-30T09:00"),
            json!(true),
            json!([]),
            json!({}),
            json!(9_007_199_254_740_991_i64),
            json!(9_007_199_254_740_992_u64),
            json!([{"itemId": "wound", "quantity": 2}]),
            json!([{"itemId": "rehab", "minutes": 45, "quantity": null}]),
            json!([{"itemId": "wound", "quantity": 1, "minutes": 30}]),
            json!([{"id": "kit", "quantity": 3}]),
            json!([{"id": "kit", "quantity": 3, "extra": 1}]),
            json!({"lat": 22.5, "lng": 113.4}),
            json!({"lat": 22, "lng": 113}),
            json!({"lat": 95.0, "lng": 113.4}),
            json!({"lat": 22.5, "lng": 113.4, "alt": 1}),
            json!("带\"转义\"的文字"),
        ])
    }

    proptest! {
        #[test]
        fn fast_reader_agrees_with_the_path_reader(
            edits in prop::collection::vec((
                prop::sample::select(vec![
                    "items", "consumables", "distanceMetres", "from", "to", "appointmentStart",
                    "bookedAt", "newUser", "couponId", "points", "packageId", "paymentPlan", "other",
                ]),
                values(),
            ), 0..4),
        ) {
            let mut order = json!({
                "items": [{"itemId": "wound", "quantity": 1}],
                "distanceMetres": 2500,
                "appointmentStart": "2026-12-01T09:00",
                "bookedAt": "2026-11-30T20:00",
            });
            for (key, value) in edits {
                order[key] = value;
            }
            let text = order.to_string();
            if let Some(fast) = read_order_fast(&text) {
                prop_assert_eq!(slow(&text), Ok(fast));
            }
        }
    }

    #[test]
    fn fast_reader_takes_the_common_shapes() {
        let text = r#"{"items":[{"itemId":"wound","quantity":1},{"itemId":"rehab","minutes":90}],
            "consumables":[{"id":"kit","quantity":2}],"from":{"lat":22.52,"lng":113.39},
            "to":{"lat":22.52,"lng":113.44},"appointmentStart":"2026-12-01T09:00",
            "bookedAt":"2026-11-30T20:00","newUser":true,"couponId":"NEW\u0032\u0030",
            "points":100,"packageId":null,"paymentPlan":"deposit"}"#;
        let fast = read_order_fast(text).unwrap();
        assert_eq!(fast.coupon_id.as_deref(), Some("NEW20"));
        assert_eq!(slow(text), Ok(fast));
        assert!(read_order_fast(r#"{"items":[],"distanceMetres":1.5}"#).is_none());
    }
}
