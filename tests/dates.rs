//! Dates (ngày tháng): table-driven cases, dateline helper, properties, linear time.

use proptest::prelude::*;
use vntext::extract::dates::{
    CalendarDate, DateKind, DateMention, find_dates, parse_dateline, unique,
};

#[path = "support/linear.rs"]
mod linear;
#[path = "support/tsv.rs"]
mod tsv;
use tsv::unescape;

fn kind_name(k: DateKind) -> &'static str {
    match k {
        DateKind::Day => "day",
        DateKind::Range => "range",
        DateKind::Month => "month",
        DateKind::Year => "year",
        DateKind::Quarter => "quarter",
        DateKind::Term => "term",
        DateKind::Period => "period",
        _ => "other",
    }
}

fn parse_ref(s: &str) -> Option<CalendarDate> {
    if s == "-" {
        return None;
    }
    let p: Vec<&str> = s.split('-').collect();
    CalendarDate::new(p[0].parse().ok()?, p[1].parse().ok()?, p[2].parse().ok()?)
}

fn check_spans(text: &str, found: &[DateMention]) {
    for d in found {
        assert!(d.start <= d.end && d.end <= text.len(), "{d:?}");
        assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
        assert_eq!(&text[d.start..d.end], d.text);
    }
}

#[test]
fn table_cases() {
    let table = include_str!("cases/dates.tsv");
    let mut n = 0;
    let mut failures = Vec::new();
    for (lineno, cols) in tsv::rows(table) {
        assert!(cols.len() >= 5, "line {}: {} columns", lineno, cols.len());
        let input = unescape(cols[0]);
        let found = find_dates(&input, parse_ref(cols[2]));
        check_spans(&input, &found);
        n += 1;
        let have: Vec<String> = found
            .iter()
            .map(|m| format!("{}:{}", kind_name(m.kind), m.value))
            .collect();
        let have = if have.is_empty() {
            "-".to_string()
        } else {
            have.join(" ; ")
        };
        if have != cols[1] {
            failures.push(format!(
                "line {}: {:?}\n   want {}\n   have {have}",
                lineno, cols[0], cols[1]
            ));
            continue;
        }
        if cols[3] != "-" {
            let r = found.first().and_then(|m| m.resolved.clone());
            if r.as_deref() != Some(cols[3]) {
                failures.push(format!("line {}: resolved {r:?}, want {}", lineno, cols[3]));
            }
        }
    }
    assert!(n >= 50, "only {n} cases");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn calendar_day_kinds() {
    assert!(DateKind::Day.is_calendar_day());
    assert!(DateKind::Range.is_calendar_day());
    for k in [
        DateKind::Month,
        DateKind::Year,
        DateKind::Quarter,
        DateKind::Term,
        DateKind::Period,
    ] {
        assert!(!k.is_calendar_day(), "{k:?}");
    }
}

#[test]
fn dateline() {
    let (d, t) = parse_dateline("Thứ hai - 24/01/2022 09:17 900 0").expect("seed dateline");
    assert_eq!((d.year, d.month, d.day, t), (2022, 1, 24, Some((9, 17))));
    assert_eq!(parse_dateline("24/01/2022").map(|x| x.1), Some(None));
    assert!(parse_dateline("Chủ nhật, 23/01/2022").is_some());
    assert!(
        parse_dateline("Thứ Sáu - 24/01/2022 09:17").is_none(),
        "weekday mismatch"
    );
    assert!(parse_dateline("31/02/2022").is_none());
    assert!(
        parse_dateline("Tin mới 24/01/2022").is_none(),
        "must start the line"
    );
}

#[test]
fn unique_by_value() {
    let all = find_dates("Sáng 1/11, … sáng 1/11, ngày 24/5/2005", None);
    assert_eq!(all.len(), 3);
    let u = unique(all);
    assert_eq!(u.len(), 2);
    assert_eq!(u[0].text, "1/11");
}

#[test]
fn unique_keeps_each_wording_of_a_term() {
    // Issue #15: "nhiệm kỳ 2021 - 2026" vanished behind "khóa XV" (same kind, same value).
    let text = "Đại biểu Quốc hội khóa XV; HĐND các cấp nhiệm kỳ 2021 - 2026. Quốc hội Khoá XV, \
                nhiệm kỳ 2021-2026, giai đoạn 2021 – 2025 và giai đoạn 2021-2025.";
    let kept: Vec<(String, String)> = unique(find_dates(text, None))
        .into_iter()
        .map(|m| (m.text, m.value))
        .collect();
    let want = [
        ("khóa XV", "2021/2026"),
        ("nhiệm kỳ 2021 - 2026", "2021/2026"),
        ("giai đoạn 2021 – 2025", "2021/2025"),
    ];
    assert_eq!(kept, want.map(|(t, v)| (t.to_string(), v.to_string())));
}

/// `find_dates` on `make(k)` and `make(4k)` for `k` up to `n` (see `tests/support/linear.rs`):
/// linear time keeps the ratio near 4 (quadratic: 16).
fn assert_linear(make: impl Fn(usize) -> String, n: usize) {
    let what = format!("find_dates on {:?}…", make(1));
    linear::assert_linear(&what, n / 64, 4 * n, make, |text: &str| {
        let found = find_dates(text, None);
        check_spans(text, &found);
    });
}

#[test]
fn linear_on_pathological_input() {
    // 1 MB of "1/1/1/…", "ngày 1/ngày 1/…", 100k lines of "Số:", dash chains.
    assert_linear(|k| "1/".repeat(k), 128 * 1024);
    assert_linear(|k| "ngày 1/".repeat(k), 32 * 1024);
    assert_linear(|k| "Số:\n".repeat(k), 25_000);
    assert_linear(|k| "1-1-".repeat(k), 64 * 1024);
    assert_linear(|k| "từ ngày 1/1 đến ".repeat(k), 8 * 1024);
    assert_linear(|k| "1/1/1 ".repeat(k), 64 * 1024);
    assert_linear(|k| "1a".repeat(k), 128 * 1024);
    assert_linear(|k| format!("5/3 {}", ", ".repeat(20)).repeat(k), 4 * 1024);
}

proptest! {
    #[test]
    fn no_panic_random(s in any::<String>()) {
        let found = find_dates(&s, CalendarDate::new(2021, 4, 29));
        check_spans(&s, &found);
    }

    #[test]
    fn no_panic_shaped(s in "([0-9]{1,4}|[ /\\-–:.()]|ngày|tháng|năm|Ngày|NGÀY|sáng|từ|đến|quý|khóa|nhiệm kỳ|XV|IV|\u{AD}|\n|Thứ hai){0,40}") {
        let found = find_dates(&s, CalendarDate::new(2021, 4, 29));
        check_spans(&s, &found);
    }

    #[test]
    fn valid_dates_round_trip(y in 1900i32..2100, m in 1u32..=12, d in 1u32..=31) {
        let text = format!("ngày {d}/{m}/{y}");
        let found = find_dates(&text, None);
        match CalendarDate::new(y, m, d) {
            Some(c) => prop_assert_eq!(found.first().map(|f| f.value.clone()), Some(c.to_iso())),
            None => prop_assert!(found.iter().all(|f| !f.kind.is_calendar_day())),
        }
    }
}

#[test]
fn spans_include_the_trigger_word() {
    // GUIDELINE: the span may include an adjacent trigger word such as "ngày".
    let text =
        "Kết luận số 69-KL/TU, ngày 09/4/2021 của Ban Thường vụ; từ ngày 25/1 đến ngày 1/2/2021.";
    let found = find_dates(text, None);
    check_spans(text, &found);
    let texts: Vec<&str> = found.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["ngày 09/4/2021", "ngày 25/1 đến ngày 1/2/2021"]);
    let found = find_dates("Sáng 1/11, chiều nay (29/4)", None);
    let texts: Vec<&str> = found.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["1/11", "29/4"]);
}
