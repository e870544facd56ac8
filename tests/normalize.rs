//! Integration tests of `vntext::normalize`: table-driven cases (tests/cases/tones.tsv,
//! tests/cases/normalize.tsv), a slow reference implementation of tone placement compared with
//! the fast one, and property tests (idempotent, NFC, borrowed iff unchanged, offset map sound).
use proptest::prelude::*;
use std::borrow::Cow;
use unicode_normalization::{UnicodeNormalization, is_nfc};
use vntext::normalize::{Normalized, Normalizer, ToneStyle, fold, normalize, remove_tone};
use vntext::syllable::{Syllable, Tone};

const TONES: &str = include_str!("cases/tones.tsv");
const CASES: &str = include_str!("cases/normalize.tsv");
const SOE: &str = include_str!("../data/syllables/soe_vinorm-syllables.txt");

fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv::rows(table).map(|(_, cells)| cells)
}

#[path = "support/tsv.rs"]
mod tsv;
use tsv::unescape;

fn syllables() -> Vec<&'static str> {
    SOE.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
}

#[test]
fn tone_cases() {
    let trad = Normalizer::new();
    let modern = Normalizer::new().tone_style(ToneStyle::Modern);
    let preserve = Normalizer::new().tone_style(ToneStyle::Preserve);
    let mut n = 0;
    for r in rows(TONES) {
        n += 1;
        assert_eq!(trad.normalize(r[0]).text, r[1], "traditional of {}", r[0]);
        assert_eq!(modern.normalize(r[0]).text, r[2], "modern of {}", r[0]);
        assert_eq!(preserve.normalize(r[0]).text, r[0], "preserve of {}", r[0]);
        // Each style is stable, and the two styles convert into each other.
        assert_eq!(trad.normalize(r[2]).text, r[1]);
        assert_eq!(modern.normalize(r[1]).text, r[2]);
    }
    assert!(n >= 50, "{n}");
}

#[test]
fn normalize_cases() {
    let mut n = 0;
    for r in rows(CASES) {
        n += 1;
        let input = unescape(r[0]);
        let expected = unescape(r[1]);
        let out = normalize(&input);
        assert_eq!(
            out.text,
            expected,
            "{:?} ({})",
            input,
            r.get(2).unwrap_or(&"")
        );
        check_offsets(&input, &out);
        assert_eq!(
            normalize(&expected).text,
            expected,
            "idempotent on {expected:?}"
        );
    }
    assert!(n >= 40, "{n}");
}

#[test]
fn options_each_switch_one_step() {
    let text = "“Hoà”  Ðại\u{200B}…";
    assert_eq!(Normalizer::new().normalize(text).text, "\"Hòa\" Đại...");
    assert_eq!(
        Normalizer::new().whitespace(false).normalize(text).text,
        "\"Hòa\"  Đại\u{200B}..."
    );
    assert_eq!(
        Normalizer::new().punctuation(false).normalize(text).text,
        "“Hòa” Đại…"
    );
    assert_eq!(
        Normalizer::new().lookalikes(false).normalize(text).text,
        "\"Hòa\" Ðại..."
    );
    assert_eq!(
        Normalizer::new().lowercase(true).normalize(text).text,
        "\"hòa\" đại..."
    );
    assert_eq!(
        Normalizer::new().fold(true).normalize(text).text,
        "\"Hoa\" Dai..."
    );
}

#[test]
fn analyzer_setup_keeps_tones_and_maps_back() {
    // The Analyzer normalizes with Preserve and maps extractor spans back.
    let n = Normalizer::new().tone_style(ToneStyle::Preserve);
    let original = "Quyết định  số 12/QÐ-UBND\r\nngày 09/4/2021 của Uỷ ban";
    let out = n.normalize(original);
    assert_eq!(
        out.text,
        "Quyết định số 12/QĐ-UBND\nngày 09/4/2021 của Uỷ ban"
    );
    let t = &out.text;
    for needle in ["12/QĐ-UBND", "09/4/2021", "Uỷ ban", "Quyết định"] {
        let s = t.find(needle).unwrap();
        let r = out.to_original(s..s + needle.len());
        let back = &original[r];
        assert_eq!(normalize(back).text.replace("Ủy", "Uỷ"), needle, "{needle}");
    }
}

#[test]
fn fold_and_remove_tone() {
    assert_eq!(fold("Đặng Thị Thuỷ, ĐẮK LẮK"), "Dang Thi Thuy, DAK LAK");
    assert_eq!(fold("Vie\u{302}\u{323}t"), "Viet");
    assert_eq!(fold("Zürich café"), "Zurich cafe");
    assert!(matches!(fold("abc 123"), Cow::Borrowed(_)));
    assert_eq!(remove_tone("Nghiêm Xuân Thuỷ"), "Nghiêm Xuân Thuy");
    assert_eq!(remove_tone("ĐẮK"), "ĐĂK");
    assert!(matches!(remove_tone("Đăng"), Cow::Borrowed(_)));
}

// ---------------------------------------------------------------------------------------------
// Reference implementation of tone placement: NFD, take the mark out, find the vowel cluster by
// the rules of REFERENCE §6.3 written out plainly, put the mark back, NFC.

mod reference {
    use unicode_normalization::UnicodeNormalization;

    const MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

    fn is_vowel(c: char) -> bool {
        "aăâeêioôơuưy".contains(c)
    }

    /// The syllable `word` with its tone mark placed by the rules; `word` must be one valid
    /// syllable with at most one tone mark.
    pub fn place(word: &str, traditional: bool) -> String {
        let mut mark = None;
        let bare: String = word
            .nfd()
            .filter(|c| {
                if MARKS.contains(c) {
                    mark = Some(*c);
                    false
                } else {
                    true
                }
            })
            .collect();
        let letters: Vec<char> = bare.nfc().collect();
        let Some(mark) = mark else {
            return letters.into_iter().collect();
        };
        let lower: Vec<char> = letters
            .iter()
            .map(|c| c.to_lowercase().next().unwrap())
            .collect();
        let n = lower.len();
        // The onset ends before the first vowel; qu and gi (before another vowel) take one more.
        let mut start = lower.iter().position(|&c| is_vowel(c)).unwrap();
        let qu = start >= 1 && lower[start - 1] == 'q' && lower[start] == 'u';
        let gi = start == 1 && lower[0] == 'g' && lower[1] == 'i' && n > 2 && is_vowel(lower[2]);
        if qu || gi {
            start += 1;
        }
        let end = start + lower[start..].iter().take_while(|&&c| is_vowel(c)).count();
        let cluster = &lower[start..end];
        let has_coda = end < n;
        // The rules: a vowel with a hat/horn/breve takes the mark (the last one: ươ → ơ);
        // otherwise a single vowel; with a coda the last vowel (hoàn, thuyền); three vowels the
        // middle one (xoài, khuỷu); open oa, oe, uy by style; other pairs the first (tài, mùa).
        let k = if let Some(m) = cluster.iter().rposition(|c| "ăâêôơư".contains(*c)) {
            m
        } else if cluster.len() == 1 {
            0
        } else if has_coda {
            cluster.len() - 1
        } else if cluster.len() == 3 {
            1
        } else if matches!(cluster, ['o', 'a'] | ['o', 'e'] | ['u', 'y']) {
            if traditional { 0 } else { 1 }
        } else {
            0
        };
        let at = start + k;
        let mut out = String::new();
        for (i, c) in letters.iter().enumerate() {
            out.push(*c);
            if i == at {
                out.push(mark);
            }
        }
        out.nfc().collect()
    }
}

fn style_of(traditional: bool) -> ToneStyle {
    if traditional {
        ToneStyle::Traditional
    } else {
        ToneStyle::Modern
    }
}

/// Every valid syllable of the list, with every tone it admits, in both styles.
#[test]
fn reference_agrees_on_every_syllable() {
    let mut checked = 0;
    for w in syllables() {
        let Some(s) = Syllable::parse(w) else {
            continue;
        };
        for t in Tone::ALL {
            let Some(s) = s.with_tone(t) else { continue };
            let written = s.to_string();
            for traditional in [true, false] {
                let fast = s.place_tone(style_of(traditional));
                assert_eq!(fast, reference::place(&written, traditional), "{written}");
                checked += 1;
                // Through the normalizer: canonical input is borrowed, every misplacement fixed,
                // also inside a sentence and in uppercase.
                if cfg!(debug_assertions) && checked % 5 != 0 {
                    continue; // the normalizer part on a fifth of the cases in debug builds
                }
                let n = Normalizer::new().tone_style(style_of(traditional));
                assert!(
                    matches!(n.normalize(&fast).text, Cow::Borrowed(_)),
                    "{fast}"
                );
                if t != Tone::Ngang {
                    for pos in 0..3 {
                        let bad = misplace(&written, pos);
                        assert_eq!(n.normalize(&bad).text, fast, "{bad}");
                        let line = format!("x {bad}, {}", bad.to_uppercase());
                        let want = format!("x {fast}, {}", fast.to_uppercase());
                        assert_eq!(n.normalize(&line).text, want);
                    }
                }
            }
        }
    }
    assert!(checked > 100_000, "{checked}");
}

/// Moves the tone mark of `word` onto its vowel number `pos` (mod the number of vowels).
fn misplace(word: &str, pos: usize) -> String {
    let s = Syllable::parse(word).unwrap();
    let bare: Vec<char> = s.strip_tone().chars().collect();
    let vowels: Vec<usize> = (0..bare.len())
        .filter(|&i| vntext::syllable::set_tone_char(bare[i], Tone::Ngang).is_some())
        .collect();
    let at = vowels[pos % vowels.len()];
    bare.iter()
        .enumerate()
        .map(|(i, &c)| {
            if i == at {
                vntext::syllable::set_tone_char(c, s.tone()).unwrap()
            } else {
                c
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// A mark slipped onto any vowel is put back where the reference puts it, also through the
    /// normalizer and in uppercase.
    #[test]
    fn misplaced_marks_are_repaired(i in 0usize..18_142, t in 1usize..6, pos in 0usize..4,
                                    traditional: bool, upper: bool) {
        let all = syllables();
        let w = all[i % all.len()];
        if let Some(s) = Syllable::parse(w).and_then(|s| s.with_tone(Tone::ALL[t])) {
            let mut bad = misplace(&s.to_string(), pos);
            if upper {
                bad = bad.to_uppercase();
            }
            let expected = reference::place(&bad, traditional);
            let n = Normalizer::new().tone_style(style_of(traditional));
            prop_assert_eq!(n.normalize(&bad).text, expected.clone(), "{}", bad);
            prop_assert_eq!(Syllable::parse(&bad).unwrap().place_tone(style_of(traditional)), expected);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Properties of the whole normalizer.

/// Checks the offset map of `out` against `input`.
fn check_offsets(input: &str, out: &Normalized<'_>) {
    let t: &str = &out.text;
    assert_eq!(
        out.to_original(0..t.len()),
        0..input.len(),
        "whole text, {input:?}"
    );
    let bounds: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
    let step = (bounds.len() / 40).max(1);
    let sample: Vec<usize> = bounds
        .iter()
        .copied()
        .step_by(step)
        .chain([t.len()])
        .collect();
    let mut prev = (0, 0);
    for (k, &a) in sample.iter().enumerate() {
        let p = out.to_original(a..a);
        assert!(
            p.start >= prev.0 && p.end >= prev.1,
            "monotone at {a} in {input:?}"
        );
        prev = (p.start, p.end);
        for &b in &sample[k..] {
            let r = out.to_original(a..b);
            assert!(
                r.start <= r.end && r.end <= input.len(),
                "{a}..{b} → {r:?} in {input:?}"
            );
            assert!(
                input.is_char_boundary(r.start) && input.is_char_boundary(r.end),
                "{r:?}"
            );
        }
    }
    if matches!(out.text, Cow::Borrowed(_)) {
        for &a in &sample {
            assert_eq!(out.to_original(a..t.len()), a..input.len());
        }
    }
}

fn normalizers() -> Vec<Normalizer> {
    vec![
        Normalizer::new(),
        Normalizer::new().tone_style(ToneStyle::Modern),
        Normalizer::new().tone_style(ToneStyle::Preserve),
        Normalizer::new().lowercase(true),
        Normalizer::new().fold(true).lowercase(true),
        Normalizer::new()
            .whitespace(false)
            .punctuation(false)
            .lookalikes(false),
    ]
}

fn check_all(input: &str) {
    for n in normalizers() {
        let out = n.normalize(input);
        let t: &str = &out.text;
        assert!(is_nfc(t), "NFC: {input:?} → {t:?} ({n:?})");
        assert_eq!(
            matches!(out.text, Cow::Borrowed(_)),
            t == input,
            "borrowed iff unchanged"
        );
        let again = n.normalize(t);
        assert_eq!(again.text, t, "idempotent: {input:?} ({n:?})");
        assert!(matches!(again.text, Cow::Borrowed(_)));
        check_offsets(input, &out);
    }
}

/// Pieces of text that exercise every step.
fn piece() -> impl Strategy<Value = String> {
    let specials = prop::sample::select(vec![
        " ", "  ", "\t", "\r\n", "\r", "\n", "\u{A0}", "\u{200B}", "\u{AD}", "\u{FEFF}",
        "\u{2028}", "“", "”", "’", "…", "–", "—", "\u{2011}", "−", ".", ",", "/", "-", "Ð", "ð",
        "а", "о", "Α", "\u{300}", "\u{301}", "\u{302}", "\u{303}", "\u{309}", "\u{323}", "\u{31B}",
        "\u{306}", "\u{340}", "<", "\u{338}", "1", "2020", "QĐ", "UBND", "İ", "ẞ", "é", "中",
    ]);
    prop_oneof![
        3 => (0usize..18_142, 0usize..4, any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
            |(i, pos, up, nfd, mis)| {
                let all = syllables();
                let w = all[i % all.len()];
                let mut w = if mis && Syllable::parse(w).is_some() { misplace(w, pos) } else { w.to_string() };
                if up { w = w.to_uppercase(); }
                if nfd { w = w.nfd().collect(); }
                w
            }),
        2 => specials.prop_map(str::to_string),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn properties_on_vietnamese_pieces(pieces in prop::collection::vec(piece(), 0..24)) {
        check_all(&pieces.concat());
    }

    #[test]
    fn properties_on_any_text(s in "\\PC{0,30}") {
        check_all(&s);
    }

    #[test]
    fn properties_on_any_string(s in any::<String>()) {
        check_all(&s);
    }
}

/// Counts heap allocations of this test binary, to check that clean text costs none.
struct CountingAlloc;
static ALLOCS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
thread_local! {
    static COUNTING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}
unsafe impl std::alloc::GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if COUNTING.with(|c| c.get()) {
            ALLOCS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        // SAFETY: forwards to the system allocator with the caller's layout.
        unsafe { std::alloc::System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }
}
#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

#[test]
fn clean_text_allocates_nothing() {
    let text = "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n\nQuyết định số 12/QĐ-UBND ngày 09/4/2021 của Ủy ban nhân dân tỉnh về việc phê duyệt \"Đề án\" người, rượu, khuỷu, quý, giúp, hòa, thủy, khỏe, của, tài...";
    let n = Normalizer::new();
    let modern = Normalizer::new().tone_style(ToneStyle::Modern);
    let modern_text = modern.normalize(text).text.into_owned();
    COUNTING.with(|c| c.set(true));
    let out = n.normalize(text);
    let out2 = modern.normalize(&modern_text);
    COUNTING.with(|c| c.set(false));
    assert!(matches!(out.text, Cow::Borrowed(_)) && matches!(out2.text, Cow::Borrowed(_)));
    assert_eq!(ALLOCS.load(std::sync::atomic::Ordering::Relaxed), 0);
}

#[test]
fn borrowed_on_clean_corpus_lines() {
    let text = "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n\nQuyết định số 12/QĐ-UBND ngày 09/4/2021 của Ủy ban nhân dân tỉnh Lai Châu về việc phê duyệt \"Đề án\"...";
    let out = normalize(text);
    assert!(matches!(out.text, Cow::Borrowed(_)));
    assert!(out.offsets.is_identity());
}
