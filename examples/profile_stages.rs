//! Runs each pipeline stage once over a text so that `valgrind --tool=callgrind` can attribute
//! instructions per stage.
//!
//! ```text
//! profile_stages [STAGE] PATH…
//! ```
//! STAGE is one of `all` (the default), `analyze`, `normalize`, `counts`, `document`, `docnum`, `dates`,
//! `officials`, `stats`, `ethnic`; the PATHs (files) are concatenated and the normalized text is
//! given to the extractors, as the [`vntext::Analyzer`] does.
use std::hint::black_box;

use vntext::normalize::{Normalizer, ToneStyle};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let stages = [
        "all",
        "analyze",
        "normalize",
        "counts",
        "document",
        "docnum",
        "dates",
        "officials",
        "stats",
        "ethnic",
    ];
    let stage = if args.first().is_some_and(|a| stages.contains(&a.as_str())) {
        args.remove(0)
    } else {
        "all".to_string()
    };
    let mut text = String::new();
    for p in &args {
        match std::fs::read_to_string(p) {
            Ok(t) => {
                text.push_str(&t);
                text.push_str("\n\n");
            }
            Err(e) => eprintln!("profile_stages: {p}: {e}"),
        }
    }
    let norm = Normalizer::new().tone_style(ToneStyle::Preserve);
    let n = norm.normalize(&text);
    let t: &str = &n.text;
    let run = |s: &str| stage == "all" || stage == s;
    if run("analyze") {
        black_box(vntext::Analyzer::new().analyze(&text));
    }
    if run("normalize") {
        black_box(norm.normalize(&text));
    }
    if run("counts") {
        black_box(vntext::tokenize::counts(&text));
    }
    if run("document") {
        black_box(vntext::document::Document::new(&text).len());
    }
    if run("docnum") {
        black_box(vntext::extract::docnum::find_document_numbers(t));
    }
    if run("dates") {
        black_box(vntext::extract::dates::find_dates(t, None));
    }
    if run("officials") {
        black_box(vntext::extract::officials::find_officials(t));
    }
    if run("stats") {
        black_box(vntext::stats::find_statistics(t));
    }
    if run("ethnic") {
        black_box(vntext::ethnic::find_ethnic_groups(t));
    }
    eprintln!("{} bytes", text.len());
}
