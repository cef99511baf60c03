//! Declarative draft migrations: a small JSON-patch-like set of steps that upgrade a draft
//! from one schema version to the next when it is loaded.
//!
//! Paths are JSON Pointers (RFC 6901: `/contact/phone`, `~1` for `/`, `~0` for `~`), with
//! one extension: a `*` segment stands for every element of an array (so a step can reach
//! each of `/emergencyContacts/*/phone`). Steps are tolerant: a path that is absent is
//! skipped, because a draft is a half-filled form. A step that needs to create an object
//! where a non-object value sits fails the migration instead of destroying data.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One upgrade step.
///
/// ```
/// use homecare_drafts::{apply_steps, MigrationStep};
/// let steps: Vec<MigrationStep> = serde_json::from_str(r#"[
///   {"op":"rename","path":"/phone","to":"mobile"},
///   {"op":"move","from":"/street","to":"/address/street"},
///   {"op":"setDefault","path":"/consent","value":false},
///   {"op":"mapValues","path":"/care","map":{"basic":"level1"}},
///   {"op":"remove","path":"/legacy"}
/// ]"#).unwrap();
/// let mut v = serde_json::json!({"phone":"138","street":"1号","care":"basic","legacy":1});
/// apply_steps(&mut v, &steps).unwrap();
/// assert_eq!(v, serde_json::json!(
///   {"mobile":"138","address":{"street":"1号"},"consent":false,"care":"level1"}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "camelCase", deny_unknown_fields)]
pub enum MigrationStep {
    /// Renames the member at `path` to `to` within the same object.
    Rename {
        /// Pointer to the member.
        path: String,
        /// New member name.
        to: String,
    },
    /// Moves the value at `from` to `to`, creating missing parent objects (e.g. into a new
    /// nested object). No wildcards.
    Move {
        /// Source pointer.
        from: String,
        /// Destination pointer.
        to: String,
    },
    /// Sets `value` at `path` when the member is absent or null, creating parent objects.
    SetDefault {
        /// Pointer to the member.
        path: String,
        /// The default.
        value: Value,
    },
    /// Removes the member at `path`.
    Remove {
        /// Pointer to the member.
        path: String,
    },
    /// Replaces an enum value: a string (or number/bool, by its JSON text) found in `map`.
    MapValues {
        /// Pointer to the member.
        path: String,
        /// Old value → new value.
        map: BTreeMap<String, Value>,
    },
}

/// Why a step failed: its index in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepFailed(pub usize);

fn segments(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    Some(
        rest.split('/')
            .map(|s| s.replace("~1", "/").replace("~0", "~"))
            .collect(),
    )
}

impl MigrationStep {
    /// Checks the step's paths at registration time, so a bad step is a setup error and
    /// not a failed load.
    pub(crate) fn is_valid(&self) -> bool {
        let member = |p: &str| segments(p).is_some_and(|s| !s.is_empty());
        match self {
            MigrationStep::Rename { path, to } => member(path) && !to.is_empty(),
            MigrationStep::Move { from, to } => {
                member(from)
                    && member(to)
                    && !from.split('/').any(|s| s == "*")
                    && !to.split('/').any(|s| s == "*")
            }
            MigrationStep::SetDefault { path, .. }
            | MigrationStep::Remove { path }
            | MigrationStep::MapValues { path, .. } => member(path),
        }
    }
}

/// Applies `steps` in order to `value`.
pub fn apply_steps(value: &mut Value, steps: &[MigrationStep]) -> Result<(), StepFailed> {
    for (i, step) in steps.iter().enumerate() {
        apply(value, step).map_err(|()| StepFailed(i))?;
    }
    Ok(())
}

fn apply(root: &mut Value, step: &MigrationStep) -> Result<(), ()> {
    match step {
        MigrationStep::Rename { path, to } => {
            let segs = segments(path).ok_or(())?;
            each_parent(root, &segs, false, &mut |obj, last| {
                if let Some(v) = obj.remove(last) {
                    obj.insert(to.clone(), v);
                }
                Ok(())
            })
        }
        MigrationStep::Remove { path } => {
            let segs = segments(path).ok_or(())?;
            each_parent(root, &segs, false, &mut |obj, last| {
                obj.remove(last);
                Ok(())
            })
        }
        MigrationStep::SetDefault { path, value } => {
            let segs = segments(path).ok_or(())?;
            each_parent(root, &segs, true, &mut |obj, last| {
                if obj.get(last).is_none_or(Value::is_null) {
                    obj.insert(last.to_owned(), value.clone());
                }
                Ok(())
            })
        }
        MigrationStep::MapValues { path, map } => {
            let segs = segments(path).ok_or(())?;
            each_parent(root, &segs, false, &mut |obj, last| {
                if let Some(v) = obj.get_mut(last) {
                    let text = match v {
                        Value::String(s) => Some(s.clone()),
                        Value::Number(n) => Some(n.to_string()),
                        Value::Bool(b) => Some(b.to_string()),
                        _ => None,
                    };
                    if let Some(new) = text.and_then(|t| map.get(&t)) {
                        *v = new.clone();
                    }
                }
                Ok(())
            })
        }
        MigrationStep::Move { from, to } => {
            let from = segments(from).ok_or(())?;
            let to = segments(to).ok_or(())?;
            let mut taken = None;
            each_parent(root, &from, false, &mut |obj, last| {
                taken = obj.remove(last);
                Ok(())
            })?;
            let Some(v) = taken else {
                return Ok(());
            };
            let mut slot = Some(v);
            each_parent(root, &to, true, &mut |obj, last| {
                if let Some(v) = slot.take() {
                    obj.insert(last.to_owned(), v);
                }
                Ok(())
            })
        }
    }
}

/// What a step does to one parent object and the last path segment.
type Visit<'f> = dyn FnMut(&mut Map<String, Value>, &str) -> Result<(), ()> + 'f;

/// Calls `f(parent, last)` for every object that is the parent of the member `segs` points
/// at. Missing intermediate members are created as objects when `create`, else skipped.
fn each_parent(
    value: &mut Value,
    segs: &[String],
    create: bool,
    f: &mut Visit<'_>,
) -> Result<(), ()> {
    let Some((first, rest)) = segs.split_first() else {
        return Err(());
    };
    if rest.is_empty() {
        return match value {
            Value::Object(obj) => f(obj, first),
            _ if create => Err(()),
            _ => Ok(()),
        };
    }
    match value {
        Value::Array(items) if first == "*" => {
            for item in items.iter_mut() {
                each_parent(item, rest, create, f)?;
            }
            Ok(())
        }
        Value::Array(items) => match first.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
            Some(item) => each_parent(item, rest, create, f),
            None if create => Err(()),
            None => Ok(()),
        },
        Value::Object(obj) => {
            if !obj.contains_key(first.as_str()) {
                if !create {
                    return Ok(());
                }
                obj.insert(first.clone(), Value::Object(Map::new()));
            }
            match obj.get_mut(first.as_str()) {
                Some(child) => each_parent(child, rest, create, f),
                None => Ok(()),
            }
        }
        _ if create => Err(()),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(steps: Value, mut v: Value) -> Result<Value, StepFailed> {
        let steps: Vec<MigrationStep> = serde_json::from_value(steps).unwrap();
        assert!(steps.iter().all(MigrationStep::is_valid));
        apply_steps(&mut v, &steps).map(|()| v)
    }

    #[test]
    fn wildcards_reach_every_array_element() {
        let out = run(
            json!([{"op":"rename","path":"/contacts/*/tel","to":"mobile"},
                   {"op":"setDefault","path":"/contacts/*/relation","value":"child"},
                   {"op":"mapValues","path":"/contacts/*/relation","map":{"son":"child","1":"spouse"}}]),
            json!({"contacts":[{"tel":"1","relation":"son"},{"tel":"2"},{"relation":1}]}),
        )
        .unwrap();
        assert_eq!(
            out,
            json!({"contacts":[{"mobile":"1","relation":"child"},{"mobile":"2","relation":"child"},{"relation":"spouse"}]})
        );
    }

    #[test]
    fn absent_paths_are_skipped_and_escapes_work() {
        let out = run(
            json!([{"op":"remove","path":"/a/b/c"},{"op":"rename","path":"/x~1y","to":"z"},
                   {"op":"move","from":"/nope","to":"/n/m"},{"op":"setDefault","path":"/k","value":null}]),
            json!({"x/y":1,"k":2}),
        )
        .unwrap();
        assert_eq!(out, json!({"z":1,"k":2}));
    }

    #[test]
    fn creating_through_a_non_object_fails_instead_of_overwriting() {
        let err = run(
            json!([{"op":"remove","path":"/q"},{"op":"setDefault","path":"/name/first","value":"x"}]),
            json!({"name":"王"}),
        );
        assert_eq!(err, Err(StepFailed(1)));
        let err = run(
            json!([{"op":"move","from":"/a","to":"/b/c"}]),
            json!({"a":1,"b":[1]}),
        );
        assert_eq!(err, Err(StepFailed(0)));
    }

    #[test]
    fn invalid_steps_are_rejected_at_registration() {
        let bad: Vec<MigrationStep> = serde_json::from_value(json!([
            {"op":"rename","path":"","to":"x"},
            {"op":"rename","path":"/a","to":""},
            {"op":"remove","path":"a"},
            {"op":"move","from":"/a/*/b","to":"/c"}
        ]))
        .unwrap();
        assert!(bad.iter().all(|s| !s.is_valid()));
        assert!(serde_json::from_value::<MigrationStep>(json!({"op":"drop","path":"/a"})).is_err());
    }
}
