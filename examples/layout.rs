//! The layout of a page: the class of every line (headline, dateline, byline, body, chrome…)
//! and the article's metadata read from them.
//!
//! ```text
//! cargo run --example layout -- data/articles/sin-ho-dan-van.txt
//! ```
//!
//! With no path it lays out a short page written here. Each line is printed as
//! `CLASS<TAB>text` (chrome classes marked `*`), then the title, dateline, author and credit.
use vntext::Analyzer;

const PAGE: &str = "Trang chủ > Thời sự\n\nBão số 3 đổ bộ vào Quảng Ninh\n\
                    Thứ bảy, 07/09/2024 | 15:30\n\
                    (TTXVN) - Chiều 7/9, bão số 3 đổ bộ vào Quảng Ninh với sức gió mạnh.\n\
                    Nhiều cây xanh bị quật đổ trên đường phố.\nMinh Anh\nTin liên quan\n\
                    Quảng Ninh khắc phục hậu quả bão\n08:12 - 08/09/2024\n";

fn main() {
    let analyzer = Analyzer::new();
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let texts: Vec<(String, String)> = if paths.is_empty() {
        vec![("(example page)".to_string(), PAGE.to_string())]
    } else {
        paths
            .iter()
            .filter_map(|p| match std::fs::read_to_string(p) {
                Ok(t) => Some((p.clone(), t)),
                Err(e) => {
                    eprintln!("layout: {p}: {e}");
                    None
                }
            })
            .collect()
    };
    for (name, text) in &texts {
        let doc = analyzer.document(text);
        println!("== {name}");
        for (l, line) in doc.lines().iter().enumerate() {
            let class = doc.line_class(l);
            if line.tokens.is_empty() {
                continue;
            }
            let mark = if class.is_chrome() { "*" } else { " " };
            let shown: String = doc.slice(line.span).chars().take(110).collect();
            println!("{mark}{:<15}{shown}", format!("{class:?}"));
        }
        let a = doc.article();
        let title = a.title.map(|s| doc.original_text(s).to_string());
        println!("title:     {title:?}");
        println!("published: {:?}", a.published);
        println!("author:    {:?}", a.author);
        println!("credit:    {:?}", a.credit);
        if let Some(d) = &a.document {
            println!("document:  {d:?}");
        }
    }
}
