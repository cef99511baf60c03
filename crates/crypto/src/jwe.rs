//! The envelope to the backend: compact JWE (RFC 7516) with `ECDH-ES+A256KW` (default) or
//! `ECDH-ES` key agreement on P-256 and `A256GCM` content encryption (RFC 7518 §4.6, §5.3).
//!
//! Built from RustCrypto parts: `p256` ECDH, the Concat KDF on `sha2` ([`crate::kdf`]),
//! `aes-kw`, `aes-gcm`. The AAD of the content encryption is the ASCII of the first
//! (protected header) part, so every header member — `kid`, `apu`/`apv`, `cty` and extra
//! members such as an order id — is authenticated. `zip` is never emitted or accepted
//! (RFC 8725 §3.6).

use crate::canonical::{canonical_json, write_string};
use crate::entropy::random_array;
use crate::jwk::{coordinates, point_from_coordinates, random_secret, EcPrivateJwk, EcPublicJwk};
use crate::kdf::concat_kdf;
use crate::{b64, CryptoError, Entropy};
use aes_kw::{KeyInit, KwAes256};
use homecare_gcm::Cipher;
use p256::{PublicKey, SecretKey};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use zeroize::Zeroizing;

/// The only content encryption this envelope uses.
pub const JWE_ENC: &str = "A256GCM";

/// Header members the envelope writes itself (or must never carry); extra headers may not set
/// them.
pub const RESERVED_HEADERS: &[&str] = &[
    "alg", "apu", "apv", "crit", "cty", "enc", "epk", "iv", "jku", "jwk", "kid", "p2c", "p2s",
    "tag", "x5c", "x5t", "x5t#S256", "x5u", "zip",
];

/// Key management algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum JweAlg {
    /// `ECDH-ES+A256KW`: a random CEK wrapped with AES-256-KW under the agreed key (default;
    /// what Nimbus `ECDHDecrypter` and npm `jose` call the same name).
    #[default]
    #[serde(rename = "ECDH-ES+A256KW")]
    EcdhEsA256Kw,
    /// `ECDH-ES`: the agreed key is the CEK; the `encrypted_key` part is empty (40 bytes less).
    #[serde(rename = "ECDH-ES")]
    EcdhEs,
}

impl JweAlg {
    /// The JOSE name.
    pub const fn as_str(self) -> &'static str {
        match self {
            JweAlg::EcdhEsA256Kw => "ECDH-ES+A256KW",
            JweAlg::EcdhEs => "ECDH-ES",
        }
    }

    fn parse(name: &str) -> Option<Self> {
        match name {
            "ECDH-ES+A256KW" => Some(JweAlg::EcdhEsA256Kw),
            "ECDH-ES" => Some(JweAlg::EcdhEs),
            _ => None,
        }
    }
}

/// Options of [`jwe_encrypt`]. As JSON (camelCase): `{"alg":"ECDH-ES","apu":"<base64url>",
/// "apv":"<base64url>","cty":"json","extraHeaders":{"orderId":"…"}}`, every member optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct JweOptions {
    /// Key management algorithm (default `ECDH-ES+A256KW`).
    pub alg: JweAlg,
    /// Agreement PartyUInfo (raw bytes; base64url in JSON and in the header).
    #[serde(with = "opt_b64", skip_serializing_if = "Option::is_none")]
    pub apu: Option<Vec<u8>>,
    /// Agreement PartyVInfo (raw bytes; base64url in JSON and in the header).
    #[serde(with = "opt_b64", skip_serializing_if = "Option::is_none")]
    pub apv: Option<Vec<u8>>,
    /// Content type of the payload, e.g. `json`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cty: Option<String>,
    /// More protected (hence authenticated) header members, e.g. an order id or idempotency
    /// key. Must not use a name in [`RESERVED_HEADERS`].
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub extra_headers: Map<String, Value>,
}

mod opt_b64 {
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(v: &Option<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(bytes) => s.serialize_str(&crate::b64::encode(bytes)),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Vec<u8>>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(text) => crate::b64::decode(&text)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom("apu/apv must be base64url")),
            None => Ok(None),
        }
    }
}

/// An opened JWE: the payload bytes and the protected header. `Debug` hides the payload.
#[derive(Clone)]
pub struct JweDecrypted {
    /// The plaintext (wiped on drop).
    pub payload: Zeroizing<Vec<u8>>,
    /// The protected header as sent (already checked).
    pub header: Map<String, Value>,
}

impl core::fmt::Debug for JweDecrypted {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("JweDecrypted")
            .field("payload", &format_args!("<{} bytes>", self.payload.len()))
            .field("header", &self.header)
            .finish()
    }
}

/// The ECDH shared secret Z (the x coordinate of d·Q).
pub(crate) fn ecdh_z(secret: &SecretKey, public: &PublicKey) -> Zeroizing<[u8; 32]> {
    let shared = p256::ecdh::diffie_hellman(secret.to_nonzero_scalar(), public.as_affine());
    let mut z = Zeroizing::new([0u8; 32]);
    z.copy_from_slice(shared.raw_secret_bytes().as_slice());
    z
}

/// AES-256 key wrap (RFC 3394) of a key of 16 bytes or more, a multiple of 8.
pub(crate) fn kw_wrap(kek: &[u8], key: &[u8]) -> Result<Vec<u8>, CryptoError> {
    if key.len() < 16 || !key.len().is_multiple_of(8) {
        return Err(CryptoError::KeyLength);
    }
    let kw = KwAes256::new_from_slice(kek).map_err(|_| CryptoError::KeyLength)?;
    let mut buf = vec![0u8; key.len().saturating_add(8)];
    kw.wrap_key(key, &mut buf)
        .map_err(|_| CryptoError::KeyLength)?;
    Ok(buf)
}

/// AES-256 key unwrap; a wrapped key must be 24 bytes or more, a multiple of 8.
pub(crate) fn kw_unwrap(kek: &[u8], wrapped: &[u8]) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    if wrapped.len() < 24 || !wrapped.len().is_multiple_of(8) {
        return Err(CryptoError::JweEncryptedKey);
    }
    let kw = KwAes256::new_from_slice(kek).map_err(|_| CryptoError::KeyLength)?;
    let mut buf = Zeroizing::new(vec![0u8; wrapped.len().saturating_sub(8)]);
    kw.unwrap_key(wrapped, &mut buf)
        .map_err(|_| CryptoError::JweUnwrapFailed)?;
    Ok(buf)
}

/// The 32-byte key the Concat KDF derives for `alg` (RFC 7518 §4.6.2: AlgorithmID is `enc`
/// for direct `ECDH-ES`, the `alg` name otherwise).
fn derive(
    z: &[u8],
    alg: JweAlg,
    apu: &[u8],
    apv: &[u8],
) -> Result<Zeroizing<[u8; 32]>, CryptoError> {
    let algorithm_id = match alg {
        JweAlg::EcdhEs => JWE_ENC,
        JweAlg::EcdhEsA256Kw => alg.as_str(),
    };
    concat_kdf(z, algorithm_id, apu, apv, 256)
}

/// Encrypts `payload` to the holder of `recipient`'s private key; returns the compact JWE
/// `protected.encrypted_key.iv.ciphertext.tag`.
///
/// The protected header is `{"alg":…,"enc":"A256GCM","kid":…,"cty":…,"epk":{"kty":"EC",
/// "crv":"P-256","x":…,"y":…},"apu":…,"apv":…, extra headers in sorted order}` (members that
/// are not set are left out). Entropy used: 32 (ephemeral key) + 32 (CEK, `+A256KW` only) +
/// 12 (IV) bytes.
///
/// ```
/// use homecare_crypto::{generate_ec_key_pair, jwe_decrypt, jwe_encrypt, EcPrivateJwk,
///     EcPublicJwk, JweOptions, PrefetchedEntropy};
/// let pair = generate_ec_key_pair(&mut PrefetchedEntropy::new(vec![0x11; 32]))?; // server side
/// let recipient = EcPublicJwk::from_json(&pair.public_jwk)?;
/// let mut entropy = PrefetchedEntropy::new(vec![0x22; 76]); // wx.getRandomValues in the app
/// let token = jwe_encrypt(br#"{"idNumber":"110101194001011234"}"#, &recipient,
///     &JweOptions::default(), &mut entropy)?;
/// assert_eq!(token.split('.').count(), 5);
/// let opened = jwe_decrypt(&token, &EcPrivateJwk::from_json(&pair.private_jwk)?)?;
/// assert_eq!(&opened.payload[..], br#"{"idNumber":"110101194001011234"}"#);
/// assert_eq!(opened.header["kid"], recipient.kid.unwrap());
/// # Ok::<(), homecare_crypto::CryptoError>(())
/// ```
pub fn jwe_encrypt(
    payload: &[u8],
    recipient: &EcPublicJwk,
    options: &JweOptions,
    entropy: &mut dyn Entropy,
) -> Result<String, CryptoError> {
    let recipient_key = recipient.public_key()?;
    if options
        .extra_headers
        .keys()
        .any(|k| RESERVED_HEADERS.contains(&k.as_str()))
    {
        return Err(CryptoError::JweHeaderReserved);
    }
    let apu = options.apu.as_deref().unwrap_or_default();
    let apv = options.apv.as_deref().unwrap_or_default();

    let ephemeral = random_secret(entropy)?;
    let z = ecdh_z(&ephemeral, &recipient_key);
    let derived = derive(z.as_slice(), options.alg, apu, apv)?;
    let (cek, encrypted_key) = match options.alg {
        JweAlg::EcdhEs => (derived, Vec::new()),
        JweAlg::EcdhEsA256Kw => {
            let cek = random_array::<32>(entropy)?;
            let wrapped = kw_wrap(derived.as_slice(), cek.as_slice())?;
            (cek, wrapped)
        }
    };
    let iv = random_array::<12>(entropy)?;

    let header = protected_header(options, recipient.kid.as_deref(), &ephemeral.public_key());
    let protected = b64::encode(header.as_bytes());
    let mut sealed = payload.to_vec();
    let tag = homecare_gcm::seal(
        Cipher::Aes256,
        cek.as_slice(),
        &iv,
        &mut sealed,
        protected.as_bytes(),
    )
    .map_err(crate::gcm::from_gcm)?;
    Ok([
        protected,
        b64::encode(&encrypted_key),
        b64::encode(iv.as_slice()),
        b64::encode(&sealed),
        b64::encode(&tag),
    ]
    .join("."))
}

/// [`jwe_encrypt`] of a JSON value: the payload is its [`crate::canonical_json`] text (keys
/// sorted, no whitespace), and `cty` stays as given in `options`.
pub fn jwe_encrypt_json(
    payload: &Value,
    recipient: &EcPublicJwk,
    options: &JweOptions,
    entropy: &mut dyn Entropy,
) -> Result<String, CryptoError> {
    let text = Zeroizing::new(canonical_json(payload));
    jwe_encrypt(text.as_bytes(), recipient, options, entropy)
}

fn protected_header(options: &JweOptions, kid: Option<&str>, epk: &PublicKey) -> String {
    let mut h = String::with_capacity(256);
    h.push_str("{\"alg\":\"");
    h.push_str(options.alg.as_str());
    h.push_str("\",\"enc\":\"");
    h.push_str(JWE_ENC);
    h.push('"');
    let mut member = |name: &str, value: &str| {
        h.push_str(",\"");
        h.push_str(name);
        h.push_str("\":");
        write_string(value, &mut h);
    };
    if let Some(kid) = kid {
        member("kid", kid);
    }
    if let Some(cty) = &options.cty {
        member("cty", cty);
    }
    let (x, y) = coordinates(epk);
    h.push_str(",\"epk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"");
    h.push_str(&x);
    h.push_str("\",\"y\":\"");
    h.push_str(&y);
    h.push_str("\"}");
    if let Some(apu) = &options.apu {
        h.push_str(",\"apu\":\"");
        h.push_str(&b64::encode(apu));
        h.push('"');
    }
    if let Some(apv) = &options.apv {
        h.push_str(",\"apv\":\"");
        h.push_str(&b64::encode(apv));
        h.push('"');
    }
    let mut extra: Vec<(&String, &Value)> = options.extra_headers.iter().collect();
    extra.sort_by_key(|(a, _)| *a);
    for (name, value) in extra {
        h.push(',');
        write_string(name, &mut h);
        h.push(':');
        h.push_str(&canonical_json(value));
    }
    h.push('}');
    h
}

/// What the header says, after every check.
struct Checked {
    alg: JweAlg,
    epk: PublicKey,
    apu: Vec<u8>,
    apv: Vec<u8>,
}

fn optional_b64(header: &Map<String, Value>, name: &str) -> Result<Vec<u8>, CryptoError> {
    match header.get(name) {
        None => Ok(Vec::new()),
        Some(Value::String(s)) => b64::decode(s).ok_or(CryptoError::JweHeaderInvalid),
        Some(_) => Err(CryptoError::JweHeaderInvalid),
    }
}

fn check_header(
    header: &Map<String, Value>,
    key_kid: Option<&str>,
) -> Result<Checked, CryptoError> {
    let alg = match header.get("alg") {
        Some(Value::String(a)) => JweAlg::parse(a).ok_or(CryptoError::JweUnsupportedAlg)?,
        _ => return Err(CryptoError::JweUnsupportedAlg),
    };
    if header.get("enc").and_then(Value::as_str) != Some(JWE_ENC) {
        return Err(CryptoError::JweUnsupportedEnc);
    }
    if header.contains_key("zip") {
        return Err(CryptoError::JweZipUnsupported);
    }
    // No extension is understood, so any `crit` (even a malformed one) is refused
    // (RFC 7515 §4.1.11).
    if header.contains_key("crit") {
        return Err(CryptoError::JweCritUnsupported);
    }
    match header.get("kid") {
        Some(Value::String(kid)) if key_kid.is_some_and(|k| k != kid) => {
            return Err(CryptoError::JweKidMismatch)
        }
        None | Some(Value::String(_)) => {}
        Some(_) => return Err(CryptoError::JweHeaderInvalid),
    }
    if header.get("cty").is_some_and(|c| !c.is_string()) {
        return Err(CryptoError::JweHeaderInvalid);
    }
    let apu = optional_b64(header, "apu")?;
    let apv = optional_b64(header, "apv")?;
    let epk = match header.get("epk") {
        Some(Value::Object(epk)) if !epk.contains_key("d") => {
            let field = |n: &str| epk.get(n).and_then(Value::as_str).unwrap_or_default();
            point_from_coordinates(field("kty"), field("crv"), field("x"), field("y"))
                .ok_or(CryptoError::JweEpkInvalid)?
        }
        _ => return Err(CryptoError::JweEpkInvalid),
    };
    Ok(Checked { alg, epk, apu, apv })
}

/// Parses a JSON object, refusing duplicate member names (RFC 7516 §4: a header with
/// duplicates must be rejected or use the last one; rejecting is the safe choice).
fn parse_header(json: &[u8]) -> Result<Map<String, Value>, CryptoError> {
    struct Unique(Map<String, Value>);
    impl<'de> Deserialize<'de> for Unique {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Unique;
                fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                    f.write_str("a JSON object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut a: A,
                ) -> Result<Unique, A::Error> {
                    let mut map = Map::new();
                    while let Some((k, v)) = a.next_entry::<String, Value>()? {
                        if map.insert(k, v).is_some() {
                            return Err(serde::de::Error::custom("duplicate member"));
                        }
                    }
                    Ok(Unique(map))
                }
            }
            d.deserialize_map(V)
        }
    }
    serde_json::from_slice::<Unique>(json)
        .map(|u| u.0)
        .map_err(|_| CryptoError::JweHeaderInvalid)
}

/// Opens a compact JWE made for `private_key`, with strict checks: exactly five parts, strict
/// base64url, a JSON-object header without duplicates, `alg` `ECDH-ES`/`ECDH-ES+A256KW`,
/// `enc` `A256GCM`, no `zip`, no `crit`, a valid P-256 `epk` on the curve, IV 12 and tag 16
/// bytes, and a `kid` equal to the key's when both have one. Each failure has its own
/// `jwe.*` code; see [`CryptoError`].
pub fn jwe_decrypt(compact: &str, private_key: &EcPrivateJwk) -> Result<JweDecrypted, CryptoError> {
    let mut parts = compact.split('.');
    let (Some(p0), Some(p1), Some(p2), Some(p3), Some(p4), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(CryptoError::JweMalformed);
    };
    let decode = |p: &str| b64::decode(p).ok_or(CryptoError::JweBase64);
    let header = parse_header(&decode(p0)?)?;
    let checked = check_header(&header, private_key.kid.as_deref())?;
    let encrypted_key = decode(p1)?;
    let iv = decode(p2)?;
    let ciphertext = decode(p3)?;
    let tag = decode(p4)?;
    if iv.len() != 12 {
        return Err(CryptoError::JweIvLength);
    }
    if tag.len() != 16 {
        return Err(CryptoError::JweTagLength);
    }
    let expected_key_len = match checked.alg {
        JweAlg::EcdhEs => 0,
        JweAlg::EcdhEsA256Kw => 40,
    };
    if encrypted_key.len() != expected_key_len {
        return Err(CryptoError::JweEncryptedKey);
    }

    let secret = private_key.secret_key()?;
    let z = ecdh_z(&secret, &checked.epk);
    let derived = derive(z.as_slice(), checked.alg, &checked.apu, &checked.apv)?;
    let cek: Zeroizing<Vec<u8>> = match checked.alg {
        JweAlg::EcdhEs => Zeroizing::new(derived.to_vec()),
        JweAlg::EcdhEsA256Kw => kw_unwrap(derived.as_slice(), &encrypted_key)?,
    };
    if cek.len() != Cipher::Aes256.key_len() {
        return Err(CryptoError::JweEncryptedKey);
    }
    if iv.len() != homecare_gcm::NONCE_LEN {
        return Err(CryptoError::JweIvLength);
    }
    let mut payload = ciphertext;
    homecare_gcm::open(Cipher::Aes256, &cek, &iv, &mut payload, &tag, p0.as_bytes())
        .map_err(|_| CryptoError::JweAuthFailed)?;
    Ok(JweDecrypted {
        payload: Zeroizing::new(payload),
        header,
    })
}
