//! Fuzz the normalizer with every option set: no panic, idempotent, NFC, offset map on char
//! boundaries, monotone and covering the input.
//!
//! Set `VNTEXT_FUZZ_SKIP_NFC=1` to leave out the NFC check (the skeleton's stub normalizer
//! returns its input unchanged, so NFC only holds once the real normalizer is merged).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use vntext::normalize::Normalizer;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

static NORMALIZERS: LazyLock<Vec<(&'static str, Normalizer)>> =
    LazyLock::new(invariants::normalizers);
static CHECK_NFC: LazyLock<bool> =
    LazyLock::new(|| std::env::var_os("VNTEXT_FUZZ_SKIP_NFC").is_none());

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for (name, n) in NORMALIZERS.iter() {
        invariants::check_normalize(name, n, &text);
        if *CHECK_NFC {
            invariants::check_normalize_nfc(name, n, &text);
        }
    }
});
