//! Sealing selected fields of a JSON value in place (e.g. only `idNumber` and
//! `contacts[*].mobile` of an order).
//!
//! See [`seal_fields`] for the sealed field format and the path syntax.

use crate::aead::AeadKey;
use crate::canonical::canonical_json;
use crate::{aead_decrypt, aead_encrypt, b64, CryptoError, Entropy};
use homecare_core::Problem;
use serde_json::Value;
use zeroize::Zeroizing;

/// The prefix of a sealed field (format version 1).
pub const SEALED_PREFIX: &str = "hc1.";

#[derive(Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
    Each,
}

fn parse_path(path: &str) -> Result<Vec<Step>, Problem> {
    let bad = || CryptoError::FieldPathSyntax.problem(path);
    let mut steps = Vec::new();
    for (i, segment) in path.split('.').enumerate() {
        let (name, mut rest) = match segment.find('[') {
            Some(at) => segment.split_at(at),
            None => (segment, ""),
        };
        if name.contains(']') || (name.is_empty() && (i > 0 || rest.is_empty())) {
            return Err(bad());
        }
        if !name.is_empty() {
            steps.push(Step::Key(name.to_owned()));
        }
        while !rest.is_empty() {
            let inner = rest.strip_prefix('[').ok_or_else(bad)?;
            let (index, tail) = inner.split_once(']').ok_or_else(bad)?;
            steps.push(match index {
                "*" => Step::Each,
                digits if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
                    Step::Index(digits.parse().map_err(|_| bad())?)
                }
                _ => return Err(bad()),
            });
            rest = tail;
        }
    }
    Ok(steps)
}

fn join_key(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        format!("{parent}.{key}")
    }
}

/// Calls `leaf` on every value `steps` reaches, with its concrete path.
fn visit(
    value: &mut Value,
    steps: &[Step],
    at: &str,
    leaf: &mut dyn FnMut(&mut Value, &str) -> Result<(), Problem>,
) -> Result<(), Problem> {
    let Some((step, rest)) = steps.split_first() else {
        return if value.is_null() {
            Ok(())
        } else {
            leaf(value, at)
        };
    };
    match (step, value) {
        (_, Value::Null) => Ok(()),
        (Step::Key(k), Value::Object(map)) => match map.get_mut(k) {
            Some(child) => visit(child, rest, &join_key(at, k), leaf),
            None => Ok(()),
        },
        (Step::Index(i), Value::Array(items)) => match items.get_mut(*i) {
            Some(child) => visit(child, rest, &format!("{at}[{i}]"), leaf),
            None => Ok(()),
        },
        (Step::Each, Value::Array(items)) => {
            for (i, child) in items.iter_mut().enumerate() {
                visit(child, rest, &format!("{at}[{i}]"), leaf)?;
            }
            Ok(())
        }
        _ => Err(CryptoError::FieldShape.problem(at)),
    }
}

/// The AAD of one sealed field: `"hc1" ‖ be32(len(path)) ‖ path ‖ aad`.
fn field_aad(path: &str, aad: Option<&[u8]>) -> Result<Vec<u8>, Problem> {
    let len = u32::try_from(path.len()).map_err(|_| CryptoError::TooLong.problem(path))?;
    let extra = aad.unwrap_or_default();
    let mut out = Vec::with_capacity(
        7usize
            .saturating_add(path.len())
            .saturating_add(extra.len()),
    );
    out.extend_from_slice(b"hc1");
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(path.as_bytes());
    out.extend_from_slice(extra);
    Ok(out)
}

/// A copy of `value` with the fields at `paths` sealed.
///
/// # Sealed field format
///
/// A sealed field is the JSON string `"hc1." + base64url(nonce(12) ‖ ciphertext ‖ tag(16))`
/// (unpadded base64url, RFC 4648 §5), AES-256-GCM under an [`AeadKey`]:
///
/// - plaintext: the [`canonical_json`](crate::canonical_json) text of the original value, so
///   strings, numbers, objects and arrays all come back exactly, type included;
/// - AAD: `"hc1"` ‖ u32 big-endian byte length of the concrete path ‖ the concrete path
///   (UTF-8, e.g. `contacts[1].mobile`) ‖ the caller's optional AAD. Binding the concrete
///   path means a ciphertext moved to another field, or to another element of a list, fails
///   with `crypto.auth_failed`. To reorder a list, open, reorder, seal again.
///
/// # Paths
///
/// `name`, `a.b`, `list[*].name` (every element), `list[2].name` (one element), `[*]` for a
/// top-level list. Absent members, out-of-range indexes and `null` values are left alone
/// (nothing to hide); a path through a value of the wrong kind is `fields.shape_mismatch`.
/// Paths are applied in the given order and [`open_fields`] walks them in reverse, so when
/// one path lies inside another, list the inner one first (`["a.b", "a"]`).
///
/// # Example
///
/// ```
/// use homecare_crypto::{open_fields, seal_fields, AeadKey, PrefetchedEntropy};
/// use serde_json::json;
/// let key = AeadKey::from_bytes(&[3u8; 32]).map_err(|e| e.problem(""))?;
/// let order = json!({"name": "王秀英", "idNumber": "110101194001011234",
///                    "contacts": [{"name": "王强", "mobile": "13800138000"}]});
/// let paths = ["idNumber", "contacts[*].mobile"];
/// let mut entropy = PrefetchedEntropy::new(vec![5; 24]); // 12 bytes per sealed field
/// let sealed = seal_fields(&order, &paths, &key, None, &mut entropy)?;
/// assert_eq!(sealed["name"], "王秀英");
/// assert!(sealed["idNumber"].as_str().unwrap().starts_with("hc1."));
/// assert_eq!(open_fields(&sealed, &paths, &key, None)?, order);
/// # Ok::<(), homecare_core::Problem>(())
/// ```
pub fn seal_fields<S: AsRef<str>>(
    value: &Value,
    paths: &[S],
    key: &AeadKey,
    aad: Option<&[u8]>,
    entropy: &mut dyn Entropy,
) -> Result<Value, Problem> {
    let mut out = value.clone();
    for path in paths {
        let steps = parse_path(path.as_ref())?;
        visit(&mut out, &steps, "", &mut |leaf, at| {
            let plain = Zeroizing::new(canonical_json(leaf));
            let sealed = aead_encrypt(key, plain.as_bytes(), Some(&field_aad(at, aad)?), entropy)
                .map_err(|e| e.problem(at))?;
            *leaf = Value::String(format!("{SEALED_PREFIX}{}", b64::encode(&sealed)));
            Ok(())
        })?;
    }
    Ok(out)
}

/// A copy of `value` with the sealed fields at `paths` opened. A value at a path that is not a
/// sealed string is `fields.not_sealed`; a changed, moved or foreign field is
/// `crypto.auth_failed`, with the problem's `path` naming the field.
pub fn open_fields<S: AsRef<str>>(
    value: &Value,
    paths: &[S],
    key: &AeadKey,
    aad: Option<&[u8]>,
) -> Result<Value, Problem> {
    let mut out = value.clone();
    for path in paths.iter().rev() {
        let steps = parse_path(path.as_ref())?;
        visit(&mut out, &steps, "", &mut |leaf, at| {
            let text = leaf
                .as_str()
                .and_then(|s| s.strip_prefix(SEALED_PREFIX))
                .ok_or_else(|| CryptoError::FieldNotSealed.problem(at))?;
            let sealed = b64::decode(text).ok_or_else(|| CryptoError::Base64.problem(at))?;
            let plain = Zeroizing::new(
                aead_decrypt(key, &sealed, Some(&field_aad(at, aad)?))
                    .map_err(|e| e.problem(at))?,
            );
            *leaf =
                serde_json::from_slice(&plain).map_err(|_| CryptoError::FieldJson.problem(at))?;
            Ok(())
        })?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entropy::testing::{NoEntropy, TestEntropy};
    use proptest::prelude::*;
    use serde_json::json;

    fn key() -> AeadKey {
        AeadKey::from_bytes(&[0x11; 32]).unwrap()
    }

    fn order() -> Value {
        json!({
            "name": "王秀英",
            "idNumber": "110101194001011234",
            "age": 86,
            "contacts": [
                {"name": "王强", "mobile": "13800138000"},
                {"name": "李娜", "mobile": "13900139000"},
                {"name": "无手机", "mobile": null}
            ],
            "address": {"detail": "朝阳区某街1号", "geo": [116.4, 39.9]}
        })
    }

    #[test]
    fn parses_paths() {
        use Step::*;
        assert_eq!(parse_path("a").unwrap(), vec![Key("a".into())]);
        assert_eq!(
            parse_path("contacts[*].mobile").unwrap(),
            vec![Key("contacts".into()), Each, Key("mobile".into())]
        );
        assert_eq!(parse_path("[*][3]").unwrap(), vec![Each, Index(3)]);
        for bad in [
            "", ".", "a.", ".a", "a..b", "a[", "a[]", "a[x]", "a]b", "a[1]b", "a.[1]", "a[-1]",
        ] {
            assert_eq!(
                parse_path(bad).unwrap_err().code,
                "fields.path_syntax",
                "{bad}"
            );
        }
    }

    #[test]
    fn seals_only_selected_fields_and_opens_back() {
        let paths = ["idNumber", "contacts[*].mobile", "address.geo", "missing.x"];
        let sealed = seal_fields(
            &order(),
            &paths,
            &key(),
            Some(b"order-1"),
            &mut TestEntropy::new(1),
        )
        .unwrap();
        assert_eq!(sealed["name"], "王秀英");
        assert_eq!(sealed["contacts"][0]["name"], "王强");
        assert_eq!(sealed["contacts"][2]["mobile"], Value::Null);
        for v in [
            &sealed["idNumber"],
            &sealed["contacts"][1]["mobile"],
            &sealed["address"]["geo"],
        ] {
            assert!(v.as_str().unwrap().starts_with("hc1."), "{v}");
        }
        let text = sealed.to_string();
        assert!(!text.contains("110101194001011234") && !text.contains("13800138000"));
        assert_eq!(
            open_fields(&sealed, &paths, &key(), Some(b"order-1")).unwrap(),
            order()
        );
        let wrong = open_fields(&sealed, &paths, &key(), Some(b"order-2")).unwrap_err();
        assert_eq!(
            (wrong.code, wrong.path.as_str()),
            ("crypto.auth_failed", "address.geo")
        );
    }

    #[test]
    fn ciphertexts_cannot_be_swapped_between_fields_or_elements() {
        let v = json!({"idNumber": "1", "phone": "2", "list": [{"m": "a"}, {"m": "b"}]});
        let paths = ["idNumber", "phone", "list[*].m"];
        let mut s = seal_fields(&v, &paths, &key(), None, &mut TestEntropy::new(2)).unwrap();
        let id = s["idNumber"].clone();
        s["phone"] = id;
        let e = open_fields(&s, &paths, &key(), None).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), ("crypto.auth_failed", "phone"));

        let mut s = seal_fields(&v, &paths, &key(), None, &mut TestEntropy::new(3)).unwrap();
        let first = s["list"][0]["m"].clone();
        s["list"][1]["m"] = first;
        let e = open_fields(&s, &paths, &key(), None).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            ("crypto.auth_failed", "list[1].m")
        );
    }

    #[test]
    fn nested_paths_and_errors() {
        let v = json!({"a": {"b": "x", "c": 1}});
        let paths = ["a.b", "a"];
        let s = seal_fields(&v, &paths, &key(), None, &mut TestEntropy::new(4)).unwrap();
        assert!(s["a"].is_string());
        assert_eq!(open_fields(&s, &paths, &key(), None).unwrap(), v);

        let e = seal_fields(
            &json!({"a": 1}),
            &["a[*]"],
            &key(),
            None,
            &mut TestEntropy::new(1),
        )
        .unwrap_err();
        assert_eq!((e.code, e.path.as_str()), ("fields.shape_mismatch", "a"));
        let e =
            seal_fields(&json!({"a": [1]}), &["a[0]"], &key(), None, &mut NoEntropy).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), ("entropy.unavailable", "a[0]"));
        let e = open_fields(&json!({"a": "plain"}), &["a"], &key(), None).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), ("fields.not_sealed", "a"));
        let e = open_fields(&json!({"a": "hc1.@@"}), &["a"], &key(), None).unwrap_err();
        assert_eq!(e.code, "crypto.base64");
        // Sealed bytes that are not JSON: made by hand with the same AAD.
        let raw = aead_encrypt(
            &key(),
            b"not json",
            Some(&field_aad("a", None).unwrap()),
            &mut TestEntropy::new(1),
        )
        .unwrap();
        let forged = json!({ "a": format!("hc1.{}", b64::encode(&raw)) });
        assert_eq!(
            open_fields(&forged, &["a"], &key(), None).unwrap_err().code,
            "fields.json"
        );
    }

    proptest! {
        #[test]
        fn round_trip_any_strings(id in ".*", mobiles in proptest::collection::vec(".*", 0..4), seed in any::<u64>()) {
            let v = json!({"idNumber": id, "contacts": mobiles.iter().map(|m| json!({"mobile": m})).collect::<Vec<_>>()});
            let paths = ["idNumber", "contacts[*].mobile"];
            let s = seal_fields(&v, &paths, &key(), None, &mut TestEntropy::new(seed)).unwrap();
            prop_assert_eq!(open_fields(&s, &paths, &key(), None).unwrap(), v);
        }
    }
}
