//! Concat KDF (NIST SP 800-56A §5.8.1, single-step with SHA-256) as JOSE profiles it in
//! RFC 7518 §4.6.2. Composed from `sha2`; for up to 256 bits of output it is one hash:
//!
//! `SHA-256( 00000001 ‖ Z ‖ len32(AlgorithmID) ‖ AlgorithmID ‖ len32(apu) ‖ apu ‖ len32(apv) ‖ apv ‖ keydatalen32 )`

use crate::CryptoError;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

fn len32(bytes: &[u8]) -> Result<[u8; 4], CryptoError> {
    u32::try_from(bytes.len())
        .map(u32::to_be_bytes)
        .map_err(|_| CryptoError::TooLong)
}

/// One round of the Concat KDF; `key_bits` (≤ 256) goes into SuppPubInfo, and the caller takes
/// the first `key_bits / 8` bytes.
pub(crate) fn concat_kdf(
    z: &[u8],
    algorithm_id: &str,
    apu: &[u8],
    apv: &[u8],
    key_bits: u32,
) -> Result<Zeroizing<[u8; 32]>, CryptoError> {
    let mut h = Sha256::new();
    h.update(1u32.to_be_bytes());
    h.update(z);
    h.update(len32(algorithm_id.as_bytes())?);
    h.update(algorithm_id.as_bytes());
    h.update(len32(apu)?);
    h.update(apu);
    h.update(len32(apv)?);
    h.update(apv);
    h.update(key_bits.to_be_bytes());
    let mut out = Zeroizing::new([0u8; 32]);
    out.copy_from_slice(&h.finalize());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7518 Appendix C: ECDH-ES, A128GCM, apu "Alice", apv "Bob".
    #[test]
    fn rfc7518_appendix_c() {
        let z: [u8; 32] = [
            158, 86, 217, 29, 129, 113, 53, 211, 114, 131, 66, 131, 191, 132, 38, 156, 251, 49,
            110, 163, 218, 128, 106, 72, 246, 218, 167, 121, 140, 254, 144, 196,
        ];
        let k = concat_kdf(&z, "A128GCM", b"Alice", b"Bob", 128).unwrap();
        assert_eq!(
            &k[..16],
            &[86, 170, 141, 234, 248, 35, 109, 32, 92, 34, 40, 205, 113, 167, 16, 26]
        );
        assert_eq!(crate::b64::encode(&k[..16]), "VqqN6vgjbSBcIijNcacQGg");
    }
}
