//! Statistics (số liệu thống kê): percentages, money, counts, quantities, ratios, changes.
//!
//! SKELETON: the recognisers land with issue #5.

/// What a statistic measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum StatKind {
    /// A percentage (`94%`, `14,7 phần trăm`).
    Percentage,
    /// Percentage points (`2 điểm phần trăm`).
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

/// Finds the statistics in `text`.
///
/// ```
/// let found = vntext::stats::find_statistics("tỷ lệ người dân tộc thiểu số chiếm 94%");
/// # let _ = found;
/// ```
pub fn find_statistics(text: &str) -> Vec<Statistic> {
    let _ = text;
    Vec::new()
}
