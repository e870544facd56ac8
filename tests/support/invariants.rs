//! Invariants every public entry point of vntext must keep on ANY input, checked by the
//! property tests (`tests/robustness.rs`) and by the fuzz targets (`fuzz/fuzz_targets/*.rs`,
//! which include this file by path). Each check panics with a message naming the broken
//! contract; callers feed it arbitrary input.
//!
//! The contracts come from DESIGN.md ("`input[start..end] == text`, always", "never panic",
//! "normalization: idempotent; NFC output") and from the rustdoc of each item.
#![allow(dead_code)]

use vntext::Report;
use vntext::decode::{self, Encoding};
use vntext::extract::dates::{self, CalendarDate};
use vntext::extract::{docnum, officials};
use vntext::normalize::{Normalizer, ToneStyle};
use vntext::{article, ethnic, stats, syllable, tokenize};

/// Every encoding the crate names (the enum is `#[non_exhaustive]`: new ones go here).
pub const ENCODINGS: [Encoding; 9] = [
    Encoding::Utf8,
    Encoding::Tcvn3,
    Encoding::Vni,
    Encoding::Viscii,
    Encoding::Windows1258,
    Encoding::Utf8Mojibake,
    Encoding::Viqr,
    Encoding::Utf16Le,
    Encoding::Utf16Be,
];

/// The normalizer configurations worth checking: the default, each tone style, folding,
/// lowercasing, everything off.
pub fn normalizers() -> Vec<(&'static str, Normalizer)> {
    vec![
        ("default", Normalizer::new()),
        ("modern", Normalizer::new().tone_style(ToneStyle::Modern)),
        (
            "preserve",
            Normalizer::new().tone_style(ToneStyle::Preserve),
        ),
        ("fold", Normalizer::new().fold(true)),
        ("lowercase", Normalizer::new().lowercase(true)),
        (
            "fold+lowercase+modern",
            Normalizer::new()
                .fold(true)
                .lowercase(true)
                .tone_style(ToneStyle::Modern),
        ),
        (
            "minimal",
            Normalizer::new()
                .whitespace(false)
                .punctuation(false)
                .lookalikes(false)
                .tone_style(ToneStyle::Preserve),
        ),
    ]
}

/// A debug rendering of `s`, cut to about 160 chars around byte `at` so that fuzz findings on
/// long inputs stay readable.
pub fn excerpt(s: &str, at: usize) -> String {
    const WIDTH: usize = 80;
    if s.len() <= 2 * WIDTH {
        return format!("{s:?}");
    }
    let mut a = at.saturating_sub(WIDTH).min(s.len());
    while !s.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = at.saturating_add(WIDTH).min(s.len());
    while !s.is_char_boundary(b) {
        b += 1;
    }
    format!(
        "{}{:?}{} ({} bytes)",
        if a > 0 { "…" } else { "" },
        &s[a..b],
        if b < s.len() { "…" } else { "" },
        s.len()
    )
}

/// Byte offset of the first difference between two strings.
fn first_difference(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
}

/// `input[start..end]`, or a panic saying which item's span is not a char-boundary range of the
/// input.
#[track_caller]
pub fn slice<'a>(input: &'a str, start: usize, end: usize, what: &str) -> &'a str {
    assert!(
        start <= end && end <= input.len(),
        "{what}: span {start}..{end} out of the input's 0..{} bytes",
        input.len()
    );
    match input.get(start..end) {
        Some(s) => s,
        None => panic!(
            "{what}: span {start}..{end} not on char boundaries of {}",
            excerpt(input, start)
        ),
    }
}

/// `text == input[start..end]` for an extracted item.
#[track_caller]
pub fn check_span(input: &str, start: usize, end: usize, text: &str, what: &str) {
    let got = slice(input, start, end, what);
    assert_eq!(got, text, "{what}: text differs from input[{start}..{end}]");
}

/// What a report's spans index: a text, or the bytes it was decoded from (UTF-8, possibly
/// damaged: a span's text is then its bytes decoded, U+FFFD for each invalid sequence).
pub trait Spanned {
    /// `self[start..end]` as text, or a panic saying why the span is not one.
    #[track_caller]
    fn at(&self, start: usize, end: usize, what: &str) -> std::borrow::Cow<'_, str>;
}

impl Spanned for str {
    #[track_caller]
    fn at(&self, start: usize, end: usize, what: &str) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(slice(self, start, end, what))
    }
}

impl Spanned for [u8] {
    #[track_caller]
    fn at(&self, start: usize, end: usize, what: &str) -> std::borrow::Cow<'_, str> {
        assert!(
            start <= end && end <= self.len(),
            "{what}: span {start}..{end} out of the input's 0..{} bytes",
            self.len()
        );
        String::from_utf8_lossy(&self[start..end])
    }
}

#[track_caller]
fn check_span_in<I: Spanned + ?Sized>(input: &I, start: usize, end: usize, text: &str, what: &str) {
    let got = input.at(start, end, what);
    assert_eq!(got, text, "{what}: text differs from input[{start}..{end}]");
}

#[track_caller]
fn check_finite(x: f64, what: &str) {
    assert!(
        x.is_finite(),
        "{what}: {x} is not finite (JSON would print null)"
    );
}

/// Tokens: spans valid, in order, not overlapping, non-empty; tokens and the gaps between them
/// rebuild the input (lossless). With `words_in_gaps_forbidden`, no letter or digit may be left
/// in a gap (the tokenizer must not drop words); that holds on Vietnamese-shaped text, whereas
/// arbitrary Unicode has alphabetic marks a tokenizer may rightly skip.
pub fn check_tokenize(input: &str, words_in_gaps_forbidden: bool) {
    let tokens = tokenize::tokenize(input);
    let mut rebuilt = String::with_capacity(input.len());
    let mut prev_end = 0;
    for t in &tokens {
        check_span(input, t.start, t.end, t.text, "token");
        assert!(t.start < t.end, "empty token at {}", t.start);
        assert!(
            t.start >= prev_end,
            "token {:?} at {}..{} overlaps or precedes the previous one (ends at {prev_end})",
            t.text,
            t.start,
            t.end
        );
        let gap = &input[prev_end..t.start];
        if words_in_gaps_forbidden {
            assert!(
                !gap.chars().any(char::is_alphanumeric),
                "letters or digits {gap:?} dropped between tokens (before {}) of {}",
                t.start,
                excerpt(input, t.start)
            );
        }
        rebuilt.push_str(gap);
        rebuilt.push_str(t.text);
        prev_end = t.end;
    }
    let tail = &input[prev_end..];
    if words_in_gaps_forbidden {
        assert!(
            !tail.chars().any(char::is_alphanumeric),
            "letters or digits {tail:?} dropped after the last token of {}",
            excerpt(input, prev_end)
        );
    }
    rebuilt.push_str(tail);
    assert_eq!(rebuilt, input, "tokens + gaps do not rebuild the input");

    let c = tokenize::counts(input);
    assert_eq!(
        c.tokens,
        tokens.len(),
        "counts().tokens disagrees with tokenize().len()"
    );
    assert!(
        c.valid_syllables <= c.syllables && c.syllables <= c.tokens,
        "counts not nested: {c:?}"
    );
    for t in &tokens {
        let _ = syllable::is_valid(t.text);
    }
}

/// Characters a normalizer may drop at the edges of a text (whitespace, controls, invisible
/// format characters, combining marks that folding removes): the offset map need not cover
/// them.
fn ignorable(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || unicode_normalization::char::is_combining_mark(c)
        || matches!(
            c,
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// Normalization: idempotent, and its offset map consistent: every mapped range lies on
/// char boundaries of the input, ranges of consecutive output chars are monotone, and the whole
/// output maps to the whole input (up to ignorable characters the normalizer removed at the
/// edges).
pub fn check_normalize(name: &str, n: &Normalizer, input: &str) {
    let once = n.normalize(input);
    let out: &str = &once.text;
    let twice = n.normalize(out);
    if twice.text != out {
        let at = first_difference(out, &twice.text);
        panic!(
            "[{name}] not idempotent: normalize(x) = {} but normalize(normalize(x)) = {} (x = {})",
            excerpt(out, at),
            excerpt(&twice.text, at),
            excerpt(input, at)
        );
    }

    // Per output char: mapped ranges valid and monotone.
    let mut prev = 0..0;
    for (i, c) in out.char_indices() {
        let r = once.to_original(i..i + c.len_utf8());
        assert!(
            r.start <= r.end && r.end <= input.len(),
            "[{name}] to_original({i}..) = {r:?} outside the input (0..{})",
            input.len()
        );
        assert!(
            input.is_char_boundary(r.start) && input.is_char_boundary(r.end),
            "[{name}] to_original({i}..) = {r:?} not on char boundaries of {}",
            excerpt(input, r.start)
        );
        assert!(
            r.start >= prev.start && r.end >= prev.end,
            "[{name}] offset map not monotone at output byte {i}: {prev:?} then {r:?} ({} → {})",
            excerpt(input, r.start),
            excerpt(out, i)
        );
        prev = r;
    }

    // The whole output maps to the whole input.
    let first = input.char_indices().find(|&(_, c)| !ignorable(c));
    if let Some((first, _)) = first {
        assert!(
            !out.is_empty(),
            "[{name}] output is empty but the input {} has text",
            excerpt(input, first)
        );
        let last_end = input
            .char_indices()
            .rev()
            .find(|&(_, c)| !ignorable(c))
            .map_or(input.len(), |(i, c)| i + c.len_utf8());
        let full = once.to_original(0..out.len());
        assert!(
            full.start <= first && full.end >= last_end && full.end <= input.len(),
            "[{name}] to_original(0..{}) = {full:?} does not cover the input's text {first}..{last_end} ({})",
            out.len(),
            excerpt(input, 0)
        );
    }
}

/// Normalized text is NFC (DESIGN.md), whatever the options.
pub fn check_normalize_nfc(name: &str, n: &Normalizer, input: &str) {
    let out = n.normalize(input).text;
    if !unicode_normalization::is_nfc(&out) {
        let nfc: String = unicode_normalization::UnicodeNormalization::nfc(&*out).collect();
        let at = first_difference(&out, &nfc);
        panic!(
            "[{name}] output is not NFC at byte {at}: {} (input {})",
            excerpt(&out, at),
            excerpt(input, at)
        );
    }
}

/// The extractors called directly: every item's span is `text` in the input.
pub fn check_extractors(input: &str) {
    for d in docnum::find_document_numbers(input) {
        check_span(input, d.start, d.end, &d.text, "document number");
    }
    let reference = Some(CalendarDate {
        year: 2021,
        month: 4,
        day: 9,
    });
    for r in [None, reference] {
        for d in dates::find_dates(input, r) {
            check_span(input, d.start, d.end, &d.text, "date");
        }
    }
    for o in officials::find_officials(input) {
        check_official(input, &o);
    }
    for s in stats::find_statistics(input) {
        check_span(input, s.start, s.end, &s.text, "statistic");
        check_statistic(&s);
    }
    for g in ethnic::find_ethnic_groups(input) {
        check_ethnic(input, &g);
    }
    let a = article::parse_article(input);
    if let Some(t) = a.title {
        slice(input, t.start, t.end, "article title");
    }
    for c in &a.chrome {
        slice(input, c.start, c.end, "article chrome");
    }
    if let Some(p) = &a.published {
        check_published(p);
    }
}

fn check_official<I: Spanned + ?Sized>(input: &I, o: &officials::Official) {
    check_span_in(input, o.start, o.end, &o.text, "official");
    let (ns, ne) = (o.name_span.start, o.name_span.end);
    input.at(ns, ne, "official name");
    if ns < ne {
        assert!(
            o.start <= ns && ne <= o.end,
            "official name span {ns}..{ne} outside the mention {}..{}",
            o.start,
            o.end
        );
    }
}

fn check_statistic(s: &stats::Statistic) {
    check_finite(s.value, "statistic value");
    for (x, what) in [
        (s.max, "statistic max"),
        (s.change.as_ref().map(|c| c.value), "statistic change"),
    ] {
        if let Some(x) = x {
            check_finite(x, what);
        }
    }
}

fn check_ethnic<I: Spanned + ?Sized>(input: &I, g: &ethnic::EthnicGroupMentions) {
    assert!(!g.name.is_empty(), "ethnic group without a name");
    assert!(g.mentions > 0, "ethnic group {:?} with 0 mentions", g.name);
    for s in &g.spans {
        input.at(s.start, s.end, "ethnic group mention");
    }
}

/// `published` is ISO `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
fn check_published(p: &str) {
    let b = p.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let ok = (b.len() == 10 || b.len() == 16)
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && (b.len() == 10 || (b[10] == b'T' && digits(11..13) && b[13] == b':' && digits(14..16)));
    assert!(ok, "published {p:?} is not ISO YYYY-MM-DD[THH:MM]");
}

/// A report of `input` (the text the spans index): every span is its text, numbers finite,
/// counts consistent.
pub fn check_report(input: &str, r: &Report) {
    check_report_spans(input, r);
    assert_eq!(r.counts.chars, input.chars().count(), "counts.chars");
}

/// Every span of a report is its text in `input`; numbers finite; counts nested.
pub fn check_report_spans<I: Spanned + ?Sized>(input: &I, r: &Report) {
    for d in &r.document_numbers {
        check_span_in(input, d.start, d.end, &d.text, "report document number");
    }
    for d in &r.dates {
        check_span_in(input, d.start, d.end, &d.text, "report date");
    }
    for d in &r.periods {
        check_span_in(input, d.start, d.end, &d.text, "report period");
    }
    for o in &r.officials {
        check_official(input, o);
    }
    for s in &r.statistics {
        check_span_in(input, s.start, s.end, &s.text, "report statistic");
        check_statistic(s);
    }
    for g in &r.ethnic_groups {
        check_ethnic(input, g);
    }
    for c in &r.chrome {
        check_span_in(input, c.start, c.end, &c.text, "report chrome");
    }
    if let Some(p) = &r.published {
        check_published(p);
    }
    check_finite(r.encoding_confidence, "encoding confidence");
    assert!(
        (0.0..=1.0).contains(&r.encoding_confidence),
        "encoding confidence {} outside 0..=1",
        r.encoding_confidence
    );
    assert!(
        Encoding::from_name(r.encoding.name()) == Ok(r.encoding),
        "report encoding {:?} does not round-trip through its name",
        r.encoding
    );
    let c = &r.counts;
    assert!(
        r.replaced.offsets.len() <= r.replaced.count
            && r.replaced.offsets.len() <= decode::Replacements::MAX_OFFSETS
            && r.replaced.offsets.is_sorted(),
        "replacements {:?}",
        r.replaced
    );
    assert!(
        c.valid_syllables <= c.syllables && c.syllables <= c.tokens,
        "report counts not nested: {c:?}"
    );
}

/// The full analyzer on a text: the report's spans index that text; `counts.bytes` is its length.
pub fn check_analyze(analyzer: &vntext::Analyzer, input: &str) -> Report {
    let r = analyzer.analyze(input);
    check_report(input, &r);
    assert_eq!(r.counts.bytes, input.len(), "counts.bytes");
    assert_eq!(r.encoding, "utf-8", "analyze(&str) must report utf-8");
    r
}

/// The analyzer on bytes (lenient by default): an error exactly when the lenient decoder
/// fails; otherwise the spans index the bytes when they are UTF-8 (possibly damaged), the
/// decoded text otherwise, and the replacements are the decoder's.
pub fn check_analyze_bytes(analyzer: &vntext::Analyzer, bytes: &[u8]) {
    let decoded = decode::Decoder::new().decode(bytes);
    match (analyzer.analyze_bytes(bytes), decoded) {
        (Ok(r), Ok(d)) => {
            if d.input_offset(0).is_some() {
                check_report_spans(bytes, &r);
                assert_eq!(r.counts.chars, d.text.chars().count(), "counts.chars");
            } else {
                check_report(&d.text, &r);
            }
            assert_eq!(r.counts.bytes, bytes.len(), "counts.bytes of analyze_bytes");
            assert_eq!(r.encoding, d.encoding.name(), "report encoding vs decode");
            assert_eq!(r.replaced, d.replaced, "report replacements vs decode");
        }
        (Err(e), Err(d)) => assert_eq!(e, d, "analyze_bytes and decode fail differently"),
        (Ok(_), Err(e)) => panic!("analyze_bytes succeeded where decode failed with {e}"),
        (Err(e), Ok(_)) => panic!("analyze_bytes failed ({e}) where decode succeeded"),
    }
}

/// Decoding: never panics; errors say where, at a byte that exists; UTF-8 input decodes to
/// itself; the lossy variant agrees with the strict one when that succeeds.
pub fn check_decode(bytes: &[u8]) {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    match decode::decode(bytes) {
        Ok(d) => {
            check_finite(d.confidence, "decode confidence");
            assert!(
                (0.0..=1.0).contains(&d.confidence),
                "decode confidence {} outside 0..=1",
                d.confidence
            );
            if d.encoding == Encoding::Utf8 {
                assert_eq!(
                    d.text.as_bytes(),
                    &bytes[bom..],
                    "UTF-8 decoding must return the input (BOM stripped)"
                );
            }
            assert!(
                d.replaced.is_empty(),
                "strict decoding replaced {:?}",
                d.replaced
            );
            let lossy = decode::decode_lossy(bytes);
            assert_eq!(lossy, d, "decode_lossy differs from a successful decode");
            let lenient = decode::Decoder::new().decode(bytes);
            assert_eq!(
                lenient.as_ref(),
                Ok(&d),
                "lenient decoding differs from strict"
            );
        }
        Err(e) => {
            check_error(&e, bytes);
            if let Ok(d) = decode::Decoder::new().decode(bytes) {
                check_lenient(bytes, &d);
            }
            let lossy = decode::decode_lossy(bytes);
            check_finite(lossy.confidence, "decode_lossy confidence");
            check_lenient(bytes, &lossy);
        }
    }
    for enc in ENCODINGS {
        match decode::decode_as(bytes, enc) {
            Ok(d) => {
                check_finite(d.confidence, "decode_as confidence");
                assert!((0.0..=1.0).contains(&d.confidence));
            }
            Err(e) => check_error(&e, bytes),
        }
    }
}

/// What lenient decoding gives: replacements counted and listed in order inside the input; when
/// the text maps back to the input, every char of the text is its bytes decoded.
fn check_lenient(bytes: &[u8], d: &decode::Decoded<'_>) {
    check_finite(d.confidence, "lenient confidence");
    assert!(
        (0.0..=1.0).contains(&d.confidence),
        "confidence {}",
        d.confidence
    );
    let r = &d.replaced;
    assert!(
        r.offsets.len() <= r.count.min(decode::Replacements::MAX_OFFSETS)
            && r.offsets.is_sorted()
            && r.offsets.iter().all(|&o| o < bytes.len()),
        "replacements {r:?} of {} bytes",
        bytes.len()
    );
    assert!(
        r.count <= d.text.matches('\u{FFFD}').count(),
        "{} replacements but fewer U+FFFD in the text",
        r.count
    );
    if d.input_offset(0).is_none() {
        return;
    }
    let mut prev = (0, d.input_offset(0).unwrap_or(0));
    let boundaries = d
        .text
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain([d.text.len()]);
    for i in boundaries {
        let o = d.input_offset(i).unwrap_or(0);
        assert!(
            prev.1 <= o && o <= bytes.len(),
            "input offsets not increasing at text offset {i}"
        );
        let got = String::from_utf8_lossy(&bytes[prev.1..o]);
        assert_eq!(
            got,
            &d.text[prev.0..i],
            "text offset {}..{i} maps to bytes {}..{o}",
            prev.0,
            prev.1
        );
        prev = (i, o);
    }
    assert_eq!(
        prev.1,
        bytes.len(),
        "the text's end maps to the input's end"
    );
}

/// A decoding error names a real position, and prints a non-empty message.
pub fn check_error(e: &vntext::Error, bytes: &[u8]) {
    use vntext::ErrorKind;
    let msg = e.to_string();
    assert!(!msg.is_empty(), "empty error message for {:?}", e.kind());
    match *e.kind() {
        ErrorKind::Binary { offset }
            if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") =>
        {
            // UTF-16: the first NUL code unit.
            assert!(
                offset % 2 == 0 && bytes.get(offset..offset + 2) == Some(&[0, 0][..]),
                "Binary error offset {offset} is not a NUL code unit of UTF-16"
            );
        }
        ErrorKind::Binary { offset } => {
            assert_eq!(
                bytes.get(offset),
                Some(&0),
                "Binary error offset {offset} is not a NUL byte"
            );
            assert!(
                !bytes[..offset].contains(&0),
                "Binary error offset {offset} is not the first NUL"
            );
        }
        ErrorKind::InvalidUtf8 { offset }
        | ErrorKind::InvalidUtf16 { offset }
        | ErrorKind::UnknownEncoding { offset } => {
            assert!(
                offset < bytes.len(),
                "error offset {offset} beyond the input ({} bytes)",
                bytes.len()
            );
            assert!(
                msg.contains(&offset.to_string()),
                "message {msg:?} does not say where (byte {offset})"
            );
        }
        _ => {}
    }
}
