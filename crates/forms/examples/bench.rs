//! Rough per-call timings of the engine (native, release): `cargo run --release -p
//! homecare-forms --example bench`. The identity rules here accept any trimmed text, so the
//! numbers are the engine's own cost (homecare-identity adds its checks on top; set
//! `REAL_IDENTITY=1` to run with them).
#![allow(clippy::unwrap_used, clippy::print_stdout, missing_docs)]
#![allow(clippy::as_conversions, clippy::cast_precision_loss)]

use homecare_core::Problem;
use homecare_forms::{
    validate_field, validate_form, validate_form_json, Date, IdValue, IdentityRules, Options,
    Registry,
};
use serde_json::json;
use std::time::Instant;

struct Pass;
impl IdentityRules for Pass {
    fn id_number(&self, i: &str, _: &[String], _: Date) -> Result<IdValue, Vec<Problem>> {
        Ok(IdValue {
            normalized: i.to_owned(),
            kind: "resident",
            birth_date: None,
            sex: None,
        })
    }
    fn mobile(&self, i: &str) -> Result<String, Vec<Problem>> {
        Ok(i.to_owned())
    }
    fn landline(&self, i: &str) -> Result<String, Vec<Problem>> {
        Ok(i.to_owned())
    }
    fn name(&self, i: &str) -> Result<String, Vec<Problem>> {
        Ok(i.to_owned())
    }
    fn email(&self, i: &str) -> Result<String, Vec<Problem>> {
        Ok(i.to_owned())
    }
    fn uscc(&self, i: &str) -> Result<String, Vec<Problem>> {
        Ok(i.to_owned())
    }
    fn certificate(&self, i: &str, _: &str) -> Result<String, Vec<Problem>> {
        Ok(i.to_owned())
    }
}

fn time(label: &str, n: u32, mut f: impl FnMut()) {
    for _ in 0..n / 10 {
        f();
    }
    let t = Instant::now();
    for _ in 0..n {
        f();
    }
    let ns = t.elapsed().as_nanos() / u128::from(n);
    println!("{label:<48} {:>8.2} µs", ns as f64 / 1000.0);
}

fn main() {
    let t = Instant::now();
    let reg = if std::env::var_os("REAL_IDENTITY").is_some() {
        Registry::new()
    } else {
        Registry::new().with_identity(Box::new(Pass))
    };
    println!(
        "{:<48} {:>8.2} µs",
        "Registry::new (12 built-in schemas)",
        t.elapsed().as_nanos() as f64 / 1000.0
    );
    let mut o = Options::new(Date::new(2026, 11, 30).unwrap());
    o.context = Some(json!({"mobile": "13800138000"}));
    let login = json!({"mobile": "13800138000", "code": "123456"});
    let login_bad = json!({"mobile": "", "code": "12a"});
    let contacts = json!({"emergencyContacts": [
        {"name": "李建国", "relationship": "spouse", "mobile": "13912345678"},
        {"name": "李小红", "relationship": "child", "mobile": "15800001111"}]});
    let staff = json!({"name": "张丽", "idNumber": "110105198506150030", "qualificationKind": "nurse",
        "qualificationNumber": "201811001234", "institution": "北京市朝阳区第一社区卫生服务中心",
        "experienceYears": 8, "certificates": {"idFront": "a", "idBack": "b", "qualification": "c",
        "experience": "d", "noCriminalRecord": "e"}, "serviceAreas": ["110105", "110108"],
        "servicePeriods": [{"weekday": "mon", "start": "08:00", "end": "12:00"},
                           {"weekday": "tue", "start": "08:00", "end": "12:00"}],
        "specialties": ["woundCare"]});
    let n = 200_000;
    time("validate_form login.sms (ok)", n, || {
        std::hint::black_box(validate_form(&reg, "login.sms", &login, &o).unwrap());
    });
    time("validate_form login.sms (2 errors)", n, || {
        std::hint::black_box(validate_form(&reg, "login.sms", &login_bad, &o).unwrap());
    });
    time("validate_form register.emergencyContacts (ok)", n, || {
        std::hint::black_box(
            validate_form(&reg, "register.emergencyContacts", &contacts, &o).unwrap(),
        );
    });
    time("validate_field emergencyContacts[1].mobile", n, || {
        std::hint::black_box(
            validate_field(
                &reg,
                "register.emergencyContacts",
                "emergencyContacts[1].mobile",
                &contacts,
                &o,
            )
            .unwrap(),
        );
    });
    time("validate_form staff.onboarding (ok)", n / 4, || {
        std::hint::black_box(validate_form(&reg, "staff.onboarding", &staff, &o).unwrap());
    });
    let text = login.to_string();
    time("validate_form_json login.sms + to_result_json", n, || {
        let r = validate_form_json(&reg, "login.sms", &text, &o).unwrap();
        std::hint::black_box(r.to_result_json());
    });
}
