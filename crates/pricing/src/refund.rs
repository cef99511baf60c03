//! Refunds: cancellations by time-tiered policy, and line-level refunds after service.
//!
//! Money only goes back where it came from and never beyond it: every refund is at most what
//! is still held per payment and per line.

use core::fmt::Write as _;

use homecare_core::{Locale, Problem};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::allocate::allocate;
use crate::config::{CancelRule, PriceConfig};
use crate::format::{push_percent, push_yuan};
use crate::json::{self, index, Reader};
use crate::messages::codes;
use crate::money::{ratio_half_up, sum, BP_ONE, MAX_SAFE};
use crate::order::{PlanKind, PriceOptions};
use crate::quote::{DiscountKind, Quote};
use crate::snapshot::check_quote;

/// Which part of the payment plan a payment settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PaymentKind {
    /// The single payment of the full plan.
    Full,
    /// The deposit.
    Deposit,
    /// The balance after the deposit.
    Balance,
}

/// A payment received for the quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Payment {
    /// Which part.
    pub kind: PaymentKind,
    /// Fen received.
    pub amount: i64,
    /// Fen of it already refunded earlier.
    #[serde(default)]
    pub refunded: i64,
}

/// Who cancels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Party {
    /// The user (the policy applies).
    User,
    /// The provider or platform staff (always a full refund).
    Staff,
}

/// The order status at cancellation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum OrderStatus {
    /// Paid, no nurse has accepted yet.
    PendingAcceptance,
    /// A nurse accepted.
    Accepted,
    /// The nurse has set out.
    Departed,
    /// Service in progress.
    InService,
    /// Service completed.
    Completed,
}

/// One line to refund after service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LineRefundRequest {
    /// Index into the quote's lines.
    pub line: usize,
    /// Fen to refund; `None` = everything still held for the line.
    #[serde(default)]
    pub amount: Option<i64>,
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefundEvent {
    /// The order is cancelled.
    Cancellation {
        /// Who cancels.
        by: Party,
        /// Status at cancellation.
        status: OrderStatus,
        /// Minutes from the cancellation to the appointment start (negative = after start).
        minutes_before_start: i64,
    },
    /// Lines are refunded after service (e.g. a consumable not used, a visit not made).
    Lines(Vec<LineRefundRequest>),
}

/// The refund of one payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentRefund {
    /// Which payment.
    pub kind: PaymentKind,
    /// Still held before this refund.
    pub held: i64,
    /// Refunded now (≤ held).
    pub refund: i64,
}

/// The refund of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LineRefund {
    /// Index into the quote's lines.
    pub line: usize,
    /// The line's share of what is held (largest remainder over line nets).
    pub held: i64,
    /// Refunded now (≤ held).
    pub refund: i64,
}

/// A refund decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Refund {
    /// Held before the refund: Σ (payment − earlier refunds).
    pub held: i64,
    /// Refunded now.
    pub refund: i64,
    /// Kept as a cancellation fee (0 for line refunds).
    pub kept: i64,
    /// Per payment: the balance is refunded first, then a full payment, then the deposit.
    pub payments: Vec<PaymentRefund>,
    /// Per line, every line of the quote.
    pub lines: Vec<LineRefund>,
    /// Coupon to give back to the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restore_coupon: Option<String>,
    /// Points to give back.
    pub restore_points: i64,
    /// Human explanation of the rule applied.
    pub explanation: String,
}

/// Computes a refund for `quote` given what was paid and what happened.
///
/// Cancellations: staff-side always refunds everything held; user-side follows the status's
/// rule in `config.cancellation` (percent and tier refunds are rounded half up to the fen; a fixed fee is
/// kept up to what is held). A cancelled order gives back its coupon and all its points.
/// Line refunds: each line up to its held share; points come back in proportion (rounded down
/// to whole points) and the coupon only when every charged line is refunded in full.
pub fn refund(
    quote: &Quote,
    payments: &[Payment],
    event: &RefundEvent,
    config: &PriceConfig,
    options: &PriceOptions,
) -> Result<Refund, Vec<Problem>> {
    let policy = &config.cancellation;
    check_quote(quote).map_err(|p| vec![p.at("quote")])?;
    let held_by_payment = check_payments(quote, payments)?;
    let held = sum(held_by_payment.iter().copied()).map_err(|p| vec![p])?;
    let nets: Vec<i64> = quote.lines.iter().map(|l| l.net).collect();
    // held ≤ payable = Σ nets (checked above), so the split is exact and within each net.
    let line_held = allocate(held, &nets).map_err(|p| vec![p])?;
    let zh = options.locale == Locale::ZhCn;
    let mut explanation = String::with_capacity(64);

    let (total, line_refunds, restore_coupon, restore_points) = match event {
        RefundEvent::Cancellation {
            by,
            status,
            minutes_before_start,
        } => {
            let total = match by {
                Party::Staff => {
                    explanation.push_str(if zh {
                        "服务方取消：全额退款"
                    } else {
                        "Cancelled by the provider: full refund"
                    });
                    held
                }
                Party::User => {
                    let rule = match status {
                        OrderStatus::PendingAcceptance => &policy.pending_acceptance,
                        OrderStatus::Accepted => &policy.accepted,
                        OrderStatus::Departed => &policy.departed,
                        OrderStatus::InService => &policy.in_service,
                        OrderStatus::Completed => &policy.completed,
                    };
                    explanation.push_str(status_label(*status, zh));
                    user_cancellation(rule, held, *minutes_before_start, zh, &mut explanation)
                        .map_err(|p| vec![p])?
                }
            };
            let refunds = allocate(total, &line_held).map_err(|p| vec![p])?;
            (
                total,
                refunds,
                quote.coupon_id().map(str::to_owned),
                quote.points_used(),
            )
        }
        RefundEvent::Lines(requests) => {
            let mut refunds = vec![0i64; quote.lines.len()];
            let mut problems = Vec::new();
            for (i, req) in requests.iter().enumerate() {
                let path = index("event.lines", i);
                let Some(max) = line_held.get(req.line).copied() else {
                    problems.push(
                        Problem::new(json::join(&path, "line"), codes::REFUND_UNKNOWN_LINE)
                            .int("count", i64::try_from(quote.lines.len()).unwrap_or(0)),
                    );
                    continue;
                };
                let amount = req.amount.unwrap_or(max);
                if requests.iter().take(i).any(|r| r.line == req.line) {
                    problems.push(Problem::new(
                        json::join(&path, "line"),
                        codes::REFUND_DUPLICATE_LINE,
                    ));
                    continue;
                }
                match refunds.get_mut(req.line) {
                    Some(s) if (0..=max).contains(&amount) => *s = amount,
                    _ => problems.push(
                        Problem::new(json::join(&path, "amount"), codes::REFUND_EXCEEDS_LINE)
                            .text("max", crate::format_fen(max, false)),
                    ),
                }
            }
            if !problems.is_empty() {
                return Err(problems);
            }
            let total = sum(refunds.iter().copied()).map_err(|p| vec![p])?;
            let (coupon, points) = line_restores(quote, &refunds).map_err(|p| vec![p])?;
            explanation.push_str(if zh {
                "按项目退款："
            } else {
                "Line refund: "
            });
            push_yuan(&mut explanation, total);
            (total, refunds, coupon, points)
        }
    };

    // Balance first, then a full payment, then the deposit: the deposit is the commitment
    // that a cancellation fee is taken from.
    let mut left = total;
    let mut payment_refunds: Vec<PaymentRefund> = payments
        .iter()
        .zip(&held_by_payment)
        .map(|(p, &h)| PaymentRefund {
            kind: p.kind,
            held: h,
            refund: 0,
        })
        .collect();
    for kind in [
        PaymentKind::Balance,
        PaymentKind::Full,
        PaymentKind::Deposit,
    ] {
        for pr in payment_refunds.iter_mut().filter(|p| p.kind == kind) {
            let r = left.min(pr.held);
            pr.refund = r;
            left -= r;
        }
    }
    Ok(Refund {
        held,
        refund: total,
        kept: match event {
            RefundEvent::Cancellation { .. } => held - total,
            RefundEvent::Lines(_) => 0,
        },
        payments: payment_refunds,
        lines: line_held
            .iter()
            .zip(&line_refunds)
            .enumerate()
            .map(|(line, (&held, &refund))| LineRefund { line, held, refund })
            .collect(),
        restore_coupon,
        restore_points,
        explanation,
    })
}

/// What is still held per payment, after checking the payments fit the quote's plan.
fn check_payments(quote: &Quote, payments: &[Payment]) -> Result<Vec<i64>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut held = Vec::with_capacity(payments.len());
    for (i, p) in payments.iter().enumerate() {
        let path = index("payments", i);
        let allowed = match (quote.payment.kind, p.kind) {
            (PlanKind::Full, PaymentKind::Full) | (PlanKind::Deposit, PaymentKind::Deposit) => {
                Some(quote.payment.pay_now)
            }
            (PlanKind::Deposit, PaymentKind::Balance) => Some(quote.payment.balance),
            _ => None,
        };
        let Some(max) = allowed else {
            problems.push(Problem::new(
                json::join(&path, "kind"),
                codes::PAYMENT_KIND_MISMATCH,
            ));
            continue;
        };
        if payments.iter().take(i).any(|q| q.kind == p.kind) {
            problems.push(Problem::new(
                json::join(&path, "kind"),
                codes::PAYMENT_DUPLICATE,
            ));
            continue;
        }
        if !(0..=max).contains(&p.amount) {
            problems.push(
                Problem::new(json::join(&path, "amount"), codes::PAYMENT_EXCEEDS_PLAN)
                    .text("max", crate::format_fen(max, false)),
            );
            continue;
        }
        if !(0..=p.amount).contains(&p.refunded) {
            problems.push(
                Problem::new(json::join(&path, "refunded"), codes::VALUE_OUT_OF_RANGE)
                    .int("min", 0)
                    .int("max", p.amount),
            );
            continue;
        }
        held.push(p.amount - p.refunded);
    }
    if problems.is_empty() {
        Ok(held)
    } else {
        Err(problems)
    }
}

fn status_label(s: OrderStatus, zh: bool) -> &'static str {
    match (s, zh) {
        (OrderStatus::PendingAcceptance, true) => "待接单",
        (OrderStatus::Accepted, true) => "已接单",
        (OrderStatus::Departed, true) => "护士已出发",
        (OrderStatus::InService, true) => "服务中",
        (OrderStatus::Completed, true) => "已完成",
        (OrderStatus::PendingAcceptance, false) => "Pending acceptance",
        (OrderStatus::Accepted, false) => "Accepted",
        (OrderStatus::Departed, false) => "Nurse departed",
        (OrderStatus::InService, false) => "In service",
        (OrderStatus::Completed, false) => "Completed",
    }
}

/// The refund for a user cancellation under `rule`; appends the rule to `text`.
fn user_cancellation(
    rule: &CancelRule,
    held: i64,
    minutes_before: i64,
    zh: bool,
    text: &mut String,
) -> Result<i64, Problem> {
    let percent = |bp: i64, text: &mut String| -> Result<i64, Problem> {
        text.push_str(if zh {
            "：退还已付金额的 "
        } else {
            ": refund "
        });
        push_percent(text, bp);
        if !zh {
            text.push_str(" of what was paid");
        }
        // Rounded half up to the fen; bp ≤ 100 % keeps it ≤ held.
        Ok(ratio_half_up(held, bp.clamp(0, BP_ONE))?.min(held))
    };
    match rule {
        CancelRule::NotCancellable => {
            Err(Problem::new("event.status", codes::REFUND_NOT_CANCELLABLE))
        }
        CancelRule::Percent { refund_bp } => {
            text.push_str(if zh { "取消" } else { ", cancelled" });
            percent(*refund_bp, text)
        }
        CancelRule::Fee { fee } => {
            text.push_str(if zh { "取消" } else { ", cancelled" });
            let kept = (*fee).clamp(0, held);
            text.push_str(if zh { "：扣除 " } else { ": keeps " });
            push_yuan(text, kept);
            text.push_str(if zh {
                "，其余退还"
            } else {
                ", refunds the rest"
            });
            Ok(held - kept)
        }
        CancelRule::Tiers(tiers) => {
            // Tiers are in strictly decreasing order; the first whose bound is reached wins, so
            // exactly 5 h before start belongs to the "≥ 5 h" tier.
            let Some(tier) = tiers
                .iter()
                .find(|t| minutes_before >= t.min_minutes_before)
            else {
                return Err(Problem::new(
                    "event.minutesBeforeStart",
                    codes::REFUND_TOO_LATE,
                ));
            };
            let _ = if zh {
                if minutes_before >= 0 {
                    write!(
                        text,
                        "，距服务开始 {} 小时 {} 分取消",
                        minutes_before / 60,
                        minutes_before % 60
                    )
                } else {
                    write!(text, "，服务开始后取消")
                }
            } else if minutes_before >= 0 {
                write!(
                    text,
                    ", cancelled {}h{:02} before start",
                    minutes_before / 60,
                    minutes_before % 60
                )
            } else {
                write!(text, ", cancelled after start")
            };
            percent(tier.refund_bp, text)
        }
    }
}

/// Coupon and points given back for a line refund.
fn line_restores(quote: &Quote, refunds: &[i64]) -> Result<(Option<String>, i64), Problem> {
    let mut restored_fen: i64 = 0;
    let mut point_value = 0;
    for d in quote
        .discounts
        .iter()
        .filter(|d| d.kind == DiscountKind::Points)
    {
        if d.points > 0 {
            point_value = d.amount / d.points;
        }
        for a in &d.allocations {
            let (Some(line), Some(&r)) = (quote.lines.get(a.line), refunds.get(a.line)) else {
                continue;
            };
            if line.net > 0 {
                // The line's points share, in proportion to the part refunded, rounded down.
                let part = i128::from(a.amount) * i128::from(r) / i128::from(line.net);
                let part = i64::try_from(part).map_err(|_| crate::money::overflow())?;
                restored_fen = crate::money::add(restored_fen, part)?;
            }
        }
    }
    let points = if point_value > 0 {
        (restored_fen / point_value).min(quote.points_used())
    } else {
        0
    };
    let all_refunded = quote
        .lines
        .iter()
        .zip(refunds)
        .all(|(l, &r)| l.net == 0 || r == l.net);
    let coupon = all_refunded
        .then(|| quote.coupon_id().map(str::to_owned))
        .flatten();
    Ok((coupon, points))
}

/// JSON form: `{"quote": {...}, "payments": [...], "event": {...}}` (shapes in
/// `docs/pricing.md`); the policy comes from the engine's config.
pub(crate) fn refund_json(
    request_json: &str,
    config: &PriceConfig,
    options: &PriceOptions,
) -> Result<String, Vec<Problem>> {
    let v = json::parse(request_json, "")?;
    let mut r = Reader::default();
    let parsed = r
        .object(&v, "", &["quote", "payments", "event"])
        .and_then(|o| {
            let quote = o.req(&mut r, "quote");
            let payments = o
                .req(&mut r, "payments")
                .and_then(|p| r.array(p, "payments"))
                .and_then(|arr| {
                    let mut out = Vec::with_capacity(arr.len());
                    let mut ok = true;
                    for (i, p) in arr.iter().enumerate() {
                        match read_payment(&mut r, p, &index("payments", i)) {
                            Some(p) => out.push(p),
                            None => ok = false,
                        }
                    }
                    ok.then_some(out)
                });
            let event = o
                .req(&mut r, "event")
                .and_then(|e| read_event(&mut r, e, "event"));
            Some((quote?, payments?, event?))
        });
    let (qv, payments, event) = r.finish(parsed)?;
    let quote = crate::snapshot::read_quote(qv, "quote")?;
    let out = refund(&quote, &payments, &event, config, options)?;
    crate::engine::to_json(&out, 1024)
}

fn read_payment(r: &mut Reader, v: &Value, path: &str) -> Option<Payment> {
    let o = r.object(v, path, &["kind", "amount", "refunded"])?;
    let kind = o.req(r, "kind").and_then(|k| {
        r.choice(k, &o.at("kind"), &["full", "deposit", "balance"])
            .map(|i| match i {
                0 => PaymentKind::Full,
                1 => PaymentKind::Deposit,
                _ => PaymentKind::Balance,
            })
    });
    let amount = o.amount(r, "amount");
    let refunded = o
        .opt_amount(r, "refunded")
        .ok()
        .map(Option::unwrap_or_default);
    Some(Payment {
        kind: kind?,
        amount: amount?,
        refunded: refunded?,
    })
}

fn read_event(r: &mut Reader, v: &Value, path: &str) -> Option<RefundEvent> {
    let o = r.object(
        v,
        path,
        &["type", "by", "status", "minutesBeforeStart", "lines"],
    )?;
    let ty = o
        .req(r, "type")
        .and_then(|t| r.choice(t, &o.at("type"), &["cancellation", "lines"]))?;
    if ty == 0 {
        if o.has("lines") {
            r.push(Problem::new(o.at("lines"), codes::JSON_UNKNOWN_FIELD));
        }
        let by = o.req(r, "by").and_then(|b| {
            r.choice(b, &o.at("by"), &["user", "staff"]).map(|i| {
                if i == 0 {
                    Party::User
                } else {
                    Party::Staff
                }
            })
        });
        let status = o.req(r, "status").and_then(|s| {
            r.choice(
                s,
                &o.at("status"),
                &[
                    "pendingAcceptance",
                    "accepted",
                    "departed",
                    "inService",
                    "completed",
                ],
            )
            .map(|i| match i {
                0 => OrderStatus::PendingAcceptance,
                1 => OrderStatus::Accepted,
                2 => OrderStatus::Departed,
                3 => OrderStatus::InService,
                _ => OrderStatus::Completed,
            })
        });
        let minutes = o.int_in(r, "minutesBeforeStart", -MAX_SAFE, MAX_SAFE);
        Some(RefundEvent::Cancellation {
            by: by?,
            status: status?,
            minutes_before_start: minutes?,
        })
    } else {
        for extra in ["by", "status", "minutesBeforeStart"] {
            if o.has(extra) {
                r.push(Problem::new(o.at(extra), codes::JSON_UNKNOWN_FIELD));
            }
        }
        let arr = o.req(r, "lines").and_then(|l| r.array(l, &o.at("lines")))?;
        let mut out = Vec::with_capacity(arr.len());
        let mut ok = true;
        for (i, v) in arr.iter().enumerate() {
            let p = index(&o.at("lines"), i);
            let item = r.object(v, &p, &["line", "amount"]).and_then(|lo| {
                let line = lo
                    .int_in(r, "line", 0, 100_000)
                    .and_then(|n| usize::try_from(n).ok());
                let amount = lo.opt_amount(r, "amount").ok();
                Some(LineRefundRequest {
                    line: line?,
                    amount: amount?,
                })
            });
            match item {
                Some(x) => out.push(x),
                None => ok = false,
            }
        }
        ok.then_some(RefundEvent::Lines(out))
    }
}

#[cfg(test)]
mod tests {
    use crate::{PriceEngine, PriceOptions};
    use serde_json::{json, Value};

    fn engine() -> PriceEngine {
        PriceEngine::from_json(include_str!("../tests/fixtures/basic-config.json")).unwrap()
    }

    fn request(payments: Value, event: Value) -> String {
        let e = engine();
        let q = e
            .quote_json(
                r#"{"items":[{"itemId":"wound","quantity":1}],"distanceMetres":2500,
                "appointmentStart":"2026-12-01T09:00","bookedAt":"2026-11-30T20:00",
                "paymentPlan":"deposit"}"#,
                &PriceOptions::default(),
            )
            .unwrap();
        let q: Value = serde_json::from_str(&q).unwrap();
        json!({"quote": q, "payments": payments, "event": event}).to_string()
    }

    fn errors(req: &str) -> Vec<(String, &'static str)> {
        engine()
            .refund_json(req, &PriceOptions::default())
            .unwrap_err()
            .into_iter()
            .map(|p| (p.path, p.code))
            .collect()
    }

    #[test]
    fn malformed_requests_have_paths() {
        let deposit = json!([{"kind": "deposit", "amount": 5960}]);
        assert_eq!(
            errors(&request(deposit.clone(), json!({"type": "refund"}))),
            vec![("event.type".to_owned(), "pricing.json.unknown_value")]
        );
        assert_eq!(
            errors(&request(
                json!([{"kind": "deposit", "amount": "5960"}]),
                json!({"type": "cancellation", "by": "user", "status": "accepted", "minutesBeforeStart": 10.5})
            )),
            vec![
                (
                    "payments[0].amount".to_owned(),
                    "pricing.json.expected_integer"
                ),
                (
                    "event.minutesBeforeStart".to_owned(),
                    "pricing.json.expected_integer"
                ),
            ]
        );
        assert_eq!(
            errors(&request(
                json!([{"kind": "deposit", "amount": 5960}, {"kind": "deposit", "amount": 1}]),
                json!({"type": "lines", "lines": [{"line": 0}, {"line": 0}]})
            )),
            vec![("payments[1].kind".to_owned(), "pricing.payment.duplicate")]
        );
        assert_eq!(
            errors(&request(
                deposit.clone(),
                json!({"type": "lines", "lines": [{"line": 0}, {"line": 0}]})
            )),
            vec![(
                "event.lines[1].line".to_owned(),
                "pricing.refund.duplicate_line"
            )]
        );
        assert_eq!(
            errors(&request(
                json!([{"kind": "deposit", "amount": 5960, "refunded": 5961}]),
                json!({"type": "lines", "lines": []})
            )),
            vec![(
                "payments[0].refunded".to_owned(),
                "pricing.value.out_of_range"
            )]
        );
        assert_eq!(
            errors(&request(
                deposit,
                json!({"type": "lines", "lines": [], "status": "accepted"})
            )),
            vec![("event.status".to_owned(), "pricing.json.unknown_field")]
        );
        assert_eq!(
            errors("[]"),
            vec![(String::new(), "pricing.json.expected_object")]
        );
    }

    #[test]
    fn english_explanations() {
        let out = engine()
            .refund_json(
                &request(
                    json!([{"kind": "deposit", "amount": 5960}]),
                    json!({"type": "cancellation", "by": "user", "status": "accepted", "minutesBeforeStart": 150}),
                ),
                &PriceOptions {
                    locale: homecare_core::Locale::En,
                },
            )
            .unwrap();
        assert!(out.contains("Accepted, cancelled 2h30 before start: refund 90% of what was paid"));
        assert!(out.contains(r#""refund":5364"#));
    }
}
