//! The clean-text fast path of [`Normalizer::normalize`](super::Normalizer::normalize): finds
//! the first byte that may need a change, without decoding characters it does not need to.
//!
//! Canonical Vietnamese text is about two thirds ASCII, and nearly every other character is a
//! precomposed Vietnamese letter. Two scans give the same answers:
//! - the block scan (x86-64) classifies 32 bytes at a time with AVX2, or 16 with SSE2, into a
//!   bit mask of the few positions that need a look (see [`block_scanner`]);
//! - the scalar scan (the tail of the text, other targets) skips ASCII eight bytes at a time
//!   (SWAR) and maps each non-ASCII character to its letter code straight from its UTF-8 bytes.
//!
//! Both stop at whitespace to fix (a tab, a CR, a space that starts a run or ends a line), at
//! anything that is not a Vietnamese letter, and check tone placement only where it can be
//! wrong: a toned plain vowel (a e i o u y) next to another vowel. Its vowel cluster (at most
//! three vowels), the onset class before it (`q`, `g`, `ng` or other) and whether a consonant
//! follows decide where the mark goes; the verdict for each such shape is computed once with
//! the syllable parser itself and memoised, so the fast path agrees with the careful one by
//! construction.
//!
//! Whatever the scan stops at is handled by the careful per-word path in `mod.rs`, which is the
//! specification; unit tests force each path and compare them on random and real text.

use super::{ToneStyle, is_invisible, is_other_line_break, is_space};
use crate::syllable::{self, Syllable};
use std::sync::atomic::{AtomicU8, Ordering};

/// Bytes of `x` equal to `v`: 0x80 in each such byte, exactly (no borrow between bytes).
#[inline]
fn eq_mask(x: u64, v: u8) -> u64 {
    const LO7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let y = x ^ (0x0101_0101_0101_0101 * v as u64);
    !(((y & LO7) + LO7) | y | LO7)
}

/// Vowel indexes (see `syllable::letter::VOWEL_BASES`) of ư and ơ.
const V_U_HORN: u8 = 10;
const V_O_HORN: u8 = 8;

/// The letter code (see `syllable::letter`) of the non-ASCII character starting at `i`, and the
/// character's length in bytes; code 0 for anything but a Vietnamese letter.
#[inline]
pub(super) fn letter_at(b: &[u8], i: usize) -> (u8, usize) {
    let b0 = b[i];
    if b0 < 0xE0 {
        let u = ((b0 as u32 & 0x1F) << 6) | (b.get(i + 1).map_or(0, |&x| x as u32) & 0x3F);
        (syllable::letter_code_u32(u), 2)
    } else if b0 == 0xE1 {
        let u = 0x1000
            | ((b.get(i + 1).map_or(0, |&x| x as u32) & 0x3F) << 6)
            | (b.get(i + 2).map_or(0, |&x| x as u32) & 0x3F);
        (syllable::letter_code_u32(u), 3)
    } else {
        (0, if b0 < 0xF0 { 3 } else { 4 })
    }
}

/// The character ending just before `i`: its letter code for a Vietnamese letter, `Err(byte)`
/// for an ASCII byte, `Ok(0)` for any other character or the start of the text; and its start.
#[inline]
fn char_before(b: &[u8], i: usize) -> (Result<u8, u8>, usize) {
    if i == 0 {
        return (Ok(0), 0);
    }
    let last = b[i - 1];
    if last < 0x80 {
        return (Err(last), i - 1);
    }
    let mut s = i - 1;
    while s > 0 && b[s] & 0xC0 == 0x80 && i - s < 4 {
        s -= 1;
    }
    (Ok(letter_at(b, s).0), s)
}

/// Vowel index of a character seen by [`char_before`] or [`letter_at`], if it is a vowel.
#[inline]
fn vowel_index(c: Result<u8, u8>) -> Option<(u8, bool)> {
    match c {
        Err(a) => {
            let v = match a | 0x20 {
                b'a' => 0,
                b'e' => 3,
                b'i' => 5,
                b'o' => 6,
                b'u' => 9,
                b'y' => 11,
                _ => return None,
            };
            Some((v, false))
        }
        Ok(code) if syllable::code_is_vowel(code) => {
            Some((syllable::code_vowel(code), syllable::code_is_toned(code)))
        }
        Ok(_) => None,
    }
}

/// The character starting at `i` as [`char_before`] sees characters, and its length.
#[inline]
fn char_at(b: &[u8], i: usize) -> (Result<u8, u8>, usize) {
    match b.get(i) {
        None => (Ok(0), 0),
        Some(&x) if x < 0x80 => (Err(x), 1),
        Some(_) => {
            let (code, len) = letter_at(b, i);
            (Ok(code), len)
        }
    }
}

/// Returns the first position at or after `i` that the careful path must look at (or the
/// length of `bytes` when the rest is canonical). `ws`: the whitespace step is on; `style`:
/// the tone style (`Preserve` skips the tone checks).
pub(super) fn skip_clean(bytes: &[u8], i: usize, ws: bool, style: ToneStyle) -> usize {
    #[cfg(test)]
    if let Some(path) = tests::FORCE.with(std::cell::Cell::get) {
        return tests::forced(bytes, i, ws, style, path);
    }
    #[cfg(target_arch = "x86_64")]
    let i = match block_skip(bytes, i, ws, style, true) {
        Ok(i) => i,
        Err(stop) => return stop,
    };
    match scan(bytes, i, bytes.len(), ws, style) {
        Ok(i) | Err(i) => i,
    }
}

/// The block scan, with AVX2 when `prefer_avx2` and the CPU has it, else SSE2.
#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
fn block_skip(
    bytes: &[u8],
    i: usize,
    ws: bool,
    style: ToneStyle,
    prefer_avx2: bool,
) -> Result<usize, usize> {
    if prefer_avx2 && std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2 (checked just above), the only requirement of
        // `avx2::skip`; the function itself uses no pointers and no unsafe code.
        unsafe { avx2::skip(bytes, i, ws, style) }
    } else {
        // SAFETY: SSE2 is part of the x86-64 base instruction set, so every CPU this code
        // runs on has it; `sse2::skip` uses no pointers and no unsafe code.
        unsafe { sse2::skip(bytes, i, ws, style) }
    }
}

/// The scalar scan: checks the characters starting before `limit`, from `i` (a char boundary).
/// `Ok(j)`: all clean up to `j` (a char boundary at or after `limit`); `Err(p)`: stop at `p`.
fn scan(
    bytes: &[u8],
    mut i: usize,
    limit: usize,
    ws: bool,
    style: ToneStyle,
) -> Result<usize, usize> {
    const HI: u64 = 0x8080_8080_8080_8080;
    let n = bytes.len();
    let start = i;
    while i < limit {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            let hi = x & HI;
            // Bytes before the first non-ASCII one are plain ASCII.
            let ascii = (hi.trailing_zeros() / 8) as usize;
            if !ws {
                i += ascii;
            } else {
                let sp = eq_mask(x, b' ');
                let bad =
                    eq_mask(x, b'\t') | eq_mask(x, b'\r') | ((sp << 8) & (sp | eq_mask(x, b'\n')));
                let first_bad = (bad.trailing_zeros() / 8) as usize;
                if first_bad < ascii {
                    // A tab, CR, or double space / trailing space: return the byte itself or
                    // the space before it (the careful path decides).
                    return Err(i + first_bad.saturating_sub(1));
                }
                if ascii == 8 && (sp >> 63) != 0 {
                    // A space ending the chunk is decided with the byte after it.
                    i += 7;
                } else {
                    i += ascii;
                }
            }
            if i >= n {
                break;
            }
        }
        let b = bytes[i];
        if b < 0x80 {
            if ws {
                match b {
                    b'\t' | b'\r' => return Err(i),
                    b' ' => match bytes.get(i + 1) {
                        Some(&c) if c < 0x80 && !matches!(c, b' ' | b'\t' | b'\r' | b'\n') => {}
                        Some(&c) if c >= 0x80 => {}
                        _ => return Err(i),
                    },
                    _ => {}
                }
            }
            i += 1;
            continue;
        }
        i += letter_step(bytes, start, i, ws, style)?;
    }
    Ok(i.min(n))
}

/// Whether the character at `i` is whitespace or invisible for the whitespace step.
fn space_like(b: &[u8], i: usize) -> bool {
    let head = &b[i..b.len().min(i + 4)];
    let s = match std::str::from_utf8(head) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""),
    };
    s.chars()
        .next()
        .is_some_and(|c| is_space(c) || is_invisible(c) || is_other_line_break(c))
}

/// Whether the toned vowel (letter `code`, at `i`, `len` bytes) certainly carries its
/// syllable's mark where `style` puts it. False means "look closer", not "wrong".
#[inline]
fn tone_placed(b: &[u8], i: usize, len: usize, code: u8, style: ToneStyle) -> bool {
    let v = syllable::code_vowel(code);
    match v {
        // â ă ê ô ơ take the mark in every rhyme they are in.
        1 | 2 | 4 | 7 | V_O_HORN => true,
        // ư too, except in ươ (the mark goes on ơ).
        V_U_HORN => !matches!(vowel_index(char_at(b, i + len).0), Some((V_O_HORN, _))),
        // A plain vowel: alone it is the nucleus; next to another vowel, ask the cluster.
        _ => {
            if let Some(placed) = ascii_cluster_placed(b, i, len, code, style) {
                return placed;
            }
            let prev = vowel_index(char_before(b, i).0).is_some();
            let next = vowel_index(char_at(b, i + len).0).is_some();
            !(prev || next) || cluster_placed(b, i, len, code, style)
        }
    }
}

/// Onset classes that change where the mark goes: `q` (qu-), `g` (gi-), `ng`, other.
const ONSETS: [&[&str]; 4] = [&["", "h", "t", "ch"], &["q"], &["g"], &["ng"]];
/// Consonant codas (any of them moves the mark the same way).
const CODAS: [&str; 8] = ["n", "t", "ng", "c", "m", "p", "nh", "ch"];
/// Distinct vowel clusters of two or three vowels.
const CLUSTERS: usize = 12 * 12 + 12 * 12 * 12;
/// Memo of [`verdict`]: 0 = not computed, else 0x80 | a bit per position that is right.
static MEMO: [AtomicU8; CLUSTERS * 4 * 2 * 2] = [const { AtomicU8::new(0) }; CLUSTERS * 4 * 2 * 2];

/// ASCII bytes by class: a vowel index (see [`vowel_index`]), [`CONSONANT`] or [`NON_LETTER`].
static ASCII_CLASS: [u8; 128] = {
    let mut t = [NON_LETTER; 128];
    let mut c = b'a';
    while c <= b'z' {
        let v = match c {
            b'a' => 0,
            b'e' => 3,
            b'i' => 5,
            b'o' => 6,
            b'u' => 9,
            b'y' => 11,
            _ => CONSONANT,
        };
        t[c as usize] = v;
        t[(c - 32) as usize] = v;
        c += 1;
    }
    t
};
const CONSONANT: u8 = 0xFE;
const NON_LETTER: u8 = 0xFF;

/// [`cluster_placed`] for the common case where the letters around the vowel are ASCII (all
/// vowels but the toned one are then plain): the same cluster, onset class and coda read with
/// one table lookup per byte. `None` when a non-ASCII byte matters (the caller then decodes).
#[inline]
fn ascii_cluster_placed(
    b: &[u8],
    i: usize,
    len: usize,
    code: u8,
    style: ToneStyle,
) -> Option<bool> {
    // The class of the byte at `k`; None for a non-ASCII byte; NON_LETTER outside the text.
    let class = |k: Option<usize>| -> Option<u8> {
        match k.and_then(|k| b.get(k)) {
            None => Some(NON_LETTER),
            Some(&x) if x < 0x80 => Some(ASCII_CLASS[x as usize]),
            Some(_) => None,
        }
    };
    let mut vowels = [0u8; 3];
    let mut k = 0;
    let mut start = i;
    let p1 = class(i.checked_sub(1))?;
    if p1 < 12 {
        if class(i.checked_sub(2))? < 12 {
            return None;
        }
        vowels[0] = p1;
        k = 1;
        start = i - 1;
    }
    let pos = k;
    vowels[k] = syllable::code_vowel(code);
    k += 1;
    let mut end = i + len;
    let mut after = class(Some(end))?;
    while after < 12 {
        if k == 3 {
            return Some(false);
        }
        vowels[k] = after;
        k += 1;
        end += 1;
        after = class(Some(end))?;
    }
    if k == 1 {
        return Some(true);
    }
    let coda = usize::from(after == CONSONANT);
    let onset = match start.checked_sub(1).map(|s| b[s] | 0x20) {
        Some(b'q') => 1,
        Some(b'g') => {
            if start >= 2 && b[start - 2] | 0x20 == b'n' {
                3
            } else {
                2
            }
        }
        _ => 0,
    };
    Some(memo_placed(&vowels[..k], pos, onset, coda, style))
}

/// The memoised [`verdict`] for one cluster shape: whether a mark at `pos` is right.
#[inline]
fn memo_placed(vowels: &[u8], pos: usize, onset: usize, coda: usize, style: ToneStyle) -> bool {
    let cluster = match *vowels {
        [a, b] => a as usize * 12 + b as usize,
        [a, b, c] => 144 + (a as usize * 12 + b as usize) * 12 + c as usize,
        _ => return false,
    };
    let style_bit = usize::from(style == ToneStyle::Modern);
    let key = ((cluster * 4 + onset) * 2 + coda) * 2 + style_bit;
    let Some(slot) = MEMO.get(key) else {
        return false;
    };
    let mut m = slot.load(Ordering::Relaxed);
    if m == 0 {
        m = 0x80 | verdict(vowels, onset, coda == 1, style);
        slot.store(m, Ordering::Relaxed);
    }
    m & (1 << pos) != 0
}

/// The vowel cluster around the toned plain vowel at `i`: checks the mark's position against
/// what the syllable parser says for the same cluster, onset class and coda.
fn cluster_placed(b: &[u8], i: usize, len: usize, code: u8, style: ToneStyle) -> bool {
    // Up to two vowels before, all untoned.
    let mut vowels = [0u8; 3];
    let mut before = [0u8; 2];
    let mut nb = 0;
    let mut start = i;
    loop {
        let (c, s) = char_before(b, start);
        match vowel_index(c) {
            Some((_, true)) => return false,
            Some((v, false)) => {
                if nb == 2 {
                    return false;
                }
                before[nb] = v;
                nb += 1;
                start = s;
            }
            None => break,
        }
    }
    let mut k = 0;
    for j in (0..nb).rev() {
        vowels[k] = before[j];
        k += 1;
    }
    let pos = k;
    vowels[k] = syllable::code_vowel(code);
    k += 1;
    let mut end = i + len;
    loop {
        let (c, l) = char_at(b, end);
        match vowel_index(c) {
            Some((_, true)) => return false,
            Some((v, false)) => {
                if k == 3 {
                    return false;
                }
                vowels[k] = v;
                k += 1;
                end += l;
            }
            None => break,
        }
    }
    // What follows: a consonant letter (coda), a word end, or something the careful path
    // must see anyway (then any answer is fine; say "look closer").
    let coda = match char_at(b, end).0 {
        Err(a) if a.is_ascii_alphabetic() => 1,
        Err(_) => 0,
        Ok(0) if end >= b.len() => 0,
        Ok(_) => return false,
    };
    let onset = match char_before(b, start).0 {
        Err(a) if a | 0x20 == b'q' => 1,
        Err(a) if a | 0x20 == b'g' => {
            if start >= 2 && b[start - 2] | 0x20 == b'n' {
                3
            } else {
                2
            }
        }
        _ => 0,
    };
    memo_placed(&vowels[..k], pos, onset, coda, style)
}

/// For a vowel cluster (vowel indexes), onset class and coda presence: a bit per position where
/// a tone mark is right, i.e. every parse of a syllable of that shape agrees (and one exists).
fn verdict(vowels: &[u8], onset: usize, coda: bool, style: ToneStyle) -> u8 {
    let codas: &[&str] = if coda { &CODAS } else { &[""] };
    let mut mask = 0;
    // The syllable is built on the stack: the fast path never allocates.
    let mut buf = [0u8; 24];
    for pos in 0..vowels.len() {
        let mut seen = false;
        let mut all = true;
        for on in ONSETS[onset] {
            for cd in codas {
                let mut len = 0;
                let mut push = |s: &str| {
                    buf[len..len + s.len()].copy_from_slice(s.as_bytes());
                    len += s.len();
                };
                push(on);
                for (j, &v) in vowels.iter().enumerate() {
                    let tone = if j == pos {
                        syllable::Tone::Huyen
                    } else {
                        syllable::Tone::Ngang
                    };
                    push(syllable::compose(v, tone, false).encode_utf8(&mut [0; 4]));
                }
                push(cd);
                if let Some(s) = std::str::from_utf8(&buf[..len])
                    .ok()
                    .and_then(Syllable::parse)
                {
                    seen = true;
                    all &= s.is_tone_placed(style);
                }
            }
        }
        if seen && all {
            mask |= 1 << pos;
        }
    }
    mask
}

/// The block scan, written once over a small set of vector primitives that the `sse2` (16
/// lanes, part of every x86-64 CPU) and `avx2` (32 lanes, detected at run time) modules define.
/// Each block yields a bit mask of the positions that may need a look, computed from the bytes
/// around them; most blocks of Vietnamese text have none, and each flagged position gets the
/// scalar check, so the result is the scalar scan's by construction.
///
/// A position is flagged when it is
/// - whitespace to fix: a tab, a CR, or a space or LF right after a space;
/// - a non-ASCII character that is not a letter of the Latin-1 Supplement and Latin
///   Extended-A/B blocks (leads C3–C6) nor of the Vietnamese block U+1EA0–U+1EFF (E1 BA/BB),
///   or is Ð/ð (which the look-alike step rewrites);
/// - a letter that may carry a tone mark in the wrong place: a toned vowel other than â ă ê ô
///   ơ with a vowel before or after it (over-approximated: any non-ASCII character but đ counts
///   as a vowel here).
#[cfg(target_arch = "x86_64")]
macro_rules! block_scanner {
    ($feature:literal) => {
        /// ASCII vowel letters, either case.
        #[inline]
        #[target_feature(enable = $feature)]
        fn ascii_vowel(x: V) -> V {
            let l = or(x, splat(0x20));
            or(
                or(or(eq(l, b'a'), eq(l, b'e')), or(eq(l, b'i'), eq(l, b'o'))),
                or(eq(l, b'u'), eq(l, b'y')),
            )
        }

        /// The flag mask of the block `b[i..i + LANES]` (needs two bytes before it and
        /// three after it).
        #[inline]
        #[target_feature(enable = $feature)]
        fn block_mask(b: &[u8], i: usize, ws: bool, tones: bool) -> u64 {
            let c0 = load(b, i);
            let c1 = load(b, i + 1);
            let m1 = load(b, i - 1);
            // Non-ASCII leads: C0..FF, that is -64..-1 as signed bytes.
            let lead = andnot(lt_signed(c0, -64), negative(c0));
            let e1 = eq(c0, 0xE1);
            let ba = eq(c1, 0xBA);
            let bb = eq(c1, 0xBB);
            let ok_lead = or(within(c0, 0xC3, 0xC6), and(e1, or(ba, bb)));
            let eth = and(eq(c0, 0xC3), or(eq(c1, 0x90), eq(c1, 0xB0)));
            let mut flags = or(andnot(ok_lead, lead), eth);
            if ws {
                let w = or(
                    or(eq(c0, b'\t'), eq(c0, b'\r')),
                    and(eq(m1, b' '), or(eq(c0, b' '), eq(c0, b'\n'))),
                );
                flags = or(flags, w);
            }
            if tones {
                let c2 = load(b, i + 2);
                let c3 = load(b, i + 3);
                let m2 = load(b, i - 2);
                // Toned letters other than â ă ê ô ơ: in C3 all but Â Ê Ô (either case; the
                // rest of C3 is over-approximated), ĩ Ĩ ũ Ũ, and the plain-vowel rows of
                // U+1EA0–U+1EF9.
                let folded = and(c1, splat(0xDF));
                let hat = or(or(eq(folded, 0x82), eq(folded, 0x8A)), eq(folded, 0x94));
                let c3_toned = andnot(hat, eq(c0, 0xC3));
                let i_u_tilde = and(within(c0, 0xC4, 0xC5), eq(and(c1, splat(0xFE)), 0xA8));
                let vn_plain = or(
                    and(ba, or(within(c2, 0xA0, 0xA3), within(c2, 0xB8, 0xBD))),
                    and(bb, or(within(c2, 0x88, 0x8F), within(c2, 0xA4, 0xB9))),
                );
                let toned = or(or(c3_toned, i_u_tilde), and(e1, vn_plain));
                // A vowel before: an ASCII vowel, or the end of a non-ASCII char but đ/Đ.
                let cont_before = lt_signed(m1, -64);
                let dd_before = and(eq(m2, 0xC4), or(eq(m1, 0x90), eq(m1, 0x91)));
                let vowel_before = or(ascii_vowel(m1), andnot(dd_before, cont_before));
                // A vowel after: the char after the letter (two bytes on, three after E1):
                // an ASCII vowel or any non-ASCII char.
                let next = or(and(e1, c3), andnot(e1, c2));
                let vowel_after = or(ascii_vowel(next), negative(next));
                flags = or(flags, and(toned, or(vowel_before, vowel_after)));
            }
            movemask(flags)
        }

        /// Scans whole blocks from `i`: `Ok(j)` when the blocks up to `j` (a char boundary
        /// near the end of the text) are clean, `Err(p)` to stop at `p`.
        #[target_feature(enable = $feature)]
        pub(super) fn skip(
            b: &[u8],
            mut i: usize,
            ws: bool,
            style: ToneStyle,
        ) -> Result<usize, usize> {
            let n = b.len();
            let start = i;
            if i < 2 {
                i = scan(b, i, 2.min(n), ws, style)?;
            }
            let tones = style != ToneStyle::Preserve;
            while i + LANES + 3 <= n {
                let mut m = block_mask(b, i, ws, tones);
                while m != 0 {
                    let p = i + m.trailing_zeros() as usize;
                    m &= m - 1;
                    if let Some(stop) = check(b, start, p, ws, style) {
                        return Err(stop);
                    }
                }
                i += LANES;
            }
            // Back to a char boundary (a char may straddle the last block's end; its lead
            // byte was checked in the block).
            while i < n && b[i] & 0xC0 == 0x80 {
                i += 1;
            }
            // The scalar scan judges a space with the byte after it only: hand it any spaces
            // that end the last block, so that a run across the boundary is seen whole.
            while i > start && b[i - 1] == b' ' {
                i -= 1;
            }
            Ok(i)
        }
    };
}

/// The non-ASCII character at `i`: `Ok(its length)` when it needs no change here, `Err(stop)`
/// otherwise. `start` is where the scan began (a stop never goes before it).
#[inline]
fn letter_step(
    b: &[u8],
    start: usize,
    i: usize,
    ws: bool,
    style: ToneStyle,
) -> Result<usize, usize> {
    let (code, len) = letter_at(b, i);
    if code == 0 {
        // Not a Vietnamese letter. A space before a Unicode space or an invisible character
        // starts a run: the careful path takes the run from that space.
        if ws && i > start && b[i - 1] == b' ' && space_like(b, i) {
            return Err(i - 1);
        }
        return Err(i);
    }
    let tones = style != ToneStyle::Preserve;
    if tones && syllable::code_is_toned(code) && !tone_placed(b, i, len, code, style) {
        return Err(i);
    }
    Ok(len)
}

/// What the scalar path says of a position flagged by a block scan: `Some(stop)` or clean.
/// Flagged ASCII bytes are whitespace to fix (from the space before them, if any).
#[cfg(target_arch = "x86_64")]
#[inline]
fn check(b: &[u8], start: usize, p: usize, ws: bool, style: ToneStyle) -> Option<usize> {
    if b[p] < 0x80 {
        return Some(if p > start && b[p - 1] == b' ' {
            p - 1
        } else {
            p
        });
    }
    letter_step(b, start, p, ws, style).err()
}

/// 16 lanes with SSE2.
#[cfg(target_arch = "x86_64")]
mod sse2 {
    use super::{ToneStyle, check, scan};
    use crate::simd::sse2::*;

    block_scanner!("sse2");
}

/// 32 lanes with AVX2.
#[cfg(target_arch = "x86_64")]
mod avx2 {
    use super::{ToneStyle, check, scan};
    use crate::simd::avx2::*;

    block_scanner!("avx2");
}

#[cfg(test)]
mod tests {
    //! Every scan path (none at all, scalar, SSE2, AVX2) gives the same normalized text and
    //! offsets: the fast paths only skip what the careful path would leave unchanged.
    use super::*;
    use crate::normalize::Normalizer;
    use proptest::prelude::*;
    use std::cell::Cell;

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub(super) enum Path {
        /// No skipping: the careful per-character path sees everything (the specification).
        Careful,
        Scalar,
        #[cfg(target_arch = "x86_64")]
        Sse2,
        #[cfg(target_arch = "x86_64")]
        Avx2,
    }

    thread_local! {
        pub(super) static FORCE: Cell<Option<Path>> = const { Cell::new(None) };
    }

    pub(super) fn forced(b: &[u8], i: usize, ws: bool, style: ToneStyle, path: Path) -> usize {
        let both = |r: Result<usize, usize>| match r {
            Ok(i) | Err(i) => i,
        };
        match path {
            Path::Careful => i,
            Path::Scalar => both(scan(b, i, b.len(), ws, style)),
            #[cfg(target_arch = "x86_64")]
            Path::Sse2 | Path::Avx2 => match block_skip(b, i, ws, style, path == Path::Avx2) {
                Ok(i) => both(scan(b, i, b.len(), ws, style)),
                Err(stop) => stop,
            },
        }
    }

    fn paths() -> Vec<Path> {
        let mut v = vec![Path::Careful, Path::Scalar];
        #[cfg(target_arch = "x86_64")]
        v.extend([Path::Sse2, Path::Avx2]);
        v
    }

    fn normalizers() -> Vec<Normalizer> {
        vec![
            Normalizer::new(),
            Normalizer::new().tone_style(ToneStyle::Modern),
            Normalizer::new().tone_style(ToneStyle::Preserve),
            Normalizer::new().collapse_spaces(false),
            Normalizer::new().whitespace(false),
        ]
    }

    /// The normalized text and the offsets of every output position, per path.
    fn same_on_every_path(text: &str) {
        for n in normalizers() {
            let mut first: Option<(String, Vec<usize>)> = None;
            for path in paths() {
                FORCE.with(|f| f.set(Some(path)));
                let out = n.normalize(text);
                FORCE.with(|f| f.set(None));
                let t = out.text.to_string();
                let offs = (0..=t.len())
                    .filter(|&k| t.is_char_boundary(k))
                    .map(|k| out.to_original(k..k).start)
                    .collect();
                match &first {
                    None => first = Some((t, offs)),
                    Some((t0, o0)) => {
                        assert_eq!(&t, t0, "{path:?} differs on {text:?} with {n:?}");
                        assert_eq!(&offs, o0, "{path:?} offsets differ on {text:?} with {n:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_space_before_a_decomposing_mark() {
        // Found by `paths_agree_on_any_text`: the fast paths took the space into the mark's
        // unit, the careful path did not (U+0F73 decomposes to U+0F71 U+0F72 under NFC).
        same_on_every_path(" \u{f73}");
        same_on_every_path("a \u{f73}b");
    }

    #[test]
    fn paths_agree_on_real_text() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles");
        let mut text = std::fs::read_to_string(format!("{dir}/sin-ho-dan-van.txt")).unwrap();
        for f in ["laws/hien-phap.txt", "gov/2003-A04.txt"] {
            text.push_str(&std::fs::read_to_string(format!("{dir}/{f}")).unwrap());
        }
        same_on_every_path(&text);
        // The same text in the modern style, with Windows line ends and scraped spaces.
        let dirty = text
            .replace("òa", "oà")
            .replace("ủy", "uỷ")
            .replace('\n', "\r\n")
            .replace(", ", ",\u{a0}")
            .replace("Đ", "Ð");
        same_on_every_path(&dirty);
    }

    #[test]
    fn space_runs_across_block_boundaries() {
        // Found by the property test below: a double space split by the last block's end.
        same_on_every_path("“aaahoàncủagiảiđócủaađ  của");
        for k in 0..70 {
            let mut s = "a".repeat(k);
            s.push_str("  hòa\tcủa \n");
            s.push_str(&"ả".repeat(k % 7));
            s.push_str(" \u{a0}x  ");
            same_on_every_path(&s);
        }
    }

    /// Pieces that sit on every decision of the scans: toned vowels in clusters (right and
    /// wrong), onsets q/g/ng/đ, codas, ASCII around multi-byte letters, whitespace and
    /// characters that stop the scan.
    fn piece() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "của",
            "cuả",
            "hòa",
            "hoà",
            "hoàn",
            "hòan",
            "quả",
            "qủa",
            "già",
            "gìa",
            "giải",
            "ngoài",
            "ngòai",
            "nguyễn",
            "thủy",
            "thuỷ",
            "khuỷu",
            "người",
            "ngưòi",
            "được",
            "đó",
            "địa",
            "Ủy",
            "Uỷ",
            "QUÝ",
            "Qúy",
            "tại",
            "ngày",
            "Việt",
            "nghiêm",
            "nghịêm",
            "lượng",
            "lựơng",
            "hoạch",
            "khỏe",
            "khoẻ",
            "chìa",
            "khóa",
            "xoáy",
            "tuổi",
            "cũng",
            "ĩa",
            "ũa",
            "ưa",
            "ửa",
            "ươ",
            "a",
            "e",
            "o",
            "u",
            "y",
            "q",
            "g",
            "n",
            "đ",
            "b",
            " ",
            "  ",
            "\t",
            "\n",
            "\r\n",
            " \n",
            "\u{a0}",
            "\u{200b}",
            "\u{ad}",
            "“",
            "”",
            "…",
            "–",
            "-",
            ".",
            ",",
            "1",
            "Ð",
            "ð",
            "ç",
            "ä",
            "é",
            "ñ",
            "а",
            "\u{301}",
            "\u{323}",
            "中",
            "😀",
            "Ỹ",
            "ỹ",
            "ỷ",
            "ỳa",
            "ÂU",
            "ấy",
        ])
        .prop_map(str::to_string)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn paths_agree_on_pieces(pieces in prop::collection::vec(piece(), 0..60)) {
            same_on_every_path(&pieces.concat());
        }

        #[test]
        fn paths_agree_on_any_text(s in "\\PC{0,120}") {
            same_on_every_path(&s);
        }
    }

    #[test]
    fn verdicts_follow_the_parser() {
        // oa without a coda: first vowel in the traditional style, second in the modern one;
        // with a coda or after qu, the second in both.
        let v = |vowels: &[u8], onset, coda, style| verdict(vowels, onset, coda, style);
        assert_eq!(v(&[6, 0], 0, false, ToneStyle::Traditional), 0b01);
        assert_eq!(v(&[6, 0], 0, false, ToneStyle::Modern), 0b10);
        assert_eq!(v(&[6, 0], 0, true, ToneStyle::Traditional), 0b10);
        assert_eq!(v(&[9, 0], 1, false, ToneStyle::Traditional), 0b10);
        // ua without qu (của): the first vowel.
        assert_eq!(v(&[9, 0], 0, false, ToneStyle::Traditional), 0b01);
        // ia after g (già): a; oai (ngoài): the middle vowel.
        assert_eq!(v(&[5, 0], 2, false, ToneStyle::Traditional), 0b10);
        assert_eq!(v(&[6, 0, 5], 3, false, ToneStyle::Traditional), 0b010);
    }
}
