//! Statistics (số liệu thống kê): percentages, money, counts, quantities, ratios, averages and
//! the changes stated with them.
//!
//! The [`Statistics`](crate::extract::Statistics) extractor walks a
//! [`Document`]'s tokens once: every number and percentage token (its value read by the
//! document with its own [`NumberConvention`]) and every spelled-out number followed by a
//! currency or `phần trăm` is extended by a range (`23-25%`, `từ 23% đến 25%`), magnitude
//! words (`15 nghìn tỷ`), a unit (`%`, `điểm phần trăm`, a currency, a counted noun or unit of
//! measure from `data/stats/units.tsv`) and a per-unit (`triệu đồng/người/năm`). Dates,
//! document numbers, times, article numbers (`Điều 5`) and bare numbers without a unit are not
//! statistics. Every word list is a [lexicon](crate::lexicon) of `data/stats/`.
//!
//! ```
//! use vntext::stats::{find_statistics, StatKind};
//! let s = find_statistics("Thu nhập bình quân đầu người ước đạt 32,5 triệu đồng/năm, tăng 1,5 triệu đồng so với năm 2020.");
//! assert_eq!(s[0].kind, StatKind::Money);
//! assert_eq!(s[0].value, 32_500_000.0);
//! assert_eq!(s[0].category.as_deref(), Some("income"));
//! assert_eq!(s[0].change.as_ref().unwrap().value, 1_500_000.0);
//! assert_eq!(s[1].value, 1_500_000.0);
//! ```

mod link;
pub mod number;
mod scan;

use crate::document::Document;
use crate::extract::{Extractor, Facts};

pub use number::{NumberConvention, NumberFormat, ParsedNumber, parse_number, parse_number_with};

/// What a statistic measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum StatKind {
    /// A percentage (`94%`, `14,7 phần trăm`).
    Percentage,
    /// Percentage points (`2 điểm phần trăm`). Not produced by [`find_statistics`]: the gold
    /// guideline lists percentage points among percentages, so they come as
    /// [`StatKind::Percentage`] with `unit: Some("điểm phần trăm")`.
    PercentagePoints,
    /// An amount of money with a currency.
    Money,
    /// A count of things (`14 dân tộc`, `04 xã`).
    Count,
    /// A quantity with a unit of measure (`1.200 ha`).
    Quantity,
    /// A ratio (`27/31 chỉ tiêu`).
    Ratio,
    /// An average (`bình quân các xã đạt 14,7 tiêu chí`).
    Average,
}

/// A change stated next to a figure (`tăng 1,5 triệu đồng so với năm 2020`).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Change {
    /// Signed amount of the change (negative for giảm).
    pub value: f64,
    /// Currency or unit of the change, when given.
    pub unit: Option<String>,
    /// What it is compared against (`năm 2020`).
    pub against: Option<String>,
}

/// A statistic found in a text.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Statistic {
    /// The text as written.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it measures.
    pub kind: StatKind,
    /// The value (full amount for money: 32,5 triệu đồng → 32500000).
    pub value: f64,
    /// Upper bound of a range (`23-25%`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub max: Option<f64>,
    /// ISO currency code for money (`VND`, `USD`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub currency: Option<String>,
    /// Unit or counted noun (`ha`, `dân tộc`, `xã`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub unit: Option<String>,
    /// Per-unit (`năm` for `triệu đồng/năm`, `người/năm`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub per: Option<String>,
    /// What the figure is about (`người dân tộc thiểu số`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub subject: Option<String>,
    /// A finer category (`income` for thu nhập figures).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub category: Option<String>,
    /// Approximation word kept as written (`gần`, `hơn`, `khoảng`, `dưới`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub qualifier: Option<String>,
    /// For a ratio, the numerator.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub numerator: Option<f64>,
    /// For a ratio, the denominator.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub denominator: Option<f64>,
    /// A change stated with the figure.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub change: Option<Change>,
    /// The ethnic group the figure is about, when one is named (`dân tộc Mông chiếm 40,2%`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub group: Option<String>,
}

/// Finds the statistics in `text`, in text order (a shortcut for the
/// [`Statistics`](crate::extract::Statistics) extractor, after the ethnic groups, over
/// [`Document::new`]). Never panics, linear time, and `text[s.start..s.end] == s.text` for
/// every statistic `s`.
///
/// ```
/// use vntext::stats::{find_statistics, StatKind};
/// let found = find_statistics("với tỷ lệ người dân tộc thiểu số chiếm 94%, có 14 dân tộc");
/// assert_eq!(found[0].kind, StatKind::Percentage);
/// assert_eq!(found[0].value, 94.0);
/// assert_eq!(found[0].subject.as_deref(), Some("người dân tộc thiểu số"));
/// assert_eq!(found[1].kind, StatKind::Count);
/// assert_eq!(found[1].unit.as_deref(), Some("dân tộc"));
/// ```
pub fn find_statistics(text: &str) -> Vec<Statistic> {
    let doc = Document::new(text);
    let mut facts = Facts::default();
    crate::extract::EthnicGroups.extract(&doc, &mut facts);
    crate::extract::Statistics.extract(&doc, &mut facts);
    let mut out = facts.statistics;
    for s in &mut out {
        let span = doc.to_original(crate::Span::new(s.start, s.end));
        (s.start, s.end) = (span.start, span.end);
        s.text = span.slice(text).to_string();
    }
    out
}

/// The statistics extractor's work: the figures of the document, linked to their subjects,
/// groups (read from the ethnic groups found before) and changes.
pub(crate) fn extract(doc: &Document<'_>, facts: &mut Facts) {
    let scanner = scan::Scanner::new(doc);
    let mut found = scanner.find();
    scanner.link(&mut found, &facts.ethnic_groups);
    facts.statistics.extend(found.into_iter().map(|f| f.stat));
}
