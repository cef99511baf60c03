//! Messages of the codes this crate emits, the catalog over every crate's table, and the app's
//! overrides (`setMessages`). Every export renders through [`render`], so an override applies
//! to the messages of every export, in one place.

use homecare_core::{Catalog, Locale, MessageTable, Problem};
use homecare_forms::MessageOverrides;
use std::cell::{Cell, RefCell};

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
        "internal.busy",
        "正在处理上一个请求，请稍后再试。",
        "The core is busy with another call; try again.",
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
    homecare_forms::MESSAGES,
    homecare_crypto::MESSAGES,
    homecare_pricing::MESSAGES,
    homecare_drafts::messages::MESSAGES,
];
/// With the `drafts` feature: also the codes of its JS layer.
#[cfg(feature = "drafts")]
const TABLES: &[MessageTable] = &[
    MESSAGES,
    homecare_identity::MESSAGES,
    homecare_forms::MESSAGES,
    homecare_crypto::MESSAGES,
    homecare_pricing::MESSAGES,
    homecare_drafts::messages::MESSAGES,
    crate::drafts::MESSAGES,
];

/// The catalog the exports render messages from.
pub fn catalog() -> Catalog<'static> {
    Catalog::new(TABLES)
}

thread_local! {
    /// The app's rewording (`setMessages`), consulted before the catalog.
    static OVERRIDES: RefCell<MessageOverrides> = RefCell::new(MessageOverrides::new());
    /// Bumped on every change of the overrides, so glue that caches rendered messages
    /// (identity's problem cache) knows when to drop them.
    static GENERATION: Cell<i32> = const { Cell::new(0) };
}

/// Changes whenever [`set_overrides`] changes a message.
pub fn generation() -> i32 {
    GENERATION.with(Cell::get)
}

/// The message of `problem` in `locale`: the app's override if it set one, else the catalog's.
pub fn render(problem: &Problem, locale: Locale) -> String {
    let catalog = catalog();
    OVERRIDES.with(|o| match o.try_borrow() {
        Ok(o) => o.render(&catalog, problem, locale),
        // Only reachable if rendering re-entered itself; the catalog text is still right.
        Err(_) => catalog.render(problem, locale),
    })
}

/// Replaces the overrides of `locale` with `entries` (`code → template`), each checked
/// against the catalog (the code exists, the template names the same `{params}`). On any
/// problem nothing changes and every problem is returned, with the code as its path.
pub fn set_overrides(locale: Locale, entries: &[(String, String)]) -> Result<(), Vec<Problem>> {
    let catalog = catalog();
    OVERRIDES.with(|o| {
        let Ok(mut current) = o.try_borrow_mut() else {
            return Err(vec![Problem::new("", "internal.busy")]);
        };
        let mut next = current.clone();
        next.clear(locale);
        let errors: Vec<Problem> = entries
            .iter()
            .filter_map(|(code, t)| {
                next.insert(locale, code, t, &catalog)
                    .err()
                    .map(|p| p.at(code))
            })
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        *current = next;
        GENERATION.with(|g| g.set(g.get().wrapping_add(1)));
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_well_formed() {
        assert_eq!(homecare_core::catalog_check(super::MESSAGES), Ok(()));
        for table in TABLES {
            assert_eq!(homecare_core::catalog_check(table), Ok(()));
        }
    }

    /// Every code any crate can emit, from each crate's own list, renders in both locales
    /// (not the bare code, no `{placeholder}` left unnamed).
    #[test]
    fn every_code_of_every_crate_has_both_messages() {
        let mut codes: Vec<&str> = Vec::new();
        codes.extend(MESSAGES.iter().map(|(c, _, _)| *c));
        codes.extend(homecare_identity::codes::ALL.iter().copied());
        codes.extend(homecare_crypto::CryptoError::ALL.iter().map(|e| e.code()));
        codes.extend(homecare_pricing::messages::codes::ALL.iter().copied());
        // The forms crate's own test proves its table is exactly the codes it emits.
        codes.extend(homecare_forms::MESSAGES.iter().map(|(c, _, _)| *c));
        assert!(codes.len() > 150, "{}", codes.len());
        let catalog = catalog();
        for code in codes {
            for locale in [Locale::ZhCn, Locale::En] {
                let t = catalog.template(code, locale);
                assert!(t.is_some_and(|t| !t.trim().is_empty()), "{code} {locale:?}");
            }
        }
    }

    #[test]
    fn overrides_apply_to_every_render_and_are_checked() {
        let p = Problem::new("", "arg.invalid_value").text("name", "x");
        let before = render(&p, Locale::En);
        let bad = [("arg.invalid_value".to_owned(), "no params".to_owned())];
        assert_eq!(
            set_overrides(Locale::En, &bad).unwrap_err()[0].code,
            "override.params_mismatch"
        );
        assert_eq!(render(&p, Locale::En), before);
        let good = [("arg.invalid_value".to_owned(), "Bad {name}!".to_owned())];
        set_overrides(Locale::En, &good).unwrap();
        assert_eq!(render(&p, Locale::En), "Bad x!");
        let id = Problem::new("", "id.checksum_mismatch").text("expected", "X");
        let zh = [(
            "id.checksum_mismatch".to_owned(),
            "最后一位应是{expected}".to_owned(),
        )];
        set_overrides(Locale::ZhCn, &zh).unwrap();
        assert_eq!(render(&id, Locale::ZhCn), "最后一位应是X");
        set_overrides(Locale::En, &[]).unwrap();
        assert_eq!(render(&p, Locale::En), before);
        assert_eq!(render(&id, Locale::ZhCn), "最后一位应是X");
    }
}
