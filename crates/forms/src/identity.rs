//! The seam to `homecare-identity`: identity field types (ID numbers, phones, names, e-mail,
//! USCC, certificate numbers) are checked through [`IdentityRules`], so this crate holds no
//! second copy of those rules. [`HomecareIdentity`](crate::HomecareIdentity) implements the
//! trait over `homecare-identity`; tests may plug in their own with
//! [`Registry::with_identity`](crate::Registry::with_identity).

use crate::Date;
use homecare_core::Problem;

/// Sex as read from an identity document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    /// Male (`"male"` in form data).
    Male,
    /// Female (`"female"` in form data).
    Female,
}

impl Sex {
    /// The form-data spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }

    /// Parses the form-data spelling.
    ///
    /// ```
    /// use homecare_forms::Sex;
    /// assert_eq!(Sex::parse("female"), Some(Sex::Female));
    /// assert_eq!(Sex::parse("f"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "male" => Some(Sex::Male),
            "female" => Some(Sex::Female),
            _ => None,
        }
    }
}

/// A valid identity-document number with the facts cross-field rules need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdValue {
    /// Canonical number to submit (upper-case, no spaces).
    pub normalized: String,
    /// The document kind recognised (one of the allowed `kinds`), e.g. `"resident"`.
    pub kind: &'static str,
    /// Birth date encoded in the number, if the document carries one.
    pub birth_date: Option<Date>,
    /// Sex encoded in the number, if the document carries one.
    pub sex: Option<Sex>,
}

/// Identity validators. Each returns the canonical value, or every problem found. Problem
/// paths are relative to the field (`""` for the field itself); the engine prefixes the field
/// path and adds the `label` param. Codes come from the implementing crate's own catalog.
///
/// `input` is the raw user text (only trimmed): normalising `+86`, spaces, full-width digits
/// and lower-case `x` is the implementation's job, so there is one source of truth per rule.
pub trait IdentityRules {
    /// An identity-document number. `kinds` lists the document kinds the field accepts, in
    /// `homecare-identity`'s names (`"resident"`, `"resident15"`, `"hkPermit"`, `"moPermit"`,
    /// `"twPermit"`, `"foreignPermanent2023"`, `"foreignPermanent2017"`,
    /// `"hkMoTravelPermit"`, `"twTravelPermit"`, `"passport"`; empty = any kind); `as_of` is
    /// "today" for date plausibility.
    fn id_number(
        &self,
        input: &str,
        kinds: &[String],
        as_of: Date,
    ) -> Result<IdValue, Vec<Problem>>;
    /// [`IdentityRules::id_number`] with exactly one allowed kind (a form's kind field): the
    /// same check, without building a list (the default does build one).
    fn id_number_of_kind(
        &self,
        input: &str,
        kind: &str,
        as_of: Date,
    ) -> Result<IdValue, Vec<Problem>> {
        self.id_number(input, &[kind.to_owned()], as_of)
    }
    /// A mainland mobile number; returns the 11 digits.
    fn mobile(&self, input: &str) -> Result<String, Vec<Problem>>;
    /// A landline number; returns the canonical `area-number[-ext]` form.
    fn landline(&self, input: &str) -> Result<String, Vec<Problem>>;
    /// A person's name (Chinese or foreign); returns the canonical spelling.
    fn name(&self, input: &str) -> Result<String, Vec<Problem>>;
    /// An e-mail address; returns the canonical form.
    fn email(&self, input: &str) -> Result<String, Vec<Problem>>;
    /// A Unified Social Credit Code (GB 32100); returns the 18 upper-case characters.
    fn uscc(&self, input: &str) -> Result<String, Vec<Problem>>;
    /// A professional certificate number of `kind` (`"nurse"`, `"physician"`,
    /// `"eldercareWorker"` …, as the schema's enum spells it).
    fn certificate(&self, input: &str, kind: &str) -> Result<String, Vec<Problem>>;
}
