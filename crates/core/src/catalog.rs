//! Message catalogs: code → template per locale, rendered with `{name}` parameters.
//!
//! Templates name their parameters in braces (`{expected}`); a parameter the caller did not
//! supply is left visible rather than silently dropped, so a missing param shows up in review.

use crate::{Locale, Problem};

/// A crate's messages: `(code, zh-CN, en)`, sorted by code (each crate tests its own order).
pub type MessageTable = &'static [(&'static str, &'static str, &'static str)];

/// Several crates' tables searched in order: the first table that knows a code wins.
#[derive(Debug, Clone, Copy)]
pub struct Catalog<'a> {
    tables: &'a [MessageTable],
}

impl<'a> Catalog<'a> {
    /// A catalog over `tables`.
    pub fn new(tables: &'a [MessageTable]) -> Self {
        Catalog { tables }
    }

    /// The template for `code` in `locale`, if any table has it.
    ///
    /// ```
    /// use homecare_core::{Catalog, Locale};
    /// const T: &[(&str, &str, &str)] = &[("a.b", "甲", "A")];
    /// assert_eq!(Catalog::new(&[T]).template("a.b", Locale::En), Some("A"));
    /// assert_eq!(Catalog::new(&[T]).template("a.c", Locale::En), None);
    /// ```
    pub fn template(&self, code: &str, locale: Locale) -> Option<&'static str> {
        self.tables.iter().find_map(|table| {
            let at = table.binary_search_by(|(c, _, _)| (*c).cmp(code)).ok()?;
            let (_, zh, en) = table.get(at)?;
            Some(match locale {
                Locale::ZhCn => *zh,
                Locale::En => *en,
            })
        })
    }

    /// The message for `problem`. An unknown code renders as the code itself, so a new rule
    /// without a message is visible instead of blank.
    pub fn render(&self, problem: &Problem, locale: Locale) -> String {
        match self.template(problem.code, locale) {
            Some(t) => substitute(t, &problem.params),
            None => problem.code.to_owned(),
        }
    }

    /// Every code of every table.
    pub fn codes(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.tables
            .iter()
            .flat_map(|t| t.iter().map(|(code, _, _)| *code))
    }
}

/// Replaces `{name}` in `template` with the param of that name.
///
/// ```
/// use homecare_core::{substitute, Param};
/// let params = [("n", Param::Int(2))];
/// assert_eq!(substitute("至少{n}位联系人", &params), "至少2位联系人");
/// assert_eq!(substitute("{missing} stays", &params), "{missing} stays");
/// ```
pub fn substitute(template: &str, params: &[(&'static str, crate::Param)]) -> String {
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
                    Some((_, v)) => out.push_str(&v.display()),
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

/// Test helper for every crate's table: sorted, unique, both locales non-empty, and the same
/// parameter names in both locales. Returns the first offending code.
///
/// ```
/// use homecare_core::catalog_check;
/// const T: &[(&str, &str, &str)] = &[("a.a", "{x}甲", "A {x}"), ("a.b", "乙", "B")];
/// assert_eq!(catalog_check(T), Ok(()));
/// const BAD: &[(&str, &str, &str)] = &[("a.b", "乙", "B"), ("a.a", "甲", "A")];
/// assert_eq!(catalog_check(BAD), Err("a.a"));
/// ```
pub fn catalog_check(table: MessageTable) -> Result<(), &'static str> {
    let mut prev: Option<&str> = None;
    for (code, zh, en) in table {
        if prev.is_some_and(|p| p >= *code) || zh.is_empty() || en.is_empty() {
            return Err(code);
        }
        if param_names(zh) != param_names(en) {
            return Err(code);
        }
        prev = Some(code);
    }
    Ok(())
}

/// The sorted, de-duplicated `{name}`s a template uses.
///
/// ```
/// use homecare_core::param_names;
/// assert_eq!(param_names("{b}至少{a}位，{b}"), vec!["a", "b"]);
/// ```
pub fn param_names(t: &str) -> Vec<&str> {
    let mut names: Vec<&str> = t
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(n, _)| n))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Param;

    #[test]
    fn unclosed_brace_is_kept_and_adjacent_params_render() {
        assert_eq!(substitute("a {b", &[("b", Param::Int(1))]), "a {b");
        let p = [("a", Param::Int(1)), ("b", Param::Text("二".into()))];
        assert_eq!(substitute("{a}{b}", &p), "1二");
    }

    #[test]
    fn first_table_wins() {
        const A: MessageTable = &[("x.y", "甲", "A")];
        const B: MessageTable = &[("x.y", "乙", "B"), ("x.z", "丙", "C")];
        let c = Catalog::new(&[A, B]);
        assert_eq!(c.template("x.y", Locale::ZhCn), Some("甲"));
        assert_eq!(c.template("x.z", Locale::En), Some("C"));
        assert_eq!(c.codes().count(), 3);
    }
}
