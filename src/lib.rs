#![doc = include_str!("../README.md")]
#![deny(unsafe_code)]
#![warn(missing_docs)]

mod analyzer;
pub mod article;
mod data;
pub mod decode;
pub mod document;
mod error;
pub mod ethnic;
pub mod extract;
pub mod lexicon;
pub mod normalize;
pub mod report;
#[cfg(target_arch = "x86_64")]
mod simd;
mod span;
pub mod stats;
pub mod syllable;
pub mod tokenize;

pub use analyzer::{Analyzer, AnalyzerBuilder, DEFAULT_SECTION, analyze};
pub use error::{Error, ErrorKind};
pub use report::Report;
pub use span::Span;
