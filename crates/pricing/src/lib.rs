//! Price calculation in integer fen: quotes, payment plans, coupons and points, insurance
//! estimates, settlements and refunds, deterministic so the price the user sees is the price
//! the backend charges. Every rounding rule is written down where it is applied and collected
//! in `docs/pricing.md`.
//!
//! * [`PriceEngine::from_json`] validates and compiles a backend config once;
//!   [`PriceEngine::quote`] / [`PriceEngine::quote_json`] price an order on every tap.
//! * [`PriceEngine::refund`] / [`refund`] preview a cancellation or line refund.
//! * [`apply_settlement`] checks the insurer's split and lays it out for display.
//! * [`format_fen`] writes `¥1,234.50` or `壹仟贰佰叁拾肆元伍角`.
//!
//! Errors are [`homecare_core::Problem`]s with JSON paths and codes from
//! [`messages::codes`]; no input makes this crate panic.
//!
//! ```
//! use homecare_pricing::{format_fen, PriceEngine, PriceOptions};
//! let engine = PriceEngine::from_json(r#"{"version":1,
//!   "items":[{"id":"inj","name":"肌肉注射","unit":"perVisit","unitPrice":5000,"insurance":"eligible"}],
//!   "transport":{"kind":"perKm","base":1000,"includedMetres":3000,"perKm":200,"cap":5000}}"#).unwrap();
//! let q = engine.quote_json(r#"{"items":[{"itemId":"inj","quantity":1}],"distanceMetres":4200,
//!   "appointmentStart":"2026-12-01T09:00","bookedAt":"2026-11-30T09:00"}"#,
//!   &PriceOptions::default()).unwrap();
//! assert!(q.contains(r#""payable":6400"#)); // ¥50 + ¥10 base + 2 started km × ¥2
//! assert_eq!(format_fen(6400, true), "陆拾肆元整");
//! ```
#![forbid(unsafe_code)]

mod allocate;
mod config;
mod config_json;
mod engine;
mod explain;
mod format;
mod geo;
mod json;
pub mod messages;
mod money;
mod order;
mod quote;
mod quote_json;
mod refund;
mod settlement;
mod snapshot;
mod time;
mod validate;

pub use allocate::allocate;
pub use config::{
    CancelRule, CancellationPolicy, CatalogItem, Charge, Consumable, Coupon, CouponKind,
    DistanceTier, HolidaySurcharge, InsuranceCategory, InsuranceParams, NightSurcharge, Package,
    PointsRule, PriceConfig, RefundTier, Surcharges, TransportRule, Unit, UrgentSurcharge,
    CONFIG_VERSION, DEFAULT_DEPOSIT_RATIO_BP,
};
pub use engine::PriceEngine;
pub use format::format_fen;
pub use geo::{straight_line_metres, GeoPoint, EARTH_RADIUS_METRES};
pub use messages::MESSAGES;
pub use money::{BP_ONE, MAX_SAFE};
pub use order::{
    Distance, Measure, Order, OrderConsumable, OrderItem, PlanKind, PriceOptions, MAX_QUANTITY,
};
pub use quote::{
    Allocation, Discount, DiscountKind, InsuranceEstimate, Line, LineKind, PackageUse, PaymentPlan,
    PointsInfo, Quote, Subtotals, Totals,
};
pub use refund::{
    refund, LineRefund, LineRefundRequest, OrderStatus, Party, Payment, PaymentKind, PaymentRefund,
    Refund, RefundEvent,
};
pub use settlement::{
    apply_settlement, apply_settlement_json, DisplayRow, Settlement, SettlementBreakdown,
};
pub use time::{LocalDate, LocalDateTime, TimeOfDay};
pub use validate::{validate_price_config, MAX_PACKAGE_VISITS};

use homecare_core::Problem;

/// The crate's name, used by the wasm layer's self-check to prove the crate is linked.
pub const CRATE: &str = "homecare-pricing";

/// Quotes `order` under `config` in one call (validates and compiles the config each time;
/// keep a [`PriceEngine`] for repeated quotes).
pub fn quote(
    order: &Order,
    config: &PriceConfig,
    options: &PriceOptions,
) -> Result<Quote, Vec<Problem>> {
    PriceEngine::new(config.clone())?.quote(order, options)
}

/// Checks a JSON config: `Ok(())` or every problem with its path.
///
/// ```
/// let problems = homecare_pricing::validate_price_config_json(r#"{"version": 1,
///   "items": [{"id":"a","name":"换药","unit":"perVisit","unitPrice":"100","insurance":"eligible"}],
///   "transport": {"kind":"tiers","tiers":[{"upToMetres":3000,"fee":100},{"upToMetres":2000,"fee":200}]}}"#)
///   .unwrap_err();
/// assert_eq!(problems[0].path, "items[0].unitPrice");
/// assert_eq!(problems[0].code, "pricing.json.expected_integer");
/// ```
pub fn validate_price_config_json(config_json: &str) -> Result<(), Vec<Problem>> {
    PriceEngine::from_json(config_json).map(|_| ())
}

impl PriceEngine {
    /// Computes a refund under this engine's cancellation policy (see [`refund`]).
    pub fn refund(
        &self,
        quote: &Quote,
        payments: &[Payment],
        event: &RefundEvent,
        options: &PriceOptions,
    ) -> Result<Refund, Vec<Problem>> {
        refund(quote, payments, event, self.config(), options)
    }

    /// JSON form of [`PriceEngine::refund`]: request
    /// `{"quote": {...}, "payments": [{"kind": "deposit", "amount": 9360}], "event": {...}}`,
    /// result the [`Refund`] as JSON.
    pub fn refund_json(
        &self,
        request_json: &str,
        options: &PriceOptions,
    ) -> Result<String, Vec<Problem>> {
        refund::refund_json(request_json, self.config(), options)
    }
}
