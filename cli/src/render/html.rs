//! `--format html`: one self-contained page per article, and an index page for a folder.
//!
//! The page shows the article text (the decoded input, which the report's byte spans index)
//! with every fact highlighted in place, coloured by kind, and a side panel listing the facts
//! with their fields; page chrome is greyed out. It has no external resources (inline CSS, no
//! script) and every text is escaped.
//!
//! Each fact is one `<mark class="fact fact-KIND" data-id data-kind data-start data-end>`.
//! Facts may overlap (a date inside a document number, a statistic inside an official's
//! sentence): marks nest, and a fact that crosses another's end is split into several marks
//! with the same `data-id` (the later ones with the class `cont`), so the page is always well
//! formed.

use std::fmt::Write as _;

use serde_json::{Map, Value};

use crate::facts::{self, Fact, FactList, show};

/// What the index page shows of one article.
#[derive(Debug, Clone)]
pub struct IndexEntry {
    /// The input's path.
    pub source: String,
    pub title: Option<String>,
    pub published: Option<String>,
    /// Facts per list, in the order of [`facts::lists`].
    pub counts: Vec<(String, usize)>,
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A CSS class name from a kind (`document_number`): letters, digits, `-` and `_` only.
fn class(kind: &str) -> String {
    kind.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

const STYLE: &str = r#"
:root { --ink: #1d1d1f; --muted: #6b6b70; --line: #dcdce0; --paper: #fff; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: var(--ink); background: #f6f6f8; }
header { padding: 16px 24px 10px; background: var(--paper); border-bottom: 1px solid var(--line); }
header h1 { margin: 0 0 4px; font-size: 22px; line-height: 1.3; }
.meta { margin: 0; color: var(--muted); font-size: 13px; }
.legend { margin: 8px 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 6px; font-size: 13px; }
.legend li { padding: 1px 8px; border-radius: 10px; }
.legend .chrome { border: 1px solid var(--line); }
.problem { margin: 8px 0 0; padding: 6px 10px; background: #fff1f0; border: 1px solid #e0a0a0; border-radius: 4px; font-size: 14px; }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(280px, 420px); gap: 20px; padding: 20px 24px; align-items: start; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
article.text { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 20px 24px; white-space: pre-wrap; overflow-wrap: anywhere; max-width: 80ch; }
aside { position: sticky; top: 12px; max-height: calc(100vh - 24px); overflow: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px 14px; font-size: 14px; }
aside h2 { font-size: 15px; margin: 14px 0 6px; }
aside h2 small { color: var(--muted); font-weight: normal; }
aside ol { margin: 0; padding-left: 22px; }
aside li { margin: 0 0 6px; }
aside li a { color: inherit; text-decoration: none; padding: 0 3px; border-radius: 3px; font-weight: 600; }
aside .kv { display: inline-block; margin-right: 8px; color: #333; }
aside .kv b { color: var(--muted); font-weight: normal; }
aside q { color: var(--muted); }
aside .unplaced a { text-decoration: line-through; }
mark.fact { color: inherit; border-radius: 3px; padding: 0 1px; background: var(--c, #e4e4e7); box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark.fact mark.fact { outline: 1px solid rgba(0, 0, 0, .35); }
mark.fact:target { outline: 2px solid #1d1d1f; }
.chrome { color: #a0a0a6; background: #f1f1f3; }
.fact-document_number { --c: #ffe08a; background: #ffe08a; }
.fact-date { --c: #b6e0ff; background: #b6e0ff; }
.fact-period { --c: #d9cfff; background: #d9cfff; }
.fact-official { --c: #b9efc3; background: #b9efc3; }
.fact-statistic { --c: #ffc7c2; background: #ffc7c2; }
.fact-ethnic_group { --c: #ffd6a5; background: #ffd6a5; }
table { border-collapse: collapse; background: var(--paper); margin: 20px 24px; font-size: 14px; }
th, td { border: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
"#;

/// The page of one article: `report` is its JSON form, `input` the decoded text.
pub fn page(report: &Value, input: &str) -> String {
    let lists = facts::lists(report);
    let all = facts::facts(&lists, input);
    let get = |k: &str| report.get(k).and_then(show);
    let source = get("source").unwrap_or_else(|| "-".into());
    let title = get("title").unwrap_or_else(|| file_name(&source));

    let mut s = String::with_capacity(input.len() * 2 + 8192);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
        escape(&title),
        escape(&title)
    );
    let mut meta = vec![escape(&source)];
    for (k, label) in [("published", "published"), ("author", "by")] {
        if let Some(v) = get(k) {
            meta.push(format!("{label} {}", escape(&v)));
        }
    }
    if let Some(enc) = get("encoding") {
        let conf = report
            .get("encoding_confidence")
            .and_then(Value::as_f64)
            .unwrap_or(0.0);
        meta.push(format!("read as {} (confidence {conf:.2})", escape(&enc)));
    }
    let _ = writeln!(s, "<p class=\"meta\">{}</p>", meta.join(" · "));
    s.push_str("<ul class=\"legend\">");
    for list in lists.iter().filter(|l| !l.items.is_empty()) {
        let n = all.iter().filter(|f| f.kind == list.kind).count();
        let _ = write!(
            s,
            "<li class=\"fact-{}\">{} {n}</li>",
            class(&list.kind),
            escape(&facts::label(list.key))
        );
    }
    let chrome = chrome_spans(report, input);
    if !chrome.is_empty() {
        s.push_str("<li class=\"chrome\">page chrome</li>");
    }
    s.push_str("</ul>\n");

    let placed: Vec<bool> = all.iter().map(|f| fits(input, f.start, f.end)).collect();
    let unplaced = placed.iter().filter(|p| !**p).count();
    if unplaced > 0 {
        let _ = writeln!(
            s,
            "<p class=\"problem\">{unplaced} facts have a span outside the text and are not \
             highlighted (struck out in the list).</p>"
        );
    }
    s.push_str("</header>\n<main>\n<article class=\"text\">");
    highlight(&mut s, input, &all, &placed, &chrome);
    s.push_str("</article>\n<aside>\n");
    panel(&mut s, &lists, &all, &placed);
    s.push_str("</aside>\n</main>\n</body>\n</html>\n");
    s
}

fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}

/// Whether `start..end` is a span of `input` on char boundaries.
fn fits(input: &str, start: usize, end: usize) -> bool {
    start <= end && input.get(start..end).is_some()
}

fn chrome_spans(report: &Value, input: &str) -> Vec<(usize, usize)> {
    report
        .get("chrome")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|c| {
            let s = usize::try_from(c.get("start")?.as_u64()?).ok()?;
            let e = usize::try_from(c.get("end")?.as_u64()?).ok()?;
            fits(input, s, e).then_some((s, e))
        })
        .collect()
}

/// One highlighted span: a fact (index into the facts) or page chrome.
#[derive(Clone, Copy)]
enum Mark {
    Fact(usize),
    Chrome,
}

/// Writes `input` with the facts and chrome spans wrapped in nested elements.
fn highlight(
    s: &mut String,
    input: &str,
    all: &[Fact<'_>],
    placed: &[bool],
    chrome: &[(usize, usize)],
) {
    let mut spans: Vec<(usize, usize, Mark)> = all
        .iter()
        .enumerate()
        .filter(|(i, _)| placed[*i])
        .map(|(i, f)| (f.start, f.end, Mark::Fact(i)))
        .collect();
    spans.extend(chrome.iter().map(|&(a, b)| (a, b, Mark::Chrome)));
    // Outer first: by start, then the longer one, then chrome around facts.
    spans.sort_by_key(|&(a, b, m)| (a, std::cmp::Reverse(b), matches!(m, Mark::Fact(_))));
    let mut bounds: Vec<usize> = spans.iter().flat_map(|&(a, b, _)| [a, b]).collect();
    bounds.push(input.len());
    bounds.sort_unstable();
    bounds.dedup();

    let mut first_piece = vec![true; all.len()];
    let open = |s: &mut String, m: Mark, first: &mut [bool]| match m {
        Mark::Chrome => s.push_str("<span class=\"chrome\" title=\"page chrome\">"),
        Mark::Fact(i) => {
            let f = &all[i];
            let id = if first[i] {
                format!(" id=\"f{}\"", f.id)
            } else {
                String::new()
            };
            let cont = if first[i] { "" } else { " cont" };
            first[i] = false;
            let _ = write!(
                s,
                "<mark{id} class=\"fact fact-{}{cont}\" data-id=\"{}\" data-kind=\"{}\" \
                 data-start=\"{}\" data-end=\"{}\" title=\"{}\">",
                class(f.kind),
                f.id,
                escape(f.kind),
                f.start,
                f.end,
                escape(&format!("{}: {}", f.kind, facts::describe(f.item)))
            );
        }
    };
    let close = |s: &mut String, m: Mark| {
        s.push_str(match m {
            Mark::Chrome => "</span>",
            Mark::Fact(_) => "</mark>",
        });
    };

    let mut stack: Vec<(usize, Mark)> = Vec::new(); // (end, mark)
    let mut next = 0;
    let mut pos = 0;
    for b in bounds {
        s.push_str(&escape(&input[pos..b]));
        pos = b;
        if let Some(lowest) = stack.iter().position(|&(end, _)| end == b) {
            let popped: Vec<(usize, Mark)> = stack.drain(lowest..).collect();
            for &(_, m) in popped.iter().rev() {
                close(s, m);
            }
            let mut reopen: Vec<(usize, Mark)> =
                popped.into_iter().filter(|&(end, _)| end > b).collect();
            reopen.sort_by_key(|&(end, _)| std::cmp::Reverse(end));
            for (end, m) in reopen {
                open(s, m, &mut first_piece);
                stack.push((end, m));
            }
        }
        while let Some(&(a, e, m)) = spans.get(next) {
            if a != b {
                break;
            }
            next += 1;
            open(s, m, &mut first_piece);
            if e == b {
                close(s, m);
            } else {
                stack.push((e, m));
            }
        }
    }
    s.push_str(&escape(&input[pos..]));
}

/// The side panel: every fact list with its items and their fields.
fn panel(s: &mut String, lists: &[FactList<'_>], all: &[Fact<'_>], placed: &[bool]) {
    for list in lists.iter().filter(|l| !l.items.is_empty()) {
        let _ = write!(
            s,
            "<section>\n<h2><span class=\"fact-{}\">&nbsp;&nbsp;</span> {} <small>({})</small></h2>\n<ol>\n",
            class(&list.kind),
            escape(&facts::label(list.key)),
            list.items.len()
        );
        for item in &list.items {
            // The item's first mention (items such as ethnic groups have several).
            let first = all
                .iter()
                .position(|f| std::ptr::eq(f.item, *item) && placed[f.id]);
            item_line(s, &list.kind, item, first.map(|i| &all[i]));
        }
        s.push_str("</ol>\n</section>\n");
    }
}

fn item_line(s: &mut String, kind: &str, item: &Map<String, Value>, first: Option<&Fact<'_>>) {
    let text = item.get("text").and_then(Value::as_str);
    let name = item.get("name").and_then(show);
    let headline = name
        .clone()
        .or_else(|| text.map(str::to_string))
        .unwrap_or_default();
    match first {
        Some(f) => {
            let _ = write!(
                s,
                "<li><a class=\"fact-{}\" href=\"#f{}\">{}</a>",
                class(kind),
                f.id,
                escape(&headline)
            );
        }
        None => {
            let _ = write!(
                s,
                "<li class=\"unplaced\"><a class=\"fact-{}\">{}</a>",
                class(kind),
                escape(&headline)
            );
        }
    }
    if let (Some(t), Some(_)) = (text, &name) {
        let _ = write!(s, " <q>{}</q>", escape(t));
    }
    // The value first (an ISO date, a number), then the other fields in report order.
    let mut fields = facts::fields(item, if name.is_some() { &["name"] } else { &[] });
    if let Some(vk) = facts::value_key(item) {
        fields.sort_by_key(|(k, _)| *k != vk);
    }
    for (k, v) in fields {
        let _ = write!(
            s,
            " <span class=\"kv\"><b>{}</b> {}</span>",
            escape(&facts::label(k)),
            escape(&v)
        );
    }
    s.push_str("</li>\n");
}

/// What the index shows of one report.
pub fn entry(report: &Value) -> IndexEntry {
    let get = |k: &str| report.get(k).and_then(show);
    IndexEntry {
        source: get("source").unwrap_or_else(|| "-".into()),
        title: get("title"),
        published: get("published"),
        counts: facts::lists(report)
            .iter()
            .map(|l| (l.key.to_string(), l.items.len()))
            .collect(),
    }
}

/// The index page of a folder of article pages: `(file name, entry)` in input order.
pub fn index(pages: &[(String, IndexEntry)], failed: &[(String, String)]) -> String {
    let mut keys: Vec<&str> = Vec::new();
    for (_, e) in pages {
        for (k, _) in &e.counts {
            if !keys.contains(&k.as_str()) {
                keys.push(k);
            }
        }
    }
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>vntext: {} articles</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header><h1>{} articles</h1><p class=\"meta\">facts found by vntext; open an article \
         to see them in its text</p></header>\n<table>\n<thead><tr><th>article</th>\
         <th>published</th>",
        pages.len(),
        pages.len()
    );
    for k in &keys {
        let _ = write!(
            s,
            "<th class=\"fact-{}\">{}</th>",
            class(&facts::singular(k)),
            escape(&facts::label(k))
        );
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for (file, e) in pages {
        let title = e.title.clone().unwrap_or_else(|| file_name(&e.source));
        let _ = write!(
            s,
            "<tr><td><a href=\"{}\">{}</a><br><small>{}</small></td><td>{}</td>",
            escape(&href(file)),
            escape(&title),
            escape(&e.source),
            escape(e.published.as_deref().unwrap_or(""))
        );
        for k in &keys {
            let n = e
                .counts
                .iter()
                .find(|(key, _)| key == k)
                .map_or(0, |(_, n)| *n);
            let _ = write!(s, "<td class=\"n\">{n}</td>");
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table>\n");
    if !failed.is_empty() {
        s.push_str(
            "<section class=\"problem\" style=\"margin: 0 24px\"><p>Not analysed:</p><ul>\n",
        );
        for (src, msg) in failed {
            let _ = writeln!(s, "<li>{}: {}</li>", escape(src), escape(msg));
        }
        s.push_str("</ul></section>\n");
    }
    s.push_str("</body>\n</html>\n");
    s
}

/// A relative link to a file name: percent-encodes what a URL path cannot hold as is.
fn href(file: &str) -> String {
    let mut out = String::new();
    for b in file.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn marks(html: &str) -> Vec<String> {
        html.match_indices("<mark")
            .map(|(i, _)| html[i..i + html[i..].find('>').unwrap() + 1].to_string())
            .collect()
    }

    #[test]
    fn overlapping_facts_nest_or_split() {
        let input = "ab <x> cd ef";
        let r = json!({
            "source": "t.txt",
            // 0..9 "ab <x> cd" contains 3..6 "<x>"; 7..12 "cd ef" crosses 0..9's end.
            "dates": [{"text": "ab <x> cd", "start": 0, "end": 9, "value": "v"},
                      {"text": "<x>", "start": 3, "end": 6, "value": "w"}],
            "officials": [{"text": "cd ef", "start": 7, "end": 12, "name": "N"},
                          {"text": "", "start": 12, "end": 12, "name": "Empty"}],
        });
        let html = page(&r, input);
        let body = &html[html.find("<article").unwrap()..html.find("</article>").unwrap()];
        assert_eq!(
            body.matches("<mark").count(),
            body.matches("</mark>").count(),
            "{body}"
        );
        // The crossing fact is split: one piece inside the first date, one after it.
        assert_eq!(
            marks(body)
                .iter()
                .filter(|m| m.contains("data-id=\"2\""))
                .count(),
            2
        );
        assert!(body.contains("&lt;x&gt;"), "text is escaped: {body}");
        assert!(!body.contains("<x>"));
        // Text outside the marks, once the tags are removed, is the input.
        let mut plain = String::new();
        let mut in_tag = false;
        for c in body.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => plain.push(c),
                _ => {}
            }
        }
        assert_eq!(plain.replace("&lt;", "<").replace("&gt;", ">"), input);
        for id in 0..4 {
            assert!(
                body.contains(&format!("id=\"f{id}\"")),
                "fact {id} has a mark"
            );
        }
    }

    #[test]
    fn a_span_outside_the_text_is_reported_not_fatal() {
        let r = json!({"dates": [{"text": "x", "start": 5, "end": 99, "value": "v"}]});
        let html = page(&r, "short");
        assert!(html.contains("1 facts have a span outside the text"));
        assert!(html.contains("class=\"unplaced\""));
    }

    #[test]
    fn no_external_resources() {
        let input = include_str!("../../../data/articles/sin-ho-dan-van.txt");
        let v = serde_json::to_value(vntext::Analyzer::new().analyze(input)).unwrap();
        let html = page(&v, input);
        for bad in ["src=", "href=\"http", "@import", "url(", "<script", "<link"] {
            assert!(!html.contains(bad), "{bad}");
        }
    }

    #[test]
    fn index_links_each_page() {
        let e = IndexEntry {
            source: "d/a b.txt".into(),
            title: Some("Tin <1>".into()),
            published: Some("2022-01-24T09:17".into()),
            counts: vec![("dates".into(), 3), ("officials".into(), 1)],
        };
        let html = index(&[("a b.html".into(), e)], &[]);
        assert!(
            html.contains("<a href=\"a%20b.html\">Tin &lt;1&gt;</a>"),
            "{html}"
        );
        assert!(
            html.contains("<td>2022-01-24T09:17</td><td class=\"n\">3</td><td class=\"n\">1</td>")
        );
    }
}
