//! The compact form of a quote for `engine.quote` (decoded by `decodeQuote` in
//! `js/api/pricing.js` into exactly the object `JSON.parse` gives for the quote JSON).
//!
//! A quote is a few dozen numbers and about fifteen strings. As JSON it is ~2 KB of text that
//! JavaScript must decode from UTF-8 and parse on every tap; here the numbers stay in an f64
//! buffer the glue reads in place through a `Float64Array` over wasm memory (no copy, no
//! parsing), and the strings (ids, names, the
//! explanations, all written by the crate) as one text beside it. Each string has a *slot*
//! (its position in the quote: the revision, line 2's explanation, …); the engine remembers
//! the last string sent in each slot and sends a string only when it differs, so a tap that
//! changes one line's quantity sends that line's texts and the discounts', not the names and
//! notes again. The JS side keeps the same slots per engine.
//!
//! Numbers (all integers with |n| ≤ 2^53 − 1, exact as f64):
//!
//! ```text
//! 0 status (0 quote, 1 problems: the text is their JSON array, 2 send the order as JSON)
//! 1 length of the text
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
//! code units, the string itself being the next piece of the text. The text is UTF-16 code
//! units in wasm memory (`textAddress`), which the glue turns into a string with
//! `String.fromCharCode` — no UTF-8 decoding.

use homecare_pricing::{
    DiscountKind, Distance, InsuranceCategory, LineKind, LocalDateTime, Measure, Order,
    OrderConsumable, OrderItem, PlanKind, Quote, MAX_QUANTITY, MAX_SAFE,
};

/// An order in the glue's wire form (`encodeOrder` in `js/api/pricing.js`), written straight
/// into the engine's input buffer instead of `JSON.stringify` + UTF-8 + a JSON scan. The glue
/// uses it only for plain objects whose values it can carry exactly (ASCII strings, safe
/// non-negative integers, booleans; `null`/`undefined` for absent optional fields) and sends
/// JSON otherwise. This reader accepts exactly the orders the JSON scanner
/// (`Order::from_json`'s fast path) accepts and gives the same [`Order`]; for anything else
/// it answers `None` and the glue sends the same order as JSON, so every problem is still
/// found, with its path, by the one strict reader.
///
/// ```text
/// field:   tag (1 items, 2 consumables, 3 distanceMetres, 4 appointmentStart, 5 bookedAt,
///          6 newUser, 7 couponId, 8 points, 9 packageId, 10 paymentPlan), then its value;
///          0 ends the order
/// items:   count, then per item: itemId, flags (1 quantity, 2 minutes), the numbers flagged
/// consumables: count, then per consumable: id, quantity
/// string:  u32 byte length, ASCII bytes      number: u32 low, u32 high     count: u32
/// newUser: one byte 0 / 1                    (all little-endian)
/// ```
///
/// `reuse` is the engine's previous order: its vectors and strings are refilled instead of
/// allocated again (a quote on every tap).
pub(crate) fn read_order_wire(bytes: &[u8], reuse: Option<Order>) -> Option<Order> {
    let (mut items, mut consumables, coupon_pool, package_pool) = match reuse {
        Some(o) => (o.items, o.consumables, o.coupon_id, o.package_id),
        None => (Vec::new(), Vec::new(), None, None),
    };
    let refill = |pool: Option<String>, s: &str| {
        let mut t = pool.unwrap_or_default();
        t.clear();
        t.push_str(s);
        t
    };
    let mut w = Wire { bytes, at: 0 };
    let mut seen = 0u32;
    let (mut has_items, mut consumables_len) = (false, 0);
    let (mut distance, mut start, mut booked) = (None, None, None);
    let (mut new_user, mut coupon_id, mut points) = (false, None, 0);
    let (mut package_id, mut payment_plan) = (None, PlanKind::Full);
    let (mut coupon_pool, mut package_pool) = (coupon_pool, package_pool);
    loop {
        let tag = w.byte()?;
        if tag == 0 {
            break;
        }
        let mask = 1u32.checked_shl(u32::from(tag))?;
        if seen & mask != 0 {
            return None;
        }
        seen |= mask;
        match tag {
            1 => {
                let n = w.count()?;
                for i in 0..n {
                    let id = w.id()?;
                    let measure = match w.byte()? {
                        1 => Measure::Quantity(w.int(1, MAX_QUANTITY)?),
                        2 => Measure::Minutes(w.int(1, MAX_QUANTITY)?),
                        _ => return None,
                    };
                    match items.get_mut(i) {
                        Some(it) => {
                            it.item_id.clear();
                            it.item_id.push_str(id);
                            it.measure = measure;
                        }
                        None => items.push(OrderItem {
                            item_id: id.to_owned(),
                            measure,
                        }),
                    }
                }
                items.truncate(n);
                has_items = true;
            }
            2 => {
                let n = w.count()?;
                for i in 0..n {
                    let id = w.id()?;
                    let quantity = w.int(1, MAX_QUANTITY)?;
                    match consumables.get_mut(i) {
                        Some(c) => {
                            c.id.clear();
                            c.id.push_str(id);
                            c.quantity = quantity;
                        }
                        None => consumables.push(OrderConsumable {
                            id: id.to_owned(),
                            quantity,
                        }),
                    }
                }
                consumables_len = n;
            }
            3 => distance = Some(w.int(0, MAX_SAFE)?),
            4 => start = Some(LocalDateTime::parse(w.str()?)?),
            5 => booked = Some(LocalDateTime::parse(w.str()?)?),
            6 => {
                new_user = match w.byte()? {
                    0 => false,
                    1 => true,
                    _ => return None,
                }
            }
            7 => coupon_id = Some(refill(coupon_pool.take(), w.id()?)),
            8 => points = w.int(0, MAX_SAFE)?,
            9 => package_id = Some(refill(package_pool.take(), w.id()?)),
            10 => {
                payment_plan = match w.str()? {
                    "full" => PlanKind::Full,
                    "deposit" => PlanKind::Deposit,
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    if w.at != bytes.len() || !has_items {
        return None;
    }
    consumables.truncate(consumables_len);
    Some(Order {
        items,
        consumables,
        distance: Distance::Metres(distance?),
        appointment_start: start?,
        booked_at: booked?,
        new_user,
        coupon_id,
        points,
        package_id,
        payment_plan,
    })
}

/// The wire reader's cursor: every method answers `None` past the end or on a bad value.
struct Wire<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Wire<'a> {
    #[inline(always)]
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    #[inline(always)]
    fn u32(&mut self) -> Option<u32> {
        let b = self.bytes.get(self.at..self.at + 4)?;
        self.at += 4;
        Some(u32::from_le_bytes(<[u8; 4]>::try_from(b).ok()?))
    }

    #[inline(always)]
    fn count(&mut self) -> Option<usize> {
        usize::try_from(self.u32()?).ok()
    }

    #[inline(always)]
    fn int(&mut self, min: i64, max: i64) -> Option<i64> {
        let low = u64::from(self.u32()?);
        let high = u64::from(self.u32()?);
        let n = i64::try_from(high << 32 | low).ok()?;
        (min..=max).contains(&n).then_some(n)
    }

    #[inline(always)]
    fn str(&mut self) -> Option<&'a str> {
        let len = self.count()?;
        let b = self.bytes.get(self.at..self.at.checked_add(len)?)?;
        self.at += len;
        core::str::from_utf8(b).ok().filter(|s| s.is_ascii())
    }

    #[inline(always)]
    fn id(&mut self) -> Option<&'a str> {
        self.str().filter(|s| !s.is_empty())
    }
}

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
#[inline(always)]
fn exact(n: i64) -> f64 {
    if let Ok(small) = i32::try_from(n) {
        return f64::from(small);
    }
    let high = i32::try_from(n >> 32).unwrap_or(0);
    let low = u32::try_from(n & 0xFFFF_FFFF).unwrap_or(0);
    f64::from(high) * 4_294_967_296.0 + f64::from(low)
}

/// `a == b`, eight bytes at a time (the `memcmp` of an MVP wasm build goes byte by byte).
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let word = |s: &[u8], i: usize| {
        s.get(i..i + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map(u64::from_le_bytes)
    };
    let mut i = 0;
    while i + 8 <= a.len() {
        if word(a, i) != word(b, i) {
            return false;
        }
        i += 8;
    }
    a.get(i..) == b.get(i..)
}

/// The per-engine state of the compact form: the last string sent in each slot, and the
/// buffers reused from quote to quote.
#[derive(Default)]
pub(crate) struct Compact {
    sent: Vec<String>,
    slot: usize,
    nums: Vec<f64>,
    /// The text of the last answer, until JS takes it.
    /// The text of the last answer as UTF-16 code units (what JS strings are made of), read
    /// in place by the glue: no UTF-8 decoding of Chinese text on every tap.
    text: Vec<u16>,
    scratch: String,
    /// The times last sent in slots 1 and 2.
    times: [Option<LocalDateTime>; 2],
}

impl Compact {
    #[inline(always)]
    fn num(&mut self, n: i64) {
        self.nums.push(exact(n));
    }

    #[inline(always)]
    fn index(&mut self, i: usize) {
        self.num(i64::try_from(i).unwrap_or(-1));
    }

    #[inline(always)]
    fn flag(&mut self, b: bool) {
        self.num(i64::from(b));
    }

    fn str(&mut self, s: &str) {
        let slot = self.slot;
        self.slot += 1;
        if self
            .sent
            .get(slot)
            .is_some_and(|last| same(last.as_bytes(), s.as_bytes()))
        {
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
        let before = self.text.len();
        self.text.extend(s.encode_utf16());
        self.index(self.text.len() - before);
    }

    /// A time in slot 1 or 2 (always those): unchanged times are not even formatted.
    fn time(&mut self, t: LocalDateTime, which: usize) {
        if let Some(last) = self.times.get_mut(which) {
            if *last == Some(t) && self.sent.len() > self.slot {
                self.slot += 1;
                self.nums.push(-1.0);
                return;
            }
            *last = Some(t);
        }
        let mut s = core::mem::take(&mut self.scratch);
        s.clear();
        t.push_to(&mut s);
        self.str(&s);
        self.scratch = s;
    }

    /// Writes the numbers of `q` into [`Compact::numbers`] (its strings into [`Compact::text`]).
    pub(crate) fn quote(&mut self, q: &Quote) {
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
        self.time(q.appointment_start, 0);
        self.time(q.booked_at, 1);
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
    }

    /// The answer for problems: status 1, their JSON array as the text.
    pub(crate) fn problems(&mut self, json: String) {
        self.text.clear();
        self.text.extend(json.encode_utf16());
        self.nums.clear();
        self.num(1);
        self.num(0);
        self.set_text_length();
    }

    /// The answer "send this order as JSON" (status 2) for a wire order the reader declined.
    pub(crate) fn defer(&mut self) {
        self.text.clear();
        self.nums.clear();
        self.num(2);
        self.num(0);
    }

    /// Address of the numbers of the last answer (8-byte aligned; valid until the next one).
    pub(crate) fn numbers(&self) -> usize {
        self.nums.as_ptr().addr()
    }

    fn set_text_length(&mut self) {
        let units = i64::try_from(self.text.len()).unwrap_or(0);
        if let Some(n) = self.nums.get_mut(1) {
            *n = exact(units);
        }
    }

    /// Address of the text of the last answer (UTF-16 code units, 2-byte aligned).
    pub(crate) fn text_address(&self) -> usize {
        self.text.as_ptr().addr()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The glue's encoder, for the tests.
    #[derive(Default)]
    struct Enc(Vec<u8>);
    impl Enc {
        fn tag(mut self, t: u8) -> Self {
            self.0.push(t);
            self
        }
        fn n(mut self, n: u64) -> Self {
            self.0
                .extend_from_slice(&u32::try_from(n & 0xFFFF_FFFF).unwrap().to_le_bytes());
            self.0
                .extend_from_slice(&u32::try_from(n >> 32).unwrap().to_le_bytes());
            self
        }
        fn count(mut self, n: u32) -> Self {
            self.0.extend_from_slice(&n.to_le_bytes());
            self
        }
        fn s(self, s: &str) -> Self {
            let mut e = self.count(u32::try_from(s.len()).unwrap());
            e.0.extend_from_slice(s.as_bytes());
            e
        }
    }

    fn base() -> Enc {
        Enc::default()
            .tag(1)
            .count(2)
            .s("wound")
            .tag(1)
            .n(1)
            .s("rehab")
            .tag(2)
            .n(90)
            .tag(2)
            .count(1)
            .s("dressing")
            .n(2)
            .tag(3)
            .n(5_200)
            .tag(4)
            .s("2026-12-01T09:00")
            .tag(5)
            .s("2026-11-30T20:00")
    }

    #[test]
    fn wire_orders_read_as_their_json() {
        let json = r#"{"items":[{"itemId":"wound","quantity":1},{"itemId":"rehab","minutes":90}],
            "consumables":[{"id":"dressing","quantity":2}],"distanceMetres":5200,
            "appointmentStart":"2026-12-01T09:00","bookedAt":"2026-11-30T20:00"}"#;
        let wire = base().tag(0).0;
        assert_eq!(read_order_wire(&wire, None), Order::from_json(json).ok());
        let full = base()
            .tag(6)
            .tag(1)
            .tag(7)
            .s("PCT10")
            .tag(8)
            .n(1_000)
            .tag(9)
            .s("W10")
            .tag(10)
            .s("deposit")
            .tag(0)
            .0;
        let json_full = json.replace(
            r#""bookedAt":"2026-11-30T20:00""#,
            r#""bookedAt":"2026-11-30T20:00","newUser":true,"couponId":"PCT10","points":1000,
              "packageId":"W10","paymentPlan":"deposit""#,
        );
        assert_eq!(
            read_order_wire(&full, None),
            Order::from_json(&json_full).ok()
        );
        // Declined (the glue then sends JSON): bad values, duplicates, truncation, trailing bytes.
        for bad in [
            base().0,                                                   // no end tag
            base().tag(0).tag(0).0,                                     // trailing byte
            base().tag(3).n(1).tag(0).0,                                // duplicate field
            base().tag(8).n(1 << 53).tag(0).0,                          // unsafe points
            base().tag(10).s("later").tag(0).0,                         // unknown plan
            base().tag(7).s("").tag(0).0,                               // empty id
            base().tag(6).tag(2).tag(0).0,                              // not a boolean
            base().tag(11).tag(0).0,                                    // unknown field
            Enc::default().tag(3).n(1).tag(0).0,                        // no items
            Enc::default().tag(1).count(1).s("a").tag(1).n(0).tag(0).0, // quantity 0
        ] {
            assert_eq!(read_order_wire(&bad, None), None);
        }
        let mut bad_time = base().tag(0).0;
        let at = bad_time.iter().position(|b| *b == b'T').unwrap();
        bad_time[at] = b' ';
        assert_eq!(read_order_wire(&bad_time, None), None);
        // Refilling a previous order gives the same order as reading afresh, shrinking or not.
        let big = read_order_wire(&full, None);
        assert_eq!(
            read_order_wire(&wire, big.clone()),
            read_order_wire(&wire, None)
        );
        let small = read_order_wire(&wire, None);
        assert_eq!(read_order_wire(&full, small), big);
    }

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
        assert_eq!(String::from_utf16(&c.text).unwrap(), "交通费x");
        c.slot = 0;
        c.nums.clear();
        c.text.clear();
        c.str("");
        c.str("交通费");
        c.str("y😀");
        assert!(same(b"0123456789abcdefX", b"0123456789abcdefX"));
        assert!(!same(b"0123456789abcdefX", b"0123456789abcdefY"));
        assert!(!same(b"0123456789abcdeYX", b"0123456789abcdefX"));
        assert_eq!(c.nums, [-1.0, -1.0, 3.0]);
        assert_eq!(String::from_utf16(&c.text).unwrap(), "y😀");
    }
}
