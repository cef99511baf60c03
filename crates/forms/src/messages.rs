//! The message catalog: code → template per locale.
//!
//! Templates name their parameters in braces (`{expected}`); a parameter the caller did not
//! supply is left visible rather than silently dropped, so a missing param shows up in review.
//! zh-CN text is written for an elderly reader: short, concrete, and says what to do.

use crate::Locale;

/// (code, zh-CN, en), sorted by code so lookup is a binary search (checked by a test).
const CATALOG: &[(&str, &str, &str)] = &[
    (
        "arg.invalid_type",
        "程序调用出错：这里需要{expected}。",
        "Expected a {expected} here.",
    ),
    (
        "arg.invalid_value",
        "程序调用出错：{name} 的取值不正确。",
        "The value of {name} is not valid.",
    ),
    (
        "entropy.unavailable",
        "暂时无法生成安全随机数，请稍后再试。",
        "No secure randomness is available right now; try again shortly.",
    ),
    (
        "internal.conversion",
        "数据转换出错，请重试。",
        "A value could not be converted.",
    ),
    (
        "selftest.sample_error",
        "这是自检用的示例错误：{field} 应为 {digits} 位数字。",
        "Sample error for the self-test: {field} should have {digits} digits.",
    ),
];

/// Every code the catalog knows, in order. Used by the completeness test of each crate.
pub fn catalog_codes() -> impl Iterator<Item = &'static str> {
    CATALOG.iter().map(|(code, _, _)| *code)
}

/// Renders the message for `code` in `locale`, substituting `{name}` parameters.
///
/// An unknown code renders as the code itself, so a new rule without a message is visible
/// instead of blank.
///
/// ```
/// use homecare_forms::{render_message, Locale};
/// let zh = render_message("arg.invalid_type", &[("expected", "字符串")], Locale::ZhCn);
/// assert_eq!(zh, "程序调用出错：这里需要字符串。");
/// assert_eq!(render_message("no.such_code", &[], Locale::En), "no.such_code");
/// ```
pub fn render_message(code: &str, params: &[(&str, &str)], locale: Locale) -> String {
    let Ok(at) = CATALOG.binary_search_by(|(c, _, _)| (*c).cmp(code)) else {
        return code.to_owned();
    };
    let Some((_, zh, en)) = CATALOG.get(at) else {
        return code.to_owned();
    };
    let template = match locale {
        Locale::ZhCn => zh,
        Locale::En => en,
    };
    substitute(template, params)
}

fn substitute(template: &str, params: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after_open) = rest.split_at(open);
        out.push_str(before);
        let after_brace = after_open.get(1..).unwrap_or("");
        match after_brace.find('}') {
            Some(close) => {
                let (name, tail) = after_brace.split_at(close);
                match params.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = tail.get(1..).unwrap_or("");
            }
            None => {
                out.push_str(after_open);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_is_sorted_and_unique() {
        let codes: Vec<_> = catalog_codes().collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
    }

    #[test]
    fn every_entry_has_both_locales_and_same_params() {
        for (code, zh, en) in CATALOG {
            assert!(!zh.is_empty() && !en.is_empty(), "{code}");
            assert_eq!(param_names(zh), param_names(en), "{code}");
        }
    }

    fn param_names(t: &str) -> Vec<String> {
        let mut names: Vec<String> = t
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(n, _)| n.to_owned()))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn missing_param_stays_visible_and_unclosed_brace_is_kept() {
        assert_eq!(
            render_message("arg.invalid_type", &[], Locale::En),
            "Expected a {expected} here."
        );
        assert_eq!(substitute("a {b", &[("b", "x")]), "a {b");
        assert_eq!(substitute("{a}{b}", &[("a", "1"), ("b", "2")]), "12");
    }
}
