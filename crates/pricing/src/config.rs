//! The price configuration the backend supplies: catalogue, fee rules, discounts, insurance
//! parameters and the cancellation policy. All money is fen; all ratios are basis points.
//!
//! The JSON shape is documented in `docs/pricing.md`; [`crate::PriceEngine::from_json`]
//! reads it with paths in every error.

use crate::time::{LocalDate, LocalDateTime, TimeOfDay};

/// The config format this crate reads.
pub const CONFIG_VERSION: i64 = 1;

/// The default deposit: 20 % of the payable amount.
pub const DEFAULT_DEPOSIT_RATIO_BP: i64 = 2_000;

/// A whole price configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceConfig {
    /// Format version; must be [`CONFIG_VERSION`].
    pub version: i64,
    /// The backend's name for this price list (echoed into every quote as a snapshot key).
    pub revision: String,
    /// Nursing items.
    pub items: Vec<CatalogItem>,
    /// How the transport (上门) fee depends on distance.
    pub transport: TransportRule,
    /// Night, holiday and urgent surcharges.
    pub surcharges: Surcharges,
    /// Consumables (耗材) sold with a visit.
    pub consumables: Vec<Consumable>,
    /// Coupon definitions.
    pub coupons: Vec<Coupon>,
    /// Points redemption; `None` disables points.
    pub points: Option<PointsRule>,
    /// Visit packages.
    pub packages: Vec<Package>,
    /// Deposit share of the payable amount for the deposit plan, in bp.
    pub deposit_ratio_bp: i64,
    /// Parameters for the insurance estimate; `None` gives no estimate.
    pub insurance: Option<InsuranceParams>,
    /// Refund rules for cancellations.
    pub cancellation: CancellationPolicy,
}

/// How an item is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Per visit: the order gives `quantity` visits.
    PerVisit,
    /// Per started 30 minutes: the order gives `minutes`, charged `ceil(minutes / 30)` units.
    Per30Minutes,
    /// Per piece: the order gives `quantity` pieces.
    PerPiece,
}

/// Whether an amount may be paid by medical insurance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum InsuranceCategory {
    /// In the local insurance catalogue.
    Eligible,
    /// Paid by the user in full (全自费).
    SelfPay,
}

/// A nursing item in the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogItem {
    /// Stable id.
    pub id: String,
    /// Name shown to users.
    pub name: String,
    /// Counting unit.
    pub unit: Unit,
    /// Price per unit in fen.
    pub unit_price: i64,
    /// Insurance category.
    pub insurance: InsuranceCategory,
    /// Qualification the nurse needs (echoed on the quote line), e.g. `护师`.
    pub qualification: Option<String>,
}

/// One distance tier: applies when the distance is at most `up_to_metres`.
#[derive(Debug, Clone, PartialEq)]
pub struct DistanceTier {
    /// Inclusive upper bound in metres; `None` = no bound (must be last).
    pub up_to_metres: Option<i64>,
    /// Fee in fen.
    pub fee: i64,
}

/// The transport fee rule.
#[derive(Debug, Clone, PartialEq)]
pub enum TransportRule {
    /// First tier whose bound is ≥ the distance.
    Tiers {
        /// Tiers with strictly increasing bounds and non-decreasing fees.
        tiers: Vec<DistanceTier>,
        /// Free when the distance is ≤ this (0 = never free).
        free_within_metres: i64,
    },
    /// `base + per_km × started km beyond included_metres`, capped.
    PerKm {
        /// Fee covering the first `included_metres`.
        base: i64,
        /// Metres covered by `base`.
        included_metres: i64,
        /// Fee per started kilometre beyond `included_metres`.
        per_km: i64,
        /// Maximum fee.
        cap: Option<i64>,
        /// Free when the distance is ≤ this (0 = never free).
        free_within_metres: i64,
    },
}

/// A surcharge amount: a share of the service amount or a fixed fee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charge {
    /// bp of the service lines' gross amount, rounded half up.
    RateBp(i64),
    /// Fixed fen per order.
    Fixed(i64),
}

/// Time-based surcharges; each applies at most once per order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Surcharges {
    /// Night window.
    pub night: Option<NightSurcharge>,
    /// Listed holidays.
    pub holiday: Option<HolidaySurcharge>,
    /// Short-notice booking.
    pub urgent: Option<UrgentSurcharge>,
}

/// Applies when the appointment starts at or after `from` and before `to` (the window may
/// wrap midnight: `22:00`–`06:00`).
#[derive(Debug, Clone, PartialEq)]
pub struct NightSurcharge {
    /// Window start (inclusive).
    pub from: TimeOfDay,
    /// Window end (exclusive).
    pub to: TimeOfDay,
    /// Amount.
    pub charge: Charge,
}

/// Applies when the appointment's date is listed.
#[derive(Debug, Clone, PartialEq)]
pub struct HolidaySurcharge {
    /// Holiday dates.
    pub dates: Vec<LocalDate>,
    /// Amount.
    pub charge: Charge,
}

/// Applies when `appointmentStart − bookedAt` is strictly less than `lead_time_under_hours`.
#[derive(Debug, Clone, PartialEq)]
pub struct UrgentSurcharge {
    /// Threshold in hours.
    pub lead_time_under_hours: i64,
    /// Amount.
    pub charge: Charge,
}

/// A consumable.
#[derive(Debug, Clone, PartialEq)]
pub struct Consumable {
    /// Stable id.
    pub id: String,
    /// Name shown to users.
    pub name: String,
    /// Price per piece in fen.
    pub price: i64,
    /// Insurance category (non-catalogue consumables are self-pay).
    pub insurance: InsuranceCategory,
}

/// What a coupon takes off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CouponKind {
    /// A fixed amount (at most the eligible amount).
    Fixed {
        /// Fen off.
        amount: i64,
    },
    /// A share of the eligible amount, rounded half up, optionally capped.
    Percent {
        /// bp off.
        rate_bp: i64,
        /// Maximum fen off.
        cap: Option<i64>,
    },
    /// 满X减Y: `amount` off when the eligible amount is at least `threshold`.
    Threshold {
        /// Minimum eligible amount.
        threshold: i64,
        /// Fen off.
        amount: i64,
    },
}

/// A coupon definition. One coupon per order.
#[derive(Debug, Clone, PartialEq)]
pub struct Coupon {
    /// Stable id, given in the order.
    pub id: String,
    /// Name shown to users.
    pub name: String,
    /// Amount rule.
    pub kind: CouponKind,
    /// Only for new users.
    pub new_user_only: bool,
    /// Item ids whose service lines it covers; empty = every line of the order.
    pub item_ids: Vec<String>,
    /// Valid from (inclusive), compared with the order's booking time.
    pub valid_from: Option<LocalDateTime>,
    /// Valid until (inclusive).
    pub valid_until: Option<LocalDateTime>,
}

/// Points redemption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointsRule {
    /// Fen one point is worth (≥ 1).
    pub value_fen: i64,
    /// Maximum share of the amount payable after the coupon, bp (rounded down).
    pub max_share_bp: i64,
    /// Points are redeemed in multiples of this (≥ 1).
    pub step: i64,
}

/// A visit package: `visits` visits of `item_id` for `price`.
#[derive(Debug, Clone, PartialEq)]
pub struct Package {
    /// Stable id.
    pub id: String,
    /// Name shown to users.
    pub name: String,
    /// The per-visit item it packages.
    pub item_id: String,
    /// Number of visits (1–1000).
    pub visits: i64,
    /// Package price in fen (at most `visits × unit price`).
    pub price: i64,
}

/// Parameters for the insurance estimate (the real split comes from the insurer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsuranceParams {
    /// Fund share of the eligible amount above the deductible, bp (rounded down).
    pub ratio_bp: i64,
    /// Deductible (起付线) still to be paid by the user.
    pub remaining_deductible: i64,
    /// Fund cap (封顶线) still available; `None` = no cap.
    pub remaining_cap: Option<i64>,
}

/// One step of a time-tiered refund: applies when the cancellation is at least
/// `min_minutes_before` minutes before the appointment start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefundTier {
    /// Minutes before start (inclusive lower bound; may be negative = after start).
    pub min_minutes_before: i64,
    /// Share of the held amount refunded, bp (rounded half up).
    pub refund_bp: i64,
}

/// What a user's cancellation in one order status refunds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CancelRule {
    /// A fixed share of what is held.
    Percent {
        /// bp refunded.
        refund_bp: i64,
    },
    /// Time tiers, strictly decreasing `min_minutes_before`; the first that applies wins.
    Tiers(Vec<RefundTier>),
    /// A fixed fee is kept (at most what is held); the rest is refunded.
    Fee {
        /// Fen kept.
        fee: i64,
    },
    /// The user cannot cancel in this status.
    NotCancellable,
}

/// Cancellation refunds per order status. Staff-side cancellations always refund in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CancellationPolicy {
    /// Paid, not yet accepted (default: full refund).
    pub pending_acceptance: CancelRule,
    /// Accepted by a nurse.
    pub accepted: CancelRule,
    /// The nurse has set out.
    pub departed: CancelRule,
    /// Service in progress (default: not cancellable).
    pub in_service: CancelRule,
    /// Service completed (default: not cancellable; use a line refund).
    pub completed: CancelRule,
}

impl Default for CancellationPolicy {
    fn default() -> Self {
        CancellationPolicy {
            pending_acceptance: CancelRule::Percent { refund_bp: 10_000 },
            accepted: CancelRule::Percent { refund_bp: 10_000 },
            departed: CancelRule::NotCancellable,
            in_service: CancelRule::NotCancellable,
            completed: CancelRule::NotCancellable,
        }
    }
}
