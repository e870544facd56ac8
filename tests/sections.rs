//! Long texts are analysed in sections (`AnalyzerBuilder::sections`): the facts of a long text
//! must be those of the same text analysed as one document, with every span on the input.
//! The oracle is the whole-document analysis (`sections(None)`), an independent path.
#[path = "support/invariants.rs"]
mod invariants;

use std::path::Path;

use vntext::{Analyzer, AnalyzerBuilder, Report};

fn texts(dir: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("data dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut out = String::new();
    for p in paths {
        out.push_str(&std::fs::read_to_string(&p).expect("utf-8 text"));
        out.push_str("\n\n");
    }
    out
}

fn whole() -> Analyzer {
    AnalyzerBuilder::new().sections(None).build().unwrap()
}

/// The facts that must not depend on where sections are cut.
fn assert_same_facts(a: &Report, b: &Report) {
    assert_eq!(a.document_numbers, b.document_numbers, "document numbers");
    assert_eq!(a.dates, b.dates, "dates");
    assert_eq!(a.periods, b.periods, "periods");
    assert_eq!(a.statistics, b.statistics, "statistics");
    assert_eq!(a.ethnic_groups, b.ethnic_groups, "ethnic groups");
    let names = |r: &Report| {
        r.officials
            .iter()
            .map(|o| o.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(a), names(b), "officials");
    assert_eq!(
        (
            a.counts.bytes,
            a.counts.chars,
            a.counts.tokens,
            a.counts.syllables
        ),
        (
            b.counts.bytes,
            b.counts.chars,
            b.counts.tokens,
            b.counts.syllables
        ),
        "counts"
    );
    assert_eq!((&a.title, &a.published), (&b.title, &b.published));
}

#[test]
fn government_documents_and_laws_in_sections_give_the_facts_of_one_document() {
    // 2.5 MB: ten sections of the default 256 KiB, cut at blank lines.
    let mut text = texts("articles/gov");
    text.push_str(&texts("articles/laws"));
    assert!(
        text.len() > 2 * vntext::DEFAULT_SECTION,
        "{} bytes",
        text.len()
    );
    let sectioned = Analyzer::new().analyze(&text);
    let one = whole().analyze(&text);
    assert!(one.statistics.len() > 1000 && one.dates.len() > 500);
    assert_same_facts(&one, &sectioned);
    // The officials' titles too, merged across sections as within one document.
    for (a, b) in one.officials.iter().zip(&sectioned.officials) {
        assert_eq!((&a.name, &a.titles), (&b.name, &b.titles));
    }
    invariants::check_report(&text, &sectioned);
}

#[test]
fn small_sections_cut_anywhere_keep_spans_on_the_input() {
    // The seed article 30 times with CRLF line ends, in sections of 4 KiB: many cuts, some
    // inside paragraphs.
    let seed = include_str!("../data/articles/sin-ho-dan-van.txt").replace('\n', "\r\n");
    let text = seed.repeat(30);
    let small = AnalyzerBuilder::new().sections(Some(4096)).build().unwrap();
    let r = small.analyze(&text);
    invariants::check_report(&text, &r);
    let one = whole().analyze(&text);
    // Repeated wordings are listed once whatever the cuts.
    assert_eq!(r.document_numbers, one.document_numbers);
    assert_eq!(r.dates, one.dates);
    assert_eq!(r.counts.tokens, one.counts.tokens);
    // Every percentage of the seed, in every copy.
    let pct = |r: &Report| {
        r.statistics
            .iter()
            .filter(|s| s.text.ends_with('%'))
            .count()
    };
    assert_eq!(pct(&r), pct(&one));
    assert_eq!(pct(&one), 30);
}

#[test]
fn a_text_without_spaces_is_cut_on_a_char_boundary() {
    // 64 KiB of glued syllables: no blank line, line break or space to cut at.
    let text = "Việt".repeat(64 << 10 >> 2);
    let small = AnalyzerBuilder::new().sections(Some(4096)).build().unwrap();
    let r = small.analyze(&text);
    assert_eq!(r.counts.bytes, text.len());
    assert_eq!(r.counts.chars, text.chars().count());
    invariants::check_report(&text, &r);
}

#[test]
fn bytes_with_a_bom_map_sectioned_spans_to_the_input() {
    let mut text = texts("articles/laws");
    while text.len() < 3 * vntext::DEFAULT_SECTION {
        text.push_str(&text.clone());
    }
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    let r = Analyzer::new().analyze_bytes(&bytes).unwrap();
    assert!(!r.statistics.is_empty());
    for s in &r.statistics {
        assert_eq!(&bytes[s.start..s.end], s.text.as_bytes());
    }
    for d in r.dates.iter().chain(&r.periods) {
        assert_eq!(&bytes[d.start..d.end], d.text.as_bytes());
    }
}

#[test]
fn a_section_below_4_kib_is_refused() {
    let e = AnalyzerBuilder::new()
        .sections(Some(100))
        .build()
        .unwrap_err();
    assert!(e.to_string().contains("too small"), "{e}");
}
