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

use std::sync::LazyLock;

use regex::Regex;

use crate::Span;
use crate::extract::dates::{self, CalendarDate};

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

static METADATA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^#\s*([A-Za-z_]+)\s*=\s*(.*?)\s*$").expect("valid regex"));

static AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:Tác giả|Tác giả bài viết)\s*:\s*(\S.*?)\s*$").expect("valid regex")
});

/// Lines (after bullets and spaces are trimmed) that are page chrome as a whole.
static CHROME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:",
        // visitor counters: label immediately followed (or after a colon) by a number
        r"(?:đang truy cập|đang online|hôm nay|hôm qua|tuần này|tuần trước|tháng này|tháng hiện tại|tháng trước|năm nay|tổng lượt truy cập|tổng truy cập|lượt truy cập|truy cập|số lượt truy cập|thành viên|khách)\s*:?\s*[\d.,]+",
        r"|lượt xem\s*:?\s*[\d.,]+(?:\s*\|\s*lượt tải\s*:?\s*[\d.,]+)?",
        r"|lượt tải\s*:?\s*[\d.,]+",
        r"|(?:lượt xem|lượt tải|bình luận|lượt thích|chia sẻ)\s*:?\s*[\d.,]*",
        r"|tổng số điểm của bài viết là\s*:.*",
        r"|click để đánh giá bài viết.*|đánh giá bài viết.*|bấm vào đây để.*",
        r"|bạn đã không sử dụng site.*|thời gian chờ\s*:.*",
        r"|top|down|lên đầu trang|về đầu trang|in bài|in trang|gửi email|chia sẻ|bản in|quay lại|trở về",
        r")\s*$"
    ))
    .expect("valid regex")
});

/// Parses the structure of an article page. Works on any text: a document that is not a scraped
/// article simply yields no title, dateline or chrome.
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
    let mut art = Article::default();
    let mut first_content: Option<Span> = None;
    let mut has_metadata = false;
    let mut content_lines = 0usize;
    let mut offset = 0usize;
    for (index, raw_line) in text.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let span_of = |s: &str| {
            // `s` is a subslice of `line`
            let start = line_start + (s.as_ptr() as usize - line.as_ptr() as usize);
            Span::new(start, start + s.len())
        };

        // Crawler metadata at the very top: `# key = value`.
        if content_lines == 0
            && index < HEADER_LINES
            && let Some(c) = METADATA.captures(line)
        {
            has_metadata = true;
            art.chrome.push(span_of(line));
            let key = c.get(1).map_or("", |m| m.as_str()).to_ascii_lowercase();
            let value = c.get(2).map_or("", |m| m.as_str());
            if key == "date" && art.published.is_none() {
                art.published = iso_from_compact(value);
            } else if key == "title" && art.title.is_none() && !value.is_empty() {
                art.title = c.get(2).map(|m| span_of(m.as_str()));
            }
            continue;
        }
        content_lines += 1;

        if index < HEADER_LINES
            && art.dateline.is_none()
            && let Some((published, m_end)) = dateline(line)
        {
            art.dateline = Some(Span::new(line_start + lead, line_start + m_end));
            art.published = Some(published);
            // Anything after the date and time on the dateline is counters (views, comments).
            let rest = &line[m_end..];
            let rest_trim = rest.trim();
            if !rest_trim.is_empty()
                && rest_trim
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b' ' || b == b'.' || b == b',')
            {
                art.chrome.push(span_of(rest_trim));
            }
            continue;
        }
        if first_content.is_none() {
            first_content = Some(span_of(trimmed));
        }

        if trimmed.starts_with("Tác giả")
            && let Some(c) = AUTHOR.captures(line)
        {
            if art.author.is_none() {
                art.author = c.get(1).map(|m| m.as_str().to_string());
            }
            continue;
        }
        let unbulleted = trimmed
            .trim_start_matches(['•', '·', '-', '*', '|', '»', '›'])
            .trim_start();
        // Chrome lines are short: long lines of running text skip the regex.
        if unbulleted.len() <= MAX_CHROME_LINE && CHROME_LINE.is_match(unbulleted) {
            art.chrome.push(span_of(trimmed));
        }
    }
    if art.title.is_none() && (has_metadata || art.dateline.is_some()) {
        art.title = first_content.filter(|s| s.len() <= 400);
    }
    art
}

/// Reads a dateline at the start of `line` (a weekday is required, so that a line that merely
/// starts with a date is not taken for one): returns the ISO date(-time) and the byte offset in
/// `line` where the dateline ends. The weekday must agree with the date.
fn dateline(line: &str) -> Option<(String, usize)> {
    let d = dates::dateline_at(line).filter(|d| d.has_weekday)?;
    let day = d.date.to_iso();
    let value = match d.time {
        Some((h, m)) => format!("{day}T{h:02}:{m:02}"),
        None => day,
    };
    Some((value, d.end))
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

    const SEED: &str = include_str!("../data/articles/sin-ho-dan-van.txt");

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
