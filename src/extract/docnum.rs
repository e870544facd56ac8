//! Document numbers (số, ký hiệu văn bản): `69-KL/TU`, `67/2022/TT-BTC`, `1234/QĐ-TTg`.
//!
//! SKELETON: the recogniser lands with issue #4.

/// Which numbering system a document number belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum System {
    /// Party documents (`69-KL/TU`): number-TYPE/ISSUER.
    Party,
    /// State legal normative documents (văn bản quy phạm pháp luật): number/year/TYPE-ISSUER.
    StateNormative,
    /// State administrative documents (văn bản hành chính): number/TYPE-ISSUER.
    StateAdministrative,
}

/// A document number found in a text.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DocumentNumber {
    /// The text as written (`Số:67/2022/TT-BTC`), `input[start..end]`.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The number, without leading zeros (`"4"` for `04-TB/HĐ`).
    pub number: String,
    /// The year, when the symbol carries one.
    pub year: Option<i32>,
    /// The type code with Đ (`QĐ`, `TT`, `KL`); `None` for a công văn.
    pub doc_type: Option<String>,
    /// The Vietnamese name of the type (`Kết luận`).
    pub doc_type_name: Option<String>,
    /// The issuing body's code (`TU`, `BTC`, `VPCP-KTTH`).
    pub issuer: Option<String>,
    /// The numbering system.
    pub system: System,
    /// The document's kind word when the text gives it (`Kết luận`, `Nghị định`).
    pub kind_word: Option<String>,
    /// The document's date when the text gives it next to the number (ISO `YYYY-MM-DD`).
    pub date: Option<String>,
}

/// Finds the document numbers in `text`.
///
/// ```
/// let found = vntext::extract::docnum::find_document_numbers("Kết luận số 69-KL/TU");
/// # let _ = found;
/// ```
pub fn find_document_numbers(text: &str) -> Vec<DocumentNumber> {
    let _ = text;
    Vec::new()
}
