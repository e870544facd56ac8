//! The layout of a page (bố cục trang): which lines are the article (headline, sapo, dateline,
//! byline, body, captions, a legal document's header, title block and signature) and which are
//! the page around it (menus, breadcrumbs, clocks, counters, share links, related lists, comment
//! boxes, footers).
//!
//! Pages scraped from news and government portals carry text that is not the article, and the
//! article's own metadata is written in many ways. [`layout`] gives every line of a
//! [`Document`] a [`LineClass`] from the line's own evidence — its length, capitals and final
//! punctuation, the cue words of `data/article/*.tsv` (chrome labels, dateline and byline labels,
//! weekdays, the words of a legal document's layout), the date and time values of its tokens,
//! personal names — and from its neighbours (a short line above a longer headline is a section
//! label; a weekday and date above the headline with no time after it is the page's clock; the
//! list under `Tin liên quan` is chrome). Nothing is written per site. Then it reads:
//! - the title: the headline (the first line that reads as one, past menus, breadcrumbs and
//!   section labels, and in a form past its issuer, number and notes; taken whole when it is
//!   wrapped over lines; none when the text opens with its lead, a caption or a table), or a
//!   legal document's title block (type name + trích yếu) unless the page has its own headline
//!   naming it;
//! - `published`: the dateline's date, with its time (`2022-01-24T09:17`; `2:35:57 PM` → 14:35):
//!   a labelled one (`Ngày đăng:`, `Cập nhật:`), one in a byline (`Thùy Trang 14/08/2021 07:18`),
//!   one under the headline, a crawler's `# date = …` or ` date 2025-08-17` marker, or a legal
//!   document's signing date (`Hà Nội, ngày 19 tháng 05 năm 2011`, `Ngày ban hành: …`);
//! - the author from a byline under the headline or a closing line (`Tin, ảnh: Minh Nguyên` →
//!   `Minh Nguyên`, `Hiền Thu`, a name closing the last paragraph), and the
//!   [credit](Article::credit) (`Theo TTXVN` → `TTXVN`, `VOV` alone); an outlet's own tag
//!   opening the lead (`BHG -`, `(HNM) -`) is neither, and photo credits (`Ảnh: …`) are captions;
//! - the page chrome: its spans are [`Article::chrome`], and the [`Analyzer`](crate::Analyzer)
//!   drops every fact inside them (a clock's date, a related article's date, a counter's
//!   `Năm 2023`). Real lists of the page (the seed's "Văn bản mới") stay content, and lines that
//!   only look like chrome (`Địa chỉ:` in a form) count as chrome only on a page that shows
//!   chrome of its own.
//!
//! ```
//! use vntext::article::{parse_article, LineClass};
//! let page = "Trang chủ > Thời sự\n\nBão số 3 đổ bộ vào Quảng Ninh\n\
//!             Thứ bảy, 07/09/2024 | 15:30\n\
//!             (TTXVN) - Chiều 7/9, bão số 3 đổ bộ vào Quảng Ninh với sức gió mạnh.\n\
//!             Minh Anh\nTin liên quan\nQuảng Ninh khắc phục hậu quả bão\n08:12 - 08/09/2024\n";
//! let a = parse_article(page);
//! assert_eq!(a.title.unwrap().slice(page), "Bão số 3 đổ bộ vào Quảng Ninh");
//! assert_eq!(a.published.as_deref(), Some("2024-09-07T15:30"));
//! assert_eq!(a.author.as_deref(), Some("Minh Anh"));
//! assert_eq!(a.lines[0], LineClass::Breadcrumb);
//! assert_eq!(a.lines[8], LineClass::RelatedList); // the related article's date is chrome
//! ```

mod byline;
mod cues;
mod datetime;
mod layout;
mod legal;

use crate::Span;
use crate::document::Document;
use crate::extract::dates::CalendarDate;

/// The class of a line of a page (loại dòng): what the line is on the page. Chrome classes
/// ([`LineClass::is_chrome`]) are not the article: facts inside them are dropped.
///
/// ```
/// use vntext::article::LineClass;
/// let a = vntext::article::parse_article("Trang chủ > Tin tức\nBão số 3 đổ bộ\n\nLượt xem: 14\n");
/// assert_eq!(a.lines[0], LineClass::Breadcrumb);
/// assert_eq!(a.lines[1], LineClass::Headline);
/// assert_eq!(a.lines[3], LineClass::Counter);
/// assert!(LineClass::Counter.is_chrome() && !LineClass::Headline.is_chrome());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LineClass {
    /// No text.
    Blank,
    /// Crawler metadata (`# url = …`, `# date = 20201101`). Chrome.
    Metadata,
    /// A menu (`Trang chủ | Giới thiệu | Liên hệ`). Chrome.
    Menu,
    /// A breadcrumb (`Trang chủ > Tin tức > …`, `Tin Hoạt động >> Văn hóa - Xã hội`). Chrome.
    Breadcrumb,
    /// A section label above the headline (`Tài chính`, `Tin tức trong ngành`). Chrome.
    Section,
    /// The page's clock or date widget (`Thứ hai, ngày 29/04/2024`). Chrome.
    Clock,
    /// A visitor or view counter (`Đang truy cập 74`, `Lượt xem: 14`, `Tháng 3 : 42.118`). Chrome.
    Counter,
    /// Share, print and navigation links, text-size tools (`Gửi bài này In bài này`). Chrome.
    ShareLinks,
    /// A list of other articles and its heading (`Tin liên quan`, `Tin đã đăng`), with their
    /// own dates. Chrome.
    RelatedList,
    /// The comment box (`Bình luận`, `Gõ tiếng Việt có dấu`). Chrome.
    Comments,
    /// The site's footer (`Bản quyền …`, `Powered by …`). Chrome.
    Footer,
    /// Other page furniture: banners, search boxes, weather, loading notices. Chrome.
    Widget,
    /// The article's headline (tít).
    Headline,
    /// The lead paragraph under the headline (sapo).
    Sapo,
    /// The dateline: the article's date and time (`Thứ hai - 24/01/2022 09:17`,
    /// `Ngày đăng: 08/07/2024 11:38`, `Thùy Trang 14/08/2021 07:18`).
    Dateline,
    /// A byline (`Tin, ảnh: Minh Nguyên`, `Hiền Thu`) and an author's unit under it.
    Byline,
    /// A credit to an outlet, agency or work (`Theo TTXVN`, `Nguồn: Báo Nhân Dân`).
    Credit,
    /// Running text.
    Body,
    /// A subheading inside the article.
    Subheading,
    /// A photo caption (`… Ảnh: Quang Vinh`, a line printed twice under a photo).
    Caption,
    /// A table row (cells separated by column gaps or pipes).
    Table,
    /// The header of a legal document: issuer, quốc hiệu, number, place and date.
    LegalHeader,
    /// The title block of a legal document: type name and trích yếu.
    LegalTitle,
    /// The signature block of a legal document (`TM. ỦY BAN NHÂN DÂN`, `Nơi nhận`).
    LegalSignature,
}

impl LineClass {
    /// Whether the class is page chrome: facts inside are dropped from the report.
    ///
    /// ```
    /// assert!(vntext::article::LineClass::RelatedList.is_chrome());
    /// assert!(!vntext::article::LineClass::Dateline.is_chrome());
    /// ```
    pub fn is_chrome(self) -> bool {
        matches!(
            self,
            LineClass::Metadata
                | LineClass::Menu
                | LineClass::Breadcrumb
                | LineClass::Section
                | LineClass::Clock
                | LineClass::Counter
                | LineClass::ShareLinks
                | LineClass::RelatedList
                | LineClass::Comments
                | LineClass::Footer
                | LineClass::Widget
        )
    }
}

/// The title block and signing date of a legal or administrative document (văn bản).
///
/// ```
/// let text = "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
///             Độc lập - Tự do - Hạnh phúc\n\nSố: 12/QĐ-UBND\n\nLai Châu, ngày 05 tháng 3 năm 2021\n\n\
///             QUYẾT ĐỊNH\nVỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n";
/// let a = vntext::article::parse_article(text);
/// let d = a.document.unwrap();
/// assert_eq!(d.kind.as_deref(), Some("QUYẾT ĐỊNH"));
/// assert_eq!(d.summary.as_deref(), Some("VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC"));
/// assert_eq!(d.signed.as_deref(), Some("2021-03-05"));
/// assert_eq!(a.published.as_deref(), Some("2021-03-05"));
/// assert_eq!(a.title.unwrap().slice(text), "QUYẾT ĐỊNH\nVỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LegalDocument {
    /// The type name as written in the title block (tên loại: `QUYẾT ĐỊNH`, `Thông tư`).
    #[cfg_attr(
        feature = "serde",
        serde(rename = "type", skip_serializing_if = "Option::is_none", default)
    )]
    pub kind: Option<String>,
    /// The trích yếu: what the document is about (`Về việc …`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub summary: Option<String>,
    /// The signing date from the place-and-date line (`Hà Nội, ngày 19 tháng 05 năm 2011`) or the
    /// record's `Ngày ban hành`, ISO `YYYY-MM-DD`.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub signed: Option<String>,
}

/// The structure of a page: what each line is, and the article's metadata read from it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    /// The title's span: the headline, or a legal document's title block.
    pub title: Option<Span>,
    /// The publication date, ISO `YYYY-MM-DD`, with `THH:MM` when the dateline writes a time;
    /// for a legal document, its signing date.
    pub published: Option<String>,
    /// The dateline's date and time span.
    pub dateline: Option<Span>,
    /// The author(s) as written, labels dropped (`Tin, ảnh: Minh Nguyên` → `Minh Nguyên`).
    pub author: Option<String>,
    /// The outlet, agency or work the article credits as its source (`Theo TTXVN` → `TTXVN`).
    pub credit: Option<String>,
    /// A legal document's type, trích yếu and signing date.
    pub document: Option<LegalDocument>,
    /// Spans of page chrome (counters, menus, clocks, related lists, metadata), in text order
    /// and disjoint once set on a document: facts inside are dropped.
    pub chrome: Vec<Span>,
    /// The class of every line of the text ([`Document::lines`] order).
    pub lines: Vec<LineClass>,
}

impl Article {
    /// The class of line `l` ([`LineClass::Blank`] past the end).
    ///
    /// ```
    /// use vntext::article::LineClass;
    /// let a = vntext::article::parse_article("Tiêu đề bài\nThứ hai - 24/01/2022 09:17\nNội dung bài viết.");
    /// assert_eq!(a.class_of(1), LineClass::Dateline);
    /// assert_eq!(a.class_of(9), LineClass::Blank);
    /// ```
    pub fn class_of(&self, l: usize) -> LineClass {
        self.lines.get(l).copied().unwrap_or(LineClass::Blank)
    }
}

/// Lays out a text: a [`Document`] built with [`Document::new`], then [`layout`]. Works on any
/// text: a text that is not a web page simply yields no title, dateline or chrome. Spans index
/// `text`.
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

/// Lays out a [`Document`]: every line's [`LineClass`], and the article's title, dateline,
/// author, credit, legal title block and page chrome, read from the lines' tokens (position,
/// length, capitals, punctuation, cue words of `data/article/`, date and time values, names).
/// Spans index [`Document::text`]. The [`Analyzer`](crate::Analyzer) runs it on every document
/// ([`Document::article`]).
///
/// ```
/// use vntext::{article::LineClass, document::Document};
/// let doc = Document::new("Thứ hai, ngày 29/04/2024\n\nTiêu đề bài\n(09/10/2015 15:34:31)\nNội dung bài viết.");
/// let a = vntext::article::layout(&doc);
/// assert_eq!(a.lines[0], LineClass::Clock); // the page's clock, not the article's date
/// assert_eq!(a.published.as_deref(), Some("2015-10-09T15:34"));
/// ```
pub fn layout(doc: &Document<'_>) -> Article {
    layout::layout(doc)
}

/// A metadata line `# key = value` (the `#` at the start of the line): the key and the value's
/// span (empty at the line's end when there is no value).
pub(crate) fn metadata<'d>(
    doc: &'d Document<'_>,
    line: Span,
    a: usize,
    b: usize,
) -> Option<(&'d str, Span)> {
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

/// A metadata date, `20201101` or `2020-11-01…`, as ISO `YYYY-MM-DD`.
pub(crate) fn iso_from_compact(v: &str) -> Option<String> {
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
    fn official_document_without_motto_has_its_title_block() {
        let text = "ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC\nSố: 991/QĐ-UBND\nQUYẾT ĐỊNH\n";
        let a = parse_article(text);
        assert_eq!(a.title.map(|s| s.slice(text)), Some("QUYẾT ĐỊNH"));
        assert_eq!(
            a.document.and_then(|d| d.kind).as_deref(),
            Some("QUYẾT ĐỊNH")
        );
        assert!(a.chrome.is_empty());
        assert_eq!(a.author, None);
    }

    #[test]
    fn content_lines_mentioning_views_stay() {
        let text = "Hôm nay, 1.200 người dân đã đến xem.\nTháng trước có 5 vụ.\n";
        assert!(parse_article(text).chrome.is_empty());
    }
}
