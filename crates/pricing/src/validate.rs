//! Meaning checks on a [`PriceConfig`]: ranges, references, tier order. Paths use the JSON
//! field names, so typed and JSON callers read the same problems.

use homecare_core::Problem;

use crate::config::{
    CancelRule, Charge, CouponKind, PriceConfig, TransportRule, Unit, CONFIG_VERSION,
};
use crate::messages::codes;
use crate::money::{BP_ONE, MAX_SAFE};

/// Most visits one package may hold.
pub const MAX_PACKAGE_VISITS: i64 = 1_000;

/// Highest surcharge rate: 1 000 %.
const MAX_SURCHARGE_BP: i64 = 100_000;

/// Checks a config; `Ok(())` or every problem found, with paths like `items[2].unitPrice`.
///
/// ```
/// use homecare_pricing::{validate_price_config, PriceEngine};
/// let json = r#"{"version":1,"items":[{"id":"a","name":"换药","unit":"perVisit",
///   "unitPrice":-5,"insurance":"eligible"}],"transport":{"kind":"tiers","tiers":[{"fee":0}]}}"#;
/// let problems = PriceEngine::from_json(json).err().unwrap();
/// assert_eq!(problems[0].path, "items[0].unitPrice");
/// assert_eq!(problems[0].code, "pricing.value.negative");
/// ```
pub fn validate_price_config(config: &PriceConfig) -> Result<(), Vec<Problem>> {
    let mut v = Check::default();
    if config.version != CONFIG_VERSION {
        v.push(
            Problem::new("version", codes::CONFIG_UNSUPPORTED_VERSION)
                .int("supported", CONFIG_VERSION),
        );
    }
    v.unique(config.items.iter().map(|i| i.id.as_str()), "items");
    for (i, item) in config.items.iter().enumerate() {
        let p = format!("items[{i}]");
        v.text(&item.id, &p, "id");
        v.text(&item.name, &p, "name");
        v.amount(item.unit_price, &p, "unitPrice");
    }
    match &config.transport {
        TransportRule::Tiers {
            tiers,
            free_within_metres,
        } => {
            v.amount(*free_within_metres, "transport", "freeWithinMetres");
            if tiers.is_empty() {
                v.push(Problem::new("transport.tiers", codes::CONFIG_EMPTY_LIST));
            }
            let mut prev: Option<(i64, i64)> = None;
            for (i, t) in tiers.iter().enumerate() {
                let p = format!("transport.tiers[{i}]");
                v.amount(t.fee, &p, "fee");
                match t.up_to_metres {
                    None if i + 1 != tiers.len() => v.push(Problem::new(
                        format!("{p}.upToMetres"),
                        codes::CONFIG_UNBOUNDED_TIER_NOT_LAST,
                    )),
                    None => {}
                    Some(m) => {
                        v.amount(m, &p, "upToMetres");
                        if prev.is_some_and(|(pm, _)| m <= pm) {
                            v.push(Problem::new(
                                format!("{p}.upToMetres"),
                                codes::CONFIG_TIERS_NOT_INCREASING,
                            ));
                        }
                    }
                }
                if prev.is_some_and(|(_, pf)| t.fee < pf) {
                    v.push(Problem::new(
                        format!("{p}.fee"),
                        codes::CONFIG_TIER_FEE_DECREASING,
                    ));
                }
                // A misplaced unbounded tier is reported once, not again by its successor.
                let bound = t.up_to_metres.or(prev.map(|(pm, _)| pm)).unwrap_or(0);
                prev = Some((bound, t.fee));
            }
        }
        TransportRule::PerKm {
            base,
            included_metres,
            per_km,
            cap,
            free_within_metres,
        } => {
            v.amount(*base, "transport", "base");
            v.amount(*included_metres, "transport", "includedMetres");
            v.amount(*per_km, "transport", "perKm");
            v.amount(*free_within_metres, "transport", "freeWithinMetres");
            if let Some(c) = cap {
                v.amount(*c, "transport", "cap");
            }
        }
    }
    let s = &config.surcharges;
    if let Some(n) = &s.night {
        if n.from == n.to {
            v.push(Problem::new(
                "surcharges.night.to",
                codes::CONFIG_EMPTY_WINDOW,
            ));
        }
        v.charge(n.charge, "surcharges.night");
    }
    if let Some(h) = &s.holiday {
        v.charge(h.charge, "surcharges.holiday");
    }
    if let Some(u) = &s.urgent {
        v.range(
            u.lead_time_under_hours,
            1,
            720,
            "surcharges.urgent.leadTimeUnderHours",
        );
        v.charge(u.charge, "surcharges.urgent");
    }
    v.unique(
        config.consumables.iter().map(|c| c.id.as_str()),
        "consumables",
    );
    for (i, c) in config.consumables.iter().enumerate() {
        let p = format!("consumables[{i}]");
        v.text(&c.id, &p, "id");
        v.text(&c.name, &p, "name");
        v.amount(c.price, &p, "price");
    }
    v.unique(config.coupons.iter().map(|c| c.id.as_str()), "coupons");
    for (i, c) in config.coupons.iter().enumerate() {
        let p = format!("coupons[{i}]");
        v.text(&c.id, &p, "id");
        v.text(&c.name, &p, "name");
        match c.kind {
            CouponKind::Fixed { amount } => v.amount(amount, &p, "amount"),
            CouponKind::Percent { rate_bp, cap } => {
                v.range(rate_bp, 0, BP_ONE, &format!("{p}.rateBp"));
                if let Some(cap) = cap {
                    v.amount(cap, &p, "cap");
                }
            }
            CouponKind::Threshold { threshold, amount } => {
                v.amount(threshold, &p, "threshold");
                v.amount(amount, &p, "amount");
            }
        }
        for (j, id) in c.item_ids.iter().enumerate() {
            if !config.items.iter().any(|it| &it.id == id) {
                v.push(
                    Problem::new(format!("{p}.itemIds[{j}]"), codes::CONFIG_UNKNOWN_ITEM)
                        .text("id", id.clone()),
                );
            }
        }
        if let (Some(from), Some(until)) = (c.valid_from, c.valid_until) {
            if from > until {
                v.push(Problem::new(
                    format!("{p}.validUntil"),
                    codes::CONFIG_WINDOW_REVERSED,
                ));
            }
        }
    }
    if let Some(pts) = &config.points {
        v.range(pts.value_fen, 1, MAX_SAFE, "points.valueFen");
        v.range(pts.max_share_bp, 0, BP_ONE, "points.maxShareBp");
        v.range(pts.step, 1, MAX_SAFE, "points.step");
    }
    v.unique(config.packages.iter().map(|c| c.id.as_str()), "packages");
    for (i, pk) in config.packages.iter().enumerate() {
        let p = format!("packages[{i}]");
        v.text(&pk.id, &p, "id");
        v.text(&pk.name, &p, "name");
        v.range(pk.visits, 1, MAX_PACKAGE_VISITS, &format!("{p}.visits"));
        v.amount(pk.price, &p, "price");
        match config.items.iter().find(|it| it.id == pk.item_id) {
            None => v.push(
                Problem::new(format!("{p}.itemId"), codes::CONFIG_UNKNOWN_ITEM)
                    .text("id", pk.item_id.clone()),
            ),
            Some(item) if item.unit != Unit::PerVisit => v.push(Problem::new(
                format!("{p}.itemId"),
                codes::CONFIG_PACKAGE_NOT_PER_VISIT,
            )),
            Some(item) => {
                let full = item.unit_price.checked_mul(pk.visits);
                if full.is_some_and(|f| pk.price > f) {
                    v.push(
                        Problem::new(format!("{p}.price"), codes::CONFIG_PACKAGE_NOT_CHEAPER)
                            .text("max", crate::format_fen(full.unwrap_or(0), false)),
                    );
                }
            }
        }
    }
    v.range(config.deposit_ratio_bp, 0, BP_ONE, "depositRatioBp");
    if let Some(ins) = &config.insurance {
        v.range(ins.ratio_bp, 0, BP_ONE, "insurance.ratioBp");
        v.amount(ins.remaining_deductible, "insurance", "remainingDeductible");
        if let Some(c) = ins.remaining_cap {
            v.amount(c, "insurance", "remainingCap");
        }
    }
    let c = &config.cancellation;
    for (key, rule) in [
        ("pendingAcceptance", &c.pending_acceptance),
        ("accepted", &c.accepted),
        ("departed", &c.departed),
        ("inService", &c.in_service),
        ("completed", &c.completed),
    ] {
        let p = format!("cancellation.{key}");
        match rule {
            CancelRule::Percent { refund_bp } => {
                v.range(*refund_bp, 0, BP_ONE, &format!("{p}.refundBp"));
            }
            CancelRule::Fee { fee } => v.amount(*fee, &p, "fee"),
            CancelRule::NotCancellable => {}
            CancelRule::Tiers(tiers) => {
                if tiers.is_empty() {
                    v.push(Problem::new(format!("{p}.tiers"), codes::CONFIG_EMPTY_LIST));
                }
                let mut prev: Option<i64> = None;
                for (i, t) in tiers.iter().enumerate() {
                    let tp = format!("{p}.tiers[{i}]");
                    v.range(t.refund_bp, 0, BP_ONE, &format!("{tp}.refundBp"));
                    v.range(
                        t.min_minutes_before,
                        -MAX_SAFE,
                        MAX_SAFE,
                        &format!("{tp}.minMinutesBefore"),
                    );
                    if prev.is_some_and(|pm| t.min_minutes_before >= pm) {
                        v.push(Problem::new(
                            format!("{tp}.minMinutesBefore"),
                            codes::CONFIG_REFUND_TIERS_ORDER,
                        ));
                    }
                    prev = Some(t.min_minutes_before);
                }
            }
        }
    }
    v.finish()
}

#[derive(Default)]
struct Check {
    problems: Vec<Problem>,
}

impl Check {
    fn push(&mut self, p: Problem) {
        self.problems.push(p);
    }

    fn finish(self) -> Result<(), Vec<Problem>> {
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(self.problems)
        }
    }

    fn amount(&mut self, n: i64, parent: &str, key: &str) {
        let path = crate::json::join(parent, key);
        if n < 0 {
            self.push(Problem::new(path, codes::VALUE_NEGATIVE));
        } else if n > MAX_SAFE {
            self.push(Problem::new(path, codes::JSON_UNSAFE_INTEGER).int("max", MAX_SAFE));
        }
    }

    fn range(&mut self, n: i64, min: i64, max: i64, path: &str) {
        if !(min..=max).contains(&n) {
            self.push(
                Problem::new(path, codes::VALUE_OUT_OF_RANGE)
                    .int("min", min)
                    .int("max", max),
            );
        }
    }

    fn text(&mut self, s: &str, parent: &str, key: &str) {
        if s.is_empty() {
            self.push(Problem::new(
                crate::json::join(parent, key),
                codes::VALUE_EMPTY,
            ));
        }
    }

    fn charge(&mut self, c: Charge, parent: &str) {
        match c {
            Charge::RateBp(bp) => self.range(bp, 0, MAX_SURCHARGE_BP, &format!("{parent}.rateBp")),
            Charge::Fixed(f) => self.amount(f, parent, "fixed"),
        }
    }

    fn unique<'a>(&mut self, ids: impl Iterator<Item = &'a str>, list: &str) {
        let mut seen: Vec<&str> = Vec::new();
        for (i, id) in ids.enumerate() {
            if seen.contains(&id) {
                self.push(
                    Problem::new(format!("{list}[{i}].id"), codes::CONFIG_DUPLICATE_ID)
                        .text("id", id),
                );
            }
            seen.push(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::PriceEngine;

    const BASE: &str = include_str!("../tests/fixtures/basic-config.json");

    /// The fixture with `edit` applied to its JSON value.
    fn problems(edit: impl Fn(&mut serde_json::Value)) -> Vec<(String, &'static str)> {
        let mut v: serde_json::Value = serde_json::from_str(BASE).unwrap();
        edit(&mut v);
        match PriceEngine::from_json(&v.to_string()) {
            Ok(_) => vec![],
            Err(ps) => ps.into_iter().map(|p| (p.path, p.code)).collect(),
        }
    }

    fn one(path: &str, code: &'static str) -> Vec<(String, &'static str)> {
        vec![(path.to_owned(), code)]
    }

    #[test]
    fn the_fixture_is_valid() {
        assert!(problems(|_| {}).is_empty());
    }

    #[test]
    fn meaning_problems_have_paths() {
        assert_eq!(
            problems(|v| v["items"][1]["id"] = "wound".into()),
            one("items[1].id", "pricing.config.duplicate_id")
        );
        assert_eq!(
            problems(|v| v["transport"]["tiers"][1]["upToMetres"] = serde_json::Value::Null),
            one(
                "transport.tiers[1].upToMetres",
                "pricing.config.unbounded_tier_not_last"
            )
        );
        assert_eq!(
            problems(|v| v["transport"]["tiers"] = serde_json::json!([])),
            one("transport.tiers", "pricing.config.empty_list")
        );
        assert_eq!(
            problems(|v| v["surcharges"]["night"]["to"] = "22:00".into()),
            one("surcharges.night.to", "pricing.config.empty_window")
        );
        assert_eq!(
            problems(|v| v["coupons"][4]["validFrom"] = "2026-07-01T00:00".into()),
            one("coupons[4].validUntil", "pricing.config.window_reversed")
        );
        assert_eq!(
            problems(|v| v["packages"][0]["itemId"] = "rehab".into()),
            one("packages[0].itemId", "pricing.config.package_not_per_visit")
        );
        assert_eq!(
            problems(|v| v["depositRatioBp"] = 10_001.into()),
            one("depositRatioBp", "pricing.value.out_of_range")
        );
        assert_eq!(
            problems(|v| v["points"]["step"] = 0.into()),
            one("points.step", "pricing.value.out_of_range")
        );
        assert_eq!(
            problems(|v| v["surcharges"]["night"]["fixed"] = 100.into()),
            one("surcharges.night", "pricing.config.one_of")
        );
        assert_eq!(
            problems(|v| v["cancellation"]["inService"] = serde_json::json!({"cancellable": true})),
            one(
                "cancellation.inService.cancellable",
                "pricing.config.one_of"
            )
        );
        assert_eq!(
            problems(|v| v["items"][0]["name"] = "".into()),
            one("items[0].name", "pricing.value.empty")
        );
        assert_eq!(
            problems(|v| v["surcharges"]["holiday"]["dates"][0] = "2026-02-30".into()),
            one("surcharges.holiday.dates[0]", "pricing.date.invalid")
        );
    }

    #[test]
    fn typed_configs_are_checked_too() {
        let mut cfg = PriceEngine::from_json(BASE).unwrap().config().clone();
        cfg.items[0].unit_price = -1;
        cfg.consumables[0].price = i64::MAX;
        let ps = PriceEngine::new(cfg).unwrap_err();
        assert_eq!(ps[0].path, "items[0].unitPrice");
        assert_eq!(ps[0].code, "pricing.value.negative");
        assert_eq!(ps[1].path, "consumables[0].price");
        assert_eq!(ps[1].code, "pricing.json.unsafe_integer");
    }
}
