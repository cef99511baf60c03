//! The compact form of a quote for `engine.quote` (decoded by `decodeQuote` in
//! `js/api/pricing.js` into exactly the object `JSON.parse` gives for the quote JSON).
//!
//! A quote is a few dozen numbers and about fifteen strings. As JSON it is ~2 KB of text that
//! JavaScript must decode from UTF-8 and parse on every tap; here the numbers go out as one
//! `Float64Array` (copied out of wasm memory, no parsing), and the strings (ids, names, the
//! explanations, all written by the crate) as one text beside it. Each string has a *slot*
//! (its position in the quote: the revision, line 2's explanation, …); the engine remembers
//! the last string sent in each slot and sends a string only when it differs, so a tap that
//! changes one line's quantity sends that line's texts and the discounts', not the names and
//! notes again. The JS side keeps the same slots per engine.
//!
//! Numbers (all integers with |n| ≤ 2^53 − 1, exact as f64):
//!
//! ```text
//! 0 status (0 quote, 1 problems: the text is their JSON array)   1 length of the text
//! 2 configVersion  3 distanceMetres  4 straightLine  5 lines  6 discounts
//! 7 flags (1 insurance, 2 points, 4 package)
//! S configRevision  S appointmentStart  S bookedAt
//! per line:      kind quantity unitPrice amount discount net insurance hasQualification
//!                S refId  S name  [S qualification]  S explanation
//! per discount:  kind amount points allocations (line amount)…  S refId  S name  S explanation
//! totals (3), subtotals (4), payment: kind depositRatioBp payNow balance
//! insurance:     isEstimate eligible deductibleApplied fund selfPay  S note
//! points:        valueFen maxRedeemable used
//! package:       S packageId  line  visits  share…
//! ```
//!
//! `S` is a string: `-1` for "the same as this slot's last string", else its length in UTF-16
//! code units, the string itself being the next piece of the text.

use homecare_pricing::{DiscountKind, InsuranceCategory, LineKind, LocalDateTime, PlanKind, Quote};

/// Kinds as the JS tables in `decodeQuote` number them.
fn line_kind(k: LineKind) -> i64 {
    match k {
        LineKind::Service => 0,
        LineKind::Transport => 1,
        LineKind::Surcharge => 2,
        LineKind::Consumable => 3,
    }
}

fn discount_kind(k: DiscountKind) -> i64 {
    match k {
        DiscountKind::Package => 0,
        DiscountKind::Coupon => 1,
        DiscountKind::Points => 2,
    }
}

fn insurance(c: InsuranceCategory) -> i64 {
    match c {
        InsuranceCategory::Eligible => 0,
        InsuranceCategory::SelfPay => 1,
    }
}

fn plan(k: PlanKind) -> i64 {
    match k {
        PlanKind::Full => 0,
        PlanKind::Deposit => 1,
    }
}

/// `n` as f64, exactly for |n| ≤ 2^53 (every amount a quote holds), without an `as` cast.
fn exact(n: i64) -> f64 {
    let high = i32::try_from(n >> 32).unwrap_or(0);
    let low = u32::try_from(n & 0xFFFF_FFFF).unwrap_or(0);
    f64::from(high) * 4_294_967_296.0 + f64::from(low)
}

/// The per-engine state of the compact form: the last string sent in each slot, and the
/// buffers reused from quote to quote.
#[derive(Default)]
pub(crate) struct Compact {
    sent: Vec<String>,
    slot: usize,
    nums: Vec<f64>,
    /// The text of the last answer, until JS takes it.
    pub(crate) text: String,
    scratch: String,
}

impl Compact {
    fn num(&mut self, n: i64) {
        self.nums.push(exact(n));
    }

    fn index(&mut self, i: usize) {
        self.num(i64::try_from(i).unwrap_or(-1));
    }

    fn flag(&mut self, b: bool) {
        self.num(i64::from(b));
    }

    fn str(&mut self, s: &str) {
        let slot = self.slot;
        self.slot += 1;
        if self.sent.get(slot).is_some_and(|last| last == s) {
            self.nums.push(-1.0);
            return;
        }
        // Slots are numbered in order, so a new slot is the next one.
        match self.sent.get_mut(slot) {
            Some(last) => {
                last.clear();
                last.push_str(s);
            }
            None => self.sent.push(s.to_owned()),
        }
        self.text.push_str(s);
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.chars().map(char::len_utf16).sum()
        };
        self.index(units);
    }

    fn time(&mut self, t: LocalDateTime) {
        let mut s = core::mem::take(&mut self.scratch);
        s.clear();
        t.push_to(&mut s);
        self.str(&s);
        self.scratch = s;
    }

    /// The numbers of `q` (its strings are in [`Compact::text`]).
    pub(crate) fn quote(&mut self, q: &Quote) -> Vec<f64> {
        self.slot = 0;
        self.text.clear();
        self.nums.clear();
        self.nums.reserve(64 + 16 * q.lines.len());
        self.num(0);
        self.num(0); // text length, set below
        self.num(q.config_version);
        self.num(q.distance_metres);
        self.flag(q.straight_line);
        self.index(q.lines.len());
        self.index(q.discounts.len());
        self.num(
            i64::from(q.insurance.is_some())
                | i64::from(q.points.is_some()) << 1
                | i64::from(q.package.is_some()) << 2,
        );
        self.str(&q.config_revision);
        self.time(q.appointment_start);
        self.time(q.booked_at);
        for l in &q.lines {
            self.num(line_kind(l.kind));
            self.num(l.quantity);
            self.num(l.unit_price);
            self.num(l.amount);
            self.num(l.discount);
            self.num(l.net);
            self.num(insurance(l.insurance));
            self.flag(l.qualification.is_some());
            self.str(&l.ref_id);
            self.str(&l.name);
            if let Some(q) = &l.qualification {
                self.str(q);
            }
            self.str(&l.explanation);
        }
        for d in &q.discounts {
            self.num(discount_kind(d.kind));
            self.num(d.amount);
            self.num(d.points);
            self.index(d.allocations.len());
            for a in &d.allocations {
                self.index(a.line);
                self.num(a.amount);
            }
            self.str(&d.ref_id);
            self.str(&d.name);
            self.str(&d.explanation);
        }
        let t = q.totals;
        for n in [t.gross, t.discount, t.payable] {
            self.num(n);
        }
        let s = q.subtotals;
        for n in [s.service, s.transport, s.surcharge, s.consumable] {
            self.num(n);
        }
        let p = q.payment;
        self.num(plan(p.kind));
        for n in [p.deposit_ratio_bp, p.pay_now, p.balance] {
            self.num(n);
        }
        if let Some(i) = &q.insurance {
            self.flag(i.is_estimate);
            for n in [i.eligible, i.deductible_applied, i.fund, i.self_pay] {
                self.num(n);
            }
            self.str(&i.note);
        }
        if let Some(p) = q.points {
            for n in [p.value_fen, p.max_redeemable, p.used] {
                self.num(n);
            }
        }
        if let Some(p) = &q.package {
            self.str(&p.package_id);
            self.index(p.line);
            self.index(p.visits.len());
            for &v in &p.visits {
                self.num(v);
            }
        }
        self.set_text_length();
        core::mem::take(&mut self.nums)
    }

    /// The answer for problems: status 1, their JSON array as the text.
    pub(crate) fn problems(&mut self, json: String) -> Vec<f64> {
        self.text = json;
        self.nums.clear();
        self.num(1);
        self.num(0);
        self.set_text_length();
        core::mem::take(&mut self.nums)
    }

    fn set_text_length(&mut self) {
        let units: usize = if self.text.is_ascii() {
            self.text.len()
        } else {
            self.text.chars().map(char::len_utf16).sum()
        };
        if let Some(n) = self.nums.get_mut(1) {
            *n = exact(i64::try_from(units).unwrap_or(0));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_keeps_safe_integers() {
        for n in [
            0,
            1,
            -1,
            4_294_967_296,
            -4_294_967_297,
            9_007_199_254_740_991,
            -9_007_199_254_740_991,
        ] {
            assert_eq!(exact(n).to_string(), n.to_string());
        }
    }

    #[test]
    fn unchanged_strings_are_not_sent_again() {
        let mut c = Compact::default();
        c.str("");
        c.str("交通费");
        c.str("x");
        assert_eq!(c.nums, [0.0, 3.0, 1.0]);
        assert_eq!(c.text, "交通费x");
        c.slot = 0;
        c.nums.clear();
        c.text.clear();
        c.str("");
        c.str("交通费");
        c.str("y😀");
        assert_eq!(c.nums, [-1.0, -1.0, 3.0]);
        assert_eq!(c.text, "y😀");
    }
}
