//! The [`Analyzer`]: one entry point that runs the whole pipeline.
//!
//! [`Analyzer::analyze`] builds one [`Document`] (normalized text, tokens with keys and values,
//! lines, sentences, lexicon hits), lays the page out (title, dateline, author, chrome), runs the
//! [extractors](crate::extract) it was built with over that document, settles their overlaps in
//! one place ([`extract::resolve`]) and maps every span back to the caller's input.

use std::sync::{Arc, LazyLock};

use crate::Span;
use crate::article;
use crate::decode::{Decoded, Decoder, Encoding};
use crate::document::{Document, analysis_normalizer};
use crate::error::{Error, ErrorKind};
use crate::extract::{self, EXTRACTORS, Extractor, Facts};
use crate::lexicon::{Addition, Lex, Lexicons};
use crate::normalize::{Normalizer, ToneStyle};
use crate::report::{ChromeSpan, Counts, Report};

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
    lexicons: Lexes,
    extractors: Vec<&'static dyn Extractor>,
    value_style: Option<Normalizer>,
    decoder: Decoder,
    section: Option<usize>,
}

/// The section size of long texts by default (see [`AnalyzerBuilder::sections`]).
///
/// ```
/// assert_eq!(vntext::DEFAULT_SECTION, 256 * 1024);
/// ```
pub const DEFAULT_SECTION: usize = 256 << 10;

/// The embedded lexicons, or the analyzer's own when the builder added entries.
#[derive(Debug, Clone)]
enum Lexes {
    Embedded,
    Own(Arc<Lexicons>),
}

impl Lexes {
    fn get(&self) -> &Lexicons {
        match self {
            Lexes::Embedded => Lexicons::embedded(),
            Lexes::Own(l) => l,
        }
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

/// Builds an [`Analyzer`] with options: which extractors run, the tone style of reported
/// values, and additions to the lexicons.
///
/// ```
/// use vntext::{AnalyzerBuilder, normalize::ToneStyle};
/// let analyzer = AnalyzerBuilder::new()
///     .tone_style(ToneStyle::Modern)
///     .extractors(&["dates", "officials"])
///     .build()
///     .unwrap();
/// let r = analyzer.analyze("Phó Thủ tướng Nguyễn Văn Thủy phát biểu ngày 09/4/2021, đạt 94%.");
/// assert_eq!(r.officials[0].name, "Nguyễn Văn Thuỷ"); // values in the chosen tone style
/// assert!(r.statistics.is_empty() && r.document_numbers.is_empty()); // not run
/// ```
#[derive(Debug, Clone, Default)]
pub struct AnalyzerBuilder {
    tone_style: Option<ToneStyle>,
    extractors: Option<Vec<String>>,
    additions: Vec<Addition>,
    strict_decoding: bool,
    section: Option<Option<usize>>,
}

impl AnalyzerBuilder {
    /// A builder with the default options: every extractor, values as written, the embedded
    /// lexicons.
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

    /// The tone style of reported values (names, titles, subjects, units): [`ToneStyle::Preserve`]
    /// (the default) reports them as written; `Traditional` or `Modern` puts every tone mark in
    /// one place so values from different sources compare equal. Spans and `text` fields always
    /// hold the input as written; lookups never depend on the style.
    ///
    /// ```
    /// use vntext::{AnalyzerBuilder, normalize::ToneStyle};
    /// let a = AnalyzerBuilder::new().tone_style(ToneStyle::Traditional).build().unwrap();
    /// let r = a.analyze("Phó Chủ tịch UBND tỉnh Lai Châu Nguyễn Văn Hoà dự họp.");
    /// assert_eq!(r.officials[0].name, "Nguyễn Văn Hòa");
    /// assert!(r.officials[0].text.contains("Hoà"));
    /// ```
    pub fn tone_style(mut self, style: ToneStyle) -> Self {
        self.tone_style = Some(style);
        self
    }

    /// Runs only the named extractors (see [`extract::EXTRACTORS`] for the names), in the
    /// crate's order. The layout of the page (title, dateline, chrome) is always read.
    ///
    /// ```
    /// let a = vntext::AnalyzerBuilder::new().extractors(&["dates"]).build().unwrap();
    /// let r = a.analyze("Số 12/2021/NĐ-CP ngày 09/4/2021");
    /// assert!(r.document_numbers.is_empty());
    /// assert_eq!(r.dates.len(), 1);
    /// assert!(vntext::AnalyzerBuilder::new().extractors(&["nope"]).build().is_err());
    /// ```
    pub fn extractors(mut self, names: &[&str]) -> Self {
        self.extractors = Some(names.iter().map(|s| s.to_string()).collect());
        self
    }

    /// Adds one row to a lexicon, in the table's own format (columns separated by tabs, as in
    /// its file under `data/`; see [`Lex::name`]). Checked by [`AnalyzerBuilder::build`].
    ///
    /// ```
    /// use vntext::{AnalyzerBuilder, lexicon::Lex};
    /// let text = "cộng đồng Mông ở Sìn Hồ";
    /// assert!(vntext::analyze(text).ethnic_groups.is_empty());
    /// let a = AnalyzerBuilder::new()
    ///     .lexicon_entry(Lex::EthnicTrigger, "cộng đồng\tpeople")
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(a.analyze(text).ethnic_groups[0].name, "Mông");
    /// let bad = AnalyzerBuilder::new().lexicon_entry(Lex::Title, "Tổng thư ký\tboss").build();
    /// assert!(bad.unwrap_err().to_string().contains("boss"));
    /// ```
    pub fn lexicon_entry(self, lex: Lex, row: &str) -> Self {
        let n = self.additions.len() + 1;
        self.lexicon_table(lex, &format!("addition {n} to {}", lex.name()), row)
    }

    /// Adds a whole table of rows to a lexicon (`#` comments and blank lines allowed, no header
    /// row). `name` names the table in errors.
    ///
    /// ```
    /// use vntext::{AnalyzerBuilder, lexicon::Lex};
    /// let err = AnalyzerBuilder::new()
    ///     .lexicon_table(Lex::Unit, "my units", "# units\nthùng\tcount\nbao\n")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "data table my units, line 3: expected at least 2 tab-separated columns, found 1");
    /// ```
    pub fn lexicon_table(mut self, lex: Lex, name: &str, tsv: &str) -> Self {
        self.additions.push(Addition {
            lex,
            name: name.to_string(),
            tsv: tsv.to_string(),
        });
        self
    }

    /// Adds a position (chức vụ) to the titles lexicon.
    ///
    /// ```
    /// let a = vntext::AnalyzerBuilder::new().add_title("Giám đốc điều hành").build().unwrap();
    /// # let _ = a;
    /// ```
    pub fn add_title(self, phrase: &str) -> Self {
        let row = format!("{}\ttitle", phrase.trim());
        self.lexicon_entry(Lex::Title, &row)
    }

    /// Adds an organisation noun (starting a proper name, like `Bộ`, `Sở`, `Tập đoàn`) to the
    /// organisation words.
    ///
    /// ```
    /// let a = vntext::AnalyzerBuilder::new().add_organisation("Tổng công ty").build().unwrap();
    /// # let _ = a;
    /// ```
    pub fn add_organisation(self, phrase: &str) -> Self {
        let row = format!("{}\thead", phrase.trim());
        self.lexicon_entry(Lex::OrgWord, &row)
    }

    /// Adds an issuing-body code (ký hiệu cơ quan ban hành) for document numbers: `party` for a
    /// Party body, otherwise a state body.
    ///
    /// ```
    /// let a = vntext::AnalyzerBuilder::new().add_issuer("UBDT", false, "Ủy ban Dân tộc").build().unwrap();
    /// # let _ = a;
    /// ```
    pub fn add_issuer(self, code: &str, party: bool, name: &str) -> Self {
        let system = if party { "party" } else { "state" };
        let row = format!("{}\t{system}\t{}", code.trim(), name.trim());
        self.lexicon_entry(Lex::Issuer, &row)
    }

    /// How texts longer than two sections are analysed: `Some(bytes)` in sections of about
    /// that size, cut at a blank line (else at a line break, else at a space), `None` always
    /// as one document. The default, [`DEFAULT_SECTION`] (256 KiB), leaves every article and
    /// ordinary law whole (codes of law over 512 KiB, such as the Criminal Code, are cut) and
    /// keeps a 50 MB text's memory and cost per byte those of a 256 KiB one: its document model
    /// (tokens, lines, hits) would otherwise outgrow the caches.
    ///
    /// Facts are found in every section, spans index the whole text, and document numbers,
    /// dates, officials and ethnic groups are merged across sections as within one; the page
    /// layout (title, published, author, credit, the legal title block) is read from the first
    /// section, as it is on a page's first screen.
    ///
    /// [`AnalyzerBuilder::build`] refuses a section below 4 KiB.
    ///
    /// ```
    /// let whole = vntext::AnalyzerBuilder::new().sections(None).build().unwrap();
    /// let text = "Theo Quyết định số 12/2021/QĐ-UBND ngày 09/4/2021, tỷ lệ đạt 94%.\n\n".repeat(400);
    /// let sectioned = vntext::AnalyzerBuilder::new().sections(Some(4096)).build().unwrap();
    /// let (a, b) = (whole.analyze(&text), sectioned.analyze(&text));
    /// assert_eq!(a.statistics, b.statistics);
    /// assert_eq!((a.dates.len(), a.document_numbers.len()), (1, 1)); // one wording, listed once
    /// assert_eq!(a.dates, b.dates);
    /// assert_eq!(a.counts, b.counts);
    /// ```
    pub fn sections(mut self, bytes: Option<usize>) -> Self {
        self.section = Some(bytes);
        self
    }

    /// Builds the analyzer. Without additions it shares the embedded lexicons (built once per
    /// process); with additions it compiles its own.
    ///
    /// # Errors
    /// An unknown extractor name ([`ErrorKind::InvalidOption`]) or a malformed lexicon row
    /// ([`ErrorKind::Table`], naming the addition and its line), a section below 4 KiB
    /// ([`ErrorKind::InvalidOption`]).
    ///
    /// ```
    /// let analyzer = vntext::AnalyzerBuilder::new().build().unwrap();
    /// # let _ = analyzer;
    /// ```
    pub fn build(self) -> Result<Analyzer, Error> {
        let extractors: Vec<&'static dyn Extractor> = match &self.extractors {
            None => EXTRACTORS.to_vec(),
            Some(names) => {
                if let Some(bad) = names
                    .iter()
                    .find(|n| !EXTRACTORS.iter().any(|e| e.name() == n.as_str()))
                {
                    let known: Vec<&str> = EXTRACTORS.iter().map(|e| e.name()).collect();
                    return Err(Error::new(ErrorKind::InvalidOption(format!(
                        "unknown extractor {bad:?} (known: {})",
                        known.join(", ")
                    ))));
                }
                EXTRACTORS
                    .iter()
                    .copied()
                    .filter(|e| names.iter().any(|n| n == e.name()))
                    .collect()
            }
        };
        let lexicons = if self.additions.is_empty() {
            Lexes::Embedded
        } else {
            Lexes::Own(Arc::new(Lexicons::build(&self.additions)?))
        };
        let value_style = match self.tone_style {
            None | Some(ToneStyle::Preserve) => None,
            Some(style) => Some(
                Normalizer::new()
                    .tone_style(style)
                    .punctuation(false)
                    .lookalikes(false),
            ),
        };
        let section = self.section.unwrap_or(Some(DEFAULT_SECTION));
        if let Some(n) = section.filter(|&n| n < 4096) {
            return Err(Error::new(ErrorKind::InvalidOption(format!(
                "a section of {n} bytes is too small (at least 4096)"
            ))));
        }
        Ok(Analyzer {
            normalizer: analysis_normalizer(),
            lexicons,
            extractors,
            value_style,
            decoder: Decoder::new().strict(self.strict_decoding),
            section,
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
        Analyzer {
            normalizer: analysis_normalizer(),
            lexicons: Lexes::Embedded,
            extractors: EXTRACTORS.to_vec(),
            value_style: None,
            decoder: Decoder::new(),
            section: Some(DEFAULT_SECTION),
        }
    }

    /// The analyzer's lexicons (the embedded ones plus any additions).
    ///
    /// ```
    /// use vntext::lexicon::Lex;
    /// assert!(vntext::Analyzer::new().lexicons().len(Lex::Title) > 50);
    /// ```
    pub fn lexicons(&self) -> &Lexicons {
        self.lexicons.get()
    }

    /// Builds the [`Document`] of a text, laid out (title, dateline, author, page chrome): what
    /// the extractors read. Useful to write an extractor or to look at tokens and hits.
    ///
    /// ```
    /// let analyzer = vntext::Analyzer::new();
    /// let doc = analyzer.document("Sìn Hồ tăng cường công tác dân vận");
    /// assert_eq!(doc.len(), 8);
    /// ```
    pub fn document<'a>(&'a self, text: &'a str) -> Document<'a> {
        let mut doc = Document::with(text, &self.normalizer, self.lexicons.get());
        let art = article::layout(&doc);
        doc.set_layout(art);
        doc
    }

    /// Analyses a text.
    ///
    /// ```
    /// let report = vntext::Analyzer::new().analyze("Số: 67/2022/TT-BTC");
    /// assert_eq!(report.encoding, "utf-8");
    /// ```
    pub fn analyze(&self, text: &str) -> Report {
        self.analyze_text(text, text.len(), Encoding::Utf8, 1.0, None)
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
        Ok(self.analyze_decoded(&decoded, bytes.len()))
    }

    /// Analyses text the caller decoded (with a [`Decoder`] of its own choice: a forced
    /// encoding, strictness) from `input_len` bytes: the report [`Analyzer::analyze_bytes`]
    /// gives for the same decoding, with `encoding`, its confidence and the replaced sequences.
    /// Spans index the bytes when the decoding maps back to them (UTF-8), the decoded text
    /// otherwise.
    ///
    /// ```
    /// use vntext::decode::{Decoder, Encoding};
    /// let bytes = b"Ng\xc3\xa0y \xff 09/4/2021";
    /// let decoded = Decoder::new().encoding(Encoding::Utf8).decode(bytes).unwrap();
    /// let report = vntext::Analyzer::new().analyze_decoded(&decoded, bytes.len());
    /// assert_eq!(report.replaced.count, 1);
    /// let d = &report.dates[0];
    /// assert_eq!(&bytes[d.start..d.end], d.text.as_bytes());
    /// ```
    pub fn analyze_decoded(&self, decoded: &Decoded<'_>, input_len: usize) -> Report {
        let mut report = self.analyze_text(
            &decoded.text,
            input_len,
            decoded.encoding,
            decoded.confidence,
            Some(decoded),
        );
        report.replaced = decoded.replaced.clone();
        report
    }

    fn analyze_text(
        &self,
        original: &str,
        byte_len: usize,
        encoding: Encoding,
        confidence: f64,
        decoded: Option<&Decoded<'_>>,
    ) -> Report {
        let cuts = match self.section {
            Some(n) if original.len() > 2 * n => section_cuts(original, n),
            _ => Vec::new(),
        };
        let mut report = if cuts.is_empty() {
            self.analyze_section(original, byte_len, encoding, confidence)
        } else {
            self.analyze_sections(original, &cuts, byte_len, encoding, confidence)
        };
        // Decoded text → the caller's bytes, when the decoded text indexes them (UTF-8 after a
        // byte-order mark or with invalid sequences).
        if let Some(d) = decoded {
            to_input(&mut report, d);
        }
        report
    }

    /// A long text, section by section, each report shifted to the whole text and merged.
    fn analyze_sections(
        &self,
        original: &str,
        cuts: &[usize],
        byte_len: usize,
        encoding: Encoding,
        confidence: f64,
    ) -> Report {
        let mut report = Report::default();
        let mut start = 0;
        for (i, end) in cuts.iter().copied().chain([original.len()]).enumerate() {
            let part = &original[start..end];
            let mut r = self.analyze_section(part, part.len(), encoding, confidence);
            shift(&mut r, start);
            if i == 0 {
                // the page's metadata: its first screen
                report.encoding = r.encoding;
                report.encoding_confidence = r.encoding_confidence;
                report.title = r.title.take();
                report.published = r.published.take();
                report.author = r.author.take();
                report.credit = r.credit.take();
                report.document = r.document.take();
            }
            merge(&mut report, r);
            start = end;
        }
        report.counts.bytes = byte_len;
        report.document_numbers = extract::docnum::unique(report.document_numbers);
        report.dates = extract::dates::unique(report.dates);
        report.periods = extract::dates::unique(report.periods);
        report.officials = merge_officials(report.officials);
        report
    }

    /// One document: built, laid out, every extractor, overlaps resolved, the report.
    fn analyze_section(
        &self,
        original: &str,
        byte_len: usize,
        encoding: Encoding,
        confidence: f64,
    ) -> Report {
        let doc = self.document(original);
        let mut facts = Facts::default();
        for e in &self.extractors {
            e.extract(&doc, &mut facts);
        }
        extract::resolve(&doc, &mut facts);
        self.report(&doc, facts, byte_len, encoding, confidence)
    }

    /// Maps the facts' spans back to the original (decoded) text and fills the report.
    fn report(
        &self,
        doc: &Document<'_>,
        facts: Facts,
        byte_len: usize,
        encoding: Encoding,
        confidence: f64,
    ) -> Report {
        let art = doc.article();
        let tc = doc.counts();
        let mut report = Report {
            source: None,
            encoding,
            encoding_confidence: confidence,
            title: art.title.map(|s| doc.original_text(s).trim().to_string()),
            published: art.published.clone(),
            author: art.author.clone(),
            credit: art.credit.clone(),
            document: art.document.clone(),
            counts: Counts {
                bytes: byte_len,
                chars: doc.original().chars().count(),
                tokens: tc.tokens,
                syllables: tc.syllables,
                valid_syllables: tc.valid_syllables,
                sentences: tc.sentences,
            },
            ..Report::default()
        };
        // Normalized text → original (decoded) text.
        let map = |start: usize, end: usize| -> (usize, usize, String) {
            let s = doc.to_original(Span::new(start, end));
            (s.start, s.end, s.slice(doc.original()).to_string())
        };
        for mut d in facts.document_numbers {
            (d.start, d.end, d.text) = map(d.start, d.end);
            report.document_numbers.push(d);
        }
        for mut d in facts.dates {
            (d.start, d.end, d.text) = map(d.start, d.end);
            if d.kind.is_calendar_day() {
                report.dates.push(d);
            } else {
                report.periods.push(d);
            }
        }
        for mut o in facts.officials {
            let (ns, ne, name) = map(o.name_span.start, o.name_span.end);
            if !name.is_empty() {
                o.name = extract::officials::unwrap_lines(&name);
                o.name_span = Span::new(ns, ne);
            }
            (o.start, o.end, o.text) = map(o.start, o.end);
            if let Some(style) = &self.value_style {
                restyle(style, &mut o.name);
                o.titles.iter_mut().for_each(|t| restyle(style, t));
                for p in &mut o.positions {
                    for v in [&mut p.title, &mut p.position]
                        .into_iter()
                        .chain(p.organisation.as_mut())
                        .chain(p.place.as_mut())
                    {
                        restyle(style, v);
                    }
                }
            }
            report.officials.push(o);
        }
        // Statistics can be dense (one every few bytes): mapped in place, their texts kept
        // when the original reads the same, so no second list or string is made.
        report.statistics = facts.statistics;
        for s in &mut report.statistics {
            let span = doc.to_original(Span::new(s.start, s.end));
            let written = span.slice(doc.original());
            if *s.text != *written {
                s.text = written.into();
            }
            (s.start, s.end) = (span.start, span.end);
            if let Some(style) = &self.value_style {
                for v in [&mut s.subject, &mut s.unit, &mut s.per]
                    .into_iter()
                    .flatten()
                {
                    if let std::borrow::Cow::Owned(t) = style.normalize(v).text {
                        *v = t.into();
                    }
                }
            }
        }
        for mut g in facts.ethnic_groups {
            for s in &mut g.spans {
                *s = doc.to_original(*s);
            }
            report.ethnic_groups.push(g);
        }
        for c in &art.chrome {
            let (start, end, text) = map(c.start, c.end);
            report.chrome.push(ChromeSpan { text, start, end });
        }
        report
    }
}

/// Where a long text is cut into sections of about `size` bytes: after a blank line in the
/// quarter section after each mark, else after a line break there, else after the last space
/// in the half section before it, else at the mark (one glued run of characters). The last
/// section is at least half a section long.
fn section_cuts(text: &str, size: usize) -> Vec<usize> {
    let b = text.as_bytes();
    let mut cuts = Vec::new();
    let mut p = 0;
    while b.len() - p > size + size / 2 {
        let q = p + size;
        let hi = (q + size / 4).min(b.len());
        let window = &b[q..hi];
        let blank = window
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == b'\n')
            .map(|(i, _)| q + i + 1)
            .find(|&after| {
                let rest = &b[after..hi];
                let line = rest.iter().position(|&c| c == b'\n').map(|n| &rest[..n]);
                line.is_some_and(|l| l.iter().all(|c| matches!(c, b' ' | b'\t' | b'\r')))
            });
        let cut = blank
            .or_else(|| window.iter().position(|&c| c == b'\n').map(|i| q + i + 1))
            .or_else(|| {
                b[p + size / 2..q]
                    .iter()
                    .rposition(|&c| c == b' ')
                    .map(|i| p + size / 2 + i + 1)
            })
            .unwrap_or_else(|| {
                (0..=q)
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(q)
            });
        if cut <= p {
            break;
        }
        cuts.push(cut);
        p = cut;
    }
    cuts
}

/// Moves every span of a section's report by `by` bytes (the section's start).
fn shift(r: &mut Report, by: usize) {
    each_span(r, |s, e| {
        *s += by;
        *e += by;
    });
}

/// Maps every span of a report on the decoded text to the caller's bytes.
fn to_input(r: &mut Report, d: &Decoded<'_>) {
    each_span(r, |s, e| {
        if let (Some(a), Some(b)) = (d.input_offset(*s), d.input_offset(*e)) {
            (*s, *e) = (a, b);
        }
    });
}

/// Calls `f` on the (start, end) of every item of a report.
fn each_span(r: &mut Report, mut f: impl FnMut(&mut usize, &mut usize)) {
    r.document_numbers
        .iter_mut()
        .for_each(|x| f(&mut x.start, &mut x.end));
    r.dates.iter_mut().for_each(|x| f(&mut x.start, &mut x.end));
    r.periods
        .iter_mut()
        .for_each(|x| f(&mut x.start, &mut x.end));
    for o in &mut r.officials {
        f(&mut o.start, &mut o.end);
        f(&mut o.name_span.start, &mut o.name_span.end);
    }
    r.statistics
        .iter_mut()
        .for_each(|x| f(&mut x.start, &mut x.end));
    for g in &mut r.ethnic_groups {
        g.spans.iter_mut().for_each(|s| f(&mut s.start, &mut s.end));
    }
    r.chrome
        .iter_mut()
        .for_each(|x| f(&mut x.start, &mut x.end));
}

/// Appends a section's facts and counts to the report of the text.
fn merge(into: &mut Report, r: Report) {
    into.document_numbers.extend(r.document_numbers);
    into.dates.extend(r.dates);
    into.periods.extend(r.periods);
    into.officials.extend(r.officials);
    into.statistics.extend(r.statistics);
    into.chrome.extend(r.chrome);
    for g in r.ethnic_groups {
        match into.ethnic_groups.iter_mut().find(|h| h.name == g.name) {
            Some(h) => {
                h.mentions += g.mentions;
                h.spans.extend(g.spans);
            }
            None => into.ethnic_groups.push(g),
        }
    }
    let c = &mut into.counts;
    c.chars += r.counts.chars;
    c.tokens += r.counts.tokens;
    c.syllables += r.counts.syllables;
    c.valid_syllables += r.counts.valid_syllables;
    c.sentences += r.counts.sentences;
}

/// One official per name across sections: the first mention's span, every title and position
/// (in order of first appearance).
fn merge_officials(all: Vec<extract::officials::Official>) -> Vec<extract::officials::Official> {
    let mut out: Vec<extract::officials::Official> = Vec::with_capacity(all.len());
    let mut by_name: std::collections::HashMap<String, usize> = Default::default();
    for o in all {
        match by_name.get(&o.name) {
            Some(&i) => {
                let first = &mut out[i];
                for t in o.titles {
                    add_title(&mut first.titles, t, |t| t);
                }
                for p in o.positions {
                    add_title(&mut first.positions, p, |p| &p.title);
                }
                if first.honorific.is_none() {
                    first.honorific = o.honorific;
                }
                if first.rank.is_none() {
                    first.rank = o.rank;
                }
            }
            None => {
                by_name.insert(o.name.clone(), out.len());
                out.push(o);
            }
        }
    }
    out
}

/// Adds a title to an official's list as the extractor merges mentions: a title the list
/// already holds (in any case or spacing, or as the start of a longer one) adds nothing, a
/// longer form of one replaces it (`Thủ tướng` then `Thủ tướng Chính phủ`; `Phó Thủ tướng`
/// is another title).
fn add_title<T>(list: &mut Vec<T>, new: T, title: impl Fn(&T) -> &str) {
    let key = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let k = key(title(&new));
    if list.iter().any(|t| key(title(t)).starts_with(&k)) {
        return;
    }
    match list.iter().position(|t| k.starts_with(&key(title(t)))) {
        Some(i) => list[i] = new,
        None => list.push(new),
    }
}

/// Puts the tone marks of a reported value in the analyzer's style.
fn restyle(style: &Normalizer, value: &mut String) {
    if let std::borrow::Cow::Owned(s) = style.normalize(value).text {
        *value = s;
    }
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
