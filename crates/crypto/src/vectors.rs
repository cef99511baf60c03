//! Data-driven tests over tests/vectors/crypto/*.json (fixed vectors from RFCs, NIST and from
//! the npm interop peers `jose` and `sm-crypto-v2`), plus the JWE strictness and tamper tests.

use crate::entropy::testing::{NoEntropy, TestEntropy};
use crate::jwe::ecdh_z;
use crate::kdf::concat_kdf;
use crate::{
    aead_decrypt, b64, gcm, jwe_decrypt, jwe_encrypt, jwe_encrypt_json, AeadKey, CryptoError,
    EcPrivateJwk, JweAlg, JweOptions,
};
use proptest::prelude::*;
use serde_json::{json, Value};

fn load(name: &str) -> Value {
    let path = format!(
        "{}/../../tests/vectors/crypto/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn hex(v: &Value) -> Vec<u8> {
    hex::decode(v.as_str().unwrap()).unwrap()
}

#[test]
fn nist_gcm_aes256() {
    let v = load("nist_gcm.json");
    let cases = v["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 4);
    for c in cases {
        let (key, iv, aad) = (hex(&c["key"]), hex(&c["iv"]), hex(&c["aad"]));
        let (pt, ct, tag) = (hex(&c["pt"]), hex(&c["ct"]), hex(&c["tag"]));
        let expected = [iv.as_slice(), &ct, &tag].concat();
        let nonce: [u8; 12] = iv.as_slice().try_into().unwrap();
        let made = gcm::seal_with_nonce(gcm::Cipher::Aes256, &key, &nonce, &pt, &aad).unwrap();
        assert_eq!(made, expected, "{}", c["name"]);
        let k = AeadKey::from_bytes(&key).unwrap();
        assert_eq!(aead_decrypt(&k, &expected, Some(&aad)).unwrap(), pt);
    }
}

#[test]
fn rfc7518_appendix_c_full_agreement() {
    let v = load("rfc7518_appendix_c.json");
    let alice = EcPrivateJwk::from_json(&v["aliceEphemeralJwk"].to_string()).unwrap();
    let bob = EcPrivateJwk::from_json(&v["bobJwk"].to_string()).unwrap();
    let z1 = ecdh_z(
        &alice.secret_key().unwrap(),
        &bob.public_jwk().public_key().unwrap(),
    );
    let z2 = ecdh_z(
        &bob.secret_key().unwrap(),
        &alice.public_jwk().public_key().unwrap(),
    );
    assert_eq!(z1.as_slice(), hex(&v["zHex"]).as_slice());
    assert_eq!(z1, z2);
    let apu = b64::decode(v["apu"].as_str().unwrap()).unwrap();
    let apv = b64::decode(v["apv"].as_str().unwrap()).unwrap();
    assert_eq!(
        (apu.as_slice(), apv.as_slice()),
        (&b"Alice"[..], &b"Bob"[..])
    );
    let bits = u32::try_from(v["keyDataLenBits"].as_u64().unwrap()).unwrap();
    let k = concat_kdf(
        &z1[..],
        v["algorithmId"].as_str().unwrap(),
        &apu,
        &apv,
        bits,
    )
    .unwrap();
    assert_eq!(b64::encode(&k[..16]), v["derivedKey"].as_str().unwrap());
}

struct Jose {
    key: EcPrivateJwk,
    cases: Vec<Value>,
}

fn jose() -> Jose {
    let v = load("jwe_jose.json");
    Jose {
        key: EcPrivateJwk::from_json(&v["privateJwk"].to_string()).unwrap(),
        cases: v["cases"].as_array().unwrap().clone(),
    }
}

#[test]
fn decrypts_npm_jose_tokens() {
    let j = jose();
    assert!(j.cases.len() >= 4);
    for c in &j.cases {
        let opened = jwe_decrypt(c["compact"].as_str().unwrap(), &j.key).unwrap();
        assert_eq!(
            &opened.payload[..],
            c["payload"].as_str().unwrap().as_bytes(),
            "{}",
            c["name"]
        );
        assert_eq!(Value::Object(opened.header), c["header"], "{}", c["name"]);
    }
}

/// Splits a compact token, lets `f` edit the parts, joins again.
fn edit(token: &str, f: impl FnOnce(&mut Vec<String>)) -> String {
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    f(&mut parts);
    parts.join(".")
}

/// The token with its header JSON replaced by `f(header)`.
fn with_header(token: &str, f: impl FnOnce(&mut serde_json::Map<String, Value>)) -> String {
    edit(token, |p| {
        let mut h: serde_json::Map<String, Value> =
            serde_json::from_slice(&b64::decode(&p[0]).unwrap()).unwrap();
        f(&mut h);
        p[0] = b64::encode(Value::Object(h).to_string().as_bytes());
    })
}

fn flip_part(token: &str, part: usize) -> String {
    edit(token, |p| {
        let mut bytes = b64::decode(&p[part]).unwrap();
        bytes[0] ^= 1;
        p[part] = b64::encode(&bytes);
    })
}

fn code(r: Result<crate::JweDecrypted, CryptoError>) -> &'static str {
    r.map(|_| "ok").unwrap_or_else(CryptoError::code)
}

#[test]
fn tampered_tokens_are_rejected_with_distinct_codes() {
    let j = jose();
    let kw = j
        .cases
        .iter()
        .find(|c| c["alg"] == "ECDH-ES+A256KW")
        .unwrap();
    let direct = j
        .cases
        .iter()
        .find(|c| c["alg"] == "ECDH-ES" && c["payload"] != "")
        .unwrap();
    let kw = kw["compact"].as_str().unwrap();
    let direct = direct["compact"].as_str().unwrap();
    let k = &j.key;
    let dec = |t: &str| code(jwe_decrypt(t, k));

    assert_eq!(dec(&flip_part(kw, 1)), "jwe.unwrap_failed");
    assert_eq!(dec(&flip_part(kw, 2)), "jwe.auth_failed");
    assert_eq!(dec(&flip_part(kw, 3)), "jwe.auth_failed");
    assert_eq!(dec(&flip_part(kw, 4)), "jwe.auth_failed");
    assert_eq!(dec(&flip_part(direct, 3)), "jwe.auth_failed");
    // A header change that passes every check still breaks the AAD.
    assert_eq!(
        dec(&with_header(kw, |h| {
            h.insert("typ".into(), json!("JWE"));
        })),
        "jwe.auth_failed"
    );

    // Structure and encoding.
    assert_eq!(
        dec(kw.get(..kw.rfind('.').unwrap()).unwrap()),
        "jwe.malformed"
    );
    assert_eq!(dec(&format!("{kw}.")), "jwe.malformed");
    assert_eq!(dec(&edit(kw, |p| p[3].push('='))), "jwe.base64");
    assert_eq!(dec(&edit(kw, |p| p[0] = "e30*".into())), "jwe.base64");
    assert_eq!(
        dec(&edit(kw, |p| p[0] = b64::encode(b"[1]"))),
        "jwe.header_invalid"
    );
    assert_eq!(
        dec(&edit(kw, |p| p[0] = b64::encode(b"{\"alg\":"))),
        "jwe.header_invalid"
    );
    let dup = {
        let h = String::from_utf8(b64::decode(kw.split('.').next().unwrap()).unwrap()).unwrap();
        format!("{{\"enc\":\"A128GCM\",{}", h.get(1..).unwrap())
    };
    assert_eq!(
        dec(&edit(kw, |p| p[0] = b64::encode(dup.as_bytes()))),
        "jwe.header_invalid"
    );
    assert_eq!(
        dec(&edit(kw, |p| p[2] = b64::encode(&[0; 16]))),
        "jwe.iv_length"
    );
    assert_eq!(
        dec(&edit(kw, |p| p[4] = b64::encode(&[0; 12]))),
        "jwe.tag_length"
    );
    assert_eq!(
        dec(&edit(kw, |p| p[1] = String::new())),
        "jwe.encrypted_key"
    );
    assert_eq!(
        dec(&edit(direct, |p| p[1] = b64::encode(&[0; 40]))),
        "jwe.encrypted_key"
    );

    // Header checks.
    let set = |name: &'static str, value: Value| {
        with_header(kw, move |h| {
            h.insert(name.into(), value);
        })
    };
    assert_eq!(
        dec(&set("alg", json!("RSA-OAEP-256"))),
        "jwe.unsupported_alg"
    );
    assert_eq!(
        dec(&set("alg", json!("ECDH-ES+A128KW"))),
        "jwe.unsupported_alg"
    );
    assert_eq!(dec(&set("alg", json!(1))), "jwe.unsupported_alg");
    assert_eq!(
        dec(&with_header(kw, |h| {
            h.remove("alg");
        })),
        "jwe.unsupported_alg"
    );
    assert_eq!(dec(&set("enc", json!("A128GCM"))), "jwe.unsupported_enc");
    assert_eq!(
        dec(&set("enc", json!("A256CBC-HS512"))),
        "jwe.unsupported_enc"
    );
    assert_eq!(dec(&set("zip", json!("DEF"))), "jwe.zip_unsupported");
    assert_eq!(dec(&set("crit", json!(["exp"]))), "jwe.crit_unsupported");
    assert_eq!(dec(&set("crit", json!([]))), "jwe.crit_unsupported");
    assert_eq!(dec(&set("kid", json!("old-key"))), "jwe.kid_mismatch");
    assert_eq!(dec(&set("kid", json!(7))), "jwe.header_invalid");
    assert_eq!(dec(&set("cty", json!({}))), "jwe.header_invalid");
    assert_eq!(dec(&set("apu", json!("***"))), "jwe.header_invalid");
    assert_eq!(dec(&set("apv", json!(true))), "jwe.header_invalid");
    assert_eq!(
        dec(&with_header(kw, |h| {
            h.remove("epk");
        })),
        "jwe.epk_invalid"
    );
    let epk = |f: &dyn Fn(&mut serde_json::Map<String, Value>)| {
        with_header(kw, |h| {
            let e = h.get_mut("epk").unwrap().as_object_mut().unwrap();
            f(e);
        })
    };
    assert_eq!(
        dec(&epk(&|e| {
            e.insert("crv".into(), json!("P-384"));
        })),
        "jwe.epk_invalid"
    );
    assert_eq!(
        dec(&epk(&|e| {
            e.insert("kty".into(), json!("OKP"));
        })),
        "jwe.epk_invalid"
    );
    assert_eq!(
        dec(&epk(&|e| {
            e.insert("d".into(), json!("AAAA"));
        })),
        "jwe.epk_invalid"
    );
    // Off-curve point: y + 1 (invalid-curve attack).
    assert_eq!(
        dec(&epk(&|e| {
            let mut y = b64::decode(e["y"].as_str().unwrap()).unwrap();
            y[31] ^= 1;
            e.insert("y".into(), json!(b64::encode(&y)));
        })),
        "jwe.epk_invalid"
    );
    assert_eq!(
        dec(&epk(&|e| {
            e.insert("x".into(), json!(b64::encode(&[0; 31])));
        })),
        "jwe.epk_invalid"
    );

    // A private key without kid accepts any kid; a wrong key fails the unwrap.
    let other = crate::generate_ec_key_pair(&mut TestEntropy::new(1)).unwrap();
    let mut other: Value = serde_json::from_str(&other.private_jwk).unwrap();
    other.as_object_mut().unwrap().remove("kid");
    let other = EcPrivateJwk::from_json(&other.to_string()).unwrap();
    assert_eq!(code(jwe_decrypt(kw, &other)), "jwe.unwrap_failed");
    assert_eq!(code(jwe_decrypt(direct, &other)), "jwe.auth_failed");
}

#[test]
fn rust_tokens_round_trip_with_every_option() {
    let j = jose();
    let public = j.key.public_jwk();
    let mut extra = serde_json::Map::new();
    extra.insert("orderId".into(), json!("HC-1"));
    extra.insert("idem".into(), json!({"k": "b1f3", "n": 1}));
    let options = JweOptions {
        alg: JweAlg::EcdhEs,
        apu: Some(b"client".to_vec()),
        apv: Some(b"homecare-api".to_vec()),
        cty: Some("json".into()),
        extra_headers: extra,
    };
    let value = json!({"name": "王秀英", "idNumber": "110101194001011234"});
    let token = jwe_encrypt_json(&value, &public, &options, &mut TestEntropy::new(4)).unwrap();
    assert_eq!(
        token.split('.').nth(1),
        Some(""),
        "ECDH-ES has an empty encrypted_key"
    );
    let opened = jwe_decrypt(&token, &j.key).unwrap();
    assert_eq!(
        &opened.payload[..],
        crate::canonical_json(&value).as_bytes()
    );
    let h = &opened.header;
    assert_eq!(
        (h["alg"].as_str(), h["enc"].as_str(), h["cty"].as_str()),
        (Some("ECDH-ES"), Some("A256GCM"), Some("json"))
    );
    assert_eq!(h["kid"], "homecare-2026-11");
    assert_eq!(h["apu"], b64::encode(b"client"));
    assert_eq!(h["idem"], json!({"k": "b1f3", "n": 1}));
    assert!(!format!("{opened:?}").contains("110101"));

    // Options from JSON as the JS layer passes them.
    let parsed: JweOptions = serde_json::from_value(json!({
        "alg": "ECDH-ES", "apu": "Y2xpZW50", "apv": "aG9tZWNhcmUtYXBp", "cty": "json",
        "extraHeaders": {"orderId": "HC-1", "idem": {"k": "b1f3", "n": 1}}
    }))
    .unwrap();
    assert_eq!(parsed, options);
    assert!(serde_json::from_value::<JweOptions>(json!({"alg": "dir"})).is_err());
    assert!(serde_json::from_value::<JweOptions>(json!({"apu": "***"})).is_err());
    assert!(serde_json::from_value::<JweOptions>(json!({"unknown": 1})).is_err());
    assert_eq!(
        serde_json::from_value::<JweOptions>(json!({})).unwrap().alg,
        JweAlg::EcdhEsA256Kw
    );

    for reserved in crate::RESERVED_HEADERS {
        let mut o = JweOptions::default();
        o.extra_headers.insert((*reserved).to_owned(), json!("x"));
        assert_eq!(
            jwe_encrypt(b"x", &public, &o, &mut TestEntropy::new(1)),
            Err(CryptoError::JweHeaderReserved)
        );
    }
    assert_eq!(
        jwe_encrypt(b"x", &public, &JweOptions::default(), &mut NoEntropy),
        Err(CryptoError::EntropyUnavailable)
    );
    let mut bad = public.clone();
    bad.y = bad.x.clone();
    assert_eq!(
        jwe_encrypt(b"x", &bad, &JweOptions::default(), &mut TestEntropy::new(1)),
        Err(CryptoError::JweJwkInvalid)
    );
}

#[test]
fn entropy_budget_matches_the_docs() {
    let public = jose().key.public_jwk();
    let mut pool = crate::PrefetchedEntropy::new(vec![0x33; 76]);
    jwe_encrypt(b"x", &public, &JweOptions::default(), &mut pool).unwrap();
    assert_eq!(pool.remaining(), 0);
    let mut pool = crate::PrefetchedEntropy::new(vec![0x33; 44]);
    let direct = JweOptions {
        alg: JweAlg::EcdhEs,
        ..JweOptions::default()
    };
    jwe_encrypt(b"x", &public, &direct, &mut pool).unwrap();
    assert_eq!(pool.remaining(), 0);
}

/// Prints Rust-made tokens for a manual check with npm jose:
/// `cargo test -p homecare-crypto -- --ignored --nocapture print_tokens_for_jose`.
#[test]
#[ignore]
fn print_tokens_for_jose() {
    let public = jose().key.public_jwk();
    for (i, alg) in [JweAlg::EcdhEsA256Kw, JweAlg::EcdhEs]
        .into_iter()
        .enumerate()
    {
        let o = JweOptions {
            alg,
            apu: Some(b"a".to_vec()),
            cty: Some("json".into()),
            ..JweOptions::default()
        };
        let t = jwe_encrypt_json(
            &json!({"n": i, "s": "王"}),
            &public,
            &o,
            &mut TestEntropy::new(40 + u64::try_from(i).unwrap()),
        )
        .unwrap();
        println!("TOKEN {t}");
    }
}

#[cfg(feature = "sm")]
#[test]
fn sm_crypto_v2_vectors() {
    use crate::{
        hmac_sm3, sm2_decrypt, sm2_encrypt, sm3, sm4_gcm_decrypt, Sm2PointFormat, Sm2PrivateKey,
        Sm2PublicKey,
    };
    let v = load("sm_crypto_v2.json");
    let key = Sm2PrivateKey::from_bytes(&hex(&v["sm2"]["privateKeyHex"])).unwrap();
    let public = Sm2PublicKey::from_sec1(&hex(&v["sm2"]["publicKeyHex"])).unwrap();
    assert_eq!(key.public_key(), public);
    let cases = v["sm2"]["cases"].as_array().unwrap();
    assert!(cases.len() >= 4);
    for c in cases {
        let ct = hex(&c["c1c3c2Hex"]);
        let pt = c["plaintextUtf8"].as_str().unwrap().as_bytes();
        assert_eq!(&sm2_decrypt(&key, &ct).unwrap()[..], pt);
        // The same ciphertext with the standard 04 prefix opens too.
        assert_eq!(
            &sm2_decrypt(&key, &[&[4u8][..], &ct].concat()).unwrap()[..],
            pt
        );
        let mut bad = ct.clone();
        bad[70] ^= 1;
        assert_eq!(
            sm2_decrypt(&key, &bad).unwrap_err(),
            CryptoError::Sm2DecryptFailed
        );
    }
    // What Rust emits in Bare format has sm-crypto-v2's shape: 64 + 32 + len bytes.
    let ct = sm2_encrypt(
        &public,
        b"abc",
        Sm2PointFormat::Bare,
        &mut TestEntropy::new(8),
    )
    .unwrap();
    assert_eq!(ct.len(), 64 + 32 + 3);

    for c in v["sm4Gcm"].as_array().unwrap() {
        let sealed = [
            hex(&c["ivHex"]),
            hex(&c["ciphertextHex"]),
            hex(&c["tagHex"]),
        ]
        .concat();
        let pt = sm4_gcm_decrypt(&hex(&c["keyHex"]), &sealed, Some(&hex(&c["aadHex"]))).unwrap();
        assert_eq!(pt, c["plaintextUtf8"].as_str().unwrap().as_bytes());
    }
    for c in v["sm3"].as_array().unwrap() {
        assert_eq!(
            hex::encode(sm3(c["inputUtf8"].as_str().unwrap().as_bytes())),
            c["sm3Hex"].as_str().unwrap()
        );
    }
    for c in v["hmacSm3"].as_array().unwrap() {
        let tag = hmac_sm3(
            &hex(&c["keyHex"]),
            c["inputUtf8"].as_str().unwrap().as_bytes(),
        );
        assert_eq!(hex::encode(tag), c["hmacSm3Hex"].as_str().unwrap());
    }
}

proptest! {
    // P-256 scalar multiplication is slow in debug builds.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn jwe_round_trip_and_any_flipped_bit_is_rejected(
        payload in proptest::collection::vec(any::<u8>(), 0..200),
        direct in any::<bool>(),
        seed in any::<u64>(),
        bit in any::<usize>(),
    ) {
        let j = jose();
        let alg = if direct { JweAlg::EcdhEs } else { JweAlg::EcdhEsA256Kw };
        let o = JweOptions { alg, ..JweOptions::default() };
        let token = jwe_encrypt(&payload, &j.key.public_jwk(), &o, &mut TestEntropy::new(seed)).unwrap();
        prop_assert_eq!(&jwe_decrypt(&token, &j.key).unwrap().payload[..], &payload[..]);
        // Flip one bit of the decoded bytes of a non-empty part.
        let parts: Vec<&str> = token.split('.').collect();
        let candidates: Vec<usize> = (0..5).filter(|i| !parts[*i].is_empty()).collect();
        let part = candidates[bit % candidates.len()];
        let flipped = edit(&token, |p| {
            let mut bytes = b64::decode(&p[part]).unwrap();
            let i = (bit / 5) % (bytes.len() * 8);
            bytes[i / 8] ^= 1 << (i % 8);
            p[part] = b64::encode(&bytes);
        });
        prop_assert!(jwe_decrypt(&flipped, &j.key).is_err());
        // Any truncation is rejected too.
        let cut = bit % token.len();
        prop_assert!(jwe_decrypt(token.get(..cut).unwrap(), &j.key).is_err());
    }

    #[test]
    fn two_encryptions_never_share_epk_or_iv(seed in any::<u64>()) {
        let public = jose().key.public_jwk();
        let mut e = TestEntropy::new(seed);
        let a = jwe_encrypt(b"same", &public, &JweOptions::default(), &mut e).unwrap();
        let b = jwe_encrypt(b"same", &public, &JweOptions::default(), &mut e).unwrap();
        let (pa, pb): (Vec<&str>, Vec<&str>) = (a.split('.').collect(), b.split('.').collect());
        prop_assert_ne!(pa[0], pb[0]);
        prop_assert_ne!(pa[2], pb[2]);
    }
}

/// Prints Rust-made SM2 (bare and prefixed) and SM4-GCM ciphertexts for a manual check with
/// npm sm-crypto-v2: `cargo test -p homecare-crypto -- --ignored --nocapture print_sm_for_js`.
#[cfg(feature = "sm")]
#[test]
#[ignore]
fn print_sm_for_js() {
    use crate::{sm2_encrypt, sm4_gcm_encrypt, Sm2PointFormat, Sm2PublicKey};
    let v = load("sm_crypto_v2.json");
    let public = Sm2PublicKey::from_sec1(&hex(&v["sm2"]["publicKeyHex"])).unwrap();
    for f in [Sm2PointFormat::Bare, Sm2PointFormat::Prefixed] {
        let ct = sm2_encrypt(&public, "张三 abc".as_bytes(), f, &mut TestEntropy::new(6)).unwrap();
        println!("SM2 {f:?} {}", hex::encode(ct));
    }
    let sealed = sm4_gcm_encrypt(
        &[7; 16],
        "身份证".as_bytes(),
        Some(b"aad"),
        &mut TestEntropy::new(6),
    )
    .unwrap();
    println!("SM4 {}", hex::encode(sealed));
}

/// Deterministic Rust-made outputs (TestEntropy) for the JS interop tests: JS decrypts these
/// with npm `jose` / `sm-crypto-v2` / WebCrypto. The file is regenerated with
/// `cargo test -p homecare-crypto -- --ignored write_rust_made` and checked by
/// `rust_made_vectors_are_current`, so an output change cannot go unnoticed.
fn rust_made() -> Value {
    let jose = load("jwe_jose.json");
    let public = EcPrivateJwk::from_json(&jose["privateJwk"].to_string())
        .unwrap()
        .public_jwk();
    let payload = json!({"idNumber": "110101194001011234", "name": "王秀英"});
    let mut jwe = Vec::new();
    for (seed, options) in [
        (1u64, json!({})),
        (2, json!({"alg": "ECDH-ES", "cty": "json"})),
        (
            3,
            json!({"apu": "Y2xpZW50", "apv": "c2VydmVy", "extraHeaders": {"orderId": "HC-1"}}),
        ),
    ] {
        let o: JweOptions = serde_json::from_value(options.clone()).unwrap();
        let compact = jwe_encrypt_json(&payload, &public, &o, &mut TestEntropy::new(seed)).unwrap();
        jwe.push(json!({"options": options, "payload": crate::canonical_json(&payload), "compact": compact}));
    }
    let key = AeadKey::from_bytes(&[0x42; 32]).unwrap();
    let sealed = crate::aead_encrypt_string(
        &key,
        "13800138000",
        Some(b"draft-1"),
        &mut TestEntropy::new(4),
    )
    .unwrap();
    let order = json!({"idNumber": "110101194001011234", "contacts": [{"mobile": "13800138000"}], "name": "王秀英"});
    let paths = ["idNumber", "contacts[*].mobile"];
    let fields = crate::seal_fields(&order, &paths, &key, None, &mut TestEntropy::new(5)).unwrap();
    #[allow(unused_mut)]
    let mut out = json!({
        "note": "made by homecare-crypto with a deterministic test entropy; regenerate with `cargo test -p homecare-crypto -- --ignored write_rust_made`",
        "jwe": {"privateJwkFrom": "jwe_jose.json", "cases": jwe},
        "aead": {"keyHex": hex::encode([0x42; 32]), "aadUtf8": "draft-1", "plaintextUtf8": "13800138000", "sealedBase64url": sealed},
        "sealedFields": {"keyHex": hex::encode([0x42; 32]), "paths": paths, "input": order, "sealed": fields},
    });
    #[cfg(feature = "sm")]
    {
        use crate::{sm2_encrypt, sm4_gcm_encrypt, Sm2PointFormat, Sm2PublicKey};
        let sm = load("sm_crypto_v2.json");
        let public = Sm2PublicKey::from_sec1(&hex(&sm["sm2"]["publicKeyHex"])).unwrap();
        let mut cases = Vec::new();
        for (seed, format) in [(6u64, Sm2PointFormat::Bare), (7, Sm2PointFormat::Prefixed)] {
            let ct = sm2_encrypt(
                &public,
                "张三 13800138000".as_bytes(),
                format,
                &mut TestEntropy::new(seed),
            )
            .unwrap();
            cases.push(json!({"format": format, "plaintextUtf8": "张三 13800138000", "c1c3c2Hex": hex::encode(ct)}));
        }
        let sealed = sm4_gcm_encrypt(
            &[7; 16],
            "身份证".as_bytes(),
            Some(b"aad"),
            &mut TestEntropy::new(8),
        )
        .unwrap();
        out["sm2"] = json!({"keysFrom": "sm_crypto_v2.json", "cases": cases});
        out["sm4Gcm"] = json!({"keyHex": hex::encode([7u8; 16]), "aadUtf8": "aad", "plaintextUtf8": "身份证",
            "sealedHex": hex::encode(sealed), "layout": "nonce(12) || ciphertext || tag(16)"});
    }
    out
}

#[cfg(feature = "sm")]
#[test]
fn rust_made_vectors_are_current() {
    assert_eq!(rust_made(), load("rust_made.json"));
}

#[cfg(feature = "sm")]
#[test]
#[ignore]
fn write_rust_made() {
    let path = format!(
        "{}/../../tests/vectors/crypto/rust_made.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = serde_json::to_string_pretty(&rust_made()).unwrap();
    std::fs::write(path, text + "\n").unwrap();
}
