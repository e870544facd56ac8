//! Normalization (chuẩn hóa): NFC, tone-mark placement, whitespace, punctuation, look-alikes,
//! optional lowercasing and diacritic folding, with a map back to the original byte offsets.
//!
//! # What the default [`Normalizer`] does
//!
//! | step | rule | example |
//! |---|---|---|
//! | NFC | always: precomposed letters (NFD input from macOS/CP1258 is composed; the deprecated U+0340/U+0341 become U+0300/U+0301) | `Vie\u{302}\u{323}t` → `Việt` |
//! | tone placement | per syllable, [`ToneStyle::Traditional`] by default; misplaced marks are repaired | `hoà` → `hòa`, `Qúy` → `Quý`, `baỏ` → `bảo`, `lựơng` → `lượng` |
//! | whitespace | line breaks are kept (CRLF and CR → LF, U+2028/U+2029/U+0085 → LF, lines are never joined); a run of spaces, tabs, NBSP and other Unicode spaces → one space; spaces at the end of a line (and of the text) are **trimmed**; zero-width characters (U+200B/C/D, U+2060, BOM U+FEFF) and the soft hyphen U+00AD are removed | `a\u{A0}\t b \r\nc` → `a b\nc` |
//! | punctuation | curly quotes → straight (`“ ” „ ‟` → `"`, `‘ ’ ‚ ‛` → `'`, so `H’Mông` → `H'Mông`); guillemets and primes are kept; `…` → `...` (three full stops, the form typed on keyboards); hyphen U+2010/U+2011 and minus U+2212 → `-`; figure/en/em dash and horizontal bar (U+2012–U+2015) → `-` only when written between two letters or digits (`2020–2025` → `2020-2025`); a spaced dash (`Hà Nội – Huế`) is punctuation and is kept | `“Đổi mới”…` → `"Đổi mới"...` |
//! | look-alikes | Ð U+00D0 → Đ U+0110 and ð U+00F0 → đ U+0111 in any word made of Latin letters (Icelandic text is not a target); Cyrillic/Greek letters that look Latin (а е о р с у х і, А В Е К М Н О Р С Т Х …) inside a word that also has Latin letters | `QÐ-UBND` → `QĐ-UBND` |
//!
//! Lowercasing and folding are off by default. Each step has a builder switch except NFC.
//!
//! # The two tone styles (and underthesea's names)
//!
//! Vietnamese Wikipedia's "Quy tắc đặt dấu thanh" calls `hòa, thủy, khỏe` the **kiểu cũ** (old
//! style: [`ToneStyle::Traditional`], the default, used by government portals) and `hoà, thuỷ,
//! khoẻ` the **kiểu mới** (new style, mark on the main vowel: [`ToneStyle::Modern`]).
//! **underthesea uses the opposite labels** (it calls `hoá` "old style" and normalizes to `hóa`):
//! underthesea's output style is our `Traditional`. Only the open rhymes oa, oe, uy differ; with
//! a coda both styles agree (`hoàn`, `thuyền`), `gi` and `qu` are onsets (`quý`, `giúp`), and
//! three-vowel rhymes take the mark on the middle vowel (`khuỷu`, `xoài`).
//!
//! # Borrowed when clean
//!
//! Already canonical input comes back as `Cow::Borrowed`, with no allocation. The scan that
//! finds the first byte needing a change classifies 32 bytes at a time with AVX2 (16 with SSE2
//! on x86-64 CPUs without it, 8 with plain integer tricks elsewhere) and looks closer only at a
//! few positions: characters outside the Vietnamese letters, whitespace to fix, and toned
//! vowels next to another vowel, whose placement is checked against a memo of the syllable
//! parser's verdicts. Otherwise the text is copied once and an [`OffsetMap`] records the edit
//! points, so spans found in the normalized text map back to the caller's original bytes.
//! Normalization is idempotent and its output is NFC.
//!
//! ```
//! use std::borrow::Cow;
//! use vntext::normalize::{normalize, Normalizer, ToneStyle};
//! assert!(matches!(normalize("Cộng hòa xã hội chủ nghĩa Việt Nam").text, Cow::Borrowed(_)));
//! let n = normalize("Cộng hoà  xã hội\u{200B}");
//! assert_eq!(n.text, "Cộng hòa xã hội");
//! assert_eq!(Normalizer::new().tone_style(ToneStyle::Modern).normalize("hòa").text, "hoà");
//! ```

mod fast;
mod offsets;

pub use offsets::OffsetMap;

use crate::syllable::{self, Syllable};
use offsets::Out;
use std::borrow::Cow;
use std::ops::Range;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

pub use crate::syllable::ToneStyle;

/// Normalization options; build one with [`Normalizer::new`] and its setters.
///
/// ```
/// use vntext::normalize::{Normalizer, ToneStyle};
/// let n = Normalizer::new().tone_style(ToneStyle::Preserve).lowercase(true);
/// assert_eq!(n.normalize("Hoà  BÌNH").text, "hoà bình");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalizer {
    tone_style: ToneStyle,
    whitespace: bool,
    collapse_spaces: bool,
    punctuation: bool,
    lookalikes: bool,
    lowercase: bool,
    fold: bool,
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new()
    }
}

/// Whitespace characters folded into one space (besides ASCII space and tab).
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Invisible characters removed by the whitespace step: zero-width space, non-joiner, joiner,
/// word joiner, BOM / zero-width no-break space, soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// Line breaks other than LF and CR.
fn is_other_line_break(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// Characters that belong to a word unit: letters, digits, combining marks, invisible chars.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || is_invisible(c)
}

/// [`is_word_char`] with fast paths for ASCII and Vietnamese letters.
#[inline]
fn is_word_char_fast(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        syllable::letter_code(c) != 0 || ('\u{300}'..='\u{36F}').contains(&c) || is_word_char(c)
    }
}

/// A vowel letter, with or without marks, either case.
#[inline]
fn is_vowel_char(c: char) -> bool {
    if c.is_ascii() {
        matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
    } else {
        syllable::vowel(c).is_some()
    }
}

/// Cyrillic and Greek letters that look like a Latin letter.
fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        'А' | 'Α' => 'A',
        'В' | 'Β' => 'B',
        'Е' | 'Ε' => 'E',
        'К' | 'Κ' => 'K',
        'М' | 'Μ' => 'M',
        'Н' | 'Η' => 'H',
        'О' | 'Ο' => 'O',
        'Р' | 'Ρ' => 'P',
        'С' => 'C',
        'Т' | 'Τ' => 'T',
        'Х' | 'Χ' => 'X',
        'У' | 'Υ' => 'Y',
        'І' | 'Ι' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'Ζ' => 'Z',
        'Ν' => 'N',
        'а' => 'a',
        'е' => 'e',
        'о' | 'ο' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        _ => return None,
    })
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || syllable::letter_code(c) != 0
        || matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && c.is_alphabetic()
}

impl Normalizer {
    /// The default normalizer: NFC, traditional tone placement, whitespace, punctuation and
    /// look-alike fixes; no lowercasing or folding.
    ///
    /// ```
    /// let n = vntext::normalize::Normalizer::new();
    /// assert_eq!(n.normalize("Sìn Hồ").text, "Sìn Hồ");
    /// assert_eq!(n.normalize("Uỷ ban").text, "Ủy ban");
    /// ```
    pub fn new() -> Self {
        Normalizer {
            tone_style: ToneStyle::Traditional,
            whitespace: true,
            collapse_spaces: true,
            punctuation: true,
            lookalikes: true,
            lowercase: false,
            fold: false,
        }
    }

    /// Sets the tone style (default [`ToneStyle::Traditional`]).
    ///
    /// ```
    /// use vntext::normalize::{Normalizer, ToneStyle};
    /// let n = Normalizer::new().tone_style(ToneStyle::Modern);
    /// assert_eq!(n.normalize("Ủy ban, sức khỏe").text, "Uỷ ban, sức khoẻ");
    /// let p = Normalizer::new().tone_style(ToneStyle::Preserve);
    /// assert_eq!(p.normalize("Ủy ban, sức khoẻ").text, "Ủy ban, sức khoẻ");
    /// ```
    pub fn tone_style(mut self, style: ToneStyle) -> Self {
        self.tone_style = style;
        self
    }

    /// Whitespace fixes on or off (default on): CRLF/CR → LF, runs of spaces/tabs/NBSP → one
    /// space, trailing spaces of each line trimmed, zero-width characters and soft hyphens
    /// removed. Line breaks are never removed.
    ///
    /// ```
    /// use vntext::normalize::Normalizer;
    /// assert_eq!(Normalizer::new().normalize("a \t b  \r\n\r\nc\u{AD}d").text, "a b\n\ncd");
    /// assert_eq!(Normalizer::new().whitespace(false).normalize("a  b").text, "a  b");
    /// ```
    pub fn whitespace(mut self, yes: bool) -> Self {
        self.whitespace = yes;
        self
    }

    /// Whether the whitespace step collapses runs of spaces and tabs into one space and trims
    /// the ends of lines (default on). Turned off, the layout of the text is kept (columns of
    /// a signature block printed beside the recipients' list stay apart) while NBSP and other
    /// Unicode spaces still become plain spaces one for one, zero-width characters and soft
    /// hyphens are still removed and CRLF still becomes LF. The [`Analyzer`](crate::Analyzer)
    /// normalizes this way.
    ///
    /// ```
    /// use vntext::normalize::Normalizer;
    /// let keep = Normalizer::new().collapse_spaces(false);
    /// assert_eq!(keep.normalize("TW   \u{A0}Trương Chí Trung \r\n").text, "TW    Trương Chí Trung \n");
    /// assert_eq!(Normalizer::new().normalize("TW   \u{A0}Trương \r\n").text, "TW Trương\n");
    /// ```
    pub fn collapse_spaces(mut self, yes: bool) -> Self {
        self.collapse_spaces = yes;
        self
    }

    /// Punctuation fixes on or off (default on): curly quotes → straight, `…` → `...`,
    /// hyphen-like dashes between letters or digits → `-`.
    ///
    /// ```
    /// use vntext::normalize::Normalizer;
    /// assert_eq!(Normalizer::new().normalize("“Luật” 2020–2025…").text, "\"Luật\" 2020-2025...");
    /// assert_eq!(Normalizer::new().normalize("Hà Nội – Huế").text, "Hà Nội – Huế");
    /// assert_eq!(Normalizer::new().punctuation(false).normalize("“a”").text, "“a”");
    /// ```
    pub fn punctuation(mut self, yes: bool) -> Self {
        self.punctuation = yes;
        self
    }

    /// Look-alike fixes on or off (default on): Ð U+00D0 → Đ, ð U+00F0 → đ, and Cyrillic/Greek
    /// look-alike letters inside Latin words.
    ///
    /// ```
    /// use vntext::normalize::Normalizer;
    /// assert_eq!(Normalizer::new().normalize("Số 12/QÐ-UBND, Ðại").text, "Số 12/QĐ-UBND, Đại");
    /// assert_eq!(Normalizer::new().normalize("Vіệt").text, "Việt"); // Cyrillic і
    /// assert_eq!(Normalizer::new().normalize("Москва").text, "Москва");
    /// assert_eq!(Normalizer::new().lookalikes(false).normalize("QÐ").text, "QÐ");
    /// ```
    pub fn lookalikes(mut self, yes: bool) -> Self {
        self.lookalikes = yes;
        self
    }

    /// Lowercasing on or off (default off).
    ///
    /// ```
    /// let n = vntext::normalize::Normalizer::new().lowercase(true);
    /// assert_eq!(n.normalize("ỦY BAN Nhân dân").text, "ủy ban nhân dân");
    /// ```
    pub fn lowercase(mut self, yes: bool) -> Self {
        self.lowercase = yes;
        self
    }

    /// Diacritic folding for search on or off (default off): every diacritic is removed and
    /// đ folds to d, which naive NFD stripping misses (`Đặng` → `Dang`, `Sìn Hồ` → `Sin Ho`).
    /// Case is kept unless [`lowercase`](Self::lowercase) is on too.
    ///
    /// ```
    /// let n = vntext::normalize::Normalizer::new().fold(true);
    /// assert_eq!(n.normalize("Đặng Thị Hồng Thuỷ").text, "Dang Thi Hong Thuy");
    /// let n = n.lowercase(true);
    /// assert_eq!(n.normalize("Đặng").text, "dang");
    /// ```
    pub fn fold(mut self, yes: bool) -> Self {
        self.fold = yes;
        self
    }

    /// Normalizes `text`. Returns `Cow::Borrowed` (no allocation) when `text` is already
    /// normalized. Linear time; never panics.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// let n = vntext::normalize::Normalizer::new();
    /// let out = n.normalize("Hà Nội");
    /// assert!(matches!(out.text, Cow::Borrowed("Hà Nội")));
    /// let out = n.normalize("Ha\u{300} Nô\u{323}i");
    /// assert_eq!(out.text, "Hà Nội");
    /// assert_eq!(out.to_original(4..9), 5..11);
    /// ```
    pub fn normalize<'a>(&self, text: &'a str) -> Normalized<'a> {
        let mut st = State {
            text,
            out: Out::new(text),
            scratch: String::new(),
            done: 0,
        };
        let bytes = text.as_bytes();
        let n = bytes.len();
        let special: &[bool; 128] = if self.lowercase {
            &SPECIAL_LOWER
        } else {
            &SPECIAL
        };
        let fast = !self.lowercase && !self.fold;
        let mut i = 0;
        while i < n {
            if fast {
                i = fast::skip_clean(bytes, i, self.whitespace, self.tone_style);
                if i >= n {
                    break;
                }
            }
            // Fast skip of ordinary ASCII.
            let b = bytes[i];
            if b < 0x80 && !special[b as usize] {
                i += 1;
                continue;
            }
            match b {
                b' ' => {
                    if !self.whitespace {
                        i += 1;
                        continue;
                    }
                    match bytes.get(i + 1) {
                        Some(&c) if c < 0x80 && !matches!(c, b' ' | b'\t' | b'\r' | b'\n') => {
                            i += 1;
                        }
                        _ => i = self.space_run(&mut st, i),
                    }
                }
                b'\t' => {
                    if self.whitespace {
                        i = self.space_run(&mut st, i);
                    } else {
                        i += 1;
                    }
                }
                b'\r' => {
                    if self.whitespace {
                        let end = if bytes.get(i + 1) == Some(&b'\n') {
                            i + 2
                        } else {
                            i + 1
                        };
                        st.out.replace(i, end, "\n");
                        st.done = end;
                        i = end;
                    } else {
                        i += 1;
                    }
                }
                _ if b < 0x80 => {
                    // An uppercase ASCII letter with lowercasing on.
                    i = self.word_at(&mut st, i);
                }
                _ => {
                    let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
                    i = self.non_ascii(&mut st, i, c);
                }
            }
        }
        let (text, offsets) = st.out.finish();
        Normalized { text, offsets }
    }

    /// Handles the non-ASCII character `c` at `i`; returns the next position.
    fn non_ascii(&self, st: &mut State<'_>, i: usize, c: char) -> usize {
        let end = i + c.len_utf8();
        if syllable::letter_code(c) != 0 && !self.lowercase && !self.fold {
            // A Vietnamese letter (NFC): only a toned vowel next to another vowel may need its
            // mark moved; everything else about the word is checked when a character that may
            // need a fix is met (the word is then taken whole, see `word_at`).
            if self.tone_style != ToneStyle::Preserve
                && syllable::tone_of(c) != syllable::Tone::Ngang
                && (st.text[..i].chars().next_back().is_some_and(is_vowel_char)
                    || st.text[end..].chars().next().is_some_and(is_vowel_char))
            {
                return self.word_at(st, i);
            }
            return end;
        }
        if is_word_char(c) {
            return self.word_at(st, i);
        }
        if self.whitespace {
            if is_space(c) {
                return self.space_run(st, i);
            }
            if is_other_line_break(c) {
                st.out.replace(i, end, "\n");
                st.done = end;
                return end;
            }
        }
        if self.punctuation {
            let with = match c {
                '“' | '”' | '„' | '‟' => Some("\""),
                '‘' | '’' | '‚' | '‛' => Some("'"),
                '…' => Some("..."),
                '\u{2010}' | '\u{2011}' | '\u{2212}' => Some("-"),
                '\u{2012}'..='\u{2015}' => {
                    // Letters or digits on both sides (a combining mark counts as its letter).
                    let alnum = |c: char| c.is_alphanumeric() || is_combining_mark(c);
                    let prev = st.text[..i].chars().rev().find(|&c| !is_invisible(c));
                    let next = st.text[end..].chars().find(|&c| !is_invisible(c));
                    (prev.is_some_and(alnum) && next.is_some_and(alnum)).then_some("-")
                }
                _ => None,
            };
            if let Some(with) = with {
                st.out.replace(i, end, with);
                st.done = end;
                return end;
            }
        }
        // NFC singletons outside words (U+2000 EN QUAD → U+2002, U+037E → `;`).
        if is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes {
            let nfc: String = std::iter::once(c).nfc().collect();
            st.out.replace(i, end, &nfc);
            st.done = end;
        }
        end
    }

    /// A run of spaces (with invisible characters) starting at `i`; returns its end.
    fn space_run(&self, st: &mut State<'_>, i: usize) -> usize {
        let text = st.text;
        let mut j = i;
        let mut spaces = 0;
        for c in text[i..].chars() {
            if is_space(c) {
                spaces += 1;
            } else if !is_invisible(c) {
                break;
            }
            j += c.len_utf8();
        }
        if !self.collapse_spaces {
            // Keep the layout: each space stays one space, only its kind changes.
            let mut k = i;
            for c in text[i..j].chars() {
                let next = k + c.len_utf8();
                if is_invisible(c) {
                    st.out.replace(k, next, "");
                } else if c != ' ' && c != '\t' {
                    st.out.replace(k, next, " ");
                }
                k = next;
            }
            st.done = j;
            return j;
        }
        let line_end = match text[j..].chars().next() {
            None => true,
            Some(c) => c == '\n' || c == '\r' || is_other_line_break(c),
        };
        if spaces == 0 || line_end {
            st.out.replace(i, j, "");
        } else if &text[i..j] != " " {
            st.out.replace(i, j, " ");
        }
        st.done = j;
        j
    }

    /// The word unit containing position `i` (a letter, digit, mark or invisible char that the
    /// fast loop stopped at): back to the ASCII letters before it, forward over word chars.
    fn word_at(&self, st: &mut State<'_>, i: usize) -> usize {
        let text = st.text;
        let mut start = i;
        for c in text[st.done..i].chars().rev() {
            if !is_word_char_fast(c) {
                break;
            }
            start -= c.len_utf8();
        }
        // A combining mark right after punctuation composes with it (`<` + U+0338 → `≮`): the
        // unit is then that character and its marks only.
        // Marks that do not follow a letter form a unit of their own in any case.
        let marks_only = start == i
            && text[i..]
                .chars()
                .find(|&c| !is_invisible(c))
                .is_some_and(is_combining_mark);
        // Whitespace never composes with a mark: the space stays out of the unit, as it does
        // when the whitespace step has already handled it.
        if marks_only
            && start > st.done
            && let Some(p) = text[..i].chars().next_back()
            && !p.is_whitespace()
        {
            start = i - p.len_utf8();
        }
        let mut end = i;
        for c in text[i..].chars() {
            let part = if marks_only {
                is_combining_mark(c) || is_invisible(c)
            } else {
                is_word_char_fast(c)
            };
            if !part {
                break;
            }
            end += c.len_utf8();
        }
        self.word(st, start, end);
        st.done = end;
        end
    }

    /// Normalizes the word `text[start..end]`; invisible characters at its edges are removed
    /// as edits of their own, so that the word's span maps back without them.
    fn word(&self, st: &mut State<'_>, mut start: usize, mut end: usize) {
        let mut trailing = None;
        if self.whitespace {
            let w = &st.text[start..end];
            let core = w.trim_start_matches(is_invisible);
            if core.len() < w.len() {
                let s2 = start + (w.len() - core.len());
                st.out.replace(start, s2, "");
                start = s2;
            }
            let core = core.trim_end_matches(is_invisible);
            if start + core.len() < end {
                trailing = Some(end);
                end = start + core.len();
            }
        }
        if start < end {
            self.word_core(st, start, end);
        }
        if let Some(t) = trailing {
            st.out.replace(end, t, "");
        }
    }

    /// Normalizes the word `text[start..end]`.
    fn word_core(&self, st: &mut State<'_>, start: usize, end: usize) {
        let word = &st.text[start..end];
        if word.is_ascii() {
            if self.lowercase && word.bytes().any(|b| b.is_ascii_uppercase()) {
                st.out.replace(start, end, &word.to_ascii_lowercase());
            }
            return;
        }
        if !self.lowercase && !self.fold {
            match self.quick_check(word) {
                Quick::Clean => return,
                Quick::Tone(s) => {
                    let mut buf = std::mem::take(&mut st.scratch);
                    buf.clear();
                    s.write_placed(&mut buf, self.tone_style);
                    st.out.replace(start, end, &buf);
                    st.scratch = buf;
                    return;
                }
                Quick::Slow => {}
            }
        }
        let mut buf = std::mem::take(&mut st.scratch);
        self.slow_word(word, &mut buf);
        if buf != word {
            st.out.replace(start, end, &buf);
        }
        st.scratch = buf;
    }

    /// Classifies a word of ASCII and Vietnamese letters (NFC): clean, or only its tone mark
    /// to move; anything else (other characters, Ð, marks) is left to [`Self::slow_word`].
    fn quick_check(&self, word: &str) -> Quick {
        let mut prev_vowel = false;
        let mut toned = 0;
        let mut toned_in_cluster = false;
        let mut last_toned_at = usize::MAX;
        for (k, c) in word.chars().enumerate() {
            let is_vowel = if c.is_ascii() {
                matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
            } else {
                let code = syllable::letter_code(c);
                if code == 0 {
                    return Quick::Slow;
                }
                match syllable::vowel(c) {
                    Some(v) => {
                        if v.tone != syllable::Tone::Ngang {
                            toned += 1;
                            last_toned_at = k;
                            if prev_vowel {
                                toned_in_cluster = true;
                            }
                        }
                        true
                    }
                    None => false,
                }
            };
            if is_vowel && prev_vowel && k > 0 && last_toned_at == k - 1 {
                toned_in_cluster = true;
            }
            prev_vowel = is_vowel;
        }
        if self.tone_style == ToneStyle::Preserve || toned != 1 || !toned_in_cluster {
            return Quick::Clean;
        }
        match Syllable::parse(word) {
            Some(s) if !s.is_tone_placed(self.tone_style) => Quick::Tone(s),
            _ => Quick::Clean,
        }
    }

    /// Builds the normalized form of a word that needs a closer look into `buf`.
    fn slow_word(&self, word: &str, buf: &mut String) {
        buf.clear();
        for c in word.chars() {
            let c = match c {
                '\u{340}' => '\u{300}',
                '\u{341}' => '\u{301}',
                c if self.whitespace && is_invisible(c) => continue,
                'Ð' if self.lookalikes => 'Đ',
                'ð' if self.lookalikes => 'đ',
                c => c,
            };
            buf.push(c);
        }
        if self.lookalikes {
            fix_lookalikes(buf);
        }
        if buf.chars().any(|c| ('\u{300}'..='\u{36F}').contains(&c)) {
            let mut composed = String::with_capacity(buf.len());
            if compose_vietnamese(buf, &mut composed) {
                *buf = composed;
            }
        }
        // ASCII and Vietnamese letters are NFC by construction; check anything else.
        let known = |c: char| c.is_ascii() || syllable::letter_code(c) != 0;
        if !buf.chars().all(known) && is_nfc_quick(buf.chars()) != IsNormalized::Yes {
            *buf = buf.nfc().collect();
        }
        if !self.fold
            && self.tone_style != ToneStyle::Preserve
            && let Some(s) = Syllable::parse(buf)
            && !s.is_tone_placed(self.tone_style)
        {
            buf.clear();
            s.write_placed(buf, self.tone_style);
        }
        if self.fold
            && let Cow::Owned(f) = fold(buf)
        {
            *buf = f;
        }
        if self.lowercase {
            *buf = buf.to_lowercase();
        }
        if self.fold || self.lowercase {
            // Folding and lowercasing can uncover look-alikes (Greek Ό → Ο → ο).
            if self.lookalikes {
                fix_lookalikes(buf);
            }
            if is_nfc_quick(buf.chars()) != IsNormalized::Yes {
                *buf = buf.nfc().collect();
            }
        }
    }
}

/// Composes decomposed Vietnamese letters (a vowel followed by at most one vowel mark U+0302,
/// U+0306, U+031B and one tone mark, in any order) with the letter tables, much faster than
/// general NFC. Returns false, leaving `out` unspecified, when `s` has another combining
/// sequence (the caller then uses general NFC).
fn compose_vietnamese(s: &str, out: &mut String) -> bool {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if is_combining_mark(c) {
            return false;
        }
        let Some(v) = syllable::vowel(c) else {
            out.push(c);
            continue;
        };
        let (mut vowel, mut tone) = (v.vowel, v.tone);
        // Canonical equivalence: a vowel mark (ccc 230) may not follow a tone mark of the same
        // class (è + U+0302 is not ề); a toned letter takes no more marks.
        let mut shaped = matches!(vowel, 1 | 2 | 4 | 7 | 8 | 10);
        let mut upper_tone = !matches!(tone, syllable::Tone::Ngang | syllable::Tone::Nang);
        while let Some(&m) = chars.peek() {
            if !is_combining_mark(m) {
                break;
            }
            chars.next();
            if let Some(t) = syllable::Tone::from_combining(m) {
                if tone != syllable::Tone::Ngang {
                    return false;
                }
                tone = t;
                upper_tone = m != '\u{323}';
            } else {
                if shaped || (upper_tone && m != '\u{31B}') {
                    return false;
                }
                shaped = true;
                vowel = match (m, vowel) {
                    ('\u{302}', 0) => 2,
                    ('\u{302}', 3) => 4,
                    ('\u{302}', 6) => 7,
                    ('\u{306}', 0) => 1,
                    ('\u{31B}', 6) => 8,
                    ('\u{31B}', 9) => 10,
                    _ => return false,
                };
            }
        }
        out.push(syllable::compose(vowel, tone, v.upper));
    }
    true
}

/// Replaces Cyrillic/Greek look-alike letters by Latin ones when `word` has Latin letters and
/// no other letter of another script.
fn fix_lookalikes(word: &mut String) {
    if !word.chars().any(|c| ('\u{370}'..='\u{4FF}').contains(&c)) {
        return;
    }
    let mut latin = false;
    let mut lookalike = false;
    for c in word.chars() {
        if is_latin_letter(c) {
            latin = true;
        } else if latin_lookalike(c).is_some() {
            lookalike = true;
        } else if c.is_alphabetic() {
            return;
        }
    }
    if latin && lookalike {
        *word = word
            .chars()
            .map(|c| latin_lookalike(c).unwrap_or(c))
            .collect();
    }
}

/// Result of [`Normalizer::quick_check`].
enum Quick {
    Clean,
    Tone(Syllable),
    Slow,
}

/// Per-call state of [`Normalizer::normalize`].
struct State<'a> {
    text: &'a str,
    out: Out<'a>,
    scratch: String,
    /// Everything before this offset has been handled as a unit.
    done: usize,
}

const fn special_table(lower: bool) -> [bool; 128] {
    let mut t = [false; 128];
    t[b' ' as usize] = true;
    t[b'\t' as usize] = true;
    t[b'\r' as usize] = true;
    if lower {
        let mut c = b'A';
        while c <= b'Z' {
            t[c as usize] = true;
            c += 1;
        }
    }
    t
}

/// ASCII bytes the fast loop stops at.
static SPECIAL: [bool; 128] = special_table(false);
/// The same with lowercasing on.
static SPECIAL_LOWER: [bool; 128] = special_table(true);

/// Normalizes with the default [`Normalizer`].
///
/// ```
/// assert_eq!(vntext::normalize::normalize("Hà Nội").text, "Hà Nội");
/// assert_eq!(vntext::normalize::normalize("Qúy  baỏ").text, "Quý bảo");
/// ```
pub fn normalize(text: &str) -> Normalized<'_> {
    static DEFAULT: Normalizer = Normalizer {
        tone_style: ToneStyle::Traditional,
        whitespace: true,
        collapse_spaces: true,
        punctuation: true,
        lookalikes: true,
        lowercase: false,
        fold: false,
    };
    DEFAULT.normalize(text)
}

/// Normalized text and the map back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized<'a> {
    /// The normalized text; `Cow::Borrowed` when nothing changed.
    pub text: Cow<'a, str>,
    /// Maps byte ranges of `text` back to the original input.
    pub offsets: OffsetMap,
}

impl Normalized<'_> {
    /// Maps a byte range of the normalized text back to the original input (see
    /// [`OffsetMap::to_original`]).
    ///
    /// ```
    /// let original = "Hà  Nội";
    /// let n = vntext::normalize::normalize(original);
    /// assert_eq!(n.text, "Hà Nội");
    /// assert_eq!(&original[n.to_original(4..9)], "Nội");
    /// ```
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        self.offsets.to_original(range)
    }
}

/// Folds diacritics for search (bỏ dấu): removes tone marks and vowel marks and folds đ → d,
/// keeping case and everything else (`Đặng Thị` → `Dang Thi`). Other Latin letters lose their
/// combining marks too (`café` → `cafe`). Borrowed when there is nothing to fold.
///
/// ```
/// use vntext::normalize::fold;
/// assert_eq!(fold("Đặng Văn Sìn Hồ"), "Dang Van Sin Ho");
/// assert_eq!(fold("Nghiêm Xuân Thuỷ, ĐỒNG"), "Nghiem Xuan Thuy, DONG");
/// assert!(matches!(fold("Ha Noi"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn fold(text: &str) -> Cow<'_, str> {
    let needs = |c: char| {
        !c.is_ascii()
            && (syllable::fold_char(c).is_some()
                || is_combining_mark(c)
                || is_foldable_script(c) && c.is_alphabetic() && {
                    let mut n = 0;
                    decompose_canonical(c, |_| n += 1);
                    n > 1
                })
    };
    let Some(first) = text.char_indices().find(|&(_, c)| needs(c)).map(|(i, _)| i) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    // A combining mark is dropped only as the diacritic of a letter or digit before it.
    let mut after_letter = text[..first]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    for c in text[first..].chars() {
        let letter = after_letter;
        after_letter = c.is_alphanumeric() || (after_letter && is_combining_mark(c));
        if c.is_ascii() {
            out.push(c);
        } else if let Some(f) = syllable::fold_char(c) {
            out.push(f);
        } else if is_combining_mark(c) {
            if !letter {
                out.push(c);
            }
        } else if is_foldable_script(c) && c.is_alphabetic() {
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.push(d);
                }
            });
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Latin, Greek and Cyrillic letters, whose canonical decompositions are base + diacritics.
fn is_foldable_script(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{52F}' | '\u{1E00}'..='\u{1FFF}')
}

/// Removes tone marks only (bỏ dấu thanh), keeping the vowel marks ă â ê ô ơ ư and đ
/// (`Việt Nam` → `Viêt Nam`); the output is NFC. Borrowed when there is no tone mark.
///
/// ```
/// use vntext::normalize::remove_tone;
/// assert_eq!(remove_tone("Cộng hòa xã hội"), "Công hoa xa hôi");
/// assert_eq!(remove_tone("Vie\u{0302}\u{0323}t"), "Viêt");
/// assert!(matches!(remove_tone("Viêt"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn remove_tone(text: &str) -> Cow<'_, str> {
    let toned = |c: char| {
        syllable::tone_of(c) != syllable::Tone::Ngang || syllable::Tone::from_combining(c).is_some()
    };
    let Some(first) = text.char_indices().find(|&(_, c)| toned(c)).map(|(i, _)| i) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut combining = false;
    for c in text[first..].chars() {
        if syllable::Tone::from_combining(c).is_some() {
            combining = true;
            continue;
        }
        combining |= is_combining_mark(c);
        out.push(syllable::strip_tone_char(c));
    }
    if combining {
        Cow::Owned(out.nfc().collect())
    } else {
        Cow::Owned(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize(s).text.into_owned()
    }

    #[test]
    fn tones() {
        assert_eq!(norm("Qúy baỏ lựơng nghịêm"), "Quý bảo lượng nghiệm");
        assert_eq!(norm("hoà thuỷ khoẻ HOÀ"), "hòa thủy khỏe HÒA");
        assert_eq!(
            norm("hoàn thuyền khuỷu quý giúp"),
            "hoàn thuyền khuỷu quý giúp"
        );
        assert_eq!(norm("gìa muà"), "già mùa");
    }

    #[test]
    fn whitespace_keeps_lines() {
        assert_eq!(norm("a\r\nb\rc\n\nd"), "a\nb\nc\n\nd");
        assert_eq!(norm("a  \t b \n c "), "a b\n c");
        assert_eq!(norm("\u{FEFF}Điều 1.\u{00A0}Phạm vi"), "Điều 1. Phạm vi");
        assert_eq!(norm("a \u{200B} b"), "a b");
        assert_eq!(norm("a\u{2028}b"), "a\nb");
    }

    #[test]
    fn dashes() {
        assert_eq!(norm("2020–2025"), "2020-2025");
        assert_eq!(norm("Hà Nội – Huế"), "Hà Nội – Huế");
        assert_eq!(norm("Xơ\u{2011}đăng"), "Xơ-đăng");
    }

    #[test]
    fn borrowed_when_clean() {
        for s in [
            "",
            "abc",
            "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc",
        ] {
            assert!(matches!(normalize(s).text, Cow::Borrowed(_)), "{s}");
        }
    }

    #[test]
    fn send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Normalizer>();
        check::<Normalized<'static>>();
        check::<OffsetMap>();
    }
}
