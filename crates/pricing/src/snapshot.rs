//! Checks a quote that comes back from storage (JSON) before refunds or settlements use it:
//! its numbers must add up exactly as [`crate::PriceEngine::quote`] made them.

use homecare_core::Problem;
use serde::Deserialize;
use serde_json::Value;

use crate::messages::codes;
use crate::money::{sum, MAX_SAFE};
use crate::quote::{Quote, Subtotals};

/// Reads a quote from a JSON value at `path`.
pub(crate) fn read_quote(v: &Value, path: &str) -> Result<Quote, Vec<Problem>> {
    let q = Quote::deserialize(v).map_err(|e| {
        vec![Problem::new(path, codes::QUOTE_INVALID).text("detail", e.to_string())]
    })?;
    check_quote(&q).map_err(|p| vec![p.at(path)])?;
    Ok(q)
}

/// Every amount in range and every identity intact:
/// `net = amount − discount ≥ 0`, `Σ amount = gross`, `Σ net = payable`,
/// `gross − discount = payable`, `payNow + balance = payable`, allocations sum to discounts.
pub(crate) fn check_quote(q: &Quote) -> Result<(), Problem> {
    let bad = |what: &str| Problem::new("", codes::QUOTE_INCONSISTENT).text("field", what);
    let in_range = |n: i64| (0..=MAX_SAFE).contains(&n);
    for (i, l) in q.lines.iter().enumerate() {
        if !in_range(l.amount) || !in_range(l.discount) || !in_range(l.net) {
            return Err(bad(&format!("lines[{i}]")));
        }
        if l.amount.checked_sub(l.discount) != Some(l.net) {
            return Err(bad(&format!("lines[{i}].net")));
        }
    }
    let t = &q.totals;
    let gross = sum(q.lines.iter().map(|l| l.amount)).map_err(|_| bad("totals.gross"))?;
    let payable = sum(q.lines.iter().map(|l| l.net)).map_err(|_| bad("totals.payable"))?;
    if gross != t.gross || !in_range(t.gross) {
        return Err(bad("totals.gross"));
    }
    if payable != t.payable || t.gross.checked_sub(t.discount) != Some(t.payable) {
        return Err(bad("totals.payable"));
    }
    if Subtotals::of(&q.lines) != q.subtotals {
        return Err(bad("subtotals"));
    }
    let p = &q.payment;
    if !in_range(p.pay_now)
        || !in_range(p.balance)
        || p.pay_now.checked_add(p.balance) != Some(t.payable)
    {
        return Err(bad("payment"));
    }
    let mut per_line = vec![0i64; q.lines.len()];
    for (i, d) in q.discounts.iter().enumerate() {
        let s = sum(d.allocations.iter().map(|a| a.amount)).map_err(|_| bad("discounts"))?;
        if s != d.amount || d.allocations.iter().any(|a| a.amount < 0) {
            return Err(bad(&format!("discounts[{i}]")));
        }
        for a in &d.allocations {
            let Some(slot) = per_line.get_mut(a.line) else {
                return Err(bad(&format!("discounts[{i}].allocations")));
            };
            *slot = slot.checked_add(a.amount).ok_or_else(|| bad("discounts"))?;
        }
    }
    if per_line.iter().zip(&q.lines).any(|(d, l)| *d != l.discount) {
        return Err(bad("discounts"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{PriceEngine, PriceOptions};

    fn quote() -> Value {
        let e =
            PriceEngine::from_json(include_str!("../tests/fixtures/basic-config.json")).unwrap();
        let q = e
            .quote_json(
                r#"{"items":[{"itemId":"wound","quantity":1}],"distanceMetres":2500,
                "appointmentStart":"2026-12-01T09:00","bookedAt":"2026-11-30T20:00",
                "points":1000}"#,
                &PriceOptions::default(),
            )
            .unwrap();
        serde_json::from_str(&q).unwrap()
    }

    fn field(v: &Value) -> String {
        let p = &read_quote(v, "quote").unwrap_err()[0];
        match p.param("field") {
            Some(homecare_core::Param::Text(s)) => format!("{}:{}", p.code, s),
            _ => p.code.to_owned(),
        }
    }

    #[test]
    fn tampered_quotes_are_refused() {
        assert!(read_quote(&quote(), "quote").is_ok());
        let mut v = quote();
        v["lines"][0]["net"] = (v["lines"][0]["net"].as_i64().unwrap() + 1).into();
        assert_eq!(field(&v), "pricing.quote.inconsistent:lines[0].net");
        let mut v = quote();
        v["totals"]["payable"] = 1.into();
        assert_eq!(field(&v), "pricing.quote.inconsistent:totals.payable");
        let mut v = quote();
        v["payment"]["payNow"] = 0.into();
        assert_eq!(field(&v), "pricing.quote.inconsistent:payment");
        let mut v = quote();
        v["discounts"][0]["allocations"][0]["line"] = 9.into();
        assert_eq!(
            field(&v),
            "pricing.quote.inconsistent:discounts[0].allocations"
        );
        let mut v = quote();
        v["lines"][1]["amount"] = (-1).into();
        assert_eq!(field(&v), "pricing.quote.inconsistent:lines[1]");
        let mut v = quote();
        v.as_object_mut().unwrap().remove("totals");
        assert_eq!(field(&v), "pricing.quote.invalid");
        let mut v = quote();
        v["appointmentStart"] = "tomorrow".into();
        assert_eq!(field(&v), "pricing.quote.invalid");
    }
}
