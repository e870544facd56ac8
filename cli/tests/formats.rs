//! `vntext analyze --format csv` and `--format html` as a user gets them: CSV read back by real
//! CSV readers (the `csv` crate and Python's `csv` module), one file per fact kind with
//! `--output`, and a folder of pages with an index.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::process::Command;

use common::*;

/// `(document, kind, text, start, end)` of every fact of JSON-lines reports: each item of a
/// list with a span, and each mention (`spans`) of an ethnic group.
fn facts_of(reports: &[serde_json::Value], inputs: &[(String, String)]) -> BTreeSet<Fact> {
    let mut out = BTreeSet::new();
    for r in reports {
        let doc = r["source"].as_str().unwrap().to_string();
        let text = &inputs.iter().find(|(p, _)| *p == doc).unwrap().1;
        for (list, v) in r.as_object().unwrap() {
            let Some(items) = v.as_array() else { continue };
            if list == "chrome" {
                continue;
            }
            let kind = list
                .strip_suffix("ies")
                .map(|s| format!("{s}y"))
                .unwrap_or_else(|| list.trim_end_matches('s').to_string());
            for item in items {
                let spans: Vec<(usize, usize)> = match item.get("spans") {
                    Some(s) => s
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|s| {
                            (
                                s["start"].as_u64().unwrap() as usize,
                                s["end"].as_u64().unwrap() as usize,
                            )
                        })
                        .collect(),
                    None => vec![(
                        item["start"].as_u64().unwrap() as usize,
                        item["end"].as_u64().unwrap() as usize,
                    )],
                };
                for (s, e) in spans {
                    out.insert((doc.clone(), kind.clone(), text[s..e].to_string(), s, e));
                }
            }
        }
    }
    out
}

type Fact = (String, String, String, usize, usize);

fn from_records(records: &[Vec<String>]) -> BTreeSet<Fact> {
    records
        .iter()
        .map(|r| {
            (
                r[0].clone(),
                r[1].clone(),
                r[3].clone(),
                r[14].parse().unwrap(),
                r[15].parse().unwrap(),
            )
        })
        .collect()
}

/// Inputs whose paths hold a comma, a quote and a newline, and whose facts hold commas.
fn tricky_inputs(s: &Scratch) -> Vec<(String, String)> {
    let seed_part = &SEED[..SEED.find("Thực hiện Đề án").unwrap_or(4000).min(6000)];
    let files = [
        ("a, \"quoted\".txt", format!("{GOOD}{GOOD2}")),
        ("line\nbreak.txt", seed_part.to_string()),
        (
            "plain.txt",
            "Tỷ lệ hộ nghèo giảm còn 12,5%, thu nhập đạt 32,5 triệu đồng/người/năm. Người Mông, \
             người Dao sống ở 4 xã.\n"
                .to_string(),
        ),
    ];
    files
        .iter()
        .map(|(name, text)| (arg(&s.file(name, text)), text.clone()))
        .collect()
}

#[test]
fn csv_round_trips_through_the_csv_crate() {
    let s = Scratch::new("csv");
    let inputs = tricky_inputs(&s);
    let paths: Vec<String> = inputs.iter().map(|(p, _)| p.clone()).collect();
    let json = analyze(&[vec!["--jsonl".to_string()], paths.clone()].concat());
    assert_eq!(json.code(), Some(0), "{}", json.stderr);
    let want = facts_of(&json.reports(), &inputs);
    assert!(want.len() > 10, "{} facts", want.len());

    let r = analyze(&[vec!["--format".into(), "csv".into()], paths.clone()].concat());
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    let mut reader = csv::Reader::from_reader(r.stdout.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "document", "kind", "type", "text", "value", "max", "unit", "currency", "per",
            "subject", "group", "change", "titles", "issuer", "start", "end", "other"
        ]
    );
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(records.len(), want.len(), "one row per fact");
    assert_eq!(from_records(&records), want);
    // Rows with the quoted path, the path with a newline, and field values with commas.
    assert!(records.iter().any(|r| r[0].contains("\"quoted\"")));
    assert!(records.iter().any(|r| r[0].contains('\n')));
    assert!(
        records.iter().any(|r| r[3].contains(',')),
        "a fact text with a comma"
    );
    let official = records
        .iter()
        .find(|r| r[1] == "official")
        .expect("an official");
    assert_eq!(official[4], "Hoàng Thọ Trung");
    assert_eq!(official[12], "Tỉnh ủy viên; Bí thư Huyện ủy");

    // --bom: the same bytes after the byte order mark.
    let bom = analyze(&[vec!["--format=csv".into(), "--bom".into()], paths].concat());
    assert_eq!(bom.stdout.strip_prefix('\u{FEFF}'), Some(r.stdout.as_str()));
}

#[test]
fn csv_round_trips_through_python() {
    let s = Scratch::new("csv-py");
    let inputs = tricky_inputs(&s);
    let paths: Vec<String> = inputs.iter().map(|(p, _)| p.clone()).collect();
    let json = analyze(&[vec!["--jsonl".to_string()], paths.clone()].concat());
    let want = facts_of(&json.reports(), &inputs);
    let out = s.path("facts.csv");
    let r = analyze(&[vec!["--format=csv".into(), "--bom".into()], paths].concat());
    fs::write(&out, &r.stdout).unwrap();
    // Python reads the file as a spreadsheet user's script would: utf-8-sig, newline="".
    let script = "import csv, json, sys\n\
                  with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n\
                  \x20   rows = list(csv.reader(f))\n\
                  print(json.dumps(rows))\n";
    let py = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&out)
        .output();
    let Ok(py) = py else {
        skip("csv_round_trips_through_python", "python3 is not available");
        return;
    };
    assert!(
        py.status.success(),
        "{}",
        String::from_utf8_lossy(&py.stderr)
    );
    let rows: Vec<Vec<String>> = serde_json::from_slice(&py.stdout).unwrap();
    assert_eq!(
        rows[0][0], "document",
        "the BOM is not part of the first name"
    );
    assert_eq!(from_records(&rows[1..]), want);
}

#[test]
fn csv_output_folder_has_one_file_per_fact_kind() {
    let s = Scratch::new("csv-dir");
    let inputs = tricky_inputs(&s);
    let paths: Vec<String> = inputs.iter().map(|(p, _)| p.clone()).collect();
    let json = analyze(&[vec!["--jsonl".to_string()], paths.clone()].concat());
    let want = facts_of(&json.reports(), &inputs);
    let dir = s.path("out");
    let r = analyze(
        &[
            vec!["--format=csv".into(), "--output".into(), arg(&dir)],
            paths,
        ]
        .concat(),
    );
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert!(r.stdout.is_empty());
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "dates.csv",
            "document_numbers.csv",
            "ethnic_groups.csv",
            "officials.csv",
            "periods.csv",
            "statistics.csv"
        ]
    );
    let mut got = BTreeSet::new();
    for name in &names {
        let mut reader = csv::Reader::from_path(dir.join(name)).unwrap();
        assert_eq!(&reader.headers().unwrap()[0], "document");
        let records: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        let kind = name.trim_end_matches(".csv").trim_end_matches('s');
        assert!(records.iter().all(|r| r[1] == kind), "{name}");
        got.extend(from_records(&records));
    }
    assert_eq!(got, want);
}

#[test]
fn html_folder_has_a_page_per_article_and_an_index() {
    let s = Scratch::new("html-dir");
    let seed = s.file("in/sin-ho.txt", SEED);
    let a = s.file("in/a/doc.txt", GOOD);
    let b = s.file("in/b/doc.txt", GOOD2);
    let missing = s.path("in/missing.txt");
    let out = s.path("pages");
    let r = analyze(&[
        "--format".into(),
        "html".into(),
        "-o".into(),
        arg(&out),
        arg(&s.path("in")),
        arg(&missing),
    ]);
    assert_eq!(r.code(), Some(1), "the missing file: {}", r.stderr);
    assert_eq!(
        r.errors(),
        [format!(
            "vntext: {}: no such file or directory",
            arg(&missing)
        )]
    );
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    // Sorted walk: a/doc, b/doc, sin-ho; the second doc.html is made unique.
    let pages = ["doc.html", "doc-2.html", "sin-ho.html"];
    let mut at = 0;
    for (page, src) in pages.iter().zip([&a, &b, &seed]) {
        let html = fs::read_to_string(out.join(page)).unwrap();
        assert!(
            html.contains(&html_escape(&arg(src))),
            "{page} is {src:?}'s"
        );
        let link = format!("<a href=\"{page}\">");
        let i = index
            .find(&link)
            .unwrap_or_else(|| panic!("{link} in the index"));
        assert!(i > at, "index in input order");
        at = i;
    }
    assert!(
        index.contains(">Sìn Hồ tăng cường công tác dân vận ở vùng đồng bào dân tộc thiểu số</a>")
    );
    assert!(index.contains("<td>2022-01-24T09:17</td>"));
    assert!(index.contains(&format!(
        "{}: no such file or directory",
        html_escape(&arg(&missing))
    )));
    // The seed's row counts its facts: 6 document numbers first.
    let row = &index[index.find("sin-ho.html").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("<td class=\"n\">6</td>"), "{row}");
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[test]
fn html_of_several_inputs_needs_a_folder() {
    let s = Scratch::new("html-many");
    let a = s.file("a.txt", GOOD);
    let b = s.file("b.txt", GOOD2);
    let r = analyze(&["--format=html".into(), arg(&a), arg(&b)]);
    assert_eq!(r.code(), Some(2));
    assert!(r.stderr.contains("needs --output DIR"), "{}", r.stderr);
    let r = analyze(&["--format=html".into(), arg(&a)]);
    assert_eq!(r.code(), Some(0));
    assert!(r.stdout.starts_with("<!DOCTYPE html>"));
}
