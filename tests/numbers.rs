//! Table-driven number parsing tests: `tests/cases/numbers.tsv`.

use vntext::stats::number::{NumberConvention, parse_number_with};

#[test]
fn number_cases() {
    let mut n = 0;
    for (k, line) in include_str!("cases/numbers.tsv").lines().enumerate() {
        if line.starts_with('#') || line.starts_with("input\t") || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 3, "line {}: {line:?}", k + 1);
        let conv = match f[1] {
            "en" => NumberConvention::English,
            _ => NumberConvention::Vietnamese,
        };
        let got = parse_number_with(f[0], conv).map(|p| p.value);
        if f[2] == "NONE" {
            assert_eq!(got, None, "line {}: {:?}", k + 1, f[0]);
        } else {
            let want: f64 = f[2].parse().unwrap();
            let got = got.unwrap_or_else(|| panic!("line {}: {:?} not parsed", k + 1, f[0]));
            assert!(
                (got - want).abs() <= want.abs() * 1e-9,
                "line {}: {:?} → {got}, want {want}",
                k + 1,
                f[0]
            );
        }
        n += 1;
    }
    assert!(n >= 40);
}

#[test]
fn ambiguity_is_reported() {
    let p = parse_number_with("1,500", NumberConvention::Vietnamese).unwrap();
    assert!(p.ambiguous);
    let p = parse_number_with("1.234.567", NumberConvention::Vietnamese).unwrap();
    assert!(!p.ambiguous);
}

#[test]
fn convention_is_detected_from_the_document() {
    // the seed: Vietnamese body, English-style counters glued to their labels
    let seed = include_str!("../data/articles/sin-ho-dan-van.txt");
    assert_eq!(NumberConvention::detect(seed), NumberConvention::Vietnamese);
    assert_eq!(
        NumberConvention::detect("Doanh thu 1,234,567 USD, lợi nhuận 2,345,678 USD, 1,500 cổ phần"),
        NumberConvention::English
    );
}
