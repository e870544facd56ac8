//! The HTML page of the seed article rendered by a real browser (headless Chromium): the DOM it
//! builds holds one highlight for every fact of the JSON report, over exactly the fact's text,
//! and loads nothing from outside.
//!
//! Chromium is found at `$VNTEXT_CHROMIUM`, else `chromium`, `chromium-browser` or
//! `google-chrome` on the `PATH`; `.ci/run` installs Debian's `chromium` when it is missing.
//! Without a browser the test says so on the terminal; under CI (`CI` set) it fails instead.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("VNTEXT_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
        .find(|p| p.is_file())
}

/// Renders a local page and returns the DOM Chromium built from it.
fn dump_dom(browser: &PathBuf, page: &std::path::Path, profile: &std::path::Path) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut out, &mut s);
        s
    });
    let status = wait_with_deadline(&mut child, Duration::from_secs(120));
    assert!(status.success(), "chromium failed: {status:?}");
    reader.join().unwrap()
}

/// Decodes the character references Chromium writes when it serializes a DOM.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|&e| e < 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "nbsp" => Some('\u{a0}'),
            _ => entity
                .strip_prefix('#')
                .and_then(|n| match n.strip_prefix('x') {
                    Some(h) => u32::from_str_radix(h, 16).ok(),
                    None => n.parse().ok(),
                })
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// One highlighted fact as the browser has it: its attributes and the text inside its marks.
#[derive(Debug, Default)]
struct Highlight {
    kind: String,
    start: usize,
    end: usize,
    pieces: usize,
    text: String,
}

/// The `<mark data-id=…>` elements of the article, by id, with the text each covers (nested
/// marks included). Tags are read with their quoted attribute values (which may hold `>`).
fn highlights(dom: &str) -> (BTreeMap<usize, Highlight>, usize) {
    let attr = regex::Regex::new(r#"([a-zA-Z-]+)="([^"]*)""#).unwrap();
    let body = &dom[dom.find("<article").expect("the article")..];
    let body = &body[..body.find("</article>").expect("the article's end")];
    let mut marks: BTreeMap<usize, Highlight> = BTreeMap::new();
    let mut open: Vec<Option<usize>> = Vec::new(); // one per open <mark> or <span>
    let mut chrome = 0;
    let mut i = 0;
    let b = body.as_bytes();
    // Skip the <article …> tag itself.
    while b[i] != b'>' {
        i += 1;
    }
    i += 1;
    while i < b.len() {
        if b[i] == b'<' {
            let mut j = i + 1;
            let mut quote = false;
            while j < b.len() && (b[j] != b'>' || quote) {
                if b[j] == b'"' {
                    quote = !quote;
                }
                j += 1;
            }
            let tag = &body[i + 1..j];
            if let Some(close) = tag.strip_prefix('/') {
                assert!(close == "mark" || close == "span", "unexpected </{close}>");
                open.pop().expect("balanced tags");
            } else {
                let name = tag.split_whitespace().next().unwrap_or("");
                assert!(name == "mark" || name == "span", "unexpected <{name}>");
                let attrs: BTreeMap<&str, String> = attr
                    .captures_iter(tag)
                    .map(|c| (c.get(1).unwrap().as_str(), unescape(&c[2])))
                    .collect();
                if name == "span" {
                    assert_eq!(attrs.get("class").map(String::as_str), Some("chrome"));
                    chrome += 1;
                    open.push(None);
                } else {
                    let id: usize = attrs["data-id"].parse().unwrap();
                    let h = marks.entry(id).or_default();
                    let (kind, start, end) = (
                        attrs["data-kind"].clone(),
                        attrs["data-start"].parse().unwrap(),
                        attrs["data-end"].parse().unwrap(),
                    );
                    if h.pieces > 0 {
                        assert_eq!(
                            (&h.kind, h.start, h.end),
                            (&kind, start, end),
                            "pieces of {id}"
                        );
                    }
                    (h.kind, h.start, h.end) = (kind, start, end);
                    h.pieces += 1;
                    open.push(Some(id));
                }
            }
            i = j + 1;
        } else {
            let j = body[i..].find('<').map_or(body.len(), |k| i + k);
            let text = unescape(&body[i..j]);
            let mut seen = BTreeSet::new();
            for id in open.iter().flatten() {
                if seen.insert(*id) {
                    marks.get_mut(id).unwrap().text.push_str(&text);
                }
            }
            i = j;
        }
    }
    assert!(open.is_empty(), "unclosed marks");
    (marks, chrome)
}

#[test]
fn seed_page_in_chromium_highlights_every_fact() {
    let Some(browser) = chromium() else {
        let why = "Chromium is not installed (apt-get install chromium, or set VNTEXT_CHROMIUM)";
        assert!(std::env::var_os("CI").is_none(), "{why}: required under CI");
        skip("seed_page_in_chromium_highlights_every_fact", why);
        return;
    };
    let s = Scratch::new("browser");
    let seed = arg(&repo().join("data/articles/sin-ho-dan-van.txt"));
    let page = s.path("seed.html");
    let html = analyze(&["--format=html".into(), seed.clone()]);
    assert_eq!(html.code(), Some(0), "{}", html.stderr);
    std::fs::write(&page, &html.stdout).unwrap();
    let json = analyze(&["--jsonl".into(), seed]);
    let report = &json.reports()[0];

    let dom = dump_dom(&browser, &page, &s.path("profile"));
    assert!(
        dom.contains("<article"),
        "Chromium rendered the page: {dom:.200}"
    );
    let (marks, chrome) = highlights(&dom);

    // Every fact of the report, as (kind, start, end) with its text from the input.
    let mut want: BTreeSet<(String, usize, usize, String)> = BTreeSet::new();
    for (list, v) in report.as_object().unwrap() {
        let Some(items) = v.as_array() else { continue };
        if list == "chrome" {
            continue;
        }
        let kind = list.trim_end_matches('s').to_string();
        for item in items {
            let spans = match item.get("spans") {
                Some(sp) => sp.as_array().unwrap().clone(),
                None => vec![item.clone()],
            };
            for sp in spans {
                let (a, b) = (
                    sp["start"].as_u64().unwrap() as usize,
                    sp["end"].as_u64().unwrap() as usize,
                );
                want.insert((kind.clone(), a, b, SEED[a..b].to_string()));
            }
        }
    }
    let got: BTreeSet<(String, usize, usize, String)> = marks
        .values()
        .map(|h| (h.kind.clone(), h.start, h.end, h.text.clone()))
        .collect();
    assert!(want.len() > 20, "the seed has many facts: {}", want.len());
    assert_eq!(marks.len(), want.len(), "one highlight per fact");
    assert_eq!(got, want, "the highlights cover exactly the facts' texts");
    for kind in ["document_number", "date", "period", "official", "statistic"] {
        assert!(want.iter().any(|w| w.0 == kind), "the seed has a {kind}");
    }
    // Page chrome (the view counter after the dateline) is greyed out.
    assert_eq!(chrome, report["chrome"].as_array().unwrap().len());
    assert!(chrome > 0);
    // Nothing is loaded from elsewhere.
    for bad in ["<script", "<link", "<img", "<iframe", "src=\"", "url("] {
        assert!(!dom.contains(bad), "the page holds {bad}");
    }
}
