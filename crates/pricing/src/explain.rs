//! Human explanations on quote lines, discounts and refunds, in zh-CN or en.
//!
//! Pushed piece by piece into one pre-sized `String` per line, without `core::fmt`: a quote
//! runs on every tap.

use core::fmt::Write as _;

use homecare_core::Locale;

use crate::config::{Charge, Unit};
use crate::format::{push_i64, push_km, push_percent, push_yuan};

fn zh(locale: Locale) -> bool {
    locale == Locale::ZhCn
}

pub(crate) fn service(
    l: Locale,
    name: &str,
    unit: Unit,
    minutes: Option<i64>,
    units: i64,
    price: i64,
    amount: i64,
) -> String {
    let mut s = String::with_capacity(64);
    s.push_str(name);
    s.push_str(if zh(l) { "：" } else { ": " });
    if unit == Unit::Per30Minutes {
        push_i64(&mut s, minutes.unwrap_or(0));
        s.push_str(if zh(l) {
            " 分钟，按 "
        } else {
            " min, charged as "
        });
    }
    push_i64(&mut s, units);
    s.push_str(match (unit, zh(l)) {
        (Unit::PerVisit, true) => " 次 × ",
        (Unit::PerVisit, false) => " visit(s) × ",
        (Unit::PerPiece, true) => " 件 × ",
        (Unit::PerPiece, false) => " piece(s) × ",
        (Unit::Per30Minutes, true) => " 个半小时计 × ",
        (Unit::Per30Minutes, false) => " half-hour(s) × ",
    });
    push_yuan(&mut s, price);
    s.push_str(" = ");
    push_yuan(&mut s, amount);
    s
}

pub(crate) fn consumable(l: Locale, name: &str, qty: i64, price: i64, amount: i64) -> String {
    let mut s = String::with_capacity(48);
    s.push_str(name);
    s.push_str(if zh(l) { "：" } else { ": " });
    push_i64(&mut s, qty);
    s.push_str(if zh(l) { " 件 × " } else { " piece(s) × " });
    push_yuan(&mut s, price);
    s.push_str(" = ");
    push_yuan(&mut s, amount);
    s
}

pub(crate) fn transport_name(l: Locale) -> &'static str {
    if zh(l) {
        "交通费"
    } else {
        "Transport fee"
    }
}

/// `交通费：直线距离 5.2 公里，¥200.00` (plus the per-km rule when there is one).
pub(crate) fn transport(
    l: Locale,
    metres: i64,
    straight: bool,
    fee: i64,
    free: bool,
    per_km: Option<(i64, i64, i64, Option<i64>)>,
) -> String {
    let mut s = String::with_capacity(96);
    s.push_str(transport_name(l));
    s.push_str(if zh(l) { "：" } else { ": " });
    if straight && zh(l) {
        s.push_str("直线距离 ");
    }
    push_km(&mut s, metres);
    s.push_str(if zh(l) { " 公里" } else { " km" });
    if straight && !zh(l) {
        s.push_str(" (straight line)");
    }
    s.push_str(if zh(l) { "，" } else { ", " });
    if free {
        s.push_str(if zh(l) { "免费" } else { "free" });
        return s;
    }
    push_yuan(&mut s, fee);
    if let Some((base, included, per_km, cap)) = per_km {
        s.push_str(if zh(l) { "（起步价 " } else { " (base " });
        push_yuan(&mut s, base);
        s.push_str(if zh(l) { " 含 " } else { " covers " });
        push_km(&mut s, included);
        s.push_str(if zh(l) {
            " 公里，之后每公里 "
        } else {
            " km, then per started km "
        });
        push_yuan(&mut s, per_km);
        if zh(l) {
            s.push_str("，不足 1 公里按 1 公里计");
        }
        if let Some(cap) = cap {
            s.push_str(if zh(l) { "，封顶 " } else { ", capped at " });
            push_yuan(&mut s, cap);
        }
        s.push_str(if zh(l) { "）" } else { ")" });
    }
    s
}

pub(crate) fn surcharge_name(l: Locale, which: &str) -> &'static str {
    match (which, zh(l)) {
        ("night", true) => "夜间服务费",
        ("night", false) => "Night surcharge",
        ("holiday", true) => "节假日服务费",
        ("holiday", false) => "Holiday surcharge",
        (_, true) => "加急费",
        (_, false) => "Urgent surcharge",
    }
}

pub(crate) fn surcharge(l: Locale, name: &str, charge: Charge, base: i64, amount: i64) -> String {
    let mut s = String::with_capacity(64);
    s.push_str(name);
    s.push_str(if zh(l) { "：" } else { ": " });
    if let Charge::RateBp(bp) = charge {
        s.push_str(if zh(l) { "服务费 " } else { "services " });
        push_yuan(&mut s, base);
        s.push_str(" × ");
        push_percent(&mut s, bp);
        s.push_str(" = ");
    }
    push_yuan(&mut s, amount);
    s
}

pub(crate) fn coupon(l: Locale, name: &str, amount: i64) -> String {
    let mut s = String::with_capacity(48);
    s.push_str(if zh(l) { "优惠券「" } else { "Coupon \"" });
    s.push_str(name);
    s.push_str(if zh(l) { "」：-" } else { "\": -" });
    push_yuan(&mut s, amount);
    s
}

pub(crate) fn points_name(l: Locale) -> &'static str {
    if zh(l) {
        "积分抵扣"
    } else {
        "Points"
    }
}

pub(crate) fn points(l: Locale, points: i64, amount: i64) -> String {
    let mut s = String::with_capacity(48);
    s.push_str(if zh(l) { "积分抵扣：" } else { "Points: " });
    push_i64(&mut s, points);
    s.push_str(if zh(l) { " 积分，-" } else { " points, -" });
    push_yuan(&mut s, amount);
    s
}

pub(crate) fn package(l: Locale, name: &str, visits: i64, price: i64, saving: i64) -> String {
    let mut s = String::with_capacity(64);
    let _ = if zh(l) {
        write!(s, "套餐「{name}」：{visits} 次共 ")
    } else {
        write!(s, "Package \"{name}\": {visits} visits for ")
    };
    push_yuan(&mut s, price);
    s.push_str(if zh(l) { "，省 " } else { ", saves " });
    push_yuan(&mut s, saving);
    s
}

pub(crate) fn insurance_note(l: Locale) -> &'static str {
    if zh(l) {
        "医保报销为预估金额，以医保结算为准；交通费、加价和目录外耗材需自费。"
    } else {
        "Insurance figures are an estimate; the insurer's settlement decides. Transport, surcharges and non-catalogue consumables are self-pay."
    }
}
