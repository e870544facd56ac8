//! Public types are `Send + Sync` (DESIGN.md: the Analyzer is "built once, shared freely"), and
//! one Analyzer (or Normalizer, or the lazily built default) gives the same results when used
//! from many threads at once as from one.

use std::thread;

use vntext::article::Article;
use vntext::decode::{Decoded, Decoder, Encoding, Replacements};
use vntext::ethnic::EthnicGroupMentions;
use vntext::extract::dates::{CalendarDate, DateKind, DateMention};
use vntext::extract::docnum::{DocumentNumber, System};
use vntext::extract::officials::Official;
use vntext::normalize::{Normalized, Normalizer, OffsetMap, ToneStyle};
use vntext::report::{ChromeSpan, Counts};
use vntext::stats::{Change, StatKind, Statistic};
use vntext::tokenize::{TextCounts, Token, TokenKind};
use vntext::{Analyzer, AnalyzerBuilder, Error, ErrorKind, Report, Span};

fn assert_send_sync<T: Send + Sync>() {}
fn assert_send_sync_static<T: Send + Sync + 'static>() {}

#[test]
fn public_types_are_send_and_sync() {
    // Checked at compile time: adding an `Rc` or a `Cell` to any of these fails the build.
    assert_send_sync_static::<Analyzer>();
    assert_send_sync_static::<AnalyzerBuilder>();
    assert_send_sync_static::<Report>();
    assert_send_sync_static::<Counts>();
    assert_send_sync_static::<ChromeSpan>();
    assert_send_sync_static::<Error>();
    assert_send_sync_static::<ErrorKind>();
    assert_send_sync_static::<Span>();
    assert_send_sync_static::<Normalizer>();
    assert_send_sync_static::<ToneStyle>();
    assert_send_sync_static::<OffsetMap>();
    assert_send_sync::<Normalized<'_>>();
    assert_send_sync_static::<Encoding>();
    assert_send_sync::<Decoded<'_>>();
    assert_send_sync_static::<Decoder>();
    assert_send_sync_static::<Replacements>();
    assert_send_sync::<Token<'_>>();
    assert_send_sync_static::<TokenKind>();
    assert_send_sync_static::<TextCounts>();
    assert_send_sync_static::<DocumentNumber>();
    assert_send_sync_static::<System>();
    assert_send_sync_static::<DateMention>();
    assert_send_sync_static::<DateKind>();
    assert_send_sync_static::<CalendarDate>();
    assert_send_sync_static::<Official>();
    assert_send_sync_static::<Statistic>();
    assert_send_sync_static::<StatKind>();
    assert_send_sync_static::<Change>();
    assert_send_sync_static::<EthnicGroupMentions>();
    assert_send_sync_static::<Article>();
}

#[test]
fn errors_box_into_send_sync_trait_objects() {
    let e = vntext::decode::decode_as(b"\xff", Encoding::Utf8).unwrap_err();
    let boxed: Box<dyn std::error::Error + Send + Sync + 'static> = Box::new(e);
    // Moves to another thread and prints there.
    let msg = thread::spawn(move || boxed.to_string()).join().unwrap();
    assert!(msg.contains("byte 0"), "{msg}");
}

const TEXTS: [&str; 6] = [
    include_str!("../data/articles/sin-ho-dan-van.txt"),
    "Kết luận số 69-KL/TU, ngày 09/4/2021 của Ban Thường vụ Tỉnh ủy.",
    "Thông tư số 67/2022/TT-BTC ngày 07/11/2022 của Bộ Tài chính.",
    "Đồng chí Nguyễn Văn A, Tỉnh ủy viên, Bí thư Huyện ủy; thu nhập bình quân đạt 32,5 triệu đồng/năm.",
    "Người dân tộc Mông chiếm 94% dân số; hộ nghèo giảm 5,2% so với năm 2020.",
    "",
];

#[test]
fn one_analyzer_shared_by_threads_agrees_with_one_thread() {
    let analyzer = Analyzer::new();
    let expected: Vec<Report> = TEXTS.iter().map(|t| analyzer.analyze(t)).collect();
    thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|k| {
                let analyzer = &analyzer;
                s.spawn(move || {
                    // Each thread walks the texts in a different order, several times.
                    (0..4 * TEXTS.len())
                        .map(|i| {
                            let j = (i + k) % TEXTS.len();
                            (j, analyzer.analyze(TEXTS[j]))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            for (j, report) in h.join().expect("no thread panics") {
                assert_eq!(
                    report, expected[j],
                    "text {j} analysed differently on a thread"
                );
            }
        }
    });
}

#[test]
fn analyze_bytes_from_threads() {
    let analyzer = Analyzer::new();
    thread::scope(|s| {
        for t in TEXTS {
            let analyzer = &analyzer;
            s.spawn(move || {
                let r = analyzer
                    .analyze_bytes(t.as_bytes())
                    .expect("UTF-8 text decodes");
                assert_eq!(r, analyzer.analyze(t));
            });
        }
    });
}

#[test]
fn default_analyzer_initialised_from_racing_threads() {
    // `vntext::analyze` builds its Analyzer lazily: the first calls race to build it.
    let reports: Vec<Report> = thread::scope(|s| {
        let hs: Vec<_> = (0..8)
            .map(|i| s.spawn(move || vntext::analyze(TEXTS[i % TEXTS.len()])))
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let analyzer = Analyzer::new();
    for (i, r) in reports.iter().enumerate() {
        assert_eq!(r, &analyzer.analyze(TEXTS[i % TEXTS.len()]));
    }
}

#[test]
fn one_normalizer_shared_by_threads() {
    let n = Normalizer::new().tone_style(ToneStyle::Modern);
    let expected: Vec<String> = TEXTS
        .iter()
        .map(|t| n.normalize(t).text.into_owned())
        .collect();
    thread::scope(|s| {
        for (t, want) in TEXTS.iter().zip(&expected) {
            let n = &n;
            s.spawn(move || assert_eq!(&n.normalize(t).text, want));
        }
    });
}

#[test]
fn analyzers_move_between_threads() {
    let analyzer = AnalyzerBuilder::new()
        .build()
        .expect("embedded tables build");
    let r = thread::spawn(move || analyzer.analyze(TEXTS[1]))
        .join()
        .unwrap();
    assert_eq!(r.counts.bytes, TEXTS[1].len());
}
