//! What the user is about to book: items, consumables, distance, times, discounts asked for.

use homecare_core::{Locale, Problem};
use serde_json::Value;

use crate::config_json::read_datetime;
use crate::geo::GeoPoint;
use crate::json::{index, Reader};
use crate::messages::codes;
use crate::money::MAX_SAFE;
use crate::time::LocalDateTime;

/// Largest quantity of one line and longest duration (minutes) an order may ask for.
pub const MAX_QUANTITY: i64 = 10_000;

/// How much of an item is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Visits or pieces (for `perVisit` and `perPiece` items).
    Quantity(i64),
    /// Minutes of service (for `per30Minutes` items).
    Minutes(i64),
}

/// One ordered item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderItem {
    /// Catalogue id.
    pub item_id: String,
    /// Quantity or duration.
    pub measure: Measure,
}

/// One ordered consumable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderConsumable {
    /// Consumable id.
    pub id: String,
    /// Pieces (≥ 1).
    pub quantity: i64,
}

/// The distance for the transport fee.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Distance {
    /// Whole metres as the backend or a map API measured them.
    Metres(i64),
    /// Straight-line (haversine) distance between the nurse's base and the home.
    Between(GeoPoint, GeoPoint),
}

/// Full prepayment or deposit + balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PlanKind {
    /// Pay everything now.
    #[default]
    Full,
    /// Pay the deposit now and the balance later.
    Deposit,
}

/// An order to quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    /// Items (at least one).
    pub items: Vec<OrderItem>,
    /// Consumables.
    pub consumables: Vec<OrderConsumable>,
    /// Distance.
    pub distance: Distance,
    /// Appointment start (local China time).
    pub appointment_start: LocalDateTime,
    /// When the order is placed (local China time); decides urgency and coupon validity.
    pub booked_at: LocalDateTime,
    /// The user has never ordered before.
    pub new_user: bool,
    /// Coupon to apply.
    pub coupon_id: Option<String>,
    /// Points to redeem (0 = none).
    pub points: i64,
    /// Package to use.
    pub package_id: Option<String>,
    /// Payment plan.
    pub payment_plan: PlanKind,
}

/// Options for quotes and refunds: the language of explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PriceOptions {
    /// Locale of the human explanations (zh-CN by default).
    pub locale: Locale,
}

impl PriceOptions {
    /// Options for a BCP 47 tag as the JS layer passes it (`zh-CN`, `en`, …); `None` for an
    /// unknown tag so the caller can report misuse.
    ///
    /// ```
    /// use homecare_pricing::PriceOptions;
    /// assert_eq!(PriceOptions::from_tag("en").unwrap().locale.tag(), "en");
    /// assert!(PriceOptions::from_tag("fr").is_none());
    /// ```
    pub fn from_tag(tag: &str) -> Option<Self> {
        Locale::parse(tag).map(|locale| PriceOptions { locale })
    }
}

impl Order {
    /// Reads an order from JSON text (shape in `docs/pricing.md`): the usual shapes by a
    /// one-pass scanner, anything else (and every invalid order) by the strict reader that
    /// reports each problem with its path.
    ///
    /// ```
    /// use homecare_pricing::Order;
    /// let o = Order::from_json(r#"{"items":[{"itemId":"inj","quantity":1}],"distanceMetres":900,
    ///   "appointmentStart":"2026-12-01T09:00","bookedAt":"2026-11-30T09:00"}"#).unwrap();
    /// assert_eq!(o.items[0].item_id, "inj");
    /// let problems = Order::from_json(r#"{"items":[{"itemId":"inj","quantity":1.5}]}"#).unwrap_err();
    /// assert_eq!(problems[0].path, "items[0].quantity");
    /// ```
    pub fn from_json(text: &str) -> Result<Order, Vec<Problem>> {
        match read_order_fast(text) {
            Some(order) => Ok(order),
            None => read_order(&crate::json::parse(text, "")?, ""),
        }
    }
}

/// Reads an order from JSON (shape in `docs/pricing.md`).
pub(crate) fn read_order(v: &Value, path: &str) -> Result<Order, Vec<Problem>> {
    let mut r = Reader::default();
    let order = read(&mut r, v, path);
    r.finish(order)
}

fn read(r: &mut Reader, v: &Value, path: &str) -> Option<Order> {
    let o = r.object(v, path, &ORDER_KEYS)?;
    let items = o
        .req(r, "items")
        .and_then(|v| r.array(v, &o.at("items")))
        .and_then(|arr| {
            let mut out = Vec::with_capacity(arr.len());
            let mut ok = true;
            for (i, v) in arr.iter().enumerate() {
                let p = index(&o.at("items"), i);
                let item = r
                    .object(v, &p, &["itemId", "quantity", "minutes"])
                    .and_then(|io| {
                        let id = io.id(r, "itemId");
                        let measure = match (io.get("quantity"), io.get("minutes")) {
                            (Some(q), None) => r
                                .int_in(q, &io.at("quantity"), 1, MAX_QUANTITY)
                                .map(Measure::Quantity),
                            (None, Some(m)) => r
                                .int_in(m, &io.at("minutes"), 1, MAX_QUANTITY)
                                .map(Measure::Minutes),
                            _ => {
                                r.push(
                                    Problem::new(p.clone(), codes::CONFIG_ONE_OF)
                                        .text("fields", "quantity, minutes"),
                                );
                                None
                            }
                        };
                        Some(OrderItem {
                            item_id: id?,
                            measure: measure?,
                        })
                    });
                match item {
                    Some(it) => out.push(it),
                    None => ok = false,
                }
            }
            ok.then_some(out)
        });
    let consumables = o.array_or_empty(r, "consumables").and_then(|arr| {
        let mut out = Vec::with_capacity(arr.len());
        let mut ok = true;
        for (i, v) in arr.iter().enumerate() {
            let p = index(&o.at("consumables"), i);
            let c = r.object(v, &p, &["id", "quantity"]).and_then(|co| {
                let id = co.id(r, "id");
                let q = co.int_in(r, "quantity", 1, MAX_QUANTITY);
                Some(OrderConsumable {
                    id: id?,
                    quantity: q?,
                })
            });
            match c {
                Some(c) => out.push(c),
                None => ok = false,
            }
        }
        ok.then_some(out)
    });
    let distance = match (o.get("distanceMetres"), o.get("from"), o.get("to")) {
        (Some(m), None, None) => r.amount(m, &o.at("distanceMetres")).map(Distance::Metres),
        (None, Some(f), Some(t)) => {
            let a = read_point(r, f, &o.at("from"));
            let b = read_point(r, t, &o.at("to"));
            Some(Distance::Between(a?, b?))
        }
        _ => {
            r.push(
                Problem::new(path, codes::CONFIG_ONE_OF)
                    .text("fields", "distanceMetres, from + to"),
            );
            None
        }
    };
    let start = o
        .req(r, "appointmentStart")
        .and_then(|v| read_datetime(r, v, &o.at("appointmentStart")));
    let booked = o
        .req(r, "bookedAt")
        .and_then(|v| read_datetime(r, v, &o.at("bookedAt")));
    let new_user = o.bool_or(r, "newUser", false);
    let coupon_id = match o.get("couponId") {
        None => Some(None),
        Some(v) => r.id(v, &o.at("couponId")).map(Some),
    };
    let points = match o.get("points") {
        None => Some(0),
        Some(v) => r.int_in(v, &o.at("points"), 0, MAX_SAFE),
    };
    let package_id = match o.get("packageId") {
        None => Some(None),
        Some(v) => r.id(v, &o.at("packageId")).map(Some),
    };
    let payment_plan = match o.get("paymentPlan") {
        None => Some(PlanKind::Full),
        Some(v) => r
            .choice(v, &o.at("paymentPlan"), &["full", "deposit"])
            .map(|i| {
                if i == 0 {
                    PlanKind::Full
                } else {
                    PlanKind::Deposit
                }
            }),
    };
    Some(Order {
        items: items?,
        consumables: consumables?,
        distance: distance?,
        appointment_start: start?,
        booked_at: booked?,
        new_user: new_user?,
        coupon_id: coupon_id?,
        points: points?,
        package_id: package_id?,
        payment_plan: payment_plan?,
    })
}

fn read_point(r: &mut Reader, v: &Value, path: &str) -> Option<GeoPoint> {
    let o = r.object(v, path, &["lat", "lng"])?;
    let lat = o.req(r, "lat").and_then(|v| r.number(v, &o.at("lat")));
    let lng = o.req(r, "lng").and_then(|v| r.number(v, &o.at("lng")));
    let (lat, lng) = (lat?, lng?);
    let p = GeoPoint { lat, lng };
    if !p.is_valid() {
        r.push(Problem::new(path, codes::GEO_INVALID));
        return None;
    }
    Some(p)
}

/// Fast path for [`read_order`]: a scanner over the JSON text that accepts only well-formed,
/// in-range orders of the usual shape (no escapes in strings, no coordinates, no duplicate
/// keys) and returns `None` for anything else, which the caller then reads with the
/// path-reporting reader. Valid input gives the same [`Order`] either way (property-tested
/// below); invalid input always takes the slow path, so problems are identical too. It reads
/// the text once, borrowing ids until the [`Order`] owns them (about 5× fewer instructions
/// than a serde derive of the same shape).
pub(crate) fn read_order_fast(text: &str) -> Option<Order> {
    let mut s = Scan { text, at: 0 };
    s.open(b'{')?;
    let mut seen = 0u16;
    let mut items = None;
    let mut consumables = Vec::new();
    let mut distance = None;
    let mut start = None;
    let mut booked = None;
    let mut new_user = false;
    let mut coupon_id = None;
    let mut points = 0;
    let mut package_id = None;
    let mut payment_plan = PlanKind::Full;
    loop {
        let key = s.key()?;
        let bit = ORDER_KEYS.iter().position(|k| *k == key)?;
        let mask = 1u16.checked_shl(u32::try_from(bit).ok()?)?;
        if seen & mask != 0 {
            return None;
        }
        seen |= mask;
        // Optional fields may be null (= absent, as in the path reader); required ones and
        // coordinates take the slow path.
        if s.null() {
            if matches!(bit, 0 | 3..=6) {
                return None;
            }
        } else {
            match bit {
                0 => items = Some(s.items()?),
                1 => consumables = s.consumables()?,
                2 => distance = Some(s.int(0, MAX_SAFE)?),
                5 => start = Some(LocalDateTime::parse(s.string()?)?),
                6 => booked = Some(LocalDateTime::parse(s.string()?)?),
                7 => new_user = s.boolean()?,
                8 => coupon_id = Some(s.id()?.to_owned()),
                9 => points = s.int(0, MAX_SAFE)?,
                10 => package_id = Some(s.id()?.to_owned()),
                11 => {
                    payment_plan = match s.string()? {
                        "full" => PlanKind::Full,
                        "deposit" => PlanKind::Deposit,
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
        if s.close(b'}')? {
            break;
        }
    }
    s.end()?;
    Some(Order {
        items: items?,
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

/// The fields of an order, for the strict reader and the fast scanner alike.
const ORDER_KEYS: [&str; 12] = [
    "items",
    "consumables",
    "distanceMetres",
    "from",
    "to",
    "appointmentStart",
    "bookedAt",
    "newUser",
    "couponId",
    "points",
    "packageId",
    "paymentPlan",
];

/// The order scanner's cursor (see [`read_order_fast`]): every method returns `None` on
/// anything it does not accept.
struct Scan<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Scan<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    /// Whitespace, then `b`.
    fn eat(&mut self, b: u8) -> Option<()> {
        self.ws();
        (self.peek()? == b).then(|| self.at += 1)
    }

    /// `{` or `[` that must not be empty.
    fn open(&mut self, b: u8) -> Option<()> {
        self.eat(b)?;
        self.ws();
        (self.peek()? != b + 2).then_some(())
    }

    /// After a member: `,` (`false`, more follow) or the closing `b` (`true`).
    fn close(&mut self, b: u8) -> Option<bool> {
        self.ws();
        let c = self.peek()?;
        self.at += 1;
        match c {
            b',' => Some(false),
            _ if c == b => Some(true),
            _ => None,
        }
    }

    fn end(&mut self) -> Option<()> {
        self.ws();
        (self.at == self.text.len()).then_some(())
    }

    /// A string without escapes or control characters, borrowed.
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let from = self.at;
        let rest = self.text.as_bytes().get(from..)?;
        let len = rest
            .iter()
            .position(|&c| c == b'"' || c == b'\\' || c < 0x20)?;
        if rest.get(len) != Some(&b'"') {
            return None;
        }
        self.at = from + len + 1;
        self.text.get(from..from + len)
    }

    fn id(&mut self) -> Option<&'a str> {
        self.string().filter(|s| !s.is_empty())
    }

    /// `"key"` and the `:` after it.
    fn key(&mut self) -> Option<&'a str> {
        let k = self.string()?;
        self.eat(b':')?;
        Some(k)
    }

    /// Consumes `null` if it comes next.
    fn null(&mut self) -> bool {
        self.ws();
        let is = self.text.as_bytes().get(self.at..self.at + 4) == Some(b"null");
        if is {
            self.at += 4;
        }
        is
    }

    fn boolean(&mut self) -> Option<bool> {
        self.ws();
        let rest = self.text.as_bytes().get(self.at..)?;
        let (v, len) = if rest.starts_with(b"true") {
            (true, 4)
        } else if rest.starts_with(b"false") {
            (false, 5)
        } else {
            return None;
        };
        self.at += len;
        self.number_ends().then_some(v)
    }

    /// The token ends here (no `truex`, `12.5`, `1e3`).
    fn number_ends(&self) -> bool {
        !matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || c == b'.' || c == b'-' || c == b'+')
    }

    /// A non-negative JSON integer (no sign, fraction, exponent or leading zero) in `min..=max`.
    fn int(&mut self, min: i64, max: i64) -> Option<i64> {
        self.ws();
        let rest = self.text.as_bytes().get(self.at..)?;
        let len = rest.iter().take_while(|c| c.is_ascii_digit()).count();
        if len == 0 || len > 16 || (len > 1 && rest.first() == Some(&b'0')) {
            return None;
        }
        let n = rest
            .get(..len)?
            .iter()
            .fold(0i64, |n, &c| n * 10 + i64::from(c - b'0'));
        self.at += len;
        (self.number_ends() && (min..=max).contains(&n)).then_some(n)
    }

    fn items(&mut self) -> Option<Vec<OrderItem>> {
        let mut out = Vec::with_capacity(4);
        self.eat(b'[')?;
        self.ws();
        if self.peek()? == b']' {
            self.at += 1;
            return Some(out);
        }
        loop {
            self.open(b'{')?;
            let (mut id, mut quantity, mut minutes) = (None, None, None);
            let mut seen = [false; 2];
            loop {
                let key = self.key()?;
                let null = self.null();
                let (slot, at) = match key {
                    "itemId" if id.is_none() && !null => {
                        id = Some(self.id()?);
                        (None, 0)
                    }
                    "quantity" => (Some(&mut quantity), 0),
                    "minutes" => (Some(&mut minutes), 1),
                    _ => return None,
                };
                if let Some(slot) = slot {
                    // Each at most once; `null` is the same as absent (as in the path reader).
                    if seen.get(at) != Some(&false) {
                        return None;
                    }
                    if let Some(s) = seen.get_mut(at) {
                        *s = true;
                    }
                    if !null {
                        *slot = Some(self.int(1, MAX_QUANTITY)?);
                    }
                }
                if self.close(b'}')? {
                    break;
                }
            }
            let measure = match (quantity, minutes) {
                (Some(q), None) => Measure::Quantity(q),
                (None, Some(m)) => Measure::Minutes(m),
                _ => return None,
            };
            out.push(OrderItem {
                item_id: id?.to_owned(),
                measure,
            });
            if self.close(b']')? {
                return Some(out);
            }
        }
    }

    fn consumables(&mut self) -> Option<Vec<OrderConsumable>> {
        let mut out = Vec::new();
        self.eat(b'[')?;
        self.ws();
        if self.peek()? == b']' {
            self.at += 1;
            return Some(out);
        }
        loop {
            self.open(b'{')?;
            let (mut id, mut quantity) = (None, None);
            loop {
                match self.key()? {
                    "id" if id.is_none() => id = Some(self.id()?),
                    "quantity" if quantity.is_none() => quantity = Some(self.int(1, MAX_QUANTITY)?),
                    _ => return None,
                }
                if self.close(b'}')? {
                    break;
                }
            }
            out.push(OrderConsumable {
                id: id?.to_owned(),
                quantity: quantity?,
            });
            if self.close(b']')? {
                return Some(out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn slow(text: &str) -> Result<Order, Vec<Problem>> {
        read_order(&crate::json::parse(text, "")?, "")
    }

    fn values() -> impl Strategy<Value = Value> {
        prop::sample::select(vec![
            json!(null),
            json!(0),
            json!(1),
            json!(-1),
            json!(12.5),
            json!(1.0),
            json!("1"),
            json!(""),
            json!("wound"),
            json!("deposit"),
            json!("full"),
            json!("2026-12-01T09:00"),
            json!("2026-02-30T09:00"),
            json!(true),
            json!([]),
            json!({}),
            json!(9_007_199_254_740_991_i64),
            json!(9_007_199_254_740_992_u64),
            json!([{"itemId": "wound", "quantity": 2}]),
            json!([{"itemId": "rehab", "minutes": 45, "quantity": null}]),
            json!([{"itemId": "wound", "quantity": 1, "minutes": 30}]),
            json!([{"id": "kit", "quantity": 3}]),
            json!([{"id": "kit", "quantity": 3, "extra": 1}]),
            json!({"lat": 22.5, "lng": 113.4}),
            json!({"lat": 22, "lng": 113}),
            json!({"lat": 95.0, "lng": 113.4}),
            json!({"lat": 22.5, "lng": 113.4, "alt": 1}),
            json!("带\"转义\"的文字"),
        ])
    }

    proptest! {
        #[test]
        fn fast_reader_agrees_with_the_path_reader(
            edits in prop::collection::vec((
                prop::sample::select(vec![
                    "items", "consumables", "distanceMetres", "from", "to", "appointmentStart",
                    "bookedAt", "newUser", "couponId", "points", "packageId", "paymentPlan", "other",
                ]),
                values(),
            ), 0..4),
        ) {
            let mut order = json!({
                "items": [{"itemId": "wound", "quantity": 1}],
                "distanceMetres": 2500,
                "appointmentStart": "2026-12-01T09:00",
                "bookedAt": "2026-11-30T20:00",
            });
            for (key, value) in edits {
                order[key] = value;
            }
            let text = order.to_string();
            if let Some(fast) = read_order_fast(&text) {
                prop_assert_eq!(slow(&text), Ok(fast));
            }
        }
    }

    #[test]
    fn fast_reader_takes_the_common_shapes() {
        let text = r#"{"items":[{"itemId":"wound","quantity":1},{"itemId":"rehab","minutes":90,
            "quantity":null}], "consumables":[{"id":"kit","quantity":2}],"distanceMetres":5200,
            "appointmentStart":"2026-12-01T09:00", "bookedAt" : "2026-11-30T20:00","newUser":true,
            "couponId":"NEW20","points":100,"packageId":null,"paymentPlan":"deposit"}"#;
        let fast = read_order_fast(text).unwrap();
        assert_eq!(fast.coupon_id.as_deref(), Some("NEW20"));
        assert_eq!(fast.items[1].measure, Measure::Minutes(90));
        assert_eq!(slow(text), Ok(fast));
        // Escapes and coordinates are left to the path reader, which reads them the same way.
        let escaped = text.replace("NEW20", "NEW\\u0032\\u0030");
        assert!(read_order_fast(&escaped).is_none());
        assert_eq!(Order::from_json(&escaped), slow(text));
        let geo = text.replace(
            r#""distanceMetres":5200"#,
            r#""from":{"lat":22.52,"lng":113.39},"to":{"lat":22.52,"lng":113.44}"#,
        );
        assert!(read_order_fast(&geo).is_none());
        assert!(Order::from_json(&geo).is_ok());
        for bad in [
            r#"{"items":[],"distanceMetres":1.5}"#,
            r#"{"items":[{"itemId":"a","quantity":01}],"distanceMetres":1,"appointmentStart":"2026-12-01T09:00","bookedAt":"2026-11-30T20:00"}"#,
            r#"{"items":[{"itemId":"a","quantity":1}],"distanceMetres":-0,"appointmentStart":"2026-12-01T09:00","bookedAt":"2026-11-30T20:00"}"#,
            r#"{"items":[{"itemId":"a","quantity":1}],"distanceMetres":1,"appointmentStart":"2026-12-01T09:00","bookedAt":"2026-11-30T20:00"} x"#,
            r#"{"items":[{"itemId":"a","quantity":1}],"items":[],"distanceMetres":1,"appointmentStart":"2026-12-01T09:00","bookedAt":"2026-11-30T20:00"}"#,
            r#"{"items":[{"itemId":"a","quantity":1}],"distanceMetres":1,"appointmentStart":"2026-12-01T09:00","bookedAt":"2026-11-30T20:00","newUser":truex}"#,
        ] {
            assert!(read_order_fast(bad).is_none(), "{bad}");
        }
    }

    proptest! {
        /// Any corruption of a valid order text: when the scanner accepts it, the path reader
        /// reads the same order.
        #[test]
        fn fast_reader_agrees_on_corrupted_text(
            at in 0usize..400,
            cut in 0usize..3,
            byte in prop::sample::select(b" \",:{}[]0159-.eatnul\"x".to_vec()),
        ) {
            let text = r#"{"items":[{"itemId":"wound","quantity":1},{"itemId":"rehab","minutes":90}],"consumables":[{"id":"kit","quantity":2}],"distanceMetres":5200,"appointmentStart":"2026-12-01T09:00","bookedAt":"2026-11-30T20:00","newUser":true,"couponId":"NEW20","points":100,"packageId":null,"paymentPlan":"deposit"}"#;
            let mut b = text.as_bytes().to_vec();
            let at = at % b.len();
            b.splice(at..(at + cut).min(b.len()), [byte]);
            if let Ok(t) = String::from_utf8(b) {
                if let Some(fast) = read_order_fast(&t) {
                    prop_assert_eq!(slow(&t), Ok(fast));
                }
            }
        }
    }
}
