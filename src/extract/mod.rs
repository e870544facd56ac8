//! Extractors (trích xuất): the recognisers that read a [`Document`] and write [`Facts`].
//!
//! Every extractor implements [`Extractor`]: it walks the document's tokens, lines and lexicon
//! hits (never the raw text with its own character classes), and pushes typed facts whose spans
//! index [`Document::text`]. The [`Analyzer`](crate::Analyzer) runs the extractors it was built
//! with, in order, over one shared document; then [`resolve`] settles overlaps between them in
//! one place, drops facts inside page chrome, and the analyzer maps every span back to the
//! caller's input.
//!
//! | extractor | name | facts |
//! |---|---|---|
//! | [`DocumentNumbers`] | `document_numbers` | [`docnum::DocumentNumber`] (số, ký hiệu văn bản) |
//! | [`Dates`] | `dates` | [`dates::DateMention`]: days, ranges, months, years, quarters, terms, periods |
//! | [`Officials`] | `officials` | [`officials::Official`]: name, honorific, rank, titles |
//! | [`Statistics`] | `statistics` | [`crate::stats::Statistic`]: percentages, money, counts… |
//! | [`EthnicGroups`] | `ethnic_groups` | [`crate::ethnic::EthnicGroupMentions`] |
//!
//! # Adding an extractor (one file and one table)
//!
//! 1. Put the word list in `data/<area>/<name>.tsv` (a `#` header comment naming the source, one
//!    phrase per row, optional kind column) and register it as a [`Lex`](crate::lexicon::Lex)
//!    variant with its spec in `src/lexicon.rs`. Its phrases are then matched in every document
//!    by the shared automaton.
//! 2. Copy `src/extract/template.rs` (a small working extractor, compiled and tested with the
//!    crate) into `src/extract/<name>.rs`: a unit struct implementing [`Extractor`]
//!    that walks `doc.hits()` (or `doc.tokens()`) and pushes facts. Use token indices for
//!    context (`i - 1` is the word before; stop at `doc.sentences()` or line ends), the token
//!    [`Value`](crate::document::Value)s for numbers and dates, and [`Document::key`] for
//!    comparisons.
//! 3. Add a field for its facts to [`Facts`] (and to the [`Report`](crate::Report)), its name
//!    to [`EXTRACTORS`], and a case table `tests/cases/<name>.tsv` with a test that reads it.
//!
//! ```
//! use vntext::document::Document;
//! use vntext::extract::{Extractor, Facts, DocumentNumbers};
//! let doc = Document::new("Kết luận số 69-KL/TU ngày 09/4/2021");
//! let mut facts = Facts::default();
//! DocumentNumbers.extract(&doc, &mut facts);
//! assert_eq!(facts.document_numbers[0].number, "69");
//! ```

pub mod dates;
pub mod docnum;
pub mod officials;
#[cfg(test)]
mod template;

use std::fmt;

use crate::Span;
use crate::document::Document;
use crate::ethnic::{self, EthnicGroupMentions};
use crate::stats::{self, Statistic};
use dates::DateMention;
use docnum::DocumentNumber;
use officials::Official;

/// A recogniser over a [`Document`]. Implementations are stateless or hold only tables built
/// once; `extract` never fails and runs in time linear in the document.
///
/// ```
/// use vntext::document::Document;
/// use vntext::extract::{Extractor, Facts, Dates};
/// let mut facts = Facts::default();
/// Dates.extract(&Document::new("ngày 09/4/2021"), &mut facts);
/// assert_eq!(facts.dates[0].value, "2021-04-09");
/// assert_eq!(Dates.name(), "dates");
/// ```
pub trait Extractor: Send + Sync + fmt::Debug {
    /// The extractor's name (as given to
    /// [`AnalyzerBuilder::extractors`](crate::AnalyzerBuilder::extractors)).
    fn name(&self) -> &'static str;

    /// Reads the document and pushes facts whose spans index [`Document::text`]. Facts pushed
    /// by extractors that ran before are visible in `facts`.
    fn extract(&self, doc: &Document<'_>, facts: &mut Facts);
}

/// The facts found in one document, spans into [`Document::text`] until the analyzer maps them.
///
/// ```
/// let facts = vntext::extract::Facts::default();
/// assert!(facts.dates.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Facts {
    /// Document numbers.
    pub document_numbers: Vec<DocumentNumber>,
    /// Date expressions of every kind (days, ranges, months, years, quarters, terms, periods).
    pub dates: Vec<DateMention>,
    /// Officials, merged by person.
    pub officials: Vec<Official>,
    /// Statistics.
    pub statistics: Vec<Statistic>,
    /// Ethnic groups and their mentions.
    pub ethnic_groups: Vec<EthnicGroupMentions>,
}

/// Document numbers (số, ký hiệu văn bản): [`docnum`].
#[derive(Debug, Clone, Copy, Default)]
pub struct DocumentNumbers;

/// Dates and periods: [`dates`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Dates;

/// Officials: [`officials`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Officials;

/// Statistics: [`crate::stats`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Statistics;

/// Ethnic groups: [`crate::ethnic`].
#[derive(Debug, Clone, Copy, Default)]
pub struct EthnicGroups;

impl Extractor for DocumentNumbers {
    fn name(&self) -> &'static str {
        "document_numbers"
    }
    fn extract(&self, doc: &Document<'_>, facts: &mut Facts) {
        docnum::extract(doc, &mut facts.document_numbers);
    }
}

impl Extractor for Dates {
    fn name(&self) -> &'static str {
        "dates"
    }
    fn extract(&self, doc: &Document<'_>, facts: &mut Facts) {
        dates::extract(doc, doc.reference_date(), &mut facts.dates);
    }
}

impl Extractor for Officials {
    fn name(&self) -> &'static str {
        "officials"
    }
    fn extract(&self, doc: &Document<'_>, facts: &mut Facts) {
        officials::extract(doc, facts);
    }
}

impl Extractor for Statistics {
    fn name(&self) -> &'static str {
        "statistics"
    }
    fn extract(&self, doc: &Document<'_>, facts: &mut Facts) {
        stats::extract(doc, facts);
    }
}

impl Extractor for EthnicGroups {
    fn name(&self) -> &'static str {
        "ethnic_groups"
    }
    fn extract(&self, doc: &Document<'_>, facts: &mut Facts) {
        ethnic::extract(doc, facts);
    }
}

/// The crate's extractors, in the order the analyzer runs them.
///
/// ```
/// let names: Vec<&str> = vntext::extract::EXTRACTORS.iter().map(|e| e.name()).collect();
/// assert_eq!(names, ["document_numbers", "dates", "officials", "ethnic_groups", "statistics"]);
/// ```
/// The ethnic groups come before the statistics, which link figures to the groups found.
pub static EXTRACTORS: &[&dyn Extractor] = &[
    &DocumentNumbers,
    &Dates,
    &Officials,
    &EthnicGroups,
    &Statistics,
];

/// Settles the facts of all extractors in one place: drops every fact inside page chrome,
/// mentions that repeat one already kept, and statistics whose numbers belong to a date or a
/// document number (`những năm 2030 đồng thời` is a decade, not 2030 đồng).
///
/// ```
/// use vntext::document::Document;
/// use vntext::extract::{resolve, Extractor, Facts, Dates};
/// let doc = Document::new("ngày 09/4/2021 và ngày 09/4/2021");
/// let mut facts = Facts::default();
/// Dates.extract(&doc, &mut facts);
/// resolve(&doc, &mut facts);
/// assert_eq!(facts.dates.len(), 1);
/// ```
pub fn resolve(doc: &Document<'_>, facts: &mut Facts) {
    // Document numbers and dates: the date written after a number is the number's date; a
    // date inside a number's span is part of the number.
    docnum::link_dates(doc, &mut facts.document_numbers, &facts.dates);
    let numbers: Vec<Span> = facts
        .document_numbers
        .iter()
        .map(|d| Span::new(d.start, d.end))
        .collect();
    facts
        .dates
        .retain(|d| !overlaps_any(&numbers, Span::new(d.start, d.end)));
    let outside = |s: usize, e: usize| !doc.in_chrome(Span::new(s, e));
    let numbers = std::mem::take(&mut facts.document_numbers);
    facts.document_numbers = docnum::unique(
        numbers
            .into_iter()
            .filter(|d| outside(d.start, d.end))
            .collect(),
    );
    let found = std::mem::take(&mut facts.dates);
    facts.dates = dates::unique(
        found
            .into_iter()
            .filter(|d| outside(d.start, d.end))
            .collect(),
    );
    facts.officials.retain(|o| outside(o.start, o.end));
    let mut taken: Vec<Span> = facts
        .dates
        .iter()
        .map(|d| Span::new(d.start, d.end))
        .chain(
            facts
                .document_numbers
                .iter()
                .map(|d| Span::new(d.start, d.end)),
        )
        .collect();
    taken.sort();
    // The longest end among the spans starting at or before each one: an overlap test by
    // binary search.
    let mut reach = Vec::with_capacity(taken.len());
    let mut r = 0;
    for t in &taken {
        r = r.max(t.end);
        reach.push(r);
    }
    let in_taken = |s: usize, e: usize| {
        let k = taken.partition_point(|t| t.start < e);
        k > 0 && reach[k - 1] > s
    };
    facts
        .statistics
        .retain(|s| outside(s.start, s.end) && !in_taken(s.start, s.end));
    for g in &mut facts.ethnic_groups {
        g.spans.retain(|s| outside(s.start, s.end));
        if !g.spans.is_empty() {
            g.mentions = g.spans.len();
        }
    }
    facts.ethnic_groups.retain(|g| g.mentions > 0);
}

/// Whether `span` overlaps one of `spans` (in text order, as an extractor gives them).
fn overlaps_any(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|s| s.start < span.end);
    spans[..i].iter().rev().take(4).any(|s| s.overlaps(span))
}
