//! The report (báo cáo) of one text: what [`Analyzer::analyze`](crate::Analyzer::analyze) returns.

use crate::article::LegalDocument;
use crate::decode::Replacements;
use crate::ethnic::EthnicGroupMentions;
use crate::extract::dates::DateMention;
use crate::extract::docnum::DocumentNumber;
use crate::extract::officials::Official;
use crate::stats::Statistic;

/// Sizes of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Counts {
    /// Bytes of the input as given (before decoding).
    pub bytes: usize,
    /// Characters of the decoded text.
    pub chars: usize,
    /// Tokens (words, numbers, punctuation…; not whitespace).
    pub tokens: usize,
    /// Tokens that look like Vietnamese syllables.
    pub syllables: usize,
    /// Of those, the valid ones.
    pub valid_syllables: usize,
    /// Sentences.
    pub sentences: usize,
}

/// A removed span of page chrome, with its text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ChromeSpan {
    /// The text as written.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// The report of one text. Spans (`start`, `end`) are byte offsets into the input as given:
/// the text given to [`Analyzer::analyze`](crate::Analyzer::analyze), or the bytes given to
/// [`Analyzer::analyze_bytes`](crate::Analyzer::analyze_bytes) when they are UTF-8 (after a
/// byte-order mark, with invalid sequences read as U+FFFD), and `text == input[start..end]`
/// (for damaged UTF-8: `text` is `input[start..end]` decoded, U+FFFD for a bad sequence). For
/// bytes in a legacy encoding or UTF-16, spans index the decoded UTF-8 text.
///
/// ```
/// let report = vntext::analyze("Kết luận số 69-KL/TU, ngày 09/4/2021");
/// assert_eq!(report.encoding, "utf-8");
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Report {
    /// Where the text came from (a path), when the caller says.
    pub source: Option<String>,
    /// The encoding the input was read as, printed by its name (`utf-8`, `tcvn3`, `vni`…).
    pub encoding: crate::decode::Encoding,
    /// Confidence of the encoding detection, 0..=1.
    pub encoding_confidence: f64,
    /// Invalid byte sequences of the input read as U+FFFD (damaged UTF-8 or UTF-16, see
    /// [`Decoder`](crate::decode::Decoder)): the exact count and the first offsets.
    #[cfg_attr(feature = "serde", serde(default))]
    pub replaced: Replacements,
    /// The article's title, for scraped pages.
    pub title: Option<String>,
    /// The dateline, ISO `YYYY-MM-DDTHH:MM`.
    pub published: Option<String>,
    /// The author.
    pub author: Option<String>,
    /// The outlet, agency or work the article credits as its source (`Theo TTXVN` → `TTXVN`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub credit: Option<String>,
    /// A legal document's title block (type name, trích yếu) and signing date.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub document: Option<LegalDocument>,
    /// Sizes.
    pub counts: Counts,
    /// Document numbers (số, ký hiệu văn bản).
    pub document_numbers: Vec<DocumentNumber>,
    /// Calendar dates whose day and month are written (kind `day` or `range`).
    pub dates: Vec<DateMention>,
    /// Coarser time expressions: months, quarters, years, terms (nhiệm kỳ, khóa) and periods
    /// (giai đoạn).
    pub periods: Vec<DateMention>,
    /// Officials.
    pub officials: Vec<Official>,
    /// Statistics.
    pub statistics: Vec<Statistic>,
    /// Ethnic groups mentioned.
    pub ethnic_groups: Vec<EthnicGroupMentions>,
    /// Page chrome kept out of the facts.
    pub chrome: Vec<ChromeSpan>,
}
