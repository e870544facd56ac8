//! Runs one pipeline stage over a text so that `valgrind --tool=callgrind` can count the
//! instructions of that stage alone.
//!
//! ```text
//! profile_stages STAGE PATH…
//! valgrind --tool=callgrind --toggle-collect='profile_stages::measured' \
//!     target/release/examples/profile_stages officials data/articles/gov/*.txt data/articles/laws/*.txt
//! ```
//! STAGE is `analyze` (the whole [`vntext::Analyzer::analyze`]), `normalize`, `counts`
//! (tokenize + sentences), `document` (building the [`vntext::document::Document`], lexicon
//! hits included), `layout` (`Analyzer::document`: the document and its page layout), or the
//! name of one extractor (`document_numbers`, `dates`, `officials`, `statistics`,
//! `ethnic_groups`), run over a document built beforehand. The PATHs (files) are concatenated.
//! Only the work inside `measured` is the stage's: with `--toggle-collect` callgrind counts
//! just that, and the embedded lexicons are built before it.
use std::hint::black_box;

use vntext::Analyzer;
use vntext::document::Document;
use vntext::extract::{EXTRACTORS, Facts};

/// The measured region.
#[inline(never)]
fn measured<T>(f: impl FnOnce() -> T) -> T {
    black_box(f())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let stage = args.next().unwrap_or_default();
    let mut text = String::new();
    for p in args {
        match std::fs::read_to_string(&p) {
            Ok(t) => {
                text.push_str(&t);
                text.push_str("\n\n");
            }
            Err(e) => eprintln!("profile_stages: {p}: {e}"),
        }
    }
    let analyzer = Analyzer::new();
    // Builds the embedded lexicons outside the measured region.
    black_box(Document::new("x").len());
    match stage.as_str() {
        "analyze" => {
            measured(|| analyzer.analyze(&text).statistics.len());
        }
        "normalize" => {
            measured(|| vntext::normalize::normalize(&text).text.len());
        }
        "counts" => {
            measured(|| vntext::tokenize::counts(&text).tokens);
        }
        "document" => {
            measured(|| Document::new(&text).len());
        }
        "layout" => {
            measured(|| analyzer.document(&text).chrome().len());
        }
        name => {
            let Some(e) = EXTRACTORS.iter().find(|e| e.name() == name) else {
                eprintln!(
                    "profile_stages: unknown stage {name:?} (analyze, normalize, counts, document, layout, or an extractor)"
                );
                std::process::exit(2);
            };
            let doc = analyzer.document(&text);
            let mut facts = Facts::default();
            measured(|| e.extract(&doc, &mut facts));
            black_box(&facts);
        }
    }
    eprintln!("{} bytes", text.len());
}
