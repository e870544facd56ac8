//! Lookup keys (khóa tra cứu) of tokens: lower case, one tone placement, `Đ` kept distinct.
//!
//! Tables list one form of every phrase and every token carries the same form, so a lookup is a
//! plain comparison whatever case, tone placement or look-alike the text was written with:
//! - letters are lower-cased (`UBND` → `ubnd`, `Ủy` → `ủy`); `Ð`/`ð` (U+00D0/U+00F0) are `đ`;
//!   `đ` stays `đ` (never folded to `d`);
//! - the open rhymes `oa`, `oe`, `uy` at the end of a syllable carry the tone on their first
//!   vowel (Vietnamese Wikipedia's *kiểu cũ*, [`ToneStyle::Traditional`](crate::syllable::ToneStyle)):
//!   `hoà` → `hòa`, `khoẻ` → `khỏe`, `thuỷ` → `thủy`, while `quý` (onset `qu`) keeps its mark;
//! - dashes (`-`, `–`, `—`, `‐`, `‑`, `−`) are `-`, curly quotes are straight, `…` is `...`;
//! - a percentage's inner space is dropped (`14,7 %` → `14,7%`).

/// Appends the key of `word` to `out` (UTF-8 bytes) and returns the word's [`Case`].
///
/// Works on bytes: ASCII and the Vietnamese letters outside ASCII (Latin-1, `Ă Đ Ĩ Ũ Ơ Ư`,
/// `Ạ…Ỹ`) are lower-cased from their UTF-8 bytes without decoding; only other characters are
/// decoded. `out` receives valid UTF-8 whenever `word` is valid UTF-8.
pub(crate) fn push_key(out: &mut Vec<u8>, word: &str) -> Case {
    let start = out.len();
    let b = word.as_bytes();
    // Fast path: printable ASCII without spaces (numbers, punctuation, unaccented syllables).
    if b.iter().all(|x| (0x21..0x7F).contains(x)) {
        out.extend(b.iter().map(u8::to_ascii_lowercase));
        return ascii_case(b);
    }
    // Fast path: a word of lower-case Vietnamese letters (most words of a text) is its own
    // key but for the tone placement of its rhyme.
    if lower_letters(b) {
        out.extend_from_slice(b);
        if out.last().is_some_and(|&b| b >= 0x80) {
            traditional_tone(out, start);
        }
        return Case::Lower;
    }
    let mut acc = CaseAcc::default();
    let mut i = 0;
    while i < b.len() {
        let c0 = b[i];
        if c0 < 0x80 {
            match c0 {
                // A space (inside `14,7 %`) is dropped.
                b' ' => {}
                // Control characters never reach a key, whose token marks are U+0001, U+0002.
                0..=0x1F | 0x7F => out.extend_from_slice("\u{FFFD}".as_bytes()),
                _ => {
                    acc.ascii(c0);
                    out.push(c0.to_ascii_lowercase());
                }
            }
            i += 1;
            continue;
        }
        let c1 = b.get(i + 1).copied().unwrap_or(0);
        match c0 {
            // Latin-1 letters: capitals C3 80..9E (not × C3 97) are lower case + 0x20; Ð and ð
            // are đ.
            0xC3 => {
                match c1 {
                    0x90 | 0xB0 => {
                        acc.letter(c1 == 0x90);
                        out.extend_from_slice(&[0xC4, 0x91]);
                    }
                    0x80..=0x9E if c1 != 0x97 => {
                        acc.letter(true);
                        out.extend_from_slice(&[0xC3, c1 + 0x20]);
                    }
                    _ => {
                        acc.letter_if(c1 != 0xB7 && c1 >= 0x9F, false);
                        out.extend_from_slice(&[0xC3, c1]);
                    }
                }
                i += 2;
            }
            // Ă Đ Ĩ Ũ Ơ Ư and their lower-case forms.
            0xC4..=0xC6
                if matches!(
                    (c0, c1),
                    (0xC4, 0x82 | 0x83 | 0x90 | 0x91 | 0xA8 | 0xA9)
                        | (0xC5, 0xA8 | 0xA9)
                        | (0xC6, 0xA0 | 0xA1 | 0xAF | 0xB0)
                ) =>
            {
                let upper = matches!(
                    (c0, c1),
                    (0xC4, 0x82 | 0x90 | 0xA8) | (0xC5, 0xA8) | (0xC6, 0xA0 | 0xAF)
                );
                acc.letter(upper);
                out.extend_from_slice(&[c0, if upper { c1 + 1 } else { c1 }]);
                i += 2;
            }
            // Latin Extended Additional U+1EA0..U+1EF9 (`Ạ`…`ỹ`): capitals are even.
            0xE1 if matches!(
                (c1, b.get(i + 2)),
                (0xBA, Some(0xA0..=0xBF)) | (0xBB, Some(0x80..=0xB9))
            ) =>
            {
                let c2 = b[i + 2];
                let upper = c2.is_multiple_of(2);
                acc.letter(upper);
                out.extend_from_slice(&[0xE1, c1, c2 | 1]);
                i += 3;
            }
            _ => {
                let Some(c) = word[i..].chars().next() else {
                    break;
                };
                i += c.len_utf8();
                let mapped = match c {
                    '–' | '—' | '‐' | '‑' | '−' | '‒' | '―' => '-',
                    '“' | '”' | '„' | '‟' => '"',
                    '‘' | '’' | '‚' | '‛' => '\'',
                    '…' => {
                        out.extend_from_slice(b"...");
                        continue;
                    }
                    c => {
                        let l = lower(c);
                        acc.char(c, l);
                        l
                    }
                };
                let mut buf = [0u8; 4];
                out.extend_from_slice(mapped.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    // Only a word ending in a toned vowel can carry the other tone placement.
    if out.last().is_some_and(|&b| b >= 0x80) {
        traditional_tone(out, start);
    }
    acc.case()
}

/// Whether a word is made of lower-case letters of the Vietnamese alphabet only (`a`–`z`,
/// Latin-1 `à`…`ý` but `ð`, `ă đ ĩ ũ ơ ư`, `ạ`…`ỹ`), which push_key would copy unchanged.
#[inline]
fn lower_letters(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'a'..=b'z' => i += 1,
            0xC3 => match b.get(i + 1) {
                Some(0xA0..=0xBF) if !matches!(b[i + 1], 0xB0 | 0xB7) => i += 2,
                _ => return false,
            },
            c0 @ 0xC4..=0xC6 => match (c0, b.get(i + 1)) {
                (0xC4, Some(0x83 | 0x91 | 0xA9))
                | (0xC5, Some(0xA9))
                | (0xC6, Some(0xA1 | 0xB0)) => i += 2,
                _ => return false,
            },
            0xE1 => match (b.get(i + 1), b.get(i + 2)) {
                (Some(0xBA), Some(c2 @ 0xA0..=0xBF)) | (Some(0xBB), Some(c2 @ 0x80..=0xB9))
                    if c2 % 2 == 1 =>
                {
                    i += 3
                }
                _ => return false,
            },
            _ => return false,
        }
    }
    !b.is_empty()
}

/// The [`Case`] of a word of printable ASCII.
fn ascii_case(b: &[u8]) -> Case {
    match b.iter().find(|x| x.is_ascii_alphanumeric()) {
        None => Case::None,
        Some(f) if f.is_ascii_digit() => Case::Digit,
        Some(f) if f.is_ascii_lowercase() => Case::Lower,
        Some(_) => {
            let letters = b.iter().filter(|x| x.is_ascii_alphabetic()).count();
            if letters >= 2 && !b.iter().any(u8::is_ascii_lowercase) {
                Case::Upper
            } else {
                Case::Title
            }
        }
    }
}

/// The letter case of a token, which names and titles are recognised by.
///
/// ```
/// use vntext::document::{Case, Document};
/// let doc = Document::new("Đồng chí HOÀNG Thọ trung 2021 .");
/// let cases: Vec<Case> = doc.tokens().iter().map(|t| t.case).collect();
/// assert_eq!(cases, [Case::Title, Case::Lower, Case::Upper, Case::Title, Case::Lower, Case::Digit, Case::None]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Case {
    /// Starts with a lower-case letter (`huyện`, `ngày`).
    Lower,
    /// Starts with a capital and is not all capitals (`Trung`, `TTg`, a single capital `A`).
    Title,
    /// Two or more letters, all capitals (`UBND`, `NGUYỄN`).
    Upper,
    /// Starts with a digit (`2021`, `09/4/2021`).
    Digit,
    /// Starts with neither a letter nor a digit (punctuation, symbols).
    None,
}

/// What decides a word's [`Case`]: its first letter or digit and its letter counts.
#[derive(Default)]
struct CaseAcc {
    first: Option<Case>,
    letters: u32,
    uppers: u32,
}

impl CaseAcc {
    /// A letter outside ASCII, capital or not.
    #[inline]
    fn letter(&mut self, upper: bool) {
        self.letters += 1;
        self.uppers += u32::from(upper);
        self.first
            .get_or_insert(if upper { Case::Title } else { Case::Lower });
    }

    /// A lower-case Latin-1 character that is a letter when `is_letter`.
    #[inline]
    fn letter_if(&mut self, is_letter: bool, upper: bool) {
        if is_letter {
            self.letter(upper);
        }
    }

    #[inline]
    fn ascii(&mut self, b: u8) {
        if b.is_ascii_uppercase() {
            self.letters += 1;
            self.uppers += 1;
            self.first.get_or_insert(Case::Title);
        } else if b.is_ascii_lowercase() {
            self.letters += 1;
            self.first.get_or_insert(Case::Lower);
        } else if b.is_ascii_digit() {
            self.first.get_or_insert(Case::Digit);
        }
    }

    #[inline]
    fn char(&mut self, c: char, lower: char) {
        // `lower` changed the letter: a capital (but `ð`, which only became `đ`). Letters the
        // fast table does not know ask Unicode.
        let upper = if lower != c {
            c != 'ð'
        } else {
            c > '\u{24F}' && !('\u{1EA0}'..='\u{1EF9}').contains(&c) && c.is_uppercase()
        };
        if c.is_ascii() {
            self.ascii(c as u8);
        } else if upper {
            self.letters += 1;
            self.uppers += 1;
            self.first.get_or_insert(Case::Title);
        } else if is_vietnamese_letter(c) || c.is_alphabetic() {
            self.letters += 1;
            self.first.get_or_insert(Case::Lower);
        } else if c.is_numeric() {
            self.first.get_or_insert(Case::Digit);
        }
    }

    fn case(&self) -> Case {
        match self.first {
            Some(Case::Title) if self.letters >= 2 && self.uppers == self.letters => Case::Upper,
            Some(c) => c,
            None => Case::None,
        }
    }
}

/// The key of a whole word (allocating; for tests).
#[cfg(test)]
pub(crate) fn key_of(word: &str) -> String {
    let mut s = Vec::with_capacity(word.len());
    push_key(&mut s, word);
    String::from_utf8(s).unwrap_or_default()
}

/// Lower case of one character, with fast paths for the Vietnamese alphabet (ASCII, Latin-1,
/// `Ă Đ Ĩ Ũ Ơ Ư`, Latin Extended Additional `Ạ…Ỹ`). `Ð`/`ð` become `đ`.
#[inline]
pub(crate) fn lower(c: char) -> char {
    let u = c as u32;
    match u {
        0x41..=0x5A => c.to_ascii_lowercase(),
        0..=0x7F => c,
        0xD0 | 0xF0 | 0x110 => 'đ',
        0xC0..=0xDE if u != 0xD7 => char::from_u32(u + 0x20).unwrap_or(c),
        0xDF..=0xFF => c,
        0x102 | 0x128 | 0x168 | 0x1A0 | 0x1AF => char::from_u32(u + 1).unwrap_or(c),
        0x1EA0..=0x1EF9 if u.is_multiple_of(2) => char::from_u32(u + 1).unwrap_or(c),
        0x1EA0..=0x1EF9 => c,
        _ if c.is_uppercase() => {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(one), None) => one,
                _ => c,
            }
        }
        _ => c,
    }
}

/// The Latin letters outside ASCII that Vietnamese uses (and their neighbours): Latin-1 and
/// Latin Extended-A/B letters, Latin Extended Additional. A fast answer before Unicode's tables.
#[inline]
fn is_vietnamese_letter(c: char) -> bool {
    matches!(c as u32, 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x1EA0..=0x1EFF)
}

const TONES_A: [char; 5] = ['à', 'á', 'ả', 'ã', 'ạ'];
const TONES_E: [char; 5] = ['è', 'é', 'ẻ', 'ẽ', 'ẹ'];
const TONES_Y: [char; 5] = ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'];
const TONES_O: [char; 5] = ['ò', 'ó', 'ỏ', 'õ', 'ọ'];
const TONES_U: [char; 5] = ['ù', 'ú', 'ủ', 'ũ', 'ụ'];

/// Moves the tone of a final `oà`/`oè`/`uỳ` (kiểu mới) onto the first vowel (`òa`, `òe`, `ùy`),
/// in the lower-case key that starts at byte `start` of `s`.
fn traditional_tone(s: &mut Vec<u8>, start: usize) {
    // The last character is a toned vowel of two or three bytes, the one before it `o` or `u`.
    let (prev, last) = match &s[start..] {
        [.., p @ (b'o' | b'u'), 0xC3, x] => (*p, decode2(0xC3, *x)),
        [.., p @ (b'o' | b'u'), 0xE1, y, x] => (*p, decode3(0xE1, *y, *x)),
        _ => return,
    };
    let Some(last) = last else {
        return;
    };
    let w = last.len_utf8();
    // The byte before `u`: `qu` is an onset, and `quý` keeps its mark.
    let before = (s.len() - start >= w + 2).then(|| s[s.len() - w - 2]);
    let new = match prev {
        b'o' => TONES_A
            .iter()
            .position(|&c| c == last)
            .map(|t| (TONES_O[t], 'a'))
            .or_else(|| {
                TONES_E
                    .iter()
                    .position(|&c| c == last)
                    .map(|t| (TONES_O[t], 'e'))
            }),
        b'u' if before != Some(b'q') => TONES_Y
            .iter()
            .position(|&c| c == last)
            .map(|t| (TONES_U[t], 'y')),
        _ => None,
    };
    if let Some((v, b)) = new {
        s.truncate(s.len() - w - 1);
        let mut buf = [0u8; 4];
        s.extend_from_slice(v.encode_utf8(&mut buf).as_bytes());
        s.push(b as u8);
    }
}

fn decode2(a: u8, b: u8) -> Option<char> {
    char::from_u32((u32::from(a & 0x1F) << 6) | u32::from(b & 0x3F))
}

fn decode3(a: u8, b: u8, c: u8) -> Option<char> {
    char::from_u32((u32::from(a & 0x0F) << 12) | (u32::from(b & 0x3F) << 6) | u32::from(c & 0x3F))
}

#[cfg(test)]
mod tests {
    use super::key_of;

    #[test]
    fn case_tone_and_lookalikes() {
        let cases = [
            ("UBND", "ubnd"),
            ("Ủy", "ủy"),
            ("uỷ", "ủy"),
            ("HOÀ", "hòa"),
            ("Khoẻ", "khỏe"),
            ("THUỶ", "thủy"),
            ("quý", "quý"),
            ("QUÝ", "quý"),
            ("hoàng", "hoàng"),
            ("QÐ", "qđ"),
            ("Đồng", "đồng"),
            ("ĐỒNG", "đồng"),
            ("–", "-"),
            ("14,7 %", "14,7%"),
            ("“", "\""),
            ("Ưu", "ưu"),
            ("Ơn", "ơn"),
            ("Ĩnh", "ĩnh"),
            ("ẠẶ", "ạặ"),
        ];
        for (word, key) in cases {
            assert_eq!(key_of(word), key, "{word}");
        }
    }

    /// Every letter of the Vietnamese alphabet, lower case and capital: the lower-case fast
    /// path and the general path agree (each lower-case letter is its own key and makes a
    /// `Lower` word; each capital gives the lower-case key and a `Title` word).
    #[test]
    fn every_letter_in_both_cases() {
        let lower = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
        let upper = "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ";
        assert_eq!(lower.chars().count(), upper.chars().count());
        for (l, u) in lower.chars().zip(upper.chars()) {
            let (l, u) = (l.to_string(), u.to_string());
            let mut out = Vec::new();
            assert_eq!(super::push_key(&mut out, &l), super::Case::Lower, "{l}");
            assert_eq!(out, l.as_bytes(), "{l}");
            let mut out = Vec::new();
            assert_eq!(super::push_key(&mut out, &u), super::Case::Title, "{u}");
            assert_eq!(out, l.as_bytes(), "{u}");
        }
        // Not letters of the fast path: `ð` is `đ`, `÷` is no letter.
        assert_eq!(key_of("ð"), "đ");
        let mut out = Vec::new();
        assert_eq!(super::push_key(&mut out, "a÷b"), super::Case::Lower);
        assert_eq!(out, "a÷b".as_bytes());
    }
}
