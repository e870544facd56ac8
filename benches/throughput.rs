//! Throughput of every stage, in bytes per second, over real text (data/articles: the seed,
//! government documents, laws) and over synthetic worst cases. Baseline rows in the same groups
//! (`str::split_whitespace`, `unicode_words`, plain `unicode-normalization` NFC, a byte scan) show
//! how far each stage is from the practical limit.
//!
//! Run: `cargo bench` (all groups) or `cargo bench -- normalize` (one group).
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use vntext::normalize::{Normalizer, ToneStyle};
use vntext::{Analyzer, AnalyzerBuilder};

#[path = "../tests/support/adversarial.rs"]
mod families;

fn data(rel: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(rel)
}

/// All `.txt` files under `data/dir`, sorted, concatenated with blank lines between.
fn corpus(dir: &str) -> String {
    files_in(&data(dir))
}

/// All `.txt` files under `dir`, sorted, concatenated with blank lines between.
fn files_in(dir: &Path) -> String {
    let mut out = String::new();
    for s in texts_in(dir) {
        out.push_str(&s);
        out.push_str("\n\n");
    }
    out
}

/// The texts of all `.txt` files under `dir`, sorted by path.
fn texts_in(dir: &Path) -> Vec<String> {
    let mut paths = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("data dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                paths.push(p);
            }
        }
    }
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// Real text that is already canonical NFC: the seed and the government documents.
fn clean_text() -> String {
    let mut s = std::fs::read_to_string(data("articles/sin-ho-dan-van.txt")).expect("seed");
    s.push_str("\n\n");
    s.push_str(&corpus("articles/gov"));
    vntext::normalize::normalize(&s).text.into_owned()
}

/// The clean text made dirty the way scraped text is: modern tone placement (hoà, thuỷ),
/// NBSP and doubled spaces, Ð for Đ, CRLF line ends, soft hyphens, curly quotes.
fn dirty_text(clean: &str) -> String {
    let mut s = String::with_capacity(clean.len() + clean.len() / 8);
    for (i, line) in clean.lines().enumerate() {
        let l = line
            .replace("òa", "oà")
            .replace("ủy", "uỷ")
            .replace("ỏe", "oẻ")
            .replace('Đ', "Ð")
            .replace(", ", ",\u{a0}")
            .replace(" và ", "  và ");
        s.push_str(&l);
        if i % 7 == 0 {
            s.push('\u{ad}');
        }
        s.push_str("\r\n");
    }
    s
}

fn nfd(text: &str) -> String {
    text.nfd().collect()
}

fn repeat_to(text: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + text.len());
    while s.len() < bytes {
        s.push_str(text);
        s.push('\n');
    }
    let mut cut = bytes.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

/// Synthetic worst cases for linear cost.
fn adversarial() -> Vec<(&'static str, String)> {
    const MB: usize = 1 << 20;
    vec![
        ("slashes_1/1/1", repeat_to(&"1/".repeat(4096), MB)),
        (
            "digits_dots_commas",
            repeat_to(&"1.234,5,6.7.8,9".repeat(256), MB),
        ),
        ("one_word_1MB", "a".repeat(MB)),
        ("so_lines_100k", "Số:\n".repeat(100_000)),
        (
            "combining_marks",
            repeat_to(
                &format!("a{}", "\u{301}\u{300}\u{303}\u{323}".repeat(64)),
                MB,
            ),
        ),
        (
            "capitalized_run",
            repeat_to(&"Nguyễn Văn Bí Thư Chủ Tịch ".repeat(64), MB),
        ),
    ]
}

/// The families that were quadratic (issue #15: `Việt` glued 1 MB took 296 s in
/// `tokenize::counts`), 1 MB each, from the generator the linear-time tests use.
fn glued() -> Vec<(&'static str, String)> {
    const MB: usize = 1 << 20;
    [
        "glued/Việt",
        "glued/Hà",
        "glued/Số",
        "glued/Sìn",
        "glued/Việt-",
    ]
    .into_iter()
    .map(|name| {
        let f = families::family(name).unwrap_or_else(|| panic!("no family {name}"));
        (name, f.make(MB))
    })
    .collect()
}

fn bench_decode(c: &mut Criterion) {
    let clean = clean_text();
    let mut g = c.benchmark_group("decode");
    g.throughput(Throughput::Bytes(clean.len() as u64));
    g.bench_function("utf8_clean", |b| {
        b.iter(|| vntext::decode::decode(black_box(clean.as_bytes())).map(|d| d.text.len()))
    });
    g.bench_function("baseline/std_from_utf8", |b| {
        b.iter(|| std::str::from_utf8(black_box(clean.as_bytes())).map(str::len))
    });
    // Raw legacy files shipped in data/legacy (TCVN3 and VNI bytes).
    for (label, suffix) in [("tcvn3", ".tcvn3.txt"), ("vni", ".vni.txt")] {
        let mut bytes = Vec::new();
        if let Ok(rd) = std::fs::read_dir(data("legacy")) {
            let mut paths: Vec<_> = rd.flatten().map(|e| e.path()).collect();
            paths.sort();
            for p in paths {
                if p.to_string_lossy().ends_with(suffix) {
                    bytes.extend(std::fs::read(&p).unwrap_or_default());
                    bytes.extend_from_slice(b"\n\n");
                }
            }
        }
        if bytes.is_empty() {
            continue;
        }
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(label, |b| {
            b.iter(|| vntext::decode::decode_lossy(black_box(&bytes)).text.len())
        });
    }
    g.finish();
}

fn bench_normalize(c: &mut Criterion) {
    let clean = clean_text();
    let dirty = dirty_text(&clean);
    let laws = corpus("articles/laws");
    let decomposed = nfd(&clean);
    let n = Normalizer::new();
    let analysis = Normalizer::new().tone_style(ToneStyle::Preserve);
    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(clean.len() as u64));
    g.bench_function("clean_nfc", |b| {
        b.iter(|| n.normalize(black_box(&clean)).text.len())
    });
    g.bench_function("clean_nfc_preserve_tones", |b| {
        b.iter(|| analysis.normalize(black_box(&clean)).text.len())
    });
    g.bench_function("baseline/unicode_normalization_nfc", |b| {
        b.iter(|| black_box(&clean).nfc().count())
    });
    g.bench_function("baseline/is_nfc_quick", |b| {
        b.iter(|| unicode_normalization::is_nfc_quick(black_box(&clean).chars()))
    });
    g.bench_function("baseline/byte_scan_non_ascii", |b| {
        b.iter(|| {
            black_box(clean.as_bytes())
                .iter()
                .filter(|&&b| b >= 0x80)
                .count()
        })
    });
    g.throughput(Throughput::Bytes(dirty.len() as u64));
    g.bench_function("needs_fixes", |b| {
        b.iter(|| n.normalize(black_box(&dirty)).text.len())
    });
    g.bench_function("needs_fixes_modern", |b| {
        let m = Normalizer::new().tone_style(ToneStyle::Modern);
        b.iter(|| m.normalize(black_box(&dirty)).text.len())
    });
    g.bench_function("needs_fixes_fold_lowercase", |b| {
        let m = Normalizer::new().fold(true).lowercase(true);
        b.iter(|| m.normalize(black_box(&dirty)).text.len())
    });
    g.throughput(Throughput::Bytes(decomposed.len() as u64));
    g.bench_function("nfd_input", |b| {
        b.iter(|| n.normalize(black_box(&decomposed)).text.len())
    });
    g.throughput(Throughput::Bytes(laws.len() as u64));
    g.bench_function("laws_mixed_nfd", |b| {
        b.iter(|| n.normalize(black_box(&laws)).text.len())
    });
    g.finish();
}

fn bench_syllable(c: &mut Criterion) {
    let clean = clean_text();
    let mut g = c.benchmark_group("syllable");
    g.throughput(Throughput::Bytes(clean.len() as u64));
    g.bench_function("is_valid_every_word", |b| {
        b.iter(|| {
            black_box(&clean)
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty() && vntext::syllable::is_valid(w))
                .count()
        })
    });
    g.bench_function("baseline/split_alphabetic", |b| {
        b.iter(|| {
            black_box(&clean)
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .count()
        })
    });
    g.finish();
}

fn bench_tokenize(c: &mut Criterion) {
    let clean = clean_text();
    let mut g = c.benchmark_group("tokenize");
    g.throughput(Throughput::Bytes(clean.len() as u64));
    g.bench_function("tokenize_vec", |b| {
        b.iter(|| vntext::tokenize::tokenize(black_box(&clean)).len())
    });
    g.bench_function("counts", |b| {
        b.iter(|| vntext::tokenize::counts(black_box(&clean)).tokens)
    });
    g.bench_function("baseline/split_whitespace", |b| {
        b.iter(|| black_box(&clean).split_whitespace().count())
    });
    g.bench_function("baseline/unicode_words", |b| {
        b.iter(|| black_box(&clean).unicode_words().count())
    });
    g.finish();
}

/// The shared document model and each extractor over it (the document built beforehand, as
/// the analyzer does), so that each row is the cost of one stage.
fn bench_extract(c: &mut Criterion) {
    let clean = clean_text();
    let analyzer = Analyzer::new();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(clean.len() as u64));
    g.bench_function("document", |b| {
        b.iter(|| vntext::document::Document::new(black_box(&clean)).len())
    });
    g.bench_function("document_and_layout", |b| {
        b.iter(|| analyzer.document(black_box(&clean)).chrome().len())
    });
    let doc = analyzer.document(&clean);
    for e in vntext::extract::EXTRACTORS {
        g.bench_function(e.name(), |b| {
            b.iter(|| {
                let mut facts = vntext::extract::Facts::default();
                e.extract(black_box(&doc), &mut facts);
                facts
            })
        });
    }
    g.finish();
}

fn bench_analyze(c: &mut Criterion) {
    let clean = clean_text();
    let laws = corpus("articles/laws");
    let seed = std::fs::read_to_string(data("articles/sin-ho-dan-van.txt")).expect("seed");
    let analyzer = Analyzer::new();
    // Warm the lazily built tables before timing.
    black_box(analyzer.analyze(&seed));
    let mut g = c.benchmark_group("analyze");
    g.throughput(Throughput::Bytes(seed.len() as u64));
    g.bench_function("seed", |b| b.iter(|| analyzer.analyze(black_box(&seed))));
    g.throughput(Throughput::Bytes(clean.len() as u64));
    g.bench_function("gov", |b| b.iter(|| analyzer.analyze(black_box(&clean))));
    g.throughput(Throughput::Bytes(laws.len() as u64));
    g.bench_function("laws", |b| b.iter(|| analyzer.analyze(black_box(&laws))));
    // The way the library is used: one call per document (the rows above analyse each corpus
    // as one text, where the document's working set outgrows the caches: see `linear`).
    let mut each = texts_in(&data("articles/gov"));
    each.extend(texts_in(&data("articles/laws")));
    let bytes: usize = each.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("gov_laws_each", |b| {
        b.iter(|| {
            each.iter()
                .map(|t| analyzer.analyze(black_box(t)).counts.tokens)
                .sum::<usize>()
        })
    });
    // The news corpus is third-party text that stays outside the repository: measured only
    // when VNTEXT_NEWS_DIR names a folder of .txt files (e.g. shared/corpus/news).
    match std::env::var_os("VNTEXT_NEWS_DIR") {
        Some(dir) => {
            let each = texts_in(Path::new(&dir));
            let news = each.join("\n\n");
            g.throughput(Throughput::Bytes(news.len() as u64));
            g.bench_function("news", |b| b.iter(|| analyzer.analyze(black_box(&news))));
            let bytes: usize = each.iter().map(String::len).sum();
            g.throughput(Throughput::Bytes(bytes as u64));
            g.bench_function("news_each", |b| {
                b.iter(|| {
                    each.iter()
                        .map(|t| analyzer.analyze(black_box(t)).counts.tokens)
                        .sum::<usize>()
                })
            });
        }
        None => eprintln!(
            "analyze/news: skipped, VNTEXT_NEWS_DIR is not set (the news corpus is not in the repository)"
        ),
    }
    #[cfg(feature = "serde")]
    {
        let report = analyzer.analyze(&clean);
        let json = serde_json::to_string(&report).expect("serializes");
        g.throughput(Throughput::Bytes(json.len() as u64));
        g.bench_function("report_to_json", |b| {
            b.iter(|| serde_json::to_string(black_box(&report)).map(|s| s.len()))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("analyzer_construction");
    g.bench_function("build", |b| {
        b.iter(|| {
            AnalyzerBuilder::new()
                .build()
                .map(|a| black_box(a).analyze("").counts.bytes)
        })
    });
    g.finish();
}

fn bench_linear(c: &mut Criterion) {
    let clean = clean_text();
    let analyzer = Analyzer::new();
    let n = Normalizer::new();
    let mut g = c.benchmark_group("linear");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(6));
    // The same 10 KiB of text (the seed article) at every size, so that only the size differs.
    let unit = repeat_to(&clean, 10 << 10);
    for size in [10 << 10, 1 << 20, 50 << 20] {
        let text = repeat_to(&unit, size);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("analyze", size), &text, |b, t| {
            b.iter(|| analyzer.analyze(black_box(t)).counts.tokens)
        });
        g.bench_with_input(BenchmarkId::new("tokenize_counts", size), &text, |b, t| {
            b.iter(|| vntext::tokenize::counts(black_box(t)).tokens)
        });
        g.bench_with_input(BenchmarkId::new("normalize_clean", size), &text, |b, t| {
            b.iter(|| n.normalize(black_box(t)).text.len())
        });
    }
    g.finish();

    let mut g = c.benchmark_group("adversarial");
    g.sample_size(10);
    for (name, text) in adversarial() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("analyze", name), &text, |b, t| {
            b.iter(|| analyzer.analyze(black_box(t)).counts.tokens)
        });
        g.bench_with_input(BenchmarkId::new("normalize", name), &text, |b, t| {
            b.iter(|| n.normalize(black_box(t)).text.len())
        });
    }
    for (name, text) in glued() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("tokenize_counts", name), &text, |b, t| {
            b.iter(|| vntext::tokenize::counts(black_box(t)).tokens)
        });
        g.bench_with_input(BenchmarkId::new("analyze", name), &text, |b, t| {
            b.iter(|| analyzer.analyze(black_box(t)).counts.tokens)
        });
    }
    g.finish();
}

fn config() -> Criterion {
    // Short windows keep the whole suite near ten minutes on a 2-core machine; medians over
    // 20 samples are stable enough to compare rows of the same run.
    Criterion::default()
        .warm_up_time(Duration::from_millis(800))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20)
}

criterion_group!(
    name = benches;
    config = config();
    targets =
    bench_decode,
    bench_normalize,
    bench_syllable,
    bench_tokenize,
    bench_extract,
    bench_analyze,
    bench_linear
);
criterion_main!(benches);
