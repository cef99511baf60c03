//! The registry: the schemas one app instance knows (built-in plus registered at run time) and
//! the identity rules identity-typed fields are checked with. No global state: the wasm layer
//! owns one instance.

use crate::{parse_schema, IdentityRules, Schema};
use homecare_core::Problem;
use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::fmt;

/// A schema, compiled on first use for built-ins: compiling all twelve takes ~0.5 ms natively
/// (more in wasm without a JIT), and a page usually needs one or two.
struct Entry {
    source: Option<&'static str>,
    compiled: OnceCell<Option<Schema>>,
}

impl Entry {
    fn ready(schema: Schema) -> Self {
        Entry {
            source: None,
            compiled: OnceCell::from(Some(schema)),
        }
    }

    fn get(&self) -> Option<&Schema> {
        self.compiled
            .get_or_init(|| self.source.and_then(|json| parse_schema(json).ok()))
            .as_ref()
    }
}

/// The built-in forms as schema JSON (the same format the backend ships), in the order of the
/// issue that defined them.
pub const BUILTIN_SCHEMAS: &[(&str, &str)] = &[
    ("login.sms", include_str!("../schemas/login.sms.json")),
    (
        "register.basic",
        include_str!("../schemas/register.basic.json"),
    ),
    (
        "register.realName",
        include_str!("../schemas/register.realName.json"),
    ),
    (
        "register.emergencyContacts",
        include_str!("../schemas/register.emergencyContacts.json"),
    ),
    ("address", include_str!("../schemas/address.json")),
    (
        "booking.reservation",
        include_str!("../schemas/booking.reservation.json"),
    ),
    (
        "order.payment",
        include_str!("../schemas/order.payment.json"),
    ),
    (
        "order.evaluation",
        include_str!("../schemas/order.evaluation.json"),
    ),
    ("feedback", include_str!("../schemas/feedback.json")),
    ("order.refund", include_str!("../schemas/order.refund.json")),
    (
        "staff.onboarding",
        include_str!("../schemas/staff.onboarding.json"),
    ),
    (
        "staff.serviceRecord",
        include_str!("../schemas/staff.serviceRecord.json"),
    ),
];

/// Schemas by id, plus the identity rules.
///
/// ```
/// use homecare_forms::Registry;
/// let mut reg = Registry::new();
/// assert_eq!(reg.schema("login.sms").map(|s| s.version), Some(1));
/// let info = reg.register_schema(r#"{"id":"login.sms","version":2,"fields":[]}"#).unwrap();
/// assert_eq!(info, ("login.sms".to_owned(), 2));
/// let err = reg.register_schema(r#"{"id":"login.sms","version":2,"fields":[]}"#).unwrap_err();
/// assert_eq!(err[0].code, "schema.version_not_newer");
/// ```
pub struct Registry {
    schemas: BTreeMap<String, Entry>,
    identity: Option<Box<dyn IdentityRules>>,
}

impl fmt::Debug for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Registry")
            .field("schemas", &self.schemas.keys().collect::<Vec<_>>())
            .field("identity", &self.identity.is_some())
            .finish()
    }
}

impl Default for Registry {
    fn default() -> Self {
        Self::new()
    }
}

impl Registry {
    /// A registry with every built-in form and the production identity rules
    /// ([`HomecareIdentity`](crate::HomecareIdentity), over `homecare-identity`). Built-ins are
    /// compiled on first use; the crate's tests (`builtin_errors`) prove each one compiles.
    pub fn new() -> Self {
        Self::builtins_only().with_identity(Box::new(crate::HomecareIdentity))
    }

    /// Every built-in form and no identity rules: identity-typed fields then report
    /// `field.identity_unchecked` (never silently accepted). For tests that plug in their own
    /// rules with [`Registry::with_identity`].
    pub fn builtins_only() -> Self {
        let mut reg = Self::empty();
        for (id, json) in BUILTIN_SCHEMAS {
            let entry = Entry {
                source: Some(json),
                compiled: OnceCell::new(),
            };
            reg.schemas.insert((*id).to_owned(), entry);
        }
        reg
    }

    /// A registry without any schema.
    pub fn empty() -> Self {
        Registry {
            schemas: BTreeMap::new(),
            identity: None,
        }
    }

    /// Sets the identity rules (the wasm layer passes its `homecare-identity` adapter).
    #[must_use]
    pub fn with_identity(mut self, rules: Box<dyn IdentityRules>) -> Self {
        self.identity = Some(rules);
        self
    }

    /// Sets or replaces the identity rules.
    pub fn set_identity(&mut self, rules: Box<dyn IdentityRules>) {
        self.identity = Some(rules);
    }

    pub(crate) fn identity(&self) -> Option<&dyn IdentityRules> {
        self.identity.as_deref()
    }

    /// Loads a schema (JSON text), checking it fully. A schema with a new id is added; one
    /// with a known id replaces it only if its `version` is higher (so an old cached copy
    /// from the backend never downgrades a form). Returns `(id, version)`.
    pub fn register_schema(&mut self, json: &str) -> Result<(String, u32), Vec<Problem>> {
        let schema = parse_schema(json)?;
        if let Some(current) = self.schema(&schema.id) {
            if current.version >= schema.version {
                return Err(vec![Problem::new("version", "schema.version_not_newer")
                    .int("current", i64::from(current.version))]);
            }
        }
        let info = (schema.id.clone(), schema.version);
        self.schemas.insert(schema.id.clone(), Entry::ready(schema));
        Ok(info)
    }

    /// The schema with `id`.
    pub fn schema(&self, id: &str) -> Option<&Schema> {
        self.schemas.get(id)?.get()
    }

    /// `(id, version)` of every schema, sorted by id.
    pub fn forms(&self) -> impl Iterator<Item = (&str, u32)> {
        self.schemas
            .iter()
            .filter_map(|(id, e)| Some((id.as_str(), e.get()?.version)))
    }
}

/// Load problems of the built-in schemas (empty when all load); for tests and the wasm
/// self-check.
pub fn builtin_errors() -> Vec<(&'static str, Vec<Problem>)> {
    BUILTIN_SCHEMAS
        .iter()
        .filter_map(|(id, json)| match parse_schema(json) {
            Ok(s) if s.id == *id => None,
            Ok(_) => Some((*id, vec![Problem::new("id", "schema.bad_value")])),
            Err(e) => Some((*id, e)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_loads_under_its_own_id() {
        assert!(builtin_errors().is_empty(), "{:?}", builtin_errors());
        let reg = Registry::new();
        assert_eq!(reg.forms().count(), BUILTIN_SCHEMAS.len());
        assert!(format!("{reg:?}").contains("login.sms"));
    }

    #[test]
    fn older_or_equal_versions_never_replace() {
        let mut reg = Registry::empty();
        let v = |n: u32| format!(r#"{{"id":"f","version":{n},"fields":[]}}"#);
        assert!(reg.register_schema(&v(3)).is_ok());
        let err = reg.register_schema(&v(2)).unwrap_err();
        assert_eq!(err[0].param("current"), Some(&homecare_core::Param::Int(3)));
        assert!(reg.register_schema(&v(4)).is_ok());
        assert_eq!(reg.schema("f").map(|s| s.version), Some(4));
    }
}
