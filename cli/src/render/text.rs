//! `--format text`: a summary for a person reading one article, every fact on its own line.

use std::fmt::Write as _;

use serde_json::Value;

use crate::facts::{self, show};

/// Header fields shown first, with their labels.
const HEADER: &[(&str, &str)] = &[
    ("title", "title"),
    ("published", "published"),
    ("author", "author"),
];

/// Top-level fields the summary shows in its own way (or not at all: the source heads it).
const SHOWN: &[&str] = &[
    "source",
    "title",
    "published",
    "author",
    "encoding",
    "encoding_confidence",
    "counts",
    "chrome",
];

/// The summary of one report: its header, then every fact list (`document numbers (3):`,
/// one fact per line with its value and every other field), then any other field the report
/// holds.
pub fn render(report: &Value) -> String {
    let mut s = String::new();
    let get = |k: &str| report.get(k).and_then(show);
    let _ = writeln!(s, "== {}", get("source").unwrap_or_else(|| "-".into()));
    for (key, label) in HEADER {
        if let Some(v) = get(key) {
            let _ = writeln!(s, "{:<11}{v}", format!("{label}:"));
        }
    }
    if let Some(enc) = get("encoding") {
        let conf = report
            .get("encoding_confidence")
            .and_then(Value::as_f64)
            .unwrap_or(0.0);
        let _ = writeln!(s, "encoding:  {enc} (confidence {conf:.2})");
    }
    if let Some(c) = report.get("counts").and_then(Value::as_object) {
        let n = |k: &str| c.get(k).and_then(show).unwrap_or_else(|| "?".into());
        let _ = writeln!(
            s,
            "size:      {} bytes, {} chars, {} tokens, {} syllables ({} valid), {} sentences",
            n("bytes"),
            n("chars"),
            n("tokens"),
            n("syllables"),
            n("valid_syllables"),
            n("sentences")
        );
    }
    let lists = facts::lists(report);
    for list in lists.iter().filter(|l| !l.items.is_empty()) {
        let _ = writeln!(s, "{} ({}):", facts::label(list.key), list.items.len());
        for item in &list.items {
            let desc = describe(list.key, item);
            match item.get("text").and_then(Value::as_str) {
                Some(text) => {
                    let _ = writeln!(s, "  {text} — {desc}");
                }
                None => {
                    let _ = writeln!(s, "  {desc}");
                }
            }
        }
    }
    if let Some(obj) = report.as_object() {
        for (k, v) in obj {
            if SHOWN.contains(&k.as_str()) || lists.iter().any(|l| l.key == k) {
                continue;
            }
            if let Some(v) = show(v) {
                let _ = writeln!(s, "{}: {v}", facts::label(k));
            }
        }
    }
    let chrome = report
        .get("chrome")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    if chrome > 0 {
        let _ = writeln!(s, "page chrome left out: {chrome} spans");
    }
    s.push('\n');
    s
}

/// One fact in a line. A statistic says what it measures first: its subject, the amount
/// with its unit and per-unit, then its group, place, period and change
/// (`thu nhập bình quân đầu người: 32500000 VND per năm · period: năm 2021 · …`); other facts
/// give their value and every other field.
pub fn describe(list: &str, item: &serde_json::Map<String, Value>) -> String {
    if list != "statistics" {
        return facts::describe(item);
    }
    let get = |k: &str| item.get(k).and_then(show);
    let mut amount = get("value").unwrap_or_else(|| "?".into());
    if let Some(max) = get("max") {
        amount = format!("{amount}–{max}");
    }
    // A ratio reads as written, with its share: `27/31 (87.1%)`, not 0.8709677419354839.
    let ratio = match (get("numerator"), get("denominator"), item.get("value")) {
        (Some(n), Some(d), Some(v)) => v.as_f64().map(|v| format!("{n}/{d} ({:.1}%)", v * 100.0)),
        _ => None,
    };
    if let Some(r) = &ratio {
        amount.clone_from(r);
    }
    match item.get("kind").and_then(Value::as_str) {
        Some("percentage") => match get("unit") {
            Some(u) => amount = format!("{amount} {u}"),
            None => amount.push('%'),
        },
        _ => {
            if let Some(u) = get("currency").or_else(|| get("unit")) {
                amount = format!("{amount} {u}");
            }
        }
    }
    if let Some(per) = get("per") {
        amount = format!("{amount} per {per}");
    }
    let mut parts = vec![match get("subject") {
        Some(subject) => format!("{subject}: {amount}"),
        None => amount,
    }];
    let mut shown = vec![
        "value",
        "max",
        "unit",
        "currency",
        "per",
        "subject",
        "kind",
        "direction",
        "against",
    ];
    if ratio.is_some() {
        shown.extend(["numerator", "denominator"]);
    }
    for key in ["group", "place", "period"] {
        if let Some(v) = get(key) {
            parts.push(format!("{key}: {v}"));
        }
        shown.push(key);
    }
    match (get("direction"), get("against")) {
        (Some(d), Some(a)) => parts.push(format!("{d} against {a}")),
        (Some(d), None) => parts.push(d),
        (None, Some(a)) => parts.push(format!("against {a}")),
        (None, None) => {}
    }
    if let Some(k) = get("kind") {
        parts.push(format!("kind: {k}"));
    }
    for (k, v) in facts::fields(item, &shown) {
        parts.push(format!("{}: {v}", facts::label(k)));
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../data/articles/sin-ho-dan-van.txt");

    /// Every item of every list of the seed's report is on a line of the summary with its text,
    /// the periods too ("giai đoạn 2016 - 2020", "khóa XV" were once left out).
    #[test]
    fn every_fact_of_the_seed_is_shown() {
        let mut report = vntext::Analyzer::new().analyze(SEED);
        report.source = Some("seed.txt".into());
        let v = serde_json::to_value(&report).unwrap();
        let out = render(&v);
        assert!(
            out.starts_with("== seed.txt\ntitle:     Sìn Hồ tăng cường"),
            "{out}"
        );
        let mut checked = 0;
        for list in facts::lists(&v) {
            for item in &list.items {
                let line = match item.get("text").and_then(Value::as_str) {
                    Some(t) => format!("  {t} — {}\n", describe(list.key, item)),
                    None => format!("  {}\n", describe(list.key, item)),
                };
                assert!(out.contains(&line), "{} missing: {line}", list.key);
                checked += 1;
            }
        }
        assert!(!report.periods.is_empty(), "the seed has periods");
        for p in &report.periods {
            assert!(
                out.contains(&format!("  {} — {}", p.text, p.value)),
                "{}",
                p.text
            );
        }
        assert!(out.contains("giai đoạn 2016 - 2020"), "{out}");
        assert!(out.contains("khóa XV"), "{out}");
        assert!(
            out.contains("Hoàng Thọ Trung · honorific: Đồng chí"),
            "{out}"
        );
        // A statistic says what it measures, per what, and how it changed.
        assert!(
            out.contains(
                "  32,5 triệu đồng/năm — thu nhập bình quân đầu người: 32500000 VND per năm"
            ),
            "{out}"
        );
        assert!(
            out.contains(
                "  1,5 triệu đồng — thu nhập bình quân đầu người: 1500000 VND · up against năm 2020"
            ),
            "{out}"
        );
        assert!(out.contains("  94% — người dân tộc thiểu số: 94%"), "{out}");
        // 27 of 31 targets met: 87.1%.
        assert!(
            out.contains("  27/31 chỉ tiêu — 27/31 (87.1%) chỉ tiêu · kind: ratio\n"),
            "{out}"
        );
        // The JSON view found every list of the typed report.
        let typed = report.document_numbers.len()
            + report.dates.len()
            + report.periods.len()
            + report.officials.len()
            + report.statistics.len()
            + report.ethnic_groups.len();
        assert_eq!(checked, typed);
    }

    #[test]
    fn unknown_fields_are_shown_too() {
        let v = serde_json::json!({
            "source": "a.txt",
            "warnings": ["1 byte replaced"],
            "places": [{"text": "Lai Châu", "start": 0, "end": 9, "name": "Lai Châu"}],
        });
        let out = render(&v);
        assert!(
            out.contains("places (1):\n  Lai Châu — Lai Châu\n"),
            "{out}"
        );
        assert!(out.contains("warnings: 1 byte replaced\n"), "{out}");
    }
}
