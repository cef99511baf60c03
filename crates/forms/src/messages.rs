//! Messages for every code this crate emits, zh-CN (for an elderly reader: short, concrete,
//! says what to do) and en. Field messages take `{label}` — the field's label from the schema,
//! e.g. 紧急联系人2的手机号 — so the sentence names the exact box to fix.
//!
//! `schema.*`, `options.*`, `override.*` and `form.*` are for developers and integrators, but
//! still say what to do, because they can surface when a stale app meets a newer backend.

use homecare_core::MessageTable;

/// `(code, zh-CN, en)`, sorted by code.
pub const MESSAGES: MessageTable = &[
    (
        "array.duplicate",
        "{label}和第{first}项重复了，请换一个。",
        "{label} repeats entry {first}; please change it.",
    ),
    (
        "array.too_few",
        "{label}至少要填{min}项，请再添加。",
        "{label} needs at least {min} entries; please add more.",
    ),
    (
        "array.too_many",
        "{label}最多{max}项，请删掉多余的。",
        "{label} can have at most {max} entries; please remove some.",
    ),
    (
        "booking.too_far",
        "{label}太远了，最晚只能约到{latest}，请换个日期。",
        "{label} is too far ahead; the latest day you can book is {latest}.",
    ),
    (
        "booking.too_soon",
        "{label}太近了，最早只能约{earliest}，请换个时间。",
        "{label} is too soon; the earliest you can book is {earliest}.",
    ),
    (
        "compare.before",
        "{label}不能早于{other}，请重新选择。",
        "{label} cannot be earlier than {other}; please choose again.",
    ),
    (
        "compare.less",
        "{label}不能小于{other}，请核对。",
        "{label} cannot be less than {other}; please check.",
    ),
    (
        "compare.not_after",
        "{label}应晚于{other}，请重新选择。",
        "{label} must be later than {other}; please choose again.",
    ),
    (
        "compare.not_greater",
        "{label}应大于{other}，请核对。",
        "{label} must be greater than {other}; please check.",
    ),
    (
        "compare.same",
        "{label}不能和{other}一样，请换一个。",
        "{label} cannot be the same as {other}; please change it.",
    ),
    (
        "date.in_future",
        "{label}不能晚于今天，请重新选择。",
        "{label} cannot be later than today; please choose again.",
    ),
    (
        "date.in_past",
        "{label}不能早于今天，请重新选择。",
        "{label} cannot be earlier than today; please choose again.",
    ),
    (
        "date.invalid",
        "{label}请按“年-月-日”填写，例如1950-03-08。",
        "Enter {label} as year-month-day, for example 1950-03-08.",
    ),
    (
        "date.no_such_day",
        "日历上没有{value}这一天，请重新选择{label}。",
        "There is no such day as {value}; please choose {label} again.",
    ),
    (
        "date.too_early",
        "{label}不能早于{min}，请重新选择。",
        "{label} cannot be earlier than {min}; please choose again.",
    ),
    (
        "date.too_late",
        "{label}不能晚于{max}，请重新选择。",
        "{label} cannot be later than {max}; please choose again.",
    ),
    (
        "datetime.in_future",
        "{label}不能晚于现在，请核对。",
        "{label} cannot be later than now; please check.",
    ),
    (
        "datetime.invalid",
        "{label}请按“年-月-日 时:分”填写，例如2026-03-08 09:30。",
        "Enter {label} as year-month-day hour:minute, for example 2026-03-08 09:30.",
    ),
    (
        "decimal.invalid",
        "{label}请填数字，例如36.5。",
        "{label} must be a number, for example 36.5.",
    ),
    (
        "decimal.too_precise",
        "{label}小数点后最多{places}位，请核对。",
        "{label} can have at most {places} digits after the decimal point.",
    ),
    (
        "enum.not_allowed",
        "请从列表里选择{label}。",
        "Please choose {label} from the list.",
    ),
    (
        "field.identity_unchecked",
        "{label}暂时无法核对，请稍后再试。",
        "{label} cannot be checked right now; please try again later.",
    ),
    (
        "field.required",
        "请填写{label}。",
        "Please fill in {label}.",
    ),
    (
        "field.required_choice",
        "请选择{label}。",
        "Please choose {label}.",
    ),
    (
        "field.wrong_type",
        "{label}的内容不对（应为{expected}），请重新填写。",
        "{label} has the wrong kind of value (expected {expected}); please fill it in again.",
    ),
    (
        "form.unknown",
        "找不到表单“{form}”，请更新小程序后再试。",
        "There is no form “{form}”; please update the app and try again.",
    ),
    (
        "form.unknown_field",
        "表单“{form}”里没有这一项，请更新小程序后再试。",
        "Form “{form}” has no such field; please update the app and try again.",
    ),
    (
        "input.array_too_long",
        "{label}太多了，最多{max}项，请删掉一些。",
        "{label} has too many entries; at most {max}. Please remove some.",
    ),
    (
        "input.invalid_json",
        "表单内容读不出来，请退出页面后重新填写。",
        "The form data could not be read; please leave the page and fill it in again.",
    ),
    (
        "input.not_object",
        "表单内容不完整，请退出页面后重新填写。",
        "The form data is incomplete; please leave the page and fill it in again.",
    ),
    (
        "input.string_too_long",
        "{label}太长了，最多{max}个字，请删减。",
        "{label} is too long; at most {max} characters. Please shorten it.",
    ),
    (
        "input.too_deep",
        "表单内容层次太多（最多{max}层），请退出页面后重新填写。",
        "The form data is nested too deeply (at most {max} levels); please fill it in again.",
    ),
    (
        "input.too_large",
        "表单内容太多（最多{max}字节），请删减后再提交。",
        "The form data is too large (at most {max} bytes); please shorten it.",
    ),
    (
        "integer.invalid",
        "{label}请填整数，例如3。",
        "{label} must be a whole number, for example 3.",
    ),
    (
        "number.too_large",
        "{label}不能大于{max}，请核对。",
        "{label} must be at most {max}; please check.",
    ),
    (
        "number.too_small",
        "{label}不能小于{min}，请核对。",
        "{label} must be at least {min}; please check.",
    ),
    (
        "object.unknown_field",
        "表单里多了“{name}”这一项，请更新小程序后再试。",
        "The form has an unexpected field “{name}”; please update the app and try again.",
    ),
    (
        "options.invalid",
        "设置项“{name}”不正确，请联系客服。",
        "Option “{name}” is invalid (developer error).",
    ),
    (
        "override.invalid_json",
        "自定义提示语读不出来，请检查格式。",
        "The message overrides are not valid JSON.",
    ),
    (
        "override.params_mismatch",
        "提示语“{name}”里的花括号参数和原文不一致，请改成{expected}。",
        "Override “{name}” must use exactly the parameters {expected}.",
    ),
    (
        "override.unknown_code",
        "没有“{name}”这条提示语，请检查拼写。",
        "There is no message “{name}” to override; check the spelling.",
    ),
    (
        "override.unknown_locale",
        "不支持语言“{name}”，请用zh-CN或en。",
        "Locale “{name}” is not supported; use zh-CN or en.",
    ),
    (
        "rule.age_mismatch",
        "按出生日期算，{label}应为{expected}岁，请核对。",
        "From the birth date, {label} should be {expected}; please check.",
    ),
    (
        "rule.at_least_one",
        "请填写{label}或{other}，至少填一项。",
        "Please fill in {label} or {other}.",
    ),
    (
        "rule.id_birth_date_mismatch",
        "{label}里的出生日期是{idDate}，和填写的{given}不一样，请核对。",
        "The birth date in {label} is {idDate}, not {given}; please check.",
    ),
    (
        "rule.id_sex_mismatch",
        "{label}显示性别为{idSex}，和填写的“{given}”不一样，请核对。",
        "{label} shows sex {idSex}, not {given}; please check.",
    ),
    (
        "rule.when_forbidden",
        "选了“{when}”就不用填{label}，请清空。",
        "With “{when}” chosen, leave {label} empty.",
    ),
    (
        "rule.when_not_allowed",
        "选了“{when}”时，{label}不能选这一项，请重新选择。",
        "With “{when}” chosen, {label} cannot take this value; please choose again.",
    ),
    (
        "rule.when_required",
        "选了“{when}”，请填写{label}。",
        "Because you chose “{when}”, please fill in {label}.",
    ),
    (
        "rule.when_too_large",
        "选了“{when}”时，{label}不能大于{max}。",
        "With “{when}” chosen, {label} must be at most {max}.",
    ),
    (
        "rule.when_too_long",
        "选了“{when}”时，{label}最多{max}个字，现在有{actual}个，请删减。",
        "With “{when}” chosen, {label} can have at most {max} characters; it has {actual}.",
    ),
    (
        "rule.when_too_short",
        "选了“{when}”时，{label}至少要{min}个字，现在只有{actual}个，请补充。",
        "With “{when}” chosen, {label} needs at least {min} characters; it has {actual}.",
    ),
    (
        "rule.when_too_small",
        "选了“{when}”时，{label}至少要{min}。",
        "With “{when}” chosen, {label} must be at least {min}.",
    ),
    (
        "schedule.overlap",
        "{label}和第{other}个时间段重叠了，请调整时间。",
        "{label} overlaps period {other}; please change the times.",
    ),
    (
        "schema.bad_value",
        "表单定义有误：这里应为{expected}。",
        "Schema error: expected {expected} here.",
    ),
    (
        "schema.duplicate_field",
        "表单定义有误：“{name}”重复了。",
        "Schema error: “{name}” appears twice.",
    ),
    (
        "schema.invalid_json",
        "表单定义不是有效的JSON。",
        "Schema error: not valid JSON.",
    ),
    (
        "schema.missing_key",
        "表单定义有误：缺少“{name}”。",
        "Schema error: “{name}” is missing.",
    ),
    (
        "schema.too_deep",
        "表单定义有误：嵌套层次太多。",
        "Schema error: objects and arrays are nested too deeply.",
    ),
    (
        "schema.unknown_field_ref",
        "表单定义有误：没有字段“{name}”。",
        "Schema error: there is no field “{name}” to refer to.",
    ),
    (
        "schema.unknown_key",
        "表单定义有误：不认识“{name}”。",
        "Schema error: unknown key “{name}”.",
    ),
    (
        "schema.unknown_rule",
        "表单定义有误：没有规则“{name}”。",
        "Schema error: unknown rule “{name}”.",
    ),
    (
        "schema.unknown_type",
        "表单定义有误：没有类型“{name}”。",
        "Schema error: unknown field type “{name}”.",
    ),
    (
        "schema.version_not_newer",
        "表单定义不是新版本（当前为第{current}版）。",
        "Schema error: version must be newer than {current}.",
    ),
    (
        "schema.wrong_type",
        "表单定义有误：这里应为{expected}。",
        "Schema error: expected a {expected} here.",
    ),
    (
        "string.invalid_char",
        "{label}里不能有“{char}”，请删掉后再试。",
        "{label} cannot contain “{char}”; please remove it.",
    ),
    (
        "string.too_long",
        "{label}最多{max}个字，现在有{actual}个，请删减一些。",
        "{label} can have at most {max} characters; it has {actual}. Please shorten it.",
    ),
    (
        "string.too_short",
        "{label}至少要{min}个字，现在只有{actual}个，请补全。",
        "{label} needs at least {min} characters; it has {actual}.",
    ),
    (
        "string.wrong_length",
        "{label}应为{length}位，现在是{actual}位，请核对。",
        "{label} must have exactly {length} characters; it has {actual}.",
    ),
    (
        "time.invalid",
        "{label}请按“时:分”填写，例如09:30。",
        "Enter {label} as hour:minute, for example 09:30.",
    ),
    (
        "time.off_step",
        "{label}只能按每{step}分钟一档来选，例如整点，请重新选择。",
        "{label} must be on a {step}-minute step, for example on the hour.",
    ),
    (
        "time.too_early",
        "{label}不能早于{min}，请重新选择。",
        "{label} cannot be earlier than {min}; please choose again.",
    ),
    (
        "time.too_late",
        "{label}不能晚于{max}，请重新选择。",
        "{label} cannot be later than {max}; please choose again.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use homecare_core::{catalog_check, Catalog, Locale};

    #[test]
    fn table_is_sorted_and_consistent() {
        assert_eq!(catalog_check(MESSAGES), Ok(()));
    }

    /// Every `"ns.word"` code literal in the crate's sources has a message, and every message
    /// is used: scanning the sources means a new code cannot ship without its text.
    #[test]
    fn every_emitted_code_has_a_message() {
        const SOURCES: &[&str] = &[
            include_str!("validate.rs"),
            include_str!("rules.rs"),
            include_str!("result.rs"),
            include_str!("schema_parse.rs"),
            include_str!("registry.rs"),
            include_str!("limits.rs"),
            include_str!("options.rs"),
            include_str!("overrides.rs"),
        ];
        const NAMESPACES: &[&str] = &[
            "array", "booking", "compare", "date", "datetime", "decimal", "enum", "field", "form",
            "input", "integer", "number", "object", "options", "override", "rule", "schedule",
            "schema", "string", "time",
        ];
        let mut found = std::collections::BTreeSet::new();
        for src in SOURCES {
            let code_part = src.split("#[cfg(test)]").next().unwrap();
            for lit in string_literals(code_part) {
                let Some((ns, rest)) = lit.split_once('.') else {
                    continue;
                };
                let form_id = crate::BUILTIN_SCHEMAS.iter().any(|(id, _)| *id == lit);
                let is_code = !form_id
                    && NAMESPACES.contains(&ns)
                    && !rest.is_empty()
                    && rest.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
                if is_code {
                    found.insert(lit);
                }
            }
        }
        let catalog = Catalog::new(&[MESSAGES]);
        for code in &found {
            assert!(
                catalog.template(code, Locale::ZhCn).is_some(),
                "no message for {code}"
            );
        }
        for (code, _, _) in MESSAGES {
            assert!(found.contains(*code), "message {code} is never emitted");
        }
        assert!(found.len() > 60);
    }

    /// String literals of Rust code outside comments (escapes and `'"'` handled).
    fn string_literals(src: &str) -> Vec<String> {
        let code: String = src
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let mut out = Vec::new();
        let mut chars = code.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\'' => {
                    // A char literal like '"' or '\'' (lifetimes have no closing quote nearby).
                    let ahead: String = chars.clone().take(3).collect();
                    if ahead.starts_with("\"'") {
                        chars.next();
                        chars.next();
                    } else if ahead.starts_with("\\") && ahead.ends_with('\'') {
                        chars.nth(2);
                    }
                }
                '"' => {
                    let mut lit = String::new();
                    while let Some(c) = chars.next() {
                        match c {
                            '\\' => {
                                chars.next();
                            }
                            '"' => break,
                            _ => lit.push(c),
                        }
                    }
                    out.push(lit);
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn zh_messages_are_short_and_say_what_to_do() {
        for (code, zh, _) in MESSAGES {
            assert!(
                zh.chars().count() <= 48,
                "{code} is too long for an elderly reader"
            );
            assert!(
                !zh.contains("格式错误") && !zh.contains("非法"),
                "{code} is vague"
            );
        }
    }
}
