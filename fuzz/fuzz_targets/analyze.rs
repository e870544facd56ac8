//! Fuzz the whole pipeline: `Analyzer::analyze` on the input as text, `Analyzer::analyze_bytes`
//! on the raw bytes, and each extractor called directly. Every span of every item must be its
//! text in the input; numbers finite; counts consistent.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use vntext::Analyzer;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    invariants::check_analyze(&ANALYZER, &text);
    invariants::check_extractors(&text);
    invariants::check_analyze_bytes(&ANALYZER, data);
});
