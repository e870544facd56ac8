//! Statistics: the seed article's acceptance facts, table-driven cases
//! (`tests/cases/stats.tsv`), and properties (no panic, valid spans, linear time).

use proptest::prelude::*;
use vntext::stats::{StatKind, Statistic, find_statistics};

#[path = "support/linear.rs"]
mod linear;
#[path = "support/tsv.rs"]
mod tsv;

/// `find_statistics` on `unit` repeated: 4× the input costs about 4× the time
/// (`tests/support/linear.rs`).
fn assert_linear(unit: &str, max_bytes: usize) {
    let what = format!("find_statistics on {unit:?}…");
    let max = max_bytes / unit.len().max(1);
    linear::assert_linear(
        &what,
        16,
        max,
        |k| unit.repeat(k),
        |text: &str| {
            for st in find_statistics(text) {
                assert_eq!(&text[st.start..st.end], st.text);
            }
        },
    );
}

const SEED: &str = include_str!("../data/articles/sin-ho-dan-van.txt");

fn find<'a>(all: &'a [Statistic], text: &str) -> &'a Statistic {
    all.iter()
        .find(|s| s.text == text)
        .unwrap_or_else(|| panic!("no statistic {text:?} in {all:#?}"))
}

#[test]
fn seed_acceptance() {
    let all = find_statistics(SEED);
    let pct = find(&all, "94%");
    assert_eq!(pct.kind, StatKind::Percentage);
    assert_eq!(pct.value, 94.0);
    assert_eq!(pct.subject.as_deref(), Some("người dân tộc thiểu số"));

    let groups = find(&all, "14 dân tộc");
    assert_eq!((groups.kind, groups.value), (StatKind::Count, 14.0));
    let minorities = find(&all, "13 dân tộc thiểu số");
    assert_eq!((minorities.kind, minorities.value), (StatKind::Count, 13.0));
    assert_eq!(minorities.unit.as_deref(), Some("dân tộc thiểu số"));

    let r = find(&all, "7/10 nhóm chỉ tiêu");
    assert_eq!(r.kind, StatKind::Ratio);
    assert_eq!((r.numerator, r.denominator), (Some(7), Some(10)));
    let r = find(&all, "27/31 chỉ tiêu");
    assert_eq!((r.numerator, r.denominator), (Some(27), Some(31)));
    assert_eq!(r.unit.as_deref(), Some("chỉ tiêu"));

    let communes = find(&all, "04 xã");
    assert_eq!((communes.kind, communes.value), (StatKind::Count, 4.0));

    let avg = find(&all, "14,7 tiêu chí");
    assert_eq!((avg.kind, avg.value), (StatKind::Average, 14.7));
    assert_eq!(avg.subject.as_deref(), Some("các xã"));

    let income = find(&all, "32,5 triệu đồng/năm");
    assert_eq!(income.kind, StatKind::Money);
    assert_eq!(income.value, 32_500_000.0);
    assert_eq!(income.currency.as_deref(), Some("VND"));
    assert_eq!(income.per.as_deref(), Some("năm"));
    assert_eq!(income.category, Some(vntext::stats::Category::Income));
    assert_eq!(
        income.subject.as_deref(),
        Some("thu nhập bình quân đầu người")
    );
    let change = income.change.as_ref().expect("change");
    assert_eq!(change.value, 1_500_000.0);
    assert_eq!(change.unit.as_deref(), Some("VND"));
    assert_eq!(change.against.as_deref(), Some("năm 2020"));

    let up = find(&all, "1,5 triệu đồng");
    assert_eq!((up.kind, up.value), (StatKind::Money, 1_500_000.0));

    // no statistic from dates, document numbers or the visitor counters
    for s in &all {
        assert!(!s.text.contains('/') || s.kind != StatKind::Count, "{s:?}");
        assert!(
            !s.text.contains("18,912,473") && !s.text.contains("19,156"),
            "{s:?}"
        );
    }
    assert_eq!(
        all.iter()
            .filter(|s| matches!(s.kind, StatKind::Percentage | StatKind::Money))
            .count(),
        3,
        "{all:#?}"
    );
}

fn check(field: &str, want: &str, got: Option<&str>, line: usize) {
    match want {
        "" => {}
        "-" => assert_eq!(got, None, "line {line}: {field}"),
        w => assert_eq!(got, Some(w), "line {line}: {field}"),
    }
}

#[test]
fn stats_cases() {
    let mut n = 0;
    for (line_no, f) in
        tsv::rows(include_str!("cases/stats.tsv")).filter(|(_, f)| f[0] != "sentence")
    {
        let cell = |i: usize| f.get(i).copied().unwrap_or("").trim();
        let all = find_statistics(&tsv::unescape(cell(0)));
        n += 1;
        if cell(1) == "NONE" {
            assert!(all.is_empty(), "line {line_no}: {all:#?}");
            continue;
        }
        let s = all
            .iter()
            .find(|s| s.text == cell(1))
            .unwrap_or_else(|| panic!("line {line_no}: no {:?} in {all:#?}", cell(1)));
        let kind = format!("{:?}", s.kind).to_lowercase();
        check("kind", cell(2), Some(&kind), line_no);
        if !cell(3).is_empty() {
            let want: f64 = cell(3).parse().unwrap();
            assert!(
                (s.value - want).abs() < 1e-6,
                "line {line_no}: value {}",
                s.value
            );
        }
        let max = s.max.map(|m| format!("{m}"));
        check("max", cell(4), max.as_deref(), line_no);
        check(
            "unit",
            cell(5),
            s.currency.as_deref().or(s.unit.as_deref()),
            line_no,
        );
        check("per", cell(6), s.per.as_deref(), line_no);
        check("subject", cell(7), s.subject.as_deref(), line_no);
        check("qualifier", cell(8), s.qualifier.as_deref(), line_no);
        check("category", cell(9), s.category.map(|c| c.as_str()), line_no);
        check("group", cell(10), s.group.as_deref(), line_no);
    }
    assert!(n >= 40);
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Statistic>();
    check::<vntext::stats::Change>();
    check::<vntext::stats::ParsedNumber>();
    check::<vntext::ethnic::EthnicGroupMentions>();
}

#[test]
fn every_span_is_its_text() {
    for text in [
        SEED,
        "giá 5.800tỷđồng, tăng 2 điểm %, từ 23% đến 25%; tỷ lệ0,49%",
    ] {
        for s in find_statistics(text) {
            assert_eq!(&text[s.start..s.end], s.text);
        }
    }
}

#[test]
fn linear_time_on_a_megabyte_of_separators() {
    assert_linear("1.234,5,6.7.8,9 0,0.0 12,345,678.9-10/11 ", 1 << 20);
    assert_linear("hai mươi lăm vạn ", 1 << 20);
    // One huge number: digits, then dotted groups, then a percent sign.
    linear::assert_linear(
        "find_statistics on one huge number",
        1024,
        1 << 20,
        |k| "1".repeat(k) + "," + &"2.".repeat(k / 3) + "%",
        |text: &str| {
            std::hint::black_box(find_statistics(text));
        },
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn no_panic_on_any_input(s in "\\PC{0,200}") {
        for st in find_statistics(&s) {
            prop_assert!(st.start <= st.end && st.end <= s.len());
            prop_assert_eq!(&s[st.start..st.end], st.text.as_str());
        }
    }

    #[test]
    fn no_panic_on_vietnamese_shaped_numbers(
        s in "([0-9]{1,4}[.,]?){0,8}( ?(%|phần trăm|triệu|tỷ|nghìn|đồng|đ|USD|xã|/|-|đến|từ|năm|vạn|mươi|lăm|hai|ba|,|\\.) ?[0-9]{0,3}){0,8}"
    ) {
        for st in find_statistics(&s) {
            prop_assert!(st.start <= st.end && st.end <= s.len());
            prop_assert_eq!(&s[st.start..st.end], st.text.as_str());
            prop_assert!(st.value.is_finite());
        }
    }
}

#[test]
fn linear_time_on_unclosed_parentheses_and_long_clauses() {
    let s = "5.000 đồng ( ".repeat(1000);
    assert_eq!(find_statistics(&s).len(), 1000);
    assert_linear("5.000 đồng ( ", 1 << 20);
    assert_linear("32,5 triệu đồng, tăng 1,5 triệu đồng so với ", 1 << 20);
    assert_linear("1% ", 1 << 20);
}

/// `tests/cases/subjects.tsv`: one row per class of issue #13 (what a statistic measures).
#[test]
fn subject_cases() {
    let mut n = 0;
    for (line_no, f) in
        tsv::rows(include_str!("cases/subjects.tsv")).filter(|(_, f)| f[0] != "sentence")
    {
        let cell = |i: usize| f.get(i).copied().unwrap_or("").trim();
        let all = find_statistics(&tsv::unescape(cell(0)));
        n += 1;
        if cell(1) == "NONE" {
            assert!(all.is_empty(), "line {line_no}: {all:#?}");
            continue;
        }
        let s = all
            .iter()
            .find(|s| &*s.text == cell(1))
            .unwrap_or_else(|| panic!("line {line_no}: no {:?} in {all:#?}", cell(1)));
        check("subject", cell(2), s.subject.as_deref(), line_no);
        check("place", cell(3), s.place.as_deref(), line_no);
        check("period", cell(4), s.period.as_deref(), line_no);
        check("group", cell(5), s.group.as_deref(), line_no);
        check("per", cell(6), s.per.as_deref(), line_no);
        check("unit", cell(7), s.unit.as_deref(), line_no);
        let kind = format!("{:?}", s.kind).to_lowercase();
        check("kind", cell(8), Some(&kind), line_no);
        let direction = s.direction.map(|d| format!("{d:?}").to_lowercase());
        check("direction", cell(9), direction.as_deref(), line_no);
        check("against", cell(10), s.against.as_deref(), line_no);
        if !cell(11).is_empty() {
            let want: f64 = cell(11).parse().unwrap();
            assert!(
                (s.value - want).abs() < 1e-6,
                "line {line_no}: value {}",
                s.value
            );
        }
    }
    assert!(n >= 25);
}
