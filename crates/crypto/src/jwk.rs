//! EC P-256 JSON Web Keys (RFC 7517/7518 §6.2) for the JWE envelope: import with full
//! validation (point on the curve, private scalar in range and matching x/y), export, and
//! key-pair generation from [`Entropy`].

use crate::canonical::write_string;
use crate::{b64, CryptoError, Entropy};
use p256::elliptic_curve::sec1::ToSec1Point;
use p256::{PublicKey, SecretKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, Zeroizing};

/// A public EC P-256 JWK: `{"kty":"EC","crv":"P-256","x":…,"y":…,"kid":…}`. Unknown members
/// (`use`, `key_ops`, `ext`, …) are accepted and dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EcPublicJwk {
    /// Key type; must be `EC`.
    pub kty: String,
    /// Curve; must be `P-256`.
    pub crv: String,
    /// x coordinate, base64url of exactly 32 bytes.
    pub x: String,
    /// y coordinate, base64url of exactly 32 bytes.
    pub y: String,
    /// Key id, copied into the JWE header so the backend picks the right private key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
}

impl EcPublicJwk {
    /// Parses and validates a public JWK. A JWK that carries `d` is refused: a private key
    /// must never ship inside the app, so that is a configuration error, not something to
    /// ignore.
    ///
    /// ```
    /// use homecare_crypto::EcPublicJwk;
    /// let jwk = EcPublicJwk::from_json(r#"{"kty":"EC","crv":"P-256",
    ///   "x":"gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0",
    ///   "y":"SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps","kid":"k1"}"#)?;
    /// assert_eq!(jwk.kid.as_deref(), Some("k1"));
    /// // The same x with another y is not on the curve:
    /// let bad = r#"{"kty":"EC","crv":"P-256","x":"gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0",
    ///   "y":"SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFppt"}"#;
    /// assert_eq!(EcPublicJwk::from_json(bad).unwrap_err().code(), "jwe.jwk_invalid");
    /// # Ok::<(), homecare_crypto::CryptoError>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Self, CryptoError> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|_| CryptoError::JweJwkInvalid)?;
        if value.get("d").is_some() {
            return Err(CryptoError::JweJwkInvalid);
        }
        let jwk: EcPublicJwk =
            serde_json::from_value(value).map_err(|_| CryptoError::JweJwkInvalid)?;
        jwk.public_key()?;
        Ok(jwk)
    }

    /// The JWK as compact JSON.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(160);
        out.push_str("{\"crv\":\"P-256\"");
        if let Some(kid) = &self.kid {
            out.push_str(",\"kid\":");
            write_string(kid, &mut out);
        }
        out.push_str(",\"kty\":\"EC\",\"x\":");
        write_string(&self.x, &mut out);
        out.push_str(",\"y\":");
        write_string(&self.y, &mut out);
        out.push('}');
        out
    }

    /// The RFC 7638 JWK thumbprint (SHA-256, base64url): a stable key id.
    pub fn thumbprint(&self) -> String {
        let mut members = String::with_capacity(128);
        members.push_str("{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":");
        write_string(&self.x, &mut members);
        members.push_str(",\"y\":");
        write_string(&self.y, &mut members);
        members.push('}');
        b64::encode(&Sha256::digest(members.as_bytes()))
    }

    /// The validated curve point.
    pub(crate) fn public_key(&self) -> Result<PublicKey, CryptoError> {
        point_from_coordinates(&self.kty, &self.crv, &self.x, &self.y)
            .ok_or(CryptoError::JweJwkInvalid)
    }

    pub(crate) fn from_public_key(key: &PublicKey, kid: Option<String>) -> Self {
        let (x, y) = coordinates(key);
        EcPublicJwk {
            kty: "EC".to_owned(),
            crv: "P-256".to_owned(),
            x,
            y,
            kid,
        }
    }
}

/// `kty`/`crv`/`x`/`y` → a point on P-256, or `None` for anything else (wrong type or curve,
/// bad base64url, coordinates not exactly 32 bytes, point not on the curve).
pub(crate) fn point_from_coordinates(kty: &str, crv: &str, x: &str, y: &str) -> Option<PublicKey> {
    if kty != "EC" || crv != "P-256" {
        return None;
    }
    let (x, y) = (b64::decode(x)?, b64::decode(y)?);
    if x.len() != 32 || y.len() != 32 {
        return None;
    }
    let mut sec1 = [0u8; 65];
    let (tag, rest) = sec1.split_first_mut()?;
    *tag = 4;
    let (xs, ys) = rest.split_at_mut(32);
    xs.copy_from_slice(&x);
    ys.copy_from_slice(&y);
    PublicKey::from_sec1_bytes(&sec1).ok()
}

/// base64url x and y of a point.
pub(crate) fn coordinates(key: &PublicKey) -> (String, String) {
    let point = key.as_affine().to_sec1_point(false);
    let enc = |c: Option<&[u8]>| b64::encode(c.unwrap_or_default());
    (
        enc(point.x().map(|a| a.as_slice())),
        enc(point.y().map(|a| a.as_slice())),
    )
}

/// A private EC P-256 JWK (the public members plus `d`). `d` is wiped on drop and never
/// shown by `Debug`.
#[derive(Clone, Deserialize)]
pub struct EcPrivateJwk {
    /// Key type; must be `EC`.
    pub kty: String,
    /// Curve; must be `P-256`.
    pub crv: String,
    /// x coordinate (base64url, 32 bytes).
    pub x: String,
    /// y coordinate (base64url, 32 bytes).
    pub y: String,
    /// Key id; when both the token and this key have one, they must match.
    #[serde(default)]
    pub kid: Option<String>,
    d: String,
}

impl EcPrivateJwk {
    /// Parses and validates a private JWK: `d` must be 32 bytes, in range, and match x/y.
    pub fn from_json(json: &str) -> Result<Self, CryptoError> {
        let jwk: EcPrivateJwk =
            serde_json::from_str(json).map_err(|_| CryptoError::JweJwkInvalid)?;
        jwk.secret_key()?;
        Ok(jwk)
    }

    /// The private JWK as compact JSON (sorted members). The name of the type says it: this
    /// text is the private key.
    pub fn to_json(&self) -> Zeroizing<String> {
        let mut out = Zeroizing::new(String::with_capacity(256));
        out.push_str("{\"crv\":\"P-256\",\"d\":");
        write_string(&self.d, &mut out);
        if let Some(kid) = &self.kid {
            out.push_str(",\"kid\":");
            write_string(kid, &mut out);
        }
        out.push_str(",\"kty\":\"EC\",\"x\":");
        write_string(&self.x, &mut out);
        out.push_str(",\"y\":");
        write_string(&self.y, &mut out);
        out.push('}');
        out
    }

    /// The public half.
    pub fn public_jwk(&self) -> EcPublicJwk {
        EcPublicJwk {
            kty: self.kty.clone(),
            crv: self.crv.clone(),
            x: self.x.clone(),
            y: self.y.clone(),
            kid: self.kid.clone(),
        }
    }

    pub(crate) fn secret_key(&self) -> Result<SecretKey, CryptoError> {
        let public = self.public_jwk().public_key()?;
        let d = Zeroizing::new(b64::decode(&self.d).ok_or(CryptoError::JweJwkInvalid)?);
        if d.len() != 32 {
            return Err(CryptoError::JweJwkInvalid);
        }
        let secret = SecretKey::from_slice(&d).map_err(|_| CryptoError::JweJwkInvalid)?;
        if secret.public_key() != public {
            return Err(CryptoError::JweJwkInvalid);
        }
        Ok(secret)
    }

    pub(crate) fn from_secret_key(secret: &SecretKey, kid: Option<String>) -> Self {
        let public = EcPublicJwk::from_public_key(&secret.public_key(), kid);
        let d = Zeroizing::new(secret.to_bytes());
        EcPrivateJwk {
            kty: public.kty,
            crv: public.crv,
            x: public.x,
            y: public.y,
            kid: public.kid,
            d: b64::encode(d.as_slice()),
        }
    }
}

impl Drop for EcPrivateJwk {
    fn drop(&mut self) {
        self.d.zeroize();
    }
}

impl core::fmt::Debug for EcPrivateJwk {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("EcPrivateJwk")
            .field("kid", &self.kid)
            .field("x", &self.x)
            .field("y", &self.y)
            .field("d", &"<redacted>")
            .finish()
    }
}

/// A random P-256 scalar: 32 bytes from `entropy`, redrawn while out of range (zero or ≥ n,
/// probability < 2⁻³² per draw). Eight failed draws mean the source is broken.
pub(crate) fn random_secret(entropy: &mut dyn Entropy) -> Result<SecretKey, CryptoError> {
    for _ in 0..8 {
        let bytes = crate::entropy::random_array::<32>(entropy)?;
        if let Ok(secret) = SecretKey::from_slice(bytes.as_slice()) {
            return Ok(secret);
        }
    }
    Err(CryptoError::EntropyUnavailable)
}

/// A generated key pair as JWK JSON; `kid` is the RFC 7638 thumbprint.
#[derive(Clone)]
pub struct EcKeyPair {
    /// `{"crv":"P-256","kid":…,"kty":"EC","x":…,"y":…}`
    pub public_jwk: String,
    /// The same plus `"d"`. Wiped on drop; keep it on the server side.
    pub private_jwk: Zeroizing<String>,
}

impl core::fmt::Debug for EcKeyPair {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("EcKeyPair")
            .field("public_jwk", &self.public_jwk)
            .field("private_jwk", &"<redacted>")
            .finish()
    }
}

/// A new P-256 key pair for the JWE envelope (32 bytes of entropy, rarely more).
///
/// ```
/// use homecare_crypto::{generate_ec_key_pair, EcPrivateJwk, EcPublicJwk, PrefetchedEntropy};
/// let pair = generate_ec_key_pair(&mut PrefetchedEntropy::new(vec![0x5a; 32]))?;
/// let public = EcPublicJwk::from_json(&pair.public_jwk)?;
/// let private = EcPrivateJwk::from_json(&pair.private_jwk)?;
/// assert_eq!(private.public_jwk(), public);
/// assert_eq!(public.kid.as_deref(), Some(public.thumbprint().as_str()));
/// assert!(!format!("{pair:?}").contains("\"d\""));
/// # Ok::<(), homecare_crypto::CryptoError>(())
/// ```
pub fn generate_ec_key_pair(entropy: &mut dyn Entropy) -> Result<EcKeyPair, CryptoError> {
    let secret = random_secret(entropy)?;
    let mut public = EcPublicJwk::from_public_key(&secret.public_key(), None);
    public.kid = Some(public.thumbprint());
    let private = EcPrivateJwk::from_secret_key(&secret, public.kid.clone());
    Ok(EcKeyPair {
        public_jwk: public.to_json(),
        private_jwk: private.to_json(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entropy::testing::TestEntropy;

    const BOB: &str = r#"{"kty":"EC","crv":"P-256",
        "x":"weNJy2HscCSM6AEDTDg04biOvhFhyyWvOHQfeF_PxMQ",
        "y":"e8lnCO-AlStT-NJVX-crhB7QRYhiix03illJOVAOyck",
        "d":"VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw"}"#;

    #[test]
    fn private_jwk_is_validated_and_redacted() {
        let k = EcPrivateJwk::from_json(BOB).unwrap();
        let dbg = format!("{k:?}");
        assert!(!dbg.contains("VEmDZ"), "{dbg}");
        assert!(k.to_json().contains("VEmDZ"));
        // d of another key does not match x/y.
        let wrong = BOB.replace(
            "VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw",
            "0_NxaRPUMQoAJt50Gz8YiTr8gRTwyEaCumd-MToTmIo",
        );
        assert_eq!(
            EcPrivateJwk::from_json(&wrong).unwrap_err(),
            CryptoError::JweJwkInvalid
        );
        for bad in [
            BOB.replace("P-256", "P-384"),
            BOB.replace("\"EC\"", "\"OKP\""),
            BOB.replace("VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw", "AAAA"),
            // n (the group order) is out of range.
            BOB.replace(
                "VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw",
                "_____wAAAAD__________7zm-q2nF56E87nKwvxjJVE",
            ),
            "{".to_owned(),
            r#"{"kty":"EC"}"#.to_owned(),
        ] {
            assert_eq!(
                EcPrivateJwk::from_json(&bad).unwrap_err(),
                CryptoError::JweJwkInvalid,
                "{bad}"
            );
        }
    }

    #[test]
    fn public_jwk_refuses_a_private_key() {
        assert_eq!(
            EcPublicJwk::from_json(BOB).unwrap_err(),
            CryptoError::JweJwkInvalid
        );
        let public = EcPrivateJwk::from_json(BOB).unwrap().public_jwk().to_json();
        assert!(EcPublicJwk::from_json(&public).is_ok());
    }

    #[test]
    fn rfc7638_thumbprint() {
        // RFC 7638 §3.1 uses RSA; this checks the construction against a direct hash instead.
        let k = EcPrivateJwk::from_json(BOB).unwrap().public_jwk();
        let direct = format!(
            r#"{{"crv":"P-256","kty":"EC","x":"{}","y":"{}"}}"#,
            k.x, k.y
        );
        assert_eq!(
            k.thumbprint(),
            b64::encode(&Sha256::digest(direct.as_bytes()))
        );
    }

    #[test]
    fn generated_pairs_differ_and_round_trip() {
        let mut e = TestEntropy::new(11);
        let a = generate_ec_key_pair(&mut e).unwrap();
        let b = generate_ec_key_pair(&mut e).unwrap();
        assert_ne!(a.public_jwk, b.public_jwk);
        let pa = EcPrivateJwk::from_json(&a.private_jwk).unwrap();
        assert_eq!(pa.public_jwk().to_json(), a.public_jwk);
    }
}
