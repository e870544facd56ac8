//! Officials (cán bộ, lãnh đạo): a person named with a position.
//!
//! SKELETON: the recogniser lands with issue #4.

/// An official found in a text: a person named together with a position.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Official {
    /// The text of the first mention, as written.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The personal name as written (`Hoàng Thọ Trung`).
    pub name: String,
    /// Byte span of the name in the text (first mention).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub name_span: (usize, usize),
    /// The honorific (`Đồng chí`, `ông`, `bà`, `đ/c`), kept apart from the name.
    pub honorific: Option<String>,
    /// Academic or military rank (`PGS.TS`, `Đại tá`), kept apart from the titles.
    pub rank: Option<String>,
    /// Positions as written, with their organization (`Bí thư Huyện ủy`).
    pub titles: Vec<String>,
}

/// Finds the officials in `text`, merged by person.
///
/// ```
/// let found = vntext::extract::officials::find_officials("Đồng chí Hoàng Thọ Trung - Tỉnh ủy viên");
/// # let _ = found;
/// ```
pub fn find_officials(text: &str) -> Vec<Official> {
    let _ = text;
    Vec::new()
}
