//! Scraped articles (bài báo): title, dateline, author, body, and the page chrome around them.
//!
//! SKELETON: the parser lands with issue #5.

use crate::Span;

/// The structure of a scraped article page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    /// The title's span.
    pub title: Option<Span>,
    /// The dateline's date and time, ISO `YYYY-MM-DDTHH:MM` (or `YYYY-MM-DD`).
    pub published: Option<String>,
    /// The author's name.
    pub author: Option<String>,
    /// Spans of page chrome (counters, menus, rating lines): facts inside them are dropped.
    pub chrome: Vec<Span>,
}

/// Parses the structure of an article.
///
/// ```
/// let a = vntext::article::parse_article("Tiêu đề\n\nThứ hai - 24/01/2022 09:17\nNội dung.");
/// # let _ = a;
/// ```
pub fn parse_article(text: &str) -> Article {
    let _ = text;
    Article::default()
}
