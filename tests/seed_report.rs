//! Acceptance: the report of the seed article (data/articles/sin-ho-dan-van.txt), with every
//! expectation taken from reading the article itself.
use vntext::stats::StatKind;

const SEED: &str = include_str!("../data/articles/sin-ho-dan-van.txt");

fn report() -> vntext::Report {
    vntext::Analyzer::new().analyze(SEED)
}

#[test]
fn header_title_dateline_author() {
    let r = report();
    assert_eq!(
        r.title.as_deref(),
        Some("Sìn Hồ tăng cường công tác dân vận ở vùng đồng bào dân tộc thiểu số")
    );
    assert_eq!(r.published.as_deref(), Some("2022-01-24T09:17"));
    assert_eq!(r.author.as_deref(), Some("Lương Thủy"));
}

#[test]
fn every_span_indexes_the_input() {
    let r = report();
    let mut n = 0;
    let mut check = |text: &str, s: usize, e: usize| {
        assert_eq!(&SEED[s..e], text);
        n += 1;
    };
    r.document_numbers
        .iter()
        .for_each(|d| check(&d.text, d.start, d.end));
    r.dates.iter().for_each(|d| check(&d.text, d.start, d.end));
    r.periods
        .iter()
        .for_each(|d| check(&d.text, d.start, d.end));
    r.officials
        .iter()
        .for_each(|d| check(&d.text, d.start, d.end));
    r.statistics
        .iter()
        .for_each(|d| check(&d.text, d.start, d.end));
    r.chrome.iter().for_each(|d| check(&d.text, d.start, d.end));
    assert!(n > 20);
}

#[test]
fn ethnic_minority_share_with_subject() {
    let r = report();
    let pct: Vec<_> = r
        .statistics
        .iter()
        .filter(|s| s.kind == StatKind::Percentage)
        .collect();
    assert_eq!(pct.len(), 1, "{pct:?}");
    assert_eq!(pct[0].value, 94.0);
    assert!(
        pct[0]
            .subject
            .as_deref()
            .is_some_and(|s| s.contains("người dân tộc thiểu số")),
        "{:?}",
        pct[0].subject
    );
}

#[test]
fn counts_ratios_average() {
    let r = report();
    let has = |kind: StatKind, value: f64, unit_word: &str| {
        r.statistics.iter().any(|s| {
            s.kind == kind
                && s.value == value
                && (s.unit.as_deref().unwrap_or("").contains(unit_word)
                    || s.subject.as_deref().unwrap_or("").contains(unit_word)
                    || s.text.contains(unit_word))
        })
    };
    assert!(has(StatKind::Count, 14.0, "dân tộc"), "14 dân tộc");
    assert!(
        has(StatKind::Count, 13.0, "dân tộc thiểu số"),
        "13 dân tộc thiểu số"
    );
    assert!(has(StatKind::Count, 4.0, "xã"), "04 xã");
    assert!(has(StatKind::Average, 14.7, "tiêu chí"), "14,7 tiêu chí");
    let ratio = |n: u32, d: u32| {
        r.statistics.iter().any(|s| {
            s.kind == StatKind::Ratio && s.numerator == Some(n) && s.denominator == Some(d)
        })
    };
    assert!(ratio(7, 10), "7/10 nhóm chỉ tiêu");
    assert!(ratio(27, 31), "27/31 chỉ tiêu");
}

#[test]
fn income_per_year_up_against_2020() {
    let r = report();
    let income = r
        .statistics
        .iter()
        .find(|s| s.kind == StatKind::Money && s.value == 32_500_000.0)
        .expect("32,5 triệu đồng/năm");
    assert_eq!(income.currency.as_deref(), Some("VND"));
    assert_eq!(income.per.as_deref(), Some("năm"));
    assert_eq!(income.category, Some(vntext::stats::Category::Income));
    let change = income.change.as_ref().expect("tăng 1,5 triệu đồng");
    assert_eq!(change.value, 1_500_000.0);
    assert!(
        change
            .against
            .as_deref()
            .is_some_and(|a| a.contains("2020"))
    );
    assert!(
        r.statistics
            .iter()
            .any(|s| s.kind == StatKind::Money && s.value == 1_500_000.0)
    );
}

#[test]
fn nothing_from_the_counters() {
    let r = report();
    for v in [
        74.0,
        19_156.0,
        839_488.0,
        1_119_475.0,
        18_912_473.0,
        900.0,
        5031.0,
        60.0,
    ] {
        assert!(
            !r.statistics.iter().any(|s| s.value == v),
            "statistic {v} comes from page chrome"
        );
    }
    assert!(r.chrome.iter().any(|c| c.text.contains("18,912,473")));
}

#[test]
fn documents_dates_official() {
    let r = report();
    let codes: Vec<_> = r
        .document_numbers
        .iter()
        .map(|d| {
            (
                d.number.as_str(),
                d.doc_type.as_deref(),
                d.issuer.as_deref(),
            )
        })
        .collect();
    for expected in [
        ("69", Some("KL"), Some("TU")),
        ("152", Some("KH"), Some("TU")),
        ("1712", Some("KH"), Some("HVCTQG")),
        ("1228", Some("CV"), Some("TU")),
        ("4", Some("TB"), Some("HĐ")),
        ("67", Some("TT"), Some("BTC")),
    ] {
        assert!(codes.contains(&expected), "{expected:?} not in {codes:?}");
    }
    let days: Vec<_> = r.dates.iter().map(|d| d.value.as_str()).collect();
    assert!(days.contains(&"2021-04-09"));
    assert!(days.contains(&"2022-01-24"));
    assert!(days.contains(&"2020-07-27/2020-07-28"));
    let official = r
        .officials
        .iter()
        .find(|o| o.name == "Hoàng Thọ Trung")
        .expect("Hoàng Thọ Trung");
    assert_eq!(official.honorific.as_deref(), Some("Đồng chí"));
    assert_eq!(official.titles, ["Tỉnh ủy viên", "Bí thư Huyện ủy"]);
    // "Tác giả: Lương Thủy" is a byline, not an official; "Bí thư Huyện ủy Sìn Hồ" has no person.
    assert_eq!(r.officials.len(), 1, "{:?}", r.officials);
}

#[test]
fn ethnic_groups_are_not_invented() {
    // The seed names no particular group (only "dân tộc thiểu số"); Kinh Bình is a Chinese county.
    let r = report();
    assert!(r.ethnic_groups.is_empty(), "{:?}", r.ethnic_groups);
}
