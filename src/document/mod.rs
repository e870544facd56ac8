//! The document model (mô hình văn bản): one pass over a text builds everything the extractors
//! read.
//!
//! # The flow
//!
//! ```text
//! original &str ─normalize─▶ text + offset map
//!               ─tokenize (once)─▶ tokens: span · kind · case · gap · key · value
//!                                  lines (token ranges) · sentences (token ranges) · counts
//!               ─lexicons (one automaton over the keys)─▶ hits: token range · lexicon · entry
//!               ─layout─▶ chrome spans (menus, counters…), headline, dateline, byline
//!               ─extractors (each reads &Document)─▶ facts ─resolve overlaps─▶ Report
//! ```
//!
//! A [`Document`] is built once per text, by [`Document::new`] or by the
//! [`Analyzer`](crate::Analyzer), which adds the layout and runs the
//! [extractors](crate::extract) over it. Nothing downstream scans the raw text again: "the word
//! before" is token `i - 1`, "the next few words" are tokens `i + 1..i + n` of the same sentence,
//! and a word list is a [lexicon](crate::lexicon) whose matches the document already holds.
//!
//! # Tokens
//! Tokens are those of [`crate::tokenize`] over the normalized text (lossless: the gaps between
//! them are whitespace). Each [`Token`] carries:
//! - its byte [`Span`] in [`Document::text`] (map it back to the caller's input with
//!   [`Document::to_original`]);
//! - its [`TokenKind`] and letter [`Case`];
//! - the [`Gap`] before it (glued, space, column gap, line break, blank line);
//! - a lookup key ([`Document::key`]): lower case, `Ð`/`ð` read as `đ` and `Đ` kept distinct from
//!   `D`, the tone of a final `oa`/`oe`/`uy` on its first vowel (`hoà` → `hòa`), dashes as `-`;
//! - a typed [`Value`] where the lexer knows one: numbers read with the document's
//!   [`NumberConvention`], fractions, percentages, dates, times.
//!
//! A token's key, case and lexicon word id depend on its bytes alone (and on the lexicons), and
//! a text repeats its words: they come from a per-thread memo keyed by the token's bytes, filled
//! on first sight, emptied when an analyzer with other lexicons uses the thread.
//!
//! ```
//! use vntext::document::{Document, Gap, Value};
//! use vntext::lexicon::Lex;
//! use vntext::tokenize::TokenKind;
//!
//! let doc = Document::new("Bí thư Tỉnh uỷ Nguyễn Văn A\nký ngày 09/4/2021, đạt 32,5 triệu đồng.");
//! assert_eq!(doc.key(3), "ủy"); // tone placement and case do not matter for lookups
//! assert_eq!(doc.token(7).gap, Gap::Line);
//! assert_eq!(doc.lines().len(), 2);
//! assert_eq!(doc.token(9).kind, TokenKind::Date);
//! assert!(matches!(doc.token(9).value, Value::Date(d) if d.year == Some(2021)));
//! // Lexicon matches are already there: "Bí thư" is a title, "Nguyễn" a family name.
//! assert_eq!(doc.hit(0, Lex::Title).map(|h| h.end), Some(2));
//! assert!(doc.has(4, Lex::FamilyName));
//! ```

pub(crate) mod key;
mod memo;
mod value;

use std::ops::Range;

pub use key::Case;
pub use value::{DateValue, TimeValue, Value};

use crate::Span;
use crate::article::{Article, LineClass};
use crate::extract::dates::CalendarDate;
use crate::lexicon::{Entry, Hit, Lex, Lexicons};
use crate::normalize::{Normalized, Normalizer};
use crate::stats::number::NumberConvention;
use crate::syllable::ToneStyle;
use crate::tokenize::{self, TextCounts, TokenKind, sentence::Splitter};

/// What separates a token from the one before it (khoảng trắng trước từ tố).
///
/// ```
/// use vntext::document::{Document, Gap};
/// let doc = Document::new("Hà Nội,\tHuế\nĐà   Nẵng\n\nHết");
/// let gaps: Vec<Gap> = doc.tokens().iter().map(|t| t.gap).collect();
/// assert_eq!(gaps, [Gap::Paragraph, Gap::Space, Gap::None, Gap::Column, Gap::Line, Gap::Column, Gap::Paragraph]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Gap {
    /// Nothing: the token is glued to the previous one (`,` after a word, `'` in `H'Mông`).
    None,
    /// One or two spaces on the same line.
    Space,
    /// A tab or three or more spaces on the same line: a column of a table or a header.
    Column,
    /// One line break (with any spaces).
    Line,
    /// Two or more line breaks (a blank line), or the start of the text.
    Paragraph,
}

impl Gap {
    /// Whether the gap breaks the line (a line break or a blank line).
    ///
    /// ```
    /// assert!(vntext::document::Gap::Line.breaks_line());
    /// ```
    pub fn breaks_line(self) -> bool {
        matches!(self, Gap::Line | Gap::Paragraph)
    }
}

/// A token of a [`Document`]: where it is, what it is, and what it is worth.
///
/// ```
/// use vntext::document::{Case, Document, Gap};
/// use vntext::tokenize::TokenKind;
/// let doc = Document::new("Sìn Hồ 94%");
/// let t = doc.token(2);
/// assert_eq!((t.span.start, t.span.end, t.kind, t.case, t.gap), (10, 13, TokenKind::Percent, Case::Digit, Gap::Space));
/// assert_eq!(doc.text_of(2), "94%");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Token {
    /// Byte span in [`Document::text`].
    pub span: Span,
    /// The token's kind.
    pub kind: TokenKind,
    /// Its letter case.
    pub case: Case,
    /// What separates it from the previous token.
    pub gap: Gap,
    /// Its typed value, where the lexer knows one.
    pub value: Value,
    /// Where its key starts in the document's key text (it ends one byte, a separator, before
    /// the next token's).
    key: usize,
    /// Bits ([`Lex::bit`]) of the lexicons with a phrase starting at this token.
    lex: u64,
}

impl Token {
    /// The bits ([`Lex::bit`]) of the lexicons with a phrase starting at this token, the set
    /// [`Document::has`] tests one lexicon of: read once by a recogniser that asks about
    /// several lexicons per token.
    pub(crate) fn lex_bits(&self) -> u64 {
        self.lex
    }
}

/// A line (dòng) of the text: its span (without the line break) and its tokens.
///
/// ```
/// let doc = vntext::document::Document::new("Số: 12/QĐ-UBND\n\nHà Nội");
/// let l = &doc.lines()[2];
/// assert_eq!((doc.slice(l.span), l.tokens.clone()), ("Hà Nội", 3..5));
/// assert!(doc.lines()[1].tokens.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte span in [`Document::text`], without the line break.
    pub span: Span,
    /// Its tokens (empty for a blank line).
    pub tokens: Range<usize>,
}

/// A text analysed once: normalized text, tokens with keys and values, lines, sentences,
/// lexicon hits, page chrome. See the [module docs](self).
#[derive(Debug)]
pub struct Document<'a> {
    original: &'a str,
    norm: Normalized<'a>,
    lexicons: &'a Lexicons,
    convention: NumberConvention,
    tokens: Vec<Token>,
    keys: String,
    hits: Vec<Hit>,
    /// `hits[hit_offsets[i]..hit_offsets[i + 1]]` start at token `i`.
    hit_offsets: Vec<usize>,
    lines: Vec<Line>,
    sentences: Vec<Range<usize>>,
    chrome: Vec<Span>,
    article: Article,
    counts: TextCounts,
}

/// The normalizer the analysis uses: tone marks kept where the author put them (names are
/// reported as written), the layout of the page kept (signature blocks are read by column),
/// everything repaired that hides words from the recognisers.
pub(crate) fn analysis_normalizer() -> Normalizer {
    Normalizer::new()
        .tone_style(ToneStyle::Preserve)
        .collapse_spaces(false)
}

impl<'a> Document<'a> {
    /// Builds the document of `text` with the analysis normalizer and the embedded lexicons.
    ///
    /// ```
    /// let doc = vntext::document::Document::new("Cộng hoà  xã hội");
    /// assert_eq!(doc.len(), 4);
    /// assert_eq!(doc.original(), "Cộng hoà  xã hội");
    /// ```
    pub fn new(text: &'a str) -> Document<'a> {
        static NORMALIZER: std::sync::LazyLock<Normalizer> =
            std::sync::LazyLock::new(analysis_normalizer);
        Document::with(text, &NORMALIZER, Lexicons::embedded())
    }

    /// Builds the document of `text` with a given normalizer and lexicons.
    ///
    /// ```
    /// use vntext::{document::Document, lexicon::Lexicons, normalize::Normalizer};
    /// let doc = Document::with("Hà  Nội", &Normalizer::new(), Lexicons::embedded());
    /// assert_eq!(doc.text(), "Hà Nội");
    /// assert_eq!(doc.original_text(doc.token(1).span), "Nội");
    /// ```
    pub fn with(text: &'a str, normalizer: &Normalizer, lexicons: &'a Lexicons) -> Document<'a> {
        let norm = normalizer.normalize(text);
        let mut doc = Document {
            original: text,
            norm,
            lexicons,
            convention: NumberConvention::Vietnamese,
            tokens: Vec::new(),
            keys: String::new(),
            hits: Vec::new(),
            hit_offsets: Vec::new(),
            lines: Vec::new(),
            sentences: Vec::new(),
            chrome: Vec::new(),
            article: Article::default(),
            counts: TextCounts::default(),
        };
        doc.build();
        doc
    }

    /// The one pass: tokens, keys, values, gaps, lines, sentences, counts, then lexicon hits.
    fn build(&mut self) {
        let text: &str = &self.norm.text;
        let bytes = text.as_bytes();
        let conv = NumberConvention::detect(text);
        let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
        let mut keys: Vec<u8> = Vec::with_capacity(text.len() + 8);
        let mut words: Vec<Option<u32>> = Vec::with_capacity(text.len() / 5 + 1);
        // Government documents run about 70 bytes a line and 100 a sentence: one allocation.
        let mut lines = Vec::with_capacity(text.len() / 64 + 1);
        let mut sentences = Vec::with_capacity(text.len() / 96 + 1);
        let mut splitter = Splitter::new(text);
        let mut counts = TextCounts::default();
        let (mut line_start, mut line_first) = (0usize, 0usize);
        let mut sentence_first = 0usize;
        let mut prev_end = 0usize;
        let mut memo = memo::KeyMemo::take(self.lexicons);
        for t in tokenize::tokens(text) {
            let i = tokens.len();
            let gap_bytes = &bytes[prev_end..t.start];
            let gap = if i == 0 {
                Gap::Paragraph
            } else {
                classify_gap(gap_bytes)
            };
            // Lines end at the line breaks of the gap (only these two kinds hold one).
            if matches!(gap, Gap::Line | Gap::Paragraph) {
                for (k, _) in gap_bytes.iter().enumerate().filter(|(_, b)| **b == b'\n') {
                    let nl = prev_end + k;
                    lines.push(Line {
                        span: Span::new(line_start, trim_cr(bytes, line_start, nl)),
                        tokens: line_first..i,
                    });
                    line_start = nl + 1;
                    line_first = i;
                }
            }
            if i > 0 {
                keys.push(b' ');
            }
            let key = keys.len();
            let (case, word) = memo.key(self.lexicons, &mut keys, text, t.start, t.end);
            words.push(word);
            counts.tokens += 1;
            match t.kind {
                TokenKind::Syllable => {
                    counts.syllables += 1;
                    counts.valid_syllables += 1;
                }
                TokenKind::InvalidSyllable => counts.syllables += 1,
                _ => {}
            }
            if splitter.push(&t).is_some() {
                sentences.push(sentence_first..i);
                sentence_first = i;
            }
            tokens.push(Token {
                span: Span::new(t.start, t.end),
                kind: t.kind,
                case,
                gap,
                value: match t.kind {
                    TokenKind::Number | TokenKind::Percent | TokenKind::Date | TokenKind::Time => {
                        value::of(t.kind, t.text, conv)
                    }
                    _ => Value::None,
                },
                key,
                lex: 0,
            });
            prev_end = t.end;
        }
        memo.give_back();
        let n = tokens.len();
        if splitter.finish().is_some() {
            sentences.push(sentence_first..n);
        }
        counts.sentences = sentences.len();
        for (k, _) in bytes[prev_end..]
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
        {
            let nl = prev_end + k;
            lines.push(Line {
                span: Span::new(line_start, trim_cr(bytes, line_start, nl)),
                tokens: line_first..n,
            });
            line_start = nl + 1;
            line_first = n;
        }
        if line_start < bytes.len() {
            lines.push(Line {
                span: Span::new(line_start, trim_cr(bytes, line_start, bytes.len())),
                tokens: line_first..n,
            });
        }

        // Every key is valid UTF-8 (ASCII separators, keys made of whole characters).
        // simdutf8 checks 32 bytes at a time; the copy is a memcpy.
        let keys = match simdutf8::basic::from_utf8(&keys) {
            Ok(k) => k.to_owned(),
            Err(_) => String::from_utf8_lossy(&keys).into_owned(),
        };
        let (hits, hit_offsets) = self.lexicons.find(&words, |i| {
            matches!(tokens[i].gap, Gap::Paragraph | Gap::Column)
        });
        for (tok, w) in tokens.iter_mut().zip(hit_offsets.windows(2)) {
            for h in &hits[w[0]..w[1]] {
                tok.lex |= h.lex.bit();
            }
        }

        self.convention = conv;
        self.tokens = tokens;
        self.keys = keys;
        self.hits = hits;
        self.hit_offsets = hit_offsets;
        self.lines = lines;
        self.sentences = sentences;
        self.counts = counts;
    }

    /// The text as the caller gave it.
    ///
    /// ```
    /// assert_eq!(vntext::document::Document::new("a\u{A0}b").original(), "a\u{A0}b");
    /// ```
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The normalized text that token spans index.
    ///
    /// ```
    /// assert_eq!(vntext::document::Document::new("a\u{A0}b").text(), "a b");
    /// ```
    pub fn text(&self) -> &str {
        &self.norm.text
    }

    /// The normalized text and its offset map.
    ///
    /// ```
    /// let doc = vntext::document::Document::new("Hà Nội");
    /// assert!(doc.normalized().offsets.is_identity());
    /// ```
    pub fn normalized(&self) -> &Normalized<'a> {
        &self.norm
    }

    /// The lexicons the document was matched against.
    ///
    /// ```
    /// use vntext::lexicon::Lex;
    /// let doc = vntext::document::Document::new("");
    /// assert!(doc.lexicons().len(Lex::Title) > 0);
    /// ```
    pub fn lexicons(&self) -> &'a Lexicons {
        self.lexicons
    }

    /// How the document writes its number separators (decided once, from its own numbers).
    ///
    /// ```
    /// use vntext::{document::Document, stats::NumberConvention};
    /// assert_eq!(Document::new("18,912,473 and 2,345,678").convention(), NumberConvention::English);
    /// ```
    pub fn convention(&self) -> NumberConvention {
        self.convention
    }

    /// Every token, in text order.
    ///
    /// ```
    /// assert_eq!(vntext::document::Document::new("Sìn Hồ.").tokens().len(), 3);
    /// ```
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Number of tokens.
    ///
    /// ```
    /// assert_eq!(vntext::document::Document::new("Sìn Hồ").len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether the text has no token.
    ///
    /// ```
    /// assert!(vntext::document::Document::new(" \n ").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Token `i`.
    ///
    /// # Panics
    /// When `i >= self.len()`; use [`Document::get`] to ask.
    ///
    /// ```
    /// assert_eq!(vntext::document::Document::new("Sìn Hồ").token(1).span.start, 5);
    /// ```
    pub fn token(&self, i: usize) -> &Token {
        &self.tokens[i]
    }

    /// Token `i`, if there is one.
    ///
    /// ```
    /// assert!(vntext::document::Document::new("Sìn Hồ").get(2).is_none());
    /// ```
    pub fn get(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    /// The text of token `i` (`""` past the end).
    ///
    /// ```
    /// assert_eq!(vntext::document::Document::new("Sìn Hồ").text_of(1), "Hồ");
    /// ```
    pub fn text_of(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| self.slice(t.span))
    }

    /// The lookup key of token `i` (`""` past the end): see the [module docs](self).
    ///
    /// ```
    /// assert_eq!(vntext::document::Document::new("HUYỆN UỶ").key(1), "ủy");
    /// ```
    pub fn key(&self, i: usize) -> &str {
        let Some(t) = self.tokens.get(i) else {
            return "";
        };
        let end = match self.tokens.get(i + 1) {
            // One separator stands between two keys.
            Some(next) => next.key - 1,
            None => self.keys.len(),
        };
        &self.keys[t.key..end]
    }

    /// Whether token `i` has the kind `kind` (false past the end).
    ///
    /// ```
    /// use vntext::tokenize::TokenKind;
    /// assert!(vntext::document::Document::new("ngày 5").is(1, TokenKind::Number));
    /// ```
    pub fn is(&self, i: usize, kind: TokenKind) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == kind)
    }

    /// A slice of the normalized text (`""` when the span does not fit).
    ///
    /// ```
    /// use vntext::{document::Document, Span};
    /// assert_eq!(Document::new("Sìn Hồ").slice(Span::new(0, 4)), "Sìn");
    /// ```
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.norm.text)
    }

    /// The span from the first byte of token `a` to the last byte of token `b - 1`
    /// (empty at `a`'s start when `b <= a`).
    ///
    /// ```
    /// let doc = vntext::document::Document::new("Bí thư Tỉnh ủy, ông A");
    /// assert_eq!(doc.slice(doc.span(0, 4)), "Bí thư Tỉnh ủy");
    /// ```
    pub fn span(&self, a: usize, b: usize) -> Span {
        let Some(first) = self.tokens.get(a) else {
            let end = self.norm.text.len();
            return Span::new(end, end);
        };
        match b.checked_sub(1).and_then(|l| self.tokens.get(l)) {
            Some(last) if b > a => Span::new(first.span.start, last.span.end),
            _ => Span::new(first.span.start, first.span.start),
        }
    }

    /// The text of tokens `a..b` with the gaps between them, as written.
    ///
    /// ```
    /// let doc = vntext::document::Document::new("Phó Thủ tướng Hoàng Trung\nHải");
    /// assert_eq!(doc.text_between(3, 6), "Hoàng Trung\nHải");
    /// ```
    pub fn text_between(&self, a: usize, b: usize) -> &str {
        self.slice(self.span(a, b))
    }

    /// The whitespace before token `i` (empty for the first token and past the end).
    ///
    /// ```
    /// assert_eq!(vntext::document::Document::new("a \t b").gap_text(1), " \t ");
    /// ```
    pub fn gap_text(&self, i: usize) -> &str {
        match (
            i.checked_sub(1).and_then(|p| self.tokens.get(p)),
            self.tokens.get(i),
        ) {
            (Some(p), Some(t)) => self.slice(Span::new(p.span.end, t.span.start)),
            _ => "",
        }
    }

    /// The index of the token holding byte `pos`, or of the first token after it.
    ///
    /// ```
    /// let doc = vntext::document::Document::new("Sìn Hồ huyện");
    /// assert_eq!(doc.token_at(6), 1);
    /// assert_eq!(doc.token_at(4), 1);
    /// assert_eq!(doc.token_at(100), 3);
    /// ```
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= pos)
    }

    /// The lines of the text.
    ///
    /// ```
    /// assert_eq!(vntext::document::Document::new("a\nb\n").lines().len(), 2);
    /// ```
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// The index of the line holding token `i`.
    ///
    /// ```
    /// assert_eq!(vntext::document::Document::new("a\n\nb c").line_of(2), 2);
    /// ```
    pub fn line_of(&self, i: usize) -> usize {
        self.lines
            .partition_point(|l| l.tokens.end <= i)
            .min(self.lines.len().saturating_sub(1))
    }

    /// The cells of line `l`: spans split at tabs and at runs of three or more spaces (table
    /// columns, the two halves of a document header, signature blocks).
    ///
    /// ```
    /// let doc = vntext::document::Document::new("UBND TỈNH LAI CHÂU      CỘNG HÒA\tXÃ HỘI");
    /// let cells: Vec<&str> = doc.cells(0).iter().map(|s| doc.slice(*s)).collect();
    /// assert_eq!(cells, ["UBND TỈNH LAI CHÂU", "CỘNG HÒA", "XÃ HỘI"]);
    /// ```
    pub fn cells(&self, l: usize) -> Vec<Span> {
        let Some(line) = self.lines.get(l) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut end = 0;
        for i in line.tokens.clone() {
            let t = &self.tokens[i];
            if t.gap == Gap::Column
                && let Some(s) = start.take()
            {
                out.push(Span::new(s, end));
            }
            start.get_or_insert(t.span.start);
            end = t.span.end;
        }
        if let Some(s) = start {
            out.push(Span::new(s, end));
        }
        out
    }

    /// The sentences, as token ranges.
    ///
    /// ```
    /// let doc = vntext::document::Document::new("Một. Hai ba.");
    /// assert_eq!(doc.sentences(), [0..2, 2..5]);
    /// ```
    pub fn sentences(&self) -> &[Range<usize>] {
        &self.sentences
    }

    /// The index of the sentence holding token `i`.
    ///
    /// ```
    /// assert_eq!(vntext::document::Document::new("Một. Hai ba.").sentence_of(3), 1);
    /// ```
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|s| s.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// Token, syllable and sentence counts.
    ///
    /// ```
    /// let c = vntext::document::Document::new("Sìn Hồ. HĐND huyện họp.").counts();
    /// assert_eq!((c.tokens, c.syllables, c.sentences), (7, 4, 2));
    /// ```
    pub fn counts(&self) -> TextCounts {
        self.counts
    }

    /// The lexicon hits starting at token `i`, longest first.
    ///
    /// ```
    /// use vntext::lexicon::Lex;
    /// let doc = vntext::document::Document::new("Phó Chủ tịch UBND");
    /// assert!(doc.hits_at(1).iter().any(|h| h.lex == Lex::Title && h.end == 3));
    /// ```
    pub fn hits_at(&self, i: usize) -> &[Hit] {
        match (self.hit_offsets.get(i), self.hit_offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.hits[a..b],
            _ => &[],
        }
    }

    /// Every lexicon hit, sorted by first token (longest first).
    ///
    /// ```
    /// use vntext::lexicon::Lex;
    /// let doc = vntext::document::Document::new("người Tày và người Dao");
    /// assert_eq!(doc.hits().iter().filter(|h| h.lex == Lex::EthnicGroup).count(), 2);
    /// ```
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// Whether a phrase of `lex` starts at token `i`.
    ///
    /// ```
    /// use vntext::lexicon::Lex;
    /// assert!(vntext::document::Document::new("ông Lò Văn Giàng").has(1, Lex::FamilyName));
    /// ```
    pub fn has(&self, i: usize, lex: Lex) -> bool {
        self.tokens.get(i).is_some_and(|t| t.lex & lex.bit() != 0)
    }

    /// The longest phrase of `lex` starting at token `i`.
    ///
    /// ```
    /// use vntext::lexicon::Lex;
    /// let doc = vntext::document::Document::new("Bí thư Tỉnh ủy");
    /// let h = doc.hit(2, Lex::OrgWord).unwrap();
    /// assert_eq!((h.start, h.end), (2, 4));
    /// ```
    pub fn hit(&self, i: usize, lex: Lex) -> Option<Hit> {
        if !self.has(i, lex) {
            return None;
        }
        self.hits_at(i).iter().find(|h| h.lex == lex).copied()
    }

    /// The longest phrase of `lex` ending at token `end - 1` and starting at or after `floor`.
    ///
    /// ```
    /// use vntext::lexicon::Lex;
    /// let doc = vntext::document::Document::new("chức vụ Bí thư Tỉnh ủy");
    /// assert_eq!(doc.hit_ending(6, Lex::OrgWord, 0).map(|h| h.start), Some(4));
    /// ```
    pub fn hit_ending(&self, end: usize, lex: Lex, floor: usize) -> Option<Hit> {
        (floor..end).find_map(|s| {
            self.hits_at(s)
                .iter()
                .find(|h| h.lex == lex && h.end == end)
                .copied()
        })
    }

    /// The entry of `lex` whose phrase is spelled by tokens `a..b` (their keys, joined by one
    /// space), whether the table is matched over documents or only looked up: how an extractor
    /// asks a table about the words at a known place (`trả trước 1/6 hóa đơn`: is `hóa đơn` a
    /// counted noun?) without the table's phrases being matched everywhere. Like hits, a phrase
    /// does not cross a blank line or a column gap.
    ///
    /// ```
    /// use vntext::lexicon::Lex;
    /// let doc = vntext::document::Document::new("Bí thư Tỉnh uỷ\n\nxã");
    /// assert_eq!(doc.phrase_entry(Lex::Title, 0, 2).map(|e| e.phrase()), Some("bí thư"));
    /// assert!(doc.phrase_entry(Lex::Title, 0, 1).is_none());
    /// assert!(doc.phrase_entry(Lex::OrgWord, 2, 4).is_some()); // "tỉnh ủy"
    /// assert!(doc.phrase_entry(Lex::OrgWord, 3, 5).is_none()); // a blank line between
    /// ```
    pub fn phrase_entry(&self, lex: Lex, a: usize, b: usize) -> Option<&'a Entry> {
        if b <= a || b > self.tokens.len() {
            return None;
        }
        if b == a + 1 {
            return self.lexicons.get(lex, self.key(a));
        }
        if self.tokens[a + 1..b]
            .iter()
            .any(|t| matches!(t.gap, Gap::Paragraph | Gap::Column))
        {
            return None;
        }
        let mut key = String::with_capacity(8 * (b - a));
        for i in a..b {
            if i > a {
                key.push(' ');
            }
            key.push_str(self.key(i));
        }
        self.lexicons.get(lex, &key)
    }

    /// Maps a span of [`Document::text`] to the caller's original text, widened to char
    /// boundaries.
    ///
    /// ```
    /// let doc = vntext::document::Document::new("Hà\u{A0}\u{A0}Nội");
    /// let nội = doc.token(1).span;
    /// assert_eq!(doc.original_text(nội), "Nội");
    /// ```
    pub fn to_original(&self, span: Span) -> Span {
        let r = self.norm.to_original(span.start..span.end);
        let o = self.original;
        let (mut s, mut e) = (r.start.min(o.len()), r.end.min(o.len()));
        while s > 0 && !o.is_char_boundary(s) {
            s -= 1;
        }
        while e < o.len() && !o.is_char_boundary(e) {
            e += 1;
        }
        Span::new(s, e.max(s))
    }

    /// The caller's original text under a span of [`Document::text`].
    ///
    /// ```
    /// let doc = vntext::document::Document::new("Cộng hoà  xã");
    /// assert_eq!(doc.original_text(doc.span(0, 3)), "Cộng hoà  xã");
    /// ```
    pub fn original_text(&self, span: Span) -> &'a str {
        self.to_original(span).slice(self.original)
    }

    /// Spans of page chrome (menus, counters, share links…) found by the layout stage, sorted
    /// and disjoint; empty until an [`Analyzer`](crate::Analyzer) lays the page out.
    ///
    /// ```
    /// assert!(vntext::document::Document::new("Hà Nội").chrome().is_empty());
    /// ```
    pub fn chrome(&self) -> &[Span] {
        &self.chrome
    }

    /// Whether a span overlaps page chrome.
    ///
    /// ```
    /// use vntext::{document::Document, Span};
    /// assert!(!Document::new("Hà Nội").in_chrome(Span::new(0, 3)));
    /// ```
    pub fn in_chrome(&self, span: Span) -> bool {
        let i = self.chrome.partition_point(|c| c.end <= span.start);
        self.chrome.get(i).is_some_and(|c| c.overlaps(span))
    }

    /// The article structure found by the layout stage (title, dateline, author, chrome);
    /// empty until an [`Analyzer`](crate::Analyzer) lays the page out.
    ///
    /// ```
    /// let a = vntext::Analyzer::new();
    /// let doc = a.document("Tiêu đề\nThứ hai - 24/01/2022 09:17\nNội dung.");
    /// assert_eq!(doc.article().published.as_deref(), Some("2022-01-24T09:17"));
    /// ```
    pub fn article(&self) -> &Article {
        &self.article
    }

    /// The class of line `l` ([`Document::lines`]) found by the layout stage: headline,
    /// dateline, byline, body, or a kind of page chrome; [`LineClass::Blank`] until an
    /// [`Analyzer`](crate::Analyzer) lays the page out.
    ///
    /// ```
    /// use vntext::article::LineClass;
    /// let analyzer = vntext::Analyzer::new();
    /// let doc = analyzer.document("Tiêu đề\nThứ hai - 24/01/2022 09:17\nNội dung.");
    /// assert_eq!(doc.line_class(0), LineClass::Headline);
    /// assert_eq!(doc.line_class(1), LineClass::Dateline);
    /// ```
    pub fn line_class(&self, l: usize) -> LineClass {
        self.article.class_of(l)
    }

    /// The publication date of the article, if the layout found one: the reference for dates
    /// written without a year (not for a legal document, whose signing date it is).
    ///
    /// ```
    /// let analyzer = vntext::Analyzer::new();
    /// let doc = analyzer.document("Tiêu đề\nThứ hai - 24/01/2022 09:17\nNội dung.");
    /// assert_eq!(doc.reference_date().map(|d| d.year), Some(2022));
    /// ```
    pub fn reference_date(&self) -> Option<CalendarDate> {
        // A legal document's signing date is no reference: its dates without a year are
        // recurring (`ngày 01 tháng 01`) or historical (`Cách mạng tháng Tám`).
        if self.article.document.is_some() {
            return None;
        }
        let s = self.article.published.as_deref()?;
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        CalendarDate::new(
            s.get(0..4)?.parse().ok()?,
            s.get(5..7)?.parse().ok()?,
            s.get(8..10)?.parse().ok()?,
        )
    }

    /// Sets the layout stage's result: the article structure and its chrome spans.
    pub(crate) fn set_layout(&mut self, article: Article) {
        self.set_chrome(article.chrome.clone());
        self.article = article;
    }

    /// Sets the chrome spans, sorting and merging them.
    fn set_chrome(&mut self, mut chrome: Vec<Span>) {
        chrome.sort();
        let mut merged: Vec<Span> = Vec::with_capacity(chrome.len());
        for c in chrome {
            match merged.last_mut() {
                Some(last) if c.start <= last.end => last.end = last.end.max(c.end),
                _ => merged.push(c),
            }
        }
        self.chrome = merged;
    }
}

/// The gap class of whitespace bytes between two tokens.
fn classify_gap(g: &[u8]) -> Gap {
    match g {
        [] => Gap::None,
        [b' '] | [b' ', b' '] => Gap::Space,
        _ => {
            let newlines = g.iter().filter(|&&b| b == b'\n').count();
            match newlines {
                0 if g.contains(&b'\t') || g.windows(3).any(|w| w == b"   ") => Gap::Column,
                0 => Gap::Space,
                1 => Gap::Line,
                _ => Gap::Paragraph,
            }
        }
    }
}

/// The end of a line that stops at the line break at `nl`, without a carriage return.
fn trim_cr(b: &[u8], start: usize, nl: usize) -> usize {
    if nl > start && b[nl - 1] == b'\r' {
        nl - 1
    } else {
        nl
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_lines_sentences_and_counts_agree_with_the_tokenizer() {
        let text = include_str!("../../data/articles/sin-ho-dan-van.txt");
        let doc = Document::new(text);
        let norm = analysis_normalizer().normalize(text);
        assert_eq!(doc.text(), norm.text);
        let toks = tokenize::tokenize(doc.text());
        assert_eq!(doc.len(), toks.len());
        for (d, t) in doc.tokens().iter().zip(&toks) {
            assert_eq!((d.span.start, d.span.end, d.kind), (t.start, t.end, t.kind));
        }
        assert_eq!(doc.counts(), tokenize::counts(doc.text()));
        let sentences: Vec<_> = tokenize::sentences(doc.text()).collect();
        assert_eq!(doc.sentences().len(), sentences.len());
        for (r, s) in doc.sentences().iter().zip(&sentences) {
            assert_eq!(doc.span(r.start, r.end), Span::new(s.start, s.end));
        }
        let lines: Vec<&str> = doc.text().lines().collect();
        assert_eq!(doc.lines().len(), lines.len());
        for (l, want) in doc.lines().iter().zip(&lines) {
            assert_eq!(doc.slice(l.span), want.trim_end_matches('\r'));
            for i in l.tokens.clone() {
                assert!(
                    l.span.start <= doc.token(i).span.start && doc.token(i).span.end <= l.span.end
                );
            }
        }
    }

    #[test]
    fn hits_match_whole_tokens_only() {
        // `hà` is a family name and a place word; inside `nhà` it is no match.
        let doc = Document::new("nhà Hà Giang");
        assert!(!doc.has(0, Lex::FamilyName) && !doc.has(0, Lex::Place));
        assert!(doc.has(1, Lex::FamilyName));
        assert_eq!(doc.hit(1, Lex::Place).map(|h| h.end), Some(3));
        // A token's bits are those of the lexicons of the hits starting at it, and no other.
        for i in 0..doc.len() {
            let from_hits = doc.hits_at(i).iter().fold(0, |b, h| b | h.lex.bit());
            assert_eq!(doc.token(i).lex_bits(), from_hits, "token {i}");
        }
        // A phrase crosses a single line break but not a blank line or a column gap.
        assert!(
            Document::new("Hà\nGiang")
                .hit(0, Lex::Place)
                .is_some_and(|h| h.end == 2)
        );
        assert!(
            Document::new("Hà\n\nGiang")
                .hit(0, Lex::Place)
                .is_none_or(|h| h.end == 1)
        );
        assert!(
            Document::new("Hà\tGiang")
                .hit(0, Lex::Place)
                .is_none_or(|h| h.end == 1)
        );
    }

    #[test]
    fn empty_and_whitespace_texts() {
        for t in ["", " ", "\n\n", "\t \r\n"] {
            let doc = Document::new(t);
            assert!(doc.is_empty());
            assert!(doc.hits().is_empty());
            assert!(doc.sentences().is_empty());
            assert_eq!(doc.key(0), "");
            assert_eq!(doc.span(0, 3).len(), 0);
        }
    }
}
