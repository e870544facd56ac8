//! Fuzz `tokenize::{tokenize, counts}`: no panic, token spans valid and in order, tokens and
//! gaps rebuild the input, counts consistent with the tokens.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    invariants::check_tokenize(&text, false);
});
