//! The quote as JSON, written by hand: the same bytes as `serde_json::to_string(&quote)`
//! (property-tested in `tests/properties.rs`) in about a third of the instructions. The keys
//! are static text, numbers are written without `core::fmt`, and strings are scanned once for
//! the few bytes JSON escapes (most of a quote is Chinese text that needs none).

use crate::config::InsuranceCategory;
use crate::format::{push_i64, push_u64};
use crate::order::PlanKind;
use crate::quote::{DiscountKind, LineKind, Quote};

/// Appends `s` as a JSON string, escaped exactly as serde_json escapes it.
fn push_json_str(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0C => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x00..=0x1F => "",
            _ => continue,
        };
        out.push_str(s.get(from..i).unwrap_or(""));
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            for nibble in [b >> 4, b & 0xF] {
                out.push(char::from(*HEX.get(usize::from(nibble)).unwrap_or(&b'0')));
            }
        } else {
            out.push_str(escape);
        }
        from = i + 1;
    }
    out.push_str(s.get(from..).unwrap_or(""));
    out.push('"');
}

fn push_index(out: &mut String, i: usize) {
    push_u64(out, u64::try_from(i).unwrap_or(u64::MAX));
}

fn push_bool(out: &mut String, b: bool) {
    out.push_str(if b { "true" } else { "false" });
}

fn line_kind(k: LineKind) -> &'static str {
    match k {
        LineKind::Service => "\"service\"",
        LineKind::Transport => "\"transport\"",
        LineKind::Surcharge => "\"surcharge\"",
        LineKind::Consumable => "\"consumable\"",
    }
}

fn insurance(c: InsuranceCategory) -> &'static str {
    match c {
        InsuranceCategory::Eligible => "\"eligible\"",
        InsuranceCategory::SelfPay => "\"selfPay\"",
    }
}

fn discount_kind(k: DiscountKind) -> &'static str {
    match k {
        DiscountKind::Package => "\"package\"",
        DiscountKind::Coupon => "\"coupon\"",
        DiscountKind::Points => "\"points\"",
    }
}

fn plan(k: PlanKind) -> &'static str {
    match k {
        PlanKind::Full => "\"full\"",
        PlanKind::Deposit => "\"deposit\"",
    }
}

impl Quote {
    /// The quote as compact JSON (the shape in `docs/pricing.md`; identical to serde's).
    pub fn to_json(&self) -> String {
        let mut o = String::with_capacity(640 + 400 * self.lines.len());
        let w = &mut o;
        w.push_str("{\"configVersion\":");
        push_i64(w, self.config_version);
        w.push_str(",\"configRevision\":");
        push_json_str(w, &self.config_revision);
        w.push_str(",\"appointmentStart\":\"");
        self.appointment_start.push_to(w);
        w.push_str("\",\"bookedAt\":\"");
        self.booked_at.push_to(w);
        w.push_str("\",\"distanceMetres\":");
        push_i64(w, self.distance_metres);
        w.push_str(",\"straightLine\":");
        push_bool(w, self.straight_line);
        w.push_str(",\"lines\":[");
        for (i, l) in self.lines.iter().enumerate() {
            if i > 0 {
                w.push(',');
            }
            w.push_str("{\"kind\":");
            w.push_str(line_kind(l.kind));
            w.push_str(",\"refId\":");
            push_json_str(w, &l.ref_id);
            w.push_str(",\"name\":");
            push_json_str(w, &l.name);
            for (key, n) in [
                (",\"quantity\":", l.quantity),
                (",\"unitPrice\":", l.unit_price),
                (",\"amount\":", l.amount),
                (",\"discount\":", l.discount),
                (",\"net\":", l.net),
            ] {
                w.push_str(key);
                push_i64(w, n);
            }
            w.push_str(",\"insurance\":");
            w.push_str(insurance(l.insurance));
            if let Some(q) = &l.qualification {
                w.push_str(",\"qualification\":");
                push_json_str(w, q);
            }
            w.push_str(",\"explanation\":");
            push_json_str(w, &l.explanation);
            w.push('}');
        }
        w.push_str("],\"discounts\":[");
        for (i, d) in self.discounts.iter().enumerate() {
            if i > 0 {
                w.push(',');
            }
            w.push_str("{\"kind\":");
            w.push_str(discount_kind(d.kind));
            w.push_str(",\"refId\":");
            push_json_str(w, &d.ref_id);
            w.push_str(",\"name\":");
            push_json_str(w, &d.name);
            w.push_str(",\"amount\":");
            push_i64(w, d.amount);
            w.push_str(",\"points\":");
            push_i64(w, d.points);
            w.push_str(",\"allocations\":[");
            for (j, a) in d.allocations.iter().enumerate() {
                w.push_str(if j > 0 { ",{\"line\":" } else { "{\"line\":" });
                push_index(w, a.line);
                w.push_str(",\"amount\":");
                push_i64(w, a.amount);
                w.push('}');
            }
            w.push_str("],\"explanation\":");
            push_json_str(w, &d.explanation);
            w.push('}');
        }
        let t = self.totals;
        w.push_str("],\"totals\":{\"gross\":");
        push_i64(w, t.gross);
        w.push_str(",\"discount\":");
        push_i64(w, t.discount);
        w.push_str(",\"payable\":");
        push_i64(w, t.payable);
        let s = self.subtotals;
        w.push_str("},\"subtotals\":{\"service\":");
        push_i64(w, s.service);
        w.push_str(",\"transport\":");
        push_i64(w, s.transport);
        w.push_str(",\"surcharge\":");
        push_i64(w, s.surcharge);
        w.push_str(",\"consumable\":");
        push_i64(w, s.consumable);
        let p = self.payment;
        w.push_str("},\"payment\":{\"kind\":");
        w.push_str(plan(p.kind));
        w.push_str(",\"depositRatioBp\":");
        push_i64(w, p.deposit_ratio_bp);
        w.push_str(",\"payNow\":");
        push_i64(w, p.pay_now);
        w.push_str(",\"balance\":");
        push_i64(w, p.balance);
        w.push('}');
        if let Some(i) = &self.insurance {
            w.push_str(",\"insurance\":{\"isEstimate\":");
            push_bool(w, i.is_estimate);
            w.push_str(",\"eligible\":");
            push_i64(w, i.eligible);
            w.push_str(",\"deductibleApplied\":");
            push_i64(w, i.deductible_applied);
            w.push_str(",\"fund\":");
            push_i64(w, i.fund);
            w.push_str(",\"selfPay\":");
            push_i64(w, i.self_pay);
            w.push_str(",\"note\":");
            push_json_str(w, &i.note);
            w.push('}');
        }
        if let Some(p) = self.points {
            w.push_str(",\"points\":{\"valueFen\":");
            push_i64(w, p.value_fen);
            w.push_str(",\"maxRedeemable\":");
            push_i64(w, p.max_redeemable);
            w.push_str(",\"used\":");
            push_i64(w, p.used);
            w.push('}');
        }
        if let Some(p) = &self.package {
            w.push_str(",\"package\":{\"packageId\":");
            push_json_str(w, &p.package_id);
            w.push_str(",\"line\":");
            push_index(w, p.line);
            w.push_str(",\"visits\":[");
            for (j, v) in p.visits.iter().enumerate() {
                if j > 0 {
                    w.push(',');
                }
                push_i64(w, *v);
            }
            w.push_str("]}");
        }
        w.push('}');
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_like_serde_json() {
        for s in [
            "",
            "交通费：5.2 公里，¥20.00",
            "a\"b\\c/d",
            "\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f}\u{7f}é😀",
            "end\"",
        ] {
            let mut out = String::new();
            push_json_str(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap());
        }
    }
}
