//! [`PriceEngine`]: a validated, indexed config that quotes orders. Build it once per config
//! (the JS layer keeps one per page), then quote on every tap.

use std::borrow::Cow;

use homecare_core::Problem;

use crate::allocate::{allocate, allocate_into};
use crate::config::{
    CatalogItem, Charge, Consumable, Coupon, CouponKind, InsuranceCategory, Package, PriceConfig,
    TransportRule, Unit,
};
use crate::explain;
use crate::geo::straight_line_metres;
use crate::json;
use crate::messages::codes;
use crate::money::{add, div_ceil, mul, ratio_floor, ratio_half_up, sub, sum, MAX_SAFE};
use crate::order::{Distance, Measure, Order, PlanKind, PriceOptions, MAX_QUANTITY};
use crate::quote::{
    Allocation, Discount, DiscountKind, InsuranceEstimate, Line, LineKind, PackageUse, PaymentPlan,
    PointsInfo, Quote, Subtotals, Totals,
};
use crate::time::LocalDate;
use crate::validate::validate_price_config;

/// A compiled price configuration.
///
/// ```
/// use homecare_pricing::{PriceEngine, PriceOptions};
/// let engine = PriceEngine::from_json(r#"{
///   "version": 1,
///   "items": [{"id": "wound", "name": "伤口换药", "unit": "perVisit", "unitPrice": 16800,
///              "insurance": "eligible"}],
///   "transport": {"kind": "tiers", "tiers": [
///     {"upToMetres": 3000, "fee": 13000}, {"upToMetres": 5000, "fee": 20000},
///     {"upToMetres": 10000, "fee": 30000}, {"fee": 55000}]}
/// }"#).unwrap();
/// let quote = engine.quote_json(r#"{
///   "items": [{"itemId": "wound", "quantity": 1}], "distanceMetres": 5200,
///   "appointmentStart": "2026-12-01T09:00", "bookedAt": "2026-11-30T20:00",
///   "paymentPlan": "deposit"
/// }"#, &PriceOptions::default()).unwrap();
/// assert!(quote.contains(r#""payable":46800"#));
/// assert!(quote.contains("交通费：5.2 公里，¥300.00"));
/// assert!(quote.contains(r#""payNow":9360,"balance":37440"#));
/// ```
#[derive(Debug, Clone)]
pub struct PriceEngine {
    config: PriceConfig,
    items: Vec<usize>,
    consumables: Vec<usize>,
    coupons: Vec<usize>,
    packages: Vec<usize>,
    holidays: Vec<LocalDate>,
}

/// Ids ordered by (length, bytes): most probes of a lookup then end at the length compare,
/// without a `memcmp`.
fn id_order(a: &str, b: &str) -> core::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

fn sorted_index<T>(list: &[T], key: fn(&T) -> &str) -> Vec<usize> {
    let mut ix: Vec<usize> = (0..list.len()).collect();
    ix.sort_by(|a, b| {
        id_order(
            list.get(*a).map(key).unwrap_or(""),
            list.get(*b).map(key).unwrap_or(""),
        )
    });
    ix
}

fn find<'a, T>(list: &'a [T], ix: &[usize], id: &str, key: fn(&T) -> &str) -> Option<&'a T> {
    let at = ix
        .binary_search_by(|i| id_order(list.get(*i).map(key).unwrap_or(""), id))
        .ok()?;
    list.get(*ix.get(at)?)
}

impl PriceEngine {
    /// Validates and compiles a typed config.
    pub fn new(config: PriceConfig) -> Result<Self, Vec<Problem>> {
        validate_price_config(&config)?;
        let items = sorted_index(&config.items, |i: &CatalogItem| &i.id);
        let consumables = sorted_index(&config.consumables, |c: &Consumable| &c.id);
        let coupons = sorted_index(&config.coupons, |c: &Coupon| &c.id);
        let packages = sorted_index(&config.packages, |p: &Package| &p.id);
        let mut holidays = config
            .surcharges
            .holiday
            .as_ref()
            .map(|h| h.dates.clone())
            .unwrap_or_default();
        holidays.sort_unstable();
        Ok(PriceEngine {
            config,
            items,
            consumables,
            coupons,
            packages,
            holidays,
        })
    }

    /// Reads, validates and compiles a JSON config; problems carry paths (`items[2].unitPrice`).
    pub fn from_json(config_json: &str) -> Result<Self, Vec<Problem>> {
        let v = json::parse(config_json, "")?;
        let config = crate::config_json::read_config(&v)?;
        Self::new(config)
    }

    /// The config this engine runs.
    pub fn config(&self) -> &PriceConfig {
        &self.config
    }

    fn item(&self, id: &str) -> Option<&CatalogItem> {
        find(&self.config.items, &self.items, id, |i| &i.id)
    }

    fn consumable(&self, id: &str) -> Option<&Consumable> {
        find(&self.config.consumables, &self.consumables, id, |c| &c.id)
    }

    fn coupon(&self, id: &str) -> Option<&Coupon> {
        find(&self.config.coupons, &self.coupons, id, |c| &c.id)
    }

    fn package(&self, id: &str) -> Option<&Package> {
        find(&self.config.packages, &self.packages, id, |p| &p.id)
    }

    /// Quotes a JSON order and returns the quote as JSON (shapes in `docs/pricing.md`).
    pub fn quote_json(
        &self,
        order_json: &str,
        options: &PriceOptions,
    ) -> Result<String, Vec<Problem>> {
        let order = Order::from_json(order_json)?;
        Ok(self.quote(&order, options)?.to_json())
    }

    /// Quotes an order. All problems with the order's lines are reported together; discount
    /// problems (coupon, points, package) are reported once the lines are valid.
    pub fn quote(&self, order: &Order, options: &PriceOptions) -> Result<Quote, Vec<Problem>> {
        let l = options.locale;
        let cfg = &self.config;
        let mut problems: Vec<Problem> = Vec::new();
        // Which surcharges apply (times only), so the line buffer is sized exactly once.
        let lead = order.appointment_start.minutes() - order.booked_at.minutes();
        if lead < 0 {
            problems.push(Problem::new("bookedAt", codes::ORDER_BOOKED_AFTER_START));
        }
        let s = &cfg.surcharges;
        let night = s.night.as_ref().filter(|n| {
            let t = order.appointment_start.time().minute_of_day();
            let (from, to) = (n.from.minute_of_day(), n.to.minute_of_day());
            if from < to {
                from <= t && t < to
            } else {
                t >= from || t < to
            }
        });
        let holiday = s.holiday.as_ref().filter(|_| {
            self.holidays
                .binary_search(&order.appointment_start.date())
                .is_ok()
        });
        let urgent = s
            .urgent
            .as_ref()
            .filter(|u| lead >= 0 && lead < u.lead_time_under_hours.saturating_mul(60));
        let surcharges = usize::from(night.is_some())
            + usize::from(holiday.is_some())
            + usize::from(urgent.is_some());
        let mut lines: Vec<Line> =
            Vec::with_capacity(order.items.len() + order.consumables.len() + 1 + surcharges);
        if order.items.is_empty() {
            problems.push(Problem::new("items", codes::ORDER_NO_ITEMS));
        }

        // Service lines.
        let mut service_gross: i64 = 0;
        for (i, oi) in order.items.iter().enumerate() {
            // Paths are built only on error: a quote runs on every tap.
            let path = || json::index("items", i);
            let Some(item) = self.item(&oi.item_id) else {
                problems.push(
                    Problem::new(json::join(&path(), "itemId"), codes::ORDER_UNKNOWN_ITEM)
                        .text("id", oi.item_id.clone()),
                );
                continue;
            };
            let (units, minutes) = match (item.unit, oi.measure) {
                (Unit::PerVisit | Unit::PerPiece, Measure::Quantity(q))
                    if (1..=MAX_QUANTITY).contains(&q) =>
                {
                    (q, None)
                }
                (Unit::Per30Minutes, Measure::Minutes(m)) if (1..=MAX_QUANTITY).contains(&m) => {
                    match div_ceil(m, 30) {
                        Ok(u) => (u, Some(m)),
                        Err(p) => {
                            problems.push(p.at(&path()));
                            continue;
                        }
                    }
                }
                (Unit::Per30Minutes, Measure::Quantity(_)) => {
                    problems.push(
                        Problem::new(path(), codes::ORDER_WRONG_MEASURE)
                            .text("expected", "minutes"),
                    );
                    continue;
                }
                (Unit::PerVisit | Unit::PerPiece, Measure::Minutes(_)) => {
                    problems.push(
                        Problem::new(path(), codes::ORDER_WRONG_MEASURE)
                            .text("expected", "quantity"),
                    );
                    continue;
                }
                (_, Measure::Quantity(_)) => {
                    problems.push(range_problem(json::join(&path(), "quantity")));
                    continue;
                }
                (_, Measure::Minutes(_)) => {
                    problems.push(range_problem(json::join(&path(), "minutes")));
                    continue;
                }
            };
            let amount = match mul(item.unit_price, units)
                .and_then(|a| add(service_gross, a).map(|g| (a, g)))
            {
                Ok((a, g)) => {
                    service_gross = g;
                    a
                }
                Err(p) => {
                    problems.push(p.at(&path()));
                    continue;
                }
            };
            lines.push(Line {
                kind: LineKind::Service,
                ref_id: Cow::Owned(item.id.clone()),
                name: Cow::Owned(item.name.clone()),
                quantity: units,
                unit_price: item.unit_price,
                amount,
                discount: 0,
                net: amount,
                insurance: item.insurance,
                qualification: item.qualification.clone(),
                explanation: explain::service(
                    l,
                    &item.name,
                    item.unit,
                    minutes,
                    units,
                    item.unit_price,
                    amount,
                ),
            });
        }

        // Transport line.
        let distance = match order.distance {
            Distance::Metres(m) if (0..=MAX_SAFE).contains(&m) => Some((m, false)),
            Distance::Metres(_) => {
                problems.push(Problem::new("distanceMetres", codes::VALUE_NEGATIVE));
                None
            }
            Distance::Between(a, b) => match straight_line_metres(a, b) {
                Some(m) => Some((m, true)),
                None => {
                    problems.push(Problem::new("from", codes::GEO_INVALID));
                    None
                }
            },
        };
        let mut distance_metres = 0;
        let mut straight_line = false;
        if let Some((metres, straight)) = distance {
            distance_metres = metres;
            straight_line = straight;
            match self.transport_fee(metres) {
                Ok((fee, free)) => {
                    let per_km = match cfg.transport {
                        TransportRule::PerKm {
                            base,
                            included_metres,
                            per_km,
                            cap,
                            ..
                        } => Some((base, included_metres, per_km, cap)),
                        TransportRule::Tiers { .. } => None,
                    };
                    lines.push(Line {
                        kind: LineKind::Transport,
                        ref_id: Cow::Borrowed("transport"),
                        name: Cow::Borrowed(explain::transport_name(l)),
                        quantity: 1,
                        unit_price: fee,
                        amount: fee,
                        discount: 0,
                        net: fee,
                        insurance: InsuranceCategory::SelfPay,
                        qualification: None,
                        explanation: explain::transport(l, metres, straight, fee, free, per_km),
                    });
                }
                Err(p) => problems.push(p),
            }
        }

        // Surcharges: each on the service lines' gross amount, at most once per order.
        for (which, charge) in [
            ("night", night.map(|n| n.charge)),
            ("holiday", holiday.map(|h| h.charge)),
            ("urgent", urgent.map(|u| u.charge)),
        ] {
            let Some(charge) = charge else { continue };
            let amount = match charge {
                Charge::RateBp(bp) => ratio_half_up(service_gross, bp),
                Charge::Fixed(f) => Ok(f),
            };
            match amount {
                Ok(amount) => {
                    let name = explain::surcharge_name(l, which);
                    lines.push(Line {
                        kind: LineKind::Surcharge,
                        ref_id: Cow::Borrowed(which),
                        name: Cow::Borrowed(name),
                        quantity: 1,
                        unit_price: amount,
                        amount,
                        discount: 0,
                        net: amount,
                        insurance: InsuranceCategory::SelfPay,
                        qualification: None,
                        explanation: explain::surcharge(l, name, charge, service_gross, amount),
                    });
                }
                Err(p) => problems.push(p.at(&json::join("surcharges", which))),
            }
        }

        // Consumable lines.
        for (i, oc) in order.consumables.iter().enumerate() {
            let path = || json::index("consumables", i);
            let Some(c) = self.consumable(&oc.id) else {
                problems.push(
                    Problem::new(json::join(&path(), "id"), codes::ORDER_UNKNOWN_CONSUMABLE)
                        .text("id", oc.id.clone()),
                );
                continue;
            };
            if !(1..=MAX_QUANTITY).contains(&oc.quantity) {
                problems.push(range_problem(json::join(&path(), "quantity")));
                continue;
            }
            match mul(c.price, oc.quantity) {
                Ok(amount) => lines.push(Line {
                    kind: LineKind::Consumable,
                    ref_id: Cow::Owned(c.id.clone()),
                    name: Cow::Owned(c.name.clone()),
                    quantity: oc.quantity,
                    unit_price: c.price,
                    amount,
                    discount: 0,
                    net: amount,
                    insurance: c.insurance,
                    qualification: None,
                    explanation: explain::consumable(l, &c.name, oc.quantity, c.price, amount),
                }),
                Err(p) => problems.push(p.at(&path())),
            }
        }

        if !problems.is_empty() {
            return Err(problems);
        }
        let gross = sum(lines.iter().map(|x| x.amount)).map_err(|p| vec![p])?;
        if gross > MAX_SAFE {
            return Err(vec![crate::money::overflow()]);
        }

        let mut discounts: Vec<Discount> = Vec::with_capacity(3);
        let package = self.apply_package(order, &mut lines, &mut discounts, options)?;
        // One scratch buffer (weights, then parts) serves both coupon and points.
        let mut scratch: Vec<i64> = Vec::new();
        self.apply_coupon(order, &mut lines, &mut discounts, &mut scratch, options)?;
        let points = self.apply_points(order, &mut lines, &mut discounts, &mut scratch, options)?;

        let payable = sum(lines.iter().map(|x| x.net)).map_err(|p| vec![p])?;
        let discount = sub(gross, payable).map_err(|p| vec![p])?;
        let payment = match order.payment_plan {
            PlanKind::Full => PaymentPlan {
                kind: PlanKind::Full,
                deposit_ratio_bp: 0,
                pay_now: payable,
                balance: 0,
            },
            PlanKind::Deposit => {
                // Deposit = payable × ratio, rounded half up to the fen; balance = the rest.
                let deposit = ratio_half_up(payable, cfg.deposit_ratio_bp).map_err(|p| vec![p])?;
                PaymentPlan {
                    kind: PlanKind::Deposit,
                    deposit_ratio_bp: cfg.deposit_ratio_bp,
                    pay_now: deposit,
                    balance: sub(payable, deposit).map_err(|p| vec![p])?,
                }
            }
        };
        let insurance = match &cfg.insurance {
            None => None,
            Some(ins) => {
                let eligible = sum(lines
                    .iter()
                    .filter(|x| x.insurance == InsuranceCategory::Eligible)
                    .map(|x| x.net))
                .map_err(|p| vec![p])?;
                let deductible_applied = eligible.min(ins.remaining_deductible);
                // Rounded down: an estimate must not promise more than the fund will pay.
                let mut fund = ratio_floor(eligible - deductible_applied, ins.ratio_bp)
                    .map_err(|p| vec![p])?;
                if let Some(cap) = ins.remaining_cap {
                    fund = fund.min(cap);
                }
                Some(InsuranceEstimate {
                    is_estimate: true,
                    eligible,
                    deductible_applied,
                    fund,
                    self_pay: payable - fund,
                    note: Cow::Borrowed(explain::insurance_note(l)),
                })
            }
        };
        let package = match package {
            None => None,
            Some((package_id, line, visits)) => {
                let net = lines.get(line).map(|x| x.net).unwrap_or(0);
                // Equal weights (each the whole net, so Σweights ≥ net): an equal split of the
                // line's net over its visits; the odd fen go to earlier visits.
                let weights = vec![net; usize::try_from(visits).unwrap_or(0)];
                let visits = allocate(net, &weights).map_err(|p| vec![p])?;
                Some(PackageUse {
                    package_id,
                    line,
                    visits,
                })
            }
        };
        let subtotals = Subtotals::of(&lines);
        Ok(Quote {
            config_version: cfg.version,
            config_revision: cfg.revision.clone(),
            appointment_start: order.appointment_start,
            booked_at: order.booked_at,
            distance_metres,
            straight_line,
            lines,
            discounts,
            totals: Totals {
                gross,
                discount,
                payable,
            },
            subtotals,
            payment,
            insurance,
            points,
            package,
        })
    }

    /// `(fee, free)` for a distance. Tiers: the first tier whose bound is ≥ the distance
    /// (a distance exactly on a bound belongs to the lower tier). Per km: `base`, plus
    /// `perKm` for every started kilometre beyond `includedMetres`, at most `cap`.
    fn transport_fee(&self, metres: i64) -> Result<(i64, bool), Problem> {
        match &self.config.transport {
            TransportRule::Tiers {
                tiers,
                free_within_metres,
            } => {
                if *free_within_metres > 0 && metres <= *free_within_metres {
                    return Ok((0, true));
                }
                match tiers
                    .iter()
                    .find(|t| t.up_to_metres.is_none_or(|up| metres <= up))
                {
                    Some(t) => Ok((t.fee, false)),
                    None => Err(
                        Problem::new("distanceMetres", codes::ORDER_BEYOND_SERVICE_AREA).int(
                            "max",
                            tiers.last().and_then(|t| t.up_to_metres).unwrap_or(0),
                        ),
                    ),
                }
            }
            TransportRule::PerKm {
                base,
                included_metres,
                per_km,
                cap,
                free_within_metres,
            } => {
                if *free_within_metres > 0 && metres <= *free_within_metres {
                    return Ok((0, true));
                }
                let beyond = metres.saturating_sub(*included_metres).max(0);
                let km = div_ceil(beyond, 1_000)?;
                let fee = add(*base, mul(*per_km, km)?)?;
                Ok((cap.map_or(fee, |c| fee.min(c)), false))
            }
        }
    }

    fn apply_package(
        &self,
        order: &Order,
        lines: &mut [Line],
        discounts: &mut Vec<Discount>,
        options: &PriceOptions,
    ) -> Result<Option<(String, usize, i64)>, Vec<Problem>> {
        let Some(pid) = &order.package_id else {
            return Ok(None);
        };
        let Some(pkg) = self.package(pid) else {
            return Err(vec![
                Problem::new("packageId", codes::PACKAGE_UNKNOWN).text("id", pid.clone())
            ]);
        };
        let Some(at) = lines.iter().position(|x| {
            x.kind == LineKind::Service && x.ref_id == pkg.item_id && x.quantity == pkg.visits
        }) else {
            return Err(vec![Problem::new(
                "packageId",
                codes::PACKAGE_NO_MATCHING_LINE,
            )
            .text("item", pkg.item_id.clone())
            .int("visits", pkg.visits)]);
        };
        let line_amount = lines.get(at).map(|x| x.amount).unwrap_or(0);
        // Validation guarantees price ≤ visits × unit price; max(0) keeps that true anyway.
        let saving = sub(line_amount, pkg.price).map_err(|p| vec![p])?.max(0);
        if let Some(x) = lines.get_mut(at) {
            x.discount += saving;
            x.net -= saving;
        }
        let allocations = vec![Allocation {
            line: at,
            amount: saving,
        }];
        discounts.push(Discount {
            kind: DiscountKind::Package,
            ref_id: Cow::Owned(pkg.id.clone()),
            name: Cow::Owned(pkg.name.clone()),
            amount: saving,
            points: 0,
            allocations,
            explanation: explain::package(options.locale, &pkg.name, pkg.visits, pkg.price, saving),
        });
        Ok(Some((pkg.id.clone(), at, pkg.visits)))
    }

    fn apply_coupon(
        &self,
        order: &Order,
        lines: &mut [Line],
        discounts: &mut Vec<Discount>,
        scratch: &mut Vec<i64>,
        options: &PriceOptions,
    ) -> Result<(), Vec<Problem>> {
        let Some(cid) = &order.coupon_id else {
            return Ok(());
        };
        let err = |p: Problem| Err(vec![p]);
        let Some(c) = self.coupon(cid) else {
            return err(Problem::new("couponId", codes::COUPON_UNKNOWN).text("id", cid.clone()));
        };
        if let Some(from) = c.valid_from.filter(|f| order.booked_at < *f) {
            return err(Problem::new("couponId", codes::COUPON_NOT_YET_VALID)
                .text("from", from.to_string()));
        }
        if let Some(until) = c.valid_until.filter(|u| order.booked_at > *u) {
            return err(
                Problem::new("couponId", codes::COUPON_EXPIRED).text("until", until.to_string())
            );
        }
        if c.new_user_only && !order.new_user {
            return err(Problem::new("couponId", codes::COUPON_NEW_USER_ONLY));
        }
        // Weights over all lines: the net of each covered line, 0 for the others (a zero
        // weight never receives a fen). One scratch buffer holds weights, then parts.
        let covers = |x: &Line| {
            c.item_ids.is_empty()
                || (x.kind == LineKind::Service && c.item_ids.iter().any(|id| *id == *x.ref_id))
        };
        if !lines.iter().any(covers) {
            return err(Problem::new("couponId", codes::COUPON_NO_ELIGIBLE_LINE));
        }
        let n = lines.len();
        scratch.clear();
        scratch.resize(2 * n, 0);
        let (weights, parts) = scratch.split_at_mut(n);
        for (w, x) in weights.iter_mut().zip(lines.iter()) {
            *w = if covers(x) { x.net } else { 0 };
        }
        let base = sum(weights.iter().copied()).map_err(|p| vec![p])?;
        let amount = match c.kind {
            CouponKind::Fixed { amount } => amount,
            CouponKind::Percent { rate_bp, cap } => {
                // Rounded half up to the fen, then capped.
                let a = ratio_half_up(base, rate_bp).map_err(|p| vec![p])?;
                cap.map_or(a, |cap| a.min(cap))
            }
            CouponKind::Threshold { threshold, amount } => {
                if base < threshold {
                    return err(Problem::new("couponId", codes::COUPON_THRESHOLD_NOT_MET)
                        .text("threshold", crate::format_fen(threshold, false))
                        .text("short", crate::format_fen(threshold - base, false)));
                }
                amount
            }
        };
        // Never more than the lines it covers: the payable amount cannot go negative.
        let amount = amount.min(base);
        allocate_into(amount, weights, parts).map_err(|p| vec![p])?;
        let allocations = apply(lines, parts, covers);
        discounts.push(Discount {
            kind: DiscountKind::Coupon,
            ref_id: Cow::Owned(c.id.clone()),
            name: Cow::Owned(c.name.clone()),
            amount,
            points: 0,
            allocations,
            explanation: explain::coupon(options.locale, &c.name, amount),
        });
        Ok(())
    }

    fn apply_points(
        &self,
        order: &Order,
        lines: &mut [Line],
        discounts: &mut Vec<Discount>,
        scratch: &mut Vec<i64>,
        options: &PriceOptions,
    ) -> Result<Option<PointsInfo>, Vec<Problem>> {
        let Some(rule) = self.config.points else {
            if order.points != 0 {
                return Err(vec![Problem::new("points", codes::POINTS_DISABLED)]);
            }
            return Ok(None);
        };
        let payable = sum(lines.iter().map(|x| x.net)).map_err(|p| vec![p])?;
        // Cap rounded down to the fen, then down to whole points and whole steps.
        let max_fen = ratio_floor(payable, rule.max_share_bp).map_err(|p| vec![p])?;
        let max_points = max_fen / rule.value_fen / rule.step * rule.step;
        let used = order.points;
        if used < 0 {
            return Err(vec![Problem::new("points", codes::VALUE_NEGATIVE)]);
        }
        if used % rule.step != 0 {
            return Err(vec![
                Problem::new("points", codes::POINTS_STEP).int("step", rule.step)
            ]);
        }
        if used > max_points {
            return Err(vec![
                Problem::new("points", codes::POINTS_OVER_LIMIT).int("max", max_points)
            ]);
        }
        if used > 0 {
            let amount = mul(used, rule.value_fen).map_err(|p| vec![p])?;
            let n = lines.len();
            scratch.clear();
            scratch.resize(2 * n, 0);
            let (weights, parts) = scratch.split_at_mut(n);
            for (w, x) in weights.iter_mut().zip(lines.iter()) {
                *w = x.net;
            }
            allocate_into(amount, weights, parts).map_err(|p| vec![p])?;
            let allocations = apply(lines, parts, |_| true);
            discounts.push(Discount {
                kind: DiscountKind::Points,
                ref_id: Cow::Borrowed("points"),
                name: Cow::Borrowed(explain::points_name(options.locale)),
                amount,
                points: used,
                allocations,
                explanation: explain::points(options.locale, used, amount),
            });
        }
        Ok(Some(PointsInfo {
            value_fen: rule.value_fen,
            max_redeemable: max_points,
            used,
        }))
    }
}

/// Serialises into a buffer sized up front (a quote is a few KiB; growing by doubling costs
/// more than the serialisation itself).
pub(crate) fn to_json<T: serde::Serialize>(
    value: &T,
    capacity: usize,
) -> Result<String, Vec<Problem>> {
    let invalid = || vec![Problem::new("", codes::JSON_INVALID)];
    let mut buf = Vec::with_capacity(capacity);
    serde_json::to_writer(&mut buf, value).map_err(|_| invalid())?;
    String::from_utf8(buf).map_err(|_| invalid())
}

/// Takes `parts[i]` off line `i` for every line `covers(i)`; each part is at most the line's
/// net (allocation guarantees it), so no net goes negative. Returns the covered lines' shares.
fn apply(lines: &mut [Line], parts: &[i64], covers: impl Fn(&Line) -> bool) -> Vec<Allocation> {
    let mut out = Vec::with_capacity(parts.len());
    for (i, (x, &amount)) in lines.iter_mut().zip(parts).enumerate() {
        if covers(x) {
            x.discount += amount;
            x.net -= amount;
            out.push(Allocation { line: i, amount });
        }
    }
    out
}

fn range_problem(path: String) -> Problem {
    Problem::new(path, codes::VALUE_OUT_OF_RANGE)
        .int("min", 1)
        .int("max", MAX_QUANTITY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::GeoPoint;
    use crate::order::{OrderConsumable, OrderItem};
    use crate::time::LocalDateTime;

    fn engine() -> PriceEngine {
        PriceEngine::from_json(include_str!("../tests/fixtures/basic-config.json")).unwrap()
    }

    fn order() -> Order {
        Order {
            items: vec![OrderItem {
                item_id: "wound".into(),
                measure: Measure::Quantity(1),
            }],
            consumables: vec![],
            distance: Distance::Metres(2_500),
            appointment_start: LocalDateTime::parse("2026-12-01T09:00").unwrap(),
            booked_at: LocalDateTime::parse("2026-11-30T20:00").unwrap(),
            new_user: false,
            coupon_id: None,
            points: 0,
            package_id: None,
            payment_plan: PlanKind::Full,
        }
    }

    fn codes_of(r: Result<Quote, Vec<Problem>>) -> Vec<(String, &'static str)> {
        r.unwrap_err()
            .into_iter()
            .map(|p| (p.path, p.code))
            .collect()
    }

    #[test]
    fn typed_orders_are_checked_like_json_ones() {
        let e = engine();
        let o = PriceOptions::default();
        let mut bad = order();
        bad.items[0].measure = Measure::Quantity(0);
        bad.consumables.push(OrderConsumable {
            id: "kit".into(),
            quantity: 10_001,
        });
        bad.distance = Distance::Metres(-1);
        assert_eq!(
            codes_of(e.quote(&bad, &o)),
            vec![
                ("items[0].quantity".to_owned(), codes::VALUE_OUT_OF_RANGE),
                ("distanceMetres".to_owned(), codes::VALUE_NEGATIVE),
                (
                    "consumables[0].quantity".to_owned(),
                    codes::VALUE_OUT_OF_RANGE
                ),
            ]
        );
        let mut geo = order();
        geo.distance = Distance::Between(
            GeoPoint { lat: 0.0, lng: 0.0 },
            GeoPoint {
                lat: f64::INFINITY,
                lng: 0.0,
            },
        );
        assert_eq!(
            codes_of(e.quote(&geo, &o)),
            vec![("from".to_owned(), codes::GEO_INVALID)]
        );
        let mut empty = order();
        empty.items.clear();
        assert_eq!(
            codes_of(e.quote(&empty, &o)),
            vec![("items".to_owned(), codes::ORDER_NO_ITEMS)]
        );
        let mut minutes = order();
        minutes.items[0] = OrderItem {
            item_id: "rehab".into(),
            measure: Measure::Quantity(2),
        };
        assert_eq!(
            codes_of(e.quote(&minutes, &o)),
            vec![("items[0]".to_owned(), codes::ORDER_WRONG_MEASURE)]
        );
        let mut points = order();
        points.points = -100;
        assert_eq!(
            codes_of(e.quote(&points, &o)),
            vec![("points".to_owned(), codes::VALUE_NEGATIVE)]
        );
    }

    #[test]
    fn free_function_matches_the_engine_and_json_matches_typed() {
        let e = engine();
        let o = PriceOptions::default();
        let typed = e.quote(&order(), &o).unwrap();
        assert_eq!(crate::quote(&order(), e.config(), &o).unwrap(), typed);
        let json = e
            .quote_json(
                r#"{"items":[{"itemId":"wound","quantity":1}],"distanceMetres":2500,
                "appointmentStart":"2026-12-01T09:00","bookedAt":"2026-11-30T20:00"}"#,
                &o,
            )
            .unwrap();
        let back: Quote = serde_json::from_str(&json).unwrap();
        assert_eq!(back, typed);
    }

    #[test]
    fn points_disabled_and_unknown_package() {
        let mut cfg = engine().config().clone();
        cfg.points = None;
        let e = PriceEngine::new(cfg).unwrap();
        let mut o = order();
        o.points = 100;
        assert_eq!(
            codes_of(e.quote(&o, &PriceOptions::default())),
            vec![("points".to_owned(), codes::POINTS_DISABLED)]
        );
        let mut p = order();
        p.package_id = Some("nope".into());
        assert_eq!(
            codes_of(engine().quote(&p, &PriceOptions::default())),
            vec![("packageId".to_owned(), codes::PACKAGE_UNKNOWN)]
        );
    }
}
