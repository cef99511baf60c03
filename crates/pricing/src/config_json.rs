//! Reads a [`PriceConfig`] from JSON with a path on every problem. Meaning (tier order,
//! references, ranges) is checked afterwards by [`crate::validate_price_config`].

use homecare_core::Problem;
use serde_json::Value;

use crate::config::{
    CancelRule, CancellationPolicy, CatalogItem, Charge, Consumable, Coupon, CouponKind,
    DistanceTier, HolidaySurcharge, InsuranceCategory, InsuranceParams, NightSurcharge, Package,
    PointsRule, PriceConfig, RefundTier, Surcharges, TransportRule, Unit, UrgentSurcharge,
    DEFAULT_DEPOSIT_RATIO_BP,
};
use crate::json::{index, Obj, Reader};
use crate::messages::codes;
use crate::money::MAX_SAFE;
use crate::time::{LocalDate, LocalDateTime, TimeOfDay};

/// Reads the config's shape; every problem is collected.
pub(crate) fn read_config(v: &Value) -> Result<PriceConfig, Vec<Problem>> {
    let mut r = Reader::default();
    let cfg = read(&mut r, v);
    r.finish(cfg)
}

fn read(r: &mut Reader, v: &Value) -> Option<PriceConfig> {
    let o = r.object(
        v,
        "",
        &[
            "version",
            "revision",
            "items",
            "transport",
            "surcharges",
            "consumables",
            "coupons",
            "points",
            "packages",
            "depositRatioBp",
            "insurance",
            "cancellation",
        ],
    )?;
    let version = o.int_in(r, "version", 0, MAX_SAFE);
    let revision = match o.get("revision") {
        None => Some(String::new()),
        Some(v) => r.string(v, &o.at("revision")).map(str::to_owned),
    };
    let items = list(r, &o, "items", true, read_item);
    let transport = o
        .req(r, "transport")
        .and_then(|v| read_transport(r, v, "transport"));
    let surcharges = match o.get("surcharges") {
        None => Some(Surcharges::default()),
        Some(v) => read_surcharges(r, v, "surcharges"),
    };
    let consumables = list(r, &o, "consumables", false, read_consumable);
    let coupons = list(r, &o, "coupons", false, read_coupon);
    let points = match o.get("points") {
        None => Some(None),
        Some(v) => read_points(r, v, "points").map(Some),
    };
    let packages = list(r, &o, "packages", false, read_package);
    let deposit_ratio_bp = match o.get("depositRatioBp") {
        None => Some(DEFAULT_DEPOSIT_RATIO_BP),
        Some(v) => r.int(v, &o.at("depositRatioBp")),
    };
    let insurance = match o.get("insurance") {
        None => Some(None),
        Some(v) => read_insurance(r, v, "insurance").map(Some),
    };
    let cancellation = match o.get("cancellation") {
        None => Some(CancellationPolicy::default()),
        Some(v) => read_cancellation(r, v, "cancellation"),
    };
    Some(PriceConfig {
        version: version?,
        revision: revision?,
        items: items?,
        transport: transport?,
        surcharges: surcharges?,
        consumables: consumables?,
        coupons: coupons?,
        points: points?,
        packages: packages?,
        deposit_ratio_bp: deposit_ratio_bp?,
        insurance: insurance?,
        cancellation: cancellation?,
    })
}

/// Reads an array field element by element; `None` if any element failed.
fn list<T>(
    r: &mut Reader,
    o: &Obj<'_>,
    key: &str,
    required: bool,
    each: fn(&mut Reader, &Value, &str) -> Option<T>,
) -> Option<Vec<T>> {
    let arr = if required {
        let v = o.req(r, key)?;
        r.array(v, &o.at(key))?
    } else {
        o.array_or_empty(r, key)?
    };
    let path = o.at(key);
    let mut out = Vec::with_capacity(arr.len());
    let mut ok = true;
    for (i, v) in arr.iter().enumerate() {
        match each(r, v, &index(&path, i)) {
            Some(t) => out.push(t),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn read_insurance_category(r: &mut Reader, o: &Obj<'_>) -> Option<InsuranceCategory> {
    let v = o.req(r, "insurance")?;
    match r.choice(v, &o.at("insurance"), &["eligible", "selfPay"])? {
        0 => Some(InsuranceCategory::Eligible),
        _ => Some(InsuranceCategory::SelfPay),
    }
}

fn read_item(r: &mut Reader, v: &Value, path: &str) -> Option<CatalogItem> {
    let o = r.object(
        v,
        path,
        &[
            "id",
            "name",
            "unit",
            "unitPrice",
            "insurance",
            "qualification",
        ],
    )?;
    let id = o.id(r, "id");
    let name = o.id(r, "name");
    let unit = o.req(r, "unit").and_then(|v| {
        r.choice(v, &o.at("unit"), &["perVisit", "per30Minutes", "perPiece"])
            .map(|i| match i {
                0 => Unit::PerVisit,
                1 => Unit::Per30Minutes,
                _ => Unit::PerPiece,
            })
    });
    let unit_price = o.amount(r, "unitPrice");
    let insurance = read_insurance_category(r, &o);
    let qualification = match o.get("qualification") {
        None => Some(None),
        Some(v) => r.id(v, &o.at("qualification")).map(Some),
    };
    Some(CatalogItem {
        id: id?,
        name: name?,
        unit: unit?,
        unit_price: unit_price?,
        insurance: insurance?,
        qualification: qualification?,
    })
}

fn read_transport(r: &mut Reader, v: &Value, path: &str) -> Option<TransportRule> {
    let o = r.object(
        v,
        path,
        &[
            "kind",
            "tiers",
            "freeWithinMetres",
            "base",
            "includedMetres",
            "perKm",
            "cap",
        ],
    )?;
    let kind = o
        .req(r, "kind")
        .and_then(|v| r.choice(v, &o.at("kind"), &["tiers", "perKm"]));
    let free = o
        .opt_amount(r, "freeWithinMetres")
        .ok()
        .map(Option::unwrap_or_default);
    match kind? {
        0 => {
            for extra in ["base", "includedMetres", "perKm", "cap"] {
                if o.has(extra) {
                    r.push(Problem::new(o.at(extra), codes::JSON_UNKNOWN_FIELD));
                }
            }
            let tiers = list(r, &o, "tiers", true, read_tier);
            Some(TransportRule::Tiers {
                tiers: tiers?,
                free_within_metres: free?,
            })
        }
        _ => {
            if o.has("tiers") {
                r.push(Problem::new(o.at("tiers"), codes::JSON_UNKNOWN_FIELD));
            }
            let base = o.amount(r, "base");
            let included = o
                .opt_amount(r, "includedMetres")
                .ok()
                .map(Option::unwrap_or_default);
            let per_km = o.amount(r, "perKm");
            let cap = o.opt_amount(r, "cap").ok();
            Some(TransportRule::PerKm {
                base: base?,
                included_metres: included?,
                per_km: per_km?,
                cap: cap?,
                free_within_metres: free?,
            })
        }
    }
}

fn read_tier(r: &mut Reader, v: &Value, path: &str) -> Option<DistanceTier> {
    let o = r.object(v, path, &["upToMetres", "fee"])?;
    let up_to = o.opt_amount(r, "upToMetres").ok();
    let fee = o.amount(r, "fee");
    Some(DistanceTier {
        up_to_metres: up_to?,
        fee: fee?,
    })
}

/// `rateBp` or `fixed`, exactly one.
fn read_charge(r: &mut Reader, o: &Obj<'_>) -> Option<Charge> {
    match (o.get("rateBp"), o.get("fixed")) {
        (Some(v), None) => r.amount(v, &o.at("rateBp")).map(Charge::RateBp),
        (None, Some(v)) => r.amount(v, &o.at("fixed")).map(Charge::Fixed),
        _ => {
            r.push(
                Problem::new(o.path.clone(), codes::CONFIG_ONE_OF).text("fields", "rateBp, fixed"),
            );
            None
        }
    }
}

fn read_time_of_day(r: &mut Reader, o: &Obj<'_>, key: &str) -> Option<TimeOfDay> {
    let s = o.string(r, key)?;
    let t = TimeOfDay::parse(s);
    if t.is_none() {
        r.push(Problem::new(o.at(key), codes::TIME_OF_DAY_INVALID));
    }
    t
}

pub(crate) fn read_datetime(r: &mut Reader, v: &Value, path: &str) -> Option<LocalDateTime> {
    let s = r.string(v, path)?;
    let t = LocalDateTime::parse(s);
    if t.is_none() {
        r.push(Problem::new(path, codes::TIME_INVALID));
    }
    t
}

fn read_surcharges(r: &mut Reader, v: &Value, path: &str) -> Option<Surcharges> {
    let o = r.object(v, path, &["night", "holiday", "urgent"])?;
    let night = match o.get("night") {
        None => Some(None),
        Some(v) => r
            .object(v, &o.at("night"), &["from", "to", "rateBp", "fixed"])
            .and_then(|n| {
                let from = read_time_of_day(r, &n, "from");
                let to = read_time_of_day(r, &n, "to");
                let charge = read_charge(r, &n);
                Some(Some(NightSurcharge {
                    from: from?,
                    to: to?,
                    charge: charge?,
                }))
            }),
    };
    let holiday = match o.get("holiday") {
        None => Some(None),
        Some(v) => r
            .object(v, &o.at("holiday"), &["dates", "rateBp", "fixed"])
            .and_then(|h| {
                let dates = list(r, &h, "dates", true, |r, v, p| {
                    let s = r.string(v, p)?;
                    let d = LocalDate::parse(s);
                    if d.is_none() {
                        r.push(Problem::new(p, codes::DATE_INVALID));
                    }
                    d
                });
                let charge = read_charge(r, &h);
                Some(Some(HolidaySurcharge {
                    dates: dates?,
                    charge: charge?,
                }))
            }),
    };
    let urgent = match o.get("urgent") {
        None => Some(None),
        Some(v) => r
            .object(
                v,
                &o.at("urgent"),
                &["leadTimeUnderHours", "rateBp", "fixed"],
            )
            .and_then(|u| {
                let hours = u.int_in(r, "leadTimeUnderHours", 1, 720);
                let charge = read_charge(r, &u);
                Some(Some(UrgentSurcharge {
                    lead_time_under_hours: hours?,
                    charge: charge?,
                }))
            }),
    };
    Some(Surcharges {
        night: night?,
        holiday: holiday?,
        urgent: urgent?,
    })
}

fn read_consumable(r: &mut Reader, v: &Value, path: &str) -> Option<Consumable> {
    let o = r.object(v, path, &["id", "name", "price", "insurance"])?;
    let id = o.id(r, "id");
    let name = o.id(r, "name");
    let price = o.amount(r, "price");
    let insurance = read_insurance_category(r, &o);
    Some(Consumable {
        id: id?,
        name: name?,
        price: price?,
        insurance: insurance?,
    })
}

fn read_coupon(r: &mut Reader, v: &Value, path: &str) -> Option<Coupon> {
    const COMMON: [&str; 7] = [
        "id",
        "name",
        "kind",
        "newUserOnly",
        "itemIds",
        "validFrom",
        "validUntil",
    ];
    let o = r.object(
        v,
        path,
        &[
            "id",
            "name",
            "kind",
            "newUserOnly",
            "itemIds",
            "validFrom",
            "validUntil",
            "amount",
            "rateBp",
            "cap",
            "threshold",
        ],
    )?;
    let id = o.id(r, "id");
    let name = o.id(r, "name");
    let kind_ix = o
        .req(r, "kind")
        .and_then(|v| r.choice(v, &o.at("kind"), &["fixed", "percent", "threshold"]));
    let kind = kind_ix.and_then(|k| {
        let own: &[&str] = match k {
            0 => &["amount"],
            1 => &["rateBp", "cap"],
            _ => &["threshold", "amount"],
        };
        for extra in ["amount", "rateBp", "cap", "threshold"] {
            if o.has(extra) && !own.contains(&extra) && !COMMON.contains(&extra) {
                r.push(Problem::new(o.at(extra), codes::JSON_UNKNOWN_FIELD));
            }
        }
        match k {
            0 => o
                .amount(r, "amount")
                .map(|amount| CouponKind::Fixed { amount }),
            1 => {
                let rate_bp = o.amount(r, "rateBp");
                let cap = o.opt_amount(r, "cap").ok();
                Some(CouponKind::Percent {
                    rate_bp: rate_bp?,
                    cap: cap?,
                })
            }
            _ => {
                let threshold = o.amount(r, "threshold");
                let amount = o.amount(r, "amount");
                Some(CouponKind::Threshold {
                    threshold: threshold?,
                    amount: amount?,
                })
            }
        }
    });
    let new_user_only = o.bool_or(r, "newUserOnly", false);
    let item_ids = list(r, &o, "itemIds", false, |r, v, p| r.id(v, p));
    let valid_from = match o.get("validFrom") {
        None => Some(None),
        Some(v) => read_datetime(r, v, &o.at("validFrom")).map(Some),
    };
    let valid_until = match o.get("validUntil") {
        None => Some(None),
        Some(v) => read_datetime(r, v, &o.at("validUntil")).map(Some),
    };
    Some(Coupon {
        id: id?,
        name: name?,
        kind: kind?,
        new_user_only: new_user_only?,
        item_ids: item_ids?,
        valid_from: valid_from?,
        valid_until: valid_until?,
    })
}

fn read_points(r: &mut Reader, v: &Value, path: &str) -> Option<PointsRule> {
    let o = r.object(v, path, &["valueFen", "maxShareBp", "step"])?;
    let value_fen = o.amount(r, "valueFen");
    let max_share_bp = o.amount(r, "maxShareBp");
    let step = match o.get("step") {
        None => Some(1),
        Some(v) => r.amount(v, &o.at("step")),
    };
    Some(PointsRule {
        value_fen: value_fen?,
        max_share_bp: max_share_bp?,
        step: step?,
    })
}

fn read_package(r: &mut Reader, v: &Value, path: &str) -> Option<Package> {
    let o = r.object(v, path, &["id", "name", "itemId", "visits", "price"])?;
    let id = o.id(r, "id");
    let name = o.id(r, "name");
    let item_id = o.id(r, "itemId");
    let visits = o.amount(r, "visits");
    let price = o.amount(r, "price");
    Some(Package {
        id: id?,
        name: name?,
        item_id: item_id?,
        visits: visits?,
        price: price?,
    })
}

fn read_insurance(r: &mut Reader, v: &Value, path: &str) -> Option<InsuranceParams> {
    let o = r.object(v, path, &["ratioBp", "remainingDeductible", "remainingCap"])?;
    let ratio_bp = o.amount(r, "ratioBp");
    let deductible = o
        .opt_amount(r, "remainingDeductible")
        .ok()
        .map(Option::unwrap_or_default);
    let cap = o.opt_amount(r, "remainingCap").ok();
    Some(InsuranceParams {
        ratio_bp: ratio_bp?,
        remaining_deductible: deductible?,
        remaining_cap: cap?,
    })
}

fn read_cancellation(r: &mut Reader, v: &Value, path: &str) -> Option<CancellationPolicy> {
    let o = r.object(
        v,
        path,
        &[
            "pendingAcceptance",
            "accepted",
            "departed",
            "inService",
            "completed",
        ],
    )?;
    let d = CancellationPolicy::default();
    let mut rule = |key: &str, default: CancelRule| match o.get(key) {
        None => Some(default),
        Some(v) => read_cancel_rule(r, v, &o.at(key)),
    };
    let pending_acceptance = rule("pendingAcceptance", d.pending_acceptance);
    let accepted = rule("accepted", d.accepted);
    let departed = rule("departed", d.departed);
    let in_service = rule("inService", d.in_service);
    let completed = rule("completed", d.completed);
    Some(CancellationPolicy {
        pending_acceptance: pending_acceptance?,
        accepted: accepted?,
        departed: departed?,
        in_service: in_service?,
        completed: completed?,
    })
}

fn read_cancel_rule(r: &mut Reader, v: &Value, path: &str) -> Option<CancelRule> {
    let o = r.object(v, path, &["refundBp", "tiers", "fee", "cancellable"])?;
    let present: Vec<&str> = ["refundBp", "tiers", "fee", "cancellable"]
        .into_iter()
        .filter(|k| o.has(k))
        .collect();
    if present.len() != 1 {
        r.push(
            Problem::new(path, codes::CONFIG_ONE_OF)
                .text("fields", "refundBp, tiers, fee, cancellable"),
        );
        return None;
    }
    match present.first().copied() {
        Some("refundBp") => o
            .amount(r, "refundBp")
            .map(|refund_bp| CancelRule::Percent { refund_bp }),
        Some("fee") => o.amount(r, "fee").map(|fee| CancelRule::Fee { fee }),
        Some("tiers") => list(r, &o, "tiers", true, |r, v, p| {
            let t = r.object(v, p, &["minMinutesBefore", "refundBp"])?;
            let min = t.int_in(r, "minMinutesBefore", -MAX_SAFE, MAX_SAFE);
            let bp = t.amount(r, "refundBp");
            Some(RefundTier {
                min_minutes_before: min?,
                refund_bp: bp?,
            })
        })
        .map(CancelRule::Tiers),
        _ => {
            let can = o.bool_or(r, "cancellable", false)?;
            if can {
                // `cancellable: true` says nothing about the refund: ask for a rule instead.
                r.push(
                    Problem::new(o.at("cancellable"), codes::CONFIG_ONE_OF)
                        .text("fields", "refundBp, tiers, fee"),
                );
                return None;
            }
            Some(CancelRule::NotCancellable)
        }
    }
}
