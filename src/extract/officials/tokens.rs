//! Word tokens (tiếng, từ) with lower-case lookup keys, and the gaps between them.
//!
//! A token is a maximal run of letters, digits and combining marks; `&`, `'`, `’`, `.`, `/` and `-`
//! stay inside a token when both neighbours are word characters (`GD&ĐT`, `H'Yim`, `PGS.TS`, `đ/c`).
//! Each token has a lookup key: lower case, `Ð` read as `đ`, and the old tone placement of a final
//! `oa`/`oe`/`uy` moved to the modern one (`uỷ` → `ủy`, `hoà` → `hòa`), so tables list one form.

use super::lexicon::first_flags;

/// The letter case of a token, which drives name and title recognition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// Starts with a lower-case letter (`huyện`, `đ/c`).
    Lower,
    /// Starts with a capital and is not all capitals (`Trung`, `H'Yim`, `A`).
    Cap,
    /// Two or more letters, all capitals (`UBND`, `NGUYỄN`).
    Upper,
    /// Starts with a digit (`2021`, `11/9/1976`).
    Digit,
}

/// One token: byte span in the text and span of its key in [`Tokens::keys`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    key_start: usize,
    key_end: usize,
    pub case: Case,
    /// Which word tables may start at this token (`lexicon::first_flags`).
    flags: u8,
    /// What separates this token from the previous one.
    gap: Gap,
}

/// What separates two tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Spaces or tabs only, on one line.
    Space,
    /// A comma (with spaces around).
    Comma,
    /// A dash `-`, `–`, `—` standing between spaces.
    Dash,
    /// A colon.
    Colon,
    /// An opening parenthesis.
    Open,
    /// A full stop followed by space (`TS. Nguyễn`).
    Dot,
    /// A line break.
    Newline,
    /// Anything else (quotes, sentence ends, several marks).
    Other,
}

/// The tokens of one text.
#[derive(Debug)]
pub(crate) struct Tokens<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    keys: String,
}

pub(crate) fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F | 0x1EA0..=0x1EFF | 0x300..=0x36F => true,
        _ => c.is_alphanumeric(),
    }
}

/// What a character is for case: a lower-case letter, a capital, a digit, or other.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum CharKind {
    Lower,
    Upper,
    Digit,
    Other,
}

/// The lookup form of one character and its kind, with fast paths for the Vietnamese alphabet
/// (ASCII, Latin-1, `Ă Đ Ĩ Ũ Ơ Ư`, Latin Extended Additional `Ạ…ỹ`).
pub(crate) fn fold(c: char) -> (char, CharKind) {
    let u = c as u32;
    match u {
        0x30..=0x39 => (c, CharKind::Digit),
        0x41..=0x5A => (c.to_ascii_lowercase(), CharKind::Upper),
        0x61..=0x7A => (c, CharKind::Lower),
        0..=0x7F => (c, CharKind::Other),
        0xD0 | 0x110 => ('đ', CharKind::Upper),
        0xF0 | 0x111 => ('đ', CharKind::Lower),
        0xC0..=0xDE if u != 0xD7 => (char::from_u32(u + 0x20).unwrap_or(c), CharKind::Upper),
        0xDF..=0xFF if u != 0xF7 => (c, CharKind::Lower),
        0x102 | 0x128 | 0x168 | 0x1A0 | 0x1AF => {
            (char::from_u32(u + 1).unwrap_or(c), CharKind::Upper)
        }
        0x103 | 0x129 | 0x169 | 0x1A1 | 0x1B0 => (c, CharKind::Lower),
        0x1EA0..=0x1EF9 if u.is_multiple_of(2) => {
            (char::from_u32(u + 1).unwrap_or(c), CharKind::Upper)
        }
        0x1EA0..=0x1EF9 => (c, CharKind::Lower),
        0x300..=0x36F => (c, CharKind::Other),
        0x2019 => ('\'', CharKind::Other),
        _ if c.is_uppercase() => (c.to_lowercase().next().unwrap_or(c), CharKind::Upper),
        _ if c.is_lowercase() => (c, CharKind::Lower),
        _ if c.is_numeric() => (c, CharKind::Digit),
        _ if c.is_alphabetic() => (c, CharKind::Lower),
        _ => (c, CharKind::Other),
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '&' | '\'' | '’' | '.' | '/' | '-')
}

impl<'a> Tokens<'a> {
    /// Splits `text` into tokens (one pass, one allocation for all keys).
    pub fn new(text: &'a str) -> Self {
        let n = text.len();
        let mut toks = Vec::with_capacity(n / 5);
        let mut keys = String::with_capacity(n);
        let mut prev_end = 0;
        let mut i = 0;
        while i < n {
            let (c, w) = char_at(text, i);
            if !is_word_char(c) {
                i += w;
                continue;
            }
            let start = i;
            let key_start = keys.len();
            let mut acc = CaseAcc::default();
            let mut cur = (c, w);
            let mut j = i;
            let bytes = text.as_bytes();
            loop {
                acc.push(&mut keys, cur.0);
                j += cur.1;
                // Fast path: a run of ASCII letters and digits.
                while j < n && bytes[j].is_ascii_alphanumeric() {
                    acc.push_ascii(&mut keys, bytes[j]);
                    j += 1;
                }
                if j >= n {
                    break;
                }
                let (d, dw) = char_at(text, j);
                if is_word_char(d) {
                    cur = (d, dw);
                    continue;
                }
                if is_joiner(d) && j + dw < n {
                    let (e, ew) = char_at(text, j + dw);
                    // `trường.Bà`: a missing space after a full stop, not `PGS.TS` or `đ.c`.
                    let sentence_end = d == '.'
                        && e.is_uppercase()
                        && text[start..j].chars().count() >= 2
                        && !text[start..j].chars().any(char::is_uppercase);
                    if is_word_char(e) && !sentence_end {
                        acc.push(&mut keys, d);
                        j += dw;
                        cur = (e, ew);
                        continue;
                    }
                }
                break;
            }
            // Only a word ending in a toned vowel can carry the old tone placement.
            if keys.as_bytes().last().is_some_and(|&b| b >= 0x80) {
                modern_tone(&mut keys, key_start);
            }
            let gap = if toks.is_empty() {
                Gap::Newline
            } else {
                classify_gap(&text[prev_end..start])
            };
            let flags = first_flags(&keys[key_start..]);
            toks.push(Tok {
                start,
                end: j,
                key_start,
                key_end: keys.len(),
                case: acc.case(),
                flags,
                gap,
            });
            prev_end = j;
            i = j;
        }
        Tokens { text, toks, keys }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The lookup key of token `i`.
    pub fn key(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| &self.keys[t.key_start..t.key_end])
    }

    /// The table bits of token `i` (0 past the end).
    pub fn flags(&self, i: usize) -> u8 {
        self.toks.get(i).map_or(0, |t| t.flags)
    }

    /// The case of token `i` (`Lower` past the end).
    pub fn case(&self, i: usize) -> Case {
        self.toks.get(i).map_or(Case::Lower, |t| t.case)
    }

    /// The raw text between token `i - 1` and token `i` (empty for `i == 0`).
    pub fn gap_text(&self, i: usize) -> &'a str {
        if i == 0 || i >= self.toks.len() {
            return "";
        }
        &self.text[self.toks[i - 1].end..self.toks[i].start]
    }

    /// What separates token `i - 1` from token `i`; `Newline` before the first token.
    pub fn gap(&self, i: usize) -> Gap {
        self.toks.get(i).map_or(Gap::Newline, |t| t.gap)
    }

    /// Text of tokens `a..b` (b > a), from the first byte of `a` to the last of `b - 1`.
    pub fn span(&self, a: usize, b: usize) -> (usize, usize) {
        (self.toks[a].start, self.toks[b - 1].end)
    }
}

fn classify_gap(g: &str) -> Gap {
    if g.contains('\n') || g.contains('\r') {
        return Gap::Newline;
    }
    let t = g.trim_matches(|c: char| c.is_whitespace());
    match t {
        "" => Gap::Space,
        "," => Gap::Comma,
        "-" | "–" | "—" if t.len() < g.len() => Gap::Dash,
        ":" => Gap::Colon,
        "(" => Gap::Open,
        "." if g.len() > 1 => Gap::Dot,
        _ => Gap::Other,
    }
}

/// The character at byte `i` (a char boundary) and its width.
pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (b as char, 1),
        _ => text
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

/// Accumulates a word's key and the facts that decide its [`Case`].
#[derive(Default)]
struct CaseAcc {
    first: Option<CharKind>,
    letters: usize,
    uppers: usize,
}

impl CaseAcc {
    fn push(&mut self, out: &mut String, c: char) {
        let (l, kind) = fold(c);
        out.push(l);
        if self.first.is_none() && kind != CharKind::Other {
            self.first = Some(kind);
        }
        match kind {
            CharKind::Upper => {
                self.letters += 1;
                self.uppers += 1;
            }
            CharKind::Lower => self.letters += 1,
            _ => {}
        }
    }

    fn push_ascii(&mut self, out: &mut String, b: u8) {
        let kind = if b.is_ascii_digit() {
            CharKind::Digit
        } else if b.is_ascii_uppercase() {
            self.letters += 1;
            self.uppers += 1;
            CharKind::Upper
        } else {
            self.letters += 1;
            CharKind::Lower
        };
        if self.first.is_none() {
            self.first = Some(kind);
        }
        out.push(char::from(b.to_ascii_lowercase()));
    }

    fn case(&self) -> Case {
        match self.first {
            Some(CharKind::Digit) => Case::Digit,
            Some(CharKind::Upper) if self.letters >= 2 && self.uppers == self.letters => {
                Case::Upper
            }
            Some(CharKind::Upper) => Case::Cap,
            _ => Case::Lower,
        }
    }
}

/// Appends the lookup key of `word` to `out` (see the module doc).
pub(crate) fn push_key(out: &mut String, word: &str) {
    let start = out.len();
    let mut acc = CaseAcc::default();
    for c in word.chars() {
        acc.push(out, c);
    }
    modern_tone(out, start);
}

/// Key of a whole phrase: token keys joined by one space.
pub(crate) fn phrase_key(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    for w in phrase.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        push_key(&mut out, w);
    }
    out
}

const TONES_A: [char; 5] = ['à', 'á', 'ả', 'ã', 'ạ'];
const TONES_E: [char; 5] = ['è', 'é', 'ẻ', 'ẽ', 'ẹ'];
const TONES_Y: [char; 5] = ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'];
const TONES_O: [char; 5] = ['ò', 'ó', 'ỏ', 'õ', 'ọ'];
const TONES_U: [char; 5] = ['ù', 'ú', 'ủ', 'ũ', 'ụ'];

/// Moves the tone of a final `oà`/`oè`/`uỳ` (old style) onto the first vowel (`òa`, `òe`, `ùy`).
fn modern_tone(s: &mut String, start: usize) {
    let tail = &s[start..];
    let mut rev = tail.chars().rev();
    let (Some(last), Some(prev)) = (rev.next(), rev.next()) else {
        return;
    };
    let before = rev.next();
    let new = match prev {
        'o' => TONES_A
            .iter()
            .position(|&c| c == last)
            .map(|t| (TONES_O[t], 'a'))
            .or_else(|| {
                TONES_E
                    .iter()
                    .position(|&c| c == last)
                    .map(|t| (TONES_O[t], 'e'))
            }),
        'u' if before != Some('q') => TONES_Y
            .iter()
            .position(|&c| c == last)
            .map(|t| (TONES_U[t], 'y')),
        _ => None,
    };
    if let Some((v, b)) = new {
        let cut = s.len() - last.len_utf8() - prev.len_utf8();
        s.truncate(cut);
        s.push(v);
        s.push(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keys_and_gaps() {
        let t = Tokens::new("Đ/c Hoàng Thọ Trung - Tỉnh uỷ viên, Bộ GD&ĐT (H'Yim)");
        let words: Vec<&str> = t.toks.iter().map(|k| &t.text[k.start..k.end]).collect();
        assert_eq!(
            words,
            [
                "Đ/c", "Hoàng", "Thọ", "Trung", "Tỉnh", "uỷ", "viên", "Bộ", "GD&ĐT", "H'Yim"
            ]
        );
        assert_eq!(t.key(0), "đ/c");
        assert_eq!(t.key(5), "ủy");
        assert_eq!(t.gap(4), Gap::Dash);
        assert_eq!(t.gap(7), Gap::Comma);
        assert_eq!(t.gap(9), Gap::Open);
        assert_eq!(t.case(8), Case::Upper);
        assert_eq!(t.case(9), Case::Cap);
    }

    #[test]
    fn old_tone_placement_is_moved() {
        assert_eq!(phrase_key("Hoà Khoẻ Thuỷ quý"), "hòa khỏe thủy quý");
    }
}
