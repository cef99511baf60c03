//! base64url without padding (RFC 4648 §5), the encoding of JOSE and of sealed fields.
//! `base64ct` is constant-time and rejects padding and non-canonical trailing bits.

use base64ct::{Base64UrlUnpadded, Encoding};

/// Encodes bytes as unpadded base64url.
pub(crate) fn encode(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

/// Decodes unpadded base64url; `None` on any malformed input.
pub(crate) fn decode(text: &str) -> Option<Vec<u8>> {
    Base64UrlUnpadded::decode_vec(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_strictness() {
        assert_eq!(encode(b"\xfb\xff"), "-_8");
        assert_eq!(decode("-_8"), Some(b"\xfb\xff".to_vec()));
        assert_eq!(decode("-_8="), None, "padding is rejected");
        assert_eq!(decode("+/8"), None, "standard alphabet is rejected");
        assert_eq!(
            decode("-_9"),
            None,
            "non-canonical trailing bits are rejected"
        );
        assert_eq!(decode("a"), None, "impossible length");
        assert_eq!(decode(""), Some(vec![]));
    }
}
