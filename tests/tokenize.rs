//! Integration tests of `vntext::tokenize`: the case table `tests/cases/tokens.tsv`, property
//! tests (lossless, spans valid, no panic), and a slow obviously-correct reference compared with
//! the fast scanner on simple text.

use proptest::prelude::*;
use vntext::tokenize::{Token, TokenKind, counts, sentences, tokenize, tokens};

const CASES: &str = include_str!("cases/tokens.tsv");

#[path = "support/linear.rs"]
mod linear;
#[path = "support/tsv.rs"]
mod tsv;
use tsv::unescape;

#[test]
fn case_table() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for (lineno, cols) in tsv::rows(CASES) {
        assert_eq!(cols.len(), 4, "line {}: want 4 columns: {cols:?}", lineno);
        let (needs, input, expected) = (cols[1], unescape(cols[2]), cols[3]);
        // `parser`: the row needs the real syllable parser (every row is checked: the
        // placeholder that once made these rows skip is long gone).
        assert!(matches!(needs, "-" | "parser"), "line {}: needs", lineno);
        let want: Vec<(TokenKind, String)> = expected
            .split(" | ")
            .map(|item| {
                let (kind, text) = item
                    .split_once(':')
                    .unwrap_or_else(|| panic!("line {}: bad item {item:?}", lineno));
                let kind = TokenKind::from_name(kind)
                    .unwrap_or_else(|| panic!("line {}: unknown kind {kind:?}", lineno));
                (kind, unescape(text))
            })
            .collect();
        let got: Vec<(TokenKind, String)> = tokens(&input)
            .map(|t| (t.kind, t.text.to_string()))
            .collect();
        if got != want {
            let show = |v: &[(TokenKind, String)]| {
                v.iter()
                    .map(|(k, t)| format!("{}:{t}", k.name()))
                    .collect::<Vec<_>>()
                    .join(" | ")
            };
            failures.push(format!(
                "line {}: {input:?}\n   want {}\n    got {}",
                lineno,
                show(&want),
                show(&got)
            ));
        }
        checked += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 40, "only {checked} cases checked");
}

fn is_gap(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Every token's span is valid and the gaps are whitespace: concatenation gives the input back.
fn check_lossless(s: &str) -> Result<(), TestCaseError> {
    let mut rebuilt = String::with_capacity(s.len());
    let mut last = 0;
    for t in tokens(s) {
        prop_assert!(t.start >= last, "overlap at {}", t.start);
        prop_assert!(t.end > t.start, "empty token at {}", t.start);
        prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        prop_assert_eq!(t.text, &s[t.start..t.end]);
        let gap = &s[last..t.start];
        prop_assert!(gap.chars().all(is_gap), "non-whitespace gap {:?}", gap);
        rebuilt.push_str(gap);
        rebuilt.push_str(t.text);
        last = t.end;
    }
    let tail = &s[last..];
    prop_assert!(tail.chars().all(is_gap), "non-whitespace tail");
    rebuilt.push_str(tail);
    prop_assert_eq!(rebuilt, s);
    Ok(())
}

fn check_sentences(s: &str) -> Result<(), TestCaseError> {
    let mut last = 0;
    for sent in sentences(s) {
        prop_assert!(sent.start >= last && sent.end > sent.start);
        prop_assert_eq!(sent.text, &s[sent.start..sent.end]);
        last = sent.end;
    }
    let c = counts(s);
    prop_assert_eq!(c.sentences, sentences(s).count());
    prop_assert_eq!(c.tokens, tokens(s).count());
    prop_assert!(c.valid_syllables <= c.syllables && c.syllables <= c.tokens);
    Ok(())
}

/// Text that stresses the scanner: Vietnamese, codes, numbers, separators, emoji, controls.
fn messy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Việt".to_string()),
        Just("HĐND".to_string()),
        Just("QÐ-UBND".to_string()),
        Just("TP.".to_string()),
        Just("v.v".to_string()),
        Just("69-KL/TU".to_string()),
        Just("144 /2002/QĐ/BTC".to_string()),
        Just("09/4/2021".to_string()),
        Just("27-28/7".to_string()),
        Just("18h30".to_string()),
        Just("14,7 %".to_string()),
        Just("1.234.567".to_string()),
        Just("năm1998".to_string()),
        Just("https://a.vn/x".to_string()),
        Just("a@b.vn".to_string()),
        Just("#tag".to_string()),
        Just("👨‍👩‍👧".to_string()),
        Just("đ\u{AD}ược".to_string()),
        Just("e\u{301}".to_string()),
        Just("./.".to_string()),
        "[ \n\t\u{A0}\u{200B}.,;:!?/\\-–—“”'\"()%$₫&@#0-9a-zA-ZđĐÐàáạảãâầấậẩẫăằắặẳẵ\u{300}\u{AD}\u{1}\u{FFFD}😀]{0,6}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn lossless_on_any_string(s in any::<String>()) {
        check_lossless(&s)?;
        check_sentences(&s)?;
    }

    #[test]
    fn lossless_on_messy_text(s in messy()) {
        check_lossless(&s)?;
        check_sentences(&s)?;
    }

    #[test]
    fn lossless_on_lossy_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let s = String::from_utf8_lossy(&bytes);
        check_lossless(&s)?;
    }

    #[test]
    fn any_substring_tokenizes(s in messy(), a in any::<prop::sample::Index>(), b in any::<prop::sample::Index>()) {
        let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
        let (i, j) = (a.get(&bounds), b.get(&bounds));
        let (i, j) = (*i.min(j), *i.max(j));
        check_lossless(&s[i..j])?;
        check_sentences(&s[i..j])?;
    }

    #[test]
    fn matches_reference_on_simple_text(items in prop::collection::vec((0usize..3, 0usize..40, 0usize..3), 0..40)) {
        let s = simple_text(&items);
        let got: Vec<(String, TokenKind)> = tokenize(&s).into_iter().map(|t| (t.text.to_string(), t.kind)).collect();
        prop_assert_eq!(got, reference(&s), "text {:?}", s);
    }
}

const WORDS: [&str; 16] = [
    "hà", "nội", "việt", "nam", "đồng", "bào", "dân", "tộc", "thiểu", "số", "huyện", "sìn", "hồ",
    "nghiêng", "quốc", "khuya",
];
const PUNCT: [&str; 7] = [",", ";", "(", ")", "“", "”", "…"];

/// Lowercase syllables, integers (with `,` groups) and single punctuation, joined so that two
/// words are never glued together.
fn simple_text(items: &[(usize, usize, usize)]) -> String {
    let mut s = String::new();
    let mut last_word = false;
    for &(what, n, sep) in items {
        let (piece, is_word) = match what {
            0 => (WORDS[n % WORDS.len()].to_string(), true),
            1 => ((n * 37 % 1000).to_string(), false),
            _ => (PUNCT[n % PUNCT.len()].to_string(), false),
        };
        let sep = match sep {
            0 if !(is_word && last_word) => "",
            1 | 0 => " ",
            _ => "\n",
        };
        if !s.is_empty() {
            s.push_str(sep);
        }
        s.push_str(&piece);
        last_word = is_word;
    }
    s
}

/// The obviously-correct tokenizer for simple text: letter runs are words, digit runs (with `,`
/// between digits) are numbers, any other non-space char is one punctuation token.
fn reference(s: &str) -> Vec<(String, TokenKind)> {
    let cs: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i].1;
        let start = cs[i].0;
        let mut j = i + 1;
        let kind = if c.is_whitespace() {
            i += 1;
            continue;
        } else if c.is_alphabetic() {
            while j < cs.len() && cs[j].1.is_alphabetic() {
                j += 1;
            }
            let w: String = cs[i..j].iter().map(|x| x.1).collect();
            if vntext::syllable::is_valid(&w) {
                TokenKind::Syllable
            } else {
                TokenKind::InvalidSyllable
            }
        } else if c.is_ascii_digit() {
            loop {
                while j < cs.len() && cs[j].1.is_ascii_digit() {
                    j += 1;
                }
                if j + 1 < cs.len() && cs[j].1 == ',' && cs[j + 1].1.is_ascii_digit() {
                    j += 1;
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else {
            TokenKind::Punctuation
        };
        let end = cs.get(j).map_or(s.len(), |x| x.0);
        out.push((s[start..end].to_string(), kind));
        i = j;
    }
    out
}

#[test]
fn reference_agrees_on_a_real_line() {
    let s = "đồng bào (hà nội), 1,5 “quốc” 2020… khuya";
    let got: Vec<(String, TokenKind)> = tokenize(s)
        .into_iter()
        .map(|t| (t.text.to_string(), t.kind))
        .collect();
    assert_eq!(got, reference(s));
}

#[test]
fn whole_seed_article_is_lossless() {
    let text = include_str!("../data/articles/sin-ho-dan-van.txt");
    check_lossless(text).unwrap();
    let c = counts(text);
    assert!(
        c.tokens > 1500 && c.syllables > 1200 && c.sentences > 40,
        "{c:?}"
    );
}

#[test]
fn public_types_are_send_sync() {
    fn ok<T: Send + Sync>() {}
    ok::<Token<'static>>();
    ok::<TokenKind>();
    ok::<vntext::tokenize::Tokens<'static>>();
    ok::<vntext::tokenize::Sentences<'static>>();
    ok::<vntext::tokenize::TextCounts>();
}

/// Inputs that would make a rescanning tokenizer quadratic: 4× the input costs about 4× the
/// time (`tests/support/linear.rs`; every adversarial family is in `tests/linear.rs`).
#[test]
fn pathological_inputs_stay_linear() {
    let units = [
        ("", "a."),
        ("", "a-"),
        ("", "ab."),
        ("", "x_"),
        ("", "1-"),
        ("", "1/"),
        ("", "QĐ-"),
        ("http://a.vn/", ")"),
        ("", "(http://a.vn/x) "),
        ("", "v.v."),
        ("", "Chủtịch"),
        ("", "\u{301}"),
        ("", "😀\u{200D}"),
        // Capitalised syllables glued together (issue #15: 296 s for 1 MB).
        ("", "Việt"),
        ("", "HàNội"),
        ("", "Việt-"),
    ];
    for (head, unit) in units {
        let make = |k: usize| format!("{head}{}", unit.repeat(k));
        linear::assert_linear(
            &format!("tokenize {head}{unit:?}…"),
            256,
            1 << 20,
            make,
            |s: &str| {
                let n = tokens(s).count();
                let c = counts(s);
                assert_eq!(c.tokens, n);
            },
        );
    }
}

#[test]
fn glued_capitalised_syllables_split_one_by_one() {
    // Each glued capitalised syllable is a token of its own, however long the run.
    for (unit, k) in [("Việt", 5), ("Hà", 2_000), ("Sìn", 30_000)] {
        let s = unit.repeat(k);
        let toks: Vec<Token> = tokens(&s).collect();
        assert_eq!(toks.len(), k, "{unit}×{k}");
        assert!(
            toks.iter()
                .all(|t| t.text == unit && t.kind == TokenKind::Syllable),
            "{unit}×{k}"
        );
    }
    // A run that ends in a word that is not a syllable keeps that word whole.
    let s = format!("{}Covid", "Việt".repeat(100));
    let toks: Vec<&str> = tokens(&s).map(|t| t.text).collect();
    assert_eq!(toks.len(), 101);
    assert_eq!(toks[100], "Covid");
}
