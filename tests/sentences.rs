//! Sentence cases (`tests/cases/sentences.tsv`) for `vntext::tokenize::sentences`.

use vntext::tokenize::{counts, sentences};

const CASES: &str = include_str!("cases/sentences.tsv");

#[path = "support/tsv.rs"]
mod tsv;
use tsv::unescape;

#[test]
fn case_table() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (lineno, cols) in tsv::rows(CASES) {
        assert_eq!(cols.len(), 3, "line {}: want 3 columns: {cols:?}", lineno);
        let input = unescape(cols[1]);
        let want: Vec<String> = if cols[2].is_empty() {
            Vec::new()
        } else {
            cols[2].split(" || ").map(unescape).collect()
        };
        let got: Vec<String> = sentences(&input).map(|s| s.text.to_string()).collect();
        if got != want {
            failures.push(format!(
                "line {}: {input:?}\n   want {want:#?}\n    got {got:#?}",
                lineno
            ));
        }
        for s in sentences(&input) {
            assert_eq!(s.text, &input[s.start..s.end]);
        }
        let c = counts(&input).sentences;
        if c != got.len() {
            failures.push(format!("line {}: counts {c} != {}", lineno, got.len()));
        }
        checked += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 20);
}

#[test]
fn seed_article_sentence_count() {
    let text = include_str!("../data/articles/sin-ho-dan-van.txt");
    let all: Vec<_> = sentences(text).collect();
    // Every sentence is trimmed and none is empty.
    for s in &all {
        assert_eq!(s.text.trim(), s.text);
        assert!(!s.text.is_empty());
    }
    assert_eq!(all.len(), counts(text).sentences);
    assert!(all.iter().any(|s| s.text == "Tác giả: Lương Thủy"));
}
