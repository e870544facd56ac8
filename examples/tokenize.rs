//! Tokens and sentences with their byte spans: the segmentation every extractor builds on.
//!
//! ```text
//! cargo run --example tokenize -- "Số 69-KL/TU ngày 09/4/2021. Tỷ lệ đạt 94%."
//! ```
//!
//! `vntext tokenize FILE…` prints the same as JSON lines for whole files.
use vntext::tokenize;

fn main() {
    let text = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "Số 69-KL/TU ngày 09/4/2021 của Tỉnh ủy. Tỷ lệ đạt 94%.".to_string());

    for s in tokenize::sentences(&text) {
        println!("sentence {}..{}: {}", s.start, s.end, s.text);
    }
    for t in tokenize::tokens(&text) {
        // Spans index the input: text[t.start..t.end] == t.text.
        assert_eq!(&text[t.start..t.end], t.text);
        println!("  {:>3}..{:<3} {:<14} {:?}", t.start, t.end, t.text, t.kind);
    }
    let c = tokenize::counts(&text);
    println!(
        "{} tokens, {} syllables, {} sentences",
        c.tokens, c.syllables, c.sentences
    );
}
