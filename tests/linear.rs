//! Linear time on adversarial input: every family of `tests/support/adversarial.rs` (glued
//! syllables of every case and script, long runs of each token kind, nested brackets, huge
//! lines, repeated cue words, capitalised runs) through every public entry point, the time of 4×
//! the input against 1× (`tests/support/linear.rs`). A quadratic path gives ×16 and fails.
//!
//! Run one entry point with its measurements: `cargo test --test linear tokenize -- --nocapture`.

#[path = "support/adversarial.rs"]
mod adversarial;
#[path = "support/linear.rs"]
mod linear;

use adversarial::{FAMILIES, Family};
use linear::{MAX_RATIO, assert_linear, measure};
use vntext::extract::{dates, docnum, officials};
use vntext::normalize::{Normalizer, ToneStyle};
use vntext::{Analyzer, article, decode, ethnic, stats, syllable, tokenize};

/// The 1× input starts at this many bytes and grows (doubling) until it is worth timing.
const START: usize = 1024;
/// The 4× input is at most this many bytes.
const MAX: usize = 1 << 20;

/// Checks `run` on every family whose group is in `groups` (all when empty).
fn every_family(entry: &str, groups: &[&str], run: impl Fn(&str)) {
    let mut checked = 0;
    for f in FAMILIES
        .iter()
        .filter(|f| groups.is_empty() || groups.contains(&f.group()))
    {
        let what = format!("{entry} on {}", f.name);
        assert_linear(&what, START, MAX, |n| f.make(n), |s: &str| run(s));
        checked += 1;
    }
    assert!(checked > 0, "{entry}: no family in {groups:?}");
}

/// The harness itself: a quadratic path measures over the bound (×16 for 4× the input), a
/// linear one under it.
#[test]
fn the_harness_tells_quadratic_from_linear() {
    let make = |n: usize| "a".repeat(n);
    let quadratic = |s: &str| {
        let b = s.as_bytes();
        let mut same = 0u64;
        for i in 0..b.len() {
            for j in 0..i {
                same += u64::from(b[i] == b[j]);
            }
        }
        std::hint::black_box(same);
    };
    let g = measure(START, MAX, make, quadratic);
    assert!(
        g.ratio() > MAX_RATIO,
        "quadratic measured ×{:.1}",
        g.ratio()
    );
    let linear = |s: &str| {
        std::hint::black_box(s.bytes().filter(|&c| c == b'a').count());
    };
    assert_linear("a byte count", START, MAX, make, linear);
}

#[test]
fn families_have_the_size_asked_for_and_unique_names() {
    let mut names = std::collections::HashSet::new();
    for f in FAMILIES {
        assert!(names.insert(f.name), "duplicate family {}", f.name);
        assert!(f.name.contains('/'), "{}: name must be group/what", f.name);
        for bytes in [1000, 100_000] {
            let s = f.make(bytes);
            assert!(
                s.len() >= bytes && s.len() < bytes + 400,
                "{}: {}",
                f.name,
                s.len()
            );
        }
    }
    assert!(FAMILIES.len() >= 150, "{} families", FAMILIES.len());
}

/// `counts` runs the token iterator and the sentence splitter that `sentences` runs.
#[test]
fn tokenize_is_linear() {
    every_family("tokenize::counts", &[], |s| {
        std::hint::black_box(tokenize::counts(s));
    });
}

#[test]
fn decode_is_linear() {
    every_family("decode", &[], |s| {
        let _ = std::hint::black_box(decode::decode(s.as_bytes()));
    });
    // Damaged UTF-8 (a stray byte in every unit), read leniently, and legacy bytes.
    for f in FAMILIES
        .iter()
        .filter(|f| matches!(f.group(), "glued" | "line" | "cue"))
    {
        let damaged = |n: usize| {
            let mut b = f.make(n).into_bytes();
            for i in (0..b.len()).step_by(97) {
                if b[i] < 0x80 {
                    b[i] = 0x80;
                }
            }
            b
        };
        assert_linear(
            &format!("lenient decode on damaged {}", f.name),
            START,
            MAX,
            damaged,
            |b: &[u8]| {
                let _ = std::hint::black_box(decode::Decoder::new().decode(b));
                std::hint::black_box(decode::decode_lossy(b));
            },
        );
    }
    let tcvn3: &[u8] = b"C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam ";
    assert_linear(
        "decode on TCVN3",
        START,
        MAX,
        |n| tcvn3.repeat(n / tcvn3.len() + 1),
        |b: &[u8]| {
            let _ = std::hint::black_box(decode::decode(b));
        },
    );
    let utf16 = |n: usize| {
        decode::encode(
            &adversarial::repeat_to("Việt Nam ", n),
            decode::Encoding::Utf16Le,
        )
        .unwrap_or_default()
    };
    assert_linear("decode on UTF-16", START, MAX, utf16, |b: &[u8]| {
        let _ = std::hint::black_box(decode::decode(b));
    });
}

#[test]
fn normalize_is_linear() {
    let default = Normalizer::new();
    let folding = Normalizer::new()
        .tone_style(ToneStyle::Modern)
        .fold(true)
        .lowercase(true);
    every_family("normalize", &[], |s| {
        std::hint::black_box(default.normalize(s));
        std::hint::black_box(folding.normalize(s));
    });
}

#[test]
fn syllable_parser_is_linear() {
    // The parser gives up after a syllable's length: whole inputs as one "word".
    every_family("syllable::is_valid", &["glued", "word", "run"], |s| {
        std::hint::black_box(syllable::is_valid(s));
    });
}

#[test]
fn document_numbers_are_linear() {
    every_family("docnum", &[], |s| {
        std::hint::black_box(docnum::unique(docnum::find_document_numbers(s)));
    });
}

#[test]
fn dates_are_linear() {
    every_family("dates", &[], |s| {
        std::hint::black_box(dates::unique(dates::find_dates(s, None)));
    });
}

#[test]
fn officials_are_linear() {
    every_family("officials", &[], |s| {
        std::hint::black_box(officials::find_officials(s));
    });
}

#[test]
fn statistics_are_linear() {
    every_family("stats", &[], |s| {
        std::hint::black_box(stats::find_statistics(s));
    });
}

#[test]
fn ethnic_groups_and_article_are_linear() {
    every_family("ethnic + article", &[], |s| {
        std::hint::black_box(ethnic::find_ethnic_groups(s));
        std::hint::black_box(article::parse_article(s));
    });
}

#[test]
fn analyzer_is_linear() {
    let analyzer = Analyzer::new();
    every_family("Analyzer::analyze", &[], |s| {
        std::hint::black_box(analyzer.analyze(s));
    });
}

/// The family of issue #15, checked on its own so that a failure names it at once: `Việt`
/// glued a few thousand times took 0.12 s at 16 KB and 296 s at 1 MB.
#[test]
fn glued_capitalised_syllables_are_linear() {
    for name in [
        "glued/Việt",
        "glued/Hà",
        "glued/Số",
        "glued/Sìn",
        "glued/Việt-",
    ] {
        let f: &Family = adversarial::family(name).unwrap_or_else(|| panic!("no family {name}"));
        assert_linear(
            &format!("tokenize::counts on {name}"),
            16 * 1024,
            4 << 20,
            |n| f.make(n),
            |s: &str| {
                std::hint::black_box(tokenize::counts(s));
            },
        );
    }
}
