//! The facts of a report, read from its JSON form for the text, CSV and HTML views.
//!
//! The views read the report as its JSON (the project's report contract, the same that
//! `--format json` prints) instead of field by field, so every fact list the report holds is
//! shown, and fields the library adds later (a statistic's period, an official's structured
//! titles, warnings…) appear in every view without a change here. A fact list is any top-level
//! array of objects with a byte span (`start`/`end`) or with mentions (`spans`); page chrome
//! is not a fact.

use serde_json::{Map, Value};

/// Top-level arrays with spans that are not facts.
const NOT_FACTS: &[&str] = &["chrome", "warnings"];

/// The usual fact lists, in the order the views show them; other lists follow in report order.
pub const KNOWN: &[&str] = &[
    "document_numbers",
    "dates",
    "periods",
    "officials",
    "statistics",
    "ethnic_groups",
];

/// Fields that locate a fact rather than describe it.
const LOCATION: &[&str] = &["text", "start", "end", "spans", "name_span"];

/// One list of facts of the report (`dates`, `officials`…).
pub struct FactList<'r> {
    /// The report's key (`document_numbers`).
    pub key: &'r str,
    /// The kind of one fact (`document_number`).
    pub kind: String,
    pub items: Vec<&'r Map<String, Value>>,
}

/// The fact lists of a report, in the order of [`KNOWN`], then the others.
pub fn lists(report: &Value) -> Vec<FactList<'_>> {
    let Some(obj) = report.as_object() else {
        return Vec::new();
    };
    let mut out: Vec<FactList<'_>> =
        obj.iter()
            .filter(|(k, _)| !NOT_FACTS.contains(&k.as_str()))
            .filter_map(|(k, v)| {
                let arr = v.as_array()?;
                let items: Vec<&Map<String, Value>> =
                    arr.iter().map(Value::as_object).collect::<Option<_>>()?;
                let located = |m: &&Map<String, Value>| {
                    (m.get("start").is_some_and(Value::is_u64)
                        && m.get("end").is_some_and(Value::is_u64))
                        || m.get("spans").is_some_and(Value::is_array)
                };
                (KNOWN.contains(&k.as_str()) || (!items.is_empty() && items.iter().all(located)))
                    .then(|| FactList {
                        key: k,
                        kind: singular(k),
                        items,
                    })
            })
            .collect();
    out.sort_by_key(|l| {
        KNOWN
            .iter()
            .position(|k| *k == l.key)
            .unwrap_or(KNOWN.len())
    });
    out
}

/// `dates` → `date`, `ethnic_groups` → `ethnic_group`, `quantities` → `quantity`.
pub fn singular(key: &str) -> String {
    if let Some(stem) = key.strip_suffix("ies") {
        format!("{stem}y")
    } else {
        key.strip_suffix('s').unwrap_or(key).to_string()
    }
}

/// One fact located in the text: an item of a fact list, or one mention of an item with
/// several (`ethnic_groups`).
pub struct Fact<'r> {
    /// Unique within the report, in list order.
    pub id: usize,
    pub kind: &'r str,
    pub start: usize,
    pub end: usize,
    /// The text as written in the input.
    pub text: String,
    pub item: &'r Map<String, Value>,
}

/// Every fact of the lists, located in `input` (the decoded text the spans index).
pub fn facts<'r>(lists: &'r [FactList<'r>], input: &str) -> Vec<Fact<'r>> {
    let mut out = Vec::new();
    for list in lists {
        for item in &list.items {
            let mut push = |start: usize, end: usize, text: Option<&str>| {
                let text = match text {
                    Some(t) => t.to_string(),
                    None => input.get(start..end).unwrap_or_default().to_string(),
                };
                out.push(Fact {
                    id: out.len(),
                    kind: &list.kind,
                    start,
                    end,
                    text,
                    item,
                });
            };
            if let (Some(s), Some(e)) = (uint(item, "start"), uint(item, "end")) {
                push(s, e, item.get("text").and_then(Value::as_str));
            } else if let Some(spans) = item.get("spans").and_then(Value::as_array) {
                for span in spans.iter().filter_map(Value::as_object) {
                    if let (Some(s), Some(e)) = (uint(span, "start"), uint(span, "end")) {
                        push(s, e, None);
                    }
                }
            }
        }
    }
    out
}

fn uint(m: &Map<String, Value>, key: &str) -> Option<usize> {
    m.get(key)?.as_u64().and_then(|n| usize::try_from(n).ok())
}

/// A value for people: `None` for null and empty values; numbers without a trailing `.0`;
/// lists joined with `; `; objects by their `text` (or `name`), else as `key: value, …`.
pub fn show(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::Bool(b) => Some(if *b { "yes" } else { "no" }.to_string()),
        Value::Number(n) => Some(number(n)),
        Value::String(s) => (!s.is_empty()).then(|| s.clone()),
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().filter_map(show).collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        }
        Value::Object(m) => {
            if let Some(t) = ["text", "name"]
                .iter()
                .find_map(|k| m.get(*k).and_then(Value::as_str))
            {
                return Some(t.to_string());
            }
            let parts: Vec<String> = m
                .iter()
                .filter_map(|(k, v)| Some(format!("{}: {}", label(k), show(v)?)))
                .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
    }
}

fn number(n: &serde_json::Number) -> String {
    match n.as_f64() {
        Some(f) if !n.is_i64() && !n.is_u64() && f.fract() == 0.0 && f.abs() < 1e15 => {
            format!("{f:.0}")
        }
        _ => n.to_string(),
    }
}

/// `doc_type_name` → `doc type name`.
pub fn label(key: &str) -> String {
    key.replace('_', " ")
}

/// The field that gives a fact's value: `value` (dates, statistics), else `name` (officials,
/// ethnic groups), else `number` (document numbers).
pub fn value_key(item: &Map<String, Value>) -> Option<&'static str> {
    ["value", "name", "number"]
        .into_iter()
        .find(|k| item.get(*k).and_then(show).is_some())
}

/// The describing fields of an item in report order, without its location and the fields in
/// `skip`, with empty ones left out.
pub fn fields<'m>(item: &'m Map<String, Value>, skip: &[&str]) -> Vec<(&'m str, String)> {
    item.iter()
        .filter(|(k, _)| !LOCATION.contains(&k.as_str()) && !skip.contains(&k.as_str()))
        .filter_map(|(k, v)| Some((k.as_str(), show(v)?)))
        .collect()
}

/// A fact in one line: its value, then every other field as `key: value`, joined with ` · `.
pub fn describe(item: &Map<String, Value>) -> String {
    let vk = value_key(item);
    let mut parts = Vec::new();
    if let Some(v) = vk.and_then(|k| show(&item[k])) {
        parts.push(v);
    }
    for (k, v) in fields(item, vk.as_slice()) {
        parts.push(format!("{}: {v}", label(k)));
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_for_people() {
        assert_eq!(show(&json!(94.0)).as_deref(), Some("94"));
        assert_eq!(show(&json!(32.5)).as_deref(), Some("32.5"));
        assert_eq!(show(&json!(32500000.0)).as_deref(), Some("32500000"));
        assert_eq!(show(&json!(2021)).as_deref(), Some("2021"));
        assert_eq!(show(&json!(null)), None);
        assert_eq!(show(&json!("")), None);
        assert_eq!(show(&json!([])), None);
        assert_eq!(show(&json!(["a", "b"])).as_deref(), Some("a; b"));
        assert_eq!(
            show(&json!({"value": 1.5, "unit": null, "against": "năm 2020"})).as_deref(),
            Some("value: 1.5, against: năm 2020")
        );
        assert_eq!(
            show(&json!([{"text": "Bí thư", "start": 3}])).as_deref(),
            Some("Bí thư")
        );
    }

    #[test]
    fn lists_and_facts_of_a_report() {
        let input = "Số 69-KL/TU. Người Mông, người Mông.";
        let r = json!({
            "source": "a.txt",
            "chrome": [{"text": "x", "start": 0, "end": 1}],
            "ethnic_groups": [{"name": "Mông", "mentions": 2,
                               "spans": [{"start": 24, "end": 29}, {"start": 40, "end": 45}]}],
            "places": [{"text": "Lai Châu", "start": 1, "end": 3, "name": "Lai Châu"}],
            "dates": [],
            "document_numbers": [{"text": "69-KL/TU", "start": 5, "end": 13, "number": "69"}],
            "counts": {"bytes": 1},
        });
        let l = lists(&r);
        let keys: Vec<&str> = l.iter().map(|l| l.key).collect();
        assert_eq!(
            keys,
            ["document_numbers", "dates", "ethnic_groups", "places"]
        );
        assert_eq!(l[3].kind, "place");
        let f = facts(&l, input);
        let got: Vec<(&str, usize, &str)> = f
            .iter()
            .map(|f| (f.kind, f.start, f.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("document_number", 5, "69-KL/TU"),
                ("ethnic_group", 24, "Mông"),
                ("ethnic_group", 40, "Mông"),
                ("place", 1, "Lai Châu"),
            ]
        );
        assert_eq!(describe(f[1].item), "Mông · mentions: 2");
        assert_eq!(describe(f[0].item), "69");
    }

    #[test]
    fn singular_names() {
        assert_eq!(singular("document_numbers"), "document_number");
        assert_eq!(singular("statistics"), "statistic");
        assert_eq!(singular("quantities"), "quantity");
        assert_eq!(singular("chrome"), "chrome");
    }
}
