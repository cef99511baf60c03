//! mask on arbitrary UTF-8 with every kind and arbitrary keep counts: must never panic and
//! never return non-blank input unchanged (unless it is made of mask characters).
#![no_main]

use homecare_identity::{mask, MaskKind, MaskOptions};
use libfuzzer_sys::fuzz_target;

const KINDS: [MaskKind; 11] = [
    MaskKind::Name,
    MaskKind::IdNumber,
    MaskKind::Mobile,
    MaskKind::Landline,
    MaskKind::Address,
    MaskKind::Email,
    MaskKind::BankCard,
    MaskKind::Plate,
    MaskKind::Password,
    MaskKind::Ipv4,
    MaskKind::Custom,
];

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let Some((&keep, rest)) = rest.split_first() else {
        return;
    };
    let Ok(value) = std::str::from_utf8(rest) else {
        return;
    };
    let kind = KINDS[usize::from(control) % KINDS.len()];
    let options = MaskOptions {
        keep_start: (control & 0x80 != 0).then_some(usize::from(keep & 0x0F)),
        keep_end: (control & 0x40 != 0).then_some(usize::from(keep >> 4)),
        mask_char: None,
    };
    let masked = mask(value, kind, &options);
    let trimmed = value.trim();
    if !trimmed.is_empty() && !trimmed.contains('*') {
        assert_ne!(masked, trimmed, "{kind:?}");
        assert!(masked.contains('*'));
    }
});
