//! The byte-level scanner behind [`super::tokens`].
//!
//! One forward pass; each recogniser looks ahead a bounded distance from the token start and
//! either returns the token's end or gives up, so the cost is linear in the input.

use std::cell::Cell;

use unicode_normalization::UnicodeNormalization;

use super::abbrev::{self, Shape};
use super::chars::*;
use super::{Token, TokenKind};

/// Longest word (in letters) tried for glued-syllable splitting.
const MAX_GLUED_LETTERS: u32 = 14;

/// What the scanner remembers of the previous token (facts about its text are derived only
/// when a recogniser asks).
#[derive(Debug, Clone, Copy)]
struct Prev {
    start: usize,
    end: usize,
    kind: TokenKind,
}

#[derive(Debug, Clone)]
pub(crate) struct Scanner<'a> {
    text: &'a str,
    pos: usize,
    prev: Option<Prev>,
    /// The rest of the letter run the previous token ended inside, when it is long.
    tail: Option<RunTail>,
}

/// Rests of letter runs shorter than this are scanned again; longer ones are remembered.
const TAIL_MIN: usize = 64;

/// The rest of a letter run that a token ended inside (`ViệtViệtViệt…` → `Việt` + the rest),
/// as far as the word recognisers need it, so that the next token starts from what is known
/// instead of scanning the rest again: without it, n capitalised syllables glued together
/// cost n scans of the rest, a time that grows with the square of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RunTail {
    /// Where the rest starts: the next token's start.
    start: usize,
    /// Where the run ends.
    end: usize,
    /// One past the last char (0 when none) that sets each flag of [`Word`]: the rest from any
    /// later start holds one when that start is below.
    latin_ext_until: usize,
    non_latin_until: usize,
    dirty_until: usize,
    /// Letters and capitals in `start..end`.
    letters: u32,
    upper: u32,
}

impl RunTail {
    /// Scans `text[start..end]`, a letter run or the rest of one (one pass, out of the hot path).
    #[cold]
    fn scan(text: &str, start: usize, end: usize) -> RunTail {
        let b = text.as_bytes();
        let mut t = RunTail {
            start,
            end,
            latin_ext_until: 0,
            non_latin_until: 0,
            dirty_until: 0,
            letters: 0,
            upper: 0,
        };
        for (off, ch) in text[start..end].char_indices() {
            let p = start + off;
            let after = p + ch.len_utf8();
            if !ch.is_ascii() {
                match scan_word_char(b, p, b[p]) {
                    WordChar::Latin { dirty, .. } => {
                        t.latin_ext_until = after;
                        if dirty {
                            t.dirty_until = after;
                        }
                    }
                    WordChar::SoftHyphen => t.dirty_until = after,
                    WordChar::Other { .. } => t.non_latin_until = after,
                    WordChar::End => {}
                }
            }
            if is_letter(ch) {
                t.letters += 1;
                t.upper += u32::from(is_upper(ch));
            }
        }
        t
    }

    /// The word from `self.start` to the run's end, as [`scan_word`] then [`with_case`] would
    /// give it; the case break is looked for from the start only as far as the first one.
    fn word(&self, text: &str) -> Word {
        let s = self.start;
        let mut w = Word {
            end: self.end,
            letters: self.letters,
            upper: self.upper,
            latin_ext: self.latin_ext_until > s,
            non_latin: self.non_latin_until > s,
            dirty: self.dirty_until > s,
            ..Word::default()
        };
        let mut seen = false;
        let mut prev_lower = false;
        for (off, ch) in text[s..self.end].char_indices() {
            if !is_letter(ch) {
                continue;
            }
            let up = is_upper(ch);
            if !seen {
                w.first_upper = up;
                seen = true;
            } else if up && prev_lower {
                w.case_break = off;
                break;
            }
            prev_lower = !up;
        }
        w
    }
}

/// What a letter run holds.
#[derive(Debug, Clone, Copy, Default)]
struct Word {
    end: usize,
    letters: u32,
    upper: u32,
    first_upper: bool,
    /// Holds a Latin letter outside ASCII (Vietnamese diacritics, `đ`) or a combining mark.
    latin_ext: bool,
    /// Holds a letter of another script.
    non_latin: bool,
    /// Needs cleaning before the validity check (soft hyphen, combining mark, `Ð`/`ð`).
    dirty: bool,
    /// Byte offset (from the word start) of the first capital right after a lowercase letter
    /// (`vớiSARS` → 5), 0 when none.
    case_break: usize,
}

impl Word {
    fn all_caps(&self) -> bool {
        self.letters > 0 && self.upper == self.letters
    }
    /// Capital-led and capital-heavy: `UBND`, `TTg`, `ThS`, `CoV`.
    fn caps_heavy(&self) -> bool {
        self.first_upper && self.upper >= 2 && 2 * self.upper >= self.letters
    }
}

#[inline]
fn is_vowel(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
        || (is_latin_extended(c) && !matches!(c, 'đ' | 'Đ' | 'Ð' | 'ð'))
}

/// Decodes the char at `p` whose first byte `c0` is not ASCII (`p` is a char boundary).
#[inline]
fn decode_at(b: &[u8], p: usize, c0: u8) -> Option<(char, usize)> {
    let cont = |k: usize| b.get(p + k).map(|&x| u32::from(x & 0x3F));
    let (cp, len) = if c0 < 0xE0 {
        ((u32::from(c0 & 0x1F) << 6) | cont(1)?, 2)
    } else if c0 < 0xF0 {
        ((u32::from(c0 & 0x0F) << 12) | (cont(1)? << 6) | cont(2)?, 3)
    } else {
        (
            (u32::from(c0 & 0x07) << 18) | (cont(1)? << 12) | (cont(2)? << 6) | cont(3)?,
            4,
        )
    };
    char::from_u32(cp).map(|c| (c, len))
}

/// Scans a letter run from `i` (which holds a letter): its end and script flags only; the
/// case counts, needed for the rare non-syllables, come from [`with_case`].
///
/// Fast path: an inner loop eats ASCII letters, the bulk of every word; the Vietnamese letters
/// outside ASCII are recognised from their UTF-8 bytes without decoding: U+1E80..U+1EFF
/// (`E1 BA xx`, `E1 BB xx`), U+0100..U+01BF (`C4..C6 xx`) and U+00C0..U+00FF (`C3 xx`, all
/// letters but `×` and `÷`). Other chars are decoded and classified (combining marks, soft
/// hyphens, letters of other scripts).
#[inline(always)]
fn scan_word(text: &str, i: usize) -> Word {
    #[cfg(target_arch = "x86_64")]
    if let Some(q) = super::simd::quick_word(text.as_bytes(), i) {
        return Word {
            end: i + q.len,
            latin_ext: q.latin_ext,
            dirty: q.dirty,
            ..Word::default()
        };
    }
    scan_word_bytewise(text, i)
}

/// [`scan_word`] one byte or char at a time (all inputs; the only path off x86-64).
#[inline(always)]
fn scan_word_bytewise(text: &str, i: usize) -> Word {
    let b = text.as_bytes();
    let mut w = Word::default();
    let mut p = i;
    loop {
        while let Some(&c) = b.get(p)
            && BYTE_CLASS[c as usize] == ASCII_LETTER
        {
            p += 1;
        }
        let Some(&c) = b.get(p) else { break };
        if c < 0x80 {
            break;
        }
        // `text` is valid UTF-8, so a lead byte is followed by its continuation bytes.
        let c1 = b.get(p + 1).copied().unwrap_or(0);
        match c {
            0xE1 if c1 == 0xBA || c1 == 0xBB => {
                w.latin_ext = true;
                p += 3;
                continue;
            }
            0xC4..=0xC6 => {
                w.latin_ext = true;
                p += 2;
                continue;
            }
            0xC3 => {
                if c1 == 0x97 || c1 == 0xB7 {
                    break;
                }
                w.latin_ext = true;
                w.dirty |= c1 == 0x90 || c1 == 0xB0;
                p += 2;
                continue;
            }
            _ => {}
        }
        // Out of line, and returning its answer by value so that the loop state stays in
        // registers.
        match scan_word_char(b, p, c) {
            WordChar::Latin { len, dirty } => {
                w.latin_ext = true;
                w.dirty |= dirty;
                p += len;
            }
            WordChar::SoftHyphen => {
                w.dirty = true;
                p += SOFT_HYPHEN.len_utf8();
            }
            WordChar::Other { len } => {
                w.non_latin = true;
                p += len;
            }
            WordChar::End => break,
        }
    }
    w.end = p;
    w
}

/// What [`scan_word_char`] found.
#[derive(Debug, Clone, Copy)]
enum WordChar {
    /// A Latin letter outside ASCII or a combining mark (dirty: needs cleaning, as `Ð`, `ð`
    /// and combining marks do).
    Latin { len: usize, dirty: bool },
    /// U+00AD.
    SoftHyphen,
    /// A letter of another script.
    Other { len: usize },
    /// Not part of a word.
    End,
}

/// The slow part of [`scan_word`]: decodes the char at `p` (first byte `c`, not ASCII) and
/// tells whether and how it belongs to a word.
#[inline(never)]
fn scan_word_char(b: &[u8], p: usize, c: u8) -> WordChar {
    let Some((ch, len)) = decode_at(b, p, c) else {
        return WordChar::End;
    };
    if is_latin_extended(ch) {
        // Every char of U+00C0..U+024F and U+1E00..U+1EFF is a letter but × and ÷.
        if matches!(ch, '\u{D7}' | '\u{F7}') {
            return WordChar::End;
        }
        WordChar::Latin {
            len,
            dirty: matches!(ch, 'Ð' | 'ð'),
        }
    } else if is_combining(ch) {
        WordChar::Latin { len, dirty: true }
    } else if ch == SOFT_HYPHEN {
        WordChar::SoftHyphen
    } else if ch.is_alphabetic() {
        WordChar::Other { len }
    } else {
        WordChar::End
    }
}

/// Whether the char at `p` is one of the Latin letters outside ASCII that [`scan_word`]
/// recognises from their bytes (the blocks of every Vietnamese letter).
#[inline(always)]
fn starts_vietnamese_letter(b: &[u8], p: usize) -> bool {
    let c1 = b.get(p + 1).copied().unwrap_or(0);
    match b.get(p).copied().unwrap_or(0) {
        0xE1 => c1 == 0xBA || c1 == 0xBB,
        0xC4..=0xC6 => true,
        0xC3 => c1 != 0x97 && c1 != 0xB7,
        _ => false,
    }
}

/// Fills the case counts of a word scanned by [`scan_word`] from `start`.
fn with_case(text: &str, start: usize, mut w: Word) -> Word {
    let mut prev_lower = false;
    for (off, ch) in text[start..w.end].char_indices() {
        if !is_letter(ch) {
            continue;
        }
        let up = is_upper(ch);
        if w.letters == 0 {
            w.first_upper = up;
        } else if up && prev_lower && w.case_break == 0 {
            w.case_break = off;
        }
        prev_lower = !up;
        w.letters += 1;
        w.upper += up as u32;
    }
    w
}

/// Vowel groups in a word, a cheap hint that it may be two glued syllables.
fn vowel_groups(word: &str) -> u32 {
    let mut groups = 0;
    let mut in_vowel = false;
    for c in word.chars() {
        let v = is_vowel(c);
        groups += (v && !in_vowel) as u32;
        in_vowel = v;
    }
    groups
}

/// `syllable::is_valid` on the word cleaned of soft hyphens, composed (NFC), with `Ð`/`ð` read
/// as `Đ`/`đ`. Cleans into a stack buffer: no allocation.
#[inline(always)]
fn valid(word: &str, dirty: bool) -> bool {
    if dirty {
        valid_cleaned(word)
    } else {
        memo_is_valid(word)
    }
}

#[inline(never)]
fn valid_out_of_line(word: &str, dirty: bool) -> bool {
    valid(word, dirty)
}

/// Sets of the validity memo (a power of two); each set holds two words.
const MEMO_SETS: usize = 4096;

/// Longest word (in bytes) the memo holds: the word and its tag share one `u128`.
const MEMO_MAX_LEN: usize = 15;

thread_local! {
    /// A per-thread two-way set-associative memo of `syllable::is_valid` (a pure function) for
    /// words of up to 15 bytes: Vietnamese text repeats a few thousand syllables, so most words
    /// are answered by one hash and one or two compares. An entry is the word's bytes
    /// (little-endian, zero-padded) with a tag in the top byte, `valid << 7 | len`: the length
    /// (1..=15) makes the key unambiguous and an empty entry (0) never matches. A new word goes
    /// to way 0 and pushes way 0 to way 1.
    static MEMO: [[Cell<u128>; 2]; MEMO_SETS] =
        const { [const { [const { Cell::new(0) }; 2] }; MEMO_SETS] };
}

/// The bytes of a word of at most 16 bytes as a little-endian, zero-padded `u128`, read with
/// at most four loads (overlapping reads shifted into place) instead of a byte loop.
#[inline(always)]
fn word_key(b: &[u8]) -> u128 {
    let n = b.len();
    debug_assert!(n <= 16);
    let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or([0; 8]));
    let u32_at = |i: usize| u64::from(u32::from_le_bytes(b[i..i + 4].try_into().unwrap_or([0; 4])));
    let (lo, hi) = if n >= 8 {
        // Bytes 8..n sit at the top of the last eight bytes.
        (
            u64_at(0),
            u64_at(n - 8).checked_shr(8 * (16 - n) as u32).unwrap_or(0),
        )
    } else if n >= 4 {
        (u32_at(0) | ((u32_at(n - 4) >> (8 * (8 - n))) << 32), 0)
    } else {
        let mut lo = 0u64;
        for (k, &x) in b.iter().enumerate() {
            lo |= u64::from(x) << (8 * k);
        }
        (lo, 0)
    };
    u128::from(lo) | (u128::from(hi) << 64)
}

/// `MASKS[n]` keeps the first `n` bytes of a little-endian `u128` (the memo keys of words here
/// and of tokens in the document's key memo).
pub(crate) const MASKS: [u128; 16] = {
    let mut m = [0u128; 16];
    let mut n = 1;
    while n < 16 {
        m[n] = (1u128 << (8 * n)) - 1;
        n += 1;
    }
    m
};

/// [`valid`] on `text[start..end]`, reading the memo key straight from `text` (one 16-byte load
/// and a mask) when 16 bytes are left from `start`.
#[inline(always)]
fn valid_span(text: &str, start: usize, end: usize, dirty: bool) -> bool {
    let n = end - start;
    if dirty || n == 0 || n > MEMO_MAX_LEN {
        return valid_out_of_line(&text[start..end], dirty);
    }
    let key = match text.as_bytes()[start..].first_chunk::<16>() {
        Some(&s) => u128::from_le_bytes(s) & MASKS[n],
        None => word_key(&text.as_bytes()[start..end]),
    };
    memo_probe(key, n, || &text[start..end])
}

/// `syllable::is_valid`, memoised per thread.
#[inline]
fn memo_is_valid(word: &str) -> bool {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > MEMO_MAX_LEN {
        return crate::syllable::is_valid(word);
    }
    memo_probe(word_key(b), b.len(), || word)
}

/// Looks up the word of `len` bytes (1..=15) whose bytes are `key` in the memo; on a miss asks
/// `syllable::is_valid` about `word()` and remembers the answer.
#[inline(always)]
fn memo_probe<'w>(key: u128, len: usize, word: impl FnOnce() -> &'w str) -> bool {
    let (set, tagged) = memo_slot(key, len);
    match memo_get(set, tagged) {
        Some(v) => v,
        None => memo_fill(set, tagged, word()),
    }
}

/// The memo set of a key and the tagged entry that stands for it.
#[inline(always)]
fn memo_slot(key: u128, len: usize) -> (usize, u128) {
    let tagged = key | (u128::from(len as u8) << 120);
    let mix = (tagged as u64) ^ ((tagged >> 64) as u64).rotate_left(29);
    let set =
        (mix.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - MEMO_SETS.trailing_zeros())) as usize;
    (set, tagged)
}

const MEMO_VALID: u128 = 1 << 127;

/// The memo's answer for `tagged` in `set`, if it holds the word. Out of line on purpose: the
/// thread-local access is only cheap when inlined, and it is inlined into a small function.
#[inline(always)]
fn memo_get(set: usize, tagged: u128) -> Option<bool> {
    MEMO.with(|memo| {
        let ways = &memo[set];
        let (e0, e1) = (ways[0].get(), ways[1].get());
        // Which way holds the word is data, not control flow: select, then one branch on the
        // rare miss.
        let in0 = e0 & !MEMO_VALID == tagged;
        let in1 = e1 & !MEMO_VALID == tagged;
        let e = if in0 { e0 } else { e1 };
        (in0 | in1).then_some(e & MEMO_VALID != 0)
    })
}

/// The memo's miss path: runs the syllable parser and stores the answer in way 0 of `set`.
#[inline(never)]
fn memo_fill(set: usize, tagged: u128, word: &str) -> bool {
    let v = crate::syllable::is_valid(word);
    MEMO.with(|memo| {
        let ways = &memo[set];
        ways[1].set(ways[0].get());
        ways[0].set(tagged | if v { MEMO_VALID } else { 0 });
    });
    v
}

#[cold]
#[inline(never)]
fn valid_cleaned(word: &str) -> bool {
    let mut buf = [0u8; 64];
    let mut n = 0;
    let cleaned = word
        .chars()
        .filter(|&c| c != SOFT_HYPHEN)
        .map(|c| match c {
            'Ð' => 'Đ',
            'ð' => 'đ',
            c => c,
        })
        .nfc();
    for c in cleaned {
        let l = c.len_utf8();
        if n + l > buf.len() {
            return false;
        }
        c.encode_utf8(&mut buf[n..]);
        n += l;
    }
    std::str::from_utf8(&buf[..n]).is_ok_and(crate::syllable::is_valid)
}

fn needs_clean(s: &str) -> bool {
    !s.is_ascii()
        && s.chars()
            .any(|c| c == SOFT_HYPHEN || is_combining(c) || matches!(c, 'Ð' | 'ð'))
}

/// Where to split a word of glued syllables (`Chủtịch` → 3), trying up to `depth` more splits
/// on the right part. Two valid halves win over a longer chain (`triệuđồng` is `triệu` +
/// `đồng`, not `tri` + `ệ` + `u` + `đồng`).
fn split_glued(word: &str, depth: u8) -> Option<usize> {
    let points = || {
        word.char_indices()
            .skip(1)
            .filter(|&(_, c)| is_letter(c))
            .map(|(p, _)| p)
    };
    let left_valid = |p: usize| {
        let l = &word[..p];
        valid(l, needs_clean(l))
    };
    let two = points().find(|&p| {
        let r = &word[p..];
        left_valid(p) && valid(r, needs_clean(r))
    });
    if two.is_some() || depth == 0 {
        return two;
    }
    points().find(|&p| left_valid(p) && split_glued(&word[p..], depth - 1).is_some())
}

/// The end of the run of ASCII digits starting at `p` (`p` itself when none).
pub(crate) fn digits_end(b: &[u8], mut p: usize) -> usize {
    while p < b.len() && b[p].is_ascii_digit() {
        p += 1;
    }
    p
}

/// Value of the ASCII digits `b[s..e]` (saturating; only used on short runs).
fn value(b: &[u8], s: usize, e: usize) -> u32 {
    b[s..e].iter().fold(0u32, |v, d| {
        v.saturating_mul(10).saturating_add(u32::from(d - b'0'))
    })
}

/// Whether the char at `p` is a letter or digit (ends a token that must not be glued on).
fn alnum_at(text: &str, p: usize) -> bool {
    let b = text.as_bytes();
    match b.get(p) {
        None => false,
        Some(c) if *c < 0x80 => c.is_ascii_alphanumeric(),
        Some(_) => char_at(text, p).is_some_and(char::is_alphanumeric),
    }
}

/// The kind of one part of a code chain (`QĐ`, `2022`, `NHNN14`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Digits,
    /// Capital code, with whether its letters form a valid syllable.
    Code {
        syllable: bool,
    },
}

/// Longest code part (chars) [`scan_part`] accepts: real ones have at most a dozen (`CĐKT`,
/// `NHNN14`, `VPCP`); the bound keeps a long run of letters from being scanned again from each
/// of its starts.
const MAX_PART_CHARS: u32 = 32;

/// Scans one code part at `p`: ASCII digits only, or a capital-led alphanumeric run of two to
/// [`MAX_PART_CHARS`] chars (letters of any Latin form, digits) that is capital-heavy.
fn scan_part(text: &str, p: usize) -> Option<(usize, Part)> {
    let b = text.as_bytes();
    let c = *b.get(p)?;
    if c.is_ascii_digit() {
        return Some((digits_end(b, p), Part::Digits));
    }
    let mut q = p;
    let (mut letters, mut upper, mut chars, mut dirty) = (0u32, 0u32, 0u32, false);
    let mut first = true;
    while q < b.len() {
        let ch = if b[q] < 0x80 {
            b[q] as char
        } else {
            match char_at(text, q) {
                Some(ch) => ch,
                None => break,
            }
        };
        if ch.is_ascii_digit() {
            if first {
                break;
            }
        } else if is_latin_letter(ch) {
            if first && !is_upper(ch) {
                return None;
            }
            letters += 1;
            upper += is_upper(ch) as u32;
            dirty |= matches!(ch, 'Ð' | 'ð');
        } else {
            break;
        }
        if chars == MAX_PART_CHARS {
            return None;
        }
        first = false;
        chars += 1;
        q += ch.len_utf8();
    }
    if chars < 2 || letters == 0 || !(upper == letters || (upper >= 2 && 2 * upper >= letters)) {
        return None;
    }
    let syllable = letters == chars && valid(&text[p..q], dirty);
    Some((q, Part::Code { syllable }))
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Scanner {
            text,
            pos: 0,
            prev: None,
            tail: None,
        }
    }

    /// The previous token is a day word (`ngày`, `hôm`, `sáng`…) that makes `d/m` a date.
    fn after_day_word(&self) -> bool {
        self.prev.is_some_and(|p| {
            p.kind == TokenKind::Syllable && is_day_word(&self.text[p.start..p.end])
        })
    }

    /// The previous token is a capital syllable (`HÀ`), so a following `TU` is read as a
    /// syllable, not Tỉnh ủy.
    fn after_caps_syllable(&self) -> bool {
        self.prev.is_some_and(|p| {
            p.kind == TokenKind::Syllable
                && p.end - p.start > 1
                && self.text[p.start..p.end].chars().all(|c| !c.is_lowercase())
        })
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn byte(&self, p: usize) -> u8 {
        self.bytes().get(p).copied().unwrap_or(0)
    }

    /// The end of the gap (whitespace) from `i`: a loop over ASCII whitespace, the common
    /// single space first; other whitespace is decoded out of line.
    #[inline(always)]
    fn skip_gap(&self, mut i: usize) -> usize {
        let b = self.bytes();
        while let Some(&c) = b.get(i) {
            if BYTE_CLASS[c as usize] == ASCII_GAP {
                i += 1;
            } else if c < 0x80 {
                return i;
            } else {
                match self.gap_char_len(i) {
                    0 => return i,
                    len => i += len,
                }
            }
        }
        i
    }

    /// The length of the gap char at `i` (not ASCII), 0 if it is not a gap char.
    #[inline(never)]
    fn gap_char_len(&self, i: usize) -> usize {
        match char_at(self.text, i) {
            Some(ch) if is_gap(ch) => ch.len_utf8(),
            _ => 0,
        }
    }

    #[inline(always)]
    pub(crate) fn next_token(&mut self) -> Option<Token<'a>> {
        let start = self.skip_gap(self.pos);
        if start >= self.text.len() {
            self.pos = self.text.len();
            return None;
        }
        let (mut end, kind) = self.scan(start);
        // Defensive: never loop, never cut a char.
        let text = match self.text.get(start..end) {
            Some(t) if end > start => t,
            _ => {
                end = start + char_at(self.text, start).map_or(1, char::len_utf8);
                self.text.get(start..end)?
            }
        };
        self.pos = end;
        self.prev = Some(Prev { start, end, kind });
        Some(Token {
            text,
            start,
            end,
            kind,
        })
    }

    /// Dispatches on the first byte. Only the path of words stays inline; numbers, ASCII
    /// punctuation and symbols, and other chars are scanned out of line, which keeps the hot
    /// loop small enough for its state to live in registers.
    #[inline(always)]
    fn scan(&mut self, start: usize) -> (usize, TokenKind) {
        let c0 = self.byte(start);
        if BYTE_CLASS[c0 as usize] == ASCII_LETTER || starts_vietnamese_letter(self.bytes(), start)
        {
            return self.scan_letters(start);
        }
        if c0.is_ascii_digit() {
            return self.scan_number(start);
        }
        if c0 < 0x80 {
            return self.scan_ascii_other(start);
        }
        self.scan_non_ascii(start)
    }

    /// A token starting with a char outside ASCII that [`starts_vietnamese_letter`] did not
    /// recognise: a letter of another script or block, a digit, an emoji, a sign…
    #[inline(never)]
    fn scan_non_ascii(&mut self, start: usize) -> (usize, TokenKind) {
        let Some(ch) = char_at(self.text, start) else {
            return (start + 1, TokenKind::Other);
        };
        let len = ch.len_utf8();
        if is_letter(ch) {
            return self.scan_letters(start);
        }
        if ch.is_numeric() {
            let mut p = start + len;
            while let Some(c) = char_at(self.text, p).filter(|c| c.is_numeric() && !c.is_ascii()) {
                p += c.len_utf8();
            }
            return (p, TokenKind::Number);
        }
        if is_emoji_base(ch) {
            return (self.scan_emoji(start, ch), TokenKind::Emoji);
        }
        if is_currency(ch) {
            return (start + len, TokenKind::Currency);
        }
        if is_unicode_punct(ch) {
            return (start + len, TokenKind::Punctuation);
        }
        if ch == '\u{FFFD}' || ch.is_control() {
            // Runs of the same broken char are one token.
            let mut p = start + len;
            while char_at(self.text, p) == Some(ch) {
                p += len;
            }
            return (p, TokenKind::Other);
        }
        if is_combining(ch)
            || ch == SOFT_HYPHEN
            || matches!(ch, '\u{200C}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2061}'..='\u{206F}' | '\u{E000}'..='\u{F8FF}' | '\u{FFF0}'..='\u{FFFC}' | '\u{FFFE}' | '\u{FFFF}')
        {
            return (start + len, TokenKind::Other);
        }
        (start + len, TokenKind::Symbol)
    }

    fn scan_emoji(&self, start: usize, first: char) -> usize {
        let mut p = start + first.len_utf8();
        let regional = |c: char| matches!(c, '\u{1F1E6}'..='\u{1F1FF}');
        if regional(first)
            && let Some(c) = char_at(self.text, p).filter(|&c| regional(c))
        {
            p += c.len_utf8();
        }
        while let Some(c) = char_at(self.text, p) {
            if is_emoji_extender(c) {
                p += c.len_utf8();
            } else if c == '\u{200D}' {
                match char_at(self.text, p + 3) {
                    Some(n) if is_emoji_base(n) => p += 3 + n.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        p
    }

    #[inline(never)]
    fn scan_ascii_other(&self, start: usize) -> (usize, TokenKind) {
        let b = self.bytes();
        let c = b[start];
        let run = |c: u8| {
            let mut p = start + 1;
            while p < b.len() && b[p] == c {
                p += 1;
            }
            p
        };
        match c {
            b'.' => {
                if b.get(start + 1..start + 3) == Some(b"/.") {
                    (start + 3, TokenKind::Punctuation)
                } else {
                    (run(b'.'), TokenKind::Punctuation)
                }
            }
            b'#' | b'@' => {
                let mut p = start + 1;
                while p < b.len() {
                    if b[p] == b'_' || b[p].is_ascii_alphanumeric() {
                        p += 1;
                    } else if b[p] >= 0x80 {
                        match char_at(self.text, p) {
                            Some(ch) if ch.is_alphanumeric() || is_combining(ch) => {
                                p += ch.len_utf8()
                            }
                            _ => break,
                        }
                    } else {
                        break;
                    }
                }
                if p > start + 1 {
                    let kind = if c == b'#' {
                        TokenKind::Hashtag
                    } else {
                        TokenKind::Mention
                    };
                    (p, kind)
                } else {
                    (run(c), TokenKind::Symbol)
                }
            }
            b'$' => (start + 1, TokenKind::Currency),
            b'-' | b'=' | b'_' | b'*' | b'~' | b'!' | b'?' | b'+' => {
                let kind = if is_ascii_punct(c) {
                    TokenKind::Punctuation
                } else {
                    TokenKind::Symbol
                };
                (run(c), kind)
            }
            _ if is_ascii_punct(c) => (start + 1, TokenKind::Punctuation),
            _ if c < 0x20 || c == 0x7F => (run(c), TokenKind::Other),
            _ => (start + 1, TokenKind::Symbol),
        }
    }

    // ---- numbers -------------------------------------------------------------------------

    #[inline(never)]
    fn scan_number(&self, start: usize) -> (usize, TokenKind) {
        let b = self.bytes();
        let d1 = digits_end(b, start);
        let next = self.byte(d1);
        if (matches!(next, b'@' | b'.' | b'_' | b'+' | b'-') || next.is_ascii_alphabetic())
            && let Some(e) = self.try_email(start)
        {
            return (e, TokenKind::Email);
        }
        if d1 - start <= 2
            && let Some(e) = self.try_time(start, d1)
        {
            return (e, TokenKind::Time);
        }
        if matches!(next, b'/' | b'-' | b' ')
            && let Some(e) = self.try_number_code(d1)
        {
            return (e, TokenKind::DocumentCode);
        }
        if matches!(next, b'/' | b'-' | b'.')
            && let Some(e) = self.try_date(start, d1)
        {
            return (e, TokenKind::Date);
        }
        // Digit groups: `.` or `,` between digits, any convention.
        let mut e = d1;
        while matches!(self.byte(e), b'.' | b',') && self.byte(e + 1).is_ascii_digit() {
            e = digits_end(b, e + 1);
        }
        // Fraction `7/10`, `2.235/4.330` (digit groups on both sides).
        if self.byte(e) == b'/' && self.byte(e + 1).is_ascii_digit() {
            e = digits_end(b, e + 1);
            while matches!(self.byte(e), b'.' | b',') && self.byte(e + 1).is_ascii_digit() {
                e = digits_end(b, e + 1);
            }
        }
        // Percent, glued or after one space.
        match self.byte(e) {
            b'%' => return (e + 1, TokenKind::Percent),
            b' ' if self.byte(e + 1) == b'%' => return (e + 2, TokenKind::Percent),
            0xE2 if self.text.get(e..).is_some_and(|s| s.starts_with('‰')) => {
                return (e + 3, TokenKind::Percent);
            }
            0xC2 if self.text.get(e..).is_some_and(|s| s.starts_with("\u{A0}%")) => {
                return (e + 3, TokenKind::Percent);
            }
            _ => {}
        }
        (e, TokenKind::Number)
    }

    /// `09:17`, `9:05:30`, `18h30`, `18h`, `7g30`.
    fn try_time(&self, start: usize, d1: usize) -> Option<usize> {
        let b = self.bytes();
        let hour = value(b, start, d1);
        if hour > 24 {
            return None;
        }
        let two_digits = |p: usize| {
            self.byte(p).is_ascii_digit()
                && self.byte(p + 1).is_ascii_digit()
                && !self.byte(p + 2).is_ascii_digit()
                && value(b, p, p + 2) <= 59
        };
        match self.byte(d1) {
            b':' if two_digits(d1 + 1) => {
                let mut e = d1 + 3;
                if self.byte(e) == b':' && two_digits(e + 1) {
                    e += 3;
                }
                (!alnum_at(self.text, e)).then_some(e)
            }
            b'h' | b'H' | b'g' => {
                if two_digits(d1 + 1) && !alnum_at(self.text, d1 + 3) {
                    Some(d1 + 3)
                } else if self.byte(d1) != b'g' && !alnum_at(self.text, d1 + 1) {
                    Some(d1 + 1)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// A number-led document code: `69-KL/TU`, `67/2022/TT-BTC`, `144 /2002/QĐ/BTC`,
    /// `320/ CV-NHNN14`. `d1` is the end of the leading digits.
    fn try_number_code(&self, d1: usize) -> Option<usize> {
        let mut p = d1;
        let mut parts = 1;
        let mut has_code = false;
        let mut spaced = false;
        let mut best = None;
        for _ in 0..8 {
            let mut q = p;
            if self.byte(q) == b' ' && self.byte(q + 1) == b'/' {
                q += 1;
            }
            let sep = self.byte(q);
            if !(sep == b'/' || (sep == b'-' && q == p)) {
                break;
            }
            let mut r = q + 1;
            if sep == b'/' && self.byte(r) == b' ' {
                r += 1;
            }
            let Some((e, part)) = scan_part(self.text, r) else {
                break;
            };
            spaced |= q != p || r != q + 1;
            parts += 1;
            has_code |= matches!(part, Part::Code { .. });
            p = e;
            if has_code && (!spaced || parts >= 3) {
                best = Some(p);
            }
        }
        best.filter(|&e| !alnum_at(self.text, e))
    }

    /// Dates: `d/m/yyyy` (also `-` and `.`), `d/m/yy`, `27-28/7/2020`, `m/yyyy`, `d/m` after a
    /// day word or as a day range.
    fn try_date(&self, start: usize, d1: usize) -> Option<usize> {
        let b = self.bytes();
        let len1 = d1 - start;
        let v1 = value(b, start, d1);
        let after_ok = |e: usize| {
            let glued_digits = matches!(self.byte(e), b'/' | b'-' | b'.' | b',')
                && self.byte(e + 1).is_ascii_digit();
            !(alnum_at(self.text, e) || glued_digits)
        };
        // m/yyyy
        if self.byte(d1) == b'/' && (1..=12).contains(&v1) && len1 <= 2 {
            let y = digits_end(b, d1 + 1);
            if y - d1 - 1 == 4 && (1900..=2100).contains(&value(b, d1 + 1, y)) && after_ok(y) {
                return Some(y);
            }
        }
        if len1 > 2 || !(1..=31).contains(&v1) {
            return None;
        }
        let mut p = d1;
        let mut range = false;
        // Day range `27-28/7`.
        if self.byte(p) == b'-' {
            let e = digits_end(b, p + 1);
            if (1..=2).contains(&(e - p - 1))
                && self.byte(e) == b'/'
                && (1..=31).contains(&value(b, p + 1, e))
            {
                range = true;
                p = e;
            }
        }
        let sep = self.byte(p);
        if !matches!(sep, b'/' | b'-' | b'.') {
            return None;
        }
        let m_end = digits_end(b, p + 1);
        if !(1..=2).contains(&(m_end - p - 1)) || !(1..=12).contains(&value(b, p + 1, m_end)) {
            return None;
        }
        if self.byte(m_end) == sep && self.byte(m_end + 1).is_ascii_digit() {
            let y_end = digits_end(b, m_end + 1);
            let ylen = y_end - m_end - 1;
            let ok = (ylen == 4 && (1000..=2999).contains(&value(b, m_end + 1, y_end)))
                || (ylen == 2 && sep == b'/');
            return (ok && after_ok(y_end)).then_some(y_end);
        }
        let day_word = self.after_day_word();
        (sep == b'/' && (range || day_word) && after_ok(m_end)).then_some(m_end)
    }

    /// `local@domain.tld` starting at `start` (ASCII only).
    fn try_email(&self, start: usize) -> Option<usize> {
        let b = self.bytes();
        let mut p = start;
        // At most 64 chars in the local part (RFC 5321): the look-ahead stays bounded.
        let limit = b.len().min(start + 64);
        while p < limit && (b[p].is_ascii_alphanumeric() || b"._%+-".contains(&b[p])) {
            p += 1;
        }
        if p == start || self.byte(p) != b'@' {
            return None;
        }
        let e = self.domain_end(p + 1)?;
        Some(e)
    }

    /// End of a domain `label(.label)+` whose last label has at least two letters.
    fn domain_end(&self, start: usize) -> Option<usize> {
        let b = self.bytes();
        let mut p = start;
        let mut labels = 0;
        let mut end = None;
        // At most 253 bytes in a domain name: the look-ahead stays bounded.
        let limit = b.len().min(start + 253);
        loop {
            let s = p;
            while p < limit && (b[p].is_ascii_alphanumeric() || b[p] == b'-') {
                p += 1;
            }
            if p == s {
                break;
            }
            labels += 1;
            // A top-level label is letters, one case (`vn`, `VN`); `Tr` in `vn.Tr` starts the
            // next sentence.
            let label = &b[s..p];
            let one_case = label.iter().all(u8::is_ascii_lowercase)
                || label.iter().all(u8::is_ascii_uppercase);
            if labels >= 2 && one_case && p - s >= 2 {
                end = Some(p);
            }
            if self.byte(p) == b'.' && self.byte(p + 1).is_ascii_alphanumeric() {
                p += 1;
            } else {
                break;
            }
        }
        end
    }

    // ---- words ---------------------------------------------------------------------------

    #[inline(always)]
    fn scan_letters(&mut self, start: usize) -> (usize, TokenKind) {
        if let Some(e) = self.try_url(start) {
            return (e, TokenKind::Url);
        }
        let w = match self.tail {
            Some(t) if t.start == start => t.word(self.text),
            _ => scan_word(self.text, start),
        };
        let next = self.byte(w.end);
        // The common case: a word followed by a space or punctuation that joins nothing.
        if !matches!(
            next,
            b'@' | b'.' | b'_' | b'+' | b'-' | b'/' | b'&' | b'0'..=b'9'
        ) {
            return self.classify_word(start, w);
        }
        self.scan_joined_letters(start, w, next)
    }

    /// A word followed by a char that may join it to more (`TP.HCM`, `QĐ-UBND`, `NHNN14`,
    /// e-mails, domains).
    #[inline(never)]
    fn scan_joined_letters(&mut self, start: usize, w: Word, next: u8) -> (usize, TokenKind) {
        let b = self.bytes();
        if !w.latin_ext && !w.non_latin && !w.dirty {
            // Pure ASCII word followed by something an e-mail or domain could hold.
            if let Some(e) = self.try_email(start) {
                return (e, TokenKind::Email);
            }
            if next == b'.'
                && let Some(e) = self.try_domain(start)
            {
                return (e, TokenKind::Url);
            }
        }
        if matches!(next, b'@' | b'_' | b'+') {
            return self.classify_word(start, w);
        }
        let w = if w.letters == 0 {
            with_case(self.text, start, w)
        } else {
            w
        };
        match next {
            b'-' | b'/' | b'&' => {
                if let Some(r) = self.try_letter_chain(start, &w) {
                    return r;
                }
            }
            b'.' => {
                if let Some(e) = self.try_dotted(start, &w) {
                    return (e, TokenKind::Abbreviation);
                }
            }
            // `NHNN14`, `QH13`, `F0`, `H5N1`: a capital non-syllable glued to digits.
            _ if next.is_ascii_digit()
                && w.all_caps()
                && (w.letters == 1 || !valid(&self.text[start..w.end], w.dirty)) =>
            {
                if let Some(r) = self.try_letter_chain(start, &w) {
                    return r;
                }
                let mut p = w.end;
                while p < b.len() && (b[p].is_ascii_digit() || b[p].is_ascii_uppercase()) {
                    p += 1;
                }
                return (p, TokenKind::Abbreviation);
            }
            _ => {}
        }
        self.classify_word(start, w)
    }

    #[inline(always)]
    fn classify_word(&mut self, start: usize, w: Word) -> (usize, TokenKind) {
        if valid_span(self.text, start, w.end, w.dirty) {
            // Table forms (`TU`, `HU`, `TƯ`) are short capitals.
            let kind = if self.byte(start).is_ascii_uppercase()
                && w.end - start <= 4
                && self.listed_caps_syllable(start, w.end)
            {
                TokenKind::Abbreviation
            } else {
                TokenKind::Syllable
            };
            return (w.end, kind);
        }
        self.classify_non_syllable(start, w)
    }

    /// A valid syllable of at most four bytes led by an ASCII capital is read as an
    /// abbreviation when its second letter is a capital too, the table lists it (`TU`, `HU`,
    /// `TƯ`) and the previous token is not a capital syllable (`HÀ`).
    #[inline(never)]
    fn listed_caps_syllable(&self, start: usize, end: usize) -> bool {
        let text = &self.text[start..end];
        text.chars().nth(1).is_some_and(is_upper)
            && abbrev::has(text, Shape::Syllable)
            && !self.after_caps_syllable()
    }

    /// The kind of a word that is not a valid syllable (abbreviation, foreign word, invalid
    /// syllable), or the end of its first part when it is glued syllables (`Chủtịch`).
    #[inline(never)]
    fn classify_non_syllable(&mut self, start: usize, w: Word) -> (usize, TokenKind) {
        let text = &self.text[start..w.end];
        let w = if w.letters == 0 {
            with_case(self.text, start, w)
        } else {
            w
        };
        if w.case_break > 0 {
            // `vớiSARS` → `với` + `SARS`: a Vietnamese syllable glued to a capital word (not
            // `iPhone`, `YouTube`: the left part must hold Vietnamese letters).
            let left = &text[..w.case_break];
            if !left.is_ascii() && text.len() - w.case_break >= 2 && valid(left, needs_clean(left))
            {
                self.remember_tail(start, &w, start + w.case_break);
                return (start + w.case_break, TokenKind::Syllable);
            }
            // `LinhTheo` → `Linh` + `Theo`: two capitalised syllables written without marks and
            // glued (a byline and its credit; not a mis-decoded `NhiƯm`), where `YouTube`, `WiFi`, `TikTok` have a half that
            // is no syllable and `MoMo`, `DiDi` are capital-heavy brand names.
            let right = &text[w.case_break..];
            if text.is_ascii()
                && w.first_upper
                && right.len() >= 2
                && w.upper == 2
                && !w.caps_heavy()
                && valid(left, false)
                && valid(right, false)
            {
                self.remember_tail(start, &w, start + w.case_break);
                return (start + w.case_break, TokenKind::Syllable);
            }
        }
        if w.non_latin {
            return (w.end, TokenKind::Foreign);
        }
        if w.latin_ext
            && (3..=MAX_GLUED_LETTERS).contains(&w.letters)
            && vowel_groups(text) >= 2
            && !w.caps_heavy_abbrev_shape(text)
            && let Some(p) = split_glued(text, 1)
        {
            let end = start + p;
            let left = &self.text[start..end];
            let kind = if w.all_caps()
                && abbrev::has(left, Shape::Syllable)
                && !self.after_caps_syllable()
            {
                TokenKind::Abbreviation
            } else {
                TokenKind::Syllable
            };
            self.remember_tail(start, &w, end);
            return (end, kind);
        }
        if w.letters == 1 {
            let glued_to_number = self
                .prev
                .is_some_and(|p| p.end == start && p.kind == TokenKind::Number);
            if glued_to_number && matches!(text, "đ" | "Đ") && !alnum_at(self.text, w.end) {
                return (w.end, TokenKind::Currency);
            }
            return (w.end, TokenKind::Foreign);
        }
        if w.caps_heavy() {
            return (w.end, TokenKind::Abbreviation);
        }
        if w.latin_ext {
            return (w.end, TokenKind::InvalidSyllable);
        }
        (w.end, TokenKind::Foreign)
    }

    /// Remembers the rest of the word `start..w.end` (case counts filled) from `at`, where the
    /// token ends, when it is long: from the tail the token came from, updated by the letters
    /// of the token alone, or by one scan of the rest.
    #[cold]
    fn remember_tail(&mut self, start: usize, w: &Word, at: usize) {
        if w.end - at < TAIL_MIN {
            return;
        }
        self.tail = Some(match self.tail {
            Some(t) if t.start == start && t.end == w.end => {
                let (mut letters, mut upper) = (0, 0);
                for ch in self.text[start..at].chars().filter(|&c| is_letter(c)) {
                    letters += 1;
                    upper += u32::from(is_upper(ch));
                }
                RunTail {
                    start: at,
                    letters: t.letters - letters,
                    upper: t.upper - upper,
                    ..t
                }
            }
            _ => RunTail::scan(self.text, at, w.end),
        });
    }

    /// Letter-led chains joined by `-`, `/`, `&`: table abbreviations (`KT-XH`, `V/v`, `GD&ĐT`)
    /// and capital codes (`QĐ-UBND`, `KL/TU`, `NĐ-CP`).
    fn try_letter_chain(&self, start: usize, w: &Word) -> Option<(usize, TokenKind)> {
        // Table forms first, any case: up to four parts of letters, as long as a table form
        // can be (so that a long run of words is not scanned again from each of its starts).
        let mut p = w.end;
        let mut ends = [0usize; 4];
        let mut n = 0;
        while n < 4
            && p - start < abbrev::MAX_FORM_LEN
            && matches!(self.byte(p), b'-' | b'/' | b'&')
        {
            let q = p + 1;
            let Some(c) = char_at(self.text, q).filter(|&c| is_letter(c)) else {
                break;
            };
            let _ = c;
            let e = scan_word(self.text, q).end;
            ends[n] = e;
            n += 1;
            p = e;
        }
        for &e in ends[..n].iter().rev() {
            if abbrev::has(&self.text[start..e], Shape::Compound) && !alnum_at(self.text, e) {
                return Some((e, TokenKind::Abbreviation));
            }
        }
        // Capital code chain.
        let (mut p, first) = scan_part(self.text, start)?;
        let Part::Code { syllable } = first else {
            return None;
        };
        let first_end = p;
        let mut doc_type = abbrev::is_doc_type(&self.text[start..p]);
        let mut any_non_syllable = !syllable;
        let mut parts = 1;
        let mut has_amp = false;
        let mut best = None;
        for _ in 0..8 {
            let sep = self.byte(p);
            if !matches!(sep, b'-' | b'/' | b'&') {
                break;
            }
            match scan_part(self.text, p + 1) {
                Some((e, Part::Code { syllable })) => {
                    any_non_syllable |= !syllable;
                    // The type leads (`QĐ-UBND`) or follows a slash (`TC/QĐ/CĐKT`).
                    doc_type |= sep == b'/' && abbrev::is_doc_type(&self.text[p + 1..e]);
                    // `&` joins abbreviations (`LĐ-TB&XH`), never codes.
                    has_amp |= sep == b'&';
                    parts += 1;
                    p = e;
                    if any_non_syllable && !alnum_at(self.text, e) {
                        best = Some((e, has_amp || !doc_type));
                    }
                }
                _ => break,
            }
        }
        match best {
            Some((e, true)) => Some((e, TokenKind::Abbreviation)), // has `&` or no type
            Some((e, false)) if parts >= 2 => Some((e, TokenKind::DocumentCode)),
            _ if first_end > w.end && !alnum_at(self.text, first_end) => {
                // A lone capital code with digits: `NHNN14`.
                Some((first_end, TokenKind::Abbreviation))
            }
            _ => None,
        }
    }

    /// Dotted abbreviations: chains `TP.HCM`, `PGS.TS`, `Th.S`, `v.v.` and table forms with a
    /// final dot (`TP.`, `TS.`).
    fn try_dotted(&self, start: usize, w: &Word) -> Option<usize> {
        let short = |w: &Word, s: usize| {
            w.letters <= 5
                && !w.non_latin
                && (w.letters == 1 || !valid(&self.text[s..w.end], w.dirty))
        };
        let mut end = w.end;
        let mut parts = 1;
        let mut any_upper = w.upper > 0;
        if short(w, start) {
            while self.byte(end) == b'.' && parts < 4 {
                let q = end + 1;
                match char_at(self.text, q) {
                    Some(c) if is_letter(c) => {}
                    _ => break,
                }
                let nw = with_case(self.text, q, scan_word(self.text, q));
                if !short(&nw, q) || alnum_at(self.text, nw.end) {
                    break;
                }
                any_upper |= nw.upper > 0;
                parts += 1;
                end = nw.end;
            }
        }
        let chain = &self.text[start..end];
        let listed = abbrev::has(chain, Shape::Dotted);
        if parts >= 2 && !(any_upper || listed) {
            return None;
        }
        if parts == 1 && !listed {
            return None;
        }
        // Keep the final dot for listed forms when no letter/digit or further dot follows.
        if listed
            && self.byte(end) == b'.'
            && self.byte(end + 1) != b'.'
            && !alnum_at(self.text, end + 1)
            && self.byte(end + 1) != b'/'
        {
            return Some(end + 1);
        }
        (parts >= 2).then_some(end)
    }

    /// `http://…`, `https://…`, `ftp://…`, `www.…`.
    #[inline(always)]
    fn try_url(&self, start: usize) -> Option<usize> {
        let b = self.bytes();
        // `http`, `ftp`, `www`: the first two letters, lowercased, are `ht`, `ft` or `ww`
        // (tested together: a branch on the first letter alone is a coin toss in Vietnamese).
        let two = u16::from_le_bytes([b[start], self.byte(start + 1)]) | 0x2020;
        let url_like = (two == u16::from_le_bytes(*b"ht"))
            | (two == u16::from_le_bytes(*b"ft"))
            | (two == u16::from_le_bytes(*b"ww"));
        if !url_like {
            return None;
        }
        self.try_url_slow(start)
    }

    fn try_url_slow(&self, start: usize) -> Option<usize> {
        let b = self.bytes();
        let rest = &b[start..b.len().min(start + 8)];
        let lower = |s: &[u8], p: &[u8]| s.len() >= p.len() && s[..p.len()].eq_ignore_ascii_case(p);
        let scheme = if lower(rest, b"https://") {
            8
        } else if lower(rest, b"http://") {
            7
        } else if lower(rest, b"ftp://") {
            6
        } else if lower(rest, b"www.") && self.byte(start + 4).is_ascii_alphanumeric() {
            4
        } else {
            return None;
        };
        Some(self.url_tail(start + scheme))
    }

    /// A bare domain `laichau.gov.vn` with a common TLD, and its path.
    fn try_domain(&self, start: usize) -> Option<usize> {
        let e = self.domain_end(start)?;
        let tld_start = self.text[..e].rfind('.')? + 1;
        let tld = self.text[tld_start..e].to_ascii_lowercase_fixed()?;
        const TLDS: [&[u8]; 10] = [
            b"vn", b"com", b"net", b"org", b"gov", b"edu", b"info", b"int", b"io", b"biz",
        ];
        if !TLDS.contains(&&tld.0[..tld.1]) || alnum_at(self.text, e) {
            return None;
        }
        if self.byte(e) == b'/' {
            return Some(self.url_tail(e));
        }
        Some(e)
    }

    /// Extends a URL to the next gap or quote, then drops trailing punctuation.
    fn url_tail(&self, mut p: usize) -> usize {
        let b = self.bytes();
        let body = p;
        while p < b.len() {
            let c = b[p];
            if c < 0x80 {
                if c <= b' ' || matches!(c, b'"' | b'<' | b'>' | b'`' | b'{' | b'}' | b'|' | 0x7F) {
                    break;
                }
                p += 1;
            } else {
                match char_at(self.text, p) {
                    Some(ch) if !is_gap(ch) && !is_unicode_punct(ch) => p += ch.len_utf8(),
                    _ => break,
                }
            }
        }
        let has_open = b[body..p].contains(&b'(');
        while p > body
            && matches!(
                b[p - 1],
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b')' | b']'
            )
        {
            if b[p - 1] == b')' && has_open {
                break;
            }
            p -= 1;
        }
        p
    }
}

impl Word {
    /// Capital-heavy words with no vowel group between capitals are abbreviations, never glued
    /// syllables (`HĐND`).
    fn caps_heavy_abbrev_shape(&self, text: &str) -> bool {
        self.caps_heavy() && vowel_groups(text) == 0
    }
}

trait AsciiLowerFixed {
    fn to_ascii_lowercase_fixed(&self) -> Option<([u8; 8], usize)>;
}

impl AsciiLowerFixed for str {
    /// The ASCII-lowercased bytes in a fixed buffer (no allocation); `None` if longer than 8.
    fn to_ascii_lowercase_fixed(&self) -> Option<([u8; 8], usize)> {
        let b = self.as_bytes();
        if b.len() > 8 {
            return None;
        }
        let mut out = [0u8; 8];
        for (o, c) in out.iter_mut().zip(b) {
            *o = c.to_ascii_lowercase();
        }
        Some((out, b.len()))
    }
}

/// Words after which `d/m` is a date (ngày 5/3, sáng 12/10…).
fn is_day_word(s: &str) -> bool {
    if s.len() > 8 {
        return false;
    }
    matches!(
        s,
        "ngày"
            | "Ngày"
            | "NGÀY"
            | "hôm"
            | "Hôm"
            | "đêm"
            | "Đêm"
            | "sáng"
            | "Sáng"
            | "trưa"
            | "Trưa"
            | "chiều"
            | "Chiều"
            | "tối"
            | "Tối"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_word_scan_agrees_with_the_bytewise_one() {
        let pieces = [
            "a", "Z", "ư", "Ư", "ờ", "Ỹ", "đ", "Đ", "Ð", "ð", "×", "÷", "é", "ç", "\u{ad}",
            "\u{301}", "中", "😀", " ", "-", ".", "1", "ĩ", "ơ", "ǎ", "Ỻ", "ñ",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(seed % 40) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            for i in (0..s.len()).filter(|&i| s.is_char_boundary(i)) {
                let (a, b) = (scan_word(&s, i), scan_word_bytewise(&s, i));
                assert_eq!(
                    (a.end, a.latin_ext, a.dirty, a.non_latin),
                    (b.end, b.latin_ext, b.dirty, b.non_latin),
                    "{s:?} at {i}"
                );
            }
        }
    }

    /// The word a remembered run tail gives is the word a fresh scan gives, at every token
    /// that starts from one (long runs of glued syllables with every kind of char inside).
    #[test]
    fn run_tails_agree_with_a_fresh_scan() {
        let pieces = [
            "Việt",
            "Hà",
            "Sìn",
            "Đà",
            "Ðà",
            "Vie\u{323}\u{302}t",
            "ViệtNam",
            "vớiSARS",
            "LinhTheo",
            "iPhone",
            "Chủtịch",
            "tỷđồng",
            "HĐND",
            "a",
            "B",
            "中",
            "Αθ",
            "\u{301}",
            "\u{AD}",
            "ð",
            "1",
            "-",
            ".",
            " ",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut used = 0;
        for _ in 0..400 {
            let mut s = String::new();
            for _ in 0..(seed % 300) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                // Mostly glued capitalised syllables, so that long runs form.
                let k = if seed.is_multiple_of(24) {
                    seed as usize / 24
                } else {
                    seed as usize % 4
                };
                s.push_str(pieces[k % pieces.len()]);
            }
            let mut sc = Scanner::new(&s);
            loop {
                let pos = sc.skip_gap(sc.pos);
                if let Some(t) = sc.tail.filter(|t| t.start == pos) {
                    let fresh = with_case(&s, pos, scan_word(&s, pos));
                    let cached = t.word(&s);
                    assert_eq!(
                        (cached.end, cached.letters, cached.upper, cached.first_upper),
                        (fresh.end, fresh.letters, fresh.upper, fresh.first_upper),
                        "{s:?} at {pos}"
                    );
                    assert_eq!(
                        (
                            cached.latin_ext,
                            cached.non_latin,
                            cached.dirty,
                            cached.case_break
                        ),
                        (
                            fresh.latin_ext,
                            fresh.non_latin,
                            fresh.dirty,
                            fresh.case_break
                        ),
                        "{s:?} at {pos}"
                    );
                    used += 1;
                }
                if sc.next_token().is_none() {
                    break;
                }
            }
        }
        assert!(
            used > 1000,
            "only {used} tokens started from a remembered tail"
        );
    }

    #[test]
    fn word_flags() {
        let w = with_case("HĐND huyện", 0, scan_word("HĐND huyện", 0));
        assert_eq!((w.end, w.letters, w.upper), (5, 4, 4));
        assert!(w.latin_ext && w.caps_heavy());
        let w = scan_word("đ\u{AD}ược", 0);
        assert!(w.dirty);
        assert_eq!(w.end, "đ\u{AD}ược".len());
        assert_eq!(vowel_groups("Chủtịch"), 2);
        assert_eq!(decode_at("ệ".as_bytes(), 0, 0xE1), Some(('ệ', 3)));
    }

    #[test]
    fn cleaning_for_validity() {
        assert_eq!(valid("đ\u{AD}ược", true), crate::syllable::is_valid("được"));
        // NFD "Việt" composes before the check.
        assert_eq!(
            valid("Vie\u{323}\u{302}t", true),
            crate::syllable::is_valid("Việt")
        );
        assert!(needs_clean("ÐẢNG") && !needs_clean("ĐẢNG"));
    }

    #[test]
    fn word_keys_are_the_padded_bytes() {
        for n in 0..=16 {
            let w: Vec<u8> = (1..=n as u8).map(|k| k.wrapping_mul(37) | 1).collect();
            let mut buf = [0u8; 16];
            buf[..n].copy_from_slice(&w);
            assert_eq!(word_key(&w), u128::from_le_bytes(buf), "{n}");
        }
    }

    #[test]
    fn memo_agrees_with_syllable_module() {
        for w in [
            "Việt",
            "HĐND",
            "UBND",
            "nghiêng",
            "Chủtịch",
            "a",
            "b",
            "NGƯỜI",
            "trường",
        ] {
            for _ in 0..2 {
                assert_eq!(memo_is_valid(w), crate::syllable::is_valid(w), "{w}");
            }
        }
        // Many distinct words evict each other without changing answers.
        for i in 0..5000u32 {
            let w =
                format!("t{}", char::from_u32(0x61 + i % 26).unwrap()).repeat(1 + (i as usize % 5));
            assert_eq!(memo_is_valid(&w), crate::syllable::is_valid(&w), "{w}");
        }
    }

    #[test]
    fn parts() {
        assert_eq!(
            scan_part("TT-BTC", 0),
            Some((2, Part::Code { syllable: false }))
        );
        assert_eq!(scan_part("2022/", 0), Some((4, Part::Digits)));
        assert_eq!(scan_part("Người", 0), None);
        assert_eq!(scan_part("TTg ", 0).map(|p| p.0), Some(3));
        assert_eq!(scan_part("NHNN14", 0).map(|p| p.0), Some(6));
    }
}
