//! The [`Analyzer`]: one entry point that runs the whole pipeline.

use std::sync::LazyLock;

use crate::Span;
use crate::article;
use crate::decode::{Decoded, Decoder, Encoding};
use crate::error::Error;
use crate::ethnic;
use crate::extract::{dates, docnum, officials};
use crate::normalize::{Normalized, Normalizer, ToneStyle};
use crate::report::{ChromeSpan, Counts, Report};
use crate::stats;
use crate::tokenize;

/// Runs decode → normalize → tokenize → extract → report. Built once, shared freely
/// (`Send + Sync`); analysis never fails.
///
/// ```
/// use vntext::Analyzer;
/// let analyzer = Analyzer::new();
/// let report = analyzer.analyze("Kết luận số 69-KL/TU, ngày 09/4/2021 của Ban Thường vụ Tỉnh ủy.");
/// assert_eq!(report.counts.bytes, "Kết luận số 69-KL/TU, ngày 09/4/2021 của Ban Thường vụ Tỉnh ủy.".len());
/// ```
#[derive(Debug, Clone)]
pub struct Analyzer {
    normalizer: Normalizer,
    decoder: Decoder,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

/// Builds an [`Analyzer`] with options.
///
/// ```
/// let analyzer = vntext::AnalyzerBuilder::new().build().unwrap();
/// # let _ = analyzer;
/// ```
#[derive(Debug, Clone, Default)]
pub struct AnalyzerBuilder {
    strict_decoding: bool,
}

impl AnalyzerBuilder {
    /// A builder with the default options.
    ///
    /// ```
    /// let b = vntext::AnalyzerBuilder::new();
    /// # let _ = b;
    /// ```
    pub fn new() -> Self {
        AnalyzerBuilder::default()
    }

    /// Whether [`Analyzer::analyze_bytes`] refuses damaged UTF-8 and UTF-16 (`true`) or reads
    /// their invalid sequences as U+FFFD and lists them in [`Report::replaced`] (`false`, the
    /// default). See [`Decoder`] for which bytes count as damaged.
    ///
    /// ```
    /// let bytes = b"H\xc3\xa0 N\xe1\xbb\x99i \x80 S\xc3\xacn H\xe1\xbb\x93"; // a stray 0x80
    /// let lenient = vntext::Analyzer::new();
    /// assert_eq!(lenient.analyze_bytes(bytes).unwrap().replaced.offsets, [10]);
    /// let strict = vntext::AnalyzerBuilder::new().strict_decoding(true).build().unwrap();
    /// assert!(strict.analyze_bytes(bytes).is_err());
    /// ```
    pub fn strict_decoding(mut self, yes: bool) -> Self {
        self.strict_decoding = yes;
        self
    }

    /// Builds the analyzer, loading (once per process) the embedded tables.
    ///
    /// # Errors
    /// Never with the embedded tables; reserved for user-supplied tables.
    ///
    /// ```
    /// let analyzer = vntext::AnalyzerBuilder::new().build().unwrap();
    /// # let _ = analyzer;
    /// ```
    pub fn build(self) -> Result<Analyzer, Error> {
        Ok(Analyzer {
            // Analysis keeps tone marks where the author put them (names are reported as
            // written) and the layout of the page (signature blocks are read by column), but
            // repairs everything that hides words from the recognisers.
            normalizer: Normalizer::new()
                .tone_style(ToneStyle::Preserve)
                .collapse_spaces(false),
            decoder: Decoder::new().strict(self.strict_decoding),
        })
    }
}

impl Analyzer {
    /// An analyzer with the default options.
    ///
    /// ```
    /// let analyzer = vntext::Analyzer::new();
    /// # let _ = analyzer;
    /// ```
    pub fn new() -> Self {
        AnalyzerBuilder::new()
            .build()
            .expect("embedded tables are valid")
    }

    /// Analyses a text.
    ///
    /// ```
    /// let report = vntext::Analyzer::new().analyze("Số: 67/2022/TT-BTC");
    /// assert_eq!(report.encoding, "utf-8");
    /// ```
    pub fn analyze(&self, text: &str) -> Report {
        self.analyze_decoded(text, text.len(), Encoding::Utf8, 1.0, None)
    }

    /// Decodes bytes (detecting the encoding, leniently unless built with
    /// [`AnalyzerBuilder::strict_decoding`]; see [`Decoder`]) and analyses them. Spans in the
    /// report index the bytes given when they are UTF-8 (with or without a byte-order mark or
    /// invalid sequences), the decoded UTF-8 text otherwise (legacy encodings, UTF-16).
    ///
    /// # Errors
    /// When the bytes are binary or in no known encoding, and when strict, damaged UTF-8 or
    /// UTF-16; see [`Decoder::decode`].
    ///
    /// ```
    /// let bytes = b"\xEF\xBB\xBFNg\xc3\xa0y 09/4/2021"; // "Ngày 09/4/2021" after a BOM
    /// let report = vntext::Analyzer::new().analyze_bytes(bytes).unwrap();
    /// assert_eq!(report.encoding, "utf-8");
    /// let d = &report.dates[0];
    /// assert_eq!(&bytes[d.start..d.end], d.text.as_bytes());
    /// ```
    pub fn analyze_bytes(&self, bytes: &[u8]) -> Result<Report, Error> {
        let decoded = self.decoder.decode(bytes)?;
        let mut report = self.analyze_decoded(
            &decoded.text,
            bytes.len(),
            decoded.encoding,
            decoded.confidence,
            Some(&decoded),
        );
        report.replaced = decoded.replaced.clone();
        Ok(report)
    }

    fn analyze_decoded(
        &self,
        original: &str,
        byte_len: usize,
        encoding: Encoding,
        confidence: f64,
        decoded: Option<&Decoded<'_>>,
    ) -> Report {
        let norm = self.normalizer.normalize(original);
        let text: &str = &norm.text;
        let tc = tokenize::counts(original);
        let art = article::parse_article(text);
        let chrome = art.chrome.clone();
        // Chrome spans come line by line, sorted and disjoint: a binary search per item keeps
        // pages with thousands of chrome lines linear.
        let in_chrome = |s: usize, e: usize| {
            let i = chrome.partition_point(|c| c.end <= s);
            chrome.get(i).is_some_and(|c| c.overlaps(Span::new(s, e)))
        };
        let reference = art.published.as_deref().and_then(parse_iso_date);

        let mut report = Report {
            source: None,
            encoding: encoding.name().to_string(),
            encoding_confidence: confidence,
            title: art.title.map(|s| s.slice(text).trim().to_string()),
            published: art.published.clone(),
            author: art.author.clone(),
            counts: Counts {
                bytes: byte_len,
                chars: original.chars().count(),
                tokens: tc.tokens,
                syllables: tc.syllables,
                valid_syllables: tc.valid_syllables,
                sentences: tc.sentences,
            },
            ..Report::default()
        };

        let map = Mapper {
            norm: &norm,
            original,
            decoded,
        };

        let found: Vec<_> = docnum::find_document_numbers(text)
            .into_iter()
            .filter(|d| !in_chrome(d.start, d.end))
            .collect();
        for mut d in docnum::unique(found) {
            (d.start, d.end, d.text) = map.span(d.start, d.end);
            report.document_numbers.push(d);
        }
        let found: Vec<_> = dates::find_dates(text, reference)
            .into_iter()
            .filter(|d| !in_chrome(d.start, d.end))
            .collect();
        for mut d in dates::unique(found) {
            (d.start, d.end, d.text) = map.span(d.start, d.end);
            if matches!(d.kind, dates::DateKind::Day | dates::DateKind::Range) {
                report.dates.push(d);
            } else {
                report.periods.push(d);
            }
        }
        for mut o in officials::find_officials(text) {
            if in_chrome(o.start, o.end) {
                continue;
            }
            let (ns, ne, name) = map.span(o.name_span.0, o.name_span.1);
            if !name.is_empty() {
                o.name = name;
                o.name_span = (ns, ne);
            }
            (o.start, o.end, o.text) = map.span(o.start, o.end);
            report.officials.push(o);
        }
        for mut s in stats::find_statistics(text) {
            if in_chrome(s.start, s.end) {
                continue;
            }
            (s.start, s.end, s.text) = map.span(s.start, s.end);
            report.statistics.push(s);
        }
        for mut g in ethnic::find_ethnic_groups(text) {
            g.spans.retain(|s| !in_chrome(s.start, s.end));
            if !g.spans.is_empty() {
                g.mentions = g.spans.len();
            }
            for s in &mut g.spans {
                let (a, b, _) = map.span(s.start, s.end);
                *s = Span::new(a, b);
            }
            if g.mentions > 0 {
                report.ethnic_groups.push(g);
            }
        }
        for c in &chrome {
            let (start, end, text) = map.span(c.start, c.end);
            report.chrome.push(ChromeSpan { text, start, end });
        }
        report
    }
}

/// Maps spans of the normalized text back to the original text, then to the caller's bytes
/// when they were decoded from UTF-8.
struct Mapper<'n, 'a> {
    norm: &'n Normalized<'a>,
    original: &'a str,
    decoded: Option<&'n Decoded<'n>>,
}

impl Mapper<'_, '_> {
    /// The span and text in the caller's input of `start..end` in the normalized text.
    fn span(&self, start: usize, end: usize) -> (usize, usize, String) {
        let (s, e, text) = self.original_span(start, end);
        let (s, e) = self.input_span(s, e);
        (s, e, text)
    }

    /// `start..end` of the original text in the bytes given to `analyze_bytes`, when the text
    /// indexes them (UTF-8 after a byte-order mark or with invalid sequences read as U+FFFD).
    fn input_span(&self, start: usize, end: usize) -> (usize, usize) {
        self.decoded
            .and_then(|d| Some((d.input_offset(start)?, d.input_offset(end)?)))
            .unwrap_or((start, end))
    }

    /// The span and text in the original (decoded) text of `start..end` in the normalized text.
    fn original_span(&self, start: usize, end: usize) -> (usize, usize, String) {
        let r = self.norm.to_original(start..end);
        let (mut s, mut e) = (
            r.start.min(self.original.len()),
            r.end.min(self.original.len()),
        );
        while s > 0 && !self.original.is_char_boundary(s) {
            s -= 1;
        }
        while e < self.original.len() && !self.original.is_char_boundary(e) {
            e += 1;
        }
        if e < s {
            e = s;
        }
        (s, e, self.original[s..e].to_string())
    }
}

fn parse_iso_date(s: &str) -> Option<dates::CalendarDate> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    Some(dates::CalendarDate {
        year: s.get(0..4)?.parse().ok()?,
        month: s.get(5..7)?.parse().ok()?,
        day: s.get(8..10)?.parse().ok()?,
    })
}

static DEFAULT: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

/// Analyses a text with a lazily built default [`Analyzer`].
///
/// ```
/// let report = vntext::analyze("Ngày 09/4/2021");
/// assert_eq!(report.counts.bytes, "Ngày 09/4/2021".len());
/// ```
pub fn analyze(text: &str) -> Report {
    DEFAULT.analyze(text)
}
