//! Word tokens (tiếng, từ) with lower-case lookup keys, and the gaps between them.
//!
//! A token is a maximal run of letters, digits and combining marks; `&`, `'`, `’`, `.`, `/` and `-`
//! stay inside a token when both neighbours are word characters (`GD&ĐT`, `H'Yim`, `PGS.TS`, `đ/c`).
//! Each token has a lookup key: lower case, `Ð` read as `đ`, and the old tone placement of a final
//! `oa`/`oe`/`uy` moved to the modern one (`uỷ` → `ủy`, `hoà` → `hòa`), so tables list one form.

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

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_joiner(c: char) -> bool {
    matches!(c, '&' | '\'' | '’' | '.' | '/' | '-')
}

impl<'a> Tokens<'a> {
    /// Splits `text` into tokens (one pass, one allocation for all keys).
    pub fn new(text: &'a str) -> Self {
        let mut toks = Vec::with_capacity(text.len() / 5);
        let mut keys = String::with_capacity(text.len());
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if !is_word_char(c) {
                continue;
            }
            let start = i;
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    it.next();
                } else if is_joiner(d) {
                    let after = text[j + d.len_utf8()..].chars().next();
                    if after.is_some_and(is_word_char) {
                        end = j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let word = &text[start..end];
            let key_start = keys.len();
            push_key(&mut keys, word);
            let key_end = keys.len();
            toks.push(Tok {
                start,
                end,
                key_start,
                key_end,
                case: case_of(word),
            });
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
        if i == 0 || i >= self.toks.len() {
            return Gap::Newline;
        }
        classify_gap(self.gap_text(i))
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

fn case_of(word: &str) -> Case {
    let Some(first) = word.chars().next() else {
        return Case::Lower;
    };
    if first.is_numeric() {
        return Case::Digit;
    }
    if first.is_lowercase() {
        return Case::Lower;
    }
    let mut letters = 0usize;
    let mut all_upper = true;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c.is_lowercase() {
            all_upper = false;
        }
    }
    if letters >= 2 && all_upper {
        Case::Upper
    } else {
        Case::Cap
    }
}

/// Appends the lookup key of `word` to `out` (see the module doc).
pub(crate) fn push_key(out: &mut String, word: &str) {
    let start = out.len();
    for c in word.chars() {
        match c {
            'Ð' | 'ð' | 'Đ' => out.push('đ'),
            '’' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
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
