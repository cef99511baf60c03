//! Per-app message overrides (locale → code → template), consulted before the catalog.
//! Checked on load: the code must exist in the catalog and the template must use exactly the
//! original's `{params}`, so an override can reword a message but never lose a fact or show a
//! raw `{placeholder}`.

use homecare_core::param_names;
use homecare_core::{substitute, Catalog, Locale, Problem};
use serde_json::Value;
use std::collections::BTreeMap;

/// Overriding templates by locale and code.
///
/// ```
/// use homecare_core::{Catalog, Locale, Problem};
/// use homecare_forms::{MessageOverrides, MESSAGES};
/// let tables = [MESSAGES];
/// let catalog = Catalog::new(&tables);
/// let o = MessageOverrides::from_json(
///     r#"{"zh-CN": {"field.required": "{label}还没填哦"}}"#, &catalog).unwrap();
/// let p = Problem::new("mobile", "field.required").text("label", "手机号");
/// assert_eq!(o.render(&catalog, &p, Locale::ZhCn), "手机号还没填哦");
/// assert_eq!(o.render(&catalog, &p, Locale::En), "Please fill in 手机号.");
/// let bad = MessageOverrides::from_json(r#"{"en": {"field.required": "Fill it"}}"#, &catalog);
/// assert_eq!(bad.unwrap_err()[0].code, "override.params_mismatch");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MessageOverrides {
    zh_cn: BTreeMap<String, String>,
    en: BTreeMap<String, String>,
}

impl MessageOverrides {
    /// No overrides.
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses `{"zh-CN": {code: template}, "en": {…}}`, checking every entry against
    /// `catalog`; all problems are reported at once (path `zh-CN.field.required`).
    pub fn from_json(json: &str, catalog: &Catalog<'_>) -> Result<Self, Vec<Problem>> {
        crate::prescan_json(json, &crate::Limits::default()).map_err(|p| vec![p])?;
        let value: Value = serde_json::from_str(json)
            .map_err(|_| vec![Problem::new("", "override.invalid_json")])?;
        let Value::Object(locales) = value else {
            return Err(vec![Problem::new("", "override.invalid_json")]);
        };
        let mut out = Self::new();
        let mut errors = Vec::new();
        for (tag, codes) in &locales {
            let Some(locale) = Locale::parse(tag) else {
                errors.push(
                    Problem::new(tag.as_str(), "override.unknown_locale")
                        .text("name", tag.as_str()),
                );
                continue;
            };
            let Value::Object(codes) = codes else {
                errors.push(Problem::new(tag.as_str(), "override.invalid_json"));
                continue;
            };
            for (code, template) in codes {
                let path = format!("{tag}.{code}");
                let result = match template.as_str() {
                    Some(t) => out.insert(locale, code, t, catalog),
                    None => Err(Problem::new("", "override.invalid_json")),
                };
                if let Err(p) = result {
                    errors.push(p.at(&path));
                }
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }

    /// Adds one override after checking it against `catalog`.
    pub fn insert(
        &mut self,
        locale: Locale,
        code: &str,
        template: &str,
        catalog: &Catalog<'_>,
    ) -> Result<(), Problem> {
        let Some(original) = catalog.template(code, locale) else {
            return Err(Problem::new("", "override.unknown_code").text("name", code));
        };
        let want = param_names(original);
        if template.trim().is_empty() || param_names(template) != want {
            let expected: Vec<String> = want.iter().map(|n| format!("{{{n}}}")).collect();
            return Err(Problem::new("", "override.params_mismatch")
                .text("name", code)
                .text("expected", expected.join(" ")));
        }
        let map = match locale {
            Locale::ZhCn => &mut self.zh_cn,
            Locale::En => &mut self.en,
        };
        map.insert(code.to_owned(), template.to_owned());
        Ok(())
    }

    /// Drops every override of `locale`.
    pub fn clear(&mut self, locale: Locale) {
        match locale {
            Locale::ZhCn => self.zh_cn.clear(),
            Locale::En => self.en.clear(),
        }
    }

    /// The overriding template, if any.
    pub fn template(&self, code: &str, locale: Locale) -> Option<&str> {
        let map = match locale {
            Locale::ZhCn => &self.zh_cn,
            Locale::En => &self.en,
        };
        map.get(code).map(String::as_str)
    }

    /// The message for `problem`: the override if there is one, else the catalog's.
    pub fn render(&self, catalog: &Catalog<'_>, problem: &Problem, locale: Locale) -> String {
        match self.template(problem.code, locale) {
            Some(t) => substitute(t, &problem.params),
            None => catalog.render(problem, locale),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MESSAGES;

    #[test]
    fn every_problem_is_reported() {
        let tables = [MESSAGES];
        let c = Catalog::new(&tables);
        let errs = MessageOverrides::from_json(
            r#"{"fr": {}, "en": {"no.such": "x", "array.too_few": "{label} {min}", "field.required": 3},
                "zh-CN": {"string.too_long": "{label}最多{max}字"}}"#,
            &c,
        )
        .unwrap_err();
        let got: Vec<_> = errs.iter().map(|p| (p.path.as_str(), p.code)).collect();
        assert_eq!(
            got,
            vec![
                ("en.field.required", "override.invalid_json"),
                ("en.no.such", "override.unknown_code"),
                ("fr", "override.unknown_locale"),
                ("zh-CN.string.too_long", "override.params_mismatch"),
            ]
        );
        assert_eq!(
            errs[3].param("expected"),
            Some(&homecare_core::Param::Text("{actual} {label} {max}".into()))
        );
        assert!(MessageOverrides::from_json("[]", &c).is_err());
        let mut o = MessageOverrides::new();
        o.insert(Locale::En, "array.too_few", "Add {min} for {label}", &c)
            .unwrap();
        assert_eq!(
            o.template("array.too_few", Locale::En),
            Some("Add {min} for {label}")
        );
        assert_eq!(o.template("array.too_few", Locale::ZhCn), None);
    }
}
