//! Extractors (trích xuất): document numbers, dates, officials.
//!
//! Each extractor takes normalized text and returns typed items with byte spans into that text;
//! the [`Analyzer`](crate::Analyzer) maps the spans back to the caller's original input.

pub mod dates;
pub mod docnum;
pub mod officials;
