//! Tokens (từ tố) with byte spans, and sentences (câu): the layer every extractor stands on.
//!
//! [`tokens`] walks the text once, byte by byte with ASCII fast paths, and yields [`Token`]s that
//! borrow the input; [`tokenize`] collects them. [`sentences`] groups tokens into [`Sentence`]
//! spans, and [`counts`] does both in one pass without allocating.
//!
//! ```
//! use vntext::tokenize::{tokenize, TokenKind};
//! let toks = tokenize("Kết luận số 69-KL/TU, ngày 09/4/2021 của HĐND tỉnh: đạt 94%.");
//! let kinds: Vec<(&str, TokenKind)> = toks.iter().map(|t| (t.text, t.kind)).collect();
//! assert!(kinds.contains(&("69-KL/TU", TokenKind::DocumentCode)));
//! assert!(kinds.contains(&("09/4/2021", TokenKind::Date)));
//! assert!(kinds.contains(&("HĐND", TokenKind::Abbreviation)));
//! assert!(kinds.contains(&("94%", TokenKind::Percent)));
//! ```
//!
//! # Guarantees
//! - **Lossless**: tokens never overlap, come in increasing order, are never empty, start and end
//!   on char boundaries, and everything between two tokens (and before the first, after the last)
//!   is a *gap* of whitespace: Unicode `White_Space` plus the invisible separators U+200B (zero
//!   width space), U+2060 (word joiner) and U+FEFF (BOM). Concatenating gaps and tokens gives back
//!   the input exactly, whatever it holds (mixed scripts, emoji, control characters, U+FFFD from
//!   broken UTF-8). A few token kinds may hold a single inner space: see below.
//! - **Linear**: every byte is looked at a bounded number of times; look-aheads are bounded.
//! - **No allocation** per token; [`counts`] allocates nothing at all. Validity answers of
//!   [`crate::syllable::is_valid`] are memoised per thread (a two-way table of 8192 words of
//!   up to 15 bytes), so the syllable check costs one hash and one or two compares for the few
//!   thousand syllables that make up most Vietnamese text.
//!
//! # How the text is cut (the choices, for a careful reader)
//! - **Words** are runs of letters (any script), combining marks and soft hyphens (U+00AD, kept
//!   inside the word: `đ­ược` is one token). Their kind comes from
//!   [`crate::syllable::is_valid`], asked about the word after removing soft hyphens, composing
//!   combining marks (NFC) and mapping the look-alike `Ð`/`ð` (U+00D0/U+00F0) to `Đ`/`đ`:
//!   - valid → [`TokenKind::Syllable`];
//!   - all capitals, or at least two capitals making half the letters (`UBND`, `HĐND`, `TTg`,
//!     `ThS`) → [`TokenKind::Abbreviation`]; capital words that *are* spelled like syllables stay
//!     syllables (`HÀ NỘI`), except the few listed in `data/tokenize/abbreviations.tsv` (`TU`, `HU`);
//!   - other words with Vietnamese letters (diacritics, `đ`) → [`TokenKind::InvalidSyllable`];
//!   - anything else (`Covid`, `Plan`, other scripts, a lone consonant) → [`TokenKind::Foreign`].
//! - **Glued syllables** (dính chữ) of a careful reader: an invalid word with Vietnamese letters
//!   is split where both halves are valid syllables (`Chủtịch` → `Chủ` + `tịch`, `tỷđồng` →
//!   `tỷ` + `đồng`, at most three pieces). This needs the real phonotactic parser behind
//!   `syllable::is_valid`.
//! - Apostrophes and hyphens are not part of words: `H'Mông` → `H` `'` `Mông`, `Ê-đê` →
//!   `Ê` `-` `đê` (the extractors join names); `Covid-19` → `Covid` `-` `19`.
//! - **Letters and digits** are split where case tells them apart: `năm1998` → `năm` + `1998`,
//!   `tháng5`, `nay19,156`, `5.800tỷđồng` → `5.800` + `tỷ` + `đồng`. A capital non-syllable
//!   followed by digits stays whole (`NHNN14`, `QH13`, `F0`, `H5N1`: abbreviation).
//! - **Numbers** ([`TokenKind::Number`]): digits with `.`/`,` groups between digits, whatever the
//!   convention (`32,5`, `1.234.567`, `18,912,473`, `3.14`), zero-padded (`04`), and fractions
//!   `7/10`, `27/31`. A trailing dot is never part of a number (`năm 2020.`). **Ranges are split**:
//!   `2016-2020` → `2016` `-` `2020`, like the spaced form `2016 - 2020`; only day ranges inside a
//!   date stay whole (`27-28/7/2020`).
//! - **Dates** ([`TokenKind::Date`]): `d/m/yyyy`, `d-m-yyyy`, `d.m.yyyy`, `d/m/yy`, day ranges
//!   `27-28/7/2020`, `m/yyyy` (`7/2020`), and `d/m` only after a day word (`ngày 5/3`, `hôm`,
//!   `sáng`…) or as a day range (`27-28/7`); day 1–31, month 1–12 are checked.
//! - **Times** ([`TokenKind::Time`]): `09:17`, `9:05:30`, `18h30`, `18h`, `7g30`.
//! - **Percentages** ([`TokenKind::Percent`]): `94%`, `14,7 %` (one inner space kept), `5‰`.
//! - **Document codes** ([`TokenKind::DocumentCode`], số ký hiệu): a number followed by `-`/`/`
//!   parts of which one is a capital code (`69-KL/TU`, `67/2022/TT-BTC`, `178/CP`), with single
//!   spaces tolerated around `/` when at least three parts are present (`144 /2002/QĐ/BTC`,
//!   `320/ CV-NHNN14`; a number separated by a plain space from its code, as in old
//!   `1141 TC/QĐ/CĐKT`, stays two tokens); and capital codes joined by `-`/`/` with at least one part that is not a
//!   syllable and one that is a document type of the table (`QĐ-UBND`, `QÐ-UBND` with U+00D0,
//!   `NĐ-CP`, `KL/TU`, `TC/QĐ/CĐKT`). Other capital chains are abbreviations (`HIV/AIDS`,
//!   `KCX-KCN`, and the table's `KT-XH`, `QP-AN`, `V/v`, `GD&ĐT`), and capital syllables
//!   joined by a hyphen in headings (`TẾ-XÃ`) are split.
//! - **Abbreviations with dots**: chains of short non-syllables (`TP.HCM`, `PGS.TS`, `Th.S`,
//!   `v.v.`), and the table's dotted forms keep their dot when a space follows (`TP.` in
//!   `TP. Hồ Chí Minh`, `TS.`, `KT.`, `TM.`). A lone capital with a dot is not an abbreviation
//!   unless listed (`H.`, `Q.`, `P.`, `X.` are: huyện, quận, phường, xã).
//! - **URLs** (`https://…`, `www.…`, bare domains ending in a common TLD such as `laichau.gov.vn`),
//!   **e-mails**, **hashtags** `#…`, **mentions** `@…`, **emoji** sequences (with modifiers, ZWJ).
//! - **Punctuation** is one char per token except runs of the same char (`...`, `---`, `!!`) and
//!   the official end mark `./.`; `…` is one token. Currency signs (`$`, `₫`, `€`, and `đ` glued
//!   to a number as in `500.000đ`) are [`TokenKind::Currency`]; other signs are symbols.
//! - Control characters, U+FFFD, stray combining marks and invisible format characters are
//!   [`TokenKind::Other`].

mod abbrev;
pub(crate) mod chars;
mod scan;
pub(crate) use scan::{MASKS, digits_end};
pub(crate) mod sentence;
#[cfg(target_arch = "x86_64")]
mod simd;

pub use sentence::{Sentence, Sentences, sentences};

/// What a token is (loại từ tố).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TokenKind {
    /// A valid Vietnamese syllable (âm tiết): `Việt`, `HỘI`.
    Syllable,
    /// A word with Vietnamese letters that is not a valid syllable (âm tiết sai chính tả): a typo,
    /// a minority-language or foreign name written with Vietnamese letters.
    InvalidSyllable,
    /// A word of letters that is neither a Vietnamese syllable nor an abbreviation (từ nước
    /// ngoài): `Covid`, `Plan`, words of other scripts.
    Foreign,
    /// An abbreviation (chữ viết tắt): `HĐND`, `UBND`, `TP.HCM`, `TP.`, `v.v.`, `KT-XH`.
    Abbreviation,
    /// A number (số): `2021`, `04`, `32,5`, `1.234.567`, `18,912,473`, `7/10`.
    Number,
    /// A document code (số, ký hiệu văn bản): `69-KL/TU`, `67/2022/TT-BTC`, `QĐ-UBND`.
    DocumentCode,
    /// A date (ngày tháng): `09/4/2021`, `27-28/7/2020`, `7/2020`.
    Date,
    /// A time of day (giờ): `09:17`, `18h30`.
    Time,
    /// A percentage (tỷ lệ phần trăm): `94%`, `14,7 %`.
    Percent,
    /// A currency sign (ký hiệu tiền tệ): `$`, `₫`, `€`, `đ` right after a number.
    Currency,
    /// Punctuation (dấu câu): `.`, `,`, `“`, `…`, `-`, `./.`.
    Punctuation,
    /// A symbol (ký hiệu): `+`, `=`, `&`, `°`, `©`, a lone `%`.
    Symbol,
    /// A web address: `https://laichau.gov.vn/…`, `www.chinhphu.vn`.
    Url,
    /// An e-mail address (thư điện tử).
    Email,
    /// A hashtag: `#ChuyenDoiSo`.
    Hashtag,
    /// A mention: `@laichau`.
    Mention,
    /// An emoji (biểu tượng cảm xúc), with its modifiers and ZWJ sequence.
    Emoji,
    /// Anything else: control characters, U+FFFD, stray combining marks, format characters.
    Other,
}

impl TokenKind {
    /// Whether the token is shaped like a Vietnamese syllable, valid or not (counted in
    /// [`TextCounts::syllables`]).
    ///
    /// ```
    /// use vntext::tokenize::TokenKind;
    /// assert!(TokenKind::Syllable.is_syllable_like());
    /// assert!(TokenKind::InvalidSyllable.is_syllable_like());
    /// assert!(!TokenKind::Abbreviation.is_syllable_like());
    /// ```
    pub fn is_syllable_like(self) -> bool {
        matches!(self, TokenKind::Syllable | TokenKind::InvalidSyllable)
    }

    /// The snake_case name used in JSON and in the test tables (`document_code`).
    ///
    /// ```
    /// use vntext::tokenize::TokenKind;
    /// assert_eq!(TokenKind::DocumentCode.name(), "document_code");
    /// assert_eq!(TokenKind::from_name("date"), Some(TokenKind::Date));
    /// ```
    pub fn name(self) -> &'static str {
        KIND_NAMES
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("other", |(_, n)| n)
    }

    /// The kind named `name` (as printed by [`TokenKind::name`]), if any.
    ///
    /// ```
    /// assert_eq!(vntext::tokenize::TokenKind::from_name("nope"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<TokenKind> {
        KIND_NAMES.iter().find(|(_, n)| *n == name).map(|(k, _)| *k)
    }

    /// Every kind, in declaration order.
    ///
    /// ```
    /// assert!(vntext::tokenize::TokenKind::ALL.len() >= 18);
    /// ```
    pub const ALL: [TokenKind; 18] = [
        TokenKind::Syllable,
        TokenKind::InvalidSyllable,
        TokenKind::Foreign,
        TokenKind::Abbreviation,
        TokenKind::Number,
        TokenKind::DocumentCode,
        TokenKind::Date,
        TokenKind::Time,
        TokenKind::Percent,
        TokenKind::Currency,
        TokenKind::Punctuation,
        TokenKind::Symbol,
        TokenKind::Url,
        TokenKind::Email,
        TokenKind::Hashtag,
        TokenKind::Mention,
        TokenKind::Emoji,
        TokenKind::Other,
    ];
}

const KIND_NAMES: [(TokenKind, &str); 18] = [
    (TokenKind::Syllable, "syllable"),
    (TokenKind::InvalidSyllable, "invalid_syllable"),
    (TokenKind::Foreign, "foreign"),
    (TokenKind::Abbreviation, "abbreviation"),
    (TokenKind::Number, "number"),
    (TokenKind::DocumentCode, "document_code"),
    (TokenKind::Date, "date"),
    (TokenKind::Time, "time"),
    (TokenKind::Percent, "percent"),
    (TokenKind::Currency, "currency"),
    (TokenKind::Punctuation, "punctuation"),
    (TokenKind::Symbol, "symbol"),
    (TokenKind::Url, "url"),
    (TokenKind::Email, "email"),
    (TokenKind::Hashtag, "hashtag"),
    (TokenKind::Mention, "mention"),
    (TokenKind::Emoji, "emoji"),
    (TokenKind::Other, "other"),
];

/// A token (từ tố) borrowing the input.
///
/// ```
/// let t = vntext::tokenize::tokens("Sìn Hồ").nth(1).unwrap();
/// assert_eq!((t.text, t.start, t.end), ("Hồ", 5, 9));
/// ```
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

/// Iterator over the tokens of a text; see [`tokens`].
///
/// ```
/// let mut it = vntext::tokenize::tokens("Hà Nội, 2021");
/// assert_eq!(it.next().unwrap().text, "Hà");
/// assert_eq!(it.count(), 3);
/// ```
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    scanner: scan::Scanner<'a>,
}

/// Iterates over the tokens of `text`, left to right, without allocating.
///
/// ```
/// use vntext::tokenize::{tokens, TokenKind};
/// let kinds: Vec<TokenKind> = tokens("HĐND huyện chi 5.800tỷđồng").map(|t| t.kind).collect();
/// assert_eq!(kinds[0], TokenKind::Abbreviation);
/// assert_eq!(kinds[3], TokenKind::Number);
/// ```
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens {
        scanner: scan::Scanner::new(text),
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        self.scanner.next_token()
    }
}

impl std::iter::FusedIterator for Tokens<'_> {}

/// Collects the tokens of `text`.
///
/// ```
/// let toks = vntext::tokenize::tokenize("Sìn Hồ");
/// assert_eq!(toks.len(), 2);
/// ```
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    // Vietnamese text averages about five bytes per token (a syllable and its space): reserve
    // for that once instead of growing the vector step by step.
    let mut v = Vec::with_capacity(text.len() / 5 + 1);
    v.extend(tokens(text));
    // Text of long tokens (a URL list, one huge word) does not keep the reserve.
    if v.capacity() > 2 * v.len() + 64 {
        v.shrink_to_fit();
    }
    v
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

/// Counts tokens, syllables and sentences in one pass, without allocating.
///
/// ```
/// let c = vntext::tokenize::counts("Sìn Hồ. HĐND huyện họp.");
/// assert_eq!(c.tokens, 7);
/// assert_eq!(c.sentences, 2);
/// assert_eq!(c.syllables, 4);
/// ```
pub fn counts(text: &str) -> TextCounts {
    // Plain locals, not fields of the result, so that they stay in registers.
    let (mut tokens, mut syllables, mut valid_syllables, mut sentences) = (0, 0, 0, 0);
    let mut splitter = sentence::Splitter::new(text);
    for t in self::tokens(text) {
        tokens += 1;
        match t.kind {
            TokenKind::Syllable => {
                syllables += 1;
                valid_syllables += 1;
            }
            TokenKind::InvalidSyllable => syllables += 1,
            _ => {}
        }
        if splitter.push(&t).is_some() {
            sentences += 1;
        }
    }
    if splitter.finish().is_some() {
        sentences += 1;
    }
    TextCounts {
        tokens,
        syllables,
        valid_syllables,
        sentences,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(&str, TokenKind)> {
        tokens(s).map(|t| (t.text, t.kind)).collect()
    }

    #[test]
    fn names_round_trip() {
        for k in TokenKind::ALL {
            assert_eq!(TokenKind::from_name(k.name()), Some(k));
        }
    }

    #[test]
    fn basic_kinds() {
        use TokenKind::*;
        assert_eq!(
            kinds("Hằng năm HĐND, MTTQ huyện"),
            vec![
                ("Hằng", Syllable),
                ("năm", Syllable),
                ("HĐND", Abbreviation),
                (",", Punctuation),
                ("MTTQ", Abbreviation),
                ("huyện", Syllable)
            ]
        );
        assert_eq!(kinds("09:17")[0], ("09:17", Time));
        assert_eq!(kinds("18h30 sáng")[0], ("18h30", Time));
        assert_eq!(kinds("5ha")[0], ("5", Number));
        assert_eq!(kinds("14,7 %"), vec![("14,7 %", Percent)]);
        assert_eq!(kinds("2016-2020").len(), 3);
        assert_eq!(kinds("(27-28/7/2020)")[1], ("27-28/7/2020", Date));
        assert_eq!(
            kinds("số 67/2022/TT-BTC")[1],
            ("67/2022/TT-BTC", DocumentCode)
        );
        assert_eq!(kinds("QÐ-UBND"), vec![("QÐ-UBND", DocumentCode)]);
        assert_eq!(kinds("KT-XH"), vec![("KT-XH", Abbreviation)]);
        assert_eq!(kinds("khó khăn./.")[2], ("./.", Punctuation));
        assert_eq!(kinds("500.000đ")[1], ("đ", Currency));
    }

    #[test]
    fn counts_are_consistent_with_tokens() {
        let s = "Sìn Hồ tăng cường công tác dân vận.\nHĐND huyện họp ngày 09/4/2021.";
        let c = counts(s);
        assert_eq!(c.tokens, tokenize(s).len());
        assert_eq!(c.sentences, sentences(s).count());
        assert!(c.valid_syllables <= c.syllables);
    }
}
