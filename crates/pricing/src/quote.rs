//! The quote: line items, discounts with per-line allocation, totals, payment plan and the
//! insurance estimate. Serialised as camelCase JSON (shape in `docs/pricing.md`).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::config::InsuranceCategory;
use crate::order::PlanKind;
use crate::time::LocalDateTime;

/// What a line charges for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LineKind {
    /// A nursing item (服务费).
    Service,
    /// The home-visit transport fee (交通费/出诊费).
    Transport,
    /// A night, holiday or urgent surcharge.
    Surcharge,
    /// A consumable (耗材).
    Consumable,
}

/// One priced line. `net = amount − discount`; the nets sum exactly to the payable total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    /// Kind.
    pub kind: LineKind,
    /// Item or consumable id; `transport`; or `night` / `holiday` / `urgent`.
    pub ref_id: Cow<'static, str>,
    /// Name shown to the user.
    pub name: Cow<'static, str>,
    /// Charged units (visits, half-hours, pieces; 1 for fees).
    pub quantity: i64,
    /// Price per unit (for rate surcharges: the amount itself).
    pub unit_price: i64,
    /// Gross amount.
    pub amount: i64,
    /// Sum of the discounts allocated to this line.
    pub discount: i64,
    /// What the user pays for this line.
    pub net: i64,
    /// Insurance category (transport and surcharges are always self-pay).
    pub insurance: InsuranceCategory,
    /// Nurse qualification the item needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualification: Option<String>,
    /// Human explanation, e.g. `交通费：5.2 公里，¥200.00`.
    pub explanation: String,
}

/// Kind of a discount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DiscountKind {
    /// A visit package's saving.
    Package,
    /// A coupon.
    Coupon,
    /// Points redeemed.
    Points,
}

/// A discount's share of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Allocation {
    /// Index into [`Quote::lines`].
    pub line: usize,
    /// Fen of the discount on that line.
    pub amount: i64,
}

/// One discount, split over the lines it applies to by the largest-remainder method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Discount {
    /// Kind.
    pub kind: DiscountKind,
    /// Package, coupon id, or `points`.
    pub ref_id: Cow<'static, str>,
    /// Name shown to the user.
    pub name: Cow<'static, str>,
    /// Total fen off.
    pub amount: i64,
    /// Points redeemed (points discounts only).
    #[serde(default)]
    pub points: i64,
    /// Per-line split; sums to `amount`; only lines it applies to.
    pub allocations: Vec<Allocation>,
    /// Human explanation.
    pub explanation: String,
}

/// Order totals: `gross − discount = payable`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    /// Sum of line amounts.
    pub gross: i64,
    /// Sum of discounts.
    pub discount: i64,
    /// What the user pays.
    pub payable: i64,
}

/// Gross amounts per kind of line (服务费 / 交通费 / 加价 / 耗材费), for the fee-detail view;
/// they sum to `totals.gross`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Subtotals {
    /// Service lines.
    pub service: i64,
    /// The transport line.
    pub transport: i64,
    /// Surcharge lines.
    pub surcharge: i64,
    /// Consumable lines.
    pub consumable: i64,
}

impl Subtotals {
    /// Sums line amounts by kind.
    pub fn of(lines: &[Line]) -> Subtotals {
        let mut s = Subtotals::default();
        for l in lines {
            let slot = match l.kind {
                LineKind::Service => &mut s.service,
                LineKind::Transport => &mut s.transport,
                LineKind::Surcharge => &mut s.surcharge,
                LineKind::Consumable => &mut s.consumable,
            };
            // Each is at most the gross, which was checked against overflow.
            *slot = slot.saturating_add(l.amount);
        }
        s
    }
}

/// How the payable amount is paid: `payNow + balance = payable`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentPlan {
    /// Full or deposit.
    pub kind: PlanKind,
    /// Deposit ratio used (0 for full payment).
    pub deposit_ratio_bp: i64,
    /// Paid now: the payable amount, or the deposit (payable × ratio, rounded half up).
    pub pay_now: i64,
    /// Paid later: 0, or `payable − deposit`.
    pub balance: i64,
}

/// The insurance estimate (预估，以医保结算为准): never the authority, only a guide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InsuranceEstimate {
    /// Always `true`: this is an estimate.
    pub is_estimate: bool,
    /// Net amount of insurance-eligible lines.
    pub eligible: i64,
    /// Part of `eligible` that goes to the remaining deductible.
    pub deductible_applied: i64,
    /// Estimated fund share: `(eligible − deductible) × ratio`, rounded down, at most the cap.
    pub fund: i64,
    /// `payable − fund`: what the user pays (cash or personal account).
    pub self_pay: i64,
    /// The label to show with it.
    pub note: Cow<'static, str>,
}

/// Points figures for the points picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PointsInfo {
    /// Fen per point.
    pub value_fen: i64,
    /// Most points this order accepts (a multiple of the step).
    pub max_redeemable: i64,
    /// Points redeemed.
    pub used: i64,
}

/// A package's per-visit split of its line's net amount (for per-visit refunds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PackageUse {
    /// Package id.
    pub package_id: String,
    /// The service line it covers.
    pub line: usize,
    /// Net fen per visit, largest remainder (earlier visits take the odd fen); sums to the line's net.
    pub visits: Vec<i64>,
}

/// A complete quote. Everything a receipt, an e-invoice or a refund needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// Config format version.
    pub config_version: i64,
    /// Config revision the quote was made with.
    pub config_revision: String,
    /// Appointment start.
    pub appointment_start: LocalDateTime,
    /// Booking time.
    pub booked_at: LocalDateTime,
    /// Distance used for the transport fee, whole metres.
    pub distance_metres: i64,
    /// Whether the distance is a straight-line (haversine) distance computed from coordinates.
    pub straight_line: bool,
    /// Lines: services, transport, surcharges, consumables (in that order).
    pub lines: Vec<Line>,
    /// Discounts in the order applied: package, coupon, points.
    pub discounts: Vec<Discount>,
    /// Totals.
    pub totals: Totals,
    /// Gross per kind of line.
    pub subtotals: Subtotals,
    /// Payment plan.
    pub payment: PaymentPlan,
    /// Insurance estimate, if the config has insurance parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insurance: Option<InsuranceEstimate>,
    /// Points figures, if the config allows points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<PointsInfo>,
    /// Package split, if a package is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<PackageUse>,
}

impl Quote {
    /// The coupon used, if any.
    pub fn coupon_id(&self) -> Option<&str> {
        self.discounts
            .iter()
            .find(|d| d.kind == DiscountKind::Coupon)
            .map(|d| d.ref_id.as_ref())
    }

    /// Points redeemed.
    pub fn points_used(&self) -> i64 {
        self.discounts
            .iter()
            .filter(|d| d.kind == DiscountKind::Points)
            .map(|d| d.points)
            .sum()
    }
}
