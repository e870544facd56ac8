//! Document numbers (số, ký hiệu văn bản): table-driven cases, properties, linear time.

use proptest::prelude::*;
use vntext::extract::docnum::{DocumentNumber, System, find_document_numbers, unique};

#[path = "support/linear.rs"]
mod linear;
#[path = "support/tsv.rs"]
mod tsv;
use tsv::unescape;

fn opt(s: &str) -> Option<String> {
    (s != "-").then(|| s.to_string())
}

fn system_name(s: System) -> &'static str {
    match s {
        System::Party => "party",
        System::StateNormative => "state_normative",
        System::StateAdministrative => "state_administrative",
        _ => "other",
    }
}

fn check_spans(text: &str, found: &[DocumentNumber]) {
    for d in found {
        assert!(d.start <= d.end && d.end <= text.len(), "{d:?}");
        assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
        assert_eq!(&text[d.start..d.end], d.text);
    }
}

#[test]
fn table_cases() {
    let table = include_str!("cases/docnum.tsv");
    let mut n = 0;
    let mut failures = Vec::new();
    for (lineno, cols) in tsv::rows(table) {
        assert!(cols.len() >= 9, "line {}: {} columns", lineno, cols.len());
        let input = unescape(cols[0]);
        let found = find_document_numbers(&input);
        check_spans(&input, &found);
        n += 1;
        if cols[1] == "-" {
            if !found.is_empty() {
                failures.push(format!(
                    "line {}: {:?} → unexpected {:?}",
                    lineno, cols[0], found
                ));
            }
            continue;
        }
        let got = match found.as_slice() {
            [d] => d,
            _ => {
                failures.push(format!(
                    "line {}: {:?} → {} items {:?}",
                    lineno,
                    cols[0],
                    found.len(),
                    found
                ));
                continue;
            }
        };
        let want = (
            cols[1].to_string(),
            opt(cols[2]).map(|y| y.parse::<i32>().expect("year")),
            opt(cols[3]),
            opt(cols[4]),
            cols[5].to_string(),
            opt(cols[6]),
            opt(cols[7]),
        );
        let have = (
            got.number.clone(),
            got.year,
            got.doc_type.clone(),
            got.issuer.clone(),
            system_name(got.system).to_string(),
            got.kind_word.clone(),
            got.date.clone(),
        );
        if want != have {
            failures.push(format!(
                "line {}: {:?}\n   want {want:?}\n   have {have:?}",
                lineno, cols[0]
            ));
        }
    }
    assert!(n >= 60, "only {n} cases");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn type_names_from_tables() {
    let d = &find_document_numbers("Tờ trình số 66/TTr-SNN")[0];
    assert_eq!(d.doc_type_name.as_deref(), Some("Tờ trình"));
    let d = &find_document_numbers("Số 1228-CV/TU")[0];
    assert_eq!(d.doc_type_name.as_deref(), Some("Công văn"));
    let d = &find_document_numbers("SỐ 101-SL/L.003")[0];
    assert_eq!(d.doc_type_name.as_deref(), Some("Sắc lệnh"));
    let d = &find_document_numbers("công văn số 5110/VPCP-KTTH")[0];
    assert_eq!(d.doc_type_name, None);
}

#[test]
fn several_numbers_in_running_text() {
    let text = "Căn cứ Nghị định số 86/2002/NĐ-CP ngày 05/11/2002 của Chính phủ; Nghị định số 94/1998/NĐ-CP \
                và Quyết định số 147/2002/QĐ-TTg; Kết luận số 69-KL/TU, ngày 09/4/2021.";
    let found = find_document_numbers(text);
    check_spans(text, &found);
    let nums: Vec<&str> = found.iter().map(|d| d.number.as_str()).collect();
    assert_eq!(nums, ["86", "94", "147", "69"]);
    assert_eq!(found[0].date.as_deref(), Some("2002-11-05"));
    assert_eq!(found[1].date, None);
}

#[test]
fn unique_keeps_first_and_fills_in() {
    let text = "Số 152-KH/TU\nKế hoạch sơ kết … theo Kế hoạch số 152-KH/TU, ngày 5/3/2022";
    let all = find_document_numbers(text);
    assert_eq!(all.len(), 2);
    let one = unique(all);
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].text, "Số 152-KH/TU");
    assert_eq!(one[0].kind_word.as_deref(), Some("Kế hoạch"));
    assert_eq!(one[0].date.as_deref(), Some("2022-03-05"));
}

/// `find_document_numbers` on `make(k)` and `make(4k)` for `k` up to `n` (see
/// `tests/support/linear.rs`): linear time keeps the ratio near 4 (quadratic: 16).
fn assert_linear(make: impl Fn(usize) -> String, n: usize) {
    let what = format!("find_document_numbers on {:?}…", make(1));
    linear::assert_linear(&what, n / 64, 4 * n, make, |text: &str| {
        let found = find_document_numbers(text);
        check_spans(text, &found);
    });
}

#[test]
fn linear_on_slash_chains() {
    // 1 MB of "1/1/1/…" and of "1-A/1-A/…".
    assert_linear(|k| "1/".repeat(k), 128 * 1024);
    assert_linear(|k| "1-A/".repeat(k), 64 * 1024);
    // a number glued to an endless alphanumeric run, "1/1/1 " groups
    assert_linear(|k| "1a".repeat(k), 128 * 1024);
    assert_linear(|k| "1/1/1 ".repeat(k), 64 * 1024);
    // old symbols without their hyphen: "1 TC/1 TC/…", "số 1 TC/TCT/TCT/…"
    assert_linear(|k| "1 TC/".repeat(k), 64 * 1024);
    assert_linear(|k| format!("số 1 TC/{}", "TCT/".repeat(k)), 64 * 1024);
    assert_linear(|k| "Số 1/QĐ-UB; số 2 TC/TCT; ".repeat(k), 16 * 1024);
}

#[test]
fn old_symbols_without_hyphen_in_running_text() {
    // gov:2003-A16.txt, Điều 2: a list sharing "Thông tư", one spaced, one hyphenless, one standard.
    let text = "Bãi bỏ các Thông tư số 72A TC/TCT ngày 30/08/1993; số 53 TC/TCT ngày 13/07/1995; \
                số 84/1997/TT/BTC ngày 13/11/1997";
    let found = find_document_numbers(text);
    check_spans(text, &found);
    let got: Vec<(&str, Option<&str>)> = found
        .iter()
        .map(|d| (d.number.as_str(), d.issuer.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("72A", Some("TC-TCT")),
            ("53", Some("TC-TCT")),
            ("84", Some("BTC"))
        ]
    );
    assert_eq!(found[1].text, "số 53 TC/TCT");
}

#[test]
fn linear_on_many_so_lines() {
    // 100k lines of "Số:", bare and followed by a number.
    assert_linear(|k| "Số:\n".repeat(k), 25_000);
    assert_linear(|k| "Số: 12/QĐ-UBND\n".repeat(k), 25_000);
    let text = "Số: 12/QĐ-UBND\n".repeat(1000);
    assert_eq!(find_document_numbers(&text).len(), 1000);
}

proptest! {
    #[test]
    fn no_panic_random(s in any::<String>()) {
        let found = find_document_numbers(&s);
        check_spans(&s, &found);
    }

    #[test]
    fn no_panic_shaped(s in "([0-9]{1,5}|[ /\\-–:.,]|số|Số|SỐ|QĐ|QÐ|TTg|UBND|KL|TU|TW|NĐ|CP|TT|BTC|TC|TCT|CĐKT|Thông tư|QH1[0-5]|ngày|\u{AD}|\n|Ð|đ){0,40}") {
        let found = find_document_numbers(&s);
        check_spans(&s, &found);
    }
}

#[test]
fn shared_symbol_lists() {
    // REF §1.8: "các Nghị quyết số 01, 02/NQ-HĐND" names two resolutions.
    let text = "các Nghị quyết số 01, 02/NQ-HĐND của Hội đồng nhân dân";
    let found = find_document_numbers(text);
    check_spans(text, &found);
    let got: Vec<(&str, Option<&str>, Option<&str>)> = found
        .iter()
        .map(|d| {
            (
                d.number.as_str(),
                d.doc_type.as_deref(),
                d.kind_word.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("1", Some("NQ"), Some("Nghị quyết")),
            ("2", Some("NQ"), Some("Nghị quyết"))
        ]
    );
    assert_eq!(found[0].text, "Nghị quyết số 01");
    // three numbers sharing one symbol: each listed one is its own digits (used to panic)
    let text = "các Nghị quyết số 01, 02, 03/NQ-HĐND";
    let found = find_document_numbers(text);
    check_spans(text, &found);
    let got: Vec<&str> = found.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(got, ["Nghị quyết số 01", "02", "03/NQ-HĐND"]);
    // REF §1.8: "Quyết định số 217-QĐ/TW, 218-QĐ/TW".
    let found = find_document_numbers("Quyết định số 217-QĐ/TW, 218-QĐ/TW");
    assert_eq!(found.len(), 2);
}
