//! The common case of [`super::scan`]'s word scan, sixteen bytes at once with SSE2 (part of
//! every x86-64 CPU): a word of ASCII letters and precomposed Vietnamese letters ends at the
//! first byte that is none of them, found with one bit mask instead of a loop whose exit
//! the branch predictor cannot guess.

use std::arch::x86_64::{
    __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_movemask_epi8, _mm_or_si128,
    _mm_set_epi64x, _mm_set1_epi8, _mm_setzero_si128, _mm_sub_epi8, _mm_subs_epu8,
};

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

#[inline]
#[target_feature(enable = "sse2")]
fn load(b: &[u8], at: usize) -> __m128i {
    let s: &[u8; 16] = b[at..at + 16].try_into().unwrap_or(&[0; 16]);
    let lo = u64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]);
    let hi = u64::from_le_bytes([s[8], s[9], s[10], s[11], s[12], s[13], s[14], s[15]]);
    _mm_set_epi64x(hi as i64, lo as i64)
}

#[inline]
#[target_feature(enable = "sse2")]
fn eq(x: __m128i, v: u8) -> __m128i {
    _mm_cmpeq_epi8(x, _mm_set1_epi8(v as i8))
}

/// Lanes with `lo <= x <= hi` (unsigned).
#[inline]
#[target_feature(enable = "sse2")]
fn within(x: __m128i, lo: u8, hi: u8) -> __m128i {
    let d = _mm_sub_epi8(x, _mm_set1_epi8(lo as i8));
    _mm_cmpeq_epi8(
        _mm_subs_epu8(d, _mm_set1_epi8((hi - lo) as i8)),
        _mm_setzero_si128(),
    )
}

/// Bit masks over `b[p..p + 16]`: word bytes, non-ASCII bytes, and Ð/ð lead bytes.
#[inline]
#[target_feature(enable = "sse2")]
fn masks(b: &[u8], p: usize) -> (u32, u32, u32) {
    let c0 = load(b, p);
    let c1 = load(b, p + 1);
    let or = _mm_or_si128;
    let and = _mm_and_si128;
    let letter = within(or(c0, _mm_set1_epi8(0x20)), b'a', b'z');
    let cont = within(c0, 0x80, 0xBF);
    let c3 = eq(c0, 0xC3);
    let sign = or(eq(c1, 0x97), eq(c1, 0xB7));
    let c3_letter = _mm_andnot_si128_(sign, c3);
    let ext = or(within(c0, 0xC4, 0xC6), c3_letter);
    let vn = and(eq(c0, 0xE1), or(eq(c1, 0xBA), eq(c1, 0xBB)));
    let word = or(or(letter, cont), or(ext, vn));
    let eth = and(c3, or(eq(c1, 0x90), eq(c1, 0xB0)));
    let non_ascii = _mm_cmplt_epi8(c0, _mm_setzero_si128());
    (
        _mm_movemask_epi8(word) as u32,
        _mm_movemask_epi8(non_ascii) as u32,
        _mm_movemask_epi8(eth) as u32,
    )
}

/// `b & !a`.
#[inline]
#[target_feature(enable = "sse2")]
fn _mm_andnot_si128_(a: __m128i, b: __m128i) -> __m128i {
    std::arch::x86_64::_mm_andnot_si128(a, b)
}
