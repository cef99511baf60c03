//! Messages of the codes this crate emits, and the catalog over every crate's table.

use homecare_core::{Catalog, MessageTable};

/// `(code, zh-CN, en)`, sorted by code.
pub const MESSAGES: MessageTable = &[
    (
        "arg.invalid_type",
        "程序调用出错：{name} 需要{expected}。",
        "Expected {name} to be of type {expected}.",
    ),
    (
        "arg.invalid_value",
        "程序调用出错：{name} 的取值不正确。",
        "The value of {name} is not valid.",
    ),
    (
        "crypto.key_freed",
        "程序调用出错：这把加密钥匙已经释放，不能再用。",
        "The AeadKey was freed with free() and cannot be used again.",
    ),
    (
        "entropy.unavailable",
        "暂时无法生成安全随机数，请稍后再试。",
        "No secure randomness is available right now; try again shortly.",
    ),
    (
        "internal.conversion",
        "数据转换出错，请重试；如果一直出现，请联系客服。",
        "A value could not be converted between JavaScript and the core.",
    ),
    (
        "selftest.sample_error",
        "这是自检用的示例错误：{field} 应为 {digits} 位数字。",
        "Sample error for the self-test: {field} should have {digits} digits.",
    ),
];

/// Every crate's table; the first that knows a code wins.
#[cfg(not(feature = "drafts"))]
const TABLES: &[MessageTable] = &[
    MESSAGES,
    homecare_identity::MESSAGES,
    homecare_crypto::MESSAGES,
];
/// With the `drafts` feature: also the drafts crate's codes and those of its JS layer.
#[cfg(feature = "drafts")]
const TABLES: &[MessageTable] = &[
    MESSAGES,
    homecare_identity::MESSAGES,
    homecare_crypto::MESSAGES,
    homecare_drafts::messages::MESSAGES,
    crate::drafts::MESSAGES,
];

/// The catalog the exports render messages from.
pub fn catalog() -> Catalog<'static> {
    Catalog::new(TABLES)
}

#[cfg(test)]
mod tests {
    #[test]
    fn table_is_well_formed() {
        assert_eq!(homecare_core::catalog_check(super::MESSAGES), Ok(()));
    }
}
