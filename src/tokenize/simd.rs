//! The common case of [`super::scan`]'s word scan, sixteen bytes at once with SSE2 (part of
//! every x86-64 CPU): a word of ASCII letters and precomposed Vietnamese letters ends at the
//! first byte that is none of them, found with one bit mask instead of a loop whose exit
//! the branch predictor cannot guess.

use crate::simd::sse2::{V, and, andnot, eq, load, movemask, negative, or, splat, within};

/// What the bytes of a word starting at `p` hold, when all of it is in `b[p..p + 16]` and is
/// made of ASCII letters and the letters of the blocks that [`super::scan`] recognises from
/// their bytes (C3 but × and ÷, C4–C6, E1 BA/BB). `None` otherwise (the caller then scans
/// char by char).
#[derive(Debug, Clone, Copy)]
pub(super) struct QuickWord {
    /// Length in bytes.
    pub(super) len: usize,
    /// Holds a byte outside ASCII.
    pub(super) latin_ext: bool,
    /// Holds Ð or ð.
    pub(super) dirty: bool,
}

/// See [`QuickWord`].
#[inline(always)]
pub(super) fn quick_word(b: &[u8], p: usize) -> Option<QuickWord> {
    if p + 17 > b.len() {
        return None;
    }
    #[allow(unsafe_code)]
    // SAFETY: `masks` needs SSE2 only, which is part of the x86-64 base instruction set; it
    // uses no pointers and no other unsafe code.
    let (word, non_ascii, eth) = unsafe { masks(b, p) };
    let len = (!word).trailing_zeros() as usize;
    // The word must end inside the window, at an ASCII byte (anything else: the slow scan).
    if len >= 16 || b[p + len] >= 0x80 {
        return None;
    }
    let inside = (1u32 << len) - 1;
    Some(QuickWord {
        len,
        latin_ext: non_ascii & inside != 0,
        dirty: eth & inside != 0,
    })
}

/// Bit masks over `b[p..p + 16]`: word bytes, non-ASCII bytes, and Ð/ð lead bytes.
#[inline]
#[target_feature(enable = "sse2")]
fn masks(b: &[u8], p: usize) -> (u32, u32, u32) {
    let c0 = load(b, p);
    let c1 = load(b, p + 1);
    let letter = within(or(c0, splat(0x20)), b'a', b'z');
    let cont = within(c0, 0x80, 0xBF);
    let c3 = eq(c0, 0xC3);
    let c3_letter = andnot(or(eq(c1, 0x97), eq(c1, 0xB7)), c3);
    let ext = or(within(c0, 0xC4, 0xC6), c3_letter);
    let vn = and(eq(c0, 0xE1), or(eq(c1, 0xBA), eq(c1, 0xBB)));
    let word = or(or(letter, cont), or(ext, vn));
    let eth = and(c3, or(eq(c1, 0x90), eq(c1, 0xB0)));
    let bits = |x: V| movemask(x) as u32;
    (bits(word), bits(negative(c0)), bits(eth))
}
