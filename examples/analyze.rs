//! The library's main entry point on one article: build an [`Analyzer`] once, analyse bytes in
//! any supported encoding, and read the facts of the [`Report`](vntext::Report).
//!
//! ```text
//! cargo run --example analyze -- data/articles/sin-ho-dan-van.txt
//! ```
//!
//! The `vntext` command (`cli/`) does this for many files at once, with JSON, CSV and HTML
//! output: `cargo run --release -p vntext-cli -- analyze --help`.
use vntext::Analyzer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "data/articles/sin-ho-dan-van.txt".to_string());
    if path.starts_with('-') {
        return Err(
            "a library demo that takes one file; for options (--jsonl…) use the vntext \
                    command: cargo run --release -p vntext-cli -- analyze --help"
                .into(),
        );
    }
    let bytes = std::fs::read(&path)?;

    // Built once (Send + Sync); decoding is the only step that can fail.
    let analyzer = Analyzer::new();
    let report = analyzer.analyze_bytes(&bytes)?;

    println!(
        "{path}: {} (read as {})",
        report.title.as_deref().unwrap_or("-"),
        report.encoding
    );
    for d in &report.document_numbers {
        println!(
            "  document  {:<24} {}",
            d.text,
            d.doc_type_name.as_deref().unwrap_or("-")
        );
    }
    for d in report.dates.iter().chain(&report.periods) {
        println!("  date      {:<24} {}", d.text, d.value);
    }
    for o in &report.officials {
        println!("  official  {:<24} {}", o.name, o.titles.join(", "));
    }
    for s in &report.statistics {
        println!("  statistic {:<24} {} {:?}", s.text, s.value, s.kind);
    }
    for g in &report.ethnic_groups {
        println!("  group     {:<24} ×{}", g.name, g.mentions);
    }
    Ok(())
}
