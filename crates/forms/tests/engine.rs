//! Engine behaviour per rule and option: labels in messages, error modes, live field checks,
//! cross-field rules that run while other fields fail, run-time schemas, limits and the
//! compact result encoding.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![allow(
    clippy::as_conversions,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap
)]
#![allow(clippy::cast_lossless, clippy::string_slice, clippy::cast_sign_loss)]

mod support;

use homecare_core::{Catalog, Locale, Param};
use homecare_forms::{
    validate_field, validate_form, validate_form_json, FormResult, Limits, MessageOverrides, Mode,
    Options, Registry, MESSAGES,
};
use serde_json::{json, Value};

fn reg() -> Registry {
    Registry::new().with_identity(Box::new(support::TestIdentity))
}

fn opts() -> Options {
    let mut o = Options::from_json(r#"{"asOf":"2026-11-30","now":"2026-11-30T09:00"}"#).unwrap();
    o.context = Some(json!({"mobile": "13800138000", "birthDate": "1950-03-08", "sex": "female"}));
    o
}

fn codes(r: &FormResult) -> Vec<(&str, &str)> {
    r.errors.iter().map(|p| (p.path.as_str(), p.code)).collect()
}

fn render(r: &FormResult, i: usize, locale: Locale) -> String {
    let tables = [MESSAGES, support_messages()];
    Catalog::new(&tables).render(&r.errors[i], locale)
}

/// Messages for the test identity codes (the real ones come from homecare-identity).
fn support_messages() -> homecare_core::MessageTable {
    &[(
        "test_mobile.invalid",
        "{label}不对，请核对。",
        "{label} is not a mobile number.",
    )]
}

fn contacts(a: &str, b: &str) -> Value {
    json!({"emergencyContacts": [
        {"name": "李建国", "relationship": "spouse", "mobile": a},
        {"name": "李小红", "relationship": "child", "mobile": b}
    ]})
}

#[test]
fn messages_name_the_exact_box() {
    let r = validate_form(
        &reg(),
        "register.emergencyContacts",
        &contacts("13912345678", "13912345678"),
        &opts(),
    )
    .unwrap();
    assert_eq!(
        codes(&r),
        vec![("emergencyContacts[1].mobile", "array.duplicate")]
    );
    assert_eq!(
        render(&r, 0, Locale::ZhCn),
        "紧急联系人2的手机号和第1项重复了，请换一个。"
    );
    let r = validate_form(
        &reg(),
        "register.emergencyContacts",
        &contacts("13800138000", "123"),
        &opts(),
    )
    .unwrap();
    assert_eq!(
        render(&r, 0, Locale::ZhCn),
        "紧急联系人1的手机号不能和您本人的手机号一样，请换一个。"
    );
    assert_eq!(
        render(&r, 1, Locale::ZhCn),
        "紧急联系人2的手机号不对，请核对。"
    );
    let mut en = opts();
    en.locale = Locale::En;
    let r = validate_form(
        &reg(),
        "register.emergencyContacts",
        &contacts("13800138000", "13912345678"),
        &en,
    )
    .unwrap();
    assert_eq!(
        render(&r, 0, Locale::En),
        "emergency contact 1 mobile number cannot be the same as your own mobile number; please change it."
    );
}

#[test]
fn conditional_messages_say_why() {
    let data = json!({"name": "张丽", "idNumber": "110105198506150030", "qualificationKind": "nurse",
        "experienceYears": 3});
    let r = validate_form(&reg(), "staff.onboarding", &data, &opts()).unwrap();
    let i = r
        .errors
        .iter()
        .position(|p| p.code == "rule.when_too_small")
        .unwrap();
    assert_eq!(
        render(&r, i, Locale::ZhCn),
        "选了“护士”时，临床工作年限至少要5。"
    );
    let r = validate_form(
        &reg(),
        "register.basic",
        &json!({"name": "王秀英", "sex": "female", "age": 70, "birthDate": "1950-03-08"}),
        &opts(),
    )
    .unwrap();
    assert_eq!(
        render(&r, 0, Locale::ZhCn),
        "按出生日期算，年龄应为76岁，请核对。"
    );
    let data = json!({"orderId": "o1", "startAt": "2026-11-30T08:00", "endAt": "2026-11-30T07:00", "summary": "一切正常，无不适"});
    let r = validate_form(&reg(), "staff.serviceRecord", &data, &opts()).unwrap();
    assert_eq!(
        render(&r, 0, Locale::ZhCn),
        "结束时间应晚于开始时间，请重新选择。"
    );
    let data = json!({"serviceItemId": "s", "serviceDate": "2026-11-30", "startTime": "10:00", "addressId": "a"});
    let r = validate_form(&reg(), "booking.reservation", &data, &opts()).unwrap();
    assert_eq!(
        render(&r, 0, Locale::ZhCn),
        "上门时间太近了，最早只能约2026-11-30 11:00，请换个时间。"
    );
}

#[test]
fn cross_field_rules_run_while_other_fields_fail() {
    // zod runs object refinements only once every field parses; here the age rule still runs.
    let data = json!({"name": "王", "sex": "x", "birthDate": "1950-03-08", "age": 70});
    let r = validate_form(&reg(), "register.basic", &data, &opts()).unwrap();
    assert_eq!(
        codes(&r),
        vec![
            ("name", "test_name.length"),
            ("sex", "enum.not_allowed"),
            ("age", "rule.age_mismatch")
        ]
    );
    // Duplicate and own-number checks run although contact 2 lacks a name.
    let mut data = contacts("13800138000", "13800138000");
    data["emergencyContacts"][1]["name"] = json!("");
    let r = validate_form(&reg(), "register.emergencyContacts", &data, &opts()).unwrap();
    assert_eq!(
        codes(&r),
        vec![
            ("emergencyContacts[0].mobile", "compare.same"),
            ("emergencyContacts[1].name", "field.required"),
            ("emergencyContacts[1].mobile", "compare.same"),
            ("emergencyContacts[1].mobile", "array.duplicate"),
        ]
    );
}

#[test]
fn first_per_field_mode_keeps_one_problem_per_path() {
    let data = json!({"mobile": "13800138000", "code": "1x"});
    let mut o = opts();
    let all = validate_form(&reg(), "login.sms", &data, &o).unwrap();
    assert_eq!(
        codes(&all),
        vec![
            ("code", "string.wrong_length"),
            ("code", "string.invalid_char")
        ]
    );
    o.mode = Mode::FirstPerField;
    let first = validate_form(&reg(), "login.sms", &data, &o).unwrap();
    assert_eq!(codes(&first), vec![("code", "string.wrong_length")]);
    assert_eq!(
        first.field_error("code").unwrap().code,
        "string.wrong_length"
    );
    assert_eq!(all.field_errors.get("code"), Some(&0));
}

#[test]
fn live_check_of_one_field() {
    let reg = reg();
    let data = json!({"emergencyContacts": [
        {"name": "", "relationship": "spouse", "mobile": "13912345678"},
        {"name": "李小红", "relationship": "child", "mobile": "139 1234 5678"}
    ]});
    // Contact 1's missing name is not shown while typing contact 2's number…
    let r = validate_field(
        &reg,
        "register.emergencyContacts",
        "emergencyContacts[1].mobile",
        &data,
        &opts(),
    )
    .unwrap();
    assert_eq!(
        codes(&r),
        vec![("emergencyContacts[1].mobile", "array.duplicate")]
    );
    assert_eq!(r.value, "13912345678");
    // …and the duplicate also shows when checking contact 1's number, its partner.
    let r = validate_field(
        &reg,
        "register.emergencyContacts",
        "emergencyContacts[0].mobile",
        &data,
        &opts(),
    )
    .unwrap();
    assert_eq!(
        codes(&r),
        vec![("emergencyContacts[1].mobile", "array.duplicate")]
    );
    let r = validate_field(
        &reg,
        "register.emergencyContacts",
        "emergencyContacts[0]",
        &data,
        &opts(),
    )
    .unwrap();
    assert_eq!(
        codes(&r)[0],
        ("emergencyContacts[0].name", "field.required")
    );
    assert_eq!(
        validate_field(
            &reg,
            "register.emergencyContacts",
            "emergencyContacts[0].phone",
            &data,
            &opts()
        )
        .unwrap_err()
        .code,
        "form.unknown_field"
    );
    // Inside a list the index is part of the path.
    assert!(validate_field(
        &reg,
        "register.emergencyContacts",
        "emergencyContacts.mobile",
        &data,
        &opts()
    )
    .is_err());
    assert_eq!(
        validate_field(&reg, "nope", "a", &data, &opts())
            .unwrap_err()
            .code,
        "form.unknown"
    );
    // A rule between two fields shows on both: end time vs start time.
    let data = json!({"orderId": "o1", "startAt": "2026-11-30T08:00", "endAt": "2026-11-30T07:00"});
    let r = validate_field(&reg, "staff.serviceRecord", "startAt", &data, &opts()).unwrap();
    assert_eq!(codes(&r), vec![("endAt", "compare.not_after")]);
}

#[test]
fn identity_fields_without_identity_rules_are_not_silently_accepted() {
    let r = validate_form(
        &Registry::builtins_only(),
        "login.sms",
        &json!({"mobile": "13800138000", "code": "123456"}),
        &opts(),
    )
    .unwrap();
    assert_eq!(codes(&r), vec![("mobile", "field.identity_unchecked")]);
    // Forms without identity fields work fully without them.
    let r = validate_form(
        &Registry::builtins_only(),
        "order.payment",
        &json!({"plan": "full"}),
        &opts(),
    )
    .unwrap();
    assert!(r.ok);
}

#[test]
fn run_time_schemas() {
    let mut reg = reg();
    let schema = r#"{"id":"order.payment","version":2,"unknownFields":"report","fields":[
        {"name":"plan","type":"enum","required":true,"values":["full","deposit","installments"]},
        {"name":"note","type":"string","nullable":true,"maxLength":3}]}"#;
    assert_eq!(
        reg.register_schema(schema).unwrap(),
        ("order.payment".to_owned(), 2)
    );
    let r = validate_form(
        &reg,
        "order.payment",
        &json!({"plan": "installments", "note": null}),
        &opts(),
    )
    .unwrap();
    assert!(r.ok, "{:?}", r.errors);
    assert_eq!(r.value, json!({"plan": "installments", "note": null}));
    let r = validate_form(
        &reg,
        "order.payment",
        &json!({"plan": "full", "points": 3}),
        &opts(),
    )
    .unwrap();
    assert_eq!(codes(&r), vec![("points", "object.unknown_field")]);
    let errs = reg
        .register_schema(
            r#"{"id":"x","version":1,"fields":[{"name":"a","type":"string","maxLength":-1}]}"#,
        )
        .unwrap_err();
    assert_eq!(
        (errs[0].path.as_str(), errs[0].code),
        ("fields[0].maxLength", "schema.bad_value")
    );
    assert!(reg.forms().any(|(id, v)| id == "order.payment" && v == 2));
    assert_eq!(reg.forms().count(), 12);
}

#[test]
fn limits_are_error_results() {
    let reg = reg();
    let mut o = opts();
    o.limits = Limits {
        max_string_chars: 10,
        max_array_len: 3,
        max_errors: 2,
        ..Limits::default()
    };
    let r = validate_form(
        &reg,
        "feedback",
        &json!({"category": "app", "text": "字".repeat(11)}),
        &o,
    )
    .unwrap();
    assert_eq!(codes(&r), vec![("text", "input.string_too_long")]);
    let r = validate_form(
        &reg,
        "order.evaluation",
        &json!({"professional": 1, "attitude": 1, "environment": 1, "images": ["a","b","c","d"]}),
        &o,
    )
    .unwrap();
    assert_eq!(codes(&r), vec![("images", "input.array_too_long")]);
    let r = validate_form(&reg, "address", &json!({}), &o).unwrap();
    assert_eq!(r.errors.len(), 2);
    let deep = format!(
        "{{\"text\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let r = validate_form_json(&reg, "feedback", &deep, &opts()).unwrap();
    assert_eq!(codes(&r), vec![("", "input.too_deep")]);
    let big = format!("{{\"text\":\"{}\"}}", "a".repeat(300_000));
    let r = validate_form_json(&reg, "feedback", &big, &opts()).unwrap();
    assert_eq!(codes(&r), vec![("", "input.too_large")]);
    assert_eq!(r.errors[0].param("max"), Some(&Param::Int(256 * 1024)));
    assert_eq!(
        validate_form_json(&reg, "nope", "{", &opts())
            .unwrap_err()
            .code,
        "form.unknown"
    );
    // Nesting the schema does not know is never walked, however deep.
    let mut v = json!(1);
    for _ in 0..1000 {
        v = json!([v]);
    }
    let r = validate_form(
        &reg,
        "order.payment",
        &json!({"plan": "full", "junk": v}),
        &opts(),
    )
    .unwrap();
    assert!(r.ok);
}

#[test]
fn compact_json_result() {
    let r = validate_form(
        &reg(),
        "order.payment",
        &json!({"plan": "half", "points": -1}),
        &opts(),
    )
    .unwrap();
    let text = r.to_result_json();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(
        v["errors"][0],
        json!({"path": "plan", "code": "enum.not_allowed", "params": {"label": "付款方式"}})
    );
    assert_eq!(
        v["errors"][1]["params"],
        json!({"label": "使用积分", "min": 0})
    );
    // Invalid fields are left out of `value`.
    assert_eq!(v["value"], json!({}));
    let ok = validate_form(&reg(), "order.payment", &json!({"plan": "full"}), &opts()).unwrap();
    assert_eq!(
        ok.to_result_json(),
        r#"{"ok":true,"value":{"plan":"full"},"errors":[]}"#
    );
}

#[test]
fn unknown_form_is_api_misuse() {
    let e = validate_form(&reg(), "nope", &json!({}), &opts()).unwrap_err();
    assert_eq!(
        (e.code, e.param("form")),
        ("form.unknown", Some(&Param::Text("nope".into())))
    );
}

#[test]
fn overrides_reword_but_keep_facts() {
    let tables = [MESSAGES];
    let catalog = Catalog::new(&tables);
    let o = MessageOverrides::from_json(
        r#"{"zh-CN": {"array.duplicate": "{label}已经填过了（同第{first}项）"}}"#,
        &catalog,
    )
    .unwrap();
    let r = validate_form(
        &reg(),
        "register.emergencyContacts",
        &contacts("13912345678", "13912345678"),
        &opts(),
    )
    .unwrap();
    assert_eq!(
        o.render(&catalog, &r.errors[0], Locale::ZhCn),
        "紧急联系人2的手机号已经填过了（同第1项）"
    );
}

#[test]
fn dates_and_numbers_normalise() {
    let data = json!({"orderId": "o1", "startAt": "２０２６-１１-３０ ０７:００", "endAt": "2026-11-30T08:00:00",
        "vitals": {"temperature": "３６.５０", "glucose": 7, "systolic": "120", "diastolic": 80.0},
        "summary": "一切正常，无不适"});
    let r = validate_form(&reg(), "staff.serviceRecord", &data, &opts()).unwrap();
    assert!(r.ok, "{:?}", r.errors);
    assert_eq!(r.value["startAt"], "2026-11-30T07:00");
    assert_eq!(r.value["endAt"], "2026-11-30T08:00");
    assert_eq!(
        r.value["vitals"],
        json!({"temperature": "36.5", "glucose": "7", "systolic": 120, "diastolic": 80})
    );
    let data = json!({"orderId": "o1", "startAt": "2026-11-30T07:00", "endAt": "2026-11-30T08:00",
        "vitals": {"temperature": 36.123_456, "glucose": true, "spo2": 0.1 + 0.2}, "summary": "一切正常，无不适"});
    let r = validate_form(&reg(), "staff.serviceRecord", &data, &opts()).unwrap();
    assert_eq!(
        codes(&r),
        vec![
            ("vitals.glucose", "decimal.invalid"),
            ("vitals.temperature", "decimal.too_precise"),
            // 0.1 + 0.2 is absorbed as 0.3 (float noise), which is not a whole number.
            ("vitals.spo2", "integer.invalid"),
        ]
    );
}

/// A schema that uses every rule and option the built-in forms do not, so each code has a
/// test that can fail.
const RULES_SCHEMA: &str = r#"{
  "id": "test.rules", "version": 1,
  "fields": [
    {"name": "kind", "type": "enum", "values": [{"value": "a", "label": {"zh-CN": "甲类", "en": "kind A"}}, "b", "c"],
     "label": {"zh-CN": "类别", "en": "kind"}},
    {"name": "count", "type": "integer", "label": {"zh-CN": "数量", "en": "count"}},
    {"name": "memo", "type": "string", "label": {"zh-CN": "备注", "en": "memo"}},
    {"name": "color", "type": "string", "label": {"zh-CN": "颜色", "en": "colour"}},
    {"name": "extra", "type": "string", "label": {"zh-CN": "附加", "en": "extra"}},
    {"name": "from", "type": "date", "min": "2026-01-01", "max": "2026-12-31", "label": {"zh-CN": "起始日", "en": "from"}},
    {"name": "to", "type": "date", "label": {"zh-CN": "截止日", "en": "to"}},
    {"name": "low", "type": "decimal", "scale": 1},
    {"name": "high", "type": "decimal", "scale": 1},
    {"name": "at", "type": "time", "max": "18:00"},
    {"name": "flag", "type": "boolean", "nullable": true},
    {"name": "when", "type": "datetime"},
    {"name": "p", "type": "string"}, {"name": "q", "type": "string"}, {"name": "r", "type": "string"},
    {"name": "pairs", "type": "array", "unique": true, "items": {"type": "object", "fields": [{"name": "x", "type": "integer"}]}},
    {"name": "id", "type": "idNumber", "kinds": ["resident"], "label": {"zh-CN": "身份证号", "en": "ID number"}},
    {"name": "birth", "type": "date"},
    {"name": "sex", "type": "enum", "values": ["male", "female"]},
    {"name": "mail", "type": "email"}
  ],
  "rules": [
    {"rule": "when", "if": {"field": "kind", "in": ["a", "b"]}, "then": [
      {"field": "count", "max": 3}, {"field": "memo", "maxLength": 2}, {"field": "color", "values": ["red"]},
      {"field": "extra", "forbidden": true}]},
    {"rule": "when", "if": {"field": "kind", "equals": "c"}, "then": [{"field": "count", "required": true, "min": 10}]},
    {"rule": "when", "if": {"field": "memo", "present": false}, "then": [{"field": "color", "forbidden": true}]},
    {"rule": "compare", "field": "to", "op": "ge", "other": "from"},
    {"rule": "compare", "field": "high", "op": "ge", "other": "low"},
    {"rule": "atLeastOne", "fields": ["p", "q", "r"]},
    {"rule": "idMatches", "id": "id", "birthDate": "birth", "sex": "sex"}
  ]
}"#;

fn rules_reg() -> Registry {
    let mut r = reg();
    r.register_schema(RULES_SCHEMA).unwrap();
    r
}

#[test]
fn every_rule_kind() {
    let reg = rules_reg();
    let o = opts();
    let v = |data: Value| validate_form(&reg, "test.rules", &data, &o).unwrap();
    let r =
        v(json!({"kind": "a", "count": 4, "memo": "abc", "color": "blue", "extra": "x", "p": "1"}));
    assert_eq!(
        codes(&r),
        vec![
            ("count", "rule.when_too_large"),
            ("memo", "rule.when_too_long"),
            ("color", "rule.when_not_allowed"),
            ("extra", "rule.when_forbidden"),
        ]
    );
    // The enum's label names the choice.
    assert_eq!(r.errors[0].param("when"), Some(&Param::Text("甲类".into())));
    assert_eq!(render(&r, 0, Locale::ZhCn), "选了“甲类”时，数量不能大于3。");
    let r = v(json!({"kind": "c", "q": "1"}));
    assert_eq!(codes(&r), vec![("count", "rule.when_required")]);
    let r = v(json!({"kind": "c", "count": "9", "memo": "m", "q": "1"}));
    assert_eq!(codes(&r), vec![("count", "rule.when_too_small")]);
    let r = v(json!({"color": "red", "r": "1"}));
    assert_eq!(codes(&r), vec![("color", "rule.when_forbidden")]);
    let r =
        v(json!({"from": "2026-05-02", "to": "2026-05-01", "low": "2.5", "high": 2.4, "p": "x"}));
    assert_eq!(
        codes(&r),
        vec![("to", "compare.before"), ("high", "compare.less")]
    );
    assert_eq!(
        render(&r, 0, Locale::ZhCn),
        "截止日不能早于起始日，请重新选择。"
    );
    let r = v(
        json!({"from": "2026-05-01", "to": "2026-05-01", "low": "2.5", "high": "2.50", "p": "x"}),
    );
    assert!(r.ok, "{:?}", r.errors);
    let r = v(json!({}));
    assert_eq!(codes(&r), vec![("p", "rule.at_least_one")]);
    assert_eq!(
        render(&r, 0, Locale::ZhCn),
        "请填写此项或此项或此项，至少填一项。"
    );
    let r = v(
        json!({"p": "1", "from": "2025-12-31", "at": "18:30", "flag": "yes", "when": "yesterday"}),
    );
    assert_eq!(
        codes(&r),
        vec![
            ("from", "date.too_early"),
            ("at", "time.too_late"),
            ("flag", "field.wrong_type"),
            ("when", "datetime.invalid")
        ]
    );
    let r = v(
        json!({"p": "1", "from": "2027-01-01", "at": "9:00", "flag": null, "when": "2030-01-01 10:00"}),
    );
    assert_eq!(codes(&r), vec![("from", "date.too_late")]);
    assert_eq!(
        r.field_error("from").unwrap().param("max"),
        Some(&Param::Text("2026-12-31".into()))
    );
    let r = v(json!({"p": "1", "pairs": [{"x": 1}, {"x": "１"}, {"x": 2}]}));
    assert_eq!(codes(&r), vec![("pairs[1]", "array.duplicate")]);
    assert_eq!(
        render(&r, 0, Locale::ZhCn),
        "第2项和第1项重复了，请换一个。"
    );
    let r = v(
        json!({"p": "1", "id": "110105198506150030", "birth": "1985-06-15", "sex": "female", "mail": "A@B.CN"}),
    );
    assert_eq!(codes(&r), vec![("id", "rule.id_sex_mismatch")]);
    assert_eq!(
        render(&r, 0, Locale::ZhCn),
        "身份证号显示性别为男，和填写的“女”不一样，请核对。"
    );
    let r = v(
        json!({"p": "1", "id": "110105198506150030", "birth": "1985-06-15", "sex": "male", "mail": "A@B.CN"}),
    );
    assert!(r.ok);
    assert_eq!(r.value["mail"], "a@b.cn");
}

#[test]
fn schema_errors_for_rules() {
    let mut reg = reg();
    let errs = reg
        .register_schema(r#"{"id":"t","version":1,"fields":[{"name":"a","type":"string"},
            {"name":"l","type":"array","items":{"type":"object","fields":[{"name":"s","type":"time"}]}}],
            "rules":[{"rule":"when","if":{"field":"a"},"then":[]},
                     {"rule":"when","if":{"field":"a","equals":"x"},"then":[{"field":"a","min":1}]},
                     {"rule":"noOverlap","array":"l","start":"s","end":"e"},
                     {"rule":"compare","field":"$context.m","op":"ne","other":"a"},
                     {"rule":"bookingWindow","date":"a","time":"zz"}]}"#)
        .unwrap_err();
    let got: Vec<_> = errs.iter().map(|p| (p.path.as_str(), p.code)).collect();
    assert_eq!(
        got,
        vec![
            ("rules[0].if", "schema.missing_key"),
            ("rules[0].then", "schema.wrong_type"),
            ("rules[1].then[0].min", "schema.bad_value"),
            ("rules[2].end", "schema.unknown_field_ref"),
            ("rules[3].field", "schema.bad_value"),
            ("rules[4].time", "schema.unknown_field_ref"),
        ]
    );
}
