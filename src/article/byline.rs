//! Bylines and credits (dòng tác giả, nguồn): `Thùy Trang`, `Tin, ảnh: Minh Nguyên`,
//! `ThS LÊ VĂN CƯỜNG`, `Đỗ Biên - Khánh Linh`, `Thế Quảng (Ban Thời sự)`,
//! `CTV: Thanh Nguyên (Trung tâm VH-TT-TT Sơn Dương)`, `Chùm ảnh của MINH TRƯỜNG`, `Theo TTXVN`.
//!
//! A personal name is read from its tokens: one to five capitalised syllables (`Thảo Nhi`,
//! `MINH TRƯỜNG`) or initials (`H.Long`), not starting a position, an organisation or a document
//! type, and not a place as a whole (`Hà Nội`).

use super::cues;
use crate::document::{Case, Document, Gap};
use crate::lexicon::Lex;
use crate::tokenize::TokenKind;

/// What a credit line credits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CreditKind {
    /// The article's author(s).
    Author,
    /// A photo credit (`Ảnh: Quang Vinh`): not the author.
    Photo,
    /// The outlet, agency or work it was taken from (`Theo TTXVN`).
    Source,
}

/// A byline or credit read from tokens `first..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Credit {
    /// What it credits.
    pub kind: CreditKind,
    /// The credited tokens (names with any desk in parentheses, or the source), label dropped.
    pub first: usize,
    /// One past the last credited token.
    pub end: usize,
    /// A label was written (`Tin:`, `Theo`).
    pub labelled: bool,
    /// A source credited after the author on the same line (`Kim Dung Theo Bloomberg`).
    pub also: Option<(usize, usize)>,
}

/// Whether token `i` is a word (a syllable, a foreign word, an abbreviation).
pub(crate) fn is_word(doc: &Document<'_>, i: usize) -> bool {
    doc.get(i).is_some_and(|t| {
        matches!(
            t.kind,
            TokenKind::Syllable
                | TokenKind::InvalidSyllable
                | TokenKind::Foreign
                | TokenKind::Abbreviation
        )
    })
}

/// A capitalised word that may be part of a personal name.
fn name_word(doc: &Document<'_>, i: usize) -> bool {
    doc.get(i).is_some_and(|t| {
        matches!(t.case, Case::Title | Case::Upper)
            && matches!(
                t.kind,
                TokenKind::Syllable | TokenKind::InvalidSyllable | TokenKind::Foreign
            )
    })
}

/// The personal name starting at token `i` (ending by `limit`): one past its last token.
/// `min` is the least number of words (two for a name alone on a line, one after a label).
pub(crate) fn name_at(doc: &Document<'_>, i: usize, limit: usize, min: usize) -> Option<usize> {
    let mut j = i;
    let mut words = 0;
    while j < limit && words < 5 {
        if j > i && (doc.token(j).gap.breaks_line() || doc.token(j).gap == Gap::Column) {
            break;
        }
        // An initial: `H.Long`, `T.Thủy`.
        if doc.text_of(j).chars().count() == 1
            && doc.get(j).is_some_and(|t| t.case == Case::Title)
            && doc.key(j + 1) == "."
            && j + 2 < limit
            && doc.token(j + 1).gap == Gap::None
            && doc.token(j + 2).gap == Gap::None
            && name_word(doc, j + 2)
        {
            words += 1;
            j += 2;
            continue;
        }
        if !name_word(doc, j) {
            break;
        }
        // `Kim Dung Theo Bloomberg`, `Minh PhươngẢnh Reuters`: the credit's label ends the name.
        if j > i
            && (doc.key(j) == "theo"
                || doc.token(j).gap == Gap::None && credit_label(doc, j, limit).is_some())
        {
            break;
        }
        words += 1;
        j += 1;
    }
    if words < min || j == i {
        return None;
    }
    // Not a position, an organisation, a document type or a weekday, nor a place as a whole.
    let starts_other = doc.has(i, Lex::Title)
        || doc.has(i, Lex::Honorific)
        || doc.has(i, Lex::Rank)
        || doc.hit(i, Lex::OrgWord).is_some_and(|h| {
            // `Trường`, `Đoàn` also begin personal names (`Trường Thịnh`); an organisation's
            // name goes on in lower case (`Trường Đại học`) or is longer.
            doc.lexicons().entry(&h).kind() != Some("lower")
                && (h.len() > 1 || (i..j).any(|k| doc.token(k).case == Case::Lower) || j - i > 3)
        })
        || doc.has(i, Lex::DocumentKind)
        || doc.has(i, Lex::LegalCue)
        || doc.has(i, Lex::PageCue);
    if starts_other {
        return None;
    }
    if doc.hit(i, Lex::Place).is_some_and(|h| h.end >= j) {
        return None;
    }
    // A glued agency mark: `Minh Anh-TH`.
    if j + 1 < limit
        && doc.key(j) == "-"
        && doc.token(j).gap == Gap::None
        && doc
            .get(j + 1)
            .is_some_and(|t| t.kind == TokenKind::Abbreviation && t.gap == Gap::None)
    {
        j += 2;
    }
    Some(j)
}

/// Names joined by `-`, `,`, `và`, then a desk or agency in parentheses:
/// `Đỗ Biên - Khánh Linh`, `Thế Quảng (Ban Thời sự)`. One past the last token.
fn names_at(doc: &Document<'_>, i: usize, limit: usize, min: usize) -> Option<usize> {
    let mut end = name_at(doc, i, limit, min)?;
    loop {
        let sep = end;
        if sep + 1 < limit
            && matches!(doc.key(sep), "-" | "," | "và" | "&" | "/")
            && let Some(e) = name_at(doc, sep + 1, limit, min.min(2))
        {
            end = e;
            continue;
        }
        break;
    }
    // (Ban Thời sự), (TTXVN), (tổng hợp); not a credit in parentheses (`(Ảnh Duy Thành)`).
    if end < limit && doc.key(end) == "(" && credit_label(doc, end + 1, limit).is_none() {
        let close = (end + 1..limit.min(end + 12)).find(|&k| doc.key(k) == ")");
        if let Some(c) = close {
            end = c + 1;
        }
    }
    Some(end)
}

/// A source or photo label starting at token `i` (`Theo`, `Ảnh`, `Nguồn`), not in lower case:
/// one past it, and whether it labels a source.
fn credit_label(doc: &Document<'_>, i: usize, limit: usize) -> Option<(usize, bool)> {
    if doc.get(i).is_none_or(|t| t.case == Case::Lower) {
        return None;
    }
    let c = cues::lookup(doc, Lex::BylineCue, i, limit, &mut String::new())?;
    match c.kind() {
        "source" => Some((c.end, true)),
        "photo" => Some((c.end, false)),
        _ => None,
    }
}

/// A credit written after the author's name, from token `at` to `b` (a full stop after it
/// allowed): `Theo Bloomberg`, `(Theo Global Times và The Star)`, a photo credit `Ảnh Reuters`
/// or `(Ảnh Duy Thành)`. One past it, and the source's tokens (none for a photo credit).
fn trailing_credit(
    doc: &Document<'_>,
    at: usize,
    b: usize,
) -> Option<(usize, Option<(usize, usize)>)> {
    let open = doc.key(at) == "(";
    let s = at + usize::from(open);
    // `Kim Dung theo Bloomberg`: the label in any case after the name.
    let (label_end, source) = if doc.key(s) == "theo" {
        (s + 1, true)
    } else {
        credit_label(doc, s, b)?
    };
    let j = label_end + usize::from(doc.key(label_end) == ":");
    let stop = if doc.key(b - 1) == "." { b - 1 } else { b };
    let (end, rest) = if open {
        let close = (j..stop).find(|&k| doc.key(k) == ")")?;
        (close, close + 1)
    } else {
        (stop, b)
    };
    if j >= end || !is_word(doc, j) || doc.token(j).case == Case::Lower {
        return None;
    }
    if rest != b && !(rest + 1 == b && doc.key(rest) == ".") {
        return None;
    }
    Some((b, source.then_some((j, end))))
}

/// Skips a grade or degree (`ThS`, `PGS.TS`, `Nhà báo`) or a rank written before a name.
fn skip_grade(doc: &Document<'_>, i: usize, limit: usize, buf: &mut String) -> usize {
    if let Some(c) = cues::lookup(doc, Lex::BylineCue, i, limit, buf)
        && c.kind() == "grade"
    {
        let mut j = c.end;
        if doc.key(j) == "." {
            j += 1;
        }
        return j;
    }
    if let Some(h) = doc.hit(i, Lex::Rank)
        && h.end <= limit
    {
        return h.end;
    }
    i
}

/// Whether tokens `a..b` are a Vietnamese personal name (syllables, not an outlet's name):
/// `Theo Mai Trang` credits a person, `Theo TTXVN`, `Theo India Times` an outlet.
fn person(doc: &Document<'_>, a: usize, b: usize, buf: &mut String) -> bool {
    names_at(doc, a, b, 2) == Some(b)
        && (a..b).all(|i| doc.is(i, TokenKind::Syllable) || matches!(doc.key(i), "-" | "(" | ")"))
        && cues::lookup(doc, Lex::BylineCue, a, b, buf).is_none_or(|c| c.kind() != "outlet")
}

/// Reads a byline or credit that fills tokens `a..b` (bullets and dashes before it allowed):
/// `[label [:]] [grade] name (sep name)* [(desk)] [Theo source]`, `Theo|Nguồn [:] source`,
/// or an outlet's name alone (`VOV`). A name alone needs two words; after a label, one.
pub(crate) fn credit(doc: &Document<'_>, a: usize, b: usize, buf: &mut String) -> Option<Credit> {
    let mut i = a;
    while i < b && matches!(doc.key(i), "•" | "-" | "*" | "·" | "|" | "–" | "(") {
        i += 1;
    }
    if i >= b {
        return None;
    }
    let mut end_all = b;
    if doc.key(end_all - 1) == ")" && doc.key(a) == "(" {
        end_all -= 1;
    }
    let mut kind = CreditKind::Author;
    let mut labelled = false;
    if let Some(c) = cues::lookup(doc, Lex::BylineCue, i, b, buf) {
        let colon = doc.key(c.end) == ":";
        match c.kind() {
            "outlet" if c.end == end_all || doc.key(c.end) == "." && c.end + 1 == end_all => {
                return Some(Credit {
                    kind: CreditKind::Source,
                    first: i,
                    end: c.end,
                    labelled: false,
                    also: None,
                });
            }
            "source" => {
                let j = c.end + usize::from(colon);
                let mut end = end_all;
                if doc.key(end - 1) == "." {
                    end -= 1;
                }
                // `Theo TTXVN`, `Nguồn: baochinhphu.vn`
                let web_address = doc.is(j, TokenKind::Url);
                if j >= end || !(web_address || is_word(doc, j) && doc.token(j).case != Case::Lower)
                {
                    return None;
                }
                // `Theo Mai Trang`: a person; `Theo TTXVN`, `Nguồn: Báo Nhân Dân`: a source.
                let kind = if person(doc, j, end, buf) {
                    CreditKind::Author
                } else {
                    CreditKind::Source
                };
                return Some(Credit {
                    kind,
                    first: j,
                    end,
                    labelled: true,
                    also: None,
                });
            }
            "author" | "photo" => {
                let of = doc.key(c.end - 1) == "của";
                if colon || of {
                    kind = if c.kind() == "photo" {
                        CreditKind::Photo
                    } else {
                        CreditKind::Author
                    };
                    labelled = true;
                    i = c.end + usize::from(colon);
                }
            }
            _ => {}
        }
    }
    let i = skip_grade(doc, i, b, buf);
    let min = if labelled { 1 } else { 2 };
    let mut end = names_at(doc, i, b, min)?;
    if end < b && doc.key(end) == ")" && doc.key(a) == "(" {
        end += 1;
    }
    let name_end = end;
    let mut also = None;
    if end < b
        && kind == CreditKind::Author
        && let Some((rest, source)) = trailing_credit(doc, end, b)
    {
        // `Kim Dung Theo Bloomberg`: the author, then the source; `Gia Hân (Ảnh Duy Thành)`:
        // the author, then who took the photos.
        also = source;
        end = rest;
    }
    if end != b {
        // A trailing full stop after a labelled name: `Ảnh: Quang Vinh.`
        if !(labelled && end + 1 == b && doc.key(end) == ".") {
            return None;
        }
    }
    let end = name_end.min(b);
    let end = if doc.key(end - 1) == "." {
        end - 1
    } else {
        end
    };
    Some(Credit {
        kind,
        first: i,
        end,
        labelled,
        also,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(CreditKind, String)> {
        let doc = Document::new(text);
        let mut buf = String::new();
        let c = credit(&doc, 0, doc.len(), &mut buf)?;
        Some((c.kind, doc.text_between(c.first, c.end).to_string()))
    }

    #[test]
    fn bylines() {
        use CreditKind::*;
        let cases: &[(&str, CreditKind, &str)] = &[
            ("Thảo Nhi", Author, "Thảo Nhi"),
            ("Tin, ảnh: Minh Nguyên", Author, "Minh Nguyên"),
            ("ThS LÊ VĂN CƯỜNG", Author, "LÊ VĂN CƯỜNG"),
            ("Đỗ Biên - Khánh Linh", Author, "Đỗ Biên - Khánh Linh"),
            ("Thế Quảng (Ban Thời sự)", Author, "Thế Quảng (Ban Thời sự)"),
            (
                "CTV: Thanh Nguyên (Trung tâm VH-TT-TT Sơn Dương)",
                Author,
                "Thanh Nguyên (Trung tâm VH-TT-TT Sơn Dương)",
            ),
            ("Chùm ảnh của MINH TRƯỜNG", Author, "MINH TRƯỜNG"),
            ("Bài và ảnh: Hà Anh", Author, "Hà Anh"),
            ("Tin: Thu Hà", Author, "Thu Hà"),
            ("H.Long", Author, "H.Long"),
            ("Ảnh: Quang Vinh", Photo, "Quang Vinh"),
            ("Theo TTXVN", Source, "TTXVN"),
            ("Theo Mai Trang", Author, "Mai Trang"),
            ("VOV", Source, "VOV"),
            ("Dân Việt", Source, "Dân Việt"),
            ("Theo India Times", Source, "India Times"),
            ("Nguồn: baochinhphu.vn", Source, "baochinhphu.vn"),
            ("T.Thủy", Author, "T.Thủy"),
            ("Trường Thịnh", Author, "Trường Thịnh"),
            (
                "Khánh Anh - Trường Thịnh",
                Author,
                "Khánh Anh - Trường Thịnh",
            ),
            ("Nguồn: Báo Nhân Dân", Source, "Báo Nhân Dân"),
            ("Kim Dung Theo Bloomberg", Author, "Kim Dung"),
            ("Hà AnTheo Healthline", Author, "Hà An"),
            ("Lan PhươngẢnh AFP", Author, "Lan Phương"),
            ("Thu Trang (Ảnh Minh Đức)", Author, "Thu Trang"),
            (
                "Hoàng Nam (Theo Global Times và The Star)",
                Author,
                "Hoàng Nam",
            ),
            ("Mai Chi (tổng hợp)", Author, "Mai Chi (tổng hợp)"),
            ("Thế Quảng (TTXVN)", Author, "Thế Quảng (TTXVN)"),
            (
                "Theo Địa chí Điện Biên (2018)",
                Source,
                "Địa chí Điện Biên (2018)",
            ),
        ];
        for (text, kind, name) in cases {
            assert_eq!(read(text), Some((*kind, name.to_string())), "{text}");
        }
    }

    #[test]
    fn sources_after_names() {
        let also = |text: &str| {
            let doc = Document::new(text);
            let c = credit(&doc, 0, doc.len(), &mut String::new())?;
            c.also.map(|(s, e)| doc.text_between(s, e).to_string())
        };
        assert_eq!(also("Hà AnTheo Healthline").as_deref(), Some("Healthline"));
        assert_eq!(
            also("Hoàng Nam (Theo Global Times và The Star).").as_deref(),
            Some("Global Times và The Star")
        );
        // A photo credit is no source.
        assert_eq!(also("Thu Trang (Ảnh Minh Đức)"), None);
        assert_eq!(also("Lan PhươngẢnh AFP"), None);
    }

    #[test]
    fn not_bylines() {
        for text in [
            "Tài chính",
            "Bình luận",
            "Hà Nội",
            "Chủ tịch UBND tỉnh",
            "Bộ Tài chính",
            "Tin Hoạt động",
            "Nguyễn",
            "Theo đó, ông cho biết",
            "Sở Y tế Hà Nội",
            "QUYẾT ĐỊNH",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
