//! Integration tests for officials (cán bộ, lãnh đạo): the table in `tests/cases/officials.tsv`,
//! merging by person, spans, and a property test (no panic, spans valid, linear time).

use proptest::prelude::*;
use vntext::extract::officials::{Official, find_officials, unwrap_lines};

const CASES: &str = include_str!("cases/officials.tsv");

#[path = "support/linear.rs"]
mod linear;
#[path = "support/tsv.rs"]
mod tsv;
use tsv::unescape;

fn opt(s: &str) -> Option<String> {
    (s != "-").then(|| s.to_string())
}

fn check_spans(text: &str, found: &[Official]) {
    for o in found {
        assert_eq!(
            text.get(o.start..o.end),
            Some(o.text.as_str()),
            "text span of {o:?}"
        );
        // The name as written, a line break inside it read as a space (hard-wrapped text).
        assert_eq!(
            text.get(o.name_span.start..o.name_span.end)
                .map(unwrap_lines),
            Some(o.name.clone()),
            "name span of {o:?}"
        );
        assert!(
            o.start <= o.name_span.start && o.name_span.end <= o.end,
            "name inside text: {o:?}"
        );
    }
}

#[test]
fn table_cases() {
    let mut n = 0;
    let mut failures = Vec::new();
    let inputs: Vec<&str> = CASES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect();
    for (lineno, cols) in tsv::rows(CASES) {
        assert!(cols.len() >= 5, "line {}: expected 5+ columns", lineno);
        let input = unescape(cols[0]);
        let found = find_officials(&input);
        check_spans(&input, &found);
        n += 1;
        if let Err(e) = std::panic::catch_unwind(|| {
            let expected = inputs.iter().filter(|&&i| i == cols[0]).count();
            check_case(lineno, &cols, &found, expected)
        }) {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(msg);
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(n >= 40, "table has {n} cases");
}

/// `expected`: how many officials the input holds, one table line per official (the lines of a
/// sentence with several persons repeat the input, one line per name).
fn check_case(lineno: usize, cols: &[&str], found: &[Official], expected: usize) {
    {
        if cols[1] == "-" {
            assert!(
                found.is_empty(),
                "line {}: expected no official, got {found:#?}",
                lineno
            );
            return;
        }
        let o = found
            .iter()
            .find(|o| o.name == cols[1])
            .unwrap_or_else(|| panic!("line {}: {} not found in {found:#?}", lineno, cols[1]));
        assert_eq!(
            found.len(),
            expected,
            "line {}: {expected} official(s) expected, got {found:#?}",
            lineno
        );
        assert_eq!(o.honorific, opt(cols[2]), "line {}: honorific", lineno);
        assert_eq!(o.rank, opt(cols[3]), "line {}: rank", lineno);
        let titles: Vec<String> = if cols[4] == "-" {
            Vec::new()
        } else {
            cols[4].split(" | ").map(str::to_string).collect()
        };
        assert_eq!(o.titles, titles, "line {}: titles", lineno);
    }
}

#[test]
fn mentions_are_merged_by_name() {
    let text = "Ông Phạm Văn Sơn, Phó Chủ tịch HĐQT phát biểu. \
                Sau đó ông Phạm Văn Sơn, Tổng Giám đốc ngân hàng cho biết thêm.";
    let found = find_officials(text);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].titles,
        ["Phó Chủ tịch HĐQT", "Tổng Giám đốc ngân hàng"]
    );
    assert!(
        found[0]
            .text
            .starts_with("Ông Phạm Văn Sơn, Phó Chủ tịch HĐQT")
    );
}

#[test]
fn positions_split_organisation_and_place() {
    // (organisation, place) of the first position of the one official found.
    let parts = |text: &str| {
        let found = find_officials(text);
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        let p = &found[0].positions[0];
        (p.organisation.clone(), p.place.clone())
    };
    let some = |s: &str| Some(s.to_string());
    // A ministry's name is one organisation (REFERENCE §5), not `Bộ` and a place.
    assert_eq!(
        parts("Bộ trưởng Bộ Công Thương Trần Văn Hải chủ trì hội nghị."),
        (some("Bộ Công Thương"), None)
    );
    // `của` links the organisation and is no part of it.
    assert_eq!(
        parts("Ông Florentino Perez, Chủ tịch của Real Madrid, cho biết."),
        (some("Real Madrid"), None)
    );
    // A school named after a person holds no place (`Vinh` is a city).
    assert_eq!(
        parts("Ông Nguyễn Văn Hải, Hiệu trưởng Trường Lương Thế Vinh cho biết."),
        (some("Trường Lương Thế Vinh"), None)
    );
    assert_eq!(
        parts("Chủ tịch UBND tỉnh Lai Châu Trần Tiến Dũng phát biểu."),
        (some("UBND"), some("tỉnh Lai Châu"))
    );
}

#[test]
fn two_officials_in_one_sentence() {
    let text =
        "Bộ trưởng Bộ Tư pháp Lê Thành Long và Thứ trưởng Bộ Tư pháp Nguyễn Thanh Tịnh dự họp.";
    let names: Vec<String> = find_officials(text).into_iter().map(|o| o.name).collect();
    assert_eq!(names, ["Lê Thành Long", "Nguyễn Thanh Tịnh"]);
}

#[test]
fn old_tone_placement_and_d_with_stroke() {
    // `Uỷ`, `hoà` (old style) and `Ð` (U+00D0) as written in old documents.
    let text = "Ðồng chí Lê Văn Hoà - Tỉnh uỷ viên, Chủ tịch Uỷ ban nhân dân huyện phát biểu.";
    let found = find_officials(text);
    check_spans(text, &found);
    assert_eq!(found[0].name, "Lê Văn Hoà");
    assert_eq!(
        found[0].titles,
        ["Tỉnh uỷ viên", "Chủ tịch Uỷ ban nhân dân huyện"]
    );
}

#[test]
fn adversarial_inputs_stay_linear() {
    // Long runs of capitalized syllables and titles, honorifics, capitals and one word per line
    // must not be rescanned per position: 4× the input costs about 4× the time
    // (tests/support/linear.rs compares thread CPU time of 4× with 1×).
    for unit in [
        "Nguyễn Văn Chủ Tịch Bộ Trưởng Lai Châu Hà Nội Trần Thị Lê Hoàng ",
        "ông ",
        "Chủ tịch Bộ trưởng Phó Giám đốc Sở Bí thư Tỉnh ủy ",
        "Phó Chủ tịch UBND tỉnh Nguyễn Văn An, ông Trần Văn Bình - Giám đốc Sở, ",
        "NGUYỄN VĂN CHỦ TỊCH BỘ TRƯỞNG PHẠM THỊ ",
        "Chủ tịch\nNguyễn Văn\nAn\n",
        "các đồng chí Ủy viên Bộ Chính trị: Trần Văn An, ",
        "Phó Thủ tướng Hoàng Trung Hải, ",
        "Đồng chí Nguyễn Văn An, Tỉnh ủy viên, Bí thư Huyện ủy ",
    ] {
        let what = format!("find_officials on {unit:?}…");
        linear::assert_linear(
            &what,
            16,
            60_000,
            |k| unit.repeat(k),
            |text: &str| {
                let found = find_officials(text);
                check_spans(text, &found);
            },
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_panic_and_valid_spans(s in "\\PC{0,200}") {
        let found = find_officials(&s);
        check_spans(&s, &found);
    }

    #[test]
    fn no_panic_on_vietnamese_like_text(
        words in proptest::collection::vec(
            prop_oneof![
                Just("Đồng chí"), Just("ông"), Just("Bà"), Just("Nguyễn"), Just("Văn"), Just("A"),
                Just("Chủ tịch"), Just("UBND"), Just("tỉnh"), Just("Lai Châu"), Just("-"), Just(","),
                Just("("), Just(")"), Just("KT."), Just("THỨ TRƯỞNG"), Just("\n"), Just("(Đã ký)"),
                Just("là"), Just("Thủ tướng"), Just("Mỹ"), Just("Joe"), Just("Ð"), Just("H'"),
                Just("\t\t"), Just("PGS.TS"), Just("Đại tá"), Just("kiêm"), Just("uỷ"), Just("ủy viên"),
            ],
            0..60,
        )
    ) {
        let s = words.join(" ");
        let found = find_officials(&s);
        check_spans(&s, &found);
    }
}

#[test]
fn hard_wrapped_legacy_document() {
    // The VNI file is wrapped at a fixed width (`… Phó Thủ tướng Hoàng Trung` / `Hải về việc
    // …`); its UTF-8 transcript is not. Both give the Deputy Prime Minister.
    let analyzer = vntext::Analyzer::new();
    let vni = analyzer
        .analyze_bytes(include_bytes!("../data/legacy/2008-23.QD-991-UBND.vni.txt"))
        .expect("the VNI file decodes");
    let utf8 = analyzer.analyze(include_str!("../data/legacy/2008-23.QD-991-UBND.txt"));
    for r in [&vni, &utf8] {
        let o = r
            .officials
            .iter()
            .find(|o| o.name == "Hoàng Trung Hải")
            .unwrap_or_else(|| panic!("{:#?}", r.officials));
        assert_eq!(o.titles, ["Phó Thủ tướng"]);
        assert!(r.officials.iter().any(|o| o.name == "Nguyễn Tấn Dũng"));
    }
}

#[test]
fn given_name_mentions_add_titles() {
    // A later mention by given name only (tên) adds its title to the one official with that name.
    let text = "Ông Lê Văn Tâm - Giám đốc Công ty TNHH Sông Hồng tự ứng cử. \
                Ông Tâm là đại biểu Quốc hội khóa XIII. Ông Tâm cho biết sẽ tiếp tục.";
    let found = find_officials(text);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].titles,
        [
            "Giám đốc Công ty TNHH Sông Hồng",
            "đại biểu Quốc hội khóa XIII"
        ]
    );
    // Two officials share the given name: the short mention is ambiguous and ignored.
    let text = "Ông Lê Văn Tâm - Giám đốc Sở Y tế và ông Trần Minh Tâm - Giám đốc Sở Tài chính dự họp. \
                Ông Tâm là đại biểu Quốc hội khóa XIII.";
    let found = find_officials(text);
    assert!(found.iter().all(|o| o.titles.len() == 1), "{found:#?}");
}
