//! Save + load of a sealed 64 KiB draft, for `valgrind --tool=callgrind` (instruction counts
//! of the store's own work around AES-256-GCM): `cargo run --release -p homecare-drafts
//! --example sealed_roundtrip -- [bytes] [rounds]`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use homecare_crypto::{aead_decrypt, aead_encrypt, AeadKey, PrefetchedEntropy};
use homecare_drafts::{DraftError, DraftOptions, DraftStore, MemoryStorage, Sealer};

struct KeySealer(AeadKey);

impl Sealer for KeySealer {
    fn seal(&self, plaintext: &[u8], aad: &[u8]) -> Result<Vec<u8>, DraftError> {
        aead_encrypt(
            &self.0,
            plaintext,
            Some(aad),
            &mut PrefetchedEntropy::new(vec![7; 12]),
        )
        .map_err(|_| DraftError::seal_failed())
    }
    fn open(&self, sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>, DraftError> {
        aead_decrypt(&self.0, sealed, Some(aad)).map_err(|_| DraftError::open_failed())
    }
}

fn draft(bytes: usize) -> String {
    let mut visits = Vec::new();
    let mut i = 0;
    let mut len = 0;
    while len * 14 / 10 < bytes {
        let v = format!(
            r#"{{"date":"2025-06-{:02}","nurse":"护士{i}","note":"血压正常，伤口恢复良好 #{i}","ok":{}}}"#,
            i % 28 + 1,
            i % 3 != 0
        );
        len += v.chars().count() + 1;
        visits.push(v);
        i += 1;
    }
    format!(
        r#"{{"name":"王秀英","mobile":"13812345678","address":"北京市朝阳区幸福路1号","visits":[{}]}}"#,
        visits.join(",")
    )
}

fn main() {
    let mut args = std::env::args().skip(1);
    let bytes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(65536);
    let rounds: i64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let data = draft(bytes);
    let key = AeadKey::from_bytes(&[7; 32]).unwrap();
    let mut s = DraftStore::new(
        MemoryStorage::new(),
        DraftOptions::default(),
        Some(Box::new(KeySealer(key))),
    )
    .unwrap();
    let t = std::time::Instant::now();
    for i in 0..rounds {
        s.save("registration", "d1", &data, 1, i).unwrap();
        // As the wasm layer loads: the opened bytes go to the host's UTF-8 decoder.
        let (_, opened) = s.load_unchecked("registration", "d1", i, false).unwrap();
        assert_eq!(opened.unwrap().bytes().len(), data.len());
    }
    println!(
        "{} bytes: {:?} per save+load",
        data.len(),
        t.elapsed() / u32::try_from(rounds).unwrap()
    );
}
