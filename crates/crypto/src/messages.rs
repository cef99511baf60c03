//! Messages for every code this crate emits, in zh-CN (for an elderly reader: what happened and
//! what to do) and en (for developers). Sorted by code; checked by the tests below.

/// `(code, zh-CN, en)` for every [`crate::CryptoError`] code, sorted by code.
pub const MESSAGES: homecare_core::MessageTable = &[
    (
        "crypto.auth_failed",
        "加密的资料打不开，可能已被改动或钥匙不对。请重新填写，或联系客服。",
        "Decryption failed: wrong key or associated data, or the data was modified.",
    ),
    (
        "crypto.base64",
        "加密资料的格式不对，打不开。请重新填写，或联系客服。",
        "The input is not valid base64url (RFC 4648 §5, no padding).",
    ),
    (
        "crypto.key_length",
        "加密钥匙的长度不对，无法使用。请退出后重新打开小程序。",
        "The key has the wrong length (AES-256: 32 bytes, SM4: 16 bytes).",
    ),
    (
        "crypto.too_long",
        "要加密的内容太长了。请删减一些内容后再试。",
        "The input is too long for the cipher.",
    ),
    (
        "crypto.truncated",
        "加密的资料不完整，打不开。请重新填写，或联系客服。",
        "The sealed data is shorter than nonce plus tag.",
    ),
    (
        "crypto.utf8",
        "打开后的内容不是文字，无法显示。请联系客服。",
        "The decrypted bytes are not valid UTF-8 text.",
    ),
    (
        "entropy.unavailable",
        "手机暂时无法生成安全密码，资料没有发送。请稍等片刻再试一次。",
        "The entropy source delivered no random bytes; nothing was encrypted.",
    ),
    (
        "fields.json",
        "保存的资料内容不对，打不开。请重新填写这一项。",
        "An opened sealed field does not contain JSON.",
    ),
    (
        "fields.not_sealed",
        "这一项资料没有加密保存，无法打开。请重新填写这一项。",
        "The value is not a sealed field (expected \"hc1.\" followed by base64url).",
    ),
    (
        "fields.path_syntax",
        "程序设置有误（字段位置写错了）。请联系客服。",
        "The field path is malformed; use name, a.b, list[*].name or list[0].name.",
    ),
    (
        "fields.shape_mismatch",
        "资料的结构和预期不一样，无法加密。请联系客服。",
        "The field path goes through a value of the wrong kind (object vs. list).",
    ),
    (
        "jwe.auth_failed",
        "加密信封打不开，可能已被改动或钥匙不对。请重新提交。",
        "The JWE authentication tag does not verify: wrong key or modified token.",
    ),
    (
        "jwe.base64",
        "加密信封的格式不对。请重新提交。",
        "A JWE part is not valid base64url.",
    ),
    (
        "jwe.crit_unsupported",
        "加密信封要求了不支持的功能。请更新小程序后再试。",
        "The JWE lists crit header parameters that are not understood.",
    ),
    (
        "jwe.encrypted_key",
        "加密信封里的钥匙部分不对。请重新提交。",
        "The JWE encrypted key has the wrong length for the alg.",
    ),
    (
        "jwe.epk_invalid",
        "加密信封里的临时钥匙不对。请重新提交。",
        "The JWE epk is missing, malformed, not P-256 or not on the curve.",
    ),
    (
        "jwe.header_invalid",
        "加密信封的头部格式不对。请重新提交。",
        "The JWE protected header is not a JSON object or has a member of the wrong type.",
    ),
    (
        "jwe.header_reserved",
        "程序设置有误（信封头部写错了）。请联系客服。",
        "Extra protected headers may not set alg, enc, epk, kid, apu, apv, cty, zip or crit.",
    ),
    (
        "jwe.iv_length",
        "加密信封的格式不对。请重新提交。",
        "The JWE IV is not 12 bytes.",
    ),
    (
        "jwe.jwk_invalid",
        "服务器的加密钥匙不对，资料没有发送。请更新小程序，或联系客服。",
        "The JWK is not valid JSON, not an EC P-256 key, or not on the curve.",
    ),
    (
        "jwe.kid_mismatch",
        "加密信封用的钥匙已经更换。请重新提交。",
        "The token kid differs from the private key kid.",
    ),
    (
        "jwe.malformed",
        "加密信封的格式不对。请重新提交。",
        "Not a compact JWE: it needs exactly five dot-separated parts.",
    ),
    (
        "jwe.tag_length",
        "加密信封的格式不对。请重新提交。",
        "The JWE tag is not 16 bytes.",
    ),
    (
        "jwe.unsupported_alg",
        "加密信封的方式不支持。请更新小程序后再试。",
        "The JWE alg is not ECDH-ES or ECDH-ES+A256KW.",
    ),
    (
        "jwe.unsupported_enc",
        "加密信封的方式不支持。请更新小程序后再试。",
        "The JWE enc is not A256GCM.",
    ),
    (
        "jwe.unwrap_failed",
        "加密信封打不开，可能已被改动或钥匙不对。请重新提交。",
        "AES key unwrap failed its integrity check: wrong key or modified token.",
    ),
    (
        "jwe.zip_unsupported",
        "加密信封用了不支持的压缩方式。请更新小程序后再试。",
        "The JWE asks for compression (zip), which is not supported.",
    ),
    (
        "sm2.ciphertext_malformed",
        "国密加密的资料不完整，打不开。请重新提交。",
        "The SM2 ciphertext is too short or its point C1 is not on the curve.",
    ),
    (
        "sm2.decrypt_failed",
        "国密加密的资料打不开，可能已被改动或钥匙不对。请重新提交。",
        "SM2 decryption failed its C3 check: wrong key or modified data.",
    ),
    (
        "sm2.empty_plaintext",
        "没有要加密的内容。请先填写后再提交。",
        "SM2 cannot encrypt an empty message.",
    ),
    (
        "sm2.key_invalid",
        "国密钥匙不对，资料没有发送。请更新小程序，或联系客服。",
        "The SM2 key is malformed or not on the curve.",
    ),
];

#[cfg(test)]
mod tests {
    use super::MESSAGES;
    use crate::CryptoError;

    #[test]
    fn table_is_sorted_and_consistent() {
        assert_eq!(homecare_core::catalog_check(MESSAGES), Ok(()));
    }

    #[test]
    fn every_error_has_a_message_and_every_message_an_error() {
        let catalog = homecare_core::Catalog::new(&[MESSAGES]);
        for e in CryptoError::ALL {
            assert!(
                catalog
                    .template(e.code(), homecare_core::Locale::ZhCn)
                    .is_some(),
                "no message for {}",
                e.code()
            );
        }
        assert_eq!(MESSAGES.len(), CryptoError::ALL.len());
    }
}
