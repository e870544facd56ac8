//! Signature blocks (phần ký) of administrative and Party documents (NĐ 30/2020, HD 36-HD/VPTW):
//!
//! ```text
//! KT. BỘ TRƯỞNG          TM. ỦY BAN NHÂN DÂN TỈNH        CHỦ TỊCH QUỐC HỘI
//! THỨ TRƯỞNG             CHỦ TỊCH                        Nguyễn Sinh Hùng
//! (Đã ký)                Trương Tấn Thiệu
//! Trương Chí Trung
//! ```
//!
//! Lines are split into cells at tabs and runs of three or more spaces, because old documents print
//! the block beside the "Nơi nhận" list. The position kept is the last title cell before the name
//! (not the `KT.`/`TM.` line, which names the authority signed for). A name far from any title
//! is kept only when the block says it was signed (`đã ký`); it then takes the nearest title cell
//! above, e.g. the issuing title heading a decree (`CHỦ TỊCH NƯỚC …` / … / `Hồ Chí Minh` / `(Đã ký)`).

use std::ops::Range;

use super::scan::{Recurring, Scanner};
use super::words::{self, Cue, Words};
use super::{Mention, TitleSpan};
use crate::Span;
use crate::document::{Case, Document, Gap};
use crate::lexicon::Lex;
use crate::tokenize::TokenKind;

/// How many non-empty lines a title cell reaches down to its signer.
const NEAR_LINES: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Cell {
    /// `KT. BỘ TRƯỞNG`, `TM. ỦY BAN NHÂN DÂN`: the authority signed for.
    Delegation,
    /// A position alone in its cell (`THỨ TRƯỞNG`, `Phó thủ tướng`); `true` when it looks like a
    /// signature title by itself (capitals, a bare position, or a position of a state body such
    /// as `Chủ tịch Quốc hội`), `false` when only a `KT.`/`TM.` line or `(Đã ký)` makes it one
    /// (a table of people and their positions has such cells too).
    Title(bool, TitleSpan),
    /// `(Đã ký)`.
    Signed,
    /// A personal name alone in its cell (name span; whether `đã ký` follows in the cell).
    Name(usize, usize, bool),
    /// A name that is also a place (`Hồ Chí Minh`): trusted only next to `(Đã ký)`.
    PlaceName(usize, usize),
    /// A name ending a cell after list punctuation (`thuộc TW (để phối hợp); Nguyễn Đồng Tiến`),
    /// where a linearized block ran the columns together: trusted only under a signed title.
    TailName(usize, usize),
    Other,
}

/// Finds signers in the signature blocks of `doc` and appends them to `out`.
pub(crate) fn scan(doc: &Document<'_>, out: &mut Vec<Mention>) {
    let mut line_no = 0usize;
    let mut title: Option<(usize, TitleSpan)> = None;
    let mut strong_title = false;
    let mut delegation_line = 0usize;
    let mut prev_nonempty: Option<(usize, Cell, (usize, usize))> = None;
    let mut pending: Option<((usize, usize), bool, usize)> = None;
    let mut signed_since_title = false;
    // The cells of the current line (token ranges) and what a look at each tells, a buffer
    // reused from line to line.
    let mut cells: Vec<(Range<usize>, CellLook)> = Vec::new();
    let all = doc.tokens();
    for line in doc.lines() {
        if line.tokens.is_empty() {
            continue;
        }
        line_no += 1;
        let base = line.span.start;
        let toks = line.tokens.clone();
        // A long line with no column gap is prose, never part of a signature block.
        if line.span.len() > 160
            && !all[toks.clone()]
                .iter()
                .skip(1)
                .any(|t| t.gap == Gap::Column)
        {
            prev_nonempty = Some((line_no, Cell::Other, (base, base)));
            continue;
        }
        // The cells of the line (one, unless column gaps split it), each looked at once.
        look_cells(doc, toks.clone(), &mut cells);
        // A line of running text (one cell of more than ten words and nothing of a block).
        if cells.len() == 1 && cells[0].1.prose(doc, toks.start) {
            pending = None;
            prev_nonempty = Some((line_no, Cell::Other, (base, base)));
            continue;
        }
        for (toks, look) in cells.iter().cloned() {
            let span = doc.span(toks.start, toks.end);
            let (cs, ce) = (span.start, span.end);
            let cell = classify(doc, toks, span, look);
            // A name waiting for a `(Đã ký)` right after it (`Hồ Chí Minh` / `(Đã ký)`).
            let evidence =
                |signed: bool, after: bool, since: bool| strong_title || signed || after || since;
            if let Some((name, _, ln)) = pending.take()
                && cell == Cell::Signed
                && line_no <= ln + 1
                && let Some((_, ts)) = title
            {
                out.push(mention(name, name, ts));
            }
            let after_signed =
                prev_nonempty.is_some_and(|(l, c, _)| c == Cell::Signed && l + 1 >= line_no);
            match cell {
                Cell::Title(strong, parts) => {
                    title = Some((line_no, parts));
                    strong_title =
                        strong || (delegation_line > 0 && line_no <= delegation_line + 3);
                    signed_since_title = false;
                }
                Cell::Delegation => delegation_line = line_no,
                Cell::PlaceName(ns, ne) => match title {
                    Some((_, ts)) if after_signed => out.push(mention((ns, ne), (ns, ne), ts)),
                    Some(_) => pending = Some(((ns, ne), false, line_no)),
                    None => {}
                },
                Cell::TailName(ns, ne) => {
                    if let Some((tl, ts)) = title
                        && signed_since_title
                        && line_no <= tl + 10
                    {
                        out.push(mention((ns, ne), (ns, ne), ts));
                        title = None;
                    }
                }
                Cell::Name(ns, ne, signed) => {
                    let near = title.is_some_and(|(tl, _)| line_no <= tl + NEAR_LINES);
                    match title {
                        Some((tl, ts))
                            if (near || signed || after_signed)
                                && evidence(signed, after_signed, signed_since_title) =>
                        {
                            let adjacent = prev_nonempty.is_some_and(|(l, c, s)| {
                                l + 1 >= line_no
                                    && (s == (ts.start, ts.end)
                                        || (c == Cell::Signed && tl + 2 >= line_no))
                            });
                            let start = if adjacent && tl + 2 >= line_no {
                                ts.start
                            } else {
                                ns
                            };
                            out.push(mention((start, ne), (ns, ne), ts));
                            if near {
                                title = None;
                            }
                        }
                        Some(_) => pending = Some(((ns, ne), signed, line_no)),
                        None => {}
                    }
                }
                Cell::Signed => signed_since_title = true,
                Cell::Other => {}
            }
            if cell != Cell::Other || prev_nonempty.is_none_or(|(l, _, _)| l != line_no) {
                prev_nonempty = Some((line_no, cell, (cs, ce)));
            }
        }
    }
}

fn mention(span: (usize, usize), name: (usize, usize), title: TitleSpan) -> Mention {
    Mention {
        start: span.0,
        end: span.1.max(name.1),
        name,
        honorific: None,
        rank: None,
        titles: vec![title],
    }
}

/// Whether token `i` is a word's piece (not a mark).
fn is_word(doc: &Document<'_>, i: usize) -> bool {
    words::is_word(doc.token(i).kind)
}

/// Whether token `i` is `;` or `)` with whitespace after it (list punctuation a linearized
/// signature block puts before a name).
fn list_mark(doc: &Document<'_>, i: usize, end: usize) -> bool {
    matches!(doc.key(i), ";" | ")") && i + 1 < end && doc.token(i + 1).gap != Gap::None
}

/// Whether the cell starting at token `i` starts with a delegation or acting mark (`KT.`,
/// `TM.`, `Thay mặt`, `Q.`, `Quyền`): the cue and its length in tokens.
fn mark_at(doc: &Document<'_>, i: usize) -> Option<Cue> {
    let lex = doc.lexicons();
    let kind = |k: &str| match k {
        "delegation" => Some(Cue::Delegation),
        "acting" => Some(Cue::Acting),
        _ => None,
    };
    if doc.has(i, Lex::OfficialCue) {
        return doc
            .hit(i, Lex::OfficialCue)
            .and_then(|h| lex.entry(&h).kind())
            .and_then(kind);
    }
    // `KT.`, `TM:` as one token (the mark and its trailing dot or colon).
    let key = doc.key(i);
    if !matches!(key.as_bytes().last(), Some(b'.' | b'/' | b':')) {
        return None;
    }
    let bare = key.trim_end_matches(['.', '/', ':']);
    if bare.len() == key.len() {
        return None;
    }
    lex.get(Lex::OfficialCue, bare)
        .and_then(|e| e.kind())
        .and_then(kind)
}

/// What one pass over a cell's tokens tells [`CellLook::prose`] and [`CellLook::may_sign`].
#[derive(Debug, Clone, Copy)]
struct CellLook {
    /// Words (a word piece after whitespace, or the cell's first token).
    words: usize,
    /// The first word's token.
    first_word: Option<usize>,
    /// A `;`/`)` before a word (a name after list punctuation), or `ký` (signed).
    list_or_signed: bool,
}

/// Splits the line `toks` into cells at column gaps and looks at each once: appends to `cells`
/// (cleared first) their token ranges and what their tokens tell.
fn look_cells(doc: &Document<'_>, toks: Range<usize>, cells: &mut Vec<(Range<usize>, CellLook)>) {
    cells.clear();
    let all = doc.tokens();
    let bytes = doc.text().as_bytes();
    let line = &all[toks.clone()];
    let mut from = toks.start;
    let (mut words, mut first_word, mut list_or_signed) = (0, 0, false);
    for (k, t) in line.iter().enumerate() {
        let i = toks.start + k;
        if i > from && t.gap == Gap::Column {
            let look = CellLook {
                words,
                first_word: (words > 0).then_some(first_word),
                list_or_signed,
            };
            cells.push((std::mem::replace(&mut from, i)..i, look));
            (words, list_or_signed) = (0, false);
        }
        match t.kind {
            // `;` or `)` with whitespace after it inside the cell (see `list_mark`): a key
            // starts with its text's first byte when that is ASCII.
            TokenKind::Punctuation
                if matches!(bytes.get(t.span.start), Some(b';' | b')' | 0x80..))
                    && matches!(doc.key(i), ";" | ")")
                    && line
                        .get(k + 1)
                        .is_some_and(|n| !matches!(n.gap, Gap::None | Gap::Column)) =>
            {
                list_or_signed = true;
            }
            // `ký` (signed) is three bytes, `k` or `K` first.
            TokenKind::Syllable
                if matches!(bytes.get(t.span.start), Some(b'k' | b'K'))
                    && t.span.len() == 3
                    && doc.key(i) == "ký" =>
            {
                list_or_signed = true;
            }
            _ => {}
        }
        if (t.gap != Gap::None || i == from) && words::is_word(t.kind) {
            if words == 0 {
                first_word = i;
            }
            words += 1;
        }
    }
    let look = CellLook {
        words,
        first_word: (words > 0).then_some(first_word),
        list_or_signed,
    };
    cells.push((from..toks.end, look));
}

impl CellLook {
    /// Is the line starting at token `start`, this one cell, running text that [`classify`]
    /// reads as [`Cell::Other`]: more than ten words, no `;`/`)` before a word (a name after
    /// list punctuation), no `ký`, and a first word that is no delegation or acting mark?
    fn prose(&self, doc: &Document<'_>, start: usize) -> bool {
        self.words > 10 && !self.list_or_signed && mark_at(doc, start).is_none()
    }

    /// A quick look before reading the cell `toks`' words: can it be anything but
    /// [`Cell::Other`]?
    ///
    /// A delegation (`KT.`, `TM.`, `Thay mặt`, `Ký thay`), an acting title (`Q.`, `Quyền`),
    /// `đã ký` and a name after list punctuation (`; `, `) `) are seen at once. A name alone in
    /// its cell has at most six words, each capitalized, and starts with a family name; a title
    /// alone has at most ten words, no `.,:;()`, and starts with a position word. (A `true` only
    /// means that [`classify`] must look.)
    fn may_sign(&self, doc: &Document<'_>, toks: Range<usize>) -> bool {
        if self.list_or_signed {
            return true;
        }
        let block = self.words <= 10
            && self.first_word.is_some_and(|f| {
                (doc.has(f, Lex::FamilyName) && self.words <= 6 && all_cap(doc, toks.clone()))
                    || (doc.has(f, Lex::Title) && !stop_marks(doc, toks.clone()))
            });
        block || mark_at(doc, toks.start).is_some()
    }
}

/// Whether every word of the cell `toks` is capitalized (title case or capitals): its first
/// piece, after whitespace or first in the cell.
fn all_cap(doc: &Document<'_>, toks: Range<usize>) -> bool {
    let all = doc.tokens();
    toks.clone().all(|i| {
        let t = &all[i];
        !((t.gap != Gap::None || i == toks.start) && words::is_word(t.kind))
            || matches!(t.case, Case::Title | Case::Upper)
    })
}

/// Whether a token of `toks` other than a syllable holds one of the marks `.,:;()` that no
/// signature title has (`TP.` too).
fn stop_marks(doc: &Document<'_>, toks: Range<usize>) -> bool {
    toks.into_iter().any(|i| {
        !matches!(
            doc.token(i).kind,
            TokenKind::Syllable | TokenKind::InvalidSyllable | TokenKind::Foreign
        ) && has_stop_mark(doc, i)
    })
}

/// Whether token `i` holds one of the marks `.,:;()` that no signature title has (`TP.` too).
fn has_stop_mark(doc: &Document<'_>, i: usize) -> bool {
    doc.text_of(i).contains(['.', ',', ':', ';', '(', ')'])
}

fn classify(doc: &Document<'_>, toks: Range<usize>, span: Span, look: CellLook) -> Cell {
    if span.len() > 120 || toks.is_empty() || !look.may_sign(doc, toks.clone()) {
        return Cell::Other;
    }
    let t = Words::range(doc, toks.clone());
    let n = t.len();
    if n == 0 {
        return Cell::Other;
    }
    let first = doc.key(toks.start);
    let mark = mark_at(doc, toks.start);
    if mark == Some(Cue::Delegation) {
        return Cell::Delegation;
    }
    let signed_tail = n >= 2 && t.key(n - 2) == "đã" && t.key(n - 1) == "ký";
    if signed_tail && n <= 3 {
        return Cell::Signed;
    }
    // `(Đã ký và đóng dấu)`, `(Đã ký)`.
    if n <= 6 && first == "(" && t.key(0) == "đã" && t.key(1) == "ký" {
        return Cell::Signed;
    }
    if matches!(doc.key(toks.end - 1), ":" | ";" | ",") {
        return Cell::Other;
    }
    let name_end = if signed_tail { n - 2 } else { n };
    // Signature blocks carry no honorific (`Ông Phạm Quang Hưng` is a table or a sentence).
    let honorific = t.honorific(0).is_some();
    if (2..=4).contains(&name_end) && t.is_family(0) && !honorific {
        let upper = (0..name_end).all(|i| t.case(i) == Case::Upper);
        let cap = (0..name_end).all(|i| t.case(i) == Case::Title);
        let titled = (0..name_end).any(|i| t.title(i).is_some());
        // No mark before the name's last word (`H'Hen`, `(Nguyễn`, `A.`).
        let last = t.tokens(name_end - 1).end;
        let punct = (toks.start..last).any(|i| !is_word(doc, i));
        let place = t.place(0, true).is_some_and(|(k, _)| k >= name_end);
        if (upper || cap) && !titled && !punct && (!place || signed_tail) {
            let (s, e) = t.span(0, name_end);
            return Cell::Name(s, e, signed_tail);
        }
        if (upper || cap) && !titled && !punct && place {
            // A place-like name (`Hồ Chí Minh`) counts only with `(Đã ký)` next to it.
            let (s, e) = t.span(0, name_end);
            return Cell::PlaceName(s, e);
        }
    }
    let last_mark = |k: &str| {
        (toks.start..toks.end)
            .rev()
            .find(|&i| doc.key(i) == k && list_mark(doc, i, toks.end))
    };
    if let Some(cut) = last_mark(";").or_else(|| last_mark(")")) {
        let tail = cut + 1..toks.end;
        let tt = Words::range(doc, tail.clone());
        let k = tt.len();
        if (2..=4).contains(&k)
            && tt.is_family(0)
            && (0..k).all(|i| tt.case(i) == Case::Title)
            && tail.clone().all(|i| is_word(doc, i))
            && tt.place(0, true).is_none()
        {
            let (s, e) = tt.span(0, k);
            return Cell::TailName(s, e);
        }
    }
    // `Q. BỘ TRƯỞNG` (quyền, acting): the position the signer holds.
    if mark == Some(Cue::Acting) && n >= 2 {
        let rec = Recurring::new(&t);
        let mut sink = (Vec::new(), Vec::new(), Vec::new());
        let sc = Scanner {
            t: &t,
            out: &mut sink.0,
            short: &mut sink.1,
            refs: &mut sink.2,
            rec: &rec,
        };
        if let Some(title) = sc.title_at(1)
            && title.end == n
            && sc.name_after(&title).is_none()
        {
            let parts = sc.title_span(&title, title.end);
            return Cell::Title(
                true,
                TitleSpan {
                    start: span.start,
                    ..parts
                },
            );
        }
    }
    let punct = toks.clone().any(|i| has_stop_mark(doc, i));
    if n <= 10 && !punct && (0..n).all(|i| t.case(i) != Case::Digit) {
        let rec = Recurring::new(&t);
        let mut sink = (Vec::new(), Vec::new(), Vec::new());
        let sc = Scanner {
            t: &t,
            out: &mut sink.0,
            short: &mut sink.1,
            refs: &mut sink.2,
            rec: &rec,
        };
        if let Some(title) = sc.title_at(0)
            && title.end == n
            && sc.name_after(&title).is_none()
        {
            let capitals = toks.clone().all(|i| {
                let tk = doc.token(i);
                tk.case != Case::Lower
                    && !(tk.case == Case::Title && doc.text_of(i).chars().count() > 1)
            });
            let mut j = title.head_end;
            while let Some((k, _)) = t.org(j) {
                j += k;
            }
            return Cell::Title(capitals || j >= n, sc.title_span(&title, title.end));
        }
    }
    Cell::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_with_delegation() {
        let text =
            "Nơi nhận:\tKT. BỘ TRƯỞNG\n- Như trên;\tTHỨ TRƯỞNG\n\n\t(Đã ký)\n\tTrương Chí Trung\n";
        let mut out = Vec::new();
        let doc = Document::new(text);
        scan(&doc, &mut out);
        assert_eq!(out.len(), 1);
        let m = &out[0];
        assert_eq!(&text[m.name.0..m.name.1], "Trương Chí Trung");
        assert_eq!(&text[m.titles[0].start..m.titles[0].end], "THỨ TRƯỞNG");
    }
}
