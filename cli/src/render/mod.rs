//! The output formats of `vntext analyze`.

pub mod csv;
pub mod html;
pub mod text;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Pretty JSON, one report per input (the default for a single input).
    Json,
    /// One JSON report per line (the default for several inputs or a directory).
    Jsonl,
    /// A summary for people: every fact on its own line.
    Text,
    /// One row per fact (one file per fact kind with --output DIR).
    Csv,
    /// A page per article with the facts highlighted (a folder and an index with --output DIR).
    Html,
}
