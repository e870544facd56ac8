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
#[inline]
fn scan_word(text: &str, i: usize) -> Word {
    let b = text.as_bytes();
    let mut w = Word {
        end: i,
        ..Word::default()
    };
    let mut p = i;
    while p < b.len() {
        let c = b[p];
        if c < 0x80 {
            if !c.is_ascii_alphabetic() {
                break;
            }
            p += 1;
            continue;
        }
        // Byte-level fast paths for the Vietnamese letters: U+1E80..U+1EFF (E1 BA/BB xx) and
        // U+0100..U+01BF (C4..C6 xx) are all letters; U+00C0..U+00FF (C3 xx) but × ÷.
        let c1 = b.get(p + 1).copied().unwrap_or(0);
        if c == 0xE1 && (c1 == 0xBA || c1 == 0xBB) && p + 2 < b.len() {
            w.latin_ext = true;
            p += 3;
            continue;
        }
        if (0xC4..=0xC6).contains(&c) && c1 & 0xC0 == 0x80 {
            w.latin_ext = true;
            p += 2;
            continue;
        }
        if c == 0xC3 && c1 & 0xC0 == 0x80 && c1 >= 0x80 {
            if c1 == 0x97 || c1 == 0xB7 {
                break;
            }
            w.latin_ext = true;
            w.dirty |= c1 == 0x90 || c1 == 0xB0;
            p += 2;
            continue;
        }
        let Some((ch, len)) = decode_at(b, p, c) else {
            break;
        };
        if is_latin_extended(ch) {
            // Every char of U+00C0..U+024F and U+1E00..U+1EFF is a letter but × and ÷.
            if matches!(ch, '\u{D7}' | '\u{F7}') {
                break;
            }
            w.latin_ext = true;
            w.dirty |= matches!(ch, 'Ð' | 'ð');
        } else if is_combining(ch) {
            w.dirty = true;
            w.latin_ext = true;
        } else if ch == SOFT_HYPHEN {
            w.dirty = true;
        } else if ch.is_alphabetic() {
            w.non_latin = true;
        } else {
            break;
        }
        p += len;
    }
    w.end = p;
    w
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

/// Entries of the validity memo (a power of two).
const MEMO_SIZE: usize = 4096;

thread_local! {
    /// A per-thread direct-mapped memo of `syllable::is_valid` (a pure function) for words of
    /// up to 16 bytes: Vietnamese text repeats a few thousand syllables, so most words are
    /// answered by one hash and one compare. Entry: (word bytes, len | valid << 8 | used << 9).
    static MEMO: [Cell<(u128, u32)>; MEMO_SIZE] =
        const { [const { Cell::new((0, 0)) }; MEMO_SIZE] };
}

/// `syllable::is_valid`, memoised per thread.
#[inline]
fn memo_is_valid(word: &str) -> bool {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 16 {
        return crate::syllable::is_valid(word);
    }
    let mut buf = [0u8; 16];
    buf[..b.len()].copy_from_slice(b);
    let key = u128::from_le_bytes(buf);
    let mix = (key as u64) ^ ((key >> 64) as u64).rotate_left(17) ^ b.len() as u64;
    let slot =
        (mix.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - MEMO_SIZE.trailing_zeros())) as usize;
    MEMO.with(|memo| {
        let cell = &memo[slot & (MEMO_SIZE - 1)];
        let (k, meta) = cell.get();
        if meta & 0x200 != 0 && k == key && (meta & 0xFF) as usize == b.len() {
            return meta & 0x100 != 0;
        }
        let v = crate::syllable::is_valid(word);
        cell.set((key, b.len() as u32 | (u32::from(v) << 8) | 0x200));
        v
    })
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
/// on the right part.
fn split_glued(word: &str, depth: u8) -> Option<usize> {
    for (p, c) in word.char_indices().skip(1) {
        if !is_letter(c) {
            continue;
        }
        let (l, r) = word.split_at(p);
        if valid(l, needs_clean(l))
            && (valid(r, needs_clean(r)) || (depth > 0 && split_glued(r, depth - 1).is_some()))
        {
            return Some(p);
        }
    }
    None
}

fn digits_end(b: &[u8], mut p: usize) -> usize {
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

/// Scans one code part at `p`: ASCII digits only, or a capital-led alphanumeric run of at least
/// two chars (letters of any Latin form, digits) that is capital-heavy.
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

    #[inline]
    fn skip_gap(&self, mut i: usize) -> usize {
        let b = self.bytes();
        while i < b.len() {
            let c = b[i];
            if c < 0x80 {
                if matches!(c, b' ' | b'\n' | b'\t' | b'\r' | 0x0B | 0x0C) {
                    i += 1;
                    continue;
                }
                return i;
            }
            match char_at(self.text, i) {
                Some(ch) if is_gap(ch) => i += ch.len_utf8(),
                _ => return i,
            }
        }
        i
    }

    #[inline]
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

    #[inline(always)]
    fn scan(&self, start: usize) -> (usize, TokenKind) {
        let c0 = self.byte(start);
        if c0 < 0x80 {
            if c0.is_ascii_digit() {
                return self.scan_number(start);
            }
            if c0.is_ascii_alphabetic() {
                return self.scan_letters(start);
            }
            return self.scan_ascii_other(start);
        }
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
        // Fraction `7/10`.
        if self.byte(e) == b'/' && self.byte(e + 1).is_ascii_digit() {
            e = digits_end(b, e + 1);
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
    fn scan_letters(&self, start: usize) -> (usize, TokenKind) {
        let b = self.bytes();
        if let Some(e) = self.try_url(start) {
            return (e, TokenKind::Url);
        }
        let w = scan_word(self.text, start);
        let next = self.byte(w.end);
        // The common case: a word followed by a space or punctuation that joins nothing.
        if !matches!(
            next,
            b'@' | b'.' | b'_' | b'+' | b'-' | b'/' | b'&' | b'0'..=b'9'
        ) {
            return self.classify_word(start, w);
        }
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
        let w = with_case(self.text, start, w);
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
    fn classify_word(&self, start: usize, w: Word) -> (usize, TokenKind) {
        let text = &self.text[start..w.end];
        if valid(text, w.dirty) {
            // Table forms (`TU`, `HU`, `TƯ`) are short capitals.
            let kind = if text.len() <= 4
                && text.as_bytes()[0].is_ascii_uppercase()
                && text.chars().nth(1).is_some_and(is_upper)
                && abbrev::has(text, Shape::Syllable)
                && !self.after_caps_syllable()
            {
                TokenKind::Abbreviation
            } else {
                TokenKind::Syllable
            };
            return (w.end, kind);
        }
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
                return (start + w.case_break, TokenKind::Syllable);
            }
        }
        if w.non_latin {
            return (w.end, TokenKind::Foreign);
        }
        if w.latin_ext
            && vowel_groups(text) >= 2
            && (3..=MAX_GLUED_LETTERS).contains(&w.letters)
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

    /// Letter-led chains joined by `-`, `/`, `&`: table abbreviations (`KT-XH`, `V/v`, `GD&ĐT`)
    /// and capital codes (`QĐ-UBND`, `KL/TU`, `NĐ-CP`).
    fn try_letter_chain(&self, start: usize, w: &Word) -> Option<(usize, TokenKind)> {
        // Table forms first, any case: up to four parts of letters.
        let mut p = w.end;
        let mut ends = [0usize; 4];
        let mut n = 0;
        while n < 4 && matches!(self.byte(p), b'-' | b'/' | b'&') {
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
        // `http`, `ftp`, `www`: the second letter is `t` or `w`.
        if !matches!(b[start] | 0x20, b'h' | b'f' | b'w')
            || !matches!(self.byte(start + 1) | 0x20, b't' | b'w')
        {
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
