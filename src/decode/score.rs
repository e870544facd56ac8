//! Scoring a candidate decoding: how much of it reads as Vietnamese.
//!
//! A decoded word that holds a non-ASCII letter is counted as valid when it has the shape of a
//! Vietnamese syllable (onset + rhyme, one tone mark; see [`plausible_syllable`]) and
//! [`crate::syllable::is_valid`] accepts it. Characters that a Vietnamese text would not hold
//! (controls, U+FFFD, orphan combining marks, Latin letters outside the Vietnamese alphabet, stray
//! symbols glued to letters) count against the decoding.

use std::sync::LazyLock;

use unicode_normalization::char::is_combining_mark;

use super::tables::{is_vietnamese_letter, split_tone};

/// Counts gathered over a decoded text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Score {
    /// Words holding at least one non-ASCII letter.
    pub(crate) words: u32,
    /// Those of them that are valid syllables.
    pub(crate) valid: u32,
    /// Those of them that are frequent words (của, và, được, …).
    pub(crate) frequent: u32,
    /// Characters a Vietnamese text would not hold.
    pub(crate) bad: u32,
}

impl Score {
    /// The share of valid words among words and bad characters, in `0.0..=1.0`, with one extra
    /// (invalid) word of prior so that a single word is not enough evidence: one valid word scores
    /// 0.5, two 0.67, a page of them close to 1.
    pub(crate) fn confidence(&self) -> f64 {
        let denom = f64::from(self.words) + f64::from(self.bad) + 1.0;
        f64::from(self.valid) / denom
    }

    /// The ranking key: confidence, with frequent words breaking near-ties.
    pub(crate) fn rank(&self) -> f64 {
        let freq = if self.words == 0 {
            0.0
        } else {
            f64::from(self.frequent) / f64::from(self.words)
        };
        self.confidence() + 0.1 * freq
    }
}

/// Non-ASCII symbols that may touch letters in real text (quotes, dashes, degree, ellipsis, …).
fn is_friendly_symbol(c: char) -> bool {
    matches!(
        c,
        '\u{A0}'
            | '«'
            | '»'
            | '°'
            | '§'
            | '–'
            | '—'
            | '‘'
            | '’'
            | '“'
            | '”'
            | '…'
            | '•'
            | '‰'
            | '№'
            | '€'
    )
}

/// Whether `c` is out of place in Vietnamese text whatever its neighbours.
pub(crate) fn is_bad_char(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' => false,
        _ if c.is_ascii() => c.is_ascii_control(),
        '\u{80}'..='\u{9F}' | '\u{FFFD}' => true,
        _ if is_combining_mark(c) => true,
        _ if is_vietnamese_letter(c) => false,
        // Other letters of the Latin script: ñ ç ß þ ð ø æ ĩ-lookalikes from a wrong table.
        '\u{C0}'..='\u{24F}' => c != '×' && c != '÷',
        '\u{E000}'..='\u{F8FF}' => true,
        _ => false,
    }
}

/// Frequent Vietnamese words (REFERENCE.md §6.5, detection heuristic).
static FREQUENT: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v: Vec<&str> = "của và các những được người không trong với đã có là cho này năm \
         tỉnh huyện đảng nhân dân việt một về để theo số điều ngày tháng quy định"
        .split_whitespace()
        .collect();
    v.sort_unstable();
    v
});

const ONSETS: [&str; 27] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p",
    "ph", "q", "r", "s", "t", "th", "tr", "v", "x",
];

const NUCLEI: [&str; 51] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "yêu", "oai", "oay", "oao", "oeo",
    "uây", "uôi", "ươi",
];

const MORE_NUCLEI: [&str; 4] = ["ươu", "uya", "uyê", "uyu"];

const CODAS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// Whether a word has the shape of a Vietnamese syllable: onset, vowel nucleus and coda from the
/// closed lists of §6.2, and at most one tone mark. Loose on purpose (no tone/coda restrictions):
/// it only has to tell a right decoding from a wrong one.
pub(crate) fn plausible_syllable(word: &str) -> bool {
    let mut buf = [' '; 8];
    let mut n = 0;
    let mut tones = 0;
    for c in word.chars() {
        if n == buf.len() {
            return false;
        }
        let lower = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        let (base, tone) = split_tone(lower);
        if tone > 0 {
            tones += 1;
        }
        buf[n] = base;
        n += 1;
    }
    if tones > 1 || n == 0 {
        return false;
    }
    let letters = &buf[..n];
    let Some(v0) = letters.iter().position(|&c| is_vowel(c)) else {
        return false;
    };
    let v1 = letters[v0..]
        .iter()
        .position(|&c| !is_vowel(c))
        .map_or(n, |p| v0 + p);
    let (onset, nucleus, coda) = (&letters[..v0], &letters[v0..v1], &letters[v1..]);
    if !in_list(&ONSETS, onset) || !in_list(&CODAS, coda) {
        return false;
    }
    match onset {
        // qu- : the u belongs to the onset.
        ['q'] => nucleus
            .strip_prefix(&['u'])
            .is_some_and(|r| !r.is_empty() && is_nucleus(r)),
        // gi- : the i belongs to the onset (già, giữa, giường) unless it is the whole nucleus.
        ['g'] if nucleus.len() > 1 && nucleus[0] == 'i' && is_nucleus(&nucleus[1..]) => true,
        _ => is_nucleus(nucleus),
    }
}

fn in_list(list: &[&str], chars: &[char]) -> bool {
    list.iter().any(|s| s.chars().eq(chars.iter().copied()))
}

fn is_nucleus(chars: &[char]) -> bool {
    in_list(&NUCLEI, chars) || in_list(&MORE_NUCLEI, chars)
}

/// Words with a non-ASCII letter after which scoring stops: plenty of evidence, bounded cost.
const MAX_WORDS: u32 = 1000;

/// Scores `text` (typically a bounded sample of a candidate decoding), up to [`MAX_WORDS`] words.
pub(crate) fn score(text: &str) -> Score {
    let mut s = Score::default();
    let mut word = String::new();
    let mut word_non_ascii = false;
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if s.words >= MAX_WORDS {
            return s;
        }
        let letter = if c.is_ascii() {
            c.is_ascii_alphabetic()
        } else {
            c.is_alphabetic()
        };
        if letter {
            word.push(c);
            word_non_ascii |= !c.is_ascii();
        } else {
            finish_word(&mut s, &word, word_non_ascii);
            word.clear();
            word_non_ascii = false;
        }
        if is_bad_char(c) {
            s.bad += 1;
        } else if !c.is_ascii() && !letter && !is_friendly_symbol(c) {
            // A symbol glued to a letter ("Viá»‡t", "c¸c") is a sign of a wrong table.
            let touches = prev.is_some_and(char::is_alphabetic)
                || chars.peek().is_some_and(|n| n.is_alphabetic());
            if touches {
                s.bad += 1;
            }
        }
        prev = Some(c);
    }
    finish_word(&mut s, &word, word_non_ascii);
    s
}

fn finish_word(s: &mut Score, word: &str, non_ascii: bool) {
    if !non_ascii || word.is_empty() {
        return;
    }
    s.words += 1;
    if plausible_syllable(word) && crate::syllable::is_valid(word) {
        s.valid += 1;
        let lower = word.to_lowercase();
        if FREQUENT.binary_search(&lower.as_str()).is_ok() {
            s.frequent += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllable_shapes() {
        for w in [
            "Việt", "người", "quyết", "giữa", "già", "gì", "khuỷu", "nghiêng", "Đảng", "TỈNH",
            "ươu", "thuở", "xoong", "oái",
        ] {
            assert!(plausible_syllable(w), "{w}");
        }
        for w in [
            "Vieọt",
            "ViƯt",
            "ñoäc",
            "hóà",
            "qa",
            "bcá",
            "ánhh",
            "nghiêngg",
        ] {
            assert!(!plausible_syllable(w), "{w}");
        }
    }

    #[test]
    fn scores_rank_right_over_wrong() {
        let good = score("Cộng hòa xã hội chủ nghĩa Việt Nam");
        assert_eq!(good.words, 7);
        assert_eq!(good.valid, 7);
        assert_eq!(good.bad, 0);
        let wrong = score("Cäng hoøa xaõ hoäi chuû nghóa Vieät Nam");
        assert!(wrong.confidence() < 0.5, "{wrong:?}");
        let moji = score("Viá»‡t Nam Ä‘Æ°á»£c");
        assert!(moji.confidence() < 0.5, "{moji:?}");
        assert_eq!(score("abc").confidence(), 0.0);
        assert!(score("a\u{1}b\u{FFFD}").bad == 2);
    }
}
