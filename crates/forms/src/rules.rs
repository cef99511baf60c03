//! Cross-field rules, run after an object's fields over their normalised values. They run even
//! when unrelated fields fail (unlike zod's object refinements); a rule whose own inputs are
//! invalid is skipped, because those inputs already carry their error.

use crate::limits::to_i64;
use crate::node::{Node, Obj};
use crate::schema::*;
use crate::schema_parse::resolve_spec;
use crate::validate::{label_of, Frame, Walk};
use crate::{Date, DateTime, Dec, Sex, Time};
use core::cmp::Ordering;
use homecare_core::{Locale, Problem};
use serde_json::Value;
use std::borrow::Cow;

/// A looked-up rule input (a `$context` value is converted, borrowing its text).
enum Look<'v> {
    Val(Cow<'v, Node<'v>>),
    Missing,
    Invalid,
}

/// A comparable value, typed by the field it came from.
#[derive(PartialEq, PartialOrd)]
enum Key<'v> {
    Num(Dec),
    Date(Date),
    Time(Time),
    DateTime(DateTime),
    Text(Cow<'v, str>),
}

fn key_of<'v>(ty: &FieldType, v: &'v Node<'_>) -> Option<Key<'v>> {
    let text = v.as_str().map(str::trim);
    Some(match ty {
        FieldType::Integer { .. } | FieldType::Decimal { .. } => Key::Num(match v {
            Node::Number(n) => Dec::from_int(n.as_i64()?),
            _ => Dec::parse(text?)?,
        }),
        FieldType::Date(_) => Key::Date(Date::parse(text?)?),
        FieldType::Time { .. } => Key::Time(Time::parse(text?)?),
        FieldType::DateTime { .. } => Key::DateTime(DateTime::parse(text?)?),
        _ => Key::Text(match v {
            Node::String(s) => Cow::Borrowed(s.trim()),
            other => Cow::Owned(other.to_json_text()),
        }),
    })
}

fn is_timelike(ty: &FieldType) -> bool {
    matches!(
        ty,
        FieldType::Date(_) | FieldType::Time { .. } | FieldType::DateTime { .. }
    )
}

impl<'a> Walk<'a> {
    pub(crate) fn rules(&mut self, spec: &'a ObjectSpec, out: &Obj<'_>) {
        for rule in &spec.rules {
            match rule {
                Rule::When { cond, then } => self.when(spec, out, cond, then),
                Rule::AtLeastOne { fields } => self.at_least_one(spec, out, fields),
                Rule::Compare {
                    field,
                    op,
                    other,
                    other_label,
                } => self.compare(spec, out, field, *op, other, other_label.as_ref()),
                Rule::AgeMatches { birth_date, age } => {
                    self.age_matches(spec, out, birth_date, age)
                }
                Rule::IdMatches {
                    id,
                    birth_date,
                    sex,
                } => self.id_matches(spec, out, id, birth_date.as_ref(), sex.as_ref()),
                Rule::BookingWindow {
                    date,
                    time,
                    lead_minutes,
                    horizon_days,
                } => self.booking(spec, out, date, time, *lead_minutes, *horizon_days),
                Rule::NoOverlap {
                    array,
                    day,
                    start,
                    end,
                } => self.no_overlap(spec, out, array, day.as_deref(), start, end),
            }
        }
    }

    fn full(&self, parts: &[String]) -> String {
        let mut p = self.path.clone();
        for part in parts {
            if !p.is_empty() {
                p.push('.');
            }
            p.push_str(part);
        }
        p
    }

    /// Whether `p` is `self.full(parts)`, without building it.
    fn is_full(&self, p: &str, parts: &[String]) -> bool {
        let mut rest = p;
        let mut first = true;
        if !self.path.is_empty() {
            let Some(r) = rest.strip_prefix(self.path.as_str()) else {
                return false;
            };
            rest = r;
            first = false;
        }
        for part in parts {
            if !first {
                let Some(r) = rest.strip_prefix('.') else {
                    return false;
                };
                rest = r;
            }
            first = false;
            let Some(r) = rest.strip_prefix(part.as_str()) else {
                return false;
            };
            rest = r;
        }
        rest.is_empty()
    }

    pub(crate) fn has_issue_under(&self, path: &str) -> bool {
        self.issues.iter().any(|i| {
            let p = i.problem.path.as_str();
            p.strip_prefix(path)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        })
    }

    fn look<'v>(&self, out: &'v Obj<'v>, r: &Ref) -> Look<'v>
    where
        'a: 'v,
    {
        let found: Option<Cow<'v, Node<'v>>> = match r {
            Ref::Context(parts) => {
                let mut v: Option<&'v Value> = self.opts.context.as_ref();
                for k in parts {
                    v = v.and_then(|v| v.get(k));
                }
                v.filter(|v| !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty()))
                    .map(|v| {
                        Cow::Owned(Node::scalar_view(v).unwrap_or_else(|| Node::from_value(v)))
                    })
            }
            Ref::Local(parts) => {
                let Some((first, rest)) = parts.split_first() else {
                    return Look::Missing;
                };
                let mut v: Option<&'v Node<'v>> = out.get(first);
                for k in rest {
                    v = v.and_then(|v| v.get(k));
                }
                v.filter(|v| !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty()))
                    .map(Cow::Borrowed)
            }
        };
        match (found, r) {
            (Some(v), _) => Look::Val(v),
            (None, Ref::Local(parts)) if self.has_issue_under(&self.full(parts)) => Look::Invalid,
            (None, _) => Look::Missing,
        }
    }

    /// The field spec of a local ref.
    fn spec_of(spec: &'a ObjectSpec, r: &Ref) -> Option<&'a FieldSpec> {
        match r {
            Ref::Local(parts) => resolve_spec(spec, parts),
            Ref::Context(_) => None,
        }
    }

    /// Label of a local ref (pushing its frames on top of the current ones).
    fn ref_label(&self, spec: &'a ObjectSpec, parts: &[String]) -> String {
        let mut frames: Vec<Frame<'a>> = self.frames.clone();
        let mut cur = Some(spec);
        for part in parts {
            let f = cur.and_then(|s| s.field(part));
            frames.push(Frame {
                label: f.and_then(|f| f.label.as_ref()),
                index: None,
            });
            cur = match f.map(|f| &f.ty) {
                Some(FieldType::Object(o)) => Some(o.as_ref()),
                _ => None,
            };
        }
        label_of(&frames, self.opts.locale)
    }

    /// A problem at local ref `parts` with its label.
    fn at(&self, spec: &'a ObjectSpec, parts: &[String], code: &'static str) -> Problem {
        Problem::new(self.full(parts), code).text("label", self.ref_label(spec, parts))
    }

    fn local_path(&self, r: &Ref) -> Vec<String> {
        match r {
            Ref::Local(parts) => vec![self.full(parts)],
            Ref::Context(_) => Vec::new(),
        }
    }

    fn when(&mut self, spec: &'a ObjectSpec, out: &Obj<'_>, cond: &Cond, then: &[Then]) {
        let v = match self.look(out, &cond.field) {
            Look::Invalid => return,
            Look::Val(v) => Some(v),
            Look::Missing => None,
        };
        let holds = match (&cond.test, v.as_deref()) {
            (CondTest::Present(want), v) => v.is_some() == *want,
            (CondTest::Equals(x), Some(v)) => same(v, x),
            (CondTest::In(xs), Some(v)) => xs.iter().any(|x| same(v, x)),
            (_, None) => false,
        };
        if !holds {
            return;
        }
        // `when` names the choice that triggered the rule: the enum label if there is one.
        // A presence condition has no choice to name, so it uses the plain field codes.
        let when = match cond.test {
            CondTest::Present(_) => None,
            _ => v.as_deref().map(|v| self.value_label(spec, &cond.field, v)),
        };
        for t in then {
            let parts = core::slice::from_ref(&t.field);
            let target = match self.look(out, &Ref::Local(parts.to_vec())) {
                Look::Invalid => continue,
                Look::Val(v) => Some(v),
                Look::Missing => None,
            };
            let ty = spec.field(&t.field).map(|f| &f.ty);
            let mut problems: Vec<Problem> = Vec::new();
            let mk = |code_when: &'static str, code_plain: &'static str| {
                let code = if when.is_some() {
                    code_when
                } else {
                    code_plain
                };
                let p = self.at(spec, parts, code);
                match &when {
                    Some(w) => p.text("when", w.as_str()),
                    None => p,
                }
            };
            match target {
                None if t.required => {
                    let plain = if ty.is_some_and(FieldType::is_choice) {
                        "field.required_choice"
                    } else {
                        "field.required"
                    };
                    problems.push(mk("rule.when_required", plain));
                }
                None => {}
                Some(_) if t.forbidden => {
                    problems.push(mk("rule.when_forbidden", "rule.when_forbidden"))
                }
                Some(v) => {
                    let num = ty.and_then(|ty| match key_of(ty, &v) {
                        Some(Key::Num(d)) => Some(d),
                        _ => None,
                    });
                    if let (Some(n), Some(min)) = (num, t.min) {
                        if n < min {
                            problems.push(
                                mk("rule.when_too_small", "number.too_small")
                                    .text("min", min.to_string()),
                            );
                        }
                    }
                    if let (Some(n), Some(max)) = (num, t.max) {
                        if n > max {
                            problems.push(
                                mk("rule.when_too_large", "number.too_large")
                                    .text("max", max.to_string()),
                            );
                        }
                    }
                    let chars = v.as_str().map(|s| s.chars().count());
                    if let (Some(n), Some(min)) = (chars, t.min_length) {
                        if n < min {
                            problems.push(
                                mk("rule.when_too_short", "string.too_short")
                                    .int("min", to_i64(min))
                                    .int("actual", to_i64(n)),
                            );
                        }
                    }
                    if let (Some(n), Some(max)) = (chars, t.max_length) {
                        if n > max {
                            problems.push(
                                mk("rule.when_too_long", "string.too_long")
                                    .int("max", to_i64(max))
                                    .int("actual", to_i64(n)),
                            );
                        }
                    }
                    if let Some(values) = &t.values {
                        if !v.as_str().is_some_and(|s| values.iter().any(|x| x == s)) {
                            problems.push(mk("rule.when_not_allowed", "enum.not_allowed"));
                        }
                    }
                }
            }
            for p in problems {
                // Reported at the constrained field only: choosing "other" should not flag
                // the still-empty explanation box while the user is on the choice.
                self.report(p);
            }
        }
    }

    /// How a condition value is shown: its enum label, else its text.
    fn value_label(&self, spec: &'a ObjectSpec, r: &Ref, v: &Node<'_>) -> String {
        let text = match v {
            Node::String(s) => s.to_string(),
            other => other.to_json_text(),
        };
        if let Some(FieldType::Enum(values)) = Self::spec_of(spec, r).map(|f| &f.ty) {
            if let Some(label) = values
                .iter()
                .find(|e| e.value == text)
                .and_then(|e| e.label.as_ref())
            {
                return label.get(self.opts.locale).to_owned();
            }
        }
        text
    }

    fn at_least_one(&mut self, spec: &'a ObjectSpec, out: &Obj<'_>, fields: &[String]) {
        let mut any_invalid = false;
        for f in fields {
            match self.look(out, &Ref::Local(vec![f.clone()])) {
                Look::Val(_) => return,
                Look::Invalid => any_invalid = true,
                Look::Missing => {}
            }
        }
        let Some((first, rest)) = fields.split_first() else {
            return;
        };
        if any_invalid {
            return;
        }
        let sep = match self.opts.locale {
            Locale::ZhCn => "或",
            Locale::En => " or ",
        };
        let others: Vec<String> = rest
            .iter()
            .map(|f| self.ref_label(spec, core::slice::from_ref(f)))
            .collect();
        let p = self
            .at(spec, core::slice::from_ref(first), "rule.at_least_one")
            .text("other", others.join(sep));
        let also = rest
            .iter()
            .map(|f| self.full(core::slice::from_ref(f)))
            .collect();
        self.report_also(p, also);
    }

    fn compare(
        &mut self,
        spec: &'a ObjectSpec,
        out: &Obj<'_>,
        field: &Ref,
        op: Op,
        other: &Ref,
        other_label: Option<&Label>,
    ) {
        let (Look::Val(a), Look::Val(b)) = (self.look(out, field), self.look(out, other)) else {
            return;
        };
        let Some(ty) = Self::spec_of(spec, field).map(|f| &f.ty) else {
            return;
        };
        let (Some(ka), Some(kb)) = (key_of(ty, &a), key_of(ty, &b)) else {
            return;
        };
        let ord = ka.partial_cmp(&kb);
        let time = is_timelike(ty);
        let code = match op {
            Op::Gt if ord != Some(Ordering::Greater) => {
                if time {
                    "compare.not_after"
                } else {
                    "compare.not_greater"
                }
            }
            Op::Ge if ord == Some(Ordering::Less) => {
                if time {
                    "compare.before"
                } else {
                    "compare.less"
                }
            }
            Op::Ne if ord == Some(Ordering::Equal) => "compare.same",
            _ => return,
        };
        let Ref::Local(parts) = field else { return };
        let other_text = match (other_label, other) {
            (Some(l), _) => l.get(self.opts.locale).to_owned(),
            (None, Ref::Local(o)) => self.ref_label(spec, o),
            (None, Ref::Context(o)) => o.join("."),
        };
        let p = self.at(spec, parts, code).text("other", other_text);
        let also = self.local_path(other);
        self.report_also(p, also);
    }

    fn age_matches(&mut self, spec: &'a ObjectSpec, out: &Obj<'_>, birth: &Ref, age: &Ref) {
        let (Look::Val(b), Look::Val(a)) = (self.look(out, birth), self.look(out, age)) else {
            return;
        };
        let Some(born) = b.as_str().and_then(|s| Date::parse(s.trim())) else {
            return;
        };
        let Some(given) = a.as_i64() else { return };
        let expected = born.years_until(self.opts.as_of);
        if expected == given {
            return;
        }
        let Ref::Local(parts) = age else { return };
        let p = self
            .at(spec, parts, "rule.age_mismatch")
            .int("expected", expected);
        let also = self.local_path(birth);
        self.report_also(p, also);
    }

    fn id_matches(
        &mut self,
        spec: &'a ObjectSpec,
        out: &Obj<'_>,
        id: &Ref,
        birth: Option<&Ref>,
        sex: Option<&Ref>,
    ) {
        let Ref::Local(parts) = id else { return };
        let Some(&(_, id_birth, id_sex)) = self.ids.iter().find(|(p, _, _)| self.is_full(p, parts))
        else {
            return;
        };
        if let (Some(r), Some(id_date)) = (birth, id_birth) {
            if let Look::Val(v) = self.look(out, r) {
                if let Some(given) = v.as_str().and_then(|s| Date::parse(s.trim())) {
                    if given != id_date {
                        let p = self
                            .at(spec, parts, "rule.id_birth_date_mismatch")
                            .text("idDate", id_date.to_string())
                            .text("given", given.to_string());
                        let also = self.local_path(r);
                        self.report_also(p, also);
                    }
                }
            }
        }
        if let (Some(r), Some(id_sex)) = (sex, id_sex) {
            if let Look::Val(v) = self.look(out, r) {
                if let Some(given) = v.as_str().and_then(|s| Sex::parse(s.trim())) {
                    if given != id_sex {
                        let p = self
                            .at(spec, parts, "rule.id_sex_mismatch")
                            .text("idSex", sex_text(id_sex, self.opts.locale))
                            .text("given", sex_text(given, self.opts.locale));
                        let also = self.local_path(r);
                        self.report_also(p, also);
                    }
                }
            }
        }
    }

    fn booking(
        &mut self,
        spec: &'a ObjectSpec,
        out: &Obj<'_>,
        date: &Ref,
        time: &Ref,
        lead: u32,
        horizon: u32,
    ) {
        let (Look::Val(d), Look::Val(t)) = (self.look(out, date), self.look(out, time)) else {
            return;
        };
        let (Some(d), Some(t)) = (
            d.as_str().and_then(Date::parse),
            t.as_str().and_then(Time::parse),
        ) else {
            return;
        };
        let (Ref::Local(date_parts), Ref::Local(time_parts)) = (date, time) else {
            return;
        };
        let lead = i64::from(self.opts.lead_minutes.unwrap_or(lead));
        let horizon = i64::from(self.opts.horizon_days.unwrap_or(horizon));
        let now = self.opts.now.unwrap_or(DateTime {
            date: self.opts.as_of,
            time: Time { minutes: 0 },
        });
        let start = DateTime { date: d, time: t };
        let earliest = now.minutes().saturating_add(lead);
        if start.minutes() < earliest {
            let earliest = DateTime::from_minutes(earliest)
                .map(|e| format!("{} {}", e.date, e.time))
                .unwrap_or_default();
            let p = self
                .at(spec, time_parts, "booking.too_soon")
                .text("earliest", earliest);
            let also = vec![self.full(date_parts)];
            self.report_also(p, also);
        }
        if let Some(latest) = self.opts.as_of.add_days(horizon) {
            if d > latest {
                let p = self
                    .at(spec, date_parts, "booking.too_far")
                    .text("latest", latest.to_string());
                let also = vec![self.full(time_parts)];
                self.report_also(p, also);
            }
        }
    }

    fn no_overlap(
        &mut self,
        spec: &'a ObjectSpec,
        out: &Obj<'_>,
        array: &str,
        day: Option<&str>,
        start: &str,
        end: &str,
    ) {
        let Some(Node::Array(items)) = out.get(array) else {
            return;
        };
        let item_label = match spec.field(array).map(|f| &f.ty) {
            Some(FieldType::Array(a)) => a.items.label.as_ref(),
            _ => None,
        };
        let period = |v: &Node<'_>| -> Option<(Option<String>, Time, Time)> {
            let s = Time::parse(v.get(start)?.as_str()?)?;
            let e = Time::parse(v.get(end)?.as_str()?)?;
            let d = match day {
                Some(k) => Some(v.get(k)?.as_str()?.to_owned()),
                None => None,
            };
            Some((d, s, e))
        };
        let periods: Vec<_> = items.iter().map(period).collect();
        for (j, pj) in periods.iter().enumerate() {
            let Some((dj, sj, ej)) = pj else { continue };
            let clash = periods.iter().take(j).position(|pi| {
                pi.as_ref()
                    .is_some_and(|(di, si, ei)| di == dj && si < ej && sj < ei)
            });
            let Some(i) = clash else { continue };
            let mut frames = self.frames.clone();
            frames.push(Frame {
                label: spec.field(array).and_then(|f| f.label.as_ref()),
                index: None,
            });
            frames.push(Frame {
                label: item_label,
                index: Some(j),
            });
            let base = self.full(&[array.to_owned()]);
            let p = Problem::new(format!("{base}[{j}]"), "schedule.overlap")
                .text("label", label_of(&frames, self.opts.locale))
                .int("other", to_i64(i + 1));
            self.report_also(p, vec![format!("{base}[{i}]")]);
        }
    }
}

fn sex_text(s: Sex, locale: Locale) -> &'static str {
    match (s, locale) {
        (Sex::Male, Locale::ZhCn) => "男",
        (Sex::Female, Locale::ZhCn) => "女",
        (Sex::Male, Locale::En) => "male",
        (Sex::Female, Locale::En) => "female",
    }
}

/// Condition equality on normalised values: strings compare trimmed; numbers by value.
fn same(v: &Node<'_>, x: &Value) -> bool {
    match (v, x) {
        (Node::String(a), Value::String(b)) => a.trim() == b.trim(),
        (Node::Number(a), Value::Number(b)) => {
            a.as_i64().zip(b.as_i64()).is_some_and(|(a, b)| a == b) || a == b
        }
        _ => v.eq_value(x),
    }
}
