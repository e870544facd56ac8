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
//! use vntext::stats::{find_statistics, Category, StatKind};
//! let s = find_statistics("Thu nhập bình quân đầu người ước đạt 32,5 triệu đồng/năm, tăng 1,5 triệu đồng so với năm 2020.");
//! assert_eq!(s[0].kind, StatKind::Money);
//! assert_eq!(s[0].value, 32_500_000.0);
//! assert_eq!(s[0].category, Some(Category::Income));
//! assert_eq!(s[0].change.as_ref().unwrap().value, 1_500_000.0);
//! assert_eq!(s[1].value, 1_500_000.0);
//! ```

mod link;
pub mod number;
mod scan;

use crate::document::Document;
use crate::extract::{Extractor, Facts};

pub use arcstr::ArcStr;
pub use number::{NumberConvention, NumberFormat, ParsedNumber, parse_number, parse_number_with};

/// What a statistic measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum StatKind {
    /// A percentage (`94%`, `14,7 phần trăm`). Percentage points (`tăng 2 điểm phần trăm`)
    /// are percentages too, with `unit: Some("điểm phần trăm")`, as the gold guideline counts
    /// them.
    Percentage,
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
    /// A count per unit of area (`mật độ dân số 64 người/km2`): `unit` counted, `per` area.
    Density,
}

/// A finer category of a statistic.
///
/// ```
/// use vntext::stats::{find_statistics, Category};
/// let s = find_statistics("Thu nhập bình quân đạt 45 triệu đồng/người/năm");
/// assert_eq!(s[0].category, Some(Category::Income));
/// assert_eq!(Category::Income.as_str(), "income");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Category {
    /// Income (thu nhập): the subject names it (`data/stats/cues.tsv`, kind `income`).
    Income,
}

impl Category {
    /// The category's name as the report writes it (`income`).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Income => "income",
        }
    }
}

/// The direction of a change (`tăng` up, `giảm` down).
///
/// ```
/// use vntext::stats::{find_statistics, Direction};
/// let s = find_statistics("Tổng tài sản đạt 282.600 tỷ đồng, tăng 17% so với cùng kỳ.");
/// assert_eq!(s[1].direction, Some(Direction::Up));
/// assert_eq!(s[1].subject.as_deref(), Some("tổng tài sản"));
/// assert_eq!(s[1].against.as_deref(), Some("cùng kỳ"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Direction {
    /// An increase (`tăng`, `cao hơn`).
    Up,
    /// A decrease (`giảm`, `thấp hơn`).
    Down,
}

/// A change stated next to a figure (`tăng 1,5 triệu đồng so với năm 2020`).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Change {
    /// Signed amount of the change (negative for giảm).
    pub value: f64,
    /// Currency or unit of the change, when given.
    pub unit: Option<ArcStr>,
    /// What it is compared against (`năm 2020`).
    pub against: Option<ArcStr>,
}

/// A statistic found in a text.
///
/// Its strings are [`ArcStr`]s (one pointer each; an absent one costs no allocation) and a
/// change is boxed: dense statistical text yields one statistic every few bytes, and a report
/// stays within a small multiple of its input. Values repeated in a document (a unit, a
/// currency, a per-unit, the same figure written twice) share one string.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Statistic {
    /// The text as written.
    pub text: ArcStr,
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
    pub currency: Option<ArcStr>,
    /// Unit or counted noun (`ha`, `dân tộc`, `xã`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub unit: Option<ArcStr>,
    /// Per-unit (`năm` for `triệu đồng/năm`, `người/năm`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub per: Option<ArcStr>,
    /// What the figure is about (`người dân tộc thiểu số`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub subject: Option<ArcStr>,
    /// A finer category (`income` for thu nhập figures).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub category: Option<Category>,
    /// Approximation word kept as written (`gần`, `hơn`, `khoảng`, `dưới`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub qualifier: Option<ArcStr>,
    /// For a ratio, the numerator (a whole count: `27` of `27/31 chỉ tiêu`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub numerator: Option<u32>,
    /// For a ratio, the denominator (`31` of `27/31 chỉ tiêu`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub denominator: Option<u32>,
    /// A change stated with the figure.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub change: Option<Box<Change>>,
    /// The place the figure is about, when written (`huyện Quảng Điền`, `cả nước`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub place: Option<ArcStr>,
    /// The period the figure is for, when written (`năm 2021`, `6 tháng đầu năm`, `quý I/2021`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub period: Option<ArcStr>,
    /// For a figure that is itself a change (`tăng 17%`, `giảm 2,5 điểm phần trăm`): which way.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub direction: Option<Direction>,
    /// What the figure is measured against, when written: a change's base (`so với cùng kỳ`,
    /// `năm 2020`) or a share's whole (`kế hoạch năm`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub against: Option<ArcStr>,
    /// The ethnic group the figure is about, when one is named (`dân tộc Mông chiếm 40,2%`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub group: Option<ArcStr>,
}

/// Finds the statistics in `text`, in text order (a shortcut for the
/// [`Statistics`](crate::extract::Statistics) extractor, after the dates and ethnic groups it
/// reads, over [`Document::new`]). Never panics, linear time, and `text[s.start..s.end] == s.text` for
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
    // Statistics read the periods and ethnic groups found before them.
    crate::extract::Dates.extract(&doc, &mut facts);
    crate::extract::EthnicGroups.extract(&doc, &mut facts);
    crate::extract::Statistics.extract(&doc, &mut facts);
    let mut out = facts.statistics;
    for s in &mut out {
        let span = doc.to_original(crate::Span::new(s.start, s.end));
        (s.start, s.end) = (span.start, span.end);
        let written = span.slice(text);
        if *s.text != *written {
            s.text = ArcStr::from(written);
        }
    }
    out
}

/// The statistics extractor's work: the figures of the document, linked to their subjects,
/// places, periods (read from the dates found before), groups (read from the ethnic groups
/// found before) and changes.
pub(crate) fn extract(doc: &Document<'_>, facts: &mut Facts) {
    let mut scanner = scan::Scanner::new(doc);
    let first = facts.statistics.len();
    let tokens = scanner.find(&mut facts.statistics);
    let dropped = scanner.link(
        &mut facts.statistics[first..],
        &tokens,
        &facts.ethnic_groups,
        &facts.dates,
    );
    if dropped.contains(&true) {
        let mut k = 0;
        facts.statistics.retain(|_| {
            let keep = k < first || !dropped[k - first];
            k += 1;
            keep
        });
    }
}
