//! A problem with user input: where, what (a stable code) and the facts a message needs.

/// A parameter value carried with an error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
    /// Text, shown as is.
    Text(String),
    /// A whole number (JS receives a number).
    Int(i64),
}

impl Param {
    /// The value as message text.
    ///
    /// ```
    /// use homecare_core::Param;
    /// assert_eq!(Param::Int(18).display(), "18");
    /// ```
    pub fn display(&self) -> String {
        match self {
            Param::Text(s) => s.clone(),
            Param::Int(n) => n.to_string(),
        }
    }
}

/// One problem with user input.
///
/// ```
/// use homecare_core::{Param, Problem};
/// let p = Problem::new("contacts[1].mobile", "mobile.length").int("actual", 10);
/// assert_eq!(p.param("actual"), Some(&Param::Int(10)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the input: `""` for the whole value, `"emergencyContacts[1].mobile"` inside one.
    pub path: String,
    /// Stable dotted code, e.g. `id.checksum_mismatch`. Never reworded once shipped.
    pub code: &'static str,
    /// What the message needs, in insertion order.
    pub params: Vec<(&'static str, Param)>,
}

impl Problem {
    /// A problem at `path` with `code` and no params yet.
    pub fn new(path: impl Into<String>, code: &'static str) -> Self {
        Problem {
            path: path.into(),
            code,
            params: Vec::new(),
        }
    }

    /// Adds a text param.
    #[must_use]
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.params.push((name, Param::Text(value.into())));
        self
    }

    /// Adds a whole-number param.
    #[must_use]
    pub fn int(mut self, name: &'static str, value: i64) -> Self {
        self.params.push((name, Param::Int(value)));
        self
    }

    /// The same problem under a parent path: `at("contacts[1]")` turns `mobile` into
    /// `contacts[1].mobile`.
    ///
    /// ```
    /// use homecare_core::Problem;
    /// assert_eq!(Problem::new("mobile", "x.y").at("contacts[1]").path, "contacts[1].mobile");
    /// assert_eq!(Problem::new("", "x.y").at("idNumber").path, "idNumber");
    /// ```
    #[must_use]
    pub fn at(mut self, parent: &str) -> Self {
        self.path = match (parent.is_empty(), self.path.is_empty()) {
            (true, _) => self.path,
            (false, true) => parent.to_owned(),
            (false, false) if self.path.starts_with('[') => format!("{parent}{}", self.path),
            (false, false) => format!("{parent}.{}", self.path),
        };
        self
    }

    /// The param named `name`, if any.
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
}
