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

use super::lexicon::{F_FAMILY, F_TITLE, HONORIFICS, ORGS, PLACES, TITLES, first_flags, is_family};
use super::tokens::{Case, Tokens, is_word_char};
use super::{Mention, Recurring, Scanner};

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
    Title(bool),
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

/// Finds signers in signature blocks and appends them to `out`.
pub(crate) fn scan(text: &str, out: &mut Vec<Mention>) {
    // Quick exit: a signature block has a line holding only a name; most news text has none
    // among long lines, but we still must look at every line once.
    let mut line_no = 0usize;
    let mut title: Option<(usize, (usize, usize))> = None;
    let mut strong_title = false;
    let mut delegation_line = 0usize;
    let mut prev_nonempty: Option<(usize, Cell, (usize, usize))> = None;
    let mut pending: Option<((usize, usize), bool, usize)> = None;
    let mut signed_since_title = false;
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        let base = offset;
        offset += line.len();
        if line.trim().is_empty() {
            continue;
        }
        line_no += 1;
        // Fast path: a long line with no column gap is prose, never part of a signature block.
        if line.len() > 160 && !line.contains('\t') && !line.contains("   ") {
            prev_nonempty = Some((line_no, Cell::Other, (base, base)));
            continue;
        }
        // A line of running text (one cell of more than ten words and nothing of a block):
        // what `classify` would say of it, without splitting or tokenizing.
        if prose_line(line) {
            pending = None;
            prev_nonempty = Some((line_no, Cell::Other, (base, base)));
            continue;
        }
        for (cs, ce) in cells(line) {
            let (cs, ce) = (base + cs, base + ce);
            let cell = classify(&text[cs..ce], cs);
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
                Cell::Title(strong) => {
                    title = Some((line_no, (cs, ce)));
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
                                    && (s == ts || (c == Cell::Signed && tl + 2 >= line_no))
                            });
                            let start = if adjacent && tl + 2 >= line_no {
                                ts.0
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

fn mention(span: (usize, usize), name: (usize, usize), title: (usize, usize)) -> Mention {
    Mention {
        start: span.0,
        end: span.1.max(name.1),
        name,
        honorific: None,
        rank: None,
        titles: vec![title],
    }
}

/// Cells of a line: byte ranges split at tabs and at runs of three or more spaces, trimmed
/// (two spaces occur inside a cell: `thứ  trưởng`).
fn cells(line: &str) -> Vec<(usize, usize)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    while i < b.len() {
        let c = b[i];
        let sep = c == b'\t'
            || c == b'\n'
            || c == b'\r'
            || (c == b' '
                && i + 2 < b.len()
                && matches!(b[i + 1], b' ' | b'\t')
                && matches!(b[i + 2], b' ' | b'\t'));
        if sep {
            if let Some(s) = start.take() {
                out.push((s, last_end));
            }
            // Skip the whole separator run.
            while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
                i += 1;
            }
            continue;
        }
        if c != b' ' {
            if start.is_none() {
                start = Some(i);
            }
            last_end = i + 1;
            // Keep multi-byte characters whole.
            while last_end < b.len() && (b[last_end] & 0xC0) == 0x80 {
                last_end += 1;
            }
            i = last_end;
            continue;
        }
        i += 1;
    }
    if let Some(s) = start {
        out.push((s, last_end));
    }
    out
}

/// Delegation marks before the authority: thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền.
fn is_delegation(key: &str) -> bool {
    let k = key.trim_end_matches(['.', '/', ':']);
    matches!(
        k,
        "kt" | "tm" | "tl" | "tuq" | "k/t" | "t/m" | "t/l" | "t.m" | "k.t"
    )
}

/// Is `line` one cell of running text that [`classify`] reads as [`Cell::Other`]: no tab, no run
/// of three spaces, more than ten words, no `; ` or `) ` (a name after list punctuation), no `ký`,
/// and a first word that is no delegation or acting mark? One pass over the bytes.
fn prose_line(line: &str) -> bool {
    let b = line.as_bytes();
    let body = line.trim_end_matches(['\n', '\r']);
    if body.contains('\r') {
        return false;
    }
    let first = body.trim_start().split(' ').next().unwrap_or("");
    if first.len() <= 8 && first_is_mark(first) {
        return false;
    }
    let mut words = 0;
    let mut at_start = true;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'\t' => return false,
            b' ' | b'\n' | b'\r' => {
                if b.get(i + 1) == Some(&b' ') && b.get(i + 2) == Some(&b' ') {
                    return false;
                }
                at_start = true;
                continue;
            }
            b';' | b')' if b.get(i + 1) == Some(&b' ') => return false,
            // `ký`, `Ký`, `KÝ`, `kÝ` (ý = C3 BD, Ý = C3 9D).
            b'k' | b'K'
                if b.get(i + 1) == Some(&0xC3) && matches!(b.get(i + 2), Some(0xBD | 0x9D)) =>
            {
                return false;
            }
            _ => {}
        }
        if at_start
            && line
                .get(i..)
                .and_then(|r| r.chars().next())
                .is_some_and(is_word_char)
        {
            words += 1;
        }
        at_start = false;
    }
    words > 10
}

/// Is the first word of a cell a delegation (`KT.`, `TM.`) or acting (`Q.`, `Quyền`) mark, or the
/// start of `Thay mặt` / `Ký thay`? (No allocation: most cells are not.)
fn first_is_mark(first: &str) -> bool {
    let fb = first.as_bytes();
    if fb.len() > 8 || !matches!(fb.first(), Some(b'k' | b'K' | b't' | b'T' | b'q' | b'Q')) {
        return false;
    }
    if !first.is_ascii() {
        // `Quyền`, `Ký` (thay): the only marks with letters outside ASCII.
        return matches!(fb.first(), Some(b'k' | b'K' | b'q' | b'Q'))
            && matches!(first.to_lowercase().as_str(), "quyền" | "ký");
    }
    let mut buf = [0u8; 8];
    for (d, c) in buf.iter_mut().zip(fb) {
        *d = c.to_ascii_lowercase();
    }
    let f = &buf[..fb.len()];
    let mut t = f;
    while let [rest @ .., b'.' | b'/' | b':'] = t {
        t = rest;
    }
    matches!(
        t,
        b"kt" | b"tm" | b"tl" | b"tuq" | b"k/t" | b"t/m" | b"t/l" | b"t.m" | b"k.t"
    ) || matches!(f, b"q." | b"q" | b"thay")
}

/// A quick look before tokenizing a cell: can it be anything but [`Cell::Other`]?
///
/// A delegation (`KT.`, `TM.`, `Thay mặt`, `Ký thay`), an acting title (`Q.`, `Quyền`), `đã ký`
/// and a name after list punctuation (`; `, `) `) are seen in the raw text. A name alone in its
/// cell has at most six words, each capitalized, and starts with a family name; a title alone
/// has at most ten words, no `.,:;()`, and starts with a position word. (A `true` only means
/// that [`classify`] must look.)
fn may_sign(cell: &str) -> bool {
    let b = cell.as_bytes();
    let mut words = 0;
    let mut all_cap = true;
    let mut punct = false;
    let mut at_start = true;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b' ' => {
                at_start = true;
                continue;
            }
            b';' | b')' if b.get(i + 1) == Some(&b' ') => return true,
            // `ký`, `Ký`, `KÝ`, `kÝ` (ý = C3 BD, Ý = C3 9D).
            b'k' | b'K'
                if b.get(i + 1) == Some(&0xC3) && matches!(b.get(i + 2), Some(0xBD | 0x9D)) =>
            {
                return true;
            }
            b'.' | b',' | b':' | b';' | b'(' | b')' => punct = true,
            _ => {}
        }
        if at_start
            && let Some(ch) = cell.get(i..).and_then(|r| r.chars().next())
            && is_word_char(ch)
        {
            words += 1;
            all_cap &= ch.is_uppercase();
        }
        at_start = false;
    }
    let first = cell.split(' ').next().unwrap_or("");
    if first_is_mark(first) {
        return true;
    }
    if words > 10 {
        return false;
    }
    let Some(s) = cell.find(is_word_char) else {
        return false;
    };
    let rest = &cell[s..];
    let head = &rest[..rest.find(' ').unwrap_or(rest.len())];
    let t = Tokens::new(head);
    let flags = if t.len() > 0 {
        first_flags(t.key(0))
    } else {
        0
    };
    let name = flags & F_FAMILY != 0 && words <= 6 && all_cap;
    let title = flags & F_TITLE != 0 && !punct;
    name || title
}

fn classify(cell: &str, base: usize) -> Cell {
    if cell.len() > 120 || !may_sign(cell) {
        return Cell::Other;
    }
    let t = Tokens::new(cell);
    let n = t.len();
    if n == 0 {
        return Cell::Other;
    }
    let lower = cell.to_lowercase();
    let first_word = lower.split([' ', '\t']).next().unwrap_or("");
    if is_delegation(first_word) || lower.starts_with("thay mặt") || lower.starts_with("ký thay")
    {
        return Cell::Delegation;
    }
    let signed_tail = n >= 2 && t.key(n - 2) == "đã" && t.key(n - 1) == "ký";
    if signed_tail && n <= 3 {
        return Cell::Signed;
    }
    // `(Đã ký và đóng dấu)`, `(Đã ký)`.
    if n <= 6 && cell.starts_with('(') && t.key(0) == "đã" && t.key(1) == "ký" {
        return Cell::Signed;
    }
    if cell.ends_with([':', ';', ',']) {
        return Cell::Other;
    }
    let name_end = if signed_tail { n - 2 } else { n };
    // Signature blocks carry no honorific (`Ông Phạm Quang Hưng` is a table or a sentence).
    let honorific = HONORIFICS.longest_at(&t, 0, false).is_some();
    if (2..=4).contains(&name_end) && is_family(t.key(0)) && !honorific {
        let upper = (0..name_end).all(|i| t.case(i) == Case::Upper);
        let cap = (0..name_end).all(|i| t.case(i) == Case::Cap);
        let titled = (0..name_end).any(|i| TITLES.longest_at(&t, i, false).is_some());
        let punct = cell[..t.toks[name_end - 1].end].contains(|c: char| c.is_ascii_punctuation());
        let place = PLACES
            .longest_at(&t, 0, true)
            .is_some_and(|(k, _)| k >= name_end);
        if (upper || cap) && !titled && !punct && (!place || signed_tail) {
            let (s, e) = t.span(0, name_end);
            return Cell::Name(base + s, base + e, signed_tail);
        }
        if (upper || cap) && !titled && !punct && place {
            // A place-like name (`Hồ Chí Minh`) counts only with `(Đã ký)` next to it.
            let (s, e) = t.span(0, name_end);
            return Cell::PlaceName(base + s, base + e);
        }
    }
    if let Some(cut) = cell.rfind("; ").or_else(|| cell.rfind(") ")) {
        let tail = &cell[cut + 2..];
        let tt = Tokens::new(tail);
        let k = tt.len();
        if (2..=4).contains(&k)
            && is_family(tt.key(0))
            && (0..k).all(|i| tt.case(i) == Case::Cap)
            && !tail.contains(|c: char| c.is_ascii_punctuation())
            && PLACES.longest_at(&tt, 0, true).is_none()
        {
            let (s, e) = tt.span(0, k);
            return Cell::TailName(base + cut + 2 + s, base + cut + 2 + e);
        }
    }
    // `Q. BỘ TRƯỞNG` (quyền, acting): the position the signer holds.
    let acting = matches!(first_word, "q." | "q" | "quyền") && n >= 2;
    if acting {
        let mut sink = (Vec::new(), Vec::new());
        let sc = Scanner {
            t: &t,
            out: &mut sink.0,
            short: &mut sink.1,
            rec: &Recurring::new(cell),
        };
        if let Some(title) = sc.title_at(1)
            && title.end == n
            && sc.name_after(&title).is_none()
        {
            return Cell::Title(true);
        }
    }
    if n <= 10
        && !cell.contains(['.', ',', ':', ';', '(', ')'])
        && (0..n).all(|i| t.case(i) != Case::Digit)
    {
        let (mut sink, mut short) = (Vec::new(), Vec::new());
        let sc = Scanner {
            t: &t,
            out: &mut sink,
            short: &mut short,
            rec: &Recurring::new(cell),
        };
        if let Some(title) = sc.title_at(0)
            && title.end == n
            && sc.name_after(&title).is_none()
        {
            let capitals = !cell.chars().any(char::is_lowercase);
            let mut j = title.head_end;
            while let Some((k, _)) = ORGS.longest_at(&t, j, false) {
                j += k;
            }
            return Cell::Title(capitals || j >= n);
        }
    }
    Cell::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_split_at_wide_gaps() {
        let line = "- Văn phòng TW Đảng          Thứ trưởng\n";
        let c: Vec<&str> = cells(line).into_iter().map(|(a, b)| &line[a..b]).collect();
        assert_eq!(c, ["- Văn phòng TW Đảng", "Thứ trưởng"]);
    }

    #[test]
    fn block_with_delegation() {
        let text =
            "Nơi nhận:\tKT. BỘ TRƯỞNG\n- Như trên;\tTHỨ TRƯỞNG\n\n\t(Đã ký)\n\tTrương Chí Trung\n";
        let mut out = Vec::new();
        scan(text, &mut out);
        assert_eq!(out.len(), 1);
        let m = &out[0];
        assert_eq!(&text[m.name.0..m.name.1], "Trương Chí Trung");
        assert_eq!(&text[m.titles[0].0..m.titles[0].1], "THỨ TRƯỞNG");
    }
}
