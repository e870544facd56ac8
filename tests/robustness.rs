//! Robustness of every public entry point (issue #7): no panic on any input, spans on char
//! boundaries with `input[start..end] == text`, lossless tokenization, idempotent normalization
//! with a consistent offset map, typed errors that say what and where.
//!
//! Inputs come from three places:
//! - proptest generators: arbitrary Unicode, arbitrary bytes, and Vietnamese-shaped text built
//!   from syllables (NFC, NFD, both tone placements), numbers with dots and commas, document
//!   codes, dates glued together, `Số:` prefixes, soft hyphens, Ð (U+00D0), NBSP…;
//! - `tests/cases/robustness.tsv`: edge cases and every crashing input the fuzzers found
//!   (one escaped input per line, extendable without Rust);
//! - fixed error cases below.
//!
//! The invariants themselves live in `tests/support/invariants.rs`, shared with `fuzz/`.

use proptest::prelude::*;
use vntext::decode::{self, Encoding};
use vntext::{Analyzer, Error, ErrorKind};

#[path = "support/invariants.rs"]
mod invariants;
#[path = "support/linear.rs"]
mod linear;

use invariants::*;

/// Vietnamese words as they occur in real text, including the spellings a normalizer must
/// repair: decomposed (NFD) letters, marks in the wrong order, both tone placements, the
/// look-alike Ð (U+00D0), VIQR and UTF-8 mojibake.
const WORDS: &[&str] = &[
    "Việt",
    "Nam",
    "Cộng",
    "hòa",
    "hoà",
    "xã",
    "hội",
    "chủ",
    "nghĩa",
    "thủy",
    "thuỷ",
    "khỏe",
    "khoẻ",
    "quý",
    "qúy",
    "Quyết",
    "định",
    "Nghị",
    "quyết",
    "Thông",
    "tư",
    "Chỉ",
    "thị",
    "Kết",
    "luận",
    "Bộ",
    "Tài",
    "chính",
    "Ủy",
    "Uỷ",
    "ban",
    "nhân",
    "dân",
    "tỉnh",
    "Tỉnh",
    "ủy",
    "huyện",
    "Huyện",
    "Đảng",
    "Ðảng",
    "Ðồng",
    "đồng",
    "chí",
    "Bí",
    "thư",
    "Chủ",
    "tịch",
    "Phó",
    "Nguyễn",
    "Văn",
    "Thị",
    "Trần",
    "Lê",
    "Hoàng",
    "người",
    "tỷ",
    "tỉ",
    "triệu",
    "nghìn",
    "ngàn",
    "USD",
    "năm",
    "tháng",
    "ngày",
    "quý",
    "giai",
    "đoạn",
    "tăng",
    "giảm",
    "so",
    "với",
    "chiếm",
    "khoảng",
    "hơn",
    "gần",
    "Mông",
    "Thái",
    "Kinh",
    "Dao",
    "Tày",
    "Ê-đê",
    "Ba Na",
    "dân tộc",
    "thiểu",
    "số",
    "Số",
    "SỐ",
    "QĐ",
    "TTg",
    "UBND",
    "HĐND",
    "NĐ-CP",
    "TT-BTC",
    "KL/TU",
    "Vie\u{0323}\u{0302}t",
    "Vie\u{0302}\u{0323}t",
    "ho\u{0300}a",
    "tie\u{0302}\u{0301}ng",
    "Ða\u{0309}ng",
    "D\u{0335}",
    "Vie^.t",
    "ngu+o+`i",
    "Viá»‡t",
    "Ä‘Æ°á»£c",
    "nh©n",
    "ViÖt",
    "Coäng",
    "ñöôïc",
    "ĐẢNG",
    "NGHỊ",
    "QUYẾT",
    "ﬁ",
    "Ǆ",
    "İ",
    "ß",
    "ΣΑΣ",
];

/// Separators and stray characters: spaces of every kind, soft hyphen, zero-width and BOM,
/// punctuation of Vietnamese documents, lone combining marks, controls.
const SEPS: &[&str] = &[
    " ",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\u{00A0}",
    "\u{00AD}",
    "\u{200B}",
    "\u{2009}",
    "\u{3000}",
    "\u{FEFF}",
    ", ",
    ". ",
    ".",
    ",",
    ": ",
    ":",
    ";",
    "-",
    "–",
    "—",
    "(",
    ")",
    "\"",
    "“",
    "”",
    "'",
    "/",
    "%",
    "…",
    "...",
    "\u{0301}",
    "\u{0300}\u{0323}",
    "\u{0}",
    "\u{1}",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{FFFD}",
    "Số:",
    "Số: ",
    "số ",
    "ngày ",
    "Ngày ",
    "tháng ",
    "năm ",
    "Điều ",
    "Khoản ",
    "* ",
    "- ",
    "+ ",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(WORDS).prop_map(String::from),
        6 => prop::sample::select(SEPS).prop_map(String::from),
        // Numbers: thousands with dots, decimals with commas (and the English way round).
        2 => "[0-9]{1,3}([.,][0-9]{3}){0,3}([,.][0-9]{1,2})?( ?%)?",
        // Document numbers, with and without `Số:`.
        2 => "(Số:? ?)?[0-9]{1,5}(/[0-9]{4})?[/-][A-ZĐ]{1,5}(-[A-ZĐ]{1,6}){0,2}",
        2 => "(ngày )?[0-9]{1,2}[/.-][0-9]{1,2}([/.-][0-9]{2,4})?",
        1 => "ngày [0-9]{1,2} tháng [0-9]{1,2} năm [0-9]{1,5}",
        // Dates glued together (OCR and scraping lose the spaces).
        1 => "[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}[0-9]{1,2}/[0-9]{1,2}(/[0-9]{2,4})?",
        1 => "[0-9]{1,2}[-–][0-9]{1,2}/[0-9]{1,2}/[0-9]{4}",
        1 => "(quý|Quý) (I|II|III|IV|[1-4])(/| năm )[0-9]{4}",
        1 => "[0-9]{1,3}([,.][0-9]{1,3})? (triệu|tỷ|tỉ|nghìn|ngàn) (đồng|USD)(/năm|/người|/tháng)?",
        1 => "[0-9]{1,2}h[0-9]{2}|[0-9]{20,40}",
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Vietnamese-shaped text: up to 48 fragments glued together (often without spaces).
fn vietnamese_text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..48).prop_map(|v| v.concat())
}

/// Any Unicode scalar values, controls included.
fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..64).prop_map(|v| v.into_iter().collect())
}

/// Bytes a legacy-encoding detector sees: raw bytes, UTF-8 with a BOM, Vietnamese text
/// double-encoded (each UTF-8 byte read as Latin-1 and saved again as UTF-8), and
/// single-byte-shaped text (ASCII letters mixed with high bytes, as TCVN3/VNI/VISCII are).
fn any_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..256),
        vietnamese_text().prop_map(|s| {
            let mut b = b"\xEF\xBB\xBF".to_vec();
            b.extend_from_slice(s.as_bytes());
            b
        }),
        vietnamese_text().prop_map(|s| {
            let latin1: String = s.bytes().map(char::from).collect();
            latin1.into_bytes()
        }),
        prop::collection::vec(
            prop_oneof![3 => 0x20u8..0x7f, 2 => 0x80u8..=0xff, 1 => Just(b'\n')],
            0..256
        ),
    ]
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // Failing inputs are reported in the panic message; no regression files on disk.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn tokenize_arbitrary_unicode(s in any_text()) {
        check_tokenize(&s, false);
    }

    #[test]
    fn tokenize_vietnamese_loses_no_word(s in vietnamese_text()) {
        check_tokenize(&s, true);
    }

    #[test]
    fn normalize_arbitrary_unicode(s in any_text()) {
        for (name, n) in normalizers() {
            check_normalize(name, &n, &s);
        }
    }

    #[test]
    fn normalize_vietnamese(s in vietnamese_text()) {
        for (name, n) in normalizers() {
            check_normalize(name, &n, &s);
        }
        prop_assert_eq!(
            vntext::normalize::normalize(&s).text,
            vntext::normalize::Normalizer::new().normalize(&s).text,
            "normalize() must be Normalizer::new().normalize()"
        );
    }

    #[test]
    fn extractors_arbitrary_unicode(s in any_text()) {
        check_extractors(&s);
    }

    #[test]
    fn extractors_vietnamese(s in vietnamese_text()) {
        check_extractors(&s);
    }

    #[test]
    fn decode_arbitrary_bytes(b in any_bytes()) {
        check_decode(&b);
    }

    #[test]
    fn syllable_validity_never_panics(s in any_text()) {
        let _ = vntext::syllable::is_valid(&s);
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn analyzer_arbitrary_unicode(s in any_text()) {
        check_analyze(analyzer(), &s);
    }

    #[test]
    fn analyzer_vietnamese(s in vietnamese_text()) {
        let r = check_analyze(analyzer(), &s);
        prop_assert_eq!(&vntext::analyze(&s), &r, "analyze() must equal Analyzer::new().analyze()");
        // The JSON of a report reads back as the same report (exact floats: serde_json's
        // float_roundtrip feature, enabled for the tests).
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(&r).expect("reports serialize");
            let back: vntext::Report = serde_json::from_str(&json).expect("report JSON reads back");
            prop_assert_eq!(&back, &r, "report JSON round trip");
        }
    }

    #[test]
    fn analyzer_on_bytes(b in any_bytes()) {
        check_analyze_bytes(analyzer(), &b);
    }
}

fn analyzer() -> &'static Analyzer {
    static A: std::sync::LazyLock<Analyzer> = std::sync::LazyLock::new(Analyzer::new);
    &A
}

/// Reads `tests/cases/robustness.tsv`: `input<TAB>note`, the input escaped with `\n`, `\r`,
/// `\t`, `\\` and `\u{XXXX}`; `#` starts a comment line.
fn edge_cases() -> Vec<(usize, String, String)> {
    include_str!("cases/robustness.tsv")
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let (input, note) = l.split_once('\t').unwrap_or((l, ""));
            (i + 1, unescape(input, i + 1), note.to_string())
        })
        .collect()
}

#[path = "support/tsv.rs"]
mod tsv;

fn unescape(s: &str, line: usize) -> String {
    tsv::try_unescape(s).unwrap_or_else(|e| panic!("robustness.tsv line {line}: {e}"))
}

#[test]
fn edge_cases_keep_every_invariant() {
    let cases = edge_cases();
    assert!(cases.len() >= 30, "the edge-case table lost its rows");
    for (line, input, note) in cases {
        let run = std::panic::catch_unwind(|| {
            check_tokenize(&input, false);
            for (name, n) in normalizers() {
                check_normalize(name, &n, &input);
            }
            check_extractors(&input);
            check_analyze(analyzer(), &input);
            check_analyze_bytes(analyzer(), input.as_bytes());
            check_decode(input.as_bytes());
        });
        assert!(
            run.is_ok(),
            "tests/cases/robustness.tsv line {line} ({note}): {input:?} broke an invariant (see the panic above)"
        );
    }
}

#[test]
fn unescape_reads_the_table_syntax() {
    assert_eq!(unescape(r"a\tb\\n\u{00A0}", 0), "a\tb\\n\u{a0}");
}

/// Long inputs of one repeated piece: no stack overflow from recursion per character, every
/// invariant kept, and linear time (4× the input about 4× the time; every adversarial family
/// and entry point is in `tests/linear.rs`).
#[test]
fn long_repetitive_inputs_finish() {
    let pieces = [
        "Số: ",
        "1.",
        "9/4/",
        "ngày ",
        "\u{0301}",
        "\u{00AD}",
        " ",
        "a",
        "Ð",
        "(",
        "0",
        "Nguyễn ",
    ];
    for p in pieces {
        let s = p.repeat(20_000 / p.len().max(1));
        check_tokenize(&s, false);
        let n = vntext::normalize::normalize(&s);
        assert_eq!(vntext::normalize::normalize(&n.text).text, n.text);
        let r = analyzer().analyze(&s);
        check_report(&s, &r);
        linear::assert_linear(
            &format!("pipeline on {p:?}…"),
            64,
            80_000 / p.len(),
            |k| p.repeat(k),
            |s: &str| {
                std::hint::black_box(vntext::tokenize::counts(s));
                std::hint::black_box(vntext::normalize::normalize(s));
                std::hint::black_box(analyzer().analyze(s));
            },
        );
    }
}

// ---- Errors: typed, Display + std::error::Error, saying what and where ----

fn assert_error_trait<E: std::error::Error + Send + Sync + Clone + PartialEq + 'static>() {}

#[test]
fn error_is_a_std_error() {
    assert_error_trait::<Error>();
    let e = decode::decode_as(b"ok\xff", Encoding::Utf8).unwrap_err();
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(e.clone());
    assert_eq!(boxed.to_string(), e.to_string());
    assert!(boxed.source().is_none(), "no underlying cause to chain");
    assert!(format!("{e:?}").contains("InvalidUtf8"));
}

#[test]
fn error_messages_say_what_and_where() {
    let cases: Vec<(ErrorKind, &[&str])> = vec![
        (ErrorKind::InvalidUtf8 { offset: 17 }, &["UTF-8", "17"]),
        (
            ErrorKind::UnknownEncoding { offset: 42 },
            &["42", "encoding"],
        ),
        (ErrorKind::Binary { offset: 3 }, &["binary", "NUL", "3"]),
        (
            ErrorKind::UnknownEncodingName("latin-9".into()),
            &["latin-9", "encoding"],
        ),
        (
            ErrorKind::Table {
                table: "docnum/types.tsv".to_string(),
                line: 12,
                message: "missing column".into(),
            },
            &["docnum/types.tsv", "12", "missing column"],
        ),
        (
            ErrorKind::InvalidOption("tone style".into()),
            &["option", "tone style"],
        ),
    ];
    for (kind, words) in cases {
        let e = Error::new(kind.clone());
        assert_eq!(e.kind(), &kind);
        let msg = e.to_string();
        for w in words {
            assert!(msg.contains(w), "{kind:?}: message {msg:?} lacks {w:?}");
        }
        assert!(
            !msg.ends_with('.') && !msg.contains('\n'),
            "one line, no final period: {msg:?}"
        );
        assert!(
            msg.starts_with(|c: char| !c.is_uppercase()) || msg.starts_with("UTF"),
            "messages start lower-case so they read after `PATH: `: {msg:?}"
        );
    }
}

#[test]
fn utf8_errors_point_at_the_first_bad_byte() {
    for (bytes, offset) in [
        (&b"\xff"[..], 0),
        (b"Vi\xe1\xbb", 2),
        (b"abc\x80def", 3),
        (b"\xEF\xBB\xBFok\xff", 5),
    ] {
        let e = decode::decode_as(bytes, Encoding::Utf8).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::InvalidUtf8 { offset }, "{bytes:?}");
        check_error(&e, bytes);
    }
}

#[test]
fn encoding_names_round_trip() {
    for enc in ENCODINGS {
        assert_eq!(Encoding::from_name(enc.name()).unwrap(), enc);
        assert_eq!(
            Encoding::from_name(&enc.name().to_ascii_uppercase()).unwrap(),
            enc
        );
    }
    let e = Encoding::from_name("latin-9").unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::UnknownEncodingName("latin-9".into()));
}

#[test]
fn empty_input_is_fine_everywhere() {
    let d = decode::decode(b"").unwrap();
    assert_eq!(d.text, "");
    let r = analyzer().analyze_bytes(b"").unwrap();
    assert_eq!(r.counts.bytes, 0);
    assert_eq!(vntext::normalize::normalize("").text, "");
    assert!(vntext::tokenize::tokenize("").is_empty());
}

// The contracts below need the real normalizer and decoder (issue #2), merged long ago; they run
// with every `cargo test`.

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn normalize_output_is_nfc(s in prop_oneof![any_text(), vietnamese_text()]) {
        for (name, n) in normalizers() {
            check_normalize_nfc(name, &n, &s);
        }
    }
}

#[test]
fn edge_cases_normalize_to_nfc() {
    for (line, input, note) in edge_cases() {
        for (name, n) in normalizers() {
            let run = std::panic::catch_unwind(|| check_normalize_nfc(name, &n, &input));
            assert!(
                run.is_ok(),
                "robustness.tsv line {line} ({note}): [{name}] not NFC"
            );
        }
    }
}

#[test]
fn binary_input_is_refused_with_the_first_nul() {
    for (bytes, offset) in [(&b"ab\0cd\0"[..], 2), (b"\0", 0), (b"Vi\xe1\xbb\x87t\0", 6)] {
        let e = decode::decode(bytes).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Binary { offset }, "{bytes:?}");
        let e = analyzer().analyze_bytes(bytes).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Binary { offset });
        assert!(e.to_string().contains(&offset.to_string()));
    }
}

#[test]
fn legacy_text_decodes_and_spans_index_the_decoded_text() {
    // TCVN3 bytes of "Céng hßa x· héi chñ nghÜa ViÖt Nam" (REFERENCE.md §6.5).
    let tcvn3: &[u8] = b"C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam";
    let d = decode::decode(tcvn3).unwrap();
    assert_eq!(d.encoding, Encoding::Tcvn3);
    assert_eq!(d.text, "Cộng hòa xã hội chủ nghĩa Việt Nam");
    check_analyze_bytes(analyzer(), tcvn3);
}
