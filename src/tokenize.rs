//! Tokens (từ tố) with byte spans, and sentences (câu).
//!
//! SKELETON: whitespace splitting; the real tokenizer lands with issue #3.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TokenKind {
    /// A valid Vietnamese syllable (âm tiết).
    Syllable,
    /// A word of letters that is not a valid Vietnamese syllable.
    Foreign,
    /// Anything else.
    Other,
}

/// A token borrowing the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text, `&input[start..end]`.
    pub text: &'a str,
    /// First byte in the input.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The token's kind.
    pub kind: TokenKind,
}

/// Collects the tokens of `text`.
///
/// ```
/// let toks = vntext::tokenize::tokenize("Sìn Hồ");
/// assert_eq!(toks.len(), 2);
/// ```
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                let t = &text[s..i];
                let kind = if crate::syllable::is_valid(t) {
                    TokenKind::Syllable
                } else {
                    TokenKind::Other
                };
                out.push(Token {
                    text: t,
                    start: s,
                    end: i,
                    kind,
                });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

/// Token, syllable and sentence counts of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextCounts {
    /// Tokens of any kind (whitespace is not a token).
    pub tokens: usize,
    /// Tokens that look like Vietnamese syllables (valid or not).
    pub syllables: usize,
    /// Of those, the valid ones.
    pub valid_syllables: usize,
    /// Sentences.
    pub sentences: usize,
}

/// Counts tokens, syllables and sentences.
///
/// ```
/// let c = vntext::tokenize::counts("Sìn Hồ.");
/// assert!(c.tokens >= 2);
/// ```
pub fn counts(text: &str) -> TextCounts {
    let toks = tokenize(text);
    let syl = toks
        .iter()
        .filter(|t| t.kind == TokenKind::Syllable)
        .count();
    TextCounts {
        tokens: toks.len(),
        syllables: syl,
        valid_syllables: syl,
        sentences: text.lines().filter(|l| !l.trim().is_empty()).count(),
    }
}
