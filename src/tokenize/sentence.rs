//! Sentences (câu): spans of tokens, cut at final punctuation and at line structure.
//!
//! # Rules
//! - A sentence ends after final punctuation (`.`, `!`, `?`, `…`, `...`, `./.`), together with
//!   the closing quotes and brackets glued to it (`làm.”`), when the next token does not continue
//!   it. A token *continues* a sentence when it starts with a lowercase letter (`…, đặc biệt`,
//!   `... và`), or is `,` `;` `:` `)` `]`.
//! - Dots inside tokens never end a sentence: abbreviations (`TP.HCM`, `TS.`, `v.v.`, `Th.S`),
//!   numbers (`32,5`, `1.234.567`), dates, codes, URLs.
//! - A list label is not a sentence: the dot after `1`, `a`, `II` or `Điều 1`, `Chương II`
//!   (at the start of a sentence) does not end it (`1. Ở nước…`, `Điều 1. Phạm vi điều chỉnh`).
//! - **Line structure** (scraped pages, official documents put one heading or item per line):
//!   a blank line always ends a sentence; a single line break ends it too, unless the next line
//!   clearly continues it, i.e. starts with a lowercase letter that is not a list label (`a)`,
//!   `b.`), or with `,` `;` `:` `)` or final punctuation (a stray `.` on the next line closes
//!   the sentence above). A heading without final punctuation thus ends at its line.
//! - A bullet (`•`, `●`, `▪`, `►`…) starts a new sentence even inside a line, and so does a
//!   gap of four or more spaces inside a line (the columns of a document header).

use super::chars::is_bullet;
use super::{Token, TokenKind, Tokens, tokens};

/// A sentence (câu): the span from its first token to its last.
///
/// ```
/// let s: Vec<_> = vntext::tokenize::sentences("Hà Nội đẹp. Tôi yêu Hà Nội.").collect();
/// assert_eq!(s[1].text, "Tôi yêu Hà Nội.");
/// assert_eq!(s[1].start, 18);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// The sentence, `&input[start..end]`.
    pub text: &'a str,
    /// First byte in the input.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Iterator over sentences; see [`sentences`].
///
/// ```
/// let mut it = vntext::tokenize::sentences("Một.\nHai");
/// assert_eq!(it.next().unwrap().text, "Một.");
/// assert_eq!(it.next().unwrap().text, "Hai");
/// assert!(it.next().is_none());
/// ```
#[derive(Debug, Clone)]
pub struct Sentences<'a> {
    tokens: Tokens<'a>,
    splitter: Splitter<'a>,
    done: bool,
}

/// Iterates over the sentences of `text`, without allocating.
///
/// ```
/// let s: Vec<&str> = vntext::tokenize::sentences(
///     "Ông Nguyễn Văn A, PGS.TS, Th.S làm việc tại TP. Hồ Chí Minh. Thu nhập đạt 32,5 triệu đồng.",
/// ).map(|s| s.text).collect();
/// assert_eq!(s.len(), 2);
/// ```
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences {
        tokens: tokens(text),
        splitter: Splitter::new(text),
        done: false,
    }
}

impl<'a> Iterator for Sentences<'a> {
    type Item = Sentence<'a>;

    fn next(&mut self) -> Option<Sentence<'a>> {
        if self.done {
            return None;
        }
        for t in self.tokens.by_ref() {
            if let Some(s) = self.splitter.push(&t) {
                return Some(s);
            }
        }
        self.done = true;
        self.splitter.finish()
    }
}

impl std::iter::FusedIterator for Sentences<'_> {}

/// Where a sentence stands with respect to list labels (`1.`, `Điều 1.`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    /// No token yet.
    Empty,
    /// A heading word (`Điều`, `Chương`…) so far.
    HeadingWord,
    /// Only a label so far: a following dot does not end the sentence.
    Only,
    /// Ordinary text.
    Text,
}

/// The boundary state machine, fed one token at a time (shared by [`sentences`] and
/// [`super::counts`]).
#[derive(Debug, Clone)]
pub(crate) struct Splitter<'a> {
    text: &'a str,
    /// Start of the open sentence, if any; it ends where the last token ends (`prev_end`).
    cur_start: Option<usize>,
    prev_end: usize,
    /// The last token was final punctuation (or a closer glued after it).
    terminal: bool,
    label: Label,
}

impl<'a> Splitter<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Splitter {
            text,
            cur_start: None,
            prev_end: 0,
            terminal: false,
            label: Label::Empty,
        }
    }

    fn sentence(&self, (start, end): (usize, usize)) -> Sentence<'a> {
        Sentence {
            text: &self.text[start..end],
            start,
            end,
        }
    }

    /// Feeds the next token; returns the sentence it closes, if any.
    #[inline(always)]
    pub(crate) fn push(&mut self, t: &Token<'a>) -> Option<Sentence<'a>> {
        // Fast path, taken by most tokens: inside ordinary text (past any list label, no final
        // punctuation pending), a token glued to the previous one or one byte of gap away that
        // is not a line break cannot end the sentence (no blank line, no line break, no column
        // gap of four spaces); only a bullet could, and bullets are not ASCII. The token only
        // extends the sentence, and becomes a pending end if it is final punctuation: exactly
        // what `push_slow` does in that state.
        if self.cur_start.is_some() && !self.terminal && self.label == Label::Text {
            let gap = t.start.wrapping_sub(self.prev_end);
            let b = self.text.as_bytes();
            let gap_ok = gap == 0 || (gap == 1 && b.get(self.prev_end) != Some(&b'\n'));
            // Bullets are signs outside ASCII, so they start punctuation, symbol or emoji
            // tokens (never words or numbers): only those are decoded.
            let may_be_bullet = t.text.as_bytes().first().is_some_and(|&c| c >= 0x80)
                && matches!(
                    t.kind,
                    TokenKind::Punctuation | TokenKind::Symbol | TokenKind::Emoji
                );
            if gap_ok && !(may_be_bullet && t.text.chars().next().is_some_and(is_bullet)) {
                self.prev_end = t.end;
                if t.kind == TokenKind::Punctuation && is_final(t.text) {
                    self.terminal = true;
                }
                return None;
            }
        }
        self.push_slow(t)
    }

    #[inline(never)]
    fn push_slow(&mut self, t: &Token<'a>) -> Option<Sentence<'a>> {
        let gap = self
            .text
            .as_bytes()
            .get(self.prev_end..t.start)
            .unwrap_or(&[]);
        let mut out = None;
        if let Some(start) = self.cur_start
            && self.is_boundary(gap, t)
        {
            out = Some(self.sentence((start, self.prev_end)));
            self.cur_start = None;
            self.terminal = false;
            self.label = Label::Empty;
        }
        self.cur_start = Some(self.cur_start.unwrap_or(t.start));
        self.prev_end = t.end;

        let label = self.label;
        self.terminal = if t.kind == TokenKind::Punctuation && is_final(t.text) {
            label != Label::Only
        } else {
            self.terminal && gap.is_empty() && is_closer(t.text)
        };
        self.label = match label {
            Label::Empty if is_heading_word(t.text) => Label::HeadingWord,
            Label::Empty | Label::HeadingWord if is_label(t) => Label::Only,
            _ => Label::Text,
        };
        out
    }

    /// Ends the text; returns the last sentence, if any.
    pub(crate) fn finish(&mut self) -> Option<Sentence<'a>> {
        let end = self.prev_end;
        self.cur_start
            .take()
            .map(|start| self.sentence((start, end)))
    }

    fn is_boundary(&self, gap: &[u8], t: &Token<'a>) -> bool {
        let newlines = if gap.is_empty() {
            0
        } else {
            gap.iter().filter(|&&b| b == b'\n').count()
        };
        if newlines >= 2 {
            return true;
        }
        if newlines == 1 {
            return !self.continues(t);
        }
        if self.terminal {
            if gap.is_empty() && (is_closer(t.text) || is_final(t.text)) {
                return false;
            }
            return !self.continues(t);
        }
        if t.text.chars().next().is_some_and(is_bullet) {
            return true;
        }
        gap.len() >= 4 && gap.iter().all(|&b| b == b' ' || b == b'\t')
    }

    /// Whether `t` clearly continues the sentence before it (see the module rules).
    fn continues(&self, t: &Token<'a>) -> bool {
        let Some(c) = t.text.chars().next() else {
            return false;
        };
        if matches!(t.text, "," | ";" | ":" | ")" | "]") || is_final(t.text) {
            return true;
        }
        if !c.is_lowercase() {
            return false;
        }
        // A lowercase list label `a)`, `b.` starts a new item.
        let single = t.text.chars().nth(1).is_none();
        let after = self.text.as_bytes().get(t.end).copied();
        !(single && matches!(after, Some(b')') | Some(b'.')))
    }
}

fn is_final(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '…' | '/'))
        && !s.starts_with('/')
}

fn is_closer(s: &str) -> bool {
    matches!(s, "”" | "’" | "\"" | "'" | ")" | "]" | "»" | "›" | "}")
}

fn is_heading_word(s: &str) -> bool {
    matches!(
        s,
        "Điều"
            | "ĐIỀU"
            | "Ðiều"
            | "ÐIỀU"
            | "Chương"
            | "CHƯƠNG"
            | "Mục"
            | "MỤC"
            | "Phần"
            | "PHẦN"
            | "Khoản"
            | "Điểm"
    )
}

/// A list label: a number, a single letter, or a Roman numeral.
fn is_label(t: &Token<'_>) -> bool {
    match t.kind {
        TokenKind::Number => t.text.len() <= 3,
        _ => {
            t.text.chars().nth(1).is_none() && t.text.chars().all(char::is_alphabetic)
                || (t.text.len() <= 6
                    && t.text
                        .bytes()
                        .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L')))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        sentences(s).map(|s| s.text).collect()
    }

    #[test]
    fn final_punctuation_and_continuation() {
        assert_eq!(texts("Một. Hai! Ba? bốn"), vec!["Một.", "Hai!", "Ba? bốn"]);
        assert_eq!(texts("tội phạm…, đặc biệt"), vec!["tội phạm…, đặc biệt"]);
        assert_eq!(texts("Nói: “Làm.” Sau đó"), vec!["Nói: “Làm.”", "Sau đó"]);
    }

    #[test]
    fn labels_and_lines() {
        assert_eq!(
            texts("Điều 1. Phạm vi điều chỉnh\n1. Ở nước ta.\na) Một;\nb) Hai."),
            vec![
                "Điều 1. Phạm vi điều chỉnh",
                "1. Ở nước ta.",
                "a) Một;",
                "b) Hai."
            ]
        );
        assert_eq!(
            texts("của công dân\nluôn được quan tâm"),
            vec!["của công dân\nluôn được quan tâm"]
        );
        assert_eq!(
            texts("QUỐC HỘI\n--------\n\nLuật"),
            vec!["QUỐC HỘI", "--------", "Luật"]
        );
    }

    #[test]
    fn bullets_start_only_sign_tokens() {
        // `Splitter::push` looks for bullets only in these kinds.
        for c in (0x80..0x3_0000)
            .filter_map(char::from_u32)
            .filter(|&c| is_bullet(c))
        {
            let kind = tokens(&c.to_string()).next().map(|t| t.kind);
            assert!(
                matches!(
                    kind,
                    Some(TokenKind::Punctuation | TokenKind::Symbol | TokenKind::Emoji)
                ),
                "{c:?} starts a {kind:?} token"
            );
        }
    }

    #[test]
    fn bullets_and_columns() {
        assert_eq!(
            texts("• Hôm nay19,156 • Tổng lượt truy cập18,912,473"),
            vec!["• Hôm nay19,156", "• Tổng lượt truy cập18,912,473"]
        );
        assert_eq!(
            texts("bộ tài chính        cộng hoà"),
            vec!["bộ tài chính", "cộng hoà"]
        );
    }
}
