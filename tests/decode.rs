//! Integration tests for `vntext::decode`: real legacy documents, round trips through every
//! encoding, the table of cases in `tests/cases/decode.tsv`, and no-panic properties.

use std::borrow::Cow;

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use vntext::ErrorKind;

#[path = "support/linear.rs"]
mod linear;
use vntext::decode::{
    Decoder, Encoding, Replacements, decode, decode_as, decode_lossy, detect, encode,
    viqr_to_unicode,
};

// ---------------------------------------------------------------------------------------------
// Real documents (data/legacy, see data/legacy/SOURCE.txt)

struct Doc {
    name: &'static str,
    raw: &'static [u8],
    transcript: &'static str,
    encoding: Encoding,
}

const DOCS: [Doc; 4] = [
    Doc {
        name: "2003-A30",
        raw: include_bytes!("../data/legacy/2003-A30.tcvn3.txt"),
        transcript: include_str!("../data/legacy/2003-A30.txt"),
        encoding: Encoding::Tcvn3,
    },
    Doc {
        name: "2004-A3",
        raw: include_bytes!("../data/legacy/2004-A3.tcvn3.txt"),
        transcript: include_str!("../data/legacy/2004-A3.txt"),
        encoding: Encoding::Tcvn3,
    },
    Doc {
        name: "2008-23.QD-991-UBND",
        raw: include_bytes!("../data/legacy/2008-23.QD-991-UBND.vni.txt"),
        transcript: include_str!("../data/legacy/2008-23.QD-991-UBND.txt"),
        encoding: Encoding::Vni,
    },
    Doc {
        name: "2009-download",
        raw: include_bytes!("../data/legacy/2009-download.vni.txt"),
        transcript: include_str!("../data/legacy/2009-download.txt"),
        encoding: Encoding::Vni,
    },
];

/// NFC, case-folded, whitespace-collapsed.
fn normalized(s: &str) -> Vec<char> {
    let folded: String = s.nfc().flat_map(char::to_lowercase).collect();
    let mut out = Vec::with_capacity(folded.len());
    for w in folded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars());
    }
    out
}

/// Character similarity 1 - edit distance / longer length (Levenshtein, two rows).
fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (normalized(a), normalized(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    1.0 - prev[b.len()] as f64 / a.len().max(b.len()) as f64
}

#[test]
fn similarity_is_sane() {
    assert_eq!(similarity("Việt  Nam", "việt nam"), 1.0);
    assert!((similarity("abcd", "abce") - 0.75).abs() < 1e-9);
}

#[test]
fn real_documents_decode_to_their_transcripts() {
    for doc in &DOCS {
        let d = decode(doc.raw).unwrap_or_else(|e| panic!("{}: {e}", doc.name));
        assert_eq!(d.encoding, doc.encoding, "{}", doc.name);
        assert!(
            d.confidence > 0.9,
            "{}: confidence {}",
            doc.name,
            d.confidence
        );
        let sim = similarity(&d.text, doc.transcript);
        // The transcripts mark table cells with '|' and drop bullets, so 1.0 is out of reach.
        assert!(sim >= 0.98, "{}: similarity {sim:.4}", doc.name);
        let c = detect(doc.raw);
        assert_eq!(c[0].encoding, doc.encoding, "{}", doc.name);
        assert!(
            c[0].confidence - c[1].confidence > 0.2,
            "{}: {c:?}",
            doc.name
        );
    }
}

#[test]
fn real_documents_survive_truncation_anywhere() {
    // Cutting a VNI document in the middle of a sequence must not panic nor change the choice.
    for doc in &DOCS {
        for cut in [1, 2, 3, 17, doc.raw.len() / 2, doc.raw.len() - 1] {
            let part = &doc.raw[..cut];
            let _ = decode(part);
            let _ = decode_lossy(part);
            let d = decode_as(part, doc.encoding).unwrap();
            assert!(!d.text.is_empty());
        }
        let half = decode(&doc.raw[..doc.raw.len() / 2 + 1]).unwrap();
        assert_eq!(half.encoding, doc.encoding, "{}", doc.name);
    }
}

// ---------------------------------------------------------------------------------------------
// Round trips: real Unicode lines, written with our encoder, detected and decoded back.

/// Unicode lines from the transcripts (public documents), long enough to detect.
fn unicode_lines() -> Vec<&'static str> {
    DOCS.iter()
        .flat_map(|d| d.transcript.lines())
        .map(str::trim)
        .filter(|l| l.chars().filter(|c| !c.is_ascii()).count() >= 8)
        .collect()
}

#[test]
fn round_trip_every_encoding() {
    let lines = unicode_lines();
    assert!(lines.len() > 50);
    for enc in [
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viscii,
        Encoding::Windows1258,
        Encoding::Utf8Mojibake,
        Encoding::Viqr,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
    ] {
        let mut detected = 0;
        for line in &lines {
            let line: String = line.nfc().collect();
            let bytes = match encode(&line, enc) {
                Ok(b) => b,
                // Symbols outside the code page (e.g. "–" in VISCII): skip the line.
                Err(_) => continue,
            };
            let forced = decode_as(&bytes, enc).unwrap();
            assert_eq!(forced.text, line, "{enc:?}");
            if enc != Encoding::Viqr && decode(&bytes).is_ok_and(|d| d.encoding == enc) {
                detected += 1;
            }
        }
        if enc != Encoding::Viqr {
            // Short lines can be ambiguous; nearly all must be detected right.
            assert!(
                detected * 100 >= lines.len() * 90,
                "{enc:?}: {detected}/{}",
                lines.len()
            );
        }
    }
}

#[test]
fn whole_documents_round_trip_and_detect() {
    for enc in [
        Encoding::Viscii,
        Encoding::Windows1258,
        Encoding::Utf8Mojibake,
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
    ] {
        for doc in &DOCS {
            let text: String = doc
                .transcript
                .nfc()
                .filter(|&c| encode(&c.to_string(), enc).is_ok())
                .collect();
            let bytes = encode(&text, enc).unwrap();
            let d = decode(&bytes).unwrap();
            assert_eq!(d.encoding, enc, "{} as {enc:?}", doc.name);
            assert_eq!(d.text, text, "{} as {enc:?}", doc.name);
        }
    }
}

#[test]
fn mojibake_deep_inside_a_long_text_is_repaired() {
    let clean: String = DOCS
        .iter()
        .map(|d| d.transcript)
        .collect::<Vec<_>>()
        .join("\n")
        .repeat(4);
    assert!(clean.len() > 64 * 1024);
    let tail = "Ủy ban nhân dân tỉnh được giao nhiệm vụ quản lý người dân tộc thiểu số.";
    let damaged_tail = String::from_utf8(encode(tail, Encoding::Utf8Mojibake).unwrap()).unwrap();
    let input = format!("{clean}\n{damaged_tail}");
    let d = decode(input.as_bytes()).unwrap();
    assert_eq!(d.encoding, Encoding::Utf8Mojibake);
    assert_eq!(d.text, format!("{clean}\n{tail}"));
}

#[test]
fn pathological_inputs_stay_linear() {
    // Patterns that make each stage do its most work, up to 1.2 MB (4× 300 KB): capital words and
    // split capitals (TCVN3), stacked marks (VNI), orphan combining bytes (Windows-1258), mojibake
    // marks everywhere. 4× the input costs about 4× the time (tests/support/linear.rs).
    let n = 300 * 1024;
    let cases: [(&[u8], Encoding); 4] = [
        (b"U\xf1Y BAN T\xd8NH ", Encoding::Tcvn3),
        (b"a\xe2\xf9\xf9\xe1", Encoding::Vni),
        (b"\xcc\xec\xd2a\xf2", Encoding::Windows1258),
        ("Ã¢Ä‘á»".as_bytes(), Encoding::Utf8Mojibake),
    ];
    for (unit, enc) in cases {
        let make = |k: usize| -> Vec<u8> { unit.iter().copied().cycle().take(k).collect() };
        linear::assert_linear(
            &format!("decode on {enc:?} {unit:?}…"),
            1024,
            4 * n,
            make,
            |input: &[u8]| {
                let _ = decode(input);
                let _ = decode_lossy(input);
                let _ = decode_as(input, enc);
            },
        );
    }
    let viqr = "a^'(+.`?~\\dd";
    linear::assert_linear(
        "viqr_to_unicode",
        64,
        n,
        |k| viqr.repeat(k),
        |s: &str| {
            std::hint::black_box(viqr_to_unicode(s));
        },
    );
}

#[test]
fn clean_utf8_is_borrowed() {
    let text = DOCS[0].transcript;
    let d = decode(text.as_bytes()).unwrap();
    assert!(matches!(d.text, Cow::Borrowed(_)));
    assert_eq!(d.encoding, Encoding::Utf8);
    assert_eq!(d.confidence, 1.0);
}

#[test]
fn viqr_is_never_automatic() {
    let viqr = encode(DOCS[2].transcript, Encoding::Viqr).unwrap();
    let d = decode(&viqr).unwrap();
    assert_eq!(d.encoding, Encoding::Utf8);
    assert!(matches!(d.text, Cow::Borrowed(_)));
    assert_eq!(
        viqr_to_unicode(&d.text),
        DOCS[2].transcript.nfc().collect::<String>()
    );
}

#[test]
fn errors_are_typed() {
    let junk: Vec<u8> = (0..2000u32)
        .map(|i| (i * 7919 % 251) as u8 | 0x80)
        .collect();
    match decode(&junk) {
        Err(e) => assert!(
            matches!(e.kind(), ErrorKind::UnknownEncoding { offset: 0 }),
            "{e:?}"
        ),
        Ok(d) => panic!("junk decoded as {:?} ({})", d.encoding, d.confidence),
    }
    let lossy = decode_lossy(&junk);
    assert!(lossy.confidence < 0.6);
    assert!(!lossy.text.is_empty());
    let mut utf16 = Vec::new();
    for u in "Việt Nam".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    assert!(matches!(
        decode(&utf16).unwrap_err().kind(),
        ErrorKind::Binary { offset: 1 }
    ));
    assert_eq!(decode_lossy(&utf16).confidence, 0.0);
    // UTF-8 with one broken byte: not a legacy encoding; decode_lossy keeps the UTF-8.
    let mut broken = DOCS[0].transcript.as_bytes().to_vec();
    broken.insert(100, 0xFF);
    assert!(decode(&broken).is_err());
    let d = decode_lossy(&broken);
    assert_eq!(d.encoding, Encoding::Utf8);
    assert!(d.text.contains('\u{FFFD}'));
}

// ---------------------------------------------------------------------------------------------
// Damaged Unicode: lenient and strict decoding

const SEED: &str = include_str!("../data/articles/sin-ho-dan-van.txt");

/// The seed article with `bad` inserted before the line break that ends its tenth line, and
/// where it went.
fn seed_with(bad: &[u8]) -> (Vec<u8>, usize) {
    let at = SEED.match_indices('\n').nth(9).unwrap().0;
    let mut bytes = SEED.as_bytes().to_vec();
    bytes.splice(at..at, bad.iter().copied());
    (bytes, at)
}

#[test]
fn one_bad_byte_in_utf8_is_replaced_and_located() {
    for bad in [&b"\x80"[..], b"\xff", b"\xe1\xbb", b"\xc3"] {
        let (bytes, at) = seed_with(bad);
        let d = Decoder::new().decode(&bytes).unwrap();
        assert_eq!(d.encoding, Encoding::Utf8, "{bad:?}");
        assert_eq!(d.replaced.count, 1, "{bad:?}");
        assert_eq!(d.replaced.offsets, [at], "{bad:?}");
        let mut expected = SEED.to_string();
        expected.insert(at, '\u{FFFD}');
        assert_eq!(d.text, expected, "{bad:?}");
        assert!(d.confidence > 0.99, "{}", d.confidence);
        // Offsets after the damage move by the bad bytes, not by the 3 bytes of U+FFFD.
        assert_eq!(d.input_offset(at), Some(at));
        assert_eq!(d.input_offset(at + 3), Some(at + bad.len()));
        assert_eq!(d.input_offset(d.text.len()), Some(bytes.len()));
        // Strict decoding, and `decode`, name the byte.
        for err in [Decoder::new().strict(true).decode(&bytes), decode(&bytes)] {
            let e = err.unwrap_err();
            assert_eq!(e.kind(), &ErrorKind::InvalidUtf8 { offset: at }, "{bad:?}");
            assert!(e.to_string().contains(&at.to_string()));
        }
        assert_eq!(decode_lossy(&bytes), d);
    }
}

#[test]
fn replacements_are_counted_exactly_and_listed_up_to_the_cap() {
    // 100 stray bytes, one per line, in a text long enough to stay "mostly valid".
    let mut bytes = Vec::new();
    let mut offsets = Vec::new();
    for line in SEED.lines().cycle().take(400) {
        bytes.extend_from_slice(line.as_bytes());
        if offsets.len() < 100 && !line.is_empty() {
            offsets.push(bytes.len());
            bytes.push(0x9D);
        }
        bytes.push(b'\n');
    }
    let d = Decoder::new().decode(&bytes).unwrap();
    assert_eq!(d.replaced.count, 100);
    assert_eq!(d.replaced.offsets, offsets[..Replacements::MAX_OFFSETS]);
    assert!(
        d.replaced
            .to_string()
            .starts_with("100 invalid byte sequences replaced by U+FFFD")
    );
    assert!(d.replaced.to_string().ends_with(", …"));
    assert_eq!(d.text.matches('\u{FFFD}').count(), 100);
}

#[test]
fn legacy_documents_are_not_read_as_damaged_utf8() {
    for doc in &DOCS {
        for decoder in [Decoder::new(), Decoder::new().strict(true)] {
            let d = decoder.decode(doc.raw).unwrap();
            assert_eq!(d.encoding, doc.encoding, "{}", doc.name);
            assert!(d.replaced.is_empty(), "{}", doc.name);
            assert_eq!(d.input_offset(0), None, "{}: converted text", doc.name);
        }
    }
}

#[test]
fn ascii_with_a_stray_byte_is_lenient_only() {
    // No Vietnamese letter at all: no legacy encoding fits, and one byte in 300 is bad.
    let mut bytes = b"Ha Noi, Sin Ho, Lai Chau. ".repeat(12);
    bytes.insert(100, 0x81);
    let d = Decoder::new().decode(&bytes).unwrap();
    assert_eq!(
        (d.encoding, d.replaced.offsets.as_slice()),
        (Encoding::Utf8, &[100][..])
    );
    assert!(matches!(
        decode(&bytes).unwrap_err().kind(),
        ErrorKind::UnknownEncoding { offset: 100 }
    ));
    // Garbage stays garbage: many bad bytes and no legacy encoding that fits.
    let junk: Vec<u8> = (0..2000u32)
        .map(|i| (i * 7919 % 251) as u8 | 0x80)
        .collect();
    assert!(matches!(
        Decoder::new().decode(&junk).unwrap_err().kind(),
        ErrorKind::UnknownEncoding { .. }
    ));
}

#[test]
fn binary_stays_binary_when_lenient() {
    let mut bytes = SEED.as_bytes().to_vec();
    bytes.extend(std::iter::repeat_n(0u8, 400));
    for decoder in [Decoder::new(), Decoder::new().strict(true)] {
        assert!(matches!(
            decoder.decode(&bytes).unwrap_err().kind(),
            ErrorKind::Binary { offset } if *offset == SEED.len()
        ));
    }
}

#[test]
fn utf16_with_a_byte_order_mark_is_text() {
    for enc in [Encoding::Utf16Le, Encoding::Utf16Be] {
        let bytes = encode(SEED, enc).unwrap();
        for decoder in [Decoder::new(), Decoder::new().strict(true)] {
            let d = decoder.decode(&bytes).unwrap();
            assert_eq!((d.encoding, d.text.as_ref()), (enc, SEED));
            assert_eq!(
                d.input_offset(0),
                None,
                "UTF-16: offsets index the decoded text"
            );
        }
        assert_eq!(decode(&bytes).unwrap().text, SEED);
        assert_eq!(detect(&bytes)[0].encoding, enc);
        // Without its mark UTF-16 has NUL bytes everywhere: binary, as before.
        assert!(matches!(
            decode(&bytes[2..]).unwrap_err().kind(),
            ErrorKind::Binary { .. }
        ));
        // An unpaired surrogate: U+FFFD when lenient, an error naming the byte when strict.
        let mut damaged = bytes.clone();
        let unit: [u8; 2] = if enc == Encoding::Utf16Le {
            [0x00, 0xDC]
        } else {
            [0xDC, 0x00]
        };
        damaged.splice(20..20, unit);
        let d = Decoder::new().decode(&damaged).unwrap();
        assert_eq!(
            (d.replaced.count, d.replaced.offsets.as_slice()),
            (1, &[20][..])
        );
        assert_eq!(d.text.chars().nth(9), Some('\u{FFFD}'));
        assert_eq!(
            decode(&damaged).unwrap_err().kind(),
            &ErrorKind::InvalidUtf16 { offset: 20 }
        );
        // UTF-16 of NUL characters is binary.
        let nuls = encode(&"\0".repeat(50), enc).unwrap();
        assert!(matches!(
            Decoder::new().decode(&nuls).unwrap_err().kind(),
            ErrorKind::Binary { offset: 2 }
        ));
    }
}

/// Every span of the report, as (what, start, end, text).
fn report_spans(r: &vntext::Report) -> Vec<(&'static str, usize, usize, String)> {
    let mut v = Vec::new();
    v.extend(
        r.document_numbers
            .iter()
            .map(|d| ("docnum", d.start, d.end, d.text.clone())),
    );
    v.extend(
        r.dates
            .iter()
            .map(|d| ("date", d.start, d.end, d.text.clone())),
    );
    v.extend(
        r.periods
            .iter()
            .map(|d| ("period", d.start, d.end, d.text.clone())),
    );
    v.extend(
        r.officials
            .iter()
            .map(|o| ("official", o.start, o.end, o.text.clone())),
    );
    v.extend(
        r.statistics
            .iter()
            .map(|s| ("statistic", s.start, s.end, s.text.to_string())),
    );
    v.extend(
        r.chrome
            .iter()
            .map(|c| ("chrome", c.start, c.end, c.text.clone())),
    );
    v
}

#[test]
fn analyze_bytes_spans_index_the_bytes_given() {
    let analyzer = vntext::Analyzer::new();
    let clean = report_spans(&analyzer.analyze(SEED));
    assert!(clean.len() > 20, "the seed has {} items", clean.len());
    // A byte-order mark: every span moves by its 3 bytes.
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(SEED.as_bytes());
    let r = analyzer.analyze_bytes(&with_bom).unwrap();
    let shifted: Vec<_> = clean
        .iter()
        .map(|(w, s, e, t)| (*w, s + 3, e + 3, t.clone()))
        .collect();
    assert_eq!(report_spans(&r), shifted);
    assert!(r.replaced.is_empty());
    // A stray byte at the end of a line: the same items, those after it one byte later, and the
    // report says where the byte is.
    let (bytes, at) = seed_with(b"\x80");
    let r = analyzer.analyze_bytes(&bytes).unwrap();
    assert_eq!(
        (r.replaced.count, r.replaced.offsets.as_slice()),
        (1, &[at][..])
    );
    assert_eq!(r.encoding, "utf-8");
    assert_eq!(r.counts.bytes, bytes.len());
    let moved: Vec<_> = clean
        .iter()
        .map(|(w, s, e, t)| {
            let k = |x: usize| if x > at { x + 1 } else { x };
            (*w, k(*s), k(*e), t.clone())
        })
        .collect();
    let got = report_spans(&r);
    assert_eq!(got, moved);
    for (what, s, e, t) in &got {
        assert_eq!(&bytes[*s..*e], t.as_bytes(), "{what} {s}..{e}");
    }
    // Strict: the error, naming the byte.
    let strict = vntext::AnalyzerBuilder::new()
        .strict_decoding(true)
        .build()
        .unwrap();
    assert_eq!(
        strict.analyze_bytes(&bytes).unwrap_err().kind(),
        &ErrorKind::InvalidUtf8 { offset: at }
    );
    // UTF-16: spans index the decoded text (the same as the text's own report).
    let r = analyzer
        .analyze_bytes(&encode(SEED, Encoding::Utf16Le).unwrap())
        .unwrap();
    assert_eq!(r.encoding, "utf-16le");
    assert_eq!(report_spans(&r), clean);
}

// ---------------------------------------------------------------------------------------------
// The table of cases

/// Windows-1252 at 0x80–0x9F (the WHATWG/Microsoft table; `\0` = undefined), written out here
/// independently of the crate's data file.
const CP1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// The Windows-1252 byte that shows as `c`.
fn cp1252_byte(c: char) -> u8 {
    if let Some(i) = CP1252_HIGH.iter().position(|&h| h == c) {
        return 0x80 + i as u8;
    }
    match u32::from(c) {
        u @ (0..=0x7F | 0xA0..=0xFF) => u as u8,
        _ => panic!("{c:?} is not a Windows-1252 char"),
    }
}

fn case_bytes(form: &str, input: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut rest = input;
    while let Some(c) = rest.chars().next() {
        if let Some(b) = rest
            .strip_prefix("\\x")
            .and_then(|r| r.get(..2))
            .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            rest = &rest[4..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        match form {
            "utf8" => out.extend(c.to_string().as_bytes()),
            "cp1252" => out.push(cp1252_byte(c)),
            other => panic!("unknown form {other}"),
        }
    }
    out
}

#[test]
fn table_of_cases() {
    let src = include_str!("cases/decode.tsv");
    let mut n = 0;
    for (lineno, line) in src.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 5, "line {}: {line:?}", lineno + 1);
        let (mode, enc, form, input, expected) = (cols[0], cols[1], cols[2], cols[3], cols[4]);
        let expected = if expected == "(empty)" { "" } else { expected };
        let bytes = case_bytes(form, input);
        let at = format!("tests/cases/decode.tsv line {}: {line}", lineno + 1);
        match mode {
            "detect" => {
                let d = decode(&bytes).unwrap_or_else(|e| panic!("{at}: {e}"));
                assert_eq!(d.encoding.name(), enc, "{at}: {:?}", detect(&bytes));
                assert_eq!(d.text, expected, "{at}");
            }
            "as" => {
                let e = Encoding::from_name(enc).unwrap();
                assert_eq!(decode_as(&bytes, e).unwrap().text, expected, "{at}");
            }
            "viqr" => {
                assert_eq!(
                    viqr_to_unicode(std::str::from_utf8(&bytes).unwrap()),
                    expected,
                    "{at}"
                );
            }
            "error" => {
                let err = decode(&bytes).expect_err(&at);
                match enc {
                    "unknown" => assert!(
                        matches!(err.kind(), ErrorKind::UnknownEncoding { .. }),
                        "{at}"
                    ),
                    "binary" => assert!(matches!(err.kind(), ErrorKind::Binary { .. }), "{at}"),
                    other => panic!("{at}: unknown error kind {other}"),
                }
            }
            other => panic!("{at}: unknown mode {other}"),
        }
        n += 1;
    }
    assert!(n >= 50, "{n} cases");
}

// ---------------------------------------------------------------------------------------------
// Properties

fn vietnamese_text() -> impl Strategy<Value = String> {
    // Words from real letters, capitalised or not, with spaces and punctuation.
    let letters: Vec<char> =
        "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
            .chars()
            .collect();
    let word = proptest::collection::vec(proptest::sample::select(letters), 1..7)
        .prop_map(|cs| cs.into_iter().collect::<String>());
    let cased = (word, 0..3u8).prop_map(|(w, k)| match k {
        0 => w,
        1 => {
            let mut c = w.chars();
            let first = c.next().unwrap();
            first.to_uppercase().chain(c).collect()
        }
        _ => w.to_uppercase(),
    });
    proptest::collection::vec(
        (cased, proptest::sample::select(vec![" ", ", ", ". ", "\n"])),
        0..30,
    )
    .prop_map(|ws| ws.into_iter().map(|(w, p)| w + p).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode(&bytes);
        let _ = detect(&bytes);
        let lossy = decode_lossy(&bytes);
        prop_assert!((0.0..=1.0).contains(&lossy.confidence));
        prop_assert_eq!(lossy.text.is_empty(), bytes.is_empty() || bytes == b"\xEF\xBB\xBF");
        for enc in Encoding::LEGACY {
            let d = decode_as(&bytes, enc).unwrap();
            prop_assert!(d.text.chars().count() <= bytes.len() * 2);
        }
        if let Ok(s) = std::str::from_utf8(&bytes) {
            let _ = viqr_to_unicode(s);
        }
    }

    #[test]
    fn never_panics_on_high_bytes(bytes in proptest::collection::vec(0x80u8.., 0..200)) {
        let _ = decode(&bytes);
        let _ = decode_lossy(&bytes);
    }

    #[test]
    fn legacy_round_trip(text in vietnamese_text()) {
        for enc in [Encoding::Vni, Encoding::Viscii, Encoding::Windows1258, Encoding::Utf8Mojibake] {
            let bytes = encode(&text, enc).unwrap();
            prop_assert_eq!(&decode_as(&bytes, enc).unwrap().text, &text, "{:?}", enc);
        }
        // TCVN3 puts capitals right by heuristics made for real words ("Uñy" → "Ủy"), which random
        // letter strings can trip: the round trip is exact in lower case.
        let lower = text.to_lowercase();
        let bytes = encode(&lower, Encoding::Tcvn3).unwrap();
        prop_assert_eq!(decode_as(&bytes, Encoding::Tcvn3).unwrap().text, lower);
    }

    #[test]
    fn decoded_clean_utf8_is_the_input(text in vietnamese_text()) {
        let d = decode(text.as_bytes()).unwrap();
        prop_assert_eq!(d.encoding, Encoding::Utf8);
        prop_assert_eq!(d.text, Cow::Borrowed(text.as_str()));
    }
}
