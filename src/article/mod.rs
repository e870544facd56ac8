//! Scraped articles (bài báo): title, dateline, author, and the page chrome around the body.
//!
//! Pages scraped from portals carry text that is not the article: visitor counters
//! (`Đang truy cập74`, `Tổng lượt truy cập18,912,473`), view and download counters
//! (`lượt xem: 11 | lượt tải:1`), rating lines (`Tổng số điểm của bài viết là: 0 trong 0 đánh giá`),
//! session-timeout notices, `top`/`down` links and crawler metadata lines (`# url = …`).
//! [`parse_article`] finds them line by line and returns their spans as [`Article::chrome`]; the
//! [`Analyzer`](crate::Analyzer) drops every fact inside chrome. Real lists on the page (the
//! "Văn bản mới" list of new documents) stay content.
//!
//! The parser also reads the article's header:
//! - metadata lines `# key = value` at the top (`# date = 20201101` gives the publication date);
//! - the title: the first content line, when the text looks like an article (it has a metadata
//!   header or a dateline near the top);
//! - the dateline `Thứ hai - 24/01/2022 09:17` (the weekday must agree with the date), giving
//!   `published` as `2022-01-24T09:17`; counters printed after it on the same line are chrome;
//! - the author line `Tác giả: Lương Thủy`.

mod cues;
mod datetime;

use crate::Span;
use crate::document::Document;
use crate::extract::dates::CalendarDate;
use crate::lexicon::Lex;
use crate::tokenize::TokenKind;

/// The structure of a scraped article page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    /// The title's span.
    pub title: Option<Span>,
    /// The dateline's date and time, ISO `YYYY-MM-DDTHH:MM` (or `YYYY-MM-DD` without a time).
    pub published: Option<String>,
    /// The dateline's span.
    pub dateline: Option<Span>,
    /// The author's name.
    pub author: Option<String>,
    /// Spans of page chrome (counters, menus, rating lines, metadata), in text order and
    /// disjoint: facts inside are dropped.
    pub chrome: Vec<Span>,
}

/// How many lines from the top may hold the header (metadata, title, dateline).
const HEADER_LINES: usize = 12;

/// Longest line (bytes, bullets trimmed) that may be page chrome.
const MAX_CHROME_LINE: usize = 200;

/// Parses the structure of an article page. Works on any text: a document that is not a scraped
/// article simply yields no title, dateline or chrome. Spans index `text`.
///
/// ```
/// let text = "Sìn Hồ tăng cường công tác dân vận\n\nThứ hai - 24/01/2022 09:17 900 0\nNội dung.\n\
///             Tác giả: Lương Thủy\n  • Tổng lượt truy cập18,912,473\n";
/// let a = vntext::article::parse_article(text);
/// assert_eq!(a.title.unwrap().slice(text), "Sìn Hồ tăng cường công tác dân vận");
/// assert_eq!(a.published.as_deref(), Some("2022-01-24T09:17"));
/// assert_eq!(a.author.as_deref(), Some("Lương Thủy"));
/// assert!(a.chrome.iter().any(|s| s.slice(text).contains("18,912,473")));
/// assert!(a.chrome.iter().any(|s| s.slice(text) == "900 0"));
/// ```
pub fn parse_article(text: &str) -> Article {
    let doc = Document::new(text);
    let mut art = layout(&doc);
    let map = |s: Span| doc.to_original(s);
    art.title = art.title.map(map);
    art.dateline = art.dateline.map(map);
    for c in &mut art.chrome {
        *c = map(*c);
    }
    art
}

/// Lays out a [`Document`]: its title, dateline, author and page chrome, read from its lines and
/// tokens. Spans index [`Document::text`].
///
/// ```
/// use vntext::document::Document;
/// let doc = Document::new("Tiêu đề bài\nThứ hai - 24/01/2022 09:17\nNội dung.");
/// let a = vntext::article::layout(&doc);
/// assert_eq!(a.published.as_deref(), Some("2022-01-24T09:17"));
/// ```
pub fn layout(doc: &Document<'_>) -> Article {
    let mut art = Article::default();
    let mut first_content: Option<Span> = None;
    let mut has_metadata = false;
    let mut content_lines = 0usize;
    let mut buf = String::new();
    for (index, line) in doc.lines().iter().enumerate() {
        let (a, b) = (line.tokens.start, line.tokens.end);
        if a == b {
            continue;
        }
        let trimmed = doc.span(a, b);

        // Crawler metadata at the very top: `# key = value`.
        if content_lines == 0
            && index < HEADER_LINES
            && let Some((key, value)) = metadata(doc, line.span, a, b)
        {
            has_metadata = true;
            art.chrome.push(line.span);
            if key.eq_ignore_ascii_case("date") && art.published.is_none() {
                art.published = iso_from_compact(doc.slice(value));
            } else if key.eq_ignore_ascii_case("title") && art.title.is_none() && !value.is_empty()
            {
                art.title = Some(value);
            }
            continue;
        }
        content_lines += 1;

        if index < HEADER_LINES && art.dateline.is_none() {
            let found = datetime::stamps(doc, a, b, &mut buf)
                .into_iter()
                .next()
                .filter(|s| {
                    s.first == a
                        && s.weekday.is_some()
                        && s.weekday_agrees()
                        && !s.time_first
                        && doc.is(s.date_first, TokenKind::Date)
                        && doc.key(s.date_first - 1) != "ngày"
                });
            if let Some(s) = found {
                art.dateline = Some(doc.span(s.first, s.end));
                art.published = Some(s.iso());
                // Anything after the date and time on the dateline is counters (views, comments).
                if s.end < b
                    && (s.end..b)
                        .all(|i| doc.is(i, TokenKind::Number) || matches!(doc.key(i), "." | ","))
                {
                    art.chrome.push(doc.span(s.end, b));
                }
                continue;
            }
        }
        if first_content.is_none() {
            first_content = Some(trimmed);
        }

        if doc.text_of(a) == "Tác"
            && let Some(c) = cues::lookup(doc, Lex::BylineCue, a, b, &mut buf)
            && matches!(c.entry.phrase(), "tác giả" | "tác giả bài viết")
            && doc.key(c.end) == ":"
            && c.end + 1 < b
        {
            if art.author.is_none() {
                art.author = Some(doc.text_between(c.end + 1, b).to_string());
            }
            continue;
        }
        let mut u = a;
        while u < b && matches!(doc.key(u), "•" | "·" | "-" | "*" | "|" | "»" | "›") {
            u += 1;
        }
        // Chrome lines are short: long lines of running text are not read.
        if u < b && doc.span(u, b).len() <= MAX_CHROME_LINE && chrome_line(doc, u, b) {
            art.chrome.push(trimmed);
        }
    }
    if art.title.is_none() && (has_metadata || art.dateline.is_some()) {
        art.title = first_content.filter(|s| s.len() <= 400);
    }
    art
}

/// A metadata line `# key = value` (the `#` at the start of the line): the key and the value's
/// span (empty at the line's end when there is no value).
fn metadata<'d>(doc: &'d Document<'_>, line: Span, a: usize, b: usize) -> Option<(&'d str, Span)> {
    if doc.key(a) != "#" || doc.token(a).span.start != line.start {
        return None;
    }
    let eq = (a + 1..b).find(|&i| doc.key(i) == "=")?;
    let key = doc
        .slice(Span::new(doc.token(a).span.end, doc.token(eq).span.start))
        .trim();
    if key.is_empty() || !key.bytes().all(|c| c.is_ascii_alphabetic() || c == b'_') {
        return None;
    }
    let value = if eq + 1 < b {
        doc.span(eq + 1, b)
    } else {
        Span::new(line.end, line.end)
    };
    Some((key, value))
}

/// Whether tokens `u..b` (bullets trimmed) are a whole line of page chrome: a counter label and
/// its number, the article's counters, a rating or session notice, a link.
fn chrome_line(doc: &Document<'_>, u: usize, b: usize) -> bool {
    let Some(c) = cues::page_cue(doc, u, b) else {
        return false;
    };
    let number_at = |i: usize| doc.is(i, TokenKind::Number);
    let colon = |i: usize| if doc.key(i) == ":" { i + 1 } else { i };
    match c.kind() {
        "visitor" => {
            let n = colon(c.end);
            number_at(n) && n + 1 == b
        }
        "share" if c.end == b => true,
        "count" | "comments" | "share" => {
            // label [:] [N] (| label [:] [N])*, or a link alone
            let mut cue = Some(c);
            while let Some(k) = cue {
                if !matches!(k.kind(), "count" | "comments")
                    && !matches!(k.entry.phrase(), "chia sẻ")
                {
                    return false;
                }
                let mut i = colon(k.end);
                if number_at(i) {
                    i += 1;
                }
                if i == b {
                    return true;
                }
                if doc.key(i) != "|" {
                    return false;
                }
                i += 1;
                cue = cues::page_cue(doc, i, b);
            }
            false
        }
        "rating" | "session" => {
            !matches!(
                c.entry.phrase(),
                "thời gian chờ" | "tổng số điểm của bài viết là"
            ) || doc.key(c.end) == ":"
        }
        _ => false,
    }
}

/// A metadata date, `20201101` or `2020-11-01…`, as ISO `YYYY-MM-DD`.
fn iso_from_compact(v: &str) -> Option<String> {
    let v = v.trim();
    let (y, m, d) = if v.len() == 8 && v.bytes().all(|b| b.is_ascii_digit()) {
        (v.get(0..4)?, v.get(4..6)?, v.get(6..8)?)
    } else if v.as_bytes().get(4) == Some(&b'-') && v.as_bytes().get(7) == Some(&b'-') {
        (v.get(0..4)?, v.get(5..7)?, v.get(8..10)?)
    } else {
        return None;
    };
    CalendarDate::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).map(|d| d.to_iso())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../data/articles/sin-ho-dan-van.txt");

    #[test]
    fn weekday_matches_known_dates() {
        // 24/01/2022 was a Monday (Thứ hai); 2/9/1945 a Sunday; 29/2/2000 a Tuesday.
        let wd = |y, m, d| CalendarDate::new(y, m, d).map(|c| c.weekday());
        assert_eq!(wd(2022, 1, 24), Some(1));
        assert_eq!(wd(1945, 9, 2), Some(7));
        assert_eq!(wd(2000, 2, 29), Some(2));
    }

    #[test]
    fn seed_header() {
        let a = parse_article(SEED);
        assert_eq!(
            a.title.unwrap().slice(SEED),
            "Sìn Hồ tăng cường công tác dân vận ở vùng đồng bào dân tộc thiểu số"
        );
        assert_eq!(a.published.as_deref(), Some("2022-01-24T09:17"));
        assert_eq!(a.author.as_deref(), Some("Lương Thủy"));
        assert_eq!(
            a.dateline.unwrap().slice(SEED),
            "Thứ hai - 24/01/2022 09:17"
        );
    }

    #[test]
    fn seed_chrome_is_counters_not_content() {
        let a = parse_article(SEED);
        let chrome: Vec<&str> = a.chrome.iter().map(|s| s.slice(SEED)).collect();
        for expected in [
            "900 0",
            "Tổng số điểm của bài viết là: 0 trong 0 đánh giá",
            "lượt xem: 11 | lượt tải:1",
            "lượt xem: 5031 | lượt tải:1062",
            "• Đang truy cập74",
            "• Hôm nay19,156",
            "• Tháng hiện tại839,488",
            "• Tháng trước1,119,475",
            "• Tổng lượt truy cập18,912,473",
            "Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập. Thời gian chờ: 60 giây",
            "top",
            "down",
        ] {
            assert!(
                chrome.contains(&expected),
                "missing chrome {expected:?} in {chrome:?}"
            );
        }
        // The "Văn bản mới" list is content.
        for content in ["Số 152-KH/TU", "Số:67/2022/TT-BTC", "Văn bản mới"] {
            assert!(
                !chrome.iter().any(|c| c.contains(content)),
                "{content} is content"
            );
        }
    }

    #[test]
    fn chrome_spans_are_in_order_and_disjoint() {
        // The Analyzer binary-searches them.
        let a = parse_article(SEED);
        assert!(a.chrome.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn wrong_weekday_is_no_dateline() {
        // 24/01/2022 was a Monday, not a Tuesday.
        let a = parse_article("Tiêu đề\nThứ ba - 24/01/2022 09:17\n");
        assert_eq!(a.published, None);
        assert_eq!(a.title, None);
    }

    #[test]
    fn metadata_header() {
        let text = "# doc_id = x\n# url = https://example.vn/a-20201101.htm\n# date = 20201101\nTiêu đề bài\nSáng 1/11, nội dung.\n";
        let a = parse_article(text);
        assert_eq!(a.published.as_deref(), Some("2020-11-01"));
        assert_eq!(a.title.unwrap().slice(text), "Tiêu đề bài");
        assert_eq!(a.chrome.len(), 3);
    }

    #[test]
    fn official_document_has_no_title() {
        let text = "ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC\nSố: 991/QĐ-UBND\nQUYẾT ĐỊNH\n";
        let a = parse_article(text);
        assert_eq!(a.title, None);
        assert!(a.chrome.is_empty());
    }

    #[test]
    fn content_lines_mentioning_views_stay() {
        let text = "Hôm nay, 1.200 người dân đã đến xem.\nTháng trước có 5 vụ.\n";
        assert!(parse_article(text).chrome.is_empty());
    }
}
