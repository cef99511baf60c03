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
