//! Per-call options: locale for labels, "today", "now", error mode, context data from earlier
//! forms, booking window overrides and input limits.

use crate::{Date, DateTime, Limits};
use homecare_core::{Locale, Problem};
use serde::Deserialize;
use serde_json::Value;

/// How many problems per field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Every problem (default): the form shows all at once.
    #[default]
    All,
    /// Only the first problem of each path (what a form field can show anyway).
    FirstPerField,
}

/// Options of one validation call.
///
/// ```
/// use homecare_forms::{Date, Options};
/// let o = Options::new(Date::new(2026, 11, 30).unwrap());
/// assert_eq!(o.as_of.to_string(), "2026-11-30");
/// let j = Options::from_json(r#"{"asOf":"2026-11-30","locale":"en","mode":"firstPerField"}"#).unwrap();
/// assert_eq!(j.locale, homecare_core::Locale::En);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Locale of the `label` params (messages are rendered later by the caller).
    pub locale: Locale,
    /// Today, for birth dates, ages, "not in the future", booking horizons and ID plausibility.
    pub as_of: Date,
    /// Now, for booking lead time and date-time "not in the future"; defaults to the start
    /// of `as_of` for lead time and its end for "not in the future".
    pub now: Option<DateTime>,
    /// Error mode.
    pub mode: Mode,
    /// Data the rules may read as `$context.key`: e.g. `{"mobile": "...", "birthDate": "...",
    /// "sex": "..."}` from the user's account and the `register.basic` form (pass normalised
    /// `value`s of earlier forms).
    pub context: Option<Value>,
    /// Overrides the booking rule's lead time (minutes).
    pub lead_minutes: Option<u32>,
    /// Overrides the booking rule's horizon (days).
    pub horizon_days: Option<u32>,
    /// Input limits.
    pub limits: Limits,
}

impl Options {
    /// Defaults for everything but `as_of`.
    pub fn new(as_of: Date) -> Self {
        Options {
            locale: Locale::ZhCn,
            as_of,
            now: None,
            mode: Mode::All,
            context: None,
            lead_minutes: None,
            horizon_days: None,
            limits: Limits::default(),
        }
    }

    /// Parses the JSON the JS layer sends: `{asOf, now?, locale?, mode?: "all" |
    /// "firstPerField", context?, leadMinutes?, horizonDays?, limits?}`. A bad option is an
    /// `options.invalid` problem whose `name` param names it (API misuse, not user input).
    pub fn from_json(text: &str) -> Result<Self, Problem> {
        let limits = Limits::default();
        crate::prescan_json(text, &limits)?;
        let raw: RawOptions = serde_json::from_str(text).map_err(|_| invalid("options"))?;
        let as_of = Date::parse(&raw.as_of).ok_or_else(|| invalid("asOf"))?;
        let now = match raw.now.as_deref() {
            Some(s) => Some(DateTime::parse(s).ok_or_else(|| invalid("now"))?),
            None => None,
        };
        let locale = match raw.locale.as_deref() {
            Some(tag) => Locale::parse(tag).ok_or_else(|| invalid("locale"))?,
            None => Locale::ZhCn,
        };
        let mode = match raw.mode.as_deref() {
            None | Some("all") => Mode::All,
            Some("firstPerField") => Mode::FirstPerField,
            Some(_) => return Err(invalid("mode")),
        };
        Ok(Options {
            locale,
            as_of,
            now,
            mode,
            context: raw.context,
            lead_minutes: raw.lead_minutes,
            horizon_days: raw.horizon_days,
            limits: raw.limits.unwrap_or_default(),
        })
    }
}

fn invalid(name: &str) -> Problem {
    Problem::new("", "options.invalid").text("name", name)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawOptions {
    as_of: String,
    now: Option<String>,
    locale: Option<String>,
    mode: Option<String>,
    context: Option<Value>,
    lead_minutes: Option<u32>,
    horizon_days: Option<u32>,
    limits: Option<Limits>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_options_name_the_option() {
        let name = |t: &str| Options::from_json(t).unwrap_err().param("name").cloned();
        use homecare_core::Param::Text;
        assert_eq!(name(r#"{"asOf":"2026-02-30"}"#), Some(Text("asOf".into())));
        assert_eq!(
            name(r#"{"asOf":"2026-02-03","mode":"x"}"#),
            Some(Text("mode".into()))
        );
        assert_eq!(
            name(r#"{"asOf":"2026-02-03","locale":"fr"}"#),
            Some(Text("locale".into()))
        );
        assert_eq!(
            name(r#"{"asOf":"2026-02-03","now":"9"}"#),
            Some(Text("now".into()))
        );
        assert_eq!(
            name(r#"{"asof":"2026-02-03"}"#),
            Some(Text("options".into()))
        );
        let o = Options::from_json(
            r#"{"asOf":"2026-02-03","now":"2026-02-03T08:00","leadMinutes":60,"limits":{"maxDepth":4}}"#,
        )
        .unwrap();
        assert_eq!(o.limits.max_depth, 4);
        assert_eq!(o.limits.max_errors, Limits::default().max_errors);
        assert_eq!(o.lead_minutes, Some(60));
    }
}
