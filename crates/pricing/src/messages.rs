//! Messages for every code this crate emits, zh-CN (for elderly readers) and en.

/// The stable codes, one constant each; [`codes::ALL`] lists them all.
pub mod codes {
    /// `pricing.allocation.invalid`
    pub const ALLOCATION_INVALID: &str = "pricing.allocation.invalid";
    /// `pricing.config.duplicate_id`
    pub const CONFIG_DUPLICATE_ID: &str = "pricing.config.duplicate_id";
    /// `pricing.config.empty_list`
    pub const CONFIG_EMPTY_LIST: &str = "pricing.config.empty_list";
    /// `pricing.config.empty_window`
    pub const CONFIG_EMPTY_WINDOW: &str = "pricing.config.empty_window";
    /// `pricing.config.one_of`
    pub const CONFIG_ONE_OF: &str = "pricing.config.one_of";
    /// `pricing.config.package_not_cheaper`
    pub const CONFIG_PACKAGE_NOT_CHEAPER: &str = "pricing.config.package_not_cheaper";
    /// `pricing.config.package_not_per_visit`
    pub const CONFIG_PACKAGE_NOT_PER_VISIT: &str = "pricing.config.package_not_per_visit";
    /// `pricing.config.refund_tiers_order`
    pub const CONFIG_REFUND_TIERS_ORDER: &str = "pricing.config.refund_tiers_order";
    /// `pricing.config.tier_fee_decreasing`
    pub const CONFIG_TIER_FEE_DECREASING: &str = "pricing.config.tier_fee_decreasing";
    /// `pricing.config.tiers_not_increasing`
    pub const CONFIG_TIERS_NOT_INCREASING: &str = "pricing.config.tiers_not_increasing";
    /// `pricing.config.unbounded_tier_not_last`
    pub const CONFIG_UNBOUNDED_TIER_NOT_LAST: &str = "pricing.config.unbounded_tier_not_last";
    /// `pricing.config.unknown_item`
    pub const CONFIG_UNKNOWN_ITEM: &str = "pricing.config.unknown_item";
    /// `pricing.config.unsupported_version`
    pub const CONFIG_UNSUPPORTED_VERSION: &str = "pricing.config.unsupported_version";
    /// `pricing.config.window_reversed`
    pub const CONFIG_WINDOW_REVERSED: &str = "pricing.config.window_reversed";
    /// `pricing.coupon.expired`
    pub const COUPON_EXPIRED: &str = "pricing.coupon.expired";
    /// `pricing.coupon.new_user_only`
    pub const COUPON_NEW_USER_ONLY: &str = "pricing.coupon.new_user_only";
    /// `pricing.coupon.no_eligible_line`
    pub const COUPON_NO_ELIGIBLE_LINE: &str = "pricing.coupon.no_eligible_line";
    /// `pricing.coupon.not_yet_valid`
    pub const COUPON_NOT_YET_VALID: &str = "pricing.coupon.not_yet_valid";
    /// `pricing.coupon.threshold_not_met`
    pub const COUPON_THRESHOLD_NOT_MET: &str = "pricing.coupon.threshold_not_met";
    /// `pricing.coupon.unknown`
    pub const COUPON_UNKNOWN: &str = "pricing.coupon.unknown";
    /// `pricing.date.invalid`
    pub const DATE_INVALID: &str = "pricing.date.invalid";
    /// `pricing.geo.invalid`
    pub const GEO_INVALID: &str = "pricing.geo.invalid";
    /// `pricing.json.expected_array`
    pub const JSON_EXPECTED_ARRAY: &str = "pricing.json.expected_array";
    /// `pricing.json.expected_bool`
    pub const JSON_EXPECTED_BOOL: &str = "pricing.json.expected_bool";
    /// `pricing.json.expected_integer`
    pub const JSON_EXPECTED_INTEGER: &str = "pricing.json.expected_integer";
    /// `pricing.json.expected_number`
    pub const JSON_EXPECTED_NUMBER: &str = "pricing.json.expected_number";
    /// `pricing.json.expected_object`
    pub const JSON_EXPECTED_OBJECT: &str = "pricing.json.expected_object";
    /// `pricing.json.expected_string`
    pub const JSON_EXPECTED_STRING: &str = "pricing.json.expected_string";
    /// `pricing.json.invalid`
    pub const JSON_INVALID: &str = "pricing.json.invalid";
    /// `pricing.json.missing_field`
    pub const JSON_MISSING_FIELD: &str = "pricing.json.missing_field";
    /// `pricing.json.syntax`
    pub const JSON_SYNTAX: &str = "pricing.json.syntax";
    /// `pricing.json.unknown_field`
    pub const JSON_UNKNOWN_FIELD: &str = "pricing.json.unknown_field";
    /// `pricing.json.unknown_value`
    pub const JSON_UNKNOWN_VALUE: &str = "pricing.json.unknown_value";
    /// `pricing.json.unsafe_integer`
    pub const JSON_UNSAFE_INTEGER: &str = "pricing.json.unsafe_integer";
    /// `pricing.order.beyond_service_area`
    pub const ORDER_BEYOND_SERVICE_AREA: &str = "pricing.order.beyond_service_area";
    /// `pricing.order.booked_after_start`
    pub const ORDER_BOOKED_AFTER_START: &str = "pricing.order.booked_after_start";
    /// `pricing.order.no_items`
    pub const ORDER_NO_ITEMS: &str = "pricing.order.no_items";
    /// `pricing.order.unknown_consumable`
    pub const ORDER_UNKNOWN_CONSUMABLE: &str = "pricing.order.unknown_consumable";
    /// `pricing.order.unknown_item`
    pub const ORDER_UNKNOWN_ITEM: &str = "pricing.order.unknown_item";
    /// `pricing.order.wrong_measure`
    pub const ORDER_WRONG_MEASURE: &str = "pricing.order.wrong_measure";
    /// `pricing.overflow`
    pub const OVERFLOW: &str = "pricing.overflow";
    /// `pricing.package.no_matching_line`
    pub const PACKAGE_NO_MATCHING_LINE: &str = "pricing.package.no_matching_line";
    /// `pricing.package.unknown`
    pub const PACKAGE_UNKNOWN: &str = "pricing.package.unknown";
    /// `pricing.payment.duplicate`
    pub const PAYMENT_DUPLICATE: &str = "pricing.payment.duplicate";
    /// `pricing.payment.exceeds_plan`
    pub const PAYMENT_EXCEEDS_PLAN: &str = "pricing.payment.exceeds_plan";
    /// `pricing.payment.kind_mismatch`
    pub const PAYMENT_KIND_MISMATCH: &str = "pricing.payment.kind_mismatch";
    /// `pricing.points.disabled`
    pub const POINTS_DISABLED: &str = "pricing.points.disabled";
    /// `pricing.points.over_limit`
    pub const POINTS_OVER_LIMIT: &str = "pricing.points.over_limit";
    /// `pricing.points.step`
    pub const POINTS_STEP: &str = "pricing.points.step";
    /// `pricing.quote.inconsistent`
    pub const QUOTE_INCONSISTENT: &str = "pricing.quote.inconsistent";
    /// `pricing.quote.invalid`
    pub const QUOTE_INVALID: &str = "pricing.quote.invalid";
    /// `pricing.refund.duplicate_line`
    pub const REFUND_DUPLICATE_LINE: &str = "pricing.refund.duplicate_line";
    /// `pricing.refund.exceeds_line`
    pub const REFUND_EXCEEDS_LINE: &str = "pricing.refund.exceeds_line";
    /// `pricing.refund.not_cancellable`
    pub const REFUND_NOT_CANCELLABLE: &str = "pricing.refund.not_cancellable";
    /// `pricing.refund.too_late`
    pub const REFUND_TOO_LATE: &str = "pricing.refund.too_late";
    /// `pricing.refund.unknown_line`
    pub const REFUND_UNKNOWN_LINE: &str = "pricing.refund.unknown_line";
    /// `pricing.settlement.mismatch`
    pub const SETTLEMENT_MISMATCH: &str = "pricing.settlement.mismatch";
    /// `pricing.time.invalid`
    pub const TIME_INVALID: &str = "pricing.time.invalid";
    /// `pricing.time_of_day.invalid`
    pub const TIME_OF_DAY_INVALID: &str = "pricing.time_of_day.invalid";
    /// `pricing.value.empty`
    pub const VALUE_EMPTY: &str = "pricing.value.empty";
    /// `pricing.value.negative`
    pub const VALUE_NEGATIVE: &str = "pricing.value.negative";
    /// `pricing.value.out_of_range`
    pub const VALUE_OUT_OF_RANGE: &str = "pricing.value.out_of_range";
    /// Every code, sorted.
    pub const ALL: &[&str] = &[
        ALLOCATION_INVALID,
        CONFIG_DUPLICATE_ID,
        CONFIG_EMPTY_LIST,
        CONFIG_EMPTY_WINDOW,
        CONFIG_ONE_OF,
        CONFIG_PACKAGE_NOT_CHEAPER,
        CONFIG_PACKAGE_NOT_PER_VISIT,
        CONFIG_REFUND_TIERS_ORDER,
        CONFIG_TIER_FEE_DECREASING,
        CONFIG_TIERS_NOT_INCREASING,
        CONFIG_UNBOUNDED_TIER_NOT_LAST,
        CONFIG_UNKNOWN_ITEM,
        CONFIG_UNSUPPORTED_VERSION,
        CONFIG_WINDOW_REVERSED,
        COUPON_EXPIRED,
        COUPON_NEW_USER_ONLY,
        COUPON_NO_ELIGIBLE_LINE,
        COUPON_NOT_YET_VALID,
        COUPON_THRESHOLD_NOT_MET,
        COUPON_UNKNOWN,
        DATE_INVALID,
        GEO_INVALID,
        JSON_EXPECTED_ARRAY,
        JSON_EXPECTED_BOOL,
        JSON_EXPECTED_INTEGER,
        JSON_EXPECTED_NUMBER,
        JSON_EXPECTED_OBJECT,
        JSON_EXPECTED_STRING,
        JSON_INVALID,
        JSON_MISSING_FIELD,
        JSON_SYNTAX,
        JSON_UNKNOWN_FIELD,
        JSON_UNKNOWN_VALUE,
        JSON_UNSAFE_INTEGER,
        ORDER_BEYOND_SERVICE_AREA,
        ORDER_BOOKED_AFTER_START,
        ORDER_NO_ITEMS,
        ORDER_UNKNOWN_CONSUMABLE,
        ORDER_UNKNOWN_ITEM,
        ORDER_WRONG_MEASURE,
        OVERFLOW,
        PACKAGE_NO_MATCHING_LINE,
        PACKAGE_UNKNOWN,
        PAYMENT_DUPLICATE,
        PAYMENT_EXCEEDS_PLAN,
        PAYMENT_KIND_MISMATCH,
        POINTS_DISABLED,
        POINTS_OVER_LIMIT,
        POINTS_STEP,
        QUOTE_INCONSISTENT,
        QUOTE_INVALID,
        REFUND_DUPLICATE_LINE,
        REFUND_EXCEEDS_LINE,
        REFUND_NOT_CANCELLABLE,
        REFUND_TOO_LATE,
        REFUND_UNKNOWN_LINE,
        SETTLEMENT_MISMATCH,
        TIME_INVALID,
        TIME_OF_DAY_INVALID,
        VALUE_EMPTY,
        VALUE_NEGATIVE,
        VALUE_OUT_OF_RANGE,
    ];
}

/// `(code, zh-CN, en)`, sorted by code.
pub const MESSAGES: homecare_core::MessageTable = &[
    (
        codes::ALLOCATION_INVALID,
        "价格分摊出错，请刷新后重试；如仍不行请联系客服。",
        "Internal allocation error: the amount to split does not fit the lines.",
    ),
    (
        codes::CONFIG_DUPLICATE_ID,
        "价目表中编号“{id}”重复，请联系客服更新价目表。",
        "Id \"{id}\" appears twice in the price list.",
    ),
    (
        codes::CONFIG_EMPTY_LIST,
        "价目表这一项不能为空，请联系客服更新价目表。",
        "This list must not be empty.",
    ),
    (
        codes::CONFIG_EMPTY_WINDOW,
        "夜间时段的开始和结束时间相同，请联系客服更新价目表。",
        "The night window starts and ends at the same time.",
    ),
    (
        codes::CONFIG_ONE_OF,
        "这里只能填写其中一项：{fields}。",
        "Give exactly one of: {fields}.",
    ),
    (
        codes::CONFIG_PACKAGE_NOT_CHEAPER,
        "套餐价不能高于单次价格之和（最多{max}），请联系客服更新价目表。",
        "The package price must not exceed the visits at the unit price ({max}).",
    ),
    (
        codes::CONFIG_PACKAGE_NOT_PER_VISIT,
        "套餐只能包含按次收费的项目，请联系客服更新价目表。",
        "A package must be of a per-visit item.",
    ),
    (
        codes::CONFIG_REFUND_TIERS_ORDER,
        "退款时段要按“提前时间”从多到少排列，请联系客服更新价目表。",
        "Refund tiers must have strictly decreasing minMinutesBefore.",
    ),
    (
        codes::CONFIG_TIER_FEE_DECREASING,
        "更远的距离收费不能更低，请联系客服更新价目表。",
        "A farther tier must not cost less than a nearer one.",
    ),
    (
        codes::CONFIG_TIERS_NOT_INCREASING,
        "距离档位要从近到远排列，请联系客服更新价目表。",
        "Distance tiers must have strictly increasing upToMetres.",
    ),
    (
        codes::CONFIG_UNBOUNDED_TIER_NOT_LAST,
        "不限距离的档位必须放在最后，请联系客服更新价目表。",
        "Only the last tier may have no upToMetres.",
    ),
    (
        codes::CONFIG_UNKNOWN_ITEM,
        "价目表里没有编号为“{id}”的服务项目，请联系客服更新价目表。",
        "No catalogue item has id \"{id}\".",
    ),
    (
        codes::CONFIG_UNSUPPORTED_VERSION,
        "价目表版本不对，本程序只支持第{supported}版，请更新小程序。",
        "Unsupported config version; this build reads version {supported}.",
    ),
    (
        codes::CONFIG_WINDOW_REVERSED,
        "有效期的结束时间早于开始时间，请联系客服更新价目表。",
        "The validity window ends before it starts.",
    ),
    (
        codes::COUPON_EXPIRED,
        "这张优惠券已于{until}过期，请换一张或不用优惠券。",
        "This coupon expired at {until}.",
    ),
    (
        codes::COUPON_NEW_USER_ONLY,
        "这张优惠券只限新用户第一次下单使用。",
        "This coupon is for new users only.",
    ),
    (
        codes::COUPON_NO_ELIGIBLE_LINE,
        "这张优惠券不能用于您选的服务项目，请换一张。",
        "This coupon does not cover any item of the order.",
    ),
    (
        codes::COUPON_NOT_YET_VALID,
        "这张优惠券要到{from}才能用，请到时再用。",
        "This coupon is valid from {from}.",
    ),
    (
        codes::COUPON_THRESHOLD_NOT_MET,
        "满{threshold}才能用这张优惠券，还差{short}。",
        "This coupon needs at least {threshold}; {short} short.",
    ),
    (
        codes::COUPON_UNKNOWN,
        "找不到这张优惠券（{id}），请重新选择。",
        "Unknown coupon \"{id}\".",
    ),
    (
        codes::DATE_INVALID,
        "日期格式不对，应写成“2026-10-01”这样。",
        "Expected a date YYYY-MM-DD.",
    ),
    (
        codes::GEO_INVALID,
        "地址位置有误，请在地图上重新选择地址。",
        "Invalid coordinates (lat −90…90, lng −180…180).",
    ),
    (
        codes::JSON_EXPECTED_ARRAY,
        "这里应是一个列表。",
        "Expected an array.",
    ),
    (
        codes::JSON_EXPECTED_BOOL,
        "这里应填“是”或“否”（true/false）。",
        "Expected true or false.",
    ),
    (
        codes::JSON_EXPECTED_INTEGER,
        "这里应是整数（金额以分为单位，不能有小数）。",
        "Expected a whole number (amounts are integer fen).",
    ),
    (
        codes::JSON_EXPECTED_NUMBER,
        "这里应是数字。",
        "Expected a number.",
    ),
    (
        codes::JSON_EXPECTED_OBJECT,
        "这里的数据格式不对，应是一个对象。",
        "Expected an object.",
    ),
    (
        codes::JSON_EXPECTED_STRING,
        "这里应是文字。",
        "Expected a string.",
    ),
    (
        codes::JSON_INVALID,
        "数据无法读取，请刷新后重试。",
        "The data could not be read.",
    ),
    (
        codes::JSON_MISSING_FIELD,
        "缺少必填的内容，请补全后再试。",
        "This field is required.",
    ),
    (
        codes::JSON_SYNTAX,
        "数据格式有误（第{line}行第{column}列），请刷新后重试。",
        "JSON syntax error at line {line}, column {column}.",
    ),
    (
        codes::JSON_UNKNOWN_FIELD,
        "有一项无法识别的内容，请检查拼写。",
        "Unknown field.",
    ),
    (
        codes::JSON_UNKNOWN_VALUE,
        "填写的选项不认识，只能是：{allowed}。",
        "Unknown value; allowed: {allowed}.",
    ),
    (
        codes::JSON_UNSAFE_INTEGER,
        "数字太大，最大只能是{max}。",
        "Number too large; at most {max} (JavaScript safe integer).",
    ),
    (
        codes::ORDER_BEYOND_SERVICE_AREA,
        "地址超出上门服务范围（最远{max}米），请换一个地址或联系客服。",
        "The address is beyond the service area (at most {max} m).",
    ),
    (
        codes::ORDER_BOOKED_AFTER_START,
        "预约时间已经过了，请重新选择上门时间。",
        "The appointment starts before the booking time.",
    ),
    (
        codes::ORDER_NO_ITEMS,
        "请至少选择一项服务。",
        "Choose at least one item.",
    ),
    (
        codes::ORDER_UNKNOWN_CONSUMABLE,
        "找不到所选耗材（{id}），请刷新后重新选择。",
        "Unknown consumable \"{id}\".",
    ),
    (
        codes::ORDER_UNKNOWN_ITEM,
        "找不到所选服务（{id}），请刷新后重新选择。",
        "Unknown item \"{id}\".",
    ),
    (
        codes::ORDER_WRONG_MEASURE,
        "这项服务的数量填写方式不对，应填写：{expected}。",
        "This item is counted by {expected}.",
    ),
    (
        codes::OVERFLOW,
        "金额太大，无法计算，请减少数量后再试。",
        "Amount too large to compute (overflow).",
    ),
    (
        codes::PACKAGE_NO_MATCHING_LINE,
        "使用套餐需要选择“{item}”正好{visits}次。",
        "The package needs item \"{item}\" with exactly {visits} visits.",
    ),
    (
        codes::PACKAGE_UNKNOWN,
        "找不到这个套餐（{id}），请重新选择。",
        "Unknown package \"{id}\".",
    ),
    (
        codes::PAYMENT_DUPLICATE,
        "同一笔付款出现了两次，请联系客服核对。",
        "The same payment is listed twice.",
    ),
    (
        codes::PAYMENT_EXCEEDS_PLAN,
        "付款金额超过应付的{max}，请联系客服核对。",
        "Payment exceeds its part of the plan ({max}).",
    ),
    (
        codes::PAYMENT_KIND_MISMATCH,
        "付款方式与订单的付款计划不一致，请联系客服核对。",
        "Payment kind does not match the quote's payment plan.",
    ),
    (
        codes::POINTS_DISABLED,
        "本单不能使用积分抵扣。",
        "Points cannot be used.",
    ),
    (
        codes::POINTS_OVER_LIMIT,
        "本单最多可用{max}积分，请减少积分。",
        "At most {max} points can be used on this order.",
    ),
    (
        codes::POINTS_STEP,
        "积分要按{step}的整数倍使用，请调整。",
        "Points must be a multiple of {step}.",
    ),
    (
        codes::QUOTE_INCONSISTENT,
        "订单金额对不上（{field}），请刷新后重试。",
        "The quote's amounts do not add up ({field}).",
    ),
    (
        codes::QUOTE_INVALID,
        "订单数据无法读取，请刷新后重试。（{detail}）",
        "The quote could not be read: {detail}.",
    ),
    (
        codes::REFUND_DUPLICATE_LINE,
        "同一项目只能退一次，请去掉重复的项目。",
        "The same line is listed twice.",
    ),
    (
        codes::REFUND_EXCEEDS_LINE,
        "这一项最多可退{max}。",
        "At most {max} can be refunded for this line.",
    ),
    (
        codes::REFUND_NOT_CANCELLABLE,
        "订单现在的状态不能取消，如需帮助请联系客服。",
        "The order cannot be cancelled in its current status.",
    ),
    (
        codes::REFUND_TOO_LATE,
        "已超过可取消的时间，如需帮助请联系客服。",
        "Too late to cancel under the policy.",
    ),
    (
        codes::REFUND_UNKNOWN_LINE,
        "订单里没有这一项（共{count}项），请重新选择。",
        "No such line (the quote has {count} lines).",
    ),
    (
        codes::SETTLEMENT_MISMATCH,
        "医保结算金额合计{sum}，与订单应付{payable}不一致，请联系客服核对。",
        "Settlement parts sum to {sum}, but the payable amount is {payable}.",
    ),
    (
        codes::TIME_INVALID,
        "时间格式不对，应写成“2026-12-01T09:30”这样。",
        "Expected a time YYYY-MM-DDTHH:MM (China local time).",
    ),
    (
        codes::TIME_OF_DAY_INVALID,
        "钟点格式不对，应写成“22:00”这样。",
        "Expected a time of day HH:MM.",
    ),
    (codes::VALUE_EMPTY, "这里不能为空。", "Must not be empty."),
    (
        codes::VALUE_NEGATIVE,
        "这里不能是负数。",
        "Must not be negative.",
    ),
    (
        codes::VALUE_OUT_OF_RANGE,
        "数值应在{min}到{max}之间。",
        "Must be between {min} and {max}.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_messages_and_the_table_is_well_formed() {
        assert_eq!(homecare_core::catalog_check(MESSAGES), Ok(()));
        assert_eq!(codes::ALL.len(), MESSAGES.len());
        for code in codes::ALL {
            assert!(MESSAGES.iter().any(|(c, _, _)| c == code), "{code}");
            assert!(code.starts_with("pricing."), "{code}");
        }
    }

    #[test]
    fn every_code_used_in_the_source_is_listed() {
        // Codes are only ever referenced through `codes::NAME`; a new constant without a
        // message fails the test above, and a string literal code would bypass it, so the
        // sources must not spell codes out.
        for src in [
            include_str!("engine.rs"),
            include_str!("refund.rs"),
            include_str!("settlement.rs"),
            include_str!("validate.rs"),
            include_str!("json.rs"),
            include_str!("order.rs"),
            include_str!("config_json.rs"),
        ] {
            let production = src.split("#[cfg(test)]").next().unwrap_or("");
            for line in production
                .lines()
                .filter(|l| !l.trim_start().starts_with("///"))
            {
                assert!(!line.contains("\"pricing."), "literal code in: {line}");
            }
        }
    }
}
