//! Messages for every code this crate emits: `(code, zh-CN, en)`, sorted by code.
//!
//! zh-CN is written for an elderly reader: what happened, in everyday words, and what to do.

/// The message table of `homecare-drafts`.
pub const MESSAGES: homecare_core::MessageTable = &[
    (
        "drafts.corrupted",
        "这份草稿已损坏，无法恢复，请重新填写",
        "The draft is damaged and cannot be recovered. Please fill in the form again.",
    ),
    (
        "drafts.expired",
        "这份草稿保存太久已过期，请重新填写",
        "The draft has expired. Please fill in the form again.",
    ),
    (
        "drafts.invalid_id",
        "草稿编号不正确，请返回后重新进入",
        "Invalid form, draft or namespace id (use 1-64 of A-Z a-z 0-9 _ -).",
    ),
    (
        "drafts.invalid_options",
        "草稿功能设置有误，请联系客服",
        "Invalid drafts or outbox options (see the option param).",
    ),
    (
        "drafts.migration_failed",
        "草稿无法升级到新版表格，请重新填写",
        "The draft could not be upgraded to the current form version.",
    ),
    (
        "drafts.migration_missing",
        "草稿来自旧版表格，无法自动升级，请重新填写",
        "No migration is registered for the draft's form version.",
    ),
    (
        "drafts.newer_version",
        "这份草稿来自新版小程序，请先更新小程序再打开",
        "The draft was saved by a newer app version; it is kept unchanged. Update the app to open it.",
    ),
    (
        "drafts.not_found",
        "没有找到保存的草稿",
        "No saved draft was found.",
    ),
    (
        "drafts.quota_exceeded",
        "草稿保存失败：手机存储空间不足，请删除不用的草稿后重试",
        "Could not save the draft: storage is full. Delete old drafts and try again.",
    ),
    (
        "drafts.seal_failed",
        "草稿加密保存失败，请稍后重试",
        "Could not encrypt the draft for saving. Please try again.",
    ),
    (
        "drafts.storage_failed",
        "草稿保存失败，请稍后重试",
        "The storage did not accept the operation. Please try again.",
    ),
    (
        "drafts.too_large",
        "草稿内容太多，无法保存，请减少图片或文字后重试",
        "The draft is too large to save.",
    ),
    (
        "drafts.unreadable",
        "这份草稿无法打开（可能换了账号或手机），请重新填写",
        "The draft cannot be decrypted with this key (another account or device, or a moved record).",
    ),
    (
        "outbox.corrupted",
        "有一条待发送的提交已损坏，请查看后重新提交",
        "A queued submission is damaged and cannot be read.",
    ),
    (
        "outbox.entropy_failed",
        "提交暂存失败，请稍后重试",
        "No randomness was available to create an idempotency key.",
    ),
    (
        "outbox.invalid_key",
        "提交编号不正确，请返回后重新提交",
        "Invalid idempotency key, kind or stream (keys are UUIDs; kinds and streams are ids).",
    ),
    (
        "outbox.invalid_state",
        "这条提交当前不能这样操作，请刷新后再试",
        "The operation does not apply to the submission in its current state.",
    ),
    (
        "outbox.key_reused",
        "这条提交已经存在，内容不同，请勿重复提交",
        "The idempotency key was already used with a different payload.",
    ),
    (
        "outbox.not_found",
        "没有找到这条提交",
        "No queued submission with that id.",
    ),
    (
        "outbox.quota_exceeded",
        "提交暂存失败：手机存储空间不足，请删除不用的草稿后重试",
        "Could not queue the submission: storage is full. Delete old drafts and try again.",
    ),
    (
        "outbox.storage_failed",
        "提交暂存失败，请稍后重试",
        "The storage did not accept the submission. Please try again.",
    ),
    (
        "outbox.too_large",
        "提交内容太多，无法暂存，请减少图片或文字后重试",
        "The submission is too large to queue.",
    ),
];

#[cfg(test)]
mod tests {
    use super::MESSAGES;
    use crate::ErrorKind;

    #[test]
    fn table_is_well_formed() {
        assert_eq!(homecare_core::catalog_check(MESSAGES), Ok(()));
    }

    #[test]
    fn every_code_has_a_message_and_every_message_a_code() {
        for kind in ErrorKind::ALL {
            assert!(
                MESSAGES.iter().any(|(c, _, _)| *c == kind.code()),
                "{} has no message",
                kind.code()
            );
        }
        for (code, _, _) in MESSAGES {
            assert!(
                ErrorKind::ALL.iter().any(|k| k.code() == *code),
                "{code} is not emitted"
            );
        }
        assert_eq!(ErrorKind::ALL.len(), MESSAGES.len());
    }
}
