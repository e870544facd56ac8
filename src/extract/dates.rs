//! Dates (ngày tháng): `09/4/2021`, `ngày 9 tháng 4 năm 2021`, ranges, months, quarters, terms.
//!
//! SKELETON: the recogniser lands with issue #4.

/// What kind of date expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DateKind {
    /// One day (`09/4/2021`, `sáng 5/3`).
    Day,
    /// A range of days (`27-28/7/2020`).
    Range,
    /// A month (`tháng 4/2021`).
    Month,
    /// A year (`năm 2021`).
    Year,
    /// A quarter (`quý I/2022`).
    Quarter,
    /// A term of office (`nhiệm kỳ 2020-2025`, `khóa XV`).
    Term,
    /// A period (`giai đoạn 2016 - 2020`).
    Period,
}

/// A date expression found in a text.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DateMention {
    /// The text as written.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What kind of expression.
    pub kind: DateKind,
    /// ISO 8601 value: `YYYY-MM-DD`, `--MM-DD` without a year, `A/B` for an interval.
    pub value: String,
    /// For a date without a year, the value resolved against the article's date, when known.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub resolved: Option<String>,
}

/// A calendar date, used as the reference for dates written without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    /// Year.
    pub year: i32,
    /// Month 1..=12.
    pub month: u32,
    /// Day 1..=31.
    pub day: u32,
}

/// Finds the date expressions in `text`; `reference` (the article's date) resolves dates written
/// without a year into [`DateMention::resolved`].
///
/// ```
/// let found = vntext::extract::dates::find_dates("ngày 09/4/2021", None);
/// # let _ = found;
/// ```
pub fn find_dates(text: &str, reference: Option<CalendarDate>) -> Vec<DateMention> {
    let _ = (text, reference);
    Vec::new()
}
