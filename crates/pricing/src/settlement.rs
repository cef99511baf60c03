//! The insurer's real split of a payment, checked against the quote and laid out for display.

use homecare_core::{Locale, Problem};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::format::format_fen;
use crate::json::{self, Reader};
use crate::messages::codes;
use crate::money::sum;
use crate::order::PriceOptions;
use crate::quote::Quote;
use crate::snapshot::{check_quote, read_quote};

/// The settlement result from the insurance platform (医保结算), integer fen:
/// fund (统筹 and other funds) + personal account (个人账户) + cash (现金/微信支付) = payable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Settlement {
    /// Paid by the insurance funds (`fund_pay_sumamt`).
    pub fund: i64,
    /// Paid from the personal account (`acct_pay`).
    pub personal_account: i64,
    /// Paid in cash by the user (`psn_cash_pay` + self-pay lines).
    pub cash: i64,
}

/// One row of the settlement display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DisplayRow {
    /// `total`, `fund`, `personalAccount` or `cash`.
    pub key: String,
    /// Label in the requested locale.
    pub label: String,
    /// Fen.
    pub amount: i64,
    /// `¥1,234.50`.
    pub text: String,
}

/// The checked settlement, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SettlementBreakdown {
    /// The quote's payable amount.
    pub payable: i64,
    /// The settlement (authoritative).
    pub settlement: Settlement,
    /// The quote's estimated fund share, if there was an estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_fund: Option<i64>,
    /// `settlement.fund − estimated_fund` (positive: the fund paid more than estimated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund_minus_estimate: Option<i64>,
    /// Rows in display order: total, fund, personal account, cash.
    pub rows: Vec<DisplayRow>,
}

/// Checks that `fund + personal account + cash = payable` (each ≥ 0) and returns the
/// display breakdown; otherwise `pricing.settlement.mismatch` with both sums.
///
/// ```
/// use homecare_pricing::{apply_settlement, PriceEngine, PriceOptions, Settlement};
/// # let engine = PriceEngine::from_json(r#"{"version":1,"items":[{"id":"a","name":"换药",
/// #   "unit":"perVisit","unitPrice":10000,"insurance":"eligible"}],
/// #   "transport":{"kind":"tiers","tiers":[{"fee":0}]}}"#).unwrap();
/// # let quote = engine.quote_json(r#"{"items":[{"itemId":"a","quantity":1}],"distanceMetres":0,
/// #   "appointmentStart":"2026-12-01T09:00","bookedAt":"2026-11-30T09:00"}"#,
/// #   &PriceOptions::default()).unwrap();
/// # let quote: homecare_pricing::Quote = serde_json::from_str(&quote).unwrap();
/// let ok = apply_settlement(&quote, &Settlement { fund: 7000, personal_account: 1000, cash: 2000 },
///                           &PriceOptions::default()).unwrap();
/// assert_eq!(ok.rows[1].text, "¥70.00");
/// let bad = apply_settlement(&quote, &Settlement { fund: 7000, personal_account: 0, cash: 2000 },
///                            &PriceOptions::default()).unwrap_err();
/// assert_eq!(bad[0].code, "pricing.settlement.mismatch");
/// ```
pub fn apply_settlement(
    quote: &Quote,
    settlement: &Settlement,
    options: &PriceOptions,
) -> Result<SettlementBreakdown, Vec<Problem>> {
    check_quote(quote).map_err(|p| vec![p.at("quote")])?;
    let mut problems = Vec::new();
    for (key, v) in [
        ("fund", settlement.fund),
        ("personalAccount", settlement.personal_account),
        ("cash", settlement.cash),
    ] {
        if v < 0 {
            problems.push(Problem::new(
                json::join("settlement", key),
                codes::VALUE_NEGATIVE,
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let payable = quote.totals.payable;
    let total = sum([
        settlement.fund,
        settlement.personal_account,
        settlement.cash,
    ])
    .map_err(|p| vec![p.at("settlement")])?;
    if total != payable {
        return Err(vec![Problem::new("settlement", codes::SETTLEMENT_MISMATCH)
            .text("payable", format_fen(payable, false))
            .text("sum", format_fen(total, false))]);
    }
    let zh = options.locale == Locale::ZhCn;
    let row = |key: &str, zh_label: &str, en_label: &str, amount: i64| DisplayRow {
        key: key.to_owned(),
        label: if zh { zh_label } else { en_label }.to_owned(),
        amount,
        text: format_fen(amount, false),
    };
    let estimated_fund = quote.insurance.as_ref().map(|i| i.fund);
    Ok(SettlementBreakdown {
        payable,
        settlement: *settlement,
        estimated_fund,
        fund_minus_estimate: estimated_fund.map(|e| settlement.fund - e),
        rows: vec![
            row("total", "订单总额", "Total", payable),
            row("fund", "医保基金支付", "Insurance fund", settlement.fund),
            row(
                "personalAccount",
                "个人账户支付",
                "Personal account",
                settlement.personal_account,
            ),
            row("cash", "现金支付", "Cash", settlement.cash),
        ],
    })
}

/// JSON form: `{"quote": {...}, "settlement": {"fund": 0, "personalAccount": 0, "cash": 0}}`.
pub fn apply_settlement_json(
    request_json: &str,
    options: &PriceOptions,
) -> Result<String, Vec<Problem>> {
    let v = json::parse(request_json, "")?;
    let mut r = Reader::default();
    let parsed = r.object(&v, "", &["quote", "settlement"]).and_then(|o| {
        let quote = o.req(&mut r, "quote");
        let s = o
            .req(&mut r, "settlement")
            .and_then(|s| read_settlement(&mut r, s, "settlement"));
        Some((quote?, s?))
    });
    let (qv, s) = r.finish(parsed)?;
    let quote = read_quote(qv, "quote")?;
    let out = apply_settlement(&quote, &s, options)?;
    crate::engine::to_json(&out, 1024)
}

fn read_settlement(r: &mut Reader, v: &Value, path: &str) -> Option<Settlement> {
    let o = r.object(v, path, &["fund", "personalAccount", "cash"])?;
    let fund = o.amount(r, "fund");
    let personal_account = o.amount(r, "personalAccount");
    let cash = o.amount(r, "cash");
    Some(Settlement {
        fund: fund?,
        personal_account: personal_account?,
        cash: cash?,
    })
}
