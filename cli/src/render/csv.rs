//! `--format csv`: one row per fact, for a spreadsheet or a data frame.
//!
//! Columns: `document` (the input's path), `kind` (`document_number`, `date`, `period`,
//! `official`, `statistic`, `ethnic_group`…), `type` (a date's or statistic's kind, a document's
//! type name), `text` (as written), `value` (the canonical value: ISO date, number, official's
//! or group's name, document number), `max` (of a range), `unit`, `currency`, `per`, `subject`,
//! `group`, `change`, `titles` (an official's, joined with `; `), `issuer`, `start` and `end`
//! (the byte span in the decoded input), and `other`: every other field of the fact as
//! `key: value; …`, so no field of the report is lost. Quoting follows RFC 4180 (the `csv`
//! crate).

use serde_json::{Map, Value};

use crate::facts::{self, Fact, show};

/// The header row.
pub const HEADER: [&str; 17] = [
    "document", "kind", "type", "text", "value", "max", "unit", "currency", "per", "subject",
    "group", "change", "titles", "issuer", "start", "end", "other",
];

/// The fields with a column of their own (besides the value's field).
const COLUMNS: &[&str] = &[
    "kind",
    "doc_type_name",
    "max",
    "unit",
    "currency",
    "per",
    "subject",
    "group",
    "change",
    "titles",
    "issuer",
];

/// The UTF-8 byte order mark, for spreadsheets that otherwise guess another encoding.
const BOM: &[u8] = "\u{FEFF}".as_bytes();

/// The start of a CSV file: the BOM when asked for, and the header row.
pub fn header(bom: bool) -> Vec<u8> {
    let mut out = if bom { BOM.to_vec() } else { Vec::new() };
    let mut w = writer(&mut out);
    // Writing to a Vec cannot fail.
    let _ = w.write_record(HEADER);
    let _ = w.flush();
    drop(w);
    out
}

fn writer(out: &mut Vec<u8>) -> csv::Writer<&mut Vec<u8>> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

/// The rows of one report, grouped by fact list (`dates`, `officials`…) in the order of
/// [`facts::lists`], without the header.
pub fn rows(report: &Value, input: &str, document: &str) -> Vec<(String, Vec<u8>)> {
    let lists = facts::lists(report);
    let all = facts::facts(&lists, input);
    lists
        .iter()
        .map(|list| {
            let mut out = Vec::new();
            let mut w = writer(&mut out);
            for f in all.iter().filter(|f| f.kind == list.kind) {
                let _ = w.write_record(row(f, document));
            }
            let _ = w.flush();
            drop(w);
            (list.key.to_string(), out)
        })
        .collect()
}

fn row(f: &Fact<'_>, document: &str) -> [String; 17] {
    let item = f.item;
    let get = |k: &str| item.get(k).and_then(show).unwrap_or_default();
    let vk = facts::value_key(item);
    let kind_of = item
        .get("kind")
        .or_else(|| item.get("doc_type_name"))
        .and_then(show)
        .unwrap_or_default();
    [
        document.to_string(),
        f.kind.to_string(),
        kind_of,
        f.text.clone(),
        vk.map(get).unwrap_or_default(),
        get("max"),
        get("unit"),
        get("currency"),
        get("per"),
        get("subject"),
        get("group"),
        get("change"),
        get("titles"),
        get("issuer"),
        f.start.to_string(),
        f.end.to_string(),
        other(item, vk),
    ]
}

/// The fields without a column: `key: value; …`.
fn other(item: &Map<String, Value>, value_key: Option<&str>) -> String {
    let mut skip = COLUMNS.to_vec();
    skip.extend(value_key);
    facts::fields(item, &skip)
        .into_iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Vec<csv::StringRecord> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes)
            .records()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn header_with_and_without_bom() {
        let h = header(false);
        assert_eq!(
            String::from_utf8(h.clone()).unwrap(),
            format!("{}\r\n", HEADER.join(","))
        );
        let b = header(true);
        assert_eq!(&b[..3], b"\xEF\xBB\xBF");
        assert_eq!(&b[3..], &h[..]);
    }

    #[test]
    fn one_row_per_fact_with_its_columns() {
        let text = "Số 69-KL/TU, ngày 09/4/2021: tăng 1,5 triệu đồng/người.";
        let report = vntext::Analyzer::new().analyze(text);
        let v = serde_json::to_value(&report).unwrap();
        let doc = "dir/a, \"b\".txt";
        let out = rows(&v, text, doc);
        let keys: Vec<&str> = out.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(&keys[..3], ["document_numbers", "dates", "periods"]);
        let docs = read(&out[0].1);
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(&d[0], doc, "quoting round-trips");
        assert_eq!(
            (&d[1], &d[3], &d[4], &d[13]),
            ("document_number", "Số 69-KL/TU", "69", "TU")
        );
        let span = d[14].parse::<usize>().unwrap()..d[15].parse().unwrap();
        assert_eq!(&text[span], "Số 69-KL/TU");
        assert!(d[16].contains("doc_type: KL"), "{:?}", &d[16]);
        let dates = read(&out[1].1);
        assert_eq!((&dates[0][2], &dates[0][4]), ("day", "2021-04-09"));
        let stats = &out.iter().find(|(k, _)| k == "statistics").unwrap().1;
        let s = &read(stats)[0];
        assert_eq!((&s[1], &s[4], &s[7]), ("statistic", "1500000", "VND"));
        assert_eq!(&s[8], "người");
    }
}
