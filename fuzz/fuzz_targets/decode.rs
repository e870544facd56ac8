//! Fuzz `decode::{decode, decode_as, decode_lossy}` on raw bytes: no panic, errors that point at
//! a real byte, UTF-8 decoded to itself, `decode_lossy` agreeing with `decode`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_decode(data);
});
