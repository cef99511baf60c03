//! The schema model: what a form is made of, after a JSON schema has been checked and compiled.
//! The JSON format is documented in `docs/forms.md`; [`crate::schema_parse`] turns JSON into
//! these types and reports every mistake with a path and a code.

use crate::{CharSet, Date, Dec, Time};
use homecare_core::Locale;
use serde_json::Value;

/// A compiled form schema.
#[derive(Debug, Clone)]
pub struct Schema {
    /// Stable id, e.g. `register.emergencyContacts`.
    pub id: String,
    /// Version; a registered schema replaces one with the same id only if this is higher.
    pub version: u32,
    /// The form's title, for messages and UIs.
    pub label: Option<Label>,
    /// The top-level object.
    pub root: ObjectSpec,
}

/// A label in both locales (a plain JSON string sets both).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Simplified Chinese.
    pub zh_cn: String,
    /// English.
    pub en: String,
}

impl Label {
    /// The label for `locale`.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::ZhCn => &self.zh_cn,
            Locale::En => &self.en,
        }
    }
}

/// What to do with keys the schema does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unknown {
    /// Leave them out of `value` silently (default).
    #[default]
    Drop,
    /// Report `object.unknown_field` for each.
    Report,
}

/// An object: its fields in display order, its cross-field rules and the unknown-key policy.
#[derive(Debug, Clone, Default)]
pub struct ObjectSpec {
    /// Fields in order; errors come out in this order.
    pub fields: Vec<FieldSpec>,
    /// Cross-field rules over this object's fields; they run even when some fields fail.
    pub rules: Vec<Rule>,
    /// Unknown-key policy.
    pub unknown: Unknown,
}

impl ObjectSpec {
    /// The field named `name`.
    pub fn field(&self, name: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// One field.
#[derive(Debug, Clone)]
pub struct FieldSpec {
    /// Key in the data object (empty for array items).
    pub name: String,
    /// What the user sees; goes into the `label` message param.
    pub label: Option<Label>,
    /// Missing (absent, `null` unless nullable, or blank text) is an error.
    pub required: bool,
    /// `null` is a valid value and is kept as `null` in `value`.
    pub nullable: bool,
    /// Type and type-specific rules.
    pub ty: FieldType,
}

/// Field types and their rules.
#[derive(Debug, Clone)]
pub enum FieldType {
    /// Text, trimmed. Length counts Unicode characters.
    String(StringSpec),
    /// A whole number (JSON number or digits in text); submitted as a JSON number.
    Integer {
        /// Smallest allowed.
        min: Option<i64>,
        /// Largest allowed.
        max: Option<i64>,
    },
    /// A decimal number submitted as canonical text (`"36.5"`).
    Decimal {
        /// Most fraction digits allowed.
        scale: u8,
        /// Smallest allowed.
        min: Option<Dec>,
        /// Largest allowed.
        max: Option<Dec>,
    },
    /// `true` or `false`.
    Boolean,
    /// `YYYY-MM-DD`.
    Date(DateSpec),
    /// `HH:MM`.
    Time {
        /// Minutes must be a multiple of this (e.g. 30 for half-hour slots).
        step: Option<u16>,
        /// Earliest allowed.
        min: Option<Time>,
        /// Latest allowed.
        max: Option<Time>,
    },
    /// `YYYY-MM-DDTHH:MM`.
    DateTime {
        /// Must not be after `options.now` (or the end of `asOf`).
        not_future: bool,
    },
    /// One of a fixed list of strings.
    Enum(Vec<EnumValue>),
    /// A nested object.
    Object(Box<ObjectSpec>),
    /// A list.
    Array(Box<ArraySpec>),
    /// An identity-document number, checked by [`crate::IdentityRules::id_number`].
    IdNumber {
        /// Allowed document kinds (empty = all).
        kinds: Vec<String>,
        /// A sibling field whose value is the document kind (overrides `kinds` when valid).
        kind_field: Option<String>,
    },
    /// A mainland mobile number.
    Mobile,
    /// A landline number.
    Landline,
    /// A mobile or landline number (decided by its first digit).
    Phone,
    /// A person's name.
    Name,
    /// An e-mail address.
    Email,
    /// A Unified Social Credit Code.
    Uscc,
    /// A professional certificate number.
    Certificate {
        /// A fixed certificate kind.
        kind: Option<String>,
        /// A sibling field whose value is the certificate kind.
        kind_field: Option<String>,
    },
}

impl FieldType {
    /// Picker-like types are "chosen", not "typed": their missing-value message says 请选择.
    pub fn is_choice(&self) -> bool {
        matches!(
            self,
            FieldType::Enum(_)
                | FieldType::Boolean
                | FieldType::Date(_)
                | FieldType::Time { .. }
                | FieldType::DateTime { .. }
        )
    }

    /// The type's name as in the schema JSON (also the `expected` param of `field.wrong_type`).
    pub fn name(&self) -> &'static str {
        match self {
            FieldType::String(_) => "string",
            FieldType::Integer { .. } => "integer",
            FieldType::Decimal { .. } => "decimal",
            FieldType::Boolean => "boolean",
            FieldType::Date(_) => "date",
            FieldType::Time { .. } => "time",
            FieldType::DateTime { .. } => "datetime",
            FieldType::Enum(_) => "enum",
            FieldType::Object(_) => "object",
            FieldType::Array(_) => "array",
            FieldType::IdNumber { .. } => "idNumber",
            FieldType::Mobile => "mobile",
            FieldType::Landline => "landline",
            FieldType::Phone => "phone",
            FieldType::Name => "name",
            FieldType::Email => "email",
            FieldType::Uscc => "uscc",
            FieldType::Certificate { .. } => "certificate",
        }
    }
}

/// Rules of a `string` field.
#[derive(Debug, Clone, Default)]
pub struct StringSpec {
    /// Fewest characters.
    pub min_length: Option<usize>,
    /// Most characters.
    pub max_length: Option<usize>,
    /// Allowed characters.
    pub chars: Option<CharSet>,
    /// Fold full-width ASCII to half-width (codes, numbers); off for free text.
    pub half_width: bool,
}

/// Rules of a `date` field.
#[derive(Debug, Clone, Default)]
pub struct DateSpec {
    /// Earliest allowed.
    pub min: Option<Date>,
    /// Latest allowed.
    pub max: Option<Date>,
    /// Not after `asOf`.
    pub not_future: bool,
    /// Not before `asOf`.
    pub not_past: bool,
    /// Not more than this many years before `asOf` (birth dates).
    pub max_years_ago: Option<u16>,
}

/// One enum value.
#[derive(Debug, Clone)]
pub struct EnumValue {
    /// The submitted value.
    pub value: String,
    /// What the user sees (used in conditional-rule messages).
    pub label: Option<Label>,
}

/// Rules of an `array` field.
#[derive(Debug, Clone)]
pub struct ArraySpec {
    /// The item schema (its `name` is empty; its label names one item, e.g. 紧急联系人).
    pub items: FieldSpec,
    /// Fewest items.
    pub min_items: Option<usize>,
    /// Most items.
    pub max_items: Option<usize>,
    /// Which items must differ.
    pub unique: Unique,
}

/// Uniqueness inside an array, compared on normalised values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unique {
    /// No constraint.
    No,
    /// Whole items differ.
    Whole,
    /// Items (objects) differ in this key.
    By(String),
}

/// A reference to a value from inside a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ref {
    /// A field of the rule's object, possibly dotted into nested objects (`vitals.pulse`).
    Local(Vec<String>),
    /// A key path in `options.context` (`$context.mobile`), e.g. earlier forms' data.
    Context(Vec<String>),
}

/// A condition on a value.
#[derive(Debug, Clone)]
pub struct Cond {
    /// The value tested.
    pub field: Ref,
    /// The test.
    pub test: CondTest,
}

/// Condition tests.
#[derive(Debug, Clone)]
pub enum CondTest {
    /// Equal to this JSON value (after normalisation).
    Equals(Value),
    /// Equal to one of these.
    In(Vec<Value>),
    /// Present (or absent, if `false`).
    Present(bool),
}

/// What a `when` rule requires of one field when its condition holds.
#[derive(Debug, Clone, Default)]
pub struct Then {
    /// The field constrained (a key of the rule's object).
    pub field: String,
    /// Must be present.
    pub required: bool,
    /// Must be absent.
    pub forbidden: bool,
    /// Number at least.
    pub min: Option<Dec>,
    /// Number at most.
    pub max: Option<Dec>,
    /// At least this many characters.
    pub min_length: Option<usize>,
    /// At most this many characters.
    pub max_length: Option<usize>,
    /// One of these values.
    pub values: Option<Vec<String>>,
}

/// Comparison operators of the `compare` rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Greater / later.
    Gt,
    /// Greater or equal / not earlier.
    Ge,
    /// Different.
    Ne,
}

/// Cross-field rules of an object. They run even when other fields fail; a rule whose inputs
/// are themselves invalid is skipped (those already carry their own error).
#[derive(Debug, Clone)]
pub enum Rule {
    /// When `cond` holds, apply `then` to fields.
    When {
        /// The condition.
        cond: Cond,
        /// Constraints applied.
        then: Vec<Then>,
    },
    /// At least one of these fields is filled.
    AtLeastOne {
        /// The fields.
        fields: Vec<String>,
    },
    /// `field op other` on numbers, dates, times or date-times (typed by `field`).
    Compare {
        /// The field reported.
        field: Ref,
        /// The operator.
        op: Op,
        /// The other value.
        other: Ref,
        /// The other value's label (for `$context` refs, which have no field label).
        other_label: Option<Label>,
    },
    /// An age (integer) agrees with a birth date as of `asOf`.
    AgeMatches {
        /// The birth date field.
        birth_date: Ref,
        /// The age field.
        age: Ref,
    },
    /// Birth date and sex read from an ID number agree with other data.
    IdMatches {
        /// The `idNumber` field.
        id: Ref,
        /// A birth date to compare with.
        birth_date: Option<Ref>,
        /// A sex (`male`/`female`) to compare with.
        sex: Option<Ref>,
    },
    /// A booking date + start time lies between `now + lead` and `asOf + horizon days`.
    BookingWindow {
        /// The date field.
        date: Ref,
        /// The start-time field.
        time: Ref,
        /// Default lead time in minutes (options may override).
        lead_minutes: u32,
        /// Default horizon in days (options may override).
        horizon_days: u32,
    },
    /// Items of an array of periods do not overlap (per `day` when given).
    NoOverlap {
        /// The array field.
        array: String,
        /// Key of the day within an item (periods on different days never overlap).
        day: Option<String>,
        /// Key of the start time within an item.
        start: String,
        /// Key of the end time within an item.
        end: String,
    },
}

impl Rule {
    /// The rule's name as in schema JSON.
    pub fn name(&self) -> &'static str {
        match self {
            Rule::When { .. } => "when",
            Rule::AtLeastOne { .. } => "atLeastOne",
            Rule::Compare { .. } => "compare",
            Rule::AgeMatches { .. } => "ageMatches",
            Rule::IdMatches { .. } => "idMatches",
            Rule::BookingWindow { .. } => "bookingWindow",
            Rule::NoOverlap { .. } => "noOverlap",
        }
    }
}
