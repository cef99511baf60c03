//! Messages for every code this crate emits: `(code, zh-CN, en)`, sorted by code.
//!
//! The zh-CN text is written for an elderly reader: short, concrete, and it says what to do.

/// The message table of this crate.
pub const MESSAGES: homecare_core::MessageTable = &[
    ("cert.eldercare_format", "养老护理员证书编号应为字母Y或S加21位数字，共22位，请对照证书核对。", "An eldercare skill certificate number is Y or S followed by 21 digits."),
    ("cert.empty", "请填写证书编号。", "Please enter the certificate number."),
    ("cert.level", "证书编号第16位是等级，应为1到5，请对照证书核对。", "Character 16 is the skill level and must be 1 to 5. Please check the certificate."),
    ("cert.nurse_format", "护士执业证书编号应为8到20位数字，请对照证书核对。", "A nurse practice certificate number has 8 to 20 digits."),
    ("cert.physician_format", "医师执业证书编码应为15位数字，请对照证书核对。", "A physician practice certificate number has 15 digits."),
    ("digest.key_too_short", "系统设置有误：密钥至少需要{min}个字节，请联系客服。", "Configuration error: the key must be at least {min} bytes."),
    ("email.domain_invalid", "邮箱“@”后面的部分不对，应类似 qq.com，请核对。", "The part after @ should be a domain like example.com."),
    ("email.empty", "请填写电子邮箱。", "Please enter an email address."),
    ("email.format", "邮箱应为“名字@网址”的样子，例如 zhang@qq.com，请核对。", "An email address looks like name@example.com."),
    ("email.local_invalid", "邮箱“@”前面的部分有不能用的符号，请核对。", "The part before @ contains characters mail systems do not accept."),
    ("email.too_long", "邮箱太长了，最多{max}个字符，请核对。", "The email address is longer than {max} characters."),
    ("fake.birthdate_invalid", "无法按这个出生日期生成测试号码。", "Cannot generate a test number with this birth date for this kind."),
    ("fake.region_invalid", "无法用地区代码“{code}”生成这种测试号码。", "Cannot generate this kind of test number with region code \"{code}\"."),
    ("id.birthdate_future", "号码里的出生日期比今天还晚，请核对第7到14位。", "The birth date in the number is in the future. Please check digits 7 to 14."),
    ("id.birthdate_invalid", "号码里的出生日期不存在（比如2月30日），请核对第7到14位。", "The birth date in the number does not exist on the calendar. Please check digits 7 to 14."),
    ("id.birthdate_too_early", "号码里的出生年份早于{min}年，请核对第7到10位。", "The birth year is before {min}. Please check digits 7 to 10."),
    ("id.charset", "号码里有不能用的字符，只能填数字和字母，请重新输入。", "The number contains characters that are not digits or letters."),
    ("id.checksum_mismatch", "号码最后一位应为{expected}，可能有一位填错了，请对照证件逐位核对。", "The last character should be {expected}; one character is probably mistyped. Please compare it with the card."),
    ("id.checksum_unconfirmed", "号码最后一位与常见规则不一致，请对照证件再核对一遍。", "The last digit does not match the commonly used (unconfirmed) check rule; please double-check."),
    ("id.empty", "请填写证件号码。", "Please enter the document number."),
    ("id.format", "证件号码格式不对，数字和字母的位置有误，请对照证件重新输入。", "The number has letters or digits in the wrong places. Please copy it from the card."),
    ("id.kind_not_allowed", "这里不能使用这种证件（{kind}），请换一种证件填写。", "This kind of document ({kind}) is not accepted here."),
    ("id.length", "证件号码位数不对：您填了{actual}位。身份证号码是18位，请核对。", "The number has {actual} characters; a resident ID has 18. Please check it."),
    ("id.province_unknown", "号码开头“{code}”不是有效的省份代码，请核对前两位。", "The number starts with \"{code}\", which is not a province code. Please check the first digits."),
    ("id.region_unknown", "号码里的地区代码不在我们的资料中，请再核对前6位；如确认无误可以继续。", "The region code is not in our table (it may be newer). Please check the first six digits; if correct, continue."),
    ("landline.area_code", "请在电话号码前加上区号，例如北京是010。", "Please add the area code, e.g. 010 for Beijing."),
    ("landline.charset", "电话号码里只能有数字和短横线，请重新输入。", "A phone number may contain only digits and dashes."),
    ("landline.empty", "请填写固定电话号码。", "Please enter the landline number."),
    ("landline.extension", "分机号应为1到6位数字，请核对。", "The extension must be 1 to 6 digits."),
    ("landline.local_length", "区号后面的电话号码应为{expected}位，请核对。", "The number after the area code should have {expected} digits."),
    ("landline.local_prefix", "区号后面的电话号码不能以0或1开头，请核对。", "The number after the area code cannot start with 0 or 1."),
    ("mask.rule_invalid", "系统设置有误：脱敏规则“{path}”写法不对，请联系客服。", "Configuration error: the masking rule for \"{path}\" is malformed."),
    ("mobile.charset", "手机号码里只能有数字，请重新输入。", "A mobile number may contain only digits."),
    ("mobile.empty", "请填写手机号码。", "Please enter the mobile number."),
    ("mobile.length", "手机号码应为11位，您填了{actual}位，请核对。", "A mobile number has 11 digits; this one has {actual}."),
    ("mobile.prefix", "手机号码应以13到19开头，请核对。", "A mobile number starts with 13 to 19."),
    ("name.charset", "姓名里有表情、符号或特殊字符，请只填写姓名。", "The name contains emoji, symbols or control characters."),
    ("name.digit", "姓名里不能有数字，请重新输入。", "A name cannot contain digits."),
    ("name.dot_position", "姓名中的间隔点“·”只能放在两个字中间，请核对。", "The middle dot can only stand between two parts of a name."),
    ("name.empty", "请填写姓名。", "Please enter the name."),
    ("name.latin_not_allowed", "请填写中文姓名，与身份证上一致。", "Please enter the name in Chinese characters, as on the ID card."),
    ("name.mixed_script", "姓名里不能同时有汉字和英文字母，请核对。", "A name cannot mix Chinese characters and Latin letters."),
    ("name.too_long", "姓名太长了，最多{max}个字，请核对。", "The name is longer than {max} characters."),
    ("name.too_short", "姓名太短了，至少{min}个字，请核对。", "The name needs at least {min} characters."),
    ("uscc.charset", "信用代码里有不会出现的字符（代码中没有I、O、S、V、Z），请对照营业执照核对。", "The code contains characters a credit code never uses (no I, O, S, V, Z)."),
    ("uscc.checksum_mismatch", "统一社会信用代码最后一位应为{expected}，请对照营业执照逐位核对。", "The last character should be {expected}. Please compare with the business licence."),
    ("uscc.empty", "请填写统一社会信用代码。", "Please enter the unified social credit code."),
    ("uscc.length", "统一社会信用代码应为18位，您填了{actual}位，请核对。", "A unified social credit code has 18 characters; this one has {actual}."),
    ("uscc.org_code_mismatch", "信用代码中间的组织机构代码校验不一致，请再核对一遍。", "The organisation code inside (characters 9 to 17) fails its own check; please double-check."),
];

#[cfg(test)]
mod tests {
    use super::MESSAGES;
    use crate::codes::ALL;

    #[test]
    fn table_is_well_formed() {
        assert_eq!(homecare_core::catalog_check(MESSAGES), Ok(()));
    }

    #[test]
    fn every_code_has_a_message_and_every_message_a_code() {
        for code in ALL {
            assert!(
                MESSAGES.iter().any(|(c, _, _)| c == code),
                "no message for {code}"
            );
        }
        for (code, _, _) in MESSAGES {
            assert!(ALL.contains(code), "message for unknown code {code}");
        }
    }
}
